import * as assert from 'node:assert/strict';
import { extractConfigFacts } from '../../src/core/extract/configFacts';

/** A model-only instantiate-from-config file around one UNet's settings (and optional extra `params` lines). */
function ldm(unet: string, extra = ''): string {
  return [
    'model:',
    '  target: pkg.models.diffusion.LatentDiffusion',
    '  params:',
    '    timesteps: 1000',
    '    unet_config:',
    '      target: pkg.modules.openaimodel.UNetModel',
    '      params:',
    ...unet
      .trim()
      .split('\n')
      .map((l) => `        ${l.trim()}`),
    extra,
  ].join('\n');
}

function paramsOf(text: string): number | null | undefined {
  const f = extractConfigFacts(text, 'yaml').facts.find((x) => x.kind === 'model.params');
  return f === undefined ? undefined : (f.value as number | null);
}

describe('diffusion UNet parameter counts (openaimodel layout)', () => {
  it("counts Stable Diffusion v1's UNet exactly (859,520,964: the README's 860M)", () => {
    const text = ldm(`
      in_channels: 4
      out_channels: 4
      model_channels: 320
      attention_resolutions: [4, 2, 1]
      num_res_blocks: 2
      channel_mult: [1, 2, 4, 4]
      num_heads: 8
      use_spatial_transformer: true
      transformer_depth: 1
      context_dim: 768`);
    assert.equal(paramsOf(text), 859_520_964);
  });

  it("counts guided-diffusion's ImageNet 256 model (scale-shift norm, ResBlock up/down, 1000 classes) near its 554M", () => {
    const text = ldm(`
      in_channels: 3
      out_channels: 6
      model_channels: 256
      attention_resolutions: [8, 16, 32]
      num_res_blocks: 2
      channel_mult: [1, 1, 2, 2, 4, 4]
      num_head_channels: 64
      use_scale_shift_norm: true
      resblock_updown: true
      num_classes: 1000`);
    const n = paramsOf(text)!;
    assert.ok(Math.abs(n - 554e6) / 554e6 < 0.01, String(n));
  });

  it('heads do not change the count; a missing attention_resolutions or a per-level depth list leaves it unread', () => {
    const base = `
      in_channels: 4
      out_channels: 4
      model_channels: 128
      num_res_blocks: 1
      channel_mult: [1, 2]`;
    const withHeads = (h: string) => paramsOf(ldm(`${base}\n attention_resolutions: [2]\n ${h}`));
    assert.equal(withHeads('num_heads: 4'), withHeads('num_head_channels: 32'));
    assert.equal(paramsOf(ldm(base)), undefined);
    assert.equal(
      paramsOf(
        ldm(
          `${base}\n attention_resolutions: [2]\n use_spatial_transformer: true\n transformer_depth: [1, 2]\n context_dim: 768`,
        ),
      ),
      undefined,
    );
  });

  it('adds the first stage and conditioning encoder the config sizes, and says which it could not', () => {
    const unet = `
      in_channels: 4
      out_channels: 4
      model_channels: 64
      attention_resolutions: [2]
      num_res_blocks: 1
      channel_mult: [1, 2]`;
    const alone = paramsOf(ldm(unet))!;
    const firstStage = [
      '    first_stage_config:',
      '      target: pkg.models.autoencoder.AutoencoderKL',
      '      params:',
      '        embed_dim: 4',
      '        ddconfig: {double_z: true, z_channels: 4, resolution: 256, ch: 128, ch_mult: [1, 2, 4, 4], num_res_blocks: 2, attn_resolutions: []}',
      '    cond_stage_config:',
      '      target: pkg.encoders.SomeFrozenEncoder',
    ].join('\n');
    const facts = extractConfigFacts(ldm(unet, firstStage), 'yaml').facts;
    const size = facts.find((f) => f.kind === 'model.params')!;
    assert.equal(size.value, alone + 83_653_863);
    assert.match(size.detail, /not sized from this config: conditioning encoder \(SomeFrozenEncoder\)/);
    assert.equal(facts.find((f) => f.kind === 'model.id')?.value, 'LatentDiffusion');
  });

  it('reads hostile sizes as unread, not as huge numbers', () => {
    const text = ldm(`
      in_channels: 4
      out_channels: 4
      model_channels: 1e12
      attention_resolutions: [1]
      num_res_blocks: 2
      channel_mult: [1, 2]`);
    assert.equal(paramsOf(text), undefined);
    const long = ldm(`
      in_channels: 4
      out_channels: 4
      model_channels: 64
      attention_resolutions: [1]
      num_res_blocks: 2
      channel_mult: [${Array.from({ length: 40 }, () => '1').join(', ')}]`);
    assert.equal(paramsOf(long), undefined);
  });
});

describe('diffusion UNet counts: per-level cross-attention only, vector class embeddings (fourteenth round)', () => {
  const sd2 = `
      in_channels: 4
      out_channels: 4
      model_channels: 320
      attention_resolutions: [4, 2, 1]
      num_res_blocks: 2
      channel_mult: [1, 2, 4, 4]
      use_spatial_transformer: true
      transformer_depth: 1
      context_dim: 1024`;

  it('disable_self_attentions swaps a level’s self-attention for a second cross-attention (k, v from the context)', () => {
    const base = paramsOf(ldm(sd2))!;
    const first = paramsOf(ldm(`${sd2}\ndisable_self_attentions: [True, False, False, False]`))!;
    // Level 0 (c = 320) holds 2 input and 3 output transformer blocks: each attn1 goes from 4c² + c to 2c² + 2·1024·c + c.
    const c = 320;
    assert.equal(first - base, 5 * (2 * c * 1024 - 2 * c * c));
    assert.equal(paramsOf(ldm(`${sd2}\ndisable_self_attentions: [True, False]`)), undefined, 'one switch a level');
    assert.equal(paramsOf(ldm(`${sd2}\ndisable_self_attentions: [yes, no, no, no]`)), undefined);
  });

  it('num_classes "sequential" with adm_in_channels adds Linear(A, 4C) + Linear(4C, 4C); without it the count is left unread', () => {
    const base = paramsOf(ldm(sd2))!;
    const E = 4 * 320;
    assert.equal(
      paramsOf(ldm(`${sd2}\nnum_classes: "sequential"\nadm_in_channels: 2048`)),
      base + 2048 * E + E + E * E + E,
    );
    assert.equal(paramsOf(ldm(`${sd2}\nnum_classes: "sequential"`)), undefined);
    assert.equal(paramsOf(ldm(`${sd2}\nadm_in_channels: 2048`)), undefined);
  });
});

describe('Stable Diffusion 2 architectures named from an instantiate-from-config definition (fourteenth round)', () => {
  const modelOf = (text: string) =>
    extractConfigFacts(text, 'yaml').facts.find((x) => x.kind === 'model.id')?.value as string | undefined;
  const config = (module: string, encoder: string, context: number) =>
    [
      'model:',
      `  target: ldm.models.diffusion.ddpm.${module}`,
      '  params:',
      '    unet_config:',
      '      target: ldm.modules.diffusionmodules.openaimodel.UNetModel',
      '      params:',
      '        model_channels: 320',
      `        context_dim: ${context}`,
      '    cond_stage_config:',
      `      target: ldm.modules.encoders.modules.${encoder}`,
    ].join('\n');

  it('names the SD 2 release of each ldm module over the OpenCLIP text encoder and a 1024-wide context', () => {
    assert.equal(modelOf(config('LatentDiffusion', 'FrozenOpenCLIPEmbedder', 1024)), 'stable-diffusion-2');
    assert.equal(
      modelOf(config('LatentUpscaleDiffusion', 'FrozenOpenCLIPEmbedder', 1024)),
      'stable-diffusion-x4-upscaler',
    );
    assert.equal(
      modelOf(config('LatentDepth2ImageDiffusion', 'FrozenOpenCLIPEmbedder', 1024)),
      'stable-diffusion-2-depth',
    );
  });

  it('names SD 1 (CLIP ViT-L, context 768, 320 channels) and keeps the class for other projects’ modules on the same UNet', () => {
    // Twenty-first round: the SD v1 architecture is named as SD 2's releases are (CompVis/stable-diffusion-v1-4 card).
    assert.equal(modelOf(config('LatentDiffusion', 'FrozenCLIPEmbedder', 768)), 'stable-diffusion-v1');
    assert.equal(modelOf(config('ControlLDM', 'FrozenOpenCLIPEmbedder', 1024)), 'ControlLDM');
    assert.equal(modelOf(config('LatentDiffusion', 'FrozenOpenCLIPEmbedder', 768)), 'LatentDiffusion');
  });
});
