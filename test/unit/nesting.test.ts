import * as assert from 'node:assert/strict';
import type { Node } from 'web-tree-sitter';
import { configNestingDepth, MAX_CONFIG_DEPTH } from '../../src/core/extract/config/nesting';
import { extractConfigFacts } from '../../src/core/extract/configFacts';
import { parseModelCard } from '../../src/core/calibration/modelCard';
import { MAX_SYNTAX_DEPTH, nestsDeeperThan } from '../../src/core/parse/pythonParser';
import { analyzeSource, parsing } from './helpers';

/** The deepest node below `root`, by visiting every node (what nestsDeeperThan avoids). */
function depthByFullWalk(root: Node): number {
  const cursor = root.walk();
  let depth = 0;
  let max = 0;
  for (;;) {
    if (cursor.gotoFirstChild()) {
      max = Math.max(max, ++depth);
      continue;
    }
    for (;;) {
      if (depth === 0) {
        cursor.delete();
        return max;
      }
      if (cursor.gotoNextSibling()) break;
      cursor.gotoParent();
      depth--;
    }
  }
}

describe('Nesting limits (deep syntax is skipped with its reason, not queried)', () => {
  describe('nestsDeeperThan (Python syntax trees)', () => {
    const shapes: Array<[string, string]> = [
      ['a chained assignment', `x = ${'a = '.repeat(300)}1\n`],
      ['nested calls', `x = ${'f('.repeat(200)}${')'.repeat(200)}\n`],
      [
        'nested blocks',
        `${Array.from({ length: 40 }, (_, i) => `${' '.repeat(i)}if x:`).join('\n')}\n${' '.repeat(40)}pass\n`,
      ],
      [
        'an ordinary script',
        'import torch\n\ndef main():\n    for epoch in range(3):\n        loss = model(x)\n        loss.backward()\n\nmain()\n',
      ],
    ];
    for (const [label, code] of shapes) {
      it(`agrees with a full walk at the exact depth: ${label}`, async () => {
        const tree = (await parsing()).parser.parse(code)!;
        try {
          const depth = depthByFullWalk(tree.rootNode);
          assert.equal(nestsDeeperThan(tree.rootNode, depth), false);
          assert.equal(nestsDeeperThan(tree.rootNode, depth - 1), true);
        } finally {
          tree.delete();
        }
      });
    }

    it('a Python file nested past the limit is skipped with the reason, its runs not read', async () => {
      const deep = `import torch\nhidden_size = ${'n_layer = '.repeat(MAX_SYNTAX_DEPTH)}1\nfor epoch in range(3):\n    loss.backward()\n`;
      const skipped = await analyzeSource('deep.py', deep);
      assert.equal(skipped.runs.length, 0);
      assert.match(
        skipped.problems.map((p) => p.message).join('\n'),
        /^skipped: its code nests more than 4,000 levels/m,
      );
      // The same file with the chain cut to an ordinary length is read.
      const shallow = await analyzeSource('deep.py', deep.replace(/(n_layer = )+/, 'n_layer = '));
      assert.equal(shallow.runs.length, 1);
    });
  });

  describe('configNestingDepth (YAML and JSON text, without parsing)', () => {
    it('counts block levels by indentation and compact sequences', () => {
      assert.equal(configNestingDepth('a:\n  b:\n    c: 1\nd: 2\n'), 3);
      // An estimate that errs high: a sequence item's dash and the indentation of its next key both count.
      assert.equal(configNestingDepth('a:\n  - b: 1\n    c:\n      - 2\n'), 5);
      assert.equal(configNestingDepth('- - - 1\n'), 4);
    });

    it('counts flow brackets, in JSON and YAML, outside quoted scalars and comments', () => {
      // The line the flow collection starts on is one block level.
      assert.equal(configNestingDepth('{"a": {"b": [1, [2]]}}'), 5);
      assert.equal(configNestingDepth('a: [1, {b: 2}]\n'), 3);
      assert.equal(configNestingDepth('{"a": "[[[[{{{{", "b": \'[[[\'}'), 2);
      assert.equal(configNestingDepth('a: 1 # [[[[[[\n'), 1);
    });

    it('does not take brackets or quotes inside plain text, nor the lines of a literal block, for nesting', () => {
      assert.equal(configNestingDepth("name: it's a[0] model {x\n"), 1);
      const script = Array.from({ length: 30 }, (_, i) => `${' '.repeat(2 + i)}if x: [`).join('\n');
      assert.equal(configNestingDepth(`run: |\n${script}\nnext: 1\n`), 1);
    });

    it('stops counting past the limit', () => {
      assert.equal(configNestingDepth('['.repeat(1_000_000), 10), 11);
    });

    it('a config nested past the limit is skipped with the reason; one at the limit is read', () => {
      const deep = (levels: number) =>
        `model_name_or_path: gpt2\nx: ${'['.repeat(levels - 1)}${']'.repeat(levels - 1)}\n`;
      const skipped = extractConfigFacts(deep(MAX_CONFIG_DEPTH + 1), 'yaml');
      assert.deepEqual(skipped.facts, []);
      assert.match(skipped.problems[0].message, /^skipped: it nests more than 100 levels deep/);
      const read = extractConfigFacts(deep(MAX_CONFIG_DEPTH), 'yaml');
      assert.ok(read.facts.some((f) => f.kind === 'model.id' && f.value === 'gpt2'));
      const json = `{"model_name_or_path": "gpt2", "x": ${'{"a": '.repeat(MAX_CONFIG_DEPTH)}1${'}'.repeat(MAX_CONFIG_DEPTH)}}`;
      assert.match(extractConfigFacts(json, 'json').problems[0].message, /^skipped: it nests more than 100/);
    });

    it("a model card's front matter nested past the limit is a problem, not parsed", () => {
      const card = `---\nco2_eq_emissions: 10\nx: ${'['.repeat(MAX_CONFIG_DEPTH + 1)}${']'.repeat(MAX_CONFIG_DEPTH + 1)}\n---\n`;
      const result = parseModelCard(card, 'README.md');
      assert.equal(result.measurement, null);
      assert.match(result.problem ?? '', /nests more than 100 levels deep/);
    });
  });
});
