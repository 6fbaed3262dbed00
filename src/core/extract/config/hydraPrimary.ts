import type { Fact } from '../../facts';
import type { ConfigDialect, ConfigDoc, ConfigValue, FactSink } from './dialect';
import { globalPackage, groupFile, hydraExperiment } from './hydraExperiment';

/**
 * A Hydra primary config or group config with a defaults list of group choices written without a leading slash
 * (hydra.cc, "The Defaults List": `defaults: [_self_, model: blank_model, loss: sft]`). Such an entry names the
 * group relative to the config that holds it, so the file is `<this folder>/<group>/<option>.yaml`
 * (`config/model/blank_model.yaml` for `config/config.yaml`). Each choice is linked so that what the group file
 * states (the model's name, its dtype) joins the run; a choice naming a file the repository does not hold is said
 * and left unknown. `null` choices and Hydra's own groups (`hydra`, `hydra/...`) name no file; `optional` entries may
 * be absent without a warning. Experiment configs in the global package (`# @package _global_`) are read by
 * hydraExperiment.ts. Entries are linked last first: a later entry overrides an earlier one, as Hydra merges them.
 * A config that adds folders to Hydra's search path (`hydra: {searchpath: [file://pkg/config]}`) may compose an entry
 * from there (`- base_trainer` kept in pkg/config/): each entry is looked up in those folders too.
 */

/** Entries of a defaults list followed (a hostile list is not walked further). */
const MAX_ENTRIES = 64;
/** `group` or `group/sub`, optionally prefixed `optional ` / `override `. */
const ENTRY_KEY = /^(optional[ \t]+|override[ \t]+)?([\w.-]{1,100}(?:\/[\w.-]{1,100}){0,4})$/;

export const hydraPrimary: ConfigDialect = {
  name: 'hydra-primary',
  words: ['defaults'],
  // A primary config may carry `# @package _global_` too (the lightning-hydra-template's train.yaml: a no-op there,
  // the primary config being global already); when its entries are relative group choices (`- model: mnist`), it is
  // read here, not as an experiment (hydraExperiment.ts reads the global configs whose entries are absolute).
  detect: (doc) =>
    doc.get('defaults')?.shape === 'seq' &&
    (groupChoices(doc).length > 0 || groupsToChoose(doc).length > 0 || siblings(doc).length > 0) &&
    (!globalPackage(doc) || !hydraExperiment.detect(doc)),
  read(doc: ConfigDoc, out: FactSink): void {
    const searched = searchPath(doc);
    // After the config's own folder, Hydra looks in each hydra.searchpath folder in turn: the same entry there, quietly
    // (low), since only one of the places holds it.
    const alsoSearched = (file: string, at: ConfigValue, written: string) => {
      for (const folder of searched)
        out.add('link.config', `${folder}/${file}`, at, `${written} (found through hydra.searchpath ${folder})`, 'low');
    };
    for (const choice of groupChoices(doc).reverse()) {
      const written = `defaults: ${choice.written} (a Hydra config group this config composes)`;
      out.add(
        'link.config',
        choice.file,
        choice.at,
        written,
        choice.optional || searched.length > 0 ? 'low' : 'medium',
      );
      alsoSearched(choice.file, choice.at, written);
    }
    // The option chosen for the `model` group names the model the run builds (low: a model id the group's file states
    // outranks the option's name), as an experiment's `override /model: <option>` does (hydraExperiment.ts).
    const model = modelChoice(doc);
    if (model)
      out.add(
        'model.id',
        model.option,
        model.at,
        `defaults: ${model.written} (the model's config group option)`,
        'low',
      );
    // Every group the list names, so that a launch line's choice (`model=llama`) can pick its option (analyze.ts).
    for (const group of groupsToChoose(doc))
      out.add('link.hydraGroup', group.name, group.at, `defaults: ${group.written}`, 'medium');
    // `- base_model` in a group's option (`config/model/llama.yaml`): a config of the same group, composed first.
    for (const sibling of siblings(doc).reverse()) {
      const written = `defaults: ${sibling.written} (a config of the same Hydra group this one builds on)`;
      out.add('link.config', sibling.file, sibling.at, written, 'low');
      alsoSearched(sibling.file, sibling.at, written);
    }
  },
};

/** Folders of a hydra.searchpath read (a hostile list is not walked further). */
const MAX_SEARCH_PATHS = 8;

/**
 * The folders `hydra.searchpath` adds to the config search path (hydra.cc, "Config Search Path": entries
 * `file://some/dir`, a folder relative to where the application runs, the repository's root for a checkout's own
 * configs, and `pkg://some.module`, a Python package's folder). Absolute paths, `..` and variables are left out.
 */
function searchPath(doc: ConfigDoc): string[] {
  const out: string[] = [];
  for (let i = 0; i < MAX_SEARCH_PATHS; i++) {
    const entry = doc.get(`hydra.searchpath.${i}`);
    if (!entry) break;
    if (entry.shape !== 'scalar' || typeof entry.value !== 'string') continue;
    const m = /^(file|pkg):\/\/(.{1,300})$/.exec(entry.value.trim());
    if (!m) continue;
    const folder = m[1] === 'pkg' ? m[2].replace(/\./g, '/') : m[2].replace(/^\.\//, '');
    const clean = folder.replace(/\/+$/, '');
    if (/^[\w.-]{1,100}(?:\/[\w.-]{1,100}){0,8}$/.test(clean) && !clean.split('/').some((s) => s === '..' || s === '.'))
      out.push(clean);
  }
  return out;
}

/** The groups a defaults list names (`model: ???`, `loss: sft`), Hydra's own groups left out. */
function groupsToChoose(doc: ConfigDoc): Array<{ name: string; at: ConfigValue; written: string }> {
  const out: Array<{ name: string; at: ConfigValue; written: string }> = [];
  for (let i = 0; i < MAX_ENTRIES; i++) {
    const entry = doc.get(`defaults.${i}`);
    if (!entry) break;
    if (entry.shape !== 'map') continue;
    const pairs = doc.entries(`defaults.${i}`);
    if (pairs.length !== 1 || pairs[0].shape !== 'scalar') continue;
    const key = ENTRY_KEY.exec(pairs[0].key.trim());
    if (!key || /^(?:hydra|_self_)(?:\/|$)/.test(key[2])) continue;
    out.push({ name: key[2], at: pairs[0], written: `${pairs[0].key}: ${String(pairs[0].value)}` });
  }
  return out;
}

/**
 * Plain names in a defaults list (`- base_model`): configs of this config's own group (hydra.cc, "The Defaults
 * List": an entry without a group is a config path relative to the containing config's group), so the file
 * beside this one. `_self_` is this config's own place in the list.
 */
function siblings(doc: ConfigDoc): Array<{ file: string; at: ConfigValue; written: string }> {
  const out: Array<{ file: string; at: ConfigValue; written: string }> = [];
  for (let i = 0; i < MAX_ENTRIES; i++) {
    const entry = doc.get(`defaults.${i}`);
    if (!entry) break;
    if (entry.shape !== 'scalar' || typeof entry.value !== 'string') continue;
    const name = entry.value.trim();
    if (name === '_self_' || name.startsWith('/') || !/^[\w.-]{1,100}(?:\/[\w.-]{1,100}){0,4}$/.test(name)) continue;
    const file = groupFile(name);
    if (file) out.push({ file, at: entry, written: `- ${name}` });
  }
  return out;
}

interface Choice {
  readonly file: string;
  readonly at: ConfigValue;
  readonly written: string;
  readonly optional: boolean;
}

function groupChoices(doc: ConfigDoc): Choice[] {
  const out: Choice[] = [];
  for (let i = 0; i < MAX_ENTRIES; i++) {
    const entry = doc.get(`defaults.${i}`);
    if (!entry) break;
    if (entry.shape !== 'map') continue;
    const pairs = doc.entries(`defaults.${i}`);
    if (pairs.length !== 1 || pairs[0].shape !== 'scalar' || typeof pairs[0].value !== 'string') continue;
    const key = ENTRY_KEY.exec(pairs[0].key.trim());
    const option = pairs[0].value.trim();
    if (!key || option === '' || option === '???' || /^(?:hydra|_self_)(?:\/|$)/.test(key[2])) continue;
    const file = groupFile(`${key[2]}/${option}`);
    if (file)
      out.push({
        file,
        at: pairs[0],
        written: `${pairs[0].key}: ${option}`,
        optional: key[1]?.startsWith('optional') ?? false,
      });
  }
  return out;
}

/** How the detail of a model named by its group option ends (modelOptionsFound keeps it only when the file is read). */
export const MODEL_OPTION = " (the model's config group option)";

/**
 * The model named by a primary config's `model` option stands only when the group's file was found and read: an
 * option whose file the repository does not hold names nothing the run can be sure of (the choice may be a
 * placeholder the command line replaces). `linked`: the paths of the files the run read.
 */
export function modelOptionsFound(facts: readonly Fact[], linked: ReadonlySet<string>): readonly Fact[] {
  if (
    !facts.some(
      (f) => f.kind === 'model.id' && f.detail.endsWith(MODEL_OPTION) && f.detail.startsWith('defaults: model:'),
    )
  )
    return facts;
  const found = (option: string) => [...linked].some((p) => p.replace(/\\/g, '/').endsWith(`/model/${option}.yaml`));
  return facts.filter(
    (f) =>
      !(f.kind === 'model.id' && f.detail.startsWith('defaults: model:') && f.detail.endsWith(MODEL_OPTION)) ||
      found(String(f.value)),
  );
}

/** A plain option name (no path, no interpolation) read as a model's name. */
const OPTION_NAME = /^[A-Za-z][\w.-]{0,60}$/;

/** The `- model: <option>` entry of the defaults list (the last one, as Hydra merges them in order). */
function modelChoice(doc: ConfigDoc): { option: string; at: ConfigValue; written: string } | undefined {
  let found: { option: string; at: ConfigValue; written: string } | undefined;
  for (const choice of groupChoices(doc)) {
    // `model: x`, or a model group nested in the part that holds it (`module/model: slow_r50`, a LightningModule's
    // network); a schema group (`schema/model`) is the structured config's type, not a choice.
    const m = /^(?:(?!schema\/)[\w-]{1,60}\/)?model\/([^/]+)\.yaml$/.exec(choice.file);
    if (m && OPTION_NAME.test(m[1]) && !choice.optional)
      found = { option: m[1], at: choice.at, written: choice.written };
  }
  return found;
}
