import type { Node } from 'web-tree-sitter';
import { SWIFT_DEFAULT_TUNER, swiftInferenceEngine } from '../../shell/swift';
import { evaluate, keywordArgument } from '../../pythonValues';
import type { PythonReadContext } from '../context';
import { readTrainingKeywords } from '../keywords';
import type { CallRule } from '../rules';

/**
 * ms-swift's Python API (swift.readthedocs.io, "Pre-training and Fine-tuning" and "Inference and Deployment"):
 * the pipelines the CLI runs, called with their argument classes — `sft_main(TrainArguments(model=...,
 * tuner_type='lora', ...))`, `rlhf_main(RLHFArguments(...))`, `infer_main(InferArguments(...))`,
 * `run_deploy(DeployArguments(model=...))` — and the inference engines, `TransformersEngine(model)` (called
 * `PtEngine` before ms-swift 3.x), `VllmEngine`, `SglangEngine`, `LmdeployEngine`. The keywords are the
 * command-line parameters (shell/swift.ts). Arguments naming a remote endpoint (`base_url=`, `eval_url=`)
 * make a client of a model served elsewhere: no run.
 */

const TRAINING_ENTRIES = new Set(['sft_main', 'pt_main', 'rlhf_main']);
const MEGATRON_ENTRIES = new Set(['megatron_sft_main', 'megatron_pt_main', 'megatron_rlhf_main']);
const INFERENCE_ENTRIES = new Set(['infer_main', 'deploy_main', 'run_deploy', 'app_main', 'eval_main', 'sample_main']);
const ENGINES: Readonly<Record<string, 'hf-generate' | 'vllm' | 'sglang' | 'other'>> = {
  TransformersEngine: 'hf-generate',
  PtEngine: 'hf-generate',
  VllmEngine: 'vllm',
  SglangEngine: 'sglang',
  LmdeployEngine: 'other',
};
const REMOTE = ['base_url', 'eval_url'];

/** The argument-class call an entry point is given: `sft_main(TrainArguments(...))` or a name bound to one. */
function argumentsCall(call: Node, ctx: PythonReadContext): Node | undefined {
  const args = call.childForFieldName('arguments');
  const first =
    (args ? keywordArgument(args, 'args') : null) ??
    args?.namedChildren.find((c): c is Node => c !== null && c.type !== 'comment' && c.type !== 'keyword_argument');
  if (!first) return undefined;
  const node = first.type === 'identifier' ? ctx.symbols.lookup(first.text)?.node : first;
  return node?.type === 'call' && /Arguments$/.test(ctx.callee(node).last) ? node : undefined;
}

/** A string keyword of a call, as evaluated. */
function stringKeyword(call: Node, name: string, ctx: PythonReadContext): { value: string; node: Node } | undefined {
  const args = call.childForFieldName('arguments');
  const node = args ? keywordArgument(args, name) : null;
  const r = node ? evaluate(node, ctx.symbols) : undefined;
  return node && typeof r?.value === 'string' ? { value: r.value, node } : undefined;
}

/** The model a call names (`model=` / `model_id_or_path=` keyword, or the first positional argument for an engine). */
function readModel(call: Node, positional: boolean, owner: string, ctx: PythonReadContext, trains: boolean): void {
  const args = call.childForFieldName('arguments');
  if (!args) return;
  const node =
    keywordArgument(args, 'model') ??
    keywordArgument(args, 'model_id_or_path') ??
    (positional
      ? args.namedChildren.find((c): c is Node => c !== null && c.type !== 'comment' && c.type !== 'keyword_argument')
      : undefined);
  if (!node) return;
  const r = evaluate(node, ctx.symbols);
  // A model held in a variable set at run time (`TransformersEngine(args.model)`) is left unnamed: the run shows it unknown.
  if (typeof r?.value !== 'string' || !/^[\w.-]+(\/[\w.-]+)*$/.test(r.value)) return;
  ctx.add('model.id', r.value, node, `${owner}: ${r.value}${r.via ? ` (${r.via})` : ''}`, r.via ? 'medium' : 'high');
  if (r.via) ctx.amendLast({ originLine: r.origin.startPosition.row });
  ctx.add(
    'model.fromScratch',
    false,
    node,
    trains ? `${owner} trains the loaded ${r.value}` : `${owner} runs the trained ${r.value}`,
    'medium',
  );
}

/**
 * The name is another program's function bound to ms-swift's word: an alias imported from a module that is not
 * ms-swift's (`from src.train import main as app_main`, a launcher's name for its package's training function) or
 * a function the file defines itself. The import may be indented: a command-line front end imports each verb's
 * function in its own branch (`elif args.command == "eval": from pkg.eval import main as eval_main`).
 */
function notSwiftsName(text: string, last: string): boolean {
  if (new RegExp(`^[ \\t]*def[ \\t]+${last}[ \\t]*\\(`, 'm').test(text)) return true;
  const alias = new RegExp(
    `^[ \\t]*from[ \\t]+([\\w.]{1,200})[ \\t]+import[ \\t][^\\n]{0,400}?\\bas[ \\t]+${last}\\b`,
    'm',
  ).exec(text);
  return alias !== null && !/^swift\b/.test(alias[1]);
}

export const swiftEntryPoints: CallRule = {
  framework: 'swift',
  callees: [...TRAINING_ENTRIES, ...MEGATRON_ENTRIES, ...INFERENCE_ENTRIES],
  when: ({ last, ctx }) => !notSwiftsName(ctx.text, last),
  // A literal first (fast to scan for), then the entry names themselves.
  runStart: [
    /_main\s*\(|run_deploy\s*\(/,
    /\b(?:(?:megatron_)?(?:sft|pt|rlhf)_main|(?:infer|deploy|app|eval|sample)_main|run_deploy)\s*\(/,
  ],
  read: ({ node, last, ctx }) => {
    const fn = node.childForFieldName('function') ?? node;
    const argumentsNode = argumentsCall(node, ctx);
    const owner = argumentsNode ? ctx.callee(argumentsNode).last : last;
    if (argumentsNode && REMOTE.some((k) => keywordOf(argumentsNode, k) !== undefined)) return; // a client of a model served elsewhere
    const trains = TRAINING_ENTRIES.has(last) || MEGATRON_ENTRIES.has(last);
    ctx.add('run.framework', 'swift', fn, `ms-swift ${last}`);
    // `sft_main()` with no arguments reads the command line (the CLI's own programs, swift/cli/sft.py): the
    // launch that runs it with flags is the run, and those flags say what it trains.
    if (!argumentsNode && (node.childForFieldName('arguments')?.namedChildren.length ?? 0) === 0) return;
    if (argumentsNode) {
      readModel(argumentsNode, false, owner, ctx, trains);
      readTrainingKeywords(argumentsNode, ctx, owner);
    }
    if (!trains) {
      ctx.add('launch.inference', last, fn, `${last}(...) runs the model (ms-swift)`, 'medium');
      const backend = argumentsNode ? stringKeyword(argumentsNode, 'infer_backend', ctx) : undefined;
      if (backend)
        ctx.add(
          'inference.engine',
          swiftInferenceEngine(backend.value),
          backend.node,
          `infer_backend=${backend.value}`,
        );
      return;
    }
    ctx.add('launch.trainer', `swift:${last}`, fn, `${last}(...) trains (ms-swift)`);
    const tuner = argumentsNode
      ? ['tuner_type', 'train_type', 'sft_type']
          .map((k) => stringKeyword(argumentsNode, k, ctx))
          .find((k) => k !== undefined)
      : undefined;
    const type = tuner?.value ?? SWIFT_DEFAULT_TUNER[MEGATRON_ENTRIES.has(last) ? 'megatron' : 'swift'];
    const bits = argumentsNode
      ? (keywordOf(argumentsNode, 'quant_bits') ?? keywordOf(argumentsNode, 'quantization_bit'))
      : undefined;
    const fourBit = bits !== undefined && evaluate(bits, ctx.symbols)?.value === 4;
    const full = type === 'full' || type === 'llamapro';
    ctx.add(
      'training.mode',
      full ? 'finetune' : fourBit ? 'qlora' : 'lora',
      tuner?.node ?? fn,
      `tuner_type ${type}${tuner ? '' : ' (the default)'}${!full && fourBit ? ', quant_bits=4' : ''} in ${owner}`,
      tuner ? 'high' : 'medium',
    );
  },
};

function keywordOf(call: Node, name: string): Node | undefined {
  const args = call.childForFieldName('arguments');
  return (args ? keywordArgument(args, name) : null) ?? undefined;
}

export const swiftEngines: CallRule = {
  framework: 'swift',
  callees: Object.keys(ENGINES),
  runStart: [/Engine\s*\(/, /\b(?:Transformers|Pt|Vllm|Sglang|Lmdeploy)Engine\s*\(/],
  read: ({ node, last, ctx }) => {
    const fn = node.childForFieldName('function') ?? node;
    readModel(node, true, last, ctx, false);
    ctx.add('run.framework', 'swift', fn, `ms-swift ${last}`);
    ctx.add('inference.engine', ENGINES[last], fn, `${last}: ms-swift's ${ENGINES[last]} inference engine`, 'medium');
    const batch = keywordOf(node, 'max_batch_size');
    const n = batch ? evaluate(batch, ctx.symbols)?.value : undefined;
    if (batch && typeof n === 'number' && Number.isInteger(n) && n > 0)
      ctx.add('inference.concurrency', n, batch, `max_batch_size=${n} in ${last}`);
    ctx.add('launch.inference', last, fn, `${last}(...) runs the model (ms-swift)`, 'medium');
  },
};

/**
 * `get_model_processor(model_id_or_path)` / `get_model_tokenizer(...)`: ms-swift's loader of a checkpoint with its
 * processor (swift.model; its `load_model=False` returns the processor alone). Loads weights, starts no run.
 */
export const swiftModelLoader: CallRule = {
  framework: 'swift',
  callees: ['get_model_processor', 'get_model_tokenizer'],
  read: ({ node, last, ctx }) => {
    const load = keywordOf(node, 'load_model');
    if (load && evaluate(load, ctx.symbols)?.value === false) return;
    readModel(node, true, last, ctx, true);
  },
};
