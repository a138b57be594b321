import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { CircuitState } from '../transport/CircuitBreaker.ts';

const PREFIX = 'onewindow_gateway_';

/** Circuit state as a number for the gauge: closed 0, half-open 1, open 2. */
export const CIRCUIT_STATE_VALUE: Record<CircuitState, number> = { closed: 0, 'half-open': 1, open: 2 };

export type GatewayMetrics = ReturnType<typeof createMetrics>;

/**
 * Every Prometheus metric the gateway exports, in its own registry (not the
 * global one, so that several gateways can be built in one process).
 */
export function createMetrics(options: { defaultMetrics?: boolean } = {}) {
  const registry = new Registry();
  if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: registry, prefix: PREFIX });

  return {
    registry,
    requests: new Counter({
      name: `${PREFIX}requests_total`,
      help: 'GraphQL requests by operation name and outcome (ok, partial, failed, rejected).',
      labelNames: ['operation', 'outcome'] as const,
      registers: [registry],
    }),
    requestPaths: new Counter({
      name: `${PREFIX}request_paths_total`,
      help: 'GraphQL requests by the path that answered them: fast (the gateway\'s own, pipeline/createFastPath.ts) or apollo (Apollo Server\'s pipeline).',
      labelNames: ['path'] as const,
      registers: [registry],
    }),
    requestDuration: new Histogram({
      name: `${PREFIX}request_duration_seconds`,
      help: 'GraphQL request latency in seconds, by operation name and outcome.',
      labelNames: ['operation', 'outcome'] as const,
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    subgraphFetchDuration: new Histogram({
      name: `${PREFIX}subgraph_fetch_duration_seconds`,
      help: 'Subgraph fetch latency in seconds (all attempts of one fetch), by subgraph and outcome.',
      labelNames: ['subgraph', 'outcome'] as const,
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    subgraphErrors: new Counter({
      name: `${PREFIX}subgraph_errors_total`,
      help: 'Failed subgraph fetches by subgraph, error code and reason.',
      labelNames: ['subgraph', 'code', 'reason'] as const,
      registers: [registry],
    }),
    subgraphRetries: new Counter({
      name: `${PREFIX}subgraph_retries_total`,
      help: 'Retried subgraph fetch attempts (queries only), by subgraph.',
      labelNames: ['subgraph'] as const,
      registers: [registry],
    }),
    circuitState: new Gauge({
      name: `${PREFIX}circuit_breaker_state`,
      help: 'Circuit breaker state per subgraph: 0 closed, 1 half-open, 2 open.',
      labelNames: ['subgraph'] as const,
      registers: [registry],
    }),
    circuitTransitions: new Counter({
      name: `${PREFIX}circuit_breaker_transitions_total`,
      help: 'Circuit breaker state changes per subgraph, by the state entered.',
      labelNames: ['subgraph', 'state'] as const,
      registers: [registry],
    }),
    queryPlanCacheHits: new Counter({
      name: `${PREFIX}query_plan_cache_hits_total`,
      help: 'Query plans found in the cache.',
      registers: [registry],
    }),
    queryPlanCacheMisses: new Counter({
      name: `${PREFIX}query_plan_cache_misses_total`,
      help: 'Query plans not in the cache (planned).',
      registers: [registry],
    }),
    supergraphReloads: new Counter({
      name: `${PREFIX}supergraph_reloads_total`,
      help: 'Supergraph loads by result: ok (now serving) or refused (invalid; the previous one keeps serving).',
      labelNames: ['result', 'code'] as const,
      registers: [registry],
    }),
    supergraphLoadedAt: new Gauge({
      name: `${PREFIX}supergraph_loaded_timestamp_seconds`,
      help: 'When the supergraph now serving was loaded (Unix time).',
      registers: [registry],
    }),
  };
}
