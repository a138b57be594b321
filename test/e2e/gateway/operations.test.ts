// /health, /ready, /metrics, request ids, trace context, logs, SIGHUP and
// graceful shutdown of the real gateway process.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postGraphQL } from '../support/graphql.ts';
import { eventually } from '../support/waitFor.ts';
import { startFixtureStack, type FixtureStack } from '../../fixtures/gateway/startFixtureStack.ts';

describe('gateway operations endpoints', () => {
  let stack: FixtureStack;
  beforeAll(async () => {
    // Watching off: the SIGHUP test must see that only the signal reloads.
    stack = await startFixtureStack({ extendedGrid: true, gatewayEnv: { GATEWAY_WATCH_SUPERGRAPH: 'false' } });
  });
  afterAll(async () => stack?.stop());

  it('/health says the process is alive', async () => {
    const response = await fetch(`${stack.base}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'alive' });
  });

  it('/ready lists every subgraph with its URL, reachability and breaker state', async () => {
    const response = await fetch(`${stack.base}/ready`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, any>;
    expect(body.status).toBe('ready');
    expect(body.supergraph).toMatchObject({ id: expect.stringMatching(/^[0-9a-f]{64}$/), file: stack.supergraphPath });
    expect(body.subgraphs).toEqual([
      expect.objectContaining({ name: 'grid', agency: 'GRID', url: stack.grid.url, reachable: true, breaker: 'closed' }),
      expect.objectContaining({ name: 'police', agency: 'POLICE', url: stack.police.url, reachable: true, breaker: 'closed' }),
    ]);
  });

  it('/ready stays 200 with a subgraph down, and says which', async () => {
    await stack.police.kill();
    try {
      const response = await fetch(`${stack.base}/ready`);
      expect(response.status).toBe(200);
      const body = (await response.json()) as { subgraphs: { name: string; reachable: boolean; error?: string }[] };
      expect(body.subgraphs.find((s) => s.name === 'police')).toMatchObject({ reachable: false, error: 'ECONNREFUSED' });
      expect(body.subgraphs.find((s) => s.name === 'grid')).toMatchObject({ reachable: true });
    } finally {
      await stack.police.start();
    }
  });

  it('/metrics has requests by operation and outcome, latencies, subgraph fetches, breakers, plan cache, reloads', async () => {
    const query = `query PersonView { person(id: "p1") { name policeIncidents { caseCode } } }`;
    await postGraphQL(stack.graphql, query);
    await postGraphQL(stack.graphql, query);
    await postGraphQL(stack.graphql, '{ nope }');
    const response = await fetch(`${stack.base}/metrics`);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    expect(text).toContain('onewindow_gateway_requests_total{operation="PersonView",outcome="ok"} 2');
    expect(text).toContain('onewindow_gateway_requests_total{operation="anonymous",outcome="rejected"} 1');
    expect(text).toMatch(/onewindow_gateway_request_duration_seconds_bucket\{le="0\.1",operation="PersonView",outcome="ok"\} \d+/);
    expect(text).toMatch(/onewindow_gateway_subgraph_fetch_duration_seconds_count\{subgraph="grid",outcome="ok"\} \d+/);
    expect(text).toMatch(/onewindow_gateway_subgraph_fetch_duration_seconds_count\{subgraph="police",outcome="ok"\} \d+/);
    expect(text).toContain('# TYPE onewindow_gateway_subgraph_errors_total counter');
    expect(text).toContain('onewindow_gateway_circuit_breaker_state{subgraph="grid"} 0');
    expect(text).toMatch(/onewindow_gateway_query_plan_cache_hits_total [1-9]/);
    expect(text).toMatch(/onewindow_gateway_query_plan_cache_misses_total [1-9]/);
    expect(text).toContain('onewindow_gateway_supergraph_reloads_total{result="ok"} 1');
    expect(text).toContain('onewindow_gateway_process_resident_memory_bytes');
  });

  it('honours x-request-id and traceparent, forwards both to subgraphs, and logs JSON lines with the request id', async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const result = await postGraphQL(stack.graphql, '{ person(id: "p2") { name policeIncidents { summary } } }', {
      headers: { 'x-request-id': 'e2e-request-42', traceparent: `00-${traceId}-00f067aa0ba902b7-01` },
    });
    expect(result.headers.get('x-request-id')).toBe('e2e-request-42');
    for (const subgraph of [stack.grid, stack.police]) {
      const { lastHeaders } = await subgraph.stats();
      expect(lastHeaders['x-request-id']).toBe('e2e-request-42');
      expect(lastHeaders.traceparent).toMatch(new RegExp(`^00-${traceId}-[0-9a-f]{16}-01$`));
      expect(lastHeaders.traceparent).not.toContain('00f067aa0ba902b7');
    }
    const line = await eventually(
      () => stack.gateway.output().split('\n').find((l) => l.includes('"reqId":"e2e-request-42"') && l.includes('request completed')),
      'the access log line',
    );
    expect(JSON.parse(line)).toMatchObject({ level: 30, reqId: 'e2e-request-42', method: 'POST', url: '/graphql', statusCode: 200, outcome: 'ok' });
  });

  it('starts a trace when the client sends none', async () => {
    await postGraphQL(stack.graphql, '{ person(id: "p1") { name } }');
    const { lastHeaders } = await stack.grid.stats();
    expect(lastHeaders.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    expect(lastHeaders['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('re-reads the supergraph on SIGHUP', async () => {
    const nickname = `{ person(id: "p1") { nickname } }`;
    stack.writeSupergraph(stack.composeSupergraph({ extended: true }));
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect((await postGraphQL(stack.graphql, nickname)).status).toBe(400); // not watching: unchanged
    stack.gateway.child.kill('SIGHUP');
    const result = await eventually(async () => {
      const r = await postGraphQL(stack.graphql, nickname);
      return r.errors === undefined ? r : undefined;
    }, 'the reload on SIGHUP');
    expect(result.data).toEqual({ person: { nickname: '阿三' } });
  });

  it('on SIGTERM finishes the request in flight, then exits 0', async () => {
    await stack.police.control('slow', 700);
    const inFlight = postGraphQL(stack.graphql, '{ person(id: "p1") { policeIncidents { caseCode } } }');
    await new Promise((resolve) => setTimeout(resolve, 200));
    stack.gateway.child.kill('SIGTERM');
    const result = await inFlight;
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ person: { policeIncidents: [{ caseCode: '420923-GA-2025-000001' }, { caseCode: '420923-GA-2025-000002' }] } });
    expect(await stack.gateway.exited).toBe(0);
    expect(stack.gateway.output()).toContain('"msg":"stopped"');
  });
});
