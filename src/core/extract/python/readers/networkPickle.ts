import type { Node } from 'web-tree-sitter';
import type { PythonReadContext } from '../context';
import type { CallRule } from '../rules';

/**
 * NVIDIA's dnnlib code base (StyleGAN2-ADA, StyleGAN3 and the GAN programs built on them): programs are click
 * commands run as main. A generation or metric program opens a network pickle named by a flag
 * (`legacy.load_network_pkl(f)['G_ema']`), so it runs a trained generator whose size is the pickle's, unknown
 * here. A training program fills a `dnnlib.EasyDict` of options and hands it to the package's
 * `training_loop.training_loop(**c)`: it trains the generator and discriminator named by their `class_name`
 * (`'training.networks_stylegan3.Generator'`), from scratch unless `--resume` names a pickle.
 *
 * Precision: these networks run their highest-resolution layers in FP16 (`num_fp16_res`, 4 in the programs'
 * configurations; turned off by `--fp32` or by calling the synthesis network with `force_fp32=True`). Source:
 * Karras et al., "Training Generative Adversarial Networks with Limited Data" (StyleGAN2-ADA, arXiv:2006.06676,
 * appendix on mixed-precision: FP16 in the 4 highest resolutions) and github.com/NVlabs/stylegan2-ada-pytorch
 * README ("mixed-precision support").
 */

/** A `__main__` guard: a program run as main (the library's own modules define and call these without one). */
const MAIN_GUARD = /^if[ \t]+__name__[ \t]*==[ \t]*["']__main__["'][ \t]*:/m;
const NETWORK_MODULE = /["'](?:\w+\.){0,4}networks_([a-z][a-z0-9]{2,30})\.Generator["']/;
/** A `--fp32` option whose default turns mixed precision off, or a call that forces fp32. */
const FORCES_FP32 = /\bforce_fp32[ \t]*=[ \t]*True\b|["']--fp32["'][^\n]{0,300}\bdefault[ \t]*=[ \t]*True\b/;

function addPrecision(ctx: PythonReadContext, at: Node, what: string): void {
  if (ctx.facts.some((f) => f.kind === 'training.precision' && f.value !== null)) return;
  if (FORCES_FP32.test(ctx.text)) {
    ctx.add('training.precision', 'fp32', at, `${what}: forced to fp32 (force_fp32 / --fp32)`, 'medium');
    return;
  }
  ctx.add(
    'training.precision',
    'fp16',
    at,
    `${what}: dnnlib networks run their highest-resolution layers in FP16 unless forced to fp32 (num_fp16_res; StyleGAN2-ADA, arXiv:2006.06676)`,
    'medium',
  );
}

const ownDefinition = (text: string, name: string) => new RegExp(`^[ \\t]*def[ \\t]+${name}\\b`, 'm').test(text);
const started = (ctx: PythonReadContext) =>
  ctx.facts.some((f) => f.kind === 'launch.inference' || f.kind === 'launch.trainer');

export const networkPickleLoad: CallRule = {
  framework: 'dnnlib',
  callees: ['load_network_pkl'],
  runStart: [/\bload_network_pkl[ \t]*\(/, MAIN_GUARD],
  when: ({ ctx }) => MAIN_GUARD.test(ctx.text) && !ownDefinition(ctx.text, 'load_network_pkl'),
  read: ({ node, full, ctx }) => {
    if (started(ctx)) return true;
    const fn = node.childForFieldName('function') ?? node;
    ctx.add(
      'launch.inference',
      'dnnlib:network-pickle',
      fn,
      `${full}(...) opens a trained network pickle and runs it (generation or evaluation)`,
      'medium',
    );
    ctx.add('model.fromScratch', false, fn, `${full}: the network's trained weights come from the pickle`, 'medium');
    if (!ctx.facts.some((f) => f.kind === 'model.id'))
      ctx.add(
        'model.id',
        null,
        fn,
        `${full}(...): the network pickle is given when the program runs, so its size is not in the code`,
        'low',
      );
    addPrecision(ctx, fn, 'a network pickle');
    return true;
  },
};

export const dnnlibTrainingLoop: CallRule = {
  framework: 'dnnlib',
  callees: ['training_loop'],
  runStart: [/\btraining_loop\.training_loop[ \t]*\(/, MAIN_GUARD],
  when: ({ full, ctx }) =>
    full.endsWith('training_loop.training_loop') &&
    MAIN_GUARD.test(ctx.text) &&
    !ownDefinition(ctx.text, 'training_loop'),
  read: ({ node, full, ctx }) => {
    if (started(ctx)) return true;
    const fn = node.childForFieldName('function') ?? node;
    ctx.add('launch.trainer', 'dnnlib:training_loop', fn, `${full}(**options) trains the networks`, 'medium');
    const family = NETWORK_MODULE.exec(ctx.text)?.[1];
    if (family && !ctx.facts.some((f) => f.kind === 'model.id'))
      ctx.add(
        'model.id',
        family,
        fn,
        `the generator class the options name (networks_${family}.Generator); its size follows the data's resolution`,
        'low',
      );
    if (!ctx.facts.some((f) => f.kind === 'model.fromScratch'))
      ctx.add(
        'model.fromScratch',
        true,
        fn,
        `${full}: the networks start from random weights unless a pickle to resume from is given`,
        'low',
      );
    addPrecision(ctx, fn, 'the trained networks');
    return true;
  },
};
