import type { Node } from 'web-tree-sitter';
import { stringLiteral } from '../../pythonValues';
import { truncate } from '../context';
import type { FileRule } from '../rules';
import type { SyntaxIndex } from '../syntaxIndex';

/**
 * tinygrad programs take their settings from environment variables: `getenv(key, default)` (tinygrad/helpers.py,
 * `getenv`: `type(default)(os.getenv(key, default))`), imported from `tinygrad.helpers` or `tinygrad`. Read here:
 * - a step count (`STEPS = getenv("STEPS", 1000)`, `for i in (t:=trange(getenv("STEPS", 70))):`) in a program that
 *   takes optimizer steps: the variable's name says it counts steps;
 * - the devices a program spreads over, written as tinygrad addresses them (`[f"{Device.DEFAULT}:{i}" for i in
 *   range(getenv("GPUS", 2))]`: tinygrad names the i-th device of a backend `<DEVICE>:<i>`, tinygrad/device.py).
 * Only reads at module level or in the main block count: a read inside a function is that function's setting (a
 * program of several training functions has one default per function). Each value is the default of its environment
 * variable: a launch script that sets the variable gives its own value (shellFacts.ts, `$NAME` on the link).
 */

/** An environment variable named for the optimizer steps it counts (`STEPS`, `TRAIN_STEPS`, `MAX_ITERS`). Bounded. */
const STEP_VARIABLE = /^(?:(?:NUM|N|MAX|TOTAL|TRAIN|TRAINING)_?)?(?:STEPS|ITERS|ITERATIONS)$/;
/** getenv imported from tinygrad (its helpers module or the package). */
const TINYGRAD_GETENV = /^[ \t]*from[ \t]+tinygrad(?:\.helpers)?[ \t]+import[^\n]{0,300}\bgetenv\b/m;
/** An optimizer step or a backward pass somewhere in the file: the program trains. */
const TAKES_STEPS = /\.backward\(|\.step\(\)|\.schedule_step\(|\btrain_step\(/;
/** A device list addressed as tinygrad does: `f"{Device.DEFAULT}:{i}"`. */
const DEVICE_ADDRESS = /^f["']\{Device\.DEFAULT\}:\{(\w{1,20})\}["']$/;
/** Calls looked at. */
const MAX_CALLS = 5_000;

/** The innermost function definition around `node`, or null at module level (the main block included). */
function inFunction(node: Node): boolean {
  for (let n = node.parent, k = 0; n && k < 200; n = n.parent, k++)
    if (n.type === 'function_definition' || n.type === 'lambda') return true;
  return false;
}

/** `getenv("NAME", 70)`: the variable's name and its whole-number default above zero. */
function envDefault(call: Node): { name: string; n: number; at: Node } | undefined {
  const args = call.childForFieldName('arguments')?.namedChildren ?? [];
  if (args.length !== 2 || !args[0] || !args[1]) return undefined;
  const name = stringLiteral(args[0]);
  if (!name || !/^[A-Z][A-Z0-9_]{0,40}$/.test(name) || args[1].type !== 'integer') return undefined;
  const n = Number(args[1].text.replace(/_/g, ''));
  return Number.isSafeInteger(n) && n > 0 ? { name, n, at: args[1] } : undefined;
}

/** `range(getenv("GPUS", 2))` as the iterable of a comprehension building `f"{Device.DEFAULT}:{i}"` names. */
function devicesComprehension(call: Node): boolean {
  const range = call.parent?.parent;
  if (range?.type !== 'call' || range.childForFieldName('function')?.text !== 'range') return false;
  const clause = range.parent;
  const comprehension = clause?.type === 'for_in_clause' ? clause.parent : null;
  if (comprehension?.type !== 'list_comprehension' && comprehension?.type !== 'generator_expression') return false;
  const body = comprehension.childForFieldName('body');
  const variable = clause?.childForFieldName('left')?.text;
  const m = body ? DEVICE_ADDRESS.exec(body.text.slice(0, 80)) : null;
  return !!m && m[1] === variable;
}

export const tinygradEnvSettings: FileRule = {
  framework: 'tinygrad',
  phase: 'after-calls',
  words: ['getenv'],
  read: (index: SyntaxIndex, ctx) => {
    if (!ctx.text.includes('tinygrad') || !TINYGRAD_GETENV.test(ctx.text)) return;
    const trains = TAKES_STEPS.test(ctx.text);
    let steps = ctx.facts.some((f) => f.kind === 'training.steps' && f.value !== null);
    let devices = ctx.facts.some((f) => f.kind === 'hardware.devices' && f.value !== null);
    for (let k = 0; k < index.calls.length && k < MAX_CALLS && !(steps && devices); k++) {
      const call = index.calls[k];
      if (call.childForFieldName('function')?.text !== 'getenv') continue;
      const env = envDefault(call);
      if (!env) continue;
      const flag = `$${env.name}`;
      if (!devices && devicesComprehension(call)) {
        // The first device list of the file: a program of several training functions keeps one per function, and a
        // launch that sets the variable gives its own count to every one of them.
        devices = true;
        ctx.add(
          'hardware.devices',
          env.n,
          env.at,
          `${truncate(call.text, 40)}: tinygrad devices ${'{Device.DEFAULT}'}:0..${env.n - 1} (${env.name} unset: its default)`,
          'medium',
        );
        ctx.amendLast({ fromFlags: [flag], flagDefault: [flag] });
        continue;
      }
      if (!steps && trains && STEP_VARIABLE.test(env.name) && !inFunction(call)) {
        steps = true;
        ctx.add(
          'training.steps',
          env.n,
          env.at,
          `${truncate(call.text, 40)}: ${env.n} optimizer steps (${env.name} unset: its default)`,
          'medium',
        );
        ctx.amendLast({ fromFlags: [flag], flagDefault: [flag] });
      }
    }
  },
};
