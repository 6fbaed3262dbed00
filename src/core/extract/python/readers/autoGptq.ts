import type { Node } from 'web-tree-sitter';
import { evaluate, keywordArgument } from '../../pythonValues';
import type { CallRule } from '../rules';
import { readModelLoad } from './huggingface';

/**
 * AutoGPTQ's model classes (`AutoGPTQForCausalLM`, and the per-architecture `LlamaGPTQForCausalLM`, ... it dispatches
 * to): `.from_pretrained(name, quantize_config)` loads the full-precision checkpoint to quantise it, and
 * `.from_quantized(dir, device=...)` loads a GPTQ checkpoint to run (generate, evaluate) or to train adapters on
 * (`trainable=True`, then `get_gptq_peft_model`). Both load pretrained weights, and both compute in float16 unless told
 * otherwise (auto_gptq/modeling/_base.py, github.com/AutoGPTQ/AutoGPTQ: `from_pretrained(..., torch_dtype:
 * torch.dtype = torch.float16, ...)`; `from_quantized(..., torch_dtype=None, use_cuda_fp16=True, ...)`, where
 * `torch_dtype=None` becomes `torch.float16`, except with the CPU QiGen kernels, `use_qigen=True`, float32).
 * A `torch_dtype=` written in the call is read as any loader's (keywords.ts); only its absence is read here.
 */

/** The model classes of AutoGPTQ: the auto class and the architecture classes it maps model types to. */
const GPTQ_CLASS = /^(?:auto_gptq\.)?[A-Z][A-Za-z0-9]{0,40}GPTQForCausalLM$/;
const LOADERS = new Set(['from_pretrained', 'from_quantized']);

function ownerOf(full: string): string {
  return full.slice(0, Math.max(0, full.lastIndexOf('.')));
}

/** Whether `torch_dtype`, or anything that could carry it (`**kwargs`), is written in the call. */
function dtypeWritten(args: Node): boolean {
  return (
    keywordArgument(args, 'torch_dtype') !== null ||
    keywordArgument(args, 'dtype') !== null ||
    args.namedChildren.some((c) => c?.type === 'dictionary_splat')
  );
}

export const gptqLoad: CallRule = {
  framework: 'auto-gptq',
  callees: ['from_pretrained', 'from_quantized'],
  words: ['GPTQForCausalLM'],
  when: ({ full, last }) => LOADERS.has(last) && GPTQ_CLASS.test(ownerOf(full)),
  read: ({ node, full, last, ctx }) => {
    const owner = ownerOf(full);
    readModelLoad(node, ctx, owner, false, last);
    const args = node.childForFieldName('arguments');
    if (!args || dtypeWritten(args)) return;
    // `use_qigen=True` (from_quantized only) runs the CPU kernels in float32; a value not read leaves the dtype open.
    const qigen = last === 'from_quantized' ? keywordArgument(args, 'use_qigen') : null;
    if (qigen && evaluate(qigen, ctx.symbols)?.value !== false) return;
    ctx.add(
      'training.precision',
      'fp16',
      node.childForFieldName('function') ?? node,
      `${owner}.${last} computes in float16 unless torch_dtype is given (AutoGPTQ's default)`,
      'medium',
    );
  },
};

/**
 * `get_gptq_peft_model(model, peft_config=..., train_mode=True)`: AutoGPTQ's PEFT wrapper (auto_gptq/utils/peft_utils.py)
 * puts trainable adapters (LoRA, AdaLoRA, adaption prompt) over the GPTQ model's frozen quantised layers. How many bits
 * the base holds is in its checkpoint's quantize_config, not in the program, so the adapter is read as LoRA.
 */
export const gptqPeftModel: CallRule = {
  framework: 'auto-gptq',
  callees: ['get_gptq_peft_model'],
  read: ({ node, last, ctx }) => {
    ctx.add(
      'training.adapter',
      'lora',
      node.childForFieldName('function') ?? node,
      `${last} (AutoGPTQ): adapters trained over the quantised model's frozen weights`,
    );
  },
};
