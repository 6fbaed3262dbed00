/**
 * The words a run spec is made of (modes, precisions, serving stacks, frameworks, architectures),
 * without the schemas that validate a spec (runSpec.ts): the folder-scan worker needs the words only,
 * and importing the schemas would make it load and compile zod at every start.
 */

/** How the readers join the parts of an assembled model's name (`language + vision`), and how resolve splits it. */
export const PART_SEPARATOR = ' + ';

export const TRAINING_MODES = ['pretrain', 'finetune', 'lora', 'qlora', 'inference', 'unknown'] as const;
export type TrainingMode = (typeof TRAINING_MODES)[number];
export const PRECISIONS = ['fp32', 'tf32', 'fp16', 'bf16', 'fp8', 'int8', 'int4'] as const;
export type Precision = (typeof PRECISIONS)[number];

/**
 * Serving stacks, by how they batch: `hf-generate` is a loop calling `model.generate` (one request at a time
 * unless the loop batches), `hf-pipeline` a transformers `pipeline(...)`, the rest continuous-batching servers.
 */
export const INFERENCE_ENGINES = [
  'hf-generate',
  'hf-pipeline',
  'vllm',
  'tgi',
  'sglang',
  'tensorrt-llm',
  // A plain PyTorch loop running a network forward once per input (an image model, a policy network).
  'pytorch',
  'other',
] as const;
export type InferenceEngine = (typeof INFERENCE_ENGINES)[number];
/** Formats the weights are stored and read in while serving (quantised checkpoints, `--quantization`, `dtype`). */
export const WEIGHT_PRECISIONS = ['fp32', 'fp16', 'bf16', 'fp8', 'int8', 'int4'] as const;
export type WeightPrecision = (typeof WEIGHT_PRECISIONS)[number];
/** The training framework a run was read from: it decides what a silent precision means (see estimate/precisionDefault.ts). */
export const TRAINING_FRAMEWORKS = [
  'hf-trainer',
  'lightning',
  'torchtune',
  'composer',
  'litgpt',
  'neox',
  'axolotl',
  'pytorch',
  'keras',
  'swift',
  'verl',
  'torchtitan',
  'jax',
  'spec',
] as const;
export type TrainingFramework = (typeof TRAINING_FRAMEWORKS)[number];
export const MODEL_ARCHITECTURES = ['decoder', 'encoder', 'encoder-decoder', 'moe-decoder', 'other'] as const;

/** The head on a vision backbone, as a config's model tree shows it (readers/mmInputSize.ts). */
export const VISION_HEADS = ['classification', 'detection', 'segmentation'] as const;
export type VisionHead = (typeof VISION_HEADS)[number];
export const isVisionHead = (v: unknown): v is VisionHead => VISION_HEADS.some((h) => h === v);
export type ModelArchitecture = (typeof MODEL_ARCHITECTURES)[number];
