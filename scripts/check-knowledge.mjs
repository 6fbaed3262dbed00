// Validates every knowledge table against its zod schema, checks cross-references, and checks
// that every dataset a catalog source names is listed in THIRD_PARTY_NOTICES.md (scripts/notices.ts).
// Usage: node scripts/check-knowledge.mjs   (exit 1 with the failing rows named)
import { build } from 'esbuild';
import { mkdtempSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tables = [
  ['accelerators', 'accelerators', 'ACCELERATORS', 'AcceleratorSchema'],
  ['regions', 'regions', 'REGIONS', 'RegionSchema'],
  ['cloudProviders', 'cloudProviders', 'CLOUD_PROVIDERS', 'CloudProviderSchema'],
  ['models', 'models', 'MODELS', 'ModelSchema'],
  ['attention', 'attention', 'ATTENTION_GEOMETRY', 'AttentionGeometrySchema'],
];
const present = tables.filter(([, f]) => existsSync(join(root, 'src/core/knowledge/data', f + '.ts')));
const imports = present
  .map(([n, f, e]) => `import { ${e} as T_${n} } from './src/core/knowledge/data/${f}';`)
  .join('\n');
const entry = `
import { z } from 'zod';
${imports}
import * as S from './src/core/knowledge/schema';
import { DATASETS } from './src/core/knowledge/data/datasets';
import { INSTANCE_TYPES } from './src/core/knowledge/data/instances';
import * as CONSTANTS from './src/core/estimate/constants';
import { datasetsMissingFromNotices, noticeEntries, sourcesIn } from './scripts/notices';
const problems: string[] = [];
async function table(name: string, rows: any, exportName: string, schema: z.ZodTypeAny) {
  if (rows === undefined) { console.log(name + ': (no file yet)'); return []; }
  if (!Array.isArray(rows)) { problems.push(name + ': export ' + exportName + ' is not an array'); return []; }
  const ids = new Set<string>();
  rows.forEach((r: any, i: number) => {
    const res = schema.safeParse(r);
    if (!res.success) problems.push(name + '[' + i + '] ' + (r && r.id) + ': ' + res.error.issues.map((x: any) => x.path.join('.') + ' ' + x.message).join('; '));
    if (ids.has(r.id)) problems.push(name + ': duplicate id ' + r.id);
    ids.add(r.id);
  });
  console.log(name + ': ' + rows.length + ' rows');
  return rows;
}
(async () => {
  const accs = await table('accelerators', ${present.some((p) => p[0] === 'accelerators') ? 'T_accelerators' : 'undefined'}, 'ACCELERATORS', S.AcceleratorSchema);
  await table('regions', ${present.some((p) => p[0] === 'regions') ? 'T_regions' : 'undefined'}, 'REGIONS', S.RegionSchema);
  await table('cloudProviders', ${present.some((p) => p[0] === 'cloudProviders') ? 'T_cloudProviders' : 'undefined'}, 'CLOUD_PROVIDERS', S.CloudProviderSchema);
  const models = await table('models', ${present.some((p) => p[0] === 'models') ? 'T_models' : 'undefined'}, 'MODELS', S.ModelSchema);
  const modelIds = new Set(models.map((m: any) => m.id));
  const attention = ${present.some((p) => p[0] === 'attention') ? 'T_attention' : '[]'};
  const attentionIds = new Set<string>();
  attention.forEach((r: any, i: number) => {
    const res = S.AttentionGeometrySchema.safeParse(r);
    if (!res.success) problems.push('attention[' + i + ']: ' + res.error.issues.map((x: any) => x.path.join('.') + ' ' + x.message).join('; '));
    for (const id of r.ids ?? []) {
      if (id !== id.toLowerCase()) problems.push('attention: id ' + id + ' is not lower case');
      if (attentionIds.has(id)) problems.push('attention: id ' + id + ' in two rows');
      attentionIds.add(id);
    }
  });
  console.log('attention: ' + attention.length + ' rows');
  for (const m of models) for (const s of m.smallerSiblings ?? []) if (!modelIds.has(s)) problems.push('models ' + m.id + ': sibling ' + s + ' is not a catalog id');
  const aliasOwner = new Map<string, string>();
  for (const a of accs) for (const n of [a.id, ...a.aliases]) {
    const k = n.toLowerCase();
    if (aliasOwner.has(k) && aliasOwner.get(k) !== a.id) problems.push('accelerators: alias ' + n + ' used by ' + aliasOwner.get(k) + ' and ' + a.id);
    aliasOwner.set(k, a.id);
  }
  const cited = [
    ...sourcesIn('accelerators', accs), ...sourcesIn('models', models),
    ...sourcesIn('regions', ${present.some((p) => p[0] === 'regions') ? 'T_regions' : '[]'}),
    ...sourcesIn('cloudProviders', ${present.some((p) => p[0] === 'cloudProviders') ? 'T_cloudProviders' : '[]'}),
    ...sourcesIn('datasets', DATASETS), ...sourcesIn('instances', INSTANCE_TYPES), ...sourcesIn('constants', Object.values(CONSTANTS)),
  ];
  const notices = noticeEntries(${JSON.stringify(readFileSync(join(root, 'THIRD_PARTY_NOTICES.md'), 'utf8'))});
  problems.push(...datasetsMissingFromNotices(cited, notices));
  console.log('notices: ' + cited.length + ' sources checked against ' + notices.length + ' dataset entries');
  if (problems.length) { console.error(problems.join('\\n')); process.exit(1); }
  console.log('knowledge OK');
})();
`;
const dir = mkdtempSync(join(tmpdir(), 'greenai-check-'));
// The check may end the process (process.exit): the bundle goes with it.
process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
const out = join(dir, 'check.cjs');
await build({
  stdin: { contents: entry, resolveDir: root, loader: 'ts' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  outfile: out,
  logLevel: 'error',
});
await import(pathToFileURL(out).href);
