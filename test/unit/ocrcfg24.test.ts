import * as assert from 'node:assert/strict';
import type { Fact } from '../../src/core/facts';
import { openMmlabNameFacts } from '../../src/core/extract/python/openMmlabName';
import { nonRunPathReason } from '../../src/core/resolve/entryPoint';

const at0 = { startLine: 0, startCol: 0, endLine: 0, endCol: 0 };
const trainer: Fact = {
  kind: 'launch.trainer',
  value: 'mmengine:config',
  range: at0,
  confidence: 'medium',
  detail: 'an mmengine config',
};
const modelOf = (path: string, facts: readonly Fact[] = [trainer]) =>
  openMmlabNameFacts(path, facts).find((f) => f.kind === 'model.id')?.value;

describe('OpenMMLab OCR configs and fine-tuning flags (round 24)', () => {
  it('names the model by the algorithm fields before the schedule field when the name has no layout', () => {
    assert.equal(modelOf('configs/textdet/segnet/segnet_resnet34_fpn_300e_receipts.py'), 'segnet_resnet34_fpn');
    assert.equal(modelOf('configs/textrecog/lstmocr/lstmocr-small_12e_synth.py'), 'lstmocr-small');
    assert.equal(modelOf('configs/det/faster-rcnn_r50_fpn_1x_coco.py'), 'faster-rcnn_r50_fpn');
    assert.equal(modelOf('configs/det/cascade_r50_fpn_ms-3x_coco.py'), 'cascade_r50_fpn');
  });

  it('names nothing without a schedule field, from a leading schedule, or for a file no runner trains or tests', () => {
    assert.equal(modelOf('configs/textdet/segnet/segnet_resnet34_fpn_receipts.py'), undefined);
    assert.equal(modelOf('configs/x/300e_receipts.py'), undefined);
    // A schedule last is no training-info field of the convention (no data info after it).
    assert.equal(modelOf('configs/seg/segformer_derived_80k.py'), undefined);
    assert.equal(modelOf('configs/textdet/segnet/segnet_resnet34_fpn_300e_receipts.py', []), undefined);
  });

  it('keeps a model the config itself names', () => {
    const named: Fact = { kind: 'model.id', value: 'resnet50', range: at0, confidence: 'medium', detail: 'x' };
    assert.equal(openMmlabNameFacts('configs/a/algo_r50_20e_data.py', [trainer, named]).length, 0);
  });

  it('leaves base pieces named with the _base_ prefix out of the runs, not configs that only mention it', () => {
    assert.ok(nonRunPathReason('configs/textdet/segnet/_base_segnet_resnet34_fpn.py'));
    assert.ok(nonRunPathReason('configs/kie/graph/_base_graph_unet16.py'));
    assert.equal(nonRunPathReason('configs/textdet/segnet/segnet_resnet34_fpn_300e_receipts.py'), undefined);
    assert.equal(nonRunPathReason('configs/textdet/segnet/my_base_config.py'), undefined);
  });
});
