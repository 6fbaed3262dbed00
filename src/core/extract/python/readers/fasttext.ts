import { gatedTest } from '../requiredLiterals';
import type { Node } from 'web-tree-sitter';
import { evaluate, keywordArgument } from '../../pythonValues';
import type { PythonReadContext } from '../context';
import type { FileRule } from '../rules';
import type { SyntaxIndex } from '../syntaxIndex';

/**
 * fastText: `fasttext.train_supervised(input=..., epoch=5, dim=100)` (and `train_unsupervised`) trains a text
 * classifier or word vectors from scratch on a labelled text file, on the CPU (fastText is a CPU library: its
 * Python API documents threads, not devices; fasttext.cc/docs/en/python-module.html). The run's model is a fastText
 * model, sized by its vocabulary and `dim`, which the file does not give: the size stays unknown. Epochs are read
 * from `epoch=` in the call, or from a `**params` dict the call spreads whose key `epoch` names them; fastText's own
 * default (5, fasttext.cc/docs/en/options.html) is not filled in when the file says nothing.
 */

const TRAIN_CALL = /^(?:fasttext\.)?train_(?:supervised|unsupervised)$/;
const importsFasttext = gatedTest(/^[ \t]*(?:import[ \t]+fasttext\b|from[ \t]+fasttext\b)/m);

/** The node an `epoch` setting takes in the call: `epoch=…`, or `'epoch': …` in a dict spread with `**name`. */
function epochNode(call: Node, ctx: PythonReadContext): Node | undefined {
  const args = call.childForFieldName('arguments');
  if (!args) return undefined;
  const direct = keywordArgument(args, 'epoch');
  if (direct) return direct;
  for (const a of args.namedChildren) {
    if (a?.type !== 'dictionary_splat') continue;
    let dict: Node | null | undefined = a.namedChildren[0];
    if (dict?.type === 'identifier') dict = ctx.symbols.lookup(dict.text)?.node;
    if (dict?.type !== 'dictionary') continue;
    for (const pair of dict.namedChildren) {
      if (pair?.type !== 'pair') continue;
      const key = evaluate(pair.childForFieldName('key'), ctx.symbols);
      if (key?.value === 'epoch') return pair.childForFieldName('value') ?? undefined;
    }
  }
  return undefined;
}

export const fasttextTraining: FileRule = {
  framework: 'fasttext',
  phase: 'after-calls',
  words: ['train_supervised', 'train_unsupervised'],
  runStart: [/\btrain_(?:supervised|unsupervised)[ \t]*\(/],
  read: (index: SyntaxIndex, ctx) => {
    if (!importsFasttext(ctx.text)) return;
    const call = index.calls.find((c) => TRAIN_CALL.test(ctx.callee(c).full));
    if (!call) return;
    const { full } = ctx.callee(call);
    ctx.add('launch.trainer', 'fasttext', call, `${full}(...) trains a fastText model`, 'high');
    if (!ctx.facts.some((f) => f.kind === 'model.id' && f.value !== null))
      ctx.add('model.id', 'fasttext', call, `${full}: a fastText model (its size follows its vocabulary and dim)`);
    ctx.add('model.fromScratch', true, call, `${full} trains a new fastText model from its input file`);
    if (ctx.facts.some((f) => f.kind === 'training.epochs')) return;
    const at = epochNode(call, ctx);
    const value = at ? evaluate(at, ctx.symbols) : undefined;
    if (at && typeof value?.value === 'number')
      ctx.add(
        'training.epochs',
        value.value,
        at,
        value.via ? `fastText epoch (${value.via})` : 'fastText epoch',
        value.via ? 'medium' : 'high',
      );
    // The line to edit is the flag's default (`--epoch` ... default=5), where the value is written.
    if (at && typeof value?.value === 'number' && value.via)
      ctx.amendLast({ originLine: value.origin.startPosition.row });
  },
};
