import * as fs from 'node:fs';
import { SKIPPED_FOLDERS } from '../../src/core/scan/safeFiles';
import * as path from 'node:path';
import { z } from 'zod';
import { analyzeText, fileKindOf, type AnalyzedRun } from '../../src/core/analyze';
import { isMeasurementFile } from '../../src/core/calibration/measurement';
import { isDocumentationFile } from '../../src/core/scan/documentedLaunches';
import { FolderScanCache, type ScanResult, type ScanSource } from '../../src/core/scan/folderScan';
import { DEFAULT_SETTINGS } from '../../src/core/runSpec';
import { parsing, ROOT } from '../unit/helpers';
import { exampleScripts } from './corpus';

/**
 * npm run bench:corpus: the Workspace Report's folder scan on snapshots of public
 * repositories, against our own labels (test/bench/corpus-labels.json): files listed that
 * are not runs, run files missed, labelled fields read right, runs shown with a made-up
 * model size, and the scan's time against a bare parse of the same Python files.
 * Needs GREENAI_CORPUS (a folder of <owner>+<name> snapshots; see README.md); not run in CI.
 * GREENAI_CORPUS_LABELS names another labels file (held-out repositories labelled outside the repository).
 */

// ---------------------------------------------------------------- labels

const Range = z
  .tuple([z.number().positive(), z.number().positive()])
  .refine(([low, high]) => low <= high, 'a range is [low, high] with low <= high');
const Amount = z.union([z.number().positive(), Range]).nullable().optional();

const FileLabelSchema = z
  .object({
    path: z.string().min(1),
    run: z.boolean(),
    model: z
      .union([z.string().min(1), z.array(z.string().min(1)).min(1)])
      .nullable()
      .optional(),
    params: Range.nullable().optional(),
    mode: z.enum(['pretrain', 'finetune', 'lora', 'qlora', 'inference']).nullable().optional(),
    epochs: Amount,
    steps: Amount,
    tokens: Amount,
    precision: z.enum(['fp32', 'tf32', 'fp16', 'bf16', 'fp8']).nullable().optional(),
    count: z.number().int().positive().nullable().optional(),
    why: z.string().min(1),
  })
  .strict()
  .refine(
    (f) =>
      f.run || ['model', 'params', 'mode', 'epochs', 'steps', 'tokens', 'precision', 'count'].every((k) => !(k in f)),
    'a file labelled run: false has no run fields',
  );

/** Extglobs (`!(a|b)`, `@(x)`) are not in the bench's glob syntax: a label that uses one would silently match nothing. */
const EXTGLOB = /[!@+?*]\(/;
const GlobRuleSchema = z
  .object({
    glob: z
      .string()
      .min(1)
      .refine((g) => !EXTGLOB.test(g), { message: 'extglob patterns such as !(a) are not supported: use plain globs' }),
    why: z.string().min(1),
  })
  .strict();

const RepoLabelsSchema = z
  .object({
    repo: z.string().regex(/^[\w.-]+\/[\w.-]+$/),
    dir: z.string().regex(/^[\w.-]+\+[\w.-]+$/, 'dir is <owner>+<name>'),
    commit: z.string().regex(/^[0-9a-f]{40}$/),
    // Empty for a library repository with no runs: its labels then only say which files are not runs.
    include: z.array(GlobRuleSchema),
    exclude: z.array(GlobRuleSchema),
    // At least one: a single-script repository (karpathy/makemore) has only that file to label.
    files: z.array(FileLabelSchema).min(1),
  })
  .strict();

const CorpusLabelsSchema = z
  .object({
    version: z.literal(1),
    about: z.string(),
    rules: z.array(z.string().min(1)).min(1),
    fieldRules: z.record(z.string(), z.string()),
    repos: z.array(RepoLabelsSchema).min(1),
  })
  .strict();

type FileLabel = z.infer<typeof FileLabelSchema>;
type RepoLabels = z.infer<typeof RepoLabelsSchema>;

function loadLabels(): z.infer<typeof CorpusLabelsSchema> {
  // GREENAI_CORPUS_LABELS: a held-out label set (test/bench/heldout/, or one kept elsewhere), in the same schema.
  const file = process.env.GREENAI_CORPUS_LABELS ?? path.join(ROOT, 'test/bench/corpus-labels.json');
  const parsed = CorpusLabelsSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) {
    throw new Error(
      `${file}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`,
    );
  }
  return parsed.data;
}

// ---------------------------------------------------------------- globs

/** `{a,b}` alternatives (not nested) expanded into separate globs. */
function expandBraces(glob: string): string[] {
  const m = /\{([^{}]*)\}/.exec(glob);
  if (!m) return [glob];
  return m[1]
    .split(',')
    .flatMap((alt) => expandBraces(glob.slice(0, m.index) + alt + glob.slice(m.index + m[0].length)));
}

/**
 * A glob over repository-relative POSIX paths: `**` any depth (also none), `*`, `?` and `[…]` within a segment.
 */
function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      const slashAfter = glob[i + 2] === '/';
      re += slashAfter ? '(?:.*/)?' : '.*';
      i += slashAfter ? 2 : 1;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[' && /^\[!?[\w.-]+\]/.test(glob.slice(i))) {
      // A character class (`tr3[b-o]-*.slurm`, `[!_]*`), as the labelling brief allows: letters, digits, ranges.
      const end = glob.indexOf(']', i);
      const body = glob.slice(i + 1, end);
      re += `[${body.startsWith('!') ? `^/${body.slice(1)}` : body}]`;
      i = end;
    } else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

class RunGlobs {
  private readonly include: RegExp[];
  private readonly exclude: RegExp[];
  constructor(repo: RepoLabels) {
    const compile = (rules: ReadonlyArray<{ glob: string }>) =>
      rules.flatMap((r) => expandBraces(r.glob)).map(globToRegExp);
    this.include = compile(repo.include);
    this.exclude = compile(repo.exclude);
  }
  isRun(relative: string): boolean {
    return this.include.some((r) => r.test(relative)) && !this.exclude.some((r) => r.test(relative));
  }
}

// ---------------------------------------------------------------- the tool's reading of one run

interface ToolReading {
  readonly model: string | null;
  readonly params: number;
  /** The size is a stand-in default, not read from the files. */
  readonly paramsMadeUp: boolean;
  /** The tool says the size is unknown instead of showing a number as read. */
  readonly paramsUnknown: boolean;
  readonly mode: string;
  readonly epochs: number | null;
  readonly steps: number | null;
  readonly tokens: number | null;
  readonly precision: string;
  readonly count: number;
}

/**
 * Everything this bench reads from the tool's output for one run, in one place: adapt
 * it here when what the tool reports changes (issue 12: an unknown-size flag, …).
 */
function toolReading(_file: string, analyzed: AnalyzedRun): ToolReading {
  const run = analyzed.run;
  return {
    model: run.model.name,
    params: run.model.params,
    // A placeholder size is "made up" only when it is shown as a reading (not marked as needing input).
    paramsMadeUp: run.model.source === 'default' && run.missing.length === 0,
    paramsUnknown: run.missing.some((m) => m.field === 'model.params'),
    mode: run.mode,
    epochs: run.training.epochs,
    steps: run.training.steps,
    tokens: run.training.tokens,
    precision: run.training.precision,
    count: run.hardware.count,
  };
}

// ---------------------------------------------------------------- scoring one labelled file

const FIELDS = ['run', 'model', 'params', 'mode', 'epochs', 'steps', 'tokens', 'precision', 'count'] as const;
type Field = (typeof FIELDS)[number];

interface FieldResult {
  readonly field: Field;
  readonly right: boolean;
  readonly expected: string;
  readonly got: string;
}

const normalise = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
const modelNames = (label: FileLabel['model']): string[] =>
  label == null ? [] : Array.isArray(label) ? label : [label];
const modelMatches = (label: FileLabel['model'], name: string | null) =>
  name !== null && modelNames(label).some((m) => normalise(name).includes(normalise(m)));

function amountText(a: number | readonly [number, number]): string {
  return typeof a === 'number' ? sig(a) : `${sig(a[0])}–${sig(a[1])}`;
}
function amountRight(want: number | readonly [number, number], got: number | null): boolean {
  if (got === null) return false;
  if (typeof want === 'number') return Math.abs(got - want) <= 0.01 * want;
  return got >= want[0] && got <= want[1];
}

function scoreFile(label: FileLabel, reading: ToolReading | null, ownRuns: number): FieldResult[] {
  const out: FieldResult[] = [];
  if (!label.run) {
    out.push({
      field: 'run',
      right: ownRuns === 0,
      expected: 'not a run',
      got: ownRuns === 0 ? 'not listed' : `${ownRuns} run(s) listed`,
    });
    return out;
  }
  out.push({ field: 'run', right: reading !== null, expected: 'a run', got: reading ? 'run listed' : 'no run' });
  const got = (text: string) => (reading ? text : 'no run');
  if (label.model != null) {
    out.push({
      field: 'model',
      right: !!reading && modelMatches(label.model, reading.model),
      expected: modelNames(label.model).join(' | '),
      got: got(reading?.model ?? 'no model name'),
    });
  }
  if (label.params !== undefined) {
    const shown = reading
      ? reading.paramsUnknown
        ? 'unknown'
        : `${sig(reading.params)}${reading.paramsMadeUp ? ' (made-up default)' : ''}`
      : 'no run';
    if (label.params === null) {
      out.push({ field: 'params', right: !!reading && reading.paramsUnknown, expected: 'unknown', got: shown });
    } else {
      const right =
        !!reading && !reading.paramsUnknown && !reading.paramsMadeUp && amountRight(label.params, reading.params);
      out.push({ field: 'params', right, expected: amountText(label.params), got: shown });
    }
  }
  if (label.mode != null)
    out.push({
      field: 'mode',
      right: reading?.mode === label.mode,
      expected: label.mode,
      got: got(reading?.mode ?? ''),
    });
  for (const field of ['epochs', 'steps', 'tokens'] as const) {
    const want = label[field];
    if (want == null) continue;
    const value = reading ? reading[field] : null;
    out.push({
      field,
      right: amountRight(want, value),
      expected: amountText(want),
      got: got(value === null ? 'none' : sig(value)),
    });
  }
  if (label.precision != null)
    out.push({
      field: 'precision',
      right: reading?.precision === label.precision,
      expected: label.precision,
      got: got(reading?.precision ?? ''),
    });
  if (label.count != null)
    out.push({
      field: 'count',
      right: reading?.count === label.count,
      expected: String(label.count),
      got: got(String(reading?.count ?? '')),
    });
  return out;
}

// ---------------------------------------------------------------- scanning one repository

/** Folders the CLI's `report` skips (src/cli/main.ts), so the bench lists what the report lists. */
const SKIP_DIRS = SKIPPED_FOLDERS;

/** Every regular file under dir, sorted as the CLI walks them, skipping the same folders. */
function allFilesUnder(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name)) allFilesUnder(path.join(dir, e.name), out);
    } else if (e.isFile()) out.push(path.join(dir, e.name));
  }
  return out;
}

const posix = (p: string) => path.resolve(p).split(path.sep).join('/');

interface RepoOutcome {
  readonly repo: string;
  readonly candidates: number;
  readonly listed: number;
  readonly listedNotRuns: string[];
  readonly runFiles: number;
  readonly missed: string[];
  readonly coveredByLink: number;
  readonly runs: number;
  readonly madeUp: number;
  readonly scanMs: number;
  readonly parseMs: number;
  readonly pyFiles: number;
  readonly fields: Array<FieldResult & { readonly file: string }>;
  readonly missingLabelled: string[];
}

async function benchRepo(corpus: string, labels: RepoLabels): Promise<RepoOutcome | null> {
  const dir = path.join(corpus, labels.dir);
  if (!fs.existsSync(dir)) return null;
  const python = await parsing();
  const globs = new RunGlobs(labels);
  const relative = (abs: string) => path.relative(dir, abs).split(path.sep).join('/');
  const all = allFilesUnder(dir);
  const candidates = all.filter(
    (f) => fileKindOf(path.basename(f)) || isMeasurementFile(path.basename(f)) || isDocumentationFile(relative(f)),
  );

  // Read everything first: both timings below exclude disk reads.
  const bytes = new Map(candidates.map((f) => [f, fs.readFileSync(f)] as const));
  const sources: ScanSource[] = candidates.map((f) => ({
    path: posix(f),
    display: relative(f),
    size: bytes.get(f)!.length,
    read: async () => bytes.get(f)!,
  }));

  const t0 = performance.now();
  const result: ScanResult = await new FolderScanCache().scan(sources, {
    python,
    root: posix(dir),
    settingsFor: () => DEFAULT_SETTINGS,
  });
  const scanMs = performance.now() - t0;

  const pyTexts = candidates.filter((f) => f.endsWith('.py')).map((f) => new TextDecoder('utf-8').decode(bytes.get(f)));
  for (const t of pyTexts.slice(0, 5)) python.parser.parse(t)?.delete();
  const t1 = performance.now();
  for (const t of pyTexts) python.parser.parse(t)?.delete();
  const parseMs = performance.now() - t1;

  // Which files show runs, and which files those runs drew facts from.
  const listedFiles = result.files.filter((f) => f.analysis.runs.length > 0);
  const listedPaths = new Set(listedFiles.map((f) => f.path));
  const coveredBy = new Map<string, AnalyzedRun>();
  for (const f of listedFiles)
    for (const linked of f.analysis.linkedFiles) if (!coveredBy.has(linked)) coveredBy.set(linked, f.analysis.runs[0]);

  const listedNotRuns = listedFiles.map((f) => relative(f.path)).filter((r) => !globs.isRun(r));
  const runFiles = all.map(relative).filter((r) => globs.isRun(r));
  let coveredByLink = 0;
  const missed: string[] = [];
  for (const r of runFiles) {
    const abs = posix(path.join(dir, r));
    if (listedPaths.has(abs)) continue;
    if (coveredBy.has(abs)) coveredByLink++;
    else missed.push(r);
  }

  const allRuns = listedFiles.flatMap((f) => f.analysis.runs.map((r) => toolReading(f.path, r)));
  const madeUp = allRuns.filter((r) => r.paramsMadeUp && !r.paramsUnknown).length;

  const fields: Array<FieldResult & { file: string }> = [];
  const missingLabelled: string[] = [];
  for (const label of labels.files) {
    if (globs.isRun(label.path) !== label.run) {
      throw new Error(
        `${labels.repo}: ${label.path} is labelled run: ${label.run} but the repository's globs say ${!label.run}`,
      );
    }
    const abs = posix(path.join(dir, label.path));
    if (!fs.existsSync(abs)) missingLabelled.push(label.path);
    const own = result.files.find((f) => f.path === abs)?.analysis.runs ?? [];
    // The run this label describes: its own (the one naming the labelled model first), else the run of a file that includes it.
    const chosen =
      own.find((r) => label.model != null && modelMatches(label.model, r.run.model.name)) ??
      own[0] ??
      coveredBy.get(abs) ??
      null;
    const reading = chosen ? toolReading(label.path, chosen) : null;
    for (const r of scoreFile(label, reading, own.length)) fields.push({ ...r, file: label.path });
  }

  return {
    repo: labels.repo,
    candidates: candidates.length,
    listed: listedFiles.length,
    listedNotRuns,
    runFiles: runFiles.length,
    missed,
    coveredByLink,
    runs: allRuns.length,
    madeUp,
    scanMs,
    parseMs,
    pyFiles: pyTexts.length,
    fields,
    missingLabelled,
  };
}

// ---------------------------------------------------------------- printing

function sig(n: number): string {
  if (n === 0) return '0';
  const a = Math.abs(n);
  if (a >= 1e4 || a < 1e-2) return n.toExponential(2).replace('e+', 'e');
  return String(Number(n.toPrecision(4)));
}
const pct = (part: number, whole: number) => (whole === 0 ? 0 : (100 * part) / whole);
/** Paths and model names come from the snapshots: no control characters reach the terminal. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const safe = (s: string) => s.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');

function table(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows
    .map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  '))
    .join('\n');
}

async function main(): Promise<void> {
  const corpus = process.env.GREENAI_CORPUS;
  if (!corpus) {
    console.error(
      'bench:corpus needs GREENAI_CORPUS, the folder holding the repository snapshots (<owner>+<name>/); see test/bench/README.md.',
    );
    process.exitCode = 2;
    return;
  }
  if (!fs.existsSync(corpus) || !fs.statSync(corpus).isDirectory()) {
    console.error(`bench:corpus: GREENAI_CORPUS=${safe(corpus)} is not a folder.`);
    process.exitCode = 2;
    return;
  }
  const labels = loadLabels();
  // Warm up the parser, the queries and the JIT, so the first repository's timing is not the one-off start-up.
  const python = await parsing();
  for (const text of exampleScripts().slice(0, 10)) analyzeText({ path: 'warm-up.py', text }, python, DEFAULT_SETTINGS);
  // GREENAI_CORPUS_ONLY=owner/name,… benches some repositories; GREENAI_CORPUS_VERBOSE=1 lists every file, not the first few.
  const only = process.env.GREENAI_CORPUS_ONLY?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const verbose = process.env.GREENAI_CORPUS_VERBOSE === '1';
  const outcomes: RepoOutcome[] = [];
  for (const repo of labels.repos.filter((r) => !only || only.includes(r.repo))) {
    const outcome = await benchRepo(corpus, repo);
    if (!outcome) console.log(`${repo.repo}: no snapshot at ${safe(path.join(corpus, repo.dir))}; left out`);
    else outcomes.push(outcome);
  }
  if (outcomes.length === 0) {
    console.error('bench:corpus: none of the labelled repositories is in GREENAI_CORPUS.');
    process.exitCode = 2;
    return;
  }

  const sum = (f: (o: RepoOutcome) => number) => outcomes.reduce((s, o) => s + f(o), 0);
  const header = [
    'repository',
    'candidates',
    'listed',
    'not runs',
    '%',
    'run files',
    'missed',
    '%',
    'via link',
    'runs',
    'made-up size',
    'fields right',
    'scan ms',
    'parse ms',
    'scan/parse',
  ];
  const row = (
    name: string,
    o: Pick<
      RepoOutcome,
      'candidates' | 'listed' | 'runFiles' | 'coveredByLink' | 'runs' | 'madeUp' | 'scanMs' | 'parseMs'
    >,
    notRuns: number,
    missed: number,
    right: number,
    fields: number,
  ) => [
    name,
    String(o.candidates),
    String(o.listed),
    String(notRuns),
    pct(notRuns, o.listed).toFixed(0),
    String(o.runFiles),
    String(missed),
    pct(missed, o.runFiles).toFixed(0),
    String(o.coveredByLink),
    String(o.runs),
    String(o.madeUp),
    `${right}/${fields}`,
    o.scanMs.toFixed(0),
    o.parseMs.toFixed(0),
    (o.scanMs / Math.max(o.parseMs, 1e-9)).toFixed(1),
  ];
  const rows = [
    header,
    ...outcomes.map((o) =>
      row(o.repo, o, o.listedNotRuns.length, o.missed.length, o.fields.filter((f) => f.right).length, o.fields.length),
    ),
  ];
  const total = {
    candidates: sum((o) => o.candidates),
    listed: sum((o) => o.listed),
    runFiles: sum((o) => o.runFiles),
    coveredByLink: sum((o) => o.coveredByLink),
    runs: sum((o) => o.runs),
    madeUp: sum((o) => o.madeUp),
    scanMs: sum((o) => o.scanMs),
    parseMs: sum((o) => o.parseMs),
  };
  const notRuns = sum((o) => o.listedNotRuns.length);
  const missed = sum((o) => o.missed.length);
  const allFields = outcomes.flatMap((o) => o.fields);
  const right = allFields.filter((f) => f.right).length;
  rows.push(row('total', total, notRuns, missed, right, allFields.length));
  console.log(
    `Real-world corpus: ${outcomes.length} repositories, ${sum((o) => o.pyFiles)} Python files (scan: the Workspace Report's folder scan; parse: a bare single-thread tree-sitter parse of every .py file)\n`,
  );
  console.log(table(rows));

  const some = (files: readonly string[], n: number) =>
    (verbose || files.length <= n ? files : [...files.slice(0, n), '…']).map(safe).join(', ');
  console.log(`\nListed files that are not runs (${verbose ? 'all' : 'up to 5 per repository'}):`);
  for (const o of outcomes) if (o.listedNotRuns.length) console.log(`  ${o.repo}: ${some(o.listedNotRuns, 5)}`);
  console.log(
    `\nRun files missed (no run listed, not drawn into another run; ${verbose ? 'all' : 'up to 10 per repository'}):`,
  );
  for (const o of outcomes)
    if (o.missed.length)
      console.log(
        `  ${o.repo} (${o.missed.length} of ${o.runFiles}, ${pct(o.missed.length, o.runFiles).toFixed(0)}%): ${some(o.missed, 10)}`,
      );

  console.log('\nLabelled fields read right:');
  const fieldRows = [['field', 'right', 'labelled', '%']];
  for (const field of FIELDS) {
    const of = allFields.filter((f) => f.field === field);
    if (of.length)
      fieldRows.push([
        field,
        String(of.filter((f) => f.right).length),
        String(of.length),
        pct(of.filter((f) => f.right).length, of.length).toFixed(0),
      ]);
  }
  fieldRows.push(['total', String(right), String(allFields.length), pct(right, allFields.length).toFixed(1)]);
  console.log(table(fieldRows));
  console.log('\nMisread fields (repository: file · field · expected → got):');
  for (const o of outcomes)
    for (const f of o.fields.filter((x) => !x.right))
      console.log(`  ${o.repo}: ${safe(f.file)} · ${f.field} · ${safe(f.expected)} → ${safe(f.got)}`);
  const missing = outcomes.flatMap((o) => o.missingLabelled.map((m) => `${o.repo}: ${m}`));
  if (missing.length)
    console.log(`\nLabelled files absent from the snapshots (scored as no run): ${missing.map(safe).join(', ')}`);

  console.log(
    `\nRuns shown with a made-up model size (default size, no unknown flag): ${total.madeUp} of ${total.runs}`,
  );
  console.log(
    `BENCH corpus: fields_right_pct=${pct(right, allFields.length).toFixed(1)} listed_not_runs_pct=${pct(notRuns, total.listed).toFixed(1)} runs_missed=${missed} runs_missed_pct=${pct(missed, total.runFiles).toFixed(1)} made_up_sizes=${total.madeUp} scan_over_parse=${(total.scanMs / Math.max(total.parseMs, 1e-9)).toFixed(2)} files_listed=${total.listed}`,
  );
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exitCode = 1;
});
