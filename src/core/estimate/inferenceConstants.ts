import type { SourcedRange, SourcedValue } from './constants';

/**
 * Constants of the serving model (estimate/inference.ts), each with where it comes from. None is fitted to
 * the validation rows (test/validation/inference-runs.csv): the sources below are other measurements.
 */

/**
 * Share of the dense peak a prompt (prefill) pass reaches: large matrix products, compute-bound.
 * Profiling FasterTransformer on A100 found 0.72 for the MLP and 0.54 for the attention projections.
 */
export const PREFILL_COMPUTE_EFFICIENCY: SourcedRange = {
  low: 0.4,
  central: 0.55,
  high: 0.7,
  source:
    'kipply, "Transformer Inference Arithmetic" (2022), FasterTransformer profile on A100: flops efficiency 0.72 (MLP) to 0.54 (attention projections); reproduced in cli99/llm-analysis examples/fastertransformer/README.md',
};

/**
 * Share of the peak memory bandwidth a decode step reaches when it streams the weights and KV cache.
 * A compiled batch-1 decoder reads Llama-2-7B at 1,419 GB/s on an A100-80GB (0.70 of 2,039) and Llama-3.1-8B at
 * 1,905 GB/s on an H100 (0.57 of 3,350); FasterTransformer's best profiled kernels reach 0.9.
 */
export const DECODE_BANDWIDTH_EFFICIENCY: SourcedRange = {
  low: 0.5,
  central: 0.7,
  high: 0.9,
  source:
    'pytorch/ao torchao/quantization/README.md benchmarks (gpt-fast generate.py, batch 1): Llama-2-7B bf16 on A100-80GB 107.4 tok/s at 1,418.9 GB/s; Llama-3.1-8B on H100 126.9 tok/s at 1,904.8 GB/s; kipply 2022 (0.9 best HBM efficiency in FasterTransformer)',
};

/**
 * Share of the dense peak a continuous-batching server reaches on all the tokens it produces at saturation
 * (prefill interleaved, scheduling and sampling included). Llama-3.1-8B bf16 on one H100 with ShareGPT prompts:
 * vLLM 12,553 output tok/s (2 × 8e9 × 12,553 = 0.20 of 989 TFLOP/s), SGLang and LMDeploy 16,215 tok/s (0.26).
 * Before vLLM 0.6 the GPU computed only 38% of the time (CPU-side HTTP and scheduling), hence the low end.
 */
export const SERVING_COMPUTE_EFFICIENCY: SourcedRange = {
  low: 0.1,
  central: 0.25,
  high: 0.33,
  source:
    'AIMultiple, "LLM inference engines benchmark" (H100, Llama-3.1-8B-Instruct bf16, 1,000 ShareGPT prompts, offline batch): vLLM 12,553 tok/s, SGLang 16,215 tok/s, LMDeploy 16,132 tok/s; vLLM blog "vLLM v0.6.0: 2.7x Throughput Improvement" (2024-09-05): in v0.5.3 GPU execution was 38% of the time for Llama 3 8B on H100',
};

/**
 * An eager PyTorch decode loop (a plain `model.generate` call) is bound by the CPU launching kernels, not by the
 * GPU: the PyTorch team's simple Llama-7B loop ran at 25.5 tok/s on an A100-80GB, 39 ms per token over 32
 * layers = 1.2 ms per layer per step. A lean eager implementation (vLLM with CUDA graphs off) takes 8.4 ms per
 * step for Llama-3.1-8B on an H100 = 0.26 ms per layer. The high end (slower hosts, older transformers
 * releases) is Green AI's assumption, twice the measured central figure.
 */
export const EAGER_STEP_MS_PER_LAYER: SourcedRange = {
  low: 0.26,
  central: 1.2,
  high: 2.4,
  source:
    'PyTorch blog "Accelerating Generative AI with PyTorch II: GPT, Fast" (2023-11-30): starting point 25.5 tok/s, "heavily CPU overhead bound", Llama-7B on A100-80GB; cloudai.pt "CUDA Graphs + torch.compile: 1.65x LLM decode speedup" (8.4 ms eager step, Llama 3.1 8B on H100); high end ×2 is an assumption',
};

/**
 * Tensor parallelism splits each step over devices but adds an all-reduce per layer: FasterTransformer's 13B
 * decode went from 22.0 ms on one A100 to 13.5 ms on two (0.81 of the ideal halving).
 */
export const TENSOR_PARALLEL_EFFICIENCY: SourcedValue = {
  value: 0.8,
  source:
    'kipply, "Transformer Inference Arithmetic" (2022), FasterTransformer 13B decode latency 22.0 ms (1 A100) vs 13.5 ms (2 A100s), as tabulated in cli99/llm-analysis examples/fastertransformer/README.md',
};

/**
 * Power of an accelerator holding a loaded model but computing nothing (CUDA context open, P0 state), as a share
 * of its TDP: an A40 idles at ~30 W bare and ~110 W with a model loaded (300 W TDP: 0.10–0.37); a V100-SXM2 with
 * a model loaded at 0% utilisation reads 53 W (0.18 of 300 W); the CUDA context alone adds 26–50 W on A100/H100.
 */
export const IDLE_POWER_SHARE_OF_TDP: SourcedRange = {
  low: 0.1,
  central: 0.2,
  high: 0.37,
  source:
    'NVIDIA/open-gpu-kernel-modules issue #874 (A40: ~30 W idle, ~110 W with a model loaded, P0); zai-org/GLM-130B issue #32 (nvidia-smi: V100-SXM2 53 W / 300 W at 0% utilisation with 20 GB loaded); Vadari 2026, arXiv:2605.23918 (CUDA context +26–50 W over bare idle on H100/A100)',
};

/**
 * Power while decoding, as a share of TDP, at one sequence in flight and at a saturated batch. A server decoding
 * one sequence waits on HBM and draws well under TDP; as the batch grows the same step keeps more SMs and tensor
 * cores busy and power climbs towards TDP long before the step turns compute-bound. Measured with vLLM on an
 * H100 SXM (700 W) over 8 models and batches 1 to 128: 267 W to 680 W (0.38 to 0.97); on a B200 (1,000 W)
 * 452–943 W (0.45–0.94); on an H200 decode drew 137–300 W (0.20–0.43) at small batch. Training's measured share
 * (0.75, constants.ts) is the low end at saturation.
 */
export const DECODE_POWER_SHARE_AT_BATCH_1: SourcedRange = {
  low: 0.2,
  central: 0.38,
  high: 0.45,
  source:
    'Alice GPU Energy Benchmark (api.serialalice.pt, 2026): vLLM on H100 SXM 80 GB 267–680 W across batch 1–128, 8 models (267 W / 700 W = 0.38 at batch 1); B200 SXM 452–943 W (0.45); "The Illusion of Power Capping in LLM Decode" (arXiv:2605.11999, 2026): decode 137–300 W on a 700 W H200 (0.20)',
};
export const SERVING_POWER_SHARE_SATURATED: SourcedRange = {
  low: 0.75,
  central: 0.97,
  high: 1,
  source:
    'Alice GPU Energy Benchmark (api.serialalice.pt, 2026): vLLM on H100 SXM 80 GB up to 680 W of 700 W at batch 128 (0.97), B200 SXM 943 W of 1,000 W (0.94); low end = the training share of TDP (constants.ts POWER_SHARE_OF_TDP)',
};
/**
 * The batch at which decode power reaches the saturated share: the top of the measured ladder (batch 128).
 * Between batch 1 and it, power is interpolated on log2(batch): the ladder is spaced in powers of two and the
 * source gives its ends. The log shape is Green AI's assumption (the source's per-batch values are not
 * published), not a measured curve.
 */
export const DECODE_POWER_SATURATION_BATCH: SourcedValue = {
  value: 128,
  source:
    'Alice GPU Energy Benchmark (api.serialalice.pt, 2026): 5 batch sizes, batch 1 to 128, per GPU; interpolation on log2(batch) between the two ends is an assumption',
};

/**
 * vLLM before 0.6 ran its scheduler, output processing and HTTP server in step with the GPU: for Llama 3 8B on
 * one H100 the GPU executed only 38% of the time, and v0.6.0 (multi-step scheduling, asynchronous output
 * processing, a separate API process) raised throughput 2.7× on that setup and 1.8× for Llama 3 70B on four
 * H100s. That CPU work grows with the sequences in the batch, not with the model: taking it as a fixed time per
 * sequence per step, the 8B figure gives (2.7 − 1) × the 8B GPU time per sequence on an H100, and the same time
 * predicts 1.6–1.8× for 70B on four H100s (1.62× with this model's all-reduce cost, 1.78× without; measured 1.8×). estimate/inference.ts derives the seconds per sequence
 * from these figures through its own compute roof, so the derivation moves with the scenario's efficiency.
 */
export const LEGACY_VLLM_SPEEDUP: SourcedValue & {
  readonly params: number;
  readonly peakTflops: number;
  readonly beforeVersion: string;
} = {
  value: 2.7,
  params: 8e9,
  peakTflops: 989,
  beforeVersion: '0.6',
  source:
    'vLLM blog "vLLM v0.6.0: 2.7x Throughput Improvement and 5x Latency Reduction" (2024-09-05): v0.5.3, Llama 3 8B on 1×H100: HTTP API server 33%, scheduling 29%, GPU execution 38% of the time; v0.6.0 2.7× throughput (8B, 1×H100) and 1.8× (70B, 4×H100), ShareGPT; H100 SXM dense bf16 peak 989 TFLOP/s (NVIDIA datasheet)',
};

/**
 * Power of an accelerator present but unused (no process, no CUDA context): A40 ~30 W of 300 W; an H200 idles at
 * 80 W of 700 W (0.11). Used for the idle devices of a node that a measurement meters whole.
 */
export const BARE_IDLE_POWER_SHARE_OF_TDP: SourcedValue = {
  value: 0.1,
  source:
    'NVIDIA/open-gpu-kernel-modules issue #874 (A40: ~30 W idle of 300 W); Alice GPU Energy Benchmark (api.serialalice.pt, 2026): H200 "ghost power" 80.3 W of 700 W',
};

/** Memory a server lets weights and KV cache use: vLLM's default gpu_memory_utilization. */
export const SERVER_MEMORY_SHARE: SourcedValue = {
  value: 0.9,
  source: 'vLLM engine arguments (docs.vllm.ai): --gpu-memory-utilization defaults to 0.9',
};

/** Concurrent sequences a continuous-batching server runs when the launch does not say: vLLM's max_num_seqs. */
export const DEFAULT_SERVER_CONCURRENCY: SourcedValue = {
  value: 256,
  source: 'vLLM engine arguments (docs.vllm.ai): --max-num-seqs defaults to 256',
};

/** Prompt and response length of real chat traffic when the code does not say (LMSYS-Chat-1M means). */
export const DEFAULT_INPUT_TOKENS: SourcedValue = {
  value: 70,
  source: 'Zheng et al. 2023, "LMSYS-Chat-1M", arXiv:2309.11998, Table 1: 69.5 tokens per prompt on average',
};
export const DEFAULT_OUTPUT_TOKENS: SourcedValue = {
  value: 215,
  source: 'Zheng et al. 2023, "LMSYS-Chat-1M", arXiv:2309.11998, Table 1: 214.5 tokens per response on average',
};

/**
 * A reasoning model writes its chain of thought before the answer, so its responses are longer: across GPQA
 * Diamond, MATH Level 5 and OTIS Mock AIME, reasoning models' responses averaged about 8× the tokens of
 * non-reasoning models' (Epoch AI's benchmarking hub, 77 models, April 2025). With no output length in the code,
 * a reasoning model's output is taken as the chat default × this factor. The factor comes from benchmark
 * questions, where reasoning runs long; short chat turns may think less (a reasoning model answering MMLU
 * multiple-choice questions added 543.5 tokens to a standard model's 37.7, Dauner & Socher 2025), and high
 * reasoning effort more. Neither the ratio per effort level nor a chat-traffic mean was found published.
 */
export const REASONING_OUTPUT_FACTOR: SourcedValue = {
  value: 8,
  source:
    'Epoch AI data insight "LLM responses to benchmark questions are getting longer over time" (2025-04-17, epoch.ai/data-insights/output-length): reasoning models use around 8× more tokens on average than non-reasoning models (GPQA Diamond, MATH Level 5, OTIS Mock AIME)',
};

/**
 * When a model's layer count and width are unknown they follow from its size: N ≈ 12·L·d² with d ≈ 128·L
 * (GPT-3 175B: 96 layers × 12,288; Llama-2-7B: 32 × 4,096), and the KV cache is then taken as multi-head
 * (key/value width = d), an upper bound for models with grouped-query attention.
 */
export const MODEL_WIDTH_PER_LAYER: SourcedValue = {
  value: 128,
  source:
    'Brown et al. 2020 (GPT-3), arXiv:2005.14165, Table 2.1 (96 layers, d_model 12,288); Touvron et al. 2023 (Llama 2), config 32 layers × 4,096; Kaplan et al. 2020, arXiv:2001.08361, section 2.1 (N ≈ 12·L·d²)',
};

/** Bytes per stored weight or cache element, by format. */
export const BYTES_PER_ELEMENT: Readonly<Record<'fp32' | 'tf32' | 'fp16' | 'bf16' | 'fp8' | 'int8' | 'int4', number>> =
  {
    fp32: 4,
    tf32: 4,
    fp16: 2,
    bf16: 2,
    fp8: 1,
    int8: 1,
    // 4-bit weights carry a 16-bit scale per group of 64–128 (GPTQ/AWQ group size), about +3%.
    int4: 0.53,
  };

/**
 * Requests the totals cover when neither a job size nor a deployment (requests per day × days) is given; the
 * per-request figures do not depend on it.
 */
export const DEFAULT_TOTAL_REQUESTS: SourcedValue = {
  value: 1e6,
  source:
    'Green AI default: totals for inference are reported per 1M requests when no request count is given (not a measured figure)',
};

/**
 * A network run forward once per input (an image classifier, a detector, a policy network): the share of the dense
 * peak a batched forward pass reaches. NVIDIA's ResNet-50 v1.5 inference tables (PyTorch, batch 256), with 7.6 GFLOPs
 * per 224×224 image (3.8 G multiply-adds, He et al. 2016, arXiv:1512.03385, Table 1; v1.5 moves a stride and costs
 * slightly more, so these shares are slightly low): in float32 on CUDA cores, V100 1,261 img/s = 0.61 of 15.7 TFLOP/s
 * and T4 415 img/s = 0.39 of 8.1; in mixed precision on tensor cores, V100 3,382 img/s = 0.21 of 125 and T4 1,198
 * img/s = 0.14 of 65. Tensor-core peaks are reached far less, so each has its own range (central: the middle).
 */
export const FORWARD_PASS_COMPUTE_EFFICIENCY: Readonly<Record<'float32' | 'tensorCores', SourcedRange>> = {
  float32: {
    low: 0.39,
    central: 0.5,
    high: 0.61,
    source:
      'NVIDIA DeepLearningExamples, PyTorch/Classification/ConvNets/resnet50v1.5/README.md, "Inference performance results" (pytorch-21.03 NGC container, batch 256): FP32 V100 16GB 1,261 img/s, T4 415 img/s; ResNet-50 3.8 G multiply-adds per image (He et al. 2016, arXiv:1512.03385, Table 1); V100 15.7 and T4 8.1 TFLOP/s FP32 peaks (NVIDIA datasheets)',
  },
  tensorCores: {
    low: 0.14,
    central: 0.18,
    high: 0.21,
    source:
      'NVIDIA DeepLearningExamples, PyTorch/Classification/ConvNets/resnet50v1.5/README.md, "Inference performance results" (pytorch-21.03 NGC container, batch 256): mixed precision V100 16GB 3,382 img/s, T4 1,198 img/s; ResNet-50 3.8 G multiply-adds per image (He et al. 2016, arXiv:1512.03385, Table 1); V100 125 and T4 65 TFLOP/s FP16 tensor-core peaks (NVIDIA datasheets)',
  },
};

/**
 * The share of the 16-bit tensor-core peak a diffusion pipeline's denoiser reaches, per FLOP as the cited counters
 * count a pass (convolutions and linear layers: the same counts as the catalog's Model.diffusion rows), from
 * published timings of whole passes:
 * - Stable Diffusion 1.5, 512x512, 50 guided steps, fp16 on an A100 80GB SXM, diffusers with SDPA: 1.591 s an image,
 *   70.2 TFLOPs counted (100 UNet passes of 677.5 GFLOPs and the decoder's 2,480 GFLOPs): 0.14 of 312 TFLOP/s;
 *   compiled, channels last: 1.066 s, 0.21.
 * - SDXL, 1024x1024, the same runs: 5.933 s, 607.8 TFLOPs counted (100 passes of 5,979 GFLOPs and the decoder's
 *   9,921): 0.33; compiled, channels last: 5.132 s, 0.38.
 * - SDXL's UNet alone, one 1024x1024 pass in bf16 on an L40 (181 TFLOP/s): 0.074 s, 0.45; compiled 0.054 s, 0.61.
 * - FLUX.1-dev, 1024x1024, 50 steps in bf16 on an H100 80GB HBM3 (989.5 TFLOP/s), PyTorch eager: 12.339 s, 2,986
 *   TFLOPs counted (50 passes of 59,520 GFLOPs and the decoder): 0.24; compiled 8.198 s, 0.37.
 * Low and high: the least and the most of these; central: the middle of the four plain (uncompiled) runs.
 */
export const DIFFUSION_DENOISER_COMPUTE_EFFICIENCY: SourcedRange = {
  low: 0.14,
  central: 0.29,
  high: 0.61,
  source:
    'fal-ai/stable-diffusion-benchmarks README (A100 80G SXM, fp16, num_inference_steps=50, default guidance; SD1.5 512x512 diffusers SDPA 1.591 s, compiled channels-last 1.066 s; SDXL 1024x1024 5.933 s and 5.132 s); huggingface/diffusers benchmarks/collated_results.csv (L40, SDXL UNet bf16 pass 0.074 s plain, 0.054 s compiled); microsoft/onnxruntime PR #22986 "H100 Benchmark Results" (FLUX.1-dev 50 steps BF16 1024x1024 Torch 2.5.1 eager 12.339 s, compile 8.198 s); FLOPs per pass as in the catalog rows (BK-SDM issue #53, diffusers benchmarks); peaks: NVIDIA A100 312, L40 181.05, H100 SXM 989.5 TFLOP/s dense 16-bit (datasheets)',
};

/**
 * An eager PyTorch loop feeding one image at a time is bound by the CPU launching each layer's kernels, not by the
 * GPU: ResNet-50 v1.5 at batch 1 took 10.4 ms (V100 FP32), 10.7 ms (T4 FP32), 12.8 ms (V100 mixed precision) and
 * 13.0 ms (T4 mixed) where its arithmetic needs under 1 ms, and batches up to 8 took about as long. Each forward
 * pass of a plain loop takes at least this long. The low end (a leaner network, a faster host) is Green AI's
 * assumption, half the measured central figure; the floor is taken per forward pass, not per layer, because a
 * catalogued vision network's layer count is not known.
 */
export const EAGER_FORWARD_PASS_MS: SourcedRange = {
  low: 5,
  central: 10.5,
  high: 13,
  source:
    'NVIDIA DeepLearningExamples, PyTorch/Classification/ConvNets/resnet50v1.5/README.md, "Inference performance results" (pytorch-21.03 NGC container): batch 1 latency 10.37 ms V100 FP32, 12.78 ms V100 mixed, 10.7 ms T4 FP32, 12.96 ms T4 mixed (batch 8: 11.5 / 13.65 ms); low end ×0.5 is an assumption',
};
