import { findModelByName } from '../../../knowledge';
import { sizeFromModelName } from '../../../knowledge/modelName';
import { evaluate } from '../../pythonValues';
import { escapeRegExp, flagsOf, nodeRange } from '../context';
import type { StatementRule } from '../rules';

/**
 * A model package's table of named configs, looked up by the model's name and handed to the class that builds it:
 * `cfg = MODEL_CONFIGS["vit-b16"]` or `config = CONFIGS[args.model_type]` (the flag's default naming the entry),
 * then `Pipeline(config=cfg, ...)` / `VisionTransformer(config, ...)`. The key is the name the package gives the
 * model, so it names the run's model. Read only where the key states a size (`t2v-14B`, `xl-1.3b`) or names a catalog
 * model: a bare key (`base`, `default`) says nothing a reader could size. The table must come from another module
 * (a table written in this file is read through its values), and the config must be handed to a call.
 */

/** The table's name: `CONFIGS`, `MODEL_CONFIGS`, `model_configs`, `arch_configs`. */
const TABLE_NAME = /^[A-Za-z_]\w{0,60}$/;
const CONFIGS_SUFFIX = /configs$/i;

export const configRegistry: StatementRule = {
  framework: 'python',
  nodeType: 'assignment',
  words: ['CONFIGS[', 'configs['],
  read: (node, ctx) => {
    const { left, right } = ctx.syntax.sidesOf(node);
    if (left?.type !== 'identifier' || right?.type !== 'subscript') return;
    const table = right.childForFieldName('value');
    const key = right.childForFieldName('subscript');
    if (table?.type !== 'identifier' || !key || !TABLE_NAME.test(table.text) || !CONFIGS_SUFFIX.test(table.text))
      return;
    // A table written in this file is read through its own values.
    if (ctx.symbols.lookup(table.text) !== undefined) return;
    if (ctx.facts.some((f) => f.kind === 'model.id' && f.value !== null)) return;
    const r = evaluate(key, ctx.symbols);
    const name = typeof r?.value === 'string' ? r.value.trim() : '';
    if (!name || name.length > 100) return;
    const row = findModelByName(name);
    if (!row && sizeFromModelName(name) === undefined) return;
    // The config handed to a call: `Cls(config=cfg, ...)`, `Cls(cfg, ...)`.
    const handed = new RegExp(
      `[(,][ \\t\\n]{0,80}(?:config[ \\t]*=[ \\t]*)?${escapeRegExp(left.text)}[ \\t\\n]{0,80}[,)]`,
    );
    if (!handed.test(ctx.text)) return;
    const detail = `${left.text} = ${table.text}[${key.text}]: the package's config named '${name}'${r?.via ? ` (${r.via})` : ''}, handed to the model's class`;
    ctx.add('model.id', row?.id ?? name, key, detail, 'medium');
    const flags = r?.via ? flagsOf(r.via) : [];
    ctx.amendLast({
      ...(r?.via ? { originLine: r.origin.startPosition.row } : {}),
      ...(r?.origin.type === 'string' ? { edit: { valueRange: nodeRange(r.origin) } } : {}),
      ...(flags.length > 0 ? { fromFlags: flags } : {}),
    });
  },
};
