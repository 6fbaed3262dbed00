import type { ConfigDialect, ConfigDoc, ConfigValue, FactSink } from './dialect';
import { positiveInteger } from '../positiveInteger';
import { normalisePrecision } from '../precision';

/**
 * MaxText job configs (github.com/AI-Hypercomputer/maxtext): `MaxText/configs/base.yml` and the configs derived
 * from it (`base_config: base.yml`), passed as the first argument of `train.py`/`decode.py`, with `key=value`
 * overrides after it on the launch line (read through the same reader, shell/overrides.ts). What this reads
 * (base.yml comments and pyconfig.py):
 * - `model_name`: `default` means the architecture of the `base_*` keys; another name loads
 *   `configs/models/<name>.yml` (a published architecture: the model).
 * - `steps` (training steps; -1 inherits the schedule's length: not read), `per_device_batch_size`,
 *   `max_target_length` (sequence length).
 * - weights: random initialisation unless `load_parameters_path`/`load_full_state_path` names a checkpoint
 *   (base.yml: "Loads a just parameters from a specific directory"), so a complete config without one pretrains.
 * - the default architecture's size, when the whole of it is written here: layers × (attention with `head_dim`
 *   per head, grouped KV heads; MLP of `base_mlp_dim` with one matrix per `mlp_activations` entry plus the output)
 *   + the embedding (twice unless `logits_via_embedding`), scaled by `global_parameter_scale` as pyconfig's
 *   get_individual_scales does (log2 s = 3b + r: heads and MLP × 2^(b+(r>0)), width × 2^(b+(r>1)), layers × 2^b).
 * - precision: `dtype`, the activations' dtype the layers compute in (base.yml: "activation dtypes", bfloat16; the
 *   weights stay in `weight_dtype`), unless `quantization` names an fp8 scheme ('fp8', 'nanoo_fp8', 'fp8_full':
 *   base.yml, "8-bit floating-point gemms"); the int8 schemes quantise the weights and are not read here.
 * - devices: the product of the `dcn_*` and `ici_*` parallelism axes, only when the two axes base.yml leaves to
 *   auto-sharding (`dcn_data_parallelism`, `ici_fsdp_parallelism`: -1) are both stated positive here.
 */

const MARKERS = [
  'global_parameter_scale',
  'base_emb_dim',
  'remat_policy',
  'async_checkpointing',
  'ici_fsdp_parallelism',
  'dcn_data_parallelism',
] as const;
/** JetStream serving keys (MaxText's inference_jetstream.yml): a config with one of them, or derived from such a config, serves. */
const SERVING_KEYS = ['enable_model_warmup', 'jax_profiler_port', 'inference_server'];
const SERVING_BASE = /(?:inference|jetstream|serving)[\w.-]*\.ya?ml$/i;
/** Keys the default model's size is worked out from. */
const SIZE_KEYS = [
  'model_name',
  'global_parameter_scale',
  'base_emb_dim',
  'base_num_query_heads',
  'base_num_kv_heads',
  'base_mlp_dim',
  'base_num_decoder_layers',
  'head_dim',
  'vocab_size',
  'mlp_activations',
  'logits_via_embedding',
];
/** A distillation config's sections of keys for the student (the model trained) and the teacher. */
const OVERRIDE_SECTION = /^student_overrides$/;
const STUDENT_WEIGHTS = ['student_overrides.load_parameters_path', 'student_overrides.load_full_state_path'];
/** Switches and sections of MaxText's post-training configs (configs/post_train/sft.yml, dpo.yml, rl.yml). */
const POST_TRAINING = ['use_sft', 'use_dpo', 'rl.loss_algo', 'rl.num_generations'];
const PARALLEL_AXIS = /^(?:ici|dcn)_\w+_parallelism$/;
/**
 * `base_config: base.yml`, `base_config: "inference/inference_jetstream.yml"`: pyconfig looks the file up beside the
 * config, then in the configs folder (pyconfig._load_config). MaxText's own configs all build on its `base.yml`.
 */
const BASE_CONFIG = /^(?:[\w.-]{1,100}\/){0,4}[\w.-]{1,200}\.ya?ml$/;

export const maxtext: ConfigDialect = {
  name: 'maxtext',
  words: [...MARKERS, 'base_config'],
  detect: (doc) =>
    doc.has('per_device_batch_size') || doc.has('global_parameter_scale') || doc.has('base_emb_dim')
      ? MARKERS.some((k) => doc.has(k)) || doc.has('base_config')
      : (doc.has('ici_fsdp_parallelism') && doc.has('dcn_data_parallelism')) ||
        doc.has('async_checkpointing') ||
        (BASE_CONFIG.test(doc.str('base_config')?.trim() ?? '') &&
          (doc.has('model_name') ||
            SERVING_KEYS.some((k) => doc.has(k)) ||
            /(?:^|\/)base\.yml$/.test(doc.str('base_config')!.trim()))),
  owns: (path) =>
    path === 'model_name' ||
    path === 'steps' ||
    path === 'load_parameters_path' ||
    path === 'dtype' ||
    path === 'quantization',
  read(doc: ConfigDoc, out: FactSink): void {
    const anchor = MARKERS.map((k) => doc.get(k)).find((v): v is ConfigValue => v !== undefined) ?? doc.entries()[0];
    if (!anchor) return;
    out.add('run.framework', 'maxtext', anchor, 'MaxText config (train.py <config> key=value ...)');
    const name = doc.get('model_name');
    const named = typeof name?.value === 'string' ? name.value.trim() : '';
    if (name && named && named !== 'default' && /^[\w.-]{1,64}$/.test(named))
      out.add('model.id', named, name, `model_name: ${named} (MaxText configs/models/${named}.yml)`);
    const steps = doc.get('steps');
    const n = positiveInteger(doc.num('steps'));
    if (steps && n) out.add('training.steps', n, steps, `steps: ${n}`);
    // `base_config: base.yml`: pyconfig loads it first (relative to this file) and this file's keys over it.
    const base = doc.get('base_config');
    if (typeof base?.value === 'string' && BASE_CONFIG.test(base.value.trim()))
      out.add(
        'link.config',
        base.value.trim(),
        base,
        `base_config: ${base.value.trim()} (this config's keys override it)`,
        'high',
        {
          // The keys of a distillation's `student_overrides:` are the trained model's (train_distill.py applies
          // them over the config for the student), as if set at the top.
          passes: doc
            .entries()
            .flatMap((v) => [v.key, ...(OVERRIDE_SECTION.test(v.key) ? doc.entries(v.path).map((c) => c.key) : [])])
            .slice(0, 500),
        },
      );
    readWeights(doc, out);
    readPrecision(doc, out);
    readDefaultArchitecture(doc, named, out);
    readDevices(doc, out);
    // A complete config (base.yml, or one derived from a base) is what train.py or the server is given.
    // (Not an architecture file of configs/models/, which states sizes and no length.)
    if (doc.has('base_config') || (doc.has('base_emb_dim') && doc.has('steps'))) {
      // base.yml holds the serving switches too (off): only a config derived from it that sets one serves.
      const serves =
        doc.has('base_config') &&
        (SERVING_KEYS.some((k) => doc.has(k)) || SERVING_BASE.test(doc.str('base_config')?.trim() ?? ''));
      if (serves)
        out.add('launch.inference', 'config:maxtext', anchor, 'MaxText serving config (maxengine_server.py <this>)');
      else out.add('launch.trainer', 'config:maxtext', anchor, 'MaxText training config (train.py <this>)');
    }
  },
};

function readWeights(doc: ConfigDoc, out: FactSink): void {
  for (const key of ['load_parameters_path', 'load_full_state_path', ...STUDENT_WEIGHTS]) {
    const v = doc.get(key);
    if (typeof v?.value === 'string' && v.value.trim() !== '') {
      out.add('model.fromScratch', false, v, `${key}: starts from ${v.value.trim()}`);
      out.add('training.mode', 'finetune', v, `${key}: continues from a checkpoint`);
      return;
    }
  }
  // Post-training configs (`use_sft: true`, `use_dpo: true`, an `rl:` section of GRPO settings) tune a trained model
  // whose checkpoint the launch passes (`load_parameters_path=gs://…`, MaxText's SFT/DPO/RL guides): no random start.
  const postTraining = POST_TRAINING.map((k) => doc.get(k)).find((v) => v !== undefined && v.value !== false);
  if (postTraining) {
    out.add(
      'training.mode',
      'finetune',
      postTraining,
      `${postTraining.path}: post-training of a trained checkpoint (given at launch: load_parameters_path)`,
    );
    return;
  }
  // A complete config (base.yml itself, or one derived from it) that names no checkpoint initialises randomly.
  const complete = doc.get('base_config') ?? doc.get('base_emb_dim');
  if (complete && (doc.has('load_parameters_path') || doc.has('base_config')))
    out.add('model.fromScratch', true, complete, 'no load_parameters_path: MaxText initialises the weights randomly');
}

/** `dtype`, unless an fp8 `quantization` scheme outranks it (owned here, so the shared reader does not read it too). */
function readPrecision(doc: ConfigDoc, out: FactSink): void {
  const quantization = doc.get('quantization');
  const scheme = typeof quantization?.value === 'string' ? quantization.value.trim() : '';
  if (quantization && /^(?:nanoo_)?fp8(?:_full)?$/.test(scheme)) {
    out.add('training.precision', 'fp8', quantization, `quantization: ${scheme} (fp8 matmuls)`);
    return;
  }
  const dtype = doc.get('dtype');
  const precision = typeof dtype?.value === 'string' ? normalisePrecision(dtype.value.trim()) : null;
  if (dtype && (precision === 'bf16' || precision === 'fp16' || precision === 'fp32'))
    out.add('training.precision', precision, dtype, `dtype: ${String(dtype.value)} (the activations' dtype)`);
}

/** The default model's parameters, when every size is written in this document. */
function readDefaultArchitecture(doc: ConfigDoc, named: string, out: FactSink): void {
  if (named !== 'default') return;
  const emb = positiveInteger(doc.num('base_emb_dim'));
  const q = positiveInteger(doc.num('base_num_query_heads'));
  const kv = positiveInteger(doc.num('base_num_kv_heads'));
  const mlp = positiveInteger(doc.num('base_mlp_dim'));
  const layers = positiveInteger(doc.num('base_num_decoder_layers'));
  const headDim = positiveInteger(doc.num('head_dim'));
  const vocab = positiveInteger(doc.num('vocab_size'));
  const scale = doc.has('global_parameter_scale') ? positiveInteger(doc.num('global_parameter_scale')) : 1;
  const activations = doc.get('mlp_activations');
  const gates = activations?.shape === 'seq' ? countItems(doc, 'mlp_activations') : undefined;
  if (!emb || !q || !kv || !mlp || !layers || !headDim || !vocab || !scale || !gates) return;
  const log2 = Math.log2(scale);
  if (!Number.isInteger(log2)) return;
  const b = Math.floor(log2 / 3);
  const r = log2 - 3 * b;
  const d = emb * 2 ** (b + (r > 1 ? 1 : 0));
  const heads = 2 ** (b + (r > 0 ? 1 : 0));
  const L = layers * 2 ** b;
  const m = mlp * heads;
  const attention = d * q * heads * headDim * 2 + 2 * d * kv * heads * headDim;
  const feedForward = (gates + 1) * d * m;
  const embeddings = (doc.get('logits_via_embedding')?.value === true ? 1 : 2) * vocab * d;
  const params = L * (attention + feedForward) + embeddings;
  out.add(
    'model.params',
    params,
    doc.get('base_emb_dim')!,
    `MaxText default model${scale > 1 ? ` × global_parameter_scale ${scale}` : ''}: ${L} layers, d ${d}, ${q * heads} query / ${kv * heads} KV heads × ${headDim}, MLP ${m} (${gates} input matrices), vocab ${vocab}`,
    'high',
    // A launch that names another model or scales or resizes this one (`model_name=`, `global_parameter_scale=16`) is not this size.
    { fromFlags: SIZE_KEYS },
  );
}

function countItems(doc: ConfigDoc, path: string): number | undefined {
  let n = 0;
  while (n < 8 && doc.get(`${path}.${n}`)) n++;
  return n > 0 ? n : undefined;
}

function readDevices(doc: ConfigDoc, out: FactSink): void {
  const dcn = positiveInteger(doc.num('dcn_data_parallelism'));
  const fsdp = positiveInteger(doc.num('ici_fsdp_parallelism'));
  // -1: pyconfig fills the axis from the devices it finds, so the count is the slice's, set at launch.
  const auto = ['dcn_data_parallelism', 'ici_fsdp_parallelism'].find((k) => doc.num(k) === -1);
  if (auto) {
    out.add('hardware.devices', null, doc.get(auto)!, `${auto}: -1 (auto-sharded over the devices the job gets)`);
    return;
  }
  if (!dcn || !fsdp) return;
  let devices = 1;
  const written: string[] = [];
  for (const v of doc.entries()) {
    if (!PARALLEL_AXIS.test(v.key)) continue;
    const n = positiveInteger(doc.num(v.path));
    if (!n) return;
    devices *= n;
    if (n > 1) written.push(`${v.key} ${n}`);
  }
  out.add(
    'hardware.devices',
    devices,
    doc.get('ici_fsdp_parallelism')!,
    `${written.join(' × ') || 'every parallelism axis 1'} = ${devices} devices`,
  );
}
