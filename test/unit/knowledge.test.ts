import * as assert from 'node:assert/strict';
import { ACCELERATORS } from '../../src/core/knowledge/data/accelerators';
import { CLOUD_PROVIDERS } from '../../src/core/knowledge/data/cloudProviders';
import { DATASETS } from '../../src/core/knowledge/data/datasets';
import { INSTANCE_TYPES } from '../../src/core/knowledge/data/instances';
import { MODELS } from '../../src/core/knowledge/data/models';
import { REGIONS } from '../../src/core/knowledge/data/regions';
import { findAccelerator, findModel, findRegion } from '../../src/core/knowledge';
import {
  AcceleratorSchema,
  CloudProviderSchema,
  DatasetSchema,
  InstanceTypeSchema,
  ModelSchema,
  RegionSchema,
} from '../../src/core/knowledge/schema';
import type { z } from 'zod';

function validate(name: string, rows: readonly unknown[], schema: z.ZodType): void {
  const problems = rows.flatMap((row, i) => {
    const r = schema.safeParse(row);
    return r.success
      ? []
      : [
          `${name}[${i}] ${(row as { id?: string }).id}: ${r.error.issues.map((x) => `${x.path.join('.')} ${x.message}`).join('; ')}`,
        ];
  });
  assert.deepEqual(problems, []);
  const ids = rows.map((r) => (r as { id: string }).id);
  assert.equal(new Set(ids).size, ids.length, `${name} has duplicate ids`);
}

describe('Knowledge base', () => {
  it('every table validates and every row has a source', () => {
    validate('accelerators', ACCELERATORS, AcceleratorSchema);
    validate('regions', REGIONS, RegionSchema);
    validate('cloudProviders', CLOUD_PROVIDERS, CloudProviderSchema);
    validate('models', MODELS, ModelSchema);
    validate('datasets', DATASETS, DatasetSchema);
    validate('instances', INSTANCE_TYPES, InstanceTypeSchema);
    assert.ok(
      DATASETS.length >= 60 && INSTANCE_TYPES.length >= 30,
      `${DATASETS.length} datasets, ${INSTANCE_TYPES.length} instance types`,
    );
    for (const d of DATASETS) assert.match(d.source, /licence:/, `${d.id} records its licence`);
  });

  it('maps every instance type to a catalog accelerator, and a SkyPilot instance to accelerator × count', async () => {
    for (const i of INSTANCE_TYPES) assert.ok(findAccelerator(i.accelerator), `${i.id} → ${i.accelerator}`);
    const { completeRun } = await import('../../src/core/resolve/completeRun');
    const { DEFAULT_SETTINGS, RunSpecSchema } = await import('../../src/core/runSpec');
    const run = completeRun(
      RunSpecSchema.parse({
        model: { params: 1e9 },
        training: { tokens: 1e9 },
        hardware: { accelerator: 'p4d.24xlarge', nodes: 2 },
      }),
      DEFAULT_SETTINGS,
      {},
      { origin: 'code' },
    );
    assert.equal(run.hardware.accelerator.id, 'A100-SXM4-40GB');
    assert.equal(run.hardware.count, 16);
  });

  it('smaller siblings point at catalog models', () => {
    for (const m of MODELS) for (const s of m.smallerSiblings) assert.ok(findModel(s), `${m.id} → ${s}`);
  });

  it('resolves the aliases the validation data and users write', () => {
    for (const alias of [
      'A100-80GB',
      'A100',
      'a100',
      'V100',
      'TPUv3',
      'TPU v4',
      'H100',
      'H100-80GB',
      'MI250X',
      'A100-40GB',
      'TPUv2',
    ]) {
      assert.ok(findAccelerator(alias), alias);
    }
    assert.equal(findAccelerator('definitely-not-a-gpu'), undefined);
    assert.ok(findModel('google-bert/bert-base-uncased') ?? findModel('bert-base-uncased'));
    assert.ok(findRegion('us-east-1') && findRegion('FR') && findRegion('world'));
  });
});
