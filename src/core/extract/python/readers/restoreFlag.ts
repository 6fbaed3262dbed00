import { startsARun } from '../../../facts';
import type { FileRule } from '../rules';

/**
 * A training program that starts from random weights unless it is handed a checkpoint to start from:
 *
 *     parser.add_argument("--restore_ckpt", help="path to restore a checkpoint")
 *     ...
 *     if args.restore_ckpt is not None:
 *         model.load_state_dict(torch.load(args.restore_ckpt))
 *
 * (RAFT's `--restore_ckpt` and the trackers and flow programs built on it train in stages, each stage started from
 * the previous stage's weights; CosyVoice's `train.py --checkpoint`, the released model's part the recipe fine-tunes). With its own defaults (no value, None) the program trains from scratch; a launch
 * that passes the flag a path starts from those weights: a fine-tune. Read only in a file that trains, for a flag
 * declared without a default (or `default=None`) whose value the file loads.
 */

/** `add_argument("--restore_ckpt", …)` on one call. Group 1: the flag; group 2: the rest of the call. */
const FLAG =
  /add_argument\([ \t\r\n]{0,40}["']--((?:(?:restore|init|initial|pretrained|finetune[-_]from)[-_])?(?:ckpt|checkpoint|weights))["']([^)]{0,400})\)/g;
const MAX_FLAGS = 10;

export const restoreCheckpointFlag: FileRule = {
  framework: 'torch',
  phase: 'after-calls',
  words: ['ckpt', 'checkpoint', 'weights'],
  read: (_index, ctx) => {
    if (!ctx.text.includes('add_argument')) return;
    if (!ctx.facts.some((f) => startsARun(f) && f.kind === 'launch.trainer')) return;
    // A model the program loads decides how it starts; one named only by the `--name` flag's default (RAFT's
    // `--name raft`, read as a model because the catalog knows the name) is built here, from this flag's weights or none.
    const loaded = (f: (typeof ctx.facts)[number]) =>
      f.kind === 'model.id' && f.value !== null && !f.flagDefault?.includes('name');
    if (ctx.facts.some((f) => f.kind === 'model.fromScratch' || loaded(f))) return;
    let seen = 0;
    for (const m of ctx.text.matchAll(FLAG)) {
      if (++seen > MAX_FLAGS) return;
      const rest = m[2];
      if (/default[ \t]*=[ \t]*(?!None\b)[^\s,)]/.test(rest) || /action[ \t]*=/.test(rest)) continue;
      const dest = m[1].replace(/-/g, '_');
      // Its value is loaded: `load(args.restore_ckpt)`, `torch.load(args.init_checkpoint, …)`.
      if (!new RegExp(`\\bload\\w{0,20}\\([^()\\n]{0,80}\\.${dest}\\b`).test(ctx.text)) continue;
      const before = ctx.text.slice(0, m.index);
      const row = before.split('\n').length - 1;
      const column = m.index - (before.lastIndexOf('\n') + 1);
      const node = ctx.tree.rootNode.descendantForPosition({ row, column }) ?? ctx.tree.rootNode;
      ctx.add(
        'model.fromScratch',
        true,
        node,
        `--${m[1]} has no default: the weights start random unless a checkpoint is passed (then a fine-tune)`,
        'medium',
      );
      ctx.amendLast({ fromFlags: [dest], flagDefault: [dest], picks: [['*', false]] });
      return;
    }
  },
};
