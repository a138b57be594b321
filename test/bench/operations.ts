import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SubgraphName } from '../../schema/subgraphList.ts';
import { createPersonTokenizer, DEV_FEDERATION_SECRET } from '../../subgraphs/shared/identity/personToken.ts';
import type { JourneyRecord } from '../../subgraphs/shared/world/records.ts';
import { PERSON_VIEW } from '../e2e/support/expectedPersonView.ts';

export interface BenchOperation {
  /** Stable id: `--only`, result files and tables use it. */
  id: string;
  label: string;
  query: string;
  operationName: string;
  variables: Record<string, unknown>;
  /** Connections of this load when not the run's default (the person-view p99 load). */
  connections?: number;
  /** The one subgraph that answers it alone: the ceiling sends it there directly. */
  passThrough?: SubgraphName;
  /** What `x-access-purpose` states: the case the handler is working on. */
  purpose: string;
  /** The county the request's person and matters are in (the demo user's jurisdiction). */
  county: string;
}

const TIMELINE = `query TimelinePage($id: ID!) {
  person(id: $id) {
    id name
    timeline(first: 20) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { __typename caseCode agency summary { title category status openedAt closedAt dueAt overdue } }
    }
  }
}`;

const MATTER = `query MatterByCode($caseCode: ID!) {
  matter(caseCode: $caseCode) {
    __typename caseCode agency
    summary { title category status openedAt closedAt dueAt overdue }
    related { __typename caseCode agency summary { title status } }
    ... on CourtCase {
      caseNumber procedure status causeOfAction claimAmount judge receivedAt filedAt dueAt overdue
      court { code name }
      hearings { at kind place }
      origin { __typename caseCode summary { title status } }
    }
  }
}`;

const SEARCH = `query SearchPersons($name: String!) {
  searchPersons(name: $name, first: 20) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes { id name gender age idNumberMasked town { code name } gridCell { code name } }
  }
}`;

const PASS_THROUGH = `query PoliceIncident($caseCode: ID!) {
  policeIncident(caseCode: $caseCode) {
    caseCode incidentNumber status title place station receivedAt
  }
}`;

/**
 * The bench's operations, each a fixed realistic request picked
 * deterministically from the world: the protagonist of the first complete
 * wage-arrears journey (a 110 call that ends in court enforcement, so every
 * agency holds something of theirs), that journey's court case and police
 * incident, and the most common surname. The person view is loaded twice:
 * at the run's connections and at the p99 target's.
 */
export function benchOperations(worldDir: string, p99Connections: number): BenchOperation[] {
  const journeys = JSON.parse(readFileSync(join(worldDir, 'journeys.json'), 'utf8')) as JourneyRecord[];
  const journey = journeys.find((j) => j.kind === 'WAGE_ARREARS' && j.complete) ?? journeys.find((j) => j.complete);
  if (!journey) throw new Error(`no complete journey in ${worldDir}/journeys.json`);
  const code = (agency: string) => journey.caseCodes.find((c) => c.includes(`-${agency}-`));
  const idNumber = journey.persons[0]!;
  // The token every agency derives (development federation secret, as the bench's subgraphs run).
  const personId = createPersonTokenizer(DEV_FEDERATION_SECRET)(idNumber);
  const courtCase = code('FY') ?? journey.caseCodes.at(-1)!;
  const incident = code('GA') ?? journey.caseCodes[0]!;
  const base = { purpose: journey.caseCodes[0]!, county: journey.county };
  const personView = { label: 'person view (5 agencies)', query: PERSON_VIEW, operationName: 'PersonView', variables: { idNumber }, ...base };
  return [
    { id: 'person-view', ...personView },
    { id: 'timeline', label: 'timeline page', query: TIMELINE, operationName: 'TimelinePage', variables: { id: personId }, ...base },
    { id: 'matter', label: 'matter by code', query: MATTER, operationName: 'MatterByCode', variables: { caseCode: courtCase }, ...base },
    { id: 'search', label: 'person search 王', query: SEARCH, operationName: 'SearchPersons', variables: { name: '王' }, ...base },
    { id: 'pass-through', label: 'pass-through (police)', query: PASS_THROUGH, operationName: 'PoliceIncident', variables: { caseCode: incident }, passThrough: 'police', ...base },
    { id: `person-view@${p99Connections}`, ...personView, label: `person view @${p99Connections} conn.`, connections: p99Connections },
  ];
}

export const OPERATION_IDS = ['person-view', 'timeline', 'matter', 'search', 'pass-through'] as const;

/** Refuses an unknown `--only` before anything is generated or started. */
export function checkOperationIds(only: readonly string[], p99Connections: number): void {
  const known = [...OPERATION_IDS, `person-view@${p99Connections}`];
  const unknown = only.filter((o) => !known.includes(o));
  if (unknown.length > 0) throw new RangeError(`unknown operation ${unknown.join(', ')}; known: ${known.join(', ')}`);
}

/** `--only person-view` takes both person-view loads; an exact id takes one. */
export function selectOperations(all: BenchOperation[], only: readonly string[]): BenchOperation[] {
  if (only.length === 0) return all;
  return all.filter((op) => only.includes(op.id) || only.includes(op.id.split('@')[0]!));
}
