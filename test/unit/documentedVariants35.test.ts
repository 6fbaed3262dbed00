import * as assert from 'node:assert/strict';
import { wordVariants } from '../../src/core/extract/wordVariants';
import { isDocumentationFile, referencesOf } from '../../src/core/scan/documentedLaunches';
import { scanFiles } from './helpers';

/**
 * Thirty-fifth round, set AK: launches documented on per-model README pages (`README_TiTok.md`), passing the config as
 * an OmegaConf command-line pair (`config=configs/x.yaml`) or a family of configs in braces.
 */

describe('Thirty-fifth round: documented launches on README variants, key=value configs and brace families', () => {
  it('reads README variants and guides named for training or evaluation', () => {
    for (const page of ['README_TiTok.md', 'sub/README-zh.md', 'README.en.md', 'TRAINING.md', 'docs/anything.md'])
      assert.ok(isDocumentationFile(page), page);
    for (const page of ['CHANGELOG.md', 'LICENSE.md', 'notes/ideas.md', 'notes/TRAINING.md', 'READMEFIRST.txt'])
      assert.ok(!isDocumentationFile(page), page);
  });

  it('names the files of key=value pairs and of brace families', () => {
    assert.deepEqual(referencesOf('python train.py config=configs/run.yaml experiment.name=x WANDB_MODE=offline'), [
      'train.py',
      'configs/run.yaml',
    ]);
    assert.deepEqual(wordVariants('cfg/gen_{vq/kl}_{l/xl}.yaml'), [
      'cfg/gen_vq_l.yaml',
      'cfg/gen_vq_xl.yaml',
      'cfg/gen_kl_l.yaml',
      'cfg/gen_kl_xl.yaml',
    ]);
    assert.deepEqual(wordVariants('run_{a,b}.sh'), ['run_a.sh', 'run_b.sh']);
    // Too many variants, or a brace that is no choice list: the word as written.
    const many = 'x_{a/b/c/d}_{e/f/g/h}_{i/j}.yaml';
    assert.deepEqual(wordVariants(many), [many]);
    assert.deepEqual(wordVariants('fmt_{}.yaml'), ['fmt_{}.yaml']);
  });

  it('makes each config of a documented family a run of its program', async () => {
    const config = (steps: number) =>
      `experiment:\n  project: "gen_run"\nmodel:\n  generator:\n    hidden_size: 1024\n    num_hidden_layers: 24\ntraining:\n  mixed_precision: "fp16"\n  max_train_steps: ${steps}\n`;
    const result = await scanFiles({
      'README_Gen.md':
        '# Gen\n\n```bash\naccelerate launch --num_machines=1 --num_processes=8 scripts/train_gen.py config=configs/training/gen_{vq/kl}_stage1.yaml\n```\n',
      'scripts/train_gen.py':
        'from omegaconf import OmegaConf\nfrom accelerate import Accelerator\n\ndef main():\n    cli = OmegaConf.from_cli()\n    config = OmegaConf.merge(OmegaConf.load(cli.config), cli)\n    accelerator = Accelerator(mixed_precision=config.training.mixed_precision)\n\nif __name__ == "__main__":\n    main()\n',
      'configs/training/gen_vq_stage1.yaml': config(500000),
      'configs/training/gen_kl_stage1.yaml': config(250000),
    });
    const runOf = (file: string) => result.files.find((f) => f.display === file)?.analysis.runs[0]?.run;
    assert.equal(runOf('configs/training/gen_vq_stage1.yaml')?.training.steps, 500000);
    assert.equal(runOf('configs/training/gen_kl_stage1.yaml')?.training.steps, 250000);
    assert.equal(runOf('configs/training/gen_kl_stage1.yaml')?.hardware.count, 8);
  });
});
