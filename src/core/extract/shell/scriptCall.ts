import type { LaunchCommand, LaunchOutcome, LaunchSink } from './launchers';
import { unquote } from './words';

/**
 * A launch script run by another (`bash run_single.sh 2 true`, `sh scripts/finetune.sh`, `./run_model.sh $m`):
 * a sweep or a driver that loops over settings and hands each to a script that launches the program. Like a job
 * submission, the line is a run only when the script it runs launches one (factsToSpec: `runs: 'job'`); that
 * script is linked, so its model and settings are the run's (flags passed on, `bash train.sh --epochs 3`, are read
 * as on any launch line, since such scripts hand them to the program with `"$@"`).
 */

/**
 * `bash x.sh`, `sh -e ./x.sh`, `./x.sh`: the shell (and its one-letter options) then the script, or a path from
 * this folder. A bare `scripts/x.sh` is left alone: after `cmd="` (a command kept in a variable) it is text.
 */
// The shell by name or by its path (`/bin/bash x.sh`, `/usr/bin/bash`: how SLURM's `srun` lines often run a script).
export const SCRIPT_CALL =
  /^(?:(?:(?:\/usr)?\/bin\/)?(?:ba|z)?sh(?:\s+-[a-zA-Z]+)*\s+["']?|\.\/)[\w./-]*\.(?:sh|bash)["']?(?=\s|$)/;

export function readScriptCall(command: LaunchCommand, out: LaunchSink): LaunchOutcome {
  const words = command.words;
  let at = 0;
  if (/^(?:(?:\/usr)?\/bin\/)?(?:ba|z)?sh$/.test(words[0])) {
    at = 1;
    while (at < words.length && /^-[a-zA-Z]+$/.test(words[at])) at++;
  }
  const script = unquote(words[at] ?? '');
  // `bash $SCRIPT`: named when it runs; nothing to link, so the line starts no run we can read.
  if (!/^[\w./-]+\.(?:sh|bash)$/.test(script)) return 'no-run';
  // A wrapper handed a test program to start (`srun ./entrypoint.sh ./distributed_test.py`, `bash launch.sh
  // test_fsdp.py`): it runs that test (named as test files are: `test_*.py`, `*_test.py`), not a training run.
  const program = words
    .slice(at + 1, at + 40)
    .map(unquote)
    .find((w) => /\.py$/.test(w) && !w.startsWith('-'));
  if (program && /(?:^|\/)(?:test_[\w-]*|[\w-]*_tests?)\.py$/.test(program)) return 'no-run';
  const positional = handedArguments(words.slice(at + 1));
  out.add('link.script', script, `runs ${script}`, undefined, undefined, positional ? { positional } : undefined);
  // `bash sh/convert_and_evaluate.sh sh/eval.sh …`: a wrapper handed a program as its first argument runs it (`bash
  // "$1" …` inside, a command the wrapper cannot name itself): that program is the line's too.
  const handed = unquote(words[at + 1] ?? '');
  if (/^[\w.][\w./-]{0,300}\.(?:sh|bash|py)$/.test(handed) && !handed.includes('..'))
    out.add('link.script', handed, `${script} is handed ${handed} to run`);
  return 'own-links';
}

/** Arguments a launch hands a script, read at most (`$1`…`$9` and a forwarded `"$@"` of overrides). */
const MAX_ARGUMENTS = 60;
/** A word longer than this is no setting a script reads (a model id, a path, a count). */
const MAX_ARGUMENT_LENGTH = 300;

/**
 * The words a launch line hands a script (`bash scripts/sft.sh $out $name $model 2`, `sbatch launch.sh x.yaml
 * run_name=a`): the script reads them as `$1`, `$2`, … and forwards them all as `"$@"`. A word the line leaves to the
 * running shell (a variable it does not set, `$(…)`) is '' (unknown), so later words keep their places. Undefined
 * when nothing is handed.
 */
export function handedArguments(rest: readonly string[]): string[] | undefined {
  const handed: string[] = [];
  for (const word of rest) {
    if (handed.length === MAX_ARGUMENTS || /^(?:[;&|<>]|\d?>)/.test(word)) break;
    const value = unquote(word);
    handed.push(value.length <= MAX_ARGUMENT_LENGTH && !/[$`\\"']/.test(value) ? value : '');
  }
  return handed.some((w) => w !== '') ? handed : undefined;
}
