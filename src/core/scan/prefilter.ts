import type { FileKind } from '../analyze';

import { mayHoldConfigFacts } from '../extract/configPrefilter';
import { mayHoldPythonFacts } from '../extract/pythonFacts';
import { mayStartPythonRun } from '../extract/python/index';

/**
 * The cheap test a file's text must pass before it is parsed: without any word a reader's rules
 * need (a callee a Python rule reads, a sizing name, a directive), a file cannot hold a run or a
 * fact a run links to, so building its syntax tree would be wasted. Built from the readers' rule
 * tables (src/core/extract/python/index.ts), so the filter never drifts from what they read.
 * Used by readFileFacts (every caller) and by the folder scan, before either parses anything.
 * Configs, notebooks and shell scripts are not parsed by tree-sitter and always pass.
 */
export function mayHoldRunFacts(text: string, kind: FileKind): boolean {
  return kind !== 'python' || mayHoldPythonFacts(text);
}

/**
 * The folder scan's test for a file on its own: can it form a run (or be listed as a run left
 * out)? A Python file needs a run start some rule reads (the rules' runStart patterns), a config
 * module's shape or a directive; sizes, models and settings alone are facts for the run that links
 * to the file, and that run reads them when it names the file. A YAML or JSON config needs a word some
 * config reader reads (a key, a sizing name, a dialect's word). Stricter than mayHoldRunFacts.
 */
export function mayStartARun(text: string, kind: FileKind): boolean {
  // A config without any word a config reader needs holds no fact (configPrefilter.ts).
  if (kind === 'json') return !isJsonData(text) && mayHoldConfigFacts(text);
  if (kind === 'yaml') return mayHoldConfigFacts(text);
  // The run-start test first: it turns most files away, the other lets nine in ten through.
  return kind !== 'python' || (mayStartPythonRun(text) && mayHoldPythonFacts(text));
}

/**
 * Larger than any configuration a person writes (DeepSpeed, trainer and accelerate configs are a few
 * kilobytes; a model's config.json with its label names, tens): a vocabulary, a tokenizer, a dataset,
 * a list of labels or results. The YAML parser the config reader needs for positions takes about a
 * second per megabyte of such data and finds nothing a run is made of. Decided by size alone, so no
 * reader's keys are guessed here; a run that names such a file still reads it (fetchLinks).
 */
export const JSON_DATA_BYTES = 256 * 1024;

export function isJsonData(text: string): boolean {
  return text.length > JSON_DATA_BYTES || isJsonLines(text) || isRecordArray(text);
}

/**
 * JSON Lines saved as `.json` (a dataset: one record a line): the first line is a whole object and
 * the next line starts another. No config is written so (a second top-level value is not JSON), and
 * such a file is no JSON to the fast reader, so it would go the slow YAML way (~0.2 s for 250 KB).
 */
function isJsonLines(text: string): boolean {
  // Anchored at the start, one line of backtracking at most.
  return /^\s*\{[^\n]*\}[ \t]*\r?\n\s*\{/.test(text.slice(0, JSON_LINES_LOOK_BYTES));
}
const JSON_LINES_LOOK_BYTES = 64 * 1024;

/**
 * A top-level array of objects larger than any hand-written list of jobs: records of a dataset
 * (`[{"instruction": …}, …]`) or of results. A config's top level is an object.
 */
function isRecordArray(text: string): boolean {
  return text.length > RECORD_ARRAY_BYTES && /^\s*\[\s*\{/.test(text.slice(0, 4096));
}
const RECORD_ARRAY_BYTES = 32 * 1024;
