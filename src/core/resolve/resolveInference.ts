import * as IC from '../estimate/inferenceConstants';
import { reasoningModelSource } from '../estimate/reasoningModels';
import { defaultInferencePrecision } from '../estimate/precisionDefault';
import { weightFormatOfName } from '../estimate/checkpointFormat';
import { findAttentionGeometry } from '../knowledge';
import type { Accelerator, Model } from '../knowledge/schema';
import type {
  Assumption,
  EstimateSettings,
  InferenceEngine,
  ModelArchitecture,
  Precision,
  RunSpec,
  WeightPrecision,
} from '../runSpec';

/**
 * The serving inputs of an inference run: what the spec or code says, else visible defaults, each recorded as
 * an assumption. Pure; completeRun calls it for runs in inference mode.
 */

export interface KvGeometry {
  readonly layers: number;
  /** Key/value heads × head dimension: the width one layer caches per token for keys (and again for values). */
  readonly kvWidth: number;
  /** Share of layers caching the whole context (sliding-window layers keep a short window). */
  readonly fullAttentionShare: number;
  readonly source: 'spec' | 'catalog' | 'approximation';
  readonly detail: string;
}

/**
 * A network run forward once per input (an image model, a policy network) rather than a token model: what one pass
 * costs. `gflopsPerSample` is null when that cost cannot be read (a convolutional network whose input size the code
 * does not state): the run then needs it before it has an estimate.
 */
export interface ForwardPass {
  readonly gflopsPerSample: number | null;
  readonly detail: string;
  /** A diffusion pipeline: the denoiser calls per image (each a forward pass of its own), priced at its own utilisation. */
  readonly denoiserCalls?: number;
}

export interface ResolvedInference {
  readonly engine: InferenceEngine;
  /** The serving stack's version, when stated (vLLM before 0.6 blocks the GPU on per-sequence CPU work). */
  readonly engineVersion: string | null;
  /** True for continuous-batching servers (vLLM, TGI, SGLang, TensorRT-LLM). */
  readonly server: boolean;
  /** Sequences decoded together per model replica, as configured (max_num_seqs, the loop's batch). */
  readonly concurrency: number;
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly numSequences: number;
  /** Devices per replica when stated (tensor × pipeline parallel); null lets the estimate size it from memory. */
  readonly tensorParallel: number | null;
  readonly weightPrecision: WeightPrecision;
  readonly kvPrecision: WeightPrecision;
  /** Requests the run's totals cover: a batch job's, a deployment's (per day × days), or the default 1M. */
  readonly requests: number;
  readonly requestsPerDay: number | null;
  readonly days: number | null;
  readonly architecture: ModelArchitecture;
  readonly geometry: KvGeometry;
  /** A reasoning model with its thinking on (its outputs include the chain of thought). */
  readonly reasoning: boolean;
  /** Set for a network run forward once per input: no prompt, no generated tokens, no KV cache. */
  readonly forwardPass: ForwardPass | null;
}

/** A network run forward once per input keeps no key/value cache. */
const NO_CACHE: KvGeometry = {
  layers: 0,
  kvWidth: 0,
  fullAttentionShare: 1,
  source: 'approximation',
  detail: 'no key/value cache: each input is one forward pass',
};

export const SERVER_ENGINES: ReadonlySet<InferenceEngine> = new Set(['vllm', 'tgi', 'sglang', 'tensorrt-llm']);

const WEIGHT_FORMATS: ReadonlySet<string> = new Set(['fp32', 'fp16', 'bf16', 'fp8', 'int8', 'int4']);

interface Context {
  readonly spec: RunSpec;
  readonly catalog: Model | null;
  readonly params: number;
  readonly accelerator: Accelerator;
  readonly origin: 'code' | 'spec';
  readonly note: (a: Assumption) => void;
  readonly settings?: EstimateSettings;
  /** The model is a network run forward once per input (completeRun decides, from the model's kind). */
  readonly forwardPass?: ForwardPass | null;
}

export function resolveInference({
  spec,
  catalog,
  params,
  accelerator,
  origin,
  note,
  settings,
  forwardPass = null,
}: Context): ResolvedInference {
  const inf = spec.inference ?? {};
  const stated: Assumption['source'] = origin === 'spec' ? 'directive' : 'code';
  const given = (field: string, value: string | number) =>
    note({ field, value, source: stated, detail: origin === 'spec' ? 'given in the spec' : 'read from the code' });

  const engine: InferenceEngine = inf.engine ?? (forwardPass ? 'pytorch' : 'hf-generate');
  if (inf.engine) given('inference.engine', engine);
  else
    note({
      field: 'inference.engine',
      value: engine,
      source: 'default',
      detail: forwardPass
        ? 'serving stack not stated: assumed a plain PyTorch loop running the network forward, one batch at a time'
        : 'serving stack not stated: assumed a plain transformers generate loop, one request at a time',
    });
  const server = SERVER_ENGINES.has(engine);
  const engineVersion = inf.engineVersion ?? null;
  if (engineVersion) given('inference.engineVersion', engineVersion);

  let concurrency: number;
  if (inf.concurrency) {
    concurrency = inf.concurrency;
    given('inference.concurrency', concurrency);
  } else if (server) {
    concurrency = IC.DEFAULT_SERVER_CONCURRENCY.value;
    note({
      field: 'inference.concurrency',
      value: concurrency,
      source: 'default',
      detail: `${IC.DEFAULT_SERVER_CONCURRENCY.source}; a server reaches it only under load`,
    });
  } else {
    concurrency = 1;
    note({
      field: 'inference.concurrency',
      value: 1,
      source: 'default',
      detail: forwardPass ? 'no batch size found: one input at a time' : 'no batch size found: one sequence at a time',
    });
  }

  const architecture: ModelArchitecture = spec.model.architecture ?? toArchitecture(catalog?.architecture) ?? 'decoder';

  if (forwardPass) {
    note({
      field: 'inference.forwardPass',
      value: forwardPass.gflopsPerSample === null ? 'unknown' : `${forwardPass.gflopsPerSample} GFLOPs`,
      source: forwardPass.gflopsPerSample === null ? 'default' : 'computed',
      detail: `one forward pass per input (an image, an observation), no tokens generated: ${forwardPass.detail}`,
    });
    return {
      engine,
      engineVersion,
      server,
      concurrency,
      inputTokens: 0,
      outputTokens: 0,
      numSequences: 1,
      tensorParallel: inf.tensorParallel ?? null,
      ...servingPrecision(spec, catalog, engine, accelerator, stated, given, note),
      ...servingRequests(spec, given, note, settings),
      architecture,
      geometry: NO_CACHE,
      reasoning: false,
      forwardPass,
    };
  }
  const inputTokens = inf.inputTokens ?? IC.DEFAULT_INPUT_TOKENS.value;
  if (inf.inputTokens) given('inference.inputTokens', inputTokens);
  else
    note({
      field: 'inference.inputTokens',
      value: inputTokens,
      source: 'default',
      detail: IC.DEFAULT_INPUT_TOKENS.source,
    });
  // Encoders classify or embed in one pass: nothing is generated.
  const legacyOutput = spec.training.tokensPerRequest ?? null;
  // Whether the model thinks before answering: as stated, else known reasoning models by name.
  const knownReasoning = reasoningModelSource(spec.model.name) ?? reasoningModelSource(catalog?.id);
  const reasoning = inf.reasoning ?? (knownReasoning !== null && architecture !== 'encoder');
  if (inf.reasoning != null) given('inference.reasoning', inf.reasoning ? 'on' : 'off');
  else if (reasoning) note({ field: 'inference.reasoning', value: 'on', source: 'catalog', detail: knownReasoning! });
  let outputTokens: number;
  if (architecture === 'encoder') {
    outputTokens = 0;
    note({
      field: 'inference.outputTokens',
      value: 0,
      source: 'computed',
      detail: 'encoder model: one forward pass per request, no generated tokens',
    });
  } else if (inf.outputTokens) {
    outputTokens = inf.outputTokens;
    given('inference.outputTokens', outputTokens);
  } else if (legacyOutput) {
    outputTokens = legacyOutput;
    note({
      field: 'inference.outputTokens',
      value: outputTokens,
      source: stated,
      detail: 'training.tokensPerRequest (generated tokens per request)',
    });
  } else if (reasoning) {
    // A reasoning model writes its chain of thought before the answer: a longer output than a chat reply.
    outputTokens = Math.round(IC.DEFAULT_OUTPUT_TOKENS.value * IC.REASONING_OUTPUT_FACTOR.value);
    note({
      field: 'inference.outputTokens',
      value: outputTokens,
      source: 'default',
      detail: `reasoning model, output length not stated: ${IC.DEFAULT_OUTPUT_TOKENS.value} tokens × ${IC.REASONING_OUTPUT_FACTOR.value} (${IC.REASONING_OUTPUT_FACTOR.source}; ${IC.DEFAULT_OUTPUT_TOKENS.source})`,
    });
  } else {
    outputTokens = IC.DEFAULT_OUTPUT_TOKENS.value;
    note({
      field: 'inference.outputTokens',
      value: outputTokens,
      source: 'default',
      detail: IC.DEFAULT_OUTPUT_TOKENS.source,
    });
  }

  const numSequences = inf.numSequences ?? 1;
  if (inf.numSequences) given('inference.numSequences', numSequences);
  const tensorParallel = inf.tensorParallel ?? null;
  if (tensorParallel) given('inference.tensorParallel', tensorParallel);

  const { weightPrecision, kvPrecision } = servingPrecision(spec, catalog, engine, accelerator, stated, given, note);
  const { requests, requestsPerDay, days } = servingRequests(spec, given, note, settings);

  const geometry = resolveGeometry(spec, catalog, params, architecture);
  note({
    field: 'model.kvCache',
    value: `${geometry.layers} layers × ${geometry.kvWidth} key/value width`,
    source: geometry.source === 'spec' ? stated : geometry.source === 'catalog' ? 'catalog' : 'default',
    detail: geometry.detail,
  });

  return {
    engine,
    engineVersion,
    server,
    concurrency,
    inputTokens,
    outputTokens,
    numSequences,
    tensorParallel,
    weightPrecision,
    kvPrecision,
    requests,
    requestsPerDay,
    days,
    architecture,
    geometry,
    reasoning,
    forwardPass: null,
  };
}

type Given = (field: string, value: string | number) => void;

/** The format the weights are served in, and the KV cache's: as stated, named, trained, or the stack's default. */
function servingPrecision(
  spec: RunSpec,
  catalog: Model | null,
  engine: InferenceEngine,
  accelerator: Accelerator,
  stated: Assumption['source'],
  given: Given,
  note: (a: Assumption) => void,
): Pick<ResolvedInference, 'weightPrecision' | 'kvPrecision'> {
  const inf = spec.inference ?? {};
  const trainingPrecision = spec.training.precision ?? null;
  // A checkpoint published quantised says so in its name (`...-Instruct-FP8`): the server loads it in that format.
  const namedFormat = weightFormatOfName(spec.model.name);
  let weightPrecision: WeightPrecision;
  if (inf.weightPrecision) {
    weightPrecision = inf.weightPrecision;
    given('inference.weightPrecision', weightPrecision);
  } else if (namedFormat) {
    weightPrecision = namedFormat.precision;
    note({ field: 'inference.weightPrecision', value: weightPrecision, source: 'catalog', detail: namedFormat.detail });
  } else if (trainingPrecision && WEIGHT_FORMATS.has(trainingPrecision)) {
    weightPrecision = trainingPrecision as WeightPrecision;
    note({
      field: 'inference.weightPrecision',
      value: weightPrecision,
      source: stated,
      detail: "the run's stated precision",
    });
  } else if (spec.training.precisionByGpu) {
    // Loaded in bf16 where the GPU has it, else in the fallback (Unsloth's dtype=None: fp16).
    const fallback = spec.training.precisionByGpu;
    weightPrecision = accelerator.peakTflops.bf16 ? 'bf16' : fallback === 'fp16' ? 'fp16' : 'fp32';
    note({
      field: 'inference.weightPrecision',
      value: weightPrecision,
      source: 'computed',
      detail: `loaded in bf16 where the GPU supports it, else ${fallback}: ${weightPrecision} on ${accelerator.displayName}`,
    });
  } else if (catalog?.loadedPrecision && (engine === 'hf-generate' || engine === 'hf-pipeline')) {
    // The checkpoint's own code builds its layers in its config's dtype, whatever from_pretrained's float32 default.
    weightPrecision = catalog.loadedPrecision.precision;
    note({
      field: 'inference.weightPrecision',
      value: weightPrecision,
      source: 'catalog',
      detail: catalog.loadedPrecision.source,
    });
  } else {
    const d = defaultInferencePrecision(engine, accelerator);
    weightPrecision = toWeightPrecision(d.precision);
    note({ field: 'inference.weightPrecision', value: weightPrecision, source: 'default', detail: d.detail });
  }
  // Quantised weights are dequantised to 16 bits for compute, and the KV cache stays in 16 bits unless set.
  const kvPrecision: WeightPrecision = inf.kvCachePrecision ?? (weightPrecision === 'fp32' ? 'fp32' : 'bf16');
  if (inf.kvCachePrecision) given('inference.kvCachePrecision', kvPrecision);

  return { weightPrecision, kvPrecision };
}

/** Requests the totals cover: a deployment's (per day × days), a stated count, or the default. */
function servingRequests(
  spec: RunSpec,
  given: Given,
  note: (a: Assumption) => void,
  settings: EstimateSettings | undefined,
): Pick<ResolvedInference, 'requests' | 'requestsPerDay' | 'days'> {
  const inf = spec.inference ?? {};
  const requestsPerDay = inf.requestsPerDay ?? settings?.requestsPerDay ?? null;
  let days = inf.days ?? (requestsPerDay ? (settings?.deploymentDays ?? null) : null);
  if (inf.requestsPerDay) given('inference.requestsPerDay', inf.requestsPerDay);
  else if (requestsPerDay)
    note({
      field: 'inference.requestsPerDay',
      value: requestsPerDay,
      source: 'setting',
      detail: 'setting greenAI.requestsPerDay',
    });
  if (inf.days) given('inference.days', inf.days);
  else if (days)
    note({ field: 'inference.days', value: days, source: 'setting', detail: 'setting greenAI.deploymentDays' });
  else if (requestsPerDay) {
    days = 365;
    note({
      field: 'inference.days',
      value: days,
      source: 'default',
      detail: 'deployment length not set: a year of service',
    });
  }
  let requests: number;
  if (requestsPerDay && days) {
    requests = requestsPerDay * days;
    note({
      field: 'inference.requests',
      value: requests,
      source: 'computed',
      detail: `${requestsPerDay} requests per day × ${days} days`,
    });
  } else if (inf.requests ?? spec.training.requests) {
    requests = (inf.requests ?? spec.training.requests)!;
    given('inference.requests', requests);
  } else {
    requests = IC.DEFAULT_TOTAL_REQUESTS.value;
    note({ field: 'inference.requests', value: requests, source: 'default', detail: IC.DEFAULT_TOTAL_REQUESTS.source });
  }
  return { requests, requestsPerDay, days };
}

function toArchitecture(a: Model['architecture'] | undefined): ModelArchitecture | null {
  if (!a) return null;
  if (a === 'decoder' || a === 'encoder' || a === 'encoder-decoder' || a === 'moe-decoder') return a;
  return 'other';
}

function toWeightPrecision(p: Precision): WeightPrecision {
  return p === 'tf32' ? 'fp32' : p;
}

function resolveGeometry(
  spec: RunSpec,
  catalog: Model | null,
  params: number,
  architecture: ModelArchitecture,
): KvGeometry {
  const m = spec.model;
  if (m.layers && m.kvHeads && m.headDim) {
    return {
      layers: m.layers,
      kvWidth: m.kvHeads * m.headDim,
      fullAttentionShare: 1,
      source: 'spec',
      detail: `${m.layers} layers × ${m.kvHeads} key/value heads × ${m.headDim}`,
    };
  }
  if (m.layers && m.hiddenSize) {
    return {
      layers: m.layers,
      kvWidth: m.hiddenSize,
      fullAttentionShare: 1,
      source: 'spec',
      detail: `${m.layers} layers, hidden ${m.hiddenSize}; key/value heads unknown, so multi-head attention (an upper bound)`,
    };
  }
  const row =
    (m.name ? findAttentionGeometry(m.name) : undefined) ?? (catalog ? findAttentionGeometry(catalog.id) : undefined);
  if (row)
    return {
      layers: row.layers,
      kvWidth: row.kvHeads * row.headDim,
      fullAttentionShare: row.fullAttentionShare ?? 1,
      source: 'catalog',
      detail: row.source,
    };
  if (catalog?.sizes) {
    return {
      layers: catalog.sizes.layers,
      kvWidth: catalog.sizes.hiddenSize,
      fullAttentionShare: 1,
      source: 'catalog',
      detail: `${catalog.sizes.source}; key/value heads unknown, so multi-head attention (an upper bound)`,
    };
  }
  // N ≈ 12·L·d² with d = r·L: the decoder half of an encoder–decoder model carries about half the parameters.
  const r = IC.MODEL_WIDTH_PER_LAYER.value;
  const n = architecture === 'encoder-decoder' ? params / 2 : params;
  const layers = Math.max(1, Math.round(Math.cbrt(n / (12 * r * r))));
  const width = Math.round(r * Math.cbrt(n / (12 * r * r)));
  return {
    layers,
    kvWidth: width,
    fullAttentionShare: 1,
    source: 'approximation',
    detail: `sizes unknown: ${layers} layers × width ${width} from N ≈ 12·L·d², d ≈ ${r}·L (${IC.MODEL_WIDTH_PER_LAYER.source}); multi-head attention assumed, an upper bound`,
  };
}

/**
 * Accelerators a serving run needs at least: the tensor-parallel size it is launched with (`vllm serve
 * --tensor-parallel-size 2` cannot start on fewer devices), or, when the launch does not say, enough devices
 * to hold the weights at the server's memory share (a power of two: tensor-parallel sizes divide the attention
 * heads). Null when one device is enough.
 */
export function servingMinimumDevices(
  inf: ResolvedInference,
  params: number,
  accelerator: Accelerator,
): { devices: number; reason: string } | null {
  const weightBytes = params * IC.BYTES_PER_ELEMENT[inf.weightPrecision];
  const usable = accelerator.memoryGB * 1e9 * IC.SERVER_MEMORY_SHARE.value;
  const forWeights = usable > 0 ? 2 ** Math.ceil(Math.log2(Math.max(1, Math.ceil(weightBytes / usable)))) : 1;
  const tp = inf.tensorParallel ?? 0;
  if (tp <= 1 && forWeights <= 1) return null;
  // A stated tensor-parallel size is a reading; the weights' size is an assumption (their precision may be FP8,
  // as DeepSeek-V3/R1 ship): a launch that names its devices is taken at its word.
  if (tp > 1 || tp >= forWeights)
    return { devices: tp, reason: `the launch splits the model over ${tp} devices (tensor parallel)` };
  return {
    devices: forWeights,
    reason: `${(weightBytes / 1e9).toFixed(0)} GB of ${inf.weightPrecision} weights need ${forWeights} × ${accelerator.memoryGB} GB at the server's ${IC.SERVER_MEMORY_SHARE.value * 100}% memory share`,
  };
}
