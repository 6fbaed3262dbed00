import { z } from 'zod';
import { EstimateSettingsSchema } from './runSpec';

/**
 * The `greenAI.*` settings: one zod field per `contributes.configuration` property of package.json,
 * keyed without the `greenAI.` prefix. Pure (no `vscode`), so test/unit/settingsSchema.test.ts can
 * hold the two lists together: same keys, same defaults, same types and bounds.
 */
export const SETTINGS_FIELDS = {
  region: EstimateSettingsSchema.shape.region,
  pue: EstimateSettingsSchema.shape.pue,
  defaultAccelerator: EstimateSettingsSchema.shape.defaultAccelerator,
  defaultAcceleratorCount: EstimateSettingsSchema.shape.defaultAcceleratorCount,
  utilisation: EstimateSettingsSchema.shape.utilisation,
  includeEmbodied: EstimateSettingsSchema.shape.includeEmbodied,
  'inlayHints.enabled': z.boolean().default(true),
  'hover.enabled': z.boolean().default(true),
  'codeLens.enabled': z.boolean().default(true),
  'diagnostics.enabled': z.boolean().default(true),
  budgetKg: z.number().positive().nullable().default(null),
  'report.exclude': z.array(z.string().min(1).max(500)).max(200).default([]),
  requestsPerDay: z.number().positive().max(1e13).nullable().default(null),
  deploymentDays: z.number().positive().max(36_525).nullable().default(null),
} as const;
