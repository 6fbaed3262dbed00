import * as assert from 'node:assert/strict';
import { HeapTrimmer } from '../../src/core/scan/heapTrim';

describe('HeapTrimmer: a scan thread collects its garbage once the heap has grown enough', () => {
  it('collects only after the heap grew past the allowance, then measures growth from the collected size', () => {
    let used = 100;
    let collections = 0;
    const trimmer = new HeapTrimmer(
      () => {
        collections++;
        used = 110; // what survives the collection
      },
      () => used,
      50,
    );
    used = 150;
    trimmer.afterFile();
    assert.equal(collections, 0, 'exactly the allowance: no collection yet');
    used = 151;
    trimmer.afterFile();
    assert.equal(collections, 1);
    used = 160;
    trimmer.afterFile();
    assert.equal(collections, 1, 'growth is counted from the 110 that survived, not from 100');
    used = 161;
    trimmer.afterFile();
    assert.equal(collections, 2);
    assert.equal(trimmer.collected, 2);
  });

  it('does nothing where the process did not allow collection (the editor)', () => {
    let asked = 0;
    const trimmer = new HeapTrimmer(null, () => {
      asked++;
      return 1e12;
    });
    trimmer.afterFile();
    assert.equal(trimmer.active, false);
    assert.equal(trimmer.collected, 0);
    assert.equal(asked, 0);
  });
});
