/**
 * The Python readers live in ./python/ (one module per framework, each a table of rules);
 * this module keeps the entry points the rest of the core imports.
 */
export { documentReuse, extractPythonFacts, mayHoldPythonFacts, PastDeadline, syntaxProblems } from './python/index';
export type { SyntaxReuse as DocumentReuse } from './python/syntaxIndex';
export { nodeRange } from './python/context';
export { normalisePrecision } from './precision';
