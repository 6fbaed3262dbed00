import * as assert from 'node:assert/strict';
import { capturingGroups, joinAlternatives } from '../../src/core/extract/python/joinPatterns';

describe('joining run-start patterns into one alternation per set of flags', () => {
  it('keeps each back-reference pointing at its own group', () => {
    const [plain, multiline] = joinAlternatives([/(a)\1/, /(?=(b+))\1c/m, /(x)(y)\2z/]);
    assert.equal(multiline.flags, 'm');
    assert.ok(plain.test('aa') && plain.test('xyyz'));
    // Without renumbering, the third pattern's \2 would point at its own first group (x), and 'xyxz' would match.
    assert.ok(!plain.test('xyxz') && !plain.test('ab'));
    assert.ok(multiline.test('zz\nbbbc'));
  });

  it('counts capturing groups, not lookarounds, non-capturing groups or parentheses in classes', () => {
    assert.equal(capturingGroups('(a)(?:b)(?=c)(?!d)(?<=e)(?<!f)(?<name>g)[(]\\(h'), 2);
  });

  it('gives the verdict of testing each pattern on its own', () => {
    const patterns = [/\btrain\s*\(/, /^for\b(?=([^\n]*?epoch))\1[^\n]*:/m, /\bfit\s*\(/, /(?:sft|pt)_main\s*\(/];
    const joined = joinAlternatives(patterns);
    for (const text of ['trainer.train()', 'for e in epochs:\n', 'x = 1', 'model.fit(x)', 'sft_main(a)', 'pt_mainx'])
      assert.equal(
        joined.some((r) => r.test(text)),
        patterns.some((p) => p.test(text)),
        text,
      );
  });
});
