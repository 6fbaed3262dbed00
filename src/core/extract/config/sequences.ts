import type { ConfigDoc } from './dialect';

/**
 * Bounded readers of short lists in a config (per-level widths, depths, attention switches): the sizing modules
 * count networks from them, and a hostile file's list of thousands must cost nothing.
 */

/** The most items a per-level list may hold (real networks have 2–6 levels). */
export const MAX_LEVELS = 12;
/** The widest layer taken as a width (larger values are not a network's). */
export const MAX_WIDTH = 65_536;

export function positiveWidth(n: number | undefined, max = MAX_WIDTH): n is number {
  return n !== undefined && Number.isInteger(n) && n > 0 && n <= max;
}

/**
 * A list of positive integers at `path` (a YAML/JSON sequence; with `scalar`, also one number as a list of one),
 * else undefined: an item that is not one, or more than MAX_LEVELS items, or none unless `allowEmpty`.
 */
export function intList(
  doc: ConfigDoc,
  path: string,
  options: { readonly scalar?: boolean; readonly allowEmpty?: boolean } = {},
): number[] | undefined {
  const at = doc.get(path);
  if (!at) return undefined;
  if (at.shape === 'scalar' && options.scalar !== false) {
    const n = doc.num(path);
    return positiveWidth(n) ? [n] : undefined;
  }
  if (at.shape !== 'seq') return undefined;
  const out: number[] = [];
  for (let i = 0; i <= MAX_LEVELS; i++) {
    if (!doc.has(`${path}.${i}`)) break;
    const n = doc.num(`${path}.${i}`);
    if (!positiveWidth(n)) return undefined;
    out.push(n);
  }
  if (out.length > MAX_LEVELS || (out.length === 0 && !options.allowEmpty)) return undefined;
  return out;
}

/** A list of booleans at `path` (`[True, false]`), capped at MAX_LEVELS; undefined where an item is not one. */
export function flagList(doc: ConfigDoc, path: string): boolean[] | undefined {
  if (doc.get(path)?.shape !== 'seq') return undefined;
  const out: boolean[] = [];
  for (let i = 0; i <= MAX_LEVELS; i++) {
    if (!doc.has(`${path}.${i}`)) break;
    const v = doc.get(`${path}.${i}`)?.value;
    if (v === true || v === 'true' || v === 'True') out.push(true);
    else if (v === false || v === 'false' || v === 'False') out.push(false);
    else return undefined;
  }
  return out.length > MAX_LEVELS ? undefined : out;
}
