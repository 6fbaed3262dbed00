import type { ConfigDialect, ConfigDoc, ConfigValue, FactSink } from './dialect';
import { classificationBackbone } from '../classificationBackbone';
import { YACS_DEFAULTS_LINK, YACS_DEFAULTS_MODULES, YACS_PROGRAM, YACS_PROGRAM_LINK } from './yacsDefaults';
import { catalogIdForRepoName } from './hubNames';
import { positiveInteger } from '../positiveInteger';
import { findModel, findModelByName } from '../../knowledge';
import type { Model } from '../../knowledge/schema';

/**
 * yacs configs (github.com/rbgirshick/yacs): upper-case sections merged over a program's `_C` defaults with
 * `config.merge_from_file(args.cfg)`, as Swin Transformer and the many vision repositories built on its
 * `main.py --cfg <this>` write them: `MODEL.TYPE`/`MODEL.NAME`, the architecture in a section named after the
 * type (`MODEL.SWIN.DEPTHS`, `MODEL.VIT.DEPTH`, `EMBED_DIM`, `MLP_RATIO`), `TRAIN.EPOCHS`, `DATA.BATCH_SIZE`
 * ("batch size for a single GPU"), `AMP_OPT_LEVEL`/`AMP_ENABLE`, `MODEL.PRETRAINED`/`MODEL.RESUME`.
 *
 * A file with a `MODEL` and a `TRAIN` section, or a `MODEL` section that names a type and states its architecture,
 * is the definition of a run its program trains: what it leaves to the program's defaults is not read (unknown,
 * never the default shown as read).
 */

/**
 * Keys that state the run's epochs: of `TRAIN` (Swin `EPOCHS`; HRNet-style `END_EPOCH`; others), and the solver's
 * `MAX_EPOCH` of the FAIR video and classification codebases (PySlowFast slowfast/config/defaults.py
 * `_C.SOLVER.MAX_EPOCH`, "Maximal number of epochs"; pycls `OPTIM.MAX_EPOCH`).
 */
export const EPOCH_KEYS = [
  'TRAIN.EPOCHS',
  'TRAIN.NUM_EPOCHS',
  'TRAIN.MAX_EPOCH',
  'TRAIN.END_EPOCH',
  'SOLVER.MAX_EPOCH',
  'OPTIM.MAX_EPOCH',
];
/** Per-GPU batch keys: Swin `DATA.BATCH_SIZE` ("Batch size for a single GPU", Swin config.py), HRNet `TRAIN.BATCH_SIZE_PER_GPU`. */
const BATCH_KEYS = ['DATA.BATCH_SIZE', 'TRAIN.BATCH_SIZE_PER_GPU'];
/** Switches that freeze the backbone (linear or attention-pooling probing trains only a head on it). */
const FREEZE = /^FREEZE(_(VIT|BACKBONE|ENCODER))?$/;

/** Keys of a mixture-of-experts architecture section. */
const MIXTURE_KEYS = ['NUM_LOCAL_EXPERTS', 'NUM_EXPERTS', 'MOE_BLOCKS'];
/**
 * A run named a fine-tune (`swin_base_patch4_window7_224_22kto1k_finetune`, `..._ft`), or a transfer from one
 * label set to another (`TinyViT-21M-22kto1k`: ImageNet-22k weights fine-tuned on ImageNet-1k): its weights are
 * given at launch.
 */
const FINE_TUNE_NAME = /(?:^|[_-])(?:finetune|fine_tune|ft|\d{1,3}kto\d{1,3}k)(?:$|[_-])/i;

/**
 * Whether a config's model name says only a family (`cls_cvt`: no size word, no digit) and a catalog row is of it: a
 * name that states a size (`swin_small_patch4_window7_224`) is the model as written.
 */
function ofFamily(row: Model, named: ConfigValue): boolean {
  if (/\d|tiny|small|base|large|huge|giant/i.test(String(named.value))) return false;
  const family = row.family.replace(/[^a-z0-9]/gi, '').toLowerCase();
  return (
    !!family &&
    family.length >= 3 &&
    String(named.value)
      .replace(/[^a-z0-9]/gi, '')
      .toLowerCase()
      .includes(family)
  );
}

const upperCaseSection = (v: ConfigValue | undefined) => v?.shape === 'map';

/**
 * The catalog row a config's file name opens with (`internimage_t_1k_224.yaml` → InternImage-T): its first one or
 * two `_` or `-` fields. Undefined for no path or no row.
 */
function sizedFileName(path: string | undefined): Model | undefined {
  const stem = path ? /([^/\\]{1,200})\.ya?ml$/i.exec(path)?.[1] : undefined;
  if (!stem) return undefined;
  // `internimage_t_1k_224.yaml`, `cvt-13-224x224.yaml`: fields split at either separator (names match either way).
  const fields = stem.split(/[_-]/);
  for (const n of [2, 1]) {
    if (fields.length <= n) continue;
    const row = findModelByName(fields.slice(0, n).join('_'));
    if (row) return row;
  }
  return undefined;
}

export const yacs: ConfigDialect = {
  name: 'yacs',
  words: ['MODEL'],
  // A MODEL section alone (Swin's `configs/swin/swin_tiny_patch4_window7_224.yaml`) is a run when it states a model
  // type and its architecture: the program trains it for its default length.
  detect: (doc) =>
    upperCaseSection(doc.get('MODEL')) &&
    (upperCaseSection(doc.get('TRAIN')) ||
      ((typeof doc.str('MODEL.TYPE') === 'string' || typeof doc.str('MODEL.NAME') === 'string') &&
        statesArchitecture(doc))),
  read(doc: ConfigDoc, out: FactSink, file?: { readonly path: string }): void {
    const model = doc.get('MODEL')!;
    out.add('run.framework', 'yacs', model, 'yacs config (MODEL/TRAIN sections) merged over its program’s defaults');
    // PySlowFast writes the network's class in MODEL.MODEL_NAME (`SlowFast`, `MViT`, `X3D`) beside MODEL.ARCH, the
    // pathway layout (`slow`, `slowfast`, `i3d`): the class names the model.
    const named = ['MODEL.NAME', 'MODEL.TYPE', 'MODEL.MODEL_NAME', 'MODEL.ARCH']
      .map((p) => doc.get(p))
      .find((v): v is ConfigValue => typeof v?.value === 'string' && v.value.trim() !== '');
    const network = videoNetwork(doc);
    // A family named by MODEL.TYPE alone (`intern_image`), its size only in the file's name
    // (`internimage_t_1k_224.yaml`, InternImage's classification configs, Swin's layout with no MODEL.NAME).
    // So is a family named by MODEL.NAME that the file's name sizes (CvT's `cls_cvt` in `cvt-13-224x224.yaml`): when the
    // row the file's name opens with is of the family the name says.
    const fromFileName = !network && named && !findModel(String(named.value)) ? sizedFileName(file?.path) : undefined;
    const sized =
      named?.path === 'MODEL.TYPE' || (named?.path === 'MODEL.NAME' && fromFileName && ofFamily(fromFileName, named))
        ? fromFileName?.id
        : undefined;
    if (network) out.add('model.id', network.id, network.at, network.detail);
    else if (sized && named)
      out.add(
        'model.id',
        sized,
        named,
        `${named.path}: ${String(named.value)}, at the size the file's name gives (${sized})`,
      );
    else if (named) out.add('model.id', String(named.value), named, `${named.path}: ${String(named.value)}`);
    else readEncoderDecoder(doc, out);
    readArchitecture(doc, out);
    readMultiscaleVit(doc, out);
    const evaluation = evaluationSwitch(doc);
    const evaluates = evaluation !== undefined;
    readMode(doc, named ?? model, evaluation, out);
    // An evaluation's batch still counts; the epochs it would train for do not.
    readLength(doc, evaluates, out);
    readPrecision(doc, out);
    readMachines(doc, out);
    const checkpointing = doc.get('TRAIN.USE_CHECKPOINT');
    if (checkpointing?.value === true)
      out.add('training.gradientCheckpointing', true, checkpointing, 'TRAIN.USE_CHECKPOINT: True');
    // What the config leaves out is its program's default: the defaults module the program merges it over.
    for (const module of YACS_DEFAULTS_MODULES)
      out.add(
        'link.config',
        module,
        model,
        `${YACS_DEFAULTS_LINK}the program's defaults module (${module}, _C = CN())`,
        'low',
      );
    out.add(
      'link.config',
      YACS_PROGRAM,
      model,
      `${YACS_PROGRAM_LINK}the program that merges this config over its defaults (${YACS_PROGRAM} --cfg <this>)`,
      'low',
    );
    if (evaluation) out.add('launch.inference', 'config:yacs', evaluation.at, evaluation.detail);
    else out.add('launch.trainer', 'config:yacs', model, 'yacs training config (a main.py --cfg <this> program)');
  },
};

/**
 * PySlowFast's transformer section `MVIT` (MViT, MViTv2, Rev-MViT and the plain ViTs its masked pre-training builds
 * with it): `DEPTH` blocks starting at width `EMBED_DIM`, multiplied at the block indices `DIM_MUL` lists
 * (`[[1, 2.0], [3, 2.0], [14, 2.0]]`: Fan et al. 2021, "Multiscale Vision Transformers", Table 3; Li et al. 2022,
 * "MViTv2", §4), each block (4 + 2·MLP_RATIO)·width² weights at its output width (attention and MLP; the pooling
 * convolutions, norms and the patch embedding add a few percent). A masked-autoencoder config (`MASK.ENABLE`) trains
 * its decoder too: `DECODER_DEPTH` blocks of `DECODER_EMBED_DIM` (He et al. 2022, MAE §3).
 */
function readMultiscaleVit(doc: ConfigDoc, out: FactSink): void {
  const depthAt = doc.get('MVIT.DEPTH');
  const depth = positiveInteger(depthAt?.value);
  const width = positiveInteger(doc.get('MVIT.EMBED_DIM')?.value);
  if (!depthAt || !depth || !width || depth > 200) return;
  const ratio = doc.num('MVIT.MLP_RATIO') ?? 4;
  if (!(ratio > 0 && ratio <= 16)) return;
  const multipliers = new Map<number, number>();
  const mul = doc.get('MVIT.DIM_MUL');
  if (mul && mul.shape !== 'seq') return;
  for (let i = 0; mul && i < 16; i++) {
    const at = doc.num(`MVIT.DIM_MUL.${i}.0`);
    const by = doc.num(`MVIT.DIM_MUL.${i}.1`);
    if (at === undefined && by === undefined) break;
    if (at === undefined || by === undefined || !Number.isInteger(at) || !(by > 0 && by <= 4)) return;
    multipliers.set(at, by);
  }
  const perBlock = 4 + 2 * ratio;
  let w = width;
  let params = 0;
  for (let block = 0; block < depth; block++) {
    w *= multipliers.get(block) ?? 1;
    params += perBlock * w * w;
  }
  let decoder = '';
  if (doc.get('MASK.ENABLE')?.value === true) {
    const dd = positiveInteger(doc.get('MASK.DECODER_DEPTH')?.value);
    const dw = positiveInteger(doc.get('MASK.DECODER_EMBED_DIM')?.value);
    if (dd && dw) {
      params += dd * perBlock * dw * dw;
      decoder = ` + MAE decoder ${dd} × ${perBlock}·${dw}²`;
    }
  }
  const widths = multipliers.size
    ? `, width ×${[...multipliers].map(([a, b]) => `${b} at block ${a}`).join(', ')}`
    : '';
  out.add(
    'model.params',
    Math.round(params),
    depthAt,
    `MVIT DEPTH ${depth}, EMBED_DIM ${width}${widths}: Σ ${perBlock}·width² per block${decoder}`,
    'medium',
  );
}

/** PySlowFast's ResNet-based pathway layouts (`MODEL.ARCH`) that PyTorchVideo publishes as `<arch>_r<depth>`. */
const RESNET_VIDEO_ARCHS = new Set(['slow', 'slowfast', 'c2d', 'i3d', 'csn']);
/** PySlowFast's `_C.RESNET.DEPTH = 50` (slowfast/config/defaults.py). */
const RESNET_DEFAULT_DEPTH = 50;

/**
 * The published video network a PySlowFast config describes, named as PyTorchVideo's hub names it (its model zoo's
 * `slowfast_r50`, `slow_r50`, `i3d_r50`, `csn_r101`, `x3d_m`, ...): `MODEL.ARCH` with `RESNET.DEPTH` (plain
 * bottlenecks: `NUM_GROUPS` 1 and `WIDTH_PER_GROUP` 64 where stated, no non-local block), or X3D by its expansion
 * factors (Feichtenhofer 2020, "X3D", Table 2: X3D-XS/S/M γw 2, γb 2.25, γd 2.2; X3D-L γd 5.0). Only names the
 * catalog holds, so the size is a published count; any other network keeps its class name.
 */
function videoNetwork(doc: ConfigDoc): { id: string; at: ConfigValue; detail: string } | undefined {
  const arch = doc.get('MODEL.ARCH');
  const a = typeof arch?.value === 'string' ? arch.value.toLowerCase() : '';
  if (!arch || !a) return undefined;
  if (a === 'x3d') {
    const [w, b, d] = ['X3D.WIDTH_FACTOR', 'X3D.BOTTLENECK_FACTOR', 'X3D.DEPTH_FACTOR'].map((k) => doc.num(k));
    if (w !== 2 || b !== 2.25 || (d !== 2.2 && d !== 5)) return undefined;
    const id = d === 5 ? 'x3d_l' : 'x3d_m';
    const detail = `MODEL.ARCH x3d with X3D WIDTH_FACTOR 2.0, BOTTLENECK_FACTOR 2.25, DEPTH_FACTOR ${d} (${id === 'x3d_l' ? 'X3D-L' : 'X3D-XS/S/M'})`;
    return findModel(id) ? { id, at: arch, detail } : undefined;
  }
  if (!RESNET_VIDEO_ARCHS.has(a)) return undefined;
  // A transformer built with a ResNet pathway name (Rev-MViT's `ARCH: slow` with `MODEL_NAME: MViT`) is no ResNet.
  if (doc.get('MVIT')?.shape === 'map' || /vit|x3d/i.test(doc.str('MODEL.MODEL_NAME') ?? '')) return undefined;
  const depthAt = doc.get('RESNET.DEPTH');
  // No RESNET section: PySlowFast's default depth (slowfast/config/defaults.py, `_C.RESNET.DEPTH = 50`).
  const depth = depthAt ? positiveInteger(depthAt.value) : doc.has('RESNET') ? undefined : RESNET_DEFAULT_DEPTH;
  if (!depth) return undefined;
  const groups = doc.num('RESNET.NUM_GROUPS');
  const width = doc.num('RESNET.WIDTH_PER_GROUP');
  if (a !== 'csn' && ((groups !== undefined && groups !== 1) || (width !== undefined && width !== 64)))
    return undefined;
  if (nonLocalBlocks(doc)) return undefined;
  const id = `${a}_r${depth}`;
  const detail = depthAt
    ? `MODEL.ARCH ${a} with RESNET.DEPTH ${depth} (${id})`
    : `MODEL.ARCH ${a}, RESNET.DEPTH left at PySlowFast's default ${depth} (${id})`;
  return findModel(id) ? { id, at: arch, detail } : undefined;
}

/** Whether `NONLOCAL.LOCATION` places a non-local block in any stage (`[[[], []], [[1, 3], []], ...]`). */
function nonLocalBlocks(doc: ConfigDoc): boolean {
  for (let stage = 0; stage < 5; stage++)
    for (let pathway = 0; pathway < 2; pathway++)
      if (doc.get(`NONLOCAL.LOCATION.${stage}.${pathway}.0`) !== undefined) return true;
  return false;
}

/**
 * The switch that makes the program only evaluate: Swin's `EVAL_MODE: True`, or PySlowFast's `TRAIN.ENABLE: False`
 * ("If True Train the model, else skip training", slowfast/config/defaults.py; the program then tests or runs its
 * demo, `TEST.ENABLE`/`DEMO.ENABLE`).
 */
function evaluationSwitch(doc: ConfigDoc): { at: ConfigValue; detail: string } | undefined {
  const evalMode = doc.get('EVAL_MODE');
  if (evalMode?.value === true) return { at: evalMode, detail: 'EVAL_MODE: True, the program only evaluates' };
  const train = doc.get('TRAIN.ENABLE');
  if (train?.value === false)
    return { at: train, detail: 'TRAIN.ENABLE: False, the program only tests or runs its demo' };
  return undefined;
}

/**
 * PySlowFast's `NUM_GPUS` ("Number of GPUs to use", on each machine) and `NUM_SHARDS` ("Number of machine to use for
 * the job"), slowfast/config/defaults.py; the launch (`tools/run_net.py --cfg <this>`) starts NUM_GPUS processes on
 * each of NUM_SHARDS machines.
 */
function readMachines(doc: ConfigDoc, out: FactSink): void {
  // HRNet's `GPUS: (0,1,2,3)` (lib/config/default.py `_C.GPUS = (0,)`, a tuple yacs evaluates from the string): the
  // device ids the program trains on, one process or replica each.
  const ids = doc.get('GPUS');
  const listed = typeof ids?.value === 'string' ? DEVICE_TUPLE.exec(ids.value) : null;
  if (ids && listed) {
    const count = listed[1].split(',').filter((d) => d.trim() !== '').length;
    out.add('hardware.devices', count, ids, `GPUS: ${listed[0]} (${count} device ids)`);
    return;
  }
  const gpus = doc.get('NUM_GPUS');
  const g = positiveInteger(gpus?.value);
  if (!gpus || !g) return;
  out.add('hardware.devices', g, gpus, `NUM_GPUS: ${g} (GPUs on each machine)`);
  const shards = doc.get('NUM_SHARDS');
  const n = positiveInteger(shards?.value);
  if (shards && n) out.add('hardware.nodes', n, shards, `NUM_SHARDS: ${n} (machines)`);
}

/** A tuple or list of device ids, as yacs reads a Python literal: `(0,1,2,3)`, `[0, 1]`, `(0,)`. */
const DEVICE_TUPLE = /^[ \t]*[([]((?:[ \t]*\d{1,3}[ \t]*,){0,63}[ \t]*\d{1,3}[ \t]*,?[ \t]*)[)\]][ \t]*$/;

/** The sub-section of MODEL holding the architecture: named after MODEL.TYPE (`MODEL.SWIN`), else the first with a depth. */
function architectureSection(doc: ConfigDoc): string | undefined {
  const type = doc.str('MODEL.TYPE');
  const own = type ? `MODEL.${type.toUpperCase()}` : undefined;
  if (own && doc.get(own)?.shape === 'map') return own;
  return doc
    .entries('MODEL')
    .find((e) => e.shape === 'map' && (doc.has(`${e.path}.DEPTH`) || doc.has(`${e.path}.DEPTHS`)))?.path;
}

function statesArchitecture(doc: ConfigDoc): boolean {
  const section = architectureSection(doc);
  return section !== undefined && (doc.has(`${section}.EMBED_DIM`) || doc.has(`${section}.EMBED_DIMS`));
}

/**
 * Classes of the datasets a yacs vision config names in `DATA.DATASET`, for the classifier head (Swin's
 * data/build.py: `imagenet` 1000 classes, `imagenet22K` 21841; ImageNet-21K's fall11 release has 21,841 classes,
 * Ridnik et al. 2021, "ImageNet-21K Pretraining for the Masses", arXiv:2104.10972, §2). `MODEL.NUM_CLASSES`
 * written in the file wins.
 */
const DATASET_CLASSES: Readonly<Record<string, number>> = { imagenet: 1000, imagenet22k: 21841 };

/** The classes the file states, through MODEL.NUM_CLASSES or its dataset; undefined when left to the program. */
function statedClasses(doc: ConfigDoc): { n: number; how: string } | undefined {
  const written = positiveInteger(doc.get('MODEL.NUM_CLASSES')?.value);
  if (written) return { n: written, how: `MODEL.NUM_CLASSES ${written}` };
  const dataset = doc.str('DATA.DATASET');
  const n = dataset ? DATASET_CLASSES[dataset.toLowerCase()] : undefined;
  return n ? { n, how: `DATA.DATASET ${dataset} (${n} classes)` } : undefined;
}

/**
 * A plain ViT (`DEPTH`, `EMBED_DIM`, `MLP_RATIO`): layers and width, the MLP of MLP_RATIO × width; a hierarchical
 * Swin (`DEPTHS: [2, 2, 6, 2]`, `EMBED_DIM: 96`): stage i has width EMBED_DIM·2^i (Liu et al. 2021, Swin
 * Transformer §3.1: patch merging doubles the channels at each stage, a 4w → 2w linear layer, 8·w² weights, after
 * each stage but the last) and blocks of (4 + 2·MLP_RATIO)·width² weights (attention 4·w², MLP 2·r·w²). Swin-MLP
 * (`TYPE: swin_mlp`; Liu et al. 2021, models/swin_mlp.py) replaces the attention with a spatial MLP per window,
 * a grouped 1×1 convolution of heads × (window²)² weights, so its blocks are 2·r·w² + heads·window⁴. The
 * classifier head (final width × classes) is counted when the file states the classes; norms, biases and the
 * patch embedding add under 1%.
 */
function readArchitecture(doc: ConfigDoc, out: FactSink): void {
  const section = architectureSection(doc);
  if (!section) return;
  const width = doc.get(`${section}.EMBED_DIM`);
  const w = positiveInteger(width?.value);
  if (!width || !w) return;
  const ratio = doc.num(`${section}.MLP_RATIO`);
  const r = ratio !== undefined && ratio > 0 && ratio <= 64 ? ratio : undefined;
  const depth = doc.get(`${section}.DEPTH`);
  const d = positiveInteger(depth?.value);
  if (depth && d) {
    out.add('model.layers', d, depth, `${depth.path}: ${d}`);
    out.add('model.hiddenSize', w, width, `${width.path}: ${w}`);
    if (r) out.add('model.ffnSize', Math.round(r * w), doc.get(`${section}.MLP_RATIO`)!, `MLP_RATIO ${r} × ${w}`);
    return;
  }
  const depths = doc.get(`${section}.DEPTHS`);
  if (depths?.shape !== 'seq') return;
  // Experts (Swin-MoE `NUM_LOCAL_EXPERTS`, `MOE_BLOCKS`) hold other counts than these blocks: left unsized rather
  // than sized as dense blocks.
  if (MIXTURE_KEYS.some((k) => doc.has(`${section}.${k}`))) return;
  const spatialMlp = /mlp/i.test(doc.str('MODEL.TYPE') ?? '');
  const stages = stageList(doc, `${section}.DEPTHS`);
  if (!stages) return;
  const heads = spatialMlp ? stageList(doc, `${section}.NUM_HEADS`) : undefined;
  const window = positiveInteger(doc.get(`${section}.WINDOW_SIZE`)?.value);
  if (spatialMlp && (!heads || heads.length !== stages.length || !window)) return;
  const mlp = 2 * (r ?? 4);
  const perWidth = spatialMlp ? mlp : 4 + mlp;
  let params = stages.reduce((sum, n, i) => sum + n * perWidth * (w * 2 ** i) ** 2, 0);
  if (spatialMlp) params += stages.reduce((sum, n, i) => sum + n * heads![i] * window! ** 4, 0);
  for (let i = 0; i + 1 < stages.length; i++) params += 8 * (w * 2 ** i) ** 2;
  const classes = statedClasses(doc);
  const last = w * 2 ** (stages.length - 1);
  if (classes) params += last * classes.n;
  const block = spatialMlp ? `${mlp}·width² + heads·${window}⁴ (spatial MLP)` : `${perWidth}·width²`;
  out.add(
    'model.params',
    params,
    depths,
    `${depths.path} [${stages.join(', ')}] with EMBED_DIM ${w} doubling each stage: Σ depth × ${block}, patch merging 8·width² per stage${classes ? `, head ${last} × ${classes.n} (${classes.how})` : ' (head not counted: classes left to the program)'}`,
    'medium',
  );
}

/** A list of positive integers at `path` (at most 8), or undefined. */
function stageList(doc: ConfigDoc, path: string): number[] | undefined {
  const values: number[] = [];
  for (let i = 0; i < 8; i++) {
    const n = doc.get(`${path}.${i}`);
    if (!n) break;
    const v = positiveInteger(n.value);
    if (v === undefined) return undefined;
    values.push(v);
  }
  return values.length === 0 || doc.has(`${path}.${values.length}`) ? undefined : values;
}

/** A non-empty path or name. */
function stated(v: ConfigValue | undefined): v is ConfigValue {
  return typeof v?.value === 'string' && v.value.trim() !== '' && !/^(none|null)$/i.test(v.value.trim());
}

/**
 * PySlowFast's checkpoint keys (slowfast/config/defaults.py): `TRAIN.CHECKPOINT_FILE_PATH` ("the checkpoint to load
 * the initial weight"), unless `CHECKPOINT_INFLATE` inflates a 2D image classifier's weights into the video network
 * (a classification backbone only: the labels' pre-training); `CHECKPOINT_EPOCH_RESET` ("reset epochs when loading
 * checkpoint": a finished run's checkpoint starts a new schedule) and `CHECKPOINT_TYPE: caffe2` (the format of the
 * released Caffe2 models to load) state that a checkpoint is loaded whose path the launch gives.
 */
function checkpointStart(doc: ConfigDoc): { at: ConfigValue; detail: string } | undefined {
  const path = doc.get('TRAIN.CHECKPOINT_FILE_PATH');
  if (doc.get('TRAIN.CHECKPOINT_INFLATE')?.value === true) return undefined;
  if (stated(path)) return { at: path, detail: `TRAIN.CHECKPOINT_FILE_PATH: ${String(path.value)}` };
  const reset = doc.get('TRAIN.CHECKPOINT_EPOCH_RESET');
  if (reset?.value === true)
    return { at: reset, detail: 'TRAIN.CHECKPOINT_EPOCH_RESET: True (a loaded checkpoint starts a new schedule)' };
  const type = doc.get('TRAIN.CHECKPOINT_TYPE');
  if (typeof type?.value === 'string' && type.value.toLowerCase() === 'caffe2')
    return { at: type, detail: 'TRAIN.CHECKPOINT_TYPE: caffe2 (released Caffe2 weights are loaded)' };
  return undefined;
}

function readMode(
  doc: ConfigDoc,
  at: ConfigValue,
  evaluation: { at: ConfigValue; detail: string } | undefined,
  out: FactSink,
): void {
  const section = architectureSection(doc);
  const weights = [doc.get('MODEL.PRETRAINED'), section ? doc.get(`${section}.PRETRAINED`) : undefined].find(stated);
  const resume = doc.get('MODEL.RESUME');
  const frozen = [...doc.entries('MODEL'), ...(section ? doc.entries(section) : [])].find(
    (e) => FREEZE.test(e.key) && e.value === true,
  );
  const checkpoint = checkpointStart(doc);
  if (evaluation) {
    out.add('training.mode', 'inference', evaluation.at, evaluation.detail);
    return;
  }
  if (frozen) {
    // Probing: a head trained on a frozen, pretrained backbone (a fine-tune of that backbone, by the labels' rules).
    out.add('model.fromScratch', false, frozen, `${frozen.path}: True, a pretrained backbone kept frozen`);
    out.add('training.mode', 'finetune', frozen, `${frozen.path}: True (probing a frozen pretrained backbone)`);
  } else if (weights && classificationBackbone(String(weights.value)) && taskDataset(doc)) {
    // A segmenter or detector (HRNet's `DATASET: cityscapes`) initialised from an ImageNet classifier: only its
    // backbone starts from those weights; the network for its task is trained, not fine-tuned.
    const detail = `${weights.path}: ${String(weights.value)}, an ImageNet classification backbone for a ${taskDataset(doc)} model`;
    out.add('model.fromScratch', true, weights, `${detail}: the task's network trains from scratch`);
    out.add('training.mode', 'pretrain', weights, `${detail}: trained, not fine-tuned`);
  } else if (weights) {
    out.add('model.fromScratch', false, weights, `${weights.path}: ${String(weights.value)}`);
    out.add('training.mode', 'finetune', weights, `${weights.path}: starts from these weights`);
  } else if (checkpoint) {
    out.add('model.fromScratch', false, checkpoint.at, checkpoint.detail);
    out.add('training.mode', 'finetune', checkpoint.at, `${checkpoint.detail}: starts from a checkpoint`, 'medium');
  } else if (stated(resume)) {
    out.add('model.fromScratch', false, resume, `${resume.path}: ${String(resume.value)}`);
    out.add('training.mode', 'finetune', resume, `${resume.path}: continues from this checkpoint`);
  } else if (typeof at.value === 'string' && at.key === 'NAME' && FINE_TUNE_NAME.test(at.value)) {
    // Swin's fine-tuning configs leave the checkpoint to `main.py --pretrained <file>`; their name says what they are.
    out.add('model.fromScratch', false, at, `MODEL.NAME ${at.value}: a fine-tune by its name`, 'medium');
    out.add('training.mode', 'finetune', at, `MODEL.NAME ${at.value}: a fine-tune (weights given at launch)`, 'medium');
  } else {
    out.add('model.fromScratch', true, at, 'no MODEL.PRETRAINED or MODEL.RESUME: trained from random initialisation');
  }
}

/** The dataset a config trains on when it is not ImageNet (`DATASET.DATASET: cityscapes`): a task beyond classification. */
function taskDataset(doc: ConfigDoc): string | undefined {
  const dataset = doc.str('DATASET.DATASET') ?? doc.str('DATA.DATASET');
  return dataset && !/imagenet|^in(?:1k|21k|22k)?$/i.test(dataset) ? dataset : undefined;
}

/**
 * A segmenter named by its two halves (CSAIL's semantic-segmentation-pytorch: `MODEL.arch_encoder: resnet50dilated`,
 * `MODEL.arch_decoder: ppm_deepsup`, built by ModelBuilder.build_encoder/build_decoder): the model is the pair. Its
 * size is not read from the name (no catalog row is the pair).
 */
function readEncoderDecoder(doc: ConfigDoc, out: FactSink): void {
  const encoder = doc.get('MODEL.arch_encoder') ?? doc.get('MODEL.ARCH_ENCODER');
  const decoder = doc.str('MODEL.arch_decoder') ?? doc.str('MODEL.ARCH_DECODER');
  const word = /^[A-Za-z][\w-]{0,60}$/;
  if (!encoder || typeof encoder.value !== 'string' || !decoder || !word.test(encoder.value) || !word.test(decoder))
    return;
  out.add(
    'model.id',
    `${encoder.value}-${decoder}`,
    encoder,
    `MODEL.arch_encoder ${encoder.value} with MODEL.arch_decoder ${decoder}: the segmenter's two halves`,
  );
}

/** Keys that fix the iterations of one epoch (CSAIL's `TRAIN.epoch_iters`): with the epochs, the run's steps. */
const EPOCH_LENGTH_KEYS = ['TRAIN.epoch_iters', 'TRAIN.EPOCH_ITERS', 'TRAIN.ITERS_PER_EPOCH'];

function readLength(doc: ConfigDoc, evaluates: boolean, out: FactSink): void {
  const perEpoch = evaluates ? undefined : firstCount(doc, EPOCH_LENGTH_KEYS);
  if (perEpoch)
    out.add('training.stepsPerEpoch', perEpoch.n, perEpoch.v, `${perEpoch.v.path}: ${perEpoch.n} iterations an epoch`);
  const epochs = evaluates ? undefined : firstCount(doc, EPOCH_KEYS);
  if (epochs) out.add('training.epochs', epochs.n, epochs.v, `${epochs.v.path}: ${epochs.n}`);
  const batch = firstCount(doc, BATCH_KEYS);
  if (batch) out.add('training.batchPerDevice', batch.n, batch.v, `${batch.v.path}: ${batch.n} (per GPU)`);
}

/** The first of the keys the config sets to a positive integer, with its value. */
function firstCount(doc: ConfigDoc, keys: readonly string[]): { v: ConfigValue; n: number } | undefined {
  for (const key of keys) {
    const v = doc.get(key);
    const n = positiveInteger(v?.value);
    if (v && n) return { v, n };
  }
  return undefined;
}

/**
 * `AMP_OPT_LEVEL`: NVIDIA apex AMP levels, O0 pure fp32 and O1–O3 fp16 (apex docs, "opt_level"); `AMP_ENABLE: True`
 * (Swin's torch.cuda.amp, float16 unless `AMP_TYPE` says bfloat16), `AMP.ENABLED` (CvT's).
 */
function readPrecision(doc: ConfigDoc, out: FactSink): void {
  const level = doc.get('AMP_OPT_LEVEL');
  const type = doc.str('AMP_TYPE')?.toLowerCase();
  const half = type && /bfloat16|bf16/.test(type) ? 'bf16' : 'fp16';
  if (typeof level?.value === 'string' && /^O[0-3]$/.test(level.value)) {
    out.add('training.precision', level.value === 'O0' ? 'fp32' : half, level, `AMP_OPT_LEVEL: ${level.value}`);
    return;
  }
  // PySlowFast's `TRAIN.MIXED_PRECISION` ("If True, use FP16 for activations": torch.cuda.amp.autocast in its
  // tools/train_net.py, float16 by default), False by default.
  const mixed = doc.get('TRAIN.MIXED_PRECISION');
  if (typeof mixed?.value === 'boolean') {
    const p = mixed.value ? 'fp16' : 'fp32';
    out.add('training.precision', p, mixed, `TRAIN.MIXED_PRECISION: ${mixed.value ? 'True (fp16 autocast)' : 'False'}`);
    return;
  }
  // CvT's `AMP: {ENABLED: true}` (its trainer's `autocast(enabled=config.AMP.ENABLED)`, float16) as Swin's `AMP_ENABLE`.
  const enable = doc.get('AMP_ENABLE') ?? doc.get('AMP.ENABLED');
  const key = enable?.path ?? 'AMP_ENABLE';
  if (enable?.value === true) out.add('training.precision', half, enable, `${key}: True (${half})`);
  else if (enable?.value === false) out.add('training.precision', 'fp32', enable, `${key}: False`);
}

/**
 * Detectron2's ImageNet classification backbones (`detectron2://ImageNetPretrained/MSRA/R-50.pkl`,
 * `.../torchvision/R-50.pkl`; detectron2/checkpoint/catalog.py, C2_IMAGENET_MODELS): its detection configs start
 * from these, the detector's heads initialised at random, which is how the model zoo's "trained from scratch"
 * detectors are trained (the labels' rule: pre-training of the detector, not a fine-tune of it). The older
 * `catalog://ImageNetPretrained/FAIR/R-50-GN` names resolve to the same folder (catalog.py, ModelCatalog.get).
 * So do the DeepLab project's `detectron2://DeepLab/R-52.pkl` and `R-103.pkl`, ResNets with a deep stem "pre-trained on
 * ImageNet using the default recipe of pytorch examples" (detectron2 projects/DeepLab/README.md).
 * So do the same backbones converted and kept beside the configs under their release names (`R-101.pkl`,
 * `swin_large_patch4_window12_384_22k.pkl`: Mask2Former's and Detic's configs; classificationBackbone.ts).
 */
/** How a detectron2 config's link to the config it derives from starts (analyze.ts keeps a derived-from run listed). */
export const DETECTRON2_BASE_LINK = '_BASE_: ';

export const DETECTRON2_BACKBONE_ONLY =
  /^(?:(?:detectron2|catalog):\/\/ImageNetPretrained\/|detectron2:\/\/DeepLab\/R-\d{2,3}\.pkl$)/;

/**
 * The detector a `MODEL.META_ARCHITECTURE` names (`Detr`, `GeneralizedRCNN`, `RetinaNet`), lower-cased, with the
 * ResNet depth when one is stated (`detr-resnet-50`, the catalog row whose published checkpoint carries that name). A mask
 * head (`MASK_ON: True`) adds layers of its own: the name then stays the architecture's alone, so no catalog row
 * of the box-only model sizes it.
 */
function detectorName(arch: unknown, depth: unknown, mask: unknown): string | undefined {
  if (typeof arch !== 'string' || !/^[A-Za-z][A-Za-z0-9]{1,40}$/.test(arch)) return undefined;
  const d = positiveInteger(depth);
  if (!d || mask === true) return arch.toLowerCase();
  const named = `${arch.toLowerCase()}-resnet-${d}`;
  return catalogIdForRepoName(named) ?? named;
}

/**
 * Detectron2's own head classes (detectron2/modeling/roi_heads: `Res5ROIHeads`, the default, and `StandardROIHeads`;
 * the box, mask and keypoint heads the model zoo uses): a config naming another class builds a detector of its own
 * (a project's `DensePoseROIHeads`, `PointRendMaskHead`; detectron2's `CascadeROIHeads`, Cai & Vasconcelos 2018,
 * Cascade R-CNN), named by that class and not sized by the stock detector's catalog row.
 */
const STOCK_HEADS = new Set([
  'Res5ROIHeads',
  'StandardROIHeads',
  'FastRCNNConvFCHead',
  'MaskRCNNConvUpsampleHead',
  'KRCNNConvDeconvUpsampleHead',
]);
const HEAD_KEYS = [
  'MODEL.ROI_HEADS.NAME',
  'MODEL.ROI_MASK_HEAD.NAME',
  'MODEL.ROI_KEYPOINT_HEAD.NAME',
  'MODEL.ROI_BOX_HEAD.NAME',
];

function customHeads(doc: ConfigDoc): { name: string; at: ConfigValue; detail: string } | undefined {
  for (const key of HEAD_KEYS) {
    const head = doc.get(key);
    const v = head?.value;
    if (typeof v !== 'string' || STOCK_HEADS.has(v) || !/^[A-Z][A-Za-z0-9]{1,60}$/.test(v)) continue;
    if (v === 'CascadeROIHeads') return { name: 'cascade-rcnn', at: head!, detail: `${key}: ${v} (Cascade R-CNN)` };
    const stem = v.replace(/(?:Res5)?(?:ROIHeads|MaskHead|KeypointHead|BoxHead|Head)$/, '');
    if (stem.length < 2) continue;
    return { name: stem.toLowerCase(), at: head!, detail: `${key}: ${v} (a detector of its own heads)` };
  }
  return undefined;
}

/**
 * Detectron2's R-CNN family by the heads a `GeneralizedRCNN` config switches on (detectron2/config/defaults.py:
 * `MODEL.MASK_ON` and `MODEL.KEYPOINT_ON`, both False by default; the model zoo names its configs so, MODEL_ZOO.md
 * "COCO Object Detection Baselines" (Faster R-CNN), "COCO Instance Segmentation" (Mask R-CNN), "COCO Person Keypoint
 * Detection" (Keypoint R-CNN)) and `PanopticFPN` (Kirillov et al. 2019, Panoptic Feature Pyramid Networks). Read from
 * what this file states: a switch it sets names the detector even when the architecture comes from its `_BASE_`; a
 * `GeneralizedRCNN` with neither switch on is Faster R-CNN. Unsized (the backbone and heads vary).
 */
function rcnnName(doc: ConfigDoc): { name: string; at: ConfigValue; detail: string } | undefined {
  const custom = customHeads(doc);
  if (custom) return custom;
  const arch = doc.get('MODEL.META_ARCHITECTURE');
  const a = typeof arch?.value === 'string' ? arch.value : undefined;
  if (a === 'PanopticFPN') return { name: 'panoptic-fpn', at: arch!, detail: 'MODEL.META_ARCHITECTURE PanopticFPN' };
  if (a !== undefined && a !== 'GeneralizedRCNN') return undefined;
  const keypoint = doc.get('MODEL.KEYPOINT_ON');
  const mask = doc.get('MODEL.MASK_ON');
  // maskrcnn-benchmark's switches (maskrcnn_benchmark/config/defaults.py, and the detectors built on it: FCOS, ATSS):
  // `MODEL.RETINANET_ON: True` puts a RetinaNet head in place of the R-CNN's (Lin et al. 2017, "Focal Loss for Dense
  // Object Detection"); `MODEL.RPN_ONLY: True` alone trains the region proposal network (Ren et al. 2015) and nothing after.
  const retinanet = doc.get('MODEL.RETINANET_ON');
  if (retinanet?.value === true)
    return { name: 'retinanet', at: retinanet, detail: 'MODEL.RETINANET_ON: True (RetinaNet)' };
  const rpnOnly = doc.get('MODEL.RPN_ONLY');
  if (rpnOnly?.value === true && mask?.value !== true && keypoint?.value !== true)
    return { name: 'rpn', at: rpnOnly, detail: 'MODEL.RPN_ONLY: True (the region proposal network alone)' };
  if (keypoint?.value === true)
    return { name: 'keypoint-rcnn', at: keypoint, detail: 'MODEL.KEYPOINT_ON: True (Keypoint R-CNN)' };
  if (mask?.value === true) return { name: 'mask-rcnn', at: mask, detail: 'MODEL.MASK_ON: True (Mask R-CNN)' };
  // Written off (or left at its default under a GeneralizedRCNN this file names): the box detector alone.
  if (mask?.value === false && keypoint?.value !== true)
    return { name: 'faster-rcnn', at: mask, detail: 'MODEL.MASK_ON: False (Faster R-CNN)' };
  if (arch && mask === undefined && keypoint === undefined)
    return {
      name: 'faster-rcnn',
      at: arch,
      detail: 'MODEL.META_ARCHITECTURE GeneralizedRCNN, no mask or keypoint head',
    };
  return undefined;
}

/**
 * The backbone's size words, stated apart in a detectron2 config and the `_BASE_` it derives from
 * (detectron2/config/defaults.py): `MODEL.RESNETS.DEPTH` (50, 101; a ResNet, not a ResNeXt, when
 * `MODEL.RESNETS.NUM_GROUPS` is left at 1) and `MODEL.BACKBONE.NAME` (`build_resnet_fpn_backbone`,
 * `build_retinanet_resnet_fpn_backbone`: a feature pyramid on it). With the detector's name they pick a catalog row of
 * the whole detector (`mask-rcnn` + `resnet-50` + `fpn`); alone they say nothing.
 */
function readBackboneWords(doc: ConfigDoc, out: FactSink): void {
  const body = maskrcnnBenchmarkBody(doc);
  const stated = doc.get('MODEL.RESNETS.DEPTH');
  const depth = stated ?? body?.at;
  const d = positiveInteger(stated?.value) ?? (stated ? undefined : body?.depth);
  const said = (colon: string) =>
    stated ? `MODEL.RESNETS.DEPTH${colon} ${d}` : `MODEL.BACKBONE.CONV_BODY${colon} ${body?.name}`;
  const groups = positiveInteger(doc.get('MODEL.RESNETS.NUM_GROUPS')?.value);
  const width = positiveInteger(doc.get('MODEL.RESNETS.WIDTH_PER_GROUP')?.value);
  if (depth && d && (groups === undefined || groups === 1))
    out.add('model.variant', `resnet-${d}`, depth, `${said(':')} (a ResNet-${d} backbone)`, 'low');
  else if (depth && d && groups && width)
    // ResNeXt-D (G×W d): NUM_GROUPS groups of WIDTH_PER_GROUP channels (Xie et al. 2017), both stated with the depth.
    out.add(
      'model.variant',
      `resnext-${d}-${groups}x${width}d`,
      depth,
      `${said('')}, NUM_GROUPS ${groups}, WIDTH_PER_GROUP ${width} (ResNeXt-${d} ${groups}x${width}d)`,
      'low',
    );
  const backbone = doc.get('MODEL.BACKBONE.NAME');
  if (typeof backbone?.value === 'string' && /^build_\w{0,40}_fpn_backbone$/.test(backbone.value))
    out.add('model.variant', 'fpn', backbone, `MODEL.BACKBONE.NAME: ${backbone.value} (a feature pyramid)`, 'low');
  else if (body?.fpn)
    out.add('model.variant', 'fpn', body.at, `MODEL.BACKBONE.CONV_BODY: ${body.name} (a feature pyramid)`, 'low');
}

/**
 * maskrcnn-benchmark's backbone word (maskrcnn_benchmark/config/defaults.py `_C.MODEL.BACKBONE.CONV_BODY`, default
 * "R-50-C4"; maskrcnn_benchmark/modeling/backbone/backbone.py registers "R-50-C4", "R-50-C5", "R-101-C4", "R-101-C5",
 * "R-50-FPN", "R-101-FPN", "R-152-FPN" and the "-RETINANET" pyramids): the ResNet's depth and whether a feature
 * pyramid sits on it. A ResNeXt is the same body with `MODEL.RESNETS.NUM_GROUPS` and `WIDTH_PER_GROUP` set
 * (readBackboneWords). Other bodies (FBNet, a project's Swin) name no ResNet.
 */
function maskrcnnBenchmarkBody(
  doc: ConfigDoc,
): { at: ConfigValue; name: string; depth: number; fpn: boolean } | undefined {
  const at = doc.get('MODEL.BACKBONE.CONV_BODY');
  const m = typeof at?.value === 'string' ? /^R-(\d{2,3})-(FPN|C4|C5)(?:-RETINANET)?$/.exec(at.value) : null;
  const depth = m ? positiveInteger(Number(m[1])) : undefined;
  return at && m && depth ? { at, name: m[0], depth, fpn: m[2] === 'FPN' } : undefined;
}

/**
 * Detectron2 configs (its CfgNode extends yacs; `tools/train_net.py --config-file <this>`, and the many projects
 * built on it): `_BASE_` names the config this one derives from (read through a link, so what the base states,
 * `SOLVER.MAX_ITER` or `IMS_PER_BATCH`, joins the run unless this file overrides it), `SOLVER.MAX_ITER`
 * iterations, `SOLVER.IMS_PER_BATCH` images across all GPUs (detectron2 docs, "Use Custom Datasets"/defaults.py:
 * "Number of images per batch across all machines"), `SOLVER.AMP.ENABLED` (fp16 autocast), `MODEL.WEIGHTS`
 * (initial weights: a fine-tune of them; `""` trains from scratch; an ImageNet backbone alone, see DETECTRON2_BACKBONE_ONLY),
 * `MODEL.META_ARCHITECTURE` with `MODEL.RESNETS.DEPTH` (the detector's name, sized only by a catalog row of it). The `Base-*.yaml` files a repository's configs derive from are no runs alone (entryPoint.ts).
 */
export const detectron2: ConfigDialect = {
  name: 'detectron2',
  words: ['_BASE_', 'SOLVER'],
  // A file of `_BASE_` alone (Detic's `BoxSup_OVCOCO_CLIP_R50_1x.yaml: _BASE_: "Base_OVCOCO_C4_1x.yaml"`) is the run
  // its base defines, under the name the documentation and model zoo give it.
  detect: (doc) =>
    (typeof doc.str('_BASE_') === 'string' &&
      (upperCaseSection(doc.get('MODEL')) ||
        upperCaseSection(doc.get('SOLVER')) ||
        (doc.entries().length === 1 && /\.ya?ml$/.test(doc.str('_BASE_')!)))) ||
    (upperCaseSection(doc.get('MODEL')) &&
      (positiveInteger(doc.get('SOLVER.MAX_ITER')?.value) !== undefined ||
        // An epoch-counted config defines a whole model (its architecture); a task overlay merged over one (GLIP's
        // `odinw_13/*.yaml`: datasets, a head's class count and `SOLVER.MAX_EPOCH`) names none.
        (positiveInteger(doc.get('SOLVER.MAX_EPOCH')?.value) !== undefined &&
          typeof doc.str('MODEL.META_ARCHITECTURE') === 'string'))),
  read(doc: ConfigDoc, out: FactSink): void {
    const anchor = doc.get('_BASE_') ?? doc.get('MODEL') ?? doc.get('SOLVER')!;
    out.add('run.framework', 'detectron2', anchor, 'detectron2 config (train_net.py --config-file <this>)');
    const base = doc.get('_BASE_');
    if (typeof base?.value === 'string' && /^[\w./-]{1,300}\.ya?ml$/.test(base.value))
      out.add('link.config', base.value, base, `${DETECTRON2_BASE_LINK}the config this one derives from`, 'low');
    const iterations = doc.get('SOLVER.MAX_ITER');
    const n = positiveInteger(iterations?.value);
    if (iterations && n) out.add('training.steps', n, iterations, `SOLVER.MAX_ITER: ${n}`);
    // maskrcnn-benchmark's descendants (GLIP, its `SOLVER.MAX_EPOCH`; maskrcnn_benchmark/config/defaults.py) train
    // for a number of epochs instead of iterations when the config says so.
    const epochs = doc.get('SOLVER.MAX_EPOCH');
    const e = positiveInteger(epochs?.value);
    if (epochs && e) out.add('training.epochs', e, epochs, `SOLVER.MAX_EPOCH: ${e}`);
    const batch = doc.get('SOLVER.IMS_PER_BATCH');
    const b = positiveInteger(batch?.value);
    if (batch && b) out.add('training.globalBatch', b, batch, `SOLVER.IMS_PER_BATCH: ${b} images across all GPUs`);
    const amp = doc.get('SOLVER.AMP.ENABLED');
    if (amp?.value === true) out.add('training.precision', 'fp16', amp, 'SOLVER.AMP.ENABLED: True (fp16 autocast)');
    // A project's own switch at the top (`FP16: True`: Detic's and CenterNet2's config key, `_C.FP16`, which their
    // train_net.py hands to detectron2's AMPTrainer): the same fp16 autocast.
    // GLIP's `SOLVER.USE_AMP: True` (its trainer runs the step under `torch.cuda.amp.autocast`): fp16 autocast too.
    const useAmp = doc.get('SOLVER.USE_AMP');
    if (useAmp?.value === true && amp?.value !== true)
      out.add('training.precision', 'fp16', useAmp, 'SOLVER.USE_AMP: True (fp16 autocast)');
    const fp16 = doc.get('FP16');
    if (fp16?.value === true && amp?.value !== true && useAmp?.value !== true)
      out.add('training.precision', 'fp16', fp16, "FP16: True (the project's switch for fp16 autocast, AMPTrainer)");
    const arch = doc.get('MODEL.META_ARCHITECTURE');
    const rcnn = rcnnName(doc);
    const name = rcnn
      ? undefined
      : detectorName(arch?.value, doc.get('MODEL.RESNETS.DEPTH')?.value, doc.get('MODEL.MASK_ON')?.value);
    if (rcnn) out.add('model.id', rcnn.name, rcnn.at, rcnn.detail, 'medium');
    else if (arch && name) out.add('model.id', name, arch, `MODEL.META_ARCHITECTURE ${String(arch.value)}`, 'medium');
    // A detector other than an R-CNN with a mask head on it is named by its architecture alone (detectorName): its
    // size words would pick the box-only model's catalog row.
    if (rcnn || !arch || doc.get('MODEL.MASK_ON')?.value !== true) readBackboneWords(doc, out);
    // maskrcnn-benchmark (and GLIP) name the initial weights `MODEL.WEIGHT`; detectron2 `MODEL.WEIGHTS`.
    const weights = doc.get('MODEL.WEIGHTS') ?? doc.get('MODEL.WEIGHT');
    const blank = weights?.value === '' ? weights : undefined;
    if (
      stated(weights) &&
      (DETECTRON2_BACKBONE_ONLY.test(String(weights.value)) || classificationBackbone(String(weights.value)))
    ) {
      // Only the classification backbone is initialised: the detector itself trains from scratch.
      const detail = `${weights.path}: ${String(weights.value)}, an ImageNet classification backbone only`;
      out.add('model.fromScratch', true, weights, `${detail}: the detector trains from scratch`);
      out.add('training.mode', 'pretrain', weights, `${detail}: the detector is trained, not fine-tuned`);
    } else if (stated(weights)) {
      out.add('model.fromScratch', false, weights, `${weights.path}: ${String(weights.value)}`);
      out.add('training.mode', 'finetune', weights, `${weights.path}: starts from ${String(weights.value)}`);
    } else if (blank) {
      // Every weight starts at random (over whatever checkpoint a `_BASE_` names): the detector is trained from scratch.
      const at = blank;
      out.add('model.fromScratch', true, at, `${at.path}: "" (random initialisation)`);
      out.add('training.mode', 'pretrain', at, `${at.path}: "" (random initialisation: trained from scratch)`);
    }
    out.add('launch.trainer', 'config:detectron2', anchor, 'detectron2 training config');
  },
};
