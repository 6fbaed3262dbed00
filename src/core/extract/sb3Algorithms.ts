/**
 * The algorithm names of Stable-Baselines3 and SB3-Contrib (A2C, DDPG, DQN, HER, PPO, SAC, TD3; ARS, CrossQ,
 * MaskablePPO, QR-DQN, RecurrentPPO, TQC, TRPO), as https://stable-baselines3.readthedocs.io/en/master/guide/algos.html
 * and https://sb3-contrib.readthedocs.io/en/master/guide/algos.html list them, written as programs built on the library
 * key them (RL-Baselines3-Zoo's `--algo` choices and `hyperparams/<algo>.yml` files: `qrdqn`, `ppo_lstm`, `ppo_mask`).
 */
export const SB3_ALGORITHMS: ReadonlySet<string> = new Set([
  'a2c',
  'ddpg',
  'dqn',
  'her',
  'ppo',
  'sac',
  'td3',
  'ars',
  'crossq',
  'qrdqn',
  'tqc',
  'trpo',
  'ppo_lstm',
  'recurrentppo',
  'ppo_mask',
  'maskableppo',
]);

/**
 * The algorithm a hyperparameter file is for, by the convention of programs built on the library: the file is named
 * after the algorithm (`ppo.yml`, `sac.yml`, `ppo_lstm.yml`), or starts with it (`ppo_config_example.py`). The
 * longest algorithm name that is the stem or its first `_`-separated words; undefined otherwise.
 */
export function algorithmOfFile(path: string | undefined): string | undefined {
  const stem = /([^\\/]{1,200})\.[A-Za-z]{1,5}$/.exec(path ?? '')?.[1]?.toLowerCase();
  if (!stem) return undefined;
  const words = stem.split('_').slice(0, 4);
  for (let n = words.length; n > 0; n--) {
    const head = words.slice(0, n).join('_');
    if (SB3_ALGORITHMS.has(head)) return head;
  }
  return undefined;
}
