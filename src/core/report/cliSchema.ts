import { z } from 'zod';
import { SUGGESTION_KINDS } from '../advise/suggest';
import { PRECISIONS, TRAINING_MODES } from '../runSpec';

/**
 * The CLI's JSON output (docs/CLI-CONTRACT.md), version 1. A public
 * interface: names and meanings stay; new fields may be added.
 */

const nullableNumber = z.number().finite().nullable();

export const CliAssumptionSchema = z.object({
  field: z.string(),
  value: z.union([z.string(), z.number(), z.boolean(), z.null()]),
  source: z.string(),
  detail: z.string(),
});

/** A measured run matched to this one (CodeCarbon or a model card); ratios are estimate ÷ measurement. */
export const CliMeasuredSchema = z.object({
  source: z.enum(['codecarbon', 'model-card']),
  file: z.string(),
  line: z.number().int().positive(),
  matchedBy: z.string(),
  /** How many rows matched; the latest is the one compared. */
  rows: z.number().int().positive(),
  timestamp: z.string().nullable(),
  co2eKg: z.number().finite(),
  energyKWh: nullableNumber,
  durationHours: nullableNumber,
  ratio: z.object({ co2e: nullableNumber, energy: nullableNumber, hours: nullableNumber }),
});

/**
 * Serving figures (version 1, added): per-request figures describe one request at the modelled load; per-day and
 * deployment figures include the idle power of the devices between requests. Central values; energy includes
 * host and PUE.
 */
export const CliInferenceSchema = z.object({
  engine: z.string(),
  /** What bounds a decode step: memory-bound, compute-bound, or overhead-bound (an eager loop waiting on the CPU). */
  regime: z.enum(['memory-bound', 'compute-bound', 'overhead-bound']),
  /** Sequences decoded together per replica at the modelled load, and the configured maximum. */
  concurrency: z.number().finite(),
  configuredConcurrency: z.number().finite(),
  devicesPerReplica: z.number().int().positive(),
  replicas: z.number().int().positive(),
  /** False when the weights do not fit on the accelerators given. */
  fits: z.boolean(),
  outputTokensPerSecond: z.number().finite(),
  /**
   * Added: for a network run forward once per input (an image or policy network), its forward pass: GFLOPs per input,
   * the batch, one batch's milliseconds and inputs served per second; absent for token models.
   */
  forwardPass: z
    .object({
      gflopsPerInput: z.number().finite(),
      batch: z.number().finite(),
      stepMs: z.number().finite(),
      inputsPerSecond: z.number().finite(),
      /** Added: a diffusion pipeline's denoising steps per image (each a denoiser call); `gflopsPerInput` is per image. */
      denoisingSteps: z.number().finite().optional(),
    })
    .optional(),
  perRequest: z.object({
    energyWh: z.number().finite(),
    energyWhLow: z.number().finite(),
    energyWhHigh: z.number().finite(),
    co2eG: z.number().finite(),
  }),
  per1kRequests: z.object({ energyKWh: z.number().finite(), co2eKg: z.number().finite() }),
  perDay: z
    .object({
      requests: z.number().finite(),
      energyKWh: z.number().finite(),
      co2eKg: z.number().finite(),
      idleEnergyKWh: z.number().finite(),
      busyShare: z.number().finite(),
      overloaded: z.boolean(),
    })
    .nullable(),
  deployment: z
    .object({
      days: z.number().finite(),
      requests: z.number().finite(),
      energyKWh: z.number().finite(),
      co2eKg: z.number().finite(),
    })
    .nullable(),
});

export const CliRunSchema = z.object({
  file: z.string(),
  range: z.object({
    startLine: z.number().int().positive(),
    endLine: z.number().int().positive(),
    /** Notebooks only: 0-based index of the cell in the notebook's `cells`; lines count within that cell. */
    cell: z.number().int().nonnegative().optional(),
  }),
  model: z.object({
    name: z.string().nullable(),
    params: nullableNumber,
    /** `name`: the size its name states (`Qwen3-4B`), with a wider range. */
    source: z.enum(['catalog', 'computed', 'config', 'directive', 'setting', 'name', 'default']),
  }),
  training: z.object({
    mode: z.enum(TRAINING_MODES),
    epochs: nullableNumber,
    steps: nullableNumber,
    tokens: nullableNumber,
    samples: nullableNumber,
    precision: z.enum(PRECISIONS).nullable(),
    /** Present when the math runs in another format than `precision` (fp32 convolutions on TF32 tensor cores). */
    computePrecision: z.enum(PRECISIONS).optional(),
  }),
  hardware: z.object({
    accelerator: z.string().nullable(),
    count: nullableNumber,
    region: z.string().nullable(),
    /** True when no region was read (code, spec, flag or setting): the world-average grid was used. */
    regionIsDefault: z.boolean().optional(),
  }),
  estimate: z.object({
    flops: nullableNumber,
    acceleratorHours: nullableNumber,
    wallClockHours: nullableNumber,
    energyKWh: nullableNumber,
    co2eKg: nullableNumber,
    co2eKgLow: nullableNumber,
    co2eKgHigh: nullableNumber,
    operationalCo2eKg: nullableNumber,
    embodiedCo2eKg: nullableNumber,
    /** Inference runs only: what serving costs per request, per 1,000 requests, per day and per deployment. */
    inference: CliInferenceSchema.optional(),
  }),
  /**
   * A sweep (a launch inside a loop over seeds or hyperparameters): this entry stands for `count`
   * identical runs. `estimate` is per run; totals count every run. Absent for a single run.
   */
  trials: z.object({ count: z.number().int().min(2), detail: z.string() }).optional(),
  assumptions: z.array(CliAssumptionSchema),
  /**
   * True when an input that moves the estimate by more than ×3 (the model size) could not be read:
   * `model.params` and the `estimate` figures are then null, and `missing` says what to set.
   */
  incomplete: z.boolean().optional(),
  missing: z.array(z.object({ field: z.string(), detail: z.string(), howToSet: z.string() })).optional(),
  /** The measured run this estimate matches, or null (see README: Calibration). Absent from --spec output. */
  measured: CliMeasuredSchema.nullable().optional(),
  suggestions: z.array(
    z.object({
      kind: z.enum(SUGGESTION_KINDS),
      title: z.string(),
      co2eKgSaved: z.number(),
      tradeoff: z.string(),
      /** The edit a code action would make (lines and columns 1-based, columns in UTF-16 units), or null. */
      fix: z
        .object({
          title: z.string(),
          edits: z.array(
            z.object({
              range: z.object({
                startLine: z.number().int().positive(),
                startColumn: z.number().int().positive(),
                endLine: z.number().int().positive(),
                endColumn: z.number().int().positive(),
              }),
              newText: z.string(),
            }),
          ),
        })
        .nullable(),
    }),
  ),
});

export const CliOutputSchema = z.object({
  version: z.literal(1),
  runs: z.array(CliRunSchema),
  /** `report`: files that would launch a run but are not runs (tests, CI workflows, docs, library modules), with why. */
  leftOut: z.array(z.object({ file: z.string(), reason: z.string() })).optional(),
});
export type CliRun = z.infer<typeof CliRunSchema>;
export type CliInference = z.infer<typeof CliInferenceSchema>;
export type CliMeasured = z.infer<typeof CliMeasuredSchema>;
export type CliOutput = z.infer<typeof CliOutputSchema>;
