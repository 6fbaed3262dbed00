import type { Node } from 'web-tree-sitter';
import { startsARun, type Fact } from '../../../facts';
import { evaluate } from '../../pythonValues';
import { lineRange } from '../context';
import { codeWithoutStrings, executedRowMask } from '../entryPoint';
import { fromImports } from '../fromImports';
import type { FileRule } from '../rules';
import { TRAINS_IN_TEXT } from './trainsInText';

/**
 * A program that builds its package's engine class named for the task it performs, then asks it for that task
 * (twenty-third round, set Z): `from mypkg.api import TextToSpeech` (or `from api import TextToSpeech` beside it),
 * `engine = TextToSpeech(...)` in code that runs (a reached main block, the module's top level, a notebook cell) and
 * `engine.<method>(...)` on the object. A speech or media package ships its released checkpoints behind one such class
 * (its constructor downloads and loads them, its methods synthesise): the program is an inference run of the
 * package's models, though no `from_pretrained` is in the file. The class's module is linked (`link.module`, low
 * confidence: a class of an installed package has no file here and is quietly not followed).
 *
 * A half-precision switch handed to the constructor (`half=True`, `half=args.half` of a flag whose declared default
 * is true, `use_fp16=...`) runs the models in fp16; `False` (or a false default) in fp32. Left unread where it
 * cannot be evaluated. Which models the class loads and their sizes are its code's business and are not said here.
 *
 * An engine built at the module's top level (`engine = TextToSpeech()` above a socket or web server's handlers) loads
 * its models when the module runs: such a module of the package is a program (a server), not library code.
 *
 * Not read where the file trains (an optimiser step, a backward pass), or where another rule started the run.
 */

/** A class named for its task, "<input>To<output>": `TextToSpeech`, `SpeechToText`, `TextToAudio`, `ImageToVideo`. */
const TASK_CLASS =
  /^(?:[A-Z][A-Za-z0-9]{0,30})?(?:Text|Speech|Audio|Voice|Image|Video)To(?:Speech|Text|Audio|Voice|Image|Video|Music)$/;
/** Libraries installed from an index: their classes are read by their own rules. */
const INSTALLED =
  /^(?:torch|torchvision|torchaudio|transformers|diffusers|vllm|keras|tensorflow|jax|flax|accelerate|peft|trl|timm|sklearn|numpy|scipy|lightning|pytorch_lightning|openai|anthropic|langchain\w*)(?:\.|$)/;
/** A constructor's half-precision switch by its keyword. */
const HALF_KEYWORD = /^(?:half|is_half|use_half|fp16|use_fp16|half_precision)$/;
const MAX_NAMES = 50;
/** The `launch.inference` value of an engine built at the module's top level. */
const ENGINE_AT_IMPORT = 'engine-at-import';

export const taskEngineClass: FileRule = {
  framework: 'python',
  phase: 'after-calls',
  words: ['To'],
  runStart: [/(?:Text|Speech|Audio|Voice|Image|Video)To(?:Speech|Text|Audio|Voice|Image|Video|Music)[ \t]*\(/],
  read: (_index, ctx) => {
    if (ctx.facts.some(startsARun) || TRAINS_IN_TEXT.test(ctx.text)) return;
    const classes = new Map<string, string>();
    for (const { module, name, local } of fromImports(ctx.text, Infinity)) {
      if (classes.size >= MAX_NAMES) break;
      if (INSTALLED.test(module.replace(/^\.+/, '')) || !TASK_CLASS.test(name)) continue;
      classes.set(local, `${module.replace(/^\.+/, '').replace(/\./g, '/')}.py`);
    }
    if (classes.size === 0) return;
    const code = codeWithoutStrings(ctx.tree, new Set(classes.keys()), true).split('\n');
    const executed = executedRowMask(ctx.tree);
    const built = new RegExp(`^[ \\t]*([A-Za-z_]\\w{0,60})[ \\t]*=[ \\t]*(${[...classes.keys()].join('|')})[ \\t]*\\(`);
    for (let row = 0; row < code.length; row++) {
      if (executed[row] !== 1) continue;
      const m = built.exec(code[row]);
      if (!m) continue;
      // The object must be asked for its task somewhere (`engine.tts(...)`, in a function the server calls too).
      if (!new RegExp(`(?:^|[^\\w.])${m[1]}\\.[a-z_]\\w{0,60}[ \\t]*\\(`, 'm').test(code.join('\n'))) continue;
      const file = classes.get(m[2])!;
      const range: Fact['range'] = lineRange(row, code[row].length);
      ctx.facts.push(
        {
          kind: 'launch.inference',
          // Built at the module's top level: the models load when the module runs (a server program), which a
          // library module of the package would not do (resolve/entryPoint.ts keeps it as a run of its own).
          value: /^[ \t]/.test(code[row]) ? m[2] : ENGINE_AT_IMPORT,
          range,
          confidence: 'medium',
          detail: `${m[2]}(...) from ${file} loads the package's released models and ${m[1]} is asked to run them (inference); which models and their sizes are the package's to say`,
        },
        {
          kind: 'link.module',
          value: file,
          range,
          confidence: 'low',
          detail: `${m[2]}(...) from ${file} loads the models this program runs`,
        },
      );
      const half = halfKeyword(ctx.tree.rootNode.descendantForPosition({ row, column: m.index + m[0].length - 1 }));
      if (half) {
        const r = evaluate(half, ctx.symbols);
        if (r && typeof r.value === 'boolean')
          ctx.add(
            'training.precision',
            r.value ? 'fp16' : 'fp32',
            half,
            `${m[2]}(${half.parent?.text.slice(0, 80) ?? ''}): the engine's half-precision switch is ${r.value ? 'on' : 'off'}${r.via ? ` (${r.via})` : ''}`,
            'medium',
          );
      }
      return;
    }
  },
};

/** The value of the half-precision keyword of the call whose name ends at `node`, if it passes one. */
function halfKeyword(node: Node | null): Node | null {
  let call: Node | null = node;
  for (let i = 0; i < 4 && call && call.type !== 'call'; i++) call = call.parent;
  const args = call?.type === 'call' ? call.childForFieldName('arguments') : null;
  for (const a of args?.namedChildren ?? []) {
    if (a?.type !== 'keyword_argument') continue;
    const name = a.childForFieldName('name')?.text ?? '';
    if (HALF_KEYWORD.test(name)) return a.childForFieldName('value');
  }
  return null;
}
