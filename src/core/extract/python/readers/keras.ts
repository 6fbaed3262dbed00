import { countKerasSequential, sequentialLayers } from '../../kerasParams';
import { normalisePrecision } from '../../precision';
import { evaluate } from '../../pythonValues';
import type { CallRule } from '../rules';

/** Keras / TensorFlow: mixed-precision policies and `Sequential([...])` models counted through their layers. */

/** set_global_policy("mixed_float16"), Policy("mixed_bfloat16"). */
export const mixedPrecisionPolicy: CallRule = {
  framework: 'keras',
  callees: ['set_global_policy', 'Policy', 'set_policy'],
  read: ({ node, full, ctx }) => {
    const arg = node.childForFieldName('arguments')?.namedChildren[0];
    const r = arg ? evaluate(arg, ctx.symbols) : undefined;
    const policy = typeof r?.value === 'string' ? r.value : null;
    const p = policy ? normalisePrecision(policy.replace('mixed_', '')) : null;
    if (p && arg) ctx.add('training.precision', p, arg, `${full}("${policy}")`);
  },
};

/** keras.Sequential([...]): parameters counted through the layer shapes; images also get forward FLOPs. */
export const sequentialModels: CallRule = {
  framework: 'keras',
  callees: ['Sequential'],
  when: ({ full, ctx }) => !/^(nn|torch\.nn)\./.test(full) && /keras|tensorflow/.test(ctx.text),
  read: ({ node, full, ctx }) => {
    const layers = sequentialLayers(node);
    if (!layers || layers.length === 0) return;
    const counted = countKerasSequential(layers, ctx.symbols);
    if (counted.params <= 0) return;
    const at = node.childForFieldName('function') ?? node;
    const lowerBound =
      counted.unresolved.length > 0
        ? `; a lower bound: could not size ${counted.unresolved.slice(0, 3).join('; ')}`
        : '';
    ctx.add(
      'model.params',
      counted.params,
      at,
      `counted from the ${counted.layers} layers of ${full}([...])${lowerBound}`,
      lowerBound ? 'low' : 'medium',
    );
    if (counted.forwardFlops && counted.unresolved.length === 0 && !/Embedding\s*\(/.test(node.text)) {
      ctx.add(
        'model.forwardFlopsPerSample',
        counted.forwardFlops,
        at,
        `one forward pass of ${full}([...]) from its layer shapes`,
        'medium',
      );
    }
  },
};
