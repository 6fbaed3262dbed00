import type { ConfigDialect, ConfigDoc, ConfigValue, FactSink } from './dialect';

/**
 * A Hugging Face model config instantiated from YAML (Hydra/OmegaConf `_target_: transformers.GPT2Config`, a
 * model group file of a Hydra tree): the keys written beside it override the class's defaults, and the class's
 * defaults are those of the checkpoint its docstring names. So the model is that architecture, with its
 * vocabulary and position table kept unless overridden (the resolver applies the overrides to the catalog row's
 * sizes). Only classes whose documented defaults name a checkpoint of the catalog are read.
 */
const DEFAULT_CHECKPOINT: ReadonlyMap<string, { readonly id: string; readonly source: string }> = new Map([
  [
    'GPT2Config',
    {
      id: 'gpt2',
      // transformers GPT2Config docstring: "Instantiating a configuration with the defaults will yield a similar
      // configuration to that of the GPT-2 openai-community/gpt2 architecture" (vocab_size 50257, n_positions 1024).
      source: 'transformers GPT2Config defaults = openai-community/gpt2',
    },
  ],
  [
    'BertConfig',
    {
      id: 'bert-base-uncased',
      // transformers BertConfig docstring: defaults "similar to that of the BERT google-bert/bert-base-uncased architecture".
      source: 'transformers BertConfig defaults = google-bert/bert-base-uncased',
    },
  ],
]);

const TARGET = /^transformers\.(?:models\.\w+\.configuration_\w+\.)?(\w+Config)$/;
/** Keys looked at for the `_target_` (a hostile file is not walked further). */
const MAX_KEYS = 2_000;

function configTarget(doc: ConfigDoc): { at: ConfigValue; id: string; source: string } | undefined {
  for (const v of doc.walk().slice(0, MAX_KEYS)) {
    if (v.key !== '_target_' || typeof v.value !== 'string') continue;
    const known = DEFAULT_CHECKPOINT.get(TARGET.exec(v.value.trim())?.[1] ?? '');
    if (known) return { at: v, ...known };
  }
  return undefined;
}

export const hfConfigTarget: ConfigDialect = {
  name: 'hf-config-target',
  words: ['GPT2Config', 'BertConfig'],
  detect: (doc) => configTarget(doc) !== undefined,
  read(doc: ConfigDoc, out: FactSink): void {
    const target = configTarget(doc)!;
    if (out.facts.some((f) => f.kind === 'model.id')) return;
    // A config class builds a model with fresh weights (no from_pretrained): trained from scratch.
    out.add(
      'model.fromScratch',
      true,
      target.at,
      `_target_: ${String(target.at.value)} builds the model from a config (random initialisation)`,
    );
    out.add(
      'model.id',
      target.id,
      target.at,
      `_target_: ${String(target.at.value)} (${target.source}; the sizes written here override it)`,
    );
  },
};
