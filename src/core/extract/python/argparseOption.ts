import type { Node } from 'web-tree-sitter';
import { stringLiteral } from '../pythonValues';

/**
 * `-epoch`, `-d_model`, `-n-layers`: a single-dash option of more than one letter. argparse takes it as an option
 * like `--epoch` (dest `epoch`); programs written in that style (attention-is-all-you-need-pytorch's
 * `parser.add_argument('-epoch', …)`) are launched with it (`train.py -epoch 200`).
 */
const SINGLE_DASH_LONG = /^-[A-Za-z][\w-]{1,100}$/;

/**
 * The option an `add_argument(…)` call's strings name its destination by, as argparse picks it: the first
 * `--long` spelling, else the first single-dash spelling of more than one letter. A bare `-b` alone is left out:
 * launches pass it under its short spelling (python/symbols.ts keeps it beside the long one).
 */
export function longOptionOf(strings: readonly (string | null)[]): string | undefined {
  return (
    strings.find((s): s is string => !!s?.startsWith('--')) ??
    strings.find((s): s is string => s !== null && SINGLE_DASH_LONG.test(s))
  );
}

/** The option named by an `add_argument(…)` call's positional strings (see longOptionOf). */
export function longOptionOfCall(args: Node): string | undefined {
  return longOptionOf(args.namedChildren.map((c) => (c ? stringLiteral(c) : null)));
}

/** The attribute an option fills: `--model-path` and `-model_path` → `model_path`. */
export function optionDest(flag: string): string {
  return flag.replace(/^--?/, '').replace(/-/g, '_');
}

/** Whether a word on a launch line is a single-dash option of more than one letter (`-epoch`). */
export function isSingleDashLong(word: string): boolean {
  return SINGLE_DASH_LONG.test(word);
}
