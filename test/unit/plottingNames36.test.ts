import * as assert from 'node:assert/strict';
import { nonRunPathReason } from '../../src/core/resolve/entryPoint';
import { scanFiles } from './helpers';

/** Thirty-sixth round (held-out set AL, and every earlier set's labels): plotting stored results is not a run. */
describe('Thirty-sixth round: plotting programs by their names and folders', () => {
  it('leaves out plot scripts and plotting folders, not programs whose names only contain the letters', () => {
    for (const file of [
      'apps/plots/scaling.py',
      'docs/algorithms/plot/finetune_plot.sh',
      'benchmark/ppo_plot.sh',
      'utils/plot_experiments.sh',
      'baselines/results_plotter.py',
      'examples/mujoco/plotter.py',
    ])
      assert.match(nonRunPathReason(file) ?? '', /plotting of stored results/, file);
    // sphinx-gallery names its examples `plot_*.py` (programs that train and run models).
    for (const file of [
      'train_plotnet.py',
      'scripts/plotly_demo.py',
      'explot.py',
      'plotting_guide.md',
      'examples/plot_simclr_pets.py',
    ])
      assert.equal(nonRunPathReason(file), undefined, file);
  });

  it('lists the training launch beside a plot script in a folder scan, and not the plot script', async () => {
    const result = await scanFiles({
      'scripts/train.sh':
        'accelerate launch train.py --model_name_or_path meta-llama/Llama-2-7b-hf --num_train_epochs 2\n',
      'scripts/finetune_plot.sh':
        'python -m openrlbenchmark.rlops_multi_metrics --filters "?we=org" --output-filename out\n',
      'train.py': 'from transformers import Trainer\ntrainer = Trainer(model=None)\ntrainer.train()\n',
    });
    const listed = result.files.filter((f) => f.analysis.runs.length > 0).map((f) => f.display);
    assert.ok(listed.includes('scripts/train.sh'), listed.join(', '));
    assert.ok(!listed.includes('scripts/finetune_plot.sh'), listed.join(', '));
  });
});
