import { positiveIntegerOrDigits } from '../positiveInteger';
import type { ConfigDialect, ConfigDoc, FactSink } from './dialect';

/**
 * An RL4LMs task config (allenai/RL4LMs, `scripts/training/train_text_generation.py --config_path X.yml`): a
 * language-model policy (`alg.policy.args.model_name`) trained with an on-policy algorithm (`alg.id`: ppo, nlpo,
 * a2c, trpo) against a reward, for `train_evaluation.n_iters` iterations. Each iteration collects one rollout of
 * `env.n_envs` × `alg.args.n_steps` steps (OnPolicyTrainer: `n_steps_per_iter = env.num_envs * alg.n_steps`, then
 * `alg.learn(n_steps_per_iter)`, rl4lms/envs/text_generation/training_utils.py) and updates the policy on it:
 * - PPO and NLPO (its PPO with a masked action space): `n_epochs` passes over the rollout in minibatches of
 *   `batch_size` (rl4lms/algorithms/ppo/ppo.py `train`: `for epoch in range(self.n_epochs)` over
 *   `rollout_buffer.get(self.batch_size)`), so n_epochs × ⌈rollout / batch_size⌉ optimizer steps an iteration.
 *   Defaults when a key is left out: n_steps 2048, batch_size 64, n_epochs 10 (the PPO class's signature there).
 * - A2C: one gradient step over the whole rollout (rl4lms/algorithms/a2c/a2c.py `train`:
 *   `rollout_buffer.get(batch_size=None)`), so one step an iteration.
 * - TRPO: a line search of several evaluations an update: its optimizer steps are not a count read here.
 * `n_epochs` is passes over a rollout, not over the data: no epoch count (the dialect owns it, with the other
 * algorithm keys). A supervised config of the same layout (`alg.id: supervised`, Hugging Face TrainingArguments
 * under `alg.training_args`) is read by the generic keys.
 */

const ON_POLICY = new Set(['ppo', 'nlpo', 'a2c', 'trpo']);
const POLICY_MODEL = 'alg.policy.args.model_name';
const PPO_DEFAULTS = { n_steps: 2048, batch_size: 64, n_epochs: 10 } as const;

function algorithmOf(doc: ConfigDoc): string | undefined {
  const id = doc.str('alg.id')?.trim().toLowerCase();
  return id && ON_POLICY.has(id) ? id : undefined;
}

export const rl4lmsTask: ConfigDialect = {
  name: 'rl4lms',
  words: ['n_iters'],
  detect: (doc) =>
    algorithmOf(doc) !== undefined &&
    typeof doc.str(POLICY_MODEL) === 'string' &&
    doc.get('train_evaluation.n_iters') !== undefined &&
    doc.get('env.n_envs') !== undefined,
  owns: (path) => /^(?:alg|env|train_evaluation)\./.test(path),
  read(doc: ConfigDoc, out: FactSink): void {
    const algorithm = algorithmOf(doc);
    const policy = doc.get(POLICY_MODEL);
    if (!algorithm || !policy) return;
    out.add(
      'launch.trainer',
      'config:rl4lms',
      doc.get('alg.id') ?? policy,
      `RL4LMs task config: a language-model policy trained with ${algorithm.toUpperCase()} against a reward`,
    );
    const model = doc.str(POLICY_MODEL);
    if (model && !model.includes('$')) {
      out.add('model.id', model, policy, `${POLICY_MODEL}: ${model}, the policy's language model`);
      out.add('model.fromScratch', false, policy, 'the policy starts from the pretrained language model it names');
    }
    readSteps(doc, algorithm, out);
  },
};

function readSteps(doc: ConfigDoc, algorithm: string, out: FactSink): void {
  const itersAt = doc.get('train_evaluation.n_iters')!;
  const iters = positiveIntegerOrDigits(itersAt.value);
  if (iters === undefined || algorithm === 'trpo') return;
  if (algorithm === 'a2c') {
    out.add('training.steps', iters, itersAt, `n_iters ${iters}: A2C takes one gradient step over each rollout`);
    return;
  }
  const envs = positiveIntegerOrDigits(doc.get('env.n_envs')?.value);
  const setting = (key: keyof typeof PPO_DEFAULTS) => {
    const written = doc.get(`alg.args.${key}`);
    return written === undefined ? PPO_DEFAULTS[key] : positiveIntegerOrDigits(written.value);
  };
  const steps = setting('n_steps');
  const batch = setting('batch_size');
  const epochs = setting('n_epochs');
  if (envs === undefined || steps === undefined || batch === undefined || epochs === undefined) return;
  const rollout = envs * steps;
  const perIteration = epochs * Math.ceil(rollout / batch);
  out.add(
    'training.steps',
    iters * perIteration,
    itersAt,
    `n_iters ${iters} × n_epochs ${epochs} × ⌈${envs} envs × n_steps ${steps} / batch_size ${batch}⌉ minibatches: ${algorithm.toUpperCase()} passes over each rollout`,
  );
}
