import * as assert from 'node:assert/strict';
import { extractShellFacts } from '../../src/core/extract/shellFacts';
import { labellingProgram, utilityProgram } from '../../src/core/extract/shell/runIntent';

const modeOf = (line: string) => extractShellFacts(line).find((f) => f.kind === 'training.mode')?.value;
const starts = (line: string) => extractShellFacts(line).some((f) => f.kind === 'launch.trainer');

describe('Launch lines of labelling, initialisation and predict-only programs', () => {
  it('reads a pseudo-labelling or transcription program as inference, not one that trains on the labels', () => {
    assert.ok(labellingProgram({ script: 'run_pseudo_labelling.py' }));
    assert.ok(labellingProgram({ script: 'tools/pseudo_label.py' }));
    assert.ok(labellingProgram({ module: 'asr.transcribe' }));
    assert.equal(labellingProgram({ script: 'train_pseudo_labels.py' }), undefined);
    assert.equal(labellingProgram({ script: 'run_distillation.py' }), undefined);
    assert.equal(labellingProgram({ script: 'label_smoothing.py' }), undefined);
    assert.equal(modeOf('python run_pseudo_labelling.py --model_name_or_path openai/whisper-large-v3'), 'inference');
    assert.notEqual(modeOf('python run_finetuning.py --model_name_or_path openai/whisper-large-v3'), 'inference');
  });

  it('reads a program that creates or initialises a model as a helper, not a run', () => {
    assert.ok(utilityProgram({ script: 'create_student_model.py' }));
    assert.ok(utilityProgram({ script: 'init_model.py' }));
    assert.equal(utilityProgram({ script: 'train_student_model.py' }), undefined);
    assert.equal(utilityProgram({ script: 'model.py' }), undefined);
    assert.equal(starts('python create_student_model.py --teacher_checkpoint openai/whisper-large-v2'), false);
  });

  it('reads --do_train False with --do_predict as evaluation only, --do_train alone as training', () => {
    assert.equal(modeOf('python tune.py --do_train False --do_predict True --model_name_or_path m/x'), 'inference');
    assert.equal(modeOf('python tune.py --do_train=false --do_eval --model_name_or_path m/x'), 'inference');
    assert.notEqual(modeOf('python tune.py --do_train --do_predict --model_name_or_path m/x'), 'inference');
    assert.notEqual(modeOf('python tune.py --do_train True --do_eval True --model_name_or_path m/x'), 'inference');
  });
});
