// Issue 6 at the gateway, in process (build() + inject) over two fixture
// subgraphs on loopback: authentication (401), purpose (400), authorization
// by rewrite (filter and reject modes), plan-cache safety, the signed
// context on every subgraph fetch, and the request decorations audit reads.
import { generateKeyPair, SignJWT } from 'jose';
import type { FastifyRequest } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEV_JWT } from '../../../../gateway/security/devJwt.ts';
import { mintToken } from '../../../../gateway/security/mintToken.ts';
import { createContextVerifier } from '../../../../subgraphs/shared/security/createContextVerifier.ts';
import { DEV_CONTEXT_PUBLIC_JWK } from '../../../../subgraphs/shared/security/devContextPublicKey.ts';
import { startSecurityApp, USERS, type SecurityApp } from './support/securityApp.ts';

const PERSON = '{ person(id: "p1") { name idNumberMasked idNumber phone } }';
const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const now = () => Math.floor(Date.now() / 1000);

describe('security at the gateway (filter mode)', () => {
  let s: SecurityApp;
  const seen: FastifyRequest[] = [];
  beforeAll(async () => {
    s = await startSecurityApp();
    s.app.addHook('onResponse', async (request) => {
      if (request.url.startsWith('/graphql')) seen.push(request);
    });
  });
  afterAll(async () => s?.close());

  describe('authentication: 401 UNAUTHENTICATED, no data', () => {
    const refused = async (headers: Record<string, string>, reason: string) => {
      const response = await s.graphql({ query: '{ hello }', headers });
      expect(response.statusCode).toBe(401);
      const body = response.json();
      expect(body).not.toHaveProperty('data');
      expect(body.errors).toEqual([{ message: expect.any(String), extensions: { code: 'UNAUTHENTICATED', reason } }]);
      expect(response.headers['www-authenticate']).toMatch(/^Bearer realm="onewindow"/);
    };

    it('missing token', async () => refused({}, 'MISSING'));

    it('malformed header or token', async () => {
      await refused({ authorization: 'Basic dXNlcjpwYXNz' }, 'MALFORMED');
      await refused({ authorization: 'Bearer' }, 'MALFORMED');
      await refused({ authorization: 'Bearer not-a-jwt' }, 'MALFORMED');
      await refused({ authorization: 'Bearer a.b' }, 'MALFORMED');
      await refused({ authorization: `Bearer ${'a'.repeat(9000)}.b.c` }, 'MALFORMED');
      await refused({ authorization: 'Bearer bm90IGpzb24.eyJzdWIiOiJ4In0.c2ln' }, 'MALFORMED');
    });

    it('expired token', async () => {
      const token = await mintToken(USERS.full, { now: new Date(Date.now() - 9 * 3600_000) });
      await refused({ authorization: `Bearer ${token}` }, 'EXPIRED');
    });

    it('wrong signature (another secret, a tampered payload)', async () => {
      await refused({ authorization: `Bearer ${await mintToken(USERS.full, { secret: 'x'.repeat(40), issuer: DEV_JWT.issuer, audience: DEV_JWT.audience })}` }, 'BAD_SIGNATURE');
      const [header, , signature] = (await mintToken(USERS.basic)).split('.');
      const forged = base64url({ sub: 'basic', scope: 'admin person:id_number', exp: now() + 3600, iss: DEV_JWT.issuer, aud: DEV_JWT.audience });
      await refused({ authorization: `Bearer ${header}.${forged}.${signature}` }, 'BAD_SIGNATURE');
    });

    it('alg none, and an asymmetric token where HS256 is configured', async () => {
      const unsigned = `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({ sub: 'x', exp: now() + 60, iss: DEV_JWT.issuer, aud: DEV_JWT.audience })}.`;
      await refused({ authorization: `Bearer ${unsigned}` }, 'BAD_SIGNATURE');
      const { privateKey } = await generateKeyPair('RS256');
      const rs = await new SignJWT({}).setProtectedHeader({ alg: 'RS256' }).setSubject('x').setExpirationTime('1h').setIssuer(DEV_JWT.issuer).setAudience(DEV_JWT.audience).sign(privateKey);
      await refused({ authorization: `Bearer ${rs}` }, 'BAD_SIGNATURE');
    });

    it('wrong issuer or audience, no exp, claims of the wrong shape', async () => {
      await refused({ authorization: `Bearer ${await mintToken(USERS.full, { issuer: 'someone-else' })}` }, 'CLAIMS_REJECTED');
      await refused({ authorization: `Bearer ${await mintToken(USERS.full, { audience: 'other-app' })}` }, 'CLAIMS_REJECTED');
      const secret = new TextEncoder().encode(DEV_JWT.secret);
      const noExp = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject('x').setIssuer(DEV_JWT.issuer).setAudience(DEV_JWT.audience).sign(secret);
      await refused({ authorization: `Bearer ${noExp}` }, 'CLAIMS_REJECTED');
      const badJurisdiction = await mintToken({ ...USERS.basic, jurisdiction: ['Yunmeng'] });
      await refused({ authorization: `Bearer ${badJurisdiction}` }, 'MALFORMED');
    });

    it('health, readiness and metrics need no token', async () => {
      expect((await s.app.inject('/health')).statusCode).toBe(200);
      expect((await s.app.inject('/ready')).statusCode).toBe(200);
    });
  });

  describe('purpose', () => {
    it('an operation reading person data without x-access-purpose: 400 PURPOSE_REQUIRED, no data', async () => {
      const response = await s.graphql({ query: PERSON, user: USERS.full });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toEqual({ errors: [{ message: expect.stringContaining('x-access-purpose'), extensions: { code: 'PURPOSE_REQUIRED', reason: 'MISSING' } }] });
    });

    it('an operation reading no person data needs none', async () => {
      const response = await s.graphql({ query: '{ hello }', user: USERS.basic });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ data: { hello: 'world' } });
    });

    it('accepts a case code and a marked reason (UTF-8 or percent-encoded); refuses anything else', async () => {
      for (const purpose of ['420923-XF-2025-000123', `reason:${encodeURIComponent('窗口接待核实身份')}`, 'reason:verify identity at the window']) {
        const response = await s.graphql({ query: PERSON, user: USERS.full, purpose });
        expect(response.statusCode, purpose).toBe(200);
      }
      for (const purpose of ['420923-XX-2025-000123', '420923-XF-1899-000123', 'because', 'reason:x', `reason:${'长'.repeat(201)}`]) {
        const response = await s.graphql({ query: '{ hello }', user: USERS.full, purpose });
        expect(response.statusCode, purpose).toBe(400);
        expect(response.json().errors[0].extensions).toEqual({ code: 'PURPOSE_REQUIRED', reason: 'INVALID' });
      }
    });
  });

  describe('authorization (Router semantics, filter mode)', () => {
    it('removes what the user may not see: null and an error naming the path; the rest is served', async () => {
      const response = await s.graphql({ query: PERSON, user: USERS.basic, purpose: 'reason:核实身份' });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({
        data: { person: { name: '王芳', idNumberMasked: '420923********1234', idNumber: null, phone: null } },
        errors: [
          { message: 'Unauthorized field or type: Person.idNumber', path: ['person', 'idNumber'], extensions: { code: 'UNAUTHORIZED_FIELD_OR_TYPE', coordinate: 'Person.idNumber' } },
          { message: 'Unauthorized field or type: Person.phone', path: ['person', 'phone'], extensions: { code: 'UNAUTHORIZED_FIELD_OR_TYPE', coordinate: 'Person.phone' } },
        ],
      });
    });

    it('serves the full values to a user holding the scopes', async () => {
      const response = await s.graphql({ query: PERSON, user: USERS.full, purpose: 'reason:核实身份' });
      expect(response.json()).toEqual({ data: { person: { name: '王芳', idNumberMasked: '420923********1234', idNumber: '420923199001011234', phone: '13800001234' } } });
    });

    it('never fetches a removed field from the subgraph', async () => {
      const before = s.subgraphs.requests.length;
      await s.graphql({ query: PERSON, user: USERS.basic, purpose: 'reason:核实身份', headers: { 'x-request-id': 'no-fetch-check' } });
      const fetches = s.subgraphs.requests.slice(before);
      expect(fetches.length).toBeGreaterThan(0);
      expect(fetches.every((f) => f.headers['x-request-id'] === 'no-fetch-check')).toBe(true);
      const sent = fetches.map((f) => f.query).join('\n');
      expect(sent).toContain('idNumberMasked');
      expect(sent).not.toMatch(/\bidNumber\b(?!Masked)|\bphone\b/);
    });

    it('a non-null removal nulls the nearest nullable parent; a policy-protected mutation is removed', async () => {
      const nested = await s.graphql({ query: '{ person(id: "p1") { name secretNonNull } hello }', user: USERS.basic, purpose: 'reason:核实身份' });
      expect(nested.json()).toMatchObject({ data: { person: null, hello: 'world' }, errors: [{ path: ['person', 'secretNonNull'] }] });
      const mutation = await s.graphql({ query: 'mutation { rename(id: "p2", name: "x") { name } }', user: USERS.police, purpose: 'reason:更正姓名' });
      expect(mutation.json()).toMatchObject({ data: null, errors: [{ path: ['rename'], extensions: { code: 'UNAUTHORIZED_FIELD_OR_TYPE' } }] });
    });

    it('GET requests are rewritten too', async () => {
      const response = await s.graphql({ method: 'GET', query: PERSON, user: USERS.basic, purpose: 'reason:核实身份' });
      expect(response.statusCode).toBe(200);
      expect(response.json().data.person).toEqual({ name: '王芳', idNumberMasked: '420923********1234', idNumber: null, phone: null });
    });

    it('plan-cache safety: the same text by two users, alternately, always gives each their own answer', async () => {
      const { metrics } = s.app.gateway;
      const count = async (counter: typeof metrics.queryPlanCacheMisses) => (await counter.get()).values.reduce((sum, v) => sum + v.value, 0);
      const [missesBefore, hitsBefore] = [await count(metrics.queryPlanCacheMisses), await count(metrics.queryPlanCacheHits)];
      const query = 'query Same { person(id: "p2") { name idNumber phone boxes { id weight } } }';
      for (let i = 0; i < 8; i++) {
        const full = (await s.graphql({ query, user: USERS.full, purpose: 'reason:plan cache test' })).json();
        const basic = (await s.graphql({ query, user: USERS.basic, purpose: 'reason:plan cache test' })).json();
        expect(full).toEqual({ data: { person: { name: '李强', idNumber: '420923198505055678', phone: '13900005678', boxes: [{ id: 'b2', weight: 7 }] } } });
        expect(basic.data).toEqual({ person: { name: '李强', idNumber: null, phone: null, boxes: [{ id: 'b2', weight: null }] } });
        expect(basic.errors.map((e: { path: string[] }) => e.path.join('.'))).toEqual(['person.idNumber', 'person.phone', 'person.boxes.weight']);
      }
      // Two texts planned (the original for one, the rewrite for the other), each then served from the cache.
      expect((await count(metrics.queryPlanCacheMisses)) - missesBefore).toBe(2);
      expect((await count(metrics.queryPlanCacheHits)) - hitsBefore).toBe(14);
    });

    it('sets the request decorations audit reads', async () => {
      seen.length = 0;
      await s.graphql({ query: PERSON, user: USERS.full, purpose: '420923-XF-2025-000123' });
      await s.graphql({ query: PERSON, user: USERS.basic, purpose: 'reason:核实身份' });
      await s.graphql({ query: '{ hello }', user: USERS.basic });
      const [full, basic, hello] = seen;
      expect(full!.principal).toMatchObject({ userId: 'full', agency: 'POLICE', scopes: USERS.full.scopes });
      expect(full!.purpose).toEqual({ kind: 'CASE', caseCode: '420923-XF-2025-000123' });
      expect(full!.sensitiveFields).toEqual(['Person.idNumber', 'Person.phone']);
      expect(full!.removedFields).toEqual([]);
      expect(full!.readsPersonData).toBe(true);
      expect(basic!.purpose).toEqual({ kind: 'REASON', text: '核实身份' });
      expect(basic!.sensitiveFields).toEqual([]);
      expect(basic!.removedFields).toEqual([
        { path: ['person', 'idNumber'], coordinate: 'Person.idNumber' },
        { path: ['person', 'phone'], coordinate: 'Person.phone' },
      ]);
      expect(hello!.readsPersonData).toBe(false);
    });
  });

  describe('signed context', () => {
    it('every subgraph fetch of one request carries the same context, which the subgraph verifier accepts', async () => {
      const before = s.subgraphs.requests.length;
      const response = await s.graphql({
        query: '{ person(id: "p1") { name things { id } } }',
        user: USERS.police,
        purpose: `reason:${encodeURIComponent('窗口接待核实身份')}`,
        headers: { 'x-request-id': 'ctx-1' },
      });
      expect(response.statusCode).toBe(200);
      const fetches = s.subgraphs.requests.slice(before);
      expect(new Set(fetches.map((f) => f.subgraph))).toEqual(new Set(['people', 'things']));
      const tokens = new Set(fetches.map((f) => f.headers['x-onewindow-context']));
      expect(tokens.size).toBe(1);
      const verify = await createContextVerifier({ ...DEV_CONTEXT_PUBLIC_JWK }, { now: () => new Date() });
      expect(await verify([...tokens][0] as string)).toEqual({
        userId: 'police',
        name: '警',
        agency: 'POLICE',
        roles: ['police_officer'],
        scopes: [],
        jurisdiction: ['420923'],
        purpose: 'reason:窗口接待核实身份',
      });
      // The request id is not in the context: it travels as x-request-id on every fetch.
      expect(fetches.map((f) => f.headers['x-request-id'])).toEqual(fetches.map(() => 'ctx-1'));
    });

    it('the same user and purpose share one context across requests (it carries no request id); another user or purpose gets another', async () => {
      const before = s.subgraphs.requests.length;
      await s.graphql({ query: '{ hello }', user: USERS.basic, headers: { 'x-request-id': 'ctx-2' } });
      await s.graphql({ query: '{ hello }', user: USERS.basic, headers: { 'x-request-id': 'ctx-3' } });
      await s.graphql({ query: '{ hello }', user: USERS.basic, purpose: `reason:${encodeURIComponent('另一个目的')}`, headers: { 'x-request-id': 'ctx-4' } });
      await s.graphql({ query: '{ hello }', user: USERS.police, headers: { 'x-request-id': 'ctx-5' } });
      const fetches = s.subgraphs.requests.slice(before);
      expect(fetches.map((f) => f.headers['x-request-id'])).toEqual(['ctx-2', 'ctx-3', 'ctx-4', 'ctx-5']);
      const tokens = fetches.map((f) => f.headers['x-onewindow-context']);
      expect(tokens[1]).toBe(tokens[0]);
      expect(new Set(tokens).size).toBe(3);
    });
  });
});

describe('security at the gateway (reject mode)', () => {
  let s: SecurityApp;
  beforeAll(async () => {
    s = await startSecurityApp({ GATEWAY_AUTHZ_MODE: 'reject' });
  });
  afterAll(async () => s?.close());

  it('refuses the whole operation when anything would be removed: 403, every path named, no data', async () => {
    const response = await s.graphql({ query: PERSON, user: USERS.basic, purpose: 'reason:核实身份' });
    expect(response.statusCode).toBe(403);
    const body = response.json();
    expect(body).not.toHaveProperty('data');
    expect(body.errors.map((e: { path: string[]; extensions: { code: string } }) => [e.path.join('.'), e.extensions.code])).toEqual([
      ['person.idNumber', 'UNAUTHORIZED_FIELD_OR_TYPE'],
      ['person.phone', 'UNAUTHORIZED_FIELD_OR_TYPE'],
    ]);
  });

  it('serves an operation the user may fully see', async () => {
    const response = await s.graphql({ query: PERSON, user: USERS.full, purpose: 'reason:核实身份' });
    expect(response.statusCode).toBe(200);
    expect(response.json().errors).toBeUndefined();
  });
});
