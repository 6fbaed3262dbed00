import * as assert from 'node:assert/strict';
import type { Fact, FactKind } from '../../src/core/facts';
import { parseConfigDocument } from '../../src/core/extract/config/configDocument';
import { extractConfigFacts } from '../../src/core/extract/configFacts';
import { evaluateFolderValue } from '../../src/core/extract/shell/scriptFolder';
import { extractShellFacts } from '../../src/core/extract/shellFacts';

const values = (facts: readonly Fact[], kind: FactKind) => facts.filter((f) => f.kind === kind).map((f) => f.value);
const configFacts = (text: string, path = '/repo/egs/tts/X/exp_config.json') =>
  extractConfigFacts(text, 'json', path).facts;

describe('Amphion-style recipes (set AF): launch scripts, JSONC configs and base_config chains', () => {
  it('evaluates backtick substitutions like $( ... ), and leaves escaped or unclosed ones alone', () => {
    const known = new Map([['exp_dir', '.']]);
    const lookup = (name: string) => known.get(name);
    assert.equal(evaluateFolderValue('$(cd `dirname $0`; pwd)', lookup), '.');
    assert.equal(evaluateFolderValue('$(dirname $(dirname $(dirname $exp_dir)))', lookup), '../../..');
    assert.equal(evaluateFolderValue('$(cd `dirname $0; pwd)', lookup), undefined);
    assert.equal(evaluateFolderValue('$(cd `echo \\`x\\``; pwd)', lookup), undefined);
  });

  it('keeps a program path built from the script-folder variables when the script has cd-ed to the root', () => {
    const facts = extractShellFacts(
      [
        'exp_dir=$(cd `dirname $0`; pwd)',
        'work_dir=$(dirname $(dirname $(dirname $exp_dir)))',
        'cd $work_dir',
        'exp_config="${exp_dir}"/exp_config.json',
        'CUDA_VISIBLE_DEVICES=0 accelerate launch "${work_dir}"/bins/tts/train.py --config $exp_config',
        'python tools/plain.py --config $exp_config',
      ].join('\n'),
    );
    // The root-built path is not joined onto the cd again; a plain relative path still is.
    assert.deepEqual(values(facts, 'link.script'), ['../../../bins/tts/train.py', '../../../tools/plain.py']);
    assert.deepEqual(values(facts, 'link.config'), ['./exp_config.json', './exp_config.json']);
  });

  it('reads a quoted program path as the program (an inference program given a config is an inference run)', () => {
    const facts = extractShellFacts('python "../models/x/noro_inference.py" --config ./exp.json --out o\n');
    assert.deepEqual(values(facts, 'training.mode'), ['inference']);
  });

  it('parses JSON with // comments holding `: ` and trailing commas as JSONC when YAML cannot', () => {
    const text = '{\n  "train": {\n    "stage": 1, // 0: all, 1: AR\n    "max_epoch": 20,\n  },\n}\n';
    const doc = parseConfigDocument(text, 'json');
    assert.equal(doc.errors.length, 0);
    assert.equal(
      JSON.stringify((doc.contents as { toJSON(): unknown }).toJSON()),
      '{"train":{"stage":1,"max_epoch":20}}',
    );
  });

  it('reads a recipe: its base link, model_type, a positive max_epoch; no length from max_steps', () => {
    const facts = configFacts(
      '{\n "base_config": "config/valle.json",\n "model_type": "VALLE",\n "log_dir": "ckpts",\n "train": {"max_epoch": 20, "max_steps": 1000000}\n}\n',
    );
    assert.deepEqual(values(facts, 'link.config'), ['config/valle.json']);
    assert.deepEqual(values(facts, 'model.id'), ['VALLE']);
    assert.deepEqual(values(facts, 'training.epochs'), [20]);
    assert.ok(!values(facts, 'training.steps').some((v) => v !== null));
    assert.deepEqual(values(facts, 'launch.trainer'), ['config:amphion']);
  });

  it('reads max_epoch of zero or less as no limit, and leaves bases and model-only configs without a run', () => {
    const unlimited = configFacts(
      '{"model_type": "Vocos", "preprocess": {"hop_size": 256}, "train": {"max_epoch": 0, "batch_size": 8}}',
    );
    assert.deepEqual(values(unlimited, 'training.epochs'), [null]);
    const base = configFacts(
      '{"base_config": "config/ns2.json", "train": {"max_epoch": 10}}',
      '/repo/egs/tts/X/exp_config_base.json',
    );
    assert.deepEqual(values(base, 'launch.trainer'), []);
    assert.deepEqual(values(base, 'run.entry'), [false]);
    const description = configFacts('{"base_config": "./models/x/config/base.json", "model": {"hidden_size": 1536}}');
    assert.deepEqual(values(description, 'run.entry'), [false]);
    assert.deepEqual(values(description, 'launch.trainer'), []);
  });

  it('leaves a Hugging Face config.json (model_type without train and preprocess sections) to its own readers', () => {
    const facts = configFacts(
      '{"model_type": "llama", "hidden_size": 4096, "num_hidden_layers": 32}',
      '/m/config.json',
    );
    assert.ok(!values(facts, 'run.framework').includes('amphion'));
  });
});
