import * as assert from 'node:assert/strict';
import { messagesOf } from '../../src/core/problem';
import { extractConfigFacts } from '../../src/core/extract/configFacts';
import { analyzeExample, analyzeSource, lineOf } from './helpers';

describe('Config and launch-script extraction', () => {
  it('links a quoted --config_file path without its quotes', async () => {
    const analysis = await analyzeSource(
      'run.sh',
      'accelerate launch --config_file "configs/fsdp.yaml"  train.py --model_name_or_path gpt2\n',
    );
    const link = analysis.facts.find((f) => f.kind === 'link.config');
    assert.equal(link?.value, 'configs/fsdp.yaml');
  });

  it('reads an axolotl QLoRA recipe with positions', async () => {
    const analysis = await analyzeExample('axolotl/qlora-mistral.yml');
    assert.equal(analysis.runs.length, 1);
    const run = analysis.runs[0].run;
    assert.equal(run.mode, 'qlora');
    assert.equal(run.model.name, 'mistralai/Mistral-7B-v0.1');
    assert.equal(run.training.epochs, 3);
    assert.equal(run.training.seqLen, 4096);
    const base = analysis.facts.find((f) => f.kind === 'model.id')!;
    assert.equal(base.range.startLine, lineOf('axolotl/qlora-mistral.yml', 'base_model:'));
  });

  it('reads accelerate and DeepSpeed configs as context, not as runs', async () => {
    const accelerate = await analyzeExample('pretrain-gpt/accelerate_config.yaml');
    assert.equal(accelerate.runs.length, 0);
    assert.ok(accelerate.facts.some((f) => f.kind === 'hardware.devices' && f.value === 8));
    assert.ok(accelerate.facts.some((f) => f.kind === 'training.precision' && f.value === 'bf16'));
    const ds = await analyzeExample('pretrain-gpt/ds_config.json');
    assert.ok(ds.facts.some((f) => f.kind === 'training.precision' && f.value === 'bf16'));
    assert.ok(ds.facts.some((f) => f.kind === 'training.batchPerDevice' && f.value === 12));
  });

  it('reports malformed YAML and JSON with the line, without throwing', () => {
    const yaml = extractConfigFacts('base_model: x\n  bad: [unclosed\n', 'yaml');
    assert.ok(yaml.problems.length > 0);
    assert.match(yaml.problems[0].message, /line \d+/);
    assert.equal(
      yaml.problems[0].line,
      Number(/line (\d+)/.exec(yaml.problems[0].message)?.[1]) - 1,
      'the position in the message, 0-based in line',
    );
    const json = extractConfigFacts('{"num_train_epochs": 3,,}', 'json');
    assert.ok(json.problems.length > 0);
  });

  it('reads SLURM directives and the torchrun command line', async () => {
    const analysis = await analyzeExample('slurm/train_llm.sbatch');
    assert.equal(analysis.runs.length, 1);
    const run = analysis.runs[0].run;
    assert.equal(run.hardware.count, 16, '2 nodes × 8 GPUs');
    assert.equal(run.model.name, 'mistralai/Mistral-7B-v0.1');
    assert.equal(run.training.epochs, 2);
    assert.equal(run.training.precision, 'bf16');
  });

  it('reads a notebook and reports one that is not JSON', async () => {
    const nb = await analyzeExample('notebooks/finetune_vit.ipynb');
    assert.equal(nb.runs.length, 1);
    assert.equal(nb.runs[0].run.model.name, 'google/vit-base-patch16-224');
    // Facts map back to their cells (0-based cell index, 0-based line within the cell).
    const epochs = nb.facts.find((f) => f.kind === 'training.epochs')!;
    assert.deepEqual([epochs.range.cell, epochs.range.startLine], [10, 4]);
    const dataset = nb.facts.find((f) => f.kind === 'training.dataset')!;
    assert.deepEqual([dataset.range.cell, dataset.range.startLine], [4, 0]);
    assert.equal(nb.runs[0].range.cell, 10, 'the run starts at the Trainer cell');
    const bad = await analyzeSource('bad.ipynb', '{"cells": [');
    assert.equal(bad.runs.length, 0);
    assert.match(bad.problems[0].message, /not valid JSON/);
  });

  it('skips binary and oversized files with a reason', async () => {
    const binary = await analyzeSource('weights.py', 'abc\u0000def');
    assert.match(binary.problems[0].message, /binary/);
    const huge = await analyzeSource('huge.py', 'x = 1\n'.repeat(400_000));
    assert.match(huge.problems[0].message, /larger than/);
  });
});

describe('Directive comments', () => {
  it('state what code cannot, win over the code and report source "directive"', async () => {
    const code = [
      'from transformers import AutoModelForCausalLM, Trainer, TrainingArguments',
      '# green-ai: gpus=8xH100 region=eu-north-1 dataset_tokens=2e9',
      'model = AutoModelForCausalLM.from_pretrained("gpt2")',
      'args = TrainingArguments(output_dir="o", num_train_epochs=2, bf16=True)',
      'Trainer(model=model, args=args).train()',
    ].join('\n');
    const analysis = await analyzeSource('train.py', code);
    assert.deepEqual(analysis.problems, []);
    const run = analysis.runs[0].run;
    assert.equal(run.hardware.count, 8);
    assert.equal(run.hardware.accelerator.id, 'H100-SXM5-80GB');
    assert.equal(run.hardware.region.id, 'eu-north-1');
    assert.equal(run.training.tokens, 4e9, '2e9 dataset tokens × 2 epochs');
    const acc = run.assumptions.find((a) => a.field === 'hardware.accelerator')!;
    assert.equal(acc.source, 'directive');
    assert.equal(acc.range?.startLine, 1);
  });

  it('names unknown keys and bad values', async () => {
    const analysis = await analyzeSource(
      'train.sh',
      '# green-ai: gpus=lots colour=green epochs=-2\ntorchrun train.py\n',
    );
    assert.equal(analysis.problems.length, 3, messagesOf(analysis.problems).join('\n'));
    assert.match(messagesOf(analysis.problems).join('\n'), /unknown key "colour"/);
    assert.match(messagesOf(analysis.problems).join('\n'), /gpus=lots should be a count/);
    assert.match(messagesOf(analysis.problems).join('\n'), /epochs=-2 is not a positive number/);
  });

  it('ships a TextMate injection grammar whose key pattern matches every documented key', async () => {
    const fs = await import('node:fs');
    const path = await import('node:path');
    const { DIRECTIVE_KEYS } = await import('../../src/core/extract/directives');
    const { ROOT } = await import('./helpers');
    const grammar = JSON.parse(
      fs.readFileSync(path.join(ROOT, 'syntaxes/green-ai-directive.injection.tmLanguage.json'), 'utf8'),
    ) as {
      scopeName: string;
      repository: { directive: { patterns: Array<{ match: string }> } };
    };
    const keyPattern = new RegExp(grammar.repository.directive.patterns[0].match);
    for (const key of Object.keys(DIRECTIVE_KEYS)) assert.ok(keyPattern.test(`${key}=1`), key);
    assert.ok(!keyPattern.test('colour=1'));
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      contributes: { grammars: Array<{ scopeName: string }> };
    };
    assert.equal(pkg.contributes.grammars[0].scopeName, grammar.scopeName);
  });

  it('counts a launch inside a shell for loop once per value', async () => {
    const { extractShellFacts } = await import('../../src/core/extract/shellFacts');
    const repeat = (loop: string) =>
      extractShellFacts(`#!/bin/bash\nfor s in ${loop}; do\n  python train.py --seed $s\ndone\n`).find(
        (f) => f.kind === 'launch.repeat',
      )?.value;
    assert.equal(repeat('1 2 3'), 3);
    assert.equal(repeat('{1..5}'), 5);
    assert.equal(repeat('$(seq 4)'), 4);
    assert.equal(repeat('$(seq 2 2 10)'), 5);
    assert.equal(repeat('$SEEDS'), undefined, 'a word list that is not literal is not counted');
    const nested = extractShellFacts(
      'for a in x y; do\n  for b in 1 2 3; do\n    torchrun --nproc_per_node 2 train.py\n  done\ndone\n',
    ).find((f) => f.kind === 'launch.repeat');
    assert.equal(nested?.value, 6);
  });
});

describe('A pretrained checkpoint named in a config', () => {
  const fromScratch = (yaml: string) =>
    extractConfigFacts(yaml, 'yaml').facts.find((f) => f.kind === 'model.fromScratch')?.value;

  it('a path or URL of a weights file means the run starts from it', () => {
    assert.equal(fromScratch("pretrained: 'https://host.example/models/vl_base.pth'\nmax_epoch: 5\n"), false);
    assert.equal(fromScratch('pretrained: checkpoints/stage1/last.ckpt\n'), false);
    assert.equal(fromScratch('pretrained: /weights/encoder/pytorch_model.bin\n'), false);
  });

  it('a weights tag, a bare .bin name or a sentence is not read as a checkpoint', () => {
    assert.equal(fromScratch('pretrained: laion2b_s34b_b79k\n'), undefined);
    assert.equal(fromScratch('pretrained: tokens.bin\n'), undefined);
    assert.equal(fromScratch('pretrained: see the README for model.pth\n'), undefined);
  });
});

describe('a checkpoint named as untrained weights', () => {
  const fromScratch = (json: string) =>
    extractConfigFacts(json, 'json').facts.find((f) => f.kind === 'model.fromScratch')?.value;
  it('trains an init script’s untrained or randomly initialised folder from scratch', () => {
    assert.equal(fromScratch('{"model_name_or_path": "./tts-untrained-600M/tts-untrained-600M/"}'), true);
    assert.equal(fromScratch('{"model_name_or_path": "out/random_init"}'), true);
    assert.equal(fromScratch('{"model_name_or_path": "runs/gpt2-from-scratch"}'), true);
  });
  it('reads other names, "trained" ones included, as pretrained checkpoints', () => {
    assert.equal(fromScratch('{"model_name_or_path": "bert-base-uncased"}'), false);
    assert.equal(fromScratch('{"model_name_or_path": "./my-trained-model"}'), false);
    assert.equal(fromScratch('{"model_name_or_path": "org/scratchpad-llm-7b"}'), false);
    assert.equal(fromScratch('{"model_name_or_path": "org/untrainedness-study"}'), false);
  });
});
