import type { Node } from 'web-tree-sitter';
import type { PythonReadContext } from '../context';
import type { FileRule } from '../rules';

/**
 * A model loader that picks its keyword arguments by the device it is given, as serving packages write it:
 *
 *     def load_model(model_path, device: str = "cuda", num_gpus: int = 1, ...):
 *         if device == "cpu":
 *             kwargs = {"torch_dtype": torch.float32}
 *         elif device == "cuda":
 *             kwargs = {"torch_dtype": torch.float16}
 *         ...
 *         model, tokenizer = adapter.load_model(model_path, kwargs)
 *
 * On the GPU the estimate is for (the device's default, or a GPU check as the condition) the loader takes the
 * GPU branch: the dict's dtype is the one the model is loaded in, once the dict is handed on to a loader
 * (`adapter.load_model(path, kwargs)`, `from_pretrained(path, **kwargs)`).
 *
 * Such a loader dispatches to one of many per-model adapters (classes that each define the same loading method,
 * picked by the model's name); an adapter that passes its own `torch_dtype=` to `from_pretrained` states the dtype
 * of that one model family, not the default path's. Where the loader's GPU branch is read, those per-adapter
 * readings are marked as read inside that adapter (`within`: `Class.method`), so a program linking the module draws
 * the loader's own choice, not one adapter's.
 */

/** `device == "cuda"` as a branch condition (the name is checked against the function's parameter default). */
const DEVICE_IS_CUDA = /^([A-Za-z_]\w{0,60})[ \t]*==[ \t]*["']cuda["']$/;
/** A GPU check as the condition: `torch.cuda.is_available()`. */
const GPU_CHECK = /^(?:torch\.)?cuda\.is_available\(\)$/;
/** `kwargs = {"torch_dtype": torch.float16, ...}`: a dict of loader keywords holding the dtype. */
const DTYPE_DICT =
  /^([A-Za-z_]\w{0,60})[ \t]*=[ \t]*\{[ \t\n]*["'](?:torch_)?dtype["'][ \t]*:[ \t]*torch\.(bfloat16|float16|half)\b/;
const PRECISION_OF: Record<string, string> = { bfloat16: 'bf16', float16: 'fp16', half: 'fp16' };
/** A callee that loads a model: `load_model`, `from_pretrained`, a model class. */
const LOADER_CALLEE = /load|pretrained|model/i;
/** `if` statements looked at (a module has a few hundred at most; a hostile file may have millions). */
const MAX_IFS = 500;
/** Classes looked at for a family of adapters. */
const MAX_CLASSES = 2_000;
/** Classes defining the same method that make a family of per-model adapters. */
const MIN_FAMILY = 3;

function enclosingFunction(node: Node): Node | null {
  let n: Node | null = node.parent;
  for (let depth = 0; n && depth < 200; depth++, n = n.parent) if (n.type === 'function_definition') return n;
  return null;
}

/** Whether `fn` has a parameter `name` whose default is "cuda". */
function defaultsToCuda(fn: Node | null, name: string): boolean {
  for (const p of fn?.childForFieldName('parameters')?.namedChildren ?? []) {
    if (p?.type !== 'default_parameter' && p?.type !== 'typed_default_parameter') continue;
    if (p.childForFieldName('name')?.text !== name) continue;
    return /^["']cuda(?::0)?["']$/.test(p.childForFieldName('value')?.text ?? '');
  }
  return false;
}

interface GpuDict {
  readonly precision: string;
  readonly name: string;
  readonly node: Node;
  readonly fn: Node | null;
}

function gpuDicts(root: Node): GpuDict[] {
  const found: GpuDict[] = [];
  for (const statement of root.descendantsOfType('if_statement').slice(0, MAX_IFS)) {
    if (!statement) continue;
    const clauses: Node[] = [statement];
    for (const c of statement.namedChildren) if (c?.type === 'elif_clause') clauses.push(c);
    for (const clause of clauses) {
      const condition = clause.childForFieldName('condition')?.text.trim() ?? '';
      const device = DEVICE_IS_CUDA.exec(condition);
      const fn = enclosingFunction(statement);
      if (!(device && defaultsToCuda(fn, device[1])) && !GPU_CHECK.test(condition)) continue;
      for (const child of clause.childForFieldName('consequence')?.namedChildren ?? []) {
        if (child?.type !== 'expression_statement') continue;
        const m = DTYPE_DICT.exec(child.text);
        if (m) found.push({ precision: PRECISION_OF[m[2]], name: m[1], node: child, fn });
      }
    }
  }
  return found;
}

/** The loader call in the same function that is handed the dict (`load_model(path, kwargs)`, `**kwargs`). */
function handedOn(index: { calls: readonly Node[] }, ctx: PythonReadContext, dict: GpuDict) {
  for (const call of index.calls) {
    if (dict.fn && (call.startIndex < dict.fn.startIndex || call.endIndex > dict.fn.endIndex)) continue;
    if (call.startIndex < dict.node.endIndex) continue;
    const { last } = ctx.callee(call);
    if (!LOADER_CALLEE.test(last)) continue;
    const args = call.childForFieldName('arguments')?.namedChildren ?? [];
    if (args.some((a) => a?.text === dict.name || a?.text === `**${dict.name}`)) return last;
  }
  return undefined;
}

interface Adapter {
  readonly name: string;
  readonly start: number;
  readonly end: number;
}

/** Methods whose name three or more classes of the module define: a family of per-model adapters. */
function adapterMethods(root: Node): Adapter[] {
  const byName = new Map<string, Adapter[]>();
  for (const cls of root.descendantsOfType('class_definition').slice(0, MAX_CLASSES)) {
    for (const member of cls?.childForFieldName('body')?.namedChildren ?? []) {
      const fn = member?.type === 'decorated_definition' ? member.childForFieldName('definition') : member;
      if (fn?.type !== 'function_definition') continue;
      const name = fn.childForFieldName('name')?.text ?? '';
      if (!/^(?:load|build|create)_?\w{0,40}$/.test(name)) continue;
      const rows = byName.get(name) ?? [];
      const owner = cls?.childForFieldName('name')?.text ?? '';
      rows.push({ name: `${owner}.${name}`, start: fn.startPosition.row, end: fn.endPosition.row });
      byName.set(name, rows);
    }
  }
  return [...byName.values()].filter((rows) => rows.length >= MIN_FAMILY).flat();
}

export const deviceBranchKwargs: FileRule = {
  framework: 'torch',
  phase: 'after-calls',
  words: ['torch_dtype', 'cuda'],
  read: (index, ctx) => {
    if (!ctx.text.includes('cuda') || !/["'](?:torch_)?dtype["'][ \t]*:/.test(ctx.text)) return;
    for (const dict of gpuDicts(ctx.tree.rootNode)) {
      const loader = handedOn(index, ctx, dict);
      if (!loader) continue;
      const adapters = adapterMethods(ctx.tree.rootNode);
      for (let i = 0; i < ctx.facts.length; i++) {
        const f = ctx.facts[i];
        if (f.kind !== 'training.precision' || f.within !== undefined) continue;
        const row = f.range.startLine;
        const inside = adapters.find((a) => a.start <= row && row <= a.end);
        if (inside) ctx.facts[i] = { ...f, within: inside.name };
      }
      ctx.add(
        'training.precision',
        dict.precision,
        dict.node,
        `${dict.node.text.split('\n')[0].trim()} in the GPU branch, handed to ${loader}(...): the model loads in ${dict.precision}`,
        'high',
      );
      return;
    }
  },
};
