import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyEdits } from '../../src/core/advise/fixes';
import type { FileAnalysis } from '../../src/core/analyze';
import { analyzeSource, EXAMPLES, parsing } from './helpers';

/** Every quick fix must leave valid code that the scanner then reads as changed. */

async function assertParses(name: string, code: string): Promise<void> {
  const tree = (await parsing()).parser.parse(code)!;
  try {
    assert.equal(tree.rootNode.hasError, false, `${name} no longer parses:\n${code}`);
  } finally {
    tree.delete();
  }
}

async function applyFix(name: string, text: string, kind: string): Promise<{ fixed: string; before: FileAnalysis; after: FileAnalysis; title: string }> {
  const before = await analyzeSource(name, text);
  const suggestion = before.runs[0]?.suggestions.find((s) => s.kind === kind);
  assert.ok(suggestion, `${name}: no ${kind} suggestion among ${before.runs[0]?.suggestions.map((s) => s.kind).join(', ')}`);
  assert.ok(suggestion.fix, `${name}: ${kind} has no quick fix`);
  const fixed = applyEdits(text, suggestion.fix.edits);
  await assertParses(name, fixed);
  return { fixed, before, after: await analyzeSource(name, fixed), title: suggestion.fix.title };
}

const example = (p: string) => fs.readFileSync(path.join(EXAMPLES, p), 'utf8');

describe('Quick fixes', () => {
  it('switches a Lightning Trainer to bf16 mixed precision by replacing precision="32"', async () => {
    const { fixed, after, title } = await applyFix('train_resnet.py', example('lightning-scratch/train_resnet.py'), 'mixed-precision');
    assert.match(fixed, /precision="bf16-mixed"/);
    assert.doesNotMatch(fixed, /precision="32"/);
    assert.equal(after.runs[0].run.training.precision, 'bf16');
    assert.match(title, /^Use bf16 mixed precision \(−\d+% CO2e\)$/);
  });

  it('sets bf16=True in multi-line Seq2SeqTrainingArguments, replacing the existing keyword', async () => {
    const { fixed, after } = await applyFix('run_summarization.py', example('hf-finetune/run_summarization.py'), 'mixed-precision');
    assert.match(fixed, /bf16=True/);
    assert.equal(after.runs[0].run.training.precision, 'bf16');
  });

  it('appends bf16=True to a one-line TrainingArguments call', async () => {
    const code = [
      'from transformers import AutoModelForSequenceClassification, Trainer, TrainingArguments',
      'model = AutoModelForSequenceClassification.from_pretrained("roberta-base")',
      'args = TrainingArguments(output_dir="out", num_train_epochs=2)',
      'Trainer(model=model, args=args).train()',
      '',
    ].join('\n');
    const { fixed, after } = await applyFix('one_line.py', code, 'mixed-precision');
    assert.match(fixed, /TrainingArguments\(output_dir="out", num_train_epochs=2, bf16=True\)/);
    assert.equal(after.runs[0].run.training.precision, 'bf16');
  });

  it('replaces the model id with its smaller sibling, keeping the quotes', async () => {
    const { fixed, after } = await applyFix('train_classifier.py', example('hf-finetune/train_classifier.py'), 'smaller-model');
    assert.match(fixed, /from_pretrained\("distilbert-base-uncased", num_labels=2\)/);
    assert.equal(after.runs[0].run.model.name, 'distilbert-base-uncased');
    assert.ok(after.runs[0].estimate.co2eKg < (await analyzeSource('x.py', example('hf-finetune/train_classifier.py'))).runs[0].estimate.co2eKg);
  });

  it('wraps a full fine-tune of a 7B model with a LoRA adapter and adds the import', async () => {
    const code = [
      'import torch',
      'from transformers import AutoModelForCausalLM, Trainer, TrainingArguments',
      '',
      'def main():',
      '    model = AutoModelForCausalLM.from_pretrained(',
      '        "mistralai/Mistral-7B-v0.1", torch_dtype=torch.bfloat16',
      '    )',
      '    args = TrainingArguments(output_dir="out", num_train_epochs=1, bf16=True)',
      '    Trainer(model=model, args=args).train()',
      '',
    ].join('\n');
    const { fixed, before, after } = await applyFix('full_ft.py', code, 'peft');
    assert.equal(before.runs[0].run.mode, 'finetune');
    assert.match(fixed, /^from peft import LoraConfig, get_peft_model$/m);
    assert.match(fixed, /^    model = get_peft_model\(model, LoraConfig\(r=16, lora_alpha=32, lora_dropout=0\.05, task_type="CAUSAL_LM"\)\)$/m);
    assert.equal(after.runs[0].run.mode, 'lora');
    assert.ok(after.runs[0].estimate.co2eKg < before.runs[0].estimate.co2eKg);
  });

  it('starts a torchvision model from pretrained weights with a third of the epochs', async () => {
    const { fixed, before, after, title } = await applyFix('train_resnet.py', example('lightning-scratch/train_resnet.py'), 'use-pretrained');
    assert.equal(before.runs[0].run.mode, 'pretrain');
    assert.match(fixed, /resnet50\(weights="DEFAULT"/);
    assert.match(fixed, /max_epochs=30/);
    assert.equal(after.runs[0].run.mode, 'finetune');
    assert.equal(after.runs[0].run.training.epochs, 30);
    assert.match(title, /a third of the epochs/);
  });

  it('turns from_config into from_pretrained for a named Hugging Face architecture', async () => {
    const code = [
      'from transformers import AutoConfig, AutoModelForCausalLM, Trainer, TrainingArguments',
      'config = AutoConfig.from_pretrained("gpt2")',
      'model = AutoModelForCausalLM.from_config(config)',
      'args = TrainingArguments(output_dir="out", num_train_epochs=9, bf16=True)',
      'Trainer(model=model, args=args).train()',
      '',
    ].join('\n');
    const { fixed, after } = await applyFix('scratch.py', code, 'use-pretrained');
    assert.match(fixed, /model = AutoModelForCausalLM\.from_pretrained\("gpt2"\)/);
    assert.match(fixed, /num_train_epochs=3/);
    assert.equal(after.runs[0].run.mode, 'finetune');
  });
});
