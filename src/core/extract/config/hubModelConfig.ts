import type { ConfigDialect } from './dialect';

/**
 * A Hugging Face model's `config.json` (or a copy a repository ships to build a network from scratch: `--model_config
 * configs/llama_60m.json` handed to `AutoConfig.from_pretrained` then `from_config`). The generic key table reads its
 * sizes; what the keys alone do not say is in the architecture its `model_type` names:
 *
 * - A gated feed-forward (SwiGLU/GeGLU: `gate_proj`, `up_proj`, `down_proj`, three d × intermediate_size matrices,
 *   where the size formula counts two), said as model.gatedFfn: the width is counted 1.5 times, once, also over a catalog row's own gating.
 * - Whether the output layer shares the token embedding's weights: `tie_word_embeddings` when written, else the
 *   architecture's default.
 * - The architecture's name (`llama`) as the model's, at low confidence: a model the code names wins.
 *
 * Sources, transformers' configuration and modeling files per architecture (src/transformers/models/<type>/):
 * `LlamaConfig(..., tie_word_embeddings=False)` and `LlamaMLP` gate/up/down projections; the same shapes and the same
 * untied default for `MistralConfig`, `Qwen2Config`, `Qwen3Config`, `Phi3Config` (gate_up_proj fused, same size),
 * `OlmoConfig` and `Olmo2Config`; `GemmaConfig`/`Gemma2Config` gated with `tie_word_embeddings=True`.
 * Mixture-of-experts types (Mixtral, Qwen2-MoE) are left to the generic table: their experts are keys of their own.
 */
const ARCHITECTURES: Readonly<Record<string, { readonly tiedByDefault: boolean }>> = {
  llama: { tiedByDefault: false },
  mistral: { tiedByDefault: false },
  qwen2: { tiedByDefault: false },
  qwen3: { tiedByDefault: false },
  phi3: { tiedByDefault: false },
  olmo: { tiedByDefault: false },
  olmo2: { tiedByDefault: false },
  gemma: { tiedByDefault: true },
  gemma2: { tiedByDefault: true },
};

const architectureOf = (type: string | undefined) =>
  type !== undefined && Object.hasOwn(ARCHITECTURES, type.toLowerCase()) ? type.toLowerCase() : undefined;

/**
 * The architecture a model's own name says it is (`mosaic_llama2_7b`, `my-qwen2-0.5b`: a word of the name, its
 * version digits dropped), for a model a repository builds from sizes of its own under a name of its own.
 */
export function architectureNamed(
  name: string,
): { readonly type: string; readonly tiedByDefault: boolean } | undefined {
  for (const word of name.toLowerCase().split(/[^a-z0-9]+/, 12)) {
    const type = architectureOf(word) ?? architectureOf(word.replace(/\d+$/, ''));
    if (type) return { type, tiedByDefault: ARCHITECTURES[type].tiedByDefault };
  }
  return undefined;
}

export const hubModelConfig: ConfigDialect = {
  name: 'hub-model-config',
  words: ['model_type'],
  detect: (doc) =>
    doc.prefix === '' &&
    architectureOf(doc.str('model_type')) !== undefined &&
    doc.num('hidden_size') !== undefined &&
    doc.num('num_hidden_layers') !== undefined,
  read(doc, out) {
    const type = architectureOf(doc.str('model_type'))!;
    const written = doc.get('model_type')!;
    // The width itself is the generic table's reading; the count of matrices is the architecture's.
    out.add('model.gatedFfn', true, written, `model_type ${type}: a gated MLP (3 matrices of d × intermediate_size)`);
    const tying = doc.get('tie_word_embeddings');
    const tied = typeof tying?.value === 'boolean' ? tying.value : ARCHITECTURES[type].tiedByDefault;
    if (!tied)
      out.add(
        'model.untiedHead',
        true,
        tying ?? written,
        tying
          ? 'tie_word_embeddings: false (an output layer of its own)'
          : `model_type ${type}: its config's tie_word_embeddings defaults to false (an output layer of its own)`,
        tying ? 'high' : 'medium',
      );
    if (!out.facts.some((f) => f.kind === 'model.id' && f.value !== null))
      out.add('model.id', type, written, `model_type: ${type} (the architecture the config builds)`, 'low');
  },
};
