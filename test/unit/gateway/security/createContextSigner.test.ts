// The gateway's signer against the verifier the subgraphs use
// (subgraphs/shared/security/createContextVerifier.ts): what one signs the
// other accepts; stale, tampered or foreign contexts are refused. The
// gateway signs with node:crypto and reuses a context per user and purpose
// while it is fresh; jose verifies.
import { decodeProtectedHeader, exportPKCS8, generateKeyPair, importJWK, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { createContextSigner } from '../../../../gateway/security/createContextSigner.ts';
import { DEV_CONTEXT_PRIVATE_JWK } from '../../../../gateway/security/devContextKey.ts';
import { demoPrincipal } from '../../../../gateway/security/demoUsers.ts';
import { signUserContext } from '../../../../gateway/security/signUserContext.ts';
import { ManualClock } from '../../../../subgraphs/shared/clock.ts';
import { createContextVerifier } from '../../../../subgraphs/shared/security/createContextVerifier.ts';
import { DEV_CONTEXT_PUBLIC_JWK } from '../../../../subgraphs/shared/security/devContextPublicKey.ts';
import { PRODUCTION_TEST_CONTEXT_PRIVATE_JWK, PRODUCTION_TEST_CONTEXT_PUBLIC_JWK } from '../../../fixtures/gateway/productionSecurityEnv.ts';

const police = demoPrincipal('police');

describe('the signed user context', () => {
  it('verifies with the subgraph verifier, carrying user, agency, roles, scopes, jurisdiction and purpose', async () => {
    const token = await signUserContext(police, { purpose: { kind: 'CASE', caseCode: '420923-GA-2025-000007' } });
    const verify = await createContextVerifier({ ...DEV_CONTEXT_PUBLIC_JWK }, { now: () => new Date() });
    expect(await verify(token)).toEqual({
      userId: 'liu.qiang',
      name: '刘强',
      agency: 'POLICE',
      roles: ['police_officer'],
      scopes: ['police:restricted', 'person:id_number'],
      jurisdiction: ['420923'],
      purpose: '420923-GA-2025-000007',
    });
  });

  it('is a compact JWS signed with node:crypto that jose verifies: EdDSA, typ JWT, exactly the claims subgraphs read', async () => {
    const clock = new ManualClock('2025-06-01T08:00:00Z');
    const sign = await createContextSigner({ ...DEV_CONTEXT_PRIVATE_JWK }, { now: () => clock.now() });
    const token = sign({ principal: police, purpose: 'reason:窗口接待核实身份' });
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'EdDSA', typ: 'JWT' });
    const { payload } = await jwtVerify(token, await importJWK({ ...DEV_CONTEXT_PUBLIC_JWK }, 'EdDSA'), {
      algorithms: ['EdDSA'],
      issuer: 'onewindow-gateway',
      audience: 'onewindow-subgraph',
      currentDate: clock.now(),
      maxTokenAge: 60,
    });
    const iat = Math.floor(clock.now().getTime() / 1000);
    expect(payload).toEqual({
      iss: 'onewindow-gateway',
      aud: 'onewindow-subgraph',
      sub: 'liu.qiang',
      iat,
      exp: iat + 60,
      name: '刘强',
      agency: 'POLICE',
      roles: ['police_officer'],
      scopes: ['police:restricted', 'person:id_number'],
      jurisdiction: ['420923'],
      purpose: 'reason:窗口接待核实身份',
    });
  });

  it('is reused for the same user and purpose while 20 s or more of its life are left, then signed anew', async () => {
    const clock = new ManualClock('2025-06-01T08:00:00Z');
    const sign = await createContextSigner({ ...DEV_CONTEXT_PRIVATE_JWK }, { now: () => clock.now() });
    const verify = await createContextVerifier({ ...DEV_CONTEXT_PUBLIC_JWK }, clock);
    const first = sign({ principal: police, purpose: '420923-GA-2025-000007' });
    // Another principal object with the same claims (a second token of the same user) shares it.
    expect(sign({ principal: { ...police }, purpose: { kind: 'CASE', caseCode: '420923-GA-2025-000007' } })).toBe(first);
    expect(sign({ principal: police, purpose: '420923-GA-2025-000008' })).not.toBe(first);
    expect(sign({ principal: police, purpose: null })).not.toBe(first);
    expect(sign({ principal: { ...police, scopes: [] }, purpose: '420923-GA-2025-000007' })).not.toBe(first);
    expect(sign({ principal: demoPrincipal('courts'), purpose: '420923-GA-2025-000007' })).not.toBe(first);
    clock.advance(40_000); // 20 s left
    expect(sign({ principal: police, purpose: '420923-GA-2025-000007' })).toBe(first);
    await expect(verify(first)).resolves.toMatchObject({ userId: 'liu.qiang' });
    clock.advance(1_000); // 19 s left: a new one, which lives its full 60 s
    const second = sign({ principal: police, purpose: '420923-GA-2025-000007' });
    expect(second).not.toBe(first);
    clock.advance(59_000);
    await expect(verify(second)).resolves.toMatchObject({ userId: 'liu.qiang' });
    await expect(verify(first)).rejects.toThrow();
  });

  it('is never reused before its iat (a clock set back), and the reuse cache is bounded', async () => {
    const clock = new ManualClock('2025-06-01T08:00:00Z');
    const sign = await createContextSigner({ ...DEV_CONTEXT_PRIVATE_JWK }, { now: () => clock.now(), cacheEntries: 1 });
    const first = sign({ principal: police, purpose: null });
    clock.advance(-5_000);
    const earlier = sign({ principal: police, purpose: null });
    expect(earlier).not.toBe(first);
    const verify = await createContextVerifier({ ...DEV_CONTEXT_PUBLIC_JWK }, clock);
    await expect(verify(earlier)).resolves.toMatchObject({ userId: 'liu.qiang' });
    expect(sign({ principal: police, purpose: null })).toBe(earlier);
    sign({ principal: police, purpose: 'reason:另一个目的' }); // evicts the only entry
    clock.advance(1_000); // (Ed25519 is deterministic: the same claims in the same second sign to the same token)
    expect(sign({ principal: police, purpose: null })).not.toBe(earlier);
  });

  it('lives 60 seconds', async () => {
    const clock = new ManualClock('2025-06-01T08:00:00Z');
    const token = await signUserContext(police, { now: clock.now() });
    const verify = await createContextVerifier({ ...DEV_CONTEXT_PUBLIC_JWK }, clock);
    clock.advance(59_000);
    await expect(verify(token)).resolves.toMatchObject({ userId: 'liu.qiang', purpose: null });
    const fresh = await createContextVerifier({ ...DEV_CONTEXT_PUBLIC_JWK }, clock);
    clock.advance(2_000);
    await expect(fresh(token)).rejects.toThrow();
  });

  it('a tampered context, or one signed by another key, is refused', async () => {
    const verify = await createContextVerifier({ ...DEV_CONTEXT_PUBLIC_JWK }, { now: () => new Date() });
    const [header, payload, signature] = (await signUserContext(demoPrincipal('supervisor'))).split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8'));
    const widened = Buffer.from(JSON.stringify({ ...claims, scopes: ['person:id_number'] })).toString('base64url');
    await expect(verify(`${header}.${widened}.${signature}`)).rejects.toThrow();
    const foreign = await signUserContext(police, { privateKey: { ...PRODUCTION_TEST_CONTEXT_PRIVATE_JWK } });
    await expect(verify(foreign)).rejects.toThrow();
    const own = await createContextVerifier({ ...PRODUCTION_TEST_CONTEXT_PUBLIC_JWK }, { now: () => new Date() });
    await expect(own(foreign)).resolves.toMatchObject({ userId: 'liu.qiang' });
  });

  it('takes the key as JWK JSON or PKCS8 PEM; refuses a public key, another curve, and the development key in production', async () => {
    const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
    await expect(createContextSigner(await exportPKCS8(privateKey))).resolves.toBeTypeOf('function');
    await expect(createContextSigner(JSON.stringify(DEV_CONTEXT_PRIVATE_JWK))).resolves.toBeTypeOf('function');
    await expect(createContextSigner({ ...DEV_CONTEXT_PUBLIC_JWK })).rejects.toThrow(/PRIVATE|usable/);
    const ec = await generateKeyPair('ES256', { extractable: true });
    await expect(createContextSigner(await exportPKCS8(ec.privateKey))).rejects.toThrow(/usable/);
    await expect(createContextSigner({ ...DEV_CONTEXT_PRIVATE_JWK }, { production: true })).rejects.toThrow(/development key/);
  });
});
