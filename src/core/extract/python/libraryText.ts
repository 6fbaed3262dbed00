import {
  CALLED_BY_LAUNCHER,
  ENTRY_BASE,
  ENTRY_DECORATOR,
  TF_APP_RUN,
  TORCHX_COMPONENT_TEXT,
  timedStatements,
} from './entryPoint';
import { mayNameARunStart, mayStartInDefinitions } from './index';

/**
 * A library module told from its text alone, before it is parsed: no run start in the code that runs when the
 * module is executed (its module-level statements, and the top-level definitions they name, and those these
 * name), no main guard, no entry-point decorator or serving base class. entryPoint.ts's libraryVerdict decides the
 * same from the tree after every rule has read the file, and would call it a library. A folder
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
  'a library module: its training or inference code sits in definitions that nothing at module level calls';

/**
 * A string statement or assignment opening a triple-quoted string at column 0 (`EXAMPLE_DOC_STRING = """`, a
 * module docstring): its content is text, not code (an example in it is never run), and a line of it at column 0
 * is no statement. The opener is group 2; what comes before it (`NAME = `) is group 1.
 */
const STRING_STATEMENT = /^((?:[A-Za-z_][\w.]{0,200}[ \t]*(?::[^=\n]{0,200})?=[ \t]*)?[rRbBuUfF]{0,2})("""|''')/;

/** The module split into its code at module level and its top-level definitions (by name, with their text). */
interface ModuleText {
  readonly moduleLevel: string;
  readonly definitions: ReadonlyMap<string, string>;
  readonly decoratorRoots: ReadonlySet<string>;
  readonly assigned: ReadonlySet<string>;
}

function splitModule(text: string): ModuleText | undefined {
  const moduleLevel: string[] = [];
  const definitions = new Map<string, string[]>();
  const decoratorRoots = new Set<string>();
  const assigned = new Set<string>();
  // The definition whose block the lines belong to (undefined: module-level code); a decorator's lines wait for it.
  let block: string[] | undefined;
  let decorators: string[] = [];
  // The delimiter of a string statement still open (its lines are text, not code).
  let openString: string | undefined;
  for (const line of text.split('\n')) {
    if (openString) {
      const end = line.indexOf(openString);
      if (end < 0) continue;
      // What follows the closing delimiter is code again (`""".strip()`).
      moduleLevel.push(line.slice(end + 3));
      openString = undefined;
      continue;
    }
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
    if (continues) {
      (block ?? moduleLevel).push(line);
      continue;
    }
    const header = DEFINITION_HEADER.exec(line);
    if (header) {
      const name = header[1] ?? header[2];
      // Two definitions of one name (a fallback under a version check): both count.
      block = (definitions.get(name) ?? []).concat(decorators, line);
      definitions.set(name, block);
      decorators = [];
      continue;
    }
    if (first === 64 /* @ */) {
      // A decorator that makes the function an entry point (a CLI, Hydra) runs it: only reading tells.
      if (ENTRY_DECORATOR.test(line) || CALLED_BY_LAUNCHER.test(line)) return undefined;
      const root = DECORATOR_ROOT.exec(line)?.[1];
      if (root) decoratorRoots.add(root);
      decorators.push(line);
      block = decorators;
      continue;
    }
    block = undefined;
    decorators = [];
    const name = ASSIGNED_NAME.exec(line)?.[1];
    if (name) assigned.add(name);
    const opened = STRING_STATEMENT.exec(line);
    if (opened) {
      const delimiter = opened[2];
      const rest = line.slice(opened[0].length);
      const end = rest.indexOf(delimiter);
      moduleLevel.push(opened[1] + (end < 0 ? '' : rest.slice(end + 3)));
      if (end < 0) openString = delimiter;
      continue;
    }
    moduleLevel.push(line);
  }
  return {
    moduleLevel: moduleLevel.join('\n'),
    definitions: new Map([...definitions].map(([name, lines]) => [name, lines.join('\n')])),
    decoratorRoots,
    assigned,
  };
}

/** The identifiers of code, strings and comments aside (`__all__ = ["Trainer"]` names nothing). */
function codeWords(code: string): string[] {
  return code.replace(STRING_LITERALS, '""').replace(COMMENT, '').match(IDENTIFIER) ?? [];
}

/** The reason a Python module is a library, told from its text; undefined when only reading it can tell. */
export function definitionsOnlyReason(text: string): string | undefined {
  if (RUNS_BY_ITSELF.test(text) || TF_APP_RUN.test(text) || ENTRY_BASE.test(text)) return undefined;
  // A TorchX component (`def fn(...) -> specs.AppDef:`) runs when `torchx run file.py:fn` calls it.
  if (text.includes('AppDef') && TORCHX_COMPONENT_TEXT.test(text)) return undefined;
  // Rules that read a definition's header as the run (config registries) need the definitions themselves.
  if (mayStartInDefinitions(text)) return undefined;
  const module = splitModule(text);
  if (!module || module.definitions.size === 0) return undefined;
  // An object built at module level may serve the handlers its decorators register (`app = FastAPI()` … `@app.post`).
  for (const root of module.decoratorRoots) if (module.assigned.has(root)) return undefined;
  // The definitions module-level code names run when the module does (`DEFAULTS = build()`), and so do those
  // they name, as executedRows follows them; each is added once.
  const executed = [module.moduleLevel];
  const reached = new Set<string>();
  const pending = codeWords(module.moduleLevel);
  // A timer's statement string (`timeit.timeit("bench()")`) calls what it names (entryPoint.ts, TIMED_STATEMENT).
  if (module.moduleLevel.includes('stmt') || module.moduleLevel.includes('timeit('))
    for (const s of timedStatements(module.moduleLevel)) pending.push(...codeWords(s));
  for (let word = pending.pop(); word !== undefined; word = pending.pop()) {
    const body = module.definitions.get(word);
    if (body === undefined || reached.has(word)) continue;
    reached.add(word);
    executed.push(body);
    for (const w of codeWords(body)) pending.push(w);
  }
  // A run start in code that runs (`model = AutoModel.from_pretrained(...)` at column 0, or in a function that
  // code calls). (Whether the module is one of constants was asked of the whole text before: with definitions,
  // it is not.)
  if (mayNameARunStart(executed.join('\n'))) return undefined;
  return DEFINITIONS_ONLY_REASON;
}
