import { catalogIdForRepoName, checkpointFolderName } from '../extract/config/hubNames';
import { findModel } from '../knowledge';
import { sizeFromModelName } from '../knowledge/modelName';

/**
 * A model assembled from parts, named `language + vision` by the readers (a vision-language model built from a
 * vision encoder and a language model: LLaVA's `--model_name_or_path` with `--vision_tower`, InternVL's
 * `--llm_path` with `--vision_path`, nanoVLM's `lm_model_type` with `vit_model_type`). Its size is the sum of
 * its parts', each found in the catalog (by id, or by the folder a local copy sits in) or read from its name;
 * when any part has no size the whole stays unknown. The connector between the parts (an MLP of a few tens of
 * millions of parameters) is left out.
 */

/** How the readers join the parts of an assembled model's name. */
export const PART_SEPARATOR = ' + ';
const MAX_PARTS = 4;

export interface AssembledSize {
  readonly params: number;
  /** Every part was found in the catalog (else at least one size is read from a name). */
  readonly fromCatalog: boolean;
  /** How each part was sized, for the assumption's wording. */
  readonly detail: string;
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
  for (const part of parts) {
    const folder = checkpointFolderName(part);
    const id = findModel(part)?.id ?? (folder ? catalogIdForRepoName(folder) : undefined);
    const row = id ? findModel(id) : undefined;
    if (row) {
      params += row.params;
      said.push(`${part}: ${(row.params / 1e9).toPrecision(3)}B (catalog ${row.id})`);
      continue;
    }
    const named = sizeFromModelName(folder ?? part);
    if (!named) return undefined;
    params += named.params;
    fromCatalog = false;
    said.push(`${part}: ${named.text} (its name)`);
  }
  return { params, fromCatalog, detail: said.join(' + ') };
}
