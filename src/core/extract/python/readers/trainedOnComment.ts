import { trainedOnStatement } from '../../config/headerHardware';
import type { FileRule } from '../rules';

/**
 * "# By default, models are trained on 8 GPUs with 2 images per GPU" in a Python config (OpenMMLab-style
 * `_base_` configs, where `samples_per_gpu` is per device and the launcher decides the count): the authors'
 * statement of the devices the recipe was trained on, read as the YAML/JSON configs' "trained on N GPUs"
 * comments are (config/headerHardware.ts, trainedOnStatement: the explicit form only, one statement, low
 * confidence). Only comments at module level, bounded, and never over a count the code states.
 */

/** Module-level statements looked at (a config module has far fewer). */
const MAX_STATEMENTS = 2000;
/** What every "trained on N GPUs" statement holds (the start of headerHardware's TRAINED_ON, case-insensitive too). */
const MENTIONS_TRAINED = /\btrained\s{1,3}(?:on|with|using)\s{1,3}\d/i;

export const trainedOnComment: FileRule = {
  framework: 'config-comment',
  phase: 'after-calls',
  words: ['trained on', 'trained with', 'trained using'],
  read: (_index, ctx) => {
    if (ctx.facts.some((f) => f.kind === 'hardware.devices' && f.value !== null)) return;
    // The comment's words are in the text: one search spares the walk over every module-level statement.
    if (!MENTIONS_TRAINED.test(ctx.text)) return;
    const root = ctx.tree.rootNode;
    const comments: Array<{ line: number; text: string; index: number }> = [];
    for (let i = 0; i < root.namedChildCount && i < MAX_STATEMENTS; i++) {
      const node = root.namedChild(i);
      if (node?.type !== 'comment') continue;
      comments.push({ line: node.startPosition.row, text: node.text.replace(/^#+[ \t]*/, ''), index: i });
    }
    const found = trainedOnStatement(comments);
    if (!found) return;
    const node = root.namedChild(comments.find((c) => c.line === found.line)!.index)!;
    ctx.add('hardware.devices', found.count, node, `comment "${found.text}": trained on ${found.count} GPUs`, 'low');
    if (found.gpu) ctx.add('hardware.accelerator', found.gpu, node, `comment "${found.text}"`, 'low');
  },
};
