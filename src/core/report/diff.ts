import { formatParams } from '../advise/suggest';
import type { CliRun } from './cliSchema';
import { DiffOutputSchema, type DiffChange, type DiffOutput, type DiffReason, type DiffStatus } from './diffSchema';
import { runsIn, sig } from './format';
import type { LocatedRun } from './locatedRun';
import { detectRenames } from './renames';

/**
 * What a change does to the runs: the runs of two trees (a base and a head)
 * matched one to one, each pair compared input by input, so a reviewer sees
 * "epochs 3 → 10" next to "+1.2 kg CO2e", not just two totals.
 *
 * Matching: by file (renamed files follow their content) and, within a file,
 * first identical runs, then runs of the same model and mode, then by position.
 * A run whose script is now launched from another file (or no longer is) is the
 * same run moved, not one removed and one added.
 */

export interface DiffSide {
  /** What this side is: a folder, "main (1a2b3c4)", "working tree", "index". */
  readonly label: string;
  readonly runs: readonly LocatedRun[];
  /** Text of the files read on this side, by display path: renamed files are found by content. */
  readonly texts: ReadonlyMap<string, string>;
}

type Scalar = string | number | boolean | null;

interface Input {
  readonly value: Scalar;
  readonly source: string | null;
}

/** The order reasons are listed in: what people change first. */
const FIELD_ORDER = [
  'model.name',
  'model.params',
  'training.mode',
  'training.epochs',
  'training.steps',
  'training.precision',
  'training.computePrecision',
  'hardware.accelerator',
  'hardware.count',
  'hardware.nodes',
  'hardware.region',
  'training.dataset',
  'training.batchPerDevice',
  'training.gradientAccumulation',
  'training.globalBatch',
  'training.tensorParallel',
  'training.pipelineParallel',
  'training.seqLen',
  'model.inputPixels',
  'training.gradientCheckpointing',
  'training.tokens',
  'training.samples',
  'datacenter.pue',
  'datacenter.intensityGPerKWh',
];

const LABELS: Record<string, string> = {
  'model.name': 'model',
  'model.params': 'parameters',
  'model.activeParams': 'active parameters',
  'model.layers': 'layers',
  'model.hiddenSize': 'hidden size',
  'model.vocabSize': 'vocabulary',
  'model.ffnSize': 'feed-forward size',
  'model.fromScratch': 'from scratch',
  'model.inputPixels': 'input pixels',
  'model.visionHead': 'vision head',
  'model.forwardGflopsPerSample': 'forward GFLOPs per sample',
  'training.mode': 'mode',
  'training.epochs': 'epochs',
  'training.steps': 'steps',
  'training.tokens': 'tokens',
  'training.samples': 'samples',
  'training.precision': 'precision',
  'training.computePrecision': 'compute format',
  'training.seqLen': 'sequence length',
  'training.batchPerDevice': 'batch per device',
  'training.gradientAccumulation': 'gradient accumulation',
  'training.globalBatch': 'global batch',
  'training.tensorParallel': 'tensor parallel',
  'training.pipelineParallel': 'pipeline parallel',
  'training.gradientCheckpointing': 'gradient checkpointing',
  'training.dataset': 'dataset',
  'training.datasetTokens': 'dataset tokens',
  'training.datasetSamples': 'dataset samples',
  'run.trial': 'sweep',
  'training.requests': 'requests',
  'training.tokensPerRequest': 'tokens per request',
  'hardware.accelerator': 'accelerator',
  'hardware.count': 'accelerators',
  'hardware.nodes': 'nodes',
  'hardware.region': 'region',
  'datacenter.pue': 'PUE',
  'datacenter.intensityGPerKWh': 'grid intensity',
  'estimate.mfu': 'utilisation (MFU)',
};

/** Sources that say something was written (in code, a config, a setting, a flag); the rest follow from those. */
const STATED_SOURCES = new Set(['code', 'config', 'directive', 'setting', 'override']);

/** Inputs that are bookkeeping, not a property of the run. */
/** Inputs that never explain a change (none today: a sweep's size, `run.trial`, is an input like any other). */
const IGNORED_FIELDS = new Set<string>();

export function labelOf(field: string): string {
  return LABELS[field] ?? field;
}

const COUNT_FIELDS = new Set([
  'training.tokens',
  'training.samples',
  'training.datasetTokens',
  'training.datasetSamples',
  'training.requests',
]);

/** A value as a person reads it: 7B parameters, 1.3B tokens, 20,000 steps. */
export function formatValue(field: string, value: Scalar): string {
  if (value === null) return 'not set';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string') return value;
  if (field === 'model.params' || field === 'model.activeParams') return formatParams(value);
  if (COUNT_FIELDS.has(field)) return value >= 1e3 ? formatParams(value) : sig(value);
  if (field === 'estimate.mfu') return `${sig(value * 100)}%`;
  if (field === 'datacenter.intensityGPerKWh') return `${sig(value)} g/kWh`;
  if (Number.isInteger(value)) return value.toLocaleString('en-US');
  return sig(value);
}

function inputsOf(run: CliRun): Map<string, Input> {
  const inputs = new Map<string, Input>();
  const sourceOf = (field: string, fallback: string) =>
    run.assumptions.find((a) => a.field === field)?.source ?? fallback;
  const top: Array<[string, Scalar, string]> = [
    ['model.name', run.model.name, sourceOf('model.name', 'code')],
    ['model.params', run.model.params, run.model.source],
    ['training.mode', run.training.mode, sourceOf('training.mode', 'code')],
    ['training.epochs', run.training.epochs, sourceOf('training.epochs', 'computed')],
    ['training.steps', run.training.steps, sourceOf('training.steps', 'computed')],
    ['training.tokens', run.training.tokens, sourceOf('training.tokens', 'computed')],
    ['training.samples', run.training.samples, sourceOf('training.samples', 'computed')],
    ['training.precision', run.training.precision, sourceOf('training.precision', 'default')],
    ['hardware.accelerator', run.hardware.accelerator, sourceOf('hardware.accelerator', 'default')],
    ['hardware.count', run.hardware.count, sourceOf('hardware.count', 'default')],
    ['hardware.region', run.hardware.region, sourceOf('hardware.region', 'default')],
  ];
  for (const [field, value, source] of top) inputs.set(field, { value, source: value === null ? null : source });
  for (const a of run.assumptions) {
    if (inputs.has(a.field) || IGNORED_FIELDS.has(a.field)) continue;
    inputs.set(a.field, { value: a.value, source: a.source });
  }
  return inputs;
}

function sameValue(a: Scalar, b: Scalar): boolean {
  if (typeof a === 'number' && typeof b === 'number')
    return a === b || Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
  return a === b;
}

function fieldRank(field: string): number {
  const i = FIELD_ORDER.indexOf(field);
  return i < 0 ? FIELD_ORDER.length : i;
}

function reasonTexts(
  field: string,
  before: Input | undefined,
  after: Input | undefined,
  inputsBefore: Map<string, Input>,
  inputsAfter: Map<string, Input>,
): { beforeText: string; afterText: string } {
  const side = (input: Input | undefined, inputs: Map<string, Input>) => {
    const value = input?.value ?? null;
    let text = formatValue(field, value);
    // "model gpt2 (124M) → gpt2-xl (1.6B)": the size is what moves the estimate.
    if (field === 'model.name' && value !== null) {
      const params = inputs.get('model.params')?.value;
      if (typeof params === 'number') text += ` (${formatParams(params)})`;
    }
    // An assumed value is marked as such when the other side's value was written somewhere.
    if (
      value !== null &&
      input &&
      (input.source === 'default' || input.source === 'setting') &&
      input.source !== (input === before ? after : before)?.source
    )
      text += ` (${input.source})`;
    return text;
  };
  return { beforeText: side(before, inputsBefore), afterText: side(after, inputsAfter) };
}

/** The inputs that differ between two runs, stated ones before their consequences. */
export function reasonsBetween(before: LocatedRun, after: LocatedRun): DiffReason[] {
  const a = inputsOf(before.cli);
  const b = inputsOf(after.cli);
  const reasons: DiffReason[] = [];
  for (const field of new Set([...a.keys(), ...b.keys()])) {
    const x = a.get(field);
    const y = b.get(field);
    if (sameValue(x?.value ?? null, y?.value ?? null)) continue;
    const derived = !STATED_SOURCES.has(x?.source ?? '') && !STATED_SOURCES.has(y?.source ?? '');
    const texts = reasonTexts(field, x, y, a, b);
    const origin =
      (y?.value !== null && y !== undefined ? after.origins.get(field) : undefined) ??
      before.origins.get(field) ??
      after.origins.get(field);
    reasons.push({
      field,
      label: labelOf(field),
      before: x?.value ?? null,
      after: y?.value ?? null,
      beforeSource: x?.value === null || x === undefined ? null : x.source,
      afterSource: y?.value === null || y === undefined ? null : y.source,
      derived,
      ...texts,
      text: `${labelOf(field)} ${texts.beforeText} → ${texts.afterText}`,
      file: origin?.file ?? null,
      location: origin?.location ?? null,
    });
  }
  return reasons.sort(
    (p, q) =>
      Number(p.derived) - Number(q.derived) ||
      fieldRank(p.field) - fieldRank(q.field) ||
      p.field.localeCompare(q.field),
  );
}

function fingerprint(run: CliRun): string {
  return JSON.stringify([
    run.model,
    run.training,
    run.hardware,
    run.estimate,
    run.assumptions.filter((a) => !IGNORED_FIELDS.has(a.field)).map((a) => [a.field, a.value, a.source]),
  ]);
}

const identity = (run: CliRun) => `${run.model.name ?? run.model.params ?? '?'}|${run.training.mode}`;

/** Pairs the runs of one file on both sides: identical first, then same model and mode, then in order. */
function pairWithinFile(
  base: readonly LocatedRun[],
  head: readonly LocatedRun[],
): Array<[LocatedRun | null, LocatedRun | null]> {
  const pairs: Array<[LocatedRun | null, LocatedRun | null]> = [];
  const freeBase = new Set(base);
  const freeHead = new Set(head);
  for (const key of [(r: LocatedRun) => fingerprint(r.cli), (r: LocatedRun) => identity(r.cli)]) {
    for (const h of head) {
      if (!freeHead.has(h)) continue;
      const k = key(h);
      const b = base.find((x) => freeBase.has(x) && key(x) === k);
      if (!b) continue;
      pairs.push([b, h]);
      freeBase.delete(b);
      freeHead.delete(h);
    }
  }
  const restBase = base.filter((b) => freeBase.has(b));
  const restHead = head.filter((h) => freeHead.has(h));
  for (let i = 0; i < Math.max(restBase.length, restHead.length); i++)
    pairs.push([restBase[i] ?? null, restHead[i] ?? null]);
  return pairs;
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/** A sweep is one entry standing for its runs: totals and deltas count each. */
function total(runs: readonly LocatedRun[], pick: (r: CliRun) => number | null): number {
  return runs.reduce((sum, r) => sum + (pick(r.cli) ?? 0) * runsIn(r.cli), 0);
}

function whole(run: LocatedRun | null, pick: (r: CliRun) => number | null): number | null | undefined {
  if (!run) return undefined;
  const v = pick(run.cli);
  return v === null ? null : v * runsIn(run.cli);
}

function delta(before: number | null | undefined, after: number | null | undefined): number | null {
  if (before === undefined && after === undefined) return null;
  if (before === null || after === null) return null;
  return (after ?? 0) - (before ?? 0);
}

function change(before: LocatedRun | null, after: LocatedRun | null): DiffChange {
  const reasons = before && after ? reasonsBetween(before, after) : [];
  const estimateMoved =
    before && after ? JSON.stringify(before.cli.estimate) !== JSON.stringify(after.cli.estimate) : false;
  const status: DiffStatus = !before
    ? 'added'
    : !after
      ? 'removed'
      : reasons.length > 0 || estimateMoved
        ? 'changed'
        : 'unchanged';
  const shown = (after ?? before)!;
  return {
    status,
    file: shown.cli.file,
    previousFile: before && after && before.cli.file !== after.cli.file ? before.cli.file : null,
    before: before?.cli ?? null,
    after: after?.cli ?? null,
    co2eKgDelta: delta(
      whole(before, (r) => r.estimate.co2eKg),
      whole(after, (r) => r.estimate.co2eKg),
    ),
    energyKWhDelta: delta(
      whole(before, (r) => r.estimate.energyKWh),
      whole(after, (r) => r.estimate.energyKWh),
    ),
    why: reasons,
    locations: shown.locations,
  };
}

const STATUS_RANK: Record<DiffStatus, number> = { changed: 0, added: 0, removed: 0, unchanged: 1 };

export function diffRuns(base: DiffSide, head: DiffSide, options: { budgetKg?: number } = {}): DiffOutput {
  // Renames are looked for only among files whose runs would otherwise show as removed or added.
  const gone = new Map<string, string>();
  const arrived = new Map<string, string>();
  for (const file of new Set(base.runs.map((r) => r.cli.file)))
    if (!head.texts.has(file) && base.texts.has(file)) gone.set(file, base.texts.get(file)!);
  for (const file of new Set(head.runs.map((r) => r.cli.file)))
    if (!base.texts.has(file) && head.texts.has(file)) arrived.set(file, head.texts.get(file)!);
  const renames = detectRenames(gone, arrived);

  const baseByFile = groupBy(base.runs, (r) => r.cli.file);
  const headByFile = groupBy(head.runs, (r) => renames.get(r.cli.file) ?? r.cli.file);
  const pairs: Array<[LocatedRun | null, LocatedRun | null]> = [];
  for (const file of new Set([...baseByFile.keys(), ...headByFile.keys()]))
    pairs.push(...pairWithinFile(baseByFile.get(file) ?? [], headByFile.get(file) ?? []));

  // A script now launched from another file (or launched no longer): its run moved, it did not appear or vanish.
  const removed = pairs.filter((p) => p[1] === null);
  const added = pairs.filter((p) => p[0] === null);
  const renamedTo = new Map([...renames].map(([to, from]) => [from, to] as const));
  const sameFile = (a: string, b: string) => a === b || renamedTo.get(a) === b || renames.get(a) === b;
  for (const a of added) {
    const h = a[1]!;
    const r = removed.find(
      (p) =>
        p[0] !== null &&
        p[1] === null &&
        (h.linkedFiles.some((f) => sameFile(p[0]!.cli.file, f)) ||
          p[0].linkedFiles.some((f) => sameFile(h.cli.file, f))) &&
        identity(p[0].cli) === identity(h.cli),
    );
    if (!r) continue;
    r[1] = h;
    a[1] = null;
  }

  const changes = pairs.filter(([b, h]) => b !== null || h !== null).map(([b, h]) => change(b, h));
  const size = (c: DiffChange) => Math.abs(c.co2eKgDelta ?? 0);
  changes.sort(
    (x, y) =>
      STATUS_RANK[x.status] - STATUS_RANK[y.status] ||
      size(y) - size(x) ||
      x.file.localeCompare(y.file) ||
      (x.after ?? x.before)!.range.startLine - (y.after ?? y.before)!.range.startLine,
  );

  const side = (s: DiffSide) => ({
    label: s.label,
    runs: s.runs.length,
    co2eKg: total(s.runs, (r) => r.estimate.co2eKg),
    energyKWh: total(s.runs, (r) => r.estimate.energyKWh),
    unknown: s.runs.filter((r) => r.cli.estimate.co2eKg === null).length,
  });
  const b = side(base);
  const h = side(head);
  const count = (status: DiffStatus) => changes.filter((c) => c.status === status).length;
  return DiffOutputSchema.parse({
    version: 1,
    base: b,
    head: h,
    co2eKgDelta: h.co2eKg - b.co2eKg,
    budgetKg: options.budgetKg ?? null,
    energyKWhDelta: h.energyKWh - b.energyKWh,
    counts: {
      added: count('added'),
      removed: count('removed'),
      changed: count('changed'),
      unchanged: count('unchanged'),
    },
    changes,
  });
}

/** Runs the change puts over the budget: added ones above it, and changed ones above it that grew. */
export function runsOverBudget(diff: DiffOutput, budgetKg: number): DiffChange[] {
  return diff.changes.filter((c) => {
    const after = c.after?.estimate.co2eKg;
    if (after === null || after === undefined || after <= budgetKg) return false;
    return c.status === 'added' || (c.status === 'changed' && (c.co2eKgDelta ?? 0) > 0);
  });
}
