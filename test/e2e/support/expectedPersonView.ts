import type { LoadedWorld } from '../../unit/world/loadWorld.ts';

export interface ExpectedPersonView {
  disputes: string[];
  petitions: string[];
  policeIncidents: string[];
  courtCases: string[];
  legalAidCases: string[];
  /** Every matter on the person's timeline, newest first is checked separately. */
  timeline: string[];
  /** For each timeline matter, its related matters (links in both directions). */
  related: Map<string, string[]>;
}

/**
 * What the agencies hold for a person, computed straight from the world
 * files: the answer the person view must give, no more, no fewer. Accusers
 * (petitions) and suspects (police) are left out of the slices and the
 * registry by design (DESIGN.md, DOMAIN.md privacy rules).
 */
export function expectedPersonView(world: LoadedWorld, idNumber: string): ExpectedPersonView {
  const slices: Record<string, string[]> = { GRID: [], PETITIONS: [], POLICE: [], COURTS: [], LEGAL_AID: [] };
  for (const [code, { agency, record }] of world.matters) {
    const roles = record.parties.filter((p) => p.idNumber === idNumber).map((p) => p.role);
    const visible = roles.filter((r) => !(agency === 'PETITIONS' && r === 'COMPLAINANT') && !(agency === 'POLICE' && r === 'SUSPECT'));
    if (visible.length > 0) slices[agency]!.push(code);
  }
  const adjacency = new Map<string, Set<string>>();
  const link = (a: string, b: string) => {
    if (a === b || !world.matters.has(a) || !world.matters.has(b)) return;
    if (!adjacency.has(a)) adjacency.set(a, new Set());
    if (!adjacency.has(b)) adjacency.set(b, new Set());
    adjacency.get(a)!.add(b);
    adjacency.get(b)!.add(a);
  };
  for (const [code, { record }] of world.matters) for (const l of record.links) link(code, l.caseCode);
  for (const l of world.centreLinks) link(l.from, l.to);
  const timeline = Object.values(slices).flat();
  const sorted = (list: string[]) => [...list].sort();
  return {
    disputes: sorted(slices.GRID!),
    petitions: sorted(slices.PETITIONS!),
    policeIncidents: sorted(slices.POLICE!),
    courtCases: sorted(slices.COURTS!),
    legalAidCases: sorted(slices.LEGAL_AID!),
    timeline: sorted(timeline),
    related: new Map(timeline.map((c) => [c, sorted([...(adjacency.get(c) ?? [])])])),
  };
}

/** The person-view operation the e2e tests send (all five agencies and the registry). */
export const PERSON_VIEW = `query PersonView($idNumber: String!) {
  personByIdNumber(idNumber: $idNumber) {
    id name idNumberMasked
    disputes { caseCode title status }
    petitions { caseCode title status }
    policeIncidents { caseCode incidentNumber status }
    courtCases { caseCode caseNumber procedure }
    legalAidCases { caseCode kind status }
    timeline(first: 100) {
      totalCount
      nodes { __typename caseCode agency summary { title status openedAt overdue } related { caseCode } }
    }
  }
}`;
