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
  /^(?:[A-Z][A-Za-z0-9]{0,30})?(?:Text|Speech|Audio|Voice|Image|Video)To(?:Speech|Text|Audio|Voice|Image|Video|Music)$|^(?:TTS|ASR|STT)$/;
/**
 * An import of such a class inside the function that uses it (`def main(...): from mypkg.api import TTS`, a console
 * script that defers its heavy imports until the command runs). One line, bounded.
 */
const INDENTED_IMPORT =
  /^[ \t]{1,40}from[ \t]+(\.{0,3}[A-Za-z_][\w.]{0,100})[ \t]+import[ \t]+([A-Z]\w{0,60})[ \t]*$/gm;
/**
 * A facade class named as its package (`from detoxify import Detoxify`, `from mypkg.api import Mypkg`), compared
 * without case, underscores or hyphens: the package's one entry to its released models.
 */
function isFacade(module: string, name: string): boolean {
  const parts = module.replace(/^\.+/, '').split('.');
  const norm = (t: string) => t.toLowerCase().replace(/[_-]/g, '');
  return /^[A-Z]/.test(name) && parts.length <= 2 && norm(parts[0]) === norm(name);
}
/** What a facade class is asked for when it runs its models (not a setter, a save, a download). */
const FACADE_ASK =
  '(?:predict|infer|inference|generate|transcribe|synthesi[sz]e|classify|detect|embed|caption|translate)\\w{0,30}';
/** Rows looked at upwards from a dict entry (`'EN': TTS(...)`) for the assignment of the dict that holds it. */
const MAX_DICT_LOOKBACK = 60;
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
  words: ['To', 'TTS', 'ASR', 'STT', 'predict', 'transcribe', 'synthesi', 'classify', 'caption'],
  // One pattern (every pattern of a list must match): a task class built, or a facade class asked to predict
  // (`Detoxify("original").predict(text)`).
  runStart:
    /(?:Text|Speech|Audio|Voice|Image|Video)To(?:Speech|Text|Audio|Voice|Image|Video|Music)[ \t]*\(|\b(?:TTS|ASR|STT)[ \t]*\(|\.(?:predict|transcribe|synthesi[sz]e|classify|caption)[ \t]*\(/,
  read: (_index, ctx) => {
    if (ctx.facts.some(startsARun) || TRAINS_IN_TEXT.test(ctx.text)) return;
    const classes = new Map<string, string>();
    const facades = new Set<string>();
    const packageOf = new Map<string, string>();
    const imported = [...fromImports(ctx.text, Infinity)];
    for (const m of ctx.text.matchAll(INDENTED_IMPORT)) imported.push({ module: m[1], name: m[2], local: m[2] });
    for (const { module, name, local } of imported) {
      if (classes.size >= MAX_NAMES) break;
      if (INSTALLED.test(module.replace(/^\.+/, ''))) continue;
      // The package's facade class, named as the package (`from detoxify import Detoxify`): its constructor loads the
      // package's released checkpoint by name; it counts only when asked to predict (see FACADE_ASK below).
      const facade = !TASK_CLASS.test(name) && isFacade(module, name);
      if (!TASK_CLASS.test(name) && !facade) continue;
      if (facade) facades.add(local);
      classes.set(local, `${module.replace(/^\.+/, '').replace(/\./g, '/')}.py`);
      // Only a package path names the package (`melo.api` → melo): a one-word module (`from api import ...`) is as
      // often a sibling file of the program, whose package the file does not say.
      const bare = module.replace(/^\.+/, '');
      if (bare.includes('.') && !module.startsWith('.')) packageOf.set(local, bare.split('.')[0]);
    }
    if (classes.size === 0) return;
    const code = codeWithoutStrings(ctx.tree, new Set(classes.keys()), true).split('\n');
    const executed = executedRowMask(ctx.tree);
    const names = [...classes.keys()].join('|');
    const built = new RegExp(`^[ \\t]*([A-Za-z_]\\w{0,60})[ \\t]*=[ \\t]*(${names})[ \\t]*\\(`);
    // An entry of a dict of engines, one per language or voice (`models = {'EN': TTS(...), 'FR': TTS(...)}`; the key's
    // string is blanked in `code`). Bounded runs of blanks: no two unbounded ones side by side.
    const entry = new RegExp(
      `^[ \\t]{0,80}(?:["'][^"'\\n]{0,60}["']|\\w{1,60})?[ \\t]{0,80}:[ \\t]{0,20}(${names})[ \\t]*\\(`,
    );
    for (let row = 0; row < code.length; row++) {
      if (executed[row] !== 1) continue;
      let m: RegExpExecArray | [string, string, string] | null = built.exec(code[row]);
      // The statement that builds the engine: its own line, or the dict's assignment.
      let statementRow = row;
      if (!m) {
        const e = entry.exec(code[row]);
        const holder = e ? dictHolder(code, row) : undefined;
        if (e && holder) {
          m = [e[0], holder.name, e[1]];
          statementRow = holder.row;
        }
      }
      if (!m) continue;
      // The object must be asked for its task somewhere (`engine.tts(...)`, in a function the server calls too);
      // an engine of a dict is picked by its key first (`models[language].tts_to_file(...)`).
      const method = facades.has(m[2]) ? FACADE_ASK : '[a-z_]\\w{0,60}';
      const asked = new RegExp(`(?:^|[^\\w.])${m[1]}(?:\\[[^\\]\\n]{1,60}\\])?\\.${method}[ \\t]*\\(`, 'm');
      if (!asked.test(code.join('\n'))) continue;
      const file = classes.get(m[2])!;
      const range: Fact['range'] = lineRange(row, code[row].length);
      ctx.facts.push(
        {
          kind: 'launch.inference',
          // Built at the module's top level: the models load when the module runs (a server program), which a
          // library module of the package would not do (resolve/entryPoint.ts keeps it as a run of its own).
          value: /^[ \t]/.test(code[statementRow]) ? m[2] : ENGINE_AT_IMPORT,
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
      // The engine's package names the model it loads (`melo.TTS`), its size the checkpoint's (not in the file).
      const engineOf = packageOf.get(m[2]);
      if (!ctx.facts.some((f) => f.kind === 'model.id' && f.value !== null)) {
        // A facade handed the checkpoint's name first (`Detoxify(model_name)`, `--model_name` defaulting to
        // "unbiased"): that name is the model.
        const checkpoint = facades.has(m[2])
          ? firstStringArgument(ctx.tree.rootNode.descendantForPosition({ row, column: m[0].length - 1 }), ctx)
          : undefined;
        const name = checkpoint ?? (engineOf ? `${engineOf}.${m[2]}` : m[2]);
        if (checkpoint)
          ctx.facts.push({
            kind: 'model.id',
            value: checkpoint,
            range,
            confidence: 'low',
            detail: `${m[2]}("${checkpoint}"): the released checkpoint the package loads by that name`,
          });
        else if (engineOf)
          ctx.facts.push({
            kind: 'model.id',
            value: name,
            range,
            confidence: 'low',
            detail: `${m[2]} of the ${engineOf} package: the model its released checkpoints hold`,
          });
        ctx.facts.push({
          kind: 'model.params',
          value: null,
          range,
          confidence: 'low',
          detail: `${name}: its size is in the checkpoints the package loads, not in the file`,
        });
      }
      const half = halfKeyword(ctx.tree.rootNode.descendantForPosition({ row, column: m[0].length - 1 }));
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

/** The name a dict literal holding `row` is assigned to (`models = {` on a line above, at a smaller indent). */
function dictHolder(code: readonly string[], row: number): { name: string; row: number } | undefined {
  for (let r = row - 1; r >= 0 && r >= row - MAX_DICT_LOOKBACK; r--) {
    const m = /^[ \t]*([A-Za-z_]\w{0,60})[ \t]*=[ \t]*\{[ \t]*$/.exec(code[r]);
    if (m) return { name: m[1], row: r };
    if (/^\S/.test(code[r])) return undefined;
  }
  return undefined;
}

/** The value of the half-precision keyword of the call whose name ends at `node`, if it passes one. */
/** The constructor's first positional argument, when it evaluates to a short name. */
function firstStringArgument(node: Node | null, ctx: Parameters<FileRule['read']>[1]): string | undefined {
  let call: Node | null = node;
  for (let i = 0; i < 4 && call && call.type !== 'call'; i++) call = call.parent;
  const first = call?.childForFieldName('arguments')?.namedChildren.find((c) => c?.type !== 'comment');
  if (!first || first.type === 'keyword_argument') return undefined;
  const r = evaluate(first, ctx.symbols);
  return typeof r?.value === 'string' && /^[\w./-]{1,100}$/.test(r.value) ? r.value : undefined;
}

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
