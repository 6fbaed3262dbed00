import { Query, type Language, type Node, type Tree } from 'web-tree-sitter';
import type { Fact, FactKind, FactValue, SourceRange } from '../facts';
import { countModuleClasses } from './moduleParams';
import { indexFor } from '../textIndex';
import { countKerasSequential, sequentialLayers } from './kerasParams';
import { evaluate, FIELD_PREFIX, keywordArgument, stringLiteral, SymbolTable, type Resolved } from './pythonValues';

/**
 * Reads the facts that decide a training run's cost from a Python syntax tree:
 * which model, pretrained or not, how long, how large a batch, which precision,
 * which hardware. Rules are keyed on the names of the APIs people call
 * (Hugging Face, TRL, PEFT, Lightning, torchvision, timm, Keras, plain PyTorch).
 */

export function nodeRange(node: Node): SourceRange {
  return {
    startLine: node.startPosition.row,
    startCol: node.startPosition.column,
    endLine: node.endPosition.row,
    endCol: node.endPosition.column,
  };
}

/** Hugging Face / TRL argument classes whose keywords size a run. */
const HF_ARGUMENT_CLASSES = new Set([
  'TrainingArguments', 'Seq2SeqTrainingArguments', 'SFTConfig', 'DPOConfig', 'ORPOConfig', 'KTOConfig',
  'CPOConfig', 'GRPOConfig', 'RewardConfig', 'PPOConfig', 'GKDConfig', 'RLOOConfig',
]);
/** Calls that start training. */
const TRAINER_CLASSES = new Set([
  'Trainer', 'Seq2SeqTrainer', 'SFTTrainer', 'DPOTrainer', 'ORPOTrainer', 'KTOTrainer', 'CPOTrainer',
  'GRPOTrainer', 'RewardTrainer', 'PPOTrainer', 'GKDTrainer', 'RLOOTrainer', 'Fabric', 'Accelerator',
]);
/** Entry points that parse the command line and train: a run whose settings come from outside. */
const CLI_ENTRY_POINTS = new Set(['LightningCLI', 'cli_main', 'CLI']);
/** Hugging Face model classes built directly from a config (random weights). */
const HF_MODEL_CLASS = /^[A-Z]\w*(For[A-Z]\w+|LMHeadModel)$/;

/** Classes whose `from_pretrained` loads something other than the trained model. */
const NOT_A_MODEL = /(Tokenizer|Processor|Config|FeatureExtractor|ImageProcessor|GenerationConfig|Scheduler|Collator)/;

/** Keyword arguments and module-level names that carry a sizing fact, wherever they appear. */
const SIZING_NAMES: Record<string, FactKind> = {
  num_train_epochs: 'training.epochs',
  max_epochs: 'training.epochs',
  num_epochs: 'training.epochs',
  epochs: 'training.epochs',
  n_epochs: 'training.epochs',
  max_steps: 'training.steps',
  max_iters: 'training.steps',
  total_steps: 'training.steps',
  num_train_steps: 'training.steps',
  max_train_steps: 'training.steps',
  train_iters: 'training.steps',
  global_batch_size: 'training.globalBatch',
  per_device_train_batch_size: 'training.batchPerDevice',
  micro_batch_size: 'training.batchPerDevice',
  train_batch_size: 'training.batchPerDevice',
  batch_size: 'training.batchPerDevice',
  batch: 'training.batchPerDevice',
  bs: 'training.batchPerDevice',
  micro_bs: 'training.batchPerDevice',
  ctx: 'training.seqLen',
  ctx_len: 'training.seqLen',
  ngpu: 'hardware.devices',
  n_gpu: 'hardware.devices',
  num_gpus: 'hardware.devices',
  gradient_accumulation_steps: 'training.gradientAccumulation',
  accumulate_grad_batches: 'training.gradientAccumulation',
  grad_accum: 'training.gradientAccumulation',
  grad_acc: 'training.gradientAccumulation',
  accum: 'training.gradientAccumulation',
  accum_steps: 'training.gradientAccumulation',
  accumulation_steps: 'training.gradientAccumulation',
  grad_accum_steps: 'training.gradientAccumulation',
  gradient_accumulation: 'training.gradientAccumulation',
  max_len: 'training.seqLen',
  maxlen: 'training.seqLen',
  max_length: 'training.seqLen',
  seq_length: 'training.seqLen',
  sequence_length: 'training.seqLen',
  context_length: 'training.seqLen',
  max_source_length: 'training.seqLen',
  bptt: 'training.seqLen',
  num_steps: 'training.steps',
  train_steps: 'training.steps',
  n_steps: 'training.steps',
  per_device_batch_size: 'training.batchPerDevice',
  per_gpu_train_batch_size: 'training.batchPerDevice',
  global_batch: 'training.globalBatch',
  max_seq_length: 'training.seqLen',
  max_seq_len: 'training.seqLen',
  seq_len: 'training.seqLen',
  block_size: 'training.seqLen',
  gradient_checkpointing: 'training.gradientCheckpointing',
  n_layer: 'model.layers',
  num_hidden_layers: 'model.layers',
  num_layers: 'model.layers',
  n_layers: 'model.layers',
  n_embd: 'model.hiddenSize',
  hidden_size: 'model.hiddenSize',
  d_model: 'model.hiddenSize',
  vocab_size: 'model.vocabSize',
  intermediate_size: 'model.ffnSize',
  n_inner: 'model.ffnSize',
  ffn_dim: 'model.ffnSize',
  n_positions: 'training.seqLen',
  n_ctx: 'training.seqLen',
  devices: 'hardware.devices',
  gpus: 'hardware.devices',
  tensor_parallel_size: 'hardware.devices',
  num_nodes: 'hardware.nodes',
  max_new_tokens: 'inference.maxNewTokens',
};

/** torchvision dataset classes → dataset catalog ids. */
const TORCHVISION_DATASETS: Record<string, string> = {
  MNIST: 'mnist', FashionMNIST: 'fashion_mnist', CIFAR10: 'cifar10', CIFAR100: 'cifar100', ImageNet: 'imagenet-1k', Food101: 'food101',
};

/** Precision flags of TrainingArguments-like classes. */
const PRECISION_FLAGS: Record<string, string> = { fp16: 'fp16', bf16: 'bf16', tf32: 'tf32' };

export function normalisePrecision(raw: FactValue | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  const s = String(raw).toLowerCase();
  if (/bf16|bfloat16/.test(s)) return 'bf16';
  if (/fp8|float8/.test(s)) return 'fp8';
  if (/^16|fp16|float16|half|16-mixed|16-true/.test(s)) return 'fp16';
  if (/tf32/.test(s)) return 'tf32';
  if (/^32|fp32|float32|^64/.test(s)) return 'fp32';
  if (/int8|8bit/.test(s)) return 'int8';
  if (/int4|4bit|nf4/.test(s)) return 'int4';
  return null;
}

/** Callee names per call node id: every rule asks, so it is worked out once per scan. */
let calleeCache = new Map<number, { full: string; last: string }>();
/** An assignment's two sides, asked for by several passes (each field lookup marshals a node). */
let sidesCache = new Map<number, { left: Node | null; right: Node | null }>();
function sidesOf(assignment: Node): { left: Node | null; right: Node | null } {
  let sides = sidesCache.get(assignment.id);
  if (!sides) {
    sides = { left: assignment.childForFieldName('left'), right: assignment.childForFieldName('right') };
    sidesCache.set(assignment.id, sides);
  }
  return sides;
}

function calleeName(call: Node): { full: string; last: string } {
  const cached = calleeCache.get(call.id);
  if (cached) return cached;
  const full = call.childForFieldName('function')?.text ?? '';
  const result = { full, last: full.slice(full.lastIndexOf('.') + 1).trim() };
  calleeCache.set(call.id, result);
  return result;
}

class FactCollector {
  readonly facts: Fact[] = [];

  constructor(readonly symbols: SymbolTable) {}

  add(kind: FactKind, value: FactValue, node: Node, detail: string, confidence: Fact['confidence'] = 'high'): void {
    this.facts.push({ kind, value, range: nodeRange(node), confidence, detail });
  }

  /** Adds a fact from an expression, reading through constants; unresolvable values are kept as unknown. */
  addResolved(kind: FactKind, valueNode: Node, label: string, map: (v: Resolved['value']) => FactValue | undefined = scalar): void {
    const r = evaluate(valueNode, this.symbols);
    const mapped = r ? map(r.value) : undefined;
    if (r && mapped !== undefined) {
      this.add(kind, mapped, valueNode, r.via ? `${label} (${r.via})` : label, r.via ? 'medium' : 'high');
      const literal = r.origin.type === 'integer' || r.origin.type === 'float' || r.origin.type === 'string' ? { edit: { valueRange: nodeRange(r.origin) } } : {};
      this.facts[this.facts.length - 1] = { ...this.facts[this.facts.length - 1], ...(r.via ? { originLine: r.origin.startPosition.row } : {}), ...literal };
    } else {
      const overflow = /^[\d._]+(e\+?\d+)?$/i.test(valueNode.text) && !Number.isFinite(Number(valueNode.text.replace(/_/g, '')));
      this.add(kind, null, valueNode, overflow ? `${label}: ${truncate(valueNode.text)} is not a finite number` : `${label}: \`${truncate(valueNode.text)}\` cannot be read without running the code`, 'low');
    }
  }
}

function scalar(v: Resolved['value']): FactValue | undefined {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : undefined;
}

function truncate(text: string, max = 60): string {
  const oneLine = text.replace(/\s+/g, ' ');
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}

function* walk(root: Node): Generator<Node> {
  const cursor = root.walk();
  let descending = true;
  for (;;) {
    if (descending) {
      yield cursor.currentNode;
      if (cursor.gotoFirstChild()) continue;
    }
    if (cursor.gotoNextSibling()) {
      descending = true;
      continue;
    }
    if (!cursor.gotoParent()) break;
    descending = false;
  }
  cursor.delete();
}

/**
 * The nodes extraction looks at, found in one pass of a tree-sitter query (native code)
 * instead of visiting every node from JavaScript: that is what keeps a scan close to
 * the cost of the parse itself.
 */
interface SyntaxIndex {
  /** Calls, assignments, for loops, classes and parameter defaults, in document order. */
  readonly ordered: Node[];
  readonly calls: Node[];
  readonly assignments: Node[];
  readonly classes: Node[];
  readonly defaults: Node[];
  /** Assignments that are module-level statements. */
  readonly moduleAssignments: Node[];
  /** Assignments that are statements directly in a class body, with their class. */
  readonly classAssignments: Array<{ readonly cls: Node; readonly className: string; readonly assignment: Node }>;
}

const INDEX_QUERY = `
(call) @call
(assignment) @assignment
(for_statement) @for
(while_statement) @while
(class_definition) @class
(default_parameter) @default
(typed_default_parameter) @default
`;
const queries = new WeakMap<Language, Query>();

/**
 * Lines that can carry a fact: a training API name, a sizing word, a class header, a function
 * header with defaults, or an assignment of a constant (not of an empty container). The query only visits the subtrees around them,
 * so the ordinary code that makes up most files costs little beyond the parse.
 */
const RELEVANT_LINE = /from_pretrained|Embedding\(|DDP\(|no_grad|inference_mode|\.eval\(|model_name|model_id|base_model|name_or_path|EmissionsTracker|track_emissions|from_config|Trainer|Strategy|DataParallel|VISIBLE_DEVICES|Arguments|Config|Fabric|\.fit\(|backward|range\(|add_argument|option\(|Option\(|load_dataset|autocast|GradScaler|models\.|applications|create_model|generate|pipeline|open\(|load\(|Lora|peft|BitsAndBytes|load_in_|class\s|def\s[^#\n]*=|datasets\.|field\(|epoch|step|iter|batch|EPOCH|Epoch|STEP|ITER|BATCH|Batch|LAYER|Layer|EMBD|HIDDEN|Hidden|VOCAB|Vocab|BLOCK_SIZE|SEQ_LEN|MAX_LENGTH|DTYPE|PRECISION|DEVICES|NODES|ACCELERATOR|seq_len|max_length|layer|embd|hidden|vocab|block_size|dtype|precision|devices|nodes|accelerator|\.train\(|truncation|new_tokens|Module|LLM\(|^[ \t]*[A-Za-z_][\w.]*[ \t]*(:[^=\n]+)?=[ \t]*([-+\d"']|[(\[{](?!\s*[)\]}])|True|False|None)/;

/**
 * The previous text's lines and verdicts: an edit changes a line or two, so the next version of the
 * same document reuses the rest (also after lines were inserted or removed, by aligning from the end).
 * Only one text is kept, so memory does not grow with the number of files scanned.
 */
let previousLines: { readonly lines: readonly string[]; readonly verdicts: readonly boolean[] } | undefined;

function relevantRowRanges(text: string): Array<[number, number]> {
  const lines = text.split('\n');
  const prev = previousLines;
  const shift = prev ? lines.length - prev.lines.length : 0;
  const verdicts = lines.map((line, i) => {
    if (prev) {
      if (prev.lines[i] === line) return prev.verdicts[i];
      const j = i - shift;
      if (j >= 0 && prev.lines[j] === line) return prev.verdicts[j];
    }
    return RELEVANT_LINE.test(line);
  });
  previousLines = { lines, verdicts };
  const ranges: Array<[number, number]> = [];
  verdicts.forEach((relevant, row) => {
    if (!relevant) return;
    const last = ranges[ranges.length - 1];
    // Merge rows one apart: one query beats two, and the line between (often `self.x = x`) comes along.
    if (last && row - last[1] <= 2) last[1] = row;
    else ranges.push([row, row]);
  });
  return ranges;
}

function indexSyntax(tree: Tree, text: string): SyntaxIndex {
  let query = queries.get(tree.language);
  if (!query) {
    query = new Query(tree.language, INDEX_QUERY);
    queries.set(tree.language, query);
  }
  const top = tree.rootNode.children.filter((c): c is Node => c !== null);
  const index: SyntaxIndex = { ordered: [], calls: [], assignments: [], classes: [], defaults: [], moduleAssignments: [], classAssignments: [] };
  const seen = new Set<number>();
  const captured: Array<{ name: string; node: Node }> = [];
  // Query from the top-level statements that hold each range rather than from the root: a range
  // query from the root walks every statement before the range, which made long files quadratic.
  let from = 0;
  for (const [first, last] of relevantRowRanges(text)) {
    while (from < top.length && top[from].endPosition.row < first) from++;
    const options = { startPosition: { row: first, column: 0 }, endPosition: { row: last + 1, column: 0 } };
    for (let i = from; i < top.length && top[i].startPosition.row <= last; i++) {
      for (const capture of query.captures(top[i], options)) {
        if (seen.has(capture.node.id)) continue;
        seen.add(capture.node.id);
        captured.push(capture);
      }
    }
  }
  captured.sort((a, b) => a.node.startIndex - b.node.startIndex);
  for (const { name, node } of captured) {
    index.ordered.push(node);
    if (name === 'call') index.calls.push(node);
    else if (name === 'assignment') index.assignments.push(node);
    else if (name === 'class') index.classes.push(node);
    else if (name === 'default') index.defaults.push(node);
  }
  placeAssignments(index);
  return index;
}

/**
 * Where each assignment sits, from positions rather than parent links (each .parent marshals a node
 * out of the parser): Python's indentation makes a statement at column 0 module-level, and a statement
 * at a class body's own indentation, inside its rows, a field of that class.
 */
function placeAssignments(index: SyntaxIndex): void {
  const bodies = index.classes.flatMap((cls) => {
    const body = cls.childForFieldName('body');
    return body ? [{ cls, className: cls.childForFieldName('name')?.text ?? 'class', column: body.startPosition.column, first: body.startPosition.row, last: body.endPosition.row }] : [];
  });
  for (const assignment of index.assignments) {
    const { row, column } = assignment.startPosition;
    // `x = 1` is an expression statement holding an assignment; `a = b = 1` nests one inside another.
    if (column === 0) {
      index.moduleAssignments.push(assignment);
      continue;
    }
    const owner = bodies.find((b) => b.column === column && b.first <= row && row <= b.last);
    if (owner) index.classAssignments.push({ cls: owner.cls, className: owner.className, assignment });
  }
}

/** Pass 1: bind module constants, argparse defaults, dataclass field defaults and parameter defaults. */
function collectSymbols(index: SyntaxIndex, tree: Tree, text: string): SymbolTable {
  const symbols = new SymbolTable();
  const fallbacks: Array<[string, Node, string]> = [];
  const moduleLevel = new Set(index.moduleAssignments);
  const classFields = new Set(index.classAssignments.map((c) => c.assignment));
  for (const node of index.assignments) {
    const { left, right } = sidesOf(node);
    if (!left || !right) continue;
    const line = node.startPosition.row + 1;
    if (left.type === 'identifier') {
      if (classFields.has(node)) symbols.bind(FIELD_PREFIX + left.text, right, `default of field \`${left.text}\` (line ${line})`);
      else if (moduleLevel.has(node)) symbols.bind(left.text, right, `\`${left.text}\` = ${truncate(right.text, 30)} (line ${line})`);
      else fallbacks.push([left.text, right, `\`${left.text}\` = ${truncate(right.text, 30)} (line ${line})`]);
    } else if (left.type === 'attribute') {
      symbols.bind(left.text, right, `\`${left.text}\` = ${truncate(right.text, 30)} (line ${line})`);
    }
  }
  for (const node of index.defaults) {
    const name = node.childForFieldName('name');
    const value = node.childForFieldName('value');
    if (name?.type === 'identifier' && value) fallbacks.push([name.text, value, `default of parameter \`${name.text}\` (line ${node.startPosition.row + 1})`]);
  }
  for (const node of index.calls) {
    if (calleeName(node).last !== 'add_argument' && calleeName(node).full !== 'click.option' && calleeName(node).last !== 'option') continue;
    const args = node.childForFieldName('arguments');
    const strings = args?.namedChildren.map((c) => (c ? stringLiteral(c) : null)) ?? [];
    const flag = strings.find((s) => s?.startsWith('--'));
    const def = args ? keywordArgument(args, 'default') : null;
    if (flag && def) {
      // click.option("--model", "model_name", ...): a bare name is the parameter it fills.
      const named = strings.find((s) => s && /^[A-Za-z_]\w*$/.test(s));
      const destKw = args ? keywordArgument(args, 'dest') : null;
      const dest = (destKw ? stringLiteral(destKw) : null) ?? named ?? flag.slice(2).replace(/-/g, '_');
      symbols.bind(FIELD_PREFIX + dest, def, `default of \`${flag}\` (line ${node.startPosition.row + 1})`);
    }
  }
  // Call sites of this file's own functions fill their parameters: load_model(model_name) makes
  // `name` in `def load_model(name)` whatever model_name is (after the parameter's own default).
  fallbacks.push(...callSiteArguments(index, tree, text));
  // Function-local assignments only count where nothing module-level has the name.
  for (const [name, right, via] of fallbacks) if (!symbols.lookup(name)) symbols.bind(name, right, via);
  return symbols;
}

/** Builtins and common library calls: never a function this file defines. */
const NOT_LOCAL = new Set(['print', 'len', 'range', 'open', 'float', 'int', 'str', 'bool', 'max', 'min', 'sum', 'list', 'dict', 'set', 'tuple', 'enumerate', 'zip', 'isinstance', 'getattr', 'setattr', 'hasattr', 'super', 'sorted', 'round', 'abs', 'any', 'all', 'map', 'filter', 'type', 'repr', 'iter', 'next', 'format', 'vars', 'field', 'dataclass']);

function callSiteArguments(index: SyntaxIndex, tree: Tree, text: string): Array<[string, Node, string]> {
  // Where this file defines the functions its calls name (found in the text, so only they are looked up in the tree).
  const defs = new Map<string, Node>();
  // Each name is looked up once, found or not: 20k calls of f() with "def f" in strings searched the text 20k times.
  const looked = new Set<string>();
  for (const call of index.calls) {
    const name = calleeName(call).full;
    if (!/^\w+$/.test(name) || NOT_LOCAL.has(name) || looked.has(name)) continue;
    looked.add(name);
    // `def name(` at the start of a line (after indentation or `async`): a native substring search per name.
    let defAt = -1;
    for (let i = text.indexOf(`def ${name}`); i >= 0; i = text.indexOf(`def ${name}`, i + 1)) {
      const lineStart = text.lastIndexOf('\n', i - 1) + 1;
      if (/^[ \t]*(async[ \t]+)?$/.test(text.slice(lineStart, i)) && /^[ \t]*\(/.test(text.slice(i + 4 + name.length, i + 8 + name.length))) {
        defAt = i;
        break;
      }
    }
    if (defAt < 0) continue;
    const { line, col } = indexFor(text).position(defAt);
    const keyword = tree.rootNode.descendantForPosition({ row: line, column: col });
    const def = keyword?.type === 'function_definition' ? keyword : keyword?.parent;
    if (def?.type === 'function_definition') defs.set(name, def);
  }
  if (defs.size === 0) return [];
  const out: Array<[string, Node, string]> = [];
  for (const call of index.calls) {
    const name = calleeName(call).full;
    const def = defs.get(name);
    if (!def) continue;
    const params = (def.childForFieldName('parameters')?.namedChildren ?? []).filter((p): p is Node => p !== null);
    const paramName = (p: Node) => (p.type === 'identifier' ? p.text : p.type === 'typed_parameter' ? p.namedChildren.find((c) => c?.type === 'identifier')?.text : undefined);
    const positional = params.map(paramName);
    const line = call.startPosition.row + 1;
    let i = 0;
    for (const arg of call.childForFieldName('arguments')?.namedChildren ?? []) {
      if (!arg || arg.type === 'comment') continue;
      if (arg.type === 'keyword_argument') {
        const key = arg.childForFieldName('name')?.text;
        const value = arg.childForFieldName('value');
        if (key && value) out.push([key, value, `argument ${key} of ${name}(...) (line ${line})`]);
      } else if (arg.type !== 'list_splat' && arg.type !== 'dictionary_splat') {
        const target = positional[i];
        if (target) out.push([target, arg, `argument of ${name}(...) (line ${line})`]);
      }
      i++;
    }
  }
  return out;
}

function modelIdFromPretrainedCall(call: Node, symbols: SymbolTable): Resolved | undefined {
  const args = call.childForFieldName('arguments');
  const first = args?.namedChildren.find((c) => c?.type !== 'keyword_argument' && c?.type !== 'comment');
  const named = args ? keywordArgument(args, 'pretrained_model_name_or_path') : null;
  return evaluate(first ?? named, symbols);
}

function readTrainingKeywords(call: Node, collector: FactCollector, owner: string): void {
  const args = call.childForFieldName('arguments');
  if (!args) return;
  for (const child of args.namedChildren) {
    if (!child) continue;
    if (child.type === 'dictionary_splat') {
      readDictionarySplat(child, collector, owner);
      continue;
    }
    if (child.type !== 'keyword_argument') continue;
    const name = child.childForFieldName('name')?.text ?? '';
    const value = child.childForFieldName('value');
    if (!value) continue;
    readKeyword(name, value, collector, owner);
  }
}

function readKeyword(name: string, value: Node, collector: FactCollector, owner: string): void {
  const label = `${name} in ${owner}`;
  if (name in PRECISION_FLAGS) {
    if (/cuda\.is_available/.test(value.text)) {
      collector.add('training.precision', PRECISION_FLAGS[name], value, `${label}: \`${truncate(value.text, 40)}\` is true on a GPU`, 'medium');
      return;
    }
    if (/is_bf16_supported|is_torch_bf16_gpu_available|get_device_capability/.test(value.text)) {
      // Depends on the GPU: assume one that supports it, and list it as not readable.
      collector.add('training.precision', PRECISION_FLAGS[name], value, `${label}: \`${truncate(value.text, 40)}\`, assumed true (a GPU that supports it)`, 'low');
      collector.add('training.precision', null, value, `${label}: \`${truncate(value.text, 40)}\` depends on the GPU it runs on`, 'low');
      return;
    }
    const r = evaluate(value, collector.symbols);
    if (r?.value === true) collector.add('training.precision', PRECISION_FLAGS[name], value, label, r.via ? 'medium' : 'high');
    else if (!r) collector.add('training.precision', null, value, `${label}: \`${truncate(value.text)}\` cannot be read statically`, 'low');
    return;
  }
  if (name === 'precision' || name === 'mixed_precision' || name === 'dtype' || name === 'torch_dtype' || name === 'bnb_4bit_compute_dtype') {
    const condition = gpuDependentBinding(value, collector.symbols);
    if (condition) {
      // `if torch.cuda.get_device_capability()[0] >= 8: dtype = bfloat16 else: float16`: the GPU decides.
      const r = evaluate(value, collector.symbols);
      const p = r ? normalisePrecision(scalar(r.value)) : null;
      if (p) collector.add('training.precision', p, value, `${label}: \`${value.text}\` is set under \`if ${truncate(condition, 40)}\`, assumed ${p} (a GPU that supports it)`, 'low');
      collector.add('training.precision', null, value, `${label}: \`${value.text}\` depends on the GPU it runs on (\`if ${truncate(condition, 40)}\`)`, 'low');
      return;
    }
    collector.addResolved('training.precision', value, label, (v) => normalisePrecision(scalar(v)) ?? undefined);
    return;
  }
  if (name === 'accelerator') {
    collector.addResolved('hardware.accelerator', value, label);
    return;
  }
  if (name === 'device_map' || name === 'device') {
    // device_map={"": 0}, device=0, device="cuda:0": one accelerator.
    const r = evaluate(value, collector.symbols);
    const single = typeof r?.value === 'number' || (typeof r?.value === 'string' && /^cuda(:\d+)?$/.test(r.value)) || (r?.value && typeof r.value === 'object' && !Array.isArray(r.value) && Object.keys(r.value).length === 1);
    if (single && r?.value !== -1) collector.add('hardware.devices', 1, value, `${label}: one device`, 'low');
    return;
  }
  if ((name === 'devices' || name === 'gpus') && /^["']auto["']$|^-1$/.test(value.text)) {
    collector.add('hardware.devices', null, value, `${label}=${value.text}: every visible GPU, which the code does not say`, 'low');
    return;
  }
  if (name === 'load_in_4bit' || name === 'load_in_8bit') {
    const r = evaluate(value, collector.symbols);
    // QLoRA is the 4-bit recipe (Dettmers et al. 2023); an 8-bit base with adapters is LoRA on an int8 model.
    if (r?.value === true) collector.add('training.adapter', name === 'load_in_4bit' ? 'qlora' : 'int8-base', value, label);
    return;
  }
  const kind = SIZING_NAMES[name];
  if (!kind) return;
  // max_length in a trainer/config call sizes the sequence; elsewhere it is usually generation length.
  if (name === 'max_length' && !/Config|Arguments|Trainer/.test(owner)) return;
  if (kind === 'training.steps') {
    // max_steps=-1 is Hugging Face's "not set".
    collector.addResolved(kind, value, label, (v) => (typeof v === 'number' && v > 0 ? v : undefined));
    return;
  }
  collector.addResolved(kind, value, label);
}

function readDictionarySplat(splat: Node, collector: FactCollector, owner: string): void {
  const inner = splat.namedChildren[0];
  const bound = inner ? collector.symbols.lookup(inner.text) : undefined;
  const dict = inner?.type === 'dictionary' || inner?.type === 'call' ? inner : bound?.node;
  if (dict?.type === 'call' && dict.childForFieldName('function')?.text === 'dict') {
    // **dict(num_train_epochs=3, ...): keyword arguments by another name.
    for (const kw of dict.childForFieldName('arguments')?.namedChildren ?? []) {
      if (kw?.type !== 'keyword_argument') continue;
      const name = kw.childForFieldName('name')?.text;
      const value = kw.childForFieldName('value');
      if (name && value) readKeyword(name, value, collector, `${owner} (**${inner?.text.slice(0, 30)})`);
    }
    return;
  }
  if (!dict || dict.type !== 'dictionary') return;
  for (const pair of dict.namedChildren) {
    if (pair?.type !== 'pair') continue;
    const key = pair.childForFieldName('key');
    const value = pair.childForFieldName('value');
    const name = key ? stringLiteral(key) : null;
    if (name && value) readKeyword(name, value, collector, `${owner} (**${inner?.text})`);
  }
}

/** `SFTTrainer(model="Qwen/Qwen2.5-0.5B")`, `pipeline(model="gpt2")`, `LLM(model=...)`: a model named by id. */
function readModelKeyword(call: Node, collector: FactCollector, owner: string, inference: boolean): void {
  const args = call.childForFieldName('arguments');
  const value = args ? keywordArgument(args, 'model') : null;
  if (!value) return;
  const r = evaluate(value, collector.symbols);
  if (typeof r?.value !== 'string' || !/^[\w.-]+(\/[\w.-]+)?$/.test(r.value)) return;
  collector.add('model.id', r.value, value, r.via ? `model= in ${owner} (${r.via})` : `model= in ${owner}`, r.via ? 'medium' : 'high');
  if (!inference) collector.add('model.fromScratch', false, value, `${owner} loads "${r.value}" from the Hub`);
}

function readModelLoad(call: Node, collector: FactCollector, classText: string, scratch: boolean): void {
  if (!scratch) {
    const id = modelIdFromPretrainedCall(call, collector.symbols);
    const first = call.childForFieldName('arguments')?.namedChildren[0];
    if (id && typeof id.value === 'string') {
      collector.add('model.id', id.value, first ?? call, id.via ? `${classText}.from_pretrained (${id.via})` : `${classText}.from_pretrained`, id.via ? 'medium' : 'high');
      if (id.via) collector.facts[collector.facts.length - 1] = { ...collector.facts[collector.facts.length - 1], originLine: id.origin.startPosition.row };
      attachEdit(collector, call, `${classText}.from_pretrained`, id.origin);
    } else if (first) {
      collector.add('model.id', null, first, `${classText}.from_pretrained: \`${truncate(first.text)}\` cannot be read statically`, 'low');
    }
    collector.add('model.fromScratch', false, call, `${classText}.from_pretrained loads pretrained weights`);
    readTrainingKeywords(call, collector, `${classText}.from_pretrained`);
    return;
  }
  // from_config(config): the config often comes from AutoConfig.from_pretrained("gpt2").
  const arg = call.childForFieldName('arguments')?.namedChildren[0];
  const bound = arg?.type === 'identifier' ? collector.symbols.lookup(arg.text) : undefined;
  const configCall = (n: Node | undefined) => n?.type === 'call' && calleeName(n).last === 'from_pretrained' && !/Tokenizer|Processor|FeatureExtractor/.test(calleeName(n).full);
  const source = configCall(bound?.node) ? bound!.node : arg?.type === 'call' && configCall(arg) ? arg : undefined;
  if (source) {
    const id = modelIdFromPretrainedCall(source, collector.symbols);
    if (id && typeof id.value === 'string') {
      collector.add('model.id', id.value, source, `architecture of \`${id.value}\`, weights initialised from scratch`, 'medium');
      if (id.via) collector.facts[collector.facts.length - 1] = { ...collector.facts[collector.facts.length - 1], originLine: id.origin.startPosition.row };
    }
    // AutoConfig.from_pretrained("gpt2", n_layer=6, n_embd=512): the sizes it overrides.
    const configArgs = source.childForFieldName('arguments');
    for (const arg of configArgs?.namedChildren ?? []) {
      if (arg?.type !== 'keyword_argument') continue;
      const name = arg.childForFieldName('name')?.text ?? '';
      const value = arg.childForFieldName('value');
      const kind = SIZING_NAMES[name];
      if (value && kind && (kind === 'model.layers' || kind === 'model.hiddenSize' || kind === 'model.vocabSize' || kind === 'model.ffnSize')) {
        collector.addResolved(kind, value, `${name} overridden in ${calleeName(source).full}`);
      }
    }
  }
  collector.add('model.fromScratch', true, call, `${classText}.from_config initialises random weights`);
  attachEdit(collector, call, classText.endsWith('.from_config') || classText === 'from_config' ? classText : `${classText}.from_config`);
}

/** Model constructors imported by name in the current file (`from torchvision.models import resnet50`). */
let importedModels: { torchvision: Set<string>; keras: Set<string> } = { torchvision: new Set(), keras: new Set() };

function modelImports(text: string): typeof importedModels {
  const names = (module: RegExp) => {
    const out = new Set<string>();
    // `from m import a, b as c` on one line, or `from m import (\n a,\n b,\n)` over several.
    // `[^()]` not `[^)]`: an unclosed `(` stops at the next `(` instead of scanning to the end of the file each time.
    for (const m of text.matchAll(new RegExp(`^[ \\t]*from[ \\t]+${module.source}[ \\t]+import[ \\t]+(?:\\(([^()]*)\\)|([^(\\n]+))`, 'gm'))) {
      for (const part of (m[1] ?? m[2] ?? '').split(',')) {
        const name = part.trim().split(/\s+as\s+/).pop()?.trim();
        if (name && /^\w+$/.test(name)) out.add(name);
      }
    }
    return out;
  };
  return { torchvision: names(/torchvision\.models/), keras: names(/(?:tensorflow\.)?keras\.applications(?:\.\w+)?/) };
}

function readTorchvisionOrKeras(call: Node, collector: FactCollector, full: string, last: string): boolean {
  const owner = full.includes('.') ? full.slice(0, full.lastIndexOf('.')) : '';
  // `models.resnet50(...)`, or `resnet50(...)` after `from torchvision.models import resnet50`.
  const tv = ((/(^|\.)models$/.test(owner)) || (owner === '' && importedModels.torchvision.has(last))) && /^[a-z][a-z0-9_]*$/.test(last);
  const keras = (/applications$/.test(owner) || (owner === '' && importedModels.keras.has(last))) && /^[A-Z]/.test(last);
  const timm = full === 'timm.create_model' || full === 'create_model';
  if (!tv && !keras && !timm) return false;
  const args = call.childForFieldName('arguments');
  if (!args) return false;
  let id: string | null = null;
  let origin: number | undefined;
  if (timm) {
    const r = evaluate(args.namedChildren[0] ?? null, collector.symbols);
    id = typeof r?.value === 'string' ? r.value : null;
    if (r?.via) origin = r.origin.startPosition.row;
  } else id = keras ? `keras/${last}` : last;
  if (!id) return false;
  collector.add('model.id', id, call, timm ? 'timm.create_model' : keras ? `keras.applications.${last}` : `torchvision.models.${last}`);
  if (origin !== undefined) collector.facts[collector.facts.length - 1] = { ...collector.facts[collector.facts.length - 1], originLine: origin };
  const weights = keywordArgument(args, 'weights');
  const pretrained = keywordArgument(args, 'pretrained');
  let scratch: boolean;
  let why: string;
  if (weights) {
    const r = evaluate(weights, collector.symbols);
    scratch = r?.value === null;
    why = scratch ? 'weights=None: random initialisation' : `weights=${truncate(weights.text, 30)}: pretrained`;
  } else if (pretrained) {
    const r = evaluate(pretrained, collector.symbols);
    scratch = r?.value !== true;
    why = scratch ? 'pretrained=False: random initialisation' : 'pretrained=True';
  } else {
    // torchvision and timm default to random weights; keras.applications defaults to weights="imagenet".
    scratch = !keras;
    why = keras ? 'keras.applications defaults to weights="imagenet"' : 'no weights given: the library initialises randomly';
  }
  collector.add('model.fromScratch', scratch, weights ?? pretrained ?? call, why, weights || pretrained ? 'high' : 'medium');
  attachEdit(collector, call, timm ? 'timm.create_model' : keras ? `keras:${full}` : `torchvision:${full}`);
  return true;
}

/** Loop variables that count optimizer steps rather than epochs (`for it in range(max_iters)`). */
const STEP_LOOP_VARIABLE = /^(it|iter|iter_num|iteration|step|global_step|train_step|update|i_step)$/i;
/** `for epoch in ...`, `for ep in ...`, `for e in range(EPOCHS)`. */
const EPOCH_LOOP_VARIABLE = /epoch|^(ep|e|ep_idx)$/i;

function readTrainingLoop(node: Node, collector: FactCollector): void {
  const left = node.childForFieldName('left');
  let right = node.childForFieldName('right');
  if (!left || !right || right.type !== 'call') return;
  // tqdm(range(n)), trange(n): progress bars around the same count.
  const wrapper = calleeName(right).last;
  if (wrapper === 'tqdm' || wrapper === 'enumerate') {
    const inner = right.childForFieldName('arguments')?.namedChildren[0];
    if (inner?.type === 'call' && calleeName(inner).full === 'range') right = inner;
  }
  const isRange = calleeName(right).full === 'range' || calleeName(right).last === 'trange';
  if (!isRange) return;
  const kind: FactKind | null = EPOCH_LOOP_VARIABLE.test(left.text) ? 'training.epochs' : STEP_LOOP_VARIABLE.test(left.text) ? 'training.steps' : null;
  if (!kind) return;
  const args = (right.childForFieldName('arguments')?.namedChildren ?? []).filter((c): c is Node => c !== null);
  const values = args.map((a) => evaluate(a, collector.symbols));
  const label = `for ${left.text} in ${truncate(right.text, 40)}`;
  if (values.length === 0 || values.some((v) => !v || typeof v.value !== 'number')) {
    collector.add(kind, null, right, `${label}: bound cannot be read statically`, 'low');
  } else {
    const nums = values.map((v) => v!.value as number);
    const count = nums.length === 1 ? nums[0] : Math.ceil((nums[1] - nums[0]) / (nums[2] ?? 1));
    const via = values.map((v) => v!.via).filter(Boolean).join('; ');
    collector.add(kind, Math.max(0, count), right, via ? `${label} (${via})` : label, via ? 'medium' : 'high');
    const named = values.find((v) => v!.via);
    if (named) collector.facts[collector.facts.length - 1] = { ...collector.facts[collector.facts.length - 1], originLine: named.origin.startPosition.row };
  }
  collector.add('launch.trainer', 'loop', left, kind === 'training.epochs' ? 'training loop over epochs' : 'training loop over steps');
}

/**
 * A train()/fit() inside `for lr in [1e-5, 2e-5, 3e-5]:` (a sweep, seeds, folds) launches one run per
 * value. Loops over epochs or steps are the run itself, not repeats.
 */
function readRepeat(call: Node, collector: FactCollector): void {
  let node: Node | null = call.parent;
  for (let depth = 0; node && depth < 12; depth++, node = node.parent) {
    if (node.type === 'function_definition' || node.type === 'class_definition') return;
    if (node.type !== 'for_statement') continue;
    const left = node.childForFieldName('left');
    const right = node.childForFieldName('right');
    if (!left || !right || EPOCH_LOOP_VARIABLE.test(left.text) || STEP_LOOP_VARIABLE.test(left.text) || /batch|step/i.test(left.text)) return;
    const r = evaluate(right, collector.symbols);
    let count: number | undefined;
    if (Array.isArray(r?.value)) count = r.value.length;
    else if (right.type === 'call' && calleeName(right).full === 'range') {
      const bounds = (right.childForFieldName('arguments')?.namedChildren ?? []).map((a) => evaluate(a, collector.symbols)?.value);
      if (bounds.length > 0 && bounds.every((b) => typeof b === 'number')) {
        const [a, b, step] = bounds as number[];
        count = bounds.length === 1 ? a : Math.ceil((b - a) / (step ?? 1));
      }
    }
    if (count !== undefined && count >= 2 && count <= 1000) {
      collector.add('launch.repeat', count, node, `for ${left.text} in ${truncate(right.text, 30)}: ${count} runs`, r?.via ? 'medium' : 'high');
    }
    return;
  }
}

/** `while global_step < max_steps:`: a step-bounded training loop. */
function readStepWhileLoop(node: Node, collector: FactCollector): void {
  const condition = node.childForFieldName('condition');
  if (condition?.type !== 'comparison_operator') return;
  const [left, right] = condition.namedChildren;
  const op = condition.text.includes('<=') ? '<=' : condition.text.includes('<') ? '<' : null;
  if (!left || !right || !op) return;
  const name = left.text.slice(left.text.lastIndexOf('.') + 1);
  const kind: FactKind | null = /epoch/i.test(name) ? 'training.epochs' : STEP_LOOP_VARIABLE.test(name) || /step|iter/i.test(name) ? 'training.steps' : null;
  if (!kind) return;
  const bound = evaluate(right, collector.symbols);
  const label = `while ${truncate(condition.text, 40)}`;
  if (typeof bound?.value === 'number') {
    collector.add(kind, bound.value + (op === '<=' ? 1 : 0), right, bound.via ? `${label} (${bound.via})` : label, bound.via ? 'medium' : 'high');
    if (bound.via) collector.facts[collector.facts.length - 1] = { ...collector.facts[collector.facts.length - 1], originLine: bound.origin.startPosition.row };
  } else {
    collector.add(kind, null, right, `${label}: bound cannot be read statically`, 'low');
  }
  collector.add('launch.trainer', 'loop', condition, 'training loop over steps', 'medium');
}

/**
 * Llama-family configs (Llama, Mistral, Qwen2, Gemma, Phi-3): gated MLP and grouped-query
 * attention, so 12·L·d² does not apply. Parameters from the architecture's own shapes:
 * embeddings V·d, per layer q/o d², k/v 2·d·(d/heads·kv_heads), MLP 3·d·ff, two norms 2·d,
 * a final norm d, and an untied LM head V·d.
 */
function readLlamaStyleParams(node: Node, args: Node, className: string, collector: FactCollector): void {
  if (!/^(Llama|Mistral|Mixtral|Qwen2|Qwen3|Gemma|Gemma2|Phi3|Olmo)\w*Config$/.test(className)) return;
  const num = (name: string, fallback?: number) => {
    const v = keywordArgument(args, name);
    const r = v ? evaluate(v, collector.symbols) : undefined;
    return typeof r?.value === 'number' ? r.value : fallback;
  };
  const d = num('hidden_size');
  const layers = num('num_hidden_layers');
  const ff = num('intermediate_size');
  const vocab = num('vocab_size', 32000);
  const heads = num('num_attention_heads');
  if (!d || !layers || !ff || !vocab || !heads) return;
  const kvHeads = num('num_key_value_heads', heads)!;
  const tieNode = keywordArgument(args, 'tie_word_embeddings');
  const tied = tieNode ? evaluate(tieNode, collector.symbols)?.value === true : false;
  const kv = (d / heads) * kvHeads;
  const perLayer = 2 * d * d + 2 * d * kv + 3 * d * ff + 2 * d;
  const params = vocab * d + layers * perLayer + d + (tied ? 0 : vocab * d);
  collector.add('model.params', params, node.childForFieldName('function') ?? node, `${className}: ${layers} layers × (attention with ${kvHeads}/${heads} KV heads + gated MLP ${ff}) + embeddings${tied ? ' (tied head)' : ' + LM head'}`);
}

/** Records where a quick fix would edit, on the fact just added for this call. */
function attachEdit(collector: FactCollector, call: Node, callee: string, literal?: Node): void {
  const i = collector.facts.length - 1;
  if (i < 0) return;
  const args = call.childForFieldName('arguments');
  // The statement holding the call, and the name it assigns, for edits that add a line after it.
  let statement: Node | null = call;
  while (statement && statement.type !== 'expression_statement' && statement.parent && statement.parent.type !== 'block' && statement.parent.type !== 'module') statement = statement.parent;
  const assignment = statement?.type === 'expression_statement' ? statement.namedChildren[0] : statement;
  const target = assignment?.type === 'assignment' ? assignment.childForFieldName('left') : null;
  collector.facts[i] = {
    ...collector.facts[i],
    edit: {
      argumentList: args?.type === 'argument_list' ? nodeRange(args) : undefined,
      valueRange: literal && literal.type === 'string' ? nodeRange(literal) : undefined,
      statement: statement ? nodeRange(statement) : undefined,
      assignedTo: target?.type === 'identifier' ? target.text : undefined,
      callee,
    },
  };
}

/** Module-level sizing variables (nanoGPT-style configs): `n_layer = 12`, `max_iters = 600000`. */
function readModuleSizing(moduleAssignments: readonly Node[], collector: FactCollector): void {
  // Sizing names (n_layer, dtype, ...) are relevant lines, so their assignments are in the index.
  for (const assignment of moduleAssignments) {
    const { left, right } = sidesOf(assignment);
    if (!left || !right || left.type !== 'identifier') continue;
    const kind = SIZING_NAMES[left.text] ?? SIZING_NAMES[left.text.toLowerCase()];
    if (kind && (kind !== 'hardware.devices' || /^(ngpu|n_gpu|num_gpus)$/i.test(left.text)) && kind !== 'inference.maxNewTokens') {
      collector.addResolved(kind, right, `\`${left.text}\` (line ${assignment.startPosition.row + 1})`);
    } else if (/^(dtype|precision|mixed_precision)$/i.test(left.text)) {
      collector.addResolved('training.precision', right, `\`${left.text}\``, (v) => normalisePrecision(scalar(v)) ?? undefined);
    }
  }
}

/** `add_argument("--epochs", default=30)`: a sizing default is a fact where it is declared (uses win over it). */
function readArgparseSizing(index: SyntaxIndex, collector: FactCollector): void {
  for (const node of index.calls) {
    const { last, full } = calleeName(node);
    if (last !== 'add_argument' && full !== 'click.option') continue;
    const args = node.childForFieldName('arguments');
    const flag = args?.namedChildren.map((c) => (c ? stringLiteral(c) : null)).find((s) => s?.startsWith('--'));
    const def = args ? keywordArgument(args, 'default') : null;
    if (!flag || !def) continue;
    const dest = flag.slice(2).replace(/-/g, '_');
    const kind = SIZING_NAMES[dest];
    if (!kind || kind === 'inference.maxNewTokens' || kind === 'hardware.devices') continue;
    const r = evaluate(def, collector.symbols);
    if (r && typeof r.value === 'number') collector.add(kind, r.value, def, `default of ${flag}`, 'medium');
  }
}

/** Dataclass fields whose names size a run (HfArgumentParser argument classes, GPTConfig). */
function readDataclassFields(fields: SyntaxIndex['classAssignments'], collector: FactCollector): void {
  for (const { className, assignment } of fields) {
    const { left, right } = sidesOf(assignment);
    if (!left || !right || left.type !== 'identifier') continue;
    const owner = `default of ${className}.${left.text}`;
    if (SIZING_NAMES[left.text] || left.text in PRECISION_FLAGS) readKeyword(left.text, right, collector, owner);
    else if (/^(model_name_or_path|model_name|model_id|base_model|pretrained_model_name_or_path|model)$/.test(left.text)) {
      const r = evaluate(right, collector.symbols);
      if (typeof r?.value === 'string' && /^[\w.-]+(\/[\w.-]+)?$/.test(r.value)) collector.add('model.id', r.value, right, owner, 'medium');
    }
    // Point at the literal inside field(default=...) rather than the field( call.
    const last = collector.facts[collector.facts.length - 1];
    if (last && last.range.startLine === right.startPosition.row && last.originLine === undefined) {
      const r = evaluate(right, collector.symbols);
      if (r && r.origin.startPosition.row !== right.startPosition.row) collector.facts[collector.facts.length - 1] = { ...last, originLine: r.origin.startPosition.row };
    }
  }
}

/**
 * A config file path as scripts write it: a literal or constant, or joined onto the script's own folder
 * (`os.path.join(HERE, "config.json")`, `Path(__file__).parent / "config.yaml"`), where the file name is
 * what links it (links are looked up next to the script first).
 */
function configPathOf(node: Node, symbols: SymbolTable): string | undefined {
  const direct = evaluate(node, symbols);
  if (typeof direct?.value === 'string') return direct.value;
  if (node.type === 'call' && /(^|\.)path\.join$|^join$/.test(node.childForFieldName('function')?.text ?? '')) {
    const parts = node.childForFieldName('arguments')?.namedChildren ?? [];
    const last = parts[parts.length - 1];
    const r = last ? evaluate(last, symbols) : undefined;
    return typeof r?.value === 'string' ? r.value : undefined;
  }
  if (node.type === 'binary_operator' && node.childForFieldName('operator')?.text === '/') {
    const right = node.childForFieldName('right');
    const r = right ? evaluate(right, symbols) : undefined;
    return typeof r?.value === 'string' ? r.value : undefined;
  }
  return undefined;
}

/** keras.Sequential([...]): parameters counted through the layer shapes; images also get forward FLOPs. */
function readKerasSequential(call: Node, collector: FactCollector, full: string): void {
  const layers = sequentialLayers(call);
  if (!layers || layers.length === 0) return;
  const counted = countKerasSequential(layers, collector.symbols);
  if (counted.params <= 0) return;
  const at = call.childForFieldName('function') ?? call;
  const lowerBound = counted.unresolved.length > 0 ? `; a lower bound: could not size ${counted.unresolved.slice(0, 3).join('; ')}` : '';
  collector.add('model.params', counted.params, at, `counted from the ${counted.layers} layers of ${full}([...])${lowerBound}`, lowerBound ? 'low' : 'medium');
  if (counted.forwardFlops && counted.unresolved.length === 0 && !/Embedding\s*\(/.test(call.text)) {
    collector.add('model.forwardFlopsPerSample', counted.forwardFlops, at, `one forward pass of ${full}([...]) from its layer shapes`, 'medium');
  }
}

/** When a name is assigned under `if <GPU capability check>:`, that condition; else undefined. */
function gpuDependentBinding(value: Node, symbols: SymbolTable): string | undefined {
  if (value.type !== 'identifier') return undefined;
  let node: Node | null = symbols.lookup(value.text)?.node ?? null;
  for (let depth = 0; node && depth < 6; depth++, node = node.parent) {
    if (node.type === 'if_statement' || node.type === 'conditional_expression') {
      const condition = node.type === 'if_statement' ? node.childForFieldName('condition')?.text : node.text;
      return condition && /get_device_capability|is_bf16_supported|bf16_gpu_available/.test(condition) ? condition : undefined;
    }
  }
  return undefined;
}

/** The facts of one Python module. */
export function extractPythonFacts(tree: Tree, text: string = tree.rootNode.text): Fact[] {
  calleeCache = new Map();
  sidesCache = new Map();
  importedModels = /torchvision\.models|keras\.applications/.test(text) ? modelImports(text) : { torchvision: new Set(), keras: new Set() };
  const index = indexSyntax(tree, text);
  const symbols = collectSymbols(index, tree, text);
  const collector = new FactCollector(symbols);
  readModuleSizing(index.moduleAssignments, collector);
  readDataclassFields(index.classAssignments, collector);
  readArgparseSizing(index, collector);

  for (const node of index.ordered) {
    if (node.type === 'for_statement') {
      readTrainingLoop(node, collector);
      continue;
    }
    if (node.type === 'while_statement') {
      readStepWhileLoop(node, collector);
      continue;
    }
    if (node.type !== 'call') continue;
    const { full, last } = calleeName(node);
    const owner = full.endsWith('.from_pretrained') || full.endsWith('.from_config') ? full.slice(0, full.lastIndexOf('.')) : '';
    if (last === 'from_pretrained' && !NOT_A_MODEL.test(owner)) {
      readModelLoad(node, collector, owner || full, false);
    } else if (last === 'from_config' && !NOT_A_MODEL.test(owner)) {
      readModelLoad(node, collector, owner || full, true);
    } else if (HF_ARGUMENT_CLASSES.has(last)) {
      readTrainingKeywords(node, collector, last);
      collector.add('launch.trainer', `construct:${last}`, node.childForFieldName('function') ?? node, `${last}(...) configures a training run`, 'medium');
      attachEdit(collector, node, full);
    } else if (TRAINER_CLASSES.has(last)) {
      readTrainingKeywords(node, collector, last);
      if (last === 'Accelerator' && !/mixed_precision/.test(node.childForFieldName('arguments')?.text ?? '')) {
        collector.add('training.precision', null, node, `${full}() takes its mixed precision from \`accelerate config\` or the launch command`, 'low');
      }
      readModelKeyword(node, collector, last, false);
      collector.add('launch.trainer', `construct:${last}`, node.childForFieldName('function') ?? node, `${last}(...) sets up training`);
      attachEdit(collector, node, full);
    } else if (HF_MODEL_CLASS.test(last) && !NOT_A_MODEL.test(last) && !/^DataCollator|^Auto(Tokenizer|Processor)/.test(last) && !full.includes('.from_')) {
      // LlamaForCausalLM(config), GPT2LMHeadModel(config): the architecture, randomly initialised.
      const args = node.childForFieldName('arguments');
      const first = args?.namedChildren[0];
      if (first && first.type !== 'keyword_argument') {
        readModelLoad(node, collector, last, true);
      }
    } else if (last === 'set_global_policy' || last === 'Policy' || last === 'set_policy') {
      // Keras mixed precision: mixed_float16 / mixed_bfloat16.
      const arg = node.childForFieldName('arguments')?.namedChildren[0];
      const r = arg ? evaluate(arg, symbols) : undefined;
      const p = typeof r?.value === 'string' ? normalisePrecision(r.value.replace('mixed_', '')) : null;
      if (p) collector.add('training.precision', p, arg!, `${full}("${String(r!.value)}")`);
    } else if (full === 'LLM' || full === 'vllm.LLM' || full === 'AsyncLLMEngine.from_engine_args') {
      readModelKeyword(node, collector, full, true);
      readTrainingKeywords(node, collector, full);
      collector.add('launch.inference', full, node.childForFieldName('function') ?? node, `${full}(...) serves a model (vLLM)`, 'medium');
    } else if (CLI_ENTRY_POINTS.has(last) && /Lightning|lightning|CLI/.test(full)) {
      collector.add('launch.trainer', last, node.childForFieldName('function') ?? node, `${full}(...) trains with settings from the command line and its config`, 'medium');
      for (const kind of ['training.epochs', 'hardware.devices', 'training.precision'] as const) {
        collector.add(kind, null, node, `${full}: set on the command line or in its YAML config`, 'low');
      }
    } else if (last === 'HfArgumentParser') {
      // Training arguments parsed from the command line or a JSON file: not readable here.
      const args = node.childForFieldName('arguments')?.text ?? '';
      if (/TrainingArguments|Config\b|SFTConfig|DPOConfig/.test(args)) {
        for (const kind of ['training.epochs', 'training.batchPerDevice', 'training.precision'] as const) {
          collector.add(kind, null, node, `${full}: training arguments come from the command line or a JSON file`, 'low');
        }
      }
    } else if (last === 'DistributedDataParallel' || (last === 'DDP' && /DistributedDataParallel/.test(text))) {
      // device_ids=[local_rank] is this process's one GPU; how many processes run is the launcher's business.
      collector.add('hardware.devices', null, node, `${full}: as many processes as the launcher starts, which this file does not say`, 'low');
    } else if (last === 'DataParallel' || last === 'MirroredStrategy') {
      const args = node.childForFieldName('arguments');
      const ids = args ? keywordArgument(args, 'device_ids') ?? keywordArgument(args, 'devices') : null;
      const r = ids ? evaluate(ids, symbols) : undefined;
      if (Array.isArray(r?.value)) {
        collector.add('hardware.devices', r.value.length, ids!, `${full}(device_ids=${truncate(ids!.text, 20)})`);
        // One process feeds every device: the loader's batch is the global batch, split across them.
        collector.add('training.batchSplit', r.value.length, ids!, `${full} splits each batch across ${r.value.length} devices`);
      } else {
        collector.add('hardware.devices', null, node, `${full}() uses every visible GPU, which the code does not say`, 'low');
        collector.add('training.batchPerDevice', null, node, `${full}() splits each batch across every visible GPU, which the code does not say`, 'low');
      }
    } else if (last === 'set_float32_matmul_precision') {
      const arg = node.childForFieldName('arguments')?.namedChildren[0];
      const r = arg ? evaluate(arg, symbols) : undefined;
      if (r?.value === 'high' || r?.value === 'medium') collector.add('training.precision', 'tf32', arg!, `${full}("${String(r.value)}") enables TF32 matmuls`, 'medium');
    } else if (last === 'LoraConfig' || last === 'get_peft_model' || last === 'prepare_model_for_kbit_training') {
      collector.add('training.adapter', last === 'prepare_model_for_kbit_training' ? 'qlora' : 'lora', node.childForFieldName('function') ?? node, `${last} (PEFT)`);
    } else if (last === 'BitsAndBytesConfig') {
      readTrainingKeywords(node, collector, last);
    } else if (TORCHVISION_DATASETS[last] && /datasets$/.test(full.slice(0, full.length - last.length - 1))) {
      collector.add('training.dataset', TORCHVISION_DATASETS[last], node, `${full}(...)`);
    } else if ((full === 'open' || last === 'load' || last === 'safe_load' || last === 'from_json_file' || last === 'from_yaml_file') && node.childForFieldName('arguments')) {
      // open("config.yaml"), OmegaConf.load("conf/train.yaml"): a config this script reads.
      const first = node.childForFieldName('arguments')!.namedChildren[0];
      const path = first ? configPathOf(first, symbols) : undefined;
      if (path !== undefined && /\.(ya?ml|json)$/.test(path)) collector.add('link.config', path, first!, `${full}("${path}")`);
    } else if (last === 'Sequential' && !/^(nn|torch\.nn)\./.test(full) && /keras|tensorflow/.test(text)) {
      readKerasSequential(node, collector, full);
    } else if (last === 'EmissionsTracker' || last === 'OfflineEmissionsTracker' || last === 'track_emissions') {
      // CodeCarbon measures this run; its project name ties the emissions.csv rows to this code.
      const args = node.childForFieldName('arguments');
      const name = args ? keywordArgument(args, 'project_name') : null;
      const r = name ? evaluate(name, symbols) : undefined;
      if (typeof r?.value === 'string') collector.add('tracking.project', r.value, name!, `${last}(project_name="${r.value}")`);
    } else if (last === 'load_dataset') {
      const args = node.childForFieldName('arguments')?.namedChildren.filter((c): c is Node => c !== null && c.type !== 'keyword_argument') ?? [];
      const named = node.childForFieldName('arguments');
      const configNode = named ? keywordArgument(named, 'name') : null;
      const pathNode = named ? keywordArgument(named, 'path') : null;
      const sources = [args[0] ?? pathNode, args[1] ?? configNode].filter((n): n is Node => !!n);
      const parts = sources.map((a) => evaluate(a, symbols)).filter((r): r is Resolved => typeof r?.value === 'string');
      // load_dataset("parquet"/"json"/"csv", data_files=...) names a file format, not a dataset.
      if (parts.length > 0 && !/^(parquet|json|csv|text|arrow|imagefolder|audiofolder|webdataset)$/.test(String(parts[0].value))) {
        collector.add('training.dataset', parts.map((p) => p.value).join('/'), node, 'load_dataset');
      }
    } else if (last === 'fit' && full !== 'fit') {
      readTrainingKeywords(node, collector, full);
      collector.add('launch.trainer', 'fit', node.childForFieldName('function') ?? node, `${full}(...) trains the model`);
      attachEdit(collector, node, full);
      readRepeat(node, collector);
    } else if (last === 'generate' || full === 'pipeline' || full === 'transformers.pipeline') {
      readTrainingKeywords(node, collector, full);
      if (last !== 'generate') readModelKeyword(node, collector, full, true);
      collector.add('launch.inference', full, node.childForFieldName('function') ?? node, `${full}(...) runs inference`, 'medium');
    } else if (last === 'autocast') {
      const args = node.childForFieldName('arguments');
      const dtype = args ? keywordArgument(args, 'dtype') : null;
      if (dtype) readKeyword('dtype', dtype, collector, full);
      else collector.add('training.precision', 'fp16', node, `${full} without dtype uses float16 on CUDA`, 'medium');
    } else if (last === 'GradScaler') {
      collector.add('training.precision', 'fp16', node, `${full}: loss scaling is for float16 mixed precision`, 'medium');
    } else if (last.endsWith('Config') && /^[A-Z]/.test(last) && node.childForFieldName('arguments')?.namedChildren.some((c) => c?.type === 'keyword_argument')) {
      // GPT2Config(n_layer=...), LlamaConfig(hidden_size=...): architecture sizes.
      const args = node.childForFieldName('arguments')!;
      for (const name of Object.keys(SIZING_NAMES)) {
        const kind = SIZING_NAMES[name];
        const value = kind.startsWith('model.') || kind === 'training.seqLen' ? keywordArgument(args, name) : null;
        if (value) collector.addResolved(kind, value, `${name} in ${last}`);
      }
      // BERT-style and GPT-2/OPT configs learn a table of max_position_embeddings positions; rotary ones do not.
      const positions = /^(Bert|Roberta|XLMRoberta|DistilBert|Electra|GPT2|OPT|Bart|Camembert)Config$/.test(last) ? keywordArgument(args, 'max_position_embeddings') ?? keywordArgument(args, 'n_positions') : null;
      if (positions) collector.addResolved('model.learnedPositions', positions, `max_position_embeddings in ${last}`);
      readLlamaStyleParams(node, args, last, collector);
    } else if (last === 'backward' && full !== 'backward') {
      // `loss.backward()`: whatever surrounds it trains a model.
      collector.add('launch.trainer', 'backward', node.childForFieldName('function') ?? node, `${full}() computes gradients: a training loop`, 'low');
    } else if (last === 'train' && !/^(self|model|net|module|\w*model\w*|\w*net)$/i.test(full.slice(0, -'.train'.length)) && full.includes('.')) {
      // trainer.train(), tr.train(): model.train() only switches a module to training mode.
      collector.add('launch.trainer', 'train', node.childForFieldName('function') ?? node, `${full}() starts training`);
      readRepeat(node, collector);
    } else if (readTorchvisionOrKeras(node, collector, full, last)) {
      // handled
    } else {
      // tokenizer(..., truncation=True, max_length=128): the sequence length of training samples.
      const args = node.childForFieldName('arguments');
      const text = args?.text ?? '';
      if (args && text.includes('max_length') && (text.includes('truncation') || /token/i.test(full))) {
        const maxLength = keywordArgument(args, 'max_length');
        if (maxLength) collector.addResolved('training.seqLen', maxLength, `max_length in ${full}`);
      }
      // DataLoader(batch_size=...), image_dataset_from_directory(batch_size=...): the per-device batch.
      if (args && text.includes('batch_size') && !/eval|test|val/i.test(full)) {
        const batch = keywordArgument(args, 'batch_size');
        if (batch && !/eval|test|val/i.test(node.parent?.text.slice(0, 40) ?? '')) collector.addResolved('training.batchPerDevice', batch, `batch_size in ${full}`);
      }
    }
  }
  for (const node of index.assignments) {
    // os.environ["CUDA_VISIBLE_DEVICES"] = "0,1": the GPUs the script may use.
    const { left: target, right: value } = sidesOf(node);
    if (target?.type === 'subscript' && /CUDA_VISIBLE_DEVICES/.test(target.text)) {
      const r = evaluate(value, symbols);
      if (typeof r?.value === 'string' && /^[\d,]+$/.test(r.value)) collector.add('hardware.devices', r.value.split(',').filter(Boolean).length, node, `CUDA_VISIBLE_DEVICES="${r.value}"`, 'medium');
    }
    // torch.backends.cuda.matmul.allow_tf32 = True: float32 matmuls run as TF32.
    const left = target;
    if (left?.type === 'attribute' && left.text.endsWith('allow_tf32') && value?.text === 'True' && left.text.includes('matmul')) {
      collector.add('training.precision', 'tf32', node, `${left.text} = True`, 'medium');
    }
  }
  sumFitPhases(collector);
  readEmbeddingLayout(index, text, collector);
  readModuleClasses(index, text, collector, symbols);
  readForwardOnlyUse(index, text, collector);
  return collector.facts;
}

/**
 * The nn.Module the file trains: the largest counted subclass that the file instantiates
 * (or the largest one, for a module file). Its parameters, and for models without token
 * embeddings the forward FLOPs per sample, become facts.
 */
function readModuleClasses(index: SyntaxIndex, text: string, collector: FactCollector, symbols: SymbolTable): void {
  const counted = countModuleClasses(index.classes, symbols);
  if (counted.length === 0) return;
  // Instantiated somewhere other than its own `class X(...)` header: the model the file trains.
  // Calls and headers are counted for every name in one pass each (one regex per class over the
  // whole text was quadratic with thousands of classes).
  const uses = countCaptures(text, /\b([A-Za-z_]\w*)\s*\(/g);
  const headers = countCaptures(text, /class\s+([A-Za-z_]\w*)\s*\(/g);
  const candidates = counted.filter((c) => (uses.get(c.className) ?? 0) > (headers.get(c.className) ?? 0));
  const chosen = (candidates.length > 0 ? candidates : counted).sort((a, b) => b.params - a.params)[0];
  const name = chosen.node.childForFieldName('name') ?? chosen.node;
  // Several models trained together (a GAN's generator and discriminator): every module whose
  // parameters an optimizer receives is trained, so their parameters add up.
  const optimised = optimisedInstancesByClass(text);
  const trained = counted.filter((c) => optimised.has(c.className));
  if (trained.length > 1 && trained.includes(chosen)) {
    const total = trained.reduce((n, c) => n + c.params, 0);
    const unsized = trained.flatMap((c) => c.unresolved);
    const bound = unsized.length > 0 ? `; a lower bound: could not size ${unsized.slice(0, 3).join('; ')}` : '';
    collector.add('model.params', total, name, `counted from the layers of ${trained.map((c) => `${c.className} (${c.params.toLocaleString('en-US')})`).join(' + ')}, trained together${bound}`, bound ? 'low' : 'medium');
    return;
  }
  const lowerBound = chosen.unresolved.length > 0 ? `; a lower bound: could not size ${chosen.unresolved.slice(0, 3).join('; ')}` : '';
  collector.add('model.params', chosen.params, name, `counted from the layers of ${chosen.className}${lowerBound}`, lowerBound ? 'low' : 'medium');
  const usesEmbeddings = /\bEmbedding\s*\(/.test(chosen.node.text);
  if (!usesEmbeddings) {
    // Each weight is used once per sample in dense layers (2 FLOPs per multiply-add); convolution
    // kernels slide over the input, so for them this is a lower bound until the input size is known.
    collector.add('model.forwardFlopsPerSample', 2 * chosen.params, name,
      chosen.hasConvolution ? `2 × parameters of ${chosen.className}: a lower bound, convolutions reuse weights across the input size, which the code does not state` : `2 × parameters of ${chosen.className} (dense layers)`,
      chosen.hasConvolution ? 'low' : 'medium');
  }
}

/**
 * A pretrained vision model put in eval mode or called under no_grad/inference_mode, in a file that
 * never trains anything: the file runs inference with it (predictions over a folder, a benchmark).
 */
function readForwardOnlyUse(index: SyntaxIndex, text: string, collector: FactCollector): void {
  const facts = collector.facts;
  if (facts.some((f) => f.kind === 'launch.trainer' || f.kind === 'launch.inference')) return;
  if (!facts.some((f) => f.kind === 'model.fromScratch' && f.value === false)) return;
  if (/\.backward\(|optim\.|\.fit\(|\.train\(\)|Trainer\(/.test(text)) return;
  const marker = index.calls.find((c) => /^(no_grad|inference_mode|eval)$/.test(calleeName(c).last));
  if (marker) collector.add('launch.inference', calleeName(marker).full, marker, `${calleeName(marker).full}() with a pretrained model and no training: forward passes only`, 'low');
}

/**
 * How a hand-written LM lays out its embeddings, for the parameter formula when the sizes come
 * from elsewhere (a YAML file): a learned position table (`nn.Embedding(block_size, d)`) and an
 * output layer with its own weights (`nn.Linear(d, vocab_size, bias=False)` never tied to the input).
 */
function readEmbeddingLayout(index: SyntaxIndex, text: string, collector: FactCollector): void {
  if (!/nn\.(Embedding|Linear)\s*\(/.test(text)) return;
  for (const call of index.calls) {
    const { full } = calleeName(call);
    if (full !== 'nn.Embedding' && full !== 'nn.Linear' && full !== 'torch.nn.Embedding' && full !== 'torch.nn.Linear') continue;
    const args = call.childForFieldName('arguments')?.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment') ?? [];
    const first = args[0]?.text ?? '';
    const second = args[1]?.text ?? '';
    if (full.endsWith('Embedding') && /(^|[._])(block_size|max_len|max_seq_len|n_positions|context_length|max_position_embeddings|seq_len|n_ctx)$/.test(first)) {
      const r = evaluate(args[0], collector.symbols);
      collector.add('model.learnedPositions', typeof r?.value === 'number' ? r.value : null, call, `${full}(${truncate(first, 20)}, ...) learns a position table`, 'low');
    } else if (full.endsWith('Linear') && /(^|[._])(vocab_size|n_vocab|vocab|num_tokens)$/.test(second) && !/\.weight\s*=\s*[\w.]*\.weight|tie_weights|tie_word_embeddings\s*=\s*True/.test(text)) {
      collector.add('model.untiedHead', true, call, `${full}(${truncate(first, 15)}, ${truncate(second, 15)}) is an output layer with its own weights`, 'low');
    }
  }
}

/** How often each captured name occurs (`pattern` has one group and the g flag). */
function countCaptures(text: string, pattern: RegExp): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of text.matchAll(pattern)) counts.set(m[1], (counts.get(m[1]) ?? 0) + 1);
  return counts;
}

/**
 * Classes with an instance (`net = ClassName(...)`) handed to an optimizer (`optim.Adam(net.parameters(), ...)`),
 * found in two passes over the text for all classes at once.
 */
function optimisedInstancesByClass(text: string): Set<string> {
  const optimisedVars = new Set([...text.matchAll(/optim\w*\.\w+\(\s*([A-Za-z_][\w.]*)\.parameters\(/g)].map((m) => m[1]));
  const classes = new Set<string>();
  for (const m of text.matchAll(/\b([A-Za-z_][\w.]*)\s*=\s*([A-Za-z_]\w*)\s*\(/g)) if (optimisedVars.has(m[1])) classes.add(m[2]);
  return classes;
}

/**
 * Transfer learning in Keras often trains twice (head, then fine-tune): one run whose epochs
 * are the sum. The sum goes first so it is the epochs the run uses.
 */
function sumFitPhases(collector: FactCollector): void {
  const fits = collector.facts.filter((f) => f.kind === 'training.epochs' && typeof f.value === 'number' && /in [\w.]*\.fit\b/.test(f.detail));
  if (fits.length < 2) return;
  const total = fits.reduce((n, f) => n + (f.value as number), 0);
  collector.facts.unshift({ ...fits[0], value: total, detail: `${fits.length} fit() phases: ${fits.map((f) => f.value).join(' + ')} epochs` });
}

/** Syntax errors, as readable messages: the estimate still runs on what parsed. */
export function syntaxProblems(tree: Tree, limit = 5): string[] {
  if (!tree.rootNode.hasError) return [];
  const problems: string[] = [];
  for (const node of walk(tree.rootNode)) {
    if (node.isError || node.isMissing) {
      problems.push(`syntax error at line ${node.startPosition.row + 1}, column ${node.startPosition.column + 1}${node.isMissing ? `: missing ${node.type}` : ''}`);
      if (problems.length >= limit) break;
    }
  }
  return problems;
}
