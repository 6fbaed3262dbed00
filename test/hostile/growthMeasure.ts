import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { analyzeText, notebookCode, parseWithin } from '../../src/core/analyze';
import { withWrittenConfigs } from '../../src/core/extract/notebookConfigs';
import { parseCodeCarbonCsv } from '../../src/core/calibration/codecarbon';
import { parseModelCard } from '../../src/core/calibration/modelCard';
import { extractConfigFacts } from '../../src/core/extract/configFacts';
import { extractDirectives } from '../../src/core/extract/directives';
import { extractShellFacts } from '../../src/core/extract/shellFacts';
import type { PythonParsing } from '../../src/core/parse/pythonParser';
import { DEFAULT_SETTINGS } from '../../src/core/runSpec';
import { mayStartARun } from '../../src/core/scan/prefilter';
import { parseWorkspaceConfig } from '../../src/core/workspaceConfig';
import { parsing } from '../unit/helpers';
import { GROWTH_CASES, type GrowthCase } from './cases';
import { withNotebookLaunches } from '../../src/core/extract/shell/notebookLaunch';
import { findModel } from '../../src/core/knowledge';
import { yacsDefaultsFacts } from '../../src/core/extract/config/yacsDefaults';
import { docSizeRows } from '../../src/core/scan/documentedSizes';
import { sizeFromModelName } from '../../src/core/knowledge/modelName';

/**
 * Every reader is linear on pathological input: reading 4n costs at most about 4× reading n.
 * A quadratic reader gives 16×, so the bound below (10×) has room for noise on a shared machine
 * while still failing on super-linear work. Timings are the best of several runs, at a size where
 * one run takes long enough to measure; a case that fails is measured twice more before failing.
 * GREENAI_GROWTH_LOG=1 prints every case's sizes and times.
 */

export const MAX_RATIO = 10;
/** A run at size n should take at least this long for the ratio to mean something. */
const MIN_MS = 15;
/** Below this, a time is clock and scheduler noise: ratios are taken against it. */
export const FLOOR_MS = 3;

/**
 * A collection before each timed run, so garbage from the last run is not billed to this one
 * (gc is exposed at run time: mocha's own node flags stay as they are).
 */
const collect: () => void = (() => {
  try {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as (options?: { type: 'minor' | 'major' }) => void;
    // A young-generation collection: cheap (a full one costs tens of ms with the parser loaded).
    return () => gc({ type: 'minor' });
  } catch {
    return () => undefined;
  }
})();

function timed(fn: () => void): number {
  collect();
  const start = performance.now();
  fn();
  return performance.now() - start;
}

export interface Prepared {
  readonly run: () => unknown;
  readonly dispose?: () => void;
}

/**
 * The reader a case exercises, with what is not under test done beforehand: Python is parsed once
 * outside the timing (tree-sitter's own speed is not ours to bound; the file budget covers it).
 */
export function reader(c: GrowthCase, python: PythonParsing): (text: string) => Prepared {
  const plain =
    (read: (t: string) => unknown) =>
    (text: string): Prepared => ({ run: () => read(text) });
  switch (c.reader) {
    case 'shell':
      // With a path, as the folder scan reads them (a run named after its folder reads the path).
      return plain((t) => extractShellFacts(t, '/repo/experiments/tr_1/a.sh'));
    case 'config':
      return plain((t) => extractConfigFacts(t, 'yaml'));
    case 'python':
      return (text) => {
        const tree = python.parser.parse(text);
        if (!tree) throw new Error('the parser gave up');
        return {
          run: () => analyzeText({ path: c.file, text, tree, timeBudgetMs: 60_000 }, python, DEFAULT_SETTINGS),
          dispose: () => tree.delete(),
        };
      };
    case 'directives':
      return plain((t) => extractDirectives(t));
    case 'codecarbon':
      return plain((t) => parseCodeCarbonCsv(t, c.file));
    case 'workspaceConfig':
      return plain((t) => parseWorkspaceConfig(t));
    case 'notebook':
      return plain((t) => notebookCode(t));
    case 'notebookConfigs':
      return plain((t) => withWrittenConfigs([], [{ index: 0, startLine: 0, text: t }], t));
    case 'notebookLaunches':
      return plain((t) => withNotebookLaunches([], [{ index: 0, startLine: 0, text: t }], '/repo/recipes/a.ipynb'));
    case 'modelCard':
      return plain((t) => parseModelCard(t, c.file));
    case 'prefilter':
      return plain((t) => mayStartARun(t, 'python'));
    case 'pythonParse':
      return plain((t) => parseWithin(python, t, performance.now() + 60_000)?.delete());
    case 'modelLookup':
      return plain((t) => [findModel(t), sizeFromModelName(t)]);
    case 'gin':
      // The whole reading of a gin file: its statements and the run they compose (no links).
      return plain((t) => analyzeText({ path: c.file, text: t, timeBudgetMs: 60_000 }, python, DEFAULT_SETTINGS));
    case 'yacsDefaults':
      return plain((t) => yacsDefaultsFacts(t));
    case 'docSizes':
      return plain((t) => docSizeRows(t));
  }
}

/** Best times at n and 4n (interleaved, so a busy moment hits both), n doubled until one run is measurable. */
export function measure(c: GrowthCase, prepare: (text: string) => Prepared): { n: number; t1: number; t4: number } {
  const held: Prepared[] = [];
  const at = (size: number) => {
    const p = prepare(c.make(size));
    held.push(p);
    return p;
  };
  try {
    let n = c.n;
    let small = at(n);
    small.run(); // warm the JIT and the regex caches
    let t1 = timed(small.run);
    while (t1 < MIN_MS && n * 8 <= c.maxN) {
      n *= 2;
      small = at(n);
      t1 = Math.min(timed(small.run), timed(small.run));
    }
    const big = at(4 * n);
    big.run(); // warm at this size too (inline caches, memory already grown)
    let t4 = Infinity;
    for (let round = 0; round < 2; round++) {
      t4 = Math.min(t4, timed(big.run));
      t1 = Math.min(t1, timed(small.run));
    }
    return { n, t1, t4 };
  } finally {
    for (const p of held) p.dispose?.();
  }
}

/**
 * `node growthMeasure.js "<case name>"`: the case measured in a fresh process, printed as JSON. The suite asks
 * for this before calling a reader super-linear: after a thousand other tests the engine's state (inline caches,
 * compiled code, heap) is the suite's, and one case was measured at ×20 there and ×4 alone, on both sides of a
 * change that touched nothing it reads.
 */
if (require.main === module) {
  const c = GROWTH_CASES.find((x) => x.name === process.argv[2]);
  if (!c) throw new Error(`no growth case named ${process.argv[2]}`);
  void parsing().then((python) => console.log(JSON.stringify(measure(c, reader(c, python)))));
}
