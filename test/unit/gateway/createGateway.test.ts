import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseGatewayConfig } from '../../../gateway/config/parseGatewayConfig.ts';
import { build } from '../../../gateway/createGateway.ts';
import { createMetrics } from '../../../gateway/metrics/createMetrics.ts';
import { AUTHORIZATION_FEATURES } from '../../../gateway/supergraph/securityFeatures.ts';
import { composeFixtureSupergraph } from '../../fixtures/gateway/composeFixtureSupergraph.ts';
import { PRODUCTION_SECURITY_ENV } from '../../fixtures/gateway/productionSecurityEnv.ts';

// Nothing here may phone home (main.ts sets this for the real process).
process.env.APOLLO_TELEMETRY_DISABLED = 'true';

// Nothing listens on port 9 (discard) on loopback: every fetch is refused.
const DOWN = { grid: 'http://127.0.0.1:9/graphql', police: 'http://127.0.0.1:9/police' };
const dir = mkdtempSync(join(tmpdir(), 'onewindow-gateway-unit-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
// Authentication off: these tests are about the gateway's plumbing (test/unit/gateway/security covers security).
const configFor = (supergraphPath: string, env: Record<string, string> = {}) =>
  parseGatewayConfig(['--supergraph', supergraphPath], {
    NODE_ENV: 'test',
    GATEWAY_WATCH_SUPERGRAPH: 'false',
    GATEWAY_PROBE_TIMEOUT_MS: '200',
    GATEWAY_AUTH: 'off',
    ...env,
  });

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('build()', () => {
  let app: FastifyInstance;
  const metrics = createMetrics({ defaultMetrics: false });
  beforeAll(async () => {
    app = await build({ config: configFor(file('base.graphql', composeFixtureSupergraph(DOWN))), logger: false, metrics });
  });
  afterAll(async () => app.close());

  it('serves /health and /ready without any subgraph up', async () => {
    expect((await app.inject('/health')).json()).toEqual({ status: 'alive' });
    const ready = await app.inject('/ready');
    expect(ready.statusCode).toBe(200);
    const body = ready.json();
    expect(body.status).toBe('ready');
    expect(body.subgraphs).toEqual([
      expect.objectContaining({ name: 'grid', agency: 'GRID', url: DOWN.grid, reachable: false, breaker: 'closed' }),
      expect.objectContaining({ name: 'police', agency: 'POLICE', url: DOWN.police, reachable: false, breaker: 'closed' }),
    ]);
  });

  it('honours a well-formed x-request-id and replaces a malformed one', async () => {
    const honoured = await app.inject({ url: '/health', headers: { 'x-request-id': 'abc-123' } });
    expect(honoured.headers['x-request-id']).toBe('abc-123');
    const replaced = await app.inject({ url: '/health', headers: { 'x-request-id': 'bad id with spaces' } });
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers with the agency named when its subgraph is down', async () => {
    const response = await app.inject({ method: 'POST', url: '/graphql', payload: { query: '{ person(id: "p1") { name } }' } });
    const body = response.json();
    expect(body.data).toEqual({ person: null });
    expect(body.errors[0].extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', agency: 'GRID', subgraph: 'grid' });
  });

  it('refuses a broken supergraph and keeps serving the current one; accepts a good one', async () => {
    const host = app.gateway.host;
    const before = host.current!.id;
    const refused = await host.update('type Query { broken');
    expect(refused).toMatchObject({ ok: false, refusal: { code: 'SUPERGRAPH_INVALID' } });
    const notASupergraph = await host.update('type Query { hello: String }');
    expect(notASupergraph).toMatchObject({ ok: false, refusal: { code: 'SUPERGRAPH_INVALID' } });
    expect(host.current!.id).toBe(before);
    expect((await metrics.supergraphReloads.get()).values).toContainEqual(
      expect.objectContaining({ labels: { result: 'refused', code: 'SUPERGRAPH_INVALID' }, value: 2 }),
    );

    const nickname = { method: 'POST' as const, url: '/graphql', payload: { query: '{ person(id: "p1") { nickname } }' } };
    expect((await app.inject(nickname)).json().errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const accepted = await host.update(composeFixtureSupergraph(DOWN, { extended: true }));
    expect(accepted.ok).toBe(true);
    expect(host.current!.id).not.toBe(before);
    expect((await app.inject(nickname)).json().errors[0].extensions.code).toBe('SUBGRAPH_UNAVAILABLE');
  });

  it('serves GraphiQL outside production, with a strict Content-Security-Policy', async () => {
    const page = await app.inject('/graphiql');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect((await app.inject('/graphiql/assets/nope.js')).statusCode).toBe(404);
  });
});

describe('build() refuses to start', () => {
  it('on a file that is not a supergraph, naming the problem', async () => {
    await expect(build({ config: configFor(file('bad.graphql', 'type Query { a: String }')), logger: false })).rejects.toThrow(/SUPERGRAPH_INVALID/);
  });

  it('on a missing file', async () => {
    await expect(build({ config: configFor(join(dir, 'missing.graphql')), logger: false })).rejects.toThrow(/ENOENT/);
  });
});

describe('authorization directives (@requiresScopes in our own supergraph)', () => {
  const ours = readFileSync(new URL('../../../schema/supergraph.graphql', import.meta.url), 'utf8');
  const secured = ours.includes('for: SECURITY') ? ours : undefined;

  it.skipIf(!secured)('are served unenforced with authentication off, outside production only', async () => {
    const path = file('ours.graphql', secured!);
    const app = await build({ config: configFor(path), logger: false });
    expect(app.gateway.host.current!.unenforcedFeatures.length).toBeGreaterThan(0);
    await app.close();
    // Without authentication and without unenforced serving, stock's refusal stands.
    await expect(build({ config: configFor(path, { GATEWAY_ALLOW_UNENFORCED_AUTHORIZATION: 'false' }), logger: false })).rejects.toThrow(
      /is for: SECURITY but is unsupported/,
    );
    expect(() => configFor(path, { NODE_ENV: 'production', ...PRODUCTION_SECURITY_ENV })).toThrow(/GATEWAY_AUTH=off is refused in production/);
  });

  it.skipIf(!secured)('load in production, enforced by the gateway (authentication on)', async () => {
    const app = await build({
      config: configFor(file('ours2.graphql', secured!), { NODE_ENV: 'production', GATEWAY_AUTH: 'on', ...PRODUCTION_SECURITY_ENV }),
      logger: false,
    });
    expect(app.gateway.host.current!.unenforcedFeatures).toEqual([]);
    expect((await app.inject('/graphiql')).statusCode).toBe(404);
    await app.close();
  });

  it.skipIf(!secured)('load when a plugin declares it enforces them', async () => {
    const app = await build({
      config: configFor(file('ours3.graphql', secured!), { GATEWAY_ALLOW_UNENFORCED_AUTHORIZATION: 'false' }),
      logger: false,
      enforcedSecurityFeatures: AUTHORIZATION_FEATURES,
    });
    expect(app.gateway.host.current!.unenforcedFeatures).toEqual([]);
    await app.close();
  });
});
