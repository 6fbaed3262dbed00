import { evaluate } from '../../pythonValues';
import type { StatementRule } from '../rules';

/**
 * minGPT-style named model types: `config.model_type = 'gpt-mini'` (or `C.model.model_type = ...` in a
 * yacs-like config tree), which the model class expands into n_layer / n_head / n_embd. The vocabulary
 * and context are set from the dataset when the script runs, so only the blocks are sized here:
 * 12 · n_layer · n_embd² (attention 4·d², MLP of ratio 4 8·d²); the embeddings are left out (a character
 * vocabulary of tens adds little, a GPT-2 vocabulary would be read from the catalog under its own name).
 */

/** The tiny named types and their shapes, as minGPT's GPT.__init__ defines them (karpathy/minGPT mingpt/model.py). */
const NAMED_TYPES: Readonly<Record<string, { layers: number; width: number }>> = {
  'gpt-mini': { layers: 6, width: 192 },
  'gpt-micro': { layers: 4, width: 128 },
  'gpt-nano': { layers: 3, width: 48 },
  'gopher-44m': { layers: 8, width: 512 },
};
/** Named types that are public checkpoints' architectures: the catalog sizes them under their own id. */
const CATALOG_TYPES = new Set(['openai-gpt', 'gpt2', 'gpt2-medium', 'gpt2-large', 'gpt2-xl']);

export const namedModelType: StatementRule = {
  framework: 'pytorch',
  nodeType: 'assignment',
  words: ['model_type'],
  read: (node, ctx) => {
    const { left, right } = ctx.syntax.sidesOf(node);
    if (left?.type !== 'attribute' || !right || !/(?:^|\.)model_type$/.test(left.text)) return;
    if (left.text.startsWith('self.')) return;
    const r = evaluate(right, ctx.symbols);
    const name = typeof r?.value === 'string' ? r.value : undefined;
    if (!name) return;
    const shape = NAMED_TYPES[name];
    if (CATALOG_TYPES.has(name)) {
      ctx.add('model.id', name, right, `${left.text} = '${name}'`, 'medium');
      return;
    }
    if (!shape) return;
    ctx.add('model.id', name, right, `${left.text} = '${name}' (minGPT named model type)`, 'medium');
    ctx.add('model.fromScratch', true, right, `a named model type is built with fresh weights`, 'medium');
    ctx.add(
      'model.params',
      12 * shape.layers * shape.width * shape.width,
      right,
      `'${name}': ${shape.layers} layers × 12 × ${shape.width}² (minGPT's named type; embeddings sized at run time left out)`,
      'medium',
    );
  },
};
