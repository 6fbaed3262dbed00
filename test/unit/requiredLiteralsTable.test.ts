import * as assert from 'node:assert/strict';
import { gatedPatternsOfRules } from '../../src/core/extract/python/index';
import { deriveRequiredLiterals, requiredLiterals, tableKey } from '../../src/core/extract/python/requiredLiterals';
import { DERIVED_LITERALS } from '../../src/core/extract/python/requiredLiteralsTable';

const REGENERATE = 'run `npm run derive:literals` after changing a rule pattern';

describe('the table of words the rules’ patterns require (derived once, not in every process)', () => {
  it('holds, for every row, what deriving the pattern now gives', () => {
    assert.ok(DERIVED_LITERALS.length >= 200, `only ${DERIVED_LITERALS.length} rows`);
    for (const [flags, source, literals] of DERIVED_LITERALS)
      assert.deepEqual(
        literals,
        deriveRequiredLiterals(new RegExp(source, flags)),
        `/${source}/${flags}: ${REGENERATE}`,
      );
  });

  it('has a row for every runStart and gatedTest pattern of the rules, and none for a pattern no rule has', () => {
    const rules = new Set(gatedPatternsOfRules().map(tableKey));
    const rows = new Set(DERIVED_LITERALS.map(([flags, source]) => `${flags}/${source}`));
    assert.deepEqual(
      [...rules].filter((k) => !rows.has(k)),
      [],
      `patterns without a row: ${REGENERATE}`,
    );
    assert.deepEqual(
      [...rows].filter((k) => !rules.has(k)),
      [],
      `rows no rule uses: ${REGENERATE}`,
    );
  });

  it('answers a tabled pattern from the table and derives any other', () => {
    const [flags, source, literals] = DERIVED_LITERALS[0];
    assert.equal(requiredLiterals(new RegExp(source, flags)), literals, 'the row itself, not a new derivation');
    assert.deepEqual(requiredLiterals(/\bnot_a_rule_pattern_xyz\(/), [
      { words: ['not_a_rule_pattern_xyz('], ignoreCase: false },
    ]);
  });
});
