import type { CallRule } from '../rules';

/**
 * LeRobot policies (github.com/huggingface/lerobot, `lerobot.policies`): a trained policy loaded with
 * `ACTPolicy.from_pretrained(...)` (or built by the `lerobot` rollout helpers) drives a robot or a simulated
 * environment by calling `policy.select_action(observation)` for each step (PreTrainedPolicy's inference
 * method; `predict_action(...)` in lerobot's control utilities wraps it). A script that does so runs the
 * policy's forward pass once per control step: an inference run, of the policy `from_pretrained` names.
 */
const LEROBOT_POLICY = /\bfrom[ \t]+lerobot\b|\b\w*Policy\.from_pretrained\b/;

export const policyActions: CallRule = {
  framework: 'lerobot',
  callees: ['select_action', 'predict_action'],
  words: ['select_action', 'predict_action'],
  runStart: [/\b(?:select_action|predict_action)[ \t]*\(/, LEROBOT_POLICY],
  when: ({ full, ctx }) => full !== 'self.select_action' && LEROBOT_POLICY.test(ctx.text),
  read: ({ node, full, ctx }) => {
    ctx.add(
      'launch.inference',
      full,
      node.childForFieldName('function') ?? node,
      `${full}(...): a robot policy chooses actions step by step (inference)`,
      'medium',
    );
  },
};
