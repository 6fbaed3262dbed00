import { startsARun, type Fact } from '../../../facts';
import { SB3_ALGORITHMS } from '../../sb3Algorithms';
import { gatedTest } from '../requiredLiterals';
import type { FileRule } from '../rules';
import { parenthesised, rowOf } from './sb3Program';

/**
 * The algorithm modules of OpenAI Baselines (https://github.com/openai/baselines, README "Algorithms": A2C, ACER,
 * ACKTR, DDPG, DQN, GAIL, HER, PPO1, PPO2, TRPO), by the names of their packages (`baselines/a2c`, `acer`, `acktr`,
 * `ddpg`, `deepq`, `gail`, `her`, `ppo1`, `ppo2`, `trpo_mpi`), with the Stable-Baselines3 names (sb3Algorithms.ts):
 * the names an RL library's `learn(...)` functions are reached by (`deepq.learn`, `get_alg_module("ppo2").learn`).
 */
export const RL_LIBRARY_ALGORITHMS: ReadonlySet<string> = new Set([
  ...SB3_ALGORITHMS,
  'acer',
  'acktr',
  'deepq',
  'gail',
  'ppo1',
  'ppo2',
  'trpo_mpi',
]);

/** `learn(`, `deepq.learn(`, `pposgd_simple.learn(`: bounded names, so linear. */
const LEARN_CALL = /(?:^|[^\w.])(?:([A-Za-z_]\w{0,60})\.)?learn[ \t]*\(/gm;
/** The length keywords of an RL library's learn function: environment steps, or iterations of a dataset. */
const STEP_KEYWORD = /\b((?:total|max|num)_timesteps|max_iters)[ \t]*=[ \t]*([^,)\n]{0,60})/;
/** The learn call acts in an environment: `learn(env, ...)`, `learn(..., env=env, ...)`. */
const ENV_ARGUMENT = /^\s*env\b|\benv[ \t]*=/;
/** The program's own `def learn(*, network, env, total_timesteps, ...)` takes an environment. */
const ENV_PARAMETER = /(?:^|[,*])\s*env\s*(?:[,:=]|$)/;
const MAIN_GUARD = /^if[ \t]+__name__[ \t]*==[ \t]*["']__main__["'][ \t]*:/m;
/** `def learn(` in the module: the program's own algorithm, its parameters as text. */
const OWN_LEARN = /^[ \t]*def[ \t]+learn[ \t]*\(([^)]{0,2000})\)/m;
/** Calls looked at per file, and characters of one call's arguments: far above a real one. */
const MAX_LEARN_CALLS = 40;
const MAX_ARGUMENT_CHARS = 4000;
const MAY_LEARN = gatedTest(/\blearn[ \t]*\(/);
/** A zero budget (`total_timesteps=0`): the learn function builds the agent (and loads `load_path`) and trains nothing. */
const ZERO = /^(?:0|int\(\s*0\s*\))\s*$/;

/** The text inside the parentheses that open just before `from`, within MAX_ARGUMENT_CHARS. */
const argumentsFrom = (text: string, from: number) => parenthesised(text, from, MAX_ARGUMENT_CHARS);

/** `from baselines.ppo1 import mlp_policy, pposgd_simple` / `import baselines.deepq as deepq`: the module's package. */
function packageOf(text: string, name: string): string | undefined {
  const from = new RegExp(`^[ \\t]*from[ \\t]+([\\w.]{1,200})[ \\t]+import[ \\t]+[^\\n]{0,400}\\b${name}\\b`, 'm').exec(
    text,
  );
  if (from) return from[1];
  const alias = new RegExp(
    `^[ \\t]*import[ \\t]+([\\w.]{1,200})\\.${name}(?:[ \\t]+as[ \\t]+${name})?[ \\t]*$`,
    'm',
  ).exec(text);
  return alias?.[1];
}

/**
 * The algorithm a learn call runs: the module it is called on when that is an algorithm's name (`deepq.learn`), else
 * the algorithm package it is imported from (`from baselines.ppo1 import pposgd_simple`: ppo1), else the module's own
 * name (`pposgd_simple`); undefined for a bare `learn(` (the program's own, named by its file, or a function picked at
 * run time, named by its `--alg` flag).
 */
function algorithmOf(text: string, module: string | undefined): string | undefined {
  if (!module) return undefined;
  const lower = module.toLowerCase();
  if (RL_LIBRARY_ALGORITHMS.has(lower)) return lower;
  const pkg = packageOf(text, module);
  if (pkg === undefined) return undefined;
  const last = pkg.split('.').pop()!.toLowerCase();
  return RL_LIBRARY_ALGORITHMS.has(last) ? last : lower;
}

/** Detail start of the facts a bare learn call of the program's own `def learn(` reads (named by its file later). */
export const OWN_LEARN_DETAIL = "the program's own learn(";

/**
 * A reinforcement-learning program built on an RL library of the TensorFlow-1 era (OpenAI Baselines and the
 * programs written after it): run as main (or at module level), it calls an algorithm's `learn(env, network/policy,
 * total_timesteps=...)` (`deepq.learn`, `pposgd_simple.learn(env, policy_fn, max_timesteps=...)`,
 * `trpo_mpi.learn`, the program's own `def learn(env, ..., max_iters=...)`), which builds the agent's networks from
 * scratch and trains them by interaction with the environment: a training run. A budget of zero timesteps
 * (`deepq.learn(env, ..., total_timesteps=0, load_path=...)`, the "enjoy" scripts) trains nothing and only builds
 * (and loads) the agent to act with it: an inference run. The algorithm names the model; the network's size depends
 * on the environment and is left unknown here. The timesteps count environment steps, not optimizer steps, so no
 * length is read from them.
 */
export const rlLibraryLearn: FileRule = {
  framework: 'python',
  phase: 'after-calls',
  words: ['total_timesteps', 'max_timesteps', 'num_timesteps', 'max_iters'],
  runStart: [/\blearn[ \t]*\(/, /_timesteps\b|\bmax_iters\b/, /\benv\b/],
  read: (_index, ctx) => {
    const text = ctx.text;
    if (!MAY_LEARN(text)) return;
    const main = MAIN_GUARD.test(text);
    const own = OWN_LEARN.exec(text);
    let best: { at: number; module?: string; keyword: string; value: string; ownCall: boolean } | undefined;
    let seen = 0;
    for (const m of text.matchAll(LEARN_CALL)) {
      if (++seen > MAX_LEARN_CALLS) break;
      const start = m.index + m[0].length;
      // The definition's own header is not a call.
      if (/def[ \t]+$/.test(text.slice(Math.max(0, m.index - 8), m.index + 1))) continue;
      const args = argumentsFrom(text, start);
      if (args === undefined) continue;
      const module = m[1];
      const ownCall = module === undefined && own !== null;
      // A bare `learn(**kwargs)` of the program's own function: its header says what it takes.
      const signature = ownCall && /^\s*\*\*\w+\s*$/.test(args) ? own[1] : args;
      if (!(signature === args ? ENV_ARGUMENT : ENV_PARAMETER).test(signature)) continue;
      const step = STEP_KEYWORD.exec(signature);
      const stepKeyword = step?.[1] ?? (ownCall ? /\b(?:total|max|num)_timesteps\b/.exec(signature)?.[0] : undefined);
      if (!stepKeyword) continue;
      // Module-level work, or a program run as main.
      const lineStart = text.lastIndexOf('\n', m.index) + 1;
      if (!main && /^[ \t]/.test(text.slice(lineStart, lineStart + 1))) continue;
      const candidate = {
        at: m.index + (m[0].length - m[0].trimStart().length),
        module,
        keyword: stepKeyword,
        value: step?.[2]?.trim() ?? '',
        ownCall,
      };
      // An environment-step budget is the RL training; a call bounded by dataset iterations only (behaviour
      // cloning used as a pre-step) counts when no other call is there.
      if (!best || (best.keyword === 'max_iters' && candidate.keyword !== 'max_iters')) best = candidate;
    }
    if (!best) return;
    const range = rowOf(text, best.at);
    const algorithm = algorithmOf(text, best.module);
    const called = best.module ? `${best.module}.learn(...)` : 'learn(...)';
    if (!ctx.facts.some((f) => f.kind === 'model.id' && f.value)) {
      if (algorithm)
        ctx.facts.push({
          kind: 'model.id',
          value: algorithm,
          range,
          confidence: 'medium',
          detail: `${called}: the RL algorithm the program trains (its networks sized by the environment)`,
        });
      else if (best.ownCall)
        ctx.facts.push({
          kind: 'model.id',
          value: null,
          range,
          confidence: 'low',
          detail: `${OWN_LEARN_DETAIL}...) trains the algorithm the module implements`,
        });
    }
    if (ctx.facts.some(startsARun)) return;
    const zero = best.keyword !== 'max_iters' && ZERO.test(best.value);
    if (zero) {
      ctx.facts.push({
        kind: 'launch.inference',
        value: 'rl-rollout',
        range,
        confidence: 'medium',
        detail: `${called} with ${best.keyword}=0 builds the agent (and loads saved weights where given) and trains nothing; the program then acts with it: an inference run`,
      });
      return;
    }
    ctx.facts.push({
      kind: 'launch.trainer',
      value: 'rl-learn',
      range,
      confidence: 'medium',
      detail: `${called} trains the agent by interaction with its environment (${best.keyword} counts environment steps or iterations, not optimizer steps)`,
    });
    ctx.facts.push({
      kind: 'model.fromScratch',
      value: true,
      range,
      confidence: 'low',
      detail: "an RL library's learn function builds the agent's networks from scratch for its environment",
    });
  },
};

/** The file's stem (`behavior_clone.py` → behavior_clone), lower-cased; undefined for odd names. */
function stemOf(path: string): string | undefined {
  return /([A-Za-z_][\w-]{0,80})\.py$/.exec(path)?.[1]?.toLowerCase();
}

/**
 * A program whose main calls its own `def learn(...)` (rlLibraryLearn) implements the algorithm it trains, and RL
 * libraries name an algorithm's module after it (`baselines/her/her.py`, `gail/behavior_clone.py`): the file's stem
 * is the model's name. Needs the file's path, so it runs after the module is read (analyze.ts).
 */
export function rlOwnLearnFacts(path: string, facts: readonly Fact[]): Fact[] {
  const marker = facts.find((f) => f.kind === 'model.id' && f.value === null && f.detail?.startsWith(OWN_LEARN_DETAIL));
  if (!marker || facts.some((f) => f.kind === 'model.id' && f.value)) return [];
  const stem = stemOf(path);
  if (!stem || /^(?:main|train|run|learn|__main__)$/.test(stem)) return [];
  return [
    {
      kind: 'model.id',
      value: stem,
      range: marker.range,
      confidence: 'low',
      detail: `the module implements the algorithm its main trains with its own learn(...): named by its file (${stem})`,
    },
  ];
}
