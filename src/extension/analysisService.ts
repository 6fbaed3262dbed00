import * as vscode from 'vscode';
import * as path from 'node:path';
import { classLinkCandidates } from '../core/scan/diskClassIndex';
import {
  analyzeText,
  documentReuse,
  FILE_TIME_BUDGET_MS,
  fileKindOf,
  linkCandidates,
  MAX_FILE_BYTES,
  parseWithin,
  type AnalyzedRun,
  type DocumentReuse,
  type FileAnalysis,
  type LinkedFileReader,
} from '../core/analyze';
import type { FileDocumentation } from '../core/extract/documentedLaunch';
import type { SourceRange } from '../core/facts';
import type { PythonParsing, Tree } from '../core/parse/pythonParser';
import type { Problem } from '../core/problem';
import { readRegularText, realFolder } from '../core/scan/safeFiles';
import type { Settings } from './settings';

/**
 * Analyses open documents once per version. Python trees are kept per document
 * and edited in place on each change, so a keystroke re-parses incrementally
 * instead of from scratch.
 */
export class AnalysisService implements vscode.Disposable {
  private readonly trees = new Map<string, { tree: Tree; version: number }>();
  private readonly results = new Map<string, { version: number; settingsKey: string; analysis: FileAnalysis }>();
  /** Per open Python document, what its analysis keeps for the next version (see documentReuse). */
  private readonly reuses = new Map<string, DocumentReuse>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: vscode.Disposable[] = [];
  /**
   * What the Workspace Report's last scan found the repository's documentation saying of a file (its documented
   * launches, the size its model tables give it): the editor reads the file with it, as the report did.
   */
  documentationOf: (uri: vscode.Uri) => FileDocumentation | undefined = () => undefined;

  constructor(
    private readonly python: PythonParsing,
    private readonly settings: Settings,
  ) {
    this.subscriptions.push(
      vscode.workspace.onDidChangeTextDocument((e) => this.applyEdits(e)),
      vscode.workspace.onDidCloseTextDocument((d) => this.forget(d.uri.toString())),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('greenAI')) this.invalidate();
      }),
    );
  }

  /** Drops cached results (settings or team defaults changed) and tells every surface. */
  invalidate(): void {
    this.settings.clear();
    this.results.clear();
    this.changed.fire();
  }

  static isSupported(document: vscode.TextDocument): boolean {
    return fileKindOf(document.uri.path, document.languageId) !== null;
  }

  analyze(document: vscode.TextDocument): FileAnalysis {
    if (document.uri.scheme === 'vscode-notebook-cell') {
      const found = this.notebookOf(document);
      if (found) return cellView(this.analyzeNotebook(found.notebook), found.index);
    }
    const key = document.uri.toString();
    const settings = this.settings.read(document.uri);
    const settingsKey = JSON.stringify(settings);
    // No documentation in the key: a scan that changes what it says of any file invalidates every result
    // (WorkspaceScanner.onDidChangeDocumentation), so a cached result was read with the current one.
    const cached = this.results.get(key);
    if (cached && cached.version === document.version && cached.settingsKey === settingsKey) return cached.analysis;
    const documentation = document.uri.scheme === 'file' ? this.documentationOf(document.uri) : undefined;
    const kind = fileKindOf(document.uri.path, document.languageId);
    const tree = kind === 'python' ? this.treeFor(document) : undefined;
    if (tree === null) {
      // The parse ran out of its time budget (pathological text): say so rather than parse again on the host.
      const skipped: FileAnalysis = {
        kind,
        runs: [],
        problems: [
          { message: `skipped: parsing took longer than ${FILE_TIME_BUDGET_MS / 1000} s; it is not analysed` },
        ],
        errors: [],
        facts: [],
      };
      this.results.set(key, { version: document.version, settingsKey, analysis: skipped });
      return skipped;
    }
    const read = document.uri.scheme === 'file' ? readLinkedFromDisk : undefined;
    // In a workspace folder, the editor follows the report's rules on what is a run (tests, CI, docs are not).
    const relativePath = vscode.workspace.getWorkspaceFolder(document.uri)
      ? vscode.workspace.asRelativePath(document.uri, false)
      : undefined;
    const analysis = analyzeText(
      {
        path: document.uri.fsPath,
        text: document.getText(),
        languageId: document.languageId,
        tree,
        relativePath,
        entryRules: { exclude: settings.reportExclude },
        reuse: tree ? this.reuseFor(key) : undefined,
        documentation,
      },
      this.python,
      settings,
      {},
      read,
    );
    this.results.set(key, { version: document.version, settingsKey, analysis });
    return analysis;
  }

  private notebookOf(cell: vscode.TextDocument): { notebook: vscode.NotebookDocument; index: number } | undefined {
    for (const notebook of vscode.workspace.notebookDocuments) {
      const index = notebook.getCells().findIndex((c) => c.document === cell);
      if (index >= 0) return { notebook, index };
    }
    return undefined;
  }

  /** A notebook's run usually spans cells: read all code cells together, per notebook version. */
  private analyzeNotebook(notebook: vscode.NotebookDocument): FileAnalysis {
    const key = notebook.uri.toString();
    const settings = this.settings.read(notebook.uri);
    const settingsKey = JSON.stringify(settings);
    const version =
      notebook
        .getCells()
        .map((c) => c.document.version)
        .join('.') + `@${notebook.version}`;
    const cached = this.results.get(key);
    if (cached && cached.settingsKey === settingsKey && cached.version === hashVersion(version)) return cached.analysis;
    const ipynb = JSON.stringify({
      cells: notebook.getCells().map((c) => ({
        cell_type: c.kind === vscode.NotebookCellKind.Code && c.document.languageId === 'python' ? 'code' : 'markdown',
        source: c.document.getText(),
      })),
      metadata: notebook.metadata,
    });
    const analysis = analyzeText({ path: `${notebook.uri.path}.ipynb`, text: ipynb }, this.python, settings);
    this.results.set(key, { version: hashVersion(version), settingsKey, analysis });
    return analysis;
  }

  /** The run whose lines contain `line`, else the nearest one after it, else the first. */
  runAt(document: vscode.TextDocument, line: number): AnalyzedRun | undefined {
    const runs = this.analyze(document).runs;
    return (
      runs.find((r) => line >= r.range.startLine && line <= r.range.endLine) ??
      runs.find((r) => r.range.startLine >= line) ??
      runs[0]
    );
  }

  private reuseFor(key: string): DocumentReuse {
    let reuse = this.reuses.get(key);
    if (!reuse) this.reuses.set(key, (reuse = documentReuse()));
    return reuse;
  }

  /** The document's tree, or null when parsing ran out of the file time budget. */
  private treeFor(document: vscode.TextDocument): Tree | undefined | null {
    const key = document.uri.toString();
    const held = this.trees.get(key);
    if (held && held.version === document.version) return held.tree;
    const next = parseWithin(this.python, document.getText(), performance.now() + FILE_TIME_BUDGET_MS, held?.tree);
    held?.tree.delete();
    if (next) this.trees.set(key, { tree: next, version: document.version });
    else this.trees.delete(key);
    return next;
  }

  private applyEdits(e: vscode.TextDocumentChangeEvent): void {
    const held = this.trees.get(e.document.uri.toString());
    if (!held || e.contentChanges.length === 0) return;
    // Offsets and columns are UTF-16 code units in both VS Code and tree-sitter.
    for (const change of e.contentChanges) {
      const start = change.range.start;
      const oldEnd = change.range.end;
      const lines = change.text.split('\n');
      const newEndRow = start.line + lines.length - 1;
      const newEndCol = lines.length === 1 ? start.character + change.text.length : lines[lines.length - 1].length;
      held.tree.edit({
        startIndex: change.rangeOffset,
        oldEndIndex: change.rangeOffset + change.rangeLength,
        newEndIndex: change.rangeOffset + change.text.length,
        startPosition: { row: start.line, column: start.character },
        oldEndPosition: { row: oldEnd.line, column: oldEnd.character },
        newEndPosition: { row: newEndRow, column: newEndCol },
      });
    }
    held.version = -1; // edited, needs a re-parse against the new text
  }

  private forget(key: string): void {
    this.trees.get(key)?.tree.delete();
    this.trees.delete(key);
    this.results.delete(key);
    this.reuses.delete(key);
  }

  dispose(): void {
    for (const { tree } of this.trees.values()) tree.delete();
    this.trees.clear();
    this.results.clear();
    this.reuses.clear();
    this.changed.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}

/**
 * Files a run links to, for documents on disk: an open editor's text wins (it may be
 * unsaved), else the file next to the one that names it, else from the workspace folder.
 */
const readLinkedFromDisk: LinkedFileReader = (fromPath, reference) => {
  const folder = vscode.workspace.getWorkspaceFolder(vscode.Uri.file(fromPath))?.uri.fsPath ?? path.dirname(fromPath);
  // Only files inside the workspace folder (or, for a file outside any folder, its own folder) are read,
  // links resolved: `json.load(open('../../x/secret.json'))` must not show another project's file, in
  // Restricted Mode or not. Only regular files: a FIFO would block the extension host.
  let root: string;
  try {
    root = realFolder(folder);
  } catch {
    return undefined;
  }
  // A class a config names (`class:RCAN`) is found among the folder's modules (scan/diskClassIndex.ts).
  for (const candidate of classLinkCandidates(reference, root) ?? linkCandidates(fromPath, reference, folder, path)) {
    const display = vscode.workspace.asRelativePath(candidate, false);
    try {
      const read = readRegularText(candidate, { root, maxBytes: MAX_FILE_BYTES });
      const open = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'file' && d.uri.fsPath === candidate);
      return { path: candidate, display, text: open ? open.getText() : read.text };
    } catch {
      // not there, not a regular file, or outside the folder: try the next place
    }
  }
  return undefined;
};

function hashVersion(v: string): number {
  let h = 0;
  for (let i = 0; i < v.length; i++) h = (h * 31 + v.charCodeAt(i)) | 0;
  return h;
}

/**
 * What one notebook cell shows of a notebook-wide analysis: the runs that touch the cell,
 * with only the anchors that lie in it (lines are already counted within each cell).
 */
export function cellView(analysis: FileAnalysis, cell: number): FileAnalysis {
  const here = (r: SourceRange | undefined) => (r && r.cell === cell ? r : undefined);
  const runs: AnalyzedRun[] = [];
  for (const run of analysis.runs) {
    const anchors = { model: here(run.anchors.model), size: here(run.anchors.size), launch: here(run.anchors.launch) };
    const range = here(run.range) ?? anchors.launch ?? anchors.size ?? anchors.model;
    if (!range) continue;
    runs.push({ ...run, range, anchors });
  }
  // A problem placed in a cell shows in that cell only; one without a place, in every cell.
  const inCell = (p: Problem) => p.cell === undefined || p.cell === cell;
  return {
    ...analysis,
    runs,
    facts: analysis.facts.filter((f) => f.range.cell === cell),
    problems: analysis.problems.filter(inCell),
    errors: analysis.errors.filter(inCell),
  };
}
