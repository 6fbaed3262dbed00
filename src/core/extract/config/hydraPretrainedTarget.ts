import type { ConfigDialect, ConfigDoc, ConfigValue, FactSink } from './dialect';

/**
 * A Hydra/OmegaConf config that builds its model with a loader classmethod: `_target_: pkg.models.Net.from_pretrained`
 * with the checkpoint beside it (`path: ${base_ckpt}`, `pretrained_model_name_or_path: org/name`). Hydra's
 * `instantiate` calls the target with the sibling keys as keyword arguments (Hydra documentation, "Instantiating
 * objects with Hydra": `_target_` may name a class, a function or a classmethod), so the run starts from that
 * checkpoint: the model is the checkpoint the path names, and training it is a fine-tune, not a pre-training.
 * A sibling `load_weights: false` (or `pretrained: false`) builds the architecture without its weights and is left
 * to the other rules. Only the first such target of the file is read, and only when no earlier reader named a model.
 */

/** `…from_pretrained` as the last segment of a dotted target. */
const LOADER_TARGET = /(?:^|\.)from_pretrained$/;
/** Keyword arguments that carry the checkpoint of a `from_pretrained` call. */
const PATH_KEYS = ['pretrained_model_name_or_path', 'model_name_or_path', 'path', 'checkpoint_path', 'ckpt_path'];
/** Switches that keep the architecture but skip the weights. */
const NO_WEIGHTS_KEYS = ['load_weights', 'pretrained'];
/** Keys looked at for the `_target_` (a hostile file is not walked further). */
const MAX_KEYS = 2_000;

interface Loader {
  readonly target: ConfigValue;
  readonly checkpoint: ConfigValue;
  readonly name: string;
}

function loaderTarget(doc: ConfigDoc): Loader | undefined {
  for (const v of doc.walk().slice(0, MAX_KEYS)) {
    if (v.key !== '_target_' || typeof v.value !== 'string' || !LOADER_TARGET.test(v.value.trim())) continue;
    const section = v.path.endsWith('._target_') ? v.path.slice(0, -'._target_'.length) : '';
    const key = (k: string) => (section ? `${section}.${k}` : k);
    if (NO_WEIGHTS_KEYS.some((k) => doc.get(key(k))?.value === false)) return undefined;
    for (const k of PATH_KEYS) {
      const at = doc.get(key(k));
      const name = doc.str(key(k))?.trim();
      if (at && name && !name.includes('${') && name.length <= 300) return { target: v, checkpoint: at, name };
    }
    return undefined;
  }
  return undefined;
}

export const hydraPretrainedTarget: ConfigDialect = {
  name: 'hydra-pretrained-target',
  words: ['from_pretrained'],
  detect: (doc) => loaderTarget(doc) !== undefined,
  read(doc: ConfigDoc, out: FactSink): void {
    const loader = loaderTarget(doc);
    if (!loader || out.facts.some((f) => f.kind === 'model.id')) return;
    const key = String(loader.checkpoint.key);
    out.add(
      'model.id',
      loader.name,
      loader.checkpoint,
      `${key}: ${loader.name} (passed to _target_: ${String(loader.target.value)})`,
    );
    if (!out.facts.some((f) => f.kind === 'model.fromScratch'))
      out.add(
        'model.fromScratch',
        false,
        loader.target,
        `_target_: ${String(loader.target.value)} loads the checkpoint's weights: the run starts from them`,
      );
  },
};
