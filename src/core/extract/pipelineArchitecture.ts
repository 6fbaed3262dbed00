/**
 * Loader classes that fix the architecture of the weights they load. A diffusers pipeline class is written for one
 * denoiser architecture: `StableDiffusionXLPipeline.from_pretrained(id)` (or a repository's own subclass of it,
 * `PhotoMakerStableDiffusionXLPipeline`) loads only SDXL-shaped weights, so a fine-tuned checkpoint in no catalog
 * (`SG161222/RealVisXL_V4.0`) has SDXL's parameter count. Language-model classes (`LlamaForCausalLM`) are not here:
 * one class serves every size of its family.
 *
 * Each row names the catalog row whose size stands for the architecture (sizes and sources are in the catalog).
 */
interface PipelineArchitecture {
  readonly className: RegExp;
  readonly catalogId: string;
  readonly architecture: string;
}

const ARCHITECTURES: readonly PipelineArchitecture[] = [
  {
    className: /StableDiffusionXL\w{0,40}Pipeline$/,
    catalogId: 'stabilityai/stable-diffusion-xl-base-1.0',
    architecture: 'SDXL',
  },
  {
    className: /Flux\w{0,40}Pipeline$/,
    catalogId: 'black-forest-labs/FLUX.1-dev',
    architecture: 'FLUX.1 (12B transformer)',
  },
  {
    // Stable Diffusion 1.x and 2.x (their U-Nets are 860M and 865M: Podell et al. 2023, arXiv:2307.01952, Table 1),
    // not SDXL or SD3 (other rows), nor the x4 upscaler (a smaller U-Net of its own).
    className: /(?:^|[a-z0-9_])StableDiffusion(?!XL|3|\w{0,40}Upscale)(?:[A-Z]\w{0,40})?Pipeline$/,
    catalogId: 'runwayml/stable-diffusion-v1-5',
    architecture: 'Stable Diffusion 1.x/2.x',
  },
];

/** The architecture a loader class fixes, by the class's own name (the last dotted part); undefined when none. */
export function pipelineArchitecture(
  classText: string,
): { readonly catalogId: string; readonly architecture: string } | undefined {
  const name = classText.slice(classText.lastIndexOf('.') + 1).slice(0, 200);
  return ARCHITECTURES.find((a) => a.className.test(name));
}
