import * as assert from 'node:assert/strict';
import { findModel } from '../../src/core/knowledge';
import { sizeFromModelName, VIT_VARIANT_ROWS, vitVariantOf } from '../../src/core/knowledge/modelName';

describe('ViT size words in model names', () => {
  it('reads the variant a name states, in the spellings repositories use', () => {
    const cases: Array<[string, string]> = [
      ['mae_vit_large_patch16', 'large'],
      ['vit_base_patch16_224', 'base'],
      ['deit_small_patch16_224', 'small'],
      ['deit3_huge_patch14', 'huge'],
      ['ViT-L/14', 'large'],
      ['dinov2_vitg14', 'giant'],
      ['vit-ti-16', 'tiny'],
    ];
    for (const [name, variant] of cases) assert.equal(vitVariantOf(name)?.variant, variant, name);
  });

  it('does not read words that only contain the letters', () => {
    for (const name of [
      'vitamin_b12',
      'levit_128',
      'revit_large',
      'vitals',
      'pvit',
      'gpt2-large',
      'open_clip:ViT-L-16',
    ])
      assert.equal(vitVariantOf(name), undefined, name);
  });

  it('sizes the variant as the catalog row it names, every row present', () => {
    for (const [variant, row] of Object.entries(VIT_VARIANT_ROWS)) {
      const model = findModel(row);
      assert.ok(model, `${variant}: catalog row ${row}`);
      assert.equal(sizeFromModelName(`mae_vit_${variant}_patch16`)?.params, model.params, variant);
    }
    // ViT-Large is about 0.3B (ViT paper, Table 1: 307M), Huge about 0.63B.
    assert.ok(Math.abs(sizeFromModelName('vit_large_patch16')!.params - 3.07e8) < 0.1e8);
    assert.ok(Math.abs(sizeFromModelName('ViT-H/14')!.params - 6.32e8) < 0.1e8);
  });

  it('keeps a stated count first', () => {
    assert.equal(sizeFromModelName('vit-large-1b-custom')?.params, 1e9);
  });
});
