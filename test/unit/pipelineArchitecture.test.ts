import * as assert from 'node:assert/strict';
import { pipelineArchitecture } from '../../src/core/extract/pipelineArchitecture';
import { analyzeSource } from './helpers';

/** A pipeline class written for one architecture sizes a checkpoint in no catalog (a fine-tune of that architecture). */

const SCRIPT = (load: string) => `import torch
from diffusers import EulerDiscreteScheduler
from mypkg.pipeline import StyleStableDiffusionXLPipeline, StableDiffusionPipeline, FluxPipeline

pipe = ${load}
pipe.to("cuda")
image = pipe("a lighthouse at dusk", num_inference_steps=30).images[0]
image.save("out.png")
`;

async function modelOf(load: string) {
  const analysis = await analyzeSource('/w/demo.py', SCRIPT(load));
  assert.equal(analysis.runs.length, 1);
  const why = analysis.runs[0].run.assumptions.find((a) => a.field === 'model.params')?.detail ?? '';
  return { ...analysis.runs[0].run.model, why };
}

describe('the architecture a pipeline class fixes', () => {
  it('maps SDXL, FLUX and SD 1.x/2.x pipeline classes, a subclass of the repository included', () => {
    assert.equal(pipelineArchitecture('StyleStableDiffusionXLPipeline')?.architecture, 'SDXL');
    assert.equal(pipelineArchitecture('diffusers.StableDiffusionXLImg2ImgPipeline')?.architecture, 'SDXL');
    assert.equal(pipelineArchitecture('FluxFillPipeline')?.architecture, 'FLUX.1 (12B transformer)');
    assert.equal(pipelineArchitecture('StableDiffusionImg2ImgPipeline')?.architecture, 'Stable Diffusion 1.x/2.x');
    for (const other of ['StableDiffusion3Pipeline', 'StableDiffusionUpscalePipeline', 'LlamaForCausalLM', 'Pipeline'])
      assert.equal(pipelineArchitecture(other), undefined, other);
  });

  it('sizes an uncatalogued SDXL fine-tune as SDXL, saying why', async () => {
    const model = await modelOf(
      'StyleStableDiffusionXLPipeline.from_pretrained("acme/photoreal-xl-v7", torch_dtype=torch.float16)',
    );
    assert.equal(model.name, 'acme/photoreal-xl-v7');
    assert.equal(model.params, 2.6e9);
    assert.notEqual(model.source, 'default');
    assert.match(
      model.why,
      /not in the model catalog; StyleStableDiffusionXLPipeline loads only SDXL-architecture weights/,
    );
  });

  it('keeps the catalog, a size in the name, and an unknown class as they were', async () => {
    const catalogued = await modelOf('StableDiffusionPipeline.from_pretrained("runwayml/stable-diffusion-v1-5")');
    assert.equal(catalogued.source, 'catalog');
    const named = await modelOf('FluxPipeline.from_pretrained("acme/flux-lite-8B")');
    assert.equal(named.source, 'name');
    const unknown = await modelOf('MyPipeline.from_pretrained("acme/photoreal-xl-v7")');
    assert.equal(unknown.source, 'default');
  });
});
