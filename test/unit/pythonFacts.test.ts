import * as assert from 'node:assert/strict';
import type { Fact, FactKind } from '../../src/core/facts';
import { extractPythonFacts } from '../../src/core/extract/pythonFacts';
import { analyzeExample, analyzeSource, lineOf, parsing, pythonFacts } from './helpers';

const factsOf = pythonFacts;

function first(facts: readonly Fact[], kind: FactKind): Fact | undefined {
  return facts.find((f) => f.kind === kind);
}

describe('Python extraction', () => {
  it('keeps the statement a timing magic runs in a notebook (`%time train(...)`), and blanks other magics', async () => {
    const cell = (source: string) => ({ cell_type: 'code', source, metadata: {}, outputs: [], execution_count: null });
    const notebook = JSON.stringify({
      nbformat: 4,
      nbformat_minor: 5,
      metadata: {},
      cells: [
        cell(
          '!pip install torch\nimport torch\nmodel = torch.nn.Linear(4, 2)\nopt = torch.optim.SGD(model.parameters(), lr=0.1)',
        ),
        cell(
          'def train(epochs):\n    for epoch in range(epochs):\n        loss = model(torch.randn(8, 4)).sum()\n        loss.backward()\n        opt.step()',
        ),
        cell('%time train(5)'),
      ],
    });
    const analysis = await analyzeSource('timed.ipynb', notebook);
    assert.equal(analysis.notARun, undefined);
    assert.equal(analysis.runs.length, 1);
  });

  it('reads names bound by tuple unpacking (`model_id, out = "org/model", "dir"`), at module level and in a function', async () => {
    const code = (indent: string) =>
      `from trl import SFTTrainer\n${indent}model_id, output_dir = "org/chat-3b", "chat-3b-sft"\n${indent}SFTTrainer(model=model_id, args=None).train()\n`;
    for (const [wrap, indent] of [
      [(c: string) => c, ''],
      [(c: string) => `def main():\n${c}\nmain()\n`, '    '],
    ] as const) {
      const facts = await factsOf(wrap(code(indent)));
      assert.equal(first(facts, 'model.id')?.value, 'org/chat-3b', indent ? 'in a function' : 'at module level');
    }
    // Unequal sides bind nothing rather than the wrong value.
    assert.equal(
      first(
        await factsOf('from trl import SFTTrainer\na, b = "org/x", "y", "z"\nSFTTrainer(model=a).train()\n'),
        'model.id',
      )?.value ?? null,
      null,
    );
  });

  it('reads TrainingArguments keywords and the pretrained model on their lines', async () => {
    const facts = (await analyzeExample('hf-finetune/train_classifier.py')).facts;
    const model = first(facts, 'model.id')!;
    assert.equal(model.value, 'bert-base-uncased');
    assert.equal(
      model.range.startLine,
      lineOf('hf-finetune/train_classifier.py', 'from_pretrained("bert-base-uncased"'),
    );
    const epochs = first(facts, 'training.epochs')!;
    assert.equal(epochs.value, 3);
    assert.equal(epochs.range.startLine, lineOf('hf-finetune/train_classifier.py', 'num_train_epochs=3'));
    assert.equal(first(facts, 'model.fromScratch')?.value, false);
    assert.ok(facts.some((f) => f.kind === 'training.precision' && f.value === 'fp16'));
    assert.ok(facts.some((f) => f.kind === 'training.dataset' && f.value === 'glue/sst2'));
  });

  it('resolves module constants, arithmetic and argparse defaults', async () => {
    const facts = await factsOf(
      [
        'import argparse',
        'EPOCHS = 2 * 5',
        'p = argparse.ArgumentParser()',
        'p.add_argument("--batch-size", type=int, default=16 * 2)',
        'args = p.parse_args()',
        'targs = TrainingArguments(output_dir="o", num_train_epochs=EPOCHS, per_device_train_batch_size=args.batch_size)',
      ].join('\n'),
    );
    // The constant is a fact where it is written, and again where TrainingArguments uses it.
    assert.equal(first(facts, 'training.epochs')?.value, 10);
    const used = facts.find((f) => f.kind === 'training.epochs' && /TrainingArguments/.test(f.detail))!;
    assert.equal(used.value, 10);
    assert.equal(used.confidence, 'medium');
    assert.match(used.detail, /EPOCHS/);
    assert.equal(used.originLine, 1, 'points back at the line that writes the value');
    assert.equal(first(facts, 'training.batchPerDevice')?.value, 32);
    assert.match(first(facts, 'training.batchPerDevice')!.detail, /--batch-size/);
  });

  it('takes the GPU branch of a conditional and says so', async () => {
    const facts = await factsOf('t = Trainer(max_epochs=(50 if torch.cuda.is_available() else 1))');
    const epochs = first(facts, 'training.epochs')!;
    assert.equal(epochs.value, 50);
    assert.match(epochs.detail, /GPU branch/);
  });

  it('reports values it cannot read as unknown with their range, never guessed', async () => {
    const facts = await factsOf('args = TrainingArguments(output_dir="o", num_train_epochs=compute_epochs())');
    const epochs = first(facts, 'training.epochs')!;
    assert.equal(epochs.value, null);
    assert.equal(epochs.range.startLine, 0);
    assert.match(epochs.detail, /cannot be read/);
  });

  it('reads dataclass field defaults (HfArgumentParser) for model and sizes', async () => {
    const analysis = await analyzeExample('hf-finetune/run_summarization.py');
    assert.equal(analysis.runs.length, 1);
    const run = analysis.runs[0].run;
    assert.equal(run.model.name, 't5-small');
    assert.equal(run.training.epochs, 3);
  });

  it('distinguishes torchvision models trained from scratch and Lightning devices', async () => {
    const analysis = await analyzeExample('lightning-scratch/train_resnet.py');
    const facts = analysis.facts;
    assert.equal(first(facts, 'model.id')?.value, 'resnet50');
    assert.equal(first(facts, 'model.fromScratch')?.value, true);
    assert.equal(first(facts, 'training.epochs')?.value, 90);
    assert.equal(first(facts, 'hardware.devices')?.value, 4);
    assert.equal(analysis.runs[0].run.mode, 'pretrain');
    assert.equal(analysis.runs[0].run.hardware.count, 4);
  });

  it('counts epochs of a plain PyTorch loop through an argparse default', async () => {
    const facts = (await analyzeExample('pytorch-loop/train_mnist_cnn.py')).facts;
    const epochs = facts.filter((f) => f.kind === 'training.epochs' && f.value !== null);
    assert.ok(
      epochs.some((f) => f.value === 14),
      `epochs found: ${JSON.stringify(epochs.map((f) => f.value))}`,
    );
  });

  it('recognises QLoRA from BitsAndBytesConfig and LoraConfig', async () => {
    const analysis = await analyzeExample('lora-peft/finetune_llama_lora.py');
    assert.equal(analysis.runs.length, 1);
    assert.equal(analysis.runs[0].run.mode, 'qlora');
    assert.equal(analysis.runs[0].run.model.name, 'meta-llama/Llama-2-7b-hf');
    assert.equal(analysis.runs[0].run.training.precision, 'bf16');
  });

  it('reports syntax errors as messages and still reads what parsed', async () => {
    const analysis = await (
      await import('./helpers')
    ).analyzeSource(
      'broken.py',
      'args = TrainingArguments(num_train_epochs=2,\nmodel = AutoModel.from_pretrained("gpt2"\n',
    );
    assert.ok(
      analysis.problems.some((p) => /syntax error at line \d+/.test(p.message) && p.line !== undefined),
      JSON.stringify(analysis.problems),
    );
  });

  it('reads a dataclass field whose default is a module constant', async () => {
    const code = [
      'from dataclasses import dataclass',
      'from transformers import AutoModelForCausalLM, HfArgumentParser, Trainer, TrainingArguments',
      'DEFAULT_MODEL = "EleutherAI/pythia-410m"',
      '',
      '',
      '',
      '@dataclass',
      'class ModelArguments:',
      '    cache_dir: str = None',
      '    revision: str = "main"',
      '    use_fast: bool = True',
      '    model_name_or_path: str = DEFAULT_MODEL',
      'parser = HfArgumentParser((ModelArguments, TrainingArguments))',
      'model_args, training_args = parser.parse_args_into_dataclasses()',
      'model = AutoModelForCausalLM.from_pretrained(model_args.model_name_or_path)',
      'Trainer(model=model, args=training_args).train()',
      '',
    ].join('\n');
    const analysis = await (await import('./helpers')).analyzeSource('dc.py', code);
    assert.equal(analysis.runs[0]?.run.model.name, 'EleutherAI/pythia-410m');
  });

  it('gives the same facts for a version of a file as for a fresh read, after lines were inserted and changed', async () => {
    const python = await parsing();
    const before = [
      'from transformers import AutoModelForSequenceClassification, Trainer, TrainingArguments',
      'EPOCHS = 3',
      'model = AutoModelForSequenceClassification.from_pretrained("roberta-base")',
      'args = TrainingArguments(output_dir="o", num_train_epochs=EPOCHS)',
      'Trainer(model=model, args=args).train()',
      '',
    ].join('\n');
    const after = ['# a new first line', ...before.split('\n')]
      .join('\n')
      .replace('EPOCHS = 3', 'EPOCHS = 7')
      .replace('roberta-base', 'roberta-large');
    const read = (text: string) => {
      const tree = python.parser.parse(text)!;
      try {
        return extractPythonFacts(tree, text)
          .map((f) => `${f.kind}=${String(f.value)}@${f.range.startLine}`)
          .sort();
      } finally {
        tree.delete();
      }
    };
    read(before); // the next read reuses what it can from this version
    const incremental = read(after);
    read('x = 1\n'); // something unrelated in between: nothing to reuse
    assert.deepEqual(incremental, read(after));
    assert.ok(incremental.includes('training.epochs=7@4'), incremental.join(', '));
    assert.ok(incremental.includes('model.id=roberta-large@3'), incremental.join(', '));
  });
});

describe('Vision models imported by name', () => {
  it('reads `from torchvision.models import (...)` constructors and a forward-only use as inference', async () => {
    const code = [
      'import torch',
      'from torchvision.models import (',
      '    ResNet50_Weights,',
      '    resnet50,',
      ')',
      'model = resnet50(weights=ResNet50_Weights.DEFAULT).eval()',
      'with torch.no_grad():',
      '    y = model(x)',
      '',
    ].join('\n');
    const analysis = await (await import('./helpers')).analyzeSource('predict.py', code);
    assert.equal(analysis.runs.length, 1);
    assert.equal(analysis.runs[0].run.model.name, 'resnet50');
    assert.equal(analysis.runs[0].run.mode, 'inference');
    const training = await (
      await import('./helpers')
    ).analyzeSource('train.py', `${code}loss.backward()\noptimizer.step()\n`);
    assert.notEqual(training.runs[0]?.run.mode, 'inference', 'a file that trains is not read as inference');
  });
});

describe('Sweeps', () => {
  it('makes one run per value of a loop around train(), not of an epoch loop', async () => {
    const { analyzeSource } = await import('./helpers');
    const code = [
      'from transformers import AutoModelForSequenceClassification, Trainer, TrainingArguments',
      'for seed in range(4):',
      '    model = AutoModelForSequenceClassification.from_pretrained("roberta-base")',
      '    Trainer(model=model, args=TrainingArguments(output_dir="o", num_train_epochs=2, seed=seed)).train()',
      '',
    ].join('\n');
    const sweep = await analyzeSource('sweep.py', code);
    // One run object standing for the four (a loop of 10^8 must not build 10^8 objects); totals count four.
    assert.equal(sweep.runs.length, 1);
    assert.equal(sweep.runs[0].trial?.of, 4);
    assert.ok(sweep.runs[0].run.assumptions.some((a) => a.field === 'run.trial' && a.value === '4 runs'));
    const loop = await analyzeSource(
      'loop.py',
      'import torch\nmodel = torch.nn.Linear(10, 2)\nfor epoch in range(5):\n    loss = model(x).sum()\n    loss.backward()\n',
    );
    assert.equal(loop.runs.length, 1, 'an epoch loop is the run itself');
  });
});

describe('Embedding layout of hand-written language models', () => {
  it('adds an untied output layer and a learned position table to the size formula', async () => {
    const { analyzeSource } = await import('./helpers');
    const model = (tied: boolean) =>
      [
        'import torch',
        'from torch import nn',
        'n_layer = 8',
        'n_embd = 512',
        'vocab_size = 32000',
        'block_size = 1024',
        'class LM(nn.Module):',
        '    def __init__(self, cfg):',
        '        super().__init__()',
        '        self.tok = nn.Embedding(cfg.vocab_size, cfg.n_embd)',
        '        self.pos = nn.Embedding(cfg.block_size, cfg.n_embd)',
        '        self.blocks = make_blocks(cfg)',
        '        self.head = nn.Linear(cfg.n_embd, cfg.vocab_size, bias=False)',
        ...(tied ? ['        self.head.weight = self.tok.weight'] : []),
        'for it in range(1000):',
        '    loss = model(x).sum()',
        '    loss.backward()',
        '',
      ].join('\n');
    const untied = (await analyzeSource('lm.py', model(false))).runs[0].run.spec.model.params;
    const tied = (await analyzeSource('lm.py', model(true))).runs[0].run.spec.model.params;
    // 8·12·512² + (32,000 + 1,024)·512, plus 32,000·512 for an untied head.
    assert.equal(tied, 8 * 12 * 512 * 512 + (32_000 + 1_024) * 512);
    assert.equal(untied, tied + 32_000 * 512);
  });
});
