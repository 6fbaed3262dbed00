import type { SourceRange } from '../../facts';
import type { ConfigDialect, ConfigDoc, ConfigValue, FactSink } from './dialect';
import { relativePath } from './dialect';
import { extractShellFacts } from '../shellFacts';
import { matchLauncher } from '../shell/launchers';
import { findModel } from '../../knowledge';
import { parseComposerDuration } from '../composerDuration';
import { architectureNamed } from './hubModelConfig';

/**
 * Composer / llm-foundry train configs (`scripts/train/yamls/pretrain/mpt-125m.yaml`,
 * `finetune/mpt-7b_dolly_sft.yaml`), and MosaicML run configs (`mcli/*.yaml`) whose
 * `parameters:` hold such a train config.
 *
 * What makes it a run: `max_duration` (how long Composer trains) with a `model`.
 * Modes: `mpt_causal_lm` builds a new MPT from its sizes (pre-training, unless `load_path`
 * loads a checkpoint); `hf_causal_lm` loads `pretrained_model_name_or_path` with its weights
 * unless `pretrained: false` (llm-foundry's default is `pretrained: True`,
 * llmfoundry/models/hf/hf_causal_lm.py); a `peft_config` of type LORA trains adapters only.
 */

export { parseComposerDuration } from '../composerDuration';

/** llm-foundry's registered model names (llmfoundry/registry: models). */
const MODEL_NAMES = /^(mpt_causal_lm|hf_causal_lm|hf_t5|hf_prefix_lm|hf_seq2seq|hf_bert|hf_pretrained_model)$/;

/** Reads one Composer train config (the whole file, or a MosaicML run's `parameters:`). */
function readTrainConfig(doc: ConfigDoc, out: FactSink): void {
  const duration = doc.get('max_duration');
  const modelName = doc.get('model.name');
  if (duration) out.add('run.framework', 'composer', duration, 'Composer / llm-foundry train config (max_duration)');
  if (duration) readDuration(duration, out, doc);

  const name = typeof modelName?.value === 'string' ? modelName.value : undefined;
  const example = name && !MODEL_NAMES.test(name) ? namedModel(name) : undefined;
  if (name === 'mpt_causal_lm' && modelName) {
    // The architecture's name: its size comes from d_model / n_layers below, not from a catalog.
    out.add(
      'model.id',
      'mpt',
      modelName,
      'model.name: mpt_causal_lm, an MPT built from the sizes in this config',
      'medium',
    );
    const d = doc.num('model.d_model');
    const ratio = doc.num('model.expansion_ratio');
    if (d && ratio && ratio !== 4)
      out.add(
        'model.ffnSize',
        d * ratio,
        doc.get('model.expansion_ratio')!,
        `model.expansion_ratio ${ratio} × d_model ${d}`,
      );
    // MPTConfig defaults: learned_pos_emb=True unless attn_config.alibi (llmfoundry/models/mpt/configuration_mpt.py); tied head.
    const alibi = doc.get('model.attn_config.alibi')?.value === true;
    const learned = doc.get('model.learned_pos_emb')?.value !== false && !alibi;
    const positions = doc.get('model.max_seq_len') ?? doc.get('max_seq_len');
    const n = positions ? numberOf(positions.value) : undefined;
    if (learned && positions && n)
      out.add(
        'model.learnedPositions',
        n,
        positions,
        `MPT learns ${n} position embeddings (learned_pos_emb defaults to true, no ALiBi)`,
        'medium',
      );
    const load = doc.get('load_path');
    if (typeof load?.value === 'string' && load.value) {
      out.add('training.mode', 'finetune', load, `mpt_causal_lm loaded from load_path ${load.value}`, 'medium');
    } else {
      out.add(
        'training.mode',
        'pretrain',
        modelName,
        'model.name: mpt_causal_lm builds a new MPT from these sizes (no load_path)',
      );
      out.add('model.fromScratch', true, modelName, 'mpt_causal_lm with random initialisation');
    }
  } else if (name && modelName && example) {
    // Composer's example configs (`model: {name: resnet50}`, `name: CompVis/stable-diffusion-v1-4`): the program
    // builds the model the name is a catalog model's or a Hub id's. A Hub id is loaded with its weights.
    out.add('model.id', example.id, modelName, `model.name: ${name}`);
    if (example.hub)
      out.add('model.fromScratch', false, modelName, `model.name: ${name}, a pretrained checkpoint`, 'medium');
    else if (!readStartingCheckpoint(doc, out))
      // An architecture's name (torchvision's `resnet50`) builds it with random weights, as `--model resnet50` without
      // `--pretrained` does: Composer's example programs build `torchvision.models.<name>(weights=None)` by default.
      out.add(
        'model.fromScratch',
        true,
        modelName,
        `model.name: ${name}, an architecture built from random weights`,
        'medium',
      );
  } else if (name && modelName && doc.has('model.pretrained_model_name')) {
    // Composer's BERT examples (`name: hf_bert` or `mosaic_bert`, `pretrained_model_name: bert-base-uncased`): the
    // architecture is that checkpoint's; its weights are loaded only with `use_pretrained: true` or a starting checkpoint.
    const checkpoint = doc.get('model.pretrained_model_name')!;
    const id = typeof checkpoint.value === 'string' ? checkpoint.value.trim() : '';
    if (/^[A-Za-z0-9][\w./-]{0,150}$/.test(id))
      out.add('model.id', id, checkpoint, `model.pretrained_model_name: ${id}`);
    const use = doc.get('model.use_pretrained');
    if (!readStartingCheckpoint(doc, out)) {
      if (use?.value === true)
        out.add('training.mode', 'finetune', use, 'model.use_pretrained: true: starts from its weights');
      else
        out.add(
          'model.fromScratch',
          true,
          use ?? modelName,
          use
            ? 'model.use_pretrained: false: random weights'
            : `${name}: built from ${id}'s configuration, random weights`,
          use ? 'high' : 'medium',
        );
    }
  } else if (name && modelName && /^hf_/.test(name)) {
    const pretrained = doc.get('model.pretrained');
    const peft = doc.get('model.peft_config.peft_type');
    if (pretrained?.value === false) {
      // Unless a starting checkpoint (`load_path` with `load_weights_only`, an earlier step's checkpoint) brings the
      // weights: then the run fine-tunes them, however the Hub's weights are not loaded.
      if (!readStartingCheckpoint(doc, out))
        out.add(
          'training.mode',
          'pretrain',
          pretrained,
          `model.pretrained: false: ${name} builds the architecture with random weights`,
        );
    } else if (doc.has('model.peft_config') && (!peft || /lora/i.test(String(peft.value))))
      out.add(
        'training.mode',
        'lora',
        peft ?? doc.get('model.peft_config')!,
        'model.peft_config: LoRA adapters on the pretrained model',
      );
    else if (doc.has('model.pretrained_model_name_or_path'))
      out.add(
        'training.mode',
        'finetune',
        pretrained ?? modelName,
        `${name} loads pretrained weights (pretrained defaults to true in llm-foundry)`,
        pretrained ? 'high' : 'medium',
      );
  } else if (
    name &&
    modelName &&
    !MODEL_NAMES.test(name) &&
    /^[A-Za-z][\w.-]{0,80}$/.test(name) &&
    doc.num('model.d_model') !== undefined &&
    doc.num('model.n_layers') !== undefined
  )
  // A model class the repository registers itself (`name: mosaic_llama2_7b`, a Composer model of its own) built from
  // the sizes this config gives: the run's model is that name, its size the config's (read by the key table).
  {
    out.add('model.id', name, modelName, `model.name: ${name}, built from the sizes in this config`, 'medium');
    // Named for an architecture (`mosaic_llama2_7b`): its feed-forward is that architecture's (LLaMA's gated MLP of
    // `intermediate_size`), and so is its output layer, when the config does not say.
    const architecture = doc.has('model.intermediate_size') ? architectureNamed(name) : undefined;
    if (architecture) {
      const detail = `model.name: ${name}, a ${architecture.type} architecture`;
      out.add(
        'model.gatedFfn',
        true,
        modelName,
        `${detail}: a gated MLP (3 matrices of d × intermediate_size)`,
        'medium',
      );
      if (!architecture.tiedByDefault && !doc.has('model.tie_word_embeddings'))
        out.add('model.untiedHead', true, modelName, `${detail}: an output layer of its own`, 'medium');
    }
  }
  const dataset = doc.get('train_loader.dataset.hf_name');
  if (typeof dataset?.value === 'string' && /^[\w.-]+\/[\w.-]+$/.test(dataset.value))
    out.add('training.dataset', dataset.value, dataset, `train_loader.dataset.hf_name: ${dataset.value}`);
  if (duration && modelName)
    out.add(
      'launch.trainer',
      'config:composer',
      duration,
      `Composer train config: ${String(modelName.value)} for ${String(duration.value)}`,
    );
}

/**
 * A model a Composer example config names (`resnet50`, `resnet_56`, `CompVis/stable-diffusion-v1-4`): the catalog's
 * id for it, or the Hub id as written; undefined for a name of the program's own (`mosaic_bert`, `deeplabv3`).
 */
function namedModel(name: string): { id: string; hub: boolean } | undefined {
  if (name.length > 200) return undefined;
  const hub = /^[A-Za-z0-9][\w.-]{0,95}\/[A-Za-z0-9][\w.-]{0,95}$/.test(name);
  const row = findModel(name) ?? findModel(name.replace(/[_-](?=\d+$)/, ''));
  if (row) return { id: row.id, hub };
  return hub ? { id: name, hub } : undefined;
}

/** Keys that name the checkpoint a Composer example starts from (`load_path`, the GLUE jobs' starting checkpoint). */
const STARTING_CHECKPOINT = ['load_path', 'starting_checkpoint_load_path'];

/** A starting checkpoint named (a non-empty value, a placeholder included): the run fine-tunes it. */
function readStartingCheckpoint(doc: ConfigDoc, out: FactSink): boolean {
  for (const key of STARTING_CHECKPOINT) {
    const v = doc.get(key);
    if (typeof v?.value !== 'string' || v.value.trim() === '') continue;
    out.add('training.mode', 'finetune', v, `${key}: starts from ${v.value.trim()}`);
    return true;
  }
  return false;
}

/** `model: {name: ...}` with a Composer time string as `max_duration` (`90ep`, `2000ba`): a Composer example's train config. */
function composerExampleConfig(doc: ConfigDoc): boolean {
  const duration = doc.str('max_duration');
  // The model is named (`model.name`): OLMo's configs, also timed in Composer's units, give sizes instead.
  return doc.str('model.name') !== undefined && duration !== undefined && parseComposerDuration(duration) !== null;
}

function numberOf(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : undefined;
}

function readDuration(duration: ConfigValue, out: FactSink, doc: ConfigDoc): void {
  const raw = duration.value;
  const parsed = typeof raw === 'string' ? parseComposerDuration(raw) : null;
  if (!parsed) {
    out.add('training.steps', null, duration, `max_duration: ${String(raw)} is not a literal duration`);
    return;
  }
  if (parsed.unit === 'sp') {
    // Samples over the global batch are optimizer steps.
    const batch = doc.num('global_train_batch_size');
    if (batch)
      out.add(
        'training.steps',
        Math.ceil(parsed.value / batch),
        duration,
        `max_duration ${String(raw)} over global_train_batch_size ${batch}`,
      );
    return;
  }
  out.add(parsed.kind, parsed.value, duration, `max_duration: ${String(raw)}`);
}

export const composer: ConfigDialect = {
  name: 'composer',
  words: ['max_duration'],
  detect: (doc) =>
    doc.has('max_duration') &&
    (MODEL_NAMES.test(doc.str('model.name') ?? '') || doc.has('train_loader') || composerExampleConfig(doc)),
  // Composer's FSDP `mixed_precision: PURE|DEFAULT|FULL` is a sharding policy, not a dtype; callbacks (hf_checkpointer
  // precision) configure saving, not training; `max_duration` is read here.
  owns: (path) => path === 'fsdp_config.mixed_precision' || path === 'max_duration' || path.startsWith('callbacks.'),
  read: readTrainConfig,
};

/**
 * Hydra configs that instantiate Composer's Trainer (`trainer: { _target_: composer.Trainer, max_duration: 550000ba }`,
 * the shape of diffusion and vision repositories built on Composer: `run.py` calls `hydra.utils.instantiate` on each
 * section). The trainer section's `max_duration` is the run's length, in Composer's time units; its `precision`, when
 * unset, is Composer's default: "If the precision argument is not specified, the Trainer defaults to using amp_fp16 on
 * GPU and fp32 on CPU" (docs.mosaicml.com/projects/composer, Notes: Numerics).
 */
const COMPOSER_TRAINER = /^composer(?:\.trainer){0,2}\.Trainer$/;

/** The top-level section Hydra builds a Composer Trainer from (`trainer:`), if any. */
function composerTrainerSection(doc: ConfigDoc): string | undefined {
  for (const v of doc.entries()) {
    if (v.shape !== 'map') continue;
    if (COMPOSER_TRAINER.test(doc.str(`${v.key}._target_`) ?? '')) return v.key;
  }
  return undefined;
}

function readHydraTrainer(doc: ConfigDoc, out: FactSink): void {
  const section = composerTrainerSection(doc);
  if (section === undefined) return;
  const target = doc.get(`${section}._target_`)!;
  out.add('run.framework', 'composer', target, `${section}._target_: ${String(target.value)} (Hydra-instantiated)`);
  const duration = doc.get(`${section}.max_duration`);
  if (duration) readDuration(duration, out, doc);
  readModelFactory(doc, out);
  readAutoencoderFactory(doc, out);
  const precision = doc.get(`${section}.precision`);
  if (precision || out.facts.some((f) => f.kind === 'training.precision')) return;
  const device = doc.str(`${section}.device`);
  if (device !== undefined && device !== 'gpu') return;
  out.add(
    'training.precision',
    'fp16',
    target,
    `${section}.precision not set: Composer's Trainer uses amp_fp16 on GPU${device ? ` (device: gpu)` : ''}`,
    'medium',
  );
}

/**
 * `model: { _target_: pkg.models.stable_diffusion_2 }`: the model Hydra builds is what the factory (or class) it
 * names builds. Its name is read only where it is a catalog model's (`stable_diffusion_2`, `resnet50`), so a
 * factory named for what it does (`build_autoencoder`) names nothing.
 */
function readModelFactory(doc: ConfigDoc, out: FactSink): void {
  if (out.facts.some((f) => f.kind === 'model.id')) return;
  const target = doc.get('model._target_');
  if (typeof target?.value !== 'string') return;
  const name = target.value.trim().split('.').pop() ?? '';
  if (!/^[A-Za-z][\w-]{1,80}$/.test(name)) return;
  const row = findModel(name);
  if (row) out.add('model.id', row.id, target, `model._target_: ${target.value} builds ${row.id}`, 'medium');
}

/**
 * The parameters of the KL-f8 autoencoder (AutoencoderKL: ch 128, ch_mult 1,2,4,4, 4 latent channels) every Stable
 * Diffusion 1.x, 2.x and XL pipeline ships in its `vae/` folder: the diffusers port's AutoencoderKL of
 * CompVis/stable-diffusion-v1-4 holds 83,653,863 parameters (the same count diffusionUnetParams.ts works out from the
 * ddconfig). SD 3's VAE has 16 latent channels: another size, not read here.
 */
const SD_VAE_PARAMS = 83_653_863;

/**
 * `model: { _target_: pkg.models.build_diffusers_autoencoder, model_name: org/stable-diffusion-..., pretrained: false }`:
 * a factory named for an autoencoder builds the VAE of the pipeline `model_name` names, not the pipeline. Trained is
 * that autoencoder (Stable Diffusion's KL-f8 size); `pretrained: false` builds it from its config with random weights.
 */
function readAutoencoderFactory(doc: ConfigDoc, out: FactSink): void {
  const target = doc.get('model._target_');
  if (typeof target?.value !== 'string') return;
  const factory = target.value.trim().split('.').pop() ?? '';
  if (!/^[\w]{0,60}(?:autoencoder|_vae)[\w]{0,60}$/i.test(factory) && !/^vae(?:_\w{0,60})?$/i.test(factory)) return;
  const pretrained = doc.get('model.pretrained');
  if (pretrained?.value === false) {
    out.add(
      'training.mode',
      'pretrain',
      pretrained,
      `model.pretrained: false: ${factory} builds the autoencoder with random weights`,
    );
    out.add('model.fromScratch', true, pretrained, `model.pretrained: false (${factory})`);
  }
  const name = doc.get('model.model_name');
  const pipeline = typeof name?.value === 'string' ? name.value.trim() : '';
  if (name && pipeline.length <= 200 && /stable-diffusion(?!-3)/i.test(pipeline))
    out.add(
      'model.params',
      SD_VAE_PARAMS,
      name,
      `${factory} builds the VAE of ${pipeline}: Stable Diffusion's KL-f8 AutoencoderKL, 83.7M (the diffusers AutoencoderKL of stable-diffusion-v1-4)`,
      'medium',
    );
}

/**
 * A Hydra evaluation config built on Composer (`evaluator: { _target_: pkg.evaluation.CleanFIDEvaluator }` beside the
 * `model:` it evaluates): the program instantiates both and runs the evaluator, forward passes only: an inference run.
 */
function evaluatorSection(doc: ConfigDoc): ConfigValue | undefined {
  const builds = typeof doc.get('model._target_')?.value === 'string';
  const names = typeof doc.get('model.name')?.value === 'string';
  if (!builds && !names) return undefined;
  for (const v of doc.entries()) {
    if (v.shape !== 'map') continue;
    const target = doc.get(`${v.key}._target_`);
    if (typeof target?.value !== 'string') continue;
    const t = target.value.trim();
    if (t.length > 300) continue;
    // A class named for evaluation, or any class of an evaluation package (`pkg.evaluation.geneval.ImageGenerator`).
    if (/\.\w{0,60}Evaluator$/.test(t) || /(?:^|\.)(?:evaluation|evaluations|eval)\.[\w.]{1,200}$/.test(t))
      return target;
  }
  return undefined;
}

export const composerHydraEvaluator: ConfigDialect = {
  name: 'composer-hydra-eval',
  words: ['Evaluator', 'evaluation', 'eval.'],
  detect: (doc) => composerTrainerSection(doc) === undefined && evaluatorSection(doc) !== undefined,
  read(doc: ConfigDoc, out: FactSink): void {
    const target = evaluatorSection(doc)!;
    out.add(
      'launch.inference',
      `hydra:${String(target.value)}`,
      target,
      `${target.path}: ${String(target.value)} evaluates the model this config builds`,
    );
    out.add('training.mode', 'inference', target, 'an evaluator config: the model is only run forward', 'medium');
    // `model: { name: org/checkpoint }` beside the evaluator: a Hub checkpoint the program loads.
    const name = doc.get('model.name');
    if (typeof name?.value === 'string' && /^[\w.-]{1,96}\/[\w.-]{1,96}$/.test(name.value.trim()))
      out.add('model.id', name.value.trim(), name, `model.name: ${name.value.trim()}, the checkpoint evaluated`);
    readModelFactory(doc, out);
  },
};

export const composerHydraTrainer: ConfigDialect = {
  name: 'composer-hydra',
  words: ['composer'],
  detect: (doc) => composerTrainerSection(doc) !== undefined && !doc.has('max_duration'),
  read: readHydraTrainer,
};

/**
 * llm-foundry evaluation configs (`scripts/eval/yamls/hf_eval.yaml`, or the `parameters:` of an eval
 * MosaicML run): `models:` lists `{ model_name, model: { name: hf_causal_lm, pretrained_model_name_or_path } }`
 * that `eval.py` runs on `icl_tasks` or an `eval_gauntlet`: forward passes only, an inference run
 * per config (the first model is the one estimated).
 */
function isEvalConfig(doc: ConfigDoc): boolean {
  return (
    (doc.get('models')?.shape === 'seq' &&
      MODEL_NAMES.test(doc.str('models.0.model.name') ?? '') &&
      (doc.has('icl_tasks') ||
        doc.has('eval_gauntlet') ||
        doc.has('device_eval_batch_size') ||
        doc.has('eval_loader'))) ||
    singleModelEval(doc)
  );
}

/**
 * The single-model form of an llm-foundry eval config (its first eval YAMLs, and the projects that copied them with a
 * model class of their own registered under `model.name`): one `model:` map with a `name`, `icl_tasks` and a
 * `device_eval_batch_size`, no `max_duration` (nothing is trained). The model's name may be any registered class, so
 * the ICL tasks and the eval batch are what tell it.
 */
function singleModelEval(doc: ConfigDoc): boolean {
  return (
    doc.prefix === '' &&
    doc.get('model')?.shape === 'map' &&
    typeof doc.get('model.name')?.value === 'string' &&
    doc.has('icl_tasks') &&
    doc.has('device_eval_batch_size') &&
    !doc.has('max_duration') &&
    !doc.has('models')
  );
}

function readEvalConfig(doc: ConfigDoc, out: FactSink): void {
  const single = doc.get('models')?.shape !== 'seq';
  const base = single ? 'model' : 'models.0.model';
  const name = doc.get(`${base}.name`)!;
  out.add(
    'run.framework',
    'composer',
    name,
    single
      ? 'llm-foundry eval config (one model: with icl_tasks)'
      : 'llm-foundry eval config (models: with icl_tasks / eval_gauntlet)',
  );
  out.add(
    'launch.inference',
    'config:composer-eval',
    name,
    `llm-foundry eval config: ${String(name.value)} evaluated by eval.py`,
  );
  const id = doc.get(`${base}.pretrained_model_name_or_path`);
  if (typeof id?.value === 'string' && id.value && !id.value.includes('${')) {
    out.add('model.id', id.value, id, `${base}.pretrained_model_name_or_path: ${id.value}`);
    out.add('model.fromScratch', false, id, 'an evaluated checkpoint');
  }
  const batch = doc.get('device_eval_batch_size');
  const n = batch ? numberOf(batch.value) : undefined;
  if (batch && n) out.add('inference.concurrency', n, batch, `device_eval_batch_size: ${n} sequences per forward pass`);
}

export const composerEval: ConfigDialect = {
  name: 'composer-eval',
  words: ['icl_tasks', 'eval_gauntlet', 'device_eval_batch_size'],
  detect: isEvalConfig,
  // `num_params`/`dataset`/`epoch` in an eval config's header describe a model it does not name (placeholders
  // copied from the template), not the one given at launch.
  owns: (path) =>
    path === 'device_eval_batch_size' ||
    path === 'num_params' ||
    path.startsWith('icl_tasks') ||
    path.startsWith('eval_gauntlet') ||
    path.startsWith('fsdp_config.'),
  read: readEvalConfig,
};

/** The finite positive numbers of a flow or block list (`batch_sizes: [1, 2, 4]`), capped for hostile input. */
function numbersIn(doc: ConfigDoc, path: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < 256; i++) {
    if (!doc.has(`${path}.${i}`)) break;
    const n = doc.num(`${path}.${i}`);
    if (n !== undefined && n > 0 && Number.isFinite(n)) out.push(n);
  }
  return out;
}

/**
 * llm-foundry inference benchmark configs (`scripts/inference/benchmarking/yamls/*.yaml`, run by
 * `benchmark.py`): a model (an MPT from its sizes, or an HF checkpoint) timed on `batch_sizes` ×
 * `input_lengths` × `output_lengths`: an inference run of that model. The largest batch is its concurrency.
 */
export const composerBenchmark: ConfigDialect = {
  name: 'composer-benchmark',
  words: ['benchmark_name', 'batch_sizes'],
  detect: (doc) =>
    doc.has('benchmark_name') &&
    doc.get('batch_sizes')?.shape === 'seq' &&
    MODEL_NAMES.test(doc.str('model.name') ?? ''),
  owns: (path) =>
    path.startsWith('batch_sizes') ||
    path.startsWith('input_lengths') ||
    path.startsWith('output_lengths') ||
    path === 'num_batches' ||
    path === 'num_warmup_batches',
  read(doc: ConfigDoc, out: FactSink): void {
    const name = doc.get('model.name')!;
    out.add('run.framework', 'composer', name, 'llm-foundry inference benchmark config (benchmark_name, batch_sizes)');
    out.add(
      'launch.inference',
      'config:composer-benchmark',
      name,
      `llm-foundry inference benchmark of ${String(name.value)}`,
    );
    if (name.value === 'mpt_causal_lm')
      out.add(
        'model.id',
        'mpt',
        name,
        'model.name: mpt_causal_lm, an MPT built from the sizes in this config',
        'medium',
      );
    const id = doc.get('model.pretrained_model_name_or_path');
    if (typeof id?.value === 'string' && id.value)
      out.add('model.id', id.value, id, `model.pretrained_model_name_or_path: ${id.value}`);
    const sizes = numbersIn(doc, 'batch_sizes');
    const largest = sizes.length > 0 ? Math.max(...sizes) : undefined;
    if (largest && largest > 0 && Number.isFinite(largest))
      out.add('inference.concurrency', largest, doc.get('batch_sizes')!, `batch_sizes up to ${largest}`, 'medium');
    // benchmark.py times every batch size × input length × output length, num_warmup_batches + num_batches
    // batches each: that many prompts, of the mean lengths.
    const inputs = numbersIn(doc, 'input_lengths');
    const outputs = numbersIn(doc, 'output_lengths');
    const batches = (doc.num('num_batches') ?? 0) + (doc.num('num_warmup_batches') ?? 0);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    if (inputs.length > 0)
      out.add(
        'inference.inputTokens',
        mean(inputs),
        doc.get('input_lengths')!,
        `input_lengths: mean of ${inputs.join(', ')}`,
      );
    if (outputs.length > 0)
      out.add(
        'inference.maxNewTokens',
        mean(outputs),
        doc.get('output_lengths')!,
        `output_lengths: mean of ${outputs.join(', ')}`,
      );
    const requests = sizes.reduce((a, b) => a + b, 0) * inputs.length * outputs.length * batches;
    if (requests > 0 && Number.isFinite(requests))
      out.add(
        'inference.requests',
        requests,
        doc.get('num_batches') ?? doc.get('batch_sizes')!,
        `${batches} batches (num_warmup_batches + num_batches) × Σ batch_sizes ${sizes.reduce((a, b) => a + b, 0)} × ${inputs.length} input × ${outputs.length} output lengths`,
        'medium',
      );
    const dtype = doc.get('model_dtype');
    if (typeof dtype?.value === 'string' && /^(bf16|fp16|fp32)$/.test(dtype.value))
      out.add('training.precision', dtype.value, dtype, `model_dtype: ${dtype.value}`);
  },
};

/**
 * MosaicML platform run configs (`mcli run -f run.yaml`): `compute.gpus` GPUs in all,
 * `command:` the shell run on them, `parameters:` the train config mounted at
 * /mnt/config/parameters.yaml.
 */
export const mosaicmlRun: ConfigDialect = {
  name: 'mcli',
  words: ['compute', 'integrations', 'parameters'],
  detect: (doc) =>
    (doc.get('compute')?.shape === 'map' && (doc.has('command') || doc.has('parameters'))) ||
    (doc.has('image') && doc.has('command') && (doc.has('integrations') || doc.has('parameters'))),
  owns: (path) =>
    path === 'command' ||
    (path.startsWith('parameters.') &&
      (composer.owns!(path.slice('parameters.'.length)) || composerEval.owns!(path.slice('parameters.'.length)))),
  read(doc: ConfigDoc, out: FactSink): void {
    const gpus = doc.get('compute.gpus');
    const n = gpus ? numberOf(gpus.value) : undefined;
    if (gpus && n) out.add('hardware.devices', n, gpus, `compute.gpus: ${n} (MosaicML: GPUs for the whole run)`);
    const gpuType = doc.get('compute.gpu_type');
    if (typeof gpuType?.value === 'string')
      out.add('hardware.accelerator', gpuType.value.replace(/_/g, '-'), gpuType, `compute.gpu_type: ${gpuType.value}`);
    const parameters = doc.at('parameters');
    const runsParameters = parameters !== undefined && composer.detect(parameters);
    const evaluates = parameters !== undefined && !runsParameters && isEvalConfig(parameters);
    if (parameters && runsParameters) readTrainConfig(parameters, out);
    if (parameters && evaluates) readEvalConfig(parameters, out);
    const hydraTrainer = parameters !== undefined && !runsParameters && composerHydraTrainer.detect(parameters);
    if (parameters && hydraTrainer) readHydraTrainer(parameters, out);
    const hydraEval = parameters !== undefined && !hydraTrainer && composerHydraEvaluator.detect(parameters);
    if (parameters && hydraEval) composerHydraEvaluator.read(parameters, out);
    readCommand(doc, out, runsParameters || evaluates || hydraTrainer || hydraEval);
  },
};

/** A launch line of the command other than `composer`: the shell reader's facts, at this line, paths from `cwd`. */
function readLaunchLine(line: string, at: SourceRange, cwd: string, out: FactSink): void {
  for (const f of extractShellFacts(line)) {
    const linked = (f.kind === 'link.script' || f.kind === 'link.config') && typeof f.value === 'string';
    const value = linked && cwd && !String(f.value).startsWith('/') ? `${cwd}/${String(f.value)}` : f.value;
    out.add(f.kind, value, at, linked && cwd ? `${f.detail} (in ${cwd}/)` : f.detail, f.confidence);
  }
}

/** `composer train/train.py <yaml> key=value ...` lines of the run's command. */
function readCommand(doc: ConfigDoc, out: FactSink, parametersAreTheConfig: boolean): void {
  const command = doc.get('command');
  if (typeof command?.value !== 'string') return;
  const first =
    command.range.startLine +
    (/^[|>]/.test(doc.text.split('\n')[command.range.startLine]?.slice(command.range.startCol) ?? '') ? 1 : 0);
  const lines = command.value.split('\n');
  // The integrations clone their repositories into folders named after them (`mosaicml/llm-foundry` →
  // llm-foundry/); a `cd llm-foundry/scripts` makes later paths relative to the workspace's scripts/.
  const clones = doc
    .walk()
    .filter((v) => v.key === 'git_repo' && typeof v.value === 'string')
    .map((v) => String(v.value).split('/').pop()!);
  let cwd = '';
  for (let i = 0; i < lines.length && i < 500; i++) {
    let line = lines[i];
    const start = i;
    const cd = /^\s*cd\s+(\S+)\s*$/.exec(line)?.[1];
    if (cd) {
      const parts = cd.replace(/(?<!\/)\/+$/, '').split('/');
      cwd = clones.includes(parts[0]) ? parts.slice(1).join('/') : '';
      continue;
    }
    while (line.endsWith('\\') && i + 1 < lines.length && line.length < 20_000)
      line = line.slice(0, -1) + ' ' + lines[++i];
    if (line.length >= 20_000) continue;
    const m = /(?:^|[;&|]\s*)composer\s+(?:-\S+\s+)*(\S+\.py)\s+(\S+\.ya?ml)((?:\s+[\w.]+=\S+)*)/.exec(line);
    if (!m) {
      // Any other launch (`python benchmark.py yamls/1b.yaml`, `python hf_generate.py --name_or_path ...`):
      // read as the shell would run it, its script and configs found from the clone's folder.
      if (matchLauncher(line))
        readLaunchLine(line, { startLine: first + start, startCol: 0, endLine: first + i, endCol: 0 }, cwd, out);
      continue;
    }
    // llm-foundry's eval.py, hf_generate.py, convert_*.py and benchmarks train nothing.
    if (/(^|\/)(eval|evaluate|hf_generate|generate|inference|convert|benchmark)[^/]*\.py$/.test(m[1])) continue;
    const at = { startLine: first + start, startCol: 0, endLine: first + i, endCol: 0 };
    out.add('launch.trainer', 'composer', at, `command: composer ${m[1]} ${m[2]}`);
    if (!parametersAreTheConfig) out.add('run.framework', 'composer', at, `command: composer ${m[1]}`);
    const mounted = /^\/mnt\/config\/parameters\.ya?ml$/.test(m[2]);
    if (!mounted)
      out.add(
        'link.config',
        cwd && !m[2].startsWith('/') ? `${cwd}/${m[2]}` : m[2],
        at,
        `composer ${m[1]} ${m[2]}${cwd ? ` (in ${cwd}/)` : ''}`,
      );
    else if (!parametersAreTheConfig)
      out.add('training.steps', null, at, 'the train config is mounted from parameters:, which is empty here');
    for (const o of m[3].matchAll(/([\w.]+)=(\S+)/g)) {
      if (relativePath(doc, o[1]) !== 'max_duration') continue;
      const parsed = parseComposerDuration(o[2]);
      if (parsed && parsed.unit !== 'sp')
        out.add(parsed.kind, parsed.value, at, `command override max_duration=${o[2]}`);
    }
  }
}
