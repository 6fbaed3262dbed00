import { flagSumOf } from '../flagSum';
import { onDefaultPath } from '../branches';
import { gatedTest } from '../requiredLiterals';
import type { Node } from 'web-tree-sitter';
import type { FactKind } from '../../../facts';
import { evaluate, keywordArgument, positionalArguments, stringLiteral, type SymbolTable } from '../../pythonValues';
import { pureFlagDefault, truncate, type PythonReadContext } from '../context';
import { decideCondition } from '../branches';
import { attachEdit, readKeyword, readTrainingKeywords } from '../keywords';
import type { CallRule, FileRule, StatementRule } from '../rules';

/**
 * Plain PyTorch: training loops over epochs or steps, `loss.backward()`, `trainer.train()`,
 * DDP/DataParallel, autocast/GradScaler and TF32 switches, torchvision datasets, data loader
 * batch sizes, config files the script opens, and sweeps around a launch.
 */

/** torchvision dataset classes → dataset catalog ids. */
const TORCHVISION_DATASETS: Record<string, string> = {
  MNIST: 'mnist',
  FashionMNIST: 'fashion_mnist',
  CIFAR10: 'cifar10',
  CIFAR100: 'cifar100',
  ImageNet: 'imagenet-1k',
  Food101: 'food101',
};

/** Loop variables that count optimizer steps rather than epochs (`for it in range(max_iters)`). */
const STEP_LOOP_VARIABLE = /^(it|iter|iter_num|iteration|step|global_step|train_step|update|i_step)$/i;
/** `for epoch in ...`, `for ep in ...`, `for e in range(EPOCHS)`. */
const EPOCH_LOOP_VARIABLE = /epoch|^(ep|e|ep_idx)$/i;
/**
 * The loops these variables make a run of (the prefilter's runStart): over a range, or while a step count is below a bound.
 * Run over whole files: a loop statement starts a line, and each line has one reading. The target ends at the first
 * `in`; `(?=(…))\1` takes the text up to the first match atomically, so a line of `for epoch for epoch …` or
 * `while step while step …` is scanned once, not once per occurrence (that was cubic in a long line). A bare index
 * (`for i in range(args.epochs)`) counts when the line names epochs within a bounded stretch (countsEpochs).
 */
const FOR_LOOP_START =
  /^[ \t]*(?:async[ \t]+)?for[ \t(]+(?:(?:ep|e|ep_idx|it|iter|iter_num|iteration|step|global_step|train_step|update|i_step)\s+in\b|(?:i|j|_+|idx|index|n)\s+in\b(?=[^\n]{0,120}?epoch)|(?=((?:(?!\bin\b)[^\n])*?epoch))\1(?:(?!\bin\b)[^\n])*\bin\b)(?=([^\n]*?range\s*\())\2/im;
/**
 * Calls that make the range a loop counts over: the builtin, and six's `six.moves.range` (the Python 2/3
 * compatibility name of the same range; six docs, "six.moves": range is xrange on Python 2).
 */
const RANGE_CALLEES: ReadonlySet<string> = new Set(['range', 'xrange', 'six.moves.range', 'moves.range']);
const WHILE_LOOP_START = /^[ \t]*while\b(?=([^\n]*?(?:epoch|step|iter|\bit\b|update)))\1[^\n]*</im;

/**
 * Words of any training: a model or network, a loss, an optimizer or a gradient, a train/fit/step call, a learning
 * rate. A file with none of them whose loop runs over epochs exercises a data pipeline (a sampler's `set_epoch` and
 * packing checked over a few epochs), not a training loop. Each alternative is a literal or a bounded word.
 */
const TRAINING_WORD =
  /model|\bnet\b|loss|optimi[sz]er|optim\.|backward|\bgrad|criterion|\btrain\w{0,40}[ \t]*\(|\bfit[ \t]*\(|\bstep[ \t]*\(|\blr\b|learning_rate/i;
/** Per file read, whether its text has a training word (looked up once however many loops it has). */
const trainingWordsOf = new WeakMap<PythonReadContext, boolean>();
function hasTrainingWord(ctx: PythonReadContext): boolean {
  let has = trainingWordsOf.get(ctx);
  if (has === undefined) trainingWordsOf.set(ctx, (has = TRAINING_WORD.test(ctx.text)));
  return has;
}

/** A context that turns gradients off: `torch.no_grad()`, `torch.inference_mode()`, `torch.set_grad_enabled(False)`. */
const GRAD_OFF = /\b(?:no_grad|inference_mode)\b|\bset_grad_enabled[ \t]*\([ \t]*False\b/;
/** A step a training loop takes: a backward pass or an optimizer step. */
const takesTrainingStep = gatedTest(/\.backward[ \t]*\(|\b\w{0,30}optim\w{0,30}\.step[ \t]*\(/);
const MAX_GRAD_CLIMB = 16;

/**
 * Is the loop run with gradients off? Inside `with torch.no_grad():`, in a function decorated `@torch.no_grad()` /
 * `@torch.inference_mode()`, or at module level after `torch.set_grad_enabled(False)`, a loop over steps samples
 * (tokens, denoising steps, patches) or times forward passes rather than trains: nothing can take a gradient step
 * there (PyTorch docs, torch.no_grad: "disables gradient calculation ... useful for inference"). A loop that still
 * holds a backward pass or an optimizer step is left to be read as training.
 */
/**
 * Per file read: where a module-level `torch.set_grad_enabled(False)` line starts, in a file that never takes a
 * training step (looked up once however many loops the file has); undefined when there is none.
 */
const gradientsSwitchedOff = new WeakMap<PythonReadContext, number | undefined>();
const GRADIENTS_SWITCHED_OFF = /^[ \t]*(?:torch\.)?set_grad_enabled[ \t]*\([ \t]*False\b/m;
function gradientsSwitchedOffAt(ctx: PythonReadContext): number | undefined {
  if (gradientsSwitchedOff.has(ctx)) return gradientsSwitchedOff.get(ctx);
  const at =
    ctx.text.includes('set_grad_enabled') && !takesTrainingStep(ctx.text)
      ? GRADIENTS_SWITCHED_OFF.exec(ctx.text)?.index
      : undefined;
  gradientsSwitchedOff.set(ctx, at);
  return at;
}

function runsWithoutGradients(loop: Node, ctx: PythonReadContext): boolean {
  if (takesTrainingStep(loop.text)) return false;
  let node: Node | null = loop.parent;
  for (let depth = 0; node && depth < MAX_GRAD_CLIMB; depth++, node = node.parent) {
    if (node.type === 'with_statement') {
      const clause = node.children.find((c) => c?.type === 'with_clause');
      if (clause && GRAD_OFF.test(clause.text)) return true;
    } else if (node.type === 'decorated_definition') {
      for (const d of node.children) if (d?.type === 'decorator' && GRAD_OFF.test(d.text)) return true;
      return false;
    } else if (node.type === 'function_definition' && node.parent?.type !== 'decorated_definition') return false;
    else if (node.type === 'class_definition') return false;
    else if (node.type === 'module') {
      // `torch.set_grad_enabled(False)` as a statement of its own before the loop, in a file that never steps.
      const switchedOff = gradientsSwitchedOffAt(ctx);
      return switchedOff !== undefined && switchedOff < loop.startIndex;
    }
  }
  return false;
}

/**
 * `for epoch in range(max_func_call): outputs = llm.generate(prompts, ...)` (a math evaluation retrying the answers
 * whose code failed): a loop whose body generates with a model and takes no training step is rounds of inference,
 * whatever its variable is named. Bounded by the loop's text (a loop longer than this is not looked into).
 */
function onlyGenerates(loop: Node): boolean {
  if (loop.endIndex - loop.startIndex > MAX_GENERATING_LOOP) return false;
  const text = loop.text;
  return GENERATES.test(text) && !takesTrainingStep(text);
}
const GENERATES = /\.generate[ \t]*\(/;
const MAX_GENERATING_LOOP = 20_000;

/**
 * `for ep_idx in range(num_episodes)`: the short names an epoch loop uses (`ep`, `e`, `ep_idx`) also index episodes
 * of a robot or RL dataset; a bound that counts episodes says which. Bounded, so linear.
 */
const EPISODE_BOUND = /episode/i;
/** A call that waits for wall-clock time: `time.sleep(dt)`, `precise_sleep(dt)`, `busy_wait(dt)`. Bounded, so linear. */
const PACED = /\b\w{0,30}(?:sleep|busy_wait)[ \t]*\(/;

/**
 * A loop over steps that is no training loop: one that waits for wall-clock time at each step without a backward
 * pass or an optimizer step (a robot control loop sending interpolated poses, a polling loop: training never sleeps
 * between its steps), or one in a file with no training word at all (no model, loss, optimizer, gradient) — the
 * step loops of motion planning and simulation scripts.
 */
function pacedOrUntrained(loop: Node, ctx: PythonReadContext): boolean {
  if (takesTrainingStep(loop.text)) return false;
  return !hasTrainingWord(ctx) || PACED.test(loop.text);
}

/**
 * A range bound named for the optimizer steps it counts: `NUM_BATCHES`, `num_batches`, `args.num_steps`, `max_iters`,
 * `total_updates` (a count of batches trained on, one optimizer step each). Bounded, so linear.
 */
const STEP_COUNT_BOUND =
  /^(?:[A-Za-z_]\w{0,40}\.){0,3}(?:num|n|max|total|train|training)_?(?:batches|steps|iters?|iterations|updates|train_steps)$/i;
/**
 * The step a run resumes from (`start`, `args.start_iter`, `resume_step`, `init_step`): 0 unless a checkpoint is
 * resumed, so a run from the start makes every step up to the bound. Bounded, so linear.
 */
const RESUME_OFFSET = /^(?:[\w.]{0,60}\.)?\w{0,20}(?:resume|resumed|start|initial|init|begin|offset)\w{0,20}$/i;
/** The epoch a checkpoint was saved at, as a resuming program names it (`last_epoch`, `state_dict['epoch']`'s copy). */
const RESUMED_EPOCH_NAME = /^(?:[\w.]{0,60}\.)?(?:last_epoch|epoch_resumed|resumed_epoch|loaded_epoch|ckpt_epoch)$/i;

/**
 * `max(0, last_epoch)`: the epoch a loaded checkpoint reached, or 0 when none is (the name starts below 0 on a fresh
 * run, `last_epoch = -1`, as torch's schedulers take it).
 */
function startsAtZeroUnlessResumed(node: Node, ctx: PythonReadContext): boolean {
  if (node.type !== 'call' || ctx.callee(node).full !== 'max') return false;
  const args = node.childForFieldName('arguments')?.namedChildren ?? [];
  if (args.length !== 2 || args[0]?.text !== '0' || !args[1] || args[1].text.length > 100) return false;
  return RESUME_OFFSET.test(args[1].text) || RESUMED_EPOCH_NAME.test(args[1].text);
}

/** A loop variable that only indexes (`i`, `_`, `idx`), saying nothing of what is counted. */
const INDEX_VARIABLE = /^(?:i|j|k|_+|idx|index|n)$/;

/**
 * `for i in tqdm.tqdm(range(NUM_BATCHES)):` with an optimizer step (or a backward pass) in the body: the loop
 * variable is a bare index, and the bound's name says the loop counts batches, each one optimizer step (the common
 * shape of small research training scripts: `NUM_BATCHES = int(1e5)` among module constants, or a `num_batches`
 * argument of the function the script runs). Without a step in the body the loop is no training loop.
 */
function countsSteps(left: Node, range: Node, loop: Node): boolean {
  if (!INDEX_VARIABLE.test(left.text)) return false;
  const args = range.childForFieldName('arguments')?.namedChildren ?? [];
  // `trange(start, N_iters)`: counted from the step a resumed checkpoint reached (RESUME_OFFSET), the bound is the count.
  const bound =
    args.length === 1 || (args.length === 2 && RESUME_OFFSET.test(args[0]?.text ?? ''))
      ? args[args.length - 1]
      : undefined;
  if (!bound || bound.text.length > 100) return false;
  const body = loop.childForFieldName('body');
  if (!body) return false;
  if (STEP_COUNT_BOUND.test(bound.text)) return takesTrainingStep(body.text);
  // A written count (`range(200000)`): a bound named for something else (`NUM_SAMPLES`) says the loop counts that.
  return bound.type === 'integer' && backwardEachIteration(body);
}

/** A backward pass written as a statement of the loop's own body (`loss.backward()`), not of a loop nested in it. */
const BACKWARD_STATEMENT = /^[\w.[\]]{1,80}\.backward[ \t]*\(/;
/** Statements of a loop body looked at for its backward pass. */
const MAX_BODY_STATEMENTS = 200;

/**
 * `for i in range(200000):` (or `for k in range(20):`) whose own body runs `loss.backward()` once per iteration, a
 * full-batch or minibatch gradient-descent loop written out by hand (lecture notebooks update `p.data` themselves,
 * with no optimizer object): each iteration is one optimizer step (the count written as a number; a named bound
 * counts steps only when its name says so). A backward pass
 * inside a loop nested in the body (over the batches of a loader) makes the outer loop one over epochs, not steps.
 */
function backwardEachIteration(body: Node): boolean {
  if (!body.text.includes('.backward')) return false;
  const statements = body.namedChildren;
  for (let k = 0; k < statements.length && k < MAX_BODY_STATEMENTS; k++) {
    const s = statements[k];
    if (s?.type === 'expression_statement' && BACKWARD_STATEMENT.test(s.text.slice(0, 200))) return true;
  }
  return false;
}

/** A range bound named for the epochs it counts: `epochs`, `num_epochs`, `args.n_epochs`, `epoches`. Bounded, so linear. */
const EPOCH_COUNT_BOUND = /^(?:[A-Za-z_]\w{0,40}\.){0,3}(?:[A-Za-z]\w{0,20}_)?epoche?s$/i;
/** A call of a training step or epoch by its common names (`trainer.train_step(...)`, `train_one_epoch(...)`). */
const TRAINING_STEP_CALL = /\b(?:train_one_epoch|train_epoch|train_one_step|train_step|training_step)[ \t]*\(/;

/**
 * `for i in range(args.epochs):` whose body (or a loop nested in it) trains, by a backward pass, an optimizer step or
 * a call of a training step (`trainer.train_step(...)`): the loop variable is a bare index, and the bound's name says
 * the loop counts epochs. Without a step in the body the loop is no training loop.
 */
function countsEpochs(left: Node, range: Node, loop: Node): boolean {
  if (!INDEX_VARIABLE.test(left.text)) return false;
  const args = range.childForFieldName('arguments')?.namedChildren ?? [];
  const bound = args.length === 1 ? args[0] : undefined;
  if (!bound || bound.text.length > 100 || !EPOCH_COUNT_BOUND.test(bound.text)) return false;
  const body = loop.childForFieldName('body')?.text ?? '';
  return takesTrainingStep(body) || TRAINING_STEP_CALL.test(body);
}

/** A call in a loop body that trains or runs an epoch (`train(...)`, `fit(...)`, `run_epoch(...)`). Bounded. */
const TRAINING_CALL_IN_BODY = /\b(?:\w{0,30}train\w{0,30}|fit|\w{0,30}epoch\w{0,30}|\w{0,30}step)[ \t]*\(/i;

/**
 * `for e in range(param_config["num_experts"]):` copying each expert's weights, `for e in range(n_heads)`: the short
 * names an epoch loop uses (`e`, `ep`, `ep_idx`, not a name holding `epoch`) index many other things; such a loop
 * counts epochs only when its bound names epochs or its body trains (a backward pass, an optimizer step, a call of a
 * training or epoch function). Bounded, so linear.
 */
function shortNameOverOtherThings(left: Node, range: Node, loop: Node): boolean {
  if (/epoch/i.test(left.text)) return false;
  if (/epoch/i.test(truncate(range.text, 200))) return false;
  const body = loop.childForFieldName('body')?.text ?? '';
  return !(takesTrainingStep(body) || TRAINING_CALL_IN_BODY.test(body));
}

/** Statements looked at before a loop for the progress bar it iterates. */
const MAX_STATEMENTS_BEFORE_LOOP = 60;

/**
 * The progress bar a loop iterates by name (`pbar = tqdm(range(n), desc=...)`, `bar = trange(n)`): the last
 * assignment of that name among the statements of the loop's own block before it (the common shape of a training
 * function that keeps the bar to set its description). Only tqdm/trange calls: the bar yields what it wraps.
 */
function progressBarBefore(loop: Node, name: string, ctx: PythonReadContext): Node | undefined {
  let n = loop.previousNamedSibling;
  for (let seen = 0; n && seen < MAX_STATEMENTS_BEFORE_LOOP; n = n.previousNamedSibling, seen++) {
    const assignment = n.type === 'expression_statement' ? n.namedChildren[0] : null;
    if (assignment?.type !== 'assignment' || assignment.childForFieldName('left')?.text !== name) continue;
    const value = assignment.childForFieldName('right');
    const wrapper = value?.type === 'call' ? ctx.callee(value).last : '';
    return value && (wrapper === 'tqdm' || wrapper === 'trange') ? value : undefined;
  }
  return undefined;
}

function readTrainingLoop(node: Node, ctx: PythonReadContext): void {
  const left = node.childForFieldName('left');
  let right = node.childForFieldName('right');
  // `pbar = tqdm(range(num_batches)); for i in pbar:`: the progress bar built just before the loop.
  if (right?.type === 'identifier') right = progressBarBefore(node, right.text, ctx) ?? right;
  if (!left || !right || right.type !== 'call') return;
  // tqdm(range(n)), trange(n): progress bars around the same count.
  const wrapper = ctx.callee(right).last;
  if (wrapper === 'tqdm' || wrapper === 'enumerate') {
    let inner = right.childForFieldName('arguments')?.namedChildren[0];
    // `tqdm(list(range(args.start_epoch, args.total_epochs + 1)), ...)` (FlowNet2's main.py): the list of the range.
    if (inner?.type === 'call' && ctx.callee(inner).full === 'list')
      inner = inner.childForFieldName('arguments')?.namedChildren[0];
    if (inner?.type === 'call' && RANGE_CALLEES.has(ctx.callee(inner).full)) right = inner;
  }
  const isRange = RANGE_CALLEES.has(ctx.callee(right).full) || ctx.callee(right).last === 'trange';
  if (!isRange) return;
  const kind: FactKind | null =
    (EPOCH_LOOP_VARIABLE.test(left.text) && !shortNameOverOtherThings(left, right, node)) ||
    countsEpochs(left, right, node)
      ? 'training.epochs'
      : STEP_LOOP_VARIABLE.test(left.text) || countsSteps(left, right, node)
        ? 'training.steps'
        : null;
  if (!kind || runsWithoutGradients(node, ctx) || onlyGenerates(node)) return;
  if (kind === 'training.epochs' && EPISODE_BOUND.test(truncate(right.text, 200))) return;
  if (kind === 'training.steps' && (pacedOrUntrained(node, ctx) || trainsTowardsNoise(ctx))) return;
  const args = (right.childForFieldName('arguments')?.namedChildren ?? []).filter((c): c is Node => c !== null);
  // `range(args.iterations - resume_step)`: the steps left after a resumed checkpoint; a run from the start (the
  // offset is 0 unless one is resumed) makes all of them, so the total is the bound before the offset.
  if (args.length === 1 && args[0].type === 'binary_operator' && args[0].childForFieldName('operator')?.text === '-') {
    const offset = args[0].childForFieldName('right');
    if (offset && offset.text.length <= 100 && RESUME_OFFSET.test(offset.text))
      args[0] = args[0].childForFieldName('left') ?? args[0];
  }
  // `range(start, n)` with `start` the step a resumed checkpoint reached: from the start, n steps (the same reading).
  if (kind === 'training.steps' && args.length === 2 && args[0].text.length <= 100 && RESUME_OFFSET.test(args[0].text))
    args.splice(0, 1);
  // `range(epoch_start, epoch_max + 1)` with `epoch_start` the epoch a resumed checkpoint reached (1 on a fresh run,
  // LIIF's train_liif.py): counted from the first epoch, 1 where the stop is one past the last, 0 otherwise.
  const resumedEpochs =
    kind === 'training.epochs' &&
    args.length === 2 &&
    args[0].type === 'identifier' &&
    args[0].text.length <= 100 &&
    RESUME_OFFSET.test(args[0].text);
  // `range(max(0, last_epoch), a.training_epochs)` (HiFi-GAN and BigVGAN's train.py, `last_epoch = -1` unless a
  // checkpoint is loaded): on a fresh run the loop starts at 0.
  const freshFromZero = kind === 'training.epochs' && args.length === 2 && startsAtZeroUnlessResumed(args[0], ctx);
  const values = args.map((a, n) =>
    resumedEpochs && n === 0
      ? { value: plusConstant(args[1])?.plus === 1 ? 1 : 0, origin: a, via: '' }
      : freshFromZero && n === 0
        ? { value: 0, origin: a, via: '' }
        : (evaluate(a, ctx.symbols) ?? flagDictDefault(a, ctx)),
  );
  const label = `for ${left.text} in ${truncate(right.text, 40)}`;
  // `epochs = config.get('epochs_1st', 200)` with `config = yaml.safe_load(open(config_path))`: the bound is the
  // config's key, its default when the config sets none (a config the program links gives its value, analyze.ts).
  // `range(1, max_epoch + 1)`: the key's value is the last index, one past it the stop.
  const stop = args.length > 0 ? plusConstant(args[args.length - 1]) : undefined;
  const keyed = stop ? configKeyRead(stop.base, ctx) : undefined;
  if (keyed && args.length <= 2 && values.slice(0, -1).every((v) => v && typeof v.value === 'number')) {
    const start = (args.length === 2 ? (values[0]!.value as number) : 0) - stop!.plus;
    const count = keyed.fallback === undefined ? null : Math.max(0, keyed.fallback - start);
    const offset = start === 0 ? '' : ` from ${start}`;
    ctx.add(
      kind,
      count,
      right,
      keyed.fallback === undefined
        ? `${label}: ${keyed.key} of the config the program loads (${keyed.written})`
        : `${label}${offset}: ${keyed.key} of the config the program loads, ${keyed.fallback} when it sets none (${keyed.written})`,
      count === null ? 'low' : 'medium',
    );
    ctx.amendLast({
      configKey: keyed.key,
      originLine: keyed.row,
      ...(start === 0 ? {} : { configKeyOffset: start }),
    });
  } else if (values.length === 0 || values.some((v) => !v || typeof v.value !== 'number')) {
    ctx.add(kind, null, right, `${label}: bound cannot be read statically`, 'low');
    // `range(start_epoch, opt.niter + opt.niter_decay + 1)` with the flags declared in an options module: the count
    // is stop − start, left for that module's defaults (or the launch's values) to fill in (analyze.ts).
    // With the start the epoch a resumed checkpoint reached (`range(start_epoch, opt.niter + opt.niter_decay + 1)`,
    // vid2vid and pix2pixHD, whose `start_epoch` is 1 on a fresh run): counted from the first epoch, as above.
    const sum =
      args.length === 1
        ? flagSumOf([[args[0], 1]], ctx.symbols)
        : args.length === 2 && resumedEpochs
          ? flagSumOf([[args[1], 1]], ctx.symbols)
          : args.length === 2
            ? flagSumOf(
                [
                  [args[1], 1],
                  [args[0], -1],
                ],
                ctx.symbols,
              )
            : undefined;
    if (sum && resumedEpochs) sum.constant -= values[0]!.value as number;
    if (sum) ctx.amendLast({ flagSum: sum });
  } else {
    const nums = values.map((v) => v!.value as number);
    const count = nums.length === 1 ? nums[0] : Math.ceil((nums[1] - nums[0]) / (nums[2] ?? 1));
    const via = values
      .map((v) => v!.via)
      .filter(Boolean)
      .join('; ');
    ctx.add(kind, Math.max(0, count), right, via ? `${label} (${via})` : label, via ? 'medium' : 'high');
    const named = values.find((v) => v!.via);
    if (named) ctx.amendLast({ originLine: named.origin.startPosition.row });
  }
  if (kind === 'training.epochs' && !hasTrainingWord(ctx)) return;
  ctx.add(
    'launch.trainer',
    'loop',
    left,
    kind === 'training.epochs' ? 'training loop over epochs' : 'training loop over steps',
  );
}

/**
 * A train()/fit() inside `for lr in [1e-5, 2e-5, 3e-5]:` (a sweep, seeds, folds) launches one run per
 * value. Loops over epochs or steps are the run itself, not repeats.
 */
export function readRepeat(call: Node, ctx: PythonReadContext): void {
  let node: Node | null = call.parent;
  for (let depth = 0; node && depth < 12; depth++, node = node.parent) {
    if (node.type === 'function_definition' || node.type === 'class_definition') return;
    if (node.type !== 'for_statement') continue;
    const left = node.childForFieldName('left');
    const right = node.childForFieldName('right');
    if (
      !left ||
      !right ||
      EPOCH_LOOP_VARIABLE.test(left.text) ||
      STEP_LOOP_VARIABLE.test(left.text) ||
      /batch|step/i.test(left.text)
    )
      return;
    const r = evaluate(right, ctx.symbols);
    let count: number | undefined;
    if (Array.isArray(r?.value)) count = r.value.length;
    else if (right.type === 'call' && ctx.callee(right).full === 'range') {
      const bounds = (right.childForFieldName('arguments')?.namedChildren ?? []).map(
        (a) => evaluate(a, ctx.symbols)?.value,
      );
      if (bounds.length > 0 && bounds.every((b) => typeof b === 'number')) {
        const [a, b, step] = bounds;
        count = bounds.length === 1 ? a : Math.ceil((b - a) / (step ?? 1));
      }
    }
    if (count !== undefined && count >= 2 && count <= 1000) {
      ctx.add(
        'launch.repeat',
        count,
        node,
        `for ${left.text} in ${truncate(right.text, 30)}: ${count} runs`,
        r?.via ? 'medium' : 'high',
      );
    }
    return;
  }
}

/** `config = yaml.safe_load(open(path))`, `cfg = json.load(f)`: a name holding a loaded YAML/JSON config. */
const LOADED_CONFIG = (name: string) =>
  new RegExp(`^[ \\t]*${name}[ \\t]*=[ \\t]*(?:yaml\\.(?:safe_|full_)?load|json\\.loads?)[ \\t]*\\(`, 'm');
/**
 * `epochs = config.get('epochs_1st', 200)`, `epochs = config['epochs']`: a name read from a dict by a literal key.
 * The dict may be theconf's (`from theconf import Config as C`, `C.get()['epoch']`: the YAML given with `-c`).
 */
const KEY_READ =
  /^(?:([A-Za-z_]\w{0,40})\.get\([ \t]*["'](\w{1,60})["'][ \t]*(?:,[ \t]*(\d{1,9})[ \t]*)?\)|([A-Za-z_]\w{0,40}(?:\.get\(\))?)\[[ \t]*["'](\w{1,60})["'][ \t]*\])$/;

/** `opt.OPTIM.NUM_EPOCHS`, `cfg.epochs`: a name, then one or two attributes (a section and a key). */
const ATTRIBUTE_READ = /^([A-Za-z_]\w{0,40})((?:\.[A-Za-z_]\w{0,60}){1,2})$/;
/**
 * `opt = Config('training.yml')`, `cfg = EasyDict(yaml.safe_load(open('cfg.yaml')))`: a name holding an object made
 * from a config file the script names (the file is linked: configFiles), its keys read as attributes.
 */
const CONFIG_OBJECT = (name: string) =>
  new RegExp(
    `^[ \\t]*${name}[ \\t]*=[ \\t]*[\\w.]{1,60}\\([ \\t]*(?:["'][^"'\\n]{1,200}\\.(?:ya?ml|json)["']|(?:yaml\\.(?:safe_|full_)?load|json\\.load)\\()`,
    'm',
  );

/** A bound written `x + 1` (a small literal added): x, and what is added. */
function plusConstant(bound: Node): { base: Node; plus: number } {
  if (bound.type !== 'binary_operator' || bound.childForFieldName('operator')?.text !== '+')
    return { base: bound, plus: 0 };
  const left = bound.childForFieldName('left');
  const right = bound.childForFieldName('right');
  return left && right?.type === 'integer' && /^[0-9]$/.test(right.text)
    ? { base: left, plus: Number(right.text) }
    : { base: bound, plus: 0 };
}

/** theconf's config object: `from theconf import Config as C` (or `Config`), the YAML the program is given. */
const THECONF = (holder: string) =>
  new RegExp(
    `^[ \\t]*from[ \\t]+theconf[ \\t]+import[ \\t]+[^\\n]*\\b${holder === 'Config' ? 'Config' : `Config[ \\t]+as[ \\t]+${holder}`}\\b`,
    'm',
  );
/** Assignments of the bound's name looked at. */
const MAX_KEY_ASSIGNMENTS = 4;

/**
 * A loop bound read by a literal key from a config the program loads with a YAML or JSON parser: the bound itself
 * (`range(start_epoch, config.get('epochs', 100))`) or a name assigned once from it (`epochs =
 * config.get('epochs_1st', 200)`). The key and the default `.get` gives (none for `config['epochs']`).
 */
function configKeyRead(
  bound: Node,
  ctx: PythonReadContext,
): { key: string; fallback?: number; written: string; row: number } | undefined {
  let read: string | undefined;
  let row = bound.startPosition.row;
  if (bound.type === 'call' || bound.type === 'subscript' || bound.type === 'attribute') read = bound.text;
  else if (bound.type === 'identifier' && /^\w{1,40}$/.test(bound.text)) {
    const assigned = new RegExp(`^[ \\t]*${bound.text}[ \\t]*=(?!=)[ \\t]*([^\\n]{1,200})$`, 'gm');
    const found: string[] = [];
    for (const m of ctx.text.matchAll(assigned)) {
      found.push(m[1].trim());
      if (found.length > MAX_KEY_ASSIGNMENTS) return undefined;
      row = ctx.text.slice(0, m.index).split('\n').length - 1;
    }
    // Assigned once (an `epochs += start_epoch` later is an augmented assignment, not matched here).
    if (found.length !== 1) return undefined;
    read = found[0].replace(/[ \t]*#.*$/, '');
  }
  if (!read || read.length > 200) return undefined;
  // `opt.OPTIM.NUM_EPOCHS` with `opt = Config('training.yml')`: a config object read by attribute, its sections and
  // keys as the file writes them.
  const chain = ATTRIBUTE_READ.exec(read);
  if (chain && CONFIG_OBJECT(chain[1]).test(ctx.text)) return { key: chain[2].slice(1), written: read, row };
  const m = KEY_READ.exec(read);
  if (!m) return undefined;
  const holder = m[1] ?? m[4];
  const theconf = holder.endsWith('.get()') ? holder.slice(0, -'.get()'.length) : undefined;
  if (theconf ? !THECONF(theconf).test(ctx.text) : !LOADED_CONFIG(holder).test(ctx.text)) return undefined;
  const fallback = m[3] === undefined ? undefined : Number(m[3]);
  return { key: m[2] ?? m[5], ...(fallback !== undefined && fallback > 0 ? { fallback } : {}), written: read, row };
}

/** Keyword arguments looked at for a flag made from a dict of defaults. */
const MAX_DICT_KEYWORDS = 2000;

/**
 * `args.iterations` where the flags are made from a dict of defaults (`defaults = dict(iterations=150000, ...)`
 * then one `--name` flag per key, as guided-diffusion's `add_dict_to_argparser` and many scripts do): the
 * keyword's value in a `dict(...)` call of the file, when exactly one such call names it.
 */
function flagDictDefault(node: Node, ctx: PythonReadContext): ReturnType<typeof evaluate> {
  if (node.type !== 'attribute' || !/^(?:args|opt|opts|flags)$/.test(node.childForFieldName('object')?.text ?? ''))
    return undefined;
  const name = node.childForFieldName('attribute')?.text;
  if (!name || !/^\w{1,80}$/.test(name)) return undefined;
  if (!ctx.text.includes('dict(')) return undefined;
  // Each place the text writes `name=`, found in the tree from its offset: walking every keyword of the tree instead
  // cost a long file dearly.
  let found: Node | undefined;
  const written = new RegExp(`\\b${name}[ \\t]*=(?!=)`, 'g');
  let m: RegExpExecArray | null;
  for (let seen = 0; (m = written.exec(ctx.text)) && seen < MAX_DICT_KEYWORDS; seen++) {
    const k = ctx.tree.rootNode.descendantForIndex(m.index)?.parent;
    if (k?.type !== 'keyword_argument' || k.childForFieldName('name')?.text !== name) continue;
    const call = k.parent?.parent;
    if (call?.type !== 'call' || call.childForFieldName('function')?.text !== 'dict') continue;
    if (found) return undefined;
    found = k.childForFieldName('value') ?? undefined;
  }
  const r = found ? evaluate(found, ctx.symbols) : undefined;
  return r && typeof r.value === 'number'
    ? { ...r, via: `${name}=${truncate(found!.text, 20)} in dict(...) of the flags' defaults` }
    : undefined;
}

/** `while global_step < max_steps:`: a step-bounded training loop. */
function readStepWhileLoop(node: Node, ctx: PythonReadContext): void {
  const condition = node.childForFieldName('condition');
  if (condition?.type !== 'comparison_operator') return;
  const [left, right] = condition.namedChildren;
  const op = condition.text.includes('<=') ? '<=' : condition.text.includes('<') ? '<' : null;
  if (!left || !right || !op) return;
  const name = left.text.slice(left.text.lastIndexOf('.') + 1);
  const kind: FactKind | null = /epoch/i.test(name)
    ? 'training.epochs'
    : STEP_LOOP_VARIABLE.test(name) || /step|iter/i.test(name)
      ? 'training.steps'
      : null;
  if (!kind) return;
  if (kind === 'training.steps' && runsWithoutGradients(node, ctx)) return;
  const bound = evaluate(right, ctx.symbols);
  const label = `while ${truncate(condition.text, 40)}`;
  if (typeof bound?.value === 'number') {
    ctx.add(
      kind,
      bound.value + (op === '<=' ? 1 : 0),
      right,
      bound.via ? `${label} (${bound.via})` : label,
      bound.via ? 'medium' : 'high',
    );
    if (bound.via) ctx.amendLast({ originLine: bound.origin.startPosition.row });
  } else {
    ctx.add(kind, null, right, `${label}: bound cannot be read statically`, 'low');
    // `while self.step < self.cfg.num_train_steps:` in a Hydra program: the key of the config Hydra hands it, read
    // from that config once linked (analyze.ts keyedValues).
    const key = hydraConfigKey(right, ctx);
    if (key) ctx.amendLast({ configKey: key });
  }
  ctx.add('launch.trainer', 'loop', condition, 'training loop over steps', 'medium');
}

/** `cfg.num_train_steps`, `self.cfg.max_iters`: a top-level key of the config a `@hydra.main` program is handed. */
function hydraConfigKey(bound: Node, ctx: PythonReadContext): string | undefined {
  if (bound.type !== 'attribute' || !ctx.text.includes('@hydra.main')) return undefined;
  const holder = bound.childForFieldName('object')?.text ?? '';
  const key = bound.childForFieldName('attribute')?.text ?? '';
  return /^(?:self\.)?(?:cfg|config|conf)$/.test(holder) && /^\w{1,60}$/.test(key) ? key : undefined;
}

/** Folders climbed at most from a file's own (`Path(__file__).parent.parent…`), and names followed to their value. */
const MAX_UPS = 6;
const MAX_PATH_HOPS = 4;

/** Enclosing blocks climbed, and statements looked at in each, for a name's assignment. */
const MAX_BLOCKS = 30;
const MAX_STATEMENTS = 500;

/**
 * The value last assigned to a name before its use in an enclosing block (`here = Path(__file__).parent` a line
 * above `here.parent / "x.yaml"`), for names the symbol table leaves out (lines no rule's words are on).
 */
function assignedBefore(use: Node): Node | undefined {
  let at: Node | null = use.parent;
  for (let i = 0; at && i < MAX_BLOCKS; at = at.parent, i++) {
    if (at.type !== 'block' && at.type !== 'module') continue;
    let found: Node | undefined;
    const statements = at.namedChildren;
    for (let k = 0; k < statements.length && k < MAX_STATEMENTS; k++) {
      const statement = statements[k];
      if (!statement || statement.endIndex > use.startIndex) break;
      const assignment = statement.type === 'expression_statement' ? statement.namedChildren[0] : undefined;
      if (assignment?.type !== 'assignment' || assignment.childForFieldName('left')?.text !== use.text) continue;
      found = assignment.childForFieldName('right') ?? undefined;
    }
    if (found) return found;
  }
  return undefined;
}

/**
 * How many folders above the file's own a path base is: `Path(__file__).parent` (0), `Path(__file__).resolve()
 * .parent.parent` (1), or a name bound to one (`here = Path(__file__).parent` then `here.parent.parent`);
 * undefined for anything else.
 */
function foldersUp(node: Node | null, symbols: SymbolTable, hops = 0): number | undefined {
  let ups = 0;
  for (let at = node, i = 0; at && i < 20; i++) {
    if (at.type === 'identifier') {
      const bound = hops < MAX_PATH_HOPS ? (symbols.lookup(at.text)?.node ?? assignedBefore(at)) : undefined;
      if (!bound || bound.id === at.id) return undefined;
      const base = foldersUp(bound, symbols, hops + 1);
      return base === undefined ? undefined : base + ups;
    }
    if (at.type === 'attribute') {
      const name = at.childForFieldName('attribute')?.text;
      if (name !== 'parent') return undefined;
      ups++;
      at = at.childForFieldName('object');
      continue;
    }
    if (at.type !== 'call') return undefined;
    const fn = at.childForFieldName('function');
    const args = at.childForFieldName('arguments')?.namedChildren ?? [];
    // `.resolve()` / `.absolute()` name the same file.
    if (fn?.type === 'attribute' && /^(?:resolve|absolute)$/.test(fn.childForFieldName('attribute')?.text ?? '')) {
      at = fn.childForFieldName('object');
      continue;
    }
    // `Path(__file__)` is the file itself: its first `.parent` is its folder.
    if (/^(?:pathlib\.)?Path$/.test(fn?.text ?? '') && args.length === 1 && args[0]?.text === '__file__')
      return ups >= 1 && ups - 1 <= MAX_UPS ? ups - 1 : undefined;
    return undefined;
  }
  return undefined;
}

/**
 * `here.parent.parent / "configs" / "nemo" / "x.yaml"`: the path from the naming file's folder
 * (`../../configs/nemo/x.yaml`), when every part after the base is a string.
 */
function pathFromOwnFolder(node: Node, symbols: SymbolTable): string | undefined {
  const parts: string[] = [];
  let at: Node | null = node;
  for (let i = 0; at?.type === 'binary_operator' && at.childForFieldName('operator')?.text === '/' && i < 20; i++) {
    const r = evaluate(at.childForFieldName('right'), symbols);
    if (typeof r?.value !== 'string' || !/^[\w.-]{1,200}(?:\/[\w.-]{1,200}){0,8}$/.test(r.value)) return undefined;
    parts.unshift(r.value);
    at = at.childForFieldName('left');
  }
  const ups = foldersUp(at, symbols);
  if (ups === undefined || parts.length === 0) return undefined;
  return [...Array.from({ length: ups }, () => '..'), ...parts].join('/');
}

/**
 * A config file path as scripts write it: a literal or constant, or joined onto the script's own folder
 * (`os.path.join(HERE, "config.json")`, `Path(__file__).parent / "config.yaml"`), where the file name is
 * what links it (links are looked up next to the script first).
 */
function configPathOf(node: Node, symbols: SymbolTable): string | undefined {
  const fromHere = node.type === 'binary_operator' ? pathFromOwnFolder(node, symbols) : undefined;
  if (fromHere) return fromHere;
  const direct = evaluate(node, symbols);
  if (typeof direct?.value === 'string') return direct.value;
  // `f"{opt.config}"`: an f-string that is one interpolation and nothing else is that value.
  if (node.type === 'string') {
    const parts = node.namedChildren.filter((c) => c !== null && c.type !== 'string_start' && c.type !== 'string_end');
    const inner = parts.length === 1 && parts[0]?.type === 'interpolation' ? parts[0].namedChildren[0] : undefined;
    const value = inner && inner.type !== 'string' ? evaluate(inner, symbols) : undefined;
    return typeof value?.value === 'string' ? value.value : undefined;
  }
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

export const distributedDataParallel: CallRule = {
  framework: 'pytorch',
  callees: ['DistributedDataParallel', 'DDP'],
  when: ({ last, ctx }) => last === 'DistributedDataParallel' || /DistributedDataParallel/.test(ctx.text),
  read: ({ node, full, ctx }) => {
    // device_ids=[local_rank] is this process's one GPU; how many processes run is the launcher's business.
    ctx.add(
      'hardware.devices',
      null,
      node,
      `${full}: as many processes as the launcher starts, which this file does not say`,
      'low',
    );
  },
};

/** nn.DataParallel(device_ids=[...]) and TensorFlow's MirroredStrategy(devices=[...]). */
export const dataParallel: CallRule = {
  framework: 'pytorch',
  callees: ['DataParallel', 'MirroredStrategy'],
  words: ['Strategy'],
  read: ({ node, full, ctx }) => {
    const args = node.childForFieldName('arguments');
    const ids = args ? (keywordArgument(args, 'device_ids') ?? keywordArgument(args, 'devices')) : null;
    const r = ids ? evaluate(ids, ctx.symbols) : undefined;
    if (Array.isArray(r?.value)) {
      ctx.add('hardware.devices', r.value.length, ids!, `${full}(device_ids=${truncate(ids!.text, 20)})`);
      // One process feeds every device: the loader's batch is the global batch, split across them.
      ctx.add(
        'training.batchSplit',
        r.value.length,
        ids!,
        `${full} splits each batch across ${r.value.length} devices`,
      );
    } else {
      ctx.add('hardware.devices', null, node, `${full}() uses every visible GPU, which the code does not say`, 'low');
      ctx.add(
        'training.batchPerDevice',
        null,
        node,
        `${full}() splits each batch across every visible GPU, which the code does not say`,
        'low',
      );
    }
  },
};

export const matmulPrecision: CallRule = {
  framework: 'pytorch',
  callees: ['set_float32_matmul_precision'],
  read: ({ node, full, ctx }) => {
    const arg = node.childForFieldName('arguments')?.namedChildren[0];
    const r = arg ? evaluate(arg, ctx.symbols) : undefined;
    if (r?.value === 'high' || r?.value === 'medium')
      ctx.add('training.precision', 'tf32', arg!, `${full}("${String(r.value)}") enables TF32 matmuls`, 'medium');
  },
};

/**
 * `torch.set_default_tensor_type(torch.cuda.HalfTensor)` / `torch.set_default_dtype(torch.float16)` before a model is
 * built: the parameters are created, and so computed, in that dtype (Meta's LLaMA `example.py` and the programs
 * built on it construct the `Transformer` this way; pytorch.org/docs: torch.set_default_tensor_type, "sets the
 * default torch.Tensor type to floating point tensor type t", torch.set_default_dtype). A float32 type says
 * nothing (a program resets it after building the model).
 */
const DEFAULT_TENSOR_DTYPE: Record<string, 'fp16' | 'bf16'> = {
  HalfTensor: 'fp16',
  float16: 'fp16',
  half: 'fp16',
  BFloat16Tensor: 'bf16',
  bfloat16: 'bf16',
};

export const defaultTensorType: CallRule = {
  framework: 'pytorch',
  callees: ['set_default_tensor_type', 'set_default_dtype'],
  when: ({ full }) => full.startsWith('torch.'),
  read: ({ node, full, ctx }) => {
    const arg = node.childForFieldName('arguments')?.namedChildren[0];
    if (!arg || (arg.type !== 'attribute' && arg.type !== 'identifier')) return;
    const last = arg.text.slice(arg.text.lastIndexOf('.') + 1);
    const precision = DEFAULT_TENSOR_DTYPE[last];
    if (precision) ctx.add('training.precision', precision, arg, `${full}(${truncate(arg.text, 40)})`, 'medium');
  },
};

export const torchvisionDatasets: CallRule = {
  framework: 'pytorch',
  callees: Object.keys(TORCHVISION_DATASETS),
  words: ['datasets.'],
  when: ({ full, last }) => /datasets$/.test(full.slice(0, full.length - last.length - 1)),
  read: ({ node, full, last, ctx }) => ctx.add('training.dataset', TORCHVISION_DATASETS[last], node, `${full}(...)`),
};

/**
 * Config classes and readers of a project's own (`Config('training.yml')`, `get_config(...)`): linked only when handed
 * a literal file. The same call handed a flag (`get_config(opts.config)`, shared by a trainer and its test program)
 * names whichever config the launch gives; those links are the launch's to make.
 */
const LITERAL_ONLY_READERS = ['Config', 'read_config', 'parse_config', 'get_config', 'fromfile'];

/**
 * open("config.yaml"), OmegaConf.load("conf/train.yaml"): a config this script reads. A file opened to be written
 * (`open(path, "w")`, mode `a`/`x` too) is the script's output, not its config.
 */
export const configFiles: CallRule = {
  framework: 'pytorch',
  // A repository's own YAML loader (`load_yaml_config(args.config_file)`, `load_config(path)`) reads its config as surely.
  callees: [
    'open',
    'load',
    'safe_load',
    'from_json_file',
    'from_yaml_file',
    'load_yaml_config',
    'load_config',
    'load_yaml',
    // A project's config class or reader handed the file by name (MIRNet's `opt = Config('training.yml')`, a
    // yacs-style wrapper; `read_config('cfg.yaml')`, mmcv's `Config.fromfile('cfg.json')`): a literal only
    // (LITERAL_ONLY_READERS).
    ...LITERAL_ONLY_READERS,
  ],
  words: ['open(', 'load(', 'config(', 'Config(', 'fromfile('],
  // A project reader handed no literal is left to the rules that know it (lavisProgram.ts: LAVIS's `Config(args)`).
  when: ({ node, full, last }) =>
    (full === 'open' || last !== 'open') &&
    !!node.childForFieldName('arguments') &&
    (!LITERAL_ONLY_READERS.includes(last) || node.childForFieldName('arguments')?.namedChildren[0]?.type === 'string'),
  read: ({ node, full, last, ctx }) => {
    const args = node.childForFieldName('arguments')!.namedChildren;
    const first = args[0];
    if (full === 'open' && opensToWrite(args)) return;
    const literal = LITERAL_ONLY_READERS.includes(last);
    const path = !first ? undefined : literal ? (stringLiteral(first) ?? undefined) : configPathOf(first, ctx.symbols);
    if (path !== undefined && /\.(ya?ml|json)$/.test(path)) ctx.add('link.config', path, first!, `${full}("${path}")`);
  },
};

/** `open(path, "w")`, `open(path, mode="a")`: the mode (second positional or `mode=`) writes, appends or creates. */
function opensToWrite(args: ReadonlyArray<Node | null>): boolean {
  const mode =
    args
      .find((a) => a?.type === 'keyword_argument' && a.childForFieldName('name')?.text === 'mode')
      ?.childForFieldName('value') ?? (args[1] && args[1].type !== 'keyword_argument' ? args[1] : undefined);
  return mode?.type === 'string' && /^[rbtU]*[wax]/.test(mode.text.replace(/^[A-Za-z]*["']/, ''));
}

/**
 * A training script whose model comes from a saved checkpoint: `model, tokenizer, meta = load_model("base", device)`,
 * `model = load_checkpoint(path)` (a project's own loader, Keras `load_model`) in a file that trains (a loop, a
 * backward pass, fit): training continues from trained weights. Low confidence: a stated start (a pretrained id,
 * a fresh constructor) decides first. A script that only evaluates the loaded model is left to the serving rules.
 */
const SAVED_MODEL_LOADERS = new Set(['load_model', 'load_checkpoint']);

export const savedModelLoader: FileRule = {
  framework: 'pytorch',
  phase: 'after-calls',
  words: ['load_model', 'load_checkpoint'],
  read: (index, ctx) => {
    if (ctx.facts.some((f) => f.kind === 'model.fromScratch')) return;
    const trainers = ctx.facts.filter((f) => f.kind === 'launch.trainer' && !String(f.value).startsWith('construct:'));
    if (trainers.length === 0) return;
    // A load after the last training call reloads what the run saved (Keras's `ModelCheckpoint(save_best_only=True)`
    // then `model = keras.models.load_model(path)` to evaluate it): the trained model, not the start of training.
    const lastTraining = Math.max(...trainers.map((f) => f.range.startLine));
    for (const node of index.calls) {
      const { full, last } = ctx.callee(node);
      if (!SAVED_MODEL_LOADERS.has(last) || node.startPosition.row > lastTraining) continue;
      // `if checkpoint_path is not None: model, … = load_checkpoint(checkpoint_path, model, optimizer)` with the path's
      // flag empty by default: a resume a plain run does not take.
      if (!onDefaultPath(node, ctx.symbols)) continue;
      const assignment = node.parent?.type === 'assignment' ? node.parent : undefined;
      const left = assignment?.childForFieldName('left');
      const first = left?.type === 'identifier' ? left : left?.namedChildren[0];
      if (assignment?.childForFieldName('right')?.id !== node.id || !/^(?:\w+_)?model$/i.test(first?.text ?? '')) {
        if (last === 'load_checkpoint' && loadsPretrainedInto(node, ctx)) {
          ctx.add(
            'model.fromScratch',
            false,
            node,
            `${truncate(full, 40)}(${truncate(node.childForFieldName('arguments')?.namedChildren[0]?.text ?? '', 40)}, …) fills the network it trains with pretrained weights: a fine-tune`,
            'medium',
          );
          return;
        }
        continue;
      }
      // The file's own `def load_model(hparams): model = Tacotron2(hparams).cuda() ...` builds a fresh network (Tacotron
      // 2's train.py): it loads no weights, whatever it is called.
      if (full === last && buildsWithoutWeights(last, ctx)) continue;
      ctx.add(
        'model.fromScratch',
        false,
        node,
        `${truncate(full, 40)}(...) loads the model it trains from a saved checkpoint: training continues from it`,
        'low',
      );
      return;
    }
  },
};

/** What reads weights into a model: a checkpoint file, a state dict, a pretrained id or switch, a saved model. */
const READS_WEIGHTS =
  /\b(?:torch\.load|load_state_dict|from_pretrained|load_checkpoint|load_model|load_weights|hub\.load|restore)\b|\bpretrained[ \t]*=/;

/** Whether this file defines `name` at its top level, with a body that reads no weights (it builds the network). */
function buildsWithoutWeights(name: string, ctx: PythonReadContext): boolean {
  for (const child of ctx.tree.rootNode.namedChildren) {
    if (child?.type !== 'function_definition' || child.childForFieldName('name')?.text !== name) continue;
    const body = child.childForFieldName('body')?.text ?? '';
    return body.length < 20_000 && !READS_WEIGHTS.test(body);
  }
  return false;
}

/** A path that names pretrained weights (`hps.pretrain_G`, `args.pretrained_ckpt`, `PRETRAINED_PATH`). */
const PRETRAINED_PATH = /(?:^|[._])(?:[Pp]re_?[Tt]rain(?:ed)?|PRE_?TRAIN(?:ED)?)(?:_|[A-Z]|$)/;
/** Enclosing statements looked at for the branch a load sits in. */
const MAX_LOAD_DEPTH = 6;

/**
 * `utils.load_checkpoint(hps.pretrain_G, net_g, None, skip_optimizer=True)`: a statement of its own (the VITS-family
 * loader fills the network passed to it in place, models/utils.py of jaywalnut310/vits and its forks) whose
 * checkpoint names pretrained weights and whose network is a name: the run fine-tunes it. Not a resume of the run's
 * own checkpoints (`load_checkpoint(latest_checkpoint_path(model_dir, "G_*.pth"), net_g, optim_g)`: no pretrained
 * name), and not a load under a branch the defaults decide off (`if args.pretrained:` with the flag's default None).
 */
function loadsPretrainedInto(node: Node, ctx: PythonReadContext): boolean {
  if (node.parent?.type !== 'expression_statement') return false;
  const args = node.childForFieldName('arguments')?.namedChildren ?? [];
  const [path, network] = args;
  if (!path || !network || path.type === 'keyword_argument' || network.type !== 'identifier') return false;
  if ((path.type !== 'attribute' && path.type !== 'identifier') || !PRETRAINED_PATH.test(path.text)) return false;
  let at: Node | null = node.parent;
  for (let depth = 0; at && depth < MAX_LOAD_DEPTH; depth++, at = at.parent) {
    if (at.type === 'if_statement') {
      const test = at.childForFieldName('condition');
      if (test && decideCondition(test, ctx.symbols) === false) return false;
    }
    if (at.type === 'function_definition' || at.type === 'module') break;
  }
  return true;
}

/** A branch on a precision setting compared with a value (`if precision == "amp_bf16":`, `elif args.precision in (…)`). */
const PRECISION_TEST = /\bprecision\s*(?:==|!=|in\b)/;
/** Enclosing statements looked at: a helper's branch is a few levels above its call. */
const MAX_BRANCH_DEPTH = 8;
function inPrecisionBranch(node: Node): boolean {
  let at: Node | null = node.parent;
  for (let depth = 0; at && depth < MAX_BRANCH_DEPTH; depth++, at = at.parent) {
    if (at.type === 'if_statement' || at.type === 'elif_clause' || at.type === 'conditional_expression') {
      const test = at.type === 'conditional_expression' ? at.namedChildren[1] : at.childForFieldName('condition');
      if (test && PRECISION_TEST.test(test.text)) return true;
    }
    if (at.type === 'function_definition' || at.type === 'module') return false;
  }
  return false;
}

/**
 * `torch.autocast(...)`, `torch.cuda.amp.autocast()` (not one with `enabled=False`). A framework object's own `autocast()` is left alone:
 * Accelerate's `accelerator.autocast()` casts in whatever `Accelerator(mixed_precision=...)` was built with, and not
 * at all when that is "no" (huggingface.co/docs/accelerate/package_reference/accelerator: Accelerator, autocast);
 * the precision is read where the Accelerator is built.
 */
/**
 * NVIDIA apex AMP: `model, optimizer = amp.initialize(model, optimizer, opt_level="O1")`. The optimisation level fixes
 * the precision (apex docs, apex.amp "Opt-levels": O0 pure FP32; O1 mixed precision with FP16 casts; O2 "almost FP16"
 * mixed precision; O3 pure FP16): O1–O3 compute in float16, O0 in float32. Read only where the level resolves (a
 * literal, a constant, a flag's default); a flag without a default leaves the precision unknown. Only apex's `amp`
 * (imported from apex), not another library's initialize.
 */
export const apexAmp: CallRule = {
  framework: 'pytorch',
  callees: ['initialize'],
  words: ['opt_level'],
  when: ({ full, ctx }) =>
    (full === 'amp.initialize' || full === 'apex.amp.initialize') &&
    /^[ \t]*(?:from[ \t]+apex\b|import[ \t]+apex\b)/m.test(ctx.text),
  read: ({ node, full, args, ctx }) => {
    const level = args ? keywordArgument(args, 'opt_level') : null;
    if (!level) return;
    const r = evaluate(level, ctx.symbols) ?? mirroredLevelFlag(level, ctx.text);
    const value = typeof r?.value === 'string' ? r.value.trim().toUpperCase() : undefined;
    if (!value || !/^O[0-3]$/.test(value)) return;
    const precision = value === 'O0' ? 'fp32' : 'fp16';
    // `if opt.fp16: … amp.initialize(…)` under a switch declared in another module (pix2pixHD's options classes):
    // the switch decides, off in a plain run as an AMP switch is (store_true), on for a launch that gives it.
    const guard = precision === 'fp16' ? unreadAmpGuard(node, ctx.symbols) : undefined;
    if (guard) {
      ctx.add(
        'training.precision',
        'fp32',
        level,
        `${full}(opt_level="${value}") only under \`if ${guard.test}:\`: float32 unless \`--${guard.flag}\` is given`,
        'low',
      );
      ctx.amendLast({ fromFlags: [guard.flag], flagDefault: [guard.flag], picks: [['*', 'fp16']] });
      return;
    }
    ctx.add(
      'training.precision',
      precision,
      level,
      `${full}(opt_level="${value}"): apex AMP ${value === 'O0' ? 'pure float32' : 'float16 mixed precision'}${r?.via ? ` (${truncate(r.via, 60)})` : ''}`,
      r?.via ? 'medium' : 'high',
    );
    if (r?.via) ctx.amendLast({ originLine: r.origin.startPosition.row });
  },
};

/**
 * A level read from the program's config that mirrors a flag of the same name (Swin-Transformer-style programs:
 * `--amp-opt-level` with `default='O1'`, copied into `config.AMP_OPT_LEVEL` by their `update_config(args)`, then
 * `amp.initialize(…, opt_level=config.AMP_OPT_LEVEL)`): the flag's default, as a launch without the flag runs it.
 */
function mirroredLevelFlag(level: Node, text: string): { value: string; origin: Node; via: string } | undefined {
  if (level.type !== 'attribute') return undefined;
  const name = level.childForFieldName('attribute')?.text.toLowerCase();
  if (!name || !/^\w{1,60}$/.test(name)) return undefined;
  const flag = name.replace(/_/g, '[_-]');
  const m = new RegExp(
    `add_argument\\([ \\t]*["']--(${flag})["'][^)]{0,400}?\\bdefault[ \\t]*=[ \\t]*["'](O[0-3])["']`,
    'i',
  ).exec(text);
  return m ? { value: m[2], origin: level, via: `default of --${m[1]}` } : undefined;
}

/** `from torch.cuda.amp import autocast`, `from torch import autocast`, `from torch.amp import (GradScaler, autocast)`. */
const TORCH_AUTOCAST_IMPORT =
  /^[ \t]*from[ \t]+torch(?:\.[\w.]{1,60})?[ \t]+import[ \t]+(?:\([^)]{0,2000}\bautocast\b|[^\n#]{0,500}\bautocast\b)/m;

/** A name holding an AMP switch (`use_amp`, `args.fp16`, `cfg.mixed_precision`), not a device type. */
const POSITIONAL_SWITCH = /^(?:[A-Za-z_]\w{0,40}\.){0,3}(?:use_)?(?:amp|fp16|half|mixed_precision|enable_amp)$/;

export const autocast: CallRule = {
  framework: 'pytorch',
  callees: ['autocast'],
  read: ({ node, full, ctx }) => {
    if (full.includes('.') && !full.startsWith('torch.')) return;
    const args = node.childForFieldName('arguments');
    // `autocast('cuda', enabled=False)` (often a decorator keeping a numerically delicate step in float32) turns
    // mixed precision off for what it wraps: it says nothing of the run's precision.
    // So does `enabled=switch` where the switch is known to be off (`autocast(enabled=params.use_fp16)` with the flag
    // off by default): the switch, read where it is declared, decides; one decided at run time leaves autocast on.
    // torch.cuda.amp.autocast's first parameter is `enabled` (`amp.autocast(use_amp)`); torch.autocast's is the
    // device type, so only a switch's name there (`use_amp`, `args.fp16`) is taken for `enabled`.
    const first = args ? positionalArguments(args)[0] : undefined;
    const enabled = args
      ? (keywordArgument(args, 'enabled') ?? (first && POSITIONAL_SWITCH.test(first.text) ? first : null))
      : null;
    const dtypeWord = args ? keywordArgument(args, 'dtype')?.text : undefined;
    const on = dtypeWord && /bfloat16|bf16/.test(dtypeWord) ? 'bf16' : 'fp16';
    if (enabled && !inPrecisionBranch(node) && offSwitchFlag(enabled, on, node, full, ctx)) return;
    if (enabled && (enabled.text === 'False' || evaluate(enabled, ctx.symbols)?.value === false)) return;
    // `autocast(enabled=hps.train.fp16_run)`: the run's config file decides (as for GradScaler).
    if (enabled && configSwitch(enabled, ctx.symbols)) return;
    if (enabled && switchFromUnpackedConfig(enabled, ctx.text)) return;
    // `autocast(enabled=args.amp)` in a module that parses no flags: the program's flag decides (as for GradScaler).
    if (enabled && flagsParsedElsewhere(enabled, ctx.symbols, ctx.text)) return;
    // open_clip's and OpenFlamingo's `get_autocast(precision)`: `if precision == "amp_bf16": return
    // torch.cuda.amp.autocast(dtype=torch.bfloat16)`. The branch is the `--precision` flag's choice; the flag's
    // default (read where it is declared) says which runs, not each branch.
    if (inPrecisionBranch(node)) return;
    // `autocast = get_autocast(args.precision)` then `with autocast():`: the name holds the helper's choice.
    if (!full.includes('.') && /^[ \t]*autocast[ \t]*=[ \t]*[A-Za-z_]/m.test(ctx.text)) return;
    // A bare `autocast()` is torch's only where the file imports it from torch; elsewhere the name is the program's
    // own (a parameter holding `lambda: torch.autocast(..., dtype=amp_dtype)` or a null context), read where it is made.
    if (!full.includes('.') && !TORCH_AUTOCAST_IMPORT.test(ctx.text)) return;
    const dtype = args ? keywordArgument(args, 'dtype') : null;
    if (dtype) readKeyword('dtype', dtype, ctx, full);
    // A bare autocast in a file that reads the run's `mixed_precision` setting (a wrapper applied only when
    // `args.mixed_precision != "no"`) follows that setting: the setting is read where it is declared.
    else if (/\bmixed_precision\b/.test(ctx.text)) return;
    else ctx.add('training.precision', 'fp16', node, `${full} without dtype uses float16 on CUDA`, 'medium');
  },
};

/**
 * `param_dtype=`: the dtype the parameters are computed in. FSDP's `MixedPrecision(param_dtype=torch.bfloat16)`
 * ("param_dtype specifies the dtype for the unsharded parameter and, consequently, the dtype for forward/backward
 * computation", torch.distributed.fsdp docs), and model wrappers that hand it on to DeepSpeed (OpenRLHF's
 * `Actor(..., param_dtype=args.ds.param_dtype)`, "Model data type"). Read on any call; the call is then handed
 * on to the rules for its callee.
 */
export const paramDtype: CallRule = {
  framework: 'pytorch',
  words: ['param_dtype'],
  when: ({ args, argsText }) =>
    args !== null && argsText.includes('param_dtype') && keywordArgument(args, 'param_dtype') !== null,
  read: ({ args, full, ctx }) => {
    const value = args ? keywordArgument(args, 'param_dtype') : null;
    if (value) readKeyword('param_dtype', value, ctx, full);
    return false;
  },
};

/**
 * `precision_scope = autocast if opt.precision == "autocast" else nullcontext`, then `with precision_scope("cuda"):`
 * around the model's calls (the `--precision full|autocast` switch of the latent-diffusion / Stable Diffusion sampling
 * scripts, and any program choosing its context manager so): the side the flags' defaults pick is what runs.
 * Autocast picked: float16, autocast's CUDA dtype when none is given (pytorch.org/docs/stable/amp.html,
 * torch.autocast: "device_type ... dtype: defaults to torch.get_autocast_dtype", float16 on CUDA), bfloat16 when the
 * call names it; nullcontext picked: nothing is cast, float32. A choice the defaults do not decide says nothing, and
 * neither does an assignment whose name is never entered with `with`.
 */
const AUTOCAST_SIDE = /^(?:torch\.)?(?:cuda\.amp\.)?autocast$/;
const NULL_SIDE = /^(?:contextlib\.)?nullcontext$/;

export const chosenAutocast: StatementRule = {
  framework: 'pytorch',
  nodeType: 'assignment',
  words: ['nullcontext'],
  read: (node, ctx) => {
    const { left, right } = ctx.syntax.sidesOf(node);
    if (left?.type !== 'identifier' || right?.type !== 'conditional_expression') return;
    const [yes, test, no] = right.namedChildren;
    if (!yes || !test || !no) return;
    const autocastFirst = AUTOCAST_SIDE.test(yes.text) && NULL_SIDE.test(no.text);
    if (!autocastFirst && !(AUTOCAST_SIDE.test(no.text) && NULL_SIDE.test(yes.text))) return;
    if (ctx.facts.some((f) => f.kind === 'training.precision')) return;
    const entered = new RegExp(`\\bwith[ \\t]+${left.text}[ \\t]*\\(([^)\\n]{0,200})\\)`).exec(ctx.text);
    if (!entered || /^\s*["']cpu["']/.test(entered[1])) return;
    const decided = decideCondition(test, ctx.symbols);
    if (decided === undefined) return;
    const picksAutocast = decided === autocastFirst;
    const precision = !picksAutocast ? 'fp32' : /\bbfloat16\b/.test(entered[1]) ? 'bf16' : 'fp16';
    ctx.add(
      'training.precision',
      precision,
      node,
      picksAutocast
        ? `${left.text} = ${truncate(right.text, 70)}: the defaults pick autocast (${precision === 'bf16' ? 'bfloat16' : 'float16 on CUDA'})`
        : `${left.text} = ${truncate(right.text, 70)}: the defaults pick nullcontext (no autocast, float32)`,
      'medium',
    );
  },
};

/**
 * `GradScaler() if dtype == torch.float16 else None`, `GradScaler() if cfg.use_fp16 else None`: a scaler only for the
 * float16 case (or under the program's AMP switch), which the test decides.
 */
const FLOAT16_TEST = /(?:\b|_)(?:float16|half|fp16|amp)\b/;

/**
 * `GradScaler()`, and the wrappers MAE/DeiT-style programs build around it: timm's `NativeScaler` ("wraps
 * torch.cuda.amp.GradScaler", timm/utils/cuda.py) and MAE's `NativeScalerWithGradNormCount` (util/misc.py of
 * facebookresearch/mae), each holding a `torch.cuda.amp.GradScaler()`; and apex's `FP16_Optimizer` (apex.fp16_utils,
 * apex.optimizers), which wraps the optimizer of a model made half precision with `model.half()` and scales its loss
 * (NVIDIA apex docs, "apex.fp16_utils": "FP16_Optimizer is designed to wrap an existing PyTorch optimizer, and
 * manage static or dynamic loss scaling and master weights"), as DialoGPT's and Megatron's early training programs do.
 */
export const gradScaler: CallRule = {
  framework: 'pytorch',
  callees: ['GradScaler', 'NativeScaler', 'NativeScalerWithGradNormCount', 'FP16_Optimizer'],
  read: ({ node, full, ctx }) => {
    const parent = node.parent;
    if (parent?.type === 'conditional_expression' && parent.namedChildren[0]?.id === node.id) {
      const test = parent.namedChildren[1];
      // Undecided (a dtype chosen at run time) or decided against: no reading.
      if (test && FLOAT16_TEST.test(test.text) && evaluate(test, ctx.symbols)?.value !== true) return;
    }
    // `GradScaler(enabled=cfg.use_fp16)`: with `enabled=False` the scaler does nothing (PyTorch docs,
    // torch.amp.GradScaler: "If False, disables gradient scaling. step simply invokes the underlying optimizer's
    // step()"), so a switch known to be off (a flag or setting whose default is False) says nothing of the precision.
    // A switch decided at run time (`amp = check_amp(model)`, a check that AMP works on the device) leaves the scaler
    // as the program's mixed-precision path.
    const enabled = keywordArgument(node.childForFieldName('arguments') ?? node, 'enabled');
    if (enabled && offSwitchFlag(enabled, 'fp16', node, full, ctx)) return;
    if (enabled && evaluate(enabled, ctx.symbols)?.value === false) return;
    // `GradScaler(enabled=hps.train.fp16_run)`: a switch the run's config file sets, which the config decides (read
    // there: VITS `train.fp16_run`), not the scaler.
    if (enabled && configSwitch(enabled, ctx.symbols)) return;
    // `def train(..., use_amp, ...)` called as `train(n_gpus, rank, **train_config)`: the config decides.
    if (enabled && switchFromUnpackedConfig(enabled, ctx.text)) return;
    // `GradScaler(enabled=args.amp)` in a module that parses no flags (DETR-style engine.py, handed `args` by main.py):
    // the switch is the program's flag, decided where it is parsed and on the launch line, not here.
    if (enabled && flagsParsedElsewhere(enabled, ctx.symbols, ctx.text)) return;
    // Built always, used only under the program's AMP switch (`loss_scaler = NativeScaler()  # if args.use_amp is
    // False, this won't be used`, ConvNeXt-style main.py with `--use_amp` default False): the switch decides.
    if (ampSwitchOff(ctx.text)) return;
    // `if args.fp16: optimizer = FP16_Optimizer(...)` under a switch declared in another module (GLM's arguments.py):
    // the switch decides, off in a plain run as an AMP switch is (store_true), on for a launch that gives it.
    const guard = full.endsWith('FP16_Optimizer') ? unreadAmpGuard(node, ctx.symbols) : undefined;
    if (guard) {
      ctx.add(
        'training.precision',
        'fp32',
        node,
        `${full} only under \`if ${guard.test}:\`: float32 unless \`--${guard.flag}\` is given`,
        'low',
      );
      ctx.amendLast({ fromFlags: [guard.flag], flagDefault: [guard.flag], picks: [['*', 'fp16']] });
      return;
    }
    ctx.add('training.precision', 'fp16', node, `${full}: loss scaling is for float16 mixed precision`, 'medium');
  },
};

/**
 * `GradScaler(enabled=args.mixed_precision)`, `autocast(enabled=args.amp)` with the switch a flag off by default
 * (`--mixed_precision` store_true): float32 as the program runs by default, and `on` (float16 mixed precision) for a
 * launch that gives the flag (RAFT's train_mixed.sh), read by analyze.ts as any flag's pick. Whether it added that.
 */
function offSwitchFlag(enabled: Node, on: string, node: Node, full: string, ctx: PythonReadContext): boolean {
  const r = evaluate(enabled, ctx.symbols);
  const declared = r?.value === false ? pureFlagDefault(`(${r.via})`) : undefined;
  const root = enabled.type === 'attribute' ? enabled.childForFieldName('object') : null;
  const name = enabled.childForFieldName('attribute')?.text;
  // A store_true switch (argparse: False unless given), declared in this file.
  const flags =
    declared ??
    (r === undefined && root?.type === 'identifier' && FLAGS_ROOT.test(root.text) && name && storeTrue(ctx, name)
      ? [name]
      : undefined);
  if (!flags || ctx.facts.some((f) => f.kind === 'training.precision' && f.flagDefault?.includes(flags[0])))
    return false;
  const why = declared ? r!.via : `\`--${flags[0]}\` is store_true`;
  ctx.add(
    'training.precision',
    'fp32',
    node,
    `${full}(enabled=${truncate(enabled.text, 40)}): off by default (${why}), ${on} when the flag is given`,
    'medium',
  );
  ctx.amendLast({ fromFlags: flags, flagDefault: flags, picks: [['*', on]] });
  return true;
}

/** An AMP switch's name (`fp16`, `use_amp`, `mixed_precision`, `amp`). */
const AMP_SWITCH_NAME = /^(?:use_)?(?:amp|fp16|half|mixed_precision)$/;
/** Ancestors looked at for the `if` a call sits in. */
const MAX_GUARD_CLIMB = 12;

/**
 * The AMP switch a call sits under (`if opt.fp16:`, `if args.use_amp:`) when this file cannot read it (the flag is
 * declared in another module): its flag, and the test as written.
 */
function unreadAmpGuard(node: Node, symbols: SymbolTable): { flag: string; test: string } | undefined {
  let at: Node | null = node.parent;
  for (let i = 0; at && i < MAX_GUARD_CLIMB; i++, at = at.parent) {
    if (at.type === 'function_definition' || at.type === 'module') return undefined;
    if (at.type !== 'if_statement') continue;
    const test = at.childForFieldName('condition');
    const root = test?.type === 'attribute' ? test.childForFieldName('object') : null;
    const name = test?.childForFieldName('attribute')?.text;
    if (!test || !name || root?.type !== 'identifier' || !FLAGS_ROOT.test(root.text)) continue;
    if (!AMP_SWITCH_NAME.test(name) || evaluate(test, symbols) !== undefined) return undefined;
    return { flag: name, test: test.text };
  }
  return undefined;
}

/** Store_true answers per file, by flag: each is one pass over the text, asked once however many calls name it. */
const STORE_TRUE = new WeakMap<PythonReadContext, Map<string, boolean>>();

/** Whether the file declares `--name` (dashes or underscores) as a store_true flag with no default of True. */
export function storeTrue(ctx: PythonReadContext, name: string): boolean {
  let known = STORE_TRUE.get(ctx);
  if (!known) STORE_TRUE.set(ctx, (known = new Map<string, boolean>()));
  const held = known.get(name);
  if (held !== undefined) return held;
  const spelled = name.replace(/[-_]/g, '[-_]');
  const line = new RegExp(`["']--${spelled}["'][^\\n]{0,300}`).exec(ctx.text)?.[0];
  const answer =
    line !== undefined &&
    /\baction[ \t]*=[ \t]*["']store_true["']/.test(line) &&
    !/\bdefault[ \t]*=[ \t]*True\b/.test(line);
  known.set(name, answer);
  return answer;
}

/** Names a program keeps its loaded config under (`hps = utils.get_hparams()`, `cfg = load_config(path)`). */
const CONFIG_ROOT = /^(?:hps|hparams|hp|cfg|conf|config|configs|settings|params)$|_(?:cfg|config|conf|hparams|params)$/;
/** Attribute or key steps looked at on the way to the root name. */
const MAX_SWITCH_DEPTH = 6;

/**
 * A switch read from the run's loaded config (`hps.train.fp16_run`, `cfg.amp`, `config["fp16"]`) that the program's
 * own text does not decide: the config sets it, so the call it is handed to says nothing by itself.
 */
function configSwitch(value: Node, symbols: SymbolTable): boolean {
  if (value.type !== 'attribute' && value.type !== 'subscript') return false;
  if (evaluate(value, symbols) !== undefined) return false;
  let at: Node | null = value;
  for (let depth = 0; at && depth < MAX_SWITCH_DEPTH; depth++) {
    if (at.type === 'identifier') return CONFIG_ROOT.test(at.text);
    if (at.type === 'attribute') at = at.childForFieldName('object');
    else if (at.type === 'subscript') at = at.childForFieldName('value');
    else return false;
  }
  return false;
}

/** Calls of one function looked at for a `**config` handed to it. */
const MAX_CALLS_LOOKED_AT = 20;

/**
 * `enabled=use_amp` where `use_amp` is a parameter, without a default, of the function the call sits in, and the
 * module calls that function with a config dict unpacked into its keywords (`train(n_gpus, rank, **train_config)`:
 * NVIDIA's WaveGlow/Tacotron 2/RADTTS-style trainers): the switch is the config's, read there (`use_amp: false`), not
 * the call's. Undecided here.
 */
function switchFromUnpackedConfig(value: Node, text: string): boolean {
  if (value.type !== 'identifier') return false;
  let fn: Node | null = value.parent;
  while (fn && fn.type !== 'function_definition') fn = fn.parent;
  const name = fn?.childForFieldName('name')?.text;
  const params = fn?.childForFieldName('parameters');
  if (!name || !params || !/^\w{1,60}$/.test(name)) return false;
  if (!params.namedChildren.some((p) => p?.type === 'identifier' && p.text === value.text)) return false;
  const call = new RegExp(`(?<![\\w.])${name}\\(([^()]{0,400})\\)`, 'g');
  let m: RegExpExecArray | null;
  for (let i = 0; i < MAX_CALLS_LOOKED_AT && (m = call.exec(text)); i++)
    if (
      /\*\*[A-Za-z_]\w{0,60}[ \t\n]*$/.test(m[1]) &&
      !/\bdef[ \t]+$/.test(text.slice(Math.max(0, m.index - 8), m.index))
    )
      return true;
  return false;
}

/** Names a program's parsed command-line flags go by (`args = parser.parse_args()`, `opt`, `FLAGS`). */
const FLAGS_ROOT = /^(?:args|opt|opts|flags|FLAGS)$/;

/**
 * `args.amp` where this module parses no flags (no `add_argument` in it): a flag of the program that hands `args`
 * in, whose default and launch value are read there. Undecided here.
 */
function flagsParsedElsewhere(value: Node, symbols: SymbolTable, text: string): boolean {
  if (value.type !== 'attribute' || text.includes('add_argument') || evaluate(value, symbols) !== undefined)
    return false;
  const root = value.childForFieldName('object');
  return root?.type === 'identifier' && FLAGS_ROOT.test(root.text);
}

/** An AMP switch declared as a flag (`--use_amp`, `--amp`, `--fp16`, `--use-fp16`), on one line with its default. */
const AMP_SWITCH = /["']--(?:use[_-])?(?:amp|fp16|mixed[_-]precision)["'][^\n]{0,300}/g;
const MAX_SWITCHES = 8;

/** AMP machinery a program may run under its switch: autocast, a loss scaler, apex's initialize. */
const AMP_MACHINERY = /\b(?:torch\.(?:cuda\.)?(?:amp\.)?autocast|GradScaler|NativeScaler\w{0,30}|amp\.initialize)\b/;

/**
 * A program whose AMP code runs only under its own switch, declared off by default (`--amp` store_true, `--use_amp`
 * default False: timm-style `if args.amp: ... amp_autocast = torch.cuda.amp.autocast; loss_scaler = NativeScaler()`):
 * float32 as it runs by default, float16 mixed precision for a launch that gives the switch (FAN's and MambaVision's
 * scripts run train.py with `--amp`), as offSwitchFlag reads `GradScaler(enabled=args.amp)`. Only where nothing else
 * read a precision.
 */
export const ampSwitchDefault: FileRule = {
  framework: 'pytorch',
  phase: 'after-calls',
  words: [
    '--amp',
    '--use_amp',
    '--use-amp',
    '--fp16',
    '--use_fp16',
    '--use-fp16',
    '--mixed_precision',
    '--mixed-precision',
  ],
  read: (_index, ctx) => {
    if (ctx.facts.some((f) => f.kind === 'training.precision') || !AMP_MACHINERY.test(ctx.text)) return;
    const off = ampSwitchOff(ctx.text);
    if (!off) return;
    const spelled = off.replace(/_/g, '[-_]');
    const at = new RegExp(`["']--${spelled}["']`).exec(ctx.text);
    if (!at) return;
    const row = ctx.text.slice(0, at.index).split('\n').length - 1;
    const call = ctx.tree.rootNode
      .descendantsOfType('call', { row, column: 0 }, { row: row + 1, column: 0 })
      .find((c) => c !== null && c.startPosition.row <= row);
    if (!call) return;
    ctx.add(
      'training.precision',
      'fp32',
      call,
      `the program's AMP switch \`--${off}\` is off by default: float32, fp16 mixed precision when a launch gives it`,
      'medium',
    );
    ctx.amendLast({ fromFlags: [off], flagDefault: [off], picks: [...OFF_WORDS, ['*', 'fp16']] });
  },
};

/** Words a launch may give an off-by-default AMP switch that keep it off (`--use_amp false`). */
const OFF_WORDS: ReadonlyArray<readonly [string, string]> = ['False', 'false', '0', 'no', 'None'].map(
  (w) => [w, 'fp32'] as const,
);

/**
 * The program's AMP switch when it declares it off by default (`default=False`/`None`, or `store_true` with no
 * default): the flag's destination (`amp`, `use_amp`), or undefined.
 */
function ampSwitchOff(text: string): string | undefined {
  if (!text.includes('--')) return undefined;
  let seen = 0;
  for (const m of text.matchAll(AMP_SWITCH)) {
    if (++seen > MAX_SWITCHES) break;
    const line = m[0];
    const dest = /^["']--([\w-]{1,40})["']/.exec(line)?.[1]?.replace(/-/g, '_');
    const value = /\bdefault[ \t]*=[ \t]*(\w+)/.exec(line)?.[1];
    if (value === 'False' || value === 'None' || value === '0') return dest;
    if (value === undefined && /\baction[ \t]*=[ \t]*["']store_true["']/.test(line)) return dest;
  }
  return undefined;
}

/** An optimiser, or a step of one, anywhere in the file: gradients are applied to weights. */
const APPLIES_GRADIENTS = /\boptim\.|optimi[sz]er|\.step[ \t]*\(|\.fit[ \t]*\(|Trainer\b|\.apply_gradients\b/i;

/**
 * A hand-written update of the weights from their gradients, with no optimiser object: `p.data -= lr * p.grad`,
 * `p.data += -0.1 * p.grad`, `w = w - lr * w.grad`, `p.data.add_(p.grad, alpha=-lr)`. Bounded to one line each side.
 */
const MANUAL_UPDATE =
  /(?:-=|\+=)[^\n]{0,120}\.grad\b|=[ \t]*[\w.]{1,80}[ \t]*-[^\n]{0,120}\.grad\b|\.(?:sub_|add_)\([^\n]{0,120}\.grad\b/;

/**
 * A backward pass in a file with no optimiser anywhere and no hand-written update of weights from their gradients:
 * the gradients are read, not applied. A gradient check of an op or a layer (`out = layer(x); out.mean().backward();
 * print(x.grad)`), a saliency map or Grad-CAM (`loss = out[:, 1].sum(); model.zero_grad(); loss.backward()`, then the
 * attention's gradients are read), in a loop or in a function alike: no weight changes, so it is not a training run.
 */
function loneGradientCheck(text: string): boolean {
  return !APPLIES_GRADIENTS.test(text) && !MANUAL_UPDATE.test(text);
}

/**
 * Inside `def backward(ctx, grad)` of a custom autograd op (`torch.autograd.Function`), a call of a kernel's backward
 * (`wkv_cuda.backward(B, T, C, ...)`, `torch.ops.my_op.backward(...)`) computes that op's gradients when something
 * else trains: it defines the op, it trains nothing by itself.
 */
function inOpBackward(call: Node): boolean {
  for (let n = call.parent, depth = 0; n && depth < 200; n = n.parent, depth++) {
    if (n.type !== 'function_definition') continue;
    const name = n.childForFieldName('name')?.text ?? '';
    const first = n.childForFieldName('parameters')?.namedChildren[0]?.text;
    // `def backward(ctx, dy)` of a Function, `def _backward(ctx, grads)` registered with torch.library.register_autograd.
    return name === 'backward' || (/(?:^|_)backward(?:_|$)/.test(name) && first === 'ctx');
  }
  return false;
}

/**
 * A loss against a random target shaped like the output (`target = torch.randn_like(output)`, then
 * `mse_loss(output, target)`) in a file that loads no data: the weights are pushed towards noise for a few steps to
 * measure memory or speed, or to check that gradients flow (the debug block under a network module's main guard).
 * Nothing is learnt, so it is no training run. Diffusion training draws its noise the same way but names it `noise`
 * and reads a dataset; either keeps the file a run (loading weights does not: a pretrained net pushed to noise learns nothing).
 */
const RANDOM_TARGET = /\btarget\w{0,20}[ \t]*=[ \t]*torch\.(?:randn_like|rand_like)[ \t]*\(/;
const LOADS_DATA = /DataLoader|[Dd]ataset|load_dataset/;
/** One answer per file read: each loop, backward and train() of a file asks (a scan of the text each would be quadratic). */
const towardsNoise = new WeakMap<PythonReadContext, boolean>();
function trainsTowardsNoise(ctx: PythonReadContext): boolean {
  let v = towardsNoise.get(ctx);
  if (v === undefined) {
    v = RANDOM_TARGET.test(ctx.text) && !LOADS_DATA.test(ctx.text);
    towardsNoise.set(ctx, v);
  }
  return v;
}

/** `loss.backward()`: whatever surrounds it trains a model. */
export const backward: CallRule = {
  framework: 'pytorch',
  callees: ['backward'],
  runStart: /\bbackward\s*\(/,
  when: ({ full, node, ctx }) =>
    full !== 'backward' && !inOpBackward(node) && !loneGradientCheck(ctx.text) && !trainsTowardsNoise(ctx),
  read: ({ node, full, ctx }) =>
    ctx.add(
      'launch.trainer',
      'backward',
      node.childForFieldName('function') ?? node,
      `${full}() computes gradients: a training loop`,
      'low',
    ),
};

/**
 * Receivers whose train() fits a tokenizer's vocabulary, not a model: sentencepiece's
 * `SentencePieceTrainer.train(...)`, Hugging Face tokenizers' `tokenizer.train(files, trainer)`,
 * `BpeTrainer`/`WordPieceTrainer` objects. A few CPU minutes, never a GPU run.
 */
const TOKENIZER_RECEIVER =
  /(?:^|\.)(?:\w*tokeni[sz]er\w*|spm|sentencepiece\w*|\w*(?:bpe|wordpiece|unigram|wordlevel)\w*)$/i;

/**
 * Receivers whose train() fits a vector index, not a model: FAISS's `index.train(xb)` learns the index's
 * quantiser (k-means centroids, product-quantiser codebooks) from sample vectors before `index.add(xb)`
 * (FAISS wiki, "Getting started" / "Faster search": `index.train(xb)`), and wrappers keep the name
 * (`self.index.train(vectors)`, `faiss_index.train(...)`, a retriever's `indexer.train(...)`). No model learns.
 */
const VECTOR_INDEX_RECEIVER = /(?:^|\.)\w{0,40}(?:index|indexer)$/i;

/**
 * `policy.train(was_training)`, `m.train(False)`, `m.train(mode=...)`: nn.Module.train(mode) putting a module back in
 * the mode it was in (after an evaluation), not a trainer's train().
 */
function setsModuleMode(call: Node): boolean {
  const args = call.childForFieldName('arguments')?.namedChildren.filter((c) => c !== null && c.type !== 'comment');
  if (!args || args.length !== 1) return false;
  const arg = args[0]!;
  if (arg.type === 'true' || arg.type === 'false') return true;
  if (arg.type === 'keyword_argument') return arg.childForFieldName('name')?.text === 'mode';
  return (
    arg.type === 'identifier' && /^(?:was_training|training|is_training|train_mode|mode|prev_mode)$/.test(arg.text)
  );
}

/**
 * Two or more arguments: not nn.Module.train(mode), which takes one, so a model-named receiver's train() is a
 * trainer's (`model.train(FLAGS.train_kimg << 10, FLAGS.report_kimg << 10)`, a semi-supervised learner whose loop
 * its base class holds; tf.estimator's `model.train(input_fn=..., steps=...)`).
 */
function takesTrainerArguments(call: Node): boolean {
  const args = call.childForFieldName('arguments')?.namedChildren.filter((c) => c !== null && c.type !== 'comment');
  return (args?.length ?? 0) >= 2;
}

/** trainer.train(), tr.train(): model.train() only switches a module to training mode, and so does super().train() in a module's override. */
export const trainCall: CallRule = {
  framework: 'pytorch',
  callees: ['train'],
  runStart: /\btrain\s*\(/,
  words: ['.train('],
  // Bounded: `\w*model\w*` tried at every `model` of a megabyte-long receiver is quadratic.
  when: ({ node, full, ctx }) =>
    full.includes('.') &&
    !trainsTowardsNoise(ctx) &&
    !(
      full.length < 256 &&
      (/^(self|super\(\))$/.test(full.slice(0, -'.train'.length)) ||
        (/^(model|net|module|\w*model\w*|\w*net)$/i.test(full.slice(0, -'.train'.length)) &&
          !takesTrainerArguments(node)) ||
        TOKENIZER_RECEIVER.test(full.slice(0, -'.train'.length)) ||
        VECTOR_INDEX_RECEIVER.test(full.slice(0, -'.train'.length)))
    ) &&
    !setsModuleMode(node),
  read: ({ node, full, ctx }) => {
    ctx.add('launch.trainer', 'train', node.childForFieldName('function') ?? node, `${full}() starts training`);
    readRepeat(node, ctx);
  },
};

/** `from sklearn.cluster import KMeans, AgglomerativeClustering` (also parenthesised over lines): the names it binds. */
const SKLEARN_IMPORT = /^[ \t]*from[ \t]+sklearn(?:\.\w+){0,4}[ \t]+import[ \t]+(\([^)]{0,2000}\)|[^\n#]{0,2000})/gm;
/** `km = KMeans(n_clusters=8)`: a name bound to what a call builds. */
const BUILT_BY = /^[ \t]*(\w{1,100})[ \t]*=[ \t]*([\w.]{1,200})\(/gm;

/** Per file (one pass each, whatever the number of `.fit` calls): scikit-learn names, and the names bound to them. */
const SKLEARN_RECEIVERS = new WeakMap<PythonReadContext, { names: Set<string>; estimators: Set<string> }>();

function scikitLearnOf(ctx: PythonReadContext): { names: Set<string>; estimators: Set<string> } {
  let known = SKLEARN_RECEIVERS.get(ctx);
  if (known) return known;
  known = { names: new Set<string>(), estimators: new Set<string>() };
  if (ctx.text.includes('sklearn')) {
    for (const m of ctx.text.matchAll(SKLEARN_IMPORT)) {
      const words = m[1].replace(/[()]/g, ' ').split(/[\s,]+/);
      // `import KMeans as KM`: the bound name is the alias.
      for (let i = 0; i < words.length; i++) {
        if (words[i + 1] === 'as') {
          known.names.add(words[i + 2] ?? '');
          i += 2;
        } else if (words[i]) known.names.add(words[i]);
      }
    }
    for (const m of ctx.text.matchAll(BUILT_BY))
      if (known.names.has(m[2]) || m[2].startsWith('sklearn.')) known.estimators.add(m[1]);
  }
  SKLEARN_RECEIVERS.set(ctx, known);
  return known;
}

/**
 * `KMeans(n_clusters=8).fit(x)` or `km = KMeans(...)` … `km.fit(x)`: a scikit-learn estimator fitted on the CPU (a
 * clustering, a linear probe's solver), not a neural network's training run. Only a receiver built in this file
 * from a scikit-learn name counts; any other `.fit` (Keras, Lightning) stays a run start.
 */
function fitsScikitLearnEstimator(full: string, ctx: PythonReadContext): boolean {
  if (!ctx.text.includes('sklearn')) return false;
  const receiver = full.slice(0, -'.fit'.length);
  const { names, estimators } = scikitLearnOf(ctx);
  const built = /^([\w.]{1,200})\(/.exec(receiver)?.[1];
  return built !== undefined ? names.has(built) || built.startsWith('sklearn.') : estimators.has(receiver);
}

/** The receiver of `.fit` is a tokenizer (`tokenizer.fit`, `base_tokenizer.fit`, `self.action_tokenizer.fit`). */
const TOKENIZER_FIT = /tokeni[sz]er\.fit$/i;
/**
 * `ImageOps.fit(image, size)` (PIL: "Returns a resized and cropped version of the image, cropped to the requested
 * aspect ratio and size"): an image operation, not a training call.
 */
const IMAGE_FIT = /^(?:PIL\.)?ImageOps\.fit$/;

/** A Keras program (and not a Lightning one, whose `trainer.fit(model)` takes its epochs from the Trainer). */
const KERAS_PROGRAM = /^[ \t]*(?:import[ \t]+(?:tensorflow|keras)\b|from[ \t]+(?:tensorflow|keras)\b)/m;
const LIGHTNING_PROGRAM = /\blightning\b|\bTrainer\(/;

/**
 * `model.fit(train_ds, validation_data=val_ds)` with no epochs in a Keras program: Keras trains one epoch
 * (keras.io/api/models/model_training_apis, `Model.fit(..., epochs=1, ...)`: "epochs: Integer. Number of epochs to
 * train the model."). The documented default, read as such; a call that passes keywords through `**kwargs` or
 * epochs by position (the fourth) may set it, and is left alone.
 */
function readKerasDefaultEpochs(node: Node, ctx: PythonReadContext, full: string): void {
  const args = node.childForFieldName('arguments');
  if (!args || keywordArgument(args, 'epochs') || /\*\*/.test(args.text.slice(0, 2000))) return;
  if (args.namedChildren.filter((c) => c && c.type !== 'keyword_argument' && c.type !== 'comment').length >= 4) return;
  if (!KERAS_PROGRAM.test(ctx.text) || LIGHTNING_PROGRAM.test(ctx.text)) return;
  ctx.add('training.epochs', 1, node, `epochs in ${full}: not given, Keras's default epochs=1`, 'medium');
}

/**
 * trainer.fit(model), model.fit(x, epochs=...): Keras and Lightning start training with fit. Keras 2's
 * `model.fit_generator(generator, steps_per_epoch=..., epochs=...)` is the same training call over a generator
 * (keras.io/api/models/model_training_apis, "Model.fit_generator: deprecated, use Model.fit, which supports
 * generators"), with fit's keywords.
 */
export const fitCall: CallRule = {
  framework: 'pytorch',
  callees: ['fit', 'fit_generator'],
  runStart: /\bfit(?:_generator)?\s*\(/,
  words: ['.fit(', '.fit_generator('],
  // `tokenizer.fit(actions, vocab_size=...)`: fitting a tokenizer (BPE merges over data, a FAST action tokenizer) is
  // data preparation, not a network's training run.
  when: ({ full, last, ctx }) =>
    full !== last &&
    !TOKENIZER_FIT.test(full) &&
    !IMAGE_FIT.test(full) &&
    (last === 'fit_generator' || !fitsScikitLearnEstimator(full, ctx)),
  read: ({ node, full, ctx }) => {
    readTrainingKeywords(node, ctx, full);
    readKerasDefaultEpochs(node, ctx, full);
    ctx.add('launch.trainer', 'fit', node.childForFieldName('function') ?? node, `${full}(...) trains the model`);
    attachEdit(ctx, node, full);
    readRepeat(node, ctx);
  },
};

/** DataLoader(batch_size=...), image_dataset_from_directory(batch_size=...): the per-device batch. */
export const loaderBatch: CallRule = {
  framework: 'pytorch',
  words: ['batch_size'],
  // `dataset.map(fn, batched=True, batch_size=1000)`: rows handed to a preprocessing function (datasets' map/filter), not a batch trained on.
  when: ({ argsText, full }) =>
    argsText.includes('batch_size') && !/eval|test|val/i.test(full) && !/\.(?:map|filter)$/.test(full),
  read: ({ node, full, ctx }) => {
    const batch = keywordArgument(node.childForFieldName('arguments')!, 'batch_size');
    if (batch && !/eval|test|val/i.test(node.parent?.text.slice(0, 40) ?? ''))
      ctx.addResolved('training.batchPerDevice', batch, `batch_size in ${full}`);
  },
};

export const forLoops: StatementRule = {
  framework: 'pytorch',
  nodeType: 'for_statement',
  words: ['range(', 'epoch', 'Epoch', 'EPOCH', 'step', 'iter'],
  runStart: FOR_LOOP_START,
  read: readTrainingLoop,
};
export const whileLoops: StatementRule = {
  framework: 'pytorch',
  nodeType: 'while_statement',
  words: ['step', 'iter', 'epoch'],
  runStart: WHILE_LOOP_START,
  read: readStepWhileLoop,
};

/** `loss = trainer.update(batch, ...)`, `loss, stats = model.update(batch)`: a trainer's update on a batch that returns its loss. */
const UPDATE_ON_BATCH =
  /^[ \t]*\w{0,30}loss\w{0,30}(?:[ \t]*,[ \t]*\w{1,30}){0,3}[ \t]*=[ \t]*[\w.]{1,60}\.update\([ \t]*batch\b/m;
/** `global_step += 1`, `self.global_step += 1`: the counter an endless loop stops on. */
const STEP_COUNTER =
  /^[ \t]*((?:[A-Za-z_]\w{0,30}\.)?\w{0,30}(?:step|iter)\w{0,30})[ \t]*\+=[ \t]*1[ \t]*(?:#[^\n]*)?$/m;
/** Characters of an endless loop's body looked at. */
const MAX_LOOP_TEXT = 200_000;
/** Nodes of an endless loop's body walked for its stop test. */
const MAX_LOOP_NODES = 20_000;

/**
 * `while True:` that counts its steps and stops at a bound, the shape of step-bounded trainers that evaluate and
 * early-stop in the same loop:
 *
 *     while True:
 *         for batch in batches:
 *             global_step += 1
 *             loss = trainer.update(batch)
 *             ...
 *             if global_step >= args['max_steps']:
 *                 break
 *
 * A training loop over steps when its body takes a training step (a backward pass, an optimizer step, or a trainer's
 * update on a batch returning its loss). The bound is read where it can be; a flag's default read elsewhere (`--max_steps`)
 * says the same.
 */
function readEndlessStepLoop(node: Node, ctx: PythonReadContext): void {
  const condition = node.childForFieldName('condition');
  // `while True:`, or `while not done:` over a flag the body sets when it stops.
  if (!condition || !/^(?:True|1|not[ \t]+[A-Za-z_]\w{0,40})$/.test(condition.text)) return;
  const body = node.childForFieldName('body');
  if (!body || body.text.length > MAX_LOOP_TEXT) return;
  const text = body.text;
  if (!takesTrainingStep(text) && !UPDATE_ON_BATCH.test(text)) return;
  const counter = STEP_COUNTER.exec(text)?.[1];
  if (!counter || runsWithoutGradients(node, ctx)) return;
  // The stop test: `counter >= bound` (or `>`) somewhere in the body.
  let stop: Node | undefined;
  const stack: Node[] = [body];
  for (let seen = 0; stack.length > 0 && seen < MAX_LOOP_NODES && !stop; seen++) {
    const n = stack.pop()!;
    if (n.type === 'comparison_operator' && n.namedChildren.length === 2 && n.namedChildren[0]?.text === counter) {
      const op = n.text.slice(
        n.namedChildren[0].endIndex - n.startIndex,
        n.namedChildren[1]!.startIndex - n.startIndex,
      );
      if (/^\s*>=?\s*$/.test(op) && breaksOut(n)) stop = n;
    }
    for (const c of n.namedChildren) if (c) stack.push(c);
  }
  if (!stop) return;
  const right = stop.namedChildren[1]!;
  const op = stop.text.includes('>=') ? '>=' : '>';
  const bound = evaluate(right, ctx.symbols);
  const label = `while True: … if ${truncate(stop.text, 40)}: break`;
  if (typeof bound?.value === 'number') {
    ctx.add(
      'training.steps',
      bound.value + (op === '>' ? 1 : 0),
      right,
      bound.via ? `${label} (${bound.via})` : label,
      bound.via ? 'medium' : 'high',
    );
    if (bound.via) ctx.amendLast({ originLine: bound.origin.startPosition.row });
  }
  ctx.add('launch.trainer', 'loop', stop, 'training loop over steps', 'medium');
}

/** Nodes of a stop test's block walked for its `break`. */
const MAX_STOP_BLOCK_NODES = 2_000;

/**
 * Is the comparison the test of an `if` (or `elif`) whose block leaves the loop: a `break` or `return` in it, at any
 * depth but not inside a loop of its own (whose `break` ends that loop), as in `if step >= max_steps: ... else:
 * should_stop = True; break`? A bound that only gates logging (`if step > 10: total_time += dt`) stops nothing.
 */
function breaksOut(comparison: Node): boolean {
  let at: Node | null = comparison.parent;
  for (let i = 0; at && (at.type === 'boolean_operator' || at.type === 'parenthesized_expression') && i < 8; i++)
    at = at.parent;
  if (!at || (at.type !== 'if_statement' && at.type !== 'elif_clause')) return false;
  const block = at.childForFieldName('consequence');
  return !!block && leavesLoop(block);
}

/** A `break` or `return` in the block, at any depth but not inside a loop (or definition) of its own. */
function leavesLoop(block: Node): boolean {
  const stack: Node[] = [block];
  for (let seen = 0; stack.length > 0 && seen < MAX_STOP_BLOCK_NODES; seen++) {
    const n = stack.pop()!;
    if (n.type === 'break_statement' || n.type === 'return_statement') return true;
    if (/^(?:for|while)_statement$|^(?:function|class)_definition$/.test(n.type)) continue;
    for (const c of n.namedChildren) if (c) stack.push(c);
  }
  return false;
}

export const endlessStepLoops: StatementRule = {
  framework: 'pytorch',
  nodeType: 'while_statement',
  words: ['while True', 'while 1', 'while not'],
  runStart: [
    /^[ \t]*while[ \t]+(?:True|1|not[ \t]+\w+)[ \t]*:/m,
    /^[ \t]*(?:[A-Za-z_]\w{0,30}\.)?\w{0,30}(?:step|iter)\w{0,30}[ \t]*\+=[ \t]*1\b/m,
  ],
  read: readEndlessStepLoop,
};

/**
 * The device a script names for its run at module level, when it is the CPU: `RUN_DEVICE = 'cpu'`,
 * `os.environ['RWKV_RUN_DEVICE'] = 'cpu'`, `device = "cpu"` (a research script's setting block). Bounded, so linear.
 */
const CPU_DEVICE =
  /^(?:\w{0,40}device\w{0,20}|os\.environ\[['"]\w{0,40}DEVICE\w{0,20}['"]\])[ \t]{0,8}=[ \t]{0,8}['"]cpu['"]/im;

/** `kwargs.get("enable_tf32", True)`, `cfg.get('tf32', True)`: a settings lookup whose default is True. */
const DICT_GET_TRUE = /^[\w.]{1,80}\.get[ \t]*\([ \t]*["'][\w.-]{1,60}["'][ \t]*,[ \t]*True[ \t]*\)$/;

/** os.environ["CUDA_VISIBLE_DEVICES"] = "0,1", torch.backends.cuda.matmul.allow_tf32 = True and cudnn's TF32 switch. */
export const deviceAssignments: StatementRule = {
  framework: 'pytorch',
  nodeType: 'assignment',
  words: ['VISIBLE_DEVICES', 'allow_tf32'],
  read: (node, ctx) => {
    const { left: target, right: value } = ctx.syntax.sidesOf(node);
    if (target?.type === 'subscript' && /CUDA_VISIBLE_DEVICES/.test(target.text)) {
      const r = evaluate(value, ctx.symbols);
      if (typeof r?.value === 'string' && /^[\d,]+$/.test(r.value))
        ctx.add(
          'hardware.devices',
          r.value.split(',').filter(Boolean).length,
          node,
          `CUDA_VISIBLE_DEVICES="${r.value}"`,
          'medium',
        );
    }
    // `torch.backends.cudnn.allow_tf32 = False`: convolutions kept in true float32 (PyTorch's default is True).
    if (target?.type === 'attribute' && /\bcudnn\.allow_tf32$/.test(target.text)) {
      if (value?.text === 'True' || value?.text === 'False')
        ctx.add('training.convolutionTf32', value.text === 'True', node, `${target.text} = ${value.text}`, 'high');
    }
    if (target?.type === 'attribute' && target.text.endsWith('allow_tf32') && target.text.includes('matmul')) {
      const cpu = value?.text === 'True' ? CPU_DEVICE.exec(ctx.text) : null;
      if (cpu)
        ctx.add(
          'training.precision',
          'fp32',
          node,
          `${target.text} = True, but the file runs on the CPU (\`${cpu[0].trim()}\`): TF32 is a GPU matmul mode, the CPU computes in fp32`,
          'medium',
        );
      else if (value?.text === 'True') ctx.add('training.precision', 'tf32', node, `${target.text} = True`, 'medium');
      else if (value?.type === 'call' && DICT_GET_TRUE.test(value.text)) {
        // `allow_tf32 = kwargs.get("enable_tf32", True)`: on unless the settings it reads say otherwise (dict.get
        // returns its default for a missing key).
        ctx.add(
          'training.precision',
          'tf32',
          node,
          `${target.text} = ${truncate(value.text, 60)}: on by default`,
          'low',
        );
      } else if (value?.type === 'attribute' || value?.type === 'identifier') {
        // `allow_tf32 = args.tf32`, a flag that defaults to True (DiT's sample_ddp.py `--tf32`).
        const r = evaluate(value, ctx.symbols);
        if (r?.value === true && r.via)
          ctx.add('training.precision', 'tf32', node, `${target.text} = ${value.text} (${r.via})`, 'medium');
      }
    }
  },
};

/**
 * `gradient_accumulation_steps //= ddp_world_size` (nanoGPT and its descendants): the accumulation steps
 * written in the config are for all processes together, each doing its share, so batch × accumulation is
 * the global batch (multiplying by the devices again would count every token N times).
 */
const SHARED_ACCUMULATION =
  /^[ \t]*(\w{0,60}accum\w{0,60})[ \t]*\/\/?=[ \t]*(\w{0,60}(?:world|gpus|processes|ranks)\w{0,60})\b/m;

export const sharedAccumulation: FileRule = {
  framework: 'pytorch',
  phase: 'after-calls',
  // Its word keeps lines for the line prefilter; the division may be by `world`, `gpus`, `processes` or `ranks`.
  readsWithoutWords: true,
  words: ['world_size'],
  read: (_index, ctx) => {
    const m = ctx.text.includes('accum') ? SHARED_ACCUMULATION.exec(ctx.text) : null;
    if (!m) return;
    const row = ctx.text.slice(0, m.index).split('\n').length - 1;
    const line = ctx.text.split('\n', row + 1)[row] ?? '';
    ctx.facts.push({
      kind: 'training.accumulationShared',
      value: true,
      range: { startLine: row, startCol: 0, endLine: row, endCol: line.length },
      confidence: 'high',
      detail: `${m[1]} is divided by ${m[2]}: the accumulation is shared among the processes`,
    });
  },
};

/**
 * `while not done:` (or `while True:`) around the batches, stopped by `if step >= training_steps: done = True;
 * break`: the loop's own test says nothing of its length, the stop does. Read where the file trains and no other
 * rule read a step count: the bound of the first such stop (`>=` and `==` stop at the bound, `>` one after it).
 */
const STEP_STOP = /^[ \t]*if[ \t]+(\w{0,40}step\w{0,40}|it|iter\w{0,20})[ \t]*(>=|>|==)[ \t]*([\w.]{1,100})[ \t]*:/gm;
/** Stops looked at per file. */
const MAX_STOPS = 5;

function readStepStop(ctx: PythonReadContext): void {
  if (!ctx.facts.some((f) => f.kind === 'launch.trainer' && !String(f.value).startsWith('construct:'))) return;
  if (ctx.facts.some((f) => f.kind === 'training.steps' || f.kind === 'training.epochs')) return;
  let looked = 0;
  for (const m of ctx.text.matchAll(STEP_STOP)) {
    if (++looked > MAX_STOPS) return;
    const row = ctx.text.slice(0, m.index).split('\n').length - 1;
    const statement = ctx.tree.rootNode
      .descendantsOfType('if_statement', { row, column: 0 }, { row: row + 1, column: 0 })
      .find((s) => s !== null && s.startPosition.row === row);
    const body = statement?.childForFieldName('consequence');
    if (!statement || !body) continue;
    // The stop ends the loop: a `break` in its block, or a loop flag set (`done = True`) beside one.
    if (!leavesLoop(body)) continue;
    if (!inTrainingLoop(statement)) continue;
    const bound = statement.childForFieldName('condition')?.namedChildren[1];
    const r = bound ? evaluate(bound, ctx.symbols) : undefined;
    if (!bound || typeof r?.value !== 'number' || !(r.value > 0)) continue;
    const steps = r.value + (m[2] === '>' ? 1 : 0);
    const label = `the loop stops at \`${truncate(`${m[1]} ${m[2]} ${m[3]}`, 50)}\``;
    ctx.add('training.steps', steps, bound, r.via ? `${label} (${r.via})` : label, r.via ? 'medium' : 'high');
    if (r.via) ctx.amendLast({ originLine: r.origin.startPosition.row });
    return;
  }
}

/** Inside a `for` or `while` loop of the same function. */
function inTrainingLoop(node: Node): boolean {
  for (let p = node.parent, up = 0; p && up < 30; p = p.parent, up++) {
    if (p.type === 'for_statement' || p.type === 'while_statement') return true;
    if (p.type === 'function_definition') return false;
  }
  return false;
}

export const stepStop: FileRule = {
  framework: 'pytorch',
  phase: 'after-calls',
  words: [],
  read: (_index, ctx) => readStepStop(ctx),
};
