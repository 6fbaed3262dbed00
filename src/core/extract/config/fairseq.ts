import type { ConfigDialect, ConfigDoc, ConfigValue, FactSink } from './dialect';
import { positiveInteger } from '../positiveInteger';

/**
 * fairseq's Hydra run configs (`fairseq-hydra-train --config-dir D --config-name N`, `fairseq_cli/hydra_train.py`;
 * decoding: `examples/speech_recognition/new/infer.py`, `fairseq-validate`): a `FairseqConfig` written as YAML, one
 * section per dataclass of fairseq/dataclass/configs.py: `common` (`fp16`, `bf16`, `memory_efficient_fp16`, `tpu`),
 * `distributed_training` (`distributed_world_size`: the GPUs of the run; its default is every visible GPU),
 * `optimization` (`max_update`: optimizer steps, `max_epoch`; 0 means no bound), `checkpoint` (`restore_file`,
 * `finetune_from_model`), `dataset` (`batch_size` per GPU), `task._name`, `criterion._name`, and `model._name` (the
 * registered model whose dataclass fields the remaining `model.*` keys set). A decode config has `common_eval.path`
 * (the checkpoint) and `decoding`/`generation` instead of the training sections. Programs that embed a fairseq config
 * under a `fairseq:` key (wav2vec-U's `w2vu_generate.py`, MMPT's project configs) pass that section to fairseq as it
 * is; it is read the same way.
 *
 * Defaults quoted below are fairseq's (v0.12, fairseq/dataclass/configs.py): `fp16` and `bf16` false,
 * `max_epoch`/`max_update` 0, `restore_file` "checkpoint_last.pt" (resuming the run's own checkpoint, not a
 * fine-tune).
 */

const TRAINING_SECTIONS = ['optimization', 'optimizer', 'lr_scheduler', 'criterion'];

function isMap(doc: ConfigDoc, path: string): boolean {
  return doc.get(path)?.shape === 'map';
}

function named(doc: ConfigDoc, section: string): boolean {
  return typeof doc.str(`${section}._name`) === 'string';
}

/** The path prefix of the fairseq config in this document: '' at the top, `fairseq.` when a program embeds it. */
function prefixOf(doc: ConfigDoc): string | undefined {
  if (training(doc, '') || decoding(doc, '')) return '';
  if (isMap(doc, 'fairseq') && (training(doc, 'fairseq.') || decoding(doc, 'fairseq.'))) return 'fairseq.';
  return undefined;
}

/** `optimization` with a named task/model/criterion, or two more run sections: what hydra_train.py trains. */
function training(doc: ConfigDoc, p: string): boolean {
  if (!isMap(doc, `${p}optimization`)) return false;
  if (p === '') return named(doc, 'task') || named(doc, 'model') || named(doc, 'criterion');
  // Embedded: the program names its own model; fairseq's sections say how it is trained.
  return ['common', 'checkpoint', 'dataset'].some((s) => isMap(doc, `${p}${s}`));
}

/** `common_eval` (the checkpoint to load) with a decoding section or a named task: a decode/eval config. */
function decoding(doc: ConfigDoc, p: string): boolean {
  if (!isMap(doc, `${p}common_eval`) || TRAINING_SECTIONS.some((s) => isMap(doc, `${p}${s}`))) return false;
  if (p !== '') return true;
  return isMap(doc, 'decoding') || isMap(doc, 'generation') || named(doc, 'task');
}

/**
 * fairseq architectures that are a published model's exactly (fairseq v0.12 fairseq/models/roberta/model.py:
 * `register_model_architecture("roberta", "roberta")` and `"roberta_base"` call base_architecture, 12 layers of 768,
 * ffn 3072; `"roberta_large"` 24 of 1024, ffn 4096: the RoBERTa models of Liu et al. 2019, examples/roberta/README.md).
 */
const PUBLISHED_ARCHITECTURES: Readonly<Record<string, string>> = {
  roberta: 'roberta-base',
  roberta_base: 'roberta-base',
  roberta_large: 'roberta-large',
};

const OWNED = /^(?:fairseq\.)?(?:common|optimization|distributed_training|checkpoint|model|common_eval)\./;

export const fairseq: ConfigDialect = {
  name: 'fairseq',
  words: ['optimization', 'common_eval'],
  detect: (doc) => prefixOf(doc) !== undefined,
  owns: (path) => OWNED.test(path) && !/\.(?:fp16|bf16)$/.test(path),
  read(doc: ConfigDoc, out: FactSink): void {
    const p = prefixOf(doc);
    if (p === undefined) return;
    if (training(doc, p)) readTraining(doc, p, out);
    else readDecoding(doc, p, out);
  },
};

function stated(v: ConfigValue | undefined): v is ConfigValue {
  if (!v || v.shape !== 'scalar') return false;
  if (typeof v.value === 'string') return v.value.trim() !== '' && !/^(none|null)$/i.test(v.value.trim());
  return v.value !== null && v.value !== undefined && v.value !== false;
}

function readTraining(doc: ConfigDoc, p: string, out: FactSink): void {
  const anchor = doc.get(`${p}optimization`)!;
  out.add('run.framework', 'fairseq', anchor, 'fairseq Hydra run config (fairseq-hydra-train --config-name <this>)');
  const model = doc.get('model._name');
  const name = doc.str('model._name')?.trim();
  if (p === '' && model && name && /^[A-Za-z][\w.-]{0,80}$/.test(name)) {
    const published = PUBLISHED_ARCHITECTURES[name];
    if (published)
      out.add('model.id', published, model, `model._name: ${name} (fairseq's architecture of ${published})`, 'medium');
    else out.add('model.id', name, model, `model._name: ${name} (a fairseq registered model)`);
  }
  const update = doc.get(`${p}optimization.max_update`);
  const steps = positiveInteger(update?.value);
  if (update && steps)
    out.add('training.steps', steps, update, `${p}optimization.max_update: ${steps} (optimizer updates)`);
  const epoch = doc.get(`${p}optimization.max_epoch`);
  const epochs = positiveInteger(epoch?.value);
  if (epoch && epochs) out.add('training.epochs', epochs, epoch, `${p}optimization.max_epoch: ${epochs}`);
  readPrecision(doc, p, anchor, out);
  readWorldSize(doc, p, out);
  if (p === '') readSize(doc, out);
  readMode(doc, p, anchor, out);
  out.add(
    'launch.trainer',
    'config:fairseq',
    anchor,
    'fairseq Hydra run config (fairseq-hydra-train --config-name <this>)',
  );
}

/** `common.fp16`/`memory_efficient_fp16` → fp16, `common.bf16` → bf16; none of them: fairseq trains in fp32. */
function readPrecision(doc: ConfigDoc, p: string, anchor: ConfigValue, out: FactSink): void {
  for (const key of ['bf16', 'memory_efficient_bf16', 'fp16', 'memory_efficient_fp16']) {
    const v = doc.get(`${p}common.${key}`);
    if (v?.value === true) {
      out.add('training.precision', key.endsWith('bf16') ? 'bf16' : 'fp16', v, `${p}common.${key}: true`);
      return;
    }
  }
  if (
    ['fp16', 'bf16'].some((k) => doc.has(`${p}common.${k}`) && typeof doc.get(`${p}common.${k}`)?.value !== 'boolean')
  )
    return;
  out.add(
    'training.precision',
    'fp32',
    doc.get(`${p}common.fp16`) ?? anchor,
    'no common.fp16/bf16 set: fairseq trains in fp32 (CommonConfig defaults false)',
    'medium',
  );
}

function readWorldSize(doc: ConfigDoc, p: string, out: FactSink): void {
  const world = doc.get(`${p}distributed_training.distributed_world_size`);
  const n = positiveInteger(world?.value);
  if (world && n) out.add('hardware.devices', n, world, `${p}distributed_training.distributed_world_size: ${n}`);
}

/** A `model.*_path` (wav2vec_ctc's `w2v_path`, a pretrained encoder's `model_path`): the checkpoint it starts from. */
function pretrainedPath(doc: ConfigDoc): ConfigValue | undefined {
  for (const v of doc.entries('model')) if (/_path$/.test(v.key) && v.shape === 'scalar' && stated(v)) return v;
  return undefined;
}

function readMode(doc: ConfigDoc, p: string, anchor: ConfigValue, out: FactSink): void {
  const restore = doc.get(`${p}checkpoint.restore_file`);
  const restoring =
    stated(restore) && !/^checkpoint_last\.pt$/.test(String(restore.value).trim()) ? restore : undefined;
  const from =
    restoring ??
    (stated(doc.get(`${p}checkpoint.finetune_from_model`))
      ? doc.get(`${p}checkpoint.finetune_from_model`)
      : undefined) ??
    (p === '' ? pretrainedPath(doc) : undefined);
  if (from) {
    out.add('model.fromScratch', false, from, `${from.path}: starts from a trained checkpoint`);
    out.add('training.mode', 'finetune', from, `${from.path}: fine-tunes a trained checkpoint`);
    return;
  }
  out.add(
    'model.fromScratch',
    true,
    anchor,
    'no restore_file, finetune_from_model or pretrained model path: random init',
  );
  out.add('training.mode', 'pretrain', anchor, 'no checkpoint to start from: trained from random initialisation');
}

interface Family {
  readonly layers: number;
  readonly dim: number;
  readonly ffn: number;
  /** The wav2vec 2.0 waveform front end: a 7-layer 512-channel convolution and a convolutional position embedding. */
  readonly waveform: boolean;
  readonly source: string;
}

/**
 * Encoder sizes of fairseq's registered models whose config keys are the dataclass fields below (defaults where the
 * config does not set them). Sources: fairseq v0.12 fairseq/models/wav2vec/wav2vec2.py `Wav2Vec2Config`
 * (encoder_layers 12, encoder_embed_dim 768, encoder_ffn_embed_dim 3072, conv_feature_layers
 * "[(512,10,5)] + [(512,3,2)]*4 + [(512,2,2)]*2", conv_pos 128, conv_pos_groups 16), fairseq/models/hubert/hubert.py
 * `HubertConfig` (the same), examples/data2vec/models/data2vec_audio.py (`Data2VecAudioConfig(Wav2Vec2Config)`).
 */
const FAMILIES: Readonly<Record<string, Family>> = {
  wav2vec2: { layers: 12, dim: 768, ffn: 3072, waveform: true, source: 'Wav2Vec2Config' },
  hubert: { layers: 12, dim: 768, ffn: 3072, waveform: true, source: 'HubertConfig' },
  data2vec_audio: { layers: 12, dim: 768, ffn: 3072, waveform: true, source: 'Data2VecAudioConfig' },
};

/** Weights of one post-/pre-norm Transformer encoder layer with biases: 4d² + 2·d·ff + 9d + ff. */
function encoderLayer(d: number, ff: number): number {
  return 4 * d * d + 2 * d * ff + 9 * d + ff;
}

/** The default waveform front end (wav2vec2.py ConvFeatureExtractionModel, pos_conv, post_extract_proj). */
function waveformFrontEnd(d: number, convPos: number, groups: number): number {
  const conv = 512 * 10 + 4 * 512 * 512 * 3 + 2 * 512 * 512 * 2;
  return conv + d * (d / groups) * convPos + d + 512 * d + d;
}

function readSize(doc: ConfigDoc, out: FactSink): void {
  const name = doc.str('model._name')?.trim() ?? '';
  const model = doc.get('model._name');
  if (!model) return;
  if (name === 'data2vec_multi') return readData2vecMulti(doc, out);
  const family = FAMILIES[name];
  if (!family) return;
  // A conv_feature_layers other than the default changes the front end: only the default is counted.
  const convLayers = doc.str('model.conv_feature_layers');
  if (convLayers !== undefined && convLayers.replace(/\s/g, '') !== '[(512,10,5)]+[(512,3,2)]*4+[(512,2,2)]*2') return;
  const layersAt = doc.get('model.encoder_layers');
  const layers = layersAt ? positiveInteger(layersAt.value) : family.layers;
  const dim = doc.has('model.encoder_embed_dim') ? positiveInteger(doc.num('model.encoder_embed_dim')) : family.dim;
  const ffn = doc.has('model.encoder_ffn_embed_dim')
    ? positiveInteger(doc.num('model.encoder_ffn_embed_dim'))
    : family.ffn;
  const convPos = doc.has('model.conv_pos') ? positiveInteger(doc.num('model.conv_pos')) : 128;
  const groups = doc.has('model.conv_pos_groups') ? positiveInteger(doc.num('model.conv_pos_groups')) : 16;
  if (!layers || !dim || !ffn || !convPos || !groups || dim % groups !== 0) return;
  if (doc.has('model.layer_type') && doc.str('model.layer_type') !== 'transformer') return;
  const total = layers * encoderLayer(dim, ffn) + (family.waveform ? waveformFrontEnd(dim, convPos, groups) : 0);
  out.add(
    'model.params',
    Math.round(total),
    doc.get('model.encoder_embed_dim') ?? layersAt ?? model,
    `${name}: ${layers} encoder layers (d ${dim}, ffn ${ffn}) and the convolutional waveform encoder: ` +
      `${(total / 1e6).toFixed(1)}M parameters (fairseq ${family.source} defaults for what the config leaves out)`,
    'medium',
  );
}

/**
 * data2vec 2.0 (`data2vec_multi`, examples/data2vec/models/data2vec2.py `Data2VecMultiConfig`: depth 8, embed_dim
 * 768, mlp_ratio 4): `depth` pre-norm blocks of d² attention ×4 and an MLP of ratio × d. Counted for the image and
 * audio modalities, whose input encoders are small beside the blocks; a text model's vocabulary is not in the config.
 */
function readData2vecMulti(doc: ConfigDoc, out: FactSink): void {
  const modality = doc.str('model.supported_modality')?.toUpperCase();
  if (modality !== 'IMAGE' && modality !== 'AUDIO') return;
  const depth = doc.has('model.depth') ? positiveInteger(doc.num('model.depth')) : 8;
  const dim = doc.has('model.embed_dim') ? positiveInteger(doc.num('model.embed_dim')) : 768;
  const ratio = doc.has('model.mlp_ratio') ? doc.num('model.mlp_ratio') : 4;
  if (!depth || !dim || ratio === undefined || !(ratio > 0) || ratio > 64) return;
  const ffn = Math.round(dim * ratio);
  const total = depth * encoderLayer(dim, ffn);
  out.add(
    'model.params',
    Math.round(total),
    doc.get('model.embed_dim') ?? doc.get('model.depth') ?? doc.get('model._name')!,
    `data2vec_multi: ${depth} blocks (d ${dim}, mlp ${ffn}): ${(total / 1e6).toFixed(1)}M parameters ` +
      `(the ${modality.toLowerCase()} input encoder and decoder not counted; Data2VecMultiConfig defaults)`,
    'low',
  );
}

function readDecoding(doc: ConfigDoc, p: string, out: FactSink): void {
  const anchor = doc.get(`${p}common_eval`)!;
  out.add('run.framework', 'fairseq', anchor, 'fairseq decode/eval config (common_eval.path: the checkpoint)');
  out.add('training.mode', 'inference', anchor, 'common_eval: decodes or evaluates a trained checkpoint');
  for (const key of ['bf16', 'fp16']) {
    const v = doc.get(`${p}common.${key}`);
    if (v?.value === true) out.add('training.precision', key, v, `${p}common.${key}: true`);
  }
  readWorldSize(doc, p, out);
  out.add(
    'launch.inference',
    'config:fairseq',
    anchor,
    'fairseq decode/eval config (common_eval.path: the checkpoint)',
  );
}
