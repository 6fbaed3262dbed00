import type { ConfigDialect, ConfigDoc, ConfigValue, FactSink } from './dialect';
import { positiveIntegerAt } from './dialect';
import { acceleratorName } from './headerHardware';

/**
 * CoreNet / CVNets run configs (github.com/apple/corenet, `corenet-train --common.config-file <this>.yaml`,
 * `corenet-eval*`; the same dialect as apple/ml-cvnets' `cvnets-train`). The YAML is the run's whole definition:
 * each key is a command-line option of corenet/options/opts.py written as nested sections (`--common.mixed-precision`
 * is `common: {mixed_precision: ...}`). A config is recognised by the sections the trainer needs together: `common`
 * (`run_label`, `mixed_precision`, ...), `dataset` with its task `category`, and `model` with a `<task>: {name: ...}`
 * section. Read here, with CoreNet's documented defaults (corenet/options/opts.py, corenet/optims/scheduler,
 * corenet/constants.py):
 *
 * - Length: `scheduler.is_iteration_based: true` stops training at `scheduler.max_iterations` optimizer steps;
 *   otherwise the trainer loops over `scheduler.max_epochs` epochs. A config without a `scheduler` (or an `optim`)
 *   section is read by the eval entry points: an evaluation of the model.
 * - Precision: `common.mixed_precision: true` runs the steps under autocast in `common.mixed_precision_dtype`
 *   (default "float16"); the FSDP pipeline (`fsdp.parameter_datatype`) computes in its parameter dtype; otherwise
 *   float32.
 * - Model: `model.<task>.name` with the sub-section of that name (`vit: {mode: base}`, `resnet: {depth: 50}`,
 *   `fastvit: {variant: T8}`, `general_gpt: {model_name: OpenELM-270M}`); a detection/segmentation/CLIP model names
 *   its image backbone in `model.classification`. Segmentation's `encoder_decoder` names its head in `seg_head`.
 * - Start: `pretrained` on the task's own model section loads weights of that model (a fine-tune); a detector or
 *   segmenter whose only `pretrained` is the backbone's (`model.classification.pretrained`) trains its task from an
 *   ImageNet backbone (pre-training of the task model by the labels' rule). `model.lora.use_lora: true` trains LoRA
 *   adapters on the frozen base.
 * - Batch: `dataset.train_batch_size0` is the batch on each GPU; `common.accum_freq` accumulates steps. The GPUs are
 *   not an option (the launcher decides); the configs state them in the comment on the effective batch
 *   ("effective batch size is 1024 (128 * 8 GPUs)", "16 sequences x 8 A100 GPUs x 16 nodes"), read with low
 *   confidence.
 */

/** Task sections of `model`, the task model first (a detector before the backbone it names in `classification`). */
const TASKS = [
  'language_modeling',
  'multi_modal_image_text',
  'detection',
  'segmentation',
  'audio_classification',
  'video_classification',
  'classification',
] as const;

/** Keys of a model's own sub-section that pick its size. */
const SIZE_KEYS = ['mode', 'variant'];

const DTYPES: Readonly<Record<string, 'fp16' | 'bf16' | 'fp32'>> = {
  float16: 'fp16',
  half: 'fp16',
  bfloat16: 'bf16',
  float32: 'fp32',
  float: 'fp32',
};

function taskOf(doc: ConfigDoc): string | undefined {
  return TASKS.find((t) => typeof doc.str(`model.${t}.name`) === 'string');
}

function isCoreNetConfig(doc: ConfigDoc): boolean {
  return (
    doc.prefix === '' &&
    doc.get('common')?.shape === 'map' &&
    doc.get('model')?.shape === 'map' &&
    typeof doc.str('dataset.category') === 'string' &&
    taskOf(doc) !== undefined &&
    ['run_label', 'mixed_precision', 'log_freq', 'auto_resume', 'accum_freq'].some((k) => doc.has(`common.${k}`))
  );
}

/** The model a task section names: its `name` with the size its own sub-section picks, and where that is written. */
function modelName(doc: ConfigDoc, task: string): { name: string; at: ConfigValue } | undefined {
  const base = `model.${task}`;
  const at = doc.get(`${base}.name`);
  const own = doc.str(`${base}.name`);
  if (!at || own === undefined) return undefined;
  const head = doc.get(`${base}.seg_head`);
  const name = own === 'encoder_decoder' && typeof head?.value === 'string' ? head.value : own;
  for (const sub of doc.entries(base)) {
    if (sub.shape !== 'map') continue;
    const full = doc.get(`${sub.path}.model_name`);
    if (typeof full?.value === 'string' && full.value !== '') return { name: full.value, at: full };
  }
  for (const k of SIZE_KEYS) {
    const size = doc.get(`${base}.${own}.${k}`);
    if (typeof size?.value === 'string' && /^[\w.-]{1,20}$/.test(size.value))
      return { name: `${name}_${size.value.toLowerCase()}`, at: size };
  }
  const depth = doc.get(`${base}.${own}.depth`);
  if (typeof depth?.value === 'number' && Number.isInteger(depth.value) && depth.value > 0)
    return { name: `${name}${depth.value}`, at: depth };
  return { name, at };
}

function stated(v: ConfigValue | undefined): v is ConfigValue {
  return typeof v?.value === 'string' && v.value.trim() !== '';
}

/** A `pretrained` key anywhere in the task's section (a KV-prediction model loads its base and auxiliary models there). */
function taskWeights(doc: ConfigDoc, task: string): ConfigValue | undefined {
  const prefix = `model.${task}.`;
  const direct = doc.get(`${prefix}pretrained`);
  if (stated(direct)) return direct;
  return doc.walk().find((v) => v.path.startsWith(prefix) && v.key === 'pretrained' && stated(v));
}

/** Longer comment lines are not a batch statement; the cap also bounds the matching. */
const MAX_COMMENT = 240;
const MAX_LINES = 400;
/** A number and the word after it ("8 GPUs", "16 nodes", "4 A100", "8xA100"). */
const COUNTED = /(\d{1,5})\s{0,3}x?\s{0,3}([a-z][\w-]{0,30})/gi;

/**
 * The GPUs an effective-batch comment multiplies out ("(256 * 4 GPUs)", "8 A100 80 GB GPUs x 16 nodes",
 * "32 nodes * 8 gpus per node * 256 batches per GPU"): the count before an accelerator word times the count before
 * "nodes". Counts before other words (images, sequences, batches per GPU, tokens) are the batch's, not devices.
 */
export function devicesOfBatchComment(comment: string): number | undefined {
  if (comment.length > MAX_COMMENT || !/batch/i.test(comment)) return undefined;
  let gpus: number | undefined;
  let nodes = 1;
  for (const m of comment.matchAll(COUNTED)) {
    const n = Number(m[1]);
    const word = m[2].replace(/^x(?=[a-z]\d)/i, '');
    if (/^(nodes?|machines?|hosts?)$/i.test(word)) nodes = n;
    else if (gpus === undefined && acceleratorName(word)) gpus = n;
  }
  return gpus !== undefined && gpus > 0 && nodes > 0 ? gpus * nodes : undefined;
}

function readDevices(doc: ConfigDoc, out: FactSink): void {
  const lines = doc.text.split('\n', MAX_LINES);
  for (let i = 0; i < lines.length; i++) {
    const hash = lines[i].indexOf('#');
    if (hash < 0) continue;
    const comment = lines[i].slice(hash + 1);
    const devices = devicesOfBatchComment(comment);
    if (devices === undefined) continue;
    out.add(
      'hardware.devices',
      devices,
      { startLine: i, startCol: hash, endLine: i, endCol: lines[i].length },
      `the effective-batch comment: ${comment.trim()}`,
      'low',
    );
    return;
  }
}

export const corenet: ConfigDialect = {
  name: 'corenet',
  words: ['common'],
  detect: isCoreNetConfig,
  owns: (path) =>
    path.startsWith('scheduler.') ||
    path.startsWith('common.') ||
    path.startsWith('fsdp.') ||
    path === 'dataset.train_batch_size0' ||
    path.startsWith('model.') ||
    // A `pretrained` outside the task model's section is another model's (a distillation teacher's), read above.
    path.endsWith('.pretrained'),
  read(doc: ConfigDoc, out: FactSink): void {
    const task = taskOf(doc)!;
    const at = doc.get(`model.${task}.name`)!;
    const training = doc.get('scheduler')?.shape === 'map' && doc.get('optim')?.shape === 'map';
    out.add('run.framework', 'corenet', at, 'CoreNet config (common, dataset.category, model.<task>.name)');
    if (training)
      out.add('launch.trainer', 'config:corenet', at, 'CoreNet training config (corenet-train --common.config-file)');
    else
      out.add(
        'launch.inference',
        'config:corenet',
        at,
        'CoreNet config without scheduler/optim sections: read by the corenet-eval entry points',
      );

    const model = modelName(doc, task);
    const backbone = task !== 'classification' ? modelName(doc, 'classification') : undefined;
    if (model) {
      // A detector, segmenter or CLIP model is named with the image backbone it is built on (ssd_mobilenetv3_large).
      const name = backbone && !model.name.includes(backbone.name) ? `${model.name}_${backbone.name}` : model.name;
      out.add('model.id', name, model.at, `model.${task}: ${name}`, 'medium');
    }

    const lora = doc.get('model.lora.use_lora');
    if (!training) out.add('training.mode', 'inference', at, 'an evaluation config (no scheduler/optim)');
    else if (lora?.value === true) {
      out.add('training.adapter', 'lora', lora, 'model.lora.use_lora: true');
      out.add('training.mode', 'lora', lora, 'model.lora.use_lora: true (LoRA adapters on the frozen base)');
    } else {
      const weights = taskWeights(doc, task);
      if (weights) {
        out.add('model.fromScratch', false, weights, `${weights.path}: starts from these weights`);
        out.add('training.mode', 'finetune', weights, `${weights.path}: fine-tunes these weights`);
      } else {
        const bb = task !== 'classification' ? doc.get('model.classification.pretrained') : undefined;
        out.add(
          'model.fromScratch',
          true,
          stated(bb) ? bb : at,
          stated(bb)
            ? `model.classification.pretrained: an ImageNet backbone only; the ${task} model trains on its task`
            : `no model.${task}.pretrained: trained from its initialisation`,
          'medium',
        );
      }
    }

    if (training) {
      const iterationBased = doc.get('scheduler.is_iteration_based')?.value === true;
      if (iterationBased) {
        const steps = positiveIntegerAt(doc, 'scheduler.max_iterations');
        if (steps)
          out.add('training.steps', steps.n, steps.at, `scheduler.max_iterations: ${steps.n} (is_iteration_based)`);
      } else {
        const epochs = positiveIntegerAt(doc, 'scheduler.max_epochs');
        if (epochs) out.add('training.epochs', epochs.n, epochs.at, `scheduler.max_epochs: ${epochs.n}`);
      }
      const batch = positiveIntegerAt(doc, 'dataset.train_batch_size0');
      if (batch) out.add('training.batchPerDevice', batch.n, batch.at, `dataset.train_batch_size0: ${batch.n} per GPU`);
      const accum = positiveIntegerAt(doc, 'common.accum_freq');
      if (accum) out.add('training.gradientAccumulation', accum.n, accum.at, `common.accum_freq: ${accum.n}`);
      const seq = positiveIntegerAt(doc, 'dataset.language_modeling.sequence_length');
      if (seq) out.add('training.seqLen', seq.n, seq.at, `dataset.language_modeling.sequence_length: ${seq.n}`);
    }

    const mixed = doc.get('common.mixed_precision');
    const fsdp = doc.str('fsdp.parameter_datatype');
    if (mixed?.value === true) {
      const dtype = doc.get('common.mixed_precision_dtype');
      const written = typeof dtype?.value === 'string' ? DTYPES[dtype.value.toLowerCase()] : undefined;
      out.add(
        'training.precision',
        written ?? 'fp16',
        dtype && written ? dtype : mixed,
        written
          ? `common.mixed_precision with mixed_precision_dtype ${String(dtype!.value)}`
          : 'common.mixed_precision: true, dtype float16 by CoreNet default',
      );
    } else if (fsdp && DTYPES[fsdp.toLowerCase()]) {
      out.add(
        'training.precision',
        DTYPES[fsdp.toLowerCase()],
        doc.get('fsdp.parameter_datatype')!,
        `fsdp.parameter_datatype: ${fsdp} (FSDP computes in its parameter dtype)`,
      );
    } else {
      out.add(
        'training.precision',
        'fp32',
        mixed ?? at,
        'no common.mixed_precision: CoreNet trains in float32 by default',
        'medium',
      );
    }

    if (!out.facts.some((f) => f.kind === 'hardware.devices' && f.value !== null)) readDevices(doc, out);
  },
};
