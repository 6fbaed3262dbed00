import * as assert from 'node:assert/strict';
import type { Fact } from '../../src/core/facts';
import { pythonFacts, valuesOf } from './helpers';

/** Layers a constructor builds in steps: loops appending to a ModuleList or a local list, setattr, add_module. */
describe('Sixty-sixth round: layers built in a constructor’s loops are counted', () => {
  const linear = (i: number, o: number) => i * o + o;
  const block = (d: number) => linear(d, 4 * d) + linear(4 * d, d);
  /** The sizes read (a count whose parts are all unknown reads none). */
  const sizes = (facts: Fact[]) => valuesOf(facts, 'model.params').filter((v) => v !== null);
  const program = (mlpBody: string[], build = 'MLP(10, [32, 64], 16)') =>
    [
      'import torch',
      'import torch.nn as nn',
      '',
      'class Block(nn.Module):',
      '    def __init__(self, dim, mult=4):',
      '        super().__init__()',
      '        self.fc1 = nn.Linear(dim, dim * mult)',
      '        self.fc2 = nn.Linear(dim * mult, dim)',
      '',
      'class MLP(nn.Module):',
      '    def __init__(self, in_dim, hidden_dims, out_dim, depth=3):',
      '        super().__init__()',
      ...mlpBody.map((l) => `        ${l}`),
      '',
      `model = ${build}`,
      'opt = torch.optim.Adam(model.parameters())',
      'for step in range(100):',
      '    opt.zero_grad()',
      '',
    ].join('\n');
  const stack = [
    'layers = []',
    'prev = in_dim',
    'for h in hidden_dims:',
    '    layers.append(nn.Linear(prev, h))',
    '    layers.append(nn.ReLU())',
    '    prev = h',
    'layers.append(nn.Linear(prev, out_dim))',
    'self.net = nn.Sequential(*layers)',
  ];

  it('follows a local list filled in a loop whose input width moves on each turn', async () => {
    const facts = await pythonFacts(program(stack));
    assert.deepEqual(sizes(facts), [linear(10, 32) + linear(32, 64) + linear(64, 16)]);
  });

  it('counts blocks appended to a ModuleList and heads registered with setattr', async () => {
    const facts = await pythonFacts(
      program([
        ...stack,
        'self.blocks = nn.ModuleList()',
        'for i in range(depth):',
        '    self.blocks.append(Block(out_dim))',
        'for i, width in enumerate([1, 2]):',
        '    setattr(self, f"head{i}", nn.Linear(out_dim, width))',
      ]),
    );
    assert.deepEqual(sizes(facts), [
      linear(10, 32) + linear(32, 64) + linear(64, 16) + 3 * block(16) + linear(16, 1) + linear(16, 2),
    ]);
  });

  it('follows the branch a known argument takes, and one adding no weights either way', async () => {
    const facts = await pythonFacts(
      [
        'import torch',
        'import torch.nn as nn',
        '',
        'class LipSwish(nn.Module):',
        '    def forward(self, x):',
        '        return 0.909 * nn.functional.silu(x)',
        '',
        'class MLP(nn.Module):',
        '    def __init__(self, in_size, out_size, width, depth, final_linear, tanh):',
        '        super().__init__()',
        '        model = [nn.Linear(in_size, width), LipSwish()]',
        '        for _ in range(depth - 1):',
        '            model.append(nn.Linear(width, width))',
        '            model.append(LipSwish())',
        '        if final_linear:',
        '            model.append(nn.Linear(width, out_size))',
        '        else:',
        '            model.append(nn.Identity())',
        '        if tanh:',
        '            model.append(nn.Tanh())',
        '        self._model = nn.Sequential(*model)',
        '',
        'model = MLP(3, 2, 16, 3, True, tanh=load_flag())',
        'opt = torch.optim.Adam(model.parameters())',
        'for step in range(100):',
        '    opt.zero_grad()',
        '',
      ].join('\n'),
    );
    assert.deepEqual(sizes(facts), [linear(3, 16) + 2 * linear(16, 16) + linear(16, 2)]);
  });

  it('follows a layer rebound in each turn by the branch the turn takes and registered by setattr (the NeRF shape)', async () => {
    const facts = await pythonFacts(
      [
        'import torch',
        'from torch import nn',
        '',
        'class NeRF(nn.Module):',
        '    def __init__(self, D=8, W=256, in_channels_xyz=63, skips=[4]):',
        '        super().__init__()',
        '        self.D = D',
        '        for i in range(D):',
        '            if i == 0:',
        '                layer = nn.Linear(in_channels_xyz, W)',
        '            elif i in skips:',
        '                layer = nn.Linear(W + in_channels_xyz, W)',
        '            else:',
        '                layer = nn.Linear(W, W)',
        '            layer = nn.Sequential(layer, nn.ReLU(True))',
        '            setattr(self, f"xyz_encoding_{i+1}", layer)',
        '        self.sigma = nn.Linear(W, 1)',
        '',
        'model = NeRF()',
        'opt = torch.optim.Adam(model.parameters())',
        'for step in range(100):',
        '    opt.zero_grad()',
        '',
      ].join('\n'),
    );
    assert.deepEqual(sizes(facts), [linear(63, 256) + linear(256 + 63, 256) + 6 * linear(256, 256) + linear(256, 1)]);
  });

  it('does not expand a layer bound to a call that names it again without end', async () => {
    const facts = await pythonFacts(
      [
        'import torch',
        'from torch import nn',
        '',
        'stem = nn.Linear(4, 4)',
        'stem = nn.Sequential(stem, nn.ReLU())',
        '',
        'class Net(nn.Module):',
        '    def __init__(self):',
        '        super().__init__()',
        '        self.body = nn.Sequential(stem, nn.Linear(4, 2))',
        '',
        'model = Net()',
        'opt = torch.optim.Adam(model.parameters())',
        'for step in range(100):',
        '    opt.zero_grad()',
        '',
      ].join('\n'),
    );
    assert.deepEqual(sizes(facts), []);
  });

  it('gives no size from a block of a larger network of the file that could not be counted', async () => {
    const facts = await pythonFacts(
      [
        'import torch',
        'from torch import nn',
        '',
        'class Gate(nn.Module):',
        '    def __init__(self, k=5):',
        '        super().__init__()',
        '        self.conv = nn.Conv2d(2, 1, k, bias=False)',
        '',
        'class Restorer(nn.Module):',
        '    def __init__(self, widths):',
        '        super().__init__()',
        '        self.gate = Gate()',
        '        self.body = nn.ModuleList([nn.Conv2d(w, w, 3) for w in widths])',
        '',
      ].join('\n'),
    );
    assert.deepEqual(sizes(facts), []);
  });

  it('gives no one size to an agent whose networks each keep their own optimizer (SAC-style)', async () => {
    const agent = (critic: boolean) =>
      [
        'import torch',
        'import torch.nn as nn',
        'import torch.optim as optim',
        '',
        'class PolicyNet(nn.Module):',
        '    def __init__(self, lr):',
        '        super().__init__()',
        '        self.fc = nn.Linear(3, 128)',
        '        self.mu = nn.Linear(128, 1)',
        '        self.optimizer = optim.Adam(self.parameters(), lr=lr)',
        '',
        ...(critic
          ? [
              'class QNet(nn.Module):',
              '    def __init__(self, lr):',
              '        super().__init__()',
              '        self.fc = nn.Linear(4, 256)',
              '        self.out = nn.Linear(256, 1)',
              '        self.optimizer = optim.Adam(self.parameters(), lr=lr)',
              '',
            ]
          : []),
        'pi = PolicyNet(0.0005)',
        ...(critic ? ['q1, q2 = QNet(0.001), QNet(0.001)'] : []),
        'for n_epi in range(10000):',
        '    loss = pi(torch.randn(3)).sum()',
        '    pi.optimizer.zero_grad()',
        '    loss.backward()',
        '    pi.optimizer.step()',
        '',
      ].join('\n');
    assert.deepEqual(sizes(await pythonFacts(agent(true))), []);
    assert.deepEqual(sizes(await pythonFacts(agent(false))), [linear(3, 128) + linear(128, 1)]);
  });

  it('reads no size when a branch it does not decide may add to the list', async () => {
    const facts = await pythonFacts(
      program(
        [
          'layers = [nn.Linear(in_dim, out_dim)]',
          'if depth > hidden_dims[0]:',
          '    layers.append(nn.Linear(out_dim, out_dim))',
          'self.net = nn.Sequential(*layers)',
        ],
        'MLP(10, some_widths(), 16)',
      ),
    );
    assert.deepEqual(sizes(facts), []);
  });

  it('reads no size when the loop’s bound is not known', async () => {
    const facts = await pythonFacts(
      program(
        [
          'self.blocks = nn.ModuleList()',
          'for i in range(len(hidden_dims)):',
          '    self.blocks.append(Block(out_dim))',
        ],
        'MLP(10, load_widths(), 16)',
      ),
    );
    assert.deepEqual(sizes(facts), []);
  });
});
