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

/** A training step anywhere in the module (`task.train_step(...)`, `trainer.train_step(...)`, a backward pass). */
const TRAINS_TOO = /\btrain_step[ \t]*\(|\.backward[ \t]*\(/;

/**
 * fairseq's validation step: `task.valid_step(sample, model, criterion)` (FairseqTask.valid_step,
 * fairseq/tasks/fairseq_task.py: the criterion's loss under `torch.no_grad()`, no update) over the batches of a subset
 * scores loaded checkpoints: the loop of fairseq-validate and of programs written on it. An inference run whose model
 * is the `--path` checkpoint given when it runs. Only on a receiver named as a task, with sample, model and criterion
 * passed, in a module that takes no training step (a training loop validates between its updates: the run trains).
 */
export const fairseqValidStep: CallRule = {
  framework: 'fairseq',
  callees: ['valid_step'],
  runStart: /\btask\.valid_step\s*\(/,
  when: ({ full, node, ctx }) => {
    if (!/(?:^|\.)task$/.test(full.slice(0, -'.valid_step'.length))) return false;
    const args = node.childForFieldName('arguments');
    if ((args?.namedChildren.filter((a) => a?.type !== 'keyword_argument').length ?? 0) < 3) return false;
    return !TRAINS_TOO.test(ctx.text);
  },
  read: ({ node, full, ctx }) => {
    const fn = node.childForFieldName('function') ?? node;
    if (!ctx.facts.some((f) => f.kind === 'run.framework' && f.value === 'fairseq'))
      ctx.add('run.framework', 'fairseq', fn, `${full}(...): fairseq scores the loaded checkpoints`);
    ctx.add('launch.inference', full, fn, `${full}(sample, model, criterion): fairseq's validation step`, 'medium');
  },
};

/** fairseq's parser factories for its decoding and scoring programs (fairseq/options.py). */
const DECODING_PARSERS = new Set([
  'get_generation_parser',
  'get_interactive_generation_parser',
  'get_validation_parser',
]);
/** `from fairseq import …, options, …` (or `import fairseq.options`): the module's `options` is fairseq's. */
const FAIRSEQ_OPTIONS_IMPORT =
  /^[ \t]*(?:from[ \t]+fairseq[ \t]+import[ \t]+[^\n]{0,300}\boptions\b|import[ \t]+fairseq\.options\b)/m;

/**
 * A program whose command line is fairseq's generation, interactive or validation parser
 * (`parser = options.get_generation_parser()` then `options.parse_args_and_arch(parser)`: fairseq_cli/generate.py,
 * interactive.py, validate.py, and the evaluation programs projects copy from them, such as OFA's evaluate.py, which
 * decode with their own step function): it loads the `--path` checkpoint and decodes or scores with it, an inference
 * run. Only on the `options` fairseq's import names.
 */
export const fairseqDecodingParser: CallRule = {
  framework: 'fairseq',
  callees: [...DECODING_PARSERS],
  runStart: /\boptions\.get_(?:generation|interactive_generation|validation)_parser\s*\(/,
  when: ({ full, ctx }) =>
    /^options\.get_\w+$/.test(full) &&
    DECODING_PARSERS.has(full.slice('options.'.length)) &&
    FAIRSEQ_OPTIONS_IMPORT.test(ctx.text),
  read: ({ node, full, ctx }) => {
    const fn = node.childForFieldName('function') ?? node;
    if (!ctx.facts.some((f) => f.kind === 'run.framework' && f.value === 'fairseq'))
      ctx.add('run.framework', 'fairseq', fn, `${full}(): a program on fairseq's command line`);
    ctx.add(
      'launch.inference',
      full,
      fn,
      `${full}(): fairseq's decoding parser, so the program loads the --path checkpoint and decodes or scores with it`,
      'medium',
    );
  },
};
