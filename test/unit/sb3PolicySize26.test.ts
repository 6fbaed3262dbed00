import * as assert from 'node:assert/strict';
import { sb3EntryParams, sb3PolicyKwargs, sb3PolicyParams } from '../../src/core/extract/sb3PolicySize';

describe('Stable-Baselines3 MLP policy sizes (sb3PolicySize)', () => {
  it('counts the on-policy default: separate pi/vf [64, 64] towers, action and value heads', () => {
    // 4 -> 64 -> 64 twice (2 x 4,480), 64 -> 2 actions (130), 64 -> 1 value (65).
    assert.equal(sb3PolicyParams('ppo', { observation: 4, discreteActions: 2 }), 9155);
    // Continuous actions add one log-std per action; gSDE a (features x actions) matrix instead.
    assert.equal(sb3PolicyParams('a2c', { observation: 3, continuousActions: 1 }), 8963);
    assert.equal(sb3PolicyParams('a2c', { observation: 3, continuousActions: 1 }, { sde: true }), 9026);
  });

  it('counts SAC / TD3 / DDPG actors and their critics, not the target copies', () => {
    const arch = sb3PolicyKwargs('dict(log_std_init=-1, net_arch=[32, 32])')!;
    // actor 2 -> 32 -> 32 (1,152) + mean and log-std (33 + 33); critics 3 -> 32 -> 32 -> 1 (1,217) x 2.
    assert.equal(sb3PolicyParams('sac', { observation: 2, continuousActions: 1 }, arch), 3652);
    // DDPG: one action layer, one critic.
    assert.equal(sb3PolicyParams('ddpg', { observation: 2, continuousActions: 1 }, arch), 2402);
    assert.equal(sb3PolicyParams('td3', { observation: 2, discreteActions: 3 }), undefined);
  });

  it('reads dict(pi=..., qf=...) and leaves unknown what it cannot count', () => {
    assert.deepEqual(sb3PolicyKwargs('dict(net_arch=dict(pi=[16], qf=[8]))')?.qf, [8]);
    assert.equal(sb3PolicyKwargs('dict(features_extractor_class=MyNet)'), undefined);
    assert.equal(sb3PolicyParams('qrdqn', { observation: 4, discreteActions: 2 }), undefined);
    assert.equal(
      sb3EntryParams('ppo', 'Pendulum-v1', ['policy', 'frame_stack'], (k) => (k === 'policy' ? 'MlpPolicy' : '4')),
      undefined,
    );
    assert.equal(
      sb3EntryParams('ppo', 'NoSuchTask-v9', ['policy'], () => 'MlpPolicy'),
      undefined,
    );
  });
});
