import type { Node } from 'web-tree-sitter';
import { evaluate, keywordArgument } from '../../pythonValues';
import type { VisionHead } from '../../../runVocabulary';
import type { PythonReadContext } from '../context';

/**
 * What one training sample of an OpenMMLab config feeds the network: the pixels of the image its `train_pipeline`
 * resizes or crops to, times the frames a video pipeline samples, and which kind of head the model tree puts on its
 * backbone. A vision network's forward cost grows with its input's pixels (a convolution or a window of patches runs
 * over every position), so the estimate prices such a run per pixel (resolve/completeRun.ts, visionForwardCost),
 * not per "token".
 */

/** Dict calls of a pipeline looked at (a pipeline has tens; AutoAugment policies nest a few more). */
const MAX_PIPELINE_DICTS = 400;
/** Sides and pixel counts outside these are not an image a network is trained on. */
const MIN_SIDE = 8;
const MAX_SIDE = 16_384;
const MAX_PIXELS = 1e8;
const MAX_FRAMES = 1_024;

/** Transforms that set the image size (mmcv/mmdet/mmseg/mmpretrain names: `Resize`, `RandomResize`, `RandomChoiceResize`, `ResizeEdge`). */
const RESIZE = /^\w{0,60}Resize(?:Edge)?$/;
/** Transforms that cut the image to a size (`RandomCrop`, `RandomResizedCrop`, `CenterCrop`), and mmpose's affine crop (`TopdownAffine`). */
const CROP = /^\w{0,60}(?:Crop|Affine)$/;
/** A size as the detail may quote it: names, numbers and brackets (no comment or string of the file). */
const QUOTABLE = /^[\w\s(),.[\]-]{1,60}$/;
const RESIZE_KEYS = ['scale', 'img_scale', 'scales'];
const CROP_KEYS = ['crop_size', 'size', 'scale', 'input_size'];

export interface InputSize {
  readonly pixels: number;
  readonly node: Node;
  readonly detail: string;
}

/** A keyword's value in a `dict(...)` call, or null. */
function keyword(call: Node, name: string): Node | null {
  const args = call.childForFieldName('arguments');
  return args ? keywordArgument(args, name) : null;
}

/** The dict's registry type without quotes or module (`'mmdet.Resize'`, `Resize`), or ''. */
function dictType(call: Node): string {
  const value = keyword(call, 'type')?.text ?? '';
  return (
    value
      .replace(/^['"]|['"]$/g, '')
      .split('.')
      .pop() ?? ''
  );
}

const side = (v: unknown): number | undefined =>
  typeof v === 'number' && Number.isFinite(v) && v >= MIN_SIDE && v <= MAX_SIDE ? v : undefined;

/**
 * Pixels of a size as OpenMMLab writes it: `224` (a square), `(1333, 800)` (width, height), `(224, -1)` (one side,
 * the other kept in ratio: counted square), or a list of sizes to choose from (`[(1333, 640), …, (1333, 800)]`:
 * the largest, what the most expensive samples cost).
 */
function pixelsOf(value: unknown): number | undefined {
  const square = side(value);
  if (square) return square * square;
  if (!Array.isArray(value) || value.length === 0 || value.length > 64) return undefined;
  if (value.length === 2 && value.every((v) => typeof v === 'number')) {
    const [a, b] = value;
    const w = side(a);
    const h = side(b);
    if (w && h) return w * h;
    const one = w ?? h;
    return one && (a < 0 || b < 0) ? one * one : undefined;
  }
  const each = value.map(pixelsOf);
  return each.every((p): p is number => p !== undefined) ? Math.max(...each) : undefined;
}

/**
 * The input of `train_pipeline = [...]`: the last transform that sets a size decides it (a crop after a resize cuts
 * the resized image; a resize after a crop scales it again, as mmdet's AutoAugment policies do), times the frames
 * `SampleFrames(clip_len, num_clips)` hands the network per sample. Undefined when no size is read.
 */
export function trainInputSize(ctx: PythonReadContext): InputSize | undefined {
  if (!ctx.text.includes('train_pipeline')) return undefined;
  const pipeline = ctx.symbols.lookup('train_pipeline')?.node;
  if (pipeline?.type !== 'list') return undefined;
  const calls = pipeline
    .descendantsOfType('call')
    .filter((c): c is Node => c !== null && c.childForFieldName('function')?.text === 'dict')
    .slice(0, MAX_PIPELINE_DICTS);
  let last: { pixels: number; node: Node; what: string } | undefined;
  let frames: { n: number; what: string } | undefined;
  for (const call of calls) {
    const type = dictType(call);
    if (type === 'SampleFrames') {
      const clip = evaluate(keyword(call, 'clip_len'), ctx.symbols)?.value;
      const clips = keyword(call, 'num_clips') ? evaluate(keyword(call, 'num_clips'), ctx.symbols)?.value : 1;
      if (
        typeof clip === 'number' &&
        typeof clips === 'number' &&
        clip >= 1 &&
        clips >= 1 &&
        clip * clips <= MAX_FRAMES
      )
        frames = { n: clip * clips, what: `SampleFrames(clip_len=${clip}, num_clips=${clips})` };
      continue;
    }
    const keys = CROP.test(type) ? CROP_KEYS : RESIZE.test(type) ? RESIZE_KEYS : undefined;
    if (!keys) continue;
    for (const key of keys) {
      const value = keyword(call, key);
      const pixels = value ? pixelsOf(evaluate(value, ctx.symbols)?.value) : undefined;
      if (!value || !pixels) continue;
      last = { pixels, node: value, what: `${type}(${key}=${QUOTABLE.test(value.text) ? value.text : '…'})` };
      break;
    }
  }
  if (!last) return undefined;
  const total = last.pixels * (frames?.n ?? 1);
  if (total > MAX_PIXELS) return undefined;
  const px = last.pixels.toLocaleString('en-US');
  return {
    pixels: total,
    node: last.node,
    detail: frames
      ? `train_pipeline: ${last.what}, ${px} pixels a frame × ${frames.n} frames (${frames.what})`
      : `train_pipeline: ${last.what}, ${px} pixels an image`,
  };
}

/**
 * `decode_head` (mmseg's EncoderDecoder), `rpn_head`/`roi_head`/`bbox_head` (mmdet's two- and one-stage detectors),
 * `head` under an `ImageClassifier`: what the network computes on top of the backbone at every position (dense
 * heads cost more per pixel than a classifier's pooled one). Undefined when the tree says none of them.
 */
export function visionHeadOf(type: string, keys: ReadonlySet<string>): VisionHead | undefined {
  if (keys.has('decode_head')) return 'segmentation';
  if (keys.has('roi_head') || keys.has('rpn_head') || keys.has('bbox_head')) return 'detection';
  if (/Classifier$/.test(type) && keys.has('head')) return 'classification';
  return undefined;
}
