import * as assert from 'node:assert/strict';
import { pythonFacts } from './helpers';

const launcher = (lists: string) =>
  [
    'import argparse',
    'from toolkit.models import ranker',
    '',
    'def run(extra):',
    lists,
    '',
    'if __name__ == "__main__":',
    '    run([])',
    '',
  ].join('\n');

describe('launchers that run a program of the package in-process (programMain.ts)', () => {
  it('links the program whose main() it hands a training command line', async () => {
    const facts = await pythonFacts(
      launcher(
        [
          '    fit_args = ["--train_file", "x.txt", "--mode", "train"]',
          '    fit_args = fit_args + extra',
          '    ranker.main(fit_args)',
          "    ranker.main(['--mode', 'predict'])",
        ].join('\n'),
      ),
    );
    const link = facts.find((f) => f.kind === 'link.module' && f.value === 'toolkit/models/ranker.py');
    assert.ok(link, 'the program is linked');
    assert.ok(!facts.some((f) => f.kind === 'launch.inference'));
  });

  it('reads only prediction modes as an inference run, linking nothing', async () => {
    const facts = await pythonFacts(
      launcher(
        ['    score_args = ["--eval_file", "y.txt", "--mode", "predict"]', '    ranker.main(score_args)'].join('\n'),
      ),
    );
    assert.ok(facts.some((f) => f.kind === 'launch.inference' && f.value === 'program-predict'));
    assert.ok(!facts.some((f) => f.kind === 'link.module' && f.value === 'toolkit/models/ranker.py'));
  });

  it('runs nothing for a checkpoint tool mode, nor for main() called with callbacks', async () => {
    const tool = await pythonFacts(
      launcher(
        ['    resave = ["--mode", "strip_optimizer", "--load_name", "a.pt"]', '    ranker.main(resave)'].join('\n'),
      ),
    );
    assert.ok(!tool.some((f) => f.kind === 'link.module' && f.value === 'toolkit/models/ranker.py'));
    assert.ok(!tool.some((f) => f.kind === 'launch.inference'));
    const callbacks = await pythonFacts(launcher('    ranker.main(run_one, "pos", extra)'));
    assert.ok(!callbacks.some((f) => f.kind === 'link.module' && f.value === 'toolkit/models/ranker.py'));
  });

  it('follows an imported program entry called under another name', async () => {
    const facts = await pythonFacts(
      [
        'from toolkit.models.train_ranker import main as train_ranker_main',
        '',
        'if __name__ == "__main__":',
        '    train_ranker_main(["--epochs", "3"])',
        '',
      ].join('\n'),
    );
    assert.ok(facts.some((f) => f.kind === 'link.module' && f.value === 'toolkit/models/train_ranker.py'));
  });
});
