import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT, tempDir } from '../unit/helpers';
import { DIFF_CASES, makeFifo, PROCESS_CASES, TRAIN_SCRIPT, writeFile, type FolderCase } from './cases';

/**
 * The CLI as a child process, where hanging or exhausting memory is what is under test: each run
 * has a wall-clock limit (killed past it), a V8 heap limit, and its peak resident memory measured.
 */

const TIME_LIMIT_MS = 30_000;
const HEAP_LIMIT_MB = 256;
/** Node with the parser loaded is about 100 MB; a run that reads /dev/zero or builds 10^8 runs is far past this. */
const RSS_LIMIT_MB = 450;
/** Output kept per stream: a runaway printer must not make the test itself run out of memory. */
const OUTPUT_LIMIT = 2 * 1024 * 1024;

const CLI = path.join(ROOT, 'out/src/cli/main.js');
const HOOK = path.join(ROOT, 'out/test/hostile/peakMemory.js');

interface ChildResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly timedOut: boolean;
  readonly ms: number;
  readonly rssMb: number | null;
  readonly out: string;
  readonly err: string;
}

function runCli(args: readonly string[], cwd: string): Promise<ChildResult> {
  return new Promise((resolve) => {
    const start = performance.now();
    const child = spawn(process.execPath, [`--max-old-space-size=${HEAP_LIMIT_MB}`, '-r', HOOK, CLI, ...args], {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
    });
    const streams = { out: '', err: '', rss: '' };
    const collect = (key: keyof typeof streams) => (chunk: Buffer) => {
      if (streams[key].length < OUTPUT_LIMIT) streams[key] += chunk.toString('utf8');
    };
    child.stdout!.on('data', collect('out'));
    child.stderr!.on('data', collect('err'));
    (child.stdio[3] as NodeJS.ReadableStream).on('data', collect('rss'));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, TIME_LIMIT_MS);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const kb = Number(streams.rss);
      resolve({
        code,
        signal,
        timedOut,
        ms: performance.now() - start,
        rssMb: streams.rss && Number.isFinite(kb) ? kb / 1024 : null,
        out: streams.out,
        err: streams.err,
      });
    });
  });
}

/** Runs the cases at most `width` at a time (two cores are shared with other work). */
async function runAll<T, R>(items: readonly T[], width: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await fn(items[i]);
      }
    }),
  );
  return results;
}

/** Containment cases run from inside the repository, as a CI job would (`estimate` reads links within the current folder). */
const CONTAINMENT_CASES: ReadonlyArray<FolderCase & { readonly cwd: (dir: string) => string }> = [
  {
    name: 'estimate does not read a config outside the folder (relative, absolute) nor a launched script outside it',
    cls: 'outside-folder',
    build: (dir) => {
      writeFile(
        path.join(dir, 'outside/secret.json'),
        '{"model_name_or_path": "SECRET-OUTSIDE-MODEL", "num_train_epochs": 77}',
      );
      writeFile(
        path.join(dir, 'outside/x.py'),
        'from transformers import AutoModelForCausalLM, Trainer\nm = AutoModelForCausalLM.from_pretrained("SECRET-OUTSIDE-SCRIPT")\nTrainer(model=m).train()\n',
      );
      writeFile(
        path.join(dir, 'outside/abs.yaml'),
        'model_name_or_path: SECRET-OUTSIDE-ABSOLUTE\nnum_train_epochs: 55\n',
      );
      writeFile(
        path.join(dir, 'repo/train.py'),
        [
          'import json',
          'from omegaconf import OmegaConf',
          'from transformers import Trainer, TrainingArguments',
          "cfg = json.load(open('../outside/secret.json'))",
          `conf = OmegaConf.load('${path.join(dir, 'outside/abs.yaml')}')`,
          'Trainer(args=TrainingArguments(**cfg)).train()',
        ].join('\n'),
      );
      writeFile(path.join(dir, 'repo/launch.sh'), 'torchrun --nproc_per_node 2 ../outside/x.py\n');
      fs.symlinkSync(path.join(dir, 'outside/secret.json'), path.join(dir, 'repo/linked.json'));
    },
    cwd: (dir) => path.join(dir, 'repo'),
    args: () => ['estimate', 'train.py', 'launch.sh', '--json'],
    exit: [0],
    stdout: /"file": "train\.py"/,
    never: /SECRET-OUTSIDE|"epochs": (77|55)/,
  },
  {
    name: 'report skips a link to a file outside the folder, saying so, and never prints it',
    cls: 'outside-folder',
    build: (dir) => {
      writeFile(
        path.join(dir, 'outside/config.yaml'),
        'model_name_or_path: SECRET-OUTSIDE-LINKED\nnum_train_epochs: 3\nrun: torchrun train.py\n',
      );
      writeFile(path.join(dir, 'repo/train.py'), TRAIN_SCRIPT);
      fs.symlinkSync(path.join(dir, 'outside/config.yaml'), path.join(dir, 'repo/config.yaml'));
    },
    cwd: (dir) => dir,
    args: (dir) => ['report', path.join(dir, 'repo'), '--json'],
    exit: [0],
    stderr: /config\.yaml: skipped, a symbolic link to a file outside the folder/,
    stdout: /"file": "train\.py"/,
    never: /SECRET-OUTSIDE/,
  },
];

describe('Hostile input: the CLI as a process (time, memory, exit status)', function () {
  this.timeout(120_000);
  const cases = [
    ...[...PROCESS_CASES, ...DIFF_CASES].map((c) => ({ ...c, cwd: (dir: string) => dir })),
    ...CONTAINMENT_CASES,
  ];
  const results = new Map<string, ChildResult>();
  const dirs = new Map<string, string>();
  let fifos = true;

  before(async function () {
    if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run "npx tsc -p ." first`);
    // The CLI finds the parser's wasm next to itself (out/src/cli under test).
    for (const [from, name] of [
      ['web-tree-sitter/tree-sitter.wasm', 'tree-sitter.wasm'],
      ['tree-sitter-python/tree-sitter-python.wasm', 'tree-sitter-python.wasm'],
    ]) {
      fs.copyFileSync(path.join(ROOT, 'node_modules', from), path.join(path.dirname(CLI), name));
    }
    fifos = makeFifo(path.join(tempDir('greenai-fifo-probe-'), 'p'));
    for (const c of cases) {
      const dir = tempDir('greenai-hostile-');
      c.build(dir);
      dirs.set(c.name, dir);
    }
    const outcomes = await runAll(cases, 3, (c) => runCli(c.args(dirs.get(c.name)!), c.cwd(dirs.get(c.name)!)));
    cases.forEach((c, i) => results.set(c.name, outcomes[i]));
  });

  after(() => {
    for (const dir of dirs.values()) fs.rmSync(dir, { recursive: true, force: true });
  });

  for (const c of cases) {
    it(`[${c.cls}] ${c.name}`, function () {
      if (c.cls === 'fifo-device' && !fifos) this.skip();
      const r = results.get(c.name)!;
      const said = `exit ${r.code}${r.signal ? ` (${r.signal})` : ''} after ${(r.ms / 1000).toFixed(1)} s, ${r.rssMb?.toFixed(0) ?? '?'} MB\nstderr: ${r.err.slice(0, 1500)}`;
      assert.ok(!r.timedOut, `still running after ${TIME_LIMIT_MS / 1000} s: ${said}`);
      assert.ok(r.code !== null && c.exit.includes(r.code), `expected exit ${c.exit.join(' or ')}: ${said}`);
      assert.ok(
        r.rssMb === null || r.rssMb < RSS_LIMIT_MB,
        `peak memory ${r.rssMb?.toFixed(0)} MB over ${RSS_LIMIT_MB} MB: ${said}`,
      );
      assert.doesNotMatch(r.err, /\n\s+at .+:\d+:\d+\)?\n/, 'no stack trace');
      assert.doesNotMatch(r.err, /internal error/, said);
      if (c.stderr) assert.match(r.err, c.stderr, said);
      if (c.stdout) assert.match(r.out, c.stdout, `stdout: ${r.out.slice(0, 1500)}\n${said}`);
      if (c.never) {
        assert.doesNotMatch(r.out, c.never, 'stdout shows what it must not');
        assert.doesNotMatch(r.err, c.never, 'stderr shows what it must not');
      }
      // Whenever it exits 0 or 3 with --json, stdout is the contract's JSON.
      if (c.args('').includes('--json') && (r.code === 0 || r.code === 3)) assert.doesNotThrow(() => JSON.parse(r.out));
    });
  }
});
