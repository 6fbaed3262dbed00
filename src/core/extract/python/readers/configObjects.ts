import { fromImports } from '../fromImports';
import type { Node } from 'web-tree-sitter';
import { startsARun } from '../../../facts';
import { sizeFromModelName } from '../../../knowledge/modelName';
import { callKeyword, evaluate, positionalArguments } from '../../pythonValues';
import type { PythonReadContext } from '../context';
import type { FileRule } from '../rules';
import type { SyntaxIndex } from '../syntaxIndex';

/**
 * Config-object programs: a training script that builds its run from a framework's config classes in Python —
 * a model config chosen by a named-size factory (`TransformerConfig.olmo2_7B(vocab_size=...)`,
 * `ModelConfig.llama3_8B()`: a classmethod of a `…Config` class whose name states the size), a trainer config
 * whose length is a duration object (`max_duration=Duration.tokens(int(4e12))`, `Duration.epochs(2)`,
 * `Duration.steps(n)`), a train-module config with its fp8 switch (`Float8Config(enabled=True)`), a checkpoint
 * to start from (`load_path="gs://…/step928646"`) — and hands the config, or the functions that build it, to the
 * framework's entry under its main guard (`main(config_builder=build)`, `launch(config)`, `train(cfg)`, imported
 * from the package: `from pkg.internal.experiment import build_config, main`). The framework's entry trains what
 * it is handed, so the script is the run; the facts are read from the objects it builds.
 *
 * The facts are read wherever the objects are built (a script that calls `trainer.fit()` itself builds them the
 * same way); the run start only from a script whose own code starts nothing and hands its config to the entry.
 */

/** `XConfig.name(`: a classmethod of a config class (the last two names of the callee). */
const FACTORY_CALLEE = /(?:^|\.)([A-Z]\w{0,80}Config)\.([a-z]\w{0,80})$/;
/** Classmethods that read a file, a hub id or another object rather than name a model. */
const NOT_A_FACTORY = /^(?:from_|load|build|parse|merge|update|with_|replace|copy|default|empty|to_)/;
/** Config classes that describe a model (`TransformerConfig`, `ModelConfig`, `MoEModelConfig`). */
const MODEL_CONFIG_CLASS = /(?:Model|Transformer|LM|Network)Config$/;
/** A class that configures a family of models across sizes (a scaling ladder's `Olmo3ModelConfigurator`). */
const MODEL_CONFIGURATOR = /^([A-Z][A-Za-z]{1,40}\d[\w]{0,20}?)ModelConfigurator$/;
/** `Duration.tokens(n)` and kin: the unit of a trainer's length (the class's name ends in Duration). */
const DURATION_CALLEE = /(?:^|\.)\w{0,40}Duration\.(tokens|epochs|steps)$/;
/** The trainer keyword that states a run's length as a duration object. */
const DURATION_KEYWORDS = new Set(['max_duration']);
/** The trainer keyword that cuts a run short of its schedule (OLMo-core's `hard_stop`). */
const STOP_KEYWORDS = new Set(['hard_stop']);
/** Keywords that name a checkpoint the run starts from. */
const LOAD_KEYWORDS = new Set(['load_path', 'init_checkpoint', 'pretrained_checkpoint']);
/** An fp8 switch object: `Float8Config(...)`, `FP8Config(...)`. */
const FP8_CONFIG = /^(?:Float8|FP8|Fp8)\w{0,40}Config$/;
/** The main guard's call of the framework's entry: its name. */
const ENTRY_NAME = /^(?:main|launch|train|run|cli|(?:run|launch|train)_\w{1,40}|\w{1,40}_main)$/;
/** Modules of the standard library whose `main`/`run` are not a framework's entry. */
const NOT_A_FRAMEWORK =
  /^(?:functools|os|sys|subprocess|runpy|unittest|doctest|asyncio|multiprocessing|argparse|fire|typer|click)(?:\.|$)/;
/** Bounds on the work per file. */
const MAX_CALLS = 5000;
const MAX_IMPORTS = 200;

interface Found {
  readonly value: number | string;
  readonly node: Node;
  readonly detail: string;
}

function numberOf(node: Node | null | undefined, ctx: PythonReadContext): number | undefined {
  let v: unknown = node ? evaluate(node, ctx.symbols)?.value : undefined;
  // `MAX_DURATION = int(4e12)` at the top of the module: a line the prefilter leaves out of the symbol table.
  if (v === undefined && node?.type === 'identifier') v = moduleConstant(node.text, ctx);
  return typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : undefined;
}

/** The value of a module-level `NAME = expression` (the last such assignment), evaluated on its own. */
function moduleConstant(name: string, ctx: PythonReadContext): unknown {
  let value: unknown;
  let seen = 0;
  for (const statement of ctx.tree.rootNode.namedChildren) {
    if (++seen > MAX_CALLS) break;
    const assignment = statement?.type === 'expression_statement' ? statement.namedChildren[0] : undefined;
    if (assignment?.type !== 'assignment' || assignment.childForFieldName('left')?.text !== name) continue;
    value = evaluate(assignment.childForFieldName('right'), ctx.symbols)?.value;
  }
  return value;
}

/** A module-level `NAME = <number>` (the last such assignment): its value and the assignment, if positive. */
function moduleNumber(name: string, ctx: PythonReadContext): { value: number; node: Node } | undefined {
  let found: { value: number; node: Node } | undefined;
  let seen = 0;
  for (const statement of ctx.tree.rootNode.namedChildren) {
    if (++seen > MAX_CALLS) break;
    const assignment = statement?.type === 'expression_statement' ? statement.namedChildren[0] : undefined;
    if (assignment?.type !== 'assignment' || assignment.childForFieldName('left')?.text !== name) continue;
    const v = evaluate(assignment.childForFieldName('right'), ctx.symbols)?.value;
    found = typeof v === 'number' && Number.isInteger(v) && v > 0 ? { value: v, node: assignment } : undefined;
  }
  return found;
}

/** Module constants of a launch's GPUs per node (`GPUS_PER_NODE = 8`) and of its node count (`NUM_NODES = 1`). */
const PER_NODE_CONSTANTS = ['GPUS_PER_NODE', 'NUM_GPUS_PER_NODE', 'N_GPUS_PER_NODE', 'NGPUS_PER_NODE'];
const NODE_CONSTANTS = ['NUM_NODES', 'DEFAULT_NUM_NODES', 'N_NODES', 'NNODES'];

/**
 * The GPUs of a program that states both how many a node has (a `GPUS_PER_NODE` constant, which sizes its world
 * and shards) and how many nodes it launches on (`num_nodes=` handed to its launch config, or a `NUM_NODES` /
 * `DEFAULT_NUM_NODES` constant, an `--num_nodes` flag's default): per node times nodes. Neither alone says the count.
 */
function readNodesAndGpus(ctx: PythonReadContext, numNodes: Node | undefined): void {
  if (!/GPUS_PER_NODE/.test(ctx.text)) return;
  const perNode = PER_NODE_CONSTANTS.map((n) => moduleNumber(n, ctx)).find((f) => f !== undefined);
  if (!perNode) return;
  const fromCall = numNodes ? numberOf(numNodes, ctx) : undefined;
  const nodes =
    fromCall !== undefined && Number.isInteger(fromCall) && numNodes
      ? { value: fromCall, node: numNodes }
      : NODE_CONSTANTS.map((n) => moduleNumber(n, ctx)).find((f) => f !== undefined);
  if (!nodes) return;
  ctx.add('hardware.devices', perNode.value, perNode.node, `${perNode.node.text}: GPUs on each node`, 'medium');
  ctx.add('hardware.nodes', nodes.value, nodes.node, `${nodes.node.text}: the nodes the run launches on`, 'medium');
}

/** The keyword a call is the value of (`max_duration=Duration.tokens(...)`), if it is one. */
function keywordOf(call: Node): string | undefined {
  const parent = call.parent;
  return parent?.type === 'keyword_argument' ? parent.childForFieldName('name')?.text : undefined;
}

/** Keywords and flags that hand a run its starting weights (`load_path=`, `pretrain_checkpoint`, `from_pretrained`). */
const LOADS_WEIGHTS = /load_path|init_checkpoint|pretrain(?:ed)?_checkpoint|from_pretrained/;
/** Checkpoint loads written out (`trainer.load_checkpoint(path)`), a few looked at. */
const LOAD_CHECKPOINT_CALL = /\.load_checkpoint\([ \t]*([A-Za-z_]\w{0,60})/g;
const MAX_LOAD_CALLS = 20;

/**
 * Whether the file loads a checkpoint by a call (`trainer.load_checkpoint(checkpoint)`): not one of a module
 * constant left None (`CHECKPOINT: Optional[str] = None`, the template's "set this to start from a checkpoint").
 */
function loadsCheckpoint(text: string): boolean {
  let seen = 0;
  for (const m of text.matchAll(LOAD_CHECKPOINT_CALL)) {
    if (++seen > MAX_LOAD_CALLS) break;
    // `m[1]` is an identifier (word characters only): safe inside a pattern.
    const leftNone = new RegExp(`^${m[1]}(?:[ \\t]*:[^=\\n]{0,80})?[ \\t]*=[ \\t]*None[ \\t]*(?:#.*)?$`, 'm');
    if (!leftNone.test(text)) return true;
  }
  return false;
}

/** Keywords that name the folder a trainer saves its checkpoints into (Composer's `save_folder`, HF's `output_dir`). */
const SAVE_KEYWORDS = ['save_folder', 'save_dir', 'output_dir'];

/**
 * Is the checkpoint a load keyword names one this same file saves (`save_folder='checkpoints'` on a first Trainer, then
 * `load_path='checkpoints/ep1.pt'` on the Trainer that resumes it)? Then the load resumes the file's own run, whose
 * weights started where that run started; it is not a pretrained starting point.
 */
function savedInFile(path: string, index: SyntaxIndex, ctx: PythonReadContext): boolean {
  const loaded = path.replace(/^\.\//, '');
  let seen = 0;
  for (const node of index.ordered) {
    if (node.type !== 'call') continue;
    if (++seen > MAX_CALLS) break;
    for (const k of SAVE_KEYWORDS) {
      const v = callKeyword(node, k);
      const r = v ? evaluate(v, ctx.symbols)?.value : undefined;
      if (typeof r !== 'string') continue;
      const folder = r.replace(/^\.\//, '').replace(/[/\\]+$/, '');
      if (folder.length > 0 && loaded.startsWith(`${folder}/`)) return true;
    }
  }
  return false;
}

function readObjects(index: SyntaxIndex, ctx: PythonReadContext): void {
  const text = ctx.text;
  if (!text.includes('Config') || !/Config\.|Duration\.|load_path|Float8|FP8|ModelConfigurator/.test(text)) return;
  let model: Found | undefined;
  let length: { kind: 'training.tokens' | 'training.epochs' | 'training.steps'; found: Found } | undefined;
  let stop: { kind: 'training.tokens' | 'training.steps'; found: Found } | undefined;
  let numNodes: Node | undefined;
  let fp8: Node | undefined;
  let loads: Found | undefined;
  let modelConfig = false;
  let seen = 0;
  for (const call of index.ordered) {
    if (call.type !== 'call') continue;
    if (++seen > MAX_CALLS) break;
    const { full, last } = ctx.callee(call);
    const factory = FACTORY_CALLEE.exec(full);
    if (factory && !NOT_A_FACTORY.test(factory[2]) && MODEL_CONFIG_CLASS.test(factory[1])) modelConfig = true;
    const configurator = MODEL_CONFIGURATOR.exec(last);
    if (configurator && !model) {
      // `Olmo3ModelConfigurator(...)`: a ladder's model family, its size left to the command line (`--size`).
      modelConfig = true;
      model = {
        value: configurator[1],
        node: call.childForFieldName('function') ?? call,
        detail: `${last}(...): models of the ${configurator[1]} family, of a size the command line picks`,
      };
    }
    if (!model && factory && !NOT_A_FACTORY.test(factory[2])) {
      const size = sizeFromModelName(factory[2]);
      if (size)
        model = {
          value: factory[2],
          node: call.childForFieldName('function') ?? call,
          detail: `${factory[1]}.${factory[2]}(...): the framework's model config of that name (${size.text})`,
        };
    }
    const duration = DURATION_CALLEE.exec(full);
    const keyword = duration ? keywordOf(call) : undefined;
    numNodes ??= callKeyword(call, 'num_nodes') ?? undefined;
    if (!stop && duration && keyword && STOP_KEYWORDS.has(keyword) && duration[1] !== 'epochs') {
      // `hard_stop=Duration.steps(n)`: the trainer stops there, before the schedule's `max_duration` ends (the
      // schedule keeps its length: the learning rate decays as if it ran on).
      const arg = call.childForFieldName('arguments');
      const first = arg ? positionalArguments(arg)[0] : undefined;
      const n = numberOf(first, ctx);
      if (first && n !== undefined)
        stop = {
          kind: duration[1] === 'tokens' ? 'training.tokens' : 'training.steps',
          found: {
            value: n,
            node: first,
            detail: `${keyword}=${full}(${first.text}): stops after ${n} ${duration[1]}`,
          },
        };
    }
    if (!length && duration && keyword && DURATION_KEYWORDS.has(keyword)) {
      const arg = call.childForFieldName('arguments');
      const first = arg ? positionalArguments(arg)[0] : undefined;
      const n = numberOf(first, ctx);
      if (first && n !== undefined) {
        const kind =
          duration[1] === 'tokens'
            ? 'training.tokens'
            : duration[1] === 'epochs'
              ? 'training.epochs'
              : 'training.steps';
        length = {
          kind,
          found: { value: n, node: first, detail: `${keyword}=${full}(${first.text}): ${n} ${duration[1]}` },
        };
      }
    }
    if (!fp8 && FP8_CONFIG.test(last)) {
      const enabled = callKeyword(call, 'enabled');
      const on = enabled ? evaluate(enabled, ctx.symbols)?.value : undefined;
      // `Float8Config(enabled=False)` switches fp8 off; a config built with its settings (`ao=...`) or
      // `enabled=True` runs the Linear matmuls in fp8.
      const args = call.childForFieldName('arguments')?.namedChildren.length ?? 0;
      if (on === true || (!enabled && args > 0)) fp8 = call;
    }
  }
  if (/load_path|init_checkpoint|pretrained_checkpoint/.test(text))
    for (const node of index.ordered) {
      if (loads || node.type !== 'call') continue;
      for (const k of LOAD_KEYWORDS) {
        const v = callKeyword(node, k);
        const r = v ? evaluate(v, ctx.symbols)?.value : undefined;
        if (v && typeof r === 'string' && /[/\\]/.test(r) && !savedInFile(r, index, ctx)) {
          loads = { value: r, node: v, detail: `${k}="${r}": the run starts from a saved checkpoint` };
          break;
        }
      }
    }
  if (model && !ctx.facts.some((f) => f.kind === 'model.id' && f.value !== null))
    ctx.add('model.id', model.value, model.node, model.detail, 'medium');
  if (length && !ctx.facts.some((f) => f.kind === length.kind && f.value !== null))
    ctx.add(length.kind, length.found.value, length.found.node, length.found.detail, 'medium');
  // The stop point is the run's length in its unit; a schedule stated in another unit stays beside it.
  if (stop && !ctx.facts.some((f) => f.kind === stop.kind && f.value !== null))
    ctx.add(stop.kind, stop.found.value, stop.found.node, stop.found.detail, 'medium');
  if (fp8)
    ctx.add(
      'training.precision',
      'fp8',
      fp8,
      `${ctx.callee(fp8).full}(...) switches fp8 on: the Linear matmuls run in fp8`,
      'medium',
    );
  if (loads) ctx.add('model.fromScratch', false, loads.node, loads.detail, 'medium');
  // A model config built from the framework's config classes is initialised fresh by the entry it is handed; a
  // run that starts from weights says so (`load_path=`, `init_checkpoint=`). With no such keyword anywhere in the
  // file (not even one filled from the command line), the run trains the model it builds from scratch (the
  // trainer's own resume, `maybe_load_checkpoint(save_folder)`, restarts this run, not another model's weights).
  else if (model && !LOADS_WEIGHTS.test(text) && !loadsCheckpoint(text))
    ctx.add(
      'model.fromScratch',
      true,
      model.node,
      `${model.value}: a model built from its config, and no checkpoint is loaded in the file`,
      'low',
    );
  if (model || modelConfig) {
    readEntry(ctx);
    readNodesAndGpus(ctx, numNodes);
  }
}

/** The names a module imports from packages (not relative, not the standard library's entry-like modules). */
function packageImports(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const { module, name, local } of fromImports(text, MAX_IMPORTS))
    if (!module.startsWith('.') && !NOT_A_FRAMEWORK.test(module)) out.set(local, `${module}.${name}`);
  return out;
}

/** The top-level `if __name__ == "__main__":` block's body. */
function mainGuardBody(ctx: PythonReadContext): Node | undefined {
  for (const statement of ctx.tree.rootNode.namedChildren) {
    if (statement?.type !== 'if_statement') continue;
    const condition = statement.childForFieldName('condition')?.text ?? '';
    if (/^__name__\s*==\s*["']__main__["']$|^["']__main__["']\s*==\s*__name__$/.test(condition))
      return statement.childForFieldName('consequence') ?? undefined;
  }
  return undefined;
}

/**
 * The run start: the main guard hands what the module builds to the framework's entry (`main(config_builder=...)`).
 * Only for a script whose own code starts no run (one that calls `trainer.fit()` is read by those rules).
 */
function readEntry(ctx: PythonReadContext): void {
  if (ctx.facts.some(startsARun)) return;
  const body = mainGuardBody(ctx);
  if (!body) return;
  const imports = packageImports(ctx.text);
  let seen = 0;
  for (const call of body.descendantsOfType('call')) {
    if (!call || ++seen > MAX_CALLS) break;
    const fn = call.childForFieldName('function');
    if (fn?.type !== 'identifier' || !ENTRY_NAME.test(fn.text)) continue;
    const from = imports.get(fn.text);
    const args = call.childForFieldName('arguments')?.namedChildren ?? [];
    if (!from || args.length === 0) continue;
    ctx.add(
      'launch.trainer',
      from,
      fn,
      `${fn.text}(${call.childForFieldName('arguments')?.text.slice(1, 60) ?? ''}...) hands the config this program builds to the framework's entry (${from}), which trains it`,
      'medium',
    );
    return;
  }
}

export const configObjects: FileRule = {
  framework: 'python',
  phase: 'after-calls',
  // Its words keep lines for the line prefilter; config objects are also built from classes not named *Config.
  readsWithoutWords: true,
  words: ['Config.', 'Duration.', 'load_path', 'Float8Config', 'ModelConfigurator'],
  runStart: [
    /__name__\s*==\s*["']__main__["']/,
    /\b[A-Z]\w{0,80}Config\.[a-z][a-z0-9_]{0,40}\d[BM](?![A-Za-z])|\b[A-Z]\w{0,80}(?:Model|Transformer)Config\.[a-z]\w{0,60}\(|\b[A-Z]\w{0,80}ModelConfigurator\(/,
  ],
  read: readObjects,
};
