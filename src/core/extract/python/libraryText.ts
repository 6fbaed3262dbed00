import { ENTRY_BASE, ENTRY_DECORATOR, TF_APP_RUN } from './entryPoint';
import { mayNameARunStart, mayStartInDefinitions } from './index';

/**
 * A library module told from its text alone, before it is parsed: every top-level statement is a definition
 * (`def`, `class`, with their decorators), an import, a comment, a docstring or a constant, and nothing at module
 * level names one of its definitions, so no code of the module runs when it is executed (entryPoint.ts's
 * executedRows, which decides the same from the tree, would find nothing reached and call it a library). A folder
 * of a framework's sources is mostly such modules, and their pipelines and trainers hold the very calls a run
 * starts with: the folder scan used to parse and read each one to learn that (a third of its reading time on our
 * repositories). Conservative: whatever this cannot read as harmless (a line at column 0 inside a multi-line
 * string, a decorator that makes an entry point) counts as module-level code, and then the file is read as before.
 * A run that links to the module still reads it.
 */

/** A definition's header at column 0. */
const DEFINITION_HEADER = /^(?:async[ \t]+)?def[ \t]+([A-Za-z_]\w*)|^class[ \t]+([A-Za-z_]\w*)/;
const DECORATOR_ROOT = /^@[ \t]*([A-Za-z_]\w*)/;
/** A name bound at column 0 (`app = FastAPI()`, `cfg: dict = {}`); not `==`. */
const ASSIGNED_NAME = /^([A-Za-z_]\w*)[ \t]*(?::[^=\n]*)?=(?!=)/;
/** Triple-quoted strings, then one-line strings (each alternative starts differently: no backtracking between them). */
const STRING_LITERALS = /"""[\s\S]*?"""|'''[\s\S]*?'''|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'/g;
const COMMENT = /#[^\n]*/g;
const IDENTIFIER = /[A-Za-z_]\w*/g;

/** Only text with these can make a module's code run a definition by itself (entryPoint.ts's entry rules). */
const RUNS_BY_ITSELF = /__main__|\bgreen-ai:/;

export const DEFINITIONS_ONLY_REASON =
  'a library module: only definitions, imports and constants at module level, and nothing there calls the definitions';

/** The reason a Python module is a library, told from its text; undefined when only reading it can tell. */
export function definitionsOnlyReason(text: string): string | undefined {
  if (RUNS_BY_ITSELF.test(text) || TF_APP_RUN.test(text) || ENTRY_BASE.test(text)) return undefined;
  // Rules that read a definition's header as the run (config registries) need the definitions themselves.
  if (mayStartInDefinitions(text)) return undefined;
  const moduleLevel: string[] = [];
  const definitions = new Set<string>();
  const decoratorRoots = new Set<string>();
  const assigned = new Set<string>();
  let inDefinition = false;
  for (const line of text.split('\n')) {
    const first = line.charCodeAt(0);
    // Indented and blank lines continue the statement above: a definition's body, or module-level code; so does
    // a closing bracket at column 0 (`):` ending a definition's header as formatters write it).
    const continues =
      line.length === 0 ||
      first === 32 /* space */ ||
      first === 9 /* tab */ ||
      first === 13 /* CR */ ||
      first === 12 /* form feed */ ||
      first === 41 /* ) */ ||
      first === 93 /* ] */ ||
      first === 125; /* } */
    if (!continues) {
      const header = DEFINITION_HEADER.exec(line);
      if (header) {
        definitions.add(header[1] ?? header[2]);
        inDefinition = true;
        continue;
      }
      if (first === 64 /* @ */) {
        // A decorator that makes the function an entry point (a CLI, Hydra) runs it: only reading tells.
        if (ENTRY_DECORATOR.test(line)) return undefined;
        const root = DECORATOR_ROOT.exec(line)?.[1];
        if (root) decoratorRoots.add(root);
        inDefinition = true;
        continue;
      }
      inDefinition = false;
      const name = ASSIGNED_NAME.exec(line)?.[1];
      if (name) assigned.add(name);
    }
    if (!inDefinition) moduleLevel.push(line);
  }
  const code = moduleLevel.join('\n');
  // Words of module-level code, strings and comments aside (`__all__ = ["Trainer"]` calls nothing).
  const words = code.replace(STRING_LITERALS, '""').replace(COMMENT, '').match(IDENTIFIER) ?? [];
  // A definition named there may run (`main()`, `DEFAULTS = build()`).
  if (words.some((w) => definitions.has(w))) return undefined;
  // An object built there may serve the handlers its decorators register (`app = FastAPI()` … `@app.post`).
  for (const root of decoratorRoots) if (assigned.has(root)) return undefined;
  // A run start in module-level code itself (`model = AutoModel.from_pretrained(...)` at column 0). (Whether the
  // module is one of constants was asked of the whole text before: with definitions, it is not.)
  if (mayNameARunStart(code)) return undefined;
  return definitions.size > 0 ? DEFINITIONS_ONLY_REASON : undefined;
}
