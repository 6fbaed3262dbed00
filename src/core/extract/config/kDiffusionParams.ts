import type { ConfigDoc } from './dialect';
import { flagList, intList, MAX_WIDTH, positiveWidth } from './sequences';

/**
 * The parameter count of a k-diffusion `image_v1` model (`ImageDenoiserModelV1`, k_diffusion/models/image_v1.py, built
 * by `make_model` in k_diffusion/config.py from the config's `model` section with the library's defaults:
 * `patch_size` 1, `augment_wrapper` true, `mapping_cond_dim` 0, `unet_cond_dim` 0, `cross_cond_dim` 0, `skip_stages`
 * 0, `has_variance` false). With F = `mapping_out`, channels c_i and depths d_i:
 *
 * - the mapping network: an optional bias-free Linear from the mapping condition (its `mapping_cond_dim`, plus 9
 *   augmentation flags when the augment wrapper is on) to F, then two Linear F → F with biases (the Fourier timestep
 *   features are a fixed buffer);
 * - 1×1 convs in (channels × patch² → c_0) and out (c_0 → channels × patch², one more with `has_variance`);
 * - every residual block: AdaGN (a Linear F → 2c, the group norm itself has no weights), a 3×3 conv, AdaGN, a 3×3
 *   conv, and a bias-free 1×1 skip conv when its in and out channels differ;
 * - every self-attention (levels flagged in `self_attn_depths`, one after each residual block): AdaGN, a 1×1 qkv conv
 *   c → 3c and a 1×1 out conv c → c;
 * - the U-Net: level i's down block takes c_{i-1} (c_0 at level 0) to c_i over d_i residual blocks; its up block takes
 *   2c_i (c_i at the deepest level, which has no skip to concatenate) through d_i blocks to c_{i-1}. Down/up sampling
 *   uses fixed kernels.
 *
 * Cross-attention (`cross_cond_dim` > 0) and skipped stages are not counted: undefined then, as for any value that is
 * not a plain positive number, so the size stays unknown rather than guessed.
 */
/** d_head's default in `make_model` for each attention type that takes one. */
const DEFAULT_HEAD = 64;
const ATTENTION_TYPES = new Set(['global', 'neighborhood', 'shifted-window']);

/** A non-negative integer at `path`, `fallback` when absent; undefined when written but not one. */
function count(doc: ConfigDoc, path: string, fallback: number): number | undefined {
  if (!doc.has(path) || doc.get(path)?.value === null) return fallback;
  const n = doc.num(path);
  return n !== undefined && Number.isInteger(n) && n >= 0 && n <= MAX_WIDTH ? n : undefined;
}

/** A boolean at `path`, `fallback` when absent; undefined when written but not one. */
function bool(doc: ConfigDoc, path: string, fallback: boolean): boolean | undefined {
  if (!doc.has(path)) return fallback;
  const v = doc.get(path)?.value;
  if (v === true || v === 'true') return true;
  if (v === false || v === 'false') return false;
  return undefined;
}

export function imageV1Params(doc: ConfigDoc): number | undefined {
  const f = doc.num('model.mapping_out');
  const cIn = doc.num('model.input_channels');
  const depths = intList(doc, 'model.depths', { scalar: false });
  const ch = intList(doc, 'model.channels', { scalar: false });
  const attn = flagList(doc, 'model.self_attn_depths');
  if (!positiveWidth(f) || !positiveWidth(cIn) || !depths || !ch || !attn) return undefined;
  if (depths.length !== ch.length || attn.length !== ch.length) return undefined;
  const patch = count(doc, 'model.patch_size', 1);
  const mapCond = count(doc, 'model.mapping_cond_dim', 0);
  const unetCond = count(doc, 'model.unet_cond_dim', 0);
  const crossCond = count(doc, 'model.cross_cond_dim', 0);
  const skip = count(doc, 'model.skip_stages', 0);
  const augment = bool(doc, 'model.augment_wrapper', true);
  const variance = bool(doc, 'model.has_variance', false);
  if (patch === undefined || patch === 0 || mapCond === undefined || unetCond === undefined) return undefined;
  if (augment === undefined || variance === undefined || crossCond !== 0 || skip !== 0) return undefined;

  const adaGn = (c: number): number => f * 2 * c + 2 * c;
  const conv3 = (a: number, b: number): number => 9 * a * b + b;
  const res = (a: number, mid: number, b: number): number =>
    adaGn(a) + conv3(a, mid) + adaGn(mid) + conv3(mid, b) + (a === b ? 0 : a * b);
  const selfAttn = (c: number): number => adaGn(c) + 3 * c * c + 3 * c + c * c + c;

  const condIn = mapCond + (augment ? 9 : 0);
  let total = (condIn > 0 ? condIn * f : 0) + 2 * (f * f + f);
  const pixelsIn = (cIn + unetCond) * patch * patch;
  const pixelsOut = cIn * patch * patch + (variance ? 1 : 0);
  total += pixelsIn * ch[0] + ch[0] + ch[0] * pixelsOut + pixelsOut;
  const last = ch.length - 1;
  for (let i = 0; i <= last; i++) {
    const below = ch[Math.max(0, i - 1)];
    for (let j = 0; j < depths[i]; j++) {
      total += res(j === 0 ? below : ch[i], ch[i], ch[i]) + (attn[i] ? selfAttn(ch[i]) : 0);
    }
    const upIn = i < last ? 2 * ch[i] : ch[i];
    for (let j = 0; j < depths[i]; j++) {
      const out = j < depths[i] - 1 ? ch[i] : below;
      total += res(j === 0 ? upIn : ch[i], ch[i], out) + (attn[i] ? selfAttn(out) : 0);
    }
  }
  return Number.isFinite(total) && total > 0 ? total : undefined;
}

/** `[h, w]` or one number for both, else undefined. */
function patchArea(doc: ConfigDoc, path: string): number | undefined {
  const at = doc.get(path);
  if (at?.shape === 'scalar') {
    const n = doc.num(path);
    return positiveWidth(n) ? n * n : undefined;
  }
  const hw = intList(doc, path, { scalar: false });
  return hw && hw.length === 2 ? hw[0] * hw[1] : undefined;
}

/**
 * The parameter count of a k-diffusion `image_transformer_v2` model (`ImageTransformerDenoiserModelV2`, the hourglass
 * diffusion transformer of Crowson et al. 2024, arXiv:2401.11605, k_diffusion/models/image_transformer_v2.py), with
 * `load_config`'s defaults: `mapping_width` W 256, `mapping_depth` 2, `mapping_d_ff` 3W, `d_ffs` 3 × width,
 * `self_attns` neighborhood attention at every level but the last (global), `d_head` 64. Every Linear is bias-free:
 *
 * - patch in: a Linear of channels × patch area → width_0; patch out the reverse, after an RMSNorm (scale width_0);
 * - the mapping: Linear W → W for the timestep and for the 9 augmentation features (their Fourier features are
 *   fixed buffers), a class table of (num_classes + 1) × W when the dataset has classes, a Linear from
 *   `mapping_cond_dim`; then RMSNorm, `mapping_depth` GEGLU feed-forward blocks (RMSNorm, W → 2 d_ff, d_ff → W) and
 *   an RMSNorm;
 * - each transformer layer at width d: an attention block (AdaRMSNorm, a Linear W → d; qkv d → 3d; a learned scale
 *   per head; out d → d), absent for type `none`, and a feed-forward block (AdaRMSNorm; GEGLU d → 2 d_ff; d_ff → d);
 * - every level but the last has a down and an up stack of `depth` layers; the last, the middle, one stack;
 * - between levels a 2×2 token merge (4 w_i × w_{i+1}) and a token split (the same, plus one skip-mix weight).
 *
 * Undefined for any value that is not as `make_model` reads it, so the size stays unknown rather than guessed.
 */
export function imageTransformerV2Params(doc: ConfigDoc): number | undefined {
  const cIn = doc.num('model.input_channels');
  const widths = intList(doc, 'model.widths', { scalar: false });
  const depths = intList(doc, 'model.depths', { scalar: false });
  const area = patchArea(doc, 'model.patch_size');
  if (!positiveWidth(cIn) || !widths || !depths || area === undefined || depths.length !== widths.length)
    return undefined;
  const mapW = count(doc, 'model.mapping_width', 256);
  const mapDepth = count(doc, 'model.mapping_depth', 2);
  const mapFfWritten = count(doc, 'model.mapping_d_ff', 0);
  const mapCond = count(doc, 'model.mapping_cond_dim', 0);
  const classes = count(doc, 'dataset.num_classes', 0);
  if (!mapW || mapDepth === undefined || mapFfWritten === undefined || mapCond === undefined) return undefined;
  if (classes === undefined) return undefined;
  const mapFf = mapFfWritten || 3 * mapW;
  const levels = widths.length;
  const ffsWritten = doc.has('model.d_ffs') && doc.get('model.d_ffs')?.value !== null;
  const dFfs = ffsWritten ? intList(doc, 'model.d_ffs', { scalar: false }) : widths.map((w) => 3 * w);
  if (!dFfs || dFfs.length !== levels) return undefined;
  const attnWritten = doc.get('model.self_attns')?.shape === 'seq';
  if (doc.has('model.self_attns') && !attnWritten && doc.get('model.self_attns')?.value !== null) return undefined;
  const heads: Array<number | null> = [];
  for (let i = 0; i < levels; i++) {
    if (!attnWritten) {
      heads.push(DEFAULT_HEAD);
      continue;
    }
    const type = doc.str(`model.self_attns.${i}.type`);
    if (type === 'none') heads.push(null);
    else if (type !== undefined && ATTENTION_TYPES.has(type)) {
      const head = count(doc, `model.self_attns.${i}.d_head`, DEFAULT_HEAD);
      if (!head) return undefined;
      heads.push(head);
    } else return undefined;
  }
  if (attnWritten && doc.has(`model.self_attns.${levels}`)) return undefined;

  let total = 2 * cIn * area * widths[0] + widths[0];
  total += 2 * mapW * mapW + (classes > 0 ? (classes + 1) * mapW : 0) + mapCond * mapW;
  total += 2 * mapW + mapDepth * (mapW + 3 * mapW * mapFf);
  for (let i = 0; i < levels; i++) {
    const d = widths[i];
    const head = heads[i];
    let layer = d * mapW + 3 * d * dFfs[i];
    if (head !== null) layer += d * mapW + 4 * d * d + Math.floor(d / head);
    total += layer * depths[i] * (i < levels - 1 ? 2 : 1);
    if (i < levels - 1) total += 8 * d * widths[i + 1] + 1;
  }
  return Number.isFinite(total) && total > 0 ? total : undefined;
}
