import { parseDocument } from 'yaml';
import { configNestingDepth, MAX_CONFIG_DEPTH } from '../extract/config/nesting';
import type { Measurement } from './measurement';

/**
 * Hugging Face model cards (README.md with YAML front matter) may carry
 * `co2_eq_emissions`: either a number, or a mapping with `emissions` plus
 * `source`, `training_type`, `geographical_location` and `hardware_used`.
 * The Hub documents `emissions` in grams of CO2eq; it is converted to kg here.
 */

export interface ModelCardResult {
  /** null when the card has no emissions figure (not a problem) or it could not be read (see problem). */
  readonly measurement: Measurement | null;
  readonly problem: string | null;
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\s*(\r?\n|$)/;

export function parseModelCard(text: string, file: string): ModelCardResult {
  const m = FRONT_MATTER.exec(text.replace(/^\uFEFF/, ''));
  if (!m || !/co2_eq_emissions/.test(m[1])) return { measurement: null, problem: null };
  if (configNestingDepth(m[1], MAX_CONFIG_DEPTH) > MAX_CONFIG_DEPTH)
    return {
      measurement: null,
      problem: `${file}: the model card's YAML front matter nests more than ${MAX_CONFIG_DEPTH} levels deep; it is not read`,
    };
  const doc = parseDocument(m[1], { uniqueKeys: false });
  if (doc.errors.length > 0) {
    return {
      measurement: null,
      problem: `${file}: the model card's YAML front matter does not parse (${doc.errors[0].message.split('\n')[0]})`,
    };
  }
  let data: unknown;
  try {
    // Aliases are expanded with a cap: a front matter of nested aliases (an alias bomb) is refused, not expanded.
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    return {
      measurement: null,
      problem: `${file}: the model card's YAML front matter cannot be read (${(e as Error).message.split('\n')[0].slice(0, 120)})`,
    };
  }
  if (typeof data !== 'object' || data === null) return { measurement: null, problem: null };
  const raw = (data as Record<string, unknown>).co2_eq_emissions;
  const line = 1 + 1 + m[1].split('\n').findIndex((l) => /^co2_eq_emissions\s*:/.test(l));
  const fields =
    typeof raw === 'object' && raw !== null && !Array.isArray(raw)
      ? (raw as Record<string, unknown>)
      : { emissions: raw };
  const grams =
    typeof fields.emissions === 'number'
      ? fields.emissions
      : typeof fields.emissions === 'string' && fields.emissions.length <= 40
        ? Number(fields.emissions)
        : NaN;
  // Up to a million tonnes: past that, a figure is not a training run's.
  if (!Number.isFinite(grams) || grams < 0 || grams > 1e12) {
    const shown = JSON.stringify(fields.emissions) ?? String(fields.emissions);
    return {
      measurement: null,
      problem: `${file}: co2_eq_emissions.emissions is ${shown.length > 60 ? `${shown.slice(0, 60)}…` : shown}, not a number of grams (0 to 1e12)`,
    };
  }
  const str = (v: unknown) =>
    typeof v === 'string' && v.trim() !== ''
      ? v.trim().slice(0, 300)
      : typeof v === 'number' && Number.isFinite(v)
        ? String(v)
        : null;
  const noteParts = [
    str(fields.source) && `source: ${str(fields.source)}`,
    str(fields.training_type) && `training type: ${str(fields.training_type)}`,
  ].filter(Boolean);
  const name = str((data as Record<string, unknown>).model_name) ?? str((data as Record<string, unknown>).model_id);
  return {
    measurement: {
      kind: 'model-card',
      file,
      line,
      projectName: name,
      runId: null,
      timestamp: null,
      durationHours: null,
      co2eKg: grams / 1000,
      energyKWh: null,
      pue: null,
      gpuModel: str(fields.hardware_used),
      gpuCount: null,
      acceleratorId: null,
      location: str(fields.geographical_location),
      ...(noteParts.length ? { note: noteParts.join('; ') } : {}),
    },
    problem: null,
  };
}
