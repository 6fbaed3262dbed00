import { storeTrue } from './torch';
import type { Node } from 'web-tree-sitter';
import type { FactKind } from '../../../facts';
import { keywordArgument } from '../../pythonValues';
import type { PythonReadContext } from '../context';
import type { FileRule } from '../rules';
import type { SyntaxIndex } from '../syntaxIndex';
import { namesTwoTowerVit, sizeFromModelName } from '../../../knowledge/modelName';
import { isSoleAutoencoder } from './soleAutoencoder';

/**
 * A single-file pre-training script builds its own model: `class GPT(nn.Module)` in the file, then
 * `model = GPT(vocab_size=50304, num_layers=12, num_heads=6, model_dim=768)`. The constructor call states
 * the architecture, so its keywords size the model (the parameter formula then counts it), and the class
 * the script builds names it when it is a published architecture ("GPT"); a model built by its constructor
 * starts from random weights.
 * `model = GPT(GPTConfig(n_layer=12, ...))` / `model = GPT(gptconf)`: the sizes are read from the config
 * call or the module's constants by other rules; this one adds the name when those sizes are there.
 */

/** Keywords of a model constructor that size it (the widths research code names its constructor arguments). */
const CONSTRUCTOR_SIZES: ReadonlyArray<readonly [FactKind, readonly string[]]> = [
  ['model.layers', ['num_layers', 'n_layer', 'n_layers', 'num_hidden_layers', 'depth']],
  ['model.hiddenSize', ['model_dim', 'n_embd', 'n_embed', 'hidden_size', 'd_model', 'embed_dim', 'emb_dim', 'dim']],
  ['model.vocabSize', ['vocab_size', 'n_vocab', 'padded_vocab_size']],
];

/**
 * Class names that are a published architecture's own name (a re-implementation of GPT-2, LLaMA, BERT, ViT, …),
 * optionally with a size-free prefix or suffix (`NanoGPT`, `LlamaModel`, `GPTLanguageModel`).
 */
export const ARCHITECTURE_CLASS =
  /^(?:nano|mini|tiny|simple)?(?:GPT[-_]?\d?|GPTNeoX|Llama\d?|Mistral|Mixtral|Qwen\d?|Gemma\d?|OLMo\d?|BERT|Bert|RoBERTa|T5|ViT|Mamba\d?|RWKV\d?|Falcon)(?:LM|Model|LanguageModel|ForCausalLM)?$/i;

/** Bases of a class that is a trainable network. */
const MODULE_BASE = /(^|\.)(Module|LightningModule)$/;
/** Classes and constructor calls looked at per file (a script defines tens; a hostile file may define millions). */
const MAX_CLASSES = 200;
const MAX_CALLS = 200;

export function moduleClassNames(index: SyntaxIndex): Set<string> {
  const names = new Set<string>();
  for (const cls of index.classes.slice(0, MAX_CLASSES)) {
    // Module level only: a class nested in a function is a helper of that function.
    if (cls.startPosition.column !== 0) continue;
    const bases = cls.childForFieldName('superclasses')?.namedChildren ?? [];
    if (!bases.some((b) => b && MODULE_BASE.test(b.text))) continue;
    const name = cls.childForFieldName('name')?.text;
    if (name && /^[A-Za-z_]\w{0,100}$/.test(name)) names.add(name);
  }
  return names;
}

/**
 * `model = X(...)`, `model: nn.Module = X(...)`, `self.model = X(...)`, `model_meta = X(...)`: the call builds the
 * model the script trains.
 */
export function assignedToAModel(call: Node): boolean {
  let parent = call.parent;
  // Through a chain of moves and casts: `GPT(...).cuda()`, `GPT(...).to(device).bfloat16()`.
  for (let up = 0; up < 8 && (parent?.type === 'attribute' || parent?.type === 'call'); up++) parent = parent.parent;
  // Wrapped for data parallelism (`model = nn.DataParallel(RAFT(args), device_ids=args.gpus)`): the same network.
  if (parent?.type === 'argument_list' && parent.namedChildren[0]?.id === call.id && parent.parent?.type === 'call') {
    const wrapper = parent.parent.childForFieldName('function')?.text ?? '';
    if (PARALLEL_WRAPPER.test(wrapper)) return assignedToAModel(parent.parent);
  }
  if (parent?.type !== 'assignment') return false;
  const left = parent.childForFieldName('left')?.text ?? '';
  // `model_meta = GPT(config)` (built on the meta device, then materialised): a name that starts with `model_`.
  return /(^|[._])(model(?:_[a-z]\w{0,30})?|net|network|gpt|lm)$/i.test(left);
}

/** Wrappers that replicate a network over devices and hand its calls on: `nn.DataParallel`, DDP. */
export const PARALLEL_WRAPPER = /^(?:(?:torch\.)?nn\.(?:parallel\.)?)?(?:DataParallel|DistributedDataParallel|DDP)$/;

/** Inside a class body (a block building its sub-layers), not the script building its model. */
export function insideClass(node: Node): boolean {
  for (let at = node.parent, up = 0; at && up < 60; at = at.parent, up++)
    if (at.type === 'class_definition') return true;
  return false;
}

/**
 * `from model import GPT, GPTConfig` (or a parenthesised list over lines): a published architecture's class imported from the repository's own
 * module (nanoGPT's train.py), not from a library whose classes other rules read (transformers, timm, …).
 */
const IMPORT_LINE =
  /^from[ \t]+(\.?[A-Za-z_][\w.]{0,200})[ \t]+import[ \t]+(?:\(([^()]{1,2000})\)|([^\n#()]{1,500}))[ \t]*$/gm;
const LIBRARY =
  /^(transformers|torch|torchvision|timm|keras|tensorflow|tf_keras|jax|flax|diffusers|peft|trl|vllm|open_clip|mmengine|lightning|pytorch_lightning)(\.|$)/;
export function importedArchitectures(text: string, into: Set<string>): void {
  importedOwnNames(text, (name) => ARCHITECTURE_CLASS.test(name), into);
}

/** Names imported from the repository's own modules (not from a library) that `accept` takes. */
export function importedOwnNames(text: string, accept: (name: string) => boolean, into: Set<string>): void {
  let seen = 0;
  for (const m of text.matchAll(IMPORT_LINE)) {
    if (++seen > MAX_CLASSES || LIBRARY.test(m[1])) continue;
    // `from previous_chapters import (\n    GPTModel,\n    generate,  # comment\n)`: one name per line.
    for (const part of (m[2] ?? m[3]).replace(/#[^\n]*/g, '').split(',')) {
      const name = part.trim();
      if (/^\w{1,100}$/.test(name) && accept(name)) into.add(name);
    }
  }
}

/**
 * Calls of the given names (a constructor or builder called by its bare name) whose result is the script's model
 * (assignedToAModel), outside class bodies, found from the lines that name them (not a walk of the whole tree); at most
 * MAX_CALLS calls looked at.
 */
function* modelBuildingCalls(
  ctx: PythonReadContext,
  names: ReadonlySet<string>,
): Generator<{ readonly call: Node; readonly name: Node }> {
  const pattern = new RegExp(`(?<![\\w.])(${[...names].join('|')})\\s*\\(`);
  const lines = ctx.text.split('\n');
  let looked = 0;
  for (let row = 0; row < lines.length && looked < MAX_CALLS; row++) {
    if (!pattern.test(lines[row]) || /^\s*class\s/.test(lines[row])) continue;
    for (const call of ctx.tree.rootNode.descendantsOfType('call', { row, column: 0 }, { row: row + 1, column: 0 })) {
      if (!call || call.startPosition.row !== row || ++looked > MAX_CALLS) continue;
      const name = call.childForFieldName('function');
      if (name?.type !== 'identifier' || !names.has(name.text)) continue;
      if (!assignedToAModel(call) || insideClass(call)) continue;
      yield { call, name };
    }
  }
}

function readConstructor(index: SyntaxIndex, ctx: PythonReadContext): void {
  const classes = moduleClassNames(index);
  importedArchitectures(ctx.text, classes);
  if (classes.size === 0) return;
  for (const { call, name } of modelBuildingCalls(ctx, classes)) {
    const args = call.childForFieldName('arguments');
    if (!args) continue;
    const sized: Array<[FactKind, Node, string]> = [];
    for (const [kind, names] of CONSTRUCTOR_SIZES) {
      const found = names.map((n) => [n, keywordArgument(args, n)] as const).find(([, v]) => v !== null);
      if (found) sized.push([kind, found[1]!, found[0]]);
    }
    const statesArchitecture =
      sized.some(([k]) => k === 'model.layers') && sized.some(([k]) => k === 'model.hiddenSize');
    // Sizes from a config object or constants, read by other rules: the call only names the model.
    const sizedElsewhere =
      ctx.facts.some((f) => f.kind === 'model.layers' && f.value !== null) &&
      ctx.facts.some((f) => f.kind === 'model.hiddenSize' && f.value !== null);
    if (!statesArchitecture && !sizedElsewhere) continue;
    if (statesArchitecture)
      for (const [kind, value, keyword] of sized) ctx.addResolved(kind, value, `${keyword} in ${name.text}(...)`);
    // A class of the script's own (`TinyLM`, `NewsClassifier`) does not name a model; an implementation of a
    // published architecture (`GPT`, `Llama`) does: the run is that architecture at the stated sizes.
    if (!ARCHITECTURE_CLASS.test(name.text)) return;
    ctx.add(
      'model.id',
      name.text,
      name,
      `${name.text}(...): the model class this script defines and builds${statesArchitecture ? ' with the sizes its call states' : ''}`,
      'low',
    );
    ctx.add(
      'model.fromScratch',
      true,
      name,
      `${name.text}(...) builds the model from its constructor: random initialisation`,
      'low',
    );
    return;
  }
}

/**
 * `model = SiT_XL_2(input_size=32)` with `from models import SiT_XL_2`: a model builder of the repository's own whose
 * name states a published size (DiT-style `<family>_<size>_<patch>`, `vit_base_patch16`, `llama_7b`): the model is
 * the one its name states (the size is parsed from the name, knowledge/modelName.ts). Only a builder imported from
 * the repository (not a library's), called where its result is the script's model, and only when nothing else named
 * the model.
 */
function readSizedBuilder(ctx: PythonReadContext): void {
  if (ctx.facts.some((f) => f.kind === 'model.id' && f.value !== null)) return;
  const builders = new Set<string>();
  // Also a builder named for a ViT variant of one of two towers (`…_vitl14_…_dinotxt_…`): it names the model, whose
  // whole size the name does not state (unknown, not the image tower's).
  importedOwnNames(ctx.text, (name) => sizeFromModelName(name) !== undefined || namesTwoTowerVit(name), builders);
  if (builders.size === 0) return;
  for (const { name } of modelBuildingCalls(ctx, builders)) {
    const sized = sizeFromModelName(name.text) !== undefined;
    ctx.add(
      'model.id',
      name.text,
      name,
      sized
        ? `${name.text}(...): a model builder of this repository whose name states the model's size`
        : `${name.text}(...): a model builder of this repository named for the image tower of a two-tower model (its whole size is not in the name)`,
      'low',
    );
    return;
  }
}

export const sizedModelBuilder: FileRule = {
  framework: 'torch',
  phase: 'after-calls',
  words: [],
  read: (_index, ctx) => readSizedBuilder(ctx),
};

export const modelConstructor: FileRule = {
  framework: 'torch',
  phase: 'after-calls',
  words: [],
  read: (index, ctx) => readConstructor(index, ctx),
};

/**
 * Matrix multiplies written in FP8: `torch._scaled_mm` multiplies float8 (e4m3/e5m2) operands with
 * per-tensor scales (PyTorch's scaled matmul, the kernel torchao's float8 training and hand-written FP8
 * linears call). A script that routes its linears through it trains with FP8 matmuls, the rest in bf16,
 * unless it switches its FP8 flag off (`self.use_fp8 = False`: an assignment, not a parameter default).
 */
const SCALED_MM = /\b_scaled_mm\s*\(/;
const FP8_OFF_LINE = /fp8\w*\s*=\s*False\b/i;

function readFp8Matmuls(ctx: PythonReadContext): void {
  const at = SCALED_MM.exec(ctx.text);
  if (!at) return;
  const lines = ctx.text.split('\n');
  for (let row = 0; row < lines.length; row++) {
    if (!FP8_OFF_LINE.test(lines[row])) continue;
    for (const a of ctx.tree.rootNode.descendantsOfType(
      'assignment',
      { row, column: 0 },
      { row: row + 1, column: 0 },
    )) {
      if (a && /fp8/i.test(a.childForFieldName('left')?.text ?? '') && a.childForFieldName('right')?.type === 'false')
        return;
    }
  }
  const row = ctx.text.slice(0, at.index).split('\n').length - 1;
  const call = ctx.tree.rootNode
    .descendantsOfType('call', { row, column: 0 }, { row: row + 1, column: 0 })
    .find((c) => c !== null && /_scaled_mm$/.test(c.childForFieldName('function')?.text ?? ''));
  if (!call) return;
  ctx.add(
    'training.precision',
    'fp8',
    call,
    'torch._scaled_mm: matrix multiplies on float8 operands (FP8 linears; the rest of the model in bf16)',
    'medium',
  );
}

export const fp8Matmuls: FileRule = {
  framework: 'torch',
  phase: 'after-calls',
  words: ['_scaled_mm'],
  read: (_index, ctx) => readFp8Matmuls(ctx),
};

/**
 * Weights cast to a 16-bit type as a whole (`model.bfloat16()`, `model = model.to(torch.bfloat16)`, `model.half().to(device)`,
 * `m.weight.data = m.weight.data.bfloat16()` over the model's layers): the matmuls then run in that type
 * (pure bf16 training, the speedrun scripts), with no autocast to say so; also after a move (`model.to(device).to(torch.bfloat16)`)
 * and before moves and eval() (`vl_gpt = vl_gpt.to(torch.bfloat16).cuda().eval()`), and as a loader returns it with its
 * companions (`return model.half().eval().to(args.device), tokenizer`). The receiver is a model by its name
 * (`model`, `net`, `*_model`) or by what it is bound to in the file (a loaded or built model: LOADED_MODEL_BINDING).
 */
const WEIGHT_CAST =
  /^[ \t]*(?:[A-Za-z_][\w.]{0,200}[ \t]*=[ \t]*|return[ \t]+)?([A-Za-z_][\w.]{0,200})(?:\.(?:to|cuda)\([\w.]{0,100}\))?\.(?:(bfloat16|half)\(\)|to\([^()\n]{0,200}?torch\.(bfloat16|float16|half)\b[^()\n]{0,200}\))(?:\.(?:to|cuda|eval)\((?:[\w.]{0,100}|["'][\w:]{0,20}["'])\)){0,3}(?:[ \t]*,[ \t]*[A-Za-z_]\w{0,60}){0,3}[ \t]*(?:#.*)?$/;
const CAST_RECEIVER = /(?:^|\.)(?:model|net|network|module|vlm|vla|llm|\w+_model)$|\.weight\.data$/;
/**
 * A model built or picked and cast on one line, bound to a model's name (`model = FamilyForCausalLM(config).half()`,
 * `model = model_classes[args.model_type](config).half()`): the name says what is cast, whatever builds it.
 * One line, bounded; the target is checked against CAST_RECEIVER.
 */
const BOUND_CAST =
  /^[ \t]*([A-Za-z_][\w.]{0,200})[ \t]*=[ \t]*[^\n]{1,400}?\)[ \t]*\.(?:(bfloat16|half)\(\)|to\([^()\n]{0,200}?torch\.(bfloat16|float16|half)\b[^()\n]{0,200}\))(?:\.(?:to|cuda|eval)\([\w.]{0,100}\)){0,3}[ \t]*(?:#.*)?$/;

/**
 * A name bound to a loaded or built model, whatever it is called (`vl_gpt = AutoModelForCausalLM.from_pretrained(...)`,
 * `gen: Net = load_model(cfg)`, `m = instantiate_from_config(cfg.model)`, `net = torch.load(f)`): casting it casts the
 * model. Bounded: one line's head, a name and an optional annotation.
 */
const LOADED_MODEL_BINDING =
  /^[ \t]*([A-Za-z_]\w{0,60})[ \t]*(?::[^=\n]{0,120})?=[ \t]*(?:[A-Za-z_][\w.]{0,200}\.from_pretrained|(?:[\w.]{0,100}\.)?(?:load|build|create|make|get)_model|(?:[\w.]{0,100}\.)?instantiate_from_config|torch\.load)[ \t]*\(/gm;
/** Parts beside the model a program may cast on their own (a frozen VAE, a text encoder, a tokenizer): not the model. */
const AUXILIARY_NAME = /vae|encoder|tokeni[sz]er|processor|scheduler|clip|feature_extractor/i;
/** Bindings looked at per file. */
const MAX_BINDINGS = 200;

function loadedModelNames(text: string): Set<string> {
  const names = new Set<string>();
  if (!/from_pretrained|_model[ \t]*\(|instantiate_from_config|torch\.load/.test(text)) return names;
  let seen = 0;
  for (const m of text.matchAll(LOADED_MODEL_BINDING)) {
    if (++seen > MAX_BINDINGS) break;
    if (!AUXILIARY_NAME.test(m[1])) names.add(m[1]);
  }
  return names;
}

function readWeightCasts(ctx: PythonReadContext): void {
  if (!/bfloat16|half\(|float16/.test(ctx.text)) return;
  const lines = ctx.text.split('\n');
  let loaded: Set<string> | undefined;
  for (let row = 0; row < lines.length; row++) {
    const line = lines[row];
    if (!line.includes('16') && !line.includes('half')) continue;
    const m = WEIGHT_CAST.exec(line) ?? (line.length <= 1000 ? BOUND_CAST.exec(line) : null);
    if (!m) continue;
    if (
      !CAST_RECEIVER.test(m[1]) &&
      !(loaded ??= loadedModelNames(ctx.text)).has(m[1]) &&
      !isSoleAutoencoder(m[1], ctx.text)
    )
      continue;
    const type = m[2] ?? m[3];
    const precision = type === 'bfloat16' ? 'bf16' : 'fp16';
    const call = ctx.tree.rootNode
      .descendantsOfType('call', { row, column: 0 }, { row: row + 1, column: 0 })
      .find((c) => c !== null && c.startPosition.row === row);
    // `if training_args.bf16: model.to(torch.bfloat16)`: the precision switch decides, read where it is set; a switch
    // that is on wherever a GPU runs the program (`half = device.type != 'cpu'`) is on for the run we estimate.
    const offSwitch = call ? negatedOffSwitch(call, ctx) : undefined;
    if (!call || (underPrecisionSwitch(call) && !onWhereverGpu(call, ctx.text) && !offSwitch)) continue;
    ctx.add(
      'training.precision',
      precision,
      call,
      `${m[1]} cast to ${type === 'bfloat16' ? 'bfloat16' : 'float16'}: the weights and their matmuls are ${precision}${offSwitch ? ` unless \`--${offSwitch}\` is given (store_true)` : ''}`,
      'medium',
    );
    // A launch giving the switch turns the cast off: the value is then not known from here.
    if (offSwitch) ctx.amendLast({ fromFlags: [offSwitch] });
    return;
  }
  readLoadedThenCast(ctx);
}

/**
 * `model = AutoModelForCausalLM.from_pretrained(path,\n config=cfg).half()`: a loaded model cast as it is loaded,
 * its call written over several lines (yapf also breaks inside the cast: `.to(\n torch.bfloat16)`). Arguments nest one level of parentheses (`bool(".ckpt" in path)`). A model a
 * factory builds and casts at once (`create_model(ModelArgs(path)).half()`, `build_model(cfg).bfloat16()`) is the same.
 */
const LOADED_THEN_CAST =
  /(?:\.from_pretrained|\b(?:create|build|make|load)_model)\([^()]{0,2000}(?:\([^()]{0,300}\)[^()]{0,2000}){0,20}\)[ \t]*\.(?:[ \t]*\r?\n[ \t]*)?(?:(half|bfloat16)\(\)|to\([ \t]*(?:\r?\n[ \t]*)?(?:dtype[ \t]*=[ \t]*)?torch\.(bfloat16|float16|half)[ \t]*\))/g;
/** The cast call a LOADED_THEN_CAST match ends with (`.half()`, `.to(dtype=torch.bfloat16)`). */
const ENDS_WITH_CAST =
  /\.[ \t]*(?:\r?\n[ \t]*)?(?:(?:half|bfloat16)\(\)|to\([ \t]*(?:\r?\n[ \t]*)?(?:dtype[ \t]*=[ \t]*)?torch\.\w{1,10}[ \t]*\))$/;

/** Casts looked at per file (real scripts have one or two). */
const MAX_LOADED_CASTS = 20;

function readLoadedThenCast(ctx: PythonReadContext): void {
  if (!/from_pretrained|_model\(/.test(ctx.text)) return;
  let tried = 0;
  for (const m of ctx.text.matchAll(LOADED_THEN_CAST)) {
    if (++tried > MAX_LOADED_CASTS) return;
    const row = ctx.text.slice(0, m.index + m[0].length).split('\n').length - 1;
    const call = ctx.tree.rootNode
      .descendantsOfType('call', { row, column: 0 }, { row: row + 1, column: 0 })
      .find((c) => c !== null && c.endPosition.row === row && ENDS_WITH_CAST.test(c.text.slice(-200)));
    if (!call || underPrecisionSwitch(call)) continue;
    const type = m[1] ?? m[2];
    const precision = type === 'bfloat16' ? 'bf16' : 'fp16';
    ctx.add(
      'training.precision',
      precision,
      call,
      `the model cast ${m[1] ? `with .${m[1]}()` : `to torch.${m[2]}`} as it is loaded or built: its weights are ${precision}`,
      'medium',
    );
    return;
  }
}

const PRECISION_SWITCH = /(?:bf16|fp16|half|precision|amp|dtype|data_type)/i;
function underPrecisionSwitch(node: Node): boolean {
  for (let at = node.parent, up = 0; at && up < 12; at = at.parent, up++) {
    if (at.type !== 'if_statement' && at.type !== 'elif_clause' && at.type !== 'conditional_expression') continue;
    const condition = at.type === 'conditional_expression' ? at : at.childForFieldName('condition');
    if (condition && PRECISION_SWITCH.test(condition.text.slice(0, 300))) return true;
  }
  return false;
}

/** The condition of the nearest `if` a call sits in (a few levels up), as written. */
function enclosingIfCondition(call: Node): string | undefined {
  let at = call.parent;
  for (let up = 0; at && up < 12 && at.type !== 'if_statement'; up++) at = at.parent;
  return at?.type === 'if_statement' ? at.childForFieldName('condition')?.text : undefined;
}

/**
 * `if not args.no_fp16: model = model.half()` with `--no_fp16` a store_true flag of this file (Contriever's
 * embedding and retrieval programs): the cast is on unless the flag is given. The flag's name, or undefined.
 */
const NEGATED_FLAG = /^not[ \t]+\w{1,40}\.(\w{1,60})$/;
function negatedOffSwitch(call: Node, ctx: PythonReadContext): string | undefined {
  const condition = enclosingIfCondition(call);
  const flag = condition ? NEGATED_FLAG.exec(condition.trim())?.[1] : undefined;
  return flag && storeTrue(ctx, flag) ? flag : undefined;
}

/**
 * `if half: model.half()` with `half = device.type != 'cpu'` (YOLOv5/YOLOv7-style detect and val programs: "half
 * precision only supported on CUDA"), or `... != 'cpu' and half_precision` whose flag defaults to True: the cast is
 * on whenever the program runs on a GPU, as an estimate assumes.
 */
const GPU_SWITCH_CONDITION = /^[ \t]*(?:if[ \t]+)?(\w{1,40})[ \t]*:?[ \t]*$/;
function onWhereverGpu(call: Node, text: string): boolean {
  const condition = enclosingIfCondition(call);
  const name = condition ? GPU_SWITCH_CONDITION.exec(condition)?.[1] : undefined;
  if (!name) return false;
  const set = new RegExp(
    `^[ \\t]*${name}[ \\t]*=[ \\t]*\\w{1,40}\\.type[ \\t]*!=[ \\t]*["']cpu["'](?:[ \\t]+and[ \\t]+(\\w{1,60}))?[ \\t]*(?:#[^\\n]*)?$`,
    'm',
  ).exec(text);
  if (!set) return false;
  // `and half_precision`: on only where that flag defaults to True (a keyword default in the function's signature).
  return !set[1] || new RegExp(`\\b${set[1]}[ \\t]*=[ \\t]*True\\b`).test(text);
}

export const weightCasts: FileRule = {
  framework: 'torch',
  phase: 'after-calls',
  // Its words keep lines for the line prefilter; a cast may name its dtype through a variable.
  readsWithoutWords: true,
  words: ['bfloat16', 'half('],
  read: (_index, ctx) => readWeightCasts(ctx),
};
