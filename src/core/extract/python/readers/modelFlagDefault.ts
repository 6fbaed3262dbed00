import { keywordArgument, stringLiteral } from '../../pythonValues';
import type { FileRule } from '../rules';

/**
 * The model a flag-driven program loads when `--model-path` is not given: `add_argument("--model-path",
 * default="org/name")` in an evaluation, serving or chat script whose loading call is a function the
 * repository defines elsewhere (`load_pretrained_model(args.model_path, ...)`, a model worker's engine
 * args), so no loader call in this file names it. Only a Hub id (`org/name`) counts: a local folder
 * (`./checkpoints/x`) names no model anyone can size. Read after the calls, and only when they named no
 * model: a loader this file calls with the flag names it itself.
 */

/** Flags that hold the model to load (dashes and underscores alike). */
const MODEL_FLAGS = new Set(['model_path', 'model_name_or_path', 'model', 'model_name', 'model_id', 'base_model']);
/** `org/name`, as the Hub writes ids. */
const HUB_ID = /^[A-Za-z0-9][\w.-]{0,95}\/[A-Za-z0-9][\w.-]{0,95}$/;

export const modelFlagDefault: FileRule = {
  framework: 'python',
  phase: 'after-calls',
  words: ['add_argument'],
  read: (index, ctx) => {
    if (ctx.facts.some((f) => f.kind === 'model.id')) return;
    if (!/__name__\s*==\s*["']__main__["']/.test(ctx.text)) return;
    for (const node of index.calls) {
      const { last } = ctx.callee(node);
      if (last !== 'add_argument') continue;
      const args = node.childForFieldName('arguments');
      if (!args) continue;
      const flag = args.namedChildren.map((c) => (c ? stringLiteral(c) : null)).find((s) => s?.startsWith('--'));
      if (!flag || !MODEL_FLAGS.has(flag.slice(2).replace(/-/g, '_'))) continue;
      const def = keywordArgument(args, 'default');
      const value = def ? stringLiteral(def) : null;
      if (!def || !value || !HUB_ID.test(value)) continue;
      ctx.add('model.id', value, def, `default of ${flag}: the model loaded when the flag is not given`, 'medium');
      return;
    }
  },
};
