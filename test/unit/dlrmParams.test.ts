import * as assert from 'assert';
import { dlrmParams, layerWidths, mlpParams, torchrecDlrmParams } from '../../src/core/extract/dlrmParams';

describe('DLRM parameter arithmetic', () => {
  it('reads dash- and comma-separated widths and refuses anything else', () => {
    assert.deepStrictEqual(layerWidths('4-3-2'), [4, 3, 2]);
    assert.deepStrictEqual(layerWidths('512,256,64'), [512, 256, 64]);
    assert.equal(layerWidths('4-x-2'), undefined);
    assert.equal(layerWidths(''), undefined);
    assert.equal(layerWidths('1-'.repeat(20_000)), undefined);
  });

  it('counts weights and biases through an MLP', () => {
    assert.equal(mlpParams([4, 3, 2]), 4 * 3 + 3 + 3 * 2 + 2);
    assert.equal(mlpParams([7]), 0);
  });

  it("works out the reference script's top MLP input from the interaction", () => {
    // Tables 4-3-2 of width 2, bottom 4-3-2, top 4-2-1: (4+3+2)·2 + 23 + top over 4·3/2 + 2 = 8 inputs (49) = 90.
    const base = { sparseFeatureSize: 2, tableRows: [4, 3, 2], bottom: [4, 3, 2], top: [4, 2, 1], itself: false };
    assert.equal(dlrmParams({ ...base, interaction: 'dot' }), 90);
    // With itself: 4·5/2 + 2 = 12 inputs; cat: 4 features × 2 = 8 inputs.
    assert.equal(dlrmParams({ ...base, interaction: 'dot', itself: true }), 18 + 23 + mlpParams([12, 4, 2, 1]));
    assert.equal(dlrmParams({ ...base, interaction: 'cat' }), 90);
    assert.equal(dlrmParams({ ...base, interaction: 'dcn' }), undefined);
  });

  it("sizes TorchRec's DLRM over arch from the tables and the embedding width", () => {
    const rows = Array.from({ length: 26 }, () => 100_000);
    const params = torchrecDlrmParams(64, rows, 13, [512, 256, 64], [512, 512, 256, 1]);
    assert.equal(params, 26 * 100_000 * 64 + mlpParams([13, 512, 256, 64]) + mlpParams([415, 512, 512, 256, 1]));
    // The dense arch must end at the embedding width (the interaction needs it).
    assert.equal(torchrecDlrmParams(64, rows, 13, [512, 256, 32], [1]), undefined);
  });
});
