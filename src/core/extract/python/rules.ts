import type { Node } from 'web-tree-sitter';
import type { PythonReadContext } from './context';
import type { SyntaxIndex } from './syntaxIndex';

/**
 * A Python reader is a table of rules. Each rule names the calls (or statements) it reads and the
 * words a line must contain for the cheap prefilter to keep it; the prefilter is built from these
 * tables (python/index.ts), so a rule can never be starved of its lines by a hand-kept regex.
 */

export interface CallInfo {
  readonly node: Node;
  /** The callee as written (`transformers.AutoModel.from_pretrained`) and its last name (`from_pretrained`). */
  readonly full: string;
  readonly last: string;
  readonly ctx: PythonReadContext;
  /**
   * The call's argument list and its text, found once per call (each `childForFieldName` builds a node out of the
   * parser, and the rules that look at every call each asked for it again).
   */
  readonly args: Node | null;
  readonly argsText: string;
}

export interface CallRule {
  /** Which framework or library the rule belongs to (for the docs and the tests). */
  readonly framework: string;
  /** Last names of the callees it reads; omitted for rules that look at every call (`when` decides). */
  readonly callees?: readonly string[];
  /** Further condition on the call: the first rule whose callee and condition hold reads it. */
  readonly when?: (call: CallInfo) => boolean;
  /** Words a line must hold for the prefilter to keep it; the callees always count as words. */
  readonly words?: readonly string[];
  /**
   * Set on the rules that can start a run (a training call or loop, inference): text a file must
   * hold for this rule to find a run start in it. A folder scan does not parse a file that no
   * rule's pattern matches (unless a run links to it), so a pattern may let too much through, never too little.
   * Several patterns: each must match. Doctest lines (`>>> ...`) are not looked at.
   */
  readonly runStart?: RegExp | readonly RegExp[];
  /**
   * The runStart patterns match a definition's header (a config registry's `def llama3_8b() -> Config:`).
   * Other rules' patterns are tested without the names in `def name` headers: a library defining
   * `def backward(ctx, grad)` or `def from_pretrained(cls, ...)` calls neither.
   */
  readonly runStartInDefinitions?: boolean;
  /** Reads the call. Returning false hands the call on to the next rule. */
  readonly read: (call: CallInfo) => boolean | void;
}

/** A rule on a kind of statement (`for` and `while` loops, assignments). */
export interface StatementRule {
  readonly framework: string;
  readonly nodeType: 'for_statement' | 'while_statement' | 'assignment';
  readonly words: readonly string[];
  /** As CallRule.runStart. */
  readonly runStart?: RegExp | readonly RegExp[];
  /** As CallRule.runStartInDefinitions. */
  readonly runStartInDefinitions?: boolean;
  readonly read: (node: Node, ctx: PythonReadContext) => void;
}

/** A pass over the whole file after the calls were read (module classes, module constants). */
export interface FileRule {
  readonly framework: string;
  /** Runs before the call rules (sizing constants that calls may refine) or after them. */
  readonly phase: 'before-calls' | 'after-calls';
  /**
   * Words a line must hold for the line prefilter to keep it; also the words a file must hold for the rule to read it
   * at all (python/index.ts: fileRulesFor), unless readsWithoutWords is set.
   */
  readonly words: readonly string[];
  /**
   * The rule reads files that hold none of its words (a dataclass's fields need no `field(`): it reads every file.
   * Found by comparing every fixture's and corpus file's facts with and without the words as a gate.
   */
  readonly readsWithoutWords?: true;
  /** As CallRule.runStart. */
  readonly runStart?: RegExp | readonly RegExp[];
  /** As CallRule.runStartInDefinitions. */
  readonly runStartInDefinitions?: boolean;
  readonly read: (index: SyntaxIndex, ctx: PythonReadContext) => void;
}
