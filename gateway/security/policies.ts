import type { Principal } from './Principal.ts';

/** A policy decides from the verified claims alone (no I/O: it runs on every request). */
export type Policy = (principal: Principal) => boolean;

/**
 * The `@policy(policies: [[...]])` names the gateway knows (README
 * "Security", Policies). Exact names first, then parametric ones by prefix:
 *
 * - `agency:<CODE>`: the user's agency is CODE (`agency:POLICE`).
 * - `role:<name>`: the user has the role (`role:auditor`, `role:supervisor`).
 * - `jurisdiction:<code>`: the user's jurisdiction covers that division
 *   (`jurisdiction:420923` holds for users of 420000, 420900 or 420923, not
 *   for a town user of 420923100).
 *
 * An unknown name is false: denied by default, as Router denies a policy its
 * coprocessor does not grant.
 */
export const POLICIES: ReadonlyMap<string, Policy> = new Map<string, Policy>([
  // Everyone holding a verified token (the same as @authenticated, for policy lists).
  ['authenticated', () => true],
]);

const PARAMETRIC: readonly [prefix: string, make: (argument: string) => Policy][] = [
  ['agency:', (agency) => (p) => p.agency !== '' && p.agency === agency],
  ['role:', (role) => (p) => p.roles.includes(role)],
  ['jurisdiction:', (code) => (p) => p.jurisdiction.some((mine) => covers(mine, code))],
];

/** The policy of that name, or undefined when the gateway does not know it (then it is denied). */
export function policyNamed(name: string): Policy | undefined {
  const exact = POLICIES.get(name);
  if (exact) return exact;
  for (const [prefix, make] of PARAMETRIC) {
    if (name.startsWith(prefix) && name.length > prefix.length) return make(name.slice(prefix.length));
  }
  return undefined;
}

/** Whether a division code covers another: 420900 (a city, "4209") covers 420923 and 420923100. */
function covers(mine: string, other: string): boolean {
  const significant = mine.length === 6 ? mine.replace(/(00)+$/, '') : mine;
  return other.startsWith(significant);
}
