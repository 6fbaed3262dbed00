import * as assert from 'node:assert/strict';
import { FolderScanCache, type ScanSource } from '../../src/core/scan/folderScan';
import { linkStubTarget } from '../../src/core/scan/linkStub';
import { DEFAULT_SETTINGS } from '../../src/core/runSpec';
import { parsing } from './helpers';

/**
 * Symbolic links stored as plain files holding the target's path (git with core.symlinks=false, snapshots of a
 * repository's blobs): a recipe folder sharing another recipe's program reads as that program.
 */

const ROOT = '/repo';
const enc = (t: string) => new TextEncoder().encode(t);

const PROGRAM = `import argparse
import torch

def main(args):
    model = torch.nn.Linear(64, 8)
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    for epoch in range(args.num_epochs):
        for x, y in torch.load(args.data):
            loss = torch.nn.functional.cross_entropy(model(x), y)
            loss.backward()
            opt.step()

if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("--num-epochs", type=int, default=9)
    p.add_argument("--data", default="feats.pt")
    main(p.parse_args())
`;

function sourcesOf(files: Record<string, string>, versions: Record<string, number> = {}): ScanSource[] {
  return Object.entries(files).map(([display, text]) => ({
    path: `${ROOT}/${display}`,
    display,
    stat: async () => ({ size: text.length, mtime: versions[display] ?? 1 }),
    read: async () => enc(text),
  }));
}

describe('link stubs: symbolic links stored as plain files (22)', () => {
  it('reads a one-line relative path with the file own extension as a link', () => {
    assert.equal(
      linkStubTarget(enc('../../../corpusA/asr/model_x/train.py'), '/r/egs/corpusB/asr/model_x/train.py'),
      '/r/egs/corpusA/asr/model_x/train.py',
    );
    assert.equal(linkStubTarget(enc('../shared/run.sh\n'), '/r/a/b/run.sh'), '/r/a/shared/run.sh');
    // Not links: code, another extension, no folder part, an absolute path, out of the root, too long.
    assert.equal(linkStubTarget(enc('import torch\n'), '/r/a/x.py'), undefined);
    assert.equal(linkStubTarget(enc('../b/x.yaml'), '/r/a/x.py'), undefined);
    assert.equal(linkStubTarget(enc('x.py'), '/r/a/y.py'), undefined);
    assert.equal(linkStubTarget(enc('/etc/x.py'), '/r/a/y.py'), undefined);
    assert.equal(linkStubTarget(enc('../../../../x.py'), '/r/a/y.py'), undefined);
    assert.equal(linkStubTarget(enc(`../${'d/'.repeat(300)}x.py`), '/r/a/y.py'), undefined);
  });

  it('lists a link stub as the program it names, and re-reads it when that program changes', async () => {
    const python = await parsing();
    const cache = new FolderScanCache();
    const options = { python, root: ROOT, settingsFor: () => DEFAULT_SETTINGS };
    const files = {
      'recipes/alpha/asr/train.py': PROGRAM,
      'recipes/beta/asr/train.py': '../../alpha/asr/train.py',
      'recipes/beta/asr/gone.py': '../../alpha/asr/missing.py',
    };
    const epochsOf = (r: Awaited<ReturnType<FolderScanCache['scan']>>, display: string) =>
      r.files.find((f) => f.display === display)?.analysis.runs[0]?.run.spec.training.epochs;
    const cold = await cache.scan(sourcesOf(files), options);
    assert.equal(epochsOf(cold, 'recipes/beta/asr/train.py'), 9);
    assert.equal(epochsOf(cold, 'recipes/beta/asr/gone.py'), undefined);
    const edited = await cache.scan(
      sourcesOf(
        { ...files, 'recipes/alpha/asr/train.py': PROGRAM.replace('default=9', 'default=4') },
        {
          'recipes/alpha/asr/train.py': 2,
        },
      ),
      options,
    );
    assert.equal(epochsOf(edited, 'recipes/beta/asr/train.py'), 4);
  });
});
