import { keywordArgument } from '../../pythonValues';
import { argparseFlags } from '../context';
import { sizingKind } from '../keywords';
import type { FileRule } from '../rules';
import type { SyntaxIndex } from '../syntaxIndex';

/**
 * A step flag without a default that the training loop stops at:
 *
 *     parser.add_argument('--total-steps', type=int, default=None)
 *     ...
 *     if pipe.global_step >= args.total_steps:
 *         stop_flag.data[:] = 1
 *
 * The program's own defaults give no length (None), so the run's steps are unknown; but the flag is the loop's bound,
 * so a launch line that passes it (`--total-steps ${TOTAL_STEPS}` with `TOTAL_STEPS=20000`) states the run's steps.
 * Read as an unknown that names the flag; the launch's value replaces it (analyze.ts launchValue). Only for a flag
 * the sizing table calls steps (sizingNames.ts) that a step or iteration counter is compared against, or that a
 * `range()` loop runs to: a flag only handed to a scheduler is no bound.
 */
const MAX_FLAGS = 8;

/** `counter >= ns.flag`, `ns.flag <= counter` or `range(ns.flag)`, with a counter named for steps or iterations. */
function boundPattern(dest: string): RegExp {
  const flag = `\\b\\w{1,40}\\.${dest}\\b`;
  const counter = `\\b[\\w.]{0,60}(?:step|iter)\\w{0,20}`;
  return new RegExp(
    `${counter}[ \\t]*(?:>=|>|==)[ \\t]*${flag}|${flag}[ \\t]*(?:<=|<)[ \\t]*${counter}|\\brange\\([ \\t]*${flag}[ \\t]*\\)`,
  );
}

export const stepBoundFlag: FileRule = {
  framework: 'pytorch',
  phase: 'after-calls',
  words: ['steps', 'iters'],
  read: (index: SyntaxIndex, ctx) => {
    if (!ctx.text.includes('add_argument')) return;
    if (ctx.facts.some((f) => f.kind === 'training.steps' && f.value !== null)) return;
    let seen = 0;
    for (const { flag, dest, args } of argparseFlags(index.calls, ctx)) {
      if (sizingKind(dest) !== 'training.steps') continue;
      if (++seen > MAX_FLAGS) return;
      const def = keywordArgument(args, 'default');
      if (def && def.text !== 'None') continue;
      const bound = boundPattern(dest).exec(ctx.text);
      if (!bound) continue;
      const line = ctx.text.slice(0, bound.index).split('\n').length;
      ctx.add(
        'training.steps',
        null,
        def ?? args,
        `${flag} bounds the training loop (\`${bound[0].trim()}\`, line ${line}) and has no default: pass it on the launch line`,
        'low',
      );
      ctx.amendLast({ fromFlags: [dest], flagDefault: [dest] });
      return;
    }
  },
};
