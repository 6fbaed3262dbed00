import * as assert from 'node:assert/strict';
import type { Fact } from '../../src/core/facts';
import { normalisePrecision } from '../../src/core/extract/precision';
import { sizeFromModelName } from '../../src/core/knowledge/modelName';
import { pythonFacts } from './helpers';

/**
 * Thirty-fifth round, set AJ: a notebook that builds a model with a builder of its repository and asks it for
 * embeddings under no_grad (DINOv2's dino.txt notebook), `torch.float` as a dtype, and a ViT word in a two-tower name.
 */

const valuesOf = (facts: readonly Fact[], kind: string) => facts.filter((f) => f.kind === kind).map((f) => f.value);

const NOTEBOOK = (builder: string) =>
  [
    'import torch',
    `from vispkg.hub.towers import ${builder}`,
    `model = ${builder}().cuda()`,
    'image = torch.zeros(1, 3, 224, 224).cuda()',
    "with torch.autocast('cuda', dtype=torch.float):",
    '    with torch.no_grad():',
    '        features = model.encode_image(image)',
    '',
  ].join('\n');

describe('Thirty-fifth round: repository builders run forward, two-tower names', () => {
  it('runs a model from a sized builder of the repository forward only, in float32', async () => {
    const facts = await pythonFacts(NOTEBOOK('vispkg_vitb16_classifier'));
    assert.deepEqual(valuesOf(facts, 'model.id'), ['vispkg_vitb16_classifier']);
    assert.deepEqual(valuesOf(facts, 'launch.inference'), ['torch.no_grad']);
    assert.deepEqual(valuesOf(facts, 'training.precision'), ['fp32']);
  });

  it('names a two-tower builder without sizing it by its image tower', async () => {
    const name = 'vispkg_vitl14_reg4_imgtxt_tet1280d20h24l';
    assert.equal(sizeFromModelName(name), undefined);
    // The plain ViT word still sizes a one-tower name.
    assert.ok((sizeFromModelName('vispkg_vitl14')?.params ?? 0) > 3e8);
    const facts = await pythonFacts(NOTEBOOK(name));
    assert.deepEqual(valuesOf(facts, 'model.id'), [name]);
    assert.match(facts.find((f) => f.kind === 'model.id')?.detail ?? '', /two-tower/);
    assert.deepEqual(valuesOf(facts, 'launch.inference'), ['torch.no_grad']);
  });

  it('reads torch.float and torch.double as float32', () => {
    for (const spelling of ['torch.float', 'torch.float32', 'torch.double', 'float'])
      assert.equal(normalisePrecision(spelling), 'fp32', spelling);
    assert.equal(normalisePrecision('torch.float16'), 'fp16');
    assert.equal(normalisePrecision('torch.floating_point'), null);
  });
});
