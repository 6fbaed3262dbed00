import { startsARun, type Fact } from '../../../facts';
import { escapeRegExp, nodeRange } from '../context';
import {
  codeLinesKeptWithoutStrings,
  codeWithoutStrings,
  executedRows,
  executedRowMask,
  FLAG_PARSER,
  MODULE_LEVEL_FLAG_PARSE,
  atModuleLevel,
} from '../entryPoint';
import type { FileRule } from '../rules';
import { fromImports } from '../fromImports';
import { startsFromStoredConfig } from './hydraMain';
import type { PythonReadContext } from '../context';
import type { SyntaxIndex } from '../syntaxIndex';
import { keywordArgument } from '../../pythonValues';
import { positiveInteger } from '../../positiveInteger';

/**
 * A script whose run is a function of a sibling module: `from train import train, test` and then
 * `train(args, model)` or `mp.Process(target=train, ...)` under `if __name__ == "__main__":`.
 * The script starts nothing by itself (the loop is in train.py, a library module on its own), so
 * the module it calls into is linked (`link.module`): when that module trains, this script is the run.
 * Only read when the file starts no run of its own and runs as a script.
 */

/**
 * `from train import train, test` / `from .engine import fit as run_fit`, at column 0: a module beside the
 * script. A dotted module (`from mypkg.train.train import train` in a `train_mem.py` wrapper that patches
 * attention first) is linked by its path from the repository's root (`mypkg/train/train.py`) when the
 * script defines no function or class of its own; the link is low-confidence, so a framework installed from a package index (no such file in the repository) is
 * quietly not followed.
 */
const LOCAL_IMPORT =
  /^from[ \t]+(\.?[A-Za-z_]\w{0,100}(?:\.[A-Za-z_]\w{0,100}){0,8})[ \t]+import[ \t]+(\([^)]{0,2000}\)|[^\n#]{1,2000})/gm;
/** Names followed per file: a script imports a handful from its own modules. */
const MAX_NAMES = 50;
/**
 * Names of the function that is a program's run (`from mypkg.utils.train_utils import train`): followed into
 * the package even from a program with functions of its own, whose other imports are helpers.
 */
const RUN_FUNCTION_NAMES =
  'train|fit|finetune|fine_tune|pretrain|train_model|train_loop|training_loop|run_training|train_and_evaluate';
const RUN_FUNCTION = new RegExp(`^(?:${RUN_FUNCTION_NAMES})$`);

/**
 * A function of the package that loads and prepares a fine-tune's model (`create_and_prepare_model`,
 * `load_model_and_tokenizer`, `get_peft_model`-style helpers, an evaluation's `initialize_model(args.model_name,
 * …)`). Not a general builder (`create_model_and_loss_module`):
 * such a module also builds the run's auxiliary networks (a perceptual loss's CLIP), which are not the run's model.
 */
const MODEL_PREP_FUNCTION =
  /^(?:create_and_prepare|load_and_prepare|prepare|setup)_(?:\w{1,30}_)?model$|^(?:load|get|create|build|init)_(?:\w{1,30}_)?model_and_tokenizer$|^(?:load|get|create|build|init)_(?:peft|lora|qlora)_model$|^initiali[sz]e_model$/;

/** A program's per-epoch or per-step training function (`train_one_epoch`, `train_step`). */
const EPOCH_FUNCTION =
  /^(?:train_one_epoch|train_epoch|train_one_step|train_step|training_step|run_epoch|run_train_epoch)$/;

/**
 * A settings class of the package the program builds (`from mypkg.configs.training import train_config`, then
 * `train_config()` updated from the command line): its field defaults are the run's settings.
 */
export const SETTINGS_CLASS =
  /^(?!(?:update|get|load|make|build|generate|check|parse|save|set|create|read|print|setup|init|to|from)_)\w*?(?:(?:^|_)(?:config|args|arguments|hparams|settings)|[a-z](?:Config|Args|Arguments|Settings))$/;
/**
 * A function of the package that starts a model server on this machine (`from src.server import start_server`,
 * then `start_server(args)` before driving it with requests: a serving benchmark). Followed from any program:
 * the server module says what it serves, and a module that serves nothing we read links nothing.
 */
const SERVE_FUNCTION = /^(?:start_server|launch_server|run_server|serve_model|start_servers|launch_servers)$/;
/**
 * A function of the package that synthesises or infers with the package's loaded model (`from pkg.tts_ui import
 * get_tts_wav`, `synthesize`, `run_inference`): a command-line front end of a model program calls it for its job.
 * Followed from any program like a server function: the module it comes from says what it runs, and a module that
 * runs nothing we read links nothing.
 */
const INFER_FUNCTION = /(?:^|_)(?:tts|infer|inference|synthesi[sz]e|synthesis)(?:_|$)/;
const MODEL_FACTS = new Set<string>(['model.id', 'model.fromScratch', 'model.layers', 'model.params']);
/**
 * A sibling's function that only works out a path, parses text or computes a metric (`get_input_output_paths`,
 * `get_output_path`, `parse_multi_choice_response`, `compute_vqa_accuracy`): a helper, not the run, even when that
 * sibling is itself a program that generates (a scorer imports its output-path helper from the generation program).
 */
const HELPER_FUNCTION =
  /^(?:get|make|build|find|resolve)_\w*?(?:path|paths|file|files|dir|dirs|folder|filename|filenames)$|^(?:compute|calc|calculate)_\w*?(?:accuracy|acc|score|scores|metric|metrics|f1|bleu|rouge|wer|cer|similarity)$|^parse_\w+$/;

/**
 * A package's `__main__.py` (what `python -m pkg` runs) or a console-script shim: nothing but a relative import of
 * the package's command-line entry (`from .transcribe import cli`) and a call of it at module level (`cli()`). It
 * has no main guard, yet the call runs whenever the file does: the entry's module is the run's program.
 */
const RELATIVE_ENTRY_IMPORT = /^from[ \t]+\.[A-Za-z_][\w.]{0,200}[ \t]+import[ \t]+(cli|main)[ \t]*$/m;
function packageMainCall(text: string): boolean {
  if (/^[ \t]*(?:async[ \t]+)?(?:def|class)[ \t]/m.test(text)) return false;
  const entry = RELATIVE_ENTRY_IMPORT.exec(text)?.[1];
  return entry !== undefined && new RegExp(`^${entry}\\(\\)[ \\t]*$`, 'm').test(text);
}

/** Starts looked at for the object they are called on; assignments looked at per receiver. */
const MAX_STARTS_LOOKED_AT = 8;
/**
 * The classes whose objects a program's training starts are called on: `trainer.train()` (a start read on that line) with
 * `trainer = QloraTrainer(config)` assigned in the same file gives `QloraTrainer`. Class names only (CapWords).
 */
function classesStartedThrough(text: string, facts: readonly Fact[]): Set<string> {
  const out = new Set<string>();
  const lines = text.split('\n');
  const trains = (f: Fact) => f.kind === 'launch.trainer' && startsARun(f);
  for (const f of facts.filter(trains).slice(0, MAX_STARTS_LOOKED_AT)) {
    const line = lines[f.range.startLine] ?? '';
    const receiver = /(?:^|[^\w.])([A-Za-z_]\w{0,60})\.(?:train|fit|finetune|train_model|learn)[ \t]*\(/.exec(
      line.slice(0, 2000),
    )?.[1];
    if (!receiver) continue;
    const assigned = new RegExp(`^[ \\t]*${receiver}[ \\t]*=[ \\t]*([A-Z]\\w{0,60})[ \\t]*\\(`, 'm').exec(text);
    if (assigned) out.add(assigned[1]);
  }
  return out;
}

export const localModuleCalls: FileRule = {
  framework: 'python',
  phase: 'after-calls',
  // A script (a main guard) that imports names from a module: the prefilters let it through to be parsed.
  // `train_model` and the like: a notebook calling its sibling module's run function (runFunctionCalledAtTop).
  words: [
    '__main__',
    'cli()',
    'main()',
    'parse_args',
    'parse_known_args',
    'train_model',
    'run_training',
    'train_and_evaluate',
    // `from train import train`, then `train(opt, amp=False)` in a notebook cell (EasyOCR's trainer.ipynb).
    'import train',
    'import fit',
  ],
  runStart: [
    /__name__\s*==\s*["']__main__["']|^(?:cli|main)\(\)|^[A-Za-z_][\w, \t]{0,200}=[ \t]*[A-Za-z_][\w.]{0,60}\.parse_(?:known_)?args\(/m,
    /^from[ \t]+\.?[A-Za-z_][\w.]*[ \t]+import\b/m,
  ],
  read: (_index, ctx) => {
    // A program that starts its own run (a loop over epochs) still calls its per-epoch step from a module beside
    // it (`from engine_pretrain import train_one_epoch`, as MAE/DeiT-style programs do): that module holds the
    // step's settings (autocast, the loss scaler), so it is linked too; its other imports are helpers.
    const ownRun = ctx.facts.some(startsARun);
    const packageMain = !ctx.hasMainGuard && packageMainCall(ctx.text);
    // A script with no main guard that parses its flags at module level (`args = parser.parse_args()` at column 0,
    // then `train(audio_model, train_loader, val_loader, args)`: the Audio Spectrogram Transformer's run.py) runs
    // top to bottom whenever it is launched: a program as surely as a guarded one.
    // So does one (a notebook's cells, read as one module) that calls a sibling module's run function at column 0
    // (`from train import train_model`, then `train_model(cfg)`): the call runs whenever the file does.
    const flatScript =
      !ctx.hasMainGuard && (MODULE_LEVEL_FLAG_PARSE.test(ctx.text) || runFunctionCalledAtTop(ctx.text));
    if (!packageMain && !ctx.hasMainGuard && !flatScript) return;
    const moduleOf = new Map<string, string>();
    // A dotted module is followed only from a thin entry point that defines nothing of its own (patch,
    // import, call): a program with its own functions calls into its package for helpers, not for its run.
    const dotted = new Set<string>();
    // A `def main():` that parses the flags and hands them over (`train(args)`), as ColBERT's train.py, is as thin;
    // one handed its arguments or a config (`def main(input_args=None)`, `@hydra.main(...) def main(cfg)`: GPT-NeoX's
    // and Hydra's config-driven entry points) is not.
    // Only one that parses flags itself (`args = parser.parse()`): one that takes its arguments object from its
    // package (`args = Args.consume()`) hands over a config-driven run as well.
    // A Hydra entry point that starts from the structured config it stores itself (`cs.store(name="config",
    // node=TrainConfig)`, then `@hydra.main(config_name="config") def main(cfg): train(cfg)`) is as thin: its
    // config is its defaults, as a parser's are, not a file each launch names.
    const storedConfigMain =
      startsFromStoredConfig(ctx.text) &&
      [...ctx.text.matchAll(DEFINITION)].every((d) => d[1] === 'def' && /^[ \t]*@hydra\.main\(/.test(d[0]));
    const thin =
      !/^[ \t]*(?:async[ \t]+)?(?:def|class)[ \t]/m.test(ctx.text) ||
      storedConfigMain ||
      (PARSES_FLAGS.test(ctx.text) &&
        ![...ctx.text.matchAll(DEFINITION)].some(
          (d) => d[1] === 'class' || !ENTRY_FUNCTION.test(d[2]) || d[3] !== '()' || /^[ \t]*@/m.test(d[0]),
        ));
    // Such a program's run function is followed when the program itself reads as the run's code (it loads or
    // builds the model): one that only hands its command line to the package (`pretrain(neox_args)`) is the
    // package's config-driven entry point, whose configs are the runs.
    const buildsModel = ctx.facts.some((f) => MODEL_FACTS.has(f.kind));
    // From a program with its own functions, only its run function: its other imports are helpers.
    const runFunctions = new Set<string>();
    const importedAs = new Map<string, string>();
    // The program's own start is a method of an object of a class it imports (`trainer = QloraTrainer(config)`, then
    // `trainer.train()`): that class's module holds the run's code (its model loading, its trainer's settings).
    const startedThrough = ownRun ? classesStartedThrough(ctx.text, ctx.facts) : new Set<string>();
    for (const m of ctx.text.matchAll(LOCAL_IMPORT)) {
      const isDotted = m[1].includes('.', 1);
      const file = `${m[1].replace(/^\./, '').replace(/\./g, '/')}.py`;
      // Star imports are starImportCalls' (below).
      if (m[2].trim() === '*') continue;
      if (isDotted) dotted.add(file);
      for (const part of m[2].replace(/[()\\]/g, ' ').split(',')) {
        const name = /^\s*(\w+)(?:\s+as\s+(\w+))?\s*$/.exec(part);
        const local = name ? (name[2] ?? name[1]) : undefined;
        if (!local || moduleOf.size >= MAX_NAMES || HELPER_FUNCTION.test(name![1])) continue;
        // A function that adds flags to the program's parser (`add_peft_args(parser)`) runs nothing: its module is
        // linked for its flags and their defaults (flagModule, below), not as the run's code.
        if (ctx.hasMainGuard && FLAG_FUNCTION.test(name![1]) && name![1].startsWith('add_')) continue;
        // A program that trains a model it gets from its package's preparing function (`model, peft_config, tokenizer =
        // create_and_prepare_model(args.model_id, …)`) and reads nothing of its model itself: that function's module holds the run's
        // model loading (the checkpoint, its 4-bit base, its adapters).
        const prepares = !buildsModel && MODEL_PREP_FUNCTION.test(name![1]);
        if (ownRun && !EPOCH_FUNCTION.test(name![1]) && !startedThrough.has(local) && !prepares) continue;
        // A thin entry point's run function called from its own `main()`, not under the guard itself.
        // The stored-config Hydra entry point's function hands its config to whatever it calls (`evaluate(cfg)`).
        if (isDotted && thin && (RUN_FUNCTION.test(name![1]) || storedConfigMain)) runFunctions.add(local);
        if (isDotted && !thin) {
          const serves = SERVE_FUNCTION.test(name![1]) || INFER_FUNCTION.test(name![1]);
          if (!serves && !prepares && (!buildsModel || !(RUN_FUNCTION.test(name![1]) || SETTINGS_CLASS.test(name![1]))))
            continue;
          runFunctions.add(local);
        }
        moduleOf.set(local, file);
        importedAs.set(local, name![1]);
      }
    }
    if (moduleOf.size === 0) return;
    // A dotted module's call counts inside the main guard only: a patch applied at import time
    // (`replace_llama_attn_with_flash_attn()`) prepares the run, it is not the run.
    const guardAt = /^if[ \t]+__name__[ \t]*==/m.exec(ctx.text)?.index;
    const guardRow = guardAt === undefined ? -1 : ctx.text.slice(0, guardAt).split('\n').length - 1;
    const names = [...moduleOf.keys()].join('|');
    // `fire.Fire(main)` runs `main` as surely as a call does.
    const use = new RegExp(
      `(?:^|[^\\w.])(${names})\\s*\\(|\\btarget\\s*=\\s*(${names})\\b|\\bFire\\s*\\(\\s*(${names})\\b`,
    );
    // A run or inference function handed to a call that runs it (`measure_speed(inference)`, `timeit.repeat(infer)`).
    const handedNames = [...moduleOf.keys()].filter((n) => RUN_FUNCTION.test(n) || INFER_FUNCTION.test(n));
    const handed = handedNames.length > 0 ? new RegExp(`[(,][ \\t]*(${handedNames.join('|')})[ \\t]*[,)]`) : undefined;
    // Names in strings (`help='epochs to train (default: 10)'`) call nothing: strings are blanked first.
    const lines = codeWithoutStrings(ctx.tree, new Set(moduleOf.keys()), true).split('\n');
    const candidates: Array<{ row: number; name: string }> = [];
    lines.forEach((line, row) => {
      // A decorator (`@smart_inference_mode()`, `@timed`) wraps the program's own function: it is not the run.
      if (/^\s*(from|import|def|class|@)/.test(line)) return;
      const m = use.exec(line) ?? handed?.exec(line);
      if (m) candidates.push({ row, name: m[1] ?? m[2] ?? m[3] });
    });
    if (candidates.length === 0) return;
    const executed = executedRows(ctx.tree);
    const runs = (row: number) => executed.some(([a, b]) => a <= row && row <= b);
    // The names of each module the code that runs calls or hands on: a start the module keeps inside one of its
    // functions (`within`, a helper module's `def inference()`) is this program's when the program uses that function.
    const usedOf = new Map<string, string[]>();
    for (const { row, name } of candidates) {
      if (!runs(row)) continue;
      const list = usedOf.get(moduleOf.get(name)!) ?? [];
      const original = importedAs.get(name) ?? name;
      if (!list.includes(original)) list.push(original);
      usedOf.set(moduleOf.get(name)!, list);
    }
    const linked = new Set<string>();
    for (const { row, name } of candidates) {
      const file = moduleOf.get(name)!;
      if (linked.has(file) || !runs(row)) continue;
      // A run function of the package is called from the program's own (reached) functions.
      if (dotted.has(file) && !runFunctions.has(name) && !(guardRow >= 0 && row > guardRow && /^\s/.test(lines[row])))
        continue;
      // A flat script links the module only through its run function (`train(...)`): one that calls the module's
      // `validate(...)` runs that, not the training loop beside it in the same module.
      const called = importedAs.get(name) ?? name;
      if (flatScript && !RUN_FUNCTION.test(called) && !EPOCH_FUNCTION.test(called)) continue;
      linked.add(file);
      const at = {
        ...nodeRange(ctx.tree.rootNode),
        startLine: row,
        startCol: 0,
        endLine: row,
        endCol: lines[row].length,
      };
      ctx.facts.push({
        kind: 'link.module',
        value: file,
        range: at,
        confidence: 'low',
        detail: `${name}(...) from ${file} runs here`,
        functions: usedOf.get(file) ?? [importedAs.get(name) ?? name],
      });
      // A thin entry point of the package (`train_mem.py`: a patch, then `train()` under the main guard) is the
      // program people launch: the run function it hands over to parses the command line (resolve/entryPoint.ts
      // keeps such a module of the package as a run).
      const original = importedAs.get(name);
      const thinRun = thin && dotted.has(file) && original && RUN_FUNCTION.test(original) && guardRow >= 0;
      // A program run as main that reads its flags and hands them to its package's inference function
      // (`video_chatgpt_infer(frames, question, …, model, …)` after `initialize_model(args.model_name, …)`): an
      // evaluation script of the package, run with its flags, whose work is done in the package's function.
      // (`from videollama2 import model_init, mm_infer`: the module's inference function among those it uses.)
      const flagsToInference =
        !ownRun &&
        (usedOf.get(file) ?? [original ?? name]).some((f) => INFER_FUNCTION.test(f)) &&
        guardRow >= 0 &&
        FLAG_PARSER.test(ctx.text);
      if (thinRun || flagsToInference || (packageMain && /^\w/.test(lines[row])))
        ctx.facts.push({
          kind: 'run.commandLine',
          value: `${name}()`,
          range: at,
          confidence: 'low',
          detail: flagsToInference
            ? `a program run as main that reads its flags and infers with ${name}() from ${file}`
            : `a thin program run as main: ${name}() from ${file} reads its command line and runs it`,
        });
    }
  },
};

/** `from train import train_model` at column 0, a run function's name imported (group 1 the name used). */
const RUN_FUNCTION_IMPORT = new RegExp(
  `^from[ \\t]+\\.?[A-Za-z_][\\w.]{0,200}[ \\t]+import[ \\t]+[^\\n#]{0,300}?\\b(${RUN_FUNCTION_NAMES})\\b(?![ \\t]+as\\b)`,
  'gm',
);

/** Does the module import a run function of a sibling module and call it at column 0 (top-level code)? */
function runFunctionCalledAtTop(text: string): boolean {
  // No run function called at column 0 (TOP_LEVEL_RUN_CALL): the imports need not be read.
  if (!TOP_LEVEL_RUN_CALL.test(text)) return false;
  for (const m of text.matchAll(RUN_FUNCTION_IMPORT))
    if (new RegExp(`^${m[1]}[ \\t]*\\(`, 'm').test(text.slice(m.index + m[0].length))) return true;
  return false;
}

/** A definition at any depth: `def name`, `class Name`. */
// With the decorator line above it, if any, and the parameter list when it is empty.
const DEFINITION = /^(?:[ \t]*@[^\n]{0,300}\n)?[ \t]*(?:async[ \t]+)?(def|class)[ \t]+(\w{1,100})[ \t]*(\([ \t]*\))?/gm;
/** A program parsing its command line: `parser.parse()`, `parse_args()`, an argparse parser. */
const PARSES_FLAGS = /\.parse(?:_args|_known_args)?[ \t]*\(|\bArgumentParser[ \t]*\(/;
/** The functions a thin entry point defines for itself: its main and its command-line parsing. */
const ENTRY_FUNCTION = /^(?:main|cli|run|parse_args|parse_arguments|get_args|get_parser)$/;

/**
 * A module-level loader function by its name: `clip.load("ViT-B/32")`, `whisper.load_model("base")`,
 * `timm.create_model(...)`, `models.build_model(cfg)`. A package's own module of model loaders is written the same way.
 */
const MODEL_LOADER_FUNCTION =
  /^(?:load|load_model|load_models|load_pretrained|load_pretrained_model|build_model|get_model|create_model)$/;
/** Whole-module imports followed per program. */
const MAX_MODULE_IMPORTS = 16;

/**
 * A program that imports a module of its own repository whole (`import mypkg.nets as nets`, `import loaders`) and
 * loads its model through that module's loader function (`self.net, meta = nets.load(alphabet)` inside a class the
 * main guard builds, or `model = loaders.load_model(cfg)`): the model the module loads is this program's, as with
 * `from mypkg.nets import load` (localModuleCalls). The module is linked at low confidence (a package installed from
 * an index has no such file, and is quietly not followed); only from a program run as main that starts no run of its
 * own, and only for a call in code that runs. What the linked module reads (a released checkpoint its loader fetches,
 * python/readers/fairEsm.ts and the others) is drawn into this program's run; a module that loads nothing we read
 * adds nothing.
 */
export const moduleLoaderCalls: FileRule = {
  framework: 'python',
  phase: 'after-calls',
  words: ['__main__'],
  runStart: [
    /__name__\s*==\s*["']__main__["']/,
    /^import[ \t]+[A-Za-z_][\w.]*[ \t]+as[ \t]+\w+|^import[ \t]+[A-Za-z_]\w*[ \t]*$/m,
  ],
  read: (_index, ctx) => {
    if (!ctx.hasMainGuard || ctx.facts.some(startsARun)) return;
    const moduleOf = new Map<string, string>();
    for (const m of ctx.text.matchAll(MODULE_IMPORT)) {
      if (moduleOf.size >= MAX_MODULE_IMPORTS) break;
      if (NOT_LOCAL_MODULE.test(m[1])) continue;
      moduleOf.set(m[2] ?? m[1], `${m[1].replace(/\./g, '/')}.py`);
    }
    if (moduleOf.size === 0) return;
    const names = [...moduleOf.keys()].map(escapeRegExp).join('|');
    const use = new RegExp(`(?:^|[^\\w.])(${names})\\.(\\w{1,60})[ \\t]*\\(`, 'g');
    const lines = codeLinesKeptWithoutStrings(ctx.tree).split('\n');
    const executed = executedRowMask(ctx.tree);
    const linked = new Set<string>();
    lines.forEach((line, row) => {
      if (executed[row] !== 1 || /^\s*(from|import|def|class|@)/.test(line)) return;
      for (const m of line.matchAll(use)) {
        const file = moduleOf.get(m[1])!;
        if (!MODEL_LOADER_FUNCTION.test(m[2]) || linked.has(file)) continue;
        linked.add(file);
        ctx.facts.push({
          kind: 'link.module',
          value: file,
          range: { ...nodeRange(ctx.tree.rootNode), startLine: row, startCol: 0, endLine: row, endCol: line.length },
          confidence: 'low',
          detail: `${m[1]}.${m[2]}(...) from ${file} loads the model here`,
        });
      }
    });
  },
};

/**
 * `from designer import Sampler` at column 0, one name, from a module beside the file, or from a module of the
 * repository by its dotted path (`from demo.demo import Predictor`, a notebook run from the repository's root).
 */
const SIBLING_CLASS_IMPORT =
  /^from[ \t]+([A-Za-z_]\w{0,100}(?:\.[A-Za-z_]\w{0,100}){0,4})[ \t]+import[ \t]+([A-Z]\w{0,100})[ \t]*(?:#[^\n]*)?$/gm;
/** Sibling classes followed per file. */
const MAX_SIBLING_CLASSES = 8;
/** Indented method calls on a built object looked up per file (each looks back for its top-level statement). */
const MAX_INDENTED_USES = 200;

/**
 * A notebook or a flat script (no main guard: its top-level statements are what runs) that imports a class from a
 * program module beside it (`from designer import Sampler`), builds it at top level (`s = Sampler(cfg)`) and drives it
 * there (`s.run()`, or `s(image)`): the run is the one that class carries out, so the module is linked (what it loads, its primary
 * config, the modules it loads its model through). The construction must be a module-level statement (column 0) and
 * the method call module-level code (a statement, or the body of a top-level loop): a class only built, or built or
 * driven inside a function, is not followed. A module not
 * in the repository (a package installed from an index) is quietly not followed (low confidence).
 */
export const topLevelObjectRuns: FileRule = {
  framework: 'python',
  phase: 'after-calls',
  // Read from the text, in a file another rule already has parsed (a prefilter word `from ` would let every file in).
  words: [],
  // What read needs, on the raw text (a superset of the string-blanked lines it reads): the import, a column-0
  // construction of a capitalised class, and a column-0 method call. A library module has the first only.
  runStart: [
    /^from[ \t]+[A-Za-z_][\w.]*[ \t]+import[ \t]+[A-Z]\w*[ \t]*(?:#[^\n]*)?$/m,
    /^[A-Za-z_]\w{0,60}[ \t]*=[ \t]*[A-Z]\w{0,100}[ \t]*\(/m,
    /^[ \t]*(?:[A-Za-z_][\w, \t]{0,80}=[ \t]*)?[A-Za-z_]\w{0,60}\.\w{1,60}[ \t]*\(/m,
  ],
  read: (_index, ctx) => {
    if (ctx.hasMainGuard || ctx.facts.some(startsARun)) return;
    const moduleOf = new Map<string, string>();
    for (const m of ctx.text.matchAll(SIBLING_CLASS_IMPORT)) {
      if (moduleOf.size >= MAX_SIBLING_CLASSES) break;
      if (!NOT_LOCAL_MODULE.test(m[1])) moduleOf.set(m[2], `${m[1].replace(/\./g, '/')}.py`);
    }
    if (moduleOf.size === 0) return;
    const lines = codeLinesKeptWithoutStrings(ctx.tree).split('\n');
    const built = new Map<string, { name: string; row: number }>();
    const linked = new Set<string>();
    let indented = 0;
    lines.forEach((line, row) => {
      const made = /^([A-Za-z_]\w{0,60})[ \t]*=[ \t]*([A-Z]\w{0,100})[ \t]*\(/.exec(line);
      if (made && moduleOf.has(made[2])) {
        built.set(made[1], { name: made[2], row });
        return;
      }
      // `s.run()`, or its result bound (`meta, res = predictor.inference(path)`); also in the body of a top-level loop
      // (`for epoch in ...:` then `trainer.run_generator_one_step(data_i)`, SPADE's train.py), never in a definition.
      // The object called itself runs it too (`candidate, subset = body_estimation(oriImg)`: a predictor's `__call__`).
      const used = /^[ \t]*(?:[A-Za-z_][\w, \t]{0,80}=[ \t]*)?([A-Za-z_]\w{0,60})(?:\.\w{1,60})?[ \t]*\(/.exec(line);
      const object = used ? built.get(used[1]) : undefined;
      if (!object) return;
      // Indented: in a top-level loop's body, not a definition (looked up a bounded number of times per file).
      if (/^[ \t]/.test(line) && (++indented > MAX_INDENTED_USES || !atModuleLevel(lines, row))) return;
      const file = moduleOf.get(object.name)!;
      if (linked.has(file)) return;
      linked.add(file);
      const at = object.row;
      ctx.facts.push({
        kind: 'link.module',
        value: file,
        range: { ...nodeRange(ctx.tree.rootNode), startLine: at, startCol: 0, endLine: at, endCol: lines[at].length },
        confidence: 'low',
        detail: `${object.name}(...) from ${file} is built and driven here: its run is this file's`,
      });
    });
  },
};

/**
 * A loader function of a module of the repository by its name: `load_checkpoints(config_path=…, checkpoint_path=…)`,
 * `load_model(…)`, `load_pretrained_weights(…)`: it builds a network and loads trained weights into it.
 */
const WEIGHTS_LOADER_FUNCTION = /^load_(?:checkpoints?|ckpts?|models?|weights|pretrained(?:_\w{1,30})?)$/;
/** `name(` or `a, b = name(` at column 0: a call the flat script makes as it runs. */
const topLevelCall = (name: string) => new RegExp(`^(?:[A-Za-z_][\\w, \\t]{0,200}=[ \\t]*)?${name}[ \\t]*\\(`, 'm');
/** `from` import statements looked at per file for a loader. */
const MAX_LOADER_IMPORTS = 8;

/**
 * A notebook or a flat script (no main guard: its top-level statements are what runs) that loads its model through a
 * loader function of a module of the repository (`from demo import load_checkpoints, make_animation`, then
 * `generator, kp_detector = load_checkpoints(config_path=…, checkpoint_path=…)` at its top: first-order-model's
 * notebooks): the module's run is this file's, so it is linked (`link.module`, low: a package installed from an index
 * is quietly not followed). What that module reads (its inference with the loaded networks) is drawn in; a module that
 * starts nothing we read adds nothing.
 */
export const flatLoaderCalls: FileRule = {
  framework: 'python',
  phase: 'after-calls',
  words: ['load_checkpoint', 'load_ckpt', 'load_model', 'load_weights', 'load_pretrained'],
  runStart: [
    /^from[ \t]+[A-Za-z_][\w.]*[ \t]+import[ \t]+[^\n]{0,500}\bload_\w/m,
    /^(?:[A-Za-z_][\w, \t]{0,200}=[ \t]*)?load_\w{1,60}[ \t]*\(/m,
  ],
  read: (_index, ctx) => {
    if (ctx.hasMainGuard || ctx.facts.some(startsARun)) return;
    // Strings blanked once, and only for a file that imports a loader.
    let code: string | undefined;
    for (const { module, name, local } of fromImports(ctx.text, MAX_LOADER_IMPORTS)) {
      if (module.startsWith('..') || NOT_LOCAL_MODULE.test(module) || !WEIGHTS_LOADER_FUNCTION.test(name)) continue;
      code ??= codeWithoutStrings(ctx.tree, new Set<string>(), true);
      const call = topLevelCall(local).exec(code);
      if (!call) continue;
      const file = `${module.replace(/^\./, '').replace(/\./g, '/')}.py`;
      const row = code.slice(0, call.index).split('\n').length - 1;
      ctx.facts.push({
        kind: 'link.module',
        value: file,
        range: { ...nodeRange(ctx.tree.rootNode), startLine: row, startCol: 0, endLine: row, endCol: 0 },
        confidence: 'low',
        detail: `${name}(...) from ${file} loads the model this file runs`,
      });
      return;
    }
  },
};

/**
 * Functions that build a program's command line in a module of their own: `from pkg.params import parse_args`,
 * a parser builder (`get_args_parser()`, `eval_parser()`, `make_parser()`, used as `parents=[get_args_parser()]` too)
 * or a helper that adds a group of flags to the program's parser (`add_model_args(parser)`, `add_gpu_params(parser)`).
 */
const FLAG_FUNCTION =
  /^(?:parse_args|parse_arguments|get_args|get_arguments|parse_opts?|get_opts?|get_argparser|\w{0,40}_parser|add_\w{1,40}_(?:args|arguments|params|flags|options))$/;
/** A class of a program's options (pix2pix's `TrainOptions`, `BaseOptions`, `TestOpts`). */
const OPTIONS_CLASS = /^(?:[A-Z]\w{0,60}(?:Options|Opts)|opts|options)$/;
/** `import _init_paths`: the module that puts the script's `lib/` folder on the import path. */
const INIT_PATHS = /^[ \t]*import[ \t]+_init_paths\b/m;
/** `opt = TrainOptions().parse()` at column 0: a flat script parsing its options class's command line. */
const OPTIONS_PARSED_AT_TOP =
  /^\w{1,60}[ \t]*=[ \t]*([A-Z]\w{0,60}(?:Options|Opts))\([^()\n]{0,200}\)[ \t]*\.parse\w{0,20}[ \t]*\(/m;
/**
 * `opt = options.Options().init(argparse.ArgumentParser(...)).parse_args()` at column 0: a flat script parsing its
 * command line through an options class of a module it imports whole (Uformer's train scripts, `import options`).
 */
const QUALIFIED_OPTIONS_AT_TOP =
  /^\w{1,60}[ \t]*=[ \t]*([A-Za-z_]\w{0,60})\.((?:[A-Z]\w{0,60})?(?:Options|Opts))\(\)[ \t]*\.\w{1,30}\([^\n]{0,300}\.parse\w{0,20}[ \t]*\(/m;
/** `args = parse_args()` at column 0: a flat script parsing its command line by its package's function. */
const FLAGS_PARSED_AT_TOP =
  /^\w{1,60}[ \t]*=[ \t]*(parse_args|parse_arguments|get_args|get_arguments|parse_opts?|get_opts?)[ \t]*\(/m;
/** Flag-function imports looked at per file, and modules linked from one program. */
const MAX_FLAG_IMPORTS = 8;
const MAX_FLAG_MODULES = 4;
/** `from pkg.params import parse_args, add_model_args as m` (also in parentheses), at column 0. */
const FROM_IMPORT =
  /^from[ \t]+(\.?[A-Za-z_]\w{0,100}(?:\.[A-Za-z_]\w{0,100}){0,8})[ \t]+import[ \t]+(\([^)]{0,2000}\)|[^\n#]{1,2000})/gm;
/** `import pkg.trainer as trainer`, `import main_pretrain`, at column 0: the module's functions called as `trainer.f(`. */
const MODULE_IMPORT =
  /^import[ \t]+([A-Za-z_]\w{0,100}(?:\.[A-Za-z_]\w{0,100}){0,8})(?:[ \t]+as[ \t]+(\w{1,100}))?[ \t]*$/gm;
/** Modules of the standard library and of frameworks whose parser helpers are not the repository's own. */
const NOT_LOCAL_MODULE =
  /^(?:argparse|os|sys|torch|transformers|trl|accelerate|detectron2|datasets|jsonargparse|absl)(?:\.|$)/;

/**
 * A program whose flags are declared in a module of its own package (`from open_clip_train.params import
 * parse_args`, `from opts import get_args`, `from pkg.eval_utils import eval_parser`, `import main_pretrain as
 * trainer` … `trainer.get_args_parser()`, `add_model_args(parser)`) and read back as `args.epochs`: the defaults
 * there are the run's settings when the launch does not set them, as if declared in the program, so that module is
 * linked (its argparse defaults are read as facts of their own, under the program's). Only from a program that
 * calls the function.
 */
export const flagModule: FileRule = {
  framework: 'python',
  phase: 'after-calls',
  // Its words keep lines for the line prefilter; a flag module can be read by its parser built under another name.
  readsWithoutWords: true,
  words: [
    'parse_args',
    'parse_arguments',
    'get_args',
    'get_arguments',
    '_parser(',
    'parse_opt',
    'get_opt',
    '_args(',
    '_params(',
  ],
  read: (_index, ctx) => {
    // A flat script parses its options at module level (`opt = TrainOptions().parse()`, pix2pix-style): only the
    // options class it parses so is looked at there.
    // So does one that calls its package's flag function at module level (`args = parse_args()`, VideoPose3D's run.py
    // with `from common.arguments import parse_args`): only that function is looked at there.
    const qualified = ctx.hasMainGuard ? null : QUALIFIED_OPTIONS_AT_TOP.exec(ctx.text);
    if (qualified) {
      const imported = [...ctx.text.matchAll(MODULE_IMPORT)].find(
        (m) => (m[2] ?? m[1]) === qualified[1] && !NOT_LOCAL_MODULE.test(m[1]),
      );
      if (!imported) return;
      const file = `${imported[1].replace(/\./g, '/')}.py`;
      linkFlagModule(ctx, file, imported.index, imported[0].length, `${qualified[1]}.${qualified[2]}`);
      return;
    }
    const parsedAtTop = ctx.hasMainGuard
      ? undefined
      : (OPTIONS_PARSED_AT_TOP.exec(ctx.text)?.[1] ?? FLAGS_PARSED_AT_TOP.exec(ctx.text)?.[1]);
    if (!ctx.hasMainGuard && !parsedAtTop) return;
    // Local name → [module file, how it is called]: a function (`eval_parser(`) or a module (`trainer.`).
    const candidates: Array<{ local: string; file: string; module: boolean; at: number; length: number }> = [];
    for (const m of ctx.text.matchAll(FROM_IMPORT)) {
      if (candidates.length >= MAX_FLAG_IMPORTS) break;
      if (NOT_LOCAL_MODULE.test(m[1].replace(/^\./, ''))) continue;
      const base = m[1].replace(/^\./, '').replace(/\./g, '/');
      for (const part of m[2].replace(/[()\\]/g, ' ').split(',')) {
        const name = /^\s*(\w+)(?:\s+as\s+(\w+))?\s*$/.exec(part);
        if (!name || candidates.length >= MAX_FLAG_IMPORTS) continue;
        const local = name[2] ?? name[1];
        if (parsedAtTop !== undefined && local !== parsedAtTop) continue;
        // An options class whose instance parses the command line (`TrainOptions().parse()`): its module declares
        // the flags, in the class's `initialize` (`self.parser.add_argument('--niter', …)`).
        if (
          OPTIONS_CLASS.test(name[1]) &&
          new RegExp(`(?:^|[^\\w.])${escapeRegExp(local)}\\([^()\\n]{0,200}\\)[ \\t]*\\.parse\\w{0,20}[ \\t]*\\(`).test(
            ctx.text,
          )
        ) {
          candidates.push({ local, file: `${base}.py`, module: false, at: m.index, length: m[0].length });
          // A script that puts its `lib/` folder on the import path first (`import _init_paths`, the CenterNet and
          // HRNet layout: `sys.path.insert(0, osp.join(this_dir, 'lib'))`) imports the class from there.
          if (INIT_PATHS.test(ctx.text))
            candidates.push({ local, file: `lib/${base}.py`, module: false, at: m.index, length: m[0].length });
          continue;
        }
        // A flag function of the module, or a module of the package (`from pkg import common`: `common.make_parser()`).
        // The module may be a package (`from pkg.cli.predict import add_inference_arguments`, predict/ holding
        // `__init__.py`): both places are linked at low confidence, and the one not there is quietly skipped.
        if (FLAG_FUNCTION.test(name[1]))
          for (const file of [`${base}.py`, `${base}/__init__.py`])
            candidates.push({ local, file, module: false, at: m.index, length: m[0].length });
        else if (/^[a-z]\w*$/.test(name[1]))
          candidates.push({ local, file: `${base}/${name[1]}.py`, module: true, at: m.index, length: m[0].length });
      }
    }
    for (const m of parsedAtTop === undefined ? ctx.text.matchAll(MODULE_IMPORT) : []) {
      if (candidates.length >= MAX_FLAG_IMPORTS * 2) break;
      if (NOT_LOCAL_MODULE.test(m[1])) continue;
      candidates.push({
        local: m[2] ?? m[1],
        file: `${m[1].replace(/\./g, '/')}.py`,
        module: true,
        at: m.index,
        length: m[0].length,
      });
    }
    const linked = new Set<string>();
    for (const c of candidates) {
      if (linked.size >= MAX_FLAG_MODULES * 2 || linked.has(c.file)) continue;
      // Called, not only imported: `args = parse_args(sys.argv[1:])`, `trainer.get_args_parser()`.
      const after = ctx.text.slice(c.at + c.length);
      let called: string | undefined;
      if (!c.module)
        called = new RegExp(`(?:^|[^\\w.])${escapeRegExp(c.local)}[ \\t]*\\(`).test(after) ? c.local : undefined;
      else {
        const uses = new RegExp(`(?:^|[^\\w.])${escapeRegExp(c.local)}\\.(\\w{1,60})[ \\t]*\\(`, 'g');
        for (const u of after.matchAll(uses))
          if (FLAG_FUNCTION.test(u[1])) {
            called = `${c.local}.${u[1]}`;
            break;
          }
      }
      if (!called) continue;
      linked.add(c.file);
      linkFlagModule(ctx, c.file, c.at, c.length, called);
    }
  },
};

/** Links the module that declares the program's flags, at its import (`at`, `length`: where in the text). */
function linkFlagModule(ctx: PythonReadContext, file: string, at: number, length: number, called: string): void {
  const row = ctx.text.slice(0, at).split('\n').length - 1;
  ctx.facts.push({
    kind: 'link.module',
    value: file,
    range: { startLine: row, startCol: 0, endLine: row, endCol: length },
    confidence: 'low',
    detail: `${called}() from ${file} ${FLAG_MODULE_DETAIL}`,
  });
}

/** Detail end of flagModule's link: the module declares the program's flags. */
export const FLAG_MODULE_DETAIL = "declares the program's flags and their defaults";

/** Detail prefix of a package `__init__`'s link to the module a flag function it re-exports is defined in. */
export const FLAG_REEXPORT_LINK = 'flag function re-exported: ';
/** Re-exported flag functions followed per `__init__.py`. */
const MAX_FLAG_REEXPORTS = 4;

/**
 * A package's `__init__.py` that re-exports a flag function of one of its modules (`from pkg.cli.predict.predict
 * import add_inference_arguments as add_inference_arguments`, or `from .predict import add_inference_arguments`):
 * a program importing the function from the package (flagModule links `pkg/cli/predict/__init__.py`) declares the
 * flags that module declares, so the module is linked. Only from a file of imports (a package's front), so a
 * module with code of its own links nothing here.
 */
export const flagReexports: FileRule = {
  framework: 'python',
  phase: 'after-calls',
  // Read from the text: the import lines need no syntax index.
  words: [],
  read: (_index, ctx) => {
    if (ctx.facts.length > 0 || !ctx.text.includes('import') || ctx.hasMainGuard) return;
    if (/^[ \t]*(?:async[ \t]+)?(?:def|class|if|for|while|with|try)\b/m.test(ctx.text)) return;
    let linked = 0;
    const seen = new Set<string>();
    for (const m of ctx.text.matchAll(FROM_IMPORT)) {
      if (linked >= MAX_FLAG_REEXPORTS) break;
      if (NOT_LOCAL_MODULE.test(m[1].replace(/^\./, ''))) continue;
      const names = m[2].replace(/[()\\]/g, ' ').split(',');
      const flag = names
        .map((part) => /^\s*(\w+)(?:\s+as\s+\w+)?\s*$/.exec(part)?.[1])
        .find((n) => n && FLAG_FUNCTION.test(n));
      if (!flag) continue;
      const base = m[1].replace(/^\./, '').replace(/\./g, '/');
      // A relative module sits beside this `__init__.py`; an absolute one is found from the root (or src/).
      const file = `${base}.py`;
      if (seen.has(file)) continue;
      seen.add(file);
      linked++;
      const row = ctx.text.slice(0, m.index).split('\n').length - 1;
      ctx.facts.push({
        kind: 'link.module',
        value: file,
        range: { ...nodeRange(ctx.tree.rootNode), startLine: row, startCol: 0, endLine: row, endCol: m[0].length },
        confidence: 'low',
        detail: `${FLAG_REEXPORT_LINK}${flag}() from ${file} declares the flags of the programs importing it`,
      });
    }
  },
};

/**
 * `from helpers import *` / `from pkg.app_helpers import *` at column 0: every public name of a module of the
 * repository (beside the program, or by its path from the root for a dotted one).
 */
const STAR_IMPORT =
  /^from[ \t]+(\.?[A-Za-z_]\w{0,100}(?:\.[A-Za-z_]\w{0,100}){0,8})[ \t]+import[ \t]+\*[ \t]*(?:#[^\n]*)?$/gm;
/** A run function (RUN_FUNCTION) called by a statement at column 0: a cheap gate before the lines are read. */
const TOP_LEVEL_RUN_CALL = new RegExp(`^(?:${RUN_FUNCTION_NAMES})[ \\t]*\\(`, 'm');
/** Star-imported modules followed per program. */
const MAX_STAR_MODULES = 4;
/** `import a, b as c` / `from x import a, b as c`: names the program has from elsewhere. */
const NAMED_IMPORT = /^[ \t]*(?:from[ \t]+[\w.]{1,200}[ \t]+)?import[ \t]+(\([^)]{0,2000}\)|[^\n#*]{1,2000})/gm;
/** Built-in functions a program calls that no module of its own defines. */
const BUILTIN_CALL =
  /^(?:print|len|range|open|int|str|float|bool|dict|list|set|tuple|isinstance|issubclass|getattr|setattr|hasattr|super|enumerate|zip|map|filter|sorted|reversed|min|max|sum|any|all|abs|round|type|iter|next|repr|format|vars|exit|input|id|hash|callable|divmod|pow|chr|ord|hex|bin|bytes|object|property|staticmethod|classmethod|globals|locals|eval|exec|compile|help|dir|slice|frozenset|bytearray|memoryview|complex|ascii|breakpoint|quit|if|elif|while|for|return|not|and|or|in|with|assert|del|yield|await|lambda)$/;
/** Names followed per star import. */
const MAX_STAR_NAMES = 50;

/**
 * A program that takes its helpers with `from helpers import *` (a web demo: `from funcs import *`, then
 * `load_model(...)` under the main guard) calls into that module by names it never writes in an import. The
 * module is linked, naming the functions the program calls in code that runs and neither defines nor imports by
 * name: what those functions do (a model loaded inside one, python/readers/packageFacade.ts) is this program's run.
 * Streamlit and Gradio demo apps keep their model loading in such a helper module (`from pkg.app_helpers import *`,
 * then `state = init_st(spec)`). Only from a program that starts no run of its own; a module installed from a package
 * index (no such file in the repository) is quietly not followed (the link is low-confidence).
 */
export const starImportCalls: FileRule = {
  framework: 'python',
  phase: 'after-calls',
  words: ['import *'],
  // Only a program run as main, or one calling a run function at column 0, reads its star imports' calls as its run.
  runStart: [
    new RegExp(`__name__\\s*==\\s*["']__main__["']|${TOP_LEVEL_RUN_CALL.source}`, 'm'),
    /^from[ \t]+\.?[A-Za-z_][\w.]*[ \t]+import[ \t]+\*/m,
  ],
  read: (index, ctx) => {
    if (ctx.facts.some(startsARun)) return;
    // Without a main guard (a notebook, a script of top-level statements), only a run function of the module
    // (`train(...)`, `fit(...)`, RUN_FUNCTION) called by a statement at column 0: `from pkg.train import *`, then
    // `train("run-name", model, train_ds, val_ds, epochs=1)` in a notebook cell. Other module-level calls of a library
    // module's star imports are its helpers at import time.
    const topLevelOnly = !ctx.hasMainGuard;
    if (topLevelOnly && !TOP_LEVEL_RUN_CALL.test(ctx.text)) return;
    const files = new Map<string, string>();
    for (const m of ctx.text.matchAll(STAR_IMPORT))
      if (files.size < MAX_STAR_MODULES) files.set(`${m[1].replace(/^\./, '').replace(/\./g, '/')}.py`, m[1]);
    if (files.size === 0) return;
    const known = new Set<string>();
    for (const m of ctx.text.matchAll(/^[ \t]*(?:async[ \t]+)?(?:def|class)[ \t]+(\w+)/gm)) known.add(m[1]);
    for (const m of ctx.text.matchAll(NAMED_IMPORT))
      for (const part of m[1].replace(/[()\\]/g, ' ').split(',')) {
        const name = /^\s*([\w.]+)(?:\s+as\s+(\w+))?\s*$/.exec(part);
        if (name) known.add(name[2] ?? name[1].split('.')[0]);
      }
    const lines = codeLinesKeptWithoutStrings(ctx.tree).split('\n');
    // Rows that run, as one mask per tree (a test of every range per line grows with lines × statements).
    const executed = executedRowMask(ctx.tree);
    const called = new Map<string, number>();
    lines.forEach((line, row) => {
      if (called.size >= MAX_STAR_NAMES || /^\s*(from|import|def|class|@)/.test(line)) return;
      if (executed[row] !== 1) return;
      if (topLevelOnly) {
        const top = /^([A-Za-z_]\w{0,80})[ \t]*\(/.exec(line)?.[1];
        if (top && RUN_FUNCTION.test(top) && !known.has(top) && !called.has(top)) called.set(top, row);
        return;
      }
      for (const m of line.matchAll(/(?:^|[^\w.])([A-Za-z_]\w{0,80})[ \t]*\(/g))
        if (!known.has(m[1]) && !BUILTIN_CALL.test(m[1]) && !called.has(m[1])) called.set(m[1], row);
    });
    if (called.size === 0) return;
    const first = Math.min(...called.values());
    // The run function's length and batch as this call passes them (`train(..., bs=32, epochs=1)`): the call's
    // values, not the defaults of the function's parameters the linked module reads.
    if (topLevelOnly) epochsPassed(index, ctx, called);
    for (const [file, module] of files)
      ctx.facts.push({
        kind: 'link.module',
        value: file,
        range: {
          ...nodeRange(ctx.tree.rootNode),
          startLine: first,
          startCol: 0,
          endLine: first,
          endCol: lines[first].length,
        },
        confidence: 'low',
        detail: `from ${module} import *: ${[...called.keys()].slice(0, 3).join(', ')}(...) from ${file} run here`,
        functions: [...called.keys()],
      });
  },
};

/** Keywords of a run function's call that give its number of epochs and its batch. */
const PASSED_SETTINGS: ReadonlyArray<readonly ['training.epochs' | 'training.batchPerDevice', readonly string[]]> = [
  ['training.epochs', ['epochs', 'num_epochs', 'max_epochs', 'n_epochs']],
  ['training.batchPerDevice', ['batch_size', 'bs']],
];

/**
 * `train(..., bs=32, epochs=1)` at column 0, the run function taken through a star import: the epochs and batch the
 * call passes (integer literals), read as the run's rather than the defaults of the function's parameters. Only the
 * first call that passes one.
 */
function epochsPassed(index: SyntaxIndex, ctx: PythonReadContext, called: ReadonlyMap<string, number>): void {
  const rows = new Set(called.values());
  for (const call of index.calls) {
    if (!rows.has(call.startPosition.row) || call.startPosition.column !== 0) continue;
    const name = ctx.callee(call).full;
    if (called.get(name) !== call.startPosition.row) continue;
    const args = call.childForFieldName('arguments');
    if (!args) continue;
    let found = false;
    for (const [kind, keys] of PASSED_SETTINGS) {
      for (const key of keys) {
        const value = keywordArgument(args, key);
        const n = value?.type === 'integer' ? positiveInteger(Number(value.text)) : undefined;
        if (!value || n === undefined) continue;
        ctx.add(kind, n, value, `${key}=${n} passed to ${name}(...)`, 'medium');
        found = true;
        break;
      }
    }
    if (found) return;
  }
}
