import * as assert from 'node:assert/strict';
import { hubIdInPath } from '../../src/core/extract/config/dialect';

describe('local model folders are never Hub ids (twentieth round)', () => {
  it('keeps a Hub id at the end of a folder path', () => {
    assert.equal(hubIdInPath('/data/ckpts/meta-llama/Llama-3.1-8B'), 'meta-llama/Llama-3.1-8B');
    assert.equal(hubIdInPath('checkpoints/Qwen/Qwen2.5-0.5B'), 'Qwen/Qwen2.5-0.5B');
  });

  it('never takes the first folder of an absolute path as an organisation', () => {
    assert.equal(hubIdInPath('/content/llm_weights'), undefined);
    assert.equal(hubIdInPath('/opt/base-model/'), undefined);
    assert.equal(hubIdInPath('D:/runs/adapter'), undefined);
    assert.equal(hubIdInPath('D:\\runs\\adapter'), undefined);
  });

  it("never takes a hosted notebook's working folder as an organisation", () => {
    assert.equal(hubIdInPath('/kaggle/working/base_ckpt'), undefined);
    assert.equal(hubIdInPath('/kaggle/input/tuned-adapter'), undefined);
    assert.equal(hubIdInPath('/content/drive/MyDrive/finetuned'), undefined);
    assert.equal(hubIdInPath('content/llm_weights'), undefined);
  });
});
