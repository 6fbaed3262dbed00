import { parse as parseJsonc, type ParseError } from 'jsonc-parser';
import type { DocumentedLaunch } from '../extract/documentedLaunch';
import { EXCLUDED_FOLDER, MIN_SHARED, MIN_TOP_KEYS, topLevelYamlKeys, yamlKeyPaths } from './siblingConfigs';

/**
 * Configs beside a documented one, in its shape: other runs of the same program. A README documents one launch
 * ("python run.py configs/large.yaml image.png") and ships its siblings beside it (`configs/base.yaml`, same
 * top-level sections) for the user to swap in. Each such sibling gets the documented launch with its own name in
 * place of the documented config's, so it is read as that program's run too (documentedConfigLaunch).
 *
 * In a folder with a `default.yaml` (or `.json`) that the configs beside it override (the program merges the folder's
 * defaults under the config it is given: efficientvit's `setup_exp_config`, defaultsFile.ts), every other config there
 * is such an override, whatever keys it sets (`net_config:` alone, or with `run_config:` too): each is a sibling; the
 * defaults file is not.
 *
 * A settings script (a shell file that only sets variables, `gpt_options="--num-layers 24 …"`, documented as the
 * argument of a wrapper that sources it) has for siblings the settings scripts beside it that set the same variables
 * (GLM's `config/ds_block_*.sh`): its keys are the variables it sets (settingsVariables).
 *
 * Guards: YAML or JSON beside a YAML or JSON of the same kind (a shell script beside a shell script), in the same folder; the same top-level keys (at least
 * MIN_KEYS, so a two-key fragment is not matched by chance), or nearly the same for two whole configs (siblingConfigs'
 * MIN_TOP_KEYS and MIN_SHARED: an optional key set in one and not the other); a sibling the documentation names itself keeps
 * its own launches; never under a test or documentation folder; never a network's description alone
 * (describesModelOnly); bounded per documented config.
 */

/** Top-level keys two configs must share (all of them, and at least this many) to be read as the same program's. */
export const MIN_KEYS = 2;
/** Siblings given a documented launch per documented config. */
export const MAX_DOCUMENTED_SIBLINGS = 12;
/** Candidates read per folder (the rest of a folder of hundreds of configs is not read). */
export const MAX_CANDIDATES = 48;
/** Characters of a JSON config parsed for its top-level keys. */
const MAX_JSON_CHARS = 1024 * 1024;

const CONFIG = /\.(?:ya?ml|json)$/i;
/** A shell script: a settings script's siblings are the scripts beside it that set the same variables. */
const SHELL = /\.(?:sh|bash)$/i;

/** The extension family of a config path ('yaml' | 'json' | 'shell'), or undefined for other files. */
export function configFamily(path: string): 'yaml' | 'json' | 'shell' | undefined {
  if (SHELL.test(path)) return 'shell';
  if (!CONFIG.test(path)) return undefined;
  return /\.json$/i.test(path) ? 'json' : 'yaml';
}

/** A line that runs a program: a launcher or an interpreter at a command's start. */
const RUNS_A_PROGRAM =
  /^[ \t]*(?:[A-Z_][A-Z0-9_]{0,40}=\S{0,200}[ \t]+){0,8}(?:python3?|torchrun|deepspeed|accelerate|srun|sbatch|mpirun|bash|sh|eval|exec)\b/m;
/** `name=value` at a line's start (`export` before it or not): a variable a settings script sets. */
const ASSIGNED = /^(?:export[ \t]+)?([A-Za-z_]\w{0,60})=/gm;
/** Variables kept per settings script. */
const MAX_VARIABLES = 200;

/**
 * The variables a settings script sets (GLM's `config/ds_block_large.sh`: `config_json=…`, `gpt_options="--num-layers 24
 * …"`), as its keys; none for a script that runs a program itself (a wrapper or a launch script is no settings file).
 */
function settingsVariables(text: string): Set<string> {
  const keys = new Set<string>();
  if (RUNS_A_PROGRAM.test(text)) return keys;
  for (const m of text.matchAll(ASSIGNED)) {
    keys.add(m[1]);
    if (keys.size >= MAX_VARIABLES) break;
  }
  return keys;
}

/** Whether a path may be a documented config's sibling (a config, outside test and documentation folders). */
export function maySiblingPath(path: string): boolean {
  return configFamily(path) !== undefined && !EXCLUDED_FOLDER.test(path);
}

/**
 * Marks an entry of the set topLevelConfigKeys returns as a section one level down (`§model.generator`: a mapping
 * under a top-level mapping), not a key: no YAML or JSON key starts with it in the configs compared.
 */
const SECTION_MARK = '\u00a7';
/** A section of a config's model (`§model.generator`, `§network.encoder`). */
const MODEL_SECTION = /^\u00a7(?:models?|network|net|arch|architecture)\./i;
/** Sections kept per config. */
const MAX_SECTIONS = 200;

/**
 * The top-level keys of a YAML or JSON config text (empty when it is no mapping or cannot be read), and its sections
 * one level down (SECTION_MARK): `model: {vq_model: {...}, generator: {...}}` holds `model.vq_model` and
 * `model.generator`.
 */
export function topLevelConfigKeys(path: string, text: string): Set<string> {
  if (configFamily(path) === 'shell') return settingsVariables(text);
  if (configFamily(path) !== 'json') {
    const keys = topLevelYamlKeys(text);
    for (const p of yamlKeyPaths(text)) {
      const parts = p.split('.');
      if (parts.length < 3 || !keys.has(parts[0])) continue;
      keys.add(`${SECTION_MARK}${parts[0]}.${parts[1]}`);
      if (keys.size > 1000 + MAX_SECTIONS) break;
    }
    return keys;
  }
  if (text.length > MAX_JSON_CHARS) return new Set();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // JSON with `//` comments and trailing commas (KAIR's `options/*.json`, read by the program after stripping its
    // comments), as the config reader takes it (configDocument.ts).
    const errors: ParseError[] = [];
    try {
      parsed = parseJsonc(text, errors, { allowTrailingComma: true, allowEmptyContent: false });
    } catch {
      return new Set();
    }
    if (errors.length > 0) return new Set();
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return new Set();
  const keys = new Set(Object.keys(parsed).slice(0, 1000));
  let sections = 0;
  for (const [key, value] of Object.entries(parsed as Record<string, unknown>).slice(0, 1000)) {
    if (!value || typeof value !== 'object' || Array.isArray(value)) continue;
    for (const [sub, inner] of Object.entries(value as Record<string, unknown>))
      if (inner && typeof inner === 'object' && !Array.isArray(inner) && sections++ < MAX_SECTIONS)
        keys.add(`${SECTION_MARK}${key}.${sub}`);
  }
  return keys;
}

/** The keys of topLevelConfigKeys' set, without its sections. */
function topKeys(keys: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  for (const k of keys) if (!k.startsWith(SECTION_MARK)) out.add(k);
  return out;
}

/** A key naming a model's architecture class or type, as a Hub model's `config.json` has them. */
const ARCHITECTURE_KEY = /^(?:architectures|model_type)$/;
/** A key that sizes the network. */
const SIZE_KEY = /^(?:hidden_size|d_model|n_embd|num_hidden_layers|n_layers?|num_layers|intermediate_size)$/;
/** A key of a run: training, data, schedule, output, hardware. */
const RUN_KEY =
  /(?:train|epoch|step|iter|batch|learning_rate|^lr$|optim|dataset|^data|output|save|device|gpu|precision|seed)/i;

/**
 * Whether a config only describes a network (a Hub model's `config.json`: `architectures` or `model_type` with the
 * sizes, no training or data key). The program that loads it is handed one architecture among several (`--model_config
 * configs/llama_60m.json` beside `llama_1b.json`): the other architectures are models it could build, not runs the
 * documentation starts, so they get no documented launch.
 */
export function describesModelOnly(keys: ReadonlySet<string>): boolean {
  let architecture = false;
  let size = false;
  for (const k of keys) {
    if (k.startsWith(SECTION_MARK)) continue;
    if (RUN_KEY.test(k)) return false;
    if (ARCHITECTURE_KEY.test(k)) architecture = true;
    else if (SIZE_KEY.test(k)) size = true;
  }
  return architecture && size;
}

/** A folder's defaults file (`default.yaml`): the base its other configs override, not a run of its own. */
export function isFolderDefault(path: string): boolean {
  return /(?:^|\/)default\.(?:ya?ml|json)$/i.test(path);
}

/** Whether two configs have the same top-level keys, enough of them (or nearly the same, both whole configs). */
export function sameShape(documented: ReadonlySet<string>, candidate: ReadonlySet<string>): boolean {
  // A candidate whose model holds only some of the documented config's parts and nothing else (`model.vq_model`
  // without the `model.generator` the program samples with: a tokenizer's description beside the configs that sample)
  // is not a run of it. A variant swapping a part (`MODEL.SWIN` for `MODEL.RESNETS`) is; so are configs that differ in
  // other sections (a scheduler's optional `warmup:`).
  const lacks = [...documented].some((k) => MODEL_SECTION.test(k) && !candidate.has(k));
  if (lacks && [...candidate].every((k) => !MODEL_SECTION.test(k) || documented.has(k))) return false;
  const a = topKeys(documented);
  const b = topKeys(candidate);
  if (a.size < MIN_KEYS || b.size < MIN_KEYS) return false;
  let shared = 0;
  for (const k of a) if (b.has(k)) shared++;
  if (shared === a.size && shared === b.size) return true;
  // A whole config with an optional key set or left out (`model_family: llama` in some of a program's configs, commented
  // out in another): the same structure when both are whole configs that share nearly all keys (siblingConfigs.ts).
  return a.size >= MIN_TOP_KEYS && b.size >= MIN_TOP_KEYS && shared / (a.size + b.size - shared) >= MIN_SHARED;
}

/**
 * The documented launch with the documented config's name replaced by the sibling's: every word of the command
 * whose last path part is the documented config's file name (`configs/large.yaml`, `./configs/large.yaml`).
 * Undefined when no word names it (the command names the config some other way).
 */
export function launchForSibling(
  launch: DocumentedLaunch,
  documentedBase: string,
  siblingBase: string,
  documentedDisplay: string,
): DocumentedLaunch | undefined {
  let replaced = false;
  const command = launch.command
    .split(/(\s+)/)
    .map((word) => {
      const bare = word.replace(/^(["']?)(.*?)\1$/, '$2');
      const slash = bare.lastIndexOf('/');
      const eq = bare.indexOf('=');
      // `--config=configs/large.yaml` names it after the `=`.
      const start = Math.max(slash, eq) + 1;
      if (bare.slice(start) !== documentedBase) return word;
      replaced = true;
      return word.replace(documentedBase, siblingBase);
    })
    .join('');
  return replaced ? { ...launch, command, siblingOf: documentedDisplay } : undefined;
}
