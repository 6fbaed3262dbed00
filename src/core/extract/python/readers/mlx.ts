import { evaluate, positionalArguments } from '../../pythonValues';
import { MODELS } from '../../../knowledge/data/models';
import type { Model } from '../../../knowledge/schema';
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
    const upstream = convertedFrom(r.value);
    if (upstream)
      ctx.add(
        'model.params',
        upstream.params,
        first,
        `the MLX conversion of ${upstream.id}: its parameters (catalog: ${truncate(upstream.source, 80)})`,
        'medium',
      );
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

/**
 * The mlx-community organisation publishes MLX conversions of released models under the upstream name with the
 * conversion's tags appended (`mlx-community/Mistral-7B-Instruct-v0.3-4bit`, model card: "converted to MLX format from
 * mistralai/Mistral-7B-Instruct-v0.3 using mlx-lm"): the same architecture and parameter count as the upstream
 * model, which the catalog knows by its own id.
 */
const CONVERSION_TAG = /-(?:\d{1,2}-?bit|q\d|bf16|fp16|f16|mlx|dwq)$/i;
const MAX_TAGS = 3;
/** Catalog rows with an `org/name` id, by their lower-cased name (the first row of a name wins). */
const UPSTREAM_BY_NAME = new Map<string, Model>();
for (const m of MODELS) {
  const name = m.id.slice(m.id.lastIndexOf('/') + 1).toLowerCase();
  if (m.id.includes('/') && !UPSTREAM_BY_NAME.has(name)) UPSTREAM_BY_NAME.set(name, m);
}

function convertedFrom(id: string): Model | undefined {
  const slash = id.indexOf('/');
  if (slash < 0 || id.slice(0, slash).toLowerCase() !== 'mlx-community') return undefined;
  let name = id.slice(slash + 1);
  for (let k = 0; k < MAX_TAGS && CONVERSION_TAG.test(name); k++) name = name.replace(CONVERSION_TAG, '');
  return UPSTREAM_BY_NAME.get(name.toLowerCase());
}
