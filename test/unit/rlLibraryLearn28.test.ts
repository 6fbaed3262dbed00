import * as assert from 'node:assert/strict';
import type { Fact } from '../../src/core/facts';
import { OWN_LEARN_DETAIL, rlOwnLearnFacts } from '../../src/core/extract/python/readers/rlLibraryLearn';
import { analyzeSource, noFact, oneFact } from './helpers';

const marker: Fact = {
  kind: 'model.id',
  value: null,
  range: { startLine: 3, startCol: 0, endLine: 3, endCol: 0 },
  confidence: 'low',
  detail: `${OWN_LEARN_DETAIL}...) trains the algorithm the module implements`,
};

describe("An RL library's learn(...) programs (rlLibraryLearn)", () => {
  it("names a program's own learn by its module's file, not by a generic program name", () => {
    assert.equal(rlOwnLearnFacts('algos/her.py', [marker])[0]?.value, 'her');
    assert.deepEqual(rlOwnLearnFacts('scripts/train.py', [marker]), []);
    // A model another rule named stays.
    assert.deepEqual(rlOwnLearnFacts('algos/her.py', [marker, { ...marker, value: 'ddpg' }]), []);
  });

  it('reads a zero budget as a rollout and a learn call inside a library function as no run', async () => {
    const rollout = await analyzeSource(
      'play.py',
      [
        'import gym',
        'from agents import deepq',
        '',
        "if __name__ == '__main__':",
        "    env = gym.make('CartPole-v1')",
        "    act = deepq.learn(env, network='mlp', total_timesteps=0)",
        '',
      ].join('\n'),
    );
    oneFact(rollout.facts, 'launch.inference', 'rl-rollout');
    noFact(rollout.facts, 'launch.trainer', 'rl-learn');
    const library = await analyzeSource(
      'helpers.py',
      [
        'from agents import deepq',
        '',
        'def retrain(env, steps):',
        "    return deepq.learn(env, network='mlp', total_timesteps=steps)",
        '',
      ].join('\n'),
    );
    noFact(library.facts, 'launch.trainer', 'rl-learn');
  });
});
