/**
 * Models that write a chain of thought before their answer by default (reasoning models), by name. A request to
 * one of them generates its reasoning tokens as well as the answer: when the code does not say how long outputs
 * are, the serving estimate takes the longer output of a reasoning model (inferenceConstants.ts
 * REASONING_OUTPUT_FACTOR). A spec or directive saying `reasoning: false` wins over this table.
 */
interface ReasoningFamily {
  readonly pattern: RegExp;
  /** Names that match the pattern but do not think (a non-thinking instruct release, a base checkpoint). */
  readonly except?: RegExp;
  readonly source: string;
}

const FAMILIES: readonly ReasoningFamily[] = [
  {
    pattern: /gpt-oss/i,
    source:
      'OpenAI, "gpt-oss-120b & gpt-oss-20b Model Card", arXiv:2508.10925: two open-weight reasoning models (reasoning effort low/medium/high, chain of thought before the answer)',
  },
  {
    pattern: /deepseek-r1/i,
    source:
      'ollama.com/library/deepseek-r1: "DeepSeek-R1 is a family of open reasoning models" (the distilled Qwen and Llama checkpoints included; <think> block before the answer)',
  },
  {
    // Qwen3 (April 2025) switches between thinking and non-thinking with enable_thinking, on by default; the
    // 2507 Instruct releases support only non-thinking mode; base checkpoints are not chat models.
    pattern: /qwen3-\d/i,
    except: /instruct-2507|-base\b|coder|embedding|reranker/i,
    source:
      'Qwen documentation, Quickstart (qwen.readthedocs.io): apply_chat_template(..., enable_thinking=True) "Switches between thinking and non-thinking modes. Default is True."; "Qwen3-Instruct-2507 supports only non-thinking mode"',
  },
];

/** The source saying a model is a reasoning model, or null when its name is not one of the known families. */
export function reasoningModelSource(name: string | null | undefined): string | null {
  if (!name) return null;
  const family = FAMILIES.find((f) => f.pattern.test(name) && !(f.except && f.except.test(name)));
  return family ? family.source : null;
}
