/**
 * Where a Python module's string literals are, found by one pass over its text (Python's tokenizer rules for
 * strings and comments, https://docs.python.org/3/reference/lexical_analysis.html#string-and-bytes-literals)
 * instead of a walk of the syntax tree: blanking strings is asked of every file a scan reads and of every
 * version of a document being typed in, and a walk of a long script's tree from JavaScript cost more than its
 * incremental re-parse. The spans are the outermost literals as the tree lists them (an f-string's replacement
 * fields are inside its span; implicitly concatenated literals are separate spans).
 *
 * An unterminated single-quoted literal ends at its line's end, an unterminated triple-quoted one at the end of
 * the text: the tree's error recovery can end them elsewhere, but such a file is reported broken either way.
 */

/** A literal's start: an optional prefix (r, b, u, f, t in Python's combinations) and its opening quote. */
const PREFIX = /^(?:[rRuU]|[bB][rR]?|[rR][bBfFtT]|[fFtT][rR]?)$/;

export interface StringSpan {
  /** Offset of the literal's first character (its prefix, else its quote). */
  readonly start: number;
  /** Offset just past its closing quote. */
  readonly end: number;
}

/** What the pass stops at outside literals: a comment, a quote, or a whole word (a name, keyword or number). */
const TOKEN = /#[^\n]*|["']|[\w\u0080-\uffff]+/g;
/** What a literal's body stops at: an escape, a line break, or a quote. */
const BODY_SINGLE = /[\\\n"]/g;
const BODY_SINGLE_APOSTROPHE = /[\\\n']/g;

/** Every string literal of the module `text`, in document order. */
export function stringSpans(text: string): StringSpan[] {
  const spans: StringSpan[] = [];
  const token = new RegExp(TOKEN);
  let m: RegExpExecArray | null;
  while ((m = token.exec(text)) !== null) {
    const word = m[0];
    const c = word.charCodeAt(0);
    if (c === 35 /* # */) continue;
    if (c === 34 /* " */ || c === 39 /* ' */) {
      token.lastIndex = literalEnd(text, m.index, m.index, spans);
      continue;
    }
    // A quote right after a prefix word starts a literal.
    const after = m.index + word.length;
    const q = text.charCodeAt(after);
    if ((q === 34 || q === 39) && word.length <= 2 && PREFIX.test(word))
      token.lastIndex = literalEnd(text, m.index, after, spans);
  }
  return spans;
}

/** Records the literal opening at `quoteAt` (its prefix from `start`) and returns the offset after it. */
function literalEnd(text: string, start: number, quoteAt: number, spans: StringSpan[]): number {
  const quote = text[quoteAt];
  const closing = quote.repeat(3);
  const triple = text.startsWith(closing, quoteAt);
  const stop = new RegExp(quote === '"' ? BODY_SINGLE : BODY_SINGLE_APOSTROPHE);
  stop.lastIndex = quoteAt + (triple ? 3 : 1);
  let m: RegExpExecArray | null;
  while ((m = stop.exec(text)) !== null) {
    const at = m.index;
    const ch = m[0];
    if (ch === '\\') {
      // An escape (also in raw literals, where a backslash keeps the next quote in the literal); a backslash
      // before a Windows line break continues the line past both characters.
      stop.lastIndex = at + (text.startsWith('\r\n', at + 1) ? 3 : 2);
      continue;
    }
    if (ch === '\n') {
      if (triple) continue;
      spans.push({ start, end: at });
      return at;
    }
    if (!triple || text.startsWith(closing, at)) {
      const end = at + (triple ? 3 : 1);
      spans.push({ start, end });
      return end;
    }
  }
  spans.push({ start, end: text.length });
  return text.length;
}
