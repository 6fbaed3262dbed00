/**
 * `from a.b import x, y as z` statements at column 0 (also with the names in parentheses over several lines), read
 * from the text: each imported name with its module and the local name it is bound to. Bounded: at most
 * `maxStatements` statements are looked at, each name list at most 2,000 characters.
 */
export interface ImportedName {
  /** As written, relative dots included (`.api`, `pkg.utils`). */
  readonly module: string;
  readonly name: string;
  /** The name the module binds (`z` for `y as z`). */
  readonly local: string;
}

const FROM_IMPORT =
  /^from[ \t]+(\.{0,3}[A-Za-z_]\w{0,100}(?:\.[A-Za-z_]\w{0,100}){0,8})[ \t]+import[ \t]+(\([^)]{0,2000}\)|[^\n#]{1,2000})/gm;
const IMPORTED = /^\s*(\w+)(?:\s+as\s+(\w+))?\s*$/;

export function* fromImports(text: string, maxStatements: number): Generator<ImportedName> {
  for (const { statement, name } of IMPORTS.get(text)) {
    if (statement > maxStatements) return;
    yield name;
  }
}

/** Statements read per text at most (a module with more `from` imports is not a program the readers follow). */
const MAX_STATEMENTS = 10_000;

/**
 * A pure function of a text, remembered for the one text last asked about: a dozen readers ask for the same module's
 * imports, and each pass of FROM_IMPORT visits every line start of the text (a folder scan reads one file at a time;
 * an edit brings a new text, so nothing stale is ever answered).
 */
class LastTextMemo<T> {
  private text: string | undefined;
  private value: T | undefined;

  constructor(private readonly compute: (text: string) => T) {}

  get(text: string): T {
    if (this.value === undefined || this.text !== text) {
      this.value = this.compute(text);
      this.text = text;
    }
    return this.value;
  }
}

/** The text's imported names with the ordinal of their statement. */
const IMPORTS = new LastTextMemo((text: string) => {
  const names: Array<{ statement: number; name: ImportedName }> = [];
  let statement = 0;
  for (const m of text.matchAll(FROM_IMPORT)) {
    if (++statement > MAX_STATEMENTS) break;
    for (const part of m[2].replace(/[()\\]/g, ' ').split(',')) {
      const name = IMPORTED.exec(part);
      if (name) names.push({ statement, name: { module: m[1], name: name[1], local: name[2] ?? name[1] } });
    }
  }
  return names;
});
