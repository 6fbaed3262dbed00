import { normalisePrecision } from './extract/precision';
import { EXPERIMENT_BASE_VALUE, withExperimentName } from './extract/python/readers/experimentClass';
import { EVALUATES_CONFIG } from './extract/python/readers/corenetOptions';
import { groupFile } from './extract/config/hydraExperiment';
import { modelOptionsFound } from './extract/config/hydraPrimary';
import { HYDRA_MAIN_LINK } from './extract/python/readers/hydraMain';
import { PREDICTS_WITH_PROJECT_CLASS } from './extract/python/readers/projectModelPredicts';
import { CLONE_LAUNCH, SHELL_CAPTURE, withNotebookLaunches } from './extract/shell/notebookLaunch';
import { withoutOwnOutputModel } from './extract/ownOutputModel';
import { gpuOfHeaderText } from './extract/python/readers/headerGpu';
import { withWrittenConfigs, type NotebookSource } from './extract/notebookConfigs';
import { withClonedHubModel } from './extract/notebookHubClone';
import { statedParameterCount } from './extract/notebookOutputs';
import { fixFor, type CodeFix } from './advise/fixes';
import { suggestImprovements, type Suggestion } from './advise/suggest';
import { estimateRun, type Estimate } from './estimate/estimateRun';
import { extractConfigFacts } from './extract/configFacts';
import { isConfigDrivenVerdict, isSelfTestVerdict } from './extract/python/entryPoint';
import { flagsOf } from './extract/python/context';
import { defaultsFileLinks } from './extract/config/defaultsFile';
import {
  CONFIG_RUN_FACT,
  documentationFacts,
  documentedDevices,
  documentedFlagModel,
  documentedLaunch,
  type FileDocumentation,
} from './extract/documentedLaunch';
import { findModel, modelIdOfFolder } from './knowledge';
import { sizeFromModelName } from './knowledge/modelName';
import {
  megatronProgramModel,
  openMmlabTestConfig,
  packageMainFacts,
  programNameFacts,
} from './extract/python/programName';
import { openMmlabNameFacts } from './extract/python/openMmlabName';
import { lazyConfigNameFacts } from './extract/python/lazyConfigName';
import { sb3HyperparamsModuleFacts } from './extract/python/readers/sb3Program';
import { rlOwnLearnFacts } from './extract/python/readers/rlLibraryLearn';
import { extractGinFacts } from './extract/gin/ginFacts';
import { ginRunFacts } from './extract/gin/ginRun';
import { mlCollectionsRunFacts } from './extract/mlCollectionsRun';
import { YACS_DEFAULT, YACS_DEFAULTS_LINK, YACS_PROGRAM_LINK, yacsDefaultsFacts } from './extract/config/yacsDefaults';
import { LAZY_CONFIG_LINK, LAZY_CONFIG_VALUE } from './extract/python/readers/lazyConfig';
import {
  CONFIG_PROGRAM,
  CONFIG_PROGRAM_LINK,
  configProgramFacts,
  VITS_PROGRAM_LINK,
} from './extract/python/configProgram';
import { LOADER_LINK, REEXPORT_LINK } from './extract/python/readers/loaderModule';
import { FLAG_MODULE_DETAIL } from './extract/python/readers/localModules';
import {
  ARCHITECTURE_DEFAULT,
  ARCHITECTURE_DEFAULTS_LINK,
  defaultHoldsForCall,
} from './extract/python/readers/architectureConfig';
import { COMPUTE_DTYPE_DETAIL, COMPUTE_DTYPE_LOOK } from './extract/python/readers/packageComputeDtype';
import { LOADER_KWARGS_DTYPE } from './extract/python/readers/kwargsDtype';
import { DEEPSPEED_CONFIG_LINK, DEEPSPEED_DICT_PRECISION } from './extract/python/readers/deepspeedDict';

import { extractDirectives } from './extract/directives';
import { fileNameDeviceFacts } from './extract/fileNameDevices';
import { extractPythonFacts, PastDeadline, syntaxProblems, type DocumentReuse } from './extract/pythonFacts';
export { documentReuse, type DocumentReuse } from './extract/pythonFacts';
import { extractShellFacts, NEEDS_ITS_ARGUMENTS, SHORT_CONFIG_FLAG, SOURCED_LAYOUT } from './extract/shellFacts';
import { consoleScriptEntries, CONSOLE_SCRIPT_LINK, isEntryOf } from './extract/consoleScripts';
import {
  pickedBy,
  startsARun,
  type ClassBuild,
  type Fact,
  type FactKind,
  type FactValue,
  type SourceRange,
} from './facts';
import { countLinkedClass, type LinkedClassCount } from './extract/python/linkedClass';
import { ModuleWorld, type ModuleLookup } from './extract/python/moduleWorld';
import { forwardCostOfCount } from './extract/moduleParams';
import {
  boundedCommentRuns,
  MAX_SYNTAX_DEPTH,
  nestsDeeperThan,
  type PythonParsing,
  type Tree,
} from './parse/pythonParser';
import { completeRun, RunInputError, type ResolvedRun } from './resolve/completeRun';
import { factsToSpecs, type RunAnchors } from './resolve/factsToSpec';
import { unknownIdsIn } from './resolve/knownIds';
import { problemAt, type Problem } from './problem';
import { printable } from './report/neutralise';
import type { EstimateSettings, Overrides } from './runSpec';
import { nonRunPlaceReason, packageModuleReason, type EntryPointRules } from './resolve/entryPoint';
import { mayHoldRunFacts, mayStartARun } from './scan/prefilter';
import { TextIndex } from './textIndex';
import { linkedClassName } from './scan/classIndex';
import { MMF_INCLUDE } from './extract/config/mmf';
import { BASE_LIST_LINK } from './extract/config/baseListConfig';
import { ARGBIND_INCLUDE_LINK } from './extract/config/argbind';
import { DETECTRON2_BASE_LINK } from './extract/config/yacs';
import { AMPHION_BASE_LINK, AMPHION_TRAINER } from './extract/config/amphionRecipe';
import { ARG_CONFIG_LINK, argConfigFacts, type ArgConfigLink } from './extract/config/configArgparse';
import { YAML_CONFIG_LINK, yamlConfigFacts } from './extract/config/yamlProgramConfig';

/**
 * The whole pipeline for one file: read facts, form runs, estimate, advise.
 * Used by the extension (per document version), the CLI and the tests.
 */

/** `argconfig`: a `.txt` that may be a configargparse config (extract/config/configArgparse.ts). */
export type FileKind = 'python' | 'notebook' | 'yaml' | 'json' | 'shell' | 'gin' | 'argconfig';

export interface AnalyzedRun {
  readonly range: SourceRange;
  /**
   * A sweep: the code launches this run in a loop over `of` values (seeds, hyperparameters). It is
   * one run object standing for `of` identical runs (a loop of 10^8 costs no memory): `estimate`
   * is per run, and totals multiply by `of` (see runCount).
   */
  readonly trial?: { readonly of: number; readonly detail: string };
  readonly anchors: RunAnchors;
  readonly run: ResolvedRun;
  readonly estimate: Estimate;
  readonly suggestions: readonly Suggestion[];
}

export interface FileAnalysis {
  readonly kind: FileKind | null;
  /** Why the file's runs are not listed: a test, a CI workflow, a library module (see resolve/entryPoint.ts). */
  readonly notARun?: string;
  readonly runs: readonly AnalyzedRun[];
  /** Readable problems: syntax errors, skipped files, unknown directive keys. Never thrown; positioned where the line is known. */
  readonly problems: readonly Problem[];
  /**
   * What makes an estimate of this file wrong or impossible, so a budget gate must fail rather than
   * pass without it: an unknown region or accelerator, a run that could not be estimated (its
   * line in the message and in `line`), an estimate that is not a finite number. Never thrown either.
   */
  readonly errors: readonly Problem[];
  /** Set when reading the file failed on a bug of ours (the message); the file then has no runs. */
  readonly internalError?: string;
  readonly facts: readonly Fact[];
}

/** How many runs an analysed run stands for: a sweep's count, else 1. Totals multiply by it. */
export function runCount(run: Pick<AnalyzedRun, 'trial'>): number {
  return run.trial?.of ?? 1;
}

/** Sweeps larger than this are not believed: the loop is reported and the launch counted once. */
export const MAX_SWEEP_RUNS = 1_000_000;

/**
 * Reading one file (parse, facts, runs) gets this long; a file that takes longer is skipped with
 * the reason. Every reader is meant to be linear, so this is a backstop, not a tuning knob.
 */
export const FILE_TIME_BUDGET_MS = 5000;

/**
 * A suggestion whose quick fix is computed when first asked for: hints and diagnostics, which run on
 * every keystroke, never need the edit; code actions, the panel and the CLI do.
 */
function withLazyFix(suggestion: Suggestion, compute: () => CodeFix | null): Suggestion {
  let fix: CodeFix | null | undefined;
  return Object.defineProperty({ ...suggestion }, 'fix', {
    enumerable: true,
    get: () => (fix === undefined ? (fix = compute()) : fix),
  });
}

/** Files larger than this are skipped with a message: training scripts and configs are far smaller. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;
/**
 * A notebook carries its outputs (plots and images as base64) next to its code, so a few megabytes
 * are usual (two of the peft examples are 2.4 and 3.8 MB); the code cells in it must still be within MAX_FILE_BYTES.
 */
export const MAX_NOTEBOOK_BYTES = 16 * 1024 * 1024;

/** The size over which a file is skipped unread, by its kind. */
export function maxBytesOf(path: string): number {
  return fileKindOf(path) === 'notebook' ? MAX_NOTEBOOK_BYTES : MAX_FILE_BYTES;
}

export function fileKindOf(path: string, languageId?: string): FileKind | null {
  const lower = path.toLowerCase();
  if (languageId === 'python' || lower.endsWith('.py')) return 'python';
  if (languageId === 'jupyter' || lower.endsWith('.ipynb')) return 'notebook';
  if (languageId === 'yaml' || lower.endsWith('.yaml') || lower.endsWith('.yml')) return 'yaml';
  if (languageId === 'json' || languageId === 'jsonc' || lower.endsWith('.json')) return 'json';
  // `.sub`: SLURM submit files as NVIDIA's examples name them (`sbatch -N 2 example.sub`).
  if (languageId === 'shellscript' || /\.(sh|bash|sbatch|slurm|sub)$/.test(lower)) return 'shell';
  if (lower.endsWith('.gin')) return 'gin';
  // A configargparse config (`key = value` lines): a run only once the folder scan finds the program whose flags
  // its keys are (scan/folderScan.ts); alone it holds no fact.
  if (lower.endsWith('.txt')) return 'argconfig';
  return null;
}

export interface AnalyzeInput {
  readonly path: string;
  readonly text: string;
  readonly languageId?: string;
  /** A tree already parsed for this text (the extension's per-version cache). */
  readonly tree?: Tree;
  /** The path relative to the workspace folder: places such as tests/ and .github/ hold no runs. */
  readonly relativePath?: string;
  readonly entryRules?: EntryPointRules;
  /** Overrides FILE_TIME_BUDGET_MS (tests use a small one). */
  readonly timeBudgetMs?: number;
  /**
   * What the previous version of the same document left for this one (documentReuse(), one per open document,
   * dropped with it): the reading is the same, only cheaper after a small edit.
   */
  readonly reuse?: DocumentReuse;
  /**
   * For a `.txt` configargparse config: the program whose flags its keys are, as the folder scan found it
   * (scan/folderScan.ts); without it such a file holds no fact.
   */
  readonly argConfig?: ArgConfigLink;
  /** For a shell script another runs: the words it is handed as `$1`, `$2`, … (Fact.positional). */
  readonly positional?: readonly string[];
  /**
   * What the repository's documentation says of this file, as the folder scan found it (its documented launches, the
   * size its model tables give it): the editor reads an open file with what the Workspace Report read it with.
   */
  readonly documentation?: FileDocumentation;
}

export interface NotebookCells {
  readonly code: string;
  /** Where each code cell starts in `code`, so ranges map back to the cell. */
  readonly cells: ReadonlyArray<{ readonly index: number; readonly startLine: number; readonly lineCount: number }>;
  readonly problem?: string;
  /** The GPU the notebook's runtime was set to, from its metadata (or, without one, its opening Markdown). */
  readonly accelerator?: string;
  /** Where the GPU was read when not from the metadata. */
  readonly acceleratorFrom?: string;
  /** Each code cell as written (magics and shell escapes kept), for the configs it writes (notebookConfigs.ts). */
  readonly sources?: readonly NotebookSource[];
  /** The model size the saved outputs print (notebookOutputs.ts), at the line its cell starts in `code`. */
  readonly statedParams?: { readonly value: number; readonly startLine: number; readonly quote: string };
}

/** Reads a notebook's code cells into one Python text (a run often spans cells), remembering each cell's lines. */
export function notebookCode(text: string): NotebookCells {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    // A notebook cut short (a crash while saving, a truncated download) usually keeps its earlier
    // cells intact: read those, and say the file is broken.
    const salvaged = salvageCells(text);
    const problem = `notebook is not valid JSON: ${(e as Error).message}`;
    if (salvaged.length === 0) return { code: '', cells: [], problem };
    parsed = { cells: salvaged };
    const result = notebookCode(JSON.stringify(parsed));
    return {
      ...result,
      problem: `${problem}; read the code of the ${salvaged.filter((c) => c.cell_type === 'code').length} intact code cells`,
    };
  }
  const raw = (parsed as { cells?: unknown } | null)?.cells;
  if (!Array.isArray(raw)) return { code: '', cells: [], problem: 'notebook has no "cells" array (is it nbformat 4?)' };
  const parts: string[] = [];
  const cells: Array<{ index: number; startLine: number; lineCount: number }> = [];
  const sources: NotebookSource[] = [];
  let line = 0;
  // An nbdev notebook (a `#| default_exp module` cell) is the source of a package module: its export cells are that
  // module's code (nbdev_export writes them out), read in the exported module; see libraryCellLines.
  const nbdev = raw.length <= MAX_NBDEV_CELLS && raw.some((cell) => NBDEV_DEFAULT_EXP.test(cellText(cell)));
  raw.forEach((cell, index) => {
    if (typeof cell !== 'object' || cell === null || (cell as { cell_type?: unknown }).cell_type !== 'code') return;
    const source = (cell as { source?: unknown }).source;
    // Only strings are code: `String()` of an object from the file ({"toString": 1}) would throw or run its methods.
    const text = Array.isArray(source)
      ? source.map((part) => (typeof part === 'string' ? part : '')).join('')
      : typeof source === 'string'
        ? source
        : '';
    const exported = nbdev && NBDEV_EXPORT_CELL.test(text);
    // IPython magics and shell escapes are not Python; blank them so the parser sees valid code. A timing
    // magic (`%time train(model)`) runs its statement: that is kept, at the magic's indentation.
    // A cell magic that makes the cell another language's or a file's text (`%%writefile config.yml`, `%%bash`):
    // none of it is Python (a written config is read by notebookConfigs.ts).
    const foreign = NON_PYTHON_CELL_MAGIC.test(text);
    // A shell escape continued over lines (`!torchrun train.py \` then `    --bf16 True \`): all of it is shell.
    let continued = false;
    const lines = text.split('\n').map((l) => {
      if (foreign) return '';
      if (continued) {
        continued = /\\[ \t]*$/.test(l);
        return '';
      }
      const timed = TIMING_MAGIC.exec(l);
      if (timed) return timed[1] + l.slice(timed[0].length);
      // IPython's capture of a shell command's output (`output = !python3 demo.py \`): shell too.
      const captured = SHELL_CAPTURE.test(l);
      if (!captured && !/^\s*[!%]/.test(l)) return l;
      continued = (captured || /^\s*!/.test(l)) && /\\[ \t]*$/.test(l);
      return '';
    });
    cells.push({ index, startLine: line, lineCount: lines.length });
    sources.push({ index, startLine: line, text });
    parts.push((exported ? libraryCellLines(lines) : lines).join('\n'));
    line += lines.length;
  });
  const metadataGpu = notebookAccelerator(parsed);
  const headerGpu = metadataGpu ? undefined : gpuOfHeaderText(openingMarkdown(raw));
  const stated = statedParameterCount(raw);
  const statedAt = stated ? cells.find((c) => c.index === stated.cell) : undefined;
  return {
    code: parts.join('\n'),
    cells,
    ...(stated && statedAt
      ? { statedParams: { value: stated.value, startLine: statedAt.startLine, quote: stated.quote } }
      : {}),
    accelerator: metadataGpu ?? headerGpu,
    ...(headerGpu ? { acceleratorFrom: 'the opening Markdown cell' } : {}),
    sources,
  };
}

/** A code cell's source as one string (only strings: see notebookCode). */
function cellText(cell: unknown): string {
  if (typeof cell !== 'object' || cell === null || (cell as { cell_type?: unknown }).cell_type !== 'code') return '';
  const source = (cell as { source?: unknown }).source;
  if (typeof source === 'string') return source.slice(0, 4096);
  if (!Array.isArray(source)) return '';
  return source
    .slice(0, 8)
    .map((part) => (typeof part === 'string' ? part : ''))
    .join('');
}

/** Cells looked at for nbdev's `default_exp` directive (a notebook of more is read as it is). */
const MAX_NBDEV_CELLS = 5000;
/**
 * nbdev's directive naming the module a notebook exports to (nbdev docs, "Directives": `#| default_exp`; nbdev 1 wrote
 * `# default_exp`), on its own line.
 */
const NBDEV_DEFAULT_EXP = /^[ \t]*#[ \t]*\|?[ \t]*default_exp[ \t]+([A-Za-z_][\w.]{0,200})[ \t]*$/m;
/**
 * A cell nbdev exports to the module: its first lines carry `#| export`, `#| exporti` or `#| exports` (nbdev 2;
 * nbdev 1 wrote `# export`, `#export`), optionally naming another module (nbdev docs, "Directives").
 */
const NBDEV_EXPORT_CELL =
  /^(?:[ \t]*#[^\n]{0,200}\n){0,4}?[ \t]*#[ \t]*\|?[ \t]*export[is]?(?:[ \t]+[A-Za-z_][\w.]{0,100})?[ \t]*(?:\n|$)/;

/**
 * The lines of an nbdev export cell as the notebook's own reading sees them: the module's definitions and imports stay
 * (the development cells after them call these), its other top-level statements are blanked. They are the exported
 * module's code, run when that module runs (a training script's flags and `trainer.fit`, written in export cells, are
 * the module's run, read in the `.py` nbdev writes), not the notebook's: the notebook's own run is what its other
 * cells (the development cells, which nbdev does not export) do with them. A statement is told by its first line at
 * column 0; indented lines, blank lines, comments and closing brackets continue the statement above.
 */
function libraryCellLines(lines: readonly string[]): string[] {
  let keep = true;
  return lines.map((l) => {
    if (/^[^\s#)\]}]/.test(l)) keep = /^(?:@|(?:async[ \t]+)?def\b|class\b|import\b|from\b)/.test(l);
    return keep ? l : '';
  });
}

/** Lines of the Markdown cells before the first code cell (a Colab notebook's header), at most a few dozen. */
function openingMarkdown(raw: readonly unknown[]): string[] {
  const lines: string[] = [];
  for (const cell of raw.slice(0, 8)) {
    if (typeof cell !== 'object' || cell === null) break;
    const c = cell as { cell_type?: unknown; source?: unknown };
    if (c.cell_type !== 'markdown') break;
    const parts = Array.isArray(c.source) ? c.source : [c.source];
    for (const part of parts.slice(0, 60)) if (typeof part === 'string') lines.push(...part.split('\n', 60));
    if (lines.length >= 60) break;
  }
  return lines;
}

/**
 * IPython cell magics whose body is not Python: a shell or web script (Colab's `%%shell` too: google.colab's cell
 * magic that runs the cell in a shell, colab.research.google.com "Overview of Colaboratory Features", Shell commands),
 * or a file `%%writefile` writes that is not a Python module (a `%%writefile train.py` body is the program the notebook then runs, read as Python).
 */
const NON_PYTHON_CELL_MAGIC =
  /^\s*%%(?:(?:bash|sh|shell|script|html|javascript|js|latex|markdown|svg|perl|ruby)\b|(?:writefile|file)[ \t]+(?:-a[ \t]+)?\S*\.(?!py[ \t]*(?:\n|$))\w+[ \t]*(?:\n|$))/;

/** `%time stmt`, `%timeit -n 3 stmt`, `%prun stmt`: line magics that run the statement after them. */
const TIMING_MAGIC = /^([ \t]*)%(?:time|timeit|prun)\b(?:[ \t]+-\w+(?:[ \t]+\d+)?){0,5}[ \t]+(?=\S)/;

/** The cells of a broken notebook whose `cell_type` and `source` still parse, in order (index kept). */
function salvageCells(text: string): Array<{ cell_type: string; source: unknown }> {
  const cells: Array<{ cell_type: string; source: unknown }> = [];
  const types = [...text.matchAll(/"cell_type"\s*:\s*"(\w+)"/g)];
  types.forEach((m, i) => {
    const end = types[i + 1]?.index ?? text.length;
    const at = text.slice(m.index, end).search(/"source"\s*:/);
    const value = at >= 0 ? jsonValueAt(text, text.indexOf(':', m.index + at) + 1, end) : undefined;
    cells.push({ cell_type: value === undefined ? 'unreadable' : m[1], source: value ?? [] });
  });
  return cells;
}

/** The JSON value (array or string) starting at `from`, if it is complete before `limit`. */
function jsonValueAt(text: string, from: number, limit: number): unknown {
  let i = from;
  while (i < limit && /\s/.test(text[i])) i++;
  const open = text[i];
  if (open !== '[' && open !== '"') return undefined;
  let depth = 0;
  let inString = false;
  for (let j = i; j < limit; j++) {
    const c = text[j];
    if (inString) {
      if (c === '\\') j++;
      else if (c === '"') {
        inString = false;
        if (open === '"' && depth === 0) return parseOrUndefined(text.slice(i, j + 1));
      }
    } else if (c === '"') inString = true;
    else if (c === '[') depth++;
    else if (c === ']' && --depth === 0) return parseOrUndefined(text.slice(i, j + 1));
  }
  return undefined;
}

function parseOrUndefined(json: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    return undefined;
  }
}

/** Colab and Kaggle record the runtime's GPU in the notebook metadata (`gpuType: "T4"`). */
function notebookAccelerator(parsed: unknown): string | undefined {
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const meta = (
    parsed as {
      metadata?: { colab?: { gpuType?: unknown }; accelerator?: unknown; kaggle?: { accelerator?: unknown } };
    }
  ).metadata;
  if (typeof meta !== 'object' || meta === null) return undefined;
  const gpu = meta?.colab?.gpuType ?? meta?.kaggle?.accelerator;
  return typeof gpu === 'string' && gpu.length <= 100 && /\d/.test(gpu)
    ? gpu.replace(/^nvidia[-_]?(tesla[-_])?/i, '').replace(/x\d+$/i, '')
    : undefined;
}

/** Maps a range in the joined notebook code back to its cell (clipped to that cell). */
function rangeInCell(range: SourceRange, cells: NotebookCells['cells']): SourceRange {
  let cell = cells[0];
  for (const c of cells) if (c.startLine <= range.startLine) cell = c;
  if (!cell) return range;
  const lastLine = cell.startLine + cell.lineCount - 1;
  const clipped = range.endLine > lastLine;
  return {
    startLine: range.startLine - cell.startLine,
    startCol: range.startCol,
    endLine: (clipped ? lastLine : range.endLine) - cell.startLine,
    endCol: clipped ? Number.MAX_SAFE_INTEGER : range.endCol,
    cell: cell.index,
  };
}

/** A problem's line in the joined notebook code, counted within its cell instead (as facts and runs are). */
function problemInCell(p: Problem, cells: NotebookCells['cells']): Problem {
  if (p.line === undefined || p.file !== undefined) return p;
  const r = rangeInCell({ startLine: p.line, startCol: p.column ?? 0, endLine: p.line, endCol: p.column ?? 0 }, cells);
  return { ...p, line: r.startLine, ...(r.cell !== undefined ? { cell: r.cell } : {}) };
}

function remapRun(run: AnalyzedRun, map: (r: SourceRange) => SourceRange): AnalyzedRun {
  const mapAssumption = <T extends { range?: SourceRange }>(a: T): T => (a.range ? { ...a, range: map(a.range) } : a);
  return {
    ...run,
    range: map(run.range),
    anchors: {
      model: run.anchors.model && map(run.anchors.model),
      size: run.anchors.size && map(run.anchors.size),
      launch: run.anchors.launch && map(run.anchors.launch),
    },
    run: {
      ...run.run,
      assumptions: run.run.assumptions.map(mapAssumption),
      unknowns: run.run.unknowns.map(mapAssumption),
    },
  };
}

/** The facts of one file, before they are formed into runs. */
export interface FileFacts {
  readonly kind: FileKind | null;
  readonly facts: Fact[];
  readonly problems: Problem[];
  /** See FileAnalysis.errors. */
  readonly errors: Problem[];
  readonly notebook?: NotebookCells;
}

/** Thrown when a file's time budget runs out; the file is then reported as skipped. */
class OverBudget extends Error {}

function skippedForTime(budgetMs: number, phase: string): string {
  return `skipped: reading it took longer than ${budgetMs / 1000} s (${phase}); it is not analysed`;
}

/** A file's own facts, never its links; a file that runs out of time is reported as skipped. */
export function readFileFacts(
  input: AnalyzeInput,
  python: PythonParsing,
  deadline = performance.now() + (input.timeBudgetMs ?? FILE_TIME_BUDGET_MS),
): FileFacts {
  try {
    return readFileFactsUnguarded(input, python, deadline);
  } catch (e) {
    if (e instanceof OverBudget)
      return {
        kind: fileKindOf(input.path, input.languageId),
        facts: [],
        problems: [problemAt(e.message)],
        errors: [],
      };
    throw e;
  }
}

function readFileFactsUnguarded(input: AnalyzeInput, python: PythonParsing, deadline: number): FileFacts {
  const kind = fileKindOf(input.path, input.languageId);
  if (!kind) return { kind, facts: [], problems: [], errors: [] };
  const limit = kind === 'notebook' ? MAX_NOTEBOOK_BYTES : MAX_FILE_BYTES;
  if (input.text.length > limit) {
    return {
      kind,
      facts: [],
      problems: [
        problemAt(
          `skipped: ${(input.text.length / 1024 / 1024).toFixed(1)} MB is larger than the ${limit / 1024 / 1024} MB limit for ${kind === 'notebook' ? 'a notebook' : 'training code'}`,
        ),
      ],
      errors: [],
    };
  }
  if (input.text.includes('\u0000'))
    return {
      kind,
      facts: [],
      problems: [problemAt('skipped: the file is binary (it contains NUL bytes)')],
      errors: [],
    };

  const problems: Problem[] = [];
  const errors: Problem[] = [];
  let facts: Fact[] = [];
  let notebook: NotebookCells | undefined;
  // Most Python in a repository is not training code: a file the prefilter rules out
  // cannot hold a run or a fact a run links to, so it is not even parsed.
  // A yacs program's defaults module (`_C = CN()`), read line by line for the configs merged over it (yacsDefaults.ts).
  // A program reading its YAML config into its own dataclass gives those configs the dtype it loads the model in
  // (python/configProgram.ts), drawn only through their link.
  // A package's setup.py: the modules of the console scripts it installs (consoleScripts.ts), for the launch lines that
  // run those commands.
  const yacsDefaults =
    kind === 'python'
      ? [
          ...yacsDefaultsFacts(input.text),
          ...configProgramFacts(input.text),
          ...consoleScriptEntries(input.path, input.text),
        ]
      : [];
  if (!input.tree && !mayHoldRunFacts(input.text, kind)) return { kind, facts: yacsDefaults, problems: [], errors: [] };
  if (kind === 'python' || kind === 'notebook') {
    let code = input.text;
    if (kind === 'notebook') {
      notebook = notebookCode(input.text);
      // A broken notebook with intact cells still yields their facts (the problem is reported too).
      if (notebook.problem) problems.push(problemAt(notebook.problem));
      if (notebook.cells.length === 0) return { kind, facts: [], problems, errors };
      code = notebook.code;
      if (code.length > MAX_FILE_BYTES) {
        const mb = (code.length / 1024 / 1024).toFixed(1);
        problems.push(
          problemAt(
            `skipped: the notebook's code cells hold ${mb} MB, over the ${MAX_FILE_BYTES / 1024 / 1024} MB limit for training code`,
          ),
        );
        return { kind, facts: [], problems, errors };
      }
    }
    const tree = input.tree ?? parseWithin(python, code, deadline);
    if (!tree)
      return {
        kind,
        facts: [],
        problems: [
          problemAt(
            performance.now() > deadline
              ? skippedForTime(input.timeBudgetMs ?? FILE_TIME_BUDGET_MS, 'parsing')
              : 'the Python parser gave up on this file',
          ),
        ],
        errors,
      };
    try {
      // Checked before any query runs: tree-sitter's query cursor cannot be interrupted and is super-linear in depth.
      if (nestsDeeperThan(tree.rootNode, MAX_SYNTAX_DEPTH))
        return {
          kind,
          facts: [],
          problems: [
            problemAt(
              `skipped: its code nests more than ${MAX_SYNTAX_DEPTH.toLocaleString('en-US')} levels deep (no program Python compiles nests so far); it is not analysed`,
            ),
          ],
          errors,
        };
      problems.push(...syntaxProblems(tree));
      try {
        facts = extractPythonFacts(tree, code, () => performance.now() > deadline, input.reuse);
      } catch (e) {
        if (e instanceof PastDeadline)
          throw new OverBudget(skippedForTime(input.timeBudgetMs ?? FILE_TIME_BUDGET_MS, 'reading its facts'));
        throw e;
      }
      if (!notebook)
        facts.push(
          ...documentedDevices(input.path, code, facts),
          ...programNameFacts(input.path, code, facts),
          ...packageMainFacts(input.path, code, facts),
          ...megatronProgramModel(input.path, facts),
          ...openMmlabNameFacts(input.path, facts),
          ...lazyConfigNameFacts(input.path, facts),
          ...sb3HyperparamsModuleFacts(input.path, code, facts),
          ...rlOwnLearnFacts(input.path, facts),
          ...yacsDefaults,
        );
      // A flag's default model replaced by the one the module docstring's usage passes to that flag.
      if (!notebook) facts = documentedFlagModel(input.path, code, facts, knownModelName);
      if (!notebook) facts = openMmlabTestConfig(input.path, facts) ?? facts;
      // An experiment class named by its file (`self.exp_name` from `__file__`): the file's stem.
      if (!notebook) facts = withExperimentName(input.path, facts);
      else
        facts = withClonedHubModel(
          withNotebookLaunches(
            withWrittenConfigs(facts, notebook.sources ?? [], code),
            notebook.sources ?? [],
            input.path,
          ),
          notebook.sources ?? [],
        );
      // A load of the name the program publishes its result under tries that result; it is not the model trained.
      facts = withoutOwnOutputModel(facts, code);
      // What the notebook printed when it was last run: its model's size (a count, not a guess).
      if (notebook?.statedParams && !facts.some((f) => f.kind === 'model.params' && f.confidence === 'high'))
        facts.push({
          kind: 'model.params',
          value: notebook.statedParams.value,
          range: {
            startLine: notebook.statedParams.startLine,
            startCol: 0,
            endLine: notebook.statedParams.startLine,
            endCol: 0,
          },
          confidence: 'medium',
          detail: `the notebook's saved output under this cell prints it: "${notebook.statedParams.quote.slice(0, 120)}"`,
        });
      if (notebook?.accelerator)
        facts.push({
          kind: 'hardware.accelerator',
          value: notebook.accelerator,
          range: { startLine: 0, startCol: 0, endLine: 0, endCol: 0 },
          confidence: notebook.acceleratorFrom ? 'low' : 'medium',
          detail: notebook.acceleratorFrom
            ? `${notebook.acceleratorFrom} says it runs on one ${notebook.accelerator}`
            : `notebook metadata: runtime GPU ${notebook.accelerator}`,
        });
    } finally {
      if (!input.tree) tree.delete();
    }
  } else if (kind === 'yaml' && input.argConfig) {
    // A flat YAML of a program's parameters the folder scan found the program for (yamlProgramConfig.ts).
    facts = yamlConfigFacts(input.text, input.argConfig, input.relativePath ?? input.path);
  } else if (kind === 'yaml' || kind === 'json') {
    const extraction = extractConfigFacts(input.text, kind, input.path);
    problems.push(...extraction.problems);
    facts = [...extraction.facts, ...defaultsFileLinks(input.path, extraction.facts)];
  } else if (kind === 'gin') {
    facts = extractGinFacts(input.text);
  } else if (kind === 'argconfig') {
    facts = input.argConfig ? argConfigFacts(input.text, input.argConfig, input.relativePath ?? input.path) : [];
  } else {
    facts = extractShellFacts(input.text, input.path, input.positional);
  }
  // A config whose head comment documents its launch (nanoGPT's config/*.py, a recipe YAML): that command's
  // script and devices join it. Only a config that sets a model or a length (not an accelerate fragment).
  if (
    (kind === 'yaml' || facts.some((f) => f.kind === 'source.configModule')) &&
    facts.some((f) => CONFIG_RUN_FACT.has(f.kind))
  )
    facts = [...facts, ...documentedLaunch(input.path, input.text, facts)];
  // The layout a toolkit's example is named for (`…_lora_4gpu.yaml`, `…_gpu8_pretrain.py`), where nothing in it says.
  facts = [...facts, ...fileNameDeviceFacts(input.path, facts)];
  if (kind !== 'json') {
    const directives = extractDirectives(notebook ? notebook.code : input.text);
    facts = [...facts, ...directives.facts];
    problems.push(...directives.problems);
    errors.push(...directives.errors);
  }
  if (performance.now() > deadline)
    throw new OverBudget(skippedForTime(input.timeBudgetMs ?? FILE_TIME_BUDGET_MS, 'reading its facts'));
  return { kind, facts, problems, errors, notebook };
}

/**
 * Parses Python within the file's time budget. Tree-sitter's error recovery can be super-linear on
 * pathological text (thousands of unclosed brackets); past the deadline the parse is cancelled.
 */
export function parseWithin(python: PythonParsing, code: string, deadline: number, oldTree?: Tree): Tree | null {
  let checks = 0;
  const tree = python.parser.parse(boundedCommentRuns(code), oldTree ?? null, {
    // Returning true cancels (web-tree-sitter's typing says void; its docs and runtime say boolean).
    progressCallback: (() => (++checks & 15) === 0 && performance.now() > deadline) as unknown as (
      state: unknown,
    ) => void,
  });
  // A cancelled parse resumes on the next call unless the parser is reset.
  if (!tree) python.parser.reset();
  return tree;
}

/**
 * A class of a linked Python module counted as the linking program builds it (python/linkedClass.ts), its building
 * blocks followed into the modules `lookup` gives; every syntax tree is freed before it returns. Undefined when the
 * class is not found or not counted at all.
 */
export function countClassIn(
  path: string,
  text: string,
  build: ClassBuild,
  python: PythonParsing,
  lookup: ModuleLookup = () => undefined,
  deadline = performance.now() + FILE_TIME_BUDGET_MS,
  /** Modules parsed already (the folder scan keeps one world per file it reads); without it, one for this count. */
  shared?: ModuleWorld,
): LinkedClassCount | undefined {
  if (fileKindOf(path) !== 'python') return undefined;
  const world = shared ?? new ModuleWorld((code) => parseWithin(python, code, deadline));
  try {
    return countLinkedClass(world, { path, text }, build, lookup);
  } finally {
    if (!shared) world.dispose();
  }
}

/**
 * Reads a file a run links to (`torchrun train.py`, `--config_file accelerate.yaml`,
 * `open("config.yaml")`), relative to the file that names it. Returns undefined when
 * it is not there (the link is then reported, not guessed).
 */
export type LinkedFileReader = (
  fromPath: string,
  reference: string,
) => { path: string; display: string; text: string } | undefined;

const MAX_LINK_DEPTH = 2;
/**
 * Configs composed from configs (a Hydra experiment on an experiment on a base, each naming its group files) are
 * followed further than other links: each hop is a config the run is made of, and the run's files stay capped.
 */
const MAX_CONFIG_CHAIN = 6;
/** Frameworks whose configs a launch or another config builds on are each launched alone too (a Hydra experiment, MaxText's base.yml). */
const STANDALONE_CONFIGS: ReadonlySet<string> = new Set([
  'hydra',
  'maxtext',
  'mmengine',
  'gin',
  'lazyconfig',
  'mmf',
  'mmpt',
  // A Pax experiment-registry module (python/readers/paxExperiments.ts) holds many experiments a launch picks one of.
  'pax',
]);
const isConfigFile = (p: string) => /\.(ya?ml|gin)$/i.test(p);
/** OpenMMLab configs are Python modules or YAML/JSON files (mmengine's Config.fromfile reads all three). */
const isConfigModuleOrFile = (p: string) => /\.(py|ya?ml|json)$/i.test(p);
/** The detail the mmengine reader gives a `_base_` link (readers/mmengine.ts). */
const MM_BASE_LINK = '_base_: ';
const isShellScript = (p: string) => /\.(?:sh|bash|sbatch|slurm)$/i.test(p);
/** Files a run draws facts from, besides its own: a launcher, its config and its script are three. */
const MAX_LINKED_FILES = 16;
/** Files past MAX_LINKED_FILES read for the programs a script runs (linkedFacts). */
const SCRIPTS_PAST_CAP = 4;
/** Files named but not found that a run reports one by one; the rest are counted in one message. */
const MAX_UNFOUND_LINK_MESSAGES = 10;

/** Where a linked reference may be, in order: next to the file that names it, then from the root. */
/** Schedule lengths a launch may set through one flag while the program declares another of the same kind. */
const STEP_KINDS: ReadonlySet<FactKind> = new Set<FactKind>(['training.steps', 'training.epochs']);

/** Folders above a launch script searched for the program it runs (beyond the one just above it). */
const MAX_LAUNCH_DEPTH = 3;
/** Leading folders of an absolute path dropped at most to find the repository's file it names. */
const MAX_ABSOLUTE_PREFIX = 10;

export function linkCandidates(
  fromPath: string,
  reference: string,
  root: string,
  paths: Pick<typeof import('node:path'), 'resolve' | 'dirname'>,
): string[] {
  // A class named by a config (`class:RCAN`, scan/classIndex.ts) is no path: only the folder scan's index finds it.
  if (linkedClassName(reference) !== undefined) return [];
  let sameFolderName: string | undefined;
  const candidates = [paths.resolve(paths.dirname(fromPath), reference), paths.resolve(root, reference)];
  // A module of the repository's own package named by its dotted path (`from pkg.utils.train import train`
  // → pkg/utils/train.py) sits under src/ in the src layout packaging guides recommend.
  if (/^[A-Za-z_][\w/]*\.py$/.test(reference)) candidates.push(paths.resolve(root, 'src', reference));
  // A module named by an import that is a package (`from videollama2 import mm_infer` → videollama2/__init__.py).
  if (/^[A-Za-z_][\w/]*\.py$/.test(reference) && !reference.endsWith('__init__.py')) {
    const asPackage = reference.replace(/\.py$/, '/__init__.py');
    candidates.push(paths.resolve(paths.dirname(fromPath), asPackage), paths.resolve(root, asPackage));
  }
  // A launch script kept one folder below the folder it is run from (`bash src/run.sh` beside `run.py`).
  candidates.push(paths.resolve(paths.dirname(paths.dirname(fromPath)), reference));
  // Launch scripts kept deeper, grouped by model and setup (`training_scripts/opt/single_gpu/run_1.3b.sh`
  // running `main.py` from the project's folder, as DeepSpeed-Chat's README runs them): the nearest folder above
  // that holds the file, up to a few levels and never above the root.
  // An absolute path into the checkout where the job runs (`${REPO_DIR:-/accelerate}/examples/train.py`,
  // `/workspace/project/train.py`): its last folders, from the root of the opened folder.
  // So is a path under a folder the script is handed or makes at run time (`${EXP_DIR}/${DATE}_${NAME}/code/train.py`
  // with EXP_DIR its first argument, a copy of the checkout made for the job): the folders after the unknown ones.
  const underVariable = /^\$\{?\w+\}?\//.test(reference) && !reference.includes('..');
  if ((reference.startsWith('/') && !reference.includes('..')) || underVariable) {
    const all = reference.split('/').filter(Boolean);
    let known = 0;
    while (underVariable && known < all.length - 1 && all[known].includes('$')) known++;
    const segments = underVariable ? all.slice(known - 1) : all;
    // `python /home/me/repo/tools/build_x/run.py` in tools/build_x/job.slurm: the file of that name beside the job,
    // when the job's folder has the name the path's folder has (the checkout moved, the layout did not).
    const own = fromPath.split(/[\\/]/);
    if (
      !underVariable &&
      segments.length >= 2 &&
      own.length >= 2 &&
      segments[segments.length - 2] === own[own.length - 2]
    )
      candidates.push(paths.resolve(paths.dirname(fromPath), segments[segments.length - 1]));
    for (let k = 1; k < segments.length && k <= MAX_LAUNCH_DEPTH; k++)
      candidates.push(paths.resolve(root, segments.slice(k).join('/')));
    // A checkout kept deeper on the machine the script ran on (`/scratch/gpfs/me/space2/Repo/pkg/configs/x.yaml`):
    // the tail from further down, while it still names a folder and a file (a bare file name from that far is a guess).
    for (let k = MAX_LAUNCH_DEPTH + 1; k <= segments.length - 2 && k <= MAX_ABSOLUTE_PREFIX; k++)
      candidates.push(paths.resolve(root, segments.slice(k).join('/')));
  }
  // `sbatch experiments/runs/$RUN_NAME/train.slurm` with RUN_NAME the script's own folder name, in a job folder kept
  // elsewhere (a template folder copied for each run): the file of that name beside the script, last, when the path's
  // folder has the script's folder's name. Only a path written out in full (no variable left in it).
  const own = fromPath.split(/[\\/]/);
  const parts = reference.split('/');
  if (
    !reference.includes('$') &&
    !reference.startsWith('/') &&
    parts.length >= 3 &&
    own.length >= 2 &&
    parts[parts.length - 2] === own[own.length - 2]
  )
    sameFolderName = paths.resolve(paths.dirname(fromPath), parts[parts.length - 1]);
  let dir = paths.dirname(paths.dirname(fromPath));
  const top = paths.resolve(root);
  // A module run with `-m pkg.sub.mod` (linked as pkg/sub/mod.py) may be a package whose `__main__.py` runs.
  const packageMain = /^[A-Za-z_]\w*(?:\/[A-Za-z_]\w*)+\.py$/.test(reference);
  if (packageMain) candidates.push(paths.resolve(root, `${reference.slice(0, -3)}/__main__.py`));
  for (let k = 0; k < MAX_LAUNCH_DEPTH && dir !== top && dir.startsWith(top); k++) {
    dir = paths.dirname(dir);
    candidates.push(paths.resolve(dir, reference));
    if (packageMain) candidates.push(paths.resolve(dir, `${reference.slice(0, -3)}/__main__.py`));
  }
  if (sameFolderName) candidates.push(sameFolderName);
  return candidates;
}

/** A file a run links to, found: its facts are read only when the walk first reaches it. */
export interface LinkTarget {
  readonly path: string;
  readonly display: string;
  readFacts(): FileFacts;
  /** A shell script's facts read with the words a launch hands it as `$1`, `$2`, … (Fact.positional). */
  readFactsWith?(positional: readonly string[]): FileFacts;
  /** The file's text, for a look into it that is not a reading of its facts (a class counted there). */
  readText?(): string;
  /**
   * A Python module's class counted as the linking program builds it (Fact.classBuild), its building blocks looked
   * for in the modules `lookup` gives.
   */
  countClass?(build: ClassBuild, lookup: ModuleLookup): LinkedClassCount | undefined;
}

/**
 * Finds the file a reference names, relative to the file naming it (undefined: not there).
 * The folder scan answers it from facts its workers read; the editor from a text reader.
 */
export type LinkResolver = (fromPath: string, reference: string) => LinkTarget | undefined;

/** A resolver over a text reader: a target's facts are extracted when the walk needs them. */
export function linkResolverOf(read: LinkedFileReader, python: PythonParsing, deadline?: number): LinkResolver {
  return (fromPath, reference) => {
    const target = read(fromPath, reference);
    return (
      target && {
        path: target.path,
        display: target.display,
        readFacts: () => readFileFacts({ path: target.path, text: target.text }, python, deadline),
        readFactsWith: (positional) =>
          readFileFacts({ path: target.path, text: target.text, positional }, python, deadline),
        readText: () => target.text,
        countClass: (build, lookup) => countClassIn(target.path, target.text, build, python, lookup, deadline),
      }
    );
  };
}

/** A problem read in a linked file, as the linking file reports it: named after the file, its position kept there. */
function inLinkedFile(display: string, p: Problem): Problem {
  return { ...p, message: `${display}: ${p.message}`, file: p.file ?? display };
}

/**
 * `--config $TRAINING_CONFIGS_DIR/config.yaml` in a job script whose folder comes from the submitting script's
 * environment (`sbatch --export=...,TRAINING_CONFIGS_DIR=...`): when a file of that name sits beside the job script,
 * it is the one (experiment folders keep the job and its config together). Only a config, only beside the file.
 */
function besideByName(fromPath: string, link: Fact, resolve: LinkResolver): LinkTarget | undefined {
  if (link.kind !== 'link.config') return undefined;
  const m = /^["']?\$\{?\w+\}?\/([\w.-]+\.(?:ya?ml|json))["']?$/.exec(String(link.value));
  if (!m) return undefined;
  const target = resolve(fromPath, m[1]);
  const folder = (p: string) => p.slice(0, Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\')));
  return target && folder(target.path) === folder(fromPath) ? target : undefined;
}

/** The default dtype a module sets before building its model (`torch.set_default_tensor_type(torch.cuda.HalfTensor)`). */
// Also the compute dtype a package's module picks at import (packageComputeDtype.ts: COMPUTE_DTYPE_DETAIL).
// And the dtype a loader function hands from_pretrained in its keyword dict (kwargsDtype.ts: LOADER_KWARGS_DTYPE).
const isDefaultDtypeDetail = (detail: string) =>
  detail.startsWith('torch.set_default_tensor_type(') ||
  detail.startsWith('torch.set_default_dtype(') ||
  detail.startsWith(COMPUTE_DTYPE_DETAIL) ||
  detail.startsWith(LOADER_KWARGS_DTYPE);

/** Top-level keys a config must have for its keys to tell the program that reads it (configProgram.ts). */
const MIN_CONFIG_KEYS = 3;

/**
 * Links that draw only some facts of the file they reach, instead of all of them. `reserved`: facts of a linked file
 * that only such a link draws (no other link to the same file does); `ends`: the walk goes no further from there.
 */
interface NarrowLink {
  readonly via: (link: Fact, loaderWalk: boolean) => boolean;
  readonly admits: (fact: Fact, link: Fact) => boolean;
  readonly reserved?: (fact: Fact) => boolean;
  readonly ends?: boolean;
  /** What an admitted fact becomes in the linking file (a program's precision read as a default there). */
  readonly recast?: (fact: Fact) => Fact;
}
/** The value of gradFreeEntry's fact: `main under torch.no_grad()`. */
const GRADIENTS_OFF_ENTRY = /^\w{1,100} under torch\.(?:no_grad|inference_mode)\(\)$/;
const fromYacsDefaults = (f: Fact) => f.detail.startsWith(YACS_DEFAULT);
const fromConfigProgram = (f: Fact) => f.detail.startsWith(CONFIG_PROGRAM);
const NARROW_LINKS: readonly NarrowLink[] = [
  // The module defining an architecture config class a run builds (readers/architectureConfig.ts): that class's
  // default sizes, under what the run states.
  {
    via: (link) => link.detail.startsWith(ARCHITECTURE_DEFAULTS_LINK),
    admits: (f, link) => f.detail.startsWith(ARCHITECTURE_DEFAULT) && defaultHoldsForCall(f, link),
    ends: true,
  },
  // A detectron2 LazyConfig's import of another config: the values read there reach it. So does a launch's config
  // (`lazyconfig_train_net.py --config-file configs/x.py`): the file is the run's config. No other link (a Python
  // module importing it) draws them.
  {
    via: (link) =>
      link.detail.startsWith(LAZY_CONFIG_LINK) || (link.kind === 'link.config' && /\.py$/i.test(String(link.value))),
    admits: () => true,
    reserved: (f) => f.detail.startsWith(LAZY_CONFIG_VALUE),
  },
  // A yacs config's link to the program that merges it (yacsDefaults.ts): the precision that program fixes, as a
  // default the config's own AMP keys override (pickPrecision yields a YACS_DEFAULT fact to a stated one).
  {
    via: (link) => link.detail.startsWith(YACS_PROGRAM_LINK),
    admits: (f) => f.kind === 'training.precision' && f.value !== null,
    recast: (f) => ({ ...f, detail: `${YACS_DEFAULT}of its program: ${f.detail}` }),
    ends: true,
  },
  // A yacs config's link to its program's defaults module: the defaults read there (yacsDefaults.ts).
  {
    via: (link) => link.detail.startsWith(YACS_DEFAULTS_LINK),
    admits: fromYacsDefaults,
    reserved: fromYacsDefaults,
    ends: true,
  },
  // A config's link to the program that reads it into its own dataclass: the program's dtype, only when every
  // top-level key of the config is a field of that dataclass (python/configProgram.ts).
  {
    via: (link) => link.detail.startsWith(CONFIG_PROGRAM_LINK),
    admits: (f, link) =>
      fromConfigProgram(f) &&
      (link.passes?.length ?? 0) >= MIN_CONFIG_KEYS &&
      !!link.passes?.every((key) => f.fields?.includes(key)),
    reserved: fromConfigProgram,
    ends: true,
  },
  // A VITS-layout config's link to its training program (config/vitsTts.ts): the precision the program switches on
  // (TF32 at import) and the weights it starts from (a pretrained generator), not its other facts.
  {
    via: (link) => link.detail.startsWith(VITS_PROGRAM_LINK),
    admits: (f) => (f.kind === 'training.precision' || f.kind === 'model.fromScratch') && f.value !== null,
    ends: true,
  },
  // A loader's module (and what its package re-exports): the default dtype it builds the model in.
  {
    via: (link, loaderWalk) => loaderWalk || link.detail.startsWith(LOADER_LINK),
    admits: (f) =>
      (f.kind === 'training.precision' && isDefaultDtypeDetail(f.detail)) ||
      // An experiment class's base (readers/experimentClass.ts): the settings the experiment inherits.
      f.detail.startsWith(EXPERIMENT_BASE_VALUE),
    reserved: (f) => f.detail.startsWith(EXPERIMENT_BASE_VALUE),
  },
  // A setup script another sources (`source scripts/setups/train.sh`): the per-node GPU count it sets reaches the
  // sourcing script's launch; a script run as a child process (`bash setup.sh`) sets nothing in its caller.
  {
    via: (link) => link.kind === 'link.script' && link.detail.startsWith('source '),
    admits: () => true,
    reserved: (f) => f.kind === 'hardware.devices' && f.detail.startsWith(SOURCED_LAYOUT),
  },
  // A module that declares the program's flags (`add_peft_args(parser)` from it): its flags and what it states, but
  // not an adapter one of its other functions builds (`LoraConfig(...)` in a builder the program does not call; the
  // program's trainer calls it behind its own `--use_peft` switch, off by default). An adapter flag's default stays.
  {
    via: (link) => link.kind === 'link.module' && link.detail.endsWith(FLAG_MODULE_DETAIL),
    admits: (f) => f.kind !== 'training.adapter' || f.detail.startsWith('default of --'),
  },
  // A DeepSpeed config builder's module: the precision its dict switches on.
  {
    via: (link) => link.detail.startsWith(DEEPSPEED_CONFIG_LINK),
    admits: (f) => f.kind === 'training.precision' && f.detail.startsWith(DEEPSPEED_DICT_PRECISION),
  },
];

/**
 * `f`, a program's value that is one flag's default unchanged, with the literal this launch line gives that flag
 * instead (argparse parses the word into the default's type: a number stays a number, a name a name); undefined when
 * the line gives no literal for it or the word is not of that type.
 */
/** A value that is, as it is, the default of a parameter (symbols.ts: ``(default of parameter `x` (line 3))``). */
const PURE_PARAMETER_DEFAULT = /\(default of parameter `([A-Za-z_]\w{0,80})` \(line \d{1,7}\)\)$/;

/** `f` read as the default of the flag of its parameter's name, where that name is passed (a YAML config's key). */
function parameterAsFlag(f: Fact, passes: ReadonlySet<string>): Fact {
  if (f.fromFlags || f.kind.startsWith('link.')) return f;
  const name = PURE_PARAMETER_DEFAULT.exec(f.detail)?.[1];
  return name && passes.has(name) ? { ...f, fromFlags: [name], flagDefault: [name] } : f;
}

function launchValue(f: Fact, given: ReadonlyMap<string, string>, link: Fact): Fact | undefined {
  const flag = f.flagDefault?.find((x) => given.has(x));
  const word = flag === undefined ? undefined : given.get(flag);
  if (word === undefined) return undefined;
  const spelled = flag!.startsWith('-') ? flag! : `--${flag!}`;
  const fromLaunch = (value: FactValue, detail: string): Fact => ({
    kind: f.kind,
    value,
    range: link.range,
    confidence: 'medium',
    detail,
  });
  // `--name raft-chairs` where the program's `--name` default is a model the catalog knows (`raft`): a run's label, the
  // network is still the default one (modelFlagDefault reads `--name` as a model only by a known default).
  if (f.kind === 'model.id' && flag === 'name' && findModel(word) === undefined)
    return fromLaunch(f.value, `${spelled} ${word} on the launch line names the run, not a model: ${String(f.value)}`);
  // A folder (`-c /data/ckpt/`, `./out`) names no model: the model stays unknown, unless the folder is named after a
  // model the catalog knows (`../pretrained/EleutherAI_pythia-6.9b-deduped/`, a download kept under the model's name).
  if (f.kind.startsWith('model.') && !/^[A-Za-z0-9][\w.-]{0,95}(?:\/[A-Za-z0-9][\w.-]{0,95})?$/.test(word)) {
    const kept = f.kind === 'model.id' ? modelIdOfFolder(word) : undefined;
    return kept ? fromLaunch(kept, `${spelled} ${word} on the launch line: a folder named after ${kept}`) : undefined;
  }
  // A value the flag's word picks (a plugin name → its precision): the launch's word picks it, or leaves it unknown.
  if (f.picks) {
    const picked = pickedBy(f.picks, word);
    if (picked === undefined || picked === null) return undefined;
    return fromLaunch(
      picked,
      `${spelled} ${word} on the launch line picks ${String(picked)} (the program's default: ${String(f.value)})`,
    );
  }
  // A length the program leaves unknown (a loop bound flag without a default, stepBoundFlag.ts) is the launch's number.
  const numeric = typeof f.value === 'number' || (f.value === null && STEP_KINDS.has(f.kind));
  // A precision is the one the launch's word spells, however it spells it (`--dtype bfloat16` for the default's bf16).
  const value = numeric
    ? Number(word)
    : f.kind === 'training.precision'
      ? (normalisePrecision(word) ?? undefined)
      : typeof f.value === 'string'
        ? word
        : undefined;
  if (value === undefined || (typeof value === 'number' && !Number.isFinite(value))) return undefined;
  if (f.value === null && !(typeof value === 'number' && value > 0)) return undefined;
  // `$GPUS`: a variable of the environment the launch starts the program with (shellFacts.ts), read by the program.
  const said = flag!.startsWith('$')
    ? `${flag!.slice(1)}=${word} in the environment the launch sets`
    : `${spelled} ${word} on the launch line`;
  return fromLaunch(value, `${said} (the program's default: ${String(f.value)})`);
}

/**
 * `f`, a value a flag picks whatever word it is given (its picks hold `*`: `--finetune <checkpoint>` loads trained
 * weights, the empty default none), where this launch line passes that flag with a word it does not spell out
 * (`--finetune ${MODEL_PATH}`): the value that any word picks.
 */
function anyWordPick(f: Fact, passes: ReadonlySet<string>, link: Fact): Fact | undefined {
  const any = f.picks?.find(([pick]) => pick === '*');
  const flag = f.flagDefault?.find((x) => passes.has(x));
  if (!any || flag === undefined || any[1] === null) return undefined;
  const spelled = flag.startsWith('-') ? flag : `--${flag}`;
  return {
    kind: f.kind,
    value: any[1],
    range: link.range,
    confidence: 'medium',
    detail: `${spelled} given on the launch line (the program's default leaves it empty: ${String(f.value)})`,
  };
}

/**
 * The values a config the program links to gives the program's own keyed reads (`epochs = config.get('epochs_1st',
 * 200)` against the config's `epochs_1st: 100`): each such fact of the program, with the config's number (less the
 * loop's start). A config that does not set the key leaves the program's default.
 */
function keyedValues(facts: readonly Fact[], link: Fact, linked: readonly Fact[], display: string): Fact[] {
  if (link.kind === 'link.script') return keyedValuesOfLinker(facts, linked, display);
  if (link.kind !== 'link.config') return [];
  const keyed = facts.filter((f) => f.configKey !== undefined && f.file === link.file);
  if (keyed.length === 0) return [];
  const out: Fact[] = [];
  for (const f of keyed) {
    const set = linked.find((c) => c.kind === 'config.value' && c.value === f.configKey && !c.file);
    const n = set ? Number(set.detail) : NaN;
    if (!Number.isSafeInteger(n) || n <= 0) continue;
    const value = Math.max(0, n - (f.configKeyOffset ?? 0));
    out.push({
      kind: f.kind,
      value,
      range: set!.range,
      confidence: 'high',
      detail: `${f.configKey}: ${n} in ${display}, read by the program (line ${f.range.startLine + 1})`,
      file: display,
    });
  }
  return out;
}

/**
 * The other way round: a config that is the run and names the program it is handed to (`-c confs/x.yaml` to
 * `train.py`, whose loop reads `C.get()['epoch']`): the program's keyed reads take this config's numbers.
 */
function keyedValuesOfLinker(facts: readonly Fact[], program: readonly Fact[], display: string): Fact[] {
  const out: Fact[] = [];
  for (const f of program) {
    if (f.configKey === undefined || f.file !== undefined) continue;
    const set = facts.find((c) => c.kind === 'config.value' && c.value === f.configKey && !c.file);
    const n = set ? Number(set.detail) : NaN;
    if (!Number.isSafeInteger(n) || n <= 0) continue;
    out.push({
      kind: f.kind,
      value: Math.max(0, n - (f.configKeyOffset ?? 0)),
      range: set!.range,
      confidence: 'high',
      detail: `${f.configKey}: ${n}, read by ${display} (line ${f.range.startLine + 1})`,
    });
  }
  return out;
}

/**
 * The counts a program sums from flags its options module declares (`range(start_epoch, opt.niter + opt.niter_decay +
 * 1)`, Fact.flagSum) once that module is linked: each flag the launch gives a number takes it, the rest their defaults
 * there (`flag.default`). A flag the launch passes without a number it spells out, or one the module does not give a
 * whole number, leaves the count unknown.
 */
function flagSumValues(
  facts: readonly Fact[],
  link: Fact,
  linked: readonly Fact[],
  display: string,
  passes: ReadonlySet<string> | undefined,
  given: ReadonlyMap<string, string> | undefined,
): Fact[] {
  if (link.kind !== 'link.module' || !link.detail.endsWith(FLAG_MODULE_DETAIL)) return [];
  const pending = facts.filter((f) => f.flagSum && f.value === null && f.file === link.file);
  if (pending.length === 0) return [];
  const defaults = new Map<string, Fact>();
  for (const c of linked) if (c.kind === 'flag.default' && !c.file) defaults.set(String(c.value), c);
  const out: Fact[] = [];
  for (const f of pending) {
    let total = f.flagSum!.constant;
    const parts: string[] = [];
    let anchor: Fact | undefined;
    for (const [flag, sign] of f.flagSum!.flags) {
      const launched = given?.get(flag);
      const fromLaunch = launched !== undefined && /^\d{1,9}$/.test(launched) ? Number(launched) : undefined;
      const declared = defaults.get(flag);
      const n = fromLaunch ?? (passes?.has(flag) ? undefined : declared ? Number(declared.detail) : undefined);
      if (n === undefined || !Number.isSafeInteger(n)) {
        total = NaN;
        break;
      }
      anchor ??= fromLaunch === undefined ? declared : undefined;
      total += sign * n;
      parts.push(`--${flag} ${n}${fromLaunch === undefined ? '' : ' (launch)'}`);
    }
    if (!Number.isSafeInteger(total) || total <= 0) continue;
    out.push({
      kind: f.kind,
      value: total,
      range: anchor?.range ?? f.range,
      confidence: 'medium',
      detail: `${f.detail.replace(/: bound cannot be read statically$/, '')}: ${parts.join(', ')} (flags declared in ${display})`,
      file: anchor ? display : f.file,
    });
  }
  return out;
}

/** A linked config's value of a key the linking config scales (`train.max_iter *= 4`): the scaled value. */
function scaledValue(f: Fact, link: Fact, display: string): Fact | undefined {
  const scale = link.scales?.find(([key]) => f.fromFlags?.includes(key));
  if (!scale || typeof f.value !== 'number' || !Number.isInteger(f.value)) return undefined;
  const [key, times, over] = scale;
  const value = Math.floor((f.value * times) / over);
  if (!Number.isSafeInteger(value) || value <= 0) return undefined;
  const by = over === 1 ? `× ${times}` : `× ${times} // ${over}`;
  return {
    kind: f.kind,
    value,
    range: link.range,
    confidence: 'medium',
    detail: `${key} ${by} over ${display}'s ${f.value} (${f.detail})`,
  };
}

/** The files one run's link walk has read (each is read once), and which of the scripts among them start nothing. */
class SeenFiles extends Set<string> {
  readonly startingNothing = new Set<string>();
}

/**
 * The size of the network a program builds from a class of another module (Fact.classBuild on a `link.class`): the
 * class counted in its module with the arguments the program gives it, as a fact of that module. A module the
 * repository does not hold (an installed package's) gives nothing.
 */
function countedClassFacts(fromPath: string, link: Fact, resolve: LinkResolver): Fact[] {
  const entry = resolve(fromPath, String(link.value));
  if (!entry?.countClass) return [];
  const displays = new Map<string, string>([[entry.path, entry.display]]);
  const lookup: ModuleLookup = (from, reference) => {
    const target = resolve(from, reference);
    const text = target?.readText?.();
    if (!target || text === undefined) return undefined;
    displays.set(target.path, target.display);
    return { path: target.path, text };
  };
  const count = entry.countClass(link.classBuild!, lookup);
  // A class whose layers add up to nothing (a wrapper holding a model it loads: `self.model, _ = clip.load(name)`) has
  // no size here; a part whose size is not stated leaves it unknown, as no fact.
  return count && count.params !== null && count.params > 0
    ? classCountFacts(count, link.classBuild!.className, displays.get(count.path) ?? entry.display)
    : [];
}

function classCountFacts(count: LinkedClassCount, className: string, file: string): Fact[] {
  const facts: Fact[] = [
    {
      kind: 'model.params',
      value: count.params,
      range: count.range,
      confidence: count.params === null ? 'low' : 'medium',
      detail: count.why,
      file,
    },
  ];
  const cost =
    count.params !== null
      ? forwardCostOfCount(className, count.params, count.hasConvolution, () => count.usesEmbeddings)
      : undefined;
  if (cost) {
    facts.push({ kind: 'model.forwardFlopsPerSample', range: count.range, file, ...cost.flops });
    if (cost.convolutional)
      facts.push({
        kind: 'model.convolutional',
        value: className,
        range: count.range,
        confidence: 'medium',
        detail: cost.convolutional,
        file,
      });
  }
  return facts;
}

/** Facts of the files `facts` link to, tagged with their file; launcher flags stay first so they win. */
function linkedFacts(
  fromPath: string,
  facts: readonly Fact[],
  resolve: LinkResolver,
  seen: SeenFiles,
  depth: number,
  problems: Problem[],
  errors: Problem[],
  modules?: Set<string>,
  chain = 0,
  passedAbove: readonly string[] = [],
  loaderWalk = false,
  choices: readonly string[] = [],
  givenAbove?: { readonly values: ReadonlyMap<string, string>; readonly launch: Fact },
): Fact[] {
  if (depth > MAX_LINK_DEPTH || chain > MAX_CONFIG_CHAIN) return [];
  const out: Fact[] = [];
  for (const f of facts)
    if (f.kind === 'link.class' && f.classBuild) out.push(...countedClassFacts(fromPath, f, resolve));
  const links = facts.filter(
    (f) =>
      (f.kind === 'link.config' || f.kind === 'link.script' || f.kind === 'link.module') && typeof f.value === 'string',
  );
  // Configs before scripts before modules a script calls into: an accelerate config or command-line value
  // outranks the script's defaults, and the script's own values outrank a module's.
  // A look at an architecture config's defaults claims neither the name nor the file (below): it goes before the other
  // links to modules, which would claim them.
  const order = (f: Fact) =>
    f.kind === 'link.config'
      ? 0
      : f.kind === 'link.script'
        ? 1
        : f.detail.startsWith(ARCHITECTURE_DEFAULTS_LINK)
          ? 1.5
          : 2;
  links.sort((a, b) => order(a) - order(b));
  const asked = new Set<string>();
  const separate = depth === 1 ? separatelyLaunched(facts) : undefined;
  const laterConfigs = depth === 1 ? laterLaunchedConfigs(facts) : undefined;
  // Files named but not found: each said up to a point, then counted (a generated file may name thousands).
  let unfound = 0;
  let capped = false;
  const unfoundProblem = (message: string, link: Fact) => {
    if (++unfound <= MAX_UNFOUND_LINK_MESSAGES)
      problems.push(problemAt(message, link.range.startLine, link.range.startCol));
  };
  for (const link of links) {
    const reference = String(link.value);
    // A package `__init__`'s re-exports are followed only from a loader's link, and from there nothing else is.
    if (link.detail.startsWith(REEXPORT_LINK) !== loaderWalk) continue;
    // A look for a compute dtype a package module picks (packageComputeDtype.ts) claims neither the name nor the file:
    // another link to the same module still draws all its facts.
    // So does a look at the default sizes of an architecture config class the run builds (architectureConfig.ts).
    const look =
      link.detail.startsWith(LOADER_LINK + COMPUTE_DTYPE_LOOK) || link.detail.startsWith(ARCHITECTURE_DEFAULTS_LINK);
    // The same name launched on many lines (a generated script) is looked up once.
    if (asked.has(reference)) continue;
    if (!look) asked.add(reference);
    // The programs a script runs are read past the cap, within a few more files: a script that runs one test program
    // over thirty configs (LIIF's test-benchmark.sh) is that program's run, and configs are walked first.
    if (seen.size > MAX_LINKED_FILES + (link.kind === 'link.script' ? SCRIPTS_PAST_CAP : 0)) {
      if (!capped)
        problems.push(
          problemAt(
            `more than ${MAX_LINKED_FILES} linked files; ${printable(reference).slice(0, 100)} and the rest are not read`,
            link.range.startLine,
            link.range.startCol,
          ),
        );
      capped = true;
      continue;
    }
    const target = resolve(fromPath, reference) ?? besideByName(fromPath, link, resolve);
    if (!target) {
      // A low-confidence link names a usual place (a harness's defaults file), not a file the run needs: no warning.
      if (link.confidence === 'low') continue;
      // `scripts/$TASK.py`: a name filled in when the job runs (an argument, an environment variable).
      const variable = /\$\{?\w+\}?/.exec(reference)?.[0];
      if (variable) {
        unfoundProblem(
          `${printable(reference).slice(0, 200)} (named at line ${link.range.startLine + 1}) depends on ${printable(variable)}, set when the script is run; its settings are not included`,
          link,
        );
        continue;
      }
      unfoundProblem(
        `${printable(reference).slice(0, 200)} (named at line ${link.range.startLine + 1}) was not found; its settings are not included`,
        link,
      );
      continue;
    }
    if (seen.has(target.path)) {
      // A script read earlier in this walk (batch.sh runs a.sh and b.sh, both running eval.py) is not read again; if it
      // was found to start nothing, this line starts nothing either, as the first line that ran it does.
      if (link.kind === 'link.script' && seen.startingNothing.has(target.path))
        out.push({ ...link, kind: 'link.noRun', file: target.display, detail: `${target.display} starts no run` });
      continue;
    }
    if (!look) seen.add(target.path);
    // A script handed words as its positional parameters reads them (`model=$3`): read with them.
    const read1 = link.positional && target.readFactsWith ? target.readFactsWith(link.positional) : target.readFacts();
    // A later config of a launch list that defines a run of its own is that run, not part of this one. (One program
    // run over many configs that are no runs alone, a test script over thirty benchmark configs, draws them all.)
    if (
      link.kind === 'link.config' &&
      !link.file &&
      laterConfigs?.has(reference) &&
      read1.facts.some(
        (f) =>
          !f.file &&
          ((f.kind === 'launch.trainer' && !String(f.value).startsWith('construct:')) || f.kind === 'launch.inference'),
      )
    ) {
      modules?.add(target.path);
      continue;
    }
    // A module a script imports a function from stays a file of its own in a report (it may run as main too).
    // A configargparse config's program (configArgparse.ts) is also run without a config, with its own defaults.
    // A script one of several steps of a pipeline stays one too, unless it exits without the words it is handed (a
    // step of its callers only: `finetune.sh` checking `$# -ne 10`).
    // A training config a program only builds its model from (it runs inference) is still run by its trainer: a run
    // of its own too (factsToSpec.ts infersWithTrainingConfig). Not one named for generating (`configs/generate.yaml`,
    // `sample_config.yaml`): that is the generating program's.
    const trainingConfigOfInference =
      link.kind === 'link.config' &&
      !GENERATING_CONFIG_NAME.test(target.path.slice(target.path.lastIndexOf('/') + 1)) &&
      facts.some((f) => !f.file && f.kind === 'launch.inference') &&
      !facts.some((f) => !f.file && f.kind === 'launch.trainer') &&
      read1.facts.some((f) => !f.file && f.kind === 'launch.trainer');
    // A run config another derives from (`_BASE_: ../maskformer2_R50_bs16_160k.yaml` under a Swin variant, an
    // OpenMMLab `_base_` that is a whole run): inheriting its settings does not run it, so it stays a run of its own.
    const inheritedRun =
      link.kind === 'link.config' &&
      [MM_BASE_LINK, DETECTRON2_BASE_LINK, BASE_LIST_LINK, ARGBIND_INCLUDE_LINK].some((prefix) =>
        link.detail.startsWith(prefix),
      ) &&
      read1.facts.some((f) => !f.file && startsARun(f));
    if (
      (link.kind === 'link.module' && !look) ||
      trainingConfigOfInference ||
      inheritedRun ||
      (separate?.has(reference) && !(link.positional?.length && needsItsArguments(read1.facts))) ||
      link.detail.startsWith(ARG_CONFIG_LINK) ||
      link.detail.startsWith(YAML_CONFIG_LINK)
    )
      modules?.add(target.path);
    // A linked file's problems keep their position in that file; the message names the file.
    for (const p of read1.problems) problems.push(inLinkedFile(target.display, p));
    for (const e of read1.errors) errors.push(inLinkedFile(target.display, e));
    // A value the program works out from a flag this launch passes (`--depth=24` against `n_embd = depth * 64`
    // read at the default 20) is not this run's: left out, so the launch's own value or an honest unknown stands.
    // Keys passed further up the chain (`model_name=` on the launch line, over a config over its base) reach it too.
    const passedHere = [...passedAbove, ...(link.passes ?? [])];
    const passes = passedHere.length > 0 ? new Set(passedHere) : undefined;
    // What a loader's module links to (its package's re-exports) is read as a loader's module too (NARROW_LINKS).
    const toLoader = loaderWalk || link.detail.startsWith(LOADER_LINK);
    // A module of several settings functions gives only those the program calls (the rest are alternatives).
    // A program that only runs a model forward (its own launch.inference, no trainer of its own) and imports helpers
    // from a config-driven training program (`from main import instantiate_from_config`, main.py taking --base): that
    // program trains only with the configs it is given, which are runs of their own; importing it starts none of it
    // (nor does its Trainer construction, made in its main block).
    const helpersOfConfigDriven =
      link.kind === 'link.module' &&
      facts.some((f) => !f.file && f.kind === 'launch.inference') &&
      !facts.some((f) => !f.file && f.kind === 'launch.trainer') &&
      read1.facts.some(isConfigDrivenVerdict);
    // A program whose entry function runs with gradients off (gradFreeEntry.ts: `@torch.no_grad()` on the function the
    // main guard calls) can take no gradient step, whatever the module it imports its model builder from trains.
    // So can a program that only predicts with an object of a project class (projectModelPredicts.ts): the class's
    // module keeps its training in methods this program never calls.
    const gradientsOff =
      link.kind === 'link.module' &&
      facts.some(
        (f) =>
          !f.file &&
          f.kind === 'launch.inference' &&
          (GRADIENTS_OFF_ENTRY.test(String(f.value)) || String(f.value).startsWith(PREDICTS_WITH_PROJECT_CLASS)),
      ) &&
      !facts.some((f) => !f.file && f.kind === 'launch.trainer');
    // A module whose training or inference calls run only in its own self-tests (`_test_…` functions its main guard
    // calls, isSelfTestVerdict): importing a layer or helper from it (`from scaling import ScaledLinear`) runs none of
    // them, so they start nothing in the importer.
    const selfTestsOnly = link.kind === 'link.module' && read1.facts.some(isSelfTestVerdict);
    // A console script a launch line runs (`lora_pti --flags`): of the package's setup.py, only that command's entry.
    const command = link.detail.startsWith(CONSOLE_SCRIPT_LINK)
      ? link.detail.slice(CONSOLE_SCRIPT_LINK.length)
      : undefined;
    const drawn = read1.facts.filter(
      (f) =>
        (command === undefined || isEntryOf(f, command)) &&
        (f.within === undefined || !!link.functions?.includes(f.within)) &&
        !(selfTestsOnly && !f.file && (f.kind === 'launch.trainer' || f.kind === 'launch.inference')) &&
        !(helpersOfConfigDriven && (f.kind === 'launch.trainer' || f.kind === 'launch.inference')) &&
        !(gradientsOff && f.kind === 'launch.trainer'),
    );
    // Hydra group choices made on the launch line (`model=llama`) reach the program's primary config down the walk.
    const chosenHere = link.choices ?? choices;
    const composing = chosenHere.length > 0 ? withGroupChoices(drawn, chosenHere) : drawn;
    const narrow = NARROW_LINKS.filter((n) => n.via(link, loaderWalk));
    // A value that is one flag's default as it is, where this launch line gives that flag a literal (`--steps=200`
    // against `range(args.steps)` read at its default 100): the launch's value, said on the launch line.
    // The literals a launch line gives a Python program reach the modules it imports too, as its flags do (below):
    // `--alg=ppo2` against the `--alg` default of the parser module the program builds its flags from.
    const given = depth === 1 && link.passedValues ? { values: new Map(link.passedValues), launch: link } : givenAbove;
    // A fact the launch sets through a flag with a value it does not spell out (`--num_steps ${NUM_STEPS}`): another
    // flag's default of the same kind (`--train_iters` default 4, read as steps too) is not this run's value either.
    const unspelled = new Set<FactKind>();
    // A typer command's parameters are its flags (typer docs: each parameter of the command is a CLI option): where a
    // YAML of its parameters is passed (yamlProgramConfig.ts), a value that is a parameter's default as it is, of a
    // parameter the YAML sets, takes the YAML's value as a launch's flag would.
    const asFlags =
      link.detail.startsWith(YAML_CONFIG_LINK) && passes ? drawn.map((f) => parameterAsFlag(f, passes)) : drawn;
    const tagged = asFlags
      .filter((f) => !f.kind.startsWith('link.'))
      .filter((f) => !link.redeclared || !flagsOf(f.detail).some((x) => link.redeclared!.includes(x)))
      .filter((f) => NARROW_LINKS.every((n) => (narrow.includes(n) ? n.admits(f, link) : !n.reserved?.(f))))
      .map((f) => narrow.reduce((g, n) => n.recast?.(g) ?? g, f))
      .flatMap((f): Fact[] => {
        if (!(passes && f.fromFlags?.some((x) => passes.has(x)))) return [{ ...f, file: f.file ?? target.display }];
        const passed =
          (given && launchValue(f, given.values, given.launch)) ||
          anyWordPick(f, passes, link) ||
          scaledValue(f, link, target.display);
        if (passed || !STEP_KINDS.has(f.kind) || unspelled.has(f.kind)) return passed ? [passed] : [];
        unspelled.add(f.kind);
        const flag = f.flagDefault?.find((x) => passes.has(x)) ?? f.fromFlags?.find((x) => passes.has(x)) ?? '';
        return [
          {
            kind: f.kind,
            value: null,
            range: link.range,
            confidence: 'low',
            detail: `--${flag} is given on the launch line a value it does not spell out (the program's default ${String(f.value)} is not this run's)`,
          },
        ];
      })
      .filter(
        (f) => !(unspelled.has(f.kind) && f.value !== null && f.fromFlags !== undefined && f.file === target.display),
      );
    // A config a config composes does not count as a level of the launch → script → config walk.
    // Nor does a Hydra program's primary config (`@hydra.main(config_path=..., config_name=...)`): it is the program's
    // own defaults, composed with the groups it names (and the launch line's choices of them) before the program runs.
    const composed =
      (link.kind === 'link.config' &&
        (((link.detail.startsWith('defaults: ') ||
          link.detail.startsWith('base_config: ') ||
          link.detail.startsWith('include: ') ||
          link.detail.startsWith(MMF_INCLUDE) ||
          link.detail.startsWith(BASE_LIST_LINK)) &&
          isConfigFile(fromPath)) ||
          link.detail.startsWith(HYDRA_MAIN_LINK)) &&
        isConfigFile(target.path)) ||
      // An Amphion recipe's `base_config` chain (JSON files merged over each other by its loader) is one config too.
      (link.kind === 'link.config' &&
        link.detail.startsWith(AMPHION_BASE_LINK) &&
        /\.json$/i.test(fromPath) &&
        /\.json$/i.test(target.path)) ||
      // An OpenMMLab config's `_base_` chain (a backbone variant on a detector on a schedule: four files is common)
      // is one config spread over files, as a Hydra experiment's defaults are; each hop is not a launch level.
      (link.kind === 'link.config' &&
        link.detail.startsWith(MM_BASE_LINK) &&
        isConfigModuleOrFile(fromPath) &&
        isConfigModuleOrFile(target.path)) ||
      // So is a detectron2 LazyConfig's import of the config it takes its objects from (`from .mask_rcnn_b_100ep import
      // model, train`, then a few values changed): a `_base_` written as an import.
      (link.kind === 'link.config' &&
        link.detail.startsWith(LAZY_CONFIG_LINK) &&
        /\.py$/i.test(fromPath) &&
        /\.py$/i.test(target.path));
    // A shell script that runs another (`eval_all.sh` → `eval_task.sh` → `eval_multiprocess.sh` → the program): a
    // wrapper hop, not a level of the launch → program → config walk; counted on the chain's own bound instead.
    const wrapper = link.kind === 'link.script' && isShellScript(fromPath) && isShellScript(target.path);
    // An experiment composed into another (`- /experiment/pile/base_run.yaml`) is still launched alone too: it stays a
    // run of its own in a report, as a module a script calls does.
    if (
      link.kind === 'link.config' &&
      read1.facts.some((f) => f.kind === 'run.framework' && STANDALONE_CONFIGS.has(String(f.value)))
    )
      modules?.add(target.path);
    const deeper = narrow.some((n) => n.ends)
      ? []
      : composed || wrapper
        ? linkedFacts(
            target.path,
            composing,
            resolve,
            seen,
            depth,
            problems,
            errors,
            modules,
            chain + 1,
            passedHere,
            false,
            chosenHere,
          )
        : linkedFacts(
            target.path,
            composing,
            resolve,
            seen,
            depth + 1,
            problems,
            errors,
            modules,
            0,
            // The flags a launch passes a Python program reach the modules it imports too: they parse the same
            // command line (`train.py` calling `pkg.train.train()`, whose argparse reads `--algo sac`).
            link.kind === 'link.script' && /\.py$/.test(target.path) ? passedHere : [],
            toLoader,
            chosenHere,
            link.kind === 'link.script' && /\.py$/.test(target.path) ? given : undefined,
          );
    // An Amphion recipe config a Python program loads by path (`load_config("s2a_egs/x.json")`) is that program's
    // model settings: whether the program trains is its own calls' to say, not the config's trainer start.
    const loadedByProgram = link.kind === 'link.config' && /\.py$/i.test(fromPath);
    const kept = (f: Fact) => !(loadedByProgram && f.kind === 'launch.trainer' && f.value === AMPHION_TRAINER);
    const sums = flagSumValues(facts, link, read1.facts, target.display, passes, given?.values);
    // A count summed from flags (`opt.n_epochs + opt.n_epochs_decay`) replaces what one of its terms' defaults says
    // alone (`--n_epochs` default 200, read as the epochs by its name): the loop runs the sum.
    const summed = (f: Fact) =>
      sums.some((s) => s.kind === f.kind) &&
      facts.some((p) => p.kind === f.kind && p.flagSum?.flags.some(([flag]) => f.detail === `default of --${flag}`));
    out.push(
      ...tagged.filter((f) => kept(f) && !summed(f)),
      ...deeper.filter((f) => kept(f) && !summed(f)),
      ...keyedValues(facts, link, read1.facts, target.display),
      ...sums,
    );
    // A script the line runs in which nothing reads as a model, a run or its settings (an upload helper, a
    // router beside the workload, a dataset filter: INCIDENTAL_FACTS): the line is no run (factsToSpec). A script with such facts but no start we
    // can read (an evaluation loop of its own) keeps the line a run.
    if (link.kind === 'link.script' && startsNothing(target.display, read1.facts, [...tagged, ...deeper])) {
      seen.startingNothing.add(target.path);
      out.push({ ...link, kind: 'link.noRun', file: target.display, detail: `${target.display} starts no run` });
    }
    // A program that runs only with the config it is given (a config-driven verdict: OpenMMLab's `tools/train.py
    // CONFIG`), launched by a generic wrapper that hands on its own arguments (`CONFIG=$1 … train.py $CONFIG`): the
    // line names no run; one that hands it a config file keeps the run (factsToSpec: the config is the run).
    else if (
      depth === 1 &&
      link.kind === 'link.script' &&
      read1.facts.some((f) => isConfigDrivenVerdict(f) && !namesItsConfig(f, link.passedValues))
    )
      out.push({
        ...link,
        kind: 'link.noRun',
        file: target.display,
        detail: `${target.display} runs only with a config it is given`,
      });
  }
  if (unfound > MAX_UNFOUND_LINK_MESSAGES)
    problems.push(
      problemAt(
        `${unfound - MAX_UNFOUND_LINK_MESSAGES} more named files were not found or depend on variables set when the script is run; their settings are not included`,
      ),
    );
  return out;
}

/**
 * The primary config a Hydra program names (`@hydra.main(config_path="configs", config_name="pretrain")`) when the
 * repository does not hold it: Hydra stops at start-up without it (MissingConfigException) unless the command line
 * names another (`--config-name`), so the program alone starts nothing; the configs it is run with are the runs.
 */
function missingHydraPrimary(path: string, facts: readonly Fact[], resolve: LinkResolver): string | undefined {
  if (!/\.py$/i.test(path)) return undefined;
  const primary = facts.find(
    (f) => !f.file && f.kind === 'link.config' && typeof f.value === 'string' && f.detail.startsWith(HYDRA_MAIN_LINK),
  );
  if (!primary) return undefined;
  const reference = String(primary.value);
  return (resolve(path, reference) ?? besideByName(path, primary, resolve)) ? undefined : reference;
}

/**
 * A Hydra config's links with the launch line's group choices applied (hydra.cc, "Override grammar": `model=llama`
 * picks the option `llama` of the group `model` the primary config's defaults list names, `model: ???` being a choice
 * every launch must make): the chosen option's file (`<this folder>/model/llama.yaml`) is composed in place of the
 * list's own option. Choices for groups the list does not name change nothing here.
 */
function withGroupChoices(facts: readonly Fact[], choices: readonly string[]): readonly Fact[] {
  const options = new Map<string, string>();
  for (const c of choices) {
    const at = c.indexOf('=');
    if (at > 0) options.set(c.slice(0, at), c.slice(at + 1));
  }
  const groups = facts.filter((f) => f.kind === 'link.hydraGroup' && options.has(String(f.value)));
  if (groups.length === 0) return facts;
  const replaced = new Set(groups.map((g) => g.range.startLine));
  const kept = facts.filter((f) => !(f.kind === 'link.config' && replaced.has(f.range.startLine) && !f.file));
  const added: Fact[] = [];
  for (const g of groups) {
    const option = options.get(String(g.value))!;
    const file = groupFile(`${String(g.value)}/${option}`);
    if (!file) continue;
    added.push({
      kind: 'link.config',
      value: file,
      range: g.range,
      confidence: 'medium',
      detail: `defaults: ${String(g.value)}=${option} (the launch line's choice of the Hydra group ${String(g.value)})`,
    });
  }
  return [...added, ...kept];
}

/** A config named for generating or evaluating, not training (`generate.yaml`, `v1-inference.yaml`, `sample_cfg.json`). */
const GENERATING_CONFIG_NAME =
  /(?:^|[_.-])(?:generate|generation|infer|inference|sample|sampling|predict|eval|evaluate|test|demo)(?:[_.-]|$)/i;

/** A script that exits unless given its positional arguments (shellFacts.ts argumentsGuard). */
function needsItsArguments(facts: readonly Fact[]): boolean {
  return facts.some((f) => !f.file && f.kind === 'run.commandLine' && f.value === NEEDS_ITS_ARGUMENTS);
}

/**
 * The files of one link kind a script's own launch lines name, each with the first line naming it, when the script
 * has two or more launch lines and they name two or more different files on different lines (not one program over a
 * loop, nor one line naming two files); else undefined.
 */
function namedOnLaunchLines(
  facts: readonly Fact[],
  kind: 'link.script' | 'link.config',
): Map<string, number> | undefined {
  const launchLines = new Set(
    facts.filter((f) => !f.file && f.kind === 'launch.trainer').map((f) => f.range.startLine),
  );
  if (launchLines.size < 2) return undefined;
  const named = new Map<string, number>();
  for (const f of facts)
    if (!f.file && f.kind === kind && launchLines.has(f.range.startLine) && typeof f.value === 'string')
      if (!named.has(f.value)) named.set(f.value, f.range.startLine);
  return named.size >= 2 && new Set(named.values()).size >= 2 ? named : undefined;
}

/**
 * Programs a launch script starts on launch lines of their own, when it starts two or more different ones (a
 * benchmark or pipeline script: `python a.py "$args"` then `accelerate launch ... b.py`): each is a run of its own
 * and stays one in a report, rather than taking the values of the first program the script runs.
 */
function separatelyLaunched(facts: readonly Fact[]): Set<string> | undefined {
  const programs = namedOnLaunchLines(facts, 'link.script');
  return programs ? new Set(programs.keys()) : undefined;
}

/**
 * The configs a launch list hands its program after the first: a script whose launch lines hand it different
 * config files (`--config configs/a.py --mode train`, later `--config configs/b.py`) lists several runs, each the run
 * its config defines. The script's own run is its first launch; the later configs that define a run of their own are
 * not drawn into it (their length, mode and model are not its) and stay runs of their own in a report.
 */
function laterLaunchedConfigs(facts: readonly Fact[]): Set<string> | undefined {
  const configs = namedOnLaunchLines(facts, 'link.config');
  if (!configs) return undefined;
  const first = Math.min(...configs.values());
  return new Set([...configs].filter(([, line]) => line !== first).map(([value]) => value));
}

/**
 * Facts a data or bookkeeping program holds too (the dataset it filters, its flags, a tracking project): a
 * script the line runs with nothing but these (`filter_cutoff_date.py` loading one dataset) names no model and
 * starts nothing we read, so the line is no run, as for a script with no fact at all.
 */
const INCIDENTAL_FACTS: ReadonlySet<FactKind> = new Set<FactKind>([
  'training.dataset',
  'training.datasetConfig',
  'training.datasetTokens',
  'training.datasetSamples',
  'run.commandLine',
  'tracking.project',
  'mlc.setting',
  'config.value',
  'flag.default',
]);
// A module the program imports is structure, not a reading: what that module holds that is a run's is drawn beside it.
const incidental = (f: Fact) =>
  INCIDENTAL_FACTS.has(f.kind) || f.kind === 'link.module' || (f.kind === 'run.entry' && f.value === false);

/**
 * Whether a script a line runs starts nothing: all it holds is incidental, or it is a wrapper (a SLURM job script,
 * a shell script) whose launch lines all run scripts found to start nothing (`./prepare.sh` → `python merge_docs.py`),
 * with at most the resources it asks for (`#SBATCH --nodes=1`) beside them: a job that runs no run is none.
 * `own` is the script's own facts (its links), `drawn` what was drawn from it and the files it links to.
 */
function startsNothing(display: string, own: readonly Fact[], drawn: readonly Fact[]): boolean {
  if (drawn.every(incidental)) return true;
  // The lines of this script whose script was found to start nothing (the inert link keeps the line it was named on).
  const inertLines = new Set(
    drawn
      .filter(
        (f) =>
          f.kind === 'link.noRun' &&
          own.some(
            (l) =>
              l.kind === 'link.script' && !l.file && l.range.startLine === f.range.startLine && l.value === f.value,
          ),
      )
      .map((f) => f.range.startLine),
  );
  if (inertLines.size === 0) return false;
  // What a script found to start nothing holds (its launch of a data program, its own resources) starts nothing here.
  const inertFiles = new Set(drawn.filter((f) => f.kind === 'link.noRun').map((f) => f.file));
  // The commands on those lines, continuation lines included. The model one of them names (`--model M` handed to an
  // endpoint client, a converter, a download), and an evaluation its flags' names suggest (`--load_cached_preds
  // --test_generator`), are said to a script that starts nothing; training settings passed on it (`--num_train_epochs
  // 3 --bf16`, `--finetuning_type lora` to a CLI program that shows nothing of its own) are a run's.
  const inertCommands = drawn
    .filter((f) => f.kind === 'launch.trainer' && f.file === display && inertLines.has(f.range.startLine))
    .map((f) => f.range);
  const saidToNothing = (f: Fact) =>
    (f.kind.startsWith('model.') || (f.kind === 'training.mode' && f.value === 'inference')) &&
    f.file === display &&
    inertCommands.some((r) => f.range.startLine >= r.startLine && f.range.endLine <= r.endLine);
  return drawn.every(
    (f) =>
      incidental(f) ||
      (f.file !== display && inertFiles.has(f.file)) ||
      f.kind === 'link.noRun' ||
      f.kind === 'launch.repeat' ||
      f.kind.startsWith('hardware.') ||
      (f.kind === 'launch.trainer' && f.file === display && inertLines.has(f.range.startLine)) ||
      saidToNothing(f),
  );
}

/**
 * Walks the links of a file's facts as analyzeFileFacts does, for the resolver's sake only:
 * the folder scan runs it with a resolver that notes what it has not fetched yet.
 */
export function walkLinks(path: string, own: FileFacts, resolve: LinkResolver): void {
  if (own.kind && own.facts.length > 0) linkedFacts(path, own.facts, resolve, new SeenFiles([path]), 1, [], []);
}

export interface LinkedAnalysis extends FileAnalysis {
  /** Paths of the files this file's runs drew facts from. */
  readonly linkedFiles: readonly string[];
  /**
   * Those of linkedFiles that are modules this script calls a function of (`from train import train`):
   * they stay runs of their own in a report when they are (a module may also run as main).
   */
  readonly calledModules?: readonly string[];
}

/** The numbers of an estimate that are shown or summed: all must be finite. */
function nonFiniteIn(run: ResolvedRun, estimate: Estimate): string | null {
  const values: Array<[string, number]> = [
    ['model.params', run.model.params],
    ['model.activeParams', run.model.activeParams],
    ['flops', estimate.flops],
    ['acceleratorHours', estimate.acceleratorHours],
    ['wallClockHours', estimate.wallClockHours],
    ['energyKWh', estimate.energyKWh],
    ['co2eKg', estimate.co2eKg],
    ['co2eKgLow', estimate.co2eKgLow],
    ['co2eKgHigh', estimate.co2eKgHigh],
    ['operationalCo2eKg', estimate.operationalCo2eKg],
    ['embodiedCo2eKg', estimate.embodiedCo2eKg],
  ];
  const bad = values.find(([, v]) => typeof v !== 'number' || !Number.isFinite(v));
  if (!bad) return null;
  // Name the input that overflowed, when one did (a size of 1e308 read from a config).
  const cause = run.assumptions.find(
    (a) => typeof a.value === 'number' && (!Number.isFinite(a.value) || Math.abs(a.value) > 1e30),
  );
  return `${bad[0]} is ${String(bad[1])}${cause ? `, from ${cause.field} = ${String(cause.value)} (${printable(cause.detail).slice(0, 120)})` : ''}: a size in the code is too large to estimate`;
}

/** A model name the catalog knows, or one that states its size (`x_13b`). */
const knownModelName = (name: string) => findModel(name) !== undefined || sizeFromModelName(name) !== undefined;

export function analyzeText(
  input: AnalyzeInput,
  python: PythonParsing,
  settings: EstimateSettings,
  overrides: Overrides = {},
  read?: LinkedFileReader,
): LinkedAnalysis {
  const deadline = performance.now() + (input.timeBudgetMs ?? FILE_TIME_BUDGET_MS);
  return guarded(input, () => {
    const own = readFileFacts(input, python, deadline);
    const documented = input.documentation
      ? documentationFacts(input.relativePath ?? input.path, input.text, own.facts, input.documentation)
      : [];
    return analyzeFactsUnguarded(
      input,
      documented.length > 0 ? { ...own, facts: [...own.facts, ...documented] } : own,
      settings,
      overrides,
      read && linkResolverOf(read, python, deadline),
      deadline,
    );
  });
}

/** Runs, estimates and suggestions from a file's facts (read by readFileFacts) and the files they link to. */
export function analyzeFileFacts(
  input: Pick<AnalyzeInput, 'path' | 'text' | 'relativePath' | 'entryRules' | 'languageId' | 'timeBudgetMs'>,
  own: FileFacts,
  settings: EstimateSettings,
  overrides: Overrides = {},
  resolve?: LinkResolver,
): LinkedAnalysis {
  const deadline = performance.now() + (input.timeBudgetMs ?? FILE_TIME_BUDGET_MS);
  return guarded(input, () => analyzeFactsUnguarded(input, own, settings, overrides, resolve, deadline));
}

/** A file that runs out of time is skipped, and a bug of ours on one file does not take the rest of a report with it. */
function guarded(input: Pick<AnalyzeInput, 'path' | 'languageId'>, analyse: () => LinkedAnalysis): LinkedAnalysis {
  try {
    return analyse();
  } catch (e) {
    const kind = fileKindOf(input.path, input.languageId);
    if (e instanceof OverBudget)
      return { kind, runs: [], problems: [problemAt(e.message)], errors: [], facts: [], linkedFiles: [] };
    const message = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    return {
      kind,
      runs: [],
      problems: [],
      errors: [],
      internalError: printable(message).slice(0, 300),
      facts: [],
      linkedFiles: [],
    };
  }
}

/**
 * A notebook's launch from the top folder of a clone it made (notebookLaunch.ts) is this repository's own program
 * when that program sits at the same path from the repository's root (a walk-through that clones its own project
 * to run it on Colab); otherwise it is another project's, and the launch is left out.
 */
function withCloneLaunchChecked(path: string, own: FileFacts, resolve: LinkResolver | undefined): FileFacts {
  const launch = own.facts.filter((f) => f.detail.includes(CLONE_LAUNCH));
  if (launch.length === 0) return own;
  const script = launch.find((f) => f.kind === 'link.script' && typeof f.value === 'string');
  const reference = script ? String(script.value).replace(/^\.\//, '') : undefined;
  const target = reference !== undefined && !reference.startsWith('/') ? resolve?.(path, reference) : undefined;
  const normal = (p: string) => p.replace(/\\/g, '/');
  // Found at that path from a folder holding the notebook (the repository's root or one above the notebook).
  const found = target !== undefined ? normal(target.path) : '';
  const base = found.endsWith(`/${reference}`) ? found.slice(0, found.length - reference!.length) : undefined;
  if (base !== undefined && normal(path).startsWith(base)) return own;
  return { ...own, facts: own.facts.filter((f) => !f.detail.includes(CLONE_LAUNCH)) };
}

function analyzeFactsUnguarded(
  input: Pick<AnalyzeInput, 'path' | 'text' | 'relativePath' | 'entryRules' | 'timeBudgetMs'>,
  own: FileFacts,
  settings: EstimateSettings,
  overrides: Overrides,
  resolve: LinkResolver | undefined,
  deadline: number,
): LinkedAnalysis {
  own = withCloneLaunchChecked(input.path, own, resolve);
  const { kind, notebook } = own;
  const problems = [...own.problems];
  const errors = [...own.errors];
  if (!kind || own.facts.length === 0) return { kind, runs: [], problems, errors, facts: own.facts, linkedFiles: [] };
  const notARun = notARunReason(input, own.facts);
  if (notARun) return { kind, runs: [], problems, errors, facts: own.facts, linkedFiles: [], notARun };
  // Settings and overrides name a region and an accelerator: an unknown one fails every run, visibly.
  const unknownIds = unknownIdsIn(settings, overrides, {
    settings: 'setting (greenAI.* or .greenai.json)',
    overrides: 'override',
  });
  if (unknownIds.length > 0)
    return {
      kind,
      runs: [],
      problems,
      errors: [...errors, ...unknownIds.map((m) => problemAt(m))],
      facts: own.facts,
      linkedFiles: [],
    };
  const seen = new SeenFiles([input.path]);
  const modules = new Set<string>();
  const linked = resolve ? linkedFacts(input.path, own.facts, resolve, seen, 1, problems, errors, modules) : [];
  // A program the notebook runs in a clone it made (withCloneLaunchChecked) is the clone's copy, started with the
  // notebook's flags: the file in this folder is still run on its own, with its own defaults, and stays a run.
  // So does a training config a program only builds its model from to run it (EVALUATES_CONFIG).
  for (const f of own.facts)
    if (
      (f.kind === 'link.script' && typeof f.value === 'string' && f.detail.includes(CLONE_LAUNCH)) ||
      (f.kind === 'link.config' && typeof f.value === 'string' && f.detail.includes(EVALUATES_CONFIG))
    ) {
      const target = resolve?.(input.path, f.value.replace(/^\.\//, ''));
      if (target) modules.add(target.path);
    }
  const configless = resolve ? missingHydraPrimary(input.path, own.facts, resolve) : undefined;
  if (configless)
    return {
      kind,
      runs: [],
      problems,
      errors,
      facts: own.facts,
      linkedFiles: [],
      notARun: `a Hydra program whose primary config (${printable(configless).slice(0, 200)}) is not in the repository: it starts only with a config named on its command line (--config-name), and those configs are the runs`,
    };
  if (performance.now() > deadline)
    throw new OverBudget(skippedForTime(input.timeBudgetMs ?? FILE_TIME_BUDGET_MS, 'reading the files it links to'));
  const read = modelOptionsFound([...own.facts, ...linked], seen);
  // A gin config is a run once its includes are replayed in gin's order (extract/gin/ginRun.ts).
  // An ml_collections config built on a defaults function is sized from both (extract/mlCollectionsRun.ts).
  const facts =
    kind === 'gin'
      ? [...read, ...ginRunFacts(read, { path: input.relativePath ?? input.path })]
      : [...read, ...mlCollectionsRunFacts(read)];

  // A Python file of constants (nanoGPT's config/*.py) is a config, read like a YAML one.
  const sourceKind =
    kind === 'yaml' || kind === 'json' || kind === 'gin' || own.facts.some((f) => f.kind === 'source.configModule')
      ? 'config'
      : 'code';
  const runs: AnalyzedRun[] = [];
  // One index of the text for every quick fix of this file, built when the first is asked for.
  let textIndex: TextIndex | undefined;
  for (const found of factsToSpecs(facts, sourceKind)) {
    if (performance.now() > deadline)
      throw new OverBudget(skippedForTime(input.timeBudgetMs ?? FILE_TIME_BUDGET_MS, 'estimating its runs'));
    problems.push(...found.problems);
    const where = `line ${found.range.startLine + 1}`;
    try {
      const run = completeRun(found.spec, settings, overrides, {
        origin: 'code',
        assumptions: found.assumptions,
        unknowns: found.unknowns,
      });
      const estimate = estimateRun(run);
      const infinite = nonFiniteIn(run, estimate);
      if (infinite) {
        errors.push(
          problemAt(
            `the run at ${where} cannot be estimated: ${infinite}`,
            found.range.startLine,
            found.range.startCol,
          ),
        );
        continue;
      }
      // Quick fixes edit this file's text; a notebook's cells are edited cell by cell in the editor.
      // A run whose model size is unknown has no estimate to save from: its suggestions would rank placeholders.
      const suggestions =
        run.missing.length > 0
          ? []
          : suggestImprovements(run, estimate.co2eKg, settings, overrides).map((s) =>
              withLazyFix(s, () => (notebook ? null : fixFor(s, facts, (textIndex ??= new TextIndex(input.text))))),
            );
      // A launch inside a loop over N values is N runs: one object that says so (totals count each).
      const launchLine = found.anchors.launch?.startLine ?? found.range.endLine;
      const repeat = facts.find(
        (f) =>
          f.kind === 'launch.repeat' &&
          !f.file &&
          typeof f.value === 'number' &&
          f.range.startLine <= launchLine &&
          launchLine <= f.range.endLine,
      );
      const of = repeat ? (repeat.value as number) : 1;
      if (repeat && !(Number.isInteger(of) && of >= 2 && of <= MAX_SWEEP_RUNS)) {
        problems.push(
          problemAt(
            `the loop at line ${repeat.range.startLine + 1} would launch ${Number.isFinite(of) ? of.toLocaleString('en-US') : 'too many'} runs, more than the ${MAX_SWEEP_RUNS.toLocaleString('en-US')} Green AI believes; the launch is counted once`,
            repeat.range.startLine,
            repeat.range.startCol,
          ),
        );
      }
      const trial =
        repeat && Number.isInteger(of) && of >= 2 && of <= MAX_SWEEP_RUNS ? { of, detail: repeat.detail } : undefined;
      const note =
        trial && repeat
          ? [
              {
                field: 'run.trial',
                value: `${of} runs`,
                source: 'code' as const,
                detail: repeat.detail,
                range: repeat.range,
              },
            ]
          : [];
      runs.push({
        range: found.range,
        anchors: found.anchors,
        run: note.length ? { ...run, assumptions: [...run.assumptions, ...note] } : run,
        estimate,
        suggestions,
        ...(trial ? { trial } : {}),
      });
    } catch (e) {
      if (e instanceof RunInputError)
        errors.push(
          problemAt(
            `the run at ${where} cannot be estimated: ${e.message}`,
            found.range.startLine,
            found.range.startCol,
          ),
        );
      else throw e;
    }
  }
  // A file with no run that could not start one (a module of settings functions loading configs) links nothing, as a
  // folder scan, which reads such a file only when a run links to it, has it (scan/scanJob.ts).
  const linkedFiles =
    runs.length === 0 && !mayStartARun(input.text, kind) ? [] : [...seen].filter((p) => p !== input.path);
  if (notebook) {
    const cells = notebook.cells;
    const map = (r: SourceRange) => rangeInCell(r, cells);
    return {
      kind,
      runs: runs.map((r) => remapRun(r, map)),
      problems: problems.map((p) => problemInCell(p, cells)),
      errors: errors.map((p) => problemInCell(p, cells)),
      facts: own.facts.map((f) => ({ ...f, range: map(f.range) })),
      linkedFiles,
      ...(modules.size > 0 ? { calledModules: [...modules] } : {}),
    };
  }
  const calledModules = modules.size > 0 ? { calledModules: [...modules] } : {};
  return { kind, runs, problems, errors, facts: own.facts, linkedFiles, ...calledModules };
}

/** Top-level keys that only files of results have (Hugging Face trainer_state.json, benchmark results). */
const RESULTS_RECORD =
  /^\s{0,4}"?(run_info|log_history|eval_results|best_metric|best_model_checkpoint|train_runtime|train_samples_per_second|total_flos)"?\s*:/m;

/**
 * An evaluation harness's output: a top-level `results` of per-task metric records, an object of objects
 * (`"results": {"sciq": {"acc": 0.87, …}}`, lm-evaluation-harness) or a list of objects (`"results":
 * [{"task_name": …, "em": 0.3}]`, BigScience's harness). Such files often carry the whole run configuration
 * they were made with (`config.model_args`), which would otherwise read as a run.
 */
const EVALUATION_RESULTS =
  /^\s{0,4}"results"\s*:\s*(?:\{\s*"[^"\n]{1,200}"\s*:\s*\{|\[\s*\{)[^]{0,1500}?"[\w.-]{1,80}"\s*:\s*-?\d/m;

/**
 * A generation run's record: a top-level list of prompts (or samples) each holding what the model answered
 * (`"prompts": [{"prompt": "…", "results": [{"sampling_params": …, "outputs": […]}]}]`, a sampling report). Such files
 * carry the model and the sampling settings they were made with, which would otherwise read as a run.
 */
const GENERATION_RECORD =
  /^\s{0,4}"(?:prompts|samples|examples|conversations|items)"\s*:\s*\[\s*\{[^]{0,2000}?"(?:results|outputs?|completions?|generations?|responses?|predictions?|answers?)"\s*:\s*[[{"]/m;

/**
 * Files that record a finished run (trainer_state.json, all_results.json, an evaluation's results) describe one;
 * they launch nothing. Decided from the first 4 KB, before any parsing.
 */
export function resultsRecordReason(path: string, text: string): string | undefined {
  if (!/\.(json|ya?ml)$/i.test(path)) return undefined;
  const head = text.slice(0, 4096);
  if (RESULTS_RECORD.test(head)) return 'a record of results (metrics, logs), not a run';
  if (/\.json$/i.test(path) && EVALUATION_RESULTS.test(head))
    return 'the results of an evaluation (per-task metrics, as lm-evaluation-harness writes them), not a run';
  if (/\.json$/i.test(path) && GENERATION_RECORD.test(head))
    return 'a record of what a model generated (prompts with their outputs), not a run';
  return undefined;
}

/** Why this file launches no run (its place, or a library module), unless a directive forces it in. */
export function notARunReason(input: AnalyzeInput, facts: readonly Fact[]): string | undefined {
  if (facts.some((f) => f.kind === 'run.entry' && f.value === true)) return undefined;
  const byPath =
    input.relativePath !== undefined ? nonRunPlaceReason(input.relativePath, input.text, input.entryRules) : undefined;
  if (byPath) return byPath;
  // Files that record a finished run (trainer_state.json, all_results.json, a benchmark's results) describe one; they launch nothing.
  const record = resultsRecordReason(input.path, input.text);
  if (record) return record;
  const library = facts.find((f) => f.kind === 'run.entry' && f.value === false)?.detail;
  if (library) return library;
  if (input.relativePath !== undefined && /\.py$/i.test(input.path))
    return packageModuleReason(input.relativePath, facts, input.entryRules);
  return undefined;
}

/**
 * Drops the stand-alone runs of files that another file's run already includes
 * (a script launched by a SLURM file), so a report does not count a run twice.
 */
export function withoutLinkedDuplicates<T extends { path: string; analysis: LinkedAnalysis }>(
  files: readonly T[],
): T[] {
  // Each included file, with the files whose runs include it.
  const includers = new Map<string, string[]>();
  const links = new Map<string, ReadonlySet<string>>();
  for (const f of files) {
    if (f.analysis.runs.length === 0) continue;
    links.set(f.path, new Set(f.analysis.linkedFiles));
    const called = new Set(f.analysis.calledModules ?? []);
    for (const p of f.analysis.linkedFiles) {
      if (called.has(p)) continue;
      const by = includers.get(p);
      if (by) by.push(f.path);
      else includers.set(p, [f.path]);
    }
  }
  // Two files that include each other (a program whose default config is a config documented as launching that
  // program) are one run: it stays listed once, under the config, whose run is the launch; never dropped from both.
  const isProgram = (p: string) => /\.py$/i.test(p);
  const dropped = (f: T) =>
    (includers.get(f.path) ?? []).some((by) => {
      if (!links.get(f.path)?.has(by)) return true;
      return isProgram(f.path) && !isProgram(by);
    });
  return files.map((f) => (dropped(f) ? { ...f, analysis: { ...f.analysis, runs: [] } } : f));
}

/**
 * A launch line that hands a config-driven program its config by a literal word (`main.py --model colab_XL`, a
 * config chosen by name): the line names its run, unlike a wrapper that hands on its own arguments (`train.py
 * $CONFIG`). The flag is the one the verdict names (`it needs the config given as --model`), or any flag named for
 * a config (`--cfg`, `--config_file`).
 */
function namesItsConfig(verdict: Fact, passed: readonly (readonly [string, string])[] | undefined): boolean {
  return (passed ?? []).some(
    ([flag, value]) =>
      verdict.detail.includes(`--${flag.replace(/_/g, '-')}`) ||
      verdict.detail.includes(`--${flag}`) ||
      /(?:^|_)c(?:on)?fi?g(?:_|$)/.test(flag) ||
      // `-c config/x.py`, `-cfg x.yaml`: the short alias a config flag is given by (`add_argument('--config', '-cfg')`).
      (SHORT_CONFIG_FLAG.test(flag) && /\.(?:ya?ml|json|py)$/.test(value)),
  );
}
