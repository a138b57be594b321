// Subgraphs answer only GraphQL requests carrying a user context signed by
// the gateway (issue 6). E2E tests that call a subgraph directly, or put a
// stock @apollo/gateway in front of the subgraphs, sign one as our gateway
// would, with its signer and its development key.
import type { Principal } from '../../../gateway/security/Principal.ts';
import { signUserContext } from '../../../gateway/security/signUserContext.ts';
import { USER_CONTEXT_HEADER } from '../../../subgraphs/shared/security/userContext.ts';

/**
 * The user e2e tests act as unless they say otherwise: centre staff of all
 * of Hubei (420000), so every seeded record is inside the jurisdiction.
 * Subgraphs do not enforce `@policy` (the gateway does), so the agency only
 * labels the steps this user takes.
 */
export function e2ePrincipal(over: Partial<Principal> = {}): Principal {
  return {
    userId: 'e2e.tester',
    name: '系统测试',
    agency: 'GRID',
    roles: ['case_handler'],
    scopes: [],
    jurisdiction: ['420000'],
    expiresAt: Math.floor(Date.now() / 1000) + 3600,
    ...over,
  };
}

/** The header a direct subgraph call needs: a fresh context (it lives 60 s) signed for the user. */
export async function signedContextHeaders(principal: Principal = e2ePrincipal(), options: { now?: Date } = {}): Promise<Record<string, string>> {
  return { [USER_CONTEXT_HEADER]: await signUserContext(principal, { purpose: 'reason:e2e test', ...options }) };
}
