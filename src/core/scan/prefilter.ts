import type { FileKind } from '../analyze';

import { mayHoldPythonFacts } from '../extract/pythonFacts';

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
