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
