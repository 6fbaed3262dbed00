import { estimateRun } from '../estimate/estimateRun';
import { allRegions, findModel } from '../knowledge';
import type { ResolvedRun } from '../resolve/completeRun';
import { completeRun } from '../resolve/completeRun';
import type { EstimateSettings, Overrides, RunSpec } from '../runSpec';
import type { CodeFix } from './fixes';

/**
 * Suggestions: each is a changed run, re-estimated by the same model, so the
 * saving shown is the model's own difference, never a rule-of-thumb percentage.
 */

export const SUGGESTION_KINDS = [
  'use-pretrained',
  'peft',
  'smaller-model',
  'mixed-precision',
  'early-stopping',
  'greener-region',
  'efficient-hardware',
  'quantize-inference',
  'fewer-trials',
  // Serving (added to the v1 contract): a continuous-batching server, and shorter generated outputs.
  'continuous-batching',
  'shorter-outputs',
  // Serving a network run forward once per input: batch the inputs.
  'batch-inputs',
  // A diffusion pipeline: fewer denoising steps with a faster solver.
  'fewer-denoising-steps',
] as const;
export type SuggestionKind = (typeof SUGGESTION_KINDS)[number];

export interface Suggestion {
  readonly kind: SuggestionKind;
  readonly title: string;
  readonly co2eKgSaved: number;
  /** Share of the run's central CO2e saved, 0–1. */
  readonly savedFraction: number;
  readonly tradeoff: string;
  /** The edit a code action would make, where the change is mechanical; else null. */
  readonly fix: CodeFix | null;
  /** The changed spec, so the panel can show the alternative's full estimate. */
  readonly changedSpec: RunSpec;
}

interface Candidate {
  readonly kind: SuggestionKind;
  readonly title: string;
  readonly tradeoff: string;
  readonly spec: RunSpec;
  readonly overrides?: Overrides;
}

/** Iterations from scratch ÷ iterations fine-tuning from pretrained weights to the same accuracy (He et al. 2019). */
const PRETRAINED_SCHEDULE_FACTOR = 3;

/** Evaluations without improvement before early stopping ends a run (what the quick fix writes). */
export const EARLY_STOPPING_PATIENCE = 2;

function withTraining(spec: RunSpec, training: Partial<RunSpec['training']>): RunSpec {
  return { ...spec, training: { ...spec.training, ...training } };
}

function candidates(run: ResolvedRun, overrides: Overrides): Candidate[] {
  const out: Candidate[] = [];
  const { spec, mode, training, hardware, model } = run;
  const training_ = mode !== 'inference';

  // Training from scratch a model that has published weights: start from them, with a shorter schedule.
  if (mode === 'pretrain' && model.catalog) {
    const third = (x: number | null | undefined) => (x ? Math.max(1, Math.round(x / PRETRAINED_SCHEDULE_FACTOR)) : x);
    out.push({
      kind: 'use-pretrained',
      title: `Start from pretrained ${model.catalog.id} weights`,
      tradeoff: `fine-tuning from ImageNet weights matched training from random initialisation with a third of the iterations (He, Girshick & Dollár 2019, arXiv:1811.08883: 2× vs 6× schedule for Mask R-CNN on COCO); the saving assumes a schedule cut to a third, so check your validation metric`,
      spec: {
        ...spec,
        training: {
          ...spec.training,
          mode: 'finetune',
          epochs: third(spec.training.epochs ?? training.epochs),
          steps: spec.training.steps ? third(spec.training.steps) : spec.training.steps,
          tokens: spec.training.tokens ? spec.training.tokens / PRETRAINED_SCHEDULE_FACTOR : spec.training.tokens,
        },
      },
    });
  }

  const bf16 = hardware.accelerator.peakTflops.bf16;
  const fp16 = hardware.accelerator.peakTflops.fp16;
  if (training_ && (training.precision === 'fp32' || training.precision === 'tf32') && (bf16 || fp16)) {
    const target = bf16 ? 'bf16' : 'fp16';
    out.push({
      kind: 'mixed-precision',
      title: `Use ${target} mixed precision`,
      tradeoff:
        target === 'bf16'
          ? 'bf16 mixed precision trains to fp32 accuracy across vision, speech and language models (Kalamkar et al. 2019, arXiv:1905.12322)'
          : 'fp16 mixed precision with loss scaling matches fp32 accuracy (Micikevicius et al. 2018, arXiv:1710.03740); watch for overflow in the loss',
      spec: withTraining(spec, { precision: target }),
    });
  }

  if (mode === 'finetune' && model.params >= 1e9) {
    out.push({
      kind: 'peft',
      title: `Fine-tune with LoRA instead of all ${formatParams(model.params)} parameters`,
      tradeoff:
        'LoRA matched full fine-tuning on GLUE (RoBERTa, DeBERTa) and GPT-3 tasks while training <1% of the weights (Hu et al. 2021, arXiv:2106.09685, Tables 2–4)',
      spec: withTraining(spec, { mode: 'lora' }),
    });
  }

  for (const siblingId of model.catalog?.smallerSiblings ?? []) {
    const sibling = findModel(siblingId);
    if (!sibling || sibling.params >= model.params) continue;
    const mine = model.catalog?.quality;
    const theirs = sibling.quality;
    const quality =
      mine && theirs && mine.benchmark === theirs.benchmark
        ? `${theirs.benchmark}: ${theirs.score} vs ${mine.score} (${theirs.source}; ${mine.source})`
        : theirs
          ? `${theirs.benchmark} ${theirs.score} (${theirs.source})`
          : `quality not published in a comparable benchmark (${sibling.source})`;
    out.push({
      kind: 'smaller-model',
      title: `Use ${sibling.id} (${formatParams(sibling.params)} params)`,
      tradeoff: quality,
      spec: { ...spec, model: { name: sibling.id } },
    });
    break; // The nearest smaller sibling is the one worth showing first.
  }

  // Early stopping: the most it can save is every epoch after the first plus the patience. Only that bound is
  // knowable before the run, so it is shown as "up to" and ranked after the suggestions with a central saving.
  const epochs = training.epochs;
  // Only for fine-tunes: a pretrained model often fits a new task within a few epochs, whereas a
  // from-scratch schedule is usually meant to run to the end.
  const finetune = mode === 'finetune' || mode === 'lora' || mode === 'qlora';
  if (finetune && !training.steps && epochs !== null && epochs >= EARLY_STOPPING_PATIENCE + 2) {
    out.push({
      kind: 'early-stopping',
      title: `Stop early when the validation loss stops improving (up to ${epochs - 1 - EARLY_STOPPING_PATIENCE} of ${epochs} epochs)`,
      tradeoff: `an upper bound: it assumes the validation loss stops improving after the first epoch and training ends ${EARLY_STOPPING_PATIENCE} evaluations later; if the loss keeps improving, nothing is saved and nothing is lost. The best checkpoint is kept (Prechelt 1998, "Early Stopping — But When?", Neural Networks: Tricks of the Trade, LNCS 1524)`,
      spec: withTraining(spec, { epochs: 1 + EARLY_STOPPING_PATIENCE }),
    });
  }

  if (run.inference) out.push(...servingCandidates(run));

  // Where the region was not read, the surfaces say so once ("region not set"); a move is only suggested
  // for a run whose region is known, ranked by its saving like every other suggestion.
  const cleanest = run.regionIsDefault ? undefined : cleanestRegionLike(run);
  if (
    cleanest &&
    cleanest.gridIntensityGPerKWh < run.datacenter.intensityGPerKWh * 0.5 &&
    overrides.intensityGPerKWh === undefined &&
    spec.datacenter.intensityGPerKWh == null
  ) {
    out.push({
      kind: 'greener-region',
      title: `Run in ${cleanest.displayName} (${Math.round(cleanest.gridIntensityGPerKWh)} g/kWh)`,
      tradeoff: `grid intensity ${Math.round(cleanest.gridIntensityGPerKWh)} vs ${Math.round(run.datacenter.intensityGPerKWh)} g CO2e/kWh (${cleanest.year}, ${cleanest.source.split(',')[0]}); data residency, latency and price may differ`,
      spec: { ...spec, hardware: { ...spec.hardware, region: cleanest.id } },
      overrides: { ...overrides, region: cleanest.id },
    });
  }
  return out;
}

/** Serving changes, each re-estimated by the serving model: batching, quantised weights, half precision, shorter outputs. */
function servingCandidates(run: ResolvedRun): Candidate[] {
  const inf = run.inference!;
  const spec = run.spec;
  const out: Candidate[] = [];
  const withInference = (changes: NonNullable<RunSpec['inference']>): RunSpec => ({
    ...spec,
    inference: { ...(spec.inference ?? {}), ...changes },
  });
  if (inf.forwardPass) return forwardPassCandidates(run, withInference);
  if (!inf.server) {
    out.push({
      kind: 'continuous-batching',
      title: 'Serve with a continuous-batching server (vLLM, TGI, SGLang) instead of one request at a time',
      tradeoff:
        'same model and outputs; vLLM reached 2–4× the throughput of FasterTransformer and Orca at the same latency and up to 24× that of Hugging Face transformers (Kwon et al. 2023, "Efficient Memory Management for Large Language Model Serving with PagedAttention", SOSP, arXiv:2309.06180); a server only batches when requests overlap',
      spec: withInference({ engine: 'vllm', concurrency: undefined }),
    });
  }
  if (inf.weightPrecision === 'fp32') {
    out.push({
      kind: 'mixed-precision',
      title: 'Load the weights in bf16 (torch_dtype=torch.bfloat16) instead of float32',
      tradeoff:
        'current LLM checkpoints are published in 16-bit (their config.json torch_dtype), so 16-bit inference runs them at their trained precision; transformers loads float32 unless told (huggingface/transformers issue #36567)',
      spec: withInference({ weightPrecision: 'bf16' }),
    });
  } else if (inf.weightPrecision === 'fp16' || inf.weightPrecision === 'bf16') {
    out.push({
      kind: 'quantize-inference',
      title: 'Serve 4-bit weights (GPTQ/AWQ; 8-bit if quality is critical)',
      tradeoff:
        'Llama-2-7B wikitext perplexity 12.21 (bf16) → 12.84 with 4-bit weight-only and 12.20 with 8-bit weight-only (pytorch/ao torchao/quantization README benchmarks); check your task metric',
      spec: withInference({ weightPrecision: 'int4' }),
    });
  }
  if (inf.outputTokens > 256) {
    const shorter = Math.round(inf.outputTokens / 2);
    out.push({
      kind: 'shorter-outputs',
      title: `Cap generated tokens at ${shorter} (max_tokens / max_new_tokens)`,
      tradeoff: `each generated token is a decode step, so output length drives serving cost ("the number of output tokens dominates overall response latency", Databricks, LLM inference performance engineering); answers longer than ${shorter} tokens would be cut, so ask for concise answers in the prompt too`,
      spec: withInference({ outputTokens: shorter }),
    });
  }
  return out;
}

/** Denoising steps the fewer-steps suggestion proposes: the most DPM-Solver++ needs for guided sampling (arXiv:2211.01095). */
const SUGGESTED_DENOISING_STEPS = 20;

/** Inputs a batched loop takes at once in the batching suggestion: where the measured throughput has mostly levelled. */
const SUGGESTED_FORWARD_BATCH = 32;

/** Serving changes for a network run forward once per input: batch the inputs, run in half precision. */
function forwardPassCandidates(
  run: ResolvedRun,
  withInference: (changes: NonNullable<RunSpec['inference']>) => RunSpec,
): Candidate[] {
  const inf = run.inference!;
  const out: Candidate[] = [];
  const steps = inf.forwardPass?.denoiserCalls;
  // Guided latent diffusion (Stable Diffusion's UNets): a multistep solver reaches its images in fewer steps. Not for
  // a model with its guidance distilled in (FLUX.1's flow matching has solvers of its own).
  if (steps && steps > SUGGESTED_DENOISING_STEPS && run.model.catalog?.diffusion?.defaultGuidanceScale != null)
    out.push({
      kind: 'fewer-denoising-steps',
      title: `Denoise in ${SUGGESTED_DENOISING_STEPS} steps with DPMSolverMultistepScheduler instead of ${steps}`,
      tradeoff: `DPM-Solver++ "can generate high-quality samples within only 15 to 20 steps for guided sampling by pixel-space and latent-space DPMs" (Lu et al. 2022, arXiv:2211.01095); in diffusers: pipe.scheduler = DPMSolverMultistepScheduler.from_config(pipe.scheduler.config), then num_inference_steps=${SUGGESTED_DENOISING_STEPS}; compare the images`,
      spec: withInference({ denoisingSteps: SUGGESTED_DENOISING_STEPS }),
    });
  if (!inf.server && inf.concurrency < SUGGESTED_FORWARD_BATCH)
    out.push({
      kind: 'batch-inputs',
      title: `Run the inputs through the network in batches of ${SUGGESTED_FORWARD_BATCH} instead of ${inf.concurrency === 1 ? 'one at a time' : `${inf.concurrency} at a time`}`,
      tradeoff:
        'same model and outputs; a plain PyTorch loop is bound by launching each layer, so small batches cost about as much as one input: ResNet-50 v1.5 on a V100 served 96 images/s at batch 1 and 1,127 at batch 32 (NVIDIA DeepLearningExamples, resnet50v1.5 README, inference performance); each input waits for its batch',
      spec: withInference({ concurrency: SUGGESTED_FORWARD_BATCH }),
    });
  if (inf.weightPrecision === 'fp32') {
    const half = run.hardware.accelerator.peakTflops.bf16 ? 'bf16' : 'fp16';
    out.push({
      kind: 'mixed-precision',
      title: `Run the network in ${half} (torch.autocast, or model.${half === 'bf16' ? 'to(torch.bfloat16)' : 'half()'}) instead of float32`,
      tradeoff:
        'ResNet-50 v1.5 reached the same ImageNet top-1 in mixed precision as in TF32 (77.12% and 76.95% after 90 epochs) and served 3,382 images/s against 1,261 in FP32 at batch 256 on a V100 (NVIDIA DeepLearningExamples, resnet50v1.5 README); check your task metric',
      spec: withInference({ weightPrecision: half }),
    });
  }
  return out;
}

/**
 * Where to suggest moving: the cleanest region of the same cloud when the run is in one;
 * otherwise the cleanest cloud region anywhere, since that is a move a team can actually make.
 */
function cleanestRegionLike(run: ResolvedRun) {
  const kind = run.hardware.region.kind;
  const cloud = (k: string) => k === 'aws' || k === 'gcp' || k === 'azure';
  let best;
  for (const r of allRegions()) {
    if (cloud(kind) ? r.kind !== kind : !cloud(r.kind)) continue;
    if (!best || r.gridIntensityGPerKWh < best.gridIntensityGPerKWh) best = r;
  }
  return best;
}

export function formatParams(n: number): string {
  if (n >= 1e9) return `${+(n / 1e9).toFixed(1)}B`;
  if (n >= 1e6) return `${+(n / 1e6).toFixed(0)}M`;
  if (n >= 1e3) return `${+(n / 1e3).toFixed(0)}K`;
  return String(n);
}

export function suggestImprovements(
  run: ResolvedRun,
  co2eKg: number,
  settings: EstimateSettings,
  overrides: Overrides = {},
): Suggestion[] {
  const out: Suggestion[] = [];
  for (const c of candidates(run, overrides)) {
    let changed: ResolvedRun;
    try {
      changed = completeRun(c.spec, settings, c.overrides ?? overrides, { origin: 'code' });
    } catch {
      continue;
    }
    // A change whose run cannot be priced (a smaller model with no published forward cost) saves nothing it can show.
    if (changed.missing.some((m) => !run.missing.some((r) => r.field === m.field))) continue;
    const saved = co2eKg - estimateRun(changed).co2eKg;
    if (!(saved > 0)) continue;
    out.push({
      kind: c.kind,
      title: c.title,
      co2eKgSaved: saved,
      savedFraction: co2eKg > 0 ? saved / co2eKg : 0,
      tradeoff: c.tradeoff,
      fix: null,
      changedSpec: c.spec,
    });
  }
  // An upper bound is not comparable with central savings: early stopping goes last.
  const bound = (s: Suggestion) => (s.kind === 'early-stopping' ? 1 : 0);
  return out.sort((a, b) => bound(a) - bound(b) || b.co2eKgSaved - a.co2eKgSaved);
}
