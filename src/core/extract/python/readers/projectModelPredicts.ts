import type { Node, Tree } from 'web-tree-sitter';
import { startsARun } from '../../../facts';
import { codeWithoutStrings, executedRowMask } from '../entryPoint';
import { fromImports } from '../fromImports';
import type { FileRule } from '../rules';
import { CLASS_NAME, NOT_A_MODEL } from './calledModelObject';
import { INSTALLED_LIBRARY } from './packageModelClass';
import { RUNS_AT_TOP } from '../runsAtTop';
import { TRAINS_HERE } from '../trainingText';
import { evaluate, positionalArguments } from '../../pythonValues';
import type { PythonReadContext } from '../context';

/**
 * A program that builds a model object of a class from its own repository (or by the repository's model factory,
 * MODEL_FACTORY) and only predicts with it:
 *
 *     from MetaICL.metaicl.model import MetaICLModel
 *     model = MetaICLModel(args=args)
 *     ...
 *     prediction = model.do_predict(data)
 *
 * The class's module may also hold that model's training (`def do_train(...)` with its backward pass and optimiser
 * step), which the link to the module draws in; this program calls none of it, so it is an inference run of the
 * class's model (launch.inference, PREDICTS_WITH_PROJECT_CLASS), and the module's training starts are not drawn
 * into it (analyze.ts linkedFacts). Only where the file trains nothing itself, the class is named as a model
 * (`...Model`, `...Net`, a pipeline, an encoder), and no training method (`train`, `do_train`, `fit`) is called on
 * the object anywhere in the file.
 *
 * A web demo (Gradio, Streamlit, FastAPI, Flask) that builds such an object at its top and calls it in a handler
 * (`animator = MagicAnimate()`, then `return animator(image, motion, ...)` in the function the UI runs) runs what the
 * class's module runs: the module is linked for the class (its constructor's pretrained pipelines, its call's
 * sampling), whatever the class is named, so the module's own facts decide whether and what the demo runs.
 */

/** How the launch's value starts: analyze.ts leaves the linked module's training out of such a program. */
export const PREDICTS_WITH_PROJECT_CLASS = 'predicts with project class ';

/**
 * A class named as a model; not an `Auto*` factory (`AutoModel`: the name of installed libraries' loaders, whose
 * model is whatever folder or id it is handed: calledModelObject.ts reads those).
 */
const MODEL_CLASS =
  /^(?!Auto[A-Z])[A-Z]\w{0,60}(?:Model|Net|Network|Pipeline|Encoder|Decoder|Generator|Classifier|Detector|LM)$/;
/**
 * A project's function that builds its model (`model = create_model(opt)` of pix2pixHD- and CycleGAN-style programs,
 * `build_model(cfg)`, `get_network(args)`): the object it returns is the model as a class's would be.
 */
const MODEL_FACTORY = /^(?:create|build|get|make|init|setup)_(?:model|net|network|generator)$/;
/** Methods that run a model on input. */
const PREDICT_METHOD =
  /^(?:do_)?(?:predict|inference|infer|generate|encode|embed|sample|transcribe|synthesi[sz]e|classify|detect|execute)\w{0,20}$/;
/** Methods that train it. */
const TRAIN_METHOD = /^(?:do_)?(?:train|fit|finetune|fine_tune|learn)\w{0,20}$/;
/** A web UI or API framework's import: a demo whose handlers run the objects it builds at its top. */
const WEB_DEMO = /^(?:import|from)[ \t]+(?:gradio|streamlit|fastapi|flask)\b/m;
/** Objects looked at per file. */
const MAX_OBJECTS = 20;
/** `from` statements looked at per file. */
const MAX_IMPORT_STATEMENTS = 200;

export const projectModelPredicts: FileRule = {
  framework: 'python',
  phase: 'after-calls',
  // The file must call one of the prediction methods (PREDICT_METHOD); `infer` also covers `inference`.
  words: [
    'predict',
    'infer',
    'generate',
    'encode',
    'embed',
    'sample',
    'transcribe',
    'synthesi',
    'classify',
    'detect',
    'execute',
    '.eval(',
    'gradio',
    'streamlit',
    'fastapi',
    'flask',
  ],
  runStart: [
    /^from[ \t]+[\w.]+[ \t]+import\b/m,
    /\.(?:do_)?(?:predict|inference|infer|generate|encode|embed|sample|execute)\w*[ \t]*\(|\.eval[ \t]*\([ \t]*\)|^(?:import|from)[ \t]+(?:gradio|streamlit|fastapi|flask)\b/m,
    // The object is built in code that runs, or in a demo (runsAtTop.ts).
    RUNS_AT_TOP,
  ],
  read: (_index, ctx) => {
    if (ctx.facts.some(startsARun) || TRAINS_HERE.test(ctx.text)) return;
    const webDemo = WEB_DEMO.test(ctx.text);
    // Each class imported from the project's own modules (by its local name): its module's path and its own name.
    // A class of another name counts when it is handed the model the program loads (`evaluator = Evaluator(accelerator,
    // model, tokenizer, args)`, then `evaluator.generate_text(task)`: bigcode-evaluation-harness's main.py).
    const handles = [...ctx.modelHandles].filter((h) => /^[A-Za-z_]\w{0,60}$/.test(h));
    const handedModel = handles.length > 0 ? new RegExp(`\\(.*\\b(?:${handles.join('|')})\\b`) : undefined;
    const classes = new Map<string, { file: string; name: string; handed: boolean }>();
    for (const { module, name, local } of fromImports(ctx.text, MAX_IMPORT_STATEMENTS)) {
      const bare = module.replace(/^\.+/, '');
      if (!bare || INSTALLED_LIBRARY.test(bare)) continue;
      const named = MODEL_CLASS.test(name) || MODEL_FACTORY.test(name);
      const other = CLASS_NAME.test(name) && !NOT_A_MODEL.test(name);
      if (named || (other && (webDemo || handedModel)))
        classes.set(local, { file: `${bare.replace(/\./g, '/')}.py`, name, handed: !named && !webDemo });
    }
    if (classes.size === 0) return;
    const code = codeWithoutStrings(ctx.tree, undefined, true);
    const lines = code.split('\n');
    const executed = executedRowMask(ctx.tree);
    const names = [...classes.keys()].join('|');
    const built = new RegExp(`^[ \\t]*([A-Za-z_]\\w{0,60})[ \\t]*=[ \\t]*(${names})[ \\t]*\\(`);
    /** Each object's class (or factory) and the row it is built on. */
    const objects = new Map<string, { cls: string; row: number }>();
    // Objects built where the module runs (its top, its main guard's reach), by the holder's name.
    // A demo may build its object inside the function that builds the UI (`def demo(): obj = X(...)`, then
    // `submit.click(fn=obj.test)`): the UI runs it when the module starts, so any row of a demo counts.
    for (let row = 0; row < lines.length && objects.size < MAX_OBJECTS; row++) {
      const m = executed[row] || webDemo ? built.exec(lines[row]) : null;
      if (m && classes.get(m[2])!.handed && !handedModel!.test(lines[row].slice(m[0].length - 1))) continue;
      if (m && !objects.has(m[1])) objects.set(m[1], { cls: m[2], row });
    }
    for (const [object, { cls, row: builtRow }] of objects) {
      const call = new RegExp(`(?:^|[^\\w.])${object}\\.(\\w{1,60})[ \\t]*\\(`, 'g');
      const called = new RegExp(`(?:^|[^\\w.])${object}[ \\t]*\\(`);
      // A bound method handed to the UI as its handler (`fn=sad_talker.test`, `fn=warp(obj.run)`): the UI calls it.
      const handler = new RegExp(`\\bfn[ \\t]*=[ \\t]*(?:\\w{1,60}\\()?${object}\\.\\w{1,60}\\b`);
      let predicts: { method: string; row: number } | undefined;
      let handled: number | undefined;
      let trains = false;
      // Put in eval mode (`model.eval()`): a call of the object itself over the data (`for i, data_i in
      // enumerate(dataloader): generated = model(data_i, mode='inference')`) is its forward pass, run as the program's
      // work, as is one call of a model given trained weights (a checkpoint's demo); one call of a model given none, outside
      // a loop (a notebook checking an output's shape), is a demonstration of the code.
      // Also at the end of a chain of moves (`model = model.to(device).eval().requires_grad_(False)`).
      const evaluated = new RegExp(
        `(?:^|[^\\w.])${object}(?:\\.(?:to|cuda|half|float|bfloat16)\\([^()\\n]{0,100}\\)){0,4}\\.eval[ \\t]*\\([ \\t]*\\)`,
      ).test(code);
      // Given trained weights (`model.load_state_dict(ckpt['model'])`): one call is that checkpoint's inference (a demo).
      const restored = new RegExp(`(?:^|[^\\w.])${object}\\.load_state_dict[ \\t]*\\(`).test(code);
      lines.forEach((line, row) => {
        for (const m of line.matchAll(call)) {
          if (TRAIN_METHOD.test(m[1])) trains = true;
          else if (!predicts && executed[row] && PREDICT_METHOD.test(m[1])) predicts = { method: m[1], row };
        }
        if (!predicts && evaluated && executed[row] && called.test(line) && (restored || inDataLoop(ctx.tree, row)))
          predicts = { method: '__call__', row };
        // In a demo the object is called in the handlers the UI runs, which the module itself never calls.
        if (webDemo && handled === undefined && ((called.test(line) && /^[ \t]/.test(line)) || handler.test(line)))
          handled = row;
      });
      if (trains) continue;
      const { file, name } = classes.get(cls)!;
      if (handled !== undefined && predicts === undefined) {
        const at = { startLine: handled, startCol: 0, endLine: handled, endCol: lines[handled].length };
        ctx.facts.push({
          kind: 'link.module',
          value: file,
          range: at,
          confidence: 'low',
          detail: `${object}(...) in the demo's handler runs ${name} from ${file}`,
          functions: [name],
        });
        return;
      }
      const { handed } = classes.get(cls)!;
      if (!predicts || !(MODEL_CLASS.test(name) || MODEL_FACTORY.test(name) || handed)) continue;
      const at = { startLine: predicts.row, startCol: 0, endLine: predicts.row, endCol: lines[predicts.row].length };
      if (MODEL_FACTORY.test(name)) readFactoryModelName(object, cls, builtRow, ctx);
      ctx.facts.push({
        kind: 'launch.inference',
        value: `${PREDICTS_WITH_PROJECT_CLASS}${cls}.${predicts.method}`,
        range: at,
        confidence: 'low',
        detail:
          predicts.method === '__call__'
            ? `${object}(...) in eval mode runs the ${cls} model the program builds; it calls no training method of it`
            : `${object}.${predicts.method}(...) runs the ${cls} model the program builds; it calls no training method of it`,
      });
      return;
    }
  },
};

/** A model's name as a factory takes it (`cc12m_1_cfg`, `resnet50`, `vit-base`): one word, no path. */
const MODEL_NAME_WORD = /^[A-Za-z][\w.-]{0,80}$/;

/**
 * `model = get_model(args.model)()`, `net = build_model('resnet50')`: the name the project's factory is handed (a
 * literal or a flag's default) is the model the program runs. Nothing for a config object or a name read at run time.
 */
function readFactoryModelName(object: string, factory: string, row: number, ctx: PythonReadContext): void {
  const call = ctx.tree.rootNode
    .descendantsOfType('call', { row, column: 0 }, { row: row + 1, column: 0 })
    .find((c) => c !== null && c.childForFieldName('function')?.text === factory);
  const args = call?.childForFieldName('arguments');
  const first = args ? positionalArguments(args)[0] : undefined;
  const name = first ? evaluate(first, ctx.symbols) : undefined;
  if (!first || typeof name?.value !== 'string' || !MODEL_NAME_WORD.test(name.value)) return;
  ctx.add(
    'model.id',
    name.value,
    first,
    `${factory}(${name.via ? `${first.text.slice(0, 40)}: ${name.via}` : name.value}) builds ${object}: the model the program runs`,
    'medium',
  );
}

/** Ancestors looked at for the loop a call sits in. */
const MAX_LOOP_CLIMB = 12;

/** Whether the call on the 0-based row sits in a `for` loop's body (not in a definition). */
function inDataLoop(tree: Tree, row: number): boolean {
  let at: Node | null =
    tree.rootNode
      .descendantsOfType('call', { row, column: 0 }, { row: row + 1, column: 0 })
      .find((c) => c !== null && c.startPosition.row === row) ?? null;
  for (let i = 0; at && i < MAX_LOOP_CLIMB; i++, at = at.parent) {
    if (at.type === 'for_statement') return true;
    if (at.type === 'function_definition' || at.type === 'class_definition') return false;
  }
  return false;
}
