import { hasDefaultsFile } from '../extract/config/defaultsFile';
import * as crypto from 'node:crypto';
import * as path from 'node:path';
import { fileKindOf, linkCandidates, maxBytesOf, withoutLinkedDuplicates, type LinkedAnalysis } from '../analyze';
import { ClassIndex, linkedClassName, MAX_INDEXED_FILES } from './classIndex';
import { extractShellFacts } from '../extract/shellFacts';
import type { Fact } from '../facts';
import { documentationCopiesOf } from './documentationCopies';
import {
  configsByName,
  docShellCommands,
  documentedLaunchIndex,
  isDocumentationFile,
  MAX_DOCUMENTATION_FILES,
  type DocCommand,
} from './documentedLaunches';
import type { PythonParsing } from '../parse/pythonParser';
import type { MeasurementFile } from '../calibration/readMeasurements';
import { matchMeasurements, type MeasuredComparison } from '../calibration/match';
import { isMeasurementFile } from '../calibration/measurement';
import type { EstimateSettings, Overrides } from '../runSpec';
import { LAUNCH_SCRIPT, packageRootsOf, vendoredRootsOf, type EntryPointRules } from '../resolve/entryPoint';
import type { DocumentedLaunch, DocumentedSize, FileDocumentation } from '../extract/documentedLaunch';
import { linkStubTarget, MAX_STUB_HOPS } from './linkStub';
import { documentedConfigProgramReason } from './documentedPrograms';
import { addProgramLaunches } from './programLaunches';
import { unrunConfigVerdicts } from './unrunConfigTrees';
import { docSizeRows, documentedSizeIndex, type SizeRow } from './documentedSizes';
import { MAX_SIBLINGS, siblingOverlap, topLevelYamlKeys, yamlKeyPaths } from './siblingConfigs';
import {
  configFamily,
  describesModelOnly,
  launchForSibling,
  MAX_CANDIDATES,
  MAX_DOCUMENTED_SIBLINGS,
  isFolderDefault,
  maySiblingPath,
  sameShape,
  topLevelConfigKeys,
} from './documentedSiblings';
import { InThreadAnalyser, type FetchLinks, type FileAnalyser, type LinkAnswer, type ScanJob } from './scanJob';
import {
  argConfigProgram,
  findArgConfigProgram,
  MAX_ARG_CONFIG_BYTES,
  type ArgConfigLink,
  type ArgConfigProgram,
} from '../extract/config/configArgparse';
import { MAX_YAML_CONFIG_BYTES, parseYamlTopLevel, yamlConfigProgram } from '../extract/config/yamlProgramConfig';

/**
 * Scans a folder's candidate files for runs. Files are read here, in order, and handed
 * to an analyser (a pool of worker threads, or this thread) a few at a time, so memory
 * holds only the files in flight; each finished file is reported as it finishes. A file
 * is parsed only if its text can hold a run (the prefilter); the files a run links to
 * are read when a run names them. A file's analysis is reused while neither it, what it
 * links to, nor the settings changed (content hashes; an unchanged size and modification
 * time spare even the read). Shared by the extension (files through workspace.fs), the
 * CLI and the benchmarks (node fs).
 */

/** Thrown by a source's read() to skip a file with a reason (too large, not a file). */
export class SkipFile extends Error {}

export interface ScanSource {
  /** Absolute path, POSIX separators (also the key linked references resolve to). */
  readonly path: string;
  /** As shown to the user (relative to the folder). */
  readonly display: string;
  /** Size in bytes when known before reading (lets huge files be skipped unread). */
  readonly size?: number;
  /** Size and modification time (ms), where cheap: when both are as last time, the file is not read again. */
  stat?(): Promise<{ readonly size: number; readonly mtime: number }>;
  read(): Promise<Uint8Array>;
}

/** A code or config file as analysed, before measured runs are matched. */
export interface AnalysedFile {
  readonly path: string;
  readonly display: string;
  readonly analysis: LinkedAnalysis;
}

/** A file as it is streamed during a scan: with the time its analysis took, unless it came from the cache. */
export interface StreamedFile extends AnalysedFile {
  readonly analysisMs?: number;
}

export interface ScannedFile extends AnalysedFile {
  /** Per run (same order as analysis.runs): the measured run it matches, if any. */
  readonly measured: ReadonlyArray<MeasuredComparison | null>;
}

export interface ScanResult {
  /** Files with their runs; a script launched by another file's run has its runs moved there. */
  readonly files: ScannedFile[];
  readonly skipped: Array<{ readonly path: string; readonly display: string; readonly reason: string }>;
  readonly cancelled: boolean;
  /** How many files were analysed this time (the rest came from the cache). */
  readonly analysed: number;
  /** CodeCarbon files and model cards found, with what could not be read in them. */
  readonly measurementFiles: MeasurementFile[];
  /** Files that would launch a run but are not runs (tests, CI, docs, library modules), with why. */
  readonly leftOut: Array<{ readonly path: string; readonly display: string; readonly reason: string }>;
}

export interface ScanOptions {
  /** Where files are analysed (a ScanWorkerPool); without one, on this thread with `python`. */
  readonly analyser?: FileAnalyser;
  readonly python?: PythonParsing;
  readonly root: string;
  readonly settingsFor: (path: string) => EstimateSettings;
  readonly overrides?: Overrides;
  /** Which files are not runs by their place (tests, CI, docs) beyond the defaults. */
  readonly entryRules?: EntryPointRules;
  readonly isCancelled?: () => boolean;
  readonly progress?: (done: number, total: number) => void;
  /** Each code or config file as soon as it is done, in no particular order (the result keeps source order). */
  readonly onFile?: (file: StreamedFile) => void;
}

interface CacheEntry {
  readonly hash: string;
  readonly settingsKey: string;
  readonly linked: ReadonlyMap<string, string>;
  /** The documented launches the analysis was given (as JSON): a changed README re-reads the files it names. */
  readonly documented: string;
  readonly analysis: LinkedAnalysis;
}

type Skip = { readonly path: string; readonly display: string; readonly reason: string };

const sha1 = (bytes: Uint8Array) => crypto.createHash('sha1').update(bytes).digest('hex');
const tooLarge = (bytes: number, limit: number) =>
  `${(bytes / 1048576).toFixed(1)} MB, over the ${limit / 1048576} MB limit`;

/** Files read ahead of the analyser, per file it works on at once: enough to keep it busy, few enough to bound memory. */
const READ_AHEAD = 3;
/** Stats in flight at once (they are cheap, but thousands at once would flood the file system API). */
const STAT_CONCURRENCY = 32;
/**
 * Files at least this large are analysed one at a time, all on one thread: reading a large config
 * or data file takes many times its size in memory, and two threads doing it would double the peak.
 */
const LARGE_FILE_BYTES = 256 * 1024;
/** Python files of one folder read for the configargparse program that takes a `.txt` config (configArgparse.ts). */
const MAX_PROGRAMS_PER_FOLDER = 64;

export class FolderScanCache {
  private readonly entries = new Map<string, CacheEntry>();
  /** Measurement files as read, by content hash: a rescan re-reads only the ones that changed. */
  private readonly measurements = new Map<
    string,
    { readonly hash: string; readonly read: MeasurementFile | undefined }
  >();
  /**
   * README and docs pages' shell commands and model-table rows, by content hash: a rescan re-reads only the pages
   * that changed.
   */
  private readonly docs = new Map<
    string,
    { readonly hash: string; readonly commands: readonly DocCommand[]; readonly sizeRows: readonly SizeRow[] }
  >();
  /** What the documentation says of each file, as of the last scan (documentationOf). */
  private documentationByPath = new Map<string, FileDocumentation>();
  /** The documentation as the last scan read it, and as the last complete scan reported it (documentationChanged). */
  private documentationKey = '[]';
  private reportedDocumentationKey = '[]';
  private documentationMoved = false;
  /** Top-level keys of configs compared for documented siblings, by path, with the content hash they were read at. */
  private readonly configKeys = new Map<string, HashedValue<ReadonlySet<string>>>();
  /** Texts of the shell scripts documented commands run (readLaunchedScripts), kept while the file is unchanged. */
  private readonly scriptTexts = new Map<string, HashedValue<string>>();
  /** Each file's content hash and the size and time it had then. */
  private readonly contents = new Map<string, { readonly version: string | undefined; readonly hash: string }>();
  /** Link stubs read as the file they name (linkStub.ts): their own size and time say nothing of that file's. */
  private readonly linkStubs = new Set<string>();
  /**
   * A YAML's program link (yamlProgramConfig.ts), by path: its hash, the link, and what the search looked at (each
   * folder's Python files, each program's hash), so an unchanged YAML in an unchanged folder is not read again.
   */
  private readonly yamlLinks = new Map<
    string,
    {
      readonly hash: string;
      readonly link: ArgConfigLink | undefined;
      readonly folders: ReadonlyArray<readonly [string, string]>;
      readonly programs: ReadonlyArray<readonly [string, string | undefined]>;
    }
  >();

  forget(path: string): void {
    this.entries.delete(path);
    this.measurements.delete(path);
    this.docs.delete(path);
    this.contents.delete(path);
    this.linkStubs.delete(path);
  }

  async scan(sources: readonly ScanSource[], options: ScanOptions): Promise<ScanResult> {
    const analyser = options.analyser ?? (options.python ? new InThreadAnalyser(options.python) : undefined);
    if (!analyser) throw new Error('FolderScanCache.scan needs an analyser or a parser');
    const total = sources.length;
    const cancelled = () => options.isCancelled?.() === true;
    const byPath = new Map(sources.map((s) => [s.path, s] as const));
    // The repository's own packages (what the folder listing shows), so a package's program code is told from runs.
    const entryRules: EntryPointRules = {
      ...options.entryRules,
      packageRoots: packageRootsOf(sources.map((s) => s.display)),
      vendoredRoots: vendoredRootsOf(sources.map((s) => s.display)),
    };

    // Sizes and times first (cheap): they decide which files must be read at all.
    const versions = new Map<string, { size: number; version: string } | Error>();
    await eachLimited(sources, STAT_CONCURRENCY, async (s) => {
      if (!s.stat || cancelled()) return;
      try {
        const st = await s.stat();
        versions.set(s.path, { size: st.size, version: `${st.size}:${st.mtime}` });
      } catch (e) {
        versions.set(s.path, e as Error);
      }
    });
    if (cancelled()) return cancelledResult(0);

    const readChecked = async (s: ScanSource): Promise<Uint8Array> => {
      const known = versions.get(s.path);
      if (known instanceof Error) throw known;
      const size = known?.size ?? s.size;
      const limit = maxBytesOf(s.path);
      if (size !== undefined && size > limit) throw new SkipFile(tooLarge(size, limit));
      const bytes = await s.read();
      if (bytes.length > limit) throw new SkipFile(tooLarge(bytes.length, limit));
      return followLinkStub(s, bytes);
    };
    // A symbolic link stored as a plain file holding its target's path (linkStub.ts) reads as the folder's file it names.
    const followLinkStub = async (s: ScanSource, bytes: Uint8Array): Promise<Uint8Array> => {
      let at = s.path;
      let held = bytes;
      for (let hop = 0; hop < MAX_STUB_HOPS; hop++) {
        const target = linkStubTarget(held, at);
        const source = target === undefined ? undefined : byPath.get(target);
        if (!source) return held;
        this.linkStubs.add(s.path);
        const limit = maxBytesOf(source.path);
        const next = await source.read();
        if (next.length > limit) throw new SkipFile(tooLarge(next.length, limit));
        at = source.path;
        held = next;
      }
      return held;
    };
    const unchangedHash = (p: string): string | undefined => {
      const v = versions.get(p);
      const held = this.contents.get(p);
      return held &&
        held.version !== undefined &&
        !this.linkStubs.has(p) &&
        v !== undefined &&
        !(v instanceof Error) &&
        v.version === held.version
        ? held.hash
        : undefined;
    };
    // This scan's content hash of each file, found once (by the file itself, or by a file that links to it).
    const hashes = new Map<string, Promise<string | undefined>>();
    const hashOf = (p: string): Promise<string | undefined> => {
      let h = hashes.get(p);
      if (!h) {
        const s = byPath.get(p);
        const unchanged = unchangedHash(p);
        h =
          unchanged !== undefined
            ? Promise.resolve(unchanged)
            : !s
              ? Promise.resolve(undefined)
              : readChecked(s).then(sha1, () => undefined);
        hashes.set(p, h);
      }
      return h;
    };
    // The modules defining each class, for links naming a class (classIndex.ts): built on the first such link.
    let classIndex: Promise<ClassIndex> | undefined;
    const indexClasses = async (): Promise<ClassIndex> => {
      const index = new ClassIndex();
      const modules = sources.filter((s) => s.path.endsWith('.py')).slice(0, MAX_INDEXED_FILES);
      await eachLimited(modules, STAT_CONCURRENCY, async (s) => {
        if (cancelled()) return;
        try {
          index.add(s.path, new TextDecoder('utf-8').decode(await readChecked(s)));
        } catch {
          // unreadable or too large: its classes are not found
        }
      });
      return index;
    };
    // A run links to code and configs of this folder (never to measurement files).
    const fetchLinks =
      (linkedHashes: Map<string, string>): FetchLinks =>
      async (requests) => {
        const answers: LinkAnswer[] = [];
        for (const request of requests) {
          const className = linkedClassName(request.reference);
          const found =
            className !== undefined
              ? (await (classIndex ??= indexClasses())).moduleOf(className)
              : linkCandidates(request.from, request.reference, options.root, path.posix).find(
                  (p) => byPath.has(p) && !isMeasurementFile(p),
                );
          const source = found === undefined ? undefined : byPath.get(found);
          let target: LinkAnswer['target'] = null;
          if (source) {
            try {
              const bytes = await readChecked(source);
              const hash = sha1(bytes);
              linkedHashes.set(source.path, hash);
              target = { path: source.path, display: source.display, hash, bytes: ownCopy(bytes) };
            } catch {
              // unreadable or too large: as if it were not there
            }
          }
          answers.push({ ...request, target });
        }
        return answers;
      };

    // The launches the README and docs pages document, by the file they name (read before any file is analysed).
    const remember = (p: string, hash: string) => {
      const version = versions.get(p);
      this.contents.set(p, { version: version && !(version instanceof Error) ? version.version : undefined, hash });
      hashes.set(p, Promise.resolve(hash));
    };
    const { launches: documentedOf, sizes: documentedSizes } = await this.documentation(
      sources,
      options.root,
      byPath,
      unchangedHash,
      readChecked,
      remember,
    );
    if (cancelled()) return cancelledResult(0);
    this.keepDocumentation(documentedOf, documentedSizes);

    // What a file's analysis depends on besides its text, as a string; folders share one settings object, so it is built once per object.
    const settingsKeys = new Map<EstimateSettings, string>();
    const keyOf = (settings: EstimateSettings): string => {
      let key = settingsKeys.get(settings);
      if (key === undefined)
        settingsKeys.set(settings, (key = JSON.stringify([settings, options.overrides ?? {}, entryRules])));
      return key;
    };
    const readSkips = new Array<Skip | undefined>(total);
    const analysisSkips = new Array<Skip | undefined>(total);
    const analysed = new Array<AnalysedFile | undefined>(total);
    const contentHashes = new Array<string | undefined>(total);
    const measured = new Array<MeasurementFile | undefined>(total);
    const measurementPaths = new Set<string>();
    let done = 0;
    let reanalysed = 0;
    let stopped = false;
    const large = new Gate();
    const analyse = async (job: ScanJob, fetch: FetchLinks) =>
      job.bytes.length < LARGE_FILE_BYTES
        ? analyser.analyse(job, fetch)
        : large.run(() => analyser.analyse(job, fetch, true));

    const one = async (source: ScanSource, index: number): Promise<void> => {
      if (stopped || (stopped = cancelled())) return;
      // A documentation page is read only for the launches it documents (above), never as a run.
      if (isDocumentationFile(source.display) && !isMeasurementFile(source.path)) return finished();
      const skip = (reason: string) => (readSkips[index] = { path: source.path, display: source.display, reason });
      let bytes: Uint8Array | undefined;
      let hash = unchangedHash(source.path);
      if (hash === undefined) {
        try {
          bytes = await readChecked(source);
        } catch (e) {
          skip(e instanceof SkipFile ? e.message : `unreadable: ${(e as Error).message}`);
          return finished();
        }
        hash = sha1(bytes);
        hashes.set(source.path, Promise.resolve(hash));
      } else if (!hashes.has(source.path)) hashes.set(source.path, Promise.resolve(hash));
      const version = versions.get(source.path);
      this.contents.set(source.path, {
        version: version && !(version instanceof Error) ? version.version : undefined,
        hash,
      });
      const contentHash = hash;
      contentHashes[index] = hash;
      // The bytes, now or (for a file unchanged on disk whose analysis cannot be reused) read again.
      const bytesNow = async () => bytes ?? (bytes = await readChecked(source));

      if (isMeasurementFile(source.path)) {
        measurementPaths.add(source.path);
        const cached = this.measurements.get(source.path);
        let read: MeasurementFile | undefined;
        if (cached && cached.hash === contentHash) read = cached.read;
        else {
          const result = await analyse(jobFor(source, await bytesNow(), 'measurement'), async () => []);
          if (stopped) return;
          if (result.role === 'failed')
            analysisSkips[index] = { path: source.path, display: source.display, reason: result.reason };
          read = result.role === 'measurement' ? result.measurement : undefined;
          this.measurements.set(source.path, { hash: contentHash, read });
        }
        measured[index] = read;
        return finished();
      }

      const settings = options.settingsFor(source.path);
      const settingsKey = keyOf(settings);
      const documented = documentedOf.get(source.path);
      const documentedSize = documentedSizes.get(source.path);
      // A `.txt` configargparse config: the program of the folder that takes it (read before its analysis is reused,
      // since a program added or changed elsewhere changes what it is).
      // A flat YAML of a program's parameters (yamlProgramConfig.ts): the program of the folder that takes it, used
      // only when no other reader reads the YAML as a run (below).
      const fileKind = fileKindOf(source.path);
      const argConfig =
        fileKind === 'argconfig'
          ? await argConfigOf(source, await bytesNow())
          : fileKind === 'yaml'
            ? await yamlConfigOf(source, contentHash, bytesNow)
            : undefined;
      const documentedKey =
        (documented ? JSON.stringify(documented) : '') +
        (argConfig ? `\u0000${JSON.stringify(argConfig)}` : '') +
        (documentedSize ? `\u0001${JSON.stringify(documentedSize)}` : '');
      const cached = this.entries.get(source.path);
      let analysis: LinkedAnalysis | undefined;
      let analysisMs: number | undefined;
      if (
        cached &&
        cached.hash === contentHash &&
        cached.settingsKey === settingsKey &&
        cached.documented === documentedKey &&
        (await linksUnchanged(cached.linked, hashOf))
      ) {
        analysis = cached.analysis;
      } else {
        const linkedHashes = new Map<string, string>();
        const job = jobFor(source, await bytesNow(), 'code', settings);
        const withDocs = {
          ...job,
          ...(documented ? { documented } : {}),
          ...(documentedSize ? { documentedSize } : {}),
        };
        const own = argConfig && fileKind === 'yaml' ? await analyse(withDocs, fetchLinks(linkedHashes)) : undefined;
        const result =
          own && !(own.role === 'code' && own.analysis.runs.length === 0)
            ? own
            : await analyse(argConfig ? { ...withDocs, argConfig } : withDocs, fetchLinks(linkedHashes));
        if (stopped) return;
        if (result.role === 'code') {
          analysis = result.analysis;
          analysisMs = result.ms;
          reanalysed++;
          this.entries.set(source.path, {
            hash: contentHash,
            settingsKey,
            linked: new Map(analysis.linkedFiles.map((p) => [p, linkedHashes.get(p) ?? ''] as const)),
            documented: documentedKey,
            analysis,
          });
        } else {
          const reason = result.role === 'failed' ? result.reason : 'analysis failed';
          analysisSkips[index] = { path: source.path, display: source.display, reason };
          analysis = {
            kind: null,
            runs: [],
            problems: [{ message: `skipped: ${reason}` }],
            errors: [],
            internalError: reason,
            facts: [],
            linkedFiles: [],
          };
          this.entries.delete(source.path);
        }
      }
      const fileSkip = analysis.problems.find((p) => p.message.startsWith('skipped'))?.message;
      if (fileSkip && !analysisSkips[index])
        analysisSkips[index] = {
          path: source.path,
          display: source.display,
          reason: fileSkip.replace(/^skipped: /, ''),
        };
      const file = { path: source.path, display: source.display, analysis };
      analysed[index] = file;
      options.onFile?.(analysisMs === undefined ? file : { ...file, analysisMs });
      return finished();
    };
    const finished = () => options.progress?.(++done, total);
    const jobFor = (
      source: ScanSource,
      bytes: Uint8Array,
      role: ScanJob['role'],
      settings?: EstimateSettings,
    ): ScanJob => ({
      path: source.path,
      display: source.display,
      bytes: ownCopy(bytes),
      role,
      settings: settings ?? options.settingsFor(source.path),
      overrides: options.overrides ?? {},
      entryRules,
      ...(role === 'code' && hasDefaultsFile(source.path, byPath) ? { overridesDefaults: true } : {}),
    });
    // Programs that declare a configargparse config flag, by path: each read once a scan, only when a `.txt` that
    // reads as such a config sits in its folder or one below (configArgparse.ts).
    const programs = new Map<string, Promise<ArgConfigProgram | undefined>>();
    const programOf = (s: ScanSource): Promise<ArgConfigProgram | undefined> => {
      let p = programs.get(s.path);
      if (!p) {
        p = readChecked(s).then(
          (bytes) => argConfigProgram(new TextDecoder('utf-8').decode(bytes)),
          () => undefined,
        );
        programs.set(s.path, p);
      }
      return p;
    };
    let pythonByFolder: Map<string, string[]> | undefined;
    const pythonIn = (folder: string): readonly string[] => {
      if (!pythonByFolder) {
        pythonByFolder = new Map();
        for (const s of sources)
          if (/\.py$/i.test(s.path)) {
            const list = pythonByFolder.get(path.posix.dirname(s.path)) ?? [];
            if (list.length < MAX_PROGRAMS_PER_FOLDER) list.push(s.path);
            pythonByFolder.set(path.posix.dirname(s.path), list);
          }
      }
      return pythonByFolder.get(folder) ?? [];
    };
    const argConfigOf = (source: ScanSource, bytes: Uint8Array): Promise<ArgConfigLink | undefined> =>
      bytes.length > MAX_ARG_CONFIG_BYTES
        ? Promise.resolve(undefined)
        : findArgConfigProgram(
            source.path,
            new TextDecoder('utf-8').decode(bytes),
            path.posix.resolve(options.root),
            pythonIn,
            (p) => {
              const s = byPath.get(p);
              return s ? programOf(s) : Promise.resolve(undefined);
            },
          );

    // Programs that declare a YAML config file (typer-config, a `--config` option), by path: each read once a scan,
    // only when a flat YAML of at least three keys sits in its folder or one below (yamlProgramConfig.ts).
    const yamlPrograms = new Map<string, Promise<ArgConfigProgram | undefined>>();
    const yamlProgramOf = (s: ScanSource): Promise<ArgConfigProgram | undefined> => {
      let p = yamlPrograms.get(s.path);
      if (!p) {
        p = readChecked(s).then(
          (bytes) => yamlConfigProgram(new TextDecoder('utf-8').decode(bytes)),
          () => undefined,
        );
        yamlPrograms.set(s.path, p);
      }
      return p;
    };
    const yamlConfigOf = async (
      source: ScanSource,
      hash: string,
      bytesNow: () => Promise<Uint8Array>,
    ): Promise<ArgConfigLink | undefined> => {
      const held = this.yamlLinks.get(source.path);
      if (held && held.hash === hash) {
        let same = held.folders.every(([folder, listed]) => pythonIn(folder).join('\n') === listed);
        for (const [p, h] of held.programs) if (same && (await hashOf(p)) !== h) same = false;
        if (same) return held.link;
      }
      const bytes = await bytesNow();
      const text = bytes.length > MAX_YAML_CONFIG_BYTES ? '' : new TextDecoder('utf-8').decode(bytes);
      const folders: Array<readonly [string, string]> = [];
      const programs: Array<readonly [string, string | undefined]> = [];
      // The cheap test first: most YAMLs are nested or lists, and need no program read.
      const link = !parseYamlTopLevel(text)
        ? undefined
        : await findArgConfigProgram(
            source.path,
            text,
            path.posix.resolve(options.root),
            (folder) => {
              const listed = pythonIn(folder);
              folders.push([folder, listed.join('\n')]);
              return listed;
            },
            async (p) => {
              const s = byPath.get(p);
              programs.push([p, await hashOf(p)]);
              return s ? yamlProgramOf(s) : undefined;
            },
            parseYamlTopLevel,
          );
      this.yamlLinks.set(source.path, { hash, link, folders, programs });
      return link;
    };

    await eachLimited(sources, analyser.concurrency * READ_AHEAD, one);
    if (stopped || cancelled()) return cancelledResult(reanalysed);

    // Configs beside a program's default config, in its shape: the program run with each of them (siblingConfigs.ts).
    await this.siblingConfigRuns(sources, analysed, byPath, options.root, readChecked, async (program, from, to) => {
      const bytes = await readChecked(program);
      const base = fetchLinks(new Map());
      const job = jobFor(program, bytes, 'code');
      const result = await analyse(job, async (requests) =>
        (await base(requests)).map((a) => (a.target?.path === from.path ? { ...a, target: to } : a)),
      );
      return result.role === 'code' ? result.analysis : undefined;
    });
    if (stopped || cancelled()) return cancelledResult(reanalysed);

    // Files that vanished since the last scan (or could not be read this time) leave the cache.
    const present = new Set(analysed.filter((f) => f !== undefined).map((f) => f.path));
    for (const key of [...this.entries.keys()]) if (!present.has(key)) this.entries.delete(key);
    for (const key of [...this.measurements.keys()]) if (!measurementPaths.has(key)) this.measurements.delete(key);
    for (const key of [...this.docs.keys()]) if (!byPath.has(key)) this.docs.delete(key);
    for (const key of [...this.configKeys.keys()]) if (!byPath.has(key)) this.configKeys.delete(key);
    for (const key of [...this.scriptTexts.keys()]) if (!byPath.has(key)) this.scriptTexts.delete(key);
    for (const key of [...this.contents.keys()]) if (!byPath.has(key)) this.contents.delete(key);

    const measurementFiles = measured.filter((m): m is MeasurementFile => m !== undefined);
    leaveOutDocumentationCopies(analysed, contentHashes);
    leaveOutDocumentedConfigPrograms(analysed, documentedOf, byPath, options.root);
    leaveOutUnrunConfigs(analysed, sources, documentedOf, byPath);
    const kept = withoutLinkedDuplicates(analysed.filter((f): f is AnalysedFile => f !== undefined));
    const runs = kept.flatMap((f) =>
      f.analysis.runs.map((run) => ({ path: f.path, analyzed: run, facts: f.analysis.facts })),
    );
    const matches = matchMeasurements(runs, measurementFiles);
    let next = 0;
    const files = kept.map((f) => ({ ...f, measured: f.analysis.runs.map(() => matches[next++]) }));
    const skipped = [...readSkips, ...analysisSkips].filter((s): s is Skip => s !== undefined);
    const leftOut = analysed.flatMap((f) =>
      f?.analysis.notARun ? [{ path: f.path, display: f.display, reason: f.analysis.notARun }] : [],
    );
    // Compared with the last complete scan, not the last read: a cancelled scan that read a changed page must not
    // use the change up before anyone is told of it.
    this.documentationMoved = this.documentationKey !== this.reportedDocumentationKey;
    this.reportedDocumentationKey = this.documentationKey;
    return { files, skipped, cancelled: false, analysed: reanalysed, measurementFiles, leftOut };
  }

  /**
   * Each YAML beside a listed program's default config (the config it opens, found and read), of the default's
   * top-level structure, that no run reads and that is no run itself: the program read with that YAML in place of
   * its default, shown as the YAML's runs (siblingConfigs.ts). Bounded: MAX_SIBLINGS a default, one pass.
   */
  private async siblingConfigRuns(
    sources: readonly ScanSource[],
    analysed: Array<AnalysedFile | undefined>,
    byPath: ReadonlyMap<string, ScanSource>,
    root: string,
    readChecked: (s: ScanSource) => Promise<Uint8Array>,
    reread: (
      program: ScanSource,
      from: ScanSource,
      to: NonNullable<LinkAnswer['target']>,
    ) => Promise<LinkedAnalysis | undefined>,
  ): Promise<void> {
    const listed = analysed.filter((f): f is AnalysedFile => f !== undefined && f.analysis.runs.length > 0);
    if (listed.length === 0) return;
    const covered = new Set<string>();
    for (const f of listed) {
      covered.add(f.path);
      for (const p of f.analysis.linkedFiles) covered.add(p);
    }
    type Keyed = { readonly bytes: Uint8Array; readonly keys: Set<string> } | undefined;
    const keysOf = new Map<string, Promise<Keyed>>();
    const read = (s: ScanSource): Promise<Keyed> => {
      let k = keysOf.get(s.path);
      if (!k) {
        k = readChecked(s).then(
          (bytes) => ({ bytes, keys: topLevelYamlKeys(new TextDecoder('utf-8').decode(bytes)) }),
          () => undefined,
        );
        keysOf.set(s.path, k);
      }
      return k;
    };
    // Key paths, only for the defaults a launch names and their candidates (the others compare top-level keys).
    const pathsOf = new Map<Uint8Array, Set<string>>();
    const paths = (k: NonNullable<Keyed>) => {
      let p = pathsOf.get(k.bytes);
      if (!p) pathsOf.set(k.bytes, (p = yamlKeyPaths(new TextDecoder('utf-8').decode(k.bytes))));
      return p;
    };
    const indexOf = new Map(sources.map((s, i) => [s.path, i] as const));
    // Each default config, with the programs that open it (in path order).
    const programsOf = new Map<string, string[]>();
    // Defaults a launch script names (`torchrun -m scripts.train --unet_config_path configs/unet/stage1_512.yaml`)
    // rather than a program opening them: their siblings must define a run's length too (definesTrainingLength).
    const namedByLaunch = new Set<string>();
    const ownFactsOf = (p: string) => analysed[indexOf.get(p) ?? -1]?.analysis.facts ?? [];
    for (const f of [...listed].sort((a, b) => (a.path < b.path ? -1 : 1))) {
      const launch = LAUNCH_SCRIPT.test(f.path);
      if (!/\.py$/i.test(f.path) && !launch) continue;
      // An evaluation launch reads a training config for its model only: the config's siblings are trainings, not it.
      if (launch && f.analysis.runs.every((r) => r.run.mode === 'inference')) continue;
      for (const link of f.analysis.facts) {
        if (link.kind !== 'link.config' || link.file || typeof link.value !== 'string') continue;
        if (!launch && link.confidence !== 'high') continue;
        const target = linkCandidates(f.path, link.value, root, path.posix).find((p) => byPath.has(p));
        if (!target || !f.analysis.linkedFiles.includes(target) || !/\.ya?ml$/i.test(target)) continue;
        // A launcher's own config (accelerate, DeepSpeed) says how to launch, not how long: its siblings are no runs.
        if (launch && !definesTrainingLength(ownFactsOf(target))) continue;
        if (launch) namedByLaunch.add(target);
        const list = programsOf.get(target) ?? [];
        if (!list.includes(f.path)) list.push(f.path);
        programsOf.set(target, list);
      }
    }
    // Each candidate YAML, with the default it follows most closely (a folder may hold several programs' defaults).
    const best = new Map<string, { defaultPath: string; overlap: number }>();
    for (const defaultPath of programsOf.keys()) {
      const folder = path.posix.dirname(defaultPath);
      // Candidates first (no reads): a folder with none beside the default reads nothing.
      const candidates = sources.filter((s) => {
        if (path.posix.dirname(s.path) !== folder || covered.has(s.path) || !/\.ya?ml$/i.test(s.path)) return false;
        const own = analysed[indexOf.get(s.path)!];
        if (own === undefined || own.analysis.runs.length > 0) return false;
        return !namedByLaunch.has(defaultPath) || definesTrainingLength(own.analysis.facts);
      });
      if (candidates.length === 0) continue;
      const defaults = await read(byPath.get(defaultPath)!);
      if (!defaults) continue;
      for (const s of candidates.slice(0, MAX_SIBLINGS * 4)) {
        const sibling = await read(s);
        const overlap = sibling
          ? namedByLaunch.has(defaultPath)
            ? // Compared by key paths: a run config of a few sections (data, run, model) has too few top-level keys.
              siblingOverlap(byPath.get(defaultPath)!.display, paths(defaults), s.display, paths(sibling))
            : siblingOverlap(byPath.get(defaultPath)!.display, defaults.keys, s.display, sibling.keys)
          : 0;
        const held = best.get(s.path);
        if (overlap > 0 && (!held || overlap > held.overlap)) best.set(s.path, { defaultPath, overlap });
      }
    }
    const taken = new Map<string, number>();
    for (const [siblingPath, { defaultPath }] of best) {
      const count = taken.get(defaultPath) ?? 0;
      if (count >= MAX_SIBLINGS) continue;
      const s = byPath.get(siblingPath)!;
      const sibling = await read(s);
      if (!sibling) continue;
      const target = { path: s.path, display: s.display, hash: '', bytes: ownCopy(sibling.bytes) };
      const reads: LinkedAnalysis[] = [];
      for (const p of programsOf.get(defaultPath)!) {
        const a = await reread(byPath.get(p)!, byPath.get(defaultPath)!, target);
        if (a && a.runs.length > 0) reads.push(a);
      }
      if (reads.length === 0) continue;
      taken.set(defaultPath, count + 1);
      // The programs stay runs of their own (with their default): they are not files this config's runs draw in.
      const programs = new Set(programsOf.get(defaultPath));
      const linkedFiles = [...new Set(reads.flatMap((a) => a.linkedFiles))].filter(
        (p) => p !== s.path && !programs.has(p),
      );
      analysed[indexOf.get(s.path)!] = {
        path: s.path,
        display: s.display,
        analysis: {
          ...reads[0],
          runs: reads.flatMap((a) => a.runs),
          facts: reads.flatMap((a) => a.facts),
          problems: reads.flatMap((a) => a.problems),
          errors: reads.flatMap((a) => a.errors),
          linkedFiles,
        },
      };
    }
  }

  /**
   * What the documentation said of each file at the last scan (its documented launches, the size its tables give it),
   * for the editor's reading of an open file (analyze.ts, AnalyzeInput.documentation); `changed` tells whether the
   * last scan found it different from the scan before.
   */
  documentationOf(path: string): FileDocumentation | undefined {
    return this.documentationByPath.get(path);
  }

  /** Whether the last complete scan found the documentation saying something else of any file than the one before. */
  get documentationChanged(): boolean {
    return this.documentationMoved;
  }

  private keepDocumentation(
    launches: ReadonlyMap<string, readonly DocumentedLaunch[]>,
    sizes: ReadonlyMap<string, DocumentedSize>,
  ): void {
    const next = new Map<string, FileDocumentation>();
    for (const [p, documented] of launches) next.set(p, { documented });
    for (const [p, documentedSize] of sizes) next.set(p, { ...next.get(p), documentedSize });
    const key = JSON.stringify([...next].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    this.documentationKey = key;
    this.documentationByPath = next;
  }

  /**
   * The shell commands of the folder's README and docs pages (a bounded number of them, each bounded), by the
   * repository file each command names (see documentedLaunches.ts), and the model sizes their tables give files
   * (documentedSizes.ts). A page unchanged since the last scan is not read or parsed again; one that cannot be read
   * documents nothing.
   */
  private async documentation(
    sources: readonly ScanSource[],
    root: string,
    byPath: ReadonlyMap<string, ScanSource>,
    unchangedHash: (p: string) => string | undefined,
    readChecked: (s: ScanSource) => Promise<Uint8Array>,
    remember: (p: string, hash: string) => void,
  ): Promise<{ launches: Map<string, DocumentedLaunch[]>; sizes: Map<string, DocumentedSize> }> {
    const docs: Array<{
      path: string;
      display: string;
      commands: readonly DocCommand[];
      rows: readonly SizeRow[];
    }> = [];
    for (const source of sources.filter((s) => isDocumentationFile(s.display)).slice(0, MAX_DOCUMENTATION_FILES)) {
      let hash = unchangedHash(source.path);
      let held = this.docs.get(source.path);
      if (!held || hash === undefined || held.hash !== hash) {
        try {
          const bytes = await readChecked(source);
          hash = sha1(bytes);
          remember(source.path, hash);
          held = this.docs.get(source.path);
          if (!held || held.hash !== hash) {
            const text = new TextDecoder('utf-8').decode(bytes);
            held = { hash, commands: docShellCommands(text), sizeRows: docSizeRows(text) };
            this.docs.set(source.path, held);
          }
        } catch {
          this.docs.delete(source.path);
          continue;
        }
      }
      docs.push({ path: source.path, display: source.display, commands: held.commands, rows: held.sizeRows });
    }
    const allPaths = sources.map((s) => s.path);
    const isRepositoryFile = (p: string) =>
      byPath.has(p) && !isMeasurementFile(p) && !isDocumentationFile(byPath.get(p)!.display);
    const sizes = documentedSizeIndex(
      docs,
      (from, reference) => linkCandidates(from, reference, root, path.posix).find(isRepositoryFile),
      allPaths.filter(isRepositoryFile),
    );
    const index = documentedLaunchIndex(
      docs,
      (from, reference) => linkCandidates(from, reference, root, path.posix).find(isRepositoryFile),
      (from, folder, extension) => {
        // The folder as a link from the page resolves (its own folder, then the root), then the files under it.
        const within = linkCandidates(from, `${folder}/_`, root, path.posix).map((p) => p.slice(0, -1));
        const matching = (dir: string) =>
          allPaths.filter((p) => p.startsWith(dir) && p.endsWith(`.${extension}`) && !isMeasurementFile(p));
        for (const dir of within) {
          const files = matching(dir);
          if (files.length > 0) return files;
        }
        return [];
      },
      configsByName(allPaths.filter(isRepositoryFile)),
    );
    const read = { unchangedHash, readChecked, remember };
    // The scripts documented commands run (their texts), and the top-level keys of the configs compared for siblings:
    // each kept across scans while the file is unchanged (a warm rescan reads none of them again).
    await this.readLaunchedScripts(index, docs, root, byPath, (source) =>
      readHashed(this.scriptTexts, source, read, (text) => text),
    );
    const keysOf = async (source: ScanSource): Promise<ReadonlySet<string>> =>
      (await readHashed(this.configKeys, source, read, (text) => topLevelConfigKeys(source.path, text))) ??
      new Set<string>();
    await addDocumentedSiblings(index, sources, byPath, keysOf);
    addProgramLaunches(index, sources);
    return { launches: index, sizes };
  }

  /**
   * A documented command that runs a shell script of the repository with positional words (OpenMMLab's
   * `./tools/dist_train.sh configs/x.py 8`, whose `GPUS=$2` goes to `--nproc_per_node=$GPUS`): the script is read
   * with those words (shellFacts.ts, as a calling script's words are) and the devices and nodes it asks for are kept on
   * the launch (DocumentedLaunch.throughScript). Bounded: a few dozen scripts per scan, each of the shell size limit.
   */
  private async readLaunchedScripts(
    index: Map<string, DocumentedLaunch[]>,
    docs: ReadonlyArray<{ readonly path: string; readonly display: string }>,
    root: string,
    byPath: ReadonlyMap<string, ScanSource>,
    readText: (s: ScanSource) => Promise<string | undefined>,
  ): Promise<void> {
    const docPath = new Map(docs.map((d) => [d.display.replace(/\\/g, '/'), d.path] as const));
    const texts = new Map<string, string | undefined>();
    const read = new Map<string, DocumentedLaunch['throughScript'] | undefined>();
    for (const [target, launches] of index) {
      const updated: DocumentedLaunch[] = [];
      for (const launch of launches) {
        const through = await this.scriptHardware(launch, docPath, root, byPath, readText, texts, read);
        updated.push(through ? { ...launch, throughScript: through } : launch);
      }
      index.set(target, updated);
    }
  }

  /** The devices and nodes the repository script a documented command runs asks for, read with the command's words. */
  private async scriptHardware(
    launch: DocumentedLaunch,
    docPath: ReadonlyMap<string, string>,
    root: string,
    byPath: ReadonlyMap<string, ScanSource>,
    readText: (s: ScanSource) => Promise<string | undefined>,
    texts: Map<string, string | undefined>,
    read: Map<string, DocumentedLaunch['throughScript'] | undefined>,
  ): Promise<DocumentedLaunch['throughScript'] | undefined> {
    const from = docPath.get(launch.file);
    // Most documented commands run a Python program: only one naming a shell script is parsed here.
    if (!from || !SHELL_SCRIPT_WORD.test(launch.command)) return undefined;
    const link = extractShellFacts(launch.command).find(
      (f) => f.kind === 'link.script' && typeof f.value === 'string' && /\.(?:sh|bash)$/.test(f.value) && f.positional,
    );
    if (!link) return undefined;
    const script = linkCandidates(from, String(link.value), root, path.posix).find((p) => byPath.has(p));
    if (!script) return undefined;
    const key = `${script}\0${link.positional!.join('\0')}`;
    if (read.has(key)) return read.get(key);
    if (read.size >= MAX_LAUNCHED_SCRIPTS) return undefined;
    if (!texts.has(script)) texts.set(script, await readText(byPath.get(script)!));
    const text = texts.get(script);
    const display = byPath.get(script)!.display;
    const facts = text
      ? extractShellFacts(text, display, link.positional).filter(
          (f) => (f.kind === 'hardware.devices' || f.kind === 'hardware.nodes') && typeof f.value === 'number',
        )
      : [];
    const through = facts.length > 0 ? { script: display, facts } : undefined;
    read.set(key, through);
    return through;
  }
}

/** A word of a command naming a shell script (`./tools/dist_train.sh`). */
const SHELL_SCRIPT_WORD = /\.(?:sh|bash)["']?(?:\s|$)/;
/** Shell scripts read per scan for the hardware a documented command's script asks for. */
const MAX_LAUNCHED_SCRIPTS = 48;

/**
 * Gives each config beside a documented config, in its shape, the documented launch under its own name
 * (documentedSiblings.ts). Siblings are found from the documented configs only (a sibling's launch is not passed on).
 */
async function addDocumentedSiblings(
  index: Map<string, DocumentedLaunch[]>,
  sources: readonly ScanSource[],
  byPath: ReadonlyMap<string, ScanSource>,
  readKeys: (s: ScanSource) => Promise<ReadonlySet<string>>,
): Promise<void> {
  const documented = [...index.keys()].filter((p) => maySiblingPath(byPath.get(p)?.display ?? p));
  if (documented.length === 0) return;
  // Candidates only in the documented configs' folders.
  const folders = new Set(documented.map((p) => path.posix.dirname(p)));
  const byFolder = new Map<string, ScanSource[]>();
  for (const s of sources) {
    const folder = path.posix.dirname(s.path);
    if (!folders.has(folder) || !maySiblingPath(s.display)) continue;
    const list = byFolder.get(folder) ?? [];
    if (list.length < MAX_CANDIDATES) list.push(s);
    byFolder.set(folder, list);
  }
  // Each file's keys asked once per scan (a folder's configs are compared with each documented config in it).
  const keys = new Map<string, Promise<ReadonlySet<string>>>();
  const keysOf = (s: ScanSource): Promise<ReadonlySet<string>> => {
    let k = keys.get(s.path);
    if (!k) keys.set(s.path, (k = readKeys(s)));
    return k;
  };
  const added = new Map<string, DocumentedLaunch[]>();
  for (const target of documented) {
    const source = byPath.get(target);
    const family = configFamily(target);
    if (!source || !family) continue;
    const beside = (byFolder.get(path.posix.dirname(target)) ?? []).filter(
      (s) => s.path !== target && configFamily(s.path) === family,
    );
    // Configs overriding their folder's defaults file are siblings whatever keys each sets (documentedSiblings.ts).
    const overridesDefaults = !isFolderDefault(target) && beside.some((s) => isFolderDefault(s.path));
    const candidates = beside.filter((s) => !index.has(s.path) && !added.has(s.path) && !isFolderDefault(s.path));
    if (candidates.length === 0) continue;
    const own = await keysOf(source);
    if (describesModelOnly(own)) continue;
    let given = 0;
    for (const s of candidates) {
      if (given >= MAX_DOCUMENTED_SIBLINGS) break;
      if (!overridesDefaults && !sameShape(own, await keysOf(s))) continue;
      const launches = index
        .get(target)!
        .flatMap(
          (l) => launchForSibling(l, path.posix.basename(target), path.posix.basename(s.path), source.display) ?? [],
        );
      if (launches.length === 0) continue;
      added.set(s.path, launches);
      given++;
    }
  }
  for (const [p, launches] of added) index.set(p, launches);
}

/**
 * A program whose default config is missing and whose documented launches each pass a config that is a run is left
 * out as a config-driven program (documentedPrograms.ts).
 */
function leaveOutDocumentedConfigPrograms(
  analysed: Array<AnalysedFile | undefined>,
  documentedOf: ReadonlyMap<string, readonly DocumentedLaunch[]>,
  byPath: ReadonlyMap<string, ScanSource>,
  root: string,
): void {
  if (documentedOf.size === 0) return;
  const runFiles = new Set<string>();
  for (const f of analysed) if (f && f.analysis.runs.length > 0) runFiles.add(f.path);
  const resolve = (from: string, reference: string) =>
    linkCandidates(from, reference, root, path.posix).find((p) => byPath.has(p));
  analysed.forEach((f, i) => {
    if (!f || f.analysis.runs.length === 0 || !documentedOf.has(f.path)) return;
    const reason = documentedConfigProgramReason(
      { path: f.path, display: f.display, facts: f.analysis.facts, runs: f.analysis.runs.length },
      documentedOf.get(f.path),
      (display) => path.posix.join(root, display),
      resolve,
      (p) => p !== f.path && runFiles.has(p),
      (p) => byPath.get(p)?.display ?? p,
    );
    if (reason) analysed[i] = { ...f, analysis: { ...f.analysis, runs: [], linkedFiles: [], notARun: reason } };
  });
}

/**
 * mmengine configs of a config tree that no program of the repository runs are left out (unrunConfigTrees.ts): a
 * copy of another project's model zoo kept to read model dicts from.
 */
function leaveOutUnrunConfigs(
  analysed: Array<AnalysedFile | undefined>,
  sources: readonly ScanSource[],
  documentedOf: ReadonlyMap<string, readonly DocumentedLaunch[]>,
  byPath: ReadonlyMap<string, ScanSource>,
): void {
  const verdicts = unrunConfigVerdicts(
    analysed.map((f) => f && { display: f.display, facts: f.analysis.facts, runs: f.analysis.runs.length }),
    sources.map((s) => s.display),
    [...documentedOf].flatMap(([p, launches]) =>
      launches.map((l) => ({ target: byPath.get(p)?.display ?? p, page: l.file })),
    ),
  );
  for (const [i, reason] of verdicts) {
    const f = analysed[i]!;
    analysed[i] = { ...f, analysis: { ...f.analysis, runs: [], linkedFiles: [], notARun: reason } };
  }
}

/** A documentation folder's copy of a file that holds runs elsewhere is left out as that file's copy (see documentationCopies.ts). */
function leaveOutDocumentationCopies(
  analysed: Array<AnalysedFile | undefined>,
  hashes: ReadonlyArray<string | undefined>,
): void {
  const copies = documentationCopiesOf(
    // Array.from, not map: files that were skipped are holes in the array, which map would keep as holes.
    Array.from(analysed, (f, i) => ({
      display: f?.display ?? '',
      hash: f?.analysis.runs.length ? hashes[i] : undefined,
    })),
  );
  copies.forEach((original, i) => {
    const f = analysed[i];
    if (original === undefined || !f) return;
    const reason = `a documentation copy of ${original}`;
    analysed[i] = { ...f, analysis: { ...f.analysis, runs: [], linkedFiles: [], notARun: reason } };
  });
}

function cancelledResult(analysed: number): ScanResult {
  return { files: [], skipped: [], cancelled: true, analysed, measurementFiles: [], leftOut: [] };
}

async function linksUnchanged(
  linked: ReadonlyMap<string, string>,
  hashOf: (p: string) => Promise<string | undefined>,
): Promise<boolean> {
  for (const [p, h] of linked) if ((await hashOf(p)) !== h) return false;
  return true;
}

/**
 * The bytes in an ArrayBuffer of their own: a Buffer from node fs may be a view into a
 * shared pool, and posting a view to a worker would copy the whole pool.
 */
function ownCopy(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : new Uint8Array(bytes);
}

/** One at a time, in the order asked. */
class Gate {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.tail.then(fn, fn);
    this.tail = result.catch(() => undefined);
    return result;
  }
}

/** Runs `fn` over `items` with at most `limit` at once, starting them in order. */
async function eachLimited<T>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane));
}

const TRAINING_LENGTH = new Set(['training.steps', 'training.epochs', 'training.tokens', 'training.batchPerDevice']);
/** Whether a config's own facts say how long or how large a batch a run takes: a run's definition, not a fragment. */
function definesTrainingLength(facts: readonly Fact[]): boolean {
  return facts.some((f) => !f.file && TRAINING_LENGTH.has(f.kind));
}

/** What a scan derived from a file's text, with the hash of the bytes it was derived from. */
interface HashedValue<T> {
  readonly hash: string;
  readonly value: T;
}

/**
 * The value derived from a file's text, from `cache` while the file is unchanged since the scan that derived it, else
 * read (and remembered as read) and derived again; undefined when the file cannot be read.
 */
async function readHashed<T>(
  cache: Map<string, HashedValue<T>>,
  source: ScanSource,
  io: {
    readonly unchangedHash: (p: string) => string | undefined;
    readonly readChecked: (s: ScanSource) => Promise<Uint8Array>;
    readonly remember: (p: string, hash: string) => void;
  },
  derive: (text: string) => T,
): Promise<T | undefined> {
  const unchanged = io.unchangedHash(source.path);
  const held = cache.get(source.path);
  if (held && unchanged !== undefined && held.hash === unchanged) return held.value;
  try {
    const bytes = await io.readChecked(source);
    const hash = sha1(bytes);
    io.remember(source.path, hash);
    const value = derive(new TextDecoder('utf-8').decode(bytes));
    cache.set(source.path, { hash, value });
    return value;
  } catch {
    cache.delete(source.path);
    return undefined;
  }
}
