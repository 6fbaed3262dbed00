import type { Node, Tree } from 'web-tree-sitter';
import { findModelByName } from '../knowledge';
import { layersBuiltInSteps, type TurnBudget } from './constructorLoops';
import { argumentsOfCall, constructorScope, positionalParameterNames } from './constructorScope';
import type { GivenArguments } from './givenArguments';
import { evaluate, keywordArgument, positionalArguments, type SymbolTable } from './pythonValues';

/**
 * Counts the parameters of a PyTorch `nn.Module` subclass from the layers its
 * `__init__` builds with constant arguments, using each layer's documented
 * parameter shapes (torch.nn reference). Layers whose sizes cannot be read are
 * listed; the count is then only a lower bound, which callers must not give as the module's size.
 */

export interface ModuleCount {
  readonly className: string;
  readonly params: number;
  readonly layers: number;
  /** Layer expressions whose size could not be read statically. */
  readonly unresolved: string[];
  readonly hasConvolution: boolean;
}

/** torch layers a network class may extend (`class MeanShift(nn.Conv2d)`): sized as the layer (LAYER_BASE). */
const LAYER_NAMES = 'Conv[123]d|ConvTranspose[123]d|Linear|Embedding|LayerNorm|BatchNorm[123]d|GroupNorm';
const MODULE_BASES = new RegExp(
  `(^|\\.)(Module|LightningModule|PreTrainedModel|Sequential)$|^(?:torch\\.)?nn\\.(?:${LAYER_NAMES})$`,
);
/** `nn.Sequential` as a base: the subclass's layers are what its constructor hands `super().__init__(*layers)`. */
const SEQUENTIAL_BASE = /^(?:(?:torch\.)?nn\.)?Sequential$/;
/**
 * A torch layer as a base (`class MeanShift(nn.Conv2d)`, a fixed 1×1 convolution set up in `__init__`): the subclass
 * holds the layer its constructor builds through `super().__init__(3, 3, kernel_size=1)`, sized as that layer.
 */
const LAYER_BASE = new RegExp(`^(?:torch\\.)?nn\\.(${LAYER_NAMES})$`);
/** The base's constructor called: `super().__init__(`, `super(Upsample, self).__init__(`, `nn.Sequential.__init__(self, `. */
const BASE_INIT = /^(?:super[ \t]*\([^()]{0,200}\)|(?:(?:torch\.)?nn\.)?Sequential)[ \t]*\.[ \t]*__init__$/;
/**
 * Layers without parameters: counted as known zero, not as unresolved. torch.nn reference (pytorch.org/docs/stable/
 * nn.html): the non-linear activations other than PReLU, pooling, padding, dropout, shuffling and reshaping layers,
 * LocalResponseNorm, and the loss functions hold no weights.
 */
const PARAMETER_FREE = new Set([
  'Softplus',
  'Softsign',
  'Softshrink',
  'Softmin',
  'Softmax2d',
  'Hardtanh',
  'Hardsigmoid',
  'Hardswish',
  'Hardshrink',
  'ReLU6',
  'RReLU',
  'SELU',
  'CELU',
  'GLU',
  'LogSigmoid',
  'Tanhshrink',
  'Threshold',
  'AlphaDropout',
  'FeatureAlphaDropout',
  'AdaptiveMaxPool1d',
  'AdaptiveMaxPool3d',
  'FractionalMaxPool2d',
  'FractionalMaxPool3d',
  'LPPool1d',
  'LPPool2d',
  'MaxUnpool1d',
  'MaxUnpool2d',
  'MaxUnpool3d',
  'ReflectionPad1d',
  'ReflectionPad2d',
  'ReflectionPad3d',
  'ReplicationPad1d',
  'ReplicationPad2d',
  'ReplicationPad3d',
  'ZeroPad1d',
  'ZeroPad3d',
  'ConstantPad1d',
  'ConstantPad2d',
  'ConstantPad3d',
  'CircularPad1d',
  'CircularPad2d',
  'CircularPad3d',
  'UpsamplingNearest2d',
  'UpsamplingBilinear2d',
  'PixelUnshuffle',
  'ChannelShuffle',
  'LocalResponseNorm',
  'Dropout',
  'Dropout1d',
  'Dropout2d',
  'Dropout3d',
  'ReLU',
  'GELU',
  'SiLU',
  'Tanh',
  'Sigmoid',
  'Softmax',
  'LogSoftmax',
  'LeakyReLU',
  'ELU',
  'Mish',
  'Identity',
  'Flatten',
  'Unflatten',
  'MaxPool1d',
  'MaxPool2d',
  'MaxPool3d',
  'AvgPool1d',
  'AvgPool2d',
  'AvgPool3d',
  'AdaptiveAvgPool1d',
  'AdaptiveAvgPool2d',
  'AdaptiveAvgPool3d',
  'AdaptiveMaxPool2d',
  'Upsample',
  'PixelShuffle',
  'CrossEntropyLoss',
  'MSELoss',
  'NLLLoss',
  'BCEWithLogitsLoss',
  'ZeroPad2d',
]);

/**
 * The sizes of the environment an RL script trains on (knowledge/data/rlEnvironments.ts), for layers sized from its
 * spaces: `np.array(envs.single_observation_space.shape).prod()`, `envs.single_action_space.n`,
 * `np.prod(envs.single_action_space.shape)`, `env.observation_space.shape[0]`.
 */
export interface EnvironmentSizes {
  readonly observation?: number;
  readonly actions?: number;
}

/** `int(...)` around an expression, taken off (bounded). */
const INT_WRAPPER = /^int\((.{1,200})\)$/s;
const SPACE_SHAPE =
  /^(?:(?:np|numpy)\.array\([\w.]{1,80}\.(?:single_)?(observation|action)_space\.shape\)\.prod\(\)|(?:np|numpy)\.prod\([\w.]{1,80}\.(?:single_)?(observation|action)_space\.shape\)|[\w.]{1,80}\.(?:single_)?(observation|action)_space\.shape\[0\])$/;
const DISCRETE_ACTIONS = /^[\w.]{1,80}\.(?:single_)?action_space\.n$/;

function environmentSize(node: Node, ctx: Context): number | undefined {
  if (!ctx.environment) return undefined;
  const text = node.text.replace(/\s+/g, '');
  const inner = INT_WRAPPER.exec(text)?.[1] ?? text;
  if (DISCRETE_ACTIONS.test(inner)) return ctx.environment.actions;
  const shape = SPACE_SHAPE.exec(inner);
  if (!shape) return undefined;
  return (shape[1] ?? shape[2] ?? shape[3]) === 'observation' ? ctx.environment.observation : ctx.environment.actions;
}

interface Context {
  readonly environment?: EnvironmentSizes;
  /** The names the code being counted reads: a constructor's scope (constructorScope.ts) over the module's. */
  readonly symbols: SymbolTable;
  /** The file's own table, which every constructor's body sees under its own names. */
  readonly moduleSymbols: SymbolTable;
  /** The constructor's local lists of layers (`layers = []` filled in a loop), with their modules' parameters. */
  readonly lists?: ReadonlyMap<string, number>;
  /**
   * Bindings being expanded on the way down (their call nodes' ids), and helpers (their definitions' ids with the values
   * they were called with), shared: neither is expanded in itself.
   */
  readonly expanding: Set<number | string>;
  /** Loop turns spent in counting this file's networks (shared with the classes they build). */
  readonly budget: TurnBudget;
  /**
   * Counts already made in this file, by class, depth and the values its constructor's parameters take: a block built
   * in a loop of a hundred turns is counted once. With the unresolved parts that count added.
   */
  readonly memo: Map<string, { readonly count: ModuleCount | undefined; readonly unresolved: readonly string[] }>;
  readonly classes: ReadonlyMap<string, Node>;
  /**
   * Functions the code being counted may call to build layers, by name: those defined in the constructor being read
   * (`def block(in_features): ...`, seeing its names), over the module's own top-level functions (helperFunctions).
   */
  /** The syntax tree's root of the module whose names `moduleSymbols` holds (its top-level functions are helpers). */
  readonly moduleRoot?: Node;
  readonly helpers?: ReadonlyMap<string, { readonly fn: Node; readonly outer: SymbolTable }>;
  /** A class this module uses but does not define, found in the module it imports it from (python/moduleWorld.ts). */
  readonly foreign?: (qualified: string) => ForeignClass | undefined;
  /** A helper function this module imports (`from .arch_util import make_layer`), found the same way. */
  readonly foreignFunction?: (qualified: string) => ForeignFunction | undefined;
  /**
   * Parameters of the function or constructor being read that the call handed a class (`make_layer(ResidualGroup,
   * 10, num_feat=64)`: `basic_block` is `ResidualGroup`), with the module that class is read in: a call of the
   * parameter builds that class.
   */
  readonly classArguments?: ReadonlyMap<string, ClassInModule>;
  readonly depth: number;
  readonly unresolved: string[];
  /**
   * What the count has met, shared by every context of one network's count (contexts are copied as the count descends
   * into nested classes and helpers, so a flag on a copy would be lost): a convolution anywhere makes the network's
   * forward cost depend on its input size.
   */
  readonly seen: { convolution: boolean };
  layers: number;
}

/** What a definition of a module is read with: that module's names, classes, and what it imports. */
interface ModuleParts {
  readonly classes: ReadonlyMap<string, Node>;
  readonly symbols: SymbolTable;
  readonly foreign?: (qualified: string) => ForeignClass | undefined;
  readonly foreignFunction?: (qualified: string) => ForeignFunction | undefined;
}

/** A module class of another file, with that file's names and classes (its constructor's defaults read there). */
export interface ForeignClass extends ModuleParts {
  readonly cls: Node;
}

/** A top-level function of another file, with that file's names and classes (what its body reads). */
export interface ForeignFunction extends ModuleParts {
  readonly fn: Node;
}

/** A class handed to a function or constructor as an argument, and the module it is read in. */
interface ClassInModule extends ModuleParts {
  readonly cls: Node;
}

/** A context reading code of the module `parts` describes (its own classes, names and imports), one level deeper. */
function inModule(ctx: Context, cls: Node, parts: ModuleParts): Context {
  return {
    ...ctx,
    classes: parts.classes,
    moduleSymbols: parts.symbols,
    moduleRoot: cls.tree.rootNode,
    foreign: parts.foreign,
    foreignFunction: parts.foreignFunction,
    depth: ctx.depth + 1,
  };
}

/** The module parts of the context's own module. */
function partsOf(ctx: Context): ModuleParts {
  return {
    classes: ctx.classes,
    symbols: ctx.moduleSymbols,
    foreign: ctx.foreign,
    foreignFunction: ctx.foreignFunction,
  };
}

/**
 * The class an expression names where `ctx` reads it (`ResidualGroup`, `common.ResBlock`, a parameter that was handed
 * one), with the module to read it in; undefined for anything else (a value, torch's own layer, an unknown name).
 */
function classNamed(node: Node | null | undefined, ctx: Context): ClassInModule | undefined {
  if (!node || (node.type !== 'identifier' && node.type !== 'attribute') || node.text.length > 200) return undefined;
  if (TORCH_QUALIFIED.test(node.text)) return undefined;
  if (node.type === 'identifier') {
    const passed = ctx.classArguments?.get(node.text);
    if (passed) return passed;
    const own = ctx.classes.get(node.text);
    if (own) return { cls: own, ...partsOf(ctx) };
  }
  return ctx.foreign?.(node.text);
}

/**
 * Which of a definition's parameters the call hands a class (`make_layer(ResidualGroup, n, ...)` → `basic_block`),
 * each with the module it is read in. Undefined when none is.
 */
function classArgumentsOf(
  definition: Node,
  call: Node,
  ctx: Context,
  method: boolean,
): Map<string, ClassInModule> | undefined {
  const args = call.childForFieldName('arguments');
  if (!args) return undefined;
  const names = positionalParameterNames(definition, method);
  let out: Map<string, ClassInModule> | undefined;
  const note = (name: string | undefined, value: Node | null | undefined) => {
    const found = name ? classNamed(value, ctx) : undefined;
    if (name && found) (out ??= new Map()).set(name, found);
  };
  positionalArguments(args).forEach((a, i) => note(names[i], a));
  for (const a of args.namedChildren)
    if (a?.type === 'keyword_argument') note(a.childForFieldName('name')?.text, a.childForFieldName('value'));
  return out;
}

function lastName(fn: Node | null): string {
  if (!fn) return '';
  return fn.type === 'attribute' ? (fn.childForFieldName('attribute')?.text ?? '') : fn.text;
}

function numberArg(args: Node, index: number, name: string, ctx: Context, fallback?: number): number | undefined {
  const node = keywordArgument(args, name) ?? positionalArguments(args)[index] ?? null;
  if (!node) return fallback;
  const fromEnvironment = environmentSize(node, ctx);
  if (fromEnvironment !== undefined) return fromEnvironment;
  const r = evaluate(node, ctx.symbols);
  if (typeof r?.value === 'number') return r.value;
  if (Array.isArray(r?.value) && r.value.every((v) => typeof v === 'number')) return r.value.reduce((a, b) => a * b, 1);
  return undefined;
}

function boolArg(args: Node, index: number, name: string, ctx: Context, fallback: boolean): boolean {
  const node = keywordArgument(args, name) ?? positionalArguments(args)[index] ?? null;
  if (!node) return fallback;
  const r = evaluate(node, ctx.symbols);
  return typeof r?.value === 'boolean' ? r.value : fallback;
}

/** Kernel volume: `3` in Conv2d means 3×3. */
function kernelVolume(args: Node, ctx: Context, dims: number): number | undefined {
  const node = keywordArgument(args, 'kernel_size') ?? positionalArguments(args)[2] ?? null;
  const r = node ? evaluate(node, ctx.symbols) : undefined;
  if (typeof r?.value === 'number') return r.value ** dims;
  if (Array.isArray(r?.value) && r.value.every((v) => typeof v === 'number')) return r.value.reduce((a, b) => a * b, 1);
  return undefined;
}

function attention(e: number, bias: boolean): number {
  return 4 * e * e + (bias ? 4 * e : 0);
}

function encoderLayer(d: number, ff: number): number {
  return attention(d, true) + 2 * d * ff + ff + d + 4 * d;
}

function decoderLayer(d: number, ff: number): number {
  return 2 * attention(d, true) + 2 * d * ff + ff + d + 6 * d;
}

function recurrent(args: Node, ctx: Context, gates: number): number | undefined {
  const input = numberArg(args, 0, 'input_size', ctx);
  const hidden = numberArg(args, 1, 'hidden_size', ctx);
  const layers = numberArg(args, 2, 'num_layers', ctx, 1);
  const bias = boolArg(args, 3, 'bias', ctx, true);
  const directions = boolArg(args, 7, 'bidirectional', ctx, false) ? 2 : 1;
  if (input === undefined || hidden === undefined || layers === undefined) return undefined;
  let total = 0;
  for (let l = 0; l < layers; l++) {
    const inSize = l === 0 ? input : hidden * directions;
    total += directions * (gates * hidden * (inSize + hidden) + (bias ? 2 * gates * hidden : 0));
  }
  return total;
}

/** A callee of torch or of a module aliased from it: never a class of the repository. */
const TORCH_QUALIFIED = /^(?:torch|nn|F|functional|torchvision|np|math)\./;

/** Parameters of one layer-constructing call, or undefined when it cannot be sized. */
function callParams(call: Node, ctx: Context, asLayer?: string): number | undefined {
  const fn = call.childForFieldName('function');
  // `asLayer`: the call is a base constructor (`super().__init__(3, 3, kernel_size=1)`) building that torch layer.
  const name = asLayer ?? lastName(fn);
  const args = call.childForFieldName('arguments');
  if (!args) return undefined;
  // torch's parameter-free layers by name, unless the name is a class of the repository's own (BasicSR's `Upsample`,
  // an `nn.Sequential` of convolutions and pixel shuffles, is no `nn.Upsample`).
  if (PARAMETER_FREE.has(name) && !(fn?.type === 'identifier' && classNamed(fn, ctx))) return 0;
  // `nn.ModuleList(Block(c) for _ in range(n))`: the generator is the whole argument list.
  if (args.type === 'generator_expression')
    return name === 'ModuleList' || name === 'Sequential' ? expressionParams(args, ctx) : undefined;
  ctx.layers++;
  switch (name) {
    case 'Linear':
    case 'LazyLinear': {
      const i = numberArg(args, 0, 'in_features', ctx);
      const o = numberArg(args, 1, 'out_features', ctx);
      if (i === undefined || o === undefined) return undefined;
      return i * o + (boolArg(args, 2, 'bias', ctx, true) ? o : 0);
    }
    case 'Bilinear': {
      const a = numberArg(args, 0, 'in1_features', ctx);
      const b = numberArg(args, 1, 'in2_features', ctx);
      const o = numberArg(args, 2, 'out_features', ctx);
      return a === undefined || b === undefined || o === undefined ? undefined : a * b * o + o;
    }
    case 'Conv1d':
    case 'Conv2d':
    case 'Conv3d':
    case 'ConvTranspose1d':
    case 'ConvTranspose2d':
    case 'ConvTranspose3d': {
      ctx.seen.convolution = true;
      const dims = Number(name.slice(-2, -1));
      const i = numberArg(args, 0, 'in_channels', ctx);
      const o = numberArg(args, 1, 'out_channels', ctx);
      const k = kernelVolume(args, ctx, dims);
      const groups = numberArg(args, 6, 'groups', ctx, 1) ?? 1;
      if (i === undefined || o === undefined || k === undefined) return undefined;
      return (o * i * k) / groups + (boolArg(args, 7, 'bias', ctx, true) ? o : 0);
    }
    case 'Embedding': {
      const n = numberArg(args, 0, 'num_embeddings', ctx);
      const d = numberArg(args, 1, 'embedding_dim', ctx);
      return n === undefined || d === undefined ? undefined : n * d;
    }
    case 'LayerNorm': {
      const d = numberArg(args, 0, 'normalized_shape', ctx);
      if (d === undefined) return undefined;
      if (!boolArg(args, 2, 'elementwise_affine', ctx, true)) return 0;
      return boolArg(args, 3, 'bias', ctx, true) ? 2 * d : d;
    }
    case 'RMSNorm': {
      const d = numberArg(args, 0, 'normalized_shape', ctx);
      return d;
    }
    case 'BatchNorm1d':
    case 'BatchNorm2d':
    case 'BatchNorm3d':
    case 'InstanceNorm2d': {
      const d = numberArg(args, 0, 'num_features', ctx);
      return d === undefined ? undefined : boolArg(args, 3, 'affine', ctx, !name.startsWith('Instance')) ? 2 * d : 0;
    }
    case 'PReLU': {
      // One slope, or one per channel (`num_parameters`, default 1).
      return numberArg(args, 0, 'num_parameters', ctx, 1);
    }
    case 'GroupNorm': {
      const c = numberArg(args, 1, 'num_channels', ctx);
      return c === undefined ? undefined : 2 * c;
    }
    case 'LSTM':
      return recurrent(args, ctx, 4);
    case 'GRU':
      return recurrent(args, ctx, 3);
    case 'RNN':
      return recurrent(args, ctx, 1);
    case 'MultiheadAttention': {
      const e = numberArg(args, 0, 'embed_dim', ctx);
      return e === undefined ? undefined : attention(e, boolArg(args, 3, 'bias', ctx, true));
    }
    case 'TransformerEncoderLayer':
    case 'TransformerDecoderLayer': {
      const d = numberArg(args, 0, 'd_model', ctx);
      const ff = numberArg(args, 2, 'dim_feedforward', ctx, 2048);
      if (d === undefined || ff === undefined) return undefined;
      return name === 'TransformerEncoderLayer' ? encoderLayer(d, ff) : decoderLayer(d, ff);
    }
    case 'Transformer': {
      const d = numberArg(args, 0, 'd_model', ctx, 512)!;
      const enc = numberArg(args, 2, 'num_encoder_layers', ctx, 6);
      const dec = numberArg(args, 3, 'num_decoder_layers', ctx, 6);
      const ff = numberArg(args, 4, 'dim_feedforward', ctx, 2048);
      if (enc === undefined || dec === undefined || ff === undefined) return undefined;
      return enc * encoderLayer(d, ff) + dec * decoderLayer(d, ff) + 4 * d;
    }
    case 'TransformerEncoder':
    case 'TransformerDecoder': {
      const layer =
        positionalArguments(args)[0] ??
        keywordArgument(args, name === 'TransformerEncoder' ? 'encoder_layer' : 'decoder_layer');
      const n = numberArg(args, 1, 'num_layers', ctx);
      const one = layer ? expressionParams(layer, ctx) : undefined;
      return one === undefined || n === undefined ? undefined : one * n;
    }
    case 'Sequential':
    case 'ModuleList':
    case 'ModuleDict': {
      ctx.layers--; // containers are not layers
      let total = 0;
      for (const child of positionalArguments(args)) {
        const p = expressionParams(child, ctx);
        if (p === undefined) return undefined;
        total += p;
      }
      return total;
    }
    case 'Parameter': {
      // nn.Parameter(torch.zeros(1, n, d)): the product of the tensor's dims.
      const tensor = positionalArguments(args)[0];
      const inner = tensor?.type === 'call' ? tensor.childForFieldName('arguments') : null;
      if (!inner) return undefined;
      const dims = positionalArguments(inner).map((d) => environmentSize(d, ctx) ?? evaluate(d, ctx.symbols)?.value);
      const flat = dims.length === 1 && Array.isArray(dims[0]) ? (dims[0] as unknown[]) : dims;
      return flat.every((d) => typeof d === 'number') ? flat.reduce((a, b) => a * b, 1) : undefined;
    }
    default: {
      ctx.layers--;
      if (asLayer !== undefined) return undefined;
      // A parameter the call handed a class (`basic_block(**kwarg)` in `make_layer(ResidualGroup, ...)`): that class,
      // read in its own module, built with this call's arguments.
      const passed = fn?.type === 'identifier' ? ctx.classArguments?.get(fn.text) : undefined;
      if (passed && ctx.depth < 6)
        return classParams(passed.cls, inModule(ctx, passed.cls, passed), argumentsOfCall(call, ctx.symbols), call, ctx)
          ?.params;
      const userClass = ctx.classes.get(name);
      // Built with this call's arguments, read where the call is (`Block(dim, heads)` in a parent's __init__).
      if (userClass && ctx.depth < 6)
        return classParams(userClass, { ...ctx, depth: ctx.depth + 1 }, argumentsOfCall(call, ctx.symbols), call, ctx)
          ?.params;
      // `layer_init(nn.Linear(64, 64), std=0.01)`, `weight_norm(nn.Conv1d(...))`: a helper handed a layer it
      // initialises or reparametrises and returns; the layer's parameters are the call's.
      const wrapped = positionalArguments(args)[0];
      if (
        !userClass &&
        wrapped?.type === 'call' &&
        /^(?:torch\.)?nn\.\w{1,40}$/.test(wrapped.childForFieldName('function')?.text ?? '')
      )
        return callParams(wrapped, ctx);
      // `conv3x3(in_planes, planes, stride)`, `block(in_features=filters)`: a function of the module, or one the
      // constructor defines, that builds layers and returns them; read with this call's arguments.
      const helper = !userClass && fn?.type === 'identifier' ? helperFor(fn.text, ctx) : undefined;
      if (helper) return helperParams(helper, call, ctx);
      // A class of another module of the repository (`common.ResBlock(conv, n_feats)`, `ResidualBlockNoBN(64)`
      // imported from `arch_util`): counted there, its defaults read in its own module.
      const foreign =
        !userClass && ctx.depth < 6 && fn && !TORCH_QUALIFIED.test(fn.text) ? ctx.foreign?.(fn.text) : undefined;
      if (foreign)
        return classParams(
          foreign.cls,
          inModule(ctx, foreign.cls, foreign),
          argumentsOfCall(call, ctx.symbols),
          call,
          ctx,
        )?.params;
      return undefined;
    }
  }
}

/** Top-level statements of a module looked at for its functions. */
const MAX_TOP_LEVEL_FUNCTIONS = 2000;
/** Each module's top-level functions by name, by its syntax tree's root (a count reads one or a few modules). */
const moduleFunctions = new WeakMap<Tree, Map<string, Node>>();

/** A helper function and the names it sees; `module` when it is another module's (read with that module's parts). */
interface Helper {
  readonly fn: Node;
  readonly outer: SymbolTable;
  readonly module?: ModuleParts;
}

function helperFor(name: string, ctx: Context): Helper | undefined {
  const local = ctx.helpers?.get(name);
  if (local) return local;
  // The module of the class being counted: its functions see the module's names.
  const root = ctx.moduleRoot;
  if (!root) return undefined;
  const own = moduleFunctionsOf(root).get(name);
  if (own) return { fn: own, outer: ctx.moduleSymbols };
  // A function the module imports from another of the repository (`from .arch_util import make_layer`).
  const foreign = ctx.foreignFunction?.(name);
  return foreign && { fn: foreign.fn, outer: foreign.symbols, module: foreign };
}

function moduleFunctionsOf(root: Node): Map<string, Node> {
  let functions = moduleFunctions.get(root.tree);
  if (!functions) {
    functions = new Map();
    const top = root.namedChildren;
    for (let i = 0; i < top.length && i < MAX_TOP_LEVEL_FUNCTIONS; i++) {
      const n = top[i];
      const fn = n?.type === 'decorated_definition' ? n.childForFieldName('definition') : n;
      const fnName = fn?.type === 'function_definition' ? fn.childForFieldName('name')?.text : undefined;
      if (fn && fnName) functions.set(fnName, fn);
    }
    moduleFunctions.set(root.tree, functions);
  }
  return functions;
}

/**
 * The layers a helper function builds and returns (`def conv3x3(i, o, stride=1): return nn.Conv2d(i, o, 3, stride,
 * 1, bias=False)`), its parameters bound to the call's arguments: only a function with one `return`, at its end, whose
 * value the count reads (local lists it fills in loops included). Undefined otherwise, or for a helper that calls
 * itself.
 */
function helperParams(helper: Helper, call: Node, ctx: Context): number | undefined {
  const { fn, outer } = helper;
  const body = fn.childForFieldName('body');
  const last = body?.lastNamedChild;
  if (!body || last?.type !== 'return_statement' || ctx.depth >= 6) return undefined;
  if ((body.text.match(/\breturn\b/g)?.length ?? 0) !== 1) return undefined;
  const value = last.namedChildren[0];
  if (!value) return undefined;
  const scope = constructorScope(fn, argumentsOfCall(call, ctx.symbols), outer, false);
  // A helper may build a block that calls the helper again with other values (`make_layer(ResidualGroup, ...)`, each
  // group `make_layer(RCAB, ...)`); the same helper with the same values inside itself never ends (depth bounds the rest).
  const expansion = `${fn.id}:${scope.key}`;
  if (ctx.expanding.has(expansion)) return undefined;
  // Classes the call hands it, read where the call is; then the helper's own module (another one's, if imported).
  const classArguments = classArgumentsOf(fn, call, ctx, false);
  const inner: Context = {
    ...(helper.module ? inModule(ctx, fn, helper.module) : { ...ctx, depth: ctx.depth + 1 }),
    symbols: scope.symbols,
    helpers: undefined,
    classArguments,
  };
  ctx.expanding.add(expansion);
  try {
    const stepped = layersBuiltInSteps(
      body,
      scope.symbols,
      (e, symbols, valued) => expressionParams(e, { ...inner, symbols, lists: valued }),
      ctx.budget,
      last,
    );
    return expressionParams(value, { ...inner, lists: stepped.lists });
  } finally {
    ctx.expanding.delete(expansion);
  }
}

/** Parameters of an expression that builds modules: a call, a list, `[X for _ in range(n)]`, a name bound to one. */
function expressionParams(node: Node, ctx: Context): number | undefined {
  switch (node.type) {
    case 'call':
      return callParams(node, ctx);
    case 'list':
    case 'tuple': {
      let total = 0;
      for (const c of node.namedChildren) {
        if (!c) continue;
        const p = expressionParams(c, ctx);
        if (p === undefined) return undefined;
        total += p;
      }
      return total;
    }
    case 'list_comprehension':
    case 'generator_expression': {
      const body = node.childForFieldName('body');
      const clause = node.namedChildren.find((c) => c?.type === 'for_in_clause');
      const range = clause?.childForFieldName('right');
      if (!body || !range || range.type !== 'call' || range.childForFieldName('function')?.text !== 'range')
        return undefined;
      const bounds = positionalArguments(range.childForFieldName('arguments')!).map(
        (a) => evaluate(a, ctx.symbols)?.value,
      );
      if (bounds.length === 0 || bounds.some((b) => typeof b !== 'number')) return undefined;
      const n = bounds.length === 1 ? (bounds[0] as number) : (bounds[1] as number) - (bounds[0] as number);
      const one = expressionParams(body, ctx);
      return one === undefined ? undefined : one * n;
    }
    case 'identifier': {
      const listed = ctx.lists?.get(node.text);
      if (listed !== undefined) return listed;
      const bound = ctx.symbols.lookup(node.text);
      if (!bound || bound.unknown || bound.node.type !== 'call') return undefined;
      // A name bound to a call that names it again (`x = nn.Sequential(x, nn.ReLU())` read as one binding) would
      // expand without end: each binding is expanded once on the way down.
      if (ctx.expanding.has(bound.node.id)) return undefined;
      ctx.expanding.add(bound.node.id);
      try {
        return callParams(bound.node, ctx);
      } finally {
        ctx.expanding.delete(bound.node.id);
      }
    }
    // `nn.Sequential(*[Block(cfg) for _ in range(cfg["n_layers"])])`: the unpacked list's modules.
    case 'list_splat':
    case 'parenthesized_expression':
      return node.namedChildren[0] ? expressionParams(node.namedChildren[0], ctx) : undefined;
    default:
      return undefined;
  }
}

/**
 * Objects a module's `__init__` keeps beside its layers that hold no weights: settings (`BertConfig(...)`), tokenizers
 * and processors, torchvision/albumentations transform pipelines (`transforms.Compose([...])`), metrics, losses,
 * data objects, and the optimizer an agent keeps for its own weights (`self.optimizer = optim.Adam(self.parameters())`,
 * torch.optim's classes: they hold state about the parameters, none of their own). Not parts of the network, so their
 * size not being read leaves the count whole.
 */
const NOT_A_MODULE =
  /(?:^|\.)(?:transforms|T|A|albumentations|torchmetrics|optim|lr_scheduler)\.|(?:Config|Tokeni[sz]er|Processor|FeatureExtractor|Compose|Transform|Metric|Accuracy|Loss|Criterion|Scheduler|Sampler|Dataset|DataLoader|Logger|Writer|Optimizer)\b|^(?:Adam|AdamW|SGD|RMSprop|Adagrad|Adadelta|Adamax|NAdam|RAdam|LBFGS)$/;

/** The class a call builds (`transforms.Compose`, `BertModel.from_pretrained` → `BertModel.from_pretrained`). */
function constructed(right: Node): string {
  return right.type === 'call' ? (right.childForFieldName('function')?.text ?? '') : '';
}

/**
 * `torchvision.models.resnet18()`, `timm.create_model(name)`, `vit_small_patch16_224(...)`: a library's function that
 * builds a published network (a model namespace's member, a model factory, or a function named as a catalog model),
 * whose layers are in the library, not in this class.
 */
function buildsLibraryModel(right: Node): boolean {
  const fn = right.type === 'call' ? right.childForFieldName('function') : null;
  if (!fn || (fn.type !== 'identifier' && fn.type !== 'attribute') || fn.text.length > 120) return false;
  if (/(?:^|\.)(?:models\.[a-z]\w*|create_model|get_model)$/.test(fn.text)) return true;
  const name = lastName(fn);
  return /^[a-z][a-z0-9_]*\d[a-z0-9_]*$/.test(name) && findModelByName(name) !== undefined;
}

/** `BertModel.from_pretrained(...)`, `AutoModel.from_config(cfg)`: a class's constructor-like loader. */
function loadsClass(right: Node): boolean {
  const fn = right.type === 'call' ? right.childForFieldName('function') : null;
  if (fn?.type !== 'attribute') return false;
  const receiver = lastName(fn.childForFieldName('object'));
  return /^[A-Z]/.test(receiver) && /^from_(?:pretrained|config|checkpoint|file|json_file)$/.test(lastName(fn));
}

/** A class whose one base is torch's `Module` itself (no base class of the file's own that may add layers). */
function onlyModuleBase(cls: Node): boolean {
  const bases = (cls.childForFieldName('superclasses')?.namedChildren ?? []).filter((b): b is Node => b !== null);
  return bases.length === 1 && /^(?:(?:torch\.)?nn\.)?Module$/.test(bases[0].text);
}

function isModuleClass(cls: Node): boolean {
  const bases = cls.childForFieldName('superclasses');
  return !!bases && bases.namedChildren.some((b) => b !== null && MODULE_BASES.test(b.text));
}

/**
 * The class's counted layers, its constructor's parameters bound to the arguments it is built with (read where the
 * call is: argumentsOfCall) or, without them, to their defaults.
 */
function classParams(
  cls: Node,
  outer: Context,
  given?: GivenArguments,
  /** The call building it and the context it is read in: classes handed to the constructor are read there. */
  call?: Node,
  caller?: Context,
): ModuleCount | undefined {
  const body = cls.childForFieldName('body');
  const init = body?.namedChildren.find(
    (c) => c?.type === 'function_definition' && c.childForFieldName('name')?.text === '__init__',
  );
  const initBody = init?.childForFieldName('body');
  // `class LipSwish(nn.Module)` with only a forward: a function as a layer, which holds no weights of its own.
  if (!init && onlyModuleBase(cls))
    return {
      className: cls.childForFieldName('name')?.text ?? '?',
      params: 0,
      layers: 0,
      unresolved: outer.unresolved,
      hasConvolution: false,
    };
  if (!init || !initBody) return undefined;
  const scope = constructorScope(init, given, outer.moduleSymbols);
  const classArguments = call && caller ? classArgumentsOf(init, call, caller, true) : undefined;
  // Classes handed in change what the body builds: such a count is not memoised under the values alone.
  const memoKey =
    scope.key.length <= MAX_MEMO_KEY && !classArguments ? `${cls.id}:${outer.depth}:${scope.key}` : undefined;
  const known = memoKey !== undefined ? outer.memo.get(memoKey) : undefined;
  if (known) {
    outer.unresolved.push(...known.unresolved);
    if (known.count?.hasConvolution) outer.seen.convolution = true;
    return known.count && { ...known.count, unresolved: outer.unresolved };
  }
  const unresolvedBefore = outer.unresolved.length;
  // The class's own cell, so that its count (memoised for other networks) says only what it builds itself.
  const seen = { convolution: false };
  const count = countClassBody(cls, initBody, {
    ...outer,
    symbols: scope.symbols,
    lists: undefined,
    seen,
    classArguments,
  });
  if (seen.convolution) outer.seen.convolution = true;
  if (memoKey !== undefined && outer.memo.size < MAX_MEMO)
    outer.memo.set(memoKey, { count, unresolved: outer.unresolved.slice(unresolvedBefore) });
  return count;
}

/** Layer constructors a helper's body may hold: torch's (`nn.Conv2d(`) or a class named like one (`ResBlock(`). */
const BUILDS_LAYERS = /\bnn\.[A-Z]\w{0,40}[ \t]*\(/;

/**
 * `self.b1 = block(in_features=filters)` with `def block(...)` defined in the constructor or the module, building
 * torch layers (`nn.Sequential(nn.Conv2d(...), ...)`): the helper's layers are part of the network, which the count
 * cannot read through a function; the count is then not the whole network's. (A helper that builds nothing,
 * `self.act = get_activation(name)` returning a function, is no part.)
 */
function helperBuildingLayers(call: Node, initBody: Node, ctx: Context): boolean {
  if (call.type !== 'call') return false;
  const fn = call.childForFieldName('function');
  // `self.layer1 = self._make_layer(block, 64, layers[0])`: a method of the class building blocks in a loop while it
  // moves the class's own state (`self.inplanes = planes * block.expansion`), which the count does not follow.
  const method = fn?.type === 'attribute' && fn.childForFieldName('object')?.text === 'self';
  const name = method ? fn.childForFieldName('attribute')?.text : fn?.type === 'identifier' ? fn.text : undefined;
  if (!name) return false;
  const defines = (n: Node | null): boolean =>
    (n?.type === 'decorated_definition' && defines(n.childForFieldName('definition'))) ||
    (n?.type === 'function_definition' && n.childForFieldName('name')?.text === name && BUILDS_LAYERS.test(n.text));
  if (method) return initBody.parent?.parent?.namedChildren.some(defines) ?? false;
  // A function of the constructor or the module (the helpers the count reads in place, when it could not read this one).
  const helper = helperFor(name, ctx);
  return helper !== undefined && BUILDS_LAYERS.test(helper.fn.text);
}

/**
 * A call the count could not read that still builds layers: one wrapping a torch layer
 * (`nn.utils.weight_norm(nn.Conv2d(in_channel, out_channel, kernel_size))` with a size not stated), or one through a
 * name the constructor binds to a layer class (`conv_module = partial(WNConv2d, padding=1)`, then
 * `conv_module(in_channel, channel, 3)`). Not a parameter-free layer handed in (`activation=nn.ELU`, then
 * `activation()`).
 */
function layersInside(call: Node, ctx: Context): boolean {
  if (call.type !== 'call') return false;
  if (BUILDS_LAYERS.test(call.childForFieldName('arguments')?.text ?? '')) return true;
  const fn = call.childForFieldName('function');
  if (fn?.type !== 'identifier') return false;
  // What the name is bound to: a value, a parameter's default (`activation=nn.ELU`), or the first of several
  // assignments (`conv_module = partial(WNConv2d, ...)` in each branch), its `name =` dropped.
  const bound = ctx.symbols.lookup(fn.text);
  if (!bound) return false;
  const value = bound.node.text.slice(0, 300).replace(/^\w{1,60}[ \t]*=[ \t]*/, '');
  const layer = /^(?:torch\.)?nn\.(\w{1,40})$/.exec(value);
  if (layer) return !PARAMETER_FREE.has(layer[1]);
  return /^(?:partial[ \t]*\([ \t]*)?(?:[a-z_]\w{0,40}\.){0,3}[A-Z]\w{0,60}\b/.test(value);
}

/** Keys of the count memo (the parameters' values as JSON) kept at most this long: a large config dict is not kept. */
const MAX_MEMO_KEY = 2000;
/** Counts remembered per file. */
const MAX_MEMO = 5000;

function countClassBody(cls: Node, initBody: Node, outer: Context): ModuleCount {
  // Functions the constructor defines for itself (`def block(in_features): ...`): they see its names.
  const helpers = new Map<string, { fn: Node; outer: SymbolTable }>();
  for (const c of initBody.namedChildren)
    if (c?.type === 'function_definition') {
      const name = c.childForFieldName('name')?.text;
      if (name) helpers.set(name, { fn: c, outer: outer.symbols });
    }
  const scoped: Context = { ...outer, helpers };
  // Layers built step by step (appended in loops, unpacked from a local list) first; the walk below skips them.
  const stepped = layersBuiltInSteps(
    initBody,
    scoped.symbols,
    (e, symbols, valued) => expressionParams(e, { ...scoped, symbols, lists: valued }),
    scoped.budget,
  );
  const ctx: Context = { ...scoped, lists: stepped.lists };
  let params = stepped.own;
  const bases = (cls.childForFieldName('superclasses')?.namedChildren ?? []).filter((b): b is Node => b !== null);
  const sequential = bases.some((b) => SEQUENTIAL_BASE.test(b.text));
  const layerBase = bases.map((b) => LAYER_BASE.exec(b.text)?.[1]).find((n) => n !== undefined);
  // Weight tying (`self.head.weight = self.tok_emb.weight`) shares one matrix: count it once. The matrix's size is
  // read from either side: a Linear's in × out, an Embedding's rows × width (a subclass of Linear on the other side,
  // `FP8Linear(d, vocab)`, names its sizes its own way).
  const linearWeights = new Map<string, number>();
  const tied: Array<readonly [string, string]> = [];
  const stack: Node[] = [initBody];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (stepped.handled.has(node.id)) continue;
    if (node.type === 'assignment') {
      const left = node.childForFieldName('left');
      const right = node.childForFieldName('right');
      const tie = /^self\.(\w+)\.weight$/.exec(left?.text ?? '');
      const source = /^self\.(\w+)\.weight$/.exec(right?.text ?? '');
      if (tie && source) {
        tied.push([tie[1], source[1]]);
        continue;
      }
      const layer = right?.type === 'call' ? lastName(right.childForFieldName('function')) : '';
      if (left?.type === 'attribute' && (layer === 'Linear' || layer === 'Embedding')) {
        const a = right!.childForFieldName('arguments');
        const i = a ? numberArg(a, 0, layer === 'Linear' ? 'in_features' : 'num_embeddings', ctx) : undefined;
        const o = a ? numberArg(a, 1, layer === 'Linear' ? 'out_features' : 'embedding_dim', ctx) : undefined;
        if (i !== undefined && o !== undefined)
          linearWeights.set(left.childForFieldName('attribute')?.text ?? '', i * o);
      }
      if (
        left?.type === 'attribute' &&
        left.childForFieldName('object')?.text === 'self' &&
        right &&
        (right.type === 'call' || right.type === 'list_comprehension')
      ) {
        const p = expressionParams(right, ctx);
        const callee = right.type === 'call' ? lastName(right.childForFieldName('function')) : '';
        // Only count what builds a layer; `self.lr = float(lr)` and friends are not modules. A class's loader
        // (`BertModel.from_pretrained(path)`, `AutoModel.from_config(cfg)`) builds a module whose size is elsewhere.
        if (p !== undefined) params += p;
        else if (
          ((/^[A-Z]/.test(callee) || loadsClass(right) || buildsLibraryModel(right)) &&
            !NOT_A_MODULE.test(constructed(right))) ||
          right.type === 'list_comprehension' ||
          helperBuildingLayers(right, initBody, ctx) ||
          layersInside(right, ctx)
        )
          ctx.unresolved.push(right.text.replace(/\s+/g, ' ').slice(0, 60));
      }
      continue;
    }
    // Layers registered by other means than `self.x = Layer(...)`: `setattr(self, f"layer_{i}", layer)` in a loop,
    // `self.add_module(name, layer)`, `self.blocks.append(Block(...))` onto an empty ModuleList. The count would miss
    // them and read a part of the network as the whole: the class's size is then not counted.
    if (node.type === 'call' && sequential && BASE_INIT.test(node.childForFieldName('function')?.text ?? '')) {
      // An `nn.Sequential` subclass's layers: what it hands its base (`super().__init__(*m)` with `m` filled above).
      // The instance (`self`) handed explicitly is no layer.
      const layers = positionalArguments(node.childForFieldName('arguments')!).filter((a) => a.text !== 'self');
      for (const layer of layers) {
        const p = expressionParams(layer, ctx);
        if (p === undefined) ctx.unresolved.push(layer.text.replace(/\s+/g, ' ').slice(0, 60));
        else params += p;
      }
      continue;
    }
    if (
      node.type === 'call' &&
      layerBase &&
      /^super[ \t]*\([^()]{0,200}\)[ \t]*\.[ \t]*__init__$/.test(node.childForFieldName('function')?.text ?? '')
    ) {
      // A torch layer subclass: the layer its base constructor builds.
      const p = callParams(node, ctx, layerBase);
      if (p === undefined) ctx.unresolved.push(node.text.replace(/\s+/g, ' ').slice(0, 60));
      else params += p;
      continue;
    }
    if (node.type === 'call') {
      const fn = node.childForFieldName('function');
      const first = node.childForFieldName('arguments')?.namedChildren[0];
      if (
        (fn?.text === 'setattr' && first?.text === 'self') ||
        /^self\.(?:add_module|register_module)$/.test(fn?.text ?? '') ||
        /^self\.\w{1,60}\.(?:append|extend|add_module)$/.test(fn?.text ?? '')
      )
        ctx.unresolved.push(node.text.replace(/\s+/g, ' ').slice(0, 60));
    }
    for (const c of node.namedChildren)
      if (c && c.type !== 'function_definition' && c.type !== 'class_definition') stack.push(c);
  }
  for (const [name, source] of tied) params -= linearWeights.get(name) ?? linearWeights.get(source) ?? 0;
  return {
    className: cls.childForFieldName('name')?.text ?? '?',
    params,
    layers: ctx.layers,
    unresolved: ctx.unresolved,
    hasConvolution: ctx.seen.convolution,
  };
}

/**
 * What a counted network says of its forward cost per sample, read the same for a class of the program's file and one
 * of another module: each weight used once per sample in dense layers (2 FLOPs per multiply-add). Convolution kernels
 * slide over the input, so for a network holding one this is a lower bound until the input size is known, whatever
 * the network embeds (a GAN's class-label embedding, a text CNN's token embedding): `convolutional` says why. A
 * network of token embeddings and no convolution is a token model, priced per token: undefined.
 */
export function forwardCostOfCount(
  className: string,
  params: number,
  hasConvolution: boolean,
  usesEmbeddings: () => boolean,
):
  | {
      readonly flops: { readonly value: number; readonly detail: string; readonly confidence: 'low' | 'medium' };
      readonly convolutional: string | undefined;
    }
  | undefined {
  if (!hasConvolution && usesEmbeddings()) return undefined;
  return {
    flops: {
      value: 2 * params,
      detail: hasConvolution
        ? `2 × parameters of ${className}: a lower bound, convolutions reuse weights across the input size, which the code does not state`
        : `2 × parameters of ${className} (dense layers)`,
      confidence: hasConvolution ? 'low' : 'medium',
    },
    convolutional: hasConvolution
      ? `${className} is built of convolutions: one forward pass costs more the larger its input`
      : undefined,
  };
}

/** Ten trillion: far above the largest networks trained (a few trillion parameters); a count above it is no size. */
const MAX_COUNTED_PARAMS = 1e13;
/** Places a class is built that are looked at (a script builds its model once or twice). */
const MAX_BUILDS = 50;
/** Distinct argument lists a class is built with that are counted each. */
const MAX_DISTINCT_BUILDS = 4;

/**
 * The calls that build each of the file's module classes outside those classes' bodies (the script or a function that
 * makes its model: `model = NeuralNetwork(num_inputs=2, num_outputs=2)`), one per distinct argument list: found in
 * one pass over the text for all the classes.
 */
function buildsOf(
  classes: ReadonlyMap<string, Node>,
  text: string,
  root: Node,
): Map<string, { calls: Node[]; keys: Set<string>; looked: number }> {
  const moduleClasses = [...classes.values()];
  const out = new Map<string, { calls: Node[]; keys: Set<string>; looked: number }>();
  for (const m of text.matchAll(/(?<![\w.])([A-Za-z_]\w{0,100})[ \t]*\(/g)) {
    const name = m[1];
    if (!classes.has(name)) continue;
    const builds = out.get(name) ?? out.set(name, { calls: [], keys: new Set(), looked: 0 }).get(name)!;
    if (++builds.looked > MAX_BUILDS) continue;
    const at = m.index;
    if (moduleClasses.some((c) => c.startIndex <= at && at < c.endIndex)) continue;
    const callee = root.descendantForIndex(at, at + name.length);
    const call = callee?.parent;
    if (callee?.type !== 'identifier' || call?.type !== 'call' || call.childForFieldName('function')?.id !== callee.id)
      continue;
    const key = (call.childForFieldName('arguments')?.text ?? '').replace(/\s+/g, '');
    if (builds.keys.has(key)) continue;
    builds.keys.add(key);
    builds.calls.push(call);
  }
  return out;
}

/**
 * Every nn.Module subclass among a file's classes, with its counted parameters. Given the file's text, a class the
 * file builds is counted with the arguments it is built with; built with several that count differently, its size is
 * not one number and is left unresolved.
 */
export function countModuleClasses(
  classNodes: readonly Node[],
  symbols: SymbolTable,
  environment?: EnvironmentSizes,
  text?: string,
): Array<ModuleCount & { node: Node }> {
  const classes = moduleClassesOf(classNodes);
  const out: Array<ModuleCount & { node: Node }> = [];
  const first = classes.values().next().value;
  const allBuilds = text !== undefined && first ? buildsOf(classes, text, first.tree.rootNode) : undefined;
  const fresh = freshContexts(classes, symbols, environment);
  for (const [name, cls] of classes) {
    const builds = allBuilds?.get(name)?.calls ?? [];
    let count: ModuleCount | undefined;
    if (builds.length === 0 || builds.length > MAX_DISTINCT_BUILDS) count = classParams(cls, fresh());
    else {
      const counts = builds.map((call) => classParams(cls, fresh(), argumentsOfCall(call, symbols)));
      const same = (a: ModuleCount | undefined, b: ModuleCount | undefined) =>
        a?.params === b?.params && (a?.unresolved.length ?? 0) === (b?.unresolved.length ?? 0);
      count = counts[0];
      if (counts.some((c) => !same(c, count))) {
        // Built in several sizes (`TinyAcoustic(256, 4)` or `TinyAcoustic(512, 8)` as a factory's argument picks):
        // the class's defaults when one of the builds is that size, the configuration the class is written for;
        // otherwise no one size.
        const defaults = classParams(cls, fresh());
        count =
          defaults && defaults.unresolved.length === 0 && counts.some((c) => same(c, defaults))
            ? defaults
            : count && { ...count, unresolved: [...count.unresolved, `${name} built in several sizes`] };
      }
    }
    count = bounded(count, name);
    if (count && count.params > 0) out.push({ ...count, node: cls });
  }
  return out;
}

/** Loops multiplying loops (a generated or hostile file) can count past any network built: no size, not a number. */
function bounded(count: ModuleCount | undefined, name: string): ModuleCount | undefined {
  return count && !(count.params <= MAX_COUNTED_PARAMS)
    ? { ...count, params: 1, unresolved: [...count.unresolved, `${name} counts past any network's size`] }
    : count;
}

export function moduleClassesOf(classNodes: readonly Node[]): Map<string, Node> {
  const classes = new Map<string, Node>();
  for (const node of classNodes) {
    const name = node.childForFieldName('name')?.text;
    if (name && isModuleClass(node)) classes.set(name, node);
  }
  return classes;
}

/** A fresh counting context per class counted, sharing the file's loop budget and count memo. */
function freshContexts(
  classes: ReadonlyMap<string, Node>,
  symbols: SymbolTable,
  environment: EnvironmentSizes | undefined,
): () => Context {
  const budget: TurnBudget = { turns: 0 };
  const memo: Context['memo'] = new Map();
  const moduleRoot = classes.values().next().value?.tree.rootNode;
  return () => ({
    environment,
    symbols,
    moduleSymbols: symbols,
    moduleRoot,
    classes,
    depth: 0,
    unresolved: [],
    seen: { convolution: false },
    layers: 0,
    budget,
    memo,
    expanding: new Set(),
  });
}

/**
 * One module class of a file counted as another file builds it (`model = Encoder(hidden=args.hidden)` in train.py for
 * `class Encoder` in models.py): its constructor's parameters bound to the given arguments (read in the building file),
 * the rest to their defaults. Undefined when the file has no such module class or it cannot be counted at all.
 */
export function countBuiltClass(
  classes: ReadonlyMap<string, Node>,
  className: string,
  given: GivenArguments,
  symbols: SymbolTable,
  foreign?: (qualified: string) => ForeignClass | undefined,
  foreignFunction?: (qualified: string) => ForeignFunction | undefined,
): (ModuleCount & { node: Node }) | undefined {
  const cls = classes.get(className);
  if (!cls) return undefined;
  const count = bounded(
    classParams(cls, { ...freshContexts(classes, symbols, undefined)(), foreign, foreignFunction }, given),
    className,
  );
  return count && { ...count, node: cls };
}
