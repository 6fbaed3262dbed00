import type { Fact } from '../../facts';
import type { Binding, Composed, Resolved } from './ginCompose';
import { ginFactAdder, numberOf, resolveBinding, stringOf } from './ginCompose';
import { ginValue } from './ginStatements';

/**
 * The run any gin program defines (github.com/google/gin-config): a config a program of the repository parses
 * (`gin.parse_config_files_and_bindings(FLAGS.gin_files, FLAGS.gin_bindings)`, `--gin_files=<this>`) and runs,
 * other than t5x's model and run gins (ginRun.ts). Gin itself fixes no run shape: each program binds its own
 * configurables. What is read is what the bindings name in the words gin programs share:
 *
 * - the model: the agent a factory builds by name (`create_agent.agent_name = 'jax_dqn'`, Dopamine's
 *   `run_experiment.create_agent`; the last one bound wins, as in gin), else a model bound as a configurable
 *   (`train.model = @trax.models.Transformer`, trax's `trainer_lib.train`), else the agent class the file configures
 *   (`SacAgent.gamma = ...`: a configurable named `*Agent`, the last one bound). Its size is not in the bindings
 *   (the network is code of the program), so it stays unknown.
 * - whether it is a run: a model (above) and a binding that sets how long or how the run goes: a runner's or a
 *   train function's length (`Runner.num_iterations`, `training_steps`, `train.steps`, `run.train_steps`,
 *   `num_train_steps`, `total_steps`, `max_steps`, `num_iterations`, `total_timesteps`). A file with only one of
 *   them (an agent's hyper-parameters, a network's width, an optimizer or a data fragment that other gin files
 *   `include`) is a fragment and defines no run.
 * - its length in optimizer steps, only where a binding counts them: `train.steps` (trax: the training loop's steps,
 *   one optimizer update each), `train_steps`/`num_train_steps`/`max_train_steps`/`total_steps` (mesh-tensorflow
 *   t5's `utils.run.train_steps`), and a learning rate annealed to zero over `anneal_steps` when the same
 *   configurable switches the annealing on (the schedule is indexed by optimizer updates: optax's
 *   `linear_schedule(transition_steps=...)`). Reinforcement-learning runners count environment steps
 *   (`Runner.training_steps`: Dopamine's docs call them agent steps, `total_timesteps`): these are not optimizer
 *   steps and are not read as such.
 * - where it starts: a checkpoint bound to start from (`init_checkpoint`, `pretrained_checkpoint`,
 *   `checkpoint_path`, `warm_start_from`) makes a fine-tune; an agent with none learns from scratch from its own
 *   experience (reinforcement learning trains its networks from random initialisation unless told to restore).
 * - precision: a `dtype`/`activation_dtype`/`compute_dtype` binding ('bfloat16', `@jnp.bfloat16`).
 * - devices: a TensorFlow device string bound to the agent (`tf_device = '/gpu:0'`: one GPU; TensorFlow's device
 *   names, tensorflow.org/guide/gpu).
 */

/** Parameters that name the agent a factory builds (Dopamine `create_agent.agent_name`). */
const AGENT_NAME = /^(?:agent_name|agent_type|agent)$/;
/** Parameters that bind the model a train function builds (`train.model = @trax.models.Transformer`). */
const MODEL_PARAM = /^(?:model|model_fn|model_class|model_name|model_type)$/;
/** A configurable that is an agent class (`JaxDQNAgent`, `SACAgent`, `SparseSacAgent`). */
const AGENT_CLASS = /^[A-Z]\w{0,80}Agent$/;
/** Parameters that say how long a run goes (any unit): a run's own length binding. */
const LENGTH_PARAM =
  /^(?:num_iterations|training_steps|train_steps|num_train_steps|max_train_steps|total_steps|max_steps|total_timesteps|num_timesteps|num_env_steps|num_epochs_train|train_epochs)$/;
/** Parameters that count optimizer updates. */
const OPTIMIZER_STEPS = /^(?:train_steps|num_train_steps|max_train_steps|total_steps)$/;
/** Parameters that bind the checkpoint a run starts from. */
const CHECKPOINT_PARAM =
  /^(?:init_checkpoint|initial_checkpoint|pretrained_checkpoint|checkpoint_path|warm_start_from)$/;
const DTYPE_PARAM = /^(?:dtype|activation_dtype|compute_dtype)$/;
const DTYPES: Readonly<Record<string, string>> = { bfloat16: 'bf16', float16: 'fp16', float32: 'fp32' };
/** A TensorFlow device string naming one device: `/gpu:0`, `/device:GPU:0`. */
const ONE_GPU = /^\/(?:device:)?gpu:\d{1,3}$/i;

interface Param {
  /** The configurable's name (`Runner`, `train`), scope dropped. */
  readonly fn: string;
  readonly param: string;
  readonly binding: Binding;
}

/** Unscoped bindings as configurable and parameter (`Runner.num_iterations`); macros are left out. */
function paramsOf(bindings: Map<string, Binding>): Param[] {
  const out: Param[] = [];
  for (const [key, binding] of bindings) {
    if (key.includes('/')) continue;
    const dot = key.lastIndexOf('.');
    if (dot <= 0) continue;
    out.push({ fn: key.slice(0, dot), param: key.slice(dot + 1), binding });
  }
  return out;
}

function latest<T extends { readonly binding: Binding }>(list: readonly T[]): T | undefined {
  let best: T | undefined;
  for (const p of list) if (!best || p.binding.seq > best.binding.seq) best = p;
  return best;
}

/** A value's last dotted name (`@trax.models.Transformer` → Transformer; `%jnp.bfloat16` → bfloat16). */
function lastName(raw: string): string | undefined {
  const m = /^[@%]?([A-Za-z_][\w.]{0,300})(?:\(\))?$/.exec(raw.trim());
  return m ? m[1].split('.').pop() : undefined;
}

const IDENTIFIER = /^[A-Za-z][\w.-]{0,79}$/;

export function ginGeneralRunFacts(composed: Composed, facts: readonly Fact[]): Fact[] {
  const { bindings } = composed;
  const params = paramsOf(bindings);
  const firstOwn = facts.find((f) => !f.file && f.kind.startsWith('gin.'));
  if (!firstOwn) return [];
  const out: Fact[] = [];
  const add = ginFactAdder(out, firstOwn);
  const resolved = (p: Param): Resolved | undefined => resolveBinding(bindings, p.binding);

  // The model: an agent named to its factory, a model bound to a train function, or the agent class configured.
  let model: { name: string; at: Binding; detail: string; agent: boolean } | undefined;
  const named = latest(
    params.filter((p) => {
      if (!AGENT_NAME.test(p.param)) return false;
      const s = stringOf(resolved(p));
      return s !== undefined && IDENTIFIER.test(s);
    }),
  );
  if (named) {
    const r = resolved(named)!;
    model = {
      name: stringOf(r)!,
      at: r.at,
      detail: `${named.fn}.${named.param} '${stringOf(r)}': the agent the program's factory builds`,
      agent: true,
    };
  }
  if (!model) {
    const bound = latest(
      params.filter((p) => {
        if (!MODEL_PARAM.test(p.param)) return false;
        const r = resolved(p);
        return r?.value.type === 'reference' || (r?.value.type === 'string' && IDENTIFIER.test(r.value.value));
      }),
    );
    const r = bound ? resolved(bound) : undefined;
    const name = r?.value.type === 'reference' ? lastName(r.value.name) : stringOf(r);
    if (bound && r && name)
      model = { name, at: r.at, detail: `${bound.fn}.${bound.param} ${r.at.raw.slice(0, 200)}`, agent: false };
  }
  if (!model) {
    const agentClass = latest(params.filter((p) => AGENT_CLASS.test(p.fn.split('.').pop() ?? '')));
    if (agentClass) {
      const name = agentClass.fn.split('.').pop()!;
      model = {
        name,
        at: agentClass.binding,
        detail: `${name}: the agent class the gin file configures (the last one bound)`,
        agent: true,
      };
    }
  }
  if (!model) return [];
  const length = params.filter((p) => LENGTH_PARAM.test(p.param) || (p.fn === 'train' && p.param === 'steps'));
  if (length.length === 0) return [];

  add('model.id', model.name, model.at, model.detail, 'medium');
  out.push({
    kind: 'launch.trainer',
    value: 'config:gin',
    range: firstOwn.range,
    confidence: 'high',
    detail: `gin run config: the program that parses it (gin.parse_config_files_and_bindings, --gin_files=<this>) trains ${model.name}`,
  });

  // Where it starts.
  const checkpoint = latest(
    params.filter((p) => {
      if (!CHECKPOINT_PARAM.test(p.param)) return false;
      const s = stringOf(resolved(p));
      return s !== undefined && s.trim() !== '';
    }),
  );
  if (checkpoint) {
    const r = resolved(checkpoint)!;
    const path = stringOf(r)!.slice(0, 200);
    add('model.fromScratch', false, r.at, `${checkpoint.fn}.${checkpoint.param}: starts from ${path}`);
    add('training.mode', 'finetune', r.at, `fine-tunes the checkpoint ${path}`);
  } else if (model.agent) {
    add(
      'model.fromScratch',
      true,
      model.at,
      `${model.name}: an agent trained from its own experience, no checkpoint bound to start from`,
      'medium',
    );
    add('training.mode', 'pretrain', model.at, 'reinforcement learning from scratch (no checkpoint bound)', 'medium');
  }

  // How long, in optimizer steps.
  const stepBinding = latest(
    params.filter(
      (p) => (OPTIMIZER_STEPS.test(p.param) || (p.fn === 'train' && p.param === 'steps')) && numberOf(resolved(p)),
    ),
  );
  if (stepBinding) {
    const r = resolved(stepBinding)!;
    add('training.steps', numberOf(r)!, r.at, `${stepBinding.fn}.${stepBinding.param} ${numberOf(r)} optimizer steps`);
  } else {
    const anneal = latest(
      params.filter((p) => {
        if (p.param !== 'anneal_steps' || !numberOf(resolved(p))) return false;
        const on = bindings.get(`${p.fn}.anneal_learning_rate`);
        const v = on ? ginValue(on.raw) : undefined;
        return v?.type === 'bool' && v.value;
      }),
    );
    if (anneal) {
      const r = resolved(anneal)!;
      add(
        'training.steps',
        numberOf(r)!,
        r.at,
        `${anneal.fn}.anneal_steps ${numberOf(r)}: the learning rate is annealed to zero over this many optimizer updates (${anneal.fn}.anneal_learning_rate True)`,
        'medium',
      );
    }
  }

  // Precision.
  const dtype = latest(
    params.filter((p) => {
      if (!DTYPE_PARAM.test(p.param)) return false;
      const name = dtypeName(resolved(p), p.binding);
      return name !== undefined && DTYPES[name] !== undefined;
    }),
  );
  if (dtype) {
    const name = dtypeName(resolved(dtype), dtype.binding)!;
    add('training.precision', DTYPES[name], dtype.binding, `${dtype.fn}.${dtype.param} ${name}`);
  }

  // Devices.
  const device = latest(params.filter((p) => p.param === 'tf_device' && ONE_GPU.test(stringOf(resolved(p)) ?? '')));
  if (device) {
    const r = resolved(device)!;
    add('hardware.devices', 1, r.at, `${device.fn}.tf_device '${stringOf(r)}': one GPU`);
  }
  return out;
}

/** A dtype written as a string ('bfloat16') or a reference/macro to one (`@jnp.bfloat16`, `%tf.float16`). */
function dtypeName(r: Resolved | undefined, binding: Binding): string | undefined {
  const s = stringOf(r);
  if (s !== undefined) return s;
  if (r?.value.type === 'reference') return lastName(r.value.name);
  return lastName(binding.raw);
}
