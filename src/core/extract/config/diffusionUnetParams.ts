import type { ConfigDoc } from './dialect';
import { flagList, intList, positiveWidth } from './sequences';

/**
 * Parameter counts of the networks an instantiate-from-config diffusion module builds, worked out from their
 * constructor settings as the config writes them. Every count follows the layer layout of the classes the
 * configs name, which latent-diffusion, Stable Diffusion and Stability's generative-models share with OpenAI's
 * guided-diffusion / improved-diffusion (`openaimodel.UNetModel`, `model.Encoder`/`Decoder`):
 *
 * UNetModel(model_channels C, channel_mult m, num_res_blocks R, attention_resolutions A, in/out_channels):
 * - time embedding: Linear(C, 4C) + Linear(4C, 4C); a class embedding (num_classes × 4C) when `num_classes` is set.
 * - input conv 3×3 (in → C); then per level l (channels C·m[l]): R ResBlocks, each followed by an attention block
 *   when the level's downsampling factor ds (1, 2, 4, ... from the top) is in A; between levels a Downsample
 *   (a strided 3×3 conv, or a ResBlock with `resblock_updown`, nothing with `conv_resample: false`).
 * - middle: ResBlock, attention, ResBlock.
 * - output levels in reverse: R + 1 ResBlocks each, whose input is the current channels plus the skip connection
 *   from the matching input block, attention where ds is in A, an Upsample (3×3 conv, or a ResBlock) between levels.
 * - out: GroupNorm + 3×3 conv (C → out).
 * - ResBlock(i → o, embedding E = 4C): GroupNorm(i) + 3×3 conv + Linear(E, o, or 2o with `use_scale_shift_norm`)
 *   + GroupNorm(o) + 3×3 conv (o → o) + a 1×1 skip conv when i ≠ o.
 * - AttentionBlock(c): GroupNorm + qkv 1×1 conv (c → 3c) + proj 1×1 conv: 4c² + 6c (heads do not change the count).
 * - SpatialTransformer(c, depth D, context_dim X) with `use_spatial_transformer`: GroupNorm + proj_in (c → c) + D ×
 *   [self-attention (q, k, v without bias, out with bias: 4c² + c) + cross-attention (q and out from c, k and v from
 *   X: 2c² + 2Xc + c) + GEGLU feed-forward (c → 8c, 4c → c: 12c² + 9c) + three LayerNorms (6c)] + proj_out (c → c).
 *   Heads × head width is c whether `num_heads` or `num_head_channels` is given, so heads do not change the count.
 *
 * Checked against published sizes: Stable Diffusion v1's UNet (C 320, m 1,2,4,4, A 4,2,1, context 768) comes to
 * 859.5M, "860M UNet" (CompVis/stable-diffusion README); the LDM paper's (Rombach et al. 2022, arXiv:2112.10752,
 * hyperparameter tables in the appendix) LDM-4 CelebA-HQ/FFHQ/LSUN-bedrooms UNet (C 224, m 1,2,3,4) 274.1M against
 * 274M, LDM-8 LSUN-churches (C 192, m 1,2,2,4,4, scale-shift norm, ResBlock up/down) 295.0M against 294M, the
 * class-conditional ImageNet LDM-8 (C 256, cross-attention) 395.0M against 395M; guided-diffusion's ImageNet 256
 * model (Dhariwal & Nichol 2021, arXiv:2105.05233, Table: C 256, m 1,1,2,2,4,4, 1000 classes, learned sigma)
 * 553.8M against 554M.
 *
 * Autoencoders (`ddconfig`: ch, ch_mult, num_res_blocks, attn_resolutions, z_channels): the Encoder is a 3×3 conv
 * in, per level num_res_blocks ResnetBlocks (GroupNorm + 3×3 conv, twice, a 1×1 shortcut when the width changes),
 * an AttnBlock where the resolution is in attn_resolutions, a strided 3×3 conv between levels; a middle of
 * ResnetBlock + AttnBlock (GroupNorm + four 1×1 convs) + ResnetBlock; GroupNorm and a 3×3 conv out to z (2z with
 * `double_z`). The Decoder mirrors it with num_res_blocks + 1 blocks a level and nearest-neighbour upsampling
 * followed by a 3×3 conv. AutoencoderKL adds 1×1 convs 2z → 2·embed_dim and embed_dim → z; a VQModel n_embed ×
 * embed_dim codes and 1×1 convs z ↔ embed_dim. The KL-f8 autoencoder (ch 128, ch_mult 1,2,4,4, z 4) comes to
 * 83.65M, the 83.7M of Stable Diffusion's VAE (the diffusers port's AutoencoderKL of stable-diffusion-v1-4 holds
 * 83,653,863 parameters).
 *
 * Conditioning encoders the config sizes: `BERTEmbedder(n_embed d, n_layer L)` is an x-transformers
 * TransformerWrapper over an Encoder (lucidrains/x-transformers: Attention defaults to 8 heads of 64, so q/k/v/out
 * are d × 512; a 4d feed-forward; two LayerNorms a layer), with BERT's 30,522-token vocabulary in and out and 77
 * positions; `ClassEmbedder(embed_dim, n_classes = 1000)` one table. The LDM paper's text-to-image LDM-KL-8-G (UNet
 * C 320 with context 1280, a 32-layer 1280-wide BERTEmbedder, KL-f8) adds up to 1.54B against its stated 1.45B.
 * A `FrozenCLIPEmbedder` (CLIP ViT-L/14's text tower) is the "123M text encoder" of the Stable Diffusion README.
 */

export interface DiffusionModuleSize {
  readonly params: number;
  /** How the count adds up, part by part, and what it leaves out. */
  readonly detail: string;
}

/** Constructor lists and counts past these are not a UNet anyone builds: not read. */
function flag(doc: ConfigDoc, path: string): boolean {
  const v = doc.get(path)?.value;
  return v === true || v === 'true' || v === 'True';
}

const conv3 = (i: number, o: number) => 9 * i * o + o;
const conv1 = (i: number, o: number) => i * o + o;

/**
 * Switches that add temporal layers to the openaimodel UNet (a video UNet built on the image one: LVDM's
 * `openaimodel3d.UNetModel` with `temporal_conv` / `temporal_attention`, the same keywords in the video models forked
 * from it; AnimateDiff-style `use_temporal_attention` / `use_motion_module`). Its temporal convolutions and attention
 * are layers the image layout does not count, and the network is no longer the image release it widens.
 */
const TEMPORAL_SWITCHES = [
  'temporal_conv',
  'temporal_attention',
  'use_temporal_conv',
  'use_temporal_attention',
  'use_motion_module',
];

/** The UNet at `path` (its `params`) switches on temporal layers: a video UNet. */
export function temporalUnet(doc: ConfigDoc, path: string): boolean {
  return TEMPORAL_SWITCHES.some((key) => flag(doc, `${path}.${key}`));
}

/**
 * openaimodel UNetModel at `path` (its `params`), or undefined where a setting it needs is missing or unusual, or
 * where the config adds temporal layers the image layout does not count.
 */
export function unetParams(doc: ConfigDoc, path: string): number | undefined {
  if (temporalUnet(doc, path)) return undefined;
  return unetCount(doc, path, 'full');
}

/**
 * guided-diffusion's `EncoderUNetModel` (the noised-image classifier of Dhariwal & Nichol 2021) at `path`: the UNet's
 * time embedding, input blocks and middle block from the same settings, then a GroupNorm and the pooling head named by
 * `pool`: `attention` an AttentionPool2d (a positional table of (s² + 1) × ch for the s × s map left after the last
 * downsampling, a 1×1 qkv conv ch → 3ch and a 1×1 conv ch → outputs), `adaptive` an average pool and a 1×1 conv
 * ch → outputs (guided_diffusion/unet.py). `pool_spatial` is the side s, `pool_outputs` the classes.
 */
export function encoderUnetParams(doc: ConfigDoc, path: string): number | undefined {
  return unetCount(doc, path, 'encoder');
}

/**
 * ControlNet's control branch (`cldm.ControlNet`, Zhang et al. 2023, arXiv:2302.05543, "Adding Conditional Control to
 * Text-to-Image Diffusion Models": a trainable copy of the UNet's encoder joined to the locked UNet by zero
 * convolutions) at `path`: the UNet's time embedding, input blocks and middle block built from the same settings,
 * plus a 1×1 zero convolution after every input block and after the middle block, and the hint encoder: 3×3 convs
 * hint_channels → 16 → 16 → 32 → 32 → 96 → 96 → 256 → model_channels (the ControlNet paper's "tiny network of four
 * convolution layers" that brings the condition image to the latent resolution, as its reference code builds it).
 * SD 1.5's branch (C 320, m 1,2,4,4, context 768) comes to 361.3M: the sd-controlnet checkpoints' 1.45 GB of fp32
 * weights.
 */
export function controlBranchParams(doc: ConfigDoc, path: string): number | undefined {
  return unetCount(doc, path, 'control');
}

/**
 * Stability's generative-models (`sgm.modules.diffusionmodules.openaimodel.UNetModel`, the network a `DiffusionEngine`
 * builds from `network_config`) at `path`. Its UNet is latent-diffusion's with three differences in how it is written
 * (sgm/modules/diffusionmodules/openaimodel.py, UNetModel.__init__): every attention layer is a SpatialTransformer
 * (there is no `use_spatial_transformer` switch and no plain AttentionBlock); `transformer_depth` is one depth or a
 * list with one depth a level, and the middle block takes the last level's; `spatial_transformer_attn_type` only picks
 * the attention kernel (softmax or xformers: the same q, k, v and out projections). Checked against the published
 * size: SDXL's UNet (C 320, m 1,2,4, A 4,2, depths 1,2,10, context 2048, adm 2816) comes to 2.567B, "2.6B" in Podell
 * et al. 2023, arXiv:2307.01952, Table 1 (and the diffusers port's 2,567,463,684).
 */
export function sgmUnetParams(doc: ConfigDoc, path: string): number | undefined {
  return unetCount(doc, path, 'full', true);
}

function unetCount(
  doc: ConfigDoc,
  path: string,
  mode: 'full' | 'control' | 'encoder',
  sgm = false,
): number | undefined {
  const control = mode === 'control';
  const C = doc.num(`${path}.model_channels`);
  const R = doc.num(`${path}.num_res_blocks`);
  const inC = doc.num(`${path}.in_channels`);
  // The control branch has no output side: its hint image's channels instead.
  const outC = doc.num(`${path}.${control ? 'hint_channels' : mode === 'encoder' ? 'pool_outputs' : 'out_channels'}`);
  const mult = doc.has(`${path}.channel_mult`) ? intList(doc, `${path}.channel_mult`) : [1, 2, 4, 8];
  const attn = intList(doc, `${path}.attention_resolutions`, { allowEmpty: true });
  if (!positiveWidth(C) || !positiveWidth(R, 64) || !positiveWidth(inC) || !positiveWidth(outC) || !mult || !attn)
    return undefined;
  const dims = doc.num(`${path}.dims`);
  if (dims !== undefined && dims !== 2) return undefined;
  // Settings of later UNets (per-level depths, class embeddings of vectors, attention switched off per block)
  // change the layout beyond what this count follows.
  for (const k of sgm ? ['num_attention_blocks'] : ['num_attention_blocks', 'spatial_transformer_attn_type'])
    if (doc.has(`${path}.${k}`) && doc.get(`${path}.${k}`)?.value !== null) return undefined;
  // `disable_self_attentions: [True, True, True, False]` (one switch a level): that level's transformer blocks make
  // their first attention a second cross-attention to the context (ldm attention.py BasicTransformerBlock,
  // `disable_self_attn`: attn1 built with context_dim), so its k and v come from the context's width.
  const noSelf = doc.has(`${path}.disable_self_attentions`) ? flagList(doc, `${path}.disable_self_attentions`) : [];
  if (noSelf === undefined || (noSelf.length > 0 && noSelf.length !== mult.length)) return undefined;
  // A class embedding: `num_classes: N` an nn.Embedding(N, 4C); `num_classes: "sequential"` with `adm_in_channels: A`
  // a vector embedding Linear(A, 4C) + SiLU + Linear(4C, 4C) (openaimodel.py UNetModel, label_emb: the unCLIP and
  // SDXL image/size conditioning).
  const classes = doc.get(`${path}.num_classes`);
  const sequential = classes?.value === 'sequential';
  const adm = sequential ? doc.num(`${path}.adm_in_channels`) : undefined;
  if (sequential && !positiveWidth(adm)) return undefined;
  if (!sequential && doc.has(`${path}.adm_in_channels`) && doc.get(`${path}.adm_in_channels`)?.value !== null)
    return undefined;
  const nClasses = sequential ? 0 : classes && classes.value !== null ? doc.num(`${path}.num_classes`) : 0;
  if (nClasses === undefined || (nClasses !== 0 && !positiveWidth(nClasses, 1e6))) return undefined;
  const spatial = sgm || flag(doc, `${path}.use_spatial_transformer`);
  // One depth for every level, or (sgm) a list of one a level; the middle block takes the last level's.
  const depthAt = doc.get(`${path}.transformer_depth`);
  const depths = !spatial
    ? mult.map(() => 0)
    : !depthAt
      ? mult.map(() => 1)
      : sgm && depthAt.shape === 'seq'
        ? intList(doc, `${path}.transformer_depth`)
        : mult.map(() => doc.num(`${path}.transformer_depth`) ?? 0);
  if (spatial && (!depths || depths.length !== mult.length || !depths.every((d) => positiveWidth(d, 64))))
    return undefined;
  const depthOf = (level: number) => depths![level];
  const contextAt = doc.get(`${path}.context_dim`);
  // sgm also takes a list (`context_dim: [1280, 1280, 1280, 1280]`): its SpatialTransformer requires the widths to be
  // the same and gives every block the first (sgm/modules/attention.py, SpatialTransformer.__init__).
  const contexts = sgm && contextAt?.shape === 'seq' ? intList(doc, `${path}.context_dim`) : undefined;
  if (contexts && !contexts.every((x) => x === contexts[0])) return undefined;
  const context = contexts
    ? contexts[0]
    : contextAt && contextAt.value !== null
      ? doc.num(`${path}.context_dim`)
      : undefined;
  if (contextAt && contextAt.value !== null && !positiveWidth(context)) return undefined;
  const scaleShift = flag(doc, `${path}.use_scale_shift_norm`);
  const updown = flag(doc, `${path}.resblock_updown`);
  const resample = doc.get(`${path}.conv_resample`)?.value !== false;
  const E = 4 * C;

  const res = (i: number, o: number) =>
    2 * i +
    conv3(i, o) +
    E * (scaleShift ? 2 * o : o) +
    (scaleShift ? 2 * o : o) +
    2 * o +
    conv3(o, o) +
    (i !== o ? conv1(i, o) : 0);
  const attention = (c: number, crossOnly: boolean, depth: number) => {
    if (!spatial) return 2 * c + conv1(c, 3 * c) + conv1(c, c);
    const x = context ?? c;
    const first = crossOnly ? 2 * c * c + 2 * x * c + c : 4 * c * c + c;
    const block = first + (2 * c * c + 2 * x * c + c) + (12 * c * c + 9 * c) + 6 * c;
    return 2 * c + conv1(c, c) + depth * block + conv1(c, c);
  };
  const resize = (c: number) => (updown ? res(c, c) : resample ? conv3(c, c) : 0);

  let total = C * E + E + E * E + E + nClasses * E + (adm ? adm * E + E + E * E + E : 0) + conv3(inC, C);
  const skips = [C];
  let ch = C;
  let ds = 1;
  mult.forEach((m, level) => {
    for (let r = 0; r < R; r++) {
      total += res(ch, m * C);
      ch = m * C;
      if (attn.includes(ds)) total += attention(ch, noSelf[level] === true, depthOf(level));
      skips.push(ch);
    }
    if (level !== mult.length - 1) {
      total += resize(ch);
      skips.push(ch);
      ds *= 2;
    }
  });
  // The middle block's transformer keeps its self-attention unless `disable_middle_self_attn` (same layout otherwise).
  total += 2 * res(ch, ch) + attention(ch, flag(doc, `${path}.disable_middle_self_attn`), depthOf(mult.length - 1));
  if (control) {
    // Zero convolutions after each input block and the middle block; the hint encoder into model_channels.
    for (const c of skips) total += conv1(c, c);
    total += conv1(ch, ch);
    const hint = [outC, 16, 16, 32, 32, 96, 96, 256, C];
    for (let i = 1; i < hint.length; i++) total += conv3(hint[i - 1], hint[i]);
    return total;
  }
  if (mode === 'encoder') {
    const pool = doc.str(`${path}.pool`);
    const side = doc.num(`${path}.pool_spatial`);
    if (pool === 'adaptive') return total + 2 * ch + conv1(ch, outC);
    if (pool !== 'attention' || !positiveWidth(side, 1024)) return undefined;
    return total + 2 * ch + ch * (side * side + 1) + conv1(ch, 3 * ch) + conv1(ch, outC);
  }
  for (let level = mult.length - 1; level >= 0; level--) {
    for (let r = 0; r <= R; r++) {
      total += res(ch + (skips.pop() ?? 0), C * mult[level]);
      ch = C * mult[level];
      if (attn.includes(ds)) total += attention(ch, noSelf[level] === true, depthOf(level));
      if (level > 0 && r === R) {
        total += resize(ch);
        ds /= 2;
      }
    }
  }
  total += 2 * ch + conv3(ch, outC);
  const codebook = doc.num(`${path}.n_embed`);
  if (positiveWidth(codebook, 1e7)) total += 2 * C + conv1(C, codebook);
  return total;
}

/** The autoencoder whose `params` (with `ddconfig` and `embed_dim`) are at `path`; `target` tells KL from VQ. */
export function autoencoderParams(doc: ConfigDoc, path: string, target: string): number | undefined {
  const dd = `${path}.ddconfig`;
  const ch = doc.num(`${dd}.ch`);
  const mult = intList(doc, `${dd}.ch_mult`);
  const R = doc.num(`${dd}.num_res_blocks`);
  const z = doc.num(`${dd}.z_channels`);
  const resolution = doc.num(`${dd}.resolution`);
  const attnRes = doc.has(`${dd}.attn_resolutions`) ? intList(doc, `${dd}.attn_resolutions`, { allowEmpty: true }) : [];
  const inC = doc.has(`${dd}.in_channels`) ? doc.num(`${dd}.in_channels`) : 3;
  const outC = doc.has(`${dd}.out_ch`) ? doc.num(`${dd}.out_ch`) : 3;
  const e = doc.num(`${path}.embed_dim`);
  const kl = /KL/.test(target);
  const vq = /VQ/.test(target);
  if (
    !positiveWidth(ch) ||
    !mult ||
    !positiveWidth(R, 64) ||
    !positiveWidth(z) ||
    !positiveWidth(resolution) ||
    !attnRes
  )
    return undefined;
  if (!positiveWidth(inC) || !positiveWidth(outC) || !positiveWidth(e) || (!kl && !vq)) return undefined;
  const doubleZ = doc.get(`${dd}.double_z`)?.value;
  const zOut = doubleZ === false || doubleZ === 'false' || doubleZ === 'False' ? z : 2 * z;
  const block = (i: number, o: number) => 2 * i + conv3(i, o) + 2 * o + conv3(o, o) + (i !== o ? conv1(i, o) : 0);
  const attention = (c: number) => 2 * c + 4 * conv1(c, c);

  let encoder = conv3(inC, ch);
  let width = ch;
  let res = resolution;
  mult.forEach((m, level) => {
    for (let r = 0; r < R; r++) {
      encoder += block(width, ch * m);
      width = ch * m;
      if (attnRes.includes(res)) encoder += attention(width);
    }
    if (level !== mult.length - 1) {
      encoder += conv3(width, width);
      res = Math.floor(res / 2);
    }
  });
  encoder += 2 * block(width, width) + attention(width) + 2 * width + conv3(width, zOut);

  width = ch * mult[mult.length - 1];
  let decoder = conv3(z, width) + 2 * block(width, width) + attention(width);
  for (let level = mult.length - 1; level >= 0; level--) {
    for (let r = 0; r <= R; r++) {
      decoder += block(width, ch * mult[level]);
      width = ch * mult[level];
      if (attnRes.includes(res)) decoder += attention(width);
    }
    if (level !== 0) {
      decoder += conv3(width, width);
      res *= 2;
    }
  }
  decoder += 2 * width + conv3(width, outC);

  if (kl) return encoder + decoder + conv1(2 * z, 2 * e) + conv1(e, z);
  const codes = doc.num(`${path}.n_embed`);
  if (!positiveWidth(codes, 1e7)) return undefined;
  return encoder + decoder + codes * e + conv1(z, e) + conv1(e, z);
}

/** x-transformers Attention's default heads × head width (lucidrains/x-transformers, Attention: heads 8, dim_head 64). */
const X_TRANSFORMER_ATTENTION_WIDTH = 512;
/** bert-base-uncased's vocabulary (its tokenizer's vocab_size) and the 77 positions the embedder defaults to. */
const BERT_VOCAB = 30_522;
const TEXT_POSITIONS = 77;
/** CLIP ViT-L/14's text tower: the "123M text encoder" of the Stable Diffusion README (CompVis/stable-diffusion). */
const CLIP_L_TEXT = 123_000_000;

function conditionerParams(doc: ConfigDoc, path: string, target: string): number | undefined {
  const cls = target.split('.').pop() ?? '';
  if (cls === 'BERTEmbedder') {
    const d = doc.num(`${path}.n_embed`);
    const L = doc.num(`${path}.n_layer`);
    if (!positiveWidth(d) || !positiveWidth(L, 1024)) return undefined;
    const vocab = doc.has(`${path}.vocab_size`) ? doc.num(`${path}.vocab_size`) : BERT_VOCAB;
    const positions = doc.has(`${path}.max_seq_len`) ? doc.num(`${path}.max_seq_len`) : TEXT_POSITIONS;
    if (!positiveWidth(vocab, 1e7) || !positiveWidth(positions, 1e6)) return undefined;
    const w = X_TRANSFORMER_ATTENTION_WIDTH;
    const layer = 3 * d * w + (w * d + d) + (d * 4 * d + 4 * d) + (4 * d * d + d) + 4 * d;
    return vocab * d + positions * d + L * layer + 2 * d + (d * vocab + vocab);
  }
  if (cls === 'ClassEmbedder') {
    const d = doc.num(`${path}.embed_dim`);
    const n = doc.has(`${path}.n_classes`) ? doc.num(`${path}.n_classes`) : 1000;
    return positiveWidth(d) && positiveWidth(n, 1e7) ? d * n : undefined;
  }
  if (cls === 'FrozenCLIPEmbedder' && !doc.has(`${path}.version`)) return CLIP_L_TEXT;
  return undefined;
}

/** What a conditioning or first-stage slot holds when it is not a config: the first stage itself, or nothing. */
const NO_EXTRA_NETWORK = new Set(['__is_first_stage__', '__is_unconditional__']);

/**
 * The module a diffusion config builds: its UNet (`unet_config`), plus the first-stage autoencoder and the
 * conditioning encoder where the config sizes them. Undefined when the UNet cannot be counted.
 */
export function diffusionModuleSize(doc: ConfigDoc): DiffusionModuleSize | undefined {
  const unetTarget = doc.str('model.params.unet_config.target') ?? '';
  // ControlNet's `ControlledUnetModel` is a UNetModel whose forward adds the control branch's outputs: same layout.
  if (!/(^|\.)(?:UNetModel|ControlledUnetModel)$/.test(unetTarget)) return undefined;
  const unet = unetParams(doc, 'model.params.unet_config.params');
  if (unet === undefined) return undefined;
  const parts = [`UNet ${millions(unet)}`];
  const unsized: string[] = [];
  let total = unet;
  const slot = (
    key: string,
    what: string,
    count: (d: ConfigDoc, path: string, target: string) => number | undefined,
  ) => {
    const at = doc.get(`model.params.${key}`);
    if (!at || (at.shape === 'scalar' && NO_EXTRA_NETWORK.has(String(at.value)))) return;
    const target = doc.str(`model.params.${key}.target`);
    const n = target ? count(doc, `model.params.${key}.params`, target) : undefined;
    if (n === undefined) unsized.push(`${what}${target ? ` (${target.split('.').pop()})` : ''}`);
    else {
      total += n;
      parts.push(`${what} ${millions(n)}`);
    }
  };
  slot('control_stage_config', 'control branch', (d, p, target) =>
    /(^|\.)ControlNet$/.test(target) ? controlBranchParams(d, p) : undefined,
  );
  slot('first_stage_config', 'first stage', autoencoderParams);
  slot('cond_stage_config', 'conditioning encoder', conditionerParams);
  const detail = `${parts.join(' + ')} = ${millions(total)}${unsized.length > 0 ? `; not sized from this config: ${unsized.join(', ')}` : ''}`;
  return { params: total, detail };
}

/** Past this many conditioning embedders a conditioner is not one anyone writes: not read further. */
const MAX_EMBEDDERS = 32;

/**
 * The network a generative-models (sgm) `DiffusionEngine` trains or samples from: its `network_config` UNet, plus the
 * conditioning embedders marked `is_trainable: True` that the config sizes. The engine freezes its first stage (the
 * autoencoder it encodes to latents with) and every embedder not marked trainable (sgm/models/diffusion.py,
 * DiffusionEngine._init_first_stage; sgm/modules/encoders/modules.py, GeneralConditioner), so those are not counted.
 * Undefined when the network is not the openaimodel UNet or cannot be counted.
 */
export function sgmEngineSize(doc: ConfigDoc): DiffusionModuleSize | undefined {
  const target = doc.str('model.params.network_config.target') ?? '';
  if (!/(^|\.)UNetModel$/.test(target)) return undefined;
  const unet = sgmUnetParams(doc, 'model.params.network_config.params');
  if (unet === undefined) return undefined;
  const parts = [`UNet ${millions(unet)}`];
  const unsized: string[] = [];
  let total = unet;
  const list = 'model.params.conditioner_config.params.emb_models';
  for (let i = 0; i < MAX_EMBEDDERS && doc.has(`${list}.${i}`); i++) {
    if (!flag(doc, `${list}.${i}.is_trainable`)) continue;
    const embedder = doc.str(`${list}.${i}.target`);
    const n = embedder ? conditionerParams(doc, `${list}.${i}.params`, embedder) : undefined;
    const name = embedder?.split('.').pop() ?? 'embedder';
    if (n === undefined) unsized.push(`trainable ${name}`);
    else {
      total += n;
      parts.push(`trainable ${name} ${millions(n)}`);
    }
  }
  const detail = `${parts.join(' + ')} = ${millions(total)}; the frozen first stage and frozen embedders not counted${unsized.length > 0 ? `; not sized from this config: ${unsized.join(', ')}` : ''}`;
  return { params: total, detail };
}

function millions(n: number): string {
  return n >= 1e9 ? `${(n / 1e9).toFixed(2)}B` : `${(n / 1e6).toFixed(1)}M`;
}
