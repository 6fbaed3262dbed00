import type { InstanceType } from '../schema';

/**
 * Cloud instance / VM types → the accelerator they carry and how many.
 * Only whole-GPU shapes (fractional vGPU sizes are left out). `accelerator` is an
 * ACCELERATORS id. vcpus and memoryGiB (host RAM) as the provider documents them;
 * GCP states memory in "GB" meaning 2^30 bytes, so its figures are GiB.
 * GCP N1 + T4/V100/P100 are attached GPUs on any N1 shape, so they are not listed.
 */
const AWS = 'AWS EC2 documentation, "Amazon EC2 instance type specifications – Accelerated computing" (https://docs.aws.amazon.com/ec2/latest/instancetypes/ac.html)';
const GCP = 'Google Cloud Compute Engine documentation, "GPU machine types" / "Accelerator-optimized machine family" (https://cloud.google.com/compute/docs/gpus and https://cloud.google.com/compute/docs/accelerator-optimized-machines)';
const GCP_TPU = (version: string): string => `Google Cloud TPU documentation, "TPU ${version}" (https://cloud.google.com/tpu/docs/${version}), VM types table: chips, vCPUs and RAM per TPU VM, with the GKE machine type`;
const AZ = (series: string, page: string): string => `Microsoft Learn, Azure VM sizes, "${series}" (https://learn.microsoft.com/azure/virtual-machines/sizes/gpu-accelerated/${page})`;

function aws(id: string, accelerator: string, count: number, vcpus: number, memoryGiB: number): InstanceType {
  return { id, provider: 'aws', accelerator, count, vcpus, memoryGiB, source: AWS };
}
function gcp(id: string, accelerator: string, count: number, vcpus: number, memoryGiB: number): InstanceType {
  return { id, provider: 'gcp', accelerator, count, vcpus, memoryGiB, source: GCP };
}
/** A Cloud TPU VM: `count` is TPU chips per VM (multi-host slices are several such VMs). */
function gcpTpu(id: string, accelerator: string, count: number, vcpus: number, memoryGiB: number, version: string): InstanceType {
  return { id, provider: 'gcp', accelerator, count, vcpus, memoryGiB, source: GCP_TPU(version) };
}
function azure(id: string, accelerator: string, count: number, vcpus: number, memoryGiB: number, series: string, page: string): InstanceType {
  return { id, provider: 'azure', accelerator, count, vcpus, memoryGiB, source: AZ(series, page) };
}

export const INSTANCE_TYPES: readonly InstanceType[] = [
  // ── AWS P3 (V100) ──────────────────────────────────────────────────────
  aws('p3.2xlarge', 'V100-SXM2-16GB', 1, 8, 61),
  aws('p3.8xlarge', 'V100-SXM2-16GB', 4, 32, 244),
  aws('p3.16xlarge', 'V100-SXM2-16GB', 8, 64, 488),
  aws('p3dn.24xlarge', 'V100-SXM2-32GB', 8, 96, 768),
  // ── AWS P4 / P5 (A100, H100, H200) ─────────────────────────────────────
  aws('p4d.24xlarge', 'A100-SXM4-40GB', 8, 96, 1152),
  aws('p4de.24xlarge', 'A100-SXM4-80GB', 8, 96, 1152),
  aws('p5.48xlarge', 'H100-SXM5-80GB', 8, 192, 2048),
  aws('p5e.48xlarge', 'H200-SXM-141GB', 8, 192, 2048),
  aws('p5en.48xlarge', 'H200-SXM-141GB', 8, 192, 2048),
  // ── AWS G4dn (T4) ──────────────────────────────────────────────────────
  aws('g4dn.xlarge', 'T4', 1, 4, 16),
  aws('g4dn.2xlarge', 'T4', 1, 8, 32),
  aws('g4dn.4xlarge', 'T4', 1, 16, 64),
  aws('g4dn.8xlarge', 'T4', 1, 32, 128),
  aws('g4dn.16xlarge', 'T4', 1, 64, 256),
  aws('g4dn.12xlarge', 'T4', 4, 48, 192),
  aws('g4dn.metal', 'T4', 8, 96, 384),
  // ── AWS G5 (A10G) ──────────────────────────────────────────────────────
  aws('g5.xlarge', 'A10G', 1, 4, 16),
  aws('g5.2xlarge', 'A10G', 1, 8, 32),
  aws('g5.4xlarge', 'A10G', 1, 16, 64),
  aws('g5.8xlarge', 'A10G', 1, 32, 128),
  aws('g5.16xlarge', 'A10G', 1, 64, 256),
  aws('g5.12xlarge', 'A10G', 4, 48, 192),
  aws('g5.24xlarge', 'A10G', 4, 96, 384),
  aws('g5.48xlarge', 'A10G', 8, 192, 768),
  // ── AWS G6 / Gr6 (L4) ──────────────────────────────────────────────────
  aws('g6.xlarge', 'L4', 1, 4, 16),
  aws('g6.2xlarge', 'L4', 1, 8, 32),
  aws('g6.4xlarge', 'L4', 1, 16, 64),
  aws('g6.8xlarge', 'L4', 1, 32, 128),
  aws('g6.16xlarge', 'L4', 1, 64, 256),
  aws('g6.12xlarge', 'L4', 4, 48, 192),
  aws('g6.24xlarge', 'L4', 4, 96, 384),
  aws('g6.48xlarge', 'L4', 8, 192, 768),
  aws('gr6.4xlarge', 'L4', 1, 16, 128),
  aws('gr6.8xlarge', 'L4', 1, 32, 256),
  // ── AWS G6e (L40S) ─────────────────────────────────────────────────────
  aws('g6e.xlarge', 'L40S', 1, 4, 32),
  aws('g6e.2xlarge', 'L40S', 1, 8, 64),
  aws('g6e.4xlarge', 'L40S', 1, 16, 128),
  aws('g6e.8xlarge', 'L40S', 1, 32, 256),
  aws('g6e.16xlarge', 'L40S', 1, 64, 512),
  aws('g6e.12xlarge', 'L40S', 4, 48, 384),
  aws('g6e.24xlarge', 'L40S', 4, 96, 768),
  aws('g6e.48xlarge', 'L40S', 8, 192, 1536),

  // ── GCP A2 Standard (A100 40GB) ────────────────────────────────────────
  gcp('a2-highgpu-1g', 'A100-SXM4-40GB', 1, 12, 85),
  gcp('a2-highgpu-2g', 'A100-SXM4-40GB', 2, 24, 170),
  gcp('a2-highgpu-4g', 'A100-SXM4-40GB', 4, 48, 340),
  gcp('a2-highgpu-8g', 'A100-SXM4-40GB', 8, 96, 680),
  gcp('a2-megagpu-16g', 'A100-SXM4-40GB', 16, 96, 1360),
  // ── GCP A2 Ultra (A100 80GB) ───────────────────────────────────────────
  gcp('a2-ultragpu-1g', 'A100-SXM4-80GB', 1, 12, 170),
  gcp('a2-ultragpu-2g', 'A100-SXM4-80GB', 2, 24, 340),
  gcp('a2-ultragpu-4g', 'A100-SXM4-80GB', 4, 48, 680),
  gcp('a2-ultragpu-8g', 'A100-SXM4-80GB', 8, 96, 1360),
  // ── GCP A3 (H100, H200) ────────────────────────────────────────────────
  gcp('a3-highgpu-1g', 'H100-SXM5-80GB', 1, 26, 234),
  gcp('a3-highgpu-2g', 'H100-SXM5-80GB', 2, 52, 468),
  gcp('a3-highgpu-4g', 'H100-SXM5-80GB', 4, 104, 936),
  gcp('a3-highgpu-8g', 'H100-SXM5-80GB', 8, 208, 1872),
  gcp('a3-megagpu-8g', 'H100-SXM5-80GB', 8, 208, 1872),
  gcp('a3-ultragpu-8g', 'H200-SXM-141GB', 8, 224, 2952),
  // ── GCP G2 (L4) ────────────────────────────────────────────────────────
  gcp('g2-standard-4', 'L4', 1, 4, 16),
  gcp('g2-standard-8', 'L4', 1, 8, 32),
  gcp('g2-standard-12', 'L4', 1, 12, 48),
  gcp('g2-standard-16', 'L4', 1, 16, 64),
  gcp('g2-standard-24', 'L4', 2, 24, 96),
  gcp('g2-standard-32', 'L4', 1, 32, 128),
  gcp('g2-standard-48', 'L4', 4, 48, 192),
  gcp('g2-standard-96', 'L4', 8, 96, 384),
  // ── GCP Cloud TPU VMs (chips per VM; GKE machine types) ────────────────
  gcpTpu('ct5lp-hightpu-1t', 'TPU-v5e', 1, 24, 48, 'v5e'),
  gcpTpu('ct5lp-hightpu-4t', 'TPU-v5e', 4, 112, 192, 'v5e'),
  gcpTpu('ct5lp-hightpu-8t', 'TPU-v5e', 8, 224, 384, 'v5e'),
  gcpTpu('ct5p-hightpu-4t', 'TPU-v5p', 4, 208, 448, 'v5p'),
  gcpTpu('ct6e-standard-1t', 'TPU-v6e', 1, 44, 176, 'v6e'),
  gcpTpu('ct6e-standard-4t', 'TPU-v6e', 4, 180, 720, 'v6e'),
  gcpTpu('ct6e-standard-8t', 'TPU-v6e', 8, 180, 1440, 'v6e'),

  // ── Azure NC A100 v4 (A100 80GB PCIe) ──────────────────────────────────
  azure('Standard_NC24ads_A100_v4', 'A100-PCIE-80GB', 1, 24, 220, 'NC A100 v4 series', 'nc-family/nca100v4-series'),
  azure('Standard_NC48ads_A100_v4', 'A100-PCIE-80GB', 2, 48, 440, 'NC A100 v4 series', 'nc-family/nca100v4-series'),
  azure('Standard_NC96ads_A100_v4', 'A100-PCIE-80GB', 4, 96, 880, 'NC A100 v4 series', 'nc-family/nca100v4-series'),
  // ── Azure ND A100 v4 / NDm A100 v4 / ND H100 v5 ────────────────────────
  azure('Standard_ND96asr_v4', 'A100-SXM4-40GB', 8, 96, 900, 'ND A100 v4 series', 'nd-family/nda100v4-series'),
  azure('Standard_ND96amsr_A100_v4', 'A100-SXM4-80GB', 8, 96, 1900, 'NDm A100 v4 series', 'nd-family/ndma100v4-series'),
  azure('Standard_ND96isr_H100_v5', 'H100-SXM5-80GB', 8, 96, 1900, 'ND H100 v5 series', 'nd-family/ndh100v5-series'),
  // ── Azure NC H100 v5 (H100 NVL) ────────────────────────────────────────
  azure('Standard_NC40ads_H100_v5', 'H100-NVL-94GB', 1, 40, 320, 'NCads H100 v5 series', 'nc-family/ncadsh100v5-series'),
  azure('Standard_NC80adis_H100_v5', 'H100-NVL-94GB', 2, 80, 640, 'NCads H100 v5 series', 'nc-family/ncadsh100v5-series'),
  // ── Azure NCasT4_v3 (T4) ───────────────────────────────────────────────
  azure('Standard_NC4as_T4_v3', 'T4', 1, 4, 28, 'NCasT4_v3 series', 'nc-family/ncast4v3-series'),
  azure('Standard_NC8as_T4_v3', 'T4', 1, 8, 56, 'NCasT4_v3 series', 'nc-family/ncast4v3-series'),
  azure('Standard_NC16as_T4_v3', 'T4', 1, 16, 110, 'NCasT4_v3 series', 'nc-family/ncast4v3-series'),
  azure('Standard_NC64as_T4_v3', 'T4', 4, 64, 440, 'NCasT4_v3 series', 'nc-family/ncast4v3-series'),
  // ── Azure NCv3 (V100 16GB) ─────────────────────────────────────────────
  azure('Standard_NC6s_v3', 'V100-PCIE-16GB', 1, 6, 112, 'NCv3 series', 'nc-family/ncv3-series'),
  azure('Standard_NC12s_v3', 'V100-PCIE-16GB', 2, 12, 224, 'NCv3 series', 'nc-family/ncv3-series'),
  azure('Standard_NC24s_v3', 'V100-PCIE-16GB', 4, 24, 448, 'NCv3 series', 'nc-family/ncv3-series'),
  azure('Standard_NC24rs_v3', 'V100-PCIE-16GB', 4, 24, 448, 'NCv3 series', 'nc-family/ncv3-series'),
  // ── Azure NVadsA10 v5 (A10), whole-GPU sizes only ──────────────────────
  azure('Standard_NV36ads_A10_v5', 'A10', 1, 36, 440, 'NVadsA10 v5 series', 'nv-family/nvadsa10v5-series'),
  azure('Standard_NV72ads_A10_v5', 'A10', 2, 72, 880, 'NVadsA10 v5 series', 'nv-family/nvadsa10v5-series'),
];
