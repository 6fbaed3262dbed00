import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileKindOf } from '../../src/core/analyze';
import { FolderScanCache, type ScanSource } from '../../src/core/scan/folderScan';
import { DEFAULT_SETTINGS } from '../../src/core/runSpec';
import { parsing } from '../unit/helpers';
import { exampleScripts, helperBlock } from './corpus';

/**
 * npm run bench:report: the Workspace Report's scan (the same FolderScanCache the
 * extension and `green-ai report` use) on a generated repository of 5,000+ Python
 * files and configs, against a bare tree-sitter parse of the same files in the same run.
 */

const FILES = Number(process.env.GREENAI_BENCH_REPORT_FILES ?? 5000);
const TRAINING = Number(process.env.GREENAI_BENCH_REPORT_TRAINING ?? 300);

function generate(dir: string): void {
  const scripts = exampleScripts();
  const configs = fs.readdirSync(path.join(__dirname, '../../../test/fixtures/scanner/configs')).map((f) => fs.readFileSync(path.join(__dirname, '../../../test/fixtures/scanner/configs', f), 'utf8'));
  let seed = 5;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
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
  for (let i = 0; i < 200; i++) fs.writeFileSync(path.join(dir, `pkg${i % 40}`, `config_${i}.yaml`), configs[i % configs.length]);
}

function walk(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (fileKindOf(e.name)) out.push(p);
  }
  return out;
}

async function main(): Promise<void> {
  const python = await parsing();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'greenai-bench-report-'));
  generate(dir);
  const files = walk(dir).sort();
  const pyFiles = files.filter((f) => f.endsWith('.py'));
  const lines = pyFiles.reduce((n, f) => n + fs.readFileSync(f, 'utf8').split('\n').length, 0);
  console.log(`generated ${files.length} files (${pyFiles.length} Python, ${lines.toLocaleString('en-US')} lines; ${TRAINING} training scripts) in ${dir}`);

  let peakRss = process.memoryUsage().rss;
  const sample = () => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  };
  const sources = (): ScanSource[] => files.map((f) => ({ path: f, display: path.relative(dir, f), read: async () => fs.readFileSync(f) }));

  // Warm the file cache and JIT once, then measure parse and scan back to back.
  for (const f of pyFiles.slice(0, 50)) python.parser.parse(fs.readFileSync(f, 'utf8'))!.delete();
  let t0 = performance.now();
  for (const f of pyFiles) {
    python.parser.parse(fs.readFileSync(f, 'utf8'))!.delete();
  }
  const parseMs = performance.now() - t0;

  const cache = new FolderScanCache();
  t0 = performance.now();
  const cold = await cache.scan(sources(), { python, root: dir, settingsFor: () => DEFAULT_SETTINGS, progress: sample });
  const coldMs = performance.now() - t0;
  sample();
  const runs = cold.files.reduce((n, f) => n + f.analysis.runs.length, 0);

  const changed = pyFiles[Math.floor(pyFiles.length / 2)];
  fs.appendFileSync(changed, '\n# edited\n');
  t0 = performance.now();
  const warm = await cache.scan(sources(), { python, root: dir, settingsFor: () => DEFAULT_SETTINGS, progress: sample });
  const warmMs = performance.now() - t0;
  sample();

  console.log(`bare tree-sitter parse of the ${pyFiles.length} Python files: ${(parseMs / 1000).toFixed(2)} s`);
  console.log(`cold scan: ${(coldMs / 1000).toFixed(2)} s, ${Math.round(files.length / (coldMs / 1000))} files/s, ${runs} runs, ${cold.skipped.length} skipped; ratio to bare parse ${(coldMs / parseMs).toFixed(2)}`);
  console.log(`warm rescan after one file changed: ${warmMs.toFixed(0)} ms (${warm.analysed} file re-analysed)`);
  console.log(`peak RSS: ${(peakRss / 1048576).toFixed(0)} MB`);
  fs.rmSync(dir, { recursive: true, force: true });
  console.log(`BENCH report: files=${files.length} runs=${runs} cold_s=${(coldMs / 1000).toFixed(2)} files_per_s=${Math.round(files.length / (coldMs / 1000))} parse_s=${(parseMs / 1000).toFixed(2)} ratio_cold_to_parse=${(coldMs / parseMs).toFixed(2)} warm_rescan_ms=${warmMs.toFixed(0)} peak_rss_mb=${(peakRss / 1048576).toFixed(0)}`);
}

void main();
