import { normalisePrecision } from '../../precision';
import type { Node } from 'web-tree-sitter';
import { startsARun } from '../../../facts';
import { fromImports } from '../fromImports';
import type { FileRule } from '../rules';
import { INSTALLED, linkLoader } from './loaderModule';

/**
 * A compute dtype a package picks once, when its module is imported, from the GPU it finds (eighteenth round, set U):
 *
 *     def _detect_compute_dtype():
 *         ...
 *         if torch.cuda.is_available():
 *             if torch.cuda.get_device_capability() >= (8, 0):
 *                 return torch.bfloat16, "..."
 *             return torch.float32, "..."
 *         return torch.float32, "..."
 *     COMPUTE_DTYPE, COMPUTE_DTYPE_REASON = _detect_compute_dtype()
 *
 * The package's model and training code cast to that constant instead of using torch.autocast, so a program of the
 * package computes in it without saying so. Read as the first dtype the function returns once it has checked for a
 * GPU (`torch.cuda.is_available()`): "the GPU branch", as for `a if torch.cuda.is_available() else b`; on a machine
 * without one (or an older GPU) it is the other branch's.
 *
 * The module's reading carries the `COMPUTE_DTYPE_DETAIL` prefix; a program of the package links the modules of its
 * package it imports from as loader modules (loaderModule.ts), which draw only such default dtypes (analyze.ts).
 */
export const COMPUTE_DTYPE_DETAIL = 'compute dtype picked at import: ';
/**
 * How a program's link to such a module begins (after the loader prefix): a look for one fact only, so it neither
 * claims the file nor its name for the walk (analyze.ts): a link that draws all of the module's facts still reads it.
 */
export const COMPUTE_DTYPE_LOOK = 'compute dtype look: ';

/** `COMPUTE_DTYPE = _detect()` or `COMPUTE_DTYPE, REASON = _detect()` at column 0. */
const DTYPE_CONSTANT =
  /^([A-Z][A-Z0-9_]{0,60})((?:[ \t]*,[ \t]*[A-Za-z_]\w{0,60}){0,3})[ \t]*=[ \t]*([A-Za-z_]\w{0,60})\(\)[ \t]*(?:#.*)?$/gm;
const GPU_CHECK = /\btorch\.cuda\.is_available\(\)/;
/** `return torch.bfloat16` (alone or first of a tuple). */
const RETURNED_DTYPE = /^return[ \t]+\(?[ \t]*torch\.(bfloat16|float16|half|float32|float)\b/;
const MAX_CONSTANTS = 4;
const MAX_MODULES = 6;

/** The first `return torch.<dtype>` after the function's GPU check, in the order the text is written. */
function gpuBranchReturn(fn: Node): { precision: string; node: Node } | undefined {
  const body = fn.childForFieldName('body');
  if (!body) return undefined;
  const check = body.text.search(GPU_CHECK);
  if (check < 0) return undefined;
  const checkAt = body.startIndex + check;
  for (const ret of body.descendantsOfType('return_statement')) {
    if (!ret || ret.startIndex < checkAt) continue;
    const m = RETURNED_DTYPE.exec(ret.text);
    // A bare `torch.float` is float32 (normalisePrecision reads only the sized names).
    if (m) return { precision: normalisePrecision(m[1]) ?? 'fp32', node: ret };
    // Another value first (a dtype looked up by name): the GPU branch is not a literal dtype.
    return undefined;
  }
  return undefined;
}

/** In the package's module: the constant bound at import to what its GPU-detecting function returns. */
export const packageComputeDtype: FileRule = {
  framework: 'torch',
  phase: 'after-calls',
  words: ['is_available'],
  read: (_index, ctx) => {
    if (!ctx.text.includes('DTYPE') || !GPU_CHECK.test(ctx.text) || !ctx.text.includes('return torch.')) return;
    // Other precision facts of the module (`torch.set_float32_matmul_precision` in a setup function) stay: a program
    // linking the module as a loader's draws only this one.
    let seen = 0;
    for (const m of ctx.text.matchAll(DTYPE_CONSTANT)) {
      if (++seen > MAX_CONSTANTS) return;
      if (!m[1].includes('DTYPE')) continue;
      const fn = ctx.tree.rootNode.namedChildren.find(
        (n) => n?.type === 'function_definition' && n.childForFieldName('name')?.text === m[3],
      );
      const picked = fn ? gpuBranchReturn(fn) : undefined;
      if (!picked) continue;
      ctx.add(
        'training.precision',
        picked.precision,
        picked.node,
        `${COMPUTE_DTYPE_DETAIL}${m[1]} = ${m[3]}(): ${picked.precision} on a GPU that has it (the GPU branch; other machines take the function's other returns)`,
        'medium',
      );
      return;
    }
  },
};

/**
 * In a program of the package: the modules of its own package it imports from (`from pkg.common import compute_init`)
 * are linked as loader modules, so the compute dtype one of them picks at import reaches the run (only that).
 */
export const packageComputeDtypeLink: FileRule = {
  framework: 'python',
  phase: 'after-calls',
  words: [],
  read: (_index, ctx) => {
    if (!ctx.text.includes('from ') || ctx.facts.some((f) => f.kind === 'training.precision' && f.value !== null))
      return;
    if (!ctx.facts.some(startsARun)) return;
    // Modules another rule links already: that link draws the module's facts, the dtype among them.
    const linked = new Set(ctx.facts.filter((f) => f.kind === 'link.module').map((f) => String(f.value)));
    const modules = new Set<string>();
    for (const { module } of fromImports(ctx.text, 60)) {
      const bare = module.replace(/^\.+/, '');
      // A module of a package (`pkg.common`), not an installed library's nor a sibling file's.
      if (!bare.includes('.') || module.startsWith('.') || INSTALLED.test(bare) || modules.has(bare)) continue;
      const path = bare.replace(/\./g, '/');
      if (linked.has(`${path}.py`) || linked.has(`${path}/__init__.py`)) continue;
      modules.add(bare);
      if (modules.size >= MAX_MODULES) break;
    }
    for (const module of modules) {
      const at = ctx.text.indexOf(`from ${module} import`);
      const row = at < 0 ? 0 : ctx.text.slice(0, at).split('\n').length - 1;
      linkLoader(ctx, row, 0, module, `${COMPUTE_DTYPE_LOOK}from ${module} import ...: the compute dtype it may pick`);
    }
  },
};
