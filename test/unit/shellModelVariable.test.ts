import * as assert from 'node:assert/strict';
import { modelFromVariable } from '../../src/core/extract/shell/modelVariable';
import { extractShellFacts } from '../../src/core/extract/shellFacts';

describe('A model handed to a program through a variable named for it', () => {
  const vars = (entries: Array<[string, string]>) => new Map(entries);

  it('reads the variable a flag takes when its name says model', () => {
    const read = modelFromVariable(
      'python eval.py --logdir ${MODEL_NAME_OR_PATH} --n 3',
      vars([['MODEL_NAME_OR_PATH', 'org/coder-1b']]),
    );
    assert.deepEqual(read, { flag: 'logdir', variable: 'MODEL_NAME_OR_PATH', value: 'org/coder-1b' });
    assert.equal(
      modelFromVariable('python eval.py --ckpt="$BASE_MODEL"', vars([['BASE_MODEL', 'gpt2']]))?.value,
      'gpt2',
    );
  });

  it('leaves other variables, unset ones and values still holding a variable alone', () => {
    assert.equal(
      modelFromVariable('python eval.py --out ${OUTPUT_MODEL_DIR}', vars([['OUTPUT_MODEL_DIR', 'out/m']])),
      undefined,
    );
    assert.equal(modelFromVariable('python eval.py --logdir ${MODEL_PATH}', vars([])), undefined);
    assert.equal(modelFromVariable('python eval.py --logdir ${MODEL}', vars([['MODEL', '$ROOT/m']])), undefined);
    assert.equal(modelFromVariable('python eval.py --logdir ${MODEL}/ckpt', vars([['MODEL', 'org/m']])), undefined);
  });

  it('yields to a flag that names the model itself', () => {
    const text = 'MODEL_PATH=org/other-1b\npython eval.py --model_name_or_path gpt2 --logdir ${MODEL_PATH}\n';
    const models = extractShellFacts(text, 'eval.sh').filter((f) => f.kind === 'model.id');
    assert.deepEqual(
      models.map((f) => f.value),
      ['gpt2'],
    );
  });

  it('stays bounded on a long command of variable flags', () => {
    const line = `python eval.py ${'--a ${X} '.repeat(20_000)}--logdir \${MODEL}`;
    const t0 = performance.now();
    modelFromVariable(line, vars([['MODEL', 'org/m']]));
    assert.ok(performance.now() - t0 < 1000);
  });
});

describe('A launch after a standalone cd', () => {
  const scripts = (text: string) =>
    extractShellFacts(text, 'repo/finetune/scripts/run.sh')
      .filter((f) => f.kind === 'link.script')
      .map((f) => f.value);

  it('runs the program in the folder the script moved to, relative to its own', () => {
    assert.deepEqual(scripts('cd "$(dirname "${BASH_SOURCE[0]}")/../sft/"\ndeepspeed main.py --zero_stage 2\n'), [
      '../sft/main.py',
    ]);
    assert.deepEqual(scripts('cd ../sft\npython main.py\n'), ['../sft/main.py']);
  });

  it('leaves the program where it was when the folder is unknown or absolute', () => {
    assert.deepEqual(scripts('cd $WORK_DIR\npython main.py\n'), ['main.py']);
    assert.deepEqual(scripts('cd /opt/app\npython main.py\n'), ['main.py']);
    assert.deepEqual(scripts('cd ~\npython main.py\n'), ['main.py']);
  });
});
