import * as assert from 'node:assert/strict';
import { analyzeSource } from './helpers';

const SCORE_WITH_SESSION = [
  'import numpy as np',
  'import onnxruntime as ort',
  '',
  'session = ort.InferenceSession("detector.onnx")',
  'batch = np.zeros((1, 3, 320, 320)).astype(np.float32)',
  'outputs = session.run(None, {"images": batch})',
  'print(outputs[0].shape)',
  '',
].join('\n');

const TRAIN_THEN_CHECK = [
  'import numpy as np',
  'import onnxruntime as ort',
  'import torch',
  '',
  'model = torch.nn.Sequential(torch.nn.Linear(16, 64), torch.nn.ReLU(), torch.nn.Linear(64, 4))',
  'optimizer = torch.optim.SGD(model.parameters(), lr=0.1)',
  'for step in range(200):',
  '    loss = model(torch.randn(32, 16)).pow(2).mean()',
  '    loss.backward()',
  '    optimizer.step()',
  '    optimizer.zero_grad()',
  '',
  'session = ort.InferenceSession("tiny.onnx")',
  'print(session.run(None, {"input": np.zeros((1, 16), dtype=np.float32)}))',
  '',
].join('\n');

const precisionDetail = (a: Awaited<ReturnType<typeof analyzeSource>>) =>
  a.runs[0]?.run.assumptions.find((x) => x.field === 'training.precision')?.detail ?? '';

describe('ONNX Runtime session precision (26)', () => {
  it('reads a session fed float32 arrays as fp32 in an inference script', async () => {
    const analysis = await analyzeSource('score_detector.py', SCORE_WITH_SESSION);
    assert.equal(analysis.runs[0]?.run.spec.training.precision, 'fp32');
    assert.match(precisionDetail(analysis), /ONNX Runtime/);
  });

  it("does not take a training script's precision from the session that checks its export", async () => {
    const analysis = await analyzeSource('fit_and_check.py', TRAIN_THEN_CHECK);
    assert.ok(analysis.runs.length > 0);
    assert.doesNotMatch(precisionDetail(analysis), /ONNX Runtime/);
  });
});
