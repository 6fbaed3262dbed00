import type { FactValue } from '../facts';

/** The precision a framework's spelling names (`bf16-mixed`, `torch.bfloat16`, `amp_bf16`, `nf4`), or null. */
export function normalisePrecision(raw: FactValue | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  const s = String(raw).toLowerCase();
  if (/bf16|bfloat16/.test(s)) return 'bf16';
  if (/fp8|float8/.test(s)) return 'fp8';
  if (/^16|fp16|float16|half|16-mixed|16-true/.test(s)) return 'fp16';
  if (/tf32/.test(s)) return 'tf32';
  // `torch.float` and `torch.double` are torch's names for float32 and float64 (torch.dtype docs).
  if (/^32|fp32|float32|^64|^(?:torch\.)?(?:float|double|float64)$/.test(s)) return 'fp32';
  if (/int8|8bit/.test(s)) return 'int8';
  if (/int4|4bit|nf4/.test(s)) return 'int4';
  return null;
}
