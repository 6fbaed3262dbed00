import type { Fact } from '../../facts';

/**
 * configargparse config files (`key = value` lines, often named `*.txt`): a program that declares
 * `parser.add_argument('--config', is_config_file=True)` reads such a file given as `--config FILE`, and every key in it
 * is that program's flag set on the command line (configargparse docs, "Config File Syntax": the default parser,
 * `DefaultConfigFileParser`, takes `name value`, `name = value`, `name: value` and `--name value` lines, `#` and `;`
 * comments, `---` lines and `[section]` headers ignored; `name = True` sets a store_true flag, `[a, b]` a list; a key
 * is the flag's name without its dashes). The values it leaves out are the program's own defaults, exactly as on a
 * launch line without those flags. So such a config is read as the launch `python PROGRAM --k1 v1 --k2 …` it stands
 * for: a link to the program with the flags it passes.
 *
 * A `.txt` file is taken for one only when every line is of that syntax and a program of the folder (beside it or in a
 * folder above it) declares a config-file flag and every key of the file among its flags (folderScan.ts): a
 * requirements list (`torch==2.1`), notes or a data list are never configs.
 */

/** How the link's detail starts (analyze.ts keeps the program a run of its own, as a module a launch calls). */
export const ARG_CONFIG_LINK = 'configargparse config of ';

/** Larger than any hand-written config of flags: a data list, a log. */
export const MAX_ARG_CONFIG_BYTES = 64 * 1024;
const MAX_LINES = 2_000;
const MAX_ENTRIES = 400;
const MAX_LINE = 1_000;
/** Keys a config must set to be told from a stray note (one `key: value` line is prose as often as a config). */
const MIN_ENTRIES = 2;

export interface ArgConfigEntry {
  /** The flag's name as written, without dashes. */
  readonly key: string;
  /** The value as written (quotes around it dropped); `true`/`false` for a bare flag line or a boolean. */
  readonly value: string;
  /** 0-based line. */
  readonly line: number;
}

/** `--name`, `name` (a flag), `name value`, `name = value`, `name: value`; a key is a flag name (a word, dashes inside). */
const ENTRY = /^(?:--)?([A-Za-z_][\w-]{0,80})(?:[ \t]*[=:][ \t]*|[ \t]+)?([^\n]{0,800})$/;
/** Requirement specifiers (`torch==2.1`, `numpy>=1.20`, `pkg~=1.0`, `pkg @ url`): a dependency list, never a config. */
const REQUIREMENT = /^[A-Za-z_][\w.-]{0,80}[ \t]*(?:[=!<>~]=|[<>]|@|\[)/;

/**
 * The entries of a config file in configargparse's default syntax; undefined when any line is of another syntax (prose,
 * a requirements list, a data list with paths or numbers first) or when it sets fewer than MIN_ENTRIES keys.
 */
export function parseArgConfig(text: string): ArgConfigEntry[] | undefined {
  if (text.length > MAX_ARG_CONFIG_BYTES || text.includes('\u0000')) return undefined;
  const lines = text.split('\n');
  if (lines.length > MAX_LINES) return undefined;
  const out: ArgConfigEntry[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].replace(/\r$/, '').trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';') || line.startsWith('---')) continue;
    if (line.startsWith('[') && line.endsWith(']')) continue;
    if (line.length > MAX_LINE || REQUIREMENT.test(line)) return undefined;
    const m = ENTRY.exec(line);
    if (!m) return undefined;
    let value = (m[2] ?? '').replace(/[ \t]+#.*$/, '').trim();
    // A value of several words that is not a list or a quoted string is a sentence, not a flag's value.
    if (/\s/.test(value) && !/^\[.*\]$/.test(value) && !/^(["']).*\1$/.test(value)) return undefined;
    const quoted = /^(["'])(.*)\1$/.exec(value);
    if (quoted) value = quoted[2];
    out.push({ key: m[1], value: value === '' ? 'true' : value, line: i });
    if (out.length > MAX_ENTRIES) return undefined;
  }
  return out.length >= MIN_ENTRIES ? out : undefined;
}

/** What a program declares for configargparse: its config-file flags and every flag it declares (names without dashes). */
export interface ArgConfigProgram {
  readonly configFlags: readonly string[];
  readonly flags: ReadonlySet<string>;
}

/** Larger than any program a person writes (a generated or vendored file): not read for its flags. */
export const MAX_PROGRAM_CHARS = 2 * 1024 * 1024;
const MAX_DECLARATIONS = 2_000;
/**
 * A flag declaration: `parser.add_argument("--name", …)` or configargparse's short alias `p.add("-c", "--name", …)`;
 * the option strings that open the call (up to three), the rest of the call up to 400 characters on its lines.
 */
const DECLARATION =
  /\.add(?:_argument)?\([ \t\r\n]{0,40}((?:["']--?[\w-]{1,80}["'](?:[ \t\r\n]{0,40},)?[ \t\r\n]{0,40}){1,3})([^)]{0,400})/g;
const OPTION = /["']--?([\w-]{1,80})["']/g;
const IS_CONFIG_FILE = /\bis_config_file(?:_arg)?[ \t]*=[ \t]*True\b/;

/**
 * The flags of a program run as main that declares a configargparse config-file flag (`is_config_file=True`,
 * `is_config_file_arg=True`); undefined for any other program. Read line-wise from the text (no parse), bounded.
 */
export function argConfigProgram(text: string): ArgConfigProgram | undefined {
  if (text.length > MAX_PROGRAM_CHARS || !text.includes('is_config_file') || !text.includes('__main__'))
    return undefined;
  return declaredFlags(text, DECLARATION, (names, m) => (IS_CONFIG_FILE.test(m[2]) ? names : []));
}

/**
 * The flags a program declares and those of them it takes its config file by, read from the text with
 * `declaration` (group 1: the option strings opening the call) for at most MAX_DECLARATIONS declarations;
 * `configOf` says which of a declaration's names (dashes as underscores) are config-file flags. Undefined when the
 * program declares no config-file flag. Shared by configargparse programs and YAML-config programs
 * (yamlProgramConfig.ts).
 */
export function declaredFlags(
  text: string,
  declaration: RegExp,
  configOf: (names: readonly string[], match: RegExpMatchArray) => readonly string[],
): ArgConfigProgram | undefined {
  const flags = new Set<string>();
  const configFlags: string[] = [];
  let seen = 0;
  for (const m of text.matchAll(declaration)) {
    if (++seen > MAX_DECLARATIONS) break;
    const names = [...m[1].matchAll(OPTION)].map((o) => o[1].replace(/-/g, '_'));
    for (const n of names) flags.add(n);
    configFlags.push(...configOf(names, m));
  }
  return configFlags.length > 0 ? { configFlags, flags } : undefined;
}

/** Keys a config must have before a few of them may be no flag of the program (below, every key must be one). */
const MANY_KEYS = 40;
/** Keys of such a config that may be no flag of the program: at most this many, and at most 3% of them. */
const MAX_UNTAKEN = 3;

/**
 * Whether a program takes every key of a config as one of its flags (dashes and underscores alike). A config of many
 * keys whose few others the program does not declare (timm-style `args.yaml` dumps, FasterViT's configs: 122 of 124
 * keys are train.py's flags, `parser.set_defaults(**cfg)` takes the rest as plain attributes) fits too.
 */
export function takesEveryKey(program: ArgConfigProgram, entries: readonly ArgConfigEntry[]): boolean {
  if (entries.some((e) => program.configFlags.includes(e.key))) return false;
  const untaken = entries.filter((e) => !program.flags.has(e.key.replace(/-/g, '_'))).length;
  if (untaken === 0) return true;
  return entries.length >= MANY_KEYS && untaken <= MAX_UNTAKEN && untaken <= entries.length * 0.03;
}

/** The program a scan found for a config (folderScan.ts), as the job carries it. */
export interface ArgConfigLink {
  /** The program's path relative to the config's folder (`../run.py`). */
  readonly reference: string;
  /** The program's config-file flag (`config`). */
  readonly flag: string;
}

/**
 * The facts of a configargparse config linked to the program that reads it: the launch it stands for and the link
 * to the program with the flags it passes (store_true flags set by `True`, dropped by `False`; values as written).
 */
export function argConfigFacts(text: string, link: ArgConfigLink, display: string): Fact[] {
  const entries = parseArgConfig(text);
  if (!entries) return [];
  return configLaunchFacts(entries, link, display, {
    passesValue: (value) => !value.startsWith('['),
    why: "configargparse: each key is the program's flag of that name",
    linkDetail: (program) =>
      `${ARG_CONFIG_LINK}${program} (--${link.flag}, is_config_file): its keys are the program's flags`,
  });
}

/** How a kind of config file hands its entries to its program (configLaunchFacts). */
export interface ConfigLaunchWording {
  /** Whether a value (not `true`/`false`) is passed as written; one that is not still passes its key. */
  readonly passesValue: (value: string) => boolean;
  /** Why the launch stands for the config, in the launch fact's detail. */
  readonly why: string;
  /** The link fact's detail, given the program's path. */
  readonly linkDetail: (program: string) => string;
}

/**
 * The flags a config's entries pass its program, as a launch line would: a `false` passes nothing, a `true` its key (a
 * store_true flag), any other value its key and, where `passesValue` allows, the value.
 */
export function passedEntries(
  entries: readonly ArgConfigEntry[],
  passesValue: (value: string) => boolean,
): { passes: string[]; passedValues: Array<[string, string]> } {
  const passes: string[] = [];
  const passedValues: Array<[string, string]> = [];
  for (const e of entries) {
    const key = e.key.replace(/-/g, '_');
    if (/^false$/i.test(e.value)) continue;
    passes.push(key);
    if (!/^true$/i.test(e.value) && passesValue(e.value)) passedValues.push([key, e.value]);
  }
  return { passes, passedValues };
}

/**
 * The launch a config linked to its program stands for (`python PROGRAM --FLAG CONFIG`) and the link to the program
 * with the keys it passes: a `false` passes nothing, a `true` its key (a store_true flag), any other value its key and,
 * where the wording allows, the value. Shared by configargparse `.txt` configs and flat YAML configs.
 */
export function configLaunchFacts(
  entries: readonly ArgConfigEntry[],
  link: ArgConfigLink,
  display: string,
  wording: ConfigLaunchWording,
): Fact[] {
  const { passes, passedValues } = passedEntries(entries, wording.passesValue);
  const last = entries[entries.length - 1].line;
  const range = { startLine: 0, startCol: 0, endLine: last, endCol: 0 };
  const program = link.reference.replace(/^(?:\.\.\/)+|^\.\//, '');
  const command = `python ${program} --${link.flag} ${display}`;
  return [
    {
      kind: 'launch.trainer',
      value: 'python',
      range,
      confidence: 'medium',
      detail: `launch command: ${command} (${wording.why})`,
    },
    {
      kind: 'link.script',
      value: link.reference,
      range,
      confidence: 'medium',
      detail: wording.linkDetail(program),
      passes,
      passedValues,
    },
  ];
}

/** Folders above a config searched for the program that takes it. */
export const MAX_PROGRAM_LEVELS_UP = 3;

/**
 * The program that takes a configargparse config (`configPath`, POSIX): among the Python files of the config's folder,
 * then of each folder above it up to `root` (at most MAX_PROGRAM_LEVELS_UP), the first folder's programs that declare a
 * config-file flag and every key of the config among their flags; of several there, a trainer by its name (a trainer
 * and a renderer sharing one parser), else the first by name. Undefined when the text is no such config or no program
 * takes it. `pythonIn` lists a folder's Python files; `programAt` reads one (argConfigProgram), each at most once;
 * `parse` reads the config's entries (a YAML's top-level keys for yamlProgramConfig.ts).
 */
export async function findArgConfigProgram(
  configPath: string,
  text: string,
  root: string,
  pythonIn: (folder: string) => readonly string[],
  programAt: (path: string) => Promise<ArgConfigProgram | undefined>,
  parse: (text: string) => ArgConfigEntry[] | undefined = parseArgConfig,
): Promise<ArgConfigLink | undefined> {
  if (text.length > MAX_ARG_CONFIG_BYTES || /(?:^|\/)requirements[\w.-]*\.txt$/i.test(configPath)) return undefined;
  const entries = parse(text);
  if (!entries) return undefined;
  const parent = (p: string) => p.slice(0, Math.max(0, p.lastIndexOf('/'))) || '/';
  const top = root.replace(/\/+$/, '') || '/';
  const own = parent(configPath);
  let folder = own;
  for (let up = 0; up <= MAX_PROGRAM_LEVELS_UP; up++) {
    const fits: Array<{ path: string; program: ArgConfigProgram }> = [];
    for (const p of [...pythonIn(folder)].sort()) {
      const program = await programAt(p);
      if (program && takesEveryKey(program, entries)) fits.push({ path: p, program });
    }
    if (fits.length > 0) {
      const chosen = fits.find((f) => /(?:^|[/_])train[^/]*\.py$/i.test(f.path)) ?? fits[0];
      return {
        reference: relativeTo(own, chosen.path),
        flag: chosen.program.configFlags[chosen.program.configFlags.length - 1],
      };
    }
    if (folder === top || !folder.startsWith(`${top}/`)) break;
    folder = parent(folder);
  }
  return undefined;
}

/** `to` relative to the folder `from` (both POSIX, `to` in `from` or a folder above it): `../run.py`. */
function relativeTo(from: string, to: string): string {
  const toFolder = to.slice(0, to.lastIndexOf('/'));
  let ups = 0;
  for (let f = from; f !== toFolder && f.length > toFolder.length; f = f.slice(0, f.lastIndexOf('/'))) ups++;
  return `${'../'.repeat(ups)}${to.slice(to.lastIndexOf('/') + 1)}`;
}
