import * as fs from 'node:fs';
import * as path from 'node:path';
import { estimateRun } from '../../src/core/estimate/estimateRun';
import { completeRun } from '../../src/core/resolve/completeRun';
import { DEFAULT_SETTINGS, RunSpecSchema } from '../../src/core/runSpec';

/**
 * Checks the estimator against published training runs (../shared/validation).
 * Two independent checks per row, never fitted to it:
 *  - hours: from params × tokens (6·N·T) and the catalog's peak at the published
 *    precision, what accelerator-hours does the model predict vs the published ones?
 *  - energy: given the published accelerator-hours (and PUE), what energy does the
 *    power model predict vs the published energy?
 * Prints one line per row and a BENCH summary line.
 */

const CSV = process.env.GREENAI_VALIDATION_CSV ?? path.resolve(__dirname, '../../../../shared/validation/published-runs.csv');

function parseCsv(text: string): Array<Record<string, string>> {
  const rows: string[][] = [];
  for (const line of text.trim().split('\n')) {
    const cells: string[] = [];
    let cell = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (quoted) {
        if (c === '"' && line[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
      } else if (c === '"') quoted = true;
      else if (c === ',') { cells.push(cell); cell = ''; } else cell += c;
    }
    cells.push(cell);
    rows.push(cells);
  }
  const [header, ...body] = rows;
  return body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

const num = (s: string | undefined): number | undefined => (s && Number.isFinite(Number(s)) ? Number(s) : undefined);
const fmt = (x: number | undefined) => (x === undefined ? '—' : x.toPrecision(3));

function geomean(xs: number[]): number {
  return Math.exp(xs.reduce((s, x) => s + Math.log(x), 0) / xs.length);
}
function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

const rows = parseCsv(fs.readFileSync(CSV, 'utf8'));
const hourRatios: number[] = [];
const energyRatios: number[] = [];
console.log('run | predicted/published accelerator-h | predicted/published energy');
for (const row of rows) {
  const params = num(row.params);
  const tokens = num(row.tokens);
  const count = num(row.count) ?? 1;
  const published = num(row.accelerator_hours);
  // Pre-2022 V100/TPU runs trained in fp16/bf16 mixed precision; all of these are mixed-precision runs.
  const precision = /V100/i.test(row.accelerator) ? 'fp16' : 'bf16';
  let hoursRatio: number | undefined;
  if (params && tokens && published) {
    const spec = RunSpecSchema.parse({ model: { params, activeParams: num(row.active_params) }, training: { mode: 'pretrain', tokens, precision }, hardware: { accelerator: row.accelerator, count } });
    const e = estimateRun(completeRun(spec, DEFAULT_SETTINGS));
    hoursRatio = e.acceleratorHours / published;
    hourRatios.push(hoursRatio);
  }
  let energyRatio: number | undefined;
  const energyMWh = num(row.energy_mwh);
  if (published && energyMWh) {
    const inclPue = row.energy_boundary === 'incl_pue';
    const spec = RunSpecSchema.parse({ model: { params: params ?? 1e9 }, training: { mode: 'pretrain', tokens: 1, precision }, hardware: { accelerator: row.accelerator, count, acceleratorHours: published }, datacenter: { pue: inclPue ? num(row.pue) ?? 1.1 : 1 } });
    const e = estimateRun(completeRun(spec, DEFAULT_SETTINGS));
    energyRatio = e.energyKWh / 1000 / energyMWh;
    energyRatios.push(energyRatio);
  }
  console.log(`${row.name} | ${fmt(hoursRatio)} | ${fmt(energyRatio)}`);
}
const within2 = (xs: number[]) => xs.filter((x) => x >= 0.5 && x <= 2).length;
console.log(`\naccelerator-hours: ${hourRatios.length} runs, geometric mean ratio ${fmt(geomean(hourRatios))}, median ${fmt(median(hourRatios))}, ${within2(hourRatios)}/${hourRatios.length} within 2×`);
console.log(`energy from hours: ${energyRatios.length} runs, geometric mean ratio ${fmt(geomean(energyRatios))}, median ${fmt(median(energyRatios))}, ${within2(energyRatios)}/${energyRatios.length} within 2×`);
console.log(`BENCH validation: runs_hours=${hourRatios.length} median_ratio_hours=${fmt(median(hourRatios))} within_2x_hours=${within2(hourRatios)} runs_energy=${energyRatios.length} median_ratio_energy=${fmt(median(energyRatios))} within_2x_energy=${within2(energyRatios)}`);
