import type { Node } from 'web-tree-sitter';
import { keywordArgument, stringLiteral } from '../../pythonValues';
import { argparseFlags } from '../context';
import type { FileRule } from '../rules';
import type { SyntaxIndex } from '../syntaxIndex';

/**
 * Fixed-length "mini epochs" (RWKV-LM-style Lightning programs): the data loader is endless and an "epoch" is a
 * fixed number of optimizer steps the program declares as a flag (`--epoch_steps 1000`: "a mini epoch has
 * [epoch_steps] steps"), run `--epoch_count` times, while the Trainer itself gets `max_epochs=-1`. A careful
 * reader takes the epochs from the count flag and the steps as count × steps per epoch. Only when the program
 * declares both flags with whole-number defaults above zero.
 */
const COUNT_FLAGS = new Set(['epoch_count', 'num_mini_epochs']);
const LENGTH_FLAGS = new Set(['epoch_steps', 'steps_per_epoch', 'iters_per_epoch']);
interface Found {
  readonly n: number;
  readonly node: Node;
  readonly flag: string;
}

export const miniEpochFlags: FileRule = {
  framework: 'pytorch',
  phase: 'after-calls',
  words: ['epoch_count', 'num_mini_epochs'],
  read: (index: SyntaxIndex, ctx) => {
    if (!/\b(?:epoch_count|num_mini_epochs)\b/.test(ctx.text)) return;
    let count: Found | undefined;
    let length: Found | undefined;
    for (const { dest, flag, args } of argparseFlags(index.calls, ctx)) {
      if (!COUNT_FLAGS.has(dest) && !LENGTH_FLAGS.has(dest)) continue;
      const def = keywordArgument(args, 'default');
      const n = def?.type === 'integer' ? Number(def.text.replace(/_/g, '')) : NaN;
      if (!def || !Number.isSafeInteger(n) || n <= 0 || stringLiteral(def) !== null) continue;
      if (COUNT_FLAGS.has(dest)) count ??= { n, node: def, flag };
      else length ??= { n, node: def, flag };
    }
    if (!count || !length) return;
    if (!ctx.facts.some((f) => f.kind === 'training.epochs' && typeof f.value === 'number' && f.value > 0))
      ctx.add(
        'training.epochs',
        count.n,
        count.node,
        `default of ${count.flag}: ${count.n} fixed-length epochs`,
        'medium',
      );
    ctx.add(
      'training.stepsPerEpoch',
      length.n,
      length.node,
      `default of ${length.flag}: ${length.n} steps in one epoch`,
      'medium',
    );
  },
};
