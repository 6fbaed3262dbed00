import type { Node } from 'web-tree-sitter';
import { normalisePrecision } from '../../precision';
import { callKeyword, evaluate } from '../../pythonValues';
import { callOf, scalar, type PythonReadContext } from '../context';
import { readKeyword } from '../keywords';
import type { FileRule } from '../rules';

/**
 * A model-config object handed to a trainer (sixteenth round): a program builds one config dataclass instance
 * for its model — `config = GlowTTSConfig(batch_size=32, epochs=1000, mixed_precision=True, ...)` — and hands it
 * to a trainer, `trainer = Trainer(TrainerArgs(), config, output_path, model=model)` then `trainer.fit()`. The
 * config's keywords are the run's settings and its class names the model it configures. Decided by the shape
 * (a `<Name>Config(...)` bound to a name that a `*Trainer(...)` call receives positionally or as `config=`, in a
 * file that calls `.fit(`/`.train(`), whatever the framework; training-arguments classes (TrainingArguments,
 * TRL's `SFTConfig`, …) have their own readers and are left to them.
 */

/** Config classes other readers own, or that configure something other than the model. */
export const NOT_A_MODEL_CONFIG =
  /^(?:SFT|DPO|ORPO|KTO|GRPO|PPO|Reward|CPO|RLOO|BCO|GKD|PRM|XPO|Nash\w*|Online\w*|Lora|Peft|BitsAndBytes|Generation|Dataset|BaseDataset|Audio|Data|Optimizer|Deepspeed|DeepSpeed|Accelerator|Project|Logging|Wandb|TRL)Config$/;

/** Class names that say "the trainer's settings", not which model: they set the run but name nothing. */
export const GENERIC_CONFIG =
  /^(?:Base|Model|Train|Trainer|Training|Run|Experiment|Default|Shared|Main|Global|Job|Task)?Config$|Train/;

/** Epoch and batch keywords read through the shared sizing table. */
const SETTING_KEYWORDS = new Set(['epochs', 'num_epochs', 'max_epochs', 'n_epochs', 'batch_size', 'max_steps']);

/**
 * `mixed_precision=True` in a config handed to such a trainer turns on torch's automatic mixed precision, whose CUDA
 * dtype is float16 unless the config's `precision` says otherwise: coqui-ai/Trainer trainer/trainer.py
 * (`TrainerConfig.mixed_precision: bool = False`, "Use mixed precision training"; the AMP path uses
 * torch.cuda.amp.autocast) and the PyTorch docs for torch.autocast ("dtype ... Default: torch.float16" on CUDA,
 * pytorch.org/docs/stable/amp.html). `mixed_precision=False` trains in float32.
 */
const AMP_SOURCE =
  'mixed_precision=True is torch automatic mixed precision, float16 on CUDA by default (torch.autocast docs; coqui-ai/Trainer TrainerConfig)';

function configClass(call: Node, ctx: PythonReadContext): string | undefined {
  const last = ctx.callee(call).last;
  return /^[A-Z]\w*Config$/.test(last) && !NOT_A_MODEL_CONFIG.test(last) ? last : undefined;
}

/** The config calls a trainer call receives: positional names, or `config=`. */
function handedConfigs(trainer: Node, ctx: PythonReadContext): Array<{ call: Node; name: string }> {
  const out: Array<{ call: Node; name: string }> = [];
  for (const arg of trainer.childForFieldName('arguments')?.namedChildren ?? []) {
    if (!arg) continue;
    let value: Node | null = arg;
    if (arg.type === 'keyword_argument') {
      if (arg.childForFieldName('name')?.text !== 'config') continue;
      value = arg.childForFieldName('value');
    }
    if (value?.type !== 'identifier') continue;
    const call = callOf(value, ctx) ?? passedThrough(value.text, ctx);
    if (call && configClass(call, ctx)) out.push({ call, name: value.text });
    if (out.length >= 2) break;
  }
  return out;
}

/**
 * `tokenizer, config = TTSTokenizer.init_from_config(model_config)`: a module-level call that hands back the config
 * it was given (updated) among other values; the name then holds that config.
 */
function passedThrough(name: string, ctx: PythonReadContext): Node | undefined {
  for (const statement of ctx.tree.rootNode.namedChildren) {
    const assignment = statement?.type === 'expression_statement' ? statement.namedChildren[0] : null;
    if (assignment?.type !== 'assignment') continue;
    const left = assignment.childForFieldName('left');
    const right = assignment.childForFieldName('right');
    if (!left || right?.type !== 'call' || (left.type !== 'pattern_list' && left.type !== 'tuple_pattern')) continue;
    if (!left.namedChildren.some((n) => n?.text === name)) continue;
    const first = right.childForFieldName('arguments')?.namedChildren[0];
    const call = first?.type === 'identifier' ? callOf(first, ctx) : undefined;
    if (call && configClass(call, ctx)) return call;
  }
  return undefined;
}

/** A restore/checkpoint path some trainer-arguments call hands the trainer: a non-empty string restores weights. */
function restoredFrom(trainer: Node, ctx: PythonReadContext): string | undefined {
  for (const arg of trainer.childForFieldName('arguments')?.namedChildren ?? []) {
    const call = arg ? callOf(arg.type === 'keyword_argument' ? arg.childForFieldName('value') : arg, ctx) : undefined;
    if (!call || !/Args|Arguments/.test(ctx.callee(call).last)) continue;
    for (const key of ['restore_path', 'continue_path']) {
      const value = callKeyword(call, key);
      const r = value ? evaluate(value, ctx.symbols) : undefined;
      if (typeof r?.value === 'string' && r.value.length > 0) return r.value;
    }
  }
  return undefined;
}

function readPrecision(config: Node, owner: string, ctx: PythonReadContext, amp: Node | null): void {
  if (!amp) return;
  const r = evaluate(amp, ctx.symbols);
  if (r?.value === false) {
    ctx.add('training.precision', 'fp32', amp, `mixed_precision=False in ${owner}: float32`, r.via ? 'medium' : 'high');
    return;
  }
  if (r?.value !== true) return;
  const stated = callKeyword(config, 'precision');
  const named = stated ? evaluate(stated, ctx.symbols) : undefined;
  const p = named ? normalisePrecision(scalar(named.value)) : null;
  if (p && stated) ctx.add('training.precision', p, stated, `precision in ${owner} with mixed_precision=True`);
  else ctx.add('training.precision', 'fp16', amp, `mixed_precision=True in ${owner}: ${AMP_SOURCE}`, 'medium');
}

/** `config.epochs = 10000` after the config was built: the later value is the one the trainer sees. */
function laterAssignments(name: string, ctx: PythonReadContext, owner: string): void {
  for (const statement of ctx.tree.rootNode.namedChildren) {
    const assignment = statement?.type === 'expression_statement' ? statement.namedChildren[0] : null;
    if (assignment?.type !== 'assignment') continue;
    const left = assignment.childForFieldName('left');
    const right = assignment.childForFieldName('right');
    if (left?.type !== 'attribute' || !right || left.childForFieldName('object')?.text !== name) continue;
    const field = left.childForFieldName('attribute')?.text ?? '';
    if (SETTING_KEYWORDS.has(field)) readKeyword(field, right, ctx, `${name}.${field} (${owner})`);
  }
}

export const configTrainer: FileRule = {
  framework: 'config-trainer',
  phase: 'after-calls',
  words: ['Trainer', 'Config'],
  read: (index, ctx) => {
    if (!/Config\s*\(/.test(ctx.text) || !/\.(?:fit|train)\s*\(/.test(ctx.text)) return;
    let seen = 0;
    for (const call of index.calls) {
      const last = ctx.callee(call).last;
      if (!/Trainer$/.test(last)) continue;
      if (++seen > 20) return;
      for (const { call: config, name } of handedConfigs(call, ctx)) {
        const owner = ctx.callee(config).last;
        for (const kw of config.childForFieldName('arguments')?.namedChildren ?? []) {
          if (kw?.type !== 'keyword_argument') continue;
          const key = kw.childForFieldName('name')?.text ?? '';
          const value = kw.childForFieldName('value');
          if (value && SETTING_KEYWORDS.has(key)) readKeyword(key, value, ctx, owner);
        }
        readPrecision(config, owner, ctx, callKeyword(config, 'mixed_precision'));
        laterAssignments(name, ctx, owner);
        const fn = config.childForFieldName('function') ?? config;
        if (!GENERIC_CONFIG.test(owner)) {
          const model = owner.replace(/Config$/, '');
          ctx.add('model.id', model, fn, `${owner}(...) handed to ${last}: the model the config builds`, 'medium');
          const restored = restoredFrom(call, ctx);
          ctx.add(
            'model.fromScratch',
            !restored,
            fn,
            restored
              ? `${last} restores weights from "${restored.slice(0, 80)}"`
              : `${owner}(...) builds the model; ${last} restores no checkpoint`,
            'medium',
          );
        }
        return;
      }
    }
  },
};
