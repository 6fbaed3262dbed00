import type { ConfigDialect, ConfigDoc, ConfigValue, FactSink } from './dialect';

/**
 * OneTrainer training configs: the presets of its UI (`training_presets/<family>/#<name>.json`) and the configs it
 * exports (`scripts/train.py --config-path x.json`). A preset holds only the keys it changes; OneTrainer overlays it on
 * `TrainConfig.default_values()` (Nerogar/OneTrainer modules/util/config/TrainConfig.py, `default_values`), so every
 * key it leaves out takes the default from there:
 * - `training_method` FINE_TUNE, `model_type` STABLE_DIFFUSION_15, `base_model_name`
 *   "stable-diffusion-v1-5/stable-diffusion-v1-5" (the model the default `model_type` loads);
 * - `epochs` 100; the length in steps depends on the user's dataset (its concepts), which the file does not hold;
 * - `train_dtype` FLOAT_16: the dtype training computes in (autocast);
 * - `multi_gpu` false: one device.
 * Each model part (`unet`, `transformer`, `prior`, text encoders, ...) has its own `weight_dtype` (default FLOAT_32):
 * the dtype its frozen weights are stored in. A LoRA over a denoiser stored as NFLOAT_4 (bitsandbytes NF4,
 * modules/util/enum/DataType.py) trains adapters over a 4-bit base (QLoRA); FLOAT_8, INT_8 and the W8A8 types are
 * 8-bit (LoRA). EMBEDDING (textual inversion) trains only new token embeddings: the model's weights get no
 * gradients, counted like an adapter run.
 */

/** TrainingMethod (modules/util/enum/TrainingMethod.py). */
const TRAINING_METHODS = new Set(['FINE_TUNE', 'LORA', 'EMBEDDING', 'FINE_TUNE_VAE']);
/** A ModelType value as OneTrainer writes them (modules/util/enum/ModelType.py): `STABLE_DIFFUSION_XL_10_BASE`, `FLUX_DEV_1`. */
const MODEL_TYPE = /^[A-Z][A-Z0-9]{0,30}(?:_[A-Z0-9]{1,30}){0,8}$/;
/** TrainConfig.default_values(): model_type and the base model it loads. */
const DEFAULT_MODEL_TYPE = 'STABLE_DIFFUSION_15';
const DEFAULT_BASE_MODEL = 'stable-diffusion-v1-5/stable-diffusion-v1-5';
const DEFAULT_EPOCHS = 100;
const DEFAULT_TRAIN_DTYPE = 'FLOAT_16';
/** DataType values training computes in (DataType.torch_dtype; TFLOAT_32 is float32 with TF32 matmuls). */
const COMPUTE_DTYPES: ReadonlyMap<string, string> = new Map([
  ['FLOAT_32', 'fp32'],
  ['FLOAT_16', 'fp16'],
  ['BFLOAT_16', 'bf16'],
  ['TFLOAT_32', 'tf32'],
]);
/** Weight dtypes of four bits (DataType.NFLOAT_4, bitsandbytes NF4). */
const FOUR_BIT_WEIGHTS = new Set(['NFLOAT_4']);
/** The parts a model type trains as its denoiser, in OneTrainer's config sections. */
const DENOISER_PARTS = ['transformer', 'unet', 'prior'];

function isOneTrainer(doc: ConfigDoc): boolean {
  if (doc.prefix !== '') return false;
  const method = doc.str('training_method');
  const type = doc.str('model_type');
  const base = doc.get('base_model_name');
  if (method !== undefined && !TRAINING_METHODS.has(method)) return false;
  if (type !== undefined && !MODEL_TYPE.test(type)) return false;
  // The method, or the base model with an enum model type: the keys only OneTrainer's TrainConfig has together.
  return (
    (method !== undefined && (type !== undefined || base !== undefined)) ||
    (type !== undefined && base?.shape === 'scalar' && typeof base.value === 'string')
  );
}

/** The denoiser's section with its weight dtype, when the config sets one. */
function denoiserDtype(doc: ConfigDoc): ConfigValue | undefined {
  for (const part of DENOISER_PARTS) {
    const v = doc.get(`${part}.weight_dtype`);
    if (v && typeof v.value === 'string') return v;
  }
  return undefined;
}

export const oneTrainer: ConfigDialect = {
  name: 'onetrainer',
  words: ['training_method', 'base_model_name'],
  detect: isOneTrainer,
  owns: (path) => path === 'epochs' || path === 'train_dtype' || path === 'base_model_name',
  read(doc: ConfigDoc, out: FactSink): void {
    const methodAt = doc.get('training_method');
    const typeAt = doc.get('model_type');
    const baseAt = doc.get('base_model_name');
    const anchor = methodAt ?? typeAt ?? baseAt!;
    const method = doc.str('training_method') ?? 'FINE_TUNE';
    const type = doc.str('model_type') ?? DEFAULT_MODEL_TYPE;
    out.add('run.framework', 'onetrainer', anchor, `OneTrainer config (${type}, ${method})`);

    const base = typeof baseAt?.value === 'string' ? baseAt.value.trim() : undefined;
    if (base && baseAt) out.add('model.id', base, baseAt, `base_model_name: ${base}`);
    else if (!baseAt && type === DEFAULT_MODEL_TYPE)
      out.add(
        'model.id',
        DEFAULT_BASE_MODEL,
        anchor,
        `no base_model_name: OneTrainer's default (TrainConfig.default_values) for ${type}`,
        'medium',
      );
    out.add('model.fromScratch', false, baseAt ?? anchor, 'OneTrainer trains from the loaded base model', 'medium');

    const methodDetail = `training_method: ${method}${methodAt ? '' : " (OneTrainer's default)"}`;
    const confidence = methodAt ? 'high' : 'medium';
    if (method === 'LORA') {
      const dtype = denoiserDtype(doc);
      const fourBit = dtype !== undefined && FOUR_BIT_WEIGHTS.has(String(dtype.value));
      out.add(
        'training.mode',
        fourBit ? 'qlora' : 'lora',
        fourBit && dtype ? dtype : anchor,
        fourBit && dtype
          ? `${methodDetail} over the ${dtype.path} ${String(dtype.value)}: LoRA on a 4-bit base`
          : `${methodDetail}: adapters over the frozen model`,
        confidence,
      );
    } else if (method === 'EMBEDDING')
      out.add(
        'training.mode',
        'lora',
        anchor,
        `${methodDetail}: textual inversion trains new token embeddings only; the model's weights get no gradients, counted like an adapter run`,
        confidence,
      );
    else out.add('training.mode', 'finetune', anchor, `${methodDetail}: the loaded weights are trained`, confidence);

    const epochsAt = doc.get('epochs');
    const epochs = doc.num('epochs');
    if (epochsAt && epochs !== undefined && Number.isInteger(epochs) && epochs > 0)
      out.add('training.epochs', epochs, epochsAt, `epochs: ${epochs}`);
    else if (!epochsAt)
      out.add(
        'training.epochs',
        DEFAULT_EPOCHS,
        anchor,
        `no epochs: OneTrainer's default ${DEFAULT_EPOCHS} (TrainConfig.default_values)`,
        'medium',
      );

    const dtypeAt = doc.get('train_dtype');
    const dtype = doc.str('train_dtype') ?? (dtypeAt ? undefined : DEFAULT_TRAIN_DTYPE);
    const precision = dtype !== undefined ? COMPUTE_DTYPES.get(dtype) : undefined;
    if (precision)
      out.add(
        'training.precision',
        precision,
        dtypeAt ?? anchor,
        dtypeAt
          ? `train_dtype: ${dtype}`
          : `no train_dtype: OneTrainer's default ${DEFAULT_TRAIN_DTYPE} (TrainConfig.default_values)`,
        dtypeAt ? 'high' : 'medium',
      );

    const multiAt = doc.get('multi_gpu');
    if (!multiAt || multiAt.value === false)
      out.add(
        'hardware.devices',
        1,
        multiAt ?? anchor,
        multiAt ? 'multi_gpu: false: one device' : "no multi_gpu: OneTrainer's default (false), one device",
        multiAt ? 'high' : 'medium',
      );
    else if (multiAt.value === true) {
      const indexes = (doc.str('device_indexes') ?? '').split(',').filter((s) => /^\s*\d{1,3}\s*$/.test(s));
      if (indexes.length > 1)
        out.add('hardware.devices', indexes.length, doc.get('device_indexes')!, `multi_gpu over device_indexes`);
    }

    out.add('launch.trainer', 'config:onetrainer', anchor, `OneTrainer ${method} config: ${base ?? type}`);
  },
};
