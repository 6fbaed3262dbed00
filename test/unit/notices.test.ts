import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ACCELERATORS } from '../../src/core/knowledge/data/accelerators';
import { CLOUD_PROVIDERS } from '../../src/core/knowledge/data/cloudProviders';
import { DATASETS } from '../../src/core/knowledge/data/datasets';
import { INSTANCE_TYPES } from '../../src/core/knowledge/data/instances';
import { MODELS } from '../../src/core/knowledge/data/models';
import { REGIONS } from '../../src/core/knowledge/data/regions';
import * as CONSTANTS from '../../src/core/estimate/constants';
import {
  bundledPackages,
  datasetsMissingFromNotices,
  namesDataset,
  noticedLibraries,
  noticeEntries,
  sourcesIn,
  type CitedSource,
} from '../../scripts/notices';
import { ROOT } from './helpers';

const NOTICES = fs.readFileSync(path.join(ROOT, 'THIRD_PARTY_NOTICES.md'), 'utf8');

function catalogSources(): CitedSource[] {
  return [
    ...sourcesIn('accelerators', ACCELERATORS),
    ...sourcesIn('regions', REGIONS),
    ...sourcesIn('cloudProviders', CLOUD_PROVIDERS),
    ...sourcesIn('models', MODELS),
    ...sourcesIn('datasets', DATASETS),
    ...sourcesIn('instances', INSTANCE_TYPES),
    ...sourcesIn('constants', Object.values(CONSTANTS)),
  ];
}

describe('Third-party notices', () => {
  it('list every dataset a catalog source names', () => {
    const sources = catalogSources();
    const naming = sources.filter((s) => s.source.split(';').some(namesDataset));
    // The grid-intensity and embodied-carbon tables cite datasets row by row: the rule must see them.
    assert.ok(naming.length > 300, `${naming.length} of ${sources.length} sources name a dataset`);
    assert.deepEqual(datasetsMissingFromNotices(sources, noticeEntries(NOTICES)), []);
  });

  it('fail, naming the clause, when a dataset entry is missing', () => {
    const withoutEmber = noticeEntries(NOTICES).filter((e) => !e.name.startsWith('Ember'));
    const missing = datasetsMissingFromNotices(sourcesIn('regions', REGIONS), withoutEmber);
    assert.ok(missing.length > 0);
    assert.match(missing[0], /^regions: .*Ember, Yearly Electricity Data/);
  });

  it('tell a dataset from a model config, a dataset card or a dataset size', () => {
    assert.ok(namesDataset('github.com/GoogleCloudPlatform/region-carbon-info data/yearly/2025.csv'));
    assert.ok(namesDataset('ADEME / Hubblo GPU life-cycle dataset (Lees-Perasso et al.)'));
    assert.ok(!namesDataset('computed from config.json (12 layers, hidden 768)'));
    assert.ok(!namesDataset('Hugging Face dataset card nyu-mll/glue, config sst2: train 67,349 rows'));
    assert.ok(!namesDataset('a visible ×3 uncertainty when the dataset size is unknown'));
  });

  it('name every npm package the bundles contain', async function () {
    this.timeout(60_000);
    const bundled = await bundledPackages(ROOT);
    assert.ok(bundled.includes('zod') && bundled.includes('chart.js'), bundled.join(', '));
    const noticed = noticedLibraries(NOTICES);
    assert.deepEqual(
      bundled.filter((p) => !noticed.has(p)),
      [],
    );
  });

  it('are what npm run check:knowledge checks too', function () {
    this.timeout(60_000);
    const run = spawnSync(process.execPath, [path.join(ROOT, 'scripts/check-knowledge.mjs')], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /notices: \d+ sources checked/);
  });

  it('ship in the .vsix', () => {
    const ignore = fs.readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8').split('\n');
    assert.ok(ignore.includes('!THIRD_PARTY_NOTICES.md'));
  });
});
