import type { CallRule } from '../rules';

/**
 * detectron2's `DefaultPredictor(cfg)`: "Create a simple end-to-end predictor with the given config that runs on single
 * device for a single input image" (detectron2.readthedocs.io, detectron2.engine.defaults). It builds the config's
 * model, loads `cfg.MODEL.WEIGHTS` with a DetectionCheckpointer and runs it forward under `torch.no_grad()`: inference
 * with trained weights. The demos of detectron2-based repositories build it in a predictor module of their own
 * (`VisualizationDemo` in `demo/predictor.py`, copied from detectron2's demo), which the demo program links, so the
 * demo is that model's inference run.
 */

/** `from detectron2.engine import DefaultPredictor`, `from engine.defaults import DefaultPredictor` (a project's copy). */
const IMPORTS_PREDICTOR = /^[ \t]*from[ \t]+[\w.]{0,100}[ \t]+import[^\n]{0,300}\bDefaultPredictor\b/m;

export const defaultPredictor: CallRule = {
  framework: 'detectron2',
  callees: ['DefaultPredictor'],
  runStart: [/\bDefaultPredictor[ \t]*\(/],
  when: ({ ctx }) => IMPORTS_PREDICTOR.test(ctx.text) || ctx.text.includes('detectron2.engine.DefaultPredictor'),
  read: ({ node, full, ctx }) => {
    const fn = node.childForFieldName('function') ?? node;
    ctx.add(
      'launch.inference',
      'detectron2 DefaultPredictor',
      fn,
      `${full}(cfg) runs the config's model with its MODEL.WEIGHTS on each input (inference)`,
      'medium',
    );
    ctx.add('model.fromScratch', false, fn, `${full} loads the trained weights cfg.MODEL.WEIGHTS names`, 'medium');
  },
};
