import type { DocumentedLaunch } from '../extract/documentedLaunch';
import type { Fact } from '../facts';
import { extractShellFacts } from '../extract/shellFacts';

/**
 * A program whose own default config is not in the repository (`--base` defaulting to `base_config.yaml`, a file
 * nobody committed), documented only as launched with configs that are runs themselves ("python train.py --base
 * configs/large-train.yaml"): a config-driven program. Run with its default it would stop at the missing file; what
 * it runs is each config, which the report lists. So the program is left out, as a program that requires its config
 * is (python/entryPoint.ts), instead of being listed once more with the configs' settings missing.
 */

/** What the rule needs of an analysed file. */
export interface ProgramFile {
  readonly path: string;
  readonly display: string;
  readonly facts: readonly Fact[];
  readonly runs: number;
}

/** Documented launches looked at per program. */
const MAX_LAUNCHES = 32;

/**
 * Why the program is no run of its own (a config-driven program whose default config is missing), or undefined.
 * `resolve(fromPath, reference)` finds a repository file (undefined when there is none); `isRunConfig(path)` says
 * whether a file is listed with runs of its own.
 */
export function documentedConfigProgramReason(
  program: ProgramFile,
  launches: readonly DocumentedLaunch[] | undefined,
  docPathOf: (display: string) => string,
  resolve: (fromPath: string, reference: string) => string | undefined,
  isRunConfig: (path: string) => boolean,
  displayOf: (path: string) => string,
): string | undefined {
  if (program.runs === 0 || !launches || launches.length === 0 || !/\.py$/i.test(program.path)) return undefined;
  // Its own default config (read from its code, not from a file it links), missing from the repository.
  const missing = program.facts.find(
    (f) =>
      f.kind === 'link.config' &&
      f.file === undefined &&
      typeof f.value === 'string' &&
      !/[$*{]/.test(f.value) &&
      resolve(program.path, f.value) === undefined,
  );
  if (!missing) return undefined;
  const base = program.path.slice(program.path.lastIndexOf('/') + 1);
  const runConfigs: string[] = [];
  for (const launch of launches.slice(0, MAX_LAUNCHES)) {
    const stated = extractShellFacts(launch.command);
    if (!stated.some((f) => f.kind === 'link.script' && String(f.value).endsWith(base))) continue;
    const doc = docPathOf(launch.file);
    const configs = stated.flatMap((f) =>
      f.kind === 'link.config' && typeof f.value === 'string' ? (resolve(doc, f.value) ?? []) : [],
    );
    // Every documented launch of the program passes a config that is a run; one that passes none (or only a
    // fragment) runs the program itself, which then stays listed.
    const run = configs.find(isRunConfig);
    if (!run) return undefined;
    if (!runConfigs.includes(run)) runConfigs.push(run);
  }
  if (runConfigs.length === 0) return undefined;
  const shown = runConfigs.slice(0, 3).map(displayOf).join(', ');
  return `a config-driven program: its default config ${String(missing.value)} is not in the repository; the configs its documented launches pass (${shown}${runConfigs.length > 3 ? ', …' : ''}) are the runs`;
}
