/**
 * Parameters of a DLRM (Naumov et al. 2019, "Deep Learning Recommendation Model for Personalization and
 * Recommendation Systems", arXiv:1906.00091): one embedding table per sparse feature, a bottom MLP over the dense
 * features, the pairwise interaction of the dense output with the embeddings, and a top MLP over that.
 *
 * The reference implementation's flags (github.com/facebookresearch/dlrm, dlrm_s_pytorch.py `run()`):
 * `--arch-sparse-feature-size` (embedding width), `--arch-embedding-size` (rows per table, dash-separated),
 * `--arch-mlp-bot` (bottom MLP widths, the dense input first), `--arch-mlp-top` (top MLP widths without its input),
 * `--arch-interaction-op` (`dot` or `cat`) and `--arch-interaction-itself`. Its top MLP's input is worked out there:
 * with F = tables + 1 features and the bottom MLP's output width m, `dot` gives F(F−1)/2 + m (F(F+1)/2 + m when a
 * feature interacts with itself) and `cat` gives F·m.
 */

/** Widths of a dash- or comma-separated list flag (`4-3-2`, `512,256,64`); undefined unless every part is a number. */
export function layerWidths(text: string): number[] | undefined {
  if (text.length > 20_000) return undefined;
  const parts = text.trim().split(/[-,]/);
  if (parts.length === 0 || parts.length > 1000) return undefined;
  const widths = parts.map((p) => (/^\d{1,12}$/.test(p.trim()) ? Number(p.trim()) : NaN));
  return widths.every((w) => Number.isFinite(w) && w > 0) ? widths : undefined;
}

/** Weights and biases of an MLP through the given widths (input first). */
export function mlpParams(widths: readonly number[]): number {
  let total = 0;
  for (let i = 1; i < widths.length; i++) total += widths[i - 1] * widths[i] + widths[i];
  return total;
}

export interface DlrmArchitecture {
  /** Embedding width (`--arch-sparse-feature-size`). */
  readonly sparseFeatureSize: number;
  /** Rows of each embedding table (`--arch-embedding-size`). */
  readonly tableRows: readonly number[];
  /** Bottom MLP widths, the dense input first (`--arch-mlp-bot`). */
  readonly bottom: readonly number[];
  /** Top MLP widths after its input (`--arch-mlp-top`). */
  readonly top: readonly number[];
  /** `--arch-interaction-op`: `dot` (the default) or `cat`. */
  readonly interaction: string;
  /** `--arch-interaction-itself`. */
  readonly itself: boolean;
}

/** The reference DLRM's parameter count, or undefined when the interaction is one it does not define. */
export function dlrmParams(a: DlrmArchitecture): number | undefined {
  const features = a.tableRows.length + 1;
  const denseOut = a.bottom[a.bottom.length - 1];
  let interactions: number;
  if (a.interaction === 'dot')
    interactions = (a.itself ? (features * (features + 1)) / 2 : (features * (features - 1)) / 2) + denseOut;
  else if (a.interaction === 'cat') interactions = features * denseOut;
  else return undefined;
  const embeddings = a.tableRows.reduce((s, r) => s + r, 0) * a.sparseFeatureSize;
  return embeddings + mlpParams(a.bottom) + mlpParams([interactions, ...a.top]);
}

/**
 * TorchRec's DLRM (github.com/pytorch/torchrec, torchrec/models/dlrm.py `DLRM`): embedding tables of width D, a dense
 * arch over the dense features, and an over arch whose input is D + C(F, 2) + F for F sparse features
 * (`over_in_features = embedding_dim + choose(num_sparse_features, 2) + num_sparse_features`).
 */
export function torchrecDlrmParams(
  embeddingDim: number,
  tableRows: readonly number[],
  denseIn: number,
  dense: readonly number[],
  over: readonly number[],
): number | undefined {
  if (dense[dense.length - 1] !== embeddingDim) return undefined;
  const f = tableRows.length;
  const overIn = embeddingDim + (f * (f - 1)) / 2 + f;
  return (
    tableRows.reduce((s, r) => s + r, 0) * embeddingDim + mlpParams([denseIn, ...dense]) + mlpParams([overIn, ...over])
  );
}
