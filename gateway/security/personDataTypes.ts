/**
 * The types whose objects are about a person (README "Security", Purpose):
 * an operation that selects a field returning one of them (or a list of
 * them, or an interface or union one of them implements) reads person data,
 * so it must state a purpose and is audited. Matters are about their
 * parties; a risk alert names a person; a household lists its members.
 * A foreign supergraph without these types never reads person data.
 */
export const PERSON_DATA_TYPES: ReadonlySet<string> = new Set([
  'Person',
  'Party',
  'Household',
  'RiskAlert',
  'Matter',
  'Dispute',
  'Petition',
  'PoliceIncident',
  'CourtCase',
  'LegalAidCase',
]);
