import * as assert from 'node:assert/strict';
import type { Fact } from '../../src/core/facts';
import { factsToSpecs } from '../../src/core/resolve/factsToSpec';

/** Which precision a run takes when a flag's default and other signs disagree (factsToSpec.ts pickPrecision). */

const at = { startLine: 0, startCol: 0, endLine: 0, endCol: 1 };
const fact = (kind: Fact['kind'], value: Fact['value'], confidence: Fact['confidence'], detail: string): Fact => ({
  kind,
  value,
  range: at,
  confidence,
  detail,
});
const training = [
  fact('launch.trainer', 'loop', 'high', 'training loop over epochs'),
  fact('model.id', 'gpt2', 'high', 'from_pretrained'),
];
const precisionOf = (facts: Fact[]) => factsToSpecs([...training, ...facts], 'code')[0]?.spec.training.precision;

describe("a flag's default precision against other signs", () => {
  it('yields to a precision set on the launch (high confidence)', () => {
    assert.equal(
      precisionOf([
        fact('training.precision', 'bf16', 'medium', 'default of --dtype'),
        fact('training.precision', 'fp16', 'high', '--dtype fp16 on the launch line'),
      ]),
      'fp16',
    );
  });

  it('holds against a sign read off the program (a GradScaler under a condition, medium confidence)', () => {
    assert.equal(
      precisionOf([
        fact('training.precision', 'bf16', 'medium', 'default of --precision'),
        fact('training.precision', 'fp16', 'medium', 'torch.amp.GradScaler: loss scaling is for float16'),
      ]),
      'bf16',
    );
  });
});
