import * as assert from 'node:assert/strict';
import { findModel } from '../../src/core/knowledge';

describe('Falcon RefinedWeb 1B in the catalog (twenty-first round)', () => {
  it('sizes tiiuae/falcon-rw-1b from its config (1.31B, not the 1B its name rounds to)', () => {
    const row = findModel('tiiuae/falcon-rw-1b');
    assert.ok(row);
    assert.ok(row.params > 1.3e9 && row.params < 1.32e9);
  });
});
