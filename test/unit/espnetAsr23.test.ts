import * as assert from 'node:assert/strict';
import { extractConfigFacts } from '../../src/core/extract/configFacts';
import { nonRunPlaceReason, TEMPLATE_REASON } from '../../src/core/resolve/entryPoint';

const factsOf = (text: string, path = 'conf/train_asr.yaml') => extractConfigFacts(text, 'yaml', path).facts;
const value = (text: string, kind: string, path?: string) => factsOf(text, path).find((f) => f.kind === kind)?.value;

const TRANSFORMER = `encoder: transformer
encoder_conf:
    output_size: 256
    linear_units: 1024
    num_blocks: 12
    input_layer: conv2d
decoder: transformer
decoder_conf:
    linear_units: 1024
    num_blocks: 6
max_epoch: 40
`;

describe('ESPnet-family ASR configs (encoder/encoder_conf, decoder/decoder_conf)', () => {
  it('sizes a Transformer encoder and decoder by the documented formulas, named by the encoder when no model is', () => {
    // 12 × (4·256² + 2·256·1024) + conv2d (9·256 + 9·256² + 19·256²) + 6 × (8·256² + 2·256·1024)
    const expected =
      12 * (4 * 256 * 256 + 2 * 256 * 1024) + (9 * 256 + 28 * 256 * 256) + 6 * (8 * 256 * 256 + 2 * 256 * 1024);
    assert.equal(value(TRANSFORMER, 'model.params'), expected);
    assert.equal(value(TRANSFORMER, 'model.id'), 'transformer');
  });

  it('takes the encoder defaults of ESPnet2 where keys are not written (6 blocks, 2048 units, d 256, kernel 31)', () => {
    const text = 'encoder: conformer\nencoder_conf:\n    output_size: 256\ndecoder: rnn\n';
    // A decoder it does not count (an RNN) leaves the size unknown rather than undercounted.
    assert.equal(value(text, 'model.params'), undefined);
    const alone = 'encoder: conformer\nencoder_conf:\n    output_size: 256\n';
    const d = 256;
    const perBlock = 4 * d * d + d * d + 2 * d * 2048 + 3 * d * d + d * 31;
    assert.equal(value(alone, 'model.params'), 6 * perBlock + 9 * d + 28 * d * d);
  });

  it('leaves the size of other encoders unknown and the name of a generic model to the encoder', () => {
    const text = 'model: espnet\nencoder: e_branchformer\nencoder_conf:\n    output_size: 256\n    num_blocks: 12\n';
    assert.equal(value(text, 'model.params'), undefined);
    assert.equal(value(text, 'model.id'), 'ebranchformer');
  });

  it('reads no model from config.yaml, the configuration saved beside a trained model', () => {
    assert.equal(value(TRANSFORMER, 'model.id', 'exp/asr_train/config.yaml'), undefined);
    assert.equal(value(TRANSFORMER, 'model.params', 'exp/asr_train/config.yaml'), undefined);
  });
});

describe('Templates: a config named template.yaml', () => {
  const complete = 'model: Conformer\nencoder: ConformerEncoder\ntrain_conf:\n  max_epoch: 50\n';
  it('is a template; complete, it runs as it is, except among a package’s own modules', () => {
    assert.equal(nonRunPlaceReason('examples/asr/template.yaml', '{{ model }}\n'), TEMPLATE_REASON);
    assert.equal(nonRunPlaceReason('examples/asr/template.yaml', complete), undefined);
    assert.equal(
      nonRunPlaceReason('speechpkg/models/conformer/template.yaml', complete, { packageRoots: ['speechpkg'] }),
      TEMPLATE_REASON,
    );
    // A program folder inside the package keeps its complete templates as runs.
    assert.equal(
      nonRunPlaceReason('speechpkg/examples/template.yaml', complete, { packageRoots: ['speechpkg'] }),
      undefined,
    );
  });
});
