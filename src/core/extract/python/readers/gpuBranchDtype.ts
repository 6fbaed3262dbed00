import type { Node } from 'web-tree-sitter';
import { startsARun } from '../../../facts';
import type { PythonReadContext } from '../context';
import type { FileRule } from '../rules';

/**
 * The dtype a program picks by the GPU it finds, in statements rather than an expression:
 *
 *     if torch.cuda.is_available():
 *         device = torch.device("cuda:0")
 *         dtype = torch.float16
 *     else:
 *         device = torch.device("cpu")
 *         dtype = torch.float32
 *     translator = Translator(args.model_name, vocoder, device, dtype=dtype)
 *
 * On the GPU the estimate is for, the program takes the first branch: the model is built in that branch's
 * reduced precision (the name is handed to a loader or model class as `dtype=`/`torch_dtype=`), on the one
 * device the branch names (`cuda:0`, `cuda`) when that device is handed to the same call. Only statements
 * directly in the branch count (a nested switch on a flag is another decision), and only a branch whose
 * condition is a GPU check that is not negated. Read when the file already starts a run and nothing else
 * said its precision (an expression `a if torch.cuda.is_available() else b` is read by the value evaluator).
 */

/** A GPU check as an `if` condition: `torch.cuda.is_available()`, `device.type == "cuda"`, `"cuda" in device`. */
const GPU_CHECK =
  /cuda\.is_available\(\)|\.type[ \t]*==[ \t]*["']cuda["']|["']cuda["'][ \t]+in\b|\.type[ \t]*!=[ \t]*["']cpu["']|cuda\.is_bf16_supported\(\)/;

/**
 * A GPU check as written, or a name bound to one a line above (`is_fp16_supported = torch.cuda.is_available() and
 * torch.cuda.get_device_capability()[0] > 7`, then `torch.float16 if is_fp16_supported else torch.float32`).
 */
function isGpuCheck(condition: string, text: string): boolean {
  const c = condition.trim();
  if (/^not\b/.test(c)) return false;
  if (GPU_CHECK.test(c)) return true;
  if (!/^[A-Za-z_]\w{0,60}$/.test(c)) return false;
  const bound = new RegExp(`^[ \\t]*${c}[ \\t]*=[ \\t]*([^\\n=][^\\n]{0,300})$`, 'm').exec(text)?.[1];
  return bound !== undefined && !/^not\b/.test(bound.trim()) && GPU_CHECK.test(bound);
}
/** `dtype = torch.float16`, as one statement. */
const DTYPE_BINDING = /^([A-Za-z_]\w{0,60})[ \t]*=[ \t]*torch\.(bfloat16|float16|half)$/;
/** `device = torch.device("cuda:0")` / `device = "cuda"`: one accelerator. */
const ONE_DEVICE = /^([A-Za-z_]\w{0,60})[ \t]*=[ \t]*(?:torch\.device\([ \t]*)?["']cuda(?::\d{1,3})?["'][ \t]*\)?$/;
/** `dtype = torch.float16 if <condition> else torch.float32`, as one line. */
const CONDITIONAL_BINDING =
  /^[ \t]*([A-Za-z_]\w{0,60})[ \t]*=[ \t]*torch\.(bfloat16|float16|half)[ \t]+if[ \t]+([^\n]{1,200}?)[ \t]+else[ \t]+torch\.float32[ \t]*(?:#[^\n]*)?$/;
/** `dtype=torch.float16 if "cuda" in device.type else torch.float32` handed to the call itself. */
const CONDITIONAL_DTYPE = /^torch\.(bfloat16|float16|half)[ \t]+if[ \t]+([^\n]{1,200}?)[ \t]+else[ \t]+torch\.float32$/;
/** Lines looked at (a longer module is read by the other rules only). */
const MAX_LINES = 20_000;
const PRECISION_OF: Record<string, string> = { bfloat16: 'bf16', float16: 'fp16', half: 'fp16' };
/** A callee that builds or loads a model: a class (`Translator`), a loader (`load_mutox_model`), `from_pretrained`. */
const MODEL_CALLEE = /^[A-Z]|load|model|pretrained|pipeline/i;
const DTYPE_KEYWORDS = new Set(['dtype', 'torch_dtype']);
/** `if` statements looked at (a program has a few; a hostile file may have millions). */
const MAX_IFS = 500;

interface Branch {
  readonly precision: string;
  readonly dtypeName: string;
  readonly deviceName: string | undefined;
  readonly node: Node;
  readonly text: string;
}

function gpuBranches(root: Node): Branch[] {
  const found: Branch[] = [];
  const ifs = root.descendantsOfType('if_statement').slice(0, MAX_IFS);
  for (const statement of ifs) {
    const condition = statement?.childForFieldName('condition');
    if (!statement || !condition || !GPU_CHECK.test(condition.text) || /^not\b/.test(condition.text)) continue;
    const body = statement.childForFieldName('consequence');
    if (!body) continue;
    const dtypes = new Map<string, { precision: string; node: Node }>();
    let deviceName: string | undefined;
    for (const child of body.namedChildren) {
      if (child?.type !== 'expression_statement') continue;
      const text = child.text.trim();
      const d = DTYPE_BINDING.exec(text);
      if (d) dtypes.set(d[1], { precision: PRECISION_OF[d[2]], node: child });
      const v = ONE_DEVICE.exec(text);
      if (v) deviceName = v[1];
    }
    for (const [dtypeName, { precision, node }] of dtypes)
      found.push({ precision, dtypeName, deviceName, node, text: node.text.trim() });
  }
  // `dtype = torch.float16 if device.type == "cuda" else torch.float32`, one statement anywhere.
  const lines = root.text.split('\n', MAX_LINES);
  for (let row = 0; row < lines.length && found.length < MAX_IFS; row++) {
    const line = lines[row];
    if (!line.includes(' if ') || !line.includes('torch.')) continue;
    const m = CONDITIONAL_BINDING.exec(line);
    if (!m || !isGpuCheck(m[3], root.text)) continue;
    const node = root.descendantForPosition({ row, column: line.length - line.trimStart().length }) ?? root;
    found.push({ precision: PRECISION_OF[m[2]], dtypeName: m[1], deviceName: undefined, node, text: line.trim() });
  }
  return found;
}

/** The first call to a model builder or loader handed `dtype=<name>`, and whether the device name is handed too. */
function modelCallWith(index: { calls: readonly Node[] }, ctx: PythonReadContext, name: string) {
  for (const call of index.calls) {
    const { last } = ctx.callee(call);
    if (!MODEL_CALLEE.test(last)) continue;
    const args = call.childForFieldName('arguments');
    if (!args) continue;
    const keyword = args.namedChildren.find(
      (a) =>
        a?.type === 'keyword_argument' &&
        DTYPE_KEYWORDS.has(a.childForFieldName('name')?.text ?? '') &&
        a.childForFieldName('value')?.text === name,
    );
    if (keyword) return { call, last, args };
  }
  return undefined;
}

/** A model builder or loader handed `dtype=torch.float16 if <GPU check> else torch.float32` itself. */
function conditionalKeyword(index: { calls: readonly Node[] }, ctx: PythonReadContext) {
  for (const call of index.calls) {
    const { last } = ctx.callee(call);
    if (!MODEL_CALLEE.test(last)) continue;
    for (const a of call.childForFieldName('arguments')?.namedChildren ?? []) {
      if (a?.type !== 'keyword_argument' || !DTYPE_KEYWORDS.has(a.childForFieldName('name')?.text ?? '')) continue;
      const value = a.childForFieldName('value');
      const m = value?.type === 'conditional_expression' ? CONDITIONAL_DTYPE.exec(value.text) : null;
      if (m && GPU_CHECK.test(m[2]) && !/^not\b/.test(m[2].trim()))
        return { precision: PRECISION_OF[m[1]], node: a, last };
    }
  }
  return undefined;
}

export const gpuBranchDtype: FileRule = {
  framework: 'torch',
  phase: 'after-calls',
  words: ['is_available', 'float16', 'bfloat16'],
  read: (index, ctx) => {
    if (!ctx.text.includes('cuda') || !/\b(?:float16|bfloat16|half)\b/.test(ctx.text)) return;
    if (ctx.facts.some((f) => f.kind === 'training.precision' && f.value !== null)) return;
    if (!ctx.facts.some(startsARun)) return;
    const inline = conditionalKeyword(index, ctx);
    if (inline) {
      ctx.add(
        'training.precision',
        inline.precision,
        inline.node,
        `${inline.last}(..., ${inline.node.text}): the model runs in ${inline.precision} on a GPU`,
        'medium',
      );
      return;
    }
    for (const branch of gpuBranches(ctx.tree.rootNode)) {
      const used = modelCallWith(index, ctx, branch.dtypeName);
      if (!used) continue;
      ctx.add(
        'training.precision',
        branch.precision,
        branch.node,
        `${branch.text} on a GPU, handed to ${used.last}(..., dtype=${branch.dtypeName}): the model runs in ${branch.precision}`,
        'medium',
      );
      const device = branch.deviceName;
      const handed =
        device !== undefined &&
        used.args.namedChildren.some(
          (a) =>
            a?.text === device || (a?.type === 'keyword_argument' && a.childForFieldName('value')?.text === device),
        );
      if (handed && !ctx.facts.some((f) => f.kind === 'hardware.devices'))
        ctx.add('hardware.devices', 1, used.call, `${used.last}(...) is handed ${device}, one GPU`, 'low');
      return;
    }
  },
};
