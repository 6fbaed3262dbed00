import * as assert from 'node:assert/strict';
import { messagesOf } from '../../src/core/problem';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { analyzeText } from '../../src/core/analyze';
import type { PythonParsing } from '../../src/core/parse/pythonParser';
import { DEFAULT_SETTINGS } from '../../src/core/runSpec';
import { analyzeSource, EXAMPLES, parsing } from './helpers';

/** Bad input never throws out of the scanner, never hangs, and is named in a message. */

const KINDS = ['train.py', 'config.yaml', 'config.json', 'launch.sh', 'notebook.ipynb'];
const SLOW_MS = 2000;

function exampleTexts(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(py|ya?ml|json|sbatch|sh|ipynb)$/.test(e.name)) out.push(fs.readFileSync(p, 'utf8'));
    }
  };
  walk(EXAMPLES);
  return out;
}

function analyseTimed(python: PythonParsing, name: string, text: string): void {
  const start = performance.now();
  const result = analyzeText({ path: name, text }, python, DEFAULT_SETTINGS);
  const ms = performance.now() - start;
  assert.ok(ms < SLOW_MS, `${name} took ${ms.toFixed(0)} ms`);
  for (const run of result.runs) {
    assert.ok(
      Number.isFinite(run.estimate.co2eKg) && run.estimate.co2eKg >= 0,
      `non-finite estimate for ${JSON.stringify(text.slice(0, 80))}`,
    );
    assert.ok(run.estimate.co2eKgLow <= run.estimate.co2eKg && run.estimate.co2eKg <= run.estimate.co2eKgHigh);
  }
}

/** A mutation of real training code: cut, splice, duplicate or corrupt a slice. */
const mutated = (texts: string[]) =>
  fc
    .tuple(
      fc.constantFrom(...texts),
      fc.array(
        fc.tuple(
          fc.nat(),
          fc.nat({ max: 200 }),
          fc.constantFrom('cut', 'dup', 'junk', 'bracket', 'truncate'),
          fc.string({ maxLength: 12 }),
        ),
        { minLength: 1, maxLength: 6 },
      ),
    )
    .map(([text, ops]) => {
      let t = text;
      for (const [at, len, op, junk] of ops) {
        const i = t.length === 0 ? 0 : at % t.length;
        if (op === 'cut') t = t.slice(0, i) + t.slice(i + len);
        else if (op === 'dup') t = t.slice(0, i) + t.slice(i, i + len) + t.slice(i);
        else if (op === 'junk') t = t.slice(0, i) + junk + t.slice(i);
        else if (op === 'bracket') t = t.slice(0, i) + '(['.repeat(len % 7) + t.slice(i);
        else t = t.slice(0, i);
      }
      return t;
    });

describe('Robustness (property-based)', function () {
  this.timeout(120_000);
  let python: PythonParsing;
  before(async () => {
    python = await parsing();
  });

  it('never throws or hangs on arbitrary text of any kind', () => {
    fc.assert(
      fc.property(fc.constantFrom(...KINDS), fc.string({ maxLength: 400 }), (name, text) => {
        analyseTimed(python, name, text);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws or hangs on mangled real training code and configs', () => {
    const texts = exampleTexts();
    fc.assert(
      fc.property(fc.constantFrom(...KINDS), mutated(texts), (name, text) => {
        analyseTimed(python, name, text);
      }),
      { numRuns: 300 },
    );
  });

  it('survives deeply nested and very long expressions', () => {
    const deep = `n_layer = ${'('.repeat(3000)}12${')'.repeat(3000)}\nfor epoch in range(n_layer):\n    loss.backward()\n`;
    analyseTimed(python, 'deep.py', deep);
    const long = `epochs = ${Array.from({ length: 20000 }, () => '1').join(' + ')}\nfor epoch in range(epochs):\n    loss.backward()\n`;
    analyseTimed(python, 'long.py', long);
    const nestedYaml = `${'a:\n'.split('').join('')}${Array.from({ length: 500 }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n')} 1\n`;
    analyseTimed(python, 'nested.yaml', nestedYaml);
  });

  it('reports absurd values by name instead of using them', async () => {
    const a = await analyzeSource(
      'absurd.py',
      [
        'from transformers import Trainer, TrainingArguments',
        'args = TrainingArguments(output_dir="o", num_train_epochs=-1, per_device_train_batch_size=1e400)',
        'Trainer(args=args).train()',
      ].join('\n'),
    );
    assert.equal(a.runs.length, 1);
    assert.match(messagesOf(a.problems).join('\n'), /-1 is not a sensible training\.epochs/);
    assert.ok(
      a.runs[0].run.unknowns.some((u) => /1e400 is not a finite number/.test(u.detail)),
      JSON.stringify(a.runs[0].run.unknowns),
    );
    assert.ok(a.runs[0].run.unknowns.some((u) => u.field === 'training.epochs'));
  });

  it('still reads the facts after a syntax error in the middle of a file', async () => {
    const a = await analyzeSource(
      'broken_mid.py',
      [
        'from transformers import AutoModelForCausalLM, Trainer, TrainingArguments',
        'model = AutoModelForCausalLM.from_pretrained("gpt2")',
        'def broken(:',
        '    pass',
        'args = TrainingArguments(output_dir="o", num_train_epochs=4, bf16=True)',
        'Trainer(model=model, args=args).train()',
      ].join('\n'),
    );
    assert.ok(
      a.problems.some((p) => /syntax error at line 3/.test(p.message) && p.line === 2),
      JSON.stringify(a.problems),
    );
    assert.equal(a.runs.length, 1);
    assert.equal(a.runs[0].run.model.name, 'gpt2');
    assert.equal(a.runs[0].run.training.epochs, 4);
    assert.equal(a.runs[0].run.training.precision, 'bf16');
  });

  it('skips a 5 MB generated file and a binary file with a .py name, saying why', async () => {
    const big = await analyzeSource('generated.py', `x = 1\n`.repeat(900_000));
    assert.match(big.problems[0].message, /skipped: 5\.\d MB is larger than the 2 MB limit/);
    const binary = await analyzeSource(
      'weights.py',
      Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0xff]).toString('latin1'),
    );
    assert.match(binary.problems[0].message, /binary/);
  });
});

describe('Broken notebooks', () => {
  it('reads the intact cells of a truncated notebook and says the file is broken', async () => {
    const { analyzeSource } = await import('./helpers');
    const cell = (source: string[]) => ({
      cell_type: 'code',
      execution_count: null,
      metadata: {},
      outputs: [],
      source,
    });
    const whole = JSON.stringify(
      {
        cells: [
          cell(['from transformers import AutoModelForSequenceClassification, Trainer, TrainingArguments\n']),
          cell([
            'model = AutoModelForSequenceClassification.from_pretrained("albert-base-v2")\n',
            'args = TrainingArguments(output_dir="o", num_train_epochs=3, fp16=True)\n',
            'Trainer(model=model, args=args).train()\n',
          ]),
          {
            cell_type: 'code',
            execution_count: 4,
            metadata: {},
            outputs: [{ name: 'stdout', output_type: 'stream', text: ['epoch 1\n', 'epoch 2\n'] }],
            source: ['print("done")\n'],
          },
        ],
        metadata: {},
        nbformat: 4,
        nbformat_minor: 5,
      },
      null,
      1,
    );
    const truncated = whole.slice(0, whole.indexOf('epoch 2'));
    const analysis = await analyzeSource('cut.ipynb', truncated);
    assert.equal(analysis.runs.length, 1, 'the training cell came before the cut');
    assert.equal(analysis.runs[0].run.model.name, 'albert-base-v2');
    assert.equal(analysis.runs[0].range.cell, 1, 'ranges still point at the cell');
    assert.ok(
      analysis.problems.some((p) => /not valid JSON.*intact code cells/.test(p.message)),
      messagesOf(analysis.problems).join('; '),
    );
  });
});

describe('Robustness of every reader of untrusted text (property-based)', function () {
  this.timeout(120_000);
  /** Characters the readers treat specially: quotes, expansions, brackets, directives, YAML and CSV syntax. */
  const hostileText = fc.stringOf(
    fc.constantFrom(
      '$',
      '{',
      '}',
      '(',
      ')',
      '[',
      ']',
      '-',
      '"',
      "'",
      '\\',
      '\n',
      '\r',
      ' ',
      '\t',
      'a',
      '1',
      '=',
      ':',
      ',',
      '#',
      '&',
      '*',
      '|',
      '>',
      'x',
      'torchrun ',
      'python train.py ',
      'for i in ',
      '; do',
      'done',
      '--',
      '${a-',
      'green-ai: ',
      'gpus=',
      'region=',
      '__proto__',
      'constructor',
      '---\n',
      'co2_eq_emissions: ',
      'from torchvision.models import (',
      'class M(nn.Module):',
      '"""',
    ),
    { maxLength: 300 },
  );
  const anyText = fc.oneof(hostileText, fc.string({ maxLength: 300 }), fc.fullUnicodeString({ maxLength: 100 }));

  it('shell, config, directive, team-file, CodeCarbon, model-card and notebook readers never throw', async () => {
    const { extractShellFacts } = await import('../../src/core/extract/shellFacts');
    const { extractConfigFacts } = await import('../../src/core/extract/configFacts');
    const { extractDirectives } = await import('../../src/core/extract/directives');
    const { parseWorkspaceConfig } = await import('../../src/core/workspaceConfig');
    const { parseCodeCarbonCsv } = await import('../../src/core/calibration/codecarbon');
    const { parseModelCard } = await import('../../src/core/calibration/modelCard');
    const { notebookCode } = await import('../../src/core/analyze');
    const header = 'timestamp,project_name,run_id,duration,emissions,energy_consumed,gpu_model,gpu_count,pue\n';
    fc.assert(
      fc.property(anyText, (text) => {
        extractShellFacts(text);
        extractConfigFacts(text, 'yaml');
        extractConfigFacts(text, 'json');
        extractDirectives(text);
        parseWorkspaceConfig(text);
        parseCodeCarbonCsv(header + text, 'emissions.csv');
        parseModelCard(`---\n${text}\nco2_eq_emissions: 1\n---\n`, 'README.md');
        notebookCode(text);
      }),
      { numRuns: 300 },
    );
  });

  it('notebooks with any JSON (objects where strings belong, toString keys) never throw', async () => {
    const { notebookCode } = await import('../../src/core/analyze');
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.anything(), fc.record({ cell_type: fc.constant('code'), source: fc.anything() })), {
          maxLength: 5,
        }),
        fc.anything(),
        (cells, metadata) => {
          let text: string;
          try {
            text = JSON.stringify({ cells, metadata });
          } catch {
            return; // not representable as JSON
          }
          const nb = notebookCode(text);
          assert.equal(typeof nb.code, 'string');
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a team file of any JSON object keeps only schema fields and never touches prototypes', async () => {
    const { parseWorkspaceConfig } = await import('../../src/core/workspaceConfig');
    const keys = fc.oneof(
      fc.constantFrom(
        '__proto__',
        'constructor',
        'toString',
        'prototype',
        'hasOwnProperty',
        'region',
        'pue',
        'count',
        'calibration',
        'budgetKg',
      ),
      fc.string({ maxLength: 8 }),
    );
    const schemaKeys = new Set([
      '$schema',
      'region',
      'pue',
      'accelerator',
      'count',
      'utilisation',
      'includeEmbodied',
      'calibration',
      'budgetKg',
    ]);
    fc.assert(
      fc.property(fc.dictionary(keys, fc.jsonValue({ maxDepth: 3 })), (object) => {
        const pairs = Object.entries(object).map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`);
        const parsed = parseWorkspaceConfig(`{${pairs.join(', ')}}`);
        for (const key of Object.keys(parsed.config)) assert.ok(schemaKeys.has(key), key);
        assert.equal(Object.getPrototypeOf(parsed.config), Object.prototype);
        assert.equal(({} as Record<string, unknown>).region, undefined);
      }),
      { numRuns: 300 },
    );
  });

  it('output neutralisation: no control characters in terminal text, no markup in Markdown, no formula in CSV', async () => {
    const { printable, markdownText, csvCell } = await import('../../src/core/report/neutralise');
    const { parse } = await import('csv-parse/sync');
    fc.assert(
      fc.property(fc.oneof(fc.fullUnicodeString({ maxLength: 60 }), hostileText), (s) => {
        // eslint-disable-next-line no-control-regex
        assert.doesNotMatch(printable(s), /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
        const md = markdownText(s);
        assert.doesNotMatch(md, /[\n\r]/);
        assert.doesNotMatch(md, /(?<!\\)[<>|[\]`]/, md);
        assert.doesNotMatch(md, /@\w/);
        const cell = parse(`${csvCell(s)}\n`, { relax_column_count: true })[0]?.[0] as string | undefined;
        if (s !== '') {
          assert.doesNotMatch(cell ?? '', /^[=+\-@\t\r]/);
          assert.equal(cell, /^[=+\-@\t\r]/.test(s) ? `'${s}` : s);
        }
      }),
      { numRuns: 500 },
    );
  });
});
