import type { CallRule } from '../rules';

/**
 * JAX / Flax / Optax training: gradients are taken with `jax.value_and_grad` / `jax.grad` and applied
 * with a Flax `TrainState.apply_gradients` (or `optax.apply_updates`). Applying gradients is the
 * training step, the JAX counterpart of PyTorch's `loss.backward()` + `optimizer.step()`.
 */
export const applyGradients: CallRule = {
  framework: 'jax',
  callees: ['apply_gradients', 'apply_updates'],
  runStart: /\b(apply_gradients|apply_updates)\s*\(/,
  when: ({ full, last }) => last === 'apply_gradients' || /^optax\.apply_updates$/.test(full),
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
