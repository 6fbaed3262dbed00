import { startsARun } from '../../../facts';
import { evaluate, keywordArgument } from '../../pythonValues';
import { executedRowMask } from '../entryPoint';
import { gatedTest } from '../requiredLiterals';
import type { FileRule } from '../rules';
import type { SyntaxIndex } from '../syntaxIndex';

/**
 * SpeechBrain's inference interfaces (speechbrain.readthedocs.io, "Inference"; `speechbrain.inference.*`, named
 * `speechbrain.pretrained.*` before 1.0): `EncoderDecoderASR.from_hparams(source=..., hparams_file=..., savedir=...)`
 * builds a trained model from an inference hparams file (a Hub id such as `speechbrain/asr-crdnn-rnnlm-librispeech`,
 * or a local folder of a trained recipe) and `transcribe_file`, `separate_file`, `verify_files`, `classify_file`,
 * `enhance_file` run it. A program that does so in code that runs is an inference run: the model is the Hub id
 * when `source=` names one (a local folder names no model), the precision SpeechBrain's default run option
 * ("fp32", `run_opts={"precision": ...}` overrides it).
 *
 * Not read where the file trains (a recipe's `train.py` loads a pretrained vocoder or embedding model this way for
 * its own training) or where another rule found the run.
 */

const IMPORTS_INTERFACES = gatedTest(/^[ \t]*from[ \t]+speechbrain\.(?:inference|pretrained)\b/m);
const TRAINS_HERE = /\.fit\(|\.backward\(|optimizer\.step\(/;
/** A Hub id (`org/name`): a local folder (`.`, `results/save`, an absolute path) names no model. */
const HUB_ID = /^[A-Za-z0-9][\w.-]{0,60}\/[A-Za-z0-9][\w.-]{0,100}$/;

export const speechbrainInference: FileRule = {
  framework: 'speechbrain',
  phase: 'after-calls',
  words: ['from_hparams'],
  runStart: [/\.from_hparams[ \t]*\(/],
  read: (index: SyntaxIndex, ctx) => {
    if (!IMPORTS_INTERFACES(ctx.text) || TRAINS_HERE.test(ctx.text) || ctx.facts.some(startsARun)) return;
    const executed = executedRowMask(ctx.tree);
    const call = index.calls.find((c) => ctx.callee(c).last === 'from_hparams' && executed[c.startPosition.row] === 1);
    const args = call?.childForFieldName('arguments');
    if (!call || !args) return;
    const { full } = ctx.callee(call);
    ctx.add(
      'launch.inference',
      'speechbrain:from_hparams',
      call,
      `${full}(...) builds a trained SpeechBrain model from its inference hparams: an inference run`,
      'medium',
    );
    const sourceAt = keywordArgument(args, 'source') ?? args.namedChildren[0];
    const source = sourceAt ? evaluate(sourceAt, ctx.symbols)?.value : undefined;
    if (sourceAt && typeof source === 'string' && HUB_ID.test(source) && !source.startsWith('.'))
      ctx.add('model.id', source, sourceAt, `${full}(source="${source}")`, 'high');
    const options = keywordArgument(args, 'run_opts');
    const precision = options?.type === 'dictionary' ? precisionOption(options, ctx) : undefined;
    if (precision)
      ctx.add('training.precision', precision.value, precision.at, `run_opts precision "${precision.value}"`);
    else
      ctx.add(
        'training.precision',
        'fp32',
        call,
        `no run_opts precision: SpeechBrain's default run option "fp32" (speechbrain/utils/run_opts.py, RunOptions: the interfaces autocast to it)`,
        'medium',
      );
  },
};

function precisionOption(
  dict: NonNullable<ReturnType<typeof keywordArgument>>,
  ctx: Parameters<FileRule['read']>[1],
): { value: 'fp32' | 'fp16' | 'bf16'; at: NonNullable<ReturnType<typeof keywordArgument>> } | undefined {
  for (const pair of dict.namedChildren) {
    if (pair?.type !== 'pair') continue;
    if (evaluate(pair.childForFieldName('key'), ctx.symbols)?.value !== 'precision') continue;
    const at = pair.childForFieldName('value');
    const v = at ? evaluate(at, ctx.symbols)?.value : undefined;
    if (at && (v === 'fp32' || v === 'fp16' || v === 'bf16')) return { value: v, at };
  }
  return undefined;
}
