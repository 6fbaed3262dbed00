import { startsARun } from '../../../facts';
import { escapeRegExp, truncate } from '../context';
import { codeLinesKeptWithoutStrings, executedRowMask } from '../entryPoint';
import { fromImports } from '../fromImports';
import type { FileRule } from '../rules';
import { INSTALLED_LIBRARY } from './packageModelClass';
import { findModelByName } from '../../../knowledge';

/**
 * A program that builds the repository's own network class and trains or runs it (`from model import
 * MattingNetwork`, then `self.model = MattingNetwork(args.variant).to(rank)` in code that runs; `from
 * models.network_x import NetX as net`, then `model = net(...)`): when no other rule names the run's model, the class
 * the program builds as its model names it (its size is left to other rules: the class's arguments are the code's,
 * and the class name states none).
 *
 * The class is the repository's: imported from a module of the repository (one that is not an installed framework's),
 * or a `torch.nn.Module` the script defines for itself (`class NNLM(nn.Module)` beside its loop: a tutorial's or a
 * paper's model by its name) where the file reads nothing of the model's size (a call stating its architecture,
 * `TinyLM(num_layers=12, …)`, is the unnamed network modelConstructor.ts sizes) and no catalog model has its name.
 * It is a network by what the program does with the object: it is put in eval or train mode, its parameters or
 * weights are asked for or loaded (`.eval()`, `.train()`, `.parameters()`, `.load_state_dict(`), or it is moved to a
 * device (`.to(`, `.cuda()`): the methods of `torch.nn.Module` (PyTorch docs, torch.nn.Module), not those of a
 * scikit-learn estimator (`.fit`) or an RL agent (`.learn`). The object is bound to a
 * model's name (`model`, `net`, `network`, `*_model`, `self.model`). Read only where the file starts a run of its own,
 * and only when one class is built so: a program building two networks (a generator and a critic) names neither.
 * Names that say only what the class is (`Net`, `Model`, `MyModel`, `Transformer`, `MetaModel`, a task's `AsrModel`, a loader's `AutoModel`, DeepSpeed's `PipelineModule`) name nothing, and nor does a class built beside a
 * model a framework's loader gives (FRAMEWORK_LOADER).
 */

/** Classes named for what they are, not which model. */
export const GENERIC_CLASS =
  /^(?:model|net|network|my_?model|my_?net|simple_?net|simple_?model|lm|transformer|transducer|meta_?model|base_?model|auto_?model|wrapper|model_?wrapper|pipeline_?module|(?:asr|ctc|tts|lm|seq2seq|encoder_?decoder)_?model)$/i;
/** Classes that are not a network however they are built (a config, data, a trainer, a wrapper of the program). */
const NOT_A_NETWORK =
  /(?:Config|Configuration|Args|Arguments|Settings|Dataset|DataLoader|Loader|Trainer|Tokeni[sz]er|Processor|Writer|Reader|Logger|Callback|Scheduler|Optimizer|Loss|Criterion)$/;
/** Frameworks whose classes other rules read, besides INSTALLED_LIBRARY. */
const FRAMEWORK =
  /^(?:timm|open_clip|composer|mmengine|mmdet|mmseg|mmcv|tf_keras|ultralytics|sentence_transformers|stable_baselines3|xgboost|lightgbm|catboost|onnxruntime|tensorrt)(?:\.|$)/;
/**
 * A model's name for the object the program binds (`model`, `net`, `self.model`, `model_ema`, `seg_model`); not a
 * verb's (`load_model = Critic(...).load_state_dict(...)` in a checkpoint hook).
 */
const MODEL_BINDING =
  /^(?:self\.)?(?:model|net|network|(?!(?:load|save|build|get|init|make|create)_)\w{1,30}_model|model_\w{1,30})$/;
/**
 * A model loaded or built by a framework's loader (`AutoencoderKL.from_pretrained(...)`, `.from_config(config)`,
 * `torch.hub.load(...)`, `timm.create_model(...)`): the program's model is that one, and a class of the repository
 * built beside it is a part around it (a discriminator, a task head wrapping the encoder), not what names the run.
 */
const FRAMEWORK_LOADER = /\.from_pretrained[ \t]*\(|\.from_config[ \t]*\(|\bhub\.load[ \t]*\(|\bcreate_model[ \t]*\(/;
/** Methods of torch.nn.Module the program calls on the object (or at its construction). */
const MODULE_METHOD = /\.(?:eval|train|parameters|named_parameters|load_state_dict|state_dict|cuda|to)[ \t]*\(/;
const MAX_CLASSES = 60;
/** `    from pkg.mod import Class [as alias]` indented in a block (fromImports reads column 0). */
const INDENTED_IMPORT =
  /^[ \t]{1,40}from[ \t]+\.{0,3}([A-Za-z_][\w.]{0,200})[ \t]+import[ \t]+([A-Z][A-Za-z0-9_]{1,60})(?:[ \t]+as[ \t]+([A-Za-z_]\w{0,60}))?[ \t]*$/gm;
const MAX_BUILDS = 40;
/**
 * An object bound to any name whose weights an optimizer is given (`latent_sde = LatentSDE(...)`, then
 * `optim.Adam(params=latent_sde.parameters(), lr=1e-2)`): the network the program trains, whatever it is called.
 */
function optimised(binding: string, text: string): boolean {
  if (!text.includes(`${binding}.parameters(`)) return false;
  return new RegExp(
    `\\b(?:Adam\\w{0,4}|SGD|RMSprop|Adagrad|Adadelta|LBFGS|Lion)[ \\t]*\\([ \\t]*(?:params[ \\t]*=[ \\t]*)?(?:list\\()?${escapeRegExp(binding)}\\.parameters\\(`,
  ).test(text);
}
/** `class NNLM(nn.Module):` at column 0: a torch network the file defines (`torch.nn.Module`, Lightning's). */
const OWN_MODULE_CLASS =
  /^class[ \t]+([A-Z][A-Za-z0-9_]{1,60})[ \t]*\([ \t]*(?:torch\.)?(?:nn\.|pl\.|L\.)?(?:Module|LightningModule)[ \t]*\)[ \t]*:/gm;

export const ownModelClass: FileRule = {
  framework: 'pytorch',
  phase: 'after-calls',
  words: [],
  read: (_index, ctx) => {
    if (!ctx.facts.some(startsARun) || ctx.facts.some((f) => f.kind === 'model.id' && f.value !== null)) return;
    // A model named by a flag (left to the command line) is not the class's to name.
    if (ctx.facts.some((f) => f.kind === 'model.id' && f.fromFlags !== undefined)) return;
    if (!/^(?:import|from)[ \t]+torch\b/m.test(ctx.text) || FRAMEWORK_LOADER.test(ctx.text)) return;
    // Local name → the class's own name.
    const classes = new Map<string, string>();
    for (const { module, name, local } of fromImports(ctx.text, Infinity)) {
      if (classes.size >= MAX_CLASSES) break;
      const bare = module.replace(/^\.+/, '');
      if (INSTALLED_LIBRARY.test(bare) || FRAMEWORK.test(bare) || !/^[A-Z][A-Za-z0-9_]{1,60}$/.test(name)) continue;
      classes.set(local, name);
    }
    // An import inside the main guard or a function (`    from model import Net`), one class per statement.
    for (const m of ctx.text.matchAll(INDENTED_IMPORT)) {
      if (classes.size >= MAX_CLASSES) break;
      if (!INSTALLED_LIBRARY.test(m[1]) && !FRAMEWORK.test(m[1])) classes.set(m[3] ?? m[2], m[2]);
    }
    // A network class the program defines for itself (`class NNLM(nn.Module):` above the loop that trains it): the
    // tutorial's or paper's model by its own name, as much as an imported one is.
    // Only where the file reads nothing of the model's size: a constructor call whose arguments state the
    // architecture (`TinyLM(num_layers=12, model_dim=768)`, modelConstructor.ts) already says what the network is.
    // Never a class named as a catalog model (`class VGG16(nn.Module)` for CIFAR): the catalog's size would be taken
    // for a re-implementation that is often resized.
    // (A size read as unknown, `model.params = null` for parts the file does not size, reads no size.)
    const has = (kind: string) => ctx.facts.some((f) => f.kind === kind && f.value !== null);
    const fixed = !has('model.params') && !(has('model.layers') && has('model.hiddenSize'));
    for (const m of fixed ? ctx.text.matchAll(OWN_MODULE_CLASS) : []) {
      if (classes.size >= MAX_CLASSES) break;
      if (findModelByName(m[1]) === undefined) classes.set(m[1], m[1]);
    }
    for (const [local, name] of classes)
      if (GENERIC_CLASS.test(name) || NOT_A_NETWORK.test(name)) classes.delete(local);
    if (classes.size === 0) return;
    // Also wrapped for data parallelism (`model = nn.DataParallel(RAFT(args), device_ids=args.gpus)`).
    const built = new RegExp(
      `^[ \\t]*((?:self\\.)?[A-Za-z_]\\w{0,40})[ \\t]*=[ \\t]*(?:(?:torch\\.)?(?:nn\\.)?(?:parallel\\.)?(?:DataParallel|DistributedDataParallel|DDP)[ \\t]*\\([ \\t]*)?(${[...classes.keys()].map(escapeRegExp).join('|')})[ \\t]*\\(`,
    );
    const lines = codeLinesKeptWithoutStrings(ctx.tree).split('\n');
    const executed = executedRowMask(ctx.tree);
    const found = new Map<string, { row: number; binding: string }>();
    let looked = 0;
    for (let row = 0; row < lines.length && looked < MAX_BUILDS; row++) {
      if (executed[row] !== 1 || !lines[row].includes('=')) continue;
      const m = built.exec(lines[row]);
      if (!m || !(MODEL_BINDING.test(m[1]) || optimised(m[1], ctx.text))) continue;
      looked++;
      const name = classes.get(m[2])!;
      if (!found.has(name)) found.set(name, { row, binding: m[1] });
    }
    if (found.size !== 1) return;
    const [[name, { row, binding }]] = [...found];
    // A network by the Module methods the program calls on it (on the line that builds it, or on its name).
    const uses = new RegExp(`(?:^|[^\\w.])${escapeRegExp(binding)}${MODULE_METHOD.source}`, 'm');
    if (!MODULE_METHOD.test(lines[row]) && !uses.test(lines.join('\n'))) return;
    const node =
      ctx.tree.rootNode
        .descendantsOfType('call', { row, column: 0 }, { row: row + 1, column: 0 })
        .find((c) => c !== null && c.startPosition.row === row) ?? ctx.tree.rootNode;
    ctx.add(
      'model.id',
      name,
      node,
      `${truncate(lines[row].trim(), 80)}: the repository's own network class (${name}) is the model the program builds and runs; its size is not read from the name`,
      'low',
    );
  },
};
