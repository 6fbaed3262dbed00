import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { loadWithCodeCache, userCodeCacheDir, type CacheUse } from '../../src/launch/codeCache';

/**
 * A load in a fresh process, as the CLI's are (in this one V8 would find the script in its own
 * compilation cache and never look at the file). The cache is saved at the child's exit.
 */
function loadInChild(bundle: string, cacheDir: string): { cache: CacheUse; answer: number } {
  const lib = require.resolve('../../src/launch/codeCache');
  const code = `const l = require(${JSON.stringify(lib)}).loadWithCodeCache(${JSON.stringify(bundle)}, ${JSON.stringify(cacheDir)}, 'exit');
process.stdout.write(JSON.stringify({ cache: l.cache, answer: l.exports.answer }));`;
  const r = spawnSync(process.execPath, ['-e', code], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as { cache: CacheUse; answer: number };
}

/** Waits until `file` exists (the cache is saved on a timer), at most `ms`. */
async function appears(dir: string, ms = 2000): Promise<string[]> {
  const end = Date.now() + ms;
  for (;;) {
    const names = fs.existsSync(dir) ? fs.readdirSync(dir).filter((n) => n.endsWith('.v8cache')) : [];
    if (names.length > 0 || Date.now() > end) return names;
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('code cache (the CLI and scan workers load their bundles through V8’s code cache)', () => {
  let work: string;
  let bundle: string;
  let cacheDir: string;
  beforeEach(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'greenai-codecache-'));
    bundle = path.join(work, 'bundle.js');
    // A shebang like the CLI's, the module's own `require`, `__dirname` and `module.exports`.
    fs.writeFileSync(
      bundle,
      "#!/usr/bin/env node\nconst p = require('node:path');\nfunction twice(x) { return 2 * x; }\n" +
        'module.exports = { answer: twice(21), dir: p.basename(__dirname), self: __filename };\n',
    );
    cacheDir = path.join(work, 'cache');
  });
  afterEach(() => fs.rmSync(work, { recursive: true, force: true }));

  it('without a folder it is a plain require', () => {
    const loaded = loadWithCodeCache(bundle, undefined, { afterMs: 0 });
    assert.equal(loaded.cache, 'off');
    assert.deepEqual(loaded.exports, { answer: 42, dir: path.basename(work), self: bundle });
    assert.equal(fs.existsSync(cacheDir), false);
  });

  it('saves a cache the next process uses, in a folder of the user’s own', () => {
    assert.deepEqual(loadInChild(bundle, cacheDir), { cache: 'missing', answer: 42 });
    const names = fs.readdirSync(cacheDir);
    assert.equal(names.length, 1);
    if (process.platform !== 'win32') {
      assert.equal(fs.statSync(cacheDir).mode & 0o777, 0o700);
      assert.equal(fs.statSync(path.join(cacheDir, names[0])).mode & 0o777, 0o600);
    }
    assert.deepEqual(loadInChild(bundle, cacheDir), { cache: 'used', answer: 42 });
    assert.deepEqual(fs.readdirSync(cacheDir), names);
  });

  it('a damaged cache is refused by V8, the bundle still runs, and a good cache replaces it', () => {
    loadInChild(bundle, cacheDir);
    const [name] = fs.readdirSync(cacheDir);
    fs.writeFileSync(path.join(cacheDir, name), Buffer.alloc(4096, 7));
    assert.deepEqual(loadInChild(bundle, cacheDir), { cache: 'rejected', answer: 42 });
    assert.deepEqual(loadInChild(bundle, cacheDir), { cache: 'used', answer: 42 });
  });

  it('a worker’s cache is saved on a timer (a terminated worker has no exit event)', async () => {
    assert.equal(loadWithCodeCache(bundle, cacheDir, { afterMs: 0 }).cache, 'missing');
    assert.equal((await appears(cacheDir)).length, 1);
  });

  it('a cache file that is a symbolic link is not read', function () {
    if (process.platform === 'win32') this.skip();
    loadInChild(bundle, cacheDir);
    const [name] = fs.readdirSync(cacheDir);
    const real = path.join(work, 'elsewhere.v8cache');
    fs.renameSync(path.join(cacheDir, name), real);
    fs.symlinkSync(real, path.join(cacheDir, name));
    assert.equal(loadInChild(bundle, cacheDir).cache, 'missing');
  });

  it('a changed bundle gets its own cache and the old one is removed', () => {
    loadInChild(bundle, cacheDir);
    const before = fs.readdirSync(cacheDir);
    fs.appendFileSync(bundle, 'module.exports.more = 1;\n');
    assert.equal(loadInChild(bundle, cacheDir).cache, 'missing');
    const after = fs.readdirSync(cacheDir);
    assert.equal(after.length, 1);
    assert.notDeepEqual(after, before);
  });

  it('an edit that keeps the bundle’s length does not reuse its cache (V8 checks only the length)', () => {
    loadInChild(bundle, cacheDir);
    fs.writeFileSync(bundle, fs.readFileSync(bundle, 'utf8').replace('2 * x', '3 * x'));
    assert.deepEqual(loadInChild(bundle, cacheDir), { cache: 'missing', answer: 63 });
  });

  it('the folder: GREENAI_CODE_CACHE=0 turns it off, GREENAI_CODE_CACHE_DIR names it, else the user’s cache', () => {
    assert.equal(userCodeCacheDir({ GREENAI_CODE_CACHE: '0', GREENAI_CODE_CACHE_DIR: '/x' }), undefined);
    assert.equal(userCodeCacheDir({ GREENAI_CODE_CACHE_DIR: '/x/y' }), '/x/y');
    if (process.platform !== 'win32')
      assert.equal(userCodeCacheDir({ XDG_CACHE_HOME: '/c' }), path.join('/c', 'green-ai', 'code-cache'));
  });
});
