import type { ConfigDialect, ConfigDoc, ConfigValue, FactSink } from './dialect';
import { positiveInteger } from '../positiveInteger';

/**
 * OpenNMT-py run configs (`onmt_train -config <this>`, `onmt_translate -config <this>`; the root `train.py` and
 * `translate.py` are the same programs): flat keys that are the programs' command-line options (onmt/opts.py).
 *
 * Training: `save_model` (the checkpoint prefix every training config names) with the model options
 * (`encoder_type`/`decoder_type`, `layers`/`enc_layers`/`dec_layers`, `hidden_size` (formerly `rnn_size`),
 * `word_vec_size`, `transformer_ff`, `heads`, `num_kv`/`multiquery`, `pos_ffn_activation_fn`), `train_steps`,
 * `world_size`/`gpu_ranks`, `model_dtype`, `train_from` (a fine-tune of that checkpoint), `lora_layers` and
 * `quant_type` (bitsandbytes NF4/FP4: QLoRA). Inference: `model` (the checkpoint) with `src` and the decoding
 * options (`beam_size`, `random_sampling_topk`), `precision`, `world_size`.
 *
 * Option defaults quoted below are onmt/opts.py's (OpenNMT-py 3.x): `model_dtype` "fp32", `train_steps` 100000,
 * `world_size` 1; `pos_ffn_activation_fn` "silu" and "gated-gelu" add a third (gate) projection `w_3`
 * (onmt/modules/position_ffn.py).
 */

/** Option names a training config holds beside `save_model`/`train_steps`: the model or the job of onmt_train. */
const MODEL_KEYS = ['encoder_type', 'decoder_type', 'word_vec_size', 'transformer_ff', 'rnn_size', 'enc_layers'];
const TRAINING_KEYS = ['gpu_ranks', 'src_vocab', 'accum_count', 'train_from', ...MODEL_KEYS];
/** Decoding options of onmt_translate: a config with `model` and `src` and one of these is an inference run. */
const DECODING_KEYS = ['beam_size', 'random_sampling_topk', 'n_best', 'max_length'];
/** 4-bit weight types of `quant_type` (onmt/opts.py choices): LoRA over them is QLoRA; `bnb_8bit` is 8-bit. */
const FOUR_BIT = /^(bnb_nf4|bnb_fp4|awq_gemm|awq_gemv|llm_awq)$/i;

const OWNED = new Set([
  'batch_size',
  'valid_batch_size',
  'hidden_size',
  'rnn_size',
  'word_vec_size',
  'layers',
  'enc_layers',
  'dec_layers',
  'heads',
  'transformer_ff',
  'world_size',
  'gpu_ranks',
  'src_vocab_size',
  'tgt_vocab_size',
  'train_steps',
  'model_dtype',
  'precision',
  'model',
  'train_from',
  'seed',
  'max_length',
]);

function stated(v: ConfigValue | undefined): v is ConfigValue {
  return typeof v?.value === 'string' && v.value.trim() !== '' && !/^(none|null)$/i.test(v.value.trim());
}

function training(doc: ConfigDoc): boolean {
  return (
    (doc.has('save_model') && TRAINING_KEYS.some((k) => doc.has(k))) ||
    (doc.has('train_steps') && MODEL_KEYS.some((k) => doc.has(k)))
  );
}

function inference(doc: ConfigDoc): boolean {
  return stated(doc.get('model')) && doc.has('src') && DECODING_KEYS.some((k) => doc.has(k)) && !doc.has('save_model');
}

export const openNmt: ConfigDialect = {
  name: 'opennmt',
  words: ['save_model', 'train_steps', 'beam_size', 'random_sampling_topk', 'n_best', 'max_length'],
  detect: (doc) => doc.get('data')?.shape !== 'seq' && (training(doc) || inference(doc)),
  owns: (path) => OWNED.has(path),
  read(doc: ConfigDoc, out: FactSink): void {
    if (training(doc)) readTraining(doc, out);
    else readInference(doc, out);
  },
};

/** A checkpoint's name without its folder and `.pt` (`…/llama7B/llama7B-onmt.pt` → `llama7B-onmt`). */
function checkpointName(path: string): string {
  const base = path.trim().replace(/\\ /g, ' ').split(/[/\\]/).pop() ?? '';
  return base.replace(/\.pt$/i, '');
}

function readTraining(doc: ConfigDoc, out: FactSink): void {
  const anchor = doc.get('save_model') ?? doc.get('train_steps')!;
  out.add('run.framework', 'opennmt', anchor, 'OpenNMT-py training config (onmt_train -config <this>)');
  const from = doc.get('train_from');
  const encoder = doc.str('encoder_type');
  const decoder = doc.str('decoder_type');
  if (stated(from)) {
    const name = checkpointName(String(from.value));
    if (name) out.add('model.id', name, from, `train_from: ${name}`, 'medium');
  } else {
    const type = decoder === 'transformer_lm' || !encoder ? decoder : encoder;
    const at = doc.get(type === decoder ? 'decoder_type' : 'encoder_type');
    if (type && at && type !== 'rnn' && type !== 'brnn')
      out.add('model.id', `opennmt-${type}`, at, `${at.key}: ${type} (an OpenNMT-py architecture, built from scratch)`);
  }
  readSize(doc, out);
  const steps = doc.get('train_steps');
  const n = positiveInteger(steps?.value);
  if (steps && n) out.add('training.steps', n, steps, `train_steps: ${n}`);
  readBatch(doc, out);
  readDevices(doc, out);
  const dtype = doc.get('model_dtype');
  const d = doc.str('model_dtype')?.toLowerCase();
  if (dtype && (d === 'fp16' || d === 'fp32' || d === 'bf16'))
    out.add('training.precision', d, dtype, `model_dtype: ${d}`);
  else if (!dtype)
    out.add(
      'training.precision',
      'fp32',
      anchor,
      'no model_dtype: onmt_train’s default "fp32" (onmt/opts.py)',
      'medium',
    );
  readMode(doc, from, out);
  out.add('launch.trainer', 'config:opennmt', anchor, 'OpenNMT-py training config (onmt_train -config <this>)');
}

function readMode(doc: ConfigDoc, from: ConfigValue | undefined, out: FactSink): void {
  const anchor = doc.get('save_model') ?? doc.get('train_steps')!;
  if (!stated(from)) {
    out.add('model.fromScratch', true, anchor, 'no train_from: the model is initialised randomly');
    out.add('training.mode', 'pretrain', anchor, 'no train_from: trained from random initialisation');
    return;
  }
  out.add('model.fromScratch', false, from, `train_from: ${String(from.value).trim()}`);
  const lora = doc.get('lora_layers');
  const quant = doc.get('quant_type');
  const q = doc.str('quant_type') ?? '';
  if (lora?.shape === 'seq' && doc.has('lora_layers.0')) {
    const fourBit = FOUR_BIT.test(q) && doc.has('quant_layers.0');
    out.add(
      'training.mode',
      fourBit ? 'qlora' : 'lora',
      fourBit ? quant! : lora,
      fourBit
        ? `quant_type: ${q} on quant_layers with lora_layers: LoRA over 4-bit weights (QLoRA)`
        : `lora_layers: LoRA adapters on the checkpoint${q ? ` (quant_type ${q})` : ' (no quant_type: weights not quantised)'}`,
    );
  } else out.add('training.mode', 'finetune', from, 'train_from with no lora_layers: all weights trained');
}

function readBatch(doc: ConfigDoc, out: FactSink): void {
  const batch = doc.get('batch_size');
  const b = positiveInteger(batch?.value);
  // batch_type "tokens" counts tokens, not examples (the default, "sents", counts examples).
  const type = doc.str('batch_type')?.toLowerCase() ?? 'sents';
  if (batch && b && type === 'sents') out.add('training.batchPerDevice', b, batch, `batch_size: ${b} (per GPU)`);
  const accum = doc.get('accum_count');
  const a = positiveInteger(accum?.shape === 'seq' ? doc.get('accum_count.0')?.value : accum?.value);
  if (accum && a && a > 1 && !doc.has('accum_count.1'))
    out.add('training.gradientAccumulation', a, accum, `accum_count: ${a}`);
}

/** `world_size` (processes, one per GPU), else the `gpu_ranks` listed; no GPU listed: the run's device is not stated. */
function readDevices(doc: ConfigDoc, out: FactSink): void {
  const world = doc.get('world_size');
  const w = positiveInteger(world?.value);
  if (world && w) {
    out.add('hardware.devices', w, world, `world_size: ${w}`);
    return;
  }
  const ranks = doc.get('gpu_ranks');
  if (!ranks) return;
  if (ranks.shape === 'scalar' && typeof ranks.value === 'number')
    out.add('hardware.devices', 1, ranks, `gpu_ranks: ${ranks.value} (one GPU)`);
  else if (ranks.shape === 'seq') {
    let k = 0;
    while (k < 64 && doc.has(`gpu_ranks.${k}`)) k++;
    if (k > 0) out.add('hardware.devices', k, ranks, `gpu_ranks: ${k} GPU${k === 1 ? '' : 's'}`);
  }
}

function numberAt(doc: ConfigDoc, key: string): number | undefined {
  return positiveInteger(doc.get(key)?.value);
}

/**
 * Parameters from the model options. Transformer layers: attention 2·d² (query, output) + 2·d·kv·d/h (keys,
 * values; kv = `num_kv`, 1 with `multiquery`, else the heads), feed-forward 2·d·ff (3·d·ff with a gated
 * activation), a decoder layer of a translation model adding the context attention (4·d²) (Vaswani et al. 2017,
 * §3; onmt/encoders/transformer.py, onmt/decoders/transformer.py). RNNs (`rnn`/`brnn` encoders, the default `rnn`
 * decoder, LSTM cells): 4·(in·h + h² + 2h) per layer and direction (a `brnn` splits h over its two directions),
 * the decoder's input fed with the attention output (in = emb + h), the attention's 3·h² (global attention,
 * Luong et al. 2015). Embeddings: `src_vocab_size`/`tgt_vocab_size` × `word_vec_size` (one table with
 * `share_embeddings` or a language model), and a generator of h × vocab unless `share_decoder_embeddings`.
 * Norms and biases are not counted. With no vocabulary size written, a Transformer's layers alone are counted and
 * an RNN (whose size the vocabulary dominates) stays unknown.
 */
function readSize(doc: ConfigDoc, out: FactSink): void {
  const hiddenAt = doc.get('hidden_size') ?? doc.get('rnn_size');
  const h = positiveInteger(hiddenAt?.value);
  if (!hiddenAt || !h) return;
  const encoder = doc.str('encoder_type') ?? 'rnn';
  const decoder = doc.str('decoder_type') ?? 'rnn';
  const lm = decoder === 'transformer_lm' || doc.str('model_task') === 'lm';
  const layers = numberAt(doc, 'layers');
  const encLayers = numberAt(doc, 'enc_layers') ?? layers;
  const decLayers = numberAt(doc, 'dec_layers') ?? layers;
  const emb = numberAt(doc, 'word_vec_size') ?? h;
  const srcVocab = numberAt(doc, 'src_vocab_size');
  const tgtVocab = numberAt(doc, 'tgt_vocab_size') ?? (doc.get('share_vocab')?.value === true ? srcVocab : undefined);
  const shared = doc.get('share_embeddings')?.value === true || lm;
  const tiedHead = doc.get('share_decoder_embeddings')?.value === true;
  const parts: string[] = [];
  let total = 0;
  const transformer = (t: string) => t === 'transformer' || t === 'transformer_lm';
  if (transformer(decoder) && (lm || transformer(encoder))) {
    if (!decLayers || (!lm && !encLayers)) return;
    const ff = numberAt(doc, 'transformer_ff') ?? 2048;
    const heads = numberAt(doc, 'heads') ?? 8;
    const kv = doc.get('multiquery')?.value === true ? 1 : (numberAt(doc, 'num_kv') ?? heads);
    const attention = 2 * h * h + (2 * h * kv * h) / heads;
    const activation = doc.str('pos_ffn_activation_fn') ?? 'relu';
    const gated = activation === 'silu' || activation === 'gated-gelu';
    const ffn = (gated ? 3 : 2) * h * ff;
    if (!lm && encLayers) {
      total += encLayers * (attention + ffn);
      parts.push(`${encLayers} encoder layers`);
    }
    total += decLayers * (attention + ffn + (lm ? 0 : 4 * h * h));
    parts.push(`${decLayers} decoder layers (d ${h}, ff ${ff}${gated ? ` gated ${activation}` : ''})`);
  } else if (/^b?rnn$/.test(encoder) && decoder === 'rnn') {
    const enc = encLayers ?? 1;
    const dec = decLayers ?? 1;
    if (!srcVocab || !tgtVocab) return;
    const dir = encoder === 'brnn' ? 2 : 1;
    const hd = h / dir;
    const lstm = (input: number, size: number) => 4 * (input * size + size * size + 2 * size);
    for (let i = 0; i < enc; i++) total += dir * lstm(i === 0 ? emb : h, hd);
    for (let i = 0; i < dec; i++) total += lstm(i === 0 ? emb + h : h, h);
    total += 3 * h * h;
    parts.push(`${encoder} ${enc}-layer encoder and ${dec}-layer LSTM decoder (h ${h}, input feeding, attention)`);
  } else return;
  const vocabKnown = srcVocab !== undefined && (lm || tgtVocab !== undefined);
  if (vocabKnown) {
    const tables = lm || (shared && srcVocab === tgtVocab) ? srcVocab : srcVocab + tgtVocab!;
    total += tables * emb;
    parts.push(`embeddings ${lm || shared ? srcVocab : `${srcVocab} + ${tgtVocab}`} × ${emb}`);
    if (!tiedHead) {
      total += h * (lm ? srcVocab : tgtVocab!);
      parts.push('an untied generator');
    }
  } else parts.push('embeddings not counted: no src_vocab_size/tgt_vocab_size written');
  out.add(
    'model.params',
    Math.round(total),
    hiddenAt,
    `${parts.join(', ')}: ${(total / 1e6).toFixed(1)}M parameters (norms and biases not counted)`,
    vocabKnown ? 'medium' : 'low',
  );
}

function readInference(doc: ConfigDoc, out: FactSink): void {
  const model = doc.get('model')!;
  out.add('run.framework', 'opennmt', model, 'OpenNMT-py inference config (onmt_translate -config <this>)');
  const name = checkpointName(String(model.value));
  if (name) out.add('model.id', name, model, `model: ${name}`, 'medium');
  out.add('training.mode', 'inference', model, 'onmt_translate decodes with the checkpoint in model');
  const precision = doc.get('precision');
  const p = doc.str('precision')?.toLowerCase();
  if (precision && (p === 'fp16' || p === 'fp32')) out.add('training.precision', p, precision, `precision: ${p}`);
  readDevices(doc, out);
  const length = doc.get('max_length');
  const l = positiveInteger(length?.value);
  if (length && l) out.add('inference.maxNewTokens', l, length, `max_length: ${l} (longest prediction)`);
  out.add('launch.inference', 'config:opennmt', model, 'OpenNMT-py inference config (onmt_translate -config <this>)');
}

/** Models of a server config looked at (a real one lists a handful). */
const MAX_SERVED = 64;

/**
 * OpenNMT-py's translation server config (`onmt_server --config available_models/conf.json`; the server's default
 * path, onmt/bin/server.py): `models_root` and a `models` list, each with its checkpoint (`model`, a `.pt` file
 * name under the root), its decoding options (`opt`: `gpu`, `beam_size`, `batch_size`), `timeout`/`on_timeout`,
 * `load` and a `tokenizer` (onmt/translate/translation_server.py, ServerModel). The server keeps them loaded to
 * translate requests: an inference run. Its devices are the distinct `opt.gpu` ids at or above 0 (a model without
 * one runs on the CPU); the checkpoints are file names only, so no model is named.
 */
export const openNmtServer: ConfigDialect = {
  name: 'opennmt-server',
  words: ['models_root', '"models"'],
  // The served models' decoding options (`opt.batch_size`, `opt.gpu`) are read here, not as a trainer's keys.
  owns: (path) => path.startsWith('models.'),
  detect: (doc) =>
    doc.get('models')?.shape === 'seq' &&
    stated(doc.get('models.0.model')) &&
    (doc.has('models_root') || doc.get('models.0.opt')?.shape === 'map') &&
    /\.pt$/i.test(doc.str('models.0.model') ?? ''),
  read(doc: ConfigDoc, out: FactSink): void {
    const models = doc.get('models')!;
    out.add('run.framework', 'opennmt', models, 'OpenNMT-py translation server config (onmt_server --config <this>)');
    let count = 0;
    const gpus = new Set<number>();
    while (count < MAX_SERVED && doc.has(`models.${count}`)) {
      const gpu = doc.get(`models.${count}.opt.gpu`)?.value;
      if (typeof gpu === 'number' && Number.isInteger(gpu) && gpu >= 0) gpus.add(gpu);
      count++;
    }
    out.add(
      'training.mode',
      'inference',
      models,
      `onmt_server keeps the ${count} listed checkpoint${count === 1 ? '' : 's'} loaded to translate requests`,
    );
    if (gpus.size > 0)
      out.add(
        'hardware.devices',
        gpus.size,
        models,
        `opt.gpu of the served models: GPU ${[...gpus].sort((a, b) => a - b).join(', ')}`,
        'medium',
      );
    out.add('launch.inference', 'config:opennmt-server', models, 'OpenNMT-py translation server config');
  },
};
