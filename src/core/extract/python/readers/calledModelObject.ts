import type { Node } from 'web-tree-sitter';
import { startsARun } from '../../../facts';
import { evaluate, insideFunction, stringLiteral } from '../../pythonValues';
import { codeWithoutStrings, executedRowMask } from '../entryPoint';
import { fromImports } from '../fromImports';
import type { FileRule } from '../rules';
import { INSTALLED_LIBRARY } from './packageModelClass';
import { RUNS_AT_TOP } from '../runsAtTop';
import { TRAINS_HERE } from '../trainingText';
import { truncate } from '../context';

/**
 * A program that builds a model object of an inference package from a Hub id and calls it on its input:
 *
 *     from some_runtime import Recognizer
 *     model_dir = "org/some-model-large"
 *     model = Recognizer(model_dir, batch_size=1)
 *     result = model(wav_path)
 *
 * the shape of runtime packages' demos (ONNX/libtorch wrappers of exported speech, OCR or vision models) and of
 * packages whose classes take a Hub id as their first argument. Nothing in the file trains, so it is an inference
 * run of the model the id names; when the first argument is a flag (`args.model_dir`, required or with a default)
 * the model is the flag's default or left to the command line (unknown, not made up).
 *
 * Not read for the installed frameworks that have rules of their own (torch, transformers, diffusers, …), for
 * classes that are not models by their name (tokenizers, processors, configs, datasets, clients of remote
 * endpoints), where the first argument is neither a Hub id nor a model flag, or where the object is not called.
 */

/** `org/name` as the Hub writes model ids (also ModelScope's `damo/...`, `iic/...`). */
export const HUB_ID = /^[A-Za-z0-9][\w.-]{0,95}\/[A-Za-z0-9][\w.-]{0,127}$/;
/** A file path, not an id: an extension of data or weights at the end. */
const FILE_PATH = /\.(?:wav|flac|mp3|png|jpe?g|txt|json|ya?ml|onnx|pt|pth|bin|ckpt|safetensors|npy|csv)$/i;
/** Classes that are not a model however they are built. */
export const NOT_A_MODEL =
  /(?:Tokeni[sz]er|Processor|FeatureExtractor|Config|Configuration|Dataset|DataLoader|Loader|Client|Session|Parser|Writer|Reader|Logger|Path|Args|Arguments|Settings|Collator|Trainer|Callback|Exception|Error)$/;
/** The same names as NOT_A_MODEL, for a pattern that must not build such a class of a package (`pkg.Tokenizer(`). */
const NOT_A_MODEL_WORDS =
  '\\w*(?:Tokeni[sz]er|Processor|Config|Dataset|DataLoader|Loader|Client|Parser|Args|Arguments)\\b';
/** `import pkg` or `import pkg as p` at the start of a line: a package whose classes are written `pkg.Cls`. */
const PLAIN_IMPORT = /^import[ \t]+([A-Za-z_]\w{0,60})(?:[ \t]+as[ \t]+([A-Za-z_]\w{0,60}))?[ \t]*$/gm;
/** Calls that give a built object its trained weights. */
const WEIGHT_LOADS = 'load_ckpt|load_checkpoint|load_state_dict|load_weights|load_pretrained';
/** A class named for what it is, not which model. */
const GENERIC_CLASS = /^(?:model|net|network|module|my_?model|my_?net)$/i;
/** A class by its name: capitalised. */
export const CLASS_NAME = /^[A-Z][A-Za-z0-9_]{1,60}$/;
/** A flag that names the model: `args.model_dir`, `opt.model_path`, `args.checkpoint`. */
const MODEL_FLAG = /^(?:args|opt|opts|flags|cfg|config)\.(\w*(?:model|ckpt|checkpoint)\w*)$/i;
/** Method names that run the model on input (besides calling the object). */
const RUN_METHODS =
  'generate|predict|transcribe|infer|inference|recogni[sz]e|detect|segment|synthesi[sz]e|tts|chat|embed|encode|classify|enhance|separate|caption|translate|get_\\w{0,20}embed';
/** Class methods that load a trained model (`model = MMEBModel.load(model_args)`): a build too. */
const LOADERS = 'load|from_pretrained|load_pretrained|from_checkpoint';
/** Keywords of an arguments object that name the model it is built from (`ModelArguments(model_name='org/x')`). */
const MODEL_KEYWORD = /^(?:model_name|model_name_or_path|pretrained_model_name_or_path|model_path|model_id)$/;
/** Keywords a model object is handed its weights' folder or id by (`model_dir=`, `model_path=`). */
const MODEL_DIR_KEYWORD = /^(?:model_dir|model_path|model_name_or_path|model_name|model_id|ckpt_dir|checkpoint_dir)$/;
const MAX_CLASSES = 50;
/** Constructions looked at per file: each is followed by a pass over the lines below it. */
const MAX_BUILDS = 20;

export const calledModelObject: FileRule = {
  framework: 'python',
  phase: 'after-calls',
  words: [],
  runStart: [
    /^from[ \t]+[\w.]+[ \t]+import\b[^\n]*\b[A-Z]\w|^import[ \t]+\w+[ \t]*$/m,
    /^[ \t]*\w+[ \t]*=[ \t]*(?:\w+\.)?[A-Z]\w*(?:\.(?:load|from_pretrained|load_pretrained|from_checkpoint))?[ \t]*\(/m,
    /["'][A-Za-z0-9][\w.-]{0,95}\/[A-Za-z0-9][\w.-]{0,127}["']|\b(?:args|opt|opts|flags|cfg|config)\.\w*(?:model|ckpt|checkpoint)|\.(?:load_ckpt|load_checkpoint|load_state_dict|load_weights|load_pretrained)[ \t]*\(/i,
    // The object is built in code that runs (runsAtTop.ts).
    RUNS_AT_TOP,
  ],
  read: (_index, ctx) => {
    if (ctx.facts.some(startsARun) || TRAINS_HERE.test(ctx.text)) return;
    const classes = ownModelClasses(ctx.text);
    // `import laion_clap`, then `laion_clap.CLAP_Module(...)`: a class of the project's own package, by its module.
    const packages = [...ctx.text.matchAll(PLAIN_IMPORT)]
      .map((m) => m[2] ?? m[1])
      .filter((name, i, all) => all.indexOf(name) === i && !INSTALLED_LIBRARY.test(name))
      .slice(0, MAX_CLASSES);
    if (classes.size === 0 && packages.length === 0) return;
    const code = codeWithoutStrings(ctx.tree, classes, true).split('\n');
    const executed = executedRowMask(ctx.tree);
    const built = [...classes, ...packages.map((p) => `${p}\\.(?!${NOT_A_MODEL_WORDS})[A-Z][A-Za-z0-9_]{1,60}`)];
    const build = new RegExp(`^(\\s*)(\\w+)\\s*=\\s*(${built.join('|')})\\s*(?:\\.\\s*(?:${LOADERS})\\s*)?\\(`);
    let builds = 0;
    for (let row = 0; row < code.length && builds < MAX_BUILDS; row++) {
      if (executed[row] !== 1) continue;
      const m = build.exec(code[row]);
      if (!m) continue;
      builds++;
      const [, , handle, cls] = m;
      const runs = new RegExp(`(?:^|[^\\w.])${handle}\\s*(?:\\.\\s*(?:${RUN_METHODS})\\w{0,20}\\s*)?\\(`);
      // Run below the build, or in a function of the file (a web UI's or a server's handler, called per request).
      const inHandler = (r: number) => {
        if (executed[r] !== 1) return true;
        const at = ctx.tree.rootNode.descendantForPosition({
          row: r,
          column: code[r].length - code[r].trimStart().length,
        });
        return at !== null && insideFunction(at);
      };
      if (!code.some((line, r) => r !== row && runs.test(line) && ((r > row && executed[r] === 1) || inHandler(r))))
        continue;
      const call = callAt(ctx.tree.rootNode, row, m[0].length - 1, cls);
      const args = call?.childForFieldName('arguments')?.namedChildren ?? [];
      // The model's folder or id, first or by keyword (`AutoModel(model_dir='pretrained_models/CosyVoice2-0.5B')`).
      const first =
        args.find((c) => c && c.type !== 'keyword_argument' && c.type !== 'comment') ??
        args
          .find(
            (c) => c?.type === 'keyword_argument' && MODEL_DIR_KEYWORD.test(c.childForFieldName('name')?.text ?? ''),
          )
          ?.childForFieldName('value') ??
        undefined;
      if (!call) continue;
      // Built with no argument naming a model, then given its trained weights (`model = laion_clap.CLAP_Module(
      // enable_fusion=False)`, `model.load_ckpt()`): the class is the model, its weights the package's released ones.
      // (Built from a config file, `SpeechSynth(f"{dir}/config.json")`, the package's own readers name it.)
      const loads = new RegExp(`(?:^|[^\\w.])${handle}\\s*\\.\\s*(?:${WEIGHT_LOADS})\\s*\\(`);
      const weighted = code.some((line, r) => r > row && executed[r] === 1 && loads.test(line));
      const own = cls.split('.').pop()!;
      const model =
        (first ? (modelOf(first, ctx.symbols) ?? modelOfArguments(first, ctx.tree.rootNode)) : undefined) ??
        (weighted && !first && !GENERIC_CLASS.test(own)
          ? { id: own, detail: `${own}(...): the model class the script builds and loads trained weights into` }
          : undefined);
      if (!model) continue;
      const named = ctx.facts.some((f) => f.kind === 'model.id');
      ctx.add(
        'launch.inference',
        cls,
        call,
        `${handle} = ${cls}(...) is built from a model and then run on the program's input, and nothing trains it: inference`,
        'low',
      );
      if (!named) ctx.add('model.id', model.id, first ?? call, model.detail, model.id ? 'medium' : 'low');
      return;
    }
  },
};

/** The call `cls(` that starts on `row` (found from its opening parenthesis). */
function callAt(root: Node, row: number, column: number, cls: string): Node | undefined {
  for (let node: Node | null = root.descendantForPosition({ row, column }); node; node = node.parent) {
    if (node.type === 'call') {
      const fn = node.childForFieldName('function');
      const loader = fn?.type === 'attribute' && fn.childForFieldName('object')?.text === cls;
      return fn?.text === cls || loader ? node : undefined;
    }
    if (node.startPosition.row < row) return undefined;
  }
  return undefined;
}

/** The model a first argument names: a Hub id (also through names and flag defaults), or a model flag left open. */
function modelOf(
  arg: Node,
  symbols: Parameters<typeof evaluate>[1],
): { id: string | null; detail: string } | undefined {
  const flag = MODEL_FLAG.exec(arg.text)?.[1];
  const value = evaluate(arg, symbols);
  if (value && typeof value.value === 'string') {
    const id = value.value.trim();
    if (HUB_ID.test(id) && !FILE_PATH.test(id) && !id.startsWith('.'))
      return { id, detail: `the model id the object is built from${value.via ? ` (${value.via})` : ''}` };
    return undefined;
  }
  if (flag) return { id: null, detail: `the model is given by --${flag} when the program is run` };
  return undefined;
}

/**
 * The model an arguments object names, when the first argument is that object built at module level
 * (`model_args = ModelArguments(model_name='TIGER-Lab/VLM2Vec-Full', ...)`, then `MMEBModel.load(model_args)`).
 */
function modelOfArguments(arg: Node, root: Node): { id: string; detail: string } | undefined {
  if (arg.type !== 'identifier') return undefined;
  for (const statement of root.namedChildren) {
    const assignment = statement?.type === 'expression_statement' ? statement.namedChildren[0] : null;
    if (assignment?.type !== 'assignment' || assignment.childForFieldName('left')?.text !== arg.text) continue;
    const right = assignment.childForFieldName('right');
    if (right?.type !== 'call') continue;
    for (const k of right.childForFieldName('arguments')?.namedChildren ?? []) {
      if (k?.type !== 'keyword_argument' || !MODEL_KEYWORD.test(k.childForFieldName('name')?.text ?? '')) continue;
      const value = k.childForFieldName('value');
      const id = (value ? stringLiteral(value) : null)?.trim() ?? '';
      if (HUB_ID.test(id) && !FILE_PATH.test(id))
        return { id, detail: `the model the arguments it is loaded from name (${arg.text}: ${k.text.slice(0, 80)})` };
    }
  }
  return undefined;
}

/** A load call handed the model it loads: `llm.load_model(MODEL_PATH)`, `model.load_pretrained("org/x")`. */
const LOAD_CALL =
  /^[ \t]*([A-Za-z_]\w{0,60})[ \t]*\.[ \t]*(?:load_model|load_pretrained|load_weights|load_ckpt|load_checkpoint)[ \t]*\(/;

/**
 * The model a wrapper of the project's own is handed when it is loaded, in code that runs:
 *
 *     from ChatGLM3 import ChatGLM3
 *     MODEL_PATH = os.environ.get('MODEL_PATH', 'THUDM/chatglm3-6b')
 *     llm = ChatGLM3()
 *     llm.load_model(MODEL_PATH)
 *
 * The wrapper's module loads whatever it is handed (`def load_model(self, model_name_or_path=None)`, its run read
 * there with the model unknown); the call names it: a Hub id, also through names and an environment variable's
 * default. Only the model's name is read here (the run is the wrapper module's, drawn in by its link), and only where
 * nothing in the file names a model yet.
 */
export const wrapperLoadedModel: FileRule = {
  framework: 'python',
  phase: 'after-calls',
  words: ['load_model', 'load_pretrained', 'load_weights', 'load_ckpt', 'load_checkpoint'],
  read: (_index, ctx) => {
    if (ctx.facts.some((f) => f.kind === 'model.id')) return;
    const classes = ownModelClasses(ctx.text);
    if (classes.size === 0) return;
    const code = codeWithoutStrings(ctx.tree, classes, true).split('\n');
    const executed = executedRowMask(ctx.tree);
    const build = new RegExp(`^[ \\t]*(\\w+)[ \\t]*=[ \\t]*(?:${[...classes].join('|')})[ \\t]*\\(`);
    const handles = new Set<string>();
    for (let row = 0; row < code.length; row++) {
      if (executed[row] !== 1) continue;
      const built = build.exec(code[row]);
      if (built) handles.add(built[1]);
      const load = LOAD_CALL.exec(code[row]);
      if (!load || !handles.has(load[1])) continue;
      const call = ctx.tree.rootNode
        .descendantsOfType('call', { row, column: 0 }, { row: row + 1, column: 0 })
        .find((c) => c !== null && c.startPosition.row === row);
      const first = call?.childForFieldName('arguments')?.namedChildren.find((c) => c && c.type !== 'keyword_argument');
      const model = first ? modelOf(first, ctx.symbols) : undefined;
      if (!call || !first || !model?.id) continue;
      ctx.add('model.id', model.id, first, `${truncate(code[row].trim(), 60)}: ${model.detail}`, 'medium');
      return;
    }
  },
};

/**
 * The names a file imports by name from its own project's modules (not an installed framework's), as bound, that
 * `accept` takes (bounded: MAX_CLASSES).
 */
export function projectImports(text: string, accept: (name: string) => boolean): Set<string> {
  const names = new Set<string>();
  for (const { module, name, local } of fromImports(text, Infinity)) {
    if (names.size >= MAX_CLASSES) break;
    const bare = module.replace(/^\.+/, '');
    if (bare && !INSTALLED_LIBRARY.test(bare) && accept(name)) names.add(local);
  }
  return names;
}

/** The model classes a file imports by name from its own project's modules, as bound. */
function ownModelClasses(text: string): Set<string> {
  return projectImports(text, (name) => CLASS_NAME.test(name) && !NOT_A_MODEL.test(name));
}
