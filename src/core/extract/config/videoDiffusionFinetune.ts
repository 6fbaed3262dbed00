import type { ConfigDialect, ConfigDoc, FactSink } from './dialect';
import { hubIdInPath, positiveIntegerAt, sizeFromName } from './dialect';
import { withoutTrailingSlashes } from '../../trimSlashes';
import { findModel, findModelByName } from '../../knowledge';
import { LOCAL_FOLDER_NO_MODEL } from '../localModelFolder';

/**
 * Training configs of the Tune-A-Video lineage of diffusers video/image fine-tuning programs (Tune-A-Video,
 * github.com/showlab/Tune-A-Video `train_tuneavideo.py --config`; AnimateDiff, github.com/guoyww/AnimateDiff
 * `train.py --config`; and the projects built on them): the program loads the YAML with OmegaConf and calls
 * `main(**config)`, so the keys are its keyword arguments. The shape: `pretrained_model_path` (the diffusers
 * checkpoint whose UNet is trained: a Hub id or a local folder), `train_data` and `validation_data` sections,
 * `trainable_modules` (name fragments of the UNet parameters given gradients; the rest stay frozen),
 * `max_train_steps`, `train_batch_size` (the DataLoader's batch in each process), and the precision switch:
 * `mixed_precision: fp16|bf16` (accelerate) or `mixed_precision_training: true` (torch.cuda.amp.autocast, whose
 * default dtype is float16). The programs cannot start without one, so each such config is a run.
 *
 * - Model: the checkpoint `pretrained_model_path` names (a folder named for its model names it; one that is not
 *   leaves it unknown).
 * - Mode: training continues from those weights (`from_pretrained`): a fine-tune, whatever `trainable_modules`
 *   selects.
 */
export const videoDiffusionFinetune: ConfigDialect = {
  name: 'diffusers-video-finetune',
  words: ['trainable_modules'],
  detect: (doc: ConfigDoc) =>
    doc.prefix === '' &&
    doc.str('pretrained_model_path') !== undefined &&
    doc.get('train_data')?.shape === 'map' &&
    doc.get('validation_data')?.shape === 'map' &&
    doc.get('trainable_modules')?.shape === 'seq',
  owns: (path) =>
    path === 'pretrained_model_path' ||
    path === 'train_batch_size' ||
    path === 'max_train_steps' ||
    path === 'mixed_precision' ||
    path === 'mixed_precision_training' ||
    path.startsWith('validation_data.') ||
    path.startsWith('unet_additional_kwargs.'),
  read(doc: ConfigDoc, out: FactSink): void {
    const model = doc.get('pretrained_model_path')!;
    out.add(
      'run.framework',
      'diffusers',
      model,
      'diffusers fine-tuning config (main(**config): train_data, trainable_modules)',
    );
    out.add(
      'launch.trainer',
      'config:diffusers-video-finetune',
      model,
      'training config the program loads and passes to main(**config): a training run',
    );
    const path = String(model.value).trim();
    if (path) {
      // A Hub id as written (`CompVis/stable-diffusion-v1-4`) names itself; a local path names the model by its last
      // folder when the catalog knows it (`models/StableDiffusion/stable-diffusion-v1-5`: the parent is a category
      // folder, not an organisation), else by an `org/name` tail, else not at all.
      const folder = withoutTrailingSlashes(path.replace(/\\/g, '/')).split('/').pop();
      const named = folder ? (findModel(folder) ?? findModelByName(folder)) : undefined;
      const known = folder && (folder === path || named || sizeFromName(folder)) ? (named?.id ?? folder) : undefined;
      const id = /^[\w.-]+\/[\w.-]+$/.test(path) ? path : (known ?? hubIdInPath(path));
      if (id) out.add('model.id', id, model, `pretrained_model_path: ${path}`, id === path ? 'high' : 'medium');
      else out.add('model.id', null, model, `pretrained_model_path: ${path}${LOCAL_FOLDER_NO_MODEL}`, 'low');
      if (id) readInflatedParams(doc, id, out);
      out.add('training.mode', 'finetune', model, `training starts from the weights in ${path} (from_pretrained)`);
    }
    const steps = positiveIntegerAt(doc, 'max_train_steps');
    if (steps) out.add('training.steps', steps.n, steps.at, `max_train_steps: ${steps.n}`);
    const batch = positiveIntegerAt(doc, 'train_batch_size');
    if (batch)
      out.add(
        'training.batchPerDevice',
        batch.n,
        batch.at,
        `train_batch_size: ${batch.n} (the DataLoader's batch in each process)`,
      );
    const amp = doc.get('mixed_precision');
    const ampSwitch = doc.get('mixed_precision_training');
    if (amp && (amp.value === 'fp16' || amp.value === 'bf16'))
      out.add('training.precision', amp.value, amp, `mixed_precision: ${amp.value}`);
    else if (ampSwitch?.value === true)
      out.add(
        'training.precision',
        'fp16',
        ampSwitch,
        'mixed_precision_training: true (torch.cuda.amp.autocast, float16 by default)',
      );
    else if (ampSwitch?.value === false || amp?.value === 'no')
      out.add('training.precision', 'fp32', (ampSwitch ?? amp)!, 'mixed precision turned off');
  },
};

/**
 * The UNet layout of Stable Diffusion 1.x and 2.x (Rombach et al. 2022, arXiv:2112.10752; the diffusers
 * `unet/config.json` of runwayml/stable-diffusion-v1-5 and stabilityai/stable-diffusion-2-1: `block_out_channels`
 * [320, 640, 1280, 1280], `layers_per_block` 2, so two resnet/attention layers per down level and three per up level).
 */
const SD_UNET_CHANNELS = [320, 640, 1280, 1280];
const SD_LAYERS_PER_BLOCK = 2;
/** SD 1.x (860M) and 2.x (865M) UNets in the catalog; SDXL's (2.6B) has another layout. */
const SD_UNET_MAX_PARAMS = 900_000_000;

/**
 * Parameters of one AnimateDiff `Vanilla` motion module at `c` channels (animatediff/models/motion_module.py,
 * VanillaTemporalModule → TemporalTransformer3DModel, inner width i = c / temporal_attention_dim_div): GroupNorm 2c,
 * proj_in and proj_out 2·c·i + i + c; per transformer block, each attention (to_q, to_k, to_v without bias, to_out with
 * one) 4·i² + i and its LayerNorm 2·i, the GEGLU feed-forward (i → 8i, 4i → i) 12·i² + 9·i and its LayerNorm 2·i.
 * The temporal position encoding is a buffer, not a parameter. At i = c, two attentions and one block: 22·c² + 21·c.
 */
function motionModuleParams(c: number, inner: number, blocks: number, attentions: number): number {
  const block = attentions * (4 * inner * inner + 3 * inner) + 12 * inner * inner + 11 * inner;
  return 2 * c + 2 * c * inner + inner + c + blocks * block;
}

/**
 * An AnimateDiff-style UNet inflated with motion modules (`unet_additional_kwargs.use_motion_module: true`,
 * `motion_module_type: Vanilla`) on a Stable Diffusion 1.x/2.x base: the trained network is the base UNet plus one
 * motion module after each down-level layer (2) and up-level layer (3) at the `motion_module_resolutions` listed
 * (levels at 1, 2, 4, 8), plus the mid block's when `motion_module_mid_block` is true (unet.py defaults: mid block off,
 * decoder-only off). Only where every key it needs is written or has that default; else the size is left to the base.
 */
function readInflatedParams(doc: ConfigDoc, id: string, out: FactSink): void {
  const kw = 'unet_additional_kwargs';
  if (doc.get(`${kw}.use_motion_module`)?.value !== true) return;
  const type = doc.str(`${kw}.motion_module_type`) ?? 'Vanilla';
  const base = findModel(id);
  if (type !== 'Vanilla' || !base || base.family !== 'stable-diffusion' || base.params > SD_UNET_MAX_PARAMS) return;
  const mm = `${kw}.motion_module_kwargs`;
  const heads = doc.num(`${mm}.num_attention_heads`) ?? 8;
  const blocks = doc.num(`${mm}.num_transformer_block`) ?? 2;
  const div = doc.num(`${mm}.temporal_attention_dim_div`) ?? 1;
  const types = doc.get(`${mm}.attention_block_types`);
  const attentions = types?.shape === 'seq' ? seqValues(doc, `${mm}.attention_block_types`).length : 2;
  const resolutions =
    doc.get(`${kw}.motion_module_resolutions`)?.shape === 'seq'
      ? seqValues(doc, `${kw}.motion_module_resolutions`).map(Number)
      : [1, 2, 4, 8];
  const decoderOnly = doc.get(`${kw}.motion_module_decoder_only`)?.value === true;
  const mid = doc.get(`${kw}.motion_module_mid_block`)?.value === true;
  if (![heads, blocks, div].every((n) => Number.isInteger(n) && n > 0) || attentions < 1 || attentions > 8) return;
  let modules = 0;
  SD_UNET_CHANNELS.forEach((c, level) => {
    if (!resolutions.includes(2 ** level)) return;
    const inner = heads * Math.floor(c / heads / div);
    const one = motionModuleParams(c, inner, blocks, attentions);
    modules += (decoderOnly ? 0 : SD_LAYERS_PER_BLOCK) * one + (SD_LAYERS_PER_BLOCK + 1) * one;
  });
  if (mid) {
    const c = SD_UNET_CHANNELS[SD_UNET_CHANNELS.length - 1];
    modules += motionModuleParams(c, heads * Math.floor(c / heads / div), blocks, attentions);
  }
  if (modules <= 0) return;
  const total = base.params + modules;
  out.add(
    'model.params',
    total,
    doc.get(`${kw}.use_motion_module`)!,
    `${base.id} UNet ${(base.params / 1e6).toFixed(0)}M + motion modules ${(modules / 1e6).toFixed(0)}M (Vanilla temporal transformers at resolutions ${resolutions.join(', ')}) ≈ ${(total / 1e9).toFixed(2)}B`,
    'medium',
  );
}

/** The scalars of a short sequence at `path` (at most 16: longer ones are not a layout this reads). */
function seqValues(doc: ConfigDoc, path: string): unknown[] {
  const values: unknown[] = [];
  for (let i = 0; i < 16; i++) {
    const at = doc.get(`${path}.${i}`);
    if (!at) break;
    values.push(at.value);
  }
  return values;
}
