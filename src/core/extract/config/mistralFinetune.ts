import type { ConfigDialect, ConfigDoc, FactSink } from './dialect';
import { hubIdInPath, positiveIntegerAt, sizeFromName } from './dialect';
import { withoutTrailingSlashes } from '../../trimSlashes';
import { findModel } from '../../knowledge';
import { LOCAL_FOLDER_NO_MODEL } from '../localModelFolder';

/**
 * mistral-finetune training configs (`torchrun -m train config.yaml`, the YAML form of its `TrainArgs`
 * dataclass, github.com/mistralai/mistral-finetune finetune/args.py): `model_id_or_path` (a downloaded
 * checkpoint folder), `lora: {rank}` (LoRA adapters; `lora.enable: false` trains every weight),
 * `max_steps`, `seq_len` (tokens per sequence), `batch_size` (sequences per device per micro-batch) and
 * `num_microbatches` (micro-batches accumulated per step), `data.instruct_data` / `data.data`.
 *
 * The compute precision is not a key: the trainer fixes it (train.py, "Define mixed precision": `param_dtype =
 * torch.bfloat16`, handed to `load_model` and to the optimiser's mixed-precision up/down casts, with float32 kept
 * only for the optimiser's copy), so every run of a TrainArgs config computes in bf16.
 */

export const mistralFinetune: ConfigDialect = {
  name: 'mistral-finetune',
  words: ['model_id_or_path'],
  detect: (doc) =>
    doc.has('model_id_or_path') &&
    (doc.has('max_steps') || doc.has('seq_len')) &&
    (doc.get('lora')?.shape === 'map' || doc.get('data')?.shape === 'map'),
  owns: (path) =>
    path === 'model_id_or_path' ||
    path === 'max_steps' ||
    path === 'seq_len' ||
    path === 'batch_size' ||
    path === 'num_microbatches' ||
    path.startsWith('lora.') ||
    path.startsWith('optim.'),
  read(doc: ConfigDoc, out: FactSink): void {
    const model = doc.get('model_id_or_path')!;
    out.add('run.framework', 'mistral-finetune', model, 'mistral-finetune training config (TrainArgs)');
    if (typeof model.value === 'string' && model.value.trim()) {
      const path = model.value.trim();
      const hub = hubIdInPath(path);
      const folder = withoutTrailingSlashes(path.replace(/\\/g, '/')).split('/').pop();
      // A folder named for its model (`/models/Mistral-7B-v0.3`) names it; one that is not (`/content/llm_weights`)
      // leaves the model unknown rather than showing the folder as a model.
      const id = hub ?? (folder && (folder === path || findModel(folder) || sizeFromName(folder)) ? folder : undefined);
      if (id) out.add('model.id', id, model, `model_id_or_path: ${path}`, id === path ? 'high' : 'medium');
      else out.add('model.id', null, model, `model_id_or_path: ${path}${LOCAL_FOLDER_NO_MODEL}`, 'low');
    }
    const steps = positiveIntegerAt(doc, 'max_steps');
    if (steps) out.add('training.steps', steps.n, steps.at, `max_steps: ${steps.n}`);
    const seq = positiveIntegerAt(doc, 'seq_len');
    if (seq) out.add('training.seqLen', seq.n, seq.at, `seq_len: ${seq.n}`);
    const batch = positiveIntegerAt(doc, 'batch_size');
    if (batch) out.add('training.batchPerDevice', batch.n, batch.at, `batch_size: ${batch.n} sequences per device`);
    const micro = positiveIntegerAt(doc, 'num_microbatches');
    if (micro && micro.n > 1)
      out.add('training.gradientAccumulation', micro.n, micro.at, `num_microbatches: ${micro.n} accumulated per step`);
    readMode(doc, out);
    out.add(
      'training.precision',
      'bf16',
      model,
      'mistral-finetune computes in bfloat16 whatever the config says (train.py: param_dtype = torch.bfloat16)',
      'medium',
    );
    out.add(
      'launch.trainer',
      'config:mistral-finetune',
      steps?.at ?? model,
      'mistral-finetune training config (torchrun -m train <this>)',
    );
  },
};

function readMode(doc: ConfigDoc, out: FactSink): void {
  const lora = doc.get('lora');
  if (lora?.shape !== 'map') return;
  const enable = doc.get('lora.enable');
  out.add('model.fromScratch', false, lora, 'mistral-finetune trains a downloaded checkpoint');
  if (enable?.value === false) {
    out.add('training.mode', 'finetune', enable, 'lora.enable: false: every weight is trained');
    return;
  }
  const rank = doc.get('lora.rank');
  out.add(
    'training.mode',
    'lora',
    rank ?? lora,
    rank ? `lora.rank: ${String(rank.value)}: LoRA adapters on frozen base weights` : 'lora: LoRA adapters',
  );
}
