import { looksLikeCodeCarbonHeader, parseCodeCarbonCsv } from './codecarbon';
import type { Measurement } from './measurement';
import { parseModelCard } from './modelCard';

/** One measurement file as read: what it holds and what could not be read in it. */
export interface MeasurementFile {
  /** Absolute POSIX path. */
  readonly path: string;
  readonly display: string;
  readonly measurements: Measurement[];
  /** Readable problems (a whole-file problem or one per malformed row). */
  readonly problems: string[];
}

/**
 * Reads a CodeCarbon CSV or a model card. Returns undefined for files that are
 * simply not measurements (a README without emissions, an unrelated CSV), so
 * they neither appear nor complain.
 */
export function readMeasurements(path: string, display: string, text: string): MeasurementFile | undefined {
  if (/\.md$/i.test(path)) {
    const card = parseModelCard(text, display);
    if (!card.measurement && !card.problem) return undefined;
    return {
      path,
      display,
      measurements: card.measurement ? [card.measurement] : [],
      problems: card.problem ? [card.problem] : [],
    };
  }
  const firstLine = text.replace(/^\uFEFF/, '').split('\n', 1)[0];
  if (text.trim() !== '' && !looksLikeCodeCarbonHeader(firstLine)) return undefined;
  const parsed = parseCodeCarbonCsv(text, display);
  const problems = [
    ...(parsed.problem ? [parsed.problem] : []),
    ...parsed.invalidRows.map((r) => `${display}:${r.line}: row skipped: ${r.reason}`),
  ];
  return { path, display, measurements: parsed.measurements, problems };
}
