import * as assert from 'node:assert/strict';
import { estimateRun } from '../../src/core/estimate/estimateRun';
import * as IC from '../../src/core/estimate/inferenceConstants';
import {
  CENTRAL_SCENARIO,
  HIGH_SCENARIO,
  LOW_SCENARIO,
  decodePowerShare,
  decodeStep,
  isLegacyVllm,
  legacyVllmSecondsPerSequence,
  servingShape,
  weightBytesPerStep,
} from '../../src/core/estimate/inference';
import { defaultInferencePrecision, defaultTrainingPrecision } from '../../src/core/estimate/precisionDefault';
import { findAccelerator } from '../../src/core/knowledge';
import { completeRun } from '../../src/core/resolve/completeRun';
import { servingMinimumDevices, type ResolvedInference } from '../../src/core/resolve/resolveInference';
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
    const bound = 2039e9 / (7e9 * 2); // ≈ 146 tok/s
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
    assert.ok(
      many.perRequest.energyWh < one.perRequest.energyWh / 10,
      `${many.perRequest.energyWh} vs ${one.perRequest.energyWh}`,
    );
    assert.ok(many.outputTokensPerSecond > 20 * one.outputTokensPerSecond);
  });

  it('caps the batch at what the KV cache leaves room for', () => {
    const { inf } = serve(
      llama7bOnA100({ engine: 'vllm', concurrency: 100_000, inputTokens: 4000, outputTokens: 4000 }),
    );
    // Llama-2-7B caches 32 layers × 2 × 4096 × 2 bytes = 512 KiB per token: 8,000 tokens ≈ 4.2 GB per sequence.
    const room = 80e9 * IC.SERVER_MEMORY_SHARE.value - 7e9 * 2;
    assert.ok(inf.concurrency <= room / (8000 * 32 * 2 * 4096 * 2) + 1, `${inf.concurrency}`);
    assert.ok(inf.concurrency >= 10);
  });

  it('splits a model that does not fit over enough devices, and reads only routed experts at batch 1', () => {
    const { inf } = serve({
      model: { name: 'meta-llama/Llama-2-70b-hf', params: 70e9 },
      training: { mode: 'inference', precision: 'bf16' },
      inference: { engine: 'vllm', concurrency: 1 },
      hardware: { accelerator: 'A100-SXM4-80GB', count: 8 },
    });
    assert.ok(inf.devicesPerReplica >= 2 && inf.fits);
    const moe = completeRun(
      RunSpecSchema.parse({
        model: { params: 47e9, activeParams: 13e9 },
        training: { mode: 'inference', precision: 'bf16' },
        inference: { engine: 'vllm' },
        hardware: { accelerator: 'H100', count: 2 },
      }),
      DEFAULT_SETTINGS,
    );
    const shape = servingShape(moe, moe.inference!);
    assert.ok(Math.abs(weightBytesPerStep(shape, 1) - 13e9 * 2) / (13e9 * 2) < 1e-9);
    assert.ok(weightBytesPerStep(shape, 256) > 0.99 * 47e9 * 2);
    assert.ok(weightBytesPerStep(shape, 8) > weightBytesPerStep(shape, 2));
  });

  it('quantised weights make a batch-1 decode cheaper', () => {
    const fp16 = serve(llama7bOnA100({ engine: 'vllm', concurrency: 1 })).inf;
    const int4 = serve(llama7bOnA100({ engine: 'vllm', concurrency: 1, weightPrecision: 'int4' })).inf;
    assert.ok(
      int4.perRequest.energyWh < fp16.perRequest.energyWh * 0.5,
      `${int4.perRequest.energyWh} vs ${fp16.perRequest.energyWh}`,
    );
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
    const run = completeRun(
      RunSpecSchema.parse({
        model: { name: 'meta-llama/Llama-2-7b-hf' },
        inference: { engine: 'vllm' },
        hardware: { accelerator: 'A100' },
      }),
      DEFAULT_SETTINGS,
    );
    assert.equal(run.mode, 'inference');
    assert.ok(estimateRun(run).inference);
  });

  it('takes the deployment load from the settings when the code does not say, and says so', () => {
    const settings = { ...DEFAULT_SETTINGS, requestsPerDay: 10_000, deploymentDays: 90 };
    const run = completeRun(RunSpecSchema.parse(llama7bOnA100({ engine: 'vllm' })), settings);
    assert.equal(run.inference!.requestsPerDay, 10_000);
    assert.equal(run.inference!.days, 90);
    assert.ok(
      run.assumptions.some(
        (a) =>
          a.field === 'inference.requestsPerDay' && a.source === 'setting' && /greenAI\.requestsPerDay/.test(a.detail),
      ),
    );
    const stated = completeRun(RunSpecSchema.parse(llama7bOnA100({ engine: 'vllm', requestsPerDay: 5 })), settings);
    assert.equal(stated.inference!.requestsPerDay, 5);
  });

  it('reports per request, per 1k requests and totals that agree', () => {
    const { e, inf, run } = serve(llama7bOnA100({ engine: 'vllm', concurrency: 64, requests: 50_000 }));
    assert.equal(run.inference!.requests, 50_000);
    assert.ok(Math.abs((inf.perRequest.energyWh * 50_000) / 1000 - e.energyKWh) / e.energyKWh < 1e-9);
    assert.ok(Math.abs(inf.per1kRequests.energyKWh - inf.perRequest.energyWh) < 1e-12);
    assert.ok(
      inf.perRequest.energyWhLow <= inf.perRequest.energyWh && inf.perRequest.energyWh <= inf.perRequest.energyWhHigh,
    );
    assert.equal(inf.perDay, null);
  });
});

describe('Serving model: power rises with the batch', () => {
  it('goes from the batch-1 share to the saturated share, never down, and stays between the idle floor and TDP', () => {
    for (const s of [LOW_SCENARIO, CENTRAL_SCENARIO, HIGH_SCENARIO]) {
      assert.equal(decodePowerShare(s, 1), s.decodeShare);
      assert.equal(decodePowerShare(s, IC.DECODE_POWER_SATURATION_BATCH.value), s.saturatedShare);
      assert.equal(decodePowerShare(s, 4096), s.saturatedShare);
      let previous = 0;
      for (const b of [1, 2, 4, 8, 16, 64, 128, 1024]) {
        const share = decodePowerShare(s, b);
        assert.ok(share >= previous, `batch ${b}: ${share} < ${previous}`);
        assert.ok(share > s.idleShare && share <= 1, `batch ${b}: ${share}`);
        previous = share;
      }
    }
    // Half-way on log2(batch) between 1 and 128 lies between the two measured ends, not at either.
    const mid = decodePowerShare(CENTRAL_SCENARIO, 8);
    assert.ok(
      mid > CENTRAL_SCENARIO.decodeShare + 0.2 * (CENTRAL_SCENARIO.saturatedShare - CENTRAL_SCENARIO.decodeShare),
    );
    assert.ok(mid < CENTRAL_SCENARIO.saturatedShare);
  });

  it('every decode step, whatever bounds it, draws between the idle floor and TDP per device', () => {
    const tdp = findAccelerator('A100-SXM4-80GB')!.tdpW;
    for (const inference of [
      { engine: 'hf-generate' },
      { engine: 'vllm' },
      { engine: 'vllm', engineVersion: '0.5.4' },
    ]) {
      const run = completeRun(RunSpecSchema.parse(llama7bOnA100(inference)), DEFAULT_SETTINGS);
      const shape = servingShape(run, run.inference!);
      for (const b of [1, 8, 64, 512]) {
        const step = decodeStep(run, run.inference!, shape, b, 200, CENTRAL_SCENARIO);
        assert.ok(
          step.powerW >= tdp * CENTRAL_SCENARIO.idleShare - 1e-9 && step.powerW <= tdp,
          `${JSON.stringify(inference)} batch ${b}: ${step.powerW} W`,
        );
      }
    }
  });
});

describe('Serving model: vLLM before 0.6 blocks the GPU on its CPU work', () => {
  it('reads the version: before 0.6 only, two-digit minors included, other engines never', () => {
    const inf = (engine: string, engineVersion: string | null) =>
      completeRun(RunSpecSchema.parse(llama7bOnA100({ engine, engineVersion })), DEFAULT_SETTINGS).inference!;
    assert.equal(isLegacyVllm(inf('vllm', '0.5.4')), true);
    assert.equal(isLegacyVllm(inf('vllm', 'v0.5.3.post1')), true);
    assert.equal(isLegacyVllm(inf('vllm', '0.2.7')), true);
    assert.equal(isLegacyVllm(inf('vllm', '0.6.0')), false);
    assert.equal(isLegacyVllm(inf('vllm', '0.11.1')), false);
    assert.equal(isLegacyVllm(inf('vllm', '1.0')), false);
    assert.equal(isLegacyVllm(inf('vllm', 'latest')), false);
    assert.equal(isLegacyVllm(inf('vllm', null)), false);
    assert.equal(isLegacyVllm(inf('tgi', '0.5.4')), false);
  });

  it('adds CPU time per sequence to every step, so it costs more and serves fewer tokens per second', () => {
    const legacy = serve(llama7bOnA100({ engine: 'vllm', engineVersion: '0.5.4', concurrency: 256 }));
    const current = serve(llama7bOnA100({ engine: 'vllm', engineVersion: '0.11.1', concurrency: 256 }));
    const unstated = serve(llama7bOnA100({ engine: 'vllm', concurrency: 256 }));
    assert.equal(unstated.inf.perRequest.energyWh, current.inf.perRequest.energyWh);
    assert.ok(
      legacy.inf.outputTokensPerSecond < current.inf.outputTokensPerSecond / 1.3,
      `${legacy.inf.outputTokensPerSecond} vs ${current.inf.outputTokensPerSecond}`,
    );
    assert.ok(legacy.inf.perRequest.energyWh > current.inf.perRequest.energyWh);
    assert.ok(legacy.run.assumptions.some((a) => a.field === 'inference.engineVersion' && a.value === '0.5.4'));
    // The added time is the same per sequence whatever the model: step(B) − step without it = B × the per-sequence time.
    const run = legacy.run;
    const shape = servingShape(run, run.inference!);
    const newer = completeRun(
      RunSpecSchema.parse(llama7bOnA100({ engine: 'vllm', engineVersion: '0.6.0' })),
      DEFAULT_SETTINGS,
    );
    for (const b of [1, 32, 256]) {
      const added =
        decodeStep(run, run.inference!, shape, b, 200, CENTRAL_SCENARIO).stepSeconds -
        decodeStep(newer, newer.inference!, shape, b, 200, CENTRAL_SCENARIO).stepSeconds;
      assert.ok(Math.abs(added - b * legacyVllmSecondsPerSequence(CENTRAL_SCENARIO)) < 1e-12, `batch ${b}: ${added}`);
    }
  });

  it("derived from the 8B figure, predicts the blog's other measurement: about 1.8× for 70B on four H100s", () => {
    const throughput = (engineVersion: string) =>
      serve({
        model: { name: 'meta-llama/Meta-Llama-3-70B-Instruct', params: 70e9 },
        training: { mode: 'inference', precision: 'bf16' },
        inference: {
          engine: 'vllm',
          engineVersion,
          concurrency: 256,
          inputTokens: 202,
          outputTokens: 179,
          tensorParallel: 4,
        },
        hardware: { accelerator: 'H100', count: 4 },
      }).inf.outputTokensPerSecond;
    const speedup = throughput('0.6.0') / throughput('0.5.3');
    assert.ok(speedup > 1.4 && speedup < 2.2, `predicted ×${speedup.toFixed(2)}, measured ×1.8`);
  });
});

describe('Serving model: mixture of experts', () => {
  it('computes with the active parameters and stores the total', () => {
    const run = completeRun(
      RunSpecSchema.parse({
        model: { params: 47e9, activeParams: 13e9 },
        training: { mode: 'inference', precision: 'bf16' },
        inference: { engine: 'vllm' },
        hardware: { accelerator: 'H100', count: 2 },
      }),
      DEFAULT_SETTINGS,
    );
    const shape = servingShape(run, run.inference!);
    assert.equal(shape.decodeFlopsPerToken, 2 * 13e9);
    assert.equal(shape.prefillFlopsPerToken, 2 * 13e9);
    assert.equal(shape.weightBytes, 47e9 * 2);
    const dense = completeRun(
      RunSpecSchema.parse({
        model: { params: 47e9 },
        training: { mode: 'inference', precision: 'bf16' },
        inference: { engine: 'vllm' },
        hardware: { accelerator: 'H100', count: 2 },
      }),
      DEFAULT_SETTINGS,
    );
    // At a batch large enough to be compute-bound (short contexts), the MoE computes 13/47 of the dense model's FLOPs.
    const moeStep = decodeStep(run, run.inference!, shape, 4096, 1, CENTRAL_SCENARIO);
    const denseStep = decodeStep(
      dense,
      dense.inference!,
      servingShape(dense, dense.inference!),
      4096,
      1,
      CENTRAL_SCENARIO,
    );
    assert.equal(moeStep.regime, 'compute-bound');
    assert.equal(denseStep.regime, 'compute-bound');
    assert.ok(
      Math.abs(moeStep.gpuSeconds / denseStep.gpuSeconds - 13 / 47) < 1e-9,
      `${moeStep.gpuSeconds} vs ${denseStep.gpuSeconds}`,
    );
  });
});

describe('Precision defaults', () => {
  const a100 = findAccelerator('A100')!;
  const v100 = findAccelerator('V100')!;
  it("follows each framework's documented default", () => {
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
    const spec = {
      model: { params: 7e9 },
      training: { mode: 'pretrain' as const, tokens: 1e11 },
      hardware: { accelerator: 'A100', count: 8 },
    };
    const described = completeRun(RunSpecSchema.parse(spec), DEFAULT_SETTINGS);
    assert.equal(described.training.precision, 'bf16');
    assert.ok(
      described.assumptions.some(
        (a) => a.field === 'training.precision' && a.source === 'default' && /mixed half precision/.test(a.detail),
      ),
    );
    const code = completeRun(RunSpecSchema.parse(spec), DEFAULT_SETTINGS, {}, { origin: 'code' });
    assert.equal(code.training.precision, 'fp32');
    const lightning = completeRun(
      RunSpecSchema.parse({ ...spec, training: { ...spec.training, framework: 'lightning' } }),
      DEFAULT_SETTINGS,
    );
    assert.equal(lightning.training.precision, 'fp32');
    assert.ok(estimateRun(described).acceleratorHours < estimateRun(code).acceleratorHours / 5);
  });
});

describe('Serving model: device count of a serving run', () => {
  const served = (inference: Record<string, unknown>, hardware: Record<string, unknown>, overrides = {}) =>
    completeRun(
      RunSpecSchema.parse({
        model: { name: 'meta-llama/Llama-3.1-8B-Instruct', params: 8e9 },
        training: { mode: 'inference', precision: 'bf16' },
        inference: { engine: 'vllm', ...inference },
        hardware,
      }),
      DEFAULT_SETTINGS,
      overrides,
    );

  it('is at least the tensor-parallel size the launch names, and says why', () => {
    const run = served({ tensorParallel: 2 }, { accelerator: 'A100-SXM4-80GB' });
    assert.equal(run.hardware.count, 2);
    const a = run.assumptions.find((x) => x.field === 'hardware.count');
    assert.equal(a?.source, 'computed');
    assert.match(a.detail, /tensor parallel/);
    assert.equal(estimateRun(run).inference?.devicesPerReplica, 2);
    // More devices than the tensor-parallel size stay as stated (replicas).
    assert.equal(served({ tensorParallel: 2 }, { accelerator: 'A100-SXM4-80GB', count: 8 }).hardware.count, 8);
  });

  it('holds the weights: a 70B bf16 model on 80 GB devices needs a power of two above 140 GB ÷ 72 GB', () => {
    const run = completeRun(
      RunSpecSchema.parse({
        model: { params: 70e9 },
        training: { mode: 'inference', precision: 'bf16' },
        inference: { engine: 'vllm' },
        hardware: { accelerator: 'A100-SXM4-80GB' },
      }),
      DEFAULT_SETTINGS,
    );
    assert.equal(run.hardware.count, 2);
    assert.ok(estimateRun(run).inference?.fits);
    // A model that fits one device keeps the set count.
    assert.equal(
      served({}, { accelerator: 'A100-SXM4-80GB' }).hardware.count,
      DEFAULT_SETTINGS.defaultAcceleratorCount,
    );
  });

  it('leaves an explicit --count override as given (a what-if)', () => {
    assert.equal(served({ tensorParallel: 4 }, { accelerator: 'A100-SXM4-80GB' }, { count: 1 }).hardware.count, 1);
  });

  it('training runs are not resized', () => {
    const run = completeRun(
      RunSpecSchema.parse({
        model: { params: 70e9 },
        training: { mode: 'pretrain', tokens: 1e9, precision: 'bf16' },
        hardware: { accelerator: 'A100-SXM4-80GB' },
      }),
      DEFAULT_SETTINGS,
    );
    assert.equal(run.hardware.count, DEFAULT_SETTINGS.defaultAcceleratorCount);
  });
});

describe('Serving model: reasoning models', () => {
  const outputOf = (name: string, inference: Record<string, unknown> = {}) => {
    const run = completeRun(
      RunSpecSchema.parse({
        model: { name, params: 8e9 },
        training: { mode: 'inference', precision: 'bf16' },
        inference: { engine: 'vllm', ...inference },
        hardware: { accelerator: 'H100', count: 1 },
      }),
      DEFAULT_SETTINGS,
    );
    return run.inference!;
  };

  it('a known reasoning model without an output length generates the chat default × the sourced factor', () => {
    const inf = outputOf('deepseek-ai/DeepSeek-R1-Distill-Llama-8B');
    assert.equal(inf.reasoning, true);
    assert.equal(inf.outputTokens, Math.round(IC.DEFAULT_OUTPUT_TOKENS.value * IC.REASONING_OUTPUT_FACTOR.value));
    assert.equal(outputOf('Qwen/Qwen3-8B').reasoning, true);
  });

  it('a non-thinking release, a stated output length and reasoning: false keep the chat figures', () => {
    assert.equal(outputOf('Qwen/Qwen3-235B-A22B-Instruct-2507').outputTokens, IC.DEFAULT_OUTPUT_TOKENS.value);
    assert.equal(outputOf('meta-llama/Llama-3.1-8B-Instruct').outputTokens, IC.DEFAULT_OUTPUT_TOKENS.value);
    assert.equal(outputOf('openai/gpt-oss-20b', { outputTokens: 300 }).outputTokens, 300);
    assert.equal(outputOf('openai/gpt-oss-20b', { reasoning: false }).outputTokens, IC.DEFAULT_OUTPUT_TOKENS.value);
    // Thinking switched on for a model not known as a reasoning model.
    assert.equal(
      outputOf('meta-llama/Llama-3.1-8B-Instruct', { reasoning: true }).outputTokens,
      Math.round(IC.DEFAULT_OUTPUT_TOKENS.value * IC.REASONING_OUTPUT_FACTOR.value),
    );
  });

  it('costs more per request than the same model answering without thinking', () => {
    const spec = (reasoning: boolean) => ({
      model: { name: 'openai/gpt-oss-20b', params: 21e9, activeParams: 3.6e9 },
      training: { mode: 'inference' as const, precision: 'bf16' as const },
      inference: { engine: 'vllm' as const, reasoning },
      hardware: { accelerator: 'H100', count: 1 },
    });
    assert.ok(serve(spec(true)).inf.perRequest.energyWh > 4 * serve(spec(false)).inf.perRequest.energyWh);
  });
});

describe('Serving: the accelerators a launch needs', () => {
  const a100 = findAccelerator('A100-SXM4-80GB')!;
  const served = (tensorParallel: number | null) =>
    ({ weightPrecision: 'bf16', tensorParallel }) as unknown as ResolvedInference;

  it('takes a stated tensor-parallel size at its word, even where bf16 weights would not fit', () => {
    // 671B parameters in bf16 are 1.3 TB: 32 × 80 GB by the memory rule, but the launch says 16 (FP8 weights fit).
    assert.equal(servingMinimumDevices(served(16), 671e9, a100)?.devices, 16);
  });

  it('sizes the devices from the weights when the launch does not say', () => {
    assert.equal(servingMinimumDevices(served(null), 671e9, a100)?.devices, 32);
    assert.equal(servingMinimumDevices(served(null), 7e9, a100), null);
  });
});
