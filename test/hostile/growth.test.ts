import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import type { PythonParsing } from '../../src/core/parse/pythonParser';
import { parsing } from '../unit/helpers';
import { GROWTH_CASES, type GrowthCase } from './cases';
import { FLOOR_MS, MAX_RATIO, measure, reader } from './growthMeasure';

/** The case measured again in a fresh process (growthMeasure.ts). */
function measureAlone(c: GrowthCase): { n: number; t1: number; t4: number } {
  const r = spawnSync(process.execPath, [path.join(__dirname, 'growthMeasure.js'), c.name], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`measuring ${c.name} alone failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as { n: number; t1: number; t4: number };
}

describe('Hostile input: reading stays linear (time at 4n ≤ ~4× time at n)', function () {
  this.timeout(60_000);
  let python: PythonParsing;
  before(async () => {
    python = await parsing();
  });

  for (const c of GROWTH_CASES) {
    it(c.name, () => {
      const prepare = reader(c, python);
      let m = measure(c, prepare);
      let ratio = m.t4 / Math.max(m.t1, FLOOR_MS);
      // Up to two more measurements, each in a fresh process, before calling it super-linear: other processes share
      // the machine, the suite leaves the engine in its own state (growthMeasure.ts),
      // and caches make a larger input somewhat slower per byte. A quadratic reader fails all three.
      for (let retry = 0; retry < 2 && ratio >= MAX_RATIO; retry++) {
        m = measureAlone(c);
        ratio = m.t4 / Math.max(m.t1, FLOOR_MS);
      }
      if (process.env.GREENAI_GROWTH_LOG)
        console.log(`      ${c.name}: n=${m.n} ${m.t1.toFixed(1)} ms, 4n ${m.t4.toFixed(1)} ms, ×${ratio.toFixed(1)}`);
      assert.ok(
        ratio < MAX_RATIO,
        `${c.name}: ${m.t1.toFixed(1)} ms at n=${m.n}, ${m.t4.toFixed(1)} ms at 4n: ×${ratio.toFixed(1)}`,
      );
    });
  }
});
