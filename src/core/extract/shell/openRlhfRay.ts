import type { LaunchCommand, LaunchSink } from './launchers';

/**
 * OpenRLHF's Ray trainers (`python -m openrlhf.cli.train_ppo_ray`): each model of the RL loop is placed on GPUs of
 * its own, and the run's accelerators are the sum of the placements, not one role's `--actor.num_gpus_per_node`.
 * Read from openrlhf/cli/train_ppo_ray.py (github.com/OpenRLHF/OpenRLHF), both flag spellings (the grouped
 * `--actor.num_gpus_per_node`, `--train.colocate_all` and the flat `--actor_num_gpus_per_node`,
 * `--colocate_all_models` before them):
 * - actor, reference, critic and reward each take `num_nodes` × `num_gpus_per_node` GPUs (argparse defaults 1 and 8;
 *   a role whose GPUs are not stated leaves the sum unread);
 * - the reference exists while the KL coefficient is above 0 (default 0.01) and shares the actor's placement group
 *   with `colocate_actor_ref`;
 * - the critic exists only for the `gae` advantage estimator (the default), and shares the reward model's GPUs with
 *   `colocate_critic_reward`; there is no reward model on GPUs when a remote reward (URL or function file) is given;
 * - the vLLM engines take `num_engines` × `tensor_parallel_size` GPUs;
 * - `colocate_all` puts every model, the vLLM engines included, on the actor's GPUs, except the engines under
 *   `async_enable` (then placed apart).
 */
const DEFAULT_NODES = 1;
/** Spellings of each setting: the grouped flag first (dots read as underscores), then the flat one. */
const NAMES = {
  actorNodes: ['actor_num_nodes'],
  actorGpus: ['actor_num_gpus_per_node'],
  refNodes: ['ref_num_nodes'],
  refGpus: ['ref_num_gpus_per_node'],
  criticNodes: ['critic_num_nodes'],
  criticGpus: ['critic_num_gpus_per_node'],
  rewardNodes: ['reward_num_nodes'],
  rewardGpus: ['reward_num_gpus_per_node'],
  engines: ['vllm_num_engines'],
  enginesTp: ['vllm_tensor_parallel_size'],
  colocateActorRef: ['train_colocate_actor_ref', 'colocate_actor_ref'],
  colocateCriticReward: ['train_colocate_critic_reward', 'colocate_critic_reward'],
  colocateAll: ['train_colocate_all', 'colocate_all_models'],
  asyncTrain: ['train_async_enable', 'async_train'],
  remoteReward: ['reward_remote_url', 'remote_rm_url'],
  klCoef: ['algo_kl_init_coef', 'init_kl_coef'],
  estimator: ['algo_advantage_estimator', 'advantage_estimator'],
} as const;
/** Flags looked at per command: far above a real launch, and a bound on the work. */
const MAX_WORDS = 2_000;
/** The sum is shown only within this (a typo of a huge count is not a reading). */
const MAX_TOTAL_GPUS = 100_000;

/** The flags of the command by their underscore names (`--train.colocate_all` → train_colocate_all), last wins. */
function flagsOf(words: readonly string[]): Map<string, string | true> {
  const out = new Map<string, string | true>();
  const n = Math.min(words.length, MAX_WORDS);
  for (let i = 0; i < n; i++) {
    const m = /^--([\w.-]{1,100})(?:=(.*))?$/.exec(words[i]);
    if (!m) continue;
    const name = m[1].replace(/[.-]/g, '_');
    if (m[2] !== undefined) out.set(name, m[2].replace(/^["']|["']$/g, ''));
    else if (i + 1 < n && !words[i + 1].startsWith('--')) out.set(name, words[++i].replace(/^["']|["']$/g, ''));
    else out.set(name, true);
  }
  return out;
}

/** Whether the command is one of OpenRLHF's Ray-placed trainers. */
export function isOpenRlhfRayTrainer(module: string): boolean {
  return /^openrlhf\.cli\.train_\w*ray\w*$/.test(module);
}

/**
 * Passes over the prompt set: `num_episodes` rollouts of every prompt, each trained `max_epochs` times (both default
 * 1); openrlhf/trainer/ppo_trainer.py counts the optimizer steps as prompts × samples ÷ batch × num_episodes ×
 * max_epochs. Read only when the episodes are stated.
 */
export function readOpenRlhfEpisodes(command: LaunchCommand, out: LaunchSink): void {
  const flags = flagsOf(command.words);
  const episodes = flags.get('train_num_episodes') ?? flags.get('num_episodes');
  const epochs = flags.get('train_max_epochs') ?? flags.get('max_epochs') ?? '1';
  if (typeof episodes !== 'string' || typeof epochs !== 'string') return;
  if (!/^\d{1,6}$/.test(episodes) || !/^\d{1,6}$/.test(epochs) || Number(episodes) < 1 || Number(epochs) < 1) return;
  out.consume('max_epochs', 'num_episodes');
  const total = Number(episodes) * Number(epochs);
  out.add(
    'training.epochs',
    total,
    `--num_episodes ${episodes} × --max_epochs ${epochs}: passes over the prompt set (OpenRLHF)`,
    'high',
  );
}

/** Reads the GPUs the Ray placement of the run's models takes; consumes the per-role GPU flags. */
export function readOpenRlhfRayPlacement(command: LaunchCommand, out: LaunchSink): void {
  const flags = flagsOf(command.words);
  const get = (names: readonly string[]) => names.map((n) => flags.get(n)).find((v) => v !== undefined);
  const on = (names: readonly string[]) => {
    const v = get(names);
    return v === true || (typeof v === 'string' && !/^(false|0)$/i.test(v));
  };
  const count = (names: readonly string[], fallback: number): number | undefined => {
    const v = get(names);
    if (v === undefined || v === true) return fallback;
    if (!/^\d{1,6}$/.test(v)) return undefined;
    return Number(v);
  };
  // Only a launch that states the actor's GPUs is read: the defaults alone (8 GPUs per role) say nothing of the run.
  const actorGpus = get(NAMES.actorGpus);
  if (typeof actorGpus !== 'string') return;
  // A role the run has whose GPUs the launch does not state (the default of 8 may not be what the cluster has):
  // no sum is read, rather than one made of defaults.
  const role = (nodes: readonly string[], gpus: readonly string[]) => {
    if (typeof get(gpus) !== 'string') return undefined;
    const a = count(nodes, DEFAULT_NODES);
    const b = count(gpus, 0);
    return a === undefined || b === undefined ? undefined : a * b;
  };
  const actor = role(NAMES.actorNodes, NAMES.actorGpus);
  const enginesValue = get(NAMES.engines);
  const engines = enginesValue === undefined ? 0 : count(NAMES.engines, 0);
  const tp = count(NAMES.enginesTp, 1);
  if (actor === undefined || engines === undefined || tp === undefined) return;
  const vllm = engines * tp;
  const asyncTrain = on(NAMES.asyncTrain);
  const parts: string[] = [`actor ${actor}`];
  let total = actor;
  if (on(NAMES.colocateAll)) {
    parts[0] = `all models on the actor's ${actor}`;
    if (asyncTrain && vllm > 0) {
      total += vllm;
      parts.push(`vLLM ${engines}×${tp} apart (async)`);
    }
  } else {
    const kl = get(NAMES.klCoef);
    const hasRef = !(typeof kl === 'string' && Number(kl) === 0);
    if (hasRef && on(NAMES.colocateActorRef)) parts.push('reference on the actor’s GPUs');
    else if (hasRef) {
      const ref = role(NAMES.refNodes, NAMES.refGpus);
      if (ref === undefined) return;
      total += ref;
      parts.push(`reference ${ref}`);
    }
    const estimator = get(NAMES.estimator);
    const hasCritic = estimator === undefined || estimator === 'gae';
    const hasReward = get(NAMES.remoteReward) === undefined;
    if (hasCritic) {
      const critic = role(NAMES.criticNodes, NAMES.criticGpus);
      if (critic === undefined) return;
      total += critic;
      parts.push(`critic ${critic}`);
    }
    if (hasReward && hasCritic && on(NAMES.colocateCriticReward)) parts.push('reward on the critic’s GPUs');
    else if (hasReward) {
      const reward = role(NAMES.rewardNodes, NAMES.rewardGpus);
      if (reward === undefined) return;
      total += reward;
      parts.push(`reward ${reward}`);
    }
    if (vllm > 0) {
      total += vllm;
      parts.push(`vLLM ${engines}×${tp}`);
    }
  }
  if (total <= 0 || total > MAX_TOTAL_GPUS) return;
  // The per-role flags are read here: the flag table's single-role reading (`--actor.num_gpus_per_node`) stands down.
  out.consume('num_gpus_per_node', 'num_nodes');
  out.add('hardware.devices', total, `${RAY_PLACED_TOTAL}: ${parts.join(' + ')} = ${total}`, 'high');
}

/** How the sum of a Ray job's placements is worded: the whole job's accelerators, over all its nodes. */
export const RAY_PLACED_TOTAL = 'GPUs of the Ray placement groups, all nodes';
