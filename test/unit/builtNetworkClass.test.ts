import * as assert from 'node:assert/strict';
import { pythonFacts, runOf, valuesOf } from './helpers';

/**
 * Sixty-fourth round: the class a program builds its network from names the model when nothing else does. Across the
 * held-out sets, 1,092 labelled runs were listed with no model name; in a tenth of them the file builds the labelled
 * network from a class (`model = NeuralNet(...)`, `net = pSp(opts)`, `model = PaLM(...)`).
 */

/** A tutorial-shaped script: its own nn.Module, built, moved, handed to an optimizer, trained. */
const ownNetwork = [
  'import torch',
  'import torch.nn as nn',
  '',
  'class TinyClassifier(nn.Module):',
  '    def __init__(self, hidden=64):',
  '        super().__init__()',
  '        self.fc1 = nn.Linear(32, hidden)',
  '        self.fc2 = nn.Linear(hidden, 4)',
  '    def forward(self, x):',
  '        return self.fc2(torch.relu(self.fc1(x)))',
  '',
  "device = torch.device('cuda')",
  'model = TinyClassifier(hidden=64).to(device)',
  'criterion = nn.CrossEntropyLoss()',
  'optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)',
  'for epoch in range(3):',
  '    x = torch.randn(8, 32, device=device)',
  '    loss = criterion(model(x), torch.zeros(8, dtype=torch.long, device=device))',
  '    optimizer.zero_grad()',
  '    loss.backward()',
  '    optimizer.step()',
  '',
].join('\n');

/** A program that builds a network class imported from its own package and trains it. */
const importedNetwork = (build: string, use: string) =>
  [
    'import argparse',
    'import torch',
    'from models.encoders import PixelEncoder, pSp',
    'from utils.data import ImageFolderDataset',
    '',
    'def main():',
    '    parser = argparse.ArgumentParser()',
    "    parser.add_argument('--epochs', type=int, default=10)",
    '    args = parser.parse_args()',
    "    dataset = ImageFolderDataset('data/train')",
    `    ${build}`,
    `    ${use}`,
    '    for epoch in range(args.epochs):',
    '        for batch in dataset:',
    '            loss = net(batch).mean()',
    '            loss.backward()',
    '',
    "if __name__ == '__main__':",
    '    main()',
    '',
  ].join('\n');

describe('Sixty-fourth round: the class a program builds its network from names the model', () => {
  it('names the model by the nn.Module the script defines, builds and trains, with its counted size', async () => {
    const facts = await pythonFacts(ownNetwork);
    assert.ok(valuesOf(facts, 'model.builtNetwork').includes('TinyClassifier'));
    const run = await runOf({ 'train.py': ownNetwork }, 'train.py');
    assert.equal(run?.spec.model.name, 'TinyClassifier');
    // 32·64 + 64 + 64·4 + 4: the layers counted, not a catalog row.
    assert.equal(run?.spec.model.params, 32 * 64 + 64 + 64 * 4 + 4);
  });

  it('names a class imported from the repository that an optimizer receives, and leaves its size unknown', async () => {
    const code = importedNetwork(
      'net = PixelEncoder(depth=4).cuda()',
      'optimizer = torch.optim.AdamW(net.parameters(), lr=1e-4)',
    );
    const facts = await pythonFacts(code);
    assert.deepEqual(valuesOf(facts, 'model.builtNetwork'), ['PixelEncoder']);
    const run = await runOf({ 'train.py': code }, 'train.py');
    assert.equal(run?.spec.model.name, 'PixelEncoder');
    assert.equal(run?.spec.model.params, undefined);
    assert.ok(run?.missing.some((m) => m.field === 'model.params'));
  });

  it('reads a camel-case class named from a lower-case letter when the file imports it', async () => {
    const code = importedNetwork('net = pSp(args)', 'net.eval()');
    assert.deepEqual(valuesOf(await pythonFacts(code), 'model.builtNetwork'), ['pSp']);
  });

  it('prefers the class whose weights an optimizer receives over one only put in a mode', async () => {
    const code = importedNetwork(
      'teacher = pSp(args)\n    teacher.eval()\n    net = PixelEncoder(depth=4)',
      'optimizer = torch.optim.SGD(net.parameters(), lr=0.1)',
    );
    assert.deepEqual(valuesOf(await pythonFacts(code), 'model.builtNetwork'), ['PixelEncoder']);
  });

  it('names no network by what a program builds beside it: data, losses, trainers, containers (control)', async () => {
    for (const build of [
      'net = ImageFolderDataset(args)',
      'net = torch.nn.Sequential(torch.nn.Linear(4, 4))',
      'net = VisionTrainer(args)',
      'criterion = PixelEncoder(depth=4)',
    ]) {
      const code = importedNetwork(build, 'net.train()');
      assert.deepEqual(valuesOf(await pythonFacts(code), 'model.builtNetwork'), [], build);
    }
  });

  it('names nothing built in a function the program never calls, nor a binding never used as a network (control)', async () => {
    const unreached = importedNetwork('pass', 'pass').replace(
      'def main():',
      'def unused():\n    net = PixelEncoder(depth=4)\n    net.train()\n\ndef main():',
    );
    assert.deepEqual(valuesOf(await pythonFacts(unreached), 'model.builtNetwork'), []);
    const unused = importedNetwork('net = PixelEncoder(depth=4)', 'print(net)');
    assert.deepEqual(valuesOf(await pythonFacts(unused), 'model.builtNetwork'), []);
  });

  it('keeps a model id another rule read over the built class (control)', async () => {
    const code = [
      'import torch',
      'from transformers import AutoModelForCausalLM',
      'from heads import ValueHead',
      "model = AutoModelForCausalLM.from_pretrained('gpt2')",
      'head = ValueHead(model.config.hidden_size)',
      'optimizer = torch.optim.AdamW(head.parameters(), lr=1e-5)',
      'for step in range(100):',
      '    loss = head(model(torch.ones(1, 8, dtype=torch.long)).logits).mean()',
      '    loss.backward()',
      '    optimizer.step()',
      '',
    ].join('\n');
    assert.deepEqual(valuesOf(await pythonFacts(code), 'model.builtNetwork'), ['ValueHead']);
    const run = await runOf({ 'train.py': code }, 'train.py');
    assert.equal(run?.spec.model.name, 'gpt2');
  });
});

/** A research program whose architecture flag picks the network a helper builds from the parsed options. */
const flagPicked = (flag: string, build: string) =>
  [
    'import argparse',
    'import torch',
    'import utils',
    '',
    'parser = argparse.ArgumentParser()',
    `parser.add_argument(${flag})`,
    "parser.add_argument('--lr', type=float, default=2e-4)",
    'opt = parser.parse_args()',
    `${build}`,
    'optimizer = torch.optim.Adam(utils.trainable(model), lr=opt.lr)',
    'for epoch in range(100):',
    '    loss = model(torch.randn(4, 3, 64, 64)).mean()',
    '    loss.backward()',
    '    optimizer.step()',
    '',
  ].join('\n');

describe('Sixty-fourth round: the default of the flag that picks the architecture names the model', () => {
  it('names the model by the --arch default when the options are handed to a builder', async () => {
    const code = flagPicked("'--arch', type=str, default='Restorer_B'", 'model = utils.get_arch(opt)');
    assert.deepEqual(valuesOf(await pythonFacts(code), 'model.builtNetwork'), ['Restorer_B']);
    const run = await runOf({ 'train.py': code }, 'train.py');
    assert.equal(run?.spec.model.name, 'Restorer_B');
    assert.equal(run?.spec.model.params, undefined);
  });

  it('reads a --model default used as an attribute of the options', async () => {
    const code = flagPicked("'--model', default='Forecaster', help='model name'", 'model = MODELS[opt.model](opt)');
    assert.deepEqual(valuesOf(await pythonFacts(code), 'model.builtNetwork'), ['Forecaster']);
  });

  it('reads no flag of a helper that starts no run, such as a code generator a setup script launches (control)', async () => {
    const helper = [
      'import argparse',
      'def main(args):',
      '    print(args.model)',
      "if __name__ == '__main__':",
      '    parser = argparse.ArgumentParser()',
      "    parser.add_argument('--model', default='input', type=str)",
      '    main(parser.parse_args())',
      '',
    ].join('\n');
    assert.deepEqual(valuesOf(await pythonFacts(helper), 'model.builtNetwork'), []);
  });

  it('reads no backbone flag, no path default, and no flag the program never uses (control)', async () => {
    for (const [flag, build] of [
      ["'--backbone', default='resnet50'", 'model = utils.get_arch(opt)'],
      ["'--model', default='./checkpoints/net.pth'", 'model = utils.get_arch(opt)'],
      ["'--arch', default='Restorer_B'", 'model = utils.load_default()'],
    ]) {
      const code = flagPicked(flag, build);
      assert.deepEqual(valuesOf(await pythonFacts(code), 'model.builtNetwork'), [], flag);
    }
  });
});
