import type { Fact } from '../../facts';

/**
 * An experiment's overrides of a harness's defaults: `experiments/<method>/<name>/training_params.json`
 * holding only what differs (a learning rate, a step count) from `default_training_params.json` a folder
 * or a few above it, which names the model and the length. The harness merges the two, so the run is
 * both: the defaults file is linked (quietly, as it is only the usual place), and the file's own values win.
 * Only read for a config that names no model of its own: one that does defines its run by itself.
 */

/** Folders above the file where a harness keeps its defaults. */
const LEVELS_UP = 3;

export function defaultsFileLinks(path: string, facts: readonly Fact[]): Fact[] {
  if (facts.some((f) => f.kind === 'model.id' || f.kind === 'model.layers' || f.kind.startsWith('link.'))) return [];
  const base = /[^/\\]+$/.exec(path)?.[0];
  if (!base || /^defaults?[_-]/i.test(base)) return [];
  const range = { startLine: 0, startCol: 0, endLine: 0, endCol: 0 };
  const links: Fact[] = [];
  for (let up = 1; up <= LEVELS_UP; up++) {
    const reference = `${'../'.repeat(up)}default_${base}`;
    links.push({
      kind: 'link.config',
      value: reference,
      range,
      confidence: 'low',
      detail: `the harness defaults this file overrides (${reference}), if present`,
    });
  }
  return links;
}
