// The user subgraph tests act as: what the gateway would have verified and
// signed for them (gateway/security/Principal.ts).
import type { Principal } from '../../gateway/security/Principal.ts';
import type { SubgraphName } from '../../schema/subgraphList.ts';
import { Scope } from '../../subgraphs/shared/schema/scopes.ts';

/** Each subgraph's own agency: its mutations' `@policy` would grant it (the gateway enforces that, not the subgraph). */
export const AGENCY_OF: Readonly<Record<SubgraphName, string>> = {
  grid: 'GRID',
  petitions: 'PETITIONS',
  police: 'POLICE',
  courts: 'COURTS',
  legalaid: 'LEGAL_AID',
};

/**
 * A test user of the subgraph's agency who sees all of Hubei (420000), so
 * jurisdiction filtering leaves every seeded record visible unless a test
 * says otherwise. `name` is what steps record as their actor.
 */
export function testPrincipal(subgraph: SubgraphName, over: Partial<Principal> = {}): Principal {
  return {
    userId: 'tester',
    name: 'tester',
    agency: AGENCY_OF[subgraph],
    roles: ['tester'],
    scopes: Object.values(Scope),
    jurisdiction: ['420000'],
    expiresAt: Math.floor(Date.now() / 1000) + 3600,
    ...over,
  };
}
