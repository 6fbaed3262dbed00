import type { Accelerator } from '../knowledge/schema';
import type { ResolvedRun } from '../resolve/completeRun';
import type { Precision } from '../runSpec';
import * as C from './constants';

/**
 * The estimation model: a pure function from a fully resolved run to compute,
 * time, energy and CO2e, with a low–high range from the uncertain inputs
 * (utilisation, power, host overhead, unknown dataset size).
 */

export interface Estimate {
  readonly flops: number;
  readonly acceleratorHours: number;
  readonly wallClockHours: number;
  readonly energyKWh: number;
  readonly co2eKg: number;
  readonly co2eKgLow: number;
  readonly co2eKgHigh: number;
  readonly operationalCo2eKg: number;
  readonly embodiedCo2eKg: number;
  readonly breakdown: {
    readonly acceleratorKWh: number;
    readonly hostKWh: number;
    readonly pueOverheadKWh: number;
  };
  /** Peak FLOP/s per accelerator at the precision used, and which format's figure it was. */
  readonly peak: { readonly tflops: number; readonly format: keyof Accelerator['peakTflops'] };
  readonly acceleratorPowerW: number;
}

/** Formats to fall back to when a chip has no figure for the requested one, in order. */
const PEAK_FALLBACK: Record<Precision, Array<keyof Accelerator['peakTflops']>> = {
  fp32: ['fp32', 'tf32', 'bf16', 'fp16'],
  tf32: ['tf32', 'fp32', 'bf16', 'fp16'],
  fp16: ['fp16', 'bf16', 'fp32'],
  bf16: ['bf16', 'fp16', 'fp32'],
  fp8: ['fp8', 'bf16', 'fp16', 'fp32'],
  // QLoRA and int8 training compute in 16-bit after dequantising the weights.
  int8: ['bf16', 'fp16', 'fp32'],
  int4: ['bf16', 'fp16', 'fp32'],
};

export function peakFor(accelerator: Accelerator, precision: Precision): { tflops: number; format: keyof Accelerator['peakTflops'] } {
  for (const format of PEAK_FALLBACK[precision]) {
    const tflops = accelerator.peakTflops[format];
    if (tflops) return { tflops, format };
  }
  // The schema guarantees at least one figure.
  const [format, tflops] = Object.entries(accelerator.peakTflops)[0] as [keyof Accelerator['peakTflops'], number];
  return { tflops, format };
}

export function trainingFlops(run: ResolvedRun): number {
  const { training, model, mode } = run;
  if (model.forwardGflopsPerSample !== null && mode !== 'inference') {
    const passes = C.TRAINING_PASSES_PER_FORWARD.value + (training.gradientCheckpointing ? 1 : 0);
    return model.forwardGflopsPerSample * 1e9 * passes * (training.samples ?? 0);
  }
  const tokens = training.tokens ?? 0;
  const n = model.activeParams;
  if (mode === 'inference') return C.INFERENCE_FLOPS_PER_PARAM_TOKEN.value * n * tokens;
  if (mode === 'lora' || mode === 'qlora') {
    const perToken = C.ADAPTER_FLOPS_PER_PARAM_TOKEN.value + (training.gradientCheckpointing ? 2 : 0);
    return perToken * n * tokens;
  }
  const perToken = training.gradientCheckpointing ? C.RECOMPUTE_FLOPS_PER_PARAM_TOKEN.value : C.TRAINING_FLOPS_PER_PARAM_TOKEN.value;
  return perToken * n * tokens;
}

interface Scenario {
  readonly mfu: number;
  readonly powerShare: number;
  readonly hostW: number;
  readonly sizeFactor: number;
}

function evaluateScenario(run: ResolvedRun, flops: number, s: Scenario) {
  const { accelerator, count } = run.hardware;
  const peak = peakFor(accelerator, run.training.precision);
  const fixedHours = run.hardware.acceleratorHours;
  const acceleratorHours = fixedHours ?? (flops * s.sizeFactor) / (peak.tflops * 1e12 * s.mfu) / 3600;
  const wallClockHours = acceleratorHours / count;
  const measuredW = accelerator.measuredTrainingPowerW;
  const measured = measuredW !== null;
  // A measured average is the central power; the range scales it like the TDP share would.
  const powerW = run.powerFactor * (measured ? measuredW * (s.powerShare / C.POWER_SHARE_OF_TDP.central) : accelerator.tdpW * s.powerShare);
  const acceleratorKWh = (acceleratorHours * powerW) / 1000;
  // A measured system power per chip already includes its share of the host.
  const hostIncluded = measured && accelerator.measuredPowerIncludesHost === true;
  const hostKWh = accelerator.kind === 'cpu' || hostIncluded ? 0 : (acceleratorHours * s.hostW * run.powerFactor) / 1000;
  const itKWh = acceleratorKWh + hostKWh;
  const energyKWh = itKWh * run.datacenter.pue;
  const operationalCo2eKg = (energyKWh * run.datacenter.intensityGPerKWh) / 1000;
  const lifeHours = C.HARDWARE_SERVICE_LIFE_YEARS.value * 365.25 * 24 * C.HARDWARE_AVERAGE_UTILISATION.value;
  const embodiedPerAccelHourKg = (accelerator.embodiedKgCo2e + (accelerator.kind === 'cpu' ? 0 : C.HOST_SERVER_EMBODIED_KG.value / C.ACCELERATORS_PER_SERVER.value)) / lifeHours;
  const embodiedCo2eKg = run.includeEmbodied ? acceleratorHours * embodiedPerAccelHourKg : 0;
  return { acceleratorHours, wallClockHours, powerW, acceleratorKWh, hostKWh, energyKWh, operationalCo2eKg, embodiedCo2eKg, peak };
}

export function estimateRun(run: ResolvedRun): Estimate {
  const flops = trainingFlops(run);
  const spread = (run.sizeIsDefault ? C.UNKNOWN_SIZE_SPREAD.value : 1) * run.paramsSpread;
  const central = evaluateScenario(run, flops, {
    mfu: run.mfu.central,
    powerShare: C.POWER_SHARE_OF_TDP.central,
    hostW: C.HOST_WATTS_PER_ACCELERATOR.central,
    sizeFactor: 1,
  });
  const low = evaluateScenario(run, flops, {
    mfu: run.mfu.high,
    powerShare: C.POWER_SHARE_OF_TDP.low,
    hostW: C.HOST_WATTS_PER_ACCELERATOR.low,
    sizeFactor: 1 / spread,
  });
  const high = evaluateScenario(run, flops, {
    mfu: run.mfu.low,
    powerShare: C.POWER_SHARE_OF_TDP.high,
    hostW: C.HOST_WATTS_PER_ACCELERATOR.high,
    sizeFactor: spread,
  });
  const total = (s: typeof central) => s.operationalCo2eKg + s.embodiedCo2eKg;
  const itKWh = central.acceleratorKWh + central.hostKWh;
  return {
    flops,
    acceleratorHours: central.acceleratorHours,
    wallClockHours: central.wallClockHours,
    energyKWh: central.energyKWh,
    co2eKg: total(central),
    co2eKgLow: Math.min(total(low), total(central)),
    co2eKgHigh: Math.max(total(high), total(central)),
    operationalCo2eKg: central.operationalCo2eKg,
    embodiedCo2eKg: central.embodiedCo2eKg,
    breakdown: { acceleratorKWh: central.acceleratorKWh, hostKWh: central.hostKWh, pueOverheadKWh: central.energyKWh - itKWh },
    peak: central.peak,
    acceleratorPowerW: central.powerW,
  };
}
