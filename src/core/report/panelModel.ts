import { isIncomplete, missingLines, needsText } from './incomplete';
import type { AnalyzedRun } from '../analyze';
import type { CliMeasured } from './cliSchema';
import { formatParams } from '../advise/suggest';
import { equivalents } from './equivalents';
import { allAccelerators, allRegions } from '../knowledge';
import { defaultRequestsNote, formatCo2e, formatEnergy, formatHours, requestWord, sig } from './format';
import type { PanelViewModel } from './panelMessages';
import { deploymentBlock, type TrainingReference } from './deployment';

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

/** Estimate and measurement side by side, on what both count (operational CO2e, IT energy, time). */
function measuredBlock(analyzed: AnalyzedRun, m: CliMeasured): NonNullable<PanelViewModel['measured']> {
  const e = analyzed.estimate;
  const ratio = (r: number | null) => (r === null ? '—' : `×${r.toFixed(2)}`);
  const rows: NonNullable<PanelViewModel['measured']>['rows'] = [
    {
      label: 'Operational CO2e',
      estimated: formatCo2e(e.operationalCo2eKg),
      measured: formatCo2e(m.co2eKg),
      ratio: ratio(m.ratio.co2e),
    },
  ];
  if (m.energyKWh !== null)
    rows.push({
      label: 'Energy (IT, as the tracker counts it)',
      estimated: formatEnergy(e.breakdown.acceleratorKWh + e.breakdown.hostKWh),
      measured: formatEnergy(m.energyKWh),
      ratio: ratio(m.ratio.energy),
    });
  if (m.durationHours !== null)
    rows.push({
      label: 'Wall-clock',
      estimated: formatHours(e.wallClockHours),
      measured: formatHours(m.durationHours),
      ratio: ratio(m.ratio.hours),
    });
  return {
    source:
      m.source === 'codecarbon'
        ? `CodeCarbon${m.timestamp ? `, ${m.timestamp}` : ''}${m.rows > 1 ? ` (latest of ${m.rows} rows)` : ''}`
        : 'model card co2_eq_emissions',
    location: `${m.file}:${m.line}`,
    matchedBy: m.matchedBy,
    rows,
  };
}

/**
 * `training`: for an inference run, the training to set a year of serving beside (a training run of the same
 * model in the workspace, or a compute-optimal pre-training estimate); null leaves the comparison out.
 */
export function buildPanelViewModel(
  file: string,
  analyzed: AnalyzedRun,
  whatIf = false,
  measured: CliMeasured | null = null,
  training: TrainingReference | null = null,
): PanelViewModel {
  const { run, estimate } = analyzed;
  const ci = run.datacenter.intensityGPerKWh / 1000;
  const eqs = equivalents(estimate.co2eKg, estimate.energyKWh);
  const eq = eqs[0];
  const modelText = run.model.name ?? `${formatParams(run.model.params)}-parameter model`;
  // An inference total for the default request count says so beside the figure, as the CLI and the report do.
  const perRequests = defaultRequestsNote(run.assumptions);
  return {
    title: `${modelText} · ${run.mode}`,
    file,
    line: analyzed.range.startLine,
    summary: `${run.hardware.count}× ${run.hardware.accelerator.displayName} in ${run.hardware.region.displayName}, ${run.training.precision}${analyzed.trial ? ` · one of ${analyzed.trial.of} runs (${analyzed.trial.detail})` : ''}`,
    headline: {
      co2e: formatCo2e(estimate.co2eKg),
      co2eRange: `${formatCo2e(estimate.co2eKgLow)} – ${formatCo2e(estimate.co2eKgHigh)}`,
      co2eKg: estimate.co2eKg,
      energy: formatEnergy(estimate.energyKWh),
      acceleratorHours: `${sig(estimate.acceleratorHours)} ${run.hardware.accelerator.id}-h`,
      wallClock: formatHours(estimate.wallClockHours),
      equivalent: eq.text,
      equivalentSource: eq.source,
      equivalents: eqs.map((e) => ({ text: e.text, source: e.source })),
      ...(perRequests ? { per: perRequests } : {}),
    },
    ...(isIncomplete(run) ? { needs: { text: needsText(run), lines: missingLines(run) } } : {}),
    breakdown: [
      {
        label: 'Accelerators',
        co2eKg: estimate.breakdown.acceleratorKWh * ci,
        energyKWh: estimate.breakdown.acceleratorKWh,
      },
      { label: 'Host CPU & memory', co2eKg: estimate.breakdown.hostKWh * ci, energyKWh: estimate.breakdown.hostKWh },
      {
        label: 'Datacenter overhead (PUE)',
        co2eKg: estimate.breakdown.pueOverheadKWh * ci,
        energyKWh: estimate.breakdown.pueOverheadKWh,
      },
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
      // Quick fixes edit the code as written: not offered while the panel shows a what-if.
      fixTitle: !whatIf && s.fix ? s.fix.title : null,
    })),
    comparison: [
      { label: whatIf ? 'This run (what-if)' : 'This run', co2eKg: estimate.co2eKg },
      ...analyzed.suggestions.map((s) => ({ label: s.title, co2eKg: Math.max(0, estimate.co2eKg - s.co2eKgSaved) })),
    ],
    inputs: {
      accelerator: run.hardware.accelerator.id,
      count: run.hardware.count,
      region: run.hardware.region.id,
      pue: run.datacenter.pue,
      mfu: run.mfu.central,
      epochs: run.training.epochs,
      steps: run.training.steps,
      tokens: run.training.tokens,
      precision: run.training.precision,
      model: run.model.name,
      ...(run.inference
        ? {
            serving: true,
            requestsPerDay: run.inference.requestsPerDay,
            days: run.inference.days,
            concurrency: run.inference.concurrency,
            outputTokens: run.inference.forwardPass ? null : run.inference.outputTokens,
          }
        : {}),
    },
    choices: {
      accelerators: allAccelerators().map((a) => a.id),
      regions: allRegions().map((r) => ({
        id: r.id,
        label: `${r.displayName} (${Math.round(r.gridIntensityGPerKWh)} g/kWh)`,
      })),
      precisions: ['fp32', 'tf32', 'fp16', 'bf16', 'fp8'],
    },
    whatIf,
    regionNotice: run.regionIsDefault
      ? {
          text: `Region not set: the world-average grid (${Math.round(run.datacenter.intensityGPerKWh)} g CO2e/kWh) is used. Set your region to see what your grid emits and whether moving would help.`,
          setting: 'greenAI.region',
        }
      : null,
    deployment: deploymentBlock(analyzed, training),
    measured: measured && !whatIf ? measuredBlock(analyzed, measured) : null,
  };
}

/** Hugging Face model-card metadata (`co2_eq_emissions`), to paste into a README's YAML header. */
export function modelCardBlock(file: string, analyzed: AnalyzedRun): string {
  const { run, estimate } = analyzed;
  const trainingType =
    run.mode === 'pretrain'
      ? 'pre-training'
      : run.mode === 'inference'
        ? 'inference'
        : run.mode === 'unknown'
          ? 'training (mode unknown)'
          : 'fine-tuning';
  const q = (s: string) => JSON.stringify(s);
  return [
    'co2_eq_emissions:',
    `  emissions: ${Number((estimate.co2eKg * 1000).toPrecision(3))}`,
    `  source: ${q(`Green AI estimate from ${file} before training (range ${formatCo2e(estimate.co2eKgLow)}–${formatCo2e(estimate.co2eKgHigh)})`)}`,
    `  training_type: ${q(trainingType)}`,
    `  geographical_location: ${q(run.hardware.region.displayName)}`,
    `  hardware_used: ${q(`${run.hardware.count} x ${run.hardware.accelerator.displayName}`)}`,
    '',
  ].join('\n');
}

/** The short text of an inlay hint or status: `≈ 0.04 A100-h · 28 Wh · 14 g CO2e`. */
export function inlineSummary(analyzed: AnalyzedRun): string {
  const e = analyzed.estimate;
  // Serving is priced per request (and per day of a deployment), not as one job's total.
  const inf = e.inference;
  if (inf) {
    const perDay = inf.perDay ? ` · ${formatEnergy(inf.perDay.energyKWh)}/day` : '';
    return `≈ ${formatEnergy(inf.perRequest.energyWh / 1000)} · ${formatCo2e(inf.perRequest.co2eG / 1000)} CO2e per ${requestWord(inf)}${perDay}`;
  }
  const accel = analyzed.run.hardware.accelerator.id.split('-')[0];
  return `≈ ${sig(e.acceleratorHours)} ${accel}-h · ${formatEnergy(e.energyKWh)} · ${formatCo2e(e.co2eKg)} CO2e`;
}
