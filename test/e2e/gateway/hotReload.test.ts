// Supergraph hot reload: a good new file is picked up, a broken one is refused
// while the old keeps serving, requests in flight finish on their supergraph.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postGraphQL } from '../support/graphql.ts';
import { eventually } from '../support/waitFor.ts';
import { startFixtureStack, type FixtureStack } from '../../fixtures/gateway/startFixtureStack.ts';

const NICKNAME = `{ person(id: "p1") { name nickname } }`;

describe('supergraph hot reload', () => {
  let stack: FixtureStack;
  // The grid fixture already serves Person.nickname (deployed first); the supergraph does not, yet.
  beforeAll(async () => {
    stack = await startFixtureStack({ extendedGrid: true });
  });
  afterAll(async () => stack?.stop());

  const metric = async (pattern: RegExp) => {
    const text = await (await fetch(`${stack.base}/metrics`)).text();
    const match = text.match(pattern);
    return match ? Number(match[1]) : 0;
  };
  const reloadsOk = () => metric(/^onewindow_gateway_supergraph_reloads_total\{result="ok"\} (\d+)$/m);
  const refused = (code: string) => metric(new RegExp(`^onewindow_gateway_supergraph_reloads_total\\{result="refused",code="${code}"\\} (\\d+)$`, 'm'));
  const supergraphId = async () => ((await (await fetch(`${stack.base}/ready`)).json()) as { supergraph: { id: string } }).supergraph.id;

  it('picks up a good new supergraph file', async () => {
    const before = await postGraphQL(stack.graphql, NICKNAME);
    expect(before.status).toBe(400);
    expect(before.errors![0]!.extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const oldId = await supergraphId();

    stack.writeSupergraph(stack.composeSupergraph({ extended: true }));
    const after = await eventually(async () => {
      const r = await postGraphQL(stack.graphql, NICKNAME);
      return r.errors === undefined ? r : undefined;
    }, 'the new supergraph to serve nickname');
    expect(after.data).toEqual({ person: { name: '张三', nickname: '阿三' } });
    expect(await supergraphId()).not.toBe(oldId);
    expect(await reloadsOk()).toBe(2);
    // The log line travels through the child's stdout pipe and may arrive after the HTTP answers.
    await eventually(() => stack.gateway.output().includes('supergraph reloaded'), 'the reload to be logged');
  });

  it('refuses a broken file, logs and counts it, and keeps serving the current supergraph', async () => {
    const id = await supergraphId();
    stack.writeSupergraph('schema @link(url: "https://specs.apollo.dev/link/v1.0") { query: Query }\ntype Query {');
    await eventually(async () => (await refused('SUPERGRAPH_INVALID')) === 1, 'the refusal to be counted');
    await eventually(() => /supergraph refused; the current one keeps serving/.test(stack.gateway.output()), 'the refusal to be logged');
    expect(await supergraphId()).toBe(id);
    expect((await postGraphQL(stack.graphql, NICKNAME)).data).toEqual({ person: { name: '张三', nickname: '阿三' } });

    // Valid GraphQL that is not a supergraph is refused too.
    stack.writeSupergraph('type Query { hello: String }');
    await eventually(async () => (await refused('SUPERGRAPH_INVALID')) === 2, 'the second refusal to be counted');
    expect(await supergraphId()).toBe(id);
    expect((await postGraphQL(stack.graphql, NICKNAME)).errors).toBeUndefined();
  });

  it('lets a request in flight finish on the supergraph it started on', async () => {
    await stack.police.control('slow', 1500);
    try {
      const reloads = await reloadsOk();
      const inFlight = postGraphQL(stack.graphql, `{ person(id: "p1") { nickname policeIncidents { caseCode } } }`);
      await new Promise((resolve) => setTimeout(resolve, 300));
      // The new supergraph no longer has nickname.
      stack.writeSupergraph(stack.composeSupergraph());
      await eventually(async () => (await reloadsOk()) === reloads + 1, 'the reload');
      const result = await inFlight;
      expect(result.errors).toBeUndefined();
      expect(result.data).toEqual({
        person: { nickname: '阿三', policeIncidents: [{ caseCode: '420923-GA-2025-000001' }, { caseCode: '420923-GA-2025-000002' }] },
      });
    } finally {
      await stack.police.control('normal');
    }
    expect((await postGraphQL(stack.graphql, NICKNAME)).errors![0]!.extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
