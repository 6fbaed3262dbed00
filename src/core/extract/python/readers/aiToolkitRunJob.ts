import type { Node } from 'web-tree-sitter';
import { extractConfigFacts } from '../../configFacts';
import { stringLiteral } from '../../pythonValues';
import { executedRows } from '../entryPoint';
import type { PythonReadContext } from '../context';
import type { FileRule } from '../rules';

/**
 * ai-toolkit jobs built in Python (github.com/ostris/ai-toolkit: its Colab notebooks and scripts build the job as a
 * dict, `job_to_run = OrderedDict([('job', 'extension'), ('config', OrderedDict([...]))])`, and call
 * `run_job(job_to_run)` from `toolkit.job`, which hands the dict to the same `get_job` that run.py gives a YAML
 * file). The dict literal is the job config: it is written out as the YAML document it stands for, one value per line,
 * and read by the config reader (config/aiToolkitJob.ts), each fact placed on the Python value it comes from. Only a
 * literal dict (`{...}`, `dict(...)`, `OrderedDict({...})`, `OrderedDict([(key, value), ...])`) assigned at module level
 * and handed to a `run_job` call that runs; anything else (a dict built by code, a file path) is left alone.
 */

/** Python nesting levels followed (an `OrderedDict([(key, value)])` level takes three). */
const MAX_DEPTH = 40;
const MAX_ENTRIES = 3_000;
const MAX_TEXT = 200_000;

type Value =
  | { kind: 'scalar'; value: string | number | boolean | null; node: Node }
  | { kind: 'map'; entries: Array<{ key: string; keyNode: Node; value: Value }>; node: Node }
  | { kind: 'seq'; items: Value[]; node: Node };

interface Budget {
  left: number;
}

function namedArgs(call: Node): Node[] {
  const args = call.childForFieldName('arguments');
  return args ? args.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment') : [];
}

function literalOf(node: Node, depth: number, budget: Budget): Value | undefined {
  if (depth > MAX_DEPTH || --budget.left < 0) return undefined;
  switch (node.type) {
    case 'string': {
      const s = stringLiteral(node);
      return s === null ? undefined : { kind: 'scalar', value: s, node };
    }
    case 'integer':
    case 'float': {
      const n = Number(node.text.replace(/_/g, ''));
      return Number.isFinite(n) ? { kind: 'scalar', value: n, node } : undefined;
    }
    case 'unary_operator': {
      const inner = node.namedChildren[0];
      const v = inner ? literalOf(inner, depth + 1, budget) : undefined;
      return v?.kind === 'scalar' && typeof v.value === 'number' && node.text.trim().startsWith('-')
        ? { kind: 'scalar', value: -v.value, node }
        : undefined;
    }
    case 'true':
      return { kind: 'scalar', value: true, node };
    case 'false':
      return { kind: 'scalar', value: false, node };
    case 'none':
      return { kind: 'scalar', value: null, node };
    case 'dictionary': {
      const entries: Array<{ key: string; keyNode: Node; value: Value }> = [];
      for (const pair of node.namedChildren) {
        if (pair?.type !== 'pair') continue;
        const k = pair.childForFieldName('key');
        const v = pair.childForFieldName('value');
        const key = k ? stringLiteral(k) : null;
        const value = v ? literalOf(v, depth + 1, budget) : undefined;
        if (key !== null && k && value) entries.push({ key, keyNode: k, value });
      }
      return { kind: 'map', entries, node };
    }
    case 'list':
    case 'tuple': {
      const items: Value[] = [];
      for (const c of node.namedChildren) {
        if (!c || c.type === 'comment') continue;
        const v = literalOf(c, depth + 1, budget);
        if (v) items.push(v);
      }
      return { kind: 'seq', items, node };
    }
    case 'call': {
      const fn = node.childForFieldName('function')?.text ?? '';
      if (!/^(?:(?:collections\.)?OrderedDict|dict)$/.test(fn)) return undefined;
      const args = namedArgs(node);
      if (args.length === 0) return { kind: 'map', entries: [], node };
      if (args.every((a) => a.type === 'keyword_argument')) {
        const entries: Array<{ key: string; keyNode: Node; value: Value }> = [];
        for (const a of args) {
          const name = a.childForFieldName('name');
          const v = a.childForFieldName('value');
          const value = v ? literalOf(v, depth + 1, budget) : undefined;
          if (name && value) entries.push({ key: name.text, keyNode: name, value });
        }
        return { kind: 'map', entries, node };
      }
      if (args.length !== 1) return undefined;
      const only = literalOf(args[0], depth + 1, budget);
      if (only?.kind === 'map') return { ...only, node };
      if (only?.kind !== 'seq') return undefined;
      // OrderedDict([(key, value), ...]): pairs as two-item tuples or lists with a string key.
      const entries: Array<{ key: string; keyNode: Node; value: Value }> = [];
      for (const item of only.items) {
        if (item.kind !== 'seq' || item.items.length !== 2) return undefined;
        const [k, v] = item.items;
        if (k.kind !== 'scalar' || typeof k.value !== 'string') return undefined;
        entries.push({ key: k.value, keyNode: k.node, value: v });
      }
      return { kind: 'map', entries, node };
    }
    default:
      return undefined;
  }
}

function scalarText(v: string | number | boolean | null): string {
  return typeof v === 'string' ? JSON.stringify(v) : String(v);
}

/** The value as block YAML, one key or item per line; `owners[i]` is the Python node line i comes from. */
function toYaml(value: Value, indent: number, lines: string[], owners: Node[]): void {
  const pad = '  '.repeat(indent);
  if (value.kind === 'map') {
    for (const e of value.entries) {
      if (e.value.kind === 'scalar') {
        lines.push(`${pad}${JSON.stringify(e.key)}: ${scalarText(e.value.value)}`);
        owners.push(e.value.node);
      } else {
        lines.push(
          `${pad}${JSON.stringify(e.key)}:${isEmpty(e.value) ? (e.value.kind === 'map' ? ' {}' : ' []') : ''}`,
        );
        owners.push(e.keyNode);
        toYaml(e.value, indent + 1, lines, owners);
      }
    }
  } else if (value.kind === 'seq') {
    for (const item of value.items) {
      if (item.kind === 'scalar') {
        lines.push(`${pad}- ${scalarText(item.value)}`);
        owners.push(item.node);
      } else {
        lines.push(`${pad}-${isEmpty(item) ? (item.kind === 'map' ? ' {}' : ' []') : ''}`);
        owners.push(item.node);
        toYaml(item, indent + 1, lines, owners);
      }
    }
  }
}

function isEmpty(v: Value): boolean {
  return v.kind === 'map' ? v.entries.length === 0 : v.kind === 'seq' ? v.items.length === 0 : false;
}

/** The last module-level `name = <literal dict>` before `row`. */
function assignedDict(ctx: PythonReadContext, name: string, row: number): Node | undefined {
  let found: Node | undefined;
  for (const stmt of ctx.tree.rootNode.namedChildren) {
    if (!stmt || stmt.startPosition.row >= row) break;
    const a = stmt.type === 'expression_statement' ? stmt.namedChildren[0] : null;
    if (a?.type !== 'assignment') continue;
    const left = a.childForFieldName('left');
    const right = a.childForFieldName('right');
    if (left?.type === 'identifier' && left.text === name && right) found = right;
  }
  return found;
}

/** Kinds a job config states about the run. */
const RUN_KINDS = /^(?:model\.|training\.|hardware\.|launch\.(?:trainer|inference)$|run\.framework$)/;

export const aiToolkitRunJob: FileRule = {
  framework: 'ai-toolkit',
  phase: 'after-calls',
  words: ['run_job'],
  runStart: [/\brun_job[ \t]*\(/],
  read: (_index, ctx) => {
    if (!ctx.text.includes('run_job') || ctx.text.length > 2_000_000) return;
    if (!/^[ \t]*from[ \t]+toolkit\.job[ \t]+import[ \t]+[^\n]{0,200}\brun_job\b/m.test(ctx.text)) return;
    const executed = executedRows(ctx.tree);
    const runs = (row: number) => executed.some(([a, b]) => row >= a && row <= b);
    for (const call of ctx.tree.rootNode.descendantsOfType('call')) {
      const fn = call?.childForFieldName('function');
      if (!call || fn?.type !== 'identifier' || fn.text !== 'run_job' || !runs(call.startPosition.row)) continue;
      const arg = namedArgs(call)[0];
      if (!arg) continue;
      const source = arg.type === 'identifier' ? assignedDict(ctx, arg.text, call.startPosition.row) : arg;
      if (!source || source.text.length > MAX_TEXT) continue;
      const value = literalOf(source, 0, { left: MAX_ENTRIES });
      if (value?.kind !== 'map') continue;
      const lines: string[] = [];
      const owners: Node[] = [];
      toYaml(value, 0, lines, owners);
      const facts = extractConfigFacts(lines.join('\n'), 'yaml').facts.filter((f) => RUN_KINDS.test(f.kind));
      if (!facts.some((f) => f.kind === 'launch.trainer' || f.kind === 'launch.inference')) continue;
      for (const f of facts) {
        const owner = owners[f.range.startLine] ?? fn;
        ctx.add(
          f.kind,
          f.value,
          owner,
          `run_job(${arg.type === 'identifier' ? arg.text : 'dict'}): ${f.detail}`,
          f.confidence,
        );
      }
      return;
    }
  },
};
