import type { Accelerator } from '../knowledge/schema';
import type { InferenceEngine, Precision, TrainingFramework } from '../runSpec';

/**
 * What a silent precision means, decided per framework from each one's documented default. Plain PyTorch
 * (and every framework whose default is float32) stays at fp32: mixed precision is something code turns on.
 */

export interface PrecisionDefault {
  readonly precision: Precision;
  /** Why: the framework's documented default, for the assumptions list. */
  readonly detail: string;
}

/** The half-precision format a chip computes fastest in: bf16 where it has a bf16 figure, else fp16, else fp32. */
export function halfPrecisionFor(accelerator: Accelerator): Precision {
  if (accelerator.peakTflops.bf16) return 'bf16';
  if (accelerator.peakTflops.fp16) return 'fp16';
  return 'fp32';
}

const DOCS = {
  'hf-trainer':
    'Hugging Face TrainingArguments: fp16=False and bf16=False by default, so the Trainer computes in float32 unless one is set',
  lightning:
    'Lightning Trainer: precision defaults to "32-true" ("PyTorch, like most deep learning frameworks, trains on 32-bit floating-point by default", lightning.ai docs, N-Bit Precision)',
  torchtune:
    'torchtune training.get_dtype: "If no string is passed, we will default to torch.float32" (the shipped recipe configs set dtype: bf16 explicitly)',
  composer:
    'Composer Trainer: "If the precision argument is not specified, the Trainer defaults to using amp_fp16 on GPU and fp32 on CPU" (docs.mosaicml.com, Numerics)',
  litgpt:
    'litgpt get_default_supported_precision(training=True): "bf16-mixed" where the GPU supports bf16, else "16-mixed"',
  neox: 'GPT-NeoX: precision follows the config\'s "fp16"/"bf16" blocks; without them the model trains in float32',
  axolotl:
    'axolotl config: bf16 and fp16 are off unless set (bf16: true / auto, fp16: true), so training runs in float32',
  pytorch:
    'PyTorch computes in float32 unless the code enables mixed precision (torch.autocast / .half() / .to(torch.bfloat16))',
  keras:
    'Keras: the global dtype policy is "float32" unless keras.mixed_precision.set_global_policy("mixed_float16"/"mixed_bfloat16") is called',
  swift:
    'ms-swift: torch_dtype "Default is None, which reads from the config.json file" (swift.readthedocs.io, Command Line Parameters); Megatron-SWIFT sets bf16/fp16 from that torch_dtype too (Megatron-SWIFT Command Line Parameters): the checkpoint\'s own dtype, half precision for current LLM checkpoints',
  verl: 'verl\'s shipped defaults compute in bfloat16: its FSDP and Megatron engine configs set `dtype: bfloat16` ("Mixed precision training param dtype", verl/trainer/config/engine/fsdp.yaml and megatron.yaml), its rollout `dtype: bfloat16` ("Align with actor model\'s FSDP/Megatron type", rollout/rollout.yaml; verl.readthedocs.io Config Explanation), and its FSDP SFT trainer wraps the model in MixedPrecision(param_dtype=torch.bfloat16) (verl/trainer/fsdp_sft_trainer.py)',
  torchtitan:
    'torchtitan TrainingConfig: mixed_precision_param defaults to "bfloat16" (parameters cast for the matmuls by fully_shard under FSDP or torch.autocast otherwise; master weights float32), torchtitan/config/configs.py (github.com/pytorch/torchtitan; job_config.py in the TOML releases)',
  jax: 'JAX: jax_enable_x64 is off by default, so arrays and computations are 32-bit ("Default setting: 32-bits everywhere", docs.jax.dev, Default dtypes and the X64 flag); flax modules compute in their inputs\' float32 unless a dtype is set',
  spec: 'a described run without a precision: large-model training runs in mixed half precision on accelerators with half-precision tensor units (Micikevicius et al. 2018, "Mixed Precision Training", arXiv:1710.03740; Narayanan et al. 2021, arXiv:2104.04473, section 5), so the chip\'s fastest half format is assumed',
} as const satisfies Record<TrainingFramework, string>;

/** The precision a training run with no stated precision uses, by framework (null: read from code, framework unknown). */
export function defaultTrainingPrecision(
  framework: TrainingFramework | null,
  accelerator: Accelerator,
): PrecisionDefault {
  const half = halfPrecisionFor(accelerator);
  const onGpu = accelerator.kind === 'gpu' || accelerator.kind === 'tpu' || accelerator.kind === 'npu';
  switch (framework) {
    case 'composer':
      return onGpu && accelerator.peakTflops.fp16
        ? { precision: 'fp16', detail: DOCS.composer }
        : { precision: 'fp32', detail: DOCS.composer };
    case 'litgpt':
      return {
        precision: accelerator.peakTflops.bf16 ? 'bf16' : accelerator.peakTflops.fp16 ? 'fp16' : 'fp32',
        detail: DOCS.litgpt,
      };
    case 'spec':
      return { precision: onGpu ? half : 'fp32', detail: DOCS.spec };
    case 'swift':
      return { precision: onGpu ? half : 'fp32', detail: DOCS.swift };
    case 'torchtitan':
      // bfloat16 mixed precision as shipped; a chip without bf16 units computes in its half format.
      return { precision: onGpu ? half : 'fp32', detail: DOCS.torchtitan };
    case 'verl':
      // bfloat16 as shipped; a chip without bf16 units cannot run it so, and computes in its half format.
      return { precision: onGpu ? half : 'fp32', detail: DOCS.verl };
    case 'hf-trainer':
    case 'lightning':
    case 'torchtune':
    case 'neox':
    case 'axolotl':
    case 'keras':
    case 'pytorch':
    case 'jax':
      return { precision: 'fp32', detail: DOCS[framework] };
    default:
      return { precision: 'fp32', detail: DOCS.pytorch };
  }
}

/**
 * Where frameworks run float32 math on TF32 tensor cores without being asked. The chip's TF32 rate then prices the
 * work, not its plain FP32 rate (an A100: 156 against 19.5 TFLOPS).
 */
const TF32_BY_DEFAULT = {
  pytorchConvolutions:
    'PyTorch runs float32 convolutions on TF32 tensor cores unless told not to: torch.backends.cudnn.allow_tf32 "defaults to True" (pytorch.org/docs, CUDA semantics, "TensorFloat-32 (TF32) on Ampere (and later) devices"; float32 matmuls stay float32 since PyTorch 1.12, so only convolutional models gain). NVIDIA measured ResNet-50 training at 938 img/s in TF32 and 2,470 img/s in mixed precision on one A100 80GB (DeepLearningExamples, PyTorch/Classification/ConvNets/resnet50v1.5 README), about the ratio of the TF32 and fp16 peaks rather than of the FP32 and fp16 peaks',
  tensorflow:
    'TensorFlow runs float32 matmuls and convolutions on TF32 tensor cores by default: "TensorFloat-32 is enabled by default" (tensorflow.org, tf.config.experimental.enable_tensor_float_32_execution)',
} as const;

export interface ComputePrecisionInput {
  readonly precision: Precision;
  readonly framework: TrainingFramework | null;
  /** The model is a convolutional network (its catalog row says so). */
  readonly convolutional: boolean;
  /** What the code set for cuDNN's TF32 switch, when it set it. */
  readonly convolutionTf32: boolean | null;
  readonly accelerator: Accelerator;
}

/**
 * The format the chip's math runs in, when it is not the run's precision: float32 that the framework hands to TF32
 * tensor cores by default (null: the run's precision). Only chips with TF32 units (Ampere and later) change, and
 * only frameworks whose documented default does it: PyTorch for convolutions (not matmuls), TensorFlow/Keras for
 * both. JAX, described runs and convolutions the code keeps in float32 stay at the FP32 rate.
 */
export function tf32ComputeFor(input: ComputePrecisionInput): PrecisionDefault | null {
  const { precision, framework, accelerator } = input;
  if (precision !== 'fp32' || !accelerator.peakTflops.tf32 || accelerator.kind !== 'gpu') return null;
  if (input.convolutionTf32 === false) return null;
  if (framework === 'keras') return { precision: 'tf32', detail: TF32_BY_DEFAULT.tensorflow };
  if (framework === 'jax' || framework === 'spec' || !input.convolutional) return null;
  return {
    precision: 'tf32',
    detail:
      input.convolutionTf32 === true
        ? 'the code sets torch.backends.cudnn.allow_tf32 = True: float32 convolutions run on TF32 tensor cores'
        : TF32_BY_DEFAULT.pytorchConvolutions,
  };
}

/** The weight format a serving stack loads a checkpoint in when the code does not say. */
export function defaultInferencePrecision(engine: InferenceEngine, accelerator: Accelerator): PrecisionDefault {
  const half = halfPrecisionFor(accelerator);
  switch (engine) {
    case 'hf-generate':
    case 'hf-pipeline':
      return {
        precision: 'fp32',
        detail:
          'transformers from_pretrained loads weights in float32 unless torch_dtype/dtype is given (huggingface/transformers issue #36567: "model weights would get loaded in fp32 by default" through v4.x; v5 defaults to dtype="auto")',
      };
    case 'pytorch':
      return {
        precision: 'fp32',
        detail:
          'PyTorch builds modules in float32 (torch.get_default_dtype(): "the initial default for floating point is torch.float32") unless the code converts them (.half(), .to(torch.bfloat16)) or runs them under autocast',
      };
    case 'vllm':
    case 'sglang':
      return {
        precision: half,
        detail: `${engine === 'vllm' ? 'vLLM' : 'SGLang'} --dtype auto: the checkpoint's torch_dtype (bf16/fp16 for current LLM checkpoints; fp32 checkpoints are served in fp16) (docs.vllm.ai engine arguments)`,
      };
    case 'tgi':
      return {
        precision: half,
        detail:
          "text-generation-inference serves in the checkpoint's half precision unless --dtype or --quantize says otherwise",
      };
    case 'tensorrt-llm':
      return {
        precision: half,
        detail: "TensorRT-LLM builds engines in the checkpoint's half precision unless quantisation is configured",
      };
    default:
      return { precision: half, detail: 'serving stack not named: half precision assumed' };
  }
}
