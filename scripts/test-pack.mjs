// `npm run test:pack`: the npm package works on its own, as `npx green-ai` would run it.
// Packs the repository (from the dist/ the build made), installs the tarball into an empty
// folder without the registry (--offline: the package has no runtime dependencies, the CLI is
// one bundle), and runs `estimate` and `diff` there. Prints "N passed, M failed" last.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const started = Date.now();
let passed = 0;
let failed = 0;

function check(name, fn) {
  try {
    fn();
    passed++;
    console.log(`  ok  ${name}`);
  } catch (e) {
    failed++;
    console.log(
      `  FAIL ${name}\n       ${String(e.message ?? e)
        .split('\n')
        .join('\n       ')}`,
    );
  }
}

function run(cmd, args, cwd) {
  return execFileSync(cmd, args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      NO_COLOR: '1',
      npm_config_audit: 'false',
      npm_config_fund: 'false',
      npm_config_update_notifier: 'false',
    },
  });
}

if (!existsSync(join(root, 'dist/cli.js'))) run(process.execPath, ['scripts/build.mjs'], root);
const work = mkdtempSync(join(tmpdir(), 'greenai-pack-'));
try {
  // --ignore-scripts: pack the dist/ already built instead of rebuilding it (prepack does that on publish).
  const packed = JSON.parse(run(npm, ['pack', '--ignore-scripts', '--json', '--pack-destination', work], root))[0];
  const tarball = join(work, packed.filename);
  const files = packed.files.map((f) => f.path).sort();

  check('the tarball holds the CLI, its wasm files and schemas, and nothing else', () => {
    // The scan worker (the CLI's report scans on worker threads) and the licences of what the bundle contains ship too.
    const expected = [
      'LICENSE',
      'README.md',
      'THIRD_PARTY_NOTICES.md',
      'dist/cli-main.js',
      'dist/cli-output.schema.json',
      'dist/cli.js',
      'dist/diff-output.schema.json',
      'dist/greenai-config.schema.json',
      'dist/run-spec.schema.json',
      'dist/scanWorker-main.js',
      'dist/scanWorker.js',
      'dist/tree-sitter-python.wasm',
      'dist/tree-sitter.wasm',
      'package.json',
    ];
    if (JSON.stringify(files) !== JSON.stringify(expected)) throw new Error(`files: ${files.join(', ')}`);
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    if (manifest.private) throw new Error('package.json is private: it cannot be published');
    if (Object.keys(manifest.dependencies ?? {}).length > 0)
      throw new Error(
        `runtime dependencies would be fetched on install: ${Object.keys(manifest.dependencies).join(', ')}`,
      );
  });

  const project = join(work, 'project');
  const cache = join(work, 'npm-cache');
  cpSync(join(root, 'test/fixtures/diff'), join(project, 'diff'), { recursive: true });
  cpSync(join(root, 'examples/hf-finetune/train_classifier.py'), join(project, 'train.py'));
  writeFileSync(join(project, 'package.json'), '{ "name": "pack-check", "version": "1.0.0", "private": true }\n');
  run(npm, ['install', '--offline', '--no-audit', '--no-fund', '--cache', cache, tarball], project);

  const npx = (args) => run(npm, ['exec', '--offline', '--cache', cache, '--', 'green-ai', ...args], project);
  check('npx green-ai --version prints the package version', () => {
    const version = npx(['--version']).trim();
    if (version !== packed.version) throw new Error(`got "${version}", expected ${packed.version}`);
  });
  check('npx green-ai estimate reads a training script', () => {
    const out = JSON.parse(npx(['estimate', 'train.py', '--json']));
    if (
      out.version !== 1 ||
      out.runs.length !== 1 ||
      out.runs[0].model.name !== 'bert-base-uncased' ||
      !(out.runs[0].estimate.co2eKg > 0)
    )
      throw new Error(JSON.stringify(out).slice(0, 300));
  });
  check('npx green-ai diff compares two folders', () => {
    const out = JSON.parse(npx(['diff', 'diff/base', 'diff/head', '--json']));
    const statuses = out.changes
      .map((c) => `${c.status}:${c.file}`)
      .sort()
      .join(' ');
    if (out.counts.added !== 1 || out.counts.removed !== 1 || out.counts.changed !== 2) throw new Error(statuses);
  });
  check('the installed bin is the bundle with its shebang', () => {
    const bin = readFileSync(join(project, 'node_modules/green-ai/dist/cli.js'), 'utf8');
    if (!bin.startsWith('#!/usr/bin/env node')) throw new Error('no shebang');
  });
} finally {
  rmSync(work, { recursive: true, force: true });
}
console.log(`test:pack took ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
