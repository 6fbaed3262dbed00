import * as path from 'node:path';
import { workerData } from 'node:worker_threads';
import type { ScanWorkerData } from '../core/scan/workerPool';
import { loadWithCodeCache } from './codeCache';

/**
 * A scan worker's entry (dist/scanWorker.js): runs the worker (dist/scanWorker-main.js) through V8's
 * code cache in the folder its pool names (codeCache.ts). A worker is terminated without an exit
 * event, so its cache is saved a while after it starts, once its first files have run the code.
 */
const CACHE_SAVED_AFTER_MS = 1000;

loadWithCodeCache(path.join(__dirname, 'scanWorker-main.js'), (workerData as ScanWorkerData).codeCacheDir, {
  afterMs: CACHE_SAVED_AFTER_MS,
});
