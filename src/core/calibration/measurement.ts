/**
 * A measured run: what a tracker (CodeCarbon) or a model card recorded after
 * the fact. Fields the source does not record are null.
 */
export interface Measurement {
  readonly kind: 'codecarbon' | 'model-card';
  /** As displayed (relative to the scanned folder). */
  readonly file: string;
  /** 1-based line of the row (CodeCarbon) or of the `co2_eq_emissions` key (model card). */
  readonly line: number;
  /** CodeCarbon's project_name (its default is "codecarbon"); a model card's model name. */
  readonly projectName: string | null;
  readonly runId: string | null;
  readonly timestamp: string | null;
  readonly durationHours: number | null;
  /** Operational emissions as measured: energy × the grid intensity the tracker used. */
  readonly co2eKg: number;
  /** Energy the tracker counted (CPU + GPU + RAM for CodeCarbon), kWh. */
  readonly energyKWh: number | null;
  /** The PUE the tracker applied, when it says (CodeCarbon ≥ 2.3 writes a pue column). */
  readonly pue: number | null;
  readonly gpuModel: string | null;
  readonly gpuCount: number | null;
  /** Catalog id of gpuModel when it is a known accelerator. */
  readonly acceleratorId: string | null;
  readonly location: string | null;
  /** Model cards: how the figure was obtained, as the card says. */
  readonly note?: string;
}

/** Files that may hold measurements: CodeCarbon's default name and variants, and model cards. */
export function isMeasurementFile(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  return (name.endsWith('.csv') && name.includes('emissions')) || name === 'readme.md';
}
