import { z } from 'zod';

/**
 * A run as described by code, config or the user (`--spec`, what-if): every
 * field optional, because what is absent falls back to settings and visible
 * defaults. Validated at every boundary that takes one from outside.
 */

export const TRAINING_MODES = ['pretrain', 'finetune', 'lora', 'qlora', 'inference', 'unknown'] as const;
export type TrainingMode = (typeof TRAINING_MODES)[number];
export const PRECISIONS = ['fp32', 'tf32', 'fp16', 'bf16', 'fp8', 'int8', 'int4'] as const;
export type Precision = (typeof PRECISIONS)[number];

const positive = z.number().positive().finite();
const count = z.number().int().positive().max(1_000_000);

export const RunSpecSchema = z.object({
  model: z
    .object({
      name: z.string().min(1).max(300).nullish(),
      params: positive.max(1e14).nullish(),
      activeParams: positive.max(1e14).nullish(),
      forwardGflopsPerSample: positive.nullish(),
    })
    .strict()
    .default({}),
  training: z
    .object({
      mode: z.enum(TRAINING_MODES).nullish(),
      epochs: z.number().positive().max(100_000).nullish(),
      steps: count.max(1e10).nullish(),
      tokens: positive.max(1e16).nullish(),
      samples: positive.max(1e13).nullish(),
      precision: z.enum(PRECISIONS).nullish(),
      seqLen: count.max(10_000_000).nullish(),
      batchPerDevice: count.nullish(),
      gradientAccumulation: count.nullish(),
      /** Samples per optimizer step across all devices (Megatron's global batch), when stated. */
      globalBatch: count.nullish(),
      gradientCheckpointing: z.boolean().nullish(),
      dataset: z.string().max(300).nullish(),
      /** One pass over the dataset, when known (directive or spec): tokens or examples. */
      datasetTokens: positive.max(1e15).nullish(),
      datasetSamples: positive.max(1e13).nullish(),
      /** Inference: requests served and tokens per request. */
      requests: positive.max(1e15).nullish(),
      tokensPerRequest: count.nullish(),
    })
    .strict()
    .default({}),
  hardware: z
    .object({
      accelerator: z.string().min(1).max(100).nullish(),
      count: count.nullish(),
      nodes: count.nullish(),
      region: z.string().min(2).max(100).nullish(),
      acceleratorHours: positive.max(1e12).nullish(),
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
export type AssumptionSource = 'code' | 'config' | 'directive' | 'setting' | 'catalog' | 'computed' | 'default' | 'override';

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
}

/** A team's calibration from its measured runs (`.greenai.json`), applied on top of the published ranges. */
export const CalibrationSchema = z
  .object({
    utilisationFactor: z.number().min(0.05).max(20).describe('Multiplies the model FLOPs utilisation range: below 1 when measured runs took longer than estimated.'),
    powerFactor: z.number().min(0.05).max(20).describe('Multiplies accelerator and host power: above 1 when measured runs drew more power than estimated.'),
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
