/**
 * The folder a launch script names through command substitutions: `DIR=$(cd -- "$(dirname "$0")" >/dev/null
 * 2>&1; pwd -P)`, `$(dirname "${BASH_SOURCE[0]}")`, `$(realpath "$(dirname "$0")/..")`, `$(dirname $DIR)`.
 * They mean "the folder of this script" (and folders relative to it), so `$DIR/config.yaml` is the file beside
 * the script. Values are paths relative to the script's folder (`.`, `..`, `../configs`), which is where links
 * are looked up first; anything else (`$(pwd)`, `$(date)`, an unknown variable) is not evaluated.
 */

/** The script's own path while a value is worked out (a name no real path has); never part of a result. */
const SCRIPT = '\u0000script';
/** Substitutions longer than this are not evaluated (real ones are a line). */
const MAX_SUBSTITUTION = 2_000;
/** Nesting evaluated: `$(cd "$(dirname "$(readlink -f "$0")")" && pwd)` is three. */
const MAX_DEPTH = 4;

/**
 * What `$( ... )` evaluates to, given its inner text and the variables known so far (values relative to the
 * script's folder); undefined when it is not a folder computation this reader knows.
 */
export function evaluateFolderSubstitution(
  inner: string,
  lookup: (name: string) => string | undefined,
  depth = 0,
  where?: ScriptPlace,
): string | undefined {
  if (inner.length > MAX_SUBSTITUTION || depth > MAX_DEPTH) return undefined;
  const commands = splitCommands(inner);
  if (!commands) return undefined;
  let folder: string | undefined;
  for (const words of commands) {
    // Redirections (`>/dev/null`, `2>&1`, `> /dev/null`) change nothing here.
    const kept: string[] = [];
    for (let i = 0; i < words.length; i++) {
      if (/^\d?>/.test(words[i]) || /^&>/.test(words[i])) {
        if (/^\d?>>?$|^&>>?$/.test(words[i])) i++;
        continue;
      }
      kept.push(words[i]);
    }
    if (kept.length === 0) continue;
    // `builtin cd X`, `command cd X`: the shell's own cd.
    if ((kept[0] === 'builtin' || kept[0] === 'command') && kept.length > 1) kept.shift();
    const [command, ...args] = kept;
    const operands = args.filter((a) => !/^-/.test(a));
    if (command === 'pwd') {
      // `cd X; pwd` prints X; a bare `pwd` prints where the script was started from, which is not known.
      if (folder === undefined) return undefined;
      continue;
    }
    if (operands.length !== 1) return undefined;
    const value = evaluateWord(operands[0], lookup, depth, where);
    if (value === undefined) return undefined;
    if (command === 'basename') {
      // `RUN_NAME=$(basename $(dirname "$0"))`: a folder's name (the run named after its folder), known when the
      // script's place is; a name, not a folder, so nothing may follow it.
      const name = where && commands.length === 1 ? nameOf(value, where) : undefined;
      if (name === undefined) return undefined;
      return name;
    }
    if (command === 'cd' || command === 'realpath' || command === 'readlink' || command === 'greadlink') {
      if (command.endsWith('readlink') && !args.some((a) => /^-[a-z]*[fem]/.test(a))) return undefined;
      folder = value;
    } else if (command === 'dirname') folder = dirnameOf(value);
    else return undefined;
  }
  // The script's own path is a step (`dirname "$(readlink -f "$0")"`), never a result.
  return folder === undefined || (depth === 0 && folder.includes(SCRIPT)) ? undefined : folder;
}

/** Where the script is: its file name and the names of the folders holding it, innermost last. */
export interface ScriptPlace {
  readonly file: string;
  readonly folders: readonly string[];
}

/** The name `basename` prints for a value relative to the script's folder (`.` is that folder's own name). */
function nameOf(value: string, where: ScriptPlace): string | undefined {
  if (value === SCRIPT) return where.file;
  if (value.includes(SCRIPT) || value.startsWith('/'))
    return value.startsWith('/') ? value.split('/').pop() : undefined;
  const parts = value.split('/');
  const ups = parts.filter((p) => p === '..').length;
  const rest = parts.filter((p) => p !== '..' && p !== '.');
  if (rest.length > 0) return rest[rest.length - 1];
  const at = where.folders.length - 1 - ups;
  return at >= 0 && where.folders[at] ? where.folders[at] : undefined;
}

/**
 * The value of an assignment's right-hand side that starts with a command substitution (`$(...)`, `"$(...)/.."`),
 * when it computes a folder relative to the script; undefined otherwise.
 */
export function evaluateFolderValue(
  raw: string,
  lookup: (name: string) => string | undefined,
  where?: ScriptPlace,
): string | undefined {
  if (raw.length > MAX_SUBSTITUTION) return undefined;
  const value = evaluateWord(raw, lookup, 0, where);
  // `PATH_TO_THIS_FILE=$(realpath "$0")`: with the script's place known, the script itself, kept as `$0` (which
  // later steps read as the script again: `$(basename $(dirname $PATH_TO_THIS_FILE))`).
  if (where && value === SCRIPT) return '$0';
  return value === undefined || value.includes(SCRIPT) ? undefined : value;
}

/** A word's value: quotes dropped, `$0`/`${BASH_SOURCE[0]}` the script, variables and nested substitutions filled in. */
function evaluateWord(
  word: string,
  lookup: (name: string) => string | undefined,
  depth: number,
  where?: ScriptPlace,
): string | undefined {
  let out = '';
  let i = 0;
  while (i < word.length) {
    const c = word[i];
    if (c === '"' || c === "'") {
      i++;
      continue;
    }
    if (c !== '$') {
      out += c;
      i++;
      continue;
    }
    if (word[i + 1] === '(') {
      const end = closingParen(word, i + 1);
      if (end < 0) return undefined;
      const inner = evaluateFolderSubstitution(word.slice(i + 2, end), lookup, depth + 1, where);
      if (inner === undefined) return undefined;
      out += inner;
      i = end + 1;
      continue;
    }
    const braced = /^\$\{(\w+)(?:\[0\])?(?::-\$0)?\}/.exec(word.slice(i));
    const plain = /^\$(\w+)/.exec(word.slice(i));
    const m = braced ?? plain;
    if (!m) return undefined;
    const name = m[1];
    const looked = name === '0' || name === 'BASH_SOURCE' ? SCRIPT : lookup(name);
    if (looked === undefined) return undefined;
    // A variable holding the script's own path as written (`SELF="${BASH_SOURCE[0]}"`, `$0` kept above).
    const value = where && /^\$(?:0|\{0\}|\{BASH_SOURCE(?:\[0\])?\})$/.test(looked) ? SCRIPT : looked;
    out += value;
    i += m[0].length;
  }
  return normaliseRelative(out);
}

/** The index of the `)` closing the `(` at `open`, quotes and nesting respected; -1 when there is none. */
function closingParen(text: string, open: number): number {
  let depth = 0;
  let quote: string | undefined;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = undefined;
      else if (c === '\\') i++;
      continue;
    }
    if (c === "'") quote = c;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return -1;
}

/** The commands of a substitution (split at top-level `;` and `&&`), each as its words; undefined on a pipe or loop. */
function splitCommands(text: string): string[][] | undefined {
  const commands: string[][] = [[]];
  let word = '';
  let inDouble = false;
  const endWord = () => {
    if (word) commands[commands.length - 1].push(word);
    word = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '$' && text[i + 1] === '(') {
      const end = closingParen(text, i + 1);
      if (end < 0) return undefined;
      word += text.slice(i, end + 1);
      i = end;
      continue;
    }
    if (c === '"') {
      inDouble = !inDouble;
      word += c;
      continue;
    }
    if (inDouble) {
      word += c;
      continue;
    }
    if (c === "'") {
      const end = text.indexOf("'", i + 1);
      if (end < 0) return undefined;
      word += text.slice(i, end + 1);
      i = end;
      continue;
    }
    if (c === '`') {
      // `` `dirname $0` ``: the older spelling of `$(dirname $0)` (no nesting without escapes, none read here).
      const end = text.indexOf('`', i + 1);
      if (end < 0 || text.slice(i + 1, end).includes('\\')) return undefined;
      word += `$(${text.slice(i + 1, end)})`;
      i = end;
      continue;
    }
    if (c === ' ' || c === '\t') endWord();
    else if (c === ';' || (c === '&' && text[i + 1] === '&')) {
      endWord();
      commands.push([]);
      if (c === '&') i++;
    } else if (c === '|' || c === '\n') return undefined;
    else word += c;
  }
  endWord();
  return commands.filter((c) => c.length > 0);
}

/** `a/./b/../c` → `a/c`, `./x/..` → `.`; leading `..` kept; an absolute path stays absolute. */
function normaliseRelative(path: string): string {
  const absolute = path.startsWith('/');
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
    else if (part === '..' && absolute) continue;
    else parts.push(part);
  }
  const joined = parts.join('/');
  return absolute ? `/${joined}` : joined || '.';
}

/** The folder holding a path relative to the script's folder: the script's own is `.`, that of `.` is `..`. */
function dirnameOf(path: string): string {
  if (path === '/') return '/';
  const parts = path.split('/');
  if (parts.every((p) => p === '..' || p === '.')) return normaliseRelative(`${path}/..`);
  return normaliseRelative(parts.slice(0, -1).join('/') || (path.startsWith('/') ? '/' : '.'));
}
