import type { Fact } from '../facts';
import type { NotebookSource } from './notebookConfigs';

/**
 * Notebooks that fetch a released model by cloning its Hugging Face repository with git (the Hub's "Clone this model
 * repository" instructions: `git lfs install` then `git clone https://huggingface.co/<owner>/<name>`; the older
 * `git lfs clone` / `git-lfs clone` spelling does the same) and then build the network from the program's own class
 * and load the checkpoint file the clone brought (`torch.load("Models/x/epoch_100.pth")`). The code names no model;
 * the clone does: the model is that repository. Read only when the notebook clones exactly one model repository
 * (not a `datasets/` or `spaces/` one) and its own reading left the model unnamed (a `model.id` of null). The size
 * stays unknown: a repository name states none.
 */

/** Notebooks with more shell text than this are not a demo's few set-up commands. */
const MAX_LINES = 5_000;
/** Distinct repositories looked at (a notebook cloning many is not fetching one model). */
const MAX_REPOS = 8;
/**
 * `git clone [flags] https://huggingface.co/owner/name[.git] [dir]`, `git lfs clone …`, `git-lfs clone …`, after an
 * optional `!` shell escape (a flag may take a number, `--depth 1`): group 1 `owner/name`. Each piece bounded; anchored at the line start.
 */
const HUB_CLONE =
  /^[ \t]*!?[ \t]*git(?:-lfs|[ \t]+lfs)?[ \t]+clone[ \t]+(?:-\S{1,40}[ \t]+(?:\d{1,6}[ \t]+)?){0,6}https?:\/\/(?:www\.)?huggingface\.co\/([A-Za-z0-9][\w.-]{0,95}\/[A-Za-z0-9][\w.-]{0,95}?)(?:\.git)?\/?(?:[ \t]|$)/;
const NOT_MODEL_OWNER = /^(?:datasets|spaces)\//;

/** The one Hugging Face model repository the notebook clones, or undefined (none, or several). */
export function clonedHubModel(sources: readonly NotebookSource[]): string | undefined {
  const repos = new Set<string>();
  let lines = 0;
  for (const s of sources) {
    if (!s.text.includes('huggingface.co/') || !s.text.includes('clone')) continue;
    for (const line of s.text.split('\n')) {
      if (++lines > MAX_LINES) return undefined;
      const m = HUB_CLONE.exec(line);
      if (!m || NOT_MODEL_OWNER.test(m[1])) continue;
      repos.add(m[1]);
      if (repos.size > MAX_REPOS) return undefined;
    }
  }
  return repos.size === 1 ? [...repos][0] : undefined;
}

/** The notebook's facts with its unnamed model named after the one model repository it clones. */
export function withClonedHubModel(facts: readonly Fact[], sources: readonly NotebookSource[]): Fact[] {
  const unnamed = facts.filter((f) => f.kind === 'model.id' && f.value === null);
  if (unnamed.length === 0 || facts.some((f) => f.kind === 'model.id' && typeof f.value === 'string'))
    return [...facts];
  const repo = clonedHubModel(sources);
  if (repo === undefined) return [...facts];
  return facts.map((f) =>
    f === unnamed[0]
      ? {
          ...f,
          value: repo,
          confidence: 'low' as const,
          detail: `the notebook clones the Hugging Face model repository ${repo} (git clone) and loads the checkpoint it brings`,
        }
      : f,
  );
}
