import * as assert from 'node:assert/strict';
import { estimateRun, peakFor } from '../../src/core/estimate/estimateRun';
import { MFU_FLOAT32_CUDA_CORES } from '../../src/core/estimate/constants';
import { findAccelerator } from '../../src/core/knowledge';
import { completeRun } from '../../src/core/resolve/completeRun';
import { toCliRun } from '../../src/core/report/toCli';
import { DEFAULT_SETTINGS, RunSpecSchema, type RunSpec } from '../../src/core/runSpec';
import { analyzeSource } from './helpers';

/** A ResNet-50 trained from scratch for 90 epochs of 1.28M images, as written in plain PyTorch without autocast. */
function resnet(
  overrides: { accelerator?: string; framework?: string; convolutionTf32?: boolean; model?: string } = {},
) {
  const spec: RunSpec = RunSpecSchema.parse({
    model: { name: overrides.model ?? 'resnet50' },
    training: {
      mode: 'pretrain',
      samples: 90 * 1.28e6,
      precision: 'fp32',
      framework: overrides.framework ?? 'pytorch',
      ...(overrides.convolutionTf32 !== undefined ? { convolutionTf32: overrides.convolutionTf32 } : {}),
    },
    hardware: { accelerator: overrides.accelerator ?? 'A100-SXM4-80GB', count: 8 },
  });
  return completeRun(spec, DEFAULT_SETTINGS, {}, { origin: 'code' });
}

describe('float32 convolutions on TF32 tensor cores (PyTorch cuDNN default)', () => {
  it('prices an fp32 PyTorch CNN at the chip TF32 rate and says why, keeping the precision it read', () => {
    const run = resnet();
    assert.equal(run.training.precision, 'fp32');
    assert.equal(run.training.computePrecision, 'tf32');
    const note = run.assumptions.find((a) => a.field === 'training.computePrecision');
    assert.ok(note && /cudnn\.allow_tf32/.test(note.detail) && note.source === 'default', JSON.stringify(note));
    const kept = resnet({ convolutionTf32: false });
    assert.equal(kept.training.computePrecision, 'fp32');
    const a100 = findAccelerator('A100-SXM4-80GB')!;
    const ratio = estimateRun(kept).acceleratorHours / estimateRun(run).acceleratorHours;
    const peaks = peakFor(a100, 'tf32').tflops / peakFor(a100, 'fp32').tflops;
    // True float32 runs on the CUDA cores, at a utilisation of its own (sixty-eighth round); TF32 on the tensor cores
    // at the generation's band.
    assert.equal(kept.mfu.central, MFU_FLOAT32_CUDA_CORES.central);
    assert.ok(run.mfu.central < kept.mfu.central);
    const expected = (peaks * run.mfu.central) / kept.mfu.central;
    assert.ok(Math.abs(ratio - expected) / expected < 1e-9, `${ratio} vs ${expected}`);
  });

  it('leaves fp32 matmul models, chips without TF32 units and JAX at the FP32 rate; Keras runs TF32 throughout', () => {
    assert.equal(resnet({ model: 'gpt2' }).training.computePrecision, 'fp32');
    assert.equal(resnet({ accelerator: 'V100-SXM2-32GB' }).training.computePrecision, 'fp32');
    assert.equal(resnet({ framework: 'jax' }).training.computePrecision, 'fp32');
    const keras = resnet({ framework: 'keras', model: 'gpt2' });
    assert.equal(keras.training.computePrecision, 'tf32');
    assert.ok(
      /TensorFloat-32 is enabled by default/.test(
        keras.assumptions.find((a) => a.field === 'training.computePrecision')!.detail,
      ),
    );
  });

  it('reads cudnn.allow_tf32 from the code', async () => {
    const code = (flag: string) =>
      [
        'import torch',
        'import torchvision',
        `torch.backends.cudnn.allow_tf32 = ${flag}`,
        'model = torchvision.models.resnet50()',
        'optimizer = torch.optim.SGD(model.parameters(), lr=0.1)',
        'for epoch in range(90):',
        '    for x, y in loader:',
        '        loss = torch.nn.functional.cross_entropy(model(x), y)',
        '        loss.backward()',
        '        optimizer.step()',
        '',
      ].join('\n');
    const off = await analyzeSource('train.py', code('False'));
    const on = await analyzeSource('train.py', code('True'));
    assert.equal(off.runs[0].run.spec.training.convolutionTf32, false);
    assert.equal(off.runs[0].run.training.computePrecision, 'fp32');
    assert.equal(on.runs[0].run.training.computePrecision, 'tf32');
    // The CLI says so only when the format differs from the precision it read.
    assert.equal(toCliRun('train.py', on.runs[0]).training.computePrecision, 'tf32');
    assert.equal('computePrecision' in toCliRun('train.py', off.runs[0]).training, false);
    assert.match(
      on.runs[0].run.assumptions.find((a) => a.field === 'training.computePrecision')!.detail,
      /sets torch\.backends\.cudnn\.allow_tf32 = True/,
    );
  });
});
