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
  source:
    'Kaplan et al. 2020, "Scaling Laws for Neural Language Models", arXiv:2001.08361, section 2.1 (C ≈ 6N per token)',
};

/** Activation recomputation repeats the forward pass: 6N + 2N. */
export const RECOMPUTE_FLOPS_PER_PARAM_TOKEN: SourcedValue = {
  value: 8,
  source:
    'Narayanan et al. 2021, "Efficient Large-Scale Language Model Training on GPU Clusters", arXiv:2104.04473, section 5.1 (factor 4 instead of 3 forward passes with recomputation)',
};

/**
 * LoRA/QLoRA: the frozen base needs the forward pass (2N) and activation gradients (2N) but no weight
 * gradients (2N), so about 4N per token; the adapters themselves are <1% of N.
 */
export const ADAPTER_FLOPS_PER_PARAM_TOKEN: SourcedValue = {
  value: 4,
  source:
    'Backward ≈ 2× forward split into activation and weight gradients (Kaplan et al. 2020, arXiv:2001.08361, 2.1); LoRA freezes base weights (Hu et al. 2021, arXiv:2106.09685, section 4)',
};

/** Inference: one forward pass, 2N FLOPs per processed or generated token. */
export const INFERENCE_FLOPS_PER_PARAM_TOKEN: SourcedValue = {
  value: 2,
  source: 'Kaplan et al. 2020, arXiv:2001.08361, section 2.1 (forward pass ≈ 2N per token)',
};

/** Vision/non-token models: a training step costs about 3 forward passes (forward + 2× backward). */
export const TRAINING_PASSES_PER_FORWARD: SourcedValue = {
  value: 3,
  source:
    'Amodei & Hernandez 2018, "AI and Compute" (OpenAI), appendix method 1: training compute ≈ 3 × forward FLOPs × examples',
};

/**
 * A vision network's forward cost per parameter per input pixel, in multiply-adds, by the head on its backbone: for
 * a run whose model is in no catalog row with a stated forward cost, but whose config says the input size and the
 * model's size (readers/mmInputSize.ts). Convolutions and windowed attention run their weights over every position,
 * so the cost grows with the pixels; dense heads (a detector's FPN and RoI heads, a segmenter's decoder at 1/4
 * resolution) cost more per pixel than a classifier's pooled one. Each figure is one published model's multiply-adds
 * divided by its parameters and input pixels (the papers' "FLOPs" count a multiply-add once: He et al. 2016 give
 * ResNet-50 "3.8 billion FLOPs (multiply-adds)"); a multiply-add is 2 FLOPs (resolve/completeRun.ts: visionForwardCost doubles it).
 */
export const VISION_MACS_PER_PARAM_PIXEL: Readonly<
  Record<'classification' | 'detection' | 'segmentation', SourcedValue>
> = {
  classification: {
    value: 3.2e-3,
    source:
      'Swin-T: 4.5 G multiply-adds, 28M parameters at 224×224 (Liu et al. 2021, "Swin Transformer", arXiv:2103.14030, Table 1): 4.5e9 / (28e6 × 50,176) = 3.2e-3 (ResNet-50, 3.8e9 / (25.6e6 × 50,176) = 3.0e-3, He et al. 2016, arXiv:1512.03385, Table 1)',
  },
  detection: {
    value: 5.4e-3,
    source:
      'Mask R-CNN with Swin-T: 267 G multiply-adds, 48M parameters at 1280×800 (microsoft/Swin-Transformer README, "Main Results on Downstream Tasks", COCO; FLOPs at 1280×800, Liu et al. 2021 section 4.2): 267e9 / (48e6 × 1,024,000) = 5.4e-3',
  },
  segmentation: {
    value: 15e-3,
    source:
      'UperNet with Swin-T: 945 G multiply-adds, 60M parameters at 2048×512 (microsoft/Swin-Transformer README, "Main Results on Downstream Tasks", ADE20K; FLOPs at 2048×512, Liu et al. 2021 section 4.3): 945e9 / (60e6 × 1,048,576) = 15e-3',
  },
};

/**
 * How far a per-pixel forward cost may be from the network's own: one head's published figures differ by about ×2
 * across backbones (classification at 224×224 unless stated, Liu et al. 2021, arXiv:2103.14030, Table 1:
 * EfficientNet-B3 1.8 G / (12M × 300²) = 1.7e-3; DeiT-B 17.5 G / (86M × 50,176) = 4.1e-3).
 */
export const VISION_PER_PIXEL_SPREAD: SourcedValue = {
  value: 2,
  source:
    "EfficientNet-B3 1.7e-3 and DeiT-B 4.1e-3 multiply-adds per parameter per pixel (Liu et al. 2021, arXiv:2103.14030, Table 1: 12M, 1.8 G at 300×300; 86M, 17.5 G at 224×224), about ×2 either side of Swin-T's 3.2e-3",
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

/**
 * Each band is set from measurements that are not rows of the validation files (test/validation): a training
 * run's own figures never set the band it is checked against.
 */

/** GPUs released up to 2018 (K80, P100, V100, T4): Megatron-LM sustained 30% of a V100's peak on one GPU and 23.6% over 512. */
export const MFU_PRE_AMPERE_GPU: UtilisationBand = {
  label: 'GPUs up to Volta/Turing',
  low: 0.15,
  central: 0.25,
  high: 0.35,
  source:
    'Shoeybi et al. 2019 (Megatron-LM), arXiv:1909.08053, abstract: 39 TFLOP/s on one V100 (30% of 125) and 15.1 PFLOP/s over 512 V100s with 76% scaling efficiency (23.6% of peak)',
};

/**
 * Ampere-generation GPUs and accelerators of 2019–2021: production runs from MT-NLG's 30.2% to MegaScale's 55.2% at
 * 12,288 A100s; tuned MPT runs reach 43–64% on 8–128 A100s.
 */
export const MFU_AMPERE: UtilisationBand = {
  label: 'Ampere-generation accelerators (2019–2021)',
  low: 0.2,
  central: 0.35,
  high: 0.55,
  source:
    'Chowdhery et al. 2022 (PaLM), arXiv:2204.02311, Table 3 (MT-NLG 530B on A100: 30.2% MFU); Jiang et al. 2024 (MegaScale), arXiv:2402.15627, abstract (55.2% MFU, 175B on 12,288 GPUs; 1.34× Megatron-LM); mosaicml/llm-foundry scripts/train/benchmarking/README.md (MPT 125M–70B on A100: 43–64% MFU)',
};

/**
 * Hopper and later (2022 on): the same MPT code and configurations reach 35–46% MFU on H100 against 45–64% on
 * A100 (about 0.76×), because an H100 SXM has 3.2× the A100's dense bf16 peak (989 vs 312 TFLOP/s) but only 1.7×
 * its memory bandwidth (3.35 vs 2.0 TB/s). The band is the Ampere band at that ratio.
 */
export const MFU_HOPPER_AND_LATER: UtilisationBand = {
  label: 'Hopper and later accelerators (2022 on)',
  low: 0.15,
  central: 0.27,
  high: 0.45,
  source:
    'mosaicml/llm-foundry scripts/train/benchmarking/README.md: MPT 760M–70B bf16 on H100 80GB 35–46% MFU vs 45–64% on A100 80GB (same configurations); NVIDIA A100 and H100 datasheets (dense bf16 peak and memory bandwidth)',
};

/**
 * A run computing in plain float32 on a GPU uses its CUDA cores, whose peak is a small fraction of the tensor cores'
 * (V100: 15.7 against 125 TFLOP/s) and is reached far better: NVIDIA's ResNet-50 v1.5 (PyTorch) trains at 367 img/s
 * in FP32 on one V100 16GB, 0.53 of its FP32 peak at 3 × 7.6 GFLOPs an image, where mixed precision reaches 0.22 of
 * the tensor-core peak (1,200 img/s); the same tables' FP32 inference at batch 256 reaches 0.61 (V100) and 0.39 (T4).
 * BERT-large pre-training in the TensorFlow tables speeds up ×3.0–3.5 with mixed precision where the peaks differ ×8,
 * the same ratio. Measured on a 25M-parameter network, so no small-model factor applies on top.
 */
export const MFU_FLOAT32_CUDA_CORES: UtilisationBand = {
  label: 'float32 on GPU CUDA cores',
  low: 0.39,
  central: 0.5,
  high: 0.61,
  source:
    'NVIDIA DeepLearningExamples, PyTorch/Classification/ConvNets/resnet50v1.5/README.md: training 367 img/s FP32 on 1× V100 16GB (0.53 of 15.7 TFLOP/s at 3 × 7.6 GFLOPs an image; mixed precision 1,200 img/s, 0.22 of 125), inference at batch 256 FP32 1,261 img/s on V100 (0.61) and 415 img/s on T4 (0.39 of 8.1); TensorFlow/LanguageModeling/BERT/README.md: BERT-large pre-training on V100 ×3.0–3.5 faster with FP16 than FP32',
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
export function utilisationBandFor(accelerator: {
  readonly kind: string;
  readonly releaseYear: number;
}): UtilisationBand {
  if (accelerator.kind === 'tpu') return MFU_TPU;
  if (accelerator.releaseYear <= 2018) return MFU_PRE_AMPERE_GPU;
  if (accelerator.releaseYear >= 2022) return MFU_HOPPER_AND_LATER;
  return MFU_AMPERE;
}

/**
 * Small models use the matrix units less well (narrow matrices, more time in normalisation, attention and the
 * optimizer relative to the matrix products). With the same code on 8 A100s, MPT-125M reached 43–54% MFU where
 * MPT-1B to 13B reached 55–60%: about 0.85× at 125M. The factor is 1 from 1B parameters up and falls
 * log-linearly below, to 0.85 at 125M and at most to 0.8.
 */
export const MFU_SMALL_MODEL: SourcedValue & {
  readonly atParams: number;
  readonly fullFrom: number;
  readonly floor: number;
} = {
  value: 0.85,
  atParams: 1.25e8,
  fullFrom: 1e9,
  floor: 0.8,
  source:
    'mosaicml/llm-foundry scripts/train/benchmarking/README.md, A100 80GB tables: MPT-125M 42.6–54.1% MFU vs MPT-1B 55.5–60.7% and MPT-3B–13B 51.7–64.2% at equal sequence lengths on 8 GPUs',
};

/** Multiplier on the utilisation band for a model of `activeParams` parameters (1 from 1B up; non-decreasing in size). */
export function modelSizeUtilisationFactor(activeParams: number): number {
  const { value, atParams, fullFrom, floor } = MFU_SMALL_MODEL;
  if (activeParams >= fullFrom) return 1;
  const perDecade = (1 - value) / Math.log10(fullFrom / atParams);
  return Math.max(floor, 1 - perDecade * Math.log10(fullFrom / activeParams));
}

/**
 * Training FLOPs of an encoder–decoder model: the encoder sees the inputs and the decoder the targets, each with
 * about half the parameters, so 6·(N/2)·(input + target tokens) = 3·N·T when T counts both; T5's authors note
 * that an encoder–decoder with L + L layers costs about what an L-layer decoder-only model does.
 */
export const ENCODER_DECODER_FLOPS_PER_PARAM_TOKEN: SourcedValue = {
  value: 3,
  source:
    'Raffel et al. 2020 (T5), JMLR 21(140), arXiv:1910.10683, section 3.2.2 (an encoder–decoder with L layers each has 2× the parameters but about the computational cost of an L-layer decoder-only model); Kaplan et al. 2020 (6N per token per parameter it passes through)',
};

/**
 * Mixture-of-experts: each token passes through the shared layers and its routed experts, so training FLOPs follow
 * the active parameters (6·N_active·T); the router adds 2·d·E FLOPs per token per layer, under 0.1% for published
 * models (Mixtral 8x7B: 32 layers × 4,096 × 8 experts ≈ 1M router weights against 12.9B active).
 */
export const MOE_ROUTER_NOTE: SourcedValue = {
  value: 0,
  source:
    'Fedus et al. 2021 (Switch Transformer), arXiv:2101.03961, section 2.1 (router = one d×E matrix per layer); Jiang et al. 2024 (Mixtral), arXiv:2401.04088 (32 layers, hidden 4,096, 8 experts, 12.9B active of 46.7B)',
};

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
  source:
    'Patterson et al. 2021, "Carbon Emissions and Large Neural Network Training", arXiv:2104.10350, Table 4 (measured chip power vs TDP); Lacoste et al. 2019, arXiv:1910.09700 (TDP upper bound)',
};

/**
 * Host CPU and memory power per accelerator in an 8-GPU server, watts. Central: an AWS p4d.24xlarge (8× A100,
 * 2× Xeon Platinum 8275CL at 240 W TDP, 1152 GB RAM) gives 60 W CPU + 144 GB × 0.3725 W/GB = 114 W per GPU.
 * High: BLOOM's measured infrastructure/idle energy was 0.59× the GPUs' (0.59 × 400 W ≈ 236 W).
 */
export const HOST_WATTS_PER_ACCELERATOR: SourcedRange = {
  low: 60,
  central: 114,
  high: 236,
  source:
    'AWS EC2 P4 instance specs; Intel ARK Xeon Platinum 8275CL (240 W); Lannelongue et al. 2021 Green Algorithms (0.3725 W/GB memory); Luccioni et al. 2023 BLOOM, JMLR 24(253), arXiv:2211.02001 (256,646 kWh idle vs 433,196 kWh GPU)',
};

/**
 * Host power per accelerator on a small node (fewer than 8 accelerators: a workstation or a 1–4 GPU cloud VM).
 * A GCP a2-highgpu-1g gives each A100 12 vCPUs and 85 GB: CPU 12 × (0.64–3.97 W per vCPU, Cascade Lake) and memory
 * 85 GB × 0.392 W/GB = 33 W, so 41 W (idle CPUs) to 81 W (busy), 61 W at half load.
 */
export const HOST_WATTS_SMALL_NODE: SourcedRange = {
  low: 41,
  central: 61,
  high: 81,
  source:
    'Google Cloud A2 machine types (a2-highgpu-1g: 1 A100, 12 vCPUs, 85 GB); Cloud Carbon Footprint methodology coefficients (Cascade Lake 0.64–3.97 W per vCPU; memory 0.392 W/GB)',
};

/** Host power per accelerator by node type: an 8-GPU server's share, or a small node's. */
export function hostWattsFor(count: number): SourcedRange {
  return count >= ACCELERATORS_PER_SERVER.value ? HOST_WATTS_PER_ACCELERATOR : HOST_WATTS_SMALL_NODE;
}

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
  source:
    'Luccioni et al. 2023 (BLOOM), arXiv:2211.02001, section 4.1: ≈2,500 kg CO2e per HPE Apollo 6500 Gen10 Plus server (8 GPUs)',
};
export const ACCELERATORS_PER_SERVER: SourcedValue = {
  value: 8,
  source: 'NVIDIA DGX/HGX A100 and H100 and AWS p4d/p5 hold 8 GPUs per server',
};

/** When no dataset size can be read: widen the range by this factor each way, and say so. */
export const UNKNOWN_SIZE_SPREAD: SourcedValue = {
  value: 3,
  source:
    'Green AI default: a visible ×3 uncertainty each way when the dataset size is unknown (not a measured figure)',
};

/** Samples assumed when a fine-tune's dataset cannot be identified (shown as a default). */
export const DEFAULT_DATASET_SAMPLES: SourcedValue = {
  value: 100_000,
  source:
    'Green AI default: order of magnitude of common fine-tuning sets (GLUE SST-2 67k, IMDB 25k, Alpaca 52k, CNN/DailyMail 287k)',
};

/** Sequence length assumed for text fine-tunes that do not set one. */
export const DEFAULT_SEQ_LEN: SourcedValue = {
  value: 512,
  source:
    'Green AI default: the maximum position embeddings of BERT-family models (Devlin et al. 2019, arXiv:1810.04805)',
};
