import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { classLinkCandidates } from '../core/scan/diskClassIndex';
import {
  analyzeText,
  fileKindOf,
  linkCandidates,
  MAX_FILE_BYTES,
  maxBytesOf,
  type LinkedAnalysis,
  type LinkedFileReader,
} from '../core/analyze';
import { FolderScanCache, SkipFile } from '../core/scan/folderScan';
import type { EntryPointRules } from '../core/resolve/entryPoint';
import { chooseScanAnalyser } from '../core/scan/scanAnalyser';
import { userCodeCacheDir } from '../launch/codeCache';
import { allowScanGarbageCollection } from '../core/scan/heapTrim';
import {
  isInside,
  listFolder,
  readRegularText,
  readRegularFile,
  realFolder,
  UnsafeFileError,
  writeFileInside,
  SKIPPED_FOLDERS,
} from '../core/scan/safeFiles';
import { isMeasurementFile } from '../core/calibration/measurement';
import { isDocumentationFile } from '../core/scan/documentedLaunches';
import { readMeasurements, type MeasurementFile } from '../core/calibration/readMeasurements';
import { matchMeasurements, type MeasuredComparison } from '../core/calibration/match';
import { proposeCalibration } from '../core/calibration/calibrate';
import { suggestImprovements } from '../core/advise/suggest';
import { estimateRun } from '../core/estimate/estimateRun';
import { loadPythonParsing, wasmLocationIn, type PythonParsing } from '../core/parse/pythonParser';
import { CliOutputSchema, CliRunSchema, type CliOutput, type CliRun } from '../core/report/cliSchema';
import {
  co2eRangeText,
  defaultRequestsNote,
  formatEnergy,
  formatHours,
  locationText,
  measuredText,
  regionNoticeText,
  runsIn,
  runsToCsv,
  runsToMarkdown,
  servingText,
  sig,
  totalCo2eKg,
} from '../core/report/format';
import { printable } from '../core/report/neutralise';
import { unknownAcceleratorMessage, unknownRegionMessage } from '../core/resolve/knownIds';
import { toCliRun } from '../core/report/toCli';
import { equivalents } from '../core/report/equivalents';
import { completeRun, RunInputError } from '../core/resolve/completeRun';
import { DEFAULT_SETTINGS, RunSpecSchema, type EstimateSettings, type Overrides } from '../core/runSpec';
import {
  applyWorkspaceConfig,
  InvalidWorkspaceConfig,
  MAX_WORKSPACE_CONFIG_BYTES,
  parseWorkspaceConfig,
  withCalibration,
  WORKSPACE_CONFIG_FILE,
} from '../core/workspaceConfig';
import { locateRun, type RunLocations } from '../core/report/locatedRun';
import { runsToSarif } from '../core/report/sarif';
import { runDiffCommand } from './diffCommand';

/**
 * `green-ai estimate|report`: the core without VS Code. Bad input exits 2 with
 * a message naming the problem; over budget exits 3 (docs/CLI-CONTRACT.md).
 * It fails closed: an id it does not know, a run it cannot estimate or a file it
 * cannot read safely is an error, never a silently smaller report that passes a
 * budget gate; a bug of ours exits 4 after printing what was estimated.
 */

/** Exit statuses (the CLI contract): documented in --help and README. */
export const EXIT = { ok: 0, usage: 2, overBudget: 3, internal: 4 } as const;

declare const GREEN_AI_VERSION: string;
const VERSION = typeof GREEN_AI_VERSION === 'string' ? GREEN_AI_VERSION : '0.0.0-dev';

export class UsageError extends Error {}

const HELP: Record<string, string> = {
  main: `green-ai ${VERSION}: estimate the energy and CO2e of ML training code without running it

Usage:
  green-ai estimate PATH... [--json | --markdown] [overrides]
  green-ai estimate --spec FILE.json [--json | --markdown] [overrides]
  green-ai report DIR [--json | --markdown | --csv] [--budget-kg N] [--exclude GLOB]... [overrides]
  green-ai calibrate DIR [--write] [--json]
  green-ai diff BASE HEAD | --git REF [DIR] [--staged] [--json | --markdown | --sarif] [--budget-delta-kg N] [--budget-kg N]
  green-ai --version | --help | COMMAND --help

Overrides: --accelerator ID --count N --region ID --pue X --intensity G_PER_KWH --mfu X --no-embodied
Exit status: 0 ok; 2 bad arguments, unreadable input, an unknown region or
accelerator, or a run that could not be estimated; 3 a run over --budget-kg or one
whose size must be given first (diff: or a change over --budget-delta-kg);
4 an internal error (a bug: what could be estimated is still printed).`,
  estimate: `green-ai estimate PATH... [--json | --markdown] [overrides]
green-ai estimate --spec FILE.json [--json | --markdown] [overrides]

Every run found in the given Python, notebook, YAML/JSON config or shell files,
or the run described by a spec file (see CLI-CONTRACT.md).`,
  report: `green-ai report DIR [--json | --markdown | --csv | --sarif] [--budget-kg N] [overrides]

Every run in a folder tree (skipping .git, node_modules and virtualenvs), with totals.
Tests, CI workflows, docs, packaging and library modules are not runs; --exclude GLOB
(repeatable, relative to DIR) leaves out more, and \`# green-ai: run\` in a file lists it.
Runs whose model size cannot be read are listed as needing input, without a figure,
and left out of the total.
--budget-kg N exits 3 when a run's central CO2e estimate exceeds N kg, or when a run
cannot be checked because its model size is unknown.
Measured runs (CodeCarbon emissions*.csv, model cards' co2_eq_emissions) that
match a run are shown next to its estimate.
--sarif prints SARIF 2.1.0 for code scanning: a result per run over the budget and per suggestion.`,
  calibrate: `green-ai calibrate DIR [--write] [--json]

Compares the runs in DIR with their measurements (CodeCarbon emissions*.csv
next to the script, or a matching project_name) and proposes a utilisation and
a power factor for this team's machines. --write stores them in DIR/.greenai.json
(other fields kept); estimates then show the calibration in their assumptions.`,
  diff: `green-ai diff BASE HEAD [--json | --markdown | --sarif] [--budget-delta-kg N] [--budget-kg N] [overrides]
green-ai diff --git REF [DIR] [--staged] [same options]

What a change does to the runs' footprint: runs added, removed and changed, with
their CO2e and energy before and after and the inputs that changed (epochs 3 → 10).
BASE and HEAD are folders; --git REF compares the revision REF with the working tree
of DIR (default: the current folder), or with the staged files (--staged), reading
the revision through git without checking it out. Renamed files keep their runs.
--markdown is a pull-request comment; --sarif the runs this change adds or changes.
--budget-delta-kg N exits 3 when the change adds more than N kg CO2e in total;
--budget-kg N (default: budgetKg in the head's .greenai.json) exits 3 when the
change adds a run over N kg, or makes one over N kg grow.`,
};

const OPTIONS = {
  json: { type: 'boolean' },
  markdown: { type: 'boolean' },
  csv: { type: 'boolean' },
  spec: { type: 'string' },
  'budget-kg': { type: 'string' },
  accelerator: { type: 'string' },
  count: { type: 'string' },
  region: { type: 'string' },
  pue: { type: 'string' },
  intensity: { type: 'string' },
  mfu: { type: 'string' },
  'no-embodied': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  write: { type: 'boolean' },
  exclude: { type: 'string', multiple: true },
  sarif: { type: 'boolean' },
  git: { type: 'string' },
  staged: { type: 'boolean' },
  'budget-delta-kg': { type: 'string' },
} as const;

function numberOption(
  name: string,
  raw: string | undefined,
  min: number,
  max: number,
  integer = false,
): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min || n > max || (integer && !Number.isInteger(n))) {
    throw new UsageError(
      `--${name} must be ${integer ? 'an integer' : 'a number'} between ${min} and ${max}, got "${raw}"`,
    );
  }
  return n;
}

const SKIP_DIRS = SKIPPED_FOLDERS;

/**
 * The files of a folder the scan reads: regular files only, links followed only inside the folder;
 * FIFOs, devices, sockets and links out of the folder come back as skipped, with why.
 */
function candidatesUnder(dir: string) {
  return listFolder(dir, {
    accept: (name, display) => Boolean(fileKindOf(name) || isMeasurementFile(name) || isDocumentationFile(display)),
    skipDirs: SKIP_DIRS,
  });
}

export interface CliIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  color: boolean;
}

/** Terminal output: text from files passes through printable(), so a YAML value cannot send escape sequences. */
/** ` per 1M requests (no count in the code)` after an inference total whose request count is the default. */
function perRequestsText(r: CliRun): string {
  const note = defaultRequestsNote(r.assumptions);
  return note ? ` ${note}` : '';
}

function humanTable(runs: readonly CliRun[], io: CliIo): string {
  if (runs.length === 0) return 'No training or inference runs found.\n';
  const bold = (s: string) => (io.color ? `\u001b[1m${s}\u001b[0m` : s);
  const out: string[] = [];
  const notice = regionNoticeText(runs);
  if (notice) out.push(notice, '');
  for (const r of runs) {
    out.push(
      `${bold(printable(locationText(r)))}  ${printable(r.model.name ?? 'unknown model')} · ${r.training.mode} · ${r.hardware.count}× ${printable(r.hardware.accelerator ?? '?')} · ${printable(r.hardware.region ?? '?')}`,
    );
    if (r.incomplete) {
      for (const m of r.missing ?? []) out.push(`  needs input: ${printable(m.detail)}; ${printable(m.howToSet)}`);
      continue;
    }
    out.push(
      `  ${co2eRangeText(r)}${r.trials ? ` per run, × ${r.trials.count} runs (${printable(r.trials.detail)})` : ''}${perRequestsText(r)} · ${formatEnergy(r.estimate.energyKWh)} · ${sig(r.estimate.acceleratorHours ?? 0)} accelerator-h · ${formatHours(r.estimate.wallClockHours)} wall-clock`,
    );
    if (r.estimate.co2eKg !== null && r.estimate.energyKWh !== null)
      out.push(
        `  ${equivalents(r.estimate.co2eKg, r.estimate.energyKWh)
          .map((e) => e.text)
          .join(' · ')}`,
      );
    const serving = servingText(r);
    if (serving) out.push(`  serving: ${printable(serving)}`);
    if (r.measured)
      out.push(`  measured: ${printable(measuredText(r.measured))} · ${printable(r.measured.file)}:${r.measured.line}`);
    for (const s of r.suggestions) out.push(`  → ${printable(s.title)}: saves ${sig(s.co2eKgSaved)} kg CO2e`);
  }
  const estimated = runs.filter((r) => !r.incomplete);
  const waiting = runs.length - estimated.length;
  const count = estimated.reduce((n, r) => n + runsIn(r), 0);
  if (count > 1 || waiting > 0) {
    out.push(
      '',
      bold(
        `Total: ${sig(totalCo2eKg(estimated))} kg CO2e across ${count} runs${waiting ? ` (${waiting} more need${waiting === 1 ? 's' : ''} input and ${waiting === 1 ? 'is' : 'are'} not counted)` : ''}`,
      ),
    );
  }
  return out.join('\n') + '\n';
}

/**
 * `.greenai.json` of the folder: read only if it is a regular file inside the folder. A file that
 * cannot be used as a whole, or that names an unknown region or accelerator, is an error (exit 2):
 * committing a broken one must not make a budget gate pass. A single invalid field is a warning.
 */
function teamSettings(folder: string, io: CliIo): EstimateSettings {
  const file = path.join(folder, WORKSPACE_CONFIG_FILE);
  if (!fs.existsSync(file) && !isSymlink(file)) return DEFAULT_SETTINGS;
  let text: string;
  try {
    text = readRegularText(file, { root: realFolder(folder), maxBytes: MAX_WORKSPACE_CONFIG_BYTES }).text;
  } catch (e) {
    if (e instanceof UnsafeFileError) throw new UsageError(`${printable(e.file)}: ${e.reason}`);
    throw e;
  }
  const { config, problems, errors } = parseWorkspaceConfig(text);
  if (errors.length > 0) throw new UsageError(errors.map((e) => printable(e)).join('\ngreen-ai: '));
  for (const p of problems)
    if (!errors.includes(p)) io.stderr(`green-ai: warning: ${printable(p)}; that field is ignored\n`);
  return applyWorkspaceConfig(DEFAULT_SETTINGS, config);
}

/**
 * Linked files are looked up next to the file that names them, then from the base folder, and read
 * only when they are regular files inside `root` (`json.load(open('../../x/secret.json'))` or
 * `torchrun /abs/x.py` must not read, let alone print, a file outside the folder).
 */
function linkReader(base: string, root: string): LinkedFileReader {
  return (fromPath, reference) => {
    // A class a config names (`class:RCAN`) is found among the folder's modules (scan/diskClassIndex.ts).
    for (const candidate of classLinkCandidates(reference, root) ?? linkCandidates(fromPath, reference, base, path)) {
      try {
        const { text } = readRegularText(candidate, { root, maxBytes: MAX_FILE_BYTES });
        return { path: candidate, display: path.relative(base, candidate) || path.basename(candidate), text };
      } catch {
        // not there, not a regular file, or outside the folder: try the next place
      }
    }
    return undefined;
  };
}

/** The folder an `estimate FILE` may read linked files from: the current folder, or the file's own when it lies elsewhere. */
function estimateRoot(file: string): string {
  const cwd = realFolder(process.cwd());
  const real = fs.realpathSync.native(file);
  return isInside(cwd, real) ? cwd : path.dirname(real);
}

/** A run as the contract's JSON, or the reason it cannot be (a number that is not finite). */
function validRun(run: CliRun, errors: string[]): CliRun | null {
  const checked = CliRunSchema.safeParse(run);
  if (checked.success) return run;
  const issue = checked.error.issues[0];
  errors.push(
    `${locationText(run)}: the run cannot be reported: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid'}`,
  );
  return null;
}

async function parsing(): Promise<PythonParsing> {
  return loadPythonParsing(wasmLocationIn(__dirname));
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    return await runCliUnsafe(argv, io);
  } catch (e) {
    if (e instanceof UsageError || e instanceof RunInputError) {
      io.stderr(`green-ai: ${e.message.split('\n').map(printable).join('\n')}\n`);
      return EXIT.usage;
    }
    const err = e as { code?: string; message?: string };
    if (err && typeof err.code === 'string' && /^E[A-Z]+$/.test(err.code)) {
      io.stderr(`green-ai: ${printable(err.message ?? err.code)}\n`);
      return EXIT.usage;
    }
    if (
      (err && err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') ||
      (err && typeof err.code === 'string' && err.code.startsWith('ERR_PARSE_ARGS'))
    ) {
      io.stderr(`green-ai: ${err.message}\nRun green-ai --help for usage.\n`);
      return 2;
    }
    io.stderr(`green-ai: internal error (please report it): ${printable(err?.message ?? String(e))}\n`);
    return EXIT.internal;
  }
}

async function runCliUnsafe(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    options: OPTIONS,
    allowPositionals: true,
    strict: true,
  });
  const [command, ...paths] = positionals;
  if (values.version) {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  if (values.help || !command) {
    io.stdout(`${HELP[command ?? 'main'] ?? HELP.main}\n`);
    return command || values.help ? 0 : 2;
  }
  if (command !== 'estimate' && command !== 'report' && command !== 'calibrate' && command !== 'diff')
    throw new UsageError(`unknown command "${command}" (expected estimate, report, calibrate or diff)`);
  if (command !== 'diff' && (values.git !== undefined || values.staged || values['budget-delta-kg'] !== undefined))
    throw new UsageError('--git, --staged and --budget-delta-kg apply to green-ai diff');
  if (values.sarif && command !== 'report' && command !== 'diff')
    throw new UsageError('--sarif applies to green-ai report and green-ai diff');
  if (values.write && command !== 'calibrate') throw new UsageError('--write applies to green-ai calibrate');
  if (command === 'calibrate') return calibrate(paths, values.write ?? false, values.json ?? false, io);
  const formats = (['json', 'markdown', 'csv', 'sarif'] as const).filter((f) => values[f]);
  if (formats.length > 1) throw new UsageError(`choose one output format, got --${formats.join(' and --')}`);
  if (command === 'estimate' && values.csv)
    throw new UsageError('--csv is a report format; use green-ai report DIR --csv');
  if (command === 'estimate' && values['budget-kg'] !== undefined)
    throw new UsageError('--budget-kg applies to green-ai report');

  // Unknown ids fail up front with the nearest known ones, before anything is read.
  if (values.region !== undefined) {
    const unknown = unknownRegionMessage(values.region, '--region');
    if (unknown) throw new UsageError(unknown);
  }
  if (values.accelerator !== undefined) {
    const unknown = unknownAcceleratorMessage(values.accelerator, '--accelerator');
    if (unknown) throw new UsageError(unknown);
  }
  const overrides: Overrides = {
    accelerator: values.accelerator,
    count: numberOption('count', values.count, 1, 1_000_000, true),
    region: values.region,
    pue: numberOption('pue', values.pue, 1, 3),
    intensityGPerKWh: numberOption('intensity', values.intensity, 0, 2000),
    mfu: numberOption('mfu', values.mfu, 0.01, 1),
    noEmbodied: values['no-embodied'] ?? false,
  };
  const budget = numberOption('budget-kg', values['budget-kg'], 0, 1e12);
  if (command === 'diff') {
    if (values.csv) throw new UsageError('--csv is a report format; diff prints text, --json, --markdown or --sarif');
    return runDiffCommand(
      {
        paths,
        gitRef: values.git,
        staged: values.staged ?? false,
        format: formats.find((f) => f !== 'csv') ?? 'text',
        overrides,
        budgetKg: budget,
        budgetDeltaKg: numberOption('budget-delta-kg', values['budget-delta-kg'], -1e12, 1e12),
      },
      {
        io,
        version: VERSION,
        // Regular files inside the folder only (listFolder), as report reads them.
        filesUnder: (dir) => candidatesUnder(dir).files.map((f) => f.path),
        scans: (relative) =>
          relative
            .split('/')
            .every((part, i, all) =>
              i < all.length - 1
                ? !SKIP_DIRS.has(part)
                : Boolean(fileKindOf(part) || isMeasurementFile(part) || isDocumentationFile(relative)),
            ),
        parsing,
        usageError: (message) => new UsageError(message),
      },
    );
  }
  // Team defaults from .greenai.json in the report folder (or the current folder); flags still win.
  const teamFolder = command === 'report' && paths[0] ? paths[0] : process.cwd();
  const settings = teamSettings(teamFolder, io);
  const runs: CliRun[] = [];
  /** Where each report run's deciding facts are, for --sarif. */
  const runLocations = new Map<CliRun, { locations: RunLocations; index: number }>();
  const problems: string[] = [];
  const leftOut: Array<{ file: string; reason: string }> = [];
  if (values.exclude && command !== 'report') throw new UsageError('--exclude applies to green-ai report');
  /** Runs that could not be estimated, unknown ids in files: they fail the command (exit 2). */
  const errors: string[] = [];
  /** Files our own code failed on (exit 4, after printing the rest). */
  const internalErrors: string[] = [];

  if (command === 'estimate' && values.spec) {
    if (paths.length > 0) throw new UsageError('give either --spec FILE or PATHs, not both');
    let raw: unknown;
    let specText: string;
    try {
      // A spec named on the command line may be anywhere, but it must be a regular file (a FIFO would block).
      specText = readRegularText(values.spec, { maxBytes: MAX_FILE_BYTES }).text;
    } catch (e) {
      if (e instanceof UnsafeFileError) throw new UsageError(`cannot read ${printable(values.spec)}: ${e.reason}`);
      throw e;
    }
    try {
      raw = JSON.parse(specText);
    } catch (e) {
      throw new UsageError(`${printable(values.spec)} is not valid JSON: ${(e as Error).message}`);
    }
    const parsed = RunSpecSchema.safeParse(raw);
    if (!parsed.success) {
      throw new UsageError(
        `${values.spec}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`,
      );
    }
    const run = completeRun(parsed.data, settings, overrides, { origin: 'spec' });
    const estimate = estimateRun(run);
    const suggestions = suggestImprovements(run, estimate.co2eKg, settings, overrides);
    const invalid: string[] = [];
    const cli = validRun(
      toCliRun(values.spec, {
        range: { startLine: 0, startCol: 0, endLine: 0, endCol: 0 },
        anchors: {},
        run,
        estimate,
        suggestions,
      }),
      invalid,
    );
    if (!cli)
      throw new UsageError(
        `${printable(values.spec)}: the estimate is not a finite number, a value in the spec is too large (${invalid.join('; ')})`,
      );
    runs.push(cli);
  } else {
    if (paths.length === 0)
      throw new UsageError(
        command === 'report'
          ? 'report needs a folder: green-ai report DIR'
          : 'estimate needs at least one file (or --spec FILE.json)',
      );
    if (command === 'report' && paths.length > 1) throw new UsageError('report takes one folder');
    const python = await parsing();
    const files: Array<{ file: string; display: string }> = [];
    for (const p of paths) {
      let stat: fs.Stats;
      try {
        stat = fs.statSync(p);
      } catch {
        throw new UsageError(`no such file or folder: ${printable(p)}`);
      }
      if (command === 'report') {
        if (!stat.isDirectory())
          throw new UsageError(`${printable(p)} is not a folder (report takes a folder; use estimate for files)`);
        const listing = candidatesUnder(p);
        for (const f of listing.files) files.push({ file: f.path, display: f.display });
        for (const s of listing.skipped) problems.push(`${s.display}: skipped, ${s.reason}`);
      } else if (stat.isDirectory()) {
        throw new UsageError(`${printable(p)} is a folder; use green-ai report ${printable(p)}`);
      } else {
        if (!fileKindOf(p))
          throw new UsageError(
            `${printable(p)}: not a file Green AI reads (Python, notebook, YAML, JSON or shell script)`,
          );
        if (!stat.isFile())
          throw new UsageError(`${printable(p)}: not a regular file (a FIFO, device or socket is never read)`);
        files.push({ file: p, display: p });
      }
    }
    const base = command === 'report' ? path.resolve(paths[0]) : process.cwd();
    let analysed: Array<{
      display: string;
      analysis: LinkedAnalysis;
      measured: ReadonlyArray<MeasuredComparison | null>;
    }>;
    if (command === 'report') {
      // The same scan as the editor's Workspace Report: links resolved within the folder,
      // a script launched by another file's run counted once, in that run.
      const result = await scanFolder(
        paths[0],
        files.map((f) => f.file),
        python,
        settings,
        overrides,
        { exclude: values.exclude ?? [] },
      );
      leftOut.push(...result.leftOut.map((l) => ({ file: l.display, reason: l.reason })));
      for (const s of result.skipped) problems.push(`${s.display}: skipped, ${s.reason}`);
      for (const m of result.measurementFiles) problems.push(...m.problems);
      analysed = result.files;
    } else {
      const plain: Array<{ path: string; display: string; analysis: LinkedAnalysis }> = [];
      for (const { file, display } of files) {
        let text: string;
        try {
          text = readRegularText(file, { maxBytes: maxBytesOf(file) }).text;
        } catch (e) {
          if (!(e instanceof UnsafeFileError)) throw e;
          if (e.kind === 'too-large') {
            problems.push(`${display}: skipped, ${e.reason}`);
            continue;
          }
          throw new UsageError(`${printable(display)}: ${e.reason}`);
        }
        plain.push({
          path: path.resolve(file),
          display,
          analysis: analyzeText(
            { path: path.resolve(file), text },
            python,
            settings,
            overrides,
            linkReader(base, estimateRoot(file)),
          ),
        });
      }
      // Measurements next to the estimated files (CodeCarbon writes emissions.csv where the script runs).
      const measurementFiles = measurementsBeside(plain.map((f) => f.path));
      for (const m of measurementFiles) problems.push(...m.problems);
      const matches = matchMeasurements(
        plain.flatMap((f) =>
          f.analysis.runs.map((analyzed) => ({
            path: f.path.split(path.sep).join('/'),
            analyzed,
            facts: f.analysis.facts,
          })),
        ),
        measurementFiles,
      );
      let next = 0;
      analysed = plain.map((f) => ({ ...f, measured: f.analysis.runs.map(() => matches[next++]) }));
    }
    for (const { display, analysis, measured } of analysed) {
      for (const p of analysis.problems)
        if (!p.message.startsWith('skipped')) problems.push(`${display}: ${p.message}`);
      for (const e of analysis.errors) errors.push(`${display}: ${e.message}`);
      if (analysis.internalError) internalErrors.push(`${display}: ${analysis.internalError}`);
      analysis.runs.forEach((r, i) => {
        const located = locateRun(display, r, i, [], measured[i] ?? null);
        const cli = validRun(located.cli, errors);
        if (!cli) return;
        runs.push(cli);
        runLocations.set(cli, { locations: located.locations, index: i });
      });
    }
  }

  if (command === 'report') runs.sort((a, b) => (b.estimate.co2eKg ?? 0) - (a.estimate.co2eKg ?? 0));
  const output: CliOutput = CliOutputSchema.parse({ version: 1, runs, ...(command === 'report' ? { leftOut } : {}) });
  for (const p of problems) io.stderr(`green-ai: warning: ${printable(p)}\n`);
  if (values.json) io.stdout(JSON.stringify(output, null, 2) + '\n');
  else if (values.markdown)
    io.stdout(runsToMarkdown(runs, command === 'report' ? 'Green AI workspace report' : 'Green AI estimate'));
  else if (values.csv) io.stdout(runsToCsv(runs));
  else if (values.sarif) {
    const located = runs.flatMap((cli) => {
      const at = runLocations.get(cli);
      return at ? [{ cli, ...at }] : [];
    });
    io.stdout(
      JSON.stringify(
        runsToSarif(located, {
          toolVersion: VERSION,
          budgetKg: budget,
          srcRoot: pathToFileURL(path.resolve(paths[0])).href,
        }),
        null,
        2,
      ) + '\n',
    );
  } else io.stdout(humanTable(runs, io));

  for (const e of errors) io.stderr(`green-ai: error: ${printable(e)}\n`);
  for (const e of internalErrors) io.stderr(`green-ai: internal error (please report it): ${printable(e)}\n`);
  if (budget !== undefined) {
    const over = runs.filter((r) => r.estimate.co2eKg !== null && r.estimate.co2eKg > budget);
    // A run that cannot be estimated cannot be shown to be within budget: the gate fails closed.
    const unchecked = runs.filter((r) => r.estimate.co2eKg === null);
    for (const r of over)
      io.stderr(
        `green-ai: over budget: ${printable(locationText(r))} ${sig(r.estimate.co2eKg ?? 0)} kg CO2e > ${budget} kg\n`,
      );
    for (const r of unchecked)
      io.stderr(
        `green-ai: cannot check against the budget: ${printable(locationText(r))} ${printable(r.missing?.[0]?.detail ?? 'has no estimate')}${r.missing?.[0] ? `; ${printable(r.missing[0].howToSet)}` : ''}\n`,
      );
    if (over.length > 0 || unchecked.length > 0) return EXIT.overBudget;
  }
  if (internalErrors.length > 0) return EXIT.internal;
  if (errors.length > 0) {
    io.stderr(
      `green-ai: ${errors.length} error${errors.length === 1 ? '' : 's'}: ${budget !== undefined ? 'the budget cannot be checked for what could not be estimated' : 'what could not be estimated is not in the output'}\n`,
    );
    return EXIT.usage;
  }
  return EXIT.ok;
}

/** The Workspace Report's scan over files of a folder (node fs): shared by report and calibrate. */
async function scanFolder(
  dir: string,
  files: readonly string[],
  python: PythonParsing,
  settings: EstimateSettings,
  overrides: Overrides,
  entryRules?: EntryPointRules,
) {
  const posix = (p: string) => path.resolve(p).split(path.sep).join('/');
  const root = realFolder(dir);
  // Each file is read only as a regular file inside the folder (it may have changed since it was listed).
  const read = async (file: string) => {
    try {
      return readRegularFile(file, { root, maxBytes: maxBytesOf(file) }).bytes;
    } catch (e) {
      if (e instanceof UnsafeFileError) throw new SkipFile(e.reason);
      throw e;
    }
  };
  // This thread and worker threads, one per other core: the worker entry sits beside the bundle (dist/) or, unbundled, in core/scan.
  const { analyser } = await chooseScanAnalyser({
    workerScripts: [path.join(__dirname, 'scanWorker.js'), path.join(__dirname, '../core/scan/scanWorker.js')],
    wasm: wasmLocationIn(__dirname),
    codeCacheDir: userCodeCacheDir(),
    python: async () => python,
    alsoThisThread: true,
    files: files.length,
  });
  try {
    return await new FolderScanCache().scan(
      files.map((file) => ({
        path: posix(file),
        display: path.relative(dir, file),
        size: sizeOf(file),
        read: () => read(file),
      })),
      { analyser, root: posix(dir), settingsFor: () => settings, overrides, entryRules },
    );
  } finally {
    await analyser.dispose();
  }
}

/** CodeCarbon files and model cards in the folders of the given files. */
function measurementsBeside(files: readonly string[]): MeasurementFile[] {
  const out: MeasurementFile[] = [];
  for (const dir of new Set(files.map((f) => path.dirname(f)))) {
    let names: string[];
    try {
      names = fs.readdirSync(dir).sort();
    } catch {
      continue;
    }
    let root: string;
    try {
      root = realFolder(dir);
    } catch {
      continue;
    }
    for (const name of names.filter(isMeasurementFile)) {
      const full = path.join(dir, name);
      try {
        // emissions.csv committed as a link to /dev/zero, or as a FIFO, is not read.
        const { text } = readRegularText(full, { root, maxBytes: MAX_FILE_BYTES });
        const read = readMeasurements(full.split(path.sep).join('/'), path.relative(process.cwd(), full) || name, text);
        if (read) out.push(read);
      } catch {
        // unreadable measurement files are not worth failing an estimate for
      }
    }
  }
  return out;
}

async function calibrate(paths: readonly string[], write: boolean, json: boolean, io: CliIo): Promise<number> {
  if (paths.length !== 1) throw new UsageError('calibrate takes one folder: green-ai calibrate DIR [--write]');
  const dir = paths[0];
  let stat: fs.Stats;
  try {
    stat = fs.statSync(dir);
  } catch {
    throw new UsageError(`no such folder: ${dir}`);
  }
  if (!stat.isDirectory()) throw new UsageError(`${dir} is not a folder`);
  const settings = teamSettings(dir, io);
  const listing = candidatesUnder(dir);
  for (const s of listing.skipped) io.stderr(`green-ai: warning: ${printable(s.display)}: skipped, ${s.reason}\n`);
  const result = await scanFolder(
    dir,
    listing.files.map((f) => f.path),
    await parsing(),
    settings,
    {},
  );
  for (const m of result.measurementFiles) for (const p of m.problems) io.stderr(`green-ai: warning: ${p}\n`);
  const pairs = result.files.flatMap((f) => f.measured.filter((m): m is MeasuredComparison => m !== null));
  const proposal = proposeCalibration(pairs, settings.calibration, new Date().toISOString().slice(0, 10));
  const measurements = result.measurementFiles.reduce((n, m) => n + m.measurements.length, 0);
  if ('problem' in proposal) {
    if (json)
      io.stdout(
        JSON.stringify(
          { version: 1, measurements, matched: pairs.length, calibration: null, problem: proposal.problem },
          null,
          2,
        ) + '\n',
      );
    else
      io.stdout(
        `${measurements} measured run${measurements === 1 ? '' : 's'} found, ${pairs.length} matched to code. No calibration: ${proposal.problem}.\n`,
      );
    return 0;
  }
  if (json) {
    io.stdout(
      JSON.stringify(
        {
          version: 1,
          measurements,
          matched: pairs.length,
          calibration: proposal.calibration,
          excluded: proposal.excluded,
          written: write,
        },
        null,
        2,
      ) + '\n',
    );
  } else {
    io.stdout(`${proposal.summary}.\n`);
    for (const e of proposal.excluded) io.stdout(`  not used: ${e.file}:${e.line}: ${e.reason}\n`);
  }
  if (write) {
    const file = path.join(dir, WORKSPACE_CONFIG_FILE);
    const root = realFolder(dir);
    try {
      const before =
        fs.existsSync(file) || isSymlink(file)
          ? readRegularText(file, { root, maxBytes: MAX_WORKSPACE_CONFIG_BYTES }).text
          : undefined;
      // Never through a link, never outside the folder (writeFileInside refuses both).
      writeFileInside(root, file, withCalibration(before, proposal.calibration));
    } catch (e) {
      if (e instanceof UnsafeFileError)
        throw new UsageError(`cannot write the calibration to ${printable(e.file)}: ${e.reason}`);
      if (e instanceof InvalidWorkspaceConfig) throw new UsageError(printable(e.message));
      throw e;
    }
    if (!json) io.stdout(`Written to ${printable(file)}.\n`);
  } else if (!json) {
    io.stdout(`Run again with --write to store it in ${path.join(dir, WORKSPACE_CONFIG_FILE)}.\n`);
  }
  return 0;
}

/** A listed file's size without following a link; undefined when it has gone (the read then says why). */
function sizeOf(file: string): number | undefined {
  try {
    return fs.lstatSync(file).size;
  } catch {
    return undefined;
  }
}

function isSymlink(file: string): boolean {
  try {
    return fs.lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

/** Runs the CLI on this process's arguments and streams (the bundle's entry, launch.ts, calls it). */
export function startCli(): void {
  // This process is the CLI's own: its scan threads may collect their garbage themselves (heapTrim.ts).
  allowScanGarbageCollection();
  const color = process.stdout.isTTY === true && !process.env.NO_COLOR;
  runCli(process.argv.slice(2), {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    color,
  }).then(
    (code) => {
      process.exitCode = code;
    },
    // runCli turns every error into a status; this only catches a failing write to stdout/stderr.
    (e: unknown) => {
      process.stderr.write(`green-ai: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = EXIT.internal;
    },
  );
}

if (require.main === module) startCli();
