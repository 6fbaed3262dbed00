import * as assert from 'node:assert/strict';
import type { Fact } from '../../src/core/facts';
import { pythonFacts } from './helpers';

/**
 * Thirty-fifth round, set AJ: values a training function computes from its own parameters, and what a program's own
 * helpers stand for (a held autocast, a load into a model built empty, micro-batch iteration counts).
 */

const valuesOf = (facts: readonly Fact[], kind: string) => facts.filter((f) => f.kind === kind).map((f) => f.value);

const FABRIC_SETUP = (body: string) =>
  [
    'import lightning as L',
    'import torch',
    'from lit_model.utils import get_default_supported_precision',
    'from lit_model.model import GPT, Config',
    '',
    'def setup(devices: int = 4, precision=None, tpu: bool = False):',
    body,
    '    fabric = L.Fabric(devices=devices, precision=precision)',
    '    fabric.launch()',
    '    model = GPT(Config.from_name("tiny-model"))',
    '    loss = model(torch.ones(1)).sum()',
    '    fabric.backward(loss)',
    '',
    'if __name__ == "__main__":',
    '    setup()',
    '',
  ].join('\n');

describe('Thirty-fifth round: function-local values and a program’s own helpers', () => {
  it('decides a function’s branches with its parameters at their defaults', async () => {
    const facts = await pythonFacts(
      FABRIC_SETUP(
        '    precision = "bf16-mixed"\n    if devices > 1:\n        if tpu:\n            devices = "auto"\n',
      ),
    );
    assert.deepEqual(valuesOf(facts, 'hardware.devices'), [4]);
    // With the switch on by default, the branch runs and its value is what Fabric gets.
    const tpu = await pythonFacts(
      FABRIC_SETUP('    precision = "bf16-mixed"\n    if tpu:\n        devices = 2\n').replace(
        'tpu: bool = False',
        'tpu: bool = True',
      ),
    );
    assert.deepEqual(valuesOf(tpu, 'hardware.devices'), [2]);
  });

  it('reads `x = x or default()` with the parameter unset as the right side, and litgpt’s precision helper', async () => {
    const facts = await pythonFacts(
      FABRIC_SETUP('    precision = precision or get_default_supported_precision(training=True)\n'),
    );
    const precision = facts.find((f) => f.kind === 'training.precision' && f.value !== null);
    assert.equal(precision?.value, 'bf16');
    assert.match(precision?.detail ?? '', /get_default_supported_precision/);
    // A parameter with a value of its own keeps it.
    const given = await pythonFacts(
      FABRIC_SETUP('    precision = precision or get_default_supported_precision(training=True)\n').replace(
        'precision=None',
        'precision="16-mixed"',
      ),
    );
    assert.deepEqual(
      valuesOf(given, 'training.precision').filter((v) => v !== null),
      ['fp16'],
    );
  });

  it('counts the optimizer steps of `max_iters = max_step * gradient_accumulation_steps`', async () => {
    const text = [
      'global_batch_size = 512',
      'micro_batch_size = 8',
      'devices = 8',
      'max_step = 20000',
      'batch_size = global_batch_size // devices',
      'gradient_accumulation_steps = batch_size // micro_batch_size',
      'max_iters = max_step * gradient_accumulation_steps',
      '',
    ].join('\n');
    const steps = (await pythonFacts(text)).find((f) => f.kind === 'training.steps');
    assert.equal(steps?.value, 20000);
    assert.match(steps?.detail ?? '', /micro-batches/);
    // A product with no accumulation count is read whole.
    const plain = (await pythonFacts('epochs_steps = 100\nmax_iters = epochs_steps * 3\n')).find(
      (f) => f.kind === 'training.steps',
    );
    assert.equal(plain?.value, 300);
  });

  it('starts from a checkpoint a Fabric run loads raw into the model', async () => {
    const body = FABRIC_SETUP('    precision = "bf16-mixed"\n');
    const scratch = valuesOf(await pythonFacts(body), 'model.fromScratch');
    assert.deepEqual(scratch, [true]);
    const loaded = await pythonFacts(
      body.replace('    loss =', '    fabric.load_raw("out/base/lit_model.pth", model)\n    loss ='),
    );
    assert.deepEqual(valuesOf(loaded, 'model.fromScratch'), [false]);
  });
});
