import { gatedTest } from '../requiredLiterals';
import { evaluate, keywordArgument, keywordOrFirstArgument } from '../../pythonValues';
import type { CallRule } from '../rules';

/**
 * ColBERT's indexing and search API (`from colbert import Indexer, Searcher`, stanford-futuredata/ColBERT v0.2; also
 * what RAGatouille wraps): `Indexer(checkpoint=..., config=...).index(name=..., collection=...)` encodes every passage
 * of a collection with the checkpoint, `Searcher(index=...).search(query, k)` / `.search_all(queries, k)` encodes the
 * queries with the index's checkpoint and ranks passages. Both run a trained late-interaction encoder forward and
 * train nothing: an inference run. The model is the `checkpoint` handed to the indexer (a Hub id or a folder); a
 * searcher reads its checkpoint from the index's metadata, so a searcher alone names no model unless given
 * `checkpoint=`.
 *
 * Precision: the library's `Checkpoint` (colbert/modeling/checkpoint.py, v0.2) builds `MixedPrecisionManager(True)`
 * unconditionally and wraps its query and document encoders in its context, which is `torch.cuda.amp.autocast()`
 * (colbert/utils/amp.py): float16 autocast on a GPU. Devices: `RunConfig(nranks=N)` (colbert/infra/config/settings.py
 * `RunSettings.nranks`, "the number of GPUs to use" in the library's intro notebook) starts N processes, one a GPU.
 */

const importsColbert = gatedTest(/^[ \t]*(?:from|import)[ \t]+colbert\b/m);
/** The calls that run the encoder: indexing a collection, searching one query or a batch. */
const RUNS_ENCODER = /\.(?:index|search|search_all)[ \t]*\(/;
const MAX_RANKS = 1024;

export const colbertRetrieval: CallRule = {
  framework: 'colbert',
  callees: ['Indexer', 'Searcher', 'RunConfig'],
  runStart: [/^[ \t]*(?:from|import)[ \t]+colbert\b/m, /\b(?:Indexer|Searcher)[ \t]*\(/],
  when: ({ ctx }) => importsColbert(ctx.text) && RUNS_ENCODER.test(ctx.text),
  read: ({ node, full, last, ctx, args }) => {
    const fn = node.childForFieldName('function') ?? node;
    if (last === 'RunConfig') {
      const ranks = args ? keywordArgument(args, 'nranks') : null;
      const n = ranks ? evaluate(ranks, ctx.symbols)?.value : undefined;
      if (typeof n === 'number' && Number.isInteger(n) && n > 0 && n <= MAX_RANKS)
        ctx.add('hardware.devices', n, ranks!, `RunConfig(nranks=${n}): ColBERT starts one process a GPU`, 'medium');
      return;
    }
    const model =
      last === 'Indexer'
        ? keywordOrFirstArgument(node, 'checkpoint')
        : args
          ? keywordArgument(args, 'checkpoint')
          : null;
    if (model) {
      ctx.addResolved('model.id', model, `checkpoint of ${full}`);
      ctx.add('model.fromScratch', false, fn, `${full}(checkpoint=...) encodes with trained weights`);
    } else if (last === 'Searcher' && !ctx.text.includes('checkpoint'))
      // The index's metadata names the checkpoint it was built with: nothing in the files does.
      ctx.add(
        'model.id',
        null,
        fn,
        `${full}(index=...) encodes with the index's checkpoint, which the files do not name`,
        'low',
      );
    ctx.add(
      'training.precision',
      'fp16',
      fn,
      "ColBERT's Checkpoint encodes under torch.cuda.amp.autocast() (MixedPrecisionManager(True), colbert/modeling/checkpoint.py)",
      'medium',
    );
    ctx.add(
      'launch.inference',
      full,
      fn,
      last === 'Indexer'
        ? `${full}(...): ColBERT encodes a collection into an index with the checkpoint, nothing trained`
        : `${full}(...): ColBERT encodes queries with the index's checkpoint and ranks passages, nothing trained`,
      'medium',
    );
  },
};
