import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseGatewayConfig } from '../../../../gateway/config/parseGatewayConfig.ts';
import { build } from '../../../../gateway/createGateway.ts';
import { createMetrics } from '../../../../gateway/metrics/createMetrics.ts';
import { operationId } from '../../../../gateway/production/operationId.ts';
import { PERSON_VIEW } from '../../../e2e/support/expectedPersonView.ts';
import { RECOMMENDED_COST_DIRECTIVES, withCostDirectives } from './withCostDirectives.ts';

// Nothing here may phone home (main.ts sets this for the real process).
process.env.APOLLO_TELEMETRY_DISABLED = 'true';

// Our supergraph with the @cost/@listSize the subgraphs should declare, every
// subgraph down (port 9): the limits act before any fetch.
const supergraph = withCostDirectives(
  readFileSync(new URL('../../../../schema/supergraph.graphql', import.meta.url), 'utf8'),
  RECOMMENDED_COST_DIRECTIVES,
);
const DOWN = 'http://127.0.0.1:9/graphql';
const dir = mkdtempSync(join(tmpdir(), 'onewindow-limits-unit-'));
const supergraphPath = join(dir, 'supergraph.graphql');
writeFileSync(supergraphPath, supergraph);
const manifest = JSON.parse(readFileSync(new URL('../../../../gateway/production/persisted-operations.json', import.meta.url), 'utf8')) as {
  operations: { id: string; name: string; body: string }[];
};
const personView = manifest.operations.find((o) => o.name === 'PersonView')!;

function configFor(env: Record<string, string> = {}) {
  return parseGatewayConfig(['--supergraph', supergraphPath], {
    NODE_ENV: 'test',
    GATEWAY_AUTH: 'off',
    GATEWAY_WATCH_SUPERGRAPH: 'false',
    SUBGRAPH_URLS: JSON.stringify(Object.fromEntries(['grid', 'petitions', 'police', 'courts', 'legalaid'].map((n) => [n, DOWN]))),
    ...env,
  });
}

const post = (app: FastifyInstance, payload: unknown, headers: Record<string, string> = {}) =>
  app.inject({ method: 'POST', url: '/graphql', payload: payload as Record<string, unknown>, headers });
const codesOf = (body: { errors?: { extensions?: { code?: string } }[] }) => (body.errors ?? []).map((e) => e.extensions?.code);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('limits on /graphql (development and test)', () => {
  let app: FastifyInstance;
  const metrics = createMetrics({ defaultMetrics: false });
  beforeAll(async () => {
    app = await build({ config: configFor(), logger: false, metrics });
  });
  afterAll(async () => app.close());

  it('lets the person view through (it only fails on the subgraphs being down)', async () => {
    const response = await post(app, { query: PERSON_VIEW, variables: { idNumber: '420923199001011234' } });
    expect(response.statusCode).toBe(200);
    expect(new Set(codesOf(response.json()))).toEqual(new Set(['SUBGRAPH_UNAVAILABLE']));
  });

  const refused: [string, string, string][] = [
    ['a depth bomb', 'MAX_DEPTH_EXCEEDED', '{ disputes { nodes { related { related { related { related { caseCode } } } } } } }'],
    ['an alias bomb', 'MAX_ALIASES_EXCEEDED', `{ ${Array.from({ length: 16 }, (_, i) => `a${i}: __typename`).join(' ')} }`],
    ['too many root fields', 'MAX_ROOT_FIELDS_EXCEEDED', `{ ${'__typename '.repeat(11)}}`],
    ['a directive bomb', 'MAX_DIRECTIVES_EXCEEDED', `{ __typename ${'@include(if: true) '.repeat(51)}}`],
    ['a cost bomb', 'COST_LIMIT_EXCEEDED', '{ searchPersons(first: 100) { nodes { timeline(first: 100) { nodes { related { caseCode } } } } } }'],
  ];
  it.each(refused)('refuses %s with %s, before any subgraph is called', async (_what, code, query) => {
    const response = await post(app, { query });
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.data).toBeUndefined();
    expect(codesOf(body)).toEqual([code]);
    expect(body.errors[0].extensions).toMatchObject({ limit: expect.any(Number) });
  });

  it('puts the estimated cost in the extensions', async () => {
    const body = (await post(app, { query: refused[4]![2] })).json();
    // searchPersons 10 + 100 persons x (1 + timeline 5 + 100 matters x (1 + related 5 x 1))
    expect(body.errors[0].extensions).toEqual({ code: 'COST_LIMIT_EXCEEDED', cost: 10 + 100 * (1 + 5 + 100 * 6), limit: 5000 });
  });

  it('refuses a 100k-token document fast, without parsing it', async () => {
    const query = `{ ${'__typename '.repeat(100_000)}}`;
    const started = performance.now();
    const response = await post(app, { query });
    expect(performance.now() - started).toBeLessThan(500);
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].extensions).toEqual({ code: 'MAX_TOKENS_EXCEEDED', limit: 1000, actual: 1001 });
  });

  it('refuses a 10 MB body with 413 BODY_TOO_LARGE, as a GraphQL error', async () => {
    const started = performance.now();
    const response = await app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ query: `{ __typename } #${'x'.repeat(10 * 1024 * 1024)}` }),
    });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(response.statusCode).toBe(413);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.json()).toEqual({
      errors: [{ message: expect.stringMatching(/larger than 2000000 bytes/), extensions: { code: 'BODY_TOO_LARGE', limit: 2_000_000 } }],
    });
  });

  it('applies the limits to GET requests too', async () => {
    const query = encodeURIComponent(refused[0]![2]);
    const response = await app.inject({ method: 'GET', url: `/graphql?query=${query}`, headers: { 'apollo-require-preflight': 'true' } });
    expect(response.statusCode).toBe(400);
    expect(codesOf(response.json())).toEqual(['MAX_DEPTH_EXCEEDED']);
  });

  it('runs a registered operation by documentId or by hash; refuses an unknown id', async () => {
    const variables = { idNumber: '420923199001011234' };
    for (const payload of [
      { documentId: personView.id, variables },
      { extensions: { persistedQuery: { version: 1, sha256Hash: operationId(personView.body) } }, variables },
    ]) {
      const response = await post(app, payload);
      expect(response.statusCode).toBe(200);
      expect(new Set(codesOf(response.json()))).toEqual(new Set(['SUBGRAPH_UNAVAILABLE']));
    }
    const unknown = await post(app, { documentId: 'f'.repeat(64) });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].extensions).toEqual({ code: 'OPERATION_NOT_REGISTERED', reason: 'UNKNOWN_ID' });
  });

  it('runs a persisted operation by id over GET (the URL is rewritten)', async () => {
    const variables = encodeURIComponent(JSON.stringify({ idNumber: '420923199001011234' }));
    const response = await app.inject({
      method: 'GET',
      url: `/graphql?documentId=${personView.id}&variables=${variables}`,
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(response.statusCode).toBe(200);
    expect(new Set(codesOf(response.json()))).toEqual(new Set(['SUBGRAPH_UNAVAILABLE']));
  });

  it('counts refusals by code', async () => {
    const text = await metrics.registry.getSingleMetricAsString('onewindow_gateway_limit_refusals_total');
    expect(text).toMatch(/onewindow_gateway_limit_refusals_total\{code="MAX_DEPTH_EXCEEDED"\} [1-9]/);
  });
});

describe('the rate limit', () => {
  it('answers 429 RATE_LIMITED with Retry-After once the burst is spent, per IP without a user', async () => {
    const app = await build({ config: configFor({ GATEWAY_RATE_LIMIT_BURST: '3', GATEWAY_RATE_LIMIT_PER_MINUTE: '6' }), logger: false });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) statuses.push((await post(app, { query: '{ __typename }' })).statusCode);
      expect(statuses).toEqual([200, 200, 200]);
      const limited = await post(app, { query: '{ __typename }' });
      expect(limited.statusCode).toBe(429);
      expect(limited.headers['retry-after']).toBe('10');
      expect(limited.json().errors[0].extensions).toEqual({ code: 'RATE_LIMITED', retryAfterSeconds: 10 });
      const otherAddress = await app.inject({ method: 'POST', url: '/graphql', payload: { query: '{ __typename }' }, remoteAddress: '10.0.0.2' });
      expect(otherAddress.statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });
});

describe('production mode refuses to start', () => {
  it('without its persisted-operations manifest', async () => {
    const missing = join(dir, 'missing.json');
    const config = () =>
      configFor({
        NODE_ENV: 'production',
        GATEWAY_AUTH: 'on',
        GATEWAY_JWT_SECRET: 'x'.repeat(40),
        GATEWAY_CONTEXT_PRIVATE_KEY: JSON.stringify({ kty: 'OKP', crv: 'Ed25519', d: 'A'.repeat(43), x: 'B'.repeat(43) }),
        GATEWAY_PERSISTED_OPERATIONS: missing,
      });
    await expect(build({ config: config(), logger: false })).rejects.toThrow(/persisted-operations manifest .*missing\.json does not exist/);
    writeFileSync(missing, '{"format":"something else"}');
    await expect(build({ config: config(), logger: false })).rejects.toThrow(/is not usable/);
  });
});
