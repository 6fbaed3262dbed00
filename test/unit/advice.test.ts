import * as assert from 'node:assert/strict';
import { suggestImprovements } from '../../src/core/advise/suggest';
import { estimateRun } from '../../src/core/estimate/estimateRun';
import { defaultRequestsNote, regionNoticeText } from '../../src/core/report/format';
import { completeRun } from '../../src/core/resolve/completeRun';
import { DEFAULT_SETTINGS, RunSpecSchema } from '../../src/core/runSpec';

function advise(spec: Parameters<typeof RunSpecSchema.parse>[0], settings = DEFAULT_SETTINGS) {
  const run = completeRun(RunSpecSchema.parse(spec), settings);
  const e = estimateRun(run);
  return { run, suggestions: suggestImprovements(run, e.co2eKg, settings) };
}

const finetune = {
  model: { name: 'meta-llama/Llama-2-7b-hf' },
  training: { mode: 'finetune' as const, tokens: 1e9, precision: 'fp32' as const },
  hardware: { accelerator: 'A100', count: 4 },
};

describe('Advice order', () => {
  it("does not make a region move every run's top suggestion when the region was not read: it says so once", () => {
    const { run, suggestions } = advise(finetune);
    assert.equal(run.regionIsDefault, true);
    assert.ok(!suggestions.some((s) => s.kind === 'greener-region'));
    assert.ok(suggestions.length >= 2, 'the model choices are still there');
    const notice = regionNoticeText([
      { hardware: { accelerator: 'A100', count: 4, region: 'world', regionIsDefault: true } },
      { hardware: { accelerator: 'A100', count: 1, region: 'FR' } },
    ]);
    assert.match(notice ?? '', /Region not set for 1 of 2 runs.*greenAI\.region/);
    assert.equal(regionNoticeText([{ hardware: { accelerator: 'A100', count: 1, region: 'FR' } }]), null);
  });

  it('suggests a cleaner region for a run whose region is known, ranked by saving with the rest', () => {
    const { run, suggestions } = advise({ ...finetune, hardware: { ...finetune.hardware, region: 'PL' } });
    assert.equal(run.regionIsDefault, false);
    assert.ok(suggestions.some((s) => s.kind === 'greener-region'));
    const central = suggestions.filter((s) => s.kind !== 'early-stopping');
    for (let i = 1; i < central.length; i++) assert.ok(central[i - 1].co2eKgSaved >= central[i].co2eKgSaved);
    // A region set in the settings counts as read.
    assert.equal(advise(finetune, { ...DEFAULT_SETTINGS, region: 'DE' }).run.regionIsDefault, false);
  });

  it('offers serving changes with savings from the serving model: a batching server, quantisation, shorter outputs', () => {
    const loop = advise({
      model: { name: 'meta-llama/Llama-3.1-8B-Instruct' },
      training: { mode: 'inference' },
      inference: { engine: 'hf-generate', outputTokens: 800, weightPrecision: 'bf16', requests: 100_000 },
      hardware: { accelerator: 'A100', count: 1 },
    });
    const kinds = loop.suggestions.map((s) => s.kind);
    for (const kind of ['continuous-batching', 'quantize-inference', 'shorter-outputs'] as const)
      assert.ok(kinds.includes(kind), `${kind} in ${kinds.join(', ')}`);
    for (const s of loop.suggestions) assert.ok(s.co2eKgSaved > 0 && s.savedFraction < 1);
    assert.equal(
      loop.suggestions[0].kind,
      'continuous-batching',
      'one request at a time is the biggest lever for a loop',
    );
    const server = advise({
      model: { name: 'meta-llama/Llama-3.1-8B-Instruct' },
      training: { mode: 'inference' },
      inference: { engine: 'vllm', outputTokens: 100, weightPrecision: 'int4' },
      hardware: { accelerator: 'H100', count: 1 },
    });
    assert.ok(
      !server.suggestions.some(
        (s) => s.kind === 'continuous-batching' || s.kind === 'quantize-inference' || s.kind === 'shorter-outputs',
      ),
    );
  });
});

describe('Inference totals say what they are for', () => {
  it('a default request count is named next to the total; a count read from the code is not', () => {
    const inference = completeRun(
      { model: { name: 'Qwen/Qwen2.5-0.5B' }, training: { mode: 'inference' }, hardware: {}, datacenter: {} },
      DEFAULT_SETTINGS,
    );
    assert.equal(defaultRequestsNote(inference.assumptions), 'per 1M requests (no count in the code)');
    const counted = completeRun(
      {
        model: { name: 'Qwen/Qwen2.5-0.5B' },
        training: { mode: 'inference' },
        inference: { requests: 250 },
        hardware: {},
        datacenter: {},
      },
      DEFAULT_SETTINGS,
    );
    assert.equal(defaultRequestsNote(counted.assumptions), null);
  });
});
