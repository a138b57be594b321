import type { JourneyKind } from '../subgraphs/shared/world/records.ts';

/**
 * How many matters a world of N people gets. Real volumes (DOMAIN.md): a
 * county centre of ~500,000 people takes ~4,000 disputes a year (0.8% per
 * person), an urban district more (Echeng 13,800). The world runs these
 * rates over a two-year window, a little above the county figure so a
 * 20,000-person world still has several hundred matters in every agency:
 * about 750 tickets, 500 incidents, 400 court cases, 450 legal-services
 * matters and 230 petitions, plus the journeys.
 */
export const WINDOW_DAYS = 730;

/** Expected matters per person per year, by generator. */
export const ANNUAL_RATES = {
  disputes: 0.016,
  petitions: 0.005,
  incidents: 0.012,
  courtCases: 0.0065,
  legalAid: 0.01,
} as const;

/** Urban districts generate more disputes and calls per person. */
export const URBAN_FACTOR = 1.3;

/** Journeys per person (whole world), with at least MIN_JOURNEYS of each kind. */
export const JOURNEY_RATES: Readonly<Record<JourneyKind, number>> = {
  WAGE_ARREARS: 0.0005,
  GRID_MEDIATION_CONFIRMATION: 0.0008,
  PETITION_REVIEW: 0.0004,
  ONE_SETTLEMENT_THREE_MATTERS: 0.0003,
  TRAFFIC_ACCIDENT: 0.0006,
  FAMILY_DISPUTE: 0.0006,
};

export const MIN_JOURNEYS = 3;
