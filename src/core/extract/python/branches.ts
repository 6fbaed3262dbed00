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

/** true / false when the condition is decided by known values, undefined otherwise. */
export function decideCondition(condition: Node | null, symbols: SymbolTable, depth = 0): boolean | undefined {
  if (!condition || depth > 4) return undefined;
  if (condition.type === 'parenthesized_expression') return decideCondition(condition.namedChildren[0] ?? null, symbols, depth + 1);
  if (condition.type === 'not_operator') {
    const inner = decideCondition(condition.childForFieldName('argument'), symbols, depth + 1);
    return inner === undefined ? undefined : !inner;
  }
  if (condition.type === 'boolean_operator') {
    const left = decideCondition(condition.childForFieldName('left'), symbols, depth + 1);
    const right = decideCondition(condition.childForFieldName('right'), symbols, depth + 1);
    const op = condition.childForFieldName('operator')?.text;
    if (op === 'and') return left === false || right === false ? false : left === true && right === true ? true : undefined;
    if (op === 'or') return left === true || right === true ? true : left === false && right === false ? false : undefined;
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
    const prefixes = typeof arg?.value === 'string' ? [arg.value] : Array.isArray(arg?.value) && arg.value.every((v) => typeof v === 'string') ? (arg.value) : undefined;
    if (!prefixes) return undefined;
    return prefixes.some((p) => (method === 'startswith' ? text.startsWith(p) : text.endsWith(p)));
  }
  if (condition.type === 'comparison_operator') {
    const ops = condition.children.filter((c) => c && !c.isNamed).map((c) => c!.text).join(' ');
    const [left, right] = condition.namedChildren;
    if ((ops === 'in' || ops === 'not in') && left && right) {
      const needle = evaluate(left, symbols);
      const hay = evaluate(right, symbols);
      if (needle === undefined || !Array.isArray(hay?.value)) return undefined;
      const found = hay.value.some((v) => v === needle.value);
      return ops === 'in' ? found : !found;
    }
  }
  const r = evaluate(condition, symbols);
  if (!r) return undefined;
  // Truthiness of a decided value (`if use_lora:` with `use_lora = False`).
  const v = r.value;
  return Array.isArray(v) ? v.length > 0 : v !== null && typeof v === 'object' ? Object.keys(v).length > 0 : Boolean(v);
}

/** False when some enclosing `if`/`elif`/`else` cannot be taken with the values the code states. */
export function onDefaultPath(node: Node, symbols: SymbolTable): boolean {
  let child: Node = node;
  let parent = node.parent;
  for (let depth = 0; parent && depth < MAX_DEPTH; depth++, child = parent, parent = parent.parent) {
    if (parent.type === 'function_definition' || parent.type === 'class_definition') {
      // Branches inside a function depend on its arguments, which have no single default path.
      return true;
    }
    if (parent.type !== 'if_statement' || child.type === 'comment') continue;
    const conditions: Array<Node | null> = [parent.childForFieldName('condition')];
    const clauses = parent.children.filter((c): c is Node => c !== null && (c.type === 'elif_clause' || c.type === 'else_clause'));
    if (child.type === 'block' && child.equals(parent.childForFieldName('consequence') ?? child)) {
      if (decideCondition(conditions[0], symbols) === false) return false;
      continue;
    }
    // An elif or else: every earlier condition must be false, and an elif's own true.
    for (const clause of clauses) {
      if (clause.equals(child)) {
        if (conditions.some((c) => decideCondition(c, symbols) === true)) return false;
        if (clause.type === 'elif_clause' && decideCondition(clause.childForFieldName('condition'), symbols) === false) return false;
        break;
      }
      if (clause.type === 'elif_clause') conditions.push(clause.childForFieldName('condition'));
    }
  }
  return true;
}
