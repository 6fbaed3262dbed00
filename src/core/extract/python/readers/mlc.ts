import { evaluate, keywordOrFirstArgument } from '../../pythonValues';
import { truncate } from '../context';
import type { CallRule } from '../rules';

/**
 * MLC LLM's Python engine (llm.mlc.ai/docs, "Python API": `from mlc_llm import MLCEngine; engine =
 * MLCEngine(model)`): compiles and runs the model on this machine's GPU (or CPU), answering OpenAI-style
 * `engine.chat.completions.create(...)` calls in the script. The model is the first argument (or `model=`), a
 * local folder or `HF://org/name` of prebuilt weights whose name carries their quantisation (`q4f16_1`: 4-bit
 * weights, float16 compute; `q0f16`: unquantised float16; MLC's quantisation modes).
 */

const HF_PREFIX = /^HF:\/\//i;
const HUB_ID = /^[A-Za-z0-9][\w.-]{0,95}\/[A-Za-z0-9][\w.-]{0,95}$/;

export const mlcEngine: CallRule = {
  framework: 'mlc-llm',
  callees: ['MLCEngine'],
  words: ['mlc_llm'],
  runStart: [/\bMLCEngine\s*\(/, /\bmlc_llm\b/],
  when: ({ ctx }) => ctx.text.includes('mlc_llm'),
  read: ({ node, full, ctx }) => {
    const fn = node.childForFieldName('function') ?? node;
    const model = keywordOrFirstArgument(node, 'model');
    const r = model ? evaluate(model, ctx.symbols) : undefined;
    const id = typeof r?.value === 'string' ? r.value.replace(HF_PREFIX, '') : undefined;
    if (model && id && HUB_ID.test(id)) {
      ctx.add(
        'model.id',
        id,
        model,
        r?.via ? `model of ${full} (${truncate(r.via, 60)})` : `model of ${full}`,
        'medium',
      );
      const quant = /[-_]q(\d)f(16|32)(?:_\d)?(?=[-_]|$)/i.exec(id);
      if (quant && quant[1] !== '0')
        ctx.add(
          'inference.weightPrecision',
          quant[1] === '8' ? 'int8' : 'int4',
          model,
          `${quant[0].slice(1)} in the weights' name: ${quant[1]}-bit weights`,
        );
    }
    ctx.add('inference.engine', 'other', fn, `${full}(...): MLC LLM runs the model on this machine`, 'medium');
    ctx.add('launch.inference', full, fn, `${full}(...) generates with a local model (MLC LLM)`, 'medium');
  },
};
