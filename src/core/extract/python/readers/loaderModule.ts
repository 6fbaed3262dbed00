import { startsARun, type Fact } from '../../../facts';
import { escapeRegExp, nodeRange, type PythonReadContext } from '../context';
import { fromImports } from '../fromImports';
import { codeWithoutStrings, executedRowMask } from '../entryPoint';
import type { FileRule } from '../rules';

/**
 * A program that gets its model from a loader of the repository's own package: `model = pkg.load("BIAS-7B", ...)`
 * after `import pkg`, or `generator = Llama.build(ckpt_dir=...)` after `from pkg import Llama`. The loader often fixes
 * how the weights are held: Meta's LLaMA reference code and the repositories built on it set
 * `torch.set_default_tensor_type(torch.cuda.HalfTensor)` inside `build`/the model class before constructing the
 * network (pytorch.org/docs: torch.set_default_tensor_type), so the run is fp16 though the program says nothing.
 *
 * The package's module is linked (`link.module`, low confidence, `LOADER_LINK`): `pkg.py` or `pkg/__init__.py`, and
 * from a package's `__init__.py` the modules it re-exports (`from .generation import Llama`, `from .adapter import
 * *`: `REEXPORT_LINK`, followed only under a loader link). Only the default dtype those modules set is drawn from
 * them (analyze.ts), never their other facts: a library's own generate calls or sizes are not this run's.
 */

/** Detail prefix of the link to a loader's module (analyze.ts draws only the default dtype through it). */
export const LOADER_LINK = 'loader module: ';
/** Detail prefix of a package `__init__`'s link to a module it re-exports (followed only under a loader link). */
export const REEXPORT_LINK = 're-exported module: ';

/** Method names of a loader: `load`, `build`, `load_model`, `build_model`, `create_model`, `from_name`. */
const LOADER_METHOD = /^(?:load|build|load_model|build_model|create_model|load_pretrained|from_name)$/;
/** Libraries installed from an index: their loaders are read by their own rules. */
export const INSTALLED =
  /^(?:torch|torchvision|transformers|timm|diffusers|lightning|pytorch_lightning|keras|tensorflow|jax|flax|accelerate|trl|peft|datasets|vllm|numpy|np|json|yaml|pickle|joblib|open_clip|clip|whisper|fire|os|sys|re|mmengine|mmcv|detectron2|ultralytics|sentence_transformers|safetensors|onnxruntime|tiktoken|sentencepiece|spacy|gensim|fasttext|omegaconf|hydra|tokenizers|huggingface_hub)(?:\.|$)/;
const IMPORT_MODULE =
  /^import[ \t]+([A-Za-z_]\w{0,60}(?:\.[A-Za-z_]\w{0,60}){0,4})(?:[ \t]+as[ \t]+(\w{1,60}))?[ \t]*$/gm;
const FROM_IMPORT =
  /^from[ \t]+(\.{0,3}[A-Za-z_]\w{0,60}(?:\.[A-Za-z_]\w{0,60}){0,4})[ \t]+import[ \t]+(\([^)]{0,1000}\)|[^\n#]{1,1000})/gm;
/** A relative import in a package's `__init__.py`. */
const RELATIVE_IMPORT = /^from[ \t]+\.([A-Za-z_]\w{0,60}(?:\.[A-Za-z_]\w{0,60}){0,4})[ \t]+import\b/gm;
const MAX_NAMES = 50;
const MAX_REEXPORTS = 8;

/** The file a dotted module names, as a module or as a package (`pkg/mod.py`, `pkg/mod/__init__.py`). */
function moduleFiles(dotted: string): string[] {
  const base = dotted.replace(/^\.+/, '').replace(/\./g, '/');
  return [`${base}.py`, `${base}/__init__.py`];
}

/** Links the loader `module`'s files from the call on `row` (the link carries only the dtype the loader builds in). */
export function linkLoader(ctx: PythonReadContext, row: number, length: number, module: string, what: string): void {
  const range: Fact['range'] = {
    ...nodeRange(ctx.tree.rootNode),
    startLine: row,
    startCol: 0,
    endLine: row,
    endCol: length,
  };
  for (const file of moduleFiles(module))
    ctx.facts.push({ kind: 'link.module', value: file, range, confidence: 'low', detail: `${LOADER_LINK}${what}` });
}

export const loaderModule: FileRule = {
  framework: 'python',
  phase: 'after-calls',
  words: [],
  read: (_index, ctx) => {
    if (!/\.(?:load|build|load_model|build_model|create_model|load_pretrained|from_name)\s*\(/.test(ctx.text)) return;
    if (!ctx.facts.some(startsARun)) return;
    // What the program calls through: `import pkg` (the module), `from pkg import Cls` (a class of it).
    const receivers = new Map<string, string>();
    for (const m of ctx.text.matchAll(IMPORT_MODULE))
      if (!INSTALLED.test(m[1]) && receivers.size < MAX_NAMES) receivers.set(m[2] ?? m[1], m[1]);
    for (const m of ctx.text.matchAll(FROM_IMPORT)) {
      if (INSTALLED.test(m[1].replace(/^\.+/, '')) || m[1] === '__future__') continue;
      for (const part of m[2].replace(/[()\\]/g, ' ').split(',')) {
        const name = /^\s*([A-Z]\w*)(?:\s+as\s+(\w+))?\s*$/.exec(part);
        if (name && receivers.size < MAX_NAMES) receivers.set(name[2] ?? name[1], m[1]);
      }
    }
    if (receivers.size === 0) return;
    const call = new RegExp(`(?:^|[^\\w.])(${[...receivers.keys()].join('|')})\\.(\\w+)\\s*\\(`);
    // No such call anywhere in the text (strings included): nothing to find in the blanked code (which costs a copy).
    const anyLoaderCall = new RegExp(
      `(?:^|[^\\w.])(?:${[...receivers.keys()].join('|')})\\.(?:load|build|load_model|build_model|create_model|load_pretrained|from_name)\\s*\\(`,
      'm',
    );
    if (!anyLoaderCall.test(ctx.text)) return;
    const code = codeWithoutStrings(ctx.tree, new Set(receivers.keys()), true).split('\n');
    const executed = executedRowMask(ctx.tree);
    for (let row = 0; row < code.length; row++) {
      if (executed[row] !== 1 || /^\s*(?:from|import|def|class)\b/.test(code[row])) continue;
      const m = call.exec(code[row]);
      if (!m || !LOADER_METHOD.test(m[2])) continue;
      const module = receivers.get(m[1])!;
      linkLoader(
        ctx,
        row,
        code[row].length,
        module,
        `${m[1]}.${m[2]}(...) from ${module}: the dtype the loader builds the model in`,
      );
      return;
    }
  },
};

/** A package's `__init__.py` made of imports only: the modules it re-exports from (`from .generation import Llama`). */
export const packageReexports: FileRule = {
  framework: 'python',
  phase: 'after-calls',
  words: ['from .'],
  read: (_index, ctx) => {
    if (!ctx.text.includes('from .') || ctx.facts.length > 0) return;
    // Only imports, `__all__`, docstrings and comments: a package's front (anything else is a module of its own).
    for (const statement of ctx.tree.rootNode.namedChildren) {
      const type = statement?.type ?? '';
      if (/^(?:import_statement|import_from_statement|future_import_statement|comment)$/.test(type)) continue;
      const first = statement?.namedChildren[0];
      if (type === 'expression_statement' && (first?.type === 'string' || /^__all__\s*[+]?=/.test(first?.text ?? '')))
        continue;
      return;
    }
    let seen = 0;
    for (const m of ctx.text.matchAll(RELATIVE_IMPORT)) {
      if (++seen > MAX_REEXPORTS) break;
      const row = ctx.text.slice(0, m.index).split('\n').length - 1;
      for (const file of moduleFiles(m[1]))
        ctx.facts.push({
          kind: 'link.module',
          value: file,
          range: { ...nodeRange(ctx.tree.rootNode), startLine: row, startCol: 0, endLine: row, endCol: m[0].length },
          confidence: 'low',
          detail: `${REEXPORT_LINK}.${m[1]}`,
        });
    }
  },
};

/**
 * The module of a model class a program builds (`class FooInferenceModel` in `pkg/inference/foo.py`, linked by
 * packageModelClass.ts) that builds its network through a loader module of its own package: `from pkg.inference
 * import loader` then `loader.load_model(path, rank=rank)` in a method, or `from pkg.loader import build_model` then
 * `build_model(...)`. Released reference code often fixes the weights' dtype in that loader
 * (`torch.set_default_dtype(torch.bfloat16)` around the constructor; pytorch.org/docs: torch.set_default_dtype), so
 * the loader's module is linked as a loader's (`LOADER_LINK`): only the default dtype it sets is drawn. Not read where
 * `loaderModule` already linked a loader (a program that starts a run and calls one).
 */
const MODEL_CLASS_DEF = /^class[ \t]+[A-Z]\w{0,60}Model\b/m;
const LOWER_NAME = /^[a-z_][a-z0-9_]{0,60}$/;

export const classLoaderModule: FileRule = {
  framework: 'python',
  phase: 'after-calls',
  words: ['Model'],
  read: (_index, ctx) => {
    if (!MODEL_CLASS_DEF.test(ctx.text) || ctx.facts.some((f) => f.detail.startsWith(LOADER_LINK))) return;
    // Modules of the package imported by name (`from pkg.sub import loader`): calls through them.
    const modules = new Map<string, string>();
    // Loader functions imported from a module of the package (`from pkg.loader import load_model`).
    const functions = new Map<string, string>();
    for (const { module, name, local } of fromImports(ctx.text, 200)) {
      const bare = module.replace(/^\.+/, '');
      if (!bare || INSTALLED.test(bare) || modules.size + functions.size >= MAX_NAMES) continue;
      if (LOADER_METHOD.test(name)) functions.set(local, bare);
      else if (LOWER_NAME.test(name) && /\./.test(bare)) modules.set(local, `${bare}.${name}`);
    }
    if (modules.size + functions.size === 0) return;
    const alternatives: string[] = [];
    if (modules.size > 0)
      alternatives.push(
        `(?:^|[^\\w.])(${[...modules.keys()].map(escapeRegExp).join('|')})\\.(load|build|load_model|build_model|create_model|load_pretrained|from_name)\\s*\\(`,
      );
    if (functions.size > 0)
      alternatives.push(`(?:^|[^\\w.])(${[...functions.keys()].map(escapeRegExp).join('|')})\\s*\\(`);
    const call = new RegExp(alternatives.join('|'));
    if (!new RegExp(call.source, 'm').test(ctx.text)) return;
    const code = codeWithoutStrings(ctx.tree, new Set([...modules.keys(), ...functions.keys()]), true).split('\n');
    for (let row = 0; row < code.length; row++) {
      if (/^\s*(?:from|import|def|class)\b/.test(code[row])) continue;
      const m = call.exec(code[row]);
      if (!m) continue;
      const module = m[1] !== undefined ? modules.get(m[1])! : functions.get(m[3])!;
      const called = m[1] !== undefined ? `${m[1]}.${m[2]}` : m[3];
      linkLoader(
        ctx,
        row,
        code[row].length,
        module,
        `${called}(...) from ${module}: the dtype the model class's loader builds it in`,
      );
      return;
    }
  },
};
