// The gateway starts and serves, with errors, when every subgraph is down;
// in production nothing internal (URLs, stack traces) reaches a client.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postGraphQL } from '../support/graphql.ts';
import { startFixtureStack, type FixtureStack } from '../../fixtures/gateway/startFixtureStack.ts';

describe('every subgraph down (production mode)', () => {
  let stack: FixtureStack;
  beforeAll(async () => {
    // Production runs only registered operations: these are this test's.
    stack = await startFixtureStack({
      subgraphsUp: false,
      gatewayEnv: { NODE_ENV: 'production' },
      persistedOperations: [
        `{ person(id: "p1") { name policeIncidents { summary } } incident(caseCode: "x") { summary } }`,
        `query ($id: ID!) { person(id: $id) { name } }`,
        `{ person(id: "p2") { name policeIncidents { summary } } }`,
      ],
    });
  });
  afterAll(async () => stack?.stop());

  it('is ready: a supergraph is loaded; /ready says no subgraph is reachable', async () => {
    const response = await fetch(`${stack.base}/ready`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { subgraphs: { name: string; reachable: boolean }[] };
    expect(body.subgraphs.map((s) => [s.name, s.reachable])).toEqual([
      ['grid', false],
      ['police', false],
    ]);
  });

  it('answers every operation with errors naming the agencies, and nothing internal', async () => {
    const result = await postGraphQL(stack.graphql, `{ person(id: "p1") { name policeIncidents { summary } } incident(caseCode: "x") { summary } }`, {
      headers: stack.headers,
    });
    expect(result.status).toBe(200);
    expect(result.data).toEqual({ person: null, incident: null });
    expect(result.errors!.map((e) => [e.extensions!.code, e.extensions!.agency]).sort()).toEqual([
      ['SUBGRAPH_UNAVAILABLE', 'GRID'],
      ['SUBGRAPH_UNAVAILABLE', 'POLICE'],
    ]);
    const text = JSON.stringify(result);
    expect(text).not.toMatch(/127\.0\.0\.1|localhost|https?:|stacktrace|ECONNREFUSED|\.ts:\d+/);
  });

  it('still validates operations with clear errors (not masked)', async () => {
    const result = await postGraphQL(stack.graphql, `query ($id: ID!) { person(id: $id) { name } }`, { headers: stack.headers });
    expect(result.errors![0]!.message).toMatch(/\$id/);
    expect(JSON.stringify(result)).not.toMatch(/stacktrace/);
  });

  it('picks the subgraphs up when they start, without a restart', async () => {
    await Promise.all([stack.grid.start(), stack.police.start()]);
    const result = await postGraphQL(stack.graphql, `{ person(id: "p2") { name policeIncidents { summary } } }`, { headers: stack.headers });
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ person: { name: '李四', policeIncidents: [{ summary: '车辆刮擦' }] } });
  });
});
