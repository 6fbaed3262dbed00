import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { AnyWord, gatedTest, requiredLiterals } from '../../src/core/extract/python/requiredLiterals';
import { PythonReadContext } from '../../src/core/extract/python/context';
import { escapeRegExp } from '../../src/core/extract/python/context';

/** Texts over the words' own letters, a few capitals, word and non-word characters, and one non-ASCII letter. */
const pieces = [
  'mlx',
  'Mlx',
  'model',
  'MODEL',
  'epochs',
  '_',
  'x',
  ' ',
  '\n',
  '.',
  '(',
  'import ',
  'from ',
  '\u212a',
  'é',
  '__name__',
  ' == ',
  '"__main__"',
  'if ',
  '\t',
];
const texts = fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((parts) => parts.join(''));
const WORDS = ['mlx', 'model', 'epochs', 'del', 'x.('];

describe('text gates: the same verdicts as the regexes they stand for, found more cheaply', () => {
  it('AnyWord answers as an alternation of the escaped words', () => {
    const any = new AnyWord(WORDS);
    const regex = new RegExp(WORDS.map(escapeRegExp).join('|'));
    fc.assert(fc.property(texts, (text) => any.test(text) === regex.test(text)));
  });

  it('AnyWord with wholeWords and ignoreCase answers as `\\bword\\b|…` with the i flag (capitals fold, é and K-sign do not)', () => {
    const any = new AnyWord(WORDS, { wholeWords: true, ignoreCase: true });
    const regex = new RegExp(WORDS.map((w) => `\\b${escapeRegExp(w)}\\b`).join('|'), 'i');
    fc.assert(fc.property(texts, (text) => any.test(text) === regex.test(text)));
    assert.equal(any.test('a Model here'), true);
    assert.equal(any.test('remodel'), false);
    assert.equal(any.test('\u212aodel'), false, 'the Kelvin sign is no k for a regex without u');
  });

  it('a gated test gives its pattern`s verdict and refuses a stateful pattern', () => {
    for (const pattern of [
      /^[ \t]*(?:import[ \t]+mlx\b|from[ \t]+mlx\b)/m,
      /\.backward[ \t]*\(|\b\w{0,30}optim\w{0,30}\.step[ \t]*\(/,
      /\bmodel\b.{0,5}epochs/i,
    ]) {
      const gated = gatedTest(pattern);
      fc.assert(fc.property(texts, (text) => gated(text) === pattern.test(text)));
    }
    assert.throws(() => gatedTest(/mlx/g));
  });

  it('prefers any other word to a Python keyword as a requirement (an import of mlx requires `mlx`)', () => {
    assert.deepEqual(
      requiredLiterals(/^[ \t]*(?:import[ \t]+mlx\b|from[ \t]+mlx\b)/m).map((r) => r.words),
      [['mlx']],
    );
  });

  it('a module`s main guards answer as the regexes they replace', () => {
    const anywhere = /__name__\s*==\s*["']__main__["']/;
    const atLineStart = /^if[ \t]+__name__[ \t]*==[ \t]*["']__main__["']/m;
    const contextOf = (text: string) =>
      new PythonReadContext(undefined as never, text, undefined as never, undefined as never, undefined as never);
    fc.assert(
      fc.property(texts, (text) => {
        const ctx = contextOf(text);
        return ctx.hasMainGuard === anywhere.test(text) && ctx.hasTopLevelMainGuard === atLineStart.test(text);
      }),
    );
    assert.equal(contextOf('x = 1\nif __name__ == "__main__":\n    main()\n').hasTopLevelMainGuard, true);
    assert.equal(contextOf('def f():\n    if __name__ == "__main__": pass\n').hasTopLevelMainGuard, false);
    assert.equal(contextOf('def f():\n    if __name__ == "__main__": pass\n').hasMainGuard, true);
  });
});
