// Issue 6 item 4, the subgraph side: every subgraph refuses any GraphQL
// request without a valid, fresh user context signed by the gateway
// (createSubgraphServer, one place for all five), so calling a subgraph
// directly gets nothing, not even its schema; /health stays open.
import type { FastifyInstance } from 'fastify';
import { importJWK, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEV_CONTEXT_PRIVATE_JWK } from '../../gateway/security/devContextKey.ts';
import { signUserContext } from '../../gateway/security/signUserContext.ts';
import type { SubgraphName } from '../../schema/subgraphList.ts';
import { USER_CONTEXT_HEADER } from '../../subgraphs/shared/security/userContext.ts';
import type { SubgraphBuildOptions } from '../../subgraphs/shared/server/SubgraphBuildOptions.ts';
import { PRODUCTION_TEST_CONTEXT_PRIVATE_JWK } from '../fixtures/gateway/productionSecurityEnv.ts';
import { type SubgraphHarness, startSubgraph } from './subgraphApp.ts';
import { testPrincipal } from './testPrincipal.ts';

const NOW = '2026-11-01T08:00:00+08:00';

/** A field every subgraph has, to show a refused request reaches no resolver. */
const QUERY = '{ __typename _service { sdl } }';

/** What a refusal must look like: 401, UNAUTHENTICATED, and no data at all. */
export function expectRefused(res: { statusCode: number; json(): any; headers: Record<string, unknown> }) {
  expect(res.statusCode).toBe(401);
  const body = res.json();
  expect(body).not.toHaveProperty('data');
  expect(body.errors).toHaveLength(1);
  expect(body.errors[0].extensions).toEqual({ code: 'UNAUTHENTICATED' });
  expect(res.headers['www-authenticate']).toMatch(/OneWindow-Context/);
}

/** A compact JWS with its payload edited and the original signature kept. */
function tampered(token: string, change: (claims: Record<string, unknown>) => Record<string, unknown>): string {
  const [header, payload, signature] = token.split('.');
  const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8')) as Record<string, unknown>;
  return `${header}.${Buffer.from(JSON.stringify(change(claims))).toString('base64url')}.${signature}`;
}

/**
 * The refusals every subgraph must make (issue 6 item 4): one test file per
 * subgraph runs this (type-graphql's metadata is per process).
 */
export function describeSignedContext(name: SubgraphName, build: (options: SubgraphBuildOptions) => Promise<FastifyInstance>): void {
  describe(`${name} refuses GraphQL without the gateway's signed user context`, () => {
    let h: SubgraphHarness;
    const post = (headers: Record<string, string> = {}, query = QUERY) =>
      h.app.inject({ method: 'POST', url: '/graphql', payload: { query }, headers });
    beforeAll(async () => {
      h = await startSubgraph(name, build, { now: NOW });
    });
    afterAll(() => h.close());

    it('answers a request signed for a user', async () => {
      const res = await post({ [USER_CONTEXT_HEADER]: await h.contextFor() });
      expect(res.statusCode).toBe(200);
      expect(res.json().data.__typename).toBe('Query');
    });

    it('refuses one without a context: 401 UNAUTHENTICATED, no data, not even the schema', async () => {
      expectRefused(await post());
      expectRefused(await post({ [USER_CONTEXT_HEADER]: '' }));
      expectRefused(await post({ [USER_CONTEXT_HEADER]: 'not-a-jws' }));
      expectRefused(await post({ 'x-onewindow-user': 'tester' })); // the header the subgraphs used to trust
      expectRefused(await h.app.inject({ method: 'GET', url: `/graphql?query=${encodeURIComponent('{ __typename }')}` }));
    });

    it('refuses an expired one (the context lives 60 seconds by the subgraph\'s clock), even one it accepted before', async () => {
      const token = await h.contextFor();
      expect((await post({ [USER_CONTEXT_HEADER]: token })).statusCode).toBe(200);
      h.clock.advance(61_000);
      expectRefused(await post({ [USER_CONTEXT_HEADER]: token }));
      const old = await signUserContext(testPrincipal(name), { now: new Date(h.clock.now().getTime() - 5 * 60_000) });
      expectRefused(await post({ [USER_CONTEXT_HEADER]: old }));
      // A context from the future (a skewed or forged clock) is no better.
      const future = await signUserContext(testPrincipal(name), { now: new Date(h.clock.now().getTime() + 5 * 60_000) });
      expectRefused(await post({ [USER_CONTEXT_HEADER]: future }));
    });

    it('refuses a tampered one: a widened jurisdiction, another user, a stripped signature', async () => {
      const token = await h.contextFor(testPrincipal(name, { jurisdiction: ['420923100'] }));
      expectRefused(await post({ [USER_CONTEXT_HEADER]: tampered(token, (c) => ({ ...c, jurisdiction: ['420000'] })) }));
      expectRefused(await post({ [USER_CONTEXT_HEADER]: tampered(token, (c) => ({ ...c, sub: 'someone.else' })) }));
      expectRefused(await post({ [USER_CONTEXT_HEADER]: token.slice(0, token.lastIndexOf('.') + 1) }));
      const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${token.split('.')[1]}.`;
      expectRefused(await post({ [USER_CONTEXT_HEADER]: none }));
    });

    it('refuses one signed by another key, or for another audience or issuer', async () => {
      const now = h.clock.now();
      const foreign = await signUserContext(testPrincipal(name), { privateKey: { ...PRODUCTION_TEST_CONTEXT_PRIVATE_JWK }, now });
      expectRefused(await post({ [USER_CONTEXT_HEADER]: foreign }));
      const key = await importJWK({ ...DEV_CONTEXT_PRIVATE_JWK }, 'EdDSA');
      const iat = Math.floor(now.getTime() / 1000);
      const claims = (audience: string, issuer: string) =>
        new SignJWT({ name: 'tester', agency: 'GRID', roles: [], scopes: [], jurisdiction: ['420000'], purpose: null, rid: 'r' })
          .setProtectedHeader({ alg: 'EdDSA' })
          .setSubject('tester')
          .setIssuedAt(iat)
          .setExpirationTime(iat + 60)
          .setAudience(audience)
          .setIssuer(issuer)
          .sign(key);
      expectRefused(await post({ [USER_CONTEXT_HEADER]: await claims('some-other-service', 'onewindow-gateway') }));
      expectRefused(await post({ [USER_CONTEXT_HEADER]: await claims('onewindow-subgraph', 'someone-else') }));
      // The same claims with the right audience and issuer pass: the refusals above were for those alone.
      expect((await post({ [USER_CONTEXT_HEADER]: await claims('onewindow-subgraph', 'onewindow-gateway') })).statusCode).toBe(200);
    });

    it('keeps /health open: it is not GraphQL and tells nothing about records', async () => {
      const res = await h.app.inject({ method: 'GET', url: '/health' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ status: 'ok', subgraph: name });
    });
  });
}
