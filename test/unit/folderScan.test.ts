import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { ClassIndex, linkedClassName } from '../../src/core/scan/classIndex';
import {
  analyzeText,
  fileKindOf,
  linkCandidates,
  withoutLinkedDuplicates,
  type LinkedFileReader,
} from '../../src/core/analyze';
import { isMeasurementFile } from '../../src/core/calibration/measurement';
import { argConfigProgram, findArgConfigProgram } from '../../src/core/extract/config/configArgparse';
import { parseYamlTopLevel, yamlConfigProgram } from '../../src/core/extract/config/yamlProgramConfig';
import { FolderScanCache, type ScanSource } from '../../src/core/scan/folderScan';
import { InThreadAnalyser, type FileAnalyser, type ScanJob } from '../../src/core/scan/scanJob';
import { ScanWorkerPool } from '../../src/core/scan/workerPool';
import { SharedAnalyser } from '../../src/core/scan/scanAnalyser';
import { MAX_SIBLINGS, siblingOverlap, topLevelYamlKeys } from '../../src/core/scan/siblingConfigs';
import { unrunConfigVerdicts } from '../../src/core/scan/unrunConfigTrees';
import { DEFAULT_SETTINGS } from '../../src/core/runSpec';
import { EXAMPLES, parsing, ROOT, tempDir } from './helpers';

/**
 * The folder scan on worker threads reads exactly what analysing every file in turn reads
 * (the scan before it had workers), streams files as they finish, reuses what did not
 * change, and survives a worker that hangs or dies.
 */

const WASM = {
  runtimeDir: path.join(ROOT, 'node_modules/web-tree-sitter'),
  pythonGrammar: path.join(ROOT, 'node_modules/tree-sitter-python/tree-sitter-python.wasm'),
};
const WORKER = path.join(__dirname, '../../src/core/scan/scanWorker.js');
const posix = (p: string) => p.split(path.sep).join('/');

function filesUnder(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) filesUnder(p, out);
    else if (fileKindOf(e.name) || isMeasurementFile(e.name)) out.push(p);
  }
  return out;
}

/** Sources over node fs that count their reads. */
function sourcesOf(dir: string, reads?: Map<string, number>): ScanSource[] {
  return filesUnder(dir).map((f) => ({
    path: posix(f),
    display: path.relative(dir, f),
    stat: async () => {
      const st = fs.statSync(f);
      return { size: st.size, mtime: st.mtimeMs };
    },
    read: async () => {
      reads?.set(posix(f), (reads.get(posix(f)) ?? 0) + 1);
      return fs.readFileSync(f);
    },
  }));
}

/** The oracle: every file read first, then each analysed with a reader over all of them. */
async function analyseEachFile(dir: string) {
  const python = await parsing();
  const loaded = new Map(
    filesUnder(dir)
      .filter((f) => !isMeasurementFile(f))
      .map((f) => [posix(f), { display: path.relative(dir, f), text: fs.readFileSync(f, 'utf8') }] as const),
  );
  // A class a config names (`class:Restorer`): the module of the folder that defines it (scan/classIndex.ts).
  const classes = new ClassIndex();
  for (const [p, f] of loaded) if (p.endsWith('.py')) classes.add(p, f.text);
  const read: LinkedFileReader = (from, reference) => {
    const className = linkedClassName(reference);
    const candidates =
      className !== undefined
        ? [classes.moduleOf(className) ?? []].flat()
        : linkCandidates(from, reference, posix(dir), path.posix);
    for (const candidate of candidates) {
      const f = loaded.get(candidate);
      if (f) return { path: candidate, display: f.display, text: f.text };
    }
    return undefined;
  };
  // A `.txt` configargparse config is given the program the scan finds for it among the folder's files.
  const pythonIn = (folder: string) =>
    [...loaded.keys()].filter((p) => p.endsWith('.py') && path.posix.dirname(p) === folder);
  const programAt = async (p: string) => argConfigProgram(loaded.get(p)?.text ?? '');
  const yamlProgramAt = async (p: string) => yamlConfigProgram(loaded.get(p)?.text ?? '');
  const files = [];
  for (const [p, f] of loaded) {
    const argConfig = p.endsWith('.txt')
      ? await findArgConfigProgram(p, f.text, posix(dir), pythonIn, programAt)
      : undefined;
    const input = { path: p, text: f.text, relativePath: f.display, ...(argConfig ? { argConfig } : {}) };
    let analysis = analyzeText(input, python, DEFAULT_SETTINGS, {}, read);
    // A flat YAML no reader reads as a run, of a program of the folder that takes it (yamlProgramConfig.ts).
    const yamlProgram =
      /\.ya?ml$/i.test(p) && analysis.runs.length === 0
        ? await findArgConfigProgram(p, f.text, posix(dir), pythonIn, yamlProgramAt, parseYamlTopLevel)
        : undefined;
    if (yamlProgram) analysis = analyzeText({ ...input, argConfig: yamlProgram }, python, DEFAULT_SETTINGS, {}, read);
    files.push({ path: p, display: f.display, analysis });
  }
  // A YAML beside a listed program's default config, of its structure: the program read with it (siblingConfigs.ts).
  const listed = files.filter((f) => f.analysis.runs.length > 0);
  const covered = new Set(listed.flatMap((f) => [f.path, ...f.analysis.linkedFiles]));
  const programsOf = new Map<string, string[]>();
  for (const f of [...listed].sort((a, b) => (a.path < b.path ? -1 : 1))) {
    if (!f.path.endsWith('.py')) continue;
    for (const link of f.analysis.facts) {
      if (link.kind !== 'link.config' || link.file || link.confidence !== 'high' || typeof link.value !== 'string')
        continue;
      const target = linkCandidates(f.path, link.value, posix(dir), path.posix).find((c) => loaded.has(c));
      if (!target || !f.analysis.linkedFiles.includes(target) || !/\.ya?ml$/i.test(target)) continue;
      programsOf.set(target, [...new Set([...(programsOf.get(target) ?? []), f.path])]);
    }
  }
  const best = new Map<string, { defaultPath: string; overlap: number }>();
  for (const defaultPath of programsOf.keys()) {
    const defaultKeys = topLevelYamlKeys(loaded.get(defaultPath)!.text);
    const candidates = files.filter(
      (f) =>
        path.posix.dirname(f.path) === path.posix.dirname(defaultPath) &&
        !covered.has(f.path) &&
        /\.ya?ml$/i.test(f.path) &&
        f.analysis.runs.length === 0,
    );
    for (const c of candidates.slice(0, MAX_SIBLINGS * 4)) {
      const overlap = siblingOverlap(
        loaded.get(defaultPath)!.display,
        defaultKeys,
        c.display,
        topLevelYamlKeys(loaded.get(c.path)!.text),
      );
      const held = best.get(c.path);
      if (overlap > 0 && (!held || overlap > held.overlap)) best.set(c.path, { defaultPath, overlap });
    }
  }
  for (const [siblingPath, { defaultPath }] of best) {
    const sibling = loaded.get(siblingPath)!;
    const redirected: LinkedFileReader = (from, reference) => {
      const found = read(from, reference);
      return found?.path === defaultPath ? { path: siblingPath, display: sibling.display, text: sibling.text } : found;
    };
    const programs = programsOf.get(defaultPath)!;
    const reads = programs
      .map((p) => {
        const f = loaded.get(p)!;
        return analyzeText(
          { path: p, text: f.text, relativePath: f.display },
          python,
          DEFAULT_SETTINGS,
          {},
          redirected,
        );
      })
      .filter((a) => a.runs.length > 0);
    if (reads.length === 0) continue;
    const index: number = files.findIndex((f) => f.path === siblingPath);
    files[index] = {
      ...files[index],
      analysis: {
        ...reads[0],
        runs: reads.flatMap((a) => a.runs),
        facts: reads.flatMap((a) => a.facts),
        problems: reads.flatMap((a) => a.problems),
        errors: reads.flatMap((a) => a.errors),
        linkedFiles: [...new Set(reads.flatMap((a) => a.linkedFiles))].filter(
          (p) => p !== siblingPath && !programs.includes(p),
        ),
      },
    };
  }
  // mmengine configs of a tree nothing runs, where the folder runs other trees itself (unrunConfigTrees.ts).
  const unrun = unrunConfigVerdicts(
    files.map((f) => ({ display: f.display, facts: f.analysis.facts, runs: f.analysis.runs.length })),
    [...loaded.values()].map((f) => f.display),
    [],
  );
  for (const [i, reason] of unrun)
    files[i] = { ...files[i], analysis: { ...files[i].analysis, runs: [], linkedFiles: [], notARun: reason } };
  return withoutLinkedDuplicates(files);
}

/** What a report shows of a scan: per file, its runs (estimates, suggestions and fixes included), problems and links. */
function shown(
  files: ReadonlyArray<{
    path: string;
    display: string;
    analysis: { runs: unknown; problems: unknown; linkedFiles: unknown };
  }>,
): string {
  return JSON.stringify(
    files.map((f) => ({
      path: f.path,
      display: f.display,
      runs: f.analysis.runs,
      problems: f.analysis.problems,
      linked: f.analysis.linkedFiles,
    })),
  );
}

describe('Folder scan on worker threads', function () {
  this.timeout(120_000);
  let pool: ScanWorkerPool;

  before(() => {
    pool = new ScanWorkerPool({ workerScript: WORKER, wasm: WASM, size: 2 });
  });
  after(() => pool.dispose());

  for (const [name, dir] of [
    ['the examples', EXAMPLES],
    ['the fixture suite', path.join(ROOT, 'test/fixtures/scanner')],
  ] as const) {
    it(`reads ${name} exactly as analysing each file in turn does, on workers and on this thread`, async () => {
      const root = posix(dir);
      const expected = shown(await analyseEachFile(dir));
      const streamed: string[] = [];
      const onWorkers = await new FolderScanCache().scan(sourcesOf(dir), {
        analyser: pool,
        root,
        settingsFor: () => DEFAULT_SETTINGS,
        onFile: (f) => streamed.push(f.path),
      });
      const inThread = await new FolderScanCache().scan(sourcesOf(dir), {
        python: await parsing(),
        root,
        settingsFor: () => DEFAULT_SETTINGS,
      });
      assert.ok(onWorkers.files.some((f) => f.analysis.runs.length > 0));
      assert.equal(shown(onWorkers.files), expected);
      assert.equal(shown(inThread.files), expected);
      assert.deepEqual(onWorkers.skipped, inThread.skipped);
      assert.deepEqual(streamed.sort(), onWorkers.files.map((f) => f.path).sort(), 'every code file is streamed once');
    });
  }

  it('after one change re-reads and re-analyses only that file and the runs that link to it', async () => {
    const dir = tempDir('greenai-scan-');
    fs.cpSync(path.join(ROOT, 'test/fixtures/scanner/linked-yaml'), dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'helpers.py'), 'import json\n\ndef load(p):\n    return json.load(open(p))\n');
    const reads = new Map<string, number>();
    const cache = new FolderScanCache();
    const options = { analyser: pool, root: posix(dir), settingsFor: () => DEFAULT_SETTINGS };
    const cold = await cache.scan(sourcesOf(dir, reads), options);
    const linking = cold.files.find((f) => f.analysis.linkedFiles.length > 0);
    assert.ok(linking, 'a run that links to a config');
    const target = linking.analysis.linkedFiles[0];

    reads.clear();
    const unchanged = await cache.scan(sourcesOf(dir, reads), options);
    assert.equal(unchanged.analysed, 0);
    assert.equal(reads.size, 0, `nothing is read when sizes and times are unchanged: ${[...reads.keys()].join(', ')}`);
    assert.equal(shown(unchanged.files), shown(cold.files));

    fs.appendFileSync(path.join(dir, 'helpers.py'), '\n# edited\n');
    reads.clear();
    const oneChanged = await cache.scan(sourcesOf(dir, reads), options);
    assert.equal(oneChanged.analysed, 1);
    assert.deepEqual([...reads.keys()], [posix(path.join(dir, 'helpers.py'))]);

    const text = fs.readFileSync(target, 'utf8');
    fs.writeFileSync(target, text + '\n# edited\n');
    const linkedChanged = await cache.scan(sourcesOf(dir), options);
    assert.ok(
      linkedChanged.analysed >= 2,
      `the config and the run that names it are re-analysed (${linkedChanged.analysed})`,
    );
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('stops when cancelled and reports progress up to the total otherwise', async () => {
    let ticks = 0;
    const cancelled = await new FolderScanCache().scan(sourcesOf(EXAMPLES), {
      analyser: pool,
      root: posix(EXAMPLES),
      settingsFor: () => DEFAULT_SETTINGS,
      isCancelled: () => ticks >= 3,
      progress: () => ticks++,
    });
    assert.equal(cancelled.cancelled, true);
    let last = { done: 0, total: -1 };
    const complete = await new FolderScanCache().scan(sourcesOf(EXAMPLES), {
      analyser: pool,
      root: posix(EXAMPLES),
      settingsFor: () => DEFAULT_SETTINGS,
      progress: (done, total) => (last = { done, total }),
    });
    assert.equal(complete.cancelled, false);
    assert.equal(last.done, last.total);
  });

  describe('a worker that misbehaves', () => {
    let dir: string;
    before(() => {
      dir = tempDir('greenai-bad-worker-');
      // Stand-in workers: one never answers a job, one dies on it.
      fs.writeFileSync(
        path.join(dir, 'hangs.js'),
        "const { parentPort } = require('node:worker_threads'); parentPort.postMessage({ type: 'ready' }); parentPort.on('message', () => {});\n",
      );
      fs.writeFileSync(
        path.join(dir, 'dies.js'),
        "const { parentPort } = require('node:worker_threads'); parentPort.postMessage({ type: 'ready' }); parentPort.on('message', () => process.exit(3));\n",
      );
    });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    const job = (): ScanJob => ({
      path: '/w/train.py',
      display: 'train.py',
      bytes: new TextEncoder().encode('import torch\n'),
      role: 'code',
      settings: DEFAULT_SETTINGS,
      overrides: {},
    });

    it('a file that takes too long is reported as skipped, and the scan goes on', async () => {
      const hanging: FileAnalyser = new ScanWorkerPool({
        workerScript: path.join(dir, 'hangs.js'),
        wasm: WASM,
        size: 1,
        jobTimeoutMs: 300,
      });
      try {
        const result = await hanging.analyse(job(), async () => []);
        assert.deepEqual(result, { role: 'failed', reason: 'took longer than 0.3 s to analyse' });
      } finally {
        await hanging.dispose();
      }
    });

    it('a worker that dies fails its file after one retry, without taking the caller down', async () => {
      const dying = new ScanWorkerPool({ workerScript: path.join(dir, 'dies.js'), wasm: WASM, size: 1 });
      try {
        const result = await dying.analyse(job(), async () => []);
        assert.equal(result.role, 'failed');
        assert.match(result.role === 'failed' ? result.reason : '', /exited \(code 3\)/);
      } finally {
        await dying.dispose();
      }
    });
  });

  it('a config whose keys name Object.prototype members comes back from a worker like any other', async () => {
    const result = await pool.analyse(
      {
        ...job2(''),
        path: '/w/vocab.json',
        display: 'vocab.json',
        bytes: new TextEncoder().encode('{"toString": 6712, "constructor": 22602, "valueOf": 94113, "epochs": 3}'),
      },
      async () => [],
    );
    assert.equal(result.role, 'code');
  });

  describe('this thread and workers sharing a scan', () => {
    /** A pool that counts the files it is handed (and analyses them here). */
    const countingPool = async () => {
      const here = new InThreadAnalyser(await parsing());
      const pool = { concurrency: 1, handed: 0, unusable: undefined as string | undefined };
      const fake = Object.assign(pool, {
        analyse: (job: ScanJob, fetch: Parameters<FileAnalyser['analyse']>[1]) => {
          pool.handed++;
          return here.analyse(job, fetch);
        },
        dispose: async () => undefined,
      });
      return fake;
    };
    const scanOf = async (files: number | undefined, count: number) => {
      const pool = await countingPool();
      const shared = new SharedAnalyser(
        new InThreadAnalyser(await parsing()),
        pool as unknown as ScanWorkerPool,
        files,
      );
      // Two files in flight at a time, as the scan's reading lanes hand them over.
      let next = 0;
      const lane = async () => {
        while (next++ < count) await shared.analyse(job2('print(1)\n'), async () => []);
      };
      await Promise.all([lane(), lane()]);
      return { handed: pool.handed, started: shared.workersStarted };
    };

    it('a folder scanned sooner than a worker starts never starts one', async () => {
      assert.deepEqual(await scanOf(8, 8), { handed: 0, started: false });
    });

    it('a scan whose pace leaves much work starts the workers after a first sample of files', async () => {
      const { handed, started } = await scanOf(1_000_000, 40);
      assert.equal(started, true);
      assert.ok(handed > 0 && handed < 40, `${handed} of 40 files went to the pool`);
    });

    it('without a file count the workers take files from the start', async () => {
      assert.ok((await scanOf(undefined, 4)).handed > 0);
    });
  });

  it('runs on this thread with the same contract', async () => {
    const analyser = new InThreadAnalyser(await parsing());
    const result = await analyser.analyse(job2('print(1)\n'), async () => []);
    assert.equal(result.role, 'code');
    assert.deepEqual(result.role === 'code' && result.analysis, {
      kind: 'python',
      runs: [],
      problems: [],
      errors: [],
      facts: [],
      linkedFiles: [],
    });
  });

  it("keeps none of the files' text in its results (strings cut from a text keep V8 holding all of it)", async () => {
    // Each config is ~400 KB of padding with a run at its top; twenty results kept as a scan keeps them.
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const analyser = new InThreadAnalyser(await parsing());
    const padding = Array.from({ length: 8000 }, (_, i) => `note_${i}: "padding line ${i} of a long config file"`).join(
      '\n',
    );
    const kept: unknown[] = [];
    const configText = (i: number) =>
      `model_name_or_path: gpt2\nnum_train_epochs: ${i + 1}\nbf16: true\n${padding}\n# ${i}\n`;
    // One analysis first, not kept: the tables built on first use (rule automata, catalogs) are not results.
    await analyser.analyse(
      { ...job2(''), path: '/w/warm.yaml', display: 'warm.yaml', bytes: new TextEncoder().encode(configText(99)) },
      async () => [],
    );
    gc();
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < 20; i++) {
      const text = configText(i);
      const result = await analyser.analyse(
        { ...job2(''), path: `/w/cfg${i}.yaml`, display: `cfg${i}.yaml`, bytes: new TextEncoder().encode(text) },
        async () => [],
      );
      assert.ok(result.role === 'code' && result.analysis.runs.length === 1, 'each config is a run');
      kept.push(result);
    }
    // Small analyses and turns of the event loop until the heap settles: V8's background compiler holds the context of
    // the call it is optimising (here the last large config's parsed document, ~12 MB) until its job is installed,
    // which made the figure below 0.3 MB on most runs and ~5 MB on some (a fixed three turns still left it on a loaded
    // host). Settling changes nothing a kept result holds: that stays through every turn.
    let previous = Infinity;
    for (let i = 0; i < 12; i++) {
      await analyser.analyse(
        {
          ...job2(''),
          path: `/w/small${i}.yaml`,
          display: `small${i}.yaml`,
          bytes: new TextEncoder().encode('a: 1\n'),
        },
        async () => [],
      );
      await new Promise((resolve) => setTimeout(resolve, 20));
      gc();
      const now = process.memoryUsage().heapUsed;
      if (i >= 2 && Math.abs(previous - now) < 0.25 * 1048576) break;
      previous = now;
    }
    const withResults = process.memoryUsage().heapUsed;
    assert.equal(kept.length, 20);
    assert.ok(withResults > before - 64 * 1048576, 'the heap was measured');
    // What the results themselves hold: the heap with them minus the heap once they are dropped. (The growth since
    // `before` also counts one-off allocations of the process, code and tables compiled on a later call, which made
    // a bound on it flaky.)
    kept.length = 0;
    gc();
    const heldMb = (withResults - process.memoryUsage().heapUsed) / 1048576;
    // Holding the texts would be 20 × 0.4 MB = 8 MB at least.
    assert.ok(heldMb < 3, `20 kept results held ${heldMb.toFixed(1)} MB`);
  });
});

function job2(text: string): ScanJob {
  return {
    path: '/w/util.py',
    display: 'util.py',
    bytes: new TextEncoder().encode(text),
    role: 'code',
    settings: DEFAULT_SETTINGS,
    overrides: {},
  };
}

describe('Runs counted once', () => {
  it('a launched script is drawn into the run that launches it; a module a script calls a function of stays its own run', async () => {
    const dir = tempDir('greenai-modules-');
    try {
      fs.writeFileSync(
        path.join(dir, 'bench.py'),
        'import torch\nfrom transformers import AutoModelForCausalLM\n\n\ndef measure(model_id="gpt2"):\n    model = AutoModelForCausalLM.from_pretrained(model_id)\n    return model.generate(max_new_tokens=20)\n\n\nif __name__ == "__main__":\n    measure("gpt2-medium")\n',
      );
      fs.writeFileSync(
        path.join(dir, 'bench_base.py'),
        'from bench import measure\n\nif __name__ == "__main__":\n    print(measure("gpt2"))\n',
      );
      fs.writeFileSync(path.join(dir, 'launch.sh'), 'python bench.py\n');
      const files = await analyseEachFile(dir);
      const runsOf = (name: string) => files.find((f) => f.display === name)!.analysis.runs.length;
      assert.equal(runsOf('bench_base.py'), 1, 'the script calling measure() is a run');
      assert.equal(runsOf('launch.sh'), 1, 'the launch script is a run');
      // bench.py is launched by launch.sh (drawn into its run); being imported by bench_base.py alone would not hide it.
      assert.equal(runsOf('bench.py'), 0);
      fs.rmSync(path.join(dir, 'launch.sh'));
      const again = await analyseEachFile(dir);
      assert.equal(again.find((f) => f.display === 'bench.py')!.analysis.runs.length, 1);
      assert.deepEqual(
        again.find((f) => f.display === 'bench_base.py')!.analysis.calledModules?.map((p) => path.basename(p)),
        ['bench.py'],
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('A script that launches several programs', () => {
  it('each different program it starts on a line of its own stays its own run; one program over several lines is drawn in', async () => {
    const dir = tempDir('greenai-several-');
    const program = (model: string, steps: number) =>
      `import torch\nfrom transformers import AutoModelForCausalLM, Trainer, TrainingArguments\n\nmodel = AutoModelForCausalLM.from_pretrained("${model}")\nargs = TrainingArguments(output_dir="out", max_steps=${steps})\nTrainer(model=model, args=args).train()\n`;
    try {
      fs.writeFileSync(path.join(dir, 'tiny.py'), program('gpt2', 100));
      fs.writeFileSync(path.join(dir, 'large.py'), program('EleutherAI/pythia-1.4b', 2000));
      fs.writeFileSync(
        path.join(dir, 'reference.sh'),
        '#!/bin/bash\nset -e\npython tiny.py\naccelerate launch --num_processes 2 large.py > large.log 2>&1\n',
      );
      const files = await analyseEachFile(dir);
      const runsOf = (name: string) => files.find((f) => f.display === name)!.analysis.runs;
      assert.equal(runsOf('reference.sh').length, 1, 'the script is a run');
      assert.equal(runsOf('large.py').length, 1, 'a program it launches keeps its own run');
      assert.equal(runsOf('large.py')[0].run.model.name, 'EleutherAI/pythia-1.4b');
      assert.equal(runsOf('tiny.py').length, 1);
      fs.rmSync(path.join(dir, 'reference.sh'));
      fs.writeFileSync(path.join(dir, 'again.sh'), 'python tiny.py --seed 1\npython tiny.py --seed 2\n');
      const again = await analyseEachFile(dir);
      assert.equal(
        again.find((f) => f.display === 'tiny.py')!.analysis.runs.length,
        0,
        'one program run twice is drawn in',
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('Documentation copies', () => {
  it("a documentation folder's byte-for-byte copy of a notebook is left out as the original's copy; other copies and unique notebooks stay", async () => {
    const dir = tempDir('greenai-doc-copies-');
    const notebook = fs.readFileSync(path.join(ROOT, 'test/fixtures/scanner/notebooks/qlora_llama3_sft.ipynb'));
    try {
      for (const rel of ['Tutorials/1_finetune.ipynb', 'docs/source/tutorial/1.ipynb', 'experiments/b/1.ipynb']) {
        fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
        fs.writeFileSync(path.join(dir, rel), notebook);
      }
      // A file that is skipped (too large to read) leaves a hole among the analysed files.
      fs.writeFileSync(path.join(dir, 'huge.json'), Buffer.alloc(3 * 1024 * 1024, 0x20));
      // A notebook only the documentation has is its own run (a worked example).
      fs.writeFileSync(
        path.join(dir, 'docs/source/tutorial/only_here.ipynb'),
        Buffer.concat([notebook, Buffer.from('\n')]),
      );
      const result = await new FolderScanCache().scan(sourcesOf(dir), {
        python: await parsing(),
        root: posix(dir),
        settingsFor: () => DEFAULT_SETTINGS,
      });
      const runsOf = (rel: string) => result.files.find((f) => f.display === rel)?.analysis.runs.length ?? 0;
      assert.equal(runsOf('Tutorials/1_finetune.ipynb'), 1);
      assert.equal(runsOf('experiments/b/1.ipynb'), 1, 'two copies outside the documentation can each be launched');
      assert.equal(runsOf(path.join('docs/source/tutorial/only_here.ipynb')), 1);
      assert.equal(runsOf(path.join('docs/source/tutorial/1.ipynb')), 0);
      assert.deepEqual(
        result.skipped.map((f) => f.display),
        ['huge.json'],
      );
      assert.deepEqual(
        result.leftOut.filter((f) => f.display.includes('docs')).map((f) => f.reason),
        ['a documentation copy of Tutorials/1_finetune.ipynb'],
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
