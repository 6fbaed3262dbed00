import * as assert from 'node:assert/strict';
import { scanFiles } from './helpers';

/**
 * Thirty-fifth round, set AJ: an mmengine-style config derived from a sampling config (`_base_ = ["256px.py",
 * "plugins/tp.py"]`) that only changes parallelism or paths samples as its base does; one derived from a training
 * config, or one that sets a training setting of its own, trains.
 */

const SAMPLING = [
  'save_dir = "samples"',
  'batch_size = 1',
  'dtype = "bf16"',
  'sampling_option = dict(resolution="256px", num_frames=33, num_steps=50, guidance=7.0)',
  'model = dict(',
  '    type="flux",',
  '    from_pretrained="./ckpts/video_model.safetensors",',
  '    hidden_size=3072,',
  '    depth=19,',
  '    depth_single_blocks=38,',
  ')',
  '',
].join('\n');

const TRAINING = [
  'dataset = dict(type="video_text", data_path="data/train.csv")',
  'model = dict(type="flux", from_pretrained=None, hidden_size=3072, depth=19, depth_single_blocks=38)',
  'optim = dict(cls="HybridAdam", lr=5e-5)',
  'epochs = 100',
  'dtype = "bf16"',
  '',
].join('\n');

describe('Thirty-fifth round: derived configs run as their bases do', () => {
  it('samples with a derived sampling config and trains with a derived training config', async () => {
    const result = await scanFiles({
      'configs/infer/256px.py': SAMPLING,
      'configs/infer/256px_tp.py': '_base_ = [\n    "256px.py",\n    "plugins/tp.py",\n]\n',
      'configs/infer/plugins/tp.py': 'plugin = "hybrid"\nplugin_config = dict(tp_size=8, pp_size=1)\n',
      'configs/infer/finetune_overlay.py': '_base_ = ["256px.py"]\noptim = dict(cls="AdamW", lr=1e-5)\nepochs = 2\n',
      'configs/train/stage1.py': TRAINING,
      'configs/train/demo.py': '_base_ = ["stage1.py"]\nbucket_config = {"256px": {1: (1.0, 1)}}\n',
    });
    const modes = new Map(result.files.map((f) => [f.display, f.analysis.runs.map((r) => r.run.mode)] as const));
    assert.deepEqual(modes.get('configs/infer/256px.py'), ['inference']);
    assert.deepEqual(modes.get('configs/infer/256px_tp.py'), ['inference']);
    // A training setting of its own makes the overlay a training run.
    assert.notDeepEqual(modes.get('configs/infer/finetune_overlay.py'), ['inference']);
    assert.equal(modes.get('configs/infer/finetune_overlay.py')?.length, 1);
    assert.deepEqual(modes.get('configs/train/stage1.py'), ['pretrain']);
    assert.deepEqual(modes.get('configs/train/demo.py'), ['pretrain']);
  });

  it('names a module-settings config’s model by its model_name, else by its registered type; its size stays unknown', async () => {
    const config = (model: string) =>
      `${model}\ndataset = dict(type="video_text", data_path="data/train.csv")\noptim = dict(cls="HybridAdam", lr=5e-5)\nepochs = 100\ndtype = "bf16"\n`;
    const result = await scanFiles({
      'configs/vae/train/dc_ae.py': config(
        'model = dict(\n    type="dc_ae",\n    model_name="dc-ae-f32t4c128",\n    from_scratch=True,\n    from_pretrained=None,\n)',
      ),
      'configs/vae/train/plain_vae.py': config('model = dict(type="causal_vae", from_pretrained=None)'),
    });
    const runOf = (file: string) => result.files.find((f) => f.display === file)?.analysis.runs[0]?.run;
    const named = runOf('configs/vae/train/dc_ae.py');
    assert.equal(named?.spec.model.name, 'dc-ae-f32t4c128');
    assert.equal(named?.mode, 'pretrain');
    assert.equal(runOf('configs/vae/train/plain_vae.py')?.spec.model.name, 'causal_vae');
    // A registry name is no catalog row and states no size: unknown, not a default.
    for (const file of ['configs/vae/train/dc_ae.py', 'configs/vae/train/plain_vae.py']) {
      assert.equal(runOf(file)?.spec.model.params ?? null, null, file);
      assert.ok(
        runOf(file)?.missing.some((m) => m.field === 'model.params'),
        file,
      );
    }
  });
});
