import type { Node } from 'web-tree-sitter';

/**
 * Static evaluation of the small part of Python that sizes a training run:
 * literals, module constants, arithmetic, argparse defaults, dataclass field
 * defaults and conditional expressions. Nothing here executes user code.
 */

export type PyValue = string | number | boolean | null | PyValue[] | { [key: string]: PyValue };

export interface Resolved {
  readonly value: PyValue;
  /** The node holding the literal that produced the value (for ranges and edits). */
  readonly origin: Node;
  /** Empty when a literal at the use site; otherwise how it was found ("n_layer = 12 (line 4)"). */
  readonly via: string;
}

/** What a name is bound to: the node holding its value, or (withValues) a value stated by a declaration. */
export interface Binding {
  readonly node: Node;
  readonly via: string;
  readonly value?: PyValue;
  /**
   * A name bound to something not read statically (a function's parameter no caller gives a known value, a local
   * assigned twice): it hides the module's name of the same spelling, and its value is unknown.
   */
  readonly unknown?: true;
}

export class SymbolTable {
  private readonly bindings = new Map<string, Binding>();

  bind(name: string, valueNode: Node, via: string): void {
    // Later module-level assignments win, as they would at import time; we keep the first
    // argparse/dataclass default though, because those are declared once.
    this.bindings.set(name, { node: valueNode, via });
  }

  /**
   * A copy with values no literal in the file states (`action="store_true"` flags are False unless given), each
   * bound to the node that declares it; names already bound keep their binding.
   */
  withValues(values: ReadonlyArray<readonly [string, PyValue, Node, string]>, override = false): SymbolTable {
    const copy = new SymbolTable();
    for (const [k, v] of this.bindings) copy.bindings.set(k, v);
    for (const name of this.instances) copy.instances.add(name);
    for (const [k, v] of this.inOrder) copy.inOrder.set(k, v);
    for (const [name, value, origin, via] of values)
      if (override || !copy.bindings.has(name)) {
        copy.bindings.set(name, { node: origin, via, value });
        // An override is what every use reads, wherever it sits.
        if (override) copy.inOrder.delete(name);
      }
    return copy;
  }

  /** Module-level objects built from a class of this file (`schedule = Schedule(...)`): `schedule.x` is its `self.x`. */
  private readonly instances = new Set<string>();

  bindInstance(name: string): void {
    if (this.instances.size < 1000) this.instances.add(name);
  }

  /**
   * Module-level assignments of a name bound more than once, in order (with where each statement ends):
   * `model_name = sys.argv[1] if … else "x"` … `model = Model(model_name)` … `model_name = model_name.split("/")[-1]`.
   */
  private readonly inOrder = new Map<string, Array<{ readonly end: number; readonly binding: Binding }>>();

  /** A module-level assignment, which the module's statements after it read (bind() keeps the last for the rest). */
  bindStatement(name: string, valueNode: Node, via: string, statementEnd: number): void {
    this.bind(name, valueNode, via);
    const list = this.inOrder.get(name) ?? this.inOrder.set(name, []).get(name)!;
    if (list.length < MAX_ORDERED_BINDINGS) list.push({ end: statementEnd, binding: { node: valueNode, via } });
  }

  /**
   * The binding a use of the name reads: at module level, the last assignment finished before it (a later
   * `x = x.split("/")[-1]` does not change what an earlier line read, and its own right side reads the one before
   * it); inside functions, which run after the module's statements, the last (as lookup()).
   */
  lookupAt(name: string, use: Node): Binding | undefined {
    const list = this.inOrder.get(name);
    if (!list || list.length < 2 || !atModuleLevel(use)) return this.lookup(name);
    let found: Binding | undefined;
    for (const entry of list) if (entry.end <= use.startIndex) found = entry.binding;
    return found ?? this.lookup(name);
  }

  lookup(name: string): Binding | undefined {
    const direct = this.bindings.get(name);
    if (direct) return direct;
    const at = name.indexOf('.');
    if (at > 0 && at === name.lastIndexOf('.') && this.instances.has(name.slice(0, at))) {
      const own = this.bindings.get(`self${name.slice(at)}`);
      if (own) return own;
    }
    // `args.epochs`, `cfg.num_train_epochs`: fall back to an argparse or dataclass default of that name.
    // A bare name can be a click/typer/fire parameter whose default was declared as an option.
    const dot = name.lastIndexOf('.');
    // A grouped flag (`--train.max_epochs`, whose argparse destination keeps the dot) read back as a nested
    // namespace (`args.train.max_epochs`, OpenRLHF's grouped arguments): the last two names are the destination.
    const group = dot > 0 ? name.lastIndexOf('.', dot - 1) : -1;
    const grouped = group >= 0 ? this.bindings.get(FIELD_PREFIX + name.slice(group + 1)) : undefined;
    if (grouped) return grouped;
    const field = this.bindings.get(FIELD_PREFIX + (dot > 0 ? name.slice(dot + 1) : name));
    if (field) return field;
    // `self.hparams.batch_size`, `self.lr`: what the constructor stored, usually its parameter of that name.
    return /^self\.(hparams\.)?\w+$|^hparams\.\w+$/.test(name) ? this.bindings.get(name.slice(dot + 1)) : undefined;
  }
}

/**
 * A function body's names over the module's: a constructor's parameters bound to the arguments it is called with (or
 * their defaults), its locals, and its `self.x` attributes. Names not bound here are the module's (Python's lexical
 * scope: a function sees its own names, then the module's). `self.x` with no `self.x` assignment here reads the
 * parameter `x`, as the module table does for a constructor that stores its parameter under its own name.
 */
export class ScopedSymbols extends SymbolTable {
  constructor(
    private readonly outer: SymbolTable,
    private readonly locals: ReadonlyMap<string, Binding>,
  ) {
    super();
  }

  override lookup(name: string): Binding | undefined {
    return this.local(name) ?? this.outer.lookup(name);
  }

  override lookupAt(name: string, use: Node): Binding | undefined {
    return this.local(name) ?? this.outer.lookupAt(name, use);
  }

  private local(name: string): Binding | undefined {
    const own = this.locals.get(name);
    if (own) return own;
    return name.startsWith('self.') && name.indexOf('.', 5) < 0 ? this.locals.get(name.slice(5)) : undefined;
  }
}

const MAX_DEPTH = 12;
/** Assignments of one name kept in order (a real module has a few). */
const MAX_ORDERED_BINDINGS = 64;
/** Enclosing nodes climbed at most to tell a module-level statement from a function body. */
const MAX_CLIMB = 200;

/** A statement of the module's own code, not of a function, lambda or class body. */
export function atModuleLevel(node: Node): boolean {
  let n: Node | null = node.parent;
  for (let i = 0; n && i < MAX_CLIMB; n = n.parent, i++) {
    if (n.type === 'function_definition' || n.type === 'lambda' || n.type === 'class_definition') return false;
    if (n.type === 'module') return true;
  }
  return false;
}
/** Code inside a function's body (a handler a web UI or a server calls per request), at any depth of it. */
export function insideFunction(node: Node): boolean {
  let n: Node | null = node.parent;
  for (let i = 0; n && i < MAX_CLIMB; n = n.parent, i++) if (n.type === 'function_definition') return true;
  return false;
}
/** Key prefix for argparse destinations and dataclass fields, reachable as `anything.<name>`. */
export const FIELD_PREFIX = '@field:';

export function stringLiteral(node: Node): string | null {
  if (node.type !== 'string') return null;
  if (node.namedChildren.some((c) => c?.type === 'interpolation')) return null;
  return node.namedChildren
    .filter((c): c is Node => c !== null && c.type === 'string_content')
    .map((c) => c.text)
    .join('');
}

function parseNumber(text: string): number | null {
  const clean = text.replace(/_/g, '').toLowerCase();
  if (/^0x[0-9a-f]+$/.test(clean)) return parseInt(clean, 16);
  if (/^0o[0-7]+$/.test(clean)) return parseInt(clean.slice(2), 8);
  if (/^0b[01]+$/.test(clean)) return parseInt(clean.slice(2), 2);
  const n = Number(clean.replace(/j$/, ''));
  return Number.isFinite(n) ? n : null;
}

/** Python's arithmetic on two known values (`+` also joins strings); undefined where Python would fail or it is not read. */
export function arithmetic(op: string, a: PyValue, b: PyValue): PyValue | undefined {
  if (typeof a !== 'number' || typeof b !== 'number') {
    if (op === '+' && typeof a === 'string' && typeof b === 'string') return a + b;
    return undefined;
  }
  switch (op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      return b === 0 ? undefined : a / b;
    case '//':
      return b === 0 ? undefined : Math.floor(a / b);
    case '%':
      return b === 0 ? undefined : a % b;
    case '**':
      return Math.abs(b) > 64 ? undefined : a ** b;
    case '&':
    case '|':
    case '^':
    case '<<':
    case '>>':
      return bitwise(op, a, b);
    default:
      return undefined;
  }
}

/**
 * Python's bitwise operators on whole numbers (`(scale & (scale - 1)) == 0`: a power of two), within the range where
 * JavaScript's 32-bit operators agree with Python's unbounded integers; undefined outside it.
 */
function bitwise(op: string, a: number, b: number): number | undefined {
  const small = (n: number) => Number.isInteger(n) && Math.abs(n) < 2 ** 30;
  if (!small(a) || !small(b)) return undefined;
  switch (op) {
    case '&':
      return a & b;
    case '|':
      return a | b;
    case '^':
      return a ^ b;
    case '<<':
      return b < 0 || b > 24 || !small(a * 2 ** b) ? undefined : a * 2 ** b;
    default:
      return b < 0 ? undefined : Math.floor(a / 2 ** b);
  }
}

/**
 * `math` functions a constructor sizes layers with (`int(math.log(scale, 2))` upsampling steps, `math.ceil(d / 64)`),
 * as Python computes them (`math.log(x, base)` is log(x) / log(base) there too); undefined outside their domain.
 */
function mathCall(name: string, args: readonly PyValue[]): number | undefined {
  if (!args.every((a) => typeof a === 'number')) return undefined;
  const [x, y] = args as number[];
  switch (name) {
    case 'log':
      if (args.length === 1) return x > 0 ? Math.log(x) : undefined;
      return args.length === 2 && x > 0 && y > 0 && y !== 1 ? Math.log(x) / Math.log(y) : undefined;
    case 'log2':
      return args.length === 1 && x > 0 ? Math.log2(x) : undefined;
    case 'log10':
      return args.length === 1 && x > 0 ? Math.log10(x) : undefined;
    case 'sqrt':
      return args.length === 1 && x >= 0 ? Math.sqrt(x) : undefined;
    case 'ceil':
      return args.length === 1 ? Math.ceil(x) : undefined;
    case 'floor':
      return args.length === 1 ? Math.floor(x) : undefined;
    default:
      return undefined;
  }
}

/** True when a condition reads like "is a GPU available", so the GPU branch is the one that trains. */
/** `len(sys.argv) > 1`, `len(sys.argv) >= 2` (the argument is given) and their negations. Bounded, so linear. */
const ARGV_GIVEN = /^len\(sys\.argv\)[ \t]{0,4}(>=?)[ \t]{0,4}(\d{1,2})$/;
const ARGV_MISSING = /^len\(sys\.argv\)[ \t]{0,4}(<=?)[ \t]{0,4}(\d{1,2})$/;
const ARGV_ITEM = /^sys\.argv\[\d{1,2}\]$/;

/** The default branch of `sys.argv[i] if len(sys.argv) > i else default` (or `default if len(sys.argv) < 2 else sys.argv[1]`). */
function commandLineDefault(whenTrue: Node, condition: Node, whenFalse: Node): Node | undefined {
  if (condition.text.length > 40) return undefined;
  if (ARGV_GIVEN.test(condition.text) && ARGV_ITEM.test(whenTrue.text)) return whenFalse;
  if (ARGV_MISSING.test(condition.text) && ARGV_ITEM.test(whenFalse.text)) return whenTrue;
  return undefined;
}

const GPU_BRANCH = 'took the GPU branch';

/** The value node of `key` in a dict literal or a `dict(key=...)` call, if written there. */
function entryNode(table: Node, key: string): Node | null {
  if (table.type === 'dictionary') {
    for (const pair of table.namedChildren) {
      const k = pair?.type === 'pair' ? pair.childForFieldName('key') : null;
      const text = k ? (k.type === 'string' ? stringLiteral(k) : k.text) : null;
      if (text === key) return pair!.childForFieldName('value');
    }
  } else if (table.type === 'call' && table.childForFieldName('function')?.text === 'dict') {
    const args = table.childForFieldName('arguments');
    return args ? keywordArgument(args, key) : null;
  }
  return null;
}

function looksLikeGpuCondition(text: string): boolean {
  return /cuda|gpu|mps|device_count|is_available/i.test(text);
}

/** Classes whose keyword arguments are the fields of the object they build (TRL's ModelConfig, TrainingArguments). */
const CONFIG_CLASS = /(?:Config|Configuration|Arguments|Args|Params|Parameters|Settings|Options)$/;

/**
 * `model_config.model_name_or_path` where `model_config = ModelConfig(model_name_or_path="Qwen/Qwen2.5-3B-Instruct", …)`:
 * a settings object's field is the keyword it was built with. Only for a name bound to one call of a class named as a
 * settings class (dataclasses of arguments keep their keywords as fields); a field not given stays unknown.
 */
function configObjectField(node: Node, symbols: SymbolTable, depth: number): Resolved | undefined {
  const object = node.childForFieldName('object');
  const field = node.childForFieldName('attribute')?.text;
  const built = object && field ? settingsKeyword(object, field, symbols) : undefined;
  if (!built || !CONFIG_CLASS.test(built.callee)) return undefined;
  const r = built.value ? evaluate(built.value, symbols, depth + 1) : undefined;
  return r && { ...r, via: r.via || `${built.callee}(${field}=…)` };
}

/**
 * The call a name is bound to (`model_config = ModelConfig(…)`), by its callee's last name, and the keyword `field` it
 * was given there (null when not given). Undefined when the name is bound to no call.
 */
export function settingsKeyword(
  name: Node,
  field: string,
  symbols: SymbolTable,
): { readonly callee: string; readonly value: Node | null } | undefined {
  if (name.type !== 'identifier') return undefined;
  const bound = symbols.lookupAt(name.text, name);
  const call = bound?.value === undefined ? bound?.node : undefined;
  const args = call?.type === 'call' ? call.childForFieldName('arguments') : null;
  if (!call || !args) return undefined;
  const callee = call.childForFieldName('function')?.text.split('.').pop() ?? '';
  return { callee, value: keywordArgument(args, field) };
}

export function evaluate(node: Node | null, symbols: SymbolTable, depth = 0): Resolved | undefined {
  if (!node || depth > MAX_DEPTH) return undefined;
  switch (node.type) {
    case 'integer':
    case 'float': {
      const n = parseNumber(node.text);
      return n === null ? undefined : { value: n, origin: node, via: '' };
    }
    case 'string': {
      const s = stringLiteral(node);
      return s === null ? undefined : { value: s, origin: node, via: '' };
    }
    case 'concatenated_string': {
      const parts = node.namedChildren.map((c) => (c ? stringLiteral(c) : null));
      return parts.every((p) => p !== null) ? { value: parts.join(''), origin: node, via: '' } : undefined;
    }
    case 'true':
      return { value: true, origin: node, via: '' };
    case 'false':
      return { value: false, origin: node, via: '' };
    case 'none':
      return { value: null, origin: node, via: '' };
    case 'parenthesized_expression':
      return evaluate(node.namedChildren[0] ?? null, symbols, depth + 1);
    case 'unary_operator': {
      const inner = evaluate(node.childForFieldName('argument'), symbols, depth + 1);
      const op = node.childForFieldName('operator')?.text ?? node.child(0)?.text;
      if (!inner || typeof inner.value !== 'number') return undefined;
      return { ...inner, value: op === '-' ? -inner.value : inner.value };
    }
    case 'binary_operator': {
      const left = evaluate(node.childForFieldName('left'), symbols, depth + 1);
      const right = evaluate(node.childForFieldName('right'), symbols, depth + 1);
      const op = node.childForFieldName('operator')?.text;
      if (!left || !right || !op) return undefined;
      const value = arithmetic(op, left.value, right.value);
      if (value === undefined) return undefined;
      const via = [left.via, right.via].filter(Boolean).join(', ');
      return { value, origin: node, via: via ? `${node.text} (${via})` : '' };
    }
    case 'comparison_operator': {
      // device == "cuda", squad_v2 is False: decided when both sides are known.
      const [left, right] = node.namedChildren;
      const op = node.children.find((c) => c && !c.isNamed)?.text;
      // `"TOTAL_STEP" in os.environ`: false where variables are read at their defaults (os.environ.get below).
      if (op === 'in' && right && /^os\.environ$/.test(right.text) && left?.type === 'string')
        return { value: false, origin: node, via: `$${stringLiteral(left) ?? ''} unset` };
      const a = evaluate(left ?? null, symbols, depth + 1);
      const b = evaluate(right ?? null, symbols, depth + 1);
      if (!a || !b || node.namedChildren.length !== 2) return undefined;
      // `if args.vgg16_guidance_scale > 0.0:` with the flag's default 0.0: ordering of two known numbers.
      const x = a.value;
      const y = b.value;
      const numbers = typeof x === 'number' && typeof y === 'number';
      // `"bf16" in args.precision` with `--precision` default "amp_bf16": a substring of a known string, or a member
      // of a known list (`args.model in ["a", "b"]`).
      const ops = node.children
        .filter((c) => c && !c.isNamed)
        .map((c) => c!.text)
        .join(' ');
      if (ops === 'in' || ops === 'not in') {
        const found =
          typeof x === 'string' && typeof y === 'string'
            ? y.includes(x)
            : Array.isArray(y) && (typeof x === 'string' || typeof x === 'number')
              ? y.some((v) => v === x)
              : undefined;
        if (found === undefined) return undefined;
        const via = [a.via, b.via].filter(Boolean).join('; ');
        return {
          value: ops === 'in' ? found : !found,
          origin: node,
          via: via ? `${truncate(node.text)} (${via})` : '',
        };
      }
      const value =
        op === '==' || op === 'is'
          ? x === y
          : op === '!=' || op === 'is not'
            ? x !== y
            : numbers && op === '>'
              ? x > y
              : numbers && op === '>='
                ? x >= y
                : numbers && op === '<'
                  ? x < y
                  : numbers && op === '<='
                    ? x <= y
                    : undefined;
      if (value === undefined) return undefined;
      const via = [a.via, b.via].filter(Boolean).join('; ');
      return { value, origin: node, via: via ? `${truncate(node.text)} (${via})` : '' };
    }
    case 'conditional_expression': {
      // `a if cond else b`: children are [a, cond, b] among named children.
      const [whenTrue, condition, whenFalse] = node.namedChildren;
      if (!whenTrue || !condition || !whenFalse) return undefined;
      if (looksLikeGpuCondition(condition.text)) {
        const r = evaluate(whenTrue, symbols, depth + 1);
        return r && { ...r, via: `${GPU_BRANCH} of \`${node.text}\`` };
      }
      // `sys.argv[1] if len(sys.argv) > 1 else "distilbert-base-uncased"`: a positional argument with a default, the
      // value the script runs with when it is started without arguments (as an argparse default).
      const argvDefault = commandLineDefault(whenTrue, condition, whenFalse);
      if (argvDefault) {
        const r = evaluate(argvDefault, symbols, depth + 1);
        return (
          r && {
            ...r,
            via: [r.via, `run without arguments: \`${truncate(node.text, 80)}\``].filter(Boolean).join('; '),
          }
        );
      }
      // A condition on a constant (`squad_v2 = False`) is decided statically; any other at run
      // time, where only a value both branches agree on is known.
      const decided = evaluate(condition, symbols, depth + 1);
      if (decided && typeof decided.value === 'boolean') {
        const r = evaluate(decided.value ? whenTrue : whenFalse, symbols, depth + 1);
        return (
          r && {
            ...r,
            via: [
              r.via,
              `\`${truncate(condition.text)}\` is ${decided.value ? 'True' : 'False'}${decided.via ? ` (${decided.via})` : ''}`,
            ]
              .filter(Boolean)
              .join('; '),
          }
        );
      }
      const a = evaluate(whenTrue, symbols, depth + 1);
      const b = evaluate(whenFalse, symbols, depth + 1);
      return a && b && a.value === b.value ? a : undefined;
    }
    case 'identifier':
    case 'attribute': {
      const bound = node.type === 'identifier' ? symbols.lookupAt(node.text, node) : symbols.lookup(node.text);
      // torch.float16, torch.bfloat16, tf.float16, jnp.bfloat16: dtypes are names, not values (also a framework's own
      // dtype enum spelled after torch's: `DType.bfloat16`, e.g. OLMo-core's olmo_core.config.DType).
      if (
        !bound &&
        /^(torch|tf|jnp|np|DType)\.(float16|half|bfloat16|float32|float|float8_e4m3fn|int8)$/.test(node.text)
      )
        return { value: node.text, origin: node, via: '' };
      if (!bound) return node.type === 'attribute' ? configObjectField(node, symbols, depth) : undefined;
      if (bound.unknown) return undefined;
      if (bound.value !== undefined) return { value: bound.value, origin: bound.node, via: bound.via };
      const r = evaluate(bound.node, symbols, depth + 1);
      return r && { ...r, via: r.via ? `${bound.via}; ${r.via}` : bound.via };
    }
    case 'not_operator': {
      // `not arg.runlocal`: the negation of a known truth value.
      const inner = evaluate(node.childForFieldName('argument'), symbols, depth + 1);
      return inner && { value: !truthy(inner.value), origin: inner.origin, via: inner.via };
    }
    case 'boolean_operator': {
      // `a and b`, `a or b` on known values, with Python's result (the deciding operand); `a or b` with a true `a`
      // needs nothing of `b`, as `a and b` with a false `a`.
      const op = node.childForFieldName('operator')?.text;
      const left = evaluate(node.childForFieldName('left'), symbols, depth + 1);
      if (!left || (op !== 'and' && op !== 'or')) return undefined;
      if (op === 'or' ? truthy(left.value) : !truthy(left.value)) return left;
      return evaluate(node.childForFieldName('right'), symbols, depth + 1);
    }
    case 'subscript': {
      // A lookup by a known key (`{'ti': 300, 'b': 90}[variant]`, `EPOCHS[arg.data][arg.variant]`, `sizes[-1]`): the
      // table must be known whole and the key in it; slices and keys it lacks are not read.
      const keys = node.childrenForFieldName('subscript').filter((c): c is Node => c !== null);
      if (keys.length !== 1) return undefined;
      const tableNode = node.childForFieldName('value');
      const table = evaluate(tableNode, symbols, depth + 1);
      const key = evaluate(keys[0], symbols, depth + 1);
      // A dict written out under a name, some of whose other entries cannot be read (`train_config = {"lr": args.lr,
      // "num_epochs": 20, "data_noise": noise_fn()}`, then `train_config["num_epochs"]`): the entry asked for alone.
      if (!table && key && typeof key.value === 'string' && tableNode?.type === 'identifier') {
        const written = symbols.lookup(tableNode.text)?.node;
        const entry = written?.type === 'dictionary' ? entryNode(written, key.value) : null;
        const r = entry ? evaluate(entry, symbols, depth + 1) : undefined;
        if (r)
          return {
            ...r,
            via: `${truncate(node.text)} (${tableNode.text} written at line ${written!.startPosition.row + 1})`,
          };
      }
      // A key guessed from the GPU branch (`dtype = 'bfloat16' if torch.cuda.is_bf16_supported() else 'float16'`) is
      // the accelerator's choice, not a known value: a table looked up by it stays unknown.
      if (!table || !key || key.via.includes(GPU_BRANCH)) return undefined;
      const t = table.value;
      const k = key.value;
      let value: PyValue | undefined;
      if (Array.isArray(t) && typeof k === 'number' && Number.isInteger(k) && Math.abs(k) <= t.length)
        value = k < 0 ? t[t.length + k] : t[k];
      else if (
        t !== null &&
        typeof t === 'object' &&
        !Array.isArray(t) &&
        (typeof k === 'string' || typeof k === 'number')
      )
        value = Object.prototype.hasOwnProperty.call(t, String(k)) ? t[String(k)] : undefined;
      if (value === undefined) return undefined;
      const via = [table.via, key.via].filter(Boolean).join('; ');
      // The entry's own literal, where the table is written out (for its line and a quick fix's edit).
      const entry = entryNode(table.origin, typeof k === 'number' ? String(k) : (k as string));
      const origin = (entry && evaluate(entry, symbols, depth + 1)?.origin) ?? node;
      return { value, origin, via: via ? `${truncate(node.text)} (${via})` : '' };
    }
    case 'list':
    case 'tuple': {
      const items: PyValue[] = [];
      for (const c of node.namedChildren) {
        const r = c ? evaluate(c, symbols, depth + 1) : undefined;
        if (!r) return undefined;
        items.push(r.value);
      }
      return { value: items, origin: node, via: '' };
    }
    case 'dictionary': {
      const out: { [key: string]: PyValue } = {};
      for (const pair of node.namedChildren) {
        if (pair?.type !== 'pair') return undefined;
        const k = evaluate(pair.childForFieldName('key'), symbols, depth + 1);
        const v = evaluate(pair.childForFieldName('value'), symbols, depth + 1);
        if (!k || !v || (typeof k.value !== 'string' && typeof k.value !== 'number')) return undefined;
        out[String(k.value)] = v.value;
      }
      return { value: out, origin: node, via: '' };
    }
    case 'call': {
      // field(default=3) in dataclasses; int("3") and float("1e-4") conversions.
      const fn = node.childForFieldName('function')?.text;
      const args = node.childForFieldName('arguments');
      if (!args) return undefined;
      if ((fn === 'list' || fn === 'range') && args.namedChildren.length >= 1) {
        // list(range(4)), range(4): device id lists.
        const inner = fn === 'list' ? evaluate(args.namedChildren[0], symbols, depth + 1) : undefined;
        if (fn === 'list') return inner && Array.isArray(inner.value) ? inner : undefined;
        const bounds = args.namedChildren.map((a) => evaluate(a, symbols, depth + 1)?.value);
        if (bounds.some((b) => typeof b !== 'number')) return undefined;
        const [a, b] = bounds.length === 1 ? [0, bounds[0] as number] : [bounds[0] as number, bounds[1] as number];
        if (b - a > 10_000) return undefined;
        return { value: Array.from({ length: Math.max(0, b - a) }, (_, i) => a + i), origin: node, via: '' };
      }
      // A Cog predictor's input (`version: str = Input(default="v3", choices=[...])`, cog.run/python): its default=.
      if (fn && /(^|\.)Input$/.test(fn)) {
        const def = keywordArgument(args, 'default');
        return def ? evaluate(def, symbols, depth + 1) : undefined;
      }
      if (fn && /(^|\.)(Option|Argument)$/.test(fn)) {
        // typer.Option("Qwen/Qwen2.5-0.5B", help=...): the default is the first argument or default=.
        const def =
          keywordArgument(args, 'default') ??
          args.namedChildren.find((c) => c !== null && c.type !== 'keyword_argument') ??
          null;
        return def && def.text !== '...' ? evaluate(def, symbols, depth + 1) : undefined;
      }
      // litgpt's (and lit-gpt's, and their forks') `get_default_supported_precision(training=True)`: "bf16-mixed" where
      // the GPU supports bfloat16 (Ampere and later), "bf16-true" when not training; "16-mixed"/"16-true" only on MPS or
      // an older GPU (litgpt/utils.py, github.com/Lightning-AI/litgpt). Read for the GPUs this tool estimates by default.
      if (fn && /(^|\.)get_default_supported_precision$/.test(fn)) {
        const flag =
          keywordArgument(args, 'training') ?? args.namedChildren.find((c) => c?.type !== 'keyword_argument');
        const training = flag ? evaluate(flag, symbols, depth + 1)?.value : undefined;
        if (typeof training !== 'boolean') return undefined;
        const value = training ? 'bf16-mixed' : 'bf16-true';
        return { value, origin: node, via: `${truncate(node.text, 60)}: ${value} on a GPU with bfloat16` };
      }
      // os.environ.get("WORLD_SIZE", "1"): the value when the variable is not set, as a shell `${WORLD_SIZE:-1}` reads.
      if ((fn === 'os.environ.get' || fn === 'os.getenv') && args.namedChildren.length === 2) {
        const [name, fallback] = args.namedChildren;
        const variable = name ? stringLiteral(name) : null;
        const r = fallback?.type !== 'keyword_argument' ? evaluate(fallback, symbols, depth + 1) : undefined;
        return variable && r ? { ...r, via: `$${variable} unset: its default` } : undefined;
      }
      // `dict(flowers=102, pet=37)`: a table of keyword entries, as a dict literal.
      if (fn === 'dict' && args.namedChildren.length <= MAX_DICT_ENTRIES) {
        const out: { [key: string]: PyValue } = {};
        for (const a of args.namedChildren) {
          if (a?.type === 'comment') continue;
          const key = a?.type === 'keyword_argument' ? a.childForFieldName('name')?.text : undefined;
          const v = key ? evaluate(a!.childForFieldName('value'), symbols, depth + 1) : undefined;
          if (!key || !v) return undefined;
          out[key] = v.value;
        }
        return { value: out, origin: node, via: '' };
      }
      if (fn === 'field' || fn === 'dataclasses.field') {
        const kw = keywordArgument(args, 'default');
        return kw ? evaluate(kw, symbols, depth + 1) : undefined;
      }
      // `bool(runlocal)`: the truth of a known value.
      if (fn === 'bool' && args.namedChildren.length === 1) {
        const inner = evaluate(args.namedChildren[0], symbols, depth + 1);
        return inner && { ...inner, value: truthy(inner.value) };
      }
      // ml_collections `FieldReference(40)` (config_dict.FieldReference): a field shared by reference, holding its value.
      if (fn && /(?:^|\.)FieldReference$/.test(fn)) {
        const def = keywordArgument(args, 'default') ?? args.namedChildren.find((c) => c?.type !== 'keyword_argument');
        return def ? evaluate(def, symbols, depth + 1) : undefined;
      }
      const math = fn ? /^math\.(log|log2|log10|sqrt|ceil|floor)$/.exec(fn) : null;
      if (math && args.namedChildren.length <= 2) {
        const read = args.namedChildren.map((a) => (a ? evaluate(a, symbols, depth + 1) : undefined));
        const n = read.every((r) => r !== undefined)
          ? mathCall(
              math[1],
              read.map((r) => r.value),
            )
          : undefined;
        if (n === undefined || !Number.isFinite(n)) return undefined;
        const via = read
          .map((r) => r!.via)
          .filter(Boolean)
          .join(', ');
        return { value: n, origin: node, via: via ? `${node.text} (${via})` : '' };
      }
      if (fn === 'int' || fn === 'float') {
        const inner = evaluate(args.namedChildren[0] ?? null, symbols, depth + 1);
        if (!inner) return undefined;
        const n =
          typeof inner.value === 'number'
            ? inner.value
            : typeof inner.value === 'string'
              ? parseNumber(inner.value)
              : null;
        if (n === null) return undefined;
        return { ...inner, value: fn === 'int' ? Math.trunc(n) : n };
      }
      return undefined;
    }
    default:
      return undefined;
  }
}

/** Python's truth of a known value. */
export function truthy(v: PyValue): boolean {
  return Array.isArray(v) ? v.length > 0 : v !== null && typeof v === 'object' ? Object.keys(v).length > 0 : Boolean(v);
}

/** Entries of a `dict(...)` call read as a table (a config's lookup tables have a handful). */
const MAX_DICT_ENTRIES = 200;

function truncate(text: string, max = 40): string {
  const oneLine = text.replace(/\s+/g, ' ');
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}

/** The value node of `name=...` in an argument list, if present. */
/** The positional arguments of an argument list, in order (no keyword arguments, no comments). */
export function positionalArguments(argumentList: Node): Node[] {
  return argumentList.namedChildren.filter(
    (c): c is Node => c !== null && c.type !== 'keyword_argument' && c.type !== 'comment',
  );
}

/** A call's `name=` argument, or null. */
export function callKeyword(call: Node, name: string): Node | null {
  const args = call.childForFieldName('arguments');
  return args ? keywordArgument(args, name) : null;
}

/** The argument given as `keyword=` or, failing that, the first positional one (`MLCEngine(model)`, `mii.pipeline(name)`). */
export function keywordOrFirstArgument(call: Node, keyword: string): Node | null {
  const args = call.childForFieldName('arguments');
  return args ? (keywordArgument(args, keyword) ?? positionalArguments(args)[0] ?? null) : null;
}

export function keywordArgument(argumentList: Node, name: string): Node | null {
  for (const child of argumentList.namedChildren) {
    if (child?.type === 'keyword_argument' && child.childForFieldName('name')?.text === name) {
      return child.childForFieldName('value');
    }
  }
  return null;
}
