import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { isInside, realFolder } from '../core/scan/safeFiles';
import { MAX_FILE_BYTES, runCount, type AnalyzedRun } from '../core/analyze';
import { FolderScanCache, SkipFile, type ScanSource } from '../core/scan/folderScan';
import type { PythonParsing } from '../core/parse/pythonParser';
import { readSettings } from './settings';
import type { MeasuredComparison } from '../core/calibration/match';

/**
 * Finds every run in each workspace folder. Reads through `workspace.fs` (so
 * remote and virtual workspaces work), honours `files.exclude` and
 * `search.exclude`, and caches results by content hash so a rescan only
 * re-analyses files that changed.
 */

/** Code and configs, plus measured runs (CodeCarbon CSVs, model cards) to compare with. */
export const SCANNED_GLOB = '{**/*.py,**/*.ipynb,**/*.yaml,**/*.yml,**/*.json,**/*.sh,**/*.bash,**/*.sbatch,**/*.slurm,**/*emissions*.csv,**/README.md,**/readme.md}';
const ALWAYS_EXCLUDED = ['**/node_modules/**', '**/.git/**', '**/.venv/**', '**/venv/**', '**/site-packages/**', '**/__pycache__/**', '**/.ipynb_checkpoints/**', '**/.vscode-test/**'];

export interface ScannedRun {
  readonly uri: vscode.Uri;
  readonly relativePath: string;
  readonly run: AnalyzedRun;
  /** The measured run matched to this one, if any. */
  readonly measured: MeasuredComparison | null;
}

export interface SkippedFile {
  readonly uri: vscode.Uri;
  readonly reason: string;
}

export interface FolderReport {
  readonly folder: vscode.WorkspaceFolder;
  readonly runs: ScannedRun[];
  readonly skipped: SkippedFile[];
  readonly totalCo2eKg: number;
  /** Problems in CodeCarbon files and model cards (malformed rows, broken front matter). */
  readonly measurementProblems: string[];
  readonly measurementCount: number;
}

function excludeGlob(folder: vscode.WorkspaceFolder): string {
  const patterns = new Set(ALWAYS_EXCLUDED);
  for (const section of ['files.exclude', 'search.exclude']) {
    const map = vscode.workspace.getConfiguration(undefined, folder.uri).get<Record<string, unknown>>(section) ?? {};
    for (const [glob, on] of Object.entries(map)) if (on === true) patterns.add(glob);
  }
  return `{${[...patterns].join(',')}}`;
}

/** A link in a folder on disk is followed when its target is inside the folder; elsewhere (virtual file systems) links are not followed. */
function linkStaysInside(folder: vscode.Uri, uri: vscode.Uri): boolean {
  if (folder.scheme !== 'file' || uri.scheme !== 'file') return false;
  try {
    return isInside(realFolder(folder.fsPath), fs.realpathSync.native(uri.fsPath));
  } catch {
    return false;
  }
}

export class WorkspaceScanner {
  /** One cache per workspace folder: a rescan re-reads every file but re-analyses only what changed. */
  private readonly caches = new Map<string, FolderScanCache>();

  constructor(private readonly python: PythonParsing) {}

  async scanFolder(folder: vscode.WorkspaceFolder, token: vscode.CancellationToken, progress?: (done: number, total: number) => void): Promise<FolderReport | undefined> {
    const uris = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, SCANNED_GLOB), excludeGlob(folder), undefined, token);
    if (token.isCancellationRequested) return undefined;
    uris.sort((a, b) => a.path.localeCompare(b.path));
    const key = folder.uri.toString();
    const cache = this.caches.get(key) ?? new FolderScanCache();
    this.caches.set(key, cache);
    const settings = readSettings(folder.uri);
    const sources: ScanSource[] = uris.map((uri) => ({
      path: uri.path,
      display: vscode.workspace.asRelativePath(uri, false),
      read: async () => {
        const stat = await vscode.workspace.fs.stat(uri);
        // Only regular files: a FIFO, device or socket (FileType.Unknown) would block or never end.
        if (!(stat.type & vscode.FileType.File)) throw new SkipFile('not a regular file (a FIFO, device or socket): not read');
        // findFiles may follow links: one is read only when it resolves inside the folder (files on disk), else skipped.
        if (stat.type & vscode.FileType.SymbolicLink && !linkStaysInside(folder.uri, uri)) throw new SkipFile('a symbolic link to a file outside the folder: not read');
        if (stat.size > MAX_FILE_BYTES) throw new SkipFile(`${(stat.size / 1048576).toFixed(1)} MB, over the ${MAX_FILE_BYTES / 1048576} MB limit`);
        return vscode.workspace.fs.readFile(uri);
      },
    }));
    const result = await cache.scan(sources, {
      python: this.python,
      root: folder.uri.path,
      settingsFor: () => settings,
      isCancelled: () => token.isCancellationRequested,
      progress,
    });
    if (result.cancelled) return undefined;
    const runs: ScannedRun[] = [];
    for (const file of result.files) {
      const uri = folder.uri.with({ path: file.path });
      file.analysis.runs.forEach((run, i) => runs.push({ uri, relativePath: file.display, run, measured: file.measured[i] ?? null }));
    }
    runs.sort((a, b) => b.run.estimate.co2eKg - a.run.estimate.co2eKg);
    return {
      folder,
      runs,
      skipped: result.skipped.map((s) => ({ uri: folder.uri.with({ path: s.path }), reason: s.reason })),
      // A sweep is one entry standing for its runs: the total counts each.
      totalCo2eKg: runs.reduce((sum, r) => sum + r.run.estimate.co2eKg * runCount(r.run), 0),
      measurementProblems: result.measurementFiles.flatMap((m) => m.problems),
      measurementCount: result.measurementFiles.reduce((n, m) => n + m.measurements.length, 0),
    };
  }

  forget(uri: vscode.Uri): void {
    for (const cache of this.caches.values()) cache.forget(uri.path);
  }
}
