import type { Node } from 'web-tree-sitter';
import { startsARun } from '../../../facts';
import { evaluate, keywordArgument, positionalArguments, type Resolved } from '../../pythonValues';
import { flagsOf, nodeRange, type PythonReadContext } from '../context';
import type { SyntaxIndex } from '../syntaxIndex';
import type { FileRule } from '../rules';

/**
 * Training programs built on Tianshou's trainers (https://tianshou.org, thu-ml/tianshou), in the three shapes its
 * releases and examples use:
 *
 * - the trainer-parameters objects of Tianshou 2 (`OffPolicyTrainerParams(...)`, `OnPolicyTrainerParams(...)`,
 *   `OfflineTrainerParams(...)`) handed to `algorithm.run_training(...)`;
 * - the high-level experiment builders (`DQNExperimentBuilder(env_factory, experiment_config, training_config)` with
 *   an `OffPolicyTrainingConfig(...)` / `OnPolicyTrainingConfig(...)`, then `.build_and_run(...)` or `.build()` and
 *   `.run(...)`);
 * - the trainer classes and functions of Tianshou 0.4–1.x (`OffpolicyTrainer(policy=..., max_epoch=...,
 *   step_per_epoch=..., step_per_collect=..., update_per_step=...).run()`, `offpolicy_trainer(policy, train_collector,
 *   test_collector, max_epoch, step_per_epoch, step_per_collect, ...)`, `OfflineTrainer(..., update_per_epoch=...)`).
 *
 * Each trains a new agent by interaction with its environments (or, offline, on a stored buffer): a training run from
 * scratch whose model is the algorithm class it trains (`DQN(...)`, `DQNPolicy(...)`, the builder's prefix). Its
 * length is the trainer's epochs; its optimizer steps follow the trainer's documented arithmetic (tianshou/trainer.py,
 * `TrainerParams.max_epochs` and `OffPolicyTrainerParams.update_step_num_gradient_steps_per_sample`):
 *
 * - off-policy: each epoch is `ceil(s / n)` collection steps of `n` environment steps (`epoch_num_steps` /
 *   `step_per_epoch` = s, `collection_step_num_env_steps` / `step_per_collect` = n), each followed by `round(u × n)`
 *   gradient steps (`update_step_num_gradient_steps_per_sample` / `update_per_step` = u, default 1);
 * - offline: `epoch_num_steps` (`update_per_epoch`) gradient steps per epoch;
 * - on-policy: the gradient steps depend on how each rollout is split into minibatches: not counted.
 *
 * The defaults of Tianshou 2's parameter objects and training configs (max_epochs 100, epoch_num_steps 30000,
 * collection_step_num_env_steps 2048, update_step_num_gradient_steps_per_sample 1.0: tianshou/trainer.py
 * `TrainerParams`, tianshou/highlevel/config.py `TrainingConfig`) fill what a call leaves out; the older trainers'
 * epochs and steps have no default (required arguments), so what such a call leaves out stays unknown.
 */

type Regime = 'off-policy' | 'on-policy' | 'offline';
/** params: Tianshou 2 `*TrainerParams`; config: high-level `*TrainingConfig`; trainer / function: Tianshou 0.4–1.x. */
type Api = 'params' | 'config' | 'trainer' | 'function';

const TRAINER_CALLS: ReadonlyMap<string, { regime: Regime; api: Api }> = new Map([
  ['OffPolicyTrainerParams', { regime: 'off-policy', api: 'params' }],
  ['OnPolicyTrainerParams', { regime: 'on-policy', api: 'params' }],
  ['OfflineTrainerParams', { regime: 'offline', api: 'params' }],
  ['OffPolicyTrainingConfig', { regime: 'off-policy', api: 'config' }],
  ['OnPolicyTrainingConfig', { regime: 'on-policy', api: 'config' }],
  ['OfflineTrainingConfig', { regime: 'offline', api: 'config' }],
  ['OffpolicyTrainer', { regime: 'off-policy', api: 'trainer' }],
  ['OnpolicyTrainer', { regime: 'on-policy', api: 'trainer' }],
  ['OffPolicyTrainer', { regime: 'off-policy', api: 'trainer' }],
  ['OnPolicyTrainer', { regime: 'on-policy', api: 'trainer' }],
  ['OfflineTrainer', { regime: 'offline', api: 'trainer' }],
  ['offpolicy_trainer', { regime: 'off-policy', api: 'function' }],
  ['onpolicy_trainer', { regime: 'on-policy', api: 'function' }],
  ['offline_trainer', { regime: 'offline', api: 'function' }],
] as const);

/** The library, imported (`from tianshou.trainer import ...`, `import tianshou as ts`). */
const USES_TIANSHOU = /^[ \t]*(?:from|import)[ \t]+tianshou\b/m;
/** Calls that run what the parameters describe. */
const RUN_CALLS = new Set(['run_training', 'build_and_run']);
const RUN_METHOD = /\.run[ \t]*\(/;
const BUILD_METHOD = /\.build[ \t]*\([ \t]*\)/;
/** `DQNExperimentBuilder(`: the algorithm is the builder's prefix. */
const BUILDER = /^([A-Z]\w{0,40}?)ExperimentBuilder$/;

/** Tianshou 2 documented defaults (tianshou/trainer.py TrainerParams / OnlineTrainerParams / OffPolicyTrainerParams). */
const DEFAULT_MAX_EPOCHS = 100;
const DEFAULT_EPOCH_NUM_STEPS = 30000;
const DEFAULT_COLLECTION_STEPS = 2048;
/** Both generations: one gradient step per collected transition unless told (`update_per_step: ... = 1`). */
const DEFAULT_UPDATE_PER_STEP = 1;

/**
 * Positions of the older functional API's arguments (`offpolicy_trainer(policy, train_collector, test_collector,
 * max_epoch, step_per_epoch, ...)`; `offline_trainer(policy, buffer, test_collector, max_epoch, update_per_epoch, ...)`).
 * Only the epochs and the steps per epoch are read by position: the fifth argument changed meaning between releases
 * (`collect_per_step` before 0.4, `step_per_collect` after).
 */
const POSITION_MAX_EPOCH = 3;
const POSITION_STEP_PER_EPOCH = 4;

interface Read {
  readonly value: number;
  readonly node: Node | undefined;
  readonly resolved?: Resolved;
  readonly defaulted: boolean;
}

function argument(call: Node, keywords: readonly string[], position?: number): Node | undefined {
  const args = call.childForFieldName('arguments');
  if (!args) return undefined;
  for (const k of keywords) {
    const v = keywordArgument(args, k);
    if (v) return v;
  }
  return position !== undefined ? positionalArguments(args)[position] : undefined;
}

function number(
  call: Node,
  ctx: PythonReadContext,
  keywords: readonly string[],
  fallback: number | undefined,
  position?: number,
): Read | null | undefined {
  const node = argument(call, keywords, position);
  if (!node) return fallback === undefined ? undefined : { value: fallback, node: undefined, defaulted: true };
  const r = evaluate(node, ctx.symbols);
  if (!r || typeof r.value !== 'number' || !Number.isFinite(r.value)) return null;
  return { value: r.value, node, resolved: r, defaulted: false };
}

/** Python's round(): halves to the even neighbour. */
function pyRound(x: number): number {
  const floor = Math.floor(x);
  const diff = x - floor;
  if (Math.abs(diff - 0.5) < 1e-9) return floor % 2 === 0 ? floor : floor + 1;
  return Math.round(x);
}

/** Assignments of one name looked at per file (a program builds its algorithm once or twice). */
const MAX_ASSIGNMENTS = 20;

/**
 * The class a name was built from (`algorithm = DQN(...)`, `policy: PPOPolicy = PPOPolicy(...)`, `ts.algorithm.DQN(`):
 * the first assignment of the name to a class call that is no wrapper (`ICMOffPolicyWrapper(wrapped_algorithm=...)`
 * adds a module around the algorithm it is given, which stays the one trained). Read from the text: the assignment's
 * line holds no word the line prefilter keeps.
 */
function builtClass(node: Node | null | undefined, ctx: PythonReadContext): string | undefined {
  if (node?.type === 'call') {
    const full = ctx.callee(node).full;
    return /^[\w.]{1,200}$/.test(full) ? full.slice(full.lastIndexOf('.') + 1) : undefined;
  }
  if (node?.type !== 'identifier' || !/^\w{1,100}$/.test(node.text)) return undefined;
  const assignment = new RegExp(
    `^[ \\t]*${node.text}[ \\t]*(?::[^=\\n]{0,100})?=[ \\t]*([\\w.]{1,200})[ \\t]*\\(`,
    'gm',
  );
  let seen = 0;
  for (const m of ctx.text.matchAll(assignment)) {
    if (++seen > MAX_ASSIGNMENTS) break;
    const cls = m[1].slice(m[1].lastIndexOf('.') + 1);
    if (!/Wrapper$/.test(cls)) return cls;
  }
  return undefined;
}

/** An algorithm class's name as the run's model (`DQNPolicy` → `dqn`, `DiscreteSAC` → `discretesac`). */
function algorithmName(cls: string | undefined): string | undefined {
  const name = cls?.replace(/Policy$/, '');
  if (!name || !/^[A-Z]/.test(name) || /Wrapper$/.test(name)) return undefined;
  return name.toLowerCase();
}

function flagsOfRead(r: Read | null | undefined): string[] {
  return r?.resolved?.via ? flagsOf(r.resolved.via) : [];
}

function describe(label: string, r: Read): string {
  if (r.defaulted) return `${label} ${r.value} (the trainer's default)`;
  return `${label} ${r.value}${r.resolved?.via ? ` (${r.resolved.via})` : ''}`;
}

function readTrainer(index: SyntaxIndex, ctx: PythonReadContext, call: Node, regime: Regime, api: Api): void {
  const calls = index.calls;
  const runCall = calls.find((c) => RUN_CALLS.has(ctx.callee(c).last));
  const builder = calls.map((c) => BUILDER.exec(ctx.callee(c).last)).find((m) => m !== null);
  // What runs the parameters: run_training / build_and_run, a trainer object's `.run()`, or the function itself.
  // A trainer object runs by `.run()` or by iterating it epoch by epoch (`for epoch, stats, info in OffpolicyTrainer(...)`);
  // a high-level experiment by `.build()` and then `.run(...)`.
  const runs =
    api === 'function' ||
    runCall !== undefined ||
    (api === 'trainer' && (RUN_METHOD.test(ctx.text) || call.parent?.type === 'for_statement')) ||
    (api === 'config' && BUILD_METHOD.test(ctx.text) && RUN_METHOD.test(ctx.text));
  if (!runs) return;
  if (api === 'config' && !builder) return;
  const at = runCall ?? call;
  const range = nodeRange(at);
  const className =
    api === 'config'
      ? builder?.[1]
      : api === 'params'
        ? builtClass(
            runCall && ctx.callee(runCall).full.includes('.')
              ? runCall.childForFieldName('function')?.childForFieldName('object')
              : undefined,
            ctx,
          )
        : builtClass(argument(call, ['policy', 'algorithm'], 0), ctx);
  const model = api === 'config' ? className?.toLowerCase() : algorithmName(className);
  if (model && !ctx.facts.some((f) => f.kind === 'model.id' && f.value))
    ctx.facts.push({
      kind: 'model.id',
      value: model,
      range,
      confidence: 'medium',
      detail:
        api === 'config'
          ? `${className}ExperimentBuilder: Tianshou's high-level experiment for the ${className} algorithm`
          : `the Tianshou algorithm the trainer runs (${className})`,
    });
  const documented = api === 'params' || api === 'config';
  const position = api === 'function';
  const epochs = number(
    call,
    ctx,
    ['max_epochs', 'max_epoch'],
    documented ? DEFAULT_MAX_EPOCHS : undefined,
    position ? POSITION_MAX_EPOCH : undefined,
  );
  if (epochs && epochs.value > 0 && !ctx.facts.some((f) => f.kind === 'training.epochs')) {
    const flags = flagsOfRead(epochs);
    ctx.facts.push({
      kind: 'training.epochs',
      value: epochs.value,
      range: epochs.node ? nodeRange(epochs.node) : nodeRange(call),
      confidence: epochs.defaulted ? 'low' : epochs.resolved?.via ? 'medium' : 'high',
      detail: `${ctx.callee(call).last}: ${describe('max_epochs', epochs)}`,
      ...(epochs.resolved?.via ? { originLine: epochs.resolved.origin.startPosition.row } : {}),
      ...(flags.length > 0 ? { fromFlags: flags } : {}),
    });
  }
  if (!ctx.facts.some((f) => f.kind === 'model.fromScratch'))
    ctx.facts.push({
      kind: 'model.fromScratch',
      value: true,
      range,
      confidence: 'low',
      detail:
        regime === 'offline'
          ? 'the Tianshou trainer trains a new agent on a stored buffer of transitions'
          : 'the Tianshou trainer trains a new agent by interaction with its environments',
    });
  if (!ctx.facts.some(startsARun))
    ctx.facts.push({
      kind: 'launch.trainer',
      value: `tianshou-${regime}`,
      range,
      confidence: 'medium',
      detail: `${ctx.callee(at).last}(...) runs Tianshou's ${regime} trainer (${ctx.callee(call).last})`,
    });
  if (regime === 'on-policy' || !epochs || ctx.facts.some((f) => f.kind === 'training.steps')) return;
  const perEpoch = number(
    call,
    ctx,
    regime === 'offline'
      ? ['epoch_num_steps', 'update_per_epoch', 'step_per_epoch']
      : ['epoch_num_steps', 'step_per_epoch'],
    documented ? DEFAULT_EPOCH_NUM_STEPS : undefined,
    position ? POSITION_STEP_PER_EPOCH : undefined,
  );
  if (!perEpoch || perEpoch.value <= 0) return;
  let steps: number;
  let detail: string;
  const used: Array<Read | null | undefined> = [epochs, perEpoch];
  if (regime === 'offline') {
    steps = epochs.value * perEpoch.value;
    detail = `${describe('max_epochs', epochs)} × ${describe('epoch_num_steps', perEpoch)} gradient steps per epoch (an offline trainer's steps per epoch are gradient steps)`;
  } else {
    // Episodes per collection step instead of environment steps: the collected transitions are not known.
    if (argument(call, ['collection_step_num_episodes', 'episode_per_collect'])) return;
    const collect = number(
      call,
      ctx,
      ['collection_step_num_env_steps', 'step_per_collect'],
      documented ? DEFAULT_COLLECTION_STEPS : undefined,
    );
    const update = number(
      call,
      ctx,
      ['update_step_num_gradient_steps_per_sample', 'update_per_step'],
      DEFAULT_UPDATE_PER_STEP,
    );
    if (!collect || collect.value <= 0 || !update || update.value < 0) return;
    used.push(collect, update);
    const collections = Math.ceil(perEpoch.value / collect.value);
    const perCollection = pyRound(update.value * collect.value);
    steps = epochs.value * collections * perCollection;
    detail = `${describe('max_epochs', epochs)} × ceil(${describe('epoch_num_steps', perEpoch)} / ${describe('collection_step_num_env_steps', collect)}) collection steps × round(${describe('update_per_step', update)} × ${collect.value}) gradient steps each`;
  }
  if (!(steps > 0) || !Number.isSafeInteger(steps)) return;
  const flags = [...new Set(used.flatMap(flagsOfRead))];
  ctx.facts.push({
    kind: 'training.steps',
    value: steps,
    range: nodeRange(call),
    confidence: used.some((r) => r?.defaulted) ? 'low' : 'medium',
    detail: `${ctx.callee(call).last}: ${detail}`,
    // Where a user edits the length: the epochs' literal (the other factors are per-epoch settings).
    ...(epochs.resolved ? { originLine: epochs.resolved.origin.startPosition.row } : {}),
    ...(flags.length > 0 ? { fromFlags: flags } : {}),
  });
}

export const rlTrainer: FileRule = {
  framework: 'tianshou',
  phase: 'after-calls',
  words: [...TRAINER_CALLS.keys(), 'run_training', 'build_and_run', 'ExperimentBuilder'],
  runStart: [
    /\btianshou\b/,
    /\b(?:Off|On)[Pp]olicyTrain(?:er|ingConfig)|\bOffline(?:Trainer|TrainingConfig)\b|\b(?:off|on)policy_trainer\b|\boffline_trainer\b/,
  ],
  read: (index: SyntaxIndex, ctx: PythonReadContext) => {
    if (!USES_TIANSHOU.test(ctx.text)) return;
    for (const call of index.calls) {
      const shape = TRAINER_CALLS.get(ctx.callee(call).last);
      if (!shape) continue;
      readTrainer(index, ctx, call, shape.regime, shape.api);
      return;
    }
  },
};
