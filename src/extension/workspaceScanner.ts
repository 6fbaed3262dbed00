import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { isIncomplete } from '../core/report/incomplete';
import { isInside, realFolder } from '../core/scan/safeFiles';
import { DOCUMENTATION_GLOBS } from '../core/scan/documentedLaunches';
import { maxBytesOf, runCount, withoutLinkedDuplicates, type AnalyzedRun } from '../core/analyze';
import { FolderScanCache, SkipFile, type AnalysedFile, type ScanSource } from '../core/scan/folderScan';
import type { FileDocumentation } from '../core/extract/documentedLaunch';
import { wasmLocationIn, type PythonParsing } from '../core/parse/pythonParser';
import { chooseScanAnalyser, type ChosenAnalyser } from '../core/scan/scanAnalyser';
import { scanPoolSize } from '../core/scan/workerPool';
import type { Settings } from './settings';
import type { MeasuredComparison } from '../core/calibration/match';

/**
 * Finds every run in each workspace folder. Reads through `workspace.fs` (so
 * remote and virtual workspaces work), honours `files.exclude` and
 * `search.exclude`, and caches results by content hash so a rescan only
 * re-analyses files that changed. The analysis runs on worker threads: the
 * extension host's thread only lists, reads and hands files over, so hovers and
 * other extensions stay responsive during a scan.
 */

/** Code and configs, plus measured runs (CodeCarbon CSVs, model cards) to compare with, and docs pages that document launches. */
export const SCANNED_GLOB = `{${[
  '**/*.py',
  '**/*.ipynb',
  '**/*.yaml',
  '**/*.yml',
  '**/*.json',
  '**/*.sh',
  '**/*.bash',
  '**/*.sbatch',
  '**/*.slurm',
  '**/*.sub',
  '**/*.gin',
  '**/*emissions*.csv',
  // Every page the core reads for documented launches (README variants, root guides, docs folders): the CLI lists
  // them by the same rule (documentedLaunches.ts), so a `README_TRAINING.md` command counts in both.
  ...DOCUMENTATION_GLOBS,
].join(',')}}`;
const ALWAYS_EXCLUDED = [
  '**/node_modules/**',
  '**/.git/**',
  '**/.venv/**',
  '**/venv/**',
  '**/site-packages/**',
  '**/__pycache__/**',
  '**/.ipynb_checkpoints/**',
  '**/.vscode-test/**',
];

/** Idle scan workers are stopped after this long (their memory returned); the next scan starts them again. */
const WORKER_IDLE_MS = 60_000;
/** Each worker holds a parser and a heap (~40–60 MB on a large repository): three keep the host's share bounded. */
const MAX_WORKERS = 3;

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
  /** Runs with an estimate, largest first. */
  readonly runs: ScannedRun[];
  /** Runs that cannot be estimated yet (model size unknown): listed apart, left out of the total. */
  readonly incomplete: ScannedRun[];
  /** Files that would launch a run but are not runs (tests, CI, docs, library modules), with why. */
  readonly leftOut: ReadonlyArray<{ readonly uri: vscode.Uri; readonly reason: string }>;
  readonly skipped: SkippedFile[];
  readonly totalCo2eKg: number;
  /** Problems in CodeCarbon files and model cards (malformed rows, broken front matter). */
  readonly measurementProblems: string[];
  readonly measurementCount: number;
}

/** How a scan in progress is doing, with the runs found so far (not yet matched to measurements). */
export interface ScanProgress {
  readonly done: number;
  readonly total: number;
  readonly partial: () => FolderReport;
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

/** A file of the folder as the scan reads it, through workspace.fs: only regular files, only inside the folder. */
function sourceFor(folder: vscode.Uri, uri: vscode.Uri): ScanSource {
  let checked: Promise<{ size: number; mtime: number }> | undefined;
  const check = () =>
    (checked ??= (async () => {
      const stat = await vscode.workspace.fs.stat(uri);
      // Only regular files: a FIFO, device or socket (FileType.Unknown) would block or never end.
      if (!(stat.type & vscode.FileType.File))
        throw new SkipFile('not a regular file (a FIFO, device or socket): not read');
      // findFiles may follow links: one is read only when it resolves inside the folder (files on disk), else skipped.
      if (stat.type & vscode.FileType.SymbolicLink && !linkStaysInside(folder, uri))
        throw new SkipFile('a symbolic link to a file outside the folder: not read');
      const limit = maxBytesOf(uri.path);
      if (stat.size > limit)
        throw new SkipFile(`${(stat.size / 1048576).toFixed(1)} MB, over the ${limit / 1048576} MB limit`);
      return { size: stat.size, mtime: stat.mtime };
    })());
  return {
    path: uri.path,
    display: vscode.workspace.asRelativePath(uri, false),
    stat: check,
    read: async () => {
      await check();
      return vscode.workspace.fs.readFile(uri);
    },
  };
}

function runsOf(
  folder: vscode.WorkspaceFolder,
  files: ReadonlyArray<AnalysedFile & { readonly measured?: ReadonlyArray<MeasuredComparison | null> }>,
): ScannedRun[] {
  const runs: ScannedRun[] = [];
  for (const file of files) {
    const uri = folder.uri.with({ path: file.path });
    file.analysis.runs.forEach((run, i) =>
      runs.push({ uri, relativePath: file.display, run, measured: file.measured?.[i] ?? null }),
    );
  }
  return runs.sort((a, b) => b.run.estimate.co2eKg - a.run.estimate.co2eKg);
}

function folderReport(
  folder: vscode.WorkspaceFolder,
  all: ScannedRun[],
  skipped: SkippedFile[],
  measurementProblems: string[] = [],
  measurementCount = 0,
  leftOut: FolderReport['leftOut'] = [],
): FolderReport {
  // A run whose model size is unknown has no figure to add: listed apart, never in the total.
  const runs = all.filter((r) => !isIncomplete(r.run.run));
  const incomplete = all.filter((r) => isIncomplete(r.run.run));
  // A sweep is one entry standing for its runs: the total counts each.
  return {
    folder,
    runs,
    incomplete,
    leftOut,
    skipped,
    totalCo2eKg: runs.reduce((sum, r) => sum + r.run.estimate.co2eKg * runCount(r.run), 0),
    measurementProblems,
    measurementCount,
  };
}

export class WorkspaceScanner implements vscode.Disposable {
  /** One cache per workspace folder: a rescan re-reads every file but re-analyses only what changed. */
  private readonly caches = new Map<string, FolderScanCache>();
  private analyser: Promise<ChosenAnalyser> | undefined;
  private readonly documentationMoved = new vscode.EventEmitter<void>();
  /** A scan found the documentation saying something else of some file (a README's table or launch changed). */
  readonly onDidChangeDocumentation = this.documentationMoved.event;

  /** `distDir` holds scanWorker.js and the wasm files. */
  constructor(
    private readonly python: PythonParsing,
    private readonly distDir: string,
    private readonly settings: Settings,
    private readonly log: (msg: string) => void = () => undefined,
    private readonly codeCacheDir?: string,
  ) {}

  /** The worker pool, started on the first scan (not at activation: the first hints come first). */
  private analyserNow(): Promise<ChosenAnalyser> {
    this.analyser ??= chooseScanAnalyser({
      workerScripts: [vscode.Uri.joinPath(vscode.Uri.file(this.distDir), 'scanWorker.js').fsPath],
      wasm: wasmLocationIn(this.distDir),
      codeCacheDir: this.codeCacheDir,
      python: async () => this.python,
      size: Math.min(scanPoolSize(), MAX_WORKERS),
      idleMs: WORKER_IDLE_MS,
    }).then((chosen) => {
      if (chosen.inThreadBecause)
        this.log(`workspace scan runs on the extension host's thread: ${chosen.inThreadBecause}`);
      return chosen;
    });
    return this.analyser;
  }

  async scanFolder(
    folder: vscode.WorkspaceFolder,
    token: vscode.CancellationToken,
    progress?: (p: ScanProgress) => void,
  ): Promise<FolderReport | undefined> {
    const uris = await vscode.workspace.findFiles(
      new vscode.RelativePattern(folder, SCANNED_GLOB),
      excludeGlob(folder),
      undefined,
      token,
    );
    if (token.isCancellationRequested) return undefined;
    uris.sort((a, b) => a.path.localeCompare(b.path));
    const key = folder.uri.toString();
    const cache = this.caches.get(key) ?? new FolderScanCache();
    this.caches.set(key, cache);
    const settings = this.settings.read(folder.uri);
    const { analyser } = await this.analyserNow();
    // Files as they finish, so the view can show runs before the scan is done.
    const finished: AnalysedFile[] = [];
    const partial = () => folderReport(folder, runsOf(folder, withoutLinkedDuplicates(finished)), []);
    progress?.({ done: 0, total: uris.length, partial });
    const result = await cache.scan(
      uris.map((uri) => sourceFor(folder.uri, uri)),
      {
        analyser,
        root: folder.uri.path,
        settingsFor: () => settings,
        entryRules: { exclude: settings.reportExclude },
        isCancelled: () => token.isCancellationRequested,
        onFile: (file) => finished.push(file),
        progress: (done, total) => progress?.({ done, total, partial }),
      },
    );
    if (result.cancelled) return undefined;
    if (cache.documentationChanged) this.documentationMoved.fire();
    return folderReport(
      folder,
      runsOf(folder, result.files),
      result.skipped.map((s) => ({ uri: folder.uri.with({ path: s.path }), reason: s.reason })),
      result.measurementFiles.flatMap((m) => m.problems),
      result.measurementFiles.reduce((n, m) => n + m.measurements.length, 0),
      result.leftOut.map((l) => ({ uri: folder.uri.with({ path: l.path }), reason: l.reason })),
    );
  }

  forget(uri: vscode.Uri): void {
    for (const cache of this.caches.values()) cache.forget(uri.path);
  }

  /** What the last scan of the file's folder found its documentation saying of it. */
  documentationOf(uri: vscode.Uri): FileDocumentation | undefined {
    for (const cache of this.caches.values()) {
      const found = cache.documentationOf(uri.path);
      if (found) return found;
    }
    return undefined;
  }

  dispose(): void {
    this.documentationMoved.dispose();
    void this.analyser?.then((a) => a.analyser.dispose());
  }
}
