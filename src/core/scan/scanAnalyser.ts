import * as fs from 'node:fs';
import * as path from 'node:path';
import type { PythonParsing, WasmLocation } from '../parse/pythonParser';
import { InThreadAnalyser, type FetchLinks, type FileAnalyser, type ScanJob, type ScanJobResult } from './scanJob';
import { scanPoolSize, ScanWorkerPool } from './workerPool';

/**
 * Picks where a folder scan analyses its files. The editor hands every file to worker
 * threads (its own thread must stay free for hovers and other extensions). The CLI's
 * thread has nothing else to do: it analyses files too, from the first moment, while
 * workers (one per remaining core) start up and join in; a small folder is done before
 * a worker would have started, so it is scanned on the CLI's thread alone.
 */

export interface AnalyserChoice {
  /** Candidate worker entries, first existing one wins (the bundle's, then the unbundled build's). */
  readonly workerScripts: readonly string[];
  readonly wasm: WasmLocation;
  /** The workers' code-cache folder (codeCache.ts), if any. */
  readonly codeCacheDir?: string;
  /** This thread's parser, loaded only if files are analysed here. */
  readonly python: () => Promise<PythonParsing>;
  /** This thread analyses files too (the CLI); otherwise only workers do, unless they cannot start. */
  readonly alsoThisThread?: boolean;
  /** How many files the scan will see, when known: below SMALL_FOLDER_FILES this thread does it alone. */
  readonly files?: number;
  /** Threads in all (default: one per core, at most MAX_SCAN_WORKERS). */
  readonly size?: number;
  readonly idleMs?: number;
}

export interface ChosenAnalyser {
  readonly analyser: FileAnalyser;
  /** Why no worker threads are used, when none are. */
  readonly inThreadBecause?: string;
}

/** A file that takes this long is pathological: it is reported as skipped and its worker replaced. */
export const SCAN_JOB_TIMEOUT_MS = 60_000;

/** Fewer files than this are scanned sooner than a worker thread starts (measured: ~0.2 s to start, ~8 ms a file). */
export const SMALL_FOLDER_FILES = 64;

export async function chooseScanAnalyser(choice: AnalyserChoice): Promise<ChosenAnalyser> {
  const size = choice.size ?? scanPoolSize();
  const script = choice.workerScripts.find((s) => fs.existsSync(s));
  const here = async (because: string): Promise<ChosenAnalyser> => ({
    analyser: new InThreadAnalyser(await choice.python()),
    inThreadBecause: because,
  });
  if (!script) return here(`no worker entry at ${choice.workerScripts.map((s) => path.basename(s)).join(' or ')}`);
  const pool = (workers: number, jobsPerWorker?: number) =>
    new ScanWorkerPool({
      workerScript: script,
      wasm: choice.wasm,
      codeCacheDir: choice.codeCacheDir,
      size: workers,
      idleMs: choice.idleMs,
      jobTimeoutMs: SCAN_JOB_TIMEOUT_MS,
      jobsPerWorker,
    });
  if (choice.alsoThisThread) {
    if (size <= 1) return here('one core');
    if (choice.files !== undefined && choice.files < SMALL_FOLDER_FILES)
      return here(`${choice.files} files, fewer than ${SMALL_FOLDER_FILES}`);
    return {
      analyser: new SharedAnalyser(
        new InThreadAnalyser(await choice.python()),
        pool(size - 1, SHARED_JOBS_PER_WORKER),
        choice.files,
      ),
    };
  }
  const workers = pool(size);
  const problem = await workers.check();
  if (!problem) return { analyser: workers };
  await workers.dispose();
  return here(problem);
}

/** While this thread analyses a file it cannot hand workers more: each holds this many. */
const SHARED_JOBS_PER_WORKER = 4;

/**
 * A worker repays its start (loading the bundle and the grammar on another core, 0.3–0.5 s, then
 * warming up) only on a scan with more than this much work left for this thread alone.
 */
export const WORKER_WORTH_MS = 600;
/** Files this thread analyses before the work left is estimated from their pace. */
const PACE_SAMPLE_FILES = 12;

/**
 * This thread and a worker pool sharing one scan: each file goes to whichever has room.
 * Workers that cannot start leave every file to this thread. The workers are started only
 * once the scan's pace so far says the files left would keep this thread busy for longer than
 * WORKER_WORTH_MS (a small folder is done sooner than a worker is ready), or at once when the
 * number of files is not known.
 */
export class SharedAnalyser implements FileAnalyser {
  readonly concurrency: number;
  private hereBusy = 0;
  private poolBusy = 0;
  private poolWanted: boolean;
  private firstAt: number | undefined;
  private handed = 0;

  constructor(
    private readonly here: InThreadAnalyser,
    private readonly pool: ScanWorkerPool,
    /** Files the scan will hand over at most, when known. */
    private readonly files?: number,
  ) {
    this.concurrency = here.concurrency + pool.concurrency;
    this.poolWanted = files === undefined;
  }

  /** Whether the workers are in use (started, or to be started with the next file). */
  get workersStarted(): boolean {
    return this.poolWanted;
  }

  private worthWorkers(): boolean {
    if (this.poolWanted || this.files === undefined) return true;
    const now = performance.now();
    this.firstAt ??= now;
    const done = this.handed - this.hereBusy - this.poolBusy;
    if (done < PACE_SAMPLE_FILES) return false;
    const left = Math.max(0, this.files - this.handed);
    return (this.poolWanted = ((now - this.firstAt) / done) * left > WORKER_WORTH_MS);
  }

  async analyse(job: ScanJob, fetchLinks: FetchLinks, large = false): Promise<ScanJobResult> {
    const workers = this.worthWorkers();
    this.handed++;
    if (large || !workers) return this.analyseHere(job, fetchLinks);
    // The pool takes a file when it has a thread free, or when this thread is busy and the pool can hold more.
    const roomInPool =
      this.poolBusy < this.pool.concurrency ||
      (this.hereBusy >= this.here.concurrency && this.poolBusy < this.pool.concurrency * SHARED_JOBS_PER_WORKER);
    const toPool = !this.pool.unusable && roomInPool;
    if (toPool) {
      this.poolBusy++;
      const result = await this.pool.analyse(job, fetchLinks).finally(() => this.poolBusy--);
      if (result.role !== 'failed' || !this.pool.unusable) return result;
    }
    return this.analyseHere(job, fetchLinks);
  }

  private async analyseHere(job: ScanJob, fetchLinks: FetchLinks): Promise<ScanJobResult> {
    this.hereBusy++;
    try {
      return await this.here.analyse(job, fetchLinks);
    } finally {
      this.hereBusy--;
    }
  }

  async dispose(): Promise<void> {
    await Promise.all([this.here.dispose(), this.pool.dispose()]);
  }
}
