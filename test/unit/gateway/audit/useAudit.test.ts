// The audit plugin and routes on a small Apollo Server over Fastify, with a
// fake authentication hook standing in for security/ (a principal from a
// test header): what is recorded, what is not, and fail closed.
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { fastifyApolloHandler } from '@as-integrations/fastify';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccessEntry } from '../../../../gateway/audit/AuditRecord.ts';
import { AuditSchemas } from '../../../../gateway/audit/AuditSchemas.ts';
import { parseAuditConfig } from '../../../../gateway/audit/parseAuditConfig.ts';
import { registerAudit } from '../../../../gateway/audit/registerAudit.ts';
import { useAudit } from '../../../../gateway/audit/useAudit.ts';
import { createGatewayContext, type GatewayContext } from '../../../../gateway/context/createGatewayContext.ts';
import { requestIdFor } from '../../../../gateway/context/requestIdFor.ts';
import type { Principal } from '../../../../gateway/security/Principal.ts';
import { openAuditDatabase } from '../../../../gateway/audit/openAuditDatabase.ts';
import { verifyAuditChain } from '../../../../gateway/audit/verifyAuditChain.ts';

const typeDefs = `#graphql
  type Query { person(id: ID!): Person  stats: Stats! }
  type Stats { accepted: Int! }
  type Person { id: ID! name: String idNumber: String household: Household }
  type Household { id: ID! members: [Person!]! }
`;
const PEOPLE: Record<string, { id: string; name: string; idNumber: string; household: string }> = {
  p_A: { id: 'p_A', name: '张三', idNumber: '420923198503161235', household: 'h1' },
  p_B: { id: 'p_B', name: '李四', idNumber: '420923199001011234', household: 'h1' },
};
const resolvers = {
  Query: { person: (_: unknown, { id }: { id: string }) => PEOPLE[id] ?? null, stats: () => ({ accepted: 7 }) },
  Person: { household: (p: { household: string }) => ({ id: p.household }) },
  Household: { members: () => Object.values(PEOPLE) },
};

const USERS: Record<string, Principal> = {
  handler: { userId: 'zhou.jie', name: '周洁', agency: 'GRID', roles: ['case_handler'], scopes: ['person:id_number'], jurisdiction: ['420923'], expiresAt: 2e9 },
  auditor: { userId: 'wu.min', name: '吴敏', agency: '', roles: ['auditor'], scopes: [], jurisdiction: ['420900'], expiresAt: 2e9 },
  supervisor: { userId: 'chen.gang', name: '陈刚', agency: 'GRID', roles: ['supervisor'], scopes: [], jurisdiction: ['420900'], expiresAt: 2e9 },
};

/** What security/ does for real: the principal on onRequest; purpose, sensitive fields, removals, refusals on preHandler. */
const authenticate = async (request: FastifyRequest) => {
  const user = request.headers['x-test-user'];
  if (typeof user === 'string' && USERS[user]) request.principal = USERS[user];
};
const prepare = async (request: FastifyRequest, reply: FastifyReply) => {
  const purpose = request.headers['x-access-purpose'];
  if (typeof purpose === 'string') request.purpose = { kind: 'CASE', caseCode: purpose };
  if (request.headers['x-test-sensitive']) request.sensitiveFields = ['Person.idNumber'];
  if (request.headers['x-test-removed']) request.removedFields = [{ path: ['person', 'idNumber'], coordinate: 'Person.idNumber' }];
  if (request.headers['x-test-refuse']) {
    request.readsPersonData = true;
    return reply.code(400).send({ errors: [{ message: 'state a purpose', extensions: { code: 'PURPOSE_REQUIRED', reason: 'MISSING' } }] });
  }
  return undefined;
};

async function buildApp(auditPlugin: (app: FastifyInstance) => ApolloServerPlugin<GatewayContext> | undefined): Promise<FastifyInstance> {
  const app = Fastify({ logger: false, genReqId: requestIdFor });
  for (const name of ['principal', 'purpose', 'removedFields', 'sensitiveFields', 'readsPersonData'] as const) app.decorateRequest(name, undefined);
  const plugin = auditPlugin(app);
  const apollo = new ApolloServer<GatewayContext>({ typeDefs, resolvers, plugins: plugin ? [plugin] : [] });
  await apollo.start();
  app.addHook('onClose', async () => apollo.stop());
  app.route({
    method: ['GET', 'POST'],
    url: '/graphql',
    onRequest: authenticate,
    preHandler: prepare,
    handler: fastifyApolloHandler(apollo, { context: async (request) => createGatewayContext(request) }),
  });
  return app;
}

const post = (app: FastifyInstance, query: string, headers: Record<string, string> = {}, variables?: Record<string, unknown>) =>
  app.inject({ method: 'POST', url: '/graphql', headers: { 'content-type': 'application/json', ...headers }, payload: { query, variables } });

describe('the audit of GraphQL operations', () => {
  let dir: string;
  let app: FastifyInstance;
  let file: string;
  const records = (): AccessEntry[] => {
    const db = openAuditDatabase(file, { readonly: true });
    try {
      return (db.prepare('SELECT body FROM audit_record ORDER BY seq').all() as { body: string }[]).map((r) => JSON.parse(r.body) as AccessEntry);
    } finally {
      db.close();
    }
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'onewindow-useaudit-'));
    file = join(dir, 'audit.db');
    const config = parseAuditConfig({ GATEWAY_AUDIT_DB: file }, false);
    app = await buildApp((a) => registerAudit(a, { config, authenticate })?.plugin);
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes one record per read of person data, naming the persons even when the client did not select their ids', async () => {
    const query = 'query View($id: ID!) { person(id: $id) { name idNumber household { members { name } } } }';
    const response = await post(app, query, { 'x-test-user': 'handler', 'x-access-purpose': '420923-ZZ-2025-000001', 'x-test-sensitive': '1', 'x-request-id': 'req-view-1' }, { id: 'p_A' });
    expect(response.statusCode).toBe(200);
    // Exactly what was asked: no audit keys leak.
    expect(response.json()).toEqual({
      data: { person: { name: '张三', idNumber: '420923198503161235', household: { members: [{ name: '张三' }, { name: '李四' }] } } },
    });
    const [record, ...more] = records();
    expect(more).toEqual([]);
    expect(record).toEqual({
      kind: 'ACCESS',
      v: 1,
      seq: 1,
      time: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
      requestId: 'req-view-1',
      user: { id: 'zhou.jie', name: '周洁' },
      roles: ['case_handler'],
      agency: 'GRID',
      jurisdiction: ['420923'],
      purpose: { kind: 'CASE', caseCode: '420923-ZZ-2025-000001' },
      operation: { name: 'View', type: 'query', hash: createHash('sha256').update(query).digest('hex') },
      persons: ['p_A', 'p_B'],
      agencies: [],
      sensitiveFields: ['Person.idNumber'],
      removedFields: [],
      outcome: 'ALLOWED',
      errorCodes: [],
    });
  });

  it('writes nothing for an operation that reads no person', async () => {
    const before = records().length;
    expect((await post(app, '{ stats { accepted } }', { 'x-test-user': 'handler' })).json()).toEqual({ data: { stats: { accepted: 7 } } });
    expect((await post(app, '{ __typename }', { 'x-test-user': 'handler' })).json()).toEqual({ data: { __typename: 'Query' } });
    expect((await post(app, '{ nope }', { 'x-test-user': 'handler' })).statusCode).toBe(400);
    expect(records()).toHaveLength(before);
  });

  it('records a lookup that found nobody, and fields authorization removed (partially denied)', async () => {
    await post(app, '{ person(id: "p_nobody") { name } }', { 'x-test-user': 'handler', 'x-access-purpose': 'c1' });
    await post(app, '{ person(id: "p_B") { id name } }', { 'x-test-user': 'handler', 'x-access-purpose': 'c1', 'x-test-removed': '1' });
    const [nobody, removed] = records().slice(-2);
    expect(nobody).toMatchObject({ persons: [], outcome: 'ALLOWED' });
    expect(removed).toMatchObject({ persons: ['p_B'], outcome: 'PARTIALLY_DENIED', removedFields: ['Person.idNumber'] });
  });

  it('records a refusal answered before Apollo Server when the user is known, and not an anonymous one', async () => {
    const before = records().length;
    const refused = await post(app, 'query View { person(id: "p_A") { name } }', { 'x-test-user': 'handler', 'x-test-refuse': '1' });
    expect(refused.statusCode).toBe(400);
    await post(app, 'query View { person(id: "p_A") { name } }', { 'x-test-refuse': '1' });
    const added = records().slice(before);
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({ user: { id: 'zhou.jie' }, operation: { name: 'View', type: 'query' }, persons: [], outcome: 'DENIED', errorCodes: ['PURPOSE_REQUIRED'] });
  });

  it('without authentication (development) records the user as anonymous', async () => {
    await post(app, '{ person(id: "p_A") { name } }');
    expect(records().at(-1)).toMatchObject({ user: { id: 'anonymous', name: 'anonymous' }, roles: [], persons: ['p_A'], purpose: null });
  });

  it('lets auditors and supervisors list who accessed a person, paginated, and nobody else', async () => {
    const url = '/audit/access?person=p_A';
    const forbidden = await app.inject({ url, headers: { 'x-test-user': 'handler' } });
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().errors[0].extensions.code).toBe('FORBIDDEN');
    expect((await app.inject({ url })).statusCode).toBe(401);

    const first = await app.inject({ url: `${url}&first=2`, headers: { 'x-test-user': 'auditor' } });
    expect(first.statusCode).toBe(200);
    const page = first.json();
    expect(page.person).toBe('p_A');
    // Newest first: the case handler's refused lookup of this very list, then the anonymous read.
    expect(page.accesses).toEqual([
      expect.objectContaining({ user: { id: 'zhou.jie', name: '周洁' }, operation: { name: 'auditAccess', type: 'audit', hash: null }, outcome: 'DENIED' }),
      expect.objectContaining({ user: { id: 'anonymous', name: 'anonymous' }, outcome: 'ALLOWED' }),
    ]);
    expect(page.pageInfo).toEqual({ hasNextPage: true, endCursor: expect.any(String) });
    const second = (await app.inject({ url: `${url}&first=50&after=${page.pageInfo.endCursor}`, headers: { 'x-test-user': 'supervisor' } })).json();
    // A refusal before execution served nobody, so it is not under this person (it is under its user).
    expect(second.accesses).toHaveLength(1);
    expect(second.accesses[0]).toMatchObject({
      requestId: 'req-view-1',
      user: { id: 'zhou.jie', name: '周洁' },
      roles: ['case_handler'],
      agency: 'GRID',
      purpose: { kind: 'CASE', caseCode: '420923-ZZ-2025-000001' },
      operation: { name: 'View', type: 'query' },
      sensitiveFields: ['Person.idNumber'],
      time: expect.any(String),
    });
    expect(second.pageInfo.hasNextPage).toBe(false);

    // The lookups are on record too: who looked at who looked.
    const lookups = records().filter((r) => r.operation.type === 'audit');
    expect(lookups.map((r) => [r.user.id, r.outcome])).toEqual([
      ['zhou.jie', 'DENIED'],
      ['wu.min', 'ALLOWED'],
      ['chen.gang', 'ALLOWED'],
    ]);
  });

  it('filters by time and refuses malformed parameters', async () => {
    const headers = { 'x-test-user': 'auditor' };
    expect((await app.inject({ url: '/audit/access?person=p_A&to=2000-01-01', headers })).json().accesses).toEqual([]);
    expect((await app.inject({ url: '/audit/access?person=p_A&from=2000-01-01', headers })).json().accesses.length).toBeGreaterThan(0);
    for (const query of ['', 'person=p_A&from=yesterday', 'person=p_A&first=0', 'person=p_A&after=nonsense', 'person=a%20b']) {
      const response = await app.inject({ url: `/audit/access?${query}`, headers });
      expect({ query, status: response.statusCode, code: response.json().errors[0].extensions.code }).toEqual({ query, status: 400, code: 'BAD_USER_INPUT' });
    }
  });

  it('leaves a chain that verifies', () => {
    const db = openAuditDatabase(file, { readonly: true });
    try {
      expect(verifyAuditChain(db)).toMatchObject({ ok: true });
    } finally {
      db.close();
    }
  });
});

describe('fail closed', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    const failing = { append: async () => Promise.reject(new Error('disk full')) };
    app = await buildApp(() => useAudit({ log: failing, schemas: new AuditSchemas(), seen: new WeakSet() }));
  });
  afterAll(async () => app?.close());

  it('withholds the answer of a read of person data when its record cannot be written: 503 AUDIT_UNAVAILABLE, no data', async () => {
    const response = await post(app, '{ person(id: "p_A") { name idNumber } }', { 'x-test-user': 'handler', 'x-access-purpose': 'c1' });
    expect(response.statusCode).toBe(503);
    expect(response.headers['retry-after']).toBe('5');
    const body = response.json();
    expect(body.data).toBeUndefined();
    expect(body.errors).toEqual([{ message: expect.any(String), extensions: { code: 'AUDIT_UNAVAILABLE' } }]);
    expect(response.body).not.toContain('张三');
  });

  it('still serves what reads no person', async () => {
    const response = await post(app, '{ stats { accepted } }', { 'x-test-user': 'handler' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ data: { stats: { accepted: 7 } } });
  });
});
