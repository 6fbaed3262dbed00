import { allAccelerators, allRegions, findAccelerator, findInstance, findRegion } from '../knowledge';
import type { EstimateSettings, Overrides } from '../runSpec';
import { printable } from '../report/neutralise';

/**
 * Region and accelerator ids given by people (flags, settings, `.greenai.json`, directives) are
 * checked against the catalogs before anything is estimated: a typo (`eu-nort-1`, `Z9000`) must be
 * an error naming the value and the nearest known ids, never a silent fallback to a default that
 * lets a budget gate pass.
 */

/** Ids longer than this are not compared letter by letter (a 100k-character value would be quadratic). */
const MAX_COMPARED_LENGTH = 64;

const key = (id: string) =>
  id
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length];
}

function closest(id: string, names: ReadonlyArray<{ id: string; keys: readonly string[] }>, count: number): string[] {
  const k = key(id);
  if (k.length === 0 || k.length > MAX_COMPARED_LENGTH) return names.slice(0, count).map((n) => n.id);
  return names
    .map((n) => ({ id: n.id, d: Math.min(...n.keys.map((x) => editDistance(k, key(x)))) }))
    .sort((a, b) => a.d - b.d || a.id.localeCompare(b.id))
    .slice(0, count)
    .map((x) => x.id);
}

export function closestRegionIds(id: string, count = 5): string[] {
  return closest(
    id,
    allRegions().map((r) => ({ id: r.id, keys: [r.id] })),
    count,
  );
}

export function closestAcceleratorIdsBounded(id: string, count = 5): string[] {
  return closest(
    id,
    allAccelerators().map((a) => ({ id: a.id, keys: [a.id, ...a.aliases] })),
    count,
  );
}

/** A value as quoted in a message: control characters removed, long values cut. */
function quoted(value: string): string {
  const shown = printable(value);
  return `"${shown.length > 80 ? `${shown.slice(0, 80)}…` : shown}"`;
}

/** Null when `id` is a known region (or "world"); else a message naming it and the nearest ids. */
export function unknownRegionMessage(id: string, where: string): string | null {
  if (id.trim() === '')
    return `${where}: the region is empty; use an ISO country code (FR, US), a cloud region (us-east-1, europe-west4, westeurope) or "world"`;
  if (findRegion(id)) return null;
  return `${where}: unknown region ${quoted(id)}; closest known ids: ${closestRegionIds(id).join(', ')} (or an ISO country code, or "world")`;
}

/** Null when `id` is a known accelerator (or, where `instances` allows, a cloud instance type). */
export function unknownAcceleratorMessage(id: string, where: string, instances = false): string | null {
  if (id.trim() === '')
    return `${where}: the accelerator is empty; use a catalog id or alias, e.g. H100, A100-80GB, TPUv4`;
  if (findAccelerator(id) || (instances && findInstance(id))) return null;
  return `${where}: unknown accelerator ${quoted(id)}; closest known ids: ${closestAcceleratorIdsBounded(id).join(', ')}`;
}

/** Every unknown id among the settings and overrides an estimate would use. */
export function unknownIdsIn(
  settings: EstimateSettings,
  overrides: Overrides,
  where: { settings: string; overrides: string },
): string[] {
  const out: string[] = [];
  const push = (m: string | null) => {
    if (m) out.push(m);
  };
  if (overrides.region !== undefined) push(unknownRegionMessage(overrides.region, `${where.overrides} region`));
  else push(unknownRegionMessage(settings.region, `${where.settings} region`));
  if (overrides.accelerator !== undefined)
    push(unknownAcceleratorMessage(overrides.accelerator, `${where.overrides} accelerator`));
  push(unknownAcceleratorMessage(settings.defaultAccelerator, `${where.settings} accelerator`));
  return out;
}
