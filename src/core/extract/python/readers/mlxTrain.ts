import { gatedTest } from '../requiredLiterals';
import type { Node } from 'web-tree-sitter';
import { evaluate, keywordArgument, positionalArguments } from '../../pythonValues';
import { findModel } from '../../../knowledge';
import { onDefaultPath } from '../branches';
import { argparseFlags, truncate, type PythonReadContext } from '../context';
import type { CallRule, FileRule } from '../rules';

/**
 * MLX training programs (ml-explore.github.io/mlx, "Training a model": `loss_and_grad = nn.value_and_grad(model,
 * loss_fn)`, then `optimizer.update(model, grads)` and `mx.eval(model.parameters(), optimizer.state)` each step).
 * The optimizer's update with the model and its gradients is the training step, whatever loop drives it (an
 * epoch loop, `zip(range(args.num_iters), batches)`, a compiled `step` function).
 */

/** `import mlx.core as mx`, `from mlx import nn`, `import mlx.optimizers as optim`. */
const MLX_IMPORT = /^[ \t]*(?:import[ \t]+mlx\b|from[ \t]+mlx\b)/m;
const testsMlxImport = gatedTest(MLX_IMPORT);
/** Whether the file imports MLX, tested once per file however many calls ask. */
const importsMlx = new WeakMap<PythonReadContext, boolean>();
function isMlxProgram(ctx: PythonReadContext): boolean {
  let known = importsMlx.get(ctx);
  if (known === undefined) importsMlx.set(ctx, (known = testsMlxImport(ctx.text)));
  return known;
}

export const mlxOptimizerUpdate: CallRule = {
  framework: 'mlx',
  callees: ['update'],
  words: ['mlx'],
  runStart: [/\.update\(\s*[\w.]+\s*,\s*\w*grad/, MLX_IMPORT],
  when: ({ node, full, ctx }) => {
    if (!/(^|\.)(optimizer|opt|optim)\.update$/i.test(full) || !isMlxProgram(ctx)) return false;
    const args = node.childForFieldName('arguments');
    const positional = args ? positionalArguments(args) : [];
    return positional.length === 2 && /grad/i.test(positional[1].text);
  },
  read: ({ node, full, ctx }) => {
    const fn = node.childForFieldName('function') ?? node;
    ctx.add('launch.trainer', full, fn, `${full}(model, grads): an MLX training step`, 'medium');
  },
};

/**
 * LoRA layers swapped into an MLX model (`LoRALinear.from_linear(layer)` in mlx-examples' lora, mlx_lm's
 * `linear_to_lora_layers(model, ...)`): only the adapters train.
 */
export const mlxLoraLayers: CallRule = {
  framework: 'mlx',
  callees: ['from_linear', 'linear_to_lora_layers', 'from_base'],
  when: ({ full, ctx }) => /lora/i.test(full) && isMlxProgram(ctx),
  read: ({ node, full, ctx }) => {
    if (ctx.facts.some((f) => f.kind === 'training.adapter')) return;
    ctx.add('training.adapter', 'lora', node, `${full}(...): LoRA layers are trained (MLX)`, 'medium');
  },
};

/** Iteration flags MLX examples train for (`--iters 1000`, `--num_iters 100000`): optimizer steps. */
const ITERATION_FLAGS = new Set(['iters', 'num_iters', 'train_iters']);

export const mlxIterationFlags: FileRule = {
  framework: 'mlx',
  phase: 'after-calls',
  words: ['iters'],
  read: (index, ctx) => {
    if (!isMlxProgram(ctx) || ctx.facts.some((f) => f.kind === 'training.steps')) return;
    if (!ctx.facts.some((f) => f.kind === 'launch.trainer')) return;
    for (const { flag, dest, args } of argparseFlags(index.calls, ctx)) {
      if (!dest || !ITERATION_FLAGS.has(dest)) continue;
      const def = keywordArgument(args, 'default');
      const r = def ? evaluate(def, ctx.symbols) : undefined;
      if (!def || typeof r?.value !== 'number') continue;
      ctx.add('training.steps', r.value, def, `default of ${flag}: iterations the MLX loop trains for`, 'medium');
      return;
    }
  },
};

/**
 * Image generation with an MLX port of a diffusion pipeline (mlx-examples' stable_diffusion and flux:
 * `sd = StableDiffusionXL("stabilityai/sdxl-turbo", float16=True)`, `flux = FluxPipeline("flux-schnell")`, then
 * `sd.generate_latents(prompt, num_steps=...)` evaluated step by step): inference with the weights the pipeline was
 * built from, named by its first argument; `float16=True` computes in half precision.
 */
export const mlxPipelineGeneration: CallRule = {
  framework: 'mlx',
  callees: ['generate_latents', 'generate_latents_from_image'],
  runStart: [/\.generate_latents(?:_from_image)?\(/, MLX_IMPORT],
  when: ({ node, ctx }) =>
    isMlxProgram(ctx) && node.childForFieldName('function')?.childForFieldName('object')?.type === 'identifier',
  read: ({ node, full, ctx }) => {
    const fn = node.childForFieldName('function')!;
    const receiver = fn.childForFieldName('object')!.text;
    const built = pipelineConstruction(node, receiver, ctx);
    if (built) {
      const args = built.childForFieldName('arguments');
      const first = args ? positionalArguments(args)[0] : undefined;
      const r = first ? evaluate(first, ctx.symbols) : undefined;
      if (first && typeof r?.value === 'string' && PIPELINE_WEIGHTS.test(r.value)) {
        // A port's short name (`flux-schnell`) stands for the released weights the catalog knows by their Hub id.
        const id = findModel(r.value)?.id ?? r.value;
        ctx.add(
          'model.id',
          id,
          first,
          `${receiver} = ${ctx.callee(built).full}("${r.value}", ...): the weights it generates with`,
          r.via ? 'medium' : 'high',
        );
        if (r.via) ctx.amendLast({ originLine: r.origin.startPosition.row });
        ctx.add(
          'model.fromScratch',
          false,
          first,
          `${ctx.callee(built).full} loads the released ${r.value} weights`,
          'medium',
        );
      }
      const half = args ? keywordArgument(args, 'float16') : null;
      const h = half ? (evaluate(half, ctx.symbols) ?? switchDefault(half, ctx)) : undefined;
      if (half && typeof h?.value === 'boolean')
        ctx.add(
          'training.precision',
          h.value ? 'fp16' : 'fp32',
          half,
          `float16=${truncate(half.text, 30)}${h.via ? ` (${truncate(h.via, 50)})` : ''}`,
          'medium',
        );
    }
    ctx.add(
      'launch.inference',
      full,
      fn,
      `${full}(...): an MLX diffusion pipeline generates images (inference)`,
      'medium',
    );
  },
};

/** A pipeline's weights: a Hub id or a short name a port maps to one (`flux-schnell`). */
const PIPELINE_WEIGHTS = /^[A-Za-z0-9][\w.-]{0,95}(?:\/[A-Za-z0-9][\w.-]{0,95})?$/;
/** Assignments looked at in the scope of the generation call. */
const MAX_ASSIGNMENTS = 2000;

/** Per file and scope: each name's constructor calls (`sd = StableDiffusionXL(...)`), in source order. */
const bindingsOf = new WeakMap<PythonReadContext, Map<number, Map<string, Node[]>>>();

function scopeBindings(scope: Node, ctx: PythonReadContext): Map<string, Node[]> {
  const perScope = bindingsOf.get(ctx) ?? bindingsOf.set(ctx, new Map()).get(ctx)!;
  let names = perScope.get(scope.id);
  if (names) return names;
  names = new Map();
  let seen = 0;
  for (const a of scope.descendantsOfType('assignment')) {
    if (!a || ++seen > MAX_ASSIGNMENTS) break;
    const left = a.childForFieldName('left');
    const right = a.childForFieldName('right');
    if (left?.type !== 'identifier' || right?.type !== 'call') continue;
    (names.get(left.text) ?? names.set(left.text, []).get(left.text)!).push(right);
  }
  perScope.set(scope.id, names);
  return names;
}

/** The constructor call the receiver was last bound to on the defaults' path (`sd = StableDiffusionXL(...)`). */
function pipelineConstruction(call: Node, receiver: string, ctx: PythonReadContext): Node | undefined {
  let scope: Node | null = call.parent;
  while (scope && scope.type !== 'function_definition' && scope.type !== 'module') scope = scope.parent;
  if (!scope) return undefined;
  const bound = scopeBindings(scope, ctx).get(receiver) ?? [];
  // The last binding before the call: found by halving, then back over the ones the defaults do not take.
  let lo = 0;
  let hi = bound.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (bound[mid].startIndex < call.startIndex) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo - 1; k >= 0; k--) if (onDefaultPath(bound[k], ctx.symbols)) return bound[k];
  return undefined;
}

/** The file's `add_argument(` lines, found once per file however many calls ask. */
const argumentLines = new WeakMap<PythonReadContext, string[]>();

/** `args.float16` of a switch (`add_argument("--no-float16", dest="float16", action="store_false")`: True unless given). */
function switchDefault(value: Node, ctx: PythonReadContext): { value: boolean; via?: string } | undefined {
  const m = /^\w{1,40}\.(\w{1,60})$/.exec(value.text);
  if (!m) return undefined;
  const lines =
    argumentLines.get(ctx) ?? argumentLines.set(ctx, ctx.text.match(/^[^\n]*add_argument\([^\n]*$/gm) ?? []).get(ctx)!;
  for (const line of lines) {
    const named = line.includes(`dest="${m[1]}"`) || line.includes(`dest='${m[1]}'`) || line.includes(`"--${m[1]}"`);
    const action = /action\s*=\s*["']store_(true|false)["']/.exec(line);
    if (named && action) return { value: action[1] === 'false', via: `${m[1]} is store_${action[1]}` };
  }
  return undefined;
}
