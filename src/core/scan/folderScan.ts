import * as crypto from 'node:crypto';
import * as path from 'node:path';
import { analyzeText, linkCandidates, MAX_FILE_BYTES, withoutLinkedDuplicates, type LinkedAnalysis, type LinkedFileReader } from '../analyze';
import type { PythonParsing } from '../parse/pythonParser';
import { readMeasurements, type MeasurementFile } from '../calibration/readMeasurements';
import { matchMeasurements, type MeasuredComparison } from '../calibration/match';
import { isMeasurementFile } from '../calibration/measurement';
import type { EstimateSettings, Overrides } from '../runSpec';
import type { EntryPointRules } from '../resolve/entryPoint';

/**
 * Scans a folder's candidate files for runs: reads each once, links runs to the
 * scripts and configs they name, and reuses a file's analysis while neither it,
 * what it links to, nor the settings changed (content hashes). Shared by the
 * extension (files through workspace.fs), the CLI and the benchmark (node fs).
 */

/** Thrown by a source's read() to skip a file with a reason (too large, not a file). */
export class SkipFile extends Error {}

export interface ScanSource {
  /** Absolute path, POSIX separators (also the key linked references resolve to). */
  readonly path: string;
  /** As shown to the user (relative to the folder). */
  readonly display: string;
  /** Size in bytes when known before reading (lets huge files be skipped unread). */
  readonly size?: number;
  read(): Promise<Uint8Array>;
}

export interface ScannedFile {
  readonly path: string;
  readonly display: string;
  readonly analysis: LinkedAnalysis;
  /** Per run (same order as analysis.runs): the measured run it matches, if any. */
  readonly measured: ReadonlyArray<MeasuredComparison | null>;
}

export interface ScanResult {
  /** Files with their runs; a script launched by another file's run has its runs moved there. */
  readonly files: ScannedFile[];
  readonly skipped: Array<{ readonly path: string; readonly display: string; readonly reason: string }>;
  readonly cancelled: boolean;
  /** How many files were analysed this time (the rest came from the cache). */
  readonly analysed: number;
  /** CodeCarbon files and model cards found, with what could not be read in them. */
  readonly measurementFiles: MeasurementFile[];
  /** Files that would launch a run but are not runs (tests, CI, docs, library modules), with why. */
  readonly leftOut: Array<{ readonly path: string; readonly display: string; readonly reason: string }>;
}

export interface ScanOptions {
  readonly python: PythonParsing;
  readonly root: string;
  readonly settingsFor: (path: string) => EstimateSettings;
  readonly overrides?: Overrides;
  /** Which files are not runs by their place (tests, CI, docs) beyond the defaults. */
  readonly entryRules?: EntryPointRules;
  readonly isCancelled?: () => boolean;
  readonly progress?: (done: number, total: number) => void;
}

interface Loaded {
  readonly source: ScanSource;
  readonly text: string;
  readonly hash: string;
}

interface CacheEntry {
  readonly hash: string;
  readonly settingsKey: string;
  readonly linked: ReadonlyMap<string, string>;
  readonly analysis: LinkedAnalysis;
}

export class FolderScanCache {
  private readonly entries = new Map<string, CacheEntry>();
  /** Measurement files as read, by content hash: a rescan re-reads only the ones that changed. */
  private readonly measurements = new Map<string, { readonly hash: string; readonly read: MeasurementFile | undefined }>();

  forget(path: string): void {
    this.entries.delete(path);
    this.measurements.delete(path);
  }

  async scan(sources: readonly ScanSource[], options: ScanOptions): Promise<ScanResult> {
    const skipped: Array<{ path: string; display: string; reason: string }> = [];
    const loaded = new Map<string, Loaded>();
    const total = sources.length;
    let done = 0;
    // Pass 1: read every candidate, so runs can link to the scripts and configs they name.
    for (const source of sources) {
      if (options.isCancelled?.()) return { files: [], skipped, cancelled: true, analysed: 0, measurementFiles: [], leftOut: [] };
      if (source.size !== undefined && source.size > MAX_FILE_BYTES) {
        skipped.push({ path: source.path, display: source.display, reason: `${(source.size / 1048576).toFixed(1)} MB, over the ${MAX_FILE_BYTES / 1048576} MB limit` });
      } else {
        try {
          const bytes = await source.read();
          if (bytes.length > MAX_FILE_BYTES) {
            skipped.push({ path: source.path, display: source.display, reason: `${(bytes.length / 1048576).toFixed(1)} MB, over the ${MAX_FILE_BYTES / 1048576} MB limit` });
          } else {
            loaded.set(source.path, { source, text: new TextDecoder('utf-8').decode(bytes), hash: crypto.createHash('sha1').update(bytes).digest('hex') });
          }
        } catch (e) {
          skipped.push({ path: source.path, display: source.display, reason: e instanceof SkipFile ? e.message : `unreadable: ${(e as Error).message}` });
        }
      }
      options.progress?.(++done / 2, total);
    }
    const read: LinkedFileReader = (fromPath, reference) => {
      for (const candidate of linkCandidates(fromPath, reference, options.root, path.posix)) {
        const f = loaded.get(candidate);
        if (f) return { path: candidate, display: f.source.display, text: f.text };
      }
      return undefined;
    };
    // Measurements are read, not analysed: they are compared with the runs afterwards.
    const measurementFiles: MeasurementFile[] = [];
    const measurementPaths = new Set<string>();
    for (const [key, f] of [...loaded]) {
      if (!isMeasurementFile(key)) continue;
      loaded.delete(key);
      measurementPaths.add(key);
      const cached = this.measurements.get(key);
      const read = cached && cached.hash === f.hash ? cached.read : readMeasurements(f.source.path, f.source.display, f.text);
      this.measurements.set(key, { hash: f.hash, read });
      if (read) measurementFiles.push(read);
    }
    // Pass 2: analyse, reusing what did not change.
    const files: Array<Omit<ScannedFile, 'measured'>> = [];
    const leftOut: ScanResult['leftOut'] = [];
    let analysed = 0;
    for (const f of loaded.values()) {
      if (options.isCancelled?.()) return { files: [], skipped, cancelled: true, analysed, measurementFiles: [], leftOut: [] };
      const settings = options.settingsFor(f.source.path);
      const settingsKey = JSON.stringify([settings, options.overrides ?? {}, options.entryRules ?? {}]);
      const cached = this.entries.get(f.source.path);
      let analysis: LinkedAnalysis;
      if (cached && cached.hash === f.hash && cached.settingsKey === settingsKey && [...cached.linked].every(([p, h]) => loaded.get(p)?.hash === h)) {
        analysis = cached.analysis;
      } else {
        analysis = analyzeText({ path: f.source.path, text: f.text, relativePath: f.source.display, entryRules: options.entryRules }, options.python, settings, options.overrides, read);
        analysed++;
        this.entries.set(f.source.path, { hash: f.hash, settingsKey, linked: new Map(analysis.linkedFiles.map((p) => [p, loaded.get(p)?.hash ?? ''] as const)), analysis });
      }
      const skip = analysis.problems.find((p) => p.startsWith('skipped'));
      if (skip) skipped.push({ path: f.source.path, display: f.source.display, reason: skip.replace(/^skipped: /, '') });
      files.push({ path: f.source.path, display: f.source.display, analysis });
      if (analysis.notARun) leftOut.push({ path: f.source.path, display: f.source.display, reason: analysis.notARun });
      options.progress?.(++done / 2, total);
    }
    // Files that vanished since the last scan leave the cache.
    for (const key of [...this.entries.keys()]) if (!loaded.has(key)) this.entries.delete(key);
    for (const key of [...this.measurements.keys()]) if (!measurementPaths.has(key)) this.measurements.delete(key);
    const kept = withoutLinkedDuplicates(files);
    const runs = kept.flatMap((f) => f.analysis.runs.map((analyzed) => ({ path: f.path, analyzed, facts: f.analysis.facts })));
    const matches = matchMeasurements(runs, measurementFiles);
    let next = 0;
    const withMeasured = kept.map((f) => ({ ...f, measured: f.analysis.runs.map(() => matches[next++]) }));
    return { files: withMeasured, skipped, cancelled: false, analysed, measurementFiles, leftOut };
  }
}
