import * as assert from 'node:assert/strict';
import * as C from '../../src/core/estimate/constants';
import { estimateRun, trainingFlops } from '../../src/core/estimate/estimateRun';
import { completeRun } from '../../src/core/resolve/completeRun';
import { DEFAULT_SETTINGS, RunSpecSchema } from '../../src/core/runSpec';

const run = (spec: Parameters<typeof RunSpecSchema.parse>[0]) =>
  completeRun(RunSpecSchema.parse(spec), DEFAULT_SETTINGS);

describe('Training utilisation prior', () => {
  it('does not fall as models grow, and is lower for small models, as the MPT benchmarks show', () => {
    const sizes = [5e6, 2e7, 7e7, 1.25e8, 3.5e8, 1e9, 7e9, 7e10];
    const factors = sizes.map((n) => C.modelSizeUtilisationFactor(n));
    for (let i = 1; i < factors.length; i++)
      assert.ok(
        factors[i] >= factors[i - 1],
        `factor at ${sizes[i]} (${factors[i]}) below ${sizes[i - 1]} (${factors[i - 1]})`,
      );
    assert.equal(C.modelSizeUtilisationFactor(1e9), 1);
    assert.ok(Math.abs(C.modelSizeUtilisationFactor(1.25e8) - C.MFU_SMALL_MODEL.value) < 1e-9);
    assert.equal(C.modelSizeUtilisationFactor(1e5), C.MFU_SMALL_MODEL.floor);
    const small = run({
      model: { params: 1.6e8 },
      training: { mode: 'pretrain', tokens: 1e9, precision: 'bf16' },
      hardware: { accelerator: 'A100', count: 1 },
    });
    const large = run({
      model: { params: 7e9 },
      training: { mode: 'pretrain', tokens: 1e9, precision: 'bf16' },
      hardware: { accelerator: 'A100', count: 1 },
    });
    assert.ok(small.mfu.central < large.mfu.central);
    assert.ok(small.assumptions.some((a) => a.field === 'estimate.mfu' && /×0\.\d\d for a 160M model/.test(a.detail)));
  });

  it('gives newer generations a smaller share of a bigger peak (Hopper below Ampere), and TPUs their own band', () => {
    assert.ok(C.MFU_HOPPER_AND_LATER.central < C.MFU_AMPERE.central);
    assert.ok(C.MFU_PRE_AMPERE_GPU.central < C.MFU_AMPERE.central);
    for (const band of [C.MFU_PRE_AMPERE_GPU, C.MFU_AMPERE, C.MFU_HOPPER_AND_LATER, C.MFU_TPU]) {
      assert.ok(band.low < band.central && band.central < band.high);
      // No band is sourced from a run that the validation file checks it against.
      assert.doesNotMatch(band.source, /Llama 3|\(OPT\)|GPT-3 on V100/);
    }
  });
});

describe('FLOPs per token by architecture', () => {
  const base = {
    training: { mode: 'pretrain' as const, tokens: 1e10, precision: 'bf16' as const },
    hardware: { accelerator: 'A100', count: 8 },
  };
  it("counts an encoder–decoder model's encoder and decoder tokens separately (≈ 3·N·T, not 6·N·T)", () => {
    const t5 = run({ ...base, model: { params: 3e9, architecture: 'encoder-decoder' } });
    assert.equal(trainingFlops(t5), 3 * 3e9 * 1e10);
    const decoder = run({ ...base, model: { params: 3e9 } });
    assert.equal(trainingFlops(decoder), 6 * 3e9 * 1e10);
    // With the input and target lengths known: 6 · (N/2) · samples · (input + target).
    const known = run({
      model: { params: 3e9, architecture: 'encoder-decoder' },
      training: { mode: 'pretrain', samples: 1e6, seqLen: 512, decoderSeqLen: 114, precision: 'bf16' },
      hardware: { accelerator: 'A100', count: 8 },
    });
    assert.equal(trainingFlops(known), 6 * 1.5e9 * 1e6 * (512 + 114));
  });

  it('follows the active parameters of a mixture-of-experts model', () => {
    const moe = run({ ...base, model: { params: 46.7e9, activeParams: 12.9e9 } });
    assert.equal(trainingFlops(moe), 6 * 12.9e9 * 1e10);
    assert.equal(moe.architecture, 'moe-decoder');
  });
});

describe('Host power by node type', () => {
  it('charges a small node less host power per accelerator than an 8-GPU server', () => {
    assert.ok(C.hostWattsFor(1).central < C.hostWattsFor(8).central);
    assert.equal(C.hostWattsFor(64), C.HOST_WATTS_PER_ACCELERATOR);
    const spec = {
      model: { params: 1e9 },
      training: { mode: 'pretrain' as const, tokens: 1e10, precision: 'bf16' as const },
    };
    const one = estimateRun(run({ ...spec, hardware: { accelerator: 'A100-SXM4-40GB', count: 1 } }));
    const eight = estimateRun(run({ ...spec, hardware: { accelerator: 'A100-SXM4-40GB', count: 8 } }));
    const perAccelHour = (e: typeof one) => e.breakdown.hostKWh / e.acceleratorHours;
    assert.ok(Math.abs(perAccelHour(one) - C.HOST_WATTS_SMALL_NODE.central / 1000) < 1e-9);
    assert.ok(Math.abs(perAccelHour(eight) - C.HOST_WATTS_PER_ACCELERATOR.central / 1000) < 1e-9);
  });
});
