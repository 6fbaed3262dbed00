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
    assert.ok(
      Math.abs(total - run.estimate.co2eKg) / run.estimate.co2eKg < 1e-6,
      'the breakdown adds up to the headline',
    );
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

describe('What-if, exports and panel messages', () => {
  it('re-estimates with changed inputs without touching the code facts, and resets', async () => {
    const { applyWhatIf } = await import('../../src/core/advise/whatIf');
    const { DEFAULT_SETTINGS } = await import('../../src/core/runSpec');
    const run = (await analyzeExample('hf-finetune/train_classifier.py')).runs[0];
    const twice = applyWhatIf(run, { epochs: 6 }, DEFAULT_SETTINGS);
    assert.ok(Math.abs(twice.estimate.co2eKg / run.estimate.co2eKg - 2) < 1e-9, 'twice the epochs, twice the CO2e');
    const clean = applyWhatIf(run, { region: 'SE', accelerator: 'H100' }, DEFAULT_SETTINGS);
    assert.equal(clean.run.hardware.accelerator.id, 'H100-SXM5-80GB');
    assert.ok(clean.run.assumptions.some((a) => a.field === 'hardware.region' && a.source === 'override'));
    assert.ok(
      clean.run.assumptions.some((a) => a.field === 'model.name' && a.source === 'code'),
      'code facts stay',
    );
    const model = buildPanelViewModel('train.py', twice, true);
    assert.equal(model.whatIf, true);
    assert.equal(model.inputs.epochs, 6);
    assert.ok(
      model.suggestions.every((s) => s.fixTitle === null),
      'no quick fixes while showing a what-if',
    );
    const reset = applyWhatIf(run, {}, DEFAULT_SETTINGS);
    assert.ok(Math.abs(reset.estimate.co2eKg - run.estimate.co2eKg) < 1e-12);
  });

  it('names an unknown accelerator in a what-if instead of estimating with it', async () => {
    const { applyWhatIf } = await import('../../src/core/advise/whatIf');
    const { DEFAULT_SETTINGS } = await import('../../src/core/runSpec');
    const run = (await analyzeExample('hf-finetune/train_classifier.py')).runs[0];
    assert.throws(
      () => applyWhatIf(run, { accelerator: 'Z9000' }, DEFAULT_SETTINGS),
      /unknown accelerator "Z9000"; closest known ids/,
    );
  });

  it('shows a comparison of the run against each suggestion, and quick-fix titles', async () => {
    const run = (await analyzeExample('lightning-scratch/train_resnet.py')).runs[0];
    const model = buildPanelViewModel('train_resnet.py', run);
    assert.equal(model.comparison.length, run.suggestions.length + 1);
    assert.ok(model.comparison.slice(1).every((c) => c.co2eKg < model.comparison[0].co2eKg));
    assert.ok(model.suggestions.some((s) => s.fixTitle && /bf16/.test(s.fixTitle)));
    assert.ok(model.choices.accelerators.length >= 30 && model.choices.regions.length > 200);
  });

  it('exports a model-card block with Hugging Face field names that parses as YAML', async () => {
    const { modelCardBlock } = await import('../../src/core/report/panelModel');
    const YAML = await import('yaml');
    const run = (await analyzeExample('hf-finetune/train_classifier.py')).runs[0];
    const block = YAML.parse(modelCardBlock('train_classifier.py', run)) as {
      co2_eq_emissions: Record<string, unknown>;
    };
    assert.deepEqual(Object.keys(block.co2_eq_emissions).sort(), [
      'emissions',
      'geographical_location',
      'hardware_used',
      'source',
      'training_type',
    ]);
    const grams = block.co2_eq_emissions.emissions as number;
    assert.ok(Math.abs(grams - run.estimate.co2eKg * 1000) / grams < 0.01, 'emissions in grams');
    assert.equal(block.co2_eq_emissions.training_type, 'fine-tuning');
  });

  it('accepts the panel messages it should and drops malformed what-ifs', () => {
    assert.equal(
      WebviewToExtensionSchema.safeParse({ type: 'whatIf', changes: { epochs: 4, region: 'FR' } }).success,
      true,
    );
    assert.equal(WebviewToExtensionSchema.safeParse({ type: 'whatIf', changes: { epochs: -4 } }).success, false);
    assert.equal(WebviewToExtensionSchema.safeParse({ type: 'whatIf', changes: { shell: 'rm -rf /' } }).success, false);
    assert.equal(WebviewToExtensionSchema.safeParse({ type: 'export', format: 'pdf' }).success, false);
    assert.equal(WebviewToExtensionSchema.safeParse({ type: 'applyFix', index: 0 }).success, true);
    assert.equal(WebviewToExtensionSchema.safeParse({ type: 'openSetting', id: 'greenAI.region' }).success, true);
    assert.equal(
      WebviewToExtensionSchema.safeParse({ type: 'openSetting', id: 'terminal.integrated.shell' }).success,
      false,
      'only Green AI settings',
    );
  });
});

describe('Markdown export', () => {
  it("is a well-formed GitHub table: every row has the header's column count", async () => {
    const { runsToMarkdown } = await import('../../src/core/report/format');
    const { toCliRun } = await import('../../src/core/report/toCli');
    const run = (await analyzeExample('lightning-scratch/train_resnet.py')).runs[0];
    const md = runsToMarkdown([toCliRun('train|resnet.py', run)], 'Green AI estimate');
    const rows = md.split('\n').filter((l) => l.startsWith('|'));
    const cells = (l: string) => l.replace(/\\\|/g, '').split('|').length;
    assert.ok(rows.length >= 3);
    assert.ok(
      rows.every((r) => cells(r) === cells(rows[0])),
      md,
    );
    assert.match(md, /train\\\|resnet\.py/, 'pipes in cells are escaped');
  });
});
