import { callKeyword, positionalArguments, stringLiteral } from '../../pythonValues';
import type { CallRule } from '../rules';

/**
 * A Hydra application's entry point (hydra.cc, "Getting started": `@hydra.main(version_base=None,
 * config_path="conf", config_name="config")`): Hydra composes the primary config `<config_path>/<config_name>.yaml`,
 * found from the program's own folder (hydra.cc: config_path is relative to the file declaring `@hydra.main`, so
 * `config_path="../configs"` names the folder beside the program's), with the groups its defaults list names, and hands it to the function. The
 * program runs that config as it is (command-line overrides change it), so the primary config is linked: what it
 * states (epochs, batch size, the groups it composes) is the run's. No `config_name`, or a path that is not a plain
 * relative folder (`pkg://`, an absolute path, a variable), links nothing.
 *
 * The same shape under another name: a framework's own wrapper of `hydra.main` (NeMo's `@hydra_runner(config_path=
 * "conf", config_name="gpt_sft")`, nemo/core/config/hydra_runner.py, which calls hydra.main with these arguments) is a
 * decorator naming both `config_path` and `config_name` by keyword; the program starts from that default config as
 * `hydra.main`'s does, so it is linked the same way whatever the decorator is called.
 */

/** A relative folder of letters, digits, `._-` (no `..` climbing out, no scheme). */
const CONFIG_PATH = /^(?:\.\/|(?:\.\.\/){1,2})?[\w.-]{1,100}(?:\/[\w.-]{1,100}){0,8}\/?$/;
const CONFIG_NAME = /^[\w.-]{1,100}(?:\/[\w.-]{1,100}){0,4}$/;

/**
 * A structured config registered under a name (hydra.cc, "Config Store API": `cs.store(name="config",
 * node=TrainConfig)`): a `config_name` the program stores itself is its primary config, in code, not a file.
 */
const STORED_CONFIG = /\.store\([^)\n]{0,200}?\bname[ \t]*=[ \t]*["']([\w.-]{1,100})["']/g;

/** The names this module stores in Hydra's ConfigStore (its structured configs). */
function storedConfigNames(text: string): ReadonlySet<string> {
  if (!text.includes('ConfigStore')) return new Set();
  // A group's option (`cs.store(group="model", name="bidirectional", …)`) is a piece the primary config picks, not it.
  return new Set([...text.matchAll(STORED_CONFIG)].filter((m) => !/\bgroup[ \t]*=/.test(m[0])).map((m) => m[1]));
}

/** `config_name="config"` as written in the decorator. */
const CONFIG_NAME_ARGUMENT = /\bconfig_name[ \t]*=[ \t]*["']([\w.-]{1,100})["']/;

/**
 * Does this Hydra program start from a structured config it stores itself (`cs.store(name="config", node=…)` and
 * `@hydra.main(config_name="config")`)? Then it starts as it is, with the dataclass's defaults, as an argparse
 * program starts from its flags' defaults.
 */
export function startsFromStoredConfig(text: string): boolean {
  const name = CONFIG_NAME_ARGUMENT.exec(text)?.[1];
  return name !== undefined && storedConfigNames(text).has(name.replace(/\.ya?ml$/, ''));
}

/** How the link's detail starts (a primary config's defaults list is composed from its folder: hydraPrimary.ts). */
export const HYDRA_MAIN_LINK = 'hydra.main primary config';

export const hydraMain: CallRule = {
  framework: 'hydra',
  words: ['hydra.main', 'config_name'],
  // The decorator test last: a node's parent is searched for from the root, and this rule sees every call.
  when: ({ full, node, argsText }) =>
    (full === 'hydra.main' ||
      (argsText.includes('config_name') &&
        callKeyword(node, 'config_name') !== null &&
        callKeyword(node, 'config_path') !== null)) &&
    node.parent?.type === 'decorator',
  read: ({ node, ctx }) => {
    const args = node.childForFieldName('arguments');
    if (!args) return false;
    const positional = positionalArguments(args);
    const pathNode = callKeyword(node, 'config_path') ?? positional[0] ?? null;
    const nameNode = callKeyword(node, 'config_name') ?? positional[1] ?? null;
    let name = nameNode ? stringLiteral(nameNode) : null;
    let folder = pathNode ? stringLiteral(pathNode) : '';
    // Hydra 0.11's `@hydra.main(config_path="config.yaml")` names the config file itself (hydra.cc 0.11 tutorial,
    // "Config file"): its folder and name.
    if (!nameNode && folder && /\.ya?ml$/.test(folder)) {
      const slash = folder.lastIndexOf('/');
      name = folder.slice(slash + 1);
      folder = slash >= 0 ? folder.slice(0, slash) : '';
    }
    if (!name || !CONFIG_NAME.test(name) || name.includes('..')) return false;
    // The program's primary config is the dataclass it stores under that name (its defaults are the run's, read as
    // a program's): no file to link, and none missing.
    if (storedConfigNames(ctx.text).has(name.replace(/\.ya?ml$/, ''))) return false;
    // Hydra reads a relative config_path from the declaring file's folder (`../configs` from `src/`, `../configs/hydra`
    // beside `tools/`): leading
    // `../` steps are kept, a `..` anywhere else is not followed.
    const up = folder === null ? '' : (/^(?:\.\.\/){1,4}/.exec(folder)?.[0] ?? '');
    const rest = folder === null ? null : folder.slice(up.length);
    if (rest === null || (rest !== '' && (!CONFIG_PATH.test(rest) || rest.includes('..')))) return false;
    const base = up + rest.replace(/^\.\//, '').replace(/\/$/, '');
    const file = `${base ? `${base}/` : ''}${name.replace(/\.ya?ml$/, '')}.yaml`;
    ctx.add('link.config', file, node, `${HYDRA_MAIN_LINK} ${file} (config_path, config_name)`, 'medium');
    return false;
  },
};
