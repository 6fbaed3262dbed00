import * as assert from 'node:assert/strict';
import { extractConfigFacts } from '../../src/core/extract/configFacts';

describe('Thirty-first round: config values as the Python program reads them', () => {
  const config = (extra: string) =>
    [
      'train_files:',
      '  - /data/series.arrow',
      'context_length: 512',
      'max_steps: 200_000',
      'per_device_train_batch_size: 32',
      'learning_rate: 0.001',
      'model_id: acme/seq2seq-small',
      extra,
      'output_dir: ./output/',
      '',
    ].join('\n');
  const fact = (text: string, kind: string) =>
    extractConfigFacts(text, 'yaml', 'configs/run.yaml').facts.find((f) => f.kind === kind);

  it('reads an integer written with digit separators as PyYAML does (200_000 is 200000)', () => {
    const steps = fact(config(''), 'training.steps');
    assert.equal(steps?.value, 200000);
    // A string to PyYAML too: quoted, or not an integer's shape.
    assert.equal(fact(config('').replace('200_000', '"200_000"'), 'training.steps')?.value, null);
    assert.equal(fact(config('').replace('200_000', '200_000x'), 'training.steps')?.value, null);
  });

  it('trains the named model from random weights when a switch beside it says so', () => {
    for (const key of ['random_init', 'from_scratch', 'train_from_scratch']) {
      const scratch = fact(config(`${key}: true`), 'model.fromScratch');
      assert.equal(scratch?.value, true, key);
      assert.match(scratch?.detail ?? '', new RegExp(`${key}: true`));
    }
    assert.equal(fact(config('random_init: false'), 'model.fromScratch')?.value, false);
    assert.equal(fact(config(''), 'model.fromScratch')?.value, false);
  });
});
