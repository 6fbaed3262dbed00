import type { ConfigDialect, ConfigDoc, ConfigValue, FactSink } from './dialect';
import { positiveIntegerOrDigits } from '../positiveInteger';

/**
 * AlpacaEval model configs (tatsu-lab/alpaca_eval, `models_configs/<name>/configs.yaml`, passed as
 * `alpaca_eval evaluate_from_model --model_configs …`): one top-level key, the config's name, whose map
 * says how the completions are made — `fn_completions` (the decoder) and `completions_kwargs` (its
 * arguments: `model_name`, `model_kwargs`, `max_new_tokens`, `batch_size`). Source: alpaca_eval's
 * src/alpaca_eval/decoders/__init__.py (get_fn_completions) and decoders/{vllm_local,huggingface_local}.py.
 *
 * Only the local decoders run a model here: `vllm_local_completions` (vLLM `LLM(model=model_name,
 * tensor_parallel_size=model_kwargs.tp)`) and `huggingface_local_completions` (transformers
 * `from_pretrained(model_name, **model_kwargs)`). The API decoders (openai_completions,
 * anthropic_completions, huggingface_api_completions, …) send prompts to a remote service: no run here.
 */

/** Local decoders: the engine each runs the model on. */
const LOCAL_DECODERS: Readonly<Record<string, 'vllm' | 'hf-generate' | undefined>> = {
  vllm_local_completions: 'vllm',
  huggingface_local_completions: 'hf-generate',
};

/** One named config's keys by their path below the name (a name may hold dots: `Mistral-7B-v0.2`). */
type Keys = ReadonlyMap<string, ConfigValue>;

/** The first top-level map that names a local decoder with its arguments (configs hold one; a hostile file many). */
function localConfig(doc: ConfigDoc): { name: string; keys: Keys } | undefined {
  const maps = doc
    .entries()
    .slice(0, 16)
    .filter((e) => e.shape === 'map');
  if (maps.length === 0) return undefined;
  const all = doc.walk();
  for (const entry of maps) {
    const head = `${entry.key}.`;
    const keys = new Map<string, ConfigValue>();
    for (const v of all) if (v.path.startsWith(head)) keys.set(v.path.slice(head.length), v);
    const fn = keys.get('fn_completions')?.value;
    if (typeof fn === 'string' && Object.hasOwn(LOCAL_DECODERS, fn) && keys.get('completions_kwargs')?.shape === 'map')
      return { name: entry.key, keys };
  }
  return undefined;
}

const str = (v: ConfigValue | undefined): string | undefined => (typeof v?.value === 'string' ? v.value : undefined);

export const alpacaEval: ConfigDialect = {
  name: 'alpaca-eval',
  words: ['fn_completions'],
  detect: (doc) => localConfig(doc) !== undefined,
  owns: (path) => /\.(fn_completions|completions_kwargs|prompt_template|pretty_name)(\.|$)/.test(path),
  read(doc: ConfigDoc, out: FactSink): void {
    const found = localConfig(doc);
    if (!found) return;
    const { keys } = found;
    const fnAt = keys.get('fn_completions')!;
    const fn = String(fnAt.value);
    out.add(
      'launch.inference',
      'config:alpaca-eval',
      fnAt,
      `fn_completions: ${fn} (AlpacaEval decodes locally): inference`,
    );
    out.add('inference.engine', LOCAL_DECODERS[fn]!, fnAt, `fn_completions: ${fn}`);
    const modelAt = keys.get('completions_kwargs.model_name');
    const id = str(modelAt);
    if (modelAt && id && /^[\w.-]+(\/[\w.-]+)*$/.test(id)) {
      out.add('model.id', id, modelAt, `completions_kwargs.model_name: ${id} (the model AlpacaEval decodes with)`);
      out.add('model.fromScratch', false, modelAt, 'an evaluated model is a trained checkpoint', 'medium');
    }
    const dtypeAt = keys.get('completions_kwargs.model_kwargs.torch_dtype');
    const dtype = str(dtypeAt);
    if (dtypeAt && dtype) {
      const precision = /bfloat16|bf16/.test(dtype) ? 'bf16' : /float16|fp16|half/.test(dtype) ? 'fp16' : undefined;
      if (precision) out.add('training.precision', precision, dtypeAt, `model_kwargs.torch_dtype: ${dtype}`);
    }
    // vllm_local_completions reads the tensor-parallel size from model_kwargs.tp (1 when absent).
    const tpAt = keys.get('completions_kwargs.model_kwargs.tp');
    const tp = fn === 'vllm_local_completions' ? positiveIntegerOrDigits(tpAt?.value, 4) : undefined;
    if (tp && tpAt) {
      out.add('inference.tensorParallel', tp, tpAt, `model_kwargs.tp ${tp}`);
      out.add('hardware.devices', tp, tpAt, `model_kwargs.tp ${tp}: vLLM tensor-parallel GPUs`);
    }
  },
};
