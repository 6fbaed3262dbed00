import { readModelKeyword, readTrainingKeywords } from '../keywords';
import type { CallRule } from '../rules';

/** Serving engines: vLLM's offline `LLM(...)` and async engine. */

export const vllmEngine: CallRule = {
  framework: 'vllm',
  callees: ['LLM', 'from_engine_args'],
  words: ['LLM('],
  when: ({ full }) => full === 'LLM' || full === 'vllm.LLM' || full === 'AsyncLLMEngine.from_engine_args',
  read: ({ node, full, ctx }) => {
    readModelKeyword(node, ctx, full, true);
    readTrainingKeywords(node, ctx, full);
    ctx.add('launch.inference', full, node.childForFieldName('function') ?? node, `${full}(...) serves a model (vLLM)`, 'medium');
  },
};
