import type { Node } from 'web-tree-sitter';
import { evaluate, keywordArgument } from '../../pythonValues';
import { truncate, type PythonReadContext } from '../context';
import { readModelKeyword, readTrainingKeywords } from '../keywords';
import type { CallInfo, CallRule } from '../rules';

/**
 * Serving code: vLLM's offline `LLM(...)` and `SamplingParams`, Hugging Face `pipeline(...)` and
 * `generate(...)` (and the loops around them, which count requests), and OpenAI-compatible clients
 * pointed at a server. How requests are batched decides the energy per request far more than the
 * model's FLOPs (see estimate/inference), so the engine, the batch and the outputs are facts.
 */

/** vLLM / server `quantization=` values → the precision the weights are read in. */
export function weightPrecisionOf(quantization: string): string | undefined {
  const q = quantization.toLowerCase();
  if (/fp8|float8/.test(q)) return 'fp8';
  if (/awq|gptq|marlin|bitsandbytes|bnb|nf4|int4|4bit|squeezellm|aqlm|gguf|exl2|eetq/.test(q))
    return /int8|8bit|eetq/.test(q) ? 'int8' : 'int4';
  if (/int8|8bit|smoothquant|w8a8/.test(q)) return 'int8';
  return undefined;
}

function numberKeyword(call: Node, name: string, ctx: PythonReadContext): { value: number; node: Node } | undefined {
  const args = call.childForFieldName('arguments');
  const node = args ? keywordArgument(args, name) : null;
  const r = node ? evaluate(node, ctx.symbols) : undefined;
  return node && typeof r?.value === 'number' && Number.isFinite(r.value) && r.value > 0
    ? { value: r.value, node }
    : undefined;
}

function stringKeyword(call: Node, name: string, ctx: PythonReadContext): { value: string; node: Node } | undefined {
  const args = call.childForFieldName('arguments');
  const node = args ? keywordArgument(args, name) : null;
  const r = node ? evaluate(node, ctx.symbols) : undefined;
  return node && typeof r?.value === 'string' ? { value: r.value, node } : undefined;
}

/** Requests a generate call serves: the literal list it is given, times the loop around it. */
function readRequests(call: Node, ctx: PythonReadContext): void {
  const first = call
    .childForFieldName('arguments')
    ?.namedChildren.find((c) => c && c.type !== 'keyword_argument' && c.type !== 'comment');
  const prompts = first ? evaluate(first, ctx.symbols) : undefined;
  const perCall = Array.isArray(prompts?.value) ? prompts.value.length : undefined;
  let node: Node | null = call.parent;
  for (let depth = 0; node && depth < 12; depth++, node = node.parent) {
    if (node.type === 'function_definition' || node.type === 'class_definition') break;
    if (node.type !== 'for_statement') continue;
    const right = node.childForFieldName('right');
    if (right?.type !== 'call' || ctx.callee(right).full !== 'range') break;
    const bounds = (right.childForFieldName('arguments')?.namedChildren ?? []).map(
      (a) => evaluate(a, ctx.symbols)?.value,
    );
    if (bounds.length === 0 || !bounds.every((b) => typeof b === 'number')) break;
    const [a, b, step] = bounds;
    const loops = bounds.length === 1 ? a : Math.ceil((b - a) / (step ?? 1));
    if (loops > 0)
      ctx.add(
        'inference.requests',
        loops * (perCall ?? 1),
        right,
        `${truncate(node.childForFieldName('left')?.text ?? 'i', 20)} in ${truncate(right.text, 30)}${perCall ? ` × ${perCall} prompts` : ''}: requests served`,
        'medium',
      );
    return;
  }
  if (perCall && first)
    ctx.add('inference.requests', perCall, first, `${perCall} prompts passed to ${ctx.callee(call).full}`, 'medium');
}

export const vllmEngine: CallRule = {
  framework: 'vllm',
  callees: ['LLM', 'from_engine_args'],
  runStart: /\b(LLM|from_engine_args)\s*\(/,
  words: ['LLM(', 'vllm'],
  when: ({ full }) => full === 'LLM' || full === 'vllm.LLM' || full === 'AsyncLLMEngine.from_engine_args',
  read: ({ node, full, ctx }) => {
    readModelKeyword(node, ctx, full, true);
    readTrainingKeywords(node, ctx, full);
    const fn = node.childForFieldName('function') ?? node;
    ctx.add('inference.engine', 'vllm', fn, `${full}(...): vLLM batches requests continuously`);
    const tp = numberKeyword(node, 'tensor_parallel_size', ctx);
    if (tp) ctx.add('inference.tensorParallel', tp.value, tp.node, `tensor_parallel_size=${tp.value} in ${full}`);
    const seqs = numberKeyword(node, 'max_num_seqs', ctx);
    if (seqs) ctx.add('inference.concurrency', seqs.value, seqs.node, `max_num_seqs=${seqs.value} in ${full}`);
    const quant = stringKeyword(node, 'quantization', ctx);
    const wp = quant ? weightPrecisionOf(quant.value) : undefined;
    if (quant && wp) ctx.add('inference.weightPrecision', wp, quant.node, `quantization="${quant.value}" in ${full}`);
    ctx.add('launch.inference', full, fn, `${full}(...) serves a model (vLLM)`, 'medium');
  },
};

/** vLLM SamplingParams(max_tokens=256, n=4): tokens generated per sequence and sequences per request. */
export const samplingParams: CallRule = {
  framework: 'vllm',
  callees: ['SamplingParams'],
  read: ({ node, full, ctx }) => {
    const maxTokens = numberKeyword(node, 'max_tokens', ctx);
    if (maxTokens)
      ctx.add('inference.maxNewTokens', maxTokens.value, maxTokens.node, `max_tokens=${maxTokens.value} in ${full}`);
    const n = numberKeyword(node, 'n', ctx) ?? numberKeyword(node, 'best_of', ctx);
    if (n) ctx.add('inference.numSequences', n.value, n.node, `${full}(n=${n.value})`);
  },
};

/**
 * Whether the model thinks before it answers, where the code says so: Qwen3-style chat templates take
 * `enable_thinking=` (directly or in `chat_template_kwargs`), OpenAI-style APIs `reasoning_effort=`
 * ("none" turns it off). A reasoning model's answers are several times longer (estimate/inferenceConstants).
 */
function readReasoning(call: Node, ctx: PythonReadContext): void {
  const args = call.childForFieldName('arguments');
  if (!args) return;
  const thinking = keywordArgument(args, 'enable_thinking');
  const thinkingValue = thinking ? evaluate(thinking, ctx.symbols)?.value : undefined;
  if (thinking && typeof thinkingValue === 'boolean') {
    ctx.add('inference.reasoning', thinkingValue, thinking, `enable_thinking=${thinkingValue ? 'True' : 'False'}`);
    return;
  }
  const kwargs = keywordArgument(args, 'chat_template_kwargs') ?? keywordArgument(args, 'extra_body');
  const inDict = kwargs
    ? /["']enable_thinking["']\s*:\s*(True|False|true|false)\b/.exec(kwargs.text.slice(0, 2000))
    : null;
  if (kwargs && inDict) {
    ctx.add(
      'inference.reasoning',
      /^t/i.test(inDict[1]),
      kwargs,
      `"enable_thinking": ${inDict[1]} in ${truncate(kwargs.text, 40)}`,
    );
    return;
  }
  const effort = keywordArgument(args, 'reasoning_effort');
  const effortValue = effort ? evaluate(effort, ctx.symbols)?.value : undefined;
  if (effort && typeof effortValue === 'string')
    ctx.add(
      'inference.reasoning',
      effortValue.toLowerCase() !== 'none',
      effort,
      `reasoning_effort="${truncate(effortValue, 20)}"`,
    );
}

/** `tokenizer.apply_chat_template(messages, enable_thinking=False)`: only what it says about reasoning. */
export const chatTemplate: CallRule = {
  framework: 'huggingface',
  callees: ['apply_chat_template'],
  words: ['enable_thinking'],
  read: ({ node, ctx }) => readReasoning(node, ctx),
};

/** `model.generate(...)`, `llm.generate(prompts, params)` and `pipeline(...)`: inference, one request per call. */
export const generation: CallRule = {
  framework: 'huggingface',
  callees: ['generate', 'pipeline'],
  runStart: /\b(generate|pipeline)\s*\(/,
  when: ({ full, last }) => last === 'generate' || full === 'pipeline' || full === 'transformers.pipeline',
  read: (call: CallInfo) => {
    const { node, full, last, ctx } = call;
    readTrainingKeywords(node, ctx, full);
    const fn = node.childForFieldName('function') ?? node;
    if (last !== 'generate') {
      readModelKeyword(node, ctx, full, true);
      ctx.add('inference.engine', 'hf-pipeline', fn, `${full}(...): a transformers pipeline`, 'medium');
      const batch = numberKeyword(node, 'batch_size', ctx);
      if (batch) ctx.add('inference.concurrency', batch.value, batch.node, `batch_size=${batch.value} in ${full}`);
    } else {
      // A vLLM LLM in the same file says which engine this generate call is (that fact is stated with more confidence).
      ctx.add('inference.engine', 'hf-generate', fn, `${full}(...): a generate call serves one batch at a time`, 'low');
      const beams = numberKeyword(node, 'num_return_sequences', ctx) ?? numberKeyword(node, 'num_beams', ctx);
      if (beams)
        ctx.add(
          'inference.numSequences',
          beams.value,
          beams.node,
          `${truncate(beams.node.parent?.text ?? '', 30)} in ${full}`,
        );
      readRequests(node, ctx);
    }
    readReasoning(node, ctx);
    ctx.add('launch.inference', full, fn, `${full}(...) runs inference`, 'medium');
  },
};

/**
 * An OpenAI-compatible client pointed at a server on this machine or cluster
 * (`OpenAI(base_url="http://localhost:8000/v1")`): the requests it sends are served by a local model.
 * A client of a hosted API is not a run this code launches.
 */
export const openAiClient: CallRule = {
  framework: 'openai',
  callees: ['create'],
  words: ['completions.create', 'base_url'],
  runStart: /completions\s*\.\s*create\s*\(/,
  when: ({ full, ctx }) =>
    /(^|\.)completions\.create$/.test(full) &&
    /base_url\s*=\s*f?["']https?:\/\/(localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\])/.test(ctx.text),
  read: ({ node, full, ctx }) => {
    const model = stringKeyword(node, 'model', ctx);
    if (model && /^[\w.-]+(\/[\w.-]+)?$/.test(model.value))
      ctx.add('model.id', model.value, model.node, `model= in ${full}`, 'medium');
    const maxTokens = numberKeyword(node, 'max_tokens', ctx) ?? numberKeyword(node, 'max_completion_tokens', ctx);
    if (maxTokens)
      ctx.add('inference.maxNewTokens', maxTokens.value, maxTokens.node, `max_tokens=${maxTokens.value} in ${full}`);
    const n = numberKeyword(node, 'n', ctx);
    if (n) ctx.add('inference.numSequences', n.value, n.node, `n=${n.value} in ${full}`);
    const fn = node.childForFieldName('function') ?? node;
    ctx.add(
      'inference.engine',
      'other',
      fn,
      `${full}(...) sends requests to a local OpenAI-compatible server (its engine is set where it is launched)`,
      'low',
    );
    readReasoning(node, ctx);
    ctx.add('launch.inference', full, fn, `${full}(...) requests completions from a local server`, 'medium');
    readRequests(node, ctx);
  },
};

/** Calling a loaded diffusers pipeline (`image = pipe(prompt, num_inference_steps=30).images[0]`) generates: inference. */
export const diffusersPipelineCall: CallRule = {
  framework: 'diffusers',
  words: ['Pipeline'],
  // ctx.pipelines holds what `XPipeline.from_pretrained(...)` was assigned to (huggingface.fromPretrained).
  // Bounded: `\w*` from every `Pipeline` of one long word re-scanned the rest of it (quadratic).
  runStart: /Pipeline\w{0,64}\s*\.\s*from_pretrained\b/,
  when: ({ full, ctx }) => ctx.pipelines.size > 0 && ctx.pipelines.has(full),
  read: ({ node, full, ctx }) => {
    const fn = node.childForFieldName('function') ?? node;
    ctx.add('inference.engine', 'hf-pipeline', fn, `${full}(...): a diffusers pipeline`, 'medium');
    ctx.add('launch.inference', full, fn, `${full}(...) generates with a pretrained diffusion pipeline`, 'medium');
    readRequests(node, ctx);
  },
};
