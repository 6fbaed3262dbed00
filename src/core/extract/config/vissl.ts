import type { ConfigDialect, ConfigDoc, ConfigValue, FactSink } from './dialect';
import { vitBlockFormula, vitBlockParams } from './selfSupervisedVit';
import { positiveInteger } from '../positiveInteger';

/**
 * VISSL configs (github.com/facebookresearch/vissl, and the self-supervised codebases built on it): Hydra files
 * marked `# @package _global_` whose settings all sit under one root key `config:`, chosen on the launch line as the
 * option of the `config` group (`run_distributed_engines.py config=pretrain/swav/swav_8node_resnet`) and merged over
 * the program's primary config (vissl/config/defaults.yaml, `defaults: [_self_, config: ???]`). The sections are
 * upper-case: `MODEL.TRUNK` (`NAME: resnet` with `RESNETS.DEPTH`, `vision_transformer` with `VISION_TRANSFORMERS`
 * `NUM_LAYERS`/`HIDDEN_DIM`/`MLP_DIM`, `xcit` with `XCIT`, `regnet` with `REGNET.name`), `MODEL.AMP_PARAMS`
 * (`USE_AMP`, `AMP_TYPE: apex | pytorch`, apex `AMP_ARGS.opt_level`), `MODEL.WEIGHTS_INIT.PARAMS_FILE` (the weights
 * the run starts from), `MODEL.FEATURE_EVAL_SETTINGS` (a frozen trunk evaluated), `OPTIMIZER.num_epochs`,
 * `DISTRIBUTED.NUM_NODES` × `NUM_PROC_PER_NODE`, `TEST_ONLY`, and the top-level `engine_name` (`extract_features`,
 * `extract_label_predictions`: inference engines; `train` the default).
 *
 * The same folders hold override fragments (`+config/pretrain/swav/models=resnet50_w2`) that set a trunk, a dataset
 * or an optimiser alone. A file is a run when it states the data it reads (`DATA.TRAIN`/`DATA.TEST` `DATA_SOURCES`,
 * or an image-retrieval benchmark's datasets) and the processes it runs on (`DISTRIBUTED`); what it leaves out is the
 * primary config's documented default (below), recorded as that.
 */

/**
 * vissl/config/defaults.yaml (VISSL v0.1.6, the primary config every run config is merged over): `MODEL.TRUNK.NAME:
 * "resnet"` with `RESNETS.DEPTH: 50`; `AMP_PARAMS.USE_AMP: False` and `AMP_TYPE: "apex"` with `AMP_ARGS: {"opt_level":
 * "O1"}`; `OPTIMIZER.num_epochs: 90`; `DISTRIBUTED.NUM_NODES: 1`, `NUM_PROC_PER_NODE: 8`;
 * `WEIGHTS_INIT.PARAMS_FILE: ""` (random initialisation).
 */
const DEFAULTS = {
  source: 'VISSL defaults.yaml',
  trunk: 'resnet',
  resnetDepth: 50,
  epochs: 90,
  nodes: 1,
  procsPerNode: 8,
} as const;

/** Sections of evaluation programs that score a frozen trunk's features (no optimiser steps of the run's). */
const BENCHMARK_SECTIONS = ['SVM', 'NEAREST_NEIGHBOR', 'IMG_RETRIEVAL', 'GEO_LOCALIZATION'];
/** `engine_name`s that only run the model forward (VISSL's engines: `train`, `extract_features`, `extract_label_predictions`, `extract_cluster`). */
const INFERENCE_ENGINE = /^extract_/;

function root(doc: ConfigDoc): ConfigDoc | undefined {
  const config = doc.get('config');
  if (config?.shape !== 'map') return undefined;
  return doc.at('config');
}

function isSection(doc: ConfigDoc, path: string): boolean {
  return doc.get(path)?.shape === 'map';
}

/** A non-empty list at `path` (the primary config's `DATA_SOURCES: []` names no data). */
function nonEmptyList(c: ConfigDoc, path: string): boolean {
  return c.get(path)?.shape === 'seq' && c.get(`${path}.0`) !== undefined;
}

/** The image-retrieval benchmark's dataset, which that program reads instead of `DATA`. */
function retrievalDataset(c: ConfigDoc): boolean {
  return typeof c.str('IMG_RETRIEVAL.EVAL_DATASET_NAME') === 'string';
}

function statesData(c: ConfigDoc): boolean {
  return nonEmptyList(c, 'DATA.TRAIN.DATA_SOURCES') || nonEmptyList(c, 'DATA.TEST.DATA_SOURCES') || retrievalDataset(c);
}

function statesProcesses(c: ConfigDoc): boolean {
  return (
    positiveInteger(c.num('DISTRIBUTED.NUM_PROC_PER_NODE')) !== undefined ||
    positiveInteger(c.num('DISTRIBUTED.NUM_NODES')) !== undefined
  );
}

export const vissl: ConfigDialect = {
  name: 'vissl',
  words: ['DATA_SOURCES', 'IMG_RETRIEVAL'],
  detect(doc) {
    // The primary config (`defaults: [_self_, config: ???]`) holds every section at its default and leaves the run
    // to the launch line's choice of a `config` option: not a run alone.
    if (doc.get('defaults')?.shape === 'seq') return false;
    const c = root(doc);
    // A retrieval benchmark may leave the processes to the defaults; a training or extraction config states them.
    return !!c && isSection(c, 'MODEL') && statesData(c) && (statesProcesses(c) || retrievalDataset(c));
  },
  owns: (path) => path === 'config.OPTIMIZER.num_epochs' || path.startsWith('config.DISTRIBUTED.'),
  read(doc: ConfigDoc, out: FactSink): void {
    const c = root(doc)!;
    const anchor = doc.get('config')!;
    out.add('run.framework', 'vissl', anchor, 'VISSL config (config: root, merged over the program’s defaults.yaml)');
    readTrunk(c, anchor, out);
    const inference = inferenceReason(doc, c);
    readMode(c, anchor, inference, out);
    if (!inference) readEpochs(c, anchor, out);
    readProcesses(c, anchor, out);
    readPrecision(c, anchor, out);
    if (inference) out.add('launch.inference', 'config:vissl', inference.at, inference.detail);
    else
      out.add(
        'launch.trainer',
        'config:vissl',
        anchor,
        'VISSL training config (run_distributed_engines.py config=<this>)',
      );
  },
};

/** Why the config only runs the model forward, if it does. */
function inferenceReason(doc: ConfigDoc, c: ConfigDoc): { at: ConfigValue; detail: string } | undefined {
  const engine = doc.get('engine_name');
  if (typeof engine?.value === 'string' && INFERENCE_ENGINE.test(engine.value))
    return { at: engine, detail: `engine_name: ${engine.value} (a forward pass over the data, no training)` };
  const testOnly = c.get('TEST_ONLY');
  if (testOnly?.value === true) return { at: testOnly, detail: 'TEST_ONLY: True (the model is only evaluated)' };
  if (!isSection(c, 'OPTIMIZER')) {
    const bench = BENCHMARK_SECTIONS.map((s) => c.get(s)).find((v) => v?.shape === 'map');
    if (bench)
      return { at: bench, detail: `${bench.key}: a benchmark of the trunk's features, with no optimiser section` };
    const frozen = c.get('MODEL.FEATURE_EVAL_SETTINGS.FREEZE_TRUNK_AND_HEAD');
    if (frozen?.value === true) return { at: frozen, detail: 'FREEZE_TRUNK_AND_HEAD: True, no optimiser section' };
  }
  return undefined;
}

/** The trunk the config names (or the primary config's ResNet-50), with its size where the file states the architecture. */
function readTrunk(c: ConfigDoc, anchor: ConfigValue, out: FactSink): void {
  const name = c.get('MODEL.TRUNK.NAME');
  const trunk = typeof name?.value === 'string' ? name.value.trim() : '';
  if (!name || !trunk) {
    if (c.get('MODEL.TRUNK') === undefined)
      out.add(
        'model.id',
        `${DEFAULTS.trunk}${DEFAULTS.resnetDepth}`,
        anchor,
        `no MODEL.TRUNK: the trunk of ${DEFAULTS.source} (resnet, RESNETS.DEPTH ${DEFAULTS.resnetDepth})`,
        'medium',
      );
    return;
  }
  if (/^resnet$/i.test(trunk)) {
    readResnet(c, name, out);
    return;
  }
  if (/^regnet/i.test(trunk)) {
    const named = c.get('MODEL.TRUNK.REGNET.name');
    if (typeof named?.value === 'string' && /^regnet_[xy]_\w{1,12}$/i.test(named.value))
      out.add('model.id', named.value.toLowerCase(), named, `MODEL.TRUNK.REGNET.name: ${named.value}`);
    else out.add('model.id', trunk, name, `MODEL.TRUNK.NAME: ${trunk}`);
    return;
  }
  out.add('model.id', trunk, name, `MODEL.TRUNK.NAME: ${trunk}`);
  readTransformer(c, trunk, out);
}

/**
 * `RESNETS.DEPTH` (50 when left to the defaults) names torchvision's ResNet of that depth, which VISSL's trunk builds
 * (vissl/models/trunks/resnext.py: torchvision's Bottleneck blocks, `WIDTH_MULTIPLIER` 1, `GROUPS` 1 by default). A
 * wider or grouped trunk (`WIDTH_MULTIPLIER: 2`, `GROUPS: 32`) is another network: named, not sized by that row.
 */
function readResnet(c: ConfigDoc, name: ConfigValue, out: FactSink): void {
  const depthAt = c.get('MODEL.TRUNK.RESNETS.DEPTH');
  const depth = positiveInteger(depthAt?.value) ?? (depthAt ? undefined : DEFAULTS.resnetDepth);
  const width = c.num('MODEL.TRUNK.RESNETS.WIDTH_MULTIPLIER') ?? 1;
  const groups = c.num('MODEL.TRUNK.RESNETS.GROUPS') ?? 1;
  if (!depth || width !== 1 || groups !== 1) {
    out.add(
      'model.id',
      'resnet',
      name,
      `MODEL.TRUNK.NAME: resnet${width !== 1 ? `, WIDTH_MULTIPLIER ${width}` : ''}${groups !== 1 ? `, GROUPS ${groups}` : ''}`,
    );
    return;
  }
  const detail = depthAt
    ? `MODEL.TRUNK.RESNETS.DEPTH: ${depth}`
    : `MODEL.TRUNK.NAME: resnet, DEPTH ${depth} (${DEFAULTS.source})`;
  out.add('model.id', `resnet${depth}`, depthAt ?? name, detail);
}

/**
 * Transformer trunks stated by their shape (`VISION_TRANSFORMERS` for `vision_transformer`, `convit` and their FSDP
 * builds; `XCIT` for `xcit`): `NUM_LAYERS` blocks of width `HIDDEN_DIM` with an MLP of `MLP_DIM` (4 × width when
 * not stated), 4·d² + 2·d·mlp weights a block (patch embedding, norms and biases add under 1%). XCiT adds two
 * class-attention layers of the same width after its blocks (El-Nouby et al. 2021, "XCiT: Cross-Covariance Image
 * Transformers", arXiv:2106.09681, §3: "we add two class attention layers", following CaiT).
 */
function readTransformer(c: ConfigDoc, trunk: string, out: FactSink): void {
  const xcit = /^xcit/i.test(trunk);
  const section = xcit ? 'MODEL.TRUNK.XCIT' : 'MODEL.TRUNK.VISION_TRANSFORMERS';
  if (!isSection(c, section)) return;
  const layersAt = c.get(`${section}.NUM_LAYERS`);
  const widthAt = c.get(`${section}.HIDDEN_DIM`);
  const depth = positiveInteger(layersAt?.value);
  const width = positiveInteger(widthAt?.value);
  if (!layersAt || !widthAt || !depth || !width) return;
  const mlpStated = positiveInteger(c.get(`${section}.MLP_DIM`)?.value);
  const ratio = c.num(`${section}.MLP_RATIO`);
  const mlp = mlpStated ?? (ratio && ratio > 0 && ratio <= 16 ? Math.round(ratio * width) : undefined);
  const shape = { depth: depth + (xcit ? 2 : 0), width, ...(mlp !== undefined && mlp !== 4 * width ? { mlp } : {}) };
  out.add(
    'model.params',
    vitBlockParams(shape),
    layersAt,
    `${section.split('.').pop()} NUM_LAYERS ${depth}, HIDDEN_DIM ${width}${mlp ? `, MLP ${mlp}` : ''}: ${vitBlockFormula(shape)}${xcit ? ' (with XCiT’s two class-attention layers)' : ''}`,
    'medium',
  );
}

/**
 * Weights the run starts from (`WEIGHTS_INIT.PARAMS_FILE`, a placeholder such as "specify path" included: the run
 * loads weights the user gives) make a fine-tune (a linear probe of a frozen trunk too); an evaluation config is
 * inference; otherwise the trunk trains from random initialisation.
 */
function readMode(
  c: ConfigDoc,
  anchor: ConfigValue,
  inference: { at: ConfigValue; detail: string } | undefined,
  out: FactSink,
): void {
  if (inference) {
    out.add('training.mode', 'inference', inference.at, inference.detail);
    return;
  }
  const weights = c.get('MODEL.WEIGHTS_INIT.PARAMS_FILE');
  if (typeof weights?.value === 'string' && weights.value.trim() !== '') {
    out.add('model.fromScratch', false, weights, `WEIGHTS_INIT.PARAMS_FILE: ${weights.value}`);
    out.add('training.mode', 'finetune', weights, `WEIGHTS_INIT.PARAMS_FILE: the run starts from these weights`);
    return;
  }
  const at = weights ?? anchor;
  out.add('model.fromScratch', true, at, 'no WEIGHTS_INIT.PARAMS_FILE: the trunk starts from random initialisation');
  out.add('training.mode', 'pretrain', at, 'VISSL training from random initialisation');
}

function readEpochs(c: ConfigDoc, anchor: ConfigValue, out: FactSink): void {
  const at = c.get('OPTIMIZER.num_epochs');
  const n = positiveInteger(at?.value);
  if (at && n) out.add('training.epochs', n, at, `OPTIMIZER.num_epochs: ${n}`);
  else if (!at)
    out.add(
      'training.epochs',
      DEFAULTS.epochs,
      anchor,
      `OPTIMIZER.num_epochs ${DEFAULTS.epochs} (${DEFAULTS.source})`,
      'medium',
    );
}

/** `NUM_PROC_PER_NODE` processes (one GPU each) on each of `NUM_NODES` machines; what is left out is the defaults'. */
function readProcesses(c: ConfigDoc, anchor: ConfigValue, out: FactSink): void {
  const procsAt = c.get('DISTRIBUTED.NUM_PROC_PER_NODE');
  const nodesAt = c.get('DISTRIBUTED.NUM_NODES');
  const procs = positiveInteger(procsAt?.value);
  const nodes = positiveInteger(nodesAt?.value);
  if (procsAt && procs)
    out.add('hardware.devices', procs, procsAt, `DISTRIBUTED.NUM_PROC_PER_NODE: ${procs} (one GPU each)`);
  else if (!procsAt)
    out.add(
      'hardware.devices',
      DEFAULTS.procsPerNode,
      c.get('DISTRIBUTED') ?? anchor,
      `DISTRIBUTED.NUM_PROC_PER_NODE ${DEFAULTS.procsPerNode} (${DEFAULTS.source})`,
      'medium',
    );
  if (nodesAt && nodes) out.add('hardware.nodes', nodes, nodesAt, `DISTRIBUTED.NUM_NODES: ${nodes}`);
}

/**
 * `AMP_PARAMS.USE_AMP: True` autocasts to float16: `AMP_TYPE: pytorch` is torch.cuda.amp (float16 by default), and
 * apex (the default type) at `opt_level` O1–O3 is float16, O0 float32 (apex docs, "opt_level"). `USE_AMP: False`
 * (the default) computes in float32.
 */
function readPrecision(c: ConfigDoc, anchor: ConfigValue, out: FactSink): void {
  const use = c.get('MODEL.AMP_PARAMS.USE_AMP');
  if (use?.value !== true) {
    out.add(
      'training.precision',
      'fp32',
      use ?? anchor,
      use ? 'AMP_PARAMS.USE_AMP: False' : `AMP_PARAMS.USE_AMP False (${DEFAULTS.source})`,
      use ? 'high' : 'medium',
    );
    return;
  }
  const type = c.str('MODEL.AMP_PARAMS.AMP_TYPE')?.toLowerCase() ?? 'apex';
  const level = c.str('MODEL.AMP_PARAMS.AMP_ARGS.opt_level');
  if (type === 'apex' && level === 'O0') {
    out.add('training.precision', 'fp32', use, 'AMP_PARAMS.USE_AMP: True with apex opt_level O0 (float32)');
    return;
  }
  out.add('training.precision', 'fp16', use, `AMP_PARAMS.USE_AMP: True (${type} AMP, float16)`);
}
