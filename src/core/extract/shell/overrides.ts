import { extractConfigFacts } from '../configFacts';
import { hubIdInPath } from '../config/dialect';
import { flagMeaning } from '../sizingNames';
import type { LaunchSink } from './launchers';

/**
 * Hydra / OmegaConf dotlist overrides on a launch line (`python -m pkg.main_ppo trainer.total_epochs=15
 * actor_rollout_ref.model.path=Qwen/Qwen2-7B +data.x=1 ++y=2`): each `a.b.c=value` sets key `c` of the
 * nested config `a: b:`, so the overrides are read as one small config document through the config
 * reader itself (configFacts.ts: the generic key table, the sizing names of sizingNames.ts and the
 * dialects): a key means on the command line what it means in a YAML file, with no second table.
 * What is read only here, with the reason: the model a Hydra program's `model.path` points at (below).
 */

/** One `key=value` word. */
interface Override {
  readonly path: readonly string[];
  readonly value: string;
  /** Where to point a fact: `key=` as written on the line. */
  readonly word: string;
}

/** Overrides read per command: far above real launch lines (verl's longest pass ~150). */
const MAX_OVERRIDES = 500;
/** Nesting of one override's key (`a.b.c.d...`): configs nest a handful of levels. */
const MAX_SEGMENTS = 12;

/**
 * `[+|++]a.b.c=value`, the value unquoted. Hydra's grammar: `+key=v` adds a key, `++key=v` adds or overrides,
 * `~key` deletes (no value: not read).
 */
function parseOverride(word: string): Override | undefined {
  const m = /^(\+{0,2})([A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*)*)=(\S*)$/.exec(word);
  if (!m) return undefined;
  const path = m[2].split('.');
  if (path.length > MAX_SEGMENTS) return undefined;
  const value = m[3].replace(/^(["'])(.*)\1$/, '$2');
  return { path, value, word: `${m[1]}${m[2]}=` };
}

/**
 * Hydra programs name their model by path under a `model` group (verl `actor_rollout_ref.model.path`,
 * `critic.model.path`, `model.partial_pretrain` of its SFT trainer, `model.path` of its generation program):
 * on the launch line that is the checkpoint the run starts from. The same keys in a YAML config are not read
 * as the model: a Hydra program's default config holds a placeholder there that every launch overrides
 * (verl's ppo_trainer.yaml `~/models/deepseek-llm-7b-chat`), and that file is no run of its own.
 */
const MODEL_PATH_KEYS = new Set(['path', 'partial_pretrain', 'pretrained_model_path', 'model_path']);
function isModelPath(path: readonly string[]): boolean {
  const key = path[path.length - 1];
  if (key === 'model_path') return true;
  return MODEL_PATH_KEYS.has(key) && path.length >= 2 && path[path.length - 2] === 'model';
}

/**
 * The model a path names: a Hub id as written (`Qwen/Qwen2.5-0.5B-Instruct`), the Hub id a download folder
 * ends in (`~/models/Qwen/Qwen3-8B`), else the folder's own name when a name is all it has that says which
 * model (`$DATA/models/Qwen3-0.6B`: the variable is set elsewhere, the folder is the model's name).
 */
export function modelOfPath(value: string): string | undefined {
  if (/^[A-Za-z0-9][\w.-]*\/[\w.-]+$/.test(value)) return value;
  const hub = hubIdInPath(value.replace(/^\$\{?\w+\}?\/?/, ''));
  if (hub) return hub;
  const last = value
    .replace(/(?<!\/)\/+$/, '')
    .split('/')
    .pop();
  return last && !last.includes('$') && /[A-Za-z]/.test(last) && /\d/.test(last) && /^[\w.-]{2,96}$/.test(last)
    ? last
    : undefined;
}

/**
 * `++model=org/name` (Hydra's "force-add or override" of a config value, hydra.cc "Override grammar"): a value, not
 * a config group's option, given to the root key `model`. Programs configured that way (FunASR's `train_ds.py`
 * and `inference.py`, whose `model` key is the hub id or folder `AutoModel` loads) are told which model to load; a
 * hub id as written (`org/name`, one slash, no leading `.`, `/`, `~` or variable) is that model. A plain
 * `model=name` picks a config group's option and is left to the group readers; a path is a checkpoint folder.
 * A hub id is a released model with its weights: the run starts from them. The last such override wins, as on
 * Hydra's command line.
 */
function forcedModelId(overrides: readonly Override[]): { id: string; o: Override } | undefined {
  let found: { id: string; o: Override } | undefined;
  for (const o of overrides)
    if (o.word === '++model=' && /^[A-Za-z][\w.-]{0,95}\/[A-Za-z0-9][\w.-]{0,127}$/.test(o.value))
      found = { id: o.value, o };
  return found;
}

/**
 * `mode=ppl_eval`, `mode=sample_eval`, `mode=test`: a Hydra program that trains, evaluates and samples from one entry
 * point picks the job by a root `mode` key (its primary config says `mode: train  # train / ppl_eval / sample_eval`,
 * as in the masked-diffusion LM programs; PyTorch Lightning CLIs call it `fit`/`validate`/`test`/`predict`). A launch
 * that sets it to an evaluation, prediction or sampling job runs the model forward only. The last such override wins.
 */
const EVALUATION_MODE_VALUE =
  /^(?!train)(?:[a-z]{1,20}_)?(?:eval|evaluate|evaluation|validate|validation|test|testing|predict|prediction|infer|inference|sample|sampling|generate|generation)(?:_[a-z]{1,20})?$/i;
function evaluationMode(overrides: readonly Override[]): Override | undefined {
  let found: Override | undefined;
  for (const o of overrides)
    if (o.path.length === 1 && (o.path[0] === 'mode' || o.path[0] === 'run_mode'))
      found = EVALUATION_MODE_VALUE.test(o.value) ? o : undefined;
  return found;
}

/** The tree of keys the overrides set, emitted as YAML one key per line; `owners[line]` is the override of that line. */
function overridesAsYaml(overrides: readonly Override[]): { text: string; owners: number[] } {
  interface Node {
    children: Map<string, Node>;
    leaf?: number;
  }
  const root: Node = { children: new Map() };
  overrides.forEach((o, index) => {
    let node = root;
    for (let k = 0; k < o.path.length; k++) {
      const key = o.path[k];
      let child = node.children.get(key);
      if (!child) node.children.set(key, (child = { children: new Map() }));
      // A key set both as a value and as a section: `trainer=gpu trainer.devices=2` picks a Hydra config group,
      // then overrides inside it; the group's name is no value of the run, the section's keys are.
      if (k < o.path.length - 1) child.leaf = undefined;
      else if (child.children.size > 0) return;
      node = child;
    }
    // The last override of a key wins, as on Hydra's command line.
    node.leaf = index;
  });
  const lines: string[] = [];
  const owners: number[] = [];
  const firstLeaf = (node: Node): number => {
    if (node.leaf !== undefined) return node.leaf;
    for (const child of node.children.values()) return firstLeaf(child);
    return 0;
  };
  const emit = (node: Node, indent: string) => {
    for (const [key, child] of node.children) {
      if (child.leaf !== undefined) {
        const value = overrides[child.leaf].value;
        // Plain words are YAML scalars as Hydra reads them (numbers, true/false, null, names); anything else a string.
        lines.push(`${indent}${key}: ${/^[\w./+-]+$/.test(value) ? value : JSON.stringify(value)}`);
        owners.push(child.leaf);
      } else {
        lines.push(`${indent}${key}:`);
        owners.push(firstLeaf(child));
        emit(child, `${indent}  `);
      }
    }
  };
  emit(root, '');
  return { text: lines.join('\n'), owners };
}

/** A saved weights file, by its extension (PyTorch, Lightning, safetensors). */
const WEIGHTS_FILE = /\.(?:pt|pth|ckpt|bin|safetensors)$/i;

/** Kinds a config states about the run; launches and links are the command line's own business. */
const RUN_KINDS = /^(?:model|training|hardware|inference)\.|^run\.framework$/;

/** Reads the `key=value` words of a launch (after the program they configure). */
export function readOverrides(words: readonly string[], out: LaunchSink): void {
  const overrides: Override[] = [];
  for (const word of words) {
    const o = parseOverride(word);
    if (!o) continue;
    if (overrides.push(o) >= MAX_OVERRIDES) break;
  }
  if (overrides.length === 0) return;
  const forced = forcedModelId(overrides);
  if (forced) {
    const why = `override ${forced.o.word}${forced.o.value}`;
    out.add('model.id', forced.id, `${why}: the model the program loads`, 'medium', forced.o.word);
    out.add('model.fromScratch', false, `${why}: a released model's weights, loaded by id`, 'medium', forced.o.word);
  }
  const evaluating = evaluationMode(overrides);
  if (evaluating) {
    const why = `override ${evaluating.word}${evaluating.value}: the program evaluates or samples, no training`;
    out.add('training.mode', 'inference', why, 'medium', evaluating.word);
  }
  const confidence = (o: Override) => (flagMeaning(o.path.join('.'))?.role === 'auxiliary' ? 'medium' : 'high');
  // Settings of evaluation, rollout and logging sections (`rollout.n_gpus_per_node`) say nothing of the training.
  const read = overrides.filter((o) => flagMeaning(o.path.join('.')) !== undefined);
  for (const o of read) {
    if (!isModelPath(o.path)) continue;
    const key = o.path.join('.');
    const model = modelOfPath(o.value);
    if (model) {
      // A weights file (`model.path=/ckpt/run_7b_to1.3b/latest-rank0.pt`) is the state the run starts from; its folder
      // names a run of some earlier job, not the architecture: the model a linked config builds is the run's model.
      const weightsFile = WEIGHTS_FILE.test(o.value);
      out.add(
        'model.id',
        model,
        `override ${key}=${o.value}${weightsFile ? ' (a weights file)' : ''}`,
        weightsFile ? 'low' : confidence(o),
        o.word,
      );
      out.add('model.fromScratch', false, `${key} names the checkpoint the run starts from`, confidence(o), o.word);
    } else if (/^\$/.test(o.value))
      out.add('model.id', null, `override ${key}=${o.value}: set from a shell variable`, 'low', o.word);
  }
  // A value still holding a shell variable (`trainer.nnodes=${SLURM_NNODES}`) is set when the job runs: not read.
  const literal = read.filter((o) => !/[$`]/.test(o.value));
  if (literal.length === 0) return;
  const separate = separateRollout(overrides.filter((o) => !/[$`]/.test(o.value)));
  if (separate) out.add('hardware.devices', separate.devices, separate.detail, 'high', separate.word);
  const { text, owners } = overridesAsYaml(literal);
  for (const f of extractConfigFacts(text, 'yaml').facts) {
    if (!RUN_KINDS.test(f.kind)) continue;
    const o = literal[owners[f.range.startLine] ?? -1];
    if (!o) continue;
    if (separate && f.kind === 'hardware.devices') continue;
    // Zero or negative counts and lengths (`nnodes=0`, `total_training_steps=-1`) mean "not set" in these programs.
    if (typeof f.value === 'number' && !(f.value > 0)) continue;
    out.add(f.kind, f.value, `override ${f.detail}`, confidence(o), o.word);
  }
}

/**
 * Actor and rollout placed on GPUs of their own (verl's one-step-off-policy and fully-async trainers: "actor and
 * rollout are placed separately", `trainer.nnodes`/`trainer.n_gpus_per_node` the actor's resource and
 * `rollout.nnodes`/`rollout.n_gpus_per_node` the rollout's; verl/experimental/one_step_off_policy/README.md): the
 * run holds both. Read when both sit on the same nodes (the GPUs per node add up); otherwise the trainer's alone.
 */
function separateRollout(
  overrides: readonly Override[],
): { devices: number; detail: string; word: string } | undefined {
  const count = (path: string) => {
    const o = [...overrides].reverse().find((x) => x.path.join('.') === path);
    const n = o && /^\d+$/.test(o.value) ? Number(o.value) : undefined;
    return n !== undefined && n > 0 ? n : undefined;
  };
  const [actor, actorNodes, rollout, rolloutNodes] = [
    count('trainer.n_gpus_per_node'),
    count('trainer.nnodes'),
    count('rollout.n_gpus_per_node'),
    count('rollout.nnodes'),
  ];
  if (!actor || !rollout || !actorNodes || actorNodes !== rolloutNodes) return undefined;
  return {
    devices: actor + rollout,
    detail: `trainer.n_gpus_per_node=${actor} + rollout.n_gpus_per_node=${rollout}: actor and rollout on GPUs of their own, on the same ${actorNodes} node(s)`,
    word: 'trainer.n_gpus_per_node=',
  };
}
