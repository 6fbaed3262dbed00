import * as assert from 'node:assert/strict';
import { completeRun } from '../../src/core/resolve/completeRun';
import { DEFAULT_SETTINGS, RunSpecSchema } from '../../src/core/runSpec';

/**
 * Thirty-fifth round, set AJ: a launch that states an epoch's samples (`--train-num-samples 131072000`), the epochs
 * and the batch per device: the optimiser steps follow, as they do for a catalogued dataset.
 */
describe('Thirty-fifth round: steps from an epoch’s stated samples', () => {
  const spec = (training: Record<string, unknown>) =>
    RunSpecSchema.parse({
      model: { name: 'open_clip:ViT-B-16', params: 149.62e6 },
      training: { mode: 'finetune', precision: 'bf16', ...training },
      hardware: { accelerator: 'A100', count: 8 },
    });

  it('computes the steps, and says how', () => {
    const run = completeRun(spec({ epochs: 2, datasetSamples: 131_072_000, batchPerDevice: 1024 }), DEFAULT_SETTINGS);
    assert.equal(run.training.steps, 2 * Math.ceil(131_072_000 / (1024 * 8)));
    const how = run.assumptions.find((a) => a.field === 'training.steps');
    assert.equal(how?.source, 'computed');
    assert.match(how?.detail ?? '', /131072000 samples/);
    // The work is the samples × epochs either way.
    assert.equal(run.training.samples, 2 * 131_072_000);
  });

  it('leaves the steps unknown without the batch or the epochs the launch sets', () => {
    assert.equal(completeRun(spec({ epochs: 2, datasetSamples: 1_000_000 }), DEFAULT_SETTINGS).training.steps, null);
    assert.equal(
      completeRun(spec({ datasetSamples: 1_000_000, batchPerDevice: 64 }), DEFAULT_SETTINGS).training.steps,
      null,
    );
  });
});
