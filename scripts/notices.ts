// Keeps THIRD_PARTY_NOTICES.md complete: which catalog sources name a dataset and whether the
// notices list it, and which npm packages the bundles contain. The rules are stated at the top of
// THIRD_PARTY_NOTICES.md; scripts/check-knowledge.mjs and test/unit/notices.test.ts both use them.
import { build } from 'esbuild';
import * as path from 'node:path';

export interface CitedSource {
  readonly table: string;
  readonly source: string;
}

export interface NoticeEntry {
  readonly name: string;
  readonly pattern: RegExp;
}

/** A path to a data file; a model's own `config.json` is its description, not a dataset. */
const DATA_FILE = /[\w./-]+\.(?:csv|json|xlsx|parquet)\b/g;
const MODEL_CONFIG = /(?:^|\/)config\.json$/;
/**
 * "dataset" as the name of a source, i.e. followed by its reference (a parenthesis, comma, colon or
 * the clause's end): "GPU life-cycle dataset (…)" but not "dataset card", "dataset size", "Yelp
 * Dataset terms" (a training set's card, size or licence: that set's data is not shipped).
 */
const DATASET_WORD = /\bdata ?set\s*(?:[(,:]|$)/i;

/** Every string under a `source`/`…Source` key, at any depth of the rows. */
export function sourcesIn(table: string, rows: unknown): CitedSource[] {
  const out: CitedSource[] = [];
  const walk = (value: unknown, key: string): void => {
    if (typeof value === 'string') {
      if (/source$/i.test(key)) out.push({ table, source: value });
    } else if (Array.isArray(value)) {
      for (const item of value) walk(item, key);
    } else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) walk(v, k);
    }
  };
  walk(rows, '');
  return out;
}

/** Whether one citation clause (text between semicolons) names a dataset. */
export function namesDataset(clause: string): boolean {
  const files = (clause.match(DATA_FILE) ?? []).filter((f) => !MODEL_CONFIG.test(f));
  return files.length > 0 || DATASET_WORD.test(clause);
}

/** The dataset entries of THIRD_PARTY_NOTICES.md: each `### name` with its "Matched … by: `/re/`" line. */
export function noticeEntries(markdown: string): NoticeEntry[] {
  const entries: NoticeEntry[] = [];
  let heading = '';
  for (const line of markdown.split('\n')) {
    const h = /^### (.+)$/.exec(line);
    if (h) heading = h[1].trim();
    const m = /^- Matched in catalog sources by: `\/(.+)\/`$/.exec(line);
    if (m) entries.push({ name: heading, pattern: new RegExp(m[1]) });
  }
  return entries;
}

/** One message per clause that names a dataset no notice entry matches. */
export function datasetsMissingFromNotices(sources: readonly CitedSource[], entries: readonly NoticeEntry[]): string[] {
  const missing = new Map<string, string>();
  for (const { table, source } of sources) {
    for (const clause of source.split(';').map((c) => c.trim())) {
      if (namesDataset(clause) && !entries.some((e) => e.pattern.test(clause))) missing.set(clause, table);
    }
  }
  return [...missing].map(
    ([clause, table]) => `${table}: a source names a dataset missing from THIRD_PARTY_NOTICES.md: "${clause}"`,
  );
}

/** Library headings of THIRD_PARTY_NOTICES.md (the `### name` lines after "## Bundled libraries"). */
export function noticedLibraries(markdown: string): Set<string> {
  const start = markdown.indexOf('\n## Bundled libraries');
  const end = markdown.indexOf('\n## ', start + 1);
  const section = markdown.slice(start, end < 0 ? undefined : end);
  return new Set([...section.matchAll(/^### (.+)$/gm)].map((m) => m[1].trim()));
}

/**
 * npm packages esbuild puts into the three bundles, as scripts/build.mjs configures them, plus
 * the packages whose wasm files build.mjs copies into dist/.
 */
export async function bundledPackages(root: string): Promise<string[]> {
  const aliases = {
    'web-tree-sitter': path.join(root, 'node_modules/web-tree-sitter/tree-sitter.cjs'),
    'jsonc-parser': path.join(root, 'node_modules/jsonc-parser/lib/esm/main.js'),
  };
  const entries = [
    { entry: 'src/extension/extension.ts', platform: 'node' as const, alias: aliases },
    { entry: 'src/cli/main.ts', platform: 'node' as const, alias: aliases },
    { entry: 'webview/main.ts', platform: 'browser' as const, alias: {} },
  ];
  const packages = new Set(['web-tree-sitter', 'tree-sitter-python']);
  for (const { entry, platform, alias } of entries) {
    const result = await build({
      entryPoints: [path.join(root, entry)],
      bundle: true,
      platform,
      alias,
      external: ['vscode'],
      write: false,
      metafile: true,
      outdir: path.join(root, 'out/.notices'),
      logLevel: 'silent',
      define: { GREEN_AI_VERSION: '"0"' },
    });
    for (const input of Object.keys(result.metafile.inputs)) {
      const m = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
      if (m) packages.add(m[1]);
    }
  }
  return [...packages].sort();
}
