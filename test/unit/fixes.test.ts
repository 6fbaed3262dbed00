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

async function applyFix(
  name: string,
  text: string,
  kind: string,
): Promise<{ fixed: string; before: FileAnalysis; after: FileAnalysis; title: string }> {
  const before = await analyzeSource(name, text);
  const suggestion = before.runs[0]?.suggestions.find((s) => s.kind === kind);
  assert.ok(
    suggestion,
    `${name}: no ${kind} suggestion among ${before.runs[0]?.suggestions.map((s) => s.kind).join(', ')}`,
  );
  assert.ok(suggestion.fix, `${name}: ${kind} has no quick fix`);
  const fixed = applyEdits(text, suggestion.fix.edits);
  await assertParses(name, fixed);
  return { fixed, before, after: await analyzeSource(name, fixed), title: suggestion.fix.title };
}

const example = (p: string) => fs.readFileSync(path.join(EXAMPLES, p), 'utf8');

describe('Quick fixes', () => {
  it('switches a Lightning Trainer to bf16 mixed precision by replacing precision="32"', async () => {
    const { fixed, after, title } = await applyFix(
      'train_resnet.py',
      example('lightning-scratch/train_resnet.py'),
      'mixed-precision',
    );
    assert.match(fixed, /precision="bf16-mixed"/);
    assert.doesNotMatch(fixed, /precision="32"/);
    assert.equal(after.runs[0].run.training.precision, 'bf16');
    assert.match(title, /^Use bf16 mixed precision \(−\d+% CO2e\)$/);
  });

  it('sets bf16=True in multi-line Seq2SeqTrainingArguments, replacing the existing keyword', async () => {
    const { fixed, after } = await applyFix(
      'run_summarization.py',
      example('hf-finetune/run_summarization.py'),
      'mixed-precision',
    );
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
    const { fixed, after } = await applyFix(
      'train_classifier.py',
      example('hf-finetune/train_classifier.py'),
      'smaller-model',
    );
    assert.match(fixed, /from_pretrained\("distilbert-base-uncased", num_labels=2\)/);
    assert.equal(after.runs[0].run.model.name, 'distilbert-base-uncased');
    assert.ok(
      after.runs[0].estimate.co2eKg <
        (await analyzeSource('x.py', example('hf-finetune/train_classifier.py'))).runs[0].estimate.co2eKg,
    );
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
      'if __name__ == "__main__":',
      '    main()',
      '',
    ].join('\n');
    const { fixed, before, after } = await applyFix('full_ft.py', code, 'peft');
    assert.equal(before.runs[0].run.mode, 'finetune');
    assert.match(fixed, /^from peft import LoraConfig, get_peft_model$/m);
    assert.match(
      fixed,
      /^ {4}model = get_peft_model\(model, LoraConfig\(r=16, lora_alpha=32, lora_dropout=0\.05, task_type="CAUSAL_LM"\)\)$/m,
    );
    assert.equal(after.runs[0].run.mode, 'lora');
    assert.ok(after.runs[0].estimate.co2eKg < before.runs[0].estimate.co2eKg);
  });

  it('starts a torchvision model from pretrained weights with a third of the epochs', async () => {
    const { fixed, before, after, title } = await applyFix(
      'train_resnet.py',
      example('lightning-scratch/train_resnet.py'),
      'use-pretrained',
    );
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

  describe('early stopping', () => {
    it('adds EarlyStoppingCallback and the evaluation it needs to a Hugging Face Trainer', async () => {
      const code = [
        'from transformers import AutoModelForSequenceClassification, Trainer, TrainingArguments',
        'model = AutoModelForSequenceClassification.from_pretrained("roberta-base")',
        'args = TrainingArguments(',
        '    output_dir="out",',
        '    num_train_epochs=10,',
        '    save_strategy="steps",',
        ')',
        'trainer = Trainer(model=model, args=args, train_dataset=train, eval_dataset=valid)',
        'trainer.train()',
        '',
      ].join('\n');
      const { fixed, before, title } = await applyFix('hf_es.py', code, 'early-stopping');
      assert.match(fixed, /^from transformers import EarlyStoppingCallback$/m);
      assert.match(fixed, /callbacks=\[EarlyStoppingCallback\(early_stopping_patience=2\)\]/);
      assert.match(fixed, /save_strategy="epoch"/, 'save and eval strategies must match for load_best_model_at_end');
      assert.match(fixed, /eval_strategy="epoch",\n {4}load_best_model_at_end=True/);
      // Upper bound: stopping after epoch 1 + patience 2 saves 7 of 10 epochs.
      const s = before.runs[0].suggestions.find((x) => x.kind === 'early-stopping')!;
      assert.match(s.title, /up to 7 of 10 epochs/);
      assert.match(title, /^Add early stopping, patience 2 \(up to −\d+% CO2e\)$/);
      assert.equal(
        before.runs[0].suggestions.at(-1)?.kind,
        'early-stopping',
        'an upper bound ranks after central savings',
      );
    });

    it('adds to an existing callbacks list of a Lightning Trainer and imports from the package in use', async () => {
      const code = [
        'import lightning as L',
        'from lightning.pytorch.callbacks import ModelCheckpoint',
        'import torchvision',
        'class M(L.LightningModule):',
        '    def validation_step(self, batch, i):',
        '        self.log("val_loss", 0.0)',
        'model = torchvision.models.resnet18(weights="DEFAULT")',
        'trainer = L.Trainer(max_epochs=30, accelerator="gpu", devices=1, callbacks=[ModelCheckpoint()])',
        'trainer.fit(M(), train_loader, val_loader)',
        '',
      ].join('\n');
      const { fixed } = await applyFix('pl_es.py', code, 'early-stopping');
      assert.match(fixed, /callbacks=\[EarlyStopping\(monitor="val_loss", patience=2\), ModelCheckpoint\(\)\]/);
      assert.match(fixed, /^from lightning\.pytorch\.callbacks import EarlyStopping$/m);
    });

    it('adds a Keras EarlyStopping callback to fit() when it validates, and offers no fix when it does not', async () => {
      const code = [
        'from tensorflow import keras',
        'model = keras.applications.ResNet50(weights="imagenet")',
        'model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")',
        'model.fit(x_train, y_train, epochs=50, batch_size=128, validation_split=0.1)',
        '',
      ].join('\n');
      const { fixed } = await applyFix('keras_es.py', code, 'early-stopping');
      assert.match(
        fixed,
        /validation_split=0\.1, callbacks=\[keras\.callbacks\.EarlyStopping\(monitor="val_loss", patience=2, restore_best_weights=True\)\]\)/,
      );
      const blind = await analyzeSource('keras_blind.py', code.replace(', validation_split=0.1', ''));
      const s = blind.runs[0].suggestions.find((x) => x.kind === 'early-stopping');
      assert.ok(s, 'the suggestion still explains the saving');
      assert.equal(s.fix, null, 'without validation data there is nothing to stop on');
    });

    it('is not suggested for short runs, step-based schedules or training from scratch', async () => {
      const scratch = await analyzeSource(
        'scratch.py',
        fs.readFileSync(path.join(EXAMPLES, 'lightning-scratch/train_resnet.py'), 'utf8'),
      );
      assert.ok(
        !scratch.runs[0].suggestions.some((x) => x.kind === 'early-stopping'),
        'a 90-epoch from-scratch schedule is meant to run to the end',
      );
      const short = await analyzeSource(
        'short.py',
        'from transformers import AutoModelForSequenceClassification, Trainer, TrainingArguments\nmodel = AutoModelForSequenceClassification.from_pretrained("roberta-base")\nargs = TrainingArguments(output_dir="o", num_train_epochs=3)\nTrainer(model=model, args=args, eval_dataset=v).train()\n',
      );
      assert.ok(!short.runs[0].suggestions.some((x) => x.kind === 'early-stopping'));
    });
  });
});
