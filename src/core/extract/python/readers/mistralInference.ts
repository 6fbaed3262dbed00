import { evaluate, keywordArgument } from '../../pythonValues';
import { readTrainingKeywords } from '../keywords';
import type { PythonReadContext } from '../context';
import type { CallRule } from '../rules';
import type { Node } from 'web-tree-sitter';

/**
 * mistral-inference (github.com/mistralai/mistral-inference, README "Usage" and tutorials): a released model is
 * a folder (params.json + consolidated.safetensors) loaded with `Transformer.from_folder(folder,
 * max_batch_size=1, num_pipeline_ranks=1, device="cuda", dtype=None)` (src/mistral_inference/transformer.py;
 * the older layout imports it from `mistral.model`), then run by `generate(...)` or its forward passes. Loading
 * it is an inference run of that model: `dtype=` is the compute precision, `num_pipeline_ranks=` the GPUs the
 * layers are split over (one process each), and the model is named by the folder when its last part is a
 * model's name (`~/mistral_7b_instruct_v3`). No `dtype` keeps the checkpoint's own, which the code does not say.
 */

/** The module that defines it: the package or the older in-repo layout. */
const MISTRAL_IMPORT = /^[ \t]*from[ \t]+(?:mistral_inference(?:\.\w{1,30})?|mistral\.model)[ \t]+import[ \t]/m;
/** A folder named as a model (`mistral_7b_instruct_v3`, `Mixtral-8x7B-v0.1`, `codestral-22B`): a family and a size. */
const MODEL_FOLDER =
  /^(?:[A-Za-z][A-Za-z]{1,20}[-_])?(?:mistral|mixtral|codestral|mathstral|ministral|pixtral|mamba)[-_](?:\d{1,3}x)?\d{1,3}(?:\.\d)?[bB](?:[-_.][A-Za-z0-9]{1,20}){0,4}$/i;

function positive(node: Node | null, ctx: PythonReadContext): number | undefined {
  const v = node ? evaluate(node, ctx.symbols)?.value : undefined;
  return typeof v === 'number' && Number.isInteger(v) && v > 0 && v <= 1024 ? v : undefined;
}

/** `NAME = …` written at the top of the module (a line the prefilter left out of the symbol table): the value's text. */
function boundAtTop(name: string, ctx: PythonReadContext): string | undefined {
  const head = `\n${name} =`;
  const at = ctx.text.indexOf(head);
  if (at < 0) return undefined;
  const end = ctx.text.indexOf('\n', at + head.length);
  return ctx.text.slice(at + head.length, end < 0 ? undefined : Math.min(end, at + head.length + 300));
}

/** The folder's last part when it names a model: `os.path.expanduser("~") + "/mistral_7b_instruct_v3"`. */
function folderModel(node: Node, ctx: PythonReadContext): string | undefined {
  const r = evaluate(node, ctx.symbols)?.value;
  // A name bound to the path (`FOLDER = os.path.expanduser("~") + "/models/…"`): the text it is bound to.
  const bound =
    node.type === 'identifier' ? (ctx.symbols.lookup(node.text)?.node.text ?? boundAtTop(node.text, ctx)) : undefined;
  const text = typeof r === 'string' ? r : (bound ?? node.text).slice(0, 300);
  const parts = text.split(/[\\/"'()+ ]/).filter((p) => p.length > 0);
  const last = parts[parts.length - 1];
  return last && last.length <= 80 && MODEL_FOLDER.test(last) ? last : undefined;
}

export const mistralFromFolder: CallRule = {
  framework: 'mistral-inference',
  callees: ['from_folder'],
  words: ['from_folder'],
  runStart: [/\bTransformer\.from_folder[ \t]*\(/, /\bmistral(?:_inference|\.model)\b/],
  when: ({ full, ctx }) => /(?:^|\.)Transformer\.from_folder$/.test(full) && MISTRAL_IMPORT.test(ctx.text),
  read: ({ node: call, full, ctx }) => {
    const fn = call.childForFieldName('function') ?? call;
    const args = call.childForFieldName('arguments');
    const folder = args?.namedChildren.find((c) => c && c.type !== 'keyword_argument' && c.type !== 'comment');
    const named = folder ? folderModel(folder, ctx) : undefined;
    if (folder && named) ctx.add('model.id', named, folder, `${full}(...) loads the folder ${named}`, 'medium');
    ctx.add('model.fromScratch', false, fn, `${full}(...) loads released weights to run`, 'medium');
    // dtype=torch.bfloat16 and device="cuda": the shared keyword readings.
    readTrainingKeywords(call, ctx, full);
    const ranks = args ? keywordArgument(args, 'num_pipeline_ranks') : null;
    const n = positive(ranks, ctx);
    if (ranks && n) ctx.add('hardware.devices', n, ranks, `num_pipeline_ranks=${n}: the layers split over ${n} GPUs`);
    else if (!ranks && !(args && keywordArgument(args, 'device')))
      ctx.add('hardware.devices', 1, fn, `${full}(...) puts the model on device "cuda" (its default): one GPU`, 'low');
    ctx.add('inference.engine', 'other', fn, `${full}(...): mistral-inference's own generate`);
    ctx.add('launch.inference', full, fn, `${full}(...) loads a Mistral model to run it (mistral-inference)`, 'medium');
  },
};
