import { ordinal } from '../ordinal';
import { ADAPTER_OFF } from '../extract/configFacts';
import { findModel } from '../knowledge';
import { isFourBitCheckpoint, isHostedApiModel, sizeFromModelName } from '../knowledge/modelName';
import { isAssembledName } from './assembledModel';
import { YACS_DEFAULT } from '../extract/config/yacsDefaults';
import { AUTO_PRECISION_DETAIL, CHECKPOINT_DTYPE_DETAIL, SWITCHES_OFF_DETAIL } from '../extract/precisionSwitches';
import { SET_FROM_VARIABLE } from '../extract/shell/words';
import { NOT_MODEL_PATH } from '../extract/python/readers/trlx';
import { PLACEHOLDER_ID } from '../extract/placeholderId';
import { LOCAL_FOLDER_NO_MODEL } from '../extract/localModelFolder';
import { RAY_PLACED_TOTAL } from '../extract/shell/openRlhfRay';
import { SLURM_JOB_TOTAL } from '../extract/shell/slurm';
import { DEFAULT_CONFIG_LINK } from '../extract/python/readers/lavisProgram';
import { HYDRA_MAIN_LINK } from '../extract/python/readers/hydraMain';
import { MMF_INCLUDE } from '../extract/config/mmf';
import type { Fact, FactKind, SourceRange } from '../facts';
import { spanOf, startsARun } from '../facts';
import { runsAScript, submitsAJob } from '../extract/shell/launchers';
import { answeringScript, submitsWorkElsewhere } from '../extract/shell/runIntent';
import type { Assumption, InferenceEngine, Precision, RunSpec, TrainingFramework, WeightPrecision } from '../runSpec';
import { problemAt, type Problem } from '../problem';
// From the vocabulary, not runSpec.ts: that would pull zod into the scan worker (scripts/build.mjs).
import { INFERENCE_ENGINES, isVisionHead, PRECISIONS, WEIGHT_PRECISIONS } from '../runVocabulary';

/**
 * Turns the facts of one file into the runs it launches. A run needs a launch
 * (a trainer, a training loop, `fit`, a launch command, inference) or a config
 * that names a model and how long to train it.
 */

export interface RunAnchors {
  /** Where the model id / the epochs value is written, when read through a constant or default (0-based). */
  readonly modelOriginLine?: number;
  readonly sizeOriginLine?: number;
  /** The model load (`from_pretrained`, `resnet50(...)`, `base_model:`). */
  readonly model?: SourceRange;
  /** Epochs or steps. */
  readonly size?: SourceRange;
  /** The trainer, loop, fit or launch command. */
  readonly launch?: SourceRange;
}

export interface SpecFromCode {
  readonly spec: RunSpec;
  /** Inputs the code set, each pointing at its source range. */
  readonly assumptions: Assumption[];
  /** Things the code sets but that cannot be read statically. */
  readonly unknowns: Assumption[];
  /** Values the code sets that make no sense (negative epochs, overflows), named for the user. */
  readonly problems: Problem[];
  readonly range: SourceRange;
  readonly anchors: RunAnchors;
}

/** Upper bounds past which a value is a typo or an overflow, not a run (checked, then reported). */
const SENSIBLE_MAX: Record<string, number> = {
  'training.epochs': 1e5,
  'training.steps': 1e10,
  'training.batchPerDevice': 1e6,
  'training.gradientAccumulation': 1e5,
  'training.globalBatch': 1e8,
  'training.seqLen': 1e7,
  'training.tokens': 1e16,
  'training.datasetTokens': 1e15,
  'training.datasetSamples': 1e13,
  'training.tokensPerRequest': 1e7,
  'hardware.count': 1e6,
  'hardware.nodes': 1e5,
  'model.params': 1e14,
  'model.layers': 1e4,
  'model.hiddenSize': 1e6,
  'model.vocabSize': 1e8,
  'model.forwardFlopsPerSample': 1e18,
  // A gigapixel frame stack is past any network's input (the spec schema's own limit).
  'model.inputPixels': 1e8,
};

/** The spec field each kind of fact fills (for listing what could not be read). */
const FIELD_OF_KIND: Partial<Record<FactKind, string>> = {
  'model.id': 'model.name',
  'model.params': 'model.params',
  'training.epochs': 'training.epochs',
  'training.steps': 'training.steps',
  'training.batchPerDevice': 'training.batchPerDevice',
  'training.gradientAccumulation': 'training.gradientAccumulation',
  'training.tensorParallel': 'training.tensorParallel',
  'training.pipelineParallel': 'training.pipelineParallel',
  'training.seqLen': 'training.seqLen',
  'training.precision': 'training.precision',
  'training.dataset': 'training.dataset',
  'hardware.devices': 'hardware.count',
  'hardware.nodes': 'hardware.nodes',
  'hardware.accelerator': 'hardware.accelerator',
};

const CONFIDENCE_RANK: Record<Fact['confidence'], number> = { high: 2, medium: 1, low: 0 };

/** The fact to use for a kind: resolved beats unknown, then higher confidence, then first written. */
/** A config file a program loads (YAML, JSON, TOML). */
const TRAINING_CONFIG_FILE = /\.(?:ya?ml|json|toml)$/i;

/** Two facts read at the same place of the same file (a count's size and the forward cost it gives). */
function sameSite(a: Fact, b: Fact): boolean {
  const [x, y] = [a.range, b.range];
  return (
    a.file === b.file &&
    x.startLine === y.startLine &&
    x.startCol === y.startCol &&
    x.endLine === y.endLine &&
    x.endCol === y.endCol
  );
}

function pick(facts: readonly Fact[], kind: FactKind): Fact | undefined {
  const stated = facts.find((f) => f.kind === kind && f.directive);
  if (stated) return stated;
  let best: Fact | undefined;
  for (const f of facts) {
    if (f.kind !== kind) continue;
    if (!best) best = f;
    else if (
      (best.value === null && f.value !== null) ||
      (f.value !== null && CONFIDENCE_RANK[f.confidence] > CONFIDENCE_RANK[best.confidence])
    )
      best = f;
  }
  return best;
}

/**
 * A factory's model (`blip:decoder`) and the size word a separate key picks (`vit: base`, model.variant): the catalog
 * row of that size (`blip:decoder-base`) where the catalog has one; otherwise the model as read, unsized.
 */
function sizedByVariant(id: Fact | undefined, variants: readonly Fact[]): Fact | undefined {
  if (!id || typeof id.value !== 'string' || id.value.length > 200) return id;
  const words = variants.filter((v) => typeof v.value === 'string').slice(0, 4);
  // One size word alone first (the chosen one, then the others); then two words a run's files state apart (a
  // detectron2 config's ResNet depth and the FPN backbone its base names: `mask-rcnn` + `resnet-50` + `fpn`).
  const tries: Fact[][] = [...words.map((w) => [w])];
  for (const a of words) for (const b of words) if (a !== b && a.value !== b.value) tries.push([a, b]);
  for (const t of tries) {
    const named = [id.value, ...t.map((v) => v.value as string)].join('-');
    if (findModel(named)) return { ...id, value: named, detail: [id.detail, ...t.map((v) => v.detail)].join('; ') };
  }
  return id;
}

/** The size words stated, the one `pick` chooses first. */
function variantsChosenFirst(facts: readonly Fact[]): Fact[] {
  const chosen = pick(facts, 'model.variant');
  if (!chosen) return [];
  return [chosen, ...facts.filter((f) => f.kind === 'model.variant' && f !== chosen)];
}

function asNumber(f: Fact | undefined): number | undefined {
  return f && typeof f.value === 'number' && Number.isFinite(f.value) && f.value > 0 ? f.value : undefined;
}

/**
 * Dense decoder/encoder parameters: per layer 4d² for attention (Q, K, V, output) and 2·d·d_ff for the
 * feed-forward block (d_ff = 4d unless stated, which gives Kaplan et al.'s 12·L·d²), plus token and,
 * where they are learned, position embeddings. Biases and layer norms (O(L·d)) are left out.
 */
export function transformerParams(
  layers: number,
  hidden: number,
  vocab: number | undefined,
  ffn?: number,
  positions?: number,
  untiedHead = false,
  kvShare = 1,
): number {
  // Q and output projections d² each; K and V d² × kvShare each (grouped-query attention: kvHeads / heads).
  const perLayer = (2 + 2 * kvShare) * hidden * hidden + 2 * hidden * (ffn ?? 4 * hidden);
  return layers * perLayer + ((vocab ?? 0) * (untiedHead ? 2 : 1) + (positions ?? 0)) * hidden;
}

/**
 * Steps from one file's epoch length and another's epochs: a config that sets `optim.epochs: 500` over its
 * program's defaults, which fix 1,250 iterations an epoch (and count the steps of their own 100 epochs), runs
 * 500 × 1,250. Steps stated in the file itself, or counted where the epochs are, are left as they are.
 */
function stepsOfEpochs(facts: readonly Fact[]): Fact | undefined {
  const perEpoch = pick(facts, 'training.stepsPerEpoch');
  const epochs = pick(facts, 'training.epochs');
  const steps = pick(facts, 'training.steps');
  const e = asNumber(epochs);
  const p = asNumber(perEpoch);
  // A loop over a count the code works out at run time (`range(nbatches)`, read as unknown) states no steps.
  const stated = steps && steps.value !== null;
  if (!epochs || !perEpoch || !e || !p || (stated && (!steps.file || steps.file === epochs.file))) return undefined;
  return {
    kind: 'training.steps',
    value: Math.round(e * p),
    range: epochs.range,
    confidence: epochs.confidence,
    detail: `${epochs.detail} × ${perEpoch.file ? `${perEpoch.file}: ` : ''}${perEpoch.detail} = ${Math.round(e * p)} steps`,
    ...(epochs.file ? { file: epochs.file } : {}),
  };
}

/** A model id that is a placeholder reads as no model named, saying so (never as a model called `<model>`). */
function withoutPlaceholderIds(read: readonly Fact[]): readonly Fact[] {
  if (!read.some((f) => f.kind === 'model.id' && typeof f.value === 'string' && PLACEHOLDER_ID.test(f.value)))
    return read;
  return read.map((f) =>
    f.kind === 'model.id' && typeof f.value === 'string' && PLACEHOLDER_ID.test(f.value)
      ? { ...f, value: null, confidence: 'low', detail: `${f.detail}: \`${f.value}\` is a placeholder to fill in` }
      : f,
  );
}

/**
 * The launch line sets the model flag from a variable the script leaves unset (`--model_name_or_path
 * ./checkpoints/$MODEL_VERSION`): the caller picks the model, so the launched program's default for that flag
 * (a dataclass or argparse default, or a from_pretrained call reading one, in a linked file) is not the one this
 * run loads. The model stays unknown.
 */
/** A language model's loader (`VideoChatGPTLlamaForCausalLM.from_pretrained`, `AutoModelForSeq2SeqLM`, `GPT2LMHeadModel`). */
const LANGUAGE_MODEL_LOAD =
  /^\w{0,80}(?:For(?:CausalLM|Seq2SeqLM|ConditionalGeneration)|LMHeadModel)\.from_pretrained\b/;
/** A vision encoder's loader (`CLIPVisionModel.from_pretrained`, `SiglipVisionModel`, `CLIPVisionTower`). */
const VISION_ENCODER_LOAD = /^\w{0,80}Vision(?:Model|Tower|Transformer|Encoder)\w{0,20}\.from_pretrained\b/;

/**
 * A vision-language program that loads its language model from an id it is handed (`model_name`, a flag) and its
 * vision encoder from one it names (`CLIPVisionModel.from_pretrained("openai/clip-vit-large-patch14")`): the run's
 * model is the language model, not known here, not the encoder that feeds it (whose size would be shown as the run's).
 */
function withoutVisionEncoderForUnknownLanguageModel(facts: readonly Fact[]): readonly Fact[] {
  const unknownLanguageModel = facts.some(
    (f) => f.kind === 'model.id' && f.value === null && LANGUAGE_MODEL_LOAD.test(f.detail),
  );
  if (!unknownLanguageModel) return facts;
  const named = facts.filter((f) => f.kind === 'model.id' && f.value !== null);
  if (named.length === 0 || !named.every((f) => VISION_ENCODER_LOAD.test(f.detail))) return facts;
  return facts.filter((f) => !(f.kind === 'model.id' && f.value !== null));
}

function modelFacts(all: readonly Fact[]): readonly Fact[] {
  let facts = withoutVisionEncoderForUnknownLanguageModel(all);
  // A trlx NeMo trainer builds the model its Megatron config describes: a settings module's model_path is not it.
  // The program's other models (a reward classifier, a sentiment pipeline) are not it either, once the config names one.
  if (facts.some((f) => !f.file && f.kind === 'model.id' && f.value === null && f.detail.endsWith(NOT_MODEL_PATH))) {
    const fromConfig = (f: Fact) => !!f.file && /\.ya?ml$/.test(f.file);
    const named = facts.some((f) => f.kind === 'model.id' && f.value !== null && fromConfig(f));
    facts = facts.filter(
      (f) =>
        f.kind !== 'model.id' ||
        fromConfig(f) ||
        (named ? f.value === null && !f.file : !(f.file && /\.py$/.test(f.file))),
    );
  }
  const fromVariable = facts.some(
    (f) => !f.file && f.kind === 'model.id' && f.value === null && f.detail.endsWith(SET_FROM_VARIABLE),
  );
  if (!fromVariable) return facts;
  return facts.filter(
    (f) => !(f.file && f.kind === 'model.id' && f.confidence !== 'high' && f.detail.includes('default of ')),
  );
}

/** Stages looked at: a notebook trains in a few, never in dozens (beyond this the file is read as before). */
const MAX_STAGES = 8;

/**
 * Training in stages, one after another in one file (continued pretraining then instruction tuning, a supervised
 * warm-up before GRPO): each stage builds its trainer with its own steps and starts it with its own `.train()`, so
 * the optimizer steps add up. Only when every stage states its steps between the previous start and its own; a
 * stage that states epochs alone, or none, leaves the steps as read.
 */
function stagedSteps(facts: readonly Fact[]): Fact | undefined {
  const starts = facts.filter((f) => !f.file && f.kind === 'launch.trainer' && f.value === 'train');
  if (starts.length < 2 || starts.length > MAX_STAGES) return undefined;
  const at = (f: Fact) => [f.range.cell ?? -1, f.range.startLine] as const;
  const before = (a: Fact, b: Fact) => at(a)[0] < at(b)[0] || (at(a)[0] === at(b)[0] && at(a)[1] < at(b)[1]);
  const ordered = [...starts].sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
  const steps = facts.filter(
    (f) => !f.file && f.kind === 'training.steps' && typeof f.value === 'number' && f.value > 0 && !f.directive,
  );
  const perStage: Fact[] = [];
  for (let i = 0; i < ordered.length; i++) {
    const inStage = steps.filter((f) => before(f, ordered[i]) && (i === 0 || before(ordered[i - 1], f)));
    if (inStage.length !== 1) return undefined;
    perStage.push(inStage[0]);
  }
  const total = perStage.reduce((sum, f) => sum + (f.value as number), 0);
  const first = perStage[0];
  return {
    ...first,
    value: total,
    // Put first and as sure as its surest stage, so it is the steps picked (pick keeps the first of equals).
    confidence: perStage.reduce(
      (c, f) => (CONFIDENCE_RANK[f.confidence] > CONFIDENCE_RANK[c] ? f.confidence : c),
      first.confidence,
    ),
    detail: `${perStage.length} training stages, each started with its own .train(): ${perStage.map((f) => `${String(f.value)} (${f.detail})`).join(' + ')} = ${total} steps`,
  };
}

/**
 * The model read as a local folder whose name states none (`model_id_or_path: /content/llm_weights`) is the one Hub
 * model the same file downloads (`snapshot_download(repo_id="org/name", local_dir=...)`): a notebook fetches its
 * checkpoint, then points the trainer at the folder. Not when the file downloads several models, nor when another
 * fact names the model.
 */
function localFolderDownload(read: readonly Fact[]): readonly Fact[] {
  const local = read.findIndex(
    (f) => f.kind === 'model.id' && f.value === null && f.detail.includes(LOCAL_FOLDER_NO_MODEL),
  );
  if (local < 0 || read.some((f) => f.kind === 'model.id' && f.value !== null)) return read;
  const download = soleDownload(read.filter((f) => f.kind === 'model.downloaded'));
  if (!download) return read;
  const folder = read[local];
  return read.map((f, k) =>
    k === local
      ? {
          ...folder,
          value: String(download.value),
          detail: `${folder.detail}; the file downloads it: ${download.detail}`,
        }
      : f,
  );
}

/** The one Hub repository these downloads fetch (each the same), else undefined. */
function soleDownload(downloads: readonly Fact[]): Fact | undefined {
  const named = downloads.filter((f) => typeof f.value === 'string');
  return named.length > 0 && named.every((f) => f.value === named[0].value) ? named[0] : undefined;
}

/**
 * A repository named for what is not a network's weights (`colbert-ir/indexes`: a search index kept in a model-type
 * repository; data, results, demo assets).
 */
const NOT_WEIGHTS =
  /(?:^|[-_.])(?:index|indexes|indices|dataset|datasets|data|corpus|results|logs|assets|examples|demo)(?:$|[-_.])/i;

/**
 * A program that downloads one Hub model repository itself (`snapshot_download(repo_id="amphion/Vevo")` in its main
 * block, each download the same repository) and names no model in its own code runs those weights: the repository is
 * the run's model, over models only the modules it imports name (a helper module's feature extractor, `whisper.load_model`
 * inside the pipeline class), and when nothing names one. Not when the file downloads several repositories.
 */
function programDownload(read: readonly Fact[]): readonly Fact[] {
  if (read.some((f) => f.kind === 'model.id' && !f.file)) return read;
  const download = soleDownload(read.filter((f) => f.kind === 'model.downloaded' && !f.file));
  if (!download || NOT_WEIGHTS.test(String(download.value).split('/')[1] ?? '')) return read;
  const named: Fact = { ...download, kind: 'model.id', detail: `${download.detail}: the weights the program runs` };
  return [named, ...read.filter((f) => !(f.kind === 'model.id' && f.file))];
}

export function factsToSpecs(stated: readonly Fact[], sourceKind: 'code' | 'config'): SpecFromCode[] {
  const read = programDownload(localFolderDownload(withoutPlaceholderIds(stated)));
  const derivedSteps = stepsOfEpochs(read) ?? stagedSteps(read);
  const facts = derivedSteps ? [derivedSteps, ...read] : read;
  // Facts from linked files (file set) add values; where the run is, is this file's business.
  const own = facts.filter((f) => !f.file);
  const modelId = sizedByVariant(pick(modelFacts(facts), 'model.id'), variantsChosenFirst(facts));
  const size =
    pick(facts, 'training.steps')?.value != null ? pick(facts, 'training.steps') : pick(facts, 'training.epochs');
  // Building a Trainer or TrainingArguments is not running one: a run needs train()/fit(), a loop,
  // a backward pass, a launch command or inference. The constructions still anchor the run's lines.
  // `python scripts/upload_details.py` beside the real workload: a script the line runs that was found and
  // says nothing of a model or a run (link.noRun) makes the line no run; one not found may still be the run.
  // Unless the line hands it a config (`src/train.py x.yaml`: the config is the run), states the model itself, or the script submits
  // the work elsewhere (`python submit_benchmarks.py ...`: the line is a sweep of jobs).
  const inert = new Set(facts.filter((f) => f.kind === 'link.noRun').map((f) => String(f.value)));
  const onLine = (launch: Fact, kind: FactKind) =>
    own.find((f) => f.kind === kind && f.range.startLine === launch.range.startLine);
  const runsInertScript = (f: Fact) => {
    if (f.kind !== 'launch.trainer' || f.file || !runsAScript(String(f.value))) return false;
    const script = onLine(f, 'link.script');
    // Every program the line runs (a wrapper and the program it is handed) starts nothing.
    const scripts = own.filter((g) => g.kind === 'link.script' && g.range.startLine === f.range.startLine);
    return (
      script !== undefined &&
      scripts.every((g) => inert.has(String(g.value))) &&
      !onLine(f, 'link.config') &&
      // A config's own launch (documented, or a sibling's) hands the program this config: the config is the run's
      // definition whether or not the program's start could be read (mosaicml's `glue.py yamls/…/x.yaml`).
      sourceKind !== 'config' &&
      // Megatron-style flags on the line (`--num-layers 12 --hidden-size 2560 --train-iters 10`) state the model
      // and the schedule: the line is the run even when the script hides them in a library (`pretrain(...)`).
      onLine(f, 'run.framework')?.value !== 'megatron' &&
      !submitsWorkElsewhere(String(script.value))
    );
  };
  // A Python program that submits SLURM jobs (`subprocess.run(["sbatch", job_path])`) and states nothing of a run
  // itself (no model, sizes, schedule or precision): a driver of jobs another program wrote (picotron's
  // `submit_slurm_jobs.py` submitting the configs `create_config.py` wrote), not a run.
  const statesARun = own.some((f) => f.kind.startsWith('model.') || f.kind.startsWith('training.'));
  const drivesJobsOnly = (f: Fact) => f.kind === 'launch.trainer' && f.value === 'sbatch-from-python' && !statesARun;
  // A line that hands its program a hosted API's model (`--eng gpt-3.5-turbo`, `--model claude-3-5-sonnet`): weights
  // nobody can load, so the program is a client of that API, not a run on the hardware estimated for.
  const namesHostedModel = (f: Fact) =>
    f.kind === 'launch.trainer' &&
    !f.file &&
    own.some(
      (m) =>
        m.kind === 'model.id' &&
        typeof m.value === 'string' &&
        m.range.startLine >= f.range.startLine &&
        m.range.startLine <= f.range.endLine &&
        isHostedApiModel(m.value),
    );
  const ownStarts = own.filter(
    (f) => startsARun(f) && !runsInertScript(f) && !drivesJobsOnly(f) && !namesHostedModel(f),
  );
  const launch =
    own.find((f) => f.kind === 'launch.trainer' && !runsInertScript(f) && !namesHostedModel(f)) ??
    own.find((f) => f.kind === 'launch.inference');
  // `sbatch job.slurm` is a run when the job script it submits launches one (its facts are linked in).
  const linkedStart = facts.some((f) => f.file !== undefined && startsARun(f));
  // `train(...)` imported from a sibling module (link.module) starts this script's run when that module trains.
  const startsThroughModule = ownStarts.length === 0 && linkedStart && own.some((f) => f.kind === 'link.module');
  // A shell script with no launch of its own that sources the piece which launches (`. \`pwd\`/SBATCH.sh` after
  // setting the case's variables): the sourcing script is the run, the piece is part of it (shellFacts: `source`).
  const startsThroughSourced =
    ownStarts.length === 0 &&
    linkedStart &&
    own.some((f) => f.kind === 'link.script' && f.detail.startsWith('source '));
  // A program that starts as it is with the config its settings flag defaults to (LAVIS-style `Config(args)` over
  // `--cfg-path` with a default, readers/lavisProgram.ts): that config's training or inference is the program's run.
  // So is a Hydra program (`@hydra.main`/`@hydra_runner` with config_path and config_name): it starts from its primary config.
  const startsThroughDefaultConfig =
    ownStarts.length === 0 &&
    linkedStart &&
    own.some(
      (f) =>
        f.kind === 'link.config' && (f.detail.startsWith(DEFAULT_CONFIG_LINK) || f.detail.startsWith(HYDRA_MAIN_LINK)),
    );
  // A Hydra config that composes its base through its defaults list (`defaults: [base, _self_]`, the base holding the
  // `trainer: _target_: ...Trainer`) is the run its program starts with it (`train.py --config-name this`): the base's
  // trainer starts it. So does a config merged over its base by `includes:` (MMF, MMPT), the base's predictor too.
  const startsThroughComposedBase =
    ownStarts.length === 0 &&
    sourceKind === 'config' &&
    own.some(
      (f) => f.kind === 'link.config' && (f.detail.startsWith('defaults: ') || f.detail.startsWith(MMF_INCLUDE)),
    ) &&
    facts.some(
      (f) =>
        f.file !== undefined &&
        (f.kind === 'launch.trainer' ||
          // A config merged over a base that predicts (an evaluation config, `includes: test_base.yaml`) predicts too.
          (f.kind === 'launch.inference' &&
            own.some((l) => l.kind === 'link.config' && l.detail.startsWith(MMF_INCLUDE)))),
    );
  const starts =
    startsThroughDefaultConfig ||
    startsThroughComposedBase ||
    ownStarts.some((f) => !submitsAJob(String(f.value))) ||
    (ownStarts.length > 0 && linkedStart) ||
    startsThroughModule ||
    startsThroughSourced;
  // A config is a run when it says what model (an id, or the sizes of one built from scratch) and how long or how (an adapter).
  const definesModel =
    modelId !== undefined ||
    (pick(facts, 'model.layers') !== undefined && pick(facts, 'model.hiddenSize') !== undefined);
  // A Python config module (nanoGPT's config/train_gpt2.py) that sets how long and how large a batch is the
  // definition of a run even when the model comes from the program's defaults: listed, with the model unknown.
  const configModuleRun =
    own.some((f) => f.kind === 'source.configModule') &&
    size?.value != null &&
    pick(facts, 'training.batchPerDevice') !== undefined;
  // A registry of job-config functions (torchtitan's config_registry.py) that names its model: each function is a
  // whole run, even when its length comes from a config it derives from in another module.
  const registryRun = definesModel && own.some((f) => f.kind === 'source.configModule' && f.value === 'registry');
  const isRun =
    starts ||
    configModuleRun ||
    registryRun ||
    (sourceKind === 'config' && definesModel && (size !== undefined || adaptersOn(facts).length > 0));
  if (!isRun) return [];

  const assumptions: Assumption[] = [];
  const unknowns: Assumption[] = [];
  const problems: Problem[] = [];
  const use = (field: string, fact: Fact | undefined): Fact | undefined => {
    if (!fact) return undefined;
    const limit = SENSIBLE_MAX[field];
    if (limit !== undefined && typeof fact.value === 'number' && !(fact.value > 0 && fact.value <= limit)) {
      const where = fact.file ? `${fact.file} line ${fact.range.startLine + 1}` : `line ${fact.range.startLine + 1}`;
      const message = `${fact.detail}: ${fact.value} is not a sensible ${field} (expected more than 0 and at most ${limit.toExponential(0)}); ignored (${where})`;
      problems.push({
        ...problemAt(message, fact.range.startLine, fact.range.startCol),
        ...(fact.file ? { file: fact.file } : {}),
      });
      unknowns.push({
        field,
        value: null,
        source: sourceKind,
        detail: message,
        range: fact.file ? undefined : fact.range,
        ...(fact.value > limit ? { pastSensible: true as const } : {}),
      });
      return undefined;
    }
    const entry: Assumption = fact.file
      ? {
          field,
          value: fact.value,
          source: fact.directive ? 'directive' : /\.(ya?ml|json|gin)$/.test(fact.file) ? 'config' : 'code',
          detail: `${fact.file}: ${fact.detail}`,
          file: fact.file,
        }
      : {
          field,
          value: fact.value,
          source: fact.directive ? 'directive' : sourceKind,
          detail: fact.detail,
          range: fact.range,
        };
    (fact.value === null ? unknowns : assumptions).push(entry);
    return fact.value === null ? undefined : fact;
  };

  const spec: RunSpec = { model: {}, training: {}, hardware: {}, datacenter: {} };

  const id = use('model.name', modelId);
  if (id) spec.model.name = String(id.value);
  else if (modelId?.value === null) {
    // The checkpoint is not read but the class loading it is written for one architecture: name the model by that
    // class (LlamaForCausalLM); no catalog row carries a class name, so the size stays unknown.
    const architecture = pick(facts, 'model.architectureClass');
    if (typeof architecture?.value === 'string') spec.model.name = architecture.value;
  }
  if (!spec.model.name) {
    // No checkpoint, catalog name or architecture read: the class the program builds its network from names it.
    const built = use('model.name', pick(facts, 'model.builtNetwork'));
    if (typeof built?.value === 'string') spec.model.name = built.value;
  }
  const layers = asNumber(use('model.layers', pick(facts, 'model.layers')));
  const hidden = asNumber(use('model.hiddenSize', pick(facts, 'model.hiddenSize')));
  const vocab = asNumber(use('model.vocabSize', pick(facts, 'model.vocabSize')));
  const ffn = asNumber(use('model.ffnSize', pick(facts, 'model.ffnSize')));
  // A gated feed-forward has three matrices of d × ffn where the formula counts two: its width counts 1.5 times.
  const gatedFfn = pick(facts, 'model.gatedFfn')?.value === true;
  const positionsFact = use('model.learnedPositions', pick(facts, 'model.learnedPositions'));
  // A learned table whose size the code leaves to a config: as many positions as the sequence length.
  const positions =
    asNumber(positionsFact) ??
    (pick(facts, 'model.learnedPositions') ? asNumber(pick(facts, 'training.seqLen')) : undefined);
  const untiedHead = use('model.untiedHead', pick(facts, 'model.untiedHead'))?.value === true;
  // Grouped-query attention: K/V projections kvHeads/heads as wide as Q's, read only when both counts are stated.
  const heads = asNumber(pick(facts, 'model.attentionHeads'));
  const kvHeads = asNumber(pick(facts, 'model.kvHeads'));
  const kvShare =
    heads && kvHeads && kvHeads < heads && heads % kvHeads === 0
      ? (use('model.attentionHeads', pick(facts, 'model.attentionHeads')),
        use('model.kvHeads', pick(facts, 'model.kvHeads')),
        kvHeads / heads)
      : 1;
  // Sizes overridden on a known checkpoint's config keep the rest of that config (vocabulary, positions).
  const template = id && (layers || hidden) ? findModel(String(id.value))?.sizes : undefined;
  if (template) {
    const l = layers ?? template.layers;
    const d = hidden ?? template.hiddenSize;
    const keptFfn = ffn ?? (d === template.hiddenSize ? template.ffnSize : undefined);
    const ffnWidth = keptFfn !== undefined && (template.gatedFfn || gatedFfn) ? keptFfn * 1.5 : keptFfn;
    // The checkpoint's grouped-query attention, unless the code states its own heads.
    const templateKvShare =
      template.attentionHeads && template.kvHeads && template.kvHeads < template.attentionHeads
        ? template.kvHeads / template.attentionHeads
        : 1;
    spec.model.params = transformerParams(
      l,
      d,
      vocab ?? template.vocabSize,
      ffnWidth,
      positions ?? template.learnedPositions,
      untiedHead || template.untiedHead === true,
      heads && kvHeads ? kvShare : templateKvShare,
    );
    assumptions.push({
      field: 'model.params',
      value: spec.model.params,
      source: 'computed',
      detail: `${id!.value} config.json sizes with the code's overrides (${l} layers, d ${d}): ${template.source}`,
    });
  } else if (layers && hidden) {
    const ffnWidth = ffn !== undefined && gatedFfn ? ffn * 1.5 : ffn;
    spec.model.params = transformerParams(layers, hidden, vocab, ffnWidth, positions, untiedHead, kvShare);
    // Mixture of experts: each layer's feed-forward block is `experts` copies (and a router), of which a token uses
    // `perToken`; attention, embeddings and the rest are shared.
    const experts = asNumber(use('model.experts', pick(facts, 'model.experts')));
    const perToken = asNumber(use('model.expertsPerToken', pick(facts, 'model.expertsPerToken'))) ?? 2;
    if (experts && experts > 1) {
      const expertFfn = asNumber(use('model.expertFfnSize', pick(facts, 'model.expertFfnSize'))) ?? ffn ?? 4 * hidden;
      const denseFfn = 2 * hidden * (ffn ?? 4 * hidden);
      const oneExpert = 2 * hidden * expertFfn;
      // Experts in every `interval`th layer only (Megatron-DeepSpeed's `--expert-interval`): the others stay dense.
      const interval = asNumber(use('model.expertInterval', pick(facts, 'model.expertInterval'))) ?? 1;
      const moeLayers = interval > 1 ? Math.floor(layers / interval) : layers;
      const shared = spec.model.params - moeLayers * denseFfn;
      spec.model.params = shared + moeLayers * (experts * oneExpert + hidden * experts);
      spec.model.activeParams = shared + moeLayers * (Math.min(perToken, experts) * oneExpert + hidden * experts);
      const where =
        moeLayers === layers ? `${layers} layers` : `${moeLayers} of ${layers} layers (every ${ordinal(interval)})`;
      assumptions.push({
        field: 'model.params',
        value: spec.model.params,
        source: 'computed',
        detail: `mixture of experts: ${where} × ${experts} experts of ${expertFfn} (+ router), ${Math.min(perToken, experts)} active per token (${Math.round(spec.model.activeParams / 1e6)}M active)`,
      });
    }
  }
  // A layer count that is only a lower bound yields to the architecture formula when both exist.
  const paramsFact = pick(facts, 'model.params');
  const statedParams =
    paramsFact && (paramsFact.directive || paramsFact.confidence !== 'low' || !spec.model.params)
      ? asNumber(use('model.params', paramsFact))
      : undefined;
  if (statedParams) {
    spec.model.params = statedParams;
    const active = asNumber(use('model.activeParams', pick(facts, 'model.activeParams')));
    if (active && active < statedParams) spec.model.activeParams = active;
  }
  // A checkpoint in no catalog, whose name states no size, loaded by a class written for one architecture: that
  // architecture's size (extract/pipelineArchitecture.ts). A fine-tune keeps its base's parameter count.
  const architectureOf = pick(facts, 'model.architectureOf');
  if (
    !spec.model.params &&
    id &&
    typeof architectureOf?.value === 'string' &&
    !findModel(String(id.value)) &&
    !sizeFromModelName(String(id.value)) &&
    !isAssembledName(String(id.value))
  ) {
    const row = findModel(architectureOf.value);
    if (row) {
      spec.model.params = row.params;
      assumptions.push({
        field: 'model.params',
        value: row.params,
        source: 'computed',
        detail: `"${String(id.value)}" is not in the model catalog; ${architectureOf.detail}, sized as ${row.id}: ${row.source}`,
        range: architectureOf.range,
      });
    }
  }
  // A counted network's forward cost is the run's where its count is the run's size: no model is named, or the size
  // taken is that count (the model named by the class the script builds). A directive states it outright.
  // A directive the sense check turns away leaves the count's.
  const statedForward = facts.find((f) => f.kind === 'model.forwardFlopsPerSample' && f.directive);
  const countedForward = pick(
    facts.filter((f) => !f.directive),
    'model.forwardFlopsPerSample',
  );
  const forwardFact = (statedForward && use('model.forwardFlopsPerSample', statedForward)) ?? countedForward;
  const countIsTheModel =
    forwardFact !== undefined &&
    (forwardFact.directive === true ||
      !id ||
      (paramsFact !== undefined && paramsFact.value === spec.model.params && sameSite(paramsFact, forwardFact)));
  // (A stated cost went through the sense check above, which records it.)
  const forwardFlops = countIsTheModel
    ? asNumber(forwardFact.directive ? forwardFact : use('model.forwardFlopsPerSample', forwardFact))
    : undefined;
  if (forwardFlops) {
    spec.model.forwardGflopsPerSample = forwardFlops / 1e9;
    // The counted network is built of convolutions (its count gives only a lower bound of the cost, which its input
    // size decides, unless a directive states it; and its float32 convolutions run on TF32 by default).
    const convolutional = pick(facts, 'model.convolutional');
    if (
      countedForward !== undefined &&
      convolutional !== undefined &&
      sameSite(convolutional, countedForward) &&
      (!id || (paramsFact !== undefined && sameSite(paramsFact, countedForward)))
    ) {
      use('model.convolutional', convolutional);
      spec.model.convolutional = true;
    }
  }
  // A vision run's input size and head: what its forward pass costs per sample where nothing states it
  // (completeRun.ts, visionForwardCost).
  const inputPixels = asNumber(use('model.inputPixels', pick(facts, 'model.inputPixels')));
  if (inputPixels) spec.model.inputPixels = inputPixels;
  const head = use('model.visionHead', pick(facts, 'model.visionHead'))?.value;
  if (isVisionHead(head)) spec.model.visionHead = head;

  // `python generate.py`, `torchrun serve.py`: a script runner launches what the script does, so the
  // linked script's inference decides when nothing else in the run trains.
  const trainerLaunches = facts.filter((f) => f.kind === 'launch.trainer' && !runsInertScript(f));
  // Device and precision setup (an Accelerator, a Lightning Fabric) in the launched script trains nothing by itself.
  const setupOnly = (f: Fact) => /^construct:(Accelerator|PartialState|Fabric)$/.test(String(f.value));
  // A launched program that serves or generates, and trains nothing of its own.
  const programInfers =
    facts.some((f) => f.file !== undefined && /\.py$/i.test(f.file) && f.kind === 'launch.inference') &&
    !trainerLaunches.some((f) => f.file !== undefined && /\.py$/i.test(f.file));
  const scriptRunsInference =
    trainerLaunches.some((f) => !f.file && runsAScript(String(f.value))) &&
    // A wrapper script the line runs launches the program in turn (`bash eval_task.sh` → `python3 model_vqa.py`):
    // its launch lines run a script too.
    // The config the line hands the script (`python MaxText/maxengine_server.py MaxText/configs/base.yml ...`): a
    // training config the serving program only takes the model's settings from, so the program decides.
    trainerLaunches.every(
      (f) =>
        runsAScript(String(f.value)) ||
        (f.file !== undefined && setupOnly(f)) ||
        (f.file !== undefined && TRAINING_CONFIG_FILE.test(f.file) && programInfers),
    ) &&
    facts.some((f) => f.file !== undefined && f.kind === 'launch.inference') &&
    // A launch line that gives the script an epoch count (`--num_epochs 5`) trains: a forward-only helper the
    // script's package also holds (a pipeline's `@torch.no_grad() __call__`) is not what this line runs.
    !own.some((f) => f.kind === 'training.epochs' && typeof f.value === 'number' && f.value > 0);
  // A run started through a module it calls into generates when that module only generates.
  const moduleInference =
    startsThroughModule &&
    facts.some((f) => f.file !== undefined && f.kind === 'launch.inference') &&
    !trainerLaunches.some((f) => !String(f.value).startsWith('construct:'));
  // Building an Accelerator (accelerate's device and process setup, used for generation as much as for
  // training) or a Lightning Fabric (the same setup: devices, precision, strategy) trains nothing: beside
  // generation and nothing that trains, the run generates.
  const constructionsOnly = trainerLaunches.every(setupOnly) && own.some((f) => f.kind === 'launch.inference');
  // A program started with its default config answers when that config only answers (a demo's config).
  const defaultConfigInference =
    startsThroughDefaultConfig &&
    facts.some((f) => f.file !== undefined && f.kind === 'launch.inference') &&
    trainerLaunches.length === 0;
  // A derived config that sets nothing of training (`_base_ = ["256px.py", "plugins/tp.py"]`) runs as its bases do:
  // generation when a base generates and none trains.
  const inheritedInference =
    trainerLaunches.length > 0 &&
    trainerLaunches.every((f) => f.launchFromBase) &&
    facts.some((f) => f.file !== undefined && f.kind === 'launch.inference');
  // `docker run … image python cli_demo.py -c /ckpt`: the program lives in the image, not the folder, so nothing of
  // it was read; its name says what it runs when every launch runs such a script and nothing was linked in.
  const namedAnswering =
    !facts.some((f) => f.file !== undefined) &&
    trainerLaunches.length > 0 &&
    trainerLaunches.every((f) => {
      const script = runsAScript(String(f.value)) ? onLine(f, 'link.script') : undefined;
      return script !== undefined && answeringScript(String(script.value)) !== undefined;
    });
  // A config that serves, built on configs that train (MaxText's `base_config: inference/inference_jetstream.yml` over
  // `base.yml`): what the derived config says it is for decides; its bases' launches are where its keys come from.
  const derivedConfigServes =
    sourceKind === 'config' &&
    launch?.kind === 'launch.inference' &&
    own.some((f) => f.kind === 'link.config') &&
    trainerLaunches.every((f) => f.file !== undefined);
  // A program that runs a model forward and loads a training config only to build that model (instruct-pix2pix's
  // `edit_cli.py`: `OmegaConf.load("configs/generate.yaml")`, `instantiate_from_config(config.model)`, then sampling):
  // the config's own training (its trainer, its mode) is not what the program runs.
  const infersWithTrainingConfig =
    sourceKind === 'code' &&
    launch?.kind === 'launch.inference' &&
    trainerLaunches.length > 0 &&
    trainerLaunches.every((f) => f.file !== undefined && TRAINING_CONFIG_FILE.test(f.file));
  const inference =
    (launch?.kind === 'launch.inference' && trainerLaunches.length === 0) ||
    infersWithTrainingConfig ||
    derivedConfigServes ||
    namedAnswering ||
    inheritedInference ||
    defaultConfigInference ||
    constructionsOnly ||
    scriptRunsInference ||
    moduleInference;
  const adapters = adaptersOn(facts);
  const lora = adapters.find((f) => f.value === 'lora');
  const quantised = adapters.find((f) => String(f.value).startsWith('qlora'));
  const scratch = use('model.fromScratch', pick(facts, 'model.fromScratch'));
  const statedMode = use('training.mode', pick(facts, 'training.mode'));
  if (statedMode && !(infersWithTrainingConfig && statedMode.file !== undefined))
    spec.training.mode = statedMode.value as RunSpec['training']['mode'];
  else if (inference) spec.training.mode = 'inference';
  else if (lora || quantised) {
    use('training.mode', lora ?? quantised);
    if (lora && quantised) use('training.quantisedBase', quantised);
    spec.training.mode = quantised ? 'qlora' : 'lora';
  } else if (scratch) spec.training.mode = scratch.value === true ? 'pretrain' : 'finetune';
  else if (layers && hidden && !id) spec.training.mode = 'pretrain';
  // A checkpoint's configuration with other layer counts or widths (`name: SmolLM-360M-Instruct` with
  // `num_hidden_layers: 16`): its weights do not fit the model built, which starts from random weights.
  else if (template && ((layers && layers !== template.layers) || (hidden && hidden !== template.hiddenSize))) {
    spec.training.mode = 'pretrain';
    assumptions.push({
      field: 'training.mode',
      value: 'pretrain',
      source: 'computed',
      detail: `${String(id!.value)}'s configuration with other sizes (${layers ?? template.layers} layers, d ${hidden ?? template.hiddenSize}; the checkpoint has ${template.layers}, d ${template.hiddenSize}): its weights do not fit, the model starts from random weights`,
    });
  }
  // `accelerate launch src/pkg/$TASK.py`: the program is chosen when the job runs, and nothing else (a model,
  // a config, an adapter) says how the model is trained. The mode is shown unknown, not assumed.
  else if (
    !id &&
    !linkedStart &&
    ownStarts.length > 0 &&
    ownStarts.every(
      (f) =>
        f.kind === 'launch.trainer' &&
        runsAScript(String(f.value)) &&
        String(onLine(f, 'link.script')?.value ?? '').includes('$'),
    )
  )
    spec.training.mode = 'unknown';

  // LoRA on a checkpoint published already in 4 bits (`Qwen/Qwen2.5-7B-Instruct-AWQ`, `-GPTQ-Int4`, `-bnb-4bit`): the
  // adapters train over a 4-bit base, which is QLoRA's setting (Dettmers et al. 2023, arXiv:2305.14314: a frozen 4-bit
  // base, LoRA adapters in 16 bits).
  if (spec.training.mode === 'lora' && id && typeof id.value === 'string' && isFourBitCheckpoint(id.value)) {
    spec.training.mode = 'qlora';
    assumptions.push({
      field: 'training.mode',
      value: 'qlora',
      source: 'computed',
      detail: `LoRA on ${id.value}, a checkpoint stored in 4 bits: the adapters train over a 4-bit base (QLoRA)`,
      range: id.range,
    });
  }
  const epochs = asNumber(use('training.epochs', pick(facts, 'training.epochs')));
  if (epochs) spec.training.epochs = epochs;
  const steps = asNumber(use('training.steps', pick(facts, 'training.steps')));
  if (steps) spec.training.steps = Math.round(steps);
  const batchInTokens = pick(facts, 'training.batchInTokens');
  const batchFact = pick(facts, 'training.batchPerDevice');
  // A batch counted in tokens a step (across devices): with the steps it gives the run's tokens; it is no count of
  // sequences per device, so it sizes nothing else.
  if (batchInTokens && batchFact && !spec.training.tokens) {
    const tokensPerStep = asNumber(batchFact);
    if (steps && tokensPerStep) {
      use('training.batchInTokens', batchInTokens);
      spec.training.tokens = Math.round(steps) * Math.round(tokensPerStep);
      assumptions.push({
        field: 'training.tokens',
        value: spec.training.tokens,
        source: 'computed',
        detail: `${Math.round(steps)} steps × ${Math.round(tokensPerStep)} tokens a step (${batchFact.detail}; ${batchInTokens.detail})`,
        range: batchFact.range,
      });
    }
  }
  const batch = batchInTokens ? undefined : asNumber(use('training.batchPerDevice', batchFact));
  const split = asNumber(use('training.batchSplit', pick(facts, 'training.batchSplit')));
  if (batch)
    spec.training.batchPerDevice = split && split > 1 && batch >= split ? Math.round(batch / split) : Math.round(batch);
  const accumulation = asNumber(use('training.gradientAccumulation', pick(facts, 'training.gradientAccumulation')));
  if (accumulation) spec.training.gradientAccumulation = Math.round(accumulation);
  const globalBatch = asNumber(use('training.globalBatch', pick(facts, 'training.globalBatch')));
  if (globalBatch) spec.training.globalBatch = Math.round(globalBatch);
  // nanoGPT divides its accumulation steps among the processes: batch × accumulation is the global batch.
  else if (batch && accumulation && pick(facts, 'training.accumulationShared')?.value === true) {
    use('training.accumulationShared', pick(facts, 'training.accumulationShared'));
    spec.training.globalBatch = Math.round(batch) * Math.round(accumulation);
  }
  const seqLen = asNumber(use('training.seqLen', pick(facts, 'training.seqLen')));
  if (seqLen) spec.training.seqLen = Math.round(seqLen);
  // Tensor × pipeline parallel degree: the devices one copy of the model spans (a per-device batch is theirs together).
  const tensorParallel = asNumber(use('training.tensorParallel', pick(facts, 'training.tensorParallel')));
  const pipelineParallel = asNumber(use('training.pipelineParallel', pick(facts, 'training.pipelineParallel')));
  const modelParallel = Math.round(tensorParallel ?? 1) * Math.round(pipelineParallel ?? 1);
  if (modelParallel > 1) spec.training.modelParallel = modelParallel;
  const checkpointing = use('training.gradientCheckpointing', pick(facts, 'training.gradientCheckpointing'));
  if (checkpointing) spec.training.gradientCheckpointing = checkpointing.value === true;
  const convolutionTf32 = use('training.convolutionTf32', pick(facts, 'training.convolutionTf32'));
  if (convolutionTf32 && typeof convolutionTf32.value === 'boolean')
    spec.training.convolutionTf32 = convolutionTf32.value;
  const dataset = use('training.dataset', pick(facts, 'training.dataset'));
  const datasetConfig = pick(facts, 'training.datasetConfig');
  if (dataset)
    spec.training.dataset =
      datasetConfig && !String(dataset.value).endsWith(`/${String(datasetConfig.value)}`)
        ? `${String(dataset.value)}/${String(datasetConfig.value)}`
        : String(dataset.value);
  const newTokens = asNumber(use('training.tokensPerRequest', pick(facts, 'inference.maxNewTokens')));
  if (newTokens) spec.training.tokensPerRequest = Math.round(newTokens);
  if (spec.training.mode === 'inference') readServing(facts, spec, use, newTokens, batch);
  const framework = frameworkOf(facts);
  if (framework) spec.training.framework = framework;

  const tokens = asNumber(use('training.tokens', pick(facts, 'training.tokens')));
  if (tokens) spec.training.tokens = tokens;
  const datasetTokens = asNumber(use('training.datasetTokens', pick(facts, 'training.datasetTokens')));
  if (datasetTokens) spec.training.datasetTokens = datasetTokens;
  const datasetSamples = asNumber(use('training.datasetSamples', pick(facts, 'training.datasetSamples')));
  if (datasetSamples) spec.training.datasetSamples = datasetSamples;
  const region = use('hardware.region', pick(facts, 'hardware.region'));
  if (region) spec.hardware.region = String(region.value);

  const precision = use(
    'training.precision',
    facts.find((f) => f.kind === 'training.precision' && f.directive) ?? pickPrecision(facts),
  );
  if (precision && (PRECISIONS as readonly string[]).includes(String(precision.value)))
    spec.training.precision = precision.value as Precision;
  else {
    // Nothing states the precision, but the code takes the half format the GPU has (resolved with the accelerator).
    const byGpu = facts.filter((f) => f.kind === 'training.precisionByGpu');
    // Where the GPU has no bf16: fp16 when anything turns it on then (`fp16=not is_bf16_supported()`), else float32.
    const fallback = byGpu.find((f) => f.value === 'fp16') ?? byGpu.find((f) => f.value === 'fp32');
    if (fallback) {
      use('training.precisionByGpu', fallback);
      spec.training.precisionByGpu = fallback.value as 'fp16' | 'fp32';
    }
  }

  const accelerator = use('hardware.accelerator', pick(facts, 'hardware.accelerator'));
  if (accelerator && !/^(gpu|cuda|auto|cpu|mps|tpu)$/i.test(String(accelerator.value)))
    spec.hardware.accelerator = String(accelerator.value);
  const devices = asNumber(use('hardware.count', pick(facts, 'hardware.devices')));
  const nodes = asNumber(use('hardware.nodes', pick(facts, 'hardware.nodes')));
  // A Ray job's placement groups are summed over the whole cluster, and SLURM's `--gpus` is the job's total: the
  // nodes it spans are already in the sum.
  const devicesDetail = devices !== undefined ? pick(facts, 'hardware.devices')?.detail : undefined;
  const wholeJob = devicesDetail?.startsWith(RAY_PLACED_TOTAL) || devicesDetail?.startsWith(SLURM_JOB_TOTAL);
  if (devices) spec.hardware.count = Math.round(devices) * (wholeJob ? 1 : Math.round(nodes ?? 1));
  if (nodes) spec.hardware.nodes = Math.round(nodes);

  // Everything else the code sets in a way that cannot be read: listed, so the user sees where.
  for (const f of facts) {
    const field = FIELD_OF_KIND[f.kind];
    if (f.value !== null || !field || unknowns.some((u) => u.field === field && u.detail.endsWith(f.detail))) continue;
    unknowns.push({
      field,
      value: null,
      source: f.directive ? 'directive' : sourceKind,
      detail: f.file ? `${f.file}: ${f.detail}` : f.detail,
      range: f.file ? undefined : f.range,
    });
  }

  // The run's lines are those that launch it: TrainingArguments … trainer.train(), the loop, the command.
  const launchRanges = own
    .filter(
      (f) =>
        (f.kind === 'launch.trainer' && !runsInertScript(f)) ||
        f.kind === 'launch.inference' ||
        (startsThroughModule && f.kind === 'link.module') ||
        (startsThroughSourced && f.kind === 'link.script'),
    )
    .map((f) => f.range);
  const range =
    spanOf(launchRanges) ??
    spanOf(own.filter((f) => f.value !== null).map((f) => f.range)) ??
    launch?.range ??
    own[0].range;
  const here = (f: Fact | undefined) => (f && !f.file ? f.range : undefined);
  return [
    {
      spec,
      assumptions,
      unknowns,
      problems,
      range,
      anchors: {
        model: here(modelId),
        size: here(size),
        launch: launch?.range,
        modelOriginLine: modelId && !modelId.file ? modelId.originLine : undefined,
        sizeOriginLine: size && !size.file ? size.originLine : undefined,
      },
    },
  ];
}

type UseFact = (field: string, fact: Fact | undefined) => Fact | undefined;

/** How requests are served, from what the serving code says (see python/readers/serving.ts and the launchers). */
function readServing(
  facts: readonly Fact[],
  spec: RunSpec,
  use: UseFact,
  outputTokens: number | undefined,
  batch: number | undefined,
): void {
  const inference: NonNullable<RunSpec['inference']> = {};
  const engine = use('inference.engine', pickEngine(facts));
  if (engine && (INFERENCE_ENGINES as readonly string[]).includes(String(engine.value)))
    inference.engine = engine.value as InferenceEngine;
  // A loop's or a pipeline's batch size is how many sequences decode together.
  const concurrency = asNumber(use('inference.concurrency', pick(facts, 'inference.concurrency'))) ?? batch;
  if (concurrency) inference.concurrency = Math.round(concurrency);
  if (outputTokens) inference.outputTokens = Math.round(outputTokens);
  const sequences = asNumber(use('inference.numSequences', pick(facts, 'inference.numSequences')));
  if (sequences) inference.numSequences = Math.round(sequences);
  // A diffusion pipeline's call: its steps, guidance and image size (the catalog's pipeline defaults otherwise).
  const steps = asNumber(use('inference.denoisingSteps', pick(facts, 'inference.denoisingSteps')));
  if (steps && steps >= 1) inference.denoisingSteps = Math.round(steps);
  // Zero is a value here: `guidance_scale=0.0` switches guidance off.
  const guidance = use('inference.guidanceScale', pick(facts, 'inference.guidanceScale'))?.value;
  if (typeof guidance === 'number' && Number.isFinite(guidance) && guidance >= 0 && guidance <= 1e4)
    inference.guidanceScale = guidance;
  const pixels = asNumber(use('inference.imagePixels', pick(facts, 'inference.imagePixels')));
  if (pixels && pixels >= 1) inference.imagePixels = Math.round(pixels);
  const tensorParallel = asNumber(use('inference.tensorParallel', pick(facts, 'inference.tensorParallel')));
  if (tensorParallel) inference.tensorParallel = Math.round(tensorParallel);
  const version = use('inference.engineVersion', pick(facts, 'inference.engineVersion'));
  if (version && typeof version.value === 'string' && /^v?\d+\.\d+/.test(version.value))
    inference.engineVersion = version.value.slice(0, 40);
  const reasoning = use('inference.reasoning', pick(facts, 'inference.reasoning'));
  if (reasoning && typeof reasoning.value === 'boolean') inference.reasoning = reasoning.value;
  const weights = use('inference.weightPrecision', pick(facts, 'inference.weightPrecision'));
  if (weights && (WEIGHT_PRECISIONS as readonly string[]).includes(String(weights.value)))
    inference.weightPrecision = weights.value as WeightPrecision;
  const inputTokens = asNumber(use('inference.inputTokens', pick(facts, 'inference.inputTokens')));
  if (inputTokens) inference.inputTokens = Math.round(inputTokens);
  const requests = asNumber(use('inference.requests', pick(facts, 'inference.requests')));
  if (requests) inference.requests = requests;
  const perDay = asNumber(use('inference.requestsPerDay', pick(facts, 'inference.requestsPerDay')));
  if (perDay) inference.requestsPerDay = perDay;
  const days = asNumber(use('inference.days', pick(facts, 'inference.days')));
  if (days) inference.days = days;
  if (Object.keys(inference).length > 0) spec.inference = inference;
}

/** A server named with confidence (vLLM's LLM(...)) outranks the generic generate call that uses it. */
function pickEngine(facts: readonly Fact[]): Fact | undefined {
  return (
    facts.find((f) => f.kind === 'inference.engine' && f.directive) ??
    facts.find((f) => f.kind === 'inference.engine' && f.confidence !== 'low') ??
    pick(facts, 'inference.engine')
  );
}

/** The framework a run was read from, in the spec's vocabulary (it decides the precision a silent config means). */
const FRAMEWORK_OF: Record<string, TrainingFramework> = {
  torchtune: 'torchtune',
  composer: 'composer',
  litgpt: 'litgpt',
  neox: 'neox',
  megatron: 'neox',
  nemo: 'lightning',
  'instantiate-config': 'lightning',
  trl: 'hf-trainer',
  axolotl: 'axolotl',
  llamafactory: 'hf-trainer',
  'hf-trainer': 'hf-trainer',
  swift: 'swift',
  verl: 'verl',
  torchtitan: 'torchtitan',
  ml_collections: 'jax',
  // AutoTrain trains through the Hugging Face Trainer: mixed_precision defaults to None (float32).
  autotrain: 'hf-trainer',
};
function frameworkOf(facts: readonly Fact[]): TrainingFramework | undefined {
  const stated = facts.find(
    (f) => f.kind === 'run.framework' && typeof f.value === 'string' && Object.hasOwn(FRAMEWORK_OF, String(f.value)),
  );
  if (stated) return FRAMEWORK_OF[String(stated.value)];
  const trainers = facts.filter((f) => f.kind === 'launch.trainer').map((f) => String(f.value));
  if (trainers.some((t) => /^construct:(\w*Trainer|\w*Arguments|\w*Config)$/.test(t) && !/Fabric/.test(t)))
    return 'hf-trainer';
  if (trainers.some((t) => t === 'fit') && facts.some((f) => /keras/i.test(f.detail))) return 'keras';
  if (trainers.some((t) => t === 'loop' || t === 'backward')) return 'pytorch';
  return undefined;
}

/**
 * The adapters a run builds. A LoRA switch stated off in the run's settings (`use_peft: false` in a config the run
 * composes, `++model.use_peft=false` on its launch line) turns off the adapters a program's code builds behind that
 * switch (`if config.model.use_peft: LoraConfig(...)`) and the LoRA hyperparameters kept beside it (`lora_rank: 16`).
 * What the run's own file states (the launch line's `++model.use_lora=true` over a config's `use_lora: false`) and
 * directives stay.
 */
function adaptersOn(facts: readonly Fact[]): Fact[] {
  const stated = facts.filter((f) => f.kind === 'training.adapter' && f.value !== null);
  const offs = stated.filter((f) => f.value === ADAPTER_OFF);
  if (offs.length === 0) return stated;
  const ownOff = offs.some((f) => !f.file);
  return stated.filter((f) => f.value !== ADAPTER_OFF && (f.directive === true || (!f.file && !ownOff)));
}

/** Config keys (a fact's fromFlags) that switch on the training loop's autocast only (detectron2 LazyConfig, AMPTrainer). */
const TRAINER_AUTOCAST_KEYS: ReadonlySet<string> = new Set(['train.amp.enabled']);

/** Mixed precision wins over the default: `bf16=True` anywhere means the run is bf16. */
function pickPrecision(facts: readonly Fact[]): Fact | undefined {
  // FP8 switched on (LLaMA-Factory `fp8: true`, TransformerEngine) runs the matmuls in fp8 beside a bf16 setting.
  const order = ['fp8', 'bf16', 'fp16', 'tf32', 'fp32'];
  // A TF32 switch (`torch.backends.cuda.matmul.allow_tf32 = True`) beside weights the file keeps in fp32 is TF32
  // compute on a GPU, so it wins over that fp32 (on the CPU the switch does nothing: readers/torch.ts reads such a
  // script as fp32 and states no TF32).
  // A trainer's own autocast switch (detectron2's `train.amp.enabled`, read by its AMPTrainer) is the training loop's:
  // an evaluation of the same config (`--eval-only`: detectron2's inference_on_dataset, no autocast) runs without it.
  const evaluating = facts.some((f) => f.kind === 'training.mode' && f.value === 'inference');
  const applying = evaluating
    ? facts.filter((f) => !(f.kind === 'training.precision' && f.fromFlags?.some((k) => TRAINER_AUTOCAST_KEYS.has(k))))
    : facts;
  const anyStating = applying.filter((f) => f.kind === 'training.precision' && f.value !== null);
  // A loader's `torch_dtype="auto"` (the checkpoint's dtype, assumed) yields to any precision the run states.
  const statedElsewhere = anyStating.filter((f) => !f.detail.endsWith(CHECKPOINT_DTYPE_DETAIL));
  const stating = statedElsewhere.length > 0 ? statedElsewhere : anyStating;
  // A Hydra config's own keys override the configs its defaults list composes (`autocast: false` in a debug run over
  // its family's float16 default): what the run's own file states is the run's precision.
  const hydra = facts.some((f) => f.kind === 'run.framework' && f.value === 'hydra' && !f.file);
  const ownStated = hydra ? stating.filter((f) => !f.file && f.confidence === 'high') : [];
  const all = ownStated.length > 0 ? ownStated : stating;
  // A DeepSpeed `auto` switch follows the launch's TrainingArguments: `--bf16 False` turns it off.
  const off = all.some((f) => f.detail.endsWith(SWITCHES_OFF_DETAIL));
  // So does a half-precision switch stated on (`--fp16` on the launch line): `bf16.enabled: auto` is then false.
  // (`tf32: true` beside `bf16: auto` settles nothing: TF32 only changes the fp32 matmuls.)
  const switchedOn = all.some(
    (f) =>
      f.confidence === 'high' &&
      (f.value === 'fp16' || f.value === 'bf16') &&
      !f.detail.endsWith(AUTO_PRECISION_DETAIL),
  );
  const stated = off || switchedOn ? all.filter((f) => !f.detail.endsWith(AUTO_PRECISION_DETAIL)) : all;
  // A flag's default (`--dtype` default 'bf16') yields to a precision set elsewhere (the launch's `--dtype fp16`),
  // not to a sign read off the program (a GradScaler under `if args.precision == "amp"`, medium confidence).
  // So does a yacs program's defaults module (`_C.AMP_ENABLE = True`) to the config merged over it.
  const set = stated.filter((f) => !f.detail.startsWith('default of --') && !f.detail.startsWith(YACS_DEFAULT));
  const known = set.some((f) => f.confidence === 'high') ? set : stated;
  known.sort((a, b) => order.indexOf(String(a.value)) - order.indexOf(String(b.value)));
  return known[0] ?? pick(applying, 'training.precision');
}
