import * as assert from 'node:assert/strict';
import { estimateRun } from '../../src/core/estimate/estimateRun';
import * as IC from '../../src/core/estimate/inferenceConstants';
import { CENTRAL_SCENARIO, decodeStep, servingShape, weightBytesPerStep } from '../../src/core/estimate/inference';
import { defaultInferencePrecision, defaultTrainingPrecision } from '../../src/core/estimate/precisionDefault';
import { findAccelerator } from '../../src/core/knowledge';
import { completeRun } from '../../src/core/resolve/completeRun';
import { DEFAULT_SETTINGS, RunSpecSchema } from '../../src/core/runSpec';

type SpecInput = Parameters<typeof RunSpecSchema.parse>[0];

function serve(spec: SpecInput) {
  const run = completeRun(RunSpecSchema.parse(spec), DEFAULT_SETTINGS);
  const e = estimateRun(run);
  assert.ok(e.inference, 'an inference run carries serving figures');
  return { run, e, inf: e.inference };
}

const llama7bOnA100 = (inference: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  model: { name: 'meta-llama/Llama-2-7b-hf', params: 7e9 },
  training: { mode: 'inference' as const, precision: 'fp16' as const },
  inference: { inputTokens: 100, outputTokens: 200, ...inference },
  hardware: { accelerator: 'A100-SXM4-80GB', count: 1 },
  ...extra,
});

describe('Serving model: the roofline', () => {
  it('a batch-1 decode of a 7B fp16 model on an A100 cannot beat bandwidth ÷ weight bytes tokens/s', () => {
    const bound = (2039e9) / (7e9 * 2); // ≈ 146 tok/s
    for (const engine of ['vllm', 'hf-generate', 'tensorrt-llm'] as const) {
      const { inf } = serve(llama7bOnA100({ engine, concurrency: 1 }));
      assert.ok(inf.outputTokensPerSecond <= bound, `${engine}: ${inf.outputTokensPerSecond} tok/s exceeds ${bound}`);
      assert.ok(inf.outputTokensPerSecond > 0);
    }
    // An optimised engine gets within the bandwidth efficiency of the bound; an eager loop is held back by the CPU.
    const fast = serve(llama7bOnA100({ engine: 'vllm', concurrency: 1 })).inf;
    assert.equal(fast.regime, 'memory-bound');
    assert.ok(fast.outputTokensPerSecond > bound * IC.DECODE_BANDWIDTH_EFFICIENCY.low * 0.9);
    const eager = serve(llama7bOnA100({ engine: 'hf-generate', concurrency: 1 })).inf;
    assert.equal(eager.regime, 'overhead-bound');
    assert.ok(eager.outputTokensPerSecond < fast.outputTokensPerSecond);
  });

  it('a large batch becomes compute-bound and costs far less per request', () => {
    const one = serve(llama7bOnA100({ engine: 'vllm', concurrency: 1 })).inf;
    const many = serve(llama7bOnA100({ engine: 'vllm', concurrency: 512 })).inf;
    assert.equal(many.regime, 'compute-bound');
    assert.ok(many.concurrency > 100, `${many.concurrency} sequences in flight`);
    assert.ok(many.perRequest.energyWh < one.perRequest.energyWh / 10, `${many.perRequest.energyWh} vs ${one.perRequest.energyWh}`);
    assert.ok(many.outputTokensPerSecond > 20 * one.outputTokensPerSecond);
  });

  it('caps the batch at what the KV cache leaves room for', () => {
    const { inf } = serve(llama7bOnA100({ engine: 'vllm', concurrency: 100_000, inputTokens: 4000, outputTokens: 4000 }));
    // Llama-2-7B caches 32 layers × 2 × 4096 × 2 bytes = 512 KiB per token: 8,000 tokens ≈ 4.2 GB per sequence.
    const room = 80e9 * IC.SERVER_MEMORY_SHARE.value - 7e9 * 2;
    assert.ok(inf.concurrency <= room / (8000 * 32 * 2 * 4096 * 2) + 1, `${inf.concurrency}`);
    assert.ok(inf.concurrency >= 10);
  });

  it('splits a model that does not fit over enough devices, and reads only routed experts at batch 1', () => {
    const { inf } = serve({ model: { name: 'meta-llama/Llama-2-70b-hf', params: 70e9 }, training: { mode: 'inference', precision: 'bf16' }, inference: { engine: 'vllm', concurrency: 1 }, hardware: { accelerator: 'A100-SXM4-80GB', count: 8 } });
    assert.ok(inf.devicesPerReplica >= 2 && inf.fits);
    const moe = completeRun(RunSpecSchema.parse({ model: { params: 47e9, activeParams: 13e9 }, training: { mode: 'inference', precision: 'bf16' }, inference: { engine: 'vllm' }, hardware: { accelerator: 'H100', count: 2 } }), DEFAULT_SETTINGS);
    const shape = servingShape(moe, moe.inference!);
    assert.ok(Math.abs(weightBytesPerStep(shape, 1) - 13e9 * 2) / (13e9 * 2) < 1e-9);
    assert.ok(weightBytesPerStep(shape, 256) > 0.99 * 47e9 * 2);
    assert.ok(weightBytesPerStep(shape, 8) > weightBytesPerStep(shape, 2));
  });

  it('quantised weights make a batch-1 decode cheaper', () => {
    const fp16 = serve(llama7bOnA100({ engine: 'vllm', concurrency: 1 })).inf;
    const int4 = serve(llama7bOnA100({ engine: 'vllm', concurrency: 1, weightPrecision: 'int4' })).inf;
    assert.ok(int4.perRequest.energyWh < fp16.perRequest.energyWh * 0.5, `${int4.perRequest.energyWh} vs ${fp16.perRequest.energyWh}`);
  });
});

describe('Serving model: power follows utilisation', () => {
  it('stays between the idle floor and TDP, lower when waiting on memory than when computing', () => {
    const run = completeRun(RunSpecSchema.parse(llama7bOnA100({ engine: 'vllm' })), DEFAULT_SETTINGS);
    const shape = servingShape(run, run.inference!);
    const tdp = findAccelerator('A100-SXM4-80GB')!.tdpW;
    const memoryBound = decodeStep(run, run.inference!, shape, 1, 200, CENTRAL_SCENARIO);
    const computeBound = decodeStep(run, run.inference!, shape, 512, 200, CENTRAL_SCENARIO);
    assert.equal(memoryBound.regime, 'memory-bound');
    assert.equal(computeBound.regime, 'compute-bound');
    assert.ok(memoryBound.powerW >= tdp * IC.IDLE_POWER_SHARE_OF_TDP.central && memoryBound.powerW <= tdp);
    assert.ok(computeBound.powerW > memoryBound.powerW && computeBound.powerW <= tdp);
  });

  it('a lightly loaded deployment pays the idle floor between requests', () => {
    const light = serve(llama7bOnA100({ engine: 'vllm', concurrency: 256, requestsPerDay: 100, days: 30 }));
    const busy = serve(llama7bOnA100({ engine: 'vllm', concurrency: 256, requestsPerDay: 2_000_000, days: 30 }));
    assert.ok(light.inf.perDay && busy.inf.perDay);
    // Almost all of a quiet day is idle: at least the idle floor for 24 h.
    const tdp = findAccelerator('A100-SXM4-80GB')!.tdpW;
    const floorKWh = (tdp * IC.IDLE_POWER_SHARE_OF_TDP.central * 24) / 1000;
    assert.ok(light.inf.perDay.energyKWh >= floorKWh, `${light.inf.perDay.energyKWh} kWh/day`);
    assert.ok(light.inf.perDay.busyShare < 0.05);
    assert.ok(light.inf.perRequest.energyWh > 20 * busy.inf.perRequest.energyWh);
    // Under load, the server batches: far more sequences in flight than for 100 requests a day.
    assert.ok(busy.inf.concurrency > 10 * light.inf.concurrency);
    assert.equal(light.inf.deployment?.days, 30);
    assert.ok(Math.abs(light.e.energyKWh - light.inf.perDay.energyKWh * 30) / light.e.energyKWh < 1e-6);
  });

  it('takes a spec with serving inputs as an inference run even without a mode', () => {
    const run = completeRun(RunSpecSchema.parse({ model: { name: 'meta-llama/Llama-2-7b-hf' }, inference: { engine: 'vllm' }, hardware: { accelerator: 'A100' } }), DEFAULT_SETTINGS);
    assert.equal(run.mode, 'inference');
    assert.ok(estimateRun(run).inference);
  });

  it('takes the deployment load from the settings when the code does not say, and says so', () => {
    const settings = { ...DEFAULT_SETTINGS, requestsPerDay: 10_000, deploymentDays: 90 };
    const run = completeRun(RunSpecSchema.parse(llama7bOnA100({ engine: 'vllm' })), settings);
    assert.equal(run.inference!.requestsPerDay, 10_000);
    assert.equal(run.inference!.days, 90);
    assert.ok(run.assumptions.some((a) => a.field === 'inference.requestsPerDay' && a.source === 'setting' && /greenAI\.requestsPerDay/.test(a.detail)));
    const stated = completeRun(RunSpecSchema.parse(llama7bOnA100({ engine: 'vllm', requestsPerDay: 5 })), settings);
    assert.equal(stated.inference!.requestsPerDay, 5);
  });

  it('reports per request, per 1k requests and totals that agree', () => {
    const { e, inf, run } = serve(llama7bOnA100({ engine: 'vllm', concurrency: 64, requests: 50_000 }));
    assert.equal(run.inference!.requests, 50_000);
    assert.ok(Math.abs(inf.perRequest.energyWh * 50_000 / 1000 - e.energyKWh) / e.energyKWh < 1e-9);
    assert.ok(Math.abs(inf.per1kRequests.energyKWh - inf.perRequest.energyWh) < 1e-12);
    assert.ok(inf.perRequest.energyWhLow <= inf.perRequest.energyWh && inf.perRequest.energyWh <= inf.perRequest.energyWhHigh);
    assert.equal(inf.perDay, null);
  });
});

describe('Precision defaults', () => {
  const a100 = findAccelerator('A100')!;
  const v100 = findAccelerator('V100')!;
  it('follows each framework\'s documented default', () => {
    assert.equal(defaultTrainingPrecision('hf-trainer', a100).precision, 'fp32');
    assert.equal(defaultTrainingPrecision('lightning', a100).precision, 'fp32');
    assert.equal(defaultTrainingPrecision('pytorch', a100).precision, 'fp32');
    assert.equal(defaultTrainingPrecision(null, a100).precision, 'fp32');
    assert.equal(defaultTrainingPrecision('composer', a100).precision, 'fp16');
    assert.equal(defaultTrainingPrecision('litgpt', a100).precision, 'bf16');
    assert.equal(defaultTrainingPrecision('litgpt', v100).precision, 'fp16');
    assert.equal(defaultTrainingPrecision('spec', a100).precision, 'bf16');
    assert.equal(defaultTrainingPrecision('spec', findAccelerator('cpu')!).precision, 'fp32');
    assert.equal(defaultInferencePrecision('hf-generate', a100).precision, 'fp32');
    assert.equal(defaultInferencePrecision('vllm', a100).precision, 'bf16');
  });

  it('a described run is estimated in mixed precision, code without mixed precision in fp32, and says so', () => {
    const spec = { model: { params: 7e9 }, training: { mode: 'pretrain' as const, tokens: 1e11 }, hardware: { accelerator: 'A100', count: 8 } };
    const described = completeRun(RunSpecSchema.parse(spec), DEFAULT_SETTINGS);
    assert.equal(described.training.precision, 'bf16');
    assert.ok(described.assumptions.some((a) => a.field === 'training.precision' && a.source === 'default' && /mixed half precision/.test(a.detail)));
    const code = completeRun(RunSpecSchema.parse(spec), DEFAULT_SETTINGS, {}, { origin: 'code' });
    assert.equal(code.training.precision, 'fp32');
    const lightning = completeRun(RunSpecSchema.parse({ ...spec, training: { ...spec.training, framework: 'lightning' } }), DEFAULT_SETTINGS);
    assert.equal(lightning.training.precision, 'fp32');
    assert.ok(estimateRun(described).acceleratorHours < estimateRun(code).acceleratorHours / 5);
  });
});
