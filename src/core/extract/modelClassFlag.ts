/**
 * A flag that picks the model class a program builds by name (`--llama_type llama_peft`, `--model_type mixtral`):
 * programs that keep one module per model variant (`model/LLM/<name>.py`) and build the one the flag names, sized by
 * the config they are handed (`--llama_config params.json`). The value names the family, not its size: the run's
 * model is that family, its size unknown unless something else states it. Read from launch lines (shellFacts.ts) and
 * from a flag's default in the program (python/readers/modelFlagDefault.ts).
 */

/** Flags whose value is the name of the model class (dashes and underscores alike). */
export const MODEL_CLASS_FLAGS: ReadonlySet<string> = new Set(['llama_type', 'model_type']);

/**
 * A class name that starts with a language-model family word, then variant words (`llama`, `llama_peft`,
 * `llama_qformerv2_peft`, `mixtral_sparse`, `internlm`): other values (`gpt2` for a Hugging Face config class,
 * `bert`, a task type) are read by the rules of their own frameworks, and a size (`13B`) by the size-folder rule.
 */
const MODEL_CLASS_VALUE =
  /^(?:llama|codellama|mistral|mixtral|internlm|qwen|gemma|falcon|baichuan|chatglm|deepseek|vicuna|yi)\d{0,2}(?:_[a-z][a-z0-9]{0,19}){0,4}$/i;

/** The family a model-class flag's value names, or undefined when the value is not such a name. */
export function modelClassName(value: string | undefined): string | undefined {
  return value !== undefined && value.length <= 80 && MODEL_CLASS_VALUE.test(value) ? value : undefined;
}
