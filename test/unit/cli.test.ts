import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../src/cli/main';
import { CliOutputSchema } from '../../src/core/report/cliSchema';
import { EXAMPLES } from './helpers';

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
    for (const [from, name] of [['web-tree-sitter/tree-sitter.wasm', 'tree-sitter.wasm'], ['tree-sitter-python/tree-sitter-python.wasm', 'tree-sitter-python.wasm']]) {
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
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'greenai-'));
    const spec = path.join(dir, 'spec.json');
    fs.writeFileSync(spec, JSON.stringify({ model: { params: 7e9 }, training: { mode: 'finetune', tokens: 1e9 }, hardware: { accelerator: 'A100', count: 8 } }));
    const base = CliOutputSchema.parse(JSON.parse((await cli('estimate', '--spec', spec, '--json')).out));
    const r = await cli('estimate', '--spec', spec, '--json', '--intensity', '50', '--count', '4');
    assert.equal(r.code, 0, r.err);
    const over = CliOutputSchema.parse(JSON.parse(r.out));
    assert.equal(over.runs[0].hardware.count, 4);
    assert.ok(over.runs[0].assumptions.some((a) => a.field === 'datacenter.intensityGPerKWh' && a.source === 'override'));
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

  it('prints a version and help', async () => {
    assert.match((await cli('--version')).out, /^\d+\.\d+\.\d+/);
    assert.match((await cli('report', '--help')).out, /--budget-kg/);
  });
});
