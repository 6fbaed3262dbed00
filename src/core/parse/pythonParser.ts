import * as path from 'node:path';
import { Language, Parser, Query, type Node, type Tree } from 'web-tree-sitter';

/**
 * Loads web-tree-sitter and the Python grammar once per process. The wasm files
 * live next to the bundle (`dist/`), so the caller passes that folder: the
 * extension derives it from its URI, the CLI from its own file, tests from
 * node_modules.
 */
export interface PythonParsing {
  readonly parser: Parser;
  readonly language: Language;
  /** Compiles a query against the Python grammar; the caller owns (and deletes) it. */
  query(source: string): Query;
}

// The one exception: web-tree-sitter's Parser.init sets up one wasm runtime per process, so the
// loaded grammar is shared by design (the extension, the CLI and the tests each load it once).
// eslint-disable-next-line no-restricted-syntax
let loading: Promise<PythonParsing> | null = null;

export interface WasmLocation {
  /** Folder holding tree-sitter.wasm (the runtime). */
  readonly runtimeDir: string;
  /** Full path of tree-sitter-python.wasm. */
  readonly pythonGrammar: string;
}

export function wasmLocationIn(dir: string): WasmLocation {
  return { runtimeDir: dir, pythonGrammar: path.join(dir, 'tree-sitter-python.wasm') };
}

export function loadPythonParsing(location: WasmLocation): Promise<PythonParsing> {
  loading ??= (async () => {
    await Parser.init({
      locateFile: (scriptName: string) => path.join(location.runtimeDir, scriptName),
    });
    const language = await Language.load(location.pythonGrammar);
    const parser = new Parser();
    parser.setLanguage(language);
    return { parser, language, query: (source: string) => new Query(language, source) };
  })();
  loading.catch(() => {
    loading = null;
  });
  return loading;
}

export type { Tree };

/** Comment lines in one run (blank lines do not end it) that tree-sitter sees as comments; later ones are blanked. */
export const MAX_COMMENT_RUN = 64;

/**
 * The text tree-sitter is given: the same, except that comment lines past MAX_COMMENT_RUN in one run of
 * comment and blank lines are blanked (same length, so every offset and position still holds). The Python
 * grammar's scanner looks past every following comment line at each line end, which is quadratic in a run
 * of comments (16,000 comment lines took 18 s to parse). No reader looks at comment nodes (directives are
 * read from the text itself); a string holding such a run would be blanked too, which no estimate reads.
 */
export function boundedCommentRuns(code: string): string {
  const lines = code.split('\n');
  let run = 0;
  let changed = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const hash = /^[ \t]*#/.exec(line);
    if (hash) {
      if (++run > MAX_COMMENT_RUN) {
        lines[i] = ' '.repeat(line.endsWith('\r') ? line.length - 1 : line.length) + (line.endsWith('\r') ? '\r' : '');
        changed = true;
      }
    } else if (line.trim() !== '') run = 0;
  }
  return changed ? lines.join('\n') : code;
}

/**
 * Syntax nested deeper than this (in tree-sitter's named and anonymous nodes) is not read. Tree-sitter's query
 * cursor slows down super-linearly once tens of thousands of nested nodes match at once (a 100k-deep chained
 * assignment, 1.2 MB, took 38 s in one synchronous call no time budget can interrupt). No program Python runs
 * comes near: CPython 3.11's compiler stops at about 3,000 nested expression levels (RecursionError; three times
 * its recursion limit of 1,000), its tokenizer at 200 nested brackets and 100 indentation levels. Only a chained
 * assignment (`a = b = … = 1`, flat for CPython, nested for tree-sitter) goes deeper and still compiles.
 */
export const MAX_SYNTAX_DEPTH = 4_000;

/**
 * Whether some node lies more than `limit` levels below `root`. A subtree whose node count cannot reach past the
 * limit is not entered (its depth is at most its size), so ordinary code costs a visit of its few large nodes and
 * their children, and a deep chain is followed only down to the limit: linear at worst, never the whole query.
 */
export function nestsDeeperThan(root: Node, limit: number = MAX_SYNTAX_DEPTH): boolean {
  const cursor = root.walk();
  try {
    let depth = 0;
    for (;;) {
      if (depth > limit) return true;
      // descendantCount counts the node itself; the deepest node below it is at most that many levels down less one.
      const mayGoDeeper = depth + cursor.currentNode.descendantCount - 1 > limit;
      if (mayGoDeeper && cursor.gotoFirstChild()) {
        depth++;
        continue;
      }
      // Up to the next sibling of this node or of its nearest ancestor that has one, never past the root.
      for (;;) {
        if (depth === 0) return false;
        if (cursor.gotoNextSibling()) break;
        cursor.gotoParent();
        depth--;
      }
    }
  } finally {
    cursor.delete();
  }
}
