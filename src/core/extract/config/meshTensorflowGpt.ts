import type { ConfigDialect, ConfigDoc, FactSink } from './dialect';
import { positiveIntegerAt } from './dialect';

/**
 * Mesh-TensorFlow GPT run configs (EleutherAI's GPT-Neo and the repositories built on it: `python3 main.py --model
 * <name> --tpu <tpu>`, where `<name>` is `configs/<name>.json` or a path to the JSON; the program has no default, so
 * each config is a run and its file names the model). A flat JSON: the transformer (`n_layer`, `n_embd`, `n_vocab`,
 * read through the sizing table like any config's sizes), the context `n_ctx`, `train_batch_size` (sequences a step),
 * `train_steps`, `precision`, and Mesh-TensorFlow's parallelism: `mesh_shape` (`"x:64,y:4"`, a named shape in
 * `mtf.convert_to_shape`'s syntax) and `layout` (`"batch:x,heads:y"`, tensor dimensions split over mesh dimensions).
 *
 * - Model: the config's file name (the program's `--model` argument is that name), medium confidence.
 * - Devices: the mesh's size, the product of `mesh_shape`'s dimensions. Mesh-TensorFlow places one slice of every
 *   tensor on each processor of the mesh and the mesh must have as many processors as the job has (GPT-Neo's README:
 *   "must be equal to the number of processors", its main.py sets `num_cores` to the mesh's size): TPU cores on a
 *   Cloud TPU (a v3-256 slice for `x:64,y:4`), GPUs with `--gpu_ids`. The count is the processors the framework
 *   sees; which accelerator they are is left to the estimate's settings (no generation is named, and the catalog's
 *   TPU rows are per chip).
 * - Attention-free layers: `attention_types` (`[[["global", "local"], 12]]`, a pattern repeated so many times, one
 *   entry per layer) may name `"none"`, a block with no attention sublayer (GPT-Neo's models/gpt2 block skips
 *   `attn` for it and keeps the feed-forward). Such a config is sized here: layers × 8d² (feed-forward of 4d) +
 *   attention layers × 4d² + (vocabulary + learned positions) × d (+ vocabulary × d with `no_weight_tie`). Blocks
 *   with other sublayers (`mlp_glu`, `macaron`, `moe_layers`) are not sized here.
 * - Positions: a learned table of `n_ctx` positions (`wpe`) unless `rotary_emb` or `axial_pos_emb` replaces it; the
 *   output layer is the token embedding unless `no_weight_tie` is true.
 * - Precision: `"precision": "bfloat16"` computes in bfloat16 (activation dtype bfloat16); anything else, or no key,
 *   keeps variables and activations in float32 (GPT-Neo's model_fns.py `VariableDType`), medium confidence.
 * - Mode: from scratch, medium confidence: the config names no checkpoint (fine-tuning is resuming from a
 *   `model_path` that already holds one, which no file states).
 */
export const meshTensorflowGpt: ConfigDialect = {
  name: 'mesh-tensorflow-gpt',
  words: ['mesh_shape'],
  owns: (path) => OWNED.has(path),
  detect: (doc: ConfigDoc) =>
    doc.prefix === '' &&
    meshSize(doc.str('mesh_shape')) !== undefined &&
    typeof doc.str('layout') === 'string' &&
    doc.num('n_layer') !== undefined &&
    doc.num('n_embd') !== undefined,
  read(doc: ConfigDoc, out: FactSink, file?: { readonly path: string }): void {
    const mesh = doc.get('mesh_shape')!;
    const shape = String(mesh.value);
    out.add('run.framework', 'mesh-tensorflow', mesh, 'Mesh-TensorFlow GPT config (mesh_shape, layout)');
    out.add(
      'launch.trainer',
      'config:mesh-tensorflow-gpt',
      mesh,
      'Mesh-TensorFlow GPT config (main.py --model <this config>): the config is the run',
    );
    const stem = file ? /([^/\\]+)\.json$/i.exec(file.path)?.[1] : undefined;
    if (stem && /^[\w.-]{1,100}$/.test(stem) && /[a-z]/i.test(stem))
      out.add('model.id', stem, mesh, `${stem}: the model this config defines (main.py --model ${stem})`, 'medium');
    const processors = meshSize(shape)!;
    out.add(
      'hardware.devices',
      processors,
      mesh,
      `mesh_shape ${shape}: ${processors} processors (the mesh has one per device: TPU cores, or GPUs with --gpu_ids)`,
    );
    const ctx = positiveIntegerAt(doc, 'n_ctx');
    if (ctx) out.add('training.seqLen', ctx.n, ctx.at, `n_ctx: ${ctx.n}`);
    const learned = !truthy(doc, 'rotary_emb') && !truthy(doc, 'axial_pos_emb');
    if (ctx && learned)
      out.add('model.learnedPositions', ctx.n, ctx.at, `n_ctx: ${ctx.n} learned positions (wpe)`, 'medium');
    const untied = truthy(doc, 'no_weight_tie');
    if (untied) out.add('model.untiedHead', true, doc.get('no_weight_tie')!, 'no_weight_tie: true', 'medium');
    const steps = positiveIntegerAt(doc, 'train_steps');
    if (steps) out.add('training.steps', steps.n, steps.at, `train_steps: ${steps.n}`);
    const precision = doc.get('precision');
    if (precision && doc.str('precision') === 'bfloat16')
      out.add('training.precision', 'bf16', precision, 'precision: bfloat16 (activations in bfloat16)');
    else
      out.add(
        'training.precision',
        'fp32',
        precision ?? mesh,
        precision
          ? `precision: ${String(precision.value)}: variables and activations in float32`
          : 'no precision key: variables and activations in float32',
        'medium',
      );
    out.add(
      'model.fromScratch',
      true,
      mesh,
      'the config names no checkpoint to start from (training resumes only from a model_path that holds one)',
      'medium',
    );
    readAttentionFreeLayers(doc, out, learned ? ctx?.n : undefined, untied);
  },
};

const OWNED = new Set(['mesh_shape', 'layout', 'n_ctx', 'train_steps', 'precision', 'attention_types']);
const MAX_MESH_DIMS = 8;
const MAX_LAYERS = 10_000;

/** The number of processors of a Mesh-TensorFlow shape string (`"x:16,y:8"` → 128), or undefined. */
export function meshSize(shape: string | undefined): number | undefined {
  if (shape === undefined || shape.length > 200) return undefined;
  const dims = shape.split(',');
  if (dims.length === 0 || dims.length > MAX_MESH_DIMS) return undefined;
  let size = 1;
  for (const dim of dims) {
    const m = /^\s*([A-Za-z_]\w{0,30})\s*:\s*(\d{1,6})\s*$/.exec(dim);
    if (!m || Number(m[2]) === 0) return undefined;
    size *= Number(m[2]);
  }
  return size;
}

function truthy(doc: ConfigDoc, key: string): boolean {
  const v = doc.get(key);
  return v !== undefined && v.value !== undefined && v.value !== null && v.value !== false && v.value !== '';
}

/** `attention_types` expanded (`[[["global", "none"], 6]]` → 12 entries); undefined when not in that shape. */
function expandAttentionTypes(doc: ConfigDoc): string[] | undefined {
  if (doc.get('attention_types')?.shape !== 'seq') return undefined;
  const layers: string[] = [];
  // Each lookup counts against one budget: a hostile list of long patterns stays linear in the cap.
  let budget = MAX_LAYERS;
  for (let i = 0; i < MAX_LAYERS && budget-- > 0; i++) {
    const item = doc.get(`attention_types.${i}`);
    if (!item) break;
    const times = positiveIntegerAt(doc, `${item.path}.1`)?.n;
    if (item.shape !== 'seq' || doc.get(`${item.path}.0`)?.shape !== 'seq' || times === undefined) return undefined;
    const kinds: string[] = [];
    for (let k = 0; budget-- > 0; k++) {
      const kind = doc.get(`${item.path}.0.${k}`);
      if (!kind) break;
      if (typeof kind.value !== 'string') return undefined;
      kinds.push(kind.value);
    }
    if (kinds.length === 0 || layers.length + kinds.length * times > MAX_LAYERS) return undefined;
    for (let t = 0; t < times; t++) layers.push(...kinds);
  }
  return layers;
}

function readAttentionFreeLayers(doc: ConfigDoc, out: FactSink, positions: number | undefined, untied: boolean): void {
  const layers = positiveIntegerAt(doc, 'n_layer')?.n;
  const d = positiveIntegerAt(doc, 'n_embd')?.n;
  const vocab = positiveIntegerAt(doc, 'n_vocab')?.n;
  if (!layers || !d || !vocab) return;
  if (['mlp_glu', 'macaron', 'moe_layers'].some((k) => truthy(doc, k))) return;
  const types = expandAttentionTypes(doc);
  if (!types || types.length !== layers) return;
  const withAttention = types.filter((t) => t !== 'none').length;
  if (withAttention === layers) return;
  const params = layers * 8 * d * d + withAttention * 4 * d * d + (vocab * (untied ? 2 : 1) + (positions ?? 0)) * d;
  out.add(
    'model.params',
    params,
    doc.get('attention_types')!,
    `attention_types: ${layers - withAttention} of ${layers} layers have no attention ("none"): ${layers} × 8d² feed-forward + ${withAttention} × 4d² attention + (${vocab} vocabulary${untied ? ' × 2, untied' : ''}${positions ? ` + ${positions} positions` : ''}) × d ${d}`,
    'medium',
  );
}
