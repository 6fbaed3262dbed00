import { gatedTest } from '../requiredLiterals';
import type { CallRule } from '../rules';

/**
 * AllenNLP's training API (docs.allennlp.org, `allennlp.commands.train`): `train_model_from_file(parameter_filename,
 * serialization_dir)` and `train_model(params, serialization_dir)` build the dataset readers, the model and the
 * trainer an experiment config describes and run the training loop in the calling process (what `allennlp train`
 * does). A program calling one in code that runs is a training run; the config decides the model, length and
 * precision, which are read only where the config is (a linked file), not assumed here.
 */
const importsAllennlpTrain = gatedTest(/\ballennlp\.commands\.train\b|\ballennlp\.commands[ \t]+import[ \t]+train\b/);

export const allennlpTrainModel: CallRule = {
  framework: 'allennlp',
  callees: ['train_model_from_file', 'train_model'],
  words: ['allennlp.commands'],
  runStart: [/\ballennlp\.commands\b/, /\btrain_model(?:_from_file)?[ \t]*\(/],
  when: ({ full, last, ctx }) => (full === last || full.endsWith(`train.${last}`)) && importsAllennlpTrain(ctx.text),
  read: ({ node, full, ctx }) => {
    ctx.add(
      'launch.trainer',
      'allennlp',
      node.childForFieldName('function') ?? node,
      `${full}(...): AllenNLP trains the model its experiment config describes`,
    );
    return true;
  },
};
