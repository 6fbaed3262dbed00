import { nonRunPlaceReason, type EntryPointRules } from '../resolve/entryPoint';
import {
  countClassIn,
  FILE_TIME_BUDGET_MS,
  parseWithin,
  analyzeFileFacts,
  fileKindOf,
  notARunReason,
  readFileFacts,
  resultsRecordReason,
  walkLinks,
  type FileFacts,
  type FileKind,
  type LinkedAnalysis,
  type LinkTarget,
} from '../analyze';
import { readMeasurements, type MeasurementFile } from '../calibration/readMeasurements';
import type { PythonParsing } from '../parse/pythonParser';
import type { EstimateSettings, Overrides } from '../runSpec';
import { mayStartARun } from './prefilter';
import { mayBeConfigModule } from '../extract/python/index';
import { ModuleWorld } from '../extract/python/moduleWorld';
import { definitionsOnlyReason } from '../extract/python/libraryText';
import { documentationFacts, type DocumentedLaunch, type DocumentedSize } from '../extract/documentedLaunch';
import type { ArgConfigLink } from '../extract/config/configArgparse';
import { HeapTrimmer } from './heapTrim';

/**
 * One file's work in a folder scan, and the contract between the scan (which reads
 * files and knows the folder) and whatever analyses them: a pool of worker threads,
 * or this thread. Everything here crosses a thread boundary, so it is plain data.
 */

export interface ScanJob {
  /** Absolute POSIX path (also the key linked references resolve to). */
  readonly path: string;
  readonly display: string;
  readonly bytes: Uint8Array;
  /** Code and configs are analysed; CodeCarbon files and model cards are only read. */
  readonly role: 'code' | 'measurement';
  readonly settings: EstimateSettings;
  readonly overrides: Overrides;
  /** What is not a run by its place (tests, CI, docs); `display` is the path these rules see. */
  readonly entryRules?: EntryPointRules;
  /** A harness's defaults file sits above this config (config/defaultsFile.ts): read it even without a config word. */
  readonly overridesDefaults?: boolean;
  /** Commands of the repository's README or docs pages that launch this file (scan/documentedLaunches.ts). */
  readonly documented?: readonly DocumentedLaunch[];
  /** The program a configargparse `.txt` or a flat parameter YAML is the config of (folderScan.ts). */
  readonly argConfig?: ArgConfigLink;
  /** The model size a table of the repository's documentation gives this file (documentedSizes.ts). */
  readonly documentedSize?: DocumentedSize;
}

/** A reference a run names (`torchrun train.py`, `--config_file a.yaml`), from the file that names it. */
export interface LinkRequest {
  readonly from: string;
  readonly reference: string;
}

export interface LinkAnswer extends LinkRequest {
  /** The file it names, or null when the folder has no such file. */
  readonly target: {
    readonly path: string;
    readonly display: string;
    readonly hash: string;
    readonly bytes: Uint8Array;
  } | null;
}

/** Asks the scan for the files some references name (it resolves them and reads them). */
export type FetchLinks = (requests: readonly LinkRequest[]) => Promise<LinkAnswer[]>;

export type ScanJobResult =
  | {
      readonly role: 'code';
      readonly analysis: LinkedAnalysis;
      /** Time the analysis took on its thread. */ readonly ms: number;
    }
  | { readonly role: 'measurement'; readonly measurement: MeasurementFile | undefined }
  | { readonly role: 'failed'; readonly reason: string };

/** Where a scan's files are analysed. */
export interface FileAnalyser {
  /** How many files it works on at once (the scan reads ahead of that). */
  readonly concurrency: number;
  /**
   * `large`: a file whose reading takes a lot of memory (the scan hands these over one at a time);
   * they all go to the same thread, so only one thread's heap grows to hold them.
   */
  analyse(job: ScanJob, fetchLinks: FetchLinks, large?: boolean): Promise<ScanJobResult>;
  dispose(): Promise<void>;
}

const decoder = new TextDecoder('utf-8');

/**
 * Facts of linked files by path and content hash: a config that many launch scripts
 * name is parsed once per analyser, not once per script. Bounded, oldest out first.
 */
export class LinkedFactsMemo {
  private readonly entries = new Map<string, FileFacts>();
  constructor(private readonly capacity = 64) {}

  factsOf(
    path: string,
    hash: string,
    bytes: Uint8Array,
    python: PythonParsing,
    positional?: readonly string[],
  ): FileFacts {
    const key = `${hash}\u0000${path}${positional ? `\u0000${JSON.stringify(positional)}` : ''}`;
    const held = this.entries.get(key);
    if (held) return held;
    // A copy: facts cut from the text would keep the whole text alive (see InThreadAnalyser.analyse), and the
    // memo holds up to `capacity` files of up to 2 MB each.
    const facts = structuredClone(readFileFacts({ path, text: decoder.decode(bytes), positional }, python));
    this.entries.set(key, facts);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
    return facts;
  }
}

/**
 * Why a file that starts a run is left out without being read, if it is: a Python program, config or shell
 * script where runs are not (tests, CI, docs, the user's exclusions; only a directive brings it back, and reading
 * it would show nothing else; a module of constants is still read, as only its facts make it a config), a library module whose text
 * shows that nothing of it runs when it is executed (libraryText.ts), or a file of results (an
 * evaluation's metrics, a trainer's state), which come by the thousand and may embed the configuration they were
 * made with. A run that links to the file still reads it.
 */
function leftOutUnread(job: ScanJob, kind: FileKind | null, text: string): string | undefined {
  if (text.includes('\u0000') || text.includes('green-ai:')) return undefined;
  if (kind === 'python')
    return mayBeConfigModule(text)
      ? undefined
      : (nonRunPlaceReason(job.display, text, job.entryRules) ?? definitionsOnlyReason(text));
  // A config or shell script where runs are not (a CI workflow, a test's config) cannot be brought back by its
  // own facts (only Python readers and directives say a file is a run), so reading it would show nothing.
  // Notebooks are read: their code is Python.
  if (kind !== 'notebook') {
    const byPath = nonRunPlaceReason(job.display, text, job.entryRules);
    if (byPath) return byPath;
  }
  return resultsRecordReason(job.path, text);
}

/** Rounds of link fetching per file: links are followed two files deep, so three rounds always settle. */
const MAX_LINK_ROUNDS = 4;

/**
 * Analyses one file: decides from its text whether it can hold anything a run needs
 * (most files cannot, and are never parsed), reads its facts, fetches the files its
 * runs link to (only those, only when named) and estimates its runs. Never throws.
 */
export async function runScanJob(
  job: ScanJob,
  python: PythonParsing,
  fetchLinks: FetchLinks,
  memo: LinkedFactsMemo,
): Promise<ScanJobResult> {
  const started = performance.now();
  // The modules a run's network class is counted through (analyze.ts countClassIn), parsed once for the whole job.
  const world = new ModuleWorld((code) => parseWithin(python, code, started + FILE_TIME_BUDGET_MS));
  try {
    const text = decoder.decode(job.bytes);
    if (job.role === 'measurement')
      return { role: 'measurement', measurement: readMeasurements(job.path, job.display, text) };
    const kind = fileKindOf(job.path);
    // A `.txt` is a run only as the config of a program the scan found for it (configArgparse.ts).
    if (kind === 'argconfig' && !job.argConfig)
      return {
        role: 'code',
        analysis: { kind, runs: [], problems: [], errors: [], facts: [], linkedFiles: [] },
        ms: performance.now() - started,
      };
    // Before any parsing: a file that cannot form a run is read only when a run links to it (fetchLinks).
    // (A binary file goes on to readFileFacts, which reports it as skipped.)
    // A YAML the scan found a program for (yamlProgramConfig.ts) is read as that program's launch whatever its words.
    // So is a YAML/JSON config a README documents as a program's argument (documentedConfigLaunch): the launch says it.
    // (Not for the program's launches given to every config it runs, programLaunches.ts: those say only its devices.)
    const documentedConfig = job.documented?.some((l) => !l.ofProgram) === true && (kind === 'yaml' || kind === 'json');
    if (
      kind &&
      !text.includes('\u0000') &&
      !job.overridesDefaults &&
      !job.argConfig &&
      !documentedConfig &&
      !mayStartARun(text, kind)
    )
      return {
        role: 'code',
        analysis: { kind, runs: [], problems: [], errors: [], facts: [], linkedFiles: [] },
        ms: performance.now() - started,
      };
    const byPath = leftOutUnread(job, kind, text);
    if (byPath)
      return {
        role: 'code',
        analysis: { kind, runs: [], problems: [], errors: [], facts: [], linkedFiles: [], notARun: byPath },
        ms: performance.now() - started,
      };
    const read = readFileFacts(
      job.argConfig
        ? { path: job.path, text, relativePath: job.display, argConfig: job.argConfig }
        : { path: job.path, text },
      python,
    );
    // What the repository's documentation says of the file: its documented launches' hardware and program, the size
    // its model tables give it (documentedLaunch.ts).
    const documented =
      job.documented || job.documentedSize ? documentationFacts(job.display, text, read.facts, job) : [];
    const own = documented.length > 0 ? { ...read, facts: [...read.facts, ...documented] } : read;
    const input = { path: job.path, text, relativePath: job.display, entryRules: job.entryRules };
    // A file that forms no run (no fact, or not a run by its place or kind: a CI workflow naming scripts)
    // never reads the files it names (analyzeFileFacts returns before it would): they are not fetched.
    const formsNoRun = !own.kind || own.facts.length === 0 || notARunReason(input, own.facts) !== undefined;
    const known = new Map<string, LinkTarget | null>();
    const keyOf = (from: string, reference: string) => `${from}\u0000${reference}`;
    const resolveKnown = (from: string, reference: string) => known.get(keyOf(from, reference)) ?? undefined;
    const linkTargetOf = (target: NonNullable<LinkAnswer['target']>): LinkTarget => {
      let facts: FileFacts | undefined;
      let text: string | undefined;
      const textOf = () => (text ??= decoder.decode(target.bytes));
      return {
        path: target.path,
        display: target.display,
        readFacts: () => (facts ??= memo.factsOf(target.path, target.hash, target.bytes, python)),
        readFactsWith: (positional) => memo.factsOf(target.path, target.hash, target.bytes, python, positional),
        readText: textOf,
        // Counted again in each round of the walk, as the modules it needs arrive; each module parsed once.
        countClass: (build, lookup) => countClassIn(target.path, textOf(), build, python, lookup, undefined, world),
      };
    };
    for (let round = 0; round < (formsNoRun ? 0 : MAX_LINK_ROUNDS); round++) {
      // Walk the links with what is fetched so far; what the walk reaches and lacks is fetched next.
      const missing = new Map<string, LinkRequest>();
      walkLinks(job.path, own, (from, reference) => {
        const key = keyOf(from, reference);
        if (!known.has(key)) missing.set(key, { from, reference });
        return resolveKnown(from, reference);
      });
      if (missing.size === 0) break;
      const answers = await fetchLinks([...missing.values()]);
      for (const request of missing.values()) known.set(keyOf(request.from, request.reference), null);
      for (const answer of answers) {
        known.set(keyOf(answer.from, answer.reference), answer.target && linkTargetOf(answer.target));
      }
    }
    const analysis = analyzeFileFacts(input, own, job.settings, job.overrides, resolveKnown);
    return { role: 'code', analysis, ms: performance.now() - started };
  } catch (e) {
    return { role: 'failed', reason: `analysis failed: ${(e as Error).message}` };
  } finally {
    world.dispose();
  }
}

/** Analyses on the calling thread, one file at a time: the fallback where worker threads cannot run. */
export class InThreadAnalyser implements FileAnalyser {
  readonly concurrency = 1;
  private readonly memo = new LinkedFactsMemo();
  private readonly heap = new HeapTrimmer();

  constructor(private readonly python: PythonParsing) {}

  async analyse(job: ScanJob, fetchLinks: FetchLinks): Promise<ScanJobResult> {
    // Let progress, cancellation and other callers in between files.
    await new Promise((resolve) => setImmediate(resolve));
    // The scan keeps every result until it ends. A string cut from a file's text (a regex match, a slice) is a
    // view that keeps V8 holding the whole text, so results made here would hold every file read on this
    // thread (on a folder of large notebooks, ~30 MB of heap more at the peak than with workers alone).
    // A copy, as a worker's result is copied when posted, holds only what it says.
    const result = structuredClone(await runScanJob(job, this.python, fetchLinks, this.memo));
    this.heap.afterFile();
    return result;
  }

  async dispose(): Promise<void> {}
}
