import { algorithmOfFile } from '../sb3Algorithms';
import { sb3EntryParams } from '../sb3PolicySize';
import type { ConfigDialect, ConfigDoc, ConfigValue, FactSink } from './dialect';

/**
 * A Stable-Baselines3 hyperparameter file in the shape RL-Baselines3-Zoo reads (and the projects that copy its
 * `ExperimentManager`): each top-level key is an environment id (or a group such as `atari`/`default`), each value a
 * map of the algorithm's constructor arguments with `policy` (`MlpPolicy`, `CnnPolicy`, ...) and `n_timesteps` (the
 * environment steps `model.learn(total_timesteps=...)` runs). The training program picks one entry by `--env`, so
 * the file is a training run's config; the algorithm is the one the file is named after (algorithmOfFile), the agent
 * starts from scratch, and `n_timesteps` counts environment interactions, not optimizer steps, so it is no step count
 * (nor is `n_epochs`, PPO's passes over each rollout, a count of epochs: the dialect owns it).
 * https://rl-baselines3-zoo.readthedocs.io/en/master/guide/config.html
 */

/**
 * A header note saying the file is kept for reference only and no longer read (`this file is no longer used`,
 * `only here as a reference`, `deprecated`): the program does not load it, so it is no run.
 */
const RETIRED =
  /\b(?:no longer used|not used any ?more|no longer (?:read|loaded)|only (?:here|kept) (?:as|for) (?:a )?reference|deprecated)\b/i;

/** Entries looked at: far above a real file (the zoo's largest has about sixty). */
const MAX_ENTRIES = 500;

/** An environment entry: a map with a `...Policy` scalar and `n_timesteps`, or one that merges another entry's keys. */
function isAgentEntry(doc: ConfigDoc, e: ConfigValue): boolean {
  if (e.shape !== 'map') return false;
  // `HopperBulletEnv-v0: *defaults` / `<<: *defaults`: an entry that takes its keys from another by a YAML merge.
  if (doc.entries(e.path).some((k) => k.key === '<<')) return true;
  const policy = doc.str(`${e.path}.policy`);
  return (
    policy !== undefined && /^\w{0,40}Policy$/.test(policy.trim()) && doc.num(`${e.path}.n_timesteps`) !== undefined
  );
}

function agentEntries(doc: ConfigDoc): ConfigValue[] {
  const entries = doc.entries().slice(0, MAX_ENTRIES);
  const maps = entries.filter((e) => e.shape === 'map');
  const agents = maps.filter((e) => isAgentEntry(doc, e));
  // Most top-level keys are environment entries (a group such as `atari` may leave `n_timesteps` to `default`; an
  // entry may be an alias of another, `Hopper-v4: *loco`).
  return agents.length > 0 && agents.length * 2 >= maps.length && maps.length * 2 >= entries.length ? agents : [];
}

export const sb3Hyperparams: ConfigDialect = {
  name: 'sb3-hyperparams',
  words: ['n_timesteps'],
  detect: (doc) => {
    const agents = agentEntries(doc);
    if (agents.length === 0) return false;
    const header = doc.comments().filter((c) => c.line < agents[0].keyRange.startLine);
    return !header.some((c) => RETIRED.test(c.text));
  },
  owns: (path) => /^[^.]{1,200}\.n_epochs$/.test(path),
  read(doc: ConfigDoc, out: FactSink, file?: { readonly path: string }): void {
    const agents = agentEntries(doc);
    if (agents.length === 0) return;
    const first = agents[0];
    out.add(
      'launch.trainer',
      'config:sb3-hyperparams',
      first.keyRange,
      `Stable-Baselines3 hyperparameters per environment (${agents.length} entr${agents.length > 1 ? 'ies' : 'y'} with policy and n_timesteps): the training program trains one agent per entry it is given`,
    );
    const algorithm = algorithmOfFile(file?.path);
    if (algorithm)
      out.add(
        'model.id',
        algorithm,
        first.keyRange,
        `the file is named after the Stable-Baselines3 algorithm whose hyperparameters it holds (${algorithm})`,
        'medium',
      );
    out.add(
      'model.fromScratch',
      true,
      first.keyRange,
      'each entry trains a new agent from scratch by interaction with its environment',
      'medium',
    );
    if (algorithm) readEntrySizes(doc, out, agents, algorithm);
  },
};

/**
 * The size of the largest entry whose policy can be counted (sb3PolicySize.ts: an MLP policy on an environment whose
 * sizes are documented); the file trains one agent per entry, so the largest is what a run of it may cost. Entries
 * not counted (a CNN, an environment not in the table) are named in the detail; none counted leaves it unknown.
 */
function readEntrySizes(doc: ConfigDoc, out: FactSink, agents: readonly ConfigValue[], algorithm: string): void {
  let best: { params: number; entry: ConfigValue } | undefined;
  let counted = 0;
  for (const e of agents) {
    const keys = doc.entries(e.path).map((k) => k.key);
    const params = sb3EntryParams(algorithm, e.key, keys, (key) => {
      const v = doc.get(`${e.path}.${key}`);
      return v === undefined ? undefined : typeof v.value === 'string' ? v.value : JSON.stringify(v.value ?? v.raw);
    });
    if (params === undefined) continue;
    counted++;
    if (!best || params > best.params) best = { params, entry: e };
  }
  if (!best) return;
  out.add(
    'model.params',
    best.params,
    best.entry.keyRange,
    `the ${algorithm.toUpperCase()} MLP policy of the ${best.entry.key} entry (the largest of the ${counted} of ${agents.length} entries whose environment sizes are documented), counted from the library's documented layer widths`,
    'medium',
  );
}
