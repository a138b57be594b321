// A failing or slow subgraph costs only its own fields (issue 5, "Tests must
// show"): real gateway and fixture subgraph processes over loopback.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postGraphQL } from '../support/graphql.ts';
import { eventually } from '../support/waitFor.ts';
import { startFixtureStack, type FixtureStack } from '../../fixtures/gateway/startFixtureStack.ts';

const PERSON_VIEW = `query PersonView { person(id: "p1") { id name policeIncidents { caseCode summary } } }`;
const TIMEOUT_MS = 1000;
const COOLDOWN_MS = 800;

describe('gateway resilience', () => {
  let stack: FixtureStack;
  beforeAll(async () => {
    stack = await startFixtureStack({
      gatewayEnv: {
        GATEWAY_SUBGRAPH_TIMEOUT_MS: String(TIMEOUT_MS),
        GATEWAY_BREAKER_FAILURES: '3',
        GATEWAY_BREAKER_COOLDOWN_MS: String(COOLDOWN_MS),
      },
    });
  });
  afterAll(async () => stack?.stop());

  const ready = async () => (await (await fetch(`${stack.base}/ready`)).json()) as { subgraphs: { name: string; reachable: boolean; breaker: string }[] };
  const police = async () => (await ready()).subgraphs.find((s) => s.name === 'police')!;
  const metrics = async () => (await fetch(`${stack.base}/metrics`)).text();

  it('answers from both subgraphs when all is well', async () => {
    const result = await postGraphQL(stack.graphql, PERSON_VIEW);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      person: {
        id: 'p1',
        name: '张三',
        policeIncidents: [
          { caseCode: '420923-GA-2025-000001', summary: '邻里纠纷报警' },
          { caseCode: '420923-GA-2025-000002', summary: '噪音投诉' },
        ],
      },
    });
  });

  it('a killed subgraph: the rest of the answer, an error naming the agency; the breaker opens', async () => {
    await stack.police.kill();
    for (let i = 0; i < 3; i++) {
      const result = await postGraphQL(stack.graphql, PERSON_VIEW);
      expect(result.data).toEqual({ person: { id: 'p1', name: '张三', policeIncidents: null } });
      expect(result.errors).toHaveLength(1);
      expect(result.errors![0]!.extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', reason: 'CONNECTION_FAILED', agency: 'POLICE', subgraph: 'police' });
      expect(result.errors![0]!.message).not.toMatch(/127\.0\.0\.1|https?:/);
    }
    // Three consecutive failures: the circuit is open and police is not called at all.
    const started = performance.now();
    const refused = await postGraphQL(stack.graphql, PERSON_VIEW);
    expect(performance.now() - started).toBeLessThan(200);
    expect(refused.data).toEqual({ person: { id: 'p1', name: '张三', policeIncidents: null } });
    expect(refused.errors![0]!.extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', reason: 'CIRCUIT_OPEN', agency: 'POLICE' });
    expect(await police()).toMatchObject({ reachable: false, breaker: 'open' });
    expect(await metrics()).toContain('onewindow_gateway_circuit_breaker_state{subgraph="police"} 2');
  });

  it('when the subgraph comes back, a probe after the cool-down closes the breaker and its fields return', async () => {
    await stack.police.start();
    const result = await eventually(async () => {
      const r = await postGraphQL(stack.graphql, PERSON_VIEW);
      return r.errors === undefined ? r : undefined;
    }, 'police fields to come back', COOLDOWN_MS + 5000);
    expect((result.data as { person: { policeIncidents: unknown[] } }).person.policeIncidents).toHaveLength(2);
    expect(await police()).toMatchObject({ reachable: true, breaker: 'closed' });
    const text = await metrics();
    expect(text).toContain('onewindow_gateway_circuit_breaker_state{subgraph="police"} 0');
    expect(text).toContain('onewindow_gateway_circuit_breaker_transitions_total{subgraph="police",state="closed"} 1');
  });

  it('a hanging subgraph: the answer arrives within the timeout plus a small margin, with SUBGRAPH_TIMEOUT', async () => {
    await stack.police.control('hang');
    try {
      const started = performance.now();
      const result = await postGraphQL(stack.graphql, PERSON_VIEW);
      const elapsed = performance.now() - started;
      expect(elapsed).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
      expect(elapsed).toBeLessThan(TIMEOUT_MS + 500);
      expect(result.data).toEqual({ person: { id: 'p1', name: '张三', policeIncidents: null } });
      expect(result.errors![0]!.extensions).toMatchObject({ code: 'SUBGRAPH_TIMEOUT', agency: 'POLICE', subgraph: 'police' });
    } finally {
      await stack.police.control('normal');
    }
    expect((await postGraphQL(stack.graphql, PERSON_VIEW)).errors).toBeUndefined();
  });

  it('a 5xx is SUBGRAPH_UNAVAILABLE and its body (with an internal URL) never reaches the client', async () => {
    await stack.police.control('error500');
    try {
      const result = await postGraphQL(stack.graphql, PERSON_VIEW);
      expect(result.errors![0]!.extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', reason: 'SERVER_ERROR', status: 500, agency: 'POLICE' });
      expect(JSON.stringify(result)).not.toContain('10.0.0.7');
    } finally {
      await stack.police.control('normal');
    }
    expect((await postGraphQL(stack.graphql, PERSON_VIEW)).errors).toBeUndefined();
  });

  it('retries a query once on a dropped connection; never a mutation', async () => {
    await stack.police.resetStats();
    await stack.police.control('reset');
    try {
      const query = await postGraphQL(stack.graphql, `{ incident(caseCode: "420923-GA-2025-000001") { summary } }`);
      expect(query.errors![0]!.extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', reason: 'CONNECTION_FAILED' });
      expect((await stack.police.stats()).requests).toBe(2);

      const mutation = await postGraphQL(stack.graphql, `mutation { reportIncident(personId: "p2", summary: "test") { caseCode } }`);
      expect(mutation.errors![0]!.extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', agency: 'POLICE' });
      expect(mutation.errors![0]!.message).toMatch(/may or may not have been applied/);
      expect((await stack.police.stats()).requests).toBe(3);
    } finally {
      await stack.police.control('normal');
    }
  });
});
