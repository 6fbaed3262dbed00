import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseYamlTopLevel, yamlConfigProgram } from '../../src/core/extract/config/yamlProgramConfig';
import { FolderScanCache } from '../../src/core/scan/folderScan';
import { DEFAULT_SETTINGS } from '../../src/core/runSpec';
import { diskSources, parsing, ROOT } from './helpers';

/**
 * Flat YAMLs of a program's parameters (typer-config's use_yaml_config, a `--config` option): a run of the one program
 * of the folder (or a folder above) that declares a config file and takes every key; other YAMLs never are.
 */

const DIR = path.join(ROOT, 'test/fixtures/scanner/yamlprog28');

describe('YAML configs of a program (28)', () => {
  it('reads the top-level keys of a flat mapping and turns lists, documents and anchors away', () => {
    assert.deepEqual(
      parseYamlTopLevel('# c\na: 1_000\nb:\n- x\n- y\nc: "q" # note\nd: [1, 2]\ne:\n  f: 1\n')?.map((e) => [
        e.key,
        e.value,
      ]),
      [
        ['a', '1000'],
        ['b', ''],
        ['c', 'q'],
        ['d', ''],
        ['e', ''],
      ],
    );
    assert.equal(parseYamlTopLevel('- a: 1\n- b: 2\n- c: 3\n'), undefined);
    assert.equal(parseYamlTopLevel('a: 1\nb: 2\n'), undefined);
    assert.equal(parseYamlTopLevel('a: 1\nb: 2\n---\nc: 3\n'), undefined);
    assert.equal(parseYamlTopLevel('a: &x 1\nb: *x\nc: 3\n'), undefined);
    assert.equal(parseYamlTopLevel('a: 1\na: 2\nc: 3\n'), undefined);
    assert.equal(parseYamlTopLevel('a: 1\nb: 2\n  c: 3\n'), undefined);
  });

  it('reads the parameters of a typer command under use_yaml_config, and nothing from a program without a config', () => {
    const program = yamlConfigProgram(fs.readFileSync(path.join(DIR, 'forecast/fit_tokens.py'), 'utf8'))!;
    assert.deepEqual(program.configFlags, ['config']);
    assert.ok(program.flags.has('model_id') && program.flags.has('max_steps') && program.flags.has('data_paths'));
    assert.ok(!program.flags.has('warmup_fraction'));
    assert.equal(yamlConfigProgram(fs.readFileSync(path.join(DIR, 'plain/tune_head.py'), 'utf8')), undefined);
    const argparsed = yamlConfigProgram(
      'import argparse, yaml\np = argparse.ArgumentParser()\np.add_argument("-c", "--config")\np.add_argument("--lr")\nif __name__ == "__main__":\n  pass\n',
    )!;
    assert.deepEqual(argparsed.configFlags, ['config']);
    assert.ok(argparsed.flags.has('lr'));
    assert.equal(
      yamlConfigProgram(
        'import argparse, yaml\np = argparse.ArgumentParser()\np.add_argument("-c", "--checkpoint")\nif __name__ == "__main__":\n  pass\n',
      ),
      undefined,
    );
  });

  it('is linear on a hostile program text', () => {
    const started = performance.now();
    yamlConfigProgram(`__main__ yaml\n@use_yaml_config()\ndef f(${'a=(['.repeat(30000)}`);
    yamlConfigProgram(`__main__ yaml\n${'.add_argument(' + '"--a", '.repeat(20000)}`);
    parseYamlTopLevel(`${'k: v\n'.repeat(3000)}`);
    assert.ok(performance.now() - started < 1000);
  });

  it('lists each parameter YAML as a run of its program, with its values over the defaults', async () => {
    const result = await new FolderScanCache().scan(diskSources(DIR), {
      python: await parsing(),
      root: DIR.split(path.sep).join('/'),
      settingsFor: () => DEFAULT_SETTINGS,
    });
    const runs = new Map(result.files.map((f) => [f.display, f.analysis.runs] as const));
    const small = runs.get('forecast/configs/small_run.yaml');
    assert.equal(small?.length, 1);
    assert.equal(small[0].run.spec.training.steps, 40000);
    assert.equal(small[0].run.model.name, 'google/t5-efficient-small');
    const base = runs.get('forecast/configs/base_run.yaml');
    assert.equal(base?.length, 1);
    assert.equal(base[0].run.spec.training.steps, 15000);
    assert.equal(base[0].run.model.name, 'google/t5-efficient-base');
    // The program run on its own (its defaults) stays a run.
    assert.equal(runs.get('forecast/fit_tokens.py')?.length, 1);
    for (const notARun of [
      'forecast/configs/ablation_notes.yaml',
      'forecast/configs/series_sources.yaml',
      'plain/sweep.yaml',
    ])
      assert.equal(runs.get(notARun)?.length ?? 0, 0, notARun);
  });
});
