import type { Node } from 'web-tree-sitter';
import { extractConfigFacts } from '../../configFacts';
import { stringLiteral } from '../../pythonValues';
import { nodeRange, type PythonReadContext } from '../context';
import type { FileRule } from '../rules';

/**
 * Experiment-grid launchers (Dora's grid files, https://github.com/facebookresearch/dora "Grid files"): a function
 * decorated with an explorer (`@Explorer`, or a project's subclass `@LMExplorer`) receives a `launcher`;
 * `launcher.slurm_(gpus=32, partition=...)` sets the job's size, `launcher.bind_(solver='group/name')` or
 * `launcher.bind_({'solver': ..., 'optim.epochs': 100, 'model/lm/model_scale': 'medium'})` the Hydra overrides of
 * the training program, and `launcher(...)` / `sub = launcher.bind(...); sub(...)` schedules an experiment with
 * them. `dora grid <module>` runs the function: the file is a launch of the program's Hydra config.
 *
 * Read, in the order the file states them (the first value of each override wins: the grid's first experiment is
 * the one reported, which the base launcher's settings describe):
 * - the GPUs of the first `slurm_(gpus=N)` (the base launcher's; later `slurm_` calls size further experiments);
 * - a Hydra group choice (`solver='musicgen/base'`, `'model/lm/model_scale': 'medium'`) links the group file under
 *   the usual config roots (`config/`, `conf/`, `configs/`; a link not found there is dropped quietly), group
 *   overrides before the main config so their keys win;
 * - dotted key overrides (`optim.epochs`, `fsdp.use`) read as a small config document, as a launch line's
 *   `key=value` words are;
 * - `continue_from` (a checkpoint the experiments start from) makes the run a fine-tune, and `execute_only:
 *   'evaluate'` (only the evaluation stage runs) an evaluation, an inference run.
 */

/** A decorator naming an explorer (Dora's `Explorer` or a subclass named `...Explorer`). */
const EXPLORER = /^@[ \t]*(?:[A-Za-z_]\w{0,60}\.)?[A-Za-z_]?\w{0,60}Explorer\b/m;
const GRID_CALL = /\.(?:slurm_|bind_)[ \t]*\(/;
/** Hydra's usual config roots, where a grid's group choices are looked for. */
const CONFIG_ROOTS = ['config', 'conf', 'configs'];
/** A group choice's value: a config name or a path of names (no `..`, no spaces). */
const CHOICE = /^[A-Za-z_][\w-]{0,80}(?:\/[\w-]{1,80}){0,6}$/;
/** A group key: `solver`, `dset`, `model/lm/model_scale` (no dots: a dotted key sets a value). */
const GROUP_KEY = /^[A-Za-z_][\w-]{0,60}(?:\/[\w-]{1,60}){0,6}$/;
/** A dotted key override: `optim.epochs`, `+dataset.evaluate.batch_size`. */
const KEY_OVERRIDE = /^\+{0,2}([A-Za-z_]\w{0,60}(?:\.[A-Za-z_]\w{0,60}){0,10})$/;
/** Keys set to a word that are no group choice (a label, a seed, the stage to run). */
const NOT_GROUPS = new Set(['label', 'name', 'execute_only', 'continue_from', 'seed', 'partition', 'constraint']);
/** Calls and assignments looked at in one explorer; dict entries per dict. */
const MAX_NODES = 2000;
const MAX_ENTRIES = 200;

interface Override {
  readonly key: string;
  readonly value: string | number | boolean;
  readonly node: Node;
}

export const experimentGrid: FileRule = {
  framework: 'dora',
  phase: 'after-calls',
  words: ['Explorer', 'slurm_', 'bind_'],
  runStart: [EXPLORER, GRID_CALL],
  runStartInDefinitions: true,
  read: (_index, ctx) => {
    if (!EXPLORER.test(ctx.text) || !GRID_CALL.test(ctx.text)) return;
    const explorer = explorerFunction(ctx);
    if (!explorer) return;
    // `def explorer(launcher)` or, annotated, `def explorer(launcher: Launcher)` (demucs' grids).
    const param = explorer.childForFieldName('parameters')?.namedChildren[0];
    const launcher =
      param?.type === 'typed_parameter' ? param.namedChildren.find((c) => c?.type === 'identifier') : param;
    if (!launcher || launcher.type !== 'identifier') return;
    const name = launcher.text;
    const nodes = explorer.descendantsOfType(['call', 'assignment']).slice(0, MAX_NODES);
    const dicts = new Map<string, Node>();
    const overrides: Override[] = [];
    let devices: Node | undefined;
    let launched: Node | undefined;
    const otherSize = new Set<string>();
    for (const n of nodes) {
      if (!n) continue;
      if (n.type === 'assignment') {
        const { left, right } = ctx.syntax.sidesOf(n);
        if (left?.type === 'identifier' && right?.type === 'dictionary' && !dicts.has(left.text))
          dicts.set(left.text, right);
        // `gen_sub = launcher.slurm(gpus=1)`: a launcher for jobs of another size (a cache or data job beside the
        // training): what it binds and launches is not the grid's reported experiment.
        if (left?.type === 'identifier' && right?.type === 'call' && ctx.callee(right).last === 'slurm') {
          const size = gpusOf(right);
          if (devices && size && size.text !== devices.text) otherSize.add(left.text);
        }
        continue;
      }
      const { last } = ctx.callee(n);
      const fn = n.childForFieldName('function');
      const args = n.childForFieldName('arguments');
      if (!fn || !args) continue;
      if ((last === 'slurm_' || last === 'slurm') && fn.type === 'attribute') {
        devices ??= gpusOf(n);
        continue;
      }
      if (otherSize.has(rootName(fn))) continue;
      const binds = (last === 'bind_' || last === 'bind') && fn.type === 'attribute';
      const launches = fn.type === 'identifier' && fn.text === name;
      if (!binds && !launches) continue;
      if (launches) launched ??= n;
      for (const a of args.namedChildren) {
        if (!a) continue;
        if (a.type === 'keyword_argument') {
          const key = a.childForFieldName('name')?.text;
          const value = a.childForFieldName('value');
          const v = value ? literal(value) : undefined;
          if (key && value && v !== undefined) overrides.push({ key, value: v, node: value });
        } else {
          const dict = a.type === 'dictionary' ? a : a.type === 'identifier' ? dicts.get(a.text) : undefined;
          if (dict) overrides.push(...dictEntries(dict));
        }
      }
    }
    const first = new Map<string, Override>();
    for (const o of overrides) if (!first.has(o.key)) first.set(o.key, o);
    const solver = [...first.values()].find((o) => o.key === 'solver' && typeof o.value === 'string');
    const anchor = explorer.childForFieldName('name') ?? explorer;
    // The stage is often set in a helper the explorer hands its launchers to (`def eval(launcher): ...`).
    const stage = first.get('execute_only') ?? moduleStage(ctx);
    const evaluates = stage !== undefined && typeof stage.value === 'string' && /^eval/.test(stage.value);
    const scheduler = ctx.callee(launched ?? explorer).full || 'the explorer';
    if (evaluates)
      ctx.add(
        'launch.inference',
        'experiment-grid',
        stage.node,
        `an experiment grid whose experiments run only their evaluation stage (execute_only: ${String(stage.value)})`,
        'medium',
      );
    else
      ctx.add(
        'launch.trainer',
        'experiment-grid',
        anchor,
        `an experiment grid (${scheduler} schedules its experiments)`,
        'medium',
      );
    ctx.add('run.framework', 'hydra', anchor, 'the grid launches a Hydra program with its overrides', 'low');
    if (devices) ctx.addResolved('hardware.devices', devices, "GPUs of the grid's first job (launcher.slurm_)");
    if (!evaluates && first.has('continue_from'))
      ctx.add(
        'training.mode',
        'finetune',
        first.get('continue_from')!.node,
        'continue_from: the experiments start from a trained checkpoint',
        'medium',
      );
    readKeyOverrides(
      [...first.values()].filter((o) => KEY_OVERRIDE.test(o.key) && o.key.includes('.')),
      ctx,
    );
    // Group choices: the overrides first (their keys win over the main config's defaults), the main config last.
    const groups = [...first.values()].filter(
      (o) =>
        o.key !== 'solver' &&
        !NOT_GROUPS.has(o.key) &&
        GROUP_KEY.test(o.key) &&
        typeof o.value === 'string' &&
        CHOICE.test(o.value),
    );
    for (const o of solver ? [...groups, solver] : groups)
      for (const root of CONFIG_ROOTS)
        ctx.facts.push({
          kind: 'link.config',
          value: `${root}/${o.key}/${String(o.value)}.yaml`,
          range: nodeRange(o.node),
          confidence: 'low',
          detail: `${o.key}=${String(o.value)} (a Hydra config group the grid's experiments compose)`,
        });
  },
};

/** The `gpus=` value of a `slurm_(...)` / `slurm(...)` call. */
function gpusOf(call: Node): Node | undefined {
  const args = call.childForFieldName('arguments');
  const gpus = args?.namedChildren.find(
    (a) => a?.type === 'keyword_argument' && a.childForFieldName('name')?.text === 'gpus',
  );
  return gpus?.childForFieldName('value') ?? undefined;
}

/** The name a callee's chain starts from (`gen_sub` in `gen_sub.bind_`, `launcher` in `launcher.slurm_(...).bind_`). */
function rootName(fn: Node): string {
  let n: Node | null = fn;
  for (let i = 0; n && i < 20; i++) {
    if (n.type === 'identifier') return n.text;
    n =
      n.type === 'attribute'
        ? n.childForFieldName('object')
        : n.type === 'call'
          ? n.childForFieldName('function')
          : null;
  }
  return '';
}

/** The function an explorer decorates. */
function explorerFunction(ctx: PythonReadContext): Node | undefined {
  for (const statement of ctx.tree.rootNode.namedChildren) {
    if (statement?.type !== 'decorated_definition') continue;
    const decorated = statement.namedChildren.some((c) => c?.type === 'decorator' && EXPLORER.test(c.text));
    const fn = statement.childForFieldName('definition');
    if (decorated && fn?.type === 'function_definition') return fn;
  }
  return undefined;
}

/** An `'execute_only': 'evaluate'` entry or `execute_only='evaluate'` keyword anywhere in the module. */
function moduleStage(ctx: PythonReadContext): Override | undefined {
  if (!ctx.text.includes('execute_only')) return undefined;
  for (const pair of ctx.tree.rootNode.descendantsOfType(['pair', 'keyword_argument']).slice(0, MAX_NODES)) {
    if (!pair) continue;
    const k = pair.childForFieldName(pair.type === 'pair' ? 'key' : 'name');
    const key = k ? (k.type === 'identifier' ? k.text : stringLiteral(k)) : null;
    const v = pair.childForFieldName('value');
    const value = v ? literal(v) : undefined;
    if (key === 'execute_only' && v && typeof value === 'string') return { key, value, node: v };
  }
  return undefined;
}

function literal(node: Node): string | number | boolean | undefined {
  if (node.type === 'string') return stringLiteral(node) ?? undefined;
  if (node.type === 'integer' || node.type === 'float') {
    const n = Number(node.text.replace(/_/g, ''));
    return Number.isFinite(n) ? n : undefined;
  }
  if (node.type === 'true') return true;
  if (node.type === 'false') return false;
  return undefined;
}

function dictEntries(dict: Node): Override[] {
  const out: Override[] = [];
  for (const pair of dict.namedChildren.slice(0, MAX_ENTRIES)) {
    if (pair?.type !== 'pair') continue;
    const k = pair.childForFieldName('key');
    const v = pair.childForFieldName('value');
    const key = k ? stringLiteral(k) : null;
    const value = v ? literal(v) : undefined;
    if (key && v && value !== undefined) out.push({ key, value, node: v });
    // A checkpoint built from a path expression (`str(folder / 'x.th')`): the key is set, its value not read.
    else if (key === 'continue_from' && v) out.push({ key, value: v.text.slice(0, 200), node: v });
  }
  return out;
}

/** Kinds a key override states about the run. */
const RUN_KINDS = /^(?:model|training|hardware|inference)\./;

/** Dotted overrides as one small YAML document read by the config reader; each fact placed on its value. */
function readKeyOverrides(overrides: readonly Override[], ctx: PythonReadContext): void {
  if (overrides.length === 0) return;
  const lines: string[] = [];
  const owners: Override[] = [];
  const sorted = [...overrides].sort((a, b) => a.key.localeCompare(b.key));
  let previous: string[] = [];
  for (const o of sorted) {
    const path = KEY_OVERRIDE.exec(o.key)![1].split('.');
    let common = 0;
    while (common < path.length - 1 && common < previous.length - 1 && path[common] === previous[common]) common++;
    for (let k = common; k < path.length; k++) {
      const value =
        k === path.length - 1 ? ` ${typeof o.value === 'string' ? JSON.stringify(o.value) : String(o.value)}` : '';
      lines.push(`${'  '.repeat(k)}${path[k]}:${value}`);
      owners.push(o);
    }
    previous = path;
  }
  for (const f of extractConfigFacts(lines.join('\n'), 'yaml').facts) {
    if (!RUN_KINDS.test(f.kind)) continue;
    const o = owners[f.range.startLine];
    if (!o) continue;
    if (typeof f.value === 'number' && !(f.value > 0)) continue;
    ctx.add(f.kind, f.value, o.node, `grid override ${f.detail}`, 'high');
  }
}
