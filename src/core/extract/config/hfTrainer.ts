import type { ConfigDialect, ConfigDoc, FactSink } from './dialect';
import { readTrainingMethod } from './trainMode';
import { llamaFactory } from './llamaFactory';
import { trl } from './trl';

/**
 * Hugging Face Trainer argument files: the YAML/JSON that `HfArgumentParser.parse_yaml_file` /
 * `parse_json_file` read for transformers' example scripts (`python run_clm.py args.json`),
 * holding ModelArguments, DataTrainingArguments and TrainingArguments together. The generic key
 * table reads their values (and makes a run of a model with a training length, as before); this
 * dialect only names the framework, so what reads it later (precision defaults) knows it is the
 * Hugging Face Trainer. TRL and LLaMA-Factory configs are the same shape with their own dialects.
 */
const TRAINING_ARGUMENTS = [
  'output_dir',
  'num_train_epochs',
  'per_device_train_batch_size',
  'learning_rate',
  'do_train',
  'max_steps',
];

export const hfTrainer: ConfigDialect = {
  name: 'hf-trainer',
  words: ['model_name_or_path'],
  detect: (doc: ConfigDoc) =>
    doc.has('model_name_or_path') &&
    TRAINING_ARGUMENTS.filter((k) => doc.has(k)).length >= 2 &&
    !trl.detect(doc) &&
    !llamaFactory.detect(doc),
  read(doc: ConfigDoc, out: FactSink, file?: { readonly path: string }): void {
    const model = doc.get('model_name_or_path')!;
    out.add(
      'run.framework',
      'hf-trainer',
      model,
      'Hugging Face Trainer arguments (ModelArguments + TrainingArguments)',
    );
    readTrainingMethod(doc, out, file?.path, true);
  },
};
