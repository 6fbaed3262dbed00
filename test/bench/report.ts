import { spawnSync } from 'node:child_process';
import { SKIPPED_FOLDERS } from '../../src/core/scan/safeFiles';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileKindOf } from '../../src/core/analyze';
import { isMeasurementFile } from '../../src/core/calibration/measurement';
import { FolderScanCache, type ScanSource, type StreamedFile } from '../../src/core/scan/folderScan';
import { chooseScanAnalyser, SharedAnalyser } from '../../src/core/scan/scanAnalyser';
import { allowScanGarbageCollection } from '../../src/core/scan/heapTrim';
import { DEFAULT_SETTINGS } from '../../src/core/runSpec';
import { parsing, tempDir } from '../unit/helpers';
import { exampleScripts, helperBlock } from './corpus';

/**
 * npm run bench:report: the Workspace Report's scan (the same FolderScanCache the
 * extension and `green-ai report` use) against a bare single-thread tree-sitter parse
 * of the same Python files.
 *
 * - Default (CI): a generated repository of 5,000+ Python files and configs.
 * - GREENAI_CORPUS=/work/corpus: every repository snapshot in that folder. Each
 *   repository is measured in fresh processes (one for the bare parse, one for the
 *   scan) so that neither warms or bloats the other: cold scan (what `green-ai report`
 *   pays, grammar loading included), warm rescan after one file changed, peak RSS.
 *   Then `green-ai report DIR --json` itself (dist/cli.js, a fresh process, start-up
 *   included), and `green-ai --version` (start-up alone).
 */

const FILES = Number(process.env.GREENAI_BENCH_REPORT_FILES ?? 5000);
const TRAINING = Number(process.env.GREENAI_BENCH_REPORT_TRAINING ?? 300);
const ROOT = path.resolve(__dirname, '../../..');

function generate(dir: string): void {
  const scripts = exampleScripts();
  const configs = fs
    .readdirSync(path.join(__dirname, '../../../test/fixtures/scanner/configs'))
    .map((f) => fs.readFileSync(path.join(__dirname, '../../../test/fixtures/scanner/configs', f), 'utf8'));
  let seed = 5;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let i = 0; i < FILES; i++) {
    const pkg = path.join(dir, `pkg${i % 40}`, `sub${i % 7}`);
    fs.mkdirSync(pkg, { recursive: true });
    let text: string;
    if (i % Math.floor(FILES / TRAINING) === 0) {
      text = scripts[i % scripts.length].replace(/num_train_epochs=3/g, `num_train_epochs=${1 + (i % 5)}`);
    } else {
      // Ordinary code: 40–600 lines of helpers, classes and constants.
      const blocks = 1 + Math.floor(rand() * 18);
      text = 'import json\nimport os\n';
      for (let b = 0; b < blocks; b++) text += helperBlock(i * 100 + b);
    }
    fs.writeFileSync(path.join(pkg, `module_${i}.py`), text);
  }
  for (let i = 0; i < 200; i++)
    fs.writeFileSync(path.join(dir, `pkg${i % 40}`, `config_${i}.yaml`), configs[i % configs.length]);
}

/** The files `green-ai report` scans (its walk: no VCS, dependency or cache folders). */
const SKIP_DIRS = SKIPPED_FOLDERS;
function walk(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name)) walk(p, out);
    } else if (e.isFile() && (fileKindOf(e.name) || isMeasurementFile(e.name))) out.push(p);
  }
  return out;
}

const posix = (p: string) => path.resolve(p).split(path.sep).join('/');

/**
 * Scan sources over node fs, with sizes and times as the editor gives them; `edited` (if
 * given) reads as if one comment line had been appended to it (the snapshots are read-only).
 */
function sourcesFor(dir: string, files: readonly string[], edited?: string): ScanSource[] {
  const suffix = Buffer.from('\n# edited\n');
  return files.map((f) => ({
    path: posix(f),
    display: path.relative(dir, f),
    stat: async () => {
      const st = fs.statSync(f);
      return f === edited
        ? { size: st.size + suffix.length, mtime: st.mtimeMs + 1000 }
        : { size: st.size, mtime: st.mtimeMs };
    },
    read: async () => (f === edited ? Buffer.concat([fs.readFileSync(f), suffix]) : fs.readFileSync(f)),
  }));
}

/** Where the scan analyses files: the pool of worker threads the CLI and the extension use (bundle if built). */
function analyser(files: number) {
  const wasm = {
    runtimeDir: path.join(ROOT, 'node_modules/web-tree-sitter'),
    pythonGrammar: path.join(ROOT, 'node_modules/tree-sitter-python/tree-sitter-python.wasm'),
  };
  return chooseScanAnalyser({
    workerScripts: [path.join(ROOT, 'dist/scanWorker.js'), path.join(ROOT, 'out/src/core/scan/scanWorker.js')],
    wasm,
    python: parsing,
    alsoThisThread: true,
    files,
  });
}

interface ScanFigures {
  workers: string;
  /** CPU time of the whole process (every thread) during the cold scan. */
  coldCpuMs: number;
  /** Analysis time summed per file kind (thread time, cold scan), and the slowest files. */
  byKind: Record<string, { ms: number; files: number; idleMs: number; idleFiles: number }>;
  slowest: Array<{ file: string; ms: number }>;
  coldMs: number;
  warmMs: number;
  files: number;
  runs: number;
  skipped: number;
  reanalysed: number;
  peakRssMb: number;
}

/** One repository's scan, in this (fresh) process: cold, then warm after one Python file changed. */
async function scanChild(dir: string): Promise<ScanFigures> {
  const files = walk(dir);
  for (const f of files) fs.readFileSync(f); // the page cache holds the files, as for the bare parse
  const py = files.filter((f) => f.endsWith('.py'));
  const edited = py[Math.floor(py.length / 2)];
  let t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const { analyser: pool, inThreadBecause } = await analyser(files.length);
  const cache = new FolderScanCache();
  const byKind: ScanFigures['byKind'] = {};
  const timed: Array<{ file: string; ms: number }> = [];
  const onFile = (f: StreamedFile) => {
    if (f.analysisMs === undefined) return;
    const kind = (byKind[f.analysis.kind ?? 'other'] ??= { ms: 0, files: 0, idleMs: 0, idleFiles: 0 });
    kind.ms += f.analysisMs;
    kind.files++;
    // Read and parsed for nothing: no fact, no problem (what a perfect prefilter would have skipped).
    if (f.analysis.facts.length === 0 && f.analysis.problems.length === 0) {
      kind.idleMs += f.analysisMs;
      kind.idleFiles++;
    }
    timed.push({ file: f.display, ms: f.analysisMs });
  };
  const cold = await cache.scan(sourcesFor(dir, files), {
    analyser: pool,
    root: posix(dir),
    settingsFor: () => DEFAULT_SETTINGS,
    onFile,
  });
  const coldMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  t0 = performance.now();
  const warm = await cache.scan(sourcesFor(dir, files, edited), {
    analyser: pool,
    root: posix(dir),
    settingsFor: () => DEFAULT_SETTINGS,
  });
  const warmMs = performance.now() - t0;
  await pool.dispose();
  return {
    workers: inThreadBecause
      ? `this thread (${inThreadBecause})`
      : pool instanceof SharedAnalyser && !pool.workersStarted
        ? 'this thread (the workers were not worth starting)'
        : `this thread + ${pool.concurrency - 1} worker(s)`,
    coldCpuMs: (cpu.user + cpu.system) / 1000,
    byKind,
    slowest: timed.sort((a, b) => b.ms - a.ms).slice(0, 3),
    coldMs,
    warmMs,
    files: files.length,
    runs: cold.files.reduce((n, f) => n + f.analysis.runs.length, 0),
    skipped: cold.skipped.length,
    reanalysed: warm.analysed,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
}

interface ParseFigures {
  /** Loading the runtime and the Python grammar, once (the scan pays it too). */
  loadMs: number;
  parseMs: number;
  parseCpuMs: number;
  pyFiles: number;
}

/** Bare single-thread parse of every Python file the scan reads, in this (fresh) process. */
async function parseChild(dir: string): Promise<ParseFigures> {
  const py = walk(dir).filter((f) => f.endsWith('.py'));
  for (const f of py) fs.readFileSync(f);
  const loading = performance.now();
  const python = await parsing();
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  for (const f of py) python.parser.parse(fs.readFileSync(f, 'utf8'))?.delete();
  const cpu = process.cpuUsage(cpu0);
  return {
    loadMs: t0 - loading,
    parseMs: performance.now() - t0,
    parseCpuMs: (cpu.user + cpu.system) / 1000,
    pyFiles: py.length,
  };
}

/** GREENAI_BENCH_BASELINE=DIR: the same scan from another build (its out/test/bench/report.js), run right after ours, for a before/after under the same load. */
const BASELINE = process.env.GREENAI_BENCH_BASELINE;

function child<T>(mode: string, dir: string, script = __filename): T {
  const r = spawnSync(process.execPath, [script, mode, dir], { encoding: 'utf8', maxBuffer: 1 << 24 });
  const line = r.stdout.split('\n').find((l) => l.startsWith('{'));
  if (r.status !== 0 || !line) throw new Error(`${mode} ${dir} failed (${r.status}): ${r.stderr.slice(-2000)}`);
  return JSON.parse(line) as T;
}

/** `green-ai report DIR --json` as a user runs it (the bundle), for its wall time and peak RSS. */
function cliRun(dir: string): { seconds: number; peakRssMb: number } | undefined {
  const cli = path.join(ROOT, 'dist/cli.js');
  if (!fs.existsSync(cli)) return undefined;
  const t0 = performance.now();
  const r = spawnSync(
    process.execPath,
    ['--require', path.join(__dirname, 'rssOnExit.js'), cli, 'report', dir, '--json'],
    { encoding: 'utf8', maxBuffer: 1 << 28 },
  );
  const seconds = (performance.now() - t0) / 1000;
  const m = /GREENAI_MAX_RSS_KB=(\d+)/.exec(r.stderr);
  return m ? { seconds, peakRssMb: Number(m[1]) / 1024 } : undefined;
}

/** GREENAI_BENCH_CLI_RUNS=N: each repository's `green-ai report` is timed N times, the best kept (default 1). */
const CLI_RUNS = Math.max(1, Number(process.env.GREENAI_BENCH_CLI_RUNS ?? 1));

/** Wall time of one `green-ai` command in a fresh process, as a user runs it (dist/cli.js). */
function cliSeconds(args: readonly string[]): number | undefined {
  const cli = path.join(ROOT, 'dist/cli.js');
  if (!fs.existsSync(cli)) return undefined;
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [cli, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0 && r.status !== 3)
    throw new Error(`green-ai ${args.join(' ')}: exit ${r.status}: ${r.stderr.slice(-2000)}`);
  return seconds;
}

/** `green-ai --version` (start-up alone), median of 7 runs. */
function versionSeconds(): number | undefined {
  const runs: number[] = [];
  for (let i = 0; i < 7; i++) {
    const seconds = cliSeconds(['--version']);
    if (seconds === undefined) return undefined;
    runs.push(seconds);
  }
  return runs.sort((a, b) => a - b)[3];
}

async function repositories(corpus: string): Promise<void> {
  const repos = fs
    .readdirSync(corpus, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => path.join(corpus, e.name))
    .sort();
  // A folder of snapshots holds one folder per repository (`owner+name/`); links and files are not followed.
  if (repos.length === 0) {
    console.error(`bench:report: no repository folders in ${corpus} (one folder per snapshot, as bench:corpus takes)`);
    process.exit(1);
  }
  console.log(
    `${repos.length} repositories in ${corpus}; ${os.availableParallelism()} cores; load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  console.log(
    'repository'.padEnd(38) +
      'files'.padStart(7) +
      'py'.padStart(6) +
      'runs'.padStart(6) +
      'parse_s'.padStart(9) +
      'cold_s'.padStart(8) +
      'ratio'.padStart(7) +
      'load_s'.padStart(8) +
      'ratio_ld'.padStart(9) +
      'cpu_ratio'.padStart(10) +
      'warm_ms'.padStart(9) +
      'rss_mb'.padStart(8) +
      'files/s'.padStart(9) +
      'cli_s'.padStart(7) +
      'ratio_cli'.padStart(10) +
      (BASELINE ? '  baseline: cold_s ratio warm_ms rss_mb' : ''),
  );
  const rows: Array<
    ScanFigures &
      ParseFigures & {
        name: string;
        baseline?: Omit<ScanFigures, 'workers' | 'coldCpuMs' | 'byKind' | 'slowest'>;
        /** `green-ai report DIR --json` wall time. */
        cliS?: number;
      }
  > = [];
  for (const repo of repos) {
    const parse = child<ParseFigures>('--parse', repo);
    const scan = child<ScanFigures>('--scan', repo);
    const baseline = BASELINE
      ? child<ScanFigures>('--scan', repo, path.join(BASELINE, 'out/test/bench/report.js'))
      : undefined;
    // Best of CLI_RUNS: on a shared host the least disturbed run is the closest to the cost.
    let cliS: number | undefined;
    for (let i = 0; i < CLI_RUNS; i++) {
      const seconds = cliSeconds(['report', repo, '--json']);
      if (seconds !== undefined) cliS = Math.min(cliS ?? Infinity, seconds);
    }
    const row = { name: path.basename(repo), ...parse, ...scan, baseline, cliS };
    rows.push(row);
    console.log(
      row.name.padEnd(38) +
        String(row.files).padStart(7) +
        String(row.pyFiles).padStart(6) +
        String(row.runs).padStart(6) +
        (row.parseMs / 1000).toFixed(2).padStart(9) +
        (row.coldMs / 1000).toFixed(2).padStart(8) +
        (row.coldMs / row.parseMs).toFixed(2).padStart(7) +
        (row.loadMs / 1000).toFixed(2).padStart(8) +
        (row.coldMs / (row.loadMs + row.parseMs)).toFixed(2).padStart(9) +
        (row.coldCpuMs / row.parseCpuMs).toFixed(2).padStart(10) +
        row.warmMs.toFixed(0).padStart(9) +
        row.peakRssMb.toFixed(0).padStart(8) +
        Math.round(row.files / (row.coldMs / 1000))
          .toString()
          .padStart(9) +
        (row.cliS ?? NaN).toFixed(2).padStart(7) +
        ((row.cliS ?? NaN) / (row.parseMs / 1000)).toFixed(2).padStart(10) +
        (baseline
          ? `  ${(baseline.coldMs / 1000).toFixed(2).padStart(16)} ${(baseline.coldMs / row.parseMs).toFixed(2).padStart(5)} ${baseline.warmMs.toFixed(0).padStart(7)} ${baseline.peakRssMb.toFixed(0).padStart(6)}`
          : ''),
    );
    const kinds = Object.entries(row.byKind)
      .sort((a, b) => b[1].ms - a[1].ms)
      .map(
        ([k, v]) =>
          `${k} ${(v.ms / 1000).toFixed(2)} s (${v.files} files; ${(v.idleMs / 1000).toFixed(2)} s on ${v.idleFiles} without a fact)`,
      )
      .join(', ');
    console.log(
      `    ${row.workers}; analysis time by kind: ${kinds}; slowest: ${row.slowest.map((s) => `${s.file} ${(s.ms / 1000).toFixed(2)} s`).join(', ')}`,
    );
  }
  const sum = (f: (r: (typeof rows)[number]) => number) => rows.reduce((s, r) => s + f(r), 0);
  const cold = sum((r) => r.coldMs);
  const parse = sum((r) => r.parseMs);
  const worst = rows.reduce((a, b) => (b.coldMs / b.parseMs > a.coldMs / a.parseMs ? b : a));
  // The same with the bare parse paying the grammar's loading once, as the scan does.
  const loadAndParse = (r: (typeof rows)[number]) => r.loadMs + r.parseMs;
  const worstLd = rows.reduce((a, b) => (b.coldMs / loadAndParse(b) > a.coldMs / loadAndParse(a) ? b : a));
  const loadAndParseAll = sum(loadAndParse);
  const largest = rows.reduce((a, b) => (b.files > a.files ? b : a));
  const cli = cliRun(path.join(corpus, largest.name));
  // The CLI as a user runs it: start-up (bundle, grammar), then the same scan.
  const withCli = rows.filter((r) => r.cliS !== undefined);
  const cliTotal = withCli.reduce((t, r) => t + (r.cliS ?? 0), 0);
  const cliParse = withCli.reduce((t, r) => t + r.parseMs / 1000, 0);
  const cliRatio = (r: (typeof rows)[number]) => (r.cliS ?? 0) / (r.parseMs / 1000);
  const worstCli = withCli.length > 0 ? withCli.reduce((a, b) => (cliRatio(b) > cliRatio(a) ? b : a)) : undefined;
  const version = versionSeconds();
  console.log(
    `total: ${sum((r) => r.files)} files, cold scan ${(cold / 1000).toFixed(2)} s against a bare parse of ${(parse / 1000).toFixed(2)} s (×${(cold / parse).toFixed(2)}; CPU time ×${(sum((r) => r.coldCpuMs) / sum((r) => r.parseCpuMs)).toFixed(2)}); worst repository ${worst.name} ×${(worst.coldMs / worst.parseMs).toFixed(2)}`,
  );
  const analysisMs = sum((r) => Object.values(r.byKind).reduce((t, k) => t + k.ms, 0));
  const idleMs = sum((r) => Object.values(r.byKind).reduce((t, k) => t + k.idleMs, 0));
  console.log(
    `with the grammar's loading (${(sum((r) => r.loadMs) / 1000).toFixed(2)} s in all) counted in the bare parse too: ×${(cold / loadAndParseAll).toFixed(2)}; worst repository ${worstLd.name} ×${(worstLd.coldMs / loadAndParse(worstLd)).toFixed(2)}`,
  );
  console.log(
    `analysis time (all threads) ${(analysisMs / 1000).toFixed(2)} s, of which ${(idleMs / 1000).toFixed(2)} s (${Math.round((100 * idleMs) / analysisMs)}%) on files that yielded no fact (a perfect prefilter would skip them)`,
  );
  const baselineCold = BASELINE ? sum((r) => r.baseline?.coldMs ?? 0) : 0;
  if (BASELINE)
    console.log(
      `baseline (${BASELINE}), run right after each: cold scan ${(baselineCold / 1000).toFixed(2)} s (×${(baselineCold / parse).toFixed(2)}), warm rescan max ${Math.max(...rows.map((r) => r.baseline?.warmMs ?? 0)).toFixed(0)} ms, peak RSS max ${Math.max(...rows.map((r) => r.baseline?.peakRssMb ?? 0)).toFixed(0)} MB`,
    );
  if (cli)
    console.log(
      `green-ai report ${largest.name} --json (dist/cli.js): ${cli.seconds.toFixed(2)} s, peak RSS ${cli.peakRssMb.toFixed(0)} MB`,
    );
  if (worstCli)
    console.log(
      `green-ai report DIR --json, one fresh process per repository${CLI_RUNS > 1 ? ` (best of ${CLI_RUNS})` : ''}: ${cliTotal.toFixed(2)} s in all (×${(cliTotal / cliParse).toFixed(2)} the bare parse; worst ${worstCli.name} ×${cliRatio(worstCli).toFixed(2)})`,
    );
  if (version) console.log(`green-ai --version (median of 7): ${(version * 1000).toFixed(0)} ms`);
  console.log(
    `BENCH report: mode=repositories repos=${rows.length} files=${sum((r) => r.files)} py_files=${sum((r) => r.pyFiles)} runs=${sum((r) => r.runs)} cold_s=${(cold / 1000).toFixed(2)} parse_s=${(parse / 1000).toFixed(2)} ratio_cold_to_parse=${(cold / parse).toFixed(2)} worst_repo_ratio=${(worst.coldMs / worst.parseMs).toFixed(2)} worst_repo=${worst.name} ratio_cold_to_load_and_parse=${(cold / loadAndParseAll).toFixed(2)} worst_repo_ratio_with_load=${(worstLd.coldMs / loadAndParse(worstLd)).toFixed(2)} files_per_s=${Math.round(sum((r) => r.files) / (cold / 1000))} cpu_ratio_cold_to_parse=${(sum((r) => r.coldCpuMs) / sum((r) => r.parseCpuMs)).toFixed(2)} no_fact_share=${(idleMs / analysisMs).toFixed(2)} warm_rescan_max_ms=${Math.max(...rows.map((r) => r.warmMs)).toFixed(0)} peak_rss_max_mb=${Math.max(...rows.map((r) => r.peakRssMb)).toFixed(0)}` +
      (cli ? ` cli_largest_s=${cli.seconds.toFixed(2)} cli_largest_rss_mb=${cli.peakRssMb.toFixed(0)}` : '') +
      (worstCli
        ? ` cli_total_s=${cliTotal.toFixed(2)} ratio_cli_to_parse=${(cliTotal / cliParse).toFixed(2)} worst_repo_ratio_cli=${cliRatio(worstCli).toFixed(2)} worst_repo_cli=${worstCli.name}`
        : '') +
      (version ? ` version_ms=${(version * 1000).toFixed(0)}` : '') +
      (BASELINE
        ? ` baseline_cold_s=${(baselineCold / 1000).toFixed(2)} baseline_ratio_cold_to_parse=${(baselineCold / parse).toFixed(2)}`
        : ''),
  );
}

async function generated(): Promise<void> {
  const python = await parsing();
  const dir = tempDir('greenai-bench-report-');
  generate(dir);
  const files = walk(dir).sort();
  const pyFiles = files.filter((f) => f.endsWith('.py'));
  const lines = pyFiles.reduce((n, f) => n + fs.readFileSync(f, 'utf8').split('\n').length, 0);
  console.log(
    `generated ${files.length} files (${pyFiles.length} Python, ${lines.toLocaleString('en-US')} lines; ${TRAINING} training scripts) in ${dir}`,
  );

  let peakRss = process.memoryUsage().rss;
  const sample = () => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  };
  const sources = (): ScanSource[] =>
    files.map((f) => ({ path: f, display: path.relative(dir, f), read: async () => fs.readFileSync(f) }));

  // Warm the file cache and JIT once, then measure parse and scan back to back.
  for (const f of pyFiles.slice(0, 50)) python.parser.parse(fs.readFileSync(f, 'utf8'))!.delete();
  let t0 = performance.now();
  for (const f of pyFiles) {
    python.parser.parse(fs.readFileSync(f, 'utf8'))!.delete();
  }
  const parseMs = performance.now() - t0;

  const cache = new FolderScanCache();
  t0 = performance.now();
  const cold = await cache.scan(sources(), {
    python,
    root: dir,
    settingsFor: () => DEFAULT_SETTINGS,
    progress: sample,
  });
  const coldMs = performance.now() - t0;
  sample();
  const runs = cold.files.reduce((n, f) => n + f.analysis.runs.length, 0);

  const changed = pyFiles[Math.floor(pyFiles.length / 2)];
  fs.appendFileSync(changed, '\n# edited\n');
  t0 = performance.now();
  const warm = await cache.scan(sources(), {
    python,
    root: dir,
    settingsFor: () => DEFAULT_SETTINGS,
    progress: sample,
  });
  const warmMs = performance.now() - t0;
  sample();

  console.log(`bare tree-sitter parse of the ${pyFiles.length} Python files: ${(parseMs / 1000).toFixed(2)} s`);
  console.log(
    `cold scan: ${(coldMs / 1000).toFixed(2)} s, ${Math.round(files.length / (coldMs / 1000))} files/s, ${runs} runs, ${cold.skipped.length} skipped; ratio to bare parse ${(coldMs / parseMs).toFixed(2)}`,
  );
  console.log(`warm rescan after one file changed: ${warmMs.toFixed(0)} ms (${warm.analysed} file re-analysed)`);
  console.log(`peak RSS: ${(peakRss / 1048576).toFixed(0)} MB`);
  fs.rmSync(dir, { recursive: true, force: true });
  console.log(
    `BENCH report: files=${files.length} runs=${runs} cold_s=${(coldMs / 1000).toFixed(2)} files_per_s=${Math.round(files.length / (coldMs / 1000))} parse_s=${(parseMs / 1000).toFixed(2)} ratio_cold_to_parse=${(coldMs / parseMs).toFixed(2)} warm_rescan_ms=${warmMs.toFixed(0)} peak_rss_mb=${(peakRss / 1048576).toFixed(0)}`,
  );
}

async function main(): Promise<void> {
  // The scan here stands for the CLI's, in a process of its own: its threads collect their garbage as the CLI's do.
  allowScanGarbageCollection();
  const [mode, dir] = process.argv.slice(2);
  if (mode === '--scan') console.log(JSON.stringify(await scanChild(dir)));
  else if (mode === '--parse') console.log(JSON.stringify(await parseChild(dir)));
  else if (process.env.GREENAI_CORPUS) await repositories(process.env.GREENAI_CORPUS);
  else await generated();
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
