import type { Node } from 'web-tree-sitter';
import { TRAINS_HERE } from '../trainingText';
import { evaluate, keywordArgument, positionalArguments } from '../../pythonValues';
import { truncate, type PythonReadContext } from '../context';
import { readModelKeyword, readTrainingKeywords } from '../keywords';
import type { CallInfo, CallRule } from '../rules';
import { HUB_ID } from './calledModelObject';

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

/** A keyword's finite number, above zero (or at least zero with `zero`: `guidance_scale=0.0` is a value). */
function numberKeyword(
  call: Node,
  name: string,
  ctx: PythonReadContext,
  zero = false,
): { value: number; node: Node } | undefined {
  const args = call.childForFieldName('arguments');
  const node = args ? keywordArgument(args, name) : null;
  const r = node ? evaluate(node, ctx.symbols) : undefined;
  return node && typeof r?.value === 'number' && Number.isFinite(r.value) && (zero ? r.value >= 0 : r.value > 0)
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
  const args = call.childForFieldName('arguments');
  const first = args ? positionalArguments(args)[0] : undefined;
  const prompts = first ? evaluate(first, ctx.symbols) : undefined;
  const perCall = Array.isArray(prompts?.value) ? prompts.value.length : undefined;
  let node: Node | null = call.parent;
  for (let depth = 0; node && depth < 12; depth++, node = node.parent) {
    if (node.type === 'function_definition' || node.type === 'class_definition') break;
    if (node.type !== 'for_statement') continue;
    let right = node.childForFieldName('right');
    // `for prompt in prompts` / `for i, prompt in enumerate(prompts)` over a literal list: one request per item.
    if (right?.type === 'call' && ctx.callee(right).full === 'enumerate')
      right = right.childForFieldName('arguments')?.namedChildren[0] ?? null;
    const items = right && right.type !== 'call' ? evaluate(right, ctx.symbols) : undefined;
    if (right && Array.isArray(items?.value) && items.value.length > 0) {
      ctx.add(
        'inference.requests',
        items.value.length,
        right,
        `${truncate(node.childForFieldName('left')?.text ?? 'x', 20)} in ${truncate(right.text, 30)}: ${items.value.length} requests served`,
        'medium',
      );
      return;
    }
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
  read: ({ node: call, full, ctx }) => {
    const fn = call.childForFieldName('function') ?? call;
    // `AsyncLLMEngine.from_engine_args(engine_args)`: the settings are in the `AsyncEngineArgs(...)` bound to the name.
    const node = full.endsWith('from_engine_args') ? (engineArgs(call, ctx) ?? call) : call;
    readModelKeyword(node, ctx, full, true);
    readTrainingKeywords(node, ctx, full);
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

/**
 * SGLang's in-process runtime (`sgl.Runtime(model_path="meta-llama/Llama-2-7b-chat-hf")`, `sgl.Engine(model_path=…)`;
 * SGLang docs, "Frontend language" and "Offline Engine API"): it starts the SGLang server in this process and serves
 * the model with continuous batching. `model_path` names the checkpoint, `tp_size` the tensor-parallel devices.
 */
export const sglangEngine: CallRule = {
  framework: 'sglang',
  callees: ['Runtime', 'Engine'],
  runStart: /\b(?:sgl|sglang)\.(?:Runtime|Engine)\s*\(/,
  words: ['sgl.', 'sglang'],
  when: ({ full }) => /^(?:sgl|sglang)\.(?:Runtime|Engine)$/.test(full),
  read: ({ node: call, full, ctx }) => {
    const fn = call.childForFieldName('function') ?? call;
    const model = stringKeyword(call, 'model_path', ctx);
    if (model && /^[\w.-]+(?:\/[\w.-]+)?$/.test(model.value)) {
      ctx.add('model.id', model.value, model.node, `model_path= in ${full}`);
      ctx.add('model.fromScratch', false, model.node, `${full} serves a trained checkpoint`);
    }
    ctx.add('inference.engine', 'sglang', fn, `${full}(...): SGLang batches requests continuously`);
    const tp = numberKeyword(call, 'tp_size', ctx);
    if (tp) ctx.add('inference.tensorParallel', tp.value, tp.node, `tp_size=${tp.value} in ${full}`);
    ctx.add('launch.inference', full, fn, `${full}(...) serves a model (SGLang)`, 'medium');
  },
};

/**
 * A JetStream server started in this process (`server_lib.run(threads=..., port=9000, config=server_config, ...)`
 * with `from jetstream.core import server_lib`: MaxText's maxengine_server.py; JetStream docs, "Run the server"): it
 * serves the model its engine config loads, batching requests into its decode slots. The model and its settings are
 * the program's config (a MaxText config and its overrides on the launch line), not read here.
 */
const JETSTREAM_SERVER_IMPORT = /^[ \t]*from[ \t]+jetstream\.core[ \t]+import[^\n]*\bserver_lib\b/m;
export const jetstreamServer: CallRule = {
  framework: 'jetstream',
  callees: ['run'],
  runStart: [/\bserver_lib\.run\s*\(/, JETSTREAM_SERVER_IMPORT],
  words: ['server_lib'],
  when: ({ full, ctx }) => full === 'server_lib.run' && JETSTREAM_SERVER_IMPORT.test(ctx.text),
  read: ({ node: call, full, ctx }) => {
    const fn = call.childForFieldName('function') ?? call;
    ctx.add('launch.inference', 'jetstream', fn, `${full}(...) starts a JetStream server: it serves a model`, 'medium');
  },
};

/** The `EngineArgs(...)` / `AsyncEngineArgs(...)` call a from_engine_args call is given, written there or bound to a name. */
function engineArgs(call: Node, ctx: PythonReadContext): Node | undefined {
  const first = call.childForFieldName('arguments')?.namedChildren[0];
  const value = first?.type === 'identifier' ? ctx.symbols.lookup(first.text)?.node : first;
  return value?.type === 'call' && /EngineArgs$/.test(ctx.callee(value).last) ? value : undefined;
}

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

/**
 * A bare `generate(client, messages, ...)` whose first argument is bound to a hosted-API client built in the file
 * (`client = OpenAI(base_url=args.base_url)`): the file's own helper that streams a remote endpoint's completions, a
 * client of a server that computes elsewhere, not a model's generate.
 */
const REMOTE_CLIENT = /^(?:openai\.)?(?:Async)?(?:Azure)?OpenAI[ \t]*\(/;
function handedRemoteClient(node: Node, text: string): boolean {
  const first = node.childForFieldName('arguments')?.namedChildren[0];
  if (first?.type !== 'identifier' || first.text.length > 60) return false;
  const bound = new RegExp(`^[ \\t]*${first.text}[ \\t]*=[ \\t]*([\\w.]{1,40}[ \\t]*\\()`, 'm').exec(text);
  return bound !== null && REMOTE_CLIENT.test(bound[1]);
}

/**
 * Tasks of a transformers pipeline that label their input (transformers docs, "Pipelines": the task identifiers):
 * a classifier, as a program uses one beside the model it generates with (a content or safety filter).
 */
const CLASSIFIER_TASKS =
  /^(?:image-classification|text-classification|sentiment-analysis|zero-shot-classification|zero-shot-image-classification|audio-classification|token-classification|ner)$/;

/** The task a `pipeline(...)` call names: its first positional string or `task=`. */
/** `def generate(...)` at column 0: a module's own function of that name. */
const OWN_GENERATE = /^(?:async[ \t]+)?def[ \t]+generate[ \t]*\(/m;
/** What a function that runs a model holds: a generate call, a model, an engine or a pipeline. */
const RUNS_A_MODEL = /\.generate\(|\bmodel\b|\bllm\b|\bengine\b|\bpipe(?:line)?\b|from_pretrained/i;
/** Characters of the function's body looked at. */
const MAX_OWN_BODY = 20_000;

/**
 * Whether the module defines its own top-level `generate` whose body runs no model (a data script's prompt builder
 * `def generate(): ... prompts_json.append(...)`), so that calling it handed nothing generates nothing with a model.
 * A `def generate()` that drives an engine (`llm.generate(prompts, sampling)`) keeps its call a launch.
 */
function ownGenerateRunsNoModel(text: string): boolean {
  const def = OWN_GENERATE.exec(text);
  if (!def) return false;
  const rest = text.slice(def.index + def[0].length, def.index + def[0].length + MAX_OWN_BODY);
  const end = /\n(?=[^\s#])/.exec(rest);
  return !RUNS_A_MODEL.test(end ? rest.slice(0, end.index) : rest);
}

function pipelineTask(call: Node): string | undefined {
  const args = call.childForFieldName('arguments');
  if (!args) return undefined;
  const first = keywordArgument(args, 'task') ?? positionalArguments(args)[0];
  return first?.type === 'string' ? first.text.replace(/^[rbuf]*["']{1,3}|["']{1,3}$/gi, '') : undefined;
}

/** A constructor's arguments that hand it a model (`(cfg, model, tokenizer)`, `(llm=model)`). */
const HANDED_A_MODEL = /(?:^|[\s,(=])(?:model|llm|net|\w{1,40}_model)[ \t]*(?:[,)]|$)/;
/** Answers per file and receiver: each generate call of a file asks, a scan of the text each would be quadratic. */
const plainClassAnswers = new WeakMap<PythonReadContext, Map<string, boolean>>();
/** Receivers remembered per file: each answer scans the text once. */
const MAX_RECEIVERS = 200;
/**
 * `BlueprintGenerator(sanitizer).generate(user_config, args)`, or `g = ReportBuilder(x)` then `g.generate(...)`: the
 * generate method of a plain class the file itself defines (`class Name:` or `class Name(object):`, no base), which
 * is no model: a model's generate comes from its framework's base class (nn.Module, PreTrainedModel,
 * GenerationMixin), and a program never writes one without a base. A plain class handed the loaded model
 * (`PackedCausalTransformerGenerator(gen_cfg, model, tokenizer)`) is a generation loop around it: its generate runs
 * the model. Text lookups are bounded literals.
 */
function generateOfPlainClass(call: Node, ctx: PythonReadContext): boolean {
  const receiver = call.childForFieldName('function')?.childForFieldName('object');
  if (!receiver) return false;
  let key: string | undefined;
  if (receiver.type === 'call') {
    const f = receiver.childForFieldName('function');
    if (f?.type === 'identifier' && /^[A-Z]\w{0,60}$/.test(f.text)) key = `(${f.text}`;
  } else if (receiver.type === 'identifier' && /^\w{1,60}$/.test(receiver.text)) key = receiver.text;
  if (!key) return false;
  let answers = plainClassAnswers.get(ctx);
  if (!answers) plainClassAnswers.set(ctx, (answers = new Map<string, boolean>()));
  const known = answers.get(key);
  if (known !== undefined) return known;
  if (answers.size >= MAX_RECEIVERS) return false;
  const text = ctx.text;
  let cls: string | undefined = key.startsWith('(') ? key.slice(1) : undefined;
  let handed = cls ? (receiver.childForFieldName('arguments')?.text.slice(0, 300) ?? '') : '';
  if (!cls) {
    const built = new RegExp(`^[ \\t]*${key}[ \\t]*=[ \\t]*([A-Z]\\w{0,60})\\(([^\\n]{0,300})`, 'm').exec(text);
    cls = built?.[1];
    handed = built?.[2] ?? '';
  }
  const plain =
    !!cls &&
    new RegExp(`^class[ \\t]+${cls}[ \\t]*(?:\\([ \\t]*(?:object)?[ \\t]*\\))?[ \\t]*:`, 'm').test(text) &&
    // A generator handed the loaded model (`PackedCausalTransformerGenerator(gen_cfg, model, tokenizer)`) runs it.
    !HANDED_A_MODEL.test(handed);
  answers.set(key, plain);
  return plain;
}

/** `model.generate(...)`, `llm.generate(prompts, params)` and `pipeline(...)`: inference, one request per call. */
export const generation: CallRule = {
  framework: 'huggingface',
  callees: ['generate', 'pipeline', 'generate_batch'],
  runStart: /\b(generate|generate_batch|pipeline)\s*\(/,
  // `engine.generate_batch(tokens, num_samples=8)` (nanochat's Engine): a batch of completions from an inference
  // engine or model handle; elsewhere the name often makes synthetic training data, so only on such a receiver.
  // `super().generate(...)` in a model class's own generate: the library overriding its parent, not a call to serve.
  // A bare `generate(config)` handed only the program's settings (a Hydra program's `return generate(config)`) is the
  // package's own entry function, config-driven like `train(config)`: not a model's generate.
  when: ({ full, last, node, ctx }) =>
    (last === 'generate' &&
      !/^super\([^)]*\)\./.test(full) &&
      !(
        full === 'generate' &&
        /^\(\s*(?:config|cfg|conf|args|opts?|hparams|params)\s*\)$/.test(
          node.childForFieldName('arguments')?.text.slice(0, 60) ?? '',
        )
      ) &&
      !(full === 'generate' && handedRemoteClient(node, ctx.text)) &&
      // `generate()`, handed nothing, of a `def generate():` the file defines at its top level (a data script's own
      // prompt builder): no model's generate runs without its input. (The file's own `generate(prompt, model, ...)`
      // runs the model it is handed: read as before.)
      !(
        full === 'generate' &&
        node.childForFieldName('arguments')?.namedChildren.length === 0 &&
        ownGenerateRunsNoModel(ctx.text)
      ) &&
      !generateOfPlainClass(node, ctx) &&
      // `lm_client.generate(prefix)`, `self.client.generate(...)`: a client asks a server (launched by its own program,
      // the run) to generate; the client computes nothing.
      !/(?:^|[._])client\.generate$/i.test(full)) ||
    full === 'pipeline' ||
    full === 'transformers.pipeline' ||
    (last === 'generate_batch' && /(?:^|\.)(?:engine|model|llm|generator)\.generate_batch$/i.test(full)),
  read: (call: CallInfo) => {
    const { node, full, last, ctx } = call;
    readTrainingKeywords(node, ctx, full);
    const fn = node.childForFieldName('function') ?? node;
    if (last === 'pipeline') {
      const before = ctx.facts.length;
      readModelKeyword(node, ctx, full, true);
      // A classifier pipeline (`pipeline("image-classification", model=...)`) is often a helper beside the model the
      // program runs (a safety filter over generated images): its model is the run's only when nothing else names one.
      const task = pipelineTask(node);
      // lmdeploy's `pipeline('internlm/internlm-xcomposer2d5-7b-4bit', backend_config=...)` takes the model path first
      // (lmdeploy.readthedocs.io, pipeline(model_path, ...)); a transformers task name never holds a '/'.
      const first = node.childForFieldName('arguments');
      const written = first ? positionalArguments(first)[0] : undefined;
      if (ctx.facts.length === before && task !== undefined && written && HUB_ID.test(task))
        ctx.add('model.id', task, written, `${full}('${task}'): the model path the pipeline loads`, 'medium');
      if (task && CLASSIFIER_TASKS.test(task) && ctx.facts.length > before && ctx.facts[before].kind === 'model.id')
        ctx.facts[before] = {
          ...ctx.facts[before],
          confidence: 'low',
          detail: `${ctx.facts[before].detail}, a ${task} pipeline (a helper when the program names another model)`,
        };
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
 * A model's own decoding loop under another name (`model.medusa_generate(...)`, `model.eagenerate(...)`,
 * `model.naive_generate(...)`: speculative-decoding repositories wrap the base model's generation in methods of their
 * own) called on a model: inference, one request per call, as generate is.
 */
const GENERATE_VARIANT = /^[a-z][a-z0-9]{0,30}_?generate$/;
const MODEL_RECEIVER = /(?:^|\.)(?:\w{0,30}_)?(?:model|llm|engine|generator)\.\w{1,40}$/i;

export const variantGeneration: CallRule = {
  framework: 'huggingface',
  words: ['generate'],
  runStart: /\.[a-z][a-z0-9]{0,30}_?generate[ \t]*\(/,
  when: ({ full, last }) => last !== 'generate' && GENERATE_VARIANT.test(last) && MODEL_RECEIVER.test(full),
  read: ({ node, full, ctx }) => {
    const fn = node.childForFieldName('function') ?? node;
    ctx.add('inference.engine', 'hf-generate', fn, `${full}(...): the model's own generation loop`, 'low');
    ctx.add('launch.inference', full, fn, `${full}(...) runs inference (the model's decoding loop)`, 'medium');
  },
};

/**
 * A time-series foundation model's forecast (`model.forecast(horizon=128, inputs=series)` of TimesFM,
 * `tfm.forecast_on_df(df, freq="M")`; google-research/timesfm README, "forecast API"): the loaded model's
 * inference, one request per call, as a language model's generate is. Only on a model loaded in the file or a
 * name that says it holds one; a hosted forecasting API's client (`nixtla_client.forecast(...)`) computes
 * nothing here.
 */
const FORECAST_RECEIVER = /(?:^|\.)(?:\w{0,30}_)?(?:model|tfm|forecaster|predictor)$/i;

export const forecasting: CallRule = {
  framework: 'python',
  callees: ['forecast', 'forecast_on_df'],
  runStart: /\.forecast(?:_on_df)?[ \t]*\(/,
  when: ({ full, last, ctx }) => {
    if (last !== 'forecast' && last !== 'forecast_on_df') return false;
    const receiver = full.slice(0, -last.length - 1);
    return (
      receiver !== '' &&
      !/client/i.test(receiver) &&
      (ctx.modelHandles.has(receiver) || FORECAST_RECEIVER.test(receiver))
    );
  },
  read: ({ node, full, ctx }) => {
    const fn = node.childForFieldName('function') ?? node;
    ctx.add('launch.inference', full, fn, `${full}(...) runs inference (a forecast of the loaded model)`, 'medium');
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
  // ctx.pipelines holds the names bound to a loaded or assembled pipeline (python/handles.ts).
  // Bounded: `\w*` from every `Pipeline` of one long word re-scanned the rest of it (quadratic).
  runStart: /Pipeline\w{0,64}\s*\.\s*from_(pretrained|single_file|pipe)\b|=\s*[\w.]{0,64}Pipeline\w{0,64}\s*\(/,
  when: ({ full, ctx }) => ctx.pipelines.size > 0 && ctx.pipelines.has(full),
  read: ({ node, full, ctx }) => {
    const fn = node.childForFieldName('function') ?? node;
    ctx.add('inference.engine', 'hf-pipeline', fn, `${full}(...): a diffusers pipeline`, 'medium');
    ctx.add('launch.inference', full, fn, `${full}(...) generates with a pretrained diffusion pipeline`, 'medium');
    readDenoising(node, full, ctx);
    readRequests(node, ctx);
  },
};

/**
 * What a diffusion pipeline's call says of its work per image (diffusers' `__call__` keywords): the denoising steps,
 * the guidance scale (classifier-free guidance runs the denoiser on the prompt and on the empty prompt each step when
 * it is above 1) and the image's size. What it leaves out is the pipeline's default (the catalog row's).
 */
function readDenoising(node: Node, full: string, ctx: PythonReadContext): void {
  const steps = numberKeyword(node, 'num_inference_steps', ctx);
  if (steps && Number.isInteger(steps.value) && steps.value >= 1)
    ctx.add('inference.denoisingSteps', steps.value, steps.node, `num_inference_steps=${steps.value} in ${full}`);
  // `guidance_scale=0.0` (SDXL Turbo, FLUX schnell) switches guidance off: zero is a value here.
  const guidance = numberKeyword(node, 'guidance_scale', ctx, true);
  if (guidance)
    ctx.add('inference.guidanceScale', guidance.value, guidance.node, `guidance_scale=${guidance.value} in ${full}`);
  const height = numberKeyword(node, 'height', ctx);
  const width = numberKeyword(node, 'width', ctx);
  if (height && width && height.value >= 1 && width.value >= 1 && height.value <= 16384 && width.value <= 16384)
    ctx.add(
      'inference.imagePixels',
      Math.round(height.value) * Math.round(width.value),
      height.node,
      `height=${height.value}, width=${width.value} in ${full}`,
    );
}

/**
 * A loaded pipeline asked for outputs by its own entry method rather than called (`pipe = ImageTo3DPipeline.
 * from_pretrained("org/model")`, `pipe.cuda()`, then `outputs = pipe.run(image, seed=1)`, `pipe.sample(...)` or a variant entry such as
 * `pipe.run_multi_image(images)`): the pipelines of 3D and video generation repositories expose these where diffusers' are called. Not in a file
 * that builds an optimizer or steps backward: there a pipeline's run is the validation of a training run.
 */
const LOADED_PIPELINE_METHOD = /^(.{1,200})\.(run(?:_[a-z]\w{0,40})?|sample)$/;
export const loadedPipelineRun: CallRule = {
  framework: 'pipeline',
  // Every call: `run_variant`, `run_multi_image` are entries too (`when` decides, and asks nothing of a file with no
  // loaded pipeline).
  words: ['Pipeline'],
  runStart: /Pipeline\w{0,64}\s*\.\s*from_(pretrained|single_file)\b/,
  when: ({ full, ctx }) => {
    if (ctx.pipelines.size === 0) return false;
    const owner = LOADED_PIPELINE_METHOD.exec(full)?.[1];
    return owner !== undefined && ctx.pipelines.has(owner) && !TRAINS_HERE.test(ctx.text);
  },
  read: ({ node, full, ctx }) => {
    const fn = node.childForFieldName('function') ?? node;
    ctx.add('inference.engine', 'hf-pipeline', fn, `${full}(...): a loaded generation pipeline`, 'low');
    ctx.add('launch.inference', full, fn, `${full}(...) generates with a pretrained model's pipeline`, 'medium');
    readRequests(node, ctx);
  },
};

/**
 * mistral.rs's Python API (`runner = Runner(which=Which.Plain(model_id=...))` then
 * `runner.send_chat_completion_request(ChatCompletionRequest(..., max_tokens=256))`): a local engine serving a request.
 */
export const mistralRs: CallRule = {
  framework: 'mistral.rs',
  callees: ['send_chat_completion_request', 'send_completion_request'],
  words: ['mistralrs'],
  runStart: [/\bmistralrs\b/, /send_(chat_)?completion_request\s*\(/],
  when: ({ ctx }) => /^\s*(from|import)\s+mistralrs\b/m.test(ctx.text),
  read: ({ node, full, ctx }) => {
    const fn = node.childForFieldName('function') ?? node;
    ctx.add('inference.engine', 'other', fn, `${full}(...): mistral.rs serves the request`, 'medium');
    ctx.add('launch.inference', full, fn, `${full}(...) generates with a local mistral.rs engine`, 'medium');
    const request = node.childForFieldName('arguments')?.namedChildren[0];
    if (request?.type === 'call') {
      const maxTokens = numberKeyword(request, 'max_tokens', ctx);
      if (maxTokens)
        ctx.add('inference.maxNewTokens', maxTokens.value, maxTokens.node, `max_tokens=${maxTokens.value} in ${full}`);
    }
    // The model is named in the Runner's `Which.<Kind>(model_id=...)`.
    const which = /\bmodel_id\s*=\s*["']([\w.-]+\/[\w.-]+)["']/.exec(ctx.text);
    if (which) ctx.add('model.id', which[1], fn, `model_id="${which[1]}" in mistral.rs Which(...)`, 'medium');
    else ctx.add('model.id', null, fn, 'mistral.rs Which(model_id=...) is not written out here', 'low');
  },
};

/** An OpenAI-compatible completions URL on this machine or cluster (`http://localhost:8000/v1/completions`). */
const LOCAL_COMPLETIONS_URL =
  /["']https?:\/\/(localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\])(:\d+)?\/v1\/(chat\/)?completions["']/;

/**
 * A raw HTTP client posting to a local OpenAI-compatible server (`session.post(url, json=payload)` with
 * `url = "http://localhost:8000/v1/completions"`, aiohttp/requests/httpx): the requests are served by a local model.
 */
export const localHttpClient: CallRule = {
  framework: 'http',
  callees: ['post'],
  words: ['/v1/'],
  runStart: [/\/v1\/(chat\/)?completions/, /\.post\s*\(/],
  when: ({ ctx }) => LOCAL_COMPLETIONS_URL.test(ctx.text),
  read: ({ node, full, ctx }) => {
    const fn = node.childForFieldName('function') ?? node;
    ctx.add(
      'inference.engine',
      'other',
      fn,
      `${full}(...) posts to a local OpenAI-compatible server (its engine is set where it is launched)`,
      'low',
    );
    ctx.add('launch.inference', full, fn, `${full}(...) requests completions from a local server`, 'medium');
    // The payload's "model" names the served model when it is a Hub id; otherwise the server decides.
    const named = /["']model["']\s*:\s*["']([\w.-]+\/[\w.-]+)["']/.exec(ctx.text);
    if (named) ctx.add('model.id', named[1], fn, `"model": "${named[1]}" in the request payload`, 'medium');
    else
      ctx.add(
        'model.id',
        null,
        fn,
        'the server this client posts to decides the model (set where it is launched)',
        'low',
      );
  },
};

/** `torch.onnx.export(model, ...)`: the file writes the ONNX model (pytorch.org/docs/stable/onnx.html). */
const ONNX_EXPORT = /\btorch\.onnx\.export\s*\(/;

/** Half precision named anywhere in a file (`float16`, `fp16`, `.half()`, `--half`). */
const HALF_WORDS = /float16|\bfp16\b|\bhalf\b|bfloat16|\bbf16\b|\bint8\b|quantiz/i;
/** Inputs built as float32 arrays (`.astype(np.float32)`, `dtype=np.float32`, `np.float32(...)`). */
const FLOAT32_INPUTS = /\b(?:np|numpy)\.float32\b|["']float32["']/;

/**
 * The precision an ONNX Runtime session computes in: the types stored in the exported graph (ONNX Runtime runs each
 * node in its inputs' types and does not cast what it is fed: onnxruntime.ai docs, "Float16 and mixed precision
 * models": a float16 model is made by converting the float32 one). `torch.onnx.export` writes the module's parameter
 * types, float32 for a module never cast (pytorch.org/docs/stable/onnx.html; torch.get_default_dtype() is float32).
 * Float32 arrays fed to the session say the graph's inputs are float32 (medium); a file that names no half precision
 * or quantisation at all is read as float32 at low confidence; any such word leaves it unknown.
 */
function onnxSessionPrecision(text: string): { why: string; confidence: 'low' | 'medium' } | undefined {
  const head = text.slice(0, 200_000);
  // A file that also trains (a notebook that fits a model, exports it and checks the export) is read for its
  // training run, whose precision the session says nothing about.
  if (HALF_WORDS.test(head) || TRAINS_HERE.test(head)) return undefined;
  if (FLOAT32_INPUTS.test(head))
    return {
      why: 'the ONNX Runtime session is fed float32 arrays, and ONNX Runtime does not cast inputs: the exported graph computes in float32',
      confidence: 'medium',
    };
  return {
    why: "ONNX Runtime computes in the exported graph's types: float32 as torch.onnx.export writes a module never cast to half (no half precision or quantisation named in the file)",
    confidence: 'low',
  };
}

/** `session = onnxruntime.InferenceSession(path)` then `session.run(...)`: inference with an exported model, its size in the file. */
export const onnxRuntimeSession: CallRule = {
  framework: 'onnxruntime',
  words: ['InferenceSession'],
  // ctx.sessions holds the names bound to a session (python/handles.ts).
  runStart: [/InferenceSession\s*\(/, /\.run\s*\(/],
  // A script that exports the model itself (`torch.onnx.export(...)`) and then opens the export in a session is an
  // export utility checking its output (the session compares outputs with the PyTorch model's), not an inference job.
  when: ({ full, last, ctx }) =>
    last === 'run' && ctx.sessions.has(full.slice(0, -'.run'.length)) && !ONNX_EXPORT.test(ctx.text),
  read: ({ node, full, ctx }) => {
    const fn = node.childForFieldName('function') ?? node;
    ctx.add('inference.engine', 'other', fn, `${full}(...): ONNX Runtime runs the exported model`, 'medium');
    ctx.add('launch.inference', full, fn, `${full}(...) runs an ONNX model forward`, 'medium');
    ctx.add('model.id', null, fn, 'the model is an exported .onnx file: its size cannot be read from the code', 'low');
    const precision = onnxSessionPrecision(ctx.text);
    if (precision) ctx.add('training.precision', 'fp32', fn, precision.why, precision.confidence);
    readRequests(node, ctx);
  },
};

/** An OpenVINO program: it imports `openvino`. */
const OPENVINO_IMPORT = /^[ \t]*(?:import|from)[ \t]+openvino\b/m;
/** The network loaded onto a device: `ie.load_network(...)` (Inference Engine API) or `core.compile_model(...)` (2022+). */
const OPENVINO_LOAD = /\.(?:load_network|compile_model)\s*\(/;

/**
 * OpenVINO inference (docs.openvino.ai, "OpenVINO Inference Request"; the Inference Engine API before 2022:
 * `exec_net = IECore().load_network(network=net, device_name=...)` then `exec_net.infer(inputs={...})`; since 2022:
 * `compiled = Core().compile_model(model, device)` then `compiled.create_infer_request().infer(...)`): a converted
 * IR/ONNX model is run forward on this machine, an inference run. The model is the file it is given: its name and
 * size are not in the code.
 */
export const openvinoInfer: CallRule = {
  framework: 'openvino',
  callees: ['infer', 'start_async', 'infer_new_request'],
  runStart: [/^[ \t]*(?:import|from)[ \t]+openvino\b/m, /\.(?:infer|start_async|infer_new_request)\s*\(/],
  when: ({ full, last, ctx }) => full !== last && OPENVINO_IMPORT.test(ctx.text) && OPENVINO_LOAD.test(ctx.text),
  read: ({ node, full, ctx }) => {
    const fn = node.childForFieldName('function') ?? node;
    ctx.add('inference.engine', 'other', fn, `${full}(...): OpenVINO runs the converted model`, 'medium');
    ctx.add('launch.inference', full, fn, `${full}(...) runs an OpenVINO model forward`, 'medium');
    ctx.add(
      'model.id',
      null,
      fn,
      'the model is a converted OpenVINO/ONNX file: its size cannot be read from the code',
      'low',
    );
  },
};
