import type { Node } from 'web-tree-sitter';
import { evaluate, keywordArgument, keywordOrFirstArgument } from '../../pythonValues';
import { truncate, type PythonReadContext } from '../context';
import type { CallRule } from '../rules';

/**
 * MLC LLM's Python engine (llm.mlc.ai/docs, "Python API": `from mlc_llm import MLCEngine; engine =
 * MLCEngine(model)`, and its asyncio twin `AsyncMLCEngine(model, ...)`): compiles and runs the model on this
 * machine's GPU (or CPU), answering OpenAI-style `engine.chat.completions.create(...)` calls in the script. The
 * model is the first argument (or `model=`), a local folder or `HF://org/name` of prebuilt weights whose name
 * carries their quantisation (`q4f16_1`: 4-bit weights, float16 compute; `q0f16`: unquantised float16;
 * `q4f32_1`: 4-bit weights, float32 compute; MLC's quantisation modes, llm.mlc.ai/docs "Quantization Mode").
 */

const HF_PREFIX = /^HF:\/\//i;
const HUB_ID = /^[A-Za-z0-9][\w.-]{0,95}\/[A-Za-z0-9][\w.-]{0,95}$/;
/** `q<bits>f<compute bits>[_<variant>]` in an MLC weights name (MLC's quantisation mode names). */
const QUANT_MODE = /[-_]q(\d)f(16|32)(?:_\d)?(?=[-_]|$)/i;

function readQuantisation(id: string, model: Node, ctx: PythonReadContext): void {
  const quant = QUANT_MODE.exec(id);
  if (!quant) return;
  const mode = quant[0].slice(1);
  if (quant[1] !== '0')
    ctx.add(
      'inference.weightPrecision',
      quant[1] === '8' ? 'int8' : 'int4',
      model,
      `${mode} in the weights' name: ${quant[1]}-bit weights`,
    );
  ctx.add(
    'training.precision',
    quant[2] === '16' ? 'fp16' : 'fp32',
    model,
    `${mode} in the weights' name: computes in float${quant[2]} (MLC's quantisation modes)`,
    'medium',
  );
}

/**
 * The model an MLC call names: a hub id (`HF://org/name`, or `org/name`) is read with its quantisation; a value the
 * code does not fix (a required `--model` flag) is unknown; a local folder's path is left unsaid.
 */
function readModel(model: Node | null, full: string, ctx: PythonReadContext): void {
  if (!model) return;
  const r = evaluate(model, ctx.symbols);
  if (typeof r?.value !== 'string') {
    ctx.add('model.id', null, model, `model of ${full}: \`${truncate(model.text)}\` cannot be read statically`, 'low');
    return;
  }
  const id = r.value.replace(HF_PREFIX, '');
  if (!HUB_ID.test(id)) return;
  ctx.add('model.id', id, model, r.via ? `model of ${full} (${truncate(r.via, 60)})` : `model of ${full}`, 'medium');
  readQuantisation(id, model, ctx);
}

export const mlcEngine: CallRule = {
  framework: 'mlc-llm',
  callees: ['MLCEngine', 'AsyncMLCEngine'],
  words: ['mlc_llm'],
  runStart: [/\b(?:Async)?MLCEngine\s*\(/, /\bmlc_llm\b/],
  when: ({ ctx }) => ctx.mentions('mlc_llm'),
  read: ({ node, full, ctx }) => {
    const fn = node.childForFieldName('function') ?? node;
    readModel(keywordOrFirstArgument(node, 'model'), full, ctx);
    ctx.add('inference.engine', 'other', fn, `${full}(...): MLC LLM runs the model on this machine`, 'medium');
    ctx.add('launch.inference', full, fn, `${full}(...) generates with a local model (MLC LLM)`, 'medium');
  },
};

/**
 * Any other MLC LLM call handed a compiled model library, `model_lib=` (the `.so`/`.dylib`/`.wasm` that
 * `mlc_llm compile` builds; MLCEngine, the chat and debug tools and the microserving `serve(...)` take it under this
 * name, llm.mlc.ai/docs "Compile Model Libraries"): such a call loads the compiled model with its weights (`model=`)
 * and runs it here. Microserving's `serve(...)` starts one engine per endpoint, `endpoint_num_gpus=[...]` GPUs
 * each (llm.mlc.ai/docs "Microserving API"): their sum is the run's GPU count.
 */
export const mlcCompiledModel: CallRule = {
  framework: 'mlc-llm',
  words: ['model_lib'],
  runStart: [/\bmodel_lib\s*=/, /\bmlc_llm\b/],
  when: ({ argsText, ctx }) => argsText.includes('model_lib') && ctx.mentions('mlc_llm'),
  read: ({ node, full, args, ctx }) => {
    if (!args || !keywordArgument(args, 'model_lib')) return false;
    const fn = node.childForFieldName('function') ?? node;
    readModel(keywordArgument(args, 'model'), full, ctx);
    const gpus = keywordArgument(args, 'endpoint_num_gpus');
    const list = gpus ? evaluate(gpus, ctx.symbols)?.value : undefined;
    if (gpus && Array.isArray(list) && list.length > 0 && list.length <= 1024) {
      let sum = 0;
      for (const n of list) sum = typeof n === 'number' && Number.isInteger(n) && n > 0 && sum >= 0 ? sum + n : -1;
      if (sum > 0)
        ctx.add('hardware.devices', sum, gpus, `endpoint_num_gpus of ${full}: one engine per endpoint`, 'medium');
    }
    ctx.add('inference.engine', 'other', fn, `${full}(model_lib=...): MLC LLM runs the compiled model here`, 'medium');
    ctx.add('launch.inference', full, fn, `${full}(model_lib=...) runs a compiled model (MLC LLM)`, 'medium');
  },
};
