import type { ConfigDialect, ConfigDoc, ConfigValue, FactSink } from './dialect';
import { positiveIntegerAt } from './dialect';
import { CONFIG_PROGRAM_LINK } from '../python/configProgram';

/**
 * Fine-tuning configs that hold Hugging Face `TrainingArguments` / `Seq2SeqTrainingArguments` under a
 * `training_args:` section, beside a `peft_config:` (a PEFT config: `peft_type` LORA, PREFIX_TUNING, ...)
 * and the data settings; a fine-tuning program (`finetune.py <data> <model> <config.yaml>`) builds the
 * Trainer from the section and the adapter with `peft.get_peft_model`. The base model is usually a
 * command-line argument of that program, so it is often not named here.
 *
 * - length: `training_args.max_steps` (> 0 overrides epochs, TrainingArguments docs), else
 *   `num_train_epochs`;
 * - batch: `per_device_train_batch_size`, `gradient_accumulation_steps`;
 * - precision: `bf16` / `fp16` true; unset, the Trainer's float32 default applies (framework hf-trainer);
 * - mode: `peft_type: LORA` trains LoRA adapters; another PEFT method (prefix / prompt tuning, IA3) is a
 *   parameter-efficient fine-tune that is not LoRA; no `peft_config` trains the whole model.
 */

/**
 * Where such a program usually sits (beside the config or a folder above it, which the link resolver searches) and
 * how it is usually named. It gives the config only the dtype it loads the model in, and only when it reads the
 * config into a dataclass whose fields hold all the config's top-level keys (python/configProgram.ts).
 */
const PROGRAMS = ['finetune.py', 'train.py', 'main.py'];
/** Top-level keys handed to the link (a hostile config is not listed further). */
const MAX_KEYS = 64;

const ARGUMENTS = ['output_dir', 'max_steps', 'num_train_epochs', 'per_device_train_batch_size', 'learning_rate'];
const SECTION = 'training_args';
const OWNED = new Set(
  ['max_steps', 'num_train_epochs', 'per_device_train_batch_size', 'gradient_accumulation_steps', 'bf16', 'fp16'].map(
    (k) => `${SECTION}.${k}`,
  ),
);

export const trainingArgsSections: ConfigDialect = {
  name: 'training-args-section',
  words: ['training_args'],
  detect: (doc) => doc.get(SECTION)?.shape === 'map' && ARGUMENTS.filter((k) => doc.has(`${SECTION}.${k}`)).length >= 2,
  // Only what this dialect reads: the rest of the section (a `deepspeed:` file to link, sequence lengths) stays
  // with the generic key table.
  owns: (path) => OWNED.has(path) || path.startsWith('peft_config.'),
  read(doc: ConfigDoc, out: FactSink): void {
    const section = doc.get(SECTION)!;
    out.add('run.framework', 'hf-trainer', section, 'Hugging Face TrainingArguments under training_args:');
    const steps = positiveIntegerAt(doc, `${SECTION}.max_steps`);
    if (steps) out.add('training.steps', steps.n, steps.at, `training_args.max_steps: ${steps.n}`);
    else {
      const epochs = doc.get(`${SECTION}.num_train_epochs`);
      const e = doc.num(`${SECTION}.num_train_epochs`);
      if (epochs && e && e > 0) out.add('training.epochs', e, epochs, `training_args.num_train_epochs: ${e}`);
    }
    const batch = positiveIntegerAt(doc, `${SECTION}.per_device_train_batch_size`);
    if (batch) out.add('training.batchPerDevice', batch.n, batch.at, `per_device_train_batch_size: ${batch.n}`);
    const accumulation = positiveIntegerAt(doc, `${SECTION}.gradient_accumulation_steps`);
    if (accumulation && accumulation.n > 1)
      out.add(
        'training.gradientAccumulation',
        accumulation.n,
        accumulation.at,
        `gradient_accumulation_steps: ${accumulation.n}`,
      );
    for (const [key, precision] of [
      ['bf16', 'bf16'],
      ['fp16', 'fp16'],
    ] as const) {
      const flag = doc.get(`${SECTION}.${key}`);
      if (flag?.value === true) out.add('training.precision', precision, flag, `training_args.${key}: true`);
    }
    readMode(doc, section, out);
    const model = doc.get('model_name_or_path') ?? doc.get('model_id');
    if (typeof model?.value === 'string' && model.value.trim())
      out.add('model.id', model.value, model, `${model.key}: ${model.value}`);
    const keys = doc
      .entries()
      .slice(0, MAX_KEYS)
      .map((e) => e.key);
    for (const program of PROGRAMS)
      out.add('link.config', program, section, `${CONFIG_PROGRAM_LINK}${program}, if it is there`, 'low', {
        passes: keys,
      });
    out.add(
      'launch.trainer',
      'config:training-args-section',
      section,
      'fine-tuning config (training_args / peft_config) a training program builds its Trainer from',
    );
  },
};

function readMode(doc: ConfigDoc, section: ConfigValue, out: FactSink): void {
  const type = doc.get('peft_config.peft_type');
  const method = typeof type?.value === 'string' ? type.value.trim().toUpperCase() : undefined;
  if (type && method) {
    out.add('model.fromScratch', false, type, 'a PEFT method trains on a pretrained base model');
    if (method === 'LORA' || method === 'ADALORA')
      out.add('training.mode', 'lora', type, `peft_config.peft_type ${method}: LoRA adapters on frozen base weights`);
    else
      out.add(
        'training.mode',
        'finetune',
        type,
        `peft_config.peft_type ${method}: a parameter-efficient fine-tune of a pretrained model (not LoRA)`,
        'medium',
      );
    return;
  }
  if (!doc.has('peft_config'))
    out.add(
      'training.mode',
      'finetune',
      section,
      'no peft_config: the Trainer trains the whole pretrained model (full fine-tune)',
      'medium',
    );
}
