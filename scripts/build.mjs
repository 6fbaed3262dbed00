// Bundles the extension, the CLI, the folder-scan worker and the webview with esbuild and copies the
// tree-sitter wasm files next to them in dist/. `--watch` rebuilds on change.
import { build, context } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, chmodSync, writeFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');
const dist = join(root, 'dist');
mkdirSync(dist, { recursive: true });

// One copy of each wasm: the runtime and the Python grammar.
copyFileSync(join(root, 'node_modules/web-tree-sitter/tree-sitter.wasm'), join(dist, 'tree-sitter.wasm'));
copyFileSync(
  join(root, 'node_modules/tree-sitter-python/tree-sitter-python.wasm'),
  join(dist, 'tree-sitter-python.wasm'),
);

const common = {
  bundle: true,
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  define: { GREEN_AI_VERSION: JSON.stringify(pkg.version) },
};
// web-tree-sitter's ESM build reads import.meta.url, which is empty inside a CJS bundle:
// always bundle its CommonJS build for Node targets.
const nodeAliases = {
  'web-tree-sitter': join(root, 'node_modules/web-tree-sitter/tree-sitter.cjs'),
  // jsonc-parser's UMD entry requires its modules dynamically, which a bundle cannot follow; its ESM build bundles.
  'jsonc-parser': join(root, 'node_modules/jsonc-parser/lib/esm/main.js'),
};

const configs = [
  {
    ...common,
    entryPoints: [join(root, 'src/extension/extension.ts')],
    outfile: join(dist, 'extension.js'),
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    alias: nodeAliases,
    external: ['vscode'],
  },
  {
    ...common,
    // The CLI's entry: loads cli-main.js through V8's code cache (src/launch/codeCache.ts).
    entryPoints: [join(root, 'src/cli/launch.ts')],
    outfile: join(dist, 'cli.js'),
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    banner: { js: '#!/usr/bin/env node' },
  },
  {
    ...common,
    entryPoints: [join(root, 'src/cli/main.ts')],
    outfile: join(dist, 'cli-main.js'),
    // Loaded as a compiled script (src/launch/codeCache.ts), which has no loader for `import()`: make them require.
    supported: { 'dynamic-import': false },
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    alias: nodeAliases,
  },
  {
    // The GitHub Action's step (action.yml): runs dist/cli.js diff and writes the summary, SARIF and PR comment.
    ...common,
    entryPoints: [join(root, 'src/cli/action/runAction.ts')],
    outfile: join(dist, 'action.js'),
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    alias: nodeAliases,
  },
  {
    // The folder scan's worker thread, loaded by the extension and the CLI from dist/ (beside the wasm files).
    ...common,
    entryPoints: [join(root, 'src/core/scan/scanWorker.ts')],
    outfile: join(dist, 'scanWorker-main.js'),
    // Loaded as a compiled script (src/launch/codeCache.ts), which has no loader for `import()`: make them require.
    supported: { 'dynamic-import': false },
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    alias: nodeAliases,
  },
  {
    // The worker's entry: loads scanWorker-main.js through V8's code cache in the folder its pool names.
    ...common,
    entryPoints: [join(root, 'src/launch/scanWorkerEntry.ts')],
    outfile: join(dist, 'scanWorker.js'),
    platform: 'node',
    format: 'cjs',
    target: 'node18',
  },
  {
    ...common,
    entryPoints: [join(root, 'webview/main.ts')],
    outfile: join(dist, 'webview.js'),
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
  },
];

// JSON Schemas generated from the zod schemas (one source of truth), shipped in dist/.
async function writeSchemas() {
  const out = join(dist, '.schemas.cjs');
  await build({
    entryPoints: [join(root, 'scripts/schemas.ts')],
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    logLevel: 'warning',
    alias: nodeAliases,
  });
  const { schemas } = createRequire(import.meta.url)(out);
  for (const [name, schema] of Object.entries(schemas))
    writeFileSync(join(dist, name), JSON.stringify(schema, null, 2) + '\n');
  rmSync(out);
}

if (watch) {
  for (const c of configs) await (await context(c)).watch();
  console.log('watching…');
} else {
  await Promise.all([...configs.map((c) => build(c)), writeSchemas()]);
  chmodSync(join(dist, 'cli.js'), 0o755);
}
