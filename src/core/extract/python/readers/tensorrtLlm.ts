import type { CallRule } from '../rules';

/**
 * TensorRT-LLM's Python runtime (nvidia.github.io/TensorRT-LLM/_modules/tensorrt_llm/runtime/model_runner.html, model_runner_cpp.html): a built engine run on this
 * machine's GPUs, through `ModelRunner.from_dir(engine_dir=...)` / `ModelRunnerCpp.from_dir(...)` then
 * `runner.generate(...)`, or the lower-level `GenerationSession(model_config, engine_buffer, mapping)` then
 * `session.decode(...)`. Either generates with a local model: an inference run on the TensorRT-LLM engine. The model
 * is whatever engine the folder holds (its name, if any, comes from the program's flags, read elsewhere).
 */
const RUNTIME_CALL = /(?:^|\.)(?:ModelRunner(?:Cpp)?\.from_dir|ModelRunner(?:Cpp)?\.from_engine|GenerationSession)$/;

/** Whether the file imports TensorRT-LLM, once per file (the rule looks at every call). */
const importsTrtLlm = new WeakMap<object, boolean>();
function usesTensorrtLlm(ctx: { text: string }): boolean {
  let known = importsTrtLlm.get(ctx);
  if (known === undefined) {
    known = ctx.text.includes('tensorrt_llm');
    importsTrtLlm.set(ctx, known);
  }
  return known;
}

export const tensorrtLlmRuntime: CallRule = {
  framework: 'tensorrt-llm',
  // No callee list: the session class is often called through a name bound to it (`session = GenerationSession`).
  words: ['tensorrt_llm', 'GenerationSession', 'from_dir', 'from_engine'],
  runStart: [/\btensorrt_llm\b/, /\b(?:ModelRunner(?:Cpp)?\.from_(?:dir|engine)|GenerationSession)[ \t]*\(/],
  when: ({ full, ctx }) =>
    usesTensorrtLlm(ctx) &&
    (RUNTIME_CALL.test(full) ||
      (/^[A-Za-z_]\w{0,100}$/.test(full) && RUNTIME_CALL.test(ctx.symbols.lookup(full)?.node.text ?? ''))),
  read: ({ node, full, ctx }) => {
    const fn = node.childForFieldName('function') ?? node;
    ctx.add('inference.engine', 'tensorrt-llm', fn, `${full}(...): a TensorRT-LLM engine on this machine`, 'medium');
    ctx.add('launch.inference', full, fn, `${full}(...) generates with a local TensorRT-LLM engine`, 'medium');
  },
};
