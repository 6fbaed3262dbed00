import { normalisePrecision } from '../pythonFacts';
import type { LaunchCommand, LaunchOutcome, LaunchSink } from './launchers';
import { unquote } from './words';

/**
 * ms-swift (modelscope/ms-swift) from the shell: `swift sft|pt|rlhf|infer|deploy|eval|sample|app|rollout ...`,
 * Megatron-SWIFT's `megatron sft|pt|rlhf ...`, and the programs behind them run directly
 * (`torchrun ... swift/cli/sft.py --model ...`, `python -m swift.cli.sft`). What each part means is
 * from swift.readthedocs.io: "Command Line Parameters" (Instruction/Command-line-parameters.html) and
 * "Megatron-SWIFT Command Line Parameters" (Megatron-SWIFT/Command-line-parameters.html):
 *
 * - `--model` is the checkpoint trained or served (a Hub id or a folder); every training subcommand starts
 *   from it (`swift pt` continues pre-training a loaded checkpoint), so the weights are not random.
 * - `--tuner_type` (called `--train_type` before ms-swift 4): lora | full | lora_llm | longlora | adalora |
 *   llamapro | adapter | vera | boft | fourierft | reft | bone. `full` (and `llamapro`, which trains added
 *   blocks of the whole model) updates the weights; the others train adapters on a frozen base.
 * - `--quant_bits 4` loads the base in 4 bits (bnb/hqq/eetq): adapters on it are QLoRA.
 * - `--rlhf_type dpo|grpo|kto|orpo|simpo|cpo|rm|ppo|gkd`: preference or RL training, fine-tuning the model.
 * - `--torch_dtype` the dtype the model is loaded and trained in; `--max_length` the sequence length.
 * - ms-swift 2.x scripts, still common, wrote `--sft_type`, `--quantization_bit 4`, `--dtype bf16` and
 *   `--model_type`/`--model_id_or_path` for these (docs/source/LLM/LLM微调文档.md of that version, "sft 参数").
 * - `NPROC_PER_NODE` / `NNODES` (environment, read by `swift`'s CLI and handed to torchrun): processes per
 *   node and nodes; `NODE_RANK` says which node this script is (one script per node).
 * - Inference: `infer`, `deploy`, `app`, `eval`, `sample` and `rollout` (the vLLM rollout server of GRPO)
 *   run a model; given `--base_url`/`--eval_url` (or `sample --sampler_engine client`) they are clients of a
 *   model served elsewhere and run none. `export` (merge, quantise, push) and `web-ui` run no workload.
 */

/** Tuner types that update the model's own weights. */
const FULL_TUNERS = new Set(['full', 'llamapro']);

/**
 * The default tuner type: 'lora' for `swift`, 'full' for Megatron-SWIFT ("Default is 'lora'. Note: Defaults
 * to 'full' in Megatron-SWIFT." — swift.readthedocs.io/en/latest/Instruction/Command-line-parameters.html,
 * Base Arguments, tuner_type).
 */
export const SWIFT_DEFAULT_TUNER = { swift: 'lora', megatron: 'full' } as const;

const TRAINING = /^(?:sft|pt|rlhf)$/;
const INFERENCE = /^(?:infer|deploy|app|eval|sample|rollout)$/;

/** The value after a flag (`--name value` or `--name=value`), unquoted; undefined when absent or a flag follows. */
function flag(words: readonly string[], ...names: string[]): { name: string; value: string } | undefined {
  for (let i = 0; i < words.length && i < MAX_WORDS; i++) {
    for (const name of names) {
      if (words[i] === `--${name}`) {
        const next = words[i + 1];
        if (next === undefined || next.startsWith('--')) return undefined;
        return { name, value: unquote(next) };
      }
      if (words[i].startsWith(`--${name}=`)) return { name, value: unquote(words[i].slice(name.length + 3)) };
    }
  }
  return undefined;
}
const MAX_WORDS = 5_000;

/** An environment assignment before the command (`NPROC_PER_NODE=8 NNODES=2 swift sft ...`). */
function environment(prefix: string, name: string): string | undefined {
  return new RegExp(`(?:^|\\s)${name}=["']?([^\\s"']+)`).exec(prefix)?.[1];
}

/**
 * Reads one ms-swift command from its subcommand on: `words` are the subcommand's arguments (after
 * `swift sft`, or after `swift/cli/sft.py`). Returns 'no-run' for commands that run no workload.
 */
export function readSwiftCommand(
  tool: 'swift' | 'megatron',
  sub: string,
  words: readonly string[],
  prefix: string,
  out: LaunchSink,
): LaunchOutcome {
  const said = `${tool} ${sub}`;
  const remote = flag(words, 'base_url', 'eval_url') ?? (sub === 'sample' ? clientSampler(words) : undefined);
  if (INFERENCE.test(sub) && tool === 'swift') {
    // A client of a model served elsewhere runs nothing here.
    if (remote) return 'no-run';
    out.add('run.framework', 'swift', said);
    out.add('launch.inference', 'swift', `${said} runs the model`);
    // `--infer_backend transformers|vllm|sglang|lmdeploy` (`pt` before ms-swift 3.x); transformers is the default.
    const stated = flag(words, 'infer_backend', 'sampler_engine');
    const backend = stated?.value ?? 'transformers';
    const engine = swiftInferenceEngine(backend);
    out.add(
      'inference.engine',
      engine,
      `--${stated?.name ?? 'infer_backend'} ${backend}${stated ? '' : ' (the default)'}`,
      'medium',
    );
    out.consume('infer_backend', 'sampler_engine');
    const model = modelFlag(words);
    if (model && !model.value.startsWith('$'))
      out.add('model.fromScratch', false, `${said} runs the trained ${model.value}`, 'medium', `--${model.name}`);
    readCommon(said, words, prefix, out);
    return undefined;
  }
  if (!TRAINING.test(sub)) return 'no-run';
  out.add('run.framework', 'swift', said);
  readCommon(said, words, prefix, out);
  const model = modelFlag(words);
  if (model && !model.value.startsWith('$'))
    out.add('model.fromScratch', false, `${said} trains the loaded ${model.value}`, 'medium', `--${model.name}`);
  const tuner = flag(words, 'tuner_type', 'train_type', 'sft_type');
  const type = tuner?.value ?? SWIFT_DEFAULT_TUNER[tool];
  const bits = flag(words, 'quant_bits', 'quantization_bit');
  const full = FULL_TUNERS.has(type);
  const mode = full ? 'finetune' : bits?.value === '4' ? 'qlora' : 'lora';
  const rlhf = flag(words, 'rlhf_type');
  out.add(
    'training.mode',
    mode,
    `--${tuner?.name ?? 'tuner_type'} ${type}${tuner ? '' : ` (${tool === 'megatron' ? "Megatron-SWIFT's" : "ms-swift's"} default)`}${!full && bits ? ` --${bits.name} ${bits.value}` : ''}${rlhf ? ` --rlhf_type ${rlhf.value}` : ''}`,
    tuner ? 'high' : 'medium',
    tuner ? `--${tuner.name}` : undefined,
  );
  return undefined;
}

/**
 * The checkpoint: `--model` (ms-swift 3 and later); ms-swift 2.x's `--model_id_or_path`, or its `--model_type`
 * alone (a registered name such as `qwen2-7b-instruct`: swift docs/source/LLM/LLM微调文档.md, "sft 参数"); a
 * Megatron-SWIFT checkpoint in mcore format, `--mcore_model` (`--load` before ms-swift 3.8), whose folder is
 * named after the model it was converted from.
 */
function modelFlag(words: readonly string[]): { name: string; value: string } | undefined {
  return (
    flag(words, 'model') ??
    flag(words, 'model_id_or_path') ??
    flag(words, 'mcore_model') ??
    flag(words, 'load') ??
    flag(words, 'model_type')
  );
}

/** ms-swift's inference backends by how they batch (runVocabulary.ts): transformers batches a padded batch at a time. */
export function swiftInferenceEngine(backend: string): 'hf-generate' | 'vllm' | 'sglang' | 'other' {
  if (/vllm/i.test(backend)) return 'vllm';
  if (/sglang/i.test(backend)) return 'sglang';
  return /lmdeploy/i.test(backend) ? 'other' : 'hf-generate';
}

/** `swift sample --sampler_engine client`: sampling through a remote API. */
function clientSampler(words: readonly string[]): { name: string; value: string } | undefined {
  const engine = flag(words, 'sampler_engine');
  return engine?.value === 'client' ? engine : undefined;
}

/** What training and inference commands share: the argument file, the dtype, the length, the processes. */
function readCommon(said: string, words: readonly string[], prefix: string, out: LaunchSink): void {
  // `swift sft x.yaml` / `megatron sft x.json`: the first argument may be the argument file (swift/cli/main.py
  // parse_yaml_args); `--config x.yaml` is linked by shellFacts for every launcher.
  const first = unquote(words[0]);
  if (first && !first.startsWith('-') && /\.(?:ya?ml|json)$/i.test(first) && !first.includes('$'))
    out.add('link.config', first, `${said} ${first}`, 'high', first);
  out.consume(
    'max_length',
    'torch_dtype',
    'dtype',
    'tuner_type',
    'train_type',
    'sft_type',
    'quant_bits',
    'quantization_bit',
    'model_id_or_path',
    'model_type',
    'mcore_model',
    'load',
  );
  // `--model` is read by shellFacts for every launcher; the other names of the checkpoint only mean one here.
  const model = modelFlag(words);
  if (model && model.name !== 'model' && !model.value.startsWith('$'))
    out.add(
      'model.id',
      model.value,
      `--${model.name} ${model.value}`,
      model.name === 'model_type' ? 'medium' : 'high',
      `--${model.name}`,
    );
  const length = Number(flag(words, 'max_length')?.value);
  if (length > 0) out.add('training.seqLen', length, `--max_length ${length}`, 'high', '--max_length');
  const dtype = flag(words, 'torch_dtype', 'dtype');
  const precision = dtype ? normalisePrecision(dtype.value) : null;
  if (dtype && precision && !/^int/.test(precision))
    out.add('training.precision', precision, `--${dtype.name} ${dtype.value}`, 'high', `--${dtype.name}`);
  const nproc = Number(environment(prefix, 'NPROC_PER_NODE'));
  if (Number.isInteger(nproc) && nproc > 0) out.add('hardware.devices', nproc, `NPROC_PER_NODE=${nproc}`);
  const nodes = Number(environment(prefix, 'NNODES'));
  if (Number.isInteger(nodes) && nodes > 0)
    out.add(
      'hardware.nodes',
      nodes,
      `NNODES=${nodes}${environment(prefix, 'NODE_RANK') ? ' (one script per node)' : ''}`,
    );
}

/** `swift <sub> ...` */
export function readSwiftCli(command: LaunchCommand, out: LaunchSink): LaunchOutcome {
  return readSwiftCommand('swift', command.words[1] ?? '', command.words.slice(2), command.prefix, out);
}

/** Megatron-SWIFT: `megatron sft|pt|rlhf ...` trains; `megatron export` converts checkpoints. */
export function readMegatronSwiftCli(command: LaunchCommand, out: LaunchSink): LaunchOutcome {
  return readSwiftCommand('megatron', command.words[1] ?? '', command.words.slice(2), command.prefix, out);
}

/**
 * The programs behind the CLI, run by a launcher: `torchrun ... swift/cli/sft.py`, `swift/cli/_megatron/sft.py`,
 * `python -m swift.cli.rlhf`. The subcommand is the file's name; null when the words run no such program.
 */
export function swiftProgram(words: readonly string[]): { tool: 'swift' | 'megatron'; sub: string; at: number } | null {
  for (let i = 1; i < words.length && i < MAX_WORDS; i++) {
    const w = unquote(words[i]);
    const file = /(?:^|\/)swift\/cli\/(_megatron\/)?(\w+)\.py$/.exec(w);
    if (file) return { tool: file[1] ? 'megatron' : 'swift', sub: file[2], at: i };
    if ((w === '-m' || w === '--module') && i + 1 < words.length) {
      const module = /^swift\.cli\.(_megatron\.)?(\w+)$/.exec(words[i + 1]);
      if (module) return { tool: module[1] ? 'megatron' : 'swift', sub: module[2], at: i + 1 };
    }
  }
  return null;
}
