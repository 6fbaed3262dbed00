import { extractShellFacts } from '../shellFacts';
import type { ConfigDialect, ConfigDoc, FactSink } from './dialect';

/**
 * runx experiment files (NVIDIA/runx, README "Experiment yaml details"): `CMD`, the base training command
 * (`"python -m torch.distributed.launch --nproc_per_node=8 train.py"`), and `HPARAMS`, a map of hyperparameters or a
 * list of maps whose later items inherit the first's. runx builds each run's command line by appending the
 * hyperparameters to CMD: `key: value` becomes `--key value`, `true` becomes `--key`, `false` and `None` are left
 * out, `RUNX.*` keys are runx's own and `LOGDIR` its per-run folder. The file is the run's launch: the command is read
 * as the shell reader reads a launch line (the program it starts, its launcher's devices, the flags it hands over).
 * A key given a list of values is a sweep over them; only the first item's single values are handed on here.
 */

/** A hyperparameter's name as a flag (`max_epoch`, `bs_trn`, `crop_size`). */
const FLAG_NAME = /^[A-Za-z][\w-]{0,60}$/;
/** A value handed on as one shell word. */
const PLAIN_VALUE = /^[\w./:@+,=-]{1,300}$/;
/** Hyperparameters handed on at most. */
const MAX_FLAGS = 200;

function hparamsRoot(doc: ConfigDoc): string | undefined {
  const h = doc.get('HPARAMS');
  if (h?.shape === 'map') return 'HPARAMS';
  if (h?.shape === 'seq' && doc.get('HPARAMS.0')?.shape === 'map') return 'HPARAMS.0';
  return undefined;
}

export const runx: ConfigDialect = {
  name: 'runx',
  words: ['HPARAMS'],
  detect: (doc) => typeof doc.get('CMD')?.value === 'string' && hparamsRoot(doc) !== undefined,
  read(doc: ConfigDoc, out: FactSink): void {
    const cmd = doc.get('CMD')!;
    const command = String(cmd.value).trim();
    if (command.includes('\n') || command.length > 2_000) return;
    const flags: string[] = [];
    for (const h of doc.entries(hparamsRoot(doc)).slice(0, MAX_FLAGS)) {
      if (!FLAG_NAME.test(h.key) || h.shape !== 'scalar') continue;
      if (h.value === true) flags.push(`--${h.key}`);
      else if (typeof h.value === 'number') flags.push(`--${h.key}`, String(h.value));
      else if (typeof h.value === 'string' && h.value !== 'None' && PLAIN_VALUE.test(h.value))
        // `LOGDIR` is the folder runx makes for the run: a value set when it runs.
        flags.push(`--${h.key}`, h.value.replace(/\bLOGDIR\b/g, '$LOGDIR'));
    }
    const line = [command, ...flags].join(' ');
    for (const f of extractShellFacts(line))
      out.add(f.kind, f.value, cmd, `${f.detail} (runx: CMD with the HPARAMS as flags)`, f.confidence);
  },
};
