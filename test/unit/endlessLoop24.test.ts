import * as assert from 'node:assert/strict';
import { pythonFacts } from './helpers';

/** A `while True:` trainer that counts its steps; `stopLines` is the body's test on the counter. */
const trainer = (stopLines: string[]) =>
  [
    'import torch',
    '',
    'net = torch.nn.Linear(4, 1)',
    'opt = torch.optim.SGD(net.parameters(), lr=0.1)',
    'step = 0',
    'while True:',
    '    loss = net(torch.randn(8, 4)).pow(2).mean()',
    '    loss.backward()',
    '    opt.step()',
    '    opt.zero_grad()',
    '    step += 1',
    ...stopLines,
    '',
  ].join('\n');

describe('endless step loops (readers/torch.ts endlessStepLoops)', () => {
  it('reads the bound of the test that leaves the loop', async () => {
    const facts = await pythonFacts(trainer(['    if step >= 300:', '        break']));
    assert.equal(facts.find((f) => f.kind === 'training.steps')?.value, 300);
  });

  it('does not take a test that only gates logging for the loop’s bound', async () => {
    const facts = await pythonFacts(
      trainer([
        '    elapsed = 0.0',
        '    if step > 10:',
        '        elapsed += 1.0',
        '    if step % 100 == 0:',
        '        print(step)',
      ]),
    );
    assert.equal(
      facts.find((f) => f.kind === 'training.steps'),
      undefined,
    );
  });

  it('reads a bound joined with another condition when its block returns', async () => {
    const facts = await pythonFacts(
      trainer(['    if (step > 49) and opt is not None:', '        return_value = step', '        break']),
    );
    assert.equal(facts.find((f) => f.kind === 'training.steps')?.value, 50);
  });

  it('reads a bound whose block leaves the loop further down (an else that breaks after a retry branch)', async () => {
    const facts = await pythonFacts(
      trainer([
        '    if step >= 700:',
        '        if opt is None:',
        '            opt = torch.optim.SGD(net.parameters(), lr=0.01)',
        '        else:',
        '            break',
      ]),
    );
    assert.equal(facts.find((f) => f.kind === 'training.steps')?.value, 700);
  });

  it('does not take a break of a loop inside the test’s block', async () => {
    const facts = await pythonFacts(
      trainer(['    if step > 5:', '        for k in range(3):', '            if k == 1:', '                break']),
    );
    assert.equal(
      facts.find((f) => f.kind === 'training.steps'),
      undefined,
    );
  });
});
