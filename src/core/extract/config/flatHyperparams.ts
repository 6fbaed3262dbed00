import { type ConfigDialect, type ConfigDoc, type ConfigValue, type FactSink, firstPresent } from './dialect';

/**
 * Flat hyperparameter configs of research fine-tuning code (eighteenth round, set U): one flat JSON (or YAML) of
 * scalars per task that a training program loads whole into its own config object (`python -m src.train -c
 * config/<task>.json`, `Config(filename)` doing `self.__dict__.update(json.load(f))`), the shape of PET/ADAPET-style
 * few-shot code and of many paper repositories. The file states the run outright:
 * - the pretrained network it fine-tunes, under a key of the `pretrained_*` kind (`pretrained_weight`,
 *   `pretrained_model`, `pretrained_model_name`) whose value is a model name or Hub id, not a file;
 * - how long: `num_batches` (optimizer steps: such code counts one batch as `grad_accumulation_factor` micro-batches,
 *   its warm-up and schedule run over `num_batches`), or `num_steps`/`train_steps`/`total_steps` in a flat file;
 * - the batch (`batch_size`, read by the generic key table) and `grad_accumulation_factor` micro-batches a step;
 * - a learning rate (`lr`/`learning_rate`), which marks it as a training file (a model card's or a tokenizer's
 *   JSON names a model without one).
 * The precision is the program's, not the file's: not read here.
 */

/** Keys naming the pretrained network such a config fine-tunes. */
const MODEL_KEYS = ['pretrained_weight', 'pretrained_model', 'pretrained_model_name', 'pretrained_model_name_or_path'];
/** Step counts of a flat config (in sectioned configs these names are as often a sampler's: not read there). */
const STEP_KEYS = ['num_batches', 'num_steps', 'train_steps', 'total_steps', 'num_train_steps'];
const LR_KEYS = ['lr', 'learning_rate'];
const ACCUMULATION_KEYS = ['grad_accumulation_factor', 'grad_accum_factor'];
/** A Hub id or a model name (`albert-xxlarge-v2`, `org/name`): no file extension, no absolute or relative path. */
const MODEL_NAME = /^[A-Za-z0-9][\w.-]{0,95}(?:\/[\w.-]{1,96})?$/;
const WEIGHTS_FILE = /\.(?:pt|pth|bin|ckpt|safetensors|h5|npz|pkl|json|ya?ml)$/i;
/** Keys of a Hugging Face model config (config.json), which is no run of its own. */
const MODEL_CONFIG_KEYS = ['model_type', 'architectures', '_name_or_path'];

function modelOf(doc: ConfigDoc): ConfigValue | undefined {
  const v = firstPresent(doc, MODEL_KEYS);
  if (!v || v.shape !== 'scalar' || typeof v.value !== 'string') return undefined;
  const name = v.value.trim();
  return MODEL_NAME.test(name) && !WEIGHTS_FILE.test(name) ? v : undefined;
}

function stepsOf(doc: ConfigDoc): ConfigValue | undefined {
  for (const k of STEP_KEYS) {
    const n = doc.num(k);
    if (n !== undefined && Number.isInteger(n) && n > 0) return doc.get(k);
  }
  return undefined;
}

export const flatHyperparams: ConfigDialect = {
  name: 'flat-hyperparams',
  words: ['pretrained_'],
  owns: (path) => STEP_KEYS.includes(path) || ACCUMULATION_KEYS.includes(path) || MODEL_KEYS.includes(path),
  detect: (doc: ConfigDoc) =>
    doc.prefix === '' &&
    modelOf(doc) !== undefined &&
    stepsOf(doc) !== undefined &&
    firstPresent(doc, LR_KEYS) !== undefined &&
    !MODEL_CONFIG_KEYS.some((k) => doc.has(k)) &&
    // Flat: every top-level value a scalar or a small table of scalars (a label verbalizer `{"0": "No"}`).
    doc
      .entries()
      .every(
        (e) => e.shape === 'scalar' || (e.shape === 'map' && doc.entries(e.path).every((v) => v.shape === 'scalar')),
      ),
  read(doc: ConfigDoc, out: FactSink): void {
    const model = modelOf(doc)!;
    const steps = stepsOf(doc)!;
    const name = String(model.value).trim();
    out.add(
      'launch.trainer',
      'config:flat-hyperparams',
      model,
      `a flat hyperparameter config (${model.key}, ${steps.key}, learning rate): the training program loads it whole as its run`,
    );
    out.add('model.id', name, model, `${model.key}: ${name}`);
    out.add('model.fromScratch', false, model, `${model.key} names the pretrained weights the run starts from`);
    const n = doc.num(steps.key)!;
    out.add('training.steps', n, steps, `${steps.key}: ${n} optimizer steps`);
    const accumulation = firstPresent(doc, ACCUMULATION_KEYS);
    const a = accumulation ? doc.num(accumulation.key) : undefined;
    if (accumulation && a !== undefined && Number.isInteger(a) && a > 1)
      out.add(
        'training.gradientAccumulation',
        a,
        accumulation,
        `${accumulation.key}: ${a} micro-batches make one ${steps.key === 'num_batches' ? 'batch (one step)' : 'step'}`,
      );
  },
};
