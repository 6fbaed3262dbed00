import type { Node } from 'web-tree-sitter';
import { normalisePrecision } from '../../precision';
import { evaluate } from '../../pythonValues';
import { decideCondition } from '../branches';
import type { PythonReadContext } from '../context';
import type { FileRule } from '../rules';

/**
 * The `gemma` JAX library (github.com/google-deepmind/gemma, `from gemma import gm`): its models are Flax classes
 * named by family and size (`gm.nn.Gemma3_4B()`, `gm.nn.Gemma2_27B()`, a diffusion variant `DiffusionGemma_26B_A4B()`),
 * wrapped for training or serving (`gm.nn.LoRA(rank=4, model=...)`, `gm.nn.IntWrapper(model=..., dtype=jnp.int8)`),
 * and given weights by `gm.ckpts.load_params(CheckpointPath...)` before a sampler (`gm.text.ChatSampler(model=model,
 * params=params)`) generates with them. The size is the class name's (modelName.ts); the compute dtype is the
 * classes' default, `dtype: jnp.dtype = jnp.bfloat16` ("The parameter dtype. Default to `jnp.bfloat16`.",
 * gemma/gm/nn/_transformer.py, google-deepmind/gemma), unless the call sets `dtype=`.
 *
 * This module holds the model-expression reading the Kauldron trainer configs share (kauldron.ts) and the rule for
 * a program or notebook that loads released weights and samples from them.
 */

/** A model class named by family and size: `Gemma3_4B`, `Gemma2_27B`, `Gemma3_270M`, `DiffusionGemma_26B_A4B`. */
export const SIZED_MODEL_CLASS = /^[A-Z][A-Za-z]{2,30}\d{0,2}[a-z]?_\d{1,4}[BM](?:_A\d{1,3}B)?$/;
/** The same, as written in a call (`gm.nn.Gemma3_4B(`), for finding its line. Linear: no nested quantifiers. */
const SIZED_MODEL_CALL = /\.[A-Z][A-Za-z]{2,30}\d{0,2}[a-z]?_\d{1,4}[BM](?:_A\d{1,3}B)?[ \t]*\(/;
/** A LoRA wrapper around a model (`gm.nn.LoRA(rank=4, model=...)`, a project's `lora.LoRA(...)`). */
const LORA_WRAPPER = /^LoR[Aa](?:Wrapper)?$/;
/** An integer-quantised wrapper (`gm.nn.IntWrapper(model=...)`): weights stored as integers, compute not stated. */
const INT_WRAPPER = /^Int\d{0,2}Wrapper$/;
/** The library imported (also inside Kauldron's `with konfig.imports():` block). */
const GEMMA_IMPORT_LINE = /^[ \t]*(?:from[ \t]+gemma(?:\.[\w.]{1,100})?[ \t]+import[ \t]|import[ \t]+gemma\b)/m;
/** The import test, tried only where the word is (a multiline regex visits every line start of a long file). */
const GEMMA_IMPORT = { test: (text: string) => text.includes('gemma') && GEMMA_IMPORT_LINE.test(text) };
/** Nodes looked at per model expression (its wrappers, the names it reads). */
const MAX_NODES = 3_000;
/** Names followed from a model expression to their assignments. */
const MAX_NAME_HOPS = 8;
/** Statements read per scope when collecting its assignments. */
const MAX_STATEMENTS = 2_000;

export interface ModelReading {
  /** The sized model class's call (`gm.nn.Gemma3_4B(...)`). */
  readonly model?: Node;
  /** Its class name. */
  readonly name?: string;
  /** The LoRA wrapper's call, when the model is wrapped in one. */
  readonly lora?: Node;
  /** Wrapped to run on integer weights. */
  readonly intWeights?: boolean;
}

/** The last name of a call's callee (`gm.nn.Gemma3_4B` → `Gemma3_4B`). */
export function calleeLast(call: Node): string {
  const fn = call.childForFieldName('function')?.text ?? '';
  return fn.slice(fn.lastIndexOf('.') + 1);
}

/**
 * The names a scope binds before a row (`model = gm.nn.LoRA(...)`, `gemma_network = lora.LoRA(...)` in the branch
 * a local boolean decides: `use_lora = True` then `if use_lora:`), last assignment first wins as Python runs them.
 */
export function scopeBindings(block: Node, beforeRow: number, ctx: PythonReadContext): Map<string, Node> {
  const out = new Map<string, Node>();
  const booleans = new Map<string, boolean>();
  let seen = 0;
  const decide = (condition: Node | null): boolean | undefined => {
    if (!condition) return undefined;
    if (condition.type === 'identifier' && booleans.has(condition.text)) return booleans.get(condition.text);
    if (condition.type === 'not_operator') {
      const inner = condition.childForFieldName('argument');
      if (inner?.type === 'identifier' && booleans.has(inner.text)) return !booleans.get(inner.text);
    }
    return decideCondition(condition, ctx.symbols);
  };
  const visit = (b: Node, depth: number): void => {
    for (const statement of b.namedChildren) {
      if (!statement || ++seen > MAX_STATEMENTS || statement.startPosition.row >= beforeRow) return;
      if (statement.type === 'if_statement' && depth < 3) {
        const taken = takenBranch(statement, decide);
        if (taken) visit(taken, depth + 1);
        continue;
      }
      if (statement.type === 'with_statement' && depth < 3) {
        const inner = statement.childForFieldName('body');
        if (inner) visit(inner, depth + 1);
        continue;
      }
      const assignment = statement.type === 'expression_statement' ? statement.namedChildren[0] : null;
      if (assignment?.type !== 'assignment') continue;
      const left = assignment.childForFieldName('left');
      let right = assignment.childForFieldName('right');
      // `init_transform = wrapped = gm.ckpts.LoadCheckpoint(...)`: a chained assignment binds both names.
      while (right?.type === 'assignment') right = right.childForFieldName('right');
      if (left?.type !== 'identifier' || !right) continue;
      out.set(left.text, right);
      if (right.type === 'true' || right.type === 'false') booleans.set(left.text, right.type === 'true');
      else booleans.delete(left.text);
    }
  };
  visit(block, 0);
  return out;
}

function takenBranch(statement: Node, decide: (c: Node | null) => boolean | undefined): Node | null {
  const first = decide(statement.childForFieldName('condition'));
  if (first === undefined) return null;
  if (first) return statement.childForFieldName('consequence');
  for (const clause of statement.childrenForFieldName('alternative')) {
    if (clause?.type === 'else_clause') return clause.childForFieldName('body');
    if (clause?.type !== 'elif_clause') return null;
    const decided = decide(clause.childForFieldName('condition'));
    if (decided === undefined) return null;
    if (decided) return clause.childForFieldName('consequence');
  }
  return null;
}

/**
 * The model an expression builds: the sized model class it calls (through wrappers and the names it reads, each
 * followed to its assignment in `bindings`), and whether a LoRA or integer wrapper holds it.
 */
export function readModelExpression(root: Node, bindings: ReadonlyMap<string, Node>): ModelReading {
  let model: Node | undefined;
  let lora: Node | undefined;
  let intWeights = false;
  const stack: Array<{ node: Node; hops: number }> = [{ node: root, hops: 0 }];
  const followed = new Set<string>();
  let looked = 0;
  while (stack.length > 0 && looked++ < MAX_NODES) {
    const { node, hops } = stack.pop()!;
    if (node.type === 'call') {
      const last = calleeLast(node);
      if (!model && SIZED_MODEL_CLASS.test(last)) model = node;
      else if (!lora && LORA_WRAPPER.test(last)) lora = node;
      else if (INT_WRAPPER.test(last)) intWeights = true;
    } else if (node.type === 'identifier' && hops < MAX_NAME_HOPS && !followed.has(node.text)) {
      const bound = bindings.get(node.text);
      followed.add(node.text);
      if (bound) stack.push({ node: bound, hops: hops + 1 });
      continue;
    }
    const children = node.namedChildren;
    for (let i = children.length - 1; i >= 0; i--) {
      const c = children[i];
      // Attribute chains (`gm.nn`) and strings hold no model; the callee's own name is read above.
      if (c && c.type !== 'attribute' && c.type !== 'string' && c.type !== 'comment') stack.push({ node: c, hops });
    }
  }
  return { model, name: model ? calleeLast(model) : undefined, lora, intWeights };
}

/**
 * The compute precision of a model of the gemma library: the class's `dtype=` when the call sets it, else its
 * default, bfloat16. Integer-wrapped models store int weights and leave the compute dtype unstated (nothing added).
 */
export function addGemmaPrecision(reading: ModelReading, ctx: PythonReadContext): void {
  if (!reading.model || reading.intWeights || !GEMMA_IMPORT.test(ctx.text) || !/Gemma/.test(reading.name ?? '')) return;
  const args = reading.model.childForFieldName('arguments');
  const dtype = args?.namedChildren.find(
    (a) => a?.type === 'keyword_argument' && a.childForFieldName('name')?.text === 'dtype',
  );
  const value = dtype?.childForFieldName('value');
  if (value) {
    const evaluated = evaluate(value, ctx.symbols)?.value;
    const precision = normalisePrecision(typeof evaluated === 'string' ? evaluated : value.text);
    if (precision && !/^int/.test(precision))
      ctx.add('training.precision', precision, value, `${reading.name}(dtype=${value.text.slice(0, 40)})`, 'medium');
    return;
  }
  ctx.add(
    'training.precision',
    'bf16',
    reading.model,
    `${reading.name}(...): the gemma library's models default to dtype jnp.bfloat16 (gemma/gm/nn/_transformer.py)`,
    'medium',
  );
}

/** A model of the library named by its class: the model id, with the size the class name states. */
export function addModelClass(reading: ModelReading, ctx: PythonReadContext, role: string): void {
  if (!reading.model || !reading.name) return;
  ctx.add(
    'model.id',
    reading.name,
    reading.model.childForFieldName('function') ?? reading.model,
    `${reading.name}(...): ${role}, the model class named by its family and size`,
    'medium',
  );
}

/**
 * The call whose callee is written at a position (`gm.nn.Gemma3_4B(` with the column inside its name): found from
 * the node there up through the callee's attribute chain, not by a search of the line.
 */
export function callAt(root: Node, row: number, column: number): Node | null {
  let node: Node | null = root.descendantForPosition({ row, column });
  for (let up = 0; node && up < 8; up++) {
    if (node.type === 'call') return node;
    node = node.parent;
  }
  return null;
}

/** The statement of a block that holds a node (its top-level ancestor within the block). */
function statementIn(node: Node, block: Node): Node | null {
  let at: Node | null = node;
  while (at?.parent && at.parent.id !== block.id) at = at.parent;
  return at?.parent?.id === block.id ? at : null;
}

/** A Kauldron trainer built in the file: its training run is read by kauldron.ts, not as a sampling run. */
const KAULDRON_TRAINER = /\btrain\.Trainer[ \t]*\(/;
/** Lines looked at for the model class's call. */
const MAX_LINES = 20_000;
/** Lines holding a candidate call that are parsed for it (a notebook loads one or two models). */
const MAX_CANDIDATE_LINES = 100;

/**
 * A program or notebook that builds a sized model class of the library and loads released weights for it with
 * `ckpts.load_params(...)` at module level (not inside a definition): an inference run of that model. A file that
 * trains it with a Kauldron trainer is read by kauldron.ts.
 */
export const gemmaSampling: FileRule = {
  framework: 'jax',
  phase: 'after-calls',
  words: ['load_params'],
  runStart: [/\bckpts\.load_params[ \t]*\(/, SIZED_MODEL_CALL],
  read: (_index, ctx) => {
    if (KAULDRON_TRAINER.test(ctx.text) || !GEMMA_IMPORT.test(ctx.text)) return;
    const root = ctx.tree.rootNode;
    const lines = ctx.text.split('\n');
    let load: Node | undefined;
    let reading: ModelReading | undefined;
    let looked = 0;
    for (let row = 0; row < lines.length && row < MAX_LINES && looked < MAX_CANDIDATE_LINES; row++) {
      const line = lines[row];
      if (line.length > 2000) continue;
      const wantsLoad = !load && line.includes('load_params');
      const wantsModel = !reading && SIZED_MODEL_CALL.test(line);
      if (!wantsLoad && !wantsModel) continue;
      looked++;
      const candidates = [
        wantsLoad ? callAt(root, row, line.indexOf('load_params')) : null,
        wantsModel ? callAt(root, row, SIZED_MODEL_CALL.exec(line)!.index + 1) : null,
      ];
      for (const call of candidates) {
        if (!call || call.startPosition.row > row) continue;
        const statement = statementIn(call, root);
        if (!statement || statement.type === 'function_definition' || statement.type === 'class_definition') continue;
        if (statement.type === 'decorated_definition') continue;
        const fn = call.childForFieldName('function')?.text ?? '';
        if (!load && /(?:^|\.)ckpts\.load_params$/.test(fn)) load = call;
        else if (!reading && SIZED_MODEL_CLASS.test(calleeLast(call)))
          reading = readModelExpression(statement, scopeBindings(root, statement.startPosition.row, ctx));
      }
      if (load && reading) break;
    }
    if (!load || !reading?.model) return;
    const anchor = load.childForFieldName('function') ?? load;
    addModelClass(reading, ctx, 'the model the released weights are loaded into');
    ctx.add('model.fromScratch', false, anchor, 'ckpts.load_params(...) loads released weights', 'medium');
    addGemmaPrecision(reading, ctx);
    ctx.add(
      'launch.inference',
      'gemma:load_params',
      anchor,
      `ckpts.load_params(...) loads ${reading.name}'s released weights to sample from them (gemma library)`,
      'medium',
    );
  },
};
