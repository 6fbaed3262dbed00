import type { Fact, FactKind } from '../facts';
import { problemAt, type Problem } from '../problem';
import { unknownAcceleratorMessage, unknownRegionMessage } from '../resolve/knownIds';

/**
 * Directive comments say what code cannot: `# green-ai: gpus=8xH100 region=eu-north-1
 * dataset_tokens=2e9`. They work in Python, YAML and shell (any `#` comment), win over
 * what the code implies, and are reported with source "directive".
 */

export interface DirectiveKey {
  readonly kind: FactKind;
  readonly type: 'number' | 'integer' | 'string' | 'mode' | 'precision' | 'flag';
  readonly help: string;
}

export const DIRECTIVE_KEYS: Record<string, DirectiveKey> = {
  model: { kind: 'model.id', type: 'string', help: 'model id, e.g. meta-llama/Llama-2-7b-hf' },
  params: { kind: 'model.params', type: 'number', help: 'total parameters, e.g. 7e9' },
  mode: { kind: 'training.mode', type: 'mode', help: 'pretrain | finetune | lora | qlora | inference' },
  epochs: { kind: 'training.epochs', type: 'number', help: 'passes over the dataset' },
  steps: { kind: 'training.steps', type: 'integer', help: 'optimizer steps' },
  tokens: { kind: 'training.tokens', type: 'number', help: 'total tokens processed (all epochs)' },
  dataset_tokens: { kind: 'training.datasetTokens', type: 'number', help: 'tokens in one pass over the dataset' },
  dataset_samples: { kind: 'training.datasetSamples', type: 'number', help: 'examples in one pass over the dataset' },
  seq_len: { kind: 'training.seqLen', type: 'integer', help: 'tokens per sample' },
  input_pixels: {
    kind: 'model.inputPixels',
    type: 'number',
    help: 'pixels of one input of an image model (times frames for video), e.g. 50176 for 224×224',
  },
  forward_flops: {
    kind: 'model.forwardFlopsPerSample',
    type: 'number',
    help: 'FLOPs of one forward pass of one input (all denoising steps of an image for a diffusion model), e.g. 8.2e9',
  },
  precision: { kind: 'training.precision', type: 'precision', help: 'fp32 | tf32 | fp16 | bf16 | fp8' },
  gpus: { kind: 'hardware.devices', type: 'string', help: 'count, or count×type: 8, 8xH100, 4×A100-80GB' },
  accelerator: { kind: 'hardware.accelerator', type: 'string', help: 'catalog id or alias: H100, A100-80GB, TPUv4' },
  count: { kind: 'hardware.devices', type: 'integer', help: 'accelerators in total' },
  nodes: { kind: 'hardware.nodes', type: 'integer', help: 'machines' },
  region: { kind: 'hardware.region', type: 'string', help: 'country (FR), cloud region (eu-north-1) or world' },
  project: {
    kind: 'tracking.project',
    type: 'string',
    help: 'CodeCarbon project_name whose emissions.csv rows measured this run',
  },
  requests_per_day: { kind: 'inference.requestsPerDay', type: 'number', help: 'requests a deployment serves per day' },
  days: { kind: 'inference.days', type: 'number', help: 'days the deployment serves (365 for a year)' },
  run: {
    kind: 'run.entry',
    type: 'flag',
    help: 'list this file as a run even where it would be left out (a test folder, a library module)',
  },
};

const DIRECTIVE = /#\s*green-ai\s*:(.*)$/i;
const MODES = new Set(['pretrain', 'finetune', 'lora', 'qlora', 'inference']);
const PRECISION_VALUES = new Set(['fp32', 'tf32', 'fp16', 'bf16', 'fp8']);

/** Whether a text can hold a directive at all (the cheap test before any line is read; prefilters use it too). */
export function mayHoldDirectives(text: string): boolean {
  return /green-ai\s*:/i.test(text);
}

/** A directive line says a handful of things; past these, the rest of the line is ignored (and said so). */
export const MAX_DIRECTIVE_PAIRS_PER_LINE = 32;
/** Directive facts per file: far above any real file, low enough that a generated one stays cheap. */
export const MAX_DIRECTIVE_FACTS = 2000;
/** Problems reported per file; the count of the rest is given. */
const MAX_PROBLEMS = 20;
/** A value longer than this is not an id, a number or a count anyone writes. */
const MAX_VALUE_LENGTH = 300;

export interface DirectiveExtraction {
  readonly facts: Fact[];
  /** What is wrong but harmless to leave out (an unknown key, a malformed number), at the directive. */
  readonly problems: Problem[];
  /**
   * What must stop an estimate that would otherwise be made with the wrong inputs: an unknown
   * region or accelerator (a typo would silently fall back to a default and pass a budget gate).
   */
  readonly errors: Problem[];
}

const show = (s: string) => (s.length > 60 ? `${s.slice(0, 60)}…` : s);

export function extractDirectives(text: string): DirectiveExtraction {
  const facts: Fact[] = [];
  const problems: Problem[] = [];
  const errors: Problem[] = [];
  let dropped = 0;
  /** Where the directive (or pair) being read is: problems point at it. */
  let at: { line: number; column: number } | undefined;
  const problem = (p: string) => {
    if (problems.length < MAX_PROBLEMS) problems.push(problemAt(p, at?.line, at?.column));
    else dropped++;
  };
  const error = (e: string) => {
    if (errors.length < MAX_PROBLEMS) errors.push(problemAt(e, at?.line, at?.column));
  };
  if (!mayHoldDirectives(text)) return { facts, problems, errors };
  const lines = text.split('\n');
  for (let row = 0; row < lines.length && facts.length < MAX_DIRECTIVE_FACTS; row++) {
    const line = lines[row];
    const m = DIRECTIVE.exec(line);
    if (!m) continue;
    const startCol = line.length - m[0].length;
    const pairs = m[1]
      .trim()
      .split(/\s+/, MAX_DIRECTIVE_PAIRS_PER_LINE + 1)
      .filter(Boolean);
    const where = `line ${row + 1}`;
    at = { line: row, column: startCol };
    if (pairs.length > MAX_DIRECTIVE_PAIRS_PER_LINE) {
      pairs.length = MAX_DIRECTIVE_PAIRS_PER_LINE;
      problem(
        `green-ai directive at ${where}: more than ${MAX_DIRECTIVE_PAIRS_PER_LINE} settings on one line; the rest of the line is ignored`,
      );
    }
    // Pairs are found left to right, each after the previous one: one pass over the line.
    let searchFrom = startCol;
    for (const pair of pairs) {
      const eq = pair.indexOf('=');
      const key = (eq > 0 ? pair.slice(0, eq) : pair).toLowerCase().replace(/-/g, '_');
      const raw = eq > 0 ? pair.slice(eq + 1) : '';
      const found = line.indexOf(pair, searchFrom);
      const col = found >= 0 ? found : searchFrom;
      searchFrom = col + pair.length;
      at = { line: row, column: col };
      // Own keys only: `constructor=` or `__proto__=` must not reach Object.prototype.
      const spec = Object.prototype.hasOwnProperty.call(DIRECTIVE_KEYS, key) ? DIRECTIVE_KEYS[key] : undefined;
      if (!spec) {
        problem(
          `green-ai directive at ${where}: unknown key "${show(key)}" (known: ${Object.keys(DIRECTIVE_KEYS).join(', ')})`,
        );
        continue;
      }
      const range = { startLine: row, startCol: col, endLine: row, endCol: col + pair.length };
      const add = (kind: FactKind, value: Fact['value']) =>
        facts.push({
          kind,
          value,
          range,
          confidence: 'high',
          detail: `directive ${show(pair)} (${where})`,
          directive: true,
        });
      const bad = (why: string) => problem(`green-ai directive at ${where}: ${key}=${show(raw)} ${why}`);
      if (spec.type === 'flag') {
        if (raw && !/^(true|yes|1)$/i.test(raw)) bad('takes no value (write it alone)');
        else add(spec.kind, true);
        continue;
      }
      if (!raw) {
        bad('needs a value');
        continue;
      }
      if (raw.length > MAX_VALUE_LENGTH) {
        bad(`is ${raw.length} characters long; ignored`);
        continue;
      }
      if (key === 'gpus') {
        const g = /^(\d{1,7})(?:[x×*](.+))?$/i.exec(raw);
        if (!g || Number(g[1]) < 1) {
          bad('should be a count or count×type, e.g. 8xH100');
          continue;
        }
        if (g[2]) {
          const unknown = unknownAcceleratorMessage(g[2], `green-ai directive at ${where}: gpus=${show(raw)}`, true);
          if (unknown) {
            error(unknown);
            continue;
          }
        }
        add('hardware.devices', Number(g[1]));
        if (g[2]) add('hardware.accelerator', g[2]);
        continue;
      }
      if (spec.type === 'number' || spec.type === 'integer') {
        const n = Number(raw.replace(/_/g, ''));
        if (!Number.isFinite(n) || n <= 0 || (spec.type === 'integer' && !Number.isInteger(n))) {
          bad(`is not a positive ${spec.type}`);
          continue;
        }
        add(spec.kind, n);
      } else if (spec.type === 'mode') {
        if (!MODES.has(raw.toLowerCase())) bad(`is not one of ${[...MODES].join(', ')}`);
        else add(spec.kind, raw.toLowerCase());
      } else if (spec.type === 'precision') {
        if (!PRECISION_VALUES.has(raw.toLowerCase())) bad(`is not one of ${[...PRECISION_VALUES].join(', ')}`);
        else add(spec.kind, raw.toLowerCase());
      } else {
        // A region or accelerator the user states must be one the catalogs know: a typo is an error, not a default.
        const unknown =
          key === 'region'
            ? unknownRegionMessage(raw, `green-ai directive at ${where}: region`)
            : key === 'accelerator'
              ? unknownAcceleratorMessage(raw, `green-ai directive at ${where}: accelerator`, true)
              : null;
        if (unknown) error(unknown);
        else add(spec.kind, raw);
      }
    }
  }
  at = undefined;
  if (facts.length >= MAX_DIRECTIVE_FACTS)
    problem(`more than ${MAX_DIRECTIVE_FACTS} green-ai directive settings in one file; the rest are ignored`);
  if (dropped > 0) problems.push(problemAt(`${dropped} more green-ai directive problems`));
  return { facts, problems, errors };
}
