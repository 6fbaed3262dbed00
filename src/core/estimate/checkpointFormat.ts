import type { WeightPrecision } from '../runVocabulary';

/**
 * The weight format a published checkpoint's name states. Checkpoints quantised to FP8 are published under the base
 * model's name with an `-FP8` tag, optionally followed by the scaling scheme (`-FP8-dynamic`, `-FP8-Dynamic`,
 * `-FP8-block`): Neural Magic's model cards (huggingface.co/neuralmagic/Meta-Llama-3.1-405B-Instruct-FP8: "Weight
 * quantization: FP8, Activation quantization: FP8 … reduces the number of bits per parameter from 16 to 8"), Meta's
 * own 405B FP8 release and Qwen's `-FP8` checkpoints name them so. vLLM and SGLang serve such a checkpoint in FP8
 * without any flag, so its name is what the run says about its weights.
 */
const FP8_TAG = /-fp8(?:-(?:dynamic|static|block|e4m3))?$/i;

export function weightFormatOfName(
  name: string | null | undefined,
): { precision: WeightPrecision; detail: string } | undefined {
  if (!name || name.length > 200) return undefined;
  const last = name.replace(/\/+$/, '').split('/').pop() ?? '';
  if (FP8_TAG.test(last))
    return {
      precision: 'fp8',
      detail: `${last} is a checkpoint published in FP8 (its -FP8 tag; FP8 weight and activation quantisation, as the Neural Magic / Meta FP8 model cards describe): served in fp8`,
    };
  return undefined;
}
