import type { Node } from 'web-tree-sitter';
import { evaluate, type SymbolTable } from '../pythonValues';

/**
 * Is a call on the path a script takes with its defaults? nanoGPT-style switches
 * (`init_from = 'scratch'` … `elif init_from.startswith('gpt2'): GPT.from_pretrained(init_from)`)
 * put several runs in one file; the branch the default value selects is the run, and the others
 * (resume, load a checkpoint) are not. Only conditions decidable from constants and defaults count:
 * anything else is assumed taken.
 */

const MAX_DEPTH = 40;

/** A flag or field that names the model to load (`args.model_name_or_path`, `cfg.base_model`). */
const MODEL_FLAG =
  /(?:^|\.)(?:model_name_or_path|pretrained_model_name_or_path|model_name|model_id|model_path|base_model)$/;

/**
 * A switch that turns a run into a quick check of itself (`args.debug`, `opt.dry_run`, `DEBUG`, `cfg.smoke_test`,
 * Lightning's `fast_dev_run`): off in the run the file describes.
 */
export const DEBUG_SWITCH =
  /^(?:[A-Za-z_]\w{0,60}\.){0,3}(?:debug|debug_mode|dry_run|dryrun|smoke_test|fast_dev_run)$/i;

/** Comparisons that test a value against nothing (`!= ""`, `is not None`). */
const EMPTINESS_TEST: ReadonlySet<string> = new Set(['==', '!=', 'is', 'is not']);

/**
 * `flag` is a model flag at its empty default (`''` or None) and `other` is that empty value written out: the
 * comparison asks whether the flag was given on the command line.
 */
function givenTest(flag: Node, other: Node, symbols: SymbolTable): boolean {
  if (!MODEL_FLAG.test(flag.text)) return false;
  const empty = other.type === 'none' || (other.type === 'string' && /^[rbuRBU]?(?:''|"")$/.test(other.text));
  if (!empty) return false;
  const r = evaluate(flag, symbols);
  return r !== undefined && (r.value === null || r.value === '') && r.via.startsWith('default of');
}

/** true / false when the condition is decided by known values, undefined otherwise. */
export function decideCondition(condition: Node | null, symbols: SymbolTable, depth = 0): boolean | undefined {
  if (!condition || depth > 4) return undefined;
  if (condition.type === 'parenthesized_expression')
    return decideCondition(condition.namedChildren[0] ?? null, symbols, depth + 1);
  if (condition.type === 'not_operator') {
    const inner = decideCondition(condition.childForFieldName('argument'), symbols, depth + 1);
    return inner === undefined ? undefined : !inner;
  }
  if (condition.type === 'boolean_operator') {
    const left = decideCondition(condition.childForFieldName('left'), symbols, depth + 1);
    const right = decideCondition(condition.childForFieldName('right'), symbols, depth + 1);
    const op = condition.childForFieldName('operator')?.text;
    if (op === 'and')
      return left === false || right === false ? false : left === true && right === true ? true : undefined;
    if (op === 'or')
      return left === true || right === true ? true : left === false && right === false ? false : undefined;
    return undefined;
  }
  if (condition.type === 'call') {
    // name.startswith('gpt2') / name.endswith('.ckpt'), on a known string.
    const fn = condition.childForFieldName('function');
    const method = fn?.type === 'attribute' ? fn.childForFieldName('attribute')?.text : undefined;
    if (method !== 'startswith' && method !== 'endswith') return undefined;
    const subject = evaluate(fn!.childForFieldName('object'), symbols);
    const arg = evaluate(condition.childForFieldName('arguments')?.namedChildren[0] ?? null, symbols);
    const text = subject?.value;
    if (typeof text !== 'string') return undefined;
    const prefixes =
      typeof arg?.value === 'string'
        ? [arg.value]
        : Array.isArray(arg?.value) && arg.value.every((v) => typeof v === 'string')
          ? arg.value
          : undefined;
    if (!prefixes) return undefined;
    return prefixes.some((p) => (method === 'startswith' ? text.startsWith(p) : text.endsWith(p)));
  }
  if (condition.type === 'comparison_operator') {
    const ops = condition.children
      .filter((c) => c && !c.isNamed)
      .map((c) => c!.text)
      .join(' ');
    const [left, right] = condition.namedChildren;
    // `if args.model_path != "":` / `if args.model_name is not None:` with the flag's empty default: the test asks
    // whether the flag was given (the program is run with it), so which branch runs is the command line's business.
    if (
      EMPTINESS_TEST.has(ops) &&
      left &&
      right &&
      (givenTest(left, right, symbols) || givenTest(right, left, symbols))
    )
      return undefined;
    if ((ops === 'in' || ops === 'not in') && left && right) {
      const needle = evaluate(left, symbols);
      const hay = evaluate(right, symbols);
      if (needle === undefined || hay === undefined) return undefined;
      // `'model' in args.load_from` on a known string: a substring test.
      const found =
        typeof hay.value === 'string' && typeof needle.value === 'string'
          ? hay.value.includes(needle.value)
          : Array.isArray(hay.value)
            ? hay.value.some((v) => v === needle.value)
            : undefined;
      if (found === undefined) return undefined;
      return ops === 'in' ? found : !found;
    }
  }
  const r = evaluate(condition, symbols);
  // `if opt.debug:` where the switch's default is not in this file (a class-based options module): a plain run is
  // not a debug run, so the branch that shrinks it (`opt.niter = 1`) is not taken.
  if (!r) return DEBUG_SWITCH.test(condition.text) ? false : undefined;
  // `if args.model_name_or_path:` with the flag's default None: the model is a flag the program is run with
  // (required in practice), so which branch runs is the command line's business, not the default's.
  if (r.value === null && r.via.startsWith('default of') && MODEL_FLAG.test(condition.text)) return undefined;
  // Truthiness of a decided value (`if use_lora:` with `use_lora = False`).
  const v = r.value;
  return Array.isArray(v) ? v.length > 0 : v !== null && typeof v === 'object' ? Object.keys(v).length > 0 : Boolean(v);
}

/**
 * What the climb from a node found, per file (by its symbol table) and node id: calls in one block
 * share their enclosing statements, so each statement is climbed past once, not once per call (each
 * `.parent` in web-tree-sitter searches down from the root again). `steps`: the ancestors looked at
 * up to the verdict (a definition, a branch not taken, or the root).
 */
type Climb = { readonly verdict: boolean; readonly steps: number };
const CLIMBS = new WeakMap<SymbolTable, Map<number, Climb>>();

/** False when some enclosing `if`/`elif`/`else` cannot be taken with the values the code states. */
export function onDefaultPath(node: Node, symbols: SymbolTable): boolean {
  let memo = CLIMBS.get(symbols);
  if (!memo) CLIMBS.set(symbols, (memo = new Map<number, Climb>()));
  return climb(node, symbols, memo, MAX_DEPTH) ?? true;
}

/**
 * The verdict from `child` up, looking at no more than `left` ancestors: undefined when none of
 * those decides (the caller then assumes the branch taken, as for anything undecidable).
 */
function climb(child: Node, symbols: SymbolTable, memo: Map<number, Climb>, left: number): boolean | undefined {
  const known = memo.get(child.id);
  if (known) return known.steps <= left ? known.verdict : undefined;
  // The ancestors of `child`, nearest first, until one decides, the root, or `left` runs out.
  const path: Node[] = [child];
  let verdict: boolean | undefined;
  let reachedRoot = false;
  for (let at = child; path.length - 1 < left;) {
    const parent = at.parent;
    if (!parent) {
      reachedRoot = true;
      break;
    }
    const above = memo.get(parent.id);
    verdict = verdictAt(parent, at, symbols);
    if (verdict !== undefined) break;
    if (above) {
      // Known from here up: the whole path takes its verdict, if it is within reach.
      const steps = path.length + above.steps;
      for (let i = 0; i < path.length; i++) memo.set(path[i].id, { verdict: above.verdict, steps: steps - i });
      return steps <= left ? above.verdict : undefined;
    }
    path.push(parent);
    at = parent;
  }
  if (verdict === undefined && !reachedRoot) return undefined; // cut short by `left`: not the nodes' own verdict
  const final = verdict ?? true;
  const steps = verdict === undefined ? path.length - 1 : path.length;
  for (let i = 0; i < path.length; i++) memo.set(path[i].id, { verdict: final, steps: steps - i });
  return final;
}

/**
 * decideCondition, remembered per file (by its symbol table) and condition: an `if` with an `elif` chain is asked about
 * once per branch a climb arrives by, and each asks about every earlier condition again.
 */
const DECIDED = new WeakMap<SymbolTable, Map<number, boolean | undefined>>();
function decidedOnce(condition: Node | null, symbols: SymbolTable): boolean | undefined {
  if (!condition) return undefined;
  let memo = DECIDED.get(symbols);
  if (!memo) DECIDED.set(symbols, (memo = new Map<number, boolean | undefined>()));
  if (memo.has(condition.id)) return memo.get(condition.id);
  const decided = decideCondition(condition, symbols);
  memo.set(condition.id, decided);
  return decided;
}

/** What `parent` says of the branch `child` is on: false (not taken), true (stop: a definition), undefined (look further up). */
function verdictAt(parent: Node, child: Node, symbols: SymbolTable): boolean | undefined {
  // Read once: each read of a node's type is a call into the parser.
  const type = parent.type;
  if (type === 'function_definition' || type === 'class_definition') {
    // Branches inside a function depend on its arguments, which have no single default path.
    return true;
  }
  if (type === 'conditional_expression') {
    // `BitsAndBytesConfig(...) if lora_args.q_lora else None` with `q_lora: bool = False`: the branch the
    // defaults pick is the value, the other is not built.
    const [whenTrue, condition, whenFalse] = parent.namedChildren;
    const decided = decidedOnce(condition ?? null, symbols);
    if (whenTrue && child.equals(whenTrue)) return decided === false ? false : undefined;
    if (whenFalse && child.equals(whenFalse)) return decided === true ? false : undefined;
    return undefined;
  }
  if (type !== 'if_statement' || child.type === 'comment') return undefined;
  const conditions: Array<Node | null> = [parent.childForFieldName('condition')];
  const clauses = parent.children.filter(
    (c): c is Node => c !== null && (c.type === 'elif_clause' || c.type === 'else_clause'),
  );
  if (child.type === 'block' && child.equals(parent.childForFieldName('consequence') ?? child)) {
    return decidedOnce(conditions[0], symbols) === false ? false : undefined;
  }
  // An elif or else: every earlier condition must be false, and an elif's own true.
  for (const clause of clauses) {
    if (clause.equals(child)) {
      if (conditions.some((c) => decidedOnce(c, symbols) === true)) return false;
      if (clause.type === 'elif_clause' && decidedOnce(clause.childForFieldName('condition'), symbols) === false)
        return false;
      break;
    }
    if (clause.type === 'elif_clause') conditions.push(clause.childForFieldName('condition'));
  }
  return undefined;
}

/**
 * `x.get("lora_only", False)` / `x.get("lora_only")`: a settings lookup that is off unless the settings name the key
 * (Python's dict.get returns its default, None when none is given, for a missing key).
 */
const GET_OFF = /^[\w.]{1,80}\.get[ \t]*\([ \t]*["']([\w.-]{1,60})["'][ \t]*(?:,[ \t]*(?:False|None|0)[ \t]*)?\)$/;
/** Levels climbed from a call to the `if` that holds it. */
const MAX_SWITCH_DEPTH = 12;

/**
 * The settings key of the switch a call runs behind, when that switch is off by default: the call sits in the body of
 * `if kwargs.get("key", False):`, or of `if flag:` where the enclosing function sets `flag = kwargs.get("key", False)`
 * once. The settings the program is handed decide (a config that sets the key turns it on); the program alone does not
 * take that path.
 */
export function offByDefaultSwitch(node: Node): string | undefined {
  let child: Node = node;
  for (let n = node.parent, depth = 0; n && depth < MAX_SWITCH_DEPTH; child = n, n = n.parent, depth++) {
    if (n.type === 'function_definition' || n.type === 'module') return undefined;
    if (n.type !== 'if_statement') continue;
    if (n.childForFieldName('consequence')?.id !== child.id) return undefined;
    const condition = n.childForFieldName('condition');
    if (!condition || condition.text.length > 200) return undefined;
    const direct = GET_OFF.exec(condition.text);
    if (direct) return direct[1];
    if (condition.type !== 'identifier') return undefined;
    let fn: Node | null = n.parent;
    for (let up = 0; fn && fn.type !== 'function_definition' && up < MAX_SWITCH_DEPTH; up++) fn = fn.parent;
    const body = fn?.type === 'function_definition' ? fn.childForFieldName('body') : null;
    if (!body || body.text.length > 200_000) return undefined;
    const assigned = [
      ...body.text.matchAll(new RegExp(`^[ \\t]*${condition.text}[ \\t]*=[ \\t]*([^\\n]{1,200})$`, 'gm')),
    ];
    if (assigned.length !== 1) return undefined;
    return GET_OFF.exec(assigned[0][1].trim())?.[1];
  }
  return undefined;
}

/**
 * A parsed-flags field that switches an adapter or a quantised base on (`args.use_lora`, `script_args.use_peft`,
 * `args.use_qlora`, `args.load_in_4bit`): boolean command-line switches are off unless given (argparse `store_true`,
 * a dataclass field the parser turns into `--use_lora`), so the program alone does not take such a branch; a launch
 * line that gives the flag says so itself.
 */
const OPT_IN_ADAPTER_FLAG =
  /^[A-Za-z_]\w{0,40}(?:\.\w{1,40}){0,2}\.(?:use_\w{0,20}(?:lora|peft|adapter)\w{0,20}|load_in_[48]bit)$/i;

/**
 * The opt-in adapter switch a call runs behind when that switch's default cannot be read here (its flags are declared
 * in a class of another module: `ArgumentParserPlus((dpo_utils.DPOExperimentConfig, ...))`): the call sits in the
 * body of `if args.use_qlora:` (or under it, in nested blocks of one function). Undefined when the switch's default is
 * read (decideCondition decides it; onDefaultPath has judged the branch) or no such switch encloses the call.
 */
export function unreadOptInAdapterSwitch(node: Node, symbols: SymbolTable): string | undefined {
  let child: Node = node;
  for (let n = node.parent, depth = 0; n && depth < MAX_SWITCH_DEPTH; child = n, n = n.parent, depth++) {
    if (n.type === 'function_definition' || n.type === 'class_definition' || n.type === 'module') return undefined;
    if (n.type !== 'if_statement' || n.childForFieldName('consequence')?.id !== child.id) continue;
    const condition = n.childForFieldName('condition');
    if (!condition || condition.type !== 'attribute' || !OPT_IN_ADAPTER_FLAG.test(condition.text)) continue;
    if (decideCondition(condition, symbols) === undefined) return condition.text;
  }
  return undefined;
}
