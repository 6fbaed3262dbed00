/**
 * Writes src/core/extract/python/requiredLiteralsTable.ts: the words each of the rules' patterns requires, derived
 * once here instead of in every process (`npm run derive:literals` after changing a rule's runStart or gatedTest).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { gatedPatternsOfRules } from '../src/core/extract/python/index';
import { deriveRequiredLiterals, tableKey } from '../src/core/extract/python/requiredLiterals';

const TABLE = path.join(__dirname, '../../src/core/extract/python/requiredLiteralsTable.ts');

const rows = new Map<string, string>();
for (const pattern of gatedPatternsOfRules())
  rows.set(tableKey(pattern), JSON.stringify([pattern.flags, pattern.source, deriveRequiredLiterals(pattern)]));
const text = fs.readFileSync(TABLE, 'utf8');
const head = text.slice(0, text.indexOf('export const DERIVED_LITERALS'));
fs.writeFileSync(
  TABLE,
  `${head}export const DERIVED_LITERALS: ReadonlyArray<readonly [string, string, readonly RequiredLiterals[]]> = [\n${[
    ...rows,
  ]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, row]) => `  ${row},\n`)
    .join('')}];\n`,
);
console.log(`${rows.size} patterns' required words written to ${path.relative(process.cwd(), TABLE)}`);
