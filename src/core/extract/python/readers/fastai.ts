import type { Node } from 'web-tree-sitter';
import type { FileRule } from '../rules';
import type { SyntaxIndex } from '../syntaxIndex';

/**
 * fastai's training API (docs.fast.ai, "Learner, Metrics, Callbacks" and "Hyperparam schedule"), and the projects
 * that keep its shape with a Learner of their own (PatchTST's `src.learner.Learner`):
 *
 *     learn = vision_learner(dls, resnet34, metrics=error_rate)     # or Learner(dls, model, loss_func, ...)
 *     learn.fine_tune(3)                                            # or fit_one_cycle(n_epoch), fit_flat_cos, fit
 *
 * - The run trains when a name bound to a learner (`Learner(...)`, `*_learner(...)`: vision_learner, cnn_learner,
 *   unet_learner, text_classifier_learner, tabular_learner, ...) is fitted: `fit_one_cycle`, `fit_flat_cos`,
 *   `fit_sgdr`, `fine_tune` or `fit` on that name (plain `.fit` of anything else is Keras's or scikit-learn's).
 * - Epochs: the fitting call's first argument (`n_epoch`, also written `n_epochs`/`epochs` by own Learners);
 *   `fine_tune(epochs, freeze_epochs=1)` trains `freeze_epochs` with the body frozen, then `epochs` unfrozen
 *   (Learner.fine_tune: "Fine tune with Learner.freeze for freeze_epochs, then with Learner.unfreeze for epochs").
 * - Start: `fine_tune` fine-tunes a pretrained model; the `*_learner` builders load the architecture's ImageNet (or
 *   language-model) weights unless `pretrained=False` (vision_learner(dls, arch, ..., pretrained=True)), so the run
 *   fine-tunes them; a `Learner(dls, model)` trains the model it is handed as it is.
 * - Precision: `learn.to_fp16()` (mixed float16) or `to_bf16()`, on the learner or chained on its builder.
 * - Model: the builder's architecture argument (`resnet34`, `models.resnet50`, `AWD_LSTM`).
 */

/** Builders of a learner, by the callee's last name. */
const LEARNER = /^(?:Learner|\w{1,30}_learner)$/;
/** Fitting methods of a learner. */
const FIT = /^(?:fit_one_cycle|fit_flat_cos|fit_sgdr|fine_tune|fit)$/;
/** Keywords of the epoch count in fastai (`n_epoch`) and in the Learners written after it. */
const EPOCH_KEYWORD = /^(?:n_epoch|n_epochs|epochs|epoch)$/;
/** Learners looked at per file. */
const MAX_LEARNERS = 10;

function keyword(args: Node, name: RegExp): Node | undefined {
  for (const a of args.namedChildren)
    if (a?.type === 'keyword_argument' && name.test(a.childForFieldName('name')?.text ?? ''))
      return a.childForFieldName('value') ?? undefined;
  return undefined;
}

function positional(args: Node, at: number): Node | undefined {
  return (
    args.namedChildren.filter((a) => a !== null && a.type !== 'keyword_argument' && a.type !== 'comment')[at] ??
    undefined
  );
}

export const fastaiLearner: FileRule = {
  framework: 'fastai',
  phase: 'after-calls',
  words: ['earner'],
  runStart: [
    /\b(?:Learner|\w{1,30}_learner)[ \t]*\(/,
    /\.(?:fit_one_cycle|fit_flat_cos|fit_sgdr|fine_tune|fit)[ \t]*\(/,
  ],
  read: (index: SyntaxIndex, ctx) => {
    let learners = 0;
    for (const build of index.calls) {
      const callee = ctx.callee(build);
      if (!LEARNER.test(callee.last)) continue;
      if (++learners > MAX_LEARNERS) return;
      // `learn = vision_learner(...)`, or `learn = vision_learner(...).to_fp16()`.
      let bound: Node | null = build;
      while (bound?.parent && (bound.parent.type === 'attribute' || bound.parent.type === 'call')) bound = bound.parent;
      const assignment = bound?.parent?.type === 'assignment' ? bound.parent : undefined;
      const name = assignment?.childForFieldName('left')?.text;
      if (!name || !/^\w{1,40}$/.test(name)) continue;
      const fits = index.calls.filter((c) => {
        const fn = c.childForFieldName('function');
        return (
          fn?.type === 'attribute' &&
          fn.childForFieldName('object')?.text === name &&
          FIT.test(fn.childForFieldName('attribute')?.text ?? '') &&
          c.startIndex > build.startIndex
        );
      });
      const fit = fits[0];
      const args = fit?.childForFieldName('arguments');
      if (!fit || !args) continue;
      const method = fit.childForFieldName('function')!.childForFieldName('attribute')!.text;
      ctx.add(
        'launch.trainer',
        `fastai:${method}`,
        fit,
        `${name}.${method}(...) trains the ${callee.last} built above`,
      );

      const epochs = keyword(args, EPOCH_KEYWORD) ?? positional(args, 0);
      if (epochs) {
        const freeze = method === 'fine_tune' ? keyword(args, /^freeze_epochs$/) : undefined;
        if (method === 'fine_tune' && !freeze)
          ctx.addResolved(
            'training.epochs',
            epochs,
            `${name}.fine_tune epochs, plus the one frozen epoch fine_tune trains first (freeze_epochs=1)`,
            (v) => (typeof v === 'number' ? v + 1 : undefined),
          );
        else if (freeze)
          ctx.addResolved(
            'training.epochs',
            epochs,
            `${name}.fine_tune epochs, plus freeze_epochs=${freeze.text}`,
            (v) => (typeof v === 'number' && /^\d{1,4}$/.test(freeze.text) ? v + Number(freeze.text) : undefined),
          );
        else ctx.addResolved('training.epochs', epochs, `${name}.${method} epochs`);
      }

      const buildArgs = build.childForFieldName('arguments');
      const builder = callee.last !== 'Learner';
      const pretrainedOff = buildArgs ? keyword(buildArgs, /^pretrained$/)?.text === 'False' : false;
      if (method === 'fine_tune' || (builder && !pretrainedOff))
        ctx.add(
          'model.fromScratch',
          false,
          method === 'fine_tune' ? fit : build,
          method === 'fine_tune'
            ? `${name}.fine_tune fine-tunes the pretrained model it is given`
            : `${callee.last} loads the architecture's pretrained weights (pretrained=True by default)`,
          'medium',
        );
      const arch = builder && buildArgs ? positional(buildArgs, 1) : undefined;
      const archName = arch?.text.split('.').pop();
      if (archName && /^[A-Za-z][\w]{1,40}$/.test(archName) && !ctx.facts.some((f) => f.kind === 'model.id'))
        ctx.add('model.id', archName, arch!, `the architecture ${callee.last} builds`, 'medium');

      const half = new RegExp(`(?:\\b${name}|\\))\\s*\\.\\s*to_(fp16|bf16)\\(`).exec(
        ctx.text.slice(build.startIndex, Math.min(ctx.text.length, fit.endIndex)),
      );
      if (half)
        ctx.add(
          'training.precision',
          half[1],
          fit,
          `to_${half[1]}() on the learner: fastai's mixed precision (${half[1] === 'fp16' ? 'float16' : 'bfloat16'})`,
          'high',
        );
      return;
    }
  },
};
