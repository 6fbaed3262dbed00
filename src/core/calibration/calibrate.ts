import type { Calibration } from '../runSpec';
import type { MeasuredComparison } from './match';

/**
 * A workspace calibration from matched (estimate, measurement) pairs: how much
 * faster or slower the team's runs are than the published utilisation range
 * assumes, and how much more or less power they draw. Only pairs with both a
 * duration and an energy reading count (CodeCarbon rows; model cards have
 * neither). The estimates were made with the current calibration, so the new
 * factors multiply the current ones.
 */

export interface CalibrationProposal {
  readonly calibration: Calibration;
  /** Pairs used, and pairs left out with why. */
  readonly used: number;
  readonly excluded: ReadonlyArray<{ readonly file: string; readonly line: number; readonly reason: string }>;
  /** One sentence for people: what the factors mean. */
  readonly summary: string;
}

/** Beyond this, a pair most likely compares different run sizes rather than the same run. */
const MAX_PLAUSIBLE_RATIO = 20;

const geomean = (xs: readonly number[]) => Math.exp(xs.reduce((s, x) => s + Math.log(x), 0) / xs.length);

export function proposeCalibration(
  pairs: readonly MeasuredComparison[],
  current: Calibration | null,
  today: string,
): CalibrationProposal | { readonly problem: string } {
  const excluded: Array<{ file: string; line: number; reason: string }> = [];
  const hours: number[] = [];
  const power: number[] = [];
  for (const p of pairs) {
    const where = { file: p.measurement.file, line: p.measurement.line };
    if (p.hoursRatio === null || p.energyRatio === null) {
      excluded.push({
        ...where,
        reason:
          p.measurement.kind === 'model-card'
            ? 'a model card records CO2e only, not duration and energy'
            : 'no duration or energy in the row',
      });
      continue;
    }
    if (p.hoursRatio > MAX_PLAUSIBLE_RATIO || p.hoursRatio < 1 / MAX_PLAUSIBLE_RATIO) {
      excluded.push({
        ...where,
        reason: `estimate and measurement differ ×${fmt(Math.max(p.hoursRatio, 1 / p.hoursRatio))} in time: probably not the same run size`,
      });
      continue;
    }
    hours.push(p.hoursRatio);
    power.push(p.energyRatio / p.hoursRatio);
  }
  if (hours.length === 0) {
    return {
      problem:
        pairs.length === 0
          ? 'no measured run matches a run in the code (see the README: CodeCarbon project names, or emissions.csv next to the script)'
          : `none of the ${pairs.length} matched measurements can calibrate: ${excluded.map((e) => e.reason).join('; ')}`,
    };
  }
  const hoursRatio = geomean(hours);
  const powerRatio = geomean(power);
  const base = current ?? { utilisationFactor: 1, powerFactor: 1 };
  const calibration: Calibration = {
    utilisationFactor: round(base.utilisationFactor * hoursRatio),
    powerFactor: round(base.powerFactor / powerRatio),
    runs: hours.length,
    date: today,
  };
  const same = (r: number) => Math.abs(Math.log(r)) < 0.02;
  const time = same(hoursRatio)
    ? 'took the time estimated'
    : hoursRatio < 1
      ? `took ×${fmt(1 / hoursRatio)} longer than estimated`
      : `were ×${fmt(hoursRatio)} faster than estimated`;
  const watts = same(powerRatio)
    ? 'drew the power estimated'
    : powerRatio < 1
      ? `drew ×${fmt(1 / powerRatio)} more power`
      : `drew ×${fmt(powerRatio)} less power`;
  return {
    calibration,
    used: hours.length,
    excluded,
    summary: `${hours.length} measured run${hours.length === 1 ? '' : 's'} ${time} and ${watts}: utilisation ×${calibration.utilisationFactor}, power ×${calibration.powerFactor}`,
  };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function fmt(x: number): string {
  return x >= 10 ? x.toFixed(0) : x.toFixed(2);
}
