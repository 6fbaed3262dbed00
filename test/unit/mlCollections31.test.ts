import * as assert from 'node:assert/strict';
import { scanFiles } from './helpers';

describe('Thirty-first round: ml_collections configs of a program that builds its own network', () => {
  const base = [
    'import ml_collections',
    '',
    'def get_config():',
    '  config = ml_collections.ConfigDict()',
    "  config.model = 'ResNet50'",
    '  config.batch_size = 128',
    '  config.num_epochs = 90.0',
    '  return config',
    '',
  ].join('\n');
  const variant = [
    'from configs import default as default_lib',
    '',
    'def get_config():',
    '  config = default_lib.get_config()',
    '  config.batch_size = 1024',
    '  return config',
    '',
  ].join('\n');
  const fragment = [
    'import ml_collections',
    '',
    'def get_config():',
    '  config = ml_collections.ConfigDict()',
    '  config.learning_rate = 0.1',
    '  config.momentum = 0.9',
    '  return config',
    '',
  ].join('\n');

  it('lists the base config and a variant built on it, with the model the base names', async () => {
    const result = await scanFiles({
      'classify/configs/default.py': base,
      'classify/configs/gpu_x8.py': variant,
      'classify/configs/optimiser.py': fragment,
    });
    const runs = new Map(result.files.map((f) => [f.display, f.analysis.runs]));
    assert.equal(runs.get('classify/configs/default.py')?.[0]?.run.model.name, 'ResNet50');
    assert.equal(runs.get('classify/configs/gpu_x8.py')?.[0]?.run.model.name, 'ResNet50');
    // Settings alone, no length and no base: a piece of a run, not one.
    assert.equal(runs.get('classify/configs/optimiser.py')?.length ?? 0, 0);
  });
});
