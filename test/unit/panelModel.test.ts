import * as assert from 'node:assert/strict';
import { ExtensionToWebviewSchema, WebviewToExtensionSchema } from '../../src/core/report/panelMessages';
import { buildPanelViewModel, inlineSummary } from '../../src/core/report/panelModel';
import { analyzeExample } from './helpers';

describe('Panel view model and messages', () => {
  it('shows the headline, breakdown, assumptions with lines, and suggestions of a run', async () => {
    const run = (await analyzeExample('hf-finetune/train_classifier.py')).runs[0];
    const model = buildPanelViewModel('hf-finetune/train_classifier.py', run);
    assert.ok(ExtensionToWebviewSchema.safeParse({ type: 'show', model }).success);
    assert.match(model.headline.co2e, /^[\d.,]+ (g|kg|t)$/);
    assert.equal(model.breakdown.length, 4);
    const total = model.breakdown.reduce((s, b) => s + b.co2eKg, 0);
    assert.ok(Math.abs(total - run.estimate.co2eKg) / run.estimate.co2eKg < 1e-6, 'the breakdown adds up to the headline');
    assert.ok(model.assumptions.some((a) => a.field === 'training.epochs' && a.line !== null));
    assert.match(inlineSummary(run), /^≈ .+-h · .+ · .+ CO2e$/);
  });

  it('drops malformed and unknown webview messages', () => {
    assert.equal(WebviewToExtensionSchema.safeParse({ type: 'revealLine', line: -1 }).success, false);
    assert.equal(WebviewToExtensionSchema.safeParse({ type: 'runShell', cmd: 'rm -rf /' }).success, false);
    assert.equal(WebviewToExtensionSchema.safeParse('ready').success, false);
    assert.equal(WebviewToExtensionSchema.safeParse({ type: 'ready' }).success, true);
  });
});
