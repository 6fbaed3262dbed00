import type { Node } from 'web-tree-sitter';
import type { PythonReadContext } from '../context';

/**
 * OpenMMLab detection and segmentation configs (mmdetection, mmsegmentation and the research repositories built on
 * them) that put an ImageNet classification backbone under a detector or a segmentor:
 * `model = dict(backbone=dict(type='ConvNeXt', depths=[3, 3, 9, 3], dims=[96, 192, 384, 768]), decode_head=...)`
 * derived from `_base_ = ['../_base_/models/upernet_convnext.py', ..., '../_base_/schedules/schedule_160k.py']`.
 * What the file leaves to its bases is read from their names, as an engineer reads them: the method from the model
 * base (`cascade_mask_rcnn_…`, `upernet_…`), the length from the schedule base (`schedule_160k`, `schedule_1x`).
 */

/** A `dict(...)` call's keyword values by name (the first of each). */
export type Keywords = ReadonlyMap<string, Node>;

/**
 * Backbone sizes by their stage settings (depths per stage and widths), as the papers' model definitions set them.
 * ConvNeXt: facebookresearch/ConvNeXt models/convnext.py (`convnext_tiny`: depths [3, 3, 9, 3], dims [96, 192, 384,
 * 768]; small: depths [3, 3, 27, 3], dims 96…; base 128…; large 192…; xlarge 256…; Liu et al. 2022, arXiv:2201.03545,
 * Sec. 2.6). UniFormer: Li et al. 2022, arXiv:2201.09450 (UniFormer-S: layers [3, 4, 8, 3], embed_dim [64, 128, 320,
 * 512]; UniFormer-B: layers [5, 8, 20, 7], the same widths), as its semantic_segmentation exp/ configs set them.
 */
const BACKBONE_SIZES: ReadonlyArray<{ family: string; depths: string; widths: string; size: string }> = [
  { family: 'convnext', depths: '[3,3,9,3]', widths: '[96,192,384,768]', size: 'tiny' },
  { family: 'convnext', depths: '[3,3,27,3]', widths: '[96,192,384,768]', size: 'small' },
  { family: 'convnext', depths: '[3,3,27,3]', widths: '[128,256,512,1024]', size: 'base' },
  { family: 'convnext', depths: '[3,3,27,3]', widths: '[192,384,768,1536]', size: 'large' },
  { family: 'convnext', depths: '[3,3,27,3]', widths: '[256,512,1024,2048]', size: 'xlarge' },
  { family: 'uniformer', depths: '[3,4,8,3]', widths: '[64,128,320,512]', size: 'small' },
  { family: 'uniformer', depths: '[5,8,20,7]', widths: '[64,128,320,512]', size: 'base' },
];
/** The keyword names each family writes its stage depths and widths with. */
const STAGE_KEYS: Record<string, { depths: string; widths: string }> = {
  convnext: { depths: 'depths', widths: 'dims' },
  uniformer: { depths: 'layers', widths: 'embed_dim' },
};
const FAMILIES = Object.keys(STAGE_KEYS);

/**
 * Detectors and segmentors, as OpenMMLab's model bases are named (`cascade_mask_rcnn_r50_fpn.py`,
 * `upernet_r50.py`, `fpn_r50.py` for Semantic FPN), longest first so `cascade_mask_rcnn` wins over `mask_rcnn`.
 */
const METHODS = ['cascade_mask_rcnn', 'cascade_rcnn', 'mask_rcnn', 'faster_rcnn', 'retinanet', 'upernet', 'fpn'];
/** A model's own `type=` when the file states it (mmdetection and mmsegmentation registry names). */
const METHOD_TYPES: Record<string, string> = {
  MaskRCNN: 'mask_rcnn',
  FasterRCNN: 'faster_rcnn',
  RetinaNet: 'retinanet',
};

/** How long a schedule base named `schedule_160k` / `schedule_1x` / `schedule_20e` runs. */
export function scheduleFromBaseName(
  base: string,
): { kind: 'training.steps' | 'training.epochs'; value: number } | undefined {
  const name = /(?:^|\/)schedule_(\d{1,4})(k|x|e)\.py$/.exec(base);
  if (!name) return undefined;
  const n = Number(name[1]);
  if (!(n > 0)) return undefined;
  // mmsegmentation configs/_base_/schedules/schedule_160k.py: `max_iters=160000` (each `schedule_<N>k` N thousand
  // iterations); mmdetection configs/_base_/schedules/schedule_1x.py: `max_epochs=12` (an `<N>x` schedule is N × 12
  // epochs: schedule_2x 24), schedule_20e.py: `total_epochs = 20`.
  if (name[2] === 'k') return { kind: 'training.steps', value: n * 1000 };
  return { kind: 'training.epochs', value: name[2] === 'x' ? n * 12 : n };
}

/** The `_base_` entries as written (strings only), bounded. */
export function baseNames(base: Node | undefined): string[] {
  if (!base) return [];
  return base
    .descendantsOfType('string')
    .slice(0, 16)
    .map((s) => s?.text.replace(/^[rbuf]*['"]{1,3}|['"]{1,3}$/gi, '') ?? '')
    .filter((s) => s.length > 0 && s.length < 300);
}

const compact = (node: Node | undefined) =>
  node?.text.replace(/\s/g, '').replace(/^\(/, '[').replace(/\)$/, ']').replace(/,\]$/, ']');

/**
 * The detector or segmentor a config builds on a known backbone, named `<method>_<family>_<size>`
 * (`cascade_mask_rcnn_convnext_tiny`, `upernet_uniformer_small`), or undefined when the backbone's family, its
 * size or the method is not stated.
 */
export function backboneModel(
  model: Keywords,
  backbone: Keywords | undefined,
  bases: readonly string[],
): { id: string; family: string; size: string; method: string } | undefined {
  if (!backbone) return undefined;
  const modelBase = bases.find((b) => /(?:^|\/)models\/[\w.-]+\.py$/.test(b));
  const modelBaseName =
    modelBase
      ?.slice(modelBase.lastIndexOf('/') + 1)
      .replace(/\.py$/, '')
      .toLowerCase() ?? '';
  const type = backbone
    .get('type')
    ?.text.replace(/^['"]|['"]$/g, '')
    .toLowerCase();
  const family =
    FAMILIES.find((f) => type === f) ?? (type ? undefined : FAMILIES.find((f) => modelBaseName.includes(f)));
  if (!family) return undefined;
  const keys = STAGE_KEYS[family];
  const depths = compact(backbone.get(keys.depths));
  const widths = compact(backbone.get(keys.widths));
  const size = BACKBONE_SIZES.find((s) => s.family === family && s.depths === depths && s.widths === widths)?.size;
  if (!size) return undefined;
  const ownType = model.get('type')?.text.replace(/^['"]|['"]$/g, '');
  const decodeHead = model.get('decode_head')?.text ?? '';
  const method =
    METHODS.find((m) => modelBaseName.startsWith(`${m}_`) || modelBaseName === m) ??
    (ownType ? METHOD_TYPES[ownType] : undefined) ??
    (/type\s*=\s*['"]UPerHead['"]/.test(decodeHead) ? 'upernet' : undefined);
  if (!method) return undefined;
  return { id: `${method}_${family}_${size}`, family, size, method };
}

/**
 * Whether the detector starts from trained backbone weights. Detection and segmentation models are trained from an
 * ImageNet-pretrained backbone by the convention of these frameworks (mmdetection and mmsegmentation model zoos:
 * every released detector and segmentor on an ImageNet backbone loads it through `pretrained=`/`init_cfg`, or the
 * repository's README passes it on the command line, `--cfg-options model.pretrained=<ckpt>`), so such a config
 * is a fine-tune of that backbone. The exception is written in the config: a backbone whose `init_cfg=None` in the
 * run's own file (overriding the base's pretrained init: mmdetection's configs/scratch form, He et al. 2019,
 * "Rethinking ImageNet Pre-training", arXiv:1811.08883) trains from random weights. A `pretrained=None` alone is the
 * slot the launch fills (the ConvNeXt and Swin detection READMEs pass `--cfg-options model.pretrained=<ckpt>`).
 */
export function readBackboneInit(
  model: Keywords,
  backbone: Keywords,
  family: string,
  anchor: Node,
  ctx: PythonReadContext,
): void {
  const init = backbone.get('init_cfg');
  const weights = backbone.get('pretrained') ?? model.get('pretrained');
  const checkpoint = [weights, init].find(
    (n) => n && /['"][^'"]*\.(?:pth|pt|ckpt)['"]|checkpoint\s*=\s*['"]/.test(n.text),
  );
  if (checkpoint) {
    ctx.add(
      'model.fromScratch',
      false,
      checkpoint,
      `the ${family} backbone loads ${checkpoint.text.slice(0, 80)}`,
      'high',
    );
    return;
  }
  if (init?.type === 'none') {
    ctx.add(
      'model.fromScratch',
      true,
      init,
      `backbone init_cfg=None in the config itself: the ${family} backbone starts from random weights (from-scratch detection)`,
      'medium',
    );
    return;
  }
  ctx.add(
    'model.fromScratch',
    false,
    anchor,
    `a detector or segmentor on an ImageNet classification backbone (${family}): trained from that backbone's pretrained weights by the convention of OpenMMLab configs (the weights are handed over by \`pretrained\`/\`init_cfg\` or the launch's --cfg-options)`,
    'low',
  );
}

/** A 3×3 convolution with bias, `cin` → `cout` channels. */
const conv3 = (cin: number, cout: number) => cin * cout * 9 + cout;

/**
 * Super-resolution generators of OpenMMLab's editing toolboxes (mmagic, formerly mmediting) counted from the
 * dimensions their `generator=dict(...)` states, as their modules build them (every convolution 3×3 with bias):
 * - `EDSRNet` (Lim et al. 2017, "Enhanced Deep Residual Networks for Single Image Super-Resolution", arXiv:1707.02921,
 *   Sec. 3.2; mmagic mmagic/models/editors/edsr/edsr_net.py): a first convolution, `num_blocks` residual blocks of
 *   two convolutions without batch norm, a convolution after the body, the pixel-shuffle upsampler (one convolution
 *   to 4× the channels per factor 2, or one to 9× for factor 3) and a last convolution. The paper's baseline
 *   (16 blocks, 64 channels) is "1.5M" parameters; at ×4 this counts 1,517,571.
 * - `RRDBNet` (Wang et al. 2018, "ESRGAN", arXiv:1809.00219, Sec. 3.1; mmagic mmagic/models/editors/esrgan/
 *   rrdb_net.py): a first convolution (the input pixel-unshuffled to 4× channels at ×2), `num_blocks` residual-in-
 *   residual dense blocks of three dense blocks (five convolutions, the i-th reading `mid + i × growth` channels),
 *   a body convolution, two upsampling convolutions, an HR convolution and a last one. ESRGAN's generator (23
 *   blocks, 64 channels, growth 32, ×4) counts 16,697,987, the size of its released RRDB_ESRGAN_x4 weights.
 * Undefined for another type, a factor the module does not build, or a dimension not written as a number.
 */
export function restorationGeneratorParams(
  generator: Keywords,
  value: (node: Node | undefined) => number | undefined,
): { params: number; said: string } | undefined {
  const type = generator.get('type')?.text.replace(/^['"]|['"]$/g, '');
  const num = (key: string, fallback: number) => (generator.has(key) ? value(generator.get(key)) : fallback);
  const cin = num('in_channels', 3);
  const cout = num('out_channels', 3);
  const mid = num('mid_channels', 64);
  const scale = num('upscale_factor', 4);
  if (!cin || !cout || !mid || !scale || ![cin, cout, mid].every((n) => Number.isInteger(n) && n > 0 && n <= 4096))
    return undefined;
  if (type === 'EDSRNet') {
    const blocks = num('num_blocks', 16);
    if (!blocks || !Number.isInteger(blocks) || blocks > 1000) return undefined;
    const upsample =
      scale === 3
        ? conv3(mid, mid * 9)
        : [2, 4, 8].includes(scale)
          ? Math.log2(scale) * conv3(mid, mid * 4)
          : undefined;
    if (upsample === undefined) return undefined;
    const params = conv3(cin, mid) + blocks * 2 * conv3(mid, mid) + conv3(mid, mid) + upsample + conv3(mid, cout);
    return { params, said: `EDSRNet ${blocks} residual blocks × ${mid} channels, ×${scale}` };
  }
  if (type === 'RRDBNet') {
    const blocks = num('num_blocks', 23);
    const growth = num('growth_channels', 32);
    if (!blocks || !growth || !Number.isInteger(blocks) || blocks > 1000 || !Number.isInteger(growth)) return undefined;
    if (scale !== 2 && scale !== 4) return undefined;
    let dense = conv3(mid + 4 * growth, mid);
    for (let i = 0; i < 4; i++) dense += conv3(mid + i * growth, growth);
    const first = conv3(scale === 2 ? cin * 4 : cin, mid);
    const params = first + blocks * 3 * dense + 4 * conv3(mid, mid) + conv3(mid, cout);
    return { params, said: `RRDBNet ${blocks} RRDB blocks × ${mid} channels, growth ${growth}, ×${scale}` };
  }
  return undefined;
}

/**
 * RTMPose (Jiang et al. 2023, "RTMPose: Real-Time Multi-Person Pose Estimation based on MMPose", arXiv:2303.07399): a
 * CSPNeXt backbone under an `RTMCCHead`, its variants set by the backbone's depth and width factors as mmpose's
 * projects/rtmpose configs write them (t: 0.167/0.375, s: 0.33/0.5, m: 0.67/0.75, l: 1.0/1.0). The published sizes
 * (catalog rows `rtmpose-t`…`rtmpose-l`) are for COCO's 17 keypoints; the head's last layer is a k×k convolution from
 * `in_channels` to one map per keypoint (mmpose `RTMCCHead.final_layer`, with bias), the only layer whose size
 * depends on the keypoints (the GAU and the SimCC classifiers work per keypoint token), so another keypoint set adds
 * (K − 17) × (in_channels × k² + 1) parameters. Undefined unless the type names and factors are stated.
 */
const RTMPOSE_VARIANTS: ReadonlyArray<{ size: string; deepen: number; widen: number }> = [
  { size: 't', deepen: 0.167, widen: 0.375 },
  { size: 's', deepen: 0.33, widen: 0.5 },
  { size: 'm', deepen: 0.67, widen: 0.75 },
  { size: 'l', deepen: 1, widen: 1 },
];
/** The keypoints of the published RTMPose sizes (COCO body). */
const RTMPOSE_PUBLISHED_KEYPOINTS = 17;

export function rtmposeVariant(
  backbone: Keywords,
  head: Keywords,
  value: (node: Node | undefined) => number | undefined,
): { id: string; keypoints: number; extra: number } | undefined {
  const type = (k: Keywords) => k.get('type')?.text.replace(/^['"]|['"]$/g, '') ?? '';
  if (!/(?:^|\.)CSPNeXt$/.test(type(backbone)) || !/(?:^|\.)RTMCCHead$/.test(type(head))) return undefined;
  const deepen = value(backbone.get('deepen_factor'));
  const widen = value(backbone.get('widen_factor'));
  const variant = RTMPOSE_VARIANTS.find((v) => v.deepen === deepen && v.widen === widen);
  const keypoints = value(head.get('out_channels'));
  const channels = value(head.get('in_channels'));
  const kernel = head.has('final_layer_kernel_size') ? value(head.get('final_layer_kernel_size')) : 1;
  if (!variant || !keypoints || !channels || !kernel) return undefined;
  if (![keypoints, channels, kernel].every((n) => Number.isInteger(n) && n > 0 && n <= 4096)) return undefined;
  const extra = (keypoints - RTMPOSE_PUBLISHED_KEYPOINTS) * (channels * kernel * kernel + 1);
  return { id: `rtmpose-${variant.size}`, keypoints, extra };
}
