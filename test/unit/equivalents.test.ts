import * as assert from 'node:assert/strict';
import {
  drivingEquivalent,
  equivalents,
  flightEquivalent,
  householdEquivalent,
  phoneChargeEquivalent,
} from '../../src/core/report/equivalents';

describe('Everyday equivalents', () => {
  it('converts with the published factors: 400 g/mile, 0.150 kg/passenger-km over 5,555 km, 0.012 kWh per charge, 10,649 kWh per home-year', () => {
    assert.equal(drivingEquivalent(24.855).text, '≈ 100 km driven by car');
    assert.equal(flightEquivalent(5555 * 0.15 * 2).text, '≈ 2.0 economy seats London → New York');
    assert.equal(phoneChargeEquivalent(1.2).text, '≈ 100 smartphone charges');
    assert.equal(householdEquivalent((10_649 / 365) * 3).text, "≈ 3.0 days of a US home's electricity");
  });

  it('stays readable for tiny runs', () => {
    assert.equal(flightEquivalent(1.5).text, '≈ 10 km of a long-haul economy flight');
    assert.equal(householdEquivalent(10_649 / 365 / 4).text, "≈ 6 h of a US home's electricity");
    assert.equal(householdEquivalent(10_649 / 365 / 24 / 6).text, "≈ 10 min of a US home's electricity");
    assert.equal(flightEquivalent(0.019).text, '≈ 127 m of a long-haul economy flight');
    assert.equal(drivingEquivalent(0.019).text, '≈ 76 m driven by car');
    assert.equal(phoneChargeEquivalent(0.006).text, '≈ 0.5 smartphone charges');
  });

  it('gives every equivalent a source', () => {
    const all = equivalents(10, 20);
    assert.equal(all.length, 4);
    for (const e of all) assert.match(e.source, /EPA|DESNZ|EIA/);
  });
});
