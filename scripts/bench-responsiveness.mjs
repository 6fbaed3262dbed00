// npm run bench:responsiveness: in a real VS Code (the offline code-server, as the integration
// suite runs), the time from a cold activation to the first hint, and hover latency before and
// while the Workspace Report scans a large folder (GREENAI_BENCH_FOLDER, default the diffusers
// snapshot under /work/corpus). Run it under the shared lock. Ends with a BENCH line.
//   GREENAI_BENCH_EXTENSION=DIR measures another build of the extension (e.g. a baseline checkout).
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  ROOT,
  ensureCodeServer,
  freePort,
  freshProfile,
  launchChromium,
  scratchDir,
  startCodeServer,
} from './code-server.mjs';

const FOLDER = process.env.GREENAI_BENCH_FOLDER ?? '/work/corpus/huggingface+diffusers';
const EXTENSION = process.env.GREENAI_BENCH_EXTENSION ?? ROOT;
const MODULE = join(ROOT, 'out/test/bench/responsiveness.js');
const RESULT = join(scratchDir('responsiveness'), 'result.json');
const TIMEOUT_MS = Number(process.env.GREENAI_BENCH_TIMEOUT_MS ?? 600_000);

for (const [what, p] of [
  ['folder', FOLDER],
  ['bench module (npx tsc -p .)', MODULE],
  ['extension bundle (npm run build)', join(EXTENSION, 'dist/extension.js')],
]) {
  if (!existsSync(p)) {
    console.error(`missing ${what}: ${p}`);
    process.exit(1);
  }
}
ensureCodeServer();
const port = await freePort();
const profile = freshProfile('responsiveness');
process.env.GREENAI_BENCH_RESULT = RESULT;
const server = await startCodeServer({ port, userDataDir: profile.userDataDir, extensionsDir: profile.extensionsDir });
const browser = await launchChromium();
try {
  const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
  const payload = JSON.stringify([
    ['extensionDevelopmentPath', remote(EXTENSION)],
    ['extensionTestsPath', remote(MODULE)],
  ]);
  const page = await browser.newPage();
  await page.goto(
    `http://127.0.0.1:${port}/?folder=${encodeURIComponent(FOLDER)}&payload=${encodeURIComponent(payload)}`,
  );
  const deadline = Date.now() + TIMEOUT_MS;
  while (!existsSync(RESULT)) {
    if (Date.now() > deadline)
      throw new Error(`no result after ${TIMEOUT_MS / 1000} s; code-server said:\n${server.output().slice(-4000)}`);
    if (server.child.exitCode !== null)
      throw new Error(`code-server exited (${server.child.exitCode}):\n${server.output().slice(-4000)}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  await new Promise((r) => setTimeout(r, 300));
} finally {
  await browser.close();
  await server.stop();
}
const r = JSON.parse(readFileSync(RESULT, 'utf8'));
rmSync(RESULT, { force: true });
if (r.error) {
  console.error(`responsiveness: ${r.error}`);
  process.exit(1);
}
const f = (x) => (typeof x === 'number' && Number.isFinite(x) ? x.toFixed(0) : 'n/a');
console.log(
  `folder ${FOLDER}; extension ${EXTENSION}${r.alreadyActive ? ' (was already active: first hint not cold)' : ''}`,
);
console.log(
  `cold activation ${f(r.activateMs)} ms; document open at ${f(r.openedMs)} ms, editor shown at ${f(r.shownMs)} ms, first hint request took ${f(r.firstAskMs)} ms (${r.asks} asked); first hint ${f(r.firstHintMs)} ms after activation began`,
);
console.log(
  `hovers, idle: ${r.idleHover.n}, p50 ${f(r.idleHover.p50Ms)} ms, p95 ${f(r.idleHover.p95Ms)} ms, max ${f(r.idleHover.maxMs)} ms`,
);
console.log(
  `hovers during a ${(r.scanMs / 1000).toFixed(1)} s scan (${r.reportRuns} runs): ${r.scanHover.n} (${r.scanHover.answered} with our estimate), p50 ${f(r.scanHover.p50Ms)} ms, p95 ${f(r.scanHover.p95Ms)} ms, max ${f(r.scanHover.maxMs)} ms`,
);
console.log(
  `extension host timer lag during the scan: p95 ${f(r.hostTimerLag.p95Ms)} ms, max ${f(r.hostTimerLag.maxMs)} ms; host RSS ${f(r.hostRssBeforeMb)} MB before activation, ${f(r.hostRssMb)} MB after the scan, peak ${f(r.hostPeakRssMb)} MB`,
);
console.log(
  `BENCH responsiveness: first_hint_ms=${f(r.firstHintMs)} activate_ms=${f(r.activateMs)} idle_hover_p95_ms=${f(r.idleHover.p95Ms)} scan_hover_p95_ms=${f(r.scanHover.p95Ms)} scan_hover_max_ms=${f(r.scanHover.maxMs)} scan_hovers=${r.scanHover.n} scan_s=${(r.scanMs / 1000).toFixed(1)} host_lag_p95_ms=${f(r.hostTimerLag.p95Ms)} host_added_peak_rss_mb=${f(r.hostPeakRssMb - r.hostRssBeforeMb)}`,
);
