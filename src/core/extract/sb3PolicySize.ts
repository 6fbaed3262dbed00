/**
 * The size of a Stable-Baselines3 agent's MLP policy, counted from its environment's sizes and the policy's layer
 * widths (`net_arch`), as the library builds it. Only what the library's documentation states is used:
 *
 * - Default widths ("Default Network Architecture", https://stable-baselines3.readthedocs.io/en/master/guide/custom_policy.html):
 *   two fully connected layers of 64 units for PPO/A2C/DQN (TRPO, from SB3-Contrib, uses the same ActorCriticPolicy),
 *   256 units for SAC, [400, 300] for TD3/DDPG. A2C/PPO build separate policy (`pi`) and value (`vf`) networks of
 *   those widths; `net_arch=[a, b]` gives both the same widths, `net_arch=dict(pi=[...], vf=[...])` (or `qf` for
 *   the critics of SAC/TD3/DDPG) each its own.
 * - Heads: the on-policy policy ends in a linear layer to the actions (plus one log-std per continuous action) and
 *   a linear value layer of 1; DQN's Q-network ends in one value per discrete action; QR-DQN (SB3-Contrib) in
 *   `n_quantiles` per action; SAC's actor ends in a mean and a log-std layer per action, TD3/DDPG's actor in one
 *   action layer; each critic (`n_critics`: 2 for SAC/TD3, 1 for DDPG) takes observation and action together and
 *   ends in one value.
 *
 * The count is what the optimizers train: the target copies of DQN/SAC/TD3 (not trained by gradient) are not
 * counted. Anything that changes the network beyond these (a CNN or recurrent policy, gSDE, a wrapper or frame
 * stack that changes the observation, a `policy_kwargs` key not known here, QR-DQN without its `n_quantiles`)
 * leaves the size unknown.
 */

import { rlEnvironmentSpaces } from '../knowledge/data/rlEnvironments';

export interface Sb3Spaces {
  readonly observation: number;
  readonly discreteActions?: number;
  readonly continuousActions?: number;
}

export interface Sb3Architecture {
  /** Policy (actor) widths. */
  readonly pi?: readonly number[];
  /** Value widths (A2C/PPO/TRPO). */
  readonly vf?: readonly number[];
  /** Critic widths (SAC/TD3/DDPG). */
  readonly qf?: readonly number[];
  readonly nCritics?: number;
  readonly nQuantiles?: number;
  /**
   * gSDE (`use_sde=True`): the log-std is a (features x actions) matrix instead of one value per action (`full_std`,
   * true by default, in the policy's documented arguments); only counted for continuous actions.
   */
  readonly sde?: boolean;
  readonly fullStd?: boolean;
}

const ON_POLICY = new Set(['ppo', 'a2c', 'trpo']);

/** Linear layers `input -> widths[0] -> ...`: their weights and biases, and the last width. */
function mlp(input: number, widths: readonly number[]): [number, number] {
  let params = 0;
  let last = input;
  for (const w of widths) {
    params += last * w + w;
    last = w;
  }
  return [params, last];
}

/** The log-std parameters of a continuous policy: one per action, or gSDE's (features x actions) matrix. */
function logStd(arch: Sb3Architecture, features: number, actions: number): number {
  if (!arch.sde) return actions;
  return arch.fullStd === false ? features : features * actions;
}

/** The trained parameter count of the algorithm's MLP policy, or undefined where it is not known. */
export function sb3PolicyParams(algorithm: string, spaces: Sb3Spaces, arch: Sb3Architecture = {}): number | undefined {
  const obs = spaces.observation;
  const discrete = spaces.discreteActions;
  const continuous = spaces.continuousActions;
  if (!(obs > 0)) return undefined;
  if (ON_POLICY.has(algorithm)) {
    const [pi, piOut] = mlp(obs, arch.pi ?? [64, 64]);
    const [vf, vfOut] = mlp(obs, arch.vf ?? [64, 64]);
    const head =
      discrete !== undefined
        ? piOut * discrete + discrete
        : continuous !== undefined
          ? piOut * continuous + continuous + logStd(arch, piOut, continuous)
          : undefined;
    return head === undefined ? undefined : pi + vf + head + vfOut + 1;
  }
  if (algorithm === 'dqn' || algorithm === 'qrdqn') {
    if (discrete === undefined) return undefined;
    const outputs = algorithm === 'dqn' ? discrete : arch.nQuantiles ? discrete * arch.nQuantiles : undefined;
    if (outputs === undefined) return undefined;
    const [q, qOut] = mlp(obs, arch.pi ?? [64, 64]);
    return q + qOut * outputs + outputs;
  }
  if (algorithm === 'sac' || algorithm === 'td3' || algorithm === 'ddpg') {
    if (continuous === undefined) return undefined;
    const widths = algorithm === 'sac' ? [256, 256] : [400, 300];
    const [actor, actorOut] = mlp(obs, arch.pi ?? widths);
    const [critic, criticOut] = mlp(obs + continuous, arch.qf ?? widths);
    const critics = arch.nCritics ?? (algorithm === 'ddpg' ? 1 : 2);
    // SAC: a mean layer and a log-std layer (gSDE: a log-std matrix instead); TD3/DDPG: one action layer.
    const actorHead =
      algorithm === 'sac'
        ? actorOut * continuous +
          continuous +
          (arch.sde ? logStd(arch, actorOut, continuous) : actorOut * continuous + continuous)
        : actorOut * continuous + continuous;
    return actor + actorHead + critics * (critic + criticOut + 1);
  }
  return undefined;
}

/** `policy_kwargs` keys that leave the MLP's layers as counted above (optimizer, initialisation, activation). */
const HARMLESS_KEYS = new Set([
  'log_std_init',
  'ortho_init',
  'activation_fn',
  'use_expln',
  'clip_mean',
  'optimizer_class',
  'optimizer_kwargs',
  'squash_output',
  'normalize_images',
  'share_features_extractor',
  'net_arch',
  'n_critics',
  'n_quantiles',
  'full_std',
]);

const INT_LIST = /^\[\s*(\d{1,6}(?:\s*,\s*\d{1,6}){0,15})?\s*,?\s*\]$/;

function intList(text: string): number[] | undefined {
  const m = INT_LIST.exec(text.trim());
  if (!m) return undefined;
  return m[1] ? m[1].split(',').map((n) => Number(n.trim())) : [];
}

/**
 * The `key=value` pieces of a `dict(...)` call's text, split at the commas outside brackets (bounded: a longer text
 * is not read); undefined when a piece is not `key=value`.
 */
export function keywordValues(body: string, limit = 2000): Map<string, string> | undefined {
  const out = new Map<string, string>();
  let depth = 0;
  let start = 0;
  const parts: string[] = [];
  if (body.length > limit) return undefined;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(body.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(body.slice(start));
  for (const part of parts) {
    if (part.trim() === '') continue;
    const kv = /^\s*([A-Za-z_]\w{0,60})\s*=\s*([\s\S]*?)\s*$/.exec(part);
    if (!kv) return undefined;
    out.set(kv[1], kv[2]);
  }
  return out;
}

/**
 * The architecture a `policy_kwargs` text states (`dict(log_std_init=-2, net_arch=[64, 64])`,
 * `dict(net_arch=dict(pi=[256, 256], qf=[400, 300]), n_critics=1)`, `{"net_arch": [64, 64]}` is not read); `{}` for
 * none given; undefined when it holds something that changes the network in a way not counted here.
 */
export function sb3PolicyKwargs(text: string | undefined): Sb3Architecture | undefined {
  if (text === undefined || text.trim() === '') return {};
  const body = /^\s*dict\(([\s\S]{0,2000})\)\s*$/.exec(text)?.[1];
  if (body === undefined) return undefined;
  const values = keywordValues(body);
  if (!values) return undefined;
  if ([...values.keys()].some((k) => !HARMLESS_KEYS.has(k))) return undefined;
  let pi: number[] | undefined;
  let vf: number[] | undefined;
  let qf: number[] | undefined;
  const net = values.get('net_arch');
  if (net !== undefined) {
    const list = intList(net);
    if (list) pi = vf = qf = list;
    else {
      const inner = /^dict\(([\s\S]{0,1000})\)$/.exec(net.trim())?.[1];
      const parts = inner !== undefined ? keywordValues(inner) : undefined;
      if (!parts || [...parts.keys()].some((k) => !['pi', 'vf', 'qf'].includes(k))) return undefined;
      // A network the dict leaves out has no hidden layers (`net_arch.get("vf", [])`).
      pi = parts.has('pi') ? intList(parts.get('pi')!) : [];
      vf = parts.has('vf') ? intList(parts.get('vf')!) : [];
      qf = parts.has('qf') ? intList(parts.get('qf')!) : [];
      if (parts.size === 0 || [...parts.values()].some((v) => !intList(v))) return undefined;
    }
  }
  const int = (key: string): number | undefined | null => {
    const v = values.get(key);
    if (v === undefined) return undefined;
    return /^\d{1,4}$/.test(v.trim()) ? Number(v.trim()) : null;
  };
  const nCritics = int('n_critics');
  const nQuantiles = int('n_quantiles');
  if (nCritics === null || nQuantiles === null) return undefined;
  const fullStd = values.get('full_std')?.trim();
  return { pi, vf, qf, nCritics, nQuantiles, ...(fullStd === 'False' ? { fullStd: false } : {}) };
}

/** Entry keys that change what the network sees: a frame stack. */
const RESHAPING_KEYS = /^(?:frame_stack)$/;
/**
 * Gymnasium / SB3 wrappers documented to leave the observation and action spaces as they are (an episode limit,
 * episode statistics, monitoring): an entry wrapped only in these keeps its environment's sizes.
 */
const SPACE_KEEPING_WRAPPERS = new Set(['TimeLimit', 'RecordEpisodeStatistics', 'Monitor', 'OrderEnforcing']);

function keepsSpaces(wrappers: string): boolean {
  const names = [...wrappers.slice(0, 2000).matchAll(/\b[A-Za-z_][\w.]{0,200}/g)]
    .map((m) => m[0])
    .filter((n) => /[A-Z]/.test(n.split('.').pop() ?? ''));
  return names.length > 0 && names.every((n) => SPACE_KEEPING_WRAPPERS.has(n.split('.').pop()!));
}

/**
 * One hyperparameter entry of a training program built on the library (RL-Baselines3-Zoo's `hyperparams/<algo>.yml`
 * entry, or a `hyperparams` dict entry): the environment id is its key; `value(key)` gives the text of one of its
 * settings (`policy`, `policy_kwargs`, `use_sde`, `env_wrapper`). The size of its MLP policy when the environment's
 * sizes are documented (knowledge/data/rlEnvironments.ts) and nothing in the entry reshapes the network; undefined
 * otherwise.
 */
export function sb3EntryParams(
  algorithm: string,
  envId: string,
  keys: readonly string[],
  value: (key: string) => string | undefined,
): number | undefined {
  const policy = value('policy')?.replace(/["']/g, '').trim();
  if (policy !== 'MlpPolicy' || keys.some((k) => RESHAPING_KEYS.test(k))) return undefined;
  const wrappers = value('env_wrapper');
  if (keys.includes('env_wrapper') && (wrappers === undefined || !keepsSpaces(wrappers))) return undefined;
  const spaces = rlEnvironmentSpaces(envId);
  if (!spaces || spaces.observation === undefined) return undefined;
  const arch = sb3PolicyKwargs(value('policy_kwargs'));
  if (!arch) return undefined;
  const sde = /^true$/i.test(value('use_sde')?.trim() ?? '');
  return sb3PolicyParams(
    algorithm,
    {
      observation: spaces.observation,
      discreteActions: spaces.discreteActions,
      continuousActions: spaces.continuousActions,
    },
    { ...arch, sde },
  );
}
