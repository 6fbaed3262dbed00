import type { ConfigDialect, ConfigDoc, ConfigValue, FactSink } from './dialect';

/**
 * A `trainer:` section Hydra instantiates whole, the omnivision layout (its `train_app_submitit.py` calls
 * `instantiate(cfg.trainer, _recursive_=False)` and then `trainer.run()`; the same trainer drives SAM 2's and other
 * Meta repositories' training configs):
 *
 * ```yaml
 * trainer:
 *   _target_: omnivision.trainer.omnivision_trainer.OmnivisionTrainer
 *   max_epochs: 100
 *   mode: train            # or val: evaluation only
 *   model: {_target_: pkg.model_wrappers.MIMOHeadWrapper, trunk: {_target_: pkg.swin_transformer.SwinTransformer3D}}
 *   checkpoint: {model_weight_initializer: {_target_: pkg.checkpoint_utils.load_state_dict_into_model, ...}}
 * launcher: {gpus_per_node: 8, num_nodes: 4}
 * ```
 *
 * Read here: the network the trainer builds (the model's class, or the trunk a wrapper holds), `mode: val` (the
 * trainer only evaluates), a weight initializer that loads a checkpoint (the run starts from those weights), and a
 * section left mandatory (`model: ???`, `max_epochs: ???`): a base the experiments composed on it fill, no run alone.
 * The launcher's counts and the autocast section are read by the generic table (configFacts.ts).
 */

const SECTION = 'trainer';
/**
 * A trainer class Hydra instantiates (`_target_: lightning.Trainer`, `omnivision.trainer.OmnivisionTrainer`,
 * `training.trainer.Trainer`): a class whose name is or ends in `Trainer`.
 */
export const TRAINER_CLASS = /(?:^|\.)(?:[A-Z]\w{0,60})?Trainer$/;
/** A dotted class or function path. */
const CLASS_PATH = /^[A-Za-z_]\w{0,60}(?:\.[A-Za-z_]\w{0,60}){0,8}$/;
/** A wrapper around the network that does the work (`MIMOHeadWrapper`): the network is named by the part it wraps. */
const WRAPPER_CLASS = /Wrapper$/;
const WRAPPED_PARTS = ['trunk', 'backbone', 'encoder', 'model'];
/** Trainer modes that only evaluate. */
const EVALUATION_MODE = /^(?:val|valid|validate|validation|eval|evaluate|test|predict)$/i;
/** A function that loads saved weights into the model (`load_state_dict_into_model`, `load_checkpoint`). */
const WEIGHT_LOADER = /(?:^|\.)load_\w{0,60}$/;
/** Keys of the section that define the run; left `???`, the file is a base. */
const RUN_KEYS = ['model', 'data', 'max_epochs', 'max_steps', 'optim'];

function trainerTarget(doc: ConfigDoc): string | undefined {
  const target = doc.str(`${SECTION}._target_`);
  return target && CLASS_PATH.test(target) ? target : undefined;
}

function modelTarget(doc: ConfigDoc): { key: string; target: string; at: ConfigValue } | undefined {
  let key = `${SECTION}.model._target_`;
  let target = doc.str(key);
  if (!target || !CLASS_PATH.test(target)) return undefined;
  if (WRAPPER_CLASS.test(target))
    for (const part of WRAPPED_PARTS) {
      const inner = doc.str(`${SECTION}.model.${part}._target_`);
      if (inner && CLASS_PATH.test(inner)) {
        key = `${SECTION}.model.${part}._target_`;
        target = inner;
        break;
      }
    }
  const at = doc.get(key);
  return at ? { key, target, at } : undefined;
}

export const hydraTrainerSection: ConfigDialect = {
  name: 'hydra-trainer',
  words: ['_target_'],
  // A trainer built by class (the file names it) or one an experiment fills (the model it builds, by class), holding
  // its model or mode (a Lightning or Composer Trainer takes neither: their dialects read those files).
  detect: (doc) =>
    doc.get(SECTION)?.shape === 'map' &&
    (doc.get(`${SECTION}.model`) !== undefined || doc.get(`${SECTION}.mode`) !== undefined) &&
    (TRAINER_CLASS.test(trainerTarget(doc) ?? '') || modelTarget(doc) !== undefined),
  read(doc: ConfigDoc, out: FactSink): void {
    const left = RUN_KEYS.map((k) => doc.get(`${SECTION}.${k}`)).find(
      (v) => v?.shape === 'scalar' && v.value === '???',
    );
    if (left) {
      out.add(
        'run.entry',
        false,
        left,
        `a base config (\`${left.path}: ???\` is left for the configs composed on it to set)`,
      );
      return;
    }
    const model = modelTarget(doc);
    if (model && !out.facts.some((f) => f.kind === 'model.id'))
      out.add(
        'model.id',
        model.target.slice(model.target.lastIndexOf('.') + 1),
        model.at,
        `${model.key}: ${model.target} (the network the trainer builds)`,
        'low',
      );
    const mode = doc.get(`${SECTION}.mode`);
    if (mode && typeof mode.value === 'string' && EVALUATION_MODE.test(mode.value.trim()))
      out.add('launch.inference', 'config:hydra-trainer', mode, `${mode.path}: ${mode.value.trim()} (evaluation only)`);
    const initializer = doc.get(`${SECTION}.checkpoint.model_weight_initializer._target_`);
    if (initializer && typeof initializer.value === 'string' && WEIGHT_LOADER.test(initializer.value.trim()))
      out.add(
        'model.fromScratch',
        false,
        initializer,
        `${initializer.path}: ${initializer.value.trim()} (the run starts from the weights it loads)`,
        'medium',
      );
  },
};
