import * as v8 from 'node:v8';
import * as vm from 'node:vm';

/**
 * A folder scan allocates far more than it keeps (syntax-tree nodes, blanked copies of a file's text, regex
 * matches), and V8 may let that garbage grow the heap a long way before it collects on its own. Measured with the
 * CLI on diffusers' 2,089 Python files while another process kept the disk and a core busy: 114–158 MB of used heap
 * with about 40 MB live, 264–308 MB peak RSS on one thread and 312–314 MB on two; with a collection once the heap
 * has grown by HEAP_GROWTH_BEFORE_COLLECT_MB, 80–85 MB of heap, 220–226 MB and 280–292 MB, with two or three
 * collections over the whole scan and no measurable time. On a quiet host V8 collects in time by itself (both ways
 * 212–218 MB on one thread, 279–289 MB on two): this bounds the bad case, it does not shrink the usual one
 * (docs/MEASUREMENTS.md, thirtieth round).
 */
export const HEAP_GROWTH_BEFORE_COLLECT_MB = 32;

/**
 * Lets the scan's threads collect their own garbage. Only for a program that owns its process (the CLI):
 * V8's flags are process-wide, so the editor never calls this and its scan workers leave collection to V8.
 */
export function allowScanGarbageCollection(): void {
  v8.setFlagsFromString('--expose-gc');
}

/** The collector a fresh context gets when the process allows it (see allowScanGarbageCollection). */
function exposedCollector(): (() => void) | undefined {
  try {
    const gc: unknown = vm.runInNewContext('typeof gc === "function" ? gc : undefined');
    if (typeof gc !== 'function') return undefined;
    const collect = gc as () => void;
    return () => collect();
  } catch {
    return undefined;
  }
}

const usedHeapBytes = () => v8.getHeapStatistics().used_heap_size;

/** Asked after each file a thread analyses; collects when the heap has grown enough since the last time. */
export class HeapTrimmer {
  private baseline: number;
  private collections = 0;

  constructor(
    private readonly collect: (() => void) | null = exposedCollector() ?? null,
    private readonly usedHeap: () => number = usedHeapBytes,
    private readonly growthBytes: number = HEAP_GROWTH_BEFORE_COLLECT_MB * 1024 * 1024,
  ) {
    this.baseline = collect ? usedHeap() : 0;
  }

  /** Whether this thread may collect (the process allowed it). */
  get active(): boolean {
    return this.collect !== null;
  }

  get collected(): number {
    return this.collections;
  }

  afterFile(): void {
    if (!this.collect || this.usedHeap() <= this.baseline + this.growthBytes) return;
    this.collect();
    this.collections++;
    this.baseline = this.usedHeap();
  }
}
