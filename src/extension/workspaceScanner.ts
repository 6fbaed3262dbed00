import * as crypto from 'node:crypto';
import * as vscode from 'vscode';
import * as path from 'node:path';
import { analyzeText, MAX_FILE_BYTES, withoutLinkedDuplicates, type AnalyzedRun, type LinkedAnalysis, type LinkedFileReader } from '../core/analyze';
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
  /** Per file: the content hash it was analysed at, and the hashes of the files it linked to. */
  private readonly cache = new Map<string, { hash: string; settingsKey: string; linked: Map<string, string>; analysis: LinkedAnalysis }>();

  constructor(private readonly python: PythonParsing) {}

  async scanFolder(folder: vscode.WorkspaceFolder, token: vscode.CancellationToken, progress?: (done: number, total: number) => void): Promise<FolderReport> {
    const uris = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, SCANNED_GLOB), excludeGlob(folder), undefined, token);
    uris.sort((a, b) => a.path.localeCompare(b.path));
    const skipped: SkippedFile[] = [];
    // Pass 1: read every candidate, so runs can link to the scripts and configs they name.
    const files = new Map<string, LoadedFile>();
    let done = 0;
    for (const uri of uris) {
      if (token.isCancellationRequested) break;
      const loaded = await loadFile(uri);
      if ('skipped' in loaded) skipped.push({ uri, reason: loaded.skipped });
      else files.set(uri.path, loaded);
      progress?.(++done / 2, uris.length);
    }
    const read: LinkedFileReader = (fromPath, reference) => {
      for (const candidate of [path.posix.resolve(path.posix.dirname(fromPath), reference), path.posix.resolve(folder.uri.path, reference)]) {
        const f = files.get(candidate);
        if (f) return { path: candidate, display: vscode.workspace.asRelativePath(f.uri, false), text: f.text };
      }
      return undefined;
    };
    // Pass 2: analyse, reusing a cached analysis when neither the file nor what it links to changed.
    const analysed: Array<{ path: string; uri: vscode.Uri; analysis: LinkedAnalysis }> = [];
    for (const f of files.values()) {
      if (token.isCancellationRequested) break;
      const analysis = this.analyze(f, files, read);
      analysed.push({ path: f.uri.path, uri: f.uri, analysis });
      const skip = analysis.problems.find((p) => p.startsWith('skipped'));
      if (skip) skipped.push({ uri: f.uri, reason: skip });
      progress?.(++done / 2, uris.length);
    }
    const runs: ScannedRun[] = [];
    for (const { uri, analysis } of withoutLinkedDuplicates(analysed)) {
      for (const run of analysis.runs) runs.push({ uri, relativePath: vscode.workspace.asRelativePath(uri, false), run });
    }
    runs.sort((a, b) => b.run.estimate.co2eKg - a.run.estimate.co2eKg);
    return { folder, runs, skipped, totalCo2eKg: runs.reduce((s, r) => s + r.run.estimate.co2eKg, 0) };
  }

  private analyze(file: LoadedFile, files: ReadonlyMap<string, LoadedFile>, read: LinkedFileReader): LinkedAnalysis {
    const settings = readSettings(file.uri);
    const settingsKey = JSON.stringify(settings);
    const key = file.uri.toString();
    const cached = this.cache.get(key);
    if (cached && cached.hash === file.hash && cached.settingsKey === settingsKey && [...cached.linked].every(([p, h]) => files.get(p)?.hash === h)) {
      return cached.analysis;
    }
    const analysis = analyzeText({ path: file.uri.path, text: file.text }, this.python, settings, {}, read);
    const linked = new Map(analysis.linkedFiles.map((p) => [p, files.get(p)?.hash ?? ''] as const));
    this.cache.set(key, { hash: file.hash, settingsKey, linked, analysis });
    return analysis;
  }

  forget(uri: vscode.Uri): void {
    this.cache.delete(uri.toString());
  }
}

interface LoadedFile {
  readonly uri: vscode.Uri;
  readonly text: string;
  readonly hash: string;
}

async function loadFile(uri: vscode.Uri): Promise<LoadedFile | { skipped: string }> {
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.size > MAX_FILE_BYTES) return { skipped: `${(stat.size / 1048576).toFixed(1)} MB, over the ${MAX_FILE_BYTES / 1048576} MB limit` };
    const bytes = await vscode.workspace.fs.readFile(uri);
    const hash = crypto.createHash('sha1').update(bytes).digest('hex');
    return { uri, text: new TextDecoder('utf-8').decode(bytes), hash };
  } catch (e) {
    return { skipped: `unreadable: ${(e as Error).message}` };
  }
}
