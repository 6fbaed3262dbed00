import {
  applyEdits,
  modify,
  parseTree,
  printParseErrorCode,
  type Node as JsonNode,
  type ParseError,
} from 'jsonc-parser';
import { z } from 'zod';
import { printable } from './report/neutralise';
import { unknownAcceleratorMessage, unknownRegionMessage } from './resolve/knownIds';
import { CalibrationSchema, type Calibration, type EstimateSettings } from './runSpec';

/**
 * `.greenai.json`: a team's defaults, committed with the code. Validated here;
 * its JSON Schema (generated from this zod schema) gives completion and errors
 * in the editor.
 */

export const WORKSPACE_CONFIG_FILE = '.greenai.json';

/** A team file of a few fields is a few hundred bytes; anything near this is not one. */
/** Thrown when `.greenai.json` cannot be edited because it is not a usable JSON object. */
export class InvalidWorkspaceConfig extends Error {}

export const MAX_WORKSPACE_CONFIG_BYTES = 256 * 1024;
/** Objects and arrays nested deeper than this are refused before parsing (the parser recurses). */
export const MAX_WORKSPACE_CONFIG_DEPTH = 32;

export const WorkspaceConfigSchema = z
  .object({
    $schema: z.string().optional(),
    region: z
      .string()
      .min(2)
      .describe(
        'Where runs execute: ISO country code (FR), cloud region (us-east-1, europe-west4, westeurope) or "world".',
      )
      .optional(),
    pue: z.number().min(1).max(3).describe("Datacenter Power Usage Effectiveness of the team's machines.").optional(),
    accelerator: z
      .string()
      .min(1)
      .describe('Accelerator assumed when code does not name one (catalog id or alias, e.g. H100, A100-80GB, TPUv4).')
      .optional(),
    count: z
      .number()
      .int()
      .min(1)
      .max(100_000)
      .describe('Accelerators assumed when code does not say how many.')
      .optional(),
    utilisation: z
      .number()
      .min(0.01)
      .max(1)
      .describe("Model FLOPs utilisation (0–1) measured on the team's runs, instead of the published range.")
      .optional(),
    includeEmbodied: z.boolean().describe('Include manufacturing (embodied) carbon.').optional(),
    calibration: CalibrationSchema.describe(
      'Written by "Green AI: Calibrate From Measured Runs" (or `green-ai calibrate --write`) when you accept it: factors from your measured runs.',
    ).optional(),
    budgetKg: z
      .number()
      .positive()
      .describe(
        'CO2e budget per run in kg: runs above it are flagged in the editor and fail `green-ai report --budget-kg`.',
      )
      .optional(),
  })
  .strict()
  .describe('Green AI team defaults (https://github.com/green-ai-tools/green-ai-vscode#settings)');
export type WorkspaceConfig = z.infer<typeof WorkspaceConfigSchema>;

export interface ParsedWorkspaceConfig {
  /** The valid fields (an invalid field is left out, so its setting or default applies). */
  readonly config: WorkspaceConfig;
  /** Readable problems naming the field (every one, errors included); the valid fields still apply. */
  readonly problems: string[];
  /**
   * The problems (also in `problems`) that make the file unusable for an estimate a budget depends on: not JSON, not an
   * object, too large or too deep, or an unknown region or accelerator (the nearest ids named).
   * The CLI exits 2 on them; the editor shows them as errors.
   */
  readonly errors: string[];
}

/** How deep `[`/`{` nest, outside strings and comments: one linear pass, no recursion. */
export function jsonNestingDepth(text: string): number {
  let depth = 0;
  let max = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      for (i++; i < text.length && text.charCodeAt(i) !== 0x22; i++) if (text.charCodeAt(i) === 0x5c /* \ */) i++;
    } else if (c === 0x2f /* / */ && text.charCodeAt(i + 1) === 0x2f) {
      const end = text.indexOf('\n', i);
      i = end < 0 ? text.length : end;
    } else if (c === 0x2f && text.charCodeAt(i + 1) === 0x2a /* * */) {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 1;
    } else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      if (++depth > max) max = depth;
    } else if (c === 0x5d /* ] */ || c === 0x7d /* } */) {
      depth--;
    }
  }
  return max;
}

/**
 * A parsed JSON value built without prototypes: `{"__proto__": …}` becomes an own key (which the
 * strict schema then names) instead of replacing the object's prototype, and `{"toString": true}`
 * shadows nothing the code calls.
 */
function plainValue(node: JsonNode): unknown {
  switch (node.type) {
    case 'object': {
      const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
      for (const property of node.children ?? []) {
        const [key, value] = property.children ?? [];
        if (key && value && typeof key.value === 'string') out[key.value] = plainValue(value);
      }
      return out;
    }
    case 'array':
      return (node.children ?? []).map(plainValue);
    default:
      return node.value as unknown;
  }
}

const fail = (message: string): ParsedWorkspaceConfig => ({ config: {}, problems: [message], errors: [message] });

export function parseWorkspaceConfig(text: string): ParsedWorkspaceConfig {
  if (text.length > MAX_WORKSPACE_CONFIG_BYTES)
    return fail(
      `${WORKSPACE_CONFIG_FILE} is ${(text.length / 1024).toFixed(0)} KB, over the ${MAX_WORKSPACE_CONFIG_BYTES / 1024} KB a team file may be`,
    );
  const depth = jsonNestingDepth(text);
  if (depth > MAX_WORKSPACE_CONFIG_DEPTH)
    return fail(
      `${WORKSPACE_CONFIG_FILE} nests ${depth} levels deep, more than the ${MAX_WORKSPACE_CONFIG_DEPTH} a team file may`,
    );
  // Comments and trailing commas are accepted, as in VS Code's own settings files.
  const parseErrors: ParseError[] = [];
  const tree = parseTree(text, parseErrors, { allowTrailingComma: true });
  if (parseErrors.length > 0 || !tree) {
    const e = parseErrors[0];
    const line = e ? text.slice(0, e.offset).split('\n').length : 1;
    return fail(
      `${WORKSPACE_CONFIG_FILE} is not valid JSON: ${e ? printParseErrorCode(e.error) : 'empty'} at line ${line}`,
    );
  }
  const raw = plainValue(tree);
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return fail(
      `${WORKSPACE_CONFIG_FILE} must hold a JSON object, not ${Array.isArray(raw) ? 'an array' : raw === null ? 'null' : `a ${typeof raw}`}`,
    );
  const fields = raw as Record<string, unknown>;
  const errors: string[] = [];
  // Ids are checked against the catalogs: a typo must fail, not fall back to a default.
  if (typeof fields.region === 'string') {
    const unknown = unknownRegionMessage(fields.region, `${WORKSPACE_CONFIG_FILE}: region`);
    if (unknown) errors.push(unknown);
  }
  if (typeof fields.accelerator === 'string') {
    const unknown = unknownAcceleratorMessage(fields.accelerator, `${WORKSPACE_CONFIG_FILE}: accelerator`);
    if (unknown) errors.push(unknown);
  }
  // Not a string at all (`"region": ["FR"]`) names no known id either: an error, not a field quietly left out.
  for (const key of ['region', 'accelerator'] as const) {
    if (key in fields && typeof fields[key] !== 'string')
      errors.push(
        `${WORKSPACE_CONFIG_FILE}: ${key} must be a string naming a known ${key}, not ${Array.isArray(fields[key]) ? 'an array' : fields[key] === null ? 'null' : `a ${typeof fields[key]}`}`,
      );
  }
  const parsed = WorkspaceConfigSchema.safeParse(raw);
  if (parsed.success && errors.length === 0) return { config: parsed.data, problems: [], errors: [] };
  // Keep every field that is valid on its own; name the ones that are not.
  const problems = parsed.success
    ? [...errors]
    : [
        ...errors,
        ...parsed.error.issues
          .slice(0, 20)
          .map((i) =>
            printable(
              `${WORKSPACE_CONFIG_FILE}: ${i.path.map(String).join('.') || (i.code === 'unrecognized_keys' ? (i as { keys?: string[] }).keys?.slice(0, 10).join(', ') : '(root)')}: ${i.message}`,
            ).slice(0, 300),
          ),
      ];
  const config: Record<string, unknown> = {};
  const shape = WorkspaceConfigSchema.shape as Record<string, z.ZodType>;
  for (const [key, value] of Object.entries(fields)) {
    // Own keys of the schema only: "toString" or "constructor" must not reach Object.prototype.
    // An unknown region or accelerator is kept: every estimate made with it then fails with the error
    // (the editor shows it), instead of silently using a default. The CLI stops on `errors` first.
    if (!Object.prototype.hasOwnProperty.call(shape, key)) continue;
    const field = shape[key].safeParse(value);
    if (field.success) config[key] = field.data;
  }
  return { config, problems, errors };
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

/**
 * The team file's text with `calibration` set, everything else (fields, comments, layout) kept.
 * A file that is not a JSON object cannot take the field: that is an error for the caller to show.
 */
export function withCalibration(text: string | undefined, calibration: Calibration): string {
  const before = text ?? '{}\n';
  const errors = parseWorkspaceConfig(before).errors.filter((e) => !/: (region|accelerator)/.test(e));
  if (errors.length > 0) throw new InvalidWorkspaceConfig(`${errors[0]}; fix it before a calibration can be saved`);
  return applyEdits(
    before,
    modify(before, ['calibration'], calibration, { formattingOptions: { insertSpaces: true, tabSize: 2 } }),
  );
}
