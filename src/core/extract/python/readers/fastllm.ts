import { keywordOrFirstArgument } from '../../pythonValues';
import type { CallRule } from '../rules';

/**
 * fastllm's Python binding (github.com/ztxz16/fastllm, `from fastllm_pytools import llm`): `llm.model(path)` loads
 * a converted `.flm` model (or an HF folder) into the native runtime on this machine's GPU, DCU or CPU, and the
 * script generates with `model.response(...)`, `stream_response(...)` or `response_batch(prompts)`. The path is the
 * model; usually a required flag, so left to the command line.
 */
export const fastllmModel: CallRule = {
  framework: 'fastllm',
  // No callee list: `model` as a prefilter word would keep nearly every line of every file.
  words: ['llm.model'],
  runStart: [/\bllm\.model\s*\(/, /\bfastllm_pytools\b/],
  when: ({ full, ctx }) => full === 'llm.model' && ctx.mentions('fastllm_pytools'),
  read: ({ node, full, ctx }) => {
    const fn = node.childForFieldName('function') ?? node;
    const path = keywordOrFirstArgument(node, 'path');
    if (path) ctx.addResolved('model.id', path, `model path of ${full}`);
    ctx.add('inference.engine', 'other', fn, `${full}(...): fastllm runs the model on this machine`, 'medium');
    ctx.add('launch.inference', full, fn, `${full}(...) loads a model into fastllm to generate with it`, 'medium');
  },
};
