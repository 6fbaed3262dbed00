import type { Node } from 'web-tree-sitter';
import { evaluate, ScopedSymbols, type Binding, type PyValue, type SymbolTable } from './pythonValues';

/**
 * Layers a constructor builds step by step rather than in one expression: appended in a loop to a `ModuleList` or to
 * a local list later unpacked into `nn.Sequential(*layers)`, registered with `setattr(self, f"layer{i}", ...)` or
 * `add_module`. The constructor's statements are followed in order, its loops run over known bounds with the loop's
 * names (and locals the loop reassigns, `in_dim = out_dim`) bound afresh each turn: a small interpreter of the
 * statements that build layers, nothing else. A loop or statement it cannot follow is left to the layer walk, which
 * then reads the size as unknown.
 */

/**
 * Counts an expression that builds modules in a scope (moduleParams' expressionParams), the constructor's locals that
 * hold layers so far (`valued`: lists of layers and names bound to a built layer) read by name.
 */
export type CountModules = (
  expression: Node,
  symbols: SymbolTable,
  valued: ReadonlyMap<string, number>,
) => number | undefined;

export interface StepBuiltLayers {
  /** Parameters registered on the module itself: appended to its `ModuleList`s, `setattr(self, …)`, `add_module`. */
  readonly own: number;
  /** Local lists of layers by name, with their modules' parameters (written items and appended ones). */
  readonly lists: ReadonlyMap<string, number>;
  /** Statements read here (node ids), which the layer walk does not read again. */
  readonly handled: ReadonlySet<number>;
}

/**
 * Loop turns followed in counting one network, its nested classes' loops included (a network has at most a few
 * hundred blocks; a class built in a loop whose constructor loops again must not multiply without bound).
 */
export const MAX_TURNS = 20_000;

/** Loop turns spent so far in counting one network, shared by the constructors it builds. */
export interface TurnBudget {
  turns: number;
}
/** Items of a known list a loop runs over. */
const MAX_ITEMS = 1024;

const EMPTY_CONTAINER = /^(?:(?:torch\.)?nn\.)?(?:ModuleList|Sequential)\(\s*(?:\[\s*\])?\s*\)$/;

interface Interpreter {
  readonly count: CountModules;
  readonly overlay: Map<string, Binding>;
  readonly scope: SymbolTable;
  /**
   * Locals that hold layers and the parameters they hold so far: lists of layers (`layers = []`, appended to) and
   * names bound to a layer built here (`layer = nn.Sequential(layer, nn.ReLU())`).
   */
  readonly lists: Map<string, number>;
  /** `self.x` containers built empty (`nn.ModuleList()`). */
  readonly containers: Set<string>;
  readonly budget: TurnBudget;
  own: number;
}

function valueBinding(node: Node, value: PyValue): Binding {
  return { node, value, via: '' };
}

/** The values a loop runs over: `range(...)` with known bounds, or a known list. */
function iterationValues(iterable: Node, symbols: SymbolTable): PyValue[] | undefined {
  if (iterable.type === 'call' && iterable.childForFieldName('function')?.text === 'range') {
    const bounds = (iterable.childForFieldName('arguments')?.namedChildren ?? [])
      .filter((a): a is Node => a !== null && a.type !== 'comment')
      .map((a) => evaluate(a, symbols)?.value);
    if (bounds.length === 0 || bounds.length > 3 || bounds.some((b) => typeof b !== 'number' || !Number.isInteger(b)))
      return undefined;
    const [start, stop, step] = bounds.length === 1 ? [0, bounds[0] as number, 1] : [...(bounds as number[]), 1];
    if (step === 0) return undefined;
    const out: number[] = [];
    for (let v = start; step > 0 ? v < stop : v > stop; v += step) if (out.push(v) > MAX_ITEMS) return undefined;
    return out;
  }
  const r = evaluate(iterable, symbols)?.value;
  return Array.isArray(r) && r.length <= MAX_ITEMS ? r : undefined;
}

/** The loop's names bound to one turn's value: `for i in …`, `for i, width in enumerate(widths)`. */
function bindTurn(left: Node, value: PyValue, into: Map<string, Binding>): boolean {
  if (left.type === 'identifier') {
    into.set(left.text, valueBinding(left, value));
    return true;
  }
  if ((left.type === 'pattern_list' || left.type === 'tuple_pattern') && Array.isArray(value)) {
    const names = left.namedChildren.filter((c): c is Node => c !== null);
    if (names.length !== value.length || names.some((n) => n.type !== 'identifier')) return false;
    names.forEach((n, i) => into.set(n.text, valueBinding(n, value[i])));
    return true;
  }
  return false;
}

/** `enumerate(xs)` as a known list of [index, item] pairs. */
function loopValues(right: Node, symbols: SymbolTable): PyValue[] | undefined {
  if (right.type === 'call' && right.childForFieldName('function')?.text === 'enumerate') {
    const args = (right.childForFieldName('arguments')?.namedChildren ?? []).filter(
      (a): a is Node => a !== null && a.type !== 'comment',
    );
    if (args.length !== 1) return undefined;
    return iterationValues(args[0], symbols)?.map((v, i) => [i, v]);
  }
  return iterationValues(right, symbols);
}

/** Adds a counted layer to the list or container `target` names; false when it cannot. */
function addTo(target: string, expression: Node, it: Interpreter): boolean {
  const p = it.count(expression, it.scope, it.lists);
  if (p === undefined) return false;
  if (it.lists.has(target)) it.lists.set(target, it.lists.get(target)! + p);
  else if (it.containers.has(target)) it.own += p;
  else return false;
  return true;
}

function argumentsOf(call: Node): Node[] {
  return (call.childForFieldName('arguments')?.namedChildren ?? []).filter(
    (a): a is Node => a !== null && a.type !== 'comment',
  );
}

/** Follows one statement; false when it is one this interpreter does not follow (the caller then stops). */
function step(statement: Node, it: Interpreter, inLoop: boolean): boolean {
  if (statement.type === 'comment' || statement.type === 'pass_statement') return true;
  if (statement.type === 'for_statement') return loop(statement, it);
  if (statement.type === 'if_statement') return branch(statement, it);
  if (statement.type !== 'expression_statement') return !inLoop;
  const inner = statement.namedChildren[0];
  if (!inner) return !inLoop;
  if (inner.type === 'assignment') {
    const left = inner.childForFieldName('left');
    const right = inner.childForFieldName('right');
    if (left?.type !== 'identifier' || !right) return !inLoop;
    // A layer built and bound to a name (`layer = nn.Linear(w, w)`, then `layer = nn.Sequential(layer, nn.ReLU())`):
    // the name holds its parameters until it is bound again.
    const built = right.type === 'call' ? it.count(right, it.scope, it.lists) : undefined;
    it.lists.delete(left.text);
    if (built !== undefined) {
      it.lists.set(left.text, built);
      it.overlay.set(left.text, { node: right, via: '', unknown: true });
      return true;
    }
    const r = evaluate(right, it.scope);
    it.overlay.set(left.text, r ? valueBinding(r.origin, r.value) : { node: right, via: '', unknown: true });
    return true;
  }
  if (inner.type === 'augmented_assignment') {
    const left = inner.childForFieldName('left')?.text ?? '';
    const right = inner.childForFieldName('right');
    const op = inner.children.find((c) => c !== null && !c.isNamed)?.text;
    if (it.lists.has(left) && op === '+=' && right) return addTo(left, right, it);
    return !inLoop && !it.lists.has(left);
  }
  if (inner.type !== 'call') return !inLoop;
  const fn = inner.childForFieldName('function')?.text ?? '';
  const args = argumentsOf(inner);
  const method = /^((?:self\.)?\w{1,60})\.(append|extend|add_module)$/.exec(fn);
  if (method) {
    const [, target, verb] = method;
    if (verb === 'add_module') {
      if (args.length !== 2) return false;
      const p = it.count(args[1], it.scope, it.lists);
      if (p === undefined || (target !== 'self' && !it.containers.has(target))) return false;
      it.own += p;
      return true;
    }
    return args.length === 1 && addTo(target, args[0], it);
  }
  if (fn === 'setattr' && args.length === 3 && args[0].text === 'self') {
    const p = it.count(args[2], it.scope, it.lists);
    if (p === undefined) return false;
    it.own += p;
    return true;
  }
  // Another call (`super().__init__()`, `self.apply(init)`): outside loops it builds nothing counted here.
  return !inLoop;
}

interface State {
  readonly own: number;
  readonly lists: ReadonlyMap<string, number>;
  readonly overlay: ReadonlyMap<string, Binding>;
}

function snapshot(it: Interpreter): State {
  return { own: it.own, lists: new Map(it.lists), overlay: new Map(it.overlay) };
}

function restore(it: Interpreter, state: State): void {
  it.own = state.own;
  it.lists.clear();
  for (const [k, v] of state.lists) it.lists.set(k, v);
  it.overlay.clear();
  for (const [k, v] of state.overlay) it.overlay.set(k, v);
}

/** Follows a block's statements as a loop's or a branch's body: every one must be followed. */
function block(body: Node | null, it: Interpreter): boolean {
  if (!body) return true;
  for (const s of body.namedChildren) if (s && !step(s, it, true)) return false;
  return true;
}

/** Python's truth of a value the condition decided; undefined for what is not a plain value. */
function truth(value: PyValue): boolean | undefined {
  if (value === null || typeof value === 'boolean') return value === true;
  if (typeof value === 'number') return value !== 0;
  if (typeof value === 'string') return value !== '';
  return Array.isArray(value) ? value.length > 0 : Object.keys(value).length > 0;
}

/**
 * `if tanh: layers.append(nn.Tanh())`: the branch the constructor's known values take, followed. When a condition
 * is not known, every branch from there is followed from the same state and they must build the same layers (a branch
 * adding a parameter-free layer builds none); a local they leave different is unknown after.
 */
function branch(statement: Node, it: Interpreter): boolean {
  const arms: Array<{ condition: Node | null; body: Node | null }> = [
    { condition: statement.childForFieldName('condition'), body: statement.childForFieldName('consequence') },
  ];
  for (const alt of statement.childrenForFieldName('alternative')) {
    if (alt?.type === 'elif_clause')
      arms.push({ condition: alt.childForFieldName('condition'), body: alt.childForFieldName('consequence') });
    else if (alt?.type === 'else_clause') arms.push({ condition: null, body: alt.childForFieldName('body') });
  }
  if (arms[arms.length - 1].condition !== null) arms.push({ condition: null, body: null });
  const open: typeof arms = [];
  for (const arm of arms) {
    if (arm.condition && open.length === 0) {
      const decided = evaluate(arm.condition, it.scope);
      const taken = decided ? truth(decided.value) : undefined;
      if (taken === false) continue;
      if (taken === true) return block(arm.body, it);
    }
    open.push(arm);
    if (!arm.condition) break;
  }
  if (open.length === 1) return block(open[0].body, it);
  const start = snapshot(it);
  const ends: State[] = [];
  for (const arm of open) {
    restore(it, start);
    if (!block(arm.body, it)) return false;
    ends.push(snapshot(it));
  }
  const [first, ...rest] = ends;
  const sameLayers = rest.every(
    (e) =>
      e.own === first.own &&
      e.lists.size === first.lists.size &&
      [...e.lists].every(([k, v]) => first.lists.get(k) === v),
  );
  if (!sameLayers) return false;
  restore(it, first);
  const names = new Set(ends.flatMap((e) => [...e.overlay.keys()]));
  for (const k of names) {
    const values = ends.map((e) => e.overlay.get(k));
    const agree = values.every((v) => v !== undefined && !v.unknown && v.value === values[0]?.value);
    if (!agree) it.overlay.set(k, { node: statement, via: '', unknown: true });
  }
  return true;
}

function loop(statement: Node, it: Interpreter): boolean {
  const left = statement.childForFieldName('left');
  const right = statement.childForFieldName('right');
  const body = statement.childForFieldName('body');
  if (!left || !right || !body || statement.childForFieldName('alternative')) return false;
  const values = loopValues(right, it.scope);
  if (!values) return false;
  for (const value of values) {
    if (++it.budget.turns > MAX_TURNS) return false;
    if (!bindTurn(left, value, it.overlay)) return false;
    if (!block(body, it)) return false;
  }
  return true;
}

/**
 * Follows the direct statements of a constructor's body in order. Returns what the loops and step-wise statements
 * built; statements it could not follow are not in `handled`.
 */
export function layersBuiltInSteps(
  body: Node,
  scope: SymbolTable,
  count: CountModules,
  budget: TurnBudget,
  /** A statement left unread (a helper function's `return`, whose value the caller reads with the lists built). */
  except?: Node,
): StepBuiltLayers {
  const overlay = new Map<string, Binding>();
  const it: Interpreter = {
    count,
    overlay,
    scope: new ScopedSymbols(scope, overlay),
    lists: new Map(),
    containers: new Set(),
    budget,
    own: 0,
  };
  const handled = new Set<number>();
  for (const statement of body.namedChildren) {
    if (!statement || statement.id === except?.id) continue;
    const inner = statement.type === 'expression_statement' ? statement.namedChildren[0] : null;
    // Where a container starts: `layers = [nn.Linear(a, b), nn.ReLU()]`, `self.blocks = nn.ModuleList()`.
    if (inner?.type === 'assignment') {
      const left = inner.childForFieldName('left');
      const right = inner.childForFieldName('right');
      if (left?.type === 'identifier' && right?.type === 'list') {
        const p = count(right, it.scope, it.lists);
        if (p !== undefined) {
          it.lists.set(left.text, p);
          continue;
        }
      }
      if (left?.type === 'attribute' && /^self\.\w+$/.test(left.text) && right && EMPTY_CONTAINER.test(right.text)) {
        it.containers.add(left.text);
        continue;
      }
    }
    // Branches, `with` blocks and the like are not followed: what they assign is unknown from here on, and a list
    // they may add to no longer has a known content.
    if (
      statement.type !== 'expression_statement' &&
      statement.type !== 'for_statement' &&
      statement.type !== 'if_statement'
    ) {
      forget(statement, it);
      continue;
    }
    const before = snapshot(it);
    const builds =
      statement.type !== 'expression_statement' ||
      /\.(?:append|extend|add_module)\(|^setattr\(|\+=/.test(inner?.text ?? '');
    if (step(statement, it, false)) {
      if (builds) handled.add(statement.id);
      continue;
    }
    // Not followed: what it half-built is undone, and the names it may have changed are unknown from here on.
    restore(it, before);
    forget(statement, it);
  }
  return { own: it.own, lists: it.lists, handled };
}

function forget(statement: Node, it: Interpreter): void {
  for (const name of namesAssignedIn(statement)) it.overlay.set(name, { node: statement, via: '', unknown: true });
  for (const name of [...it.lists.keys()])
    if (new RegExp(`(?<![\\w.])${name}\\b`).test(statement.text)) it.lists.delete(name);
}

/** Identifiers a statement assigns anywhere in it (bounded by the statement's size). */
function namesAssignedIn(statement: Node): string[] {
  const out: string[] = [];
  for (const m of statement.text.matchAll(/^[ \t]*([A-Za-z_]\w{0,60})[ \t]*(?:[-+*/]?=)(?!=)/gm)) {
    if (out.length >= 64) break;
    out.push(m[1]);
  }
  const left = statement.type === 'for_statement' ? statement.childForFieldName('left') : null;
  if (left?.type === 'identifier') out.push(left.text);
  return out;
}
