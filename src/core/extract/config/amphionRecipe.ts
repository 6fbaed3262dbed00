import type { ConfigDialect, ConfigDoc, FactSink } from './dialect';

/**
 * Amphion recipe configs (github.com/open-mmlab/Amphion, and toolkits that keep its config loader): JSON files (with
 * `//` comments) handed to a task's program as `bins/<task>/train.py --config <recipe>.json`, usually by the recipe's
 * `run.sh`. What the files mean is the loader's and the trainers' code:
 *
 * - Inheritance: `utils/util.py` `_load_config` reads `base_config` (a path from `WORK_DIR`, the repository root the
 *   recipe scripts export) first, recursively, and `override_config` puts this file's keys over it, section by
 *   section. So the file is one link of a chain (`exp_config.json` → `config/valle.json` → `config/tts.json` →
 *   `config/base.json`); each base is composed into the run, nearer files winning.
 * - Model: `model_type` names the network the program builds (`VALLE`, `NaturalSpeech2`, `DiffWaveNetSVC`, …); its
 *   size depends on the model's module code (the `model` section holds each module's own settings: a WaveNet's
 *   layers, a codec's widths, not one transformer's), so the section is this dialect's and the size is left unknown.
 * - Length: the trainers loop while `epoch < max_epoch`, with `max_epoch = train.max_epoch if > 0 else inf`
 *   (`models/base/base_trainer.py`, `models/base/new_trainer.py`, `models/tts/base/tts_trainer.py`): a positive
 *   `train.max_epoch` is the run's epochs, zero or less is unlimited (unknown). No trainer bounds the loop by
 *   `train.max_steps` or `train.total_training_steps` (a scheduler's horizon), so neither is read as the length.
 * - Start: the trainers build the model from the config and load weights only when the launch passes `--resume`
 *   (`--resume_type finetune`), so a config alone trains from fresh weights (low confidence: a launch's flag wins).
 * - Precision: the trainers build `Accelerator()` without a precision of their own: the launch's
 *   `accelerate launch --mixed_precision` and the program's TF32 switches decide, as the launch script reads them.
 *
 * Not runs by themselves: a base named as such (`exp_config_base.json`, `base.json`) and a file built on a base that
 * sets only model settings (a checkpoint's description loaded by an inference script): no `train`, `preprocess` or
 * `log_dir` of its own.
 */

/** The detail a link to a base config starts with (analyze.ts composes such links as one config). */
export const AMPHION_BASE_LINK = 'base_config: ';

/** The start a recipe config gives its run (analyze.ts: not drawn into a Python program that loads the config). */
export const AMPHION_TRAINER = 'config:amphion';

/** A base path as the loader joins it to WORK_DIR (a JSON file, no climbing above the root). */
const BASE_PATH = /^(?:\.\/)?[\w-][\w./-]{0,299}\.json$/;
/** A file named as a base (`exp_config_base.json`, `base.json`): the recipes next to it name it as their base_config. */
const BASE_NAME = /(?:^|[_-])base\.json$/i;
/** A model type as Amphion names its networks (`VALLE`, `NaturalSpeech2`, `DiffWaveNetSVC`). */
const MODEL_TYPE = /^[A-Za-z][\w.-]{0,63}$/;

function basePath(doc: ConfigDoc): string | undefined {
  const base = doc.str('base_config')?.trim();
  return base !== undefined && BASE_PATH.test(base) && !base.includes('..') ? base.replace(/^\.\//, '') : undefined;
}

const isMap = (doc: ConfigDoc, path: string) => doc.get(path)?.shape === 'map';

export const amphionRecipe: ConfigDialect = {
  name: 'amphion',
  words: ['base_config', 'model_type'],
  detect: (doc) =>
    doc.prefix === '' &&
    (basePath(doc) !== undefined ||
      (typeof doc.str('model_type') === 'string' && isMap(doc, 'train') && isMap(doc, 'preprocess'))),
  owns: (path) =>
    path === 'base_config' ||
    path === 'model_type' ||
    path.startsWith('model.') ||
    path === 'train.max_epoch' ||
    path === 'train.max_steps' ||
    path === 'train.epochs' ||
    path === 'train.total_training_steps',
  read(doc: ConfigDoc, out: FactSink, file?: { readonly path: string }): void {
    const anchor = doc.get('base_config') ?? doc.get('model_type');
    if (!anchor) return;
    out.add('run.framework', 'amphion', anchor, 'Amphion recipe config (bins/<task>/train.py --config <this>)');
    const base = basePath(doc);
    if (base)
      out.add(
        'link.config',
        base,
        doc.get('base_config')!,
        `${AMPHION_BASE_LINK}${base} (the config this one is merged over, from the repository root)`,
      );
    const type = doc.get('model_type');
    if (typeof type?.value === 'string' && MODEL_TYPE.test(type.value.trim()))
      out.add(
        'model.id',
        type.value.trim(),
        type,
        `model_type: ${type.value.trim()} (the network the program builds)`,
        'medium',
      );
    const name = file?.path.split(/[\\/]/).pop() ?? '';
    const ownRun = isMap(doc, 'train') || isMap(doc, 'preprocess') || doc.has('log_dir');
    if (BASE_NAME.test(name)) {
      out.add(
        'run.entry',
        false,
        anchor,
        `an Amphion base config (${name}): the recipe configs naming it as base_config are the runs`,
      );
    } else if (base && !ownRun) {
      out.add(
        'run.entry',
        false,
        anchor,
        'an Amphion config that sets only model settings over its base (no train, preprocess or log_dir): a model description, not a run',
      );
      return;
    }
    const epochs = doc.get('train.max_epoch');
    const n = doc.num('train.max_epoch');
    if (epochs && n !== undefined && Number.isInteger(n)) {
      if (n > 0)
        out.add('training.epochs', n, epochs, `train.max_epoch: ${n} (the trainer loops while epoch < max_epoch)`);
      else
        out.add(
          'training.epochs',
          null,
          epochs,
          `train.max_epoch: ${n}: the trainer runs without an epoch limit (max_epoch ≤ 0 is unlimited)`,
        );
    }
    // The generic reading of a base outside this dialect (`config/base.json`, no base_config of its own) would take
    // its `train.max_steps` for the length; no Amphion trainer stops there (above).
    const steps = doc.get('train.max_steps') ?? doc.get('train.total_training_steps');
    if (steps || base)
      out.add(
        'training.steps',
        null,
        steps ?? anchor,
        'Amphion trainers bound the loop by train.max_epoch only (train.max_steps and total_training_steps are not the length)',
        'low',
      );
    if (BASE_NAME.test(name)) return;
    if (isMap(doc, 'train') || doc.has('log_dir')) {
      out.add(
        'launch.trainer',
        AMPHION_TRAINER,
        anchor,
        'Amphion recipe config (bins/<task>/train.py --config <this>)',
      );
      out.add(
        'model.params',
        null,
        anchor,
        "Amphion: the network's size is set by its module code (model_type's class), not worked out from this config",
        'low',
      );
      out.add(
        'model.fromScratch',
        true,
        anchor,
        'the trainer builds the model from the config; weights are loaded only with --resume on the launch',
        'low',
      );
    }
  },
};
