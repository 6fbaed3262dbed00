import * as assert from 'node:assert/strict';
import type { Fact } from '../../src/core/facts';
import { lazyConfigNameFacts } from '../../src/core/extract/python/lazyConfigName';

const at = { startLine: 3, startCol: 0, endLine: 3, endCol: 10 };
const trainer: Fact = {
  kind: 'launch.trainer',
  value: 'config:lazyconfig',
  range: at,
  confidence: 'medium',
  detail: 'a detectron2 LazyConfig',
};

describe('the epochs a detectron2/detrex LazyConfig run config names (`<N>ep`)', () => {
  it('reads `36ep` as 36 epochs, at low confidence', () => {
    const out = lazyConfigNameFacts('projects/boxes/configs/boxer_swin_l_4scale_36ep.py', [trainer]);
    assert.equal(out.length, 1);
    assert.equal(out[0].kind, 'training.epochs');
    assert.equal(out[0].value, 36);
    assert.equal(out[0].confidence, 'low');
  });

  it('reads the field wherever it sits among the fields (`..._12ep_900q`, `..._100ep_lsj`)', () => {
    assert.equal(lazyConfigNameFacts('c/boxer_r50_12ep_900q.py', [trainer])[0]?.value, 12);
    assert.equal(lazyConfigNameFacts('c/mask_rcnn_r50_fpn_100ep_lsj.py', [trainer])[0]?.value, 100);
  });

  it('never outranks an epoch count the file states', () => {
    const stated: Fact = { kind: 'training.epochs', value: 20, range: at, confidence: 'medium', detail: 'stated' };
    assert.deepEqual(lazyConfigNameFacts('c/boxer_r50_50ep.py', [trainer, stated]), []);
    const unknown: Fact = { ...stated, value: null, confidence: 'low' };
    assert.deepEqual(lazyConfigNameFacts('c/boxer_r50_50ep.py', [trainer, unknown]), []);
  });

  it('reads nothing for a file that is no LazyConfig run, or a name without such a field', () => {
    assert.deepEqual(lazyConfigNameFacts('c/boxer_r50_50ep.py', []), []);
    assert.deepEqual(lazyConfigNameFacts('c/boxer_r50_160k.py', [trainer]), []);
    assert.deepEqual(lazyConfigNameFacts('c/boxer_r50_deep.py', [trainer]), []);
    assert.deepEqual(lazyConfigNameFacts('c/sweep50epochs.py', [trainer]), []);
    const linked: Fact = { ...trainer, file: 'other/run_12ep.py' };
    assert.deepEqual(lazyConfigNameFacts('c/boxer_r50_50ep.py', [linked]), []);
  });
});
