import * as assert from 'node:assert/strict';
import { extractConfigFacts } from '../../src/core/extract/configFacts';

/** A k-diffusion training config around a `model` section, as train.py --config reads it. */
function config(model: Record<string, unknown>, dataset: Record<string, unknown> = { type: 'cifar10' }): string {
  return JSON.stringify({
    model: { input_channels: 3, input_size: [32, 32], sigma_data: 0.5, ...model },
    dataset,
    optimizer: { type: 'adamw', lr: 2e-4 },
    lr_sched: { type: 'constant' },
    ema_sched: { type: 'inverse', power: 0.7 },
  });
}

const params = (text: string): unknown[] =>
  extractConfigFacts(text, 'json')
    .facts.filter((f) => f.kind === 'model.params')
    .map((f) => f.value);

describe('k-diffusion model sizes counted from the config (image_v1 U-Net, image_transformer_v2 hourglass)', () => {
  const unet = {
    type: 'image_v1',
    mapping_out: 128,
    depths: [1, 2],
    channels: [64, 128],
    self_attn_depths: [false, true],
  };

  it('counts an image_v1 U-Net by hand: mapping, 1x1 in/out convs, residual blocks with AdaGN, self-attention', () => {
    const f = 128;
    const ada = (c: number) => f * 2 * c + 2 * c;
    const conv = (a: number, b: number) => 9 * a * b + b;
    const res = (a: number, m: number, b: number) => ada(a) + conv(a, m) + ada(m) + conv(m, b) + (a === b ? 0 : a * b);
    const attn = (c: number) => ada(c) + 4 * c * c + 4 * c;
    const mapping = 9 * f + 2 * (f * f + f);
    const io = 3 * 64 + 64 + 64 * 3 + 3;
    const down = res(64, 64, 64) + res(64, 128, 128) + attn(128) + res(128, 128, 128) + attn(128);
    const up = res(64 * 2, 64, 64) + res(128, 128, 128) + attn(128) + res(128, 128, 64) + attn(64);
    assert.deepEqual(params(config(unet)), [mapping + io + down + up]);
  });

  it('leaves the size unknown where a part is not counted or a value is not as make_model reads it', () => {
    assert.deepEqual(params(config({ ...unet, cross_cond_dim: 768 })), [null]);
    assert.deepEqual(params(config({ ...unet, skip_stages: 1 })), [null]);
    assert.deepEqual(params(config({ ...unet, channels: [64] })), [null]);
    assert.deepEqual(params(config({ ...unet, depths: [1, '${depth}'] })), [null]);
    const hdit = { type: 'image_transformer_v2', patch_size: [4, 4], depths: [2], widths: [128] };
    assert.deepEqual(params(config({ ...hdit, self_attns: [{ type: 'axial' }] })), [null]);
    assert.deepEqual(params(config({ ...hdit, self_attns: [{ type: 'global' }, { type: 'global' }] })), [null]);
    assert.deepEqual(params(config({ type: 'image_transformer_v1', depth: 8, width: 256 })), [null]);
  });

  it('counts a one-level image_transformer_v2 with its defaults (global attention last, d_ff 3 x width, mapping 256)', () => {
    const w = 128;
    const m = 256;
    const layer = w * m + 3 * w * (3 * w) + (w * m + 4 * w * w + w / 64);
    const mapping = 2 * m * m + 2 * m + 2 * (m + 3 * m * 3 * m);
    const io = 2 * 3 * 16 * w + w;
    const hdit = { type: 'image_transformer_v2', patch_size: [4, 4], depths: [2], widths: [w] };
    assert.deepEqual(params(config(hdit)), [io + mapping + 2 * layer]);
    // A class-conditional dataset adds a table of num_classes + 1 rows (the extra one for the dropped label).
    assert.deepEqual(params(config(hdit, { type: 'mnist', num_classes: 10 })), [io + mapping + 2 * layer + 11 * m]);
  });
});
