import type { Fact } from '../facts';
import { describeScoreNet, scoreNetParams, scoreNetSettingsOf, type SettingValue } from './scoreSdeParams';

/**
 * An ml_collections config built on another (`config = get_default_configs()` from a defaults module, then
 * `config.model.nf = 128`): the ConfigDict the program gets is the base's fields with the config's assignments over
 * them (ml_collections ConfigDict is a mutable dict of fields; an assignment replaces the field). The sizing fields
 * each side sets (`mlc.setting`, read in python/readers/mlCollections.ts; the base's reach this file through the link
 * that names its function) are composed in that order, and the network is sized from the result when all the fields
 * the count needs are known. A field neither sets leaves the size unknown.
 */

/** Sizing fields composed per run (a config sets a few dozen). */
const MAX_SETTINGS = 500;

function parsed(f: Fact): SettingValue {
  if (f.detail.length > 2_000) return undefined;
  try {
    const v: unknown = JSON.parse(f.detail);
    if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') return v;
    return Array.isArray(v) && v.every((x) => typeof x === 'number') ? v : undefined;
  } catch {
    return undefined;
  }
}

export function mlCollectionsRunFacts(read: readonly Fact[]): Fact[] {
  if (read.some((f) => f.kind === 'model.params')) return [];
  const settings = read.filter((f) => f.kind === 'mlc.setting' && typeof f.value === 'string').slice(0, MAX_SETTINGS);
  // Composed from at least two files: the config and the one it starts from (one alone was sized when it was read).
  if (new Set(settings.map((f) => f.file ?? '')).size < 2) return [];
  // `read` holds the file's own facts, then each linked file's before those of the files it links to: the deepest
  // base first, each nearer config's fields over it.
  const fields = new Map<string, { fact: Fact; value: SettingValue }>();
  for (const f of [...settings].reverse()) fields.set(String(f.value), { fact: f, value: parsed(f) });
  const net = scoreNetSettingsOf((key) => fields.get(key)?.value);
  const params = net ? scoreNetParams(net) : undefined;
  if (!net || params === undefined) return [];
  const anchor = fields.get('model.name')!.fact;
  const files = [...new Set([...fields.values()].map((x) => x.fact.file ?? 'this file'))];
  return [
    {
      kind: 'model.params',
      value: params,
      range: anchor.range,
      confidence: 'medium',
      detail: `get_config() over the config it starts from (${files.join(', ')}): ${describeScoreNet(net, params)}`,
      ...(anchor.file !== undefined ? { file: anchor.file } : {}),
    },
  ];
}
