import type { CallRule } from '../rules';

/**
 * Ray-distributed trainers (RLHF/GRPO programs that run the policy in Ray actors and generation in vLLM
 * engines that are Ray actors too): the program's own code calls the actors' methods through
 * `.remote()` (Ray's actor API: `actor.method.remote(...)`), so the training starts at
 * `[m.fit.remote() for m in policy_group.models]`, and generation at the engines the program creates.
 */

/** `model.fit.remote()`, `actor.train.remote(...)`: a training method of a Ray actor, started. */
export const remoteTraining: CallRule = {
  framework: 'ray',
  callees: ['remote'],
  runStart: /\.(?:fit|train)\.remote\s*\(/,
  words: ['.remote('],
  when: ({ full }) => /\.(fit|train)\.remote$/.test(full),
  read: ({ node, full, ctx }) => {
    ctx.add(
      'launch.trainer',
      'fit',
      node.childForFieldName('function') ?? node,
      `${full}(...) runs training in Ray actors`,
      'medium',
    );
  },
};

/**
 * `create_vllm_engines(...)`: vLLM engines started as Ray actors (the helper RLHF frameworks name so), which
 * generate for the program; with no training beside them, the program is a generation run.
 */
export const rayVllmEngines: CallRule = {
  framework: 'ray',
  callees: ['create_vllm_engines', 'create_vllm_engine'],
  runStart: /\bcreate_vllm_engines?\s*\(/,
  read: ({ node, full, ctx }) => {
    const fn = node.childForFieldName('function') ?? node;
    ctx.add('inference.engine', 'vllm', fn, `${full}(...): vLLM engines (Ray actors) batch requests continuously`);
    ctx.add('launch.inference', full, fn, `${full}(...) starts vLLM engines that generate`, 'medium');
  },
};
