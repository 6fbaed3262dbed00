import { parentPort, workerData } from 'node:worker_threads';
import { loadPythonParsing } from '../parse/pythonParser';
import { LinkedFactsMemo, runScanJob, type LinkAnswer, type ScanJobResult } from './scanJob';
import { HeapTrimmer } from './heapTrim';
import type { FromWorker, ScanWorkerData, ToWorker } from './workerPool';

/**
 * A folder-scan worker thread (bundled as dist/scanWorker.js): loads its own parser
 * once, then analyses the files the pool hands it, asking the pool for the files a
 * run links to.
 */

const port = parentPort;
if (!port) throw new Error('scanWorker runs as a worker thread');
const { wasm } = workerData as ScanWorkerData;
const post = (m: FromWorker) => port.postMessage(m);
const parsing = loadPythonParsing(wasm);
parsing.then(
  () => post({ type: 'ready' }),
  (e: unknown) => post({ type: 'broken', reason: `the Python parser did not load: ${(e as Error).message}` }),
);
const memo = new LinkedFactsMemo();
const heap = new HeapTrimmer();
const waiting = new Map<number, (answers: readonly LinkAnswer[]) => void>();

port.on('message', (m: ToWorker) => {
  if (m.type === 'links') {
    waiting.get(m.id)?.(m.answers);
    waiting.delete(m.id);
    return;
  }
  void parsing.then(
    async (python) => {
      const result = await runScanJob(
        m.job,
        python,
        (requests) =>
          new Promise((resolve) => {
            waiting.set(m.id, (answers) => resolve([...answers]));
            post({ type: 'links', id: m.id, requests });
          }),
        memo,
      );
      send(m.id, result);
      heap.afterFile();
    },
    () => undefined,
  );
});

/**
 * Posting copies the result; a suggestion's quick fix is computed then (its getter runs here, not
 * on the caller's thread). A function that slipped into the data (a file's key that names an
 * Object.prototype member, read through a plain object) cannot be copied: it is dropped, as
 * JSON would drop it, rather than failing the file.
 */
function send(id: number, result: ScanJobResult): void {
  try {
    post({ type: 'done', id, result });
  } catch {
    try {
      post({ type: 'done', id, result: withoutFunctions(result) as ScanJobResult });
    } catch (e) {
      post({ type: 'done', id, result: { role: 'failed', reason: `analysis failed: ${(e as Error).message}` } });
    }
  }
}

function withoutFunctions(value: unknown, seen = new Map<object, unknown>()): unknown {
  if (typeof value === 'function') return undefined;
  if (typeof value !== 'object' || value === null) return value;
  if (seen.has(value)) return seen.get(value);
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    seen.set(value, out);
    for (const v of value) out.push(withoutFunctions(v, seen));
    return out;
  }
  const out: Record<string, unknown> = {};
  seen.set(value, out);
  // defineProperty: a key named __proto__ stays a key.
  for (const [k, v] of Object.entries(value))
    Object.defineProperty(out, k, {
      value: withoutFunctions(v, seen),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  return out;
}
