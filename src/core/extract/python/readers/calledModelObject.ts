import type { Node } from 'web-tree-sitter';
import { startsARun } from '../../../facts';
import { evaluate } from '../../pythonValues';
import { codeWithoutStrings, executedRowMask } from '../entryPoint';
import { fromImports } from '../fromImports';
import type { FileRule } from '../rules';
import { INSTALLED_LIBRARY } from './packageModelClass';
import { TRAINS_HERE } from '../trainingText';

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
const HUB_ID = /^[A-Za-z0-9][\w.-]{0,95}\/[A-Za-z0-9][\w.-]{0,127}$/;
/** A file path, not an id: an extension of data or weights at the end. */
const FILE_PATH = /\.(?:wav|flac|mp3|png|jpe?g|txt|json|ya?ml|onnx|pt|pth|bin|ckpt|safetensors|npy|csv)$/i;
/** Classes that are not a model however they are built. */
const NOT_A_MODEL =
  /(?:Tokeni[sz]er|Processor|FeatureExtractor|Config|Configuration|Dataset|DataLoader|Loader|Client|Session|Parser|Writer|Reader|Logger|Path|Args|Arguments|Settings|Collator|Trainer|Callback|Exception|Error)$/;
/** A class by its name: capitalised. */
const CLASS_NAME = /^[A-Z][A-Za-z0-9_]{1,60}$/;
/** A flag that names the model: `args.model_dir`, `opt.model_path`, `args.checkpoint`. */
const MODEL_FLAG = /^(?:args|opt|opts|flags|cfg|config)\.(\w*(?:model|ckpt|checkpoint)\w*)$/i;
/** Method names that run the model on input (besides calling the object). */
const RUN_METHODS =
  'generate|predict|transcribe|infer|inference|recogni[sz]e|detect|segment|synthesi[sz]e|tts|chat|embed|encode|classify|enhance|separate|caption|translate';
const MAX_CLASSES = 50;
/** Constructions looked at per file: each is followed by a pass over the lines below it. */
const MAX_BUILDS = 20;

export const calledModelObject: FileRule = {
  framework: 'python',
  phase: 'after-calls',
  words: [],
  runStart: [
    /^from[ \t]+[\w.]+[ \t]+import\b[^\n]*\b[A-Z]\w/m,
    /^[ \t]*\w+[ \t]*=[ \t]*[A-Z]\w*[ \t]*\(/m,
    /["'][A-Za-z0-9][\w.-]{0,95}\/[A-Za-z0-9][\w.-]{0,127}["']|\b(?:args|opt|opts|flags|cfg|config)\.\w*(?:model|ckpt|checkpoint)/i,
  ],
  read: (_index, ctx) => {
    if (ctx.facts.some(startsARun) || TRAINS_HERE.test(ctx.text)) return;
    const classes = new Set<string>();
    for (const { module, name, local } of fromImports(ctx.text, Infinity)) {
      if (classes.size >= MAX_CLASSES) break;
      const bare = module.replace(/^\.+/, '');
      if (!bare || INSTALLED_LIBRARY.test(bare) || !CLASS_NAME.test(name) || NOT_A_MODEL.test(name)) continue;
      classes.add(local);
    }
    if (classes.size === 0) return;
    const code = codeWithoutStrings(ctx.tree, classes, true).split('\n');
    const executed = executedRowMask(ctx.tree);
    const build = new RegExp(`^(\\s*)(\\w+)\\s*=\\s*(${[...classes].join('|')})\\s*\\(`);
    let builds = 0;
    for (let row = 0; row < code.length && builds < MAX_BUILDS; row++) {
      if (executed[row] !== 1) continue;
      const m = build.exec(code[row]);
      if (!m) continue;
      builds++;
      const [, , handle, cls] = m;
      const runs = new RegExp(`(?:^|[^\\w.])${handle}\\s*(?:\\.\\s*(?:${RUN_METHODS})\\w{0,20}\\s*)?\\(`);
      if (!code.some((line, r) => r > row && executed[r] === 1 && runs.test(line))) continue;
      const call = callAt(ctx.tree.rootNode, row, m[0].length - 1, cls);
      const first = call?.childForFieldName('arguments')?.namedChildren.find((c) => c && c.type !== 'keyword_argument');
      if (!call || !first) continue;
      const model = modelOf(first, ctx.symbols);
      if (!model) continue;
      const named = ctx.facts.some((f) => f.kind === 'model.id');
      ctx.add(
        'launch.inference',
        cls,
        call,
        `${handle} = ${cls}(...) is built from a model and then run on the program's input, and nothing trains it: inference`,
        'low',
      );
      if (!named) ctx.add('model.id', model.id, first, model.detail, model.id ? 'medium' : 'low');
      return;
    }
  },
};

/** The call `cls(` that starts on `row` (found from its opening parenthesis). */
function callAt(root: Node, row: number, column: number, cls: string): Node | undefined {
  for (let node: Node | null = root.descendantForPosition({ row, column }); node; node = node.parent) {
    if (node.type === 'call') return node.childForFieldName('function')?.text === cls ? node : undefined;
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
