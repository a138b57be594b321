import { describe, expect, it } from 'vitest';
import {
  AGENCIES,
  AGENCY_CODES,
  AGENCY_OF_CODE,
  MATTER_TYPENAMES,
  SUBGRAPH_NAMES,
  agencyOfCode,
  isAgency,
  isAgencyCode,
} from '../../../../../subgraphs/shared/codes/agency.ts';

describe('agency tables', () => {
  it('lists the agencies in contract order', () => {
    expect(AGENCIES).toEqual(['GRID', 'PETITIONS', 'POLICE', 'COURTS', 'LEGAL_AID']);
  });

  it('maps agencies to codes, matter types and subgraphs', () => {
    expect(AGENCIES.map((a) => [AGENCY_CODES[a], MATTER_TYPENAMES[a], SUBGRAPH_NAMES[a]])).toEqual([
      ['ZZ', 'Dispute', 'grid'],
      ['XF', 'Petition', 'petitions'],
      ['GA', 'PoliceIncident', 'police'],
      ['FY', 'CourtCase', 'courts'],
      ['SF', 'LegalAidCase', 'legalaid'],
    ]);
  });

  it('maps codes back to agencies for every agency', () => {
    for (const agency of AGENCIES) {
      expect(agencyOfCode(AGENCY_CODES[agency])).toBe(agency);
      expect(AGENCY_OF_CODE[AGENCY_CODES[agency]]).toBe(agency);
    }
    expect(Object.keys(AGENCY_OF_CODE)).toHaveLength(5);
  });

  it('rejects unknown codes and agencies, including prototype keys and lower case', () => {
    expect(agencyOfCode('xf')).toBeUndefined();
    expect(agencyOfCode('QQ')).toBeUndefined();
    expect(agencyOfCode('toString')).toBeUndefined();
    expect(isAgencyCode('FY')).toBe(true);
    expect(isAgencyCode('constructor')).toBe(false);
    expect(isAgency('LEGAL_AID')).toBe(true);
    expect(isAgency('Grid')).toBe(false);
  });
});
