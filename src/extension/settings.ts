import * as vscode from 'vscode';
import { z } from 'zod';
import { EstimateSettingsSchema, type EstimateSettings } from '../core/runSpec';

/**
 * The one typed view of `greenAI.*` settings. Each field is validated on its
 * own, so one bad value falls back to its default (with one message) instead of
 * breaking every provider.
 */

export interface GreenAiSettings extends EstimateSettings {
  readonly inlayHintsEnabled: boolean;
  readonly hoverEnabled: boolean;
  readonly codeLensEnabled: boolean;
  readonly diagnosticsEnabled: boolean;
  /** Warn on runs whose central estimate exceeds this many kg CO2e; null = no budget. */
  readonly budgetKg: number | null;
}

const FIELDS = {
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
} as const;

const warned = new Set<string>();

export function readSettings(scope?: vscode.ConfigurationScope, log?: (msg: string) => void): GreenAiSettings {
  const config = vscode.workspace.getConfiguration('greenAI', scope);
  const read = <K extends keyof typeof FIELDS>(key: K): z.output<(typeof FIELDS)[K]> => {
    const schema = FIELDS[key];
    const raw = config.get<unknown>(key);
    const parsed = schema.safeParse(raw ?? undefined);
    if (parsed.success) return parsed.data as z.output<(typeof FIELDS)[K]>;
    const message = `Green AI: setting greenAI.${key} = ${JSON.stringify(raw)} is invalid (${parsed.error.issues[0]?.message ?? 'wrong type'}); using the default.`;
    if (!warned.has(message)) {
      warned.add(message);
      log?.(message);
      void vscode.window.showWarningMessage(message);
    }
    return schema.parse(undefined) as z.output<(typeof FIELDS)[K]>;
  };
  return {
    region: read('region'),
    pue: read('pue'),
    defaultAccelerator: read('defaultAccelerator'),
    defaultAcceleratorCount: read('defaultAcceleratorCount'),
    utilisation: read('utilisation'),
    includeEmbodied: read('includeEmbodied'),
    inlayHintsEnabled: read('inlayHints.enabled'),
    hoverEnabled: read('hover.enabled'),
    codeLensEnabled: read('codeLens.enabled'),
    diagnosticsEnabled: read('diagnostics.enabled'),
    budgetKg: read('budgetKg'),
  };
}
