import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeText, documentReuse, type DocumentReuse, type FileAnalysis } from '../../src/core/analyze';
import type { PythonParsing, Tree } from '../../src/core/parse/pythonParser';
import { DEFAULT_SETTINGS } from '../../src/core/runSpec';
import { parsing, ROOT } from './helpers';

/**
 * The editor keeps one documentReuse() per open document and hands it to analyzeText on every version, with the
 * tree edited and re-parsed incrementally (AnalysisService). What it reads must be what a fresh analyzeText of
 * the same text reads, after every edit of a series: insertions and deletions, at column 0 and inside functions,
 * edits of imports and of definitions used elsewhere, syntax errors made and mended, rows shifted.
 */

const FIXTURES = path.join(ROOT, 'test/fixtures/scanner');
const FILES = [
  'hf/clm_from_config_gpt2.py',
  'hf/sst2_argparse.py',
  'hf/translation_click.py',
  'lightning',
  'torch',
  'peft',
  'keras',
  'jax',
  'handles',
  'inference',
  'trl',
].flatMap((entry) => {
  const full = path.join(FIXTURES, entry);
  if (!fs.statSync(full).isDirectory()) return [entry];
  // The first two Python files of a folder.
  return fs
    .readdirSync(full)
    .filter((f) => f.endsWith('.py'))
    .sort()
    .slice(0, 2)
    .map((f) => `${entry}/${f}`);
});

/** One open document: its text, its incrementally edited tree and its reuse, as AnalysisService holds them. */
class OpenDocument {
  tree: Tree;
  readonly reuse: DocumentReuse = documentReuse();

  constructor(
    private readonly python: PythonParsing,
    public text: string,
  ) {
    this.tree = python.parser.parse(text)!;
  }

  /** Replaces text[from, to) with `insert`, tells the tree, re-parses incrementally. */
  edit(from: number, to: number, insert: string): void {
    const position = (text: string, offset: number) => {
      const before = text.slice(0, offset);
      const row = before.split('\n').length - 1;
      return { row, column: offset - (before.lastIndexOf('\n') + 1) };
    };
    const next = this.text.slice(0, from) + insert + this.text.slice(to);
    this.tree.edit({
      startIndex: from,
      oldEndIndex: to,
      newEndIndex: from + insert.length,
      startPosition: position(this.text, from),
      oldEndPosition: position(this.text, to),
      newEndPosition: position(next, from + insert.length),
    });
    const reparsed = this.python.parser.parse(next, this.tree)!;
    this.tree.delete();
    this.tree = reparsed;
    this.text = next;
  }

  analyze(name: string): FileAnalysis {
    return analyzeText(
      { path: name, text: this.text, tree: this.tree, reuse: this.reuse },
      this.python,
      DEFAULT_SETTINGS,
    );
  }
}

/** What an analysis reads, as comparable text (a suggestion's fix is computed too). */
const reading = (a: FileAnalysis) =>
  JSON.stringify({
    kind: a.kind,
    notARun: a.notARun,
    facts: a.facts,
    runs: a.runs,
    problems: a.problems,
    errors: a.errors,
    internalError: a.internalError,
  });

/** Offset of the start of the first line matching `pattern` at or after `fromLine`, or -1. */
function lineStart(text: string, pattern: RegExp, fromLine = 0): number {
  const lines = text.split('\n');
  let offset = 0;
  for (let i = 0; i < lines.length; i++) {
    if (i >= fromLine && pattern.test(lines[i])) return offset;
    offset += lines[i].length + 1;
  }
  return -1;
}

type Edit = { readonly what: string; readonly apply: (doc: OpenDocument) => void };

/** The series of edits: each applies to the text as the previous ones left it (skipped where it finds no place). */
const EDITS: readonly Edit[] = [
  {
    what: 'a line inserted at column 0 in the middle',
    apply: (doc) => {
      const middle = Math.floor(doc.text.split('\n').length / 2);
      const at = lineStart(doc.text, /^\S/, middle);
      if (at >= 0) doc.edit(at, at, 'probe_value = 12\n');
    },
  },
  {
    what: 'that line deleted',
    apply: (doc) => {
      const at = doc.text.indexOf('probe_value = 12\n');
      if (at >= 0) doc.edit(at, at + 'probe_value = 12\n'.length, '');
    },
  },
  {
    what: 'a digit typed inside a function',
    apply: (doc) => {
      const at = lineStart(doc.text, /^[ \t]+\S.*\d/);
      if (at < 0) return;
      const digit = doc.text.slice(at).search(/\d/) + at;
      doc.edit(digit, digit + 1, doc.text[digit] === '7' ? '8' : '7');
    },
  },
  {
    what: 'a statement added inside a function',
    apply: (doc) => {
      const at = lineStart(doc.text, /^ {4}\S/);
      if (at >= 0) doc.edit(at, at, '    batch_size = 64\n');
    },
  },
  {
    what: 'a call appended at the end of a function (after every node the statement had)',
    apply: (doc) => {
      const m = /^def \w+[^\n]*\n(?:[ \t]+[^\n]*\n|\n)*/m.exec(doc.text);
      if (!m) return;
      const body = m[0].replace(/\n+$/, '\n');
      const at = m.index + body.length;
      doc.edit(at, at, '    extra = AutoModelForCausalLM.from_pretrained("gpt2-large")\n');
    },
  },
  {
    what: 'blank lines inserted at the top (every row shifts)',
    apply: (doc) => doc.edit(0, 0, '\n\n\n'),
  },
  {
    what: 'an import changed',
    apply: (doc) => {
      const at = lineStart(doc.text, /^(from|import) /);
      if (at < 0) return;
      const end = doc.text.indexOf('\n', at);
      const line = doc.text.slice(at, end);
      const name = /^(?:from|import) ([\w.]+)/.exec(line)![1];
      const nameAt = at + line.indexOf(name);
      doc.edit(nameAt, nameAt + name.length, `${name}_changed`);
    },
  },
  {
    what: 'a definition renamed (its uses elsewhere no longer reach it)',
    apply: (doc) => {
      const m = /^(?:def|class) (\w+)/m.exec(doc.text);
      if (!m) return;
      const at = m.index + m[0].length;
      doc.edit(at, at, '_renamed');
    },
  },
  {
    what: 'a module constant used elsewhere changed',
    apply: (doc) => {
      const m = /^([A-Za-z_]\w*) = (\d+)/m.exec(doc.text);
      if (!m) return;
      const at = m.index + m[1].length + 3;
      doc.edit(at, at + m[2].length, String(Number(m[2]) * 2 + 1));
    },
  },
  {
    what: 'a syntax error typed (an open bracket)',
    apply: (doc) => {
      const at = lineStart(doc.text, /^\S.*\($/) >= 0 ? -1 : lineStart(doc.text, /^\S/, 3);
      if (at >= 0) doc.edit(at, at, 'broken = (');
    },
  },
  {
    what: 'the syntax error mended',
    apply: (doc) => {
      const at = doc.text.indexOf('broken = (');
      if (at >= 0) doc.edit(at, at + 'broken = ('.length, '');
    },
  },
  {
    what: 'the first top-level statement copied below itself',
    apply: (doc) => {
      const at = lineStart(doc.text, /^\S/);
      if (at < 0) return;
      const end = doc.text.indexOf('\n', at);
      if (end >= 0) doc.edit(end + 1, end + 1, doc.text.slice(at, end + 1));
    },
  },
  {
    what: 'a whole function deleted',
    apply: (doc) => {
      const m = /^def \w+[^\n]*\n(?:[ \t]+[^\n]*\n|\n)*/m.exec(doc.text);
      if (m) doc.edit(m.index, m.index + m[0].length, '');
    },
  },
  {
    what: 'the renamed definition and the import restored',
    apply: (doc) => {
      for (const suffix of ['_renamed', '_changed']) {
        const at = doc.text.indexOf(suffix);
        if (at >= 0) doc.edit(at, at + suffix.length, '');
      }
    },
  },
];

describe('analysis reused across the versions of one document', function () {
  this.timeout(60_000);
  let python: PythonParsing;
  before(async () => {
    python = await parsing();
  });

  it('lists enough fixtures to mean something', () => {
    assert.ok(FILES.length >= 12, `${FILES.length} files`);
  });

  for (const file of FILES) {
    it(`reads ${file} as a fresh analysis does after each edit`, () => {
      const text = fs.readFileSync(path.join(FIXTURES, file), 'utf8');
      const name = path.join(FIXTURES, file);
      const doc = new OpenDocument(python, text);
      try {
        let changed = 0;
        for (const step of [{ what: 'the file as written', apply: () => undefined }, ...EDITS]) {
          const before = doc.text;
          step.apply(doc);
          if (doc.text !== before) changed++;
          const fresh = analyzeText({ path: name, text: doc.text }, python, DEFAULT_SETTINGS);
          assert.equal(reading(doc.analyze(name)), reading(fresh), `after ${step.what}`);
          // Asked twice for one version (a second provider), it still reads the same.
          assert.equal(reading(doc.analyze(name)), reading(fresh), `again after ${step.what}`);
        }
        assert.ok(changed >= 6, `only ${changed} edits applied`);
      } finally {
        doc.tree.delete();
      }
    });
  }

  it('keeps only what the last version used (memory follows the document)', () => {
    const text = fs.readFileSync(path.join(FIXTURES, FILES[0]), 'utf8');
    const doc = new OpenDocument(python, text);
    try {
      doc.analyze('train.py');
      assert.ok(doc.reuse.size > 0);
      for (let i = 0; i < 30; i++) {
        doc.edit(0, 0, `v${i} = ${i}\n`);
        doc.analyze('train.py');
      }
      // At most one entry per top-level statement of the last version: nothing is left of the earlier ones.
      const statements = doc.tree.rootNode.childCount;
      assert.ok(doc.reuse.size <= statements, `${doc.reuse.size} entries for ${statements} statements`);
    } finally {
      doc.tree.delete();
    }
  });
});
