import type { Node } from 'web-tree-sitter';
import { startsARun } from '../../../facts';
import { argparseFlags, truncate, type PythonReadContext } from '../context';
import { evaluate, keywordArgument, stringLiteral } from '../../pythonValues';
import { codeLinesKeptWithoutStrings, executedRowMask } from '../entryPoint';
import type { CallRule, FileRule } from '../rules';
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

/**
 * faster-whisper (github.com/SYSTRAN/faster-whisper, README "Usage"): `WhisperModel(model_size_or_path,
 * device="auto", device_index=0, compute_type="default", ...)` (faster_whisper/transcribe.py) loads a CTranslate2
 * conversion of a Whisper checkpoint to transcribe with (inference). A short name resolves through the package's
 * `_MODELS` table (faster_whisper/utils.py: `tiny`…`medium` with `.en`, `large-v1/v2/v3`, `large` = large-v3,
 * `distil-*`, `turbo` = large-v3-turbo) to a conversion of the OpenAI or distil-whisper checkpoint of that name; the
 * run's model is that checkpoint. A path or another id is not read as a name.
 *
 * Precision: `compute_type` (CTranslate2 docs "Quantization"): `float16`/`bfloat16`/`float32` as written; `default`
 * (the constructor's default) keeps the type the model was converted with, float16 for the released conversions
 * (their model cards: converted with `--quantization float16`), which a GPU runs in fp16; on `device="cpu"` CTranslate2
 * runs float16 weights in float32 (its docs: a type the device does not support falls back to the closest one).
 * Integer types (`int8`, `int8_float16`) are not a float precision the estimate models: not read.
 * Devices: `device="cuda"` runs on `device_index` (default 0, one GPU; a list of indices is one model per GPU).
 */
const FASTER_WHISPER_IMPORT =
  /^[ \t]{0,40}from[ \t]+faster_whisper(?:\.\w{1,30})?[ \t]+import[ \t(][^\n]{0,300}\bWhisperModel\b/m;
const FASTER_SHORT_NAME =
  /^(?:(?:tiny|base|small|medium)(?:\.en)?|large(?:-v[123])?|(?:large-v3-)?turbo|distil-(?:large-v[23](?:\.5)?|medium\.en|small\.en))$/;

function fasterWhisperHubId(name: string): string {
  if (name.startsWith('distil-')) return `distil-whisper/${name}`;
  return hubId(name);
}

const COMPUTE_PRECISION: Readonly<Record<string, 'fp16' | 'bf16' | 'fp32'>> = {
  float16: 'fp16',
  bfloat16: 'bf16',
  float32: 'fp32',
};

const TRANSCRIBE_CALL = /\.transcribe[ \t]*\(/;
/** Lines looked at upwards for the function that holds a transcription. */
const MAX_FUNCTION_LOOKBACK = 400;

/**
 * The module-level function that holds every `.transcribe(` of the file, when no code that runs names it (neither
 * calls it nor hands it on: `dataset.map(function=inference)`, `gr.Interface(fn=transcribe)` name it); undefined when a
 * transcription runs here, is handed on, or sits elsewhere.
 */
function uncalledTranscriber(ctx: PythonReadContext): string | undefined {
  if (ctx.hasMainGuard || !ctx.text.includes('.transcribe')) return undefined;
  const code = codeLinesKeptWithoutStrings(ctx.tree).split('\n');
  const executed = executedRowMask(ctx.tree);
  let holder: string | undefined;
  for (let row = 0; row < code.length; row++) {
    if (!TRANSCRIBE_CALL.test(code[row])) continue;
    if (executed[row] === 1 || !/^[ \t]/.test(code[row])) return undefined;
    let name: string | undefined;
    for (let r = row - 1; r >= 0 && r >= row - MAX_FUNCTION_LOOKBACK; r--) {
      if (/^[ \t#]|^$/.test(code[r])) continue;
      name = /^(?:async[ \t]+)?def[ \t]+(\w+)/.exec(code[r])?.[1];
      break;
    }
    if (!name || (holder !== undefined && holder !== name)) return undefined;
    holder = name;
  }
  if (holder === undefined) return undefined;
  const named = new RegExp(`(?:^|[^\\w.])${holder}(?!\\w)`);
  for (let row = 0; row < code.length; row++)
    if (executed[row] === 1 && !/^(?:async[ \t]+)?def[ \t]/.test(code[row]) && named.test(code[row])) return undefined;
  return holder;
}

export const fasterWhisperModel: CallRule = {
  framework: 'faster-whisper',
  callees: ['WhisperModel'],
  words: ['WhisperModel'],
  runStart: [/\bWhisperModel[ \t]*\(/, /\bfaster_whisper\b/],
  when: ({ full, ctx }) =>
    full === 'faster_whisper.WhisperModel' || (full === 'WhisperModel' && FASTER_WHISPER_IMPORT.test(ctx.text)),
  read: ({ node: call, full, ctx }) => {
    const fn = call.childForFieldName('function') ?? call;
    const args = call.childForFieldName('arguments');
    if (!args) return;
    const first =
      args.namedChildren.find((c) => c !== null && c.type !== 'comment' && c.type !== 'keyword_argument') ??
      keywordArgument(args, 'model_size_or_path');
    const read = first ? evaluate(first, ctx.symbols) : undefined;
    const name = typeof read?.value === 'string' && FASTER_SHORT_NAME.test(read.value) ? read.value : undefined;
    // A helper's parameter default (`def load(size="small")`) is what a caller gets when it names none.
    const holder = read?.origin.parent?.type;
    const isDefault = holder === 'default_parameter' || holder === 'typed_default_parameter';
    // A helper module that builds the model at import and transcribes only in a function of its own no code here
    // names (`def inference(): model.transcribe(...)`): the run of the program that imports and calls that function.
    const helper = uncalledTranscriber(ctx);
    ctx.add(
      'launch.inference',
      full,
      fn,
      `${full}(...) loads a Whisper model to transcribe with (faster-whisper)${helper ? ` (in ${helper}(), for the program that calls it)` : ''}`,
      'medium',
    );
    if (helper) ctx.amendLast({ within: helper });
    ctx.add('inference.engine', 'other', fn, `${full}(...): CTranslate2's Whisper decoder`);
    ctx.add('model.fromScratch', false, fn, `${full}(...) loads released weights to run`, 'medium');
    if (name && !isDefault && !ctx.facts.some((f) => f.kind === 'model.id' && f.value !== null)) {
      ctx.add(
        'model.id',
        fasterWhisperHubId(name),
        read?.origin ?? first!,
        `${full}("${name}"): faster-whisper's conversion of the Whisper checkpoint of that name`,
        'medium',
      );
    }
    const deviceNode = keywordArgument(args, 'device');
    const device = deviceNode ? evaluate(deviceNode, ctx.symbols)?.value : 'auto';
    const computeNode = keywordArgument(args, 'compute_type');
    const compute = computeNode ? evaluate(computeNode, ctx.symbols)?.value : 'default';
    if (typeof compute === 'string' && !ctx.facts.some((f) => f.kind === 'training.precision')) {
      const precision =
        COMPUTE_PRECISION[compute] ??
        (compute === 'default' ? (device === 'cpu' ? 'fp32' : device === 'cuda' ? 'fp16' : undefined) : undefined);
      if (precision)
        ctx.add(
          'training.precision',
          precision,
          computeNode ?? fn,
          compute === 'default'
            ? device === 'cpu'
              ? 'compute_type "default" on the CPU: the float16 conversion runs in float32'
              : 'compute_type "default" (its default): the released conversion\'s float16 weights, fp16 on the GPU'
            : `compute_type="${compute}"`,
          'medium',
        );
    }
    if (device === 'cuda' && deviceNode && !ctx.facts.some((f) => f.kind === 'hardware.devices')) {
      const indexNode = keywordArgument(args, 'device_index');
      const index = indexNode ? evaluate(indexNode, ctx.symbols)?.value : 0;
      const count = typeof index === 'number' ? 1 : Array.isArray(index) && index.length > 0 ? index.length : undefined;
      if (count)
        ctx.add(
          'hardware.devices',
          count,
          indexNode ?? deviceNode,
          indexNode
            ? `device_index=${truncate(indexNode.text, 30)}: ${count} GPU(s)`
            : 'device="cuda", device_index 0 (its default): one GPU',
          'medium',
        );
    }
  },
};
