import * as assert from 'node:assert/strict';
import type { Fact } from '../../src/core/facts';
import { mlCollectionsRunFacts } from '../../src/core/extract/mlCollectionsRun';
import { scoreNetParams } from '../../src/core/extract/scoreSdeParams';

const at = { startLine: 0, startCol: 0, endLine: 0, endCol: 1 };
const setting = (key: string, value: unknown, file?: string): Fact => ({
  kind: 'mlc.setting',
  value: key,
  range: at,
  confidence: 'medium',
  detail: JSON.stringify(value),
  ...(file ? { file } : {}),
});

const network: [string, unknown][] = [
  ['model.name', 'ddpm'],
  ['model.nf', 64],
  ['model.ch_mult', [1, 2, 2]],
  ['model.num_res_blocks', 2],
  ['model.attn_resolutions', [8]],
  ['model.resamp_with_conv', true],
  ['model.conditional', true],
];
const own = network.map(([k, v]) => setting(k, v));
const base = [setting('data.image_size', 64, 'defaults.py'), setting('data.num_channels', 1, 'defaults.py')];

describe('an ml_collections config composed over the config it starts from', () => {
  it('sizes the network from the fields of both', () => {
    const [f] = mlCollectionsRunFacts([...own, ...base]);
    const expected = scoreNetParams({
      name: 'ddpm',
      nf: 64,
      chMult: [1, 2, 2],
      numResBlocks: 2,
      attnResolutions: [8],
      imageSize: 64,
      channels: 1,
      resampWithConv: true,
      conditional: true,
    });
    assert.equal(f.kind, 'model.params');
    assert.equal(f.value, expected);
  });

  it("lets the config's own field win over the base's", () => {
    const [withBase] = mlCollectionsRunFacts([...own, ...base, setting('model.nf', 32, 'defaults.py')]);
    const [alone] = mlCollectionsRunFacts([...own, ...base]);
    assert.equal(withBase.value, alone.value);
    const [overridden] = mlCollectionsRunFacts([...own, setting('data.image_size', 32), ...base]);
    assert.notEqual(overridden.value, alone.value);
  });

  it('leaves the size unknown when a field the count needs is set by neither', () => {
    assert.deepEqual(mlCollectionsRunFacts([...own, base[0]]), []);
    // Nothing linked: the reader already counted or could not; nothing is composed.
    assert.deepEqual(mlCollectionsRunFacts(own), []);
  });
});
