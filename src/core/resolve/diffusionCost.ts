import type { Model } from '../knowledge/schema';
import type { Assumption, InferenceSpec } from '../runSpec';

/**
 * What one image of a diffusion pipeline costs: the denoiser run once a step (twice with classifier-free guidance,
 * on the prompt and on the empty prompt, as one call of two), then the image decoder once. The catalog row gives a
 * pass at the model's native resolution and the pipeline's defaults; the code's call (`num_inference_steps=`,
 * `guidance_scale=`, `height=`/`width=`) overrides them. Both passes are scaled by the image's pixels against the
 * native size: the convolutions and projections that the counts cover grow with the latent's area.
 */

export interface DiffusionCost {
  readonly gflopsPerImage: number;
  /** Denoiser calls per image: each is a forward pass of its own (an eager loop's launches, per call). */
  readonly denoiserCalls: number;
  readonly detail: string;
}

type Diffusion = NonNullable<Model['diffusion']>;

/** One denoiser pass for one image of this many pixels: the native pass scaled by the latent's area. */
export function denoiserPassGflops(diffusion: Diffusion, pixels: number): number {
  return (diffusion.denoiserGflops * pixels) / diffusion.nativePixels;
}

export function diffusionCost(
  modelId: string,
  diffusion: Diffusion,
  inference: InferenceSpec | undefined,
  stated: Assumption['source'],
  note: (a: Assumption) => void,
): DiffusionCost {
  const steps = inference?.denoisingSteps ?? diffusion.defaultSteps;
  note({
    field: 'inference.denoisingSteps',
    value: steps,
    source: inference?.denoisingSteps ? stated : 'default',
    detail: inference?.denoisingSteps
      ? 'num_inference_steps of the pipeline call'
      : `not given: the pipeline's default, ${diffusion.defaultSteps} steps`,
  });
  // A model with guidance distilled into it (FLUX.1) runs one pass a step whatever its guidance_scale says.
  const scale =
    diffusion.defaultGuidanceScale === null ? null : (inference?.guidanceScale ?? diffusion.defaultGuidanceScale);
  const guided = scale !== null && scale > 1;
  note({
    field: 'inference.guidanceScale',
    value: scale,
    source: inference?.guidanceScale !== undefined && inference?.guidanceScale !== null ? stated : 'default',
    detail:
      scale === null
        ? `${modelId} has its guidance distilled into the model: one denoiser pass a step`
        : `${guided ? 'above 1: classifier-free guidance, two denoiser passes a step' : 'at most 1: one denoiser pass a step'}${inference?.guidanceScale == null ? ` (the pipeline's default, ${diffusion.defaultGuidanceScale})` : ''}`,
  });
  const pixels = inference?.imagePixels ?? diffusion.nativePixels;
  const side = Math.round(Math.sqrt(diffusion.nativePixels));
  note({
    field: 'inference.imagePixels',
    value: pixels,
    source: inference?.imagePixels ? stated : 'default',
    detail: inference?.imagePixels
      ? `height × width of the pipeline call, against ${modelId}'s native ${side}×${side}`
      : `not given: ${modelId}'s native ${side}×${side}`,
  });
  const area = pixels / diffusion.nativePixels;
  const passes = steps * (guided ? 2 : 1);
  const pass = denoiserPassGflops(diffusion, pixels);
  const denoiser = passes * pass;
  const decoder = diffusion.decoderGflops * area;
  const round = (n: number) => Number(n.toPrecision(6));
  return {
    gflopsPerImage: round(denoiser + decoder),
    denoiserCalls: steps,
    detail: `${steps} steps × ${guided ? '2 denoiser passes (guidance)' : '1 denoiser pass'} × ${round(pass)} GFLOPs${area === 1 ? '' : ` (×${round(area)} the native pixels)`} + the image decoder's ${round(decoder)} GFLOPs per image; ${diffusion.source}`,
  };
}
