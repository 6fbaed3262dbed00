import * as assert from 'node:assert/strict';
import { extractConfigFacts } from '../../src/core/extract/configFacts';

const precisions = (text: string, format: 'yaml' | 'json' = 'yaml') =>
  extractConfigFacts(text, format)
    .facts.filter((f) => f.kind === 'training.precision')
    .map((f) => f.value);

describe('Mixed precision switched on with no dtype named', () => {
  it('`mixed_precision: true` in a JSON run config is fp16 autocast; false says nothing of the dtype', () => {
    assert.deepEqual(precisions('{"model": "Tacotron2", "epochs": 1000, "mixed_precision": true}', 'json'), ['fp16']);
    assert.deepEqual(precisions('{"model": "Tacotron2", "epochs": 1000, "mixed_precision": false}', 'json'), []);
    // Weights loaded in bfloat16 without autocast compute in bfloat16.
    assert.deepEqual(precisions('{"dtype": "bfloat16", "use_amp": false, "max_steps": 750}', 'json'), ['bf16']);
  });

  it('`amp` / `use_amp` booleans read the same; a named dtype still wins its own way', () => {
    assert.deepEqual(precisions('train:\n  epochs: 300\n  amp: true\n'), ['fp16']);
    assert.deepEqual(precisions('use_amp: false\nepochs: 10\n'), []);
    assert.deepEqual(precisions('mixed_precision: bf16\nnum_processes: 8\n'), ['bf16']);
    // A string that is not a boolean (`amp: O2`, Apex's optimisation levels) is not read as one.
    assert.deepEqual(precisions('amp: O2\n'), []);
  });
});
