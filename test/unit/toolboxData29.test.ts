import * as assert from 'node:assert/strict';
import { nonRunPlaceReason } from '../../src/core/resolve/entryPoint';

describe("a toolbox's dataset tools (tools/data/<dataset>/)", () => {
  const extractionConfig = [
    "model = dict(type='Recognizer2D', backbone=dict(type='ResNet', depth=50))",
    "test_dataloader = dict(batch_size=1, dataset=dict(type='RawframeDataset'))",
    "test_evaluator = dict(type='DumpResults', out_file_path='features.pkl')",
  ].join('\n');

  it('are data preparation by their folder: download scripts, frame extraction, the feature extractor config', () => {
    for (const file of [
      'tools/data/kinetics/download.py',
      'tools/data/activitynet/tsn_extract_rgb_feat_config.py',
      'tools/data/hmdb51/extract_rawframes.sh',
      'toolbox/tools/data/ava/fetch_proposal.py',
    ])
      assert.ok(nonRunPlaceReason(file, extractionConfig), file);
    assert.match(
      nonRunPlaceReason('tools/data/activitynet/tsn_extract_rgb_feat_config.py', extractionConfig) ?? '',
      /tools\/data/,
    );
  });

  it("leaves the toolbox's train and test tools, its configs and a data folder elsewhere alone", () => {
    for (const file of ['tools/train.py', 'tools/test.py', 'configs/recognition/tsn/tsn_r50.py', 'data/run_eval.py'])
      assert.equal(nonRunPlaceReason(file, extractionConfig), undefined, file);
  });
});
