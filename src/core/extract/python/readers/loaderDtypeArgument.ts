import { normalisePrecision } from '../../precision';
import { startsARun } from '../../../facts';
import type { FileRule } from '../rules';

/**
 * A model loader handed the compute dtype as a literal: `model = load_model(cfg, ckpt, device, torch.bfloat16)` or
 * `init_model(path, device, precision=torch.float16)`. A loader that takes a dtype casts the model it builds to it
 * (`model.to(device=device, dtype=precision)`), so the program runs the model in that dtype. Only calls of a
 * loader by its usual name (`load_model`, `load_<x>_model`, `init_model`, `build_model`, `get_model`), a torch dtype
 * written as one argument of the call (positional, or `dtype=` / `precision=` / `torch_dtype=`), in a file that starts
 * a run and where nothing else said the precision; several loaders handed different dtypes leave it unread.
 */

const LOADER_CALL = /\b(?:load_(?:\w{1,30}_)?model|init_model|build_model|get_model)[ \t]*\(/g;
/** A torch dtype as one argument: after `(` or `,`, optionally named, before `,` or `)`. */
const DTYPE_ARGUMENT =
  /(?:^|[(,])\s*(?:(?:dtype|precision|torch_dtype)\s*=\s*)?torch\.(bfloat16|float16|half|float32)\s*(?=[,)])/;
/** Characters of a call's arguments read; calls looked at. */
const MAX_ARGUMENTS = 600;
const MAX_CALLS = 40;

/** The argument text of the call whose `(` is at `open`, up to its closing bracket (bounded). */
function argumentsAt(text: string, open: number): string {
  let depth = 0;
  const end = Math.min(text.length, open + MAX_ARGUMENTS);
  for (let i = open; i < end; i++) {
    const ch = text[i];
    if (ch === '(' || ch === '[' || ch === '{') depth++;
    else if ((ch === ')' || ch === ']' || ch === '}') && --depth === 0) return text.slice(open, i + 1);
  }
  return '';
}

export const loaderDtypeArgument: FileRule = {
  framework: 'torch',
  phase: 'after-calls',
  // Its words keep lines for the line prefilter; a loader may take its dtype by a variable.
  readsWithoutWords: true,
  words: ['bfloat16', 'float16'],
  read: (_index, ctx) => {
    if (ctx.facts.some((f) => f.kind === 'training.precision' && f.value !== null)) return;
    if (!ctx.facts.some(startsARun)) return;
    let found: { value: string; offset: number; dtype: string } | undefined;
    let calls = 0;
    for (const m of ctx.text.matchAll(LOADER_CALL)) {
      if (++calls > MAX_CALLS) break;
      const lineStart = ctx.text.lastIndexOf('\n', m.index) + 1;
      const head = ctx.text.slice(lineStart, m.index);
      // A definition (`def load_model(`) or a comment is no call.
      if (/^\s*(?:def|async\s+def)\s/.test(head) || head.includes('#')) continue;
      const open = m.index + m[0].length - 1;
      const args = argumentsAt(ctx.text, open);
      const a = DTYPE_ARGUMENT.exec(args);
      const d = a?.[1];
      // DTYPE_ARGUMENT's names (bfloat16, float16, half, float32) all have a precision.
      const precision = d ? normalisePrecision(d) : null;
      if (!a || !d || !precision) continue;
      if (found && found.value !== precision) return;
      // Where the dtype is written (the line a user edits).
      found ??= { value: precision, offset: open + a.index + a[0].indexOf('torch.'), dtype: d };
    }
    if (!found) return;
    const before = ctx.text.slice(0, found.offset);
    const row = before.split('\n').length - 1;
    const column = found.offset - (before.lastIndexOf('\n') + 1);
    const node = ctx.tree.rootNode.descendantForPosition({ row, column }) ?? ctx.tree.rootNode;
    ctx.add(
      'training.precision',
      found.value,
      node,
      `a model loader is handed torch.${found.dtype}: the model runs in that dtype`,
      'medium',
    );
  },
};
