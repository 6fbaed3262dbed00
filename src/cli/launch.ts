import * as path from 'node:path';
import { allowScanGarbageCollection } from '../core/scan/heapTrim';
import { loadWithCodeCache, userCodeCacheDir } from '../launch/codeCache';

/**
 * The CLI's entry (dist/cli.js): loads the CLI itself (dist/cli-main.js) through V8's code cache,
 * which saves a fresh process most of the bundle's compilation (codeCache.ts), and starts it.
 */

// First, because V8 keys its code cache on the process's flags: set after the load (startCli sets it
// too), the cache saved at exit would not match the flags of the next process's load, and be rejected.
allowScanGarbageCollection();
const cli = loadWithCodeCache(path.join(__dirname, 'cli-main.js'), userCodeCacheDir(), 'exit').exports as {
  startCli: () => void;
};
cli.startCli();
