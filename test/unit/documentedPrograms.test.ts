import * as assert from 'node:assert/strict';
import { scanFiles } from './helpers';

/**
 * A program whose default config is not in the repository, documented only as launched with configs that are runs
 * (`python train.py --base configs/stage1-train.yaml`): a config-driven program, left out; the configs are the runs.
 */

const PROGRAM = (defaultConfig: string) => `import argparse
import torch
import pytorch_lightning as pl
from omegaconf import OmegaConf
from mypkg.util import instantiate_from_config

parser = argparse.ArgumentParser()
parser.add_argument("--base", type=str, default="${defaultConfig}")
parser.add_argument("--gpus", type=str, default="0,")
args = parser.parse_args()

config = OmegaConf.load(args.base)
model = instantiate_from_config(config.model)
data = instantiate_from_config(config.data)
trainer = pl.Trainer(accelerator="gpu", devices=args.gpus, max_epochs=10)
trainer.fit(model, data)
`;

const TRAIN_CONFIG = `model:
  target: mypkg.models.Reconstructor
  params:
    width: 512
data:
  target: mypkg.data.DataModuleFromConfig
  params:
    batch_size: 4
lightning:
  trainer:
    max_epochs: 20
`;

const README = (commands: string) => `# Recon

\`\`\`bash
${commands}
\`\`\`
`;

const listedAndLeftOut = async (files: Record<string, string>) => {
  const result = await scanFiles(files);
  return {
    listed: result.files.filter((f) => f.analysis.runs.length > 0).map((f) => f.display),
    leftOut: new Map(result.leftOut.map((l) => [l.display, l.reason])),
  };
};

describe('a program documented only with configs that are runs, its default config missing', () => {
  it('is left out as a config-driven program; the configs stay listed', async () => {
    const { listed, leftOut } = await listedAndLeftOut({
      'train.py': PROGRAM('base_config.yaml'),
      'configs/stage1-train.yaml': TRAIN_CONFIG,
      'README.md': README('python train.py --base configs/stage1-train.yaml --gpus 0,1,2,3'),
    });
    assert.deepEqual(listed, ['configs/stage1-train.yaml']);
    assert.match(leftOut.get('train.py') ?? '', /default config base_config\.yaml is not in the repository/);
  });

  it('stays listed when its default config exists, or a documented launch runs it without a config run', async () => {
    const present = await listedAndLeftOut({
      'train.py': PROGRAM('configs/stage1-train.yaml'),
      'configs/stage1-train.yaml': TRAIN_CONFIG,
      'README.md': README('python train.py --base configs/stage1-train.yaml'),
    });
    assert.ok(!present.leftOut.has('train.py'));
    const bare = await listedAndLeftOut({
      'train.py': PROGRAM('base_config.yaml'),
      'configs/stage1-train.yaml': TRAIN_CONFIG,
      'README.md': README('python train.py --base configs/stage1-train.yaml\npython train.py --gpus 0,'),
    });
    assert.ok(bare.listed.includes('train.py'));
  });
});
