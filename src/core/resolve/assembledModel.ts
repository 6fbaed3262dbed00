import { catalogIdForRepoName, checkpointFolderName } from '../extract/config/hubNames';
import { findModel } from '../knowledge';
import { sizeFromModelName } from '../knowledge/modelName';
import { PART_SEPARATOR } from '../runVocabulary';

/**
 * A model assembled from parts, named `language + vision` by the readers (a vision-language model built from a
 * vision encoder and a language model: LLaVA's `--model_name_or_path` with `--vision_tower`, InternVL's
 * `--llm_path` with `--vision_path`, nanoVLM's `lm_model_type` with `vit_model_type`). Its size is the sum of
 * its parts', each found in the catalog (by id, or by the folder a local copy sits in) or read from its name;
 * when any part has no size the whole stays unknown. An image encoder taken from an image–text pair (SigLIP,
 * CLIP) counts its image tower only (VISION_ENCODERS). The connector between the parts (an MLP of a few tens of
 * millions of parameters) is left out.
 */

/**
 * Image encoders a vision-language model keeps from an image–text pair (its text tower is dropped), by the size
 * word of their names: the catalog counts both towers of such a pair, so the encoder's own size is used here.
 */
const VISION_ENCODERS: ReadonlyArray<{ readonly name: RegExp; readonly params: number; readonly source: string }> = [
  {
    name: /siglip2?-(?:base|b)-/i,
    params: 86e6,
    source: 'SigLIP 2 (Tschannen et al. 2025, arXiv:2502.14786): ViT-B encoder, 86M',
  },
  {
    name: /siglip2?-(?:large|l)-/i,
    params: 303e6,
    source: 'SigLIP 2 (Tschannen et al. 2025, arXiv:2502.14786): ViT-L encoder, 303M',
  },
  {
    name: /siglip2?-so400m/i,
    params: 400e6,
    source: 'SigLIP 2 (Tschannen et al. 2025, arXiv:2502.14786): So400m encoder, 400M',
  },
  {
    name: /clip-vit-base-/i,
    params: 86e6,
    source: 'ViT-Base image tower: 86M (Dosovitskiy et al. 2021, arXiv:2010.11929, Table 1)',
  },
  {
    name: /clip-vit-large-/i,
    params: 303_507_456,
    source: 'CLIP ViT-L/14 vision tower: 303,507,456 (llava-hf/llava-1.5-7b-hf config.json, as in the catalog)',
  },
];

const MAX_PARTS = 4;

export interface AssembledSize {
  readonly params: number;
  /** Every part was found in the catalog (else at least one size is read from a name). */
  readonly fromCatalog: boolean;
  /** How each part was sized, for the assumption's wording. */
  readonly detail: string;
}

/** Words of a name looked back over from its size for the base model it names (`llava-onevision-qwen2-7b-ov`). */
const MAX_BASE_WORDS = 4;

/**
 * The language model a derived checkpoint is named after: LLaVA-style checkpoints name the LLM they were trained
 * from, family and size, inside their own name (`lmms-lab/llava-onevision-qwen2-7b-ov` is Qwen2-7B with SigLIP,
 * `llava-v1.6-mistral-7b`, `llavanext-…-Qwen_Qwen2-7B-Instruct-…` folders). The words ending at the name's size
 * that are a catalog repository's name (`qwen2-7b` → Qwen/Qwen2-7B) give that model's count instead of the
 * rounded figure the name states (7.62B, not 7B); the longest such run of words wins.
 */
function baseModelInName(
  name: string,
  size: { readonly text: string; readonly index?: number },
): { readonly id: string; readonly params: number; readonly text: string } | undefined {
  if (size.index === undefined || name.length > 300) return undefined;
  const end = size.index + (/^[\d._p]+[mb]/i.exec(size.text)?.[0].length ?? size.text.length);
  const head = name.slice(0, end);
  let best: { id: string; params: number; text: string } | undefined;
  let start = size.index;
  for (let k = 0; k < MAX_BASE_WORDS; k++) {
    const sep = Math.max(
      head.lastIndexOf('-', start - 2),
      head.lastIndexOf('_', start - 2),
      head.lastIndexOf('/', start - 2),
    );
    start = sep + 1;
    const words = head.slice(start);
    if (/[a-z]/i.test(words.slice(0, words.length - size.text.length))) {
      const id = catalogIdForRepoName(words);
      const row = id ? findModel(id) : undefined;
      if (row && row.modality === 'text') best = { id: row.id, params: row.params, text: words };
    }
    if (sep < 0) break;
  }
  return best;
}

export function isAssembledName(name: string | null | undefined): name is string {
  return !!name && name.includes(PART_SEPARATOR);
}

export function assembledModelSize(name: string): AssembledSize | undefined {
  const parts = name.split(PART_SEPARATOR).map((p) => p.trim());
  if (parts.length < 2 || parts.length > MAX_PARTS) return undefined;
  let params = 0;
  let fromCatalog = true;
  const said: string[] = [];
  for (const [k, part] of parts.entries()) {
    const folder = checkpointFolderName(part);
    const encoder = k > 0 ? VISION_ENCODERS.find((e) => e.name.test(part)) : undefined;
    if (encoder) {
      params += encoder.params;
      said.push(`${part}: image encoder ${(encoder.params / 1e6).toFixed(0)}M (${encoder.source})`);
      continue;
    }
    const id = findModel(part)?.id ?? (folder ? catalogIdForRepoName(folder) : undefined);
    const row = id ? findModel(id) : undefined;
    if (row) {
      // A language part that is itself a vision-language checkpoint (`liuhaotian/llava-v1.5-13b` with its
      // `--vision_tower`) already holds its image encoder: it is the whole model.
      if (k === 0 && row.modality === 'multimodal')
        return {
          params: row.params,
          fromCatalog: true,
          detail: `${part}: ${(row.params / 1e9).toPrecision(3)}B (catalog ${row.id}, image encoder included)`,
        };
      params += row.params;
      said.push(`${part}: ${(row.params / 1e9).toPrecision(3)}B (catalog ${row.id})`);
      continue;
    }
    const named = sizeFromModelName(folder ?? part);
    if (!named) return undefined;
    const base = k === 0 ? baseModelInName(folder ?? part, named) : undefined;
    if (base) {
      params += base.params;
      fromCatalog = false;
      said.push(`${part}: ${(base.params / 1e9).toPrecision(3)}B (${base.text} in its name, catalog ${base.id})`);
      continue;
    }
    params += named.params;
    fromCatalog = false;
    said.push(`${part}: ${named.text} (its name)`);
  }
  return { params, fromCatalog, detail: said.join(' + ') };
}
