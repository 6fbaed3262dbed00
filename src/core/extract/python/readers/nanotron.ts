import type { CallRule } from '../rules';
import { readTrainingKeywords } from '../keywords';

/**
 * nanotron's generation API (`from nanotron.generation.decode import decode_text, decode_tokenized`): a script
 * that builds a model from a checkpoint's config, loads its weights (`nanotron.serialize.load_weights`) and
 * decodes prompts with it generates with a trained checkpoint, i.e. an inference run. Which checkpoint (and so
 * its size) is whatever path the script is given when it runs.
 */
export const nanotronDecode: CallRule = {
  framework: 'nanotron',
  callees: ['decode_text', 'decode_tokenized'],
  runStart: [/\bdecode_(?:text|tokenized)\s*\(/, /^[ \t]*from[ \t]+nanotron\.generation\b/m],
  when: ({ ctx }) => /^[ \t]*from[ \t]+nanotron\.generation(?:\.decode)?[ \t]+import\b/m.test(ctx.text),
  read: ({ node, full, ctx }) => {
    const fn = node.childForFieldName('function') ?? node;
    ctx.add('launch.inference', full, fn, `${full}(...) generates with a nanotron checkpoint`, 'medium');
    ctx.add('model.fromScratch', false, fn, `${full}: decodes with trained weights loaded from a checkpoint`, 'medium');
  },
};

/**
 * nanotron's config objects built in Python (a launcher or generator that writes the YAML `run_train.py` reads):
 * `TokensArgs(train_steps=..., micro_batch_size=..., sequence_length=...)` sizes the run (nanotron/config/config.py),
 * `RandomInit(std=...)` initialises the weights randomly (pre-training), `ExistingCheckpointInit(path=...)` loads them.
 * These only describe a run; whether this file starts one is for the other rules (a submission, a launch).
 */
export const nanotronConfigObjects: CallRule = {
  framework: 'nanotron',
  callees: ['TokensArgs', 'RandomInit', 'ExistingCheckpointInit'],
  when: ({ ctx }) => /^[ \t]*from[ \t]+nanotron(?:\.config)?\b/m.test(ctx.text),
  read: ({ node, full, last, ctx }) => {
    const fn = node.childForFieldName('function') ?? node;
    if (last === 'TokensArgs') readTrainingKeywords(node, ctx, full);
    else if (last === 'RandomInit')
      ctx.add('model.fromScratch', true, fn, `${full}(...): nanotron initialises the weights randomly`, 'medium');
    else ctx.add('model.fromScratch', false, fn, `${full}(...) loads the weights of a checkpoint`, 'medium');
  },
};
