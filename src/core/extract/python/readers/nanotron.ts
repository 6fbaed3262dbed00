import type { CallRule } from '../rules';

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
