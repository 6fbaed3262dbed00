import type { Node } from 'web-tree-sitter';
import { evaluate, keywordArgument } from '../../pythonValues';
import { truncate, type PythonReadContext } from '../context';
import type { CallRule } from '../rules';
import { argumentClasses, readModelLoad, trainers } from './huggingface';

/**
 * Unsloth's loaders: `FastLanguageModel`, `FastModel`, `FastVisionModel`, `FastTextModel` and
 * `FastSentenceTransformer` `.from_pretrained(model_name=..., ...)`. Their defaults decide the run where the
 * call is silent (unsloth/models/loader.py and sentence_transformer.py, github.com/unslothai/unsloth):
 * - `load_in_4bit=True` ("4bit QLoRA") unless another loading (`load_in_8bit`, `load_in_16bit`, `load_in_fp8`,
 *   `quantization_config`) or `full_finetuning` is asked for;
 * - `full_finetuning=True` trains every weight and switches 4-/8-bit loading off (a LoRA call after it is moot);
 * - `dtype=None` loads in bfloat16 where the GPU supports it, else float16 ("dtype = torch.float16 if not
 *   SUPPORTS_BFLOAT16 else torch.bfloat16"), and Unsloth's patched trainers, given neither fp16 nor bf16, set
 *   them from the model's dtype (unsloth/models/rl.py, "Mixed precision training": args.fp16 = float16);
 * - `load_in_fp8=True` (or "block") quantises weights and matmuls to FP8 (Unsloth's FP8 reinforcement learning).
 */

const UNSLOTH_LOADER = /^Fast(?:Language|Vision|Text)?Model$|^FastSentenceTransformer$/;
/** Keywords that choose how the weights are loaded; without any of them Unsloth loads in 4 bits. */
const LOADING_KEYWORDS = ['load_in_4bit', 'load_in_8bit', 'load_in_16bit', 'load_in_fp8', 'quantization_config'];

function ownerName(full: string): string {
  const owner = full.slice(0, Math.max(0, full.lastIndexOf('.')));
  return owner.slice(owner.lastIndexOf('.') + 1);
}

/** A keyword's value: undefined when not written, null when it cannot be read. */
function keywordValue(args: Node, name: string, ctx: PythonReadContext): { node: Node; value: unknown } | undefined {
  const node = keywordArgument(args, name);
  if (!node) return undefined;
  const r = evaluate(node, ctx.symbols);
  return { node, value: r ? r.value : undefined };
}

export const unslothLoad: CallRule = {
  framework: 'unsloth',
  callees: ['from_pretrained'],
  words: ['unsloth', 'Fast'],
  when: ({ full, ctx }) => UNSLOTH_LOADER.test(ownerName(full)) && ctx.mentions('unsloth'),
  read: ({ node, full, ctx }) => {
    const owner = full.slice(0, full.lastIndexOf('.'));
    readModelLoad(node, ctx, owner, false);
    const args = node.childForFieldName('arguments');
    if (!args) return;
    const callee = node.childForFieldName('function') ?? node;
    const label = `${owner}.from_pretrained`;
    // `**kwargs` may carry any of these: nothing is assumed about what is not written then.
    const splat = args.namedChildren.some((c) => c?.type === 'dictionary_splat');

    const fullFinetuning = keywordValue(args, 'full_finetuning', ctx);
    if (fullFinetuning?.value === true)
      ctx.add(
        'training.mode',
        'finetune',
        fullFinetuning.node,
        `full_finetuning in ${label}: every weight is trained (4-/8-bit loading and LoRA are switched off)`,
        'medium',
      );
    else if (!splat && fullFinetuning === undefined && !LOADING_KEYWORDS.some((k) => keywordArgument(args, k))) {
      const why = `${label} loads in 4 bits by default (load_in_4bit=True)`;
      ctx.add('training.adapter', 'qlora', callee, why, 'low');
      ctx.add('inference.weightPrecision', 'int4', callee, why, 'low');
    }

    const fp8 = keywordValue(args, 'load_in_fp8', ctx);
    if (fp8 && (fp8.value === true || fp8.value === 'block'))
      ctx.add('training.precision', 'fp8', fp8.node, `load_in_fp8 in ${label}: FP8 weights and matmuls`, 'medium');

    const dtype = keywordValue(args, 'dtype', ctx) ?? keywordValue(args, 'torch_dtype', ctx);
    if ((dtype === undefined && !splat) || (dtype && dtype.value === null)) {
      const where = `${label}${dtype ? ` with dtype=\`${truncate(dtype.node.text, 30)}\`` : ''}`;
      ctx.add(
        'training.precisionByGpu',
        'fp16',
        dtype?.node ?? callee,
        `${where} loads in bf16 where the GPU supports it, else fp16 (its trainers follow the model's dtype)`,
        'medium',
      );
      ctx.add('training.precision', null, dtype?.node ?? callee, `${where}: the GPU it runs on decides`, 'low');
    }
  },
};

/**
 * `UnslothTrainingArguments` and `UnslothTrainer`: Unsloth's subclasses of transformers' TrainingArguments and
 * Trainer (adding a separate embedding learning rate for continued pretraining, unsloth/trainer.py), read as those.
 */
export const unslothTrainer: CallRule = {
  framework: 'unsloth',
  callees: ['UnslothTrainingArguments', 'UnslothTrainer'],
  read: (call) => (call.last === 'UnslothTrainer' ? trainers.read(call) : argumentClasses.read(call)),
};
