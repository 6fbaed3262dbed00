import * as assert from 'node:assert/strict';
import { scoreNetParams, type ScoreNetSettings } from '../../src/core/extract/scoreSdeParams';

const unet: ScoreNetSettings = {
  name: 'ddpm',
  nf: 128,
  chMult: [1, 2, 2, 2],
  numResBlocks: 2,
  attnResolutions: [16],
  imageSize: 32,
  channels: 3,
  resampWithConv: true,
  conditional: true,
};

describe('score_sde networks counted from their config fields', () => {
  it('counts the DDPM U-Net near the published CIFAR-10 size', () => {
    // Ho et al. 2020 (arXiv:2006.11239, Appendix B): "Our CIFAR10 model has 35.7 million parameters"; the PyTorch
    // port puts one attention block a level on the way up instead of one a block, a little under that.
    const n = scoreNetParams(unet)!;
    assert.ok(Math.abs(n - 35.7e6) / 35.7e6 < 0.02, String(n));
    // Without resampling convs the count drops by exactly those 3×3 convs: down after levels of width 128, 256, 256,
    // up before levels of width 256, 256, 256.
    const convs = [128, 256, 256, 256, 256, 256].reduce((a, c) => a + 9 * c * c + c, 0);
    assert.equal(scoreNetParams({ ...unet, resampWithConv: false }), n - convs);
  });

  it('follows the NCSN++ switches: BigGAN blocks, the input pyramid, the embedding', () => {
    const ncsnpp: ScoreNetSettings = {
      ...unet,
      name: 'ncsnpp',
      numResBlocks: 4,
      resblockType: 'biggan',
      progressive: 'none',
      progressiveInput: 'residual',
      progressiveCombine: 'sum',
      embeddingType: 'fourier',
    };
    const base = scoreNetParams(ncsnpp)!;
    // A positional embedding has nf inputs to the first Linear instead of 2nf, and no fixed Fourier weights.
    assert.equal(scoreNetParams({ ...ncsnpp, embeddingType: 'positional' }), base - 128 - 128 * 512);
    // The residual input pyramid adds one 3×3 conv a downsampling: 3 → 128, 128 → 256, 256 → 256.
    const pyramid = 9 * 3 * 128 + 128 + (9 * 128 * 256 + 256) + (9 * 256 * 256 + 256);
    assert.equal(scoreNetParams({ ...ncsnpp, progressiveInput: 'none' }), base - pyramid);
    // Deeper (8 blocks a level) is larger.
    assert.ok(scoreNetParams({ ...ncsnpp, numResBlocks: 8 })! > base);
  });

  it('leaves unknown what it does not follow', () => {
    assert.equal(scoreNetParams({ ...unet, name: 'ncsnv2' }), undefined);
    assert.equal(scoreNetParams({ ...unet, conditional: false }), undefined);
    assert.equal(
      scoreNetParams({ ...unet, name: 'ncsnpp', resblockType: 'other', embeddingType: 'fourier' }),
      undefined,
    );
    assert.equal(scoreNetParams({ ...unet, nf: 1e9 }), undefined);
    assert.equal(scoreNetParams({ ...unet, chMult: new Array(1000).fill(2) }), undefined);
  });
});
