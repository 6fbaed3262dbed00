import type { ConfigDialect, ConfigDoc, ConfigValue, FactSink } from './dialect';
import { positiveIntegerAt } from './dialect';

/**
 * A run config that names each part of the run by a class of the program's registry and gives its keyword
 * arguments: `{"models": {"denoiser": {"name": "FlowModel", "args": {...}}}, "dataset": {"name": ..., "args": ...},
 * "trainer": {"name": "FlowMatchingTrainer", "args": {"max_steps": 1000000, ...}}}`, which a `train.py --config
 * <this>.json` builds with `getattr(module, cfg.name)(**cfg.args)` for each part. The shape of many research
 * repositories' JSON/YAML training configs (3D and image generation among them). Read here:
 * - the config is a run (`launch.trainer`): it has a trainer part whose arguments say how long it trains;
 * - `trainer.args.max_steps` (and the other step names) or an epoch count: the run's length;
 * - the model: the class names of the model parts (`models.<part>.name`, or `model.name`), joined when the config
 *   trains several networks together (an encoder and a decoder). Their sizes are the program's classes', not said
 *   here: the size stays unknown;
 * - precision: a model part built with `use_fp16: true` (the guided-diffusion convention), or a trainer argument
 *   `fp16_mode` / `mixed_precision` set to a mode (not null/false/"no"): fp16 steps;
 * - no checkpoint to start from in the trainer's or the models' arguments (`finetune_ckpt`, `pretrained`,
 *   `ckpt_path`, `resume_from`, `init_from`, `load_from`): the networks are trained from their initialisation. A
 *   pretrained encoder the dataset part names (frozen latents) is not the network trained.
 */

/** The part that trains, and where its settings are. */
const TRAINER_PARTS = ['trainer', 'training', 'train'];
/** Where a part's keyword arguments are. */
const ARGUMENT_KEYS = ['args', 'kwargs', 'params'];
const STEP_KEYS = ['max_steps', 'total_steps', 'train_steps', 'num_steps', 'max_iters', 'iterations', 'max_iterations'];
const EPOCH_KEYS = ['max_epochs', 'epochs', 'num_epochs', 'n_epochs'];
/** A model part's class name: an identifier (a dotted import path allowed). */
const CLASS_NAME = /^[A-Za-z_][\w.]{0,120}$/;
/** Arguments naming weights the trained networks start from. */
const START_KEYS =
  /^(?:finetune_ckpt|pretrained|pretrained_ckpt|pretrained_path|ckpt_path|checkpoint_path|resume_from|resume_from_checkpoint|init_from|init_ckpt|load_from|load_dir)$/;
const PRECISION_MODE_KEYS = ['fp16_mode', 'mixed_precision'];
/** Model parts read at most (a config of hundreds of parts is no run of this shape). */
const MAX_PARTS = 16;

interface Part {
  readonly path: string;
  readonly name: ConfigValue;
  readonly args: string;
}

/** The `{name, args}` part at `path`, else undefined. */
function partAt(doc: ConfigDoc, path: string): Part | undefined {
  const name = doc.get(`${path}.name`);
  if (!name || name.shape !== 'scalar' || typeof name.value !== 'string' || !CLASS_NAME.test(name.value)) return;
  const args = ARGUMENT_KEYS.map((k) => `${path}.${k}`).find((p) => doc.get(p)?.shape === 'map');
  return args ? { path, name, args } : undefined;
}

function trainerOf(doc: ConfigDoc): Part | undefined {
  for (const key of TRAINER_PARTS) {
    const part = partAt(doc, key);
    if (part) return part;
  }
  return undefined;
}

/** The model parts: `model` itself, or each part of a `models` map. */
function modelParts(doc: ConfigDoc): Part[] {
  const single = partAt(doc, 'model');
  if (single) return [single];
  if (doc.get('models')?.shape !== 'map') return [];
  return doc
    .entries('models')
    .slice(0, MAX_PARTS)
    .flatMap((e) => partAt(doc, `models.${e.key}`) ?? []);
}

function lengthOf(doc: ConfigDoc, trainer: Part): { kind: 'steps' | 'epochs'; n: number; at: ConfigValue } | undefined {
  for (const key of STEP_KEYS) {
    const found = positiveIntegerAt(doc, `${trainer.args}.${key}`);
    if (found) return { kind: 'steps', ...found };
  }
  for (const key of EPOCH_KEYS) {
    const found = positiveIntegerAt(doc, `${trainer.args}.${key}`);
    if (found) return { kind: 'epochs', ...found };
  }
  return undefined;
}

/** A precision mode stated on: a mode's name, or true. */
function isOn(value: unknown): boolean {
  if (value === true) return true;
  return typeof value === 'string' && value.trim() !== '' && !/^(?:no|none|null|false|off|fp32|float32)$/i.test(value);
}

export const namedPartsRun: ConfigDialect = {
  name: 'named-parts-run',
  words: [...STEP_KEYS, ...EPOCH_KEYS],
  detect: (doc) => {
    const trainer = trainerOf(doc);
    return trainer !== undefined && lengthOf(doc, trainer) !== undefined && modelParts(doc).length > 0;
  },
  owns: (path) => /^(?:models?|trainer|training|train)\./.test(path),
  read(doc: ConfigDoc, out: FactSink): void {
    const trainer = trainerOf(doc)!;
    const length = lengthOf(doc, trainer)!;
    const parts = modelParts(doc);
    out.add(
      length.kind === 'steps' ? 'training.steps' : 'training.epochs',
      length.n,
      length.at,
      `${length.at.path}: ${length.n}`,
    );
    const names = parts.map((p) => String(p.name.value));
    out.add(
      'model.id',
      names.join(' + '),
      parts[0].name,
      parts.length === 1
        ? `${parts[0].path}.name: the model class the program builds (its size is the class's, not written here)`
        : `${parts.map((p) => `${p.path}.name`).join(', ')}: the networks trained together (their sizes are the classes', not written here)`,
      'medium',
    );
    const fp16Model = parts.find((p) => doc.get(`${p.args}.use_fp16`)?.value === true);
    const mode = PRECISION_MODE_KEYS.map((k) => doc.get(`${trainer.args}.${k}`)).find((v) => v && isOn(v.value));
    if (mode)
      out.add(
        'training.precision',
        'fp16',
        mode,
        `${mode.path}: ${String(mode.value)}: half-precision training steps`,
        'medium',
      );
    else if (fp16Model) {
      const at = doc.get(`${fp16Model.args}.use_fp16`)!;
      out.add('training.precision', 'fp16', at, `${at.path}: true: the network runs in fp16`, 'medium');
    }
    const starts = [trainer, ...parts].some((p) =>
      doc
        .entries(p.args)
        .some(
          (e) =>
            START_KEYS.test(e.key) && e.shape === 'scalar' && e.value !== null && e.value !== false && e.value !== '',
        ),
    );
    if (!starts)
      out.add(
        'model.fromScratch',
        true,
        parts[0].name,
        'no checkpoint to start from in the trainer or model arguments: the networks are trained from their initialisation',
        'medium',
      );
    out.add(
      'launch.trainer',
      'config:named-parts-run',
      trainer.name,
      `a run config naming its parts by class (${[...parts.map((p) => p.path), trainer.path].join(', ')}): the program builds and trains them`,
    );
  },
};
