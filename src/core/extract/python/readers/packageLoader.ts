import { startsARun, type Fact } from '../../../facts';
import { findModel } from '../../../knowledge';
import { escapeRegExp, nodeRange } from '../context';
import { codeWithoutStrings, executedRowMask } from '../entryPoint';
import type { FileRule } from '../rules';

/**
 * Serving CLIs, model workers and evaluation programs that load their model through a function of their
 * own package (`from mypkg.model.builder import load_pretrained_model`, then `load_pretrained_model(
 * args.model_path, ...)` in the worker class the main guard builds): the program runs inference with the
 * model that loader returns, though no `from_pretrained` or `generate` call is in the file. The loader's
 * module is linked (`link.module`), so what it fixes (the dtype it loads in, a default model) reaches the run.
 *
 * A chat or answer-generation loop of the package handed the model flag (`chat_loop(args.model_path, ...)`
 * under the main guard) is the same: the loop loads and runs the model. And a Cog predictor (`class
 * Predictor(BasePredictor)` with a `setup` that loads the model) is served by Cog without a main guard.
 *
 * The package imported whole is the same (`import mypkg`, with `from mypkg.data import ...` beside it, then
 * `model = mypkg.load(args.model_path)` in a program whose loop calls `model.generate...(...)`): an
 * evaluation or CLI program kept inside its package, told from the package's library modules by its main
 * guard, its model flag handed to the package's loader and its generation call.
 *
 * An inference class of the package handed the model's name is the same (`from mypkg.inference import Translator`,
 * then `Translator(args.model_name, vocoder, device, dtype=dtype)` or `Translator(model_name_or_card="name", ...)` in
 * a demo or evaluation program): constructing it loads the model the program then runs. The class is told by its
 * name (a translator, predictor, transcriber, synthesiser or inferencer), and followed only when handed the model.
 *
 * A loader named plainly `load`, imported by name from a module of the package (`from mypkg.utils import load,
 * parse_args`, then `model, tokenizer = load(args.model_name_or_path)`), is one too (twentieth round, set W); so is the
 * same call at the top level of a script without a main guard, when it is handed a parsed flag (a script's command
 * line names the model; the module runs as a program, not as a library). A `load` of a library (`safetensors.torch`,
 * `torch`, `json`) reads tensors or data, not the package's model.
 *
 * Not read in a program that trains (an optimiser, a backward pass, a learning-rate flag) or that saves
 * what it loaded (a merge, conversion or export utility loads a model to write it out, not to run it).
 */

/** `from pkg.mod import (a, b as c)` / `from .mod import a`, at column 0: a module of the repository's package. */
const PACKAGE_IMPORT =
  /^from[ \t]+(\.{0,3}[A-Za-z_]\w{0,100}(?:\.[A-Za-z_]\w{0,100}){0,8})[ \t]+import[ \t]+(\([^)]{0,2000}\)|[^\n#]{1,2000})/gm;
/**
 * A loader by its name: `load_model`, `load_pretrained_model`, `load_pretrained`, `load_model_and_tokenizer`,
 * `load_hf_lm_and_tokenizer`. (Not `load_checkpoint`, `load_state_dict`, `load_dataset`: those fill or feed a model.)
 */
const LOADER = /^load_(?:[a-z0-9]{1,20}_){0,2}(?:model|models|lm|llm|pretrained)(?:_and_[a-z0-9_]{1,30})?$/;
/**
 * An inference class by its name: `Translator`, `SpeechPredictor`, `Transcriber`, `TTSSynthesizer`, `Inferencer`, a
 * source `Separator` (demucs' `Separator(model=args.name, ...)`, forty-eighth round, set BA), and
 * a serving package's model worker (`ModelWorker`, `LLMWorker`: one worker per model a multi-model server builds from
 * the worker class of another module, handed each model path it is given).
 */
const INFERENCE_CLASS =
  /^(?:[A-Z][A-Za-z0-9]{0,40})?(?:Translator|Predictor|Transcriber|Synthesi[sz]er|Inferencer|Separator|ModelWorker|LLMWorker)$/;
/** A chat, generation or answering loop of the package (`chat_loop`, `generate_answers`, `run_inference`). */
const INFERENCE_LOOP = /(?:^|_)(?:chat|generate|generation|infer|inference|predict|answer|answers)(?:_|$)/;
/** The model flag handed to it (`args.model_path`, `model_path=args.model_name_or_path`). */
const MODEL_FLAG_ARGUMENT = /\b\w+\.(?:model_path|model_name_or_path|model_name|model_id|base_model)\b/;
/**
 * A model's name handed to an inference class: the model flag, a keyword naming it (`model_name_or_card=`), or the
 * `model` keyword given a flag (`model=args.name`).
 */
const CLASS_MODEL_ARGUMENT =
  /\b\w+\.(?:model_path|model_name_or_path|model_name|model_id|base_model)\b|\bmodel_(?:path|name|id)(?:_or_[a-z]{1,12})?[ \t]*=|^[ \t]*model_(?:path|name_or_path)[ \t]*,|\bmodel[ \t]*=[ \t]*(?:args|opts?|cfg|config)\.\w{1,40}\b/m;
/** A model's path or name handed to a loader: a flag, a parameter or a Hub id (`"org/name"`). */
const MODEL_PATH_ARGUMENT =
  /\b(?:model_path|model_name_or_path|model_name|model_id|base_model|pretrained_model_name_or_path)\b|["'][\w.-]{1,96}\/[\w.-]{1,96}["']/;
/** Work that is no inference run: training, or writing the loaded weights out. */
const NOT_INFERENCE =
  /\.backward\(|\boptim\.|\.fit\(|Trainer\(|--(?:lr|learning[-_]rate)\b|save_pretrained\(|torch\.save\(|push_to_hub\(|save_model\(/;
/** Cog's serving entry point: a class it instantiates and whose `setup` it calls. */
const COG_IMPORT = /^from[ \t]+cog[ \t]+import\b[^\n]*\bBasePredictor\b/m;
const COG_CLASS = /^class[ \t]+\w+[ \t]*\([^)\n]*\bBasePredictor\b/m;
/**
 * The package's function that adds the model flags to the program's parser (`add_model_args(parser)`): the
 * flag's default (the model loaded when none is given) is written there, so its module is linked too.
 */
const FLAG_ADDER = /^add_\w{0,40}(?:args|arguments)$/;
/** A Hub id (`org/name`) given as the loader's first argument. */
const HUB_ID = /^[A-Za-z0-9][\w.-]{0,95}\/[A-Za-z0-9][\w.-]{0,95}$/;
/** Names followed per file. */
const MAX_NAMES = 50;

/** `import mypkg` at column 0: a package imported whole (its loader is called as `mypkg.load(...)`). */
const WHOLE_IMPORT = /^import[ \t]+([A-Za-z_]\w{0,100})[ \t]*$/gm;
/** The package's loader called on it: `load`, or a loader by its name (`load_model`). */
const WHOLE_LOADER = /^(?:load|load_(?:[a-z0-9]{1,20}_){0,2}(?:model|models|lm|llm|pretrained))$/;
/** A generation call on what was loaded (`model.generate(...)`, `model.generate_content(...)`). */
const GENERATE_CALL = /\.generate\w{0,30}\(/;
/** Frameworks imported whole whose `load` reads a checkpoint or tensors, not a model of the repository's package. */
const NOT_A_PACKAGE_LOADER = new Set(['torch', 'numpy', 'np', 'json', 'yaml', 'pickle', 'joblib', 'safetensors']);

export const packageLoader: FileRule = {
  framework: 'python',
  phase: 'after-calls',
  words: [],
  runStart: [
    // A main guard, Cog's predictor, or a loader's result bound at the top level of a script (`model, tok = load(path)`).
    /__name__\s*==\s*["']__main__["']|\bBasePredictor\b|^[A-Za-z_][\w, \t]{0,100}=[ \t]*load\w{0,60}\(/m,
    /^from[ \t]+\.{0,3}[A-Za-z_][\w.]*[ \t]+import\b/m,
    /\bload(?:_\w{0,60})?\(|\.load\(|\b(?:chat|generate|infer|predict|answer)\w{0,40}\(|(?:Translator|Predictor|Transcriber|Synthesi[sz]er|Inferencer)[ \t]*\(/,
  ],
  read: (_index, ctx) => {
    const cog = ctx.text.includes('BasePredictor') && COG_IMPORT.test(ctx.text) && COG_CLASS.test(ctx.text);
    // Without a main guard, only a call written at the module's top level runs when the file is run as a script
    // (twentieth round, set W: `args = parse_args()`, then `model, tokenizer = load(args.model_name_or_path)`).
    const topLevelOnly = !cog && !ctx.hasMainGuard;
    if (NOT_INFERENCE.test(ctx.text)) return;
    const starts = ctx.facts.some(startsARun);
    const loaders = new Map<string, string>();
    const loops = new Map<string, string>();
    const adders = new Map<string, string>();
    const classes = new Map<string, string>();
    for (const m of ctx.text.matchAll(PACKAGE_IMPORT)) {
      // A package's module: dotted (`mypkg.model.builder`) or relative; a single word may be an installed library.
      if (!/[.]/.test(m[1])) continue;
      const file = `${m[1].replace(/^\.+/, '').replace(/\./g, '/')}.py`;
      const library = NOT_A_PACKAGE_LOADER.has(m[1].replace(/^\.+/, '').split('.')[0]);
      for (const part of m[2].replace(/[()\\]/g, ' ').split(',')) {
        const name = /^\s*(\w+)(?:\s+as\s+(\w+))?\s*$/.exec(part);
        if (!name || loaders.size + loops.size >= MAX_NAMES) continue;
        const local = name[2] ?? name[1];
        if (LOADER.test(name[1]) || (name[1] === 'load' && !library)) loaders.set(local, file);
        else if (INFERENCE_CLASS.test(name[1])) classes.set(local, file);
        else if (!starts && INFERENCE_LOOP.test(name[1])) loops.set(local, file);
        else if (FLAG_ADDER.test(name[1])) adders.set(local, file);
      }
    }
    wholePackageLoaders(ctx.text, loaders);
    if (loaders.size === 0 && loops.size === 0 && classes.size === 0) return;
    const names = new Set([...loaders.keys(), ...loops.keys(), ...classes.keys()]);
    const call = new RegExp(`(?:^|[^\\w.])(${[...names].map(escapeRegExp).join('|')})\\s*\\(`);
    const code = codeWithoutStrings(ctx.tree, new Set([...names, ...adders.keys()]), true).split('\n');
    const original = ctx.text.split('\n');
    // Executed rows marked once, so each call found is one look-up (not a walk over every span).
    const executed = executedRowMask(ctx.tree);
    const reached = (row: number) => executed[row] === 1;
    for (let row = 0; row < code.length; row++) {
      const line = code[row];
      if (/^\s*(?:from|import|def|class)\b/.test(line)) continue;
      const m = call.exec(line);
      if (!m || !reached(row) || (topLevelOnly && /^\s/.test(line))) continue;
      const name = m[1];
      const inferenceClass = classes.get(name);
      const loader = loaders.get(name) ?? inferenceClass;
      // The call is followed only when it is handed the model's path or name (its lines up to the closing
      // bracket): a loop the model flag, a loader that or a Hub id, a class the flag or a keyword naming the
      // model. A loader given a bundle of parsed settings (`load_model(tokenizer, model_args)`) is the package's
      // config-driven pipeline, which names no model here.
      const callText = original.slice(row, row + 8).join('\n');
      const handed = inferenceClass ? CLASS_MODEL_ARGUMENT : loader ? MODEL_PATH_ARGUMENT : MODEL_FLAG_ARGUMENT;
      // A loader handed an entry of a dict of Hub ids written above it (`load_model(models[key])`) is handed models.
      const listed = loader && !inferenceClass ? listedModels(original, row, name) : undefined;
      if (!handed.test(callText) && !listed) continue;
      // A script without a main guard is read when its top level hands the loader a parsed flag (`load(
      // args.model_name_or_path)`): a released model named in a notebook cell is the package-model rule's to read.
      if (topLevelOnly && !MODEL_FLAG_ARGUMENT.test(original[row])) continue;
      const file = loader ?? loops.get(name)!;
      const range = {
        ...nodeRange(ctx.tree.rootNode),
        startLine: row,
        startCol: 0,
        endLine: row,
        endCol: line.length,
      };
      const facts: Fact[] = [
        {
          kind: 'link.module',
          value: file,
          range,
          confidence: 'low',
          detail: `${name}(...) from ${file} loads the model this program runs`,
        },
      ];
      if (!starts) {
        facts.push({
          kind: 'launch.inference',
          value: `${name}`,
          range,
          confidence: 'medium',
          detail: inferenceClass
            ? `${name}(...) builds the package's inference class on the model and nothing trains it: a demo, serving or evaluation program`
            : loader
              ? `${name}(...) loads a model through the package's loader and nothing trains it: a serving or evaluation program`
              : `${name}(...) is handed the model flag: the package's loop loads and runs the model`,
        });
      }
      // `load_model("org/name", ...)`: the loader names the model (the loader's own default is another's); an
      // inference class may name it by keyword on the next line (`Translator(\n model_name_or_card="name",`), by a
      // Hub id or a name the catalog knows.
      const literal = inferenceClass
        ? new RegExp(
            `\\b${escapeRegExp(name)}[ \\t]*\\([ \\t\\n]{0,200}(?:model_[a-z_]{1,30}[ \\t]*=[ \\t]*)?["']([^"'\\n]{1,200})["']`,
          ).exec(callText)
        : loader
          ? new RegExp(`\\b${escapeRegExp(name)}\\s*\\(\\s*["']([^"'\\n]{1,200})["']`).exec(original[row])
          : null;
      const named = literal && (HUB_ID.test(literal[1]) || (inferenceClass && findModel(literal[1]) !== undefined));
      if (literal && named && !ctx.facts.some((f) => f.kind === 'model.id' && f.value !== null))
        facts.push({
          kind: 'model.id',
          value: literal[1],
          range: literalRange(range, callText, literal),
          confidence: 'medium',
          detail: `${name}("${literal[1]}", ...): the model the program loads`,
        });
      else if (listed?.ids.length === 1 && !ctx.facts.some((f) => f.kind === 'model.id' && f.value !== null))
        facts.push({
          kind: 'model.id',
          value: listed.ids[0].id,
          range: { ...range, startLine: listed.ids[0].row, endLine: listed.ids[0].row },
          confidence: 'medium',
          detail: `${listed.dict} = {...: "${listed.ids[0].id}"} handed to ${name}(...): the one model the program loads`,
        });
      const adder = flagAdderLink(code, adders, reached, range);
      if (adder) facts.push(adder);
      ctx.facts.push(...facts);
      return;
    }
  },
};

/** `models = {` (or `MODELS: dict = {`) opening a dict literal on its own line. */
const DICT_OPEN = /^[ \t]*(\w{1,60})[ \t]*(?::[^=\n]{0,60})?=[ \t]*\{[ \t]*$/;
/** One entry of it: `"Display name": "org/name",`. */
const DICT_ENTRY = /^[ \t]*["'][^"'\n]{1,100}["'][ \t]*:[ \t]*["']([^"'\n]{1,200})["'][ \t]*,?[ \t]*(?:#.*)?$/;
/** Lines looked at above the call for the dict, and entries read from it. */
const DICT_LOOK_BACK = 60;
const MAX_ENTRIES = 20;

/**
 * The loader handed an entry of a dict of display names to Hub ids written just above it (twenty-third round, set Z:
 * a demo's `models = {"Chat 7B": "org/chat-7b"}`, then `for k in models: models[k] = load_model(models[k])`): the
 * program loads those models. With one entry, that id is the model; with several, each is loaded and served, and no
 * one of them is named.
 */
function listedModels(
  lines: readonly string[],
  row: number,
  loader: string,
): { dict: string; ids: Array<{ id: string; row: number }> } | undefined {
  const arg = new RegExp(`\\b${escapeRegExp(loader)}[ \\t]*\\([ \\t]*(\\w{1,60})\\[[^\\]\\n]{1,60}\\]`).exec(
    lines[row] ?? '',
  );
  if (!arg) return undefined;
  for (let r = row - 1; r >= Math.max(0, row - DICT_LOOK_BACK); r--) {
    const open = DICT_OPEN.exec(lines[r]);
    if (!open || open[1] !== arg[1]) continue;
    const ids: Array<{ id: string; row: number }> = [];
    for (let e = r + 1; e < Math.min(lines.length, r + 1 + MAX_ENTRIES); e++) {
      if (/^[ \t]*\}/.test(lines[e])) break;
      const entry = DICT_ENTRY.exec(lines[e]);
      if (!entry || !HUB_ID.test(entry[1])) return undefined;
      ids.push({ id: entry[1], row: e });
    }
    return ids.length > 0 ? { dict: arg[1], ids } : undefined;
  }
  return undefined;
}

/** The line of the call's text where the model's name is written (a keyword on a line of its own). */
function literalRange(range: Fact['range'], callText: string, literal: RegExpExecArray): Fact['range'] {
  const at = literal.index + literal[0].length - literal[1].length - 1;
  const before = callText.slice(0, at);
  const rows = before.split('\n').length - 1;
  if (rows === 0) return range;
  const line = callText.split('\n')[rows] ?? '';
  return { ...range, startLine: range.startLine + rows, endLine: range.startLine + rows, endCol: line.length };
}

/**
 * `import mypkg` beside `from mypkg[.mod] import ...` (a package of the repository, imported whole and by its
 * modules), and `mypkg.load(...)` called in a program that generates: the loader is `mypkg.load`, linked to
 * the package's `__init__.py` (which re-exports it).
 */
function wholePackageLoaders(text: string, loaders: Map<string, string>): void {
  if (!GENERATE_CALL.test(text)) return;
  for (const m of text.matchAll(WHOLE_IMPORT)) {
    const pkg = m[1];
    if (NOT_A_PACKAGE_LOADER.has(pkg) || loaders.size >= MAX_NAMES) continue;
    if (!new RegExp(`^from[ \\t]+${pkg}(?:\\.\\w+)*[ \\t]+import\\b`, 'm').test(text)) continue;
    const call = new RegExp(`(?:^|[^\\w.])${pkg}\\.(\\w{1,40})\\s*\\(`, 'gm');
    for (const c of text.matchAll(call)) {
      if (!WHOLE_LOADER.test(c[1])) continue;
      loaders.set(`${pkg}.${c[1]}`, `${pkg}/__init__.py`);
      break;
    }
  }
}

/** A link to the module of the package function that adds the model flags (`add_model_args(parser)`), when called. */
function flagAdderLink(
  code: readonly string[],
  adders: ReadonlyMap<string, string>,
  reached: (row: number) => boolean,
  range: Fact['range'],
): Fact | undefined {
  if (adders.size === 0) return undefined;
  const call = new RegExp(`(?:^|[^\\w.])(${[...adders.keys()].join('|')})\\s*\\(`);
  for (let row = 0; row < code.length; row++) {
    const m = call.exec(code[row]);
    if (!m || !reached(row) || /^\s*(?:def|class)\b/.test(code[row])) continue;
    return {
      kind: 'link.module',
      value: adders.get(m[1])!,
      range: { ...range, startLine: row, endLine: row, endCol: code[row].length },
      confidence: 'low',
      detail: `${m[1]}(...) from ${adders.get(m[1])!} adds the model flags (their defaults are the model loaded)`,
    };
  }
  return undefined;
}
