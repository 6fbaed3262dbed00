import type { ConfigDialect, ConfigDoc, FactSink } from './dialect';
import { readTrainingMethod } from './trainMode';

/**
 * TRL CLI configs (`trl sft --config config.yaml`, TRL's examples/cli_configs) and the
 * alignment-handbook recipes (`recipes/<model>/{sft,dpo,orpo}/config_*.yaml`, run by
 * `accelerate launch scripts/{sft,dpo}.py <config>`): Hugging Face TrainingArguments plus
 * TRL's ModelConfig (`model_name_or_path`, `use_peft`, `lora_r`, `load_in_4bit`) and
 * ScriptArguments (`dataset_name`, or the handbook's `dataset_mixture`).
 *
 * The generic key table reads the sizes, precision and adapters; this dialect adds what a
 * TRL config is: a run (a model and what to train it on), on a pretrained model (every TRL
 * trainer, SFT/DPO/ORPO/KTO/GRPO/reward, fine-tunes the checkpoint it is given).
 */

/** Keys only TRL's ModelConfig/ScriptArguments/trainer configs or the handbook recipes use. */
const TRL_KEYS = [
  'use_peft',
  'lora_r',
  'lora_target_modules',
  'dataset_mixture',
  'dataset_mixer',
  'dataset_text_field',
  'max_prompt_length',
  'num_generations',
  'completion_only_loss',
  'assistant_only_loss',
  'packing',
  'dataset_train_split',
  'loss_type',
  'beta',
  'chat_template',
];
/** Sampling settings of a GRPO-style config (TRL GRPOConfig: num_generations, max_completion_length, temperature). */
const GENERATION_KEYS = ['num_generations', 'max_completion_length', 'temperature', 'top_p', 'max_new_tokens'];
/** Any of these makes the config a training run (TrainingArguments' optimizer, schedule and batch settings). */
const TRAINING_KEYS = [
  'learning_rate',
  'lr_scheduler_type',
  'num_train_epochs',
  'max_steps',
  'per_device_train_batch_size',
  'gradient_accumulation_steps',
  'warmup_ratio',
  'warmup_steps',
  'optim',
  'gradient_checkpointing',
  'use_peft',
  'beta',
  'loss_type',
];
const TRAINERS = /\btrl\s+(sft|dpo|grpo|kto|orpo|reward|rloo|ppo|online_dpo|xpo|nash_md|gkd|bco|cpo)\b/;

export const trl: ConfigDialect = {
  name: 'trl',
  words: ['model_name_or_path'],
  detect: (doc) =>
    doc.has('model_name_or_path') &&
    !doc.has('finetuning_type') &&
    !doc.has('stage') &&
    (TRL_KEYS.some((k) => doc.has(k)) || doc.comments().some((c) => TRAINERS.test(c.text))),
  read(doc: ConfigDoc, out: FactSink, file?: { readonly path: string }): void {
    const model = doc.get('model_name_or_path')!;
    readTrainingMethod(doc, out, file?.path, false);
    const trainer = doc
      .comments()
      .map((c) => TRAINERS.exec(c.text)?.[1])
      .find(Boolean);
    out.add('run.framework', 'trl', model, `TRL config${trainer ? ` (trl ${trainer}, from the usage comment)` : ''}`);
    const datasetConfig = doc.get('dataset_config') ?? doc.get('dataset_config_name');
    if (typeof datasetConfig?.value === 'string' && datasetConfig.value)
      out.add(
        'training.datasetConfig',
        datasetConfig.value,
        datasetConfig,
        `${datasetConfig.key}: ${datasetConfig.value}`,
      );
    const mixture = doc.get('dataset_mixture.datasets.0.id');
    if (typeof mixture?.value === 'string')
      out.add('training.dataset', mixture.value, mixture, `dataset_mixture: first dataset ${mixture.value}`);
    // A recipe that samples completions and sets nothing of an optimizer or a schedule (open-r1's pass-rate
    // filtering configs: TrlParser over GRPOConfig, whose `num_generations` completions per prompt a program
    // generates and scores to filter a dataset) is a generation run: the model is only run forward.
    const generates = GENERATION_KEYS.filter((k) => doc.has(k));
    if (
      typeof model.value === 'string' &&
      model.value &&
      generates.length >= 2 &&
      !TRAINING_KEYS.some((k) => doc.has(k))
    ) {
      out.add('training.mode', 'inference', model, `${generates.join(', ')} and no optimizer or schedule: generation`);
      out.add('launch.inference', 'config:trl-generation', model, `TRL config that generates with ${model.value}`);
      return;
    }
    const trains =
      doc.has('dataset_name') ||
      doc.has('dataset_mixture') ||
      doc.has('dataset_mixer') ||
      doc.has('datasets') ||
      doc.has('num_train_epochs') ||
      doc.has('max_steps') ||
      trainer !== undefined;
    if (typeof model.value === 'string' && model.value && trains) {
      out.add(
        'model.fromScratch',
        false,
        model,
        `${trainer ? `trl ${trainer} fine-tunes` : 'TRL trainers fine-tune'} the pretrained ${model.value}`,
        'medium',
      );
      out.add(
        'launch.trainer',
        'config:trl',
        model,
        `TRL config${trainer ? ` for trl ${trainer}` : ''}: ${model.value}`,
      );
    }
  },
};
