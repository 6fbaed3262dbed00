import { z } from 'zod';
import { CliRunSchema } from './cliSchema';
import { RunLocationsSchema, SourceLocationSchema } from './locatedRun';

/**
 * `green-ai diff --json`, version 1: what a change does to the runs' footprint.
 * A public interface like the estimate/report output: names and meanings stay;
 * new fields may be added.
 */

export const DIFF_STATUSES = ['added', 'removed', 'changed', 'unchanged'] as const;
export type DiffStatus = (typeof DIFF_STATUSES)[number];

const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/** One input of the estimate that differs between the two sides. */
export const DiffReasonSchema = z.object({
  /** The assumption's field, e.g. "training.epochs" (see CLI-CONTRACT.md `assumptions`). */
  field: z.string(),
  /** Readable name: "epochs". */
  label: z.string(),
  before: scalar,
  after: scalar,
  /** Where each value came from: code | config | directive | setting | override | catalog | computed | default; null when the side has no value. */
  beforeSource: z.string().nullable(),
  afterSource: z.string().nullable(),
  /** A consequence of another input (tokens from epochs, parameters from the model's catalog row), not something the change wrote. */
  derived: z.boolean(),
  /** Each side as shown: "3", "meta-llama/Llama-2-7b-hf (6.7B)", "A100-SXM4-80GB (setting)", "not set". */
  beforeText: z.string(),
  afterText: z.string(),
  /** "epochs 3 → 10" */
  text: z.string(),
  /** Where the new value is written (the old one for a value the change removed); a linked file without a line when it came from there. */
  file: z.string().nullable(),
  location: SourceLocationSchema.nullable(),
});
export type DiffReason = z.infer<typeof DiffReasonSchema>;

export const DiffChangeSchema = z.object({
  status: z.enum(DIFF_STATUSES),
  /** The run's file on the head side (the base side for a removed run), relative to the compared folder. */
  file: z.string(),
  /** The file on the base side when it differs: a rename, or a script now launched from another file. */
  previousFile: z.string().nullable(),
  before: CliRunSchema.nullable(),
  after: CliRunSchema.nullable(),
  /** after − before, central estimates; null when either side has no figure. Added runs count from 0, removed runs to 0. */
  co2eKgDelta: z.number().finite().nullable(),
  energyKWhDelta: z.number().finite().nullable(),
  why: z.array(DiffReasonSchema),
  /** Where the head run's deciding facts are written (the base run's for a removed run). */
  locations: RunLocationsSchema,
});
export type DiffChange = z.infer<typeof DiffChangeSchema>;

const SideSchema = z.object({
  /** What was compared: a folder, "main (1a2b3c4)", "working tree", "index". */
  label: z.string(),
  runs: z.number().int().nonnegative(),
  co2eKg: z.number().finite(),
  energyKWh: z.number().finite(),
  /** Runs whose estimate has no central figure, left out of the totals. */
  unknown: z.number().int().nonnegative(),
});

export const DiffOutputSchema = z.object({
  version: z.literal(1),
  base: SideSchema,
  head: SideSchema,
  /** head − base totals (central estimates). */
  co2eKgDelta: z.number().finite(),
  energyKWhDelta: z.number().finite(),
  /** The per-run budget the change was checked against (--budget-kg, or budgetKg in the head's .greenai.json); null when none. */
  budgetKg: z.number().finite().nullable(),
  counts: z.object({
    added: z.number().int().nonnegative(),
    removed: z.number().int().nonnegative(),
    changed: z.number().int().nonnegative(),
    unchanged: z.number().int().nonnegative(),
  }),
  /** Largest change first; unchanged runs last. */
  changes: z.array(DiffChangeSchema),
});
export type DiffOutput = z.infer<typeof DiffOutputSchema>;
