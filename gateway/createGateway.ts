// The composition root: the only file that knows every part of the gateway.
// `build()` wires them into a Fastify instance and returns it without
// listening; `main.ts` reads the process's settings, builds and listens.
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { fastifyApolloHandler } from '@as-integrations/fastify';
import Fastify, { LogController, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { registerAudit } from './audit/registerAudit.ts';
import { overrideFor, type GatewayConfig } from './config/parseGatewayConfig.ts';
import { createGatewayContext, type GatewayContext } from './context/createGatewayContext.ts';
import { requestIdFor } from './context/requestIdFor.ts';
import { registerConsole } from './console/registerConsole.ts';
import { ErrorCode } from './errors.ts';
import { registerGraphiql } from './graphiql/registerGraphiql.ts';
import { CIRCUIT_STATE_VALUE, createMetrics, type GatewayMetrics } from './metrics/createMetrics.ts';
import { registerLimits } from './limits/registerLimits.ts';
import { registerOperationsRoutes } from './operations/registerOperationsRoutes.ts';
import { createSecurity } from './security/createSecurity.ts';
import { SubgraphProbe } from './operations/SubgraphProbe.ts';
import { formatGatewayError } from './plugins/formatGatewayError.ts';
import { useErrorLog } from './plugins/useErrorLog.ts';
import { RequestMetrics, useRequestMetrics } from './plugins/useRequestMetrics.ts';
import { createFastPath } from './pipeline/createFastPath.ts';
import { agencyOf, isOwnSubgraph } from './supergraph/agencyOf.ts';
import { PlanCache } from './supergraph/PlanCache.ts';
import { SupergraphFile } from './supergraph/SupergraphFile.ts';
import { SupergraphHost } from './supergraph/SupergraphHost.ts';
import { SubgraphDataSource, type HeadersFor } from './transport/SubgraphDataSource.ts';
import { SubgraphPools } from './transport/SubgraphPools.ts';
import { SubgraphStates } from './transport/SubgraphStates.ts';

export interface GatewayOptions {
  config: GatewayConfig;
  /** Fastify's logger setting: pino options, `true`, or `false` for silence (tests). */
  logger?: FastifyServerOptions['logger'];
  /**
   * Apollo Server plugins that run on every GraphQL request, after the
   * gateway's own (metrics, error log). Authentication, authorization and
   * audit (issue 6) plug in here.
   */
  plugins?: ApolloServerPlugin<GatewayContext>[];
  /**
   * Headers added to every subgraph request of an operation: the hook for
   * the signed user-context header (issue 6).
   */
  headersFor?: HeadersFor;
  /**
   * Authorization features (link URLs, see supergraph/securityFeatures.ts)
   * that a plugin in `plugins` enforces: supergraphs linking them load.
   */
  enforcedSecurityFeatures?: readonly string[];
  /** Metrics registry to use (tests build several gateways in one process). */
  metrics?: GatewayMetrics;
}

/** What `main.ts` (and tests) may do with a built gateway besides listening. */
export interface GatewayHandle {
  /** Re-read the supergraph file now (SIGHUP). */
  reloadSupergraph(): void;
  readonly host: SupergraphHost;
  readonly metrics: GatewayMetrics;
}

declare module 'fastify' {
  interface FastifyInstance {
    gateway: GatewayHandle;
  }
}

/**
 * Builds the gateway: loads and validates the supergraph (rejects when it is
 * refused: the gateway never starts on a schema that does not load), wires
 * transport, Apollo Server, operations endpoints and GraphiQL. Does not
 * listen. Closing the instance drains requests in flight, then stops Apollo
 * Server, the supergraph watcher and the subgraph pools.
 */
export async function build(options: GatewayOptions): Promise<FastifyInstance> {
  const { config } = options;
  const app = Fastify({
    logger: options.logger ?? { level: config.logLevel, redact: { paths: ['req.headers.authorization', 'req.headers.cookie'], censor: '[redacted]' } },
    genReqId: requestIdFor,
    // One access-log line per request (onResponse below), not Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    return503OnClosing: true,
  });
  const metrics = options.metrics ?? createMetrics();
  let closing = false;

  // Limits, trusted documents and the rate limit on /graphql (README
  // "Limits"): before the route is declared. Production without its
  // persisted-operations manifest stops here, before anything is opened.
  registerLimits(app, { config: config.limits, supergraph: () => host.current, metrics });

  // Authentication, purpose, authorization, signed context (issue 6). First:
  // unusable keys stop the gateway before anything else is opened.
  let security: Awaited<ReturnType<typeof createSecurity>>;
  try {
    security = await createSecurity({
      config: config.security,
      production: config.nodeEnv === 'production',
      currentSupergraph: () => host.current,
    });
  } catch (error) {
    await app.close();
    throw error;
  }
  security.decorate(app);
  if (!security.enabled) {
    app.log.warn('authentication is OFF (GATEWAY_AUTH=off, development only): no tokens, no authorization, no signed context');
  } else if (config.security.developmentKeys) {
    app.log.warn('using the DEVELOPMENT JWT secret and context key from the repository (development only)');
  }
  const headersFor = combineHeaders(security.headersFor, options.headersFor);
  // The audit log (issue 6 item 6, gateway/audit/README.md): its plugin goes last, after authorization.
  const audit = registerAudit(app, { config: config.audit, authenticate: security.onRequest });

  // Subgraph transport: pools by origin; breaker and retry budget by subgraph.
  const pools = new SubgraphPools({ connections: config.transport.connections, connectTimeoutMs: config.transport.timeoutMs });
  const states = new SubgraphStates({
    breaker: config.transport.breaker,
    retry: config.transport.retry,
    onCircuitChange: (subgraph, state, previous) => {
      metrics.circuitState.set({ subgraph }, CIRCUIT_STATE_VALUE[state]);
      metrics.circuitTransitions.inc({ subgraph, state });
      const log = state === 'open' ? app.log.warn.bind(app.log) : app.log.info.bind(app.log);
      log({ subgraph, agency: agencyOf(subgraph), state, previous }, `circuit breaker ${state}`);
    },
  });
  const transportLog = app.log.child({ component: 'transport' });
  const subgraphUrl = (name: string, declaredUrl: string) => overrideFor(config.subgraphUrls, name) ?? declaredUrl;
  const planCacheMetrics = { onHit: () => metrics.queryPlanCacheHits.inc(), onMiss: () => metrics.queryPlanCacheMisses.inc() };

  // Supergraph lifecycle: a watched file, validated generations.
  const executorLogger = app.log.child({ component: 'apollo-gateway' });
  const supergraphLog = app.log.child({ component: 'supergraph' });
  const source = new SupergraphFile(config.supergraphPath, {
    watch: config.watchSupergraph,
    onUnreadable: (error) => {
      metrics.supergraphReloads.inc({ result: 'refused', code: ErrorCode.SUPERGRAPH_UNREADABLE });
      supergraphLog.error({ code: ErrorCode.SUPERGRAPH_UNREADABLE, file: config.supergraphPath, err: error }, 'supergraph file unreadable; the current supergraph keeps serving');
    },
  });
  const host = new SupergraphHost({
    source,
    subgraphUrl,
    createDataSource: ({ name, url }) =>
      new SubgraphDataSource({
        name,
        agency: agencyOf(name),
        url,
        pools,
        state: states.for(name),
        timeoutMs: overrideFor(config.transport.timeoutMsBySubgraph, name) ?? config.transport.timeoutMs,
        maxRetries: config.transport.retry.maxRetries,
        metrics,
        log: transportLog,
        ...(headersFor ? { headersFor } : {}),
      }),
    // Plans (and, with our executor, compiled operations): 2000 per
    // generation; the executor in use reports its cache's hits and misses.
    executor: config.executor,
    planOptions: config.queryPlanner,
    createPlanCache: (counted) => new PlanCache({ maxEntries: 2000, ...(counted ? planCacheMetrics : {}) }),
    compiledOperations: { maxEntries: 2000, ...planCacheMetrics },
    logger: executorLogger,
    enforcedSecurityFeatures: new Set([...security.enforcedFeatures, ...(options.enforcedSecurityFeatures ?? [])]),
    allowUnenforcedAuthorization: config.allowUnenforcedAuthorization,
    onLoaded: (generation, previous) => {
      metrics.supergraphReloads.inc({ result: 'ok' });
      metrics.supergraphLoadedAt.set(generation.loadedAt.getTime() / 1000);
      for (const { name } of generation.subgraphs) {
        metrics.circuitState.set({ subgraph: name }, CIRCUIT_STATE_VALUE[states.for(name).breaker.state]);
      }
      supergraphLog.info(
        { id: generation.id, previous: previous?.id, file: config.supergraphPath, subgraphs: generation.subgraphs.map(({ name, url }) => ({ name, url })) },
        previous ? 'supergraph reloaded' : 'supergraph loaded',
      );
      if (generation.unenforcedFeatures.length > 0) {
        supergraphLog.warn(
          { features: generation.unenforcedFeatures },
          'authorization directives in this supergraph are NOT enforced (development only): protected fields are served to anyone',
        );
      }
    },
    onRefused: (refusal) => {
      metrics.supergraphReloads.inc({ result: 'refused', code: refusal.code });
      supergraphLog.error({ code: refusal.code, file: config.supergraphPath, reason: refusal.message }, host.current ? 'supergraph refused; the current one keeps serving' : 'supergraph refused');
    },
    onRetired: (_retired, current) => {
      void pools.retainOnly(new Set(current.subgraphs.map(({ url }) => new URL(url).origin)));
    },
  });

  const requestMetrics = new RequestMetrics(metrics);
  const formatError = formatGatewayError({ exposeDetails: config.exposeErrorDetails });
  const apollo = new ApolloServer<GatewayContext>({
    gateway: host,
    nodeEnv: config.nodeEnv,
    includeStacktraceInErrorResponses: config.exposeErrorDetails,
    formatError,
    logger: app.log.child({ component: 'apollo-server' }),
    // main.ts owns the signals: it closes Fastify, which stops Apollo Server.
    stopOnTerminationSignals: false,
    // Automatic persisted queries would run a text registered by another
    // user, past the authorization rewrite (and the rewrite changes a text's
    // hash): with security on, every request carries its text.
    ...(security.enabled ? { persistedQueries: false as const } : {}),
    plugins: [
      // Nothing phones home and no landing page is fetched from a CDN.
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
      ApolloServerPluginSchemaReportingDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      // First: it refuses unprepared operations before anything else acts,
      // and restores removed fields before others read the response.
      security.plugin,
      useRequestMetrics(requestMetrics),
      useErrorLog(),
      ...(options.plugins ?? []),
      // Last: it sees the answer as it will leave, and holds it until its record is durable.
      ...(audit ? [audit.plugin] : []),
    ],
  });
  try {
    await apollo.start();
  } catch (error) {
    await pools.close();
    await app.close();
    throw error;
  }

  app.decorate('gateway', {
    reloadSupergraph: () => source.reload(),
    host,
    metrics,
  } satisfies GatewayHandle);

  app.addHook('onRequest', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });
  app.addHook('onResponse', async (request, reply) => {
    const operation = request.graphqlOperation;
    request.log.info(
      {
        method: request.method,
        url: request.url,
        statusCode: reply.statusCode,
        ms: Math.round(reply.elapsedTime * 10) / 10,
        ...(operation ? { operation: operation.name || 'anonymous', outcome: operation.outcome } : {}),
      },
      'request completed',
    );
  });
  app.addHook('preClose', async () => {
    closing = true;
  });
  // A keep-alive connection whose request finishes during shutdown would hold
  // the server open until its idle timeout: tell the client to close it.
  app.addHook('onSend', async (_request, reply, payload) => {
    if (closing) void reply.header('connection', 'close');
    return payload;
  });
  // Runs after the HTTP server has closed and requests in flight finished.
  app.addHook('onClose', async () => {
    await apollo.stop();
    await pools.close();
  });

  const apolloHandler = fastifyApolloHandler(apollo, { context: async (request) => createGatewayContext(request) });
  // Ordinary requests skip Apollo Server's pipeline and keep its behaviour (issue 7; pipeline/createFastPath.ts).
  const fastPath = config.fastPath
    ? createFastPath({ host, security, audit, requestMetrics, formatError, includeStacktrace: config.exposeErrorDetails, executorLogger })
    : undefined;
  app.route({
    method: ['GET', 'POST', 'OPTIONS'],
    url: '/graphql',
    onRequest: security.onRequest,
    preHandler: security.preHandler,
    handler: async function (request, reply) {
      if (fastPath && (await fastPath(request, reply))) {
        metrics.requestPaths.inc({ path: 'fast' });
        return reply;
      }
      if (request.method !== 'OPTIONS') metrics.requestPaths.inc({ path: 'apollo' });
      return apolloHandler.call(this, request as Parameters<typeof apolloHandler>[0], reply as Parameters<typeof apolloHandler>[1]);
    },
  });

  registerOperationsRoutes(app, {
    host,
    probe: new SubgraphProbe({ pools, cacheMs: config.probe.cacheMs, timeoutMs: config.probe.timeoutMs, hasHealthRoute: isOwnSubgraph }),
    states,
    metrics,
    supergraphPath: config.supergraphPath,
    isClosing: () => closing,
  });
  if (config.graphiql) registerGraphiql(app);
  registerConsole(app, { config });

  app.get('/', async () => ({
    service: 'OneWindow gateway',
    graphql: '/graphql',
    ...(config.graphiql ? { graphiql: '/graphiql' } : {}),
    health: '/health',
    ready: '/ready',
    metrics: '/metrics',
  }));

  return app;
}

/** Both header hooks, the security one's headers winning (a caller cannot replace the signed context). */
function combineHeaders(security: HeadersFor | undefined, extra: HeadersFor | undefined): HeadersFor | undefined {
  if (!security || !extra) return security ?? extra;
  return async (context, subgraph) => ({ ...(await extra(context, subgraph)), ...(await security(context, subgraph)) });
}
