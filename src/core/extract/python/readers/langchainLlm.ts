import { keywordArgument } from '../../pythonValues';
import { readTrainingKeywords } from '../keywords';
import type { CallRule } from '../rules';

/**
 * LangChain's local LLM wrappers (python.langchain.com, integrations/llms): the model is loaded and run on this
 * machine when a chain or agent calls it. `HuggingFacePipeline.from_model_id(model_id=…, task="text-generation",
 * device=0, model_kwargs={"torch_dtype": …})` builds a transformers pipeline (generate, one batch at a time);
 * `LlamaCpp(model_path=…)` runs a GGUF/GGML file with llama.cpp; `GPT4All(model=…)` the gpt4all runtime; `VLLM(
 * model=…, tensor_parallel_size=…)` vLLM. An inference run of that model. The endpoint clients (`OpenAI`,
 * `HuggingFaceEndpoint`, `HuggingFaceHub`) send prompts elsewhere and are other classes.
 *
 * `HuggingFacePipeline(pipeline=pipe)` wraps a transformers pipeline the file built itself (python.langchain.com,
 * HuggingFacePipeline: "pipeline: Pipeline"): the same local generation, the model being whatever that pipeline was
 * built from (read where it was loaded, not here).
 */

const LOCAL_LLMS: Readonly<Record<string, { engine: string; what: string; model: string }>> = {
  from_model_id: { engine: 'hf-generate', what: 'a transformers pipeline on this machine', model: 'model_id' },
  LlamaCpp: { engine: 'other', what: 'llama.cpp on this machine', model: 'model_path' },
  GPT4All: { engine: 'other', what: 'the gpt4all runtime on this machine', model: 'model' },
  VLLM: { engine: 'vllm', what: 'vLLM on this machine', model: 'model' },
  HuggingFacePipeline: { engine: 'hf-generate', what: 'a transformers pipeline on this machine', model: 'model_id' },
};

/** `from langchain.llms import …`, `from langchain_community.llms import …`, `from langchain_huggingface import …`. */
const LANGCHAIN_IMPORT = /^[ \t]*from[ \t]+langchain\w{0,30}(?:\.\w{1,40}){0,4}[ \t]+import\b/m;

/** `pipeline=` among the call's arguments. */
function handsPipeline(args: Parameters<typeof keywordArgument>[0] | null): boolean {
  return !!args && !!keywordArgument(args, 'pipeline');
}

export const langchainLocalLlms: CallRule = {
  framework: 'langchain',
  callees: Object.keys(LOCAL_LLMS),
  words: ['langchain'],
  runStart: [/\b(?:HuggingFacePipeline(?:\.from_model_id)?|LlamaCpp|GPT4All|VLLM)[ \t]*\(/, /\blangchain/],
  when: ({ node, full, last, ctx }) =>
    (last === 'from_model_id' ? /(?:^|\.)HuggingFacePipeline\.from_model_id$/.test(full) : full === last) &&
    // Constructed directly, only around a pipeline it is handed (`pipeline=`).
    (last !== 'HuggingFacePipeline' || handsPipeline(node.childForFieldName('arguments'))) &&
    LANGCHAIN_IMPORT.test(ctx.text),
  read: ({ node: call, full, last, ctx }) => {
    const fn = call.childForFieldName('function') ?? call;
    const { engine, what, model } = LOCAL_LLMS[last];
    const args = call.childForFieldName('arguments');
    const modelArg = args ? keywordArgument(args, model) : null;
    if (modelArg) ctx.addResolved('model.id', modelArg, `${model} of ${full}`);
    ctx.add('model.fromScratch', false, fn, `${full}(...) loads a trained model to generate with`, 'medium');
    // model_kwargs={"torch_dtype": …}, device=0, tensor_parallel_size=…, dtype=…: the shared keyword readings.
    readTrainingKeywords(call, ctx, full);
    ctx.add('inference.engine', engine, fn, `${full}(...): ${what}`);
    ctx.add('launch.inference', full, fn, `${full}(...): a LangChain LLM that runs ${what}`, 'medium');
  },
};
