import type { Fact, FactKind } from '../facts';

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
  precision: { kind: 'training.precision', type: 'precision', help: 'fp32 | tf32 | fp16 | bf16 | fp8' },
  gpus: { kind: 'hardware.devices', type: 'string', help: 'count, or count×type: 8, 8xH100, 4×A100-80GB' },
  accelerator: { kind: 'hardware.accelerator', type: 'string', help: 'catalog id or alias: H100, A100-80GB, TPUv4' },
  count: { kind: 'hardware.devices', type: 'integer', help: 'accelerators in total' },
  nodes: { kind: 'hardware.nodes', type: 'integer', help: 'machines' },
  region: { kind: 'hardware.region', type: 'string', help: 'country (FR), cloud region (eu-north-1) or world' },
  project: { kind: 'tracking.project', type: 'string', help: 'CodeCarbon project_name whose emissions.csv rows measured this run' },
  requests_per_day: { kind: 'inference.requestsPerDay', type: 'number', help: 'requests a deployment serves per day' },
  days: { kind: 'inference.days', type: 'number', help: 'days the deployment serves (365 for a year)' },
  run: { kind: 'run.entry', type: 'flag', help: 'list this file as a run even where it would be left out (a test folder, a library module)' },
};

const DIRECTIVE = /#\s*green-ai\s*:(.*)$/i;
const MODES = new Set(['pretrain', 'finetune', 'lora', 'qlora', 'inference']);
const PRECISION_VALUES = new Set(['fp32', 'tf32', 'fp16', 'bf16', 'fp8']);

export interface DirectiveExtraction {
  readonly facts: Fact[];
  readonly problems: string[];
}

export function extractDirectives(text: string): DirectiveExtraction {
  const facts: Fact[] = [];
  const problems: string[] = [];
  if (!/green-ai\s*:/i.test(text)) return { facts, problems };
  const lines = text.split('\n');
  lines.forEach((line, row) => {
    const m = DIRECTIVE.exec(line);
    if (!m) return;
    const startCol = line.length - m[0].length;
    for (const pair of m[1].trim().split(/\s+/).filter(Boolean)) {
      const eq = pair.indexOf('=');
      const key = (eq > 0 ? pair.slice(0, eq) : pair).toLowerCase().replace(/-/g, '_');
      const raw = eq > 0 ? pair.slice(eq + 1) : '';
      const spec = DIRECTIVE_KEYS[key];
      const where = `line ${row + 1}`;
      if (!spec) {
        problems.push(`green-ai directive at ${where}: unknown key "${key}" (known: ${Object.keys(DIRECTIVE_KEYS).join(', ')})`);
        continue;
      }
      const col = line.indexOf(pair, startCol);
      const range = { startLine: row, startCol: Math.max(col, startCol), endLine: row, endCol: Math.max(col, startCol) + pair.length };
      const add = (kind: FactKind, value: Fact['value']) => facts.push({ kind, value, range, confidence: 'high', detail: `directive ${pair} (${where})`, directive: true });
      const bad = (why: string) => problems.push(`green-ai directive at ${where}: ${key}=${raw} ${why}`);
      if (spec.type === 'flag') {
        if (raw && !/^(true|yes|1)$/i.test(raw)) bad('takes no value (write it alone)');
        else add(spec.kind, true);
        continue;
      }
      if (!raw) {
        bad('needs a value');
        continue;
      }
      if (key === 'gpus') {
        const g = /^(\d+)(?:[x×*](.+))?$/i.exec(raw);
        if (!g || Number(g[1]) < 1) {
          bad('should be a count or count×type, e.g. 8xH100');
          continue;
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
        add(spec.kind, raw);
      }
    }
  });
  return { facts, problems };
}
