import type { Fact } from '../../facts';

/**
 * An experiment's overrides of a harness's defaults: `experiments/<method>/<name>/training_params.json`
 * holding only what differs (a learning rate, a step count) from `default_training_params.json` a folder
 * or a few above it, which names the model and the length. The harness merges the two, so the run is
 * both: the defaults file is linked (quietly, as it is only the usual place), and the file's own values win.
 * Only read for a config that names no model of its own: one that does defines its run by itself.
 *
 * The same layout with the defaults named `default.yaml` in the config's own folder and the folders above it
 * (`configs/imagenet/efficientvit_b1.yaml` over `configs/imagenet/default.yaml`: the program loads every
 * `default.<ext>` from the config's folder up and merges them, nearest last, under the config's own keys): the
 * nearest is linked first, as the nearest wins.
 */

/** Folders above the file where a harness keeps its defaults. */
const LEVELS_UP = 3;

/** The base name and extension of a config that may override defaults, or undefined (a defaults file itself). */
function overridingConfig(path: string): { base: string; extension: string } | undefined {
  const base = /[^/\\]+$/.exec(path)?.[0];
  const extension = base ? /\.(ya?ml|json)$/i.exec(base)?.[0] : undefined;
  return base && extension && !/^defaults?[_.-]/i.test(base) ? { base, extension } : undefined;
}

/** Where a harness's defaults of a config would be, relative to it (`../default_training_params.json`, …). */
function namedDefaults(base: string): string[] {
  return Array.from({ length: LEVELS_UP }, (_, i) => `${'../'.repeat(i + 1)}default_${base}`);
}

/** Where the defaults of a config at `path` would be, relative to it: the harness's, then the folders' `default.yaml`. */
export function defaultsFileReferences(path: string): string[] {
  const config = overridingConfig(path);
  if (!config) return [];
  const folders = Array.from({ length: LEVELS_UP + 1 }, (_, i) => `${'../'.repeat(i)}default${config.extension}`);
  return [...namedDefaults(config.base), ...folders];
}

/**
 * Whether a harness's defaults file for the config at `path` (an absolute POSIX path) is among `paths`: the folder
 * scan then reads the config even when it holds no word a config reader reads (only `{"optimizer_kwargs": …}`).
 * A folder's `default.yaml` does not: the configs beside it are read when they hold such words, as any config is.
 */
export function hasDefaultsFile(path: string, paths: { has(path: string): boolean }): boolean {
  const config = overridingConfig(path);
  if (!config) return false;
  const parts = path.slice(0, path.lastIndexOf('/')).split('/');
  return namedDefaults(config.base).some((reference) => {
    const up = reference.split('../').length - 1;
    return parts.length > up && paths.has(`${parts.slice(0, parts.length - up).join('/')}/${reference.slice(3 * up)}`);
  });
}

export function defaultsFileLinks(path: string, facts: readonly Fact[]): Fact[] {
  if (facts.some((f) => f.kind === 'model.id' || f.kind === 'model.layers' || f.kind.startsWith('link.'))) return [];
  const range = { startLine: 0, startCol: 0, endLine: 0, endCol: 0 };
  const links: Fact[] = [];
  for (const reference of defaultsFileReferences(path)) {
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
