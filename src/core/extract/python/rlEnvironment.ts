/**
 * Environments of reinforcement learning built by a script: Gymnasium/Gym `gym.make(...)` and its vector envs,
 * EnvPool `envpool.make(...)`, Procgen `ProcgenEnv(...)`, IsaacGymEnvs `isaacgymenvs.make(...)`, PettingZoo's
 * `parallel_env(...)`. A script that steps them learns a policy by interaction (Sutton & Barto, "Reinforcement
 * Learning: An Introduction", 2nd ed., ch. 1), with a network it builds itself unless it loads weights. Bounded
 * words, so linear.
 */
const SIMULATED_ENVIRONMENT =
  /\b(?:gym|gymnasium|envpool|isaacgymenvs)\.make(?:_vec)?[ \t]*\(|\bgym(?:nasium)?\.vector\.\w{1,40}|\bProcgenEnv[ \t]*\(|\.parallel_env[ \t]*\(/;

/** The first words of a simulated environment the text builds, if any. */
export function simulatedEnvironment(text: string): string | undefined {
  return SIMULATED_ENVIRONMENT.exec(text)?.[0];
}
