import type { Accelerator } from '../knowledge/schema';
import type { Precision } from '../runSpec';
import type { ResolvedRun } from '../resolve/completeRun';
import type { ResolvedInference } from '../resolve/resolveInference';
import * as C from './constants';
import * as IC from './inferenceConstants';

/**
 * Serving, as it works: the prompt is processed in one compute-bound pass (≈ 2·N_active FLOPs per prompt
 * token), then each generated token is one decode step over every sequence in flight. A decode step reads the
 * weights once (shared by the batch) and every sequence's KV cache, and computes 2·N_active FLOPs per sequence:
 * its time is the larger of bytes ÷ bandwidth and FLOPs ÷ peak (a roofline), each at a sourced efficiency, and
 * an eager `generate` loop cannot go faster than the CPU launches its kernels (a vLLM before 0.6 adds its
 * per-sequence CPU work to every step). Power follows the load: well below TDP for one sequence waiting on
 * memory, rising with the batch to near TDP, the idle floor while the CPU works.
 * A deployment (requests per day × days) also pays the idle floor of its devices between requests.
 * A network run forward once per input (an image model, a policy network: `inf.forwardPass`) generates no tokens:
 * each batch of inputs is one forward pass, compute-bound at a measured share of the peak, and a plain eager loop
 * cannot finish a pass faster than its CPU launches the layers' kernels.
 */

export type ServingRegime = 'memory-bound' | 'compute-bound' | 'overhead-bound';

/** One point of the range: every uncertain constant at its low, central or high end. */
export interface ServingScenario {
  readonly prefillEfficiency: number;
  readonly bandwidthEfficiency: number;
  readonly servingEfficiency: number;
  readonly eagerMsPerLayer: number;
  readonly idleShare: number;
  /** Decode power share of TDP with one sequence in flight, and once the batch saturates the chip. */
  readonly decodeShare: number;
  readonly saturatedShare: number;
  readonly hostW: number;
  /**
   * Share of the peak a batched forward pass reaches (on CUDA cores in float32, on tensor cores otherwise), and a
   * diffusion pipeline's denoiser pass on tensor cores (larger matrices than an image classifier's).
   */
  readonly forwardEfficiency: { readonly float32: number; readonly tensorCores: number; readonly denoiser: number };
  /** The least time an eager loop takes per forward pass (ms). */
  readonly eagerForwardMs: number;
}

export const CENTRAL_SCENARIO: ServingScenario = pick('central');
/** The low-energy end: fast kernels, low power. */
export const LOW_SCENARIO: ServingScenario = {
  ...pick('high'),
  idleShare: IC.IDLE_POWER_SHARE_OF_TDP.low,
  decodeShare: IC.DECODE_POWER_SHARE_AT_BATCH_1.low,
  saturatedShare: IC.SERVING_POWER_SHARE_SATURATED.low,
  hostW: C.HOST_WATTS_PER_ACCELERATOR.low,
  eagerMsPerLayer: IC.EAGER_STEP_MS_PER_LAYER.low,
  eagerForwardMs: IC.EAGER_FORWARD_PASS_MS.low,
};
/** The high-energy end: slow kernels, high power. */
export const HIGH_SCENARIO: ServingScenario = {
  ...pick('low'),
  idleShare: IC.IDLE_POWER_SHARE_OF_TDP.high,
  decodeShare: IC.DECODE_POWER_SHARE_AT_BATCH_1.high,
  saturatedShare: IC.SERVING_POWER_SHARE_SATURATED.high,
  hostW: C.HOST_WATTS_PER_ACCELERATOR.high,
  eagerMsPerLayer: IC.EAGER_STEP_MS_PER_LAYER.high,
  eagerForwardMs: IC.EAGER_FORWARD_PASS_MS.high,
};

function pick(end: 'low' | 'central' | 'high'): ServingScenario {
  return {
    prefillEfficiency: IC.PREFILL_COMPUTE_EFFICIENCY[end],
    bandwidthEfficiency: IC.DECODE_BANDWIDTH_EFFICIENCY[end],
    servingEfficiency: IC.SERVING_COMPUTE_EFFICIENCY[end],
    eagerMsPerLayer: IC.EAGER_STEP_MS_PER_LAYER.central,
    idleShare: IC.IDLE_POWER_SHARE_OF_TDP.central,
    decodeShare: IC.DECODE_POWER_SHARE_AT_BATCH_1.central,
    saturatedShare: IC.SERVING_POWER_SHARE_SATURATED.central,
    hostW: C.HOST_WATTS_PER_ACCELERATOR.central,
    forwardEfficiency: {
      float32: IC.FORWARD_PASS_COMPUTE_EFFICIENCY.float32[end],
      tensorCores: IC.FORWARD_PASS_COMPUTE_EFFICIENCY.tensorCores[end],
      denoiser: IC.DIFFUSION_DENOISER_COMPUTE_EFFICIENCY[end],
    },
    eagerForwardMs: IC.EAGER_FORWARD_PASS_MS.central,
  };
}

/** Sizes that do not depend on the scenario. */
export interface ServingShape {
  /** Devices one model replica spans, and how many replicas the accelerators hold. */
  readonly devicesPerReplica: number;
  readonly replicas: number;
  /** False when the weights and one sequence's cache do not fit on all the accelerators given. */
  readonly fits: boolean;
  /** Bytes of weights read per decode step at batch 1, and in total. */
  readonly weightBytes: number;
  readonly activeWeightBytes: number;
  /** KV cache bytes per token of context (all layers, keys and values). */
  readonly kvBytesPerToken: number;
  /** Sequences that fit in memory at once per replica, and the configured maximum. */
  readonly memoryConcurrency: number;
  readonly configuredConcurrency: number;
  /** Peak FLOP/s per device for prefill/decode compute, and peak bytes/s. */
  readonly peakFlops: number;
  readonly bandwidth: number;
  readonly decoderLayers: number;
  /** FLOPs per prompt token and per generated token (2 × the parameters each passes through). */
  readonly prefillFlopsPerToken: number;
  readonly decodeFlopsPerToken: number;
  /** FLOPs of one forward pass of one input, for a network run forward once per input (0 for token models). */
  readonly forwardFlopsPerInput: number;
  /** Whether that pass runs on tensor cores (any format but plain float32), which reach less of their peak. */
  readonly forwardOnTensorCores: boolean;
  /** Forward calls each input takes (a diffusion pipeline's denoising steps; 1 otherwise): an eager loop pays each. */
  readonly forwardCallsPerInput: number;
  /** The input is a diffusion pipeline's image: its denoiser passes reach their own share of the peak. */
  readonly forwardIsDenoiser: boolean;
}

export interface ServingStep {
  readonly concurrency: number;
  readonly stepSeconds: number;
  readonly gpuSeconds: number;
  readonly regime: ServingRegime;
  /** Average power per device over the step, watts. */
  readonly powerW: number;
}

export interface ServingPoint {
  /** Sequences decoded together per replica at this load. */
  readonly concurrency: number;
  readonly regime: ServingRegime;
  readonly stepMs: number;
  readonly prefillSeconds: number;
  /** Time one request spends in the system (prefill + its decode steps). */
  readonly latencySeconds: number;
  /** Device-seconds and accelerator energy (Wh) one request uses while being served, idle time excluded. */
  readonly deviceSecondsPerRequest: number;
  readonly acceleratorWhPerRequest: number;
  readonly hostWhPerRequest: number;
  /** Output tokens per second one replica produces at this load. */
  readonly tokensPerSecondPerReplica: number;
  /** For a deployment: share of the day the devices are busy, and their idle energy per day (Wh, accelerators + host). */
  readonly busyShare: number | null;
  readonly idleWhPerDay: number | null;
  /** True when the load needs more replicas than the accelerators given hold. */
  readonly overloaded: boolean;
}

const BYTES = IC.BYTES_PER_ELEMENT;

export function servingShape(run: ResolvedRun, inf: ResolvedInference): ServingShape {
  const acc = run.hardware.accelerator;
  const total = run.model.params;
  const active = Math.min(run.model.activeParams, total);
  const encDec = inf.architecture === 'encoder-decoder';
  // An encoder–decoder model runs the prompt through the encoder and generates with the decoder: about half each.
  const prefillParams = encDec ? active / 2 : active;
  const decodeParams = encDec ? active / 2 : active;
  const weightBytes = (encDec ? total / 2 : total) * BYTES[inf.weightPrecision];
  const activeWeightBytes = decodeParams * BYTES[inf.weightPrecision];
  const g = inf.geometry;
  const kvBytesPerToken = g.layers * 2 * g.kvWidth * BYTES[inf.kvPrecision] * g.fullAttentionShare;
  const contextPerSequence = inf.inputTokens + inf.outputTokens;
  const usablePerDevice = acc.memoryGB * 1e9 * IC.SERVER_MEMORY_SHARE.value;
  const fullWeights = total * BYTES[inf.weightPrecision];
  const needed = fullWeights + kvBytesPerToken * contextPerSequence;
  const count = run.hardware.count;
  let devicesPerReplica: number;
  if (inf.tensorParallel) devicesPerReplica = Math.min(inf.tensorParallel, count);
  else {
    // Enough devices for the weights and one sequence; a server is also sized to hold its configured batch's
    // cache (within the accelerators given). Tensor-parallel sizes are powers of two (they divide the heads).
    const forBatch = inf.server ? fullWeights + kvBytesPerToken * contextPerSequence * inf.concurrency : needed;
    const minimum = Math.max(1, Math.ceil(needed / usablePerDevice), Math.ceil(forBatch / usablePerDevice));
    devicesPerReplica = Math.min(count, 2 ** Math.ceil(Math.log2(minimum)));
  }
  const fits = devicesPerReplica * usablePerDevice >= needed;
  const replicas = Math.max(1, Math.floor(count / devicesPerReplica));
  const cacheRoom = Math.max(0, devicesPerReplica * usablePerDevice - fullWeights);
  const memoryConcurrency = Math.max(1, Math.floor(cacheRoom / Math.max(1, kvBytesPerToken * contextPerSequence)));
  return {
    devicesPerReplica,
    replicas,
    fits,
    weightBytes,
    activeWeightBytes,
    kvBytesPerToken,
    memoryConcurrency,
    configuredConcurrency: inf.concurrency,
    peakFlops: computePeak(acc, inf, run.training.computePrecision) * 1e12,
    bandwidth: acc.memoryBandwidthGBs * 1e9,
    decoderLayers: g.layers,
    prefillFlopsPerToken: 2 * prefillParams,
    decodeFlopsPerToken: 2 * decodeParams,
    forwardFlopsPerInput: (inf.forwardPass?.gflopsPerSample ?? 0) * 1e9,
    forwardOnTensorCores: !(inf.weightPrecision === 'fp32' && run.training.computePrecision !== 'tf32'),
    forwardCallsPerInput: inf.forwardPass?.denoiserCalls ?? 1,
    forwardIsDenoiser: inf.forwardPass?.denoiserCalls !== undefined,
  };
}

/** Peak TFLOP/s the serving compute runs at: fp8 on chips with fp8, int8 for TensorRT int8 engines, else 16-bit (TF32 for float32 convolutions where the run computes in it). */
function computePeak(acc: Accelerator, inf: ResolvedInference, computePrecision: Precision): number {
  const p = acc.peakTflops;
  const half = p.bf16 ?? p.fp16 ?? p.fp32 ?? Object.values(p)[0] ?? 1;
  // float32 convolutions of a forward pass run on TF32 tensor cores where PyTorch allows it by default.
  if (inf.weightPrecision === 'fp32' && inf.forwardPass && computePrecision === 'tf32') return p.tf32 ?? p.fp32 ?? half;
  if (inf.weightPrecision === 'fp32') return p.fp32 ?? p.tf32 ?? half;
  if (inf.weightPrecision === 'fp8') return p.fp8 ?? half;
  if (inf.weightPrecision === 'int8' && inf.engine === 'tensorrt-llm') return p.int8 ?? half;
  return half;
}

/**
 * Weights one decode step reads. A dense model reads all of them. A mixture-of-experts model reads the experts
 * its tokens are routed to: with B tokens each touching a share a = N_active/N_total of the expert weights,
 * about 1 − (1 − a)^B of them (uniform routing), so small batches read the active parameters and large batches
 * read all (Rajbhandari et al. 2022, DeepSpeed-MoE, arXiv:2201.05596, section 5: MoE inference is bound by
 * reading the expert parameters, which grows with the experts a batch activates).
 */
export function weightBytesPerStep(shape: ServingShape, concurrency: number): number {
  if (shape.activeWeightBytes >= shape.weightBytes) return shape.weightBytes;
  const a = shape.activeWeightBytes / shape.weightBytes;
  return shape.weightBytes * (1 - (1 - a) ** Math.max(1, concurrency));
}

/** One decode step with `concurrency` sequences of the given mean context, per replica. */
export function decodeStep(
  run: ResolvedRun,
  inf: ResolvedInference,
  shape: ServingShape,
  concurrency: number,
  meanContext: number,
  s: ServingScenario,
): ServingStep {
  const acc = run.hardware.accelerator;
  const d = shape.devicesPerReplica;
  const tp = d > 1 ? IC.TENSOR_PARALLEL_EFFICIENCY.value : 1;
  const bytes = weightBytesPerStep(shape, concurrency) + concurrency * meanContext * shape.kvBytesPerToken;
  const memorySeconds = bytes / (d * shape.bandwidth * s.bandwidthEfficiency * tp);
  // Batched decode runs at the serving efficiency; a single sequence's matrix-vector products never approach the
  // compute roof, so the compute term only matters at large batch (where the source measured it).
  const computeSeconds = (concurrency * shape.decodeFlopsPerToken) / (d * shape.peakFlops * s.servingEfficiency * tp);
  const gpuSeconds = Math.max(memorySeconds, computeSeconds);
  const eager = !inf.server && inf.engine !== 'other';
  // An eager loop's CPU launches kernels while the GPU runs them (the slower of the two sets the pace); a vLLM
  // before 0.6 does its per-sequence scheduling and output work while the GPU waits (the two add up).
  const cpuSeconds = eager ? (shape.decoderLayers * s.eagerMsPerLayer) / 1000 : 0;
  const blockingCpuSeconds = isLegacyVllm(inf) ? concurrency * legacyVllmSecondsPerSequence(s) : 0;
  const stepSeconds = Math.max(gpuSeconds, cpuSeconds) + blockingCpuSeconds;
  const regime: ServingRegime =
    Math.max(cpuSeconds, blockingCpuSeconds) > gpuSeconds
      ? 'overhead-bound'
      : computeSeconds >= memorySeconds
        ? 'compute-bound'
        : 'memory-bound';
  const tdp = acc.tdpW * run.powerFactor;
  const busyW = tdp * decodePowerShare(s, concurrency);
  const idleW = tdp * s.idleShare;
  const powerW = (gpuSeconds * busyW + (stepSeconds - gpuSeconds) * idleW) / stepSeconds;
  return { concurrency, stepSeconds, gpuSeconds, regime, powerW };
}

/**
 * Power share of TDP while a decode step runs on the GPU: from the batch-1 share up to the saturated share at
 * the batch where the measured ladder tops out, on log2(batch) (inferenceConstants.ts says which part is measured).
 */
export function decodePowerShare(s: ServingScenario, concurrency: number): number {
  const top = Math.log2(IC.DECODE_POWER_SATURATION_BATCH.value);
  const t = Math.min(1, Math.max(0, Math.log2(Math.max(1, concurrency)) / top));
  return s.decodeShare + (s.saturatedShare - s.decodeShare) * t;
}

/** True for a vLLM server whose stated version is before 0.6 (the release that stopped blocking the GPU on the CPU). */
export function isLegacyVllm(inf: ResolvedInference): boolean {
  if (inf.engine !== 'vllm' || !inf.engineVersion) return false;
  const m = /^v?(\d+)\.(\d+)/.exec(inf.engineVersion.trim());
  if (!m) return false;
  const [major, minor] = IC.LEGACY_VLLM_SPEEDUP.beforeVersion.split('.').map(Number);
  return Number(m[1]) < major || (Number(m[1]) === major && Number(m[2]) < minor);
}

/**
 * CPU seconds a vLLM before 0.6 spends per sequence per step with the GPU waiting: (speedup − 1) × the GPU time
 * per sequence of the source's setup (2 × 8e9 FLOPs at the H100 peak × this scenario's serving efficiency).
 */
export function legacyVllmSecondsPerSequence(s: ServingScenario): number {
  const src = IC.LEGACY_VLLM_SPEEDUP;
  return ((src.value - 1) * 2 * src.params) / (src.peakTflops * 1e12 * s.servingEfficiency);
}

/** Prefill of one request's prompt on one replica: compute-bound (and, in an eager loop, at least one CPU-bound step). */
export function prefill(
  run: ResolvedRun,
  inf: ResolvedInference,
  shape: ServingShape,
  s: ServingScenario,
): { seconds: number; powerW: number } {
  const d = shape.devicesPerReplica;
  const tp = d > 1 ? IC.TENSOR_PARALLEL_EFFICIENCY.value : 1;
  const flops = shape.prefillFlopsPerToken * inf.inputTokens;
  const gpuSeconds = flops / (d * shape.peakFlops * s.prefillEfficiency * tp);
  const eager = !inf.server && inf.engine !== 'other';
  // An encoder–decoder model launches its encoder's layers too (as many as the decoder's).
  const layers = inf.architecture === 'encoder-decoder' ? 2 * shape.decoderLayers : shape.decoderLayers;
  const cpuSeconds = eager ? (layers * s.eagerMsPerLayer) / 1000 : 0;
  const seconds = Math.max(gpuSeconds, cpuSeconds);
  const tdp = run.hardware.accelerator.tdpW * run.powerFactor;
  // A prompt pass is compute-bound: the chip runs at its saturated serving power.
  const powerW =
    seconds > 0
      ? (gpuSeconds * tdp * s.saturatedShare + (seconds - gpuSeconds) * tdp * s.idleShare) / seconds
      : tdp * s.idleShare;
  return { seconds, powerW };
}

/**
 * Serving at a load: sequences in flight follow from the arrival rate (Little's law: in flight = rate × time in
 * the system), capped by the configured concurrency and by memory. Without a rate, a server is taken at its
 * configured concurrency (saturated) and a loop at its batch size.
 */
export function servingPoint(
  run: ResolvedRun,
  inf: ResolvedInference,
  shape: ServingShape,
  s: ServingScenario,
  requestsPerDay: number | null,
): ServingPoint {
  if (inf.forwardPass) return forwardServingPoint(run, inf, shape, s, requestsPerDay);
  const cap = Math.max(1, Math.min(shape.configuredConcurrency, shape.memoryConcurrency));
  const meanContext = inf.inputTokens + inf.outputTokens / 2;
  const pf = prefill(run, inf, shape, s);
  const steps = inf.outputTokens;
  const latency = (b: number) => pf.seconds + steps * decodeStep(run, inf, shape, b, meanContext, s).stepSeconds;
  const concurrency = inFlight(cap, requestsPerDay, shape, (b) => inf.numSequences * latency(b));
  const step = decodeStep(run, inf, shape, concurrency, meanContext, s);
  const d = shape.devicesPerReplica;
  // The prompt is processed once per request; each of its sequences takes a share 1/B of every decode step.
  const decodeSeconds = (steps * inf.numSequences * step.stepSeconds) / concurrency;
  const replicaSecondsPerRequest = pf.seconds + decodeSeconds;
  const deviceSecondsPerRequest = d * replicaSecondsPerRequest;
  const acceleratorWhPerRequest = (d * (pf.seconds * pf.powerW + decodeSeconds * step.powerW)) / 3600;
  const hostWhPerRequest =
    run.hardware.accelerator.kind === 'cpu' ? 0 : (deviceSecondsPerRequest * s.hostW * run.powerFactor) / 3600;
  const tokensPerSecondPerReplica = steps > 0 ? concurrency / step.stepSeconds : 0;
  return {
    concurrency,
    regime: step.regime,
    stepMs: step.stepSeconds * 1000,
    prefillSeconds: pf.seconds,
    latencySeconds: latency(concurrency),
    deviceSecondsPerRequest,
    acceleratorWhPerRequest,
    hostWhPerRequest,
    tokensPerSecondPerReplica,
    ...dailyLoad(run, shape, s, requestsPerDay, replicaSecondsPerRequest, concurrency >= cap * 0.999),
  };
}

/**
 * Requests in flight per replica: the configured cap without a rate; at a rate, the fixed point of Little's law (in
 * flight = arrival rate × time in the system at that load), between 1 and the cap.
 */
function inFlight(
  cap: number,
  requestsPerDay: number | null,
  shape: ServingShape,
  secondsInSystem: (inFlight: number) => number,
): number {
  if (requestsPerDay === null) return cap;
  const ratePerReplica = requestsPerDay / 86_400 / shape.replicas;
  let b = 1;
  for (let i = 0; i < 40; i++) {
    const next = Math.min(cap, Math.max(1, ratePerReplica * secondsInSystem(b)));
    if (Math.abs(next - b) < 1e-3 * b) return next;
    b = next;
  }
  return b;
}

/** A deployment's day: the share its replicas are busy, their idle energy, and whether the load needs more of them. */
function dailyLoad(
  run: ResolvedRun,
  shape: ServingShape,
  s: ServingScenario,
  requestsPerDay: number | null,
  replicaSecondsPerRequest: number,
  atCap: boolean,
): Pick<ServingPoint, 'busyShare' | 'idleWhPerDay' | 'overloaded'> {
  if (requestsPerDay === null) return { busyShare: null, idleWhPerDay: null, overloaded: false };
  const busySecondsPerReplica = (requestsPerDay / shape.replicas) * replicaSecondsPerRequest;
  const idleSeconds = Math.max(0, 86_400 - busySecondsPerReplica);
  const devices = shape.replicas * shape.devicesPerReplica;
  const idleW =
    run.hardware.accelerator.tdpW * run.powerFactor * s.idleShare +
    (run.hardware.accelerator.kind === 'cpu' ? 0 : s.hostW * run.powerFactor);
  return {
    busyShare: Math.min(1, busySecondsPerReplica / 86_400),
    idleWhPerDay: (devices * idleSeconds * idleW) / 3600,
    // Busy all day is fine while the server can still batch more; past its cap it needs more replicas.
    overloaded: busySecondsPerReplica > 86_400 * 1.0001 && atCap,
  };
}

/**
 * One batch of inputs through a network run forward once per input: compute-bound at the forward-pass share of the
 * peak, and no faster than an eager loop launches a pass. The GPU draws its saturated serving power while it
 * computes and its batch-1 decode power while it waits on the launches (both regimes measured on serving loops,
 * inferenceConstants.ts).
 */
export function forwardStep(
  run: ResolvedRun,
  inf: ResolvedInference,
  shape: ServingShape,
  batch: number,
  s: ServingScenario,
): ServingStep {
  const d = shape.devicesPerReplica;
  const tp = d > 1 ? IC.TENSOR_PARALLEL_EFFICIENCY.value : 1;
  const efficiency = !shape.forwardOnTensorCores
    ? s.forwardEfficiency.float32
    : shape.forwardIsDenoiser
      ? s.forwardEfficiency.denoiser
      : s.forwardEfficiency.tensorCores;
  const gpuSeconds = (batch * shape.forwardFlopsPerInput) / (d * shape.peakFlops * efficiency * tp);
  const eager = !inf.server && inf.engine !== 'other' && inf.engine !== 'tensorrt-llm';
  // A batch of images takes every denoising step together: the launches are paid per call, not per image.
  const floorSeconds = eager ? (shape.forwardCallsPerInput * s.eagerForwardMs) / 1000 : 0;
  const stepSeconds = Math.max(gpuSeconds, floorSeconds, Number.MIN_VALUE);
  const tdp = run.hardware.accelerator.tdpW * run.powerFactor;
  const powerW = (gpuSeconds * tdp * s.saturatedShare + (stepSeconds - gpuSeconds) * tdp * s.decodeShare) / stepSeconds;
  return {
    concurrency: batch,
    stepSeconds,
    gpuSeconds,
    regime: floorSeconds > gpuSeconds ? 'overhead-bound' : 'compute-bound',
    powerW,
  };
}

/**
 * Serving a network run forward once per input: inputs are taken in batches of the configured size (a plain loop's
 * batch), or, at a stated rate, as many as arrive while a batch runs (Little's law, as for token serving).
 */
function forwardServingPoint(
  run: ResolvedRun,
  inf: ResolvedInference,
  shape: ServingShape,
  s: ServingScenario,
  requestsPerDay: number | null,
): ServingPoint {
  const cap = Math.max(1, shape.configuredConcurrency);
  const batch = inFlight(cap, requestsPerDay, shape, (b) => forwardStep(run, inf, shape, b, s).stepSeconds);
  const step = forwardStep(run, inf, shape, batch, s);
  const d = shape.devicesPerReplica;
  const replicaSecondsPerRequest = (step.stepSeconds * inf.numSequences) / batch;
  const deviceSecondsPerRequest = d * replicaSecondsPerRequest;
  return {
    concurrency: batch,
    regime: step.regime,
    stepMs: step.stepSeconds * 1000,
    prefillSeconds: 0,
    latencySeconds: step.stepSeconds,
    deviceSecondsPerRequest,
    acceleratorWhPerRequest: (deviceSecondsPerRequest * step.powerW) / 3600,
    hostWhPerRequest:
      run.hardware.accelerator.kind === 'cpu' ? 0 : (deviceSecondsPerRequest * s.hostW * run.powerFactor) / 3600,
    tokensPerSecondPerReplica: 0,
    ...dailyLoad(run, shape, s, requestsPerDay, replicaSecondsPerRequest, batch >= cap * 0.999),
  };
}
