import * as assert from 'node:assert/strict';
import { findModel } from '../../src/core/knowledge';

describe('quantised copies of a catalog model (twenty-first round)', () => {
  it('sizes a GGUF repository as the model named before -GGUF', () => {
    assert.equal(findModel('someone/Z-Image-Turbo-GGUF')?.id, 'Tongyi-MAI/Z-Image-Turbo');
    assert.equal(findModel('mirror-org/Qwen3-0.6B-GGUF')?.id, findModel('Qwen/Qwen3-0.6B')?.id);
  });

  it('still needs the name before the suffix to be one catalog row', () => {
    assert.equal(findModel('someone/not-a-known-model-GGUF'), undefined);
  });
});
