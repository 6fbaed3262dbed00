import * as assert from 'node:assert/strict';
import { messagesOf } from '../../src/core/problem';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { runCli } from '../../src/cli/main';
import { analyzeText, notebookCode, runCount } from '../../src/core/analyze';
import { parseModelCard } from '../../src/core/calibration/modelCard';
import { extractConfigFacts } from '../../src/core/extract/configFacts';
import { mayHoldConfigFacts } from '../../src/core/extract/configPrefilter';
import { extractDirectives } from '../../src/core/extract/directives';
import { extractShellFacts } from '../../src/core/extract/shellFacts';
import type { PythonParsing } from '../../src/core/parse/pythonParser';
import { CliOutputSchema, type CliRun } from '../../src/core/report/cliSchema';
import { runsToCsv, runsToMarkdown } from '../../src/core/report/format';
import { FolderScanCache, type ScanSource } from '../../src/core/scan/folderScan';
import { readRegularText, UnsafeFileError, writeFileInside } from '../../src/core/scan/safeFiles';
import { DEFAULT_SETTINGS } from '../../src/core/runSpec';
import { parseWorkspaceConfig, withCalibration } from '../../src/core/workspaceConfig';
import { parsing, ROOT, tempDir } from '../unit/helpers';
import { TRAIN_SCRIPT, writeFile } from './cases';

/**
 * Hostile inputs read in-process, by class (issue 17): the gate fails closed, nothing crashes,
 * nothing escapes the folder, no injection, failures stay contained. Each case is small and fast;
 * the ones that could hang or exhaust memory if they regressed run as processes (process.test.ts).
 */

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, { stdout: (s) => (out += s), stderr: (s) => (err += s), color: false });
  return { code, out, err };
}

function repo(files: Record<string, string>): string {
  const dir = tempDir('greenai-hostile-');
  for (const [name, text] of Object.entries(files)) writeFile(path.join(dir, name), text);
  return dir;
}

/** A time limit per case, for what runs synchronously (mocha's timeout cannot stop a busy loop). */
function within<T>(ms: number, what: string, fn: () => T): T {
  const start = performance.now();
  const result = fn();
  const took = performance.now() - start;
  assert.ok(took < ms, `${what} took ${took.toFixed(0)} ms (limit ${ms} ms)`);
  return result;
}

const run = (
  fields: Partial<CliRun['model']> & { file?: string; accelerator?: string; region?: string; detail?: string },
): CliRun => ({
  file: fields.file ?? 'train.py',
  range: { startLine: 1, endLine: 2 },
  model: { name: fields.name ?? null, params: 1e8, source: 'default' },
  training: { mode: 'finetune', epochs: 1, steps: null, tokens: 1e6, samples: null, precision: 'bf16' },
  hardware: { accelerator: fields.accelerator ?? 'A100-SXM4-80GB', count: 1, region: fields.region ?? 'world' },
  estimate: {
    flops: 1,
    acceleratorHours: 1,
    wallClockHours: 1,
    energyKWh: 1,
    co2eKg: 1,
    co2eKgLow: 0.5,
    co2eKgHigh: 2,
    operationalCo2eKg: 0.9,
    embodiedCo2eKg: 0.1,
  },
  assumptions: [],
  suggestions: [
    {
      kind: 'peft',
      title: `Use LoRA on ${fields.name ?? 'it'}`,
      co2eKgSaved: 0.5,
      tradeoff: fields.detail ?? 'none',
      fix: null,
    },
  ],
});

describe('Hostile input, in-process', function () {
  this.timeout(30_000);
  let python: PythonParsing;
  before(async () => {
    python = await parsing();
    const dir = path.join(ROOT, 'out/src/cli');
    fs.mkdirSync(dir, { recursive: true });
    for (const [from, name] of [
      ['web-tree-sitter/tree-sitter.wasm', 'tree-sitter.wasm'],
      ['tree-sitter-python/tree-sitter-python.wasm', 'tree-sitter-python.wasm'],
    ]) {
      fs.copyFileSync(path.join(ROOT, 'node_modules', from), path.join(dir, name));
    }
  });

  describe('[fail-open] the budget gate fails closed', () => {
    it('a .greenai.json with a mistyped region is an error naming it and the nearest ids, not a pass', async () => {
      const dir = repo({
        'train.py': 'from transformers import Trainer\ntrainer = Trainer(); trainer.train()\n',
        '.greenai.json': '{"region":"eu-nort-1"}',
      });
      const r = await cli('report', dir, '--budget-kg', '0.001');
      assert.equal(r.code, 2, r.err);
      assert.match(r.err, /unknown region "eu-nort-1"; closest known ids: eu-north-1/);
    });

    for (const [args, pattern] of [
      [['--region', ''], /--region: the region is empty/],
      [['--region', 'eu-nort-1'], /--region: unknown region "eu-nort-1"; closest known ids: eu-north-1/],
      [['--accelerator', 'Z9000'], /--accelerator: unknown accelerator "Z9000"; closest known ids: /],
      [['--accelerator', 'x'.repeat(100_000)], /--accelerator: unknown accelerator "x{80}…"/],
    ] as Array<[string[], RegExp]>) {
      it(`${args[0]} ${JSON.stringify(args[1].slice(0, 12))} exits 2 before reading anything`, async () => {
        const dir = repo({ 'train.py': TRAIN_SCRIPT });
        const r = await within(5000, 'the check', () => cli('report', dir, '--budget-kg', '0.001', ...args));
        assert.equal(r.code, 2);
        assert.match(r.err, pattern);
      });
    }

    it('a directive naming an unknown region or accelerator fails the gate (exit 2), the other runs still printed', async () => {
      const dir = repo({
        'a.py': `# green-ai: region=eu-nort-1\n${TRAIN_SCRIPT}`,
        'b.py': `# green-ai: gpus=8xZ9000\n${TRAIN_SCRIPT}`,
        'c.py': TRAIN_SCRIPT,
      });
      const r = await cli('report', dir, '--budget-kg', '1000000', '--json');
      assert.equal(r.code, 2, r.err);
      assert.match(
        r.err,
        /a\.py: green-ai directive at line 1: region: unknown region "eu-nort-1"; closest known ids: eu-north-1/,
      );
      assert.match(r.err, /b\.py: green-ai directive at line 1: gpus=8xZ9000: unknown accelerator "Z9000"/);
      assert.ok(
        CliOutputSchema.parse(JSON.parse(r.out)).runs.some((x) => x.file === 'c.py'),
        'what was estimated is printed',
      );
    });

    it('a run whose estimate is not finite (intermediate_size: 1e308) is an error naming the input, never dropped silently', async () => {
      const dir = repo({
        'a.py':
          'from transformers import LlamaConfig, LlamaForCausalLM, Trainer, TrainingArguments\nconfig = LlamaConfig(hidden_size=4096, intermediate_size=1e308, num_hidden_layers=32, vocab_size=32000)\nTrainer(model=LlamaForCausalLM(config), args=TrainingArguments(output_dir="o", max_steps=100)).train()\n',
      });
      const r = await cli('report', dir, '--budget-kg', '1000000');
      assert.equal(r.code, 2, r.err);
      assert.match(
        r.err,
        /a\.py: the run at line 3 cannot be estimated: model\.params is Infinity, from model\.ffnSize = 1e\+308/,
      );
    });

    it('--spec with forwardGflopsPerSample 1e308 is an error, not a crash', async () => {
      const spec = path.join(repo({}), 'spec.json');
      fs.writeFileSync(spec, JSON.stringify({ model: { forwardGflopsPerSample: 1e308 }, training: { samples: 1000 } }));
      const r = await cli('estimate', '--spec', spec);
      assert.equal(r.code, 2, r.err);
      // Refused by the spec's ranges up front, naming the field (or, past them, as a number that is not finite).
      assert.match(r.err, /forwardGflopsPerSample[^\n]*(not a real run|not a finite number)/);
    });

    it('settings naming an unknown region fail every run of a file with the error (the editor shows it)', () => {
      const a = analyzeText({ path: 'train.py', text: TRAIN_SCRIPT }, python, {
        ...DEFAULT_SETTINGS,
        region: 'eu-nort-1',
      });
      assert.equal(a.runs.length, 0);
      assert.match(messagesOf(a.errors).join('\n'), /unknown region "eu-nort-1"; closest known ids: eu-north-1/);
    });
  });

  describe('[crash] malformed values never abort a report', () => {
    it('a notebook whose source holds {"toString": 1} is read around it', () => {
      const nb = JSON.stringify({
        cells: [
          { cell_type: 'code', source: [{ toString: 1 }, 'import torch\n'] },
          { cell_type: 'code', source: { valueOf: 1 } },
          null,
          7,
        ],
      });
      assert.equal(notebookCode(nb).code, 'import torch\n\n');
      assert.doesNotThrow(() => analyzeText({ path: 'a.ipynb', text: nb }, python, DEFAULT_SETTINGS));
    });

    it('directive keys constructor, __proto__, toString are unknown keys', () => {
      const d = extractDirectives('# green-ai: constructor=1 __proto__=2 toString=3 hasOwnProperty=4 epochs=2\n');
      assert.deepEqual(
        d.facts.map((f) => f.kind),
        ['training.epochs'],
      );
      assert.equal(d.problems.length, 4);
      assert.equal(({} as Record<string, unknown>).epochs, undefined, 'Object.prototype untouched');
    });

    it('a directive line with 50,000 pairs reads 32 and says the rest is ignored', () => {
      const d = within(2000, 'the directives', () => extractDirectives(`# green-ai: ${'epochs=1 '.repeat(50_000)}\n`));
      assert.equal(d.facts.length, 32);
      assert.match(d.problems[0].message, /more than 32 settings on one line/);
    });

    for (const [text, expect] of [
      ['{"toString": true}', /toString: Unrecognized key/],
      ['{"__proto__": {"region": "FR"}}', /__proto__/],
      ['{"constructor": {"prototype": {"x": 1}}}', /constructor/],
      ['[1]', /must hold a JSON object, not an array/],
      ['"FR"', /must hold a JSON object/],
      [`${'['.repeat(100_000)}${']'.repeat(100_000)}`, /nests 100000 levels deep/],
      [`{"region": "FR", "x": "${'a'.repeat(300_000)}"}`, /over the 256 KB/],
    ] as Array<[string, RegExp]>) {
      it(`.greenai.json ${JSON.stringify(text.slice(0, 30))}: a message naming the problem, nothing applied from the prototype`, () => {
        const parsed = within(2000, 'parsing', () => parseWorkspaceConfig(text));
        assert.match(parsed.problems.join('\n'), expect);
        assert.equal(parsed.config.region, undefined);
        assert.equal(Object.getPrototypeOf(parsed.config), Object.prototype);
      });
    }

    it('calibrate --write on a .greenai.json that is not an object refuses, leaving it as it was', () => {
      assert.throws(
        () => withCalibration('[1]', { utilisationFactor: 1, powerFactor: 1, runs: 1, date: '2026-01-01' }),
        /must hold a JSON object/,
      );
    });

    it('a model card whose front matter is an alias bomb is a problem, not a crash', () => {
      let yaml = '---\na: &a [x,x,x,x,x,x,x,x,x,x]\n';
      let prev = 'a';
      for (let i = 0; i < 12; i++) {
        yaml += `b${i}: &b${i} [${Array(10).fill(`*${prev}`).join(',')}]\n`;
        prev = `b${i}`;
      }
      const card = within(2000, 'the card', () => parseModelCard(`${yaml}co2_eq_emissions: 10\n---\n`, 'README.md'));
      assert.equal(card.measurement, null);
      assert.match(card.problem ?? '', /cannot be read/);
    });
    it('the config prefilter stays linear on 4 MB of near misses (every word of its table but the last letter)', () => {
      const nearMisses = ['num_train_epoch', 'per_device_train_batch_siz', 'max_step', 'torchtune', 'bf1', '_target'];
      const text = `${nearMisses.map((w) => `${w}-x ${w}x ${w}: `).join('')}\n`.repeat(30_000);
      assert.ok(text.length > 4e6);
      assert.equal(
        within(2000, 'the config prefilter', () => mayHoldConfigFacts(text)),
        false,
      );
    });
    it('a config nested 200,000 levels deep is skipped with the reason, not a stack overflow', () => {
      for (const [format, text] of [
        ['yaml', `model_name_or_path: gpt2\nx:\n${'- '.repeat(200_000)}1\n`],
        ['yaml', `model_name_or_path: gpt2\nx: ${'{a: '.repeat(200_000)}1${'}'.repeat(200_000)}\n`],
        ['json', `{"model_name_or_path": "gpt2", "x": ${'['.repeat(200_000)}${']'.repeat(200_000)}}`],
      ] as const) {
        const read = within(2000, `a deep ${format} config`, () => extractConfigFacts(text, format));
        assert.deepEqual(read.facts, []);
        assert.match(read.problems[0].message, /^skipped: it nests more than 100 levels deep/);
      }
    });
  });

  describe('[memory] nothing grows without bound', () => {
    it('a sweep of 10^8 runs is not 10^8 objects; a sweep of 40 is one run × 40 that totals count', () => {
      const big = analyzeText(
        { path: 'sweep.sh', text: 'for i in {1..100000000}; do\n  torchrun --nproc_per_node 8 train.py\ndone\n' },
        python,
        DEFAULT_SETTINGS,
      );
      assert.equal(big.runs.length, 1);
      assert.match(messagesOf(big.problems).join('\n'), /would launch 100,000,000 runs/);
      const sweep = analyzeText(
        { path: 'sweep.sh', text: 'for s in $(seq 1 40); do\n  torchrun --nproc_per_node 8 train.py\ndone\n' },
        python,
        DEFAULT_SETTINGS,
      );
      assert.equal(sweep.runs.length, 1);
      assert.equal(runCount(sweep.runs[0]), 40);
    });

    it('a shell variable that grows ×10 per line stays bounded', () => {
      const facts = within(3000, 'the script', () =>
        extractShellFacts(`A=xxxxxxxxxx\n${'A="$A $A $A $A $A $A $A $A $A $A"\n'.repeat(60)}torchrun train.py $A\n`),
      );
      assert.ok(facts.some((f) => f.kind === 'launch.trainer'));
      assert.ok(facts.every((f) => f.detail.length < 10_000));
    });
  });

  describe('[outside-folder] reading and writing stay inside the folder', () => {
    it('a file is never written through a link, nor into a folder outside', () => {
      const dir = repo({ 'outside.json': '{"keep": true}\n', 'repo/x': '' });
      const root = fs.realpathSync(path.join(dir, 'repo'));
      fs.symlinkSync('../outside.json', path.join(dir, 'repo/.greenai.json'));
      assert.throws(
        () => writeFileInside(root, path.join(dir, 'repo/.greenai.json'), '{}'),
        (e: unknown) => e instanceof UnsafeFileError && e.kind === 'link',
      );
      assert.throws(
        () => writeFileInside(root, path.join(dir, 'elsewhere.json'), '{}'),
        (e: unknown) => e instanceof UnsafeFileError && e.kind === 'outside',
      );
      assert.equal(fs.readFileSync(path.join(dir, 'outside.json'), 'utf8'), '{"keep": true}\n');
      writeFileInside(root, path.join(dir, 'repo/new.json'), '{}');
      assert.equal(fs.readFileSync(path.join(dir, 'repo/new.json'), 'utf8'), '{}');
    });

    it('calibrate --write refuses a .greenai.json linked out of the folder (exit 2), the outside file unchanged', async () => {
      const dir = repo({ 'outside.json': '{"region": "FR"}\n', 'repo/train.py': TRAIN_SCRIPT });
      fs.symlinkSync('../outside.json', path.join(dir, 'repo/.greenai.json'));
      const r = await cli('calibrate', path.join(dir, 'repo'), '--write');
      assert.equal(r.code, 2, r.err);
      assert.match(r.err, /\.greenai\.json: a symbolic link to a file outside the folder/);
      assert.equal(fs.readFileSync(path.join(dir, 'outside.json'), 'utf8'), '{"region": "FR"}\n');
    });

    it('reads refuse links out of the folder, links to nothing, and devices', () => {
      const dir = repo({ 'outside.txt': 'secret', 'repo/in.txt': 'fine' });
      const root = fs.realpathSync(path.join(dir, 'repo'));
      fs.symlinkSync('../outside.txt', path.join(dir, 'repo/out.txt'));
      fs.symlinkSync('nothing', path.join(dir, 'repo/dangling.txt'));
      fs.symlinkSync('/dev/zero', path.join(dir, 'repo/zero.txt'));
      assert.equal(readRegularText(path.join(dir, 'repo/in.txt'), { root, maxBytes: 100 }).text, 'fine');
      for (const [name, kind] of [
        ['out.txt', 'outside'],
        ['dangling.txt', 'link'],
        ['zero.txt', 'outside'],
      ] as const) {
        assert.throws(
          () => readRegularText(path.join(dir, 'repo', name), { root, maxBytes: 100 }),
          (e: unknown) => e instanceof UnsafeFileError && e.kind === kind,
          name,
        );
      }
      assert.throws(
        () => readRegularText('/dev/zero', { maxBytes: 100 }),
        (e: unknown) => e instanceof UnsafeFileError && e.kind === 'not-regular',
      );
    });
  });

  describe('[injection] file text stays inert in every output', () => {
    const names = ["=cmd|' /C calc'!A0", '+1+1', '-2+3', '@SUM(A1)', '\tx', '\rx', 'a,"b"\nc'];

    it('CSV cells that could start a formula are quoted and prefixed (OWASP); CR and LF are quoted', () => {
      const csv = runsToCsv(names.map((name) => run({ name })));
      const rows = parseCsv<Record<string, string>>(csv, { columns: true, relax_quotes: false });
      assert.equal(rows.length, names.length);
      rows.forEach((row, i) => {
        assert.doesNotMatch(row.model, /^[=+\-@\t\r]/, `row ${i}`);
        assert.equal(row.model.replace(/^'/, ''), names[i]);
      });
    });

    it('Markdown escapes HTML, pipes, brackets, mentions, URLs and newlines in every value from a file', () => {
      const md = runsToMarkdown([
        run({
          name: '<img src=x onerror=alert(1)> | @everyone [x](http://e) ![i](https://t/p.png)\r\nnext',
          file: 'a|b<script>.py',
          accelerator: '<b>',
          region: '[r](javascript:x)',
          detail: '<details open>',
        }),
      ]);
      assert.doesNotMatch(md, /(?<!\\)<(img|script|b|details)\b/, 'raw HTML');
      assert.doesNotMatch(md, /(^|[^\\])\[x\]\(/m);
      assert.doesNotMatch(md, /@everyone/);
      assert.doesNotMatch(md, /https?:\/\//);
      const row = md.split('\n').find((l) => l.includes('onerror'))!;
      assert.ok(row, md);
      assert.equal(row.split(/(?<!\\)\|/).length, 9, `one row, 7 cells: ${row}`);
    });

    it('terminal output carries no escape sequences from YAML values', async () => {
      const dir = repo({ 'c.yaml': 'model_name_or_path: "\\e[31mRED\\e]0;title\\a\\u202e"\nnum_train_epochs: 3\n' });
      const r = await cli('report', dir);
      assert.match(r.out, /\[31mRED/);
      // eslint-disable-next-line no-control-regex
      assert.doesNotMatch(r.out + r.err, /[\u001b\u0007\u202e]/);
    });
  });

  describe('[contained] one file failing never empties the report', () => {
    it('a bug while reading one file is that file’s internal error; the scan keeps the others', async () => {
      const throwing = () => {
        throw new Error('boom');
      };
      const a = analyzeText(
        { path: '/r/launch.sh', text: 'torchrun train.py\n' },
        python,
        DEFAULT_SETTINGS,
        {},
        throwing,
      );
      assert.match(a.internalError ?? '', /boom/);
      const enc = new TextEncoder();
      const sources: ScanSource[] = [
        { path: '/r/bad.py', display: 'bad.py', read: async () => throwing() },
        { path: '/r/good.py', display: 'good.py', read: async () => enc.encode(TRAIN_SCRIPT) },
      ];
      const result = await new FolderScanCache().scan(sources, {
        python,
        root: '/r',
        settingsFor: () => DEFAULT_SETTINGS,
      });
      assert.deepEqual(
        result.files.filter((f) => f.analysis.runs.length > 0).map((f) => f.display),
        ['good.py'],
      );
      assert.match(result.skipped[0].reason, /boom/);
    });

    it('a file over its time budget is skipped with the reason, not waited for', () => {
      const text = `import torch\n${'from torchvision.models import (\n'.repeat(20_000)}`;
      const a = within(4000, 'the budgeted file', () =>
        analyzeText({ path: 'imports.py', text, timeBudgetMs: 300 }, python, DEFAULT_SETTINGS),
      );
      assert.match(messagesOf(a.problems).join('\n'), /skipped: reading it took longer than 0\.3 s/);
      // The parser is usable again afterwards (a cancelled parse must not resume into the next one).
      assert.equal(analyzeText({ path: 'train.py', text: TRAIN_SCRIPT }, python, DEFAULT_SETTINGS).runs.length, 1);
    });

    it('the budget holds while facts are read, not only after: a parsed module of 60,000 statements', () => {
      // Linear work, but seconds of it: the budget is checked between phases and every few hundred nodes.
      const text = `import torch\n${"x = 'a'\n".repeat(60_000)}for epoch in range(3):\n    loss.backward()\n`;
      const tree = python.parser.parse(text)!;
      try {
        const start = performance.now();
        const a = analyzeText({ path: 'strings.py', text, tree, timeBudgetMs: 200 }, python, DEFAULT_SETTINGS);
        const took = performance.now() - start;
        assert.match(
          messagesOf(a.problems).join('\n'),
          /skipped: reading it took longer than 0\.2 s \(reading its facts\)/,
        );
        // One phase may run past the deadline before the next look at the clock; not the whole module.
        const whole = (() => {
          const t = performance.now();
          analyzeText({ path: 'strings.py', text, tree, timeBudgetMs: 600_000 }, python, DEFAULT_SETTINGS);
          return performance.now() - t;
        })();
        assert.ok(took < whole / 2, `stopped after ${took.toFixed(0)} ms; reading it all takes ${whole.toFixed(0)} ms`);
      } finally {
        tree.delete();
      }
    });
  });
});
