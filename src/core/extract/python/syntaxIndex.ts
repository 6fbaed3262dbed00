import { Query, type Language, type Node, type Tree } from 'web-tree-sitter';

/**
 * The nodes extraction looks at, found in one pass of a tree-sitter query (native code)
 * instead of visiting every node from JavaScript: that is what keeps a scan close to
 * the cost of the parse itself.
 */
export interface SyntaxIndex {
  /** Calls, assignments, for loops, classes and parameter defaults, in document order. */
  readonly ordered: Node[];
  readonly calls: Node[];
  readonly assignments: Node[];
  readonly classes: Node[];
  readonly defaults: Node[];
  /** Assignments that are module-level statements. */
  readonly moduleAssignments: Node[];
  /** Assignments that are statements directly in a class body, with their class. */
  readonly classAssignments: Array<{ readonly cls: Node; readonly className: string; readonly assignment: Node }>;
}

const INDEX_QUERY = `
(call) @call
(assignment) @assignment
(for_statement) @for
(while_statement) @while
(class_definition) @class
(default_parameter) @default
(typed_default_parameter) @default
`;
const queries = new WeakMap<Language, Query>();

/**
 * The nodes of one type that start on the lines `keep` accepts, in document order, found by native walks of
 * those rows only (from the top-level statements that hold them), never by visiting every node from JavaScript:
 * a walk of a 2,000-line training script's whole tree to find its `add_argument` calls cost more than its parse.
 * At most `max` nodes; rows are counted from the start of the text, as tree-sitter counts them.
 */
export function nodesStartingOnLines(
  tree: Tree,
  text: string,
  type: string,
  keep: (line: string) => boolean,
  max: number,
): Node[] {
  const ranges: Array<[number, number]> = [];
  let row = 0;
  for (let at = 0; at < text.length; row++) {
    const end = text.indexOf('\n', at);
    const line = text.slice(at, end < 0 ? text.length : end);
    at = end < 0 ? text.length : end + 1;
    if (!keep(line)) continue;
    const last = ranges[ranges.length - 1];
    // Only consecutive rows are merged, so every row of a range was kept.
    if (last && row - last[1] <= 1) last[1] = row;
    else ranges.push([row, row]);
  }
  const top = tree.rootNode.children.filter((c): c is Node => c !== null);
  const found: Node[] = [];
  const seen = new Set<number>();
  let from = 0;
  for (const [first, last] of ranges) {
    while (from < top.length && top[from].endPosition.row < first) from++;
    const start = { row: first, column: 0 };
    const end = { row: last + 1, column: 0 };
    for (let i = from; i < top.length && top[i].startPosition.row <= last; i++) {
      for (const node of top[i].descendantsOfType(type, start, end)) {
        if (!node || seen.has(node.id)) continue;
        const startRow = node.startPosition.row;
        if (startRow < first || startRow > last) continue;
        seen.add(node.id);
        found.push(node);
        if (found.length >= max) return found.sort((a, b) => a.startIndex - b.startIndex);
      }
    }
  }
  return found.sort((a, b) => a.startIndex - b.startIndex);
}

/**
 * Which lines can carry a fact, by a regular expression the rules' words build. The verdicts of the
 * previous text are kept: an edit changes a line or two, so the next version of the same document
 * reuses the rest (also after lines were inserted or removed, by aligning from the end). It is a
 * cache of a pure function of the text; one text is kept, so memory does not grow with the files scanned.
 */
/** A verdict on one line (a line prefilter: RELEVANT_LINE). */
export interface LineTest {
  test(line: string): boolean;
}

export class RelevantLines {
  private previous: { readonly lines: readonly string[]; readonly verdicts: readonly boolean[] } | undefined;

  constructor(private readonly pattern: LineTest) {}

  rowRanges(text: string): Array<[number, number]> {
    const lines = text.split('\n');
    const prev = this.previous;
    const shift = prev ? lines.length - prev.lines.length : 0;
    const verdicts = lines.map((line, i) => {
      if (prev) {
        if (prev.lines[i] === line) return prev.verdicts[i];
        const j = i - shift;
        if (j >= 0 && prev.lines[j] === line) return prev.verdicts[j];
      }
      return this.pattern.test(line);
    });
    this.previous = { lines, verdicts };
    const ranges: Array<[number, number]> = [];
    verdicts.forEach((relevant, row) => {
      if (!relevant) return;
      const last = ranges[ranges.length - 1];
      // Merge rows one apart: one query beats two, and the line between (often `self.x = x`) comes along.
      if (last && row - last[1] <= 2) last[1] = row;
      else ranges.push([row, row]);
    });
    return ranges;
  }
}

function queryOf(tree: Tree): Query {
  let query = queries.get(tree.language);
  if (!query) {
    query = new Query(tree.language, INDEX_QUERY);
    queries.set(tree.language, query);
  }
  return query;
}

/** One node the index query captured in a top-level statement, by its offsets from the statement's start. */
interface CapturedShape {
  readonly name: string;
  readonly type: string;
  readonly start: number;
  readonly end: number;
}

/**
 * What the index query captured in each top-level statement of one document's previous version, so the next
 * version (one keystroke later) queries only the statements the edit touched. A statement is reused when its
 * text, its start column, its node type and size and the rows queried in it (relative to its first row) are
 * the same: the query's captures are then the same nodes, found again in the new tree by their offsets
 * (`descendantForIndex`, checked by type and extent; a statement where one is not found is queried again).
 * Statements with a syntax error are always queried. Only the statements of the last version are kept, so
 * memory follows the document's size; one per open document, dropped with it.
 */
export class SyntaxReuse {
  private previous = new Map<string, readonly CapturedShape[]>();
  private next = new Map<string, readonly CapturedShape[]>();
  /** Line verdicts of this document's previous version (see RelevantLines). */
  readonly lines: RelevantLines;

  constructor(pattern: LineTest) {
    this.lines = new RelevantLines(pattern);
  }

  /** How many statements' captures are kept (those of the last version). */
  get size(): number {
    return this.previous.size;
  }

  /** Starts one version (what an unfinished one kept is dropped). */
  begin(): void {
    this.next = new Map();
  }

  /** The captures of the statement under `key` in the previous version, marked as still used. */
  take(key: string): readonly CapturedShape[] | undefined {
    const found = this.previous.get(key);
    if (found) this.next.set(key, found);
    return found;
  }

  keep(key: string, shapes: readonly CapturedShape[]): void {
    this.next.set(key, shapes);
  }

  /** Ends one version: what it did not use is forgotten. */
  turn(): void {
    this.previous = this.next;
    this.next = new Map();
  }
}

/** The captures of a statement, found again in a new tree from their shapes; undefined if any is not there. */
function recreate(statement: Node, shapes: readonly CapturedShape[]): Array<{ name: string; node: Node }> | undefined {
  const base = statement.startIndex;
  const out: Array<{ name: string; node: Node }> = [];
  for (const { name, type, start, end } of shapes) {
    const from = base + start;
    const to = base + end;
    let node: Node | null = statement.descendantForIndex(from, to);
    // The smallest node over the extent; a capture may be an ancestor of the same extent (a call in its statement).
    while (node && node.type !== type && node.startIndex === from && node.endIndex === to) node = node.parent;
    if (!node || node.type !== type || node.startIndex !== from || node.endIndex !== to) return undefined;
    out.push({ name, node });
  }
  return out;
}

/**
 * The index's nodes on the given rows, skipping those already seen (their ids). `tick` is called with a count of
 * the statements queried so far: a module of tens of thousands of statements must let the caller's time budget stop it.
 * With `reuse`, statements unchanged since the document's previous version take their captures from it.
 */
function captureRows(
  tree: Tree,
  ranges: ReadonlyArray<readonly [number, number]>,
  seen: Set<number>,
  tick: (statements: number) => void = () => undefined,
  reuse?: SyntaxReuse,
) {
  const query = queryOf(tree);
  const top = tree.rootNode.children.filter((c): c is Node => c !== null);
  // Query from the top-level statements that hold each range rather than from the root: a range
  // query from the root walks every statement before the range, which made long files quadratic.
  // The ranges that reach each statement, in order.
  const reaching = new Map<number, Array<readonly [number, number]>>();
  let from = 0;
  for (const range of ranges) {
    const [first, last] = range;
    while (from < top.length && top[from].endPosition.row < first) from++;
    for (let i = from; i < top.length && top[i].startPosition.row <= last; i++) {
      const list = reaching.get(i);
      if (list) list.push(range);
      else reaching.set(i, [range]);
    }
  }
  const captured: Array<{ name: string; node: Node }> = [];
  let queried = 0;
  for (const [i, statementRanges] of [...reaching].sort((a, b) => a[0] - b[0])) {
    const statement = top[i];
    let key: string | undefined;
    if (reuse && !statement.hasError) {
      const { row, column } = statement.startPosition;
      key = `${statement.type} ${statement.descendantCount} ${column} ${statementRanges.map(([a, b]) => `${a - row}:${b - row}`).join(',')}\n${statement.text}`;
      const shapes = reuse.take(key);
      const again = shapes && recreate(statement, shapes);
      if (again) {
        for (let r = 0; r < statementRanges.length; r++) tick(++queried);
        for (const capture of again) {
          if (seen.has(capture.node.id)) continue;
          seen.add(capture.node.id);
          captured.push(capture);
        }
        continue;
      }
    }
    const own: Array<{ name: string; node: Node }> = [];
    for (const [first, last] of statementRanges) {
      tick(++queried);
      const options = { startPosition: { row: first, column: 0 }, endPosition: { row: last + 1, column: 0 } };
      for (const capture of query.captures(statement, options)) {
        if (seen.has(capture.node.id)) continue;
        seen.add(capture.node.id);
        own.push(capture);
      }
    }
    captured.push(...own);
    if (key !== undefined && reuse) {
      const base = statement.startIndex;
      reuse.keep(
        key,
        own.map(({ name, node }) => ({
          name,
          type: node.type,
          start: node.startIndex - base,
          end: node.endIndex - base,
        })),
      );
    }
  }
  return captured;
}

function fill(index: SyntaxIndex, captured: ReadonlyArray<{ name: string; node: Node }>): void {
  for (const { name, node } of captured) {
    index.ordered.push(node);
    if (name === 'call') index.calls.push(node);
    else if (name === 'assignment') index.assignments.push(node);
    else if (name === 'class') index.classes.push(node);
    else if (name === 'default') index.defaults.push(node);
  }
}

export function indexSyntax(
  tree: Tree,
  text: string,
  relevant: RelevantLines,
  tick?: (statements: number) => void,
  reuse?: SyntaxReuse,
): SyntaxIndex {
  const index: SyntaxIndex = {
    ordered: [],
    calls: [],
    assignments: [],
    classes: [],
    defaults: [],
    moduleAssignments: [],
    classAssignments: [],
  };
  reuse?.begin();
  const lines = reuse ? reuse.lines : relevant;
  const captured = captureRows(tree, lines.rowRanges(text), new Set<number>(), tick, reuse);
  reuse?.turn();
  captured.sort((a, b) => a.node.startIndex - b.node.startIndex);
  fill(index, captured);
  placeAssignments(index);
  return index;
}

/**
 * Adds the nodes on further rows to an index (lines the words did not keep but a file's own names
 * make relevant, such as calls of a name bound to a loaded pipeline). Returns how many were added.
 */
export function extendSyntaxIndex(
  index: SyntaxIndex,
  tree: Tree,
  ranges: ReadonlyArray<readonly [number, number]>,
): number {
  const captured = captureRows(tree, ranges, new Set(index.ordered.map((n) => n.id)));
  if (captured.length === 0) return 0;
  fill(index, captured);
  const byPosition = (a: Node, b: Node) => a.startIndex - b.startIndex;
  for (const list of [index.ordered, index.calls, index.assignments, index.classes, index.defaults])
    list.sort(byPosition);
  index.moduleAssignments.length = 0;
  index.classAssignments.length = 0;
  placeAssignments(index);
  return captured.length;
}

/**
 * Where each assignment sits, from positions rather than parent links (each .parent marshals a node
 * out of the parser): Python's indentation makes a statement at column 0 module-level, and a statement
 * at a class body's own indentation, inside its rows, a field of that class.
 */
function placeAssignments(index: SyntaxIndex): void {
  const bodies = index.classes.flatMap((cls) => {
    const body = cls.childForFieldName('body');
    return body
      ? [
          {
            cls,
            className: cls.childForFieldName('name')?.text ?? 'class',
            column: body.startPosition.column,
            first: body.startPosition.row,
            last: body.endPosition.row,
          },
        ]
      : [];
  });
  for (const assignment of index.assignments) {
    const { row, column } = assignment.startPosition;
    // `x = 1` is an expression statement holding an assignment; `a = b = 1` nests one inside another.
    if (column === 0) {
      index.moduleAssignments.push(assignment);
      continue;
    }
    const owner = bodies.find((b) => b.column === column && b.first <= row && row <= b.last);
    if (owner) index.classAssignments.push({ cls: owner.cls, className: owner.className, assignment });
  }
}
