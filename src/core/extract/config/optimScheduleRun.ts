import type { ConfigDialect, ConfigDoc, ConfigValue, FactSink } from './dialect';
import { globalPackage } from './hydraExperiment';

/**
 * Run configs that keep the training loop's schedule in their optimizer section (twenty-third round, set Z): `optim:
 * {name: adamw, base_lr: 2e-2, batch_size: 128, total_steps: 65536, epochs: -1, grad_acc: 1}` beside a `model:` section
 * naming the network (`model: {name: <Hub id>, random_init: true, checkpoint_path: ''}`) and a top-level `mode: pt|ft`,
 * the shape of Hydra-composed research trainers whose program reads `args.optim.total_steps` as its loop bound. A
 * section that holds both the batch the loop draws (`batch_size`) and how long it runs (`total_steps`, or `epochs`
 * above zero) is the run's schedule: a scheduler's own `total_steps` (OneCycleLR) sits in a scheduler section
 * without a batch, and is not read here. The config is then the definition of a run:
 * - its steps (`total_steps`, a literal above zero), epochs (the generic key table reads `epochs`), and `grad_acc`
 *   micro-batches a step;
 * - the model (`model.name` when it is a Hub id `org/name`: a bare word is as often a class or a run label), trained
 *   from scratch when `model.random_init` is true, from released weights when it is false or `checkpoint_path` names
 *   a file; a top-level `mode` spelled as pre-training (`pt`, `pretrain`) or fine-tuning (`ft`, `finetune`) says which;
 * - a top-level `precision: 'no'` (accelerate's mixed_precision value for none) as float32.
 *
 * Hydra group options (hydra.cc, "Packages": `# @package _global_` at the top of `configs/<group>/<option>.yaml`,
 * chosen on the launch line as `<group>=<option>`) that change the schedule (`optim.total_steps: 13333`) are runs of
 * their own over the primary config they override; with no defaults list of their own, the primary sits in the
 * folder above the group (the config root), under one of the names Hydra's docs and templates give it
 * (`config.yaml`, `default.yaml`, `defaults.yaml`, `train.yaml`): each is linked quietly (low), the option's own keys
 * winning, so what the primary states (the model, the precision) joins the run when it is there.
 */

/** Sections holding the loop's schedule. */
const SECTIONS = ['optim', 'optimization'];
/** A Hub id `org/name` (no file extension, no path deeper than one folder). */
const HUB_ID = /^[A-Za-z0-9][\w.-]{0,95}\/[A-Za-z0-9][\w.-]{0,95}$/;
const WEIGHTS_FILE = /\.(?:pt|pth|bin|ckpt|safetensors|h5|npz|pkl|json|ya?ml)$/i;
/** The names a Hydra primary config is given in hydra.cc's tutorials (`config`) and common templates. */
const PRIMARY_NAMES = ['config', 'default', 'defaults', 'train'];
const PRETRAIN_MODE = /^(?:pt|pretrain|pretraining|pre-train)$/i;
const FINETUNE_MODE = /^(?:ft|finetune|finetuning|fine-tune|fine_tune)$/i;

function positive(doc: ConfigDoc, path: string): ConfigValue | undefined {
  const v = doc.get(path);
  // A literal: `${...}` interpolations are the reason these names are not read in sectioned configs (sizingNames.ts).
  if (!v || v.shape !== 'scalar' || (typeof v.raw === 'string' && v.raw.includes('${'))) return undefined;
  const n = doc.num(path);
  return n !== undefined && Number.isInteger(n) && n > 0 ? v : undefined;
}

function schedule(doc: ConfigDoc): { section: string; steps?: ConfigValue } | undefined {
  if (doc.prefix !== '') return undefined;
  for (const section of SECTIONS) {
    if (doc.get(section)?.shape !== 'map' || !doc.has(`${section}.batch_size`)) continue;
    const steps = positive(doc, `${section}.total_steps`);
    if (steps || positive(doc, `${section}.epochs`)) return { section, steps };
  }
  return undefined;
}

function hubModel(doc: ConfigDoc): ConfigValue | undefined {
  const v = doc.get('model.name');
  if (!v || v.shape !== 'scalar' || typeof v.value !== 'string') return undefined;
  const name = v.value.trim();
  return HUB_ID.test(name) && !WEIGHTS_FILE.test(name) ? v : undefined;
}

export const optimScheduleRun: ConfigDialect = {
  name: 'optim-schedule',
  words: ['total_steps', 'epochs'],
  detect: (doc) => schedule(doc) !== undefined,
  owns: (path) => SECTIONS.some((s) => path === `${s}.total_steps` || path === `${s}.grad_acc`),
  read(doc: ConfigDoc, out: FactSink): void {
    const found = schedule(doc);
    if (!found) return;
    const { section, steps } = found;
    const at = doc.get(section)!;
    out.add(
      'launch.trainer',
      'config:optim-schedule',
      at,
      `${section}: the training loop's schedule (batch_size with ${steps ? 'total_steps' : 'epochs'}): the config defines a run`,
    );
    // An epoch count set over this schedule (a group option's `optim.epochs: 3`) replaces the step bound.
    if (steps)
      out.add('training.steps', doc.num(steps.path)!, steps, `${steps.path}: ${String(steps.value)}`, undefined, {
        fromFlags: [`${section}.epochs`],
      });
    // `grad_acc` is a script's variable name elsewhere (sizingNames.ts); in the schedule section, micro-batches a step.
    const accumulation = positive(doc, `${section}.grad_acc`);
    if (accumulation && doc.num(accumulation.path)! > 1)
      out.add(
        'training.gradientAccumulation',
        doc.num(accumulation.path)!,
        accumulation,
        `${accumulation.path}: ${String(accumulation.value)} micro-batches a step`,
      );
    const model = hubModel(doc);
    if (model) out.add('model.id', String(model.value).trim(), model, `model.name: ${String(model.value).trim()}`);
    const random = doc.get('model.random_init');
    const checkpoint = doc.str('model.checkpoint_path')?.trim();
    if (random?.shape === 'scalar' && (random.value === true || random.value === false)) {
      const loads = random.value === false || (checkpoint !== undefined && checkpoint !== '');
      out.add(
        'model.fromScratch',
        !loads,
        random,
        loads
          ? `model.random_init: ${String(random.value)}${checkpoint ? `, checkpoint_path ${checkpoint}` : ''}: starts from trained weights`
          : 'model.random_init: true (no checkpoint_path): the network starts from random weights',
        'medium',
      );
    }
    // `precision: 'no'`: the value such programs hand to accelerate's `Accelerator(mixed_precision=...)`, whose "no"
    // is no mixed precision (huggingface.co/docs/accelerate, Accelerator: mixed_precision "no", "fp16", "bf16", "fp8"):
    // float32, over a primary config's bf16.
    const precision = doc.get('precision');
    if (precision?.shape === 'scalar' && precision.value === 'no')
      out.add('training.precision', 'fp32', precision, 'precision: no (no mixed precision: float32)');
    const mode = doc.get('mode');
    const m = mode?.shape === 'scalar' && typeof mode.value === 'string' ? mode.value.trim() : '';
    if (PRETRAIN_MODE.test(m)) out.add('training.mode', 'pretrain', mode!, `mode: ${m} (pre-training)`, 'medium');
    else if (FINETUNE_MODE.test(m)) out.add('training.mode', 'finetune', mode!, `mode: ${m} (fine-tuning)`, 'medium');
    // A Hydra group option in the global package overriding the schedule: its primary config, one folder up.
    if (!globalPackage(doc) || doc.has('defaults') || model) return;
    // As a Hydra experiment (hydraExperiment.ts): the option's own keys override what the primary composes.
    out.add('run.framework', 'hydra', at, 'Hydra group option (`# @package _global_`) overriding the primary config');
    const epochs = positive(doc, `${section}.epochs`);
    for (const name of PRIMARY_NAMES)
      out.add(
        'link.config',
        `../${name}.yaml`,
        at,
        `the Hydra primary config this group option overrides (../${name}.yaml), if present`,
        'low',
        epochs ? { passes: [epochs.path] } : undefined,
      );
  },
};
