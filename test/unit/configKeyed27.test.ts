import * as assert from 'node:assert/strict';
import type { Fact } from '../../src/core/facts';
import { extractConfigFacts } from '../../src/core/extract/configFacts';
import { extractPythonFacts } from '../../src/core/extract/pythonFacts';
import { parsing } from './helpers';

async function facts(text: string): Promise<Fact[]> {
  const python = await parsing();
  const tree = python.parser.parse(text)!;
  return extractPythonFacts(tree, text);
}
const of = (all: Fact[], kind: Fact['kind']) => all.filter((f) => f.kind === kind);

const TRAIN_LOOP = (bound: string) =>
  [
    `    for epoch in range(${bound}):`,
    '        for batch in loader:',
    '            loss = model(batch)',
    '            optimizer.zero_grad()',
    '            loss.backward()',
    '            optimizer.step()',
  ].join('\n');

describe('a loop bound read by key from the config the program loads', () => {
  it('keeps the key and the .get default, counted from a literal start', async () => {
    const text = [
      'import yaml',
      'def main(path):',
      '    config = yaml.safe_load(open(path))',
      "    epochs = config.get('epochs_2nd', 200)",
      TRAIN_LOOP('1, epochs'),
    ].join('\n');
    const [epochs] = of(await facts(text), 'training.epochs');
    assert.equal(epochs.value, 199);
    assert.equal(epochs.configKey, 'epochs_2nd');
    assert.equal(epochs.configKeyOffset, 1);
    assert.equal(epochs.originLine, 3);
  });

  it('reads a subscript with no default as the key alone (value unknown until the config gives it)', async () => {
    const text = ['import json', 'def main(f):', '    cfg = json.load(f)', TRAIN_LOOP("cfg['num_epochs']")].join('\n');
    const [epochs] = of(await facts(text), 'training.epochs');
    assert.equal(epochs.value, null);
    assert.equal(epochs.configKey, 'num_epochs');
  });

  it('reads nothing by key from a dict the program did not load from a file, or a name assigned twice', async () => {
    const handed = ['def train(settings):', "    epochs = settings.get('epochs', 30)", TRAIN_LOOP('epochs')].join('\n');
    assert.ok(of(await facts(handed), 'training.epochs').every((f) => f.configKey === undefined));
    const twice = [
      'import yaml',
      'config = yaml.safe_load(open("c.yml"))',
      "epochs = config.get('epochs', 30)",
      'epochs = 5',
      'def main():',
      TRAIN_LOOP('epochs'),
    ].join('\n');
    assert.ok(of(await facts(twice), 'training.epochs').every((f) => f.configKey === undefined));
  });

  // Sixty-second round: one section deep too, keyed by its dotted path (a program reads `opt.OPTIM.NUM_EPOCHS`); not
  // deeper.
  it("keeps a config's epoch counts, at the top or one section deep, as keyed values only", () => {
    const { facts: read } = extractConfigFacts(
      'epochs_1st: 200\nepochs_2nd: 100\nnested:\n  epoch_x: 3\n  deeper:\n    epoch_y: 4\n',
      'yaml',
    );
    const keyed = of(read, 'config.value');
    assert.deepEqual(
      keyed.map((f) => [f.value, f.detail]),
      [
        ['epochs_1st', '200'],
        ['epochs_2nd', '100'],
        ['nested.epoch_x', '3'],
      ],
    );
    assert.equal(of(read, 'training.epochs').length, 0);
  });
});

describe('a training program that loads pretrained weights into its networks, or leaves precision to its config', () => {
  const program = (load: string, guard = '') =>
    [
      'import torch',
      'import argparse',
      'import utils',
      'from torch.cuda.amp import GradScaler, autocast',
      'parser = argparse.ArgumentParser()',
      "parser.add_argument('--pretrained_path', type=str, default=None)",
      'args = parser.parse_args()',
      'def run():',
      '    hps = utils.get_hparams()',
      '    net_g = Generator()',
      '    optimizer = torch.optim.AdamW(net_g.parameters())',
      guard ? `    if ${guard}:\n        ${load}` : `    ${load}`,
      '    scaler = GradScaler(enabled=hps.train.fp16_run)',
      '    for epoch in range(10):',
      '        with autocast(enabled=hps.train.fp16_run):',
      '            loss = net_g(x)',
      '        scaler.scale(loss).backward()',
      '        scaler.step(optimizer)',
      "if __name__ == '__main__':",
      '    run()',
    ].join('\n');

  it('reads a bare load_checkpoint of pretrained weights into a network as a fine-tune', async () => {
    const read = await facts(program('utils.load_checkpoint(hps.pretrain_G, net_g, None, skip_optimizer=True)'));
    assert.deepEqual(
      of(read, 'model.fromScratch').map((f) => f.value),
      [false],
    );
  });

  it("reads no fine-tune from a resume of the run's own checkpoints, or a load the defaults switch off", async () => {
    const resume = await facts(
      program('utils.load_checkpoint(utils.latest_checkpoint_path(hps.model_dir, "G_*.pth"), net_g, optimizer)'),
    );
    assert.equal(of(resume, 'model.fromScratch').length, 0);
    const off = await facts(program('utils.load_checkpoint(args.pretrained_path, net_g)', 'args.pretrained_path'));
    assert.equal(of(off, 'model.fromScratch').length, 0);
  });

  it("reads no precision from a scaler or autocast switched by the loaded config's setting", async () => {
    const read = await facts(program('pass'));
    assert.equal(of(read, 'training.precision').length, 0);
    // A switch the program decides at run time keeps the scaler as its mixed-precision path.
    const runtime = (await facts(program('pass').replace(/enabled=hps\.train\.fp16_run/g, 'enabled=check_amp(net_g)')))
      .filter((f) => f.kind === 'training.precision')
      .map((f) => f.value);
    assert.ok(runtime.includes('fp16'));
  });
});
