import * as assert from 'node:assert/strict';
import type { Fact } from '../../src/core/facts';
import { pythonFacts, valuesOf } from './helpers';

/**
 * The module counter reads a class's layers with its constructor's parameters bound to what the program builds it
 * with: the call's arguments, or else the parameters' defaults, through nested classes, locals and `self.x`.
 */
describe('Sixty-sixth round: a network counted with the arguments it is built with', () => {
  const linear = (i: number, o: number) => i * o + o;
  /** The sizes read (a count whose parts are all unknown reads none). */
  const sizes = (facts: Fact[]) => valuesOf(facts, 'model.params').filter((v) => v !== null);

  it('counts a class built with keyword arguments (the DDP tutorial shape)', async () => {
    const facts = await pythonFacts(
      [
        'import torch',
        '',
        'class NeuralNetwork(torch.nn.Module):',
        '    def __init__(self, num_inputs, num_outputs):',
        '        super().__init__()',
        '        self.layers = torch.nn.Sequential(',
        '            torch.nn.Linear(num_inputs, 30),',
        '            torch.nn.ReLU(),',
        '            torch.nn.Linear(30, 20),',
        '            torch.nn.ReLU(),',
        '            torch.nn.Linear(20, num_outputs),',
        '        )',
        '',
        '    def forward(self, x):',
        '        return self.layers(x)',
        '',
        'def main():',
        '    model = NeuralNetwork(num_inputs=2, num_outputs=2)',
        '    optimizer = torch.optim.SGD(model.parameters(), lr=0.5)',
        '    for epoch in range(3):',
        '        loss = model(torch.randn(8, 2)).sum()',
        '        loss.backward()',
        '        optimizer.step()',
        '',
        'if __name__ == "__main__":',
        '    main()',
        '',
      ].join('\n'),
    );
    assert.deepEqual(valuesOf(facts, 'model.params'), [linear(2, 30) + linear(30, 20) + linear(20, 2)]);
  });

  const latent = (build: string, extra: string[] = []) =>
    [
      'import torch',
      'from torch import nn',
      ...extra,
      '',
      'class Encoder(nn.Module):',
      '    def __init__(self, input_size, hidden_size, output_size):',
      '        super().__init__()',
      '        self.gru = nn.GRU(input_size=input_size, hidden_size=hidden_size)',
      '        self.lin = nn.Linear(hidden_size, output_size)',
      '',
      'class LatentModel(nn.Module):',
      '    def __init__(self, data_size, latent_size, hidden_size, context_size=64):',
      '        super().__init__()',
      '        self.encoder = Encoder(input_size=data_size, hidden_size=hidden_size, output_size=context_size)',
      '        width = latent_size + context_size',
      '        self.net = nn.Sequential(nn.Linear(width, hidden_size), nn.Softplus(), nn.Linear(hidden_size, latent_size))',
      '        self.g = nn.ModuleList([nn.Sequential(nn.Linear(1, hidden_size), nn.Sigmoid()) for _ in range(latent_size)])',
      '        self.optimizer = torch.optim.Adam(self.parameters(), lr=1e-3)',
      '',
      'def main(latent_size=4, hidden_size=128):',
      `    model = ${build}`,
      '    model.optimizer.zero_grad()',
      '',
      'if __name__ == "__main__":',
      '    main()',
      '',
    ].join('\n');
  // GRU: 3 gates × hidden × (input + hidden) + 2 × 3 × hidden biases (torch.nn.GRU reference).
  const gru = (i: number, h: number) => 3 * h * (i + h) + 6 * h;
  const expected = (data: number, latentSize: number, hidden: number, context: number) =>
    gru(data, hidden) +
    linear(hidden, context) +
    linear(latentSize + context, hidden) +
    linear(hidden, latentSize) +
    latentSize * linear(1, hidden);

  it('binds arguments through nested classes, a local, defaults and the caller’s parameters', async () => {
    const facts = await pythonFacts(
      latent('LatentModel(data_size=3, latent_size=latent_size, hidden_size=hidden_size).to("cuda")'),
    );
    assert.deepEqual(valuesOf(facts, 'model.params'), [expected(3, 4, 128, 64)]);
  });

  it('reads positional arguments in their places and a default given at the call', async () => {
    const facts = await pythonFacts(latent('LatentModel(3, 2, 32, 16)'));
    assert.deepEqual(valuesOf(facts, 'model.params'), [expected(3, 2, 32, 16)]);
  });

  it('does not read a module-level name its parameter hides: a size from data stays unknown', async () => {
    const facts = await pythonFacts(latent('LatentModel(3, 2, len(open("vocab.txt").read()))', ['hidden_size = 99']));
    assert.deepEqual(sizes(facts), []);
  });

  it('leaves the size unknown when a spread may fill a parameter', async () => {
    const facts = await pythonFacts(latent('LatentModel(3, 2, 32, **extra)', ['extra = load()']));
    assert.deepEqual(valuesOf(facts, 'model.params'), [null]);
  });

  it('follows a helper handed a block class and its keywords (`make_layer(Block, n, width=w)`), nested', async () => {
    const code = [
      'import torch.nn as nn',
      '',
      'def make_layer(block, count, **kwargs):',
      '    layers = []',
      '    for _ in range(count):',
      '        layers.append(block(**kwargs))',
      '    return nn.Sequential(*layers)',
      '',
      'class Block(nn.Module):',
      '    def __init__(self, width, expand=2):',
      '        super().__init__()',
      '        self.up = nn.Linear(width, width * expand)',
      '        self.down = nn.Linear(width * expand, width)',
      '',
      'class Stage(nn.Module):',
      '    def __init__(self, width, depth):',
      '        super().__init__()',
      '        self.blocks = make_layer(Block, depth, width=width, expand=4)',
      '',
      'class Net(nn.Module):',
      '    def __init__(self, width=16, stages=2, depth=3):',
      '        super().__init__()',
      '        self.stages = make_layer(Stage, stages, width=width, depth=depth)',
      '        self.head = nn.Linear(width, 10)',
      '',
      'model = Net(width=32)',
      'model.train()',
      '',
    ].join('\n');
    const block = linear(32, 128) + linear(128, 32);
    assert.deepEqual(sizes(await pythonFacts(code)), [2 * 3 * block + linear(32, 10)]);
  });

  it("counts an nn.Sequential subclass by what it hands super().__init__, not as torch's layer of its name", async () => {
    const code = [
      'import math',
      'import torch.nn as nn',
      '',
      'class Upsample(nn.Sequential):',
      '    def __init__(self, scale, channels):',
      '        layers = []',
      '        if (scale & (scale - 1)) == 0:',
      '            for _ in range(int(math.log(scale, 2))):',
      '                layers.append(nn.Conv2d(channels, 4 * channels, 3, 1, 1))',
      '                layers.append(nn.PixelShuffle(2))',
      '        super().__init__(*layers)',
      '',
      'class Net(nn.Module):',
      '    def __init__(self):',
      '        super().__init__()',
      '        self.head = nn.Conv2d(3, 8, 3, 1, 1)',
      '        self.up = Upsample(4, 8)',
      '',
      'model = Net()',
      'model.train()',
      '',
    ].join('\n');
    const conv = (i: number, o: number) => 9 * i * o + o;
    assert.deepEqual(sizes(await pythonFacts(code)), [conv(3, 8) + 2 * conv(8, 32)]);
  });

  it('counts a torch layer subclass as the layer its base constructor builds (a fixed 1×1 convolution)', async () => {
    const code = [
      'import torch',
      'import torch.nn as nn',
      '',
      'class MeanShift(nn.Conv2d):',
      '    def __init__(self, mean, sign=-1):',
      '        super(MeanShift, self).__init__(3, 3, kernel_size=1)',
      '        self.weight.data = torch.eye(3).view(3, 3, 1, 1)',
      '        self.bias.data = sign * torch.Tensor(mean)',
      '        self.requires_grad = False',
      '',
      'class Net(nn.Module):',
      '    def __init__(self, width=16):',
      '        super().__init__()',
      '        self.shift = MeanShift([0.4, 0.4, 0.4])',
      '        self.head = nn.Conv2d(3, width, 3, 1, 1)',
      '',
      'model = Net()',
      'model.train()',
      '',
    ].join('\n');
    assert.deepEqual(sizes(await pythonFacts(code)), [3 * 3 + 3 + (9 * 3 * 16 + 16)]);
  });

  /** A class of two sized parameters, with constructor lines before its layers (a branch that rebinds one). */
  const tiny = (builds: string[], before: string[] = []) =>
    [
      'import torch.nn as nn',
      '',
      'class Tiny(nn.Module):',
      '    def __init__(self, width=256, depth=2):',
      '        super().__init__()',
      ...before.map((l) => `        ${l}`),
      '        self.layers = nn.ModuleList([nn.Linear(width, width) for _ in range(depth)])',
      '',
      ...builds,
      'model.train()',
      '',
    ].join('\n');
  const sized = (builds: string[]) => tiny(builds, ['if width > 1024:', '    depth = 1']);
  const plain = (builds: string[]) => tiny(builds);

  it('does not read a parameter a branch of the constructor may rebind', async () => {
    assert.deepEqual(sizes(await pythonFacts(sized(['model = Tiny(64)']))), []);
  });

  it('counts the one build the file makes, not the defaults', async () => {
    assert.deepEqual(valuesOf(await pythonFacts(plain(['model = Tiny(64, 3)'])), 'model.params'), [3 * linear(64, 64)]);
  });

  it('takes the defaults when the file builds several sizes and one of them is the defaults', async () => {
    const facts = await pythonFacts(plain(['small = Tiny(256, 2)', 'model = Tiny(512, 8)']));
    assert.deepEqual(valuesOf(facts, 'model.params'), [2 * linear(256, 256)]);
  });

  it('leaves the size unknown when the file builds several sizes, none the defaults', async () => {
    const facts = await pythonFacts(plain(['small = Tiny(128, 2)', 'model = Tiny(512, 8)']));
    assert.deepEqual(valuesOf(facts, 'model.params'), [null]);
  });
});
