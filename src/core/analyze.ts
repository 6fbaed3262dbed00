import { suggestImprovements, type Suggestion } from './advise/suggest';
import { estimateRun, type Estimate } from './estimate/estimateRun';
import { extractConfigFacts } from './extract/configFacts';
import { extractDirectives } from './extract/directives';
import { extractPythonFacts, syntaxProblems } from './extract/pythonFacts';
import { extractShellFacts } from './extract/shellFacts';
import type { Fact, SourceRange } from './facts';
import type { PythonParsing, Tree } from './parse/pythonParser';
import { completeRun, RunInputError, type ResolvedRun } from './resolve/completeRun';
import { factsToSpecs, type RunAnchors } from './resolve/factsToSpec';
import type { EstimateSettings, Overrides } from './runSpec';

/**
 * The whole pipeline for one file: read facts, form runs, estimate, advise.
 * Used by the extension (per document version), the CLI and the tests.
 */

export type FileKind = 'python' | 'notebook' | 'yaml' | 'json' | 'shell';

export interface AnalyzedRun {
  readonly range: SourceRange;
  readonly anchors: RunAnchors;
  readonly run: ResolvedRun;
  readonly estimate: Estimate;
  readonly suggestions: readonly Suggestion[];
}

export interface FileAnalysis {
  readonly kind: FileKind | null;
  readonly runs: readonly AnalyzedRun[];
  /** Readable problems: syntax errors, skipped files, unknown settings. Never thrown. */
  readonly problems: readonly string[];
  readonly facts: readonly Fact[];
}

/** Files larger than this are skipped with a message: training scripts and configs are far smaller. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

export function fileKindOf(path: string, languageId?: string): FileKind | null {
  const lower = path.toLowerCase();
  if (languageId === 'python' || lower.endsWith('.py')) return 'python';
  if (languageId === 'jupyter' || lower.endsWith('.ipynb')) return 'notebook';
  if (languageId === 'yaml' || lower.endsWith('.yaml') || lower.endsWith('.yml')) return 'yaml';
  if (languageId === 'json' || languageId === 'jsonc' || lower.endsWith('.json')) return 'json';
  if (languageId === 'shellscript' || /\.(sh|bash|sbatch|slurm)$/.test(lower)) return 'shell';
  return null;
}

export interface AnalyzeInput {
  readonly path: string;
  readonly text: string;
  readonly languageId?: string;
  /** A tree already parsed for this text (the extension's per-version cache). */
  readonly tree?: Tree;
}

/** Reads a notebook's code cells into one Python text, separated so line numbers stay per cell. */
export function notebookCode(text: string): { code: string; problem?: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    return { code: '', problem: `notebook is not valid JSON: ${(e as Error).message}` };
  }
  const cells = (parsed as { cells?: unknown }).cells;
  if (!Array.isArray(cells)) return { code: '', problem: 'notebook has no "cells" array (is it nbformat 4?)' };
  const code = cells
    .filter((c): c is { cell_type: string; source: string | string[] } => typeof c === 'object' && c !== null && (c as { cell_type?: unknown }).cell_type === 'code')
    .map((c) => (Array.isArray(c.source) ? c.source.join('') : String(c.source ?? '')))
    // IPython magics and shell escapes are not Python; blank them so the parser sees valid code.
    .map((src) => src.split('\n').map((l) => (/^\s*[!%]/.test(l) ? '' : l)).join('\n'))
    .join('\n\n');
  return { code };
}

export function analyzeText(
  input: AnalyzeInput,
  python: PythonParsing,
  settings: EstimateSettings,
  overrides: Overrides = {},
): FileAnalysis {
  const kind = fileKindOf(input.path, input.languageId);
  if (!kind) return { kind, runs: [], problems: [], facts: [] };
  if (input.text.length > MAX_FILE_BYTES) {
    return { kind, runs: [], problems: [`skipped: ${(input.text.length / 1024 / 1024).toFixed(1)} MB is larger than the ${MAX_FILE_BYTES / 1024 / 1024} MB limit for training code`], facts: [] };
  }
  if (input.text.includes('\u0000')) return { kind, runs: [], problems: ['skipped: the file is binary (it contains NUL bytes)'], facts: [] };

  const problems: string[] = [];
  let facts: Fact[] = [];
  if (kind === 'python' || kind === 'notebook') {
    let code = input.text;
    if (kind === 'notebook') {
      const nb = notebookCode(input.text);
      if (nb.problem) return { kind, runs: [], problems: [nb.problem], facts: [] };
      code = nb.code;
    }
    const tree = input.tree ?? python.parser.parse(code);
    if (!tree) return { kind, runs: [], problems: ['the Python parser gave up on this file'], facts: [] };
    try {
      problems.push(...syntaxProblems(tree));
      facts = extractPythonFacts(tree);
    } finally {
      if (!input.tree) tree.delete();
    }
  } else if (kind === 'yaml' || kind === 'json') {
    const extraction = extractConfigFacts(input.text, kind);
    problems.push(...extraction.problems);
    facts = extraction.facts;
  } else {
    facts = extractShellFacts(input.text);
  }

  if (kind !== 'json') {
    const directives = extractDirectives(kind === 'notebook' ? notebookCode(input.text).code : input.text);
    facts = [...facts, ...directives.facts];
    problems.push(...directives.problems);
  }

  const sourceKind = kind === 'yaml' || kind === 'json' ? 'config' : 'code';
  const runs: AnalyzedRun[] = [];
  for (const found of factsToSpecs(facts, sourceKind)) {
    try {
      const run = completeRun(found.spec, settings, overrides, { origin: 'code', assumptions: found.assumptions, unknowns: found.unknowns });
      const estimate = estimateRun(run);
      const suggestions = suggestImprovements(run, estimate.co2eKg, settings, overrides);
      runs.push({ range: found.range, anchors: found.anchors, run, estimate, suggestions });
    } catch (e) {
      if (e instanceof RunInputError) problems.push(e.message);
      else throw e;
    }
  }
  return { kind, runs, problems, facts };
}
