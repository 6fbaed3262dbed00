import * as assert from 'node:assert/strict';
import { scanFiles } from './helpers';

/** A Hydra application that fits a model from its primary config (config_path and config_name given by the caller). */
function hydraProgram(configPath: string): string {
  return [
    'import hydra',
    'import torch',
    'from omegaconf import DictConfig',
    '',
    `@hydra.main(version_base=None, config_path="${configPath}", config_name="fit")`,
    'def main(cfg: DictConfig) -> None:',
    '    model = hydra.utils.instantiate(cfg.model)',
    '    optimizer = torch.optim.AdamW(model.parameters(), lr=cfg.optim.lr)',
    '    for epoch in range(cfg.trainer.total_epochs):',
    '        loss = model(torch.randn(4, 8)).sum()',
    '        loss.backward()',
    '        optimizer.step()',
    '',
    'if __name__ == "__main__":',
    '    main()',
    '',
  ].join('\n');
}

const FIT_YAML = [
  'model:',
  '  _target_: orchard.nets.PolicyNet',
  'optim:',
  '  lr: 3.0e-5',
  'trainer:',
  '  total_epochs: 4',
  '',
].join('\n');

const scan = scanFiles;

const listed = (result: Awaited<ReturnType<typeof scan>>) =>
  result.files.filter((f) => f.analysis.runs.length > 0).map((f) => f.display);

describe('Hydra applications inside a package (26)', () => {
  it("leaves out a package's Hydra program whose primary config ships inside the package: its launches are the runs", async () => {
    const result = await scan({
      'orchard/__init__.py': '',
      'orchard/trainer/__init__.py': '',
      'orchard/trainer/main_fit.py': hydraProgram('config'),
      'orchard/trainer/config/fit.yaml': FIT_YAML,
    });
    assert.ok(!listed(result).includes('orchard/trainer/main_fit.py'), listed(result).join());
    assert.ok(result.leftOut.some((l) => l.display === 'orchard/trainer/main_fit.py'));
  });

  it("lists a package's Hydra program that runs from the project's configs outside the package (../configs)", async () => {
    const result = await scan({
      'src/__init__.py': '',
      'src/train.py': hydraProgram('../configs'),
      'configs/fit.yaml': FIT_YAML,
    });
    assert.ok(listed(result).includes('src/train.py'), listed(result).join());
  });

  it('reads a launch that asks Hydra for the composed config (--cfg job) as no run', async () => {
    const result = await scan({
      'orchard/__init__.py': '',
      'orchard/trainer/__init__.py': '',
      'orchard/trainer/main_fit.py': hydraProgram('config'),
      'orchard/trainer/config/fit.yaml': FIT_YAML,
      'scripts/flatten.sh': 'python3 -m orchard.trainer.main_fit --cfg job > flat.yaml\n',
      'scripts/fit.sh': 'python3 -m orchard.trainer.main_fit trainer.total_epochs=2\n',
    });
    assert.ok(!listed(result).includes('scripts/flatten.sh'), listed(result).join());
    assert.ok(listed(result).includes('scripts/fit.sh'), listed(result).join());
  });
});
