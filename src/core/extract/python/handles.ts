import type { Node, Tree } from 'web-tree-sitter';
import { findModelByName } from '../../knowledge';
import { escapeRegExp, type SyntaxCaches } from './context';
import { NOT_A_MODEL } from './readers/huggingface';
import { extendSyntaxIndex, type SyntaxIndex } from './syntaxIndex';

/**
 * Names a file binds to a loaded pipeline or model, so that calling one can be read as running it:
 * `pipe = StableDiffusionPipeline.from_pretrained(...).to("cuda")` then `pipe(prompt)`,
 * `model = AutoModelForCausalLM.from_pretrained(id)` then `model(**inputs)`, `net = torch.load(f)`
 * then `net(x)`. A binding survives device and mode moves (`pipe = pipe.to("cuda")`), and a local
 * function that returns one (`def get_pipeline(...): pipe = ...; return pipe`) binds what its callers assign.
 *
 * The line prefilter keeps lines by the rules' words, and `pipe(prompt)` holds none; so the lines
 * that call or move a bound name are added to the syntax index here, a few rounds at most.
 */
export interface ModelHandles {
  /** Bound to a diffusers-style pipeline (calling it generates). */
  readonly pipelines: ReadonlySet<string>;
  /** Bound to a loaded model (calling it runs a forward pass). */
  readonly models: ReadonlySet<string>;
  /** Bound to an ONNX Runtime session (`session.run(...)` runs the model). */
  readonly sessions: ReadonlySet<string>;
}

type HandleKind = 'pipeline' | 'model' | 'session';

/** A pipeline class, loaded or built from its parts. */
const PIPELINE_CALLEE = /(^|\.)\w*Pipeline\w*(\.(from_pretrained|from_single_file|from_pipe))?$/;
/**
 * A class that runs a list of processing steps, not a model's pipeline (datatrove's `LocalPipelineExecutor(pipeline=[
 * reader, filters, writer])`, `SlurmPipelineExecutor`, `RayPipelineExecutor`: data-processing executors, datatrove
 * README "Pipeline executors"); its `.run()` is no generation.
 */
const PIPELINE_EXECUTOR = /Pipeline\w{0,30}(?:Executor|Runner|Builder|Step|Stage)$/;
/** What a binding's first line holds: a load, a pipeline class, an unpickled model, an ONNX session. */
const BINDS =
  /from_pretrained|from_quantized|from_single_file|from_pipe|Pipeline|torch\.load|hub\.load|InferenceSession|pretrained[ \t]*=[ \t]*True/;
/** Methods that return the same model or pipeline (moved, cast, put in a mode). */
const SAME_OBJECT = /^(to|cuda|cpu|half|float|bfloat16|eval|requires_grad_)$/;
/** How many rounds of adding lines: a binding through a factory through a move is three. */
const MAX_ROUNDS = 3;
/** Bound names followed at most (a generated file could bind thousands). */
const MAX_NAMES = 64;
/** Parents walked up to find the function an assignment is in. */
const MAX_DEPTH = 64;

/** The call under `.to(...)`, `.cuda()`, `.eval()` chains, or the name they start from. */
function unwrapMoves(node: Node): Node {
  let current = node;
  for (let i = 0; i < 16 && current.type === 'call'; i++) {
    const fn = current.childForFieldName('function');
    if (fn?.type !== 'attribute') break;
    const attr = fn.childForFieldName('attribute')?.text ?? '';
    const object = fn.childForFieldName('object');
    if (!SAME_OBJECT.test(attr) || !object) break;
    current = object;
  }
  return current;
}

function kindOfValue(
  right: Node,
  syntax: SyntaxCaches,
  known: ReadonlyMap<string, HandleKind>,
  factories: ReadonlyMap<string, HandleKind>,
): HandleKind | undefined {
  const value = unwrapMoves(right);
  if (value.type === 'identifier' || value.type === 'attribute') return known.get(value.text);
  if (value.type !== 'call') return undefined;
  const { full } = syntax.callee(value);
  if (factories.has(full)) return factories.get(full);
  if (PIPELINE_CALLEE.test(full) && !PIPELINE_EXECUTOR.test(full)) return 'pipeline';
  if (full === 'torch.load') return 'model';
  // `torch.hub.load(repo, entry)`: the model an entry point of the repository's hubconf.py builds and returns
  // (https://pytorch.org/docs/stable/hub.html#loading-models-from-hub), with its released weights by default.
  if (full === 'torch.hub.load') return 'model';
  if (/(^|\.)InferenceSession$/.test(full)) return 'session';
  // `hiera.hiera_base_224(pretrained=True)`, `models.resnet50(pretrained=True)`: a builder named by a catalog model,
  // given its released weights.
  if (pretrainedBuilder(value, full)) return 'model';
  // `from_quantized`: a GPTQ checkpoint's loader (AutoGPTQ), a model as from_pretrained's.
  if (/\.(?:from_pretrained|from_quantized)$/.test(full)) {
    const owner = full.slice(0, full.lastIndexOf('.'));
    if (!NOT_A_MODEL.test(owner)) return 'model';
  }
  return undefined;
}

/** A call of a builder named by a catalog model (its own name, exactly), or of a model factory, with `pretrained=True`. */
function pretrainedBuilder(call: Node, full: string): boolean {
  const args = call.childForFieldName('arguments');
  if (!args || !/\bpretrained[ \t]*=[ \t]*True\b/.test(args.text.slice(0, 2000))) return false;
  const pretrained = args.namedChildren.find(
    (c) => c?.type === 'keyword_argument' && c.childForFieldName('name')?.text === 'pretrained',
  );
  const last = full.slice(full.lastIndexOf('.') + 1);
  // `timm.create_model(name, pretrained=True)` (timm docs, "Loading pretrained weights"): the factory returns the
  // named architecture with its released weights, as a builder named by the model does.
  return (
    pretrained?.childForFieldName('value')?.text === 'True' &&
    (last === 'create_model' || findModelByName(last) !== undefined)
  );
}

/** The function an assignment is in, when it returns the name assigned. */
function returningFunction(assignment: Node, name: string): string | undefined {
  let node: Node | null = assignment.parent;
  for (let i = 0; node && i < MAX_DEPTH; i++, node = node.parent) {
    if (node.type !== 'function_definition') continue;
    const body = node.childForFieldName('body');
    const fnName = node.childForFieldName('name')?.text;
    if (!body || !fnName) return undefined;
    const escaped = escapeRegExp(name);
    return new RegExp(`\\breturn\\s+${escaped}\\s*($|[\\n#;,)])`, 'm').test(body.text) ? fnName : undefined;
  }
  return undefined;
}

/** Rows that call one of the names, bind a move of one (`pipe = pipe.to(...)`) or run a session. */
function rowsUsing(text: string, names: readonly string[]): Array<[number, number]> {
  if (names.length === 0) return [];
  const alternatives = names.map(escapeRegExp).join('|');
  // A call of the name (`pipe(prompt)`), a move bound again (`pipe = pipe.to("cuda")`), a session's `.run(`;
  // not every method call (`model.parameters()`): those lines carry nothing a handle needs.
  const uses = new RegExp(
    `(^|[^\\w.])(${alternatives})\\s*\\(|=\\s*(${alternatives})\\s*\\.\\s*\\w+\\s*\\(|(^|[^\\w.])(${alternatives})\\s*\\.\\s*run\\s*\\(`,
  );
  const rows: Array<[number, number]> = [];
  text.split('\n').forEach((line, row) => {
    if (!uses.test(line)) return;
    const last = rows[rows.length - 1];
    if (last && last[1] === row - 1) last[1] = row;
    else rows.push([row, row]);
  });
  return rows;
}

export function findModelHandles(index: SyntaxIndex, tree: Tree, text: string, syntax: SyntaxCaches): ModelHandles {
  const known = new Map<string, HandleKind>();
  const factories = new Map<string, HandleKind>();
  const asked = new Set<string>();
  if (!BINDS.test(text)) return { pipelines: new Set(), models: new Set(), sessions: new Set() };
  const lines = text.split('\n');
  for (let round = 0; round < MAX_ROUNDS; round++) {
    // An assignment's first line names what it binds (a load, a pipeline class, a bound name or factory).
    const names = [...known.keys(), ...factories.keys()];
    const binds = names.length > 0 ? new RegExp(`${BINDS.source}|\\b(${names.map(escapeRegExp).join('|')})\\b`) : BINDS;
    for (const assignment of index.assignments) {
      if (known.size + factories.size >= MAX_NAMES) break;
      if (!binds.test(lines[assignment.startPosition.row] ?? '')) continue;
      const { left, right } = syntax.sidesOf(assignment);
      if (!left || !right || (left.type !== 'identifier' && left.type !== 'attribute')) continue;
      const kind = kindOfValue(right, syntax, known, factories);
      if (!kind) continue;
      known.set(left.text, kind);
      const factory = returningFunction(assignment, left.text);
      if (factory && !factories.has(factory)) factories.set(factory, kind);
    }
    const fresh = [...known.keys(), ...factories.keys()].filter((n) => !asked.has(n));
    if (fresh.length === 0) break;
    for (const n of fresh) asked.add(n);
    if (extendSyntaxIndex(index, tree, rowsUsing(text, fresh)) === 0) break;
  }
  const of = (kind: HandleKind) => new Set([...known].filter(([, k]) => k === kind).map(([n]) => n));
  return { pipelines: of('pipeline'), models: of('model'), sessions: of('session') };
}
