import type { FileRule } from '../rules';

/**
 * A launcher that runs another program of its package in the same process, handing that program's `main()` a
 * command line it builds as a list of words:
 *
 *     from mypkg.models import segmenter
 *     ...
 *     fit_args = ["--data_dir", data_dir, "--mode", "train"] + extra
 *     segmenter.main(fit_args)
 *
 * `main(argv)` of an argparse program parses the list as `sys.argv[1:]` (argparse documentation,
 * `ArgumentParser.parse_args(args=None)`: "args - List of strings to parse. The default is taken from sys.argv"),
 * so the call runs that program as a launch line would: the program's module is linked (`link.module`), and what it
 * trains or infers is the launcher's run. Only a module imported by name from a package (`from pkg.sub import
 * name`, the file `pkg/sub/name.py`), whose `main` is called with one argument that is a list literal holding a
 * `--flag` word or a name the file binds to one; a call of `main` with several arguments (a framework's own
 * `main(run_fn, "pos", ...)` taking callbacks) hands over no command line and is not followed. A module not in the
 * repository is quietly not followed (the link is low-confidence).
 */

/** `from pkg.sub import a, b as c` (also in parentheses), at column 0. */
const FROM_IMPORT =
  /^from[ \t]+([A-Za-z_]\w{0,100}(?:\.[A-Za-z_]\w{0,100}){0,8})[ \t]+import[ \t]+(\([^)]{0,2000}\)|[^\n#]{1,2000})/gm;
/** Imports of the standard library and of frameworks: their modules are not the repository's programs. */
const NOT_LOCAL = /^(?:os|sys|torch|transformers|accelerate|datasets|absl|tensorflow|jax|numpy|typing)(?:\.|$)/;
/** A config file read into the settings handed over (YAML, JSON, OmegaConf, TOML). */
const READS_CONFIG = /\b(?:yaml\.(?:safe_|full_)?load|json\.load|OmegaConf\.load|toml\.load|tomllib\.load)[ \t]*\(/;
/** Modules linked per launcher (an end-to-end launcher runs a handful of programs). */
const MAX_PROGRAMS = 8;
/** Imported names looked at per file. */
const MAX_NAMES = 60;

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Names the file binds to a list holding a `--flag` word (`train_args = ["--mode", "train"]`, also `+=`). */
function argvNames(text: string): Set<string> {
  const names = new Set<string>();
  for (const m of text.matchAll(/^[ \t]*([A-Za-z_]\w{0,60})[ \t]*\+?=[ \t]*\[[ \t]*["']--[A-Za-z]/gm)) names.add(m[1]);
  // `args = base_args + args + extra`: a sum of such lists is one too (two passes reach a sum of sums).
  const sums = [
    ...text.matchAll(/^[ \t]*([A-Za-z_]\w{0,60})[ \t]*=[ \t]*(\w{1,60}(?:[ \t]*\+[ \t]*\w{1,60}){1,8})[ \t]*$/gm),
  ];
  for (let pass = 0; pass < 2; pass++)
    for (const m of sums) if (m[2].split('+').some((n) => names.has(n.trim()))) names.add(m[1]);
  return names;
}

/** `"--mode", "predict"` in a command line the file builds: the mode it runs a program in. */
const MODE_WORD = /["']--mode["'][ \t]*,[ \t\r\n]{0,40}["'](\w{1,40})["']/g;
/** Modes of a program that trains. */
const TRAIN_MODE = /^(?:train|training|fit|finetune|pretrain)$/i;
/** Modes of a program that runs a trained model over data. */
const PREDICT_MODE =
  /^(?:predict|prediction|eval|evaluate|evaluation|test|score|infer|inference|parse_text|annotate|tag)$/i;
/** `--mode` words looked at per file. */
const MAX_MODES = 50;

export const programMainCalls: FileRule = {
  framework: 'python',
  phase: 'after-calls',
  // Its words keep lines for the line prefilter; a program may call its main function without `.main(`.
  readsWithoutWords: true,
  words: ['.main('],
  runStart: [/__name__\s*==\s*["']__main__["']/, /^from[ \t]+[A-Za-z_][\w.]*[ \t]+import\b/m, /\w\.main\(/],
  read: (_index, ctx) => {
    if (!ctx.hasMainGuard) return;
    const argv = argvNames(ctx.text);
    // The modes the launcher runs its programs in: only prediction modes (an end-to-end scorer of trained models)
    // make it an inference run of models it does not name; only other modes (`--mode remove_optimizer`, a checkpoint
    // tool) run no model; a training mode among them links the programs, whose training is the run.
    const modes = [...ctx.text.matchAll(MODE_WORD)].slice(0, MAX_MODES).map((m) => m[1]);
    const trains = modes.length === 0 || modes.some((m) => TRAIN_MODE.test(m));
    const predicts = !trains && modes.some((m) => PREDICT_MODE.test(m));
    const linked = new Set<string>();
    let looked = 0;
    for (const m of ctx.text.matchAll(FROM_IMPORT)) {
      if (linked.size >= MAX_PROGRAMS || looked >= MAX_NAMES) break;
      if (NOT_LOCAL.test(m[1])) continue;
      for (const part of m[2].replace(/[()\\]/g, ' ').split(',')) {
        if (linked.size >= MAX_PROGRAMS || ++looked > MAX_NAMES) break;
        const name = /^\s*([a-z_]\w{0,60})(?:\s+as\s+([A-Za-z_]\w{0,60}))?\s*$/.exec(part);
        if (!name) continue;
        const local = name[2] ?? name[1];
        // `from pkg.train_tagger import main as train_tagger_main`, then `train_tagger_main(predefined_args=args)`:
        // the program's own entry, run in-process with the settings it is handed (a dotted module of the package).
        // Not from a launcher that reads a config file and hands it over (`run_training(args=yaml.load(f))`): that
        // program is config-driven, its configs are the runs.
        const entry = name[1] === 'main' && m[1].includes('.') && !READS_CONFIG.test(ctx.text);
        const file = entry ? `${m[1].replace(/\./g, '/')}.py` : `${m[1].replace(/\./g, '/')}/${name[1]}.py`;
        if (linked.has(file)) continue;
        // `local.main(words)` with one argument: a list literal with a `--flag` word, or a name bound to one.
        const call = entry
          ? new RegExp(`(?:^|[^\\w.])(?<!def )${escape(local)}[ \\t]*\\(()`)
          : new RegExp(`(?:^|[^\\w.])${escape(local)}\\.main\\([ \\t]*(\\[[ \\t]*["']--[A-Za-z]|\\w{1,60})[ \\t]*\\)`);
        const c = call.exec(ctx.text);
        if (!c || (!entry && !c[1].startsWith('[') && !argv.has(c[1]))) continue;
        const called = entry ? `${local}(...)` : `${local}.main(${c[1].startsWith('[') ? '[...]' : c[1]})`;
        if (!trains && !predicts) return;
        linked.add(file);
        const row = ctx.text.slice(0, c.index).split('\n').length - 1;
        const line = ctx.text.split('\n', row + 1)[row] ?? '';
        if (predicts) {
          // Runs the programs' prediction only: an inference run of the models they load, linked for nothing else
          // (their training loops do not run).
          ctx.facts.push({
            kind: 'launch.inference',
            value: 'program-predict',
            range: { startLine: row, startCol: 0, endLine: row, endCol: line.length },
            confidence: 'medium',
            detail: `${called} runs ${file} with --mode ${modes.find((m) => PREDICT_MODE.test(m))}: prediction with a trained model`,
          });
          ctx.facts.push({
            kind: 'run.commandLine',
            value: entry ? `${local}()` : `${local}.main()`,
            range: { startLine: row, startCol: 0, endLine: row, endCol: line.length },
            confidence: 'low',
            detail: `a launcher run as main: ${called} runs ${file} with the command line it builds`,
          });
          return;
        }
        ctx.facts.push({
          kind: 'link.module',
          value: file,
          range: { startLine: row, startCol: 0, endLine: row, endCol: line.length },
          confidence: 'low',
          detail: `${called} runs the program ${file} with the command line it is handed`,
        });
        // The launcher is a program people run (resolve/entryPoint.ts keeps a package module handing a command line
        // to a run function): a per-treebank or per-task driver of the package's programs.
        if (linked.size === 1)
          ctx.facts.push({
            kind: 'run.commandLine',
            value: entry ? `${local}()` : `${local}.main()`,
            range: { startLine: row, startCol: 0, endLine: row, endCol: line.length },
            confidence: 'low',
            detail: `a launcher run as main: ${called} runs ${file} with the command line it builds`,
          });
      }
    }
  },
};
