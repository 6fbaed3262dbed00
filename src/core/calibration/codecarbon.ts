import { parse } from 'csv-parse/sync';
import { findAccelerator } from '../knowledge';
import type { Measurement } from './measurement';

/**
 * CodeCarbon's `emissions.csv`: one row per tracked run. Column sets changed
 * across versions (1.x: timestamp … cloud_region; 2.x adds power, energy per
 * component, hardware; later versions add pue, water, …), so columns are read
 * by name and only the few this comparison needs are required. Units are
 * CodeCarbon's: duration in seconds, emissions in kg CO2eq, energy in kWh.
 */

export interface CodeCarbonFile {
  readonly measurements: Measurement[];
  /** Rows that could not be read, with why (1-based line numbers). */
  readonly invalidRows: Array<{ readonly line: number; readonly reason: string }>;
  /** Set when the file as a whole is not usable: empty, no rows, not CodeCarbon's columns. */
  readonly problem: string | null;
}

const REQUIRED = ['duration', 'emissions', 'energy_consumed'] as const;

/**
 * Plausible ranges of what a tracker records, so a number read from a file is finite and means
 * something: a century of tracking, a million tonnes, a terawatt-hour; a million GPUs.
 */
const MAX_VALUE: Record<(typeof REQUIRED)[number], number> = { duration: 3.2e9, emissions: 1e9, energy_consumed: 1e9 };
const MAX_GPUS = 1_000_000;
/** "8 x NVIDIA A100-SXM4-80GB" is short: a longer gpu_model is not read (its pattern would be quadratic in it). */
const MAX_GPU_MODEL_LENGTH = 200;

/** Does this header look like CodeCarbon's? Cheap enough to run on a file's first line. */
export function looksLikeCodeCarbonHeader(firstLine: string): boolean {
  const columns = new Set(firstLine.split(',').map((c) => c.trim().replace(/^"|"$/g, '')));
  return REQUIRED.every((c) => columns.has(c));
}

export function parseCodeCarbonCsv(text: string, file: string): CodeCarbonFile {
  const invalidRows: Array<{ line: number; reason: string }> = [];
  const clean = text.replace(/^\uFEFF/, '');
  if (clean.trim() === '')
    return {
      measurements: [],
      invalidRows,
      problem: `${file} is empty: CodeCarbon writes a header and one row per tracked run`,
    };
  const header = clean.slice(0, clean.indexOf('\n') >= 0 ? clean.indexOf('\n') : undefined);
  if (!looksLikeCodeCarbonHeader(header)) {
    return {
      measurements: [],
      invalidRows,
      problem: `${file} is not a CodeCarbon emissions file: it lacks the columns ${REQUIRED.join(', ')}`,
    };
  }
  let records: Array<{ record: Record<string, string>; info: { lines: number; error?: Error } }>;
  try {
    records = parse<(typeof records)[number]>(clean, {
      columns: true,
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
      trim: true,
    });
  } catch (e) {
    // An unterminated quote or similar: say where, keep nothing rather than half a file.
    return { measurements: [], invalidRows, problem: `${file} could not be read as CSV: ${(e as Error).message}` };
  }
  const measurements: Measurement[] = [];
  for (const { record, info } of records) {
    const line = info.lines;
    if (info.error) {
      invalidRows.push({ line, reason: `${Object.keys(record).length} columns where the header has more` });
      continue;
    }
    const numbers = REQUIRED.map((column) => [column, readNumber(record[column], MAX_VALUE[column])] as const);
    const bad = numbers.find(([, v]) => v === null);
    if (bad) {
      const shown = String(record[bad[0]] ?? '');
      invalidRows.push({
        line,
        reason: `${bad[0]} is "${shown.length > 40 ? `${shown.slice(0, 40)}…` : shown}", not a number from 0 to ${MAX_VALUE[bad[0]]}`,
      });
      continue;
    }
    const [durationSeconds, emissionsKg, energyKWh] = numbers.map(([, v]) => v as number);
    if (durationSeconds === 0) {
      invalidRows.push({ line, reason: 'duration is 0 s' });
      continue;
    }
    const { model, count } = readGpu(record.gpu_model, record.gpu_count);
    const pue = record.pue !== undefined && record.pue.length <= 20 ? Number(record.pue) : NaN;
    measurements.push({
      kind: 'codecarbon',
      file,
      line,
      projectName: text0(record.project_name),
      runId: text0(record.run_id),
      timestamp: text0(record.timestamp),
      durationHours: durationSeconds / 3600,
      co2eKg: emissionsKg,
      energyKWh,
      pue: Number.isFinite(pue) && pue >= 1 && pue <= 3 ? pue : null,
      gpuModel: model,
      gpuCount: count,
      acceleratorId: model ? (findAccelerator(stripVendor(model))?.id ?? null) : null,
      location:
        text0(record.cloud_region) ??
        text0(record.region) ??
        text0(record.country_iso_code) ??
        text0(record.country_name),
    });
  }
  const problem =
    measurements.length === 0
      ? `${file} has no usable rows${invalidRows.length ? ` (${invalidRows.length} malformed)` : ''}`
      : null;
  return { measurements, invalidRows, problem };
}

function readNumber(v: string | undefined, max: number): number | null {
  if (v === undefined || v.trim() === '' || v.length > 40) return null;
  const n = Number(v);
  return Number.isFinite(n) && n >= 0 && n <= max ? n : null;
}

function text0(v: string | undefined): string | null {
  // Names, ids and places are short; a huge cell is not one of them.
  const t = v === undefined || v.length > 1000 ? undefined : v.trim();
  return t && t.toLowerCase() !== 'nan' && t.toLowerCase() !== 'none' ? t : null;
}

/**
 * CodeCarbon writes gpu_model as "8 x NVIDIA A100-SXM4-80GB" (older: a plain name; Apple GPUs without a
 * count; a machine with mixed GPUs as "4 x NVIDIA A40 1 x NVIDIA A100 80GB PCIe"). Mixed GPUs have no
 * single model; their count is the sum.
 */
function readGpu(
  modelText: string | undefined,
  countText: string | undefined,
): { model: string | null; count: number | null } {
  const text = text0(modelText);
  const raw = text && text.length <= MAX_GPU_MODEL_LENGTH ? text : null;
  const groups = raw ? [...raw.matchAll(/(\d+)\s*x\s+(.+?)(?=\s*\d+\s*x\s+|$)/gi)] : [];
  const models = new Set(groups.map((g) => g[2].trim()));
  const model = groups.length === 0 ? raw : models.size === 1 ? [...models][0] : null;
  const n = countText !== undefined && countText.length <= 20 ? Number(countText) : NaN;
  const counted = groups.reduce((sum, g) => sum + Number(g[1]), 0);
  const count =
    Number.isInteger(n) && n > 0 && n <= MAX_GPUS
      ? n
      : Number.isInteger(counted) && counted > 0 && counted <= MAX_GPUS
        ? counted
        : null;
  return { model, count };
}

/** "NVIDIA A100-SXM4-80GB" → "A100-SXM4-80GB", "Tesla V100-SXM2-16GB" → "V100-SXM2-16GB". */
function stripVendor(model: string): string {
  const cleaned = model.replace(/^(NVIDIA\s+)?(Tesla\s+|GeForce\s+)?/i, '').trim();
  return findAccelerator(cleaned) ? cleaned : cleaned.replace(/-(PCIE|SXM\d?)-?\d*GB$/i, '').replace(/\s+\d+GB$/i, '');
}
