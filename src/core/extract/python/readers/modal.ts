import type { Node } from 'web-tree-sitter';
import { evaluate, keywordArgument } from '../../pythonValues';
import { truncate, type PythonReadContext } from '../context';
import type { CallRule } from '../rules';

/**
 * Modal (serverless GPUs): the GPUs a function runs on are written on its decorator,
 * `@app.function(gpu="A100-80GB:4")` or `@app.cls(gpu="H100")`. Syntax from Modal's reference
 * (https://modal.com/docs/reference/modal.gpu, https://modal.com/docs/guide/gpu): "TYPE" is one GPU,
 * "TYPE:COUNT" several; the older `modal.gpu.A100(count=2, size="80GB")` objects say the same with
 * keywords. A list is a fallback chain (the first is asked for first). The decorator only says where
 * the work runs: the work itself is read from the function's body by the other rules.
 */

/** Modal's own names whose memory size the generic catalog would guess otherwise. */
const MODAL_GPU_NAMES: Readonly<Record<string, string>> = {
  // "A100" is the 40 GB part on Modal (modal.gpu.A100: size "Defaults to 40GB").
  a100: 'A100-40GB',
  'h100!': 'H100',
  'b200+': 'B200',
};

/** The accelerator and count a Modal gpu= value names, when it is written out. */
function modalGpu(value: Node, ctx: PythonReadContext): { accelerator: string; count: number } | undefined {
  if (value.type === 'call') {
    // modal.gpu.A100(count=2, size="80GB")
    const { full, last } = ctx.callee(value);
    if (!/(^|\.)gpu\.\w+$/.test(full)) return undefined;
    const args = value.childForFieldName('arguments');
    const count = args ? evaluate(keywordArgument(args, 'count'), ctx.symbols)?.value : undefined;
    const size = args ? evaluate(keywordArgument(args, 'size'), ctx.symbols)?.value : undefined;
    const name = typeof size === 'string' ? `${last}-${size}` : (MODAL_GPU_NAMES[last.toLowerCase()] ?? last);
    return { accelerator: name, count: typeof count === 'number' && count > 0 ? count : 1 };
  }
  const r = evaluate(value, ctx.symbols);
  const written = Array.isArray(r?.value) ? r.value[0] : r?.value;
  if (typeof written !== 'string') return undefined;
  const m = /^([A-Za-z0-9][\w!+-]{0,40})(?::(\d{1,3}))?$/.exec(written.trim());
  if (!m || m[1].toLowerCase() === 'any') return undefined;
  return { accelerator: MODAL_GPU_NAMES[m[1].toLowerCase()] ?? m[1], count: m[2] ? Number(m[2]) : 1 };
}

function gpuArgument(call: Node): Node | null {
  const args = call.childForFieldName('arguments');
  return args ? keywordArgument(args, 'gpu') : null;
}

/** `@app.function(gpu=...)`, `@stub.cls(gpu=...)`: the GPUs each container of the function has. */
export const modalFunctionGpu: CallRule = {
  framework: 'modal',
  callees: ['function', 'cls'],
  words: ['gpu='],
  when: ({ node, full }) => /\.(function|cls)$/.test(full) && gpuArgument(node) !== null,
  read: ({ node, full, ctx }) => {
    const value = gpuArgument(node);
    const gpu = value ? modalGpu(value, ctx) : undefined;
    if (!value || !gpu) return;
    const label = `gpu=${truncate(value.text, 40)} on ${full}`;
    ctx.add('hardware.accelerator', gpu.accelerator, value, `${label} (Modal)`);
    ctx.add('hardware.devices', gpu.count, value, `${label}: ${gpu.count} per container (Modal)`);
  },
};
