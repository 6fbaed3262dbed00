import type { Node } from 'web-tree-sitter';
import { startsARun, type Fact, type FactKind } from '../../../facts';
import { findModel } from '../../../knowledge';
import { arithmetic, evaluate } from '../../pythonValues';
import { nodeRange, type PythonReadContext } from '../context';
import { fromImports } from '../fromImports';
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
 * name, and stays unnamed. Low confidence: a checkpoint named anywhere in the run outranks it. The sizes the call
 * leaves to the class's defaults are looked up in the module that defines it (architectureConfigDefaults, through a
 * link that carries the call's keyword values), also where the model is the repository's own class; not where a
 * catalogued checkpoint is loaded.
 */
const ARCHITECTURE_CONFIG = /^([A-Z][A-Za-z0-9]{1,40}?)(?:Model)?Config$/;
/** Keywords of the config call carried to the defaults' link. */
const MAX_KEYWORDS = 64;
/** Calls looked at per file. */
const MAX_CALLS = 400;

export const architectureConfig: FileRule = {
  framework: 'python',
  phase: 'after-calls',
  words: ['Config('],
  read: (index, ctx) => {
    // A catalogued checkpoint the run loads is sized by the catalog; the repository's own class (ownModelClass) is not.
    if (ctx.facts.some((f) => f.kind === 'model.id' && typeof f.value === 'string' && findModel(f.value))) return;
    const named = ctx.facts.some((f) => f.kind === 'model.id' && f.value !== null);
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
      if (!named)
        ctx.add(
          'model.id',
          family,
          call.childForFieldName('function') ?? call,
          `${cls}(...) with the sizes it states: the ${family} architecture (its config class names it)`,
          'low',
        );
      // The sizes the call leaves to the class's defaults come from the module that defines it.
      const imported = [...fromImports(ctx.text, MAX_CALLS)].find((i) => i.local === cls && !i.module.startsWith('..'));
      if (imported) {
        const file = `${imported.module.replace(/^\./, '').replace(/\./g, '/')}.py`;
        ctx.facts.push({
          kind: 'link.module',
          value: file,
          range: nodeRange(call),
          confidence: 'low',
          detail: `${ARCHITECTURE_DEFAULTS_LINK}${imported.name} from ${file}: the sizes the call leaves to its defaults`,
          functions: [imported.name],
          passedValues: args.namedChildren.slice(0, MAX_KEYWORDS).flatMap((a) => {
            if (a?.type !== 'keyword_argument') return [];
            const key = a.childForFieldName('name')?.text ?? '';
            const v = evaluate(a.childForFieldName('value'), ctx.symbols)?.value;
            return key ? [[key, typeof v === 'number' ? String(v) : '?'] as const] : [];
          }),
        });
      }
      return;
    }
  },
};

/** Detail prefix of the link from a run to the module defining the architecture config class it builds. */
export const ARCHITECTURE_DEFAULTS_LINK = 'architecture config defaults: ';
/** Detail prefix of a size an architecture config class sets by default (the only facts drawn through that link). */
export const ARCHITECTURE_DEFAULT = 'default of ';
/** Marks the constructor parameters (and their defaults) a default size was worked out from. */
const FROM_PARAMETERS = '(from ';

/**
 * Whether a default size drawn through the link holds for the run: every constructor parameter it was worked out from
 * is left at its default by the run's call, or given the same value (the link's passedValues: the call's keywords,
 * `?` for a value not read).
 */
export function defaultHoldsForCall(f: Fact, link: Fact): boolean {
  const at = f.detail.lastIndexOf(FROM_PARAMETERS);
  if (at < 0) return true;
  for (const m of f.detail.slice(at).matchAll(/(\w{1,80}) = (-?[\d.e+]{1,30})/g)) {
    const passed = link.passedValues?.find(([k]) => k === m[1]);
    if (passed && Number(passed[1]) !== Number(m[2])) return false;
  }
  return true;
}

/** Sizes a config's defaults fill in for a run that builds it with some sizes only. */
const DEFAULTED_KINDS = new Set([
  'model.layers',
  'model.hiddenSize',
  'model.vocabSize',
  'model.attentionHeads',
  'model.kvHeads',
  'model.ffnSize',
]);
/**
 * A default size as the constructor computes it with its parameters at their defaults: literals, the parameters,
 * arithmetic, `math.ceil`/`math.floor` and `math.pi` (`math.ceil(hidden_size * math.pi / 64) * 64`); anything else as
 * the file's constants give it. Kept here, not in the shared evaluator: a program's `math.ceil(args.x / args.y)` read
 * at its flags' defaults would stand for a value its launches change.
 */
function sizeValue(
  node: Node,
  parameters: ReadonlyMap<string, number>,
  ctx: PythonReadContext,
  depth: number,
): number | undefined {
  if (depth > 12) return undefined;
  switch (node.type) {
    case 'identifier':
      if (parameters.has(node.text)) return parameters.get(node.text);
      break;
    case 'attribute':
      if (node.text === 'math.pi') return Math.PI;
      break;
    case 'parenthesized_expression': {
      const inner = node.namedChildren[0];
      return inner ? sizeValue(inner, parameters, ctx, depth + 1) : undefined;
    }
    case 'binary_operator': {
      const left = node.childForFieldName('left');
      const right = node.childForFieldName('right');
      const a = left ? sizeValue(left, parameters, ctx, depth + 1) : undefined;
      const b = right ? sizeValue(right, parameters, ctx, depth + 1) : undefined;
      if (a === undefined || b === undefined) return undefined;
      const r = arithmetic(node.childForFieldName('operator')?.text ?? '', a, b);
      return typeof r === 'number' && Number.isFinite(r) ? r : undefined;
    }
    case 'call': {
      const fn = node.childForFieldName('function')?.text;
      const args = node.childForFieldName('arguments')?.namedChildren ?? [];
      if ((fn === 'math.ceil' || fn === 'math.floor' || fn === 'int') && args.length === 1 && args[0]) {
        const inner = sizeValue(args[0], parameters, ctx, depth + 1);
        return inner === undefined
          ? undefined
          : fn === 'math.ceil'
            ? Math.ceil(inner)
            : fn === 'math.floor'
              ? Math.floor(inner)
              : Math.trunc(inner);
      }
      break;
    }
  }
  const v = evaluate(node, ctx.symbols)?.value;
  return typeof v === 'number' ? v : undefined;
}

/** Classes and attribute assignments looked at per module. */
const MAX_CLASSES = 40;
const MAX_ASSIGNMENTS = 300;

/**
 * The module that defines an architecture's config class (`class MiniMindConfig(PretrainedConfig)` with
 * `def __init__(self, hidden_size=768, num_hidden_layers=8, **kwargs)` and `self.vocab_size = kwargs.get("vocab_size",
 * 6400)`, `self.num_key_value_heads = kwargs.get("num_key_value_heads", 4)`, `self.intermediate_size =
 * kwargs.get("intermediate_size", math.ceil(hidden_size * math.pi / 64) * 64)`): the sizes a run that builds it with
 * only some of them gets from the rest (transformers' configs are read the same way: an attribute set from a keyword
 * or its default). Each size is tagged with its class (Fact.within), so it reaches a run only through the link naming
 * that class (architectureConfig), at low confidence under what the run states. A gated feed-forward (the module's
 * MLP has `gate_proj`, `up_proj` and `down_proj`: three matrices of `intermediate_size`) is counted as 1.5 of them,
 * as the estimate counts two. Only in a module that starts no run itself (a model definition, not a script).
 */
export const architectureConfigDefaults: FileRule = {
  framework: 'python',
  phase: 'after-calls',
  words: ['kwargs.get(', '__init__'],
  read: (_index, ctx) => {
    if (ctx.facts.some(startsARun) || !/^class[ \t]+[A-Z]\w{0,60}Config\b/m.test(ctx.text)) return;
    const gated = /\bgate_proj\b/.test(ctx.text) && /\bup_proj\b/.test(ctx.text) && /\bdown_proj\b/.test(ctx.text);
    let classes = 0;
    for (const statement of ctx.tree.rootNode.namedChildren) {
      const cls = statement?.type === 'decorated_definition' ? statement.childForFieldName('definition') : statement;
      if (cls?.type !== 'class_definition') continue;
      if (++classes > MAX_CLASSES) return;
      const name = cls.childForFieldName('name')?.text ?? '';
      if (!ARCHITECTURE_CONFIG.test(name) || NOT_A_MODEL_CONFIG.test(name) || GENERIC_CONFIG.test(name)) continue;
      const init = cls
        .childForFieldName('body')
        ?.namedChildren.find(
          (d) => d?.type === 'function_definition' && d.childForFieldName('name')?.text === '__init__',
        );
      if (!init) continue;
      // The constructor's parameters with literal defaults (`hidden_size=768`): a size worked out from one
      // (`math.ceil(hidden_size * math.pi / 64) * 64`) holds only for a run that leaves it at that default.
      const parameters = new Map<string, number>();
      for (const p of init.childForFieldName('parameters')?.namedChildren ?? []) {
        if (p?.type !== 'default_parameter' && p?.type !== 'typed_default_parameter') continue;
        const v = p.childForFieldName('value');
        const n = v ? evaluate(v, ctx.symbols)?.value : undefined;
        const id = p.childForFieldName('name')?.text;
        if (id && typeof n === 'number') parameters.set(id, n);
      }
      const found = new Map<string, { value: number; node: Node; attribute: string; from: string[] }>();
      // The constructor's own statements (`self.x = ...` at its top level): a bounded look, no walk of its whole body.
      for (const statement of init.childForFieldName('body')?.namedChildren.slice(0, MAX_ASSIGNMENTS) ?? []) {
        const assignment = statement?.type === 'expression_statement' ? statement.namedChildren[0] : null;
        if (assignment?.type !== 'assignment') continue;
        const left = assignment.childForFieldName('left');
        const right = assignment.childForFieldName('right');
        const attribute = left?.type === 'attribute' && left.text.startsWith('self.') ? left.text.slice(5) : undefined;
        const kind = attribute ? sizingKind(attribute) : undefined;
        if (!attribute || !right || !kind || !DEFAULTED_KINDS.has(kind) || found.has(kind)) continue;
        // `kwargs.get("vocab_size", 6400)`: its default; `hidden_size` (a parameter): the parameter's default.
        const fallback =
          right.type === 'call' && /^kwargs\.get$/.test(right.childForFieldName('function')?.text ?? '')
            ? (right.childForFieldName('arguments')?.namedChildren[1] ?? null)
            : right;
        const v = fallback ? sizeValue(fallback, parameters, ctx, 0) : undefined;
        if (!fallback || typeof v !== 'number' || !Number.isInteger(v) || v <= 0) continue;
        const from = [
          ...new Set(
            [fallback, ...fallback.descendantsOfType('identifier')]
              .filter((n): n is Node => n !== null && n.type === 'identifier' && parameters.has(n.text))
              .map((n) => n.text),
          ),
        ];
        found.set(kind, { value: v, node: right, attribute, from });
      }
      for (const [kind, { value, node, attribute, from }] of found) {
        const counted = kind === 'model.ffnSize' && gated ? value * 1.5 : value;
        const depends =
          from.length > 0 ? ` ${FROM_PARAMETERS}${from.map((p) => `${p} = ${parameters.get(p)}`).join(', ')})` : '';
        ctx.facts.push({
          kind: kind as FactKind,
          value: counted,
          range: nodeRange(node),
          confidence: 'low',
          detail: `${ARCHITECTURE_DEFAULT}${name}.${attribute}: ${value}${counted !== value ? ` (gate, up and down projections: counted as ${counted})` : ''}${depends}`,
          within: name,
        });
      }
    }
  },
};
