import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildSync } from 'esbuild';
import { analyzeText, documentReuse, type FileAnalysis } from '../../src/core/analyze';
import type { Tree } from '../../src/core/parse/pythonParser';
import { inlineSummary } from '../../src/core/report/panelModel';
import { DEFAULT_SETTINGS } from '../../src/core/runSpec';
import { parsing, tempDir } from '../unit/helpers';
import { EpochsDigitEdit, generatedCorpus, longTrainingScript } from './corpus';

/**
 * npm run bench:editor: what the editor providers cost, on the same core they call.
 * 1. Edit → ready hints on a 3,000-line training script: tree.edit + incremental re-parse +
 *    analysis + hint labels, as AnalysisService and the inlay-hint provider do per version; and
 *    the incremental re-scan alone (re-parse + analysis, without the labels).
 * 2. Memory added by 50 open documents (a kept tree and analysis each). Run with --expose-gc.
 * 3. Time to the first hint from a cold start: a fresh process loads the core bundled as the
 *    extension is, loads the grammar and analyses the same script (firstHint.ts); 7 starts.
 */

const ROOT = path.resolve(__dirname, '../../..');

/** firstHint.ts bundled the way scripts/build.mjs bundles the extension (one file, web-tree-sitter's CommonJS build). */
function bundleFirstHint(): string {
  const outfile = path.join(ROOT, 'out/bench/firstHint.bundle.js');
  buildSync({
    entryPoints: [path.join(ROOT, 'test/bench/firstHint.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    logLevel: 'warning',
    alias: {
      'web-tree-sitter': path.join(ROOT, 'node_modules/web-tree-sitter/tree-sitter.cjs'),
      'jsonc-parser': path.join(ROOT, 'node_modules/jsonc-parser/lib/esm/main.js'),
    },
  });
  return outfile;
}

interface FirstHint {
  nodeStartMs: number;
  bundleMs: number;
  grammarMs: number;
  analysisMs: number;
  totalMs: number;
  hint: string;
}

function firstHints(script: string): FirstHint[] {
  const bundle = bundleFirstHint();
  const file = path.join(tempDir('greenai-first-hint-'), 'train.py');
  fs.writeFileSync(file, script);
  const runs: FirstHint[] = [];
  for (let i = 0; i < 7; i++) {
    const r = spawnSync(process.execPath, [bundle, ROOT, file], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`first-hint run failed: ${r.stderr}`);
    runs.push(JSON.parse(r.stdout.trim().split('\n').pop()!) as FirstHint);
  }
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
  return runs;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}
function p95(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(0.95 * s.length))];
}
const mb = (bytes: number) => bytes / 1048576;
const gc = (globalThis as { gc?: () => void }).gc;

async function main(): Promise<void> {
  const python = await parsing();
  const script = longTrainingScript(3000);
  const editor = new EpochsDigitEdit(python, script);
  // What AnalysisService keeps per open document between its versions.
  const reuse = documentReuse();
  const times: number[] = [];
  // The incremental re-scan alone (tree edit, incremental re-parse, analysis), without the hint labels.
  const rescans: number[] = [];
  let labels = '';
  for (let i = 0; i < 300; i++) {
    const digit = String((i % 9) + 1);
    editor.type(digit);
    const t0 = performance.now();
    const tree = editor.reparse();
    const analysis = analyzeText({ path: 'train.py', text: editor.text, tree, reuse }, python, DEFAULT_SETTINGS);
    const t1 = performance.now();
    labels = analysis.runs.map(inlineSummary).join(' | ');
    if (analysis.runs[0]?.run.training.epochs !== Number(digit)) throw new Error('the re-scan read the wrong epochs');
    if (i >= 20) {
      // after JIT warm-up
      times.push(performance.now() - t0);
      rescans.push(t1 - t0);
    }
  }
  editor.tree.delete();
  console.log(
    `${script.split('\n').length}-line script, ${times.length} one-character edits: edit → hints median ${median(times).toFixed(2)} ms, p95 ${p95(times).toFixed(2)} ms (last hint: ${labels})`,
  );
  console.log(
    `  of which the incremental re-scan (re-parse + analysis): median ${median(rescans).toFixed(2)} ms, p95 ${p95(rescans).toFixed(2)} ms`,
  );

  gc?.();
  const before = process.memoryUsage();
  const open: Array<{ tree: Tree; analysis: FileAnalysis }> = [];
  const docs = generatedCorpus(50, 2000, 11);
  for (const [i, doc] of docs.entries()) {
    const t = python.parser.parse(doc)!;
    open.push({ tree: t, analysis: analyzeText({ path: `doc${i}.py`, text: doc, tree: t }, python, DEFAULT_SETTINGS) });
  }
  gc?.();
  const after = process.memoryUsage();
  const lines = docs.reduce((n, d) => n + d.split('\n').length, 0);
  const rss = mb(after.rss - before.rss);
  const heap = mb(after.heapUsed - before.heapUsed);
  const wasm = mb(after.arrayBuffers - before.arrayBuffers);
  console.log(
    `50 open documents (${lines.toLocaleString('en-US')} lines, kept trees + analyses): +${rss.toFixed(1)} MB RSS, +${heap.toFixed(1)} MB JS heap, +${wasm.toFixed(1)} MB array buffers (WASM)${gc ? '' : ' [run with --expose-gc for stable figures]'}`,
  );
  for (const d of open) d.tree.delete();

  const cold = firstHints(script);
  const at = (key: keyof Omit<FirstHint, 'hint'>) => median(cold.map((c) => c[key]));
  console.log(
    `first hint from a cold start (${cold.length} fresh processes, medians): node ${at('nodeStartMs').toFixed(0)} ms + bundle ${at('bundleMs').toFixed(0)} ms + grammar ${at('grammarMs').toFixed(0)} ms + analysis ${at('analysisMs').toFixed(0)} ms = ${at('totalMs').toFixed(0)} ms (max ${Math.max(...cold.map((c) => c.totalMs)).toFixed(0)} ms; hint: ${cold[0].hint})`,
  );
  console.log(
    `BENCH editor: edit_to_hints_median_ms=${median(times).toFixed(2)} edit_to_hints_p95_ms=${p95(times).toFixed(2)} incremental_rescan_median_ms=${median(rescans).toFixed(2)} incremental_rescan_p95_ms=${p95(rescans).toFixed(2)} docs=50 added_rss_mb=${rss.toFixed(1)} added_heap_mb=${heap.toFixed(1)} added_wasm_mb=${wasm.toFixed(1)} first_hint_median_ms=${at('totalMs').toFixed(0)} first_hint_max_ms=${Math.max(...cold.map((c) => c.totalMs)).toFixed(0)}`,
  );
}

void main();
