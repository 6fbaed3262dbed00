import * as assert from 'node:assert/strict';
import { analyzeText } from '../../src/core/analyze';
import { weightFormatOfName } from '../../src/core/estimate/checkpointFormat';
import { DEFAULT_SETTINGS } from '../../src/core/runSpec';
import { parsing } from './helpers';

describe('the weight format a checkpoint name states (twenty-first round)', () => {
  it('reads an -FP8 tag, with or without its scaling scheme', () => {
    assert.equal(weightFormatOfName('some-org/Big-Chat-70B-Instruct-FP8')?.precision, 'fp8');
    assert.equal(weightFormatOfName('some-org/Big-Chat-8B-FP8-dynamic')?.precision, 'fp8');
    assert.equal(weightFormatOfName('Tiny-3B-fp8')?.precision, 'fp8');
  });

  it('leaves names without the tag, or with fp8 elsewhere, alone', () => {
    assert.equal(weightFormatOfName('some-org/Big-Chat-70B-Instruct'), undefined);
    assert.equal(weightFormatOfName('some-org/fp8-experiments-7B'), undefined);
    assert.equal(weightFormatOfName(undefined), undefined);
  });

  it('serves an FP8 checkpoint in fp8 when the script states no dtype', async () => {
    const text = [
      'from vllm import LLM, SamplingParams',
      '',
      'engine = LLM(model="meta-llama/Llama-3.1-8B-Instruct-FP8", tensor_parallel_size=2)',
      'params = SamplingParams(max_tokens=256)',
      'prompts = [line.strip() for line in open("questions.txt")]',
      'for out in engine.generate(prompts, params):',
      '    print(out.outputs[0].text)',
      '',
    ].join('\n');
    const analysis = analyzeText({ path: 'serve_fp8.py', text }, await parsing(), DEFAULT_SETTINGS);
    assert.equal(analysis.runs.length, 1);
    assert.equal(analysis.runs[0].run.training.precision, 'fp8');
  });
});
