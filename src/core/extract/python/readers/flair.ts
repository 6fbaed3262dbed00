import type { Node } from 'web-tree-sitter';
import { gatedTest } from '../requiredLiterals';
import { evaluate, keywordArgument, positionalArguments } from '../../pythonValues';
import type { PythonReadContext } from '../context';
import { readTrainingKeywords } from '../keywords';
import type { FileRule } from '../rules';
import type { SyntaxIndex } from '../syntaxIndex';

/**
 * flair (github.com/flairNLP/flair, "Tutorial: training models"): a tagger or classifier is trained by
 * `trainer = ModelTrainer(model, corpus)` and then `trainer.fine_tune(base_path, max_epochs=…)` (the schedule for
 * fine-tuning transformer embeddings: AdamW with warm-up) or `trainer.train(base_path, max_epochs=…)` (the classic
 * SGD schedule). Both run the training loop in the process that calls them (with `multi_gpu=True`, in each process
 * `launch_distributed` starts), so the call is the run:
 * - its epochs are `max_epochs=` as passed (flair's own defaults, 10 and 100, are not filled in when it is not);
 * - the network it fine-tunes is the transformer the embeddings load, `TransformerWordEmbeddings(model=…)` or
 *   `TransformerDocumentEmbeddings("…")` (a Hub id, its pretrained weights), unknown when the id is only given when
 *   the program runs;
 * - its precision: both methods take `use_amp: bool = False` (flair/trainers/trainer.py) and run the loop under
 *   `torch.autocast(..., enabled=use_amp)`, so without `use_amp=True` the run computes in float32; with it, autocast
 *   on CUDA computes in float16 (PyTorch docs, torch.autocast: float16 is the CUDA default).
 */

const importsFlair = gatedTest(/^[ \t]*(?:from[ \t]+flair\b|import[ \t]+flair\b)/m);
const TRAIN_METHODS = new Set(['fine_tune', 'train']);
const EMBEDDINGS = new Set(['TransformerWordEmbeddings', 'TransformerDocumentEmbeddings']);
const IDENTIFIER = /^[A-Za-z_]\w{0,63}$/;

/** Whether `name` is assigned a `ModelTrainer(...)` in the file (the receiver of the training call). */
function isModelTrainer(name: string, text: string): boolean {
  if (!IDENTIFIER.test(name)) return false;
  return new RegExp(
    `(?:^|[^\\w.])${name}(?:[ \\t]*:[ \\t]*\\w+)?[ \\t]*=[ \\t]*(?:flair\\.trainers\\.)?ModelTrainer[ \\t]*\\(`,
  ).test(text);
}

function readEmbeddingsModel(call: Node, ctx: PythonReadContext, cls: string): void {
  const args = call.childForFieldName('arguments');
  if (!args) return;
  const arg = keywordArgument(args, 'model') ?? positionalArguments(args)[0];
  if (!arg) return;
  const r = evaluate(arg, ctx.symbols);
  if (r && typeof r.value === 'string' && /^[\w.-]{1,96}(?:\/[\w.-]{1,96})?$/.test(r.value)) {
    ctx.add('model.id', r.value, arg, r.via ? `${cls}(${r.via})` : `${cls}("${r.value}")`, r.via ? 'medium' : 'high');
    // The line to edit is where the id is written (a constant, a flag's default).
    if (r.via) ctx.amendLast({ originLine: r.origin.startPosition.row });
    ctx.add('model.fromScratch', false, arg, `${cls} loads the pretrained ${r.value}`, 'medium');
  } else {
    ctx.add('model.id', null, arg, `${cls}(${arg.text.slice(0, 60)}): the model is given when the program runs`, 'low');
    ctx.add('model.fromScratch', false, arg, `${cls} loads a pretrained transformer`, 'medium');
  }
}

export const flairTraining: FileRule = {
  framework: 'flair',
  phase: 'after-calls',
  words: ['ModelTrainer', 'fine_tune', 'TransformerWordEmbeddings', 'TransformerDocumentEmbeddings'],
  runStart: [/\bModelTrainer\b/, /\.(?:fine_tune|train)[ \t]*\(/],
  read: (index: SyntaxIndex, ctx) => {
    if (!importsFlair(ctx.text)) return;
    const call = index.calls.find((c) => {
      const { full, last } = ctx.callee(c);
      if (!TRAIN_METHODS.has(last)) return false;
      const receiver = full.slice(0, full.length - last.length - 1);
      return isModelTrainer(receiver, ctx.text);
    });
    if (!call) return;
    const { full, last } = ctx.callee(call);
    ctx.add(
      'launch.trainer',
      'flair',
      call.childForFieldName('function') ?? call,
      `${full}(...): flair's ModelTrainer trains the model`,
    );
    readTrainingKeywords(call, ctx, full);
    const args = call.childForFieldName('arguments');
    const amp = args ? keywordArgument(args, 'use_amp') : null;
    const ampValue = amp ? evaluate(amp, ctx.symbols) : undefined;
    if (amp && ampValue?.value === true)
      ctx.add('training.precision', 'fp16', amp, `use_amp=True in ${full}: torch.autocast on CUDA (float16)`, 'medium');
    else if (!amp || ampValue?.value === false)
      ctx.add(
        'training.precision',
        'fp32',
        amp ?? call,
        `${full}: use_amp ${amp ? 'False' : 'not set (flair defaults it to False)'}, the loop runs in float32`,
        'medium',
      );
    const embeddings = index.calls.find((c) => EMBEDDINGS.has(ctx.callee(c).last));
    if (embeddings) readEmbeddingsModel(embeddings, ctx, ctx.callee(embeddings).last);
    if (last === 'fine_tune' && embeddings)
      ctx.add('training.mode', 'finetune', call, `${full}: fine-tunes the pretrained transformer embeddings`, 'medium');
  },
};
