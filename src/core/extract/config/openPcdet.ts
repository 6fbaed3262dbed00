import type { ConfigDialect, ConfigDoc, ConfigValue, FactSink } from './dialect';
import { positiveIntegerAt } from './dialect';

/**
 * OpenPCDet model configs (github.com/open-mmlab/OpenPCDet, docs/GETTING_STARTED.md; the dialect of the LiDAR 3D
 * detection repositories built on its `pcdet` package): `python train.py --cfg_file cfgs/<dataset>_models/<this>.yaml`
 * (also through tools/scripts/dist_train.sh, slurm_train.sh), `python test.py --cfg_file <this> --ckpt ...` to evaluate.
 * pcdet/config.py `cfg_from_yaml_file` loads the file into an EasyDict and `merge_new_config` replaces any map holding
 * `_BASE_CONFIG_: <path>` by that file merged under it (the dataset fragments under `cfgs/dataset_configs/`, which
 * define no model and no schedule and so are no run).
 *
 * - `MODEL.NAME` is the detector class the `pcdet.models.detectors` registry builds (`PointPillar`, `SECONDNet`,
 *   `PVRCNN`, `CenterPoint`); the modules it is assembled from are the sections under it (`VFE`, `BACKBONE_3D`,
 *   `BACKBONE_2D`, `DENSE_HEAD`, `ROI_HEAD`). A detector template built on a 3D backbone of its own name (a transformer
 *   such as `DSVT` under `CenterPoint`) is known by that backbone, which is added to the name; the framework's
 *   convolutional backbones (`VoxelBackBone8x`, `VoxelResBackBone8x`, `PillarBackBone8x`, `UNetV2`, `PointNet2MSG`)
 *   are parts of the detector the name already states.
 * - `OPTIMIZATION.NUM_EPOCHS` is the run's length (tools/train.py: `args.epochs = cfg.OPTIMIZATION.NUM_EPOCHS` unless
 *   `--epochs` is given) and `OPTIMIZATION.BATCH_SIZE_PER_GPU` the batch on each GPU.
 * - Precision: tools/train.py sets `args.use_amp = args.use_amp or cfg.OPTIMIZATION.get('USE_AMP', False)` (`--use_amp`
 *   is a store_true flag) and train_utils wraps the step in `torch.cuda.amp.autocast(enabled=use_amp)`, whose dtype is
 *   float16 (torch.autocast's CUDA default); without USE_AMP the run is float32. `LOSS_SCALE_FP16` only sets the
 *   GradScaler's initial scale and turns nothing on.
 * - Weights: the detector starts from its initialisation (train.py's `--ckpt` and `--pretrained_model` default to
 *   None); a module under MODEL that loads a checkpoint file (`pretrained_path`, `IMG_PRETRAIN`, an mmdet-style
 *   `INIT_CFG: {type: Pretrained, checkpoint: x.pth}`) starts that part from trained weights: a fine-tune, unless the
 *   file is an ImageNet classification backbone, the usual start of a detector trained on its task.
 * - A config named for inference (`*_inference.yaml`) is one test.py evaluates a trained checkpoint with.
 */

/** A weights file a module loads (bounded: linear). */
const WEIGHTS_FILE = /\.(?:pth|pt|ckpt|pkl|bin|safetensors)$/i;
/** Keys under MODEL that name the weights a module starts from. */
const PRETRAINED_KEY = /^(?:\w{0,30}_)?pretrain(?:ed)?(?:_\w{0,30})?$|^checkpoint$/i;
/** A classification backbone pre-trained on ImageNet (its file says so). */
const IMAGENET = /imagenet|(?:^|[^a-z])in(?:1k|21k|22k)(?:[^a-z]|$)/i;
/** OpenPCDet's convolutional backbone classes (spconv_backbone.py, spconv_unet.py, pointnet2_backbone.py, ...). */
const FRAMEWORK_BACKBONE = /backbone|unet|pointnet/i;
/** A file name stating that the config evaluates (`mppnet_e2e_memorybank_inference.yaml`). */
const INFERENCE_NAME = /(?:^|[_-])infer(?:ence)?(?:$|[_-])/i;
/** Keys read under MODEL looking for a checkpoint (a model section is a few hundred keys). */
const MAX_MODEL_KEYS = 5_000;

function isModelConfig(doc: ConfigDoc): boolean {
  return (
    doc.prefix === '' &&
    doc.get('MODEL')?.shape === 'map' &&
    typeof doc.str('MODEL.NAME') === 'string' &&
    doc.get('OPTIMIZATION')?.shape === 'map' &&
    (doc.has('OPTIMIZATION.NUM_EPOCHS') || doc.has('OPTIMIZATION.OPTIMIZER'))
  );
}

/** The weights files modules under MODEL start from, in order (bounded). */
function checkpoints(doc: ConfigDoc): ConfigValue[] {
  const out: ConfigValue[] = [];
  let seen = 0;
  for (const v of doc.walk()) {
    if (!v.path.startsWith('MODEL.')) continue;
    if (++seen > MAX_MODEL_KEYS) break;
    if (typeof v.value !== 'string' || !PRETRAINED_KEY.test(v.key)) continue;
    const file = v.value.trim();
    if (file.length <= 300 && WEIGHTS_FILE.test(file)) out.push(v);
  }
  return out;
}

export const openPcdet: ConfigDialect = {
  name: 'openpcdet',
  words: ['OPTIMIZATION'],
  detect: isModelConfig,
  owns: (path) => path.startsWith('OPTIMIZATION.') || path.startsWith('MODEL.'),
  read(doc: ConfigDoc, out: FactSink, file?: { readonly path: string }): void {
    const name = doc.get('MODEL.NAME')!;
    const detector = String(name.value).trim();
    out.add('run.framework', 'openpcdet', name, 'OpenPCDet model config (MODEL, OPTIMIZATION; train.py --cfg_file)');
    const stem = (file?.path ?? '').replace(/^.*[\\/]/, '').replace(/\.ya?ml$/i, '');
    const evaluates = INFERENCE_NAME.test(stem);
    if (evaluates)
      out.add(
        'launch.inference',
        'config:openpcdet',
        name,
        `${stem}: a config named for inference (test.py --cfg_file <this> --ckpt ...)`,
        'medium',
      );
    else out.add('launch.trainer', 'config:openpcdet', name, 'OpenPCDet model config (train.py --cfg_file <this>)');

    const backbone = doc.get('MODEL.BACKBONE_3D.NAME');
    const own = typeof backbone?.value === 'string' ? backbone.value.trim() : '';
    const named =
      own && /^[A-Za-z][\w-]{0,60}$/.test(own) && !FRAMEWORK_BACKBONE.test(own) && !detector.includes(own)
        ? `${detector}-${own}`
        : detector;
    out.add(
      'model.id',
      named,
      name,
      named === detector
        ? `MODEL.NAME: ${detector}, the detector OpenPCDet builds`
        : `MODEL.NAME: ${detector} on the ${own} backbone (MODEL.BACKBONE_3D.NAME)`,
      'medium',
    );
    out.add('model.params', null, name, `${detector}: a detector whose size the config does not state`, 'low');

    const weights = checkpoints(doc);
    const downstream = weights.find((w) => !IMAGENET.test(String(w.value)));
    if (downstream)
      out.add(
        'model.fromScratch',
        false,
        downstream,
        `${downstream.path}: part of the detector starts from the trained weights ${String(downstream.value)}`,
        'medium',
      );
    else if (!evaluates)
      out.add(
        'model.fromScratch',
        true,
        weights[0] ?? name,
        weights.length
          ? `${weights[0].path}: an ImageNet classification backbone; the detector trains on its task from it`
          : 'no checkpoint under MODEL: the detector starts from its initialisation (train.py --ckpt and --pretrained_model default to None)',
        'medium',
      );

    if (!evaluates) {
      const epochs = positiveIntegerAt(doc, 'OPTIMIZATION.NUM_EPOCHS');
      if (epochs) out.add('training.epochs', epochs.n, epochs.at, `OPTIMIZATION.NUM_EPOCHS: ${epochs.n}`);
      const batch = positiveIntegerAt(doc, 'OPTIMIZATION.BATCH_SIZE_PER_GPU');
      if (batch)
        out.add(
          'training.batchPerDevice',
          batch.n,
          batch.at,
          `OPTIMIZATION.BATCH_SIZE_PER_GPU: ${batch.n} on each GPU`,
        );
    }

    const amp = doc.get('OPTIMIZATION.USE_AMP');
    if (amp?.value === true)
      out.add(
        'training.precision',
        'fp16',
        amp,
        'OPTIMIZATION.USE_AMP: True (train.py turns on torch.cuda.amp autocast, float16 on CUDA)',
        'medium',
      );
    else
      out.add(
        'training.precision',
        'fp32',
        amp ?? doc.get('OPTIMIZATION')!,
        "no OPTIMIZATION.USE_AMP: OpenPCDet's train.py runs float32 unless --use_amp is given",
        'medium',
      );
  },
};
