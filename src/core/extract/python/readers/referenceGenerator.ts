import { evaluate, keywordArgument } from '../../pythonValues';
import type { CallRule } from '../rules';

/**
 * Meta's reference inference code (llama, codellama, llama3 and the repositories built on it): a generator class
 * built from a checkpoint folder, `generator = Llama.build(ckpt_dir=ckpt_dir, tokenizer_path=..., max_seq_len=...,
 * max_batch_size=...)`, then asked for `generator.text_completion(prompts, ...)`, `.chat_completion(dialogs, ...)` or `.text_infilling(...)`.
 * The program (a `fire.Fire(main)` main run with torchrun) generates with the class's model family; its size is the
 * checkpoint folder's, which is a required flag in the examples: the model is the family with its size unknown,
 * or the folder when the file gives it a default (`ckpt_dir: str = "llama-2-7b-chat/"`). The dtype is set by the
 * package's `build` (a default tensor type), not in this file, and is left to what reads that.
 */
const BUILD = /^([A-Z][A-Za-z0-9]{1,40})\.build$/;
/**
 * What the built generator is asked for: `text_completion`, `chat_completion`, Code Llama's `text_infilling`
 * (meta-llama/codellama llama/generation.py), or its `generate` over token ids; any `*_completion` of the family, and
 * llama-models' plain `completion` (models/llama3/generation.py).
 */
const ASKS = /\.(?:(?:[a-z]{1,20}_)?completion|text_infilling|generate)\(/;
/** A checkpoint folder passed first, by position (`Llama4.build(checkpoint_dir, max_seq_len=...)`). */
const CHECKPOINT_NAME =
  /^(?:[a-z_]{0,20}(?:ckpt|checkpoint)[a-z_]{0,20}|args\.[a-z_]{0,20}(?:ckpt|checkpoint)[a-z_]{0,20})$/;
const CHECKPOINT_KEYWORDS = ['ckpt_dir', 'checkpoint_dir', 'ckpt_path'];

export const referenceGenerator: CallRule = {
  framework: 'torch',
  callees: ['build'],
  words: ['ckpt_dir', 'checkpoint_dir', 'ckpt_path'],
  runStart: [/\.build\(/, ASKS],
  when: ({ full, ctx }) => BUILD.test(full) && ASKS.test(ctx.text),
  read: ({ node, full, ctx }) => {
    const args = node.childForFieldName('arguments');
    if (!args) return false;
    const first = args.namedChildren.find((c) => c?.type !== 'comment');
    const keyword =
      CHECKPOINT_KEYWORDS.map((k) => ({ k, at: keywordArgument(args, k) })).find(({ at }) => at) ??
      (first && first.type !== 'keyword_argument' && CHECKPOINT_NAME.test(first.text)
        ? { k: first.text, at: first }
        : undefined);
    if (!keyword?.at) return false;
    const family = BUILD.exec(full)![1];
    const read = evaluate(keyword.at, ctx.symbols);
    const written = read?.value;
    const folder = typeof written === 'string' ? written.trim().replace(/\/{1,10}$/, '') : undefined;
    if (folder && !/^[./]{0,10}$/.test(folder)) {
      ctx.add(
        'model.id',
        folder,
        keyword.at,
        `${full}(${keyword.k}="${folder}"): the checkpoint folder it generates with`,
      );
      if (read?.via) ctx.amendLast({ originLine: read.origin.startPosition.row });
    } else
      ctx.add(
        'model.id',
        family.toLowerCase(),
        node,
        `${full}(${keyword.k}=...): a ${family} checkpoint folder given when the program runs (its size is the folder's)`,
        'medium',
      );
    ctx.add('model.fromScratch', false, keyword.at, `${full} loads the released weights from ${keyword.k}`, 'medium');
    // `max_batch_size`: the most prompts the generator decodes together (its caches are sized for it).
    const batchAt = keywordArgument(args, 'max_batch_size');
    const batch = batchAt ? evaluate(batchAt, ctx.symbols) : undefined;
    if (batchAt && typeof batch?.value === 'number' && Number.isInteger(batch.value) && batch.value > 0) {
      ctx.add(
        'inference.concurrency',
        batch.value,
        batchAt,
        `${full}(max_batch_size=${batch.value}): sequences decoded together`,
      );
      if (batch.via) ctx.amendLast({ originLine: batch.origin.startPosition.row });
    }
    ctx.add(
      'launch.inference',
      `reference:${family}`,
      node,
      `${full}(...) then asked to complete, chat or fill in: the reference generator (inference)`,
      'medium',
    );
    return true;
  },
};
