import { evaluate, keywordArgument } from '../../pythonValues';
import { HUB_DOWNLOAD } from '../../localModelFolder';
import type { CallRule } from '../rules';

/** A Hub model id as `snapshot_download` takes it (`org/name`). */
const HUB_REPO = /^[A-Za-z0-9][\w.-]{0,95}\/[A-Za-z0-9][\w.-]{0,95}$/;

/**
 * `huggingface_hub.snapshot_download(repo_id="org/name", local_dir=...)` (huggingface.co/docs/huggingface_hub,
 * "Download files from the Hub"): the whole model repository fetched into a folder. Read as a download, the
 * run's model only where the model is a local folder whose name states none (resolve/factsToSpec.ts); a dataset
 * or Space download (`repo_type="dataset"`) is not a model.
 */
export const hubSnapshotDownload: CallRule = {
  framework: 'huggingface_hub',
  callees: ['snapshot_download'],
  words: ['snapshot_download'],
  read: ({ node: call, ctx }) => {
    const args = call.childForFieldName('arguments');
    if (!args) return;
    const type = keywordArgument(args, 'repo_type');
    if (type && evaluate(type, ctx.symbols)?.value !== 'model') return;
    const repo =
      keywordArgument(args, 'repo_id') ??
      args.namedChildren.find((c) => c !== null && c.type !== 'keyword_argument' && c.type !== 'comment');
    const r = repo ? evaluate(repo, ctx.symbols) : undefined;
    if (!repo || typeof r?.value !== 'string' || !HUB_REPO.test(r.value)) return;
    ctx.add('model.downloaded', r.value, repo, `${HUB_DOWNLOAD}${r.value}`, 'low');
  },
};

/**
 * A checkpoint named by its Hub repository in a keyword of its own (`timesfm.TimesFmCheckpoint(
 * huggingface_repo_id="google/timesfm-1.0-200m-pytorch")`, handed to the model the program builds: TimesFM 1.x's
 * loading API): the model the program runs. Read on any call; the call is then handed on to the rules for its callee.
 */
export const hubRepoKeyword: CallRule = {
  framework: 'huggingface_hub',
  words: ['huggingface_repo_id'],
  when: ({ args, argsText }) =>
    args !== null && argsText.includes('huggingface_repo_id') && keywordArgument(args, 'huggingface_repo_id') !== null,
  read: ({ args, full, ctx }) => {
    const repo = args ? keywordArgument(args, 'huggingface_repo_id') : null;
    const r = repo ? evaluate(repo, ctx.symbols) : undefined;
    if (repo && typeof r?.value === 'string' && HUB_REPO.test(r.value))
      ctx.add(
        'model.id',
        r.value,
        repo,
        `huggingface_repo_id= in ${full}: the checkpoint the model is given`,
        'medium',
      );
    return false;
  },
};
