import type { Node } from 'web-tree-sitter';
import { cursorWalk } from './treeCursor';

/** Ancestors climbed to find the enclosing function (deeper nesting is not looked into). */
const MAX_CLIMB = 40;
/** Statements whose body is still the enclosing scope, not a class's: a `def` there is local to the file. */
const LOCAL_PLACES = new Set([
  'for_statement',
  'while_statement',
  'if_statement',
  'elif_clause',
  'else_clause',
  'with_statement',
  'try_statement',
  'except_clause',
  'finally_clause',
  'function_definition',
]);

/**
 * Is `node` inside a helper function the file defines where no other file can reach it (inside another function,
 * a loop or a branch) and never names again: a `def lorify(model): ... get_peft_model(...)` kept beside its call
 * commented out (`# model = lorify(model)`). Such a body never runs, so what it would set up is not the run's.
 * A module-level function or a method may be called from elsewhere: those are never said uncalled here.
 */
export function inUncalledLocalFunction(node: Node): boolean {
  let def: Node | null = null;
  let at: Node | null = node.parent;
  for (let i = 0; at && i < MAX_CLIMB; i++, at = at.parent) {
    if (at.type === 'function_definition') {
      def = at;
      break;
    }
  }
  if (!def) return false;
  // Where the def sits: a block whose owner is a loop, a branch or another function (not the module, not a class).
  const block = def.parent?.type === 'decorated_definition' ? def.parent.parent : def.parent;
  const owner = block?.type === 'block' ? block.parent : null;
  if (!owner || !LOCAL_PLACES.has(owner.type)) return false;
  const name = def.childForFieldName('name');
  if (!name) return false;
  const root = def.tree.rootNode;
  // Any other mention of the name (a call, a reference passed on, `self.name`) may run it.
  for (const c of cursorWalk(root)) {
    if (c.nodeType !== 'identifier' || c.startIndex === name.startIndex) continue;
    if (c.endIndex - c.startIndex === name.text.length && c.nodeText === name.text) return false;
  }
  return true;
}
