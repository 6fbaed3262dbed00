import type { Accelerator } from '../schema';

/**
 * Accelerator catalog: peak throughput, power and manufacturing footprint of the chips ML training runs on.
 *
 * Units and conventions
 * - peakTflops: DENSE peak throughput in TFLOP/s (int8 in TOPS). Vendor datasheets from Ampere on often print
 *   "with sparsity" figures that are 2x the dense ones; those are halved here and the row says so in `notes`.
 *   fp16/bf16/tf32/fp8/int8 are matrix-engine (Tensor Core / MXU / MME) figures; fp32 is the non-tensor
 *   (vector) figure unless the notes say otherwise. A key is present only where the chip supports the format
 *   and the vendor publishes a figure.
 * - tdpW: board power limit (TDP / TBP / max power) in watts of one accelerator as the vendor states it.
 * - measuredTrainingPowerW: average power per accelerator measured in a published training run, else null.
 *   Published figures are "system power per processor" (they include a share of host and network), so they can
 *   be compared with, but are not the same as, board power.
 * - embodiedKgCo2e: manufacturing footprint of one unit (chip, memory, board, heatsink; upstream transport and
 *   end of life included, distribution transport excluded), kg CO2e. Few chips have a published figure; the
 *   others are DERIVED from the nearest published life-cycle assessment (LCA) with the method below, and each
 *   derived row shows its arithmetic in `notes`.
 *
 * Embodied-carbon method (derived rows)
 *   Reference LCAs: ADEME / Hubblo GPU dataset (per-card GWP for A100 PCIe 40GB, A100 SXM4 40GB, H100 PCIe 80GB,
 *   P100 PCIe 16GB, L4, Titan RTX, RTX A4500, split into casing, heatsink, board, GPU die, memory, transport and
 *   end-of-life terms). For a chip without its own LCA we take the reference card of the same class and
 *   (1) scale its GPU-die term by the ratio of effective die areas, effective area = die area / Murphy yield
 *   with D0 = 0.1 defects/cm2 (the yield model of the ADEME/Hubblo parametric model), times the number of dies;
 *   (2) scale its memory term by the ratio of memory capacities; (3) keep its board, heatsink, transport and
 *   end-of-life terms. Die areas are TechPowerUp GPU Database figures unless the row says otherwise.
 *   These derived values carry large uncertainty (roughly +/-50%); they exist so embodied emissions can be
 *   amortised at all, not as precise footprints.
 *
 * Aliases: what users write in code, configs, SkyPilot, cloud CLIs and nvidia-smi output. Matched
 * case-insensitively; each alias belongs to exactly one row. Plain short names go to the variant most used
 * for training: "A100" -> A100-SXM4-80GB, "V100" -> V100-SXM2-32GB, "H100" -> H100-SXM5-80GB, "P100" -> the
 * PCIe card, "TPUv3"/"TPU v3" -> TPU-v3 (per chip, not per v3-8 slice),
 * "TPU v5" (what JAX reports as device_kind on a v5p) -> TPU-v5p, "TPU v5 lite" -> TPU-v5e, "TPU v6 lite" -> TPU-v6e.
 */

const ADEME =
  'ADEME / Hubblo GPU life-cycle dataset (Lees-Perasso, Ekchajzer, Roussilhe, De Latour, "Life cycle assessments of GPUs for artificial intelligence", ADEME; Falk et al. 2025, arXiv:2509.00093), github.com/hubblo-org/gpu-calculator src/data/gpu/gpus_impact_factors.csv, GWP of manufacturing + upstream transport + end of life';
const DERIVED =
  'derived from the ADEME/Hubblo reference card by component scaling (die term x effective-area ratio with Murphy yield D0 = 0.1/cm2, memory term x capacity ratio, other terms kept); see header and notes';
const BLOOM_CROSSCHECK =
  'Cross-check: Luccioni, Viguier & Ligozat 2022 (BLOOM, arXiv:2211.02001) use 150 kg CO2e per A100 GPU.';

export const ACCELERATORS: readonly Accelerator[] = [
  // =====================================================================================================
  // NVIDIA data-center GPUs
  // =====================================================================================================
  {
    id: 'K80',
    aliases: ['Tesla K80', 'nvidia-tesla-k80', 'NVIDIA K80'],
    vendor: 'nvidia',
    displayName: 'NVIDIA Tesla K80 (dual GK210, 24 GB)',
    kind: 'gpu',
    releaseYear: 2014,
    memoryGB: 24,
    memoryBandwidthGBs: 480,
    bandwidthSource:
      'NVIDIA Tesla K80 datasheet (2014): 480 GB/s aggregate GDDR5 bandwidth for the board (240 GB/s per GK210 GPU)',
    peakTflops: { fp32: 8.73 },
    tdpW: 300,
    measuredTrainingPowerW: null,
    embodiedKgCo2e: 118.9,
    source:
      'NVIDIA Tesla K80 datasheet (2014): 8.73 TFLOPS single precision with GPU Boost for the board (two GK210 GPUs), 24 GB GDDR5, 300 W max board power',
    embodiedSource: `${ADEME}; ${DERIVED}`,
    notes:
      'One K80 board holds two GPUs; cloud APIs (GCP nvidia-tesla-k80, AWS p2) expose each GK210 as one "GPU", i.e. half of this row. No tensor cores, no fp16 throughput worth using. Embodied: ref P100 PCIe 16GB (66.6 kg; board+transport+EoL 16.1, die 38.0, memory 12.5); die 2 x GK210 561 mm2 -> x1.760 = 66.9; memory 24 GB GDDR5 x 1.50 kg/GB (GDDR per-GB of the Titan RTX LCA) = 35.9; total 118.9.',
  },
  {
    id: 'P100-PCIE-16GB',
    aliases: ['P100', 'Tesla P100', 'Tesla P100-PCIE-16GB', 'nvidia-tesla-p100', 'P100 PCIe'],
    vendor: 'nvidia',
    displayName: 'NVIDIA Tesla P100 PCIe 16GB',
    kind: 'gpu',
    releaseYear: 2016,
    memoryGB: 16,
    memoryBandwidthGBs: 732,
    bandwidthSource: 'NVIDIA Tesla P100 datasheet (2016): 732 GB/s HBM2 (16 GB configuration)',
    peakTflops: { fp32: 9.3, fp16: 18.7 },
    tdpW: 250,
    measuredTrainingPowerW: null,
    embodiedKgCo2e: 66.6,
    source: 'NVIDIA Tesla P100 datasheet (2016), PCIe column: 9.3 TFLOPS fp32, 18.7 TFLOPS fp16, 16 GB HBM2, 250 W',
    embodiedSource: `${ADEME}, row "NVIDIA Tesla P100 PCIe 16GB" (sum of component GWP: 65.3 manufacturing incl. upstream transport + 1.4 end of life)`,
    notes:
      'No tensor cores; fp16 is the packed-half vector rate. "P100" maps here because GCP (nvidia-tesla-p100) and Kaggle offer the PCIe card.',
  },
  {
    id: 'P100-SXM2-16GB',
    aliases: ['Tesla P100-SXM2-16GB', 'P100-SXM2', 'P100 SXM2'],
    vendor: 'nvidia',
    displayName: 'NVIDIA Tesla P100 SXM2 16GB',
    kind: 'gpu',
    releaseYear: 2016,
    memoryGB: 16,
    memoryBandwidthGBs: 732,
    bandwidthSource: 'NVIDIA Tesla P100 datasheet (2016): 732 GB/s HBM2 (NVLink/SXM2 module)',
    peakTflops: { fp32: 10.6, fp16: 21.2 },
    tdpW: 300,
    measuredTrainingPowerW: null,
    embodiedKgCo2e: 66.6,
    source:
      'NVIDIA Tesla P100 datasheet (2016), NVLink (SXM2) column: 10.6 TFLOPS fp32, 21.2 TFLOPS fp16, 16 GB HBM2, 300 W',
    embodiedSource: `${ADEME}, row "NVIDIA Tesla P100 PCIe 16GB" used as proxy (same GP100 die and 16 GB HBM2)`,
    notes:
      'Embodied: the PCIe card LCA (66.6 kg) is used unchanged; the SXM2 module has a smaller board and no casing, so this is likely a slight overestimate.',
  },
  {
    id: 'V100-PCIE-16GB',
    aliases: ['Tesla V100-PCIE-16GB', 'V100-PCIE', 'V100 PCIe', 'V100 PCIe 16GB'],
    vendor: 'nvidia',
    displayName: 'NVIDIA Tesla V100 PCIe 16GB',
    kind: 'gpu',
    releaseYear: 2017,
    memoryGB: 16,
    memoryBandwidthGBs: 900,
    bandwidthSource:
      'NVIDIA Tesla V100 GPU datasheet (2018): 900 GB/s HBM2 (PCIe and SXM2); same figure in hahnyuan/LLM-Viewer hardwares/hardware_params.py',
    peakTflops: { fp32: 14, fp16: 112 },
    tdpW: 250,
    measuredTrainingPowerW: null,
    embodiedKgCo2e: 89.5,
    source:
      'NVIDIA Tesla V100 GPU datasheet (2018), V100 PCIe column: 14 TFLOPS fp32, 112 TFLOPS tensor (mixed precision), 16/32 GB HBM2, 250 W',
    embodiedSource: `${ADEME}; ${DERIVED}`,
    notes:
      'fp16 = Tensor Core mixed-precision (fp16 in, fp32 accumulate); Volta has no bf16/tf32. Embodied: ref P100 PCIe 16GB (66.6 kg; board+transport+EoL 16.1, die 38.0, memory 12.5); die GV100 815 mm2 vs GP100 610 mm2 -> x1.601 = 60.8; memory x16/16 = 12.5; total 89.5.',
  },
  {
    id: 'V100-PCIE-32GB',
    aliases: ['Tesla V100-PCIE-32GB', 'V100 PCIe 32GB', 'V100S'],
    vendor: 'nvidia',
    displayName: 'NVIDIA Tesla V100 PCIe 32GB',
    kind: 'gpu',
    releaseYear: 2018,
    memoryGB: 32,
    memoryBandwidthGBs: 900,
    bandwidthSource: 'NVIDIA Tesla V100 GPU datasheet (2018): 900 GB/s HBM2',
    peakTflops: { fp32: 14, fp16: 112 },
    tdpW: 250,
    measuredTrainingPowerW: null,
    embodiedKgCo2e: 102,
    source:
      'NVIDIA Tesla V100 GPU datasheet (2018), V100 PCIe column: 14 TFLOPS fp32, 112 TFLOPS tensor (mixed precision), 32 GB HBM2, 250 W',
    embodiedSource: `${ADEME}; ${DERIVED}`,
    notes:
      'The "V100S" alias is approximate: V100S PCIe (2019) has 16.4/130 TFLOPS at the same 250 W. Embodied: ref P100 PCIe 16GB (66.6 kg); die GV100 815 mm2 -> x1.601 = 60.8; memory x32/16 = 25.0; board+transport+EoL 16.1; total 102.0.',
  },
  {
    id: 'V100-SXM2-16GB',
    aliases: ['V100-16GB', 'V100 16GB', 'Tesla V100-SXM2-16GB', 'nvidia-tesla-v100', 'V100-SXM2'],
    vendor: 'nvidia',
    displayName: 'NVIDIA Tesla V100 SXM2 16GB',
    kind: 'gpu',
    releaseYear: 2017,
    memoryGB: 16,
    memoryBandwidthGBs: 900,
    bandwidthSource: 'NVIDIA Tesla V100 GPU datasheet (2018): 900 GB/s HBM2',
    peakTflops: { fp32: 15.7, fp16: 125 },
    tdpW: 300,
    measuredTrainingPowerW: null,
    embodiedKgCo2e: 89.5,
    source:
      'NVIDIA Tesla V100 GPU datasheet (2018), V100 SXM2 column: 15.7 TFLOPS fp32, 125 TFLOPS tensor (mixed precision), 16 GB HBM2, 300 W',
    embodiedSource: `${ADEME}; ${DERIVED}`,
    notes:
      'GCP nvidia-tesla-v100 and AWS p3 instances use this 16 GB SXM2 part. Embodied as V100 PCIe 16GB (ref P100 PCIe 16GB; die x1.601 = 60.8, memory 12.5, board+transport+EoL 16.1; total 89.5).',
  },
  {
    id: 'V100-SXM2-32GB',
    aliases: ['V100', 'V100-32GB', 'V100 32GB', 'Tesla V100', 'Tesla V100-SXM2-32GB', 'V100-SXM2-32G'],
    vendor: 'nvidia',
    displayName: 'NVIDIA Tesla V100 SXM2 32GB',
    kind: 'gpu',
    releaseYear: 2018,
    memoryGB: 32,
    memoryBandwidthGBs: 900,
    bandwidthSource: 'NVIDIA Tesla V100 GPU datasheet (2018): 900 GB/s HBM2',
    peakTflops: { fp32: 15.7, fp16: 125 },
    tdpW: 300,
    measuredTrainingPowerW: 330,
    measuredPowerIncludesHost: true,
    embodiedKgCo2e: 102,
    source:
      'NVIDIA Tesla V100 GPU datasheet (2018), V100 SXM2 column: 15.7 TFLOPS fp32, 125 TFLOPS tensor (mixed precision), 32 GB HBM2, 300 W',
    powerSource:
      'Patterson et al. 2021, "Carbon Emissions and Large Neural Network Training", arXiv:2104.10350, Table 4: GPT-3 on V100, average system power per processor 330 W (same table value reproduced in LLMCarbon, github.com/SotaroKaneda/MLCarbon data/table4.csv)',
    embodiedSource: `${ADEME}; ${DERIVED}`,
    notes:
      'Plain "V100" maps here (most V100 training clusters, incl. the GPT-3 run, used 32 GB SXM2 parts; SkyPilot\'s "V100" is the 16 GB part, with identical power and FLOPS). Measured power: the paper does not name the memory variant; 330 W is system power per processor (includes host share), above the 300 W board limit for that reason. XLM on V100 in the same source: 342 W. Embodied: ref P100 PCIe 16GB (66.6 kg); die x1.601 = 60.8; memory x32/16 = 25.0; board+transport+EoL 16.1; total 102.0.',
  },
  {
    id: 'T4',
    aliases: ['Tesla T4', 'nvidia-tesla-t4', 'NVIDIA T4'],
    vendor: 'nvidia',
    displayName: 'NVIDIA T4',
    kind: 'gpu',
    releaseYear: 2018,
    memoryGB: 16,
    memoryBandwidthGBs: 320,
    bandwidthSource: 'NVIDIA T4 datasheet: 320 GB/s GDDR6 (256-bit); same in TechPowerUp-derived spec tables',
    peakTflops: { fp32: 8.1, fp16: 65, int8: 130 },
    tdpW: 70,
    measuredTrainingPowerW: null,
    embodiedKgCo2e: 68.9,
    source:
      'NVIDIA T4 Tensor Core GPU datasheet: 8.1 TFLOPS fp32, 65 TFLOPS fp16 mixed precision, 130 TOPS int8, 16 GB GDDR6, 70 W',
    embodiedSource: `${ADEME}; ${DERIVED}`,
    notes:
      'Turing: no bf16/tf32. Embodied: ref L4 (57.7 kg; low-profile 70 W card class; board+transport+EoL 4.5, die 17.3, memory 35.9); die TU104 545 mm2 vs AD104 294.5 mm2 -> x2.336 = 40.4; memory x16/24 = 23.9; total 68.9.',
  },
  {
    id: 'A10',
    aliases: ['NVIDIA A10', 'A10-24GB', 'nvidia-a10'],
    vendor: 'nvidia',
    displayName: 'NVIDIA A10',
    kind: 'gpu',
    releaseYear: 2021,
    memoryGB: 24,
    memoryBandwidthGBs: 600,
    bandwidthSource: 'NVIDIA A10 datasheet: 600 GB/s GDDR6',
    peakTflops: { fp32: 31.2, tf32: 62.5, fp16: 125, bf16: 125, int8: 250 },
    tdpW: 150,
    measuredTrainingPowerW: null,
    embodiedKgCo2e: 106.9,
    source:
      'NVIDIA A10 Tensor Core GPU datasheet: 31.2 TFLOPS fp32; TF32 62.5 | 125*, BF16 125 | 250*, FP16 125 | 250*, INT8 250 | 500* TOPS (* = with sparsity); 24 GB GDDR6; 150 W',
    embodiedSource: `${ADEME}; ${DERIVED}`,
    notes:
      'Dense figures used (datasheet sparsity figures are 2x). Embodied: ref RTX A4500 (100.9 kg; same GA102 die; board+transport+EoL 20.7, die 50.3, memory 29.9); memory x24/20 = 35.9; total 106.9.',
  },
  {
    id: 'A10G',
    aliases: ['NVIDIA A10G'],
    vendor: 'nvidia',
    displayName: 'NVIDIA A10G (AWS G5)',
    kind: 'gpu',
    releaseYear: 2021,
    memoryGB: 24,
    memoryBandwidthGBs: 600,
    bandwidthSource: 'Baseten, "NVIDIA A10 vs A10G for ML model inference" spec table: A10G 600 GB/s GDDR6',
    peakTflops: { fp32: 35, tf32: 35, fp16: 70, bf16: 70, int8: 140 },
    tdpW: 300,
    measuredTrainingPowerW: null,
    embodiedKgCo2e: 106.9,
    source:
      'NVIDIA publishes no A10G datasheet. Throughput: Baseten, "NVIDIA A10 vs A10G for ML model inference" (spec comparison table: A10G 35 TFLOPS fp32, 70 TFLOPS fp16/bf16 tensor, 24 GB GDDR6, 600 GB/s); power limit 300 W as reported by nvidia-smi on g5 instances in S. Prasanna\'s AWS GPU instance table (gist.github.com/shashankprasanna, "Thermal Design Power (TDP) from nvidia-smi")',
    embodiedSource: `${ADEME}; ${DERIVED}`,
    notes:
      'UNCERTAIN: third-party spec figures (AWS-specific GA102 variant with lower tensor and higher CUDA-core throughput than the A10); treated as dense. Id lower-cased is the usual alias "a10g". Embodied as A10 (ref RTX A4500, memory x24/20; total 106.9).',
  },
  {
    id: 'A30',
    aliases: ['NVIDIA A30', 'A30-24GB'],
    vendor: 'nvidia',
    displayName: 'NVIDIA A30',
    kind: 'gpu',
    releaseYear: 2021,
    memoryGB: 24,
    memoryBandwidthGBs: 933,
    bandwidthSource: 'NVIDIA A30 datasheet: 933 GB/s HBM2',
    peakTflops: { fp32: 10.3, tf32: 82, fp16: 165, bf16: 165, int8: 330 },
    tdpW: 165,
    measuredTrainingPowerW: null,
    embodiedKgCo2e: 114.3,
    source:
      'NVIDIA A30 Tensor Core GPU datasheet: 10.3 TFLOPS fp32; TF32 82 | 165*, BF16 165 | 330*, FP16 165 | 330*, INT8 330 | 661* TOPS (* = with sparsity); 24 GB HBM2; 165 W',
    embodiedSource: `${ADEME}; ${DERIVED}`,
    notes:
      'Dense figures used. Embodied: ref A100 PCIe 40GB (122.0 kg; same GA100 die; board+transport+EoL 17.0, die 85.7, memory 19.3); memory x24/40 = 11.6; total 114.3.',
  },
  {
    id: 'A40',
    aliases: ['NVIDIA A40', 'A40-48GB'],
    vendor: 'nvidia',
    displayName: 'NVIDIA A40',
    kind: 'gpu',
    releaseYear: 2020,
    memoryGB: 48,
    memoryBandwidthGBs: 696,
    bandwidthSource: 'NVIDIA A40 datasheet: 696 GB/s GDDR6 (695.8 GB/s, 384-bit at 14.5 Gbps)',
    peakTflops: { fp32: 37.4, tf32: 74.8, fp16: 149.7, bf16: 149.7, int8: 299.3 },
    tdpW: 300,
    measuredTrainingPowerW: null,
    embodiedKgCo2e: 142.8,
    source:
      'NVIDIA A40 datasheet: 37.4 TFLOPS fp32; TF32 74.8 | 149.6*, FP16 149.7 | 299.4*, BF16 149.7 | 299.4*, INT8 299.3 | 598.6* TOPS (* = with sparsity); 48 GB GDDR6; 300 W',
    embodiedSource: `${ADEME}; ${DERIVED}`,
    notes:
      'Dense figures used. Embodied: ref RTX A4500 (100.9 kg; same GA102 die); memory x48/20 = 71.8; board+transport+EoL 20.7, die 50.3; total 142.8.',
  },
  {
    id: 'L4',
    aliases: ['NVIDIA L4', 'nvidia-l4'],
    vendor: 'nvidia',
    displayName: 'NVIDIA L4',
    kind: 'gpu',
    releaseYear: 2023,
    memoryGB: 24,
    memoryBandwidthGBs: 300,
    bandwidthSource: 'NVIDIA L4 datasheet: 300 GB/s GDDR6 (192-bit)',
    peakTflops: { fp32: 30.3, tf32: 60, fp16: 121, bf16: 121, fp8: 242.5, int8: 242.5 },
    tdpW: 72,
    measuredTrainingPowerW: null,
    embodiedKgCo2e: 57.7,
    source:
      'NVIDIA L4 Tensor Core GPU datasheet: 30.3 TFLOPS fp32; TF32 120*, BF16 242*, FP16 242*, FP8 485*, INT8 485* TOPS (* = with sparsity); 24 GB GDDR6; 72 W',
    embodiedSource: `${ADEME}, row "NVIDIA L4" (component GWP sum: 57.5 manufacturing incl. upstream transport + 0.3 end of life)`,
    notes: 'Datasheet prints only sparsity figures; dense = half (TF32 60, BF16/FP16 121, FP8/INT8 242.5).',
  },
  {
    id: 'L40',
    aliases: ['NVIDIA L40'],
    vendor: 'nvidia',
    displayName: 'NVIDIA L40',
    kind: 'gpu',
    releaseYear: 2022,
    memoryGB: 48,
    memoryBandwidthGBs: 864,
    bandwidthSource: 'NVIDIA L40 datasheet: 864 GB/s GDDR6 (384-bit at 18 Gbps)',
    peakTflops: { fp32: 90.5, tf32: 90.5, fp16: 181, bf16: 181, fp8: 362, int8: 362 },
    tdpW: 300,
    measuredTrainingPowerW: null,
    embodiedKgCo2e: 140.4,
    source:
      'NVIDIA L40 GPU datasheet: 90.5 TFLOPS fp32; TF32 90.5 | 181*, BF16 181.05 | 362.1*, FP16 181.05 | 362.1*, FP8 362 | 724*, INT8 362 | 724* TOPS (* = with sparsity); 48 GB GDDR6; 300 W',
    embodiedSource: `${ADEME}; ${DERIVED}`,
    notes:
      'Dense figures used. Embodied: ref RTX A4500 (100.9 kg; board+transport+EoL 20.7, die 50.3, memory 29.9); die AD102 609 mm2 vs GA102 628 mm2 -> x0.953 = 48.0; memory x48/20 = 71.8; total 140.4.',
  },
  {
    id: 'L40S',
    aliases: ['NVIDIA L40S'],
    vendor: 'nvidia',
    displayName: 'NVIDIA L40S',
    kind: 'gpu',
    releaseYear: 2023,
    memoryGB: 48,
    memoryBandwidthGBs: 864,
    bandwidthSource: 'NVIDIA L40S datasheet: 864 GB/s GDDR6 with ECC',
    peakTflops: { fp32: 91.6, tf32: 183, fp16: 366.5, bf16: 366.5, fp8: 733, int8: 733 },
    tdpW: 350,
    measuredTrainingPowerW: null,
    embodiedKgCo2e: 140.4,
    source:
      'NVIDIA L40S GPU datasheet: 91.6 TFLOPS fp32; TF32 366*, BF16 733*, FP16 733*, FP8 1,466*, INT8 1,466* TOPS (* = with sparsity); 48 GB GDDR6; 350 W',
    embodiedSource: `${ADEME}; ${DERIVED}`,
    notes: 'Datasheet prints sparsity figures; dense = half. Embodied as L40 (same AD102 die and 48 GB; total 140.4).',
  },
  {
    id: 'A100-PCIE-40GB',
    aliases: ['A100-PCIE', 'A100 PCIe', 'A100 PCIe 40GB', 'NVIDIA A100-PCIE-40GB', 'A100-PCIe-40GB'],
    vendor: 'nvidia',
    displayName: 'NVIDIA A100 PCIe 40GB',
    kind: 'gpu',
    releaseYear: 2020,
    memoryGB: 40,
    memoryBandwidthGBs: 1555,
    bandwidthSource: 'NVIDIA A100 Tensor Core GPU datasheet: 1,555 GB/s HBM2 (40 GB)',
    peakTflops: { fp32: 19.5, tf32: 156, fp16: 312, bf16: 312, int8: 624 },
    tdpW: 250,
    measuredTrainingPowerW: null,
    embodiedKgCo2e: 122,
    source:
      'NVIDIA A100 Tensor Core GPU datasheet (2020, 40GB PCIe column): 19.5 TFLOPS fp32; TF32 156 | 312*, BF16 312 | 624*, FP16 312 | 624*, INT8 624 | 1,248* TOPS (* = with sparsity); 40 GB HBM2; 250 W',
    embodiedSource: `${ADEME}, row "NVIDIA A100 PCIe 40GB" (component GWP sum: 120.5 manufacturing incl. upstream transport + 1.5 end of life)`,
    notes: `Dense figures used. ${BLOOM_CROSSCHECK}`,
  },
  {
    id: 'A100-PCIE-80GB',
    aliases: ['A100 80GB PCIe', 'NVIDIA A100 80GB PCIe', 'A100-PCIe-80GB', 'A100-80GB-PCIE'],
    vendor: 'nvidia',
    displayName: 'NVIDIA A100 PCIe 80GB',
    kind: 'gpu',
    releaseYear: 2021,
    memoryGB: 80,
    memoryBandwidthGBs: 1935,
    bandwidthSource: 'NVIDIA A100 Tensor Core GPU datasheet: 1,935 GB/s HBM2e (80 GB PCIe)',
    peakTflops: { fp32: 19.5, tf32: 156, fp16: 312, bf16: 312, int8: 624 },
    tdpW: 300,
    measuredTrainingPowerW: null,
    embodiedKgCo2e: 141.3,
    source:
      'NVIDIA A100 Tensor Core GPU datasheet (2021, "A100 80GB PCIe" column): 19.5 TFLOPS fp32; TF32 156 | 312*, BF16/FP16 312 | 624*, INT8 624 | 1,248* TOPS (* = with sparsity); 80 GB HBM2e; 300 W',
    embodiedSource: `${ADEME}; ${DERIVED}`,
    notes: `Dense figures used. Embodied: ref A100 PCIe 40GB (122.0 kg; board+transport+EoL 17.0, die 85.7, memory 19.3); memory x80/40 = 38.6; total 141.3. ${BLOOM_CROSSCHECK}`,
  },
  {
    id: 'A100-SXM4-40GB',
    aliases: [
      'A100-40GB',
      'A100 40GB',
      'A100-SXM4-40G',
      'A100-SXM-40GB',
      'NVIDIA A100-SXM4-40GB',
      'nvidia-tesla-a100',
      'A100 SXM4 40GB',
    ],
    vendor: 'nvidia',
    displayName: 'NVIDIA A100 SXM4 40GB',
    kind: 'gpu',
    releaseYear: 2020,
    memoryGB: 40,
    memoryBandwidthGBs: 1555,
    bandwidthSource: 'NVIDIA A100 Tensor Core GPU datasheet: 1,555 GB/s HBM2 (40 GB SXM4; 5 stacks, 5120-bit)',
    peakTflops: { fp32: 19.5, tf32: 156, fp16: 312, bf16: 312, int8: 624 },
    tdpW: 400,
    measuredTrainingPowerW: null,
    embodiedKgCo2e: 113.5,
    source:
      'NVIDIA A100 Tensor Core GPU datasheet (2021, "A100 40GB SXM" column): 19.5 TFLOPS fp32; TF32 156 | 312*, BF16/FP16 312 | 624*, INT8 624 | 1,248* TOPS (* = with sparsity); 40 GB HBM2; 400 W',
    embodiedSource: `${ADEME}, row "NVIDIA A100 SXM4 40GB" (component GWP sum: 111.3 manufacturing incl. upstream transport + 2.2 end of life)`,
    notes: `Dense figures used. GCP "nvidia-tesla-a100" (a2-highgpu) and AWS p4d are this part; SkyPilot's plain "A100" also means 40 GB, but plain "A100" maps to the 80 GB row here (same power and FLOPS). ${BLOOM_CROSSCHECK}`,
  },
  {
    id: 'A100-SXM4-80GB',
    aliases: [
      'A100',
      'A100-80GB',
      'A100 80GB',
      'A100-SXM4-80G',
      'A100-SXM-80GB',
      'NVIDIA A100-SXM4-80GB',
      'nvidia-a100-80gb',
      'A100 SXM4 80GB',
    ],
    vendor: 'nvidia',
    displayName: 'NVIDIA A100 SXM4 80GB',
    kind: 'gpu',
    releaseYear: 2020,
    memoryGB: 80,
    memoryBandwidthGBs: 2039,
    bandwidthSource: 'NVIDIA A100 Tensor Core GPU datasheet: 2,039 GB/s HBM2e (80 GB SXM4)',
    peakTflops: { fp32: 19.5, tf32: 156, fp16: 312, bf16: 312, int8: 624 },
    tdpW: 400,
    measuredTrainingPowerW: null,
    embodiedKgCo2e: 132.8,
    source:
      'NVIDIA A100 Tensor Core GPU datasheet (2021, "A100 80GB SXM" column): 19.5 TFLOPS fp32; TF32 156 | 312*, BF16/FP16 312 | 624*, INT8 624 | 1,248* TOPS (* = with sparsity); 80 GB HBM2e; 400 W',
    embodiedSource: `${ADEME}; ${DERIVED}`,
    notes: `Plain "A100" maps here (the 80 GB SXM4 part dominates published large training runs, e.g. BLOOM, OPT, LLaMA); the 40 GB SXM4 part has identical FLOPS and power. Dense figures used. Embodied: ref A100 SXM4 40GB (113.5 kg; board+transport+EoL 8.4, die 85.8, memory 19.3); memory x80/40 = 38.6; total 132.8. ${BLOOM_CROSSCHECK}`,
  },
  {
    id: 'H100-PCIE-80GB',
    aliases: ['H100-PCIE', 'H100 PCIe', 'NVIDIA H100 PCIe', 'H100-PCIe-80GB'],
    vendor: 'nvidia',
    displayName: 'NVIDIA H100 PCIe 80GB',
    kind: 'gpu',
    releaseYear: 2022,
    memoryGB: 80,
    memoryBandwidthGBs: 2000,
    bandwidthSource: 'NVIDIA H100 PCIe product brief PB-11133-001 (2022): "greater than 2,000 gigabytes per second"',
    peakTflops: { fp32: 51, tf32: 378, fp16: 756.5, bf16: 756.5, fp8: 1513, int8: 1513 },
    tdpW: 350,
    measuredTrainingPowerW: null,
    embodiedKgCo2e: 169.6,
    source:
      'NVIDIA H100 Tensor Core GPU datasheet (2022, H100 PCIe column): 51 TFLOPS fp32; TF32 756*, BF16 1,513*, FP16 1,513*, FP8 3,026*, INT8 3,026* TOPS (* = with sparsity); 80 GB HBM2e; 300-350 W (configurable)',
    embodiedSource: `${ADEME}, row "NVIDIA H100 PCIe 80GB" (parametric-model output: 167.1 manufacturing incl. upstream transport; end of life 2.6 = 1.51 kg CO2e/kg x 1.69 kg card weight from the same model)`,
    notes: 'Datasheet prints sparsity figures; dense = half. tdpW is the upper end of the 300-350 W range.',
  },
  {
    id: 'H100-SXM5-80GB',
    aliases: [
      'H100',
      'H100-80GB',
      'H100 80GB',
      'H100-SXM',
      'H100-SXM5',
      'H100 SXM',
      'NVIDIA H100 80GB HBM3',
      'nvidia-h100-80gb',
      'nvidia-h100-mega-80gb',
      'H100-MEGA',
      'H100-SXM-80GB',
      'H100 80GB HBM3',
    ],
    vendor: 'nvidia',
    displayName: 'NVIDIA H100 SXM5 80GB',
    kind: 'gpu',
    releaseYear: 2022,
    memoryGB: 80,
    memoryBandwidthGBs: 3350,
    bandwidthSource: 'NVIDIA H100 Tensor Core GPU datasheet: 3.35 TB/s HBM3 (SXM)',
    peakTflops: { fp32: 67, tf32: 494.5, fp16: 989.5, bf16: 989.5, fp8: 1979, int8: 1979 },
    tdpW: 700,
    measuredTrainingPowerW: null,
    embodiedKgCo2e: 169.6,
    source:
      'NVIDIA H100 Tensor Core GPU datasheet (H100 SXM column): 67 TFLOPS fp32; TF32 989*, BF16 1,979*, FP16 1,979*, FP8 3,958*, INT8 3,958* TOPS (* = with sparsity); 80 GB HBM3; up to 700 W (configurable)',
    embodiedSource: `${ADEME}, row "NVIDIA H100 PCIe 80GB" used as proxy (same GH100 die, 80 GB HBM)`,
    notes:
      'Plain "H100" maps here (HGX/DGX H100 and the cloud instances AWS p5, GCP a3, Azure ND H100 v5 use SXM5). Dense = half the printed sparsity figures. Embodied: the H100 PCIe card value (169.6 kg) is used unchanged; NVIDIA\'s HGX H100 product carbon footprint also includes the baseboard and NVSwitches, so a per-GPU share of it would be higher.',
  },
  {
    id: 'H100-NVL-94GB',
    aliases: ['H100-NVL', 'H100 NVL', 'NVIDIA H100 NVL', 'H100-94GB'],
    vendor: 'nvidia',
    displayName: 'NVIDIA H100 NVL 94GB',
    kind: 'gpu',
    releaseYear: 2023,
    memoryGB: 94,
    memoryBandwidthGBs: 3900,
    bandwidthSource: 'NVIDIA H100 Tensor Core GPU datasheet, H100 NVL column: 3.9 TB/s HBM3 per GPU',
    peakTflops: { fp32: 60, tf32: 417.5, fp16: 835.5, bf16: 835.5, fp8: 1670.5, int8: 1670.5 },
    tdpW: 400,
    measuredTrainingPowerW: null,
    embodiedKgCo2e: 180.1,
    source:
      'NVIDIA H100 Tensor Core GPU datasheet (H100 NVL column, per GPU): 60 TFLOPS fp32; TF32 835*, BF16 1,671*, FP16 1,671*, FP8 3,341*, INT8 3,341* TOPS (* = with sparsity); 94 GB HBM3; 350-400 W (configurable)',
    embodiedSource: `${ADEME}; ${DERIVED}`,
    notes:
      'Dense = half the printed sparsity figures; tdpW is the upper end of 350-400 W. Per GPU (NVL cards are sold as NVLink-bridged pairs). Embodied: ref H100 PCIe 80GB (169.6 kg; board+transport+EoL 24.3, die 85.5, memory 59.8); memory x94/80 = 70.3; total 180.1.',
  },
  {
    id: 'H200-SXM-141GB',
    aliases: [
      'H200',
      'H200-141GB',
      'H200 SXM',
      'NVIDIA H200',
      'nvidia-h200-141gb',
      'H200-SXM',
      'NVIDIA H200 141GB HBM3e',
    ],
    vendor: 'nvidia',
    displayName: 'NVIDIA H200 SXM 141GB',
    kind: 'gpu',
    releaseYear: 2024,
    memoryGB: 141,
    memoryBandwidthGBs: 4800,
    bandwidthSource: 'NVIDIA H200 Tensor Core GPU datasheet: 4.8 TB/s HBM3e',
    peakTflops: { fp32: 67, tf32: 494.5, fp16: 989.5, bf16: 989.5, fp8: 1979, int8: 1979 },
    tdpW: 700,
    measuredTrainingPowerW: null,
    embodiedKgCo2e: 215.2,
    source:
      'NVIDIA H200 Tensor Core GPU datasheet (H200 SXM column): 67 TFLOPS fp32; TF32 989*, BF16 1,979*, FP16 1,979*, FP8 3,958*, INT8 3,958* TOPS (* = with sparsity); 141 GB HBM3e; up to 700 W (configurable)',
    embodiedSource: `${ADEME}; ${DERIVED}`,
    notes:
      'Dense = half the printed sparsity figures (compute identical to H100 SXM). Embodied: ref H100 PCIe 80GB (169.6 kg; board+transport+EoL 24.3, die 85.5, memory 59.8); memory x141/80 = 105.4; total 215.2.',
  },
  {
    id: 'B200-SXM-180GB',
    aliases: ['B200', 'NVIDIA B200', 'nvidia-b200', 'HGX B200'],
    vendor: 'nvidia',
    displayName: 'NVIDIA B200 (HGX B200, 180GB)',
    kind: 'gpu',
    releaseYear: 2024,
    memoryGB: 180,
    memoryBandwidthGBs: 8000,
    bandwidthSource: 'NVIDIA DGX B200 / HGX B200 datasheet: 8 TB/s HBM3e per GPU',
    peakTflops: { fp32: 75, tf32: 1125, fp16: 2250, bf16: 2250, fp8: 4500, int8: 4500 },
    tdpW: 1000,
    measuredTrainingPowerW: null,
    embodiedKgCo2e: 295.6,
    source:
      'NVIDIA HGX B200 specifications (8-GPU board): FP32 600 TFLOPS, TF32 18 PFLOPS*, FP16/BF16 36 PFLOPS*, FP8 72 PFLOPS*, INT8 72 POPS* (* = with sparsity), 1.4 TB HBM3e total; divided by 8 per GPU; up to 1,000 W per GPU',
    embodiedSource: `NVIDIA Technical Blog, "NVIDIA HGX B200 Reduces Embodied Carbon Emissions Intensity" (developer.nvidia.com/blog/?p=106112), comparing the published HGX B200 and HGX H100 product carbon footprint summaries: embodied carbon per FP16 exaflop 0.50 g (B200) vs 0.66 g (H100) at 2.3x FP16 throughput; applied as a ratio to the H100 value from the ${ADEME}`,
    notes:
      "Dense = half the printed sparsity figures; per GPU = HGX board / 8. Embodied DERIVED: embodied(B200)/embodied(H100) = 2.3 x 0.50 / 0.66 = 1.742 (from NVIDIA's intensity comparison); 169.6 kg (H100, ADEME/Hubblo) x 1.742 = 295.6 kg. Assumes the per-GPU ratio equals the per-board ratio.",
  },

  // =====================================================================================================
  // NVIDIA workstation / consumer GPUs
  // =====================================================================================================
  {
    id: 'RTX-3090',
    aliases: ['RTX 3090', 'RTX3090', 'GeForce RTX 3090', 'NVIDIA GeForce RTX 3090'],
    vendor: 'nvidia',
    displayName: 'NVIDIA GeForce RTX 3090',
    kind: 'gpu',
    releaseYear: 2020,
    memoryGB: 24,
    memoryBandwidthGBs: 936,
    bandwidthSource: 'NVIDIA GeForce RTX 3090 specifications: 936 GB/s GDDR6X (384-bit at 19.5 Gbps)',
    peakTflops: { fp32: 35.6, tf32: 35.6, fp16: 71, bf16: 71, int8: 284 },
    tdpW: 350,
    measuredTrainingPowerW: null,
    embodiedKgCo2e: 106.9,
    source:
      'NVIDIA Ampere GA102 GPU Architecture whitepaper, GeForce RTX 3090 column: 35.6 TFLOPS fp32; peak FP16 Tensor with FP32 accumulate 71 | 142*, BF16 71 | 142*, TF32 35.6 | 71*, INT8 284 | 568* TOPS (* = with sparsity); 24 GB GDDR6X; 350 W total graphics power',
    embodiedSource: `${ADEME}; ${DERIVED}`,
    notes:
      'fp16/bf16 use the FP32-accumulate rate (what mixed-precision training runs at on GeForce; FP16-accumulate is 2x). Embodied: ref RTX A4500 (100.9 kg; same GA102 die); memory x24/20 = 35.9; total 106.9.',
  },
  {
    id: 'RTX-4090',
    aliases: ['RTX 4090', 'RTX4090', 'GeForce RTX 4090', 'NVIDIA GeForce RTX 4090'],
    vendor: 'nvidia',
    displayName: 'NVIDIA GeForce RTX 4090',
    kind: 'gpu',
    releaseYear: 2022,
    memoryGB: 24,
    memoryBandwidthGBs: 1008,
    bandwidthSource: 'NVIDIA GeForce RTX 4090 specifications: 1,008 GB/s GDDR6X (384-bit at 21 Gbps)',
    peakTflops: { fp32: 82.6, tf32: 82.6, fp16: 165.2, bf16: 165.2, fp8: 330.3, int8: 660.6 },
    tdpW: 450,
    measuredTrainingPowerW: null,
    embodiedKgCo2e: 104.5,
    source:
      'NVIDIA Ada Lovelace GPU Architecture whitepaper, GeForce RTX 4090 column: 82.6 TFLOPS fp32; peak FP16 Tensor with FP32 accumulate 165.2 | 330.4*, BF16 165.2 | 330.4*, TF32 82.6 | 165.2*, FP8 (FP32 acc.) 330.3 | 660.6*, INT8 660.6 | 1,321.2* TOPS (* = with sparsity); 24 GB GDDR6X; 450 W total graphics power',
    embodiedSource: `${ADEME}; ${DERIVED}`,
    notes:
      'fp16/bf16/fp8 use the FP32-accumulate rate. Embodied: ref RTX A4500 (100.9 kg; board+transport+EoL 20.7, die 50.3, memory 29.9); die AD102 609 mm2 vs GA102 628 mm2 -> x0.953 = 48.0; memory x24/20 = 35.9; total 104.5.',
  },
  {
    id: 'RTX-A6000',
    aliases: ['RTX A6000', 'A6000', 'NVIDIA RTX A6000', 'RTXA6000'],
    vendor: 'nvidia',
    displayName: 'NVIDIA RTX A6000',
    kind: 'gpu',
    releaseYear: 2020,
    memoryGB: 48,
    memoryBandwidthGBs: 768,
    bandwidthSource:
      'NVIDIA RTX A6000 datasheet: 768 GB/s GDDR6; same in hahnyuan/LLM-Viewer hardwares/hardware_params.py',
    peakTflops: { fp32: 38.7, fp16: 154.8, bf16: 154.8 },
    tdpW: 300,
    measuredTrainingPowerW: null,
    embodiedKgCo2e: 142.8,
    source:
      'NVIDIA RTX A6000 datasheet: 38.7 TFLOPS single precision, 309.7 TFLOPS tensor performance (with sparsity), 48 GB GDDR6, 300 W max power consumption',
    embodiedSource: `${ADEME}; ${DERIVED}`,
    notes:
      'Datasheet gives one tensor figure (FP16, with sparsity); dense fp16 = 309.7 / 2 = 154.8; Ampere tensor cores run BF16 at the FP16 rate (GA102 whitepaper). Embodied: ref RTX A4500 (100.9 kg; same GA102 die); memory x48/20 = 71.8; total 142.8.',
  },
  {
    id: 'RTX-6000-ADA',
    aliases: ['RTX 6000 Ada', 'RTX6000-Ada', 'RTX 6000 Ada Generation', 'NVIDIA RTX 6000 Ada Generation', 'RTX6000Ada'],
    vendor: 'nvidia',
    displayName: 'NVIDIA RTX 6000 Ada Generation',
    kind: 'gpu',
    releaseYear: 2022,
    memoryGB: 48,
    memoryBandwidthGBs: 960,
    bandwidthSource: 'NVIDIA RTX 6000 Ada Generation datasheet: 960 GB/s GDDR6',
    peakTflops: { fp32: 91.1, fp16: 364.25, bf16: 364.25, fp8: 728.5 },
    tdpW: 300,
    measuredTrainingPowerW: null,
    embodiedKgCo2e: 140.4,
    source:
      'NVIDIA RTX 6000 Ada Generation datasheet: 91.1 TFLOPS single precision, 1,457.0 TFLOPS tensor performance (FP8 with sparsity), 48 GB GDDR6, 300 W max power consumption',
    embodiedSource: `${ADEME}; ${DERIVED}`,
    notes:
      'Dense FP8 = 1,457 / 2 = 728.5; FP16/BF16 = half the FP8 rate (Ada tensor cores) = 364.25. Embodied: ref RTX A4500; die AD102 609 mm2 -> x0.953 = 48.0; memory x48/20 = 71.8; board+transport+EoL 20.7; total 140.4.',
  },

  // =====================================================================================================
  // AMD Instinct
  // =====================================================================================================
  {
    id: 'MI100',
    aliases: ['Instinct MI100', 'AMD Instinct MI100', 'AMD MI100'],
    vendor: 'amd',
    displayName: 'AMD Instinct MI100',
    kind: 'gpu',
    releaseYear: 2020,
    memoryGB: 32,
    memoryBandwidthGBs: 1229,
    bandwidthSource: 'AMD Instinct MI100 datasheet: 1.2288 TB/s HBM2 (4 stacks, 4096-bit)',
    peakTflops: { fp32: 23.1, fp16: 184.6, bf16: 92.3, int8: 184.6 },
    tdpW: 300,
    measuredTrainingPowerW: null,
    embodiedKgCo2e: 105.3,
    source:
      'AMD Instinct MI100 accelerator specifications (amd.com): peak FP32 vector 23.1 TFLOPS, FP32 matrix 46.1 TFLOPS, FP16 184.6 TFLOPS, bfloat16 92.3 TFLOPS, INT8 184.6 TOPS; 32 GB HBM2; 300 W TBP',
    embodiedSource: `${ADEME}; ${DERIVED}`,
    notes:
      'fp32 is the vector rate (matrix fp32 is 46.1). AMD publishes no sparsity figures for CDNA1. Embodied: ref A100 PCIe 40GB (122.0 kg; PCIe HBM card; board+transport+EoL 17.0, die 85.7, memory 19.3); die Arcturus 750 mm2 vs GA100 826 mm2 -> x0.850 = 72.8; memory x32/40 = 15.4; total 105.3.',
  },
  {
    id: 'MI250X',
    aliases: ['Instinct MI250X', 'AMD Instinct MI250X', 'AMD MI250X'],
    vendor: 'amd',
    displayName: 'AMD Instinct MI250X (OAM)',
    kind: 'gpu',
    releaseYear: 2021,
    memoryGB: 128,
    memoryBandwidthGBs: 3277,
    bandwidthSource: 'AMD Instinct MI250X datasheet: 3.2768 TB/s HBM2e (8 stacks x 410 GB/s)',
    peakTflops: { fp32: 47.9, fp16: 383, bf16: 383, int8: 383 },
    tdpW: 560,
    measuredTrainingPowerW: null,
    embodiedKgCo2e: 216,
    source:
      'AMD Instinct MI250X accelerator specifications (amd.com): peak FP32 vector 47.9 TFLOPS, FP32 matrix 95.7 TFLOPS, FP16 383 TFLOPS, bfloat16 383 TFLOPS, INT8 383 TOPS; 128 GB HBM2e; 500 W / 560 W peak TBP (OAM)',
    embodiedSource: `${ADEME}; ${DERIVED}`,
    notes:
      'One MI250X = two graphics compute dies (GCDs), which ROCm exposes as two devices (each half of this row). fp32 is the vector rate. tdpW is the 560 W peak board power (500 W for air-cooled parts; Frontier uses 560 W). Embodied: ref A100 SXM4 40GB (113.5 kg; OAM/SXM-class module; board+transport+EoL 8.4, die 85.8, memory 19.3); dies 2 x GCD, area not published by AMD, assumed 750 mm2 like MI100 -> x1.700 = 145.8; memory x128/40 = 61.8; total 216.0.',
  },
  {
    id: 'MI300X',
    aliases: ['Instinct MI300X', 'AMD Instinct MI300X', 'AMD MI300X'],
    vendor: 'amd',
    displayName: 'AMD Instinct MI300X (OAM)',
    kind: 'gpu',
    releaseYear: 2023,
    memoryGB: 192,
    memoryBandwidthGBs: 5300,
    bandwidthSource: 'AMD Instinct MI300X datasheet: 5.3 TB/s HBM3 peak',
    peakTflops: { fp32: 81.7, tf32: 653.7, fp16: 1307.4, bf16: 1307.4, fp8: 2614.9, int8: 2614.9 },
    tdpW: 750,
    measuredTrainingPowerW: null,
    embodiedKgCo2e: 253.3,
    source:
      'AMD Instinct MI300X accelerator data sheet (amd.com): peak FP32 vector 81.7 TFLOPS, FP32 matrix 163.4 TFLOPS; TF32 653.7 | 1,307.4*, FP16 1,307.4 | 2,614.9*, BF16 1,307.4 | 2,614.9*, FP8 2,614.9 | 5,229.8*, INT8 2,614.9 | 5,229.8* TOPS (* = with structured sparsity); 192 GB HBM3; 750 W TBP',
    embodiedSource: `${ADEME}; ${DERIVED}`,
    notes:
      'Dense figures used; fp32 is the vector rate. Embodied: ref H100 PCIe 80GB (169.6 kg; board+transport+EoL 24.3, die 85.5, memory 59.8); MI300X is a chiplet design (8 XCD + 4 IOD) whose silicon footprint is not published, so the die term is kept at one reticle-class die (85.5, LOW CONFIDENCE); memory x192/80 = 143.5; total 253.3.',
  },

  // =====================================================================================================
  // Google TPU (per chip)
  // =====================================================================================================
  {
    id: 'TPU-v2',
    aliases: ['TPUv2', 'TPU v2', 'tpu-v2', 'TPU_V2', 'tpuv2-chip'],
    vendor: 'google',
    displayName: 'Google Cloud TPU v2 (per chip)',
    kind: 'tpu',
    releaseYear: 2017,
    memoryGB: 16,
    memoryBandwidthGBs: 700,
    bandwidthSource: 'Jouppi et al., CACM 63(7) 2020, TPUv2/TPUv3/V100 comparison table: TPUv2 700 GB/s HBM per chip',
    peakTflops: { bf16: 46 },
    tdpW: 280,
    measuredTrainingPowerW: 208,
    measuredPowerIncludesHost: true,
    embodiedKgCo2e: 81.3,
    source:
      'Jouppi et al., "A Domain-Specific Supercomputer for Training Deep Neural Networks", Communications of the ACM 63(7), 2020, TPUv2/TPUv3/V100 comparison table: TPUv2 46 TFLOPS bf16 peak, 16 GiB HBM, 280 W TDP per chip',
    powerSource:
      'Patterson et al. 2021, "Carbon Emissions and Large Neural Network Training", arXiv:2104.10350, Table 4: Evolved Transformer NAS on TPU v2 (200 chips, Dec 2018), measured system average power per accelerator including memory, network interface, fans and host CPU 208 W (Table 3: 221 W averaged over Transformer (Big), Evolved Transformer (Medium) and the NAS on TPU v2)',
    embodiedSource: `${ADEME}; ${DERIVED}; die area per LLMCarbon (Faiz et al. 2023, arXiv:2309.14393, github.com/SotaroKaneda/MLCarbon data/hardware.csv: TPUv3 700 mm2), applied to TPUv2 as proxy`,
    notes:
      'Per chip; a "v2-8" slice is 4 chips (8 cores). Google Cloud quotes 180 TFLOPS per 4-chip board (45 per chip). Measured power is system power per chip including host share. Embodied: ref A100 SXM4 40GB (113.5 kg; HBM module class; board+transport+EoL 8.4, die 85.8, memory 19.3); die 700 mm2 (TPUv3 area used as proxy) -> x0.759 = 65.1; memory x16/40 = 7.7; total 81.3. No per-chip board exists for TPUs (4 chips share a board), so the board term is a proxy.',
  },
  {
    id: 'TPU-v3',
    aliases: ['TPUv3', 'TPU v3', 'tpu-v3', 'TPU_V3', 'tpuv3-chip'],
    vendor: 'google',
    displayName: 'Google Cloud TPU v3 (per chip)',
    kind: 'tpu',
    releaseYear: 2018,
    memoryGB: 32,
    memoryBandwidthGBs: 900,
    bandwidthSource: 'Jouppi et al., CACM 63(7) 2020, comparison table: TPUv3 900 GB/s HBM per chip',
    peakTflops: { bf16: 123 },
    tdpW: 450,
    measuredTrainingPowerW: 310,
    measuredPowerIncludesHost: true,
    embodiedKgCo2e: 89,
    source:
      'Jouppi et al., "A Domain-Specific Supercomputer for Training Deep Neural Networks", Communications of the ACM 63(7), 2020, TPUv2/TPUv3/V100 comparison table: TPUv3 123 TFLOPS bf16 peak, 32 GiB HBM, 450 W TDP per chip (same 123 TFLOPS / 450 W in LLMCarbon data/table4.csv)',
    powerSource:
      'Patterson et al. 2021, "Carbon Emissions and Large Neural Network Training", arXiv:2104.10350, Table 4: T5 on TPU v3, average system power per processor 310 W (Meena 289 W, GShard-600B 288 W, Switch Transformer 245 W on the same chip)',
    embodiedSource: `${ADEME}; ${DERIVED}; die area 700 mm2 per LLMCarbon (Faiz et al. 2023, arXiv:2309.14393, github.com/SotaroKaneda/MLCarbon data/hardware.csv)`,
    notes:
      'Per chip; a "v3-8" slice is 4 chips. Measured power is system power per chip including host share. Embodied: ref A100 SXM4 40GB (113.5 kg); die 700 mm2 -> x0.759 = 65.1; memory x32/40 = 15.4; board+transport+EoL 8.4; total 89.0.',
  },
  {
    id: 'TPU-v4',
    aliases: ['TPUv4', 'TPU v4', 'tpu-v4', 'TPU_V4', 'tpuv4-chip'],
    vendor: 'google',
    displayName: 'Google Cloud TPU v4 (per chip)',
    kind: 'tpu',
    releaseYear: 2021,
    memoryGB: 32,
    memoryBandwidthGBs: 1200,
    bandwidthSource: 'Google Cloud TPU v4 documentation (cloud.google.com/tpu/docs/v4): 1,200 GBps HBM2 per chip',
    peakTflops: { bf16: 275, int8: 275 },
    tdpW: 192,
    measuredTrainingPowerW: null,
    embodiedKgCo2e: 52.2,
    source:
      'Jouppi et al., "TPU v4: An Optically Reconfigurable Supercomputer for Machine Learning with Hardware Support for Embeddings", ISCA 2023 (doi:10.1145/3579371.3589350), chip feature table: 275 TFLOPS bf16 and int8 peak, 32 GiB HBM2, 192 W maximum chip power; Google Cloud TPU v4 documentation (cloud.google.com/tpu/docs/v4)',
    embodiedSource: `${ADEME}; ${DERIVED}; die area 400 mm2 per LLMCarbon (Faiz et al. 2023, arXiv:2309.14393, github.com/SotaroKaneda/MLCarbon data/hardware.csv)`,
    notes:
      'Per chip (one chip = 2 TensorCores; a "v4-8" slice is 4 chips). Schneider et al. 2025 (arXiv:2502.01671) publish Google\'s first-party TPU LCA including TPU v4; its per-chip figure should replace this derivation when available. Embodied: ref A100 SXM4 40GB (113.5 kg); die 400 mm2 -> x0.330 = 28.3; memory x32/40 = 15.4; board+transport+EoL 8.4; total 52.2.',
  },
  {
    id: 'TPU-v5e',
    aliases: [
      'TPUv5e',
      'TPU v5e',
      'tpu-v5e',
      'TPU_V5E',
      'v5e',
      'TPU v5 lite',
      'TPUv5lite',
      'v5litepod',
      'tpu-v5-lite-podslice',
      'tpu-v5-lite-device',
      'Cloud TPU v5e',
      'tpuv5e-chip',
    ],
    vendor: 'google',
    displayName: 'Google Cloud TPU v5e (per chip)',
    kind: 'tpu',
    releaseYear: 2023,
    memoryGB: 16,
    memoryBandwidthGBs: 819,
    bandwidthSource: 'Google Cloud TPU v5e documentation (cloud.google.com/tpu/docs/v5e): 819 GBps HBM2 per chip',
    peakTflops: { bf16: 197, int8: 393 },
    tdpW: 138,
    measuredTrainingPowerW: null,
    embodiedKgCo2e: 37.6,
    source:
      'Google Cloud TPU documentation, "TPU v5e" (cloud.google.com/tpu/docs/v5e), System architecture, key specifications table: peak compute per chip 197 TFLOPs bf16 and 393 TOPs int8, 16 GB HBM2 per chip (819 GBps), 8 chips per host; the same v5e column appears in the v5e-vs-v6e table of cloud.google.com/tpu/docs/v6e',
    powerSource:
      'ESTIMATE, no published figure: Google publishes no TDP or measured power for TPU v5e (Wikipedia "Tensor Processing Unit" comparison table lists TDP as not listed). Derived here as 197 TFLOPS / (275 TFLOPS / 192 W), i.e. assuming the peak bf16 FLOPS per watt of TPU v4 (Jouppi et al., ISCA 2023, doi:10.1145/3579371.3589350: 275 TFLOPS, 192 W maximum chip power)',
    embodiedSource: `${ADEME}; ${DERIVED}; die area 300-350 mm2 per the Wikipedia "Tensor Processing Unit" comparison table (Google does not publish it; midpoint 325 mm2 used)`,
    notes:
      'Per chip (one chip = 1 TensorCore; v5e slices are named v5litepod-N with N chips; JAX reports device_kind "TPU v5 lite"). Google lists int8 as 393 TOPs (other write-ups round to 394). tdpW is an ESTIMATE (LOW CONFIDENCE, could be off by +/-50%): 197 / 1.432 TFLOPS per W (TPU v4: 275 / 192) = 138 W. Schneider et al. 2025 (arXiv:2502.01671) publish Google\'s first-party LCA including TPU v5e; its per-chip figure should replace this derivation when available. Embodied (LOW CONFIDENCE, die area not published): ref A100 SXM4 40GB (113.5 kg; board+transport+EoL 8.4, die 85.8, memory 19.3); die 325 mm2 -> x0.250 = 21.5; memory x16/40 = 7.7; board+transport+EoL 8.4; total 37.6.',
  },
  {
    id: 'TPU-v5p',
    aliases: [
      'TPUv5p',
      'TPU v5p',
      'tpu-v5p',
      'TPU_V5P',
      'v5p',
      'TPU v5',
      'tpu-v5p-slice',
      'Cloud TPU v5p',
      'tpuv5p-chip',
    ],
    vendor: 'google',
    displayName: 'Google Cloud TPU v5p (per chip)',
    kind: 'tpu',
    releaseYear: 2023,
    memoryGB: 95,
    memoryBandwidthGBs: 2765,
    bandwidthSource: 'Google Cloud TPU v5p documentation (cloud.google.com/tpu/docs/v5p): 2,765 GBps HBM2e per chip',
    peakTflops: { bf16: 459, fp8: 459, int8: 918 },
    tdpW: 320,
    measuredTrainingPowerW: null,
    embodiedKgCo2e: 140,
    source:
      'Google Cloud TPU documentation, "TPU v5p" (cloud.google.com/tpu/docs/v5p), System architecture, key specifications table: peak compute per chip 459 TFLOPs bf16 (current version also lists FP8 459 TFLOPs), HBM2e 95 GB per chip (2765 GBps), 4-chip VM with 208 vCPUs and 448 GB RAM; int8 918 TOPs per chip as announced with v5p on 6 Dec 2023 (Google Cloud blog "Introducing Cloud TPU v5p and AI Hypercomputer"; 459 bf16 / 918 int8 also in the Wikipedia "Tensor Processing Unit" comparison table)',
    powerSource:
      'ESTIMATE, no published figure: Google publishes no TDP or measured power for TPU v5p. Derived here as 459 TFLOPS / (275 TFLOPS / 192 W), i.e. assuming the peak bf16 FLOPS per watt of TPU v4, its predecessor (Jouppi et al., ISCA 2023, doi:10.1145/3579371.3589350: 275 TFLOPS, 192 W maximum chip power)',
    embodiedSource: `${ADEME}; ${DERIVED}; die area not published by Google, so the reference die term is kept (one reticle-class die)`,
    notes:
      'Per chip (one chip = 2 TensorCores; a "v5p-8" slice is 4 chips; JAX reports device_kind "TPU v5", hence the "TPU v5" alias). fp8 runs at the bf16 rate. tdpW is an ESTIMATE (LOW CONFIDENCE, could be off by +/-50%): 459 / 1.432 TFLOPS per W (TPU v4: 275 / 192) = 320 W; any efficiency gain over v4 would make it lower. Schneider et al. 2025 (arXiv:2502.01671) publish Google\'s first-party LCA including TPU v5p; its per-chip figure should replace this derivation when available. Embodied (LOW CONFIDENCE, die area unknown): ref A100 SXM4 40GB (113.5 kg); die term kept at one reticle-class die = 85.8 (a 400 mm2 die like TPU v4 would give 28.3, total 82.5); memory x95/40 = 45.8; board+transport+EoL 8.4; total 140.0.',
  },
  {
    id: 'TPU-v6e',
    aliases: [
      'TPUv6e',
      'TPU v6e',
      'tpu-v6e',
      'TPU_V6E',
      'v6e',
      'Trillium',
      'TPU Trillium',
      'Google Trillium',
      'TPU v6 lite',
      'TPUv6',
      'TPU v6',
      'tpu-v6e-slice',
      'Cloud TPU v6e',
      'tpuv6e-chip',
    ],
    vendor: 'google',
    displayName: 'Google Cloud TPU v6e Trillium (per chip)',
    kind: 'tpu',
    releaseYear: 2024,
    memoryGB: 32,
    memoryBandwidthGBs: 1640,
    bandwidthSource: 'Google Cloud TPU v6e documentation (cloud.google.com/tpu/docs/v6e): 1,640 GBps HBM per chip',
    peakTflops: { bf16: 918, int8: 1836 },
    tdpW: 384,
    measuredTrainingPowerW: null,
    embodiedKgCo2e: 109.6,
    source:
      'Google Cloud TPU documentation, "TPU v6e" (cloud.google.com/tpu/docs/v6e), System architecture, key specifications table (v5e vs v6e): peak compute per chip 918 TFLOPs bf16 and 1836 TOPs int8, HBM 32 GB per chip (about 1.6 TB/s), 8 chips per host',
    powerSource:
      'ESTIMATE, no published figure: Google publishes no TDP or measured power for TPU v6e. Derived from the TPU-v5e estimate and Google\'s claim that Trillium is over 67% more energy-efficient than TPU v5e (Google Cloud blog "Introducing Trillium, sixth-generation TPUs", May 2024): 918 TFLOPS / (1.432 TFLOPS per W x 1.67)',
    embodiedSource: `${ADEME}; ${DERIVED}; die area not published by Google, so the reference die term is kept (one reticle-class die)`,
    notes:
      'Per chip (one chip = 1 TensorCore; v6e slices are named v6e-N with N chips; JAX reports device_kind "TPU v6 lite"). Trillium is Google\'s name for v6e; "TPU v6"/"TPUv6" map here as no other v6 part is public. tdpW is an ESTIMATE (LOW CONFIDENCE, could be off by +/-50%): TPU v4 peak efficiency 275 / 192 = 1.432 TFLOPS per W, assumed for v5e, x1.67 for Trillium = 2.392; 918 / 2.392 = 384 W. The 67% claim is Google\'s energy-efficiency figure, not necessarily peak FLOPS per watt. Schneider et al. 2025 (arXiv:2502.01671) publish Google\'s first-party LCA including TPU v6e; its per-chip figure should replace this derivation when available. Embodied (LOW CONFIDENCE, die area unknown): ref A100 SXM4 40GB (113.5 kg); die term kept at one reticle-class die = 85.8 (a 400 mm2 die like TPU v4 would give 28.3, total 52.1); memory x32/40 = 15.4; board+transport+EoL 8.4; total 109.6.',
  },

  // =====================================================================================================
  // Intel Gaudi
  // =====================================================================================================
  {
    id: 'Gaudi2',
    aliases: ['Gaudi 2', 'Gaudi-2', 'Intel Gaudi 2', 'HL-225', 'HL-225H'],
    vendor: 'intel',
    displayName: 'Intel Gaudi 2 (HL-225, OAM)',
    kind: 'npu',
    releaseYear: 2022,
    memoryGB: 96,
    memoryBandwidthGBs: 2460,
    bandwidthSource: 'Intel Gaudi 3 AI Accelerator White Paper (2024), Gaudi 2 column: 2.46 TB/s HBM2e',
    peakTflops: { bf16: 432, fp8: 865 },
    tdpW: 600,
    measuredTrainingPowerW: null,
    embodiedKgCo2e: 140.5,
    source:
      'Intel Gaudi 3 AI Accelerator White Paper (2024), Gaudi 2 vs Gaudi 3 comparison table: Gaudi 2 MME BF16 432 TFLOPS, FP8 865 TFLOPS, 96 GB HBM2e, 600 W (OAM)',
    embodiedSource: `${ADEME}; ${DERIVED}`,
    notes:
      'Matrix-engine (MME) peak; Gaudi has no sparsity mode, so figures are dense. Embodied: ref A100 SXM4 40GB (113.5 kg; OAM/SXM module class; board+transport+EoL 8.4, die 85.8, memory 19.3); die area not published, assumed reticle-class like GA100 (x1.000 = 85.8, LOW CONFIDENCE); memory x96/40 = 46.3; total 140.5.',
  },
  {
    id: 'Gaudi3',
    aliases: ['Gaudi 3', 'Gaudi-3', 'Intel Gaudi 3', 'HL-325L'],
    vendor: 'intel',
    displayName: 'Intel Gaudi 3 (HL-325L, OAM)',
    kind: 'npu',
    releaseYear: 2024,
    memoryGB: 128,
    memoryBandwidthGBs: 3700,
    bandwidthSource: 'Intel Gaudi 3 AI Accelerator White Paper (2024): 3.7 TB/s HBM2e (8 stacks)',
    peakTflops: { bf16: 1835, fp8: 1835 },
    tdpW: 900,
    measuredTrainingPowerW: null,
    embodiedKgCo2e: 241.8,
    source:
      'Intel Gaudi 3 AI Accelerator White Paper (2024), comparison table: Gaudi 3 MME BF16 1,835 TFLOPS, FP8 1,835 TFLOPS, 128 GB HBM2e, 900 W (HL-325L OAM, air-cooled)',
    embodiedSource: `${ADEME}; ${DERIVED}`,
    notes:
      'Matrix-engine peak, dense. Embodied: ref A100 SXM4 40GB (113.5 kg); two compute dies, area not published, each assumed reticle-class like GA100 (x2.000 = 171.6, LOW CONFIDENCE); memory x128/40 = 61.8; board+transport+EoL 8.4; total 241.8.',
  },

  // =====================================================================================================
  // Apple silicon (whole SoC: CPU + GPU + unified memory)
  // =====================================================================================================
  {
    id: 'M1-Max',
    aliases: ['Apple M1 Max', 'M1 Max', 'M1Max'],
    vendor: 'apple',
    displayName: 'Apple M1 Max (32-core GPU, 32 GB)',
    kind: 'soc',
    releaseYear: 2021,
    memoryGB: 32,
    memoryBandwidthGBs: 400,
    bandwidthSource:
      'Apple Newsroom, "Introducing M1 Pro and M1 Max" (Oct 2021): up to 400 GB/s unified memory bandwidth',
    peakTflops: { fp32: 10.4 },
    tdpW: 115,
    measuredTrainingPowerW: null,
    embodiedKgCo2e: 81.3,
    source:
      'Apple Newsroom, "Introducing M1 Pro and M1 Max" (Oct 2021): 32-core GPU, 10.4 teraflops; unified memory up to 64 GB. Power: Apple Support 102027, "Mac Studio power consumption and thermal output": Mac Studio (2022) M1 Max 10-core CPU & 32-core GPU, 32 GB — 11 W idle, 115 W max at the wall',
    embodiedSource: `${ADEME}; ${DERIVED}`,
    notes:
      'tdpW is the WHOLE Mac Studio maximum wall power (Apple publishes no chip TDP), an upper bound for the SoC. memoryGB is the unified memory of the measured configuration. Apple gives no fp16 matrix rate for the GPU; the 16-core Neural Engine (11 TOPS) is not usable for PyTorch training. Embodied (LOW CONFIDENCE): ref L4 (57.7 kg; small single-die board; board+transport+EoL 4.5, die 17.3, memory 35.9); die M1 Max ~432 mm2 (TechInsights/AnandTech estimate) -> x1.669 = 28.9; memory x32/24 = 47.9 (GDDR6 per-GB applied to LPDDR5); total 81.3. Excludes the rest of the computer.',
  },

  // =====================================================================================================
  // Generic CPU (one server socket)
  // =====================================================================================================
  {
    id: 'CPU-generic',
    aliases: ['cpu', 'generic-cpu', 'CPU generic', 'x86-cpu'],
    vendor: 'generic',
    displayName: 'Generic server CPU (one socket, Intel Xeon Platinum 8160 class)',
    kind: 'cpu',
    releaseYear: 2017,
    memoryGB: 192,
    memoryBandwidthGBs: 128,
    bandwidthSource:
      'DERIVED: Intel Xeon Platinum 8160 (Intel ARK) has 6 DDR4-2666 channels: 6 x 2666 MT/s x 8 bytes = 128 GB/s per socket',
    peakTflops: { fp32: 3.2 },
    tdpW: 150,
    measuredTrainingPowerW: null,
    embodiedKgCo2e: 21.7,
    source:
      'Intel ARK, Intel Xeon Platinum 8160 (Skylake-SP): 24 cores, 2.10 GHz base, 2 AVX-512 FMA units per core, 150 W TDP. Chosen because it matches the default CPU of the Boavizta API (Intel Xeon Platinum, Skylake, 24 cores)',
    embodiedSource:
      'Boavizta API CPU manufacturing model (github.com/Boavizta/boaviztapi, component CPU): GWP = (cores x die area per core + 0.491 cm2) x 1.97 kg CO2e/cm2 + 9.14 kg CO2e, with its defaults for Skylake Xeon Platinum (24 cores x 0.245 cm2)',
    notes:
      'peak fp32 DERIVED: 24 cores x 2.1 GHz x 64 FLOP/cycle (2 x 16-lane fp32 FMA) = 3.23 TFLOPS at base clock (sustained AVX-512 clocks are lower). memoryGB is a nominal host memory (6 channels x 32 GB), not used for energy. Embodied: (24 x 0.245 + 0.491) x 1.97 + 9.14 = 21.7 kg for the CPU package only (no motherboard, memory or chassis).',
  },
];
