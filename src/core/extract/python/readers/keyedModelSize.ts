import { atModuleLevel } from '../../pythonValues';
import { onDefaultPath } from '../branches';
import type { PythonReadContext } from '../context';
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
/** Dict names looked up per file (a script sets keys of one or two; a hostile file of many is not searched for each). */
const MAX_DICT_NAMES = 32;
/** Per file, whether each dict name is unpacked into a call (`(**name)`): one search of the text per name, however many keys are set. */
const UNPACKED = new WeakMap<PythonReadContext, Map<string, boolean>>();
function unpacked(ctx: PythonReadContext, name: string): boolean {
  let known = UNPACKED.get(ctx);
  if (!known) UNPACKED.set(ctx, (known = new Map<string, boolean>()));
  let is = known.get(name);
  if (is === undefined && known.size >= MAX_DICT_NAMES) return false;
  if (is === undefined) known.set(name, (is = new RegExp(`\\(\\s*\\*\\*${name}\\s*\\)`).test(ctx.text)));
  return is;
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
    if (!atModuleLevel(node) || !unpacked(ctx, target[1]) || !onDefaultPath(node, ctx.symbols)) return;
    ctx.addResolved(kind, right, `${left.text}, unpacked into the model's config`);
  },
};
