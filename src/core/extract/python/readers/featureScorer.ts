import { startsARun } from '../../../facts';
import { lineRange } from '../context';
import { codeWithoutStrings, executedRowMask } from '../entryPoint';
import { fromImports } from '../fromImports';
import type { FileRule } from '../rules';
import { TRAINS_IN_TEXT } from './trainsInText';

/**
 * Sample-quality evaluation programs (eighteenth round, set U): a program run as main that builds its package's
 * feature or classifier network (`from mypkg.evals.feature_extractor import PointNetClassifier`, then `clf =
 * PointNetClassifier(devices=..., cache_dir=...)`) and scores generated samples with it (a Fréchet distance, an
 * Inception-style score: FID, KID, P-FID, P-IS): the network runs forward over the samples, an inference run of the
 * architecture the class is named for (`PointNet`, `InceptionV3`). Its size is its package's, not read here.
 *
 * Not read where the file trains (an optimiser step, a backward pass) or another rule found the run already, nor
 * without the score (a classifier built in a program that scores nothing is not this shape).
 */

/** The package's network class named for its architecture and its role: `PointNetClassifier`, `InceptionFeatureExtractor`. */
const SCORER_CLASS = /^([A-Z][A-Za-z0-9]{1,30}?)(?:Classifier|FeatureExtractor|Extractor)$/;
/** A sample-quality score computed in the file. */
const SCORE = /frechet|inception_score|\b(?:fid|kid)\b|P-FID|P-IS/i;
/** Libraries installed from an index (their classes are read by their own rules). */
const INSTALLED = /^(?:torch|torchvision|transformers|sklearn|tensorflow|keras|timm|torchmetrics)(?:\.|$)/;
const MAX_NAMES = 50;

export const featureScorer: FileRule = {
  framework: 'python',
  phase: 'after-calls',
  words: ['Classifier', 'Extractor'],
  runStart: [
    /__name__\s*==\s*["']__main__["']/,
    /(?:Classifier|Extractor)[ \t]*\(/,
    /frechet|inception_score|fid|kid/i,
  ],
  read: (_index, ctx) => {
    if (ctx.facts.some(startsARun) || TRAINS_IN_TEXT.test(ctx.text) || !ctx.hasMainGuard) return;
    if (!SCORE.test(ctx.text)) return;
    const classes = new Map<string, string>();
    for (const { module, name, local } of fromImports(ctx.text, Infinity)) {
      if (classes.size >= MAX_NAMES || !/\./.test(module) || INSTALLED.test(module.replace(/^\.+/, ''))) continue;
      const m = SCORER_CLASS.exec(name);
      if (m) classes.set(local, m[1]);
    }
    if (classes.size === 0) return;
    const code = codeWithoutStrings(ctx.tree, new Set(classes.keys()), true).split('\n');
    const executed = executedRowMask(ctx.tree);
    const built = new RegExp(`(?:^|[^\\w.])(${[...classes.keys()].join('|')})[ \\t]*\\(`);
    for (let row = 0; row < code.length; row++) {
      if (executed[row] !== 1 || /^\s*(?:from|import|def|class)\b/.test(code[row])) continue;
      const m = built.exec(code[row]);
      if (!m) continue;
      const arch = classes.get(m[1])!;
      const range = lineRange(row, code[row].length);
      ctx.facts.push(
        {
          kind: 'launch.inference',
          value: m[1],
          range,
          confidence: 'medium',
          detail: `${m[1]}(...) builds the package's ${arch} network to score samples (a Fréchet distance or an Inception-style score): its forward passes are the run`,
        },
        {
          kind: 'model.id',
          value: arch,
          range,
          confidence: 'low',
          detail: `${m[1]}: the scoring network is the ${arch} architecture the class is named for`,
        },
      );
      return;
    }
  },
};
