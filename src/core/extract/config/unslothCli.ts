import { ADAPTER_OFF } from '../configFacts';
import type { ConfigDialect, ConfigDoc, FactSink } from './dialect';

/**
 * Unsloth CLI run configs (`unsloth train --config run.yaml`): a top-level `model` (the Hub checkpoint), `data.dataset`,
 * a `training:` section (`training_type: lora | full`, `load_in_4bit`, `num_epochs`, `max_steps`, `batch_size`,
 * `gradient_accumulation_steps`, `max_seq_length`) and a `lora:` section (`lora_r`, `lora_alpha`, ...). The schema and
 * its defaults are the CLI's pydantic `Config` (unslothai/unsloth, unsloth_cli/config.py): `training_type` defaults to
 * "lora", `load_in_4bit` to true, `num_epochs` to 3, `max_steps` to 0 (not set).
 *
 * - mode: LoRA on the 4-bit base (`load_in_4bit` true, the default) is QLoRA, on a 16-bit base LoRA; `full` trains every
 *   weight of the pretrained checkpoint (a fine-tune).
 * - precision: the trainer sets `bf16=is_bfloat16_supported()` and `fp16=not is_bfloat16_supported()` (Unsloth's
 *   trainers and notebooks), so bf16 where the GPU supports it, else fp16.
 *
 * The generic key table reads the sizes it shares with other configs (`num_epochs`, `batch_size`, `max_seq_length`,
 * `gradient_accumulation_steps`, `load_in_4bit`); this dialect says what the file is: a run of `model` for the Unsloth
 * trainer. Per-model preset files (a `training:` section without `model`) are fragments merged into a run, not runs.
 */
const TRAINING_TYPES = new Set(['lora', 'full']);

export const unslothCli: ConfigDialect = {
  name: 'unsloth-cli',
  words: ['training_type', 'lora_r'],
  detect: (doc: ConfigDoc) => {
    if (typeof doc.str('model') !== 'string' || doc.get('training')?.shape !== 'map') return false;
    const type = doc.str('training.training_type');
    return (type !== undefined && TRAINING_TYPES.has(type)) || doc.has('lora.lora_r');
  },
  read(doc: ConfigDoc, out: FactSink): void {
    const model = doc.get('model')!;
    const id = doc.str('model')!.trim();
    if (!id) return;
    out.add('model.id', id, model, `model: ${id} (Unsloth CLI config)`);
    out.add('model.fromScratch', false, model, 'the Unsloth CLI loads the pretrained checkpoint `model` names');
    out.add('launch.trainer', 'config:unsloth-cli', model, `Unsloth CLI run config (unsloth train --config): ${id}`);
    const typeAt = doc.get('training.training_type');
    const type = doc.str('training.training_type') ?? 'lora';
    const typeNote = typeAt ? `training.training_type: ${type}` : 'training_type unset (the CLI defaults to lora)';
    if (type === 'full')
      out.add('training.adapter', ADAPTER_OFF, typeAt ?? model, `${typeNote}: every weight is trained, no adapter`);
    else {
      const fourBitAt = doc.get('training.load_in_4bit');
      const fourBit = fourBitAt ? fourBitAt.value === true : true;
      out.add(
        'training.adapter',
        fourBit ? 'qlora' : 'lora',
        typeAt ?? fourBitAt ?? model,
        `${typeNote}, load_in_4bit ${fourBitAt ? String(fourBitAt.value) : 'unset (the CLI defaults to true)'}: LoRA on a ${fourBit ? '4-bit' : '16-bit'} base`,
      );
    }
    if (!doc.has('training.num_epochs') && !((doc.num('training.max_steps') ?? 0) > 0))
      out.add(
        'training.epochs',
        3,
        model,
        'num_epochs unset: the Unsloth CLI config defaults to 3 (unsloth_cli/config.py)',
        'medium',
      );
    const dataset = doc.get('data.dataset');
    const name = doc.str('data.dataset');
    if (dataset && name) out.add('training.dataset', name, dataset, `data.dataset: ${name}`);
    out.add(
      'training.precisionByGpu',
      'fp16',
      model,
      "Unsloth's trainer sets bf16=is_bfloat16_supported(), fp16 otherwise: bf16 where the GPU supports it, else fp16",
      'medium',
    );
    out.add('training.precision', null, model, "the Unsloth trainer's precision depends on the GPU it runs on", 'low');
  },
};
