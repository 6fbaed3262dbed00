import type { Node } from 'web-tree-sitter';
import type { Fact } from '../../../facts';
import { evaluate } from '../../pythonValues';
import { flagsOf, truncate, type PythonReadContext } from '../context';
import type { FileRule } from '../rules';
import type { SyntaxIndex } from '../syntaxIndex';

/**
 * The optimizer steps of a script whose one `optimizer.step()` sits in nested `for … in range(…)` loops (the shape
 * of single-file training scripts, reinforcement-learning ones above all: `for iteration in range(n_iter)` →
 * `for epoch in range(update_epochs)` → `for start in range(0, batch_size, minibatch_size)` → `optimizer.step()`):
 * each pass of the innermost body is one step, so the run makes the product of the loops' trip counts. A loop
 * variable's guard around the step (`if global_step > learning_starts:` → `if global_step % train_frequency ==
 * 0:`, the warm-up and update period of off-policy learners, or gradient accumulation's `(i + 1) % accum == 0`)
 * keeps the passes that satisfy it. The count replaces the loop bounds and step-named settings read one by one
 * (`num_steps` there is a rollout's length, not the run's), and an inner loop's bound is no count of epochs.
 *
 * A single loop counts only at the script's own level (not in a function another loop may call once per epoch), named
 * for training passes, where no setting already states the steps (singleLoopCounts).
 * Only when every enclosing loop is a `range` whose bounds evaluate, every guard on the way is one it can count,
 * and no `break` can cut a loop short (a break under `X is not None` with X None by default never runs); with
 * several optimizers stepping, or anything else, it says nothing.
 */
const STEP_CALL = /^(\w{0,40}optim\w{0,40}|opt)\.step\(\s*\)$/i;
const MAIN_GUARD = /^__name__\s*==\s*["']__main__["']$/;
/** Enclosing statements looked at (far above real nesting; bounds the walk). */
const MAX_CLIMB = 40;
/** Step counts above this are no training schedule read right (bounds the arithmetic). */
const MAX_STEPS = 1e13;

interface RangeLoop {
  readonly node: Node;
  readonly variable: string;
  readonly start: number;
  readonly stop: number;
  readonly step: number;
  readonly text: string;
  /** Command-line flags its bounds were worked out from (their defaults), as flagsOf reads them. */
  readonly flags: readonly string[];
  /** Guards on this loop's variable: v > lo, v < hi, v % period == offset. */
  lo: number;
  hi: number;
  period: number;
  offset: number;
}

function rangeLoop(loop: Node, ctx: PythonReadContext): RangeLoop | undefined {
  const left = loop.childForFieldName('left');
  const right = loop.childForFieldName('right');
  if (left?.type !== 'identifier' || right?.type !== 'call') return undefined;
  const callee = ctx.callee(right);
  if (callee.full !== 'range' && callee.last !== 'trange') return undefined;
  const args = (right.childForFieldName('arguments')?.namedChildren ?? []).filter((c): c is Node => c !== null);
  if (args.length < 1 || args.length > 3 || args.some((a) => a.type === 'keyword_argument')) return undefined;
  const nums: number[] = [];
  const flags: string[] = [];
  for (const a of args) {
    const r = evaluate(a, ctx.symbols);
    if (typeof r?.value !== 'number' || !Number.isFinite(r.value)) return undefined;
    nums.push(Math.trunc(r.value));
    flags.push(...flagsOf(r.via));
  }
  const [start, stop, step] = nums.length === 1 ? [0, nums[0], 1] : [nums[0], nums[1], nums[2] ?? 1];
  if (step <= 0) return undefined;
  return {
    node: loop,
    variable: left.text,
    start,
    stop,
    step,
    text: truncate(`for ${left.text} in ${right.text}`, 60),
    flags,
    lo: -Infinity,
    hi: Infinity,
    period: 1,
    offset: 0,
  };
}

/** `a and b` split into its parts (bounded by the climb). */
function conjuncts(node: Node, out: Node[] = [], depth = 0): Node[] {
  if (depth > 8) return out;
  if (node.type === 'parenthesized_expression' && node.namedChildren[0])
    return conjuncts(node.namedChildren[0], out, depth + 1);
  if (node.type === 'boolean_operator' && node.childForFieldName('operator')?.text === 'and') {
    const l = node.childForFieldName('left');
    const r = node.childForFieldName('right');
    if (l) conjuncts(l, out, depth + 1);
    if (r) conjuncts(r, out, depth + 1);
  } else out.push(node);
  return out;
}

/** Applies one guard to the loop of its variable; false when it is no guard this reader can count. */
function applyGuard(cond: Node, loops: readonly RangeLoop[], ctx: PythonReadContext): boolean {
  if (cond.type !== 'comparison_operator' || cond.namedChildren.length !== 2) return false;
  const op = cond.children.find((c) => c !== null && !c.isNamed)?.text;
  const [a, b] = cond.namedChildren as [Node, Node];
  // `v % period == offset` (also `(v + 1) % accum == 0`).
  if (op === '==' && a.type === 'binary_operator' && a.childForFieldName('operator')?.text === '%') {
    let target = a.childForFieldName('left');
    let shift = 0;
    if (target?.type === 'parenthesized_expression') target = target.namedChildren[0];
    if (target?.type === 'binary_operator' && target.childForFieldName('operator')?.text === '+') {
      const add = evaluate(target.childForFieldName('right'), ctx.symbols)?.value;
      if (typeof add !== 'number') return false;
      shift = add;
      target = target.childForFieldName('left');
    }
    const loop = loops.find((l) => l.variable === target?.text);
    const period = evaluate(a.childForFieldName('right'), ctx.symbols)?.value;
    const rest = evaluate(b, ctx.symbols)?.value;
    if (!loop || loop.period !== 1 || loop.step !== 1) return false;
    if (typeof period !== 'number' || typeof rest !== 'number' || !Number.isInteger(period) || period < 1) return false;
    loop.period = period;
    loop.offset = (((rest - shift) % period) + period) % period;
    return true;
  }
  const loop = loops.find((l) => l.variable === a.text);
  const bound = evaluate(b, ctx.symbols)?.value;
  if (!loop || typeof bound !== 'number' || loop.step !== 1) return false;
  if (op === '>') loop.lo = Math.max(loop.lo, Math.floor(bound) + 1);
  else if (op === '>=') loop.lo = Math.max(loop.lo, Math.ceil(bound));
  else if (op === '<') loop.hi = Math.min(loop.hi, Math.ceil(bound));
  else if (op === '<=') loop.hi = Math.min(loop.hi, Math.floor(bound) + 1);
  else return false;
  return true;
}

/** Passes of a loop that satisfy its guards. */
function passes(l: RangeLoop): number {
  if (l.step !== 1) return Math.max(0, Math.ceil((l.stop - l.start) / l.step));
  const lo = Math.max(l.start, l.lo);
  const hi = Math.min(l.stop, l.hi);
  if (hi <= lo) return 0;
  if (l.period === 1) return hi - lo;
  // Values v in [lo, hi) with v ≡ offset (mod period).
  const first = lo + ((((l.offset - lo) % l.period) + l.period) % l.period);
  return first >= hi ? 0 : Math.floor((hi - 1 - first) / l.period) + 1;
}

/** A `break` that can leave this loop (not one of a loop nested in it), unless its guard is dead by default. */
function breaksOut(loop: Node, ctx: PythonReadContext): boolean {
  const body = loop.childForFieldName('body');
  if (!body || !/\bbreak\b/.test(body.text)) return false;
  for (const br of body.descendantsOfType('break_statement')) {
    if (!br) continue;
    let owner: Node | null = br.parent;
    let dead = false;
    for (let up = 0; owner && owner.id !== loop.id && up < MAX_CLIMB; up++, owner = owner.parent) {
      if (owner.type === 'for_statement' || owner.type === 'while_statement') break;
      if (owner.type === 'if_statement' && deadByDefault(owner, ctx)) dead = true;
    }
    if (owner?.id !== loop.id) continue;
    if (!dead) return true;
  }
  return false;
}

/** `if X is not None and …:` with X None by default: never taken (nor any block under it). */
function deadByDefault(statement: Node, ctx: PythonReadContext): boolean {
  const cond = statement.childForFieldName('condition');
  const first = cond ? conjuncts(cond)[0] : undefined;
  if (first?.type !== 'comparison_operator' || !/\bis\s+not\s+None$/.test(first.text)) return false;
  const subject = first.namedChildren[0];
  const r = subject ? evaluate(subject, ctx.symbols) : undefined;
  return r !== undefined && r.value === null;
}

function readNest(index: SyntaxIndex, ctx: PythonReadContext): void {
  // The callee's last name (cached per call) first: a call's text is a copy out of the parser.
  const steps = index.calls.filter(
    (c) => ctx.callee(c).last === 'step' && c.text.length <= 60 && STEP_CALL.test(c.text),
  );
  if (steps.length !== 1) return;
  const call = steps[0];
  const loops: RangeLoop[] = [];
  const guards: Node[] = [];
  let child: Node = call;
  let inDefinition = false;
  for (let p = call.parent, up = 0; p && up < MAX_CLIMB; p = p.parent, up++) {
    if (p.type === 'function_definition' || p.type === 'class_definition' || p.type === 'lambda') {
      inDefinition = true;
      break;
    }
    if (p.type === 'while_statement') return;
    if (p.type === 'for_statement') {
      if (child.id !== p.childForFieldName('body')?.id) return;
      const loop = rangeLoop(p, ctx);
      if (!loop || breaksOut(p, ctx)) return;
      loops.unshift(loop);
    } else if (p.type === 'if_statement') {
      if (child.id !== p.childForFieldName('consequence')?.id) return;
      const cond = p.childForFieldName('condition');
      if (!cond) return;
      // The script's main block runs once.
      if (!MAIN_GUARD.test(cond.text)) guards.push(...conjuncts(cond));
    } else if (p.type === 'else_clause' || p.type === 'elif_clause' || p.type === 'except_clause') return;
    child = p;
  }
  // One loop alone is counted only in the script's own code (full-batch training, `for epoch in range(5000):` →
  // `optimizer.step()`: one step a pass): inside a function, the loop may be one epoch's, called once per epoch.
  const single = loops.length === 1 && guards.length === 0;
  if (loops.length === 0 || (single && !singleLoopCounts(loops[0], inDefinition, ctx))) return;
  for (const g of guards) if (!applyGuard(g, loops, ctx)) return;
  let total = 1;
  for (const l of loops) total *= passes(l);
  if (!(total > 0) || total > MAX_STEPS || !Number.isSafeInteger(total)) return;
  // Bounds worked out from flags' defaults: a launch giving one of those flags makes another count, which this one
  // cannot follow (analyze.ts: the count is then not the launched run's). A reading of the program's length flags
  // made elsewhere than these loops (a framework's reader of its own flags, dlrm.ts: a launch's value stands in for
  // its flag's default there) is kept instead; the loops' own readings are what this count replaces.
  const flags = [...new Set(loops.flatMap((l) => l.flags))];
  const ownLoops = (f: Fact) => loops.some((l) => within(f, l.node));
  if (
    flags.length > 0 &&
    ctx.facts.some(
      (f) =>
        f.kind === 'training.steps' &&
        !f.directive &&
        f.value !== null &&
        (f.fromFlags?.length ?? 0) > 0 &&
        !ownLoops(f),
    )
  ) {
    // The loops' own readings (an inner loop's bound read as the steps) are parts of that count: not kept beside it.
    for (let i = ctx.facts.length - 1; i >= 0; i--)
      if (ctx.facts[i].kind === 'training.steps' && !ctx.facts[i].directive && ownLoops(ctx.facts[i]))
        ctx.facts.splice(i, 1);
    return;
  }
  // The count replaces the step counts read one by one and the inner loops' bounds read as epochs.
  for (let i = ctx.facts.length - 1; i >= 0; i--) {
    const f = ctx.facts[i];
    if (f.directive) continue;
    if (f.kind === 'training.steps') ctx.facts.splice(i, 1);
    else if (f.kind === 'training.epochs' && loops.some((l) => l.node.id !== loops[0].node.id && within(f, l.node)))
      ctx.facts.splice(i, 1);
  }
  const detail = `${truncate(call.text, 40)} once per pass of ${loops.map((l) => `\`${l.text}\` (${passes(l)})`).join(' × ')}${guards.length ? ` under ${guards.map((g) => `\`${truncate(g.text, 50)}\``).join(', ')}` : ''}`;
  ctx.add('training.steps', total, loops[0].node.childForFieldName('right') ?? call, detail, 'medium');
  if (flags.length > 0) ctx.amendLast({ fromFlags: flags });
}

/**
 * A lone loop around the step counts where it is the script's own (not a function's, which an epoch loop may call),
 * is named for training passes (`for epoch in range(5000)`, `for it in range(NUM_ITERS)`: not a loop over samples or
 * items), and no setting already says the steps: that reading, where the user edits it, is kept.
 */
function singleLoopCounts(loop: RangeLoop, inDefinition: boolean, ctx: PythonReadContext): boolean {
  return (
    !inDefinition &&
    TRAINING_PASS.test(loop.text) &&
    !ctx.facts.some((f) => f.kind === 'training.steps' && !f.directive)
  );
}
/** A loop named for training passes: its variable or its bound (`epoch`, `n_epochs`, `step`, `iters`, `batches`). */
const TRAINING_PASS = /epoch|step|iter|batch/i;

function within(f: { range: { startLine: number } }, node: Node): boolean {
  return f.range.startLine >= node.startPosition.row && f.range.startLine <= node.endPosition.row;
}

export const optimizerStepNest: FileRule = {
  framework: 'pytorch',
  phase: 'after-calls',
  words: ['step'],
  read: readNest,
};
