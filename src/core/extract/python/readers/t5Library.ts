import type { Node } from 'web-tree-sitter';
import { findModel } from '../../../knowledge';
import { evaluate, keywordArgument, type SymbolTable } from '../../pythonValues';
import type { CallRule } from '../rules';

/**
 * The `t5` library's models (`pip install t5`; t5/models/mtf_model.py and hf_model.py, "T5 Models" in the
 * google-research/text-to-text-transfer-transformer README): `model = t5.models.MtfModel(model_dir, tpu, ...)` then
 * `model.finetune(mixture_or_task_name, pretrained_model_dir, finetune_steps)` fine-tunes the released checkpoint in
 * `pretrained_model_dir` for `finetune_steps` steps; `model.train(mixture_or_task_name, steps)` trains from
 * scratch. The released checkpoints are kept in folders named by size (`gs://t5-data/pretrained_models/3B`, the
 * README's "Released Model Checkpoints": small, base, large, 3B, 11B), which name the model.
 */

/** The library's model classes built in the file. */
const T5_MODEL = /\b(?:t5\.models\.)?(?:MtfModel|HfPyTorchModel)\s*\(/;
/** A released checkpoint folder's last segment. */
const RELEASED_SIZE = /^(small|base|large|3b|11b)$/i;

/** The folder's last segment: a string, or `os.path.join(base, SIZE)` with SIZE a string (followed one name deep). */
function lastSegment(node: Node | null, symbols: SymbolTable, depth = 0): string | undefined {
  if (!node || depth > 3) return undefined;
  const value = evaluate(node, symbols)?.value;
  if (typeof value === 'string') return value.replace(/\/+$/, '').split('/').pop();
  if (node.type === 'identifier')
    return lastSegment(symbols.lookupAt(node.text, node)?.node ?? null, symbols, depth + 1);
  if (node.type === 'call' && /(?:^|\.)path\.join$/.test(node.childForFieldName('function')?.text ?? '')) {
    const args = node.childForFieldName('arguments')?.namedChildren ?? [];
    return lastSegment(args[args.length - 1] ?? null, symbols, depth + 1);
  }
  return undefined;
}

function positiveInteger(node: Node | null, symbols: SymbolTable): number | undefined {
  const v = node ? evaluate(node, symbols)?.value : undefined;
  return typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : undefined;
}

export const t5LibraryTraining: CallRule = {
  framework: 't5',
  callees: ['finetune', 'train'],
  // The folder's value is often joined from a size chosen above (`PRETRAINED_DIR = os.path.join(BASE, MODEL_SIZE)`).
  words: ['MtfModel', 'HfPyTorchModel', 'path.join'],
  runStart: [T5_MODEL, /\.(?:finetune|train)\s*\(/],
  when: ({ last, node, ctx }) => {
    if (!T5_MODEL.test(ctx.text)) return false;
    const args = node.childForFieldName('arguments');
    if (!args) return false;
    return last === 'finetune'
      ? keywordArgument(args, 'pretrained_model_dir') !== null || keywordArgument(args, 'finetune_steps') !== null
      : keywordArgument(args, 'mixture_or_task_name') !== null && keywordArgument(args, 'steps') !== null;
  },
  read: ({ node, last, full, ctx }) => {
    const args = node.childForFieldName('arguments')!;
    const fn = node.childForFieldName('function') ?? node;
    ctx.add('run.framework', 't5', fn, `${full}(...): the t5 library's model`);
    ctx.add('launch.trainer', `t5:${last}`, fn, `${full}(...): the t5 library trains the model`);
    const steps = positiveInteger(keywordArgument(args, last === 'finetune' ? 'finetune_steps' : 'steps'), ctx.symbols);
    if (steps)
      ctx.add('training.steps', steps, node, `${full}(${last === 'finetune' ? 'finetune_steps' : 'steps'}=${steps})`);
    if (last === 'train') {
      ctx.add('model.fromScratch', true, fn, `${full}(...) trains the model from its own initialisation`, 'medium');
      return;
    }
    const dir = keywordArgument(args, 'pretrained_model_dir');
    ctx.add('model.fromScratch', false, dir ?? fn, `${full}(...) fine-tunes a released checkpoint`, 'high');
    const size = dir ? lastSegment(dir, ctx.symbols) : undefined;
    const id = size && RELEASED_SIZE.test(size) ? `t5-${size.toLowerCase()}` : undefined;
    if (dir && id && findModel(id))
      ctx.add('model.id', id, dir, `pretrained_model_dir: the released T5 checkpoint folder ${size}`, 'medium');
  },
};
