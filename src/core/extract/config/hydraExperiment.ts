import type { ConfigDialect, ConfigDoc, ConfigValue, FactSink } from './dialect';

/**
 * Hydra experiment configs (hydra.cc, "Configuring Experiments"; the lightning-hydra-template layout):
 * `# @package _global_` at the top and a `defaults:` list that composes the run from config groups
 * (`- /experiment/pile/base.yaml`, `- override /model: gpt2`, `- override /model/gpt2model: gpt2-small`), then the
 * keys this experiment sets over them (`trainer.max_steps`, `model.config.n_layer`). `python run.py
 * experiment=<name>` runs it: the experiment is the run, the group files are its pieces.
 *
 * Each entry of the defaults list becomes a link to the group file it names (relative to the config root; the
 * link resolver looks for it in the folders above this file), so what the pieces state joins the run unless this
 * file or a later entry states it: Hydra merges the list in order and the file's own keys last (`_self_` at the
 * end, the Hydra 1.1 default), so the links are given last entry first and the file's own facts come before all.
 * `null` choices (`override /model: null`) and Hydra's own groups (`hydra/...`) name no file.
 *
 * The header may also be written `# @package __global__` (the spelling Dora/AudioCraft-style config trees use for the
 * same global package). A relative entry (`- musicgen/default`, `- ../default`: Hydra resolves it within the config's
 * own group) links the file of that name from this file's folder or the folders above it (the link resolver's
 * search); an absolute one (`- /solver/default`, `- /model: lm/x`) from the config root. A config that leaves a
 * top-level value required (`solver: ???`, `sample_rate: ???`: OmegaConf's mandatory missing value) is a base the
 * configs composed on it fill in: no run alone.
 */

/** Entries of a defaults list followed (a hostile list is not walked further). */
const MAX_ENTRIES = 64;
/** Top-level keys looked at for a required (`???`) value. */
const MAX_TOP_KEYS = 512;
/** A group path or option name: letters, digits, `._-/`, no `..` (a link never leaves the config tree upward). */
const GROUP_PATH = /^\/?[\w.-]+(?:\/[\w.-]+){0,8}$/;

export const hydraExperiment: ConfigDialect = {
  name: 'hydra',
  words: ['@package', 'override /'],
  detect: (doc) =>
    globalPackage(doc) &&
    doc.get('defaults')?.shape === 'seq' &&
    (modelLeftOpen(doc) !== undefined || namesGroupFile(doc)),
  read(doc: ConfigDoc, out: FactSink): void {
    const list = doc.get('defaults')!;
    const links: Array<{ reference: string; at: ConfigValue; written: string }> = [];
    for (let i = 0; i < MAX_ENTRIES; i++) {
      const entry = doc.get(`defaults.${i}`);
      if (!entry) break;
      const link = entryLink(doc, entry, `defaults.${i}`);
      if (link) links.push(link);
    }
    const required = requiredAtTop(doc);
    if (required)
      out.add(
        'run.entry',
        false,
        required,
        `a Hydra base config (\`${required.key}: ???\` is left for the configs composed on it to set)`,
      );
    // `override /model: null`: the experiments built on this one choose the model; alone it trains nothing.
    const base = modelLeftOpen(doc);
    if (base)
      out.add(
        'run.entry',
        false,
        base,
        'a Hydra experiment base (`override /model: null`): the experiments composed on it are the runs',
      );
    if (links.length === 0) return;
    out.add('run.framework', 'hydra', list, 'Hydra experiment config (`# @package _global_` with a defaults list)');
    const chosen = modelChoice(doc);
    // Low confidence: a model id a composed group file states (`pretrained_model_name_or_path`) outranks the option's name.
    if (chosen) out.add('model.id', chosen.name, chosen.at, chosen.detail, 'low');
    for (const link of links.reverse())
      out.add(
        'link.config',
        link.reference,
        link.at,
        `defaults: ${link.written} (a Hydra config group this run composes)`,
      );
  },
};

/** Whether an entry of the defaults list names a group file (not only Hydra's own groups or `_self_`). */
function namesGroupFile(doc: ConfigDoc): boolean {
  for (let i = 0; i < MAX_ENTRIES; i++) {
    const entry = doc.get(`defaults.${i}`);
    if (!entry) return false;
    if (entryLink(doc, entry, `defaults.${i}`)) return true;
  }
  return false;
}

/** `# @package _global_` in the header: the file's keys sit at the root of the composed config. */
export function globalPackage(doc: ConfigDoc): boolean {
  return doc.comments().some((c) => c.line < 5 && /^@package\s+_{1,2}global_{1,2}$/.test(c.text.trim()));
}

/** The group file a defaults entry names, relative to the config root (`model/gpt2.yaml`), if it names one. */
function entryLink(
  doc: ConfigDoc,
  entry: ConfigValue,
  path: string,
): { reference: string; at: ConfigValue; written: string } | undefined {
  if (entry.shape === 'scalar') {
    // `- /experiment/pile/base.yaml` or `- musicgen/default` (relative to this config's group): merged here.
    const written = typeof entry.value === 'string' ? entry.value.trim() : '';
    if (written === '' || written === '_self_') return undefined;
    const file = written.startsWith('/') ? groupFile(written) : relativeFile(written);
    return file ? { reference: file, at: entry, written } : undefined;
  }
  if (entry.shape !== 'map') return undefined;
  const pairs = doc.entries(path);
  if (pairs.length !== 1 || pairs[0].shape !== 'scalar') return undefined;
  const group = pairs[0].key.replace(/^override\s+/, '').trim();
  const option = typeof pairs[0].value === 'string' ? pairs[0].value.trim() : '';
  // `override /model: null` removes the group; `hydra/job_logging` configures Hydra itself.
  if (!group.startsWith('/') || option === '' || /^\/?hydra(\/|$)/.test(group)) return undefined;
  const file = groupFile(`${group}/${option}`);
  return file ? { reference: file, at: pairs[0], written: `${pairs[0].key}: ${option}` } : undefined;
}

/**
 * The model an experiment composes, by the name it is chosen under. A `/model: <option>` entry picks the model group's
 * option (the config file of that name), and `/model/layer: <option>` (or `mixer`) the layer the model stacks: in the
 * sequence-model config trees of the S4 family the model group is a generic stack (`_name_: model`, `lm`) and the layer
 * is what makes it an H3, a Hyena or an S4D network, so the layer's choice names the model first. The experiment's own
 * `model.layer._name_` (the registry name the layer is built from) wins over both, as the file's keys win over its
 * defaults. Later entries override earlier ones, as Hydra merges them.
 */
function modelChoice(doc: ConfigDoc): { name: string; at: ConfigValue; detail: string } | undefined {
  for (const key of ['model.layer._name_', 'model.mixer._name_']) {
    const at = doc.get(key);
    const name = doc.str(key);
    if (at && name && OPTION_NAME.test(name))
      return { name, at, detail: `${key}: ${name} (the layer the model stacks)` };
  }
  let model: { name: string; at: ConfigValue; detail: string } | undefined;
  let layer: typeof model;
  for (let i = 0; i < MAX_ENTRIES; i++) {
    const entry = doc.get(`defaults.${i}`);
    if (!entry) break;
    if (entry.shape !== 'map') continue;
    const pairs = doc.entries(`defaults.${i}`);
    if (pairs.length !== 1 || pairs[0].shape !== 'scalar') continue;
    const group = /^(?:override\s+)?\/model(\/(?:layer|mixer))?$/.exec(pairs[0].key.trim());
    const option = typeof pairs[0].value === 'string' ? pairs[0].value.trim() : '';
    if (!group) continue;
    const chosen = OPTION_NAME.test(option)
      ? { name: option, at: pairs[0], detail: `defaults: ${pairs[0].key}: ${option} (the model's config group option)` }
      : undefined;
    if (group[1]) layer = chosen;
    else model = chosen;
  }
  return layer ?? model;
}

/** A group option as a model name: a plain name, no path and no interpolation. */
const OPTION_NAME = /^[A-Za-z][\w.-]{0,60}$/;

/** The defaults entry that sets the model group to null, if one does. */
function modelLeftOpen(doc: ConfigDoc): ConfigValue | undefined {
  for (let i = 0; i < MAX_ENTRIES; i++) {
    const entry = doc.get(`defaults.${i}`);
    if (!entry) return undefined;
    if (entry.shape !== 'map') continue;
    const pairs = doc.entries(`defaults.${i}`);
    if (pairs.length === 1 && /^(?:override\s+)?\/model$/.test(pairs[0].key.trim()) && pairs[0].value === null)
      return pairs[0];
  }
  return undefined;
}

/** A relative entry: a group path, optionally one or two folders up (`../default`). */
function relativeFile(path: string): string | undefined {
  const up = /^(?:\.\.\/){0,2}/.exec(path)![0];
  const rest = groupFile(path.slice(up.length));
  return rest && !rest.startsWith('hydra/') ? `${up}${rest}` : undefined;
}

/**
 * A top-level key whose value is OmegaConf's mandatory missing value `???`, if the config leaves one that a config
 * composed on it would fill. A required path (`pretrained_checkpoint_path: ???`, `data_dir: ???`) is not that: it is
 * the file or folder the user names on the command line (`python train.py +experiments=x checkpoint_path=/ckpt`), and
 * the experiment that asks for it is still a whole run.
 */
function requiredAtTop(doc: ConfigDoc): ConfigValue | undefined {
  return doc
    .entries()
    .slice(0, MAX_TOP_KEYS)
    .find((e) => e.shape === 'scalar' && e.value === '???' && !PATH_KEY.test(e.key));
}

/** A key naming a file or folder (`..._path`, `..._dir`, `ckpt`, `checkpoint`, `root`, `url`). */
const PATH_KEY = /(?:^|_)(?:path|dir|folder|file|ckpt|checkpoint|root|url)$/i;

export function groupFile(path: string): string | undefined {
  if (!GROUP_PATH.test(path) || path.split('/').some((s) => s === '..' || s === '.')) return undefined;
  const relative = path.replace(/^\//, '');
  return /\.ya?ml$/.test(relative) ? relative : `${relative}.yaml`;
}
