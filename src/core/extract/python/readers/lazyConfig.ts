import type { Node } from 'web-tree-sitter';
import { keywordArgument, evaluate, stringLiteral } from '../../pythonValues';
import { lineRange, truncate, type PythonReadContext } from '../context';
import { RUNS_AS_MAIN, executedRowMask } from '../entryPoint';
import type { FileRule } from '../rules';
import { DETECTRON2_BACKBONE_ONLY } from '../../config/yacs';
import { classificationBackbone } from '../../classificationBackbone';

/**
 * Detectron2's LazyConfig dialect (detectron2.readthedocs.io, "Lazy Configs"): a `.py` config of module-level
 * objects that `LazyConfig.load(path)` evaluates and `tools/lazyconfig_train_net.py --config-file <this>` trains.
 * That program reads `cfg.model`, `cfg.dataloader`, `cfg.optimizer`, `cfg.lr_multiplier` and `cfg.train`, so a file
 * binding model, dataloader and train (optimizer too, to train) at its top level (assigned, or imported from other configs with
 * relative imports or `model_zoo.get_config("common/train.py").train`) is a run; a fragment binding some of them
 * (`common/train.py`, `common/models/*.py`) is not, and its values reach the configs that import it through a link.
 *
 * Read: `train.max_iter` (iterations), `train.amp.enabled` (AMPTrainer autocasts in float16 by default,
 * detectron2/engine/train_loop.py `AMPTrainer(precision=torch.float16)`; off: float32), `train.init_checkpoint`
 * (`""`/None: random initialisation; detectron2's ImageNet classification backbones only: the detector is trained,
 * as the yacs configs read them), `dataloader.train.total_batch_size` (images across all GPUs). A value worked out
 * from the imported one (`train.max_iter *= 4`) is left unknown rather than taken from the base.
 */

/**
 * The names `tools/lazyconfig_train_net.py` needs from a config: `--eval-only` instantiates `cfg.model`, loads
 * `cfg.train.init_checkpoint` and evaluates on `cfg.dataloader.test`; training also builds `cfg.optimizer` (and
 * `cfg.lr_multiplier`, which may come with the optimiser's base). A config binding model, dataloader and train is
 * one the program runs; the optimiser is not required of it.
 */
const RUN_NAMES = ['model', 'dataloader', 'train'];
const BOUND_NAMES = new Set([...RUN_NAMES, 'optimizer', 'lr_multiplier']);
/** The detail a fragment's values carry, so only a LazyConfig link draws them (analyze.ts NARROW_LINKS). */
export const LAZY_CONFIG_VALUE = 'LazyConfig value: ';
/** The detail a config's link to a config it imports from starts with. */
export const LAZY_CONFIG_LINK = 'LazyConfig import: ';
/** Statements looked at (a config has tens; a hostile file may have thousands). */
const MAX_STATEMENTS = 2_000;
/** `model_zoo.get_config("common/train.py")` (or `get_config(...)`): a config of detectron2's configs/ folder. */
const GET_CONFIG = /(?:^|\.)get_config$/;

/** `..common.train` → `../common/train.py`, `.x` → `./x.py` (a relative import of a config module). */
function relativeModulePath(module: string): string | undefined {
  const m = /^(\.{1,4})([A-Za-z_]\w*(?:\.[A-Za-z_]\w*){0,8})$/.exec(module);
  if (!m) return undefined;
  const up = m[1].length === 1 ? './' : '../'.repeat(m[1].length - 1);
  return `${up}${m[2].replace(/\./g, '/')}.py`;
}

/** The names an import binds (`a`, `b as c` → c). */
function importedNames(statement: Node): string[] {
  const names: string[] = [];
  for (const child of statement.childrenForFieldName('name')) {
    if (!child) continue;
    if (child.type === 'aliased_import') {
      const alias = child.childForFieldName('alias')?.text;
      if (alias) names.push(alias);
    } else names.push(child.text);
  }
  return names;
}

/** The `get_config("x.py")` call inside an expression (`model_zoo.get_config("common/train.py").train`), bounded. */
function getConfigPath(ctx: PythonReadContext, node: Node): string | undefined {
  let cur: Node | null = node;
  for (let i = 0; i < 6 && cur; i++) {
    if (cur.type === 'call' && GET_CONFIG.test(ctx.callee(cur).full)) {
      const arg = cur.childForFieldName('arguments')?.namedChildren[0];
      const path = arg?.type === 'string' ? stringLiteral(arg) : null;
      return path && /^[\w./-]{1,200}\.(?:py|ya?ml)$/.test(path) && !path.includes('..') ? path : undefined;
    }
    cur =
      cur.type === 'attribute'
        ? cur.childForFieldName('object')
        : cur.type === 'call'
          ? cur.childForFieldName('function')
          : null;
  }
  return undefined;
}

interface Setting {
  readonly path: string;
  readonly value: Node;
  readonly augmented: boolean;
  /** The operator of an augmented assignment (`*=`). */
  readonly op?: string;
}

/** Top-level `a.b.c = value` / `a.b.c *= value` whose target starts with one of the bound names. */
function settingOf(statement: Node): Setting | undefined {
  if (statement.type !== 'expression_statement') return undefined;
  const a = statement.namedChildren[0];
  if (!a || (a.type !== 'assignment' && a.type !== 'augmented_assignment')) return undefined;
  const left = a.childForFieldName('left');
  const right = a.childForFieldName('right');
  if (!left || !right || (left.type !== 'attribute' && left.type !== 'identifier')) return undefined;
  if (left.text.length > 120 || !/^[A-Za-z_][\w.]*$/.test(left.text)) return undefined;
  const augmented = a.type === 'augmented_assignment';
  return {
    path: left.text,
    value: right,
    augmented,
    op: augmented ? a.childForFieldName('operator')?.text : undefined,
  };
}

/** The keys read, as a config that imports this one overrides them (its link `passes` them: this value is then not its). */
const KEYS = ['train.max_iter', 'train.amp.enabled', 'train.init_checkpoint', 'dataloader.train.total_batch_size'];

/** The model's backbone: the size words read from it hold only while no importing config replaces any of it. */
const BACKBONE_KEY = 'model.backbone';

/**
 * A setting that builds another backbone than the imported model's: a new object for it or a part of it
 * (`model.backbone = L(SimpleFeaturePyramid)(...)`, `model.backbone.bottom_up = L(MViT)(...)`) or another depth or
 * grouping of its stages. Settings of its options (`model.backbone.bottom_up.freeze_at = 2`, a norm) keep it.
 */
function replacesBackbone(s: Setting): boolean {
  if (s.path !== BACKBONE_KEY && !s.path.startsWith(`${BACKBONE_KEY}.`)) return false;
  if (/\.(?:depth|num_groups|stages|width_per_group|name)$/.test(s.path)) return true;
  const f = s.value.type === 'call' ? s.value.childForFieldName('function') : null;
  return f?.type === 'call' && f.childForFieldName('function')?.text === 'L';
}

/**
 * `key *= 4` or `key = key * 3 // 4` (whole numbers): the imported value scaled, as [key, times, over]; other
 * arithmetic on it is not followed.
 */
function scaleOf(s: Setting): readonly [string, number, number] | undefined {
  const text = s.value.text;
  if (text.length > 80) return undefined;
  if (s.augmented) {
    const k = s.op === '*=' && /^\d{1,6}$/.test(text) ? Number(text) : undefined;
    return k && k > 0 ? [s.path, k, 1] : undefined;
  }
  const m = /^([\w.]+)[ \t]*\*[ \t]*(\d{1,6})(?:[ \t]*\/\/[ \t]*(\d{1,6}))?$/.exec(text);
  if (!m || m[1] !== s.path) return undefined;
  const times = Number(m[2]);
  const over = m[3] === undefined ? 1 : Number(m[3]);
  return times > 0 && over > 0 ? [s.path, times, over] : undefined;
}

/** Marks the facts added since `from` as the value of `key`. */
function markKey(ctx: PythonReadContext, from: number, key: string): void {
  for (let i = from; i < ctx.facts.length; i++) ctx.facts[i] = { ...ctx.facts[i], fromFlags: [key] };
}

function readCheckpoint(value: Node, ctx: PythonReadContext, owner: string): void {
  const from = ctx.facts.length;
  readCheckpointFacts(value, ctx, owner);
  markKey(ctx, from, 'train.init_checkpoint');
}

function readCheckpointFacts(value: Node, ctx: PythonReadContext, owner: string): void {
  if (value.type === 'none') {
    ctx.add('model.fromScratch', true, value, `${LAZY_CONFIG_VALUE}${owner} None (random initialisation)`);
    return;
  }
  const r = evaluate(value.type === 'parenthesized_expression' ? value.namedChildren[0] : value, ctx.symbols);
  if (typeof r?.value !== 'string') return;
  const path = r.value.trim();
  if (path === '') {
    ctx.add('model.fromScratch', true, value, `${LAZY_CONFIG_VALUE}${owner} "" (random initialisation)`);
    ctx.add('training.mode', 'pretrain', value, `${LAZY_CONFIG_VALUE}${owner} "" (trained from scratch)`);
  } else if (DETECTRON2_BACKBONE_ONLY.test(path) || classificationBackbone(path)) {
    const detail = `${LAZY_CONFIG_VALUE}${owner} ${truncate(path, 80)}, an ImageNet-pretrained backbone only`;
    ctx.add('model.fromScratch', true, value, `${detail}: the detector trains from scratch`);
    ctx.add('training.mode', 'pretrain', value, `${detail}: the detector is trained, not fine-tuned`);
  } else {
    ctx.add('model.fromScratch', false, value, `${LAZY_CONFIG_VALUE}${owner} ${truncate(path, 80)}`);
    ctx.add('training.mode', 'finetune', value, `${LAZY_CONFIG_VALUE}${owner}: starts from ${truncate(path, 80)}`);
  }
}

function readAmp(value: Node, ctx: PythonReadContext, owner: string): void {
  const from = ctx.facts.length;
  readAmpFacts(value, ctx, owner);
  markKey(ctx, from, 'train.amp.enabled');
}

function readAmpFacts(value: Node, ctx: PythonReadContext, owner: string): void {
  if (value.type === 'true')
    ctx.add('training.precision', 'fp16', value, `${LAZY_CONFIG_VALUE}${owner} True (AMPTrainer, float16 autocast)`);
  else if (value.type === 'false')
    ctx.add('training.precision', 'fp32', value, `${LAZY_CONFIG_VALUE}${owner} False (no autocast: float32)`);
}

function readIterations(s: { value: Node; augmented: boolean }, ctx: PythonReadContext, owner: string): void {
  const from = ctx.facts.length;
  readIterationFacts(s, ctx, owner);
  markKey(ctx, from, 'train.max_iter');
}

function readIterationFacts(s: { value: Node; augmented: boolean }, ctx: PythonReadContext, owner: string): void {
  // Worked out from the value this config imports (`train.max_iter *= 4`): not known from this file alone.
  if (s.augmented || /\bmax_iter\b/.test(s.value.text)) {
    ctx.add(
      'training.steps',
      null,
      s.value,
      `${LAZY_CONFIG_VALUE}${owner} is worked out from the imported config's value (\`${truncate(s.value.text, 40)}\`)`,
      'low',
    );
    return;
  }
  ctx.addResolved('training.steps', s.value, `${LAZY_CONFIG_VALUE}${owner}`, (v) =>
    typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : undefined,
  );
}

/** `train = dict(max_iter=..., amp=dict(enabled=...), init_checkpoint=...)` (common/train.py's shape). */
function readTrainDict(call: Node, ctx: PythonReadContext): void {
  const args =
    call.type === 'call' && call.childForFieldName('function')?.text === 'dict'
      ? call.childForFieldName('arguments')
      : null;
  if (!args) return;
  const iters = keywordArgument(args, 'max_iter');
  if (iters) readIterations({ value: iters, augmented: false }, ctx, 'train max_iter=');
  const amp = keywordArgument(args, 'amp');
  const ampArgs = amp?.type === 'call' ? amp.childForFieldName('arguments') : null;
  const enabled = ampArgs ? keywordArgument(ampArgs, 'enabled') : undefined;
  if (enabled) readAmp(enabled, ctx, 'train amp.enabled=');
  const init = keywordArgument(args, 'init_checkpoint');
  if (init) readCheckpoint(init, ctx, 'train init_checkpoint=');
}

/**
 * The detector a model fragment builds, `model = L(GeneralizedRCNN)(...)`: by its meta-architecture and the heads it
 * is given, as the yacs configs name them (yacs.ts rcnnName: a mask head makes Mask R-CNN, a keypoint head Keypoint
 * R-CNN, neither Faster R-CNN; detectron2/modeling/meta_arch: RetinaNet, FCOS (Tian et al. 2019), PanopticFPN).
 */
const META_ARCH_NAMES: Readonly<Record<string, string>> = {
  RetinaNet: 'retinanet',
  FCOS: 'fcos',
  PanopticFPN: 'panoptic-fpn',
};
/** Longest model expression looked into for its heads (a fragment's model is a few thousand characters). */
const MAX_MODEL_TEXT = 20_000;

/**
 * Model classes that name no architecture: detectron2's generic wrappers (`GeneralizedRCNN` is read by its heads
 * above; `ProposalNetwork`, `SemanticSegmentor` hold whatever parts they are given) and placeholder names.
 */
const GENERIC_MODEL_CLASS =
  /^(?:Generalized\w*|ProposalNetwork|SemanticSegmentor|Model|Net|Network|Module|Wrapper|Detector)$/;

function readDetector(value: Node, ctx: PythonReadContext): void {
  const lazy = value.type === 'call' ? value.childForFieldName('function') : null;
  if (lazy?.type !== 'call' || lazy.childForFieldName('function')?.text !== 'L') return;
  const target = lazy.childForFieldName('arguments')?.namedChildren[0]?.text.split('.').pop();
  if (!target || value.text.length > MAX_MODEL_TEXT) return;
  // Any other meta-architecture (`L(DeformableDETR)(...)`, `L(MaskDINO)(...)`, a project's own detector class) is
  // the model the config builds, named by its class as the project writes it.
  const name =
    target === 'GeneralizedRCNN'
      ? /\bkeypoint_head[ \t]*=/.test(value.text)
        ? 'keypoint-rcnn'
        : /\bmask_head[ \t]*=/.test(value.text)
          ? 'mask-rcnn'
          : 'faster-rcnn'
      : (META_ARCH_NAMES[target] ??
        (/^[A-Z][A-Za-z0-9_]{1,60}$/.test(target) && !GENERIC_MODEL_CLASS.test(target) ? target : undefined));
  if (!name) return;
  ctx.add('model.id', name, lazy, `${LAZY_CONFIG_VALUE}model = L(${target})(...): ${name}`, 'medium');
  const from = ctx.facts.length;
  readBackboneWords(value, ctx);
  // A config importing this model that sets its backbone (`model.backbone = L(...)`) builds another one.
  markKey(ctx, from, BACKBONE_KEY);
}

/**
 * The backbone's size words in the model expression, as the yacs configs state them (yacs.ts readBackboneWords): a
 * `ResNet.make_default_stages(depth=50)` bottom-up (a ResNet unless `num_groups` > 1 makes it a ResNeXt) and an
 * `L(FPN)` around it. With the detector's name they pick a catalog row of the whole detector; alone they say nothing.
 */
function readBackboneWords(value: Node, ctx: PythonReadContext): void {
  const text = value.text;
  // The stages call's own arguments (a neck's `GroupNorm(num_groups=32)` is no ResNeXt grouping).
  const at = text.search(/\bmake_default_stages\b/);
  // `make_default_stages)(depth=50, ...)`: up to the second closing parenthesis.
  const stages =
    at < 0
      ? ''
      : text
          .slice(at, at + 600)
          .split(')', 2)
          .join(')');
  const depth = /\bdepth[ \t]*=[ \t]*(\d{2,3})\b/.exec(stages);
  const groups = /\bnum_groups[ \t]*=[ \t]*(\d{1,4})\b/.exec(stages);
  if (depth && (!groups || groups[1] === '1'))
    ctx.add(
      'model.variant',
      `resnet-${depth[1]}`,
      value,
      `${LAZY_CONFIG_VALUE}ResNet stages of depth=${depth[1]}`,
      'low',
    );
  else readNamedResnet(value, ctx);
  if (/\bL\([ \t]*FPN[ \t]*\)/.test(text))
    ctx.add('model.variant', 'fpn', value, `${LAZY_CONFIG_VALUE}an FPN backbone`, 'low');
}

/**
 * A Swin Transformer backbone by its published shape (Liu et al. 2021, Swin Transformer, arXiv:2103.14030, Sec. 3.3
 * "Architecture Variants": Swin-T C=96 layers {2,2,6,2}, Swin-S C=96 {2,2,18,2}, Swin-B C=128 {2,2,18,2}, Swin-L
 * C=192 {2,2,18,2}), as detectron2's `L(SwinTransformer)(embed_dim=..., depths=(...))` states it: its size word.
 */
const SWIN_SIZES: Readonly<Record<string, string>> = {
  '96:2,2,6,2': 'swin-tiny',
  '96:2,2,18,2': 'swin-small',
  '128:2,2,18,2': 'swin-base',
  '192:2,2,18,2': 'swin-large',
};

function readSwin(value: Node, ctx: PythonReadContext): void {
  const text = value.text;
  if (text.length > MAX_MODEL_TEXT || !/^L\([ \t]*(?:\w+\.)?SwinTransformer[ \t]*\)/.test(text)) return;
  const dim = /\bembed_dim[ \t]*=[ \t]*(\d{2,4})\b/.exec(text)?.[1];
  const depths = /\bdepths[ \t]*=[ \t]*[([][ \t]*(\d{1,2}(?:[ \t]*,[ \t]*\d{1,2}){3})[ \t]*,?[ \t]*[)\]]/.exec(
    text,
  )?.[1];
  const word = dim && depths ? SWIN_SIZES[`${dim}:${depths.replace(/[ \t]/g, '')}`] : undefined;
  if (word)
    ctx.add(
      'model.variant',
      word,
      value,
      `${LAZY_CONFIG_VALUE}SwinTransformer embed_dim=${dim}, depths=(${depths})`,
      'low',
    );
}

/** A torchvision ResNet named by its constructor (`name="resnet50"`, torchvision.models.resnet50): its depth. */
const TORCHVISION_RESNET = /\bname[ \t]*=[ \t]*["']resnet(18|34|50|101|152)["']/;

/**
 * A backbone built from torchvision's ResNet by name (`backbone=L(TorchvisionResNet)(name="resnet50", ...)`, or
 * `model.backbone.name = "resnet101"` over an imported model): its size word, as the stages' depth says it.
 */
function readNamedResnet(value: Node, ctx: PythonReadContext): void {
  if (value.text.length > MAX_MODEL_TEXT) return;
  const m = TORCHVISION_RESNET.exec(value.type === 'string' ? `name=${value.text}` : value.text);
  if (m) ctx.add('model.variant', `resnet-${m[1]}`, value, `${LAZY_CONFIG_VALUE}torchvision resnet${m[1]}`, 'low');
}

/** `model.roi_heads.update(keypoint_head=...)` or `model.roi_heads.keypoint_head = ...`: a keypoint head is added. */
const KEYPOINT_HEAD_ADDED =
  /^model\.roi_heads\.(?:update\([\s\S]{0,1500}?\bkeypoint_head[ \t]*=|keypoint_head[ \t]*=)/m;

export const lazyConfig: FileRule = {
  framework: 'detectron2',
  phase: 'after-calls',
  words: ['max_iter', 'init_checkpoint', 'amp', 'dataloader', 'get_config', 'LazyCall'],
  runStart: [/dataloader/, /\btrain\b/],
  read: (_index, ctx) => {
    const text = ctx.text;
    if (
      !/\b(?:train|model)\b/.test(text) ||
      !['max_iter', 'init_checkpoint', 'amp', 'dataloader', 'get_config', 'LazyCall'].some((w) => text.includes(w))
    )
      return;
    const bound = new Map<string, Node>();
    const links = new Map<string, Node>();
    const settings: Setting[] = [];
    let trainDict: Node | undefined;
    let lazy = false;
    /** LazyCall imported or model_zoo.get_config used: a LazyConfig file even when it binds only some of the names. */
    let marked = false;
    const statements = ctx.tree.rootNode.namedChildren.slice(0, MAX_STATEMENTS);
    for (const statement of statements) {
      if (!statement) continue;
      if (statement.type === 'import_from_statement') {
        const module = statement.childForFieldName('module_name')?.text ?? '';
        const names = importedNames(statement).filter((n) => BOUND_NAMES.has(n));
        if (/^detectron2\.config\b/.test(module) && /\bLazyCall\b/.test(statement.text)) lazy = marked = true;
        const path = relativeModulePath(module);
        if (names.length === 0) continue;
        for (const n of names) bound.set(n, statement);
        if (path && !links.has(path)) links.set(path, statement);
        if (path) lazy = true;
        continue;
      }
      const s = settingOf(statement);
      if (!s) continue;
      if (BOUND_NAMES.has(s.path) && !s.augmented) {
        bound.set(s.path, statement);
        const fromZoo = getConfigPath(ctx, s.value);
        if (fromZoo) {
          lazy = marked = true;
          // model_zoo.get_config's path is relative to detectron2's configs/ folder (detectron2/model_zoo).
          const ref = `configs/${fromZoo}`;
          if (!links.has(ref)) links.set(ref, statement);
        }
        if (s.path === 'train') trainDict = s.value;
        if (s.path === 'model') readDetector(s.value, ctx);
        continue;
      }
      settings.push(s);
    }
    const run = lazy && RUN_NAMES.every((n) => bound.has(n));
    const keypoint = bound.has('model') ? KEYPOINT_HEAD_ADDED.exec(text) : null;
    if (keypoint) {
      const row = text.slice(0, keypoint.index).split('\n').length - 1;
      const at = statements.find((n) => n?.startPosition.row === row);
      if (at)
        ctx.add('model.id', 'keypoint-rcnn', at, `${LAZY_CONFIG_VALUE}a keypoint head added to the model`, 'medium');
    }
    // A fragment of values (common/train.py) or a run config: the values are read; only a run config starts a run.
    if (trainDict) readTrainDict(trainDict, ctx);
    for (const s of settings) {
      if (s.path === 'train.max_iter') readIterations(s, ctx, 'train.max_iter =');
      else if (s.path === 'train.amp.enabled' && !s.augmented) readAmp(s.value, ctx, 'train.amp.enabled =');
      else if (s.path === 'train.init_checkpoint' && !s.augmented)
        readCheckpoint(s.value, ctx, 'train.init_checkpoint =');
      else if (!s.augmented && (s.path === BACKBONE_KEY || /^model\.backbone(?:\.\w+){0,3}\.name$/.test(s.path))) {
        readNamedResnet(s.value, ctx);
        if (s.path === BACKBONE_KEY) readSwin(s.value, ctx);
      } else if (!s.augmented && /^model\.backbone(?:\.\w+){0,3}\.stages\.depth$/.test(s.path)) {
        // The imported model's ResNet stages given another depth (`model.backbone.stages.depth = 101`): its size word.
        const depth = /^(18|34|50|101|152)$/.exec(s.value.text)?.[1];
        if (depth)
          ctx.add('model.variant', `resnet-${depth}`, s.value, `${LAZY_CONFIG_VALUE}${s.path} = ${depth}`, 'low');
      } else if (s.path === 'dataloader.train.total_batch_size' && !s.augmented) {
        const from = ctx.facts.length;
        ctx.addResolved(
          'training.globalBatch',
          s.value,
          `${LAZY_CONFIG_VALUE}dataloader.train.total_batch_size`,
          (v) => (typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : undefined),
        );
        markKey(ctx, from, s.path);
      }
    }
    // What this file sets over the configs it imports: their value of it is not this run's.
    const passes = KEYS.filter((k) => settings.some((s) => s.path === k));
    if (settings.some(replacesBackbone)) passes.push(BACKBONE_KEY);
    // A trainer value set as a multiple of the imported one (`train.max_iter *= 4`): that value, scaled.
    const scales = settings
      .filter((s) => s.path === 'train.max_iter')
      .map(scaleOf)
      .filter((x) => x !== undefined)
      .slice(-1);
    // A package module re-exporting a `train` function (`from .train_utils import train`) is no config: no links.
    if (!run && (!marked || links.size === 0)) return;
    for (const [ref, statement] of links) {
      ctx.add(
        'link.config',
        ref,
        statement,
        `${LAZY_CONFIG_LINK}${ref} (the config this one takes its objects from)`,
        'medium',
      );
      if (passes.length > 0) ctx.amendLast({ passes });
      if (scales.length > 0) ctx.amendLast({ scales });
    }
    if (!run) return;
    // The run is anchored at a statement that runs when the module is loaded: an assignment, not an import.
    const own = bound.get('model')!;
    const anchor =
      own.type === 'import_from_statement'
        ? statements.find((n) => n?.type === 'expression_statement' && n.startPosition.row > own.startPosition.row)
        : own;
    if (!anchor) return;
    ctx.add(
      'run.framework',
      'lazyconfig',
      anchor,
      'a detectron2 LazyConfig (model, dataloader and train bound at its top level)',
      'medium',
    );
    ctx.add(
      'launch.trainer',
      'config:lazyconfig',
      anchor,
      'a detectron2 LazyConfig: tools/lazyconfig_train_net.py --config-file <this> trains it',
      'medium',
    );
  },
};

/** `model = instantiate(cfg.model)`: a program building the model a LazyConfig describes. */
const INSTANTIATES_MODEL = /\binstantiate\([ \t]*cfg\.model[ \t]*\)/;
/** Weights loaded into it: detectron2's (or fvcore's) checkpointer (`DetectionCheckpointer(model).load(path)`). */
const CHECKPOINTER = /\b(?:Detection)?Checkpointer\([\s\S]{0,200}?\.load\(|\bcheckpointer\.load\(/;
/** A training step or trainer anywhere in the program: then it is no inference program. */
const TRAINS =
  /\b(?:do_train|AMPTrainer|SimpleTrainer|DefaultTrainer|build_optimizer)\b|\.backward\(|\binstantiate\([ \t]*cfg\.optimizer/;

/**
 * A detectron2/LazyConfig demo or inference program run as a script (`python demo.py --config-file <cfg>`): it builds
 * the config's model (`instantiate(cfg.model)`), loads trained weights into it with a checkpointer, switches it to
 * `model.eval()` and trains nothing (no trainer, optimizer or backward pass): an inference run, wherever its
 * forward passes are (a predictor class of the project). Only read in code that runs (the main block).
 */
export const lazyConfigInference: FileRule = {
  framework: 'detectron2',
  phase: 'after-calls',
  words: ['instantiate', 'eval'],
  runStart: [INSTANTIATES_MODEL, /\.eval\(\)/],
  read: (_index, ctx) => {
    const text = ctx.text;
    if (ctx.facts.some((f) => f.kind === 'launch.trainer' || f.kind === 'launch.inference')) return;
    if (!INSTANTIATES_MODEL.test(text) || !CHECKPOINTER.test(text) || !/\.eval\(\)/.test(text) || TRAINS.test(text))
      return;
    if (!RUNS_AS_MAIN.test(text)) return;
    const mask = executedRowMask(ctx.tree);
    const lines = text.split('\n', 20_000);
    const row = lines.findIndex((l, i) => mask[i] === 1 && INSTANTIATES_MODEL.test(l));
    if (row < 0) return;
    const why =
      "the program builds the LazyConfig's model (instantiate(cfg.model)), loads trained weights with a checkpointer and calls model.eval(); nothing is trained";
    const range = lineRange(row, lines[row].length);
    ctx.facts.push({ kind: 'launch.inference', value: 'detectron2', range, confidence: 'medium', detail: why });
    ctx.facts.push({ kind: 'training.mode', value: 'inference', range, confidence: 'medium', detail: why });
  },
};
