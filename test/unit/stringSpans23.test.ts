import * as assert from 'node:assert/strict';
import { codeWithoutStrings } from '../../src/core/extract/python/entryPoint';
import { stringSpans } from '../../src/core/extract/python/stringSpans';
import { parsing } from './helpers';

/** The literals of `text` as the text they cover. */
const literals = (text: string) => stringSpans(text).map((s) => text.slice(s.start, s.end));

describe('String literals found by one pass over the text (Python tokenizer rules)', () => {
  it('finds every quote style and prefix, and no quote inside a comment or a name', () => {
    const text = [
      `a = 'one' + "two"  # it's a "comment"`,
      `b = r'\\d+' + b"\\x00" + rb'raw' + Rb"x" + f"{a}!" + fr'{b}' + u"old"`,
      `c = """doc with 'quotes' and "more"\nover lines"""`,
      `d = '''single's triple'''`,
      `menu = 3  # a name ending in a prefix letter is no prefix: print(menu)`,
    ].join('\n');
    assert.deepEqual(literals(text), [
      `'one'`,
      `"two"`,
      `r'\\d+'`,
      `b"\\x00"`,
      `rb'raw'`,
      `Rb"x"`,
      `f"{a}!"`,
      `fr'{b}'`,
      `u"old"`,
      `"""doc with 'quotes' and "more"\nover lines"""`,
      `'''single's triple'''`,
    ]);
  });

  it('keeps escaped quotes (also in raw literals) and line continuations inside a literal', () => {
    assert.deepEqual(literals(`x = "say \\"hi\\"" + r"a\\"b"`), [`"say \\"hi\\""`, `r"a\\"b"`]);
    assert.deepEqual(literals(`x = "one \\\r\ntwo" + 'z'`), [`"one \\\r\ntwo"`, `'z'`]);
    assert.deepEqual(literals(`x = f"{d['key']}:{n!r:>{w}}" + 'z'`), [`f"{d['key']}:{n!r:>{w}}"`, `'z'`]);
  });

  it('ends an unterminated literal at its line (single quotes) or at the end (triple quotes)', () => {
    assert.deepEqual(literals(`x = 'open\ny = "closed"`), [`'open`, `"closed"`]);
    assert.deepEqual(literals(`x = """never closed\ny = 1`), [`"""never closed\ny = 1`]);
  });

  it('blanks the same strings as the syntax tree lists them, keeping rows and offsets', async () => {
    const python = await parsing();
    const text = [
      '',
      '"""Usage: python train.py --model gpt2"""',
      'import torch',
      "model = load('gpt2')  # don't",
      'msg = (f"{model} at {\'x\'}"',
      '       "second")',
      'other = "keep me"',
    ].join('\n');
    const tree = python.parser.parse(text)!;
    try {
      const code = codeWithoutStrings(tree, undefined, true);
      assert.equal(code.split('\n').length, text.split('\n').length);
      assert.ok(!code.includes('gpt2') && !code.includes('keep me') && !code.includes('second'));
      assert.ok(code.includes("# don't"), 'a comment is code text, not a literal');
      // Only the rows near a line naming `load` are blanked when only `load` is looked for.
      const named = codeWithoutStrings(tree, new Set(['load']), true);
      assert.ok(!named.includes("'gpt2'"));
      assert.ok(named.includes('"keep me"'), 'a literal three rows away keeps its text');
      // The same literals as a line-by-line reading of which rows hold a name (the rule it stands for), on texts
      // with names at the first and last rows, on adjacent and far rows, inside strings and in long identifiers.
      for (const [sample, names] of [
        [text, ['load']],
        [text, ['msg', 'other']],
        [text, ['model']],
        ['x = load("a")\n\n\ny = "b"\nz = "c"; load("d")', ['load']],
        ['a = "load"\nb = "x"\nc = "y"\nd = "z"\ne = "w"\nf = reload("v")', ['load']],
        ['s = """\nload\n"""\nt = "u"\n', ['load', 'nothing']],
        ['p = "q"\n', ['absent']],
      ] as const) {
        const t = python.parser.parse(sample)!;
        try {
          assert.equal(
            codeWithoutStrings(t, new Set<string>(names), true),
            blankedRowByRow(sample, new Set<string>(names)),
            `${JSON.stringify(sample)} with ${names.join(', ')}`,
          );
        } finally {
          t.delete();
        }
      }
      // Without keepLines the offsets still index the module.
      const flat = codeWithoutStrings(tree, undefined, false);
      assert.equal(flat.length, tree.rootNode.startIndex + tree.rootNode.text.length);
    } finally {
      tree.delete();
    }
  });
});

/**
 * The rows-near-a-name blanking as first written (each line tested on its own): rows holding a name, and the rows
 * between two of them at most two apart, have every literal that reaches them blanked, line breaks kept.
 */
function blankedRowByRow(text: string, names: ReadonlySet<string>): string {
  const lines = text.split('\n');
  const starts: number[] = [];
  let offset = 0;
  for (const line of lines) {
    starts.push(offset);
    offset += line.length + 1;
  }
  const stretches: Array<[number, number, number]> = [];
  lines.forEach((line, row) => {
    if (![...names].some((n) => line.includes(n))) return;
    const next = starts[row] + line.length + 1;
    const last = stretches[stretches.length - 1];
    if (last && row - last[2] <= 2) {
      last[1] = next;
      last[2] = row;
    } else stretches.push([starts[row], next, row]);
  });
  let out = text;
  for (const s of stringSpans(text))
    if (stretches.some(([from, to]) => s.end > from && s.start < to))
      out = out.slice(0, s.start) + out.slice(s.start, s.end).replace(/[^\n]/g, ' ') + out.slice(s.end);
  return out;
}
