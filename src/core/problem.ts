/**
 * A problem with the input, as a value (never thrown): what could not be read or used, and where.
 *
 * `message` is the whole sentence a person reads; the CLI prints it as it is, so it may name the
 * line in words ("syntax error at line 3, column 5"). `line` and `column` say the same for tools
 * (the editor's diagnostics): 0-based, columns in UTF-16 code units as in VS Code and tree-sitter.
 * Without `file`, the position is in the analysed file; with it, in that file (a config the run
 * links to, by the name the surfaces show).
 */
export interface Problem {
  readonly message: string;
  /** 0-based line. */
  readonly line?: number;
  /** 0-based column (UTF-16 code units), when known. */
  readonly column?: number;
  /** The file the position is in, when it is not the analysed file itself. */
  readonly file?: string;
  /** In a notebook: the 0-based cell index, the line counted within that cell (as `SourceRange.cell`). */
  readonly cell?: number;
}

/** A problem at a 0-based position, or with none. */
export function problemAt(message: string, line?: number, column?: number): Problem {
  return { message, ...(line !== undefined ? { line } : {}), ...(column !== undefined ? { column } : {}) };
}

/** The messages, as the CLI prints them and older callers read them. */
export function messagesOf(problems: readonly Problem[]): string[] {
  return problems.map((p) => p.message);
}
