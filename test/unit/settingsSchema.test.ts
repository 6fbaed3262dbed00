import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { z } from 'zod';
import { SETTINGS_FIELDS } from '../../src/core/settingsSchema';
import { ROOT } from './helpers';

interface ContributedProperty {
  type: string | string[];
  default: unknown;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
}

const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  contributes: { configuration: { properties: Record<string, ContributedProperty> } };
};
const contributed = Object.fromEntries(
  Object.entries(pkg.contributes.configuration.properties).map(([key, p]) => [key.replace(/^greenAI\./, ''), p]),
);

const BOUNDS = ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum'] as const;

/** Types and numeric bounds of a zod field as JSON Schema states them (a nullable field is an anyOf). */
function shapeOf(schema: z.ZodType): { types: string[]; bounds: Partial<Record<(typeof BOUNDS)[number], number>> } {
  const json = z.toJSONSchema(schema, { io: 'input' }) as Record<string, unknown> & {
    anyOf?: Array<Record<string, unknown>>;
  };
  const branches = json.anyOf ?? [json];
  const bounds: Partial<Record<(typeof BOUNDS)[number], number>> = {};
  for (const b of branches) for (const k of BOUNDS) if (typeof b[k] === 'number') bounds[k] = b[k];
  return { types: branches.map((b) => String(b.type)).sort(), bounds };
}

describe('Settings: package.json and the zod schema', () => {
  it('every contributed greenAI.* property has a zod field, and every field a property', () => {
    assert.deepEqual(Object.keys(contributed).sort(), Object.keys(SETTINGS_FIELDS).sort());
  });

  it('each property has the same default, types and bounds as its zod field', () => {
    for (const [key, schema] of Object.entries(SETTINGS_FIELDS)) {
      const property = contributed[key];
      assert.deepEqual(schema.parse(undefined), property.default, `default of greenAI.${key}`);
      const { types, bounds } = shapeOf(schema);
      assert.deepEqual(types, [property.type].flat().sort(), `type of greenAI.${key}`);
      const declared = Object.fromEntries(BOUNDS.filter((k) => property[k] !== undefined).map((k) => [k, property[k]]));
      assert.deepEqual(bounds, declared, `bounds of greenAI.${key}`);
    }
  });

  it('a value outside the contributed bounds is rejected by the schema', () => {
    assert.equal(SETTINGS_FIELDS.pue.safeParse(0.9).success, false);
    assert.equal(SETTINGS_FIELDS.budgetKg.safeParse(0).success, false);
    assert.equal(SETTINGS_FIELDS.defaultAcceleratorCount.safeParse(1.5).success, false);
  });
});
