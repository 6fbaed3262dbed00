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

  it('runs the network a builder returns in a tuple, given trained weights, forward only', async () => {
    const notebook = (load: string) =>
      [
        'import torch',
        'from models import build_tokenizer_and_generator',
        "device = 'cuda'",
        'tok, gen = build_tokenizer_and_generator(depth=16, device=device)',
        load,
        'tok.eval(), gen.eval()',
        'with torch.inference_mode():',
        "    with torch.autocast('cuda', dtype=torch.float16):",
        '        images = gen.autoregressive_infer_cfg(B=8, cfg=4.0)',
        '',
      ].join('\n');
    const loaded = await pythonFacts(
      notebook(
        "tok.load_state_dict(torch.load('tok.pth', map_location='cpu'))\ngen.load_state_dict(torch.load('gen_d16.pth', map_location='cpu'))",
      ),
    );
    assert.equal(valuesOf(loaded, 'launch.inference').length, 1);
    assert.deepEqual(valuesOf(loaded, 'model.fromScratch'), [false]);
    // Its name is left to the rules that read the builder: none here, so unknown (no model.id read).
    assert.deepEqual(valuesOf(loaded, 'model.id'), []);
    // Nothing loaded into either: no trained model to run.
    assert.deepEqual(valuesOf(await pythonFacts(notebook('')), 'launch.inference'), []);
  });
});
