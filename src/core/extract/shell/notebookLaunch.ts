import type { Fact } from '../../facts';
import type { NotebookSource } from '../notebookConfigs';
import { extractShellFacts } from '../shellFacts';

/**
 * Notebooks that run a repository's training or serving program from a shell escape (recipe and tutorial
 * notebooks, Colab walk-throughs):
 *
 *     !torchrun --nproc_per_node 2 ../../finetune.py \
 *         --model_name_or_path "Qwen/Qwen-1_8B-Chat/" --bf16 True --num_train_epochs 5 ...
 *
 * or a `%%bash` / `%%sh` cell holding such a command. The command is read as a launch line (shellFacts.ts), at the
 * lines it is written on, so the notebook's run is that launch with its flags. Only commands that start a program
 * of the repository (a `.py` script or `-m module`, which shellFacts links) count: `!pip install`, `!wget` and a
 * config-driven CLI on a config the notebook writes (notebookConfigs.ts) are left to their own readers.
 */

/** Notebooks with more shell text than this are not a recipe's few commands. */
const MAX_SHELL_CHARS = 200_000;
const SHELL_CELL = /^\s*%%(?:bash|sh|script[ \t]+(?:bash|sh))\b[^\n]*\n/;
/** Launchers and interpreters a recipe runs a program with. */
const LAUNCH = /(?:^|[\s;&|/])(?:python[\d.]*|torchrun|deepspeed|accelerate|horovodrun|mpirun|srun)\b/;

/**
 * The shell text of the notebook, one line per line of its joined code (blank where the code is Python), so the facts'
 * ranges index that code as the Python facts' do.
 */
export function notebookShellText(sources: readonly NotebookSource[]): string | undefined {
  const out: string[] = [];
  let any = false;
  let chars = 0;
  for (const s of sources) {
    while (out.length < s.startLine) out.push('');
    const lines = s.text.split('\n');
    if (SHELL_CELL.test(s.text)) {
      out.push('', ...lines.slice(1));
      chars += s.text.length;
      any = true;
      continue;
    }
    let continued = false;
    for (const line of lines) {
      const m = /^[ \t]*!(.*)$/.exec(line);
      if (m || continued) {
        const command = m ? m[1] : line;
        out.push(command);
        chars += command.length;
        any = true;
        continued = /\\[ \t]*$/.test(command);
      } else out.push('');
    }
    if (chars > MAX_SHELL_CHARS) return undefined;
  }
  return any && LAUNCH.test(out.join('\n')) ? out.join('\n') : undefined;
}

/** `--output_dir "output_qwen"`, `--output_dir=out/`: where the launched program writes its model. */
const OUTPUT_DIR = /--output[_-]dir(?:[ \t]+|=)["']?([\w./-]{1,200}?)\/?["']?(?=[\s\\]|$)/g;

const folderKey = (name: string) => name.replace(/^\.\//, '').replace(/\/+$/, '');

/**
 * The notebook's facts with the launch facts of the programs its shell escapes run (none when it runs no program).
 * A later cell that loads what the launch wrote (`from_pretrained("output_qwen")` after `--output_dir output_qwen`)
 * uses the trained result: that load names no model of the run.
 */
export function withNotebookLaunches(
  facts: readonly Fact[],
  sources: readonly NotebookSource[],
  path?: string,
): Fact[] {
  if (!sources.some((s) => s.text.includes('!') || s.text.includes('%%'))) return [...facts];
  const text = notebookShellText(sources);
  if (text === undefined) return [...facts];
  const launched = extractShellFacts(text, path);
  if (!launched.some((f) => f.kind === 'link.script')) return [...facts];
  const outputs = new Set([...text.matchAll(OUTPUT_DIR)].slice(0, 20).map((m) => folderKey(m[1])));
  // The launched program names its model: the notebook's own loads (the base again to merge the adapters into,
  // the result to chat with) are steps around that run.
  const launchNamesModel = launched.some((f) => f.kind === 'model.id' && f.value !== null);
  const resultLines = new Set(
    facts
      .filter(
        (f) =>
          f.kind === 'model.id' &&
          (launchNamesModel || (typeof f.value === 'string' && outputs.has(folderKey(f.value)))),
      )
      .map((f) => f.range.startLine),
  );
  const kept = facts.filter(
    (f) => !((f.kind === 'model.id' || f.kind === 'model.fromScratch') && resultLines.has(f.range.startLine)),
  );
  return [...kept, ...launched.map((f) => ({ ...f, detail: `${f.detail} (a shell command of the notebook)` }))];
}
