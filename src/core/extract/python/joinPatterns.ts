/**
 * Many regular expressions joined into one alternation per set of flags, so a text is scanned once
 * instead of once per pattern (the prefilters run on every file of a folder). A pattern's numbered
 * back-references (`(?=(x*))\1`, the atomic-group idiom the loop patterns use) are renumbered by the
 * groups the patterns before it capture, so each still refers to its own group. Same verdict as
 * testing each pattern: `joined.some((r) => r.test(text))` iff some pattern matches.
 */
export function joinAlternatives(patterns: readonly RegExp[]): RegExp[] {
  const byFlags = new Map<string, { sources: string[]; groups: number }>();
  for (const p of patterns) {
    const flags = p.flags.replace(/[gy]/g, '');
    const joined = byFlags.get(flags) ?? { sources: [], groups: 0 };
    byFlags.set(flags, joined);
    joined.sources.push(`(?:${renumberBackReferences(p.source, joined.groups)})`);
    joined.groups += capturingGroups(p.source);
  }
  return [...byFlags].map(([flags, { sources }]) => new RegExp(sources.join('|'), flags));
}

/** Walks a pattern's source: calls `onGroup` at each capturing `(` and `onReference` at each `\N`, outside classes. */
function walk(source: string, onGroup: () => void, onReference: (at: number, length: number, n: number) => void): void {
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      const digits = /^[1-9]/.exec(source[i + 1] ?? '');
      if (digits && !inClass) onReference(i, 1 + digits[0].length, Number(digits[0]));
      i++;
    } else if (inClass) {
      if (c === ']') inClass = false;
    } else if (c === '[') inClass = true;
    // `(` captures unless `(?:`, a lookaround `(?=`, `(?!`, `(?<=`, `(?<!`; a named group `(?<name>` captures.
    else if (c === '(' && (source[i + 1] !== '?' || (source[i + 2] === '<' && !/[=!]/.test(source[i + 3] ?? ''))))
      onGroup();
  }
}

export function capturingGroups(source: string): number {
  let n = 0;
  walk(
    source,
    () => n++,
    () => undefined,
  );
  return n;
}

function renumberBackReferences(source: string, offset: number): string {
  if (offset === 0) return source;
  const edits: Array<{ at: number; length: number; n: number }> = [];
  walk(
    source,
    () => undefined,
    (at, length, n) => edits.push({ at, length, n }),
  );
  let out = source;
  // `(?:\\N)`: a digit written after the reference stays a literal digit.
  for (const e of edits.reverse()) out = `${out.slice(0, e.at)}(?:\\${e.n + offset})${out.slice(e.at + e.length)}`;
  return out;
}
