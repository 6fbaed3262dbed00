import type { Node, TreeCursor } from 'web-tree-sitter';

/**
 * Every node below `root` (itself first), in document order, as the positions of one tree cursor: a caller reads
 * `nodeType` and `startPosition` from the cursor and takes `currentNode` only for the nodes it keeps (each
 * `currentNode` marshals a node out of the parser). The cursor is freed however the loop ends.
 */
export function* cursorWalk(root: Node): Generator<TreeCursor> {
  const cursor = root.walk();
  try {
    let descending = true;
    for (;;) {
      if (descending) {
        yield cursor;
        if (cursor.gotoFirstChild()) continue;
      }
      if (cursor.gotoNextSibling()) {
        descending = true;
        continue;
      }
      if (!cursor.gotoParent()) break;
      descending = false;
    }
  } finally {
    cursor.delete();
  }
}
