import type { ConfigDialect, ConfigDoc, ConfigValue, FactSink } from './dialect';
import { positiveIntegerAt } from './dialect';

/**
 * Levanter (and Marin) run configs: the YAML form of draccus dataclass configs that `python -m levanter.main.<program>
 * --config_path <this>` parses (train_lm, sft, lora_lm, train_asr, eval_harness, sample_lm; the example programs built
 * on `levanter.config.main` read the same shape). Sources: github.com/stanford-crfm/levanter, src/levanter/trainer.py
 * (TrainerConfig), src/levanter/models/*.py (the model configs registered by `type:`), docs/Configuration-Guide.md.
 *
 * - `trainer`: `num_train_steps` (TrainerConfig's default, 400,000, is not the config's: left unknown),
 *   `train_batch_size` (sequences per step; -1 = per-device × devices), `mp`, a jmp policy string (`bfloat16`,
 *   `p=f32,c=bfloat16`, `f32`; TrainerConfig defaults it to `f32`), `quantization.fp8`.
 * - `model.type`: the architecture registered under that name, sized by the keys written and the config class's
 *   defaults for the rest; the vocabulary comes from the tokenizer (`data.tokenizer`, `tokenizer`; LMDatasetConfig's
 *   default tokenizer is `gpt2`).
 * - weights: `initialize_from_hf` (a Hub id, or `true` for `model_name_or_path` or the model config's
 *   `reference_checkpoint`), `model_name_or_path` (the SFT and example programs), `trainer.initialize_from` (a Levanter
 *   checkpoint): fine-tunes; none of them: random initialisation. A `lora:` section, `peft_save_path` or
 *   `merged_hf_save_path` (lora_lm), or a config kept under a `lora` name, trains LoRA adapters.
 * - inference: `eval_harness:` (lm-eval-harness over `checkpoint_path`), or `hf_checkpoint` with the sampler's
 *   `engine`/`prompts`/`max_new_tokens` (sample_lm).
 * - devices: a comment naming one TPU slice (`# set for v5e-16 TPU`): v2/v3/v4/v5p names count TensorCores (two per
 *   chip), v5e/v6e names count chips (cloud.google.com/tpu/docs/v4, /v5e, /v6e).
 */

/** TrainerConfig keys only Levanter's trainer has (src/levanter/trainer.py). */
const TRAINER_KEYS = [
  'num_train_steps',
  'per_device_parallelism',
  'per_device_eval_parallelism',
  'tensor_parallel_axes',
  'fsdp_axis',
  'model_axis_size',
] as const;
/** Keys that name what the run reads: data for training, a checkpoint to start from or evaluate, an evaluation. */
const DATA_KEYS = ['data', 'supervised_data', 'chat_train_urls', 'train_urls'];
const START_KEYS = ['initialize_from_hf', 'model_name_or_path', 'hf_checkpoint', 'checkpoint_path', 'eval_harness'];
const SAMPLER_KEYS = ['engine', 'prompts', 'max_new_tokens', 'n_rounds'];

/**
 * Each `model.type`'s config-class defaults (src/levanter/models/<file>.py at the class named), the keys a config may
 * leave out. `ffn` 0: a GPT-2 block (4·d MLP, learned positions, tied head).
 */
interface ArchDefaults {
  readonly kind: 'gpt2' | 'llama';
  readonly d: number;
  readonly layers: number;
  readonly heads: number;
  readonly kvHeads: number;
  readonly ffn: number;
  readonly seqLen: number;
  readonly tied: boolean;
  readonly experts?: number;
  readonly reference?: string;
  readonly source: string;
}
/** MistralConfig's defaults; MixtralConfig keeps them and adds its experts. */
const MISTRAL: ArchDefaults = {
  kind: 'llama',
  d: 4096,
  layers: 32,
  heads: 32,
  kvHeads: 8,
  ffn: 14336,
  seqLen: 8192,
  tied: false,
  source:
    'levanter models/mistral.py MistralConfig (seq_len 8192, hidden_dim 4096, intermediate_dim 14336, num_layers 32, num_heads 32, num_kv_heads 8)',
};

const ARCHITECTURES: Readonly<Record<string, ArchDefaults>> = {
  gpt2: {
    kind: 'gpt2',
    d: 768,
    layers: 12,
    heads: 12,
    kvHeads: 12,
    ffn: 3072,
    seqLen: 1024,
    tied: true,
    source: 'levanter models/gpt2.py Gpt2Config (seq_len 1024, hidden_dim 768, num_layers 12, num_heads 12)',
  },
  llama: {
    kind: 'llama',
    d: 4096,
    layers: 32,
    heads: 32,
    kvHeads: 32,
    ffn: 11008,
    seqLen: 2048,
    tied: false,
    reference: 'NousResearch/Llama-2-7b-hf',
    source:
      'levanter models/llama.py LlamaConfig (seq_len 2048, hidden_dim 4096, intermediate_dim 11008, num_layers 32, num_heads 32, num_kv_heads 32, untied, reference_checkpoint NousResearch/Llama-2-7b-hf)',
  },
  mistral: MISTRAL,
  mixtral: {
    ...MISTRAL,
    experts: 8,
    reference: 'mistralai/Mixtral-8x7B-v0.1',
    source:
      'levanter models/mixtral.py MixtralConfig (seq_len 8192 and the other MistralConfig sizes, n_routed_experts 8, reference_checkpoint mistralai/Mixtral-8x7B-v0.1)',
  },
  olmo2: {
    kind: 'llama',
    d: 4096,
    layers: 32,
    heads: 32,
    kvHeads: 32,
    ffn: 11008,
    seqLen: 4096,
    tied: false,
    reference: 'allenai/OLMo-2-1124-7B',
    source:
      'levanter models/olmo.py Olmo2Config (seq_len 4096, hidden_dim 4096, intermediate_dim 11008, num_layers 32, num_heads 32, reference_checkpoint allenai/OLMo-2-1124-7B)',
  },
};

/**
 * Vocabulary sizes of the tokenizers Levanter configs name (`vocab_size` in each Hub repository's config.json:
 * openai-community/gpt2 50257, meta-llama/Llama-2-7b-hf 32000, meta-llama/Meta-Llama-3-8B and Llama-3.x 128256,
 * allenai/OLMo-1B 50280, mistralai/Mistral-7B-v0.1 and Mixtral-8x7B-v0.1 32000).
 */
const TOKENIZER_VOCAB: ReadonlyArray<readonly [RegExp, number]> = [
  [/^(?:openai-community\/)?gpt2(?:-(?:medium|large|xl))?$/i, 50257],
  [/llama-?2|llama-tokenizer/i, 32000],
  [/llama-?3/i, 128256],
  [/^allenai\/olmo-(?:1b|7b)(?:-hf)?$/i, 50280],
  [/^mistralai\/(?:mistral-7b|mixtral-8x7b)/i, 32000],
];

export const levanter: ConfigDialect = {
  name: 'levanter',
  words: [...TRAINER_KEYS],
  detect: (doc) =>
    doc.get('trainer')?.shape === 'map' &&
    TRAINER_KEYS.some((k) => doc.has(`trainer.${k}`)) &&
    (doc.has('model.type') || START_KEYS.some((k) => doc.has(k))) &&
    (DATA_KEYS.some((k) => doc.has(k)) || START_KEYS.some((k) => doc.has(k))),
  owns: (path) => path === 'trainer.train_batch_size' || path === 'trainer.num_train_steps' || path === 'trainer.mp',
  read(doc: ConfigDoc, out: FactSink, file?: { readonly path: string }): void {
    const anchor = doc.get('model') ?? doc.get('trainer')!;
    out.add('run.framework', 'levanter', anchor, 'Levanter run config (model, trainer with its mesh and mp policy)');
    const inference = inferenceKind(doc);
    if (inference) {
      out.add('launch.inference', 'config:levanter', inference.at, inference.detail);
      out.add('training.mode', 'inference', inference.at, inference.detail);
      readInferenceModel(doc, out);
    } else {
      out.add('launch.trainer', 'config:levanter', anchor, 'Levanter training config (levanter.main.<program>)');
      const steps = positiveIntegerAt(doc, 'trainer.num_train_steps');
      if (steps) out.add('training.steps', steps.n, steps.at, `trainer.num_train_steps: ${steps.n}`);
      const batch = positiveIntegerAt(doc, 'trainer.train_batch_size');
      if (batch) out.add('training.globalBatch', batch.n, batch.at, `trainer.train_batch_size: ${batch.n} sequences`);
      readSequenceLength(doc, out);
      readWeights(doc, out, file?.path);
    }
    readPrecision(doc, out);
    readTpuComment(doc, out);
  },
};

/**
 * The training sequences are `model.seq_len` tokens long (train_lm chunks the data at the model's `Pos` axis):
 * written, or the model class's default. With `use_hf_model_config` the checkpoint's own config sets it
 * (`max_position_embeddings`), which this file does not state: left to the resolver.
 */
function readSequenceLength(doc: ConfigDoc, out: FactSink): void {
  if (doc.get('use_hf_model_config')?.value === true) return;
  const written = positiveIntegerAt(doc, 'model.seq_len');
  if (written) {
    out.add('training.seqLen', written.n, written.at, `model.seq_len: ${written.n}`);
    return;
  }
  const typeAt = doc.get('model.type');
  const arch = ARCHITECTURES[doc.str('model.type')?.trim().toLowerCase() ?? ''];
  if (typeAt && arch)
    out.add(
      'training.seqLen',
      arch.seqLen,
      typeAt,
      `model.seq_len not set: the ${doc.str('model.type')} config's default, ${arch.seqLen} (${arch.source})`,
      'medium',
    );
}

function inferenceKind(doc: ConfigDoc): { at: ConfigValue; detail: string } | undefined {
  const harness = doc.get('eval_harness');
  if (harness) return { at: harness, detail: 'eval_harness: lm-eval-harness tasks over the model (inference)' };
  const sampler = doc.get('hf_checkpoint');
  if (sampler && SAMPLER_KEYS.some((k) => doc.has(k)) && !doc.has('trainer.num_train_steps'))
    return { at: sampler, detail: 'hf_checkpoint with a sampler engine/prompts: generation (inference)' };
  return undefined;
}

/** A Hub id (`org/name`, or a bare name such as `gpt2`), not a bucket or local path. */
function hubId(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  // `org/name@<revision>`: Levanter pins a Hub revision after `@`.
  const v = value.trim().replace(/@[\w.-]{1,64}$/, '');
  return /^[A-Za-z0-9][\w.-]{0,95}(?:\/[A-Za-z0-9][\w.-]{0,95})?$/.test(v) && !/^(?:true|false|null)$/i.test(v)
    ? v
    : undefined;
}

function readInferenceModel(doc: ConfigDoc, out: FactSink): void {
  for (const key of ['hf_checkpoint', 'checkpoint_path']) {
    const at = doc.get(key);
    const id = hubId(at?.value);
    if (!at || !id || !id.includes('/')) continue;
    if (key === 'checkpoint_path' && doc.get('checkpoint_is_hf')?.value !== true) continue;
    out.add('model.id', id, at, `${key}: ${id}`);
    out.add('model.fromScratch', false, at, `${key}: the Hub checkpoint's weights`);
    return;
  }
  readArchitecture(doc, out);
}

function lora(doc: ConfigDoc, path: string | undefined): { at: ConfigValue; detail: string } | undefined {
  for (const key of ['lora', 'peft_save_path', 'merged_hf_save_path']) {
    const at = doc.get(key);
    if (at) return { at, detail: `${key}: LoRA adapters on the base model (lora_lm)` };
  }
  if (path && /(?:^|[/_-])lora(?:[/_.-]|$)/i.test(path.replace(/\\/g, '/').split('/').slice(-2).join('/'))) {
    const at = doc.get('model_name_or_path') ?? doc.get('initialize_from_hf') ?? doc.get('trainer')!;
    return { at, detail: `the config is kept under a LoRA name (${path.split('/').slice(-2).join('/')})` };
  }
  return undefined;
}

function readWeights(doc: ConfigDoc, out: FactSink, path: string | undefined): void {
  const fromHf = doc.get('initialize_from_hf');
  const named = doc.get('model_name_or_path');
  const fromLevanter = doc.get('trainer.initialize_from');
  const type = doc.str('model.type')?.trim().toLowerCase();
  let id: { id: string; at: ConfigValue; detail: string } | undefined;
  if (fromHf && hubId(fromHf.value)) {
    const v = hubId(fromHf.value)!;
    id = { id: v, at: fromHf, detail: `initialize_from_hf: ${v}` };
  } else if (named && hubId(named.value) && (fromHf?.value !== false || !fromHf)) {
    const v = hubId(named.value)!;
    id = { id: v, at: named, detail: `model_name_or_path: ${v}` };
  } else if (fromHf?.value === true && type && ARCHITECTURES[type]?.reference) {
    const v = ARCHITECTURES[type].reference;
    id = {
      id: v,
      at: fromHf,
      detail: `initialize_from_hf: true loads the ${type} config's reference_checkpoint, ${v}`,
    };
  }
  const sft = doc.has('supervised_data') || doc.has('chat_train_urls');
  const starts =
    id !== undefined ||
    fromHf?.value === true ||
    (typeof fromLevanter?.value === 'string' && fromLevanter.value.length > 0);
  const adapters = lora(doc, path);
  if (id) {
    out.add('model.id', id.id, id.at, id.detail);
    out.add('model.fromScratch', false, id.at, `${id.detail}: starts from the checkpoint's weights`);
  }
  const section = adapters !== undefined && adapters.detail.startsWith('lora:');
  if (adapters && (starts || sft || section)) out.add('training.mode', 'lora', adapters.at, adapters.detail);
  else if (starts) {
    const at = id?.at ?? fromLevanter ?? fromHf!;
    out.add('training.mode', 'finetune', at, `${id?.detail ?? 'trainer.initialize_from'}: a full fine-tune`);
  } else if (sft) {
    const at = doc.get('supervised_data') ?? doc.get('chat_train_urls')!;
    out.add(
      'training.mode',
      'finetune',
      at,
      'supervised fine-tuning data (the sft program starts from a checkpoint given at launch)',
      'medium',
    );
  } else {
    out.add('training.mode', 'pretrain', anchorOf(doc), 'no initialize_from_hf / initialize_from: random weights');
    out.add('model.fromScratch', true, anchorOf(doc), 'no initialize_from_hf / initialize_from: random weights');
  }
  if (!id) readArchitecture(doc, out);
}

function anchorOf(doc: ConfigDoc): ConfigValue {
  return doc.get('model.type') ?? doc.get('model') ?? doc.get('trainer')!;
}

/** The tokenizer's vocabulary: `data.tokenizer`, a top-level `tokenizer`, else LMDatasetConfig's default `gpt2`. */
function vocabulary(doc: ConfigDoc): { size: number; name: string } | undefined {
  const data = doc.get('data');
  const written = doc.str('data.tokenizer') ?? doc.str('tokenizer') ?? doc.str('supervised_data.tokenizer');
  // `data: !include other.yaml`, or a data name an example program resolves: the tokenizer is not in this file.
  const name = written ?? (data?.shape === 'map' ? 'gpt2' : undefined);
  if (!name) return undefined;
  const hit = TOKENIZER_VOCAB.find(([re]) => re.test(name.trim()));
  return hit ? { size: hit[1], name } : undefined;
}

function readArchitecture(doc: ConfigDoc, out: FactSink): void {
  const typeAt = doc.get('model.type');
  const type = doc.str('model.type')?.trim().toLowerCase();
  if (!typeAt || !type || type.length > 40) return;
  out.add('model.id', type, typeAt, `model.type: ${type} (an architecture trained from its written sizes)`, 'medium');
  const arch = ARCHITECTURES[type];
  const vocab = vocabulary(doc);
  if (!arch || doc.get('use_hf_model_config')?.value === true) return;
  const m = doc.at('model')!;
  if (!vocab) {
    // The tokenizer is in an included data file: the widths written here still hold (a GPT-2 block's MLP is 4·d).
    const width = m.num('hidden_dim');
    if (arch.kind === 'gpt2' && width && width > 0) {
      const at = m.get('hidden_dim')!;
      out.add('model.hiddenSize', width, at, `model.hidden_dim: ${width}`);
      out.add('model.ffnSize', 4 * width, at, `GPT-2 block: MLP of 4 × hidden_dim = ${4 * width}`);
    }
    return;
  }
  const d = m.num('hidden_dim') ?? arch.d;
  const layers = m.num('num_layers') ?? arch.layers;
  const heads = m.num('num_heads') ?? arch.heads;
  const kvHeads = m.num('num_kv_heads') ?? arch.kvHeads;
  const ffn = m.num('intermediate_dim') ?? arch.ffn;
  const seqLen = m.num('seq_len') ?? arch.seqLen;
  const experts = m.num('n_routed_experts') ?? arch.experts;
  const tiedAt = m.get('tie_word_embeddings')?.value;
  const tied = typeof tiedAt === 'boolean' ? tiedAt : arch.tied;
  if ([d, layers, heads, kvHeads, ffn, seqLen].some((x) => !(x > 0)) || d % heads !== 0) return;
  const headDim = m.num('head_dim') ?? d / heads;
  const V = vocab.size;
  let params: number;
  let written: string;
  if (arch.kind === 'gpt2') {
    params = layers * (12 * d * d + 13 * d) + 2 * d + V * d + seqLen * d;
    written = `GPT-2: ${layers} layers × 12·${d}² + embeddings of ${V} (${vocab.name}, tied) + ${seqLen} positions`;
  } else {
    const attention = 2 * d * heads * headDim + 2 * d * kvHeads * headDim;
    const mlp = experts ? experts * 3 * d * ffn + d * experts : 3 * d * ffn;
    params = layers * (attention + mlp + 2 * d) + d + V * d * (tied ? 1 : 2);
    written = `${layers} layers × (attention ${heads}/${kvHeads} heads + ${experts ? `${experts} experts of ` : 'gated MLP '}${ffn}) + embeddings of ${V} (${vocab.name}${tied ? ', tied' : ', untied head'})`;
  }
  out.add('model.params', params, typeAt, `${written}; unwritten sizes from ${arch.source}`, 'medium');
}

/** jmp policy: `c=` is the compute dtype; a single dtype sets all three; `p=` alone computes in the param dtype. */
function readPrecision(doc: ConfigDoc, out: FactSink): void {
  const fp8 = doc.get('trainer.quantization.fp8');
  if (fp8?.value === true) {
    out.add('training.precision', 'fp8', fp8, 'trainer.quantization.fp8: true: the matmuls run in fp8');
    return;
  }
  const mp = doc.get('trainer.mp');
  if (!mp) {
    out.add('training.precision', 'fp32', doc.get('trainer')!, "no trainer.mp: TrainerConfig's f32 policy", 'medium');
    return;
  }
  if (typeof mp.value !== 'string') return;
  const policy = mp.value.trim().toLowerCase();
  const compute = /(?:^|,)\s*c(?:ompute)?\s*=\s*([a-z0-9]+)/.exec(policy)?.[1];
  const param = /(?:^|,)\s*p(?:arams?)?\s*=\s*([a-z0-9]+)/.exec(policy)?.[1];
  const dtype = compute ?? param ?? (policy.includes('=') ? undefined : policy);
  const precision = dtype ? dtypeName(dtype) : undefined;
  if (precision) out.add('training.precision', precision, mp, `trainer.mp: ${mp.value} (compute in ${precision})`);
}

function dtypeName(d: string): 'fp32' | 'bf16' | 'fp16' | undefined {
  if (/^(?:f32|float32|fp32|full)$/.test(d)) return 'fp32';
  if (/^(?:bf16|bfloat16)$/.test(d)) return 'bf16';
  if (/^(?:f16|float16|fp16|half)$/.test(d)) return 'fp16';
  return undefined;
}

/** A Cloud TPU slice name in a comment. */
const TPU_SLICE = /\bv([2-6][a-z]?)-(\d{1,4})(?!\d)/gi;
/** Generations whose slice names count TensorCores, two per chip (cloud.google.com/tpu/docs/v4: "v4-32 … 16 chips"). */
const CORE_NAMED = new Set(['2', '3', '4', '5p']);
const MAX_COMMENT_SCAN = 200_000;

/** The TPU slice the config's comments say it is set for, when they name one (low confidence: prose). */
function readTpuComment(doc: ConfigDoc, out: FactSink): void {
  if (out.facts.some((f) => f.kind === 'hardware.devices' && f.value !== null)) return;
  if (doc.text.length > MAX_COMMENT_SCAN) return;
  const slices = new Map<string, { gen: string; n: number; line: number }>();
  const lines = doc.text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const hash = lines[i].indexOf('#');
    if (hash < 0) continue;
    for (const m of lines[i].slice(hash).matchAll(TPU_SLICE)) {
      const gen = m[1].toLowerCase();
      const n = Number(m[2]);
      if (n > 0) slices.set(`${gen}-${n}`, { gen, n, line: i });
    }
  }
  if (slices.size !== 1) return;
  const [[name, { gen, n, line }]] = [...slices];
  const chips = CORE_NAMED.has(gen) ? n / 2 : n;
  if (!Number.isInteger(chips) || chips <= 0) return;
  const at = { startLine: line, startCol: 0, endLine: line, endCol: lines[line].length };
  const detail = `a comment says it is set for a TPU v${name} slice`;
  out.add('hardware.accelerator', `tpu-v${gen}`, at, detail, 'low');
  out.add(
    'hardware.devices',
    chips,
    at,
    CORE_NAMED.has(gen) ? `${detail}: ${n} TensorCores = ${chips} chips` : `${detail}: ${chips} chips`,
    'low',
  );
}
