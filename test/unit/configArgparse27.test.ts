import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { argConfigProgram, parseArgConfig, takesEveryKey } from '../../src/core/extract/config/configArgparse';
import { FolderScanCache } from '../../src/core/scan/folderScan';
import { DEFAULT_SETTINGS } from '../../src/core/runSpec';
import { diskSources, parsing, ROOT } from './helpers';

/**
 * configargparse configs (`key = value` `.txt` files): a run of the program of the folder that declares a config-file
 * flag and every key of the file among its flags; other `.txt` files (requirements, notes, another tool's settings)
 * never are.
 */

const DIR = path.join(ROOT, 'test/fixtures/scanner/argconfig27');

describe('configargparse configs (27)', () => {
  it('parses the default config syntax and turns prose, requirements and data lists away', () => {
    assert.deepEqual(
      parseArgConfig('# c\n[main]\nname = a\n--steps 10\nrate: 0.1\nflag\nlist = [1, 2]\n---\n')?.map((e) => [
        e.key,
        e.value,
      ]),
      [
        ['name', 'a'],
        ['steps', '10'],
        ['rate', '0.1'],
        ['flag', 'true'],
        ['list', '[1, 2]'],
      ],
    );
    assert.equal(parseArgConfig('torch>=2.0\nnumpy==1.26\n'), undefined);
    assert.equal(parseArgConfig('These notes say what was done.\nsee: the wiki page\n'), undefined);
    assert.equal(parseArgConfig('data/img_001.png 3\ndata/img_002.png 7\n'), undefined);
    assert.equal(parseArgConfig('only = one\n'), undefined);
    assert.equal(parseArgConfig(`${'k = v\n'.repeat(5000)}`), undefined);
  });

  it('reads the flags of a program declaring is_config_file, and nothing from another', () => {
    const program = argConfigProgram(fs.readFileSync(path.join(DIR, 'fit_field.py'), 'utf8'))!;
    assert.deepEqual(program.configFlags, ['c', 'config']);
    assert.ok(program.flags.has('max_iters') && program.flags.has('run_name'));
    assert.ok(takesEveryKey(program, parseArgConfig('run_name = x\nmax_iters = 3\n')!));
    assert.ok(!takesEveryKey(program, parseArgConfig('run_name = x\nresolution = 3\n')!));
    assert.equal(
      argConfigProgram('import argparse\np = argparse.ArgumentParser()\np.add_argument("--x")\n'),
      undefined,
    );
  });

  it('is linear on a hostile program text', () => {
    const started = performance.now();
    argConfigProgram(`is_config_file __main__\n${'.add_argument(' + '"--a", '.repeat(20000)}`);
    argConfigProgram(`is_config_file __main__\n${'.add("--a"'.repeat(50000)}`);
    assert.ok(performance.now() - started < 1000);
  });

  it('lists each config as a run of its program, with the config values over the flag defaults', async () => {
    const result = await new FolderScanCache().scan(diskSources(DIR), {
      python: await parsing(),
      root: DIR.split(path.sep).join('/'),
      settingsFor: () => DEFAULT_SETTINGS,
    });
    const runs = new Map(result.files.map((f) => [f.display, f.analysis.runs] as const));
    assert.equal(runs.get('configs/armchair.txt')?.length, 1);
    assert.equal(runs.get('configs/armchair.txt')![0].run.spec.training.steps, 80000);
    assert.equal(runs.get('configs/teapot.txt')![0].run.spec.training.steps, 50000);
    assert.equal(runs.get('configs/teapot.txt')![0].run.mode, 'pretrain');
    // The program run on its own (its defaults) stays a run.
    assert.equal(runs.get('fit_field.py')?.length, 1);
    for (const notARun of ['requirements.txt', 'configs/notes.txt', 'configs/render_settings.txt'])
      assert.equal(runs.get(notARun)?.length ?? 0, 0, notARun);
  });
});
