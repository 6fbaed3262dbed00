import { analyzeText } from '../../src/core/analyze';
import { DEFAULT_SETTINGS } from '../../src/core/runSpec';
import { parsing } from '../unit/helpers';
import { EpochsDigitEdit, generatedCorpus, longTrainingScript } from './corpus';

/**
 * npm run bench:scan: the cost of scanning a file against a bare tree-sitter parse
 * of the same file (same run, same machine), and the incremental re-scan of a
 * 3,000-line script after a one-character edit.
 */

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}
function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

async function main(): Promise<void> {
  const python = await parsing();
  const corpus = generatedCorpus(Number(process.env.GREENAI_BENCH_FILES ?? 240));
  const lines = corpus.reduce((n, t) => n + t.split('\n').length, 0);
  console.log(`corpus: ${corpus.length} Python files, ${lines.toLocaleString('en-US')} lines`);

  // Warm up the parser and the JIT on a few files.
  for (const t of corpus.slice(0, 10)) {
    python.parser.parse(t)!.delete();
    analyzeText({ path: 'w.py', text: t }, python, DEFAULT_SETTINGS);
  }

  const ratios: number[] = [];
  const parseMs: number[] = [];
  const scanMs: number[] = [];
  for (const text of corpus) {
    // Interleave and repeat to spread machine noise evenly over both measurements.
    let bestParse = Infinity;
    let bestScan = Infinity;
    for (let rep = 0; rep < 3; rep++) {
      let t0 = performance.now();
      python.parser.parse(text)!.delete();
      bestParse = Math.min(bestParse, performance.now() - t0);
      t0 = performance.now();
      analyzeText({ path: 'f.py', text }, python, DEFAULT_SETTINGS);
      bestScan = Math.min(bestScan, performance.now() - t0);
    }
    parseMs.push(bestParse);
    scanMs.push(bestScan);
    ratios.push(bestScan / bestParse);
  }
  console.log(
    `bare parse: median ${median(parseMs).toFixed(2)} ms/file; full scan (parse + extract + estimate + advise): median ${median(scanMs).toFixed(2)} ms/file`,
  );
  console.log(`scan / parse ratio: median ${median(ratios).toFixed(2)}, p90 ${percentile(ratios, 90).toFixed(2)}`);

  // Incremental: a one-character edit in a 3,000-line script, then re-scan with the edited tree.
  const script = longTrainingScript(3000);
  const scriptLines = script.split('\n').length;
  const editor = new EpochsDigitEdit(python, script);
  const incremental: number[] = [];
  const full: number[] = [];
  for (let i = 0; i < 200; i++) {
    const digit = String((i % 9) + 1);
    editor.type(digit);
    const t0 = performance.now();
    const tree = editor.reparse();
    const result = analyzeText({ path: 'long.py', text: editor.text, tree }, python, DEFAULT_SETTINGS);
    incremental.push(performance.now() - t0);
    if (result.runs[0]?.run.training.epochs !== Number(digit))
      throw new Error('incremental re-scan read the wrong epochs');
  }
  editor.tree.delete();
  const text = editor.text;
  // Full re-scans in their own loop: interleaved, their garbage would be collected during the incremental ones.
  for (let i = 0; i < 200; i++) {
    const t1 = performance.now();
    analyzeText({ path: 'long.py', text }, python, DEFAULT_SETTINGS);
    full.push(performance.now() - t1);
  }
  console.log(
    `${scriptLines}-line script, one-character edit: incremental re-scan median ${median(incremental).toFixed(2)} ms (p95 ${percentile(incremental, 95).toFixed(2)} ms); full re-scan median ${median(full).toFixed(2)} ms`,
  );
  console.log(
    `BENCH scan: files=${corpus.length} median_ratio_to_parse=${median(ratios).toFixed(2)} p90_ratio_to_parse=${percentile(ratios, 90).toFixed(2)} median_parse_ms=${median(parseMs).toFixed(2)} median_scan_ms=${median(scanMs).toFixed(2)} incremental_median_ms=${median(incremental).toFixed(2)} incremental_p95_ms=${percentile(incremental, 95).toFixed(2)} full_rescan_median_ms=${median(full).toFixed(2)}`,
  );
}

void main();
