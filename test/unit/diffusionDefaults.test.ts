import * as assert from 'node:assert/strict';
import { pythonFacts } from './helpers';

/** A package module of `*_defaults()` functions, as improved/guided-diffusion programs build their flags from. */
const defaultsModule = (imageSize: number, extra = '') => `
def model_and_diffusion_defaults():
    return dict(
        image_size=${imageSize},
        num_channels=64,
        num_res_blocks=2,
        attention_resolutions="16",
        channel_mult="",
        learn_sigma=False,${extra}
    )


def classifier_defaults():
    return dict(
        image_size=${imageSize},
        classifier_width=64,
        classifier_depth=1,
        classifier_attention_resolutions="16",
        classifier_pool="spatial_v2",
    )
`;

describe('diffusion defaults dicts (improved/guided-diffusion script_util)', () => {
  it('sizes the UNet a defaults function sets up, marked with the function that holds it', async () => {
    const facts = (await pythonFacts(defaultsModule(64))).filter((f) => f.kind === 'model.params');
    assert.equal(facts.length, 1);
    assert.equal(facts[0].within, 'model_and_diffusion_defaults');
    assert.ok((facts[0].value as number) > 1e7 && (facts[0].value as number) < 1e8);
  });

  it('says nothing where the factory would choose a layout it does not list, or a resolution does not divide', async () => {
    // 96px has no channel_mult in the factory's table; "16" does not divide 72; a classifier pool not counted.
    for (const text of [
      defaultsModule(96),
      defaultsModule(72),
      defaultsModule(64, '\n        attention_resolutions="7",'),
    ])
      assert.equal(
        (await pythonFacts(text)).filter((f) => f.kind === 'model.params' && f.within === 'classifier_defaults').length,
        0,
      );
    assert.equal((await pythonFacts(defaultsModule(96))).filter((f) => f.kind === 'model.params').length, 0);
  });

  it('does not follow a defaults function that calls itself', async () => {
    const text = `def model_and_diffusion_defaults():\n    res = model_and_diffusion_defaults()\n    res["num_channels"] = 64\n    return res\n`;
    assert.equal((await pythonFacts(text)).filter((f) => f.kind === 'model.params').length, 0);
  });
});
