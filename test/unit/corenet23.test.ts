import * as assert from 'node:assert/strict';
import { devicesOfBatchComment } from '../../src/core/extract/config/corenet';
import { extractConfigFacts } from '../../src/core/extract/configFacts';

const valueOf = (text: string, kind: string) =>
  extractConfigFacts(text, 'yaml').facts.find((f) => f.kind === kind)?.value;

describe('CoreNet configs: GPUs from the effective-batch comment, aliases, the length the scheduler uses', () => {
  it('multiplies the accelerator count by the nodes, skipping counts of images, sequences and tokens', () => {
    assert.equal(devicesOfBatchComment(' effective batch size is 768 (96 * 8 GPUs)'), 8);
    assert.equal(
      devicesOfBatchComment(' global batch ~2M tokens (8 seqs x 8 H100 80 GB GPUs x 4 nodes x 4096 tokens)'),
      32,
    );
    assert.equal(devicesOfBatchComment(' batch 48 (2 nodes * 8 gpus per node * 3 images per GPU)'), 16);
    assert.equal(devicesOfBatchComment(' effective batch is 256 (256 images per GPU * 1 A100 GPU)'), 1);
    // Not a batch statement, or no accelerator named: nothing read.
    assert.equal(devicesOfBatchComment(' 8 GPUs were too slow here'), undefined);
    assert.equal(devicesOfBatchComment(' effective batch size is 512'), undefined);
  });

  it('bounds the comment it reads', () => {
    assert.equal(devicesOfBatchComment(` batch ${'9 x '.repeat(5000)}8 GPUs`), undefined);
  });

  it('reads a scalar alias as its anchored value, the nearest anchor before it', () => {
    const text = [
      'a: &dtype "float16"',
      'b: &dtype "bfloat16"',
      'common:',
      '  run_label: train',
      'dataset:',
      '  category: language_modeling',
      '  train_batch_size0: 4',
      'optim:',
      '  name: adamw',
      'scheduler:',
      '  is_iteration_based: true',
      '  max_iterations: 900',
      '  max_epochs: 3',
      'fsdp:',
      '  parameter_datatype: *dtype',
      'model:',
      '  language_modeling:',
      '    name: general_gpt',
      '    general_gpt:',
      '      model_name: tiny-lm',
    ].join('\n');
    assert.equal(valueOf(text, 'training.precision'), 'bf16');
    assert.equal(valueOf(text, 'training.steps'), 900);
    assert.equal(valueOf(text, 'training.epochs'), undefined);
    assert.equal(valueOf(text, 'model.id'), 'tiny-lm');
  });
});
