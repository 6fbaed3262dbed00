import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli } from '../../src/cli/main';
import { CliOutputSchema } from '../../src/core/report/cliSchema';
import { EXAMPLES, tempDir } from './helpers';

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, { stdout: (s) => (out += s), stderr: (s) => (err += s), color: false });
  return { code, out, err };
}

describe('CLI', function () {
  before(() => {
    // The CLI looks for the wasm next to itself; under test that is out/src/cli.
    const dir = path.join(__dirname, '../../src/cli');
    fs.mkdirSync(dir, { recursive: true });
    for (const [from, name] of [
      ['web-tree-sitter/tree-sitter.wasm', 'tree-sitter.wasm'],
      ['tree-sitter-python/tree-sitter-python.wasm', 'tree-sitter-python.wasm'],
    ]) {
      fs.copyFileSync(path.join(EXAMPLES, '../node_modules', from), path.join(dir, name));
    }
  });

  it('estimate --json prints the contract shape', async () => {
    const r = await cli('estimate', path.join(EXAMPLES, 'hf-finetune/train_classifier.py'), '--json');
    assert.equal(r.code, 0, r.err);
    const parsed = CliOutputSchema.parse(JSON.parse(r.out));
    assert.equal(parsed.runs.length, 1);
    assert.equal(parsed.runs[0].model.name, 'bert-base-uncased');
    assert.equal(parsed.runs[0].training.mode, 'finetune');
    assert.ok((parsed.runs[0].estimate.co2eKg ?? 0) > 0);
  });

  it('estimate --spec applies overrides and reports them as assumptions', async () => {
    const dir = tempDir('greenai-');
    const spec = path.join(dir, 'spec.json');
    fs.writeFileSync(
      spec,
      JSON.stringify({
        model: { params: 7e9 },
        training: { mode: 'finetune', tokens: 1e9 },
        hardware: { accelerator: 'A100', count: 8 },
      }),
    );
    const base = CliOutputSchema.parse(JSON.parse((await cli('estimate', '--spec', spec, '--json')).out));
    const r = await cli('estimate', '--spec', spec, '--json', '--intensity', '50', '--count', '4');
    assert.equal(r.code, 0, r.err);
    const over = CliOutputSchema.parse(JSON.parse(r.out));
    assert.equal(over.runs[0].hardware.count, 4);
    assert.ok(
      over.runs[0].assumptions.some((a) => a.field === 'datacenter.intensityGPerKWh' && a.source === 'override'),
    );
    assert.ok((over.runs[0].estimate.operationalCo2eKg ?? 0) < (base.runs[0].estimate.operationalCo2eKg ?? 0));
  });

  it('report --budget-kg exits 3 and names the run over budget', async () => {
    const r = await cli('report', EXAMPLES, '--budget-kg', '0.001');
    assert.equal(r.code, 3);
    assert.match(r.err, /over budget: .+ kg CO2e > 0.001 kg/);
  });

  it('report --csv has a header and one row per run', async () => {
    const r = await cli('report', EXAMPLES, '--csv');
    assert.equal(r.code, 0, r.err);
    const lines = r.out.trim().split('\n');
    assert.match(lines[0], /^file,startLine,endLine,model/);
    assert.ok(lines.length > 5);
  });

  for (const [args, pattern] of [
    [['estimate', '--bogus'], /Unknown option '--bogus'/],
    [['estimate', '/no/such/file.py'], /no such file or folder/],
    [['report', '/no/such/dir'], /no such file or folder/],
    [['estimate', '--spec', '/no/such/spec.json'], /cannot read/],
    [['estimate', 'x.py', '--count', 'many'], /--count must be an integer/],
    [['frobnicate'], /unknown command/],
    [['estimate', '--spec', __filename], /not valid JSON/],
  ] as Array<[string[], RegExp]>) {
    it(`exits 2 with a clear message: ${args.join(' ')}`, async () => {
      const r = await cli(...args);
      assert.equal(r.code, 2);
      assert.match(r.err, pattern);
      assert.doesNotMatch(r.err, /\n\s+at /, 'no stack trace');
    });
  }

  it('reads a notebook whose outputs take it over 2 MB in estimate, report and diff alike', async () => {
    // A notebook's plots are base64 in its outputs: a few MB is usual, and its limit is its own (MAX_NOTEBOOK_BYTES).
    const dir = tempDir('greenai-cli-big-notebook-');
    const empty = tempDir('greenai-cli-empty-');
    const notebook = JSON.parse(fs.readFileSync(path.join(EXAMPLES, 'notebooks/finetune_vit.ipynb'), 'utf8')) as {
      cells: Array<{ cell_type: string; outputs?: unknown[] }>;
    };
    const plot = { output_type: 'display_data', metadata: {}, data: { 'image/png': 'iVBORw0KGgo'.repeat(300_000) } };
    notebook.cells.find((c) => c.cell_type === 'code')!.outputs = [plot];
    const file = path.join(dir, 'finetune.ipynb');
    fs.writeFileSync(file, JSON.stringify(notebook));
    assert.ok(fs.statSync(file).size > 3 * 1024 * 1024, 'the notebook is over the 2 MB limit for code');
    // A Python file of the same size is still skipped with a message.
    fs.writeFileSync(path.join(dir, 'huge.py'), '# padding\n'.repeat(330_000));

    const estimate = await cli('estimate', file, '--json');
    assert.equal(estimate.code, 0, estimate.err);
    assert.equal((JSON.parse(estimate.out) as { runs: unknown[] }).runs.length, 1);

    const report = await cli('report', dir, '--json');
    assert.equal(report.code, 0, report.err);
    const runs = (JSON.parse(report.out) as { runs: Array<{ file: string }> }).runs;
    assert.deepEqual(
      runs.map((r) => r.file),
      ['finetune.ipynb'],
    );
    assert.match(report.err, /huge\.py: skipped, .*2 MB/);
    assert.doesNotMatch(report.err, /finetune\.ipynb: skipped/);

    const diff = await cli('diff', empty, dir, '--json');
    assert.equal(diff.code, 0, diff.err);
    assert.equal((JSON.parse(diff.out) as { head: { runs: number } }).head.runs, 1);
    assert.doesNotMatch(diff.err, /finetune\.ipynb: skipped/);
  });

  it('prints a version and help', async () => {
    assert.match((await cli('--version')).out, /^\d+\.\d+\.\d+/);
    assert.match((await cli('report', '--help')).out, /--budget-kg/);
  });
});

describe('Linking a launch script to the script and config it names', () => {
  it('merges the launcher flags, the accelerate config and the script into one run, counted once', async () => {
    const dir = tempDir('greenai-link-');
    fs.writeFileSync(
      path.join(dir, 'launch.sh'),
      '#!/bin/bash\naccelerate launch --config_file configs/acc.yaml train.py \\\n  --num_train_epochs 5\n',
    );
    fs.mkdirSync(path.join(dir, 'configs'));
    fs.writeFileSync(
      path.join(dir, 'configs/acc.yaml'),
      'distributed_type: MULTI_GPU\nnum_processes: 8\nmixed_precision: bf16\n',
    );
    fs.writeFileSync(
      path.join(dir, 'train.py'),
      [
        'import argparse',
        'from transformers import AutoModelForCausalLM, Trainer, TrainingArguments',
        'p = argparse.ArgumentParser()',
        'p.add_argument("--num_train_epochs", type=int, default=1)',
        'args = p.parse_args()',
        'model = AutoModelForCausalLM.from_pretrained("gpt2")',
        'targs = TrainingArguments(output_dir="out", num_train_epochs=args.num_train_epochs)',
        'Trainer(model=model, args=targs).train()',
      ].join('\n'),
    );
    const r = await cli('report', dir, '--json');
    assert.equal(r.code, 0, r.err);
    const out = CliOutputSchema.parse(JSON.parse(r.out));
    assert.deepEqual(
      out.runs.map((x) => x.file),
      ['launch.sh'],
      'train.py is part of the launcher run, not a second run',
    );
    const run = out.runs[0];
    assert.equal(run.model.name, 'gpt2');
    assert.equal(run.training.epochs, 5, 'the command-line flag beats the argparse default');
    assert.equal(run.training.precision, 'bf16');
    assert.equal(run.hardware.count, 8);
    const devices = run.assumptions.find((a) => a.field === 'hardware.count')!;
    assert.equal(devices.source, 'config');
    assert.match(devices.detail, /^configs\/acc\.yaml: /);
    // On its own, the script is still a run (opened alone in the editor).
    const alone = CliOutputSchema.parse(JSON.parse((await cli('estimate', path.join(dir, 'train.py'), '--json')).out));
    assert.equal(alone.runs[0].training.epochs, 1);
  });

  it('says when a named file is missing instead of guessing', async () => {
    const dir = tempDir('greenai-link-');
    fs.writeFileSync(path.join(dir, 'run.sh'), 'torchrun --nproc_per_node 4 missing.py --num_train_epochs 2\n');
    const r = await cli('report', dir, '--json');
    assert.equal(r.code, 0);
    assert.match(r.err, /missing\.py \(named at line 1\) was not found/);
    assert.equal(CliOutputSchema.parse(JSON.parse(r.out)).runs[0].hardware.count, 4);
  });
});

describe('The shipped JSON Schema of the --json output', () => {
  it('validates real report output and rejects a broken one', async () => {
    const Ajv2020 = (await import('ajv/dist/2020')).default;
    const schemaFile = path.join(EXAMPLES, '../dist/cli-output.schema.json');
    assert.ok(fs.existsSync(schemaFile), 'dist/cli-output.schema.json is generated by npm run build');
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(
      JSON.parse(fs.readFileSync(schemaFile, 'utf8')),
    );
    const r = await cli('report', EXAMPLES, '--json');
    const output = JSON.parse(r.out) as { runs: Array<{ training: { mode: string }; measured?: unknown }> };
    assert.ok(validate(output), JSON.stringify(validate.errors?.slice(0, 3)));
    assert.ok(output.runs.length >= 8);
    assert.ok(
      output.runs.some((run) => run.measured),
      'the CodeCarbon example is matched, so the schema covers "measured"',
    );
    output.runs[0].training.mode = 'sideways';
    assert.equal(validate(output), false);
  });
});

describe('.greenai.json team defaults', () => {
  it('apply to a report, name invalid fields, and yield to flags', async () => {
    const { parseWorkspaceConfig } = await import('../../src/core/workspaceConfig');
    const bad = parseWorkspaceConfig('{"region": "FR", "count": -2, "colour": "green"}');
    assert.equal(bad.config.region, 'FR');
    assert.equal(bad.config.count, undefined);
    assert.match(bad.problems.join('\n'), /count/);
    assert.match(bad.problems.join('\n'), /colour/);
    assert.match(parseWorkspaceConfig('{').problems[0], /not valid JSON/);

    const dir = tempDir('greenai-team-');
    fs.copyFileSync(path.join(EXAMPLES, 'hf-finetune/train_classifier.py'), path.join(dir, 'train.py'));
    fs.writeFileSync(path.join(dir, '.greenai.json'), JSON.stringify({ region: 'FR', accelerator: 'H100', count: 4 }));
    const team = CliOutputSchema.parse(JSON.parse((await cli('report', dir, '--json')).out)).runs[0];
    assert.equal(team.hardware.region, 'FR');
    assert.equal(team.hardware.accelerator, 'H100-SXM5-80GB');
    assert.equal(team.hardware.count, 4);
    const flagged = CliOutputSchema.parse(JSON.parse((await cli('report', dir, '--json', '--region', 'PL')).out))
      .runs[0];
    assert.equal(flagged.hardware.region, 'PL');
  });
});
