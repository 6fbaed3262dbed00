/**
 * Parameter counts of the super-resolution generators of BasicSR (github.com/XPixelGroup/BasicSR,
 * `basicsr/archs/`), built by name from an option file's `network_g: {type: ..., <kwargs>}` (or by a script
 * that calls the class with keywords). Each count is worked out from the architecture's layers as the arch
 * module writes them, with its keyword defaults; a keyword that is written but not a whole number leaves the
 * size unknown.
 */

/** A 3×3 convolution with bias: k·k·in·out weights + out biases. */
function conv3(inCh: number, outCh: number): number {
  return 9 * inCh * outCh + outCh;
}

type Args = Readonly<Record<string, number | undefined>>;

interface SrArch {
  /** Keyword defaults of the class (undefined: a required argument), in the order of its positional parameters. */
  readonly defaults: Readonly<Record<string, number | undefined>>;
  readonly params: (a: Readonly<Record<string, number>>) => number | undefined;
  readonly source: string;
}

/**
 * ESRGAN's RRDBNet (Wang et al. 2018, "ESRGAN", arXiv:1809.00219; basicsr/archs/rrdbnet_arch.py): conv_first, num_block
 * residual-in-residual dense blocks of three dense blocks (five 3×3 convolutions growing by num_grow_ch, the last back
 * to num_feat), conv_body, two ×2 upsampling convolutions, conv_hr and conv_last. Scale 2 and 1 feed the network a
 * pixel-unshuffled input (4× and 16× the channels).
 */
const RRDB_NET: SrArch = {
  defaults: { num_in_ch: undefined, num_out_ch: undefined, scale: 4, num_feat: 64, num_block: 23, num_grow_ch: 32 },
  params: (a) => {
    const f = a.num_feat;
    const g = a.num_grow_ch;
    const unshuffle = a.scale === 2 ? 4 : a.scale === 1 ? 16 : a.scale === 4 ? 1 : undefined;
    if (unshuffle === undefined) return undefined;
    const dense = conv3(f, g) + conv3(f + g, g) + conv3(f + 2 * g, g) + conv3(f + 3 * g, g) + conv3(f + 4 * g, f);
    return conv3(a.num_in_ch * unshuffle, f) + a.num_block * 3 * dense + 4 * conv3(f, f) + conv3(f, a.num_out_ch);
  },
  source: 'basicsr/archs/rrdbnet_arch.py (RRDBNet, ResidualDenseBlock); ESRGAN, arXiv:1809.00219',
};

/**
 * Real-ESRGAN's compact VGG-style generator (Wang et al. 2021, arXiv:2107.10833; basicsr/archs/srvgg_arch.py):
 * a first convolution and num_conv body convolutions of num_feat channels, each followed by its activation (PReLU
 * has num_feat weights), and a last convolution to num_out_ch·upscale² channels for the pixel shuffle.
 */
const SRVGG_NET_COMPACT: SrArch = {
  defaults: { num_in_ch: 3, num_out_ch: 3, num_feat: 64, num_conv: 16, upscale: 4 },
  params: (a) => {
    const f = a.num_feat;
    const body = conv3(a.num_in_ch, f) + a.num_conv * conv3(f, f);
    return body + (a.num_conv + 1) * f + conv3(f, a.num_out_ch * a.upscale * a.upscale);
  },
  source: 'basicsr/archs/srvgg_arch.py (SRVGGNetCompact, act_type prelu); Real-ESRGAN, arXiv:2107.10833',
};

/** A body of residual blocks without batch norm (basicsr/archs/arch_util.py ResidualBlockNoBN): two 3×3 convolutions each. */
function residualBlocks(count: number, feat: number): number {
  return count * 2 * conv3(feat, feat);
}

/**
 * EDSR (Lim et al. 2017, "Enhanced Deep Residual Networks for Single Image Super-Resolution", arXiv:1707.02921;
 * basicsr/archs/edsr_arch.py): conv_first, num_block residual blocks, conv_after_body, the Upsample module
 * (arch_util.py: one 3×3 convolution to 4·num_feat per ×2 step for a power-of-two scale, one to 9·num_feat for ×3)
 * and conv_last. res_scale, img_range and rgb_mean scale values and hold no parameters.
 */
const EDSR: SrArch = {
  defaults: { num_in_ch: undefined, num_out_ch: undefined, num_feat: 64, num_block: 16, upscale: 4 },
  params: (a) => {
    const f = a.num_feat;
    const s = a.upscale;
    const upsample =
      (s & (s - 1)) === 0 && s > 1 ? Math.log2(s) * conv3(f, 4 * f) : s === 3 ? conv3(f, 9 * f) : undefined;
    if (upsample === undefined) return undefined;
    return conv3(a.num_in_ch, f) + residualBlocks(a.num_block, f) + conv3(f, f) + upsample + conv3(f, a.num_out_ch);
  },
  source: 'basicsr/archs/edsr_arch.py (EDSR, Upsample, ResidualBlockNoBN); EDSR, arXiv:1707.02921',
};

/**
 * BasicSR's modified SRResNet (Ledig et al. 2017, "Photo-Realistic Single Image Super-Resolution Using a Generative
 * Adversarial Network", arXiv:1609.04802, without batch norm; basicsr/archs/srresnet_arch.py): conv_first, num_block
 * residual blocks, one upsampling convolution to num_feat·upscale² channels for ×2 and ×3 or two to 4·num_feat for ×4,
 * conv_hr and conv_last.
 */
const MSR_RESNET: SrArch = {
  defaults: { num_in_ch: 3, num_out_ch: 3, num_feat: 64, num_block: 16, upscale: 4 },
  params: (a) => {
    const f = a.num_feat;
    const s = a.upscale;
    const upsample = s === 2 || s === 3 ? conv3(f, f * s * s) : s === 4 ? 2 * conv3(f, 4 * f) : undefined;
    if (upsample === undefined) return undefined;
    return conv3(a.num_in_ch, f) + residualBlocks(a.num_block, f) + upsample + conv3(f, f) + conv3(f, a.num_out_ch);
  },
  source: 'basicsr/archs/srresnet_arch.py (MSRResNet, ResidualBlockNoBN); SRResNet, arXiv:1609.04802',
};

const ARCHS: Readonly<Record<string, SrArch>> = {
  RRDBNet: RRDB_NET,
  SRVGGNetCompact: SRVGG_NET_COMPACT,
  EDSR,
  MSRResNet: MSR_RESNET,
};

/** Whether `key` is one of the keywords of `type` its size is counted from (others scale values: `res_scale`, `rgb_mean`). */
export function isSizingKeyword(type: string, key: string): boolean {
  return isSizedSrArch(type) && Object.prototype.hasOwnProperty.call(ARCHS[type].defaults, key);
}

/** The class's parameters in positional order (a call may pass the first ones without keywords). */
export function srArchArgOrder(type: string): readonly string[] {
  return isSizedSrArch(type) ? Object.keys(ARCHS[type].defaults) : [];
}

/** Whether `type` names a generator this module can size. */
export function isSizedSrArch(type: string): boolean {
  return Object.prototype.hasOwnProperty.call(ARCHS, type);
}

/**
 * Parameters of `type` built with `args` (its keywords as written; a missing one takes the class default), or
 * undefined when the type is not known, a required keyword is missing or a value is not a positive whole number.
 * `act` is the activation keyword as written: SRVGGNetCompact's count holds for PReLU (its default) only.
 */
export function srArchParams(type: string, args: Args, act?: string): { params: number; source: string } | undefined {
  if (!isSizedSrArch(type)) return undefined;
  const arch = ARCHS[type];
  if (type === 'SRVGGNetCompact' && act !== undefined && act !== 'prelu') return undefined;
  const full: Record<string, number> = {};
  for (const [key, fallback] of Object.entries(arch.defaults)) {
    const v = args[key] ?? fallback;
    if (v === undefined || !Number.isInteger(v) || v <= 0 || v > 100_000) return undefined;
    full[key] = v;
  }
  const params = arch.params(full);
  return params !== undefined && Number.isFinite(params) ? { params, source: arch.source } : undefined;
}
