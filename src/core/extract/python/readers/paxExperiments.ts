import type { Node } from 'web-tree-sitter';
import type { FileRule } from '../rules';
import type { PythonReadContext } from '../context';
import { TRAINER_REGISTRY } from '../entryPoint';

/**
 * Pax (paxml) experiment-registry modules. Pax's entry point (`python -m paxml.main --exp=<module>.<Class>` or
 * `--fdl_config=<module>.<Class>`) runs a class of such a module that `@experiment_registry.register` registered
 * (paxml/main.py flag `exp`: "a format like <task>.<module>.<experiment>, registered … with
 * @experiment_registry.register"; paxml/experiment_registry.py `register`/`get`: the key is the module path and class
 * name, any trailing part of it). Each registered class is a whole experiment: the model, its mesh, the learner and
 * the number of training steps, set as upper-case class attributes over its bases (`MAX_STEPS = 600000`,
 * `ICI_MESH_SHAPE = [8, 1, 1]`, `FPROP_DTYPE = jnp.bfloat16`) and read by the class's `task()`. The module is a run
 * (as an AXLearn registry is); the entry program is config-driven.
 *
 * Read per registered class, through the bases defined in the module (Python's attribute look-up, left base first):
 * - the model: the class that sets the architecture's dimensions (`NUM_LAYERS`/`MODEL_DIMS`), less a `Base` suffix
 *   (`GPT126MBase` → `GPT126M`), else the experiment's own name (`MnistExperiment`);
 * - steps: the attribute the module binds to `num_train_steps` (`task_p.train.num_train_steps = self.MAX_STEPS`,
 *   `num_train_steps=self.TRAIN_STEPS`), else `NUM_TRAIN_STEPS` (paxml/tasks/lm/model_params.py binds
 *   `task_p.train.num_train_steps = self.NUM_TRAIN_STEPS`);
 * - precision: `FPROP_DTYPE`; an experiment built on Pax's root `BaseExperiment` and classes of the module only, with no
 *   fprop dtype anywhere in the module, computes in float32 (praxis base_layer.BaseLayer `fprop_dtype` defaults to
 *   jnp.float32; paxml/partitioning.py: "Fprop datatype, can be either jnp.float32 or jnp.bfloat16");
 * - devices: `ICI_MESH_SHAPE` times `DCN_MESH_SHAPE` (the per-slice and across-slice device meshes), the ICI mesh
 *   alone where the chain is the module's own over `BaseExperiment` and sets no DCN mesh;
 * - from scratch unless the chain restores a checkpoint (a `CHECKPOINT_RESTORE_PATH` attribute, a base named for
 *   checkpoint restoring, `init_from_checkpoint_rules`): Pax initialises the model's variables otherwise
 *   (paxml/trainer_lib.py `initialize_model_state`).
 * Each class's facts carry `within: <Class>`, so a launch naming the class (`--fdl_config=…configs.Pile126M`) draws
 * only its facts; the module's own run reads them in order, the first registered experiment first.
 */

const FRAMEWORK = 'pax';
const REGISTER = /^@experiment_registry\.register\b/;
/** Registered classes read (a module registers tens; a hostile one may register thousands). */
const MAX_CLASSES = 200;
/** Attribute statements read per class. */
const MAX_ATTRIBUTES = 300;
/** Bases followed up a chain. */
const MAX_DEPTH = 12;
const ATTRIBUTE = /^[A-Z][A-Z0-9_]{0,60}$/;
const DTYPES: Record<string, string> = { bfloat16: 'bf16', float16: 'fp16', float32: 'fp32' };
const MAX_MESH_DEVICES = 1_000_000;
const ROOT_BASE = /^(?:base_experiment\.)?BaseExperiment$/;
const TEST_NAME = /test/i;
/** A base for other experiments to build on (`BaseLLaMA`, `GPT126MBase`), registered or not: no run of its own. */
const BASE_NAME = /^Base[A-Z0-9]|Base$/;
const RESTORE_BASE = /checkpoint|restore|finetun/i;

/**
 * Pax's own Transformer LM/BERT experiment bases (paxml/tasks/lm/model_params.py `TransformerLmSpmdAdafactor`,
 * `TransformerLmPmapAdam`, `TransformerBertPmapAdam`, …, and c4.py's `TransformerLmSpmdAdam` over them) build a plain
 * (ungated) feed-forward, tie the softmax to the embedding and learn no position table unless told: their class
 * attributes `USE_GATED_ACTIVATION = False`, `SEPARATE_EMBEDDING = False`, `TRAINABLE_POSITION_EMB = False`
 * (model_params.py:317, 404, 494, 573-582, 778-787). A base of that name imported from the paxml package has them.
 */
const PAX_LM_BASE = /^Transformer(?:Lm|Bert)\w{0,60}$/;
const PAX_LM_DEFAULTS: Readonly<Record<string, boolean>> = {
  USE_GATED_ACTIVATION: false,
  SEPARATE_EMBEDDING: false,
  TRAINABLE_POSITION_EMB: false,
};

interface PaxClass {
  readonly node: Node;
  readonly name: string;
  readonly bases: readonly string[];
  readonly attributes: ReadonlyMap<string, Node>;
  readonly registered: boolean;
}

function classesOf(ctx: PythonReadContext): Map<string, PaxClass> {
  const out = new Map<string, PaxClass>();
  for (const child of ctx.tree.rootNode.namedChildren) {
    if (out.size >= MAX_CLASSES * 2) break;
    const decorated = child?.type === 'decorated_definition';
    const def = decorated ? child.childForFieldName('definition') : child;
    if (def?.type !== 'class_definition') continue;
    const name = def.childForFieldName('name')?.text;
    if (!name) continue;
    const registered =
      decorated && child.namedChildren.some((c) => c?.type === 'decorator' && REGISTER.test(c.text.slice(0, 80)));
    const bases = (def.childForFieldName('superclasses')?.namedChildren ?? [])
      .filter((b): b is Node => b?.type === 'identifier' || b?.type === 'attribute')
      .map((b) => b.text)
      .slice(0, 20);
    const attributes = new Map<string, Node>();
    for (const stmt of (def.childForFieldName('body')?.namedChildren ?? []).slice(0, MAX_ATTRIBUTES)) {
      const assign = stmt?.type === 'expression_statement' ? stmt.namedChildren[0] : undefined;
      if (assign?.type !== 'assignment') continue;
      const left = assign.childForFieldName('left');
      const right = assign.childForFieldName('right');
      if (left?.type === 'identifier' && right && ATTRIBUTE.test(left.text)) attributes.set(left.text, right);
    }
    out.set(name, { node: def, name, bases, attributes, registered: !!registered });
  }
  return out;
}

/** The class of `cls`'s chain that sets `key` (left base first, as Python looks attributes up), with its value. */
function lookUp(
  classes: ReadonlyMap<string, PaxClass>,
  cls: PaxClass,
  key: string,
  depth = 0,
): { owner: PaxClass; value: Node } | undefined {
  const own = cls.attributes.get(key);
  if (own) return { owner: cls, value: own };
  if (depth >= MAX_DEPTH) return undefined;
  for (const base of cls.bases) {
    const b = classes.get(base);
    const found = b && lookUp(classes, b, key, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/** Whether every base up `cls`'s chain is a class of the module or Pax's root BaseExperiment. */
function ownChain(classes: ReadonlyMap<string, PaxClass>, cls: PaxClass, depth = 0): boolean {
  if (depth >= MAX_DEPTH) return false;
  return cls.bases.every((base) => {
    if (ROOT_BASE.test(base)) return true;
    const b = classes.get(base);
    return !!b && ownChain(classes, b, depth + 1);
  });
}

function chainNames(classes: ReadonlyMap<string, PaxClass>, cls: PaxClass, out: string[] = [], depth = 0): string[] {
  if (depth >= MAX_DEPTH || out.length > 60) return out;
  for (const base of cls.bases) {
    out.push(base);
    const b = classes.get(base);
    if (b) chainNames(classes, b, out, depth + 1);
  }
  return out;
}

/** Bases up `cls`'s chain that are not classes of the module. */
function externalBases(classes: ReadonlyMap<string, PaxClass>, cls: PaxClass, out = new Set<string>(), depth = 0) {
  if (depth >= MAX_DEPTH || out.size > 40) return out;
  for (const base of cls.bases) {
    const b = classes.get(base);
    if (b) externalBases(classes, b, out, depth + 1);
    else out.add(base);
  }
  return out;
}

/** Names the module imports from the paxml package (`from paxml.tasks.lm.params.c4 import TransformerLmSpmdAdam`). */
function paxImports(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(/^from[ \t]+paxml(?:\.\w{1,60}){0,8}[ \t]+import[ \t]+([\w \t,]{1,400})$/gm))
    for (const name of m[1].split(',')) if (out.size < 200) out.add(name.trim());
  return out;
}

/** A True/False attribute of the chain, else the default Pax's LM bases give it (PAX_LM_DEFAULTS). */
function flagOf(
  classes: ReadonlyMap<string, PaxClass>,
  cls: PaxClass,
  key: string,
  imported: ReadonlySet<string>,
): boolean | undefined {
  const found = lookUp(classes, cls, key);
  if (found) return found.value.type === 'true' ? true : found.value.type === 'false' ? false : undefined;
  const external = [...externalBases(classes, cls)];
  return external.length > 0 && external.every((b) => PAX_LM_BASE.test(b) && imported.has(b))
    ? PAX_LM_DEFAULTS[key]
    : undefined;
}

/**
 * The transformer's sizes where the chain states them and its feed-forward is known to be ungated (the sizing the
 * estimate does, L·(4d² + 2·d·d_ff) + (V + P)·d, counts two feed-forward matrices): layers, width, feed-forward width,
 * vocabulary, a learned position table of MAX_SEQ_LEN (TRAINABLE_POSITION_EMB) and an untied softmax
 * (SEPARATE_EMBEDDING).
 */
function readSizes(
  ctx: PythonReadContext,
  classes: ReadonlyMap<string, PaxClass>,
  cls: PaxClass,
  imported: ReadonlySet<string>,
  tag: (...attributes: string[]) => void,
): void {
  const value = (key: string) => {
    const found = lookUp(classes, cls, key);
    return found ? intOf(classes, cls, found.value) : undefined;
  };
  const layers = value('NUM_LAYERS');
  const dims = value('MODEL_DIMS');
  const hidden = value('HIDDEN_DIMS');
  const vocab = value('VOCAB_SIZE');
  if (!layers || !dims || !hidden || !vocab) return;
  if (flagOf(classes, cls, 'USE_GATED_ACTIVATION', imported) !== false) return;
  const at = lookUp(classes, cls, 'NUM_LAYERS')?.value ?? cls.node;
  const kinds: Array<[Parameters<PythonReadContext['add']>[0], number | boolean, string]> = [
    ['model.layers', layers, 'NUM_LAYERS'],
    ['model.hiddenSize', dims, 'MODEL_DIMS'],
    ['model.ffnSize', hidden, 'HIDDEN_DIMS'],
    ['model.vocabSize', vocab, 'VOCAB_SIZE'],
  ];
  const positions = flagOf(classes, cls, 'TRAINABLE_POSITION_EMB', imported) ? value('MAX_SEQ_LEN') : undefined;
  if (positions) kinds.push(['model.learnedPositions', positions, 'MAX_SEQ_LEN']);
  if (flagOf(classes, cls, 'SEPARATE_EMBEDDING', imported))
    kinds.push(['model.untiedHead', true, 'SEPARATE_EMBEDDING']);
  for (const [kind, v, key] of kinds) {
    ctx.add(
      kind,
      v,
      at,
      `${cls.name}.${key} = ${String(v)} (ungated feed-forward: USE_GATED_ACTIVATION False)`,
      'medium',
    );
    tag(key);
  }
}

function intOf(classes: ReadonlyMap<string, PaxClass>, cls: PaxClass, node: Node, depth = 0): number | undefined {
  if (depth > 4) return undefined;
  if (node.type === 'integer' && /^\d[\d_]{0,15}$/.test(node.text)) {
    const n = Number(node.text.replace(/_/g, ''));
    return Number.isSafeInteger(n) ? n : undefined;
  }
  if (node.type === 'binary_operator' && node.childForFieldName('operator')?.text === '*') {
    const a = node.childForFieldName('left');
    const b = node.childForFieldName('right');
    const x = a ? intOf(classes, cls, a, depth + 1) : undefined;
    const y = b ? intOf(classes, cls, b, depth + 1) : undefined;
    return x !== undefined && y !== undefined && Number.isSafeInteger(x * y) ? x * y : undefined;
  }
  if (node.type === 'identifier' && ATTRIBUTE.test(node.text)) {
    const found = lookUp(classes, cls, node.text);
    return found ? intOf(classes, cls, found.value, depth + 1) : undefined;
  }
  return undefined;
}

function meshOf(node: Node | undefined): number[] | undefined {
  if (node?.type !== 'list' && node?.type !== 'tuple') return undefined;
  const dims = node.namedChildren.map((c) => (c?.type === 'integer' ? Number(c.text) : NaN));
  return dims.length > 0 && dims.length <= 8 && dims.every((d) => Number.isInteger(d) && d > 0) ? dims : undefined;
}

/** Attributes the module binds to the trainer's `num_train_steps` (`num_train_steps = self.MAX_STEPS`). */
function stepAttributes(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/\bnum_train_steps[ \t]*=[ \t]*(?:self|cls)\.([A-Z][A-Z0-9_]{0,60})\b/g)) {
    if (!out.includes(m[1])) out.push(m[1]);
    if (out.length >= 8) break;
  }
  if (!out.includes('NUM_TRAIN_STEPS')) out.push('NUM_TRAIN_STEPS');
  return out;
}

function readClass(
  ctx: PythonReadContext,
  classes: ReadonlyMap<string, PaxClass>,
  cls: PaxClass,
  steps: readonly string[],
  imported: ReadonlySet<string>,
): void {
  const header = cls.node.childForFieldName('name') ?? cls.node;
  // `fromFlags`: the attributes a value is read from; a launch setting one (`--fdl.MAX_STEPS=…`) replaces it.
  const tag = (...attributes: string[]): void =>
    ctx.amendLast({ within: cls.name, ...(attributes.length > 0 ? { fromFlags: attributes } : {}) });
  const arch = lookUp(classes, cls, 'NUM_LAYERS') ?? lookUp(classes, cls, 'MODEL_DIMS');
  const model = arch ? arch.owner.name.replace(/(?<=.)Base$/, '') : cls.name;
  ctx.add(
    'model.id',
    model,
    header,
    arch
      ? `${cls.name}: the architecture's dimensions are set by ${arch.owner.name}`
      : `the registered experiment ${cls.name}`,
    'medium',
  );
  tag();
  readSizes(ctx, classes, cls, imported, tag);
  for (const key of steps) {
    const found = lookUp(classes, cls, key);
    const n = found && intOf(classes, cls, found.value);
    if (found && n !== undefined && n > 0) {
      ctx.add('training.steps', n, found.value, `${cls.name}.${key} = ${n} (num_train_steps)`, 'medium');
      tag(key);
      break;
    }
  }
  const own = ownChain(classes, cls);
  const fprop = lookUp(classes, cls, 'FPROP_DTYPE');
  const dtype = fprop && /^(?:jnp|np|jax\.numpy)\.(\w{1,20})$/.exec(fprop.value.text)?.[1];
  if (dtype && DTYPES[dtype]) {
    ctx.add('training.precision', DTYPES[dtype], fprop.value, `${fprop.owner.name}.FPROP_DTYPE = ${dtype}`, 'medium');
    tag('FPROP_DTYPE');
  } else if (!fprop && own && !/fprop_dtype|FPROP_DTYPE|bfloat16|float16/.test(ctx.text)) {
    ctx.add(
      'training.precision',
      'fp32',
      header,
      `${cls.name} sets no fprop dtype (praxis BaseLayer.fprop_dtype defaults to float32)`,
      'medium',
    );
    tag('FPROP_DTYPE');
  }
  const ici = lookUp(classes, cls, 'ICI_MESH_SHAPE');
  const dcn = lookUp(classes, cls, 'DCN_MESH_SHAPE');
  const iciDims = meshOf(ici?.value);
  const dcnDims = dcn ? meshOf(dcn.value) : own ? [] : undefined;
  if (iciDims && dcnDims) {
    const devices = [...iciDims, ...dcnDims].reduce((a, b) => a * b, 1);
    if (devices <= MAX_MESH_DEVICES) {
      ctx.add(
        'hardware.devices',
        devices,
        ici!.value,
        `${cls.name}: ICI_MESH_SHAPE ${ici!.value.text}${dcn ? ` × DCN_MESH_SHAPE ${dcn.value.text}` : ''} = ${devices} device(s)`,
        'medium',
      );
      tag('ICI_MESH_SHAPE', 'DCN_MESH_SHAPE');
    }
  }
  const restores =
    lookUp(classes, cls, 'CHECKPOINT_RESTORE_PATH') !== undefined ||
    chainNames(classes, cls).some((b) => RESTORE_BASE.test(b)) ||
    /init_from_checkpoint_rules/.test(cls.node.text.slice(0, 50_000));
  ctx.add(
    'model.fromScratch',
    !restores,
    header,
    restores
      ? `${cls.name} restores a checkpoint before training`
      : `${cls.name} restores no checkpoint: Pax initialises the model's variables`,
    'medium',
  );
  tag('CHECKPOINT_RESTORE_PATH');
}

export const paxExperiments: FileRule = {
  framework: FRAMEWORK,
  phase: 'after-calls',
  words: ['experiment_registry'],
  runStart: /^@experiment_registry\.register\b/m,
  runStartInDefinitions: true,
  read: (_index, ctx) => {
    if (!ctx.text.includes('@experiment_registry.register')) return;
    const classes = classesOf(ctx);
    const registered = [...classes.values()]
      .filter((c) => c.registered && !BASE_NAME.test(c.name))
      .slice(0, MAX_CLASSES);
    if (registered.length === 0) return;
    // The module's own run starts at its first registered experiment not named for a test.
    const first = registered.find((c) => !TEST_NAME.test(c.name)) ?? registered[0];
    const at = first.node.childForFieldName('name') ?? first.node;
    ctx.add('run.framework', FRAMEWORK, at, '@experiment_registry.register: Pax experiments', 'medium');
    ctx.add(
      'launch.trainer',
      TRAINER_REGISTRY,
      at,
      `@experiment_registry.register: the experiments paxml.main runs with --exp/--fdl_config (${registered.length} registered)`,
      'medium',
    );
    const steps = stepAttributes(ctx.text.slice(0, 500_000));
    const imported = paxImports(ctx.text.slice(0, 500_000));
    readClass(ctx, classes, first, steps, imported);
    for (const cls of registered) if (cls !== first) readClass(ctx, classes, cls, steps, imported);
  },
};
