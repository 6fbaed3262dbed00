import type { ConfigDialect, ConfigDoc, ConfigValue, FactSink } from './dialect';

/**
 * SpeechBrain's HyperPyYAML hparams files (https://speechbrain.readthedocs.io/en/latest/tutorials/basics/hyperpyyaml.html,
 * the `hyperpyyaml` package). A recipe's program (`python train.py hparams/x.yaml --overrides`) is generic: it parses
 * its arguments with `speechbrain.parse_arguments`, loads the file with `load_hyperpyyaml` and hands the objects the
 * file builds to a `Brain`. The file is the run. Its dialect:
 * - `key: !new:package.Class` builds an object (the mapping or list below is its arguments), `!name:` a partial
 *   (optimizers, losses), `!ref <key>` points at another key (`<a[b]>` into a mapping), `!PLACEHOLDER` must be given.
 * - `modules:` is the mapping of trained modules the Brain moves to the device and the optimizer trains.
 * - `epoch_counter: !new:speechbrain.utils.epoch_loop.EpochCounter` with `limit:` is the epoch loop of `Brain.fit`:
 *   a file that builds one trains. A file without one that loads trained weights (`Pretrainer` `loadables`, or a Hub
 *   `source:`) and names a dataset (`data_folder`) evaluates them over it (speaker verification, diarization,
 *   feature extraction); one that names no dataset only describes a trained model for an inference interface
 *   (`inference.yaml` of `from_hparams`): no run alone.
 * - Run options the Brain takes from the file when the command line does not set them (speechbrain/utils/run_opts.py,
 *   `RunOptions`): `precision` (fp32 by default; `auto_mix_prec: True` is fp16 and `bfloat16_mix_prec: True` bf16 in
 *   older recipes), `grad_accumulation_factor` (1), `optimizer_step_limit` (none: a step bound on top of the epochs).
 * - What the run starts from: a `Pretrainer` loading a checkpoint into one of the trained modules, or a trained module
 *   built from a Hub `source:` (a wav2vec2/Whisper wrapper), is a fine-tune; LoRA adapters (`!new:...LoRA`,
 *   `adapter_class: !name:...LoRA`) train adapters on such a model; otherwise the modules start from their
 *   initialisation.
 */

const MAX_LINES = 20_000;
const MAX_REF_DEPTH = 6;
/** `key: !new:pkg.Class`, `key: !name:pkg.fn`, `- !new:pkg.Class`: the tag of the value on that line. */
const TAG_ON_LINE = /!(new|name|apply):([A-Za-z_][\w.]{0,200})/;
/** `<key>` or `<key[sub]>` (the whole of a `!ref`): another key's value. */
const WHOLE_REF = /^<([A-Za-z_][\w-]{0,100})((?:\[[\w-]{1,100}\]){0,4})>$/;
/** Classes that prepare, augment or normalise data, score or log: no trained network of their own. */
const NOT_A_NETWORK =
  /\.(?:processing|augment|dataio|utils|decoders|tokenizers|metric_stats|losses|schedulers)\.|(?:^|\.)(?:Fbank|MFCC|STFT|ISTFT|Filterbank|Spectrogram|InputNormalization|GlobalNorm|Linear|Embedding|Softmax|LogSoftmax|Dropout|ModuleList|ModuleDict|Sequential|Identity)$/;
const HUB_MODULE = /(?:huggingface|hf_|HuggingFace|Whisper|Wav2Vec2|WavLM|HuBERT|LLama|LLM)/i;
const HUB_ID = /^[A-Za-z0-9][\w.-]{0,95}\/[\w.-]{1,96}$/;
const LORA_CLASS = /(?:^|\.)(?:LoRA|LoraLinear|LoRALinear)$/;
const PRECISIONS: Record<string, 'fp32' | 'fp16' | 'bf16'> = { fp32: 'fp32', fp16: 'fp16', bf16: 'bf16' };

interface Built {
  readonly key: string;
  readonly kind: 'new' | 'name' | 'apply';
  readonly target: string;
  readonly at: ConfigValue;
}

/** Per-read state: the file's lines and the tags written on them (kept out of module scope). */
class Reader {
  private readonly lines: string[];

  constructor(private readonly doc: ConfigDoc) {
    this.lines = doc.text.split('\n', MAX_LINES);
  }

  /** The `!new:`/`!name:` tag written on a key's line (a mapping or list value's tag sits after its key). */
  tagOf(v: ConfigValue): { kind: Built['kind']; target: string } | undefined {
    const line = this.lines[v.keyRange.startLine];
    if (line === undefined) return undefined;
    const colon = line.indexOf(':', v.keyRange.startCol);
    const m = TAG_ON_LINE.exec(colon >= 0 ? line.slice(colon) : line);
    return m ? { kind: m[1] as Built['kind'], target: m[2] } : undefined;
  }

  /** Top-level objects the file builds, by key. */
  built(): Map<string, Built> {
    const out = new Map<string, Built>();
    for (const v of this.doc.entries()) {
      const tag = this.tagOf(v);
      if (tag) out.set(v.key, { key: v.key, ...tag, at: v });
    }
    return out;
  }

  /** A value with whole `!ref <key>` references followed (a bounded number of hops). */
  resolve(path: string): { value: unknown; at: ConfigValue } | undefined {
    let at = this.doc.get(path);
    for (let depth = 0; at && depth < MAX_REF_DEPTH; depth++) {
      const raw = at.value;
      const m = typeof raw === 'string' ? WHOLE_REF.exec(raw.trim()) : null;
      if (!m) return { value: at.value, at };
      const subs = [...m[2].matchAll(/\[([\w-]+)\]/g)].map((s) => s[1]);
      const next = this.doc.get([m[1], ...subs].join('.'));
      if (!next) return { value: undefined, at };
      // A reference to a built object: report where the reference is written, its value is the object.
      if (next.shape !== 'scalar') return { value: undefined, at: next };
      at = next;
    }
    return at ? { value: undefined, at } : undefined;
  }

  /** The key a whole `!ref <key>` at `path` points at, else undefined. */
  refTarget(path: string): string | undefined {
    const v = this.doc.get(path);
    const m = v && typeof v.value === 'string' ? WHOLE_REF.exec(v.value.trim()) : null;
    return m && m[2] === '' ? m[1] : undefined;
  }
}

function isHyperPyYaml(doc: ConfigDoc): boolean {
  return doc.prefix === '' && /^[\w-]{1,100}:[ \t]*!new:[A-Za-z_]/m.test(doc.text);
}

function trains(built: Map<string, Built>): Built | undefined {
  for (const b of built.values()) if (b.kind === 'new' && /(?:^|\.)EpochCounter$/.test(b.target)) return b;
  return undefined;
}

function shortName(target: string): string {
  const parts = target.split('.');
  const cls = parts[parts.length - 1];
  const mod = parts[parts.length - 2];
  return mod && mod.toLowerCase() !== cls.toLowerCase() && !/^(?:models|nnet|lobes)$/.test(mod) ? `${mod}.${cls}` : cls;
}

export const hyperPyYaml: ConfigDialect = {
  name: 'hyperpyyaml',
  words: ['!new:'],
  owns: () => true,
  detect: (doc) => isHyperPyYaml(doc) && (trains(new Reader(doc).built()) !== undefined || evaluates(doc)),
  read(doc: ConfigDoc, out: FactSink): void {
    const reader = new Reader(doc);
    const built = reader.built();
    const counter = trains(built);
    const modules = trainedModules(doc, reader, built);
    const hub = hubModel(doc, reader, built, modules);
    if (!counter) {
      const loader = built.get('pretrainer') ?? [...built.values()].find((b) => /Pretrainer$/.test(b.target));
      const at = loader?.at ?? doc.get('data_folder')!;
      out.add('run.framework', 'speechbrain', at, 'SpeechBrain HyperPyYAML hparams file');
      out.add(
        'launch.inference',
        'config:hyperpyyaml',
        at,
        'HyperPyYAML hparams without an epoch loop (no EpochCounter): the program loads trained weights and runs them over the data_folder it names',
      );
      const loaded = modules.length > 0 ? modules : loadedModules(doc, reader, built);
      readModel(doc, out, reader, built, loaded, hub ?? hubModel(doc, reader, built, loaded), false);
      readPrecision(doc, out, 'eval_precision');
      return;
    }
    out.add('run.framework', 'speechbrain', counter.at, 'SpeechBrain HyperPyYAML hparams file');
    out.add(
      'launch.trainer',
      'config:hyperpyyaml',
      counter.at,
      `HyperPyYAML hparams with an epoch loop (${counter.key}: !new:${counter.target}): the recipe's program (train.py <this file>) trains what it builds`,
    );
    const limit = reader.resolve(`${counter.key}.limit`);
    const epochs =
      typeof limit?.value === 'number' && Number.isInteger(limit.value) && limit.value > 0 ? limit.value : undefined;
    if (limit && epochs !== undefined)
      // HyperPyYAML overrides: `train.py hparams.yaml --number_of_epochs=50` replaces that top-level key.
      out.add('training.epochs', epochs, limit.at, `${counter.key}.limit: ${epochs} epochs (${limit.at.key})`, 'high', {
        fromFlags: [limit.at.path],
        flagDefault: [limit.at.path],
      });
    const stepLimit = reader.resolve('optimizer_step_limit');
    if (stepLimit && typeof stepLimit.value === 'number' && Number.isInteger(stepLimit.value) && stepLimit.value > 0)
      out.add(
        'training.steps',
        stepLimit.value,
        stepLimit.at,
        `optimizer_step_limit: the Brain stops after ${stepLimit.value} optimizer steps (run option read from the hparams)`,
      );
    const batch = reader.resolve('batch_size');
    if (batch && typeof batch.value === 'number' && Number.isInteger(batch.value) && batch.value > 0)
      out.add('training.batchPerDevice', batch.value, batch.at, `batch_size: ${batch.value}`, 'medium');
    const accumulation = reader.resolve('grad_accumulation_factor');
    if (
      accumulation &&
      typeof accumulation.value === 'number' &&
      Number.isInteger(accumulation.value) &&
      accumulation.value > 1
    )
      out.add(
        'training.gradientAccumulation',
        accumulation.value,
        accumulation.at,
        `grad_accumulation_factor: ${accumulation.value} batches a step`,
      );
    readModel(doc, out, reader, built, modules, hub, true);
    readStart(doc, out, reader, built, modules, hub, counter);
    readPrecision(doc, out, 'precision');
  },
};

/** An evaluation file: no epoch loop, trained weights loaded, a dataset to run over. */
function evaluates(doc: ConfigDoc): boolean {
  if (!doc.has('data_folder')) return false;
  return /!new:[\w.]*Pretrainer\b/.test(doc.text) || /^[ \t]+source:[ \t]*\S/m.test(doc.text);
}

/** The objects `modules:` names (through `!ref`), in order, built at the top level. */
function trainedModules(doc: ConfigDoc, reader: Reader, built: Map<string, Built>): Built[] {
  const out: Built[] = [];
  if (doc.get('modules')?.shape !== 'map') return out;
  for (const entry of doc.entries('modules')) {
    const target = reader.refTarget(entry.path);
    const b = target !== undefined ? built.get(target) : undefined;
    const own = b ?? (reader.tagOf(entry) ? { key: entry.key, ...reader.tagOf(entry)!, at: entry } : undefined);
    if (own && own.kind === 'new' && !out.includes(own)) out.push(own);
  }
  return out;
}

/** The built objects a module's arguments point at (`transformer: !ref <Transformer>`, `model_to_adapt: !ref <whisper>`). */
function wrapped(doc: ConfigDoc, reader: Reader, built: Map<string, Built>, m: Built): Built[] {
  if (m.at.shape !== 'map') return [];
  const out: Built[] = [];
  for (const arg of doc.entries(m.key)) {
    const target = reader.refTarget(arg.path);
    const b = target !== undefined ? built.get(target) : undefined;
    if (b && b.kind === 'new' && b !== m) out.push(b);
  }
  return out;
}

/** A module and what it wraps, depth first (bounded), the module first. */
function withWrapped(doc: ConfigDoc, reader: Reader, built: Map<string, Built>, m: Built): Built[] {
  const out: Built[] = [m];
  for (let i = 0; i < out.length && out.length < 16; i++)
    for (const w of wrapped(doc, reader, built, out[i])) if (!out.includes(w)) out.push(w);
  return out;
}

/** A trained module built from a Hub checkpoint (`source: !ref <wav2vec2_hub>`), itself or wrapped, with that id. */
function hubModel(
  doc: ConfigDoc,
  reader: Reader,
  built: Map<string, Built>,
  modules: readonly Built[],
): { module: Built; id: string; at: ConfigValue; frozen: boolean } | undefined {
  for (const top of modules)
    for (const m of withWrapped(doc, reader, built, top)) {
      if (m.at.shape !== 'map') continue;
      const source = reader.resolve(`${m.key}.source`);
      if (!source || typeof source.value !== 'string') continue;
      const id = source.value.trim();
      if (!HUB_ID.test(id) || !HUB_MODULE.test(m.target + ' ' + id)) continue;
      const freeze = reader.resolve(`${m.key}.freeze`);
      return { module: m, id, at: source.at, frozen: freeze?.value === true };
    }
  return undefined;
}

/** Heads on top of the network (a classifier, a joint network, a decoder of an encoder's output): named only when alone. */
const HEAD = /(?:Classifier|Head|Joiner|Joint|Decoder|Predictor)$/;

function readModel(
  doc: ConfigDoc,
  out: FactSink,
  reader: Reader,
  built: Map<string, Built>,
  modules: readonly Built[],
  hub: ReturnType<typeof hubModel>,
  training: boolean,
): void {
  if (hub) {
    out.add('model.id', hub.id, hub.at, `${hub.module.key}: !new:${hub.module.target} from ${hub.id}`);
    return;
  }
  // The network: the trained module with the most constructor arguments (a wrapper counts as what it wraps,
  // `EncoderWrapper(transformer: !ref <Transformer>)`), leaving out feature, augmentation and normalisation stages
  // and plain layers (Linear, Embedding), and heads while a network is there.
  let best: Built | undefined;
  let size = -1;
  for (const head of [false, true]) {
    for (const top of modules)
      for (const m of withWrapped(doc, reader, built, top)) {
        if (NOT_A_NETWORK.test(m.target) || HEAD.test(m.target) !== head) continue;
        const n = m.at.shape === 'map' ? doc.entries(m.key).length : 0;
        if (n > size) {
          best = m;
          size = n;
        }
      }
    if (best) break;
  }
  if (!best) return;
  const encoder = doc.get(`${best.key}.encoder_module`);
  const resolved = typeof encoder?.value === 'string' ? encoderName(doc, encoder.value) : undefined;
  const name = shortName(best.target) + (resolved ? ` (${resolved})` : '');
  out.add(
    'model.id',
    name,
    best.at.keyRange,
    `${best.key}: !new:${best.target}${resolved ? ` with encoder_module ${resolved}` : ''}, the largest module ${training ? 'the Brain trains' : 'the file loads'}`,
    'medium',
  );
  out.add(
    'model.params',
    null,
    best.at.keyRange,
    `${name}: a SpeechBrain module whose size is not worked out from its arguments here`,
    'low',
  );
}

/** What a Pretrainer loads its checkpoints into (`loadables: {embedding_model: !ref <embedding_model>}`). */
function loadedModules(doc: ConfigDoc, reader: Reader, built: Map<string, Built>): Built[] {
  const out: Built[] = [];
  for (const b of built.values()) {
    if (!/Pretrainer$/.test(b.target) || b.at.shape !== 'map') continue;
    for (const loadable of doc.entries(`${b.key}.loadables`)) {
      const target = reader.refTarget(loadable.path);
      const m = target !== undefined ? built.get(target) : undefined;
      if (m && m.kind === 'new' && !out.includes(m)) out.push(m);
    }
  }
  return out;
}

function encoderName(doc: ConfigDoc, raw: string): string | undefined {
  const m = WHOLE_REF.exec(raw.trim());
  const v = m ? doc.str(m[1]) : raw;
  return v !== undefined && /^[A-Za-z][\w-]{0,40}$/.test(v) ? v : undefined;
}

function readStart(
  doc: ConfigDoc,
  out: FactSink,
  reader: Reader,
  built: Map<string, Built>,
  modules: readonly Built[],
  hub: ReturnType<typeof hubModel>,
  counter: Built,
): void {
  const lora = [...built.values()].find((b) => LORA_CLASS.test(b.target));
  const loraLine = lora ?? doc.walk().find((v) => /(?:^|\.)LoRA$/.test(reader.tagOf(v)?.target ?? ''));
  if (lora || loraLine) {
    const at = (lora ?? loraLine) as Built | ConfigValue;
    out.add(
      'training.adapter',
      'lora',
      'at' in at ? at.at : at,
      'LoRA adapters (speechbrain.nnet.adapters.LoRA) train on the pretrained model',
    );
    out.add('model.fromScratch', false, 'at' in at ? at.at : at, 'LoRA adapters train on pretrained weights');
    return;
  }
  if (hub) {
    out.add(
      'model.fromScratch',
      false,
      hub.at,
      `${hub.module.key} loads ${hub.id}${hub.frozen ? ' (frozen: the modules on top of it train)' : ''}`,
    );
    return;
  }
  // A Pretrainer (speechbrain.utils.parameter_transfer.Pretrainer) loading a checkpoint into a trained module.
  const trainedKeys = new Set(modules.map((m) => m.key));
  for (const b of built.values()) {
    if (!/Pretrainer$/.test(b.target) || b.at.shape !== 'map') continue;
    for (const loadable of doc.entries(`${b.key}.loadables`)) {
      const target = reader.refTarget(loadable.path);
      if (target !== undefined && (trainedKeys.has(target) || modelListHolds(doc, target))) {
        out.add(
          'model.fromScratch',
          false,
          loadable,
          `${b.key} loads a checkpoint into ${target}, a module the Brain trains: a fine-tune`,
          'medium',
        );
        return;
      }
    }
  }
  out.add(
    'model.fromScratch',
    true,
    counter.at,
    'no Pretrainer loads a checkpoint into a trained module and no module is built from a Hub checkpoint: the modules start from their initialisation',
    'medium',
  );
}

/** `model: !new:torch.nn.ModuleList [[!ref <a>, !ref <b>]]`: the list the optimizer trains. */
function modelListHolds(doc: ConfigDoc, key: string): boolean {
  const v = doc.get('model');
  if (!v) return false;
  const start = v.range.startLine;
  const end = v.range.endLine;
  const lines = doc.text.split('\n', end + 2).slice(start, end + 1);
  return lines.some((l) => l.includes(`<${key}>`));
}

function readPrecision(doc: ConfigDoc, out: FactSink, key: 'precision' | 'eval_precision'): void {
  const p = doc.get(key);
  const value = typeof p?.value === 'string' ? PRECISIONS[p.value.trim().toLowerCase()] : undefined;
  if (p && value) {
    out.add('training.precision', value, p, `${key}: ${value} (SpeechBrain run option)`);
    return;
  }
  const amp = doc.get('auto_mix_prec');
  if (amp?.value === true) {
    out.add('training.precision', 'fp16', amp, 'auto_mix_prec: True (fp16 mixed precision)');
    return;
  }
  const bf = doc.get('bfloat16_mix_prec');
  if (bf?.value === true) {
    out.add('training.precision', 'bf16', bf, 'bfloat16_mix_prec: True');
    return;
  }
  if (p) return;
  const first = doc.entries()[0];
  if (first)
    out.add(
      'training.precision',
      'fp32',
      first,
      `no ${key} key: SpeechBrain's run option defaults to fp32 (speechbrain/utils/run_opts.py, RunOptions) unless the command line sets it`,
      'medium',
    );
}
