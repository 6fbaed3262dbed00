import type { ConfigDialect, ConfigDoc, FactSink } from './dialect';

/**
 * habitat-baselines experiment configs (facebookresearch/habitat-lab, `habitat_baselines/config/<task>/*.yaml`): a
 * Hydra config whose `habitat_baselines:` section names the trainer (`trainer_name: ppo | ddppo | ver`, registered
 * trainers of habitat_baselines) that `python -m habitat_baselines.run --config-name=<this>` builds and trains, or
 * evaluates when `evaluate: True`. Read:
 *
 * - the policy network: `rl.policy[.<agent>].name` (`PointNavResNetPolicy`); its size depends on the observation
 *   space and the visual backbone, which the file does not state as a count: left unknown.
 * - weights: `rl.ddppo.pretrained: True` loads `pretrained_weights` into the whole policy (a fine-tune);
 *   otherwise the policy trains from random weights (the usual case: these are reinforcement-learning runs).
 *   `pretrained_weights` alone is only read when `pretrained` or `pretrained_encoder` is on.
 * - length: `num_updates` policy updates (−1: bounded by `total_num_steps` environment frames instead, which are
 *   not optimizer steps); each update runs `ppo_epoch` epochs of `num_mini_batch` minibatches (habitat_baselines
 *   rl/ppo/ppo.py), so the optimizer steps are their product.
 */

const SECTION = 'habitat_baselines';
const MAX_KEYS = 4000;
/** A value of the file as a message quotes it: bounded (a path or a name of a few hundred characters at most). */
const shown = (value: unknown) => String(value).slice(0, 200);

export const habitatBaselines: ConfigDialect = {
  name: 'habitat-baselines',
  words: ['habitat_baselines'],
  detect: (doc) => doc.get(SECTION)?.shape === 'map' && typeof doc.str(`${SECTION}.trainer_name`) === 'string',
  owns: (path) => path.startsWith(`${SECTION}.`),
  read(doc: ConfigDoc, out: FactSink): void {
    const trainer = doc.get(`${SECTION}.trainer_name`);
    if (!trainer) return;
    const name = String(trainer.value);
    const evaluate = doc.get(`${SECTION}.evaluate`)?.value === true;
    out.add(
      evaluate ? 'launch.inference' : 'launch.trainer',
      `config:habitat-baselines:${name}`,
      trainer,
      evaluate
        ? `habitat_baselines.evaluate: True: the ${name} trainer evaluates a checkpoint`
        : `habitat_baselines.trainer_name: ${name}: habitat_baselines.run trains the policy with this config`,
      'medium',
    );
    const policy = doc
      .walk()
      .slice(0, MAX_KEYS)
      .find(
        (v) =>
          v.key === 'name' &&
          v.path.startsWith(`${SECTION}.rl.policy`) &&
          typeof v.value === 'string' &&
          /Policy$/.test(v.value),
      );
    if (policy) out.add('model.id', String(policy.value), policy, `${policy.path}: ${shown(policy.value)}`, 'medium');
    else
      out.add(
        'model.id',
        null,
        trainer,
        "the policy is the trainer's default (habitat_baselines' structured configs), not named here",
        'low',
      );
    if (evaluate) return;
    const ddppo = `${SECTION}.rl.ddppo`;
    const loads = doc.get(`${ddppo}.pretrained`)?.value === true;
    const weights = doc.get(`${ddppo}.pretrained_weights`);
    if (loads && weights)
      out.add('model.fromScratch', false, weights, `${ddppo}.pretrained: True loads ${shown(weights.value)}`);
    else
      out.add(
        'model.fromScratch',
        true,
        trainer,
        `${ddppo}.pretrained is not on: the policy starts from random weights`,
        'medium',
      );
    const updates = doc.get(`${SECTION}.num_updates`);
    const epochs = doc.get(`${SECTION}.rl.ppo.ppo_epoch`)?.value;
    const batches = doc.get(`${SECTION}.rl.ppo.num_mini_batch`)?.value;
    if (
      updates &&
      typeof updates.value === 'number' &&
      updates.value > 0 &&
      typeof epochs === 'number' &&
      typeof batches === 'number' &&
      epochs > 0 &&
      batches > 0
    )
      out.add(
        'training.steps',
        updates.value * epochs * batches,
        updates,
        `num_updates ${updates.value} × ppo_epoch ${epochs} × num_mini_batch ${batches} optimizer steps`,
      );
  },
};
