import type { CliMeasured, CliRun } from './cliSchema';
import { csvCell, markdownText } from './neutralise';

/** Human and Markdown renderings of runs, shared by the CLI, export and the panel. */

export function formatCo2e(kg: number | null): string {
  if (kg === null || !Number.isFinite(kg)) return '—';
  if (kg >= 1000) return `${sig(kg / 1000)} t`;
  if (kg >= 1) return `${sig(kg)} kg`;
  return `${sig(kg * 1000)} g`;
}

export function formatEnergy(kwh: number | null): string {
  if (kwh === null || !Number.isFinite(kwh)) return '—';
  if (kwh >= 1000) return `${sig(kwh / 1000)} MWh`;
  if (kwh >= 1) return `${sig(kwh)} kWh`;
  return `${sig(kwh * 1000)} Wh`;
}

export function formatHours(h: number | null): string {
  if (h === null || !Number.isFinite(h)) return '—';
  if (h >= 1) return `${sig(h)} h`;
  return `${sig(h * 60)} min`;
}

/** Two significant figures, no exponent: estimates are not more precise than that. */
export function sig(x: number): string {
  if (x === 0) return '0';
  const digits = Math.min(Math.max(0, 1 - Math.floor(Math.log10(Math.abs(x)))), 6);
  return numberFormat(digits).format(Number(x.toFixed(digits)));
}

/** One formatter per number of decimals: `toLocaleString` builds a new one on every call (a hot path for hints). */
const NUMBER_FORMATS = new Map<number, Intl.NumberFormat>();
function numberFormat(maximumFractionDigits: number): Intl.NumberFormat {
  let format = NUMBER_FORMATS.get(maximumFractionDigits);
  if (!format) {
    format = new Intl.NumberFormat('en-US', { maximumFractionDigits });
    NUMBER_FORMATS.set(maximumFractionDigits, format);
  }
  return format;
}

export function co2eRangeText(run: Pick<CliRun, 'estimate'>): string {
  const e = run.estimate;
  return `${formatCo2e(e.co2eKg)} CO2e (${formatCo2e(e.co2eKgLow)}–${formatCo2e(e.co2eKgHigh)})`;
}

/** `train.py:41`, or `notebook.ipynb cell 6:3` (cells numbered from 1, as Jupyter shows them). */
export function locationText(r: Pick<CliRun, 'file' | 'range'>): string {
  return r.range.cell !== undefined
    ? `${r.file} cell ${r.range.cell + 1}:${r.range.startLine}`
    : `${r.file}:${r.range.startLine}`;
}

/** "1.9 kg measured (CodeCarbon, 4.2 kWh, 3.1 h); estimate ×1.3" */
export function measuredText(m: CliMeasured): string {
  const what = [
    m.source === 'codecarbon' ? 'CodeCarbon' : 'model card',
    m.energyKWh !== null ? formatEnergy(m.energyKWh) : null,
    m.durationHours !== null ? formatHours(m.durationHours) : null,
  ]
    .filter(Boolean)
    .join(', ');
  return `${formatCo2e(m.co2eKg)} measured (${what})${m.ratio.co2e !== null ? `; estimate ÷ measured = ${m.ratio.co2e.toFixed(2)}` : ''}`;
}

/** Said once per report when some run's region was not read, instead of a region move on every run. */
export function regionNoticeText(runs: readonly Pick<CliRun, 'hardware'>[]): string | null {
  const n = runs.filter((r) => r.hardware.regionIsDefault).length;
  if (n === 0) return null;
  return `Region not set for ${n === runs.length ? (n === 1 ? 'this run' : 'these runs') : `${n} of ${runs.length} runs`}: the world-average grid intensity is used. Set it with the greenAI.region setting, --region, or a "# green-ai: region=FR" comment.`;
}

/**
 * An inference run whose request count is the default (the code states none) is a total for that many
 * requests, not for the run: said next to the figure, so a report's sums are not read as measured loads.
 */
export function defaultRequestsNote(
  assumptions: ReadonlyArray<{ readonly field: string; readonly source: string; readonly value: unknown }>,
): string | null {
  const requests = assumptions.find((a) => a.field === 'inference.requests');
  if (!requests || requests.source !== 'default' || typeof requests.value !== 'number') return null;
  const n = requests.value;
  const count = n >= 1e6 && n % 1e6 === 0 ? `${n / 1e6}M` : Math.round(n).toLocaleString('en-US');
  return `per ${count} requests (no count in the code)`;
}

/** What one request of a serving run is: a diffusion pipeline's call makes an image. */
export function requestWord(inf: { readonly forwardPass?: { readonly denoisingSteps?: number } }): string {
  return inf.forwardPass?.denoisingSteps !== undefined ? 'image' : 'request';
}

/** "0.15 Wh · 0.0093 g CO2e per request · 15 kWh per day (100,000 requests) · 5.5 MWh over 365 days" */
export function servingText(r: Pick<CliRun, 'estimate'>): string | null {
  const inf = r.estimate.inference;
  if (!inf) return null;
  const parts = [
    `${formatEnergy(inf.perRequest.energyWh / 1000)} · ${formatCo2e(inf.perRequest.co2eG / 1000)} CO2e per ${requestWord(inf)}`,
  ];
  if (inf.perDay)
    parts.push(
      `${formatEnergy(inf.perDay.energyKWh)} per day (${Math.round(inf.perDay.requests).toLocaleString('en-US')} requests)`,
    );
  if (inf.deployment)
    parts.push(
      `${formatEnergy(inf.deployment.energyKWh)} · ${formatCo2e(inf.deployment.co2eKg)} CO2e over ${sig(inf.deployment.days)} days`,
    );
  return parts.join(' · ');
}

/** Every value in Markdown output may come from a file: escaped so it stays text (see neutralise.ts). */
const escapeMd = markdownText;

/** How many identical runs a row stands for (a sweep), 1 otherwise. */
export function runsIn(r: Pick<CliRun, 'trials'>): number {
  return r.trials?.count ?? 1;
}

/** Sum of the central estimates, a sweep counting each of its runs. */
export function totalCo2eKg(runs: ReadonlyArray<Pick<CliRun, 'trials' | 'estimate'>>): number {
  return runs.reduce((s, r) => s + (r.estimate.co2eKg ?? 0) * runsIn(r), 0);
}

export function runsToMarkdown(runs: readonly CliRun[], title = 'Green AI estimate'): string {
  const lines = [`## ${title}`, ''];
  const showMeasured = runs.some((r) => r.measured !== undefined);
  if (runs.length === 0) {
    lines.push('No training or inference runs found.');
    return lines.join('\n') + '\n';
  }
  const estimated = runs.filter((r) => !r.incomplete);
  const waiting = runs.length - estimated.length;
  const total = totalCo2eKg(estimated);
  const count = estimated.reduce((n, r) => n + runsIn(r), 0);
  lines.push(
    `${count} run${count === 1 ? '' : 's'}, ${formatCo2e(total)} CO2e in total (central estimates)${waiting ? `; ${waiting} more need${waiting === 1 ? 's' : ''} input (model size unknown) and ${waiting === 1 ? 'is' : 'are'} not counted` : ''}.`,
    '',
  );
  const notice = regionNoticeText(runs);
  if (notice) lines.push(`> ${escapeMd(notice)}`, '');
  lines.push(
    `| File | Model | Mode | Hardware | Accelerator-hours | Energy | CO2e (range) |${showMeasured ? ' Measured |' : ''}`,
    `|---|---|---|---|---:|---:|---|${showMeasured ? '---|' : ''}`,
  );
  for (const r of runs) {
    const measured = showMeasured ? ` ${r.measured ? escapeMd(measuredText(r.measured)) : '—'} |` : '';
    const times = r.trials ? ` × ${r.trials.count} runs` : '';
    lines.push(
      `| ${escapeMd(locationText(r))} | ${escapeMd(r.model.name ?? 'unknown')} | ${escapeMd(r.training.mode)} | ${r.hardware.count ?? '?'}× ${escapeMd(r.hardware.accelerator ?? '?')} | ${sig(r.estimate.acceleratorHours ?? 0)} | ${formatEnergy(r.estimate.energyKWh)} | ${r.incomplete ? 'needs input: model size' : `${formatCo2e(r.estimate.co2eKg)} (${formatCo2e(r.estimate.co2eKgLow)}–${formatCo2e(r.estimate.co2eKgHigh)})${times}`} |${measured}`,
    );
  }
  const serving = runs.filter((r) => r.estimate.inference);
  if (serving.length > 0) {
    lines.push('', '### Serving', '');
    for (const r of serving) lines.push(`- **${escapeMd(locationText(r))}**: ${escapeMd(servingText(r) ?? '')}`);
  }
  const withSuggestions = runs.filter((r) => r.suggestions.length > 0);
  if (withSuggestions.length > 0) {
    lines.push('', '### Suggestions', '');
    for (const r of withSuggestions) {
      for (const s of r.suggestions)
        lines.push(
          `- **${escapeMd(r.file)}**: ${escapeMd(s.title)}: saves ${formatCo2e(s.co2eKgSaved)} CO2e. ${escapeMd(s.tradeoff)}`,
        );
    }
  }
  return lines.join('\n') + '\n';
}

/** One row per run entry; `runs` is how many identical runs the row stands for (a sweep), so totals are Σ co2eKg × runs. */
export function runsToCsv(runs: readonly CliRun[]): string {
  const header = [
    'file',
    'startLine',
    'endLine',
    'model',
    'params',
    'mode',
    'accelerator',
    'count',
    'region',
    'flops',
    'acceleratorHours',
    'wallClockHours',
    'energyKWh',
    'co2eKg',
    'co2eKgLow',
    'co2eKgHigh',
    'operationalCo2eKg',
    'embodiedCo2eKg',
    'measuredCo2eKg',
    'measuredEnergyKWh',
    'measuredHours',
    'measuredSource',
    'incomplete',
    'runs',
  ];
  const rows = runs.map((r) => [
    r.file,
    r.range.startLine,
    r.range.endLine,
    r.model.name,
    r.model.params,
    r.training.mode,
    r.hardware.accelerator,
    r.hardware.count,
    r.hardware.region,
    r.estimate.flops,
    r.estimate.acceleratorHours,
    r.estimate.wallClockHours,
    r.estimate.energyKWh,
    r.estimate.co2eKg,
    r.estimate.co2eKgLow,
    r.estimate.co2eKgHigh,
    r.estimate.operationalCo2eKg,
    r.estimate.embodiedCo2eKg,
    r.measured?.co2eKg,
    r.measured?.energyKWh,
    r.measured?.durationHours,
    r.measured && `${r.measured.file}:${r.measured.line}`,
    r.incomplete ? 'true' : 'false',
    runsIn(r),
  ]);
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\n') + '\n';
}
