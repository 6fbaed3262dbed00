/** Everyday equivalents of a CO2e figure, each from a published factor. */

export interface Equivalent {
  readonly text: string;
  readonly source: string;
}

/** A typical US passenger vehicle emits about 400 g CO2 per mile (≈ 249 g per km). */
const CAR_G_PER_KM = 400 / 1.609344;
const CAR_SOURCE = 'US EPA, "Greenhouse Gas Emissions from a Typical Passenger Vehicle" (EPA-420-F-23-014, 2023): 400 g CO2 per mile';

export function drivingEquivalent(co2eKg: number): Equivalent {
  const km = (co2eKg * 1000) / CAR_G_PER_KM;
  const text = km >= 10 ? `≈ ${Math.round(km).toLocaleString('en-US')} km driven by car` : km >= 0.1 ? `≈ ${km.toFixed(1)} km driven by car` : `≈ ${Math.max(1, Math.round(km * 1000))} m driven by car`;
  return { text, source: CAR_SOURCE };
}
