import type { FactKind } from '../facts';

/**
 * Composer time strings (docs.mosaicml.com, composer.Time / TimeUnit): `ep` epochs, `ba`
 * batches (optimizer steps), `sp` samples, `tok` tokens, `dur` a fraction of another duration.
 */
export function parseComposerDuration(text: string): { kind: FactKind; value: number; unit: string } | null {
  // Trimmed first, and no duration is long: `\s*([kmbt])?\s*` on a long run of blanks was quadratic.
  const trimmed = text.trim();
  const m = trimmed.length > 64 ? null : /^(\d[\d_]*(?:\.\d+)?(?:e\d+)?)\s*([kmbt])?\s*(ep|ba|sp|tok)$/i.exec(trimmed);
  if (!m) return null;
  const scale = m[2] ? { k: 1e3, m: 1e6, b: 1e9, t: 1e12 }[m[2].toLowerCase() as 'k' | 'm' | 'b' | 't'] : 1;
  const value = Number(m[1].replace(/_/g, '')) * scale;
  if (!(value > 0) || !Number.isFinite(value)) return null;
  const unit = m[3].toLowerCase();
  const kind: FactKind =
    unit === 'ep'
      ? 'training.epochs'
      : unit === 'ba'
        ? 'training.steps'
        : unit === 'tok'
          ? 'training.tokens'
          : 'training.datasetSamples';
  return { kind, value, unit };
}
