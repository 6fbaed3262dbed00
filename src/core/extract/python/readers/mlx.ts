import { evaluate, positionalArguments } from '../../pythonValues';
import { truncate } from '../context';
import type { CallRule } from '../rules';

/**
 * MLX LM (github.com/ml-explore/mlx-lm, README "Python API": `from mlx_lm import load, generate; model, tokenizer =
 * load("mlx-community/…")`): loads a Hub model on Apple silicon for `generate(...)` in the script (read as a
 * generate call elsewhere). The model is `load`'s first argument; converted repositories name their quantisation
 * (`-4bit`, `-8bit`, `-Q8-mlx`).
 */
const HUB_ID = /^[A-Za-z0-9][\w.-]{0,95}\/[A-Za-z0-9][\w.-]{0,95}$/;

export const mlxLoad: CallRule = {
  framework: 'mlx-lm',
  callees: ['load'],
  words: ['mlx_lm'],
  when: ({ full, ctx }) => (full === 'load' || full === 'mlx_lm.load') && /\bmlx_lm\b/.test(ctx.text),
  read: ({ node, full, ctx }) => {
    const args = node.childForFieldName('arguments');
    const first = args ? positionalArguments(args)[0] : undefined;
    const r = first ? evaluate(first, ctx.symbols) : undefined;
    if (!first || typeof r?.value !== 'string' || !HUB_ID.test(r.value)) return false;
    ctx.add('model.id', r.value, first, r.via ? `${full} (${truncate(r.via, 60)}), MLX LM` : `${full}(...), MLX LM`);
    ctx.add('model.fromScratch', false, first, `${full} loads the pretrained ${r.value}`);
    const bits = /[-_](?:q?(4|8)[-_]?bit|q(4|8))(?=[-_]|$)/i.exec(r.value);
    if (bits)
      ctx.add(
        'inference.weightPrecision',
        (bits[1] ?? bits[2]) === '8' ? 'int8' : 'int4',
        first,
        `${bits[0].slice(1)} in the name`,
      );
  },
};
