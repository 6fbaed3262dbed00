import type { CallRule } from '../rules';

/**
 * Composer's `Trainer` used only to evaluate (`trainer = Trainer(model=model, eval_dataloader=loader)` then
 * `trainer.eval()`, and no `fit()`): Trainer.eval runs the model over its eval dataloaders and computes the metrics,
 * forward passes only (docs.mosaicml.com/projects/composer, composer.Trainer.eval). The run is an inference run; an
 * unset `precision=` is Composer's default, amp_fp16 on GPU ("If the precision argument is not specified, the Trainer
 * defaults to using amp_fp16 on GPU and fp32 on CPU", Composer docs, Notes: Numerics).
 */
const COMPOSER_TRAINER_IMPORT = /^from[ \t]+composer(?:\.trainer)?[ \t]+import[ \t][^\n]{0,300}\bTrainer\b/m;
/** `trainer = Trainer(`: the name the Trainer is bound to. */
const TRAINER_BINDING = /^[ \t]{0,40}(\w{1,40})[ \t]*=[ \t]*Trainer\(/gm;
/** Composer device names other than a GPU (`device='cpu'`, `device="mps"`, `device='tpu'`). */
const NOT_GPU_DEVICE = /\bdevice[ \t]*=[ \t]*['"](?:cpu|mps|tpu|neuron)['"]/;

function composerTrainerNames(text: string): Set<string> {
  const names = new Set<string>();
  if (!COMPOSER_TRAINER_IMPORT.test(text)) return names;
  for (const m of text.matchAll(TRAINER_BINDING)) {
    names.add(m[1]);
    if (names.size >= 8) break;
  }
  return names;
}

export const composerTrainerEval: CallRule = {
  framework: 'composer',
  callees: ['eval'],
  words: ['.eval('],
  runStart: [/\bfrom[ \t]+composer\b/, /\.eval\([ \t]*\)/],
  when: ({ full, ctx }) => {
    const dot = full.lastIndexOf('.');
    if (dot <= 0 || !ctx.text.includes('Trainer(') || /\.fit\(/.test(ctx.text)) return false;
    return composerTrainerNames(ctx.text).has(full.slice(0, dot));
  },
  read: ({ node, full, ctx }) => {
    ctx.add(
      'launch.inference',
      'composer:Trainer.eval',
      node,
      `${full}() evaluates the model with Composer's Trainer (no fit): forward passes only`,
    );
    ctx.add('training.mode', 'inference', node, `${full}(): a Composer evaluation`, 'medium');
    if (!/\bprecision[ \t]*=/.test(ctx.text) && !NOT_GPU_DEVICE.test(ctx.text))
      ctx.add(
        'training.precision',
        'fp16',
        node,
        "Composer's Trainer without precision= uses amp_fp16 on GPU",
        'medium',
      );
  },
};
