import type { AuthorizationIndex, Requirements } from './buildAuthorizationIndex.ts';
import { policyNamed } from './policies.ts';
import type { Principal } from './Principal.ts';

/** What one user may see under one supergraph's directives. */
export interface Access {
  allows(requirements: Requirements | undefined): boolean;
  /**
   * Everything the decisions depend on, as a string: whether the user is
   * authenticated, which of the supergraph's scopes they hold, which of its
   * policies hold. Two users with the same key get the same rewrite.
   */
  readonly key: string;
}

// Per supergraph (its index), per verified principal. authenticate() freezes
// a principal and hands the same one back for a token it remembers, and
// policies decide from the claims alone, so the access of a frozen principal
// never changes; an unfrozen one (built by hand) is evaluated every time.
const remembered = new WeakMap<AuthorizationIndex, WeakMap<Principal, Access>>();

/**
 * The user's access: scopes from the token, policies evaluated for the names
 * the supergraph uses (policies.ts; unknown names are denied), once per
 * principal and supergraph. Without a principal (no token) nothing
 * protected is allowed.
 */
export function accessFor(principal: Principal | undefined, index: AuthorizationIndex): Access {
  if (principal === undefined || !Object.isFrozen(principal)) return evaluate(principal, index);
  let byPrincipal = remembered.get(index);
  if (byPrincipal === undefined) remembered.set(index, (byPrincipal = new WeakMap()));
  let access = byPrincipal.get(principal);
  if (access === undefined) byPrincipal.set(principal, (access = evaluate(principal, index)));
  return access;
}

function evaluate(principal: Principal | undefined, index: AuthorizationIndex): Access {
  const scopes = new Set(principal?.scopes ?? []);
  const policies = new Map<string, boolean>();
  for (const name of index.policyNames) {
    const policy = principal ? policyNamed(name) : undefined;
    let granted = false;
    try {
      granted = policy !== undefined && principal !== undefined && policy(principal) === true;
    } catch {
      granted = false; // a policy that throws denies
    }
    policies.set(name, granted);
  }
  const authenticated = principal !== undefined;
  const key = `${authenticated ? 'A' : '-'}|${index.scopeNames.filter((s) => scopes.has(s)).join(' ')}|${index.policyNames.map((p) => (policies.get(p) ? '1' : '0')).join('')}`;

  const anySet = (sets: readonly (readonly string[])[], holds: (name: string) => boolean) => sets.some((set) => set.every(holds));
  return {
    key,
    allows(requirements) {
      if (!requirements) return true;
      if (requirements.authenticated && !authenticated) return false;
      if (!requirements.scopes.every((sets) => anySet(sets, (s) => scopes.has(s)))) return false;
      return requirements.policies.every((sets) => anySet(sets, (p) => policies.get(p) === true));
    },
  };
}
