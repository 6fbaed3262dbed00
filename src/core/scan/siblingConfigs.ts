/**
 * Configs kept beside a program's default config, in its shape: other runs of the same program.
 *
 * A training program that opens a default config (`@click.option('--config_path', default='Configs/config.yml')`,
 * argparse `default="configs/base.yaml"`, then `yaml.safe_load(open(config_path))`) is run with another config by
 * passing that flag (`python train.py --config_path Configs/config_other.yml`). A YAML beside the default, of the same
 * top-level structure (nearly all top-level keys shared) and named by no program, is such another run: it is read as
 * the program with its default config replaced by this one (folderScan.ts), so the program's precision, start and
 * keyed reads apply to this config's values.
 *
 * Guards: only YAML beside a YAML default (the same file kind); both with at least MIN_TOP_KEYS top-level keys (a
 * fragment or an overlay of a few keys is no whole config); the key sets' overlap (shared over all keys of either)
 * at least MIN_SHARED; never a file under a test or documentation folder; never a file that is already a run or that
 * a run reads; a bounded number per default.
 */

/** Top-level keys a config needs to be read as a whole config of its program (fragments and overlays are not). */
export const MIN_TOP_KEYS = 6;
/** The share of the two configs' top-level keys (union) both hold: the same structure, a few keys either way. */
export const MIN_SHARED = 0.8;
/** Siblings read per default config (a folder of hundreds of experiment configs is bounded). */
export const MAX_SIBLINGS = 8;
/** Lines of a config looked at for its top-level keys. */
const MAX_LINES = 5000;

const YAML = /\.ya?ml$/i;
/** A top-level YAML key at the start of a line (no indent): bounded, no nested quantifiers. */
const TOP_KEY = /^([A-Za-z_][\w.-]{0,99})[ \t]*:(?:[ \t]|$)/;
/** Folders whose files are tests or documentation, never another run of a program. */
export const EXCLUDED_FOLDER = /(?:^|\/)(?:tests?|docs?|testing|fixtures?)(?:\/|$)/i;

/** The top-level keys of a YAML text (a document's first block; `---` ends the first document). */
export function topLevelYamlKeys(text: string): Set<string> {
  const keys = new Set<string>();
  let start = 0;
  for (let n = 0; n < MAX_LINES && start <= text.length; n++) {
    const end = text.indexOf('\n', start);
    const line = text.slice(start, end < 0 ? text.length : end);
    start = end < 0 ? text.length + 1 : end + 1;
    if (line.startsWith('---') && keys.size > 0) break;
    const m = TOP_KEY.exec(line);
    if (m) keys.add(m[1]);
  }
  return keys;
}

/** A YAML key at any depth, with its indentation (spaces only; a list item's keys are not followed). */
const NESTED_KEY = /^( {0,40})([A-Za-z_][\w.-]{0,99})[ \t]*:(?:[ \t]|$)/;
/** Key paths kept per config (a long config is compared by its first ones). */
const MAX_KEY_PATHS = 2000;

/**
 * The key paths of a YAML text (`run.max_train_steps`, `data.batch_size`): the structure of a config whose top level
 * is a few sections, where the top-level keys alone say too little to tell a sibling of the same program.
 */
export function yamlKeyPaths(text: string): Set<string> {
  const paths = new Set<string>();
  const stack: Array<{ indent: number; key: string }> = [];
  let start = 0;
  for (let n = 0; n < MAX_LINES && start <= text.length && paths.size < MAX_KEY_PATHS; n++) {
    const end = text.indexOf('\n', start);
    const line = text.slice(start, end < 0 ? text.length : end);
    start = end < 0 ? text.length + 1 : end + 1;
    if (line.startsWith('---') && paths.size > 0) break;
    const m = NESTED_KEY.exec(line);
    if (!m) continue;
    const indent = m[1].length;
    while (stack.length > 0 && stack[stack.length - 1].indent >= indent) stack.pop();
    const key = [...stack.map((e) => e.key), m[2]].join('.');
    paths.add(key);
    stack.push({ indent, key: m[2] });
  }
  return paths;
}

/**
 * How closely `sibling` (path, top-level keys) follows the structure of the program's default config `defaults`: the
 * share of their top-level keys both hold, or 0 when it is no other config of that program (see the guards above).
 */
export function siblingOverlap(
  defaultPath: string,
  defaultKeys: ReadonlySet<string>,
  siblingPath: string,
  siblingKeys: ReadonlySet<string>,
): number {
  if (!YAML.test(defaultPath) || !YAML.test(siblingPath) || siblingPath === defaultPath) return 0;
  if (EXCLUDED_FOLDER.test(siblingPath)) return 0;
  if (defaultKeys.size < MIN_TOP_KEYS || siblingKeys.size < MIN_TOP_KEYS) return 0;
  let shared = 0;
  for (const k of siblingKeys) if (defaultKeys.has(k)) shared++;
  const overlap = shared / (defaultKeys.size + siblingKeys.size - shared);
  return overlap >= MIN_SHARED ? overlap : 0;
}
