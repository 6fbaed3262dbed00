import * as fs from 'node:fs';
import * as path from 'node:path';
import type { PythonParsing, Tree } from '../../src/core/parse/pythonParser';

/**
 * A synthetic but realistic corpus for benchmarks: the example training scripts,
 * padded with ordinary code (helpers, classes, data plumbing) to varied sizes,
 * with constants changed so no two files are identical.
 */

const ROOT = path.resolve(__dirname, __dirname.includes(`${path.sep}out${path.sep}`) ? '../../..' : '../..');

export function exampleScripts(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.py')) out.push(fs.readFileSync(p, 'utf8'));
    }
  };
  walk(path.join(ROOT, 'examples'));
  return out;
}

/** Ordinary code of the kind that surrounds training code: ~30 lines per block. */
export function helperBlock(i: number): string {
  return `

def load_records_${i}(path, limit=${100 + i}):
    """Reads JSON lines, skipping blank ones."""
    records = []
    with open(path) as fh:
        for n, line in enumerate(fh):
            if n >= limit:
                break
            line = line.strip()
            if not line:
                continue
            records.append(json.loads(line))
    return records


class Meter${i}:
    def __init__(self, name, window=${10 + (i % 50)}):
        self.name = name
        self.window = window
        self.values = []

    def update(self, value):
        self.values.append(float(value))
        if len(self.values) > self.window:
            self.values.pop(0)

    def mean(self):
        return sum(self.values) / max(1, len(self.values))


SETTINGS_${i} = {"lr": ${(i % 9) + 1}e-4, "warmup": ${i * 10}, "name": "block-${i}"}
`;
}

/** `count` files between roughly 60 and `maxLines` lines. */
export function generatedCorpus(count: number, maxLines = 2000, seed = 7): string[] {
  const scripts = exampleScripts();
  const files: string[] = [];
  let state = seed;
  const rand = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  for (let i = 0; i < count; i++) {
    const base = scripts[i % scripts.length].replace(/\b(\d{2,5})\b/g, (m) => String(Number(m) + (i % 7)));
    const targetLines = 60 + Math.floor(rand() * (maxLines - 60));
    let text = 'import json\n' + base;
    let block = 0;
    while (text.split('\n').length < targetLines) text += helperBlock(i * 1000 + block++);
    files.push(text);
  }
  return files;
}

/** A training script of about `lines` lines with the run in the middle. */
export function longTrainingScript(lines: number): string {
  const scripts = exampleScripts();
  const hf = scripts.find((s) => s.includes('num_train_epochs=3')) ?? scripts[0];
  let head = 'import json\n';
  let b = 0;
  while (head.split('\n').length < lines / 2) head += helperBlock(b++);
  let tail = '';
  while ((head + hf + tail).split('\n').length < lines) tail += helperBlock(b++);
  return head + hf + tail;
}

/**
 * The edit both editor benchmarks time: the digit of `num_train_epochs=3` replaced, the old tree told
 * about it (`tree.edit`) and the text re-parsed incrementally, as the editor does on each keystroke.
 */
export class EpochsDigitEdit {
  private readonly at: number;
  private readonly position: { row: number; column: number };

  constructor(
    private readonly python: PythonParsing,
    public text: string,
    public tree: Tree = python.parser.parse(text)!,
  ) {
    this.at = text.indexOf('num_train_epochs=3') + 'num_train_epochs='.length;
    this.position = {
      row: text.slice(0, this.at).split('\n').length - 1,
      column: this.at - text.lastIndexOf('\n', this.at - 1) - 1,
    };
  }

  /** The text with the digit replaced (not yet parsed). */
  type(digit: string): void {
    this.text = this.text.slice(0, this.at) + digit + this.text.slice(this.at + 1);
  }

  /** Incremental re-parse of the typed text; the previous tree is freed. */
  reparse(): Tree {
    const { row, column } = this.position;
    this.tree.edit({
      startIndex: this.at,
      oldEndIndex: this.at + 1,
      newEndIndex: this.at + 1,
      startPosition: { row, column },
      oldEndPosition: { row, column: column + 1 },
      newEndPosition: { row, column: column + 1 },
    });
    const next = this.python.parser.parse(this.text, this.tree)!;
    this.tree.delete();
    this.tree = next;
    return next;
  }
}
