/**
 * The model's size as a notebook's saved outputs state it: what the notebook printed when it was last run, which a
 * reader of the notebook sees under the cell. The usual printers:
 * - PEFT's `print_trainable_parameters()`: `trainable params: 4,194,304 || all params: 6,742,609,920 || trainable%:
 *   0.0622` (peft/peft_model.py): all params is the base model with its adapters;
 * - Keras' `model.summary()`, torchsummary's `summary()` and torchinfo's: `Total params: 1,234,567`;
 * - a tutorial's own `print(f'The model has {count_parameters(model):,} trainable parameters')`;
 * - nanoGPT-style `number of parameters: 124.44M`.
 * Only a notebook that states one size (or PEFT's, whose last print is the model trained) gives one: a notebook
 * printing several different sizes built several models, and which one the run is, the outputs do not say.
 */

/** Output texts looked at per notebook, and characters per output text (outputs can hold megabytes of logs). */
const MAX_OUTPUTS = 400;
const MAX_OUTPUT_CHARS = 65_536;
/** Anything larger is not a parameter count of a model anyone has trained (10 trillion). */
const MAX_PARAMS = 1e13;

const PEFT_ALL = /trainable params: [\d,]{1,24} \|\| all params: ([\d,]{1,24})/g;
const TOTAL_PARAMS = /^[ \t]*Total params: ([\d,]{1,24})/gm;
const MODEL_HAS = /\b(?:model|network|net) has ([\d,]{1,24}) (?:trainable )?param(?:eter)?s\b/gi;
const NUMBER_OF = /\bnumber of (?:trainable )?param(?:eter)?s:?[ \t]*([\d.]{1,12})[ \t]*([MBK])?\b/gi;

export interface StatedParameters {
  readonly value: number;
  /** The index of the cell whose output states it. */
  readonly cell: number;
  /** The printed words, as a reader finds them. */
  readonly quote: string;
}

function count(digits: string, unit?: string): number | undefined {
  const n = Number(digits.replace(/,/g, ''));
  const scaled = n * (unit === 'B' ? 1e9 : unit === 'M' ? 1e6 : unit === 'K' ? 1e3 : 1);
  return Number.isFinite(scaled) && scaled >= 1 && scaled < MAX_PARAMS ? Math.round(scaled) : undefined;
}

/** An output's text: a stream's, or a result's `text/plain` (strings only: the file is untrusted). */
function outputText(output: unknown): string {
  if (typeof output !== 'object' || output === null) return '';
  const o = output as { text?: unknown; data?: { 'text/plain'?: unknown } };
  const join = (v: unknown) =>
    typeof v === 'string' ? v : Array.isArray(v) ? v.map((p) => (typeof p === 'string' ? p : '')).join('') : '';
  return (join(o.text) || join(o.data?.['text/plain'])).slice(0, MAX_OUTPUT_CHARS);
}

export function statedParameterCount(cells: readonly unknown[]): StatedParameters | undefined {
  const peft: StatedParameters[] = [];
  const others: StatedParameters[] = [];
  let seen = 0;
  cells.forEach((cell, index) => {
    if (typeof cell !== 'object' || cell === null) return;
    const outputs = (cell as { outputs?: unknown }).outputs;
    if (!Array.isArray(outputs)) return;
    for (const output of outputs) {
      if (++seen > MAX_OUTPUTS) return;
      const text = outputText(output);
      if (!/param/i.test(text)) continue;
      for (const m of text.matchAll(PEFT_ALL)) {
        const value = count(m[1]);
        if (value) peft.push({ value, cell: index, quote: m[0] });
      }
      for (const pattern of [TOTAL_PARAMS, MODEL_HAS, NUMBER_OF])
        for (const m of text.matchAll(pattern)) {
          const value = count(m[1], m[2]?.toUpperCase());
          if (value) others.push({ value, cell: index, quote: m[0].trim() });
        }
    }
  });
  if (peft.length > 0) return peft[peft.length - 1];
  const sizes = new Set(others.map((o) => o.value));
  return sizes.size === 1 ? others[0] : undefined;
}
