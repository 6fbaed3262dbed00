import { z } from 'zod';
import type { AnalyzedRun } from '../analyze';
import type { MeasuredComparison } from '../calibration/match';
import type { SourceRange } from '../facts';
import type { CliRun } from './cliSchema';
import { toCliRun } from './toCli';

/**
 * A run in the CLI contract's shape plus where its deciding facts are written
 * (1-based, columns in UTF-16 units): what SARIF locations and the diff's
 * "why" point at. The CLI run alone keeps only its lines.
 */

export const SourceLocationSchema = z.object({
  /** Relative to the scanned folder, as the CLI shows it. */
  file: z.string(),
  startLine: z.number().int().positive(),
  startColumn: z.number().int().positive(),
  endLine: z.number().int().positive(),
  endColumn: z.number().int().positive(),
  /** Notebooks: 0-based cell index; lines count within that cell. */
  cell: z.number().int().nonnegative().optional(),
});
export type SourceLocation = z.infer<typeof SourceLocationSchema>;

export const RunLocationsSchema = z.object({
  /** The trainer, loop, fit or launch command. */
  launch: SourceLocationSchema.nullable(),
  /** The model load. */
  model: SourceLocationSchema.nullable(),
  /** The epochs or steps. */
  size: SourceLocationSchema.nullable(),
});
export type RunLocations = z.infer<typeof RunLocationsSchema>;

/** Where one input of the estimate is written: a range in the run's file, or only the linked file that set it. */
export interface InputOrigin {
  readonly file: string;
  readonly location: SourceLocation | null;
}

export interface LocatedRun {
  readonly cli: CliRun;
  readonly locations: RunLocations;
  /** By assumption field (first occurrence, as the estimate uses it): where the value is written. */
  readonly origins: ReadonlyMap<string, InputOrigin>;
  /** Display paths of the other files this run drew facts from (a launched script, a named config). */
  readonly linkedFiles: readonly string[];
  /** 0-based position among the runs of its file. */
  readonly index: number;
}

/** Columns past the end of a line (a notebook cell clipped to its end) are clamped to something a viewer accepts. */
const MAX_COLUMN = 100_000;

export function toLocation(file: string, r: SourceRange): SourceLocation {
  const column = (c: number) => Math.min(MAX_COLUMN, Math.max(1, c + 1));
  const startLine = r.startLine + 1;
  const endLine = Math.max(startLine, r.endLine + 1);
  const startColumn = column(r.startCol);
  const endColumn = endLine === startLine ? Math.max(startColumn, column(r.endCol)) : column(r.endCol);
  return { file, startLine, startColumn, endLine, endColumn, ...(r.cell !== undefined ? { cell: r.cell } : {}) };
}

export function locateRun(
  display: string,
  analyzed: AnalyzedRun,
  index: number,
  linkedFiles: readonly string[] = [],
  measured?: MeasuredComparison | null,
): LocatedRun {
  const at = (r: SourceRange | undefined) => (r ? toLocation(display, r) : null);
  const origins = new Map<string, InputOrigin>();
  for (const a of analyzed.run.assumptions) {
    if (origins.has(a.field)) continue;
    if (a.range) origins.set(a.field, { file: display, location: toLocation(display, a.range) });
    else if (a.file) origins.set(a.field, { file: a.file, location: null });
  }
  return {
    cli: toCliRun(display, analyzed, measured),
    locations: {
      launch: at(analyzed.anchors.launch ?? analyzed.range),
      model: at(analyzed.anchors.model),
      size: at(analyzed.anchors.size),
    },
    origins,
    linkedFiles,
    index,
  };
}
