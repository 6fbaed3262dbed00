import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { maxBytesOf } from '../core/analyze';
import type { PythonParsing } from '../core/parse/pythonParser';
import { diffRuns, runsOverBudget, type DiffSide } from '../core/report/diff';
import { diffToMarkdown, diffToText } from '../core/report/diffFormat';
import { locationText, sig } from '../core/report/format';
import { locateRun, type LocatedRun } from '../core/report/locatedRun';
import { diffToSarifInputs, runsToSarif } from '../core/report/sarif';
import { DEFAULT_SETTINGS, type EstimateSettings, type Overrides } from '../core/runSpec';
import { FolderScanCache, type ScanSource } from '../core/scan/folderScan';
import { printable } from '../core/report/neutralise';
import { applyWorkspaceConfig, parseWorkspaceConfig, WORKSPACE_CONFIG_FILE } from '../core/workspaceConfig';
import { GitError, GitFolder, type TreeFile } from './gitTree';
import type { CliIo } from './main';

/**
 * `green-ai diff`: the runs of a base and a head tree compared (two folders, or
 * a git revision against the working tree or the index). The comparison itself
 * is src/core/report/diff.ts; this file reads the two trees and prints.
 */

export interface DiffArgs {
  readonly paths: readonly string[];
  /** --git REF: compare REF with the working tree (or, with staged, the index) of the folder. */
  readonly gitRef?: string;
  readonly staged: boolean;
  readonly format: 'text' | 'json' | 'markdown' | 'sarif';
  readonly overrides: Overrides;
  /** --budget-kg; else the head's .greenai.json budgetKg. */
  readonly budgetKg?: number;
  readonly budgetDeltaKg?: number;
}

/** What the diff borrows from the CLI, so `report` and `diff` read folders the same way. */
export interface DiffEnv {
  readonly io: CliIo;
  readonly version: string;
  /** The files `report DIR` scans (absolute or DIR-joined paths). */
  filesUnder(dir: string): Iterable<string>;
  /** Whether `report` would scan a file at this path relative to its folder (POSIX separators). */
  scans(relativePath: string): boolean;
  parsing(): Promise<PythonParsing>;
  usageError(message: string): Error;
}

interface ReadTree {
  readonly label: string;
  /** Absolute POSIX path the files' keys hang from (links resolve inside it). */
  readonly root: string;
  readonly files: readonly TreeFile[];
  readonly skipped: readonly string[];
}

interface ScannedSide extends DiffSide {
  readonly problems: readonly string[];
  /** What makes the side's estimate unusable for a gate: its .greenai.json's errors, a directive's unknown id, a run that failed. */
  readonly errors: readonly string[];
  readonly budgetKg: number | undefined;
}

function folderTree(dir: string, label: string, env: DiffEnv): ReadTree {
  const files: TreeFile[] = [];
  const skipped: string[] = [];
  for (const file of env.filesUnder(dir)) {
    const size = fs.statSync(file).size;
    const rel = path.relative(dir, file).split(path.sep).join('/');
    if (size > maxBytesOf(rel)) skipped.push(rel);
    else files.push({ path: rel, size, read: () => fs.readFileSync(file) });
  }
  return { label, root: posixAbsolute(dir), files, skipped };
}

function posixAbsolute(p: string): string {
  const abs = path.resolve(p).split(path.sep).join('/');
  return abs.startsWith('/') ? abs : `/${abs}`;
}

/** Settings from the side's own .greenai.json: a change to the team defaults is part of the change. */
function sideSettings(
  tree: ReadTree,
  io: CliIo,
): { settings: EstimateSettings; budgetKg: number | undefined; errors: string[] } {
  const file = tree.files.find((f) => f.path === WORKSPACE_CONFIG_FILE);
  if (!file) return { settings: DEFAULT_SETTINGS, budgetKg: undefined, errors: [] };
  const { config, problems, errors } = parseWorkspaceConfig(new TextDecoder('utf-8').decode(file.read()));
  for (const p of problems)
    if (!errors.includes(p))
      io.stderr(`green-ai: warning: ${printable(tree.label)}: ${printable(p)}; that field is ignored\n`);
  return {
    settings: applyWorkspaceConfig(DEFAULT_SETTINGS, config),
    budgetKg: config.budgetKg,
    errors: errors.map((e) => `${tree.label}: ${e}`),
  };
}

async function scanTree(tree: ReadTree, python: PythonParsing, overrides: Overrides, io: CliIo): Promise<ScannedSide> {
  const { settings, budgetKg, errors } = sideSettings(tree, io);
  const texts = new Map<string, string>();
  const displayOf = new Map<string, string>();
  const sources: ScanSource[] = tree.files.map((f) => {
    const key = `${tree.root.replace(/\/$/, '')}/${f.path}`;
    displayOf.set(key, f.path);
    return {
      path: key,
      display: f.path,
      size: f.size,
      read: async () => {
        const bytes = f.read();
        texts.set(f.path, new TextDecoder('utf-8').decode(bytes));
        return bytes;
      },
    };
  });
  const result = await new FolderScanCache().scan(sources, {
    python,
    root: tree.root,
    settingsFor: () => settings,
    overrides,
  });
  const runs: LocatedRun[] = [];
  const problems = [
    ...tree.skipped.map((p) => `${p}: skipped, over the ${maxBytesOf(p) / 1048576} MB limit`),
    ...result.skipped.map((s) => `${s.display}: skipped, ${s.reason}`),
  ];
  for (const f of result.files) {
    for (const p of f.analysis.problems)
      if (!p.message.startsWith('skipped')) problems.push(`${f.display}: ${p.message}`);
    for (const e of f.analysis.errors) errors.push(`${f.display}: ${e.message}`);
    if (f.analysis.internalError) errors.push(`${f.display}: ${f.analysis.internalError}`);
    const linked = f.analysis.linkedFiles.map((k) => displayOf.get(k) ?? k);
    f.analysis.runs.forEach((r, i) => runs.push(locateRun(f.display, r, i, linked)));
  }
  return { label: tree.label, runs, texts, problems, errors, budgetKg };
}

async function readTrees(
  args: DiffArgs,
  env: DiffEnv,
): Promise<{ base: ReadTree; head: ReadTree; uriPrefix: string; srcRoot: string }> {
  if (args.gitRef === undefined) {
    if (args.staged) throw env.usageError('--staged compares the index with a revision: use it with --git REF');
    if (args.paths.length !== 2)
      throw env.usageError(
        'diff needs two folders (green-ai diff BASE HEAD) or a revision (green-ai diff --git REF [DIR])',
      );
    for (const p of args.paths) {
      const stat = fs.statSync(p, { throwIfNoEntry: false });
      if (!stat) throw env.usageError(`no such folder: ${p}`);
      if (!stat.isDirectory()) throw env.usageError(`${p} is not a folder (diff compares two folders)`);
    }
    const [base, head] = args.paths;
    return {
      base: folderTree(base, base, env),
      head: folderTree(head, head, env),
      uriPrefix: '',
      srcRoot: pathToFileURL(path.resolve(head)).href,
    };
  }
  if (args.paths.length > 1)
    throw env.usageError('diff --git takes one folder inside the working tree (default: the current folder)');
  const ref = args.gitRef;
  if (ref === '' || ref.startsWith('-')) throw env.usageError(`--git needs a revision, got "${ref}"`);
  try {
    const folder = GitFolder.open(args.paths[0] ?? '.');
    const sha = folder.resolveCommit(ref);
    const include = (p: string) => env.scans(p);
    const baseRead = sha === null ? { files: [], skipped: [] } : folder.commitFiles(sha, include, maxBytesOf);
    const headRead = args.staged ? folder.stagedFiles(include, maxBytesOf) : folder.workingFiles(include, maxBytesOf);
    // Both sides' keys hang from the same root, so a file's links resolve the same way on each side.
    const root = posixAbsolute(folder.dir);
    return {
      base: {
        label:
          sha === null
            ? `${ref} (no commit yet)`
            : /^[0-9a-f]{40,64}$/i.test(ref)
              ? sha.slice(0, 7)
              : `${ref} (${sha.slice(0, 7)})`,
        root,
        ...baseRead,
      },
      head: { label: args.staged ? 'staged changes' : 'working tree', root, ...headRead },
      uriPrefix: folder.prefix,
      srcRoot: pathToFileURL(folder.root).href,
    };
  } catch (e) {
    if (e instanceof GitError) throw env.usageError(e.message);
    throw e;
  }
}

export async function runDiffCommand(args: DiffArgs, env: DiffEnv): Promise<number> {
  const { io } = env;
  const trees = await readTrees(args, env);
  const python = await env.parsing();
  const base = await scanTree(trees.base, python, args.overrides, io);
  const head = await scanTree(trees.head, python, args.overrides, io);
  // What the change leaves behind is worth a warning; the base's own problems are not this change's.
  for (const p of head.problems) io.stderr(`green-ai: warning: ${printable(p)}\n`);
  const budgetKg = args.budgetKg ?? head.budgetKg;
  const diff = diffRuns(base, head, { budgetKg });

  if (args.format === 'json') io.stdout(JSON.stringify(diff, null, 2) + '\n');
  else if (args.format === 'markdown') io.stdout(diffToMarkdown(diff, { version: env.version }));
  else if (args.format === 'sarif')
    io.stdout(
      JSON.stringify(
        runsToSarif(diffToSarifInputs(diff), {
          toolVersion: env.version,
          budgetKg,
          uriPrefix: trees.uriPrefix,
          srcRoot: trees.srcRoot,
        }),
        null,
        2,
      ) + '\n',
    );
  else io.stdout(diffToText(diff, io.color));

  let status = 0;
  if (args.budgetDeltaKg !== undefined && diff.co2eKgDelta > args.budgetDeltaKg) {
    io.stderr(
      `green-ai: this change adds ${sig(diff.co2eKgDelta)} kg CO2e, more than --budget-delta-kg ${args.budgetDeltaKg}\n`,
    );
    status = 3;
  }
  if (budgetKg !== undefined) {
    for (const c of runsOverBudget(diff, budgetKg)) {
      io.stderr(
        `green-ai: over budget: ${printable(locationText(c.after!))} ${sig(c.after!.estimate.co2eKg ?? 0)} kg CO2e > ${budgetKg} kg (${c.status})\n`,
      );
      status = 3;
    }
    // A run the change adds or changes that cannot be estimated (its size must be given) cannot be shown to be within budget.
    for (const c of diff.changes) {
      if ((c.status !== 'added' && c.status !== 'changed') || !c.after || c.after.estimate.co2eKg !== null) continue;
      io.stderr(
        `green-ai: cannot check against the budget: ${printable(locationText(c.after))} ${printable(c.after.missing?.[0]?.detail ?? 'has no estimate')}\n`,
      );
      status = 3;
    }
  }
  // The head's errors fail the command as `report` does (exit 2): a change whose runs cannot be estimated, or whose
  // .greenai.json names an unknown region, must not pass a budget gate by adding nothing it could count.
  for (const e of head.errors) io.stderr(`green-ai: error: ${printable(e)}\n`);
  if (head.errors.length > 0 && status === 0) {
    io.stderr(
      `green-ai: ${head.errors.length} error${head.errors.length === 1 ? '' : 's'} in ${printable(head.label)}: ${budgetKg !== undefined || args.budgetDeltaKg !== undefined ? 'the budget cannot be checked for what could not be estimated' : 'what could not be estimated is not in the comparison'}\n`,
    );
    return 2;
  }
  return status;
}
