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
}

/**
 * Rounded names are within about ±25% of the true count in the families we checked against their
 * config.json files (Llama 2 7B = 6.74B, Qwen2.5 0.5B = 0.49B, Pythia 1.4B = 1.41B, OPT-125m = 125M):
 * the range of an estimate from a name widens by this factor each way.
 */
export const NAME_SIZE_SPREAD = 1.25;

const UNIT: Record<string, number> = { k: 1e3, m: 1e6, b: 1e9, t: 1e12 };

/**
 * A size token: digits, optionally a decimal part written with `.`, `_` or `p` (torchtune writes
 * `0_5b`, some hubs `1p5b`), then a unit, standing alone between separators. A leading `NxM` names
 * experts. Context lengths (`4k`, `128k`) and versions (`v0.1`, `3.1`) are not sizes.
 */
const SIZE_TOKEN = /(?:^|[-_/.\s])(?:(\d{1,3})x)?(\d{1,4}(?:[._p]\d{1,3})?)([mbt])(?=$|[-_/.\s])/gi;

export function sizeFromModelName(name: string | null | undefined): NamedSize | undefined {
  if (!name || name.length > 300) return undefined;
  let best: NamedSize | undefined;
  for (const m of name.matchAll(SIZE_TOKEN)) {
    const experts = m[1] ? Number(m[1]) : undefined;
    const unit = UNIT[m[3].toLowerCase()];
    const value = Number(m[2].replace(/[_p]/i, '.')) * unit;
    // Below 1M a "model" is a toy, above 10T no published model: not a size then (a date, a step count).
    const total = experts ? value * experts : value;
    if (!Number.isFinite(total) || total < 1e6 || total > 1e13) continue;
    // Where a name states two sizes (a draft and a target, `7b-to-70b`), the last is the model's own.
    best = { params: total, ...(experts ? { experts } : {}), text: m[0].replace(/^[-_/.\s]/, '') };
  }
  const active = /(?:^|[-_])A(\d{1,3}(?:\.\d)?)B(?=$|[-_/.\s])/i.exec(name);
  if (best && active) {
    const activeParams = Number(active[1]) * 1e9;
    if (activeParams < best.params) best = { ...best, active: activeParams, text: `${best.text}-${active[0].replace(/^[-_]/, '')}` };
  }
  return best;
}
