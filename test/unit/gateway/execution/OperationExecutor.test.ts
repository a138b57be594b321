// The executor's doors and fallbacks on a small composed supergraph, served
// by two in-process HTTP subgraphs through the real transport: what ours does
// not run (a subscription) goes to @apollo/gateway's executor, never answered
// differently; GATEWAY_EXECUTOR=apollo hands Apollo Server @apollo/gateway's
// executor; the lean compile/run door answers as Apollo Server's door does.
import { composeServices } from '@apollo/composition';
import type { FastifyBaseLogger, FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GatewayContext } from '../../../../gateway/context/createGatewayContext.ts';
import type { GatewayExecutor, GatewayRequestContext } from '../../../../gateway/execution/gatewayTypes.ts';
import { createMetrics } from '../../../../gateway/metrics/createMetrics.ts';
import { PlanCache } from '../../../../gateway/supergraph/PlanCache.ts';
import { SupergraphHost, type SupergraphGeneration } from '../../../../gateway/supergraph/SupergraphHost.ts';
import { SubgraphDataSource } from '../../../../gateway/transport/SubgraphDataSource.ts';
import { SubgraphPools } from '../../../../gateway/transport/SubgraphPools.ts';
import { SubgraphStates } from '../../../../gateway/transport/SubgraphStates.ts';
import { traceContextFrom } from '../../../../gateway/transport/traceContext.ts';

const silent = { debug() {}, info() {}, warn() {}, error() {}, fatal() {}, trace() {}, child: () => silent } as unknown as FastifyBaseLogger;
const context: GatewayContext = { requestId: 'unit', trace: traceContextFrom(undefined, undefined), log: silent, request: {} as FastifyRequest };

const SUBGRAPHS = {
  shop: `
    extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
    type Query { product(id: ID!): Product, greeting(loud: Boolean = false): String }
    type Subscription { ticks: Int }
    type Product @key(fields: "id") { id: ID! price: Int }`,
  reviews: `
    extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
    type Product @key(fields: "id") { id: ID! stars: [Int!] }`,
};

/** A subgraph answering from the operation it receives (a fixed catalogue). */
function answer(name: keyof typeof SUBGRAPHS, body: { query: string; variables?: Record<string, any> }): unknown {
  if (name === 'shop') {
    const data: Record<string, unknown> = {};
    if (body.query.includes('greeting')) data.greeting = 'hi';
    const argument = /product\(id:(?:\$(\w+)|"(\w+)")\)/.exec(body.query);
    if (argument) {
      const id = argument[1] ? body.variables?.[argument[1]] : argument[2];
      data.product = id === 'missing' ? null : { __typename: 'Product', id, price: 7 };
    }
    return { data };
  }
  return { data: { _entities: body.variables!.representations.map((r: { id: string }) => ({ stars: r.id === 'p1' ? [5, 4] : [] })) } };
}

describe('OperationExecutor', () => {
  const servers: Server[] = [];
  const urls: Record<string, string> = {};
  const pools = new SubgraphPools({ connections: 2, connectTimeoutMs: 1000 });
  let sdl: string;

  beforeAll(async () => {
    for (const name of Object.keys(SUBGRAPHS) as (keyof typeof SUBGRAPHS)[]) {
      const server = createServer((request, response) => {
        let body = '';
        request.on('data', (chunk) => (body += chunk));
        request.on('end', () => {
          response.writeHead(200, { 'content-type': 'application/json' });
          response.end(JSON.stringify(answer(name, JSON.parse(body))));
        });
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const address = server.address();
      urls[name] = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/graphql`;
      servers.push(server);
    }
    const result = composeServices(Object.entries(SUBGRAPHS).map(([name, typeDefs]) => ({ name, url: urls[name], typeDefs: parse(typeDefs) })));
    if (result.errors) throw new Error(result.errors.map((e) => e.message).join('\n'));
    sdl = result.supergraphSdl;
  });
  afterAll(async () => {
    await pools.close();
    for (const server of servers) {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  async function load(executor?: 'onewindow' | 'apollo') {
    const metrics = createMetrics({ defaultMetrics: false });
    const states = new SubgraphStates({ breaker: { failureThreshold: 5, cooldownMs: 1000 }, retry: { maxRetries: 0, budgetRatio: 0.2, budgetMinPerSecond: 5 } });
    const counted = { onHit: () => metrics.queryPlanCacheHits.inc(), onMiss: () => metrics.queryPlanCacheMisses.inc() };
    const host = new SupergraphHost({
      source: { initialize: async () => ({ supergraphSdl: sdl }) },
      subgraphUrl: (_name, url) => url,
      createDataSource: ({ name, url }) =>
        new SubgraphDataSource({ name, agency: name, url, pools, state: states.for(name), timeoutMs: 2000, maxRetries: 0, metrics, log: silent }),
      createPlanCache: (isCounted) => new PlanCache({ maxEntries: 10, ...(isCounted ? counted : {}) }),
      compiledOperations: { maxEntries: 10, ...counted },
      logger: silent,
      ...(executor ? { executor } : {}),
    });
    await host.load();
    const count = async () => ({
      hits: (await metrics.queryPlanCacheHits.get()).values.reduce((s, v) => s + v.value, 0),
      misses: (await metrics.queryPlanCacheMisses.get()).values.reduce((s, v) => s + v.value, 0),
    });
    return { host, generation: host.current!, count };
  }

  const requestContext = (generation: SupergraphGeneration, query: string, variables?: Record<string, unknown>) =>
    ({
      request: { query, variables },
      document: parse(query),
      queryHash: createHash('sha256').update(query).digest('hex'),
      schema: generation.schema,
      context,
      metrics: {},
      logger: silent,
    }) as unknown as GatewayRequestContext;

  const outcome = async (executor: GatewayExecutor, rc: GatewayRequestContext) => {
    try {
      return JSON.parse(JSON.stringify(await executor(rc)));
    } catch (error) {
      return { threw: (error as Error).message };
    }
  };

  it('runs queries itself, and hands a subscription to @apollo/gateway (the same answer, never a different one)', async () => {
    const { host, generation } = await load();
    try {
      const query = 'query ($id: ID!) { product(id: $id) { id price stars } greeting }';
      const compiled = generation.compile(parse(query));
      expect(compiled.needsApollo).toBeUndefined();
      const rc = () => requestContext(generation, query, { id: 'p1' });
      expect(await outcome(generation.executor, rc())).toEqual({ data: { product: { id: 'p1', price: 7, stars: [5, 4] }, greeting: 'hi' } });
      expect(await outcome(generation.executor, rc())).toEqual(await outcome(generation.gateway.executor, rc()));

      const subscription = 'subscription { ticks }';
      expect(generation.compile(parse(subscription)).needsApollo).toBe('a subscription');
      const theirs = await outcome(generation.gateway.executor, requestContext(generation, subscription));
      expect(theirs).toEqual({ threw: 'Execution of subscriptions not supported by gateway' });
      expect(await outcome(generation.executor, requestContext(generation, subscription))).toEqual(theirs);
      await expect(generation.run(generation.compile(parse(subscription)), { variables: undefined, context })).rejects.toThrow(theirs.threw);
    } finally {
      await host.stop();
    }
  });

  it('the lean door (compile, run with coerced variables) answers as Apollo Server\'s door, and counts in the plan-cache metrics', async () => {
    const { host, generation, count } = await load();
    try {
      const query = 'query ($id: ID!, $loud: Boolean) { product(id: $id) { id stars } greeting(loud: $loud) }';
      const viaApolloServer = await outcome(generation.executor, requestContext(generation, query, { id: 'missing' }));
      const document = parse(query);
      const compiled = generation.compile(document);
      expect(generation.compile(document)).toBe(compiled);
      expect(generation.compile(parse(query))).toBe(compiled);
      const viaLeanDoor = JSON.parse(JSON.stringify(await generation.run(compiled, { variables: { id: 'missing' }, context })));
      expect(viaLeanDoor).toEqual(viaApolloServer);
      expect(viaLeanDoor).toEqual({ data: { product: null, greeting: 'hi' } });
      // One miss per door (they key differently: query hash, document text), then hits.
      expect(await count()).toEqual({ hits: 2, misses: 2 });
      expect(generation.inFlight).toBe(0);
    } finally {
      await host.stop();
    }
  });

  it('GATEWAY_EXECUTOR=apollo: Apollo Server gets @apollo/gateway\'s executor, whose plan cache is the one counted', async () => {
    const { host, generation, count } = await load('apollo');
    try {
      expect(generation.executorKind).toBe('apollo');
      expect(generation.executor).toBe(generation.gateway.executor);
      const query = '{ product(id: "p1") { price stars } }';
      for (let i = 0; i < 3; i++) {
        expect(await outcome(generation.executor, requestContext(generation, query))).toEqual({ data: { product: { price: 7, stars: [5, 4] } } });
      }
      expect(await count()).toEqual({ hits: 2, misses: 1 });
      // The lean door runs on @apollo/gateway's executor too (compiling counts
      // nothing then; the same text is the same entry of its plan cache).
      expect(JSON.parse(JSON.stringify(await generation.run(generation.compile(parse(query)), { variables: undefined, context })))).toEqual({ data: { product: { price: 7, stars: [5, 4] } } });
      expect(await count()).toEqual({ hits: 3, misses: 1 });
    } finally {
      await host.stop();
    }
  });
});
