import type { FileRule } from '../rules';

/**
 * A program that takes a module's flags (`add_model_args(parser)` from its package) and then declares one of them
 * again with no default of its own (`parser.add_argument("--model-path", default=[], action="append")` under
 * `conflict_handler="resolve"`: a server of several models, each named on the command line). The module's default
 * for that flag is not this program's: what the modules it links to work out from the flag's default there (a model
 * id, its size) is left out of this run (the link `passes` the flag, as a launch line passing it would), so the
 * model stays unknown rather than the module's default.
 */

/** The values of an empty default: none, an empty list, an empty string. */
const EMPTY_DEFAULT = /^(?:None|\[\]|""|'')$/;
/** A flag naming the model loaded. */
const MODEL_FLAG = /^(?:model_path|model_name_or_path|model_name|model_id|base_model)$/;
/** Flags looked at per file. */
const MAX_FLAGS = 200;

export const redeclaredFlags: FileRule = {
  framework: 'python',
  phase: 'after-calls',
  words: ['add_argument'],
  read: (index, ctx) => {
    if (!ctx.text.includes('conflict_handler') || !ctx.hasMainGuard) return;
    const emptied: string[] = [];
    let looked = 0;
    for (const call of index.calls) {
      if (ctx.callee(call).last !== 'add_argument' || ++looked > MAX_FLAGS) continue;
      const args = call.childForFieldName('arguments')?.namedChildren ?? [];
      const flag = /^["']--([A-Za-z][\w-]{0,60})["']$/.exec(args[0]?.text ?? '');
      if (!flag) continue;
      const keyword = (name: string) =>
        args.find((a) => a?.type === 'keyword_argument' && a.childForFieldName('name')?.text === name);
      const value = keyword('default')?.childForFieldName('value')?.text;
      if (value === undefined || !EMPTY_DEFAULT.test(value)) continue;
      const name = flag[1].replace(/-/g, '_');
      emptied.push(name);
      if (MODEL_FLAG.test(name) && !ctx.facts.some((f) => f.kind === 'model.id' && f.value !== null))
        ctx.add(
          'model.id',
          null,
          call,
          `\`--${flag[1]}\` declared again with default ${value}: the models are given when the program is run`,
          'low',
        );
    }
    if (emptied.length === 0) return;
    for (let i = 0; i < ctx.facts.length; i++) {
      const f = ctx.facts[i];
      if (f.kind !== 'link.module') continue;
      ctx.facts[i] = { ...f, redeclared: [...new Set([...(f.redeclared ?? []), ...emptied])] };
    }
  },
};
