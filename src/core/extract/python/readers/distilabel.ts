import type { Node } from 'web-tree-sitter';
import { evaluate, keywordArgument } from '../../pythonValues';
import { readModelKeyword } from '../keywords';
import type { PythonReadContext } from '../context';
import type { CallRule } from '../rules';

/**
 * distilabel pipelines (distilabel.argilla.io, "LLMs" and "StepResources"): a synthetic-data pipeline run as a
 * program (`with Pipeline(...) as pipeline: ...; pipeline.run(...)`) whose steps generate with an LLM object.
 * The local engines load the model on this job's GPUs: `vLLM(model=..., extra_kwargs={"tensor_parallel_size": 8})`
 * (vLLM, continuous batching), `TransformersLLM(model=...)` (Transformers generate), `LlamaCppLLM(model_path=...)`.
 * The step's `resources=StepResources(replicas=N, gpus=G)` runs N copies of it, each on G GPUs (or on the
 * engine's tensor-parallel devices). Remote ones (`InferenceEndpointsLLM`, `OpenAILLM`) are clients of a server
 * elsewhere: not read as a local run.
 */

const ENGINES: Readonly<Record<string, { engine: string; what: string }>> = {
  vLLM: { engine: 'vllm', what: 'vLLM batches requests continuously' },
  TransformersLLM: { engine: 'hf-generate', what: 'Transformers generate, one batch at a time' },
  LlamaCppLLM: { engine: 'other', what: 'llama.cpp on this machine' },
};

function positiveInteger(node: Node | null, ctx: PythonReadContext): number | undefined {
  const v = node ? evaluate(node, ctx.symbols)?.value : undefined;
  return typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : undefined;
}

/** `tensor_parallel_size` in the engine's `extra_kwargs={...}` (a dict written there or bound to a name). */
function tensorParallel(call: Node, ctx: PythonReadContext): { value: number; node: Node } | undefined {
  const args = call.childForFieldName('arguments');
  const extra = args ? keywordArgument(args, 'extra_kwargs') : null;
  const dict = extra?.type === 'identifier' ? ctx.symbols.lookup(extra.text)?.node : extra;
  if (dict?.type !== 'dictionary') return undefined;
  for (const pair of dict.namedChildren) {
    if (pair?.type !== 'pair') continue;
    const key = pair.childForFieldName('key');
    if (key?.type !== 'string' || !/^["']tensor_parallel_size["']$/.test(key.text)) continue;
    const value = pair.childForFieldName('value');
    const n = positiveInteger(value, ctx);
    return n && value ? { value: n, node: value } : undefined;
  }
  return undefined;
}

/** The step call this engine is given to (`TextGeneration(llm=vLLM(...), resources=StepResources(replicas=4))`). */
function stepResources(
  call: Node,
  ctx: PythonReadContext,
): { replicas?: number; gpus?: number; node: Node } | undefined {
  const keyword = call.parent?.type === 'keyword_argument' ? call.parent : null;
  const step = keyword?.parent?.parent;
  if (step?.type !== 'call') return undefined;
  const args = step.childForFieldName('arguments');
  const resources = args ? keywordArgument(args, 'resources') : null;
  if (resources?.type !== 'call' || ctx.callee(resources).last !== 'StepResources') return undefined;
  const own = resources.childForFieldName('arguments');
  return {
    replicas: own ? positiveInteger(keywordArgument(own, 'replicas'), ctx) : undefined,
    gpus: own ? positiveInteger(keywordArgument(own, 'gpus'), ctx) : undefined,
    node: resources,
  };
}

export const distilabelEngines: CallRule = {
  framework: 'distilabel',
  callees: Object.keys(ENGINES),
  words: ['distilabel'],
  runStart: [/\b(?:vLLM|TransformersLLM|LlamaCppLLM)\s*\(/, /\bdistilabel\b/],
  when: ({ full, ctx }) => full in ENGINES && ctx.mentions('distilabel'),
  read: ({ node: call, full, ctx }) => {
    const fn = call.childForFieldName('function') ?? call;
    const { engine, what } = ENGINES[full];
    readModelKeyword(call, ctx, full, true);
    ctx.add('inference.engine', engine, fn, `${full}(...) in a distilabel pipeline: ${what}`);
    const tp = tensorParallel(call, ctx);
    if (tp) ctx.add('inference.tensorParallel', tp.value, tp.node, `tensor_parallel_size=${tp.value} in ${full}`);
    const resources = stepResources(call, ctx);
    const perReplica = Math.max(resources?.gpus ?? 0, tp?.value ?? 0);
    if (resources && perReplica > 0 && (resources.replicas ?? 1) > 1)
      ctx.add(
        'hardware.devices',
        perReplica * resources.replicas!,
        resources.node,
        `StepResources: ${resources.replicas} replicas of the step × ${perReplica} GPUs each`,
        'medium',
      );
    ctx.add(
      'launch.inference',
      full,
      fn,
      `${full}(...) generates synthetic data with a local model (distilabel)`,
      'medium',
    );
  },
};
