import type { Node } from 'web-tree-sitter';
import type { SourceRange } from '../../../facts';
import { lineRange, type PythonReadContext } from '../context';
import { codeLinesKeptWithoutStrings, executedRowMask } from '../entryPoint';
import type { CallRule, FileRule } from '../rules';

/**
 * JAX / Flax / Optax training: gradients are taken with `jax.value_and_grad` / `jax.grad` and applied
 * with a Flax `TrainState.apply_gradients` (or `optax.apply_updates`). Applying gradients is the
 * training step, the JAX counterpart of PyTorch's `loss.backward()` + `optimizer.step()`.
 */
export const applyGradients: CallRule = {
  framework: 'jax',
  callees: ['apply_gradients', 'apply_updates'],
  runStart: /\b(apply_gradients|apply_updates)\s*\(/,
  // A TensorFlow optimizer's `tf.train.AdamOptimizer(lr).apply_gradients(...)` builds a graph op (tfSession.ts reads
  // the session that runs it), not a JAX step.
  when: ({ full, last }) =>
    (last === 'apply_gradients' && !/^tf\.(?:train|compat|keras)\./.test(full)) || /^optax\.apply_updates$/.test(full),
  read: ({ node, full, ctx }) => {
    ctx.add(
      'launch.trainer',
      'jax',
      node.childForFieldName('function') ?? node,
      `${full}() applies gradients: a JAX/Flax training step`,
      'medium',
    );
  },
};

/** `tx = optax.chain(...)` / `optimizer = optax.adamw(...)` at any indentation: the names bound to an optax optimiser. */
const OPTAX_OPTIMISER = /^[ \t]*([A-Za-z_]\w{0,60})[ \t]*=[ \t]*optax\.[A-Za-z_]\w{0,60}[ \t]*\(/gm;
/** A pretrained model's weights loaded into the program (vit_jax, flax, big_vision, orbax helpers). */
const LOADS_PRETRAINED =
  /\b(?:load_pretrained|load_variables|restore_checkpoint|checkpoint\.load|checkpoints\.restore_checkpoint|load_params)[ \t]*\(/;
/** `model.apply(variables, ...)` / `model.apply(dict(params=params), ...)`: a Flax module's forward pass. */
const FLAX_APPLY = /\b[A-Za-z_]\w{0,60}\.apply\([ \t]*(?:[A-Za-z_]\w{0,60}[ \t]*,|dict\([ \t]*params[ \t]*=|\{)/;
/** `model_name = 'ViT-B_32'` (a Colab form's `#@param` default too) on a line that runs. */
const MODEL_NAME_LITERAL = /^model_name[ \t]*=[ \t]*["']([\w./+-]{1,80})["']/;

/**
 * The model such a program builds by a name it looks up (`models.get_model(model_name)`,
 * `MODEL_CONFIGS[model_name]`): the name's literal value where it runs.
 */
function namedModel(ctx: PythonReadContext, runs: (row: number) => boolean, at: (row: number) => SourceRange): void {
  if (ctx.facts.some((f) => f.kind === 'model.id')) return;
  if (!/(?:\(|\[)[ \t]*model_name[ \t]*(?:\)|\]|,)/.test(ctx.text)) return;
  const lines = ctx.text.split('\n', MAX_LINES);
  for (let row = 0; row < lines.length; row++) {
    const m = runs(row) ? MODEL_NAME_LITERAL.exec(lines[row]) : null;
    if (!m) continue;
    ctx.facts.push({
      kind: 'model.id',
      value: m[1],
      range: at(row),
      confidence: 'medium',
      detail: `model_name = '${m[1]}', the model the program looks up by that name`,
    });
    return;
  }
}

/** Lines of a file looked at (a notebook's code is a few thousand lines). */
const MAX_LINES = 20_000;

/**
 * A JAX/Flax program or notebook whose training step lives in a helper (`update_fn = train.make_update_fn(tx=tx)`
 * of the project's library, called in a loop): optax's documented use is `opt_state = tx.init(params)`, then
 * `tx.update` and `optax.apply_updates` each step, so a program that initialises an optax optimiser's state on its
 * parameters at the code it runs trains them. A program that trains nothing but loads trained weights
 * (`checkpoint.load(...)`, `model.load_variables()`) and calls the Flax module on inputs (`model.apply(variables,
 * images)`) runs the model: an inference run. Only code that runs (module level, a notebook's cells, the main block)
 * is read, so a library module defining these steps inside functions starts nothing.
 */
export const flaxProgram: FileRule = {
  framework: 'jax',
  phase: 'after-calls',
  words: ['optax', '.apply('],
  // What read needs: an optax optimiser bound and an `.init(` (training), or a Flax apply and loaded weights
  // (inference). Their pairs, loosened to two patterns (either of the first with either of the second): a
  // PyTorch module's `self.apply(init_weights)` alone is not enough.
  runStart: [
    new RegExp(`${OPTAX_OPTIMISER.source}|${FLAX_APPLY.source}`, 'm'),
    new RegExp(`\\.init\\(|${LOADS_PRETRAINED.source}`),
  ],
  read: (_index, ctx) => {
    if (ctx.facts.some((f) => f.kind === 'launch.trainer' || f.kind === 'launch.inference')) return;
    const code = codeLinesKeptWithoutStrings(ctx.tree);
    const mask = executedRowMask(ctx.tree);
    const lines = code.split('\n', MAX_LINES);
    const runs = (row: number) => mask[row] === 1;
    const optimisers = new Set<string>();
    for (const m of ctx.text.matchAll(OPTAX_OPTIMISER)) if (optimisers.size < 20) optimisers.add(m[1]);
    let loads = -1;
    let init = -1;
    let apply = -1;
    for (let row = 0; row < lines.length; row++) {
      if (!runs(row)) continue;
      const line = lines[row];
      if (loads < 0 && LOADS_PRETRAINED.test(line)) loads = row;
      if (init < 0 && line.includes('.init(')) {
        const m = /\b([A-Za-z_]\w{0,60})\.init\([ \t]*[A-Za-z_]/.exec(line);
        if (m && optimisers.has(m[1])) init = row;
      }
      if (apply < 0 && FLAX_APPLY.test(line)) apply = row;
    }
    const at = (row: number) => lineRange(row, (ctx.text.split('\n', row + 1)[row] ?? '').length);
    if (init >= 0 || (apply >= 0 && loads >= 0)) namedModel(ctx, runs, at);
    if (init >= 0) {
      ctx.facts.push({
        kind: 'launch.trainer',
        value: 'jax',
        range: at(init),
        confidence: 'medium',
        detail: "an optax optimiser's state initialised on the parameters (`tx.init(params)`): the program steps it",
      });
      if (loads >= 0)
        ctx.facts.push({
          kind: 'model.fromScratch',
          value: false,
          range: at(loads),
          confidence: 'medium',
          detail: 'pretrained weights loaded before the optimiser steps them',
        });
    } else if (apply >= 0 && loads >= 0) {
      const why = 'trained weights loaded and the Flax module applied to inputs, nothing trained: forward passes only';
      ctx.facts.push({ kind: 'launch.inference', value: 'jax', range: at(apply), confidence: 'low', detail: why });
      ctx.facts.push({
        kind: 'training.mode',
        value: 'inference',
        range: at(apply),
        confidence: 'medium',
        detail: why,
      });
    }
  },
};

/** A gradient taken in JAX or Flax NNX (`jax.grad(loss_fn)`, `jax.value_and_grad(...)`, `nnx.value_and_grad(...)`). */
const TAKES_GRADIENT = /\b(?:jax|nnx)\.(?:value_and_grad|grad)[ \t]*\(/;
/** Gradient rows and step-function calls looked at per file: a program has a handful. */
const MAX_GRADIENT_ROWS = 20;
const MAX_STEP_CALLS = 50;
/** Ancestors climbed from a row to its function or loop (Python nests a few dozen levels at most). */
const MAX_CLIMB = 64;

/** The nearest ancestor of the statement at `row` (from its first non-blank column) of one of `types`. */
function enclosing(ctx: PythonReadContext, row: number, line: string, types: readonly string[]): Node | undefined {
  const column = line.length - line.trimStart().length;
  let node: Node | null = ctx.tree.rootNode.descendantForPosition({ row, column });
  for (let i = 0; node && i < MAX_CLIMB; i++, node = node.parent) if (types.includes(node.type)) return node;
  return undefined;
}

/**
 * A JAX or Flax NNX program that trains with a step function of its own: a `def train_step(...)` (at module level or in
 * the program's main function) that takes a gradient (`jax.grad`, `jax.value_and_grad`, `nnx.value_and_grad`) and
 * applies it (by hand, `params - lr * grad` over the tree, or `optimizer.update(grads)`), called inside a `for`/`while`
 * loop in code that runs. The loop over batches calling the gradient step is the training, as `loss.backward()` +
 * `optimizer.step()` in a loop is in PyTorch (jax.readthedocs.io, "Automatic differentiation"; flax.readthedocs.io, NNX
 * "MNIST tutorial"). Read line by line (strings blanked), each gradient and each call placed by one bounded climb.
 */
export const jaxGradientLoop: FileRule = {
  framework: 'jax',
  phase: 'after-calls',
  words: ['value_and_grad', 'jax.grad', 'nnx.grad'],
  runStart: /\b(?:jax|nnx)\.(?:value_and_grad|grad)[ \t]*\(/,
  read: (_index, ctx) => {
    if (ctx.facts.some((f) => f.kind === 'launch.trainer' || f.kind === 'launch.inference')) return;
    const lines = codeLinesKeptWithoutStrings(ctx.tree).split('\n', MAX_LINES);
    // The function each gradient is taken in is a step function.
    const steps = new Set<string>();
    let gradients = 0;
    for (let row = 0; row < lines.length && gradients < MAX_GRADIENT_ROWS; row++) {
      if (!TAKES_GRADIENT.test(lines[row])) continue;
      gradients++;
      const name = enclosing(ctx, row, lines[row], ['function_definition'])?.childForFieldName('name')?.text;
      if (name && /^\w{1,80}$/.test(name)) steps.add(name);
    }
    if (steps.size === 0) return;
    const mask = executedRowMask(ctx.tree);
    const calls = new RegExp(`(?:^|[^\\w.])(${[...steps].join('|')})[ \\t]*\\(`);
    let looked = 0;
    for (let row = 0; row < lines.length && looked < MAX_STEP_CALLS; row++) {
      const call = mask[row] === 1 ? calls.exec(lines[row]) : null;
      if (!call || /^\s*def\s/.test(lines[row])) continue;
      looked++;
      const loop = enclosing(ctx, row, lines[row], ['for_statement', 'while_statement']);
      if (!loop || mask[loop.startPosition.row] !== 1) continue;
      const at = loop.startPosition.row;
      ctx.facts.push({
        kind: 'launch.trainer',
        value: 'jax',
        range: lineRange(at, (lines[at] ?? '').length),
        confidence: 'medium',
        detail: `a loop that calls ${call[1]}(), which takes a gradient: a JAX training loop`,
      });
      return;
    }
  },
};
