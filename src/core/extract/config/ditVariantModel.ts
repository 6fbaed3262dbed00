import { DIT_VARIANT_WORDS, ditVariantOf } from '../../knowledge/modelName';
import type { ConfigDialect, ConfigDoc, FactSink } from './dialect';

/**
 * A diffusion-transformer training or sampling config whose top-level `model:` names the network by its DiT variant
 * (`model: Latte-XL/2`, `model: DiT-B/4`, `model: SiT-XL/2`): the program builds that class from a table of sizes
 * keyed by the name, so the name is the model and states its size. A bare `model:` key is read only when its value
 * has that shape (a family word, a size word S/B/L/XL and a patch size); any other value is left to other rules.
 */
function variantName(doc: ConfigDoc): string | undefined {
  const at = doc.get('model');
  if (at?.shape !== 'scalar') return undefined;
  const name = doc.str('model');
  if (!name || name.length > 80 || !ditVariantOf(name)) return undefined;
  return name.trim();
}

export const ditVariantModel: ConfigDialect = {
  name: 'dit-variant-model',
  words: DIT_VARIANT_WORDS,
  detect: (doc) => variantName(doc) !== undefined,
  read(doc: ConfigDoc, out: FactSink): void {
    const name = variantName(doc);
    const at = doc.get('model');
    if (!name || !at) return;
    const variant = ditVariantOf(name);
    out.add(
      'model.id',
      name,
      at,
      `model: ${name} (a DiT-${variant?.variant ?? ''} geometry, named as DiT names its sizes)`,
    );
    // DiT-style trainers take the network's starting weights from a `pretrained:` key (empty: built from random
    // weights); a `pretrained_model_path` beside it holds the frozen VAE and text encoder, not the network.
    const pretrained = doc.get('pretrained');
    if (!pretrained || pretrained.shape !== 'scalar') return;
    const raw = pretrained.value;
    const value = typeof raw === 'string' ? raw.trim() : raw === null || raw === undefined ? '' : undefined;
    if (value === undefined) return;
    out.add(
      'model.fromScratch',
      value === '',
      pretrained,
      value === ''
        ? `pretrained: (empty): ${name} starts from random weights`
        : `pretrained: ${value}: ${name} starts from it`,
      'medium',
    );
  },
};
