import * as assert from 'node:assert/strict';
import { runOf } from './helpers';

/**
 * Sixty-ninth round (held-out set CB): maskrcnn-benchmark's configs name their backbone by one word
 * (`MODEL.BACKBONE.CONV_BODY: "R-50-FPN"`) instead of detectron2's `MODEL.RESNETS.DEPTH`, and start from random
 * weights with `MODEL.WEIGHT: ""`.
 */
describe('Sixty-ninth round: held-out set CB', () => {
  const config = (body: string, extra = '') =>
    'MODEL:\n  META_ARCHITECTURE: "GeneralizedRCNN"\n  WEIGHT: "catalog://ImageNetPretrained/MSRA/R-50"\n' +
    `  BACKBONE:\n    CONV_BODY: "${body}"\n` +
    extra +
    'DATASETS:\n  TRAIN: ("coco_2014_train",)\n  TEST: ("coco_2014_minival",)\n' +
    'SOLVER:\n  BASE_LR: 0.02\n  MAX_ITER: 90000\n  IMS_PER_BATCH: 16\n';

  it('sizes a detector by the ResNet and pyramid its CONV_BODY names', async () => {
    const mask = await runOf({ 'configs/mask.yaml': config('R-50-FPN', '  MASK_ON: True\n') }, 'configs/mask.yaml');
    assert.equal(mask?.spec.model.name, 'mask-rcnn-resnet-50-fpn');
    assert.equal(mask?.model.params, 44_401_393);
    assert.equal(mask?.model.source, 'catalog');
    const deep = await runOf({ 'configs/box.yaml': config('R-101-FPN') }, 'configs/box.yaml');
    assert.equal(deep?.spec.model.name, 'faster-rcnn-resnet-101-fpn');
    // The ResNeXt is the same body with groups and their width set.
    const wide = await runOf(
      {
        'configs/x.yaml': config(
          'R-101-FPN',
          '  RESNETS:\n    STRIDE_IN_1X1: False\n    NUM_GROUPS: 32\n    WIDTH_PER_GROUP: 8\n',
        ),
      },
      'configs/x.yaml',
    );
    assert.equal(wide?.spec.model.name, 'faster-rcnn-resnext-101-32x8d-fpn');
  });

  it('leaves a body no catalog row sizes (a C4 head, an FBNet) unsized, not guessed', async () => {
    for (const body of ['R-50-C4', 'FBNet']) {
      const run = await runOf({ 'configs/c.yaml': config(body) }, 'configs/c.yaml');
      assert.equal(run?.spec.model.name, 'faster-rcnn', body);
      assert.equal(run?.model.source, 'default', body);
    }
  });

  it('trains from scratch when MODEL.WEIGHT is empty', async () => {
    const text = config('R-50-FPN').replace('WEIGHT: "catalog://ImageNetPretrained/MSRA/R-50"', 'WEIGHT: "" # none');
    const run = await runOf({ 'configs/scratch.yaml': text }, 'configs/scratch.yaml');
    assert.equal(run?.mode, 'pretrain');
  });
});
