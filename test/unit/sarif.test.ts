import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SUGGESTION_KINDS } from '../../src/core/advise/suggest';
import { CliOutputSchema } from '../../src/core/report/cliSchema';
import { SARIF_RULES, type SarifLog } from '../../src/core/report/sarif';
import { cli, DIFF_FIXTURES, wasmBesideCompiledCli } from './cliRun';
import { EXAMPLES, ROOT } from './helpers';
import { sarifProblems, sarifValidator } from './sarifSchema';

function assertValid(log: unknown): void {
  const problems = sarifProblems(log);
  assert.equal(problems, null, problems ?? '');
}

/** SARIF checked against the official OASIS SARIF 2.1.0 schema (see sarifSchema.ts). */
describe('SARIF output', function () {
  this.timeout(30000);
  before(wasmBesideCompiledCli);

  it('the schema check itself rejects a broken log (line 0, unknown level)', () => {
    const broken = {
      version: '2.1.0',
      runs: [
        {
          tool: { driver: { name: 'x' } },
          results: [
            {
              message: { text: 'm' },
              level: 'loud',
              locations: [{ physicalLocation: { artifactLocation: { uri: 'a b.py' }, region: { startLine: 0 } } }],
            },
          ],
        },
      ],
    };
    const validate = sarifValidator();
    assert.equal(validate(broken), false);
    const problems = (validate.errors ?? []).map((e) => e.instancePath).join(' ');
    assert.match(problems, /startLine/);
    assert.match(problems, /level/);
    assert.match(problems, /uri/, 'an unencoded space is not a URI reference');
  });

  it("report --sarif is valid SARIF 2.1.0: one result per run over budget and per suggestion, at the facts' lines", async () => {
    const r = await cli('report', EXAMPLES, '--sarif', '--budget-kg', '10');
    assert.equal(r.code, 3, 'runs over the budget still exit 3');
    const log = JSON.parse(r.out) as SarifLog;
    assertValid(log);
    const report = CliOutputSchema.parse(JSON.parse((await cli('report', EXAMPLES, '--json')).out));
    const results = log.runs[0].results;
    const over = report.runs.filter((run) => (run.estimate.co2eKg ?? 0) > 10);
    assert.ok(over.length >= 2);
    assert.deepEqual(
      results
        .filter((x) => x.ruleId === 'green-ai.over-budget')
        .map((x) => x.locations[0].physicalLocation.artifactLocation.uri)
        .sort(),
      over.map((run) => run.file).sort(),
    );
    assert.equal(
      results.filter((x) => x.ruleId !== 'green-ai.over-budget' && x.ruleId !== 'green-ai.needs-input').length,
      report.runs.reduce((n, run) => n + run.suggestions.length, 0),
    );
    // A run whose model size is unknown has no estimate: one result says what to set, at the model.
    assert.deepEqual(
      results
        .filter((x) => x.ruleId === 'green-ai.needs-input')
        .map((x) => x.locations[0].physicalLocation.artifactLocation.uri),
      report.runs.filter((run) => run.incomplete).map((run) => run.file),
    );
    for (const x of results.filter((r) => r.ruleId !== 'green-ai.needs-input')) {
      assert.equal(log.runs[0].tool.driver.rules[x.ruleIndex].id, x.ruleId);
      assert.match(x.message.text, /\d (g|kg|t) CO2e \(.+–.+\)/, 'the estimate and its range are in the message');
    }
    // Suggestions about the model point at the model load, the rest at the launch.
    const text = (file: string, line: number) =>
      fs.readFileSync(path.join(EXAMPLES, file), 'utf8').split('\n')[line - 1];
    const smaller = results.find(
      (x) =>
        x.ruleId === 'green-ai.smaller-model' &&
        x.locations[0].physicalLocation.artifactLocation.uri === 'hf-finetune/train_classifier.py',
    )!;
    assert.match(
      text('hf-finetune/train_classifier.py', smaller.locations[0].physicalLocation.region!.startLine),
      /from_pretrained\("bert-base-uncased"/,
    );
    const budget = results.find(
      (x) =>
        x.ruleId === 'green-ai.over-budget' &&
        x.locations[0].physicalLocation.artifactLocation.uri === 'pretrain-gpt/config/train_gpt2_124m.py',
    )!;
    const run = report.runs.find((x) => x.file === 'pretrain-gpt/config/train_gpt2_124m.py')!;
    const line = budget.locations[0].physicalLocation.region!.startLine;
    assert.ok(
      line >= run.range.startLine && line <= run.range.endLine,
      `launch line ${line} within the run's lines ${run.range.startLine}–${run.range.endLine}`,
    );
    // A notebook's lines count within a cell, not the .ipynb file: the result names the file and the cell.
    const notebook = results.find((x) => x.locations[0].physicalLocation.artifactLocation.uri.endsWith('.ipynb'))!;
    assert.equal(notebook.locations[0].physicalLocation.region, undefined);
    assert.match(notebook.message.text, /notebook cell \d+, line \d+/);
  });

  it("rule ids are the editor's diagnostic codes", () => {
    assert.deepEqual(
      SARIF_RULES.map((r) => r.id),
      ['green-ai.over-budget', 'green-ai.needs-input', ...SUGGESTION_KINDS.map((k) => `green-ai.${k}`)],
    );
    const diagnostics = fs.readFileSync(path.join(ROOT, 'src/extension/diagnostics.ts'), 'utf8');
    assert.match(diagnostics, /d\.code = `green-ai\.\$\{s\.kind\}`/);
    assert.match(diagnostics, /d\.code = 'green-ai\.over-budget'/);
    assert.match(diagnostics, /d\.code = 'green-ai\.needs-input'/);
  });

  it('diff --sarif reports only the runs the change adds or changes, saying what it did', async () => {
    const fixtures = DIFF_FIXTURES;
    const r = await cli(
      'diff',
      path.join(fixtures, 'base'),
      path.join(fixtures, 'head'),
      '--sarif',
      '--budget-kg',
      '0.01',
    );
    assert.equal(r.code, 3);
    const log = JSON.parse(r.out) as SarifLog;
    assertValid(log);
    const files = new Set(log.runs[0].results.map((x) => x.locations[0].physicalLocation.artifactLocation.uri));
    assert.deepEqual([...files].sort(), ['chat/lora_llama.py', 'nano/run.sh', 'sentiment/finetune.py']);
    const epochs = log.runs[0].results.find(
      (x) =>
        x.ruleId === 'green-ai.over-budget' &&
        x.locations[0].physicalLocation.artifactLocation.uri === 'sentiment/finetune.py',
    )!;
    assert.match(epochs.message.text, /This change takes it from \d+ g to \d+ g \(\+\d+ g\): epochs 3 → 10\./);
    assert.equal(log.runs[0].originalUriBaseIds?.SRCROOT.uri, `file://${path.join(fixtures, 'head')}/`);
  });

  it('paths are percent-encoded URI references', async () => {
    const { runsToSarif } = await import('../../src/core/report/sarif');
    const report = CliOutputSchema.parse(JSON.parse((await cli('report', path.join(EXAMPLES, 'keras'), '--json')).out));
    const at = { file: 'dir with space/train #1.py', startLine: 2, startColumn: 1, endLine: 2, endColumn: 5 };
    const log = runsToSarif(
      [{ cli: { ...report.runs[0], file: at.file }, locations: { launch: at, model: null, size: null }, index: 0 }],
      { toolVersion: '1.0.0', budgetKg: 0, uriPrefix: 'ml/' },
    );
    assertValid(log);
    assert.equal(
      log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri,
      'ml/dir%20with%20space/train%20%231.py',
    );
  });
});
