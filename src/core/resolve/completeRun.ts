import * as C from '../estimate/constants';
import { defaultTrainingPrecision, tf32ComputeFor } from '../estimate/precisionDefault';
import {
  cloudProvider,
  closestAcceleratorIds,
  findAccelerator,
  findDataset,
  findInstance,
  findModel,
  findModelByName,
  findModelOfFolder,
  findRegion,
  worldRegion,
} from '../knowledge';
import type { Accelerator, Model, Region } from '../knowledge/schema';
import { NAME_SIZE_SPREAD, sizeFromModelName } from '../knowledge/modelName';
import { assembledModelSize, isAssembledName } from './assembledModel';
import type {
  Assumption,
  EstimateSettings,
  ModelArchitecture,
  Overrides,
  Precision,
  RunSpec,
  TrainingFramework,
  TrainingMode,
} from '../runSpec';
import { resolveInference, servingMinimumDevices, type ForwardPass, type ResolvedInference } from './resolveInference';
import { denoiserPassGflops, diffusionCost } from './diffusionCost';

/**
 * Fills every input the estimate needs: what the code or spec says first, then
 * overrides, settings, catalog rows and visible defaults, recording for each
 * where it came from. Nothing is filled silently.
 */

export interface ResolvedRun {
  readonly spec: RunSpec;
  readonly mode: TrainingMode;
  readonly model: {
    readonly name: string | null;
    readonly params: number;
    readonly activeParams: number;
    readonly forwardGflopsPerSample: number | null;
    readonly catalog: Model | null;
    /** `name`: the size its name states (`Qwen3-4B`); `default`: not known at all (see `missing`). */
    readonly source: 'catalog' | 'computed' | 'config' | 'directive' | 'setting' | 'name' | 'default';
  };
  readonly training: {
    readonly epochs: number | null;
    readonly steps: number | null;
    readonly tokens: number | null;
    readonly samples: number | null;
    readonly precision: Precision;
    /**
     * The format the math runs in: the precision, except float32 a framework runs on TF32 tensor cores by default
     * (PyTorch's convolutions). The chip's rate for this format prices the work.
     */
    readonly computePrecision: Precision;
    readonly seqLen: number | null;
    readonly gradientCheckpointing: boolean;
    readonly requests: number | null;
    readonly tokensPerRequest: number | null;
  };
  /** Decides FLOPs per token: decoder-only 6·N·T, encoder–decoder about 3·N·T, MoE 6·N_active·T. */
  readonly architecture: ModelArchitecture;
  /** Serving inputs, for runs in inference mode (null otherwise). */
  readonly inference: ResolvedInference | null;
  /** The framework the run was read from, when known: it decided a silent precision. */
  readonly framework: TrainingFramework | null;
  readonly hardware: {
    readonly accelerator: Accelerator;
    readonly count: number;
    readonly region: Region;
    readonly acceleratorHours: number | null;
  };
  readonly datacenter: { readonly pue: number; readonly intensityGPerKWh: number };
  readonly mfu: { readonly low: number; readonly central: number; readonly high: number };
  /**
   * True when no region was read from the code, a spec, a flag or a setting: the world-average grid is used.
   * Surfaces say so once ("region not set") instead of suggesting a region move on every run.
   */
  readonly regionIsDefault: boolean;
  /** Team calibration of accelerator and host power (1 when uncalibrated). */
  readonly powerFactor: number;
  readonly includeEmbodied: boolean;
  /** True when the amount of work (dataset size, tokens) is a default, which widens the range. */
  readonly sizeIsDefault: boolean;
  /** How much wider the range is for a model size read from its name (1 when read or computed). */
  readonly paramsSpread: number;
  /**
   * Inputs that move the estimate by more than ×3 and could not be read: while any is missing,
   * the figures are a placeholder, not an estimate, and every surface says what to set instead.
   */
  readonly missing: readonly MissingInput[];
  readonly assumptions: readonly Assumption[];
  readonly unknowns: readonly Assumption[];
}

export interface MissingInput {
  readonly field: string;
  /** What could not be read, and why. */
  readonly detail: string;
  /** Where to set it: a directive, a setting, the code. */
  readonly howToSet: string;
}

export class RunInputError extends Error {}

/** Hugging Face TrainingArguments defaults, used when a HF run leaves them unset. */
const HF_DEFAULT_EPOCHS = {
  value: 3,
  source: 'Hugging Face transformers TrainingArguments: num_train_epochs defaults to 3.0',
};
const HF_DEFAULT_BATCH = {
  value: 8,
  source: 'Hugging Face transformers TrainingArguments: per_device_train_batch_size defaults to 8',
};

export function resolveAccelerator(id: string): Accelerator {
  const found = findAccelerator(id);
  if (!found) {
    throw new RunInputError(`unknown accelerator "${id}"; closest known ids: ${closestAcceleratorIds(id).join(', ')}`);
  }
  return found;
}

export function resolveRegion(id: string): Region {
  const found = findRegion(id);
  if (!found)
    throw new RunInputError(
      `unknown region "${id}": use an ISO country code (FR, US), a cloud region (us-east-1, europe-west4, westeurope) or "world"`,
    );
  return found;
}

interface CodeContext {
  readonly assumptions?: readonly Assumption[];
  readonly unknowns?: readonly Assumption[];
  /** What the code or spec says is a user statement (spec file) or read from code. */
  readonly origin: 'code' | 'spec';
}

export function completeRun(
  spec: RunSpec,
  settings: EstimateSettings,
  overrides: Overrides = {},
  context: CodeContext = { origin: 'spec' },
): ResolvedRun {
  const assumptions: Assumption[] = [...(context.assumptions ?? [])];
  const unknowns: Assumption[] = [...(context.unknowns ?? [])];
  const stated = (field: string) => assumptions.some((a) => a.field === field);
  const note = (a: Assumption) => {
    if (!stated(a.field)) assumptions.push(a);
  };
  const specSource = context.origin === 'spec' ? 'directive' : 'code';

  // ---- model
  // A local folder named after a released model (`/models/hf_llama_7b`) holds that model.
  // A program naming a released model by its family and size (`gemma-7b`, MaxText's `model_name=llama2-7b`): the one
  // catalog row of that name.
  const catalog = spec.model.name
    ? (findModel(spec.model.name) ?? findModelOfFolder(spec.model.name) ?? findModelByName(spec.model.name) ?? null)
    : null;
  // A model assembled from parts (`language + vision`): sized part by part, or not at all.
  const assembled =
    !catalog && !spec.model.params && isAssembledName(spec.model.name)
      ? assembledModelSize(spec.model.name)
      : undefined;
  const named =
    catalog || spec.model.params || isAssembledName(spec.model.name) ? undefined : sizeFromModelName(spec.model.name);
  const missing: MissingInput[] = [];
  let paramsSpread = 1;
  let params: number;
  let source: ResolvedRun['model']['source'];
  if (spec.model.params) {
    params = spec.model.params;
    source =
      context.origin === 'spec' || assumptions.some((a) => a.field === 'model.params' && a.source === 'directive')
        ? 'directive'
        : 'computed';
    note({
      field: 'model.params',
      value: params,
      source: context.origin === 'spec' ? 'directive' : 'computed',
      detail:
        context.origin === 'spec'
          ? 'given in the spec'
          : 'layers × (4d² attention, K/V at kv/heads of that with grouped-query attention, + 2·d·d_ff feed-forward, d_ff = 4d unless the config says) + (vocab + learned positions) × d (Kaplan et al. 2020, arXiv:2001.08361, Table 1; Ainslie et al. 2023, arXiv:2305.13245)',
    });
  } else if (catalog) {
    params = catalog.params;
    source = 'catalog';
    note({ field: 'model.params', value: params, source: 'catalog', detail: `${catalog.id}: ${catalog.source}` });
  } else if (assembled) {
    params = assembled.params;
    source = assembled.fromCatalog ? 'catalog' : 'name';
    if (!assembled.fromCatalog) paramsSpread = NAME_SIZE_SPREAD;
    note({
      field: 'model.params',
      value: params,
      source: assembled.fromCatalog ? 'catalog' : 'computed',
      detail: `the sum of its parts: ${assembled.detail}${assembled.fromCatalog ? '' : ` (range widened ×${NAME_SIZE_SPREAD} each way)`}`,
    });
  } else if (named) {
    params = named.params;
    source = 'name';
    paramsSpread = NAME_SIZE_SPREAD;
    note({
      field: 'model.params',
      value: params,
      source: 'computed',
      detail: `"${spec.model.name}" is not in the model catalog; its name states ${named.text} (range widened ×${NAME_SIZE_SPREAD} each way)`,
    });
  } else {
    params = 1e8;
    source = 'default';
    note({
      field: 'model.params',
      value: params,
      source: 'default',
      detail: spec.model.name
        ? `"${spec.model.name}" is not in the model catalog and its name states no size; 100M parameters is a placeholder`
        : 'no model found; 100M parameters is a placeholder',
    });
    if (spec.model.name)
      unknowns.push({
        field: 'model.params',
        value: spec.model.name,
        source: 'default',
        detail: `model "${spec.model.name}" is not in the catalog`,
      });
    missing.push({
      field: 'model.params',
      detail: spec.model.name
        ? `the size of "${spec.model.name}" is unknown (not in the catalog, no size in its name)`
        : modelUnknownDetail(unknowns),
      howToSet:
        'add `# green-ai: params=7e9` (or `model=<hub id>`) to the file, or give the model a default where the code reads it',
    });
  }
  // A name like `8x7B` states experts, not the parameters a token uses: top-2 routing, as in Mixtral
  // (Jiang et al. 2024, arXiv:2401.04088: 12.9B of 46.7B active), unless the name states them (`A3B`).
  const namedActive =
    named?.active ?? (named?.experts ? Math.min(params, (2 * named.params) / named.experts) : undefined);
  const activeParams = spec.model.activeParams ?? catalog?.activeParams ?? namedActive ?? params;
  if (activeParams !== params)
    note({
      field: 'model.activeParams',
      value: activeParams,
      source: spec.model.activeParams ? (specSource === 'code' ? 'computed' : 'directive') : 'catalog',
      detail: 'mixture-of-experts: compute follows the parameters active per token',
    });
  const catalogArchitecture = catalog?.architecture;
  const architecture: ModelArchitecture =
    spec.model.architecture ??
    (catalogArchitecture === 'decoder' ||
    catalogArchitecture === 'encoder' ||
    catalogArchitecture === 'encoder-decoder' ||
    catalogArchitecture === 'moe-decoder'
      ? catalogArchitecture
      : catalogArchitecture
        ? 'other'
        : activeParams < params
          ? 'moe-decoder'
          : 'decoder');
  if (architecture === 'encoder-decoder')
    note({
      field: 'model.architecture',
      value: architecture,
      source: spec.model.architecture ? specSource : 'catalog',
      detail: `encoder–decoder: the encoder sees the inputs and the decoder the targets, each with about half the parameters (${C.ENCODER_DECODER_FLOPS_PER_PARAM_TOKEN.source})`,
    });
  // Image models, and image–text encoders (CLIP, SigLIP) whose row states a forward cost per sample: one forward
  // pass per image, not a generated sequence of tokens (a generative multimodal row states no such cost).
  // A counted network of convolutions states only a lower bound (2 × parameters): its input size decides the cost,
  // unless the cost is stated (a directive, a spec).
  const convolutional = spec.model.convolutional === true;
  const costStated =
    context.origin === 'spec' ||
    assumptions.some((a) => a.field === 'model.forwardFlopsPerSample' && a.source === 'directive');
  const lowerBoundOnly = convolutional && !costStated;
  let forwardGflopsPerSample =
    (lowerBoundOnly ? null : spec.model.forwardGflopsPerSample) ??
    (catalog?.modality === 'vision' || catalog?.modality === 'multimodal'
      ? (catalog.forwardGflopsPerSample ?? null)
      : null);
  // A vision network no catalog row prices, whose config states its input size and whose size is read: priced per
  // pixel of its input, not as sequences of text tokens.
  // (A diffusion model's denoiser has published counts of its own, priced below by mode.)
  const perPixel =
    forwardGflopsPerSample === null && source !== 'default' && !catalog?.diffusion
      ? visionForwardCost(spec.model, activeParams)
      : undefined;
  if (perPixel) {
    forwardGflopsPerSample = perPixel.gflops;
    paramsSpread *= C.VISION_PER_PIXEL_SPREAD.value;
    note({
      field: 'model.forwardGflopsPerSample',
      value: perPixel.gflops,
      source: 'computed',
      detail: perPixel.detail,
    });
  }
  // Without its input size a convolutional network's cost per sample is unknown by orders of magnitude (a generator
  // at 512×512 does thousands of times the 2 × parameters per sample): the run needs it, and the lower bound stays
  // only as the placeholder behind the hidden figures.
  if (forwardGflopsPerSample === null && lowerBoundOnly) {
    forwardGflopsPerSample = spec.model.forwardGflopsPerSample ?? (2 * activeParams) / 1e9;
    missing.push({
      field: 'model.inputPixels',
      detail: `${
        assumptions.find((a) => a.field === 'model.convolutional')?.detail ??
        `${spec.model.name ?? 'the network'} is built of convolutions: one forward pass costs more the larger its input`
      }, which the code does not state`,
      howToSet:
        'add `# green-ai: forward_flops=<FLOPs of one forward pass of one input>` to the file (for a classifier backbone, `input_pixels=<pixels of one input>`, e.g. 50176 for 224×224, prices it per pixel)',
    });
  }

  // ---- mode
  let mode: TrainingMode = spec.training.mode ?? 'unknown';
  if (mode === 'unknown' && spec.inference) {
    // Serving inputs describe an inference run even when the mode is not stated.
    mode = 'inference';
    note({ field: 'training.mode', value: mode, source: specSource, detail: 'serving inputs (inference) given' });
  } else if (mode === 'unknown' && spec.training.mode === 'unknown' && context.origin === 'code') {
    // The code launches a program it does not name (`src/pkg/$TASK.py`): shown unknown, estimated as full training.
    note({
      field: 'training.mode',
      value: mode,
      source: 'code',
      detail:
        'the launched program is chosen when the job runs or is not in the folder: whether it pre-trains, fine-tunes or serves is unknown; estimated as training every parameter',
    });
  } else if (mode === 'unknown') {
    mode = catalog ? 'finetune' : 'pretrain';
    note({
      field: 'training.mode',
      value: mode,
      source: 'default',
      detail: catalog
        ? 'a catalog model was named without saying how it is loaded: assumed fine-tuning'
        : 'no pretrained checkpoint found: assumed training from scratch',
    });
  } else if (!stated('training.mode')) {
    note({
      field: 'training.mode',
      value: mode,
      source: specSource,
      detail: context.origin === 'spec' ? 'given in the spec' : 'read from the code',
    });
  }

  // A diffusion model trained (fine-tuned, LoRA, from scratch): each training image is one denoiser pass at one noise
  // level, and its backward, not a sequence of tokens. The frozen image encoder and text encoders that prepare the
  // inputs run forward only and are not counted (no published count of the VAE encoder was found).
  if (forwardGflopsPerSample === null && mode !== 'inference' && catalog?.diffusion && !lowerBoundOnly) {
    const d = catalog.diffusion;
    const pixels = spec.model.inputPixels ?? d.nativePixels;
    const side = Math.round(Math.sqrt(d.nativePixels));
    forwardGflopsPerSample = Number(denoiserPassGflops(d, pixels).toPrecision(6));
    note({
      field: 'model.forwardGflopsPerSample',
      value: forwardGflopsPerSample,
      source: 'catalog',
      detail: `one denoiser pass per training image ${spec.model.inputPixels ? `of ${pixels.toLocaleString('en-US')} pixels` : `at ${catalog.id}'s native ${side}×${side}`} (a diffusion step trains on one noise level per image); the frozen image and text encoders that prepare it are not counted; ${d.source}`,
    });
  }

  // ---- hardware (overrides > code/spec > settings)
  let accelerator: Accelerator;
  let instanceCount: number | undefined;
  const accelId = overrides.accelerator ?? spec.hardware.accelerator ?? null;
  if (overrides.accelerator) {
    accelerator = resolveAccelerator(overrides.accelerator);
    replace(assumptions, {
      field: 'hardware.accelerator',
      value: accelerator.id,
      source: 'override',
      detail: `override ${overrides.accelerator}`,
    });
  } else if (accelId && findAccelerator(accelId)) {
    accelerator = findAccelerator(accelId)!;
    note({
      field: 'hardware.accelerator',
      value: accelerator.id,
      source: specSource,
      detail: `"${accelId}" → ${accelerator.displayName}`,
    });
  } else if (accelId && findInstance(accelId) && findAccelerator(findInstance(accelId)!.accelerator)) {
    // A cloud instance type names both the accelerator and how many a machine has.
    const instance = findInstance(accelId)!;
    accelerator = findAccelerator(instance.accelerator)!;
    replace(assumptions, {
      field: 'hardware.accelerator',
      value: accelerator.id,
      source: 'catalog',
      detail: `${instance.id}: ${instance.count}× ${accelerator.displayName} (${instance.source})`,
    });
    if (!spec.hardware.count && !overrides.count) instanceCount = instance.count * (spec.hardware.nodes ?? 1);
  } else {
    if (accelId && context.origin === 'spec') resolveAccelerator(accelId); // throws with the closest ids
    accelerator = findAccelerator(settings.defaultAccelerator) ?? resolveAccelerator('A100-SXM4-80GB');
    if (accelId)
      unknowns.push({
        field: 'hardware.accelerator',
        value: accelId,
        source: 'code',
        detail: `"${accelId}" is not in the accelerator catalog; used the default`,
      });
    replace(assumptions, {
      field: 'hardware.accelerator',
      value: accelerator.id,
      source: 'setting',
      detail: 'setting greenAI.defaultAccelerator (the code does not say which accelerator)',
    });
  }

  let count: number;
  if (overrides.count) {
    count = overrides.count;
    replace(assumptions, { field: 'hardware.count', value: count, source: 'override', detail: 'override --count' });
  } else if (spec.hardware.count) {
    count = spec.hardware.count;
    note({ field: 'hardware.count', value: count, source: specSource, detail: 'given in the spec' });
  } else if (instanceCount) {
    count = instanceCount;
    replace(assumptions, {
      field: 'hardware.count',
      value: count,
      source: 'catalog',
      detail: `the instance type's accelerators × ${spec.hardware.nodes ?? 1} node(s)`,
    });
  } else {
    count = settings.defaultAcceleratorCount;
    replace(assumptions, {
      field: 'hardware.count',
      value: count,
      source: 'setting',
      detail: 'setting greenAI.defaultAcceleratorCount (the code does not say how many)',
    });
  }

  let regionId = overrides.region ?? spec.hardware.region ?? settings.region;
  if (
    !overrides.region &&
    spec.hardware.region &&
    context.origin === 'code' &&
    !findRegion(spec.hardware.region) &&
    spec.hardware.region !== 'world'
  ) {
    unknowns.push({
      field: 'hardware.region',
      value: spec.hardware.region,
      source: 'directive',
      detail: `region "${spec.hardware.region}" is not in the catalog; used the setting`,
    });
    regionId = settings.region;
  }
  const region = regionId === 'world' ? worldRegion() : resolveRegion(regionId);
  const regionIsDefault =
    region.kind === 'world' &&
    !overrides.region &&
    !spec.hardware.region &&
    settings.region === 'world' &&
    overrides.intensityGPerKWh === undefined &&
    spec.datacenter.intensityGPerKWh == null;
  note({
    field: 'hardware.region',
    value: region.id,
    source: overrides.region ? 'override' : spec.hardware.region ? specSource : 'setting',
    detail:
      overrides.region || spec.hardware.region ? region.displayName : `setting greenAI.region (${region.displayName})`,
  });

  // ---- datacenter
  const provider =
    region.kind === 'aws' || region.kind === 'gcp' || region.kind === 'azure' ? cloudProvider(region.kind) : undefined;
  let pue: number;
  if (overrides.pue) {
    pue = overrides.pue;
    note({ field: 'datacenter.pue', value: pue, source: 'override', detail: 'override --pue' });
  } else if (spec.datacenter.pue) {
    pue = spec.datacenter.pue;
    note({ field: 'datacenter.pue', value: pue, source: 'directive', detail: 'given in the spec' });
  } else if (settings.pue) {
    pue = settings.pue;
    note({ field: 'datacenter.pue', value: pue, source: 'setting', detail: 'setting greenAI.pue' });
  } else if (provider) {
    pue = provider.pue;
    note({
      field: 'datacenter.pue',
      value: pue,
      source: 'catalog',
      detail: `${provider.displayName} fleet PUE ${provider.year}: ${provider.source}`,
    });
  } else {
    pue = C.DEFAULT_PUE.value;
    note({ field: 'datacenter.pue', value: pue, source: 'default', detail: C.DEFAULT_PUE.source });
  }
  const intensity = overrides.intensityGPerKWh ?? spec.datacenter.intensityGPerKWh ?? region.gridIntensityGPerKWh;
  note({
    field: 'datacenter.intensityGPerKWh',
    value: intensity,
    source:
      overrides.intensityGPerKWh !== undefined
        ? 'override'
        : spec.datacenter.intensityGPerKWh != null
          ? 'directive'
          : 'catalog',
    detail:
      overrides.intensityGPerKWh !== undefined || spec.datacenter.intensityGPerKWh != null
        ? 'given explicitly'
        : `${region.displayName} grid ${region.year}: ${region.source}`,
  });

  // ---- serving inputs (inference mode)
  const inference =
    mode === 'inference'
      ? resolveInference({
          spec,
          catalog,
          params,
          accelerator,
          origin: context.origin,
          note,
          settings,
          forwardPass: catalog?.diffusion
            ? diffusionPass(catalog.id, catalog.diffusion, spec, context.origin, note)
            : forwardPassOf(spec, catalog, forwardGflopsPerSample, missing, assumptions),
        })
      : null;
  // A serving run occupies at least the devices its launch splits the model over and those its weights need;
  // an explicit --count override stays as given (a what-if the estimate then reports as not fitting).
  const minimum = inference && !overrides.count ? servingMinimumDevices(inference, params, accelerator) : null;
  if (minimum && minimum.devices > count) {
    const was = count;
    count = minimum.devices;
    replace(assumptions, {
      field: 'hardware.count',
      value: count,
      source: 'computed',
      detail: `${minimum.reason} (${was} stated or set)`,
    });
  }

  // ---- precision: what the run says, else the documented default of its framework or serving stack
  const framework: TrainingFramework | null = spec.training.framework ?? (context.origin === 'spec' ? 'spec' : null);
  let precision: Precision;
  if (spec.training.precision) {
    precision = spec.training.precision;
  } else if (spec.training.precisionByGpu) {
    // `dtype=None` in Unsloth, `bf16=is_bf16_supported()`: bf16 where this accelerator has it, else the fallback.
    const fallback = spec.training.precisionByGpu;
    precision = accelerator.peakTflops.bf16
      ? 'bf16'
      : fallback === 'fp16' && accelerator.peakTflops.fp16
        ? 'fp16'
        : 'fp32';
    note({
      field: 'training.precision',
      value: precision,
      source: 'computed',
      detail: `the code computes in bf16 where the GPU supports it, else ${fallback}: ${precision} on ${accelerator.displayName}`,
    });
  } else if (inference) {
    // Compute runs in the weights' format, except weight-only int8/int4, which dequantise to 16 bits.
    const w = inference.weightPrecision;
    precision =
      w === 'fp32' || w === 'fp8'
        ? w
        : w === 'fp16' || w === 'bf16'
          ? w
          : accelerator.peakTflops.bf16
            ? 'bf16'
            : 'fp16';
    note({
      field: 'training.precision',
      value: precision,
      source: 'computed',
      detail: `compute precision of ${w} weights`,
    });
  } else {
    const d = defaultTrainingPrecision(framework, accelerator);
    precision = d.precision;
    note({ field: 'training.precision', value: precision, source: 'default', detail: d.detail });
  }

  const tf32 = tf32ComputeFor({
    precision,
    framework,
    convolutional: catalog?.architecture === 'cnn' || convolutional,
    convolutionTf32: spec.training.convolutionTf32 ?? null,
    accelerator,
  });
  const computePrecision = tf32?.precision ?? precision;
  if (tf32)
    note({
      field: 'training.computePrecision',
      value: computePrecision,
      source: spec.training.convolutionTf32 === true ? 'code' : 'default',
      detail: tf32.detail,
    });

  // ---- amount of work
  const hfLike = mode !== 'pretrain' || spec.training.batchPerDevice !== undefined;
  let epochs = spec.training.epochs ?? null;
  let steps = spec.training.steps ?? null;
  let tokens = spec.training.tokens ?? null;
  let samples = spec.training.samples ?? null;
  let seqLen = spec.training.seqLen ?? catalog?.contextLength ?? null;
  let sizeIsDefault = false;
  const isTokenModel = forwardGflopsPerSample === null;
  if (isTokenModel && !spec.training.seqLen && mode !== 'inference') {
    seqLen = Math.min(catalog?.contextLength ?? C.DEFAULT_SEQ_LEN.value, C.DEFAULT_SEQ_LEN.value);
    note({
      field: 'training.seqLen',
      value: seqLen,
      source: 'default',
      detail: catalog?.contextLength
        ? `min(${catalog.id} context ${catalog.contextLength}, ${C.DEFAULT_SEQ_LEN.value}): ${C.DEFAULT_SEQ_LEN.source}`
        : C.DEFAULT_SEQ_LEN.source,
    });
  }
  let requests: number | null = null;
  let tokensPerRequest: number | null = null;

  if (inference) {
    requests = inference.requests;
    if (inference.forwardPass) {
      // One forward pass per input: the work is counted in inputs, not tokens.
      samples = requests * inference.numSequences;
      tokens = null;
    } else {
      tokensPerRequest = inference.inputTokens + inference.outputTokens * inference.numSequences;
      tokens = requests * tokensPerRequest;
    }
  } else if (tokens === null && samples === null) {
    const batch = spec.training.batchPerDevice ?? HF_DEFAULT_BATCH.value;
    const accumulation = spec.training.gradientAccumulation ?? 1;
    // Model parallelism (Megatron's tensor and pipeline degrees): the devices one copy of the model spans share its
    // batch, so the copies that each take a batch are the devices over that degree (Shoeybi et al. 2019,
    // arXiv:1909.08053; Narayanan et al. 2021, arXiv:2104.04473: data-parallel size = devices / (t × p)).
    const modelParallel = spec.training.modelParallel ?? 1;
    const copies = modelParallel > 1 && count % modelParallel === 0 ? count / modelParallel : count;
    const across =
      copies === count
        ? `${count} devices`
        : `${copies} model copies (${count} devices ÷ ${modelParallel} model-parallel)`;
    const per = copies === count ? 'per device' : 'per model copy';
    if (steps && spec.training.globalBatch) {
      samples = steps * spec.training.globalBatch;
      note({
        field: 'training.samples',
        value: samples,
        source: 'computed',
        detail: `${steps} steps × global batch ${spec.training.globalBatch}`,
      });
    } else if (steps) {
      if (!spec.training.batchPerDevice)
        note({ field: 'training.batchPerDevice', value: batch, source: 'default', detail: HF_DEFAULT_BATCH.source });
      samples = steps * batch * accumulation * copies;
      note({
        field: 'training.samples',
        value: samples,
        source: 'computed',
        detail: `${steps} steps × ${batch} ${per} × ${accumulation} accumulation × ${across}`,
      });
    } else {
      if (epochs === null) {
        // A length the files state past any real run (`epochs: 10000000`: train until stopped) says the run has no
        // length to read; a default would stand in for a number the author chose not to give.
        const unbounded = unknowns.find(
          (u) => u.pastSensible && (u.field === 'training.epochs' || u.field === 'training.steps'),
        );
        if (unbounded)
          missing.push({
            field: 'training.length',
            detail: `the run's length is unknown: ${unbounded.detail}`,
            howToSet:
              'add `# green-ai: epochs=N` (or `steps=N`) to the file, or state the length the run is stopped at',
          });
        epochs = hfLike ? HF_DEFAULT_EPOCHS.value : 1;
        note({
          field: 'training.epochs',
          value: epochs,
          source: 'default',
          // The value the surfaces that list assumptions show beside "needs the run length": a placeholder, said so.
          detail: unbounded
            ? `the run's length is unknown; ${epochs} epoch${epochs === 1 ? '' : 's'} is a placeholder, no estimate is shown`
            : hfLike
              ? HF_DEFAULT_EPOCHS.source
              : 'no epochs or steps found: assumed one pass',
        });
      }
      const dataset = spec.training.dataset ? findDataset(spec.training.dataset) : undefined;
      if (spec.training.datasetTokens || spec.training.datasetSamples) {
        if (spec.training.datasetTokens && isTokenModel) tokens = spec.training.datasetTokens * epochs;
        if (spec.training.datasetSamples) samples = spec.training.datasetSamples * epochs;
        else if (seqLen) samples = (spec.training.datasetTokens! / seqLen) * epochs;
        // An epoch's samples stated (`--train-num-samples`) in batches the code sets: the optimiser steps follow, as
        // for a catalogued dataset below.
        if (spec.training.datasetSamples && spec.training.epochs !== undefined && spec.training.batchPerDevice) {
          const perStep = spec.training.batchPerDevice * accumulation * copies;
          steps = epochs * Math.ceil(spec.training.datasetSamples / perStep);
          note({
            field: 'training.steps',
            value: steps,
            source: 'computed',
            detail: `${epochs} epochs × ⌈${spec.training.datasetSamples} samples / (${spec.training.batchPerDevice} ${per} × ${accumulation} accumulation × ${across})⌉`,
          });
        }
      } else if (dataset) {
        note({
          field: 'training.datasetSamples',
          value: dataset.trainSamples,
          source: 'catalog',
          detail: `${dataset.id}: ${dataset.source}`,
        });
        samples = dataset.trainSamples * epochs;
        if (dataset.tokens && isTokenModel) tokens = dataset.tokens * epochs;
        // Epochs over a known training set in batches the code sets: the optimiser steps follow (a PyTorch
        // DataLoader keeps the last, smaller batch by default: drop_last=False, so each epoch rounds up).
        if (spec.training.epochs !== undefined && spec.training.batchPerDevice) {
          const perStep = spec.training.batchPerDevice * accumulation * copies;
          steps = epochs * Math.ceil(dataset.trainSamples / perStep);
          note({
            field: 'training.steps',
            value: steps,
            source: 'computed',
            detail: `${epochs} epochs × ⌈${dataset.trainSamples} samples / (${spec.training.batchPerDevice} ${per} × ${accumulation} accumulation × ${across})⌉`,
          });
        }
      } else {
        sizeIsDefault = true;
        samples = C.DEFAULT_DATASET_SAMPLES.value * epochs;
        note({
          field: 'training.datasetSamples',
          value: C.DEFAULT_DATASET_SAMPLES.value,
          source: 'default',
          detail: spec.training.dataset
            ? `dataset "${spec.training.dataset}" is not in the catalog; ${C.DEFAULT_DATASET_SAMPLES.source}`
            : `dataset size unknown; ${C.DEFAULT_DATASET_SAMPLES.source}`,
        });
        unknowns.push({
          field: 'training.datasetSamples',
          value: spec.training.dataset ?? null,
          source: 'default',
          detail: 'dataset size unknown: the range is widened ×3 each way',
        });
      }
    }
    if (tokens === null && isTokenModel && samples !== null && seqLen) tokens = samples * seqLen;
  }
  if (epochs === null && steps === null && tokens === null && samples === null) sizeIsDefault = true;

  // ---- utilisation
  // Plain float32 on a GPU runs on its CUDA cores, which reach far more of their (much smaller) peak than tensor cores
  // do of theirs: a band of its own, measured on a small network (no size factor on top).
  const cudaCores = computePrecision === 'fp32' && accelerator.kind === 'gpu';
  const band = cudaCores ? C.MFU_FLOAT32_CUDA_CORES : C.utilisationBandFor(accelerator);
  const calibration = settings.calibration;
  // A team calibration scales the published range; a pinned utilisation (flag or setting) replaces it.
  const factor = calibration && !overrides.mfu && !settings.utilisation ? calibration.utilisationFactor : 1;
  const scaled = (x: number) => Math.min(0.95, x * factor);
  // The band follows the hardware generation; small models use the matrix units less well.
  const sizeFactor = cudaCores ? 1 : C.modelSizeUtilisationFactor(activeParams);
  const prior = (x: number) => scaled(x * sizeFactor);
  const mfu = overrides.mfu
    ? { low: overrides.mfu, central: overrides.mfu, high: overrides.mfu }
    : settings.utilisation
      ? { low: settings.utilisation, central: settings.utilisation, high: settings.utilisation }
      : { low: prior(band.low), central: prior(band.central), high: prior(band.high) };
  note({
    field: 'estimate.mfu',
    value: mfu.central,
    source: overrides.mfu ? 'override' : settings.utilisation ? 'setting' : 'default',
    detail: overrides.mfu
      ? 'override --mfu'
      : settings.utilisation
        ? 'setting greenAI.utilisation'
        : `${band.low}–${band.high} for ${band.label}: ${band.source}${sizeFactor < 1 ? `; ×${sizeFactor.toFixed(2)} for a ${formatParams(activeParams)} model (${C.MFU_SMALL_MODEL.source})` : ''}`,
  });
  if (calibration) {
    const from = `.greenai.json calibration from ${calibration.runs} measured run${calibration.runs === 1 ? '' : 's'} (${calibration.date})`;
    if (factor !== 1)
      note({
        field: 'calibration.utilisationFactor',
        value: calibration.utilisationFactor,
        source: 'setting',
        detail: `${from}: utilisation range ×${calibration.utilisationFactor}`,
      });
    note({
      field: 'calibration.powerFactor',
      value: calibration.powerFactor,
      source: 'setting',
      detail: `${from}: accelerator and host power ×${calibration.powerFactor}`,
    });
  }

  const includeEmbodied = overrides.noEmbodied ? false : settings.includeEmbodied;

  return {
    spec,
    mode,
    architecture,
    inference,
    framework,
    model: {
      name: spec.model.name ?? catalog?.id ?? null,
      params,
      activeParams,
      forwardGflopsPerSample,
      catalog,
      source,
    },
    training: {
      epochs,
      steps,
      tokens,
      samples,
      precision,
      computePrecision,
      seqLen,
      gradientCheckpointing: spec.training.gradientCheckpointing ?? false,
      requests,
      tokensPerRequest,
    },
    hardware: { accelerator, count, region, acceleratorHours: spec.hardware.acceleratorHours ?? null },
    datacenter: { pue, intensityGPerKWh: intensity },
    mfu,
    regionIsDefault,
    powerFactor: calibration?.powerFactor ?? 1,
    includeEmbodied,
    sizeIsDefault,
    paramsSpread,
    missing,
    assumptions,
    unknowns,
  };
}

/**
 * Whether an inference run's model is a network run forward once per input rather than a token model, and what one
 * pass costs: a forward cost known per sample (a vision catalog row, the pixels its config feeds it, a counted dense
 * network), or a vision catalog row or a counted convolutional network whose cost is not known (the run then needs
 * it, said in `missing`). Null for token models.
 */
function forwardPassOf(
  spec: RunSpec,
  catalog: Model | null,
  forwardGflopsPerSample: number | null,
  missing: MissingInput[],
  assumptions: readonly Assumption[],
): ForwardPass | null {
  const unknown = missing.find((m) => m.field === 'model.inputPixels');
  if (unknown) return { gflopsPerSample: null, detail: unknown.detail };
  if (forwardGflopsPerSample !== null) {
    const perPixel = assumptions.find((a) => a.field === 'model.forwardGflopsPerSample');
    const counted = assumptions.find((a) => a.field === 'model.forwardFlopsPerSample');
    const fromCatalog = spec.model.forwardGflopsPerSample == null && catalog?.forwardGflopsPerSample !== undefined;
    const detail =
      perPixel?.detail ?? (fromCatalog ? `${catalog.id}: ${catalog.source}` : (counted?.detail ?? 'given in the spec'));
    return { gflopsPerSample: forwardGflopsPerSample, detail };
  }
  if (catalog?.modality !== 'vision') return null;
  const detail = `${catalog.id} is an image model the catalog states no forward cost for, and its input size is not read`;
  missing.push({
    field: 'model.inputPixels',
    detail,
    howToSet:
      'add `# green-ai: forward_flops=<FLOPs of one forward pass>` (every denoising step of an image, for a diffusion model) or `input_pixels=<pixels of one input>` to the file',
  });
  return { gflopsPerSample: null, detail };
}

/** A catalogued diffusion pipeline served: what one image costs (diffusionCost.ts), unless a directive states it. */
function diffusionPass(
  id: string,
  diffusion: NonNullable<Model['diffusion']>,
  spec: RunSpec,
  origin: 'code' | 'spec',
  note: (a: Assumption) => void,
): ForwardPass {
  const cost = diffusionCost(id, diffusion, spec.inference, origin === 'spec' ? 'directive' : 'code', note);
  const stated = spec.model.forwardGflopsPerSample;
  if (stated) return { gflopsPerSample: stated, detail: 'given for one image (every denoising step and the decoder)' };
  return { gflopsPerSample: cost.gflopsPerImage, detail: cost.detail, denoiserCalls: cost.denoiserCalls };
}

/** What the code says about the model when no id could be read (a CLI argument without a default). */
function modelUnknownDetail(unknowns: readonly Assumption[]): string {
  const model = unknowns.find((u) => u.field === 'model.name');
  return model ? `the model is not known: ${model.detail}` : 'no model found in the code';
}

function replace(list: Assumption[], a: Assumption): void {
  const i = list.findIndex((x) => x.field === a.field);
  if (i >= 0) list.splice(i, 1, a);
  else list.push(a);
}

function formatParams(n: number): string {
  return n >= 1e9 ? `${(n / 1e9).toFixed(1)}B` : `${Math.round(n / 1e6)}M`;
}

/**
 * A vision network's forward GFLOPs per sample from the pixels its config feeds it and the head on its backbone:
 * 2 FLOPs × the multiply-adds per parameter per pixel of a published network with that head (constants.ts:
 * VISION_MACS_PER_PARAM_PIXEL; a backbone's rate where the head is not read) × parameters × pixels. Undefined when
 * the config states no input size.
 */
function visionForwardCost(
  model: RunSpec['model'],
  activeParams: number,
): { readonly gflops: number; readonly detail: string } | undefined {
  const pixels = model.inputPixels;
  if (!pixels) return undefined;
  const head = model.visionHead ?? 'classification';
  const rate = C.VISION_MACS_PER_PARAM_PIXEL[head];
  const millions = Number((activeParams / 1e6).toPrecision(3));
  const whose = model.visionHead ? `a ${head} network` : 'the head is not read: a backbone';
  return {
    gflops: (2 * rate.value * activeParams * pixels) / 1e9,
    detail: `forward pass ≈ 2 FLOPs × ${rate.value} multiply-adds per parameter per pixel × ${millions}M parameters × ${pixels.toLocaleString('en-US')} pixels per sample; ${whose}'s rate, ${rate.source} (range widened ×${C.VISION_PER_PIXEL_SPREAD.value} each way)`,
  };
}
