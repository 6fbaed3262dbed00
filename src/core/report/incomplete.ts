import type { ResolvedRun } from '../resolve/completeRun';

/**
 * How the surfaces speak of a run that cannot be estimated yet (its model size or its length is unknown): what is
 * missing and how to set it, never a placeholder figure presented as a reading.
 */

const SHORT: Record<string, string> = { 'model.params': 'model size', 'training.length': 'run length' };

export function isIncomplete(run: Pick<ResolvedRun, 'missing'>): boolean {
  return run.missing.length > 0;
}

/** `needs the model size`, for hints, lenses and the report. */
export function needsText(run: Pick<ResolvedRun, 'missing'>): string {
  const what = [...new Set(run.missing.map((m) => SHORT[m.field] ?? m.field))];
  return `needs the ${what.join(' and the ')}`;
}

/** One line per missing input: what could not be read and how to set it. */
export function missingLines(run: Pick<ResolvedRun, 'missing'>): string[] {
  return run.missing.map((m) => `${m.detail}; to estimate it, ${m.howToSet}`);
}
