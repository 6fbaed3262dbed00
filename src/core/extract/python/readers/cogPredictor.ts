import { startsARun } from '../../../facts';
import { ENTRY_BASE } from '../entryPoint';
import type { FileRule } from '../rules';

/**
 * A Cog predictor (https://cog.run/python/): `class Predictor(BasePredictor)` with `setup()` (loads the model once)
 * and `predict()` (runs it on each request). Cog's server instantiates the class that cog.yaml names and serves it:
 * the file is a serving run (inference) even though nothing in it calls `predict`. The model is read by the other
 * rules from what `setup` (or a helper it calls) builds; where nothing else in the file starts a run, this one does.
 */
const PREDICT_METHOD = /^[ \t]+def[ \t]+predict[ \t]*\(/m;

export const cogPredictor: FileRule = {
  framework: 'serving',
  phase: 'after-calls',
  words: ['Predictor'],
  runStart: [/\bBasePredictor\b|\bcog\.Predictor\b/, /\bdef[ \t]+predict[ \t]*\(/],
  read: (index, ctx) => {
    if (ctx.facts.some(startsARun) || !PREDICT_METHOD.test(ctx.text)) return;
    for (const cls of index.classes) {
      const bases = cls.childForFieldName('superclasses');
      if (!bases || !ENTRY_BASE.test(bases.text.slice(0, 500))) continue;
      const name = cls.childForFieldName('name') ?? cls;
      ctx.add(
        'launch.inference',
        'cog',
        name,
        `class ${name.text}${bases.text.slice(0, 60)}: a Cog predictor, served by Cog (setup() loads, predict() runs each request)`,
        'medium',
      );
      return;
    }
  },
};
