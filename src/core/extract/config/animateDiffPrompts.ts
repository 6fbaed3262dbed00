import type { ConfigDialect, ConfigDoc, FactSink } from './dialect';

/**
 * AnimateDiff prompt configs (github.com/guoyww/AnimateDiff README "Inference": `python -m scripts.animate --config
 * configs/prompts/<this>.yaml`, and the projects that keep its sampler): a YAML list of generation entries, each
 * naming the `motion_module` checkpoint inserted into a Stable Diffusion UNet, the `inference_config` that describes
 * the inflated UNet, optional `dreambooth_path` / `lora_model_path` / `controlnet_path` weights, and the `prompt` list
 * with `n_prompt`, `seed`, `steps` and `guidance_scale`. The sampler cannot start without one (`--config` names the
 * run), so each such list is one inference run: text-to-video generation with the motion module.
 *
 * - Model: AnimateDiff (the motion module on its Stable Diffusion 1.5 base, the sampler's `--pretrained-model-path`
 *   default), medium confidence since the base is the program's, not this file's.
 * - `steps` is the sampler's denoising steps, not a training length: left alone.
 */
const ENTRY_KEYS = ['inference_config', 'steps', 'guidance_scale', 'dreambooth_path'];

export const animateDiffPrompts: ConfigDialect = {
  name: 'animatediff-prompts',
  words: ['motion_module'],
  owns: (path) => /^\d+\./.test(path),
  detect: (doc: ConfigDoc) =>
    doc.prefix === '' &&
    doc.get('0')?.shape === 'map' &&
    typeof doc.str('0.motion_module') === 'string' &&
    doc.has('0.prompt') &&
    ENTRY_KEYS.some((k) => doc.has(`0.${k}`)),
  read(doc: ConfigDoc, out: FactSink): void {
    const module = doc.get('0.motion_module')!;
    out.add('run.framework', 'animatediff', module, 'AnimateDiff prompt config (motion_module, prompt entries)');
    out.add(
      'model.id',
      'guoyww/animatediff',
      module,
      `AnimateDiff: motion module ${String(module.value)} in the Stable Diffusion 1.5 UNet the sampler loads`,
      'medium',
    );
    out.add(
      'training.mode',
      'inference',
      module,
      'scripts.animate --config <this>: text-to-video generation, no training',
    );
    out.add(
      'launch.inference',
      'config:animatediff',
      module,
      'AnimateDiff prompt config (python -m scripts.animate --config <this>): an inference run',
    );
  },
};
