import type { ConfigDialect, ConfigDoc, FactSink } from './dialect';

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
export const llamaFactory: ConfigDialect = {
  name: 'llamafactory',
  words: ['finetuning_type', 'stage', 'infer_backend', 'cutoff_len', 'template'],
  detect: (doc) =>
    doc.has('model_name_or_path') &&
    (doc.has('finetuning_type') || /^(pt|sft|rm|ppo|dpo|kto)$/.test(doc.str('stage') ?? '') || doc.has('infer_backend') || (doc.has('template') && (doc.has('cutoff_len') || doc.has('do_train')))),
  read(doc: ConfigDoc, out: FactSink): void {
    const model = doc.get('model_name_or_path')!;
    const stage = doc.get('stage');
    const anchor = stage ?? model;
    out.add('run.framework', 'llamafactory', anchor, `LLaMA-Factory config${stage ? ` (stage: ${String(stage.value)})` : ''}`);
    const train = doc.get('do_train');
    // do_train defaults to false (Hugging Face TrainingArguments): without it LLaMA-Factory predicts or serves.
    const training = train?.value === true;
    if (!training) {
      if (doc.has('infer_backend') || doc.get('do_predict')?.value === true) out.add('launch.inference', 'config:llamafactory', doc.get('infer_backend') ?? doc.get('do_predict')!, 'LLaMA-Factory inference config');
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
      const fourBit = bits === 4 && quantMethod === 'bnb';
      const at = fourBit ? doc.get('quantization_bit')! : type ?? anchor;
      out.add('training.mode', fourBit ? 'qlora' : 'lora', at, fourBit ? `finetuning_type ${method} with quantization_bit: 4 (bitsandbytes)` : `finetuning_type: ${method}${type ? '' : ' (the default)'}: adapters on frozen weights`, type ? 'high' : 'medium');
    } else {
      out.add('training.mode', 'finetune', type ?? anchor, `finetuning_type: ${method}: the loaded weights are updated${stage?.value === 'pt' ? ' (continued pre-training)' : ''}`);
    }
    // max_samples truncates each dataset of the comma-separated list: an upper bound on examples.
    const maxSamples = doc.get('max_samples');
    const n = doc.num('max_samples');
    const datasets = (doc.str('dataset') ?? '').split(',').map((d) => d.trim()).filter(Boolean);
    if (maxSamples && n && n > 0 && datasets.length > 0) {
      out.add('training.datasetSamples', n * datasets.length, maxSamples, `max_samples ${n} per dataset × ${datasets.length} dataset${datasets.length > 1 ? 's' : ''}: at most ${n * datasets.length} examples`, 'low');
    }
    if (typeof model.value === 'string' && model.value) out.add('launch.trainer', 'config:llamafactory', anchor, `LLaMA-Factory ${String(stage?.value ?? 'sft')} config: ${model.value}`);
  },
};

