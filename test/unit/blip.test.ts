import * as assert from 'node:assert/strict';
import type { Fact } from '../../src/core/facts';
import { extractConfigFacts } from '../../src/core/extract/configFacts';
import { factsToSpecs } from '../../src/core/resolve/factsToSpec';
import { pythonFacts } from './helpers';

const factsOf = pythonFacts;

const valueOf = (facts: readonly Fact[], kind: Fact['kind']) => facts.find((f) => f.kind === kind)?.value;

describe('BLIP task models built by their factories', () => {
  it('names the task model from a factory imported from a blip module, with a literal vit size and checkpoint', async () => {
    const facts = await factsOf(
      "from models.blip import blip_decoder\nmodel = blip_decoder(pretrained='ckpt/caption.pth', vit='large')\n",
    );
    assert.equal(valueOf(facts, 'model.id'), 'blip:decoder');
    assert.equal(valueOf(facts, 'model.variant'), 'large');
    assert.equal(valueOf(facts, 'model.fromScratch'), false);
  });

  it('a factory call without a checkpoint (or with an empty one) builds a new model', async () => {
    const none = await factsOf('from models.blip_pretrain import blip_pretrain\nmodel = blip_pretrain(vit="base")\n');
    assert.equal(valueOf(none, 'model.fromScratch'), true);
    const empty = await factsOf("from models.blip import blip_decoder\nm = blip_decoder(pretrained='', vit='base')\n");
    assert.equal(valueOf(empty, 'model.fromScratch'), true);
    // A checkpoint named through the config is the config's to say.
    const viaConfig = await factsOf(
      "from models.blip import blip_decoder\nm = blip_decoder(pretrained=config['pretrained'], vit=config['vit'])\n",
    );
    assert.equal(valueOf(viaConfig, 'model.fromScratch'), undefined);
    assert.equal(valueOf(viaConfig, 'model.variant'), undefined);
  });

  it('a function of the same name not imported from a blip module is not read', async () => {
    const facts = await factsOf("from mylib.captioners import blip_decoder\nm = blip_decoder(vit='base')\n");
    assert.equal(valueOf(facts, 'model.id'), undefined);
  });

  it("a config's top-level vit size is a model.variant; a nested one or another word is not", () => {
    const variant = (yaml: string) => valueOf(extractConfigFacts(yaml, 'yaml').facts, 'model.variant');
    assert.equal(variant("vit: 'base'\nmax_epoch: 5\n"), 'base');
    assert.equal(variant('vit: Large\n'), 'large');
    assert.equal(variant('model:\n  vit: base\n'), undefined);
    assert.equal(variant('vit: huge_patch14\n'), undefined);
  });

  it('the size word picks the catalog row of that task and size; without a row the model stays unsized', async () => {
    const run = async (code: string) => {
      const facts = await factsOf(code);
      return factsToSpecs(facts, 'code')[0]?.spec.model;
    };
    const sized = await run(
      "from models.blip_vqa import blip_vqa\nmodel = blip_vqa(pretrained='v.pth', vit='base')\nmodel.generate(x)\n",
    );
    assert.equal(sized?.name, 'blip:vqa-base');
    const unsized = await run(
      "from models.blip_nlvr import blip_nlvr\nmodel = blip_nlvr(pretrained='n.pth', vit='base')\nmodel.generate(x)\n",
    );
    assert.equal(unsized?.name, 'blip:nlvr');
  });
});
