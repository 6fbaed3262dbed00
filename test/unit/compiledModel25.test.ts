import * as assert from 'node:assert/strict';
import type { Fact } from '../../src/core/facts';
import { nonRunPlaceReason } from '../../src/core/resolve/entryPoint';
import { pythonFacts } from './helpers';

/**
 * Twenty-fifth round, set AB (compiled-model engines): MLC LLM's engines and compiled model libraries, and the
 * debugging programs kept in a package's `testing` folder. Each rule on a small case and the near miss it must leave alone.
 */

const valuesOf = (facts: readonly Fact[], kind: string) => facts.filter((f) => f.kind === kind).map((f) => f.value);

describe('Twenty-fifth round: MLC LLM engines and compiled model libraries', () => {
  it('reads the compute dtype of an MLC quantisation mode beside its weight bits', async () => {
    const f16 = await pythonFacts(
      'from mlc_llm import MLCEngine\nengine = MLCEngine("HF://org/Phi-3-mini-q4f16_1-MLC")\n',
    );
    assert.deepEqual(valuesOf(f16, 'training.precision'), ['fp16']);
    assert.deepEqual(valuesOf(f16, 'inference.weightPrecision'), ['int4']);
    const q0 = await pythonFacts(
      'from mlc_llm import MLCEngine\nengine = MLCEngine("HF://org/Phi-3-mini-q0f32-MLC")\n',
    );
    assert.deepEqual(valuesOf(q0, 'training.precision'), ['fp32']);
    assert.deepEqual(valuesOf(q0, 'inference.weightPrecision'), []);
  });

  it('reads AsyncMLCEngine, and a model given on the command line as unknown', async () => {
    const facts = await pythonFacts(
      'import sys\nfrom mlc_llm import AsyncMLCEngine\nengine = AsyncMLCEngine(sys.argv[1], mode="server")\n',
    );
    assert.deepEqual(valuesOf(facts, 'launch.inference'), ['AsyncMLCEngine']);
    assert.deepEqual(valuesOf(facts, 'model.id'), [null]);
  });

  it('reads a call handed model_lib= as running a compiled model, with microserving GPUs summed', async () => {
    const facts = await pythonFacts(
      'from mlc_llm.interface.router import serve\nserve(model="./w", model_lib="./lib.so", endpoint_num_gpus=[2, 1])\n',
    );
    assert.deepEqual(valuesOf(facts, 'launch.inference'), ['serve']);
    assert.deepEqual(valuesOf(facts, 'hardware.devices'), [3]);
    // Not an MLC program: a `model_lib=` keyword means nothing there.
    const other = await pythonFacts('from mypkg import build\nbuild(model="./w", model_lib="./lib.so")\n');
    assert.deepEqual(valuesOf(other, 'launch.inference'), []);
  });
});

describe("Twenty-fifth round: programs in a package's testing folder", () => {
  const tool =
    'import argparse\n\ndef main():\n    parser = argparse.ArgumentParser()\n    parser.add_argument("--model")\n    parser.parse_args()\n\nif __name__ == "__main__":\n    main()\n';
  it('reads a debugging program run as main as a program, even when it names a local address', () => {
    assert.equal(nonRunPlaceReason('python/pkg/testing/debug_chat.py', tool), undefined);
    assert.equal(nonRunPlaceReason('python/pkg/testing/compare.py', `HOST = "127.0.0.1"\n${tool}`), undefined);
  });
  it("leaves out the folder's helpers and test modules, and keeps test folders out", () => {
    assert.ok(nonRunPlaceReason('python/pkg/testing/pytest_utils.py', 'import pytest\n\ndef require(x):\n    pass\n'));
    assert.ok(nonRunPlaceReason('python/pkg/testing/helpers.py', 'def make_model():\n    pass\n'));
    assert.ok(nonRunPlaceReason('python/pkg/testing/check.py', `import unittest\n${tool}`));
    assert.equal(nonRunPlaceReason('tests/debug_chat.py', tool), 'in a test folder');
  });
  it('keeps out a program there that is named as a test too (two signs of a check of the package)', () => {
    assert.ok(nonRunPlaceReason('testing/test_model_load_save.py', tool));
    assert.ok(nonRunPlaceReason('python/pkg/testing/vae_test.py', tool));
    assert.equal(nonRunPlaceReason('python/pkg/testing/debug_test_loader.py', tool), undefined);
  });
});
