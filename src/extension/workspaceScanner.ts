import * as crypto from 'node:crypto';
import * as vscode from 'vscode';
import { analyzeText, MAX_FILE_BYTES, type AnalyzedRun } from '../core/analyze';
import type { PythonParsing } from '../core/parse/pythonParser';
import { readSettings } from './settings';

/**
 * Finds every run in each workspace folder. Reads through `workspace.fs` (so
 * remote and virtual workspaces work), honours `files.exclude` and
 * `search.exclude`, and caches results by content hash so a rescan only
 * re-analyses files that changed.
 */

export const SCANNED_GLOB = '**/*.{py,ipynb,yaml,yml,json,sh,bash,sbatch,slurm}';
const ALWAYS_EXCLUDED = ['**/node_modules/**', '**/.git/**', '**/.venv/**', '**/venv/**', '**/site-packages/**', '**/__pycache__/**', '**/.ipynb_checkpoints/**', '**/.vscode-test/**'];

export interface ScannedRun {
  readonly uri: vscode.Uri;
  readonly relativePath: string;
  readonly run: AnalyzedRun;
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
}

function excludeGlob(folder: vscode.WorkspaceFolder): string {
  const patterns = new Set(ALWAYS_EXCLUDED);
  for (const section of ['files.exclude', 'search.exclude']) {
    const map = vscode.workspace.getConfiguration(undefined, folder.uri).get<Record<string, unknown>>(section) ?? {};
    for (const [glob, on] of Object.entries(map)) if (on === true) patterns.add(glob);
  }
  return `{${[...patterns].join(',')}}`;
}

export class WorkspaceScanner {
  private readonly cache = new Map<string, { hash: string; settingsKey: string; runs: AnalyzedRun[]; problems: readonly string[] }>();

  constructor(private readonly python: PythonParsing) {}

  async scanFolder(folder: vscode.WorkspaceFolder, token: vscode.CancellationToken, progress?: (done: number, total: number) => void): Promise<FolderReport> {
    const uris = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, SCANNED_GLOB), excludeGlob(folder), undefined, token);
    uris.sort((a, b) => a.path.localeCompare(b.path));
    const runs: ScannedRun[] = [];
    const skipped: SkippedFile[] = [];
    let done = 0;
    for (const uri of uris) {
      if (token.isCancellationRequested) break;
      const result = await this.scanFile(uri);
      for (const run of result.runs) runs.push({ uri, relativePath: vscode.workspace.asRelativePath(uri, false), run });
      if (result.skipped) skipped.push({ uri, reason: result.skipped });
      progress?.(++done, uris.length);
    }
    runs.sort((a, b) => b.run.estimate.co2eKg - a.run.estimate.co2eKg);
    return { folder, runs, skipped, totalCo2eKg: runs.reduce((s, r) => s + r.run.estimate.co2eKg, 0) };
  }

  async scanFile(uri: vscode.Uri): Promise<{ runs: AnalyzedRun[]; skipped?: string }> {
    let bytes: Uint8Array;
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      if (stat.size > MAX_FILE_BYTES) return { runs: [], skipped: `${(stat.size / 1048576).toFixed(1)} MB, over the ${MAX_FILE_BYTES / 1048576} MB limit` };
      bytes = await vscode.workspace.fs.readFile(uri);
    } catch (e) {
      return { runs: [], skipped: `unreadable: ${(e as Error).message}` };
    }
    const settings = readSettings(uri);
    const settingsKey = JSON.stringify(settings);
    const hash = crypto.createHash('sha1').update(bytes).digest('hex');
    const key = uri.toString();
    const cached = this.cache.get(key);
    if (cached && cached.hash === hash && cached.settingsKey === settingsKey) return { runs: cached.runs, skipped: skipReason(cached.problems) };
    const text = new TextDecoder('utf-8').decode(bytes);
    const analysis = analyzeText({ path: uri.path, text }, this.python, settings);
    this.cache.set(key, { hash, settingsKey, runs: [...analysis.runs], problems: analysis.problems });
    return { runs: [...analysis.runs], skipped: skipReason(analysis.problems) };
  }

  forget(uri: vscode.Uri): void {
    this.cache.delete(uri.toString());
  }
}

function skipReason(problems: readonly string[]): string | undefined {
  return problems.find((p) => p.startsWith('skipped'));
}
