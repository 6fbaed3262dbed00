import { startsARun, type Fact } from '../../../facts';
import type { FileRule } from '../rules';

/**
 * A Stable-Baselines3 program that picks its algorithm on the command line: `--algo` with a default, the algorithm
 * looked up by that name (`ALGOS[args.algo]`, the registry RL-Baselines3-Zoo and the programs written after it keep)
 * and then trained with the library's `model.learn(...)` (a training run, the agent built from scratch) or loaded
 * with `Algo.load(path)` and played with `model.predict(...)` / `evaluate_policy(...)` (an inference run). The
 * algorithm the program runs by default is its model's name; the network's size depends on the environment and is
 * left to the config reader (config/sb3Hyperparams.ts) or unknown.
 *
 * The algorithm names are Stable-Baselines3's and SB3-Contrib's (A2C, DDPG, DQN, PPO, SAC, TD3; ARS, CrossQ,
 * MaskablePPO, QR-DQN, RecurrentPPO, TQC, TRPO): https://stable-baselines3.readthedocs.io/en/master/guide/algos.html
 * and https://sb3-contrib.readthedocs.io/en/master/guide/algos.html, written as the zoo's keys spell them (`qrdqn`,
 * `ppo_lstm`, `ppo_mask`).
 */
export const SB3_ALGORITHMS: ReadonlySet<string> = new Set([
  'a2c',
  'ddpg',
  'dqn',
  'ppo',
  'sac',
  'td3',
  'her',
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

/** The program uses the library (or the zoo built on it). */
const USES_SB3 = /\b(?:stable_baselines3|sb3_contrib|rl_zoo3)\b/;
/** `add_argument("--algo", ..., default="ppo", ...)`: bounded, so linear. */
const ALGO_FLAG = /add_argument\([^)]{0,200}?["']--algo["'][^)]{0,400}?\)/;
const FLAG_DEFAULT = /\bdefault[ \t]*=[ \t]*["']([A-Za-z0-9_]{1,30})["']/;
const LEARNS = /\.learn[ \t]*\(/;
const LOADS = /\.load[ \t]*\(/;
const PLAYS = /\.predict[ \t]*\(|\b_?evaluate_(?:policy|agent)[ \t]*\(/;

function rowOf(text: string, index: number): Fact['range'] {
  const row = text.slice(0, index).split('\n').length - 1;
  return { startLine: row, startCol: 0, endLine: row, endCol: 0 };
}

export const sb3Program: FileRule = {
  framework: 'python',
  phase: 'after-calls',
  words: ['--algo'],
  runStart: [/["']--algo["']/, /\.learn[ \t]*\(|\.predict[ \t]*\(|evaluate_(?:policy|agent)[ \t]*\(/],
  read: (_index, ctx) => {
    const text = ctx.text;
    if (!USES_SB3.test(text)) return;
    const flag = ALGO_FLAG.exec(text);
    if (!flag) return;
    const learn = LEARNS.exec(text);
    const load = LOADS.exec(text);
    const play = PLAYS.exec(text);
    if (!learn && !(load && play)) return;
    const algorithm = FLAG_DEFAULT.exec(flag[0])?.[1]?.toLowerCase();
    const flagRange = rowOf(text, flag.index);
    if (algorithm && SB3_ALGORITHMS.has(algorithm) && !ctx.facts.some((f) => f.kind === 'model.id' && f.value))
      ctx.facts.push({
        kind: 'model.id',
        value: algorithm,
        range: flagRange,
        confidence: 'medium',
        detail: `--algo defaults to ${algorithm}: the Stable-Baselines3 algorithm the program runs unless told otherwise`,
      });
    if (ctx.facts.some(startsARun)) return;
    if (learn) {
      ctx.facts.push({
        kind: 'launch.trainer',
        value: 'sb3-learn',
        range: rowOf(text, learn.index),
        confidence: 'medium',
        detail: 'model.learn(...) trains the Stable-Baselines3 agent the --algo flag picks, by interaction with its environment',
      });
      ctx.facts.push({
        kind: 'model.fromScratch',
        value: true,
        range: flagRange,
        confidence: 'low',
        detail: 'a Stable-Baselines3 agent is built from scratch for its environment unless a trained one is given',
      });
    } else if (load && play) {
      ctx.facts.push({
        kind: 'launch.inference',
        value: 'sb3-predict',
        range: rowOf(text, play.index),
        confidence: 'medium',
        detail: `a trained Stable-Baselines3 agent is loaded (\`.load(\`) and played (\`${play[0].replace(/[ \t]*\($/, '')}\`), training nothing: an evaluation (inference)`,
      });
    }
  },
};
