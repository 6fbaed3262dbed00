import { SWIFT_DEFAULT_TUNER } from '../shell/swift';
import type { ConfigDialect, ConfigDoc, ConfigValue, FactSink } from './dialect';

/**
 * ms-swift argument files: the YAML or JSON given as the first argument of `swift sft|pt|rlhf|infer|sample x.yaml`
 * or `megatron sft x.yaml`, or with `--config` (swift/cli/main.py turns every key into the flag of that name, so
 * the keys are the command-line parameters: swift.readthedocs.io, Instruction/Command-line-parameters.html).
 * `model` is the checkpoint, `tuner_type` (`train_type` before ms-swift 4) the method, `quant_bits: 4` a 4-bit
 * base, `rlhf_type` preference/RL training; `ENV:` holds environment variables for the launch
 * (`NPROC_PER_NODE`, `CUDA_VISIBLE_DEVICES`). Ray configs (`megatron rlhf --use_ray true --config x.yaml`) put
 * the trainer's settings under `train:` with its `gpus`. `model_name`/`model_author` name the assistant in
 * self-cognition data, not a checkpoint.
 */

/** Keys only ms-swift's parameters use (with a top-level `model`). */
const SWIFT_KEYS = [
  'tuner_type',
  'train_type',
  'rlhf_type',
  'quant_bits',
  'sampler_engine',
  'infer_backend',
  'model_author',
  'split_dataset_ratio',
  'load_from_cache_file',
];
/** Keys that make the file a training run. */
const TRAINING_KEYS = [
  'tuner_type',
  'train_type',
  'rlhf_type',
  'num_train_epochs',
  'max_steps',
  'train_iters',
  'max_epochs',
];

/** What the keys are read under: the top level, or the trainer's section of a Ray config. */
function setting(doc: ConfigDoc, key: string): ConfigValue | undefined {
  return doc.get(key) ?? doc.get(`train.${key}`);
}

export const swift: ConfigDialect = {
  name: 'swift',
  words: SWIFT_KEYS,
  detect: (doc) =>
    typeof doc.get('model')?.value === 'string' && SWIFT_KEYS.some((k) => doc.has(k) || doc.has(`train.${k}`)),
  owns: (path) => path === 'model_name' || path === 'model_author' || path === 'ENV' || path.startsWith('ENV.'),
  read(doc: ConfigDoc, out: FactSink): void {
    const model = doc.get('model')!;
    const id = String(model.value);
    out.add('run.framework', 'swift', model, 'ms-swift argument file');
    out.add('model.id', id, model, `model: ${id}`);
    const nproc = doc.num('ENV.NPROC_PER_NODE');
    if (nproc && Number.isInteger(nproc) && nproc > 0)
      out.add('hardware.devices', nproc, doc.get('ENV.NPROC_PER_NODE')!, `ENV: NPROC_PER_NODE=${nproc}`);
    const gpus = doc.num('train.gpus');
    if (gpus && Number.isInteger(gpus) && gpus > 0)
      out.add(
        'hardware.devices',
        gpus,
        doc.get('train.gpus')!,
        `train.gpus: ${gpus} (the trainer's devices)`,
        'medium',
      );
    const training = TRAINING_KEYS.some((k) => doc.has(k) || doc.has(`train.${k}`));
    if (!training) {
      const engine = doc.get('sampler_engine') ?? doc.get('infer_backend');
      // Sampling through a remote API (`sampler_engine: client`) runs no model here.
      if (engine && engine.value !== 'client')
        out.add('launch.inference', 'config:swift', engine, `ms-swift ${engine.key}: ${String(engine.value)}`);
      return;
    }
    out.add('model.fromScratch', false, model, `ms-swift trains the loaded ${id}`, 'medium');
    const tuner = setting(doc, 'tuner_type') ?? setting(doc, 'train_type');
    // Which CLI reads the file is the launch's to say; without `tuner_type` the ms-swift default is assumed, and
    // Megatron-only keys (`micro_batch_size`, `train_iters`) say Megatron-SWIFT's.
    const megatron = doc.has('micro_batch_size') || doc.has('global_batch_size') || doc.has('train_iters');
    const type = typeof tuner?.value === 'string' ? tuner.value : SWIFT_DEFAULT_TUNER[megatron ? 'megatron' : 'swift'];
    const bits = setting(doc, 'quant_bits');
    const full = type === 'full' || type === 'llamapro';
    out.add(
      'training.mode',
      full ? 'finetune' : bits?.value === 4 ? 'qlora' : 'lora',
      tuner ?? model,
      `${tuner ? `${tuner.path}: ${type}` : `tuner_type ${type} (${megatron ? "Megatron-SWIFT's" : "ms-swift's"} default)`}${!full && bits ? `, quant_bits: ${String(bits.value)}` : ''}`,
      tuner ? 'high' : 'medium',
    );
    out.add('launch.trainer', 'config:swift', model, `ms-swift training arguments: ${id}`);
  },
};
