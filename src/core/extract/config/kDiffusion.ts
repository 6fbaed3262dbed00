import type { ConfigDialect, ConfigDoc, FactSink } from './dialect';
import { imageTransformerV2Params, imageV1Params } from './kDiffusionParams';

/**
 * k-diffusion training configs (github.com/crowsonkb/k-diffusion, README "Training": `python train.py --config
 * configs/<this>.json --name RUN_NAME`; the layout is read by `k_diffusion/config.py`, `load_config` and
 * `make_model`). A JSON of sections: `model` (`type`, one of the model types `make_model` builds, with `input_size`,
 * `input_channels`, the noise schedule's `sigma_data`, `sigma_min`, `sigma_max`, and the widths and depths of the
 * network), `dataset` (`type`: imagefolder, huggingface, cifar10, mnist, …), `optimizer` (`type`, `lr`), `lr_sched`
 * and `ema_sched`. The training program cannot start without one (`--config` is required), so each such config is a
 * run; a checkpoint's inference config (`convert_for_inference.py`) has a `model` section and no `optimizer`, and is
 * only read to build a model to sample from: not a run alone.
 *
 * - Model: the model type the config builds (`image_v1`, `image_transformer_v2`, …), built from the config with
 *   fresh weights (train.py resumes only its own `--resume` state): a run from scratch.
 * - Size: it depends on the library's block layout (U-Net levels, mappers, attention types). An `image_v1` U-Net and an
 *   `image_transformer_v2` hourglass transformer are counted from their widths, depths and attention settings
 *   (`kDiffusionParams.ts`); other types are left unknown rather than guessed.
 * - Precision: train.py turns TF32 matmuls on unconditionally (`torch.backends.cuda.matmul.allow_tf32 = True`) and
 *   autocasts only when `--mixed-precision` is passed, which has no default: TF32, at medium confidence since the
 *   launch line may add the flag.
 */
const MODEL_KEYS = ['type', 'input_size', 'sigma_data'];

export const kDiffusion: ConfigDialect = {
  name: 'k-diffusion',
  words: ['sigma_data'],
  owns: (path) => path === 'model' || path.startsWith('model.') || path.startsWith('optimizer.'),
  detect: (doc: ConfigDoc) =>
    doc.prefix === '' &&
    doc.get('model')?.shape === 'map' &&
    MODEL_KEYS.every((k) => doc.has(`model.${k}`)) &&
    doc.str('model.type') !== undefined &&
    doc.get('dataset')?.shape === 'map' &&
    doc.str('dataset.type') !== undefined &&
    doc.get('optimizer')?.shape === 'map' &&
    (doc.has('lr_sched') || doc.has('ema_sched')),
  read(doc: ConfigDoc, out: FactSink): void {
    const typeAt = doc.get('model.type')!;
    const type = String(typeAt.value);
    const dataset = doc.str('dataset.type') ?? 'a dataset';
    out.add('run.framework', 'k-diffusion', typeAt, `k-diffusion training config (model ${type}, dataset ${dataset})`);
    out.add(
      'launch.trainer',
      'config:k-diffusion',
      typeAt,
      'k-diffusion config (train.py --config <this>): a training run',
    );
    if (/^[\w.-]{1,80}$/.test(type))
      out.add('model.id', type, typeAt, `${type}: the k-diffusion model type this config builds`, 'medium');
    out.add(
      'model.fromScratch',
      true,
      typeAt,
      'train.py builds the model from this config with fresh weights (it resumes only its own --resume state)',
      'medium',
    );
    const counted =
      type === 'image_v1'
        ? imageV1Params(doc)
        : type === 'image_transformer_v2'
          ? imageTransformerV2Params(doc)
          : undefined;
    const dims =
      type === 'image_v1'
        ? 'mapping_out, channels, depths and self_attn_depths'
        : 'widths, depths, d_ffs and self_attns';
    if (counted !== undefined)
      out.add(
        'model.params',
        counted,
        doc.get('model.depths') ?? doc.get('model')!,
        `${type}: ${(counted / 1e6).toFixed(1)}M parameters counted from ${dims} (k-diffusion's ${type} layout)`,
        'medium',
      );
    else
      out.add(
        'model.params',
        null,
        doc.get('model')!,
        `${type}: a size that depends on the library's block layout, not worked out from this config`,
        'low',
      );
    out.add(
      'training.precision',
      'tf32',
      typeAt,
      "k-diffusion's train.py enables TF32 matmuls and autocasts only with --mixed-precision (no default)",
      'medium',
    );
  },
};
