import * as assert from 'node:assert/strict';
import { extractConfigFacts } from '../../src/core/extract/configFacts';

describe('A config that names a head class beside the checkpoint it loads', () => {
  const config = (args: string) =>
    JSON.stringify(
      {
        name: 'Toxicity_classifier',
        n_gpu: 1,
        batch_size: 16,
        arch: { type: 'CLASSIFIER', args: JSON.parse(args) as unknown },
        optimizer: { type: 'AdamW', args: { lr: 2e-5 } },
      },
      null,
      2,
    );
  const models = (text: string) =>
    extractConfigFacts(text, 'json', 'configs/classifier.json').facts.filter((f) => f.kind === 'model.id');

  it('takes the model from the sibling that names a checkpoint, not from the class name', () => {
    const read = models(
      config('{"num_classes": 6, "model_type": "roberta-base", "model_name": "RobertaForSequenceClassification"}'),
    );
    assert.deepEqual(
      read.map((f) => f.value),
      ['roberta-base'],
    );
    assert.match(read[0].detail, /arch\.args\.model_type: roberta-base/);
    assert.match(read[0].detail, /RobertaForSequenceClassification/);
    // The range points at the checkpoint's value.
    const text = config('{"model_type": "acme/encoder-small", "model_name": "BertModel"}');
    const hub = models(text);
    assert.equal(hub[0]?.value, 'acme/encoder-small');
    assert.match(text.split('\n')[hub[0].range.startLine], /acme\/encoder-small/);
  });

  it('keeps the class name when no sibling names a checkpoint', () => {
    assert.deepEqual(
      models(
        config('{"num_classes": 6, "model_type": "classifier", "model_name": "BertForSequenceClassification"}'),
      ).map((f) => f.value),
      ['BertForSequenceClassification'],
    );
    // A checkpoint name under the model key is read as before.
    assert.deepEqual(
      models(config('{"model_name": "roberta-base", "model_type": "xlm-roberta-base"}')).map((f) => f.value),
      ['roberta-base'],
    );
  });
});

describe('A config naming the weights a stage starts from', () => {
  const stage = (init: string) =>
    `experiment:\n  project: "tok_stage"\n  init_weight: ${init}\nmodel:\n  vq_model:\n    codebook_size: 4096\ntraining:\n  mixed_precision: "fp16"\n  max_train_steps: 500000\n`;
  const scratch = (text: string) =>
    extractConfigFacts(text, 'yaml', 'configs/stage2.yaml').facts.find((f) => f.kind === 'model.fromScratch');

  it('starts from the named weights, and from nothing when the value is empty', () => {
    const from = scratch(stage('"tok_stage1.bin"'));
    assert.equal(from?.value, false);
    assert.match(from?.detail ?? '', /experiment\.init_weight: tok_stage1\.bin/);
    assert.equal(scratch(stage('""')), undefined);
  });
});
