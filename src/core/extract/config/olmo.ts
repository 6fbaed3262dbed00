import type { ConfigDialect, ConfigDoc, ConfigValue, FactSink } from './dialect';
import { composer } from './composer';

/**
 * OLMo trainer configs (`torchrun --nproc_per_node=8 scripts/train.py configs/x.yaml --key=value`):
 * the YAML form of OLMo's `TrainConfig` dataclass (olmo/config.py, allenai/OLMo), also used by the
 * forks of that trainer. Key meanings, from the dataclass's docstrings and olmo/train.py / olmo/model.py:
 *
 * - `model:` is a `ModelConfig`: `d_model`, `n_layers`, `n_heads`; the MLP's inner width is
 *   `mlp_hidden_size`, else `mlp_ratio` (default 4) × `d_model`; `activation_type` defaults to `swiglu`,
 *   whose output multiplier is 0.5 (the MLP's up projection is that width, its down projection half of
 *   it: 1.5 × d × width in all; the size formula counts 2 × d × ffn, so ffn = 0.75 × width); gelu and
 *   relu keep the full width. `embedding_size` (default 50304; `null` means `vocab_size`) is the number
 *   of embedding rows; `weight_tying` defaults to true (no separate output head); `max_sequence_length`
 *   defaults to 1024, and a batch is `global_train_batch_size` instances of that length
 *   (Trainer.tokens_per_batch).
 * - `max_duration`: "How long to train for. If specified without a unit (the default), the units are
 *   assumed to be steps. You can also specify this in terms of tokens, for example: max_duration="2e12T"
 *   means train until 2 trillion tokens"; `Nep` is N epochs (Trainer.max_steps). `stop_at` stops at a
 *   step, `stop_after` after that many steps.
 * - `precision`: "amp_bf16", "amp_fp16" or "fp32" (read by the generic key table).
 * - `load_path` loads a checkpoint to continue from: the trainer's own checkpoints (stage-2 anneals,
 *   restarts), so the run continues pre-training; fine-tuning with this trainer, per its README
 *   ("Fine-tuning", pypi.org/project/ai2-olmo 0.2.x–0.4.x), loads a checkpoint and trains on tokenized
 *   instruction data with `data.label_mask_paths` (the loss masked to the responses).
 *
 * What makes it a run: a `model:` with `d_model` and `n_layers` and the trainer's run keys
 * (`max_duration`, `global_train_batch_size` or `device_train_microbatch_size`): scripts/train.py cannot
 * start without such a config, which is the run's definition.
 */

const RUN_KEYS = ['max_duration', 'global_train_batch_size', 'device_train_microbatch_size'];

/** OLMo's ActivationType values with a gate (olmo/model.py: SwiGLU.output_multiplier 0.5). */
const GATED = /^swiglu$/i;
/** ModelConfig defaults (olmo/config.py). */
const DEFAULT_MLP_RATIO = 4;
const DEFAULT_EMBEDDING_SIZE = 50304;
const DEFAULT_SEQ_LEN = 1024;

export const olmo: ConfigDialect = {
  name: 'olmo',
  words: ['max_duration', 'global_train_batch_size', 'device_train_microbatch_size'],
  detect: (doc) =>
    doc.get('model')?.shape === 'map' &&
    doc.has('model.d_model') &&
    doc.has('model.n_layers') &&
    RUN_KEYS.some((k) => doc.has(k)) &&
    // llm-foundry's train configs share max_duration / global_train_batch_size; they name a registered model.
    !composer.detect(doc),
  owns: (path) =>
    path === 'max_duration' ||
    path === 'stop_at' ||
    path === 'stop_after' ||
    path === 'model.vocab_size' ||
    path === 'model.embedding_size' ||
    path === 'model.mlp_hidden_size' ||
    // Evaluation batches are not the run's.
    path === 'device_eval_batch_size',
  read(doc: ConfigDoc, out: FactSink): void {
    const model = doc.get('model')!;
    out.add('run.framework', 'olmo', model, 'OLMo trainer config (model: d_model / n_layers, max_duration)');
    readName(doc, model, out);
    readArchitecture(doc, out);
    readMode(doc, model, out);
    readLength(doc, out);
    out.add(
      'launch.trainer',
      'config:olmo',
      doc.get('max_duration') ?? model,
      'OLMo trainer config: the run scripts/train.py (TrainConfig) starts from it',
    );
  },
};

/**
 * The model is built from this config's sizes; `run_name` is what the config calls it
 * (`OLMo-7B`, `peteish7`), read as its name when it is a literal. No catalog row stands in for it:
 * the size comes from the architecture below.
 */
function readName(doc: ConfigDoc, model: ConfigValue, out: FactSink): void {
  const name = doc.get('run_name');
  const literal =
    typeof name?.value === 'string' && name.value === name.raw && /^[\w.-]{1,100}$/.test(name.value)
      ? name.value
      : undefined;
  if (name && literal)
    out.add('model.id', literal, name, `run_name: ${literal}, a model the OLMo trainer builds from model:`, 'medium');
  else out.add('model.id', 'olmo', model, 'an OLMo model built from the sizes under model:', 'medium');
}

function readArchitecture(doc: ConfigDoc, out: FactSink): void {
  const d = doc.num('model.d_model');
  const hiddenWritten = doc.get('model.mlp_hidden_size');
  const ratioWritten = doc.get('model.mlp_ratio');
  const activation = doc.get('model.activation_type');
  const activationName = typeof activation?.value === 'string' ? activation.value : 'swiglu';
  const gated = GATED.test(activationName);
  const width =
    doc.num('model.mlp_hidden_size') ?? (d ? (doc.num('model.mlp_ratio') ?? DEFAULT_MLP_RATIO) * d : undefined);
  if (width && width > 0) {
    const at =
      hiddenWritten && typeof hiddenWritten.value === 'number' ? hiddenWritten : (ratioWritten ?? doc.get('model')!);
    const written =
      at === hiddenWritten
        ? `mlp_hidden_size ${width}`
        : `mlp_ratio ${doc.num('model.mlp_ratio') ?? `${DEFAULT_MLP_RATIO} (default)`} × d_model ${d}`;
    out.add(
      'model.ffnSize',
      gated ? 0.75 * width : width,
      at,
      gated
        ? `${written} with ${activationName}${activation ? '' : ' (the default)'}: projections of ${width} and ${width / 2} (counted as ${0.75 * width})`
        : `${written} with ${activationName}`,
      at === doc.get('model') ? 'medium' : 'high',
    );
  }

  const embedding = doc.get('model.embedding_size');
  const vocab = doc.get('model.vocab_size');
  const rows = doc.num('model.embedding_size');
  const vocabN = doc.num('model.vocab_size');
  if (embedding && rows && rows > 0) out.add('model.vocabSize', rows, embedding, `model.embedding_size: ${rows}`);
  else if (vocab && vocabN && vocabN > 0 && (embedding || vocabN > DEFAULT_EMBEDDING_SIZE))
    out.add(
      'model.vocabSize',
      vocabN,
      vocab,
      `model.vocab_size: ${vocabN} (embedding_size ${embedding ? 'null' : 'not set'})`,
    );
  else if (vocab)
    out.add(
      'model.vocabSize',
      DEFAULT_EMBEDDING_SIZE,
      vocab,
      `embedding_size not set: ${DEFAULT_EMBEDDING_SIZE} rows (ModelConfig default) for vocab_size ${String(vocab.value)}`,
      'medium',
    );

  const tying = doc.get('model.weight_tying');
  if (tying?.value === false)
    out.add('model.untiedHead', true, tying, 'model.weight_tying: false (an output head of its own)');

  const seq = doc.get('model.max_sequence_length');
  const n = doc.num('model.max_sequence_length');
  if (seq && n && n > 0) out.add('training.seqLen', n, seq, `model.max_sequence_length: ${n}`);
  else if (!seq)
    out.add(
      'training.seqLen',
      DEFAULT_SEQ_LEN,
      doc.get('model')!,
      `model.max_sequence_length not set: ${DEFAULT_SEQ_LEN} (ModelConfig default)`,
      'medium',
    );
}

function readMode(doc: ConfigDoc, model: ConfigValue, out: FactSink): void {
  const load = doc.get('load_path');
  const loads = typeof load?.value === 'string' && load.value.trim() !== '';
  if (!loads) {
    out.add(
      'training.mode',
      'pretrain',
      load ?? model,
      load
        ? 'load_path: null: the model starts from random weights'
        : 'no load_path: the model starts from random weights',
    );
    out.add('model.fromScratch', true, load ?? model, 'an OLMo model initialised from the config');
    return;
  }
  const masks = doc.get('data.label_mask_paths');
  if (masks && (masks.shape === 'seq' || (typeof masks.value === 'string' && masks.value))) {
    out.add(
      'training.mode',
      'finetune',
      masks,
      `load_path ${String(load.value)} with data.label_mask_paths: fine-tuning on masked instruction data`,
    );
    return;
  }
  out.add(
    'training.mode',
    'pretrain',
    load,
    `load_path ${String(load.value)}: continues pre-training from the trainer's checkpoint (no label masks)`,
    'medium',
  );
}

/** `2e12T`, `50e9T` (tokens), `1ep` (epochs), `739_328` or `"1e4"` (steps). */
export function parseOlmoDuration(raw: unknown): { kind: 'steps' | 'tokens' | 'epochs'; value: number } | null {
  if (typeof raw === 'number')
    return Number.isFinite(raw) && raw > 0 ? { kind: 'steps', value: Math.round(raw) } : null;
  if (typeof raw !== 'string') return null;
  const text = raw.trim();
  if (text.length > 40) return null;
  const m = /^(\d[\d_]*(?:\.\d+)?(?:e[-+]?\d+)?)\s*(t|ep)?$/i.exec(text);
  if (!m) return null;
  const value = Number(m[1].replace(/_/g, ''));
  if (!Number.isFinite(value) || value <= 0) return null;
  const unit = m[2]?.toLowerCase();
  return unit === 't'
    ? { kind: 'tokens', value }
    : unit === 'ep'
      ? { kind: 'epochs', value }
      : { kind: 'steps', value: Math.round(value) };
}

function readLength(doc: ConfigDoc, out: FactSink): void {
  const duration = doc.get('max_duration');
  const at = duration ?? doc.get('model')!;
  // TrainConfig's default max_duration is 10000 steps.
  const parsed = duration ? parseOlmoDuration(duration.value) : { kind: 'steps' as const, value: 10_000 };
  if (!parsed) {
    out.add('training.steps', null, at, `max_duration: ${String(duration?.value)} is not a literal duration`);
    return;
  }
  const where = duration
    ? `max_duration: ${String(duration.value)}`
    : 'max_duration not set: 10000 steps (TrainConfig default)';
  const stopNode = doc.num('stop_at') !== undefined ? doc.get('stop_at') : doc.get('stop_after');
  const stop = doc.num('stop_at') ?? doc.num('stop_after');
  const stops = stopNode !== undefined && stop !== undefined && stop > 0 ? { node: stopNode, step: stop } : undefined;
  if (parsed.kind === 'epochs') out.add('training.epochs', parsed.value, at, where);
  if (parsed.kind === 'steps') {
    if (stops && stops.step < parsed.value)
      out.add('training.steps', stops.step, stops.node, `${stops.node.key}: ${stops.step}, before ${where}`);
    else out.add('training.steps', parsed.value, at, where, duration ? 'high' : 'medium');
    return;
  }
  if (stops)
    out.add('training.steps', stops.step, stops.node, `${stops.node.key}: ${stops.step} (the run stops at that step)`);
  if (parsed.kind !== 'tokens') return;
  // A stop step before the token budget ends the run there (TrainConfig defaults: 512 instances per batch).
  const batch = doc.num('global_train_batch_size') ?? 512;
  const seq = doc.num('model.max_sequence_length') ?? DEFAULT_SEQ_LEN;
  const stopTokens = stops ? stops.step * batch * seq : undefined;
  if (stops && stopTokens !== undefined && stopTokens < parsed.value)
    out.add(
      'training.tokens',
      stopTokens,
      stops.node,
      `${stops.node.key} ${stops.step} × global_train_batch_size ${batch} × max_sequence_length ${seq}, before ${where}`,
    );
  else {
    out.add('training.tokens', parsed.value, at, where);
    // A run that starts at step 0 (no load_path) ends at ceil(tokens / tokens a batch) (olmo/train.py,
    // Trainer.max_steps: `math.ceil(tokens_remaining / self.tokens_per_batch)`); one resumed from a checkpoint starts
    // at that checkpoint's step, which the config does not say.
    const load = doc.get('load_path');
    const fresh = !load || load.value === null || (typeof load.value === 'string' && load.value.trim() === '');
    if (!stops && fresh && batch > 0 && seq > 0) {
      const steps = Math.ceil(parsed.value / (batch * seq));
      out.add(
        'training.steps',
        steps,
        at,
        `${where} over global_train_batch_size ${batch} × max_sequence_length ${seq} tokens a step: ${steps} steps (rounded up, as the trainer does)`,
        'medium',
      );
    }
  }
}
