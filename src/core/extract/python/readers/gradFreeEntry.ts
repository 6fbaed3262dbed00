import { gatedTest } from '../requiredLiterals';
import { startsARun, type Fact } from '../../../facts';
import { nodeRange } from '../context';
import { executedRowMask } from '../entryPoint';
import type { FileRule } from '../rules';
import type { Node } from 'web-tree-sitter';

/**
 * An evaluation program whose entry function runs with gradients off: `@torch.no_grad()` /
 * `@torch.inference_mode()` on the function the main guard calls (under a config decorator such as `@hydra.main(...)`
 * or a framework's wrapper of it), which puts its model in eval mode (`model.eval()`) and runs it over data. Nothing
 * can take a gradient step in that function (PyTorch docs, torch.no_grad: "disables gradient calculation ... useful
 * for inference"), so the program evaluates a model though the config it starts from is a training config: an
 * inference run. Not read where the file trains (a backward pass, an optimizer step, `.fit(`), nor where the
 * decorated function is not run by the module (a library helper). The eval-mode call may sit one call away, in a
 * loader function of the same file the entry calls (`model = load_model(cfg, ckpt)`, whose body ends with
 * `model.eval()`): the entry then runs the model that loader returns, still with gradients off.
 */
/** Module-level functions looked at for a loader that puts its model in eval mode. */
const MAX_LOADERS = 50;
/** A gradient step of the file's own: a backward pass, an optimizer step, a model put in training mode. */
const stepsGradients = gatedTest(/\.backward[ \t]*\(|\b\w{0,30}optim\w{0,30}\.step[ \t]*\(|\.train[ \t]*\(\s*\)/);
/** A `.fit(` call (Keras, scikit-learn, Lightning's trainer). */
const callsFit = gatedTest(/\.fit[ \t]*\(/);
/** Does the file train: a gradient step of its own, or a fit. */
const trains = (text: string): boolean => stepsGradients(text) || callsFit(text);
/** `pca.fit(`: the receiver of each fit call. */
const FIT_RECEIVER = /(?<![\w.])([A-Za-z_]\w{0,60})\.fit(?:_transform)?[ \t]*\(/g;
/** Fit calls looked at per module. */
const MAX_FITS = 20;

/**
 * Does the file train (trains), unless every `.fit(` it makes is a scikit-learn estimator's, fitted on the features a
 * model computes (`pca = PCA(n_components=3)` then `pca.fit(patches)`, DINOv3's notebooks): the estimator is imported
 * from sklearn and built in the file, and no gradient step is taken.
 */
function trainsAModel(text: string): boolean {
  if (stepsGradients(text)) return true;
  if (!callsFit(text)) return false;
  if (!text.includes('sklearn')) return true;
  let fits = 0;
  for (const m of text.matchAll(FIT_RECEIVER)) {
    if (++fits > MAX_FITS) return true;
    const built = new RegExp(`^[ \\t]*${m[1]}[ \\t]*=[ \\t]*([A-Z]\\w{0,60})[ \\t]*\\(`, 'm').exec(text)?.[1];
    const fromSklearn =
      built !== undefined &&
      new RegExp(`^from[ \\t]+sklearn(?:\\.\\w{1,40}){0,3}[ \\t]+import[^\\n]{0,300}\\b${built}\\b`, 'm').test(text);
    if (!fromSklearn) return true;
  }
  return false;
}
const GRAD_OFF_DECORATOR = /^@[ \t]*torch\.(?:no_grad|inference_mode)[ \t]*\([ \t]*\)[ \t]*$/;
const EVAL_CALL = /\.eval[ \t]*\([ \t]*\)/;

/** `with torch.no_grad():` / `with t.inference_mode():` opening a block (an alias of torch before the attribute). */
const GRAD_OFF_WITH = /^with[ \t]+((?:[A-Za-z_]\w{0,30}\.)?(?:no_grad|inference_mode)[ \t]*\([ \t]*\))[ \t]*:/;
/**
 * Evidence that the file runs a model it builds or loads: a model put in eval mode, weights loaded into one
 * (`load_state_dict(`; a bare `torch.load(` may read any tensors), or a model factory or loader called by its common names
 * (`make_model(`, `load_model(`, `build_model(`, `create_model(`, `get_model(`). Literals and bounded words only.
 */
const LOADS_A_MODEL =
  /\.eval[ \t]*\([ \t]*\)|\.load_state_dict[ \t]*\(|\b(?:make|load|build|create|get)_(?:\w{0,30}_)?(?:model|prior|network|net|generator)s?[ \t]*\(/;
const loadsAModel = gatedTest(LOADS_A_MODEL);

/**
 * The second shape of a gradient-free entry: the function the module runs (`fire.Fire(run)` or a main guard's
 * call; PyTorch docs, torch.no_grad: "Context-manager that disables gradient calculation") does its work inside
 * `with torch.no_grad():` as a statement of its own body, and the file builds or loads a model (LOADS_A_MODEL)
 * and takes no training step (checked by the caller). Such a program samples, aligns or evaluates with a
 * model: an inference run. So does a function whose loop over batches runs the model under no_grad (DPR's
 * `gen_ctx_vectors`, encoding passages batch by batch). A no_grad block nested deeper (an evaluation step inside a
 * training function) is not read here.
 */
function gradOffBlockEntry(
  statements: readonly (Node | null)[],
  executed: Readonly<Uint8Array>,
  text: string,
): { name: string; label: string; context: string; node: Node } | undefined {
  if (!loadsAModel(text)) return undefined;
  for (const { name, label, body } of entryBodies(statements)) {
    if (!body || executed[body.startPosition.row] !== 1) continue;
    const guardLoadsWeights = name === '__main__' && LOADS_WEIGHTS.test(body.text.slice(0, MAX_GUARD_TEXT));
    for (const inner of withStatements(body)) {
      const m = GRAD_OFF_WITH.exec(inner.text.slice(0, 200));
      if (!m) continue;
      const block = inner.childForFieldName('body');
      // The block does the work: it calls something (a function of this module or an imported one), or loops over
      // calls (`for _ in range(1000): out = self.model(src)`, a timing loop over the model's forward pass). Inside a
      // loop over batches the block runs the model on each (`with torch.no_grad(): _, out, _ = model(ids, …)`).
      const inLoop = inner.parent?.parent?.type === 'for_statement' || inner.parent?.parent?.type === 'while_statement';
      // In the main guard's own block the work is a kept forward pass of the model the guard loaded weights into and
      // put in eval mode (`audio_model.load_state_dict(checkpoint)`, `audio_model.eval()`, then `output =
      // audio_model.forward(feats)`): a module's shape check on random inputs loads nothing, an export converts.
      const works =
        name === '__main__'
          ? (c: Node | null) => guardLoadsWeights && callsEvaluatedModel(c, body.text)
          : (c: Node | null) => callStatement(c) || loopOfCalls(c) || (inLoop && boundCall(c));
      if (!block?.namedChildren.some(works)) continue;
      return { name, label, context: m[1], node: inner };
    }
  }
  return undefined;
}

/** Statements of a loop's body looked at for a no_grad block (a batch loop has a few dozen). */
const MAX_LOOP_STATEMENTS = 60;

/**
 * The `with` statements of a function's own body, and those one or two loops down (`for batch in …: … with
 * torch.no_grad(): out = model(batch)`, an encoding or scoring pass over a dataset, batch by batch).
 */
function* withStatements(body: Node, loops = 0): Generator<Node> {
  for (const inner of body.namedChildren.slice(0, loops === 0 ? undefined : MAX_LOOP_STATEMENTS)) {
    if (inner?.type === 'with_statement') yield inner;
    else if ((inner?.type === 'for_statement' || inner?.type === 'while_statement') && loops < MAX_LOOP_DEPTH) {
      const loopBody = inner.childForFieldName('body');
      if (loopBody) yield* withStatements(loopBody, loops + 1);
    }
  }
}
/**
 * Loops a no_grad block is looked for in: a pass over a dataset, or over its files and then each file's clips
 * (VideoMAE V2's extract_tad_feature.py: for each video, for each 16-frame window, `with torch.no_grad(): feature =
 * model.forward_features(x)`).
 */
const MAX_LOOP_DEPTH = 2;

/** `out = f(x)` (or `_, out, _ = model(x)`): a call whose result is kept. */
function boundCall(node: Node | null): boolean {
  const bound = node?.type === 'expression_statement' ? node.namedChildren[0] : null;
  return bound?.type === 'assignment' && bound.childForFieldName('right')?.type === 'call';
}

/** The module's main guard (`if __name__ == "__main__":`) among its top-level statements. */
function mainGuardOf(statements: readonly (Node | null)[]): Node | undefined {
  return statements.find((s) => s?.type === 'if_statement' && MAIN_GUARD.test(s.text.slice(0, 80))) ?? undefined;
}

/** The module's top-level function definitions (decorated or not), with their names, the first `max` of them. */
function* topLevelFunctions(
  statements: readonly (Node | null)[],
  max: number,
): Generator<{ name: string; body: Node | null }> {
  let found = 0;
  for (const statement of statements) {
    if (found >= max) return;
    const def = statement?.type === 'decorated_definition' ? statement.childForFieldName('definition') : statement;
    const name = def?.type === 'function_definition' ? def.childForFieldName('name')?.text : undefined;
    if (!def || !name || !/^\w{1,60}$/.test(name)) continue;
    found++;
    yield { name, body: def.childForFieldName('body') };
  }
}

/**
 * The bodies a program runs, by name: its entry functions (entryFunctions) and the main guard's own block, where a
 * script does its work inline (`if __name__ == '__main__':` … `with torch.no_grad(): output = audio_model(feats)`, the
 * Audio Spectrogram Transformer's inference.py).
 */
function* entryBodies(
  statements: readonly (Node | null)[],
): Generator<{ name: string; label: string; body: Node | null }> {
  for (const fn of entryFunctions(statements)) {
    const name = fn.childForFieldName('name')?.text ?? 'the entry';
    yield { name, label: `${name}()`, body: fn.childForFieldName('body') };
  }
  const guard = mainGuardOf(statements);
  if (guard) yield { name: '__main__', label: 'the main guard', body: guard.childForFieldName('consequence') };
}

/** Trained weights loaded into the model: a checkpoint read, a state dict loaded, a Hub checkpoint. */
const LOADS_WEIGHTS =
  /\btorch\.load[ \t]*\(|\.load_state_dict[ \t]*\(|\bload_checkpoint[ \t]*\(|\.from_pretrained[ \t]*\(/;

/**
 * `out = model(x)` or `out = model.forward(x)` where `text` puts `model` in eval mode (`model.eval()`): a forward pass
 * of the program's model, kept.
 */
function callsEvaluatedModel(node: Node | null, text: string): boolean {
  if (!boundCall(node)) return false;
  const call = node!.namedChildren[0]!.childForFieldName('right')!;
  const receiver = /^([A-Za-z_]\w{0,60})(?:\.(?:forward|__call__))?$/.exec(
    call.childForFieldName('function')?.text ?? '',
  )?.[1];
  return receiver !== undefined && text.slice(0, MAX_GUARD_TEXT).includes(`${receiver}.eval()`);
}

/** Methods looked at per class (a program's class has a handful; a generated file may have thousands). */
const MAX_METHODS = 100;

/**
 * The module's functions, and the methods of the classes its main guard builds that run: a main guard that builds a
 * class of the module (`Converter(args.variant, ...)`, `InferenceSpeedTest()`) runs its `__init__`, the methods
 * `__init__` calls on `self` (and those they call), and the methods the guard calls on the object
 * (`converter.convert(...)`). A class the guard does not build, or a method nothing calls (`encode` of an encoder
 * the guard only builds to count its parameters), runs nothing.
 */
function* entryFunctions(statements: readonly (Node | null)[]): Generator<Node> {
  const guard = mainGuardOf(statements);
  const guardText = guard?.text.slice(0, MAX_GUARD_TEXT) ?? '';
  for (const statement of statements) {
    const def = statement?.type === 'decorated_definition' ? statement.childForFieldName('definition') : statement;
    if (def?.type === 'function_definition') yield def;
    else if (def?.type === 'class_definition') {
      const name = def.childForFieldName('name')?.text ?? '';
      if (!name || !new RegExp(`(?<![\\w.])${name}[ \\t]*\\(`).test(guardText)) continue;
      yield* runningMethods(def, guardText);
    }
  }
}

/** The main guard's test (`if __name__ == "__main__":`). */
const MAIN_GUARD = /^if[ \t]+__name__[ \t]*==[ \t]*["']__main__["']/;
/** Text of the main guard looked at for the methods it calls. */
const MAX_GUARD_TEXT = 20_000;

/** The methods of a class its construction and the main guard's calls run (see entryFunctions). */
function runningMethods(cls: Node, guardText: string): Node[] {
  const methods = new Map<string, Node>();
  let seen = 0;
  for (const member of cls.childForFieldName('body')?.namedChildren ?? []) {
    if (++seen > MAX_METHODS) break;
    const method = member?.type === 'decorated_definition' ? member.childForFieldName('definition') : member;
    const name = method?.type === 'function_definition' ? method.childForFieldName('name')?.text : undefined;
    if (method && name) methods.set(name, method);
  }
  const reached = new Set<string>(['__init__', '__call__']);
  for (const m of guardText.matchAll(/\.(\w{1,80})[ \t]*\(/g)) if (methods.has(m[1])) reached.add(m[1]);
  // What the reached methods call on `self`, until nothing new is reached (at most every method once).
  const queue = [...reached];
  while (queue.length > 0) {
    const method = methods.get(queue.pop()!);
    if (!method) continue;
    for (const m of method.text.slice(0, MAX_GUARD_TEXT).matchAll(/\bself\.(\w{1,80})[ \t]*\(/g))
      if (methods.has(m[1]) && !reached.has(m[1])) {
        reached.add(m[1]);
        queue.push(m[1]);
      }
  }
  return [...methods].filter(([name]) => reached.has(name)).map(([, method]) => method);
}

/** `f(x)` as a statement of its own. */
function callStatement(node: Node | null): boolean {
  return node?.type === 'expression_statement' && node.namedChildren[0]?.type === 'call';
}

/** A `for`/`while` loop whose body calls something, as a statement or bound (`out = model(x)`). */
function loopOfCalls(node: Node | null): boolean {
  if (node?.type !== 'for_statement' && node?.type !== 'while_statement') return false;
  return (node.childForFieldName('body')?.namedChildren ?? []).some((c) => callStatement(c) || boundCall(c));
}

export const gradFreeEntry: FileRule = {
  framework: 'pytorch',
  phase: 'after-calls',
  words: ['.eval('],
  runStart: [/^@[ \t]*torch\.(?:no_grad|inference_mode)\(\)/m, /\.eval\(\)/, /__main__/],
  read: (_index, ctx) => {
    if (ctx.facts.some(startsARun) || trains(ctx.text)) return;
    const executed = executedRowMask(ctx.tree);
    // Functions of this module whose body puts a model in eval mode (a loader the entry may call).
    const evalLoaders: string[] = [];
    for (const { name, body } of topLevelFunctions(ctx.tree.rootNode.namedChildren, Infinity)) {
      if (evalLoaders.length >= MAX_LOADERS) break;
      if (EVAL_CALL.test(body?.text ?? '')) evalLoaders.push(name);
    }
    const callsLoader =
      evalLoaders.length > 0 ? new RegExp(`(?:^|[^\\w.])(?:${evalLoaders.join('|')})[ \\t]*\\(`, 'm') : undefined;
    for (const statement of ctx.tree.rootNode.namedChildren) {
      if (statement?.type !== 'decorated_definition') continue;
      const decorators = statement.namedChildren.filter((c) => c?.type === 'decorator');
      const off = decorators.find((d) => d && GRAD_OFF_DECORATOR.test(d.text));
      const fn = statement.childForFieldName('definition');
      if (!off || fn?.type !== 'function_definition') continue;
      const body = fn.childForFieldName('body');
      if (!body || executed[body.startPosition.row] !== 1) continue;
      if (!EVAL_CALL.test(body.text) && !(callsLoader?.test(body.text) ?? false)) continue;
      const name = fn.childForFieldName('name')?.text ?? 'the entry';
      ctx.facts.push({
        kind: 'launch.inference',
        value: `${name} under ${off.text.slice(1).trim()}`,
        range: nodeRange(off),
        confidence: 'medium',
        detail: `${name}() runs with gradients off (${off.text.trim()}) and puts its model in eval mode: an evaluation, no training`,
      });
      return;
    }
  },
};

/**
 * The `with torch.no_grad():` entry (gradOffBlockEntry) as a rule of its own, listed after every other file rule: a
 * fallback that starts the run only where no rule read one (a loader of the package, a pipeline), so what those read
 * (the model's name, its dtype) is kept.
 */
export const gradOffBlock: FileRule = {
  framework: 'pytorch',
  phase: 'after-calls',
  words: ['no_grad', 'inference_mode'],
  runStart: [/^[ \t]+with[ \t]+(?:\w+\.)?(?:no_grad|inference_mode)\(\)/m, /__main__/],
  read: (_index, ctx) => {
    if (ctx.facts.some(startsARun) || trains(ctx.text)) return;
    const executed = executedRowMask(ctx.tree);
    const withBlock = gradOffBlockEntry(ctx.tree.rootNode.namedChildren, executed, ctx.text);
    if (withBlock) {
      const demo = predictorDemo(ctx.tree.rootNode.namedChildren, withBlock.node);
      ctx.facts.push({
        kind: 'launch.inference',
        // The module's own demo of its predictor class (resolve/entryPoint.ts keeps such a module of a package).
        value: demo ? 'module-demo' : `${withBlock.name} under ${withBlock.context}`,
        range: nodeRange(withBlock.node),
        confidence: 'medium',
        detail: demo
          ? `${withBlock.label} of ${demo} runs its work inside \`with ${withBlock.context}:\`, and the main guard builds ${demo} with the weights file it names and calls it: the module's own demo, an inference run`
          : `${withBlock.label} runs its work inside \`with ${withBlock.context}:\` and the file builds or loads a model without a training step: an inference run`,
      });
      return;
    }
  },
};

/** A weights file named by its extension, in quotes. */
const WEIGHTS_FILE_LITERAL = /["'][^"'\n]{1,300}\.(?:pth|pt|ckpt|bin|safetensors|pkl)["']/;

/**
 * The class of this module whose method holds `node`, when the main guard builds it with a weights file it names
 * (`body_estimation = Body('../model/body_pose_model.pth')`, then `body_estimation(oriImg)`): a predictor class of a
 * package module with its own demo under the guard (pytorch-openpose's `src/body.py`).
 */
function predictorDemo(statements: readonly (Node | null)[], node: Node): string | undefined {
  let cls: Node | null = node.parent;
  while (cls && cls.type !== 'class_definition') cls = cls.parent;
  const name = cls?.childForFieldName('name')?.text;
  const guard = mainGuardOf(statements);
  if (!name || !guard) return undefined;
  const built = new RegExp(`^[ \\t]*(\\w{1,60})[ \\t]*=[ \\t]*${name}[ \\t]*\\(([^)\\n]{0,400})\\)`, 'm').exec(
    guard.text.slice(0, MAX_GUARD_TEXT),
  );
  if (!built || !WEIGHTS_FILE_LITERAL.test(built[2])) return undefined;
  return new RegExp(`\\b${built[1]}[ \\t]*(?:\\.\\w{1,60}[ \\t]*)?\\(`).test(
    guard.text.slice(built.index + built[0].length, MAX_GUARD_TEXT),
  )
    ? name
    : undefined;
}

/**
 * The same shape written at a module's top, in a script with neither functions nor a main guard (an expert model's
 * labelling script: `model = load_expert_model(task='depth')`, `with torch.no_grad():` then `for batch in loader:
 * pred = model(batch)` at column 0): Python runs the block on import, so the module is the inference run. Only a
 * block that loops over calls, in a file that builds or loads a model and takes no training step.
 */
export const moduleGradOffBlock: FileRule = {
  framework: 'pytorch',
  phase: 'after-calls',
  words: ['no_grad', 'inference_mode'],
  runStart: [/^with[ \t]+(?:\w+\.)?(?:no_grad|inference_mode)\(\)[ \t]*:/m],
  read: (_index, ctx) => {
    if (ctx.facts.some(startsARun) || trainsAModel(ctx.text)) return;
    const top = ctx.tree.rootNode.namedChildren;
    // A model its top loads by a hub entry point (`model = torch.hub.load(repo_or_dir=..., model=MODEL_NAME)`, DINOv3's
    // notebooks), whose released weights the entry point loads: one kept call of it under no_grad is its work too.
    const hubModels = ctx.text.includes('hub.load') ? hubLoadedAtTop(top) : [];
    if (hubModels.length === 0 && !loadsAModel(ctx.text)) return;
    // The module's own top loads trained weights and puts a model in eval mode (`trainer.gen_a.load_state_dict(…)`,
    // `trainer.eval()`, MUNIT's and FUNIT's test scripts): then one kept call under no_grad is that model's work.
    const evaluated = evaluatedAtTop(top);
    const callsHubModel =
      hubModels.length > 0 ? new RegExp(`(?<![\\w.])(?:${hubModels.join('|')})[ \\t]*[.(]`) : undefined;
    for (const statement of top) {
      if (statement?.type !== 'with_statement') continue;
      const m = GRAD_OFF_WITH.exec(statement.text.slice(0, 200));
      const block = statement.childForFieldName('body')?.namedChildren ?? [];
      // A call bound in the block, or in a `with autocast():` nested in it.
      const keptCall = (c: Node | null) =>
        boundCall(c) ||
        (c?.type === 'with_statement' && (c.childForFieldName('body')?.namedChildren ?? []).some(boundCall));
      const runsHubModel = callsHubModel?.test(statement.text.slice(0, MAX_GUARD_TEXT)) ?? false;
      const runsTrained = evaluated.length > 0 || runsHubModel;
      const loops = block.some(loopOfCalls);
      if (!m || !(loops || (runsTrained && block.some(keptCall)))) continue;
      if (evaluated.length > 0) dropConstructionOfEvaluated(evaluated, ctx);
      ctx.facts.push({
        kind: 'launch.inference',
        value: `module under ${m[1]}`,
        range: nodeRange(statement),
        confidence: 'medium',
        detail:
          evaluated.length > 0
            ? `the module loads trained weights, puts its model in eval mode and runs it inside \`with ${m[1]}:\` at its top, without a training step: an inference run`
            : runsHubModel && !loops
              ? `the module runs the model a hub entry point loads (its released weights) inside \`with ${m[1]}:\` at its top, without a training step: an inference run`
              : `the module runs a loop over its model inside \`with ${m[1]}:\` at its top, and the file builds or loads a model without a training step: an inference run`,
      });
      return;
    }
  },
};

/**
 * The same script without no_grad (written for PyTorch before 0.4, `Variable(x, volatile=True)`, or with gradients
 * simply left on): its top loads trained weights and puts the model in eval mode (evaluatedAtTop), and then a
 * loop at its top, or in an `if` there choosing the variant, calls the model over its inputs (`for images in loader:
 * content, _ = encode(images)`). No training step in the file: an inference run.
 */
export const moduleEvaluatedLoop: FileRule = {
  framework: 'pytorch',
  phase: 'after-calls',
  words: ['.eval('],
  runStart: [/^[A-Za-z_][\w.]{0,200}\.eval\(\)[ \t]*$/m],
  read: (_index, ctx) => {
    if (ctx.facts.some(startsARun) || trains(ctx.text) || !loadsAModel(ctx.text)) return;
    const module = ctx.tree.rootNode.namedChildren.slice(0, MAX_TOP_STATEMENTS);
    // The script's top, or the block of its main guard (`if __name__ == "__main__":` then the same steps).
    const guard = mainGuardOf(module)?.childForFieldName('consequence')?.namedChildren ?? [];
    const atModule = evaluatedAtTop(module);
    const top = atModule.length > 0 ? module : guard.slice(0, MAX_TOP_STATEMENTS);
    const evaluatedStatements = atModule.length > 0 ? atModule : evaluatedAtTop(top);
    const evalStatement = evaluatedStatements[0];
    if (!evalStatement) return;
    const evalRow = evalStatement.startPosition.row;
    // The loop runs that model: it names it, or a name the top binds from it (`encode = trainer.gen_a.encode`, a list
    // of the evaluated models, `models = [nerf_coarse, nerf_fine]`).
    const evaluatedNames = evaluatedStatements.map((c) => c.text.trim().split('.')[0]);
    const names = new Set(evaluatedNames);
    const fromModel = new RegExp(`\\b(?:${evaluatedNames.join('|')})\\b[ \\t]*[.,\\]]`);
    for (const c of top) {
      const m = /^([A-Za-z_]\w{0,60})[ \t]*=[^=]/.exec(c?.type === 'expression_statement' ? c.text.slice(0, 400) : '');
      if (m && fromModel.test(c!.text.slice(m[0].length - 1, 400))) names.add(m[1]);
      if (names.size >= MAX_BOUND_NAMES) break;
    }
    // Called (`model(x)`, `model.encode(x)`), or handed to the file's function that runs it (`batched_inference(models,
    // rays)`): the file takes no training step, so whatever that function does with the model is inference.
    const alternatives = [...names].join('|');
    const runsModel = new RegExp(
      `(?<![\\w.])(?:${alternatives})\\b[ \\t]*[.(]|\\w[ \\t]*\\([ \\t]*(?:${alternatives})[ \\t]*[,)]`,
    );
    const loops = top.flatMap((c) =>
      c?.type === 'if_statement'
        ? [
            c.childForFieldName('consequence'),
            ...c.namedChildren.filter((b) => /^(?:elif|else)_clause$/.test(b?.type ?? '')),
          ].flatMap((b) =>
            b?.type === 'block'
              ? b.namedChildren
              : ((b?.childForFieldName('consequence') ?? b?.childForFieldName('body'))?.namedChildren ?? []),
          )
        : [c],
    );
    const loop = loops.find(
      (c) =>
        c !== null &&
        c.startPosition.row > evalRow &&
        loopOfCalls(c) &&
        c.endIndex - c.startIndex <= MAX_LOOP_TEXT &&
        runsModel.test(c.text),
    );
    if (!loop) return;
    ctx.facts.push({
      kind: 'launch.inference',
      value: 'module loop after eval()',
      range: nodeRange(loop),
      confidence: 'medium',
      detail:
        'the module loads trained weights, puts its model in eval mode and then loops over its inputs calling it at its top, without a training step: an inference run',
    });
  },
};

/**
 * The program's trainer class built only to hold the model it then evaluates (`trainer = Trainer(config)`,
 * `trainer.load_ckpt(opts.ckpt)`, `trainer.eval()`: FUNIT's test script): its construction (`construct:Trainer`) sets
 * up no training here, so it is dropped.
 */
function dropConstructionOfEvaluated(evalStatements: readonly Node[], ctx: { facts: Fact[]; text: string }): void {
  const evaluated = new Set(evalStatements.map((c) => c.text.trim().split('.')[0]));
  const lines = ctx.text.split('\n');
  const kept = ctx.facts.filter((f) => {
    if (f.kind !== 'launch.trainer' || !String(f.value).startsWith('construct:')) return true;
    const bound = /^([A-Za-z_]\w{0,60})[ \t]*=/.exec(lines[f.range.startLine] ?? '')?.[1];
    return !bound || !evaluated.has(bound);
  });
  ctx.facts.length = 0;
  ctx.facts.push(...kept);
}

/** Names bound from the evaluated model followed per script (`encode = trainer.gen_a.encode`: a handful). */
const MAX_BOUND_NAMES = 50;
/** Top-level statements looked at for a weight load and an eval-mode call (a script has a few hundred). */
const MAX_TOP_STATEMENTS = 400;
/** `trainer.eval()`, `model.net.eval()` as a statement of its own, also after a move (`net.cuda().eval()`). */
const EVAL_MODE_STATEMENT =
  /^[A-Za-z_]\w{0,60}(?:\.[A-Za-z_]\w{0,60}){0,4}(?:\.(?:cuda|cpu|half|float|to)[ \t]*\([^()\n]{0,60}\)){0,2}\.eval[ \t]*\([ \t]*\)$/;

/**
 * The statements at a module's top (outside its definitions) that put a model in eval mode (`trainer.eval()`), where
 * that top also loads trained weights (LOADS_WEIGHTS, or a `load_ckpt(` of the program's trainer class); none otherwise.
 */
function evaluatedAtTop(top: readonly (Node | null)[]): Node[] {
  let loads = false;
  const evaluates: Node[] = [];
  for (const statement of top.slice(0, MAX_TOP_STATEMENTS)) {
    if (!statement || /definition$/.test(statement.type) || statement.type === 'with_statement') continue;
    const text = statement.text.slice(0, MAX_GUARD_TEXT);
    // Also the project's own checkpoint helper handed the model (`load_ckpt(nerf_coarse, args.ckpt_path)`).
    if (LOADS_WEIGHTS.test(text) || /(?:\.|\b)load_ckpt[ \t]*\(/.test(text)) loads = true;
    if (statement.type === 'expression_statement' && EVAL_MODE_STATEMENT.test(text.trim())) evaluates.push(statement);
  }
  return loads ? evaluates : [];
}

/** `model = torch.hub.load(` at the start of a statement: a name bound to a hub entry point's model. */
const HUB_LOADED = /^([A-Za-z_]\w{0,60})[ \t]*=[ \t]*(?:torch\.)?hub\.load[ \t]*\(/;
/** Hub-loaded names followed per module. */
const MAX_HUB_MODELS = 8;

/** The names a module's top binds to models loaded by a hub entry point (`model = torch.hub.load(...)`). */
function hubLoadedAtTop(top: readonly (Node | null)[]): string[] {
  const names: string[] = [];
  for (const statement of top.slice(0, MAX_TOP_STATEMENTS)) {
    if (statement?.type !== 'expression_statement') continue;
    const m = HUB_LOADED.exec(statement.text.slice(0, 200));
    if (m && !names.includes(m[1])) names.push(m[1]);
    if (names.length >= MAX_HUB_MODELS) break;
  }
  return names;
}

/** `torch.set_grad_enabled(False)` as a statement of its own (an alias of torch before the attribute). */
const GRAD_DISABLED = /^(?:[A-Za-z_]\w{0,30}\.)?set_grad_enabled[ \t]*\([ \t]*False[ \t]*\)$/;

/**
 * The statement form of the same: the entry function (or main guard) turns gradients off for the rest of the program
 * (`torch.set_grad_enabled(False)`, as DiT- and MaskGIT-style sampling scripts open their `main()`) and then loops over
 * calls (`for _ in pbar: samples = sample_fn(generator=..., ...)`), in a file that builds or loads a model and takes no
 * training step: an inference run.
 */
export const gradDisabledEntry: FileRule = {
  framework: 'pytorch',
  phase: 'after-calls',
  words: ['set_grad_enabled'],
  runStart: [/^[ \t]+(?:\w+\.)?set_grad_enabled\([ \t]*False[ \t]*\)/m, /__main__/],
  read: (_index, ctx) => {
    if (ctx.facts.some(startsARun) || trains(ctx.text) || !loadsAModel(ctx.text)) return;
    const executed = executedRowMask(ctx.tree);
    for (const { name, label, body } of entryBodies(ctx.tree.rootNode.namedChildren)) {
      if (!body || executed[body.startPosition.row] !== 1) continue;
      const statements = body.namedChildren;
      const off = statements.findIndex((c) => c?.type === 'expression_statement' && GRAD_DISABLED.test(c.text.trim()));
      if (off < 0 || !statements.slice(off + 1).some(loopOfCalls)) continue;
      ctx.facts.push({
        kind: 'launch.inference',
        value: `${name} with gradients disabled`,
        range: nodeRange(statements[off]!),
        confidence: 'medium',
        detail: `${label} turns gradients off (\`${statements[off]!.text.trim()}\`) and then loops over its model's calls, in a file that builds or loads a model without a training step: an inference run`,
      });
      return;
    }
  },
};

/**
 * Where an entry's statements have a model with trained weights in eval mode: `model.eval()` after the weights were
 * loaded into it (`model.load_state_dict(…)`) or after it was bound from a loader of this module that loads them
 * (`model_painter = prepare_model(ckpt_path, arch)`); or bound from a loader that does both (its body ends with
 * `model.eval()`).
 */
function evaluatedModel(
  statements: readonly (Node | null)[],
  loaders: ReadonlyMap<string, boolean>,
): { model: string; at: number } | undefined {
  const bound = (c: Node | null) =>
    /^([A-Za-z_]\w{0,60})[ \t]*=[ \t]*([A-Za-z_]\w{0,60})[ \t]*\(/.exec(c?.text.slice(0, 200) ?? '');
  const at = statements.findIndex((c) => c?.type === 'expression_statement' && EVAL_STATEMENT.test(c.text.trim()));
  if (at >= 0) {
    const model = EVAL_STATEMENT.exec(statements[at]!.text.trim())![1];
    const loaded = (c: Node | null) => {
      const b = bound(c);
      return !!c && (c.text.includes(`${model}.load_state_dict(`) || (b?.[1] === model && loaders.has(b[2])));
    };
    if (statements.slice(0, at).some(loaded)) return { model, at };
  }
  const evaluating = statements.findIndex(
    (c) => c?.type === 'expression_statement' && loaders.get(bound(c)?.[2] ?? '') === true,
  );
  return evaluating < 0 ? undefined : { model: bound(statements[evaluating])![1], at: evaluating };
}

/** The names of the module's own functions. */
function localFunctions(statements: readonly (Node | null)[]): Set<string> {
  return new Set([...topLevelFunctions(statements, MAX_WEIGHT_LOADERS)].map((f) => f.name));
}

/**
 * A test program of the pix2pix family (CycleGAN, CUT and their forks' `test.py`): its entry builds the model from its
 * options (`model = create_model(opt)`, which loads the saved networks in `model.setup(opt)`), then loops over the test
 * set calling the model's test step (`model.set_input(data)`, `model.test()`: its forward pass under `torch.no_grad()`).
 * Nothing trains in the file: an inference run.
 */
export const modelTestLoop: FileRule = {
  framework: 'pytorch',
  phase: 'after-calls',
  words: ['.test('],
  runStart: [/^[ \t]+\w+\.test\(\)[ \t]*(?:#.*)?$/m, /__main__/],
  read: (_index, ctx) => {
    if (ctx.facts.some(startsARun) || trains(ctx.text)) return;
    const executed = executedRowMask(ctx.tree);
    for (const { name, label, body } of entryBodies(ctx.tree.rootNode.namedChildren)) {
      if (!body || executed[body.startPosition.row] !== 1) continue;
      const statements = body.namedChildren.slice(0, MAX_ENTRY_STATEMENTS);
      for (const [at, statement] of statements.entries()) {
        const built =
          /^([A-Za-z_]\w{0,60})[ \t]*=[ \t]*(?:[A-Za-z_]\w{0,60}\.)?(?:create|build|make|get)_model[ \t]*\(/.exec(
            statement?.type === 'expression_statement' ? statement.text.slice(0, 300) : '',
          );
        if (!built) continue;
        const model = built[1];
        const step = new RegExp(`^[ \\t]*${model}\\.test[ \\t]*\\([ \\t]*\\)`, 'm');
        const loop = statements
          .slice(at + 1)
          .find(
            (c) =>
              (c?.type === 'for_statement' || c?.type === 'while_statement') &&
              c.endIndex - c.startIndex <= MAX_LOOP_TEXT &&
              step.test(c.text),
          );
        if (!loop) continue;
        ctx.facts.push({
          kind: 'launch.inference',
          value: `${name} tests ${model}`,
          range: nodeRange(loop),
          confidence: 'medium',
          detail: `${label} builds \`${model}\` from its options and calls its test step (\`${model}.test()\`) over the test set in a loop, in a file without a training step: an inference run`,
        });
        return;
      }
    }
  },
};

/** Module-level functions looked at for a loader that loads trained weights into the model it returns. */
const MAX_WEIGHT_LOADERS = 50;

/**
 * The module's functions that load trained weights (`load_state_dict(`) and return something, each with whether its
 * body also puts the model in eval mode.
 */
function weightLoaders(statements: readonly (Node | null)[]): Map<string, boolean> {
  const out = new Map<string, boolean>();
  for (const { name, body } of topLevelFunctions(statements, Infinity)) {
    if (out.size >= MAX_WEIGHT_LOADERS) break;
    const text = body?.text.slice(0, MAX_LOOP_TEXT) ?? '';
    if (/\.load_state_dict[ \t]*\(/.test(text) && /^[ \t]*return[ \t]+\w/m.test(text))
      out.set(name, EVAL_CALL.test(text));
  }
  return out;
}

/** `model.eval()` as a statement: the name of the model put in eval mode. */
const EVAL_STATEMENT = /^([A-Za-z_]\w{0,60})\.eval[ \t]*\([ \t]*\)$/;
/** Statements of an entry body looked at, and characters of a loop looked into for the model's call. */
const MAX_ENTRY_STATEMENTS = 400;
const MAX_LOOP_TEXT = 20_000;

/**
 * A test program of image-restoration repositories (KAIR-, SwinIR- and BasicSR-style `main_test_*.py`): its entry
 * builds the network, loads trained weights into it (`model.load_state_dict(torch.load(model_path))`), puts it in eval
 * mode and then runs it over the test images in a loop (`img_E = model(img_L)`), often with no `no_grad` (its
 * parameters' `requires_grad` switched off instead). Nothing trains in the file: an inference run.
 */
export const evaluatedModelLoop: FileRule = {
  framework: 'pytorch',
  phase: 'after-calls',
  words: ['.eval(', 'load_state_dict'],
  runStart: [/^[ \t]+\w+\.eval\(\)[ \t]*$/m, /\.load_state_dict[ \t]*\(/, /__main__/],
  read: (_index, ctx) => {
    if (ctx.facts.some(startsARun) || trains(ctx.text)) return;
    const executed = executedRowMask(ctx.tree);
    const top = ctx.tree.rootNode.namedChildren;
    const loaders = weightLoaders(top);
    for (const { name, label, body } of entryBodies(top)) {
      if (!body || executed[body.startPosition.row] !== 1) continue;
      const statements = body.namedChildren.slice(0, MAX_ENTRY_STATEMENTS);
      const point = evaluatedModel(statements, loaders);
      if (!point) continue;
      const { model, at } = point;
      // Called itself, or handed to the function that runs it (`run_one_image(img, tgt, size, model, out_path)`,
      // `model=model_painter`).
      const called = new RegExp(
        `(?:\\b${model}(?:\\.forward)?[ \\t]*\\(|[(,][ \\t]*(?:\\w{1,40}[ \\t]*=[ \\t]*)?${model}[ \\t]*[,)])`,
      );
      const rest = statements.slice(at + 1);
      const loop = rest.find(
        (c) =>
          (c?.type === 'for_statement' || c?.type === 'while_statement') &&
          c.endIndex - c.startIndex <= MAX_LOOP_TEXT &&
          called.test(c.text),
      );
      // Without a loop, one call of a runner this module defines, handed the model (a demo on one image, Painter's
      // `run_one_image(img, tgt, size, model_painter, out_path, device)`): not an export or a save of a library.
      const runner = new RegExp(
        `^(?:[\\w, \\t]{1,200}=[ \\t]*)?(${[...localFunctions(top)].join('|') || '(?!)'})[ \\t]*\\(`,
      );
      const once = loop
        ? undefined
        : rest.find(
            (c) => c?.type === 'expression_statement' && runner.test(c.text) && called.test(c.text.slice(0, 2000)),
          );
      if (!loop && !once) continue;
      ctx.facts.push({
        kind: 'launch.inference',
        value: `${name} evaluates ${model}`,
        range: nodeRange(statements[at]!),
        confidence: 'medium',
        detail: `${label} loads trained weights into \`${model}\`, puts it in eval mode and runs it over its inputs${loop ? ' in a loop' : ''}, in a file without a training step: an inference run`,
      });
      return;
    }
  },
};
