import * as vscode from 'vscode';
import type { AnalyzedRun, FileAnalysis } from '../core/analyze';
import { matchMeasurements } from '../core/calibration/match';
import { isMeasurementFile } from '../core/calibration/measurement';
import { readMeasurements, type MeasurementFile } from '../core/calibration/readMeasurements';
import type { CliMeasured } from '../core/report/cliSchema';
import { toCliMeasured } from '../core/report/toCli';
import { MAX_FILE_BYTES } from '../core/analyze';

/**
 * Measured runs beside a document (CodeCarbon writes emissions.csv where the
 * script runs; a model repo's README carries co2_eq_emissions), matched to the
 * document's runs the same way `green-ai estimate FILE` does. Folder contents
 * are cached until a measurement file changes.
 */
export class MeasurementLookup implements vscode.Disposable {
  private readonly cache = new Map<string, Promise<MeasurementFile[]>>();
  private readonly watcher = vscode.workspace.createFileSystemWatcher('**/{*emissions*.csv,README.md,readme.md}');

  constructor() {
    const clear = () => this.cache.clear();
    this.watcher.onDidChange(clear);
    this.watcher.onDidCreate(clear);
    this.watcher.onDidDelete(clear);
  }

  async measuredFor(
    document: vscode.TextDocument,
    analysis: FileAnalysis,
    run: AnalyzedRun,
  ): Promise<CliMeasured | null> {
    const index = analysis.runs.indexOf(run);
    if (index < 0) return null;
    const files = await this.beside(vscode.Uri.joinPath(document.uri, '..'));
    if (files.length === 0) return null;
    const matches = matchMeasurements(
      analysis.runs.map((analyzed) => ({ path: document.uri.path, analyzed, facts: analysis.facts })),
      files,
    );
    const m = matches[index];
    return m ? toCliMeasured(m) : null;
  }

  private beside(dir: vscode.Uri): Promise<MeasurementFile[]> {
    const key = dir.toString();
    let pending = this.cache.get(key);
    if (!pending) {
      pending = this.read(dir);
      this.cache.set(key, pending);
    }
    return pending;
  }

  private async read(dir: vscode.Uri): Promise<MeasurementFile[]> {
    let entries: [string, vscode.FileType][];
    try {
      entries = await vscode.workspace.fs.readDirectory(dir);
    } catch {
      return [];
    }
    const out: MeasurementFile[] = [];
    for (const [name, type] of entries) {
      if (type !== vscode.FileType.File || !isMeasurementFile(name)) continue;
      const uri = vscode.Uri.joinPath(dir, name);
      try {
        if ((await vscode.workspace.fs.stat(uri)).size > MAX_FILE_BYTES) continue;
        const text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
        const read = readMeasurements(uri.path, vscode.workspace.asRelativePath(uri, false), text);
        if (read) out.push(read);
      } catch {
        // An unreadable measurement file only means there is nothing to compare.
      }
    }
    return out;
  }

  dispose(): void {
    this.watcher.dispose();
  }
}
