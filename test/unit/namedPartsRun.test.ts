import * as assert from 'node:assert/strict';
import { extractConfigFacts } from '../../src/core/extract/configFacts';
import { noFact, oneFact, scanFiles } from './helpers';

/** A run config naming each part by a class of the program's registry (`{"name": ..., "args": {...}}`). */

const CONFIG = (
  trainerArgs: string,
  models = '"denoiser": {"name": "VoxelFlowNet", "args": {"width": 512, "depth": 8, "use_fp16": true}}',
) => `{
  "models": {
    ${models}
  },
  "dataset": {"name": "ShapeLatents", "args": {"encoder": "acme/shape-encoder-base"}},
  "trainer": {
    "name": "FlowTrainer",
    "args": {${trainerArgs}}
  }
}
`;

describe('a run config naming its parts by class', () => {
  it('reads the run, its steps, the model classes, fp16 and a start from scratch', () => {
    const { facts } = extractConfigFacts(CONFIG('"max_steps": 200000, "batch_size_per_gpu": 8, "lr": 1e-4'), 'json');
    oneFact(facts, 'launch.trainer', 'config:named-parts-run');
    oneFact(facts, 'training.steps', 200000);
    oneFact(facts, 'model.id', 'VoxelFlowNet');
    assert.equal(oneFact(facts, 'training.precision', 'fp16').range.startLine, 2);
    oneFact(facts, 'model.fromScratch', true);
    noFact(facts, 'model.params');
  });

  it('joins networks trained together, reads an epoch count and a precision mode, and a checkpoint to start from', () => {
    const models =
      '"encoder": {"name": "GridEncoder", "args": {"width": 64}}, "decoder": {"name": "GridDecoder", "args": {"width": 64}}';
    const { facts } = extractConfigFacts(
      CONFIG('"epochs": 40, "fp16_mode": "amp", "finetune_ckpt": "runs/base/step_100000.pt"', models),
      'json',
    );
    oneFact(facts, 'model.id', 'GridEncoder + GridDecoder');
    oneFact(facts, 'training.epochs', 40);
    oneFact(facts, 'training.precision', 'fp16');
    noFact(facts, 'model.fromScratch', true);
  });

  it('is no run without a length, without a model part, or with a precision mode turned off', () => {
    noFact(extractConfigFacts(CONFIG('"lr": 1e-4'), 'json').facts, 'launch.trainer', 'config:named-parts-run');
    noFact(
      extractConfigFacts(CONFIG('"max_steps": 10', '"denoiser": {"width": 3}'), 'json').facts,
      'launch.trainer',
      'config:named-parts-run',
    );
    const off = extractConfigFacts(
      CONFIG('"max_steps": 10, "fp16_mode": null', '"denoiser": {"name": "Net", "args": {"use_fp16": false}}'),
      'json',
    ).facts;
    noFact(off, 'training.precision', 'fp16');
  });

  it('lists such a config as a run in a folder scan, and in YAML too', async () => {
    const yaml = `model:\n  name: TinyUNet\n  args:\n    channels: 64\ntrainer:\n  name: Trainer\n  args:\n    max_steps: 5000\n`;
    const result = await scanFiles({ 'configs/run.json': CONFIG('"max_steps": 1000'), 'configs/small.yaml': yaml });
    const listed = result.files.filter((f) => f.analysis.runs.length > 0).map((f) => f.display);
    assert.deepEqual(listed.sort(), ['configs/run.json', 'configs/small.yaml']);
  });
});
