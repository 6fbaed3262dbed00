import { z } from 'zod';
import {
  INFERENCE_ENGINES,
  MODEL_ARCHITECTURES,
  PRECISIONS,
  TRAINING_FRAMEWORKS,
  TRAINING_MODES,
  VISION_HEADS,
  WEIGHT_PRECISIONS,
} from './runVocabulary';

/**
 * A run as described by code, config or the user (`--spec`, what-if): every
 * field optional, because what is absent falls back to settings and visible
 * defaults. Validated at every boundary that takes one from outside.
 */

export * from './runVocabulary';

/**
 * Limits: the real ranges with room to spare (batches of thousands, 10M-token contexts, hundreds of
 * thousands of devices, 1e10 steps); past them a value is a typo or an overflow, and the message says
 * which field and why. Each field carries its own limit: there is no shared cap that would win over it.
 */
const positive = z.number().positive().finite();
const upTo = (max: number, what: string) =>
  positive.max(max, { message: `more than ${max.toExponential(0).replace('e+', 'e')} ${what} is not a real run` });
const intUpTo = (max: number, what: string) =>
  z
    .number()
    .int()
    .positive()
    .max(max, { message: `more than ${max.toExponential(0).replace('e+', 'e')} ${what} is not a real run` });

export const InferenceSpecSchema = z
  .object({
    engine: z
      .enum(INFERENCE_ENGINES)
      .nullish()
      .describe('Serving stack: an unbatched generate loop, a pipeline, or a continuous-batching server.'),
    engineVersion: z
      .string()
      .min(1)
      .max(40)
      .nullish()
      .describe('Version of the serving stack (e.g. vLLM "0.5.4"): vLLM before 0.6 blocked the GPU on its CPU work.'),
    /** Sequences decoded together: vLLM max_num_seqs, TGI max_batch_size, SGLang max_running_requests, a loop's batch size. */
    concurrency: intUpTo(1e6, 'sequences decoded together')
      .nullish()
      .describe("Maximum batch or concurrent sequences (vLLM max_num_seqs, a generate loop's batch size)."),
    inputTokens: intUpTo(1e7, 'prompt tokens per request')
      .nullish()
      .describe('Mean prompt (input) tokens per request.'),
    outputTokens: intUpTo(1e7, 'generated tokens per request')
      .nullish()
      .describe('Mean generated (output) tokens per sequence (max_tokens / max_new_tokens when the mean is unknown).'),
    reasoning: z
      .boolean()
      .nullish()
      .describe(
        'A reasoning model with its thinking on (a chain of thought before the answer): longer outputs when their length is not given. Known reasoning models are recognised by name.',
      ),
    numSequences: intUpTo(1e4, 'sequences per request')
      .nullish()
      .describe('Sequences generated per request: SamplingParams n, num_beams, num_return_sequences.'),
    tensorParallel: intUpTo(1e5, 'devices per model replica')
      .nullish()
      .describe('Devices one model replica is split over (tensor × pipeline parallel).'),
    weightPrecision: z
      .enum(WEIGHT_PRECISIONS)
      .nullish()
      .describe('Format the weights are stored and read in (quantisation).'),
    kvCachePrecision: z
      .enum(WEIGHT_PRECISIONS)
      .nullish()
      .describe('KV-cache format (vLLM --kv-cache-dtype); defaults to the activation precision.'),
    /** Total requests of an offline job (a loop over a dataset); a deployment uses requestsPerDay × days. */
    requests: upTo(1e15, 'requests').nullish().describe('Requests served by a batch job (a loop over a dataset).'),
    denoisingSteps: intUpTo(1e4, 'denoising steps per image')
      .nullish()
      .describe(
        "Denoising steps per image of a diffusion pipeline (num_inference_steps); the pipeline's default if not given.",
      ),
    guidanceScale: z
      .number()
      .min(0)
      .max(1e4, 'guidance scale: at most 10000')
      .nullish()
      .describe('Classifier-free guidance scale (guidance_scale): above 1 the denoiser runs twice a step.'),
    imagePixels: intUpTo(1e9, 'pixels per image')
      .nullish()
      .describe("Pixels of each generated image (height × width); the model's native resolution if not given."),
    requestsPerDay: upTo(1e13, 'requests per day').nullish().describe('Requests per day of service for a deployment.'),
    days: upTo(36_525, 'days of service').nullish().describe('Days the deployment serves (365 for a year).'),
  })
  .strict();
export type InferenceSpec = z.infer<typeof InferenceSpecSchema>;

export const RunSpecSchema = z.object({
  model: z
    .object({
      name: z.string().min(1).max(300).nullish(),
      params: upTo(1e14, 'parameters').nullish(),
      activeParams: upTo(1e14, 'active parameters').nullish(),
      forwardGflopsPerSample: upTo(1e9, 'GFLOPs per sample').nullish(),
      inputPixels: upTo(1e8, 'pixels per sample')
        .nullish()
        .describe('Pixels (times frames) of one training sample of a vision model: its forward cost grows with them.'),
      convolutional: z
        .boolean()
        .nullish()
        .describe(
          'A network of convolutions whose size was counted: its forward cost grows with the input size, so without inputPixels it is unknown.',
        ),
      visionHead: z
        .enum(VISION_HEADS)
        .nullish()
        .describe('The head on a vision backbone (dense heads cost more per pixel than a classifier).'),
      architecture: z
        .enum(MODEL_ARCHITECTURES)
        .nullish()
        .describe('Decides FLOPs per token (encoder–decoder, mixture-of-experts).'),
      /** Architecture sizes, where read from a config: the KV cache per token follows from them. */
      layers: intUpTo(1e5, 'layers').nullish(),
      hiddenSize: intUpTo(1e7, 'hidden size').nullish(),
      kvHeads: intUpTo(1e5, 'key/value heads')
        .nullish()
        .describe('Key/value heads (num_key_value_heads; attention heads when no grouped-query attention).'),
      headDim: intUpTo(1e5, 'head dimension').nullish(),
    })
    .strict()
    .default({}),
  training: z
    .object({
      mode: z.enum(TRAINING_MODES).nullish(),
      framework: z
        .enum(TRAINING_FRAMEWORKS)
        .nullish()
        .describe('Framework the run was read from: decides the precision a silent config means.'),
      epochs: upTo(1e6, 'epochs').nullish(),
      steps: intUpTo(1e10, 'steps').nullish(),
      tokens: upTo(1e17, 'tokens').nullish(),
      samples: upTo(1e15, 'samples').nullish(),
      precision: z.enum(PRECISIONS).nullish(),
      precisionByGpu: z
        .enum(['fp16', 'fp32'])
        .nullish()
        .describe(
          'No precision stated, but the code computes in bf16 where the accelerator supports it, else in this one: resolved against the accelerator.',
        ),
      seqLen: intUpTo(1e7, 'tokens of context').nullish(),
      /** Encoder–decoder models: target (decoder) tokens per sample, when they differ from seqLen (the input). */
      decoderSeqLen: intUpTo(1e7, 'decoder tokens').nullish(),
      batchPerDevice: intUpTo(1e7, 'samples per device batch').nullish(),
      gradientAccumulation: intUpTo(1e6, 'accumulation steps').nullish(),
      /** Samples per optimizer step across all devices (Megatron's global batch), when stated. */
      globalBatch: intUpTo(1e9, 'samples per global batch').nullish(),
      gradientCheckpointing: z.boolean().nullish(),
      convolutionTf32: z
        .boolean()
        .nullish()
        .describe(
          'Whether float32 convolutions may run on TF32 tensor cores (torch.backends.cudnn.allow_tf32); unset: the framework default.',
        ),
      /**
       * Devices one copy of the model spans (tensor × pipeline parallel degree): a per-device batch is shared by that
       * many devices, so samples a step are batch × accumulation × devices ÷ this.
       */
      modelParallel: intUpTo(1e6, 'devices a model copy spans').nullish(),
      dataset: z.string().max(300).nullish(),
      /** One pass over the dataset, when known (directive or spec): tokens or examples. */
      datasetTokens: upTo(1e16, 'dataset tokens').nullish(),
      datasetSamples: upTo(1e15, 'dataset samples').nullish(),
      /** Inference (kept for older specs; `inference` says more): requests served and tokens per request. */
      requests: upTo(1e15, 'requests').nullish(),
      tokensPerRequest: intUpTo(1e7, 'tokens per request').nullish(),
    })
    .strict()
    .default({}),
  /** Serving: how requests are batched and how long the deployment runs. Optional; `training.mode: "inference"` uses it. */
  inference: InferenceSpecSchema.optional(),
  hardware: z
    .object({
      accelerator: z.string().min(1).max(100).nullish(),
      count: intUpTo(1e7, 'accelerators').nullish(),
      nodes: intUpTo(1e6, 'nodes').nullish(),
      region: z.string().min(2).max(100).nullish(),
      acceleratorHours: upTo(1e12, 'accelerator-hours').nullish(),
    })
    .strict()
    .default({}),
  datacenter: z
    .object({
      pue: z.number().min(1).max(3).nullish(),
      intensityGPerKWh: z.number().min(0).max(2000).nullish(),
    })
    .strict()
    .default({}),
});
export type RunSpec = z.infer<typeof RunSpecSchema>;

/** Where an input to the estimate came from (the CLI contract's vocabulary, plus `code`). */
export type AssumptionSource =
  'code' | 'config' | 'directive' | 'setting' | 'catalog' | 'computed' | 'default' | 'override';

export interface Assumption {
  /** Dotted path of the input, e.g. "training.epochs", "hardware.accelerator". */
  readonly field: string;
  readonly value: string | number | boolean | null;
  readonly source: AssumptionSource;
  /** How it was found: the code, the setting name, the catalog row's source. */
  readonly detail: string;
  /** Where in the analysed file, when it came from there. */
  readonly range?: import('./facts').SourceRange;
  /** When it came from a linked file (a launched script, a named config): that file, as displayed. */
  readonly file?: string;
  /**
   * A stated value set aside as past any real run (`epochs: 10000000`, a loop left to run until it is stopped): the
   * input is unknown, not left to a default.
   */
  readonly pastSensible?: true;
}

/** A team's calibration from its measured runs (`.greenai.json`), applied on top of the published ranges. */
export const CalibrationSchema = z
  .object({
    utilisationFactor: z
      .number()
      .min(0.05)
      .max(20)
      .describe('Multiplies the model FLOPs utilisation range: below 1 when measured runs took longer than estimated.'),
    powerFactor: z
      .number()
      .min(0.05)
      .max(20)
      .describe('Multiplies accelerator and host power: above 1 when measured runs drew more power than estimated.'),
    runs: z.number().int().min(1).describe('How many measured runs the factors come from.'),
    date: z.string().min(1).describe('When the calibration was made (YYYY-MM-DD).'),
  })
  .strict();
export type Calibration = z.infer<typeof CalibrationSchema>;

/** Settings that shape an estimate; the extension reads them from VS Code, the CLI from flags. */
export const EstimateSettingsSchema = z.object({
  region: z.string().min(2).default('world'),
  pue: z.number().min(1).max(3).nullable().default(null),
  defaultAccelerator: z.string().min(1).default('A100-SXM4-80GB'),
  defaultAcceleratorCount: z.number().int().min(1).max(100_000).default(1),
  utilisation: z.number().min(0.01).max(1).nullable().default(null),
  includeEmbodied: z.boolean().default(true),
  calibration: CalibrationSchema.nullable().default(null),
  /** Deployment load for serving runs whose code does not say (settings greenAI.requestsPerDay / greenAI.deploymentDays). */
  requestsPerDay: z.number().positive().max(1e13).nullish(),
  deploymentDays: z.number().positive().max(36_525).nullish(),
});
export type EstimateSettings = z.infer<typeof EstimateSettingsSchema>;
export const DEFAULT_SETTINGS: EstimateSettings = EstimateSettingsSchema.parse({});

/** Values that replace whatever the code says (CLI overrides, panel what-if). */
export interface Overrides {
  readonly accelerator?: string;
  readonly count?: number;
  readonly region?: string;
  readonly pue?: number;
  readonly intensityGPerKWh?: number;
  readonly mfu?: number;
  readonly noEmbodied?: boolean;
}
