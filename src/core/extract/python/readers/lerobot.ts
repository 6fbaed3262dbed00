import { startsARun, type Fact } from '../../../facts';
import type { Node } from 'web-tree-sitter';
import type { PythonReadContext } from '../context';
import type { CallRule, FileRule } from '../rules';

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
  // `predict_action_chunk(batch)`: PreTrainedPolicy's chunked inference (the async policy server calls it).
  callees: ['select_action', 'predict_action', 'predict_action_chunk'],
  words: ['select_action', 'predict_action'],
  runStart: [/\b(?:select_action|predict_action(?:_chunk)?)[ \t]*\(/, LEROBOT_POLICY],
  when: ({ full, ctx }) => full !== 'self.select_action' && LEROBOT_POLICY.test(ctx.text),
  read: ({ node, full, ctx }) => {
    ctx.add(
      'launch.inference',
      full,
      node.childForFieldName('function') ?? node,
      `${full}(...): a robot policy chooses actions step by step (inference)`,
      'medium',
    );
    readUseAmp(node, full, ctx);
  },
};

/**
 * `predict_action(..., use_amp=True)` or `use_amp=device.type == "cuda"`: LeRobot's control utilities run the policy
 * under `torch.autocast(device_type=device.type)` when use_amp is set on a CUDA device (lerobot/common/control_utils.py,
 * predict_action: "use_amp: A boolean to enable/disable Automatic Mixed Precision for CUDA inference"), and autocast on
 * CUDA computes in float16 unless told otherwise (PyTorch docs, torch.autocast: `dtype` defaults to
 * torch.get_autocast_dtype, float16 for "cuda"). An estimate runs on a GPU, so the policy computes in fp16.
 */
const AMP_ON_CUDA = /^(?:True|[\w.]{1,80}\.type[ \t]*==[ \t]*["']cuda["'])$/;

function readUseAmp(node: Node, full: string, ctx: PythonReadContext): void {
  const last = full.slice(full.lastIndexOf('.') + 1);
  if (last !== 'predict_action') return;
  const args = node.childForFieldName('arguments');
  const amp = args?.namedChildren.find(
    (c) => c?.type === 'keyword_argument' && c.childForFieldName('name')?.text === 'use_amp',
  );
  const value = amp?.childForFieldName('value');
  if (!value || value.text.length > 120 || !AMP_ON_CUDA.test(value.text)) return;
  ctx.add(
    'training.precision',
    'fp16',
    value,
    `${full}(use_amp=${value.text}): the policy runs under torch.autocast on CUDA (float16 by default)`,
    'medium',
  );
}

/**
 * A vision-language-action model loaded from the Hub with its own code (`AutoModelForVision2Seq.from_pretrained(path,
 * trust_remote_code=True)`, as OpenVLA checkpoints are) and asked for actions: `vla.predict_action(**inputs, ...)` is
 * the checkpoint's inference method (a forward pass that decodes action tokens), called per request or control step.
 */
const REMOTE_CODE_LOAD = /\.from_pretrained\(/;

export const remoteCodeActions: CallRule = {
  framework: 'transformers',
  callees: ['predict_action'],
  words: ['predict_action'],
  runStart: [/\bpredict_action[ \t]*\(/, /\btrust_remote_code\b/],
  when: ({ full, ctx }) =>
    full !== 'self.predict_action' &&
    full.includes('.') &&
    REMOTE_CODE_LOAD.test(ctx.text) &&
    /\btrust_remote_code[ \t]*=[ \t]*True\b/.test(ctx.text),
  read: ({ node, full, ctx }) => {
    ctx.add(
      'launch.inference',
      full,
      node.childForFieldName('function') ?? node,
      `${full}(...): the loaded vision-language-action model predicts an action (inference)`,
      'medium',
    );
  },
};

/**
 * LeRobot's rollout engine (`lerobot.rollout`, the `lerobot-rollout` CLI and the examples built on it):
 * `build_rollout_context(cfg, ...)` connects the robot and loads the policy the config names, and a strategy then
 * runs that policy at every control tick: an inference run of a trained policy.
 */
const ROLLOUT_IMPORT = /\bfrom[ \t]+lerobot\.rollout\b/;

export const rolloutContext: CallRule = {
  framework: 'lerobot',
  callees: ['build_rollout_context'],
  runStart: [/\bbuild_rollout_context[ \t]*\(/, ROLLOUT_IMPORT],
  when: ({ ctx }) => ROLLOUT_IMPORT.test(ctx.text),
  read: ({ node, full, ctx }) => {
    ctx.add(
      'launch.inference',
      full,
      node.childForFieldName('function') ?? node,
      `${full}(...): loads the policy and runs it on the robot at each control tick (inference)`,
      'medium',
    );
  },
};

/**
 * LeRobot's asynchronous inference (`lerobot.async_inference.policy_server.serve`): a gRPC server that loads the
 * policy a robot client asks for and answers its observations with action chunks: a serving run.
 */
const POLICY_SERVER_IMPORT = /\bfrom[ \t]+lerobot\.async_inference\.policy_server[ \t]+import\b[^\n]*\bserve\b/;

export const policyServer: CallRule = {
  framework: 'lerobot',
  callees: ['serve'],
  words: ['policy_server'],
  runStart: [/\bserve[ \t]*\(/, POLICY_SERVER_IMPORT],
  when: ({ full, ctx }) => full === 'serve' && POLICY_SERVER_IMPORT.test(ctx.text),
  read: ({ node, full, ctx }) => {
    ctx.add(
      'launch.inference',
      full,
      node.childForFieldName('function') ?? node,
      `${full}(...): starts LeRobot's policy server, which runs the policy a robot client asks for (inference)`,
      'medium',
    );
  },
};

/**
 * A LeRobot policy built from its config (`policy = ACTPolicy(cfg)`, `DiffusionPolicy(cfg)` with the class imported
 * from `lerobot.policies.<type>`): a new policy of that type at the config's sizes, trained from random weights (its
 * vision backbone may start from ImageNet weights, which does not make the policy a fine-tune). LeRobot names each
 * policy class `<Type>Policy` (`ACTPolicy`, `DiffusionPolicy`, `PI0Policy`, `GaussianActorPolicy`), so the class
 * names the type, `lerobot:<type>`; the catalog holds the size of the types it knows at LeRobot's default config
 * (`lerobot:act`, `lerobot:diffusion`), the others stay unsized.
 */
const POLICY_CLASS = /^([A-Z][A-Za-z0-9]{0,40})Policy$/;
const POLICY_IMPORT = /\bfrom[ \t]+lerobot\.policies(?:\.\w+){0,3}[ \t]+import\b/;

/** `ACTPolicy` → `lerobot:act` when the file imports its policies from lerobot.policies; else undefined. */
function policyTypeOf(className: string, text: string): string | undefined {
  const m = POLICY_CLASS.exec(className);
  if (!m || m[1] === 'PreTrained' || !POLICY_IMPORT.test(text)) return undefined;
  // The class must come from the import (`from lerobot.policies.act import ACTPolicy`), not be a local one.
  if (!new RegExp(`\\bimport\\b[^\\n]{0,400}\\b${className}\\b|^[ \\t]+${className},?[ \\t]*$`, 'm').test(text))
    return undefined;
  return `lerobot:${m[1].toLowerCase()}`;
}

export const policyConstruction: CallRule = {
  framework: 'lerobot',
  words: ['Policy('],
  when: ({ full, ctx }) => POLICY_CLASS.test(full) && policyTypeOf(full, ctx.text) !== undefined,
  read: ({ node, full, ctx }) => {
    const fn = node.childForFieldName('function') ?? node;
    ctx.add('model.id', policyTypeOf(full, ctx.text)!, fn, `${full}(...): a new LeRobot policy of this type`, 'medium');
    ctx.add('model.fromScratch', true, fn, `${full}(...) builds the policy from its config: random weights`, 'medium');
  },
};

/**
 * A trained LeRobot policy loaded with `ACTPolicy.from_pretrained(path)`: the checkpoint is the user's (a Hub id with
 * a placeholder, a local folder), but the class says which type of policy it is. The type is recorded beside the load
 * (read on by the generic from_pretrained rule), so a checkpoint that names no model still reads as that type at its
 * default size; a Hub id the load does name is surer and is kept.
 */
export const policyFromPretrained: CallRule = {
  framework: 'lerobot',
  callees: ['from_pretrained'],
  words: ['Policy.from_pretrained'],
  when: ({ full, ctx }) => {
    const owner = full.slice(0, -'.from_pretrained'.length);
    return POLICY_CLASS.test(owner) && policyTypeOf(owner, ctx.text) !== undefined;
  },
  read: ({ node, full, ctx }) => {
    const owner = full.slice(0, -'.from_pretrained'.length);
    ctx.add(
      'model.id',
      policyTypeOf(owner, ctx.text)!,
      node.childForFieldName('function') ?? node,
      `${owner}.from_pretrained: a trained LeRobot policy of this type`,
      'low',
    );
    return false;
  },
};

/**
 * Policy evaluations of a VLA research package (OpenVLA's experiments/robot scripts and the repositories built on
 * them): a config dataclass whose `model_family: str = "<family>"` picks the policy, `model = get_model(cfg)` from the
 * package's own module loads it (the checkpoint comes with the config), and an environment loop asks it for actions.
 * Nothing is trained (no backward pass, no optimiser): an inference run of the family the default names. The
 * checkpoint is the config's to give, so the size is left to a catalog row of that name.
 */
const MODEL_FAMILY_DEFAULT = /^[ \t]+model_family[ \t]*:[ \t]*str[ \t]*=[ \t]*["']([A-Za-z][\w.-]{0,60})["']/m;
const PACKAGE_GET_MODEL =
  /^from[ \t]+[A-Za-z_]\w{0,100}(?:\.\w{1,100}){1,8}[ \t]+import[ \t]+(?:\([^)]{0,2000}\bget_model\b|[^\n]{0,2000}\bget_model\b)/m;
const LOADS_POLICY = /^[ \t]*(\w+)[ \t]*=[ \t]*get_model\([ \t]*cfg\b/m;
const TRAINS = /\.backward\(|\boptim\.\w|\boptimizer\.step\(/;
const RUNS_AS_MAIN = /__name__\s*==\s*["']__main__["']/;

export const policyEvaluation: FileRule = {
  framework: 'python',
  phase: 'after-calls',
  words: ['model_family'],
  runStart: [LOADS_POLICY],
  read: (_index, ctx) => {
    const text = ctx.text;
    if (ctx.facts.some(startsARun) || !RUNS_AS_MAIN.test(text) || TRAINS.test(text)) return;
    const family = MODEL_FAMILY_DEFAULT.exec(text);
    const load = family && PACKAGE_GET_MODEL.test(text) ? LOADS_POLICY.exec(text) : null;
    if (!family || !load) return;
    const lineOf = (at: number) => text.slice(0, at).split('\n').length - 1;
    const at = (row: number): Fact['range'] => ({ startLine: row, startCol: 0, endLine: row, endCol: 0 });
    const loadRow = lineOf(load.index + load[0].length - load[0].trimStart().length);
    ctx.facts.push(
      {
        kind: 'launch.inference',
        value: 'get_model',
        range: at(loadRow),
        confidence: 'medium',
        detail: `${load[1]} = get_model(cfg) loads the policy the config names, and nothing here trains it: an evaluation (inference)`,
      },
      {
        kind: 'model.id',
        value: family[1],
        range: at(lineOf(family.index)),
        confidence: 'medium',
        detail: `model_family: "${family[1]}" (the config's default policy family)`,
      },
    );
  },
};
