import type { ConfigDialect, ConfigDoc, ConfigValue, FactSink } from './dialect';
import { modelNameOfConfigFile } from './satDiffusion';

/**
 * GPT-NeoX configs (`configs/125M.yml`, `configs/pythia/410M.yml`, `configs/llama/7B.yml`):
 * JSON-like YAML with comments, keys written with underscores or hyphens (`num_layers`,
 * `num-layers`), which the sizing table folds into one name. `deepy.py train.py -d configs
 * 125M.yml local_setup.yml` merges several files into one run.
 *
 * What makes it a run: model sizes (num_layers, hidden_size). A file holding only sizes
 * (configs/llama/7B.yml) is still what the run trains: the launch combines it with paths and
 * machines (and train_iters, when the file leaves it out, which then shows as unknown).
 * Mode: pre-training unless `finetune: true` (neox_args.py: loads `load` as a starting point).
 * Defaults (megatron/neox_arguments/neox_args.py): pos_emb "learned", no_weight_tying false
 * (tied), activation "gelu", mlp_multiple_of 1.
 */

const MARKERS = [
  'pipe_parallel_size',
  'model_parallel_size',
  'pos_emb',
  'gpt_j_residual',
  'no_weight_tying',
  'output_layer_parallelism',
  'norm',
  'rotary_pct',
];
/** neox activations with a gate (megatron/model/activations.py get_activation: is_gated). */
const GATED = /^(geglu|reglu|swiglu|bilinear|glu)$/;

/** A key in either spelling. */
function either(doc: ConfigDoc, key: string): ConfigValue | undefined {
  return doc.get(key) ?? doc.get(key.replace(/_/g, '-'));
}
function numberAt(doc: ConfigDoc, key: string): number | undefined {
  return doc.num(key) ?? doc.num(key.replace(/_/g, '-'));
}

export const neox: ConfigDialect = {
  name: 'neox',
  words: [
    'pipe_parallel_size',
    'pipe-parallel-size',
    'model_parallel_size',
    'model-parallel-size',
    'pos_emb',
    'pos-emb',
    'gpt_j_residual',
    'gpt-j-residual',
    'no_weight_tying',
    'no-weight-tying',
    'output_layer_parallelism',
    'output-layer-parallelism',
  ],
  detect: (doc) => {
    const markers = MARKERS.filter((k) => either(doc, k) !== undefined && k !== 'norm' && k !== 'rotary_pct').length;
    return (
      markers >= 1 &&
      (either(doc, 'num_layers') !== undefined ||
        either(doc, 'train_iters') !== undefined ||
        either(doc, 'train_micro_batch_size_per_gpu') !== undefined ||
        markers >= 2)
    );
  },
  // The ffn width of a gated neox MLP is not intermediate_size (see below); positions depend on pos_emb.
  // train_iters is read here: neox loads its configs with PyYAML (YAML 1.1), where `540_000` is an integer.
  owns: (path) => /^(intermediate[_-]size|max[_-]position[_-]embeddings|train[_-]iters)$/.test(path),
  read(doc: ConfigDoc, out: FactSink, file?: { readonly path: string }): void {
    const layers = either(doc, 'num_layers');
    const hidden = numberAt(doc, 'hidden_size');
    const iters = either(doc, 'train_iters');
    const anchor = layers ?? iters ?? doc.entries()[0];
    if (!anchor) return;
    out.add('run.framework', 'neox', anchor, 'GPT-NeoX config');

    // Positions: a learned table only with pos_emb "learned" (the default).
    const posEmb = either(doc, 'pos_emb');
    const learned = posEmb === undefined || posEmb.value === 'learned';
    const positions = either(doc, 'max_position_embeddings');
    const p = numberAt(doc, 'max_position_embeddings') ?? (learned ? numberAt(doc, 'seq_length') : undefined);
    if (learned && p && (positions ?? either(doc, 'seq_length')))
      out.add(
        'model.learnedPositions',
        p,
        (positions ?? either(doc, 'seq_length'))!,
        `${posEmb ? `pos_emb: learned` : 'pos_emb defaults to learned'}: ${p} position embeddings`,
        posEmb ? 'high' : 'medium',
      );

    const untied = either(doc, 'no_weight_tying');
    if (untied?.value === true)
      out.add('model.untiedHead', true, untied, `${untied.key}: true: the output layer has its own weights`);

    readFeedForward(doc, hidden, out);
    readTrainIters(iters, numberAt(doc, 'train_iters'), out);

    const finetune = either(doc, 'finetune');
    // A config that sizes the whole model is the run's definition (`deepy.py train.py configs/7B.yml
    // local_setup.yml`): the launch adds paths and machines, and train_iters where the file leaves it out.
    const isRun = layers !== undefined && hidden !== undefined;
    if (finetune?.value === true)
      out.add(
        'training.mode',
        'finetune',
        finetune,
        `${finetune.key}: true: training starts from the checkpoint in load`,
      );
    else if (isRun) {
      out.add(
        'training.mode',
        'pretrain',
        layers,
        'GPT-NeoX pre-training from random initialisation (finetune is not set)',
        'medium',
      );
      out.add(
        'model.fromScratch',
        true,
        layers,
        'GPT-NeoX initialises the model (init_method) unless finetune is set',
        'medium',
      );
    }
    readVocabulary(doc, layers ?? anchor, isRun, out);
    // A config that sizes the model is named for it (`stablelm-2-1_6b.yml`, `pythia-1b-deduped.yml`); a name of a
    // size alone (`125M.yml`, `llama/7B.yml`) says no model and is left out.
    const named = isRun && file ? modelNameOfConfigFile(file.path) : undefined;
    if (named && /[a-z]{3}/.test(named))
      out.add('model.id', named, layers!, `the config's file name: the model it defines is ${named}`, 'low');
    if (isRun)
      out.add(
        'launch.trainer',
        'config:neox',
        layers,
        `GPT-NeoX config with model sizes${iters !== undefined ? ' and train_iters' : ''}`,
      );
  },
};

/**
 * train_iters as PyYAML reads it (YAML 1.1 integers may hold underscores: `955_000`), which the generic key table
 * (YAML 1.2, where `955_000` is a string) leaves unread.
 */
function readTrainIters(iters: ConfigValue | undefined, n: number | undefined, out: FactSink): void {
  if (!iters || n === undefined || !Number.isInteger(n) || n <= 0) return;
  out.add('training.steps', n, iters, `${iters.key}: ${n} optimizer steps`);
}

/**
 * neox's ParallelMLP: with a gated activation, intermediate_size I becomes a gate+up projection
 * of round_up(2I/3, 2m) and a down projection of half that (m = mlp_multiple_of), i.e.
 * 1.5 × d × that width in all; the size formula counts 2 × d × ffn, so ffn = 0.75 × width.
 */
function readFeedForward(doc: ConfigDoc, hidden: number | undefined, out: FactSink): void {
  const intermediate = either(doc, 'intermediate_size');
  const activation = either(doc, 'activation');
  const gated = typeof activation?.value === 'string' && GATED.test(activation.value);
  const mlpType = either(doc, 'mlp_type');
  if (!intermediate && hidden && typeof mlpType?.value === 'string' && /^(?:gated|llama)$/.test(mlpType.value)) {
    readLlamaFeedForward(doc, hidden, mlpType, out);
    return;
  }
  const i = numberAt(doc, 'intermediate_size') ?? (gated && hidden ? 4 * hidden : undefined);
  if (!i) return;
  const at = intermediate ?? activation!;
  const written = intermediate ? `${intermediate.key} ${i}` : `the default 4 × hidden_size (${i})`;
  if (!gated) {
    out.add('model.ffnSize', i, at, `${written}`);
    return;
  }
  const multiple = numberAt(doc, 'mlp_multiple_of') ?? 1;
  const width = 2 * multiple * Math.ceil(Math.floor((i * 2) / 3) / (2 * multiple));
  out.add(
    'model.ffnSize',
    0.75 * width,
    at,
    `${written} with gated ${String(activation.value)}: projections of ${width} and ${width / 2} (counted as ${0.75 * width})`,
    intermediate ? 'high' : 'medium',
  );
}

/**
 * `mlp_type: "llama"` (EleutherAI gpt-neox megatron/model/transformer.py, LLaMAParallelMLP; Stability AI's fork
 * names it "gated"): three projections of ff = int(2 × 4h / 3) rounded up to a multiple of mlp_multiple_of
 * (256 there by default), gate and up of h × ff and down of ff × h, so 3 × h × ff in all; the size formula counts
 * 2 × h × ffn, so ffn = 1.5 × ff. As the released checkpoints state: stabilityai/stablelm-3b-4e1t config.json,
 * hidden 2560 → intermediate_size 6912; stabilityai/stablelm-2-1_6b, hidden 2048 → 5632.
 */
function readLlamaFeedForward(doc: ConfigDoc, hidden: number, at: ConfigValue, out: FactSink): void {
  const multiple = numberAt(doc, 'mlp_multiple_of') ?? 256;
  if (!(multiple >= 1)) return;
  const ff = multiple * Math.ceil(Math.floor((2 * 4 * hidden) / 3) / multiple);
  out.add(
    'model.ffnSize',
    1.5 * ff,
    at,
    `${at.key}: ${String(at.value)}: gate, up and down projections of ${ff} (8/3 × hidden_size rounded up to ${multiple}), counted as ${1.5 * ff}`,
    'medium',
  );
}

/**
 * The vocabulary comes from the tokenizer, not the config: GPT-2 BPE (50,257 tokens) unless
 * `tokenizer_type` says otherwise (neox_args.py default "GPT2BPETokenizer"), or the 20B tokenizer
 * (50,277) a `vocab_file` names. neox pads it to a multiple of make_vocab_size_divisible_by (128)
 * × model_parallel_size (megatron/tokenizer/tokenizer.py, _vocab_size_with_padding).
 */
function readVocabulary(doc: ConfigDoc, at: ConfigValue, isRun: boolean, out: FactSink): void {
  if (numberAt(doc, 'padded_vocab_size')) return;
  const type = doc.str('tokenizer_type') ?? doc.str('tokenizer-type');
  const file = either(doc, 'vocab_file');
  const fileName = typeof file?.value === 'string' ? file.value : '';
  // Stability AI's Arcade100k tiktoken vocabulary: 100,289 tokens (huggingface.co/stabilityai/stablelm-2-1_6b:
  // tokenization_arcade100k.py; its config.json's vocab_size 100352 is that padded to a multiple of 128). A file
  // named for the neox tokenizer is the 20B one (stabilityai/stablelm-3b-4e1t, trained with
  // `neox-tokenizer-vocab.json`: vocab_size 50304 in its config.json, 50,277 padded to 128).
  // A Hugging Face tokenizer file kept in a folder named for Llama 3 (`…/llama3-8b-instruct/tokenizer/tokenizer.json`):
  // Llama 3's 128,256 tokens (meta-llama/Meta-Llama-3-8B config.json vocab_size 128256, 128,000 BPE + 256 special).
  const base = /arcade100k/i.test(fileName)
    ? 100289
    : /(?:^|[/_-])llama-?3(?:[._-]|\/|$)/i.test(fileName)
      ? 128256
      : /20B_tokenizer|neox[-_]tokenizer/i.test(fileName)
        ? 50277
        : /gpt2/i.test(fileName) || (!fileName && (type === undefined || type === 'GPT2BPETokenizer'))
          ? 50257
          : undefined;
  // A file with sizes only gets its vocabulary from the launch's other files; say nothing there.
  if (!base || (!file && !isRun)) return;
  const multiple = (numberAt(doc, 'make_vocab_size_divisible_by') ?? 128) * (numberAt(doc, 'model_parallel_size') ?? 1);
  const padded = Math.ceil(base / multiple) * multiple;
  const source = file ? `${file.key}: ${fileName}` : 'the default GPT2BPETokenizer';
  out.add(
    'model.vocabSize',
    padded,
    file ?? at,
    `${source}: ${base} tokens padded to ${padded} (multiple of ${multiple})`,
    'low',
  );
}
