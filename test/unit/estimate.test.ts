import * as assert from 'node:assert/strict';
import * as C from '../../src/core/estimate/constants';
import { estimateRun, peakFor, trainingFlops } from '../../src/core/estimate/estimateRun';
import { findAccelerator } from '../../src/core/knowledge';
import { completeRun, RunInputError } from '../../src/core/resolve/completeRun';
import { DEFAULT_SETTINGS, RunSpecSchema } from '../../src/core/runSpec';

const gpt3Like = RunSpecSchema.parse({
  model: { name: 'gpt3-175b', params: 175e9 },
  training: { mode: 'pretrain', tokens: 300e9, precision: 'fp16' },
  hardware: { accelerator: 'V100', count: 10000 },
  datacenter: { pue: 1.1, intensityGPerKWh: 429 },
});

describe('Estimation model', () => {
  it('uses 6·N·T for dense pre-training and 4·N·T for LoRA', () => {
    const run = completeRun(gpt3Like, DEFAULT_SETTINGS);
    assert.equal(trainingFlops(run), 6 * 175e9 * 300e9);
    const lora = completeRun({ ...gpt3Like, training: { ...gpt3Like.training, mode: 'lora' } }, DEFAULT_SETTINGS);
    assert.equal(trainingFlops(lora), 4 * 175e9 * 300e9);
    const recompute = completeRun(
      { ...gpt3Like, training: { ...gpt3Like.training, gradientCheckpointing: true } },
      DEFAULT_SETTINGS,
    );
    assert.equal(trainingFlops(recompute), 8 * 175e9 * 300e9);
  });

  it('derives time, energy and CO2e from the stated formula', () => {
    const run = completeRun(gpt3Like, DEFAULT_SETTINGS);
    const e = estimateRun(run);
    const v100 = findAccelerator('V100')!;
    const peak = peakFor(v100, 'fp16').tflops * 1e12;
    const hours = (6 * 175e9 * 300e9) / (peak * C.utilisationBandFor(v100).central) / 3600;
    assert.ok(Math.abs(e.acceleratorHours - hours) / hours < 1e-9);
    assert.ok(Math.abs(e.wallClockHours - hours / 10000) / e.wallClockHours < 1e-9);
    const power = v100.measuredTrainingPowerW ?? v100.tdpW * C.POWER_SHARE_OF_TDP.central;
    const host = v100.measuredPowerIncludesHost ? 0 : C.HOST_WATTS_PER_ACCELERATOR.central;
    const kwh = ((hours * (power + host)) / 1000) * 1.1;
    assert.ok(Math.abs(e.energyKWh - kwh) / kwh < 1e-9);
    assert.ok(Math.abs(e.operationalCo2eKg - (kwh * 429) / 1000) / e.operationalCo2eKg < 1e-9);
    assert.ok(e.embodiedCo2eKg > 0 && e.embodiedCo2eKg < e.operationalCo2eKg);
  });

  it('gives a range that contains the central estimate and comes from the uncertain inputs', () => {
    const e = estimateRun(completeRun(gpt3Like, DEFAULT_SETTINGS));
    assert.ok(e.co2eKgLow < e.co2eKg && e.co2eKg < e.co2eKgHigh);
    const pinned = estimateRun(completeRun(gpt3Like, DEFAULT_SETTINGS, { mfu: 0.3 }));
    // Pinning utilisation narrows the range: it is one of the inputs the range comes from.
    assert.ok(pinned.co2eKgHigh / pinned.co2eKgLow < e.co2eKgHigh / e.co2eKgLow);
  });

  it('takes utilisation from the accelerator generation and names the band in the assumptions', () => {
    const onChip = (accelerator: string) =>
      completeRun(RunSpecSchema.parse({ ...gpt3Like, hardware: { accelerator, count: 8 } }), DEFAULT_SETTINGS);
    const v100 = onChip('V100');
    const a100 = onChip('A100');
    const h100 = onChip('H100');
    assert.equal(v100.mfu.central, C.MFU_PRE_AMPERE_GPU.central);
    assert.equal(a100.mfu.central, C.MFU_AMPERE.central);
    assert.equal(h100.mfu.low, C.MFU_HOPPER_AND_LATER.low);
    assert.ok(v100.mfu.central < a100.mfu.central, 'older GPUs reach a smaller share of their peak');
    const note = h100.assumptions.find((a) => a.field === 'estimate.mfu');
    assert.match(note?.detail ?? '', /Hopper and later.*H100/);
  });

  it('centres power on a measured figure and still gives it a range', () => {
    const spec = RunSpecSchema.parse({
      ...gpt3Like,
      hardware: { accelerator: 'TPUv3', count: 512, acceleratorHours: 1000 },
    });
    const e = estimateRun(completeRun(spec, DEFAULT_SETTINGS));
    const tpu = findAccelerator('TPUv3')!;
    assert.equal(e.acceleratorPowerW, tpu.measuredTrainingPowerW);
    // Known hours and a measured power still leave the power itself uncertain.
    assert.ok(e.co2eKgLow < e.co2eKg && e.co2eKg < e.co2eKgHigh);
  });

  it('lands GPT-3 within a factor of two of the published 1,287 MWh', () => {
    // Patterson et al. 2021 (arXiv:2104.10350) Table 4; a sanity check, not a fit.
    const e = estimateRun(completeRun(gpt3Like, DEFAULT_SETTINGS));
    const mwh = e.energyKWh / 1000;
    assert.ok(mwh > 1287 / 2 && mwh < 1287 * 2, `estimated ${mwh.toFixed(0)} MWh`);
  });

  it('replaces compute-based time with known accelerator-hours', () => {
    const spec = RunSpecSchema.parse({ ...gpt3Like, hardware: { ...gpt3Like.hardware, acceleratorHours: 1000 } });
    const e = estimateRun(completeRun(spec, DEFAULT_SETTINGS));
    assert.equal(e.acceleratorHours, 1000);
  });

  it('drops embodied carbon when asked', () => {
    const e = estimateRun(completeRun(gpt3Like, DEFAULT_SETTINGS, { noEmbodied: true }));
    assert.equal(e.embodiedCo2eKg, 0);
    assert.ok(Math.abs(e.co2eKg - e.operationalCo2eKg) < 1e-9);
  });

  it('names the closest accelerators when one is unknown', () => {
    assert.throws(
      () => completeRun(RunSpecSchema.parse({ hardware: { accelerator: 'A1000' } }), DEFAULT_SETTINGS),
      (e: unknown) => e instanceof RunInputError && /closest known ids: .*A100/.test(e.message),
    );
  });

  it('lists every default it used as an assumption', () => {
    const run = completeRun(RunSpecSchema.parse({ model: { params: 1e9 } }), DEFAULT_SETTINGS);
    const fields = run.assumptions.map((a) => a.field);
    for (const f of [
      'hardware.accelerator',
      'hardware.count',
      'datacenter.pue',
      'datacenter.intensityGPerKWh',
      'training.precision',
      'estimate.mfu',
    ]) {
      assert.ok(fields.includes(f), `missing ${f} in ${fields.join(', ')}`);
    }
    assert.ok(run.assumptions.every((a) => a.detail.length > 0));
    assert.ok(run.sizeIsDefault, 'no dataset or tokens: the size is a default and the range widens');
  });

  it('rejects absurd spec values with the field named', () => {
    const r = RunSpecSchema.safeParse({ hardware: { count: -3 }, training: { epochs: 1e9 } });
    assert.equal(r.success, false);
    const paths = r.success ? [] : r.error.issues.map((i) => i.path.join('.'));
    assert.ok(paths.includes('hardware.count') && paths.includes('training.epochs'), paths.join(', '));
  });

  it('follows the region setting: a cleaner grid gives a smaller figure', () => {
    const dirty = estimateRun(
      completeRun(RunSpecSchema.parse({ model: { params: 1e9 }, training: { tokens: 1e10 } }), {
        ...DEFAULT_SETTINGS,
        region: 'PL',
      }),
    );
    const clean = estimateRun(
      completeRun(RunSpecSchema.parse({ model: { params: 1e9 }, training: { tokens: 1e10 } }), {
        ...DEFAULT_SETTINGS,
        region: 'SE',
      }),
    );
    assert.ok(clean.operationalCo2eKg < dirty.operationalCo2eKg / 3);
  });
  it('counts the optimiser steps of epochs over a catalogued dataset in batches the code sets, and only then', () => {
    const mnist = (training: Record<string, unknown>, count = 1) =>
      completeRun(
        RunSpecSchema.parse({
          model: { name: 'tiny-gan', params: 2e6 },
          training: { mode: 'pretrain', precision: 'fp32', dataset: 'mnist', ...training },
          hardware: { accelerator: 'A100-SXM4-80GB', count },
        }),
        DEFAULT_SETTINGS,
      );
    // MNIST's 60,000 training images in batches of 64: ⌈937.5⌉ = 938 steps an epoch (the last batch kept).
    const run = mnist({ epochs: 200, batchPerDevice: 64 });
    assert.equal(run.training.steps, 200 * 938);
    assert.ok(run.assumptions.some((a) => a.field === 'training.steps' && a.source === 'computed'));
    assert.equal(mnist({ epochs: 2, batchPerDevice: 64, gradientAccumulation: 2 }, 4).training.steps, 2 * 118);
    // Without epochs or a batch the code sets, no step count is made up.
    assert.equal(mnist({ batchPerDevice: 64 }).training.steps, null);
    assert.equal(mnist({ epochs: 200 }).training.steps, null);
  });
});
