/**
 * A launch inside a sweep hands its program a different value on each pass: `for e in 2 10 30; do python train.py
 * --epochs $e`, or an array indexed by the loop's counter (`epochs=(2 5 10 20 30 50)` … `--epochs ${epochs[$i]}`).
 * Read as the loop's runs (launch.repeat) each at the mean of the values, the sweep's total is exact for what grows
 * with the value (epochs, steps, tokens: the sum of the values is the count × their mean); read at the program's
 * default instead, a sweep over 2–50 epochs was a fixed 3 per run. Only numeric values are read so: a sweep over
 * models or datasets stays unknown.
 */

/** A loop around the launch line, as shellFacts reads it: its variable, its word list (empty for a C-style loop). */
export interface LoopAround {
  readonly name: string;
  readonly words: string;
  readonly count: number | null;
}

export interface SweptValues {
  /** The command with each swept flag value replaced by its mean. */
  readonly text: string;
  /** What was read for each flag whose values differ (`--epochs: mean of 2 5 10 20 30 50 = 19.5`). */
  readonly notes: readonly string[];
}

/** Values a sweep is read over at most (real ones are a handful). */
const MAX_VALUES = 100;
/** Flags explained per launch (the rest are read the same way, unexplained: a sweep line stays short). */
const MAX_NOTES = 8;
const NUMBER = /^-?(?:\d+\.?\d*|\.\d+)(?:e-?\d+)?$/i;

function numbers(words: string): number[] | undefined {
  // `for e in {10,}` / `{5,7,10}`: bash's brace expansion gives each item as a word (empty items give none).
  const list = words
    .trim()
    .split(/\s+/)
    .flatMap((w) => (/^\{[^{}]{0,400}\}$/.test(w) ? w.slice(1, -1).split(',') : [w]))
    .filter(Boolean);
  if (list.length === 0 || list.length > MAX_VALUES || !list.every((w) => NUMBER.test(w))) return undefined;
  return list.map(Number);
}

const mean = (values: readonly number[]) => Number((values.reduce((a, b) => a + b, 0) / values.length).toPrecision(4));

/** The array elements a loop visits: the words of a loop over literal indices, or all of them for a counted loop that runs once per element. */
function visited(array: readonly number[], loop: LoopAround): number[] | undefined {
  const indices = loop.words === '' ? undefined : numbers(loop.words);
  if (indices) {
    const picked = indices.map((k) => array[k]);
    return picked.every((v) => v !== undefined) ? picked : undefined;
  }
  return loop.words === '' && loop.count === array.length ? [...array] : undefined;
}

/** A flag's value (`--name $v`, `--name=${v}`, `--name "${arr[$i]}"`), one word. */
const SWEPT_FLAG =
  /(--[\w.-]{1,100}(?:=|[ \t]+))("?)\$(?:\{(\w{1,64})\[\$?\{?(\w{1,64})\}?\]\}|\{(\w{1,64})\}|(\w{1,64})(?![\w[]))\2(?=\s|$)/g;

export function readSweptValues(
  line: string,
  loops: readonly LoopAround[],
  vars: ReadonlyMap<string, string>,
): SweptValues {
  if (loops.length === 0 || !line.includes('$')) return { text: line, notes: [] };
  const notes: string[] = [];
  const text = line.replace(
    SWEPT_FLAG,
    (whole, flag: string, _q: string, array?: string, index?: string, braced?: string, bare?: string) => {
      let values: number[] | undefined;
      if (array !== undefined && index !== undefined) {
        const loop = loops.find((l) => l.name === index);
        const elements = loop && vars.has(array) ? numbers(vars.get(array)!) : undefined;
        values = loop && elements ? visited(elements, loop) : undefined;
      } else {
        const name = (braced ?? bare)!;
        const loop = loops.find((l) => l.name === name);
        // A C-style loop's counter is an index, not a setting's value: only a loop over a word list is read.
        values = loop && loop.words !== '' ? numbers(loop.words) : undefined;
      }
      if (!values) return whole;
      const value = mean(values);
      if (notes.length < MAX_NOTES && values.some((v) => v !== values[0]))
        notes.push(`${flag.replace(/[= \t]+$/, '')} at the mean of ${values.join(' ')} = ${value}`);
      return `${flag}${value}`;
    },
  );
  return { text, notes };
}
