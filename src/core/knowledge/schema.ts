import { z } from 'zod';

/**
 * Schemas of the knowledge tables. Every row carries where its figures come from,
 * so the estimate can show a source for every number it uses.
 */

/** A citation: a datasheet, paper, dataset or model card, precise enough to find the figure. */
export const SourceSchema = z.string().min(8, 'a source must name a datasheet, paper or dataset');

/** Dense (never sparsity) peak throughput in TFLOP/s (or TOPS for int8) by numeric format. */
export const PeakTflopsSchema = z
  .object({
    fp32: z.number().positive().optional(),
    tf32: z.number().positive().optional(),
    fp16: z.number().positive().optional(),
    bf16: z.number().positive().optional(),
    fp8: z.number().positive().optional(),
    int8: z.number().positive().optional(),
  })
  .refine((p) => Object.keys(p).length > 0, 'at least one precision needs a peak figure');

export const AcceleratorSchema = z.object({
  /** Catalog id, e.g. "A100-SXM4-80GB". Stable: it appears in CLI output and settings. */
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9.+-]*$/),
  /** Other names users write: "a100", "A100-80GB", "TPUv4". Matched case-insensitively. */
  aliases: z.array(z.string()),
  vendor: z.enum(['nvidia', 'amd', 'google', 'intel', 'apple', 'generic']),
  displayName: z.string(),
  kind: z.enum(['gpu', 'tpu', 'npu', 'cpu', 'soc']),
  releaseYear: z.number().int().min(2010).max(2030),
  memoryGB: z.number().positive(),
  /** Peak memory (HBM/GDDR) bandwidth in GB/s: what bounds decoding at small batch. */
  memoryBandwidthGBs: z.number().positive(),
  bandwidthSource: SourceSchema,
  peakTflops: PeakTflopsSchema,
  /** Thermal design / board power limit in watts. */
  tdpW: z.number().positive(),
  /** Average power drawn during training, watts, where measured in a published run; else null. */
  measuredTrainingPowerW: z.number().positive().nullable(),
  /** True when the measured figure is system power per chip, host share included (Patterson et al. 2021). */
  measuredPowerIncludesHost: z.boolean().optional(),
  /** Manufacturing footprint of one unit (board/chip incl. its share of memory), kg CO2e. */
  embodiedKgCo2e: z.number().positive(),
  source: SourceSchema,
  powerSource: SourceSchema.optional(),
  embodiedSource: SourceSchema,
  notes: z.string().optional(),
});
export type Accelerator = z.infer<typeof AcceleratorSchema>;

export const RegionSchema = z.object({
  /** ISO 3166-1 alpha-2 for countries ("FR"), provider region code for clouds ("us-east-1"), "world". */
  id: z.string().min(2),
  kind: z.enum(['world', 'country', 'aws', 'gcp', 'azure']),
  displayName: z.string(),
  /** ISO country code of the grid this region draws from (clouds map to their grid). */
  country: z.string().length(2).nullable(),
  /** Average (location-based) grid carbon intensity, g CO2e per kWh. */
  gridIntensityGPerKWh: z.number().min(0).max(1500),
  /** Year the intensity figure describes. */
  year: z.number().int().min(2015).max(2030),
  source: SourceSchema,
});
export type Region = z.infer<typeof RegionSchema>;

export const CloudProviderSchema = z.object({
  id: z.enum(['aws', 'gcp', 'azure']),
  displayName: z.string(),
  /** Fleet-wide Power Usage Effectiveness as published by the provider. */
  pue: z.number().min(1).max(3),
  year: z.number().int(),
  source: SourceSchema,
});
export type CloudProvider = z.infer<typeof CloudProviderSchema>;

export const QualityFigureSchema = z.object({
  benchmark: z.string(),
  score: z.number(),
  source: SourceSchema,
});

export const ModelSchema = z.object({
  /** Canonical id, usually the Hugging Face repo id ("bert-base-uncased", "meta-llama/Llama-2-7b-hf"). */
  id: z.string().min(2),
  aliases: z.array(z.string()),
  family: z.string(),
  architecture: z.enum([
    'decoder',
    'encoder',
    'encoder-decoder',
    'cnn',
    'vit',
    'moe-decoder',
    'speech',
    'diffusion',
    'other',
  ]),
  modality: z.enum(['text', 'vision', 'audio', 'multimodal']),
  params: z.number().positive(),
  /** Parameters active per token for mixture-of-experts models. */
  activeParams: z.number().positive().optional(),
  /** Forward GFLOPs per sample at the stated input size, for non-token models (vision CNNs, ViTs). */
  forwardGflopsPerSample: z.number().positive().optional(),
  /**
   * A diffusion pipeline's work per image (resolve/diffusionCost.ts): one denoiser pass for one image without
   * guidance at the native resolution, the pipeline's default steps and guidance, and the image decoder's pass.
   */
  diffusion: z
    .object({
      denoiserGflops: z.number().positive(),
      nativePixels: z.number().int().positive(),
      defaultSteps: z.number().int().positive(),
      /** The `guidance_scale` the pipeline's `__call__` defaults to; null when guidance is distilled into the model. */
      defaultGuidanceScale: z.number().nonnegative().nullable(),
      decoderGflops: z.number().positive(),
      source: SourceSchema,
    })
    .optional(),
  /** Context length the model was trained with, tokens. */
  contextLength: z.number().int().positive().optional(),
  /**
   * The precision `from_pretrained` loads the checkpoint in when the code gives no `torch_dtype`, for checkpoints
   * whose own (trust_remote_code) modelling code builds every layer in its config's dtype rather than float32.
   */
  loadedPrecision: z.object({ precision: z.enum(['fp16', 'bf16']), source: SourceSchema }).optional(),
  /**
   * Architecture sizes from the checkpoint's config.json, for models code often uses as a template
   * (`AutoConfig.from_pretrained("gpt2", n_layer=6)`): what an override does not change comes from here.
   */
  sizes: z
    .object({
      layers: z.number().int().positive(),
      hiddenSize: z.number().int().positive(),
      vocabSize: z.number().int().positive(),
      ffnSize: z.number().int().positive(),
      /** Learned absolute position embeddings; absent for rotary/relative ones. */
      learnedPositions: z.number().int().positive().optional(),
      /** A gated feed-forward (SwiGLU: gate, up and down projections, 3·d·ffn) instead of two matrices (2·d·ffn). */
      gatedFfn: z.boolean().optional(),
      /** Query and key/value heads (grouped-query attention: K and V are kvHeads/heads as wide as Q). */
      attentionHeads: z.number().int().positive().optional(),
      kvHeads: z.number().int().positive().optional(),
      /** An output layer of its own (not tied to the token embedding). */
      untiedHead: z.boolean().optional(),
      source: SourceSchema,
    })
    .optional(),
  /** Smaller or distilled models of the same family a user could switch to, by catalog id. */
  smallerSiblings: z.array(z.string()),
  quality: QualityFigureSchema.optional(),
  source: SourceSchema,
});
export type Model = z.infer<typeof ModelSchema>;

export const DatasetSchema = z.object({
  /** `name` or `name/config` as passed to `load_dataset`. */
  id: z.string().min(2),
  aliases: z.array(z.string()),
  /** Rows (examples, images) in the training split. */
  trainSamples: z.number().int().positive(),
  /** Total tokens of the training split, where published (language-model corpora). */
  tokens: z.number().positive().optional(),
  source: SourceSchema,
});
export type Dataset = z.infer<typeof DatasetSchema>;

export const InstanceTypeSchema = z.object({
  /** Provider's instance type name, e.g. "p4d.24xlarge", "a2-highgpu-8g", "Standard_ND96asr_v4". */
  id: z.string().min(2),
  provider: z.enum(['aws', 'gcp', 'azure']),
  /** Accelerator catalog id (must exist in ACCELERATORS). */
  accelerator: z.string(),
  count: z.number().int().positive(),
  vcpus: z.number().int().positive().optional(),
  memoryGiB: z.number().positive().optional(),
  source: SourceSchema,
});
export type InstanceType = z.infer<typeof InstanceTypeSchema>;

/** Attention sizes of a checkpoint (config.json), from which the KV cache per token follows. */
export const AttentionGeometrySchema = z.object({
  /** Model ids (lower case) the row describes: catalog ids, their aliases, and ids code writes. */
  ids: z.array(z.string().min(2)).min(1),
  /** Decoder layers (for encoder–decoder models, the decoder's). */
  layers: z.number().int().positive(),
  /** Key/value heads (grouped-query attention) or attention heads (multi-head attention). */
  kvHeads: z.number().int().positive(),
  headDim: z.number().int().positive(),
  /** Share of layers that cache the whole context (others keep a short sliding window); 1 when absent. */
  fullAttentionShare: z.number().min(0).max(1).optional(),
  source: SourceSchema,
});
export type AttentionGeometry = z.infer<typeof AttentionGeometrySchema>;
