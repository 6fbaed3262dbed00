import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { diffRuns, type DiffSide } from '../../src/core/report/diff';
import { diffToMarkdown, DIFF_COMMENT_MARKER, mdCode, mdText } from '../../src/core/report/diffFormat';
import { DiffOutputSchema, type DiffOutput } from '../../src/core/report/diffSchema';
import { locateRun } from '../../src/core/report/locatedRun';
import { detectRenames, similarity } from '../../src/core/report/renames';
import { cli, DIFF_FIXTURES, wasmBesideCompiledCli } from './cliRun';
import { analyzeSource, ROOT } from './helpers';

/** A CommonMark + GFM-tables renderer, as a stand-in for GitHub's: only to see what the Markdown becomes. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const MarkdownIt = require('markdown-it') as new (options: { html: boolean; linkify: boolean }) => {
  render(src: string): string;
};

const FIXTURES = DIFF_FIXTURES;

function byFile(diff: DiffOutput, file: string) {
  const found = diff.changes.filter((c) => c.file === file);
  assert.equal(
    found.length,
    1,
    `one change for ${file}: ${JSON.stringify(diff.changes.map((c) => [c.status, c.file]))}`,
  );
  return found[0];
}

/** Two one-file trees, analysed in memory. */
async function side(label: string, files: Record<string, string>): Promise<DiffSide> {
  const runs = [];
  for (const [file, text] of Object.entries(files)) {
    const analysis = await analyzeSource(file, text);
    runs.push(...analysis.runs.map((r, i) => locateRun(file, r, i)));
  }
  return { label, runs, texts: new Map(Object.entries(files)) };
}

const FINETUNE = (
  model: string,
  extra = '',
) => `from transformers import AutoModelForCausalLM, Trainer, TrainingArguments
model = AutoModelForCausalLM.from_pretrained("${model}")
args = TrainingArguments(output_dir="out", num_train_epochs=1, max_steps=1000, per_device_train_batch_size=8${extra})
Trainer(model=model, args=args, train_dataset=None).train()
`;

describe('green-ai diff on two folders', function () {
  this.timeout(20000);
  let diff: DiffOutput;
  before(async () => {
    wasmBesideCompiledCli();
    const r = await cli('diff', path.join(FIXTURES, 'base'), path.join(FIXTURES, 'head'), '--json');
    assert.equal(r.code, 0, r.err);
    diff = DiffOutputSchema.parse(JSON.parse(r.out));
  });

  it('a run changed by one fact says which fact, where, and by how much', () => {
    const c = byFile(diff, 'sentiment/finetune.py');
    assert.equal(c.status, 'changed');
    const stated = c.why.filter((r) => !r.derived);
    assert.deepEqual(
      stated.map((r) => [r.field, r.before, r.after]),
      [['training.epochs', 3, 10]],
    );
    assert.equal(stated[0].location?.startLine, 13, 'num_train_epochs is on line 13');
    assert.equal(stated[0].text, 'epochs 3 → 10');
    const before = c.before!.estimate.co2eKg!;
    const after = c.after!.estimate.co2eKg!;
    assert.ok(Math.abs(after / before - 10 / 3) < 0.01, `ten epochs cost 10/3 of three: ${before} → ${after}`);
    assert.equal(c.co2eKgDelta, after - before);
  });

  it('a config change shows as a change of the run that reads it, pointing at the config', () => {
    const c = byFile(diff, 'nano/run.sh');
    assert.equal(c.status, 'changed');
    const steps = c.why.find((r) => r.field === 'training.steps');
    assert.deepEqual(
      [steps?.before, steps?.after, steps?.file, steps?.derived],
      [5000, 20000, 'nano/config.yaml', false],
    );
    assert.ok(
      !diff.changes.some((x) => x.file === 'nano/train.py' || x.file === 'nano/config.yaml'),
      'the launched script is not a run of its own',
    );
  });

  it('a renamed file keeps its run: unchanged, with the old path', () => {
    const c = byFile(diff, 'lm/pretrain_gpt2.py');
    assert.equal(c.status, 'unchanged');
    assert.equal(c.previousFile, 'lm-old/pretrain_gpt2.py');
    assert.ok(!diff.changes.some((x) => x.file === 'lm-old/pretrain_gpt2.py'), 'not also removed');
  });

  it('added and removed runs count from and to nothing', () => {
    const added = byFile(diff, 'chat/lora_llama.py');
    assert.deepEqual([added.status, added.before, added.co2eKgDelta], ['added', null, added.after!.estimate.co2eKg]);
    const removed = byFile(diff, 'serving/generate.py');
    assert.deepEqual(
      [removed.status, removed.after, removed.co2eKgDelta],
      ['removed', null, -removed.before!.estimate.co2eKg!],
    );
    assert.deepEqual(diff.counts, { added: 1, removed: 1, changed: 2, unchanged: 1 });
  });

  it('totals are the sums of each side, and the largest change comes first', () => {
    const sum = (runs: Array<number | null | undefined>) => runs.reduce<number>((s, x) => s + (x ?? 0), 0);
    assert.ok(Math.abs(diff.base.co2eKg - sum(diff.changes.map((c) => c.before?.estimate.co2eKg))) < 1e-9);
    assert.ok(Math.abs(diff.head.co2eKg - sum(diff.changes.map((c) => c.after?.estimate.co2eKg))) < 1e-9);
    assert.ok(
      Math.abs(diff.co2eKgDelta - sum(diff.changes.map((c) => c.co2eKgDelta))) < 1e-9,
      "the total change is the sum of the runs' changes",
    );
    const sizes = diff.changes.filter((c) => c.status !== 'unchanged').map((c) => Math.abs(c.co2eKgDelta ?? 0));
    assert.deepEqual(
      sizes,
      [...sizes].sort((a, b) => b - a),
    );
    assert.equal(diff.changes.at(-1)?.status, 'unchanged');
  });

  it('the shipped JSON Schema validates the output and rejects a broken one', async () => {
    const Ajv2020 = (await import('ajv/dist/2020')).default;
    const schemaFile = path.join(ROOT, 'dist/diff-output.schema.json');
    assert.ok(fs.existsSync(schemaFile), 'dist/diff-output.schema.json is generated by npm run build');
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(
      JSON.parse(fs.readFileSync(schemaFile, 'utf8')),
    );
    const output = JSON.parse(JSON.stringify(diff)) as { changes: Array<{ status: string }> };
    assert.ok(validate(output), JSON.stringify(validate.errors?.slice(0, 3)));
    output.changes[0].status = 'sideways';
    assert.equal(validate(output), false);
  });

  it('prints a readable text diff by default', async () => {
    const r = await cli('diff', path.join(FIXTURES, 'base'), path.join(FIXTURES, 'head'));
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /changed +sentiment\/finetune\.py:11 +roberta-large · finetune +\+\d+ g/);
    assert.match(r.out, /epochs 3 → 10 \(line 13\)/);
    assert.match(r.out, /steps 5,000 → 20,000 \(nano\/config\.yaml\)/);
    assert.match(r.out, /moved +lm-old\/pretrain_gpt2\.py → lm\/pretrain_gpt2\.py/);
    assert.match(r.out, /^Total: .+ → .+ CO2e \(−.+\)/m);
  });

  it('--budget-delta-kg exits 3 when the change adds more, 0 when it does not', async () => {
    const base = path.join(FIXTURES, 'base');
    const head = path.join(FIXTURES, 'head');
    // head → base removes runs; base → head saves overall (the removed inference run weighs most).
    const adds = await cli('diff', head, base, '--budget-delta-kg', '0.5');
    assert.equal(adds.code, 3, adds.err);
    assert.match(adds.err, /this change adds [\d.]+ (g|kg|t) CO2e, more than --budget-delta-kg 0\.5/);
    const saves = await cli('diff', base, head, '--budget-delta-kg', '0');
    assert.equal(saves.code, 0, saves.err);
  });

  it('--budget-kg fails on runs the change adds or grows over it, not on others', async () => {
    const r = await cli('diff', path.join(FIXTURES, 'base'), path.join(FIXTURES, 'head'), '--budget-kg', '0.1');
    assert.equal(r.code, 3);
    const named = [...r.err.matchAll(/over budget: (\S+):\d+/g)].map((m) => m[1]).sort();
    // The 6 kg GPT-2 run is over 0.1 kg too, but this change did not touch it.
    assert.deepEqual(named, ['chat/lora_llama.py', 'sentiment/finetune.py']);
  });

  for (const [args, pattern] of [
    [['diff', FIXTURES], /diff needs two folders/],
    [['diff', path.join(FIXTURES, 'base'), '/no/such/folder'], /no such folder/],
    [['diff', path.join(FIXTURES, 'base'), path.join(FIXTURES, 'base/nano/run.sh')], /is not a folder/],
    [['diff', '--git=-v'], /--git needs a revision, got "-v"/],
    [['diff', '--git'], /argument missing/],
    [['diff', '--staged', 'a', 'b'], /--staged compares the index with a revision/],
    [['diff', 'a', 'b', '--csv'], /--csv is a report format/],
    [['report', FIXTURES, '--git', 'HEAD'], /apply to green-ai diff/],
    [['estimate', 'x.py', '--sarif'], /--sarif applies to green-ai report and green-ai diff/],
    [['diff', 'a', 'b', '--json', '--markdown'], /choose one output format/],
  ] as Array<[string[], RegExp]>) {
    it(`exits 2 with a clear message: ${args.map((a) => path.basename(a)).join(' ')}`, async () => {
      const r = await cli(...args);
      assert.equal(r.code, 2, r.out);
      assert.match(r.err, pattern);
      assert.doesNotMatch(r.err, /\n\s+at /, 'no stack trace');
    });
  }
});

describe('Diff reasons, matching and renames', function () {
  this.timeout(20000);

  it('a bigger model of the family reads "model 7B → 70B"', async () => {
    const d = diffRuns(
      await side('base', { 'ft.py': FINETUNE('meta-llama/Llama-2-7b-hf') }),
      await side('head', { 'ft.py': FINETUNE('meta-llama/Llama-2-70b-hf') }),
    );
    const c = d.changes[0];
    assert.equal(c.status, 'changed');
    const stated = c.why.filter((r) => !r.derived);
    assert.deepEqual(
      stated.map((r) => r.field),
      ['model.name'],
    );
    assert.match(stated[0].text, /^model meta-llama\/Llama-2-7b-hf \(6\.7B\) → meta-llama\/Llama-2-70b-hf \(69B\)$/);
    assert.ok(
      c.why.some((r) => r.field === 'model.params' && r.derived),
      'the parameter count follows from the model',
    );
    assert.ok((c.co2eKgDelta ?? 0) > 0);
  });

  it('dropping bf16 names the precision, now an assumed default', async () => {
    const d = diffRuns(
      await side('base', { 'ft.py': FINETUNE('gpt2', ', bf16=True') }),
      await side('head', { 'ft.py': FINETUNE('gpt2') }),
    );
    const precision = d.changes[0].why.find((r) => r.field === 'training.precision');
    assert.ok(precision, JSON.stringify(d.changes[0].why));
    assert.equal(precision.before, 'bf16');
    assert.equal(precision.derived, false, 'bf16 was written in the code');
    assert.equal(precision.location?.startLine, 3, 'points at where bf16 was');
  });

  it('a sweep that grows from 3 to 5 values is one changed run, two runs dearer, with the sweep as the reason', async () => {
    const sweep = (values: string) => `from transformers import AutoModelForCausalLM, Trainer, TrainingArguments
model = AutoModelForCausalLM.from_pretrained("gpt2")
for lr in [${values}]:
    args = TrainingArguments(output_dir=f"out-{lr}", learning_rate=lr, num_train_epochs=1, max_steps=1000, per_device_train_batch_size=8)
    Trainer(model=model, args=args, train_dataset=None).train()
`;
    const d = diffRuns(
      await side('base', { 'sweep.py': sweep('1e-5, 3e-5, 5e-5') }),
      await side('head', { 'sweep.py': sweep('1e-5, 3e-5, 5e-5, 1e-4, 3e-4') }),
    );
    assert.deepEqual(d.counts, { added: 0, removed: 0, changed: 1, unchanged: 0 });
    const changed = d.changes[0];
    assert.deepEqual([changed.before?.trials?.count, changed.after?.trials?.count], [3, 5]);
    assert.deepEqual(
      changed.why.map((w) => w.label),
      ['sweep'],
    );
    const one = changed.after!.estimate.co2eKg!;
    assert.ok(Math.abs(d.co2eKgDelta - 2 * one) < 1e-9, 'two more trials cost two runs');
    assert.ok(Math.abs((changed.co2eKgDelta ?? 0) - 2 * one) < 1e-9, "the run's own delta counts the whole sweep");
  });

  it('a script now launched from a new file is the same run moved there', async () => {
    const script = FINETUNE('gpt2');
    const base = await side('base', { 'train.py': script });
    // What the folder scan gives when launch.sh runs train.py: the run lives in launch.sh and links train.py.
    const headRun = {
      ...base.runs[0],
      cli: { ...base.runs[0].cli, file: 'launch.sh', hardware: { ...base.runs[0].cli.hardware, count: 8 } },
      linkedFiles: ['train.py'],
    };
    const d = diffRuns(base, {
      label: 'head',
      runs: [headRun],
      texts: new Map([
        ['train.py', script],
        ['launch.sh', 'accelerate launch train.py\n'],
      ]),
    });
    assert.equal(d.changes.length, 1);
    assert.deepEqual(
      [d.changes[0].status, d.changes[0].file, d.changes[0].previousFile],
      ['changed', 'launch.sh', 'train.py'],
    );
    assert.deepEqual(
      d.changes[0].why.map((r) => [r.field, r.before, r.after]),
      [['hardware.count', 1, 8]],
    );
  });

  it('renames pair files by content, most similar first, and leave unrelated files alone', () => {
    const a = 'import torch\nmodel = build()\nfor epoch in range(3):\n    train(model)\n';
    assert.equal(similarity(a, a), 1);
    assert.ok(similarity(a, a.replace('range(3)', 'range(30)')) >= 0.7);
    const renames = detectRenames(
      new Map([
        ['old/train.py', a],
        ['old/other.py', 'print("hello")\n'],
      ]),
      new Map([
        ['new/train.py', a.replace('range(3)', 'range(5)')],
        ['new/unrelated.py', 'x = 1\ny = 2\n'],
      ]),
    );
    assert.deepEqual([...renames], [['new/train.py', 'old/train.py']]);
  });
});

describe('The PR-comment Markdown', function () {
  this.timeout(20000);

  it('escapes what comes from files: no HTML, link, mention or table break', async () => {
    const hostile = 'evil|<img src=x onerror=alert(1)>@octocat [x](https://e.vil) `tick` **b**\nnext';
    const d = diffRuns(
      await side('base', {}),
      await side('head', { 'ft.py': FINETUNE(hostile.replace(/"/g, '').replace(/\n/g, ' ')) }),
    );
    assert.equal(d.changes.length, 1, 'the hostile model name still makes a run');
    assert.equal(d.changes[0].after?.model.name?.includes('<img'), true);
    const md = diffToMarkdown(d);
    assert.ok(md.startsWith(DIFF_COMMENT_MARKER));
    const html = new MarkdownIt({ html: true, linkify: true }).render(md);
    assert.doesNotMatch(html, /<img/, 'no HTML from a file');
    assert.doesNotMatch(html, /<a /, 'no link from a file');
    assert.doesNotMatch(html, /<(strong|em)>b/, 'no emphasis from a file');
    const row = html.split('<tbody>')[1].split('</tr>')[0];
    assert.equal((row.match(/<td/g) ?? []).length, 6, 'the pipe in the name does not add a cell');
    assert.match(html, /<code>[^<]*@octocat/, 'the @-name stays inside code, where GitHub does not notify');
  });

  it('mdText and mdCode neutralise Markdown syntax, mentions and line breaks', () => {
    assert.equal(mdText('a|b <i>c</i> @team *d* [e]'), 'a\\|b \\<i\\>c\\</i\\> @&#8203;team \\*d\\* \\[e\\]');
    assert.equal(mdCode('x`y|z\nw'), '``x`y\\|z w``');
    assert.equal(mdCode('`edge`'), '`` `edge` ``');
  });

  it('shows the largest changes first, at most ten rows, and the suggestions of the changed runs', async () => {
    const files: Record<string, string> = {};
    for (let i = 1; i <= 12; i++)
      files[`run${String(i).padStart(2, '0')}.py`] = FINETUNE('gpt2').replace(
        'max_steps=1000',
        `max_steps=${i * 1000}`,
      );
    const d = diffRuns(await side('base', {}), await side('head', files));
    const md = diffToMarkdown(d);
    const rows = md.split('\n').filter((l) => l.startsWith('| `'));
    assert.equal(rows.length, 10);
    assert.match(rows[0], /run12\.py/);
    assert.match(md, /…and 2 smaller changes/);
    assert.match(md, /<details><summary>Suggestions for the runs this change adds or changes/);
  });
});
