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

/**
 * The environment id a script trains on by default: a dataclass or settings field `env_id: str = "CartPole-v1"`, or
 * an `--env-id`/`--env` flag's `default="..."`. Bounded, so linear.
 */
const ENV_ID_FIELD = /^[ \t]*env_id[ \t]*(?::[ \t]*str[ \t]*)?=[ \t]*["']([\w./:-]{1,80})["']/m;
const ENV_ID_FLAG = /["']--env(?:[-_]id)?["'][^)]{0,300}?\bdefault[ \t]*=[ \t]*["']([\w./:-]{1,80})["']/;

export function defaultEnvironmentId(text: string): string | undefined {
  return (ENV_ID_FIELD.exec(text) ?? ENV_ID_FLAG.exec(text))?.[1];
}
