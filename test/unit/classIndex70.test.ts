import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ClassIndex, classLink, linkedClassName } from '../../src/core/scan/classIndex';
import { classLinkCandidates } from '../../src/core/scan/diskClassIndex';
import { linkCandidates } from '../../src/core/analyze';

/** Seventieth round: a config names its network by class (`network_g.type: RCAN`); the folder's modules say where. */
describe('Seventieth round: the module that defines a class a config names', () => {
  it('finds the one module defining a class at column 0, and none when several do or only a nested one', () => {
    const index = new ClassIndex();
    index.add('/r/archs/rcan_arch.py', 'import torch\n\nclass RCAN(nn.Module):\n    pass\n');
    index.add('/r/archs/edsr_arch.py', 'class EDSR(nn.Module):\n    class Inner:\n        pass\n');
    index.add('/r/archs/copy_a.py', 'class Twin(nn.Module): pass\n');
    index.add('/r/archs/copy_b.py', 'class Twin(nn.Module): pass\n');
    assert.equal(index.moduleOf('RCAN'), '/r/archs/rcan_arch.py');
    assert.equal(index.moduleOf('EDSR'), '/r/archs/edsr_arch.py');
    assert.equal(index.moduleOf('Inner'), undefined);
    assert.equal(index.moduleOf('Twin'), undefined);
    assert.equal(index.moduleOf('Missing'), undefined);
  });

  it('keeps class links apart from file links: no path is tried for one, and a file name is no class', () => {
    assert.equal(linkedClassName(classLink('RCAN')), 'RCAN');
    assert.equal(linkedClassName('archs/rcan_arch.py'), undefined);
    assert.equal(linkedClassName('class:../../etc/passwd'), undefined);
    assert.deepEqual(linkCandidates('/r/options/train.yml', classLink('RCAN'), '/r', path.posix), []);
  });

  it('finds the module on disk for the editor and `estimate`, inside the folder only', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'greenai-classes-'));
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'greenai-outside-'));
    try {
      fs.mkdirSync(path.join(dir, 'archs'));
      fs.writeFileSync(path.join(dir, 'archs', 'net_arch.py'), 'class Restorer(nn.Module):\n    pass\n');
      fs.writeFileSync(path.join(outside, 'secret_arch.py'), 'class Secret(nn.Module):\n    pass\n');
      fs.symlinkSync(path.join(outside, 'secret_arch.py'), path.join(dir, 'archs', 'linked_arch.py'));
      const root = fs.realpathSync(dir);
      assert.deepEqual(classLinkCandidates(classLink('Restorer'), root), [path.join(root, 'archs', 'net_arch.py')]);
      assert.deepEqual(classLinkCandidates(classLink('Secret'), root), []);
      assert.equal(classLinkCandidates('archs/net_arch.py', root), undefined);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });
});
