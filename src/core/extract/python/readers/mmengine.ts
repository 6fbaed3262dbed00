import { backboneVariant } from '../../backboneVariant';
import { rowOf } from './sb3Program';
import type { Node } from 'web-tree-sitter';
import { findModel } from '../../../knowledge';
import { ditVariantOf, sizeFromModelName } from '../../../knowledge/modelName';
import { hubIdInPath } from '../../config/dialect';
import { normalisePrecision } from '../../precision';
import { evaluate, stringLiteral } from '../../pythonValues';
import { scalar, truncate, type PythonReadContext } from '../context';
import { readKeyword, readTrainingKeywords } from '../keywords';
import type { FileRule } from '../rules';
import {
  backboneModel,
  baseNames,
  readBackboneInit,
  restorationGeneratorParams,
  rtmposeVariant,
  scheduleFromBaseName,
} from './mmBackbone';
import { trainInputSize, visionHeadOf } from './mmInputSize';

/**
 * OpenMMLab's config dialect (mmengine `Config`, mmengine.readthedocs.io "Config"; the same files in mmcv 1.x):
 * a .py file of module-level assignments whose values are `dict(type=..., ...)` trees the runner builds —
 * `model = dict(type=..., llm=dict(type=AutoModelForCausalLM.from_pretrained, ...), lora=dict(type=LoraConfig))`,
 * `train_cfg = dict(type=..., max_epochs=12)` (or `max_iters=`), `optim_wrapper = dict(type=AmpOptimWrapper,
 * dtype='float16')`, `_base_ = [...]` inheritance — consumed by a CLI (`tools/train.py CONFIG` in mmdetection,
 * mmpretrain, mmsegmentation, mmagic; `xtuner train CONFIG`). Each such config is a run; the CLI program is not.
 * Decided by the shape of the file (a `model` tree beside a schedule or an optimiser wrapper, or a
 * derived config), never by its path.
 */

/** Module-level names whose `dict(...)` says how long and how the model is optimised. */
const SCHEDULE_NAMES = new Set(['train_cfg', 'optim_wrapper', 'runner', 'training_args']);
/** Keywords of a model's `dict(...)` that name the checkpoint it loads (Hugging Face loaders and wrappers of one). */
const CHECKPOINT_KEYS = ['pretrained_model_name_or_path', 'model_name_or_path', 'model_path', 'from_pretrained'];
/** Components of a multimodal or wrapped model, tried before the others: the language model carries the size. */
const LANGUAGE_MODEL_KEYS = ['llm', 'language_model', 'text_model'];
/** Bounds on the walk of nested dicts (a config has tens; a hostile file may nest thousands). */
const MAX_DICT_DEPTH = 8;
const MAX_DICTS = 400;
/** A Hub id as written (`org/name` or `name`). */
const HUB_ID = /^[\w.-]+(\/[\w.-]+)?$/;

/**
 * Can the file hold the dialect's shape? A module-level `name = dict(` for a schedule name, a `_base_`
 * assignment or mmengine's `with read_base():` (its pure-Python configs). Linear: anchored alternatives of fixed words.
 */
export const MMENGINE_SHAPE =
  /^(?:(?:train_cfg|optim_wrapper|runner|training_args)[ \t]*=[ \t]*dict\(|_base_[ \t]*=|with[ \t]+read_base\(\))/m;

/** A module-level `model = dict(` (a model tree, which alone is no run: see samplerConfig and the evaluation shape). */
const MODEL_TREE = /^model[ \t]*=[ \t]*dict\(/m;
/** A statement at column 0 that makes the file a program or a library, not a config of assignments. */
const PROGRAM_STATEMENT = /^(?:def|class|async[ \t]+def|if[ \t]+__name__)\b/m;

/** A `dict(...)` of the config: the call, its `type=` as written, and its keyword arguments by name (read once). */
interface DictNode {
  readonly call: Node;
  /** `AutoModelForCausalLM.from_pretrained`, `FasterRCNN` (quotes dropped), or ''. */
  readonly type: string;
  readonly keywords: ReadonlyMap<string, Node>;
}

/** `dict(...)` (the call, with its keywords), else undefined. */
function asDict(node: Node | null | undefined): DictNode | undefined {
  if (node?.type !== 'call' || node.childForFieldName('function')?.text !== 'dict') return undefined;
  const args = node.childForFieldName('arguments');
  if (!args) return undefined;
  const keywords = new Map<string, Node>();
  for (const kw of args.namedChildren) {
    if (kw?.type !== 'keyword_argument') continue;
    const name = kw.childForFieldName('name')?.text;
    const value = kw.childForFieldName('value');
    if (name && value && !keywords.has(name)) keywords.set(name, value);
  }
  const type = keywords.get('type')?.text.replace(/^['"]|['"]$/g, '') ?? '';
  return { call: node, type, keywords };
}

/**
 * A dict and every dict nested in it, the language-model components first, bounded. With `symbols`, a component
 * given by a module-level name (`model = dict(unet=unet, vae=vae)` after `unet = dict(...)`, as configs split a large
 * tree) is the dict that name is bound to, as when mmengine reads the file.
 */
function nestedDicts(
  root: DictNode,
  path: string,
  symbols?: PythonReadContext['symbols'],
): Array<{ path: string; dict: DictNode }> {
  const out: Array<{ path: string; dict: DictNode }> = [];
  const visit = (d: DictNode, at: string, depth: number) => {
    if (out.length >= MAX_DICTS || depth > MAX_DICT_DEPTH) return;
    out.push({ path: at, dict: d });
    const children: Array<{ key: string; dict: DictNode }> = [];
    for (const [key, value] of d.keywords) {
      const bound = symbols && value.type === 'identifier' ? symbols.lookup(value.text)?.node : undefined;
      const dict = asDict(bound ?? value);
      if (dict) children.push({ key, dict });
    }
    const first = children.filter((c) => LANGUAGE_MODEL_KEYS.includes(c.key));
    for (const c of [...first, ...children.filter((c) => !LANGUAGE_MODEL_KEYS.includes(c.key))])
      visit(c.dict, `${at}.${c.key}`, depth + 1);
  };
  visit(root, path, 0);
  return out;
}

/** The checkpoint a model tree loads: the first `pretrained_model_name_or_path=` (or alike) that reads as a Hub id. */
function readCheckpoint(dicts: ReadonlyArray<{ path: string; dict: DictNode }>, ctx: PythonReadContext): boolean {
  // The language model first (a LLaVA-style model also loads a vision encoder), then the tree as written.
  const ordered = [...dicts].sort((a, b) => rank(a.path) - rank(b.path));
  for (const { path, dict } of ordered) {
    for (const key of CHECKPOINT_KEYS) {
      const node = dict.keywords.get(key);
      if (!node) continue;
      const r = evaluate(node, ctx.symbols);
      if (typeof r?.value !== 'string') continue;
      const id = HUB_ID.test(r.value) ? r.value : hubIdInPath(r.value);
      if (!id) continue;
      const owner = dict.type || path;
      const via = r.via ? ` (${r.via})` : '';
      ctx.add('model.id', id, node, `${key} in ${path} (${owner})${via}`, r.via ? 'medium' : 'high');
      if (r.via) ctx.amendLast({ originLine: r.origin.startPosition.row });
      // A loader (`X.from_pretrained`) or a wrapper given a checkpoint path loads trained weights.
      if (!/from_config$/.test(owner))
        ctx.add('model.fromScratch', false, node, `${owner} in ${path} loads the pretrained ${id}`, 'medium');
      return true;
    }
  }
  return false;
}

/**
 * A model class built on OpenAI's CLIP by architecture name (`clip_arch='ViT-B/32'`: mmaction2's CLIPSimilarity and
 * ActionCLIP call `clip.load(clip_arch)` in their constructors, models/similarity/clip_similarity.py): the run trains
 * on those weights. Named as openai/CLIP's loader names them (clip/clip.py `_MODELS`), written with a dash for the
 * catalog (a slash would read as a Hub organisation).
 */
function readClipArch(dicts: ReadonlyArray<{ path: string; dict: DictNode }>, ctx: PythonReadContext): void {
  for (const { path, dict } of dicts) {
    const node = dict.keywords.get('clip_arch');
    const value = node && node.text.length < 60 ? evaluate(node, ctx.symbols)?.value : undefined;
    if (!node || typeof value !== 'string' || !OPENAI_CLIP_NAME.test(value)) continue;
    const owner = dict.type || path;
    ctx.add(
      'model.id',
      `clip:${value.replace('/', '-')}`,
      node,
      `clip_arch='${value}' in ${owner}: OpenAI CLIP ${value}`,
      'medium',
    );
    ctx.add('model.fromScratch', false, node, `${owner} loads CLIP ${value}'s weights (clip.load)`, 'medium');
    return;
  }
}
/** openai/CLIP's model names (clip/clip.py `_MODELS`). */
const OPENAI_CLIP_NAME = /^(?:RN50|RN101|RN50x4|RN50x16|RN50x64|ViT-B\/32|ViT-B\/16|ViT-L\/14(?:@336px)?)$/;

/** Language-model components sort first; otherwise the order written (a stable sort keeps it). */
function rank(path: string): number {
  return LANGUAGE_MODEL_KEYS.some((k) => path.endsWith(`.${k}`)) ? 0 : 1;
}

/** Keywords of a loader that state precision, quantisation or an adapter, read as the loaders' keywords are. */
const LOADER_KEYWORDS = ['torch_dtype', 'bnb_4bit_compute_dtype', 'load_in_4bit', 'load_in_8bit'];

/** LoRA and quantisation anywhere in the model tree. */
function readAdapters(dicts: ReadonlyArray<{ path: string; dict: DictNode }>, ctx: PythonReadContext): void {
  for (const { path, dict } of dicts) {
    const owner = `${dict.type || 'dict'} in ${path}`;
    if (/(^|\.)(Lora|AdaLora|LoHa|LoKr)Config$/.test(dict.type))
      ctx.add('training.adapter', 'lora', dict.call, `${owner}: a PEFT adapter is trained`);
    // A model that takes its LoRA settings as a keyword (`lora_config=dict(rank=4, target_modules=[...])`, the
    // diffusers-style `unet.add_adapter` wrappers of mmagic's DreamBooth/Stable Diffusion): LoRA layers are injected.
    else if (
      /(?:^|\.)lora_(?:config|cfg)$/.test(path) &&
      dict.type === '' &&
      /\b(?:rank|r|target_modules)\b/.test(dict.call.text)
    )
      ctx.add('training.adapter', 'lora', dict.call, `${path}: the model injects LoRA layers (rank, target modules)`);
    for (const name of LOADER_KEYWORDS) {
      const value = dict.keywords.get(name);
      if (value) readKeyword(name, value, ctx, owner);
    }
  }
}

/**
 * `total_epochs = 210` at the top of an mmcv 1.x config (mmpose 0.x, mmdetection 1.x: the train API hands
 * `cfg.total_epochs` to the EpochBasedRunner's `run`, before `runner = dict(max_epochs=...)` replaced it): how long,
 * unless a `runner` dict states it. True when read.
 */
function readTotalEpochs(ctx: PythonReadContext, runnerStates: boolean): boolean {
  if (runnerStates || !ctx.text.includes('total_epochs')) return false;
  for (const statement of ctx.tree.rootNode.namedChildren) {
    const assignment = statement?.type === 'expression_statement' ? statement.namedChildren[0] : undefined;
    if (assignment?.type !== 'assignment' || assignment.childForFieldName('left')?.text !== 'total_epochs') continue;
    const right = assignment.childForFieldName('right');
    const n = right?.type === 'integer' ? Number(right.text) : NaN;
    if (!right || !Number.isInteger(n) || n <= 0 || n > 100_000) return false;
    ctx.add('training.epochs', n, right, `total_epochs = ${n} (the mmcv 1.x runner's length)`, 'high');
    return true;
  }
  return false;
}

/** `train_cfg = dict(max_epochs=...)` / `runner = dict(max_iters=...)`: how long. */
function readSchedule(name: string, d: DictNode, ctx: PythonReadContext): void {
  const owner = `${name} (${d.type || 'dict'})`;
  const epochs = d.keywords.get('max_epochs');
  const iters = d.keywords.get('max_iters');
  if (iters) ctx.addResolved('training.steps', iters, `max_iters in ${owner}`, positive);
  if (epochs) ctx.addResolved('training.epochs', epochs, `max_epochs in ${owner}`, positive);
}

function positive(v: unknown): number | undefined {
  return typeof v === 'number' && v > 0 ? v : undefined;
}

/**
 * `optim_wrapper = dict(type=AmpOptimWrapper, dtype='float16', accumulative_counts=16)`. mmengine's
 * AmpOptimWrapper autocasts with `dtype` ("If set to None, the default data type will be used", i.e.
 * torch.autocast's float16 on CUDA; mmengine.readthedocs.io, mmengine.optim.AmpOptimWrapper); the plain
 * OptimWrapper does not autocast, so the model computes in the dtype it was loaded in.
 */
function readOptimWrapper(d: DictNode, ctx: PythonReadContext): void {
  // mmengine's OptimWrapperDict form (one wrapper per part of the model, a GAN's generator and discriminator:
  // `optim_wrapper = dict(generator=dict(type='AmpOptimWrapper', ...), discriminator=dict(...))`, mmengine docs
  // "Optimizer wrapper", multiple optimizers): the parts' wrappers say the precision.
  if (d.type === '' && !d.keywords.has('optimizer')) {
    const amp = [...d.keywords.values()].map(asDict).find((w) => w && /AmpOptimWrapper$/.test(w.type));
    if (amp) readOptimWrapper(amp, ctx);
    return;
  }
  const type = d.type;
  const accumulation = d.keywords.get('accumulative_counts');
  if (accumulation)
    ctx.addResolved('training.gradientAccumulation', accumulation, `accumulative_counts in optim_wrapper`, positive);
  if (!/AmpOptimWrapper$/.test(type)) return;
  const dtype = d.keywords.get('dtype');
  if (dtype) {
    ctx.addResolved(
      'training.precision',
      dtype,
      `dtype in optim_wrapper (${type})`,
      (v) => normalisePrecision(scalar(v)) ?? undefined,
    );
    return;
  }
  ctx.add(
    'training.precision',
    'fp16',
    d.call,
    `${type} without dtype: mmengine autocasts in torch.autocast's default, float16 on CUDA (mmengine AmpOptimWrapper docs)`,
    'medium',
  );
}

/** mmcv 1.x `fp16 = dict(loss_scale=512.)`: mixed precision in float16. */
function readFp16Block(d: DictNode, ctx: PythonReadContext): void {
  ctx.add('training.precision', 'fp16', d.call, '`fp16 = dict(...)`: mmcv mixed precision in float16', 'medium');
}

/** A top-level `train_pipeline = [` (OpenMMLab's list of data transforms). */
const TRAIN_PIPELINE = /^train_pipeline[ \t]*=[ \t]*\[/m;

/** The training input's size (mmInputSize.ts): what a vision run's forward pass is priced by. */
function readTrainInput(ctx: PythonReadContext): void {
  const input = trainInputSize(ctx);
  if (input) ctx.add('model.inputPixels', input.pixels, input.node, input.detail, 'medium');
}

/** A top-level `data = dict(` (mmcv 1.x's loaders and datasets). */
const LOADER = /^data[ \t]*=[ \t]*dict\(/m;

/**
 * Images each device takes a step in mmcv 1.x: `data = dict(samples_per_gpu=2)` (the train API builds one loader per
 * process with that batch; mmengine's `train_dataloader = dict(batch_size=...)` is read as any `batch_size` is).
 */
function readLoaderBatch(ctx: PythonReadContext): void {
  const value = asDict(ctx.symbols.lookup('data')?.node)?.keywords.get('samples_per_gpu');
  if (value)
    ctx.addResolved('training.batchPerDevice', value, 'samples_per_gpu in data: images per GPU', (v) =>
      typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : undefined,
    );
}

/** The kind of head on the model's backbone (mmInputSize.ts: visionHeadOf). */
function readVisionHead(model: DictNode, ctx: PythonReadContext): void {
  const head = visionHeadOf(model.type, new Set(model.keywords.keys()));
  if (!head) return;
  const keys = [...model.keywords.keys()].filter((k) => /head$/.test(k)).join(', ');
  ctx.add('model.visionHead', head, model.call, `${model.type || 'model'} with ${keys}: a ${head} network`, 'medium');
}

/** Module-level names the reader looks at (besides any `x = dict(type=LoraConfig, ...)`). */
/** A config that switches the test evaluator off (see the evaluation test in mmengineConfig). */
const TEST_EVALUATOR_NONE = /^test_evaluator[ \t]*=[ \t]*None[ \t]*(?:#.*)?$/m;
/** A base that holds a model tree alone (`_base_/models/tsn_r50.py`): no evaluator, data or schedule comes from it. */
const MODEL_BASE = /(?:^|\/)models\/[\w.-]+\.py$/;

/**
 * A config derived from model bases alone that adds the data pipeline and test loader an inferencer or a demo builds
 * the model with (`demo_configs/i3d_r50_video_infer.py`: `_base_` a model fragment, `test_pipeline`, `test_dataloader`
 * with no annotation file) and no training setting, evaluator or schedule: mmengine's Runner cannot test it (its
 * test_dataloader, test_cfg and test_evaluator are all set or none, runner.py), so it describes a model for loading;
 * the program that loads it with a checkpoint is the run.
 */
function pipelineDescription(dicts: ReadonlyMap<string, unknown>, bases: readonly string[], text: string): boolean {
  if (!dicts.has('test_dataloader') || bases.length === 0 || !bases.every((b) => MODEL_BASE.test(b))) return false;
  return !/^(?:train_dataloader|train_cfg|optim_wrapper|optimizer|runner|val_evaluator|test_evaluator|test_cfg|load_from)[ \t]*=/m.test(
    text,
  );
}
const WANTED = new Set([
  'model',
  'fp16',
  'optimizer_config',
  '_base_',
  'test_dataloader',
  'optimizer',
  'lr_config',
  ...SCHEDULE_NAMES,
]);
/**
 * An mmcv 1.x config written out whole, without a base (mmtracking 0.x, mmdetection 1.x, mmpose 0.x): the model beside
 * `optimizer = dict(...)` and the runner's length, `total_epochs = N` at the top (its train API hands
 * `cfg.total_epochs` to the EpochBasedRunner) or an `lr_config` schedule: the schedule is there, not inherited.
 */
const MMCV1_LENGTH = /^total_epochs[ \t]*=[ \t]*\d/m;
/** A line that starts a top-level `name = dict(`, `_base_ = ...` or `with read_base():`; `rest` is what follows `dict(` (looked at, not consumed: the next statement may start within it). */
const TOP_LEVEL_LINE = /^(?:([A-Za-z_]\w*)[ \t]*=[ \t]*(?:dict\((?=([\s\S]{0,120})))?|(with)[ \t]+read_base\(\))/gm;

function* topLevelLines(text: string, scalars = false): Generator<{ row: number; name: string; rest: string }> {
  let row = 0;
  let at = 0;
  for (const m of text.matchAll(TOP_LEVEL_LINE)) {
    const name = m[3] ?? m[1];
    // Only `dict(` assignments, `_base_` and `with read_base()` are the dialect's statements.
    if (!scalars && name !== 'with' && name !== '_base_' && m[2] === undefined) continue;
    for (; at < m.index; at++) if (text.charCodeAt(at) === 10) row++;
    yield { row, name, rest: m[2] ?? '' };
  }
}

/** The top-level statement that starts on a row (column 0), or undefined. */
function topLevelStatement(ctx: PythonReadContext, row: number): Node | undefined {
  let node: Node | null = ctx.tree.rootNode.descendantForPosition({ row, column: 0 });
  while (node?.parent && node.parent.type !== 'module') node = node.parent;
  return node?.parent?.type === 'module' && node.startPosition.row === row ? node : undefined;
}

/** A noise scheduler's registry type (diffusers `DDIMScheduler`, `DDPMScheduler`, `EulerDiscreteScheduler`, `EditDDIMScheduler`). */
const NOISE_SCHEDULER =
  /^(?:\w+\.)?\w*(?:DDIM|DDPM|PNDM|Euler\w*|DPMSolver\w*|UniPC\w*|LMS\w*|Heun\w*|LCM|Diffusion)Scheduler$/;

/**
 * A config that is only a model tree (no schedule, optimiser, data loader or base) and describes a generator ready to
 * sample: a diffusion model with its noise scheduler (`scheduler=dict(type='DDIMScheduler', ...)`, what a pipeline
 * denoises with), or a model whose components load published weights by Hub id (`from_pretrained=
 * 'org/name'`). OpenMMLab's inferencer and `init_model(config, checkpoint)` build such a config and generate with it
 * (mmagic docs, "Inference with pre-trained models"); nothing in it can train (mmengine's Runner needs
 * `train_dataloader`, `train_cfg` and an optimiser). A model tree that only names architectures and local checkpoint
 * files, with neither, stays a description for loading, not a run. Returns what was found, else undefined.
 */
function samplerConfig(model: DictNode, ctx: PythonReadContext): string | undefined {
  if (model.type === '' || /^(?:train|val|test)_dataloader[ \t]*=|^optim(?:izer|_wrapper)?[ \t]*=/m.test(ctx.text))
    return undefined;
  const tree = nestedDicts(model, 'model', ctx.symbols);
  const scheduler = tree.find(({ path, dict }) => /scheduler(?:_\w+)?$/i.test(path) && NOISE_SCHEDULER.test(dict.type));
  if (scheduler) return `${model.type} with a noise scheduler (${scheduler.path}: ${scheduler.dict.type})`;
  for (const { path, dict } of tree)
    for (const key of CHECKPOINT_KEYS) {
      const value = dict.keywords.get(key);
      const r = value ? evaluate(value, ctx.symbols) : undefined;
      if (typeof r?.value === 'string' && /^[\w.-]+\/[\w.-]+$/.test(r.value))
        return `${model.type} whose ${path}.${key} loads ${r.value}`;
    }
  return undefined;
}

/** The facts of a sampling config (see samplerConfig): an inference run of the model it describes. */
function readSamplerConfig(model: { statement: Node; dict: DictNode }, what: string, ctx: PythonReadContext): void {
  ctx.add(
    'run.framework',
    'mmengine',
    model.statement,
    `an mmengine (OpenMMLab) config of a model alone: ${what}`,
    'medium',
  );
  ctx.add(
    'launch.inference',
    'mmengine:config',
    model.statement,
    `an mmengine sampling config (${what}; no schedule, optimiser or data loader): an inferencer builds it and generates`,
    'medium',
  );
  const tree = nestedDicts(model.dict, 'model', ctx.symbols);
  readCheckpoint(tree, ctx);
  readAdapters(tree, ctx);
}

export const mmengineConfig: FileRule = {
  framework: 'mmengine',
  phase: 'after-calls',
  // Its words keep lines for the line prefilter; an OpenMMLab config may be a model dict alone.
  readsWithoutWords: true,
  words: ['train_cfg', 'optim_wrapper', '_base_', 'read_base'],
  // A literal first (fast to scan for; most files lack both), then the shape itself.
  runStart: [
    /_base|dict\(/,
    /^(?:train_cfg|optim_wrapper|runner|training_args|model)[ \t]*=[ \t]*dict\(|^_base_[ \t]*=|^with[ \t]+read_base\(\)/m,
  ],
  read: (_index, ctx) => {
    const shape = MMENGINE_SHAPE.test(ctx.text);
    // A dataset fragment (`_base_/datasets/coco_detection.py`: pipelines and loaders, no model or schedule) says
    // what size of image the configs that inherit it train on.
    // This rule reads every Python file: the plain searches first, the whole-text patterns only where they can match.
    const pipeline = ctx.text.includes('train_pipeline') && TRAIN_PIPELINE.test(ctx.text);
    const loader = ctx.text.includes('samples_per_gpu') && LOADER.test(ctx.text);
    if ((pipeline || loader) && !PROGRAM_STATEMENT.test(ctx.text)) {
      if (pipeline) readTrainInput(ctx);
      if (loader) readLoaderBatch(ctx);
    }
    if (!shape && (!MODEL_TREE.test(ctx.text) || PROGRAM_STATEMENT.test(ctx.text))) return;
    const dicts = new Map<string, { statement: Node; dict: DictNode }>();
    let base: Node | undefined;
    // Only the top-level lines that can be one of the dialect's statements are looked at (a config has a hundred
    // statements; turning each into a syntax node costs more than the rest of this reader).
    for (const { row, name, rest } of topLevelLines(ctx.text)) {
      const statement = topLevelStatement(ctx, row);
      if (!statement) continue;
      if (name === 'with') {
        if (statement.type === 'with_statement' && /^with\s+read_base\(\)/.test(statement.text)) base ??= statement;
        continue;
      }
      if (!WANTED.has(name) && !/^\s*type\s*=\s*[\w.]*LoraConfig\b/.test(rest)) continue;
      const assignment = statement.type === 'expression_statement' ? statement.namedChildren[0] : null;
      if (assignment?.type !== 'assignment') continue;
      const left = assignment.childForFieldName('left');
      const right = assignment.childForFieldName('right');
      if (left?.type !== 'identifier' || !right) continue;
      if (left.text === '_base_' && /^(string|list|tuple|concatenated_string)$/.test(right.type)) base ??= statement;
      const dict = asDict(right);
      // The last assignment wins, as when Python runs the file.
      if (dict) dicts.set(left.text, { statement, dict });
    }
    const model = dicts.get('model');
    const schedules = [...SCHEDULE_NAMES].filter((n) => dicts.has(n));
    // A complete config: the model tree beside how it is optimised, or beside the test loop's data (an evaluation
    // config: mmengine's Runner tests a model given `test_dataloader`, `test_cfg` and `test_evaluator`). A derived one
    // (`_base_`, `read_base()`) inherits the rest.
    const typed = model !== undefined && model.dict.type !== '';
    // `test_evaluator = None` beside a test loader: mmengine's Runner refuses to build (test_dataloader, test_cfg and
    // test_evaluator "should be either all None or not None", runner.py): a feature-extraction config, not an evaluation.
    const evaluation =
      typed && schedules.length === 0 && dicts.has('test_dataloader') && !TEST_EVALUATOR_NONE.test(ctx.text);
    const mmcv1Schedule = dicts.has('optimizer') && (dicts.has('lr_config') || MMCV1_LENGTH.test(ctx.text));
    const complete = typed && (schedules.length > 0 || evaluation || mmcv1Schedule);
    const sampler = !complete && !base && model !== undefined && samplerConfig(model.dict, ctx);
    if (sampler) {
      readSamplerConfig(model, sampler, ctx);
      return;
    }
    // A model fragment (`_base_/models/c3d_sports1m_pretrained.py`: a model tree alone) or a fragment of the config
    // shape: no run of its own; what it loads the configs that inherit it load.
    if (!complete && !base && (shape || model)) {
      // A schedule fragment (`_base_/schedules/imagenet_bs256.py`: no model, a `train_cfg` or `runner`): how long and in
      // what precision the configs that inherit it train; no run of its own, so only those settings.
      if (!model) readScheduleFragment(dicts, ctx);
      else {
        // A model tree alone says only what it loads; the verdict that an ImageNet backbone makes a pre-training is
        // left to the config that inherits it, which may load a whole checkpoint over it (`load_from`).
        readPretrainedInit(nestedDicts(model.dict, 'model'), ctx, !shape);
        readVisionHead(model.dict, ctx);
        const backbone = asDict(model.dict.keywords.get('backbone'));
        if (backbone) readTaskTrainedBackbone(backbone, ctx);
      }
      return;
    }
    if (!shape && !complete) return;
    // A dataset-preparation config (mmocr's Dataset Preparer): it builds a dataset, no model is trained or run.
    if (!complete && !model && datasetPreparer(ctx.text)) return;
    // A derived config that only sets sampling options samples: mmengineModuleSettings reads it.
    if (!complete && MODULE_SETTINGS.test(ctx.text) && /^sampling_option[ \t]*=/m.test(ctx.text)) return;
    if (!complete && model && headlessDescription(model.dict, baseNames(base), ctx.text)) return;
    if (!complete && pipelineDescription(dicts, baseNames(base), ctx.text)) return;
    if (!complete && model && deployDescription(model.dict, ctx.text)) return;
    const anchor = model?.statement ?? (schedules.length > 0 ? dicts.get(schedules[0])!.statement : base!);
    const what = complete
      ? schedules.length > 0
        ? `\`model\` with ${schedules.map((s) => `\`${s}\``).join(', ')}`
        : evaluation
          ? '`model` with `test_dataloader`'
          : '`model` with `optimizer` and an mmcv 1.x schedule'
      : `a config derived from \`${truncate(base!.text.replace(/^_base_\s*=\s*/, ''), 50)}\``;
    ctx.add('run.framework', 'mmengine', anchor, `an mmengine (OpenMMLab) config: ${what}`, 'medium');
    if (model) readVisionHead(model.dict, ctx);
    if (evaluationOnly(ctx.text, baseNames(base)))
      ctx.add(
        'launch.inference',
        'mmengine:config',
        anchor,
        `an mmengine evaluation config (${what}; no training loop or training data): the runner tests it (\`tools/test.py CONFIG CHECKPOINT\`)`,
        'medium',
      );
    else {
      ctx.add(
        'launch.trainer',
        'mmengine:config',
        anchor,
        `an mmengine config (${what}): the runner it is given to (\`tools/train.py CONFIG\`, \`xtuner train CONFIG\`) trains it`,
        'medium',
      );
      // A derived config that only changes parallelism, sizes or paths runs as what it inherits: an overlay on a
      // sampling config samples.
      if (!complete && base && !TRAINING_SETTING.test(ctx.text)) ctx.amendLast({ launchFromBase: true });
    }
    if (model) {
      const tree = nestedDicts(model.dict, 'model', ctx.symbols);
      if (!readCheckpoint(tree, ctx)) readClipArch(tree, ctx);
      readAdapters(tree, ctx);
      readPretrainedInit(tree, ctx);
    }
    // Adapters and quantisation given beside the model (the Hugging Face Trainer form: `lora = dict(type=LoraConfig)`).
    for (const [name, { dict }] of dicts)
      if (name !== 'model' && /(^|\.)LoraConfig$/.test(dict.type))
        ctx.add('training.adapter', 'lora', dict.call, `${dict.type} in \`${name}\`: a PEFT adapter is trained`);
    for (const name of ['train_cfg', 'runner']) {
      const d = dicts.get(name);
      if (d) readSchedule(name, d.dict, ctx);
    }
    const totalEpochs = readTotalEpochs(ctx, dicts.get('runner')?.dict.keywords.has('max_epochs') === true);
    // The Hugging Face Trainer form (`training_args = dict(type=TrainingArguments, num_train_epochs=1, fp16=True)`).
    const args = dicts.get('training_args');
    if (args) readTrainingKeywords(args.dict.call, ctx, `${args.dict.type || 'dict'} in training_args`);
    const optim = dicts.get('optim_wrapper');
    if (optim) readOptimWrapper(optim.dict, ctx);
    // mmcv 1.x's `fp16 = dict(loss_scale=...)` is not read by mmengine's Runner (its mixed precision is the
    // AmpOptimWrapper alone: mmengine docs "Mixed precision training"; OpenMMLab 2.x tools/train.py `--amp` swaps the
    // wrapper type): beside an `optim_wrapper` (the 2.x form) the key is a leftover that switches nothing on.
    const fp16 = optim ? undefined : dicts.get('fp16');
    if (fp16) readFp16Block(fp16.dict, ctx);
    const hook = dicts.get('optimizer_config');
    if (hook) readOptimizerHook(hook.dict, fp16 !== undefined, ctx);
    const bases = baseNames(base);
    linkBases(base, bases, ctx);
    // A length the file does not state is the schedule base's, by its name (also when that file is not here).
    const ownLength =
      totalEpochs ||
      ['train_cfg', 'runner'].some((n) => {
        const d = dicts.get(n)?.dict.keywords;
        return d?.has('max_iters') || d?.has('max_epochs');
      }) ||
      (base !== undefined && readBaseLengthUpdate(ctx));
    const schedule = ownLength ? undefined : bases.map(scheduleFromBaseName).find((s) => s !== undefined);
    if (schedule && base)
      ctx.add(
        schedule.kind,
        schedule.value,
        base,
        `the schedule base it inherits, by its name (${schedule.kind === 'training.steps' ? `${schedule.value} iterations` : `${schedule.value} epochs`})`,
        'medium',
      );
    if (model) readDetectorBackbone(model.dict, model.statement, bases, ctx);
    if (model) readRtmpose(model.dict, ctx);
    if (model) readGeneratorSize(model.dict, ctx);
    if (model) readModuleHalfPrecision(nestedDicts(model.dict, 'model', ctx.symbols), ctx);
    else {
      readVariantName(ctx);
      readFlatModelName(ctx);
    }
    if (model || base) readLoadFrom(anchor, ctx);
  },
};

/**
 * `init_cfg=dict(type='Pretrained', checkpoint=...)` anywhere in the model tree: mmengine's `PretrainedInit` loads
 * those weights into the module when the runner initialises the model (mmengine.readthedocs.io, "Weight
 * initialization"), so the run fine-tunes them. An empty `checkpoint=''` is the slot the launch fills
 * (`--cfg-options model.backbone.init_cfg.checkpoint=...`, as the self-supervised benchmarks' READMEs do): still a
 * fine-tune of weights trained elsewhere. Also read in a model fragment, for the configs that inherit it.
 */
function readPretrainedInit(
  dicts: ReadonlyArray<{ path: string; dict: DictNode }>,
  ctx: PythonReadContext,
  loadedWeightsOnly = false,
): void {
  const inits = dicts.filter(
    ({ path, dict }) => /(?:^|\.)init_cfg$/.test(path) && /^(?:\w+\.)?Pretrained(?:Init)?$/.test(dict.type),
  );
  if (inits.length === 0) {
    const wrapped = WHOLE_MODEL_INIT.exec(ctx.text);
    if (wrapped) {
      const row = ctx.text.slice(0, wrapped.index).split('\n').length - 1;
      const statement = topLevelStatement(ctx, row);
      if (statement)
        ctx.add(
          'model.fromScratch',
          false,
          statement,
          `${truncate(wrapped[0], 60)}: mmengine loads those weights into the wrapped model before training`,
          'medium',
        );
    }
    return;
  }
  // The backbone's init decides when it is the only weights of the network loaded (a head's small auxiliary net, a
  // rescoring MLP, loading its own checkpoint does not make the detector a fine-tune of a trained one).
  const backbone = inits.find(({ path }) => path === 'model.backbone.init_cfg');
  const whole = inits.find(({ path }) => path === 'model.init_cfg');
  // An ImageNet classifier's own run (`type='ImageClassifier'`, an ImageNet dataset base) loading an ImageNet checkpoint
  // continues the same task: that is a fine-tune, the rule below is for networks trained on another task.
  const source =
    backbone && !whole && !WHOLE_MODEL_INIT.test(ctx.text) && !IMAGENET_CLASSIFICATION_RUN.test(ctx.text)
      ? classificationBackbone(backbone.dict, ctx)
      : undefined;
  if (backbone && source && loadedWeightsOnly) return;
  if (backbone && source && !loadsCheckpoint(ctx.text)) {
    const detail = `${backbone.path} loads ${truncate(source, 80)}, an ImageNet classification backbone only`;
    ctx.add(
      'model.fromScratch',
      true,
      backbone.dict.call,
      `${detail}: the rest of the network starts at random`,
      'medium',
    );
    ctx.add(
      'training.mode',
      'pretrain',
      backbone.dict.call,
      `${detail}: the model is trained on its task, not fine-tuned`,
      'medium',
    );
    return;
  }
  const init = whole ?? backbone ?? inits[0];
  ctx.add(
    'model.fromScratch',
    false,
    init.dict.call,
    `${init.path} of type ${init.dict.type}: mmengine loads those weights into the model before training`,
    'medium',
  );
}

/** A top-level `algorithm.init_cfg = dict(type='Pretrained', ...)` (a wrapped model's whole weights, mmrazor's form). */
const WHOLE_MODEL_INIT = /^[A-Za-z_]\w{0,60}\.init_cfg[ \t]*=[ \t]*dict\([^\n]{0,200}Pretrained/m;

/** A config of ImageNet classification: the classifier type, or a dataset base of ImageNet (`_base_/datasets/imagenet_bs64.py`). */
const IMAGENET_CLASSIFICATION_RUN = /type=['"]ImageClassifier['"]|_base_\/datasets\/imagenet/;

/** `load_from = '<path>'` (not None) at the top level. */
function loadsCheckpoint(text: string): boolean {
  let load: RegExpMatchArray | undefined;
  for (const m of text.matchAll(LOAD_FROM)) load = m;
  return load !== undefined && load[1] !== 'None' && load[1].length > 2;
}

/**
 * Checkpoints of ImageNet classification backbones, as OpenMMLab configs hand them to a backbone's `init_cfg`:
 * mmengine's model-zoo schemes `torchvision://resnet50` (torchvision's ImageNet weights) and `open-mmlab://...` (mmcv's
 * `open_mmlab.json` of ImageNet-pretrained backbones; mmengine `CheckpointLoader`, "load_from_torchvision" and
 * "load_from_openmmlab"); a file whose name states ImageNet (`_in1k`, `imagenet`, `_22k`, as OpenMMLab names
 * classification checkpoints); or a file named for the architecture alone (`hrnet_w32-36af842e.pth`,
 * `mae_pretrain_vit_base.pth`): OpenMMLab names a checkpoint trained on a downstream task with its schedule, input
 * size or data (`td-hm_res50_8xb64-210e_coco-256x192.pth`, `yolox_s_8x8_300e_coco.pth`), so a name with none of those
 * is the backbone's own pre-training. Returns the checkpoint as written, else undefined.
 */
const MODEL_ZOO_SCHEME = /^(?:torchvision|open-mmlab):\/\//;
const IMAGENET_NAME = /(?:^|[_.-])(?:in1k|in21k|in22k|imagenet(?:1k|21k|22k)?|1k|21k|22k)(?=$|[_.-])/i;
/**
 * A field of a downstream run's checkpoint name: epochs, iterations, `{gpu}x{batch}`, an input size, a dataset (the
 * detection, segmentation and pose sets, and the video sets mmaction2 names its checkpoints by: Kinetics-400/600/700/710,
 * Sports-1M, UCF101, HMDB51, Something-Something V1/V2, AVA, ActivityNet, MSR-VTT, NTU RGB+D 60/120; mmaction2 docs,
 * "Config name style").
 */
const TASK_FIELD =
  /(?:^|[_.-])(?:\d{1,5}e|\d{1,4}k|\d{1,4}xb?\d{1,5}|coco|voc|lvis|cityscapes|ade20k|objects365|o365|aic|mpii|crowdpose|h36m|(?:kinetics|k)(?:400|600|700|710)|sports1m|ucf101|hmdb51|sthv[12]|ssv2|ava(?:\d{2})?|activitynet|msrvtt|ntu(?:60|120))(?=$|[_.-])/i;

/** A checkpoint file's name without its hash and date suffixes (`-36af842e`, `_20230913`). */
function checkpointStem(name: string): string {
  return name.replace(/(?:[_-](?:[0-9a-f]{8}|\d{8}(?:_\d{6})?))+$/i, '');
}

/**
 * A backbone's weights saved as `.model` (pysot's ImageNet-pretrained `resnet50.model`, which mmtracking's SOT configs
 * load as `pretrained_weights/sot_resnet50.model`): only as a backbone init's checkpoint, where no tokenizer is meant.
 * Or as a tar'd PyTorch checkpoint (`poolformer_s12.pth.tar`, the release format of timm-trained classifiers).
 */
const BACKBONE_WEIGHTS_FILE = /(?:^|[\\/])([A-Za-z][\w.-]{0,120}?)\.(?:model|pth\.tar)$/;

function classificationBackbone(init: DictNode, ctx: PythonReadContext): string | undefined {
  const node = init.keywords.get('checkpoint');
  if (!node || node.text.length > 400) return undefined;
  const value = evaluate(node, ctx.symbols)?.value;
  if (typeof value !== 'string' || value.length > 400) return undefined;
  if (MODEL_ZOO_SCHEME.test(value)) return value;
  const file = CHECKPOINT_FILE.exec(value) ?? BACKBONE_WEIGHTS_FILE.exec(value);
  if (!file) return undefined;
  const stem = checkpointStem(file[1]);
  if (IMAGENET_NAME.test(stem)) return value;
  return TASK_FIELD.test(stem) ? undefined : value;
}

/**
 * A classifier config without a head, schedule or training data (`model = dict(type='ImageClassifier',
 * backbone=dict(...))` over the runtime base alone, evaluation switched off with `test_evaluator = None`): the
 * description of a backbone for loading converted weights (`get_model(cfg, pretrained=ckpt)` as a feature extractor),
 * not a job the runner can train or evaluate. Read from its shape: the model has no `head` (or `head=None`), the file
 * sets no training settings and inherits no dataset or schedule base.
 */
function headlessDescription(model: DictNode, bases: readonly string[], text: string): boolean {
  if (!/Classifier$/.test(model.type)) return false;
  const head = model.keywords.get('head');
  if (head && head.type !== 'none') return false;
  if (/^(?:train_dataloader|train_cfg|optim_wrapper|val_evaluator)[ \t]*=/m.test(text)) return false;
  if (/^test_evaluator[ \t]*=[ \t]*dict\(/m.test(text)) return false;
  return !bases.some((b) => /(?:^|\/)(?:datasets|schedules)\//.test(b));
}

/**
 * A derived config whose model is a deployment wrapper (mmrazor's `GroupFisherDeploySubModel`, `DCFFDeploySubModel`:
 * "the deployed model" built from a pruned structure, `fix_subnet`, for export and loading; mmrazor docs, "Pruning",
 * the deploy config of each pruning algorithm) and that sets no training setting of its own: the description of an
 * architecture to export or load, not a run.
 */
function deployDescription(model: DictNode, text: string): boolean {
  if (!/^(?:\w+\.)?\w*Deploy\w*$/.test(model.type)) return false;
  return !/^(?:train_dataloader|train_cfg|optim_wrapper|optimizer|param_scheduler|runner|load_from)[ \t]*=/m.test(text);
}

/**
 * mmocr's Dataset Preparer configs (`tools/dataset_converters/prepare_dataset.py` reads them; mmocr docs
 * "Dataset Preparer"): `train_preparer = dict(obtainer=..., gatherer=..., parser=..., packer=..., dumper=...)`, the
 * same for `test_preparer`, and `config_generator = dict(type=...ConfigGenerator)`, a derived one changing only those
 * (`_base_.train_preparer.packer.type = ...`). They download and convert a dataset: data preparation, no run. Read
 * from those keys, with none of a run's (a model, a data loader, a schedule or an optimiser) beside them.
 */
const PREPARER_KEYS =
  /^(?:(?:train|val|test)_preparer[ \t]*=[ \t]*dict\(|config_generator[ \t]*=[ \t]*dict\(|_base_\.(?:train|val|test)_preparer\.)/m;
const RUN_KEYS =
  /^(?:_base_\.)?(?:model|train_dataloader|val_dataloader|test_dataloader|train_cfg|optim_wrapper|optimizer|param_scheduler|runner|data|load_from|training_args)\b/m;

function datasetPreparer(text: string): boolean {
  return PREPARER_KEYS.test(text) && !RUN_KEYS.test(text);
}

/**
 * A config the runner can only test: it switches training off (`train_cfg = None` or `train_dataloader = None`:
 * mmengine's Runner builds no training loop without both, mmengine.readthedocs.io "Runner"), or it sets testing
 * (`test_dataloader`/`test_cfg`) and nothing of training, inheriting no dataset or schedule base that could (a zero-shot
 * classifier or a captioner over the runtime base alone).
 */
/** A module-level setting only a training run has (its optimiser, schedule, length, data loader, resumption). */
const TRAINING_SETTING =
  /^(?:\w{0,40}_)?(?:optim\w{0,40}|optimizer|lr(?:_\w{1,40})?|learning_rate|epochs?|max_epochs|num_epochs|total_epochs|max_iters|max_steps|train_\w{1,40}|grad_\w{1,40}|warmup\w{0,40}|ema\w{0,40}|accumulation_steps|ckpt_every|param_scheduler|runner|load_from|resume\w{0,40})[ \t]*=/m;

function evaluationOnly(text: string, bases: readonly string[]): boolean {
  // Also in a chained assignment (`train_cfg = train_dataloader = optim_wrapper = None`: each name is bound to None).
  if (
    /^(?:train_cfg|train_dataloader)[ \t]*=[ \t]*(?:[A-Za-z_]\w{0,40}[ \t]*=[ \t]*){0,6}None[ \t]*(?:#.*)?$/m.test(text)
  )
    return true;
  if (!/^(?:test_dataloader|test_cfg)[ \t]*=/m.test(text)) return false;
  if (
    /^(?:_base_\.)?(?:train_dataloader|train_cfg|optim_wrapper|optimizer|runner|param_scheduler|lr_config|total_epochs|max_epochs|max_iters)\b/m.test(
      text,
    )
  )
    return false;
  if (bases.some((b) => /(?:^|\/)schedules\//.test(b))) return false;
  // A dataset base may define the training loader (mmdetection's `_base_/datasets/coco_detection.py`); without a
  // schedule, a training loop (`train_cfg`) and an optimiser, mmengine's Runner cannot train ("Please provide
  // `train_dataloader`, `train_cfg`, `optimizer` and `param_scheduler`"), so a config inheriting only pieces by the
  // convention (`../_base_/...`, `_base_<model>.py`: a model, datasets, the runtime) and no schedule only tests.
  const pieces = bases.length > 0 && bases.every((b) => /(?:^|\/)_base_(?:\/|[^/]*\.py$)/.test(b));
  return pieces || !bases.some((b) => /(?:^|\/)datasets\//.test(b));
}

/** What a schedule fragment states, for the configs that inherit it (no run facts: it is no run alone). */
function readScheduleFragment(dicts: ReadonlyMap<string, { dict: DictNode }>, ctx: PythonReadContext): void {
  let length = false;
  for (const name of ['train_cfg', 'runner']) {
    const d = dicts.get(name)?.dict;
    if (!d || !(d.keywords.has('max_epochs') || d.keywords.has('max_iters'))) continue;
    readSchedule(name, d, ctx);
    length = true;
  }
  const optim = dicts.get('optim_wrapper');
  if (length && optim) readOptimWrapper(optim.dict, ctx);
}

/** `from .._base_.models.resnet18 import *` inside `with read_base():` (a module path, leading dots relative). */
const READ_BASE_IMPORT = /^from[ \t]+(\.{1,4})([A-Za-z_][\w.]{0,200})[ \t]+import\b/;
/** Bases followed from one config (a hostile list is not walked further). */
const MAX_LINKED_BASES = 12;

/**
 * The configs this one inherits, linked so that what they state joins the run (mmengine `Config.fromfile` merges the
 * bases, then this file's own keys over them: mmengine.readthedocs.io, "Config", inheritance): `_base_ = [...]`
 * entries as written (relative to this file), and the new-style `with read_base(): from .<module> import *` imports,
 * whose module path is a file beside this one (one leading dot for this folder, each further dot one folder up).
 */
function linkBases(base: Node | undefined, bases: readonly string[], ctx: PythonReadContext): void {
  if (!base) return;
  const files: string[] = [];
  if (base.type === 'with_statement') {
    for (const line of base.text.split('\n').slice(0, 64)) {
      const m = READ_BASE_IMPORT.exec(line.trim());
      if (!m) continue;
      const up = m[1].length - 1;
      files.push(`${up === 0 ? './' : '../'.repeat(up)}${m[2].replace(/\./g, '/')}.py`);
    }
  } else files.push(...bases.filter((b) => /\.py$/.test(b)));
  for (const file of files.slice(0, MAX_LINKED_BASES))
    ctx.add('link.config', file, base, `_base_: ${file} (a config this one inherits)`, 'low');
}

/** A module-level `model = '<name>'` (a string, not a dict tree); the last one wins, as when Python runs the file. */
const MODEL_STRING = /^model[ \t]*=[ \t]*['"]([A-Za-z][\w./-]{0,79})['"]/gm;

/**
 * Diffusion-transformer repositories that keep mmcv-style configs (`_base_` inheritance) name the network by a string
 * their builder looks up in a registry: `model = 'PixArt_XL_2'`, `model = 'DiT_XL_2'`. Read only when the name has
 * DiT's variant shape (a family word, S/B/L/XL, the patch size), which states the geometry.
 */
function readVariantName(ctx: PythonReadContext): void {
  let last: RegExpMatchArray | undefined;
  for (const m of ctx.text.matchAll(MODEL_STRING)) last = m;
  if (!last || !ditVariantOf(last[1])) return;
  const statement = topLevelStatement(ctx, rowOf(ctx.text, last.index ?? 0).startLine);
  if (!statement) return;
  ctx.add(
    'model.id',
    last[1],
    statement,
    `model = '${last[1]}': the network the config's builder looks up by name`,
    'medium',
  );
  // mmcv's `load_from` (the runner loads that checkpoint before training; None: nothing is loaded).
  let load: RegExpMatchArray | undefined;
  for (const m of ctx.text.matchAll(LOAD_FROM)) load = m;
  if (!load) return;
  ctx.add(
    'model.fromScratch',
    load[1] === 'None',
    statement,
    load[1] === 'None'
      ? `load_from = None: ${last[1]} is built from random weights`
      : `load_from = ${truncate(load[1], 60)}: ${last[1]} starts from a checkpoint`,
    'medium',
  );
}

/** `modelname = 'dino'`, `backbone = 'resnet50'`: flat top-level names, each a whole line. */
const FLAT_MODEL_NAME = /^modelname[ \t]*=[ \t]*['"]([A-Za-z][\w.-]{0,60})['"][ \t]*(?:#.*)?$/m;
const FLAT_BACKBONE = /^backbone[ \t]*=[ \t]*['"]([A-Za-z][\w.-]{0,60})['"][ \t]*(?:#.*)?$/m;
/**
 * A config of flat top-level settings (the SLConfig files of IDEA-Research's DINO, DN-DETR and DAB-DETR:
 * `modelname = 'dino'`, `backbone = 'resnet50'`, `epochs = 12`, with a `_base_` of data settings): `modelname` is the
 * name the program's builder registry looks the detector up by (`build_model(args)` → `MODULE_BUILD_FUNCS.get(
 * args.modelname)`), `backbone` the backbone it is built on; together they name the model (`dino` on `resnet-50`).
 */
function readFlatModelName(ctx: PythonReadContext): void {
  const name = FLAT_MODEL_NAME.exec(ctx.text);
  if (!name) return;
  const at = (m: RegExpExecArray) => topLevelStatement(ctx, rowOf(ctx.text, m.index).startLine);
  const statement = at(name);
  if (!statement) return;
  ctx.add(
    'model.id',
    name[1],
    statement,
    `modelname = '${name[1]}': the detector the program's builder looks up by name`,
    'medium',
  );
  // No checkpoint key of its own (`pretrain_model_path`, `load_from`, `resume`): the builder initialises the detector
  // itself, its backbone from ImageNet weights at most; weights given on the launch line are read there (higher).
  if (!/^(?:\w*pretrain\w*|load_from|resume\w*|finetune\w*)[ \t]*=/m.test(ctx.text))
    ctx.add(
      'model.fromScratch',
      true,
      statement,
      `modelname = '${name[1]}' with no checkpoint to load in the config: the builder initialises the detector itself`,
      'low',
    );
  const backbone = FLAT_BACKBONE.exec(ctx.text);
  const variant = backbone ? backboneVariant(backbone[1]) : undefined;
  const backboneStatement = backbone && variant ? at(backbone) : undefined;
  if (backbone && variant && backboneStatement)
    ctx.add('model.variant', variant, backboneStatement, `backbone = '${backbone[1]}': a ${variant} backbone`, 'low');
}

/**
 * mmengine's Python-style edit of an inherited value (mmengine.readthedocs.io, "Config", "Modify the variables of
 * `_base_`"): `_base_.train_cfg.update(dict(max_epochs=200, val_interval=10))`, `_base_.train_cfg.update(max_iters=
 * 5000)` or `_base_.train_cfg.max_epochs = 200` sets the length of the run over the schedule base's. The last one
 * written wins, as when Python runs the file. Bounded pieces: linear.
 */
const BASE_LENGTH_UPDATE =
  /^_base_\.(train_cfg|runner)\.(?:update\((?:dict\()?[^\n#]{0,200}?\bmax_(epochs|iters)[ \t]*=[ \t]*(\d{1,9})\b|max_(epochs|iters)[ \t]*=[ \t]*(\d{1,9})[ \t]*(?:#.*)?$)/gm;

function readBaseLengthUpdate(ctx: PythonReadContext): boolean {
  if (!ctx.text.includes('_base_.')) return false;
  let last: RegExpMatchArray | undefined;
  for (const m of ctx.text.matchAll(BASE_LENGTH_UPDATE)) last = m;
  if (!last) return false;
  const value = Number(last[3] ?? last[5]);
  const unit = last[2] ?? last[4];
  if (!(value > 0)) return false;
  const statement = topLevelStatement(ctx, rowOf(ctx.text, last.index ?? 0).startLine);
  if (!statement) return false;
  ctx.add(
    unit === 'epochs' ? 'training.epochs' : 'training.steps',
    value,
    statement,
    `max_${unit} = ${value} set over the inherited \`_base_.${last[1]}\``,
    'high',
  );
  return true;
}

/** `load_from = '<checkpoint>'`: the runner loads it before training (mmengine Runner `load_from`), a fine-tune. */
function readLoadFrom(anchor: Node, ctx: PythonReadContext): void {
  let load: RegExpMatchArray | undefined;
  for (const m of ctx.text.matchAll(LOAD_FROM)) load = m;
  if (!load || load[1] === 'None' || load[1].length <= 2) return;
  ctx.add(
    'model.fromScratch',
    false,
    anchor,
    `load_from = ${truncate(load[1], 60)}: the runner loads that checkpoint before training`,
    'medium',
  );
}

/** A module-level `load_from = None` or `load_from = '<path>'`. */
const LOAD_FROM = /^load_from[ \t]*=[ \t]*(None|['"][^'"\n]{1,200}['"])/gm;

/** A detector or segmentor on a known backbone: its name (catalog rows give the published sizes) and its start. */
function readDetectorBackbone(
  model: DictNode,
  statement: Node,
  bases: readonly string[],
  ctx: PythonReadContext,
): void {
  const backbone = asDict(model.keywords.get('backbone'));
  const named = backboneModel(model.keywords, backbone?.keywords, bases);
  if (!named && backbone) readNamedBackboneCheckpoint(backbone, ctx);
  if (!named || !backbone) return;
  ctx.add(
    'model.id',
    named.id,
    backbone.call,
    `${named.method} on a ${named.family} ${named.size} backbone (its stage depths and widths)`,
    'medium',
  );
  readBackboneInit(model.keywords, backbone.keywords, named.family, statement, ctx);
}

/**
 * Half precision switched on in the model's own modules: mmcv's `fp16_enabled=True` (the `auto_fp16` decorator
 * casts the module's inputs to float16 when the attribute is set; mmcv docs, "fp16_utils"), a StyleGAN2/3
 * generator's or discriminator's `num_fp16_scales=N` (its N highest resolutions compute in float16, as in NVIDIA's
 * StyleGAN2-ADA `num_fp16_res`), and a guided-diffusion UNet's `use_fp16=True` (its blocks converted to float16,
 * openai/guided-diffusion `convert_to_fp16`). The first such switch in the tree is read.
 */
function readModuleHalfPrecision(tree: ReadonlyArray<{ path: string; dict: DictNode }>, ctx: PythonReadContext): void {
  for (const { path, dict } of tree)
    for (const key of ['fp16_enabled', 'num_fp16_scales', 'use_fp16']) {
      const node = dict.keywords.get(key);
      if (!node) continue;
      const on = key === 'num_fp16_scales' ? /^[1-9]\d{0,2}$/.test(node.text) : node.text === 'True';
      if (!on) continue;
      ctx.add(
        'training.precision',
        'fp16',
        node,
        `${key}=${node.text} in ${path}: the module computes in float16`,
        'medium',
      );
      return;
    }
}

/**
 * An RTMPose estimator (mmBackbone.ts, rtmposeVariant): the variant its backbone factors state, named as the catalog's
 * published rows; with another keypoint set than COCO's 17, the size is the published one plus the head's last layer
 * for the other keypoints (counted, so the row's 17-keypoint size is not shown for it).
 */
function readRtmpose(model: DictNode, ctx: PythonReadContext): void {
  const backbone = asDict(model.keywords.get('backbone'));
  const head = asDict(model.keywords.get('head'));
  if (!backbone || !head) return;
  const value = (node: Node | undefined) => {
    const v = node && node.text.length < 200 ? evaluate(node, ctx.symbols)?.value : undefined;
    return typeof v === 'number' ? v : undefined;
  };
  const found = rtmposeVariant(backbone.keywords, head.keywords, value);
  if (!found) return;
  const row = findModel(found.id);
  ctx.add(
    'model.id',
    found.id,
    backbone.call,
    `${backbone.type} with RTMPose-${found.id.slice(-1)}'s depth and width factors under an ${head.type}`,
    'medium',
  );
  // mmengine builds each module with its own initialisation unless an init_cfg of type Pretrained or `load_from` loads
  // weights (mmengine "Weight initialization"); those are read at a higher confidence, also from the bases.
  if (!ctx.facts.some((f) => f.kind === 'model.fromScratch') && !/^load_from[ \t]*=[ \t]*['"]/m.test(ctx.text))
    ctx.add(
      'model.fromScratch',
      true,
      backbone.call,
      `${found.id}: no Pretrained init_cfg and no load_from in the config, so the network starts from its own initialisation`,
      'low',
    );
  if (found.extra === 0 || !row) return;
  ctx.add(
    'model.params',
    row.params + found.extra,
    head.call,
    `${found.id} (${row.params.toLocaleString('en-US')} for 17 keypoints) with ${found.keypoints} keypoints: its last layer adds ${found.extra.toLocaleString('en-US')} parameters`,
    'medium',
  );
}

/** The size of a super-resolution generator the model tree states by its dimensions (mmBackbone.ts). */
function readGeneratorSize(model: DictNode, ctx: PythonReadContext): void {
  const generator = asDict(model.keywords.get('generator'));
  if (!generator) return;
  const value = (node: Node | undefined) => {
    const v = node ? evaluate(node, ctx.symbols)?.value : undefined;
    return typeof v === 'number' ? v : undefined;
  };
  const counted = restorationGeneratorParams(generator.keywords, value);
  if (counted)
    ctx.add(
      'model.params',
      counted.params,
      generator.call,
      `${counted.said}: ${counted.params.toLocaleString('en-US')} parameters, counted from its layers`,
      'medium',
    );
}

/** A checkpoint file whose name may state the network (`./pretrained/intern_vit_6b_224px.pth`). Bounded, so linear. */
const CHECKPOINT_FILE = /(?:^|[\\/])([A-Za-z][\w.-]{0,120})\.(?:pth|pt|ckpt|bin|safetensors)$/;

/**
 * A backbone of a family the size table does not know, whose `pretrained=` (a string, or a module-level name bound to
 * one: `pretrained = './pretrained/intern_vit_6b_224px.pth'`) is a checkpoint file named for its network: the
 * detector or segmentor fine-tunes that network, named by its file (the head on top is small beside a backbone that
 * needs its size in its name to be told apart). Only a file whose name states a size; otherwise the model stays
 * unnamed, as before.
 */
function readNamedBackboneCheckpoint(backbone: DictNode, ctx: PythonReadContext): void {
  const checkpoint = backboneCheckpoint(backbone, ctx);
  if (!checkpoint) return;
  const { weights, value, file } = checkpoint;
  if (!sizeFromModelName(file)) {
    readTaskTrainedBackbone(backbone, ctx, checkpoint);
    return;
  }
  ctx.add(
    'model.id',
    file,
    weights,
    `backbone pretrained=${truncate(value, 80)}: the network its checkpoint file names`,
    'medium',
  );
  ctx.add('model.fromScratch', false, weights, `the backbone loads ${truncate(value, 80)}`, 'high');
}

/** A backbone's `pretrained=` checkpoint file (a string, or a module-level name bound to one) and its file name. */
function backboneCheckpoint(
  backbone: DictNode,
  ctx: PythonReadContext,
): { weights: Node; value: string; file: string } | undefined {
  const weights = backbone.keywords.get('pretrained');
  if (!weights || weights.text.length > 300) return undefined;
  const value = evaluate(weights, ctx.symbols)?.value;
  const file = typeof value === 'string' && value.length <= 300 ? CHECKPOINT_FILE.exec(value) : null;
  return file ? { weights, value: value as string, file: file[1] } : undefined;
}

/**
 * A backbone whose `pretrained=` checkpoint OpenMMLab names for a downstream run (`c3d_sports1m_pretrain_20201016-
 * dcc47ddc.pth`: a video classifier trained on Sports-1M; TASK_FIELD): the network continues from weights trained on
 * a task, a fine-tune. A backbone's own pre-training (`torchvision://resnet50`, `resnet50_in1k.pth`) keeps the task
 * model's run a pre-training. Also read in a model fragment (`_base_/models/…`), for the configs that inherit it.
 */
function readTaskTrainedBackbone(
  backbone: DictNode,
  ctx: PythonReadContext,
  checkpoint = backboneCheckpoint(backbone, ctx),
): void {
  if (!checkpoint || !TASK_FIELD.test(checkpointStem(checkpoint.file))) return;
  ctx.add(
    'model.fromScratch',
    false,
    checkpoint.weights,
    `backbone pretrained=${truncate(checkpoint.value, 80)}: weights trained on a task (its name states the run's data or schedule)`,
    'medium',
  );
}

/**
 * mmcv 1.x optimizer hooks: `Fp16OptimizerHook`, and the `DistOptimizerHook(use_fp16=True)` of the Swin/ConvNeXt
 * detection and segmentation code (mmcv_custom/runner: apex `amp.scale_loss` when use_fp16, i.e. apex mixed
 * precision in float16); `use_fp16=False` keeps float32.
 */
function readOptimizerHook(d: DictNode, hasFp16Block: boolean, ctx: PythonReadContext): void {
  const flag = d.keywords.get('use_fp16');
  if (/Fp16OptimizerHook$/.test(d.type) || flag?.text === 'True')
    ctx.add(
      'training.precision',
      'fp16',
      flag ?? d.call,
      `optimizer_config ${d.type || 'dict'}: float16 mixed precision`,
      'medium',
    );
  else if (flag?.text === 'False' && !hasFp16Block)
    ctx.add(
      'training.precision',
      'fp32',
      flag,
      `optimizer_config use_fp16=False: no mixed precision (float32)`,
      'medium',
    );
}

/**
 * mmengine-style configs of module-level settings, read by a project's own trainer or sampler (`cfg =
 * parse_configs()` then `cfg.get("epochs")`, Open-Sora's scripts/diffusion/{train,inference}.py): `model =
 * dict(type=..., from_pretrained=None | "<weights>", <architecture>)`, `epochs = 1000`, `dtype = "bf16"`, an
 * inference config's `sampling_option = dict(...)` or `save_dir = "samples"`; `_base_ = ["image.py", "plugins/sp.py"]` inherits sibling configs
 * (linked, so what they state joins the run unless this file states it). A config with `epochs` trains; one whose
 * model loads weights and that sets no epochs or optimiser generates with it. The registry type is not a model
 * name, except where the architecture written is a published one: FLUX.1's transformer (hidden 3072 = 24 heads ×
 * 128, 19 double-stream and 38 single-stream blocks: diffusers FluxTransformer2DModel config of
 * black-forest-labs/FLUX.1-dev, transformer/config.json).
 */
const MODEL_DICT = /^model[ \t]*=[ \t]*dict\(/m;
const MODULE_SETTINGS = /^(?:epochs[ \t]*=[ \t]*\d|sampling_option[ \t]*=[ \t]*dict\(|save_dir[ \t]*=[ \t]*["'])/m;
/** Names read at the top level by this rule. */
const SETTINGS = new Set(['model', 'epochs', 'dtype', 'sampling_option', 'optim', '_base_']);
/** `_base_` entries followed (a hostile list is not walked further). */
const MAX_BASES = 8;

function flux1Architecture(model: DictNode): boolean {
  const num = (k: string) => model.keywords.get(k)?.text.replace(/_/g, '');
  return (
    model.type === 'flux' &&
    num('hidden_size') === '3072' &&
    num('num_heads') === '24' &&
    num('depth') === '19' &&
    num('depth_single_blocks') === '38'
  );
}

export const mmengineModuleSettings: FileRule = {
  framework: 'mmengine',
  phase: 'after-calls',
  words: ['epochs', 'sampling_option', 'save_dir', '_base_'],
  runStart: [
    /dict\(|_base_/,
    /^(?:model[ \t]*=[ \t]*dict\(|_base_[ \t]*=|epochs[ \t]*=|sampling_option[ \t]*=|save_dir[ \t]*=)/m,
  ],
  read: (_index, ctx) => {
    const text = ctx.text;
    const own = MODEL_DICT.test(text) && MODULE_SETTINGS.test(text);
    const derived = text.includes('_base_') && /^_base_[ \t]*=/m.test(text);
    if (!own && !derived) return;
    const found = new Map<string, { statement: Node; right: Node }>();
    for (const { row, name } of topLevelLines(text, true)) {
      if (!SETTINGS.has(name)) continue;
      const statement = topLevelStatement(ctx, row);
      const assignment = statement?.type === 'expression_statement' ? statement.namedChildren[0] : null;
      if (!statement || assignment?.type !== 'assignment') continue;
      const left = assignment.childForFieldName('left');
      const right = assignment.childForFieldName('right');
      if (left?.type === 'identifier' && right) found.set(left.text, { statement, right });
    }
    const bases = found.get('_base_');
    // Sibling configs (`"image.py"`, `"plugins/sp.py"`) and a parent folder's (`'../xl2_base.py'`, the shared base a
    // folder of derived configs inherits): OpenMMLab's `../_base_/...` pieces are read by its own rule.
    const siblings = (bases?.right.descendantsOfType('string') ?? [])
      .slice(0, MAX_BASES)
      .map((s) => (s ? evaluate(s, ctx.symbols)?.value : undefined))
      .filter(
        (v): v is string =>
          typeof v === 'string' && /^(?:\.\.\/){0,2}[\w-]+(?:\/[\w-]+)?\.py$/.test(v) && !v.includes('_base_'),
      );
    if (!own && siblings.length === 0) return;
    for (const file of siblings)
      ctx.add('link.config', file, bases!.right, `_base_: ${file} (the config this one inherits)`, 'low');
    const model = asDict(found.get('model')?.right);
    const epochs = found.get('epochs');
    const sampling = found.get('sampling_option');
    if (own && model) {
      const weights = model.keywords.get('from_pretrained');
      const trains = epochs !== undefined;
      const serves = !trains && (sampling !== undefined || (weights?.type === 'string' && !found.has('optim')));
      const anchor = found.get('model')!.statement;
      ctx.add('run.framework', 'mmengine', anchor, 'an mmengine-style config of module-level settings', 'medium');
      if (trains)
        ctx.add(
          'launch.trainer',
          'mmengine:config',
          anchor,
          'a training config (`epochs` set): the program given it trains',
          'medium',
        );
      else if (serves)
        ctx.add(
          'launch.inference',
          'mmengine:config',
          anchor,
          'an inference config (the model loads weights; no epochs): the program given it generates',
          'medium',
        );
      if (weights?.type === 'none')
        ctx.add(
          'model.fromScratch',
          true,
          weights,
          `model from_pretrained=None: ${model.type || 'the model'} starts from random weights`,
        );
      else if (weights?.type === 'string')
        ctx.add('model.fromScratch', false, weights, `model from_pretrained=${truncate(weights.text, 60)}`);
      if (flux1Architecture(model))
        ctx.add(
          'model.id',
          'black-forest-labs/FLUX.1-dev',
          model.call,
          `model type "flux" with FLUX.1's transformer (3072 wide, 19 double + 38 single blocks)`,
          'medium',
        );
      else {
        // `model = dict(type="dc_ae", model_name="dc-ae-f32t4c128")`: the variant the registry builds names the model
        // (its size is the program's own code, not read here), else the registered type.
        const variant = model.keywords.get('model_name');
        const name = variant?.type === 'string' ? stringLiteral(variant) : null;
        if (name && /^[\w./-]{2,100}$/.test(name))
          ctx.add(
            'model.id',
            name,
            variant!,
            `model model_name="${name}" (built by the registry's ${model.type})`,
            'medium',
          );
        else if (/^[A-Za-z][\w.-]{1,80}$/.test(model.type))
          ctx.add('model.id', model.type, model.call, `model type "${model.type}": the registry's model`, 'low');
      }
    } else if (derived && sampling) {
      // A derived config that sets sampling options samples with what it inherits.
      ctx.add('run.framework', 'mmengine', sampling.statement, 'an mmengine-style derived config', 'medium');
      ctx.add(
        'launch.inference',
        'mmengine:config',
        sampling.statement,
        'a derived inference config (`sampling_option`)',
        'medium',
      );
    }
    if (epochs) ctx.addResolved('training.epochs', epochs.right, 'epochs');
    const dtype = found.get('dtype');
    const precision = dtype ? normalisePrecision(scalar(evaluate(dtype.right, ctx.symbols)?.value ?? null)) : null;
    if (dtype && precision)
      ctx.add('training.precision', precision, dtype.right, `dtype = ${truncate(dtype.right.text, 20)}`);
  },
};
