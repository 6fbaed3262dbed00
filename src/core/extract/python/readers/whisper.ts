import type { Node } from 'web-tree-sitter';
import { startsARun } from '../../../facts';
import { argparseFlags, type PythonReadContext } from '../context';
import { evaluate, keywordArgument, stringLiteral } from '../../pythonValues';
import type { FileRule } from '../rules';
import type { SyntaxIndex } from '../syntaxIndex';

/**
 * openai-whisper's loader: `whisper.load_model("base.en")` (or `from whisper import load_model`) downloads one of
 * the released checkpoints by its short name and returns the model the file then transcribes or decodes with
 * (inference). Inside the package itself (a command-line entry of its own, `def cli(): ... --model default="turbo"`
 * reached from the main guard or `__main__.py`) the loader is imported relatively next to `available_models`, the
 * pair of the package's public API. The name is the loader's literal, or the `--model` flag's default when the
 * loader is handed the flag.
 *
 * Short names (openai/whisper README "Available models and languages" and whisper/__init__.py `_MODELS`): tiny,
 * base, small, medium (each also `.en`), large-v1/v2/v3, `large` (the same checkpoint as large-v3) and `turbo`
 * (large-v3-turbo). Each maps to the Hub copy the catalog sizes.
 *
 * Precision: whisper's decoding options default to `fp16=True` (whisper/decoding.py `DecodingOptions.fp16`, the
 * `--fp16` flag's default True in transcribe.py), falling back to fp32 only on a CPU; a file that passes
 * `fp16=False` or sets the flag's default False runs fp32.
 */

const SHORT_NAME = /^(?:tiny|base|small|medium)(?:\.en)?$|^large(?:-v[123])?$|^(?:large-v3-)?turbo$/;
const FROM_WHISPER = /^from[ \t]+whisper[ \t]+import[ \t]+[^\n]*\bload_model\b/m;
/** The package's own entry: `from . import available_models` / `load_model` (indented inside `cli()` too). */
const RELATIVE_API = /^[ \t]*from[ \t]+\.[ \t]+import[ \t]+[^\n]*\b(?:load_model|available_models)\b/gm;
const MENTIONS_WHISPER = /\bwhisper\b/i;
/** Training in the file: fine-tuning scripts over whisper are read by the torch rules. */
const TRAINS = /\.backward\(|\boptim\.\w|\.fit\(/;
const FP16_OFF = /\bfp16\s*=\s*False\b/;

function hubId(name: string): string {
  if (name === 'turbo' || name === 'large-v3-turbo') return 'openai/whisper-large-v3-turbo';
  if (name === 'large') return 'openai/whisper-large-v3';
  if (name === 'large-v1') return 'openai/whisper-large';
  return `openai/whisper-${name}`;
}

/** The `--model` flag's default in the file, when it is a whisper short name. */
function modelFlagDefault(index: SyntaxIndex, ctx: PythonReadContext): { name: string; node: Node } | undefined {
  for (const { dest, args } of argparseFlags(index.calls, ctx)) {
    if (dest !== 'model' && dest !== 'model_name' && dest !== 'model_size') continue;
    const def = keywordArgument(args, 'default');
    const value = def ? stringLiteral(def) : null;
    if (def && value && SHORT_NAME.test(value)) return { name: value, node: def };
  }
  return undefined;
}

/** The `--fp16` flag's default, when the file declares one (`type=str2bool, default=True`). */
function fp16FlagDefault(index: SyntaxIndex, ctx: PythonReadContext): boolean | undefined {
  for (const { dest, args } of argparseFlags(index.calls, ctx)) {
    if (dest !== 'fp16') continue;
    const def = keywordArgument(args, 'default');
    if (def?.type === 'true') return true;
    if (def?.type === 'false') return false;
  }
  return undefined;
}

export const whisperLoader: FileRule = {
  framework: 'whisper',
  phase: 'after-calls',
  words: ['load_model'],
  runStart: [/\bload_model[ \t]*\(/, /\bwhisper\b/i],
  read: (index, ctx) => {
    if (!MENTIONS_WHISPER.test(ctx.text) || TRAINS.test(ctx.text)) return;
    const absolute = FROM_WHISPER.test(ctx.text);
    const relative = new Set<string>();
    for (const m of ctx.text.matchAll(RELATIVE_API)) {
      if (/\bload_model\b/.test(m[0])) relative.add('load_model');
      if (/\bavailable_models\b/.test(m[0])) relative.add('available_models');
    }
    const ownPackage = relative.size === 2;
    for (const node of index.calls) {
      const { full, last } = ctx.callee(node);
      if (last !== 'load_model') continue;
      if (!(full === 'whisper.load_model' || (full === 'load_model' && (absolute || ownPackage)))) continue;
      const args = node.childForFieldName('arguments');
      const first = args?.namedChildren.find(
        (c) => c !== null && c.type !== 'comment' && c.type !== 'keyword_argument',
      );
      const named = first ?? (args ? keywordArgument(args, 'name') : null);
      const read = named ? evaluate(named, ctx.symbols) : undefined;
      const value = read?.value;
      const flag = typeof value === 'string' && SHORT_NAME.test(value) ? undefined : modelFlagDefault(index, ctx);
      const name = typeof value === 'string' && SHORT_NAME.test(value) ? value : flag?.name;
      if (!ctx.facts.some(startsARun))
        ctx.add(
          'launch.inference',
          'whisper',
          node,
          `${full}(...) loads a Whisper checkpoint to transcribe with`,
          'medium',
        );
      const namesModel = name !== undefined && !ctx.facts.some((f) => f.kind === 'model.id' && f.value !== null);
      if (namesModel)
        ctx.add(
          'model.id',
          hubId(name),
          flag?.node ?? named ?? node,
          flag
            ? `default of the model flag, "${name}": the Whisper checkpoint ${full}(...) loads`
            : `${full}("${name}"): the released Whisper checkpoint of that name`,
          'medium',
        );
      if (namesModel && !flag && read?.via) ctx.amendLast({ originLine: read.origin.startPosition.row });
      if (!ctx.facts.some((f) => f.kind === 'training.precision')) {
        const flagFp16 = fp16FlagDefault(index, ctx);
        const fp16 = flagFp16 ?? !FP16_OFF.test(ctx.text);
        ctx.add(
          'training.precision',
          fp16 ? 'fp16' : 'fp32',
          node,
          flagFp16 !== undefined
            ? `the --fp16 flag's default (${fp16 ? 'True' : 'False'}): Whisper decodes in ${fp16 ? 'half' : 'full'} precision`
            : fp16
              ? "Whisper's decoding options default to fp16=True (half precision on a GPU)"
              : 'fp16=False: Whisper decodes in full precision',
          'medium',
        );
      }
      return;
    }
  },
};

/**
 * A Whisper transcription CLI of a package built on a Whisper runtime (whisperX, faster-whisper front ends): the
 * program's `--model` flag defaults to a Whisper short name and says so in its help ("name of the Whisper model to
 * use"), and the main guard hands the parsed flags to a task function of the package (`transcribe_task(args,
 * parser)`), which loads and runs that model. No loader call is in the file itself, so the flag and its hand-off
 * are what say the program transcribes (inference).
 *
 * Precision: a `--compute_type` flag (faster-whisper's `WhisperModel(compute_type=...)`, CTranslate2 quantisation
 * types) read by its default: `float16` is fp16, `float32` fp32, and `default` keeps the type the model was converted
 * with, float16 for the released faster-whisper conversions (CTranslate2 docs "Quantization": "default" keeps the
 * conversion's type; the Systran/faster-whisper-* model cards are converted with `--quantization float16`). Integer
 * types (`int8`) are not a float precision the estimate models: not read.
 */
const WHISPER_HELP = /\bwhisper\b/i;
/** The parsed flags handed on: `task(args, parser)`, `run(args)`, `task(vars(args))`. */
const HANDS_ARGS = /^(?:args|opts|options|cfg)$/;

function flagHelpMentionsWhisper(args: Node): boolean {
  const help = keywordArgument(args, 'help');
  const text = help ? stringLiteral(help) : null;
  return text !== null && WHISPER_HELP.test(text);
}

export const whisperCliFlags: FileRule = {
  framework: 'whisper',
  phase: 'after-calls',
  words: ['add_argument', '(args', '(vars(args', '(opts', '(options', '(cfg'],
  runStart: [/\bwhisper\b/i, /__main__/, /["']--model["']/],
  read: (index, ctx) => {
    if (ctx.facts.some(startsARun) || TRAINS.test(ctx.text) || !ctx.hasMainGuard) return;
    let model: { name: string; node: Node } | undefined;
    let computeType: { value: string; node: Node } | undefined;
    for (const { dest, args } of argparseFlags(index.calls, ctx)) {
      const def = keywordArgument(args, 'default');
      const value = def ? stringLiteral(def) : null;
      if (!def || value === null) continue;
      if ((dest === 'model' || dest === 'model_name') && SHORT_NAME.test(value) && flagHelpMentionsWhisper(args))
        model ??= { name: value, node: def };
      if (dest === 'compute_type') computeType ??= { value, node: def };
    }
    if (!model) return;
    const handoff = index.calls.find((call) => {
      const args = call.childForFieldName('arguments');
      const first = args?.namedChildren.find((c) => c !== null && c.type !== 'comment');
      if (!first) return false;
      const inner =
        first.type === 'call' && ctx.callee(first).full === 'vars'
          ? first.childForFieldName('arguments')?.namedChildren[0]
          : first;
      return inner?.type === 'identifier' && HANDS_ARGS.test(inner.text) && ctx.callee(call).last !== 'vars';
    });
    if (!handoff) return;
    ctx.add(
      'launch.inference',
      'whisper',
      handoff,
      `${ctx.callee(handoff).full}(...) is handed the flags, among them the Whisper model to transcribe with`,
      'medium',
    );
    if (!ctx.facts.some((f) => f.kind === 'model.id' && f.value !== null))
      ctx.add(
        'model.id',
        hubId(model.name),
        model.node,
        `default of the model flag, "${model.name}": the Whisper checkpoint the program transcribes with`,
        'medium',
      );
    if (computeType && !ctx.facts.some((f) => f.kind === 'training.precision')) {
      const precision =
        computeType.value === 'float16' || computeType.value === 'default'
          ? 'fp16'
          : computeType.value === 'float32'
            ? 'fp32'
            : undefined;
      if (precision)
        ctx.add(
          'training.precision',
          precision,
          computeType.node,
          computeType.value === 'default'
            ? '--compute_type default "default": the converted Whisper model\'s own type, float16 on a GPU'
            : `--compute_type default "${computeType.value}"`,
          'medium',
        );
    }
  },
};
