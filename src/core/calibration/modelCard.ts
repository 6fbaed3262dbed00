import { parseDocument } from 'yaml';
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
  const doc = parseDocument(m[1], { uniqueKeys: false });
  if (doc.errors.length > 0) {
    return { measurement: null, problem: `${file}: the model card's YAML front matter does not parse (${doc.errors[0].message.split('\n')[0]})` };
  }
  const data: unknown = doc.toJS();
  if (typeof data !== 'object' || data === null) return { measurement: null, problem: null };
  const raw = (data as Record<string, unknown>).co2_eq_emissions;
  const line = 1 + 1 + m[1].split('\n').findIndex((l) => /^co2_eq_emissions\s*:/.test(l));
  const fields = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : { emissions: raw };
  const grams = typeof fields.emissions === 'number' ? fields.emissions : typeof fields.emissions === 'string' ? Number(fields.emissions) : NaN;
  if (!Number.isFinite(grams) || grams < 0) {
    return { measurement: null, problem: `${file}: co2_eq_emissions.emissions is ${JSON.stringify(fields.emissions)}, not a number of grams` };
  }
  const str = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : typeof v === 'number' ? String(v) : null);
  const noteParts = [str(fields.source) && `source: ${str(fields.source)}`, str(fields.training_type) && `training type: ${str(fields.training_type)}`].filter(Boolean);
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
