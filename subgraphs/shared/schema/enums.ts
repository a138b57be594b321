import { registerEnumType } from 'type-graphql';

// The TypeScript side of the enums in schema/shared.graphql. The SDL file is
// the contract (with its descriptions); buildFederatedSchema checks that these
// values match it, so the two cannot drift apart.

export const Agency = {
  GRID: 'GRID',
  PETITIONS: 'PETITIONS',
  POLICE: 'POLICE',
  COURTS: 'COURTS',
  LEGAL_AID: 'LEGAL_AID',
} as const;
export type Agency = (typeof Agency)[keyof typeof Agency];
registerEnumType(Agency, { name: 'Agency' });

export const PartyRole = {
  APPLICANT: 'APPLICANT',
  RESPONDENT: 'RESPONDENT',
  PETITIONER: 'PETITIONER',
  COMPLAINANT: 'COMPLAINANT',
  REPORTER: 'REPORTER',
  VICTIM: 'VICTIM',
  SUSPECT: 'SUSPECT',
  WITNESS: 'WITNESS',
  PLAINTIFF: 'PLAINTIFF',
  DEFENDANT: 'DEFENDANT',
  APPELLANT: 'APPELLANT',
  APPELLEE: 'APPELLEE',
  THIRD_PARTY: 'THIRD_PARTY',
  AGENT: 'AGENT',
} as const;
export type PartyRole = (typeof PartyRole)[keyof typeof PartyRole];
registerEnumType(PartyRole, { name: 'PartyRole' });
