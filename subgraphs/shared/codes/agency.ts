/**
 * The five agencies behind the single window and the names each of them
 * goes by in the federation contract (DESIGN.md, "The federation contract"):
 * the `Agency` enum value, the two-letter code in case codes, the GraphQL
 * type of its matters and the name of its subgraph. Everything that routes
 * by agency derives from these tables so the names cannot drift apart.
 */

/** The `Agency` enum of the shared schema. */
export type Agency = 'GRID' | 'PETITIONS' | 'POLICE' | 'COURTS' | 'LEGAL_AID';

/**
 * Agency part of a case code: ZZ 综治 (the centre / grid), XF 信访
 * (petitions), GA 公安 (police), FY 法院 (courts), SF 司法 (legal aid and
 * people's mediation).
 */
export type AgencyCode = 'ZZ' | 'XF' | 'GA' | 'FY' | 'SF';

/** GraphQL type name of each agency's `Matter` implementation. */
export type MatterTypename = 'Dispute' | 'Petition' | 'PoliceIncident' | 'CourtCase' | 'LegalAidCase';

/** Subgraph (service) name of each agency in the supergraph. */
export type SubgraphName = 'grid' | 'petitions' | 'police' | 'courts' | 'legalaid';

/** All agencies, in the contract's order. */
export const AGENCIES: readonly Agency[] = ['GRID', 'PETITIONS', 'POLICE', 'COURTS', 'LEGAL_AID'];

export const AGENCY_CODES: Readonly<Record<Agency, AgencyCode>> = {
  GRID: 'ZZ',
  PETITIONS: 'XF',
  POLICE: 'GA',
  COURTS: 'FY',
  LEGAL_AID: 'SF',
};

export const AGENCY_OF_CODE: Readonly<Record<AgencyCode, Agency>> = {
  ZZ: 'GRID',
  XF: 'PETITIONS',
  GA: 'POLICE',
  FY: 'COURTS',
  SF: 'LEGAL_AID',
};

export const MATTER_TYPENAMES: Readonly<Record<Agency, MatterTypename>> = {
  GRID: 'Dispute',
  PETITIONS: 'Petition',
  POLICE: 'PoliceIncident',
  COURTS: 'CourtCase',
  LEGAL_AID: 'LegalAidCase',
};

export const SUBGRAPH_NAMES: Readonly<Record<Agency, SubgraphName>> = {
  GRID: 'grid',
  PETITIONS: 'petitions',
  POLICE: 'police',
  COURTS: 'courts',
  LEGAL_AID: 'legalaid',
};

/** Whether a string is one of the five agency codes (exact, upper case). */
export function isAgencyCode(code: string): code is AgencyCode {
  return Object.hasOwn(AGENCY_OF_CODE, code);
}

/** Whether a string is one of the five `Agency` enum values. */
export function isAgency(value: string): value is Agency {
  return Object.hasOwn(AGENCY_CODES, value);
}

/** The agency of a two-letter code, or undefined for anything else. */
export function agencyOfCode(code: string): Agency | undefined {
  return isAgencyCode(code) ? AGENCY_OF_CODE[code] : undefined;
}
