import type { Node, Tree } from 'web-tree-sitter';
import { startsARun, type Fact } from '../../facts';
import { escapeRegExp } from './context';
import { forwardRowCounter } from './rowCounter';
import { stringSpans, type StringSpan } from './stringSpans';
import { nodesStartingOnLines } from './syntaxIndex';

/**
 * Does this module run anything when executed? A script runs its module-level statements (and its
 * `if __name__ == "__main__":` block); those run the functions and classes they name, which run the
 * ones those name, and so on. A module whose training or inference calls all sit in definitions that
 * nothing at module level reaches is a library: it defines a run, it does not launch one.
 */

/** Decorators that turn a function into the program's entry point (CLI frameworks, Hydra, torchtune's config parser; a Chainlit app's message handler, which `chainlit run` calls per message). */
export const ENTRY_DECORATOR =
  /^@\s*(hydra\.main|click\.(command|group)|app\.(command|callback)|typer\.|config\.parse|fire\.|record\b|main\b|(?:chainlit|cl)\.on_(?:message|chat_start))/;

/**
 * A click group (`@click.group()`): the root of a command-line program whose subcommands (`@<group>.command()`) click
 * dispatches to. A group exists only to be invoked as a program, by a main guard or, with no main guard, by the
 * console script a package's setup names (click docs, "Setuptools Integration": `entry_points={'console_scripts':
 * ['yourscript = yourpackage.scripts.yourscript:cli']}`), so the commands registered on a group the module defines run.
 */
const CLICK_GROUP = /^@\s*click\.group\b/;
/**
 * A click command (`@click.command()`) is the same: decorated, the function becomes a `click.Command` whose only use is
 * to be invoked as a program (by a main guard, a console script naming it, or a group that adds it), so the code it
 * reaches runs when the module defines nothing else at module level that calls it.
 */
const CLICK_COMMAND = /^@\s*click\.command\b/;

/** Constructors of router fragments an application includes (FastAPI's `APIRouter`, Flask's `Blueprint`). */
const ROUTER_FRAGMENT = /(?:^|\.)(?:APIRouter|Blueprint)$/;

/**
 * An experiment grid's explorer (Dora: `@Explorer` or a project's `@LMExplorer` subclass): `dora grid <module>`
 * imports the module and calls the function itself, so it runs with no module-level code calling it.
 */
export const CALLED_BY_LAUNCHER = /^@\s*(?:[A-Za-z_]\w{0,60}\.)?[A-Za-z_]?\w{0,60}Explorer\b/;

/**
 * A TorchX component: a function annotated to return `specs.AppDef` (docs.pytorch.org/torchx, "Components": "a
 * component is simply a python function that returns a specs.AppDef"). `torchx run file.py:fn` calls it, so it runs
 * with no module-level code calling it, as a launcher's function does. Tested on the return annotation (group-free).
 */
export const TORCHX_COMPONENT_RETURN = /^(?:[A-Za-z_]\w{0,60}\.){0,3}AppDef$/;
/** The same annotation in a module's text (a cheap gate before the tree is read). */
export const TORCHX_COMPONENT_TEXT = /->[ \t]*(?:[A-Za-z_]\w{0,60}\.){0,3}AppDef\b/;

/**
 * Base classes of a serving framework's entry point: Cog instantiates the `BasePredictor` subclass that
 * cog.yaml names and calls its `setup()` and `predict()` (https://cog.run/python/), with no main guard. Cog
 * releases before 0.1 named the base `cog.Predictor` (with `@cog.input` decorators on `predict`).
 */
/** The start an experiment-class file holds (readers/experimentClass.ts): the framework's loader instantiates it. */
export const EXPERIMENT_CLASS_FILE = 'exp-class:file';
/** A trainer-config registry module (readers/trainerRegistry.ts): its entry program imports it and calls the registry. */
export const TRAINER_REGISTRY = 'config:trainer-registry';

export const ENTRY_BASE = /\bBasePredictor\b|\bcog\.Predictor\b/;

interface Definition {
  readonly name: string;
  readonly startRow: number;
  readonly endRow: number;
  readonly node: Node;
  readonly entryDecorator: boolean;
  /** Decorated `@click.command` (CLICK_COMMAND): reached with no module-level code calling it. */
  readonly clickCommand?: boolean;
  /** Decorated as a function a launcher imports and calls (CALLED_BY_LAUNCHER). */
  readonly calledByLauncher: boolean;
  /** A class a serving framework instantiates and calls (ENTRY_BASE). */
  readonly entryClass: boolean;
  /** The names its decorators start with (`app` in `@app.post("/generate")`). */
  readonly decoratorRoots: readonly string[];
}

const IDENTIFIER = /[A-Za-z_]\w*/g;

function addWords(text: string, into: Set<string>, added?: (word: string) => void): void {
  for (const m of text.matchAll(IDENTIFIER)) {
    if (into.has(m[0])) continue;
    into.add(m[0]);
    added?.(m[0]);
  }
}

/**
 * Statements a timing call runs, written as strings: `stmt="f(x)"` of torch.utils.benchmark.Timer or Python's
 * timeit.Timer/timeit/repeat (docs.python.org/3/library/timeit.html: `timeit.timeit(stmt='pass', setup='pass', ...)`;
 * pytorch.org/docs/stable/benchmark_utils.html: `Timer(stmt='pass', setup='pass', ...)`), and the first positional
 * string of `timeit.timeit(...)`/`timeit.repeat(...)`. One-line literals only, bounded.
 */
const TIMED_STATEMENT =
  /\bstmt[ \t]*=[ \t]*(?:"([^"\\\n]{1,300})"|'([^'\\\n]{1,300})')|\btimeit\.(?:timeit|repeat)\([ \t]*(?:"([^"\\\n]{1,300})"|'([^'\\\n]{1,300})')/g;
/** Timed statements read per piece of code (a benchmark program has a handful). */
const MAX_TIMED_STATEMENTS = 50;

export function timedStatements(code: string, blanked?: string): string[] {
  const out: string[] = [];
  for (const m of code.matchAll(TIMED_STATEMENT)) {
    // `blanked`: the same text with its strings blanked; a `stmt=` written inside a string is no call's keyword.
    if (blanked !== undefined && blanked.charCodeAt(m.index) !== code.charCodeAt(m.index)) continue;
    out.push(m[1] ?? m[2] ?? m[3] ?? m[4] ?? '');
    if (out.length >= MAX_TIMED_STATEMENTS) break;
  }
  return out;
}

/**
 * The module's text with string literals blanked (same length, so node offsets still index it; with
 * `keepLines`, a string's line breaks stay, so rows still index it too): a name in a docstring or an
 * example in a string (`>>> pipe = FluxPipeline(...)`) calls nothing. When only some `names` will ever be
 * looked for, only the lines holding one of them need their strings blanked (each of those lines reads as
 * if every string were); the others keep theirs.
 */
export function codeWithoutStrings(tree: Tree, names?: ReadonlySet<string>, keepLines = false): string {
  // The module node starts at its first statement (after leading blank lines): offsets count from there.
  const base = tree.rootNode.startIndex;
  const text = tree.rootNode.text;
  const start = tree.rootNode.startPosition;
  // With keepLines only rows matter: the leading blank lines stay line breaks.
  const lead = keepLines ? '\n'.repeat(start.row) + ' '.repeat(start.column) : ' '.repeat(base);
  if (names?.size === 0) return lead + text;
  const named = names && new RegExp([...names].map(escapeRegExp).join('|'), 'g');
  const spans = moduleStringSpans(tree, text);
  const parts: string[] = [lead];
  let at = 0;
  for (const s of named ? spansOnRows(text, spans, named) : spans) {
    const literal = text.slice(s.start, s.end);
    parts.push(text.slice(at, s.start), keepLines ? literal.replace(/[^\n]/g, ' ') : ' '.repeat(literal.length));
    at = s.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/** The string literals of the module's text (offsets into `rootNode.text`), found once per tree. */
function moduleStringSpans(tree: Tree, text: string): readonly StringSpan[] {
  let spans = STRING_SPANS.get(tree);
  if (spans === undefined) {
    spans = stringSpans(text);
    STRING_SPANS.set(tree, spans);
  }
  return spans;
}
const STRING_SPANS = new WeakMap<Tree, readonly StringSpan[]>();

/**
 * The literals that reach the lines holding a match of `named` (a global pattern of literal names, no line break in
 * any) or the lines next to them (rows within two of each other are taken as one stretch, a literal spanning lines is
 * blanked whole), in document order. One pass of the pattern over the whole text, skipping to the next line after a
 * match: testing it line by line cost more than the rest of the blanking (a call per line, twenty callers per file).
 */
function spansOnRows(text: string, spans: readonly StringSpan[], named: RegExp): StringSpan[] {
  // Stretches of offsets [from, to): from the start of a kept row to the start of the row after the stretch.
  const stretches: Array<[number, number, number]> = [];
  // Matches come in order: rows are counted forward, once in all.
  const rowOf = forwardRowCounter(text);
  named.lastIndex = 0;
  for (let m = named.exec(text); m !== null; m = named.exec(text)) {
    const row = rowOf(m.index);
    const rowStart = text.lastIndexOf('\n', m.index - 1) + 1;
    const eol = text.indexOf('\n', m.index);
    const next = eol < 0 ? text.length + 1 : eol + 1;
    const last = stretches[stretches.length - 1];
    if (last && row - last[2] <= 2) {
      last[1] = next;
      last[2] = row;
    } else stretches.push([rowStart, next, row]);
    if (eol < 0) break;
    // The rest of this row is kept already: look on from the next one.
    named.lastIndex = next;
  }
  const out: StringSpan[] = [];
  let k = 0;
  for (const s of spans) {
    while (k < stretches.length && stretches[k][1] <= s.start) k++;
    if (k === stretches.length) break;
    if (s.end > stretches[k][0]) out.push(s);
  }
  return out;
}

/**
 * The whole module with every string blanked and its lines kept (`codeWithoutStrings(tree, undefined, true)`), made
 * once per tree: ten readers ask for it on the same file. Shared: a string, never changed.
 */
export function codeLinesKeptWithoutStrings(tree: Tree): string {
  let code = BLANKED_CODE.get(tree);
  if (code === undefined) {
    code = codeWithoutStrings(tree, undefined, true);
    BLANKED_CODE.set(tree, code);
  }
  return code;
}
const BLANKED_CODE = new WeakMap<Tree, string>();

/** Rows (inclusive) of the code that runs when the module is executed as a script. */
/** `tf.app.run()`, `tf.compat.v1.app.run()`: run `main` of the module (tensorflow.org/api_docs/python/tf/compat/v1/app/run). */
export const TF_APP_RUN = /\btf\.(?:compat\.v1\.)?app\.run\(\s*\)/;
/** A `module:Name` import string (`'convai_evaluation:TransformerAgent'`), the name captured. */
const IMPORT_STRING = /["'][A-Za-z_][\w.]{0,100}:([A-Za-z_]\w{0,100})["']/g;
/** A dotted name in a string (`'run_generator.generate_images'`), its last part captured. */
const DOTTED_NAME_STRING = /["'][A-Za-z_]\w{0,60}(?:\.[A-Za-z_]\w{0,60}){0,5}\.([A-Za-z_]\w{0,100})["']/g;
/** Characters of a module-level statement looked at for import strings. */
const MAX_IMPORT_STRING_SCAN = 20_000;

/**
 * `fire.Fire()` with nothing given: every function of the module is a command of its command line (Python Fire's
 * guide: "Fire() … the program's members … become commands"), so each can run as the program.
 */
const FIRE_ON_MODULE = /(?:^|[^\w.]|\bfire\.)Fire\(\s*\)/;

/** Compound statements whose blocks run with the module (`if`, `try`): their definitions stay definitions. */
const MODULE_BRANCHES = /^(?:if_statement|elif_clause|else_clause|try_statement|except_clause|finally_clause|block)$/;
/** How deep module-level `if`/`try` blocks are opened (real modules nest two or three; hostile files more). */
const MAX_BRANCH_DEPTH = 6;

/**
 * The module's top-level statements, with the blocks of module-level `if`/`try` statements opened: a class or
 * function defined under `if os.environ[...] == "cuda":` or `try:` is a definition (it runs when called), not code
 * that runs with the module. A branch's condition and an except clause's pattern are expressions that run.
 */
function moduleStatements(root: Node): Node[] {
  const out: Node[] = [];
  const open = (node: Node, depth: number) => {
    for (const child of node.namedChildren) {
      if (!child) continue;
      if (MODULE_BRANCHES.test(child.type) && depth < MAX_BRANCH_DEPTH) open(child, depth + 1);
      else out.push(child);
    }
  };
  for (const statement of root.namedChildren) {
    if (!statement) continue;
    if (MODULE_BRANCHES.test(statement.type)) open(statement, 1);
    else out.push(statement);
  }
  return out;
}

/** Registry calls (`register`, `register_module`, `register_trainer`, `Registry.register`), by the callee's last name. */
const REGISTER_CALLEE = /(?:^|\.)register(?:_\w{1,40})?$/;

/**
 * A module-level statement that only hands names to a registry: a call of a `register…` function whose arguments are
 * names, attributes and literals (no call inside, so nothing runs while it registers).
 */
function registersOnly(statement: Node): boolean {
  if (statement.type !== 'expression_statement') return false;
  const call = statement.namedChildren[0];
  if (call?.type !== 'call' || statement.namedChildren.length !== 1) return false;
  if (!REGISTER_CALLEE.test(call.childForFieldName('function')?.text ?? '')) return false;
  const args = call.childForFieldName('arguments')?.namedChildren ?? [];
  if (args.length === 0 || args.length > 12) return false;
  return args.every((a) => {
    const value = a?.type === 'keyword_argument' ? a.childForFieldName('value') : a;
    return (
      value !== null &&
      value !== undefined &&
      /^(?:identifier|attribute|string|integer|true|false|none)$/.test(value.type)
    );
  });
}

/**
 * The rows of each tree's executed code, found once per tree: many readers ask (the library verdict and every reader
 * that links what a program's reached code calls), and each answer is a walk of the module and its words.
 */
const EXECUTED_ROWS = new WeakMap<Tree, ReadonlyArray<readonly [number, number]>>();

export function executedRows(
  tree: Tree,
  checkpoint: (i: number) => void = () => undefined,
): ReadonlyArray<readonly [number, number]> {
  let rows = EXECUTED_ROWS.get(tree);
  if (!rows) EXECUTED_ROWS.set(tree, (rows = findExecutedRows(tree, checkpoint)));
  return rows;
}

/**
 * executedRows as a mask indexed by row (1 where the row runs), made once per tree for every reader that asks row by
 * row. Shared: read it, never write it. Rows past the module's end are not in it (undefined, like a row that does not run).
 */
export function executedRowMask(tree: Tree, checkpoint?: (i: number) => void): Readonly<Uint8Array> {
  let mask = EXECUTED_ROW_MASKS.get(tree);
  if (!mask) {
    mask = rowMask(tree, executedRows(tree, checkpoint));
    EXECUTED_ROW_MASKS.set(tree, mask);
  }
  return mask;
}

function rowMask(tree: Tree, rows: ReadonlyArray<readonly [number, number]>): Uint8Array {
  const mask = new Uint8Array(tree.rootNode.endPosition.row + 2);
  for (const [a, b] of rows) mask.fill(1, Math.max(0, a), b + 1);
  return mask;
}
const EXECUTED_ROW_MASKS = new WeakMap<Tree, Uint8Array>();

/**
 * A module's self-test function by its name: private `_test…` / `__test…` helpers, or pytest-style `test_…` functions
 * (pytest docs, "Conventions for Python test discovery": `test` prefixed functions). A library module often ends with
 * `if __name__ == "__main__":` calling them to check itself (shapes, a toy optimisation); a bare `test` (an evaluation
 * a script may well run) is not one. Private helpers that plot or check the module's own behaviour (`_plot_lr()`
 * stepping a scheduler over a toy layer, `_check_grad()`, `_demo_…()`) are the same kind: the leading underscore
 * keeps them out of the module's interface (PEP 8, "Naming Conventions": `_single_leading_underscore`, internal use).
 */
const SELF_TEST = /^(?:_{1,2}(?:test|plot|check|demo)\w{0,60}|test_\w{1,60})$/;

/** A definition reached by its name alone: no decorator, launcher or entry base makes it run. */
function plainDefinition(name: string, statement: Node): Definition {
  return {
    name,
    startRow: statement.startPosition.row,
    endRow: statement.endPosition.row,
    node: statement,
    entryDecorator: false,
    calledByLauncher: false,
    entryClass: false,
    decoratorRoots: [],
  };
}

/** `__init__`, `__call__`, `__enter__`: run by the language when an object is built, called or entered. */
const DUNDER = /^__\w+__$/;
/** Bounds the class names one alternation holds (a module defines a few dozen classes at most). */
const MAX_CLASS_NAMES = 400;

/**
 * How reached code uses the module's classes. A class built (`Flux(...)`), subclassed or handed on as a value runs
 * any of its methods, as before: all of it is reached. One reached only through its attributes
 * (`Flux.register_config_requirements()` at module level, a registry hook run on import) runs the class body's own
 * statements and the methods named, then whatever those name (`cls.other()`), not every method it defines: a model
 * module whose loading method calls `from_pretrained` is a library the trainer drives, not a run of its own.
 */
class ClassUses {
  private readonly byName = new Map<string, Definition[]>();
  private readonly pattern: RegExp | undefined;
  private readonly whole = new Set<string>();
  private readonly entered = new Set<string>();
  /** The methods each entered class defines in its own body. */
  private readonly defines = new Map<string, Set<string>>();
  /** Methods of entered classes not reached yet, by name. */
  private readonly pending = new Map<string, Definition[]>();
  /** Uses read before start() (the module-level statements, read before the definitions are indexed). */
  private readonly early: Array<[string, string | undefined]> = [];
  private started = false;

  constructor(
    classes: readonly Definition[],
    private readonly words: ReadonlySet<string>,
    private readonly reach: (d: Definition) => void,
  ) {
    for (const d of classes) if (d.name) (this.byName.get(d.name) ?? this.byName.set(d.name, []).get(d.name)!).push(d);
    const names = [...this.byName.keys()];
    this.pattern =
      names.length > 0 && names.length <= MAX_CLASS_NAMES
        ? new RegExp(String.raw`\b(${names.join('|')})\b(?:[ \t]*\.[ \t]*([A-Za-z_]\w*))?`, 'g')
        : undefined;
  }

  /** Reads one piece of reached code, its strings and comments blanked. */
  read(blanked: string): void {
    if (this.byName.size === 0) return;
    if (!this.pattern) {
      // Too many classes for one pattern: every class named is used whole, as before.
      for (const name of this.byName.keys()) if (blanked.includes(name)) this.use(name, undefined);
      return;
    }
    for (const m of blanked.matchAll(this.pattern)) {
      // `other.Flux`: an attribute of something else, not this module's class.
      if (m.index > 0 && blanked[m.index - 1] === '.') continue;
      this.use(m[1], m[2]);
    }
  }

  /** The definitions are indexed: uses read so far take effect, and later ones at once. */
  start(): void {
    this.started = true;
    for (const [name, attribute] of this.early.splice(0)) this.use(name, attribute);
  }

  /** Methods of entered classes that a newly seen word names. */
  methodsNamed(word: string): Definition[] {
    const methods = this.pending.get(word);
    if (!methods) return [];
    this.pending.delete(word);
    return methods;
  }

  private use(name: string, attribute: string | undefined): void {
    if (!this.started) {
      this.early.push([name, attribute]);
      return;
    }
    if (this.whole.has(name)) return;
    if (attribute === undefined) {
      this.whole.add(name);
      for (const d of this.byName.get(name) ?? []) this.reach(d);
      return;
    }
    if (!this.entered.has(name)) {
      this.entered.add(name);
      for (const d of this.byName.get(name) ?? []) this.enter(d);
    }
    // An attribute the class does not define is inherited (`ChatEval.main()` of a ParlaiScript subclass): the base's
    // code may call any method the class overrides (a template method), so all of it is reached.
    if (!this.defines.get(name)?.has(attribute)) {
      this.use(name, undefined);
      return;
    }
    for (const m of this.methodsNamed(attribute)) this.reach(m);
  }

  /** The class body's own statements run; its methods wait for a use of their names. */
  private enter(d: Definition): void {
    const defines = this.defines.get(d.name) ?? this.defines.set(d.name, new Set()).get(d.name)!;
    for (const statement of d.node.childForFieldName('body')?.namedChildren ?? []) {
      if (!statement) continue;
      const inner = statement.type === 'decorated_definition' ? statement.childForFieldName('definition') : statement;
      const part = plainDefinition(
        inner?.type === 'function_definition' ? (inner.childForFieldName('name')?.text ?? '') : '',
        statement,
      );
      if (part.name) defines.add(part.name);
      if (!part.name || DUNDER.test(part.name) || this.words.has(part.name)) this.reach(part);
      else (this.pending.get(part.name) ?? this.pending.set(part.name, []).get(part.name)!).push(part);
    }
  }
}

function findExecutedRows(
  tree: Tree,
  checkpoint: (i: number) => void,
  withoutSelfTests = false,
): Array<[number, number]> {
  const words = new Set<string>();
  // A word first seen in reached code reaches the definitions of that name (a work list: one pass per definition,
  // where re-scanning every pending definition until nothing changed was quadratic on a chain f0 → f1 → … → fn).
  const reachable: Definition[] = [];
  const byName = new Map<string, Definition[]>();
  // Set once the definitions' names are known (only those are looked up in `words`).
  let code = '';
  const wordsOf = (node: Node) => {
    const reach = (w: string) => {
      // A class is reached by how it is used (classUses below), not by its name alone.
      for (const d of byName.get(w) ?? []) if (d.node.type !== 'class_definition') reachable.push(d);
      reachable.push(...classUses.methodsNamed(w));
    };
    const blanked = code.slice(node.startIndex, node.endIndex);
    addWords(blanked, words, reach);
    classUses.read(blanked);
    // A statement a timer runs (`benchmark.Timer(stmt="generate(x)")`, `timeit.timeit("step()")`) is code written
    // in a string: what it calls runs when the timer does.
    if (blanked.includes('stmt') || blanked.includes('timeit('))
      for (const s of timedStatements(node.text, blanked)) addWords(s, words, reach);
    // `func_name_map = {'generate-images': 'run_generator.generate_images'}` handed to `dnnlib.submit_run(sc, name,
    // **kwargs)` (StyleGAN's dispatch by dotted name): a function of this module named by a dotted string in code
    // that runs is called by the runner it is handed to.
    // Only the module's functions: a dotted string's last word (`'train.loss'`) names no method.
    for (const m of node.text.slice(0, MAX_IMPORT_STRING_SCAN).matchAll(DOTTED_NAME_STRING))
      for (const d of byName.get(m[1]) ?? []) if (d.node.type === 'function_definition') reachable.push(d);
  };
  const definitions: Definition[] = [];
  // Module-level statements that run, whose words are read once the definitions' names are known.
  const statements: Node[] = [];
  const executed: Array<[number, number]> = [];
  const builtAtModuleLevel = new Set<string>();
  let anyModuleCode = false;
  // Names of the click groups this module defines (CLICK_GROUP): commands registered on them run.
  const clickGroups = new Set<string>();
  let seen = 0;
  for (const statement of moduleStatements(tree.rootNode)) {
    checkpoint(++seen);
    const inner = statement.type === 'decorated_definition' ? statement.childForFieldName('definition') : statement;
    if (inner && (inner.type === 'function_definition' || inner.type === 'class_definition')) {
      const name = inner.childForFieldName('name')?.text ?? '';
      const decorators =
        statement.type === 'decorated_definition'
          ? statement.namedChildren.filter((c) => c?.type === 'decorator').map((c) => c!.text)
          : [];
      const decoratorRoots = decorators.map((d) => /^@\s*([A-Za-z_]\w*)/.exec(d)?.[1]).filter((r): r is string => !!r);
      if (decorators.some((d) => CLICK_GROUP.test(d))) clickGroups.add(name);
      const bases = inner.type === 'class_definition' ? (inner.childForFieldName('superclasses')?.text ?? '') : '';
      definitions.push({
        name,
        startRow: statement.startPosition.row,
        endRow: statement.endPosition.row,
        node: inner,
        entryDecorator: decorators.some((d) => ENTRY_DECORATOR.test(d)),
        clickCommand: decorators.some((d) => CLICK_COMMAND.test(d)),
        calledByLauncher:
          decorators.some((d) => CALLED_BY_LAUNCHER.test(d)) ||
          (inner.type === 'function_definition' &&
            TORCHX_COMPONENT_RETURN.test(inner.childForFieldName('return_type')?.text ?? '')),
        entryClass: ENTRY_BASE.test(bases.slice(0, 500)),
        decoratorRoots,
      });
      continue;
    }
    // `OPT = OPTClass` (kept "for backwards compatibility"): an alias binds a name and calls nothing; it reaches the
    // definition it names only when code that runs uses the alias (read as a definition named for the alias).
    const bound = statement.type === 'expression_statement' ? statement.namedChildren[0] : null;
    const aliasOf = bound?.type === 'assignment' ? bound.childForFieldName('right') : null;
    const alias = bound?.type === 'assignment' ? bound.childForFieldName('left') : null;
    // So does a collection of names that calls nothing (`STEPS = [Shuffle, Paraphrase]`, `BY_NAME = {c.__name__: c for
    // c in STEPS}`): a registry the program looks its classes up in later; building it runs none of them.
    if (
      alias?.type === 'identifier' &&
      aliasOf &&
      (aliasOf.type === 'identifier' || aliasOf.type === 'attribute' || namesOnlyCollection(aliasOf))
    ) {
      definitions.push(plainDefinition(alias.text, statement));
      continue;
    }
    // `app = FastAPI()`, `app = typer.Typer()`: an object built at module level whose decorators
    // register handlers (`@app.post(...)`, `@app.command()`) that run when the program serves or is called.
    // A router fragment (`router = APIRouter()`, Flask's `bp = Blueprint(...)`) serves nothing itself: its handlers run
    // only once an application includes it (`app.include_router(router)`, `app.register_blueprint(bp)`; FastAPI docs,
    // Bigger Applications; Flask docs, Modular Applications with Blueprints), so a module of routes is a library.
    if (statement.type === 'expression_statement' && statement.namedChildren[0]?.type === 'assignment') {
      const left = statement.namedChildren[0].childForFieldName('left');
      const right = statement.namedChildren[0].childForFieldName('right');
      const fragment = right?.type === 'call' && ROUTER_FRAGMENT.test(right.childForFieldName('function')?.text ?? '');
      if (left?.type === 'identifier' && !fragment) builtAtModuleLevel.add(left.text);
    }
    if (
      statement.type === 'import_statement' ||
      statement.type === 'import_from_statement' ||
      statement.type === 'comment' ||
      statement.type === 'future_import_statement'
    )
      continue;
    // A docstring or a constant is module-level code too, but runs nothing: only statements that call count.
    if (statement.type === 'expression_statement' && statement.namedChildren[0]?.type === 'string') continue;
    // `register("cogx", "lora", LoraTrainer)`, `MODELS.register_module(Net)`, `AutoModel.register(Cfg, Model)`: a class
    // handed by name to a registry is looked up later by the framework's own program; registering it runs nothing.
    if (registersOnly(statement)) continue;
    executed.push([statement.startPosition.row, statement.endPosition.row]);
    statements.push(statement);
    if (/\(/.test(statement.text)) anyModuleCode = true;
  }
  // Only the definitions' names are looked up in `words` (an identifier is never empty).
  // Comments blanked too (same length): `# Set at top of pretrain()` beside a dict entry calls nothing. Once
  // the strings of every line naming a definition are blanked, a `#` left on such a line starts a comment; on
  // the other lines blanking can only remove words that are no definition's name.
  const classUses = new ClassUses(
    definitions.filter((d) => d.node.type === 'class_definition'),
    words,
    (d) => reachable.push(d),
  );
  code = codeWithoutStrings(tree, new Set(definitions.map((d) => d.name).filter((n) => n !== ''))).replace(
    /#[^\n]*/g,
    (comment) => ' '.repeat(comment.length),
  );
  for (const statement of statements) for (const part of runningParts(statement)) wordsOf(part);
  // `tf.app.run()` (TensorFlow 1's tf.compat.v1.app.run) with no function given calls the module's `main`.
  if (statements.some((st) => TF_APP_RUN.test(code.slice(st.startIndex, st.endIndex)))) words.add('main');
  // Commands by name (`python inference.py test_model --path x.ckpt`): a `test_` function among them is no self-test.
  const fireCommands = new Set<Definition>();
  if (statements.some((st) => FIRE_ON_MODULE.test(code.slice(st.startIndex, st.endIndex))))
    for (const d of definitions)
      if (d.node.type === 'function_definition' && !d.name.startsWith('_')) {
        words.add(d.name);
        fireCommands.add(d);
      }
  // Definitions reached from executed code run too (to a fixpoint: main() calls train() calls ...).
  for (const d of definitions) (byName.get(d.name) ?? byName.set(d.name, []).get(d.name)!).push(d);
  classUses.start();
  reachable.push(
    ...definitions.filter(
      (d) =>
        (words.has(d.name) && d.node.type !== 'class_definition') ||
        d.decoratorRoots.some((r) => builtAtModuleLevel.has(r)) ||
        (d.entryDecorator && (anyModuleCode || d.clickCommand)) ||
        d.decoratorRoots.some((r) => clickGroups.has(r)) ||
        d.calledByLauncher ||
        d.entryClass,
    ),
  );
  // `parser.set_params(model='convai_evaluation:TransformerAgent')`, `uvicorn.run("serve:app")`: a class of this module
  // named by import string in code that runs is built by the framework it is handed to (ParlAI's `module:Class` agent
  // spec), so it runs.
  for (const statement of statements)
    for (const m of statement.text.slice(0, MAX_IMPORT_STRING_SCAN).matchAll(IMPORT_STRING))
      for (const d of byName.get(m[1]) ?? []) if (d.node.type === 'class_definition') reachable.push(d);
  const done = new Set<Definition>();
  for (let d = reachable.pop(); d; d = reachable.pop()) {
    checkpoint(++seen);
    if (done.has(d) || (withoutSelfTests && SELF_TEST.test(d.name) && !fireCommands.has(d))) continue;
    done.add(d);
    executed.push([d.startRow, d.endRow]);
    wordsOf(d.node);
  }
  return executed;
}

/** Collection literals and comprehensions a registry of names is written as (Python reference, "Displays"). */
const NAME_COLLECTION = /^(?:list|tuple|set|dictionary|list_comprehension|set_comprehension|dictionary_comprehension)$/;
/** Bounds the walk over a collection's nodes: a registry is a few dozen names, a longer literal is read as code. */
const MAX_COLLECTION_NODES = 2000;

/**
 * Whether an assignment's value is a collection of names that calls nothing (`[A, B, mod.C]`, `{"a": A}`,
 * `{x.__name__: x for x in L}`): evaluating it builds the collection and runs none of the code it names.
 */
function namesOnlyCollection(value: Node): boolean {
  if (!NAME_COLLECTION.test(value.type)) return false;
  const stack: Node[] = [value];
  for (let seen = 0; stack.length > 0; seen++) {
    if (seen > MAX_COLLECTION_NODES) return false;
    const node = stack.pop()!;
    if (node.type === 'call' || node.type === 'lambda' || node.type === 'await') return false;
    for (const child of node.namedChildren) if (child) stack.push(child);
  }
  return true;
}

/**
 * The parts of a module-level statement that run. An annotated assignment (`_backend: Optional[Backend] = None`)
 * assigns its value; its annotation is at most evaluated and stored in `__annotations__` (Python reference,
 * "Annotated assignment statements"; PEP 526): naming a class there runs none of that class's code.
 */
function runningParts(statement: Node): Node[] {
  const assignment = statement.type === 'expression_statement' ? statement.namedChildren[0] : null;
  if (assignment?.type !== 'assignment' || !assignment.childForFieldName('type')) return [statement];
  return [assignment.childForFieldName('left'), assignment.childForFieldName('right')].filter(
    (n): n is Node => n !== null && n !== undefined,
  );
}

/** Whether a fact sits in a top-level statement other than a definition (code that runs when the module does). */
function inModuleLevelCode(tree: Tree, fact: Fact): boolean {
  if (fact.file || fact.range.cell !== undefined) return false;
  let node: Node | null = tree.rootNode.descendantForPosition({
    row: fact.range.startLine,
    column: fact.range.startCol,
  });
  // A start inside a definition (one nested in a module-level `if`/`try` too) runs only when that definition is called.
  while (node?.parent && node.parent.type !== 'module') {
    if (node.type === 'function_definition' || node.type === 'class_definition') return false;
    node = node.parent;
  }
  return (
    node !== null &&
    node.parent?.type === 'module' &&
    !/^(function_definition|class_definition|decorated_definition|import_statement|import_from_statement|comment)$/.test(
      node.type,
    )
  );
}

/** Command-line flags declared with argparse. */
const DECLARES_FLAGS = /\badd_argument[ \t]*\(/;
/** The parsed command line (`get_args()`, `parser.parse_args()`, `parse_arguments()`), handed on as it is. */
const PARSED = String.raw`[\w.]{0,60}(?:get_args|parse_args|get_arguments|parse_arguments)[ \t]*\([ \t]*\)`;
/**
 * A `test_…` call of the main block handed the parsed flags' values (`results = test_classifier(config, args.test_csv,
 * args.checkpoint, args.device)`): the evaluation the program runs on a test set, named for it, not a self-test.
 */
const PARSED_FIELDS_TO_TEST = String.raw`^[ \t]+(?:[\w, ]{1,60}=[ \t]*)?test_\w{0,60}[ \t]*\([^)\n]{0,300}?\b(?:args|opt|opts|FLAGS)\.\w`;
/**
 * A `test_…` function that takes the parsed command line (`def test_dqn(args=get_args()):`, called as
 * `test_dqn(get_args())`, or parsing it first thing, `args = get_args()`): RL example programs (Tianshou's) name their entry so, and a pytest test never reads the
 * command line (pytest owns it). Such a function is the program's entry, not a self-test of a library module.
 */
const TEST_TAKES_FLAGS = new RegExp(
  String.raw`\bdef[ \t]+test_\w{0,60}[ \t]*\([^)]{0,300}?=[ \t]*${PARSED}|^[ \t]+test_\w{0,60}[ \t]*\([ \t]*${PARSED}[ \t]*\)|\bdef[ \t]+test_\w{0,60}[ \t]*\([^)]{0,300}\)[^:\n]{0,100}:[ \t]*\r?\n[ \t]+\w{1,40}[ \t]*=[ \t]*${PARSED}|${PARSED_FIELDS_TO_TEST}`,
  'm',
);

function testTakesCommandLine(text: string): boolean {
  return DECLARES_FLAGS.test(text) && TEST_TAKES_FLAGS.test(text);
}

/** How the self-test verdict's detail starts (isSelfTestVerdict reads it). */
const SELF_TEST_VERDICT = 'a library module (self-tests only): ';

/**
 * The verdict libraryVerdict writes when a module's run-starting calls are reached only through its self-tests (a
 * module of layers whose `if __name__ == "__main__":` block calls `_test_…` functions that step an optimiser on random
 * tensors): what it trains is a check of its own code. A program importing a layer from it runs none of that.
 */
export function isSelfTestVerdict(f: Fact): boolean {
  return f.kind === 'run.entry' && f.value === false && f.detail.startsWith(SELF_TEST_VERDICT);
}

/**
 * When the file has calls that would start a run but none of them is reached from module-level code,
 * a `run.entry` fact says it is a library module (and why), so no run is formed from it.
 */
export function libraryVerdict(
  tree: Tree,
  facts: readonly Fact[],
  checkpoint: (i: number) => void = () => undefined,
): Fact | undefined {
  // A module that starts nothing itself but opens a config in a function (a hyperparameter loader: `def
  // get_hparams(): ... open(args.config)`) would become a run through that config when nothing here calls it.
  const ownStarts = facts.filter(startsARun);
  const starts =
    ownStarts.length > 0
      ? ownStarts
      : facts.filter((f) => f.kind === 'link.config' && !f.file && f.range.cell === undefined);
  if (starts.length === 0) return undefined;
  // A class the training program instantiates from the file it is given (readers/experimentClass.ts): nothing in the
  // module calls it, by design.
  if (
    starts.some(
      (f) => f.kind === 'launch.trainer' && (f.value === EXPERIMENT_CLASS_FILE || f.value === TRAINER_REGISTRY),
    )
  )
    return undefined;
  // A start in a module-level statement that is no definition runs when the module does: no need to
  // work out which definitions are reached (the same verdict, without walking the module).
  if (starts.some((f) => inModuleLevelCode(tree, f))) return undefined;
  // Executed rows marked once (spans of top-level statements do not overlap), so each start is one look-up.
  const executed = executedRowMask(tree, checkpoint);
  const reached = (f: Fact) => executed[f.range.startLine] === 1;
  if (starts.some(reached)) {
    // Reached only through the module's self-tests (`_test_optimizer()` under the main guard): a library module
    // checking itself, no run.
    const outsideTests = rowMask(tree, findExecutedRows(tree, checkpoint, true));
    const viaTest = starts.find(reached);
    if (!viaTest || starts.some((f) => outsideTests[f.range.startLine] === 1)) return undefined;
    if (testTakesCommandLine(tree.rootNode.text)) return undefined;
    return {
      kind: 'run.entry',
      value: false,
      range: viaTest.range,
      confidence: 'medium',
      detail: `${SELF_TEST_VERDICT}${viaTest.detail} (line ${viaTest.range.startLine + 1}) runs only in the module's self-tests (functions named \`_test…\`/\`test_…\`, or private \`_plot…\`/\`_check…\`/\`_demo…\` helpers) that its \`if __name__ == "__main__":\` block calls`,
    };
  }
  const first = starts[0];
  const where = first.range.startLine + 1;
  return {
    kind: 'run.entry',
    value: false,
    range: first.range,
    confidence: 'medium',
    detail: `a library module: ${first.detail} (line ${where}) sits in a definition that nothing at module level or under \`if __name__ == "__main__":\` calls`,
  };
}

/**
 * Names of an argument that is the run's whole definition: `--config-file`, `config`, `cfg_path`,
 * `--train-config`, `path_experiment`, `recipe`. (Not `--deepspeed_config` or `--model_config`: those
 * configure one part, and the flags beside them still define the run.)
 */
const CONFIG_ARGUMENT =
  /^(?:(?:train|training|run|exp|experiment|job|yaml|main)_)?(?:config|cfg|conf)s?(?:_(?:file|path|yaml|name)|_file_path)?$|^(?:path_)?(?:experiment|exp)(?:_(?:dir|path|folder|file))?$|^recipe(?:_(?:file|path))?$/;

/** The normalised name of an argument as written: `--config-file` → `config_file`. */
function argumentName(literal: string): string {
  return literal
    .replace(/^[rRbBuUfF]*["']|["']$/g, '')
    .replace(/^-+/, '')
    .replace(/-/g, '_')
    .toLowerCase();
}

/** Bounds on the calls looked at for arguments (a program has tens; a hostile file may have millions). */
const MAX_ARGUMENT_CALLS = 2000;

/** The calls on lines that write `add_argument` or `Fire`, in document order. */
function argumentCalls(tree: Tree, text: string): Node[] {
  return nodesStartingOnLines(
    tree,
    text,
    'call',
    (line) => line.includes('add_argument') || line.includes('Fire'),
    MAX_ARGUMENT_CALLS,
  );
}

/**
 * The argument a program cannot run without that names its config: `add_argument("--config-file",
 * required=True)`, a positional `add_argument("config")` (no `nargs="?"`, no default), or the first
 * parameter of the function `fire.Fire(fn)` exposes (`def do_cli(config, **kwargs)`: a positional on
 * the command line). Returns the name as written, and its 0-based line.
 */
export function requiredConfigArgument(tree: Tree, text: string): { name: string; line: number } | undefined {
  const typed = text.includes('typer') ? requiredTyperConfig(tree) : undefined;
  if (typed) return typed;
  if (!text.includes('add_argument') && !text.includes('Fire')) return undefined;
  const fired = new Set<string>();
  for (const call of argumentCalls(tree, text)) {
    const callee = call.childForFieldName('function')?.text ?? '';
    const args = call.childForFieldName('arguments');
    if (!args) continue;
    if (/(^|\.)Fire$/.test(callee)) {
      const first = args.namedChildren[0];
      if (first?.type === 'identifier') fired.add(first.text);
      continue;
    }
    if (!/\.add_argument$/.test(callee)) continue;
    // The option's strings (`'-c', '--config'`): the short one first is usual, the long one names it.
    const strings = args.namedChildren.slice(0, 3).filter((a) => a?.type === 'string');
    const first = strings.find((a) => CONFIG_ARGUMENT.test(argumentName(a!.text)));
    if (!first || args.namedChildren[0]?.type !== 'string') continue;
    const literal = first.text;
    const name = argumentName(literal);
    const keywords = new Map<string, string>();
    for (const a of args.namedChildren)
      if (a?.type === 'keyword_argument')
        keywords.set(a.childForFieldName('name')?.text ?? '', a.childForFieldName('value')?.text ?? '');
    const positional = !/^[rRbBuUfF]*["']-/.test(literal);
    const required = positional
      ? !keywords.has('default') && !/^["'][?*]["']$/.test(keywords.get('nargs') ?? '')
      : keywords.get('required') === 'True' || opensEmptyDefault(text, name, keywords.get('default'));
    if (required) return { name: literal.replace(/^[rRbBuUfF]*["']|["']$/g, ''), line: first.startPosition.row };
  }
  if (fired.size === 0) return undefined;
  for (const statement of tree.rootNode.namedChildren) {
    const fn = statement?.type === 'decorated_definition' ? statement.childForFieldName('definition') : statement;
    if (fn?.type !== 'function_definition' || !fired.has(fn.childForFieldName('name')?.text ?? '')) continue;
    const first = fn.childForFieldName('parameters')?.namedChildren[0];
    const name = first?.type === 'identifier' ? first.text : first?.namedChildren[0]?.text;
    if (first && name && CONFIG_ARGUMENT.test(argumentName(name))) return { name, line: first.startPosition.row };
  }
  return undefined;
}

/**
 * `typer.Argument(...)`, `Option()`, `Argument(help="")`: a call with no first positional value but `...` and no
 * `default=` has no default, so the command line must give it.
 */
function typerRequired(value: string): boolean {
  const open = /^(?:typer\.)?(?:Argument|Option)\(\s*/.exec(value);
  if (!open) return false;
  const first = value.slice(open[0].length, open[0].length + 200);
  return (first.startsWith(')') || first.startsWith('...') || /^\w+\s*=/.test(first)) && !/\bdefault\s*=/.test(value);
}
const TYPER_PARAMETER = /\b(?:typer\.)?(?:Argument|Option)\(/;

/**
 * A typer command (`@app.command()` or `typer.run(main)`) with a config parameter it cannot run without:
 * `config_file: Annotated[str, typer.Argument(help='')]` (no default) or `config: str = typer.Argument(...)`.
 */
function requiredTyperConfig(tree: Tree): { name: string; line: number } | undefined {
  const run = /\btyper\.run\(\s*(\w+)/.exec(tree.rootNode.text.slice(0, 1_000_000))?.[1];
  for (const statement of tree.rootNode.namedChildren) {
    if (!statement) continue;
    const decorated = statement.type === 'decorated_definition';
    const fn = decorated ? statement.childForFieldName('definition') : statement;
    if (fn?.type !== 'function_definition') continue;
    const command =
      decorated && statement.namedChildren.some((c) => c?.type === 'decorator' && /\.command\(/.test(c.text));
    if (!command && fn.childForFieldName('name')?.text !== run) continue;
    for (const p of fn.childForFieldName('parameters')?.namedChildren ?? []) {
      if (!p) continue;
      const name = (p.type === 'identifier' ? p : p.namedChildren.find((c) => c?.type === 'identifier'))?.text;
      if (!name || !CONFIG_ARGUMENT.test(argumentName(name))) continue;
      const annotation = p.childForFieldName('type')?.text ?? '';
      const value = p.childForFieldName('value')?.text;
      const required =
        p.type === 'typed_parameter'
          ? TYPER_PARAMETER.test(annotation) && !/\bdefault\s*=/.test(annotation)
          : value !== undefined && typerRequired(value);
      if (required) return { name, line: p.startPosition.row };
    }
  }
  return undefined;
}

/**
 * `--config` with an empty default (`default=""`, none) that the program opens or loads as it is (`with
 * open(args.config) as f: config = json.load(f)`, picotron's train.py), or loads into its global config (`cfg_from_yaml_file(
 * args.cfg_file, cfg)`, OpenPCDet's pcdet/config.py, and py-faster-rcnn's `cfg_from_file`): it cannot start without one.
 */
function opensEmptyDefault(text: string, dest: string, def: string | undefined): boolean {
  if (!/^\w+$/.test(dest) || (def !== undefined && !/^(?:""|''|None)$/.test(def))) return false;
  // Opened only when given (`if args.config:`, `args.config is not None`): optional after all.
  if (new RegExp(`\\bif[ \\t]+(?:not[ \\t]+)?args\\.${dest}\\b|\\bargs\\.${dest}[ \\t]+is[ \\t]`).test(text))
    return false;
  if (
    new RegExp(`\\b(?:open|load|safe_load|cfg_from_yaml_file|cfg_from_file)\\([ \\t]*args\\.${dest}[ \\t]*[,)]`).test(
      text,
    )
  )
    return true;
  // Handed to a config class that loads it (RT-DETR's `YAMLConfig(args.config, resume=...)`, `Config(args.cfg)`): the
  // program builds its run from the file, so without one it has nothing to run.
  if (new RegExp(`\\b\\w{0,30}Config\\(\\s{0,40}args\\.${dest}\\s{0,40}[,)]`).test(text)) return true;
  // Merged into the program's yacs config (`load_config(cfg, args.config)`, `cfg.merge_from_file(args.config)`), whose
  // data the program then builds and hands to a trainer (`build_dataset(cfg.data.val, ...)`, `pl.Trainer(...)`): the
  // config defines the run. A demo that builds only the network from it (images from its own `--path`) stays a run.
  return (
    new RegExp(`\\b(?:load_config\\([ \\t]*\\w{1,40}[ \\t]*,|merge_from_file\\()[ \\t]*args\\.${dest}[ \\t]*[,)]`).test(
      text,
    ) &&
    CONFIG_DATA_BUILD.test(text) &&
    CONFIG_RUN_HANDOFF.test(text)
  );
}

/** A dataset built from the config's data section (`build_dataset(cfg.data.train, "train")`). */
const CONFIG_DATA_BUILD = /\bbuild_data(?:set|loader)[ \t]*\([ \t]*\w{1,40}\.data\b/;

/** A checkpoint flag the program cannot run without: `add_argument("--checkpoint_path", "-p", required=True)`. */
const REQUIRED_CHECKPOINT =
  /\badd_argument\([ \t\n]*["']--(?:checkpoint|ckpt|weights?|model_checkpoint|pretrained)(?:[_-](?:path|file))?["'][^)]{0,300}?\brequired[ \t]*=[ \t]*True/;
/** The config handed to a runner or trainer of its own (mmengine's `Runner.from_cfg(cfg)`, `build_runner`, a Trainer). */
const CONFIG_RUN_HANDOFF = /\bRunner(?:\.from_cfg)?[ \t]*\(|\bbuild_runner[ \t]*\(|\bTrainer[ \t]*\(/;
/**
 * A positional checkpoint argument (`add_argument('checkpoint')`, `add_argument('pose_checkpoint', help=...)`): argparse
 * requires every positional, so the program cannot run without it. Bounded: linear.
 */
const POSITIONAL_CHECKPOINT =
  /\badd_argument\([ \t\n]*["'](?:[a-z]{1,20}_)?(?:checkpoint|ckpt|weights?)["'][ \t\n]*[,)]/;
/** A config object read from its file (mmcv-style `Config.fromfile(path)`, `ModelConfig.from_file(path)`). */
const CONFIG_OBJECT_FILE = /\.from_?file[ \t]*\(/;
/**
 * OpenMMLab's inference APIs that build the network from a config file and load a checkpoint into it
 * (`init_model(config, checkpoint)`, `init_pose_estimator`, `init_detector`; mmpose/mmdet `apis/inference.py`).
 */
const OPENMMLAB_INIT_CALL = /\binit_(?:model|pose_estimator|detector|recognizer|segmentor)[ \t]*\(/;

/**
 * An inference program that needs both a config and a checkpoint of its own (`--config_file` and `--checkpoint_path`,
 * both required: a detector's demo or evaluation program building the network from the config and loading the
 * weights into it): the config describes the checkpoint's architecture, not a run (no data, no schedule of its own),
 * so the program is the run, its model left open (twenty-third round, set Z). The config is a config object read from
 * its file (`Config.fromfile(path)`, a Python or YAML module the package builds the network from, or handed with the
 * checkpoint to OpenMMLab's `init_model(config, checkpoint)`: an OpenMMLab demo's positional `config checkpoint`
 * pair, where the config is a training config used here only to build the network); a JSON of the
 * model's dimensions loaded into its argument class (`ModelArgs(**json.load(f))`) is a layout, and each layout file,
 * which states the model's size, stays the run. Not when the config goes to a runner or trainer (an mmengine test
 * program: the config defines the run there).
 */
function describesTheCheckpoint(text: string, starts: readonly Fact[]): boolean {
  return (
    starts.length > 0 &&
    starts.every((f) => f.kind === 'launch.inference') &&
    (REQUIRED_CHECKPOINT.test(text) || POSITIONAL_CHECKPOINT.test(text)) &&
    (CONFIG_OBJECT_FILE.test(text) || OPENMMLAB_INIT_CALL.test(text)) &&
    !CONFIG_RUN_HANDOFF.test(text)
  );
}

/** A path built from a config's output key: `config['model_output_dir']`, `cfg["output_dir"]`, `cfg.save_dir`. */
const CONFIG_OUTPUT_KEY =
  /\b\w{1,40}(?:\[[ \t]*["']\w{0,40}(?:output|save)\w{0,20}_(?:dir|path)["'][ \t]*\]|\.\w{0,40}(?:output|save)\w{0,20}_(?:dir|path)\b)/;

/**
 * A serving program handed a training config only to find where that training saved its model
 * (`model_path = f"{config['model_output_dir']}/{config['model_name']}"`, then `from_pretrained(model_path)` and a
 * generation pipeline): the config is the training run's, and the program is a run of its own, the inference of the
 * trained model (whose size the files leave open). Only when everything the program starts serves and the model it
 * loads comes through the config's output key.
 */
function servesTheConfigsOutput(text: string, starts: readonly Fact[]): boolean {
  if (!(starts.length > 0 && starts.every((f) => f.kind === 'launch.inference'))) return false;
  const output = CONFIG_OUTPUT_KEY.exec(text);
  return output !== null && /\bfrom_pretrained\(/.test(text);
}

/** `from detectron2.engine import DefaultTrainer, default_argument_parser, ...` (or `import ... as`). */
/** `hparams_file, run_opts, overrides = sb.parse_arguments(sys.argv[1:])` (SpeechBrain; `hp_ctx.parse_arguments` under hpopt). */
const SPEECHBRAIN_ARGUMENTS =
  /^[ \t]*(\w{1,60})[ \t]*,[ \t]*\w{1,60}[ \t]*,[ \t]*\w{1,60}[ \t]*=[ \t]*(?:\w{1,40}\.)?parse_arguments\(/m;
const DETECTRON2_PARSER =
  /^from[ \t]+detectron2\.engine(?:\.defaults)?[ \t]+import[ \t]*(?:\([^)]{0,1500}|[^\n(]*)\bdefault_argument_parser\b/m;

/** Functions and classes an argbind training program binds (a run's parts: model, optimiser, data, loop). */
const ARGBIND_MIN_BINDINGS = 3;

/** `from torchtitan.config import ConfigManager` (also `from torchtitan.config import ConfigManager, ...`). */
const TORCHTITAN_CONFIG_MANAGER =
  /^from[ \t]+torchtitan\.config(?:\.manager)?[ \t]+import[ \t][^\n]*\bConfigManager\b/m;

/** The verdict configDrivenVerdict writes (every one of its details starts so): the program's configs are its runs. */
export function isConfigDrivenVerdict(f: Fact): boolean {
  return f.kind === 'run.entry' && f.value === false && f.detail.startsWith('a config-driven program');
}

/**
 * A program that runs only with a config file it is given (torchtune's `@config.parse` recipes,
 * llm-foundry's `train.py` reading `sys.argv[1]` as YAML, a trainer whose `--config-file` is required):
 * each config it runs with is a run, the program is not one of its own.
 */
/** `config_flags.DEFINE_config_file("config", None, ...)` or with no default at all: one statement, bounded. */
const ABSL_CONFIG_FILE =
  /\bDEFINE_config_file\([ \t\r\n]{0,40}(?:name[ \t]*=[ \t]*)?["'](\w{1,60})["'][ \t\r\n]*(?:\)|,[ \t\r\n]{0,40}(?:default[ \t]*=[ \t]*)?None\b)/;

export function configDrivenVerdict(text: string, facts: readonly Fact[], tree?: Tree): Fact | undefined {
  const starts = facts.filter(startsARun);
  // SpeechBrain recipes (`hparams_file, run_opts, overrides = sb.parse_arguments(sys.argv[1:])`, then
  // `load_hyperpyyaml(fin, overrides)` on that file): parse_arguments' first argument, the hparams file, is a required
  // positional (speechbrain/core.py), and the HyperPyYAML file builds every object the program trains or evaluates.
  // Also when the program's Brain comes from another recipe program it imports (an evaluation program): the hparams
  // files are the runs, the program is not one with what it imports.
  const hparams = text.includes('load_hyperpyyaml') ? SPEECHBRAIN_ARGUMENTS.exec(text) : null;
  if (hparams && new RegExp(`\\bopen\\(\\s*${hparams[1]}\\b`).test(text)) {
    const line = text.slice(0, hparams.index).split('\n').length - 1;
    return {
      kind: 'run.entry',
      value: false,
      range: starts[0]?.range ?? { startLine: line, startCol: 0, endLine: line, endCol: hparams[0].length },
      confidence: 'medium',
      detail: `a config-driven program: its hparams file is the required first argument of parse_arguments (${hparams[1]}), loaded with load_hyperpyyaml; each hparams file it runs with is a run`,
    };
  }
  if (starts.length === 0) return undefined;
  const verdict = (detail: string): Fact => ({
    kind: 'run.entry',
    value: false,
    range: starts[0].range,
    confidence: 'medium',
    detail,
  });
  const required = tree ? requiredConfigArgument(tree, text) : undefined;
  if (required && !describesTheCheckpoint(text, starts) && !servesTheConfigsOutput(text, starts))
    return verdict(
      `a config-driven program: it needs the config given as ${required.name} (line ${required.line + 1}); each config it runs with is a run`,
    );
  // ml_collections programs (`config_flags.DEFINE_config_file("config", None, ...)`, then `FLAGS.config`): the flag's
  // default is None (ml_collections config_flags: "default: None or a path to a config file"), so without
  // `--config=path/to/cfg.py` the program has no config to run; each config module it is given is the run.
  const configFile = text.includes('DEFINE_config_file') ? ABSL_CONFIG_FILE.exec(text) : null;
  if (configFile)
    return verdict(
      `a config-driven program: its config is the ml_collections file given as --${configFile[1]} (DEFINE_config_file with no default); each config module it runs with is a run`,
    );
  // prefigure programs (`args = get_all_args()`: flags declared in a defaults.ini beside the program, empty unless
  // given): a config flag the program opens unguarded (`with open(args.model_config) as f: json.load(f)`) must be given.
  const prefigure =
    text.includes('get_all_args') && /^from[ \t]+prefigure[\w.]*[ \t]+import[ \t][^\n]*\bget_all_args\b/m.test(text)
      ? /\bopen\([ \t]*args\.(\w{0,40}config\w{0,40})[ \t]*\)/.exec(text)
      : null;
  if (prefigure && opensEmptyDefault(text, prefigure[1], undefined))
    return verdict(
      `a config-driven program: it opens the config given as --${prefigure[1].replace(/_/g, '-')} (prefigure get_all_args(), empty by default); each config it runs with is a run`,
    );
  // Detectron2's programs (`args = default_argument_parser().parse_args()`, then `cfg.merge_from_file(args.config_file)`):
  // the parser's --config-file defaults to "" (detectron2/engine/defaults.py, default_argument_parser), so the program
  // merges the config it is given and runs nothing without one; each config is the run.
  if (
    text.includes('default_argument_parser') &&
    DETECTRON2_PARSER.test(text) &&
    /(?:\.merge_from_file|\bLazyConfig\.load)\([ \t]*args\.config_file[ \t]*\)/.test(text)
  )
    return verdict(
      "a config-driven program: detectron2's default_argument_parser leaves --config-file empty and the program merges or loads the config given there (merge_from_file(args.config_file), LazyConfig.load(args.config_file)); each such config is a run",
    );
  // torchtitan's programs (torchtitan/train.py and the experiments' copies) read the job with its ConfigManager:
  // `--module llama3 --config llama3_8b` picks a config-registry function (or `--job.config_file x.toml`).
  if (text.includes('ConfigManager') && TORCHTITAN_CONFIG_MANAGER.test(text) && /\.parse_args\s*\(/.test(text))
    return verdict(
      "a config-driven program: torchtitan's ConfigManager reads the job named with --module/--config (a config-registry function) or --job.config_file; each such config is a run",
    );
  // argbind programs (`args = argbind.parse_args()` then `with argbind.scope(args): train(...)`, the training function
  // and its parts bound with `argbind.bind`): run as `python scripts/train.py --args.load conf/<run>.yml` (argbind's
  // README; Descript Audio Codec's and VampNet's training docs), the YAML of bound keys is the run.
  if (
    text.includes('argbind') &&
    /\bargbind\.parse_args\(/.test(text) &&
    /\bargbind\.scope\(/.test(text) &&
    (text.match(/\bargbind\.bind\(/g)?.length ?? 0) >= ARGBIND_MIN_BINDINGS
  )
    return verdict(
      'a config-driven program: argbind binds its training function and parts to the keys of the YAML given as --args.load; each such config is a run',
    );
  // MMF programs (`mmf_run`'s own module and the programs written like it): `Configuration(args)` from
  // mmf.utils.configuration builds the whole configuration from the parsed command line (`config=<yaml>` with
  // `model=`/`dataset=` and dot-list overrides, MMF docs "Configuration System"), and `build_trainer(config)` trains
  // whatever it names: the YAML given as config= is the run.
  if (
    text.includes('build_trainer') &&
    /^[ \t]*from[ \t]+mmf\.utils\.configuration[ \t]+import[^\n]*\bConfiguration\b/m.test(text) &&
    /\bConfiguration\(\s*args\s*\)/.test(text) &&
    /\bbuild_trainer\(\s*\w+\s*\)/.test(text)
  )
    return verdict(
      'a config-driven program: MMF builds its configuration from the command line (Configuration(args): config=<yaml>, model=, dataset=) and trains what it names with build_trainer; each such config is a run',
    );
  // OmegaConf dot-list programs (`cli_args = OmegaConf.from_cli()` then `OmegaConf.load(cli_args.config)`, run as
  // `python -m app.train config=<yaml>`): the YAML named on the command line is the run.
  const dotList = text.includes('from_cli') ? /\b(\w+)\s*=\s*(?:OmegaConf|om)\.from_cli\(\s*\)/.exec(text) : null;
  if (
    dotList &&
    new RegExp(
      `\\b(?:OmegaConf|om)\\.load\\(\\s*${dotList[1]}(?:\\.\\w*config\\w*|\\[["']\\w*config\\w*["']\\])\\s*\\)`,
    ).test(text)
  )
    return verdict(
      `a config-driven program: it loads the YAML given as config=<file> on its command line (${dotList[1]} = OmegaConf.from_cli()); each such config is a run`,
    );
  // latent-diffusion's main.py and its descendants (`configs = [OmegaConf.load(cfg) for cfg in opt.base]`, merged,
  // then `instantiate_from_config(config.model)`): the run is the list of configs given with `--base`, nothing
  // without them. A program loading one config by path (`OmegaConf.load(opt.config)`, often with a default) stays a run.
  const baseList = text.includes('instantiate_from_config')
    ? /\b(?:OmegaConf|om)\.load\(\s*(\w+)\s*\)\s+for\s+(\w+)\s+in\s+(\w+)\.(\w+)\s*\]/.exec(text)
    : null;
  if (baseList && baseList[1] === baseList[2] && /\binstantiate_from_config\(\s*\w+\.model\s*\)/.test(text))
    return verdict(
      `a config-driven program: it builds the model with instantiate_from_config from the configs given as ${baseList[3]}.${baseList[4]} (loaded with OmegaConf and merged); each such config is a run`,
    );
  // Open-Sora-style programs (`cfg = parse_configs()`, the project's parser taking the config file as a positional
  // argument, then `cfg.get("dtype", "bf16")` throughout): the mmengine-style config given on the command line is the run.
  const parsed = text.includes('_config')
    ? /^[ \t]*(\w+)[ \t]*=[ \t]*(?:parse|read|load)_configs?\([ \t]*\)/m.exec(text)
    : null;
  if (parsed && (text.match(new RegExp(`\\b${parsed[1]}\\.get\\(["']`, 'g'))?.length ?? 0) >= 3)
    return verdict(
      `a config-driven program: its settings come from the config file given on its command line (${parsed[1]} = ${parsed[0].trim().split('=')[1].trim()}, read with ${parsed[1]}.get(...)); each such config is a run`,
    );
  // Projects on Hugging Face's HfArgumentParser that read every setting from a JSON/YAML file named by a flag
  // (`--train_args_file`, then `parser.parse_json_file(json_file=args.train_args_file)`), and never from flags of
  // their own (`parse_args_into_dataclasses`, as transformers' run_*.py do beside it): the file they are given is
  // the run, and the flag's default is one of those files.
  const argsFile = fileArgumentsOnly(text);
  if (argsFile)
    return verdict(
      `a config-driven program: every setting comes from the file given as ${argsFile} (HfArgumentParser.parse_json_file/parse_yaml_file); each such file is a run`,
    );
  const loadedConfig = text.includes('load_config') ? loadedConfigFlag(text) : undefined;
  if (loadedConfig)
    return verdict(
      `a config-driven program: its trainer's config is the file given as --${loadedConfig} (load_config(args.${loadedConfig}), no default); each such config is a run`,
    );
  const asserted = text.includes('assert') ? assertedConfigFlag(text) : undefined;
  if (asserted)
    return verdict(
      `a config-driven program: it asserts --${asserted} is given (no default), a flag its help calls the config file of the run; each such config is a run`,
    );
  const handed = tree && text.includes('yaml') ? yamlHandedToPackage(text) : undefined;
  if (handed)
    return verdict(
      `a config-driven program: it loads the YAML named by --${handed.flag} and hands the whole of it to ${handed.fn}(...), imported from ${handed.module}; each such YAML is a run`,
    );
  // Only a module with a main guard at its top level is walked (most parsed files have none).
  const unstartable = tree && /^if[ \t]+__name__/m.test(text) ? guardCallsWithoutArguments(tree) : undefined;
  if (unstartable)
    return verdict(
      `a library module: its main guard calls ${unstartable.name}() without the argument ${unstartable.parameter} it requires (line ${unstartable.line + 1}), so it cannot start by itself; the programs that call ${unstartable.name}(${unstartable.parameter}) are the runs`,
    );
  const decorator = /^@\s*config\.parse\b/m.exec(text);
  // The regex tries every word of the file: only run where `sys.argv[1]` is written at all.
  const argvYaml =
    decorator || !text.includes('sys.argv[1]') ? null : /\b(\w+)\s*(?:,\s*\w+\s*)?=\s*sys\.argv\[1\]/.exec(text);
  // `om.load(yaml_path)`, `yaml.safe_load(open(yaml_path))`, or through the handle of `with open(yaml_path) as f:`.
  const handle = argvYaml
    ? new RegExp(`with\\s+open\\(\\s*${argvYaml[1]}\\b[^)\\n]{0,40}\\)\\s+as\\s+(\\w+)\\s*:`).exec(text)
    : null;
  const loadsIt =
    argvYaml !== null &&
    new RegExp(
      `(om|OmegaConf|yaml)\\.(load|safe_load)\\(\\s*(open\\(\\s*)?(?:${argvYaml[1]}${handle ? `|${handle[1]}` : ''})\\b`,
    ).test(text);
  if (!decorator && !loadsIt) {
    const handedArgv = decorator || !text.includes('sys.argv[1]') ? undefined : argvHandedAsConfig(text);
    return handedArgv
      ? verdict(
          `a config-driven program: it hands its first argument to ${handedArgv.callee}(${handedArgv.keyword}=sys.argv[1]), with no config of its own when none is given; each config it runs with is a run`,
        )
      : undefined;
  }
  return verdict(
    decorator
      ? 'a config-driven program (@config.parse): each config it is run with is a run'
      : `a config-driven program: it trains from the YAML file given as its first argument (${argvYaml ? argvYaml[1] : '?'} = sys.argv[1]); each such config is a run`,
  );
}

/**
 * `Trainer(config_file_path=sys.argv[1] if len(sys.argv) > 1 else None, ...)`: the program hands its first
 * command-line argument, by a keyword that names a config file, to the class or function that loads it (the loader
 * lives in the program's own package). Without the argument it has no config (None, or nothing at all), so the
 * configs it is run with are the runs. A fallback to a file of its own (`else "configs/base.yaml"`) keeps it a run.
 */
function argvHandedAsConfig(text: string): { callee: string; keyword: string } | undefined {
  const m =
    /[(,][ \t]{0,40}\n?[ \t]{0,40}(\w{1,40})[ \t]*=[ \t]*sys\.argv\[1\](?:[ \t]+if[ \t]+len\([ \t]*sys\.argv[ \t]*\)[ \t]*(?:>[ \t]*1|>=[ \t]*2)[ \t]+else[ \t]+None)?[ \t]*[,)\n]/.exec(
      text,
    );
  if (!m || !CONFIG_ARGUMENT.test(m[1].toLowerCase())) return undefined;
  // The call it is an argument of: the nearest `name(` before it.
  const before = text.slice(Math.max(0, m.index - 300), m.index + 1);
  const callee = /([A-Za-z_][\w.]{0,80})\([^()]*$/.exec(before)?.[1];
  return callee ? { callee, keyword: m[1] } : undefined;
}

/**
 * A trainer program whose whole config is a file the command line names (`config = load_config(args.config_path)`,
 * the flag declared with no default: a dataclass field `config_path: str = field(default=None, ...)` or an
 * `add_argument("--config_path")` without one), the config then handed to its trainer: each config file it is
 * run with is the run (Coqui TTS's `train_tts.py`, and programs laid out like it).
 */
/** `from ppdet.utils.cli import ArgsParser` (and the toolkits that keep its module: `<pkg>.utils.cli`). */
const PADDLE_ARGS_PARSER = /^from[ \t]+\w{1,40}\.utils\.cli[ \t]+import[ \t][^\n]*\bArgsParser\b/m;

function loadedConfigFlag(text: string): string | undefined {
  const m = /\bload_config\([ \t]*(\w{1,20})\.(\w{0,40}config\w{0,40})[ \t]*\)/.exec(text);
  if (!m || !/\bTrainer\(/.test(text)) return undefined;
  const name = m[2];
  // PaddleDetection's programs (`FLAGS = parser.parse_args()` over `ArgsParser()` from ppdet/utils/cli.py, whose
  // `-c/--config` has no default; then `cfg = load_config(FLAGS.config)` and `Trainer(cfg, mode='train')`).
  if (name === 'config' && PADDLE_ARGS_PARSER.test(text)) return name;
  if (m[1] !== 'args') return undefined;
  const field = new RegExp(
    `^[ \\t]+${name}[ \\t]*:[^=\\n]{0,80}=[ \\t]*field\\([ \\t]*default[ \\t]*=[ \\t]*(None|""|'')`,
    'm',
  );
  const flag = new RegExp(
    `add_argument\\([ \\t]*["']--${name}["'](?![^)\\n]{0,200}\\bdefault[ \\t]*=[ \\t]*(?!None\\b)[^\\s,)])`,
  );
  return field.test(text) || flag.test(text) ? name : undefined;
}

/** `add_argument("--model", type=str, default=None, help="JSON file that contains model parameters.")`: one line. */
const DESCRIBED_FLAG =
  /\badd_argument\([ \t]*["']--(\w{1,60})["']([^\n]{0,300}?)\bhelp[ \t]*=[ \t]*["']([^"'\n]{0,300})["']/g;
/** Help text naming a config file: "JSON file that contains model parameters", "path to the YAML config". */
const CONFIG_FILE_HELP = /\b(?:json|ya?ml|toml|config(?:uration)?)[ \t]+file\b|\b(?:json|ya?ml|toml)[ \t]+config\b/i;

/**
 * A flag with no default whose help calls it the run's config file (`help="JSON file that contains model
 * parameters."`) and which the program asserts is given (`assert args.model is not None, "Model must be set"`): the
 * program cannot start without one, so each config it is given is the run (GPT-Neo's main.py --model, and programs
 * written the same way whatever the flag is called).
 */
function assertedConfigFlag(text: string): string | undefined {
  let tried = 0;
  for (const m of text.matchAll(DESCRIBED_FLAG)) {
    if (!CONFIG_FILE_HELP.test(m[3]) || ++tried > 20) continue;
    if (/\bdefault[ \t]*=[ \t]*(?!None\b)[^\s,)]/.test(m[2])) continue;
    const name = m[1];
    const assertion = new RegExp(
      `^[ \\t]*assert[ \\t]+(?:args|opts|flags|FLAGS)\\.${name}(?:[ \\t]+is[ \\t]+not[ \\t]+None)?\\b`,
      'm',
    );
    if (assertion.test(text)) return name;
  }
  return undefined;
}

/** A flag naming the config file a launcher opens (`--fname`, `--config`, `--config-file`, `--cfg`). */
const CONFIG_FLAG =
  /\badd_argument\([ \t\r\n]{0,40}["']--(fname|config(?:[-_]file)?|cfg(?:[-_]file)?|yaml(?:[-_]file)?)["']/;

/** Imports of a launcher looked at for the function it hands its config to (real launchers have a few dozen). */
const MAX_IMPORTS_TRIED = 100;

/** Training written in the file itself: a backward pass, an optimizer step, an epoch loop, a fit. */
const OWN_TRAINING = /\.backward\(|\boptimizer\.step\(|\bfor[ \t]+epoch\b|\.fit\(/;

/**
 * A launcher whose run is entirely the YAML it is given: it loads the file a flag names (`params =
 * yaml.load(y_file, Loader=yaml.FullLoader)`) and hands the whole dict to a function it imports from its package
 * (`from src.train import main as app_main`; `app_main(args=params)`), which reads every setting from it. The JEPA
 * launchers and many research codebases are laid out this way: the configs are the runs.
 */
function yamlHandedToPackage(text: string): { flag: string; fn: string; module: string } | undefined {
  const flag = CONFIG_FLAG.exec(text);
  // A program with a loop of its own (`main(args, config)` training in this file) hands the dict to helpers only.
  if (!flag || OWN_TRAINING.test(text)) return undefined;
  const loaded = /^[ \t]*(\w{1,60})[ \t]*=[ \t]*yaml\.(?:safe_|full_|unsafe_)?load\(/m.exec(text);
  if (!loaded) return undefined;
  const dict = loaded[1];
  let tried = 0;
  for (const m of text.matchAll(
    /^from[ \t]+([\w.]{1,200})[ \t]+import[ \t]+(\w{1,60})(?:[ \t]+as[ \t]+(\w{1,60}))?[ \t]*$/gm,
  )) {
    // Each import tries one pattern over the text: a bounded number of them keeps a file of imports linear.
    if (++tried > MAX_IMPORTS_TRIED) return undefined;
    const fn = m[3] ?? m[2];
    const call = new RegExp(`\\b${fn}\\([ \\t]*(?:\\w{1,40}[ \\t]*=[ \\t]*)?${dict}[ \\t]*[,)]`);
    if (call.test(text)) return { flag: flag[1].replace(/_/g, '-'), fn, module: m[1] };
  }
  return undefined;
}

/**
 * A main guard whose only statements call functions of the module without the positional argument they require
 * (`if __name__ == "__main__": main()` under `def main(args, resume_preempt=False)`): run by itself the module
 * stops with a TypeError, so its function is the library the launchers call. Decorated functions (click, typer,
 * hydra fill their parameters) are not such calls.
 */
function guardCallsWithoutArguments(tree: Tree): { name: string; parameter: string; line: number } | undefined {
  const required = new Map<string, string>();
  let guard: Node | undefined;
  for (const statement of tree.rootNode.namedChildren) {
    if (!statement) continue;
    if (statement.type === 'function_definition') {
      const first = statement.childForFieldName('parameters')?.namedChildren[0];
      const name = statement.childForFieldName('name')?.text;
      if (name && first?.type === 'identifier' && first.text !== 'self') required.set(name, first.text);
    } else if (
      statement.type === 'if_statement' &&
      /^__name__\s*==\s*["']__main__["']$/.test(statement.childForFieldName('condition')?.text ?? '')
    )
      guard = statement;
  }
  const body = guard?.childForFieldName('consequence');
  if (!body || guard?.childForFieldName('alternative')) return undefined;
  let found: { name: string; parameter: string; line: number } | undefined;
  for (const s of body.namedChildren) {
    if (!s || s.type === 'comment') continue;
    const call = s.type === 'expression_statement' ? s.namedChildren[0] : null;
    if (call?.type !== 'call') return undefined;
    const name = call.childForFieldName('function')?.text ?? '';
    const parameter = required.get(name);
    if (!parameter || (call.childForFieldName('arguments')?.namedChildren.length ?? 1) !== 0) return undefined;
    found ??= { name, parameter, line: call.startPosition.row };
  }
  return found;
}

/**
 * The flag an HfArgumentParser program reads all its settings from (`parse_json_file(json_file=args.train_args_file)`,
 * also through a local name assigned from `args.x`), when it reads no dataclass from the command line; else undefined.
 */
function fileArgumentsOnly(text: string): string | undefined {
  if (!text.includes('HfArgumentParser') || !/\.parse_(?:json|yaml)_file\(/.test(text)) return undefined;
  if (/\bparse_args_into_dataclasses\b|\bparse_dict\(/.test(text)) return undefined;
  const call =
    /\.parse_(?:json|yaml)_file\([ \t]*(?:(?:json|yaml)_file[ \t]*=[ \t]*)?(\w{1,60})(?:\.(\w{1,60}))?[ \t]*[,)]/.exec(
      text,
    );
  if (!call) return undefined;
  if (call[2]) return `--${call[2]}`;
  const assigned = new RegExp(`^[ \\t]*${call[1]}[ \\t]*=[ \\t]*\\w{1,60}\\.(\\w{1,60})[ \\t]*$`, 'm').exec(text);
  return assigned ? `--${assigned[1]}` : undefined;
}

/**
 * Run as a program: a main guard, a CLI framework called at module level, or a click group at module level (the
 * program's root, which its console script calls: CLICK_GROUP).
 */
export const RUNS_AS_MAIN =
  /^if\s+__name__\s*==\s*["']__main__["']|^(?:fire\.)?Fire\s*\(|^typer\.run\s*\(|^@\s*click\.group\b/m;
/**
 * What reads command-line flags: argparse and the parsers built on it (Hugging Face's HfArgumentParser,
 * TRL's TrlParser, jsonargparse), `parse_args(...)` of a sibling `params.py`, fire, click, typer, LightningCLI,
 * OmegaConf's dot-list `OmegaConf.from_cli()` (`python generate.py ckpt=<dir>`), draccus (`@draccus.wrap()`,
 * and LeRobot's `@parser.wrap()` over it: a dataclass config filled from `--a.b=x` flags), absl and TF1 flags
 * declared at the module's top level (`flags.DEFINE_integer('epochs', 200, ...)`, `tf.app.flags.DEFINE_string(...)`:
 * parsed from the command line when the program starts).
 * Each alternative starts with a literal word, so a line is matched in linear time.
 */
export const FLAG_PARSER =
  /\b(?:\w*ArgumentParser(?:Plus)?|TrlParser|LightningCLI|OmegaConf\.from_cli)\s*\(|\bparse_arg(?:s|uments)\w*\s*\(|\bfire\.Fire\s*\(|^@\s*click\.(?:command|option)\b|\btyper\.(?:Typer|run)\s*\(|^@\s*(?:draccus|parser)\.wrap\s*\(|^(?:tf\.app\.)?flags\.DEFINE_(?:string|integer|float|boolean|bool|enum|list|multi_string)\s*\(/m;

/**
 * `args = parser.parse_args()` at column 0, or absl/TF1 flags declared at column 0: the flags parsed when the module
 * runs, not inside a definition.
 */
export const MODULE_LEVEL_FLAG_PARSE =
  /^[A-Za-z_]\w{0,60}(?:[ \t]*,[ \t]*[A-Za-z_]\w{0,60}){0,3}[ \t]*=[ \t]*[A-Za-z_][\w.]{0,60}\.parse_(?:known_)?args\(|^(?:tf\.app\.)?flags\.DEFINE_(?:string|integer|float|boolean|bool|enum|list|multi_string)\s*\(/m;

/** Lines looked back from a statement for the top-level statement it belongs to (a long loop body is a few hundred). */
const MAX_LOOK_BACK = 2_000;

/**
 * Whether the 0-based line (of the module's lines) belongs to a top-level statement that is not a definition (`for epoch in …:` at column 0,
 * not the body of a `def` or `class`): the nearest line above it (or itself) that starts at column 0 decides.
 */
export function atModuleLevel(lines: readonly string[], line: number): boolean {
  for (let i = Math.min(line, lines.length - 1); i >= 0 && i >= line - MAX_LOOK_BACK; i--) {
    const l = lines[i];
    // A closing bracket at column 0 ends a statement that started above (`):` of a long signature).
    if (l.trim() === '' || /^[ \t#)\]}]/.test(l)) continue;
    return !/^(?:(?:async[ \t]+)?def|class)\b|^@/.test(l);
  }
  return false;
}

/**
 * A program people run with flags: it runs as main, reads command-line flags, and starts a run from
 * code the main guard reaches (a trainer, a loop, serving). Such a program is a run wherever it sits,
 * even inside the repository's own package (`src/<pkg>/sft.py`, `<pkg>/cli/train_dpo.py`); its model
 * is unknown when the flags leave it open.
 */
export function commandLineVerdict(text: string, facts: readonly Fact[]): Fact | undefined {
  const start = facts.find(startsARun);
  if (!start || facts.some((f) => f.kind === 'run.entry')) return undefined;
  // A script with no main guard that parses its flags and starts its run at module level (EAGLE's train/main.py:
  // `args = parser.parse_args()`, then the epoch loop, at column 0) runs top to bottom whenever it is launched.
  let lines: string[] | undefined;
  const flat =
    MODULE_LEVEL_FLAG_PARSE.test(text) &&
    facts.some((f) => startsARun(f) && atModuleLevel((lines ??= text.split('\n')), f.range.startLine));
  if (!RUNS_AS_MAIN.test(text) && !flat) return undefined;
  const parser = FLAG_PARSER.exec(text);
  if (!parser) return undefined;
  const line = text.slice(0, parser.index).split('\n').length;
  const name = /\w+/.exec(parser[0].replace(/^@\s*/, ''))?.[0] ?? 'flags';
  return {
    kind: 'run.commandLine',
    value: name,
    range: start.range,
    confidence: 'medium',
    detail: `a program run as main that reads command-line flags (${name} at line ${line})`,
  };
}

/** Every top-level statement assigns a literal (or is a comment or docstring): a config written in Python. */
/** Assignments a module of constants holds at least (fewer is a package's `__init__.py` or a stub, not a config). */
export const CONFIG_MODULE_MIN_ASSIGNMENTS = 3;

export function isConfigModule(tree: Tree): boolean {
  let assignments = 0;
  for (const statement of tree.rootNode.namedChildren) {
    if (
      !statement ||
      statement.type === 'comment' ||
      statement.type === 'import_statement' ||
      statement.type === 'import_from_statement'
    )
      continue;
    if (statement.type !== 'expression_statement') return false;
    const inner = statement.namedChildren[0];
    if (inner?.type === 'string') continue;
    if (inner?.type !== 'assignment') return false;
    const right = inner.childForFieldName('right');
    // Constants, and expressions of them (`'ft-' + str(time.time())` names a run); not a model built or trained.
    if (
      !right ||
      !/^(integer|float|string|true|false|none|unary_operator|binary_operator|list|tuple|dictionary|concatenated_string|identifier|attribute|call)$/.test(
        right.type,
      )
    )
      return false;
    if (
      right.type === 'call' &&
      !/^(str|int|float|dict|list|tuple|os\.environ\.get|os\.getenv|time\.\w+)\b/.test(
        right.childForFieldName('function')?.text ?? '',
      )
    )
      return false;
    assignments++;
  }
  return assignments >= CONFIG_MODULE_MIN_ASSIGNMENTS;
}
