import * as assert from 'node:assert/strict';
import { nonRunPlaceReason } from '../../src/core/resolve/entryPoint';

/** A program under a second test suite's folder: loads a model, runs it once, reports PASSED or FAILED. */
const smokeTest = [
  'import sys',
  '',
  'def main():',
  '    from speechkit import AutoModel',
  '    model = AutoModel(model="org/asr-large", device="cpu")',
  '    out = model.generate(input="sample.wav")',
  '    print("PASSED" if out else "FAILED")',
  '    return 0 if out else 1',
  '',
  'if __name__ == "__main__":',
  '    sys.exit(main())',
  '',
].join('\n');

describe('Twenty-eighth round: a second test suite folder (tests_*)', () => {
  it('leaves out programs under a tests_ folder, as under tests/', () => {
    assert.equal(nonRunPlaceReason('tests_models/test_asr.py', smokeTest), 'in a test folder');
    assert.equal(nonRunPlaceReason('pkg/tests_v1/run_all.py', smokeTest), 'in a test folder');
    assert.equal(nonRunPlaceReason('tests/test_asr.py', smokeTest), 'in a test folder');
  });

  it('keeps folders that only start or end like one', () => {
    for (const place of ['contests_models/infer.py', 'test_sets/evaluate.py', 'latest_tests/infer.py', 'infer.py'])
      assert.equal(nonRunPlaceReason(place, smokeTest), undefined, place);
  });
});
