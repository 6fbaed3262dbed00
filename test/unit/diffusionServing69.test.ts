import * as assert from 'node:assert/strict';
import { suggestImprovements } from '../../src/core/advise/suggest';
import { estimateRun, trainingFlops } from '../../src/core/estimate/estimateRun';
import * as IC from '../../src/core/estimate/inferenceConstants';
import { findModel } from '../../src/core/knowledge';
import { completeRun } from '../../src/core/resolve/completeRun';
import { DEFAULT_SETTINGS, RunSpecSchema } from '../../src/core/runSpec';
import { requestWord } from '../../src/core/report/format';
import { runOf } from './helpers';

/**
 * Sixty-ninth round: a diffusion pipeline served is priced per image as its denoising steps (two denoiser passes a
 * step under classifier-free guidance) and its decoder, at the image's size, instead of being left without a cost.
 */
describe('Sixty-ninth round: serving a diffusion pipeline', () => {
  const serve = (name: string, inference: Record<string, unknown> = {}, accelerator = 'A100') => {
    const run = completeRun(
      RunSpecSchema.parse({
        model: { name },
        training: { mode: 'inference', precision: 'fp16' },
        inference,
        hardware: { accelerator },
      }),
      DEFAULT_SETTINGS,
    );
    const estimate = estimateRun(run);
    return { run, estimate, suggestions: suggestImprovements(run, estimate.co2eKg, DEFAULT_SETTINGS) };
  };
  const sdxl = findModel('stabilityai/stable-diffusion-xl-base-1.0')!.diffusion!;

  it('prices an image as the pipeline defaults: steps × guided passes × the denoiser, plus the decoder', () => {
    const { run, estimate } = serve('stabilityai/stable-diffusion-xl-base-1.0');
    assert.deepEqual(run.missing, []);
    const pass = run.inference!.forwardPass!;
    assert.equal(pass.denoiserCalls, sdxl.defaultSteps);
    const expected = sdxl.defaultSteps * 2 * sdxl.denoiserGflops + sdxl.decoderGflops;
    assert.ok(Math.abs(pass.gflopsPerSample! - expected) / expected < 1e-3, `${pass.gflopsPerSample} vs ${expected}`);
    // Priced at the denoiser's own share of the tensor-core peak, not an image classifier's.
    const peak = run.hardware.accelerator.peakTflops.fp16! * 1e12;
    const seconds = (expected * 1e9) / (peak * IC.DIFFUSION_DENOISER_COMPUTE_EFFICIENCY.central);
    const step = estimate.inference!.forwardPass!.stepMs / 1000;
    assert.ok(Math.abs(step - seconds) / seconds < 0.01, `${step} s vs ${seconds} s`);
    // Its figures are per image, with the steps it takes.
    assert.equal(estimate.inference!.forwardPass!.denoisingSteps, sdxl.defaultSteps);
    assert.equal(requestWord(estimate.inference!), 'image');
    // No token model's inputs are assumed.
    assert.ok(!run.assumptions.some((a) => a.field === 'inference.outputTokens'));
  });

  it('follows the call: fewer steps, guidance off, a smaller image cost proportionally less', () => {
    const base = serve('stabilityai/stable-diffusion-xl-base-1.0').run.inference!.forwardPass!.gflopsPerSample!;
    const steps = serve('stabilityai/stable-diffusion-xl-base-1.0', { denoisingSteps: 25 }).run.inference!.forwardPass!;
    assert.equal(steps.denoiserCalls, 25);
    assert.ok(steps.gflopsPerSample! < base * 0.51 && steps.gflopsPerSample! > base * 0.49);
    const unguided = serve('stabilityai/stable-diffusion-xl-base-1.0', { guidanceScale: 0 }).run.inference!
      .forwardPass!;
    const once = sdxl.defaultSteps * sdxl.denoiserGflops + sdxl.decoderGflops;
    assert.ok(Math.abs(unguided.gflopsPerSample! - once) / once < 1e-4);
    const small = serve('stabilityai/stable-diffusion-xl-base-1.0', { imagePixels: 512 * 512 }).run.inference!
      .forwardPass!;
    assert.ok(Math.abs(small.gflopsPerSample! - base / 4) / base < 1e-3);
  });

  it('runs a model with distilled guidance once a step whatever its guidance_scale', () => {
    const flux = findModel('black-forest-labs/FLUX.1-dev')!.diffusion!;
    const pass = serve('black-forest-labs/FLUX.1-dev', { guidanceScale: 3.5 }).run.inference!.forwardPass!;
    const expected = flux.defaultSteps * flux.denoiserGflops + flux.decoderGflops;
    assert.ok(Math.abs(pass.gflopsPerSample! - expected) / expected < 1e-4, `${pass.gflopsPerSample} vs ${expected}`);
  });

  it('suggests fewer steps with a multistep solver for guided latent diffusion, not for FLUX', () => {
    const sd = serve('runwayml/stable-diffusion-v1-5');
    const fewer = sd.suggestions.find((s) => s.kind === 'fewer-denoising-steps');
    assert.ok(fewer, sd.suggestions.map((s) => s.kind).join());
    assert.ok(fewer.savedFraction > 0.5 && fewer.savedFraction < 0.65, String(fewer.savedFraction));
    assert.match(fewer.tradeoff, /arXiv:2211\.01095/);
    const flux = serve('black-forest-labs/FLUX.1-dev');
    assert.ok(!flux.suggestions.some((s) => s.kind === 'fewer-denoising-steps'));
  });

  it('never suggests a model whose cost cannot be read (its saving would be the whole run)', () => {
    const { suggestions } = serve('stabilityai/stable-diffusion-xl-base-1.0');
    // SDXL's smaller sibling in the catalog (SSD-1B) has no published cost per image.
    assert.ok(!suggestions.some((s) => s.kind === 'smaller-model' && s.savedFraction >= 0.999));
  });

  it('reads the pipeline call: steps, guidance and image size', async () => {
    const text =
      'import torch\nfrom diffusers import StableDiffusionXLPipeline\n\n' +
      'pipe = StableDiffusionXLPipeline.from_pretrained("stabilityai/stable-diffusion-xl-base-1.0", torch_dtype=torch.float16).to("cuda")\n' +
      'image = pipe("a lighthouse at dusk", num_inference_steps=30, guidance_scale=0.0, height=768, width=768).images[0]\n';
    const run = await runOf({ 'gen.py': text }, 'gen.py');
    assert.equal(run?.spec.inference?.denoisingSteps, 30);
    assert.equal(run?.spec.inference?.guidanceScale, 0);
    assert.equal(run?.spec.inference?.imagePixels, 768 * 768);
    const pass = run.inference!.forwardPass!;
    const expected = (30 * sdxl.denoiserGflops + sdxl.decoderGflops) * ((768 * 768) / sdxl.nativePixels);
    assert.ok(Math.abs(pass.gflopsPerSample! - expected) / expected < 1e-3);
  });

  it('a hostile call (negative, huge or non-numeric keywords) falls back to the defaults', async () => {
    const text =
      'from diffusers import StableDiffusionPipeline\n\n' +
      'pipe = StableDiffusionPipeline.from_pretrained("runwayml/stable-diffusion-v1-5")\n' +
      'image = pipe("x", num_inference_steps=-3, guidance_scale="high", height=10**9, width=512).images[0]\n';
    const run = await runOf({ 'gen.py': text }, 'gen.py');
    assert.equal(run?.spec.inference?.denoisingSteps, undefined);
    assert.equal(run?.spec.inference?.guidanceScale, undefined);
    assert.equal(run?.spec.inference?.imagePixels, undefined);
    assert.equal(run?.inference?.forwardPass?.denoiserCalls, 50);
  });

  it('trains a diffusion model per image: one denoiser pass and its backward, adapters without the frozen weights', () => {
    const train = (mode: string, training: Record<string, unknown> = {}) =>
      completeRun(
        RunSpecSchema.parse({
          model: { name: 'stabilityai/stable-diffusion-xl-base-1.0' },
          training: { mode, steps: 1000, globalBatch: 8, precision: 'bf16', ...training },
          hardware: { accelerator: 'A100', count: 1 },
        }),
        DEFAULT_SETTINGS,
      );
    const full = train('finetune');
    assert.equal(full.model.forwardGflopsPerSample, sdxl.denoiserGflops);
    assert.equal(full.training.seqLen, null, 'no sequence length is assumed for an image model');
    assert.ok(Math.abs(trainingFlops(full) - 3 * sdxl.denoiserGflops * 1e9 * 8000) < 1e9);
    const lora = train('lora');
    assert.ok(Math.abs(trainingFlops(lora) / trainingFlops(full) - 2 / 3) < 1e-9);
    // At a resolution the config states, scaled by pixels.
    const small = completeRun(
      RunSpecSchema.parse({
        model: { name: 'stabilityai/stable-diffusion-xl-base-1.0', inputPixels: 512 * 512 },
        training: { mode: 'finetune', steps: 1000, globalBatch: 8 },
      }),
      DEFAULT_SETTINGS,
    );
    assert.ok(Math.abs(small.model.forwardGflopsPerSample! - sdxl.denoiserGflops / 4) < 0.01);
  });
});
