import { z } from 'zod';

/**
 * The typed protocol between the extension and the panel webview. Both sides
 * validate what they receive; this module imports nothing but zod so the
 * webview bundle stays small.
 */

export const PanelViewModelSchema = z.object({
  title: z.string(),
  file: z.string(),
  line: z.number().int().nonnegative(),
  summary: z.string(),
  headline: z.object({
    co2e: z.string(),
    co2eRange: z.string(),
    co2eKg: z.number(),
    energy: z.string(),
    acceleratorHours: z.string(),
    wallClock: z.string(),
    equivalent: z.string(),
    equivalentSource: z.string(),
    /** Driving, flying, phone charges, household-days, each with its source. */
    equivalents: z.array(z.object({ text: z.string(), source: z.string() })),
    /** What the figures total, where that is a default and not the run (`per 1M requests (no count in the code)`). */
    per: z.string().optional(),
  }),
  /** Set when the run cannot be estimated yet (its model size is unknown): what is missing and how to set it. */
  needs: z.object({ text: z.string(), lines: z.array(z.string()) }).optional(),
  breakdown: z.array(z.object({ label: z.string(), co2eKg: z.number(), energyKWh: z.number().nullable() })),
  assumptions: z.array(
    z.object({
      field: z.string(),
      value: z.string(),
      source: z.string(),
      detail: z.string(),
      line: z.number().int().nonnegative().nullable(),
    }),
  ),
  unknowns: z.array(z.string()),
  suggestions: z.array(
    z.object({
      kind: z.string(),
      title: z.string(),
      saved: z.string(),
      savedPercent: z.number(),
      tradeoff: z.string(),
      fixTitle: z.string().nullable(),
    }),
  ),
  /** Bars of the comparison chart: this run, then the run with each suggestion applied. */
  comparison: z.array(z.object({ label: z.string(), co2eKg: z.number() })),
  /** The inputs the user can change, with their current values (what-if). */
  inputs: z.object({
    accelerator: z.string(),
    count: z.number(),
    region: z.string(),
    pue: z.number(),
    mfu: z.number(),
    epochs: z.number().nullable(),
    steps: z.number().nullable(),
    tokens: z.number().nullable(),
    precision: z.string(),
    model: z.string().nullable(),
    /** Inference runs: the serving inputs replace epochs/steps/tokens/MFU. */
    serving: z.boolean().optional(),
    requestsPerDay: z.number().nullable().optional(),
    days: z.number().nullable().optional(),
    concurrency: z.number().nullable().optional(),
    outputTokens: z.number().nullable().optional(),
  }),
  choices: z.object({
    accelerators: z.array(z.string()),
    regions: z.array(z.object({ id: z.string(), label: z.string() })),
    precisions: z.array(z.string()),
  }),
  /** True when the panel shows changed inputs rather than what the code says. */
  whatIf: z.boolean(),
  /** Said once when the region was not read: the world average is used, and where to set it. */
  regionNotice: z
    .object({ text: z.string(), setting: z.string().regex(/^greenAI\.[\w.]+$/) })
    .nullable()
    .optional(),
  /** Inference runs: what serving costs per request, per day and per deployment, and a year of serving beside training. */
  deployment: z
    .object({
      figures: z.array(z.object({ label: z.string(), value: z.string(), detail: z.string() })),
      notes: z.array(z.string()),
      comparison: z
        .object({
          trainingLabel: z.string(),
          trainingCo2eKg: z.number(),
          trainingSource: z.string(),
          servingLabel: z.string(),
          servingCo2eKg: z.number(),
          /** "Serving overtakes training after 41 days" or why it cannot be said. */
          breakEven: z.string(),
          breakEvenDays: z.number().nullable(),
        })
        .nullable(),
    })
    .nullable()
    .optional(),
  /** A measured run (CodeCarbon, model card) matched to this one, side by side with the estimate. */
  measured: z
    .object({
      source: z.string(),
      location: z.string(),
      matchedBy: z.string(),
      rows: z.array(z.object({ label: z.string(), estimated: z.string(), measured: z.string(), ratio: z.string() })),
    })
    .nullable(),
});
export type PanelViewModel = z.infer<typeof PanelViewModelSchema>;

/** Messages the webview sends; anything else is dropped and logged. */
export const WhatIfChangesSchema = z
  .object({
    accelerator: z.string().min(1).max(100).optional(),
    count: z.number().int().min(1).max(1_000_000).optional(),
    region: z.string().min(2).max(100).optional(),
    pue: z.number().min(1).max(3).optional(),
    mfu: z.number().min(0.01).max(1).optional(),
    epochs: z.number().positive().max(100_000).optional(),
    steps: z.number().int().positive().max(1e10).optional(),
    tokens: z.number().positive().max(1e16).optional(),
    precision: z.enum(['fp32', 'tf32', 'fp16', 'bf16', 'fp8', 'int8', 'int4']).optional(),
    model: z.string().min(1).max(300).optional(),
    // Serving (inference runs)
    requestsPerDay: z.number().positive().max(1e13).optional(),
    days: z.number().positive().max(36_525).optional(),
    concurrency: z.number().int().positive().max(1_000_000).optional(),
    outputTokens: z.number().int().positive().max(10_000_000).optional(),
  })
  .strict();

export const WebviewToExtensionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  z.object({ type: z.literal('revealLine'), line: z.number().int().nonnegative() }),
  z.object({ type: z.literal('whatIf'), changes: WhatIfChangesSchema }),
  z.object({ type: z.literal('reset') }),
  z.object({ type: z.literal('applyFix'), index: z.number().int().nonnegative() }),
  z.object({ type: z.literal('export'), format: z.enum(['markdown', 'json', 'modelCard']) }),
  z.object({ type: z.literal('openSetting'), id: z.string().regex(/^greenAI\.[\w.]+$/) }),
]);
export type WebviewToExtension = z.infer<typeof WebviewToExtensionSchema>;

/** Messages the extension sends. */
export const ExtensionToWebviewSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('show'), model: PanelViewModelSchema }),
  z.object({ type: z.literal('empty'), reason: z.string() }),
  /** A what-if input the model could not use (unknown accelerator or region): named, not applied. */
  z.object({ type: z.literal('inputError'), message: z.string() }),
  /** What the webview persists (vscode.setState) so the serializer can restore the panel. */
  z.object({ type: z.literal('state'), state: z.object({ uri: z.string(), line: z.number().int().nonnegative() }) }),
]);
export type ExtensionToWebview = z.infer<typeof ExtensionToWebviewSchema>;
