import type { ConfigDialect, ConfigDoc, FactSink } from './dialect';

/**
 * A whole training run as one instantiate config: a `trainer:` section of PyTorch Lightning Trainer arguments
 * (`accelerator`, `devices`, `precision`, `max_epochs`; lightning.ai/docs/pytorch/stable/common/trainer.html) beside a
 * `model:` block that names its LightningModule by `_target_` (Hydra's instantiate convention,
 * hydra.cc/docs/advanced/instantiate_objects/overview): the training program loads the file, instantiates both
 * (`hydra.utils.instantiate(cfg)`) and calls `trainer.fit(model)`. The file is the run; the module's class names the
 * model (its size is the program's business: unknown here unless a key states it).
 *
 * Configs composed through a Hydra `defaults:` list are read by the Hydra dialects; this one reads a file that holds
 * the whole run by itself. Weights the run starts from (`pretrained: ./ckpt.pt`) make it a fine-tune; a placeholder
 * (`pretrained: PATH_TO_CHECKPOINT_FILE`) is a slot left to the user and says nothing.
 */

/** Trainer arguments of PyTorch Lightning's `Trainer(...)`; two or more of them make a `trainer:` section Lightning's. */
const TRAINER_KEYS = [
  'accelerator',
  'devices',
  'precision',
  'max_epochs',
  'max_steps',
  'accumulate_grad_batches',
  'strategy',
  'num_nodes',
  'gradient_clip_val',
];
/** A dotted class path (`pkg.model.model.Boltz1`). */
const CLASS_PATH = /^[A-Za-z_]\w{0,60}(?:\.[A-Za-z_]\w{0,60}){1,8}$/;
/** Top-level keys naming weights loaded before training. */
const START_WEIGHTS = ['pretrained', 'ckpt_path', 'checkpoint', 'load_from', 'init_from', 'pretrained_checkpoint'];
/** A slot left for the user (`PATH_TO_CHECKPOINT_FILE`, `SET_PATH_HERE`, `<path>`), not a file. */
const PLACEHOLDER = /^(?:[A-Z0-9_]{3,80}|<[^>]{1,80}>|\?\?\?)$/;

function moduleClass(doc: ConfigDoc): string | undefined {
  if (doc.get('defaults') !== undefined || doc.get('trainer')?.shape !== 'map') return undefined;
  const target = doc.str('model._target_');
  if (!target || !CLASS_PATH.test(target)) return undefined;
  const set = TRAINER_KEYS.filter((k) => doc.get(`trainer.${k}`)?.shape === 'scalar').length;
  return set >= 2 ? target : undefined;
}

export const lightningTargetRun: ConfigDialect = {
  name: 'lightning-target',
  words: ['_target_'],
  detect: (doc) => moduleClass(doc) !== undefined,
  read(doc: ConfigDoc, out: FactSink): void {
    const target = moduleClass(doc);
    const at = doc.get('model._target_');
    if (!target || !at) return;
    const name = target.slice(target.lastIndexOf('.') + 1);
    out.add(
      'launch.trainer',
      'config:lightning-target',
      at,
      `trainer: (Lightning Trainer arguments) and model._target_: ${target}: the program instantiates both and fits the module`,
      'medium',
    );
    if (!out.facts.some((f) => f.kind === 'model.id'))
      out.add('model.id', name, at, `model._target_: ${target} (the LightningModule the run trains)`, 'low');
    for (const key of START_WEIGHTS) {
      const weights = doc.get(key);
      const value = typeof weights?.value === 'string' ? weights.value.trim() : '';
      if (!weights || !value || PLACEHOLDER.test(value)) continue;
      out.add(
        'model.fromScratch',
        false,
        weights,
        `${key}: ${value.slice(0, 200)}: the run starts from these weights`,
        'medium',
      );
      return;
    }
  },
};
