import type { FileRule } from '../rules';

/**
 * AnimateDiff's inflated UNet (github.com/guoyww/AnimateDiff, animatediff/models/unet.py, and the projects built on
 * it): `UNet3DConditionModel.from_pretrained_2d(sd_path, subfolder="unet", unet_additional_kwargs=...)` turns a Stable
 * Diffusion 1.5 UNet into the video UNet the motion modules are loaded into. A program that builds it runs AnimateDiff
 * (the catalog's `guoyww/animatediff` row: the SD 1.5 UNet plus its motion module), whichever base folder a user picks
 * at run time (a demo's dropdown, a flag). Only where the file names no model of its own; medium confidence.
 */
const INFLATED_UNET = /\bUNet3DConditionModel\.from_pretrained_2d[ \t]*\(/;

export const animateDiffUnet: FileRule = {
  framework: 'animatediff',
  phase: 'after-calls',
  words: ['from_pretrained_2d'],
  read: (index, ctx) => {
    if (!ctx.text.includes('unet_additional_kwargs') || !INFLATED_UNET.test(ctx.text)) return;
    if (ctx.facts.some((f) => f.kind === 'model.id' && typeof f.value === 'string')) return;
    for (const node of index.calls) {
      const { full, last } = ctx.callee(node);
      if (last !== 'from_pretrained_2d' || !full.endsWith('UNet3DConditionModel.from_pretrained_2d')) continue;
      const args = node.childForFieldName('arguments')?.text ?? '';
      if (!args.includes('unet_additional_kwargs')) continue;
      ctx.add(
        'model.id',
        'guoyww/animatediff',
        node,
        `${full}(...) inflates a Stable Diffusion 1.5 UNet with AnimateDiff motion modules`,
        'medium',
      );
      return;
    }
  },
};
