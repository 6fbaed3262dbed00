import * as assert from 'node:assert/strict';
import { positiveInteger, positiveIntegerOrDigits } from '../../src/core/extract/positiveInteger';

describe('positive integers read from configs', () => {
  it('takes whole numbers above zero only', () => {
    assert.equal(positiveInteger(8), 8);
    for (const v of [0, -2, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '8', null, undefined, true])
      assert.equal(positiveInteger(v), undefined, String(v));
  });

  it('also reads digit strings, with underscores, within the digits allowed', () => {
    assert.equal(positiveIntegerOrDigits(' 16 '), 16);
    assert.equal(positiveIntegerOrDigits('1_000_000'), 1_000_000);
    assert.equal(positiveIntegerOrDigits(4), 4);
    assert.equal(positiveIntegerOrDigits('1234567', 6), undefined);
    assert.equal(positiveIntegerOrDigits('123456', 6), 123456);
    for (const v of ['', '0', '-3', '2.5', '1e3', '_1', '8 GPUs', '9'.repeat(40)])
      assert.equal(positiveIntegerOrDigits(v), undefined, v);
  });
});
