import type { CallRule } from '../rules';

/**
 * fairseq's decoding step: `task.inference_step(generator, models, sample, ...)` (FairseqTask.inference_step,
 * fairseq/tasks/fairseq_task.py, with the generator from `task.build_generator(models, cfg.generation)`) runs the
 * loaded checkpoints over a batch: the loop of fairseq-generate and fairseq-interactive and of programs written on
 * them. An inference run whose model is the `--path` checkpoint given when it runs. Only on a receiver named as a task
 * and with the generator, models and sample passed (a task's own `self.inference_step(...)` inside the library is
 * not a program's loop).
 */
export const fairseqInferenceStep: CallRule = {
  framework: 'fairseq',
  callees: ['inference_step'],
  runStart: /\btask\.inference_step\s*\(/,
  when: ({ full, node }) => {
    if (!/(?:^|\.)task$/.test(full.slice(0, -'.inference_step'.length))) return false;
    const args = node.childForFieldName('arguments');
    return (args?.namedChildren.filter((a) => a?.type !== 'keyword_argument').length ?? 0) >= 3;
  },
  read: ({ node, full, ctx }) => {
    const fn = node.childForFieldName('function') ?? node;
    if (!ctx.facts.some((f) => f.kind === 'run.framework' && f.value === 'fairseq'))
      ctx.add('run.framework', 'fairseq', fn, `${full}(...): fairseq decodes with the loaded checkpoints`);
    ctx.add('launch.inference', full, fn, `${full}(generator, models, sample): fairseq's decoding step`, 'medium');
  },
};
