import { gatedTest } from '../requiredLiterals';
import type { Node } from 'web-tree-sitter';
import { normalisePrecision } from '../../precision';
import { callKeyword, evaluate } from '../../pythonValues';
import { callOf, scalar, type PythonReadContext } from '../context';
import type { FileRule } from '../rules';

/**
 * xtuner v1's config files (github.com/InternLM/xtuner, xtuner/v1/train/cli/sft.py and rl.py `--config FILE`):
 * a Python module that builds the trainer's config object at module level — `trainer = TrainerConfig(model_cfg=
 * Qwen3Dense4BConfig(), load_from=..., total_epoch=1, ...)` or `trainer = RLColocateTrainerConfig(
 * train_worker_cfg=WorkerConfig(model_cfg=...), total_train_steps=45, resources=AcceleratorResourcesConfig(
 * num_workers=8), ...)` — which the CLI imports and runs. The file is the run; the CLI program is not. Decided by
 * the shape (a module-level `name = <...>TrainerConfig(...)` naming a model config or a checkpoint), not by a path.
 */

/** A Hub id (`org/name`) as a checkpoint is named; a local folder is not one. */
const HUB_ID = /^[A-Za-z0-9][\w.-]*\/[\w.-]+$/;

/** `trainer = TrainerConfig(` / `RLColocateTrainerConfig(` at module level. Linear: one anchored name and a fixed suffix. */
export const TRAINER_CONFIG_ASSIGNMENT = /^[A-Za-z_]\w*[ \t]*=[ \t]*\w*TrainerConfig\(/m;
const assignsTrainerConfig = gatedTest(TRAINER_CONFIG_ASSIGNMENT);

/**
 * xtuner v1 trains under FSDP with `FSDPConfig.param_dtype` and `reduce_dtype` defaulting to torch.bfloat16
 * (xtuner/v1/config/fsdp.py): a config that leaves them computes in bfloat16.
 */
const FSDP_DEFAULT =
  'xtuner v1 FSDPConfig defaults param_dtype and reduce_dtype to torch.bfloat16 (xtuner/v1/config/fsdp.py)';

/** The model config a trainer names: its own `model_cfg=`, or its train worker's. */
function modelConfig(trainer: Node, ctx: PythonReadContext): { node: Node; call: Node | undefined } | undefined {
  const direct = callKeyword(trainer, 'model_cfg');
  if (direct) return { node: direct, call: callOf(direct, ctx) };
  const worker = callOf(callKeyword(trainer, 'train_worker_cfg'), ctx);
  const inner = worker ? callKeyword(worker, 'model_cfg') : null;
  return inner ? { node: inner, call: callOf(inner, ctx) } : undefined;
}

/**
 * The architecture a model-config class names, its size set apart so the name reads as a size
 * (`Qwen3Dense4BConfig` → Qwen3Dense-4B, `Qwen3MoE30BA3Config` → Qwen3MoE-30B-A3).
 */
export function architectureName(configClass: string): string {
  return configClass
    .replace(/Config$/, '')
    .replace(/([A-Za-z])(\d{1,4}(?:p\d{1,3})?[BM])(?=$|[A-Z_])/g, '$1-$2-')
    .replace(/-$/, '');
}

function positive(v: unknown): number | undefined {
  return typeof v === 'number' && v > 0 ? v : undefined;
}

export const xtunerV1Config: FileRule = {
  framework: 'xtuner',
  phase: 'after-calls',
  words: ['TrainerConfig'],
  // A literal first (fast to scan for), then the assignment itself.
  runStart: [/TrainerConfig\(/, TRAINER_CONFIG_ASSIGNMENT],
  read: (_index, ctx) => {
    if (!assignsTrainerConfig(ctx.text)) return;
    let trainer: Node | undefined;
    for (const statement of ctx.tree.rootNode.namedChildren) {
      const assignment = statement?.type === 'expression_statement' ? statement.namedChildren[0] : null;
      const right = assignment?.type === 'assignment' ? assignment.childForFieldName('right') : null;
      if (right?.type === 'call' && /TrainerConfig$/.test(ctx.callee(right).last)) trainer = right;
    }
    if (!trainer) return;
    const owner = ctx.callee(trainer).last;
    const model = modelConfig(trainer, ctx);
    const loadFrom = callKeyword(trainer, 'load_from');
    // A trainer config that names neither a model config nor a checkpoint is a fragment, not a run.
    if (!model && !loadFrom) return;
    const fn = trainer.childForFieldName('function') ?? trainer;
    ctx.add('run.framework', 'xtuner', fn, `xtuner v1 ${owner}`, 'medium');
    ctx.add(
      'launch.trainer',
      `xtuner:${owner}`,
      fn,
      `${owner}(...) at module level: the config \`xtuner/v1/train/cli --config\` loads and trains`,
      'medium',
    );
    const modelClass = model?.call ? ctx.callee(model.call).last : '';
    const checkpoint = loadFrom ? evaluate(loadFrom, ctx.symbols) : undefined;
    // The checkpoint loaded, when it is a Hub id (`load_from=os.environ.get('MODEL', 'Qwen/Qwen3-8B')`), is the model;
    // else `Qwen3Dense4BConfig()` names the architecture; `get_model_config_from_hf(path)` leaves it to the checkpoint.
    if (loadFrom && typeof checkpoint?.value === 'string' && HUB_ID.test(checkpoint.value)) {
      const via = checkpoint.via ? ` (${checkpoint.via})` : '';
      ctx.add(
        'model.id',
        checkpoint.value,
        loadFrom,
        `load_from in ${owner}${via}`,
        checkpoint.via ? 'medium' : 'high',
      );
      if (checkpoint.via) ctx.amendLast({ originLine: checkpoint.origin.startPosition.row });
    } else if (/^[A-Z]\w*Config$/.test(modelClass))
      ctx.add('model.id', architectureName(modelClass), model!.node, `model_cfg ${modelClass} in ${owner}`, 'medium');
    const loaded = loadFrom !== null && checkpoint?.value !== null;
    const reinforcement = /^RL/.test(owner);
    if (loaded || reinforcement)
      ctx.add(
        'model.fromScratch',
        false,
        loadFrom ?? fn,
        loaded ? `load_from in ${owner}: trained weights are loaded` : `${owner} trains a loaded policy`,
        'medium',
      );
    else
      ctx.add(
        'model.fromScratch',
        true,
        fn,
        `${owner} without load_from: ${modelClass || 'the model'} starts from random weights`,
        'medium',
      );
    for (const [name, kind] of [
      ['total_epoch', 'training.epochs'],
      ['total_step', 'training.steps'],
      ['total_train_steps', 'training.steps'],
    ] as const) {
      const node = callKeyword(trainer, name);
      if (node && evaluate(node, ctx.symbols)?.value !== null)
        ctx.addResolved(kind, node, `${name} in ${owner}`, positive);
    }
    const fsdp = callOf(callKeyword(trainer, 'fsdp_cfg'), ctx);
    const dtype = fsdp ? callKeyword(fsdp, 'param_dtype') : null;
    if (dtype)
      ctx.addResolved(
        'training.precision',
        dtype,
        `param_dtype in FSDPConfig`,
        (v) => normalisePrecision(scalar(v)) ?? undefined,
      );
    else ctx.add('training.precision', 'bf16', fsdp ?? fn, FSDP_DEFAULT, 'low');
    const resources = callOf(callKeyword(trainer, 'resources'), ctx);
    const workers = resources ? callKeyword(resources, 'num_workers') : null;
    if (workers)
      ctx.addResolved('hardware.devices', workers, `num_workers in ${ctx.callee(resources!).last}`, positive);
  },
};
