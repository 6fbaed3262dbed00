import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyzeText, type FileAnalysis } from '../../src/core/analyze';
import type { Fact, FactKind } from '../../src/core/facts';
import { extractPythonFacts } from '../../src/core/extract/pythonFacts';
import { loadPythonParsing, type PythonParsing } from '../../src/core/parse/pythonParser';
import { FolderScanCache, type ScanSource } from '../../src/core/scan/folderScan';
import { DEFAULT_SETTINGS, type EstimateSettings, type Overrides } from '../../src/core/runSpec';

/** Repository root, from out/test/unit (compiled) or test/unit (source). */
export const ROOT = path.resolve(__dirname, __dirname.includes(`${path.sep}out${path.sep}`) ? '../../..' : '../..');
export const EXAMPLES = path.join(ROOT, 'examples');

/** Folders made by tempDir, removed when the test run ends. */
const tempDirs: string[] = [];

function removeTempDirs(): void {
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

// Once per process: mocha's root `after` hook when mocha loads this (a run of thousands of cases left as many
// folders in /tmp), and the process's exit for the benches and a run stopped by a failure.
if (typeof after === 'function') after(removeTempDirs);
process.once('exit', removeTempDirs);

/** A new empty folder under the system's temp folder (`prefix` + random), removed when the test run ends. */
export function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}

export function parsing(): Promise<PythonParsing> {
  return loadPythonParsing({
    runtimeDir: path.join(ROOT, 'node_modules/web-tree-sitter'),
    pythonGrammar: path.join(ROOT, 'node_modules/tree-sitter-python/tree-sitter-python.wasm'),
  });
}

export async function analyzeExample(
  relative: string,
  settings: EstimateSettings = DEFAULT_SETTINGS,
  overrides: Overrides = {},
): Promise<FileAnalysis> {
  const file = path.join(EXAMPLES, relative);
  return analyzeText({ path: file, text: fs.readFileSync(file, 'utf8') }, await parsing(), settings, overrides);
}

export async function analyzeSource(
  fileName: string,
  text: string,
  settings: EstimateSettings = DEFAULT_SETTINGS,
): Promise<FileAnalysis> {
  return analyzeText({ path: fileName, text }, await parsing(), settings);
}

/** The 0-based line of the first line of `relative` containing `needle` (so tests survive edits above it). */
export function lineOf(relative: string, needle: string): number {
  const lines = fs.readFileSync(path.join(EXAMPLES, relative), 'utf8').split('\n');
  const i = lines.findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`${relative} has no line containing ${needle}`);
  return i;
}

/** The first fact of a kind (and value), failing with the facts there are when there is none. */
export function oneFact(all: readonly Fact[], kind: FactKind, value?: Fact['value']): Fact {
  const found = all.filter((f) => f.kind === kind && (value === undefined || f.value === value));
  assert.ok(
    found.length > 0,
    `no ${kind}${value === undefined ? '' : ` = ${String(value)}`} in ${all.map((f) => `${f.kind}=${String(f.value)}`).join(', ')}`,
  );
  return found[0];
}

/** No fact of a kind (and value); a failure names the details of those found. */
export function noFact(all: readonly Fact[], kind: FactKind, value?: Fact['value']): void {
  const found = all.filter((f) => f.kind === kind && (value === undefined || f.value === value));
  assert.deepEqual(
    found.map((f) => f.detail),
    [],
    `unexpected ${kind}${value === undefined ? '' : ` = ${String(value)}`}`,
  );
}

/** The facts extraction reads from a snippet of Python (parsed, read, the tree freed). */
export async function pythonFacts(code: string): Promise<Fact[]> {
  const tree = (await parsing()).parser.parse(code)!;
  try {
    return extractPythonFacts(tree, code);
  } finally {
    tree.delete();
  }
}

/** The Workspace Report's folder scan over in-memory files (folder-relative path → text), rooted at `/w`. */
export async function scanFiles(files: Record<string, string>) {
  return new FolderScanCache().scan(
    Object.entries(files).map(([rel, text]) => ({
      path: `/w/${rel}`,
      display: rel,
      read: async () => new TextEncoder().encode(text),
    })),
    { python: await parsing(), root: '/w', settingsFor: () => DEFAULT_SETTINGS },
  );
}

/** The first run the folder scan of in-memory files (scanFiles) reads from one of them, by its relative path. */
export async function runOf(files: Record<string, string>, file: string) {
  const scan = await scanFiles(files);
  return scan.files.find((f) => f.display === file)?.analysis.runs[0]?.run;
}

/** Every file under a folder on disk as the folder scan's sources (POSIX paths, displayed relative to `dir`). */
export function diskSources(dir: string): ScanSource[] {
  const out: ScanSource[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else
        out.push({
          path: p.split(path.sep).join('/'),
          display: path.relative(dir, p).split(path.sep).join('/'),
          read: async () => fs.readFileSync(p),
        });
    }
  };
  walk(dir);
  return out;
}

/** The values of the facts of one kind, in order. */
export function valuesOf(facts: readonly Fact[], kind: FactKind): Fact['value'][] {
  return facts.filter((f) => f.kind === kind).map((f) => f.value);
}
