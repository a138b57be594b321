import { describe, expect, it } from 'vitest';
import { createContextSigner } from '../../../../../gateway/security/createContextSigner.ts';
import { DEV_CONTEXT_PRIVATE_JWK } from '../../../../../gateway/security/devContextKey.ts';
import { ManualClock } from '../../../../../subgraphs/shared/clock.ts';
import { createContextVerifier } from '../../../../../subgraphs/shared/security/createContextVerifier.ts';
import { DEV_CONTEXT_PUBLIC_JWK } from '../../../../../subgraphs/shared/security/devContextPublicKey.ts';
import { testPrincipal } from '../../../../support/testPrincipal.ts';

describe('createContextVerifier: contexts verified before', () => {
  it('knows a context at once only after verifying it, and only while it is fresh', async () => {
    const clock = new ManualClock('2026-11-01T08:00:00+08:00');
    const sign = await createContextSigner({ ...DEV_CONTEXT_PRIVATE_JWK }, { now: () => clock.now() });
    const verify = await createContextVerifier({ ...DEV_CONTEXT_PUBLIC_JWK }, clock);
    const [a, b] = ['li', 'wang'].map((userId) => sign({ principal: testPrincipal('police', { userId }), purpose: null }));
    expect(verify.known(a!)).toBeUndefined();
    const user = await verify(a!);
    expect(user.userId).toBe('li');
    expect(verify.known(a!)).toBe(user);
    expect((await verify(b!)).userId).toBe('wang');
    expect(verify.known(a!)).toBe(user); // from the LRU behind the last one
    expect(verify.known(`${a}x`)).toBeUndefined();
    clock.advance(61_000);
    expect(verify.known(a!)).toBeUndefined();
    await expect(verify(a!)).rejects.toThrow();
  });

  it('remembers nothing with no cache entries', async () => {
    const clock = new ManualClock('2026-11-01T08:00:00+08:00');
    const sign = await createContextSigner({ ...DEV_CONTEXT_PRIVATE_JWK }, { now: () => clock.now() });
    const verify = await createContextVerifier({ ...DEV_CONTEXT_PUBLIC_JWK }, clock, { cacheEntries: 0 });
    const token = sign({ principal: testPrincipal('police'), purpose: null });
    await verify(token);
    expect(verify.known(token)).toBeUndefined();
  });
});
