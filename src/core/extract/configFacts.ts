import { isMap, isPair, isScalar, isSeq, type Node as YamlNode } from 'yaml';
import { AUTO_PRECISION_DETAIL } from './precisionSwitches';
import { isValohaiStep, scalarItems, valohaiCommands } from './config/valohaiStep';
import { isWandbSweep, wandbSweepCommand } from './config/wandbSweep';
import type { Fact, FactKind, SourceRange } from '../facts';
import { CONFIG_DIALECTS } from './config';
import { lazy } from '../lazy';
import { WordFinder } from './python/requiredLiterals';
import { readArchitectureBudget } from './config/architectureBudget';
import { readHeaderHardware } from './config/headerHardware';
import { TRAINER_CLASS } from './config/hydraTrainerSection';
import { parseConfigDocument } from './config/configDocument';
import { configNestingDepth, MAX_CONFIG_DEPTH } from './config/nesting';
import { configDocOf, quotedPath, rangeIn, type ConfigDialect, type FactSink } from './config/dialect';
import { normalisePrecision } from './pythonFacts';
import { mentionsLauncher } from './shell/launchers';
import { extractShellFacts } from './shellFacts';
import { problemAt, type Problem } from '../problem';
import { sizingKindFor } from './sizingNames';
import { findModel } from '../knowledge';
import { HUB_ID } from './python/readers/modelFlagDefault';

/**
 * Every config dialect's words, found in one pass over a config's text (requiredLiterals.ts WordFinder): a few hundred
 * `includes` a file, each a pass over it, cost a tenth of reading a folder's YAML. The words are ASCII by the
 * dialects' contract (test/unit/configDialects.test.ts).
 */
const dialectWords = lazy(
  () => new WordFinder([{ words: [...new Set(CONFIG_DIALECTS.flatMap((d) => d.words))], ignoreCase: false }]),
);

/**
 * A container's `command:` that starts with a script (`command: generate.py --load_8bit`, Docker Compose):
 * the image's entrypoint (python) runs it. One line only: a block of shell is read as shell.
 */
const SCRIPT_AS_COMMAND = /^[\w./-]+\.py(?:[ \t][^\n]*)?$/;
/**
 * Reads training configs (YAML and JSON, which YAML parses with positions):
 * axolotl / TRL / alignment-handbook recipes, accelerate and DeepSpeed configs,
 * Hugging Face `config.json` architecture sizes, SkyPilot `accelerators: A100:8`,
 * Kubernetes `nvidia.com/gpu` limits. Sizing keys come from the one table of synonyms
 * (sizingNames.ts); framework dialects (config/*.ts) add what their configs mean.
 */

/** Hydra `_target_`s of metrics (TorchMetrics classes): a section building one configures scoring, not the run. */
const METRIC_TARGET = /^torchmetrics\./;

/**
 * Sections that configure evaluation or validation, not the training run: their lengths and
 * batch sizes (litgpt `eval.max_iters`, Composer `eval_loader`, torchtune `dataset_val`) are not the run's.
 */
const EVALUATION_SECTION =
  /^(eval|evals|evaluation|evaluators?|eval_loader|eval_dataset|eval_args|eval_config|dataset_val|validation|val_loader)$/;

/**
 * Sections that describe a model other than the one the run trains: a pruning run's `l0_module.target_model` (the
 * smaller shape it prunes towards, LLM-Shearing's configs), a distillation's `teacher`. Their sizes and checkpoints are
 * not the run's model's; a dialect that knows such a config reads them itself.
 */
const OTHER_MODEL_SECTION = /^(?:target_model|teacher|teacher_model|teacher_config)$/;

/**
 * A registered architecture's name as a flat config's root `model:` value: letters, digits, `_`, `-`, `.`, with a
 * digit or a separator in it (`fm_base_12e_12d`, `resnet50`, `vit_base_patch16_224`); a bare word (`hf`, `vllm`,
 * `simple`) names a backend or a switch, a path or a Hub id is read by the checkpoint keys.
 */
const ROOT_MODEL_NAME = /^[A-Za-z][A-Za-z]{0,40}[\d_.-][\w.-]{0,100}$/;

/** An optimizer's section of a config (`optimizer:`, `optim:`, `optimizer_config:`). */
const OPTIMIZER_SECTION = /^optim(?:izer)?s?(?:_(?:config|cfg|args|params))?$/i;

/** A model section's registry name (`model: {name: liif, args: …}`): a word, not a placeholder or a generic one. */
const SECTION_MODEL_NAME = /^(?!(?:model|default|custom|base|none|null|auto|test|dummy)$)[A-Za-z][\w.-]{1,100}$/i;

/** Dialects that only link the configs a config composes (Hydra defaults lists): they read no training method. */
const COMPOSING_ONLY: ReadonlySet<string> = new Set(['hydra-primary', 'hydra', 'hydra-trainer']);

/**
 * The keys the generic table below reads, besides the sizing names (sizingNames.ts) and the dialects'
 * keys (config/*.ts). The folder scan's prefilter (configPrefilter.ts) is built from these lists: a
 * key read here and missing there would make the scan skip configs that hold it (a unit test checks
 * every key of every list passes the prefilter).
 */
const PRECISION_SWITCHES = ['bf16', 'fp16', 'tf32', 'fp8'];
/** Top-level sections that hold a trainer's settings (`train.precision`, `trainer.precision`). */
const TRAINER_SECTIONS = ['train', 'trainer', 'training'];
/**
 * A program's own half-precision switch in its config (`use_fp16: True`, `use_bf16: True`): the openai
 * guided-diffusion family's argument (the UNet's `self.dtype = th.float16 if use_fp16 else th.float32`,
 * github.com/openai/guided-diffusion guided_diffusion/unet.py) that DiT-style samplers copy into their YAML configs
 * to cast the model (`if args.use_fp16: model.to(dtype=torch.float16)`). Only a true value is a reading.
 */
const USE_PRECISION_SWITCHES: ReadonlyMap<string, string> = new Map([
  ['use_fp16', 'fp16'],
  ['use_bf16', 'bf16'],
]);
/** Keys naming the weights a run is initialised from (an earlier stage's checkpoint): set, the run fine-tunes them. */
const INIT_WEIGHT_KEYS_LIST = ['init_weight', 'init_weights', 'init_checkpoint', 'init_ckpt'];
const INIT_WEIGHT_KEYS: ReadonlySet<string> = new Set(INIT_WEIGHT_KEYS_LIST);
/** A LoRA switch stated off (`use_peft: false`): the value of its training.adapter fact. */
export const ADAPTER_OFF = 'off';

/**
 * `policy_dtype`: the dtype the trained model's weights are loaded in, in preference-tuning programs that call the
 * trained model the policy (the DPO reference implementation's `config/model/*.yaml`, eric-mitchell/direct-preference-
 * optimization, and the programs built on it); `reference_dtype`, the frozen reference model's, is not the run's.
 */
// `bnb_4bit_compute_dtype`: what a 4-bit (QLoRA) base computes in (transformers BitsAndBytesConfig; TRL, ms-swift).
// `weight_dtype: 'fp16'`: the dtype an inference config's program casts every network to (Moore-AnimateAnyone's
// `configs/prompts/*.yaml`, read as `torch.float16 if config.weight_dtype == "fp16" else torch.float32`), when no
// compute dtype is beside it.
const PRECISION_NAMES = [
  'weight_dtype',
  'mixed_precision',
  'torch_dtype',
  'dtype',
  'precision',
  'bnb_4bit_compute_dtype',
  'policy_dtype',
];
/** Automatic mixed precision turned on or off with no dtype named (`amp: true`, `use_amp: false`). */
const AMP_SWITCHES = ['amp', 'use_amp'];
/** Node selectors and resource names that name a GPU type (GKE, Kubernetes, SkyPilot-like). */
const ACCELERATOR_NAMES = [
  'cloud.google.com/gke-accelerator',
  'nvidia.com/gpu.product',
  'accelerator',
  'gpu_type',
  'instance_type',
];
/**
 * Keys whose value is a command line (SkyPilot `run: |`, Compose and Kubernetes `command:`/`args:`, Beaker
 * experiment specs `tasks[].command`/`arguments`).
 */
const COMMAND_KEYS = ['run', 'command', 'script', 'args', 'arguments', 'entrypoint'];
/** Docker Compose's per-service section holding its device reservations. */
const COMPOSE_KEYS = ['deploy'];
/** The argument lists a container's `command:` list is run with (Kubernetes `args`, Beaker `arguments`). */
const ARGUMENT_KEYS = ['args', 'arguments'];
/**
 * Keys that name, by their own words, the pretrained weights a run starts from (`pretrained_model_path`,
 * `pretrained_checkpoint`, `init_checkpoint`, BERT's flag name): read only when the value is a checkpoint file.
 */
const START_CHECKPOINT_KEYS = new Set([
  'pretrained_model_path',
  'pretrained_checkpoint',
  'pretrained_checkpoint_path',
  'pretrained_ckpt',
  'pretrained_ckpt_path',
  'init_checkpoint',
]);

/**
 * Sections whose keys the generic table reads by their section (`model: {name: Org/Id}`, `lora: {enabled: true}`),
 * as the prefilter looks for them: `model` only as a YAML key or a JSON key of its own (a results file's
 * `"model.layers.0.mlp"` holds no run).
 */
export const GENERIC_SECTION_WORDS: readonly string[] = ['model:', '"model"', 'lora'];
export const GENERIC_CONFIG_KEYS: readonly string[] = [
  ...PRECISION_SWITCHES,
  ...USE_PRECISION_SWITCHES.keys(),
  ...PRECISION_NAMES,
  ...AMP_SWITCHES,
  ...ACCELERATOR_NAMES,
  ...COMMAND_KEYS,
  ...COMPOSE_KEYS,
  'adapter',
  'load_in_4bit',
  'load_in_8bit',
  'use_peft',
  'use_lora',
  // `lora_only: true`: train only the LoRA matrices (the switch a program reads with `cfg.get("lora_only", False)`).
  'lora_only',
  ...INIT_WEIGHT_KEYS_LIST,
  'use_qlora',
  'accelerators',
  'nvidia.com/gpu',
  'gpuCount',
  // A submitit/SLURM job's shape at a config's top (`nodes: 16`, `tasks_per_node: 8`).
  'tasks_per_node',
  'gpus_per_node',
  'nodes',
  'num_nodes',
  'lora_rank',
  // `lora: {rank: 0}` (a LoRA section's rank).
  'rank',
  '_target_',
  // KAIR-style `netG: {net_type: "swinir"}`: the generator network.
  'net_type',
  'pretrained',
  // `pretrained_model: ""` / `pretrained_model: <file>.pth`: the checkpoint a run config starts from, or none.
  'pretrained_model',
  ...START_CHECKPOINT_KEYS,
  // `train: {iterations: 300000}`: a training section's steps.
  'iterations',
  // `model_name` beside a checkpoint key (checkpointBeside): the name the trained model is saved under.
  'model_name',
  'vit',
  'dataset_mixer',
  'datasets',
];

/**
 * A path or URL of a weights file (a checkpoint the run loads), by its extension: `.bin` only with a folder or
 * URL before it (a bare `x.bin` is as often data), no spaces (a sentence is not a path).
 */
function isCheckpointFile(value: string): boolean {
  const v = value.trim();
  if (v.length > 2048 || /\s/.test(v)) return false;
  return /\.(?:pth|pt|ckpt|safetensors)$/i.test(v) || (v.includes('/') && /\.bin$/i.test(v));
}

/** A config's training section, by its name. */
const TRAINING_SECTION = /^(?:train|training|solver|optim|optimization)$/i;

/** A ViT size word as BLIP/ALBEF-style task configs write it. */
const VIT_SIZE = /^(?:base|large)$/i;

/** A section of data filters (`filter:`, `filters:`, `length_filter:`): its lengths are bounds for dropping samples. */
const FILTER_SECTION = /^(?:\w{0,30}_)?filters?$/i;

/**
 * A section describing the environment a policy acts in or is rolled out in (`env_runner: {max_steps: 350}`,
 * diffusion_policy's task configs; `env:`, `rollout:`): its step counts bound an episode, not the training.
 */
const ENVIRONMENT_SECTION = /^(?:\w{0,30}_)?(?:envs?|environment|env_runner|rollouts?|simulator)$/i;

/** A factory that builds a network from its arguments (`pkg.models.resnet.create_resnet`, `build_model`). */
const MODEL_BUILDER = /(?:^|\.)(?:create|build)_\w{1,60}$/;
/** Keys naming weights a config loads (`pretrained`, `checkpoint`, `ckpt_path`, `weights`, `init_from`). */
const WEIGHTS_KEY = /pretrain|checkpoint|ckpt|weights|init_from|load_from/i;

/** The section where omnivision-style trainers keep the job's shape (`launcher: {gpus_per_node, num_nodes}`). */
function launcherSection(path: readonly string[]): boolean {
  return path.length === 1 && path[0] === 'launcher';
}

/** The dtype keys of an `amp:` section. */
const AMP_DTYPE_KEYS = ['amp_dtype', 'dtype'];

/** A fact's dotted path (its detail's start) through a learning-rate scheduler section (`lr_scheduler`, `scheduler`). */
const SCHEDULER_PATH = /^(?:[\w-]{1,60}\.){0,8}(?:lr_)?scheduler(?:_\w{1,30})?\./i;

/** Top-level keys kept as `config.value` facts for the programs that read them by name (a few per config). */
const KEYED_COUNT = /^\w{0,30}(?:epoch|step|iter)\w{0,30}$/i;
const MAX_KEYED_COUNTS = 16;

export interface ConfigExtraction {
  readonly facts: Fact[];
  readonly problems: Problem[];
}

/**
 * A checkpoint named as untrained weights: an init script's output (`init_model.py` saving a randomly
 * initialised model as `untrained-600M`), a `random_init`/`from_scratch` folder.
 */
const UNTRAINED_CHECKPOINT = /(?:^|[/_.-])(?:untrained|random[-_]?init(?:iali[sz]ed)?|from[-_]scratch)(?:$|[/_.-])/i;

/**
 * An integer with `_` digit separators as PyYAML resolves it (YAML 1.1 int: `[-+]?(0|[1-9][0-9_]*)`, pyyaml
 * resolver.py), bounded so that it stays a safe integer.
 */
const PYYAML_GROUPED_INT = /^\+?[1-9][0-9]{0,2}(?:_[0-9]{1,3}){1,4}$/;
/** A scalar written without quotes (a quoted `"200_000"` is a string to every YAML parser). */
const isPlainScalar = (node: unknown) => isScalar(node) && node.type === 'PLAIN';

/**
 * Keys beside a model's name that say its weights are initialised at random, not loaded (`model_id:
 * google/t5-efficient-tiny` with `random_init: true`: the checkpoint's config only gives the architecture).
 */
const SCRATCH_SWITCHES = [
  'random_init',
  'from_scratch',
  'train_from_scratch',
  'init_from_scratch',
  'random_initialization',
];
function scratchSwitch(map: {
  get(key: string, keepScalar: true): unknown;
}): { key: string; node: YamlNode } | undefined {
  for (const key of SCRATCH_SWITCHES) {
    const node = map.get(key, true);
    if (isScalar(node) && node.value === true) return { key, node: node as YamlNode };
  }
  return undefined;
}

/**
 * A transformers class name (`BertForSequenceClassification`, `GPT2LMHeadModel`, `RobertaModel`): names the head a
 * program builds, not which weights it loads.
 */
const HEAD_CLASS = /^[A-Z][A-Za-z0-9]{1,60}(?:For[A-Z][A-Za-z]{2,60}|LMHeadModel|Model)$/;

/**
 * `model_name: BertForSequenceClassification` beside `model_type: bert-base-uncased` (a program that builds
 * `getattr(transformers, model_name).from_pretrained(model_type)`): the class key names the head, the sibling that
 * names a checkpoint (a catalogued model or a Hub id) names the weights, so the model is the sibling's value.
 */
function siblingCheckpoint(
  map: { items: readonly unknown[] },
  classKey: string,
): { key: string; value: string; node: YamlNode } | undefined {
  for (const pair of map.items.slice(0, 64)) {
    if (!isPair(pair) || !isScalar(pair.key) || !isScalar(pair.value)) continue;
    const key = String(pair.key.value);
    const value = pair.value.value;
    if (key === classKey || typeof value !== 'string' || value.length > 200 || HEAD_CLASS.test(value)) continue;
    if (findModel(value) !== undefined || HUB_ID.test(value)) return { key, value, node: pair.value as YamlNode };
  }
  return undefined;
}

/**
 * Keys that name the checkpoint a run starts from (the generic table's `model_name_or_path` group): beside one of them,
 * a `model_name` that is not a Hub id is the run's own label (the folder the trained model is saved under).
 */
const CHECKPOINT_KEYS = new Set([
  'base_model',
  'model_name_or_path',
  'pretrained_model_name_or_path',
  'base_model_name_or_path',
]);
function checkpointBeside(map: { items: readonly unknown[] }, nameKey: string): boolean {
  const own = map.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === nameKey);
  if (own && isPair(own) && isScalar(own.value) && typeof own.value.value === 'string' && own.value.value.includes('/'))
    return false;
  return map.items
    .slice(0, 64)
    .some(
      (p) =>
        isPair(p) &&
        isScalar(p.key) &&
        CHECKPOINT_KEYS.has(String(p.key.value)) &&
        isScalar(p.value) &&
        typeof p.value.value === 'string' &&
        p.value.value.trim().length > 0,
    );
}

/** Bounds on a job shape read from a config's top (more is not a GPU count or a node count). */
const MAX_GPUS_PER_NODE = 64;
const MAX_NODES = 4096;
/** A whole count from 1 to `max` (a job shape's GPUs or nodes). */
const countUpTo = (value: unknown, max: number): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= max;

export function extractConfigFacts(text: string, format: 'yaml' | 'json', filePath?: string): ConfigExtraction {
  // Measured before parsing: the parser and the readers below recurse once per level.
  if (configNestingDepth(text, MAX_CONFIG_DEPTH) > MAX_CONFIG_DEPTH)
    return {
      facts: [],
      problems: [
        problemAt(`skipped: it nests more than ${MAX_CONFIG_DEPTH} levels deep (no config does); it is not analysed`),
      ],
    };
  const doc = parseConfigDocument(text, format);
  // A repaired text (configDocument.ts) has the same lines; its offsets are the nodes'.
  text = doc.text;
  const lineCounter = doc.lineCounter;
  const problems = doc.errors.slice(0, 5).map((e) => {
    const pos = e.linePos?.[0];
    return problemAt(
      `${format.toUpperCase()} ${pos ? `line ${pos.line}, column ${pos.col}: ` : ''}${e.message.split('\n')[0]}`,
      pos && pos.line - 1,
      pos && pos.col - 1,
    );
  });
  const facts: Fact[] = [];
  if (doc.errors.length > 0 && !doc.contents) return { facts, problems };

  const rangeOf = (node: YamlNode | null | undefined): SourceRange => rangeIn(lineCounter, node);
  const config = configDocOf(doc, text, lineCounter);
  // A dialect's detect cannot hold without one of its words in the text (its contract, checked by a unit
  // test): testing the words first spares the walks over every key that detecting some dialects takes.
  const found = dialectWords().find(text).caseSensitive;
  const dialects: ConfigDialect[] = CONFIG_DIALECTS.filter(
    (d) => d.words.some((w) => found.has(w)) && d.detect(config),
  );
  const owned = (path: string) => dialects.some((d) => d.owns?.(path));
  // Where the value of the pair being read is written, when it is an interpolation
  // (`total_steps: 60000` behind `${optim.total_steps}`): facts added for the pair point back at it.
  let pairOrigin: number | undefined;
  const add = (kind: FactKind, value: Fact['value'], node: YamlNode | null | undefined, detail: string) =>
    facts.push({
      kind,
      value,
      range: rangeOf(node),
      confidence: 'high',
      detail,
      ...(pairOrigin !== undefined ? { originLine: pairOrigin } : {}),
    });

  // Inside a table of phases keyed by number (`mixed_seq_training: {"128": {num_epochs: ...}, "512": {...}}`):
  // each entry is one alternative schedule and the launch picks one (by `--max_seq_length`, a stage flag), so no
  // entry's length is the config's own.
  let inPhaseTable = 0;
  let keyedCounts = 0;
  // Read from a file of the repository (not a launch line's overrides or a notebook cell's text given as YAML).
  const ownFile = filePath !== undefined;
  const visit = (node: unknown, path: string[]): void => {
    if (isSeq(node)) {
      node.items.forEach((item, i) => visit(item, [...path, String(i)]));
      return;
    }
    if (!isMap(node)) return;
    if (isPhaseTable(node)) {
      inPhaseTable++;
      try {
        for (const pair of node.items) visit(pair.value, [...path, String((pair.key as { value: unknown }).value)]);
      } finally {
        inPhaseTable--;
      }
      return;
    }
    for (const pair of node.items) {
      if (!isPair(pair) || !isScalar(pair.key)) continue;
      const key = String(pair.key.value);
      const valueNode = pair.value as YamlNode | null;
      const where = [...path, key].join('.');
      const raw = isScalar(valueNode) ? valueNode.value : undefined;
      // Hydra/OmegaConf `${data.seq_len}` and `${oc.env:GPUS,8}` read as what they point at.
      const resolved =
        typeof raw === 'string' && raw.startsWith('${') ? config.resolve(raw, [...path, key]) : { value: raw };
      const scalar = resolved.value;
      pairOrigin = resolved.originLine;
      // `epochs_1st: 200`: a top-level count a program reads by its key (`config.get('epochs_1st', 200)`); kept for
      // such a program's run only (Fact.configKey).
      // One section deep too (`OPTIM: {NUM_EPOCHS: 60}`, read as `opt.OPTIM.NUM_EPOCHS`): keyed by its dotted path.
      if (
        path.length <= 1 &&
        keyedCounts < MAX_KEYED_COUNTS &&
        KEYED_COUNT.test(key) &&
        typeof scalar === 'number' &&
        Number.isSafeInteger(scalar) &&
        scalar > 0
      ) {
        keyedCounts++;
        add('config.value', path.length === 0 ? key : `${path[0]}.${key}`, valueNode, String(scalar));
      }
      const sizing = sizingKindFor(key, 'config');
      // A metric Hydra builds (`clip_metric: { _target_: torchmetrics.multimodal.CLIPScore, model_name_or_path: ... }`)
      // scores the run's outputs with its own model: nothing in it is the run's.
      const target: unknown = isMap(valueNode) ? valueNode.get('_target_') : undefined;
      if (typeof target === 'string' && METRIC_TARGET.test(target)) continue;
      if (OTHER_MODEL_SECTION.test(key) && isMap(valueNode)) continue;
      if (EVALUATION_SECTION.test(key) || owned(where)) {
        // A dialect reads this key itself; an evaluation section says nothing about the training run.
        if ((isMap(valueNode) || isSeq(valueNode)) && !EVALUATION_SECTION.test(key)) visit(valueNode, [...path, key]);
        continue;
      }

      const deviceIds = DEVICE_ID_KEYS.has(key) ? deviceIdCount(valueNode) : undefined;
      if (deviceIds !== undefined) {
        // `device: [0,1,2,3]` (st-gcn's and other programs' run configs, handed to DataParallel's device_ids):
        // that many devices. One id alone (`device: 0`) names a device, not a count.
        add('hardware.devices', deviceIds, valueNode, `${where}: [${deviceIds} device ids]`);
      } else if (PRECISION_SWITCHES.includes(key)) {
        // `bf16: true`, `bf16: auto` (axolotl), DeepSpeed `bf16: { enabled: true }` or `"auto"`.
        const enabled = isMap(valueNode) ? valueNode.get('enabled') : scalar;
        if (enabled === true || enabled === 'true')
          add('training.precision', key, valueNode, `${where}: ${String(enabled)}`);
        else if (enabled === 'auto') {
          facts.push({
            kind: 'training.precision',
            value: key,
            range: rangeOf(valueNode),
            confidence: 'low',
            detail: `${where}${AUTO_PRECISION_DETAIL}`,
          });
          facts.push({
            kind: 'training.precision',
            value: null,
            range: rangeOf(valueNode),
            confidence: 'low',
            detail: `${where}: auto depends on the GPU it runs on`,
          });
        }
      } else if (key === 'amp' && isMap(valueNode) && valueNode.get('enabled') === true) {
        // `amp: {enabled: true, amp_dtype: bfloat16}` (omnivision-style trainers hand the section to torch.autocast):
        // autocast in the dtype named, float16 when none is (torch.autocast's CUDA default). `enabled: false` says
        // nothing beyond the fp32 default.
        const named = AMP_DTYPE_KEYS.map((k) => valueNode.get(k)).find((v) => typeof v === 'string');
        const precision = named === undefined ? 'fp16' : normalisePrecision(named);
        if (precision)
          add(
            'training.precision',
            precision,
            valueNode,
            named === undefined
              ? `${where}.enabled: true (autocast with no dtype named: float16 on CUDA)`
              : `${where}.enabled: true, dtype ${named}`,
          );
      } else if ((key === 'mixed_precision' || AMP_SWITCHES.includes(key)) && scalar === true) {
        // `mixed_precision: true` (Coqui TTS and other trainers' configs), `amp: true`, `use_amp: true`: autocast
        // with no dtype named, which on CUDA is float16 (torch.autocast's default: "torch.float16 for CUDA",
        // https://pytorch.org/docs/stable/amp.html). At medium confidence: a dtype the config names wins. False says
        // nothing of the compute dtype (weights loaded in bfloat16 run in bfloat16 without autocast).
        facts.push({
          kind: 'training.precision',
          value: 'fp16',
          range: rangeOf(valueNode),
          confidence: 'medium',
          detail: `${where}: true (autocast with no dtype named: float16 on CUDA)`,
        });
      } else if (USE_PRECISION_SWITCHES.has(key)) {
        if (scalar === true || scalar === 'true' || scalar === 'True')
          add('training.precision', USE_PRECISION_SWITCHES.get(key)!, valueNode, `${where}: ${String(scalar)}`);
      } else if (PRECISION_NAMES.includes(key)) {
        // `model: {precision: fp16}` beside `train: {precision: 32}`: the trainer's precision is the run's compute
        // precision (what a Lightning Trainer is handed); the model section's is a setting of the network's own.
        if (path.length === 1 && path[0] === 'model' && TRAINER_SECTIONS.some((t) => config.has(`${t}.${key}`)))
          continue;
        // `weight_dtype` beside a compute dtype (MaxText's `dtype: bfloat16` over `weight_dtype: float32`) is only
        // how the weights are kept; alone, it is the dtype the program runs every network in.
        if (key === 'weight_dtype' && PRECISION_NAMES.some((k) => k !== key && config.has([...path, k].join('.'))))
          continue;
        const p = normalisePrecision(scalar as string | number | undefined);
        if (p && p !== 'int4' && p !== 'int8') add('training.precision', p, valueNode, `${where}: ${String(scalar)}`);
      } else if (INIT_WEIGHT_KEYS.has(key) && typeof scalar === 'string' && scalar.trim() !== '') {
        // `experiment.init_weight: "titok_l_32_stage1.bin"`: the run starts from an earlier stage's weights (a
        // second stage fine-tunes the first's model); an empty value (`""`, the first stage's) initialises at random.
        add('model.fromScratch', false, valueNode, `${where}: ${scalar} (the weights the run starts from)`);
      } else if (key === 'adapter' && typeof scalar === 'string') {
        add('training.adapter', 'lora', valueNode, `${where}: ${scalar}`);
        if (/qlora/i.test(scalar)) add('training.adapter', 'qlora', valueNode, `${where}: ${scalar}`);
      } else if ((key === 'load_in_4bit' || key === 'load_in_8bit') && scalar === true) {
        add('training.adapter', key === 'load_in_4bit' ? 'qlora' : 'int8-base', valueNode, `${where}: true`);
      } else if ((key === 'use_peft' || key === 'use_lora' || key === 'lora_only') && scalar === true) {
        add('training.adapter', 'lora', valueNode, `${where}: true`);
      } else if ((key === 'use_peft' || key === 'use_lora' || key === 'lora_only') && scalar === false) {
        // The program's LoRA switch stated off: the adapters its code can build are not built (factsToSpec).
        add('training.adapter', ADAPTER_OFF, valueNode, `${where}: false`);
      } else if (key === 'use_qlora' && scalar === true) {
        // LoRA on a 4-bit base (open-instruct's finetune.py and scripts like it: `use_qlora: true` beside `use_lora`).
        add('training.adapter', 'qlora', valueNode, `${where}: true`);
      } else if (key === 'accelerators' && typeof scalar === 'string') {
        // SkyPilot: "A100:8" or "A100-80GB:4".
        const [name, n] = scalar.split(':');
        add('hardware.accelerator', name, valueNode, `${where}: ${scalar}`);
        if (n && Number(n) > 0) add('hardware.devices', Number(n), valueNode, `${where}: ${scalar}`);
      } else if (
        ACCELERATOR_NAMES.includes(key) &&
        typeof scalar === 'string' &&
        !/^(gpu|cpu|auto|tpu|cuda|mps)$/i.test(scalar)
      ) {
        // Node selectors and resource names: nvidia-tesla-a100, NVIDIA-A100-SXM4-80GB, A100.
        add(
          'hardware.accelerator',
          scalar.replace(/^nvidia-(tesla-)?/i, '').replace(/^NVIDIA-/, ''),
          valueNode,
          `${where}: ${scalar}`,
        );
      } else if (
        (key === 'run' || key === 'command' || key === 'script' || key === 'entrypoint') &&
        typeof scalar === 'string' &&
        (/torchrun|accelerate\s+launch|deepspeed|python3?\s/.test(scalar) ||
          mentionsLauncher(scalar) ||
          (key === 'command' && SCRIPT_AS_COMMAND.test(scalar)))
      ) {
        // SkyPilot `run: |` and similar: a launch script inside the config.
        const base =
          rangeOf(valueNode).startLine +
          (/^[|>]/.test(text.slice(valueNode!.range![0], valueNode!.range![0] + 1)) ? 1 : 0);
        // SkyPilot `envs:` are the run block's shell variables.
        const envs = isMap(doc.contents) ? doc.contents.get('envs') : undefined;
        const envPairs = isMap(envs) ? envs.items.filter((p) => isPair(p) && isScalar(p.key) && isScalar(p.value)) : [];
        const prelude = envPairs.map(
          (p) => `${String((p.key as { value: unknown }).value)}=${String((p.value as { value: unknown }).value)}`,
        );
        const envLines = envPairs.map((p) => rangeOf(p.key as YamlNode).startLine);
        // A compose service's `command: generate.py --flags` is run by the image's Python entrypoint.
        const command = key === 'command' && SCRIPT_AS_COMMAND.test(scalar) ? `python ${scalar}` : scalar;
        const script = prelude.length ? `${prelude.join('\n')}\n${command}` : command;
        for (const f of extractShellFacts(script)) {
          if (f.range.startLine < prelude.length) continue;
          const shift = base - prelude.length;
          // A value that came from an env var points at the `envs:` entry that holds it.
          const originLine =
            f.originLine === undefined
              ? undefined
              : f.originLine < prelude.length
                ? envLines[f.originLine]
                : f.originLine + shift;
          facts.push({
            ...f,
            range: { ...f.range, startLine: f.range.startLine + shift, endLine: f.range.endLine + shift },
            ...(originLine !== undefined ? { originLine } : {}),
          });
        }
      } else if (key === 'deploy' && isMap(valueNode) && composeGpuCount(valueNode)) {
        // Docker Compose `deploy.resources.reservations.devices: [{driver: nvidia, count: 1, capabilities: [gpu]}]`
        // (https://docs.docker.com/compose/how-tos/gpu-support/): the GPUs the service's container gets.
        const gpus = composeGpuCount(valueNode)!;
        add('hardware.devices', gpus.count, gpus.node, `${where}.resources.reservations.devices: count ${gpus.count}`);
      } else if (
        (key === 'tasks_per_node' || key === 'gpus_per_node') &&
        (path.length === 0 || launcherSection(path)) &&
        countUpTo(scalar, MAX_GPUS_PER_NODE)
      ) {
        // A submitit/SLURM job's shape at the config's top, read by the program that submits it (V-JEPA's
        // `tasks_per_node: 8`, handed to submitit as `gpus_per_node=tasks_per_node`): one process per GPU. Also in a
        // `launcher:` section, where omnivision-style trainers keep it (`launcher: {gpus_per_node: 8, num_nodes: 4}`).
        add('hardware.devices', scalar, valueNode, `${where}: ${scalar} (one process per GPU)`);
      } else if (
        (key === 'nodes' || key === 'num_nodes') &&
        countUpTo(scalar, MAX_NODES) &&
        ((path.length === 0 &&
          isMap(doc.contents) &&
          (doc.contents.has('tasks_per_node') || doc.contents.has('gpus_per_node'))) ||
          (launcherSection(path) && config.get(`${path[0]}.gpus_per_node`) !== undefined))
      ) {
        // Its `nodes: 16` beside them: the job's nodes.
        add('hardware.nodes', scalar, valueNode, `${where}: ${scalar}`);
      } else if ((key === 'nvidia.com/gpu' || key === 'gpuCount') && Number(scalar) > 0) {
        // Kubernetes limits; Beaker experiment specs (`tasks[].resources.gpuCount`, GPUs of each replica).
        add('hardware.devices', Number(scalar), valueNode, `${where}: ${String(scalar)}`);
      } else if (
        (key === 'lora_rank' || (key === 'rank' && path[path.length - 1] === 'lora')) &&
        typeof scalar === 'number' &&
        scalar >= 0 &&
        dialects.every((d) => COMPOSING_ONLY.has(d.name))
      ) {
        // LoRA adapters of this rank (verl `model.lora_rank`, "Set to positive value to enable LoRA", and its Megatron
        // `model.lora.rank`, "Set to 0 to disable LoRA"); 0 means none: the adapters a program builds only for a
        // positive rank (`if config.model.lora_rank > 0: get_peft_model(...)`) are not built (factsToSpec).
        // A framework's dialect (torchtune builders, LLaMA-Factory finetuning_type) reads its method itself: a
        // LLaMA-Factory config that only tokenizes still names a rank. Hydra's defaults-list readers say nothing of
        // the method (they link the configs composed), so a Hydra primary config's rank is read here.
        if (scalar > 0) add('training.adapter', 'lora', valueNode, `${where}: ${scalar}`);
        else add('training.adapter', ADAPTER_OFF, valueNode, `${where}: 0 (a LoRA rank of 0: no adapters)`);
      } else if (
        key === '_target_' &&
        path.length === 0 &&
        typeof scalar === 'string' &&
        MODEL_BUILDER.test(scalar) &&
        isMap(doc.contents) &&
        !doc.contents.items.some((p) => isScalar(p.key) && WEIGHTS_KEY.test(String(p.key.value)))
      ) {
        // A model group's file that builds the network with a factory function and its architecture's arguments
        // (`_target_: pytorchvideo.models.resnet.create_resnet`, `model_depth: 50`), naming no weights to load: the
        // network starts from random weights (a factory's `pretrained` defaults to off). Low: the run may load a
        // checkpoint elsewhere.
        facts.push({
          kind: 'model.fromScratch',
          value: true,
          range: rangeOf(valueNode),
          confidence: 'low',
          detail: `${where}: ${scalar} builds the network from its arguments, no weights named`,
        });
      } else if (key === '_target_' && typeof scalar === 'string' && TRAINER_CLASS.test(scalar) && path.length > 0) {
        // (At the root, the file is the trainer itself: a Hydra `trainer/` group option an experiment composes.)
        // Hydra instantiates the trainer from this config: the config is the run's definition.
        add('launch.trainer', `hydra:${scalar}`, valueNode, `${where}: ${scalar} is instantiated from this config`);
      } else if (
        `${path[path.length - 1]}.${key}` === 'model.name' &&
        typeof scalar === 'string' &&
        HUB_ID.test(scalar.trim())
      ) {
        // `model: {name: Qwen/Qwen2.5-3B}` (TorchRL's GRPO configs and other Hydra run configs): a Hub id under the
        // model section is the checkpoint the run loads. Only the `org/name` shape: a bare `name` there is as often
        // a class or registry key (Composer's `model.name: hf_causal_lm`), read by its dialect.
        add('model.id', scalar.trim(), valueNode, `${where}: ${scalar.trim()}`);
      } else if (
        typeof scalar === 'string' &&
        ((path.length === 0 && key === 'model' && ROOT_MODEL_NAME.test(scalar.trim())) ||
          (path.length === 1 &&
            (`${path[0]}.${key}` === 'model.name' ||
              // A `type` is a registry name only in lower case: a class there (`type: MultiLabelContrastive`) is a
              // wrapper around the networks the section describes.
              (`${path[0]}.${key}` === 'model.type' && /^[a-z]/.test(scalar.trim()))) &&
            SECTION_MODEL_NAME.test(scalar.trim()))) &&
        dialects.length === 0 &&
        // A file of its own: a launch line's `model=qwen7b` (shell/overrides.ts reads its overrides as YAML) chooses a
        // Hydra config group, not a model.
        ownFile
      ) {
        // A flat parameter file's `model: fm_base_12e_12d_swiglu_nobias` (timm-style trainers hand the YAML to
        // `parser.set_defaults(**cfg)`, so the key is the program's `--model`): the architecture the run builds, by its
        // registry name. So is a model section's `name: liif` in a config of no dialect (LIIF's `models.make(config['model'])`
        // builds the class registered under that name with the section's `args`), and its `type: wresnet28_10` (the
        // `theconf` trainers of Fast AutoAugment and RandAugment: `get_model(C.get()['model'], …)` dispatches on
        // `conf['type']`). Low: a dialect or a checkpoint key says more.
        facts.push({
          kind: 'model.id',
          value: scalar.trim(),
          range: rangeOf(valueNode),
          confidence: 'low',
          detail: `${where}: ${scalar.trim()} (the model the program builds, by its registered name)`,
        });
        // A flat parameter file that names its network by the registry name and no weights to start from (no
        // `pretrained`, checkpoint, `resume` or `finetune` key at its root): the program builds it from random
        // initialisation (timm's train.py: `--pretrained` is off unless given). Low: the program may load weights.
        // A model section's registry name the same way, with the section's own keys looked at too (`model: {type:
        // resnet50, pretrained: …}` would say otherwise).
        const keysOf = (node: unknown) =>
          isMap(node) ? node.items.flatMap((p) => (isScalar(p.key) ? [String(p.key.value)] : [])) : [];
        const rootKeys = keysOf(doc.contents);
        const sectionKeys = path.length === 1 && isMap(doc.contents) ? keysOf(doc.contents.get(path[0], true)) : [];
        if ([...rootKeys, ...sectionKeys].every((k) => !WEIGHTS_KEY.test(k) && !/resume|finetune|initial/i.test(k)))
          facts.push({
            kind: 'model.fromScratch',
            value: true,
            range: rangeOf(valueNode),
            confidence: 'low',
            detail: `${where}: ${scalar.trim()} by its registered name, no weights to start from in the file: built from random initialisation`,
          });
      } else if (
        key === 'net_type' &&
        path.length === 1 &&
        path[0] === 'netG' &&
        typeof scalar === 'string' &&
        /^[A-Za-z][\w.-]{0,60}$/.test(scalar.trim())
      ) {
        // KAIR-style option files (KAIR, SwinIR, VRT, RVRT, BSRGAN): `netG: {net_type: "swinir"}` selects the generator
        // network the program builds (KAIR models/select_network.py `net_type = opt_net['net_type']`); the top-level
        // `model: "plain"` there is the training wrapper, not the network.
        facts.push({
          kind: 'model.id',
          value: scalar.trim(),
          range: rangeOf(valueNode),
          confidence: 'medium',
          detail: `${where}: ${scalar.trim()} (the generator network the program builds)`,
        });
      } else if (`${path[path.length - 1]}.${key}` === 'lora.enabled' && scalar === true) {
        // `train_model: {lora: {enabled: true, r: 8}}`: LoRA adapters switched on by their section's own switch.
        add('training.adapter', 'lora', valueNode, `${where}: true`);
      } else if (key === 'pretrained' && typeof scalar === 'boolean') {
        // LightningCLI / timm-style `pretrained: false`: the backbone starts from random weights.
        add('model.fromScratch', !scalar, valueNode, `${where}: ${String(scalar)}`);
      } else if (key === 'pretrained' && typeof scalar === 'string' && isCheckpointFile(scalar)) {
        // `pretrained: 'https://…/model_base_caption.pth'` (BLIP/ALBEF/LAVIS-style task configs): the run starts
        // from that checkpoint. A bare tag (open_clip's `pretrained: laion2b_s34b_b79k`) names weights by a
        // catalog the program holds, and is left to the readers that know it.
        add('model.fromScratch', false, valueNode, `${where}: starts from the checkpoint ${scalar.trim()}`);
      } else if (key === 'pretrained_model' && path.length === 0 && typeof scalar === 'string' && !scalar.trim()) {
        // A run config's own switch for the checkpoint to start from, left empty (`pretrained_model: ""`, the
        // trainer loading one only `if config.get('pretrained_model', '') != ''`): no pretrained weights, the run
        // trains the model it builds from fresh weights (or from its own earlier stage, its output folder's file).
        add('model.fromScratch', true, valueNode, `${where}: "" (no checkpoint to start from)`);
      } else if (
        key === 'pretrained_model' &&
        path.length === 0 &&
        typeof scalar === 'string' &&
        isCheckpointFile(scalar)
      ) {
        // The same switch naming a checkpoint file (`pretrained_model: Models/x/epoch_20.pth`): the run starts from it.
        add('model.fromScratch', false, valueNode, `${where}: starts from the checkpoint ${scalar.trim()}`);
      } else if (
        key === 'iterations' &&
        path.length === 1 &&
        TRAINING_SECTION.test(path[0]) &&
        typeof scalar === 'number' &&
        Number.isSafeInteger(scalar) &&
        scalar > 0
      ) {
        // A training section's `iterations` (DifFace's and ResShift's `train: {iterations: 300000}`, the trainer's
        // `for ii in range(self.iters_start, self.configs.train.iterations)`): the optimizer steps. Only there: an
        // `iterations` elsewhere is as often a sampler's or a solver's.
        add('training.steps', scalar, valueNode, `${where}: ${scalar} (the training section's iterations)`);
      } else if (START_CHECKPOINT_KEYS.has(key) && typeof scalar === 'string' && isCheckpointFile(scalar)) {
        // A key named for the pretrained weights the run loads before it trains, at any depth (HyenaDNA's Hydra
        // experiments: `train: {pretrained_model_path: .../2_128_1024.ckpt}`): a checkpoint file, so a fine-tune.
        add('model.fromScratch', false, valueNode, `${where}: starts from the checkpoint ${quotedPath(scalar.trim())}`);
      } else if (key === 'vit' && path.length === 0 && typeof scalar === 'string' && VIT_SIZE.test(scalar)) {
        // BLIP/ALBEF-style task configs: `vit: 'base'` or `'large'` picks the image encoder the program's factory
        // builds (`blip_decoder(..., vit=config['vit'])`). A size word only: it sizes a model only with a model id
        // that has a catalog row per size (resolve/factsToSpec).
        add('model.variant', scalar.toLowerCase(), valueNode, `${where}: ${scalar}`);
      } else if (
        key === 'dataset_mixer' &&
        isMap(valueNode) &&
        valueNode.items[0] &&
        isScalar(valueNode.items[0].key)
      ) {
        add(
          'training.dataset',
          String(valueNode.items[0].key.value),
          valueNode.items[0].key,
          `${where}: first dataset of the mixture`,
        );
      } else if (key === 'command' && isSeq(valueNode) && scalarItems(valueNode) && isValohaiStep(node)) {
        // A Valohai step: its commands run one after another, each on the line of its item.
        const items = valueNode.items as YamlNode[];
        const commands = valohaiCommands(
          node,
          items.map((i) => String((i as unknown as { value: unknown }).value).replace(/\n/g, ' ')),
        );
        for (const f of extractShellFacts(commands.join('\n'))) {
          const line = rangeOf(items[Math.min(f.range.startLine, items.length - 1)]).startLine;
          const { originLine: _origin, ...read } = f;
          facts.push({ ...read, range: { ...f.range, startLine: line, endLine: line } });
        }
      } else if (
        (ARGUMENT_KEYS.includes(key) || key === 'command' || key === 'entrypoint') &&
        isSeq(valueNode) &&
        valueNode.items.every((i) => isScalar(i)) &&
        !(ARGUMENT_KEYS.includes(key) && commandListOf(node) !== undefined)
      ) {
        // Kubernetes/containers: ["python", "-m", "torch.distributed.run", ...] or ["bash", "-c", "torchrun ..."].
        // A `command:` list runs with its sibling argument list (Kubernetes `args`, Beaker `arguments`): one command,
        // read once, at the command (`command: [/bin/sh, -c]` + `arguments: ['accelerate launch ...']`).
        // One item per line, continued, so each flag keeps the line of its own item.
        const argumentList = key === 'command' ? argumentListOf(node) : undefined;
        const items = [...valueNode.items, ...(argumentList?.items ?? [])] as YamlNode[];
        const written = items.map((i) => String((i as unknown as { value: unknown }).value).replace(/\n/g, ' '));
        // A W&B sweep's command names its program and parameters through the agent's macros (`${program}`, `${args}`).
        const lines = isWandbSweep(node) ? wandbSweepCommand(node, written) : written;
        const itemLines = items.map((i) => rangeOf(i).startLine);
        // `[/bin/sh, -c, "script"]`: the script is the command (the shell's items are blanked, keeping the lines).
        if (lines.length > 2 && /^(?:\S*\/)?(?:ba|z)?sh$/.test(lines[0].trim()) && lines[1].trim() === '-c') {
          lines[0] = lines[1] = '';
          items[0] = items[1] = items[2];
          itemLines[0] = itemLines[1] = itemLines[2];
        }
        // `[sh, -c, |-block]` alone: the block is a shell script of its own lines (`apt-get update`, `pip install ...`,
        // `python api_server.py`), read as one, each command on its line of the block.
        const blockScript =
          items.length === 3 && lines[0] === '' && /\n/.test(String((items[2] as unknown as { value: unknown }).value))
            ? String((items[2] as unknown as { value: unknown }).value)
            : undefined;
        const script =
          blockScript ??
          lines
            .map((l, i) => (i < lines.length - 1 ? `${l} \\` : l))
            .join('\n')
            .replace(/^\S*(bash|sh)\s+-c\s+/, '');
        const blockStart =
          blockScript !== undefined
            ? itemLines[2] +
              (/^[|>]/.test(text.slice(items[2].range?.[0] ?? 0, (items[2].range?.[0] ?? 0) + 1)) ? 1 : 0)
            : 0;
        const mounts = beakerMounts(node);
        for (const read of extractShellFacts(script)) {
          const f = mounts.length > 0 ? withMountedModel(read, mounts) : read;
          if (blockScript !== undefined) {
            const line = blockStart + f.range.startLine;
            facts.push({ ...f, range: { ...f.range, startLine: line, endLine: line } });
            continue;
          }
          const item = items[Math.min(f.range.startLine, items.length - 1)];
          let at = itemLines[Math.min(f.range.startLine, itemLines.length - 1)] ?? rangeOf(valueNode).startLine;
          // A folded block (`- >-` over several lines) holds many flags: point at the line of this one.
          const flag = /--[\w.-]+/.exec(f.detail)?.[0];
          const [from, to] = item?.range ?? [0, 0];
          const block = text.slice(from, to);
          const offset = flag ? block.search(new RegExp(`${flag.replace(/[.]/g, '\\.')}(?![\\w.-])`)) : -1;
          if (offset >= 0) at = lineCounter.linePos(from + offset).line - 1;
          facts.push({ ...f, range: { ...f.range, startLine: at, endLine: at } });
        }
      } else if (key === 'datasets' && isSeq(valueNode)) {
        const first = valueNode.items[0];
        const pathValue = isMap(first) ? first.get('path') : undefined;
        if (typeof pathValue === 'string') add('training.dataset', pathValue, first as YamlNode, `${where}[0].path`);
      } else if (sizing && scalar !== undefined && scalar !== null) {
        const kind = sizing;
        // A solver's own iteration limit in an optimizer's section (`optimizer: {name: lbfgs, max_iter: 20}`: L-BFGS's
        // iterations per step, PyTorch docs torch.optim.LBFGS) is not how long the run trains.
        if (kind === 'training.steps' && path.some((p) => OPTIMIZER_SECTION.test(p))) continue;
        if (kind === 'training.dataset') {
          if (typeof scalar === 'string' && scalar) add(kind, scalar, valueNode, `${where}: ${scalar}`);
        } else if (kind === 'model.id') {
          const headClass = typeof scalar === 'string' && HEAD_CLASS.test(scalar) ? scalar : undefined;
          const weights = headClass ? siblingCheckpoint(node, key) : undefined;
          if (weights) {
            const at = [...path, weights.key].join('.');
            add(
              'model.id',
              weights.value,
              weights.node,
              `${at}: ${weights.value} (the weights ${where}: ${headClass} is built from)`,
            );
            add('model.fromScratch', false, weights.node, `${at} names a pretrained checkpoint`);
          } else if (key === 'model_name' && typeof scalar === 'string' && checkpointBeside(node, key)) {
            // `model_name: llama3_8b_chat_uncensored` beside `base_model: meta-llama/Meta-Llama-3-8B`: the name the
            // trained model is saved under; the checkpoint key beside it says what trains.
          } else if (typeof scalar === 'string' && scalar.length > 0) {
            add('model.id', scalar, valueNode, `${where}: ${scalar}`);
            // A Hub checkpoint name implies its weights; a backbone architecture name does not. A checkpoint
            // whose name says it is untrained (`./parler-tts-untrained-600M/`, `random-init`, `from-scratch`) is
            // freshly initialised weights saved by an init script: the run trains them from scratch.
            const scratch = key !== 'backbone' ? scratchSwitch(node) : undefined;
            if (key !== 'backbone' && UNTRAINED_CHECKPOINT.test(scalar))
              add(
                'model.fromScratch',
                true,
                valueNode,
                `${where}: ${scalar} is named as untrained (initialised) weights`,
              );
            else if (scratch)
              add(
                'model.fromScratch',
                true,
                scratch.node,
                `${scratch.key}: true beside ${where}: the named model's architecture with random weights`,
              );
            else if (key !== 'backbone')
              add('model.fromScratch', false, valueNode, `${where} names a pretrained checkpoint`);
          }
        } else if (typeof scalar === 'number' || typeof scalar === 'boolean') {
          if (inPhaseTable > 0 && (kind === 'training.steps' || kind === 'training.epochs')) continue;
          // A data filter's bound (`filter: {max_length: 40960, min_length: 0}`, CosyVoice's processor) drops the
          // samples longer than it: the longest a sample may be, not the length each one is.
          if (kind === 'training.seqLen' && path.some((p) => FILTER_SECTION.test(p))) continue;
          if (kind === 'training.steps' && path.some((p) => ENVIRONMENT_SECTION.test(p))) continue;
          if (!(kind === 'training.steps' && typeof scalar === 'number' && scalar <= 0))
            add(kind, scalar, valueNode, `${where}: ${String(scalar)}`);
        } else if (typeof scalar === 'string' && isPlainScalar(valueNode) && PYYAML_GROUPED_INT.test(scalar)) {
          // `max_steps: 200_000`: a string to a YAML 1.2 parser, the integer 200000 to PyYAML (YAML 1.1), which is
          // what the Python program reading the file gets.
          const value = Number(scalar.replace(/_/g, ''));
          if (kind === 'training.steps' && value <= 0) continue;
          if (inPhaseTable > 0 && (kind === 'training.steps' || kind === 'training.epochs')) continue;
          add(kind, value, valueNode, `${where}: ${scalar}`);
        } else if (typeof scalar === 'string' && scalar !== 'auto') {
          add(kind, null, valueNode, `${where}: "${scalar}" is not a number`);
        }
      }
      if (isMap(valueNode) || isSeq(valueNode)) visit(valueNode, [...path, key]);
    }
  };
  visit(doc.contents, []);
  pairOrigin = undefined;
  // A learning-rate scheduler's span (`module.lr_scheduler.max_iters: 196` beside `trainer.max_epochs: 196`) counts in
  // whatever unit the program steps the scheduler by (here epochs): where the config states the epochs the run
  // trains for, that count is the run's length, not the scheduler's.
  if (facts.some((f) => f.kind === 'training.epochs' && typeof f.value === 'number' && !SCHEDULER_PATH.test(f.detail)))
    for (let i = facts.length - 1; i >= 0; i--)
      if (facts[i].kind === 'training.steps' && SCHEDULER_PATH.test(facts[i].detail)) facts.splice(i, 1);
  const sink: FactSink = {
    facts,
    add: (kind, value, at, detail, confidence = 'high', extra) => {
      const range = 'startLine' in at ? at : at.range;
      const originLine = 'startLine' in at ? undefined : at.originLine;
      facts.push({
        kind,
        value,
        range,
        confidence,
        detail,
        ...(originLine !== undefined ? { originLine } : {}),
        ...(extra?.fromFlags && extra.fromFlags.length > 0 ? { fromFlags: extra.fromFlags } : {}),
        ...(extra?.passes && extra.passes.length > 0 ? { passes: extra.passes } : {}),
        ...(extra?.flagDefault && extra.flagDefault.length > 0 ? { flagDefault: extra.flagDefault } : {}),
        ...(extra?.classBuild ? { classBuild: extra.classBuild } : {}),
      });
    },
  };
  for (const dialect of dialects) dialect.read(config, sink, filePath === undefined ? undefined : { path: filePath });
  // No framework claims it: a config that sizes a whole model and bounds its training is still a run.
  if (dialects.length === 0) readArchitectureBudget(config, sink);
  // A recipe's header comment ("Config for 1 node of 8 x H100s") states what no key does.
  readHeaderHardware(config, sink);
  const top = isMap(doc.contents) ? doc.contents : undefined;
  const scalarAt = (key: string) => {
    const v = top?.get(key, true);
    return isScalar(v) && typeof v.value === 'string' ? v.value : undefined;
  };
  return {
    facts: withoutRotaryPositions(facts, scalarAt('model_type'), scalarAt('position_embedding_type')),
    problems,
  };
}

/**
 * A map of two or more entries keyed by whole numbers, each a map of settings (a schedule per sequence length or
 * per stage), as opposed to a map of named settings.
 */
function isPhaseTable(node: { items: ReadonlyArray<{ key: unknown; value: unknown }> }): boolean {
  return (
    node.items.length >= 2 &&
    node.items.every((p) => isScalar(p.key) && /^\d{1,6}$/.test(String(p.key.value)) && isMap(p.value))
  );
}

/**
 * `max_position_embeddings` is a table of learned positions only in absolute-position architectures
 * (BERT family, GPT-2, OPT); Llama, Mistral, Qwen, GPT-NeoX and others use rotary or ALiBi positions
 * with no parameters, so there it only states the context length.
 */
const LEARNED_POSITION_TYPES = new Set([
  'bert',
  'roberta',
  'xlm-roberta',
  'camembert',
  'distilbert',
  'electra',
  'gpt2',
  'opt',
  'biogpt',
  'bart',
  'mbart',
  'marian',
  'ernie',
  'layoutlm',
  'vit',
  'clip_text_model',
]);
function withoutRotaryPositions(
  facts: Fact[],
  modelType: string | undefined,
  positionType: string | undefined,
): Fact[] {
  const learned =
    positionType === 'absolute' || (modelType !== undefined && LEARNED_POSITION_TYPES.has(modelType.toLowerCase()));
  return learned
    ? facts
    : facts.filter((f) => !(f.kind === 'model.learnedPositions' && /max_position_embeddings/.test(f.detail)));
}

/** GPUs a Compose service reserves: the first device of `driver: nvidia` or with `gpu` among its `capabilities`. */
/** Keys a run config lists its device ids under. */
const DEVICE_ID_KEYS = new Set(['device', 'devices', 'gpus', 'gpu_ids', 'device_ids']);
/** Ids listed per key at most (a node's GPUs, a few nodes'). */
const MAX_DEVICE_IDS = 64;

/** How many distinct device ids a list holds (`[0,1,2,3]`), when it holds two or more and nothing else. */
function deviceIdCount(node: YamlNode | null): number | undefined {
  if (!isSeq(node) || node.items.length < 2 || node.items.length > MAX_DEVICE_IDS) return undefined;
  const ids = node.items.map((item) => (isScalar(item) ? item.value : undefined));
  if (!ids.every((id) => typeof id === 'number' && Number.isInteger(id) && id >= 0 && id < 1024)) return undefined;
  return new Set(ids).size === ids.length ? ids.length : undefined;
}

function composeGpuCount(deploy: unknown): { count: number; node: YamlNode } | undefined {
  const resources = isMap(deploy) ? deploy.get('resources', true) : undefined;
  const reservations = isMap(resources) ? resources.get('reservations', true) : undefined;
  const devices = isMap(reservations) ? reservations.get('devices', true) : undefined;
  if (!isSeq(devices)) return undefined;
  for (const device of devices.items.slice(0, MAX_MOUNTS)) {
    if (!isMap(device)) continue;
    const capabilities = device.get('capabilities', true);
    const gpu =
      device.get('driver') === 'nvidia' ||
      (isSeq(capabilities) && capabilities.items.some((i) => isScalar(i) && i.value === 'gpu'));
    const count = device.get('count', true);
    if (gpu && isScalar(count) && typeof count.value === 'number' && count.value > 0)
      return { count: count.value, node: count as YamlNode };
  }
  return undefined;
}

/** A map's `command:` list of scalars, when it has one. */
function commandListOf(node: unknown): YamlNode | undefined {
  const command = isMap(node) ? node.get('command', true) : undefined;
  return isSeq(command) && command.items.every((i) => isScalar(i)) ? command : undefined;
}

/** A map's argument list (`args:` / `arguments:`) of scalars, when it has one. */
function argumentListOf(node: unknown): { items: unknown[] } | undefined {
  if (!isMap(node)) return undefined;
  for (const key of ARGUMENT_KEYS) {
    const list = node.get(key, true);
    if (isSeq(list) && list.items.every((i) => isScalar(i))) return list;
  }
  return undefined;
}

/** Beaker datasets mounted into a task's container (`datasets: [{mountPath: /models, source: {beaker: org/name}}]`). */
function beakerMounts(node: unknown): Array<{ path: string; source: string }> {
  const datasets = isMap(node) ? node.get('datasets', true) : undefined;
  if (!isSeq(datasets)) return [];
  const out: Array<{ path: string; source: string }> = [];
  for (const d of datasets.items.slice(0, MAX_MOUNTS)) {
    if (!isMap(d)) continue;
    const path = d.get('mountPath');
    const source = d.get('source', true);
    const name = isMap(source) ? source.get('beaker') : undefined;
    if (typeof path === 'string' && path.startsWith('/') && typeof name === 'string' && name)
      out.push({ path: path.replace(/(?<!\/)\/+$/, ''), source: name });
  }
  return out;
}
const MAX_MOUNTS = 50;

/**
 * A model loaded from a mounted folder (`--model_name_or_path /hf_llama_models`, a Beaker dataset mounted there):
 * the dataset's name is what says which model the folder holds (`org/hf_llama_model_7B`).
 */
function withMountedModel(f: Fact, mounts: ReadonlyArray<{ path: string; source: string }>): Fact {
  if (f.kind !== 'model.id' || typeof f.value !== 'string') return f;
  const value = f.value.replace(/(?<!\/)\/+$/, '');
  const mount = mounts.find((m) => value === m.path || value.startsWith(`${m.path}/`));
  if (!mount) return f;
  const inside = value.slice(mount.path.length);
  return {
    ...f,
    value: `${mount.source}${inside}`,
    detail: `${f.detail}: the Beaker dataset ${mount.source} mounted at ${mount.path}`,
  };
}
