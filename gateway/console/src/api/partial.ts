import type { Agency } from '../gql/graphql.ts';
import { isOutage, type GraphQLErrorItem, type Outcome } from './client.ts';

export const WITHHELD_CODE = 'UNAUTHORIZED_FIELD_OR_TYPE';
const AGENCIES: readonly Agency[] = ['GRID', 'PETITIONS', 'POLICE', 'COURTS', 'LEGAL_AID'];

const names = (path: readonly (string | number)[]) => path.filter((p): p is string => typeof p === 'string');

/**
 * Whether the field at `path` (response keys; list positions are ignored, as
 * the gateway reports them) was withheld from this user: the gateway removed
 * it or one of its parents and said so with UNAUTHORIZED_FIELD_OR_TYPE.
 */
export function isWithheld(outcome: Outcome<unknown> | null | undefined, path: readonly (string | number)[]): boolean {
  if (!outcome) return false;
  const wanted = names(path);
  return outcome.errors.some((e) => {
    if (e.extensions?.code !== WITHHELD_CODE || !e.path) return false;
    const removed = names(e.path);
    return removed.length <= wanted.length && removed.every((key, i) => wanted[i] === key);
  });
}

/** The agencies whose systems did not answer (SUBGRAPH_UNAVAILABLE, _TIMEOUT, _BAD_RESPONSE name them). */
export function unavailableAgencies(outcome: Outcome<unknown> | null | undefined): Set<Agency> {
  const out = new Set<Agency>();
  for (const e of outcome?.errors ?? []) {
    const agency = e.extensions?.agency;
    if (isOutage(e) && typeof agency === 'string' && (AGENCIES as readonly string[]).includes(agency)) out.add(agency as Agency);
  }
  return out;
}

/** Errors that are neither a withheld field nor an agency outage. */
export function otherErrors(outcome: Outcome<unknown> | null | undefined): GraphQLErrorItem[] {
  return (outcome?.errors ?? []).filter((e) => e.extensions?.code !== WITHHELD_CODE && !isOutage(e));
}
