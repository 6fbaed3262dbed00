import type { ConfigDialect, ConfigDoc, ConfigValue, FactSink } from './dialect';
import { positiveInteger } from '../positiveInteger';

/**
 * Speech recognition configs of the ESPnet family (ESPnet2's `asr.sh --asr_config`, FunASR's
 * `funasr/bin/train.py --config-name`, WeNet's `train.py --config`): the network is chosen by name and sized by a
 * `*_conf` mapping per part: `encoder: conformer` (FunASR: `ConformerEncoder`) with `encoder_conf: {output_size,
 * linear_units, num_blocks, …}`, `decoder: transformer` with `decoder_conf`, and in FunASR a top-level `model:`
 * naming the whole (`Paraformer`, `Conformer`).
 *
 * Read: the model's name (`model:` when it names an architecture, else the encoder's) and its size from the
 * encoder and decoder settings, with the encoders' own defaults where a key is not written (ESPnet2's
 * espnet2/asr/encoder/{conformer,transformer}_encoder.py, mirrored by FunASR's funasr/models/{conformer,
 * transformer}/encoder.py: `output_size` 256, `linear_units` 2048, `num_blocks` 6, `input_layer` "conv2d",
 * `macaron_style` false, `pos_enc_layer_type` "rel_pos", `use_cnn_module` true, `cnn_module_kernel` 31; decoders:
 * `linear_units` 2048, `num_blocks` 6).
 *
 * Weights per block, d = `output_size`, f = `linear_units` (biases and norms not counted):
 * - Transformer encoder block: self-attention 4·d² and a feed-forward 2·d·f (Vaswani et al. 2017, §3).
 * - Conformer block (Gulati et al. 2020, "Conformer", §2 and Fig. 1): self-attention 4·d² (one more d² for the
 *   relative position projection of `rel_pos`/`latest` attention), one feed-forward 2·d·f, two with
 *   `macaron_style`, and the convolution module: a pointwise convolution to 2·d channels (2·d²), a depthwise
 *   convolution of `cnn_module_kernel` (d·k) and a pointwise convolution back (d²).
 * - Transformer decoder block: self-attention and source attention 8·d², a feed-forward 2·d·f.
 * - `input_layer: conv2d` subsampling (ESPnet's Conv2dSubsampling): two 3×3 convolutions to d channels (9·d²) and a
 *   linear layer from d·⌊(⌊(m−1)/2⌋−1)/2⌋ features to d, m = the filterbank's mel bins (80, the fbank frontends'
 *   default, unless `frontend_conf.n_mels` says).
 * The vocabulary's embedding, CTC and output layers are not counted (the token list is a file the config names),
 * so the size is read as a lower bound's neighbourhood with low confidence; other encoders (Branchformer, SAN-M,
 * RWKV, …) leave the size unknown.
 */

/** Model names that name the toolkit or the task rather than an architecture (ESPnet2 `model: espnet`). */
const GENERIC_MODEL = /^(?:espnet|asr|asr_model|model|default)$/i;

/** Encoders whose blocks are counted here, by their name with `Encoder` and separators dropped. */
const COUNTED = new Set(['conformer', 'transformer']);

/** Decoders counted as Transformer decoder blocks (FunASR's Paraformer SAN decoder has the same attention and feed-forward). */
const COUNTED_DECODER = /^(?:transformer(?:decoder)?|paraformersandecoder)$/i;

function encoderName(raw: string): string {
  return raw
    .replace(/Encoder$/, '')
    .replace(/[-_]/g, '')
    .toLowerCase();
}

export const espnetAsr: ConfigDialect = {
  name: 'espnet-asr',
  words: ['encoder_conf', 'llm_conf'],
  detect: (doc) =>
    (typeof doc.str('encoder') === 'string' &&
      doc.get('encoder_conf')?.shape === 'map' &&
      (doc.has('encoder_conf.output_size') ||
        doc.has('encoder_conf.num_blocks') ||
        doc.has('decoder_conf') ||
        funasrRun(doc))) ||
    (speechLlm(doc) !== undefined && funasrRun(doc)),
  owns: (path) => /^(?:encoder|decoder)_conf(?:\.|$)/.test(path),
  read(doc: ConfigDoc, out: FactSink, file?: { readonly path: string }): void {
    // `config.yaml` is the name ESPnet2 gives the configuration it saves beside a trained model (the task writes
    // `<output_dir>/config.yaml`; ESPnet and FunASR model packs ship it with the weights): a description for
    // loading that model, not a recipe's run (those are `conf/*.yaml` named for the run).
    if (file && /(?:^|[\\/])config\.ya?ml$/i.test(file.path)) return;
    const llm = speechLlm(doc);
    if (llm) {
      readSpeechLlm(doc, llm, out);
      return;
    }
    const encoderAt = doc.get('encoder')!;
    const encoder = doc.str('encoder')!;
    const modelAt = doc.get('model');
    const model = doc.str('model');
    if (modelAt && model && !GENERIC_MODEL.test(model) && /^[A-Za-z][\w.-]{0,60}$/.test(model))
      out.add(
        'model.id',
        model.toLowerCase(),
        modelAt,
        `model: ${model} (an ESPnet-style ASR network, sized by encoder_conf)`,
      );
    else if (/^[A-Za-z][\w-]{0,60}$/.test(encoder))
      out.add(
        'model.id',
        encoderName(encoder),
        encoderAt,
        `encoder: ${encoder} (an ESPnet-style ASR network, sized by encoder_conf)`,
      );
    readSize(doc, encoder, out);
  },
};

/**
 * A FunASR training config as `funasr/bin/train.py --config-name` (and `train_ds.py`) takes it: the network named by
 * `model` with its `model_conf`, and the trainer's `train_conf` (`max_epoch`, `accum_grad`, ...). Any encoder then
 * (an FSMN keyword spotter, a Whisper wrapper) is the network of a run, sized or not.
 */
function funasrRun(doc: ConfigDoc): boolean {
  return (
    typeof doc.str('model') === 'string' &&
    doc.get('model_conf')?.shape === 'map' &&
    doc.get('train_conf')?.shape === 'map'
  );
}

/**
 * FunASR's speech LLMs (funasr/models/llm_asr: `LLMASR`, `LLMASR2`, ...): an audio encoder (`encoder` or
 * `audio_encoder`), an adaptor and a decoder-only LLM named by `llm` with its `llm_conf` (`init_param_path`: the
 * pretrained LLM's weights, `freeze`). The LLM is the bulk of the model; the run trains over pretrained weights.
 */
function speechLlm(doc: ConfigDoc): ConfigValue | undefined {
  const llm = doc.get('llm');
  if (typeof llm?.value !== 'string' || !/^[A-Za-z][\w.-]{0,80}$/.test(llm.value.trim())) return undefined;
  if (doc.get('llm_conf')?.shape !== 'map') return undefined;
  return doc.has('audio_encoder') || doc.has('encoder') ? llm : undefined;
}

function readSpeechLlm(doc: ConfigDoc, llm: ConfigValue, out: FactSink): void {
  const name = String(llm.value).trim();
  out.add(
    'model.id',
    name.toLowerCase(),
    llm,
    `llm: ${name} (the LLM of a FunASR speech LLM, the bulk of its weights)`,
  );
  const init = doc.get('llm_conf.init_param_path');
  if (typeof init?.value === 'string' && init.value.trim() !== '') {
    out.add('model.fromScratch', false, init, `llm_conf.init_param_path: the LLM starts from pretrained weights`);
    out.add(
      'training.mode',
      'finetune',
      init,
      'an audio adaptor (and what is not frozen) trained over a pretrained LLM',
    );
  }
}

function intAt(doc: ConfigDoc, path: string, fallback: number): number {
  return positiveInteger(doc.num(path)) ?? fallback;
}

function flagAt(doc: ConfigDoc, path: string, fallback: boolean): boolean {
  const v = doc.get(path)?.value;
  return typeof v === 'boolean' ? v : fallback;
}

function readSize(doc: ConfigDoc, encoder: string, out: FactSink): void {
  const kind = encoderName(encoder);
  if (!COUNTED.has(kind)) return;
  const anchor: ConfigValue = doc.get('encoder_conf')!;
  const d = intAt(doc, 'encoder_conf.output_size', 256);
  const f = intAt(doc, 'encoder_conf.linear_units', 2048);
  const n = intAt(doc, 'encoder_conf.num_blocks', 6);
  const parts: string[] = [];
  let perBlock = 4 * d * d + 2 * d * f;
  if (kind === 'conformer') {
    const pos = doc.str('encoder_conf.pos_enc_layer_type') ?? 'rel_pos';
    const relative = /rel|latest/i.test(pos) || /rel/i.test(doc.str('encoder_conf.selfattention_layer_type') ?? '');
    const macaron = flagAt(doc, 'encoder_conf.macaron_style', false);
    const conv = flagAt(doc, 'encoder_conf.use_cnn_module', true);
    const k = intAt(doc, 'encoder_conf.cnn_module_kernel', 31);
    perBlock = 4 * d * d + (relative ? d * d : 0) + (macaron ? 2 : 1) * 2 * d * f + (conv ? 3 * d * d + d * k : 0);
    parts.push(
      `${n} Conformer blocks (d ${d}, feed-forward ${f}${macaron ? ' ×2 macaron' : ''}${conv ? `, convolution kernel ${k}` : ''})`,
    );
  } else parts.push(`${n} Transformer encoder blocks (d ${d}, feed-forward ${f})`);
  let total = n * perBlock;
  const input = doc.str('encoder_conf.input_layer') ?? 'conv2d';
  if (input === 'conv2d') {
    const mels = intAt(doc, 'frontend_conf.n_mels', 80);
    const reduced = Math.floor((Math.floor((mels - 1) / 2) - 1) / 2);
    total += 9 * d + 9 * d * d + reduced * d * d;
    parts.push(`conv2d subsampling of ${mels} mel bins`);
  }
  const decoder = doc.str('decoder');
  if (decoder) {
    // Other decoders (RWKV, lightweight convolutions, a bidirectional pair) are not counted: the size stays unknown.
    if (!COUNTED_DECODER.test(decoder)) return;
    const df = intAt(doc, 'decoder_conf.linear_units', 2048);
    const dn = intAt(doc, 'decoder_conf.num_blocks', 6);
    total += dn * (8 * d * d + 2 * d * df);
    parts.push(`${dn} decoder blocks (feed-forward ${df})`);
  }
  out.add(
    'model.params',
    Math.round(total),
    anchor,
    `${parts.join(', ')}: ${(total / 1e6).toFixed(1)}M parameters (vocabulary layers, norms and biases not counted)`,
    'low',
  );
}
