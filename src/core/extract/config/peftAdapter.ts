import type { ConfigDialect, ConfigDoc, FactSink } from './dialect';

/**
 * A PEFT adapter config written to be trained (`adapter_config.json` with `"inference_mode": false`, or none),
 * as benchmark harnesses keep one per experiment folder (`experiments/lora/<name>/adapter_config.json`,
 * run by the harness with its default training parameters). An adapter *saved* by training is not a
 * run: PEFT's `save_pretrained` writes `"inference_mode": true` into the config it saves.
 *
 * The base model, length and precision usually live outside: `base_model_name_or_path` when set, a
 * `training_params.json` beside it and a `default_training_params.json` in a folder above (linked
 * when there; no warning when not, as those are only the usual places).
 */

/** Where such harnesses keep the training parameters an experiment inherits: beside it, then up to three folders above. */
const PARAMETER_FILES = [
  'training_params.json',
  '../default_training_params.json',
  '../../default_training_params.json',
  '../../../default_training_params.json',
];

export const peftAdapter: ConfigDialect = {
  name: 'peft-adapter',
  words: ['peft_type'],
  // Written by hand (no inference_mode) or for training (false); never one save_pretrained wrote (true).
  detect: (doc) => typeof doc.str('peft_type') === 'string' && doc.get('inference_mode')?.value !== true,
  // PEFT's own keys (r, lora_alpha, target_modules, …) are adapter settings, not the base model's sizes.
  owns: () => true,
  read(doc: ConfigDoc, out: FactSink): void {
    const type = doc.get('peft_type')!;
    const method = String(type.value);
    out.add(
      'run.framework',
      'peft',
      type,
      `PEFT adapter config (${method}), inference_mode false: an adapter to train`,
    );
    out.add(
      'training.adapter',
      'lora',
      type,
      `peft_type ${method}: only the adapter's weights train (parameter-efficient, like LoRA)`,
    );
    out.add('model.fromScratch', false, type, 'an adapter trains on a pretrained base model');
    out.add(
      'launch.trainer',
      'config:peft',
      type,
      `PEFT ${method} adapter config written for training (inference_mode: false)`,
    );
    const base = doc.get('base_model_name_or_path');
    if (typeof base?.value === 'string' && base.value)
      out.add('model.id', base.value, base, `base_model_name_or_path: ${base.value}`);
    // Optional links (confidence low): the harness's parameter files, when they are there.
    for (const file of PARAMETER_FILES)
      out.add('link.config', file, type, `training parameters an experiment inherits (${file}), if present`, 'low');
  },
};
