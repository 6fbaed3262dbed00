/**
 * OpenMMLab configs that nothing in the repository runs. An mmengine config is a run only through the runner it is
 * given to (`tools/train.py CONFIG`, `tools/dist_train.sh CONFIG 8`, a program beside the configs): a repository
 * that keeps a copy of another project's model zoo to read model dicts from (`analyze/mmpretrain_configs/configs/…`,
 * read by an analysis helper) has no runner for them, and its hundreds of configs are not runs of it.
 *
 * A config tree is the folder above a `configs` folder (its project: `detection/` for `detection/configs/x/y.py`).
 * It has a runner when that folder or one above it holds a training or testing program (`tools/train.py`,
 * `tools/dist_test.sh`, `train.py`, `main.py`), or when a page of the documentation outside the configs folder
 * launches a config of the tree (a README's `python tools/train.py configs/x.py` for a toolkit installed apart, as
 * FocalNet's detection README runs mmdetection's). Configs outside any `configs` folder are left alone.
 */

import type { Fact } from '../facts';

/** A program that takes a config to train or test with, by its name. */
const RUNNER_NAME = /^(?:dist_|slurm_)?(?:train|test|main|run|launch|finetune)\w{0,40}\.(?:py|sh)$/i;
/** In a `tools` or `scripts` folder, an evaluation program too (`tools/eval.py`): beside other code it is a script of its own. */
const TOOL_NAME = /^(?:dist_|slurm_)?(?:train|test|main|run|launch|finetune|eval|inference|infer)\w{0,40}\.(?:py|sh)$/i;

/** The project folder of a config (relative, POSIX, '' for the root; ends without a slash), or undefined. */
export function configTreeOf(display: string): string | undefined {
  const parts = display.replace(/\\/g, '/').split('/');
  const at = parts.lastIndexOf('configs', parts.length - 2);
  return at < 0 ? undefined : parts.slice(0, at).join('/');
}

/**
 * For the repository's files (relative, POSIX) and the files its documentation launches, a test of whether a config
 * tree has a runner (results kept per tree).
 */
export function configTreeRunner(
  displays: readonly string[],
  documented: ReadonlyArray<{ readonly target: string; readonly page: string }>,
): (tree: string) => boolean {
  const runnerFolders = new Set<string>();
  for (const d of displays) {
    const parts = d.replace(/\\/g, '/').split('/');
    const name = parts[parts.length - 1];
    const folder = parts.slice(0, -1);
    // A program in a `tools`/`scripts` folder runs the configs of the folder above it.
    const inTools = folder.length > 0 && /^(?:tools|scripts)$/i.test(folder[folder.length - 1]);
    if (inTools && TOOL_NAME.test(name)) runnerFolders.add(folder.slice(0, -1).join('/'));
    else if (RUNNER_NAME.test(name)) runnerFolders.add(folder.join('/'));
  }
  // A launch documented in a page of the configs folder itself (a model zoo's `configs/x/README.md`, copied with
  // the zoo) says how the zoo's own project runs them, not this repository.
  const documentedTrees = new Set<string>();
  for (const { target, page } of documented) {
    const tree = configTreeOf(target);
    if (tree === undefined) continue;
    const configs = `${tree ? `${tree}/` : ''}configs/`;
    if (!page.replace(/\\/g, '/').startsWith(configs)) documentedTrees.add(tree);
  }
  const memo = new Map<string, boolean>();
  return (tree) => {
    let answer = memo.get(tree);
    if (answer === undefined) {
      answer = documentedTrees.has(tree);
      const parts = tree ? tree.split('/') : [];
      for (let k = parts.length; !answer && k >= 0; k--) answer = runnerFolders.has(parts.slice(0, k).join('/'));
      memo.set(tree, answer);
    }
    return answer;
  };
}

/** Why an mmengine config is not a run of this repository, if nothing in it runs the config's tree. */
export function unrunConfigReason(display: string, hasRunner: (tree: string) => boolean): string | undefined {
  const tree = configTreeOf(display);
  if (tree === undefined || hasRunner(tree)) return undefined;
  return `an OpenMMLab config that no program of this repository runs (no training or testing program in ${tree ? `${tree}/` : 'the root'} or above it, and no documented launch of a config there)`;
}

/** A file of the scan as these rules see it: where it is, what it read, how many runs it forms. */
export interface ConfigRunCandidate {
  readonly display: string;
  readonly facts: readonly Fact[];
  readonly runs: number;
}

/** An mmengine config's own reading: the runner it is given to trains or tests it (readers/mmengine.ts). */
const runThroughRunner = (f: Fact) =>
  !f.file && (f.kind === 'launch.trainer' || f.kind === 'launch.inference') && f.value === 'mmengine:config';

/**
 * The mmengine configs of the scan that are not runs (by their index), with why: those of trees nothing runs, in a
 * repository that runs some other tree of its configs itself (one with no runner anywhere runs its configs with a
 * toolkit installed apart, as FocalNet's and most model-zoo forks do).
 */
export function unrunConfigVerdicts(
  files: ReadonlyArray<ConfigRunCandidate | undefined>,
  displays: readonly string[],
  documented: ReadonlyArray<{ readonly target: string; readonly page: string }>,
): Map<number, string> {
  const verdicts = new Map<number, string>();
  const configs = files.flatMap((f, i) => (f && f.runs > 0 && f.facts.some(runThroughRunner) ? [i] : []));
  if (configs.length === 0) return verdicts;
  const hasRunner = configTreeRunner(displays, documented);
  const runsSomeTree = configs.some((i) => {
    const tree = configTreeOf(files[i]!.display);
    return tree !== undefined && hasRunner(tree);
  });
  if (!runsSomeTree) return verdicts;
  for (const i of configs) {
    const reason = unrunConfigReason(files[i]!.display, hasRunner);
    if (reason) verdicts.set(i, reason);
  }
  return verdicts;
}
