import * as assert from 'node:assert/strict';
import { programNamedLikeTest } from '../../src/core/resolve/entryPoint';

/** A flat script named like a test that parses its flags in top-level code and runs a model on them. */
const FLAT_SCRIPT = [
  'import argparse',
  'import torch',
  '',
  'parser = argparse.ArgumentParser()',
  'parser.add_argument("--checkpoint", default="weights.pt")',
  'args = parser.parse_args()',
  '',
  'net = torch.load(args.checkpoint).eval()',
  'print(net(torch.zeros(1, 3, 64, 64)).argmax())',
  '',
].join('\n');

describe('Programs named like tests that parse their flags at top level (twenty-sixth round)', () => {
  it('reads a flat script that parses its command line at top level as a program, not a test', () => {
    assert.equal(programNamedLikeTest('experiments/test_decoys.py', FLAT_SCRIPT), true);
    // `parse_known_args` is the same.
    assert.equal(
      programNamedLikeTest(
        'test_decoys.py',
        FLAT_SCRIPT.replace('parser.parse_args()', 'parser.parse_known_args()[0]'),
      ),
      true,
    );
  });

  it('keeps a test module a test even when it parses flags at top level', () => {
    assert.equal(programNamedLikeTest('test_decoys.py', `${FLAT_SCRIPT}\ndef test_shape():\n    assert True\n`), false);
    assert.equal(programNamedLikeTest('test_decoys.py', `import pytest\n${FLAT_SCRIPT}`), false);
    // Flags parsed inside a function only (no main guard): nothing runs it when the module is imported.
    assert.equal(
      programNamedLikeTest(
        'test_decoys.py',
        'import argparse\ndef run():\n    args = argparse.ArgumentParser().parse_args()\n',
      ),
      false,
    );
  });
});
