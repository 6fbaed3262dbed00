/**
 * Every constant of the estimation model, with where it comes from. A range
 * constant has a central value and the low/high ends the estimate's range uses.
 */

export interface SourcedRange {
  readonly low: number;
  readonly central: number;
  readonly high: number;
  readonly source: string;
}

export interface SourcedValue {
  readonly value: number;
  readonly source: string;
}

/** Training FLOPs per parameter per token for a dense transformer (forward 2N + backward 4N). */
export const TRAINING_FLOPS_PER_PARAM_TOKEN: SourcedValue = {
  value: 6,
  source: 'Kaplan et al. 2020, "Scaling Laws for Neural Language Models", arXiv:2001.08361, section 2.1 (C ≈ 6N per token)',
};

/** Activation recomputation repeats the forward pass: 6N + 2N. */
export const RECOMPUTE_FLOPS_PER_PARAM_TOKEN: SourcedValue = {
  value: 8,
  source: 'Narayanan et al. 2021, "Efficient Large-Scale Language Model Training on GPU Clusters", arXiv:2104.04473, section 5.1 (factor 4 instead of 3 forward passes with recomputation)',
};

/**
 * LoRA/QLoRA: the frozen base needs the forward pass (2N) and activation gradients (2N) but no weight
 * gradients (2N), so about 4N per token; the adapters themselves are <1% of N.
 */
export const ADAPTER_FLOPS_PER_PARAM_TOKEN: SourcedValue = {
  value: 4,
  source: 'Backward ≈ 2× forward split into activation and weight gradients (Kaplan et al. 2020, arXiv:2001.08361, 2.1); LoRA freezes base weights (Hu et al. 2021, arXiv:2106.09685, section 4)',
};

/** Inference: one forward pass, 2N FLOPs per processed or generated token. */
export const INFERENCE_FLOPS_PER_PARAM_TOKEN: SourcedValue = {
  value: 2,
  source: 'Kaplan et al. 2020, arXiv:2001.08361, section 2.1 (forward pass ≈ 2N per token)',
};

/** Vision/non-token models: a training step costs about 3 forward passes (forward + 2× backward). */
export const TRAINING_PASSES_PER_FORWARD: SourcedValue = {
  value: 3,
  source: 'Amodei & Hernandez 2018, "AI and Compute" (OpenAI), appendix method 1: training compute ≈ 3 × forward FLOPs × examples',
};

/**
 * Model FLOPs utilisation: the share of the accelerator's dense peak a training job achieves. It is not
 * one number: it depends on the hardware generation (newer chips grew peak FLOP/s faster than memory
 * bandwidth and interconnect, so the same code reaches a smaller share of a bigger peak) and on how well
 * the job is tuned. Each generation has its own published range; the code picks one by chip kind and year.
 */
export interface UtilisationBand extends SourcedRange {
  readonly label: string;
}

/** GPUs released up to 2018 (K80, P100, V100, T4): GPT-3 on V100 reached 21.3%; Megatron-LM sustained 30% of a V100's peak on one GPU. */
export const MFU_PRE_AMPERE_GPU: UtilisationBand = {
  label: 'GPUs up to Volta/Turing',
  low: 0.15,
  central: 0.25,
  high: 0.35,
  source: 'Chowdhery et al. 2022 (PaLM), arXiv:2204.02311, Table 3 (GPT-3 on V100: 21.3% MFU); Shoeybi et al. 2019 (Megatron-LM), arXiv:1909.08053, abstract (39 TFLOP/s = 30% of V100 peak on one GPU)',
};

/** Ampere-generation GPUs and accelerators of 2019–2021: MT-NLG 30.2%, OPT-175B 147 TFLOP/s (47%), Megatron 44–52%. */
export const MFU_AMPERE: UtilisationBand = {
  label: 'Ampere-generation accelerators (2019–2021)',
  low: 0.2,
  central: 0.35,
  high: 0.5,
  source: 'Chowdhery et al. 2022 (PaLM), arXiv:2204.02311, Table 3 (MT-NLG on A100: 30.2%); Zhang et al. 2022 (OPT), arXiv:2205.01068, section 2.4 (147 TFLOP/s per A100 = 47%); Narayanan et al. 2021, arXiv:2104.04473, Table 1 (44–52% of A100 peak)',
};

/**
 * Hopper and later (2022 on): Llama 3 405B reached 38–43% at 8–16k H100s. The low end is lower than for
 * Ampere because an H100 SXM has 3.2× the A100's dense bf16 peak (989 vs 312 TFLOP/s) but only 1.7× its
 * memory bandwidth (3.35 vs 2.0 TB/s), so small or untuned models lose more of the peak.
 */
export const MFU_HOPPER_AND_LATER: UtilisationBand = {
  label: 'Hopper and later accelerators (2022 on)',
  low: 0.15,
  central: 0.35,
  high: 0.45,
  source: 'Dubey et al. 2024 (Llama 3), arXiv:2407.21783, Table 4 (38–43% BF16 MFU on H100); NVIDIA A100 and H100 datasheets (dense bf16 peak and memory bandwidth)',
};

/** Google TPUs: Gopher on TPU v3 reached 32.5%, PaLM on TPU v4 46.2%. */
export const MFU_TPU: UtilisationBand = {
  label: 'Google TPUs',
  low: 0.2,
  central: 0.35,
  high: 0.5,
  source: 'Chowdhery et al. 2022 (PaLM), arXiv:2204.02311, Table 3 (Gopher on TPU v3: 32.5%; PaLM on TPU v4: 46.2%)',
};

/** The utilisation band for an accelerator, by kind and release year. */
export function utilisationBandFor(accelerator: { readonly kind: string; readonly releaseYear: number }): UtilisationBand {
  if (accelerator.kind === 'tpu') return MFU_TPU;
  if (accelerator.releaseYear <= 2018) return MFU_PRE_AMPERE_GPU;
  if (accelerator.releaseYear >= 2022) return MFU_HOPPER_AND_LATER;
  return MFU_AMPERE;
}

/**
 * Average accelerator power during training as a share of TDP, used where the catalog has no
 * measured figure. Where it has one, the measured figure is the central value and the range scales it by
 * low/central and high/central. Patterson et al. measured 208 W per TPUv2 (TDP 280 W, 0.74) and 289 W per TPUv3
 * (TDP 450 W, 0.64); the TDP itself is the upper end (ML CO2 Impact calculator convention).
 */
export const POWER_SHARE_OF_TDP: SourcedRange = {
  low: 0.6,
  central: 0.75,
  high: 1.0,
  source: 'Patterson et al. 2021, "Carbon Emissions and Large Neural Network Training", arXiv:2104.10350, Table 4 (measured chip power vs TDP); Lacoste et al. 2019, arXiv:1910.09700 (TDP upper bound)',
};

/**
 * Host CPU and memory power per accelerator, watts. Central: an AWS p4d.24xlarge (8× A100, 2× Xeon
 * Platinum 8275CL at 240 W TDP, 1152 GB RAM) gives 60 W CPU + 144 GB × 0.3725 W/GB = 114 W per GPU.
 * High: BLOOM's measured infrastructure/idle energy was 0.59× the GPUs' (0.59 × 400 W ≈ 236 W).
 */
export const HOST_WATTS_PER_ACCELERATOR: SourcedRange = {
  low: 60,
  central: 114,
  high: 236,
  source: 'AWS EC2 P4 instance specs; Intel ARK Xeon Platinum 8275CL (240 W); Lannelongue et al. 2021 Green Algorithms (0.3725 W/GB memory); Luccioni et al. 2023 BLOOM, JMLR 24(253), arXiv:2211.02001 (256,646 kWh idle vs 433,196 kWh GPU)',
};

/** Datacenter PUE when neither a cloud provider nor a setting says otherwise. */
export const DEFAULT_PUE: SourcedValue = {
  value: 1.58,
  source: 'Uptime Institute Global Data Center Survey 2023: average annual PUE 1.58',
};

/** Embodied carbon is amortised over the hardware's service life at its average utilisation. */
export const HARDWARE_SERVICE_LIFE_YEARS: SourcedValue = {
  value: 6,
  source: 'Luccioni et al. 2023 (BLOOM), arXiv:2211.02001, section 4.1: 6-year replacement rate',
};
export const HARDWARE_AVERAGE_UTILISATION: SourcedValue = {
  value: 0.85,
  source: 'Luccioni et al. 2023 (BLOOM), arXiv:2211.02001, section 4.1: 85% average usage',
};
/** Host server's manufacturing footprint, shared by the accelerators it holds. */
export const HOST_SERVER_EMBODIED_KG: SourcedValue = {
  value: 2500,
  source: 'Luccioni et al. 2023 (BLOOM), arXiv:2211.02001, section 4.1: ≈2,500 kg CO2e per HPE Apollo 6500 Gen10 Plus server (8 GPUs)',
};
export const ACCELERATORS_PER_SERVER: SourcedValue = {
  value: 8,
  source: 'NVIDIA DGX/HGX A100 and H100 and AWS p4d/p5 hold 8 GPUs per server',
};

/** When no dataset size can be read: widen the range by this factor each way, and say so. */
export const UNKNOWN_SIZE_SPREAD: SourcedValue = {
  value: 3,
  source: 'Green AI default: a visible ×3 uncertainty each way when the dataset size is unknown (not a measured figure)',
};

/** Samples assumed when a fine-tune's dataset cannot be identified (shown as a default). */
export const DEFAULT_DATASET_SAMPLES: SourcedValue = {
  value: 100_000,
  source: 'Green AI default: order of magnitude of common fine-tuning sets (GLUE SST-2 67k, IMDB 25k, Alpaca 52k, CNN/DailyMail 287k)',
};

/** Sequence length assumed for text fine-tunes that do not set one. */
export const DEFAULT_SEQ_LEN: SourcedValue = {
  value: 512,
  source: 'Green AI default: the maximum position embeddings of BERT-family models (Devlin et al. 2019, arXiv:1810.04805)',
};
