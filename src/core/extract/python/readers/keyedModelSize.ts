import type { Node } from 'web-tree-sitter';
import { onDefaultPath } from '../branches';
import { sizingKind } from '../keywords';
import type { StatementRule } from '../rules';

/**
 * `model_args['vocab_size'] = meta_vocab_size if meta_vocab_size is not None else 50304`, then
 * `GPTConfig(**model_args)`: a size set by its key in the dict the model's config is built from (nanoGPT-style
 * training scripts fill `model_args` from their constants, then set the vocabulary by key). Read where the dict is
 * unpacked into a call of the same file, the statement is at module level (not in a function or class) and on the
 * path the defaults take, and only for a model size no other statement gave a value.
 */

/** `name['key']` or `name["key"]`. */
const KEYED_TARGET = /^([A-Za-z_]\w{0,60})\[[ \t]*["']([A-Za-z_]\w{0,60})["'][ \t]*\]$/;
/** Levels climbed to tell module level from a function's or class's body. */
const MAX_CLIMB = 40;

function atModuleLevel(node: Node): boolean {
  let at: Node | null = node.parent;
  for (let up = 0; at && up < MAX_CLIMB; up++, at = at.parent) {
    if (at.type === 'function_definition' || at.type === 'class_definition' || at.type === 'lambda') return false;
    if (at.type === 'module') return true;
  }
  return false;
}

export const keyedModelSize: StatementRule = {
  framework: 'pytorch',
  nodeType: 'assignment',
  words: ['vocab_size', 'n_vocab', 'padded_vocab_size'],
  read: (node, ctx) => {
    const { left, right } = ctx.syntax.sidesOf(node);
    if (left?.type !== 'subscript' || !right) return;
    const target = KEYED_TARGET.exec(left.text);
    if (!target) return;
    const kind = sizingKind(target[2]);
    if (kind !== 'model.vocabSize') return;
    if (ctx.facts.some((f) => f.kind === kind && f.value !== null)) return;
    if (!new RegExp(`\\(\\s*\\*\\*${target[1]}\\s*\\)`).test(ctx.text)) return;
    if (!atModuleLevel(node) || !onDefaultPath(node, ctx.symbols)) return;
    ctx.addResolved(kind, right, `${left.text}, unpacked into the model's config`);
  },
};
