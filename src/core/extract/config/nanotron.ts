import { findModel } from '../../knowledge';
import { sizeFromModelName } from '../../knowledge/modelName';
import type { ConfigDialect, ConfigDoc, ConfigValue, FactSink } from './dialect';
import { withoutTrailingSlashes } from '../../trimSlashes';

/**
 * nanotron configs (`torchrun --nproc_per_node=8 run_train.py --config-file config.yaml`): the
 * YAML form of nanotron's `Config` dataclass (src/nanotron/config/config.py, huggingface/nanotron).
 *
 * - `model.model_config`: the architecture (LlamaConfig / Qwen2Config fields, `is_mamba_config` with
 *   `d_model`, MoE fields); `model.init_method` is one of RandomInit (`std`), SpectralMupInit
 *   (`use_mup`), a Mamba init, or ExistingCheckpointInit (`path`: "initialize from an already
 *   existing model (without optimizer, lr_scheduler...)", models_config.py); `model.dtype`
 *   defaults to bfloat16 (ModelArgs.__post_init__); `make_vocab_size_divisible_by` pads the vocabulary.
 * - `tokens`: TokensArgs `sequence_length`, `train_steps`, `micro_batch_size`,
 *   `batch_accumulation_per_replica`. Config.global_batch_size is micro_batch_size ×
 *   batch_accumulation_per_replica × parallelism.dp (samples per optimizer step), and the tokens it
 *   logs as total_tokens are train_steps × global_batch_size × sequence_length.
 * - `parallelism`: ParallelismArgs dp, tp, pp, context_parallel_size; ParallelContext asserts
 *   TP × CP × DP × PP == WORLD_SIZE (src/nanotron/parallel/context.py), so their product is the GPUs
 *   the run needs (expert parallelism shares those ranks).
 * - `checkpoints.resume_checkpoint_path`: resumes a saved run (weights, optimizer, scheduler and step).
 *
 * What makes it a run: a `model_config` and a `tokens.train_steps` (run_train.py cannot start without them).
 */

/** The words `detect` needs (the tokens section's own key names). */
const WORDS = ['train_steps', 'batch_accumulation_per_replica'];

export const nanotron: ConfigDialect = {
  name: 'nanotron',
  words: WORDS,
  detect: (doc) =>
    doc.get('model.model_config')?.shape === 'map' &&
    doc.get('tokens')?.shape === 'map' &&
    (doc.has('tokens.train_steps') || doc.has('tokens.batch_accumulation_per_replica')),
  // Read here with the architecture's own shapes (gated MLP, grouped-query attention, Mamba blocks).
  owns: (path) => path === 'model.model_config.intermediate_size',
  read(doc: ConfigDoc, out: FactSink): void {
    const modelConfig = doc.get('model.model_config')!;
    out.add('run.framework', 'nanotron', modelConfig, 'nanotron config (model.model_config, tokens, parallelism)');

    const steps = doc.get('tokens.train_steps');
    const resume = doc.get('checkpoints.resume_checkpoint_path');
    const resumes = typeof resume?.value === 'string' && resume.value.length > 0;
    const n = doc.num('tokens.train_steps');
    if (steps && n && n > 0)
      out.add(
        'training.steps',
        n,
        steps,
        resumes
          ? `tokens.train_steps: ${n}, the step the resumed run ends at (it starts from the checkpoint's step)`
          : `tokens.train_steps: ${n}`,
        resumes ? 'medium' : 'high',
      );
    readBatch(doc, out);
    readParallelism(doc, out);
    readPrecision(doc, modelConfig, out);
    readMode(doc, modelConfig, resume, resumes, out);
    readParams(doc, out);
    readName(doc, out);
    if (steps) out.add('launch.trainer', 'config:nanotron', modelConfig, 'nanotron training config (run_train.py)');
  },
};

/**
 * The model a run built from its architecture trains has no id in the config; its name is where the team wrote it:
 * the checkpoint it resumes or starts from (`Nanotron-Llama-3.2-3B`), the run (`general.run: smollm2-135M`) or the
 * project (`general.project: smollm3-3B-final`), the first of these that names a model (a catalog id, or a name
 * stating a size). A run label such as `elie-48n-1704-part1` names none. The size stays the architecture's.
 */
function readName(doc: ConfigDoc, out: FactSink): void {
  if (out.facts.some((f) => f.kind === 'model.id' && f.value !== null)) return;
  const places = ['model.init_method.path', 'checkpoints.resume_checkpoint_path', 'general.run', 'general.project'];
  for (const place of places) {
    const v = doc.get(place);
    if (typeof v?.value !== 'string' || !v.value) continue;
    const name = withoutTrailingSlashes(v.value).split('/').pop() ?? '';
    if (!name || name.length > 100 || (!findModel(name) && !sizeFromModelName(name))) continue;
    out.add('model.id', name, v, `${place}: ${name} names the model this architecture is`, 'medium');
    return;
  }
  readFamilyFlag(doc, out);
}

/** `is_llama_config: true`: the flag a model config sets to say which architecture class it is (lower-case letters and digits). */
const FAMILY_FLAG = /^is_([a-z][a-z0-9]{1,30})_config$/;

/**
 * Where nothing names the model, the architecture the model config says it is: nanotron's model config classes
 * each carry a boolean `is_<family>_config` field set to true (`LlamaConfig.is_llama_config`, `Qwen2Config.is_qwen2_config`,
 * `MambaModelConfig.is_mamba_config`; src/nanotron/config/models_config.py: "We use this help differentiate models in
 * yaml/python conversion"), which is how the YAML says which class to build. The family is the model's name (no size:
 * the size stays the architecture's, computed from its shapes); a config carrying two such flags names none.
 */
function readFamilyFlag(doc: ConfigDoc, out: FactSink): void {
  const flags = doc
    .entries('model.model_config')
    .filter((e) => e.value === true && FAMILY_FLAG.test(e.key))
    .slice(0, 2);
  if (flags.length !== 1) return;
  const family = FAMILY_FLAG.exec(flags[0].key)![1];
  out.add('model.id', family, flags[0], `${flags[0].key}: the model config is a ${family} architecture`, 'medium');
}

/** Samples per optimizer step: micro_batch_size × batch_accumulation_per_replica × dp (Config.global_batch_size). */
function readBatch(doc: ConfigDoc, out: FactSink): void {
  const micro = doc.num('tokens.micro_batch_size');
  const accumulation = doc.get('tokens.batch_accumulation_per_replica');
  const acc = doc.num('tokens.batch_accumulation_per_replica') ?? 1;
  const dp = doc.num('parallelism.dp');
  if (accumulation && acc > 0)
    out.add('training.gradientAccumulation', acc, accumulation, `tokens.batch_accumulation_per_replica: ${acc}`);
  if (!micro || micro <= 0 || !dp || dp <= 0) return;
  out.add(
    'training.globalBatch',
    micro * acc * dp,
    doc.get('tokens.micro_batch_size')!,
    `micro_batch_size ${micro} × batch_accumulation_per_replica ${acc} × dp ${dp} = ${micro * acc * dp} samples per step`,
  );
}

/** GPUs: TP × CP × DP × PP (ParallelContext's world size); a missing factor is 1 only where the dataclass defaults it. */
function readParallelism(doc: ConfigDoc, out: FactSink): void {
  const section = doc.get('parallelism');
  if (!section || section.shape !== 'map') return;
  const factors: Array<[string, number | undefined]> = [
    ['dp', doc.num('parallelism.dp')],
    ['tp', doc.num('parallelism.tp')],
    ['pp', doc.num('parallelism.pp')],
    ['context_parallel_size', doc.num('parallelism.context_parallel_size') ?? 1],
  ];
  const missing = factors.filter(([, v]) => !v || v <= 0 || !Number.isInteger(v)).map(([k]) => k);
  if (missing.length > 0) {
    out.add('hardware.devices', null, section, `parallelism: ${missing.join(', ')} not a number: GPU count unknown`);
    return;
  }
  const gpus = factors.reduce((p, [, v]) => p * v!, 1);
  const written = factors
    .filter(([k, v]) => k !== 'context_parallel_size' || v !== 1)
    .map(([k, v]) => `${k} ${v}`)
    .join(' × ');
  out.add('hardware.devices', gpus, section, `parallelism ${written} = ${gpus} GPUs (nanotron's world size)`);
}

function readPrecision(doc: ConfigDoc, modelConfig: ConfigValue, out: FactSink): void {
  // The generic table reads `model.dtype` when it is written; ModelArgs defaults it to bfloat16.
  if (doc.has('model.dtype')) return;
  out.add('training.precision', 'bf16', modelConfig, 'model.dtype not set: nanotron defaults to bfloat16', 'medium');
}

function readMode(
  doc: ConfigDoc,
  modelConfig: ConfigValue,
  resume: ConfigValue | undefined,
  resumes: boolean,
  out: FactSink,
): void {
  const init = doc.get('model.init_method');
  const existing = doc.get('model.init_method.path');
  if (typeof existing?.value === 'string' && existing.value) {
    out.add(
      'training.mode',
      'finetune',
      existing,
      `init_method.path: ${existing.value}: training starts from an existing model's weights (ExistingCheckpointInit)`,
    );
    out.add('model.fromScratch', false, existing, 'ExistingCheckpointInit loads the weights in init_method.path');
    return;
  }
  if (resumes) {
    // A resumed run goes on with what it was doing: pre-training that started from the init method.
    out.add(
      'training.mode',
      'pretrain',
      resume!,
      `checkpoints.resume_checkpoint_path: ${String(resume!.value)}: resumes a saved run (weights, optimizer, step)`,
      'medium',
    );
    return;
  }
  const how =
    doc.get('model.init_method.use_mup')?.value === true
      ? 'spectral µP initialisation (use_mup)'
      : doc.has('model.init_method.std')
        ? `random initialisation (std ${String(doc.get('model.init_method.std')!.value)})`
        : 'random initialisation';
  const at = init ?? modelConfig;
  out.add('training.mode', 'pretrain', at, `nanotron pre-training from ${how}; no checkpoint to resume`);
  out.add('model.fromScratch', true, at, `model.init_method: ${how}`);
}

/** Parameters from the architecture's shapes; nothing when a size it needs is missing (the generic sizes then stand). */
function readParams(doc: ConfigDoc, out: FactSink): void {
  const c = doc.at('model.model_config');
  if (!c) return;
  const at = doc.get('model.model_config')!;
  const layers = c.num('num_hidden_layers');
  const vocabRaw = c.num('vocab_size');
  if (!layers || !vocabRaw || layers <= 0 || vocabRaw <= 0) return;
  if (c.get('is_mamba_config')?.value === true || (c.has('d_model') && c.has('ssm_cfg'))) {
    readMambaParams(c, layers, vocabRaw, at, out);
    return;
  }
  const d = c.num('hidden_size');
  const ffn = c.num('intermediate_size');
  const heads = c.num('num_attention_heads');
  if (!d || !ffn || !heads || d <= 0 || ffn <= 0 || heads <= 0) return;
  const multiple = doc.num('model.make_vocab_size_divisible_by') ?? 1;
  const vocab = multiple > 0 ? Math.ceil(vocabRaw / multiple) * multiple : vocabRaw;
  const kvHeads = c.num('num_key_value_heads') ?? heads;
  const headDim = c.num('head_dim') ?? d / heads;
  // LlamaConfig/Qwen2Config: tie_word_embeddings defaults to False.
  const tied = c.get('tie_word_embeddings')?.value === true;
  const attention = 2 * d * heads * headDim + 2 * d * kvHeads * headDim;
  const mlp = moeMlp(c, d, ffn);
  if (mlp === null) return;
  const params = layers * (attention + mlp.params + 2 * d) + d + vocab * d * (tied ? 1 : 2);
  out.add(
    'model.params',
    params,
    at,
    `${layers} layers × (attention with ${kvHeads}/${heads} KV heads of ${headDim} + ${mlp.written} + norms) + embeddings of ${vocab}${tied ? ' (tied head)' : ' + LM head'}`,
  );
}

/**
 * The MLP of one layer. Dense: a gated MLP of 3 × d × intermediate_size. MoE (all parameters, the
 * compute is spent keeping all of them): nanotron's Qwen2 `moe_config` (MoEConfig defaults:
 * moe_intermediate_size 1408, shared_expert_intermediate_size 5632, every layer) with experts of
 * 3 × d × moe_intermediate_size, a router d × num_experts and an optional gated shared expert; the
 * llamoe example's `moe_num_experts` experts of intermediate_size. Null when the MoE layout is one
 * this reading does not cover (some layers only).
 */
function moeMlp(c: ConfigDoc, d: number, ffn: number): { params: number; written: string } | null {
  const moe = c.get('moe_config');
  if (moe?.shape === 'map') {
    const experts = c.num('moe_config.num_experts') ?? 8;
    const width = c.num('moe_config.moe_intermediate_size') ?? 1408;
    const layers = c.get('moe_config.layers');
    if (layers && !(layers.shape === 'seq' && c.num('moe_config.layers.0') === -1 && !c.has('moe_config.layers.1')))
      return null;
    const shared = c.get('moe_config.enable_shared_expert')?.value === true;
    const sharedWidth = c.num('moe_config.shared_expert_intermediate_size') ?? 5632;
    const params = experts * 3 * d * width + d * experts + (shared ? 3 * d * sharedWidth + d : 0);
    return {
      params,
      written: `${experts} gated experts of ${width}${shared ? ` + a shared expert of ${sharedWidth}` : ''} + router`,
    };
  }
  const llamoe = c.num('moe_num_experts');
  if (llamoe && llamoe > 0)
    return { params: llamoe * 3 * d * ffn + d * llamoe, written: `${llamoe} gated experts of ${ffn} + router` };
  return { params: 3 * d * ffn, written: `gated MLP ${ffn}` };
}

/**
 * Mamba (Gu & Dao 2023, arXiv:2312.00752; block shapes from state-spaces/mamba
 * mamba_ssm/modules/mamba_simple.py): d_inner = expand × d; in_proj d × 2·d_inner, out_proj
 * d_inner × d, a depthwise conv of d_conv (+ bias), x_proj d_inner × (dt_rank + 2·d_state),
 * dt_proj dt_rank × d_inner + bias, A_log d_inner × d_state, D d_inner; dt_rank "auto" is ceil(d/16);
 * one norm per layer and a final one; the vocabulary padded to pad_vocab_size_multiple, tied to the head.
 */
function readMambaParams(c: ConfigDoc, layers: number, vocabRaw: number, at: ConfigValue, out: FactSink): void {
  const d = c.num('d_model') ?? c.num('hidden_size');
  if (!d || d <= 0) return;
  const expand = c.num('ssm_cfg.expand') ?? 2;
  const dState = c.num('ssm_cfg.d_state') ?? 16;
  const dConv = c.num('ssm_cfg.d_conv') ?? 4;
  const dtRank = c.num('ssm_cfg.dt_rank') ?? Math.ceil(d / 16);
  const multiple = c.num('pad_vocab_size_multiple') ?? 1;
  const vocab = multiple > 0 ? Math.ceil(vocabRaw / multiple) * multiple : vocabRaw;
  const inner = expand * d;
  const perLayer =
    3 * inner * d +
    inner * (dConv + 1) +
    inner * (dtRank + 2 * dState) +
    (dtRank + 1) * inner +
    inner * dState +
    inner +
    d;
  const params = layers * perLayer + d + vocab * d;
  out.add(
    'model.params',
    params,
    at,
    `Mamba: ${layers} layers × (in/out projections of d_inner ${inner}, SSM state ${dState}, dt_rank ${dtRank}) + embeddings of ${vocab} (tied head)`,
  );
}
