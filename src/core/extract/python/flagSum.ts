import type { Node } from 'web-tree-sitter';
import { evaluate, type SymbolTable } from '../pythonValues';

/** Terms of a flag sum followed at most (`opt.niter + opt.niter_decay + 1` has three). */
const MAX_TERMS = 6;

export interface FlagSum {
  readonly flags: Array<[string, number]>;
  constant: number;
}

/**
 * A loop bound written as a sum of an options object's flags and whole numbers (`opt.niter + opt.niter_decay + 1`,
 * `opt.n_epochs + opt.n_epochs_decay + 1 - opt.epoch_count`), where the flags are declared in another module: each
 * `object.flag` this file cannot read with its sign, the rest added up. Undefined for anything else (a product, a
 * call, a name this file cannot read), so only plain sums are left to the linked module's defaults.
 */
export function flagSumOf(nodes: ReadonlyArray<readonly [Node, number]>, symbols: SymbolTable): FlagSum | undefined {
  const sum: FlagSum = { flags: [], constant: 0 };
  const add = (node: Node, sign: number): boolean => {
    if (sum.flags.length > MAX_TERMS) return false;
    if (node.type === 'parenthesized_expression') {
      const inner = node.namedChildren[0];
      return !!inner && node.namedChildren.length === 1 && add(inner, sign);
    }
    if (node.type === 'binary_operator') {
      const op = node.childForFieldName('operator')?.text;
      const left = node.childForFieldName('left');
      const right = node.childForFieldName('right');
      if ((op !== '+' && op !== '-') || !left || !right) return false;
      return add(left, sign) && add(right, op === '-' ? -sign : sign);
    }
    const known = evaluate(node, symbols);
    if (known && typeof known.value === 'number' && Number.isSafeInteger(known.value)) {
      sum.constant += sign * known.value;
      return true;
    }
    const object = node.type === 'attribute' ? node.childForFieldName('object') : null;
    const flag = node.type === 'attribute' ? node.childForFieldName('attribute') : null;
    if (object?.type !== 'identifier' || !flag) return false;
    sum.flags.push([flag.text, sign]);
    return true;
  };
  for (const [node, sign] of nodes) if (!add(node, sign)) return undefined;
  return sum.flags.length > 0 ? sum : undefined;
}
