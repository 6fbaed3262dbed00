import type { ConfigDialect, ConfigDoc, ConfigValue, FactSink } from './dialect';
import { positiveIntegerOrDigits } from '../positiveInteger';

/**
 * Configs of programs that read a YAML into a dataclass of arguments with OmegaConf
 * (`OmegaConf.merge(OmegaConf.structured(TrainArgs()), OmegaConf.load(args.config), OmegaConf.from_cli())`,
 * the pattern of Meta's lingua and the research codebases like it, run as `python -m app.train config=<this>`):
 * the file holds the fields of the program's TrainArgs, `steps` (optimizer steps) at the top, the
 * architecture in a `model:` section with Meta's llama reference names (`dim`, `n_layers`, `n_heads`,
 * `ffn_dim_multiplier`, `multiple_of`), the precision in `distributed.model_dtype`, the data in `data:`.
 *
 * A training config is recognised by that shape: a top-level `steps`, a `model:` section that states an
 * architecture (a layer count and a width), and a training section (`optim`, `distributed` or `data`).
 * The evaluation config of such programs (`python -m app.eval config=<this>`) holds the lm-eval harness's
 * tasks and the generator's settings (`harness.tasks` or `tasks`, `generator.dtype`) and no training section: an
 * inference run of the checkpoint it names (usually left to fill in: the model then stays unknown).
 */

const LAYER_KEYS = ['n_layers', 'num_layers', 'n_layer', 'num_hidden_layers'];
const WIDTH_KEYS = ['dim', 'd_model', 'hidden_size', 'n_embd'];
/** Hierarchical models write one width and depth per level (`dimensions: [512, 2048]`, `layers: [3, 25]`). */
const LEVEL_KEYS = [
  ['dimensions', 'layers'],
  ['dims', 'depths'],
] as const;
const TRAINING_SECTIONS = ['optim', 'optimizer', 'distributed', 'data'];
/** Architectures whose blocks the dense-transformer count fits: a model type outside these is sized unknown. */
const TRANSFORMER_TYPES = /^(transformer|llama\d*|lm_?transformer|gpt\d*|decoder)$/i;
const SSM_TYPES = /^(mamba\d*|ssm)$/i;

function first(doc: ConfigDoc, paths: readonly string[]): ConfigValue | undefined {
  for (const p of paths) {
    const v = doc.get(p);
    if (v && positiveIntegerOrDigits(v.value) !== undefined) return v;
  }
  return undefined;
}

/** Whether the map at `section` states an architecture: a layer count or a width, or a width and depth per level. */
function statesArchitecture(doc: ConfigDoc, section: string): boolean {
  if (doc.get(section)?.shape !== 'map') return false;
  return (
    first(
      doc,
      [...LAYER_KEYS, ...WIDTH_KEYS].map((k) => `${section}.${k}`),
    ) !== undefined ||
    LEVEL_KEYS.some(
      ([w, l]) => doc.get(`${section}.${w}`)?.shape === 'seq' && doc.get(`${section}.${l}`)?.shape === 'seq',
    )
  );
}

/**
 * The section that holds the trained model's architecture: `model`, or else a top-level `*_model` map (a config
 * whose program trains an auxiliary model alone: `model: null` beside `entropy_model: {dim, n_layers}`).
 */
function modelSection(doc: ConfigDoc): string | undefined {
  if (statesArchitecture(doc, 'model')) return 'model';
  return doc.entries().find((e) => e.shape === 'map' && /_model$/.test(e.key) && statesArchitecture(doc, e.path))?.path;
}

const isTraining = (doc: ConfigDoc) =>
  positiveIntegerOrDigits(doc.get('steps')?.value) !== undefined &&
  TRAINING_SECTIONS.some((s) => doc.get(s)?.shape === 'map') &&
  modelSection(doc) !== undefined;

/** The tasks an evaluation scores: the harness's list (`harness.tasks`) or a comma-separated `tasks` string. */
function evaluationTasks(doc: ConfigDoc): ConfigValue | undefined {
  const harness = doc.get('harness.tasks');
  if (harness?.shape === 'seq') return harness;
  const tasks = doc.get('tasks');
  return tasks?.shape === 'seq' || (typeof tasks?.value === 'string' && tasks.value.trim() !== '') ? tasks : undefined;
}

const isEvaluation = (doc: ConfigDoc) =>
  doc.get('generator')?.shape === 'map' &&
  evaluationTasks(doc) !== undefined &&
  !doc.has('steps') &&
  !TRAINING_SECTIONS.some((s) => doc.get(s)?.shape === 'map');

export const structuredArgs: ConfigDialect = {
  name: 'structured-args',
  words: ['steps', 'generator'],
  detect: (doc) => isTraining(doc) || isEvaluation(doc),
  read(doc: ConfigDoc, out: FactSink): void {
    if (!isTraining(doc)) {
      readEvaluation(doc, out);
      return;
    }
    const steps = doc.get('steps')!;
    const n = positiveIntegerOrDigits(steps.value)!;
    out.add('run.framework', 'structured-args', steps, 'OmegaConf config of a program’s TrainArgs dataclass');
    out.add('training.steps', n, steps, `steps: ${n} (optimizer steps)`);
    const accumulation = doc.get('grad_acc_steps');
    const acc = positiveIntegerOrDigits(accumulation?.value);
    if (accumulation && acc) out.add('training.gradientAccumulation', acc, accumulation, `grad_acc_steps: ${acc}`);
    const dtype = doc.get('distributed.model_dtype');
    const precision = precisionOf(dtype?.value);
    if (dtype && precision)
      out.add('training.precision', precision, dtype, `distributed.model_dtype: ${String(dtype.value)}`);
    const named = readName(doc, out);
    readMode(doc, steps, out);
    readSize(doc, named?.type, out);
    out.add(
      'launch.trainer',
      'config:structured-args',
      steps,
      'a training config (steps, a model architecture, training sections) of a program that loads it with OmegaConf',
    );
  },
};

function precisionOf(v: unknown): 'bf16' | 'fp16' | 'fp32' | undefined {
  const s = typeof v === 'string' ? v.toLowerCase() : '';
  return /^(bf16|bfloat16)$/.test(s)
    ? 'bf16'
    : /^(fp16|float16|half)$/.test(s)
      ? 'fp16'
      : /^(fp32|float32)$/.test(s)
        ? 'fp32'
        : undefined;
}

/** The model type when written (`model_type: hawk`); else the run's name, the only name a model built from sizes has. */
function readName(doc: ConfigDoc, out: FactSink): { type?: string } | undefined {
  const type = ['model_type', 'model.model_type', 'model.type', 'model.arch']
    .map((p) => doc.get(p))
    .find((v): v is ConfigValue => typeof v?.value === 'string' && v.value.trim() !== '');
  if (type) {
    out.add('model.id', String(type.value), type, `${type.path}: ${String(type.value)}`);
    return { type: String(type.value) };
  }
  const name = doc.get('name');
  if (typeof name?.value === 'string' && /^[\w.-]{1,80}$/.test(name.value)) {
    out.add(
      'model.id',
      name.value,
      name,
      `name: ${name.value} (the run's name; the model is built from the sizes below)`,
      'low',
    );
    return {};
  }
  return undefined;
}

/** From scratch unless the config starts from a checkpoint (`checkpoint.init_ckpt_path`, `init_from`). */
function readMode(doc: ConfigDoc, at: ConfigValue, out: FactSink): void {
  const init = ['checkpoint.init_ckpt_path', 'init_ckpt_path', 'checkpoint.init_from', 'init_from']
    .map((p) => doc.get(p))
    .find((v): v is ConfigValue => typeof v?.value === 'string' && v.value.trim() !== '' && v.value !== 'scratch');
  if (init) {
    out.add('model.fromScratch', false, init, `${init.path}: starts from ${String(init.value)}`);
    return;
  }
  out.add(
    'model.fromScratch',
    true,
    at,
    'no initial checkpoint: the model is trained from random initialisation',
    'medium',
  );
}

/**
 * The vocabulary a tokenizer's file name states (`cl_toplang_128k.tiktoken`, `tokenizer_final_32k.model`):
 * k = 1,000 as such names round it. Undefined when the name states none.
 */
export function vocabularyInName(path: string): number | undefined {
  const base = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1).slice(0, 200);
  const m = /(?:^|[^a-z0-9])(\d{1,4})k(?![a-z0-9])/i.exec(base);
  const n = m ? Number(m[1]) * 1000 : NaN;
  return n >= 1000 && n <= 1_000_000 ? n : undefined;
}

/**
 * Layers and width; the vocabulary when written or stated by the tokenizer's file name. A dense transformer
 * (no model type, or a transformer's) is sized by the resolver's 12·d² per layer (4·d² attention and an MLP of
 * 8·d², which is also what llama's SwiGLU of hidden 2/3·4·d holds) plus the embeddings, the output head counted
 * apart (Meta's llama reference Transformer has an output layer of its own unless the config ties it). A
 * Mamba-style SSM (`state_dim`, `conv_size`) holds 3·E·d² per block with expansion E = 2 (Gu & Dao 2023, Mamba,
 * §3.4: "3ED² parameters" in the block's projections). Any other model type is left unsized.
 */
function readSize(doc: ConfigDoc, type: string | undefined, out: FactSink): void {
  const section = modelSection(doc);
  if (!section) return;
  const layers = first(
    doc,
    LAYER_KEYS.map((k) => `${section}.${k}`),
  );
  const width = first(
    doc,
    WIDTH_KEYS.map((k) => `${section}.${k}`),
  );
  if (!layers || !width) return;
  const l = positiveIntegerOrDigits(layers.value)!;
  const d = positiveIntegerOrDigits(width.value)!;
  const ssm =
    (type !== undefined && SSM_TYPES.test(type)) ||
    (type === undefined && doc.has(`${section}.state_dim`) && doc.has(`${section}.conv_size`));
  if (type !== undefined && !ssm && !TRANSFORMER_TYPES.test(type)) return;
  const vocabValue = doc.get(`${section}.vocab_size`);
  const tokenizer = doc.get('data.tokenizer.path');
  const written = positiveIntegerOrDigits(vocabValue?.value);
  const named = typeof tokenizer?.value === 'string' ? vocabularyInName(tokenizer.value) : undefined;
  const vocab = written ?? named;
  if (!written && named && tokenizer)
    out.add(
      'model.vocabSize',
      named,
      tokenizer,
      `data.tokenizer.path ${String(tokenizer.value)}: a ${named / 1000}k vocabulary by its name`,
      'medium',
    );
  const tied = ['weight_tying', 'tie_word_embeddings', 'tied_embeddings'].some(
    (k) => doc.get(`${section}.${k}`)?.value === true,
  );
  if (ssm) {
    const blocks = l * 6 * d * d;
    const embeddings = (vocab ?? 0) * d * (tied ? 1 : 2);
    out.add(
      'model.params',
      blocks + embeddings,
      layers,
      `${l} Mamba-style blocks × 3·E·d² (E = 2, d ${d}: Gu & Dao 2023 §3.4)${vocab ? ` + ${tied ? '' : 'input and output '}embeddings of ${vocab}` : ''}`,
      'medium',
    );
    return;
  }
  if (width.key !== 'hidden_size' && width.key !== 'd_model' && width.key !== 'n_embd')
    out.add('model.hiddenSize', d, width, `${width.path}: ${d}`);
  if (vocab && !tied)
    out.add(
      'model.untiedHead',
      true,
      width,
      'an output layer of its own (Meta’s llama reference Transformer; the config does not tie it)',
      'medium',
    );
}

function readEvaluation(doc: ConfigDoc, out: FactSink): void {
  const tasks = evaluationTasks(doc)!;
  out.add('run.framework', 'structured-args', tasks, 'OmegaConf evaluation config (lm-eval harness tasks, generator)');
  out.add('training.mode', 'inference', tasks, 'an evaluation config: the harness tasks are scored on a checkpoint');
  out.add(
    'launch.inference',
    'config:structured-args-eval',
    tasks,
    'an evaluation config of a program that loads it with OmegaConf',
  );
  // The generator's `dtype` is read by the generic key table.
}
