import type { AnalyzedRun } from '../analyze';
import { formatParams } from '../advise/suggest';
import { drivingEquivalent } from './equivalents';
import { formatCo2e, formatEnergy, formatHours, sig } from './format';
import type { PanelViewModel } from './panelMessages';

export type { PanelViewModel } from './panelMessages';

/**
 * What the "Estimate This Run" panel shows for a run: plain data, computed in
 * the core so it is tested without a webview and validated when it crosses
 * into one.
 */

function valueText(v: string | number | boolean | null): string {
  if (v === null) return 'unknown';
  if (typeof v === 'number') return Math.abs(v) >= 1e6 ? v.toExponential(2) : sig(v);
  return String(v);
}

export function buildPanelViewModel(file: string, analyzed: AnalyzedRun): PanelViewModel {
  const { run, estimate } = analyzed;
  const ci = run.datacenter.intensityGPerKWh / 1000;
  const eq = drivingEquivalent(estimate.co2eKg);
  const modelText = run.model.name ?? `${formatParams(run.model.params)}-parameter model`;
  return {
    title: `${modelText} · ${run.mode}`,
    file,
    line: analyzed.range.startLine,
    summary: `${run.hardware.count}× ${run.hardware.accelerator.displayName} in ${run.hardware.region.displayName}, ${run.training.precision}`,
    headline: {
      co2e: formatCo2e(estimate.co2eKg),
      co2eRange: `${formatCo2e(estimate.co2eKgLow)} – ${formatCo2e(estimate.co2eKgHigh)}`,
      co2eKg: estimate.co2eKg,
      energy: formatEnergy(estimate.energyKWh),
      acceleratorHours: `${sig(estimate.acceleratorHours)} ${run.hardware.accelerator.id}-h`,
      wallClock: formatHours(estimate.wallClockHours),
      equivalent: eq.text,
      equivalentSource: eq.source,
    },
    breakdown: [
      { label: 'Accelerators', co2eKg: estimate.breakdown.acceleratorKWh * ci, energyKWh: estimate.breakdown.acceleratorKWh },
      { label: 'Host CPU & memory', co2eKg: estimate.breakdown.hostKWh * ci, energyKWh: estimate.breakdown.hostKWh },
      { label: 'Datacenter overhead (PUE)', co2eKg: estimate.breakdown.pueOverheadKWh * ci, energyKWh: estimate.breakdown.pueOverheadKWh },
      { label: 'Embodied (manufacturing)', co2eKg: estimate.embodiedCo2eKg, energyKWh: null },
    ],
    assumptions: run.assumptions.map((a) => ({
      field: a.field,
      value: valueText(a.value),
      source: a.source,
      detail: a.detail,
      line: a.range ? a.range.startLine : null,
    })),
    unknowns: run.unknowns.map((u) => u.detail),
    suggestions: analyzed.suggestions.map((s) => ({
      kind: s.kind,
      title: s.title,
      saved: formatCo2e(s.co2eKgSaved),
      savedPercent: Math.round(s.savedFraction * 100),
      tradeoff: s.tradeoff,
    })),
  };
}

/** The short text of an inlay hint or status: `≈ 0.04 A100-h · 28 Wh · 14 g CO2e`. */
export function inlineSummary(analyzed: AnalyzedRun): string {
  const e = analyzed.estimate;
  const accel = analyzed.run.hardware.accelerator.id.split('-')[0];
  return `≈ ${sig(e.acceleratorHours)} ${accel}-h · ${formatEnergy(e.energyKWh)} · ${formatCo2e(e.co2eKg)} CO2e`;
}
