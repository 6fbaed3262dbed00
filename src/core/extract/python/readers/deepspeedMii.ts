import { evaluate, keywordArgument, keywordOrFirstArgument } from '../../pythonValues';
import { truncate } from '../context';
import type { CallRule } from '../rules';

/**
 * DeepSpeed-MII (github.com/deepspeedai/DeepSpeed-MII, README "Non-Persistent Pipeline" and "Persistent
 * Deployment"): `mii.pipeline("org/name")` loads a model on this machine's GPUs and generates in the script;
 * `mii.serve("org/name", tensor_parallel=2)` starts a persistent server on them. Both run DeepSpeed-FastGen,
 * which batches requests continuously (Dynamic SplitFuse), so the engine is a continuous-batching one.
 * The model is the first argument (or `model_name_or_path=`).
 */

/** `org/name` or a bare Hub name, as the Hub writes ids. */
const HUB_ID = /^[A-Za-z0-9][\w.-]{0,95}(\/[A-Za-z0-9][\w.-]{0,95})?$/;

export const deepspeedMii: CallRule = {
  framework: 'deepspeed-mii',
  callees: ['pipeline', 'serve'],
  words: ['mii.'],
  runStart: /\bmii\s*\.\s*(?:pipeline|serve)\s*\(/,
  when: ({ full }) => full === 'mii.pipeline' || full === 'mii.serve',
  read: ({ node, full, ctx }) => {
    const fn = node.childForFieldName('function') ?? node;
    const model = keywordOrFirstArgument(node, 'model_name_or_path');
    const r = model ? evaluate(model, ctx.symbols) : undefined;
    if (model && typeof r?.value === 'string' && HUB_ID.test(r.value))
      ctx.add(
        'model.id',
        r.value,
        model,
        r.via ? `model of ${full} (${truncate(r.via, 60)})` : `model of ${full}`,
        r.via ? 'medium' : 'high',
      );
    const args = node.childForFieldName('arguments');
    const tp = args ? keywordArgument(args, 'tensor_parallel') : null;
    const tpValue = tp ? evaluate(tp, ctx.symbols)?.value : undefined;
    if (tp && typeof tpValue === 'number' && Number.isInteger(tpValue) && tpValue > 0)
      ctx.add('inference.tensorParallel', tpValue, tp, `tensor_parallel=${tpValue} in ${full}`);
    ctx.add('inference.engine', 'other', fn, `${full}(...): DeepSpeed-FastGen batches requests continuously`, 'medium');
    ctx.add(
      'launch.inference',
      full,
      fn,
      full === 'mii.serve'
        ? `${full}(...) serves a model on this machine`
        : `${full}(...) generates with a local model`,
      'medium',
    );
  },
};
