import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { notebookCode } from '../../src/core/analyze';
import { nonRunPlaceReason } from '../../src/core/resolve/entryPoint';

const DIR = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'scanner', 'nbdev28');
const text = (file: string) => fs.readFileSync(path.join(DIR, file), 'utf8');

/** A notebook of code cells, as nbformat 4 writes it (each source line a string ending in a newline). */
function notebook(...cells: string[]): string {
  return JSON.stringify({
    cells: cells.map((c) => ({
      cell_type: 'code',
      metadata: {},
      outputs: [],
      source: c.split('\n').map((l, i, all) => (i < all.length - 1 ? `${l}\n` : l)),
    })),
    metadata: {},
    nbformat: 4,
    nbformat_minor: 5,
  });
}

describe('nbdev notebooks and data-preparation names (set AE)', () => {
  it('leaves out an nbdev notebook titled as a data preparation step', () => {
    const reason = nonRunPlaceReason(
      'nbs/3A. Transcripts preparation.ipynb',
      text('nbs/3A. Transcripts preparation.ipynb'),
    );
    assert.match(reason ?? '', /title/);
    assert.ok(nonRunPlaceReason('nbs/0. Download models.ipynb', notebook('#| default_exp fetch', 'download_all()')));
  });

  it('leaves out an nbdev notebook whose exported module is named as an extractor', () => {
    const reason = nonRunPlaceReason('nbs/02_speaker_vectors.ipynb', text('nbs/02_speaker_vectors.ipynb'));
    assert.match(reason ?? '', /extract_speaker_vectors/);
  });

  it('leaves out a script named as an extractor', () => {
    assert.ok(nonRunPlaceReason('extract_teacher_logits.py', text('extract_teacher_logits.py')));
    assert.ok(nonRunPlaceReason('tools/feature_extraction.py', ''));
  });

  it('keeps notebooks named for a model or a training run', () => {
    assert.equal(nonRunPlaceReason('nbs/04_acoustic_model.ipynb', text('nbs/04_acoustic_model.ipynb')), undefined);
    assert.equal(nonRunPlaceReason('plain_export_comment.ipynb', text('plain_export_comment.ipynb')), undefined);
    assert.equal(nonRunPlaceReason('nbs/Preparation and fine-tuning.ipynb', notebook('trainer.train()')), undefined);
    // Not an nbdev notebook: its title alone does not make it data preparation (a tutorial part that captions images).
    assert.equal(nonRunPlaceReason('notebooks/Part_1_Data_Preparation.ipynb', notebook('model.generate()')), undefined);
  });

  it("reads an nbdev export cell's definitions and imports, not its other top-level statements", () => {
    const code = notebookCode(
      notebook(
        '#| default_exp fit_cli',
        '#| exporti\nimport argparse\n@dataclass\nclass Opts:\n    steps: int = 10\nparser = argparse.ArgumentParser()\ntrainer.fit(\n    model,\n)\ndef helper():\n    return 1',
        'helper()',
      ),
    ).code;
    assert.match(code, /import argparse/);
    assert.match(code, /class Opts:/);
    assert.match(code, /def helper\(\):/);
    assert.match(code, /^helper\(\)$/m);
    assert.doesNotMatch(code, /ArgumentParser|trainer\.fit|model,/);
  });

  it('reads a notebook without default_exp as it is, export comments and all', () => {
    const code = notebookCode(notebook('# export\nparser = argparse.ArgumentParser()')).code;
    assert.match(code, /ArgumentParser/);
  });
});
