import type { ConfigDialect, ConfigDoc, FactSink } from './dialect';
import { positiveIntegerAt } from './dialect';

/**
 * mesh-transformer-jax run configs (github.com/kingoflolz/mesh-transformer-jax: `python3 train.py --config <this>.json`,
 * `device_train.py --config`, `device_serve.py --config`; the programs have no default config, so each config is the
 * run). A flat JSON: the transformer (`d_model` and `n_vocab`, read through the sizing table like any config's
 * sizes, and `layers`, read here), the context `seq`, the model-parallel width `cores_per_replica`, the TPU slice `tpu_size` (in
 * TPU cores: train.py builds a `v3-{tpu_size}` slice), `per_replica_batch`, `gradient_accumulation_steps` and
 * `total_steps`.
 *
 * - Model: the layers of the library's `CausalTransformer` (mesh_transformer/layers.py: q, k, v, o of d × d, a dense
 *   feed-forward of 4·d, a separate output projection `ProjectionShard` of d × vocabulary, so the head is not tied to
 *   the embedding). GPT-J-6B's shape (28 × 4096, vocabulary 50400) gives 6.05B, the README's 6,053,381,344 less the
 *   biases and norms.
 * - Global batch (sequences per optimizer step): `gradient_accumulation_steps` × `per_replica_batch` × `tpu_size` /
 *   `cores_per_replica` (train.py: the data-parallel replicas are tpu_size / cores_per_replica); tokens: × `seq` ×
 *   `total_steps`.
 * - Devices: `tpu_size`, TPU cores (the slice's name counts cores: v3-8 is 8 cores on 4 chips). The accelerator is
 *   left to the estimate's settings: the catalog's TPU rows are per chip, not per core.
 * - Precision: bf16. The training step casts the fp32 master parameters to bfloat16 for the forward and backward pass
 *   (mesh_transformer/transformer_shard.py, `to_bf16(state["params"])` in train; the README's released "slim"
 *   weights are "bf16 weights only, for inference").
 * - Mode: the config names no checkpoint to start from (fine-tuning one is the `--tune-model-path` flag of
 *   device_train.py, a launch setting): from scratch, at medium confidence; `name` is the run's name, kept as the
 *   model's name.
 */
export const meshTransformerJax: ConfigDialect = {
  name: 'mesh-transformer-jax',
  words: ['cores_per_replica'],
  owns: (path) => MESH_KEYS.has(path),
  detect: (doc: ConfigDoc) =>
    doc.prefix === '' &&
    doc.num('cores_per_replica') !== undefined &&
    doc.num('seq') !== undefined &&
    doc.num('d_model') !== undefined &&
    doc.num('layers') !== undefined,
  read(doc: ConfigDoc, out: FactSink): void {
    const anchor = doc.get('cores_per_replica')!;
    out.add(
      'run.framework',
      'mesh-transformer-jax',
      anchor,
      'mesh-transformer-jax run config (cores_per_replica, seq)',
    );
    out.add(
      'launch.trainer',
      'config:mesh-transformer-jax',
      anchor,
      'mesh-transformer-jax run config (train.py / device_train.py --config <this>)',
    );
    const name = doc.get('name');
    if (typeof name?.value === 'string' && /^[\w.-]{1,100}$/.test(name.value))
      out.add('model.id', name.value, name, `name: ${name.value} (the run's model)`, 'medium');
    // `layers` is this dialect's own: as a key of every config it would be a word of the folder scan's prefilter, and
    // weight maps (`model.layers.0.mlp…`) would all be parsed. The width and vocabulary come from the sizing table.
    const layers = positiveIntegerAt(doc, 'layers');
    if (layers) out.add('model.layers', layers.n, layers.at, `layers: ${layers.n}`);
    out.add(
      'model.untiedHead',
      true,
      doc.get('n_vocab') ?? anchor,
      "CausalTransformer's output projection (ProjectionShard) is its own d × vocabulary matrix",
      'medium',
    );
    out.add(
      'model.fromScratch',
      true,
      anchor,
      'the config names no checkpoint to start from (a fine-tune is the --tune-model-path launch flag)',
      'medium',
    );
    const seq = positiveIntegerAt(doc, 'seq');
    if (seq) out.add('training.seqLen', seq.n, seq.at, `seq: ${seq.n}`);
    const steps = positiveIntegerAt(doc, 'total_steps');
    if (steps) out.add('training.steps', steps.n, steps.at, `total_steps: ${steps.n}`);
    const cores = positiveIntegerAt(doc, 'cores_per_replica');
    const tpu = positiveIntegerAt(doc, 'tpu_size');
    if (tpu) out.add('hardware.devices', tpu.n, tpu.at, `tpu_size: ${tpu.n} TPU cores (train.py: a v3-${tpu.n} slice)`);
    const perReplica = positiveIntegerAt(doc, 'per_replica_batch');
    const accumulation = positiveIntegerAt(doc, 'gradient_accumulation_steps')?.n ?? 1;
    if (cores && tpu && perReplica && tpu.n % cores.n === 0) {
      const replicas = tpu.n / cores.n;
      const global = accumulation * perReplica.n * replicas;
      out.add(
        'training.globalBatch',
        global,
        perReplica.at,
        `${accumulation} (gradient_accumulation_steps) × ${perReplica.n} (per_replica_batch) × ${replicas} replicas (tpu_size ${tpu.n} / cores_per_replica ${cores.n}) = ${global} sequences a step`,
      );
      if (steps && seq)
        out.add(
          'training.tokens',
          steps.n * global * seq.n,
          steps.at,
          `${steps.n} steps × ${global} sequences × ${seq.n} tokens`,
        );
    }
    out.add(
      'training.precision',
      'bf16',
      anchor,
      'mesh-transformer-jax casts its fp32 parameters to bf16 for the forward and backward pass (transformer_shard.py to_bf16)',
      'medium',
    );
  },
};

const MESH_KEYS = new Set([
  'layers',
  'seq',
  'total_steps',
  'tpu_size',
  'cores_per_replica',
  'per_replica_batch',
  'gradient_accumulation_steps',
  'name',
]);
