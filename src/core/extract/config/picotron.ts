import type { ConfigDialect, ConfigDoc, FactSink } from './dialect';

/**
 * picotron job configs (github.com/huggingface/picotron: `torchrun --nproc_per_node N train.py --config
 * <config.json>`, a JSON in sections that train.py reads key by key): `model.name` (the Hub model whose
 * architecture and tokenizer are used; `num_hidden_layers`/`num_attention_heads`/`num_key_value_heads` override
 * its config), `training.total_train_steps` (optimizer steps), `distributed.{tp,cp,pp,dp}_size`, whose product
 * train.py asserts equals the world size: the GPUs the job runs on. The generic key table reads the sizes,
 * `model.dtype`, `seq_length`, `micro_batch_size` and `gradient_accumulation_steps`.
 */

const PARALLEL_SIZES = ['tp_size', 'cp_size', 'pp_size', 'dp_size'] as const;

export const picotron: ConfigDialect = {
  name: 'picotron',
  words: ['total_train_steps'],
  detect: (doc) =>
    doc.get('model')?.shape === 'map' &&
    doc.get('distributed')?.shape === 'map' &&
    doc.has('training.total_train_steps') &&
    PARALLEL_SIZES.some((k) => doc.has(`distributed.${k}`)),
  owns: (path) => path === 'model.name' || path === 'training.total_train_steps' || path.startsWith('distributed.'),
  read(doc: ConfigDoc, out: FactSink): void {
    const steps = doc.get('training.total_train_steps')!;
    out.add('run.framework', 'picotron', steps, 'picotron job config (train.py --config)');
    const name = doc.get('model.name');
    if (name && typeof name.value === 'string' && /^[\w.-]+\/[\w.-]+$/.test(name.value.trim()))
      out.add('model.id', name.value.trim(), name, `model.name: ${name.value.trim()}`);
    const n = doc.num('training.total_train_steps');
    if (n !== undefined && n > 0 && Number.isInteger(n))
      out.add('training.steps', n, steps, `training.total_train_steps: ${n}`);
    readWorldSize(doc, out);
    out.add('launch.trainer', 'config:picotron', steps, 'picotron job config (torchrun train.py --config <this>)');
  },
};

/** tp × cp × pp × dp: train.py asserts the world size equals it. */
function readWorldSize(doc: ConfigDoc, out: FactSink): void {
  const section = doc.get('distributed')!;
  let gpus = 1;
  const written: string[] = [];
  for (const key of PARALLEL_SIZES) {
    if (!doc.has(`distributed.${key}`)) continue;
    const v = doc.num(`distributed.${key}`);
    if (v === undefined || v <= 0 || !Number.isInteger(v)) {
      out.add('hardware.devices', null, section, `distributed.${key} is not a number: GPU count unknown`);
      return;
    }
    gpus *= v;
    written.push(`${key} ${v}`);
  }
  if (doc.get('distributed.use_cpu')?.value === true) return;
  out.add(
    'hardware.devices',
    gpus,
    section,
    `distributed ${written.join(' × ')} = ${gpus} GPU${gpus === 1 ? '' : 's'} (picotron asserts the world size equals it)`,
  );
}
