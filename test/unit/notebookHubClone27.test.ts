import * as assert from 'node:assert/strict';
import type { Fact } from '../../src/core/facts';
import { clonedHubModel, withClonedHubModel } from '../../src/core/extract/notebookHubClone';

const cell = (index: number, text: string) => ({ index, startLine: index * 10, text });
const at = { startLine: 3, startCol: 0, endLine: 3, endCol: 5 };
const unnamed: Fact = { kind: 'model.id', value: null, range: at, confidence: 'low', detail: 'built from a class' };

describe('a notebook naming its model by the Hugging Face repository it clones', () => {
  it('reads git clone, git lfs clone and git-lfs clone of a model repository, with or without a shell escape', () => {
    assert.equal(clonedHubModel([cell(0, '%%shell\ngit clone https://huggingface.co/acme/Voice-1\n')]), 'acme/Voice-1');
    assert.equal(
      clonedHubModel([cell(0, '!git lfs clone https://huggingface.co/acme/Voice-1.git ckpt\n')]),
      'acme/Voice-1',
    );
    assert.equal(
      clonedHubModel([cell(0, 'git-lfs clone --depth 1 https://huggingface.co/acme/Voice-1/\n')]),
      'acme/Voice-1',
    );
  });

  it('names nothing for a dataset or Space clone, for several model clones, or for a GitHub clone', () => {
    assert.equal(clonedHubModel([cell(0, '!git clone https://huggingface.co/datasets/acme/clips\n')]), undefined);
    assert.equal(clonedHubModel([cell(0, '!git clone https://huggingface.co/spaces/acme/demo\n')]), undefined);
    assert.equal(
      clonedHubModel([cell(0, '!git clone https://huggingface.co/acme/a\n!git clone https://huggingface.co/acme/b\n')]),
      undefined,
    );
    assert.equal(clonedHubModel([cell(0, '!git clone https://github.com/acme/voice\n')]), undefined);
    assert.equal(clonedHubModel([cell(0, '# git clone https://huggingface.co/acme/a\n')]), undefined);
  });

  it('fills only an unnamed model, and leaves a named one alone', () => {
    const sources = [cell(0, '!git clone https://huggingface.co/acme/Voice-1\n')];
    const named = withClonedHubModel([unnamed], sources);
    assert.equal(named[0].value, 'acme/Voice-1');
    assert.equal(named[0].confidence, 'low');
    const other: Fact = { ...unnamed, value: 'gpt2', detail: 'from_pretrained("gpt2")' };
    assert.deepEqual(withClonedHubModel([unnamed, other], sources), [unnamed, other]);
    assert.deepEqual(withClonedHubModel([], sources), []);
  });
});
