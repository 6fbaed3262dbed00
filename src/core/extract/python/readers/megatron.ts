import type { CallRule } from '../rules';
import type { PythonReadContext } from '../context';
import type { Node } from 'web-tree-sitter';
import { positionalArguments } from '../../pythonValues';

/**
 * Megatron-LM's programs (and the forks that keep its package layout: Megatron-DeepSpeed, NeMo's Megatron
 * examples). Their architecture, length and precision are command-line flags (megatron/training/arguments.py), read
 * on the launch lines (shell/launchers.ts); the programs themselves are recognised here by the calls that run a model:
 *
 * - `pretrain(train_valid_test_datasets_provider, model_provider, model_type, forward_step_func, ...)`
 *   (megatron/training/training.py, "Main training program"; its providers are positional, unlike GPT-NeoX's
 *   `pretrain(neox_args=...)`): the entry programs `pretrain_gpt.py`, `train_rl.py`,
 *   a fine-tuning program's `__main__` — each parses the flags and runs the training loop. The module that defines
 *   `pretrain` is the library: a definition is no call.
 * - Megatron Core's inference engines (docs.nvidia.com/megatron-core/developer-guide, "Megatron Core Inference User
 *   Guide", core.inference.engines.static_engine / dynamic_engine): `StaticInferenceEngine(...)`,
 *   `DynamicInferenceEngine(...)`, and the factories that build the latter (core.inference.engine_factory
 *   `build_dynamic_inference_engine`, megatron/inference/utils.py `get_dynamic_inference_engine`); the legacy text-generation API (megatron/inference/text_generation/api.py)
 *   `generate_and_post_process(model, ...)`, `beam_search_and_post_process(model, ...)`, and its REST server
 *   `MegatronServer(...)`; NVIDIA ModelOpt's Megatron plugins (modelopt.torch.utils.plugins: `megatron_generate`,
 *   `megatron_prefill`, `megatron_mmlu`; modelopt.torch.speculative.plugins.megatron_eagle: `MegatronARValidation`):
 *   each runs the loaded model forward, an inference run.
 *
 * Only in a file that names Megatron (`megatron` in an import): `pretrain` and `generate_*` are common names.
 */

const INFERENCE_CALLS = [
  'StaticInferenceEngine',
  'DynamicInferenceEngine',
  'build_dynamic_inference_engine',
  'get_dynamic_inference_engine',
  'generate_and_post_process',
  'beam_search_and_post_process',
  'MegatronServer',
  'megatron_generate',
  'megatron_prefill',
  'megatron_mmlu',
  'MegatronARValidation',
];

/** `import megatron`, `from megatron.training import ...`, `from modelopt.torch.utils.plugins import megatron_mmlu`. */
const NAMES_MEGATRON = /^[ \t]*(?:from|import)[ \t]+[\w.]*megatron/m;

/** Whether the file imports Megatron, once per file (the rules' callees are common names). */
const importsMegatron = new WeakMap<object, boolean>();
function usesMegatron(ctx: { text: string }): boolean {
  let known = importsMegatron.get(ctx);
  if (known === undefined) {
    known = ctx.text.includes('megatron') && NAMES_MEGATRON.test(ctx.text);
    importsMegatron.set(ctx, known);
  }
  return known;
}

/** How many positional arguments a call has. */
function positionalCount(call: Node): number {
  const args = call.childForFieldName('arguments');
  return args ? positionalArguments(args).length : 0;
}

export const megatronPretrain: CallRule = {
  framework: 'megatron',
  callees: ['pretrain'],
  runStart: [/\bmegatron\b/, /\bpretrain[ \t]*\(/],
  // Megatron-LM's signature: the providers as positional arguments. GPT-NeoX keeps a `megatron` package too, whose
  // `pretrain(neox_args=neox_args)` runs the merged YAML configs deepy.py hands it: those configs are the runs.
  when: ({ node, full, ctx }) => full === 'pretrain' && usesMegatron(ctx) && positionalCount(node) >= 2,
  read: ({ node, ctx }) => {
    const fn = node.childForFieldName('function') ?? node;
    ctx.add('run.framework', 'megatron', fn, "Megatron-LM's pretrain()");
    ctx.add(
      'launch.trainer',
      'megatron:pretrain',
      fn,
      "pretrain(...) runs Megatron-LM's training loop with the command-line flags (megatron/training/arguments.py)",
      'medium',
    );
    ctx.add(
      'run.commandLine',
      'megatron',
      fn,
      'a Megatron-LM program: pretrain() parses the model, length and precision flags it is launched with',
      'medium',
    );
    readTokenizerDefault(node, ctx);
  },
};

/**
 * `pretrain(..., args_defaults={'tokenizer_type': 'GPT2BPETokenizer'})` (Megatron's pretrain_gpt.py): the program's
 * tokenizer unless its launch names another. GPT-2's byte-level BPE has 50,257 tokens (Radford et al. 2019; the
 * Hugging Face `gpt2` config's vocab_size), which Megatron pads to a multiple of `--make-vocab-size-divisible-by`
 * (default 128: megatron/arguments.py; `_vocab_size_with_padding`): 50,304.
 */
function readTokenizerDefault(call: Node, ctx: PythonReadContext): void {
  const keyword = call
    .childForFieldName('arguments')
    ?.namedChildren.find(
      (a) => a?.type === 'keyword_argument' && a.childForFieldName('name')?.text === 'args_defaults',
    );
  const value = keyword?.childForFieldName('value');
  if (!value || value.type !== 'dictionary' || value.text.length > 2000) return;
  if (!/["']tokenizer_type["']\s*:\s*["']GPT2BPETokenizer["']/.test(value.text)) return;
  ctx.add(
    'model.vocabSize',
    50304,
    value,
    "args_defaults tokenizer_type GPT2BPETokenizer: GPT-2's 50,257 tokens padded to 50,304 by Megatron",
    'low',
  );
  // Another tokenizer on the launch line replaces it; a `--vocab-file` only says where GPT-2's vocabulary is kept.
  ctx.amendLast({ fromFlags: ['tokenizer_type', 'tokenizer-type'] });
}

export const megatronInference: CallRule = {
  framework: 'megatron',
  callees: INFERENCE_CALLS,
  runStart: [
    /\bmegatron/,
    /\b(?:(?:Static|Dynamic)InferenceEngine|(?:build|get)_dynamic_inference_engine|(?:generate|beam_search)_and_post_process|MegatronServer|megatron_(?:generate|prefill|mmlu)|MegatronARValidation)[ \t]*\(/,
  ],
  when: ({ ctx }) => usesMegatron(ctx),
  read: ({ node, last, ctx }) => {
    const fn = node.childForFieldName('function') ?? node;
    ctx.add('run.framework', 'megatron', fn, `Megatron ${last}`);
    // The dynamic engine batches requests as they come (continuous batching); the others run one batch at a time.
    ctx.add(
      'inference.engine',
      /dynamic/i.test(last) ? 'other' : 'hf-generate',
      fn,
      /dynamic/i.test(last)
        ? "Megatron Core's dynamic engine: requests batched as they arrive"
        : `${last}(...): one batch at a time`,
      'low',
    );
    ctx.add('launch.inference', last, fn, `${last}(...) runs the loaded Megatron model forward (inference)`, 'medium');
  },
};
