import { configDialectWords } from './config';
import { GENERIC_CONFIG_KEYS, GENERIC_SECTION_WORDS } from './configFacts';
import { mayHoldDirectives } from './directives';
import { sizingNamesOf } from './sizingNames';

/**
 * The folder scan's cheap test of a YAML or JSON file before it is parsed: a config reader finds a
 * fact only under a key it knows (the generic table's keys, the sizing names, a dialect's words) or
 * in a directive comment, so a file in which none of those words is written holds nothing a run is
 * made of (GitHub issue templates, docs tables of contents, tokenizers, lists of results). Parsing
 * such a file with positions is most of what reading it costs; it is read only if a run names it.
 *
 * Fails safe: a word counts wherever it is written (a value, a comment), hyphens and underscores
 * are the same (sizing names are folded so), and any backslash lets the file through, since an
 * escape in a quoted key (`"b\u0066\u0031\u0036"`) spells a key whose letters are not in the text.
 * One regular expression of literal alternatives with one-character look-arounds: linear in the text.
 */

/** Every word a config reader needs, from the readers' own tables. */
export function configReaderWords(): readonly string[] {
  return [
    ...new Set([
      ...GENERIC_CONFIG_KEYS,
      ...GENERIC_SECTION_WORDS,
      ...sizingNamesOf('config').keys(),
      ...configDialectWords(),
    ]),
  ];
}

const edgeIsWord = (c: string) => /\w/.test(c);

function wordPattern(word: string): string {
  const body = word.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&').replace(/[-_]/g, '[-_]');
  // Whole words only where the word ends in a word character (`torchtune.` is a prefix of a dotted path).
  return `${edgeIsWord(word[0]) ? '(?<![\\w-])' : ''}${body}${edgeIsWord(word[word.length - 1]) ? '(?![\\w-])' : ''}`;
}

/** Longest words first, so that the alternation tries the specific names before their parts. */
const CONFIG_WORD = new RegExp(
  `\\\\|${[...configReaderWords()]
    .sort((a, b) => b.length - a.length)
    .map(wordPattern)
    .join('|')}`,
);

/** Whether a YAML or JSON text can hold a fact: false only when no reader could find one in it. */
export function mayHoldConfigFacts(text: string): boolean {
  return CONFIG_WORD.test(text) || mayHoldDirectives(text);
}
