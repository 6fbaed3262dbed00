import type { ConfigDoc } from './dialect';
import { autoencoderParams, type DiffusionModuleSize } from './diffusionUnetParams';

/**
 * An instantiate-from-config module that trains a GPT over the codes of a first-stage autoencoder
 * (`model.params.transformer_config: {target: ...GPT, params: {vocab_size, block_size, n_layer, n_embd}}` beside
 * `first_stage_config` and `cond_stage_config`): the two-stage image transformers of the VQGAN family.
 *
 * The GPT follows minGPT's layout (karpathy/minGPT, mingpt/model.py, the GPT class these configs build): a token
 * table vocab × d and a learned position table block × d; per layer two LayerNorms (2d each), key, query, value and
 * output projections (4 × (d² + d)) and a 4d MLP (d·4d + 4d + 4d·d + d), 12d² + 13d in all; a final LayerNorm and an
 * output head d × vocab without bias. Heads do not change the count. GPT-2 small's shape (12 layers, 768 wide, 50,257
 * tokens, 1,024 positions) comes to 163.0M this way: its 124M plus the untied 38.6M head, as minGPT builds it.
 *
 * The first stage (and a conditioning stage that is another autoencoder) is counted from its `ddconfig` as the
 * diffusion modules' first stage is (diffusionUnetParams.ts): they are loaded frozen from their `ckpt_path` and run
 * forward only, yet the module holds them. A conditioning stage given as `__is_first_stage__` is the same network,
 * counted once; one of another class (a coordinate or dummy stage) is named as not sized.
 */
const MAX_WIDTH = 65_536;
const MAX_LAYERS = 1024;

function positive(n: number | undefined, max: number): n is number {
  return n !== undefined && Number.isInteger(n) && n > 0 && n <= max;
}

/** minGPT's parameter count from its constructor settings at `path` (the `params` of a `...GPT` target). */
export function minGptParams(doc: ConfigDoc, path: string): number | undefined {
  const vocab = doc.num(`${path}.vocab_size`);
  const block = doc.num(`${path}.block_size`);
  const L = doc.num(`${path}.n_layer`);
  const d = doc.num(`${path}.n_embd`);
  if (!positive(vocab, 1e7) || !positive(block, 1e7) || !positive(L, MAX_LAYERS) || !positive(d, MAX_WIDTH))
    return undefined;
  return vocab * d + block * d + L * (12 * d * d + 13 * d) + 2 * d + d * vocab;
}

export function transformerModuleSize(doc: ConfigDoc): DiffusionModuleSize | undefined {
  const target = doc.str('model.params.transformer_config.target') ?? '';
  if (!/(^|\.)GPT$/.test(target)) return undefined;
  const gpt = minGptParams(doc, 'model.params.transformer_config.params');
  if (gpt === undefined) return undefined;
  const parts = [`GPT ${millions(gpt)}`];
  const unsized: string[] = [];
  let total = gpt;
  for (const [key, what] of [
    ['first_stage_config', 'first stage'],
    ['cond_stage_config', 'conditioning stage'],
  ] as const) {
    const at = doc.get(`model.params.${key}`);
    if (!at || (at.shape === 'scalar' && /^__is_(first_stage|unconditional)__$/.test(String(at.value)))) continue;
    const stage = doc.str(`model.params.${key}.target`);
    const n =
      stage && doc.has(`model.params.${key}.params.ddconfig`)
        ? autoencoderParams(doc, `model.params.${key}.params`, stage)
        : undefined;
    if (n === undefined) unsized.push(`${what}${stage ? ` (${stage.split('.').pop()})` : ''}`);
    else {
      total += n;
      parts.push(`${what} ${millions(n)}`);
    }
  }
  const detail = `${parts.join(' + ')} = ${millions(total)}${unsized.length > 0 ? `; not sized from this config: ${unsized.join(', ')}` : ''}`;
  return { params: total, detail };
}

function millions(n: number): string {
  return n >= 1e9 ? `${(n / 1e9).toFixed(2)}B` : `${(n / 1e6).toFixed(1)}M`;
}
