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
  const incomplete = run.missing.length > 0;
  const figure = (x: number) => (incomplete ? null : x);
  // The input that is missing is null, not the placeholder the estimate was worked with: the model's size, or the
  // run's length (its epochs, steps and the tokens and samples they make).
  const sizeUnknown = run.missing.some((m) => m.field === 'model.params');
  const lengthUnknown = run.missing.some((m) => m.field === 'training.length');
  const length = (x: number | null) => (lengthUnknown ? null : x);
  return {
    file,
    range: {
      startLine: range.startLine + 1,
      endLine: range.endLine + 1,
      ...(range.cell !== undefined ? { cell: range.cell } : {}),
    },
    model: { name: run.model.name, params: sizeUnknown ? null : run.model.params, source: run.model.source },
    training: {
      mode: run.mode,
      epochs: length(run.training.epochs),
      steps: length(run.training.steps),
      tokens: length(run.training.tokens),
      samples: length(run.training.samples),
      precision: run.training.precision,
      ...(run.training.computePrecision !== run.training.precision
        ? { computePrecision: run.training.computePrecision }
        : {}),
    },
    hardware: {
      accelerator: run.hardware.accelerator.id,
      count: run.hardware.count,
      region: run.hardware.region.id,
      ...(run.regionIsDefault ? { regionIsDefault: true } : {}),
    },
    estimate: {
      flops: figure(estimate.flops),
      acceleratorHours: figure(estimate.acceleratorHours),
      wallClockHours: figure(estimate.wallClockHours),
      energyKWh: figure(estimate.energyKWh),
      co2eKg: figure(estimate.co2eKg),
      co2eKgLow: figure(estimate.co2eKgLow),
      co2eKgHigh: figure(estimate.co2eKgHigh),
      operationalCo2eKg: figure(estimate.operationalCo2eKg),
      embodiedCo2eKg: figure(estimate.embodiedCo2eKg),
      ...(estimate.inference && !incomplete
        ? {
            inference: {
              engine: estimate.inference.engine,
              regime: estimate.inference.regime,
              concurrency: estimate.inference.concurrency,
              configuredConcurrency: estimate.inference.configuredConcurrency,
              devicesPerReplica: estimate.inference.devicesPerReplica,
              replicas: estimate.inference.replicas,
              fits: estimate.inference.fits,
              outputTokensPerSecond: estimate.inference.outputTokensPerSecond,
              ...(estimate.inference.forwardPass ? { forwardPass: estimate.inference.forwardPass } : {}),
              perRequest: {
                energyWh: estimate.inference.perRequest.energyWh,
                energyWhLow: estimate.inference.perRequest.energyWhLow,
                energyWhHigh: estimate.inference.perRequest.energyWhHigh,
                co2eG: estimate.inference.perRequest.co2eG,
              },
              per1kRequests: estimate.inference.per1kRequests,
              perDay: estimate.inference.perDay,
              deployment: estimate.inference.deployment,
            },
          }
        : {}),
    },
    incomplete,
    missing: run.missing.map((m) => ({ field: m.field, detail: m.detail, howToSet: m.howToSet })),
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
          range: {
            startLine: e.range.startLine + 1,
            startColumn: e.range.startCol + 1,
            endLine: e.range.endLine + 1,
            endColumn: e.range.endCol + 1,
          },
          newText: e.newText,
        })),
      },
    })),
  };
}
