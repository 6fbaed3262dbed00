import { findModel } from '../../knowledge';
import { MODELS } from '../../knowledge/data/models';

/**
 * Checkpoint folders name the Hub repository without its organisation
 * (`/tmp/Meta-Llama-3-8B-Instruct/`, `checkpoint_dir: /tmp/Qwen2.5-3B-Instruct`), the way
 * `tune download --output-dir` and `huggingface-cli download --local-dir` write them. This
 * finds the catalog model whose repository name is that folder name, when only one has it.
 */

const byRepoName = new Map<string, string | null>();
for (const model of MODELS) {
  for (const id of [model.id, ...model.aliases]) {
    const slash = id.lastIndexOf('/');
    if (slash < 0) continue;
    const name = id.slice(slash + 1).toLowerCase();
    const existing = byRepoName.get(name);
    // Two organisations publishing the same repository name: the folder alone cannot tell which.
    byRepoName.set(name, existing === undefined || existing === model.id ? model.id : null);
  }
}

/** The catalog id of a repository named `name` (folder name, any case), if exactly one model has it. */
export function catalogIdForRepoName(name: string): string | undefined {
  const trimmed = name.trim().replace(/(?<!\/)\/+$/, '');
  const direct = findModel(trimmed);
  if (direct) return direct.id;
  return byRepoName.get(trimmed.slice(trimmed.lastIndexOf('/') + 1).toLowerCase()) ?? undefined;
}

/** The last folder of a checkpoint path that names a model (skipping torchtune's `original/` and the like). */
export function checkpointFolderName(path: string): string | undefined {
  const parts = path
    .replace(/\\/g, '/')
    .split('/')
    .filter((p) => p && p !== '.' && p !== '..' && !p.startsWith('$'));
  while (
    parts.length > 0 &&
    /^(original|hf|consolidated|safetensors|checkpoints?|model|[^/]*\.(model|json|safetensors|bin|pth|pt))$/i.test(
      parts[parts.length - 1],
    )
  )
    parts.pop();
  const last = parts[parts.length - 1];
  return last && /[a-z]/i.test(last) && /^[\w.-]{2,96}$/.test(last) ? last : undefined;
}
