// The gateway's own request path (gateway/pipeline/createFastPath.ts) answers
// exactly as Apollo Server's pipeline does: two real gateways over the same
// subgraphs, one with the fast path (the default) and one without
// (GATEWAY_FAST_PATH=off), get the same requests and must give the same
// status, content type, Cache-Control and body, errors included. The
// metrics show which path answered.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureStack, type FixtureStack } from '../../fixtures/gateway/startFixtureStack.ts';
import { freePort } from '../support/freePort.ts';
import { startProcess, type StartedProcess } from '../support/startProcess.ts';

interface Exchange {
  name: string;
  method?: 'GET' | 'POST';
  /** A JSON body (POST), or the query string (GET). */
  body?: unknown;
  search?: string;
  headers?: Record<string, string>;
  /** The fast path must answer this one (else Apollo Server must). */
  fast: boolean;
}

const VARIABLES_QUERY = `query V($id: ID!, $withIncidents: Boolean!) {
  a: person(id: $id) { ...P }
  b: person(id: "p2") { ...P name @skip(if: true) }
  __typename
}
fragment P on Person { id nick: name policeIncidents @include(if: $withIncidents) { ... on PoliceIncident { caseCode } } }`;

const EXCHANGES: Exchange[] = [
  { name: 'root field of one subgraph', body: { query: '{ persons { id name gridCell } }' }, fast: true },
  { name: 'entity join', body: { query: '{ person(id: "p1") { name policeIncidents { caseCode summary } } }' }, fast: true },
  { name: 'join back and forth', body: { query: '{ incident(caseCode: "420923-GA-2025-000003") { summary person { name policeIncidents { caseCode } } } }' }, fast: true },
  { name: 'variables, aliases, fragments, directives', body: { query: VARIABLES_QUERY, variables: { id: 'p1', withIncidents: true } }, fast: true },
  { name: 'the same, directives the other way', body: { query: VARIABLES_QUERY, variables: { id: 'p1', withIncidents: false } }, fast: true },
  { name: 'missing entity', body: { query: '{ person(id: "nobody") { name } incident(caseCode: "none") { summary } }' }, fast: true },
  { name: 'named operation among several', body: { query: 'query A { persons { id } } query B { person(id: "p1") { name } }', operationName: 'B' }, fast: true },
  { name: 'null variables and empty extensions', body: { query: '{ persons { id } }', variables: null, extensions: {} }, fast: true },
  { name: 'mutation across subgraphs', body: { query: 'mutation { renamePerson(id: "p2", name: "李四") { id name policeIncidents { summary } } }' }, fast: true },
  { name: 'accept graphql-response+json', body: { query: '{ persons { id } }' }, headers: { accept: 'application/graphql-response+json' }, fast: true },
  { name: 'accept both, graphql-response+json first', body: { query: '{ persons { id } }' }, headers: { accept: 'application/graphql-response+json, application/json' }, fast: true },
  { name: 'accept anything', body: { query: '{ persons { id } }' }, headers: { accept: '*/*' }, fast: true },
  // Apollo Server answers these, on both gateways.
  { name: 'accept with quality values', body: { query: '{ persons { id } }' }, headers: { accept: 'application/json;q=0.5, application/graphql-response+json' }, fast: false },
  { name: 'accept nothing usable', body: { query: '{ persons { id } }' }, headers: { accept: 'text/html' }, fast: false },
  { name: 'invalid operation', body: { query: '{ person(id: "p1") { unknownField } }' }, fast: false },
  { name: 'syntax error', body: { query: '{ person(id: "p1") { name }' }, fast: false },
  { name: 'missing variable', body: { query: 'query ($id: ID!) { person(id: $id) { name } }' }, fast: false },
  { name: 'variable of the wrong type', body: { query: 'query ($id: ID!) { person(id: $id) { name } }', variables: { id: { no: 1 } } }, fast: false },
  { name: 'unknown operation name', body: { query: 'query A { persons { id } }', operationName: 'B' }, fast: false },
  { name: 'several operations, no name', body: { query: 'query A { persons { id } } query B { persons { name } }' }, fast: false },
  { name: 'introspection', body: { query: '{ __schema { queryType { name } } }' }, fast: false },
  { name: 'automatic persisted query', body: { extensions: { persistedQuery: { version: 1, sha256Hash: 'ab'.repeat(32) } } }, fast: false },
  { name: 'variables as a string', body: { query: '{ persons { id } }', variables: '{}' }, fast: false },
  { name: 'batch', body: [{ query: '{ persons { id } }' }], fast: false },
  { name: 'GET', method: 'GET', search: `?query=${encodeURIComponent('{ persons { id } }')}`, fast: false },
];

interface Answer {
  status: number;
  contentType: string | null;
  cacheControl: string | null;
  body: unknown;
}

async function exchange(url: string, e: Exchange): Promise<Answer> {
  const method = e.method ?? 'POST';
  const response = await fetch(method === 'GET' ? `${url}${e.search ?? ''}` : url, {
    method,
    headers: { ...(method === 'POST' ? { 'content-type': 'application/json' } : { 'apollo-require-preflight': 'true' }), ...e.headers },
    ...(method === 'POST' ? { body: JSON.stringify(e.body) } : {}),
    signal: AbortSignal.timeout(15_000),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = withoutStacks(JSON.parse(text));
  } catch {
    // not JSON: compared as text
  }
  return { status: response.status, contentType: response.headers.get('content-type'), cacheControl: response.headers.get('cache-control'), body };
}

/** Development answers carry stack traces, which name the path's own functions: everything else must match. */
function withoutStacks(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutStacks);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => key !== 'stacktrace').map(([key, v]) => [key, withoutStacks(v)]));
}

async function pathCounts(base: string): Promise<{ fast: number; apollo: number }> {
  const text = await (await fetch(`${base}/metrics`)).text();
  const count = (path: string) => Number(new RegExp(`^onewindow_gateway_request_paths_total\\{path="${path}"\\} (\\d+)`, 'm').exec(text)?.[1] ?? 0);
  return { fast: count('fast'), apollo: count('apollo') };
}

describe('the fast path and Apollo Server', () => {
  let stack: FixtureStack;
  let apolloOnly: StartedProcess;
  let apolloBase: string;
  let dataDir: string;
  beforeAll(async () => {
    stack = await startFixtureStack();
    const port = await freePort();
    apolloBase = `http://127.0.0.1:${port}`;
    dataDir = mkdtempSync(join(tmpdir(), 'onewindow-fastpath-'));
    apolloOnly = await startProcess({
      name: 'gateway-apollo-only',
      args: ['gateway/main.ts', '--supergraph', stack.supergraphPath, '--port', String(port)],
      env: { NODE_ENV: 'test', LOG_LEVEL: 'warn', GATEWAY_AUTH: 'off', GATEWAY_FAST_PATH: 'off', DATA_DIR: dataDir },
      readyUrl: `${apolloBase}/ready`,
    });
  });
  afterAll(async () => {
    await apolloOnly?.stop();
    await stack?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it.each(EXCHANGES)('answer alike: $name', async (e) => {
    const before = await pathCounts(stack.base);
    const fast = await exchange(stack.graphql, e);
    const after = await pathCounts(stack.base);
    const apollo = await exchange(`${apolloBase}/graphql`, e);
    expect(fast).toEqual(apollo);
    if (e.fast) expect(after).toEqual({ fast: before.fast + 1, apollo: before.apollo });
    else expect(after.fast).toBe(before.fast);
  });

  it('answer alike when a subgraph fails: its fields null, its error, the rest served', async () => {
    await stack.police.control('error500');
    try {
      const e: Exchange = { name: 'police down', body: { query: '{ person(id: "p1") { name policeIncidents { caseCode } } }' }, fast: true };
      const fast = await exchange(stack.graphql, e);
      const apollo = await exchange(`${apolloBase}/graphql`, e);
      expect(fast).toEqual(apollo);
      expect((fast.body as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('SUBGRAPH_UNAVAILABLE');
    } finally {
      await stack.police.control('normal');
    }
  });

  it('the gateway without it never takes it', async () => {
    expect((await pathCounts(apolloBase)).fast).toBe(0);
  });
});
