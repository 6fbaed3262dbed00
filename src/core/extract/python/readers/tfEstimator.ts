import type { Node } from 'web-tree-sitter';
import { releasedFolderModel } from '../../shell/checkpointPath';
import { evaluate, FIELD_PREFIX, keywordArgument, positionalArguments, stringLiteral } from '../../pythonValues';
import { sizingKind } from '../keywords';
import type { PythonReadContext } from '../context';
import type { CallRule, FileRule } from '../rules';

/**
 * TensorFlow 1 Estimator programs driven by flags (tf.flags / absl.flags: `flags.DEFINE_integer("num_train_steps",
 * 100000, "...")`, read as `FLAGS.num_train_steps`; tensorflow.org/api_docs/python/tf/compat/v1/flags and
 * abseil.io/docs/python/guides/flags), run with `tf.app.run()` / `absl.app.run(main)`: the defaults are what the
 * program runs with when a launch does not set them, as argparse defaults are. The run itself is the Estimator's
 * (`estimator.train(input_fn=..., max_steps=...)`, `estimator.predict(input_fn)`; TPUEstimator alike,
 * tensorflow.org/api_docs/python/tf/compat/v1/estimator/Estimator).
 */

/** `flags.DEFINE_integer`, `tf.flags.DEFINE_float`, `absl.flags.DEFINE_string`, `DEFINE_bool(ean)`. */
const DEFINE = /^(?:(?:[\w.]*\.)?flags\.)?DEFINE_(integer|float|string|bool|boolean)$/;
/**
 * A flag naming the file or handle the model is built from: `bert_config_file`, `albert_config_file`,
 * `bert_hub_module_handle`. The prefix is the model family; the file (its size) is the launch's to give.
 */
const MODEL_SOURCE_FLAG = /^([a-z][a-z0-9]{1,20})_(?:config_file|hub_module_handle)$/;
/** The flag of the cores (TPU) or GPUs a program shards its batch over, whose default is the run's count. */
const SHARD_COUNT_FLAG = /^num_core_per_host$/;
/** A checkpoint to start from, and help text that says it holds pretrained weights. */
const INIT_CHECKPOINT_FLAG = /^init_(?:checkpoint|ckpt)$/;
const PRETRAINED_HELP = /\bpre-?trained\b/i;
/**
 * A pre-training objective the program computes itself: the masked-LM and next-sentence losses of BERT-style
 * pre-training (Devlin et al. 2019, arXiv:1810.04805, section 3.1). With it the optional init checkpoint only
 * continues an earlier pre-training when given; by default (no checkpoint) the program pre-trains.
 */
const PRETRAINING_OBJECTIVE = [/\bmasked_lm/, /\bnext_sentence/];

function definedFlag(call: Node): { name: string; def: Node | null; help: string | null } | null {
  const args = call.childForFieldName('arguments');
  if (!args) return null;
  const positional = positionalArguments(args);
  const nameNode = keywordArgument(args, 'name') ?? positional[0];
  const name = nameNode ? stringLiteral(nameNode) : null;
  if (!name || !/^\w{1,100}$/.test(name)) return null;
  const def = keywordArgument(args, 'default') ?? positional[1] ?? null;
  const helpNode = keywordArgument(args, 'help') ?? positional[2];
  const help = helpNode ? helpText(helpNode) : null;
  return { name, def, help };
}

/** A help string, also when written as adjacent literals over several lines. */
function helpText(node: Node): string | null {
  if (node.type === 'concatenated_string')
    return node.namedChildren.map((c) => (c ? (stringLiteral(c) ?? '') : '')).join('');
  return stringLiteral(node);
}

export const tfFlagDefaults: FileRule = {
  framework: 'tensorflow',
  phase: 'before-calls',
  words: ['DEFINE_'],
  read: (index, ctx) => {
    let model: { family: string; node: Node; flag: string } | undefined;
    let pretrainedInit: { node: Node; flag: string } | undefined;
    for (const node of index.calls) {
      const { full } = ctx.callee(node);
      const m = DEFINE.exec(full);
      if (!m) continue;
      const flag = definedFlag(node);
      if (!flag) continue;
      const source = MODEL_SOURCE_FLAG.exec(flag.name);
      if (source && !model) model = { family: source[1], node, flag: flag.name };
      if (INIT_CHECKPOINT_FLAG.test(flag.name) && flag.help && PRETRAINED_HELP.test(flag.help))
        pretrainedInit = { node, flag: flag.name };
      if (!flag.def || flag.def.type === 'none') continue;
      // Switches (`do_train` False) are left unbound: the program is launched with the ones it needs, and a
      // `if FLAGS.do_train:` branch is the run whichever way the default points.
      if (m[1] === 'bool' || m[1] === 'boolean') continue;
      ctx.symbols.bind(
        FIELD_PREFIX + flag.name,
        flag.def,
        `default of \`--${flag.name}\` (line ${node.startPosition.row + 1})`,
      );
      const kind = sizingKind(flag.name);
      // A device count's default is read only where the flag is the count of the cores or GPUs the program shards
      // over (XLNet's `num_core_per_host`, 8: "In the context of GPU training, it refers to the number of GPUs used").
      if (
        !kind ||
        kind === 'inference.maxNewTokens' ||
        (kind === 'hardware.devices' && !SHARD_COUNT_FLAG.test(flag.name))
      )
        continue;
      const r = evaluate(flag.def, ctx.symbols);
      if (r && typeof r.value === 'number') ctx.add(kind, r.value, flag.def, `default of --${flag.name}`, 'medium');
    }
    if (model)
      ctx.add(
        'model.id',
        model.family,
        model.node,
        `--${model.flag}: a ${model.family} model whose size is in the file the launch gives (required flag, no default)`,
        'low',
      );
    if (pretrainedInit && !PRETRAINING_OBJECTIVE.every((objective) => objective.test(ctx.text)))
      ctx.add(
        'model.fromScratch',
        false,
        pretrainedInit.node,
        `--${pretrainedInit.flag}: its help says the checkpoint is a pre-trained model the program starts from`,
        'low',
      );
  },
};

/** The Estimator trains or predicts when given an input function (`estimator.train(input_fn=train_input_fn, ...)`). */
function takesInputFn(call: Node): boolean {
  const args = call.childForFieldName('arguments');
  if (!args) return false;
  const first = keywordArgument(args, 'input_fn') ?? positionalArguments(args)[0];
  return !!first && /input_fn/.test(first.text);
}

const ESTIMATOR_IN_TEXT = /Estimator\(/;
const TRAIN_WITH_INPUT = /\.train\(\s*input_fn/;
/** What the file's text says about its Estimator, tested once per file however many calls ask. */
const estimatorText = new WeakMap<PythonReadContext, { estimator: boolean; trains: boolean }>();
function estimatorOf(ctx: PythonReadContext): { estimator: boolean; trains: boolean } {
  let known = estimatorText.get(ctx);
  if (!known)
    estimatorText.set(
      ctx,
      (known = { estimator: ESTIMATOR_IN_TEXT.test(ctx.text), trains: TRAIN_WITH_INPUT.test(ctx.text) }),
    );
  return known;
}

export const estimatorRun: CallRule = {
  framework: 'tensorflow',
  callees: ['train', 'predict'],
  words: ['input_fn'],
  runStart: [/\.(?:train|predict)\(\s*(?:input_fn|\w*input_fn)/, ESTIMATOR_IN_TEXT],
  when: ({ node, full, ctx }) => /\.(train|predict)$/.test(full) && estimatorOf(ctx).estimator && takesInputFn(node),
  read: ({ node, full, last, ctx }) => {
    const fn = node.childForFieldName('function') ?? node;
    if (last === 'train')
      ctx.add('launch.trainer', full, fn, `${full}(input_fn=...): a TensorFlow Estimator trains`, 'medium');
    // A program that also trains predicts on what it trained: the training is the run.
    else if (!estimatorOf(ctx).trains)
      ctx.add('launch.inference', full, fn, `${full}(input_fn): a TensorFlow Estimator predicts (inference)`, 'medium');
    else return false;
  },
};

/** A TF-Hub module's name in its handle (`https://tfhub.dev/google/bert_uncased_L-12_H-768_A-12/1`). */
const HUB_HANDLE =
  /^https?:\/\/(?:tfhub\.dev|www\.kaggle\.com\/models)\/[\w.-]{1,100}\/([\w.-]{1,100})(?:\/[\w.-]{1,100}){0,4}$/;

/**
 * `hub.Module(handle, trainable=True)` (TensorFlow Hub's TF1 module API, tensorflow.org/hub/api_docs/python/hub/Module):
 * loads the module's published weights, so a program that trains through it fine-tunes them. A handle the code
 * spells out names the model.
 */
export const tfHubModule: CallRule = {
  framework: 'tensorflow',
  callees: ['Module'],
  words: ['hub.Module'],
  when: ({ full }) => full === 'hub.Module' || full === 'tensorflow_hub.Module',
  read: ({ node, full, ctx }) => {
    const args = node.childForFieldName('arguments');
    const handle = args ? (keywordArgument(args, 'spec') ?? positionalArguments(args)[0]) : undefined;
    if (!handle) return;
    const r = evaluate(handle, ctx.symbols);
    const m = typeof r?.value === 'string' ? HUB_HANDLE.exec(r.value) : null;
    if (m && !ctx.facts.some((f) => f.kind === 'model.id' && f.value !== null))
      ctx.add('model.id', m[1], handle, `${full}("${r!.value as string}"): a TF-Hub module`, 'medium');
    ctx.add('model.fromScratch', false, handle, `${full}(...) loads the module's published weights`, 'medium');
  },
};

/**
 * A TensorFlow program that loads exported weights and calls them: `m = tf.saved_model.load(path)` (TF2,
 * tensorflow.org/api_docs/python/tf/saved_model/load: "Load a SavedModel from export_dir"; the result's restored
 * functions are called as `m(images)`), `m = hub.load(handle)` (the same for a TF-Hub handle), or the TF1
 * `module = hub.Module(path, trainable=False)` then `module(inputs)` (hub.Module's `__call__` applies the module's
 * signature). The loaded object called on inputs is a forward pass on restored weights: inference, unless the
 * program also trains (a gradient tape, an optimizer's minimize/apply_gradients, a Keras fit, trainable weights).
 */
const LOADER_CALLEE =
  /^(?:tf\.(?:compat\.v[12]\.)?saved_model\.load|saved_model\.load|(?:tensorflow_)?hub\.(?:load|Module))$/;
/** Training in the same program: the loaded weights are then a start, not the run. */
const TRAINS_TOO =
  /\bGradientTape\b|\.(?:minimize|apply_gradients|fit|train)\(|\btrainable[ \t]*=[ \t]*True\b|\bTPUEstimator\b/;

/** Folders an export is written into under the model's own folder (`<model>/saved_model/`, `<model>/hub/`). */
const EXPORT_FORMAT_FOLDER = /\/(?:saved_model|hub|export|exported|savedmodel)\/*$/i;

/**
 * The released model an exported folder is named after (`.../r50_1x_sk0/saved_model/`): released exports are stored
 * in a folder of the model's name with the format's folder under it; only a name the catalog knows counts.
 */
function readExportFolderModel(node: Node, full: string, ctx: PythonReadContext): void {
  if (ctx.facts.some((f) => f.kind === 'model.id' && f.value !== null)) return;
  const args = node.childForFieldName('arguments');
  const first = args ? positionalArguments(args)[0] : undefined;
  const r = first ? evaluate(first, ctx.symbols) : undefined;
  if (!first || typeof r?.value !== 'string' || r.value.length > 300) return;
  const folder = r.value.replace(/\/+$/, '/').replace(EXPORT_FORMAT_FOLDER, '');
  const id = releasedFolderModel(folder);
  if (!id) return;
  ctx.add('model.id', id, first, `${full}("${r.value}"): the export's folder is named after ${id}`, 'medium');
  ctx.add('model.fromScratch', false, first, `${full}(...) restores released weights`, 'medium');
}

export const tfLoadedModelCalled: CallRule = {
  framework: 'tensorflow',
  callees: ['load', 'Module'],
  words: ['saved_model', 'hub.load', 'hub.Module'],
  runStart: /\b(?:saved_model|hub)\.(?:load|Module)\(/,
  when: ({ full }) => LOADER_CALLEE.test(full),
  read: ({ node, full, ctx }) => {
    readExportFolderModel(node, full, ctx);
    if (ctx.facts.some((f) => f.kind === 'launch.inference' || f.kind === 'launch.trainer')) return false;
    if (TRAINS_TOO.test(ctx.text)) return false;
    const assign = node.parent;
    if (assign?.type !== 'assignment') return false;
    const name = assign.childForFieldName('left')?.text ?? '';
    if (!/^[A-Za-z_]\w{0,60}$/.test(name)) return false;
    // The loaded object called on inputs somewhere in the program (`name(` not preceded by a dot or word).
    const called = new RegExp(`(?:^|[^\\w.])${name}\\(`, 'm');
    const after = ctx.text.slice(assign.endIndex);
    if (!called.test(after)) return false;
    const fn = node.childForFieldName('function') ?? node;
    ctx.add(
      'launch.inference',
      full,
      fn,
      `${name} = ${full}(...) then ${name}(...): a forward pass on loaded weights (inference)`,
      'medium',
    );
    // The call is read further by the rules after this one (tfHubModule: the handle's model, its weights).
    return false;
  },
};
