import * as assert from 'node:assert/strict';
import type { Fact, FactKind } from '../../src/core/facts';
import { matchLauncher } from '../../src/core/extract/shell/launchers';
import { extractShellFacts } from '../../src/core/extract/shellFacts';
import { extractConfigFacts } from '../../src/core/extract/configFacts';
import { analyzeSource } from './helpers';

const values = (facts: readonly Fact[], kind: FactKind) => facts.filter((f) => f.kind === kind).map((f) => f.value);

describe('compiled trainers and detectron2 configs (round 14)', () => {
  it('matches a trainer run by its path, not a script, an extension or a bare word', () => {
    assert.equal(matchLauncher('./train_lm -b 4')?.value, 'train_lm');
    assert.equal(matchLauncher('mpirun -np 8 --bind-to none ./train_lm -b 4')?.value, 'train_lm');
    assert.equal(matchLauncher('/opt/x/bin/train-net')?.value, 'train-net');
    assert.equal(matchLauncher('./train.sh')?.launcher.name, 'bash');
    assert.equal(matchLauncher('train_lm -b 4'), undefined);
    // A path with an extension is no compiled trainer: a `.py` one is Python run through its shebang (fifty-fourth round).
    assert.equal(matchLauncher('./trainer_tools/x.py')?.launcher.name, 'python');
    assert.equal(matchLauncher('./trainer_tools/x.py')?.value, 'python');
  });

  it('reads a compiled trainer only where the script builds it, with mpirun ranks over one host’s devices', () => {
    const built = extractShellFacts(
      'make -j8 train_lm test_lm USE_X=1\nexport CUDA_VISIBLE_DEVICES=0,1,2,3\nmpiexec -n 16 --host a:8,b:8 ./train_lm -x 10\n',
    );
    assert.deepEqual(values(built, 'launch.trainer'), ['train_lm']);
    assert.deepEqual(values(built, 'hardware.devices'), [16]);
    // Built under another name, or not at all: no run.
    assert.deepEqual(values(extractShellFacts('make train_other\n./train_lm -x 10\n'), 'launch.trainer'), []);
    assert.deepEqual(values(extractShellFacts('./train_lm -x 10\n'), 'launch.trainer'), []);
  });

  it('reads a detectron2 detector name and ImageNet-backbone weights, and leaves other weights a fine-tune', () => {
    const config = (weights: string, mask = 'False') =>
      extractConfigFacts(
        `MODEL:\n  META_ARCHITECTURE: "RetinaNet"\n  WEIGHTS: "${weights}"\n  MASK_ON: ${mask}\n  RESNETS:\n    DEPTH: 101\nSOLVER:\n  MAX_ITER: 1000\n`,
        'yaml',
      ).facts;
    const backbone = config('detectron2://ImageNetPretrained/MSRA/R-101.pkl');
    assert.deepEqual(values(backbone, 'training.mode'), ['pretrain']);
    assert.deepEqual(values(backbone, 'model.id'), ['retinanet-resnet-101']);
    assert.deepEqual(values(config('output/model_final.pth'), 'training.mode'), ['finetune']);
    assert.deepEqual(values(config('x.pkl', 'True'), 'model.id'), ['retinanet']);
  });

  it('reads a policy evaluation from its model_family default only when the package loads it and nothing trains', async () => {
    const program = (extra: string) =>
      [
        'from dataclasses import dataclass',
        'import draccus',
        'from experiments.robot.utils import get_model',
        '@dataclass',
        'class Cfg:',
        '    model_family: str = "somevla"',
        '@draccus.wrap()',
        'def main(cfg: Cfg):',
        '    model = get_model(cfg)',
        extra,
        'if __name__ == "__main__":',
        '    main()',
        '',
      ].join('\n');
    const evaluation = await analyzeSource('run_eval.py', program('    print(model)'));
    assert.equal(evaluation.runs.length, 1);
    assert.equal(evaluation.runs[0].run.model.name, 'somevla');
    assert.equal(evaluation.runs[0].run.mode, 'inference');
    const trains = await analyzeSource('run_eval.py', program('    loss.backward()\n    optimizer.step()'));
    assert.ok(trains.runs.every((r) => r.run.model.name !== 'somevla' || r.run.mode !== 'inference'));
  });
});
