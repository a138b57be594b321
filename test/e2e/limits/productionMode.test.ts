// Issue 6 item 7, production mode (NODE_ENV=production) as a real process:
// only the registered operations of the trusted-documents manifest run (by
// hash, by id, or as their exact text), introspection and GraphiQL are off,
// CSRF prevention is on, errors carry nothing internal, and the gateway
// refuses to start without its manifest.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operationId } from '../../../gateway/production/operationId.ts';
import { startFixtureStack, type FixtureStack } from '../../fixtures/gateway/startFixtureStack.ts';
import { PRODUCTION_SECURITY_ENV } from '../../fixtures/gateway/productionSecurityEnv.ts';
import { freePort } from '../support/freePort.ts';
import { postGraphQL } from '../support/graphql.ts';
import { startProcess } from '../support/startProcess.ts';

const PERSON = 'query Person($id: ID!) { person(id: $id) { name policeIncidents { caseCode } } }';
const INTROSPECTION = 'query Introspect { __schema { queryType { name } } }';
const hash = operationId(PERSON);

describe('production mode: trusted documents only', () => {
  let stack: FixtureStack;
  const post = (body: Record<string, unknown>, headers: Record<string, string> = {}) =>
    fetch(stack.graphql, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...stack.headers, ...headers },
      body: JSON.stringify(body),
    }).then(async (r) => ({ status: r.status, body: (await r.json()) as Record<string, any> }));

  beforeAll(async () => {
    stack = await startFixtureStack({ gatewayEnv: { NODE_ENV: 'production' }, persistedOperations: [PERSON, INTROSPECTION] });
  });
  afterAll(async () => stack?.stop());

  it('serves a registered operation by its hash (automatic persisted query form), without the text', async () => {
    const result = await post({ extensions: { persistedQuery: { version: 1, sha256Hash: hash } }, variables: { id: 'p1' } });
    expect(result.status).toBe(200);
    expect(result.body).toEqual({ data: { person: { name: '张三', policeIncidents: [{ caseCode: '420923-GA-2025-000001' }, { caseCode: '420923-GA-2025-000002' }] } } });
  });

  it('serves it by documentId, and as its registered text', async () => {
    const byId = await post({ documentId: hash, variables: { id: 'p2' } });
    expect(byId.body.data).toEqual({ person: { name: '李四', policeIncidents: [{ caseCode: '420923-GA-2025-000003' }] } });
    const byText = await postGraphQL(stack.graphql, PERSON, { variables: { id: 'p2' }, headers: stack.headers });
    expect(byText.data).toEqual(byId.body.data);
  });

  it('refuses any other operation with OPERATION_NOT_REGISTERED, without calling a subgraph', async () => {
    await stack.grid.resetStats();
    const unregistered = await postGraphQL(stack.graphql, '{ person(id: "p1") { name } }', { headers: stack.headers });
    expect(unregistered.status).toBe(400);
    expect(unregistered.errors).toEqual([{ message: expect.any(String), extensions: { code: 'OPERATION_NOT_REGISTERED', reason: 'NOT_REGISTERED' } }]);
    const unknownHash = await post({ extensions: { persistedQuery: { version: 1, sha256Hash: 'ab'.repeat(32) } } });
    expect(unknownHash.body.errors[0].extensions).toEqual({ code: 'OPERATION_NOT_REGISTERED', reason: 'UNKNOWN_ID' });
    const swapped = await post({ documentId: hash, query: '{ persons { name gridCell } }' });
    expect(swapped.body.errors[0].extensions).toEqual({ code: 'OPERATION_NOT_REGISTERED', reason: 'ID_MISMATCH' });
    const batch = await fetch(stack.graphql, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...stack.headers },
      body: JSON.stringify([{ query: '{ persons { name } }' }]),
    });
    expect(batch.status).toBe(400);
    expect(((await batch.json()) as { errors: { extensions: unknown }[] }).errors[0]!.extensions).toEqual({ code: 'OPERATION_NOT_REGISTERED', reason: 'NO_OPERATION' });
    expect((await stack.grid.stats()).requests).toBe(0);
  });

  it('has introspection off, even for a registered introspection query', async () => {
    const result = await postGraphQL(stack.graphql, INTROSPECTION, { headers: stack.headers });
    expect(result.status).toBe(400);
    expect(result.errors![0]!.extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(result.errors![0]!.message).toMatch(/introspection is not allowed/i);
  });

  it('has GraphiQL off', async () => {
    expect((await fetch(`${stack.base}/graphiql`)).status).toBe(404);
  });

  it('prevents CSRF: a simple request (text/plain POST, plain GET) is refused', async () => {
    const form = await fetch(stack.graphql, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', ...stack.headers },
      body: JSON.stringify({ documentId: hash, variables: { id: 'p1' } }),
    });
    expect(form.status).toBe(400);
    const url = `${stack.graphql}?documentId=${hash}&variables=${encodeURIComponent('{"id":"p1"}')}`;
    const simpleGet = await fetch(url, { headers: stack.headers });
    expect(simpleGet.status).toBe(400);
    expect(await simpleGet.text()).toMatch(/CSRF|preflight/i);
    const preflighted = await fetch(url, { headers: { ...stack.headers, 'apollo-require-preflight': 'true' } });
    expect(preflighted.status).toBe(200);
    expect(((await preflighted.json()) as { data: unknown }).data).toMatchObject({ person: { name: '张三' } });
  });

  it('masks errors: nothing internal in an error answer', async () => {
    const missingVariable = await post({ documentId: hash });
    expect(missingVariable.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(missingVariable.body)).not.toMatch(/stacktrace|\.ts:\d+|127\.0\.0\.1/);
  });
});

describe('production mode refuses to start', () => {
  it('without the persisted-operations manifest', async () => {
    const port = await freePort();
    const gateway = await startProcess({
      name: 'gateway-without-manifest',
      args: ['gateway/main.ts', '--port', String(port)],
      env: { NODE_ENV: 'production', ...PRODUCTION_SECURITY_ENV, GATEWAY_PERSISTED_OPERATIONS: '/nonexistent/persisted-operations.json' },
    });
    expect(await gateway.exited).not.toBe(0);
    expect(gateway.output()).toMatch(/persisted-operations manifest .* does not exist/);
  });
});
