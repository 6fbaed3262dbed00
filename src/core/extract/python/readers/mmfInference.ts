import { startsARun } from '../../../facts';
import type { CallRule } from '../rules';

/**
 * MMF's inference helper (mmf/utils/inference.py, MMF docs "Inference"): `Inference(checkpoint_path=...)` builds the
 * model a trained checkpoint (a folder or a zoo key) describes, in evaluation mode, and `.forward(image, {"text":
 * ...})` answers with it: an inference run of that checkpoint's model. The checkpoint is given when the program runs
 * (an option, a zoo key), so the model is not read here; MMF runs it as it loads, in float32.
 * Only where the file imports `Inference` from `mmf.utils.inference` and calls its `.forward`.
 */
const MMF_INFERENCE_IMPORT =
  /^[ \t]{0,40}from[ \t]+mmf\.utils\.inference[ \t]+import[ \t(][^\n]{0,200}\bInference\b(?![ \t]+as\b)/m;
const FORWARD = /\.forward\(/;

export const mmfInference: CallRule = {
  framework: 'mmf',
  callees: ['Inference'],
  runStart: /\bInference\([ \t\r\n]{0,40}checkpoint_path\b/,
  when: ({ full, ctx }) => full === 'Inference' && MMF_INFERENCE_IMPORT.test(ctx.text) && FORWARD.test(ctx.text),
  read: ({ node, ctx }) => {
    if (ctx.facts.some(startsARun)) return;
    ctx.add(
      'launch.inference',
      'mmf-inference',
      node,
      "MMF's Inference(checkpoint_path=...) loads a trained model and answers with its .forward(...)",
      'medium',
    );
    ctx.add('training.mode', 'inference', node, 'MMF Inference: the model answers, no training', 'medium');
    if (!ctx.facts.some((f) => f.kind === 'model.id'))
      ctx.add(
        'model.id',
        null,
        node,
        'MMF Inference: the model is the checkpoint given as checkpoint_path= when it runs',
        'low',
      );
  },
};
