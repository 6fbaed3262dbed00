import { startsARun } from '../../../facts';
import { FIELD_PREFIX, stringLiteral } from '../../pythonValues';
import type { PythonReadContext } from '../context';
import type { FileRule } from '../rules';

/**
 * A compute dtype picked by a command-line switch that is off unless given:
 *
 *     parser.add_argument("--fp16", action="store_true")
 *     ...
 *     args.dtype = torch.float16 if args.fp16 else torch.bfloat16
 *
 * or, with click, `@click.option("--fp16/--no-fp16", default=False)` (or `is_flag=True`) and the bare parameter
 * `fp16` in the test. A `store_true` flag is False unless the command line gives it (argparse documentation,
 * "action": 'store_true' … "defaults of False"); a click boolean flag is False unless its `default` says otherwise
 * (click documentation, "Boolean Flags"); so is `training_args.bf16` of Hugging Face TrainingArguments parsed by
 * HfArgumentParser (`compute_dtype = (torch.bfloat16 if training_args.bf16 else torch.float16)`). So the program runs in the dtype of the branch the switch's default
 * takes: the `else` branch (the `if` branch for `not args.fp16`). The variable must name a dtype or precision
 * (`dtype`, `torch_dtype`, `precision`, `compute_dtype`, `args.precision`), so a pick used for something else is not
 * read. Read only when the file starts a run and nothing else said its precision; a flag whose default the file
 * does not show, or that is on by default, leaves the precision unread.
 */

/** `<target> = torch.<a> if <cond> else torch.<b>` on one line. */
const PICK =
  /^[ \t]*((?:[A-Za-z_]\w{0,40}\.)?[A-Za-z_]\w{0,40})[ \t]*=[ \t]*\(?[ \t]*torch\.(\w{1,20})[ \t]+if[ \t]+(not[ \t]+)?(?:(args|opt|opts|flags|cfg|config|training_args)\.)?(\w{1,60})[ \t]+else[ \t]+torch\.(\w{1,20})[ \t]*\)?[ \t]*(?:#[^\n]*)?$/;
/** Names of a variable that holds the compute dtype. */
const DTYPE_NAME = /(?:^|[._])(?:torch_|compute_|model_|weight_)?(?:dtype|precision)$/;
/** Lines looked at (a longer module is read by the other rules only). */
const MAX_LINES = 20_000;

const DTYPES: Readonly<Record<string, string>> = {
  bfloat16: 'bf16',
  float16: 'fp16',
  half: 'fp16',
  float32: 'fp32',
  float: 'fp32',
};

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * `training_args.bf16` of Hugging Face TrainingArguments parsed from the command line (`HfArgumentParser((...,
 * TrainingArguments))`): `bf16` and `fp16` are False unless given (transformers TrainingArguments documentation:
 * "bf16 (bool, optional, defaults to False)", "fp16 (bool, optional, defaults to False)"), unless the file's own
 * subclass declares the field again with another default.
 */
function offByTrainingArgumentsDefault(text: string, flag: string): string | undefined {
  if (flag !== 'bf16' && flag !== 'fp16') return undefined;
  if (!/\bHfArgumentParser[ \t]*\(/.test(text) || !/\bTrainingArguments\b/.test(text)) return undefined;
  if (new RegExp(`^[ \\t]+${flag}[ \\t]*:`, 'm').test(text)) return undefined;
  return `TrainingArguments.${flag} is False unless given`;
}

/** Why `--<flag>` is off unless given, or undefined when the file does not show it off by default. */
function offByDefault(text: string, flag: string): string | undefined {
  const dashed = escape(flag).replace(/_/g, '[-_]');
  // argparse: add_argument("--flag", action="store_true") without default=True.
  const arg = new RegExp(`add_argument\\([^)\\n]{0,200}["']--${dashed}["']([^)\\n]{0,300})\\)`).exec(text);
  if (arg) {
    const rest = arg[1];
    return /action[ \t]*=[ \t]*["']store_true["']/.test(rest) && !/default[ \t]*=[ \t]*True\b/.test(rest)
      ? `--${flag} is a store_true flag, off unless given`
      : undefined;
  }
  // click: option("--flag/--no-flag", default=False) or option("--flag", is_flag=True) without default=True.
  const opt = new RegExp(`option\\([ \\t\\n]{0,20}["']--${dashed}(/--[\\w-]{1,60})?["']([^)]{0,300})\\)`).exec(text);
  if (!opt) return undefined;
  const rest = opt[2];
  if (/default[ \t]*=[ \t]*True\b/.test(rest)) return undefined;
  if (opt[1]) return `--${flag} is a click on/off switch, off unless given`;
  return /is_flag[ \t]*=[ \t]*True\b/.test(rest) ? `--${flag} is a click flag, off unless given` : undefined;
}

/** A precision read off one line of the text, pointed at the statement that starts there. */
function addPrecisionAt(ctx: PythonReadContext, row: number, line: string, precision: string, why: string): void {
  const node =
    ctx.tree.rootNode.descendantForPosition({ row, column: line.length - line.trimStart().length }) ??
    ctx.tree.rootNode;
  ctx.add('training.precision', precision, node, why, 'medium');
}

export const flagDtypePick: FileRule = {
  framework: 'torch',
  phase: 'after-calls',
  words: [' else torch.'],
  read: (_index, ctx) => {
    if (ctx.facts.some((f) => f.kind === 'training.precision' && f.value !== null)) return;
    if (!ctx.facts.some(startsARun)) return;
    const lines = ctx.text.split('\n', MAX_LINES);
    for (let row = 0; row < lines.length; row++) {
      const line = lines[row];
      if (!line.includes(' else torch.')) continue;
      const m = PICK.exec(line);
      if (!m || !DTYPE_NAME.test(m[1])) continue;
      const [, target, whenOn, negated, owner, flag, whenOff] = m;
      const picked = DTYPES[negated ? whenOn : whenOff];
      if (!picked || !DTYPES[negated ? whenOff : whenOn]) continue;
      const why =
        owner === 'training_args' ? offByTrainingArgumentsDefault(ctx.text, flag) : offByDefault(ctx.text, flag);
      if (!why) continue;
      addPrecisionAt(
        ctx,
        row,
        line,
        picked,
        `${target} = torch.${negated ? whenOn : whenOff} unless the switch is given (${why})`,
      );
      return;
    }
  },
};

/**
 * A compute dtype looked up by a flag in a table of dtypes (LlamaGen-, nanoGPT-style samplers and trainers):
 *
 *     precision = {'none': torch.float32, 'bf16': torch.bfloat16, 'fp16': torch.float16}[args.precision]
 *     parser.add_argument("--precision", type=str, default='bf16', choices=["none", "fp16", "bf16"])
 *
 * runs in the dtype of the flag's default entry. The variable must name a dtype or precision (`dtype`, `ptdtype`,
 * `precision`); a flag whose default the file does not state, or names no entry, leaves the precision unread.
 */
const TABLE_PICK =
  /^[ \t]*((?:[A-Za-z_]\w{0,40}\.)?[A-Za-z_]\w{0,40})[ \t]*=[ \t]*\{([^{}\n]{1,400})\}[ \t]*\[[ \t]*(?:args|opt|opts|flags|cfg|config)\.(\w{1,60})[ \t]*\]/;
const TABLE_ENTRY = /["']([\w.-]{1,20})["'][ \t]*:[ \t]*torch\.(\w{1,20})/g;
/** Also `ptdtype`, `amp_dtype`: a name ending in dtype. */
const TABLE_TARGET = /dtype$|(?:^|[._])precision$/;

export const flagDtypeTable: FileRule = {
  framework: 'torch',
  phase: 'after-calls',
  words: ['}[args.', '}[opt.', '}[opts.', '}[flags.', '}[cfg.', '}[config.'],
  read: (_index, ctx) => {
    // Read beside TF32 switches (they change only fp32 matmuls), not beside a dtype another rule read (autocast's).
    const stated = ctx.facts.some((f) => f.kind === 'training.precision' && f.value !== null && f.value !== 'tf32');
    if (stated || !ctx.facts.some(startsARun)) return;
    const lines = ctx.text.split('\n', MAX_LINES);
    for (let row = 0; row < lines.length; row++) {
      const line = lines[row];
      if (!line.includes('}[')) continue;
      const m = TABLE_PICK.exec(line);
      if (!m || !TABLE_TARGET.test(m[1])) continue;
      const [, target, body, flag] = m;
      const bound = ctx.symbols.lookup(FIELD_PREFIX + flag);
      const chosen = bound ? (bound.value ?? stringLiteral(bound.node)) : undefined;
      if (typeof chosen !== 'string') continue;
      const entry = [...body.matchAll(TABLE_ENTRY)].find((e) => e[1] === chosen);
      const picked = entry ? DTYPES[entry[2]] : undefined;
      if (!picked) continue;
      addPrecisionAt(
        ctx,
        row,
        line,
        picked,
        `${target} = torch.${entry![2]}: the entry '${chosen}' that --${flag} picks by default (${bound!.via})`,
      );
      return;
    }
  },
};
