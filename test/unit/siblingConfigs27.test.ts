import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { FolderScanCache } from '../../src/core/scan/folderScan';
import { siblingOverlap, topLevelYamlKeys } from '../../src/core/scan/siblingConfigs';
import { DEFAULT_SETTINGS } from '../../src/core/runSpec';
import { diskSources, parsing, ROOT } from './helpers';

/**
 * A YAML beside a program's default config, of the same top-level structure, is another run of that program; a
 * fragment of a few keys, another tool's config and a test folder's copy are not.
 */

const DIR = path.join(ROOT, 'test/fixtures/scanner/siblingcfg27');

describe('configs beside a default config (27)', () => {
  it('reads top-level YAML keys and compares structures', () => {
    assert.deepEqual([...topLevelYamlKeys('a: 1\nb:\n  c: 2\n# d: 3\n"e": 4\nf:\n---\ng: 5\n')], ['a', 'b', 'f']);
    const keys = (n: number) => new Set(Array.from({ length: n }, (_, i) => `k${i}`));
    assert.equal(siblingOverlap('c/a.yml', keys(8), 'c/b.yml', keys(8)), 1);
    assert.equal(siblingOverlap('c/a.yml', keys(8), 'c/b.yml', keys(3)), 0);
    assert.equal(siblingOverlap('c/a.yml', keys(10), 'c/b.yml', keys(6)), 0);
    assert.equal(siblingOverlap('c/a.yml', keys(8), 'c/b.json', keys(8)), 0);
    assert.equal(siblingOverlap('c/a.yml', keys(8), 'tests/b.yml', keys(8)), 0);
  });

  it('is linear on a hostile config text', () => {
    const started = performance.now();
    topLevelYamlKeys(`${'a'.repeat(100000)}:x\n`.repeat(20));
    topLevelYamlKeys(':\n'.repeat(200000));
    assert.ok(performance.now() - started < 1000);
  });

  it('lists a sibling of the same shape as a run of the program, with its own values', async () => {
    const result = await new FolderScanCache().scan(diskSources(DIR), {
      python: await parsing(),
      root: DIR.split(path.sep).join('/'),
      settingsFor: () => DEFAULT_SETTINGS,
    });
    const listed = new Map(result.files.filter((f) => f.analysis.runs.length > 0).map((f) => [f.display, f]));
    assert.deepEqual([...listed.keys()].sort(), ['configs/vocoder_large.yml', 'train_vocoder.py']);
    const large = listed.get('configs/vocoder_large.yml')!.analysis.runs[0].run;
    const base = listed.get('train_vocoder.py')!.analysis.runs[0].run;
    assert.equal(base.training.epochs, 30);
    assert.equal(large.training.epochs, 80);
  });
});
