import { startsARun, type Fact } from '../../../facts';
import { SB3_ALGORITHMS, algorithmOfFile } from '../../sb3Algorithms';
import { keywordValues, sb3EntryParams, sb3PolicyParams } from '../../sb3PolicySize';
import { rlEnvironmentSpaces } from '../../../knowledge/data/rlEnvironments';
import type { FileRule } from '../rules';

/** The program uses the library (or the zoo built on it). */
const USES_SB3 = /\b(?:stable_baselines3|sb3_contrib|rl_zoo3)\b/;
/** `add_argument("--algo", ..., default="ppo", ...)`: bounded, so linear. */
const ALGO_FLAG = /add_argument\([^)]{0,200}?["']--algo["'][^)]{0,400}?\)/;
const ENV_FLAG = /add_argument\([^)]{0,200}?["']--env["'][^)]{0,400}?\)/;
const FLAG_DEFAULT = /\bdefault[ \t]*=[ \t]*["']([A-Za-z0-9_]{1,30})["']/;
const LEARNS = /\.learn[ \t]*\(/;
const LOADS = /\.load[ \t]*\(/;
const PLAYS = /\.predict[ \t]*\(|\b_?evaluate_(?:policy|agent)[ \t]*\(/;

/** The whole line holding `index`, as a fact's range (also used by rlLibraryLearn.ts and gpt2Checkpoint.ts). */
export function rowOf(text: string, index: number): Fact['range'] {
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
        // A launch giving `--algo sac` runs that algorithm instead (analyze.ts linkedFacts).
        fromFlags: ['algo'],
        flagDefault: ['algo'],
      });
    if (learn && algorithm && !ctx.facts.some((f) => f.kind === 'model.params')) {
      const env = ENV_FLAG.exec(text);
      const envId = env ? /\bdefault[ \t]*=[ \t]*["']([\w./:-]{1,100})["']/.exec(env[0])?.[1] : undefined;
      const spaces = envId ? rlEnvironmentSpaces(envId) : undefined;
      const params =
        spaces?.observation !== undefined
          ? sb3PolicyParams(algorithm, {
              observation: spaces.observation,
              discreteActions: spaces.discreteActions,
              continuousActions: spaces.continuousActions,
            })
          : undefined;
      if (params !== undefined && env)
        ctx.facts.push({
          kind: 'model.params',
          value: params,
          range: rowOf(text, env.index),
          confidence: 'low',
          // A launch that picks another algorithm or environment sizes another policy: unknown from here.
          fromFlags: ['algo', 'env'],
          detail: `the ${algorithm.toUpperCase()} MLP policy on ${envId} (--env default), with the library's documented default layer widths (a hyperparameter file may set others)`,
        });
    }
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

/** `"MountainCar-v0": dict(`: an entry of the `hyperparams` dict (the environment id as its key). */
const DICT_ENTRY = /["']([\w./:-]{1,100})["'][ \t]*:[ \t]*dict\(/g;
/** Entries read per file, and characters of one entry: far above a real one. */
const MAX_DICT_ENTRIES = 200;
const MAX_ENTRY_CHARS = 20_000;

/**
 * The text inside the parentheses that open just before `from`, looked for within `maxChars` (strings are not
 * special-cased). Also used by rlLibraryLearn.ts.
 */
export function parenthesised(text: string, from: number, maxChars = MAX_ENTRY_CHARS): string | undefined {
  let depth = 1;
  const end = Math.min(text.length, from + maxChars);
  for (let i = from; i < end; i++) {
    const c = text[i];
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      depth--;
      if (depth === 0) return text.slice(from, i);
    }
  }
  return undefined;
}

/**
 * A `hyperparams` dict module (sb3HyperparamsModule) is named after its algorithm like the YAML files
 * (`ppo_config_example.py`, sb3Algorithms.ts algorithmOfFile): that algorithm is its model, and the size of its
 * largest entry's MLP policy (sb3PolicySize.ts) its size where the entry's environment is documented. Needs the
 * file's path, so it runs after the module is read (analyze.ts).
 */
export function sb3HyperparamsModuleFacts(path: string, text: string, facts: readonly Fact[]): Fact[] {
  const trainer = facts.find((f) => f.kind === 'launch.trainer' && f.value === 'sb3-hyperparams-module');
  const algorithm = trainer ? algorithmOfFile(path) : undefined;
  if (!trainer || !algorithm) return [];
  const out: Fact[] = [];
  if (!facts.some((f) => f.kind === 'model.id' && f.value))
    out.push({
      kind: 'model.id',
      value: algorithm,
      range: trainer.range,
      confidence: 'medium',
      detail: `the file is named after the Stable-Baselines3 algorithm whose hyperparameters it holds (${algorithm})`,
    });
  if (facts.some((f) => f.kind === 'model.params')) return out;
  let best: { params: number; env: string; at: number } | undefined;
  let entries = 0;
  for (const m of text.matchAll(DICT_ENTRY)) {
    if (++entries > MAX_DICT_ENTRIES) break;
    const body = parenthesised(text, m.index + m[0].length);
    const values = body !== undefined ? keywordValues(body, MAX_ENTRY_CHARS) : undefined;
    if (!values) continue;
    const params = sb3EntryParams(algorithm, m[1], [...values.keys()], (key) => values.get(key));
    if (params !== undefined && (!best || params > best.params)) best = { params, env: m[1], at: m.index };
  }
  if (best)
    out.push({
      kind: 'model.params',
      value: best.params,
      range: rowOf(text, best.at),
      confidence: 'medium',
      detail: `the ${algorithm.toUpperCase()} MLP policy of the ${best.env} entry (the largest counted of ${entries}), counted from the library's documented layer widths`,
    });
  return out;
}
