import * as assert from 'node:assert/strict';
import { runOf } from './helpers';

/**
 * Sixty-ninth round (held-out sets BQ and BT): a parameter file read by a `theconf`-style trainer names its network by
 * the registry name in its model section (`model: {type: wresnet28_10}`, dispatched by the program's `get_model`),
 * and holds no weights to start from: the network is trained from random initialisation.
 */
describe('Sixty-ninth round: held-out sets BQ and BT', () => {
  const trainer =
    'import argparse\nimport yaml\nfrom networks import get_model\n\n\ndef train(conf):\n    model = get_model(conf["model"], 10)\n' +
    '    opt = torch.optim.SGD(model.parameters(), lr=conf["lr"])\n    for epoch in range(conf["epoch"]):\n        loss = model(x).sum()\n' +
    '        loss.backward()\n        opt.step()\n\n\nif __name__ == "__main__":\n    p = argparse.ArgumentParser()\n' +
    '    p.add_argument("-c", "--config", default="confs/resnet50.yaml")\n    args = p.parse_args()\n' +
    '    train(yaml.safe_load(open(args.config)))\n';
  const conf = (model: string, extra = '') =>
    `model:\n  type: ${model}\n${extra}dataset: imagenet\nbatch: 256\nepoch: 270\nlr: 0.1\noptimizer:\n  type: sgd\n  nesterov: True\n  decay: 0.0001\n`;

  it('names the network by its model section’s type, sized by the catalog when it is a known architecture', async () => {
    const run = await runOf({ 'train.py': trainer, 'confs/resnet50.yaml': conf('resnet50') }, 'train.py');
    assert.equal(run?.spec.model.name, 'resnet50');
    assert.equal(run?.model.source, 'catalog');
    // Built by its registry name with no checkpoint anywhere in the file: trained from scratch, not fine-tuned.
    assert.equal(run?.mode, 'pretrain');
  });

  it('keeps a checkpoint the model section names: then the weights are loaded', async () => {
    const run = await runOf(
      { 'train.py': trainer, 'confs/resnet50.yaml': conf('resnet50', '  pretrained: true\n') },
      'train.py',
    );
    assert.notEqual(run?.mode, 'pretrain');
  });

  it('does not take a placeholder, a generic word or a wrapper class for a model', async () => {
    for (const word of ['default', 'MultiLabelContrastive']) {
      const run = await runOf({ 'train.py': trainer, 'confs/resnet50.yaml': conf(word) }, 'train.py');
      assert.notEqual(run?.spec.model.name, word);
    }
  });
});
