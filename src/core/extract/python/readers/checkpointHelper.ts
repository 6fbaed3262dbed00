import { evaluate, keywordArgument } from '../../pythonValues';
import type { CallRule } from '../rules';

/**
 * A model helper of the program's own handed a checkpoint by the Hugging Face keyword for one
 * (`common.make_generative_lm(model_name_or_path=model_args.model_name_or_path, …)`, `build_model(
 * pretrained_model_name_or_path=…)`): transformers names that argument for "a model id on the Hub or a folder of saved
 * weights" (PreTrainedModel.from_pretrained), so the helper loads pretrained weights, whatever it does inside. Only
 * helpers named for a model (`…model`, `…_lm`, `…llm`); the checkpoint is the value given, or unknown.
 */
const CHECKPOINT_KEYWORDS = ['model_name_or_path', 'pretrained_model_name_or_path'];
const MODEL_HELPER = /(?:^|_)(?:model|lm|llm)$|(?:^|_)(?:model|lm|llm)_/i;

export const checkpointHelper: CallRule = {
  framework: 'huggingface',
  words: CHECKPOINT_KEYWORDS,
  when: ({ last, argsText }) =>
    MODEL_HELPER.test(last) && last !== 'from_pretrained' && CHECKPOINT_KEYWORDS.some((k) => argsText.includes(k)),
  read: ({ node, last, args, ctx }) => {
    if (!args) return false;
    const name = CHECKPOINT_KEYWORDS.find((k) => keywordArgument(args, k));
    const keyword = name ? keywordArgument(args, name) : null;
    if (!name || !keyword) return false;
    const id = evaluate(keyword, ctx.symbols);
    if (id && typeof id.value === 'string' && id.value)
      ctx.add(
        'model.id',
        id.value,
        keyword,
        id.via ? `${last}(${name}=...) (${id.via})` : `${last}(${name}=...)`,
        'medium',
      );
    else
      ctx.add('model.id', null, keyword, `${last}(${name}=...): the checkpoint is given when the program runs`, 'low');
    ctx.add(
      'model.fromScratch',
      false,
      node,
      `${last}(${name}=...) is handed a checkpoint to load: pretrained weights`,
      'medium',
    );
    return true;
  },
};
