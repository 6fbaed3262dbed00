import { sizingKind } from '../keywords';
import type { FileRule } from '../rules';
import { GENERIC_CONFIG, NOT_A_MODEL_CONFIG } from './configTrainer';
import { importedOwnNames } from './modelConstructor';

/**
 * An architecture's config class built with the sizes the program trains or runs: `MiniMindConfig(hidden_size=
 * args.hidden_size, num_hidden_layers=args.num_hidden_layers)`, `LlamaConfig(hidden_size=2048, num_hidden_layers=22,
 * ...)`. transformers names an architecture's config `<Architecture>Config` (its `<Architecture>Model`,
 * `<Architecture>ForCausalLM` take it; the convention of the library's model docs, which repositories writing their
 * own architecture follow), so the class names the model the sizes describe: the run's model is that architecture at
 * those sizes. Read only when nothing else in the file names the model, the call states both a layer count and a
 * width (a config built for a model, not a settings bag), the class is not a trainer's, adapter's or data config
 * (configTrainer.ts lists those), and it is the repository's own (imported from its modules or defined in the file):
 * a library's config (`transformers.LlamaConfig(...)` at new sizes) is that family's template, not a model of that
 * name, and stays unnamed. Low confidence: a checkpoint named anywhere in the run outranks it.
 */
const ARCHITECTURE_CONFIG = /^([A-Z][A-Za-z0-9]{1,40}?)(?:Model)?Config$/;
/** Calls looked at per file. */
const MAX_CALLS = 400;

export const architectureConfig: FileRule = {
  framework: 'python',
  phase: 'after-calls',
  words: ['Config('],
  read: (index, ctx) => {
    if (ctx.facts.some((f) => f.kind === 'model.id' && f.value !== null)) return;
    const own = new Set<string>();
    importedOwnNames(ctx.text, (name) => ARCHITECTURE_CONFIG.test(name), own);
    for (const m of ctx.text.matchAll(/^class[ \t]+([A-Z]\w{0,60}Config)\b/gm)) if (own.size < MAX_CALLS) own.add(m[1]);
    if (own.size === 0) return;
    let seen = 0;
    for (const call of index.calls) {
      if (++seen > MAX_CALLS) return;
      const cls = ctx.callee(call).last;
      const family = own.has(cls) ? ARCHITECTURE_CONFIG.exec(cls)?.[1] : undefined;
      if (!family || NOT_A_MODEL_CONFIG.test(cls) || GENERIC_CONFIG.test(cls) || GENERIC_CONFIG.test(`${family}Config`))
        continue;
      const args = call.childForFieldName('arguments');
      if (!args) continue;
      const kinds = new Set(
        args.namedChildren.flatMap((a) =>
          a?.type === 'keyword_argument' ? [sizingKind(a.childForFieldName('name')?.text ?? '')] : [],
        ),
      );
      if (!kinds.has('model.layers') || !kinds.has('model.hiddenSize')) continue;
      ctx.add(
        'model.id',
        family,
        call.childForFieldName('function') ?? call,
        `${cls}(...) with the sizes it states: the ${family} architecture (its config class names it)`,
        'low',
      );
      return;
    }
  },
};
