import type { ConfigDialect, ConfigDoc, FactSink } from './dialect';
import { isFourBitCheckpoint } from '../../knowledge/modelName';

/**
 * LLaMA-Factory configs (`examples/train_lora/*.yaml`, `train_full`, `train_qlora`,
 * `inference/*.yaml`), run by `llamafactory-cli train|chat|api|webchat|export x.yaml`.
 * Defaults from src/llamafactory/hparams: `stage` "sft", `finetuning_type` "lora",
 * `cutoff_len` 2048 (data_args.py), `quantization_bit` none, `quantization_method` "bnb".
 *
 * What makes it a run: `do_train: true` with a model (a training run); a config without
 * `do_train` (Hugging Face's default is false) that sets `infer_backend` or `do_predict` serves or
 * generates (inference).
 * Modes: `finetuning_type: lora|oft` trains adapters (with `quantization_bit: 4` on a 4-bit
 * base: QLoRA), `full` and `freeze` update the loaded weights (fine-tuning). `stage: pt`
 * is continued pre-training of the loaded checkpoint, so it is fine-tuning in energy terms,
 * unless `train_from_scratch: true` (model_args.py) initialises the model randomly.
 */

/** LLaMA-Factory v1 configs (examples/v1): `model`, `model_class`, `peft_config`, `train_dataset`, `dist_config`. */
function isVersion1(doc: ConfigDoc): boolean {
  return (
    typeof doc.get('model')?.value === 'string' &&
    doc.has('model_class') &&
    (doc.has('train_dataset') || doc.has('peft_config') || doc.has('dist_config'))
  );
}

export const llamaFactory: ConfigDialect = {
  name: 'llamafactory',
  words: ['finetuning_type', 'stage', 'infer_backend', 'cutoff_len', 'template', 'model_class'],
  detect: (doc) =>
    isVersion1(doc) ||
    (doc.has('model_name_or_path') &&
      (doc.has('finetuning_type') ||
        /^(pt|sft|rm|ppo|dpo|kto)$/.test(doc.str('stage') ?? '') ||
        doc.has('infer_backend') ||
        (doc.has('template') && (doc.has('cutoff_len') || doc.has('do_train'))))),
  read(doc: ConfigDoc, out: FactSink): void {
    if (isVersion1(doc)) {
      readVersion1(doc, out);
      return;
    }
    const model = doc.get('model_name_or_path')!;
    const stage = doc.get('stage');
    const anchor = stage ?? model;
    out.add(
      'run.framework',
      'llamafactory',
      anchor,
      `LLaMA-Factory config${stage ? ` (stage: ${String(stage.value)})` : ''}`,
    );
    const train = doc.get('do_train');
    // do_train defaults to false (Hugging Face TrainingArguments): without it LLaMA-Factory predicts or serves.
    // A config that only tokenizes (tokenized_path, no training settings) saves the dataset and exits.
    const tokenizeOnly =
      doc.has('tokenized_path') &&
      !['num_train_epochs', 'max_steps', 'per_device_train_batch_size', 'learning_rate'].some((k) => doc.has(k));
    const training = train?.value === true && !tokenizeOnly;
    if (!training) {
      if (doc.has('infer_backend') || doc.get('do_predict')?.value === true)
        out.add(
          'launch.inference',
          'config:llamafactory',
          doc.get('infer_backend') ?? doc.get('do_predict')!,
          'LLaMA-Factory inference config',
        );
      return;
    }
    const type = doc.get('finetuning_type');
    const method = typeof type?.value === 'string' ? type.value : 'lora';
    const bits = doc.num('quantization_bit');
    const quantMethod = doc.str('quantization_method') ?? 'bnb';
    const scratch = doc.get('train_from_scratch');
    if (scratch?.value === true) {
      out.add('training.mode', 'pretrain', scratch, 'train_from_scratch: true: random initialisation');
      out.add('model.fromScratch', true, scratch, 'train_from_scratch: true');
    } else if (method === 'lora' || method === 'oft') {
      const preQuantised = typeof model.value === 'string' && isFourBitCheckpoint(model.value);
      // `bitsandbytes` is the method's name in LLaMA-Factory releases before 0.9 (its enum value became `bnb`).
      const fourBit = (bits === 4 && (quantMethod === 'bnb' || quantMethod === 'bitsandbytes')) || preQuantised;
      const at = fourBit ? (doc.get('quantization_bit') ?? model) : (type ?? anchor);
      const why = preQuantised
        ? `finetuning_type ${method} on the pre-quantised ${String(model.value)}`
        : `finetuning_type ${method} with quantization_bit: 4 (bitsandbytes)`;
      out.add(
        'training.mode',
        fourBit ? 'qlora' : 'lora',
        at,
        fourBit ? why : `finetuning_type: ${method}${type ? '' : ' (the default)'}: adapters on frozen weights`,
        type ? 'high' : 'medium',
      );
    } else {
      out.add(
        'training.mode',
        'finetune',
        type ?? anchor,
        `finetuning_type: ${method}: the loaded weights are updated${stage?.value === 'pt' ? ' (continued pre-training)' : ''}`,
      );
    }
    // max_samples truncates each dataset of the comma-separated list: an upper bound on examples.
    const maxSamples = doc.get('max_samples');
    const n = doc.num('max_samples');
    const datasets = (doc.str('dataset') ?? '')
      .split(',')
      .map((d) => d.trim())
      .filter(Boolean);
    if (maxSamples && n && n > 0 && datasets.length > 0) {
      out.add(
        'training.datasetSamples',
        n * datasets.length,
        maxSamples,
        `max_samples ${n} per dataset × ${datasets.length} dataset${datasets.length > 1 ? 's' : ''}: at most ${n * datasets.length} examples`,
        'low',
      );
    }
    if (typeof model.value === 'string' && model.value)
      out.add(
        'launch.trainer',
        'config:llamafactory',
        anchor,
        `LLaMA-Factory ${typeof stage?.value === 'string' ? stage.value : 'sft'} config: ${model.value}`,
      );
  },
};

/**
 * v1 configs: `model` names the checkpoint, `peft_config.name` the adapter (lora; freeze trains a
 * subset of the loaded weights), `quant_config` a quantised base, `micro_batch_size`, `cutoff_len`,
 * `max_steps`/`num_train_epochs` the run. A config with `train_dataset` trains.
 */
function readVersion1(doc: ConfigDoc, out: FactSink): void {
  const model = doc.get('model')!;
  const id = String(model.value);
  out.add('run.framework', 'llamafactory', model, 'LLaMA-Factory v1 config');
  out.add('model.id', id, model, `model: ${id}`);
  out.add('model.fromScratch', false, model, `LLaMA-Factory loads ${id}`, 'medium');
  if (!doc.has('train_dataset')) return;
  const peft = doc.get('peft_config.name');
  const quantised = doc.get('quant_config')?.shape === 'map' || isFourBitCheckpoint(id);
  if (typeof peft?.value === 'string' && /lora|oft/i.test(peft.value))
    out.add(
      'training.mode',
      quantised ? 'qlora' : 'lora',
      peft,
      `peft_config.name: ${peft.value}${quantised ? ' on a quantised base' : ''}`,
    );
  else
    out.add(
      'training.mode',
      'finetune',
      peft ?? model,
      `${peft ? `peft_config.name: ${String(peft.value)}` : 'no peft_config'}: the loaded weights are trained`,
      peft ? 'high' : 'medium',
    );
  out.add('launch.trainer', 'config:llamafactory', model, `LLaMA-Factory v1 training config: ${id}`);
}
