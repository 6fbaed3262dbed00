import { startsARun } from '../../../facts';
import { executedRowMask } from '../entryPoint';
import type { FileRule } from '../rules';

/**
 * An RL algorithm handed its networks by the constructor it builds them with, in code that runs:
 *
 *     if __name__ == '__main__':
 *         ppo(lambda: gym.make(args.env), actor_critic=core.MLPActorCritic, ac_kwargs=dict(hidden_sizes=[64] * 2))
 *
 * (OpenAI Spinning Up's algorithms, `def ppo(env_fn, actor_critic=core.MLPActorCritic, ...)`, and the many codebases
 * that copy them). The policy and value networks the run trains are what that constructor builds: it names the
 * model. Their size depends on the environment's observation and action spaces, so it stays unknown here.
 */
const ACTOR_CRITIC = /\bactor_critic[ \t]*=[ \t]*((?:[A-Za-z_]\w{0,60}\.){0,4}([A-Za-z_]\w{0,60}))[ \t]*[,)\n]/g;
const MAX_MATCHES = 20;

export const actorCriticArgument: FileRule = {
  framework: 'rl',
  phase: 'after-calls',
  words: ['actor_critic'],
  read: (_index, ctx) => {
    if (!ctx.facts.some(startsARun) || ctx.facts.some((f) => f.kind === 'model.id' && f.value !== null)) return;
    const executed = executedRowMask(ctx.tree);
    let seen = 0;
    for (const m of ctx.text.matchAll(ACTOR_CRITIC)) {
      if (++seen > MAX_MATCHES) return;
      // The keyword of a call (`ppo(..., actor_critic=core.MLPActorCritic)`), in code that runs: a function's
      // parameter default (`def ppo(env_fn, actor_critic=core.MLPActorCritic)`) is no call's argument.
      const keyword = ctx.tree.rootNode.descendantForIndex(m.index)?.parent;
      const call = keyword?.type === 'keyword_argument' ? keyword.parent?.parent : undefined;
      if (!keyword || call?.type !== 'call' || executed[call.startPosition.row] !== 1) continue;
      ctx.add(
        'model.id',
        m[2],
        keyword,
        `actor_critic=${m[1]} (line ${keyword.startPosition.row + 1}): the constructor of the policy and value networks the run trains`,
        'low',
      );
      return;
    }
  },
};
