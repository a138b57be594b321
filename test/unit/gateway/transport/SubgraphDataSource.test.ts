import type { FastifyBaseLogger } from 'fastify';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { GatewayContext } from '../../../../gateway/context/createGatewayContext.ts';
import { createMetrics } from '../../../../gateway/metrics/createMetrics.ts';
import { prepareSubgraphRequest, SubgraphDataSource, type HeadersFor } from '../../../../gateway/transport/SubgraphDataSource.ts';
import { SubgraphPools } from '../../../../gateway/transport/SubgraphPools.ts';
import { SubgraphStates } from '../../../../gateway/transport/SubgraphStates.ts';
import { traceContextFrom } from '../../../../gateway/transport/traceContext.ts';

type Handler = (request: IncomingMessage, body: string, response: ServerResponse) => void;

const silent = { debug() {}, info() {}, warn() {}, error() {}, fatal() {}, trace() {}, child() { return silent; } } as unknown as FastifyBaseLogger;

describe('SubgraphDataSource', () => {
  let server: Server;
  let url: string;
  let handler: Handler;
  let hits: { headers: IncomingMessage['headers']; body: string }[];
  const pools = new SubgraphPools({ connections: 4, connectTimeoutMs: 1000 });

  beforeAll(async () => {
    server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        hits.push({ headers: request.headers, body });
        handler(request, body, response);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/graphql`;
  });
  afterAll(async () => {
    await pools.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  beforeEach(() => {
    hits = [];
    handler = json(200, { data: { ok: true } });
  });

  function source(options: { timeoutMs?: number; headersFor?: HeadersFor; failureThreshold?: number } = {}) {
    const metrics = createMetrics({ defaultMetrics: false });
    const states = new SubgraphStates({
      breaker: { failureThreshold: options.failureThreshold ?? 5, cooldownMs: 60_000 },
      retry: { maxRetries: 1, budgetRatio: 0.2, budgetMinPerSecond: 5 },
    });
    const dataSource = new SubgraphDataSource({
      name: 'police',
      agency: 'POLICE',
      url,
      pools,
      state: states.for('police'),
      timeoutMs: options.timeoutMs ?? 2000,
      maxRetries: 1,
      metrics,
      log: silent,
      ...(options.headersFor ? { headersFor: options.headersFor } : {}),
    });
    return { dataSource, metrics, breaker: states.for('police').breaker };
  }

  const context = {
    requestId: 'req-1',
    trace: traceContextFrom('00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01', undefined),
    log: silent,
  } as unknown as GatewayContext;

  const send = (dataSource: SubgraphDataSource, query = 'query { ok }') =>
    dataSource.process({
      kind: 'incoming operation',
      request: { query, variables: { a: 1 } },
      incomingRequestContext: {},
      context,
    } as never);

  const failureOf = async (promise: Promise<unknown>) => {
    try {
      await promise;
    } catch (error) {
      return (error as { extensions: Record<string, unknown> }).extensions;
    }
    throw new Error('expected a failure');
  };

  it('sends a prepared request with the same body and headers as process', async () => {
    const { dataSource } = source({ headersFor: (ctx, subgraph) => ({ 'x-user-context': `${ctx.requestId}@${subgraph.agency}` }) });
    const query = 'query Q__police__0($a: Int) { ok(a: $a) }';
    await dataSource.process({ kind: 'incoming operation', request: { query, operationName: 'Q__police__0', variables: { a: 1 } }, incomingRequestContext: {}, context } as never);
    const response = await dataSource.send(prepareSubgraphRequest(query, 'Q__police__0'), { a: 1 }, { context });
    expect(response.data).toEqual({ ok: true });
    const [viaProcess, viaSend] = hits;
    expect(viaSend!.body).toBe(viaProcess!.body);
    expect(JSON.parse(viaSend!.body)).toEqual({ query, operationName: 'Q__police__0', variables: { a: 1 } });
    expect(viaSend!.headers['x-user-context']).toBe('req-1@POLICE');
    expect(prepareSubgraphRequest('mutation M { x }', 'M').mutation).toBe(true);
    expect(prepareSubgraphRequest(query, undefined).bodyStart).toBe(`{"query":${JSON.stringify(query)}`);
  });

  it('posts the operation as JSON with trace context, request id and the headersFor hook', async () => {
    const { dataSource } = source({ headersFor: (ctx, subgraph) => ({ 'x-user-context': `${ctx.requestId}@${subgraph.agency}` }) });
    const response = await send(dataSource);
    expect(response.data).toEqual({ ok: true });
    const [hit] = hits;
    expect(JSON.parse(hit!.body)).toEqual({ query: 'query { ok }', variables: { a: 1 } });
    expect(hit!.headers['content-type']).toBe('application/json');
    expect(hit!.headers['x-request-id']).toBe('req-1');
    expect(hit!.headers.traceparent).toMatch(/^00-4bf92f3577b34da6a3ce929d0e0e4736-[0-9a-f]{16}-01$/);
    expect(hit!.headers['x-user-context']).toBe('req-1@POLICE');
  });

  it('passes GraphQL errors of a 200 answer through as they are', async () => {
    handler = json(200, { data: null, errors: [{ message: 'not found', extensions: { code: 'NOT_FOUND' } }] });
    const response = await send(source().dataSource);
    expect(response.errors).toEqual([{ message: 'not found', extensions: { code: 'NOT_FOUND' } }]);
  });

  it('retries a query once on a 503, within the budget, then succeeds', async () => {
    let n = 0;
    handler = (request, body, response) => (n++ === 0 ? json(503, {})(request, body, response) : json(200, { data: { ok: 1 } })(request, body, response));
    const { dataSource, metrics } = source();
    expect((await send(dataSource)).data).toEqual({ ok: 1 });
    expect(hits).toHaveLength(2);
    expect((await metrics.subgraphRetries.get()).values[0]?.value).toBe(1);
  });

  it('never retries a mutation', async () => {
    handler = json(503, {});
    const failure = await failureOf(send(source().dataSource, 'mutation { report }'));
    expect(hits).toHaveLength(1);
    expect(failure).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', reason: 'SERVER_ERROR', status: 503, agency: 'POLICE', subgraph: 'police' });
  });

  it('a 4xx or a body that is not JSON is SUBGRAPH_BAD_RESPONSE and does not count against the breaker', async () => {
    const { dataSource, breaker } = source({ failureThreshold: 1 });
    handler = json(401, { errors: [{ message: 'signature required' }] });
    expect(await failureOf(send(dataSource))).toMatchObject({ code: 'SUBGRAPH_BAD_RESPONSE', reason: 'REJECTED', status: 401 });
    handler = (_q, _b, response) => response.writeHead(200, { 'content-type': 'text/html' }).end('<html>proxy error</html>');
    expect(await failureOf(send(dataSource))).toMatchObject({ code: 'SUBGRAPH_BAD_RESPONSE', reason: 'MALFORMED' });
    handler = json(200, [1, 2]);
    expect(await failureOf(send(dataSource))).toMatchObject({ code: 'SUBGRAPH_BAD_RESPONSE', reason: 'MALFORMED' });
    expect(breaker.state).toBe('closed');
  });

  it('gives up at the timeout with SUBGRAPH_TIMEOUT, and the breaker opens after repeated failures', async () => {
    handler = () => undefined; // never answers
    const { dataSource, breaker } = source({ timeoutMs: 150, failureThreshold: 2 });
    const started = performance.now();
    expect(await failureOf(send(dataSource))).toMatchObject({ code: 'SUBGRAPH_TIMEOUT', reason: 'TIMEOUT' });
    // It gave up at its own deadline, not at the server's whim (the server never answers);
    // the bound is loose so a busy machine cannot fail it.
    expect(performance.now() - started).toBeLessThan(1_500);
    await failureOf(send(dataSource));
    expect(breaker.state).toBe('open');
    const before = hits.length;
    expect(await failureOf(send(dataSource))).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', reason: 'CIRCUIT_OPEN' });
    expect(hits.length).toBe(before);
  });

  it('a fetch still queued for a connection at its deadline times out too, and is never sent', async () => {
    handler = () => undefined; // never answers: the one connection stays busy
    const onePool = new SubgraphPools({ connections: 1, connectTimeoutMs: 1000 });
    try {
      const dataSource = new SubgraphDataSource({
        name: 'police',
        agency: 'POLICE',
        url,
        pools: onePool,
        state: new SubgraphStates({ breaker: { failureThreshold: 5, cooldownMs: 1000 }, retry: { maxRetries: 0, budgetRatio: 0.2, budgetMinPerSecond: 5 } }).for('police'),
        timeoutMs: 150,
        maxRetries: 0,
        metrics: createMetrics({ defaultMetrics: false }),
        log: silent,
      });
      const [first, second] = await Promise.all([failureOf(send(dataSource)), failureOf(send(dataSource))]);
      expect(first).toMatchObject({ code: 'SUBGRAPH_TIMEOUT' });
      expect(second).toMatchObject({ code: 'SUBGRAPH_TIMEOUT' });
      // Let the aborted first connection close and the pool move on: the queued one was aborted before it started.
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(hits).toHaveLength(1);
    } finally {
      await onePool.close();
    }
  });

  it('a refused connection is SUBGRAPH_UNAVAILABLE (after one retry for a query)', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const address = closed.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    await new Promise((resolve) => closed.close(resolve));
    const metrics = createMetrics({ defaultMetrics: false });
    const states = new SubgraphStates({ breaker: { failureThreshold: 5, cooldownMs: 1000 }, retry: { maxRetries: 1, budgetRatio: 0.2, budgetMinPerSecond: 5 } });
    const dataSource = new SubgraphDataSource({
      name: 'courts',
      agency: 'COURTS',
      url: `http://127.0.0.1:${port}/graphql`,
      pools,
      state: states.for('courts'),
      timeoutMs: 2000,
      maxRetries: 1,
      metrics,
      log: silent,
    });
    expect(await failureOf(send(dataSource))).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', reason: 'CONNECTION_FAILED', agency: 'COURTS' });
    expect((await metrics.subgraphRetries.get()).values[0]?.value).toBe(1);
  });
});

function json(status: number, body: unknown): Handler {
  return (_request, _body, response) => {
    response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  };
}
