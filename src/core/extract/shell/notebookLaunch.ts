import type { Fact } from '../../facts';
import type { NotebookSource } from '../notebookConfigs';
import { extractShellFacts } from '../shellFacts';
import { matchLauncher } from './launchers';
import { nonRunPathReason } from '../../resolve/entryPoint';
import { withoutTrailingSlashes } from '../../trimSlashes';

/**
 * Notebooks that run a repository's training or serving program from a shell escape (recipe and tutorial
 * notebooks, Colab walk-throughs):
 *
 *     !torchrun --nproc_per_node 2 ../../finetune.py \
 *         --model_name_or_path "Qwen/Qwen-1_8B-Chat/" --bf16 True --num_train_epochs 5 ...
 *
 * or a `%%bash` / `%%sh` cell holding such a command. The command is read as a launch line (shellFacts.ts), at the
 * lines it is written on, so the notebook's run is that launch with its flags. Only commands that start a program
 * of the repository (a `.py` script or `-m module`, which shellFacts links) count: `!pip install`, `!wget`, a
 * config-driven CLI on a config the notebook writes (notebookConfigs.ts), and what runs after the notebook `%cd`s
 * into a repository it cloned (another project's program) are left out — unless the notebook is a Colab walk-through
 * of its own project (`!git clone .../yolov7`, `%cd yolov7`, `!python detect.py ...` in that repository's tools/):
 * a launch from the clone's top folder is kept, marked CLONE_LAUNCH, and stands only where the program it runs sits
 * at that same path in the repository holding the notebook (analyze.ts checks it; otherwise it is dropped).
 */

/** Marks the launch facts of a command run from the top folder of a clone the notebook made. */
export const CLONE_LAUNCH = " (run in a clone the notebook made; read as this repository's own program)";

/** Notebooks with more shell text than this are not a recipe's few commands. */
const MAX_SHELL_CHARS = 200_000;
/** `!git clone https://host/org/name[.git] [dir]  # comment`: group 1 the repository's name, group 2 the folder given. */
const CLONE =
  /^[ \t]*!\s*git[ \t]+clone[ \t]+(?:-\S+[ \t]+){0,6}\S{0,300}?\/([\w.-]{1,100}?)(?:\.git)?\/?(?:[ \t]+([\w.-]{1,100}))?[ \t]*(?:#[^\n]{0,300})?$/;
/** `%cd "folder"`: where the next commands run (`!cd x && ...` runs in a shell of its own and moves nothing). */
const CHANGE_DIR = /^[ \t]*%cd[ \t]+["']?([\w./-]{1,200}?)["']?[ \t]*$/;
const SHELL_CELL = /^\s*%%(?:bash|sh|script[ \t]+(?:bash|sh))\b[^\n]*\n/;
/** Launchers and interpreters a recipe runs a program with. */
const LAUNCH = /(?:^|[\s;&|/])(?:python[\d.]*|torchrun|deepspeed|accelerate|horovodrun|mpirun|srun)\b/;

/**
 * The shell text of the notebook, one line per line of its joined code (blank where the code is Python), so the facts'
 * ranges index that code as the Python facts' do.
 */
export function notebookShellText(sources: readonly NotebookSource[]): string | undefined {
  return notebookShell(sources)?.text;
}

interface NotebookShell {
  readonly text: string;
  /** Lines (of the joined code) run from the top folder of a clone the notebook made. */
  readonly cloneLines: ReadonlySet<number>;
}

/** `output = !command` (IPython binds the command's output lines to the name): a shell escape as `!command` is. */
export const SHELL_CAPTURE = /^[ \t]*[A-Za-z_]\w{0,60}[ \t]*=[ \t]*!(?!=)/;

function notebookShell(sources: readonly NotebookSource[]): NotebookShell | undefined {
  const out: string[] = [];
  let any = false;
  let chars = 0;
  // Folders `git clone` made; once the notebook `%cd`s into one, its commands run another project's programs
  // (at the clone's top folder, possibly the notebook's own project: kept, marked).
  const cloned = new Set<string>();
  const cloneLines = new Set<number>();
  let inClone = false;
  let atCloneTop = false;
  // The notebook's own variables a shell escape expands (`model_id = "google/flan-t5-xxl"`, then `!deepspeed … --model_id
  // $model_id`): IPython substitutes `$name` and `{name}` in a `!` line from the Python namespace.
  const values = new Map<string, string>();
  for (const s of sources) {
    while (out.length < s.startLine) out.push('');
    const lines = s.text.split('\n');
    for (const line of lines) {
      const clone = CLONE.exec(line);
      if (clone && cloned.size < 20) cloned.add(clone[2] ?? clone[1]);
      const cd = CHANGE_DIR.exec(line);
      if (cd) {
        const parts = withoutTrailingSlashes(cd[1]).split('/');
        const last = parts.pop() ?? '';
        // `%cd yolov7/coco` goes below a clone's top folder: `..` and deeper paths are not followed.
        inClone = cloned.has(last) || parts.some((p) => cloned.has(p));
        atCloneTop = cloned.has(last);
      }
    }
    if (inClone && !atCloneTop) {
      for (let k = 0; k < lines.length; k++) out.push('');
      continue;
    }
    const first = out.length;
    if (SHELL_CELL.test(s.text)) {
      out.push('', ...lines.slice(1));
      chars += s.text.length;
      any = true;
    } else {
      let continued = false;
      for (const line of lines) {
        // `!cmd`, and IPython's capture of its output (`output = !cmd`).
        const m = /^[ \t]*!(.*)$/.exec(line) ?? (SHELL_CAPTURE.test(line) ? /!(.*)$/.exec(line) : null);
        if (m || continued) {
          const raw = withPythonValues(m ? m[1] : line, values);
          const command = inClone ? raw : withoutClonePrefix(raw, cloned);
          if (command !== raw) cloneLines.add(out.length);
          out.push(command);
          chars += command.length;
          any = true;
          continued = /\\[ \t]*$/.test(command);
        } else {
          out.push('');
          const assigned = PYTHON_ASSIGNMENT.exec(line);
          if (assigned && (values.has(assigned[1]) || values.size < MAX_VALUES))
            values.set(assigned[1], assigned[2] ?? assigned[3] ?? assigned[4]);
        }
      }
    }
    if (inClone) for (let k = first; k < out.length; k++) cloneLines.add(k);
    if (chars > MAX_SHELL_CHARS) return undefined;
  }
  const text = out.join('\n');
  // A launcher or interpreter, or any tool the shell reader knows (`text-generation-launcher`, `vllm serve`, `trl sft`).
  return any && (LAUNCH.test(text) || out.some((l) => l.trim() !== '' && matchLauncher(l.trim()) !== undefined))
    ? { text, cloneLines }
    : undefined;
}

/** `name = "literal"` (or a number) alone on a line of a code cell. Group 1 the name; 2–4 the value. */
const PYTHON_ASSIGNMENT =
  /^(\w{1,60})[ \t]*=[ \t]*(?:"([^"\n\\]{0,300})"|'([^'\n\\]{0,300})'|(\d{1,12}(?:\.\d{1,6})?))[ \t]*(?:#[^\n]{0,300})?$/;
const MAX_VALUES = 200;
/** A value put into a command as one word: no spaces, quotes or shell syntax. */
const ONE_WORD = /^[\w./:@+=,-]{1,300}$/;

/**
 * A `!` line with the notebook's variables put in, as IPython expands them before the shell runs the line
 * (`$name`, `{name}`; `$$` is a literal `$`). Names the notebook sets to no one-word literal are left as written.
 */
function withPythonValues(command: string, values: ReadonlyMap<string, string>): string {
  if (values.size === 0 || !/[{$]/.test(command)) return command;
  return command.replace(
    /(\$\$)|\$(\w{1,60})\b|\{(\w{1,60})\}/g,
    (whole, escaped: string | undefined, a?: string, b?: string) => {
      if (escaped) return whole;
      const value = values.get((a ?? b)!);
      return value !== undefined && ONE_WORD.test(value) ? value : whole;
    },
  );
}

/** `python Clone/scripts/x.py`: group 1 what comes before the program, group 2 the clone's folder. */
const CLONE_PROGRAM = /^((?:[^\n]{0,300}?[\s=])?)([\w.-]{1,100})\/(?=[\w./-]{1,300}\.py\b)/;

/**
 * A command that runs a program inside a clone the notebook made without `%cd`-ing into it (`!git clone
 * .../project.git` then `!python project/scripts/demo.py ...`): the program's path from the clone's top folder, the
 * folder name blanked out (same columns), so it is read as a launch from that top folder (CLONE_LAUNCH, checked
 * against the repository holding the notebook). The command unchanged when it runs no program of a clone.
 */
function withoutClonePrefix(command: string, cloned: ReadonlySet<string>): string {
  if (cloned.size === 0 || !LAUNCH.test(command)) return command;
  const m = CLONE_PROGRAM.exec(command);
  if (!m || !cloned.has(m[2])) return command;
  return `${m[1]}${' '.repeat(m[2].length + 1)}${command.slice(m[0].length)}`;
}

/** Cells whose shell lines are read per notebook (a recipe runs a handful of commands). */
const MAX_BLOCKS = 100;

/** A launch's own training length (`--epochs 3`, `--max_steps 500`): the command trains. */
const statesSchedule = (facts: readonly Fact[]) =>
  facts.some((f) => (f.kind === 'training.epochs' || f.kind === 'training.steps') && typeof f.value === 'number');

/**
 * The launch facts of the first cell whose shell lines run a program (its ranges in the notebook's lines). A
 * recipe trains first; the programs it runs after (`!python inference_hf.py output/checkpoint-4000/`) use what that
 * run wrote and are runs of their own where the repository keeps them. A walk-through that first shows the released
 * model at work (`!python detect.py --weights ...`, a validation pass) and then trains it (`!python train.py
 * --epochs 3 ...`) spends its compute on the training: when the first launch states no training length and a later
 * one does, that later launch is the notebook's run.
 */
function firstLaunch(text: string, sources: readonly NotebookSource[], path: string | undefined): Fact[] | undefined {
  const lines = text.split('\n');
  let first: Fact[] | undefined;
  // One block per cell (a cell's commands run together: a variable set on one line is used on the next).
  for (let i = 0; i < sources.length && i < MAX_BLOCKS; i++) {
    const start = sources[i].startLine;
    const end = Math.min(lines.length, i + 1 < sources.length ? sources[i + 1].startLine : lines.length);
    const block = lines.slice(start, end);
    if (block.every((l) => l.trim() === '')) continue;
    const facts = extractShellFacts(block.join('\n'), path);
    const script = facts.find((f) => f.kind === 'link.script');
    // A data-preparation step before the run (`!python3 $HOME/repo/examples/data_preprocess/gsm8k.py --local_dir ...`,
    // `!python prepare_data.py`): a program no run is made of, by its path; the launch after it is the run.
    if (script && nonRunPathReason(String(script.value).replace(/^(?:\$\{?\w+\}?|~)\//, '')) !== undefined) continue;
    // A tool's own command that names its model (`!text-generation-launcher --model-id org/name`, `!vllm serve
    // org/name`, `!trl sft --model_name_or_path …`) is a launch too, with no script of the repository behind it.
    const tool =
      facts.some((f) => f.kind.startsWith('launch.')) && facts.some((f) => f.kind === 'model.id' && f.value !== null);
    if (!script && !tool) continue;
    const placed = facts.map((f) => ({
      ...f,
      range: { ...f.range, startLine: f.range.startLine + start, endLine: f.range.endLine + start },
    }));
    if (statesSchedule(placed)) return placed;
    if (!first) first = placed;
  }
  return first;
}

/** `--output_dir "output_qwen"`, `--output_dir=out/`: where the launched program writes its model. */
const OUTPUT_DIR = /--output[_-]dir(?:[ \t]+|=)["']?([\w./-]{1,200}?)\/?["']?(?=[\s\\]|$)/g;

const folderKey = (name: string) => withoutTrailingSlashes(name.replace(/^\.\//, ''));

/**
 * The notebook's facts with the launch facts of the first program its shell escapes run (none when it runs none).
 * A later cell that loads what the launch wrote (`from_pretrained("output_qwen")` after `--output_dir output_qwen`)
 * uses the trained result: that load names no model of the run.
 */
export function withNotebookLaunches(
  facts: readonly Fact[],
  sources: readonly NotebookSource[],
  path?: string,
): Fact[] {
  if (!sources.some((s) => s.text.includes('!') || s.text.includes('%%'))) return [...facts];
  const shell = notebookShell(sources);
  if (shell === undefined) return [...facts];
  const { text } = shell;
  const found = firstLaunch(text, sources, path);
  if (!found) return [...facts];
  const inClone = found.some((f) => shell.cloneLines.has(f.range.startLine));
  const launched = inClone ? found.map((f) => ({ ...f, detail: `${f.detail}${CLONE_LAUNCH}` })) : found;
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
