import { startsARun } from '../../../facts';
import type { FileRule } from '../rules';

/**
 * A half-precision switch the program keeps in a variable and tests before casting its models:
 *
 *     use_half = eval(os.environ.get("use_half", "True")) and torch.cuda.is_available()
 *     ...
 *     if use_half == True:
 *         encoder = encoder.half().to(device)
 *
 * (speech-synthesis and voice-conversion programs and their web UIs write it this way, `is_half`, `half`, `fp16`).
 * When every binding of the switch in the file is true on a GPU (the literal `True`, an environment variable whose
 * default is `"True"`, optionally `and torch.cuda.is_available()`, or `not args.no_half` of a `store_true` flag the
 * launch leaves off) and the switch gates a `.half()` cast or picks `torch.float16`, the models run in fp16 on the
 * GPU the estimate is for. A binding the file cannot evaluate (`is_half = config.is_half`) leaves the precision
 * unread. Read only when the file starts a run and nothing else said its precision.
 */

/** Variable names of a half-precision switch. */
const SWITCH_NAME = /^(?:is_|use_|enable_)?(?:half|fp16)(?:_precision|_inference)?$/;
/** `name = <value>` at the start of a line, one statement (no trailing comma of a keyword argument). */
const BINDING = /^[ \t]*([A-Za-z_]\w{0,40})[ \t]*=[ \t]*([^=\n][^\n]{0,300})$/;
/** `eval(os.environ.get("X", "True"))`, `os.environ.get("X", "True") == "True"`, `os.getenv(...)` likewise. */
const ENV_TRUE =
  /^(?:eval\([ \t]*)?os\.(?:environ\.get|getenv)\([ \t]*["']\w{1,60}["'][ \t]*,[ \t]*["']True["'][ \t]*\)[ \t]*\)?(?:[ \t]*(?:==[ \t]*["']True["']|\.lower\(\)[ \t]*==[ \t]*["']true["']))?$/;
/** `and torch.cuda.is_available()` after the value: true on the GPU the estimate is for. */
const GPU_AND = /[ \t]+and[ \t]+torch\.cuda\.is_available\(\)$/;
/** `not args.no_half`: the negation of a switch flag. */
const NOT_FLAG = /^not[ \t]+(?:args|opt|opts|flags|cfg)\.(\w{1,60})$/;
/** Lines looked at (a longer module is read by the other rules only). */
const MAX_LINES = 20_000;
/** Bindings of one switch looked at: a program sets it a few times. */
const MAX_BINDINGS = 20;

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whether `--<flag>` (dashes or underscores) is a `store_true` flag the launch leaves off by default. */
function offByDefault(text: string, flag: string): boolean {
  const dashed = escape(flag).replace(/_/g, '[-_]');
  const m = new RegExp(`add_argument\\([^)\\n]{0,200}["']--${dashed}["']([^)\\n]{0,300})\\)`).exec(text);
  if (!m) return false;
  return /action[ \t]*=[ \t]*["']store_true["']/.test(m[1]) && !/default[ \t]*=[ \t]*True\b/.test(m[1]);
}

/** Why a bound value is true on a GPU, or undefined when it is not (or cannot be told). */
function trueOnGpu(value: string, text: string): string | undefined {
  const v = value.replace(/[ \t]*#[^\n]*$/, '').trim();
  if (v === 'True') return 'True';
  const core = v.replace(GPU_AND, '');
  if (ENV_TRUE.test(core)) return core === v ? 'its environment default is "True"' : 'true on a CUDA GPU';
  const flag = NOT_FLAG.exec(v)?.[1];
  if (flag && offByDefault(text, flag)) return `--${flag} is off unless given`;
  return undefined;
}

export const halfSwitch: FileRule = {
  framework: 'torch',
  phase: 'after-calls',
  words: ['half'],
  read: (_index, ctx) => {
    if (!/\bhalf\b|fp16/.test(ctx.text)) return;
    if (ctx.facts.some((f) => f.kind === 'training.precision' && f.value !== null)) return;
    if (!ctx.facts.some(startsARun)) return;
    const lines = ctx.text.split('\n', MAX_LINES);
    const bindings = new Map<string, Array<{ row: number; why: string | undefined }>>();
    for (let row = 0; row < lines.length; row++) {
      const line = lines[row];
      if (!line.includes('=')) continue;
      const m = BINDING.exec(line);
      if (!m || !SWITCH_NAME.test(m[1]) || m[2].trimEnd().endsWith(',')) continue;
      const list = bindings.get(m[1]) ?? [];
      if (list.length >= MAX_BINDINGS) continue;
      list.push({ row, why: trueOnGpu(m[2], ctx.text) });
      bindings.set(m[1], list);
    }
    for (const [name, list] of bindings) {
      const first = list[0];
      if (!first || list.some((b) => b.why === undefined)) continue;
      const n = escape(name);
      // `if is_half:` / `if is_half == True:` with a `.half()` cast in the next lines, or `torch.float16 if is_half`.
      const test = new RegExp(`^[ \\t]*if[ \\t]+${n}(?:[ \\t]*==[ \\t]*True|[ \\t]+is[ \\t]+True)?[ \\t]*:(.*)$`);
      const pick = new RegExp(`torch\\.(?:float16|half)[ \\t]+if[ \\t]+${n}\\b`);
      let usedAt = -1;
      for (let row = 0; row < lines.length && usedAt < 0; row++) {
        const line = lines[row];
        if (!line.includes(name)) continue;
        if (pick.test(line)) usedAt = row;
        const t = test.exec(line);
        if (!t) continue;
        const body = [t[1], lines[row + 1] ?? '', lines[row + 2] ?? ''].join('\n');
        if (/\.half\(\)/.test(body)) usedAt = row;
      }
      if (usedAt < 0) continue;
      const node =
        ctx.tree.rootNode.descendantForPosition({
          row: first.row,
          column: lines[first.row].length - lines[first.row].trimStart().length,
        }) ?? ctx.tree.rootNode;
      ctx.add(
        'training.precision',
        'fp16',
        node,
        `${name} (${first.why}) switches the models to half precision (line ${usedAt + 1}): fp16 on a GPU`,
        'medium',
      );
      return;
    }
  },
};
