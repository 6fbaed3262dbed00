import * as assert from 'node:assert/strict';
import { analyzeText, type LinkedFileReader } from '../../src/core/analyze';
import { extractDirectives } from '../../src/core/extract/directives';
import type { Problem } from '../../src/core/problem';
import { DEFAULT_SETTINGS } from '../../src/core/runSpec';
import { analyzeSource, parsing } from './helpers';

/** Problems are values with positions (0-based line and column) wherever the line is known. */

function find(problems: readonly Problem[], pattern: RegExp): Problem {
  const p = problems.find((x) => pattern.test(x.message));
  assert.ok(p, `no problem matching ${String(pattern)} in ${JSON.stringify(problems)}`);
  return p;
}

describe('structured problems', () => {
  it('a directive problem points at its pair, an error at its directive', () => {
    const text = 'import torch\n\n#   green-ai: epochs=2 colour=green gpus=2xZ9000\n';
    const d = extractDirectives(text);
    const unknown = find(d.problems, /unknown key "colour"/);
    assert.deepEqual([unknown.line, unknown.column], [2, text.split('\n')[2].indexOf('colour=green')]);
    const error = find(d.errors, /unknown accelerator "Z9000"/);
    assert.deepEqual([error.line, error.column], [2, text.split('\n')[2].indexOf('gpus=2xZ9000')]);
    assert.match(
      unknown.message,
      /green-ai directive at line 3/,
      'the message still names the line, 1-based, for the CLI',
    );
  });

  it('a Python syntax error is at its node', async () => {
    const a = await analyzeSource('broken.py', 'from transformers import Trainer\nx = (1,\nTrainer().train()\n');
    const syntax = find(a.problems, /^syntax error at line (\d+), column (\d+)/);
    const [, line, column] = /line (\d+), column (\d+)/.exec(syntax.message)!;
    assert.deepEqual([syntax.line, syntax.column], [Number(line) - 1, Number(column) - 1]);
  });

  it('a YAML error carries its line and column', async () => {
    const a = await analyzeSource('cfg.yaml', 'model_name_or_path: gpt2\nnum_train_epochs: 3\n  bad: [unclosed\n');
    const yaml = find(a.problems, /^YAML line (\d+), column (\d+)/);
    const [, line, column] = /line (\d+), column (\d+)/.exec(yaml.message)!;
    assert.deepEqual([yaml.line, yaml.column], [Number(line) - 1, Number(column) - 1]);
  });

  it('files named but not found are said one by one up to ten, then counted in one message', async () => {
    const python = await parsing();
    const lines = Array.from({ length: 30 }, (_, i) => `torchrun train_${i}.py --config configs/run_${i}.yaml`);
    const a = analyzeText(
      { path: '/repo/sweep.sh', text: ['#!/bin/bash', ...lines].join('\n') },
      python,
      DEFAULT_SETTINGS,
      {},
      () => undefined,
    );
    const each = a.problems.filter((p) => / was not found; its settings are not included$/.test(p.message));
    assert.equal(each.length, 10);
    const rest = find(a.problems, /^(\d+) more named files were not found/);
    assert.equal(Number(/^(\d+)/.exec(rest.message)![1]) + each.length, 60, rest.message);
  });

  it('an absurd value points at the fact, a linked file that is not there at the line that names it', async () => {
    const python = await parsing();
    const text = ['#!/bin/bash', 'export X=1', 'accelerate launch --config_file missing.yaml train.py'].join('\n');
    const a = analyzeText({ path: '/repo/launch.sh', text }, python, DEFAULT_SETTINGS, {}, () => undefined);
    const missing = find(a.problems, /missing\.yaml .*was not found/);
    assert.equal(missing.line, 2);
    assert.equal(missing.file, undefined);

    const absurd = await analyzeSource(
      'absurd.py',
      [
        'from transformers import Trainer, TrainingArguments',
        'args = TrainingArguments(output_dir="o", num_train_epochs=-1)',
        'Trainer(args=args).train()',
      ].join('\n'),
    );
    const epochs = find(absurd.problems, /-1 is not a sensible training\.epochs/);
    assert.equal(epochs.line, 1);
    assert.ok(epochs.column !== undefined && epochs.column > 0);
  });

  it("a linked file's problem keeps its file and its own position; the message names the file as before", async () => {
    const python = await parsing();
    const files: Record<string, string> = { '/repo/cfg.yaml': 'num_train_epochs: 3\n  bad: [unclosed\n' };
    const read: LinkedFileReader = (_from, reference) => {
      const path = `/repo/${reference}`;
      return files[path] === undefined ? undefined : { path, display: reference, text: files[path] };
    };
    const a = analyzeText(
      { path: '/repo/launch.sh', text: 'accelerate launch --config_file cfg.yaml train.py\n' },
      python,
      DEFAULT_SETTINGS,
      {},
      read,
    );
    const linked = find(a.problems, /^cfg\.yaml: YAML line/);
    assert.equal(linked.file, 'cfg.yaml');
    assert.equal(linked.line, Number(/YAML line (\d+)/.exec(linked.message)![1]) - 1);
  });

  it('a run that cannot be estimated is an error at the run', async () => {
    const text =
      'from transformers import LlamaConfig, LlamaForCausalLM, Trainer, TrainingArguments\nconfig = LlamaConfig(hidden_size=4096, intermediate_size=1e308, num_hidden_layers=32, vocab_size=32000)\nTrainer(model=LlamaForCausalLM(config), args=TrainingArguments(output_dir="o", max_steps=100)).train()\n';
    const a = await analyzeSource('a.py', text);
    const error = find(a.errors, /^the run at line (\d+) cannot be estimated/);
    assert.equal(error.line, Number(/line (\d+)/.exec(error.message)![1]) - 1);
  });

  it("in a notebook, a problem's line is counted within its cell", async () => {
    const nb = JSON.stringify({
      cells: [
        { cell_type: 'code', source: 'import torch\n' },
        { cell_type: 'markdown', source: '# notes\n' },
        { cell_type: 'code', source: 'x = 1\n# green-ai: epochs=2 colour=green\n' },
      ],
    });
    const a = await analyzeSource('nb.ipynb', nb);
    const unknown = find(a.problems, /unknown key "colour"/);
    assert.deepEqual([unknown.cell, unknown.line], [2, 1]);
  });
});
