import { startsARun, type Fact } from '../../../facts';
import { SB3_ALGORITHMS } from '../../sb3Algorithms';
import type { FileRule } from '../rules';

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

/**
 * A Stable-Baselines3 program that picks its algorithm on the command line: `--algo` with a default, the algorithm
 * looked up by that name (`ALGOS[args.algo]`, the registry RL-Baselines3-Zoo and the programs written after it keep)
 * and then trained with the library's `model.learn(...)` (a training run, the agent built from scratch) or loaded
 * with `Algo.load(path)` and played with `model.predict(...)` / `evaluate_policy(...)` (an inference run). The
 * algorithm the program runs by default is its model's name; the network's size depends on the environment and is
 * left to the config reader (config/sb3Hyperparams.ts) or unknown.
 */
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
    const fallback = FLAG_DEFAULT.exec(flag[0]);
    const algorithm = fallback?.[1]?.toLowerCase();
    const flagRange = rowOf(text, flag.index + (fallback?.index ?? 0));
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
        detail:
          'model.learn(...) trains the Stable-Baselines3 agent the --algo flag picks, by interaction with its environment',
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

/**
 * The Python form of a Stable-Baselines3 hyperparameter file (config/sb3Hyperparams.ts), which RL-Baselines3-Zoo
 * loads with `--conf-file module.path`: a module-level `hyperparams = {"Env-v1": dict(policy="MlpPolicy",
 * n_timesteps=..., ...)}`. The training program trains one agent per entry from scratch; `n_timesteps` counts
 * environment steps, not optimizer steps, so no length is read.
 * https://rl-baselines3-zoo.readthedocs.io/en/master/guide/config.html
 */
const HYPERPARAMS_DICT = /^hyperparams[ \t]*(?::[^=\n]{0,100})?=[ \t]*\{/m;
const ENTRY_POLICY = /\bpolicy["']?[ \t]*[=:][ \t]*["']\w{0,40}Policy["']/;
const ENTRY_TIMESTEPS = /\bn_timesteps["']?[ \t]*[=:]/;

export const sb3HyperparamsModule: FileRule = {
  framework: 'python',
  phase: 'after-calls',
  words: ['n_timesteps', 'hyperparams'],
  runStart: [HYPERPARAMS_DICT, ENTRY_TIMESTEPS, ENTRY_POLICY],
  read: (_index, ctx) => {
    const text = ctx.text;
    const dict = HYPERPARAMS_DICT.exec(text);
    if (!dict || ctx.facts.some(startsARun)) return;
    const body = text.slice(dict.index, dict.index + 200_000);
    if (!ENTRY_POLICY.test(body) || !ENTRY_TIMESTEPS.test(body)) return;
    const range = rowOf(text, dict.index);
    ctx.facts.push({
      kind: 'launch.trainer',
      value: 'sb3-hyperparams-module',
      range,
      confidence: 'medium',
      detail:
        'a module-level `hyperparams` dict of Stable-Baselines3 entries (policy, n_timesteps) per environment: the training program trains one agent per entry',
    });
    ctx.facts.push({
      kind: 'model.fromScratch',
      value: true,
      range,
      confidence: 'medium',
      detail: 'each entry trains a new agent from scratch by interaction with its environment',
    });
  },
};
