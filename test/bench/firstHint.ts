import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { analyzeText } from '../../src/core/analyze';
import { loadPythonParsing } from '../../src/core/parse/pythonParser';
import { inlineSummary } from '../../src/core/report/panelModel';
import { DEFAULT_SETTINGS } from '../../src/core/runSpec';

/**
 * The path from nothing to the first hint, in a fresh process, as bench:editor runs it:
 * bundled (like dist/extension.js) and started once per measurement. Node's own start,
 * loading the bundle, loading the grammar, then analysing the file and labelling its
 * hints, as the extension does on activation for the active document. Prints one JSON line.
 * Usage: node firstHint.js ROOT FILE
 */

const modulesLoaded = performance.now();
const [root, file] = process.argv.slice(2);
void (async () => {
  const python = await loadPythonParsing({
    runtimeDir: path.join(root, 'node_modules/web-tree-sitter'),
    pythonGrammar: path.join(root, 'node_modules/tree-sitter-python/tree-sitter-python.wasm'),
  });
  const grammarLoaded = performance.now();
  const text = fs.readFileSync(file, 'utf8');
  const hints = analyzeText({ path: file, text }, python, DEFAULT_SETTINGS).runs.map(inlineSummary);
  const hinted = performance.now();
  if (hints.length === 0) throw new Error(`no hint in ${file}`);
  const bootstrap = performance.nodeTiming.bootstrapComplete;
  console.log(
    JSON.stringify({
      nodeStartMs: bootstrap,
      bundleMs: modulesLoaded - bootstrap,
      grammarMs: grammarLoaded - modulesLoaded,
      analysisMs: hinted - grammarLoaded,
      totalMs: hinted,
      hint: hints[0],
    }),
  );
})();
