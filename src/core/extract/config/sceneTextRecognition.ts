import { positiveInteger } from '../positiveInteger';
import type { ConfigDialect, ConfigDoc, FactSink } from './dialect';

/**
 * Scene-text recognition run configs of the four-stage framework (Baek et al. 2019, "What Is Wrong With Scene Text
 * Recognition Model Comparisons?", ICCV, arXiv:1904.01906: Transformation, FeatureExtraction, SequenceModeling and
 * Prediction stages, clovaai/deep-text-recognition-benchmark), as EasyOCR's trainer and its descendants write them in
 * YAML: `Transformation: 'None'`, `FeatureExtraction: 'VGG'`, `SequenceModeling: 'BiLSTM'`, `Prediction: 'CTC'`
 * beside `num_iter: 300000`, `batch_size`, `saved_model` and `FT`. The program's `train(opt)` loops `num_iter`
 * iterations, one optimizer step each.
 *
 * Read here: the model as the framework names a combination (`None-VGG-BiLSTM-CTC`: its saved models and result
 * tables name them so), the steps, and where it starts (`saved_model` empty: from the network's initialisation; a
 * file under it: continued, a fine-tune when `FT` is on). The size depends on the stages' widths and is not read.
 */

const STAGES = ['Transformation', 'FeatureExtraction', 'SequenceModeling', 'Prediction'] as const;
const STAGE_NAME = /^[A-Za-z][\w-]{0,30}$/;

function stageNames(doc: ConfigDoc): string[] | undefined {
  const names = STAGES.map((k) => doc.str(k)?.trim());
  return names.every((n): n is string => n !== undefined && STAGE_NAME.test(n)) ? names : undefined;
}

export const sceneTextRecognition: ConfigDialect = {
  name: 'scene-text-recognition',
  words: ['FeatureExtraction'],
  detect: (doc) =>
    doc.prefix === '' && stageNames(doc) !== undefined && positiveInteger(doc.num('num_iter')) !== undefined,
  owns: (path) => path === 'num_iter' || path === 'saved_model' || path === 'FT',
  read(doc: ConfigDoc, out: FactSink): void {
    const stages = stageNames(doc)!;
    const name = stages.join('-');
    out.add(
      'model.id',
      name,
      doc.get('FeatureExtraction')!,
      `${name}: the four-stage scene-text recogniser the config's Transformation, FeatureExtraction, SequenceModeling and Prediction pick`,
      'medium',
    );
    const steps = doc.get('num_iter')!;
    const n = positiveInteger(steps.value)!;
    out.add('training.steps', n, steps, `num_iter: ${n} (training iterations, one optimizer step each)`);
    const saved = doc.get('saved_model');
    const savedPath = typeof saved?.value === 'string' ? saved.value.trim() : '';
    if (saved && savedPath === '')
      out.add('model.fromScratch', true, saved, 'saved_model: "" (no model to continue from)', 'medium');
    else if (saved && savedPath !== '')
      out.add(
        'model.fromScratch',
        false,
        saved,
        doc.get('FT')?.value === true
          ? 'saved_model with FT: True: fine-tunes the saved model'
          : 'saved_model: continues from the saved model',
        'medium',
      );
    out.add('run.framework', 'scene-text-recognition', steps, 'four-stage scene-text recognition config');
    out.add(
      'launch.trainer',
      'config:scene-text-recognition',
      steps,
      'a scene-text recognition run config (the trainer loads it whole: train(opt))',
    );
  },
};
