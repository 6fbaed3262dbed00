import * as assert from 'node:assert/strict';
import { runOf } from './helpers';

/** Fifty-fourth round: rules from what sets BO and BP (and the options classes of set BK) read wrong. */

/** A pix2pix-style options class: the flags are declared in a module of their own, in the class's initialize. */
const TRAIN_OPTIONS = [
  'import argparse',
  '',
  'class TrainOptions:',
  '    def __init__(self):',
  '        self.parser = argparse.ArgumentParser()',
  '        self.initialized = False',
  '',
  '    def initialize(self):',
  "        self.parser.add_argument('--name', type=str, default='experiment')",
  "        self.parser.add_argument('--epoch_count', type=int, default=1)",
  "        self.parser.add_argument('--niter', type=int, default=100, help='epochs at the starting rate')",
  "        self.parser.add_argument('--niter_decay', type=int, default=100, help='epochs decaying the rate')",
  "        self.parser.add_argument('--debug', action='store_true')",
  '        self.initialized = True',
  '',
  '    def parse(self):',
  '        if not self.initialized:',
  '            self.initialize()',
  '        return self.parser.parse_args()',
  '',
].join('\n');

/** A flat training script that parses the options class at module level and loops over their sum. */
const FLAT_TRAIN = [
  'import torch',
  'from options.train_options import TrainOptions',
  'from models import create_model',
  '',
  'opt = TrainOptions().parse()',
  'start_epoch, epoch_iter = 1, 0',
  'if opt.debug:',
  '    opt.niter = 1',
  '    opt.niter_decay = 0',
  'model = create_model(opt)',
  'for epoch in range(start_epoch, opt.niter + opt.niter_decay + 1):',
  '    for i, data in enumerate(dataset):',
  '        loss = model(data)',
  '        loss.backward()',
  '        optimizer.step()',
  '',
].join('\n');

describe('Fifty-fourth round: rules from sets BO and BP', () => {
  it("sums a loop's epochs from the flags an options class declares in another module, at their defaults", async () => {
    const files = { 'options/train_options.py': TRAIN_OPTIONS, 'train.py': FLAT_TRAIN };
    const run = await runOf(files, 'train.py');
    assert.equal(run?.training.epochs, 200);
  });

  it("takes the launch's numbers for those flags, and leaves the count unknown for a value it does not spell out", async () => {
    const files = {
      'options/train_options.py': TRAIN_OPTIONS,
      'train.py': FLAT_TRAIN,
      'scripts/train_short.sh': 'python train.py --name short --niter 50 --niter_decay 50\n',
      'scripts/train_var.sh': 'N=$1\npython train.py --name var --niter $N\n',
    };
    assert.equal((await runOf(files, 'scripts/train_short.sh'))?.training.epochs, 100);
    assert.notEqual((await runOf(files, 'scripts/train_var.sh'))?.training.epochs, 200);
  });

  it('reads nothing from an options class that is only imported, nor a sum with a product in it', async () => {
    const unparsed = FLAT_TRAIN.replace('opt = TrainOptions().parse()', 'opt = load_options()');
    assert.notEqual(
      (await runOf({ 'options/train_options.py': TRAIN_OPTIONS, 'train.py': unparsed }, 'train.py'))?.training.epochs,
      200,
    );
    const product = FLAT_TRAIN.replace('opt.niter + opt.niter_decay + 1', 'opt.niter * opt.niter_decay + 1');
    assert.notEqual(
      (await runOf({ 'options/train_options.py': TRAIN_OPTIONS, 'train.py': product }, 'train.py'))?.training.epochs,
      10000,
    );
  });
});
