import type { Node, Tree } from 'web-tree-sitter';
import { TextIndex } from '../../textIndex';
import { evaluate, FIELD_PREFIX, keywordArgument, stringLiteral, SymbolTable } from '../pythonValues';
import { longOptionOf, optionDest } from './argparseOption';
import { DEBUG_SWITCH, onDefaultPath } from './branches';
import { truncate, type SyntaxCaches } from './context';
import type { SyntaxIndex } from './syntaxIndex';

/** Ancestors looked at for the `if` a statement sits in (a debug branch is a few levels up at most). */
const MAX_DEBUG_CLIMB = 8;

/** Whether the node sits in the body of an `if` tested on a debug switch (`if opt.debug:`, DEBUG_SWITCH). */
function underDebugSwitch(node: Node): boolean {
  let at: Node | null = node;
  for (let i = 0; at && i < MAX_DEBUG_CLIMB; i++, at = at.parent) {
    if (at.type === 'if_statement' && DEBUG_SWITCH.test(at.childForFieldName('condition')?.text ?? '')) return true;
    if (at.type === 'function_definition' || at.type === 'class_definition' || at.type === 'module') return false;
  }
  return false;
}

/** Pass 1: bind module constants, argparse defaults, dataclass field defaults and parameter defaults. */
export function collectSymbols(index: SyntaxIndex, tree: Tree, text: string, syntax: SyntaxCaches): SymbolTable {
  const symbols = new SymbolTable();
  const fallbacks: Array<[string, Node, string]> = [];
  // `opt.config = ...`: bound in order once the flags are known (below), so that an override of a flag in a branch a
  // plain run does not take (`if opt.large: opt.config = "big.yaml"`, `--large` store_true) leaves the flag's default.
  const attributes: Array<[string, Node, string]> = [];
  const moduleLevel = new Set(index.moduleAssignments);
  const classFields = new Set(index.classAssignments.map((c) => c.assignment));
  for (const node of index.assignments) {
    const { left, right } = syntax.sidesOf(node);
    if (!left || !right) continue;
    const line = node.startPosition.row + 1;
    if (left.type === 'identifier') {
      if (classFields.has(node))
        symbols.bind(FIELD_PREFIX + left.text, right, `default of field \`${left.text}\` (line ${line})`);
      // A module-level value a debug branch shrinks (`if DEBUG: epochs = 1`) is not the run's.
      else if (moduleLevel.has(node) && underDebugSwitch(node)) continue;
      else if (moduleLevel.has(node))
        symbols.bindStatement(
          left.text,
          right,
          `\`${left.text}\` = ${truncate(right.text, 30)} (line ${line})`,
          node.endIndex,
        );
      else fallbacks.push([left.text, right, `\`${left.text}\` = ${truncate(right.text, 30)} (line ${line})`]);
    } else if (left.type === 'attribute') {
      attributes.push([left.text, right, `\`${left.text}\` = ${truncate(right.text, 30)} (line ${line})`]);
    } else if (
      (left.type === 'pattern_list' || left.type === 'tuple_pattern') &&
      (right.type === 'expression_list' || right.type === 'tuple')
    ) {
      // `model_id, output_dir = "org/model", "out"`: each name takes the value in its place.
      const names = left.namedChildren.filter((c): c is Node => c !== null);
      const values = right.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment');
      if (names.length !== values.length || names.length > 20) continue;
      names.forEach((name, i) => {
        if (name.type !== 'identifier') return;
        const via = `\`${name.text}\` = ${truncate(values[i].text, 30)} (line ${line})`;
        if (moduleLevel.has(node)) symbols.bind(name.text, values[i], via);
        else fallbacks.push([name.text, values[i], via]);
      });
    }
  }
  for (const node of index.defaults) {
    const name = node.childForFieldName('name');
    const value = node.childForFieldName('value');
    if (name?.type === 'identifier' && value)
      fallbacks.push([name.text, value, `${PARAMETER_DEFAULT} \`${name.text}\` (line ${node.startPosition.row + 1})`]);
  }
  const switches: Array<[string, boolean, Node, string]> = [];
  const setDefaults: Node[] = [];
  for (const node of index.calls) {
    const { last, full } = syntax.callee(node);
    if (last === 'set_defaults' && setDefaults.length < MAX_SET_DEFAULTS) setDefaults.push(node);
    if (last !== 'add_argument' && full !== 'click.option' && last !== 'option') continue;
    const args = node.childForFieldName('arguments');
    const strings = args?.namedChildren.map((c) => (c ? stringLiteral(c) : null)) ?? [];
    const flag = longOptionOf(strings);
    // `add_argument('-c', '--checkpoint-path', default=...)`: a launch may pass the short spelling.
    const short = strings.find((s) => s !== null && /^-[A-Za-z]$/.test(s));
    const def = args ? keywordArgument(args, 'default') : null;
    if (!flag || !args) continue;
    // click.option("--model", "model_name", ...): a bare name is the parameter it fills.
    const named = strings.find((s) => s && /^[A-Za-z_]\w*$/.test(s));
    const destKw = keywordArgument(args, 'dest');
    const dest = (destKw ? stringLiteral(destKw) : null) ?? named ?? optionDest(flag);
    if (def) {
      symbols.bind(
        FIELD_PREFIX + dest,
        def,
        `default of \`${flag}\`${short ? ` (or \`${short}\`)` : ''} (line ${node.startPosition.row + 1})`,
      );
      continue;
    }
    // argparse: `action="store_true"` is False unless the flag is given (`store_false`: True). Used only to
    // pick which of a local variable's assignments a plain run makes (below), not to drop code a flag turns on.
    const action = keywordArgument(args, 'action');
    const kind = action ? stringLiteral(action) : null;
    if (last === 'add_argument' && action && (kind === 'store_true' || kind === 'store_false') && switches.length < 500)
      switches.push([
        FIELD_PREFIX + dest,
        kind === 'store_false',
        action,
        `\`${flag}\` is ${kind}: ${kind === 'store_false' ? 'True' : 'False'} unless given (line ${node.startPosition.row + 1})`,
      ]);
  }
  // `parser.set_defaults(epochs=60)`: argparse's defaults set after the flags are declared (here or by a parser
  // built elsewhere, `parents=[get_args_parser()]`) win over the declared ones.
  for (const node of setDefaults)
    for (const a of node.childForFieldName('arguments')?.namedChildren ?? []) {
      const key = a?.type === 'keyword_argument' ? a.childForFieldName('name')?.text : undefined;
      const value = a?.childForFieldName('value');
      if (key && value)
        symbols.bind(
          FIELD_PREFIX + key,
          value,
          `default of \`--${key}\` (set_defaults, line ${node.startPosition.row + 1})`,
        );
    }
  // A flag's value reassigned in a branch decided against by the flags' defaults (`if opt.laion400m:` with
  // `--laion400m` store_true) is not what a plain run reads: the flag keeps its declared default. Other attribute
  // assignments bind as written, the later winning.
  let flagRun: SymbolTable | undefined;
  for (const [name, right, via] of attributes) {
    const dot = name.lastIndexOf('.');
    const declared = dot > 0 && symbols.lookup(FIELD_PREFIX + name.slice(dot + 1)) !== undefined;
    // So is one in a debug branch whatever declares the flag (`if opt.debug: opt.niter = 1`, pix2pixHD-style options
    // classes declaring `--niter` in another module): a plain run is not a debug run.
    if ((declared || underDebugSwitch(right)) && !onDefaultPath(right, (flagRun ??= symbols.withValues(switches))))
      continue;
    symbols.bind(name, right, via);
  }
  // Call sites of this file's own functions fill their parameters: load_model(model_name) makes
  // `name` in `def load_model(name)` whatever model_name is (after the parameter's own default).
  fallbacks.push(...callSiteArguments(index, tree, text, syntax));
  // `schedule = TrainingSchedule(...)` at module level: `schedule.total_steps` reads what its __init__ stored.
  const classNames = new Set(index.classes.map((c) => c.childForFieldName('name')?.text ?? ''));
  for (const node of index.moduleAssignments) {
    const { left, right } = syntax.sidesOf(node);
    if (left?.type !== 'identifier' || right?.type !== 'call') continue;
    if (classNames.has(right.childForFieldName('function')?.text ?? '')) symbols.bindInstance(left.text);
  }
  // Function-local assignments only count where nothing module-level has the name; of several, the first on
  // the path a plain run takes (`if args.fp16: dtype = torch.float16 … else: dtype = torch.float32`).
  // A copy (made when needed): the climbs' verdicts are remembered per table, and this one is not complete yet.
  let plainRun: SymbolTable | undefined;
  const candidates = new Map<string, Array<[Node, string]>>();
  for (const [name, right, via] of fallbacks) {
    if (symbols.lookup(name)) continue;
    const list = candidates.get(name) ?? candidates.set(name, []).get(name)!;
    if (list.length < MAX_CANDIDATES) list.push([right, via]);
  }
  // The branches of a function body test its parameters (`if tpu: devices = "auto"` with `tpu: bool = False`): the
  // path a plain run takes is decided with the parameters at their defaults, where nothing else binds the name.
  const withParameters = () => {
    const table = symbols.withValues(switches);
    for (const [name, list] of candidates) {
      const parameter = list.find(([, via]) => via.startsWith(PARAMETER_DEFAULT));
      if (parameter && !table.lookup(name)) table.bind(name, parameter[0], parameter[1]);
    }
    return table;
  };
  for (const [name, list] of candidates) {
    const [right, via] =
      (list.length > 1 && list.find(([node]) => onDefaultPath(node, (plainRun ??= withParameters())))) || list[0];
    symbols.bind(name, ...orDefault(name, right, via, list, symbols));
  }
  return symbols;
}

const PARAMETER_DEFAULT = 'default of parameter';

/**
 * `precision = precision or get_default_supported_precision(training=True)` with the parameter's default None: the
 * value a plain run gets is the right side (Python's `or` gives its right operand when the left is falsy), and with a
 * default of its own, that default. The assignment read as written would look itself up.
 */
function orDefault(
  name: string,
  right: Node,
  via: string,
  list: ReadonlyArray<readonly [Node, string]>,
  symbols: SymbolTable,
): [Node, string] {
  if (right.type !== 'boolean_operator' || right.childForFieldName('operator')?.text !== 'or') return [right, via];
  const left = right.childForFieldName('left');
  const fallback = right.childForFieldName('right');
  if (left?.type !== 'identifier' || left.text !== name || !fallback) return [right, via];
  const parameter = list.find(([, v]) => v.startsWith(PARAMETER_DEFAULT));
  const start = parameter ? evaluate(parameter[0], symbols) : undefined;
  if (!parameter || !start) return [right, via];
  // A default of its own (`precision="16-mixed"`) is what the `or` keeps.
  const unset = start.value === null || start.value === '' || start.value === false || start.value === 0;
  return unset ? [fallback, `${via}, with ${parameter[1]} unset`] : [parameter[0], parameter[1]];
}

/** `set_defaults(...)` calls read per file (a program has one or two). */
const MAX_SET_DEFAULTS = 20;

/** Assignments of one local name weighed against the default path (a real program has a few). */
const MAX_CANDIDATES = 8;

/** Builtins and common library calls: never a function this file defines. */
const NOT_LOCAL = new Set([
  'print',
  'len',
  'range',
  'open',
  'float',
  'int',
  'str',
  'bool',
  'max',
  'min',
  'sum',
  'list',
  'dict',
  'set',
  'tuple',
  'enumerate',
  'zip',
  'isinstance',
  'getattr',
  'setattr',
  'hasattr',
  'super',
  'sorted',
  'round',
  'abs',
  'any',
  'all',
  'map',
  'filter',
  'type',
  'repr',
  'iter',
  'next',
  'format',
  'vars',
  'field',
  'dataclass',
]);

/** After `def `: the name (group 1), then up to three spaces or tabs and the parenthesis. */
const DEF_NAME = /(\w+)[ \t]{0,3}\(/y;

function callSiteArguments(
  index: SyntaxIndex,
  tree: Tree,
  text: string,
  syntax: SyntaxCaches,
): Array<[string, Node, string]> {
  // Where this file defines the functions its calls name: `def name(` at the start of a line (after
  // indentation or `async`), the first one of each name, found in one pass over the text; only the
  // names called are then looked up in the tree.
  const defined = new Map<string, number>();
  for (let i = text.indexOf('def '); i >= 0; i = text.indexOf('def ', i + 1)) {
    const lineStart = text.lastIndexOf('\n', i - 1) + 1;
    if (!/^[ \t]*(async[ \t]+)?$/.test(text.slice(lineStart, i))) continue;
    DEF_NAME.lastIndex = i + 4;
    const name = DEF_NAME.exec(text)?.[1];
    if (name !== undefined && !defined.has(name)) defined.set(name, i);
  }
  const defs = new Map<string, Node>();
  // Each name is looked up once, found or not: a file of many calls to one undefined name stays linear.
  const looked = new Set<string>();
  let lines: TextIndex | undefined;
  for (const call of index.calls) {
    const name = syntax.callee(call).full;
    if (!/^\w+$/.test(name) || NOT_LOCAL.has(name) || looked.has(name)) continue;
    looked.add(name);
    const defAt = defined.get(name) ?? -1;
    if (defAt < 0) continue;
    const { line, col } = (lines ??= new TextIndex(text)).position(defAt);
    const keyword = tree.rootNode.descendantForPosition({ row: line, column: col });
    const def = keyword?.type === 'function_definition' ? keyword : keyword?.parent;
    if (def?.type === 'function_definition') defs.set(name, def);
  }
  // A plain class of this file built by a call (`Schedule(stages, 1270, 15)`) fills the parameters of its
  // __init__. Not a network's layers (`Block(dim)`, `MLP(dim)`): their parameters share names and are sized by
  // the module counter from each call (moduleParams.ts), which one global binding per name would confuse.
  const constructors = new Set<string>();
  for (const cls of index.classes) {
    const name = cls.childForFieldName('name')?.text;
    if (!name || defs.has(name) || !looked.has(name)) continue;
    if (/Module|Layer|Model|Block|Net\b/.test(cls.childForFieldName('superclasses')?.text ?? '')) continue;
    const init = (cls.childForFieldName('body')?.namedChildren ?? [])
      .map((c) => (c?.type === 'decorated_definition' ? c.childForFieldName('definition') : c))
      .find((c) => c?.type === 'function_definition' && c.childForFieldName('name')?.text === '__init__');
    if (init) {
      defs.set(name, init);
      constructors.add(name);
    }
  }
  if (defs.size === 0) return [];
  const out: Array<[string, Node, string]> = [];
  for (const call of index.calls) {
    const name = syntax.callee(call).full;
    const def = defs.get(name);
    if (!def) continue;
    const all = (def.childForFieldName('parameters')?.namedChildren ?? []).filter((p): p is Node => p !== null);
    const params = constructors.has(name) ? all.slice(1) : all;
    const paramName = (p: Node) =>
      p.type === 'identifier'
        ? p.text
        : p.type === 'typed_parameter'
          ? p.namedChildren.find((c) => c?.type === 'identifier')?.text
          : undefined;
    const positional = params.map(paramName);
    const line = call.startPosition.row + 1;
    let i = 0;
    for (const arg of call.childForFieldName('arguments')?.namedChildren ?? []) {
      if (!arg || arg.type === 'comment') continue;
      if (arg.type === 'keyword_argument') {
        const key = arg.childForFieldName('name')?.text;
        const value = arg.childForFieldName('value');
        if (key && value) out.push([key, value, `argument ${key} of ${name}(...) (line ${line})`]);
      } else if (arg.type !== 'list_splat' && arg.type !== 'dictionary_splat') {
        const target = positional[i];
        if (target) out.push([target, arg, `argument of ${name}(...) (line ${line})`]);
      }
      i++;
    }
  }
  return out;
}
