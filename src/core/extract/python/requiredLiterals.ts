import { RegExpParser } from '@eslint-community/regexpp';
import type { Alternative, Element } from '@eslint-community/regexpp/ast';
import { escapeRegExp } from './context';

/**
 * Strings one of which every match of a pattern contains (`\bsentence_transformers\b` → ["sentence_transformers"],
 * `from_pretrained|init_from` → both), so a prefilter can ask `text.includes` before running the pattern: most
 * files of a folder lack the word and never pay for the regex scan. Undefined when the pattern requires no word
 * worth testing (a class, a lookahead, an optional part, a word shorter than MIN_LENGTH).
 *
 * Only a necessary condition is derived, never a sufficient one, so gating a test by it gives the same verdict as
 * the test alone: a sequence requires its longest run of plain characters (or any one part's own requirement), an
 * alternation requires one of its branches' requirements, a repeat at least once requires its body's. Patterns with
 * the `i` flag give lower-case words, to be looked up in the lower-cased text; only ASCII words are kept, so
 * lower-casing the text cannot hide a match (a case-insensitive ASCII letter matches ASCII letters only).
 */
export interface RequiredLiterals {
  readonly words: readonly string[];
  readonly ignoreCase: boolean;
}

const MIN_LENGTH = 3;
/** More alternatives than this cost more `includes` calls than the regex scan they save. */
const MAX_WORDS = 12;
const ASCII = /^[\x20-\x7e\t]*$/;

export function requiredLiterals(pattern: RegExp): RequiredLiterals | undefined {
  let words: readonly string[] | undefined;
  try {
    const ast = new RegExpParser({ ecmaVersion: 2022 }).parsePattern(pattern.source, 0, pattern.source.length, {
      unicode: pattern.unicode,
    });
    words = ofAlternatives(ast.alternatives);
  } catch {
    return undefined; // a syntax the parser does not know: no gate, the regex alone decides
  }
  if (!words) return undefined;
  const ignoreCase = pattern.ignoreCase;
  return { words: ignoreCase ? [...new Set(words.map((w) => w.toLowerCase()))] : words, ignoreCase };
}

function ofAlternatives(alternatives: readonly Alternative[]): readonly string[] | undefined {
  const union = new Set<string>();
  for (const alternative of alternatives) {
    const words = ofSequence(alternative.elements);
    if (!words) return undefined;
    for (const w of words) union.add(w);
  }
  return usable([...union]);
}

/** The best requirement of a sequence: its longest run of plain characters, or one element's own. */
function ofSequence(elements: readonly Element[]): readonly string[] | undefined {
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
  let best: readonly string[] | undefined;
  for (const c of candidates) if (usable(c) && (!best || score(c) > score(best))) best = c;
  return best;
}

function ofElement(element: Element): readonly string[] | undefined {
  switch (element.type) {
    case 'Group':
    case 'CapturingGroup':
      return ofAlternatives(element.alternatives);
    case 'Quantifier':
      return element.min >= 1 ? ofElement(element.element) : undefined;
    default:
      // Classes, `.`, `\w`, assertions and lookarounds (zero-width: a lookahead's words need not be in the
      // match), back-references: no word required.
      return undefined;
  }
}

/** Shortest word first: a set of long words rejects more texts. */
const score = (words: readonly string[]) => Math.min(...words.map((w) => w.length)) - words.length / (MAX_WORDS + 1);

function usable(words: readonly string[]): readonly string[] | undefined {
  if (words.length === 0 || words.length > MAX_WORDS) return undefined;
  return words.every((w) => w.length >= MIN_LENGTH && ASCII.test(w)) ? words : undefined;
}

/**
 * Finds which of many words a text holds in one scan (one alternation, longest word first), instead of one
 * `includes` per word: on a large folder the words of fifty rules cost fifty passes over every file otherwise.
 * Every start position is tried (the scan resumes one character after each match start) and a match also
 * counts the words it begins with, so a word inside or at the start of another is never missed.
 */
export class WordFinder {
  private readonly caseSensitive: Alternation | undefined;
  private readonly lowerCase: Alternation | undefined;

  constructor(required: readonly RequiredLiterals[]) {
    const words = (ignoreCase: boolean) => [
      ...new Set(required.filter((r) => r.ignoreCase === ignoreCase).flatMap((r) => r.words)),
    ];
    this.caseSensitive = alternation(words(false));
    this.lowerCase = alternation(words(true));
  }

  /** The words the text holds: case-sensitive ones as written, the `i` patterns' ones in the lower-cased text. */
  find(text: string): FoundWords {
    const found = { caseSensitive: new Set<string>(), lowerCase: new Set<string>() };
    if (this.caseSensitive) scan(this.caseSensitive, text, found.caseSensitive);
    if (this.lowerCase) scan(this.lowerCase, text.toLowerCase(), found.lowerCase);
    return found;
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

interface Alternation {
  readonly pattern: RegExp;
  /** Each word with the shorter words it begins with (`from_pretrained` → `from`). */
  readonly prefixes: ReadonlyMap<string, readonly string[]>;
}

function alternation(words: readonly string[]): Alternation | undefined {
  if (words.length === 0) return undefined;
  const longestFirst = [...words].sort((a, b) => b.length - a.length);
  const prefixes = new Map(words.map((w) => [w, words.filter((v) => v.length < w.length && w.startsWith(v))]));
  return { pattern: new RegExp(longestFirst.map(escapeRegExp).join('|'), 'g'), prefixes };
}

function scan({ pattern, prefixes }: Alternation, text: string, found: Set<string>): void {
  const re = new RegExp(pattern); // own lastIndex: a finder may run on several threads' texts in turn
  for (let m = re.exec(text); m; m = re.exec(text)) {
    found.add(m[0]);
    for (const p of prefixes.get(m[0]) ?? []) found.add(p);
    re.lastIndex = m.index + 1;
  }
}
