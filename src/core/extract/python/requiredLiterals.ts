import { RegExpParser } from '@eslint-community/regexpp';
import type { Alternative, Element } from '@eslint-community/regexpp/ast';
import { lazy } from '../../lazy';
import { DERIVED_LITERALS } from './requiredLiteralsTable';

/**
 * Strings one of which every text a pattern matches contains (`\bsentence_transformers\b` → ["sentence_transformers"],
 * `from_pretrained|init_from` → both), so a prefilter can look for the words before running the pattern: most
 * files of a folder lack them and never pay for the regex scan. Undefined when the pattern requires no word
 * worth testing (a class, a lookahead, an optional part, a word shorter than MIN_LENGTH).
 *
 * Only a necessary condition is derived, never a sufficient one, so gating a test by it gives the same verdict as
 * the test alone: a sequence requires its longest run of plain characters (or any one part's own requirement), an
 * alternation requires one of its branches' requirements, a repeat at least once requires its body's. Patterns with
 * the `i` flag give lower-case words, to be looked up with the text's ASCII capitals folded; only ASCII words are
 * kept, so folding only ASCII cannot hide a match (a case-insensitive ASCII letter matches ASCII letters only).
 */
export interface RequiredLiterals {
  readonly words: readonly string[];
  readonly ignoreCase: boolean;
}

const MIN_LENGTH = 3;
/**
 * Past this many alternatives a requirement rejects too few texts to be worth its words. The gates find all words in
 * one pass (WordFinder), so a word costs them a lookup; gatedTest looks for each with `includes`, and takes fewer.
 */
const MAX_WORDS = 24;
/** More alternatives than this cost gatedTest more `includes` calls than the regex scan they save. */
const MAX_INCLUDES = 12;
const ASCII = /^[\x20-\x7e\t]*$/;

/**
 * Requirements every one of which a matched text meets: the rules' own patterns' from the table derived when they
 * were written (requiredLiteralsTable.ts), any other pattern's derived now. Deriving parses each pattern: for the
 * rules' few hundred, that cost each process and scan thread some 75 ms before its first file.
 */
export function requiredLiterals(pattern: RegExp): readonly RequiredLiterals[] {
  return derivedTable().get(tableKey(pattern)) ?? deriveRequiredLiterals(pattern);
}

/** The table row's key of a pattern: its flags and source (the flags change what it requires: `i`, `u`). */
export function tableKey(pattern: RegExp): string {
  return `${pattern.flags}/${pattern.source}`;
}
const derivedTable = lazy(
  () =>
    new Map<string, readonly RequiredLiterals[]>(
      DERIVED_LITERALS.map(([flags, source, r]) => [`${flags}/${source}`, r]),
    ),
);

/** Requirements every one of which a matched text meets (a pattern of one sequence: each usable part's). */
export function deriveRequiredLiterals(pattern: RegExp): RequiredLiterals[] {
  // Unicode case folding lets an ASCII letter match a non-ASCII one (`k` and the Kelvin sign): no ASCII gate holds.
  if (pattern.ignoreCase && (pattern.unicode || pattern.flags.includes('v'))) return [];
  let sets: ReadonlyArray<readonly string[]>;
  try {
    const { alternatives } = new RegExpParser({ ecmaVersion: 2022 }).parsePattern(
      pattern.source,
      0,
      pattern.source.length,
      { unicode: pattern.unicode },
    );
    const one = alternatives.length === 1 ? undefined : ofAlternatives(alternatives);
    sets = alternatives.length === 1 ? candidatesOf(alternatives[0].elements) : one ? [one] : [];
  } catch {
    return []; // a syntax the parser does not know: no gate, the regex alone decides
  }
  const ignoreCase = pattern.ignoreCase;
  return [...sets]
    .sort((a, b) => score(b) - score(a))
    .slice(0, MAX_REQUIREMENTS)
    .map((words) => ({ words: ignoreCase ? [...new Set(words.map((w) => w.toLowerCase()))] : words, ignoreCase }));
}

/** A pattern's top-level parts each add a requirement; past a few, more only cost lookups. */
const MAX_REQUIREMENTS = 3;

function ofAlternatives(alternatives: readonly Alternative[]): readonly string[] | undefined {
  const union = new Set<string>();
  for (const alternative of alternatives) {
    const words = ofSequence(alternative.elements);
    if (!words) return undefined;
    for (const w of words) union.add(w);
  }
  return usable([...union]);
}

/** Each part's requirement in a sequence: its runs of plain characters and its elements' own, the usable ones. */
function candidatesOf(elements: readonly Element[]): Array<readonly string[]> {
  const candidates: Array<readonly string[]> = [];
  let run = '';
  const endRun = () => {
    if (run) candidates.push([run]);
    run = '';
  };
  for (const element of elements) {
    if (element.type === 'Character') {
      run += String.fromCodePoint(element.value);
      continue;
    }
    endRun();
    const own = ofElement(element);
    if (own) candidates.push(own);
  }
  endRun();
  return candidates.filter((c) => usable(c));
}

/** The best requirement of a sequence (one set: inside an alternation, branches' sets are joined). */
function ofSequence(elements: readonly Element[]): readonly string[] | undefined {
  let best: readonly string[] | undefined;
  for (const c of candidatesOf(elements)) if (!best || score(c) > score(best)) best = c;
  return best;
}

function ofElement(element: Element): readonly string[] | undefined {
  switch (element.type) {
    case 'Group':
    case 'CapturingGroup':
      return ofAlternatives(element.alternatives);
    case 'Quantifier':
      return element.min >= 1 ? ofElement(element.element) : undefined;
    case 'Assertion':
      // A positive lookaround matches somewhere in the text, so its words are in the text (if not in the match):
      // `for …(?=[^\n]*?range\s*\()` requires `range`. A negative one, `^`, `$` and `\b` require nothing.
      return (element.kind === 'lookahead' || element.kind === 'lookbehind') && !element.negate
        ? ofAlternatives(element.alternatives)
        : undefined;
    default:
      // Classes, `.`, `\w`, back-references: no word required.
      return undefined;
  }
}

/**
 * Python's own keywords are in nearly every module: a requirement of only those rejects no text, so any other word
 * of the sequence is preferred, however short (`import[ \t]+mlx\b` requires `mlx`, not `import`).
 */
const COMMON_WORDS = new Set([
  'import',
  'from',
  'def',
  'class',
  'self',
  'return',
  'for',
  'while',
  'with',
  'not',
  'and',
]);

/** Longest word first (a set of long words rejects more texts), keywords last. */
const score = (words: readonly string[]) =>
  (words.every((w) => COMMON_WORDS.has(w)) ? -100 : 0) +
  Math.min(...words.map((w) => w.length)) -
  words.length / (MAX_WORDS + 1);

function usable(words: readonly string[]): readonly string[] | undefined {
  if (words.length === 0 || words.length > MAX_WORDS) return undefined;
  return words.every((w) => w.length >= MIN_LENGTH && ASCII.test(w)) ? words : undefined;
}

/**
 * Finds which of many words a text holds in one pass over it: an Aho–Corasick automaton over ASCII with a dense
 * transition table (the words are ASCII by construction; any other character restarts the match). On a large
 * folder the words of seventy rules would otherwise cost seventy passes over every file, or one alternation
 * that V8 tries word by word at each position (three times slower, measured on diffusers' 2,089 files).
 */
export class WordFinder {
  private readonly caseSensitive: Automaton | undefined;
  private readonly lowerCase: Automaton | undefined;

  constructor(required: readonly RequiredLiterals[]) {
    const words = (ignoreCase: boolean) => [
      ...new Set(required.filter((r) => r.ignoreCase === ignoreCase).flatMap((r) => r.words)),
    ];
    this.caseSensitive = automaton(words(false));
    this.lowerCase = automaton(words(true));
  }

  /**
   * The words the text holds: case-sensitive ones as written, the `i` patterns' ones with ASCII capitals folded as
   * the pass reads (as a regex's `i` flag does without `u`). One pass drives both automata: a lower-cased copy of
   * the text cost more than both automata together (diffusers: ~15 ns a character of ~20).
   */
  find(text: string): FoundWords {
    const caseSensitive = new Set<string>();
    const lowerCase = new Set<string>();
    // The tables in locals: the loop runs once per character of every file a scan reads.
    const { step: exactStep, width: exactWidth, classOf: exactClass, ends: exactEnds } = this.caseSensitive ?? NO_WORDS;
    const { step: foldedStep, width: foldedWidth, classOf: foldedClass, ends: foldedEnds } = this.lowerCase ?? NO_WORDS;
    // A state's words are added once: `for` or `import` end at the same state hundreds of times in a file.
    const exactReported = new Uint8Array(exactEnds.length);
    const foldedReported = new Uint8Array(foldedEnds.length);
    let exactState = 0;
    let foldedState = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= ALPHABET) {
        exactState = 0;
        foldedState = 0;
        continue;
      }
      exactState = exactStep[exactState * exactWidth + exactClass[c]];
      foldedState = foldedStep[foldedState * foldedWidth + foldedClass[c >= 65 && c <= 90 ? c + 32 : c]];
      if (exactReported[exactState] === 0) {
        exactReported[exactState] = 1;
        const words = exactEnds[exactState];
        if (words) for (const w of words) caseSensitive.add(w);
      }
      if (foldedReported[foldedState] === 0) {
        foldedReported[foldedState] = 1;
        const words = foldedEnds[foldedState];
        if (words) for (const w of words) lowerCase.add(w);
      }
    }
    return { caseSensitive, lowerCase };
  }
}

export interface FoundWords {
  readonly caseSensitive: ReadonlySet<string>;
  readonly lowerCase: ReadonlySet<string>;
}

/** Does the text (as found by a WordFinder built with this requirement) hold one of its words? */
export function holdsRequired(required: RequiredLiterals, found: FoundWords): boolean {
  const words = required.ignoreCase ? found.lowerCase : found.caseSensitive;
  return required.words.some((w) => words.has(w));
}

/**
 * Whether a text (or a line) holds any of many fixed words, by the same automaton in one pass that stops at the
 * first hit: the verdict of an alternation of the escaped words (`a|b|c`), or with `wholeWords` of `\ba\b|\bb\b`,
 * without V8 trying every word at every position (the line prefilter of a 2,000-file folder spent most of a second
 * in that alternation). `ignoreCase` folds ASCII capitals as it reads, as a regex's `i` flag does without `u` (no
 * other character matches an ASCII letter then), so word boundaries are judged on the text itself.
 */
export class AnyWord {
  private readonly automaton: Automaton | undefined;

  constructor(
    words: readonly string[],
    private readonly options: { readonly wholeWords?: boolean; readonly ignoreCase?: boolean } = {},
  ) {
    const keys = options.ignoreCase ? words.map((w) => w.toLowerCase()) : words;
    this.automaton = automaton([...new Set(keys)].filter((w) => w.length > 0));
  }

  test(text: string): boolean {
    if (!this.automaton) return false;
    const { step, ends, classOf, width } = this.automaton;
    const fold = this.options.ignoreCase === true;
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      let c = text.charCodeAt(i);
      if (fold && c >= 65 && c <= 90) c += 32;
      state = c < ALPHABET ? step[state * width + classOf[c]] : 0;
      const words = ends[state];
      if (!words) continue;
      if (!this.options.wholeWords) return true;
      for (const w of words) if (boundaryAt(text, i + 1 - w.length) && boundaryAt(text, i + 1)) return true;
    }
    return false;
  }
}

/** `\b` at a position: a word character on exactly one side (`\w` without the `u` flag: ASCII letters, digits, `_`). */
function boundaryAt(text: string, at: number): boolean {
  return isWordCode(text.charCodeAt(at - 1)) !== isWordCode(text.charCodeAt(at));
}

function isWordCode(c: number): boolean {
  // NaN (before the start, past the end) is no word character.
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

const ALPHABET = 128;

interface Automaton {
  /** next state = step[state * width + classOf[character]], failure links folded in. */
  readonly step: Int32Array;
  /** Characters of the words numbered from 1 (every other ASCII character is class 0, which leads back to the root). */
  readonly classOf: Uint8Array;
  readonly width: number;
  /** The words that end at each state (its own and those of its suffixes), or undefined. */
  readonly ends: ReadonlyArray<readonly string[] | undefined>;
}

/**
 * The automaton of a set of ASCII words. Its table has one column per character the words use (some seventy for
 * the rules' five hundred words, not 128), filled in place: building it is one pass over the trie's states.
 */
function automaton(words: readonly string[]): Automaton | undefined {
  if (words.length === 0) return undefined;
  const classOf = new Uint8Array(ALPHABET);
  let classes = 1;
  for (const word of words)
    for (let i = 0; i < word.length; i++) {
      const c = word.charCodeAt(i);
      if (c >= ALPHABET) throw new Error(`not an ASCII word: ${word}`);
      if (classOf[c] === 0) classOf[c] = classes++;
    }
  const width = classes;
  // The trie, written into the table (-1: no child yet); at most one state per character of the words, plus the root.
  // Each state's children are listed too: filling the table below overwrites its row before they are visited.
  const states = words.reduce((n, w) => n + w.length, 1);
  const step = new Int32Array(states * width).fill(-1);
  const own: Array<string[] | undefined> = [undefined];
  const children: number[][] = [[]];
  let used = 1;
  for (const word of words) {
    let state = 0;
    for (let i = 0; i < word.length; i++) {
      const c = classOf[word.charCodeAt(i)];
      const at = state * width + c;
      if (step[at] < 0) {
        step[at] = used++;
        own.push(undefined);
        children.push([]);
        children[state].push(c);
      }
      state = step[at];
    }
    (own[state] ??= []).push(word);
  }
  // Breadth first: each state's failure link is the longest proper suffix that is a trie state; its missing
  // transitions are its failure state's (the failure state's row, complete by then, copied natively: a loop over
  // every cell cost most of the build, which each process and scan thread pays once), and it also ends the words
  // its failure state ends.
  const failure = new Int32Array(used);
  const ends: Array<readonly string[] | undefined> = own;
  const queue: number[] = [];
  for (const c of children[0]) queue.push(step[c]);
  for (let c = 0; c < width; c++) if (step[c] < 0) step[c] = 0;
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head];
    const inherited = ends[failure[state]];
    if (inherited) ends[state] = own[state] ? [...own[state], ...inherited] : inherited;
    const row = state * width;
    const failureRow = failure[state] * width;
    const kids = children[state].map((c) => [c, step[row + c]] as const);
    step.copyWithin(row, failureRow, failureRow + width);
    for (const [c, child] of kids) {
      // The failure row is that of a shallower state: complete, and not this state's own row.
      failure[child] = step[failureRow + c];
      step[row + c] = child;
      queue.push(child);
    }
  }
  return { step: step.subarray(0, used * width), classOf, width, ends };
}

/** An automaton of no words: every character leads back to the root, which ends nothing. */
const NO_WORDS: Automaton = { step: new Int32Array(1), classOf: new Uint8Array(ALPHABET), width: 1, ends: [undefined] };

/**
 * Does any of many groups of patterns match a text (a group matches when all its patterns do)? The words each
 * group requires are found in one pass (WordFinder, which several gates can share), and only the groups whose every requirement is met run their
 * regexes. The groups are reached from the words found, not by asking every group in turn: with a few hundred
 * groups of up to three requirements each, asking each one which of its words the text holds cost more than the
 * pass itself (thousands of set lookups per file, for a file that holds twenty of the words).
 */
export class PatternGate {
  private readonly groups: ReadonlyArray<readonly RegExp[]>;
  /** Every group's requirements: a WordFinder built with them (and maybe more) finds the words `matches` needs. */
  readonly required: readonly RequiredLiterals[];
  /** Groups that require no word: tested on every text. */
  private readonly ungated: readonly number[];
  /** How many requirements each group has. */
  private readonly requirementCount: Int32Array;
  /** A found word → the (flat-numbered) requirements it meets, case-sensitive and lower-case words apart. */
  private readonly meets: { readonly caseSensitive: Map<string, number[]>; readonly lowerCase: Map<string, number[]> };
  /** Flat requirement number → its group. */
  private readonly groupOf: Int32Array;
  /** Each group's patterns in the order they are tried (see tryGroup); the verdict is the same in any order. */
  private readonly order: RegExp[][];
  /** Per pattern (by group, in `order`'s order): time spent testing it, and texts it turned away. */
  private readonly spentMs: Float64Array[];
  private readonly rejected: Int32Array[];
  /** Groups tried so far, each: a group is re-ordered when this reaches a power of two. */
  private readonly tried: Int32Array;

  constructor(groups: ReadonlyArray<readonly RegExp[]>) {
    this.groups = groups;
    this.order = groups.map((patterns) => [...patterns]);
    this.spentMs = groups.map((patterns) => new Float64Array(patterns.length));
    this.rejected = groups.map((patterns) => new Int32Array(patterns.length));
    this.tried = new Int32Array(groups.length);
    const required = groups.map((patterns) => patterns.flatMap((p) => requiredLiterals(p)));
    this.required = required.flat();
    this.ungated = required.flatMap((r, group) => (r.length === 0 ? [group] : []));
    this.requirementCount = Int32Array.from(required, (r) => r.length);
    this.groupOf = new Int32Array(required.reduce((n, r) => n + r.length, 0));
    this.meets = { caseSensitive: new Map(), lowerCase: new Map() };
    let flat = 0;
    required.forEach((requirements, group) => {
      for (const requirement of requirements) {
        const byWord = requirement.ignoreCase ? this.meets.lowerCase : this.meets.caseSensitive;
        for (const word of requirement.words) {
          const list = byWord.get(word);
          if (list) list.push(flat);
          else byWord.set(word, [flat]);
        }
        this.groupOf[flat++] = group;
      }
    });
  }

  /**
   * The same verdict as testing every group's patterns in turn; only the groups the words allow are tested.
   * `found`: the text's words, by a WordFinder built with (at least) this gate's requirements.
   */
  matches(text: string, found: FoundWords): boolean {
    const met = new Uint8Array(this.groupOf.length);
    const metCount = new Int32Array(this.groups.length);
    const candidates: number[] = [...this.ungated];
    const meet = (words: ReadonlySet<string>, byWord: Map<string, number[]>) => {
      for (const word of words)
        for (const requirement of byWord.get(word) ?? []) {
          if (met[requirement] === 1) continue;
          met[requirement] = 1;
          const group = this.groupOf[requirement];
          if (++metCount[group] === this.requirementCount[group]) candidates.push(group);
        }
    };
    meet(found.caseSensitive, this.meets.caseSensitive);
    meet(found.lowerCase, this.meets.lowerCase);
    return candidates.some((group) => this.tryGroup(group, text));
  }

  /**
   * Does every pattern of the group match? A group's patterns are a conjunction, so any order gives the verdict; the
   * cheapest order tries first the pattern that turns texts away for the least time (its time per text it rejects:
   * the order that minimises expected cost for independent tests). Those figures are the gate's own measurements on
   * the texts it has seen, so no rule's author has to guess them: on our repositories a group's import pattern
   * (`^from … import …`) passes nine texts in ten and cost as much as the selective call pattern after it.
   */
  private tryGroup(group: number, text: string): boolean {
    const patterns = this.order[group];
    const spent = this.spentMs[group];
    const rejected = this.rejected[group];
    let verdict = true;
    for (let i = 0; i < patterns.length; i++) {
      const started = performance.now();
      const matched = patterns[i].test(text);
      spent[i] += performance.now() - started;
      if (!matched) {
        rejected[i]++;
        verdict = false;
        break;
      }
    }
    const tried = ++this.tried[group];
    if (patterns.length > 1 && (tried & (tried - 1)) === 0) this.reorder(group);
    return verdict;
  }

  private reorder(group: number): void {
    const spent = this.spentMs[group];
    const rejected = this.rejected[group];
    // A pattern that never rejected counts one rejection: its time alone then ranks it (the smoothing keeps it finite).
    const ranked = this.order[group]
      .map((pattern, i) => ({ pattern, spent: spent[i], rejected: rejected[i], key: spent[i] / (rejected[i] + 1) }))
      .sort((a, b) => a.key - b.key);
    ranked.forEach((r, i) => {
      this.order[group][i] = r.pattern;
      spent[i] = r.spent;
      rejected[i] = r.rejected;
    });
  }
}

/** The patterns gatedTest was given (readers' module-level constants), for the derived table's generator and test. */
const GATED_PATTERNS: RegExp[] = [];
export function gatedTestPatterns(): readonly RegExp[] {
  return GATED_PATTERNS;
}

/**
 * `pattern.test` gated by the words every match holds (requiredLiterals, derived on first use): a text missing one
 * of them is answered by `includes`, never scanned by the regex. The verdict is the pattern's own. For whole-module
 * tests V8 cannot start with a literal search (`^[ \t]*(?:from|import)[ \t]+name\b` with `m`, `\b\w{0,30}optim`):
 * those try every position of every file, and most files lack the word. Case-insensitive requirements are not used
 * (they would need the lower-cased text); a stateful (`g`, `y`) pattern is refused.
 */
export function gatedTest(pattern: RegExp): (text: string) => boolean {
  if (pattern.global || pattern.sticky) throw new Error(`gatedTest: stateful pattern ${pattern}`);
  // Readers gate module-level constants: the list grows with the code, not with what is read.
  GATED_PATTERNS.push(pattern);
  let gates: ReadonlyArray<readonly string[]> | undefined;
  return (text) => {
    gates ??= requiredLiterals(pattern).flatMap((r) =>
      r.ignoreCase || r.words.length > MAX_INCLUDES ? [] : [r.words],
    );
    for (const words of gates) if (!words.some((w) => text.includes(w))) return false;
    return pattern.test(text);
  };
}
