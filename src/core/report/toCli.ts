import type { AnalyzedRun } from '../analyze';
import type { MeasuredComparison } from '../calibration/match';
import type { CliMeasured, CliRun } from './cliSchema';

/** Maps an analysed run onto the CLI contract's shape (1-based lines). */
export function toCliMeasured(c: MeasuredComparison): CliMeasured {
  const m = c.measurement;
  return {
    source: m.kind,
    file: m.file,
    line: m.line,
    matchedBy: c.matchedBy,
    rows: c.rows,
    timestamp: m.timestamp,
    co2eKg: m.co2eKg,
    energyKWh: m.energyKWh,
    durationHours: m.durationHours,
    ratio: { co2e: c.co2eRatio, energy: c.energyRatio, hours: c.hoursRatio },
  };
}

/** `measured`: undefined leaves the field out (spec runs); null says nothing matched. */
export function toCliRun(file: string, analyzed: AnalyzedRun, measured?: MeasuredComparison | null): CliRun {
  const { run, estimate, suggestions, range } = analyzed;
  return {
    file,
    range: { startLine: range.startLine + 1, endLine: range.endLine + 1, ...(range.cell !== undefined ? { cell: range.cell } : {}) },
    model: { name: run.model.name, params: run.model.params, source: run.model.source },
    training: {
      mode: run.mode,
      epochs: run.training.epochs,
      steps: run.training.steps,
      tokens: run.training.tokens,
      samples: run.training.samples,
      precision: run.training.precision,
    },
    hardware: { accelerator: run.hardware.accelerator.id, count: run.hardware.count, region: run.hardware.region.id },
    estimate: {
      flops: estimate.flops,
      acceleratorHours: estimate.acceleratorHours,
      wallClockHours: estimate.wallClockHours,
      energyKWh: estimate.energyKWh,
      co2eKg: estimate.co2eKg,
      co2eKgLow: estimate.co2eKgLow,
      co2eKgHigh: estimate.co2eKgHigh,
      operationalCo2eKg: estimate.operationalCo2eKg,
      embodiedCo2eKg: estimate.embodiedCo2eKg,
    },
    ...(analyzed.trial ? { trials: { count: analyzed.trial.of, detail: analyzed.trial.detail } } : {}),
    ...(measured !== undefined ? { measured: measured && toCliMeasured(measured) } : {}),
    assumptions: run.assumptions.map((a) => ({ field: a.field, value: a.value, source: a.source, detail: a.detail })),
    suggestions: suggestions.map((s) => ({
      kind: s.kind,
      title: s.title,
      co2eKgSaved: s.co2eKgSaved,
      tradeoff: s.tradeoff,
      fix: s.fix && {
        title: s.fix.title,
        edits: s.fix.edits.map((e) => ({
          range: { startLine: e.range.startLine + 1, startColumn: e.range.startCol + 1, endLine: e.range.endLine + 1, endColumn: e.range.endCol + 1 },
          newText: e.newText,
        })),
      },
    })),
  };
}
