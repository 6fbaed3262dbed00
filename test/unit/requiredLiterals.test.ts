import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CALL_RULES, FILE_RULES, STATEMENT_RULES } from '../../src/core/extract/python/index';
import {
  holdsRequired,
  PatternGate,
  requiredLiterals,
  WordFinder,
} from '../../src/core/extract/python/requiredLiterals';

const words = (p: RegExp) => requiredLiterals(p).map((r) => r.words);

function pythonFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) pythonFiles(path, out);
    else if (name.endsWith('.py')) out.push(path);
  }
  return out;
}

describe('words a run-start pattern requires (the prefilter looks for them before running the regex)', () => {
  it('requires each part of a sequence: its runs of plain characters, groups, repeats and positive lookarounds', () => {
    assert.deepEqual(words(/\bsentence_transformers\b/), [['sentence_transformers']]);
    assert.deepEqual(words(/^[ \t]*(?:from|import)[ \t]+(?:uvicorn|fastapi)\b/m), [
      ['uvicorn', 'fastapi'],
      ['from', 'import'],
    ]);
    assert.deepEqual(words(/(?:create|build)_model\w{0,40}\(/), [['_model'], ['create', 'build']]);
    assert.deepEqual(words(/x?(?:abc)+d/), [['abc']]);
    // A lookahead's words are in the text a pattern matches, if not in the match.
    assert.deepEqual(words(/^for\b(?=([^\n]*?range\s*\())\1/m), [['range'], ['for']]);
  });

  it('requires one word of each branch of a top-level alternation', () => {
    assert.deepEqual(words(/from_pretrained\s*\(|init_from\s*=/), [['from_pretrained', 'init_from']]);
    assert.deepEqual(words(/ab|cdef/), [], 'a branch of two letters: not worth a lookup');
    assert.deepEqual(words(/abcdef|/), [], 'an empty branch matches anything');
  });

  it('requires nothing of optional parts, classes, negative lookarounds or short words', () => {
    assert.deepEqual(words(/(?:abcdef)?x/), []);
    assert.deepEqual(words(/(?:abcdef)*/), []);
    assert.deepEqual(words(/[abc]+\w+/), []);
    assert.deepEqual(words(/(?!abcdef)\w/), []);
  });

  it('gives no words for a case-insensitive Unicode pattern (the Kelvin sign folds to k)', () => {
    assert.deepEqual(requiredLiterals(/keras/iu), []);
    assert.ok(/keras/iu.test('\u212aeras'));
  });

  it('finds a case-sensitive word only as written, beside case-insensitive words in any case', () => {
    const exact = { words: ['Trainer'], ignoreCase: false };
    const lower = { words: ['trainer'], ignoreCase: false };
    const folded = { words: ['fit('], ignoreCase: true };
    const finder = new WordFinder([exact, lower, folded]);
    const found = finder.find('t = TRAINER(x); t.FIT(d)');
    assert.ok(!holdsRequired(exact, found) && !holdsRequired(lower, found) && holdsRequired(folded, found));
    const both = finder.find('t = Trainer(x); u = trainer(y)');
    assert.ok(holdsRequired(exact, both) && holdsRequired(lower, both) && !holdsRequired(folded, both));
  });

  it('a pattern gate gives the verdict of testing every group, reaching groups only through their words', () => {
    const groups = [[/\bTrainer\(/, /\.fit\(/], [/from_pretrained\(/], [/\w+_main\(/], [/\bfor\b.*epoch/i]];
    const gate = new PatternGate(groups);
    const finder = new WordFinder(gate.required);
    const texts = [
      'Trainer(m).fit(d)',
      'Trainer(m)',
      'x.fit(d)',
      'AutoModel.from_pretrained(p)',
      'AutoModel.FROM_PRETRAINED(p)',
      'run_main()',
      'FOR e IN EPOCHS',
      'nothing here',
    ];
    for (const text of texts)
      assert.equal(
        gate.matches(text, finder.find(text)),
        groups.some((g) => g.every((p) => p.test(text))),
        text,
      );
  });

  it('tries first the pattern of a group that turns texts away, keeping the verdict of the whole group', () => {
    let passesCalls = 0;
    class Counted extends RegExp {
      override test(text: string): boolean {
        passesCalls++;
        return super.test(text);
      }
    }
    // Written in the costly order: the pattern every text passes first, the one that rejects nine texts in ten second.
    const passes = new Counted('Trainer');
    // No word of three letters in it: no word gates it, so both patterns meet every text.
    const rejects = /\.f[i]t\(/;
    const gate = new PatternGate([[passes, rejects]]);
    const finder = new WordFinder(gate.required);
    const texts = Array.from({ length: 400 }, (_, i) => (i % 10 === 0 ? `Trainer(m${i}).fit(d)` : `Trainer(m${i})`));
    for (const text of texts) assert.equal(gate.matches(text, finder.find(text)), text.includes('.fit('), text);
    // In the written order it would run on all 400 texts; once measured, only on those the other lets through.
    assert.ok(passesCalls < 200, `the pattern every text passes ran ${passesCalls} times`);
  });

  it('lower-cases the words of case-insensitive patterns and looks them up in the lower-cased text', () => {
    const [required] = requiredLiterals(/Trainer\(/i);
    assert.deepEqual(required, { words: ['trainer('], ignoreCase: true });
    const finder = new WordFinder([required]);
    assert.ok(holdsRequired(required, finder.find('t = TRAINER(x)')));
    assert.ok(!holdsRequired(required, finder.find('train(x)')));
  });

  it('finds words that overlap or begin other words in one scan', () => {
    const a = { words: ['from_pretrained'], ignoreCase: false };
    const b = { words: ['from'], ignoreCase: false };
    const c = { words: ['pretrained_model'], ignoreCase: false };
    const d = { words: ['absent'], ignoreCase: false };
    const found = new WordFinder([a, b, c, d]).find('m = X.from_pretrained_model(p)');
    assert.ok(holdsRequired(a, found) && holdsRequired(b, found) && holdsRequired(c, found));
    assert.ok(!holdsRequired(d, found));
  });

  it('never rejects a fixture a rule pattern matches (the gate is a necessary condition)', () => {
    const texts = pythonFiles(join(__dirname, '../../../test/fixtures')).map((f) => readFileSync(f, 'utf8'));
    const all = [...CALL_RULES, ...STATEMENT_RULES, ...FILE_RULES].flatMap((r) =>
      r.runStart === undefined ? [] : r.runStart instanceof RegExp ? [r.runStart] : [...r.runStart],
    );
    // A pattern several rules share (the main guard) is counted once: the ratio below is about the gate, not reuse.
    const patterns = [...new Map(all.map((p) => [`${p.flags}/${p.source}`, p])).values()];
    const required = patterns.map((p) => requiredLiterals(p));
    const finder = new WordFinder(required.flat());
    let matched = 0;
    let gated = 0;
    for (const text of texts) {
      const found = finder.find(text);
      patterns.forEach((p, i) => {
        if (required[i].length === 0) return;
        gated++;
        if (!p.test(text)) return;
        matched++;
        for (const r of required[i])
          assert.ok(holdsRequired(r, found), `${p} matches a fixture without its words ${r.words.join('|')}`);
      });
    }
    assert.ok(texts.length > 300 && matched > 300 && gated > 10 * matched, `${texts.length} ${matched} ${gated}`);
  });
});
