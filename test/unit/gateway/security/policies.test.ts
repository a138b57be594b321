import { describe, expect, it } from 'vitest';
import { policyNamed } from '../../../../gateway/security/policies.ts';
import type { Principal } from '../../../../gateway/security/Principal.ts';

const principal = (over: Partial<Principal>): Principal => ({ userId: 'u', name: 'u', agency: '', roles: [], scopes: [], jurisdiction: [], expiresAt: 0, ...over });

describe('policies', () => {
  it('agency:<CODE> and role:<name>', () => {
    expect(policyNamed('agency:GRID')!(principal({ agency: 'GRID' }))).toBe(true);
    expect(policyNamed('agency:GRID')!(principal({ agency: 'POLICE' }))).toBe(false);
    expect(policyNamed('agency:')).toBeUndefined();
    expect(policyNamed('role:auditor')!(principal({ roles: ['auditor'] }))).toBe(true);
    expect(policyNamed('role:auditor')!(principal({ roles: ['supervisor'] }))).toBe(false);
  });

  it('jurisdiction:<code> holds when the user\'s jurisdiction covers the division', () => {
    const covers = policyNamed('jurisdiction:420923')!;
    expect(covers(principal({ jurisdiction: ['420900'] }))).toBe(true);
    expect(covers(principal({ jurisdiction: ['420000'] }))).toBe(true);
    expect(covers(principal({ jurisdiction: ['420923'] }))).toBe(true);
    expect(covers(principal({ jurisdiction: ['420923100'] }))).toBe(false);
    expect(covers(principal({ jurisdiction: ['420902'] }))).toBe(false);
  });

  it('an unknown name is not a policy (denied)', () => {
    expect(policyNamed('isSuperUser')).toBeUndefined();
  });
});
