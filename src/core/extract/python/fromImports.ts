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
  let statements = 0;
  for (const m of text.matchAll(FROM_IMPORT)) {
    if (++statements > maxStatements) return;
    for (const part of m[2].replace(/[()\\]/g, ' ').split(',')) {
      const name = IMPORTED.exec(part);
      if (name) yield { module: m[1], name: name[1], local: name[2] ?? name[1] };
    }
  }
}
