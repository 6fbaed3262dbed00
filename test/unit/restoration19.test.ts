import * as assert from 'node:assert/strict';
import { srArchParams } from '../../src/core/extract/srArchParams';
import { pythonFacts } from './helpers';

describe('super-resolution generators (nineteenth round, set V)', () => {
  it('sizes RRDBNet and SRVGGNetCompact from their keywords, with the class defaults', () => {
    // conv_first 1,792 + 23 blocks x 3 dense blocks x 239,808 + 4 x 36,928 + conv_last 1,731.
    assert.equal(srArchParams('RRDBNet', { num_in_ch: 3, num_out_ch: 3 })?.params, 16_697_987);
    // Scale 2 feeds the pixel-unshuffled input: 12 input channels to conv_first (+ 9 x 9 x 64 weights).
    assert.equal(srArchParams('RRDBNet', { num_in_ch: 3, num_out_ch: 3, scale: 2 })?.params, 16_703_171);
    assert.equal(srArchParams('SRVGGNetCompact', {}, 'prelu')?.params, 621_424);
  });

  it('leaves the size unknown for a missing required argument, an odd scale, another activation or a bad value', () => {
    assert.equal(srArchParams('RRDBNet', { num_out_ch: 3 }), undefined);
    assert.equal(srArchParams('RRDBNet', { num_in_ch: 3, num_out_ch: 3, scale: 3 }), undefined);
    assert.equal(srArchParams('SRVGGNetCompact', {}, 'relu'), undefined);
    assert.equal(srArchParams('SRVGGNetCompact', { num_feat: 1.5 }), undefined);
    assert.equal(srArchParams('SRVGGNetCompact', { num_conv: 1e12 }), undefined);
    assert.equal(srArchParams('UNetDiscriminatorSN', { num_in_ch: 3 }), undefined);
  });

  it('names no generator where the choice between several is made at run time', async () => {
    const facts = await pythonFacts(
      [
        'from basicsr.archs.rrdbnet_arch import RRDBNet',
        'from basicsr.archs.srvgg_arch import SRVGGNetCompact',
        '',
        'def pick(name):',
        "    if name == 'big':",
        '        model = RRDBNet(num_in_ch=3, num_out_ch=3, num_block=23)',
        "    elif name == 'small':",
        '        model = SRVGGNetCompact(num_conv=16)',
        '    return model',
        '',
      ].join('\n'),
    );
    assert.equal(
      facts.some((f) => f.kind === 'model.id'),
      false,
    );
  });

  it('takes the branch a flag default selects, and a half= switch handed with the model', async () => {
    const facts = await pythonFacts(
      [
        'import argparse',
        'from basicsr.archs.rrdbnet_arch import RRDBNet',
        'from basicsr.archs.srvgg_arch import SRVGGNetCompact',
        'from mypkg import Upscaler',
        '',
        'parser = argparse.ArgumentParser()',
        "parser.add_argument('--net', default='small')",
        "parser.add_argument('--fp32', action='store_true')",
        'args = parser.parse_args()',
        "if args.net == 'big':",
        '    model = RRDBNet(3, 3, 4, 64, 23, 32)',
        "elif args.net == 'small':",
        '    model = SRVGGNetCompact(num_in_ch=3, num_out_ch=3, num_feat=64, num_conv=16, upscale=4)',
        'up = Upscaler(model=model, half=not args.fp32)',
        '',
      ].join('\n'),
    );
    assert.equal(facts.find((f) => f.kind === 'model.id')?.value, 'SRVGGNetCompact');
    assert.equal(facts.find((f) => f.kind === 'model.params')?.value, 621_424);
    assert.equal(facts.find((f) => f.kind === 'training.precision')?.value, 'fp16');
  });

  it('reads positional arguments in the class order', async () => {
    const facts = await pythonFacts(
      'from basicsr.archs.rrdbnet_arch import RRDBNet\nmodel = RRDBNet(3, 3, 4, 64, 23, 32)\n',
    );
    assert.equal(facts.find((f) => f.kind === 'model.params')?.value, 16_697_987);
  });
});
