import { startsARun } from '../../../facts';
import { escapeRegExp, truncate } from '../context';
import { executedRowMask } from '../entryPoint';
import { fromImports } from '../fromImports';
import { forwardRowCounter } from '../rowCounter';
import type { FileRule } from '../rules';
import { GENERIC_CLASS } from './ownModelClass';

/**
 * The last-resort name of a run's model. ownModelClass names (as the model id) the repository's own class a torch
 * program builds, under strict conditions (a model's binding name, no size stated at its construction, no framework
 * loader beside it); this rule names what is left, in any framework, with a weaker fact that never outranks an id.
 *
 * The network a program builds from a class and then trains or runs: `model = NeuralNet(784, 500, 10).to(device)`
 * then `optim.Adam(model.parameters())`, `net = pSp(opts)` then `net.eval()`, `generator = StyledGenerator(512)` given
 * a checkpoint's weights. The class is what the file says about which network it is (the repository's own
 * architecture, or a library's class built from a config), so it names the run's model; its size comes from other
 * rules (its layers counted, a config's sizes) or stays unknown. Read as model.builtNetwork, which names the model only
 * when no rule read a model id (resolve/factsToSpec): a checkpoint or catalog name always wins.
 *
 * Only bindings in code that runs (module level, or what the main guard reaches) whose name is then used as a network
 * is: its weights handed to an optimizer or read (`.parameters()`), put in a mode (`.train()`, `.eval()`), given
 * weights (`.load_state_dict(`), or compiled and fitted (Keras). A class the optimizer receives comes first; when
 * optimizers receive several classes' weights (a GAN's generator and critic), no one class names the model.
 */

/**
 * `name = Class(`, `name = module.Class(`, `name = nn.DataParallel(Class(`: a class built and bound (group 1, 2). Also a
 * class named in camel case from a lower-case letter (`pSp`), when the file imports it by that name.
 */
export const BUILT =
  /^[ \t]*((?:self\.)?[A-Za-z_]\w{0,40})[ \t]*=[ \t]*(?:(?:torch\.)?(?:nn\.)?(?:parallel\.)?(?:DataParallel|DistributedDataParallel)[ \t]*\([ \t]*)?((?:[a-z_]\w{0,40}\.){0,2}(?:[A-Z]\w{0,60}|[a-z]\w{0,20}[A-Z]\w{0,40}))[ \t]*\(/gm;
/**
 * Classes that are no network: what a program builds beside its model (its data, optimizer, loss, trainer, logging),
 * containers that hold a network rather than name one, and UI widgets.
 */
export const NOT_A_NETWORK =
  /(?:Trainer|Config|Configs|Args|Arguments|Options|Optimizer|Scheduler|Schedule|Dataset|DataLoader|Loader|Processor|Tokenizer|Pipeline|Parser|Writer|Logger|Meter|Loss|Criterion|Sampler|Collator|Transforms?|Env|Environment|Buffer|Memory|Runner|Engine|Evaluator|Callback|Server|Client|Accelerator|Scaler|Saver|Checkpointer|Manager|Timer|Visualizer|Profiler|Session|Executor|Interface|Blocks|Wrapper|Button|Namespace|Path|Random|Generator\w*Seed|Queue|Thread|Process|Pool|Lock|Event)$/;
/**
 * Containers and wrappers: `nn.Sequential(...)` names no architecture, and nor does a moving average of a network's
 * weights kept beside it (diffusers' `EMAModel`, timm's `ModelEma`/`ModelEmaV2`/`V3`, torch_ema's
 * `ExponentialMovingAverage`, ema-pytorch's `EMA`, `torch.optim.swa_utils.AveragedModel`).
 */
export const CONTAINER =
  /^(?:Sequential|ModuleList|ModuleDict|Module|Model|DataParallel|DistributedDataParallel|FSDP|DDP|ComposerClassifier|HuggingFaceModel|EMAModel|EMA|ExponentialMovingAverage|AveragedModel|ModelEma(?:V\d)?)$/;
/** Module prefixes of a library's building blocks (`nn.Linear`, `layers.Dense`). */
export const LAYER_PREFIX = /^(?:nn|layers|torch|tf|keras|jnp|np|hk|optax)\./;
/** Binding names that hold something other than a network. */
export const NOT_A_NETWORK_BINDING =
  /optim|sched|loss|criterion|data|loader|token|writer|logger|parser|args|config|cfg|trainer|env|buffer|scaler|metric|transform|sampler|processor|callback/i;
/** Built bindings looked at (a generated file could bind thousands). */
const MAX_BUILT = 200;
/** Bindings whose uses are looked for (each a pass over the text): a program builds a handful of objects. */
const MAX_USE_CHECKS = 32;
/** Characters of a module looked at. */
const MAX_TEXT = 400_000;

/** Names the file imports from a module (`from models.psp import pSp`). */
function importedNames(text: string): Set<string> {
  return new Set([...fromImports(text, 1000)].map((i) => i.local));
}

/** `name.parameters(`, `name.train(`, …: the binding used as a network. */
export function usedAsNetwork(text: string, name: string): { optimised: boolean } | undefined {
  const n = escapeRegExp(name);
  const optimised = new RegExp(
    `\\b(?:optim\\w{0,20}\\.\\w{1,30}|Adam\\w{0,4}|SGD|RMSprop|Adagrad|Lion|Adafactor|LAMB|Lamb)[ \\t]*\\([ \\t\\r\\n]*(?:params[ \\t]*=[ \\t]*)?(?:list\\([ \\t]*|filter\\([^,\\n]{0,80},[ \\t]*)?${n}\\.(?:parameters|named_parameters)[ \\t]*\\(`,
  ).test(text);
  if (optimised) return { optimised };
  const used = new RegExp(
    `(?<![\\w.])${n}\\.(?:parameters|named_parameters|train|eval|load_state_dict|fit|compile)[ \\t]*\\(`,
  ).test(text);
  return used ? { optimised: false } : undefined;
}

export const builtNetworkClass: FileRule = {
  framework: 'python',
  phase: 'after-calls',
  words: ['optim', 'load_state_dict', '.eval(', 'train', 'fit'],
  read: (_index, ctx) => {
    const text = ctx.text;
    // Only a file that starts a run names its network: a helper it launches or imports says nothing of the model.
    if (text.length > MAX_TEXT || !ctx.facts.some(startsARun)) return;
    const executed = executedRowMask(ctx.tree);
    // Rows counted as the matches come, in order (one pass over the text).
    const rowOf = forwardRowCounter(text);
    let imported: Set<string> | undefined;
    let first: { at: number; className: string; row: number } | undefined;
    let firstOptimised: typeof first;
    const optimised = new Set<string>();
    let n = 0;
    let checked = 0;
    for (const m of text.matchAll(BUILT)) {
      if (++n > MAX_BUILT) break;
      const [, binding, qualified] = m;
      const className = qualified.slice(qualified.lastIndexOf('.') + 1);
      if (/^[a-z]/.test(className) && !(imported ??= importedNames(text)).has(className)) continue;
      const at = m.index + m[0].lastIndexOf(qualified);
      const line = rowOf(at);
      if (executed[line] !== 1) continue;
      if (LAYER_PREFIX.test(qualified) || CONTAINER.test(className) || NOT_A_NETWORK.test(className)) continue;
      // `Net`, `Transformer`, `LM`: a name that says only what the class is names no model (as for ownModelClass).
      if (GENERIC_CLASS.test(className)) continue;
      if (NOT_A_NETWORK_BINDING.test(binding.replace(/^self\./, ''))) continue;
      if (++checked > MAX_USE_CHECKS) break;
      const use = usedAsNetwork(text, binding);
      if (!use) continue;
      const found = { at, className, row: line };
      if (use.optimised) optimised.add(className);
      if (use.optimised && !firstOptimised) firstOptimised = found;
      first ??= found;
    }
    // Several networks trained together (a GAN's generator and critic): no one class names the run's model.
    if (optimised.size > 1) return;
    first = firstOptimised ?? first;
    if (!first) return;
    const column = first.at - (text.lastIndexOf('\n', first.at - 1) + 1);
    ctx.facts.push({
      kind: 'model.builtNetwork',
      value: first.className,
      range: { startLine: first.row, startCol: column, endLine: first.row, endCol: column + first.className.length },
      confidence: 'low',
      detail: `the network the program builds from the class ${truncate(first.className, 60)}: it names the model, not its size`,
    });
  },
};

/**
 * `add_argument('--arch', default='Uformer_B')`, `--model Pyraformer`, `--net res101`: a flag that picks the
 * architecture, declared in this file with a name as its default (not a path or a Hub id, which modelFlagDefault reads),
 * and used: read as an attribute of the parsed options (`args.arch`), or the whole options handed to a builder
 * (`get_arch(opt)`, `build_model(args)`). The default is the network the program builds when the flag is not given.
 * A backbone flag (`--backbone resnet50`) names a part, not the model, and is not read; nor is `--net`, which as often
 * picks a detector's backbone (`--net res101`) as the network.
 */
const ARCHITECTURE_FLAG =
  /add_argument\([ \t\r\n]{0,40}["']--?(arch|arch[-_]name|model[-_]arch|model|model[-_]name|model[-_]type|network)["'][^)]{0,300}?\bdefault[ \t]*=[ \t]*["']([A-Za-z][\w.-]{0,60})(?:\(\))?["']/;
/** The parsed options handed whole to a builder of the model. */
const OPTIONS_TO_BUILDER =
  /\b(?:get|build|create|make|define|load)_?\w{0,20}(?:arch|model|net|network)\w{0,10}[ \t]*\([ \t]*(?:args|opt|opts|cfg|config|hparams|FLAGS)\b/;

/** Loaders that take a checkpoint's id or folder. */
const CHECKPOINT_LOADER = /\.from_pretrained[ \t]*\(|\bpipeline[ \t]*\(|\bLLM[ \t]*\(/;

export const architectureFlagDefault: FileRule = {
  framework: 'python',
  phase: 'after-calls',
  words: ['add_argument'],
  read: (_index, ctx) => {
    const text = ctx.text;
    if (text.length > MAX_TEXT || !ctx.facts.some(startsARun)) return;
    // A program that loads a checkpoint (`from_pretrained(args.model_name)`) holds a checkpoint in the flag, which the
    // loader rules read with what a launch gives it; the flag picks no architecture.
    if (CHECKPOINT_LOADER.test(text)) return;
    const m = ARCHITECTURE_FLAG.exec(text);
    if (!m) return;
    const [, flag, value] = m;
    const dest = flag.replace(/-/g, '_');
    const used = new RegExp(`\\.${escapeRegExp(dest)}\\b`).test(text) || OPTIONS_TO_BUILDER.test(text);
    if (!used) return;
    const at = m.index + m[0].lastIndexOf(value);
    const row = text.slice(0, at).split('\n').length - 1;
    const column = at - (text.lastIndexOf('\n', at - 1) + 1);
    ctx.facts.push({
      kind: 'model.builtNetwork',
      value,
      range: { startLine: row, startCol: column, endLine: row, endCol: column + value.length },
      confidence: 'low',
      detail: `--${flag} defaults to ${truncate(value, 60)}: the architecture the program builds unless the flag is given`,
    });
  },
};
