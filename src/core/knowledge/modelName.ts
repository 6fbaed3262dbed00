import { findModel } from './index';
import { fromModelScopeFolder } from './modelScopeFolder';

/**
 * The size a model's name states (`Qwen3-4B`, `llama-7b`, `pythia-1.4b-deduped`, `opt-125m`,
 * `Mixtral-8x7B`, torchtune's `llama3_2_1b`, `qwen2_5_0_5b`), for ids that have no catalog row.
 * Model families name their checkpoints by parameter count, rounded: the figure is what the name says,
 * not a measurement, so estimates from it carry a wider range (NAME_SIZE_SPREAD).
 */

export interface NamedSize {
  /** Total parameters the name states. */
  readonly params: number;
  /** For `NxM` mixture-of-experts names: an upper bound on the parameters active per token is not stated; see `experts`. */
  readonly experts?: number;
  /** Parameters active per token, where the name states them (Qwen's `30B-A3B`). */
  readonly active?: number;
  /** The part of the name it was read from, e.g. "4B" or "8x7B". */
  readonly text: string;
  /** Where that part starts in the name. */
  readonly index?: number;
}

/**
 * How far a rounded name can be from the true count: the largest deviation among the catalog rows
 * whose id states a size (each row sourced from its model card or config.json; Gemma 2 2B has 2.61B
 * parameters, ×1.31 its name), rounded up. A unit test re-checks it against every such row, so a
 * catalog row that breaks it fails the tests. The range of an estimate from a name widens by it each way.
 */
export const NAME_SIZE_SPREAD = 1.35;

/**
 * Vision Transformers are named by a size word, not a count (`mae_vit_large_patch16`, `deit_small_patch16_224`,
 * `ViT-H/14`, `dinov2_vitg14`): each word is one fixed architecture (ViT paper, Dosovitskiy et al. 2021, Table 1:
 * Base/Large/Huge; DeiT, Touvron et al. 2021, Table 1: Tiny/Small; giant: Zhai et al. 2022 / DINOv2). The size is
 * that of the catalog's sourced row of the standard variant (the row ids are below); a model built around the
 * encoder (an MAE decoder, a detection head) is larger by a few percent, inside NAME_SIZE_SPREAD.
 */
export const VIT_VARIANT_ROWS: Readonly<Record<string, string>> = {
  tiny: 'timm/vit_tiny_patch16_224',
  small: 'timm/vit_small_patch16_224',
  base: 'timm/vit_base_patch16_224',
  large: 'timm/vit_large_patch16_224',
  huge: 'google/vit-huge-patch14-224-in21k',
  giant: 'facebook/dinov2-giant',
};
const VIT_WORD: Record<string, string> = {
  ti: 'tiny',
  s: 'small',
  b: 'base',
  l: 'large',
  h: 'huge',
  g: 'giant',
};
/** `vit_large`, `vit-l-16`, `ViT-L/14`, `vitl14`, `deit_small`, `deit3_base`: the size word after the family name. */
// A one-letter variant glued to the word (`vits14`, `vitb16`) is followed by its patch size: a bare `vits`/`VITS` is
// the VITS text-to-speech model (Kim et al. 2021), not a ViT-S.
const VIT_VARIANT =
  /(?:^|[^a-z])(?:vit|deit3?)(?:[-_]?(tiny|small|base|large|huge|giant)(?=$|[^a-z])|[-_](ti|s|b|l|h|g)(?=$|[^a-z])|(ti|s|b|l|h|g)(?=\d))/i;

/**
 * Architectures of their own named "<word>-ViT", with size words of their own: Next-ViT (Li et al. 2022,
 * arXiv:2207.05501; Next-ViT-L is 58M), MobileViT (Mehta & Rastegari 2021, arXiv:2110.02178), EfficientViT (Cai et al.
 * 2022, arXiv:2205.14756; Liu et al. 2023, arXiv:2305.07027), FastViT (Vasu et al. 2023, arXiv:2303.14189), FasterViT
 * (Hatamizadeh et al. 2023, arXiv:2306.06189), EdgeViTs (Pan et al. 2022, arXiv:2205.03436) and GC ViT (Hatamizadeh
 * et al. 2022, "Global Context Vision Transformers", arXiv:2206.09959: GC ViT-T 28M, -S 51M, -B 90M, -L 201M by the
 * nvidia/GCViT model card, written `gc_vit_tiny` in its configs; catalogued), written with a separator (`dpt_next_vit_large_384`): their "large" is not ViT-L. A
 * method's prefix (`mae_vit_large`, `dino_vit`) is.
 */
const OWN_VIT_FAMILY = /(?:^|[^a-z])(?:next|mobile|efficient|fast|faster|edge|gc)[-_]$/i;

/** Names of two towers, image and text (CLIP, SigLIP, DINOv2's dino.txt): a ViT word in them sizes only the image one. */
const TWO_TOWERS = /clip|siglip|txt|text/i;

/**
 * A name that states a ViT variant for one of two towers (`dinov2_vitl14_reg4_dinotxt_tet1280d20h24l`): an
 * architecture by name whose whole size the name does not state.
 */
export function namesTwoTowerVit(name: string | null | undefined): boolean {
  return !!name && name.length <= 300 && TWO_TOWERS.test(name) && VIT_VARIANT.test(name);
}

/** The standard ViT variant a name states (`large`), if it states one. */
export function vitVariantOf(name: string | null | undefined): { variant: string; text: string } | undefined {
  // CLIP-style names (`open_clip:ViT-L-16`, `clip-vit-large-patch14`, SigLIP, DINOv2's `…_vitl14_reg4_dinotxt_…`) name
  // two towers, image and text: the ViT word sizes only one of them.
  if (!name || name.length > 300 || TWO_TOWERS.test(name)) return undefined;
  const m = VIT_VARIANT.exec(name);
  if (!m) return undefined;
  // The text before `vit` (its separator included): a family of its own names its sizes itself.
  const before = name.slice(Math.max(0, m.index - 12), m.index + (/^[^a-z]/i.test(m[0]) ? 1 : 0));
  if (OWN_VIT_FAMILY.test(before)) return undefined;
  const word = (m[1] ?? m[2] ?? m[3]).toLowerCase();
  return { variant: VIT_WORD[word] ?? word, text: m[0].replace(/^[^a-z]/i, '') };
}

const UNIT: Record<string, number> = { m: 1e6, b: 1e9 };

/** A size right after these words counts data, not parameters (`laion2B-39B`, `step-1431k-3T`, `tokens-300B`). */
const DATA_WORD = /(laion\d*[bm]?|tokens?|data|step|steps|ckpt|iter)$/i;

/**
 * A size token: digits, optionally a decimal part written with `.`, `_` or `p` (torchtune writes
 * `0_5b`, some hubs `1p5b`), then a unit, standing alone between separators. A leading `NxM` names
 * experts. Context lengths (`4k`, `128k`) and versions (`v0.1`, `3.1`) are not sizes.
 */
const SIZE_TOKEN = /(?:^|[-_/.\s])(?:(\d{1,3})x)?(\d{1,4}(?:[._p]\d{1,3})?)([mb])(?=$|[-_/.\s])/gi;

/**
 * The unit written where the decimal point goes, as BigScience names its models (`bigscience/bloom-7b1` is 7.1B,
 * `bloom-1b7` 1.7B, its training runs `tr11b-1B3-ml`, `tr13f-6b3-mtf`): digits, `b`, one digit, standing alone.
 */
const UNIT_AS_POINT = /(?:^|[-_/.\s])(\d{1,3})[bB](\d)(?=$|[-_/.\s])/;

/**
 * A size written straight after a chat model's family word, without a separator (`Llama7B_adapter`,
 * `Vicuna13B`): read only after these words and with a capital `B`, as a person writes a size (a lower-case
 * `llama1b_%date` is a run's tag), where the digits cannot be a version or a variant.
 */
const GLUED_SIZE =
  /(?:^|[-_/.\s])(?:[Ll]lama|LLaMA|LLAMA|[Vv]icuna|[Aa]lpaca|[Bb]aichuan|[Qq]wen)(\d{1,3}(?:\.\d{1,2})?)B(?=$|[-_/.\s])/;

export function sizeFromModelName(name: string | null | undefined): NamedSize | undefined {
  const read = name ? fromModelScopeFolder(name) : name;
  return sizeFromCount(read) ?? sizeFromVitVariant(read) ?? sizeFromDitVariant(read);
}

/**
 * Diffusion transformers are named as DiT named them: a family word, a size word and the patch size (`DiT-XL/2`,
 * `SiT-B/4`, `Latte-XL/2`, `PixArt_XL_2`). Each size word is one fixed geometry (DiT, Peebles & Xie 2023,
 * arXiv:2212.09748, Table 1: S 12 layers × 384, B 12 × 768, L 24 × 1024, XL 28 × 1152); the patch size barely
 * changes the count. Parameters as published for DiT's own blocks (SiT, Ma et al. 2024, arXiv:2401.08740, Table 1,
 * "Params (M)": 33, 130, 458, 675). A model of the family with its own conditioning (cross-attention to a text
 * encoder, one shared adaLN) differs by a few percent to a tenth (PixArt-α's XL/2 is 0.6B), inside NAME_SIZE_SPREAD.
 */
export const DIT_VARIANT_PARAMS: Readonly<Record<string, number>> = { S: 33e6, B: 130e6, L: 458e6, XL: 675e6 };
/**
 * A capitalised family word, then the size word in capitals and a patch size of 1, 2, 4 or 8: `-XL/2` or `-XL-2`
 * (Hub ids), or `_XL_2` (builder names). Mixed separators (`TinyBERT_L-4`, layer counts) are not this shape.
 */
const DIT_VARIANT = /(?:^|[^A-Za-z0-9])([A-Z][A-Za-z]{1,20})(?:-(XL|L|B|S)[-/]|_(XL|L|B|S)_)([1248])(?![A-Za-z0-9])/;
/** Every way the variant can be written (`ditVariantOf` cannot hold on a text without one): prefilter words. */
export const DIT_VARIANT_WORDS: readonly string[] = ['XL', 'L', 'B', 'S'].flatMap((v) => [
  `-${v}/`,
  `-${v}-`,
  `_${v}_`,
]);

/** The DiT size a name states (`Latte-XL/2` → XL), if it states one. */
export function ditVariantOf(name: string | null | undefined): { variant: string; text: string } | undefined {
  if (!name || name.length > 300) return undefined;
  const m = DIT_VARIANT.exec(name);
  if (!m) return undefined;
  const variant = m[2] ?? m[3];
  return { variant, text: `${m[1]}-${variant}/${m[4]}` };
}

function sizeFromDitVariant(name: string | null | undefined): NamedSize | undefined {
  const named = ditVariantOf(name);
  if (!named) return undefined;
  return { params: DIT_VARIANT_PARAMS[named.variant], text: `${named.text} (DiT-${named.variant})` };
}

/** A ViT size word (`mae_vit_large_patch16`): the size of the catalog row of that standard variant. */
function sizeFromVitVariant(name: string | null | undefined): NamedSize | undefined {
  const named = vitVariantOf(name);
  const row = named && findModel(VIT_VARIANT_ROWS[named.variant]);
  if (!named || !row) return undefined;
  return { params: row.params, text: `${named.text} (ViT-${named.variant}, as ${row.id})` };
}

function sizeFromCount(name: string | null | undefined): NamedSize | undefined {
  if (!name || name.length > 300) return undefined;
  let best: NamedSize | undefined;
  for (const m of name.matchAll(SIZE_TOKEN)) {
    if (best) break;
    const before =
      name
        .slice(0, m.index)
        .split(/[-_/.\s]/)
        .pop() ?? '';
    if (DATA_WORD.test(before)) continue;
    // `Qwen1.5-MoE-A2.7B`: `.7B` after a digit is the decimal tail of another token (the active size), not a size.
    const index = m.index ?? 0;
    if (name[index] === '.' && index > 0 && /\d/.test(name[index - 1])) continue;
    const experts = m[1] ? Number(m[1]) : undefined;
    const unit = UNIT[m[3].toLowerCase()];
    // `smolvlm_025b`, `qwen_05b`: a leading zero before more digits is the decimal point left out (0.25B, 0.5B).
    const digits = /^0\d+$/.test(m[2]) ? `0.${m[2].slice(1)}` : m[2].replace(/[_p]/i, '.');
    const value = Number(digits) * unit;
    // Below 1M a "model" is a toy, above 10T no published model: not a size then (a date, a step count).
    const total = experts ? value * experts : value;
    if (!Number.isFinite(total) || total < 1e6 || total > 1e13) continue;
    // The first size a name states is the model's; later ones count data or steps (`1.1B-…-3T`).
    best = {
      params: total,
      ...(experts ? { experts } : {}),
      text: m[0].replace(/^[-_/.\s]/, ''),
      index: (m.index ?? 0) + (m[0].length - m[0].replace(/^[-_/.\s]/, '').length),
    };
  }
  // `Llama-4-Scout-17B-16E`: the size is the parameters active per token across 16 experts; the total is not in the name.
  if (best && /^\d+E(?=$|[-_/.\s])/i.test(name.slice((best.index ?? 0) + best.text.length + 1))) return undefined;
  const active = /(?:^|[-_])A(\d{1,3}(?:\.\d)?)B(?=$|[-_/.\s])/i.exec(name);
  if (best && active) {
    const activeParams = Number(active[1]) * 1e9;
    if (activeParams < best.params)
      best = { ...best, active: activeParams, text: `${best.text}-${active[0].replace(/^[-_]/, '')}` };
  }
  if (!best) {
    const decimal = UNIT_AS_POINT.exec(name);
    if (decimal)
      best = {
        params: Number(`${decimal[1]}.${decimal[2]}`) * 1e9,
        text: decimal[0].replace(/^[-_/.\s]/, ''),
        index: decimal.index + decimal[0].length - decimal[1].length - 2,
      };
  }
  if (!best) {
    const glued = GLUED_SIZE.exec(name);
    if (glued)
      best = {
        params: Number(glued[1]) * 1e9,
        text: `${glued[1]}B`,
        index: (glued.index ?? 0) + glued[0].length - glued[1].length - 1,
      };
  }
  return best;
}

/**
 * A checkpoint published already quantised to 4 bits or fewer: AWQ (4-bit weights, Lin et al. 2023, arXiv:2306.00978),
 * GPTQ uploads (4-bit unless named `-Int8`, the Qwen and TheBloke naming), AQLM (2-bit), bitsandbytes `-bnb-4bit`
 * copies and `-Int4` exports. LoRA on one trains over a low-bit base.
 */
const FOUR_BIT_CHECKPOINT = /(?:^|[-_/.])(?:gptq(?![-_.]int8)|awq|aqlm|bnb-4bit|4bit|int4)(?:[-_.]|$)/i;

export function isFourBitCheckpoint(id: string): boolean {
  return id.length <= 300 && FOUR_BIT_CHECKPOINT.test(id);
}

/**
 * A model served only through its provider's API, whose weights are not published: OpenAI's GPT-3.5/GPT-4 families
 * and o-series reasoning models, its legacy `davinci` completions models, Anthropic's Claude and Google's Gemini
 * (their open-weight siblings are other names: `gpt2`, `gpt-j`, `gpt-neo`, `gpt-oss-20b`, Gemma). A program handed one
 * is a client of that API: nothing of it runs on the hardware the estimate is for.
 */
const HOSTED_API_MODEL =
  /^(?:openai\/)?(?:gpt-3\.5[\w.-]*|gpt-4[\w.-]*|o[134](?:-mini|-preview|-pro)?(?:-\d{4}-\d{2}-\d{2})?|(?:text|code)-davinci-\d{3}|davinci(?:-\d{3})?|claude-[\w.-]+|gemini-[\w.-]+)$/i;

export function isHostedApiModel(name: string): boolean {
  return name.length <= 100 && HOSTED_API_MODEL.test(name.trim());
}
