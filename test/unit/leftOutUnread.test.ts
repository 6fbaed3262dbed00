import * as assert from 'node:assert/strict';
import { scanFiles } from './helpers';

const TORCHTUNE_CONFIG = [
  'model:',
  '  _component_: torchtune.models.llama3_2.lora_llama3_2_1b',
  '  lora_rank: 8',
  'epochs: 2',
  'batch_size: 4',
  'dtype: bf16',
  '',
].join('\n');

const scan = scanFiles;

describe('configs and scripts where runs are not are left out unread', () => {
  it('leaves out a config under tests/ and a CI workflow without reading them, and a run that links the config still reads it', async () => {
    const result = await scan({
      'tests/recipes/lora_1b.yaml': TORCHTUNE_CONFIG,
      '.github/workflows/gpu.yml': `jobs:\n  test:\n    steps:\n      - run: tune run lora_finetune_single_device --config tests/recipes/lora_1b.yaml\n`,
      'finetune.sh': '#!/bin/bash\ntune run lora_finetune_single_device --config tests/recipes/lora_1b.yaml\n',
    });
    for (const display of ['tests/recipes/lora_1b.yaml', '.github/workflows/gpu.yml']) {
      const file = result.files.find((f) => f.display === display);
      assert.ok(file, display);
      assert.equal(file.analysis.runs.length, 0, display);
      assert.deepEqual(file.analysis.facts, [], `${display} was read`);
      assert.ok(file.analysis.notARun, `${display} has no reason`);
    }
    const launch = result.files.find((f) => f.display === 'finetune.sh');
    assert.equal(launch?.analysis.runs.length, 1);
    assert.equal(launch?.analysis.runs[0].run.training.epochs, 2);
  });

  it('reads such a config when a directive asks for it', async () => {
    const result = await scan({ 'tests/recipes/lora_1b.yaml': `# green-ai: run\n${TORCHTUNE_CONFIG}` });
    assert.equal(result.files[0].analysis.runs.length, 1);
  });
});
