import type { ConfigDialect, ConfigDoc, ConfigValue, FactSink } from './dialect';
import { positiveIntegerAt } from './dialect';
import { findModel } from '../../knowledge';

/**
 * MMF configs (github.com/facebookresearch/mmf, and the projects built on it): OmegaConf YAML files a run is given on
 * the launch line (`mmf_run config=projects/<model>/configs/<dataset>/defaults.yaml model=<model> dataset=<dataset>
 * run_type=train_val`). The sections are `model_config.<model name>`, `dataset_config.<dataset name>`, `optimizer`
 * (`type`, `params`), `scheduler`, `evaluation.metrics`, `training` (`max_updates`, `max_epochs`, `batch_size`,
 * `fp16`) and `checkpoint` (`resume_pretrained`, `resume_zoo`, `resume_file`: the weights a run starts from).
 *
 * `includes:` lists the configs this one is merged over (MMF mmf/utils/configuration.py `load_yaml`: each include is
 * looked up from the MMF package's root folder first, then from this file's folder; later files and this file win).
 * A file of `includes:` alone is the run its bases define; a file that names only a model's or a dataset's settings
 * (a fragment a run includes) starts nothing of its own, and neither does MMF's primary defaults file, whose
 * `model_config` and `dataset_config` are empty (the run's choice).
 *
 * What a run leaves out is MMF's primary defaults (mmf/configs/defaults.yaml, v1.0): `training.fp16: false` (float32
 * steps) and `training.max_updates: 22000` with `max_epochs: null`; read as those defaults, at low confidence, so a
 * value an included file states wins.
 *
 * How the weights start: `checkpoint.resume_pretrained: true` (or a `resume_zoo`/`resume_file` checkpoint) continues
 * a trained model (a fine-tune); a model whose encoders all set `random_init: true` (or `random_initialize: true`)
 * starts from random weights; `training_head_type: pretraining`, and MMF's masked-modelling datasets (`masked_coco`,
 * `masked_conceptual_captions`, ...: the registry's pre-training tasks), pre-train; a model section naming the
 * pretrained text encoder it is built on (`bert_model_name`, `from_pretrained`) without those fine-tunes it.
 *
 * How big: a single-stream model (VisualBERT, VinVL, OSCAR-style) is the BERT its section names by
 * `model_config.<model>.bert_model_name` with region features projected into its embeddings; its size is that
 * encoder's (catalog), the projection and heads (a few million) left out. Any network of the model's own keeps the
 * size unknown: a second stream or other layer stacks (`v_num_hidden_layers`, `l_layers`: ViLBERT, LXMERT), or
 * encoder/embedding sub-networks (`modal_encoder`, `image_feature_encodings`: MMBT's image encoder, which a later
 * config may swap for a features projection, so no sum of parts is sound from one file).
 */

/** The detail a link to an included config starts with (the walk composes it; resolve/factsToSpec.ts starts the run through it). */
export const MMF_INCLUDE = 'includes: ';

/** MMF primary defaults (mmf/configs/defaults.yaml, MMF v1.0: `training.max_updates: 22000`, `training.fp16: false`). */
const DEFAULTS = { source: 'MMF mmf/configs/defaults.yaml', maxUpdates: 22000 } as const;

/** An include's path as MMF accepts it (a YAML file; relative to the MMF root or to this file). */
const INCLUDE_PATH = /^[\w./-]{1,300}\.ya?ml$/;
/** Sections a run config (not a model's or a dataset's fragment) states. */
const RUN_SECTIONS = ['training', 'optimizer', 'scheduler', 'evaluation', 'checkpoint'] as const;
/** Sections that say how a run trains (a run config states one of them, or includes a file that does). */
const TRAINING_SECTIONS = ['training', 'optimizer', 'scheduler'] as const;
/** Every top-level key of an MMF config (mmf/configs/defaults.yaml, and `includes`). */
const MMF_KEYS: readonly string[] = [
  'includes',
  'model_config',
  'dataset_config',
  'other_configs',
  'multitasking',
  ...RUN_SECTIONS,
];
/** Decoding strategies MMF's captioning models read from `model_config.<model>.inference.type` when they generate. */
const DECODING = /^(?:beam_search|nucleus_sampling|greedy)$/;
/** Keys under a model section that name the pretrained text encoder the model is built on. */
const PRETRAINED_KEYS = /^(?:bert_model_name|from_pretrained|transformer_base)$/;
const RANDOM_INIT_KEYS = /^(?:random_init|random_initialize)$/;
/** Keys read under model_config (bounded: a model section is a few hundred keys). */
const MAX_MODEL_KEYS = 2_000;
/** Includes read from one file (MMF configs list a handful). */
const MAX_INCLUDES = 32;

function isMap(doc: ConfigDoc, path: string): boolean {
  return doc.get(path)?.shape === 'map';
}

/** The named sections of `model_config` or `dataset_config` (`model_config.visual_bert: {...}`). */
function sectionsOf(doc: ConfigDoc, path: string): ConfigValue[] {
  return isMap(doc, path) ? doc.entries(path).filter((e) => e.shape === 'map') : [];
}

function optimizerAndLength(doc: ConfigDoc): boolean {
  return (
    typeof doc.str('optimizer.type') === 'string' &&
    isMap(doc, 'optimizer.params') &&
    (doc.has('training.max_updates') || doc.has('training.max_epochs'))
  );
}

/** Items of the list at `path`, in order (bounded). */
function listItems(doc: ConfigDoc, path: string): ConfigValue[] {
  if (doc.get(path)?.shape !== 'seq') return [];
  const out: ConfigValue[] = [];
  for (let k = 0; k < MAX_INCLUDES; k++) {
    const item = doc.get(`${path}.${k}`);
    if (!item) break;
    out.push(item);
  }
  return out;
}

function includes(doc: ConfigDoc): ConfigValue[] {
  return listItems(doc, 'includes').filter((v) => typeof v.value === 'string' && INCLUDE_PATH.test(v.value));
}

function truthy(v: ConfigValue | undefined): boolean | undefined {
  if (typeof v?.value === 'boolean') return v.value;
  if (typeof v?.value === 'string' && /^(?:true|false)$/i.test(v.value)) return /^true$/i.test(v.value);
  return undefined;
}

/** `a/./b/../c` -> `a/c`; undefined when the path climbs above where it starts. */
function normalise(p: string): string | undefined {
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.length === 0) return undefined;
      out.pop();
    } else out.push(seg);
  }
  return out.join('/');
}

export const mmf: ConfigDialect = {
  name: 'mmf',
  words: ['model_config', 'dataset_config', 'includes', 'max_updates', 'max_epochs'],
  detect(doc) {
    const sections = RUN_SECTIONS.filter((s) => isMap(doc, s)).length;
    const named = isMap(doc, 'model_config') || isMap(doc, 'dataset_config');
    if (named && sections >= 1) return true;
    // A run config that leaves the model and the data to the launch line (`model=... dataset=...`): MMF's optimizer
    // (`type` with a `params` map) and its training length keys together.
    if (optimizerAndLength(doc)) return true;
    const onlyMmfKeys = doc.entries().every((e) => MMF_KEYS.includes(e.key));
    // A model's or a dataset's settings (a fragment a run includes): sections keyed by the model's or dataset's name.
    const fragment = [...sectionsOf(doc, 'model_config'), ...sectionsOf(doc, 'dataset_config')].length > 0;
    if (onlyMmfKeys && fragment && doc.get('includes') === undefined) return true;
    // A file of includes (with perhaps a model's or a dataset's settings over them): every include a YAML path and
    // no key foreign to MMF's sections.
    const inc = includes(doc);
    if (inc.length === 0 || inc.length !== listItems(doc, 'includes').length) return false;
    return onlyMmfKeys;
  },
  owns: (path) => MMF_KEYS.some((s) => path === s || path.startsWith(`${s}.`)),
  read(doc: ConfigDoc, out: FactSink): void {
    const inc = includes(doc);
    const anchor = doc.get('model_config') ?? doc.get('dataset_config') ?? doc.get('includes') ?? doc.entries()[0];
    if (!anchor) return;
    out.add('run.framework', 'mmf', anchor, 'MMF config (mmf_run config=<this>), merged over its includes');
    for (const at of inc) {
      const written = String(at.value);
      // MMF looks an include up from its package root (`mmf/`) first; `./x.yaml` only makes sense beside this file.
      const fromRoot = written.startsWith('./') ? undefined : normalise(`mmf/${written}`);
      if (fromRoot) out.add('link.config', fromRoot, at, `${MMF_INCLUDE}${written} (from the MMF package root)`, 'low');
      out.add(
        'link.config',
        written,
        at,
        `${MMF_INCLUDE}${written} (a config this one is merged over)`,
        fromRoot ? 'low' : 'medium',
      );
    }

    const models = isMap(doc, 'model_config') ? doc.entries('model_config').filter((e) => e.shape === 'map') : [];
    const model = models[0];
    if (model)
      out.add(
        'model.id',
        model.key,
        { ...model, range: model.keyRange },
        `model_config.${model.key}: the MMF model the run builds`,
      );
    const runFile = RUN_SECTIONS.some((s) => isMap(doc, s)) || inc.length > 0;
    // MMF merges the model's own defaults under the run (its registry class's `config_path()`, by convention
    // `configs/models/<name>/defaults.yaml` in the MMF package); a model of another package has its own: not warned.
    if (model && /^\w{1,60}$/.test(model.key))
      out.add(
        'link.config',
        `mmf/configs/models/${model.key}/defaults.yaml`,
        { ...model, range: model.keyRange },
        `${MMF_INCLUDE}the defaults of model ${model.key} (MMF merges them under the run)`,
        'low',
      );
    const datasets = isMap(doc, 'dataset_config') ? doc.entries('dataset_config') : [];

    // The primary defaults (empty model_config and dataset_config) and a model's or a dataset's fragment start
    // nothing; a run section, or includes, with a model or dataset named (here or in the bases) does.
    // What trains: a dataset's defaults may carry its evaluation metrics, which start nothing.
    const runSections = TRAINING_SECTIONS.some((s) => isMap(doc, s));
    const primary = isMap(doc, 'model_config') && isMap(doc, 'dataset_config') && !model && datasets.length === 0;
    if (runSections && !primary && (model || datasets.length > 0 || inc.length > 0 || optimizerAndLength(doc)))
      out.add('launch.trainer', 'config:mmf', anchor, 'MMF run config (mmf_run config=<this>)');
    if (primary) return;

    readMode(doc, models, datasets, runFile, out);
    if (model) readEncoderSize(doc, model, out);

    const updates = positiveIntegerAt(doc, 'training.max_updates');
    const epochs = positiveIntegerAt(doc, 'training.max_epochs');
    if (epochs) out.add('training.epochs', epochs.n, epochs.at, `training.max_epochs: ${epochs.n}`);
    else if (updates) out.add('training.steps', updates.n, updates.at, `training.max_updates: ${updates.n}`);
    else if (inc.length === 0 && runSections && !doc.has('training.max_updates') && !doc.has('training.max_epochs'))
      out.add(
        'training.steps',
        DEFAULTS.maxUpdates,
        doc.get('training') ?? anchor,
        `training.max_updates ${DEFAULTS.maxUpdates} (${DEFAULTS.source})`,
        'low',
      );
    const batch = positiveIntegerAt(doc, 'training.batch_size');
    if (batch) out.add('training.globalBatch', batch.n, batch.at, `training.batch_size: ${batch.n} across all GPUs`);
    const fp16 = truthy(doc.get('training.fp16'));
    if (fp16 !== undefined)
      out.add(
        'training.precision',
        fp16 ? 'fp16' : 'fp32',
        doc.get('training.fp16')!,
        fp16 ? 'training.fp16: true (torch.cuda.amp autocast, float16)' : 'training.fp16: false',
      );
    else if (runSections || model)
      out.add('training.precision', 'fp32', anchor, `training.fp16 false (${DEFAULTS.source})`, 'low');
  },
};

function readMode(
  doc: ConfigDoc,
  models: readonly ConfigValue[],
  datasets: readonly ConfigValue[],
  runFile: boolean,
  out: FactSink,
): void {
  const decoding = runFile
    ? models
        .map((m) => doc.get(`${m.path}.inference.type`))
        .find((v) => typeof v?.value === 'string' && DECODING.test(v.value))
    : undefined;
  if (decoding) {
    out.add(
      'training.mode',
      'inference',
      decoding,
      `${decoding.path}: ${String(decoding.value)} (a generation config: the model decodes, no training)`,
      'medium',
    );
    out.add(
      'launch.inference',
      'config:mmf',
      decoding,
      'MMF generation config (run_type=val/inference with a decoding strategy)',
    );
    return;
  }
  const evalOnly = runFile && datasets.length > 0 && datasets.every((d) => evaluationSplitsOnly(doc, d.path));
  if (evalOnly) {
    const at = datasets[0];
    out.add(
      'training.mode',
      'inference',
      { ...at, range: at.keyRange },
      `dataset_config.${at.key}: only val/test data (an evaluation config)`,
      'medium',
    );
    out.add('launch.inference', 'config:mmf', { ...at, range: at.keyRange }, 'MMF evaluation config (no train split)');
    return;
  }
  const resume = doc.get('checkpoint.resume_pretrained');
  const zoo = doc.get('checkpoint.resume_zoo') ?? doc.get('checkpoint.resume_file');
  if (truthy(resume) === true || (typeof zoo?.value === 'string' && zoo.value.trim() !== '')) {
    const at = truthy(resume) === true ? resume! : zoo!;
    out.add('model.fromScratch', false, at, `checkpoint.${at.key}: the run starts from trained weights`);
    out.add('training.mode', 'finetune', at, `checkpoint.${at.key}: continues a trained model (a fine-tune)`);
    return;
  }
  const keys = models.length
    ? doc
        .walk()
        .filter((v) => v.path.startsWith('model_config.'))
        .slice(0, MAX_MODEL_KEYS)
    : [];
  const inits = keys.filter((v) => RANDOM_INIT_KEYS.test(v.key)).map((v) => ({ v, on: truthy(v) }));
  if (inits.length > 0 && inits.every((i) => i.on === true)) {
    const at = inits[0].v;
    out.add('model.fromScratch', true, at, `${at.path}: true: the encoders start from random weights`);
    out.add('training.mode', 'pretrain', at, `${at.path}: true: trained from random initialisation`, 'medium');
    return;
  }
  // A model's defaults state its pre-training head; only a run's own choice of head says what the run trains.
  const head = runFile ? keys.find((v) => v.key === 'training_head_type' && typeof v.value === 'string') : undefined;
  const masked = datasets.find((d) => /^masked_/.test(d.key));
  if (head?.value === 'pretraining' || (masked && !head)) {
    const at = head ?? masked!;
    const detail =
      at === head
        ? `${head.path}: pretraining (masked-modelling objectives)`
        : `dataset_config.${masked!.key}: an MMF masked-modelling pre-training task`;
    out.add('training.mode', 'pretrain', { ...at, range: at.keyRange }, detail, 'medium');
    return;
  }
  readPretrainedEncoder(keys, out);
}

/** Keys under a model section that add a network beside the named text encoder (a second stream, an image encoder). */
const OWN_NETWORK_KEYS = /(?:layers|encoders?|encodings|embeddings)$/;
/** The sub-network that wraps the named BERT itself (MMF's `text_encoder: {type: transformer, bert_model_name}`). */
const TEXT_ENCODER_KEY = 'text_encoder';

/**
 * A single-stream model sized as the pretrained BERT its section names (`model_config.<m>.bert_model_name`); any
 * other sub-network or layer stack of its own (an image encoder a later config may swap, a second stream) keeps the
 * size unknown.
 */
function readEncoderSize(doc: ConfigDoc, model: ConfigValue, out: FactSink): void {
  const named = doc.get(`${model.path}.bert_model_name`);
  if (typeof named?.value !== 'string' || named.value.length > 200) return;
  const row = findModel(named.value.trim());
  if (!row || row.modality !== 'text') return;
  const text = `${model.path}.${TEXT_ENCODER_KEY}`;
  const own = doc
    .walk()
    .filter((v) => v.path.startsWith(`${model.path}.`))
    .slice(0, MAX_MODEL_KEYS)
    .filter((v) => v.path !== text && !v.path.startsWith(`${text}.`));
  if (own.some((v) => OWN_NETWORK_KEYS.test(v.key))) return;
  out.add(
    'model.params',
    row.params,
    named,
    `${named.path}: ${named.value}: a single-stream model is that encoder, ${(row.params / 1e6).toFixed(0)}M (catalog ${row.id}); the feature projection and heads left out`,
    'low',
  );
}

/** A model section naming the pretrained text encoder it is built on (`bert_model_name: bert-base-uncased`): a fine-tune. */
function readPretrainedEncoder(keys: readonly ConfigValue[], out: FactSink): void {
  const inits = keys.filter((v) => RANDOM_INIT_KEYS.test(v.key));
  if (inits.some((v) => truthy(v) === true)) return;
  const pretrained = keys.find((v) => PRETRAINED_KEYS.test(v.key) && typeof v.value === 'string' && v.value !== '');
  if (!pretrained) return;
  out.add(
    'model.fromScratch',
    false,
    pretrained,
    `${pretrained.path}: ${String(pretrained.value)} (pretrained weights)`,
    'low',
  );
  out.add(
    'training.mode',
    'finetune',
    pretrained,
    `${pretrained.path}: built on the pretrained ${String(pretrained.value)} (a fine-tune)`,
    'low',
  );
}

/** A dataset section whose annotations (or features) name val/test splits and no train split. */
function evaluationSplitsOnly(doc: ConfigDoc, path: string): boolean {
  for (const part of ['annotations', 'features']) {
    if (!isMap(doc, `${path}.${part}`)) continue;
    const splits = doc.entries(`${path}.${part}`).map((e) => e.key);
    return splits.length > 0 && !splits.includes('train') && splits.some((k) => k === 'val' || k === 'test');
  }
  return false;
}
