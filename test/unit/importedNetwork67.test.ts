import * as assert from 'node:assert/strict';
import { analyzeText, countClassIn, type LinkedFileReader } from '../../src/core/analyze';
import { moduleFile } from '../../src/core/extract/python/importSource';
import { DEFAULT_SETTINGS } from '../../src/core/runSpec';
import { parsing, pythonFacts, runOf, valuesOf } from './helpers';

/**
 * A network a program builds from a class of another module of its repository is counted there, with the arguments
 * the program builds it with (read where the call is: flag defaults, constants), as a class of the program's own file
 * is.
 */
describe('Sixty-seventh round: a network counted in the module its class is imported from', () => {
  const linear = (i: number, o: number) => i * o + o;
  const conv = (i: number, o: number, k: number) => i * o * k * k + o;

  const encoderModule = [
    'import torch.nn as nn',
    '',
    '',
    'class Encoder(nn.Module):',
    '    def __init__(self, vocab, hidden=128, layers=2):',
    '        super().__init__()',
    '        self.inp = nn.Linear(vocab, hidden)',
    '        self.blocks = nn.ModuleList([nn.Linear(hidden, hidden) for _ in range(layers)])',
    '        self.out = nn.Linear(hidden, 10)',
    '',
    '    def forward(self, x):',
    '        for b in self.blocks:',
    '            x = b(x)',
    '        return self.out(x)',
    '',
  ].join('\n');
  const program = (imports: string, build: string, extra: string[] = []) =>
    [
      'import argparse',
      'import torch',
      imports,
      ...extra,
      '',
      'parser = argparse.ArgumentParser()',
      'parser.add_argument("--hidden", type=int, default=256)',
      'parser.add_argument("--epochs", type=int, default=10)',
      'args = parser.parse_args()',
      '',
      `model = ${build}`,
      'optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)',
      'for epoch in range(args.epochs):',
      '    for x, y in loader:',
      '        loss = torch.nn.functional.cross_entropy(model(x), y)',
      '        optimizer.zero_grad()',
      '        loss.backward()',
      '        optimizer.step()',
      '',
    ].join('\n');
  const encoder = (vocab: number, hidden: number, layers: number) =>
    linear(vocab, hidden) + layers * linear(hidden, hidden) + linear(hidden, 10);
  /** The size the run of train.py reads, with models.py beside it. */
  const sizeRead = async (imports: string, build: string, extra: string[] = [], models = encoderModule) =>
    (await runOf({ 'models.py': models, 'train.py': program(imports, build, extra) }, 'train.py'))?.spec.model.params;

  it('counts the class with the flag defaults and literals the program builds it with', async () => {
    const run = await runOf(
      {
        'models.py': encoderModule,
        'train.py': program('from models import Encoder', 'Encoder(784, hidden=args.hidden, layers=4).cuda()'),
      },
      'train.py',
    );
    assert.equal(run?.spec.model.params, encoder(784, 256, 4));
    const counted = run?.assumptions.find((a) => a.field === 'model.params');
    assert.match(counted?.detail ?? '', /^models\.py: counted from the layers of Encoder, built as Encoder\(784/);
  });

  it('follows a package that re-exports the class from a module of its own', async () => {
    const run = await runOf(
      {
        'models/__init__.py': 'from .encoder import Encoder\n',
        'models/encoder.py': encoderModule,
        'tools/train.py': program('from models import Encoder', 'Encoder(vocab=1000)'),
      },
      'tools/train.py',
    );
    assert.equal(run?.spec.model.params, encoder(1000, 128, 2));
  });

  it('reads a class named through a module imported whole, and a relative import', async () => {
    const nets = [
      'from torch import nn',
      '',
      'class ConvNet(nn.Module):',
      '    def __init__(self, channels=16):',
      '        super().__init__()',
      '        self.c1 = nn.Conv2d(3, channels, 3)',
      '        self.c2 = nn.Conv2d(channels, channels, 3)',
      '        self.fc = nn.Linear(channels, 10)',
      '',
    ].join('\n');
    const whole = await runOf(
      { 'lib/nets.py': nets, 'train.py': program('import lib.nets as nets', 'nets.ConvNet(channels=32)') },
      'train.py',
    );
    const size = conv(3, 32, 3) + conv(32, 32, 3) + linear(32, 10);
    assert.equal(whole?.spec.model.params, size);
    // Convolutions reuse their weights over the image: 2 × parameters is only a lower bound of the forward cost.
    const flops = whole?.assumptions.find((a) => a.field === 'model.forwardFlopsPerSample');
    assert.match(flops?.detail ?? '', /lower bound/);
    const relative = await runOf(
      { 'pkg/nets.py': nets, 'pkg/train.py': program('from .nets import ConvNet', 'ConvNet()') },
      'pkg/train.py',
    );
    assert.equal(relative?.spec.model.params, conv(3, 16, 3) + conv(16, 16, 3) + linear(16, 10));
  });

  it('leaves the size unknown, saying why, when the program builds the class with a value it does not state', async () => {
    const run = await runOf(
      {
        'models.py': encoderModule,
        'train.py': program('from models import Encoder', 'Encoder(len(vocab))', ['vocab = open("v.txt").read()']),
      },
      'train.py',
    );
    assert.equal(run?.spec.model.params, undefined);
    const count = countClassIn(
      '/w/models.py',
      encoderModule,
      {
        className: 'Encoder',
        arguments: {
          positional: [{ unknown: 'argument 1 = len(vocab) cannot be read statically' }],
          keywords: [],
          spreadsPositional: false,
          spreadsKeywords: false,
          text: 'Encoder(len(vocab))',
        },
      },
      await parsing(),
    );
    assert.ok(count && 'params' in count);
    assert.equal(count.params, null);
    assert.match(
      count.why,
      /built as Encoder\(len\(vocab\)\), builds parts whose size is not stated \(nn\.Linear\(vocab, hidden\)\)/,
    );
  });

  it('counts nothing for a class of an installed package, a checkpoint the program loads, or two trained networks', async () => {
    const installed = await runOf(
      { 'train.py': program('from torchvision.models import ResNet', 'ResNet(block, [2, 2, 2, 2])') },
      'train.py',
    );
    assert.equal(installed?.spec.model.params, undefined);
    // A head built on a pretrained encoder: the checkpoint's size is the run's, not the head's.
    assert.notEqual(
      await sizeRead('from models import Encoder', 'Encoder(768)', [
        'from transformers import AutoModel',
        'bert = AutoModel.from_pretrained("bert-base-uncased")',
      ]),
      encoder(768, 128, 2),
    );
    const critic = `${encoderModule}\n\nclass Critic(nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.fc = nn.Linear(10, 1)\n`;
    const gan = ['critic = Critic()', 'critic_opt = torch.optim.Adam(critic.parameters())'];
    assert.equal(await sizeRead('from models import Encoder, Critic', 'Encoder(784)', gan, critic), undefined);
    // The same name bound to another network elsewhere (a config's model, the class only in a helper method).
    const other = ['def other():', '    model = build_from_config(cfg)', '    return model'];
    assert.equal(await sizeRead('from models import Encoder', 'Encoder(784)', other), undefined);
    // Moved, wrapped or compiled, it is the same network.
    const prepare = [
      'def prepare(model):',
      '    model = model.to("cuda")',
      '    model = torch.compile(model)',
      '    return model',
    ];
    assert.equal(
      await sizeRead('from models import Encoder', 'torch.nn.DataParallel(Encoder(784))', prepare),
      encoder(784, 128, 2),
    );
  });

  it('counts the class in the editor too, through the reader of linked files', async () => {
    const files: Record<string, string> = { '/w/models.py': encoderModule };
    const read: LinkedFileReader = (from, reference) => {
      const p = `${from.slice(0, from.lastIndexOf('/'))}/${reference}`;
      return files[p] === undefined ? undefined : { path: p, display: p.slice(3), text: files[p] };
    };
    const text = program('from models import Encoder', 'Encoder(784, hidden=args.hidden)');
    const analysis = analyzeText({ path: '/w/train.py', text }, await parsing(), DEFAULT_SETTINGS, {}, read);
    assert.equal(analysis.runs[0]?.run.spec.model.params, encoder(784, 256, 2));
  });

  it('follows the building blocks a network imports from other modules of the repository', async () => {
    const common = [
      'import torch.nn as nn',
      '',
      'def default_conv(in_channels, out_channels, kernel_size):',
      '    return nn.Conv2d(in_channels, out_channels, kernel_size, padding=kernel_size // 2)',
      '',
      'class ResBlock(nn.Module):',
      '    def __init__(self, n_feats, kernel_size=3):',
      '        super().__init__()',
      '        self.c1 = nn.Conv2d(n_feats, n_feats, kernel_size, padding=1)',
      '        self.c2 = nn.Conv2d(n_feats, n_feats, kernel_size, padding=1)',
      '',
    ].join('\n');
    const blocks = [
      'from torch import nn',
      '',
      'class Head(nn.Module):',
      '    def __init__(self, n_feats, classes=10):',
      '        super().__init__()',
      '        self.fc = nn.Linear(n_feats, classes)',
      '',
    ].join('\n');
    const network = [
      'import torch.nn as nn',
      'from model import common',
      'from .blocks import Head',
      '',
      'class SRNet(nn.Module):',
      '    def __init__(self, n_resblocks=4, n_feats=32):',
      '        super().__init__()',
      '        self.inp = nn.Conv2d(3, n_feats, 3, padding=1)',
      '        self.body = nn.Sequential(*[common.ResBlock(n_feats) for _ in range(n_resblocks)])',
      '        self.head = Head(n_feats)',
      '',
    ].join('\n');
    const run = await runOf(
      {
        'model/__init__.py': '',
        'model/common.py': common,
        'model/blocks.py': blocks,
        'model/srnet.py': network,
        'main.py': program('from model.srnet import SRNet', 'SRNet(n_resblocks=8)'),
      },
      'main.py',
    );
    assert.equal(run?.spec.model.params, conv(3, 32, 3) + 8 * 2 * conv(32, 32, 3) + linear(32, 10));
    const counted = run?.assumptions.find((a) => a.field === 'model.params');
    assert.match(counted?.detail ?? '', /^model\/srnet\.py: counted from the layers of SRNet/);
  });

  it('reads the layers a helper function builds, in the constructor or the module, with its arguments', async () => {
    const helper = [
      'import torch.nn as nn',
      '',
      'def conv3x3(in_planes, out_planes, stride=1):',
      '    return nn.Conv2d(in_planes, out_planes, kernel_size=3, stride=stride, padding=1, bias=False)',
      '',
      'class Dense(nn.Module):',
      '    def __init__(self, filters):',
      '        super().__init__()',
      '        def block(in_features, non_linearity=True):',
      '            layers = [nn.Conv2d(in_features, filters, 3, 1, 1)]',
      '            if non_linearity:',
      '                layers += [nn.LeakyReLU()]',
      '            return nn.Sequential(*layers)',
      '        self.first = conv3x3(3, filters)',
      '        self.b1 = block(filters)',
      '        self.b2 = block(2 * filters, non_linearity=False)',
      '        self.act = make_activation()',
      '',
      'def make_activation():',
      '    return nn.functional.relu',
      '',
    ].join('\n');
    const run = await runOf(
      { 'models.py': helper, 'train.py': program('from models import Dense', 'Dense(64)') },
      'train.py',
    );
    assert.equal(run?.spec.model.params, 3 * 64 * 9 + conv(64, 64, 3) + conv(128, 64, 3));
    // A helper whose layers depend on a branch it returns from is not read: the first convolution alone is no size.
    const branching = helper.replace(
      '            return nn.Sequential(*layers)',
      '            if in_features > 64:\n                return nn.Identity()\n            return nn.Sequential(*layers)',
    );
    const unknown = await runOf(
      { 'models.py': branching, 'train.py': program('from models import Dense', 'Dense(64)') },
      'train.py',
    );
    assert.equal(unknown?.spec.model.params, undefined);
  });

  it('gives no size for a network whose blocks a method builds while moving the class state (ResNet make_layer)', async () => {
    const resnet = [
      'import torch.nn as nn',
      '',
      'class Block(nn.Module):',
      '    def __init__(self, i, o):',
      '        super().__init__()',
      '        self.c = nn.Conv2d(i, o, 3)',
      '',
      'class ResNet(nn.Module):',
      '    def __init__(self, block, layers, num_classes=10):',
      '        super().__init__()',
      '        self.in_channels = 16',
      '        self.conv = nn.Conv2d(3, 16, 3)',
      '        self.layer1 = self.make_layer(block, 16, layers[0])',
      '        self.fc = nn.Linear(64, num_classes)',
      '',
      '    def make_layer(self, block, out_channels, blocks):',
      '        layers = []',
      '        for i in range(blocks):',
      '            layers.append(block(self.in_channels, out_channels))',
      '            self.in_channels = out_channels',
      '        return nn.Sequential(*layers)',
      '',
    ].join('\n');
    const run = await runOf(
      { 'models.py': resnet, 'train.py': program('from models import ResNet, Block', 'ResNet(Block, [2])') },
      'train.py',
    );
    // The stem and the head alone (the count before this round, for the class in the program's own file) are not
    // the network's size.
    assert.equal(run?.spec.model.params, undefined);
    const own = await pythonFacts(`${resnet}\n${program('', 'ResNet(Block, [2])')}`);
    assert.deepEqual(
      valuesOf(own, 'model.params').filter((v) => v !== null),
      [],
    );
  });

  it('gives no size where a layer is built through a wrapper or a bound class the count cannot read', async () => {
    const net = (body: string[]) =>
      [
        'import torch',
        'import torch.nn as nn',
        'from functools import partial',
        '',
        'class Net(nn.Module):',
        '    def __init__(self, channels, kernel_size=3, activation=nn.ELU, mode="a"):',
        '        super().__init__()',
        '        self.first = nn.Conv2d(3, channels, 3)',
        '        self.act = activation()',
        ...body.map((l) => `        ${l}`),
        '',
        'model = Net(16)',
        'optimizer = torch.optim.Adam(model.parameters())',
        'for x in loader:',
        '    model(x).sum().backward()',
        '    optimizer.step()',
        '',
      ].join('\n');
    const sizes = async (body: string[]) =>
      valuesOf(await pythonFacts(net(body)), 'model.params').filter((v) => v !== null);
    // A parameter-free activation handed in is no part: the network is counted.
    assert.deepEqual(await sizes([]), [conv(3, 16, 3)]);
    // A torch layer inside a wrapper whose size is not stated (the kernel rebound under a condition).
    assert.deepEqual(
      await sizes([
        'if isinstance(kernel_size, int):',
        '    kernel_size = [kernel_size, kernel_size]',
        'self.conv = nn.utils.weight_norm(nn.Conv2d(channels, channels, kernel_size))',
      ]),
      [],
    );
    // A layer class bound to a name in branches (`partial`), then called.
    assert.deepEqual(
      await sizes([
        'if mode == "a":',
        '    conv_module = partial(nn.Conv2d, padding=1)',
        'else:',
        '    conv_module = partial(nn.Conv2d, padding=0)',
        'self.conv = conv_module(channels, channels, 3)',
      ]),
      [],
    );
  });

  it('names the file of a module, relative dots included', () => {
    assert.equal(moduleFile('models'), 'models.py');
    assert.equal(moduleFile('models.encoder'), 'models/encoder.py');
    assert.equal(moduleFile('.nets'), 'nets.py');
    assert.equal(moduleFile('..models.x'), '../models/x.py');
    assert.equal(moduleFile('.'), undefined);
  });
});
