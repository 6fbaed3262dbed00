import * as assert from 'node:assert/strict';
import type { AnalyzedRun } from '../../src/core/analyze';
import { suggestImprovements } from '../../src/core/advise/suggest';
import { applyWhatIf } from '../../src/core/advise/whatIf';
import { estimateRun } from '../../src/core/estimate/estimateRun';
import { pretrainingReference } from '../../src/core/report/deployment';
import { ExtensionToWebviewSchema, WebviewToExtensionSchema } from '../../src/core/report/panelMessages';
import { buildPanelViewModel } from '../../src/core/report/panelModel';
import { completeRun } from '../../src/core/resolve/completeRun';
import { DEFAULT_SETTINGS, RunSpecSchema } from '../../src/core/runSpec';

function analyzed(spec: Parameters<typeof RunSpecSchema.parse>[0]): AnalyzedRun {
  const run = completeRun(RunSpecSchema.parse(spec), DEFAULT_SETTINGS, {}, { origin: 'code' });
  const estimate = estimateRun(run);
  const range = { startLine: 3, startCol: 0, endLine: 9, endCol: 0 };
  return {
    range,
    anchors: { primary: range },
    run,
    estimate,
    suggestions: suggestImprovements(run, estimate.co2eKg, DEFAULT_SETTINGS),
  } as unknown as AnalyzedRun;
}

const serving = {
  model: { name: 'meta-llama/Llama-3.1-8B-Instruct' },
  training: { mode: 'inference' as const },
  inference: { engine: 'vllm' as const, requestsPerDay: 50_000, days: 365 },
  hardware: { accelerator: 'H100', count: 1 },
};

describe('Deployment view in the panel', () => {
  it('shows per-request, per-1k, per-day and deployment figures, and a year of serving beside training with the break-even day', () => {
    const a = analyzed(serving);
    const training = pretrainingReference(a.run, DEFAULT_SETTINGS);
    assert.ok(training && training.co2eKg > 0);
    const model = buildPanelViewModel('serve.py', a, false, null, training);
    assert.ok(ExtensionToWebviewSchema.safeParse({ type: 'show', model }).success, 'the message validates');
    const d = model.deployment;
    assert.ok(d);
    assert.deepEqual(
      d.figures.map((f) => f.label),
      ['Per request', 'Per 1,000 requests', 'Per day of service', 'Deployment (365 days)'],
    );
    const perDay = a.estimate.inference!.perDay!;
    assert.ok(d.comparison);
    assert.ok(Math.abs(d.comparison.servingCo2eKg - perDay.co2eKg * 365) < 1e-9);
    assert.ok(
      d.comparison.breakEvenDays !== null &&
        Math.abs(d.comparison.breakEvenDays - training.co2eKg / perDay.co2eKg) < 1e-9,
    );
    assert.match(
      d.comparison.breakEven,
      /Serving (overtakes training after [\d.,]+ days|would overtake training after [\d.,]+ years)/,
    );
    assert.equal(model.inputs.serving, true);
    assert.equal(model.inputs.requestsPerDay, 50_000);
    assert.match(model.regionNotice?.text ?? '', /Region not set/);
    assert.equal(model.regionNotice?.setting, 'greenAI.region');
  });

  it('has no deployment block for a training run, and says a server reaches its batch only under load', () => {
    const train = analyzed({
      model: { params: 1e9 },
      training: { mode: 'pretrain', tokens: 1e10, precision: 'bf16' },
      hardware: { accelerator: 'A100', count: 8, region: 'FR' },
    });
    const model = buildPanelViewModel('train.py', train);
    assert.equal(model.deployment, null);
    assert.equal(model.regionNotice, null);
    const saturated = buildPanelViewModel(
      'serve.py',
      analyzed({ ...serving, inference: { engine: 'vllm' } }),
      false,
      null,
      null,
    );
    assert.ok(saturated.deployment?.notes.some((n) => /only under load/.test(n)));
    assert.equal(saturated.deployment?.comparison, null);
  });

  it('re-estimates a what-if on requests per day, days, concurrency and output tokens; bad values are dropped at the boundary', () => {
    const a = analyzed(serving);
    const busier = applyWhatIf(a, { requestsPerDay: 500_000, outputTokens: 100 }, DEFAULT_SETTINGS);
    assert.equal(busier.run.inference!.requestsPerDay, 500_000);
    assert.equal(busier.run.inference!.outputTokens, 100);
    assert.ok(busier.run.assumptions.some((x) => x.field === 'inference.requestsPerDay' && x.source === 'override'));
    assert.ok(busier.estimate.inference!.perRequest.energyWh < a.estimate.inference!.perRequest.energyWh);
    assert.equal(applyWhatIf(a, { days: 30 }, DEFAULT_SETTINGS).estimate.inference!.deployment!.days, 30);
    assert.equal(
      WebviewToExtensionSchema.safeParse({ type: 'whatIf', changes: { requestsPerDay: -5 } }).success,
      false,
    );
    assert.equal(WebviewToExtensionSchema.safeParse({ type: 'whatIf', changes: { concurrency: 1.5 } }).success, false);
    assert.equal(
      WebviewToExtensionSchema.safeParse({ type: 'whatIf', changes: { concurrency: 64, days: 90 } }).success,
      true,
    );
  });
});

describe('Inline summary of a serving run', () => {
  it('prices it per request, and per day for a deployment', async () => {
    const { inlineSummary } = await import('../../src/core/report/panelModel');
    assert.match(
      inlineSummary(analyzed({ ...serving, inference: { engine: 'vllm' } })),
      /^≈ [\d.,]+ (m?Wh|kWh) · [\d.,]+ (m?g|kg|t) CO2e per request$/,
    );
    assert.match(inlineSummary(analyzed(serving)), /per request · [\d.,]+ (Wh|kWh|MWh)\/day$/);
  });
});

describe('Sixty-eighth round: an inference total for the default request count says so in the panel', () => {
  it('names the 1M requests beside the headline figure, and nothing when the load is stated', () => {
    const image = analyzed({ model: { name: 'resnet50' }, training: { mode: 'inference' } });
    const model = buildPanelViewModel('classify.py', image);
    assert.equal(model.headline.per, 'per 1M requests (no count in the code)');
    assert.match(model.deployment?.figures[0].detail ?? '', /one forward pass of 8\.2 GFLOPs per input/);
    assert.ok(ExtensionToWebviewSchema.safeParse({ type: 'show', model }).success);
    assert.equal(buildPanelViewModel('serve.py', analyzed(serving)).headline.per, undefined);
  });
});
