import * as assert from 'node:assert/strict';
import { findModel } from '../../src/core/knowledge';
import { ditVariantOf, sizeFromModelName } from '../../src/core/knowledge/modelName';

describe('DiT variant names (sixteenth round, set S)', () => {
  it('reads the size word of a family-size/patch name in its usual spellings', () => {
    assert.equal(ditVariantOf('Latte-XL/2')?.variant, 'XL');
    assert.equal(ditVariantOf('SiT-B/4')?.variant, 'B');
    assert.equal(ditVariantOf('PixelDiT_XL_2')?.variant, 'XL');
    assert.equal(ditVariantOf('ClipDiT-L/2')?.variant, 'L');
    assert.equal(sizeFromModelName('MyDiT-S/8')?.params, 33e6);
  });

  it('does not read other names that hold a capital letter and a digit', () => {
    for (const name of [
      'resnet-L2',
      'gpt2-xl',
      'Qwen2-VL-2B',
      'ViT-L/14',
      'XL/2',
      'data-B/16x',
      'Model-XL/3',
      'TinyBERT_L-4_H-312_v2',
      'Net_B-2',
    ])
      assert.equal(ditVariantOf(name), undefined, name);
  });

  it('a name of digits after a slash is not matched to a catalog row by that tail', () => {
    assert.equal(findModel('ClipDiT-L/2'), undefined);
    assert.equal(findModel('DiT-XL/2')?.id, 'facebook/DiT-XL-2-256');
  });
});
