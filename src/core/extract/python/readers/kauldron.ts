import type { Node } from 'web-tree-sitter';
import { evaluate } from '../../pythonValues';
import type { PythonReadContext } from '../context';
import type { FileRule } from '../rules';
import { addGemmaPrecision, addModelClass, callAt, readModelExpression, scopeBindings } from './gemmaLibrary';

/**
 * Kauldron (github.com/google-research/kauldron, "kd"): a training run is a `kd.train.Trainer(...)`. An experiment
 * config is a module whose `get_config()` returns one, either built by its keywords
 *
 *     def get_config():
 *       return kd.train.Trainer(
 *           model=gm.nn.LoRA(rank=4, model=gm.nn.Gemma3_4B(tokens="batch.input")),
 *           init_transform=gm.ckpts.LoadCheckpoint(path=...),   # weights it starts from
 *           num_train_steps=10_000,
 *           ...)
 *
 * or as a konfig object filled field by field (`cfg = kd.train.Trainer()`, `cfg.num_train_steps = 2_000`,
 * `cfg.model = ...`, `return cfg`), and `python -m kauldron.main --cfg=path/to/config.py` trains it, so the module
 * is the run. In a notebook or script the trainer is built and trained in place (`trainer = kd.train.Trainer(...)`,
 * `trainer.train()`). Fields read: `num_train_steps` (the optimizer steps), `init_transform` (set: a transform of the
 * initialised state that restores weights, such as `gm.ckpts.LoadCheckpoint(path=...)`, so the run starts from them:
 * a fine-tune), `model` (through its wrappers and the names it reads, gemmaLibrary.ts: a sized model class names
 * the model, a LoRA wrapper makes it a LoRA run).
 */

/** The trainer's class as written (`kd.train.Trainer`, `kauldron.kd.train.Trainer`). */
const TRAINER_CALLEE = /(?:^|\.)train\.Trainer$/;
const TRAINER_LINE = /\btrain\.Trainer[ \t]*\(/;
/** Lines looked at for the trainer's call. */
const MAX_LINES = 20_000;
/** Lines holding a trainer's call that are parsed for it (a config or notebook builds one or two). */
const MAX_TRAINER_LINES = 50;
/** `name.train()`: a trainer asked to train. Linear: a bounded name, fixed text. */
const TRAIN_CALL = /\b([A-Za-z_]\w{0,60})\.train\(\s*\)/g;
/** `.train()` calls collected per file. */
const MAX_TRAINED = 1_000;
/** Field assignments read per config function. */
const MAX_STATEMENTS = 2_000;

/** Is `name` bound to a Kauldron trainer built in this block (`cfg = kd.train.Trainer()`)? */
export function builtAsKauldronTrainer(body: Node, name: string): boolean {
  for (const statement of body.namedChildren.slice(0, MAX_STATEMENTS)) {
    const assignment = statement?.type === 'expression_statement' ? statement.namedChildren[0] : null;
    if (assignment?.type !== 'assignment' || assignment.childForFieldName('left')?.text !== name) continue;
    const right = assignment.childForFieldName('right');
    if (right?.type === 'call' && TRAINER_CALLEE.test(right.childForFieldName('function')?.text ?? '')) return true;
  }
  return false;
}

/** The Trainer's fields: its keywords, then `cfg.field = value` in the block (when built empty and filled). */
function fieldsOf(call: Node, block: Node | null, name: string | undefined): Map<string, Node> {
  const out = new Map<string, Node>();
  for (const a of call.childForFieldName('arguments')?.namedChildren ?? []) {
    const key = a?.type === 'keyword_argument' ? a.childForFieldName('name')?.text : undefined;
    const value = a?.childForFieldName('value');
    if (key && value) out.set(key, value);
  }
  if (!block || !name) return out;
  const prefix = `${name}.`;
  for (const statement of block.namedChildren.slice(0, MAX_STATEMENTS)) {
    const assignment = statement?.type === 'expression_statement' ? statement.namedChildren[0] : null;
    if (assignment?.type !== 'assignment') continue;
    const left = assignment.childForFieldName('left');
    const right = assignment.childForFieldName('right');
    if (left?.type !== 'attribute' || !right || !left.text.startsWith(prefix)) continue;
    const key = left.text.slice(prefix.length);
    if (/^\w{1,60}$/.test(key)) out.set(key, right);
  }
  return out;
}

/** Where a trainer call sits: the name it is bound to, the block it is in and whether it is a config's run. */
interface Placement {
  readonly block: Node;
  readonly name?: string;
  readonly config: boolean;
}

function placementOf(call: Node, root: Node): Placement | undefined {
  const parent = call.parent;
  let statement: Node | null = parent;
  let name: string | undefined;
  if (parent?.type === 'assignment' && parent.childForFieldName('left')?.type === 'identifier') {
    name = parent.childForFieldName('left')!.text;
    statement = parent.parent;
  } else if (parent?.type !== 'return_statement') return undefined;
  const block = statement?.type === 'expression_statement' ? statement.parent : statement?.parent;
  if (!block) return undefined;
  if (block.id === root.id) return name ? { block, name, config: false } : undefined;
  // A module-level `def get_config():` whose body builds the trainer.
  const fn = block.parent;
  if (block.type !== 'block' || fn?.type !== 'function_definition' || fn.parent?.id !== root.id) return undefined;
  if (fn.childForFieldName('name')?.text !== 'get_config') return undefined;
  if (name && !returns(block, name)) return undefined;
  return { block, name, config: true };
}

function returns(block: Node, name: string): boolean {
  return block.namedChildren.some((s) => s?.type === 'return_statement' && s.namedChildren[0]?.text === name);
}

function positiveSteps(node: Node, bindings: ReadonlyMap<string, Node>, ctx: PythonReadContext): number | undefined {
  const bound = node.type === 'identifier' ? (bindings.get(node.text) ?? node) : node;
  const v = evaluate(bound, ctx.symbols)?.value;
  return typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : undefined;
}

function readTrainer(call: Node, place: Placement, ctx: PythonReadContext): void {
  const fn = call.childForFieldName('function') ?? call;
  const fields = fieldsOf(call, place.config ? place.block : null, place.name);
  const bindings = scopeBindings(place.block, Number.MAX_SAFE_INTEGER, ctx);
  ctx.add('run.framework', 'kauldron', fn, 'Kauldron trainer (kd.train.Trainer)', 'medium');
  if (place.config) {
    const def = place.block.parent!;
    const anchor = def.childForFieldName('name') ?? def;
    ctx.add(
      'run.entry',
      true,
      anchor,
      'a Kauldron experiment config: `kauldron.main --cfg=this.py` trains the Trainer get_config() returns',
      'medium',
    );
    ctx.add('launch.trainer', 'kauldron:get_config', anchor, 'get_config() returns a kd.train.Trainer', 'medium');
  } else {
    ctx.add(
      'launch.trainer',
      'kauldron:Trainer.train',
      fn,
      `${place.name}.train() runs the kd.train.Trainer`,
      'medium',
    );
  }

  const steps = fields.get('num_train_steps');
  const n = steps ? positiveSteps(steps, bindings, ctx) : undefined;
  if (steps && n) ctx.add('training.steps', n, steps, `kd.train.Trainer: num_train_steps ${n}`);

  const model = fields.get('model');
  const reading = model ? readModelExpression(model, bindings) : undefined;
  if (reading) {
    addModelClass(reading, ctx, 'the model the trainer trains');
    addGemmaPrecision(reading, ctx);
    if (reading.lora)
      ctx.add(
        'training.adapter',
        'lora',
        reading.lora.childForFieldName('function') ?? reading.lora,
        'the model is wrapped in LoRA adapters: only they are trained',
        'medium',
      );
  }
  const init = fields.get('init_transform');
  if (init && init.type !== 'none') {
    ctx.add('model.fromScratch', false, init, 'kd.train.Trainer: init_transform loads the weights it starts from');
    if (!reading?.lora)
      ctx.add('training.mode', 'finetune', init, 'kd.train.Trainer: init_transform starts from trained weights');
  }
}

export const kauldronTrainer: FileRule = {
  framework: 'kauldron',
  phase: 'after-calls',
  words: ['Trainer'],
  runStart: [/\bkauldron\b/, TRAINER_LINE],
  runStartInDefinitions: true,
  read: (_index, ctx) => {
    if (!TRAINER_LINE.test(ctx.text)) return;
    const root = ctx.tree.rootNode;
    const lines = ctx.text.split('\n');
    // The names asked to train (`trainer.train()`), found in one pass rather than a search per trainer built.
    const trained = new Set([...ctx.text.matchAll(TRAIN_CALL)].slice(0, MAX_TRAINED).map((m) => m[1]));
    let looked = 0;
    for (let row = 0; row < lines.length && row < MAX_LINES && looked < MAX_TRAINER_LINES; row++) {
      if (lines[row].length > 2000 || !TRAINER_LINE.test(lines[row])) continue;
      looked++;
      const call = callAt(root, row, TRAINER_LINE.exec(lines[row])!.index + 1);
      if (!call || !TRAINER_CALLEE.test(call.childForFieldName('function')?.text ?? '')) continue;
      const place = placementOf(call, root);
      if (!place) continue;
      // In a notebook or script the trainer trains where it is asked to: `trainer.train()`.
      if (!place.config && !trained.has(place.name!)) continue;
      readTrainer(call, place, ctx);
      return;
    }
  },
};
