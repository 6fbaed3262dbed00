import { findModel } from '../../../knowledge';
import { sizeFromModelName } from '../../../knowledge/modelName';
import { keywordArgument, stringLiteral } from '../../pythonValues';
import type { CallRule } from '../rules';

/**
 * A framework's config object naming the checkpoint its model is built on: `RewardClassifierConfig(model_name=
 * "microsoft/resnet-18")`, `XConfig(model_id="org/name")`. As a keyword `model_name` is as often a run label, so only
 * a literal Hub id (`org/name`) that the catalog knows or whose name states a size is read, with low confidence: a
 * model a load call names (`from_pretrained`, `pipeline`) outranks it.
 */
const HUB_ID = /^[A-Za-z0-9][\w.-]{0,95}\/[A-Za-z0-9][\w.-]{0,95}$/;
const KEYWORDS = ['model_name', 'model_id'] as const;

export const configModelName: CallRule = {
  framework: 'python',
  words: ['model_name=', 'model_id='],
  // Also a model factory named for a catalog model (`stable_diffusion_2(model_name="org/stable-diffusion-2-base")`, the
  // builders of diffusion and vision repositories): the keyword picks which checkpoint of that family it loads.
  when: ({ last, argsText }) =>
    /\bmodel_(?:name|id)\s*=/.test(argsText.slice(0, 4000)) &&
    (/Config$/.test(last) || (/^[a-z][a-z0-9_]{2,60}$/.test(last) && findModel(last) !== undefined)),
  read: ({ node, full, ctx }) => {
    const args = node.childForFieldName('arguments');
    if (!args) return false;
    for (const keyword of KEYWORDS) {
      const value = keywordArgument(args, keyword);
      const id = value ? stringLiteral(value) : null;
      if (!value || !id || !HUB_ID.test(id) || (!findModel(id) && sizeFromModelName(id) === undefined)) continue;
      ctx.add('model.id', id, value, `${keyword}="${id}" in ${full}(...)`, 'low');
      ctx.add('model.fromScratch', false, value, `${full}(...) builds on the pretrained ${id}`, 'low');
      break;
    }
    // Other rules read the rest of the call (its sizes, its precision).
    return false;
  },
};
