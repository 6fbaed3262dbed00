import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { nonRunPlaceReason } from '../../src/core/resolve/entryPoint';
import { ROOT } from './helpers';

/**
 * Twenty-fourth round, set AA: a sphinx-gallery example in a documentation folder (a reST-titled docstring, then
 * cells split by `# %%` or a line of `#`) is a worked example the gallery runs, read like any other program; the
 * rest of a docs folder stays documentation.
 */

const GALLERY = path.join(ROOT, 'test/fixtures/scanner/gallery24/docs/tutorials/plot_simclr_pets.py');

describe('Twenty-fourth round: sphinx-gallery examples in docs', () => {
  const text = fs.readFileSync(GALLERY, 'utf8');

  it('reads a gallery example in a docs folder as a program, not as documentation', () => {
    assert.equal(nonRunPlaceReason('docs/tutorials/plot_simclr_pets.py', text), undefined);
    assert.equal(nonRunPlaceReason('doc/source/tutorials_source/plot_simclr_pets.py', text), undefined);
  });

  it('accepts the older separator, a comment line of twenty or more #, and a raw docstring', () => {
    const older = text.replace(/^"""/, 'r"""').replace(/^# %%$/gm, '#'.repeat(40));
    assert.equal(nonRunPlaceReason('docs/examples/plot_simclr_pets.py', older), undefined);
  });

  it('leaves other Python files of a docs folder out as documentation', () => {
    // No cell separators: a module of the docs build or a snippet page.
    const noCells = text.replace(/^# %%$/gm, '# ---');
    assert.equal(nonRunPlaceReason('docs/tutorials/plot_simclr_pets.py', noCells), 'documentation');
    // No reST title in the docstring (a results table's heading is not underlined).
    const untitled = text.replace(/^Contrastive pretraining on pet photos\n=+\n/m, 'Results of the pet-photo runs\n');
    assert.equal(nonRunPlaceReason('docs/tutorials/plot_simclr_pets.py', untitled), 'documentation');
    // An underline shorter than its title is no reST title.
    const short = text.replace(/^=+$/m, '=====');
    assert.equal(nonRunPlaceReason('docs/tutorials/plot_simclr_pets.py', short), 'documentation');
    // No docstring at all.
    assert.equal(nonRunPlaceReason('docs/conf.py', 'project = "pets"\n# %%\nextensions = []\n'), 'documentation');
  });

  it('keeps the gallery example a program only inside a docs folder (elsewhere nothing changes)', () => {
    assert.equal(nonRunPlaceReason('examples/plot_simclr_pets.py', text), undefined);
    assert.notEqual(nonRunPlaceReason('tests/test_plot_simclr_pets.py', text), undefined);
  });
});
