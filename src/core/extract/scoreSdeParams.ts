/**
 * Parameter counts of the score networks of score_sde (Song et al. 2021, "Score-Based Generative Modeling through
 * Stochastic Differential Equations", arXiv:2011.13456; github.com/yang-song/score_sde and its PyTorch port), built
 * from an ml_collections config's `model.*` and `data.*` fields, following the layer layout of their classes:
 *
 * `ddpm` (models/ddpm.py, the DDPM U-Net of Ho et al. 2020): a noise-level embedding Linear(nf, 4nf) + Linear(4nf,
 * 4nf); a 3×3 conv in; per level (resolution image_size / 2^l, width nf·ch_mult[l]) num_res_blocks ResnetBlocks,
 * each followed by an AttnBlock where the level's resolution is in attn_resolutions, then a Downsample (a strided
 * 3×3 conv with resamp_with_conv) between levels; a middle ResnetBlock + AttnBlock + ResnetBlock; per level in
 * reverse num_res_blocks + 1 ResnetBlocks over the skip connections, one AttnBlock after them where the resolution is
 * in attn_resolutions, an Upsample (3×3 conv) between levels; GroupNorm + 3×3 conv out. ResnetBlock(i → o):
 * GroupNorm(i) + 3×3 conv + Linear(4nf, o) + GroupNorm(o) + 3×3 conv + a 1×1 NIN shortcut when i ≠ o. AttnBlock(c):
 * GroupNorm + four NIN(c, c). The paper's CIFAR-10 model (nf 128, ch_mult 1,2,2,2, 2 blocks, attention at 16) is
 * "35.7 million parameters" (Ho et al. 2020, arXiv:2006.11239, Appendix B); this layout, with one attention block a
 * level on the way up, comes to 35.2M.
 *
 * `ncsnpp` (models/ncsnpp.py, NCSN++ and DDPM++): the same skeleton with a Gaussian Fourier embedding (nf fixed
 * weights, an embedding of 2nf) or a positional one (nf); `resblock_type` `biggan` (ResnetBlockBigGANpp: a 1×1 conv
 * shortcut when the width changes or the block resamples, and ResnetBlocks that down- and upsample in place of the
 * resampling convs) or `ddpm` (ResnetBlockDDPMpp, NIN shortcut); GroupNorm groups min(c/4, 32) (the same parameter
 * count); `progressive_input` `input_skip` (a 1×1 Combine conv each level) or `residual` (a 3×3 conv from the input
 * pyramid each level), `progressive` `output_skip` (GroupNorm + 3×3 conv to the image each level, no final conv) or
 * `residual` (GroupNorm + 3×3 conv at the bottom level, a 3×3 conv up the pyramid at the others).
 */

export interface ScoreNetSettings {
  readonly name: string;
  readonly nf: number;
  readonly chMult: readonly number[];
  readonly numResBlocks: number;
  readonly attnResolutions: readonly number[];
  readonly imageSize: number;
  readonly channels: number;
  readonly resampWithConv: boolean;
  readonly conditional: boolean;
  /** ncsnpp only. */
  readonly resblockType?: string;
  readonly progressive?: string;
  readonly progressiveInput?: string;
  readonly progressiveCombine?: string;
  readonly embeddingType?: string;
}

const conv3 = (i: number, o: number) => 9 * i * o + o;
const conv1 = (i: number, o: number) => i * o + o;
const norm = (c: number) => 2 * c;
const attention = (c: number) => norm(c) + 4 * conv1(c, c);

/** Widths, depths and sizes past these are not a network anyone builds: not counted. */
const MAX_WIDTH = 8192;
const MAX_LEVELS = 12;
const MAX_BLOCKS = 64;
const MAX_IMAGE = 8192;

function sane(s: ScoreNetSettings): boolean {
  const whole = (n: number, max: number) => Number.isInteger(n) && n > 0 && n <= max;
  return (
    whole(s.nf, MAX_WIDTH) &&
    whole(s.numResBlocks, MAX_BLOCKS) &&
    whole(s.imageSize, MAX_IMAGE) &&
    whole(s.channels, 64) &&
    s.chMult.length > 0 &&
    s.chMult.length <= MAX_LEVELS &&
    s.chMult.every((m) => whole(m, 64)) &&
    s.attnResolutions.length <= MAX_LEVELS &&
    s.attnResolutions.every((r) => whole(r, MAX_IMAGE))
  );
}

/** The network's parameter count, or undefined for a model name or a setting this count does not follow. */
export function scoreNetParams(s: ScoreNetSettings): number | undefined {
  if (!sane(s) || !s.conditional) return undefined;
  if (s.name === 'ddpm') return ddpmParams(s);
  if (s.name === 'ncsnpp') return ncsnppParams(s);
  return undefined;
}

function ddpmParams(s: ScoreNetSettings): number {
  const { nf, chMult, numResBlocks: R, attnResolutions: attn, imageSize, channels } = s;
  const E = 4 * nf;
  const res = (i: number, o: number) =>
    norm(i) + conv3(i, o) + E * o + o + norm(o) + conv3(o, o) + (i !== o ? conv1(i, o) : 0);
  const resample = (c: number) => (s.resampWithConv ? conv3(c, c) : 0);
  const resolution = (level: number) => Math.floor(imageSize / 2 ** level);
  let total = nf * E + E + E * E + E + conv3(channels, nf);
  const skips = [nf];
  let ch = nf;
  chMult.forEach((m, level) => {
    for (let r = 0; r < R; r++) {
      total += res(ch, nf * m);
      ch = nf * m;
      if (attn.includes(resolution(level))) total += attention(ch);
      skips.push(ch);
    }
    if (level !== chMult.length - 1) {
      total += resample(ch);
      skips.push(ch);
    }
  });
  total += 2 * res(ch, ch) + attention(ch);
  for (let level = chMult.length - 1; level >= 0; level--) {
    for (let r = 0; r <= R; r++) {
      total += res(ch + (skips.pop() ?? 0), nf * chMult[level]);
      ch = nf * chMult[level];
    }
    if (attn.includes(resolution(level))) total += attention(ch);
    if (level !== 0) total += resample(ch);
  }
  return total + norm(ch) + conv3(ch, channels);
}

function ncsnppParams(s: ScoreNetSettings): number | undefined {
  const { nf, chMult, numResBlocks: R, attnResolutions: attn, imageSize, channels } = s;
  const block = s.resblockType?.toLowerCase();
  const progressive = s.progressive?.toLowerCase() ?? 'none';
  const progressiveInput = s.progressiveInput?.toLowerCase() ?? 'none';
  const combine = s.progressiveCombine?.toLowerCase() ?? 'sum';
  const embedding = s.embeddingType?.toLowerCase();
  if (block !== 'biggan' && block !== 'ddpm') return undefined;
  if (!['none', 'output_skip', 'residual'].includes(progressive)) return undefined;
  if (!['none', 'input_skip', 'residual'].includes(progressiveInput)) return undefined;
  if (combine !== 'sum' && combine !== 'cat') return undefined;
  if (embedding !== 'fourier' && embedding !== 'positional') return undefined;
  const E = 4 * nf;
  const embedDim = embedding === 'fourier' ? 2 * nf : nf;
  const res = (i: number, o: number, resamples = false) =>
    norm(i) +
    conv3(i, o) +
    E * o +
    o +
    norm(o) +
    conv3(o, o) +
    (block === 'biggan' ? (i !== o || resamples ? conv1(i, o) : 0) : i !== o ? conv1(i, o) : 0);
  const resample = (c: number) => (block === 'biggan' ? res(c, c, true) : s.resampWithConv ? conv3(c, c) : 0);
  const resolution = (level: number) => Math.floor(imageSize / 2 ** level);
  // The Fourier projection's fixed weights are a parameter of the module (requires_grad=False), as PyTorch counts.
  let total = (embedding === 'fourier' ? nf : 0) + embedDim * E + E + E * E + E + conv3(channels, nf);
  let pyramidIn = channels;
  const skips = [nf];
  let ch = nf;
  chMult.forEach((m, level) => {
    for (let r = 0; r < R; r++) {
      total += res(ch, nf * m);
      ch = nf * m;
      if (attn.includes(resolution(level))) total += attention(ch);
      skips.push(ch);
    }
    if (level !== chMult.length - 1) {
      total += resample(ch);
      if (progressiveInput === 'input_skip') {
        total += conv1(pyramidIn, ch);
        if (combine === 'cat') ch *= 2;
      } else if (progressiveInput === 'residual') {
        total += conv3(pyramidIn, ch);
        pyramidIn = ch;
      }
      skips.push(ch);
    }
  });
  ch = skips[skips.length - 1];
  total += 2 * res(ch, ch) + attention(ch);
  let pyramid = 0;
  for (let level = chMult.length - 1; level >= 0; level--) {
    for (let r = 0; r <= R; r++) {
      total += res(ch + (skips.pop() ?? 0), nf * chMult[level]);
      ch = nf * chMult[level];
    }
    if (attn.includes(resolution(level))) total += attention(ch);
    if (progressive === 'output_skip') total += norm(ch) + conv3(ch, channels);
    else if (progressive === 'residual') {
      total += level === chMult.length - 1 ? norm(ch) + conv3(ch, ch) : conv3(pyramid, ch);
      pyramid = ch;
    }
    if (level !== 0) total += resample(ch);
  }
  if (progressive !== 'output_skip') total += norm(ch) + conv3(ch, channels);
  return total;
}

/** A config field's value as read: a number, a flag, a word, a tuple of numbers; undefined when not set or not read. */
export type SettingValue = number | boolean | string | readonly number[] | undefined;

/** The config fields (ml_collections dotted keys) a score network's size is counted from. */
export const SCORE_NET_KEYS: readonly string[] = [
  'model.name',
  'model.nf',
  'model.ch_mult',
  'model.num_res_blocks',
  'model.attn_resolutions',
  'model.resamp_with_conv',
  'model.conditional',
  'model.resblock_type',
  'model.progressive',
  'model.progressive_input',
  'model.progressive_combine',
  'model.embedding_type',
  'data.image_size',
  'data.num_channels',
];

/**
 * The network settings a config's fields give (`value(key)` for each of SCORE_NET_KEYS), or undefined when the model
 * is not one counted here or a field the count needs is not set.
 */
export function scoreNetSettingsOf(value: (key: string) => SettingValue): ScoreNetSettings | undefined {
  const name = value('model.name');
  if (name !== 'ddpm' && name !== 'ncsnpp') return undefined;
  const num = (key: string) => {
    const v = value(key);
    return typeof v === 'number' ? v : undefined;
  };
  const nums = (key: string) => {
    const v = value(key);
    return Array.isArray(v) && v.every((x) => typeof x === 'number') ? (v as readonly number[]) : undefined;
  };
  const flag = (key: string) => {
    const v = value(key);
    return typeof v === 'boolean' ? v : undefined;
  };
  const text = (key: string) => {
    const v = value(key);
    return typeof v === 'string' ? v : undefined;
  };
  const [nf, numResBlocks, imageSize, channels] = [
    'model.nf',
    'model.num_res_blocks',
    'data.image_size',
    'data.num_channels',
  ].map(num);
  const [chMult, attnResolutions] = ['model.ch_mult', 'model.attn_resolutions'].map(nums);
  const [resampWithConv, conditional] = ['model.resamp_with_conv', 'model.conditional'].map(flag);
  if (
    nf === undefined ||
    numResBlocks === undefined ||
    imageSize === undefined ||
    channels === undefined ||
    !chMult ||
    !attnResolutions ||
    resampWithConv === undefined ||
    conditional === undefined
  )
    return undefined;
  return {
    name,
    nf,
    chMult,
    numResBlocks,
    attnResolutions,
    imageSize,
    channels,
    resampWithConv,
    conditional,
    resblockType: text('model.resblock_type'),
    progressive: text('model.progressive'),
    progressiveInput: text('model.progressive_input'),
    progressiveCombine: text('model.progressive_combine'),
    embeddingType: text('model.embedding_type'),
  };
}

/** How a count was made, for a fact's detail. */
export function describeScoreNet(s: ScoreNetSettings, params: number): string {
  return `${s.name} with nf ${s.nf}, ch_mult (${s.chMult.join(', ')}), ${s.numResBlocks} blocks a level, attention at ${s.attnResolutions.join(', ')} on ${s.imageSize}×${s.imageSize} images: ${(params / 1e6).toFixed(1)}M parameters counted from the layer layout`;
}
