/**
 * Everyday equivalents of a run's footprint, each from a published factor. Driving and flying compare
 * CO2e; phone charges and household-days compare energy (kWh), so they do not depend on whose grid
 * the comparison assumes.
 */

export interface Equivalent {
  readonly text: string;
  readonly source: string;
}

/** A typical US passenger vehicle emits about 400 g CO2 per mile (≈ 249 g per km). */
const CAR_G_PER_KM = 400 / 1.609344;
const CAR_SOURCE =
  'US EPA, "Greenhouse Gas Emissions from a Typical Passenger Vehicle" (EPA-420-F-23-014, 2023): 400 g CO2 per mile';

/** One economy seat London Heathrow → New York JFK: 5,555 km great-circle × 0.150 kg CO2e per passenger-km (long-haul economy, radiative forcing included). */
const FLIGHT_KM = 5555;
const FLIGHT_KG_PER_PKM = 0.15;
const FLIGHT_KG = FLIGHT_KM * FLIGHT_KG_PER_PKM;
const FLIGHT_SOURCE =
  'UK DESNZ, "Greenhouse gas reporting: conversion factors 2024", condensed set, business travel – air: long-haul economy 0.150 kg CO2e per passenger-km with radiative forcing; LHR–JFK great-circle distance 5,555 km';

/** One smartphone charge: 14.46 Wh over a 24-hour charge less 22 h of maintenance at 0.13 W ≈ 0.012 kWh. */
const PHONE_KWH = 0.012;
const PHONE_SOURCE =
  'US EPA, Greenhouse Gas Equivalencies Calculator, "Calculations and References": smartphones charged, 0.012 kWh per charge';

/** An average US home used 10,649 kWh of electricity in 2019, ≈ 29.2 kWh per day. */
const HOME_KWH_PER_DAY = 10_649 / 365;
const HOME_SOURCE =
  'US EIA, "How much electricity does an American home use?" (FAQ): 10,649 kWh per residential customer in 2019';

function count(n: number, one: string, many: string): string {
  if (n >= 10) return `${Math.round(n).toLocaleString('en-US')} ${many}`;
  if (n >= 1) return `${n.toFixed(1)} ${n === 1 ? one : many}`;
  return `${n.toPrecision(1)} ${many}`;
}

function distance(km: number): string {
  if (km >= 10) return `${Math.round(km).toLocaleString('en-US')} km`;
  if (km >= 1) return `${km.toFixed(1)} km`;
  return `${Math.max(1, Math.round(km * 1000))} m`;
}

export function drivingEquivalent(co2eKg: number): Equivalent {
  return { text: `≈ ${distance((co2eKg * 1000) / CAR_G_PER_KM)} driven by car`, source: CAR_SOURCE };
}

export function flightEquivalent(co2eKg: number): Equivalent {
  const seats = co2eKg / FLIGHT_KG;
  const text =
    seats >= 0.1
      ? `≈ ${count(seats, 'economy seat', 'economy seats')} London → New York`
      : `≈ ${distance(co2eKg / FLIGHT_KG_PER_PKM)} of a long-haul economy flight`;
  return { text, source: FLIGHT_SOURCE };
}

export function phoneChargeEquivalent(energyKWh: number): Equivalent {
  return { text: `≈ ${count(energyKWh / PHONE_KWH, 'smartphone charge', 'smartphone charges')}`, source: PHONE_SOURCE };
}

export function householdEquivalent(energyKWh: number): Equivalent {
  const days = energyKWh / HOME_KWH_PER_DAY;
  const hours = days * 24;
  const span =
    days >= 1
      ? count(days, 'day', 'days')
      : hours >= 1
        ? `${Math.round(hours)} h`
        : `${Math.max(1, Math.round(hours * 60))} min`;
  const text = `≈ ${span} of a US home's electricity`;
  return { text, source: HOME_SOURCE };
}

/** All four, in the order people find them easiest to picture. */
export function equivalents(co2eKg: number, energyKWh: number): Equivalent[] {
  return [
    drivingEquivalent(co2eKg),
    flightEquivalent(co2eKg),
    phoneChargeEquivalent(energyKWh),
    householdEquivalent(energyKWh),
  ];
}
