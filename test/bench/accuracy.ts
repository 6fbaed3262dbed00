import * as fs from 'node:fs';
import * as path from 'node:path';
import * as C from '../../src/core/estimate/constants';
import { estimateRun } from '../../src/core/estimate/estimateRun';
import * as IC from '../../src/core/estimate/inferenceConstants';
import { findAccelerator } from '../../src/core/knowledge';
import { completeRun } from '../../src/core/resolve/completeRun';
import { DEFAULT_SETTINGS, RunSpecSchema } from '../../src/core/runSpec';

/**
 * Checks the estimator against published training runs and inference measurements (test/validation).
 * Each row is estimated from what a user knows before the run (params, tokens,
 * accelerator type and count, the paper's PUE and grid) and compared with the
 * published accelerator-hours, energy and CO2e; nothing is fitted to the rows.
 * Rows without published tokens only check the power model, from their published
 * accelerator-hours. Prints a table per row and a BENCH summary line.
 */

// Compiled to out/test/bench: the CSVs live in the repository's test/validation.
const VALIDATION_DIR = path.resolve(__dirname, '../../../test/validation');
const CSV = process.env.GREENAI_VALIDATION_CSV ?? path.join(VALIDATION_DIR, 'published-runs.csv');
const INFERENCE_CSV = process.env.GREENAI_INFERENCE_CSV ?? path.join(VALIDATION_DIR, 'inference-runs.csv');

function parseCsv(text: string): Array<Record<string, string>> {
  const rows: string[][] = [];
  for (const line of text.trim().split(/\r?\n/)) {
    const cells: string[] = [];
    let cell = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (quoted) {
        if (c === '"' && line[i + 1] === '"') {
          cell += '"';
          i++;
        } else if (c === '"') quoted = false;
        else cell += c;
      } else if (c === '"') quoted = true;
      else if (c === ',') {
        cells.push(cell);
        cell = '';
      } else cell += c;
    }
    cells.push(cell);
    rows.push(cells);
  }
  const [header, ...body] = rows;
  return body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

const num = (s: string | undefined): number | undefined => (s && Number.isFinite(Number(s)) ? Number(s) : undefined);

function geomean(xs: number[]): number {
  return Math.exp(xs.reduce((s, x) => s + Math.log(x), 0) / xs.length);
}
function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

const rows = parseCsv(fs.readFileSync(CSV, 'utf8'));

interface RowResult {
  name: string;
  hours?: number;
  energy?: number;
  co2e?: number;
  hoursInRange?: boolean;
  energyInRange?: boolean;
  /** Published operational CO2e inside the estimate's low–high range (the range's ratios applied to operational CO2e). */
  co2eInRange?: boolean;
  note?: string;
  /** The catalog's measured chip power comes from the same paper as this row: not a held-out check of power. */
  powerFromSamePaper?: boolean;
}

const results: RowResult[] = [];
for (const row of rows) {
  const params = num(row.params);
  const tokens = num(row.tokens);
  const count = num(row.count) ?? 1;
  const publishedHours = num(row.accelerator_hours);
  const publishedMWh = num(row.energy_mwh);
  const publishedT = num(row.co2e_t);
  const pue = num(row.pue);
  const intensity = num(row.intensity_g_per_kwh);
  const r: RowResult = { name: row.name };
  const arxiv = /arXiv:\d{4}\.\d{4,5}/.exec(row.source)?.[0];
  const chip = findAccelerator(row.accelerator);
  r.powerFromSamePaper = !!arxiv && chip?.measuredTrainingPowerW != null && (chip.powerSource ?? '').includes(arxiv);
  // What a user knows before the run: size, tokens, hardware, the datacenter's PUE and grid.
  // Pre-2022 V100/TPU runs trained in fp16/bf16 mixed precision; later runs in bf16.
  const precision = /V100/i.test(row.accelerator) ? 'fp16' : 'bf16';
  if (!params || !tokens) {
    r.note = 'not estimable before the run: tokens not published';
    // Energy from the published accelerator-hours still tests the power model.
  }
  const datacenter = { pue: row.energy_boundary === 'excl_pue' ? 1 : (pue ?? 1.1), intensityGPerKWh: intensity ?? 429 };
  if (params && tokens) {
    const spec = RunSpecSchema.parse({
      model: { params, activeParams: num(row.active_params) },
      training: { mode: 'pretrain', tokens, precision },
      hardware: { accelerator: row.accelerator, count },
      datacenter,
    });
    const e = estimateRun(completeRun(spec, DEFAULT_SETTINGS));
    if (publishedHours) {
      r.hours = e.acceleratorHours / publishedHours;
      // The hours range follows utilisation: low at the high MFU end, high at the low end.
      const run = completeRun(spec, DEFAULT_SETTINGS);
      const hoursLow = e.acceleratorHours * (run.mfu.central / run.mfu.high);
      const hoursHigh = e.acceleratorHours * (run.mfu.central / run.mfu.low);
      r.hoursInRange = publishedHours >= hoursLow && publishedHours <= hoursHigh;
    }
    if (publishedMWh) {
      r.energy = e.energyKWh / 1000 / publishedMWh;
      const ratioLow = e.co2eKgLow / e.co2eKg;
      const ratioHigh = e.co2eKgHigh / e.co2eKg;
      r.energyInRange = publishedMWh * 1000 >= e.energyKWh * ratioLow && publishedMWh * 1000 <= e.energyKWh * ratioHigh;
    }
    if (publishedT && intensity) {
      r.co2e = e.operationalCo2eKg / 1000 / publishedT;
      r.co2eInRange =
        publishedT * 1000 >= e.operationalCo2eKg * (e.co2eKgLow / e.co2eKg) &&
        publishedT * 1000 <= e.operationalCo2eKg * (e.co2eKgHigh / e.co2eKg);
    }
  } else if (publishedHours && publishedMWh) {
    const spec = RunSpecSchema.parse({
      model: { params: params ?? 1e9 },
      training: { mode: 'pretrain', tokens: 1, precision },
      hardware: { accelerator: row.accelerator, count, acceleratorHours: publishedHours },
      datacenter,
    });
    const e = estimateRun(completeRun(spec, DEFAULT_SETTINGS));
    r.energy = e.energyKWh / 1000 / publishedMWh;
    r.energyInRange =
      publishedMWh * 1000 >= e.energyKWh * (e.co2eKgLow / e.co2eKg) &&
      publishedMWh * 1000 <= e.energyKWh * (e.co2eKgHigh / e.co2eKg);
    if (publishedT && intensity) {
      r.co2e = e.operationalCo2eKg / 1000 / publishedT;
      r.co2eInRange =
        publishedT * 1000 >= e.operationalCo2eKg * (e.co2eKgLow / e.co2eKg) &&
        publishedT * 1000 <= e.operationalCo2eKg * (e.co2eKgHigh / e.co2eKg);
    }
    r.note = 'energy from the published accelerator-hours (tokens not published)';
  }
  results.push(r);
}

const fmtRatio = (x: number | undefined) => (x === undefined ? '—' : x.toFixed(2));
console.log(
  '| Run | est/published accelerator-h | est/published energy | est/published CO2e | published in range (h / energy / CO2e) | note |',
);
console.log('|---|---:|---:|---:|---|---|');
for (const r of results) {
  const inRange = [r.hoursInRange, r.energyInRange, r.co2eInRange]
    .map((v) => (v === undefined ? '—' : v ? 'yes' : 'no'))
    .join(' / ');
  const note = [r.note, r.powerFromSamePaper ? 'chip power in the catalog was measured in this run' : undefined]
    .filter(Boolean)
    .join('; ');
  console.log(
    `| ${r.name} | ${fmtRatio(r.hours)} | ${fmtRatio(r.energy)} | ${fmtRatio(r.co2e)} | ${inRange} | ${note} |`,
  );
}
const summary = (key: 'hours' | 'energy' | 'co2e', of: readonly RowResult[] = results) => {
  const xs = of.map((r) => r[key]).filter((x): x is number => x !== undefined);
  const logErr = xs.map((x) => Math.abs(Math.log(x)));
  const within = (k: number) => xs.filter((x) => x >= 1 / k && x <= k).length;
  return {
    n: xs.length,
    medianAbsErrorFactor: Math.exp(median(logErr)),
    within15: within(1.5),
    within2: within(2),
    beyond3: xs.length - within(3),
    geomean: geomean(xs),
  };
};
const inRange = (key: 'hoursInRange' | 'energyInRange' | 'co2eInRange') => {
  const xs = results.map((r) => r[key]).filter((x): x is boolean => x !== undefined);
  return `${xs.filter(Boolean).length}/${xs.length}`;
};
console.log('');
for (const key of ['hours', 'energy', 'co2e'] as const) {
  const s = summary(key);
  console.log(
    `${key}: ${s.n} runs, median absolute error ×${s.medianAbsErrorFactor.toFixed(2)}, geometric-mean ratio ${s.geomean.toFixed(2)}, within ×1.5: ${s.within15}/${s.n}, within ×2: ${s.within2}/${s.n}, off by more than ×3: ${s.beyond3}`,
  );
}
const heldOut = summary(
  'energy',
  results.filter((r) => !r.powerFromSamePaper),
);
console.log(
  `energy, leaving out rows whose chip power the catalog took from the same paper: ${heldOut.n} runs, median absolute error ×${heldOut.medianAbsErrorFactor.toFixed(2)}, within ×1.5: ${heldOut.within15}/${heldOut.n}, within ×2: ${heldOut.within2}/${heldOut.n}`,
);
console.log(
  `published figure inside the estimate's low–high range: accelerator-hours ${inRange('hoursInRange')}, energy ${inRange('energyInRange')}, CO2e ${inRange('co2eInRange')}`,
);
const h = summary('hours');
const en = summary('energy');
const co = summary('co2e');
const trainingBench = `runs=${results.length} hours_n=${h.n} hours_median_abs_err_x=${h.medianAbsErrorFactor.toFixed(2)} hours_within_1_5=${h.within15} hours_within_2=${h.within2} hours_beyond_3=${h.beyond3} energy_n=${en.n} energy_median_abs_err_x=${en.medianAbsErrorFactor.toFixed(2)} energy_within_1_5=${en.within15} energy_within_2=${en.within2} energy_beyond_3=${en.beyond3} co2e_n=${co.n} co2e_within_1_5=${co.within15} hours_in_range=${inRange('hoursInRange').replace('/', '_of_')} energy_in_range=${inRange('energyInRange').replace('/', '_of_')} co2e_in_range=${inRange('co2eInRange').replace('/', '_of_')} energy_held_out_n=${heldOut.n} energy_held_out_within_1_5=${heldOut.within15}`;

// ---------------------------------------------------------------------------------------------------------
// Inference: every measured row estimable from what a user knows about the setup (model, accelerator and
// count, precision, engine, batch or concurrency, tokens per request, parallelism), through the spec path.
// The estimate is compared within the row's metering boundary: accelerators only, accelerators + host, or the
// whole facility (PUE included). Nothing here is fitted to the rows.
// ---------------------------------------------------------------------------------------------------------

console.log('\n## Inference\n');

interface InferenceResult {
  name: string;
  ratio?: number;
  inRange?: boolean;
  note: string;
}

function engineOf(text: string): 'hf-generate' | 'vllm' | 'tensorrt-llm' | 'tgi' | 'sglang' | undefined {
  if (/vLLM/i.test(text)) return 'vllm';
  if (/TensorRT/i.test(text)) return 'tensorrt-llm';
  if (/text-generation-inference|\bTGI\b/i.test(text)) return 'tgi';
  if (/SGLang/i.test(text)) return 'sglang';
  if (/transformers|FastChat/i.test(text)) return 'hf-generate';
  return undefined;
}

/** Devices one replica spans, when the setup says (vLLM file names tp8+pp2, "TP1 EP8", MLPerf "TP1 replica"). */
function devicesPerReplica(notes: string): number | undefined {
  const tp = /\btp(\d+)\b/i.exec(notes)?.[1];
  const pp = /\bpp(\d+)\b/i.exec(notes)?.[1];
  const ep = /\bEP(\d+)\b/.exec(notes)?.[1];
  if (!tp) return undefined;
  return Number(tp) * Number(pp ?? 1) * Math.max(1, Number(ep ?? 1));
}

/** Active parameters of a mixture-of-experts row, as its notes state them ("235B total / 22B active"). */
function activeParams(notes: string): number | undefined {
  const m = /([\d.]+)B active/.exec(notes);
  return m ? Number(m[1]) * 1e9 : undefined;
}

/** The engine's version where the row names it ("vLLM 0.5.4"): vLLM before 0.6 blocked the GPU on its CPU work. */
const engineVersionOf = (engine: string): string | undefined => /vLLM\s+v?(\d+\.\d+(?:\.\d+)?)/i.exec(engine)?.[1];

/** A per-GPU power limit the measured setup ran at ("power_limit 500 W/GPU", "400 W/GPU cap", "GPU power limit 400 W"). */
const powerLimitOf = (notes: string): number | undefined =>
  num(/power_limit (\d+) W\/GPU|(\d+) W\/GPU cap|GPU power limit (\d+) W/.exec(notes)?.slice(1).find(Boolean));

/**
 * What a row's setup says that its columns do not: the serving stack behind the BLOOM API log is the batching
 * server Hugging Face built for it (PyTorch tensor parallelism over the 16 A100s, dynamic batching of requests
 * with their own parameters: N. Patry, "Optimization story: Bloom inference", huggingface.co/blog, 2022-10-12,
 * the same weeks as the log); TGI is what that server became.
 */
function setupOf(row: Record<string, string>): { engine?: 'tgi'; tensorParallel?: number; precision?: string } {
  if (/BLOOM-176B public API endpoint/.test(row.name)) return { engine: 'tgi', tensorParallel: num(row.count) };
  // gpt-oss is released with its expert weights in MXFP4 (OpenAI, gpt-oss model card, arXiv:2508.10925: "the
  // 120b fits on a single 80 GB GPU"): a row that does not state a precision ran the released checkpoint.
  if (/gpt-oss/i.test(row.model) && !row.precision) return { precision: 'mxfp4' };
  return {};
}

const precisionOf = (p: string): string | undefined =>
  p === 'mxfp4' ? 'int4' : ['fp32', 'fp16', 'bf16', 'fp8', 'int8', 'int4'].includes(p) ? p : undefined;

const inferenceRows = parseCsv(fs.readFileSync(INFERENCE_CSV, 'utf8'));
const inferenceResults: InferenceResult[] = [];
for (const row of inferenceRows) {
  const measuredWh = num(row.energy_wh_per_request);
  const params = num(row.params);
  const r: InferenceResult = { name: row.name, note: '' };
  inferenceResults.push(r);
  if (/ESTIMATE/.test(row.notes) || /ESTIMATE/.test(row.name)) {
    r.note = 'an estimate, not a measurement: left out';
    continue;
  }
  if (!measuredWh) {
    r.note = 'no per-request energy published';
    continue;
  }
  if (!params) {
    r.note = 'model size not published: not estimable';
    continue;
  }
  // Image generation: a diffusion pipeline's steps and image size, as the row's notes state them.
  const diffusion = /diffusion/i.test(row.model);
  const denoisingSteps = diffusion ? num(/(\d+) steps/.exec(row.notes)?.[1]) : undefined;
  const side = diffusion ? /(\d{3,4})x(\d{3,4})/.exec(row.notes) : null;
  const encoder = /\bBERT\b/i.test(row.model);
  const outputTokens = num(row.output_tokens);
  const inputTokens = num(row.input_tokens) ?? num(/seq len (\d+)/.exec(row.notes)?.[1]);
  const batch = num(row.batch_or_concurrency);
  const count = num(row.count) ?? 1;
  const deployment = /public API endpoint, (\d+) days/.exec(row.name);
  const requests = deployment ? Number(/\/ ([\d,]+) logged/.exec(row.notes)?.[1].replace(/,/g, '') ?? NaN) : undefined;
  const days = deployment ? Number(deployment[1]) : undefined;
  const setup = setupOf(row);
  const spec = RunSpecSchema.parse({
    model: {
      name: row.model,
      params,
      activeParams: activeParams(row.notes),
      ...(encoder ? { architecture: 'encoder' } : {}),
    },
    training: { mode: 'inference', precision: precisionOf(row.precision || setup.precision || '') },
    inference: {
      engine: engineOf(row.engine) ?? setup.engine,
      engineVersion: engineVersionOf(row.engine),
      // Thinking switched on in the measured setup ("reasoning=high", "with reasoning on").
      reasoning: /reasoning=(low|medium|high)|with reasoning on/i.test(`${row.name} ${row.notes}`) ? true : undefined,
      concurrency: batch ? Math.round(batch) : undefined,
      inputTokens: inputTokens ? Math.round(inputTokens) : undefined,
      outputTokens: outputTokens ? Math.round(outputTokens) : undefined,
      tensorParallel: /TP1 model replica|TP1 replica per GPU/.test(row.notes)
        ? 1
        : (devicesPerReplica(row.notes) ?? setup.tensorParallel),
      ...(deployment && requests && days ? { requestsPerDay: requests / days, days } : {}),
      denoisingSteps,
      imagePixels: side ? Number(side[1]) * Number(side[2]) : undefined,
    },
    hardware: { accelerator: row.accelerator.replace(/^TPU \(.*$/, 'TPU-v5e'), count },
  });
  const resolved = completeRun(spec, DEFAULT_SETTINGS);
  // A power limit below TDP caps what each device draws (MLPerf MaxQ): the chip's power shares apply to the limit.
  const limitW = powerLimitOf(row.notes);
  const acc = resolved.hardware.accelerator;
  const run =
    limitW && limitW < acc.tdpW
      ? { ...resolved, hardware: { ...resolved.hardware, accelerator: { ...acc, tdpW: limitW } } }
      : resolved;
  const e = estimateRun(run);
  const n = run.inference?.requests ?? 1;
  const pue = run.datacenter.pue;
  // The metered boundary: accelerators only; accelerators + host (CPU, memory, server); or the facility.
  const boundary = row.energy_boundary;
  const share = (b: typeof e.breakdown, total: number) =>
    boundary === 'gpu_only'
      ? b.acceleratorKWh
      : boundary === 'datacenter_incl_pue'
        ? total
        : b.acceleratorKWh + b.hostKWh;
  let whPerRequest = (share(e.breakdown, e.energyKWh) * 1000) / n;
  // A node metered whole while one of its accelerators works (Luccioni et al.: CodeCarbon on an 8×A100 node, "idle
  // power of the other 7 GPUs is included"): add, for the time each request holds its device, the other
  // accelerators at their bare idle power and the rest of the server's host power.
  const idleOthers = num(/idle power of the other (\d+) GPUs is included/.exec(row.notes)?.[1]);
  if (idleOthers && e.inference && boundary !== 'gpu_only') {
    const secondsPerRequest = e.inference.perRequest.acceleratorSeconds / e.inference.devicesPerReplica;
    const nodeHostW =
      C.hostWattsFor(count + idleOthers).central * (count + idleOthers) - C.hostWattsFor(count).central * count;
    const idleW = idleOthers * run.hardware.accelerator.tdpW * IC.BARE_IDLE_POWER_SHARE_OF_TDP.value;
    whPerRequest += (secondsPerRequest * (nodeHostW + idleW)) / 3600;
  }
  r.ratio = whPerRequest / measuredWh;
  const lowFactor = (e.inference?.perRequest.energyWhLow ?? 0) / (e.inference?.perRequest.energyWh ?? 1);
  const highFactor = (e.inference?.perRequest.energyWhHigh ?? 0) / (e.inference?.perRequest.energyWh ?? 1);
  r.inRange = measuredWh >= whPerRequest * lowFactor && measuredWh <= whPerRequest * highFactor;
  const unknown = [
    idleOthers ? `node metered whole: ${idleOthers} idle accelerators and the server's host added` : '',
    limitW && limitW < acc.tdpW ? `power limit ${limitW} W per device` : '',
    !outputTokens && !encoder && !diffusion && 'output length not published (default)',
    !inputTokens && !diffusion && 'input length default',
    diffusion && `${denoisingSteps ?? 'default'} denoising steps, guidance the pipeline's default`,
    !engineOf(row.engine) &&
      (setup.engine ? `engine from the setup's write-up (${setup.engine})` : 'engine not published (default)'),
    setup.precision ? `precision not published: the released checkpoint's ${setup.precision}` : '',
  ]
    .filter(Boolean)
    .join('; ');
  // The measured mean power per device, where the source publishes it ("avg GPU power 486 W total").
  const measuredW = num(/avg GPU power ([\d.]+) W total/.exec(row.notes)?.[1]);
  const power = `${e.acceleratorPowerW.toFixed(0)} W/device est.${measuredW ? `, ${(measuredW / count).toFixed(0)} W measured` : ''}`;
  r.note = [
    e.inference &&
      `${e.inference.regime}, ${e.inference.concurrency.toFixed(0)} in flight × ${e.inference.devicesPerReplica} device(s) per replica, step ${(e.inference.forwardPass?.stepMs ?? e.inference.decodeStepMs).toPrecision(3)} ms, ${power}`,
    boundary !== 'gpu_only' ? `boundary ${boundary}` : '',
    unknown,
    pue && boundary === 'datacenter_incl_pue' ? `PUE ${pue}` : '',
  ]
    .filter(Boolean)
    .join('; ');
}

console.log('| Measurement | est/measured energy per request | measured inside range | note |');
console.log('|---|---:|---|---|');
for (const r of inferenceResults)
  console.log(
    `| ${r.name} | ${r.ratio === undefined ? '—' : r.ratio.toFixed(2)} | ${r.inRange === undefined ? '—' : r.inRange ? 'yes' : 'no'} | ${r.note} |`,
  );
const ratios = inferenceResults.filter((r) => r.ratio !== undefined) as Array<InferenceResult & { ratio: number }>;
const inferenceWithin = (k: number) => ratios.filter((r) => r.ratio >= 1 / k && r.ratio <= k).length;
const worst = [...ratios].sort((a, b) => Math.abs(Math.log(b.ratio)) - Math.abs(Math.log(a.ratio)))[0];
const inferenceMedian = ratios.length ? Math.exp(median(ratios.map((r) => Math.abs(Math.log(r.ratio))))) : NaN;
const inferenceBias = ratios.length ? geomean(ratios.map((r) => r.ratio)) : NaN;
const beyond10 = ratios.filter((r) => r.ratio > 10 || r.ratio < 0.1).length;
const inRangeCount = ratios.filter((r) => r.inRange).length;
console.log('');
console.log(
  `inference: ${ratios.length} measurements estimable (${inferenceResults.length - ratios.length} left out, reasons above), within ×2: ${inferenceWithin(2)}/${ratios.length} (${((100 * inferenceWithin(2)) / Math.max(1, ratios.length)).toFixed(0)}%), within ×3: ${inferenceWithin(3)}/${ratios.length}, off by more than ×10: ${beyond10}, geometric-mean ratio (bias) ${inferenceBias.toFixed(2)}, median absolute error ×${inferenceMedian.toFixed(2)}, worst: ${worst ? `${worst.name} (×${worst.ratio.toFixed(2)})` : '—'}, measured inside the estimate's range: ${inRangeCount}/${ratios.length}`,
);
console.log(
  `BENCH accuracy: ${trainingBench} inference_n=${ratios.length} inference_within_2=${inferenceWithin(2)} inference_within_3=${inferenceWithin(3)} inference_beyond_10=${beyond10} inference_bias_x=${inferenceBias.toFixed(2)} inference_median_abs_err_x=${inferenceMedian.toFixed(2)} inference_worst_x=${worst ? worst.ratio.toFixed(2) : 'NaN'} inference_in_range=${inRangeCount}_of_${ratios.length}`,
);
