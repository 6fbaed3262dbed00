import type { PythonReadContext } from '../context';
import type { FileRule } from '../rules';
import { onDefaultPath } from '../branches';

/**
 * The speedrun layout (modded-nanogpt and the programs derived from it): the token embedding is kept in bfloat16
 * (`self.embed = nn.Embedding(vocab_size, model_dim).bfloat16()`, or `m.bfloat16()` for each `nn.Embedding` of the
 * model) and the linear layers cast their float32 weights to their input's type as they run
 * (`F.linear(x, self.weight.type_as(x))`, `self.weight.to(x.dtype)`): activations enter in bfloat16 and every such
 * matmul runs in bfloat16, with no autocast and no cast of the model as a whole to say so. Both halves must be in the
 * file, and the embedding's cast on the path the defaults take (`if args.bf16_embeds:` with the flag on).
 */
const EMBEDDING_BUILT_BF16 = /\bEmbedding\([^()\n]{0,300}\)[ \t]*\.bfloat16\(\)/;
/** `if isinstance(m, nn.Embedding):` followed by `m.bfloat16()` on the next line. */
const EMBEDDINGS_CAST_BF16 =
  /isinstance\([ \t]*(\w{1,60})[ \t]*,[ \t]*(?:nn\.)?Embedding[ \t]*\)[ \t]*:[ \t]*\n[ \t]*\1\.bfloat16\(\)/;
const WEIGHT_AS_INPUT =
  /\bF\.linear\([ \t]*(\w{1,30})[ \t]*,[ \t]*self\.weight\.(?:type_as\([ \t]*\1[ \t]*\)|to\([ \t]*(?:dtype[ \t]*=[ \t]*)?\1\.dtype[ \t]*\))/;

function readBf16Embedding(ctx: PythonReadContext): void {
  if (!WEIGHT_AS_INPUT.test(ctx.text)) return;
  const found = EMBEDDING_BUILT_BF16.exec(ctx.text) ?? EMBEDDINGS_CAST_BF16.exec(ctx.text);
  if (!found) return;
  // The cast itself: the `.bfloat16()` call on the match's last line.
  const row = ctx.text.slice(0, found.index + found[0].length).split('\n').length - 1;
  const cast = ctx.tree.rootNode
    .descendantsOfType('call', { row, column: 0 }, { row: row + 1, column: 0 })
    .find((c) => c !== null && /\.bfloat16$/.test(c.childForFieldName('function')?.text ?? ''));
  if (!cast || !onDefaultPath(cast, ctx.symbols)) return;
  ctx.add(
    'training.precision',
    'bf16',
    cast,
    'the token embedding is kept in bfloat16 and the linear layers cast their weights to their input (`F.linear(x, self.weight.type_as(x))`): the matmuls run in bf16',
    'medium',
  );
}

export const bf16Embedding: FileRule = {
  framework: 'torch',
  phase: 'after-calls',
  words: ['bfloat16()', 'F.linear('],
  read: (_index, ctx) => readBf16Embedding(ctx),
};
