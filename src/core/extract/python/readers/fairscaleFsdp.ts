import { gatedTest } from '../requiredLiterals';
import type { Node } from 'web-tree-sitter';
import { keywordArgument } from '../../pythonValues';
import type { FileRule } from '../rules';

/**
 * fairscale's FullyShardedDataParallel (fairscale.readthedocs.io, "FullyShardedDataParallel": `mixed_precision
 * (bool)`: "if True, inputs, activations and gradients will be kept in FP16; computation and communication will
 * occur in FP16; and a (sharded) master copy of the model weights will be maintained in FP32"). The keyword is
 * given to the wrapper itself (`FSDP(model, mixed_precision=True)`) or to the settings `enable_wrap` hands every
 * wrapped layer (`enable_wrap(wrapper_cls=FSDP, mixed_precision=True)`, or a `dict(mixed_precision=True, ...)`
 * unpacked into it). PyTorch's own FSDP takes a `MixedPrecision` object under that name instead, so only a file
 * that imports fairscale's wrapper is read.
 */
const IMPORTS_FAIRSCALE_FSDP = gatedTest(
  /^[ \t]*from[ \t]+fairscale\.nn(?:\.data_parallel)?[ \t]+import[ \t]+[^\n]*\bFullyShardedDataParallel\b/m,
);
const CARRIERS = new Set(['FSDP', 'FullyShardedDataParallel', 'enable_wrap', 'dict']);

export const fairscaleMixedPrecision: FileRule = {
  framework: 'fairscale',
  phase: 'after-calls',
  words: ['mixed_precision'],
  read: (index, ctx) => {
    if (!IMPORTS_FAIRSCALE_FSDP(ctx.text)) return;
    if (ctx.facts.some((f) => f.kind === 'training.precision' && f.value !== null)) return;
    let found: Node | undefined;
    for (const node of index.calls) {
      if (!CARRIERS.has(ctx.callee(node).last)) continue;
      const args = node.childForFieldName('arguments');
      const value = args ? keywordArgument(args, 'mixed_precision') : null;
      if (value?.type === 'true') {
        found = value;
        break;
      }
    }
    if (!found) return;
    ctx.add(
      'training.precision',
      'fp16',
      found,
      'fairscale FSDP mixed_precision=True: computation in FP16 with an FP32 master copy of the weights',
      'medium',
    );
  },
};
