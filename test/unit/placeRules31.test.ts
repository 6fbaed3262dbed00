import * as assert from 'node:assert/strict';
import { nonRunPlaceReason } from '../../src/core/resolve/entryPoint';

describe('Thirty-first round: a documentation folder’s build scripts', () => {
  // A site build that runs a Python documentation generator on the pages' config.
  const build = '#!/usr/bin/env bash\nset -e\n$mcss_path/documentation/python.py conf.py\necho "docs built"\n';
  it('leaves out build, make, deploy and publish scripts of docs/', () => {
    for (const path of ['docs/build.sh', 'docs/build-public.sh', 'doc/make_docs.sh', 'documentation/deploy.sh'])
      assert.equal(nonRunPlaceReason(path, build), 'documentation', path);
  });
  it('keeps the worked examples a docs folder ships, whatever their name starts with', () => {
    for (const path of ['docs/script_examples/train.sh', 'docs/build_model.sh', 'docs/serve_model.sh', 'build.sh'])
      assert.equal(nonRunPlaceReason(path, 'torchrun --nproc_per_node 8 train.py\n'), undefined, path);
  });
});

describe('Thirty-first round: test-named programs in a test-support folder', () => {
  // A check a test launches in a subprocess: it parses flags and runs under a main guard, like a program.
  const check =
    'import argparse\nfrom pkg import Accelerator\n\ndef main():\n    p = argparse.ArgumentParser()\n    p.add_argument("--output_dir")\n    args = p.parse_args()\n    Accelerator().print(args)\n\nif __name__ == "__main__":\n    main()\n';
  it('leaves it out as a test', () => {
    for (const path of [
      'src/pkg/test_utils/scripts/external_deps/test_checkpointing.py',
      'testing_utils/test_memory.py',
    ])
      assert.equal(nonRunPlaceReason(path, check), 'a test file', path);
  });
  it('still reads a test-named program elsewhere as a program', () => {
    assert.equal(nonRunPlaceReason('scripts/test_model.py', check), undefined);
  });
});
