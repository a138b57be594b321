// Issue 6 item 7: the gateway as a real process in front of the five real
// subgraphs refuses depth, alias, root-field, directive, token, cost and body
// bombs with their codes, quickly and without falling over, serves the
// person view, and rate-limits per user.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintToken } from '../../../gateway/security/mintToken.ts';
import { loadWorld } from '../../unit/world/loadWorld.ts';
import { PERSON_VIEW } from '../support/expectedPersonView.ts';
import { freePort } from '../support/freePort.ts';
import { postGraphQL } from '../support/graphql.ts';
import { startProcess, type StartedProcess } from '../support/startProcess.ts';
import { startSubgraphs, type RunningSubgraphs } from '../support/startSubgraphs.ts';
import { rawPost } from './rawHttp.ts';

describe('limits at the gateway (real processes)', () => {
  let system: RunningSubgraphs;
  let gateway: StartedProcess;
  let graphql: string;
  let idNumber: string;
  let headers: Record<string, string>;

  beforeAll(async () => {
    system = await startSubgraphs({ people: 300 });
    const world = await loadWorld(system.worldDir);
    idNumber = world.journeys[0]!.persons[0]!;
    const county = world.persons.get(idNumber)!.division.slice(0, 6);
    const port = await freePort();
    graphql = `http://127.0.0.1:${port}/graphql`;
    gateway = await startProcess({
      name: 'gateway',
      args: ['gateway/main.ts', '--port', String(port)],
      env: {
        NODE_ENV: 'test',
        LOG_LEVEL: 'warn',
        DATA_DIR: system.dataDir,
        SUBGRAPH_URLS: JSON.stringify(system.urls),
        GATEWAY_WATCH_SUPERGRAPH: 'false',
      },
      readyUrl: `http://127.0.0.1:${port}/ready`,
      readyTimeoutMs: 60_000,
    });
    // A case handler of the person's county (development keys, as the gateway uses outside production).
    const token = await mintToken({ sub: 'limits.e2e', name: '限流测试', agency: 'GRID', roles: ['case_handler'], jurisdiction: [county] });
    headers = { authorization: `Bearer ${token}`, 'x-access-purpose': 'reason:limits e2e test' };
  });
  afterAll(async () => {
    await gateway?.stop();
    await system?.close();
  });

  it('serves the person view', async () => {
    const result = await postGraphQL(graphql, PERSON_VIEW, { variables: { idNumber }, headers });
    expect(result.status).toBe(200);
    const limitCodes = (result.errors ?? []).map((e) => e.extensions?.code).filter((c) => /EXCEEDED|LIMIT|NOT_REGISTERED/.test(String(c)));
    expect(limitCodes).toEqual([]);
    expect(result.data?.personByIdNumber).toMatchObject({ id: expect.any(String) });
  });

  const bombs: [string, string, string][] = [
    ['depth', 'MAX_DEPTH_EXCEEDED', '{ disputes { nodes { related { related { related { related { caseCode } } } } } } }'],
    ['alias', 'MAX_ALIASES_EXCEEDED', `{ ${Array.from({ length: 100 }, (_, i) => `a${i}: __typename`).join(' ')} }`],
    ['root-field', 'MAX_ROOT_FIELDS_EXCEEDED', `{ ${'__typename '.repeat(11)}}`],
    ['directive', 'MAX_DIRECTIVES_EXCEEDED', `{ __typename ${'@skip(if: false) '.repeat(60)}}`],
    ['token', 'MAX_TOKENS_EXCEEDED', `{ ${'__typename '.repeat(100_000)}}`],
    // Nested lists within the depth limit: over the budget with or without the subgraphs' @listSize.
    ['cost', 'COST_LIMIT_EXCEEDED', '{ disputes(first: 100) { nodes { related { related { related { caseCode } } } } } }'],
  ];
  it.each(bombs)('refuses a %s bomb with %s, fast', async (_kind, code, query) => {
    const started = performance.now();
    const result = await postGraphQL(graphql, query, { headers });
    // Generous for a loaded CI machine; the unit tests bound the work itself.
    expect(performance.now() - started).toBeLessThan(2000);
    expect(result.status).toBe(400);
    expect(result.data).toBeUndefined();
    expect(result.errors!.map((e) => e.extensions?.code)).toEqual([code]);
  });

  it('says what the cost was', async () => {
    const result = await postGraphQL(graphql, bombs[5]![2], { headers });
    expect(result.errors![0]!.extensions).toMatchObject({ code: 'COST_LIMIT_EXCEEDED', cost: expect.any(Number), limit: 5000 });
    expect(result.errors![0]!.extensions!.cost).toBeGreaterThan(5000);
  });

  it('refuses a 10 MB body with 413 BODY_TOO_LARGE from its declared length, before reading any of it', async () => {
    const started = performance.now();
    const response = await rawPost(graphql, { headers: { 'content-type': 'application/json', ...headers }, declaredLength: 10 * 1024 * 1024 });
    expect(performance.now() - started).toBeLessThan(2000);
    expect(response.status).toBe(413);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(response.body)).toMatchObject({ errors: [{ extensions: { code: 'BODY_TOO_LARGE', limit: 2_000_000 } }] });
  });

  it('refuses a streamed (chunked) body as soon as it passes the limit, and keeps serving', async () => {
    // 8 x 256 KiB: the last chunk crosses 2,000,000 bytes; no final chunk follows.
    const response = await rawPost(graphql, {
      headers: { 'content-type': 'application/json', ...headers },
      chunk: Buffer.alloc(256 * 1024, 0x20),
      chunks: 8,
    });
    expect(response.status).toBe(413);
    expect(JSON.parse(response.body)).toMatchObject({ errors: [{ extensions: { code: 'BODY_TOO_LARGE' } }] });
    expect((await postGraphQL(graphql, '{ __typename }', { headers })).data).toEqual({ __typename: 'Query' });
    expect(gateway.hasExited).toBe(false);
  });

  it('rate-limits per user: 429 with Retry-After after the burst, other users unaffected', async () => {
    const token = await mintToken({ sub: 'limits.e2e.busy', jurisdiction: ['420923'] });
    const busy = { authorization: `Bearer ${token}` };
    let limited: Awaited<ReturnType<typeof postGraphQL>> | undefined;
    let served = 0;
    for (let i = 0; i < 200 && !limited; i++) {
      const result = await postGraphQL(graphql, '{ __typename }', { headers: busy });
      if (result.status === 429) limited = result;
      else served++;
    }
    expect(limited, 'a 429 within 200 requests').toBeDefined();
    // The default burst is 60; a few tokens refill while the loop runs.
    expect(served).toBeGreaterThanOrEqual(60);
    expect(served).toBeLessThan(120);
    expect(Number(limited!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(limited!.errors![0]!.extensions).toMatchObject({ code: 'RATE_LIMITED' });
    expect((await postGraphQL(graphql, '{ __typename }', { headers })).status).toBe(200);
  });
});
