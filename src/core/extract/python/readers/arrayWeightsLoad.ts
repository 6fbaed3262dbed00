import { onDefaultPath } from '../branches';
import type { FileRule } from '../rules';

/**
 * A network given weights from a NumPy archive on the path every run takes: `model.load_from(np.load(f"{args.model}.npz"))`
 * (google-research/big_transfer's PyTorch fine-tuning, and the PyTorch ports of Google's ViT checkpoints that load the
 * released `.npz` files the same way). The archive holds the released, pretrained weights (those ports have no other
 * way to start), so the run starts from them: a fine-tune when it trains. Not read inside a branch the defaults do not
 * take (`if args.resume:`), nor for a `load_from` given anything but an array archive.
 */
const LOAD_FROM_ARCHIVE = /\.load_from\([ \t]*(?:np|numpy|jnp|onp)\.load\(/;
const MAX_CALLS = 20;

export const arrayWeightsLoad: FileRule = {
  framework: 'pytorch',
  phase: 'after-calls',
  words: ['load_from'],
  read: (index, ctx) => {
    if (ctx.facts.some((f) => f.kind === 'model.fromScratch')) return;
    if (!LOAD_FROM_ARCHIVE.test(ctx.text)) return;
    let looked = 0;
    for (const call of index.calls) {
      if (ctx.callee(call).last !== 'load_from') continue;
      if (++looked > MAX_CALLS) return;
      const first = call.childForFieldName('arguments')?.namedChildren[0];
      if (first?.type !== 'call' || !/^(?:np|numpy|jnp|onp)\.load$/.test(ctx.callee(first).full)) continue;
      if (!onDefaultPath(call, ctx.symbols)) continue;
      ctx.add(
        'model.fromScratch',
        false,
        call,
        `${ctx.callee(call).full}(${first.text.slice(0, 60)}): released weights from an array archive`,
        'medium',
      );
      return;
    }
  },
};
