import type { AnalyzedRun } from '../analyze';
import type { Fact } from '../facts';
import type { Measurement } from './measurement';

/**
 * Pairs measured runs with the runs the scan found, using only what ties them
 * explicitly: a CodeCarbon project name the script sets (or a `project=`
 * directive), else measurements in the script's own folder when that folder
 * holds one run. Anything looser would compare unrelated runs.
 */

export interface MeasuredComparison {
  /** The measurement compared: the latest of the matching rows. */
  readonly measurement: Measurement;
  /** How many rows matched (a script run several times leaves several). */
  readonly rows: number;
  /** Why this measurement belongs to this run, for people. */
  readonly matchedBy: string;
  /** Estimate ÷ measurement, on what both count; null where the measurement lacks the figure. */
  readonly co2eRatio: number | null;
  readonly energyRatio: number | null;
  readonly hoursRatio: number | null;
}

export interface RunToMatch {
  /** Absolute POSIX path of the run's file. */
  readonly path: string;
  readonly analyzed: AnalyzedRun;
  /** Facts of the run's file (project names come from them). */
  readonly facts: readonly Fact[];
}

export interface MeasurementSet {
  /** Absolute POSIX path of the measurement file. */
  readonly path: string;
  readonly measurements: readonly Measurement[];
}

const dirOf = (p: string) => p.slice(0, p.lastIndexOf('/'));
const stemOf = (p: string) => p.slice(p.lastIndexOf('/') + 1).replace(/\.[^.]+$/, '');

/** CodeCarbon's own default project name says nothing about which script wrote the row. */
const DEFAULT_PROJECT = 'codecarbon';

export function projectNamesOf(facts: readonly Fact[]): string[] {
  return [
    ...new Set(
      facts.filter((f) => f.kind === 'tracking.project' && typeof f.value === 'string').map((f) => f.value as string),
    ),
  ];
}

export function matchMeasurements(
  runs: readonly RunToMatch[],
  sets: readonly MeasurementSet[],
): Array<MeasuredComparison | null> {
  const runsPerDir = new Map<string, number>();
  for (const r of runs) runsPerDir.set(dirOf(r.path), (runsPerDir.get(dirOf(r.path)) ?? 0) + 1);
  const all = sets.flatMap((s) => s.measurements.map((m) => ({ m, dir: dirOf(s.path) })));
  return runs.map((r) => {
    const projects = projectNamesOf(r.facts).filter((p) => p !== DEFAULT_PROJECT);
    if (projects.length > 0) {
      const rows = all
        .filter((x) => x.m.kind === 'codecarbon' && x.m.projectName !== null && projects.includes(x.m.projectName))
        .map((x) => x.m);
      return rows.length
        ? compare(r.analyzed, rows, `CodeCarbon project "${rows[rows.length - 1].projectName}" set in the script`)
        : null;
    }
    const dir = dirOf(r.path);
    const here = all.filter((x) => x.dir === dir).map((x) => x.m);
    const tracked = here.filter((m) => m.kind === 'codecarbon');
    const byStem = tracked.filter((m) => m.projectName === stemOf(r.path));
    if (byStem.length)
      return compare(r.analyzed, byStem, `CodeCarbon project "${stemOf(r.path)}" is the script's name`);
    if (runsPerDir.get(dir) !== 1) return null;
    // Rows named for another project belong to that project, not to this folder's run.
    const unnamed = tracked.filter((m) => m.projectName === null || m.projectName === DEFAULT_PROJECT);
    if (unnamed.length) return compare(r.analyzed, unnamed, 'CodeCarbon file in the same folder');
    const cards = here.filter((m) => m.kind === 'model-card');
    if (cards.length) return compare(r.analyzed, cards, 'model card in the same folder');
    return null;
  });
}

/**
 * One row per run: CodeCarbon can flush a long run several times under one run_id, each row holding the
 * running totals, so the last row of a run_id is the run (summing would double-count).
 */
export function onePerRun(rows: readonly Measurement[]): Measurement[] {
  const byRun = new Map<string, Measurement>();
  const out: Measurement[] = [];
  for (const m of rows) {
    if (m.runId === null) out.push(m);
    else byRun.set(`${m.file}\u0000${m.runId}`, m);
  }
  return [...out, ...byRun.values()];
}

function latest(rows: readonly Measurement[]): Measurement {
  // ISO timestamps sort as text; rows without one keep file order.
  return [...rows].sort((a, b) => (a.timestamp ?? '').localeCompare(b.timestamp ?? ''))[rows.length - 1];
}

function ratio(estimated: number, measured: number | null): number | null {
  return measured !== null && measured > 0 && estimated > 0 ? estimated / measured : null;
}

/** What the estimate and the measurement both count. */
export function compare(analyzed: AnalyzedRun, allRows: readonly Measurement[], matchedBy: string): MeasuredComparison {
  const rows = onePerRun(allRows);
  const m = latest(rows);
  const e = analyzed.estimate;
  // Trackers measure operational emissions and IT energy (times their own PUE when they apply one).
  const itKWh = e.breakdown.acceleratorKWh + e.breakdown.hostKWh;
  const measuredAccelerators = m.gpuCount ?? analyzed.run.hardware.count;
  return {
    measurement: m,
    rows: rows.length,
    matchedBy,
    co2eRatio: ratio(e.operationalCo2eKg, m.co2eKg),
    energyRatio: ratio(itKWh * (m.pue ?? 1), m.energyKWh),
    hoursRatio: ratio(e.acceleratorHours, m.durationHours !== null ? m.durationHours * measuredAccelerators : null),
  };
}
