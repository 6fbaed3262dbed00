import type { Fact } from '../facts';

/**
 * Console scripts a package installs (setuptools `entry_points={"console_scripts": ["lora_pti =
 * lora_diffusion.cli_lora_pti:main"]}`, setuptools docs "Entry points": `name = package.module:function`): a launch
 * script of the repository that runs `lora_pti --flags ...` runs that module's function with those flags.
 *
 * The launch line names only the command (shell/launchers.ts consoleScriptCli links the package's setup.py with the
 * command's name, CONSOLE_SCRIPT_LINK); setup.py names each command's module here (CONSOLE_SCRIPT_ENTRY links), and
 * the link walk (analyze.ts) follows only the entry of the command the line runs.
 */

/** Detail prefix of a launch line's link to the package's setup.py, followed by the command's name. */
export const CONSOLE_SCRIPT_LINK = 'console script ';
/** Detail prefix of setup.py's link to one command's module, followed by the command's name and a space. */
export const CONSOLE_SCRIPT_ENTRY = 'console_scripts entry ';

/** Entries read per setup.py (a package installs a handful of commands). */
const MAX_ENTRIES = 64;
/** Characters of a setup.py looked at. */
const MAX_SETUP_CHARS = 200_000;
/** `"name = package.module:function"` in a console_scripts list; bounded words, no nested quantifiers. */
const ENTRY =
  /["'][ \t]*([A-Za-z0-9][\w.-]{0,80})[ \t]*=[ \t]*([A-Za-z_]\w{0,80}(?:\.[A-Za-z_]\w{0,80}){0,8})[ \t]*:[ \t]*([A-Za-z_]\w{0,80})[ \t]*["']/g;

/** The setup.py of a package (its own file name, in any folder). */
function isSetupPy(path: string): boolean {
  return /(?:^|[\\/])setup\.py$/.test(path);
}

/** The console-script entries of a setup.py, as links to the modules they run. */
export function consoleScriptEntries(path: string, text: string): Fact[] {
  if (!isSetupPy(path)) return [];
  const head = text.slice(0, MAX_SETUP_CHARS);
  const at = head.search(/["']console_scripts["']/);
  if (at < 0) return [];
  // The list after the key, up to its closing bracket.
  const open = head.indexOf('[', at);
  const close = open < 0 ? -1 : head.indexOf(']', open);
  if (open < 0 || close < 0) return [];
  const list = head.slice(open, close);
  const out: Fact[] = [];
  for (const m of list.matchAll(ENTRY)) {
    if (out.length >= MAX_ENTRIES) break;
    const line = head.slice(0, open + (m.index ?? 0)).split('\n').length - 1;
    out.push({
      kind: 'link.module',
      value: `${m[2].replace(/\./g, '/')}.py`,
      range: { startLine: line, startCol: 0, endLine: line, endCol: 0 },
      confidence: 'low',
      detail: `${CONSOLE_SCRIPT_ENTRY}${m[1]} = ${m[2]}:${m[3]}`,
      functions: [m[3]],
    });
  }
  return out;
}

/** Whether a link of setup.py is the entry of the command `name` (a launch line's console script). */
export function isEntryOf(f: Fact, name: string): boolean {
  return f.kind === 'link.module' && f.detail.startsWith(`${CONSOLE_SCRIPT_ENTRY}${name} `);
}
