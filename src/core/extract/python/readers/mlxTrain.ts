import { evaluate, keywordArgument, positionalArguments, stringLiteral } from '../../pythonValues';
import type { CallRule, FileRule } from '../rules';

/**
 * MLX training programs (ml-explore.github.io/mlx, "Training a model": `loss_and_grad = nn.value_and_grad(model,
 * loss_fn)`, then `optimizer.update(model, grads)` and `mx.eval(model.parameters(), optimizer.state)` each step).
 * The optimizer's update with the model and its gradients is the training step, whatever loop drives it (an
 * epoch loop, `zip(range(args.num_iters), batches)`, a compiled `step` function).
 */

/** `import mlx.core as mx`, `from mlx import nn`, `import mlx.optimizers as optim`. */
const MLX_IMPORT = /^[ \t]*(?:import[ \t]+mlx\b|from[ \t]+mlx\b)/m;

export const mlxOptimizerUpdate: CallRule = {
  framework: 'mlx',
  callees: ['update'],
  words: ['mlx'],
  runStart: [/\.update\(\s*[\w.]+\s*,\s*\w*grad/, MLX_IMPORT],
  when: ({ node, full, ctx }) => {
    if (!/(^|\.)(optimizer|opt|optim)\.update$/i.test(full) || !MLX_IMPORT.test(ctx.text)) return false;
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
  when: ({ full, ctx }) => /lora/i.test(full) && MLX_IMPORT.test(ctx.text),
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
    if (!MLX_IMPORT.test(ctx.text) || ctx.facts.some((f) => f.kind === 'training.steps')) return;
    if (!ctx.facts.some((f) => f.kind === 'launch.trainer')) return;
    for (const node of index.calls) {
      if (ctx.callee(node).last !== 'add_argument') continue;
      const args = node.childForFieldName('arguments');
      if (!args) continue;
      const flag = args.namedChildren.map((c) => (c ? stringLiteral(c) : null)).find((s) => s?.startsWith('--'));
      const dest = flag?.slice(2).replace(/-/g, '_');
      if (!flag || !dest || !ITERATION_FLAGS.has(dest)) continue;
      const def = keywordArgument(args, 'default');
      const r = def ? evaluate(def, ctx.symbols) : undefined;
      if (!def || typeof r?.value !== 'number') continue;
      ctx.add('training.steps', r.value, def, `default of ${flag}: iterations the MLX loop trains for`, 'medium');
      return;
    }
  },
};
