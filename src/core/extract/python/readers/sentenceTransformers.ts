import { gatedTest } from '../requiredLiterals';
import type { Node } from 'web-tree-sitter';
import { evaluate, keywordArgument } from '../../pythonValues';
import { truncate, type PythonReadContext } from '../context';
import { readTrainerSetup, readTrainingKeywords, attachEdit } from '../keywords';
import type { CallRule, FileRule } from '../rules';
import { nodesStartingOnLines } from '../syntaxIndex';
import { argumentClasses } from './huggingface';

/**
 * sentence-transformers (sbert.net, github.com/UKPLab/sentence-transformers): embedding models, rerankers and
 * sparse encoders loaded by id (`SentenceTransformer("all-MiniLM-L6-v2")`, `CrossEncoder(model_name)`,
 * `SparseEncoder(...)`, or assembled from `models.Transformer("bert-base-uncased")` + pooling modules) load
 * pretrained Hub weights. Training goes through the library's trainers and argument classes, subclasses of
 * transformers' `Trainer`/`TrainingArguments` with the same keywords (`num_train_epochs`, `fp16`, `bf16`), or the
 * older `model.fit(train_objectives=…, epochs=…, use_amp=…)`; a program that trains none of its models but calls
 * `encode`/`predict`/`rank`/`evaluate` or hands the model to an evaluator runs inference.
 */

const ST_IMPORT = /^[ \t]*(?:from|import)[ \t]+sentence_transformers\b/m;
const importsSentenceTransformers = gatedTest(ST_IMPORT);

/** The library's model classes, each loaded from a Hub id or a saved folder given first (or as `model_name_or_path`). */
const ENCODER_CLASSES = new Set(['SentenceTransformer', 'CrossEncoder', 'SparseEncoder']);
/** Modules that load a Hub transformer into an assembled model (`models.Transformer(name)`, SPLADE's `MLMTransformer`). */
const MODULE_CLASSES = new Set(['Transformer', 'MLMTransformer']);

/** The library's argument classes: TrainingArguments subclasses, read with the same keywords. */
const ARGUMENT_CLASSES = [
  'SentenceTransformerTrainingArguments',
  'CrossEncoderTrainingArguments',
  'SparseEncoderTrainingArguments',
];
/** The library's trainers: transformers' Trainer subclasses. */
const TRAINER_CLASSES = new Set(['SentenceTransformerTrainer', 'CrossEncoderTrainer', 'SparseEncoderTrainer']);

/** Methods that run a loaded model forward (embedding, scoring, ranking, evaluation). */
const INFERENCE_METHODS =
  /^(?:encode|encode_query|encode_document|encode_queries|encode_corpus|encode_multi_process|predict|rank|evaluate|start_multi_process_pool)$/;
/** What a program that runs a model forward writes: a method call or an evaluator (checked with ST_IMPORT). */
const INFERENCE_START =
  /\.(?:encode\w{0,20}|predict|rank|evaluate|start_multi_process_pool)[ \t]*\(|Evaluator\b|\bmine_hard_negatives\b|\bMTEB[ \t]*\(/;

/** Calls looked at in one file at most (a hostile file of millions of calls stays linear and bounded). */
const MAX_CALLS = 20_000;
/** The lines that may hold a call the file rule reads (a load, a trainer, `fit`, a forward pass, an evaluator). */
const CALL_LINE =
  /SentenceTransformer|CrossEncoder|SparseEncoder|Transformer[ \t]*\(|Trainer|\.fit[ \t]*\(|\.encode|\.predict[ \t]*\(|\.rank[ \t]*\(|\.evaluate[ \t]*\(|multi_process_pool|[Ee]valuator|MTEB[ \t]*\(|\.run[ \t]*\(/;

/**
 * The calls that start on the lines CALL_LINE keeps, in document order, found by native walks of those rows only
 * (a library module of thousands of lines costs its few matching rows, not a walk of every node).
 */
function callsOnMatchingRows(ctx: PythonReadContext): Node[] {
  return nodesStartingOnLines(ctx.tree, ctx.text, 'call', (line) => CALL_LINE.test(line), MAX_CALLS);
}

export const stArgumentClasses: CallRule = {
  framework: 'sentence-transformers',
  callees: ARGUMENT_CLASSES,
  read: (info) => argumentClasses.read(info),
};

export const stTrainers: CallRule = {
  framework: 'sentence-transformers',
  callees: [...TRAINER_CLASSES],
  read: ({ node, full, last, ctx }) => readTrainerSetup(node, full, last, ctx),
};

/**
 * The library's own training loop (`model.fit(train_objectives=[(loader, loss)], epochs=1, use_amp=True)`, and the
 * CrossEncoder's `fit(train_dataloader=…)`): `use_amp=True` trains under fp16 autocast (its docstring: "Use
 * Automatic Mixed Precision (AMP)", torch.cuda.amp with float16).
 */
export const stFit: CallRule = {
  framework: 'sentence-transformers',
  callees: ['fit'],
  when: ({ node, full, ctx }) =>
    full !== 'fit' &&
    importsSentenceTransformers(ctx.text) &&
    /\btrain_(?:objectives|dataloader)[ \t]*=/.test(node.childForFieldName('arguments')?.text.slice(0, 2000) ?? ''),
  read: ({ node, full, ctx }) => {
    readTrainingKeywords(node, ctx, full);
    const args = node.childForFieldName('arguments');
    const amp = args ? keywordArgument(args, 'use_amp') : null;
    if (amp?.text === 'True')
      ctx.add('training.precision', 'fp16', amp, `use_amp=True in ${full}: fp16 autocast (torch.cuda.amp)`, 'high');
    ctx.add('launch.trainer', 'fit', node.childForFieldName('function') ?? node, `${full}(...) trains the model`);
    attachEdit(ctx, node, full);
  },
};

/** Per file: whether it trains through the library (a trainer or `fit`), worked out once. */
const TRAINS_IN_FILE = new WeakMap<PythonReadContext, boolean>();
const TRAINING_CALL = /\b(?:SentenceTransformerTrainer|CrossEncoderTrainer|SparseEncoderTrainer)[ \t]*\(|\.fit[ \t]*\(/;

/**
 * `teacher.encode(sentences, batch_size=256)` in a program that trains: the batch a model embeds with to label or
 * mine data, not the training batch (the argument class's `per_device_train_batch_size` is). Claimed here so the
 * generic loader rule does not read it as one.
 */
export const stEncodeBatch: CallRule = {
  framework: 'sentence-transformers',
  callees: ['encode', 'encode_query', 'encode_document', 'encode_multi_process'],
  when: ({ full, ctx }) => {
    if (full.indexOf('.') < 1 || !importsSentenceTransformers(ctx.text)) return false;
    let trains = TRAINS_IN_FILE.get(ctx);
    if (trains === undefined) {
      trains = TRAINING_CALL.test(ctx.text);
      TRAINS_IN_FILE.set(ctx, trains);
    }
    return trains;
  },
  read: () => true,
};

interface Load {
  readonly node: Node;
  readonly cls: string;
  /** The name the load is bound to (`model = SentenceTransformer(...)`), if any. */
  readonly name?: string;
  /** The function that returns it (`def model_init(): return SentenceTransformer(...)`), if any. */
  readonly returnedBy?: string;
}

function boundName(call: Node): { name?: string; returnedBy?: string } {
  const parent = call.parent;
  if (parent?.type === 'assignment' && parent.childForFieldName('right')?.id === call.id) {
    const left = parent.childForFieldName('left');
    return left?.type === 'identifier' ? { name: left.text } : {};
  }
  if (parent?.type === 'return_statement') {
    for (let n: Node | null = parent.parent, i = 0; n && i < 8; n = n.parent, i++)
      if (n.type === 'function_definition') return { returnedBy: n.childForFieldName('name')?.text };
  }
  return {};
}

function receiverOf(full: string): string | undefined {
  const dot = full.lastIndexOf('.');
  const head = dot > 0 ? full.slice(0, dot) : '';
  return /^[A-Za-z_]\w*$/.test(head) ? head : undefined;
}

function identifierKeyword(call: Node, name: string): string | undefined {
  const args = call.childForFieldName('arguments');
  const value = args ? keywordArgument(args, name) : null;
  return value?.type === 'identifier' ? value.text : undefined;
}

function firstPositional(call: Node): Node | undefined {
  return (
    call
      .childForFieldName('arguments')
      ?.namedChildren.find((c) => c !== null && c.type !== 'keyword_argument' && c.type !== 'comment') ?? undefined
  );
}

/** The model a load names: its first argument, or `model_name_or_path=` (`model_name=` in `models.Transformer`). */
function modelArgument(call: Node): Node | undefined {
  const args = call.childForFieldName('arguments');
  if (!args) return undefined;
  return (
    firstPositional(call) ??
    keywordArgument(args, 'model_name_or_path') ??
    keywordArgument(args, 'model_name') ??
    undefined
  );
}

/** A load by id: the model named (through constants and argument defaults), pretrained weights. */
function readEncoderLoad(load: Load, ctx: PythonReadContext): void {
  const arg = modelArgument(load.node);
  if (!arg) return;
  const r = evaluate(arg, ctx.symbols);
  const what = `${load.cls}(${truncate(arg.text, 40)})`;
  if (r && typeof r.value === 'string') {
    ctx.add('model.id', r.value, arg, r.via ? `${what} (${r.via})` : what, r.via ? 'medium' : 'high');
    if (r.via) ctx.amendLast({ originLine: r.origin.startPosition.row });
    attachEdit(ctx, load.node, load.cls, r.origin);
  } else ctx.add('model.id', null, arg, `${what}: the model is given when the program runs`, 'low');
  ctx.add(
    'model.fromScratch',
    false,
    load.node,
    `${load.cls}(...) loads pretrained weights (a Hub id or a saved model)`,
  );
}

/**
 * Which of the file's models is trained (the one handed to a trainer as `model=`, returned by its `model_init`, or
 * whose `fit` runs, with the modules of one assembled from them), and whether any model runs forward in a program
 * that trains none: the model loads are read for that model only, so a distillation's teacher or a mining model
 * does not name the run.
 */
export const sentenceTransformerModels: FileRule = {
  framework: 'sentence-transformers',
  phase: 'after-calls',
  words: ['sentence_transformers'],
  runStart: [ST_IMPORT, INFERENCE_START],
  read: (_index, ctx) => {
    if (!importsSentenceTransformers(ctx.text)) return;
    const loads: Load[] = [];
    const trained = new Set<string>();
    const trainedBy = new Set<string>();
    const modulesOf = new Map<string, string[]>();
    const usedForward: Array<{ name: string; node: Node }> = [];
    const evaluators = new Set<string>();
    const benchmarks = new Set<string>();
    let trains = false;
    for (const call of callsOnMatchingRows(ctx)) {
      const { full, last } = ctx.callee(call);
      if (ENCODER_CLASSES.has(last) || (MODULE_CLASSES.has(last) && /(?:^|\.)models\.\w+$/.test(full))) {
        const bound = boundName(call);
        loads.push({ node: call, cls: full, ...bound });
        const modules = call.childForFieldName('arguments');
        const list = modules ? keywordArgument(modules, 'modules') : null;
        if (bound.name && list?.type === 'list')
          modulesOf.set(
            bound.name,
            list.namedChildren.flatMap((c) => (c?.type === 'identifier' ? [c.text] : [])),
          );
        continue;
      }
      if (last.endsWith('Evaluator')) {
        const bound = boundName(call);
        if (bound.name) evaluators.add(bound.name);
        continue;
      }
      // MTEB's benchmark runner: `evaluation = mteb.MTEB(tasks=…)` then `evaluation.run(model, …)`, or
      // `mteb.evaluate(model, tasks)` (mteb's README): the model encodes every task's texts.
      if (last === 'MTEB') {
        const bound = boundName(call);
        if (bound.name) benchmarks.add(bound.name);
        continue;
      }
      const benchmarked =
        (last === 'run' && benchmarks.has(receiverOf(full) ?? '')) || full === 'mteb.evaluate'
          ? firstPositional(call)
          : undefined;
      if (benchmarked?.type === 'identifier') {
        usedForward.push({ name: benchmarked.text, node: call });
        continue;
      }
      if (TRAINER_CLASSES.has(last) || last === 'Trainer') {
        trains = true;
        const model = identifierKeyword(call, 'model');
        if (model) trained.add(model);
        const init = identifierKeyword(call, 'model_init');
        if (init) trainedBy.add(init);
        continue;
      }
      const receiver = receiverOf(full);
      if (last === 'fit' && receiver && /\btrain_(?:objectives|dataloader)\b/.test(call.text.slice(0, 2000))) {
        trains = true;
        trained.add(receiver);
        continue;
      }
      if (receiver && INFERENCE_METHODS.test(last)) {
        usedForward.push({ name: receiver, node: call });
        continue;
      }
      // `evaluator(model)`: an evaluator bound earlier, called on a model.
      const arg = firstPositional(call);
      if (evaluators.has(full) && arg?.type === 'identifier') usedForward.push({ name: arg.text, node: call });
    }
    for (const [name, parts] of modulesOf) if (trained.has(name)) for (const p of parts) trained.add(p);
    const isTrained = (l: Load) =>
      (l.name !== undefined && trained.has(l.name)) || (l.returnedBy !== undefined && trainedBy.has(l.returnedBy));
    const readable = (l: Load) => modelArgument(l.node);
    if (trains) {
      // The trained model: a load read by id (not the assembly of modules, which names none itself).
      for (const l of loads) if (isTrained(l) && readable(l)) readEncoderLoad(l, ctx);
      return;
    }
    const names = new Set(loads.flatMap((l) => (l.name ? [l.name] : [])));
    const use = usedForward.find((u) => names.has(u.name));
    if (!use) return;
    const load = loads.find((l) => l.name === use.name && readable(l));
    if (load) readEncoderLoad(load, ctx);
    const { full } = ctx.callee(use.node);
    ctx.add(
      'launch.inference',
      full,
      use.node.childForFieldName('function') ?? use.node,
      `${full}(...): a sentence-transformers model runs forward (embedding, scoring or evaluation), nothing is trained`,
      'medium',
    );
  },
};
