import * as os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { WasmLocation } from '../parse/pythonParser';
import type { FetchLinks, FileAnalyser, LinkAnswer, LinkRequest, ScanJob, ScanJobResult } from './scanJob';

/**
 * Analyses a scan's files on worker threads, one parser each, so a folder scan uses
 * every core and never blocks the thread that asked for it (in the editor, the
 * extension host, which must keep answering hovers). The scan keeps reading and
 * resolving links on its own thread; each worker asks it for the files a run names.
 */

/** Messages to a worker. */
export type ToWorker =
  | { readonly type: 'job'; readonly id: number; readonly job: ScanJob }
  | { readonly type: 'links'; readonly id: number; readonly answers: readonly LinkAnswer[] };

/** Messages from a worker. */
export type FromWorker =
  | { readonly type: 'ready' }
  | { readonly type: 'broken'; readonly reason: string }
  | { readonly type: 'links'; readonly id: number; readonly requests: readonly LinkRequest[] }
  | { readonly type: 'done'; readonly id: number; readonly result: ScanJobResult };

/** What a worker needs to start: where the wasm files are. */
export interface ScanWorkerData {
  readonly wasm: WasmLocation;
  /** Where the worker's entry keeps V8's code cache of the worker bundle (none: compile every time). */
  readonly codeCacheDir?: string;
}

export interface ScanWorkerPoolOptions {
  /** The worker entry (dist/scanWorker.js in the bundles, scanWorker.js next to this file unbundled). */
  readonly workerScript: string;
  readonly wasm: WasmLocation;
  readonly codeCacheDir?: string;
  readonly size: number;
  /** Workers are stopped after this long without work (their memory returned); started again on demand. */
  readonly idleMs?: number;
  /** A file that takes longer is reported as skipped and its worker replaced (a pathological input must not stall the scan). */
  readonly jobTimeoutMs?: number;
  /**
   * Files handed to a worker at once (default 2: the next one is there when the current one is done or
   * waits for a link). More when the calling thread analyses files too: while it does, it cannot hand out more.
   */
  readonly jobsPerWorker?: number;
}

/** More workers than this cost memory (a parser and a heap each) for little gain on a scan that also reads files. */
export const MAX_SCAN_WORKERS = 4;

/**
 * Each worker's young generation (Node's `resourceLimits.maxYoungGenerationSizeMb`). V8's default lets it
 * grow to 32 MB per thread (16 MB semi-spaces), and a worker parsing file after file fills it: measured on
 * diffusers' folder scan, a worker's new space sat at 32 MB from the first second. A file's analysis lives
 * for milliseconds, so a small nursery costs a few more scavenges, not more survivors: with 8 MB the CLI's
 * peak RSS on that scan went from 307–330 MB to 275–284 MB (three runs each, alternated; CPU time within
 * the runs' noise). docs/MEASUREMENTS.md has the runs.
 */
export const WORKER_YOUNG_GENERATION_MB = 8;

export function scanPoolSize(cores: number = os.availableParallelism()): number {
  return Math.max(1, Math.min(cores, MAX_SCAN_WORKERS));
}

interface Pending {
  readonly id: number;
  readonly job: ScanJob;
  /** Goes to the first worker only (see FileAnalyser.analyse). */
  readonly large: boolean;
  readonly fetchLinks: FetchLinks;
  readonly resolve: (result: ScanJobResult) => void;
  timer?: NodeJS.Timeout;
  /** Already on a worker that crashed: a second crash fails it. */
  retried?: boolean;
}

interface Slot {
  readonly worker: Worker;
  readonly jobs: Map<number, Pending>;
  /** Settles when the worker has loaded its parser (undefined) or could not (why). */
  readonly ready: Promise<string | undefined>;
}

export class ScanWorkerPool implements FileAnalyser {
  readonly concurrency: number;
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private idleTimer: NodeJS.Timeout | undefined;
  /** Why no worker can parse (the wasm did not load): every file then fails at once. */
  private broken: string | undefined;
  private disposed = false;

  constructor(private readonly options: ScanWorkerPoolOptions) {
    this.concurrency = Math.max(1, options.size);
  }

  analyse(job: ScanJob, fetchLinks: FetchLinks, large = false): Promise<ScanJobResult> {
    if (this.disposed) return Promise.resolve({ role: 'failed', reason: 'the scan was stopped' });
    if (this.broken) return Promise.resolve({ role: 'failed', reason: this.broken });
    clearTimeout(this.idleTimer);
    return new Promise((resolve) => {
      this.queue.push({ id: this.nextId++, job, large, fetchLinks, resolve });
      this.pump();
    });
  }

  /** Why no worker can parse, once that is known. */
  get unusable(): string | undefined {
    return this.broken;
  }

  /** Starts a worker and waits until it has loaded its parser: undefined, or why it could not. */
  async check(): Promise<string | undefined> {
    const slot = this.slots[0] ?? this.spawn();
    const problem = await slot.ready;
    this.settleIdle();
    return problem;
  }

  private spawn(): Slot {
    const data: ScanWorkerData = { wasm: this.options.wasm, codeCacheDir: this.options.codeCacheDir };
    // The heap cap turns a runaway file into one failed file instead of an exhausted host.
    const worker = new Worker(this.options.workerScript, {
      workerData: data,
      resourceLimits: { maxOldGenerationSizeMb: 512, maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
    });
    let settle: (problem: string | undefined) => void = () => undefined;
    const slot: Slot = { worker, jobs: new Map(), ready: new Promise((resolve) => (settle = resolve)) };
    this.slots.push(slot);
    worker.on('message', (m: FromWorker) => {
      if (m.type === 'ready') settle(undefined);
      else if (m.type === 'broken') {
        settle(m.reason);
        this.breakDown(m.reason);
      } else this.onMessage(slot, m);
    });
    worker.on('error', (e) => {
      settle(`the scan worker failed: ${e.message}`);
      this.lose(slot, `the scan worker failed: ${e.message}`);
    });
    worker.on('exit', (code) => {
      settle(`the scan worker exited (code ${code})`);
      this.lose(slot, `the scan worker exited (code ${code})`);
    });
    return slot;
  }

  private pump(): void {
    const perWorker = this.options.jobsPerWorker ?? 2;
    for (let i = 0; i < this.queue.length && !this.broken;) {
      const pending = this.queue[i];
      let slot: Slot | undefined;
      if (pending.large) slot = this.slots[0] ?? this.spawn();
      else {
        const idle = this.slots.find((s) => s.jobs.size === 0);
        slot =
          idle ??
          (this.slots.length < this.concurrency
            ? this.spawn()
            : this.slots.filter((s) => s.jobs.size < perWorker).sort((a, b) => a.jobs.size - b.jobs.size)[0]);
      }
      if (!slot || slot.jobs.size >= perWorker) {
        // A large file waits for the first worker; others may still find room elsewhere.
        if (pending.large) {
          i++;
          continue;
        }
        break;
      }
      this.queue.splice(i, 1);
      slot.jobs.set(pending.id, pending);
      slot.worker.ref();
      if (this.options.jobTimeoutMs)
        pending.timer = setTimeout(() => this.timeOut(slot, pending), this.options.jobTimeoutMs);
      // Copied, not transferred: if this worker is lost, the job can go to another.
      this.post(slot, { type: 'job', id: pending.id, job: pending.job });
    }
  }

  private post(slot: Slot, message: ToWorker): void {
    try {
      slot.worker.postMessage(message);
    } catch (e) {
      this.lose(slot, `could not hand a file to the scan worker: ${(e as Error).message}`);
    }
  }

  private onMessage(slot: Slot, m: Extract<FromWorker, { id: number }>): void {
    const pending = slot.jobs.get(m.id);
    if (!pending) return;
    if (m.type === 'links') {
      pending.fetchLinks(m.requests).then(
        (answers) => this.post(slot, { type: 'links', id: m.id, answers }),
        () => this.post(slot, { type: 'links', id: m.id, answers: m.requests.map((r) => ({ ...r, target: null })) }),
      );
      return;
    }
    slot.jobs.delete(m.id);
    this.finish(pending, m.result);
    this.pump();
    this.settleIdle();
  }

  private finish(pending: Pending, result: ScanJobResult): void {
    clearTimeout(pending.timer);
    pending.resolve(result);
  }

  private take(slot: Slot): Pending[] {
    const jobs = [...slot.jobs.values()];
    slot.jobs.clear();
    return jobs;
  }

  /** No worker can parse: fail what is waiting and everything that comes. */
  private breakDown(reason: string): void {
    this.broken = reason;
    for (const p of this.queue.splice(0)) this.finish(p, { role: 'failed', reason });
    for (const s of this.slots.splice(0)) {
      for (const p of this.take(s)) this.finish(p, { role: 'failed', reason });
      void s.worker.terminate();
    }
  }

  /**
   * A worker is gone: crashed (no culprit known: each of its files gets one more try, and
   * fails on a second crash) or stopped because `culprit` took too long (the others go on).
   */
  private lose(slot: Slot, reason: string, culprit?: Pending): void {
    const at = this.slots.indexOf(slot);
    if (at < 0) return;
    this.slots.splice(at, 1);
    void slot.worker.terminate();
    for (const p of this.take(slot)) {
      if (p === culprit || (culprit === undefined && p.retried)) this.finish(p, { role: 'failed', reason });
      else {
        clearTimeout(p.timer);
        if (culprit === undefined) p.retried = true;
        this.queue.unshift(p);
      }
    }
    if (!this.disposed) this.pump();
    this.settleIdle();
  }

  private timeOut(slot: Slot, pending: Pending): void {
    if (!slot.jobs.has(pending.id)) return;
    this.lose(slot, `took longer than ${(this.options.jobTimeoutMs ?? 0) / 1000} s to analyse`, pending);
  }

  /** With nothing to do, workers no longer keep the process alive, and are stopped after idleMs. */
  private settleIdle(): void {
    if (this.queue.length > 0 || this.slots.some((s) => s.jobs.size > 0)) return;
    for (const s of this.slots) s.worker.unref();
    clearTimeout(this.idleTimer);
    if (this.options.idleMs !== undefined && this.slots.length > 0) {
      this.idleTimer = setTimeout(() => void this.stopWorkers(), this.options.idleMs);
      this.idleTimer.unref();
    }
  }

  private async stopWorkers(): Promise<void> {
    const slots = this.slots.splice(0);
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    clearTimeout(this.idleTimer);
    for (const p of this.queue.splice(0)) this.finish(p, { role: 'failed', reason: 'the scan was stopped' });
    const slots = this.slots.splice(0);
    for (const s of slots)
      for (const p of this.take(s)) this.finish(p, { role: 'failed', reason: 'the scan was stopped' });
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }
}
