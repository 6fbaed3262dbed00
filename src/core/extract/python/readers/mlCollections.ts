import type { Node } from 'web-tree-sitter';
import { normalisePrecision } from '../../precision';
import {
  describeScoreNet,
  SCORE_NET_KEYS,
  scoreNetParams,
  scoreNetSettingsOf,
  type SettingValue,
} from '../../scoreSdeParams';
import { evaluate, stringLiteral, type PyValue, type SymbolTable } from '../../pythonValues';
import { decideCondition } from '../branches';
import type { PythonReadContext } from '../context';
import type { FileRule } from '../rules';
import { builtAsKauldronTrainer } from './kauldron';

/**
 * ml_collections config modules (github.com/google/ml_collections, "ConfigDict ... config files are Python
 * modules that define a `get_config()` function"), the run definitions of Google research code: big_vision,
 * scenic, the flax examples, vision_transformer. A training program loads one with
 * `config_flags.DEFINE_config_file('config')` and runs `main.py --config=path/to/cfg.py[:arg]`, so the module is
 * the run and the program is not counted again. The module's `get_config(...)` builds a ConfigDict and returns it:
 *
 *     def get_config():
 *       config = common.get_config()          # or ml_collections.ConfigDict()
 *       config.model_name = 'ViT-B_32'         # or config.model = models.get_mixer_b16_config()
 *       config.total_steps = 10_000            # num_train_steps / total_epochs / num_epochs
 *       config.batch_size = 512                # batch / input.batch_size
 *       return config
 *
 * A `get_config` that sets no model (or `model = None`) is a fragment other configs start from. Compute precision:
 * a `dtype`-like key when set; else JAX computes in float32 (jax_enable_x64 off: "32-bits everywhere",
 * docs.jax.dev Default dtypes), the default the estimate applies to the `jax` framework.
 */

/** `def get_config(` at module level. Linear: anchored, fixed text. */
const GET_CONFIG = /^def get_config\(/m;

/** Keys naming how long the run trains, by the convention of each codebase. */
/**
 * Each also under a `training` section (`config.training = training = ConfigDict()` then `training.n_iters = ...`, as
 * score_sde and the configs written after it group them); `n_iters` is the loop's iteration count there.
 */
const inTrainingSection = (keys: readonly string[]): string[] => [...keys, ...keys.map((k) => `training.${k}`)];
const STEP_KEYS = inTrainingSection([
  'total_steps',
  'num_train_steps',
  'total_train_steps',
  'num_training_steps',
  'max_steps',
  'n_iters',
]);
// pix2seq's `train=D(epochs=40, steps=0)`: the train section's epochs (its `steps`, "set to >0 to override epochs", is
// 0 by default, which is not the evaluation a 0 of the keys above means).
const EPOCH_KEYS = [...inTrainingSection(['num_epochs', 'total_epochs', 'num_training_epochs']), 'train.epochs'];
/** Global batch (big_vision `input.batch_size`, vision_transformer `batch`, flax examples `batch_size`). */
const BATCH_KEYS = [...inTrainingSection(['batch_size', 'global_batch_size']), 'batch', 'input.batch_size'];
/** Keys naming the weights a run starts from (a fine-tune): vision_transformer, big_vision, scenic, flax. */
const PRETRAINED_KEYS = [
  'pretrained_dir',
  'pretrained_path',
  'model_init',
  'init_from',
  'init_checkpoint',
  'init_ckpt',
  'model_or_filename',
  'pretrained',
  // big_vision distillation: the weights the student starts from.
  'student_init',
  // pix2seq: the checkpoint the model section starts from (an Objects365-pretrained one for COCO fine-tuning).
  'model.pretrained_ckpt',
];
/** A config's switch to start from a trained model (`training.finetune = True`). */
const FINETUNE_SWITCH_KEYS = ['finetune', 'fine_tune', 'training.finetune', 'training.fine_tune'];
/** Keys naming the compute dtype (scenic `model_dtype_str`, flax `dtype`, big_vision `param_dtype`). */
const DTYPE_KEYS = ['dtype', 'model_dtype_str', 'model.dtype', 'compute_dtype', 'param_dtype', 'model.param_dtype'];
/** A program switch naming an inference job (`train = 'inference_time'`, `trainer = 'eval'`). */
const TRAINER_KEYS = ['trainer', 'train', 'mode'];
const INFERENCE_TRAINER = /infer|eval|predict|benchmark|serve/i;
/** A docstring that says the config fine-tunes (`"""Fine-tunes a Vision Transformer."""`). */
const FINETUNE_DOC = /\bfine-?tun(?:e|es|ed|ing)\b/i;
/** Attribute assignments read per config (real configs set a few dozen). */
const MAX_ASSIGNMENTS = 2_000;
/** Targets of one chained assignment followed (`a.x = b = ConfigDict()` has two). */
const MAX_CHAIN = 8;
/** Fields of one dotted path followed (`config.model.encoder.width` has three). */
const MAX_PATH_PARTS = 12;

interface Setting {
  readonly node: Node;
  /** A keyword of `parse_arg(arg, ...)` not set again: a switch of the config's argument (`mode='xm'`), not a job. */
  readonly argument?: boolean;
}

/** The module-level `def get_config(...)`. */
function getConfigFunction(ctx: PythonReadContext): Node | undefined {
  for (const statement of ctx.tree.rootNode.namedChildren) {
    const fn = statement?.type === 'decorated_definition' ? statement.childForFieldName('definition') : statement;
    if (fn?.type === 'function_definition' && fn.childForFieldName('name')?.text === 'get_config') return fn;
  }
  return undefined;
}

/** Nested dict literals followed into `path.key` settings (`config.model = dict(variant='B/16')` → `model.variant`). */
const MAX_DICT_DEPTH = 2;

/**
 * The defaults `get_config`'s argument takes when the program passes none: its parameters' defaults
 * (`def get_config(runlocal=False)`) and big_vision's `arg = bvcc.parse_arg(arg, variant='B/16', runlocal=False)`
 * (the `--config=cfg.py:variant=B/32` string parsed over keyword defaults), by the expression that reads them
 * (`runlocal`, `arg.variant`). The run the file defines by itself is the one with these defaults.
 */
function argumentDefaults(fn: Node, body: Node): Map<string, Node> {
  const out = new Map<string, Node>();
  // Kept apart from the parameters: `config = bvcc.parse_arg(arg, total_epochs=100)` makes them the config's settings.
  for (const p of fn.childForFieldName('parameters')?.namedChildren ?? []) {
    if (p?.type !== 'default_parameter' && p?.type !== 'typed_default_parameter') continue;
    const key = p.childForFieldName('name')?.text;
    const value = p.childForFieldName('value');
    if (key && value && value.type !== 'none') out.set(key, value);
  }
  for (const statement of body.namedChildren.slice(0, 50)) {
    const assignment = statement?.type === 'expression_statement' ? statement.namedChildren[0] : null;
    if (assignment?.type !== 'assignment') continue;
    const left = assignment.childForFieldName('left');
    const right = assignment.childForFieldName('right');
    if (left?.type !== 'identifier' || right?.type !== 'call') continue;
    if (!/(?:^|\.)parse_arg$/.test(right.childForFieldName('function')?.text ?? '')) continue;
    for (const a of right.childForFieldName('arguments')?.namedChildren ?? []) {
      if (a?.type !== 'keyword_argument') continue;
      const key = a.childForFieldName('name')?.text;
      const value = a.childForFieldName('value');
      if (key && value) out.set(`${left.text}.${key}`, value);
    }
  }
  return out;
}

/**
 * The symbols `get_config`'s body reads with its argument at its defaults: `arg.variant` is the `parse_arg`
 * keyword's value, so `{'fast': 10, 'medium': 100}[arg.variant]` and `if arg.runlocal:` are decided as the plain
 * run (`--config=cfg.py` with no argument) decides them.
 */
function withArgumentDefaults(symbols: SymbolTable, defaults: ReadonlyMap<string, Node>, body?: Node): SymbolTable {
  const values: Array<readonly [string, PyValue, Node, string]> = [];
  for (const [name, node] of defaults) {
    const r = evaluate(node, symbols);
    if (r && values.length < MAX_ARGUMENT_DEFAULTS)
      values.push([name, r.value, node, `default of \`${name}\` (line ${node.startPosition.row + 1})`]);
  }
  if (values.length === 0) return symbols;
  // Over any other binding of the name: the plain run is the one with the defaults.
  const withDefaults = symbols.withValues(values, true);
  // The body's own rebinding of a parameter from itself (`runlocal = bool(runlocal)`, scenic's configs) reads back to
  // the parameter: its value at the default is what the body uses after it.
  const rebound: Array<readonly [string, PyValue, Node, string]> = [];
  for (const statement of body?.namedChildren.slice(0, MAX_ARGUMENT_DEFAULTS) ?? []) {
    const assignment = statement?.type === 'expression_statement' ? statement.namedChildren[0] : null;
    const left = assignment?.type === 'assignment' ? assignment.childForFieldName('left') : null;
    const right = assignment?.childForFieldName('right');
    if (left?.type !== 'identifier' || !right || !defaults.has(left.text)) continue;
    if (!new RegExp(`(?<![\\w.])${left.text}(?!\\w)`).test(right.text.slice(0, 200))) continue;
    const r = evaluate(right, withDefaults);
    if (r) rebound.push([left.text, r.value, right, `\`${left.text}\` = ${right.text.slice(0, 60)} at its default`]);
  }
  return rebound.length > 0 ? withDefaults.withValues(rebound, true) : withDefaults;
}
/** Argument defaults bound per config (big_vision's take a dozen). */
const MAX_ARGUMENT_DEFAULTS = 100;
/** `if` blocks followed inside one another (a config nests two or three). */
const MAX_IF_DEPTH = 3;

/**
 * `config.a.b = value` statements of the function's body (one level of `with` blocks too), by path; `if` blocks
 * whose condition the argument's defaults decide (`if arg.test_with_coco:`, `elif arg.variant == 'B/16':`) are
 * followed into the branch taken, others are not read. A config built by `parse_arg` (`config = bvcc.parse_arg(arg,
 * total_steps=366_500)`) holds its keywords as settings first.
 */
function settingsOf(
  body: Node,
  name: string,
  defaults: ReadonlyMap<string, Node> = new Map(),
  symbols?: SymbolTable,
): Map<string, Setting> {
  const out = new Map<string, Setting>();
  const prefix = `${name}.`;
  let seen = 0;
  const factory = configFactoryOf(body, name);
  const put = (path: string, node: Node, depth: number): void => {
    // `c.get_ref('variant')`: a reference to another field of the same config, read as that field's value.
    const ref = /^[A-Za-z_]\w{0,60}\.get_ref\(\s*['"](\w{1,60})['"]\s*\)$/.exec(node.text.slice(0, 200));
    const value = (ref && out.get(ref[1])?.node) ?? defaults.get(node.text) ?? node;
    out.set(path, { node: value });
    if (depth >= MAX_DICT_DEPTH) return;
    // `dict(variant='B/16', depth=50)`, `ConfigDict(dict(...))`, `{'variant': 'B/16'}`: their keys as settings too.
    let literal: Node | null = value;
    if (literal.type === 'call' && /(?:^|\.)ConfigDict$/.test(literal.childForFieldName('function')?.text ?? ''))
      literal = literal.childForFieldName('arguments')?.namedChildren[0] ?? null;
    const callee = literal?.type === 'call' ? literal.childForFieldName('function')?.text : undefined;
    if (literal && (callee === 'dict' || (callee !== undefined && callee === factory))) {
      putKeywords(literal, `${path}.`, depth + 1);
    } else if (literal?.type === 'dictionary') {
      for (const pair of literal.namedChildren) {
        if (pair?.type !== 'pair') continue;
        const key = stringLiteral(pair.childForFieldName('key')!);
        const v = pair.childForFieldName('value');
        if (key && /^\w{1,60}$/.test(key) && v) put(`${path}.${key}`, v, depth + 1);
      }
    }
  };
  /** A call's keyword arguments as settings under `under` (`dict(a=1)`, a factory's sections). */
  function putKeywords(call: Node, under: string, depth: number): void {
    for (const a of call.childForFieldName('arguments')?.namedChildren ?? []) {
      const key = a?.type === 'keyword_argument' ? a.childForFieldName('name')?.text : undefined;
      const v = a?.childForFieldName('value');
      if (key && v) put(`${under}${key}`, v, depth);
    }
  }
  for (const [key, node] of defaults)
    if (key.startsWith(prefix)) {
      put(key.slice(prefix.length), node, 0);
      out.set(key.slice(prefix.length), { node: out.get(key.slice(prefix.length))!.node, argument: true });
    }
  // Local names bound to a section of the config (`model = config.model`), by the section's path.
  const aliases = new Map<string, string>();
  /** `config.a.b` or `alias.b` (alias of `a`) as the path `a.b`; undefined for anything else. */
  const pathOf = (node: Node): string | undefined => {
    const parts: string[] = [];
    let at: Node | null = node;
    for (let hop = 0; hop < MAX_PATH_PARTS && at?.type === 'attribute'; hop++) {
      const attribute = at.childForFieldName('attribute')?.text;
      if (!attribute) return undefined;
      parts.unshift(attribute);
      at = at.childForFieldName('object');
    }
    if (at?.type !== 'identifier' || parts.length === 0) return undefined;
    const root = at.text === name ? '' : aliases.get(at.text);
    if (root === undefined) return undefined;
    return root ? `${root}.${parts.join('.')}` : parts.join('.');
  };
  const visit = (block: Node, depth: number, ifDepth: number): void => {
    for (const statement of block.namedChildren) {
      if (!statement || ++seen > MAX_ASSIGNMENTS) return;
      if (depth < 1 && statement.type === 'with_statement') {
        const inner = statement.childForFieldName('body');
        if (inner) visit(inner, depth + 1, ifDepth);
        continue;
      }
      if (statement.type === 'if_statement' && symbols && ifDepth < MAX_IF_DEPTH) {
        const taken = takenBranch(statement, symbols);
        if (taken) visit(taken, depth, ifDepth + 1);
        continue;
      }
      if (statement.type !== 'expression_statement') continue;
      let assignment = statement.namedChildren[0];
      if (assignment?.type !== 'assignment') continue;
      // `config.training = training = ConfigDict()`: every target of a chain takes the last value.
      const targets: Node[] = [];
      let right: Node | null = null;
      for (let hop = 0; hop < MAX_CHAIN && assignment?.type === 'assignment'; hop++) {
        const left = assignment.childForFieldName('left');
        if (left) targets.push(left);
        right = assignment.childForFieldName('right');
        assignment = right;
      }
      if (!right) continue;
      // `training = config.training`: a section's alias, its fields set through it (`training.n_iters = ...`).
      const source = right.type === 'attribute' ? pathOf(right) : undefined;
      const sectionAt = targets.map((t) => (t.type === 'attribute' ? pathOf(t) : undefined)).find((x) => x);
      for (const target of targets) {
        if (target.type === 'identifier' && target.text === name && factory !== undefined) {
          // `config = D(model=D(name=...), train=D(epochs=40))`: the config built whole, its keywords its fields.
          if (right.type === 'call' && right.childForFieldName('function')?.text === factory) putKeywords(right, '', 1);
          continue;
        }
        if (target.type === 'identifier' && target.text !== name) {
          const section = source ?? sectionAt;
          if (section) aliases.set(target.text, section);
          else aliases.delete(target.text);
          continue;
        }
        const path = target.type === 'attribute' ? pathOf(target) : undefined;
        if (path) put(path, right, 0);
      }
    }
  };
  visit(body, 0, 0);
  return out;
}

/** Keyword arguments a config built whole may take (a few dozen sections and fields). */
const MAX_FACTORY_KEYWORDS = 200;

/**
 * The function a `get_config` builds its whole config with, keyword by keyword, when it does (pix2seq's `config =
 * D(dataset=..., model=D(name='encoder_ar_decoder', ...), train=D(batch_size=32, epochs=40))`, where `D(**kwargs)`
 * wraps `ml_collections.ConfigDict(kwargs)`): `dict`, or a name whose calls nest as the sections of the config it
 * returns (its value at the root holds a keyword whose value is a call of the same name). Undefined otherwise.
 */
function configFactoryOf(body: Node, name: string): string | undefined {
  for (const statement of body.namedChildren) {
    const assignment = statement?.type === 'expression_statement' ? statement.namedChildren[0] : null;
    if (assignment?.type !== 'assignment' || assignment.childForFieldName('left')?.text !== name) continue;
    const right = assignment.childForFieldName('right');
    const callee = right?.type === 'call' ? right.childForFieldName('function')?.text : undefined;
    if (!right || !callee || !/^[A-Za-z_][\w.]{0,60}$/.test(callee)) continue;
    const args = (right.childForFieldName('arguments')?.namedChildren ?? []).slice(0, MAX_FACTORY_KEYWORDS);
    if (args.length === 0 || !args.every((a) => a?.type === 'keyword_argument')) continue;
    if (callee === 'dict') return callee;
    const nests = args.some((a) => {
      const v = a?.childForFieldName('value');
      return v?.type === 'call' && v.childForFieldName('function')?.text === callee;
    });
    if (nests) return callee;
  }
  return undefined;
}

/** The block an `if`/`elif`/`else` statement runs when the known values decide each condition it meets, else none. */
function takenBranch(statement: Node, symbols: SymbolTable): Node | null {
  const first = decideCondition(statement.childForFieldName('condition'), symbols);
  if (first === undefined) return null;
  if (first) return statement.childForFieldName('consequence');
  for (const clause of statement.childrenForFieldName('alternative')) {
    if (clause?.type === 'else_clause') return clause.childForFieldName('body');
    if (clause?.type !== 'elif_clause') return null;
    const decided = decideCondition(clause.childForFieldName('condition'), symbols);
    if (decided === undefined) return null;
    if (decided) return clause.childForFieldName('consequence');
  }
  return null;
}

/** The name `get_config` returns (`return config`, `return config.lock()`). */
function returnedName(body: Node): string | undefined {
  let name: string | undefined;
  for (const statement of body.namedChildren) {
    const value = statement?.type === 'return_statement' ? statement.namedChildren[0] : null;
    if (value?.type === 'identifier') name = value.text;
    else if (value?.type === 'call') {
      const m = /^([A-Za-z_]\w{0,60})\.(?:lock|unlock|copy_and_resolve_references)$/.exec(
        value.childForFieldName('function')?.text ?? '',
      );
      if (m) name = m[1];
    }
  }
  return name;
}

/** The docstring of a function body or of the module. */
function docstringOf(block: Node | null): string {
  const first = block?.namedChildren[0];
  const inner = first?.type === 'expression_statement' ? first.namedChildren[0] : null;
  return inner?.type === 'string' ? inner.text : '';
}

function positiveNumber(node: Node, symbols: SymbolTable): number | undefined {
  const v = evaluate(node, symbols)?.value;
  return typeof v === 'number' && v > 0 ? v : undefined;
}

/**
 * A model registry's function (`models.get_mixer_b16_config()` → mixer_b16): named only when the name holds a
 * family word and a size (`get_b16_config` leaves the family to the registry's module, `get_model_config` names none).
 */
function registryModel(node: Node): string | undefined {
  if (node.type !== 'call') return undefined;
  const fn = node.childForFieldName('function')?.text ?? '';
  const m = /(?:^|\.)get_([a-z][a-z0-9_]{0,60})_config$/i.exec(fn);
  return m && /(?:^|_)[a-z]{3,}(?:_|\d|$)/i.test(m[1]) && /\d/.test(m[1]) ? m[1] : undefined;
}

/** Settings functions of one module looked at (a defaults module holds a few). */
const MAX_SETTINGS_FUNCTIONS = 20;

/** `config = ml_collections.ConfigDict()` (or `ConfigDict({})`-free): the name starts from nothing. */
function builtFromEmpty(body: Node, name: string): boolean {
  for (const statement of body.namedChildren) {
    const assignment = statement?.type === 'expression_statement' ? statement.namedChildren[0] : null;
    if (assignment?.type !== 'assignment' || assignment.childForFieldName('left')?.text !== name) continue;
    return /^(?:[A-Za-z_]\w{0,40}\.){0,2}ConfigDict\(\s*\)$/.test(assignment.childForFieldName('right')?.text ?? '');
  }
  return false;
}

/**
 * What a config other configs start from states, read as facts of the function that builds it, so that they reach a
 * config only through its link naming that function (`within`): its training length, batch and dtype, and, when it
 * starts from an empty ConfigDict and names no weights, random initialisation (a config built on it that names
 * weights of its own says otherwise, and its own facts win).
 */
function readFragment(
  fn: Node,
  body: Node,
  name: string,
  settings: ReadonlyMap<string, Setting>,
  symbols: SymbolTable,
  ctx: PythonReadContext,
): void {
  const fnName = fn.childForFieldName('name')?.text;
  if (!fnName) return;
  readLengthAndPrecision(settings, symbols, ctx, false, fnName);
  keepSettings(settings, symbols, ctx, fnName);
  if (!builtFromEmpty(body, name)) return;
  if (PRETRAINED_KEYS.some((k) => settings.has(k) && settings.get(k)!.node.type !== 'none')) return;
  if (FINETUNE_DOC.test((docstringOf(body) || docstringOf(ctx.tree.rootNode)).slice(0, 2000))) return;
  ctx.add(
    'model.fromScratch',
    true,
    fn.childForFieldName('name') ?? fn,
    `${fnName}() starts from an empty ConfigDict and names no weights to start from: random initialisation`,
    'medium',
  );
  ctx.amendLast({ within: fnName });
}

/**
 * The config starts from another module's whole config (`config = default_lib.get_config()`, then a few fields
 * changed: the flax examples' `v100_x8.py` over `default.py`): a variant of that run.
 */
function buildsOnConfig(body: Node, name: string): boolean {
  return new RegExp(`^[ \\t]*${name}[ \\t]*=[ \\t]*[A-Za-z_][\\w.]{0,80}\\.get_config[ \\t]*\\(`, 'm').test(
    body.text.slice(0, 20_000),
  );
}

/** The config sets a training length (steps or epochs) of its own. */
function statesLength(settings: ReadonlyMap<string, Setting>, symbols: SymbolTable): boolean {
  return [...STEP_KEYS, ...EPOCH_KEYS].some(
    (k) => settings.has(k) && positiveNumber(settings.get(k)!.node, symbols) !== undefined,
  );
}

/**
 * Module-level functions other than get_config that build a ConfigDict and return it (score_sde's
 * `get_default_configs()` in a defaults module beside the configs): read as fragments.
 */
function readSettingsFunctions(ctx: PythonReadContext): void {
  if (!ctx.text.includes('ConfigDict')) return;
  let seen = 0;
  for (const statement of ctx.tree.rootNode.namedChildren) {
    const fn = statement?.type === 'decorated_definition' ? statement.childForFieldName('definition') : statement;
    if (fn?.type !== 'function_definition' || fn.childForFieldName('name')?.text === 'get_config') continue;
    if (++seen > MAX_SETTINGS_FUNCTIONS) return;
    const body = fn.childForFieldName('body');
    const name = body ? returnedName(body) : undefined;
    if (!body || !name || !builtFromEmpty(body, name)) continue;
    readFragment(fn, body, name, settingsOf(body, name, new Map(), ctx.symbols), ctx.symbols, ctx);
  }
}

function readMlCollectionsConfig(ctx: PythonReadContext): void {
  readSettingsFunctions(ctx);
  if (!GET_CONFIG.test(ctx.text)) return;
  const fn = getConfigFunction(ctx);
  const body = fn?.childForFieldName('body');
  if (!fn || !body) return;
  const name = returnedName(body);
  // A Kauldron trainer filled field by field (`cfg = kd.train.Trainer()`): kauldron.ts reads it.
  if (!name || builtAsKauldronTrainer(body, name)) return;
  const defaults = argumentDefaults(fn, body);
  const symbols = withArgumentDefaults(ctx.symbols, defaults, body);
  const settings = settingsOf(body, name, defaults, symbols);
  // A distillation config (big_vision proj/distill) trains its student; its teachers are frozen and only run forward.
  const student = !settings.has('model_name') && !settings.has('model') && settings.has('student_name');
  // Scenic's detection and captioning projects name it inside the model section (`config.model.model_name =
  // 'centernet2'`, 'densevoc', 'pixel_llm').
  const modelName = student
    ? settings.get('student_name')
    : (settings.get('model_name') ?? settings.get('model.name') ?? settings.get('model.model_name'));
  const model = settings.get(student ? 'student' : 'model');
  // A fragment: no model at all, or the model left for the configs built on it (`config.model = None`).
  const modelSet = (modelName && stringLiteral(modelName.node)) || (model && model.node.type !== 'none');
  // Without a model field, a config that states how long to train (`config.num_epochs = 10` in the flax examples'
  // configs/default.py) is the whole run of a program that builds its own network (`main.py --config=...`): a run
  // whose model the program decides. A model set to None is left for the configs built on this one.
  const ownProgramsModel = !modelSet && !model && (statesLength(settings, symbols) || buildsOnConfig(body, name));
  if (!modelSet && !ownProgramsModel) {
    // A fragment is no run, but the configs built on it (`config = common.get_config()`, linked below) start from
    // its settings: the weights it names to start from are theirs too.
    readStartingWeights(settings, body, ctx, fn, false);
    readFragment(fn, body, name, settings, symbols, ctx);
    return;
  }
  const linked = linkBaseConfig(body, name, ctx);
  const anchor = fn.childForFieldName('name') ?? fn;
  ctx.add('run.framework', 'ml_collections', anchor, 'ml_collections config module (get_config)', 'medium');
  // The module is the run although its start sits in a definition: the program calls get_config() when given it.
  ctx.add(
    'run.entry',
    true,
    anchor,
    'an ml_collections config module: the training program loads it with --config and runs what get_config() returns',
    'medium',
  );

  const trainer = TRAINER_KEYS.map((k) => settings.get(k)).find(
    (s) => s && !s.argument && stringLiteral(s.node) !== null,
  );
  const trainerValue = trainer ? stringLiteral(trainer.node)! : '';
  const evaluation = trainer ? undefined : evaluationOnly(settings, linked, symbols);
  const inference = INFERENCE_TRAINER.test(trainerValue) || evaluation !== undefined;
  if (evaluation)
    ctx.add('launch.inference', 'ml_collections:get_config', evaluation.node, evaluation.detail, 'medium');
  else if (inference)
    ctx.add(
      'launch.inference',
      'ml_collections:get_config',
      trainer!.node,
      `get_config() sets the program's job to '${trainerValue}': an inference run`,
      'medium',
    );
  else
    ctx.add(
      'launch.trainer',
      'ml_collections:get_config',
      anchor,
      'get_config() returns the run the training program (`--config=this.py`) trains',
      'medium',
    );

  readTpuSlice(ctx);

  // The model: a name (`model_name = 'ViT-B_32'`, big_vision `model_name = 'vit'` with `model.variant = 'B/16'`),
  // a registry function, or chosen from the config's argument (unknown).
  const named = modelName ? stringLiteral(modelName.node) : null;
  const variant = settings.get(student ? 'student.variant' : 'model.variant') ?? settings.get('variant');
  const variantName = variant
    ? stringLiteral(variant.node)
    : resnetVariant(settings, student ? 'student' : 'model', symbols);
  if (named) {
    const id = variantName && !named.includes(variantName) ? `${named}-${variantName}` : named;
    ctx.add(
      'model.id',
      id,
      modelName!.node,
      `get_config(): model_name '${named}'${variantName ? ` with variant '${variantName}'` : ''}`,
    );
  } else if (ownProgramsModel) {
    ctx.add(
      'model.id',
      null,
      anchor,
      'get_config() names no model: the network is the one the training program given this config builds',
      'low',
    );
  } else if (model) {
    // `config.model = 'ResNet50'` (the flax imagenet example: the program looks the name up in its models module).
    const registry = registryModel(model.node) ?? stringLiteral(model.node);
    if (registry) ctx.add('model.id', registry, model.node, `get_config(): model = ${model.node.text.slice(0, 80)}`);
    else
      ctx.add(
        'model.id',
        null,
        model.node,
        `get_config(): model = \`${model.node.text.slice(0, 60)}\` is chosen when the config is loaded`,
        'low',
      );
  }

  readLengthAndPrecision(settings, symbols, ctx, inference);
  if (!inference) readStepsPerEpoch(body, settings, symbols, ctx);
  readScoreNetSize(settings, symbols, ctx, linked);

  if (inference) return;
  // A config built from an empty ConfigDict that names no weights to start from trains from random initialisation;
  // one built on another config may inherit them from it (linked).
  if (!readStartingWeights(settings, body, ctx, fn, true) && !linked)
    ctx.add(
      'model.fromScratch',
      true,
      anchor,
      `get_config() names no weights to start from (no ${PRETRAINED_KEYS.slice(0, 4).join('/')}): random initialisation`,
      'medium',
    );
}

/**
 * The size of a score_sde network (`model.name` 'ddpm' or 'ncsnpp') counted from the fields the config sets itself
 * (scoreSdeParams.ts). A config built on another (`config = get_default_configs()`, linked) that leaves a field to it
 * (the image size in a defaults module) keeps the fields it sets as `mlc.setting` facts instead: the run composes them
 * over the linked config's (extract/mlCollectionsRun.ts), and the size is counted once both are known.
 */
function readScoreNetSize(
  settings: ReadonlyMap<string, Setting>,
  symbols: SymbolTable,
  ctx: PythonReadContext,
  linked: boolean,
): void {
  const name = settings.get('model.name');
  const model = name ? stringLiteral(name.node) : null;
  if (model !== 'ddpm' && model !== 'ncsnpp') return;
  const net = scoreNetSettingsOf(settingValues(settings, symbols));
  const params = net ? scoreNetParams(net) : undefined;
  if (net && params !== undefined) {
    ctx.add('model.params', params, name!.node, `get_config(): ${describeScoreNet(net, params)}`, 'medium');
    return;
  }
  if (linked) keepSettings(settings, symbols, ctx);
}

/** A config's value of a key, as the sizing reads it (numbers, flags, words, tuples of numbers). */
function settingValues(settings: ReadonlyMap<string, Setting>, symbols: SymbolTable): (key: string) => SettingValue {
  return (key) => {
    const s = settings.get(key);
    const v = s ? evaluate(s.node, symbols)?.value : undefined;
    if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') return v;
    return Array.isArray(v) && v.every((x) => typeof x === 'number') ? v : undefined;
  };
}

/** The sizing fields a config sets, as `mlc.setting` facts (`within`: a defaults function's, reaching its users). */
function keepSettings(
  settings: ReadonlyMap<string, Setting>,
  symbols: SymbolTable,
  ctx: PythonReadContext,
  within?: string,
): void {
  const value = settingValues(settings, symbols);
  for (const key of SCORE_NET_KEYS) {
    const v = value(key);
    if (v === undefined) continue;
    ctx.add('mlc.setting', key, settings.get(key)!.node, JSON.stringify(v), 'medium');
    if (within) ctx.amendLast({ within });
  }
}

/**
 * The training length, the global batch and the compute dtype a config's settings state (`within`: read in a settings
 * function other configs start from, so each fact reaches only the configs built on that function). An inference
 * config's steps and epochs are not training.
 */
function readLengthAndPrecision(
  settings: ReadonlyMap<string, Setting>,
  symbols: SymbolTable,
  ctx: PythonReadContext,
  inference: boolean,
  within?: string,
): void {
  const tag = () => {
    if (within) ctx.amendLast({ within });
  };
  for (const [keys, kind] of [
    [STEP_KEYS, 'training.steps'],
    [EPOCH_KEYS, 'training.epochs'],
    [BATCH_KEYS, 'training.globalBatch'],
  ] as const) {
    if (inference && kind !== 'training.globalBatch') continue;
    const key = keys.find((k) => settings.has(k) && positiveNumber(settings.get(k)!.node, symbols) !== undefined);
    if (!key) continue;
    ctx.add(kind, positiveNumber(settings.get(key)!.node, symbols)!, settings.get(key)!.node, `get_config(): ${key}`);
    tag();
  }

  const dtypeKey = DTYPE_KEYS.find((k) => settings.has(k));
  const dtype = dtypeKey ? evaluate(settings.get(dtypeKey)!.node, symbols)?.value : undefined;
  const precision = typeof dtype === 'string' ? normalisePrecision(dtype) : null;
  if (dtypeKey && precision && !/^int/.test(precision)) {
    ctx.add(
      'training.precision',
      precision,
      settings.get(dtypeKey)!.node,
      `get_config(): ${dtypeKey} '${typeof dtype === 'string' ? dtype : ''}'`,
    );
    tag();
  }
  const half = settings.get('half_precision');
  if (!precision && half && /^(True|False)$/.test(half.node.text)) {
    // flax examples: "half_precision: use bfloat16 on TPU, float16 on GPU" — the chip decides which half format.
    ctx.add(
      'training.precision',
      half.node.text === 'True' ? null : 'fp32',
      half.node,
      half.node.text === 'True'
        ? 'get_config(): half_precision True: bfloat16 on TPU, float16 on GPU (flax examples), the chip decides'
        : 'get_config(): half_precision False: float32',
      'medium',
    );
    tag();
  }
}

/** `steps_per_epoch = …` (or `num_steps_per_epoch`, `train_steps_per_epoch`): a config's own count of an epoch's steps. */
const STEPS_PER_EPOCH_NAME = /^(?:num_|train_|num_train_)?steps_per_epoch$/;
/** Statements of get_config's body looked at for it (real configs have a few dozen). */
const MAX_BODY_STATEMENTS = 400;

/**
 * Scenic's configs state the epochs and work out an epoch's steps from the dataset size they write down
 * (`steps_per_epoch = _IMAGENET_TRAIN_SIZE // config.batch_size`, then `total_steps = config.num_training_epochs *
 * steps_per_epoch` for the learning-rate schedule); the trainer takes the same count (scenic train_utils
 * get_num_training_steps: epochs × num_train_examples // global batch). An epoch's steps read so, with the epochs,
 * give the run's steps. Only a config that states epochs and no step count of its own, and only a value that
 * evaluates to a positive whole number.
 */
function readStepsPerEpoch(
  body: Node,
  settings: ReadonlyMap<string, Setting>,
  symbols: SymbolTable,
  ctx: PythonReadContext,
): void {
  const statesSteps = STEP_KEYS.some((k) => settings.has(k) && positiveNumber(settings.get(k)!.node, symbols));
  const statesEpochs = EPOCH_KEYS.some((k) => settings.has(k) && positiveNumber(settings.get(k)!.node, symbols));
  if (statesSteps || !statesEpochs) return;
  for (const statement of body.namedChildren.slice(0, MAX_BODY_STATEMENTS)) {
    const assignment = statement?.type === 'expression_statement' ? statement.namedChildren[0] : null;
    if (assignment?.type !== 'assignment') continue;
    const left = assignment.childForFieldName('left');
    const right = assignment.childForFieldName('right');
    if (left?.type !== 'identifier' || !right || !STEPS_PER_EPOCH_NAME.test(left.text)) continue;
    const steps = positiveNumber(right, symbols);
    if (steps === undefined || !Number.isSafeInteger(steps)) return;
    ctx.add(
      'training.stepsPerEpoch',
      steps,
      right,
      `get_config(): ${left.text} = ${right.text.slice(0, 80)} = ${steps}`,
      'medium',
    );
    return;
  }
}

/** A Cloud TPU slice name (`TPU-v3-8`, `v3-128`, `TPU v4-32`): the generation and the number after it. */
const TPU_SLICE = /\b(?:TPU[- ]?)?v([2-6][a-z]?)-(\d{1,4})(?!\d)/gi;
/** Module docstrings longer than this are documentation pages, not a config's header; the cap bounds the matching. */
const MAX_DOCSTRING = 6_000;

/** The module's docstring, after the licence comments above it. */
function moduleDocstring(root: Node): Node | undefined {
  for (const statement of root.namedChildren) {
    if (!statement || statement.type === 'comment') continue;
    const inner = statement.type === 'expression_statement' ? statement.namedChildren[0] : null;
    return inner?.type === 'string' ? inner : undefined;
  }
  return undefined;
}

/**
 * The TPU slice a config's docstring says it runs on ("takes 6-7h on a TPU-v3-8", "~32min on v3-128"): the slice
 * name's number is the count. Read only when the docstring names one slice (several are alternatives: "fast on a
 * v2-8, long on a v3-32"), with low confidence (prose; the launch can differ), and never over a count a key states.
 */
function readTpuSlice(ctx: PythonReadContext): void {
  if (ctx.facts.some((f) => f.kind === 'hardware.devices' && f.value !== null)) return;
  const doc = moduleDocstring(ctx.tree.rootNode);
  if (!doc || doc.text.length > MAX_DOCSTRING) return;
  const slices = new Map<string, { gen: string; count: number }>();
  for (const m of doc.text.matchAll(TPU_SLICE)) {
    const count = Number(m[2]);
    if (count > 0) slices.set(`${m[1].toLowerCase()}-${count}`, { gen: m[1].toLowerCase(), count });
  }
  if (slices.size !== 1) return;
  const [[name, { gen, count }]] = [...slices];
  const detail = `the docstring says it runs on a TPU v${name} slice`;
  ctx.add('hardware.accelerator', `TPU-v${gen}`, doc, detail, 'low');
  ctx.add('hardware.devices', count, doc, `${detail}: ${count}, the number the slice name states`, 'low');
}

/** Keys of a config that trains: an optimizer, a learning rate or its schedule (big_vision, scenic, flax examples). */
const OPTIMIZER_KEYS = ['optax_name', 'optax', 'optimizer', 'lr', 'learning_rate', 'schedule', 'base_lr'];

/**
 * A config that runs evaluations only: big_vision's eval-only configs set `total_steps = 0` (load a checkpoint, run
 * the evaluators, train nothing), and configs for its eval-only program set `evals` with no training length and no
 * optimizer at all. One built on another config (linked) may inherit its training length, so it is not read so.
 */
function evaluationOnly(
  settings: ReadonlyMap<string, Setting>,
  linked: boolean,
  symbols: SymbolTable,
): { node: Node; detail: string } | undefined {
  for (const key of STEP_KEYS) {
    const s = settings.get(key);
    if (s && evaluate(s.node, symbols)?.value === 0)
      return {
        node: s.node,
        detail: `get_config(): ${key} = 0: it trains nothing and runs its evaluators (an evaluation)`,
      };
  }
  const evals = settings.get('evals');
  if (!evals || linked) return undefined;
  if ([...STEP_KEYS, ...EPOCH_KEYS, ...OPTIMIZER_KEYS].some((k) => settings.has(k))) return undefined;
  return {
    node: evals.node,
    detail: 'get_config() sets evaluators only (no training length, no optimizer): an evaluation',
  };
}

/**
 * A BiT ResNet named by its depth and width multiplier (big_vision `model = dict(depth=50, width=1)`; Kolesnikov et
 * al. 2020 name them R50x1, R152x2): the variant as `r50x1`.
 */
function resnetVariant(settings: ReadonlyMap<string, Setting>, key: string, symbols: SymbolTable): string | null {
  const depth = settings.get(`${key}.depth`);
  const width = settings.get(`${key}.width`);
  const d = depth ? evaluate(depth.node, symbols)?.value : undefined;
  const w = width ? evaluate(width.node, symbols)?.value : undefined;
  return typeof d === 'number' && typeof w === 'number' && Number.isInteger(d) && Number.isInteger(w) && d > 0 && w > 0
    ? `r${d}x${w}`
    : null;
}

/** The weights a config starts from: a pretrained key, or (in a run config) a docstring that says it fine-tunes. */
function readStartingWeights(
  settings: ReadonlyMap<string, Setting>,
  body: Node,
  ctx: PythonReadContext,
  fn: Node,
  run: boolean,
): boolean {
  const anchor = fn.childForFieldName('name') ?? fn;
  const pretrained =
    PRETRAINED_KEYS.map((k) => [k, settings.get(k)] as const).find(
      ([, s]) => s && s.node.type !== 'none' && stringLiteral(s.node) !== '',
    ) ??
    // Scenic's detection and captioning trainers start from `config.weights = '/path/to/git_pretrain'`; the key is
    // read only with a path for its value (elsewhere `weights` is as often a loss weighting).
    (['weights'] as const)
      .map((k) => [k, settings.get(k)] as const)
      .find(([, s]) => s && /\//.test(stringLiteral(s.node) ?? ''));
  if (pretrained) {
    const [key, s] = pretrained;
    ctx.add('model.fromScratch', false, s!.node, `get_config(): ${key} names the starting weights`, 'medium');
    if (run) ctx.add('training.mode', 'finetune', s!.node, `get_config(): ${key}: a fine-tune`, 'medium');
    return true;
  }
  // Consistency models' `training.finetune = True` (jcm/train.py initialises from the `ref_model_path` model when it
  // is set): the config's own switch to start from a trained model.
  const switched = FINETUNE_SWITCH_KEYS.map((k) => [k, settings.get(k)] as const).find(
    ([, s]) => s?.node.type === 'true',
  );
  if (switched) {
    const [key, s] = switched;
    ctx.add('model.fromScratch', false, s!.node, `get_config(): ${key} = True: starts from a trained model`, 'medium');
    if (run) ctx.add('training.mode', 'finetune', s!.node, `get_config(): ${key} = True: a fine-tune`, 'medium');
    return true;
  }
  const doc = docstringOf(body) || docstringOf(ctx.tree.rootNode);
  if (run && FINETUNE_DOC.test(doc.slice(0, 2000))) {
    ctx.add('model.fromScratch', false, anchor, "the config's docstring says it fine-tunes", 'low');
    ctx.add('training.mode', 'finetune', anchor, "the config's docstring says it fine-tunes", 'low');
    return true;
  }
  return false;
}

/** `from vit_jax.configs import common`: the module a name was imported as, as a path from the root. */
function importedModulePath(text: string, alias: string): string | undefined {
  for (const m of text.matchAll(/^from[ \t]+(\.{0,3}[\w.]{0,200})[ \t]+import[ \t]+([^\n#(]{1,500})$/gm)) {
    const names = m[2].split(',').map((n) => n.trim().split(/\s+as\s+/));
    const hit = names.find((n) => (n[1] ?? n[0]) === alias);
    if (!hit || !/^\w+$/.test(hit[0])) continue;
    const pkg = m[1].replace(/^\.+/, '');
    return pkg ? `${pkg.replace(/\./g, '/')}/${hit[0]}.py` : `${hit[0]}.py`;
  }
  return undefined;
}

/** `from configs.default_cifar10_configs import get_default_configs`: the module a function was imported from. */
function importedFunctionModule(text: string, fn: string): string | undefined {
  for (const m of text.matchAll(/^from[ \t]+(\.{0,3}[\w.]{0,200})[ \t]+import[ \t]+([^\n#(]{1,500})$/gm)) {
    const names = m[2].split(',').map((n) => n.trim().split(/\s+as\s+/));
    const hit = names.find((n) => (n[1] ?? n[0]) === fn);
    const pkg = m[1].replace(/^\.+/, '');
    if (hit && /^\w+$/.test(hit[0]) && pkg) return `${pkg.replace(/\./g, '/')}.py`;
  }
  return undefined;
}

/**
 * `config = common.get_config()`: the config this one starts from, in a module of the repository. Linked, so the
 * settings it leaves unchanged (the weights it starts from, its batch) join this run.
 */
function linkBaseConfig(body: Node, name: string, ctx: PythonReadContext): boolean {
  for (const statement of body.namedChildren) {
    const assignment = statement?.type === 'expression_statement' ? statement.namedChildren[0] : null;
    if (assignment?.type !== 'assignment' || assignment.childForFieldName('left')?.text !== name) continue;
    const right = assignment.childForFieldName('right');
    // Built from an empty ConfigDict (`mlc.ConfigDict()`), or from the parsed argument (big_vision
    // `bvcc.parse_arg(arg, ...)` returns a ConfigDict of the argument's fields): nothing inherited.
    if (
      !right ||
      /^(?:[A-Za-z_]\w{0,40}\.){0,2}ConfigDict\(\s*\)$/.test(right.text) ||
      /^(?:[A-Za-z_]\w{0,40}\.)?parse_arg$/.test(
        right.type === 'call' ? (right.childForFieldName('function')?.text ?? '') : '',
      )
    )
      return false;
    // `common.get_config()` (a module imported by name), or `get_default_configs()` imported from its module.
    const call = right.type === 'call' ? (right.childForFieldName('function')?.text ?? '') : '';
    const qualified =
      /^([A-Za-z_]\w{0,60})\.([A-Za-z_]\w{0,60})$/.exec(call) ??
      /\b([A-Za-z_]\w{0,60})\.(get_config)\(/.exec(right.text.slice(0, 500));
    const bare = /^[A-Za-z_]\w{0,60}$/.test(call) ? call : undefined;
    const path = qualified
      ? importedModulePath(ctx.text, qualified[1])
      : bare
        ? importedFunctionModule(ctx.text, bare)
        : undefined;
    const function_ = qualified ? qualified[2] : bare;
    if (path && function_ && (!qualified || /config/i.test(function_))) {
      ctx.add('link.module', path, right, `get_config() starts from ${call}() (${path})`, 'low');
      ctx.amendLast({ functions: [function_] });
    }
    // Built on something else (another config, a copy): what it inherits is not known here.
    return true;
  }
  return false;
}

export const mlCollectionsConfig: FileRule = {
  framework: 'ml_collections',
  phase: 'after-calls',
  // Its words keep lines for the line prefilter; an ml_collections config may be built without a get_config function.
  readsWithoutWords: true,
  words: ['get_config'],
  runStart: GET_CONFIG,
  runStartInDefinitions: true,
  read: (_index, ctx) => readMlCollectionsConfig(ctx),
};
