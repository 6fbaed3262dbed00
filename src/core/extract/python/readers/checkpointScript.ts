import { PARALLEL_WRAPPER } from './modelConstructor';
import type { Node } from 'web-tree-sitter';
import { normalisePrecision } from '../../precision';
import { sizeFromModelName } from '../../../knowledge/modelName';
import { sizingKind } from '../keywords';
import type { PythonReadContext } from '../context';
import type { FileRule } from '../rules';
import type { SyntaxIndex } from '../syntaxIndex';

/**
 * Single-file research scripts that run a trained checkpoint with no command line: the checkpoint is named in a
 * module-level variable (`MODEL_NAME = '.../RWKV-4-Pile-7B-20221115-8047'`, `args.MODEL_NAME = ...`,
 * `MODEL_PATH = '...pth'`) or loaded at module level (`w = torch.load(...)`, `model.load_state_dict(...)`), the
 * model is built from a class (`model = RWKV_RNN(args)`), and module-level code (a loop of trials, not a function
 * only a caller would run) calls it forward (`model.forward(tokens, state)`, `model.run(x)`). Nothing trains it:
 * an inference run of that checkpoint. The model is the checkpoint's name when that name states a size, else the
 * class the script builds; sizes come from the script's own width and depth variables where it states them.
 *
 * Such scripts also choose the run's precision and device in plain variables: `args.FLOAT_MODE = "fp16"`,
 * `os.environ["RWKV_FLOAT_MODE"] = "bf16"`, `RUN_DEVICE = "cuda"`; and keep sizes on a namespace
 * (`args = types.SimpleNamespace()`, then `args.n_layer = 12`). Those are read here as well (module level only).
 */

/** A checkpoint named in a module-level variable (its string value), or loaded at module level. */
const CHECKPOINT_VARIABLE = /^[ \t]*(?:args\.)?MODEL_(?:NAME|PATH|FILE)[ \t]*=[ \t]*(?:r?["']([^"'\n]{1,300})["'])?/m;
const CHECKPOINT_LOAD = /^(?:\w{1,40}[ \t]*=[ \t]*torch\.load|\w{1,40}\.load_state_dict)[ \t]*\(/m;
/** A forward pass, or a checkpoint loaded into a model that is then called (`model.load_state_dict(w)`, `model(x)`). */
const CALLED = /\.(?:forward|run|load_state_dict)[ \t]*\(/;
/** A class named for what it is, not which model (`MODEL`, `Model`, `Net`): no model name. */
const GENERIC_CLASS = /^(?:model|net|network|my_?model|my_?net)$/i;
/**
 * Text of a script that trains: its forward passes are training steps, not a run of their own. (A backward pass that
 * trains is a `launch.trainer` fact already; a kernel's `.backward(...)` inside a custom op's `def backward(ctx, ...)`
 * is not one, and does not make an inference script a trainer.)
 */
const TRAINS = /\boptim\.|\.fit[ \t]*\(|Trainer[ \t]*\(|\bopt(?:imizer)?\.step[ \t]*\(/;
/** Module-level statements visited (a script of loops is far below this; a generated file is cut off). */
const MAX_NODES = 20_000;
const MAX_DEPTH = 12;
const DEFINITIONS = new Set(['function_definition', 'class_definition', 'decorated_definition']);

/** Calls and assignments reached from the module's top-level statements without entering a def or class. */
function moduleLevel(root: Node): { calls: Node[]; assignments: Node[] } {
  const calls: Node[] = [];
  const assignments: Node[] = [];
  let seen = 0;
  const visit = (node: Node, depth: number) => {
    if (seen++ > MAX_NODES || depth > MAX_DEPTH || DEFINITIONS.has(node.type)) return;
    if (node.type === 'call') calls.push(node);
    else if (node.type === 'assignment') assignments.push(node);
    for (const child of node.namedChildren) if (child) visit(child, depth + 1);
  };
  for (const child of root.namedChildren) if (child) visit(child, 0);
  return { calls, assignments };
}

/** `RWKV(args).to(dtype=DTYPE).cuda()` → `RWKV`: the class a chain of calls starts from, when capitalised. */
function builtClass(value: Node): string | undefined {
  let node: Node | null = value;
  for (let i = 0; node && i < 8; i++) {
    if (node.type !== 'call') return undefined;
    const fn: Node | null = node.childForFieldName('function');
    if (!fn) return undefined;
    if (fn.type === 'identifier') return /^[A-Z]\w{0,60}$/.test(fn.text) ? fn.text : undefined;
    if (fn.type !== 'attribute') return undefined;
    const object: Node | null = fn.childForFieldName('object');
    if (object?.type === 'identifier') {
      const name = fn.childForFieldName('attribute')?.text ?? '';
      return /^[A-Z]\w{0,60}$/.test(name) ? name : undefined;
    }
    node = object;
  }
  return undefined;
}

/** Methods that move, cast, switch or inspect a model rather than run it. */
const HOUSEKEEPING: ReadonlySet<string> = new Set([
  'eval',
  'train',
  'cuda',
  'cpu',
  'to',
  'half',
  'float',
  'bfloat16',
  'load_state_dict',
  'state_dict',
  'parameters',
  'named_parameters',
  'modules',
  'named_modules',
  'requires_grad_',
  'zero_grad',
  'apply',
  'register_buffer',
  'register_forward_hook',
]);

/** `model` of `model`, `model.cuda()`, `model.transformer`, `model.to(d).eval`: the identifier a chain starts from. */
function handleAtRoot(node: Node | null): string | undefined {
  for (let i = 0; node && i < 8; i++) {
    if (node.type === 'identifier') return node.text;
    if (node.type === 'attribute') node = node.childForFieldName('object');
    else if (node.type === 'call') node = node.childForFieldName('function');
    else return undefined;
  }
  return undefined;
}

function readCheckpointScript(_index: SyntaxIndex, ctx: PythonReadContext): void {
  const text = ctx.text;
  if (ctx.facts.some((f) => f.kind === 'launch.inference' || f.kind === 'launch.trainer')) return;
  const named = text.includes('MODEL_') ? CHECKPOINT_VARIABLE.exec(text) : null;
  if ((!named && !CHECKPOINT_LOAD.test(text)) || !CALLED.test(text) || TRAINS.test(text)) return;
  const { calls, assignments } = moduleLevel(ctx.tree.rootNode);
  const handles = new Map<string, { cls: string; built: Node }>();
  for (const a of assignments) {
    const left = a.childForFieldName('left');
    const right = a.childForFieldName('right');
    if (left?.type !== 'identifier' || !right) continue;
    const cls = builtClass(right);
    // `model = nn.DataParallel(model)`: the wrapper spreads the model it is handed; the handle keeps that model's class.
    if (cls && PARALLEL_WRAPPER.test(cls)) continue;
    if (cls) handles.set(left.text, { cls, built: right });
  }
  // `model.load_state_dict(weights)` at module level: the checkpoint goes into that handle.
  const loaded = new Set<string>();
  for (const c of calls) {
    const fn = c.childForFieldName('function');
    const object = fn?.type === 'attribute' ? fn.childForFieldName('object') : null;
    if (object?.type === 'identifier' && fn?.childForFieldName('attribute')?.text === 'load_state_dict')
      loaded.add(object.text);
  }
  // `model.eval()`, `model.cuda().eval()`: a loaded handle switched to evaluation is then used by its own methods.
  const evaluating = new Set<string>();
  for (const c of calls) {
    const fn = c.childForFieldName('function');
    if (fn?.type !== 'attribute' || fn.childForFieldName('attribute')?.text !== 'eval') continue;
    const root = handleAtRoot(fn.childForFieldName('object'));
    if (root && loaded.has(root)) evaluating.add(root);
  }
  let handle: string | undefined;
  const use = calls.find((c) => {
    const fn = c.childForFieldName('function');
    // `out = model(src)`: a handle the checkpoint was loaded into, called.
    if (fn?.type === 'identifier') return handles.has(fn.text) && loaded.has(fn.text) && Boolean((handle = fn.text));
    if (fn?.type !== 'attribute') return false;
    const object = fn.childForFieldName('object');
    const method = fn.childForFieldName('attribute')?.text ?? '';
    if (object?.type === 'identifier' && handles.has(object.text) && (method === 'forward' || method === 'run'))
      return Boolean((handle = object.text));
    // `model.decode_to_img(z)`, `model.transformer(x)` after `model.eval()`: a method of the evaluated model run.
    const root = handleAtRoot(object);
    return (
      root !== undefined &&
      handles.has(root) &&
      evaluating.has(root) &&
      !HOUSEKEEPING.has(method) &&
      Boolean((handle = root))
    );
  });
  if (!use || !handle) return;
  const { cls, built } = handles.get(handle)!;
  ctx.add(
    'launch.inference',
    `checkpoint-script:${cls}`,
    use,
    `${handle} = ${cls}(...) run forward at module level with a checkpoint and nothing that trains it (inference)`,
    'medium',
  );
  ctx.add('model.fromScratch', false, use, `${cls}: the weights are a trained checkpoint the script loads`, 'medium');
  if (ctx.facts.some((f) => f.kind === 'model.id')) return;
  const checkpoint = named?.[1]
    ?.replace(/\.(?:pth|pt|bin|ckpt|safetensors)$/i, '')
    .split(/[\\/]/)
    .pop();
  if (checkpoint && sizeFromModelName(checkpoint)) {
    const at = ctx.tree.rootNode.descendantForIndex(named!.index) ?? use;
    ctx.add('model.id', checkpoint, at, `the checkpoint the script loads (${named![0].split('=')[0].trim()})`);
  } else if (!GENERIC_CLASS.test(cls))
    ctx.add('model.id', cls, built, `${cls}(...): the model class the script builds and runs`, 'medium');
}

export const checkpointScript: FileRule = {
  framework: 'torch',
  phase: 'after-calls',
  // Its words keep lines for the line prefilter; a checkpoint path may be a literal, not a MODEL_* constant.
  readsWithoutWords: true,
  words: ['MODEL_NAME', 'MODEL_PATH', 'MODEL_FILE'],
  runStart: [
    CALLED,
    /^[ \t]*(?:args\.)?MODEL_(?:NAME|PATH|FILE)[ \t]*=|^\w{1,40}[ \t]*=[ \t]*torch\.load[ \t]*\(|^\w{1,40}\.load_state_dict[ \t]*\(/m,
  ],
  read: readCheckpointScript,
};

/** `args.FLOAT_MODE = "fp16"`, `FLOAT_MODE = 'bf16'`: a script's precision switch. */
const FLOAT_MODE_NAME = /^(?:\w{1,20}\.)?(?:\w{1,20}_)?FLOAT_MODE$/;
/** `os.environ["RWKV_FLOAT_MODE"] = "fp32"`: the same switch handed to a model module through the environment. */
const ENV_FLOAT_MODE = /^os\.environ\[["'](?:\w{1,20}_)?FLOAT_MODE["']\]$/;
/** `args.RUN_DEVICE = "cuda"`, `os.environ["RWKV_RUN_DEVICE"] = 'cpu'`. */
const RUN_DEVICE_NAME = /^(?:\w{1,20}\.)?(?:os\.environ\[["'])?(?:\w{1,20}_)?RUN_DEVICE(?:["']\])?$/;
/** A namespace the script fills with its sizes: `args = types.SimpleNamespace()`. */
const NAMESPACE = /^(\w{1,40})[ \t]*=[ \t]*(?:types\.)?SimpleNamespace\(\)/m;

function stringValue(node: Node): string | undefined {
  if (node.type !== 'string') return undefined;
  const body = node.namedChildren.find((c) => c?.type === 'string_content');
  return body?.text ?? (node.text.length >= 2 ? node.text.slice(1, -1) : undefined);
}

function readScriptSwitches(index: SyntaxIndex, ctx: PythonReadContext): void {
  const namespace = ctx.text.includes('SimpleNamespace') ? NAMESPACE.exec(ctx.text)?.[1] : undefined;
  const hasPrecision = () => ctx.facts.some((f) => f.kind === 'training.precision' && f.value !== null);
  for (const assignment of index.moduleAssignments) {
    const { left, right } = ctx.syntax.sidesOf(assignment);
    if (!left || !right) continue;
    const target = left.text;
    if (FLOAT_MODE_NAME.test(target) || ENV_FLOAT_MODE.test(target)) {
      const written = stringValue(right);
      const precision = written ? normalisePrecision(written) : undefined;
      // The first switch wins (a later `if` branch that resets it is not the default).
      if (precision && !hasPrecision())
        ctx.add('training.precision', precision, right, `\`${target}\` (line ${assignment.startPosition.row + 1})`);
    } else if (RUN_DEVICE_NAME.test(target)) {
      const device = stringValue(right)?.toLowerCase();
      if (device?.startsWith('cuda') && !ctx.facts.some((f) => f.kind === 'hardware.devices'))
        ctx.add('hardware.devices', 1, right, `\`${target} = "${device}"\`: the script runs on one GPU`, 'medium');
    } else if (namespace && left.type === 'attribute' && left.childForFieldName('object')?.text === namespace) {
      const name = left.childForFieldName('attribute')?.text ?? '';
      const kind = sizingKind(name);
      if (
        (kind === 'model.layers' || kind === 'model.hiddenSize' || kind === 'model.vocabSize') &&
        !ctx.facts.some((f) => f.kind === kind)
      )
        ctx.addResolved(kind, right, `\`${target}\` (line ${assignment.startPosition.row + 1})`);
    }
  }
}

export const scriptSwitches: FileRule = {
  framework: 'torch',
  phase: 'before-calls',
  words: ['FLOAT_MODE', 'RUN_DEVICE', 'SimpleNamespace'],
  read: readScriptSwitches,
};
