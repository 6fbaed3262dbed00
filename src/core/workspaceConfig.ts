import { applyEdits, modify, parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { z } from 'zod';
import { CalibrationSchema, type Calibration, type EstimateSettings } from './runSpec';

/**
 * `.greenai.json`: a team's defaults, committed with the code. Validated here;
 * its JSON Schema (generated from this zod schema) gives completion and errors
 * in the editor.
 */

export const WORKSPACE_CONFIG_FILE = '.greenai.json';

export const WorkspaceConfigSchema = z
  .object({
    $schema: z.string().optional(),
    region: z.string().min(2).describe('Where runs execute: ISO country code (FR), cloud region (us-east-1, europe-west4, westeurope) or "world".').optional(),
    pue: z.number().min(1).max(3).describe('Datacenter Power Usage Effectiveness of the team\'s machines.').optional(),
    accelerator: z.string().min(1).describe('Accelerator assumed when code does not name one (catalog id or alias, e.g. H100, A100-80GB, TPUv4).').optional(),
    count: z.number().int().min(1).max(100_000).describe('Accelerators assumed when code does not say how many.').optional(),
    utilisation: z.number().min(0.01).max(1).describe('Model FLOPs utilisation (0–1) measured on the team\'s runs, instead of the published range.').optional(),
    includeEmbodied: z.boolean().describe('Include manufacturing (embodied) carbon.').optional(),
    calibration: CalibrationSchema.describe('Written by "Green AI: Calibrate From Measured Runs" (or `green-ai calibrate --write`) when you accept it: factors from your measured runs.').optional(),
    budgetKg: z.number().positive().describe('CO2e budget per run in kg: runs above it are flagged in the editor and fail `green-ai report --budget-kg`.').optional(),
  })
  .strict()
  .describe('Green AI team defaults (https://github.com/green-ai-tools/green-ai-vscode#settings)');
export type WorkspaceConfig = z.infer<typeof WorkspaceConfigSchema>;

export interface ParsedWorkspaceConfig {
  readonly config: WorkspaceConfig;
  /** Readable problems naming the field; the valid fields still apply. */
  readonly problems: string[];
}

export function parseWorkspaceConfig(text: string): ParsedWorkspaceConfig {
  // Comments and trailing commas are accepted, as in VS Code's own settings files.
  const errors: ParseError[] = [];
  const raw: unknown = parseJsonc(text, errors, { allowTrailingComma: true });
  if (errors.length > 0) {
    const e = errors[0];
    const line = text.slice(0, e.offset).split('\n').length;
    return { config: {}, problems: [`${WORKSPACE_CONFIG_FILE} is not valid JSON: ${printParseErrorCode(e.error)} at line ${line}`] };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { config: {}, problems: [`${WORKSPACE_CONFIG_FILE} must hold a JSON object`] };
  const parsed = WorkspaceConfigSchema.safeParse(raw);
  if (parsed.success) return { config: parsed.data, problems: [] };
  // Keep every field that is valid on its own; name the ones that are not.
  const problems = parsed.error.issues.map((i) => `${WORKSPACE_CONFIG_FILE}: ${i.path.join('.') || (i.code === 'unrecognized_keys' ? (i as { keys?: string[] }).keys?.join(', ') : '(root)')}: ${i.message}`);
  const config: Record<string, unknown> = {};
  const shape = WorkspaceConfigSchema.shape as Record<string, z.ZodType>;
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (shape[key]?.safeParse(value).success) config[key] = value;
  }
  return { config, problems };
}

/** The team file's values on top of the given settings. */
export function applyWorkspaceConfig(settings: EstimateSettings, config: WorkspaceConfig): EstimateSettings {
  return {
    region: config.region ?? settings.region,
    pue: config.pue ?? settings.pue,
    defaultAccelerator: config.accelerator ?? settings.defaultAccelerator,
    defaultAcceleratorCount: config.count ?? settings.defaultAcceleratorCount,
    utilisation: config.utilisation ?? settings.utilisation,
    includeEmbodied: config.includeEmbodied ?? settings.includeEmbodied,
    calibration: config.calibration ?? settings.calibration,
  };
}

/** The team file's text with `calibration` set, everything else (fields, comments, layout) kept. */
export function withCalibration(text: string | undefined, calibration: Calibration): string {
  const before = text ?? '{}\n';
  return applyEdits(before, modify(before, ['calibration'], calibration, { formattingOptions: { insertSpaces: true, tabSize: 2 } }));
}
