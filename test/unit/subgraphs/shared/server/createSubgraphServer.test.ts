// The gateway's public key as subgraphs read it (ONEWINDOW_CONTEXT_PUBLIC_KEY:
// JWK JSON or SPKI PEM, the development key only outside production), and
// the gateway's request id (x-request-id) in a subgraph's logs. Shown on one subgraph
// (type-graphql's metadata is per process); createSubgraphServer is the
// same for all five, each of which runs describeSignedContext.
import { Writable } from 'node:stream';
import { exportJWK, exportPKCS8, exportSPKI, generateKeyPair } from 'jose';
import { describe, expect, it } from 'vitest';
import { createContextSigner } from '../../../../../gateway/security/createContextSigner.ts';
import { DEV_CONTEXT_PRIVATE_JWK } from '../../../../../gateway/security/devContextKey.ts';
import { build as buildPetitions } from '../../../../../subgraphs/petitions/app.ts';
import { ManualClock } from '../../../../../subgraphs/shared/clock.ts';
import { readSubgraphConfig } from '../../../../../subgraphs/shared/config/readSubgraphConfig.ts';
import { createContextVerifier } from '../../../../../subgraphs/shared/security/createContextVerifier.ts';
import { DEV_CONTEXT_PUBLIC_JWK } from '../../../../../subgraphs/shared/security/devContextPublicKey.ts';
import { USER_CONTEXT_HEADER } from '../../../../../subgraphs/shared/security/userContext.ts';
import { PRODUCTION_TEST_CONTEXT_PUBLIC_JWK } from '../../../../fixtures/gateway/productionSecurityEnv.ts';
import { expectRefused } from '../../../../support/signedContextSuite.ts';
import { startSubgraph } from '../../../../support/subgraphApp.ts';
import { testPrincipal } from '../../../../support/testPrincipal.ts';

const NOW = '2026-11-01T08:00:00+08:00';

describe('the gateway\'s public key (ONEWINDOW_CONTEXT_PUBLIC_KEY)', () => {
  const env = (extra: Record<string, string>) => ({ DATA_DIR: '/nonexistent-onewindow', ...extra });

  it('is the development key outside production; production refuses to start without one', () => {
    expect(JSON.parse(readSubgraphConfig('police', env({})).contextPublicKey)).toEqual(DEV_CONTEXT_PUBLIC_JWK);
    expect(() => readSubgraphConfig('police', env({ NODE_ENV: 'production', ONEWINDOW_SERVICE_SECRET: 's' }))).toThrow(/ONEWINDOW_CONTEXT_PUBLIC_KEY must be set in production/);
    expect(() => readSubgraphConfig('police', env({ ONEWINDOW_CONTEXT_PUBLIC_KEY: 'ed25519:abc' }))).toThrow(/JWK JSON .* or SPKI PEM/);
    const configured = JSON.stringify(PRODUCTION_TEST_CONTEXT_PUBLIC_JWK);
    expect(readSubgraphConfig('police', env({ NODE_ENV: 'production', ONEWINDOW_SERVICE_SECRET: 's', ONEWINDOW_CONTEXT_PUBLIC_KEY: configured })).contextPublicKey).toBe(configured);
  });

  it('refuses, so the subgraph does not start: the development key in production, a private key, another curve', async () => {
    const clock = new ManualClock(NOW);
    await expect(createContextVerifier({ ...DEV_CONTEXT_PUBLIC_JWK }, clock, { production: true })).rejects.toThrow(/development key/);
    await expect(createContextVerifier(JSON.stringify(DEV_CONTEXT_PRIVATE_JWK), clock)).rejects.toThrow(/PUBLIC key/);
    const ec = await generateKeyPair('ES256', { extractable: true });
    await expect(createContextVerifier(await exportSPKI(ec.publicKey), clock)).rejects.toThrow(/usable Ed25519/);
    await expect(createContextVerifier(JSON.stringify(PRODUCTION_TEST_CONTEXT_PUBLIC_JWK), clock, { production: true })).resolves.toBeTypeOf('function');
  });

  it('may be SPKI PEM or JWK JSON: the subgraph then trusts that key, and no longer the development one', async () => {
    const { publicKey, privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
    for (const configured of [await exportSPKI(publicKey), JSON.stringify(await exportJWK(publicKey))]) {
      const h = await startSubgraph('petitions', buildPetitions, { now: NOW, env: { ONEWINDOW_CONTEXT_PUBLIC_KEY: configured } });
      try {
        const sign = await createContextSigner(await exportPKCS8(privateKey), { now: () => h.clock.now() });
        const own = sign({ principal: testPrincipal('petitions'), purpose: null });
        const post = (token: string) => h.app.inject({ method: 'POST', url: '/graphql', payload: { query: '{ __typename }' }, headers: { [USER_CONTEXT_HEADER]: token } });
        expect((await post(own)).statusCode).toBe(200);
        expectRefused(await post(await h.contextFor())); // the development key's context
      } finally {
        await h.close();
      }
    }
  });
});

describe('the request id and user in the subgraph\'s logs', () => {
  it('tags every line of a request after verification with its x-request-id (rid, reqId) and the context\'s user', async () => {
    const lines: Record<string, unknown>[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) lines.push(JSON.parse(line) as Record<string, unknown>);
        done();
      },
    });
    const h = await startSubgraph('petitions', buildPetitions, { now: NOW, extra: { logger: { level: 'info', stream } } });
    try {
      const sign = await createContextSigner({ ...DEV_CONTEXT_PRIVATE_JWK }, { now: () => h.clock.now() });
      const token = sign({ principal: testPrincipal('petitions', { userId: 'zhang.wei' }), purpose: null });
      // One context (the gateway reuses it for a user and purpose), two requests: each is logged under its own id.
      for (const rid of ['rid-from-gateway-42', 'rid-from-gateway-43']) {
        const res = await h.app.inject({
          method: 'POST',
          url: '/graphql',
          payload: { query: '{ __typename }' },
          headers: { [USER_CONTEXT_HEADER]: token, 'x-request-id': rid },
        });
        expect(res.statusCode).toBe(200);
      }
      const completed = lines.filter((l) => l.msg === 'request completed');
      expect(completed).toMatchObject([
        { reqId: 'rid-from-gateway-42', rid: 'rid-from-gateway-42', user: 'zhang.wei' },
        { reqId: 'rid-from-gateway-43', rid: 'rid-from-gateway-43', user: 'zhang.wei' },
      ]);
      // Refusals are logged (with why), never with the token itself.
      await h.app.inject({ method: 'POST', url: '/graphql', payload: { query: '{ __typename }' }, headers: { [USER_CONTEXT_HEADER]: `${token}x` } });
      const refusal = lines.find((l) => l.msg === 'GraphQL request refused');
      expect(refusal?.reason).toMatch(/invalid signed user context/);
      expect(JSON.stringify(lines)).not.toContain(token);
    } finally {
      await h.close();
    }
  });
});
