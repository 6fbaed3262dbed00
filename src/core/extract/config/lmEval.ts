import type { ConfigDialect, ConfigDoc, ConfigValue, FactSink } from './dialect';
import { positiveIntegerOrDigits } from '../positiveInteger';

/**
 * Evaluation-harness configs: EleutherAI lm-evaluation-harness's `--config` YAML (`model: vllm`,
 * `model_args: "pretrained=…,tensor_parallel_size=2,data_parallel_size=2,dtype=bfloat16"`, `tasks`,
 * `num_fewshot`, `batch_size`, `log_samples`; see its docs/interface.md) and the wrappers that keep the
 * same keys flat (`model_name`, `tasks`, `tensor_parallel_size`, `data_parallel_size`,
 * `gpu_memory_utilization`). Evaluating a model is running it: an inference run of the named model, on
 * tensor-parallel × data-parallel GPUs when both are written.
 */

/** lm-eval model backends (`model:`): the engine, not the model (the checkpoint is `pretrained=` in model_args). */
const BACKENDS: Readonly<Record<string, 'vllm' | 'hf-generate' | 'sglang' | undefined>> = {
  vllm: 'vllm',
  'vllm-vlm': 'vllm',
  hf: 'hf-generate',
  'hf-auto': 'hf-generate',
  huggingface: 'hf-generate',
  'hf-multimodal': 'hf-generate',
  sglang: 'sglang',
};
/** Keys only an evaluation run writes beside `tasks` (a training config with an eval task list has none of them). */
const EVAL_KEYS = [
  'num_fewshot',
  'log_samples',
  'limit',
  'tensor_parallel_size',
  'data_parallel_size',
  'gpu_memory_utilization',
  'evals_dataset',
  'max_gen_toks',
  'apply_chat_template',
];
const MODEL_KEYS = ['model_name', 'pretrained', 'model_name_or_path', 'model_id'];

/** `tasks: "mmlu,gsm8k"` or a list of task names (not a Beaker/Kubernetes list of task maps). */
function namesTasks(doc: ConfigDoc): boolean {
  const tasks = doc.get('tasks');
  if (!tasks) return false;
  if (tasks.shape === 'scalar') return typeof tasks.value === 'string' && tasks.value.length > 0;
  return tasks.shape === 'seq' && doc.get('tasks.0')?.shape === 'scalar';
}

/** `pretrained=org/name,tensor_parallel_size=2,dtype=bfloat16` → its pairs (bounded: a hostile string is long). */
function modelArgs(raw: string): Map<string, string> {
  const pairs = new Map<string, string>();
  for (const part of raw.slice(0, 4000).split(',').slice(0, 64)) {
    const eq = part.indexOf('=');
    if (eq > 0) pairs.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  return pairs;
}

/** model_args values are short digit strings (`tensor_parallel_size=2`). */
const positiveDigits = (v: unknown) => positiveIntegerOrDigits(v, 6);

export const lmEval: ConfigDialect = {
  name: 'lm-eval',
  words: ['tasks'],
  detect: (doc) =>
    namesTasks(doc) &&
    (MODEL_KEYS.some((k) => typeof doc.str(k) === 'string') || typeof doc.str('model_args') === 'string') &&
    EVAL_KEYS.some((k) => doc.has(k)),
  owns: (path) =>
    path === 'model' ||
    path === 'model_args' ||
    path === 'tasks' ||
    path.startsWith('tasks.') ||
    path === 'batch_size' ||
    path === 'tensor_parallel_size' ||
    path === 'data_parallel_size' ||
    path === 'limit',
  read(doc: ConfigDoc, out: FactSink): void {
    const tasks = doc.get('tasks')!;
    out.add(
      'launch.inference',
      'config:lm-eval',
      tasks,
      'an evaluation config (tasks to score the model on): inference',
    );
    const argsValue = doc.get('model_args');
    const args = typeof argsValue?.value === 'string' ? modelArgs(argsValue.value) : new Map<string, string>();
    // The engine: lm-eval's `model:` backend, or vLLM's own knobs written flat.
    const backend = doc.get('model');
    const engine =
      typeof backend?.value === 'string' && Object.hasOwn(BACKENDS, backend.value)
        ? BACKENDS[backend.value]
        : undefined;
    const vllmKnobs = ['tensor_parallel_size', 'gpu_memory_utilization', 'max_model_len'].find((k) => doc.has(k));
    if (engine && backend)
      out.add('inference.engine', engine, backend, `model: ${String(backend.value)} (lm-eval backend)`);
    else if (vllmKnobs)
      out.add('inference.engine', 'vllm', doc.get(vllmKnobs)!, `${vllmKnobs}: a vLLM setting`, 'medium');
    // The checkpoint: a flat model key, or `pretrained=` in model_args.
    const flat = MODEL_KEYS.map((k) => doc.get(k)).find((v): v is ConfigValue => typeof v?.value === 'string');
    const id = flat ? String(flat.value) : args.get('pretrained');
    const at = flat ?? argsValue;
    if (id && at && /^[\w.-]+(\/[\w.-]+)*$/.test(id)) {
      out.add('model.id', id, at, flat ? `${flat.key}: ${id} (the model evaluated)` : `model_args pretrained=${id}`);
      out.add('model.fromScratch', false, at, 'an evaluated model is a trained checkpoint', 'medium');
    }
    // GPUs: tensor-parallel × data-parallel (each data-parallel copy of the model on its own tensor-parallel group).
    const tpValue = doc.get('tensor_parallel_size');
    const dpValue = doc.get('data_parallel_size');
    const tp = positiveDigits(tpValue?.value ?? args.get('tensor_parallel_size'));
    const dp = positiveDigits(dpValue?.value ?? args.get('data_parallel_size'));
    const where = tpValue ?? dpValue ?? argsValue ?? tasks;
    if (tp) out.add('inference.tensorParallel', tp, tpValue ?? where, `tensor_parallel_size ${tp}`);
    if (tp || dp)
      out.add(
        'hardware.devices',
        (tp ?? 1) * (dp ?? 1),
        where,
        `tensor_parallel_size ${tp ?? 1} × data_parallel_size ${dp ?? 1}: GPUs the evaluation runs on`,
      );
    const dtype = args.get('dtype');
    if (dtype && argsValue) {
      const precision = /bfloat16|bf16/.test(dtype) ? 'bf16' : /float16|fp16|half/.test(dtype) ? 'fp16' : undefined;
      if (precision) out.add('training.precision', precision, argsValue, `model_args dtype=${dtype}`);
    }
  },
};
