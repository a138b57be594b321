// The gateway's signer against the verifier the subgraphs use
// (subgraphs/shared/security/createContextVerifier.ts): what one signs the
// other accepts; stale, tampered or foreign contexts are refused.
import { exportPKCS8, generateKeyPair } from 'jose';
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
  it('verifies with the subgraph verifier, carrying user, agency, roles, scopes, jurisdiction, purpose and request id', async () => {
    const token = await signUserContext(police, { purpose: { kind: 'CASE', caseCode: '420923-GA-2025-000007' }, requestId: 'rid-1' });
    const verify = await createContextVerifier({ ...DEV_CONTEXT_PUBLIC_JWK }, { now: () => new Date() });
    expect(await verify(token)).toEqual({
      userId: 'liu.qiang',
      name: '刘强',
      agency: 'POLICE',
      roles: ['police_officer'],
      scopes: ['police:restricted', 'person:id_number'],
      jurisdiction: ['420923'],
      purpose: '420923-GA-2025-000007',
      requestId: 'rid-1',
    });
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
