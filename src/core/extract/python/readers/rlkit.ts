import { evaluate, keywordArgument } from '../../pythonValues';
import type { Node } from 'web-tree-sitter';
import type { PythonReadContext } from '../context';
import type { CallRule } from '../rules';

/**
 * rlkit (rail-berkeley/rlkit), the Berkeley RL library behind SAC, TD3, AWAC, IQL and Skew-Fit's reference code.
 *
 * Its scripts describe a run as a `variant` dict and either build the algorithm themselves
 * (`TorchBatchRLAlgorithm(..., **variant['algorithm_kwargs'])` then `algorithm.train()`) or hand the variant to
 * `run_experiment(experiment, variant=variant)` from `rlkit.launchers.launcher_util`, which calls the experiment
 * function (a library module that builds and trains the algorithm) with it. That call starts the run.
 *
 * The schedule is the algorithm's keyword arguments, written in the variant as `dict(num_epochs=3000,
 * num_trains_per_train_loop=1000, ...)`. BatchRLAlgorithm's `_train` runs, for each of `num_epochs` epochs,
 * `num_train_loops_per_epoch` loops (default 1) of `num_trains_per_train_loop` gradient steps
 * (rlkit/core/batch_rl_algorithm.py, `__init__` and `_train`): steps = their product.
 */

/** `from rlkit.launchers.launcher_util import run_experiment` (also inside a function). */
const IMPORTS_LAUNCHER =
  /^[ \t]*from[ \t]+rlkit\.launchers(?:\.[\w.]{1,60})?[ \t]+import[^\n]{0,300}\brun_experiment\b/m;

export const rlkitRunExperiment: CallRule = {
  framework: 'rlkit',
  callees: ['run_experiment'],
  runStart: [/\brun_experiment[ \t]*\(/, /\brlkit\.launchers\b/],
  when: ({ full, ctx }) => full === 'run_experiment' && IMPORTS_LAUNCHER.test(ctx.text),
  read: ({ node, ctx }) => {
    ctx.add(
      'launch.trainer',
      'rlkit run_experiment',
      node.childForFieldName('function') ?? node,
      "run_experiment(experiment, variant=...) runs rlkit's experiment function with the variant (it trains)",
      'medium',
    );
  },
};

/** The keyword that marks a dict as rlkit's algorithm arguments. */
const TRAINS_PER_LOOP = 'num_trains_per_train_loop';

export const rlkitSchedule: CallRule = {
  framework: 'rlkit',
  callees: ['dict'],
  words: [TRAINS_PER_LOOP],
  when: ({ full, argsText }) => full === 'dict' && argsText.includes(TRAINS_PER_LOOP),
  // Returns false: the dict's `batch_size` is still the loader rule's to read (torch.loaderBatch).
  read: ({ node, args, ctx }) => {
    if (args) readSchedule(node, args, ctx);
    return false;
  },
};

function readSchedule(node: Node, args: Node, ctx: PythonReadContext): void {
  const number = (name: string) => {
    const at = keywordArgument(args, name);
    const value = at ? evaluate(at, ctx.symbols)?.value : undefined;
    return at && typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? { at, value } : undefined;
  };
  const epochs = number('num_epochs');
  const trains = number(TRAINS_PER_LOOP);
  if (!epochs) return;
  ctx.add('training.epochs', epochs.value, epochs.at, `num_epochs=${epochs.value} (rlkit's algorithm arguments)`);
  if (!trains) return;
  const loopsAt = keywordArgument(args, 'num_train_loops_per_epoch');
  const loops = loopsAt ? number('num_train_loops_per_epoch') : { at: node, value: 1 };
  if (!loops) return;
  ctx.add(
    'training.steps',
    epochs.value * loops.value * trains.value,
    node,
    `num_epochs=${epochs.value} × num_train_loops_per_epoch=${loops.value}${loopsAt ? '' : ' (its default)'} × ` +
      `${TRAINS_PER_LOOP}=${trains.value}: the gradient steps of rlkit's BatchRLAlgorithm`,
  );
}

/** `from rlkit.samplers.rollout_functions import rollout` (or `multitask_rollout`). */
const IMPORTS_ROLLOUT =
  /^[ \t]*from[ \t]+rlkit\.samplers(?:\.[\w.]{1,60})?[ \t]+import[^\n]{0,300}\b\w{0,30}rollout\b/m;

/**
 * rlkit's policy viewers (`scripts/run_policy.py`): a saved snapshot's policy (`torch.load(args.file)['evaluation/policy']`)
 * rolled out in its environment by rlkit's `rollout(env, policy, max_path_length=...)`, over and over: the trained
 * policy acting, an inference run.
 */
export const rlkitRollout: CallRule = {
  framework: 'rlkit',
  callees: ['rollout', 'multitask_rollout'],
  runStart: [/\b(?:multitask_)?rollout[ \t]*\(/, /\brlkit\.samplers\b/],
  when: ({ full, ctx }) => (full === 'rollout' || full === 'multitask_rollout') && IMPORTS_ROLLOUT.test(ctx.text),
  read: ({ node, full, ctx }) => {
    ctx.add(
      'launch.inference',
      `rlkit ${full}`,
      node.childForFieldName('function') ?? node,
      `${full}(env, policy, ...) runs a trained policy in its environment (rlkit's rollout functions)`,
      'medium',
    );
    ctx.add('model.fromScratch', false, node, `${full} acts with a policy loaded from a saved snapshot`, 'medium');
  },
};
