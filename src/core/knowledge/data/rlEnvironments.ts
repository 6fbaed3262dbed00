/**
 * Observation and action sizes of well-known reinforcement-learning environments, as their documentation states them:
 * what a policy network built from `envs.single_observation_space.shape` and `envs.single_action_space.n` (or `.shape`
 * for continuous actions) takes in and puts out. Only the environments whose page states both; an environment not
 * here leaves such a network's size unknown. `observation` is the flat size of one observation (a frame stack's
 * shape is set by the wrappers, not here, so Atari rows give only their actions).
 */
export interface RlEnvironmentSpaces {
  readonly ids: readonly string[];
  readonly observation?: number;
  /** Discrete actions (`Discrete(n)`): the policy's logits. */
  readonly discreteActions?: number;
  /** Continuous actions (`Box(..., (n,))`): the policy's means. */
  readonly continuousActions?: number;
  readonly source: string;
}

export const RL_ENVIRONMENTS: readonly RlEnvironmentSpaces[] = [
  {
    ids: ['CartPole-v1', 'CartPole-v0'],
    observation: 4,
    discreteActions: 2,
    source:
      'Gymnasium documentation, Cart Pole: Action Space Discrete(2), Observation Space Box(..., (4,), float32) (https://gymnasium.farama.org/environments/classic_control/cart_pole/)',
  },
  {
    ids: ['MountainCar-v0'],
    observation: 2,
    discreteActions: 3,
    source:
      'Gymnasium documentation, Mountain Car: Action Space Discrete(3), Observation Space Box([-1.2 -0.07], [0.6 0.07], (2,), float32) (https://gymnasium.farama.org/environments/classic_control/mountain_car/)',
  },
  {
    ids: ['MountainCarContinuous-v0'],
    observation: 2,
    continuousActions: 1,
    source:
      'Gymnasium documentation, Mountain Car Continuous: Action Space Box(-1.0, 1.0, (1,), float32), Observation Space Box([-1.2 -0.07], [0.6 0.07], (2,), float32) (https://gymnasium.farama.org/environments/classic_control/mountain_car_continuous/)',
  },
  {
    ids: ['Pendulum-v1'],
    observation: 3,
    continuousActions: 1,
    source:
      'Gymnasium documentation, Pendulum: Action Space Box(-2.0, 2.0, (1,), float32), Observation Space Box([-1. -1. -8.], [1. 1. 8.], (3,), float32) (https://gymnasium.farama.org/environments/classic_control/pendulum/)',
  },
  {
    ids: ['HalfCheetah-v4', 'HalfCheetah-v5'],
    observation: 17,
    continuousActions: 6,
    source:
      'Gymnasium documentation, Half Cheetah: Action Space Box(-1.0, 1.0, (6,), float32), Observation Space Box(-inf, inf, (17,), float64) (https://gymnasium.farama.org/environments/mujoco/half_cheetah/)',
  },
  {
    ids: ['BreakoutNoFrameskip-v4', 'Breakout-v5', 'ALE/Breakout-v5'],
    discreteActions: 4,
    source:
      'ALE documentation, Breakout: Action Space Discrete(4) (NOOP, FIRE, RIGHT, LEFT) (https://ale.farama.org/environments/breakout/)',
  },
];

/** The documented sizes of an environment by its id, if the table has it. */
export function rlEnvironmentSpaces(id: string): RlEnvironmentSpaces | undefined {
  return RL_ENVIRONMENTS.find((e) => e.ids.includes(id));
}
