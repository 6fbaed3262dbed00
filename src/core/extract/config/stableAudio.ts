import type { ConfigDialect, ConfigDoc, FactSink } from './dialect';

/**
 * stable-audio-tools model configs (github.com/Stability-AI/stable-audio-tools, docs/configurations.md: "the model
 * config … contains the training configuration"; `python train.py --model-config <this>.json --dataset-config …`).
 * A JSON with `model_type` (one of the types its model factory builds: autoencoder, diffusion_uncond,
 * diffusion_cond, diffusion_cond_inpaint, diffusion_autoencoder, lm), `sample_rate`, `sample_size`, a `model`
 * section and a `training` section (optimizers, EMA, demos) that the training-wrapper factory reads: the program
 * cannot start without one, so each such config is a training run. The program builds the model from the config
 * (random init); weights come only from a `--pretrained-ckpt-path` flag, whose default is empty: from scratch.
 * A config without a `training` section (the `model_config.json` a released checkpoint ships) is only read to
 * build a model for inference: not a run alone.
 *
 * The model is named by its file (the configs name no model). Its size is worked out only where the config states
 * a whole transformer: a `dit` diffusion model of the `continuous_transformer` type (DiT below); convolutional
 * autoencoders and U-Nets, whose size depends on the library's block layout, stay unknown.
 */

const MODEL_TYPES = new Set([
  'autoencoder',
  'diffusion_uncond',
  'diffusion_cond',
  'diffusion_cond_inpaint',
  'diffusion_autoencoder',
  'lm',
]);

/**
 * DiT parameters per block of stable-audio-tools' continuous transformer (models/transformer.py, TransformerBlock:
 * self-attention q,k,v,o = 4·d²; cross-attention q,o = 2·d² and k,v from the conditioning tokens' width c = 2·c·d
 * (d when `project_cond_tokens` projects them first); feed-forward with a GLU of width 4·d: d→8d and 4d→d = 12·d²):
 * 18·d² + 2·c·d. Checked against the Stable Audio Open paper (Evans et al. 2024, arXiv:2407.14358, Table 1:
 * DiT 1,057M at embed_dim 1536, depth 24, 768-d T5 tokens), which this gives as 1.07B.
 */
function ditParams(d: number, depth: number, context: number | undefined): number {
  const cross = context !== undefined && context > 0 ? 2 * d * d + 2 * context * d : 0;
  return depth * (4 * d * d + cross + 12 * d * d);
}

const positiveInteger = (n: number | undefined): n is number => n !== undefined && Number.isInteger(n) && n > 0;

export const stableAudio: ConfigDialect = {
  name: 'stable-audio-tools',
  words: ['model_type'],
  detect: (doc) => {
    const type = doc.str('model_type');
    return (
      type !== undefined &&
      MODEL_TYPES.has(type) &&
      doc.get('model')?.shape === 'map' &&
      doc.get('training')?.shape === 'map' &&
      doc.num('sample_rate') !== undefined
    );
  },
  owns: (path) => path === 'model' || path.startsWith('model.') || path.startsWith('training.'),
  read(doc: ConfigDoc, out: FactSink, file?: { readonly path: string }): void {
    const typeAt = doc.get('model_type')!;
    const type = String(typeAt.value);
    out.add('run.framework', 'stable-audio-tools', typeAt, `stable-audio-tools model config (model_type ${type})`);
    const stem = file ? /([^/\\]+)\.json$/i.exec(file.path)?.[1] : undefined;
    if (stem && /^[\w.-]{1,100}$/.test(stem))
      out.add('model.id', stem, typeAt, `${stem}: the ${type} model this config defines (named by its file)`, 'medium');
    out.add(
      'model.fromScratch',
      true,
      typeAt,
      'train.py builds the model from this config; weights only from --pretrained-ckpt-path, empty by default',
      'medium',
    );
    if (!readDitParams(doc, type, out))
      out.add(
        'model.params',
        null,
        doc.get('model')!,
        `${type}: a size that depends on the library's block layout, not worked out from this config`,
        'low',
      );
    out.add(
      'launch.trainer',
      'config:stable-audio-tools',
      typeAt,
      'stable-audio-tools model config (train.py --model-config <this>)',
    );
  },
};

/** The DiT's parameters where the config states a whole continuous transformer; false where it does not. */
function readDitParams(doc: ConfigDoc, type: string, out: FactSink): boolean {
  if (!type.startsWith('diffusion_cond') || doc.str('model.diffusion.type') !== 'dit') return false;
  const config = 'model.diffusion.config';
  const transformer = doc.str(`${config}.transformer_type`) ?? 'continuous_transformer';
  const d = doc.num(`${config}.embed_dim`);
  const depth = doc.num(`${config}.depth`);
  const context = doc.num(`${config}.cond_token_dim`);
  if (transformer !== 'continuous_transformer' || !positiveInteger(d) || !positiveInteger(depth)) return false;
  const projected = doc.get(`${config}.project_cond_tokens`)?.value === true;
  const width = context === undefined ? undefined : projected ? d : context;
  const params = ditParams(d, depth, width);
  out.add(
    'model.params',
    params,
    doc.get(`${config}.embed_dim`)!,
    `DiT: ${depth} blocks × (18·${d}² + 2·${width ?? 0}·${d}) ≈ ${(params / 1e9).toFixed(2)}B (the diffusion model trained; the pretransform and conditioners are frozen)`,
    'medium',
  );
  return true;
}
