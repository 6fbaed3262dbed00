import * as assert from 'node:assert/strict';
import { extractShellFacts } from '../../src/core/extract/shellFacts';

/**
 * Thirty-sixth round (held-out set AL, open-instruct's OLMo-core launches): `--model_name=olmo3-7b` names the model
 * when its value is a family and a size and nothing else; as a run's label (`--model_name my-sft-run-3`) it does not.
 */

const modelOf = (value: string) =>
  extractShellFacts(`python src/scripts/train/sft/OLMo-sft.py train run1 --seq_len=32768 --model_name=${value}\n`).find(
    (f) => f.kind === 'model.id',
  )?.value;

describe('Thirty-sixth round: a family-and-size --model_name', () => {
  it('reads olmo3-7b, llama2_13b and qwen2.5-0.5B as model names', () => {
    assert.equal(modelOf('olmo3-7b'), 'olmo3-7b');
    assert.equal(modelOf('llama2_13b'), 'llama2_13b');
    assert.equal(modelOf('qwen2.5-0.5B'), 'qwen2.5-0.5B');
  });

  it('leaves run labels alone', () => {
    assert.equal(modelOf('olmo3-7b-instruct-sft-seed1'), undefined);
    assert.equal(modelOf('baseline'), undefined);
    assert.equal(modelOf('run-3'), undefined);
  });
});
