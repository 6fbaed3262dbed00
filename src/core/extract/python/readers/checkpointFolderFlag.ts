import { releasedFolderModel } from '../../shell/checkpointPath';
import { startsARun } from '../../../facts';
import type { FileRule } from '../rules';

/**
 * A serving or inference program that loads its package's model from a checkpoint folder a flag defaults to:
 *
 *     parser.add_argument("--lm-checkpoint-path", type=Path, default="checkpoints/<model-name>")
 *     ...
 *     engine = load_engine(checkpoint_path=args.lm_checkpoint_path, ...)
 *
 * Released models are downloaded into a folder named after them (`huggingface-cli download org/name --local-dir
 * checkpoints/name`), so when the launch gives no other path the program loads that model. Read only when the file
 * already starts a run and no rule named its model, when the flag's value is used in the file (`args.<flag>`), and
 * only when the folder's name is a model the catalog knows (a folder of any other name may hold anything). A default
 * that ends in a weights file (`…/codec.pth`) is a component's file and is not read here.
 */

/** `add_argument("--x-checkpoint-path", … default="…")` on one call (a few lines at most). */
const FLAG =
  /add_argument\([ \t\r\n]{0,40}["']--((?:[\w]{1,40}[-_])?(?:checkpoint|ckpt)[-_](?:path|dir))["']([^)]{0,400})\)/g;
const DEFAULT = /default[ \t]*=[ \t]*(?:(?:pathlib\.)?Path\()?[ \t]*["']([^"'\n]{1,300})["']/;
const MAX_FLAGS = 20;

export const checkpointFolderFlag: FileRule = {
  framework: 'python',
  phase: 'after-calls',
  words: ['checkpoint-path', 'checkpoint_path', 'ckpt-path', 'ckpt_path', 'checkpoint-dir', 'checkpoint_dir'],
  read: (_index, ctx) => {
    if (ctx.facts.some((f) => f.kind === 'model.id' && f.value !== null)) return;
    if (!ctx.facts.some(startsARun)) return;
    let seen = 0;
    for (const m of ctx.text.matchAll(FLAG)) {
      if (++seen > MAX_FLAGS) return;
      const path = DEFAULT.exec(m[2])?.[1]?.trim().replace(/\/+$/, '');
      const known = path ? releasedFolderModel(path) : undefined;
      const dest = m[1].replace(/-/g, '_');
      if (!path || !known || !new RegExp(`\\.${dest}\\b`).test(ctx.text)) continue;
      const offset = m.index + m[0].indexOf(path, m[0].indexOf('default'));
      const before = ctx.text.slice(0, offset);
      const row = before.split('\n').length - 1;
      const column = offset - (before.lastIndexOf('\n') + 1);
      const node = ctx.tree.rootNode.descendantForPosition({ row, column }) ?? ctx.tree.rootNode;
      ctx.add(
        'model.id',
        path,
        node,
        `default of \`--${m[1]}\`: the folder of the released ${known} checkpoint the program loads`,
        'medium',
      );
      ctx.amendLast({ fromFlags: [dest] });
      return;
    }
  },
};
