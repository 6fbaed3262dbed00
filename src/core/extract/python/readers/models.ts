import { insideClass } from './modelConstructor';
import { gatedTest } from '../requiredLiterals';
import type { Node } from 'web-tree-sitter';
import { countModuleClasses, forwardCostOfCount, type EnvironmentSizes } from '../../moduleParams';
import { rlEnvironmentSpaces } from '../../../knowledge/data/rlEnvironments';
import { evaluate, type SymbolTable } from '../../pythonValues';
import { escapeRegExp, truncate, type PythonReadContext } from '../context';
import type { FileRule } from '../rules';
import type { SyntaxIndex } from '../syntaxIndex';
import { executedRowMask } from '../entryPoint';
import { fromImports } from '../fromImports';
import { forwardRowCounter } from '../rowCounter';
import { defaultEnvironmentId, simulatedEnvironment } from '../rlEnvironment';

/**
 * Whole-file passes after the calls: the nn.Module a file trains (parameters counted through its
 * layers), how a hand-written LM lays out its embeddings, forward-only use of a pretrained model
 * (inference), and Keras fit() phases that add up.
 */

/**
 * The nn.Module the file trains: the largest counted subclass that the file instantiates
 * (or the largest one, for a module file). Its parameters, and for models without token
 * embeddings the forward FLOPs per sample, become facts.
 */
function readModuleClasses(index: SyntaxIndex, text: string, ctx: PythonReadContext, symbols: SymbolTable): void {
  nameRlNetworks(index.classes, ctx);
  const counted = countModuleClasses(index.classes, symbols, trainedEnvironment(text), text);
  if (counted.length === 0) return;
  // Instantiated somewhere other than its own `class X(...)` header: the model the file trains.
  const candidates = counted.filter((c) => {
    const uses = text.match(new RegExp(`\\b${c.className}\\s*\\(`, 'g'))?.length ?? 0;
    const headers = text.match(new RegExp(`class\\s+${c.className}\\s*\\(`, 'g'))?.length ?? 0;
    return uses > headers;
  });
  // Several models trained together (a GAN's generator and discriminator): every module whose
  // parameters an optimizer receives is trained, so their parameters add up.
  const trained = counted.filter((c) => optimisedInstances(text, c.className));
  // One class whose instance the optimizer receives is the model, even where a part of it (a head it builds)
  // counts as many parameters as the counted layers of the whole (the rest built by a library).
  // The file builds its model, outside any class, from a module class whose layers could not be counted (sized by a
  // config dict it is handed), and the counted classes are only built inside other classes (a LayerNorm or a
  // feed-forward block of that model): a part is no size for the model, which another rule may size.
  if (trained.length !== 1 && partsOfAnUncountedModel(index, text, counted)) return;
  const chosen =
    trained.length === 1
      ? trained[0]
      : (candidates.length > 0 ? candidates : counted).sort((a, b) => b.params - a.params)[0];
  // Agents whose networks each keep their own optimizer (`self.optimizer = optim.Adam(self.parameters())` in a policy
  // and in a Q-network, SAC-style): several networks are trained, in as many copies as the program builds (twin
  // critics, target copies), so no one class's count is the run's size.
  if (trained.length === 0 && counted.filter((c) => SELF_OPTIMISED.test(c.node.text)).length > 1) return;
  // A block of a larger network of this file (`spatial_attn_layer` inside `DAU`, built nowhere else), chosen because
  // the network itself could not be counted: a part's size is no size for the model.
  if (trained.length !== 1 && onlyAPart(chosen.className, text, index.classes)) return;
  const name = chosen.node.childForFieldName('name') ?? chosen.node;
  // A part whose size cannot be read (a network imported from another module, a pretrained encoder loaded by its
  // class) may be most of the model: the counted layers are then no size for it, which stays unknown.
  if (trained.length > 1 && trained.includes(chosen)) {
    const total = trained.reduce((n, c) => n + c.params, 0);
    const unsized = trained.flatMap((c) => c.unresolved);
    const names = trained.map((c) => c.className).join(' + ');
    ctx.add(
      'model.params',
      unsized.length > 0 ? null : total,
      name,
      unsized.length > 0
        ? `${names}, trained together, build parts whose size the file does not state (${unsized.slice(0, 3).join('; ')}): size unknown`
        : `counted from the layers of ${trained.map((c) => `${c.className} (${c.params.toLocaleString('en-US')})`).join(' + ')}, trained together`,
      unsized.length > 0 ? 'low' : 'medium',
    );
    if (unsized.length === 0) forwardCostOf(ctx, names, total, trained, name);
    return;
  }
  if (chosen.unresolved.length > 0) {
    ctx.add(
      'model.params',
      null,
      name,
      `${chosen.className} builds parts whose size the file does not state (${chosen.unresolved.slice(0, 3).join('; ')}): size unknown`,
      'low',
    );
    return;
  }
  ctx.add('model.params', chosen.params, name, `counted from the layers of ${chosen.className}`, 'medium');
  forwardCostOf(ctx, chosen.className, chosen.params, [chosen], name);
}

/** The forward cost per sample of counted networks, every one of them run on each sample (forwardCostOfCount). */
function forwardCostOf(
  ctx: PythonReadContext,
  names: string,
  params: number,
  networks: readonly { readonly node: Node; readonly hasConvolution: boolean }[],
  at: Node,
): void {
  const cost = forwardCostOfCount(
    names,
    params,
    networks.some((n) => n.hasConvolution),
    () => networks.some((n) => /\bEmbedding\s*\(/.test(n.node.text)),
  );
  if (!cost) return;
  ctx.add('model.forwardFlopsPerSample', cost.flops.value, at, cost.flops.detail, cost.flops.confidence);
  if (cost.convolutional) ctx.add('model.convolutional', names, at, cost.convolutional, 'medium');
}

/** Module classes of a file looked at for where they are built (a script defines tens). */
const MAX_BUILT_CLASSES = 200;
/** Uses of one class name looked at. */
const MAX_USES = 200;

/** Is `name(` called somewhere outside every class body of the file (the script or a function building its model)? */
function builtOutsideClasses(name: string, text: string, classes: readonly Node[]): boolean {
  const use = new RegExp(`(?<![\\w.])${escapeRegExp(name)}[ \\t]*\\(`, 'g');
  let m: RegExpExecArray | null;
  for (let seen = 0; (m = use.exec(text)) && seen < MAX_USES; seen++) {
    const at = m.index;
    if (!classes.some((c) => c.startIndex <= at && at < c.endIndex)) return true;
  }
  return false;
}

/** An optimizer over the module's own weights, built in its class (`optim.Adam(self.parameters(), lr=lr)`). */
const SELF_OPTIMISED = /\b(?:optim\.)?[A-Z]\w{0,20}\([ \t]*(?:params[ \t]*=[ \t]*)?self\.parameters\(\)/;

/** Built only inside the bodies of the file's other classes, never by the program or a function outside them. */
function onlyAPart(name: string, text: string, classes: readonly Node[]): boolean {
  const bounded = classes.slice(0, MAX_BUILT_CLASSES);
  if (builtOutsideClasses(name, text, bounded)) return false;
  const use = new RegExp(`(?<![\\w.])${escapeRegExp(name)}[ \\t]*\\(`);
  return bounded.some((c) => c.childForFieldName('name')?.text !== name && use.test(c.text));
}

function partsOfAnUncountedModel(
  index: SyntaxIndex,
  text: string,
  counted: ReadonlyArray<{ readonly className: string }>,
): boolean {
  const classes = index.classes.slice(0, MAX_BUILT_CLASSES);
  const countedNames = new Set(counted.map((c) => c.className));
  if (counted.some((c) => builtOutsideClasses(c.className, text, classes))) return false;
  for (const cls of classes) {
    const name = cls.childForFieldName('name')?.text;
    if (!name || countedNames.has(name) || !/^[A-Za-z_]\w{0,100}$/.test(name)) continue;
    const bases = cls.childForFieldName('superclasses')?.text ?? '';
    if (!/(?:^|[(.,\s])Module\b/.test(bases)) continue;
    if (builtOutsideClasses(name, text, classes)) return true;
  }
  return false;
}

/**
 * `model = torch.load(f)`: a whole model unpickled from a checkpoint. A name then handed to a built model's
 * `load_state_dict` (`pretrained_model = torch.load(path)`, `model.load_state_dict(pretrained_model[key])`) holds a
 * state dict, not a model: the weights of a network the program builds itself (PyTorch docs, "Saving and Loading
 * Models": `model.load_state_dict(torch.load(PATH))`).
 */
const checkpointModelAssigned = gatedTest(/\b(model|net|\w+_model)\s*=\s*torch\.load\s*\(/);
const CHECKPOINT_MODEL = /\b(model|net|\w{1,40}_model)\s*=\s*torch\.load\s*\(/g;
/** Assignments looked at (a program loads a checkpoint or two). */
const MAX_CHECKPOINT_LOADS = 20;
function checkpointModel(text: string): boolean {
  if (!checkpointModelAssigned(text)) return false;
  let n = 0;
  for (const m of text.matchAll(CHECKPOINT_MODEL)) {
    if (++n > MAX_CHECKPOINT_LOADS) return true;
    if (!new RegExp(`\\.load_state_dict\\([ \\t]*${m[1]}\\b`).test(text)) return true;
  }
  return false;
}
/**
 * `model = instantiate_from_config(config.model).to(device).eval()` (latent-diffusion, sgm): a network built from
 * a config at run time and put in eval mode, its weights loaded from the checkpoint the config names: a trained
 * model whose size lives in that config.
 */
const CONFIG_BUILT_EVAL = /\binstantiate_from_config\([^()\n]{0,200}\)(?:\.to\([^()\n]{0,100}\))?\.eval\(\)/;
/**
 * The same in steps: `model = instantiate_from_config(config.model)`, then `model.eval()`, or its trained weights
 * loaded into it (`model.load_state_dict(torch.load(ckpt)["state_dict"])`: the demo apps' loaders, which sample
 * under `torch.no_grad()` without ever calling eval()).
 */
const CONFIG_BUILT = /\b(\w{1,40})[ \t]*=[ \t]*instantiate_from_config\(/;
/**
 * OpenMMLab's model builders (`init_model(config, checkpoint)` in mmagic and mmseg, `init_detector` in mmdet,
 * `init_recognizer` in mmaction, `init_pose_model`/`init_model` in mmpose), imported from the toolbox's `apis`: they
 * build the network from a config and load its trained weights (mmdet docs, "Inference with existing models":
 * "init_detector: Initialize a detector from config file", given the checkpoint or the config's own pretrained
 * paths), for the program's forward passes.
 */
const OPENMMLAB_BUILDER_IMPORT =
  /^[ \t]*from[ \t]+mm[a-z0-9]{1,20}\.apis(?:\.[a-z_]{1,40}){0,3}[ \t]+import[^\n]{0,200}\binit_(?:model|detector|segmentor|recognizer|pose_model)\b/m;
const OPENMMLAB_BUILDER_CALL = /\binit_(?:model|detector|segmentor|recognizer|pose_model)[ \t]*\(/;
/**
 * mmengine's registry build put in eval mode (`net = MODELS.build(Config.fromfile(path).model).cuda().eval()`, mmengine
 * docs "Registry"): the network a config describes, its weights loaded as that config says, run forward. One level of
 * nested parentheses in the arguments, each piece bounded: linear.
 */
const REGISTRY_BUILT_EVAL =
  /\bMODELS\.build\((?:[^()\n]|\([^()\n]{0,200}\)){0,300}\)(?:\.(?:to\([^()\n]{0,100}\)|cuda\(\)))?\.eval\(\)/;
function builtFromConfigInEval(text: string): boolean {
  if (OPENMMLAB_BUILDER_CALL.test(text) && OPENMMLAB_BUILDER_IMPORT.test(text)) return true;
  if (text.includes('MODELS.build(') && REGISTRY_BUILT_EVAL.test(text)) return true;
  if (!text.includes('instantiate_from_config')) return false;
  if (CONFIG_BUILT_EVAL.test(text)) return true;
  const built = CONFIG_BUILT.exec(text);
  return built !== null && (text.includes(`${built[1]}.eval()`) || text.includes(`${built[1]}.load_state_dict(`));
}

/**
 * A network the program builds from a class (`g = Generator(args.size, 512, 8).to(device)`), or with a model factory
 * named for what it does (`net = pkg.config.make_model(config)`, `build_model(cfg)`, `create_model(name)`), and then
 * gives trained weights from a checkpoint file (`g.load_state_dict(ckpt["g_ema"])`,
 * `net.load_state_dict(load_file(path))`): a trained model, as surely as one unpickled whole. Read from assignments at the line start; at most MAX_BUILT of them are checked.
 * The model may be held on the program's object (`self.model = Net(variant).eval()`, then `self.model.load_state_dict(
 * torch.load(ckpt))` in a class its main guard builds), or built through a class imported under an alias (`from
 * models.net_x import NetX as net`, then `model = net(...)`), or a class named through its module (`model =
 * fast.Transformer(model_args)` with `import model as fast`, xformers' Llama inference example).
 */
// Also a class fetched from an architecture registry by name (`net = ARCH_REGISTRY.get('CodeFormer')(...)`).
const CLASS_BUILT =
  /^[ \t]*((?:self\.)?[A-Za-z_]\w{0,40})[ \t]*=[ \t]*(?:(?:[a-z_]\w{0,40}\.){0,2}[A-Z]\w{0,60}|(?:[A-Za-z_]\w{0,40}\.){0,3}(?:make|build|create)_\w{0,30}model|\w{0,40}_?REGISTRY\.get\([ \t]*["'][\w.-]{1,60}["'][ \t]*\))\(/gm;
/** `vae, var = build_vae_var(...)`: a builder returning several networks, each named in a tuple. */
const TUPLE_BUILT =
  /^[ \t]*([A-Za-z_]\w{0,40}(?:[ \t]*,[ \t]*[A-Za-z_]\w{0,40}){1,4})[ \t]*=[ \t]*(?:[A-Z]\w{0,60}|(?:[A-Za-z_]\w{0,40}\.){0,3}(?:make|build|create)_\w{0,30})\(/gm;
const MAX_BUILT = 200;
/** Aliased class imports looked at per file. */
const MAX_ALIASES = 20;
const CHECKPOINT_READ =
  /\btorch\.load[ \t]*\(|\bload_file[ \t]*\(|\bsafe_open[ \t]*\(|\bload_checkpoint\w{0,20}[ \t]*\(/;
function builtThenGivenWeights(text: string, executed: Readonly<Uint8Array>): string | undefined {
  // A program that writes a checkpoint (`torch.save(ckpt, name + ".pt")`) converts or exports weights: no workload.
  if (!text.includes('.load_state_dict(') || /\btorch\.save[ \t]*\(/.test(text)) return undefined;
  // Weights read from a file (`torch.load(args.ckpt)`, safetensors' `load_file`): a state copied from another module
  // (`processor.load_state_dict(self.processor.state_dict())`, a library's own plumbing) is no trained checkpoint.
  if (!CHECKPOINT_READ.test(text)) return undefined;
  // Rows counted as the matches come, in order (one pass over the text).
  const rowOf = forwardRowCounter(text);
  let n = 0;
  // A class imported under a lower-case alias (`from models.net_x import NetX as net`, then `model = net(...)`).
  const aliases: string[] = [];
  for (const { name, local } of fromImports(text, Infinity)) {
    if (aliases.length >= MAX_ALIASES) break;
    if (local !== name && /^[A-Z]/.test(name) && /^[a-z_]\w{0,40}$/.test(local)) aliases.push(local);
  }
  const built =
    aliases.length === 0
      ? text.matchAll(CLASS_BUILT)
      : [
          ...text.matchAll(CLASS_BUILT),
          ...text.matchAll(
            new RegExp(`^[ \\t]*((?:self\\.)?[A-Za-z_]\\w{0,40})[ \\t]*=[ \\t]*(?:${aliases.join('|')})\\(`, 'gm'),
          ),
        ].sort((a, b) => a.index - b.index);
  const loaded = (name: string) =>
    new RegExp(`^[ \\t]*${escapeRegExp(name)}(?:\\[\\w{1,40}\\])?\\.load_state_dict\\(`, 'm').test(text);
  for (const m of built) {
    if (++n > MAX_BUILT) break;
    // Built in code that runs (module level or what the main guard reaches), not in a library's function bodies.
    if (executed[rowOf(m.index)] !== 1) continue;
    // At a statement's start: a commented-out load (`# feat.load_state_dict(...)`) gives no weights. A builder that
    // returns its sub-networks in a dict (`model = build_model(params)`, then `model[key].load_state_dict(...)` for
    // each key of the checkpoint) is given them one part at a time.
    if (loaded(m[1])) return m[1];
  }
  return undefined;
}

/**
 * Several networks built at once in code that runs (`vae, var = build_vae_var(...)`), one of them given trained
 * weights read from a file right there (`var.load_state_dict(torch.load(ckpt))`, safetensors' `load_file`): a trained
 * model, whose name other rules read or leave unknown. A package's own loader (`load_checkpoint('sketch-base')`) is
 * read by the rules that know the package's released weights.
 */
function tupleBuiltThenGivenWeights(text: string, executed: Readonly<Uint8Array>): string | undefined {
  if (!text.includes('.load_state_dict(') || /\btorch\.save[ \t]*\(/.test(text) || !CHECKPOINT_READ.test(text))
    return undefined;
  // Rows counted as the matches come, in order (one pass over the text, as builtThenGivenWeights does).
  const rowOf = forwardRowCounter(text);
  let n = 0;
  for (const m of text.matchAll(TUPLE_BUILT)) {
    if (++n > MAX_BUILT) break;
    if (executed[rowOf(m.index)] !== 1) continue;
    const names = m[1].split(',').map((x) => x.trim());
    const given = names.filter((name) =>
      new RegExp(
        `^[ \\t]*${escapeRegExp(name)}\\.load_state_dict\\([ \\t]*(?:torch\\.load|(?:safetensors\\.torch\\.)?load_file)\\(`,
        'm',
      ).test(text),
    );
    if (given.length > 0) return given[given.length - 1];
  }
  return undefined;
}

/**
 * A network built from a registry of classes with a checkpoint path (`vae = ae_wrapper[args.ae](args.ae_path)`,
 * `model = MODELS[name](ckpt_path=...)`): a trained model loaded at run time, its class chosen by a key.
 */
// Tested only on texts with a `](` (its regex starts at every word of a module).
const REGISTRY_BUILT_FROM_PATH =
  /\b\w{1,40}[ \t]*=[ \t]*\w{1,60}\[[^\]\n]{1,100}\]\([^()\n]{0,200}(?:path|ckpt|checkpoint|weights)/;

/**
 * A program that saves the model it built or converted (Hugging Face `save_pretrained`); an ONNX export
 * (`torch.onnx.export(model, dummy, path)`) writes the traced graph and its weights the same way.
 */
const WRITES_WEIGHTS = /\.save_pretrained[ \t]*\(|\btorch\.onnx\._?export[ \t]*\(/;
/**
 * Writing into a model's weight tensors (`model.lm_head.weight[token_id] = mean`, `emb.weight.data[:n] = w`,
 * `layer.weight.data.copy_(w)`): model surgery (new tokens' embeddings initialised, rows resized) before a save.
 * Bounded: the subscript is at most 200 characters of one line.
 */
const EDITS_WEIGHTS = /\.weight(?:\.data)?(?:\[[^\]\n]{0,200}\])?(?:[ \t]*=(?!=)|\.(?:copy_|fill_|zero_)\()/;
/** Inputs made up for a check rather than read from data. */
const MADE_UP_INPUT = /\b(?:np|numpy|torch)\.(?:ones|zeros|randn|rand|randint|empty)[ \t]*\(/;

/**
 * Methods a loaded model or sampler answers inference with (`.predict(...)`, `.infer(...)`), and those a loaded
 * scoring network answers with (`metric = AestheticMetric.from_pretrained(..., device="cuda")` then
 * `metric.compute(image)` / `judge.evaluate(prompt, image)`: its forward pass over the inputs, an evaluation run).
 * `.score(...)` stays out: a helper's ranking call (`ranker.score(texts)`) is not read as a run (round18u6/vega).
 */
const INFERENCE_METHOD = /^(?:predict|infer|inference|compute|evaluate)$/;
/** Sampling methods of a generative model (`generate_images`, `generate`, `sample`, `sample_images`). */
const GENERATION_METHOD = /^(?:generate|sample)(?:_\w{1,30})?$/;

/** Constructions that only set up devices and precision (Lightning Fabric, accelerate's Accelerator). */
const SETUP_ONLY = /^construct:(?:Fabric|Accelerator|PartialState)$/;

/**
 * Text of a file that trains something: forward passes in it are not a run of their own. A backward pass is not in
 * it: one that trains is read as a trainer (torch.ts `backward`, which the facts check below sees), one whose
 * gradients are only read (a saliency map, a gradient check) leaves the forward passes an inference run. PIL's
 * `ImageOps.fit(image, size)` crops an image.
 */
const TRAINS = /optim\.|(?<!ImageOps)\.fit\(|\.train\(\)|Trainer\(/;

/**
 * The model called once, outside any loop, on a tensor the file makes up (`image = torch.rand(1, 3, 754, 234).cuda()`,
 * then `output = model(image)`): a check that the model builds and runs, no workload.
 */
function smokeCall(call: Node, text: string): boolean {
  for (let n: Node | null = call.parent; n; n = n.parent)
    if (n.type === 'for_statement' || n.type === 'while_statement') return false;
  const args = call.childForFieldName('arguments')?.namedChildren ?? [];
  if (args.length !== 1 || args[0]?.type !== 'identifier') return false;
  const bound = new RegExp(`^[ \\t]*${args[0].text}[ \\t]*=[ \\t]*(.{1,300})$`, 'gm');
  const values = [...text.matchAll(bound)].map((m) => m[1]);
  return values.length > 0 && values.every((v) => MADE_UP_INPUT.test(v));
}

/**
 * A pretrained or named vision model put in eval mode or called under no_grad/inference_mode, in a file that
 * never trains anything: the file runs inference with it (predictions over a folder, a benchmark).
 */
function readForwardOnlyUse(index: SyntaxIndex, text: string, ctx: PythonReadContext): void {
  const facts = ctx.facts;
  // Device and precision setup (a Lightning Fabric, an Accelerator) trains nothing by itself.
  if (
    facts.some(
      (f) => (f.kind === 'launch.trainer' && !SETUP_ONLY.test(String(f.value))) || f.kind === 'launch.inference',
    )
  )
    return;
  // A named model (a checkpoint, or an architecture such as timm's `--model resnet50`) run forward only.
  // A whole model unpickled from a checkpoint file (`model = torch.load(f)`) is a trained model too; its size is then unknown.
  const builtFromConfig = builtFromConfigInEval(text);
  const executedRows = executedRowMask(ctx.tree);
  const builtWithWeights = builtThenGivenWeights(text, executedRows);
  const tupleBuilt = builtWithWeights === undefined ? tupleBuiltThenGivenWeights(text, executedRows) : undefined;
  const loadsCheckpoint =
    builtFromConfig ||
    checkpointModel(text) ||
    (text.includes('](') && REGISTRY_BUILT_FROM_PATH.test(text)) ||
    builtWithWeights !== undefined ||
    tupleBuilt !== undefined;
  if (
    !loadsCheckpoint &&
    !facts.some(
      (f) =>
        (f.kind === 'model.fromScratch' && f.value === false) || (f.kind === 'model.id' && typeof f.value === 'string'),
    )
  )
    return;
  if (TRAINS.test(text)) return;
  // A program that writes weights (`student.save_pretrained(out)`) and runs them once on made-up inputs
  // (`np.ones(16000)`, `torch.randn(1, 3, 224, 224)`): a conversion or initialisation with a smoke check, no workload.
  // A benchmark that hands the loaded model to its evaluator (`pb = PerformanceBenchmark(model=m, dataset=test)`,
  // `pb.run_benchmark()`) runs it over real data, though it also saves optimised copies and traces them on made-up input.
  if (WRITES_WEIGHTS.test(text) && (MADE_UP_INPUT.test(text) || EDITS_WEIGHTS.test(text))) {
    readEvaluationHandOff(text, ctx);
    return;
  }
  // A call of the loaded model itself (`logits = model(**inputs).logits`, `out = net(x)`) runs it as surely as eval().
  // So does asking it for outputs by its inference method (`sampler = VideoSampler.from_pretrained(root)` then
  // `sampler.predict(prompt=...)`, Keras-style `model.predict(x)`).
  const asked = (full: string, last: string) =>
    INFERENCE_METHOD.test(last) && ctx.modelHandles.has(full.slice(0, Math.max(0, full.length - last.length - 1)));
  const isMarker = (c: Node) => {
    const { full, last } = ctx.callee(c);
    // `torch.set_grad_enabled(False)` turns gradients off for what follows, as no_grad does.
    const gradOff =
      last === 'set_grad_enabled' && /^\(\s*False\s*\)$/.test(c.childForFieldName('arguments')?.text ?? '');
    // `model.eval()`, not Python's builtin `eval(text)` (`is_half = eval(os.environ.get("is_half", "True"))`).
    const evalMode = last === 'eval' && full !== 'eval';
    // The model built and given trained weights asked to generate (`dalle.generate_images(tokens)`, `net.sample(n)`):
    // its sampling method runs it forward (under the no_grad its library declares).
    const generates =
      builtWithWeights !== undefined && full === `${builtWithWeights}.${last}` && GENERATION_METHOD.test(last);
    return (
      /^(no_grad|inference_mode)$/.test(last) ||
      evalMode ||
      gradOff ||
      generates ||
      ctx.modelHandles.has(full) ||
      asked(full, last)
    );
  };
  // The first such call in code that runs (module level, or a function the program calls) marks the run: a notebook's
  // helper that nothing calls (a style extractor for a multi-speaker model, left unused) does not decide where it is.
  // Not in a class's method: building an encoder whose __init__ loads weights and calls eval() runs no forward pass
  // (a main guard that only counts its parameters); there the first mark anywhere decides, as before.
  const executed = executedRows;
  const ranMarker = index.calls.find((c) => executed[c.startPosition.row] === 1 && isMarker(c) && !insideClass(c));
  // Marked only inside a class (its `__init__` loads weights and calls eval()) in a file that writes weights: a main
  // guard that builds the class and saves it (a checkpoint-format check) runs no forward pass.
  if (!ranMarker && WRITES_WEIGHTS.test(text) && index.calls.some((c) => isMarker(c) && insideClass(c))) return;
  const marker = ranMarker ?? index.calls.find(isMarker);
  if (!marker) {
    if (!readKerasForwardUse(text, ctx)) readEvaluationHandOff(text, ctx);
    return;
  }
  const { full, last } = ctx.callee(marker);
  if (ctx.modelHandles.has(full) && smokeCall(marker, text)) return;
  ctx.add(
    'launch.inference',
    full,
    marker,
    ctx.modelHandles.has(full) || asked(full, last)
      ? `${full}(...) calls a pretrained model, and nothing trains it: forward passes only`
      : `${full}() with a pretrained model and no training: forward passes only`,
    'low',
  );
  // A config the program loads by name (`OmegaConf.load("configs/x.yaml")`, a flag's default) says the model.
  const namesConfig = builtFromConfig && facts.some((f) => f.kind === 'link.config');
  if (tupleBuilt !== undefined && !builtFromConfig && !checkpointModel(text)) {
    // Named (or left unknown) by the rules that read the builder; only the weights are this rule's reading.
    if (!facts.some((f) => f.kind === 'model.fromScratch'))
      ctx.add(
        'model.fromScratch',
        false,
        marker,
        `${tupleBuilt} is built with the networks beside it and given trained weights (load_state_dict)`,
        'medium',
      );
  } else if (loadsCheckpoint && !facts.some((f) => f.kind === 'model.id' || f.kind === 'model.params')) {
    ctx.add(
      'model.fromScratch',
      false,
      marker,
      builtFromConfig
        ? 'the model is built from a config and put in eval mode or given its trained weights: a trained checkpoint'
        : builtWithWeights !== undefined && !checkpointModel(text)
          ? 'the model is built from a class and given trained weights (load_state_dict): a trained checkpoint'
          : 'the model is a trained checkpoint loaded with torch.load',
      'medium',
    );
    // The unnamed model is placed where it is built when an OpenMMLab builder builds it (the line to edit).
    const builder = builtFromConfig
      ? index.calls.find((c) => /^init_(?:model|detector|segmentor|recognizer|pose_model)$/.test(ctx.callee(c).last))
      : undefined;
    if (!namesConfig)
      ctx.add(
        'model.id',
        null,
        builder ?? marker,
        builtFromConfig
          ? 'the model is built from a config at run time (instantiate_from_config, an OpenMMLab init_model): its size is in that config, not in the code'
          : builtWithWeights !== undefined && !checkpointModel(text)
            ? 'the model is built from a class of the program and given weights from a checkpoint: its name is not written'
            : 'the model is unpickled from a checkpoint file (torch.load): its size cannot be read from the code',
        'low',
      );
  }
}

/**
 * How a Keras program runs a pretrained model forward without calling it by name: `model.predict(x)`, a sub-model of
 * its layers (`keras.Model(inputs=model.inputs, outputs=layer_outputs)`, the feature extractor of deep dream, feature
 * visualisation and Grad-CAM, keras.io/examples/generative/deep_dream), or a backend function over its graph
 * (`K.function([model.input], [loss, grads])`, Keras 2's way to evaluate a loss and its gradient with respect to the
 * input image). Each line start bounded; the first match is the marker.
 */
const KERAS_FORWARD =
  /^[^\n#]{0,200}?(?:\.predict(?:_on_batch)?\(|\bModel\([ \t\n]{0,40}(?:inputs[ \t]*=[ \t]*)?[\w.]{1,80}\.inputs?\b|\b(?:K|backend)\.function\()/m;
/** A Keras program that trains: it fits, or applies an optimizer's gradients itself (a custom training loop). */
const KERAS_TRAINS = /\.fit(?:_generator)?\(|\.train_on_batch\(|apply_gradients\(|\.minimize\(/;

/**
 * A pretrained `keras.applications` network (weights="imagenet", the default) run forward in a program that trains
 * nothing: predictions, feature maps, or gradients with respect to the input (deep dream, style transfer, saliency)
 * that change the image, never the weights. An inference run of that network.
 */
function readKerasForwardUse(text: string, ctx: PythonReadContext): boolean {
  const pretrained = ctx.facts.some(
    (f) => f.kind === 'model.id' && typeof f.value === 'string' && f.detail.startsWith('keras.applications.'),
  );
  if (!pretrained || !ctx.facts.some((f) => f.kind === 'model.fromScratch' && f.value === false)) return false;
  if (KERAS_TRAINS.test(text)) return false;
  const m = KERAS_FORWARD.exec(text);
  if (!m) return false;
  const row = text.slice(0, m.index).split('\n').length - 1;
  const col = m[0].length - m[0].trimStart().length;
  const node = ctx.tree.rootNode.descendantForPosition({ row, column: col }) ?? ctx.tree.rootNode;
  ctx.add(
    'launch.inference',
    'keras',
    node,
    `${truncate(m[0].trim(), 60)}: the pretrained Keras network is run forward, and nothing trains it`,
    'low',
  );
  return true;
}

/**
 * A loaded model handed as `model=` to an evaluation object the file then runs: `pipeline = Pipeline(tasks=...,
 * model=qwen_model)` then `pipeline.evaluate()` (lighteval's Python API, and any evaluator of that shape). The
 * evaluator runs the model over its tasks: an inference run, though the file never calls the model itself.
 *
 * The same with the model as the constructor's first argument (`scorer = Perplexity(model, tokenizer, data)`), and
 * with the run named for the metric it computes (`scorer.calculate_perplexity(ctx, batch)`: perplexity is the
 * model's loss over a corpus, forward passes only), or an evaluation task's `run()` (`task = SummarizationTask(
 * model=model, ...)`, `task.run()`): a class named for an evaluation (`...Evaluator`, `...Evaluation`, `...Benchmark`)
 * or imported from an evaluation module (`from mypkg.eval_tasks import SummarizationTask`), never one named for
 * training.
 * Bounded: the constructor's arguments are read up to 2,000 characters, from assignments at the line start.
 */
const EVALUATOR_BUILT = /^[ \t]*([A-Za-z_]\w{0,60})[ \t]*=[ \t]*([A-Za-z_][\w.]{0,100})\(([^)]{0,2000})\)/gm;
const MODEL_KEYWORD = /\bmodel[ \t]*=[ \t]*([A-Za-z_]\w{0,60})\b/;
/** The constructor's first argument, when it is a plain name (`Perplexity(model, tokenizer, ...)`). */
const FIRST_ARGUMENT = /^\s*([A-Za-z_]\w{0,60})\s*(?:,|$)/;
const MAX_EVALUATORS = 20;
/**
 * The evaluator's run: `.evaluate()`, a benchmark's `.run_benchmark()`/`.benchmark()` (latency and accuracy), or a
 * method named for the perplexity it computes (`calculate_perplexity`, `compute_ppl`, `eval_perplexity`).
 */
const EVALUATOR_RUN =
  /^(?:evaluate|run_benchmark|benchmark|(?:calculate|compute|eval|evaluate|measure)_(?:perplexity|ppl))$/;
const EVALUATOR_RUN_TEXT =
  /\.(?:evaluate|run_benchmark|benchmark|(?:calculate|compute|eval|evaluate|measure)_(?:perplexity|ppl)|run)[ \t]*\(/;
/** A class named for an evaluation, whose `run()` is the evaluation; never one named for training. */
const EVALUATION_CLASS = /(?:Evaluator|Evaluation|Benchmark)$/;
const TRAINING_CLASS = /Train|Fine[Tt]un|Tun(?:er|ing)/;
/** A module of evaluations by its path (`pkg.eval_tasks`, `pkg.evaluation.tasks`, `benchmarks.suite`). */
const EVALUATION_MODULE =
  /(?:^|[._])(?:eval|evals|evaluate|evaluation|evaluations|eval_tasks|benchmark|benchmarks)(?:[._]|$)/;

/** Whether the class is imported from an evaluation module (`from pkg.eval_tasks import (A, B)`). */
function fromEvaluationModule(text: string, className: string): boolean {
  const imports = /^from[ \t]+([\w.]{1,200})[ \t]+import[ \t]+(\([^)]{0,2000}\)|[^\n]{1,2000})/gm;
  const name = new RegExp(`\\b${className}\\b`);
  for (const m of text.matchAll(imports)) if (name.test(m[2])) return EVALUATION_MODULE.test(m[1]);
  return false;
}

function readEvaluationHandOff(text: string, ctx: PythonReadContext): void {
  if (ctx.modelHandles.size === 0 || !EVALUATOR_RUN_TEXT.test(text)) return;
  let seen = 0;
  for (const m of text.matchAll(EVALUATOR_BUILT)) {
    const keyword = MODEL_KEYWORD.exec(m[3])?.[1];
    const first = FIRST_ARGUMENT.exec(m[3])?.[1];
    const handle =
      keyword && ctx.modelHandles.has(keyword) ? keyword : first && ctx.modelHandles.has(first) ? first : undefined;
    if (!handle) continue;
    // Counted among the objects handed a loaded model (a notebook assigns many other results before its evaluator).
    if (++seen > MAX_EVALUATORS) return;
    const className = m[2].slice(m[2].lastIndexOf('.') + 1);
    const runsTask =
      !TRAINING_CLASS.test(className) && (EVALUATION_CLASS.test(className) || fromEvaluationModule(text, className));
    let run: string | undefined;
    for (const c of text.matchAll(new RegExp(`\\b${m[1]}\\.(\\w{1,40})[ \\t]*\\(`, 'g'))) {
      if (EVALUATOR_RUN.test(c[1]) || (runsTask && c[1] === 'run')) {
        run = c[1];
        break;
      }
    }
    if (!run) continue;
    const row = text.slice(0, m.index).split('\n').length - 1;
    const col = m[0].length - m[0].trimStart().length;
    const node = ctx.tree.rootNode.descendantForPosition({ row, column: col }) ?? ctx.tree.rootNode;
    ctx.add(
      'launch.inference',
      `${m[1]}.${run}`,
      node,
      `${m[1]}.${run}() runs the pretrained model handed to it as ${handle === keyword ? `model=${handle}` : `its first argument (${handle})`}, and nothing trains it: an evaluation`,
      'low',
    );
    return;
  }
}

/** `class CastedLinear(nn.Linear):` a linear layer of the file's own (a cast or an init of its own, the same weights). */
const LINEAR_SUBCLASS = /^class[ \t]+[A-Za-z_]\w{0,60}[ \t]*\([ \t]*(?:torch\.)?nn\.Linear[ \t]*\)/m;
const LINEAR_SUBCLASSES = new RegExp(
  String.raw`^class[ \t]+([A-Za-z_]\w{0,60})[ \t]*\([ \t]*(?:torch\.)?nn\.Linear[ \t]*\)`,
  'gm',
);
const MAX_LINEAR_SUBCLASSES = 20;

/**
 * How a hand-written LM lays out its embeddings, for the parameter formula when the sizes come
 * from elsewhere (a YAML file): a learned position table (`nn.Embedding(block_size, d)`) and an
 * output layer with its own weights (`nn.Linear(d, vocab_size, bias=False)` never tied to the input).
 */
function readEmbeddingLayout(index: SyntaxIndex, text: string, ctx: PythonReadContext): void {
  if (!/nn\.(Embedding|Linear)\s*\(/.test(text) && !LINEAR_SUBCLASS.test(text)) return;
  // The file's own kinds of linear layer (`class CastedLinear(nn.Linear)`, the speedrun scripts' output head).
  const linears = new Set(['nn.Linear', 'torch.nn.Linear']);
  for (const m of text.matchAll(LINEAR_SUBCLASSES)) if (linears.size < MAX_LINEAR_SUBCLASSES) linears.add(m[1]);
  for (const call of index.calls) {
    const { full: called } = ctx.callee(call);
    const full = linears.has(called) ? 'nn.Linear' : called;
    if (full !== 'nn.Embedding' && full !== 'nn.Linear' && full !== 'torch.nn.Embedding') continue;
    const args =
      call.childForFieldName('arguments')?.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment') ??
      [];
    const first = args[0]?.text ?? '';
    const second = args[1]?.text ?? '';
    if (
      full.endsWith('Embedding') &&
      /(^|[._])(block_size|max_len|max_seq_len|n_positions|context_length|max_position_embeddings|seq_len|n_ctx)$/.test(
        first,
      )
    ) {
      const r = evaluate(args[0], ctx.symbols);
      ctx.add(
        'model.learnedPositions',
        typeof r?.value === 'number' ? r.value : null,
        call,
        `${full}(${truncate(first, 20)}, ...) learns a position table`,
        'low',
      );
    } else if (
      full.endsWith('Linear') &&
      /(^|[._])(vocab_size|n_vocab|vocab|num_tokens)$/.test(second) &&
      !/\.weight\s*=\s*[\w.]*\.weight|tie_weights|tie_word_embeddings\s*=\s*True/.test(text)
    ) {
      ctx.add(
        'model.untiedHead',
        true,
        call,
        `${called}(${truncate(first, 15)}, ${truncate(second, 15)}) is an output layer with its own weights`,
        'low',
      );
    }
  }
}

/**
 * A reinforcement-learning script (one that steps simulated environments, rlEnvironment.ts) names no checkpoint: the
 * networks it builds and hands to its optimizers (`agent = Agent(envs)`, `q_network = QNetwork(envs)`, an `Actor`
 * and its critics) are its model, so their class names are the model's name. Other hand-built networks stay
 * unnamed (a class name such as `Net` says nothing a reader could look up).
 */
function nameRlNetworks(classes: readonly Node[], ctx: PythonReadContext): void {
  if (ctx.facts.some((f) => f.kind === 'model.id')) return;
  const environment = simulatedEnvironment(ctx.text);
  if (!environment) return;
  const trained = classes
    .filter((c) => MODULE_BASE.test(c.childForFieldName('superclasses')?.text ?? ''))
    .map((c) => c.childForFieldName('name'))
    .filter((n): n is Node => !!n && rlTrained(ctx.text, n.text));
  if (trained.length === 0 || trained.length > 4) return;
  const names = trained.map((n) => n.text).join(' + ');
  ctx.add(
    'model.id',
    names,
    trained[0],
    `the network${trained.length > 1 ? 's' : ''} an RL script builds and trains against \`${truncate(environment, 40)}\` (class ${names})`,
    'medium',
  );
}
/**
 * The documented sizes of the environment an RL script builds (rlEnvironment.ts) by default, for networks sized from
 * its spaces; undefined when the script builds none or the environment is not in the table (those stay unknown).
 */
function trainedEnvironment(text: string): EnvironmentSizes | undefined {
  if (!simulatedEnvironment(text)) return undefined;
  const id = defaultEnvironmentId(text);
  const spaces = id ? rlEnvironmentSpaces(id) : undefined;
  if (!spaces) return undefined;
  return { observation: spaces.observation, actions: spaces.discreteActions ?? spaces.continuousActions };
}

/** `(nn.Module)`, `(torch.nn.Module)`, `(Module)`. */
const MODULE_BASE = /^\(\s*(?:torch\.)?(?:nn\.)?Module\s*\)$/;
/** An instance of the class handed to an optimizer, also as a list (`optim.Adam(list(actor.parameters()), ...)`). */
function rlTrained(text: string, className: string): boolean {
  if (!/^\w{1,60}$/.test(className)) return false;
  const instances = [...text.matchAll(new RegExp(`\\b([A-Za-z_]\\w{0,60})\\s*=\\s*${className}\\s*\\(`, 'g'))]
    .map((m) => m[1])
    .slice(0, 8);
  return instances.some((v) =>
    new RegExp(`optim\\w{0,20}\\.\\w{1,30}\\(\\s*(?:list\\(\\s*)?${v}\\.parameters\\(`).test(text),
  );
}

/** Is an instance of this class (`net = ClassName(...)`) handed to an optimizer (`optim.Adam(net.parameters(), ...)`)? */
function optimisedInstances(text: string, className: string): boolean {
  const instances = [...text.matchAll(new RegExp(`\\b([A-Za-z_][\\w.]*)\\s*=\\s*${className}\\s*\\(`, 'g'))].map(
    (m) => m[1],
  );
  return instances.some((v) =>
    new RegExp(`optim\\w*\\.\\w+\\(\\s*${v.replace(/\./g, '\\.')}\\.parameters\\(`).test(text),
  );
}

/** `epochs in model.fit`, `epochs in model.fit_generator`: the receiver of the fit the epochs were read from. */
const FIT_EPOCHS = /in ([\w.]{1,200})\.fit(?:_generator)?\b/;
/** Fits looked at (a notebook fits a few models; a generated file could hold thousands). */
const MAX_FITS = 64;

/**
 * Transfer learning in Keras often trains twice (head, then fine-tune): one run whose epochs
 * are the sum. The sum goes first so it is the epochs the run uses.
 *
 * Only fits of the same model add up. A notebook that builds a model, fits it, then builds another under the same
 * name (`model = keras.Sequential([...])` again, `model = keras.Model(inputs, outputs)`) or fits another name trains
 * several models one after the other, each section a variant of the last: the file's run is the last model it trains
 * (with its own phases), not the sum of every section's epochs.
 */
function sumFitPhases(ctx: PythonReadContext): void {
  const fits = ctx.facts
    .filter((f) => f.kind === 'training.epochs' && typeof f.value === 'number' && FIT_EPOCHS.test(f.detail))
    .slice(0, MAX_FITS)
    .sort((a, b) => a.range.startLine - b.range.startLine);
  if (fits.length < 2) return;
  const lines = ctx.text.split('\n');
  // The last model's fits: walk back from the last fit while the receiver is the same and not assigned in between.
  let first = fits.length - 1;
  const receiver = FIT_EPOCHS.exec(fits[first].detail)?.[1] ?? '';
  const assigned = new RegExp(`^[ \\t]*${escapeRegExp(receiver)}[ \\t]*=(?!=)`);
  while (first > 0) {
    const previous = fits[first - 1];
    if ((FIT_EPOCHS.exec(previous.detail)?.[1] ?? '') !== receiver) break;
    const between = lines.slice(previous.range.startLine + 1, fits[first].range.startLine);
    if (between.some((l) => assigned.test(l))) break;
    first--;
  }
  const phases = fits.slice(first);
  const total = phases.reduce((n, f) => n + (f.value as number), 0);
  const others = fits.length - phases.length;
  const detail =
    (phases.length > 1
      ? `${phases.length} fit() phases: ${phases.map((f) => f.value).join(' + ')} epochs`
      : phases[0].detail) +
    (others > 0
      ? `; the last model the file trains (${others} earlier fit() calls train models it builds before)`
      : '');
  // It stands for every fit of the file: as sure as the surest of them, so that it is the one the run uses.
  const confidence = fits.some((f) => f.confidence === 'high') ? 'high' : phases[0].confidence;
  ctx.facts.unshift({ ...phases[0], value: total, detail, confidence });
}

export const moduleClasses: FileRule = {
  framework: 'pytorch',
  phase: 'after-calls',
  words: ['class ', 'Module'],
  read: (index, ctx) => readModuleClasses(index, ctx.text, ctx, ctx.symbols),
};
export const embeddingLayout: FileRule = {
  framework: 'pytorch',
  phase: 'after-calls',
  words: ['Embedding(', 'Linear('],
  read: (index, ctx) => readEmbeddingLayout(index, ctx.text, ctx),
};
export const forwardOnlyUse: FileRule = {
  framework: 'pytorch',
  phase: 'after-calls',
  // Its words keep lines for the line prefilter; a model used only forward may be called without any of the words (`model(x)` under a decorator).
  readsWithoutWords: true,
  words: [
    'no_grad',
    'inference_mode',
    'set_grad_enabled',
    '.eval(',
    '.predict(',
    '.infer(',
    '.inference(',
    '.compute(',
    '.evaluate(',
  ],
  runStart: [
    // A call of the loaded model is found from the syntax (python/handles.ts); a load is what the text must hold.
    /\b(no_grad|inference_mode|eval|set_grad_enabled)\s*\(|torch\.load\s*\(|from_pretrained\s*\(|\bpretrained\s*=\s*True\b|from_quantized\s*\(|\.predict\(|\bModel\([^()\n]{0,80}\.inputs?\b|\b(?:K|backend)\.function\(/,
    /from_pretrained\s*\(|from_quantized\s*\(|\.load_state_dict\(|init_from\s*=|\binit_(?:model|detector|segmentor|recognizer|pose_model)\s*\(|MODELS\.build\(|\b(pretrained|weights)\s*=|applications|torch\.load\s*\(|instantiate_from_config\(|\bmodel\s*=\s*f?["']|\]\([^()\n]{0,200}(?:path|ckpt|checkpoint|weights)/,
    new RegExp(`^(?![\\s\\S]*(${TRAINS.source}))`),
  ],
  read: (index, ctx) => readForwardOnlyUse(index, ctx.text, ctx),
};
export const fitPhases: FileRule = {
  framework: 'keras',
  phase: 'after-calls',
  words: [],
  read: (_index, ctx) => sumFitPhases(ctx),
};
