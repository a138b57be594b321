import type { FastifyInstance } from 'fastify';
import { CIRCUIT_STATE_VALUE, type GatewayMetrics } from '../metrics/createMetrics.ts';
import { agencyOf } from '../supergraph/agencyOf.ts';
import type { SupergraphHost } from '../supergraph/SupergraphHost.ts';
import type { SubgraphStates } from '../transport/SubgraphStates.ts';
import type { SubgraphProbe } from './SubgraphProbe.ts';

export interface OperationsRoutesOptions {
  host: SupergraphHost;
  probe: SubgraphProbe;
  states: SubgraphStates;
  metrics: GatewayMetrics;
  supergraphPath: string;
  /** True once shutdown began: /ready answers 503 so load balancers move on. */
  isClosing: () => boolean;
}

/**
 * The operator's endpoints:
 * - GET /health: the process is alive (no dependency is checked).
 * - GET /ready: 200 when a supergraph is loaded and the gateway is not
 *   shutting down. The body lists every subgraph of the supergraph serving
 *   now: URL, reachability (a cached probe), circuit breaker state. An
 *   unreachable subgraph does not make the gateway unready: it serves the
 *   rest of every answer.
 * - GET /metrics: Prometheus text format.
 */
export function registerOperationsRoutes(app: FastifyInstance, options: OperationsRoutesOptions): void {
  const { host, probe, states, metrics } = options;

  app.get('/health', async () => ({ status: 'alive' }));

  app.get('/ready', async (_request, reply) => {
    const generation = host.current;
    if (!generation || options.isClosing()) {
      return reply.code(503).send({ status: options.isClosing() ? 'shutting down' : 'no supergraph loaded', subgraphs: [] });
    }
    const subgraphs = await Promise.all(
      generation.subgraphs.map(async ({ name, url }) => {
        const result = await probe.probe(name, url);
        return {
          name,
          agency: agencyOf(name),
          url,
          reachable: result.reachable,
          ...(result.status !== undefined ? { status: result.status } : {}),
          ...(result.error !== undefined ? { error: result.error } : {}),
          latencyMs: result.latencyMs,
          checkedAt: result.checkedAt,
          breaker: states.for(name).breaker.state,
        };
      }),
    );
    return reply.send({
      status: 'ready',
      supergraph: { id: generation.id, file: options.supergraphPath, loadedAt: generation.loadedAt.toISOString() },
      subgraphs,
    });
  });

  app.get('/metrics', async (_request, reply) => {
    // An open circuit whose cool-down has passed reads half-open without a transition.
    for (const [subgraph, state] of states.entries()) metrics.circuitState.set({ subgraph }, CIRCUIT_STATE_VALUE[state.breaker.state]);
    const text = await metrics.registry.metrics();
    return reply.type(metrics.registry.contentType).send(text);
  });
}
