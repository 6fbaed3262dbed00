import type { Accelerator } from '../knowledge/schema';
import type { ResolvedRun } from '../resolve/completeRun';
import type { Precision } from '../runSpec';
import * as C from './constants';
import {
  CENTRAL_SCENARIO,
  HIGH_SCENARIO,
  LOW_SCENARIO,
  servingPoint,
  servingShape,
  type ServingRegime,
  type ServingScenario,
} from './inference';

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
  /** Serving figures, for inference runs (token models, and networks run forward once per input). */
  readonly inference?: InferenceEstimate;
}

/** What serving costs: per request, per 1,000 requests, per day of service and per deployment (central values). */
export interface InferenceEstimate {
  readonly engine: string;
  readonly regime: ServingRegime;
  /** Sequences decoded together per replica at the modelled load; the configured maximum; what memory allows. */
  readonly concurrency: number;
  readonly configuredConcurrency: number;
  readonly memoryConcurrency: number;
  readonly devicesPerReplica: number;
  readonly replicas: number;
  /** False when the weights do not fit on the accelerators given. */
  readonly fits: boolean;
  readonly weightGB: number;
  readonly kvCacheKBPerToken: number;
  readonly decodeStepMs: number;
  readonly latencySeconds: number;
  readonly outputTokensPerSecond: number;
  /** For a network run forward once per input: one batch's forward pass, and the inputs served per second in all. */
  readonly forwardPass?: {
    readonly gflopsPerInput: number;
    readonly batch: number;
    readonly stepMs: number;
    readonly inputsPerSecond: number;
    /** A diffusion pipeline's image: its denoising steps (each a denoiser call); absent for other networks. */
    readonly denoisingSteps?: number;
  };
  readonly perRequest: {
    readonly energyWh: number;
    readonly energyWhLow: number;
    readonly energyWhHigh: number;
    readonly co2eG: number;
    readonly acceleratorSeconds: number;
  };
  readonly per1kRequests: { readonly energyKWh: number; readonly co2eKg: number };
  /** Present for a deployment (requests per day): one day of service, idle time included. */
  readonly perDay: {
    readonly requests: number;
    readonly energyKWh: number;
    readonly co2eKg: number;
    readonly idleEnergyKWh: number;
    readonly busyShare: number;
    readonly overloaded: boolean;
  } | null;
  readonly deployment: {
    readonly days: number;
    readonly requests: number;
    readonly energyKWh: number;
    readonly co2eKg: number;
  } | null;
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

export function peakFor(
  accelerator: Accelerator,
  precision: Precision,
): { tflops: number; format: keyof Accelerator['peakTflops'] } {
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
  if (model.forwardGflopsPerSample !== null && (mode !== 'inference' || run.inference?.forwardPass)) {
    // Serving runs each input forward once; training adds the backward pass. Adapters (LoRA) skip the frozen weights'
    // gradients, as the per-token rule counts them: ADAPTER / TRAINING FLOPs per parameter-token of the full passes.
    const adapter = mode === 'lora' || mode === 'qlora';
    const backward = adapter
      ? (C.TRAINING_PASSES_PER_FORWARD.value * C.ADAPTER_FLOPS_PER_PARAM_TOKEN.value) /
        C.TRAINING_FLOPS_PER_PARAM_TOKEN.value
      : C.TRAINING_PASSES_PER_FORWARD.value;
    const passes = mode === 'inference' ? 1 : backward + (training.gradientCheckpointing ? 1 : 0);
    return model.forwardGflopsPerSample * 1e9 * passes * (training.samples ?? 0);
  }
  const tokens = training.tokens ?? 0;
  const n = model.activeParams;
  if (mode === 'inference') return C.INFERENCE_FLOPS_PER_PARAM_TOKEN.value * n * tokens;
  if (mode === 'lora' || mode === 'qlora') {
    const perToken = C.ADAPTER_FLOPS_PER_PARAM_TOKEN.value + (training.gradientCheckpointing ? 2 : 0);
    return perToken * n * tokens;
  }
  const perToken = training.gradientCheckpointing
    ? C.RECOMPUTE_FLOPS_PER_PARAM_TOKEN.value
    : C.TRAINING_FLOPS_PER_PARAM_TOKEN.value;
  if (run.architecture === 'encoder-decoder') {
    // The encoder sees the inputs, the decoder the targets, each with about half the parameters.
    const decoderLen = run.spec.training.decoderSeqLen ?? null;
    const inputLen = training.seqLen;
    if (decoderLen && inputLen && training.samples)
      return perToken * (n / 2) * training.samples * (inputLen + decoderLen);
    return (
      (perToken / C.TRAINING_FLOPS_PER_PARAM_TOKEN.value) * C.ENCODER_DECODER_FLOPS_PER_PARAM_TOKEN.value * n * tokens
    );
  }
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
  const peak = peakFor(accelerator, run.training.computePrecision);
  const fixedHours = run.hardware.acceleratorHours;
  const acceleratorHours = fixedHours ?? (flops * s.sizeFactor) / (peak.tflops * 1e12 * s.mfu) / 3600;
  const wallClockHours = acceleratorHours / count;
  const measuredW = accelerator.measuredTrainingPowerW;
  const measured = measuredW !== null;
  // A measured average is the central power; the range scales it like the TDP share would.
  const powerW =
    run.powerFactor *
    (measured ? measuredW * (s.powerShare / C.POWER_SHARE_OF_TDP.central) : accelerator.tdpW * s.powerShare);
  const acceleratorKWh = (acceleratorHours * powerW) / 1000;
  // A measured system power per chip already includes its share of the host.
  const hostIncluded = measured && accelerator.measuredPowerIncludesHost === true;
  const hostKWh =
    accelerator.kind === 'cpu' || hostIncluded ? 0 : (acceleratorHours * s.hostW * run.powerFactor) / 1000;
  const itKWh = acceleratorKWh + hostKWh;
  const energyKWh = itKWh * run.datacenter.pue;
  const operationalCo2eKg = (energyKWh * run.datacenter.intensityGPerKWh) / 1000;
  const lifeHours = C.HARDWARE_SERVICE_LIFE_YEARS.value * 365.25 * 24 * C.HARDWARE_AVERAGE_UTILISATION.value;
  const embodiedPerAccelHourKg =
    (accelerator.embodiedKgCo2e +
      (accelerator.kind === 'cpu' ? 0 : C.HOST_SERVER_EMBODIED_KG.value / C.ACCELERATORS_PER_SERVER.value)) /
    lifeHours;
  const embodiedCo2eKg = run.includeEmbodied ? acceleratorHours * embodiedPerAccelHourKg : 0;
  return {
    acceleratorHours,
    wallClockHours,
    powerW,
    acceleratorKWh,
    hostKWh,
    energyKWh,
    operationalCo2eKg,
    embodiedCo2eKg,
    peak,
  };
}

export function estimateRun(run: ResolvedRun): Estimate {
  if (run.inference && run.hardware.acceleratorHours === null) return estimateServing(run);
  const flops = trainingFlops(run);
  const spread = (run.sizeIsDefault ? C.UNKNOWN_SIZE_SPREAD.value : 1) * run.paramsSpread;
  const central = evaluateScenario(run, flops, {
    mfu: run.mfu.central,
    powerShare: C.POWER_SHARE_OF_TDP.central,
    hostW: C.hostWattsFor(run.hardware.count).central,
    sizeFactor: 1,
  });
  const low = evaluateScenario(run, flops, {
    mfu: run.mfu.high,
    powerShare: C.POWER_SHARE_OF_TDP.low,
    hostW: C.hostWattsFor(run.hardware.count).low,
    sizeFactor: 1 / spread,
  });
  const high = evaluateScenario(run, flops, {
    mfu: run.mfu.low,
    powerShare: C.POWER_SHARE_OF_TDP.high,
    hostW: C.hostWattsFor(run.hardware.count).high,
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
    breakdown: {
      acceleratorKWh: central.acceleratorKWh,
      hostKWh: central.hostKWh,
      pueOverheadKWh: central.energyKWh - itKWh,
    },
    peak: central.peak,
    acceleratorPowerW: central.powerW,
  };
}

function embodiedPerDeviceHourKg(accelerator: Accelerator): number {
  const lifeHours = C.HARDWARE_SERVICE_LIFE_YEARS.value * 365.25 * 24 * C.HARDWARE_AVERAGE_UTILISATION.value;
  return (
    (accelerator.embodiedKgCo2e +
      (accelerator.kind === 'cpu' ? 0 : C.HOST_SERVER_EMBODIED_KG.value / C.ACCELERATORS_PER_SERVER.value)) /
    lifeHours
  );
}

/** Inference of a token model: the serving model of ./inference.ts, totalled over the run's requests or deployment. */
function estimateServing(run: ResolvedRun): Estimate {
  const inf = run.inference!;
  const shape = servingShape(run, inf);
  const deployment = inf.requestsPerDay !== null && inf.days !== null;
  const pue = run.datacenter.pue;
  const intensity = run.datacenter.intensityGPerKWh;
  const embodiedRate = run.includeEmbodied ? embodiedPerDeviceHourKg(run.hardware.accelerator) : 0;
  const devices = shape.devicesPerReplica * shape.replicas;
  const evaluate = (s: ServingScenario) => {
    const p = servingPoint(run, inf, shape, s, deployment ? inf.requestsPerDay : null);
    const requests = inf.requests;
    let acceleratorWh: number;
    let hostWh: number;
    let deviceHours: number;
    if (deployment) {
      const perDayBusyAcc = inf.requestsPerDay * p.acceleratorWhPerRequest;
      const perDayBusyHost = inf.requestsPerDay * p.hostWhPerRequest;
      const idle = p.idleWhPerDay ?? 0;
      acceleratorWh = inf.days * (perDayBusyAcc + idle * accShareOfIdle(run, s));
      hostWh = inf.days * (perDayBusyHost + idle * (1 - accShareOfIdle(run, s)));
      // Devices are reserved for the whole deployment; an overloaded one needs more, which the busy time counts.
      deviceHours = Math.max(inf.days * 24 * devices, (requests * p.deviceSecondsPerRequest) / 3600);
    } else {
      acceleratorWh = requests * p.acceleratorWhPerRequest;
      hostWh = requests * p.hostWhPerRequest;
      deviceHours = (requests * p.deviceSecondsPerRequest) / 3600;
    }
    const itKWh = (acceleratorWh + hostWh) / 1000;
    const energyKWh = itKWh * pue;
    const operationalCo2eKg = (energyKWh * intensity) / 1000;
    const embodiedCo2eKg = deviceHours * embodiedRate;
    return {
      p,
      acceleratorKWh: acceleratorWh / 1000,
      hostKWh: hostWh / 1000,
      energyKWh,
      operationalCo2eKg,
      embodiedCo2eKg,
      deviceHours,
      requests,
    };
  };
  const host = C.hostWattsFor(run.hardware.count);
  const central = evaluate({ ...CENTRAL_SCENARIO, hostW: host.central });
  const low = evaluate({ ...LOW_SCENARIO, hostW: host.low });
  const high = evaluate({ ...HIGH_SCENARIO, hostW: host.high });
  const total = (x: typeof central) => x.operationalCo2eKg + x.embodiedCo2eKg;
  const itKWh = central.acceleratorKWh + central.hostKWh;
  const n = central.requests;
  const perDayRequests = inf.requestsPerDay ?? 0;
  const days = inf.days ?? 0;
  const perDayEnergy = deployment ? central.energyKWh / days : 0;
  const perDayCo2 = deployment ? total(central) / days : 0;
  const flops = inf.forwardPass
    ? n * inf.numSequences * shape.forwardFlopsPerInput
    : n *
      (shape.prefillFlopsPerToken * inf.inputTokens + shape.decodeFlopsPerToken * inf.outputTokens * inf.numSequences);
  const p = central.p;
  const inference: InferenceEstimate = {
    engine: inf.engine,
    regime: p.regime,
    concurrency: p.concurrency,
    configuredConcurrency: shape.configuredConcurrency,
    memoryConcurrency: shape.memoryConcurrency,
    devicesPerReplica: shape.devicesPerReplica,
    replicas: shape.replicas,
    fits: shape.fits,
    weightGB: shape.weightBytes / 1e9,
    kvCacheKBPerToken: shape.kvBytesPerToken / 1000,
    decodeStepMs: inf.forwardPass ? 0 : p.stepMs,
    latencySeconds: p.latencySeconds,
    outputTokensPerSecond: p.tokensPerSecondPerReplica * shape.replicas,
    ...(inf.forwardPass
      ? {
          forwardPass: {
            gflopsPerInput: shape.forwardFlopsPerInput / 1e9,
            batch: p.concurrency,
            stepMs: p.stepMs,
            inputsPerSecond: (p.concurrency / (p.stepMs / 1000)) * shape.replicas,
            ...(inf.forwardPass.denoiserCalls !== undefined ? { denoisingSteps: inf.forwardPass.denoiserCalls } : {}),
          },
        }
      : {}),
    perRequest: {
      energyWh: (central.energyKWh * 1000) / n,
      energyWhLow: (Math.min(low.energyKWh, central.energyKWh) * 1000) / n,
      energyWhHigh: (Math.max(high.energyKWh, central.energyKWh) * 1000) / n,
      co2eG: (total(central) * 1000) / n,
      acceleratorSeconds: (central.deviceHours * 3600) / n,
    },
    per1kRequests: { energyKWh: (central.energyKWh / n) * 1000, co2eKg: (total(central) / n) * 1000 },
    perDay: deployment
      ? {
          requests: perDayRequests,
          energyKWh: perDayEnergy,
          co2eKg: perDayCo2,
          idleEnergyKWh: ((p.idleWhPerDay ?? 0) / 1000) * pue,
          busyShare: p.busyShare ?? 1,
          overloaded: p.overloaded,
        }
      : null,
    deployment: deployment ? { days, requests: n, energyKWh: central.energyKWh, co2eKg: total(central) } : null,
  };
  return {
    flops,
    acceleratorHours: central.deviceHours,
    wallClockHours: deployment ? days * 24 : central.deviceHours / devices,
    energyKWh: central.energyKWh,
    co2eKg: total(central),
    co2eKgLow: Math.min(total(low), total(central)),
    co2eKgHigh: Math.max(total(high), total(central)),
    operationalCo2eKg: central.operationalCo2eKg,
    embodiedCo2eKg: central.embodiedCo2eKg,
    breakdown: {
      acceleratorKWh: central.acceleratorKWh,
      hostKWh: central.hostKWh,
      pueOverheadKWh: central.energyKWh - itKWh,
    },
    peak: peakFor(run.hardware.accelerator, run.training.computePrecision),
    acceleratorPowerW: central.deviceHours > 0 ? (central.acceleratorKWh * 1000) / central.deviceHours : 0,
    inference,
  };
}

/** Share of a device's idle power that is the accelerator's (the rest is its host's). */
function accShareOfIdle(run: ResolvedRun, s: ServingScenario): number {
  const acc = run.hardware.accelerator.tdpW * s.idleShare;
  const host = run.hardware.accelerator.kind === 'cpu' ? 0 : s.hostW;
  return acc / (acc + host);
}
