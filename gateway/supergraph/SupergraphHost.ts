import { ApolloGateway, type GraphQLDataSource, type SupergraphManager } from '@apollo/gateway';
import { createHash } from 'node:crypto';
import type { DocumentNode, GraphQLSchema } from 'graphql';
import type { ExecutorKind } from '../config/parseGatewayConfig.ts';
import { ErrorCode, type SupergraphRefusal } from '../errors.ts';
import type { CompiledOperation } from '../execution/CompiledOperation.ts';
import type { GatewayExecutionResult, GatewayExecutor, GatewayInterface, GatewayRequestContext } from '../execution/gatewayTypes.ts';
import { OperationExecutor, type RunRequest } from '../execution/OperationExecutor.ts';
import { inspectSupergraph, messageOf, type SubgraphEndpoint } from './inspectSupergraph.ts';
import type { PlanCache } from './PlanCache.ts';
import { AUTHORIZATION_FEATURES, securityFeaturesOf, withoutSecurityPurpose } from './securityFeatures.ts';

type SchemaListener = Parameters<GatewayInterface['onSchemaLoadOrUpdate']>[0];
type Logger = NonNullable<ConstructorParameters<typeof ApolloGateway>[0]>['logger'] & object;

/**
 * One loaded supergraph: its own immutable `ApolloGateway` (schema, query
 * planner, plan cache, data sources) and the gateway's own executor over the
 * same supergraph and data sources. A reload makes a new generation; the old
 * one finishes the requests that started on it.
 */
export interface SupergraphGeneration {
  /** SHA-256 of the supergraph SDL. */
  readonly id: string;
  readonly sdl: string;
  /** The API schema Apollo Server validates against. */
  readonly schema: GraphQLSchema;
  readonly subgraphs: readonly SubgraphEndpoint[];
  /** Authorization features the supergraph links that nothing enforces (development only). */
  readonly unenforcedFeatures: readonly string[];
  readonly loadedAt: Date;
  /** Who executes (`GATEWAY_EXECUTOR`). */
  readonly executorKind: ExecutorKind;
  /** What Apollo Server calls: ours, or @apollo/gateway's (`GATEWAY_EXECUTOR=apollo`). */
  readonly executor: GatewayExecutor;
  /**
   * For a caller without Apollo Server: the operation compiled for this
   * supergraph (cached per generation by text and operation name; counted
   * as plan-cache hits and misses). The document must have been validated
   * against `schema`. Throws what planning throws.
   */
  compile(document: DocumentNode, operationName?: string | null): CompiledOperation;
  /**
   * Runs a compiled operation of this generation: `variables` already
   * coerced, `context` the request's `GatewayContext`. Resolves with
   * `{ data, errors, extensions }` as Apollo Server would serve them before
   * formatting errors. Counts as a request in flight on this generation.
   */
  run(compiled: CompiledOperation, request: RunRequest): Promise<GatewayExecutionResult>;
  readonly gateway: ApolloGateway;
  inFlight: number;
  retired: boolean;
}

export interface SupergraphHostOptions {
  /** Where supergraphs come from (a file, today). */
  source: SupergraphManager;
  /** The URL to call for a subgraph (configuration overrides the supergraph's). */
  subgraphUrl: (name: string, declaredUrl: string) => string;
  /** The data source for one subgraph endpoint (shared transport state behind it). */
  createDataSource: (endpoint: { name: string; url: string }) => GraphQLDataSource;
  /**
   * A fresh query-plan cache for a new generation's `ApolloGateway`;
   * `counted`: its hits and misses are the ones reported (it is the
   * executor in use).
   */
  createPlanCache: (counted: boolean) => PlanCache;
  /** Who executes operations (default: ours). */
  executor?: ExecutorKind;
  /** @apollo/gateway's planner switches (see GatewayConfig.queryPlanner). */
  planOptions?: { recursiveSelectionsLimitDisabled: boolean; nonLocalSelectionsLimitDisabled: boolean };
  /** Operations compiled and kept per generation by our executor, and its plan-cache metrics. */
  compiledOperations?: { maxEntries: number; onHit?: () => void; onMiss?: () => void };
  logger: Logger;
  /** Authorization features a plugin enforces (issue 6): supergraphs linking them are served. */
  enforcedSecurityFeatures?: ReadonlySet<string>;
  /** Serve authorization features nothing enforces (development and test only). */
  allowUnenforcedAuthorization?: boolean;
  onLoaded?: (generation: SupergraphGeneration, previous: SupergraphGeneration | undefined) => void;
  onRefused?: (refusal: SupergraphRefusal) => void;
  /** A retired generation has drained (no request in flight on it) and was stopped. */
  onRetired?: (generation: SupergraphGeneration, current: SupergraphGeneration) => void;
}

/**
 * Serves supergraphs to Apollo Server (it implements Apollo Server's
 * `GatewayInterface`, as `ApolloGateway` does) and swaps them safely:
 *
 * - A new supergraph is validated before it replaces the old one: it must
 *   pass `inspectSupergraph` and then load in a fresh `ApolloGateway` (the
 *   same code that will execute it). A refused one is reported (logged and
 *   counted by the caller) and the current one keeps serving.
 * - Each supergraph is a generation with its own `ApolloGateway`. Apollo
 *   Server validates a request against the schema current when the request
 *   started; the executor looks the generation up by that schema, so a
 *   request always plans and executes on the supergraph it was validated
 *   against, even when a reload lands between the two. (Stock
 *   `ApolloGateway.update` mutates one instance in place: its executor reads
 *   the newest schema at execution time.)
 * - Subgraphs are never introspected or health-checked on load: the gateway
 *   starts, and swaps, with every subgraph down.
 */
export class SupergraphHost implements GatewayInterface {
  private currentGeneration: SupergraphGeneration | undefined;
  private readonly bySchema = new WeakMap<GraphQLSchema, SupergraphGeneration>();
  private readonly listeners = new Set<SchemaListener>();
  private readonly retiring = new Set<SupergraphGeneration>();
  private queue: Promise<unknown> = Promise.resolve();
  private cleanup: (() => Promise<void>) | undefined;
  private stopped = false;

  constructor(private readonly options: SupergraphHostOptions) {}

  get current(): SupergraphGeneration | undefined {
    return this.currentGeneration;
  }

  onSchemaLoadOrUpdate(callback: SchemaListener): () => void {
    this.listeners.add(callback);
    return () => this.listeners.delete(callback);
  }

  /** Called once by Apollo Server's start(): loads the first supergraph or throws (the gateway does not start). */
  async load(): Promise<{ executor: GatewayExecutor }> {
    const { supergraphSdl, cleanup } = await this.options.source.initialize({
      update: (sdl: string) => void this.update(sdl),
      // Never used: this host does not health-check subgraphs on load.
      healthCheck: async () => undefined,
      getDataSource: ({ name, url }) => this.options.createDataSource({ name, url: this.options.subgraphUrl(name, url ?? '') }),
    });
    if (cleanup) this.cleanup = cleanup;
    const result = await this.update(supergraphSdl);
    if (!result.ok) {
      await this.cleanup?.();
      throw new Error(`The supergraph was refused (${result.refusal.code}): ${result.refusal.message}`);
    }
    return { executor: this.execute };
  }

  /**
   * Offers a new supergraph. Updates are applied one at a time, in order.
   * Resolves with the new generation, or the refusal (the old one still serving).
   */
  update(sdl: string): Promise<{ ok: true; generation: SupergraphGeneration } | { ok: false; refusal: SupergraphRefusal }> {
    const next = this.queue.then(() => this.apply(sdl));
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Executes on the generation the request was validated against (by schema), counting it in flight. */
  readonly execute: GatewayExecutor = async (requestContext: GatewayRequestContext) => {
    const generation = this.bySchema.get(requestContext.schema) ?? this.currentGeneration;
    if (!generation) throw new Error('No supergraph loaded');
    return this.inFlight(generation, () => generation.executor(requestContext));
  };

  private async inFlight<T>(generation: SupergraphGeneration, work: () => Promise<T>): Promise<T> {
    generation.inFlight++;
    try {
      return await work();
    } finally {
      generation.inFlight--;
      if (generation.retired && generation.inFlight === 0) void this.dispose(generation);
    }
  }

  private async apply(sdl: string): Promise<{ ok: true; generation: SupergraphGeneration } | { ok: false; refusal: SupergraphRefusal }> {
    const id = createHash('sha256').update(sdl).digest('hex');
    const previous = this.currentGeneration;
    if (previous?.id === id) return { ok: true, generation: previous };
    if (this.stopped) return this.refuse({ code: ErrorCode.SUPERGRAPH_INVALID, message: 'the gateway is stopping' });

    // @apollo/gateway refuses features linked `for: SECURITY` it cannot
    // enforce; the ones enforced here (or knowingly not, in development) are
    // unmarked for it. Others (e.g. @context) are refused as stock refuses them.
    let executableSdl = sdl;
    let unenforcedFeatures: string[] = [];
    try {
      const linked = securityFeaturesOf(sdl);
      const enforced = this.options.enforcedSecurityFeatures ?? new Set<string>();
      const accepted = new Set(
        linked.filter((f) => enforced.has(f) || (this.options.allowUnenforcedAuthorization && (AUTHORIZATION_FEATURES as readonly string[]).includes(f))),
      );
      unenforcedFeatures = [...accepted].filter((f) => !enforced.has(f));
      if (accepted.size > 0) executableSdl = withoutSecurityPurpose(sdl, accepted);
    } catch (error) {
      return this.refuse({ code: ErrorCode.SUPERGRAPH_INVALID, message: messageOf(error) });
    }

    const inspection = inspectSupergraph(executableSdl, this.options.subgraphUrl);
    if (!inspection.ok) return this.refuse(withHint(inspection.refusal));

    const { createDataSource, subgraphUrl, createPlanCache, logger } = this.options;
    const executorKind = this.options.executor ?? 'onewindow';
    // Both executors use the same data sources (one per subgraph).
    const dataSources = new Map<string, GraphQLDataSource>();
    let gateway: ApolloGateway;
    let schema: GraphQLSchema | undefined;
    let executor: GatewayExecutor | null;
    try {
      gateway = new ApolloGateway({
        supergraphSdl: executableSdl,
        buildService: ({ name, url }) => {
          const dataSource = createDataSource({ name, url: subgraphUrl(name, url ?? '') });
          dataSources.set(name, dataSource);
          return dataSource;
        },
        logger,
        validateSupergraph: true,
        serviceHealthCheck: false,
        queryPlannerConfig: { cache: createPlanCache(executorKind === 'apollo') },
      });
      const unsubscribe = gateway.onSchemaLoadOrUpdate(({ apiSchema }) => (schema = apiSchema));
      try {
        ({ executor } = await gateway.load());
      } finally {
        unsubscribe();
      }
    } catch (error) {
      return this.refuse(withHint({ code: ErrorCode.SUPERGRAPH_INVALID, message: messageOf(error) }));
    }
    if (!schema || !executor) {
      return this.refuse({ code: ErrorCode.SUPERGRAPH_INVALID, message: '@apollo/gateway loaded no schema' });
    }
    let operations: OperationExecutor;
    try {
      const compiled = this.options.compiledOperations ?? { maxEntries: 2000 };
      operations = new OperationExecutor({
        supergraph: inspection.supergraph,
        schema,
        dataSources,
        apollo: executor,
        planOptions: this.options.planOptions ?? { recursiveSelectionsLimitDisabled: false, nonLocalSelectionsLimitDisabled: false },
        // In apollo mode, @apollo/gateway's plan cache is the one counted.
        cache: executorKind === 'onewindow' ? compiled : { maxEntries: compiled.maxEntries },
        logger,
        executeWithApollo: executorKind === 'apollo',
      });
    } catch (error) {
      await gateway.stop().catch(() => undefined);
      return this.refuse({ code: ErrorCode.SUPERGRAPH_INVALID, message: messageOf(error) });
    }

    const generation: SupergraphGeneration = {
      id,
      sdl,
      schema,
      subgraphs: inspection.subgraphs,
      unenforcedFeatures,
      loadedAt: new Date(),
      executorKind,
      executor: executorKind === 'onewindow' ? operations.executor : executor,
      compile: (document, operationName) => operations.compile(document, operationName),
      run: (compiled, request) => this.inFlight(generation, () => operations.run(compiled, request)),
      gateway,
      inFlight: 0,
      retired: false,
    };
    this.bySchema.set(schema, generation);
    this.currentGeneration = generation;
    for (const listener of this.listeners) {
      try {
        listener({ apiSchema: schema, coreSupergraphSdl: sdl });
      } catch (error) {
        logger.error(`A schema listener failed: ${messageOf(error)}`);
      }
    }
    this.options.onLoaded?.(generation, previous);
    if (previous) {
      previous.retired = true;
      this.retiring.add(previous);
      if (previous.inFlight === 0) void this.dispose(previous);
    }
    return { ok: true, generation };
  }

  private refuse(refusal: SupergraphRefusal): { ok: false; refusal: SupergraphRefusal } {
    this.options.onRefused?.(refusal);
    return { ok: false, refusal };
  }

  /**
   * Stops a drained generation. A request Apollo Server validated against it
   * but has not executed yet still finds it (by schema) and runs: executing
   * needs no more than the objects the generation holds.
   */
  private async dispose(generation: SupergraphGeneration): Promise<void> {
    if (!this.retiring.delete(generation)) return;
    try {
      await generation.gateway.stop();
    } catch (error) {
      this.options.logger.warn(`Stopping a retired supergraph failed: ${messageOf(error)}`);
    }
    if (this.currentGeneration) this.options.onRetired?.(generation, this.currentGeneration);
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    await this.queue;
    await this.cleanup?.();
    const generations = [...this.retiring, ...(this.currentGeneration ? [this.currentGeneration] : [])];
    this.retiring.clear();
    await Promise.allSettled(generations.map((g) => g.gateway.stop()));
  }
}

function withHint(refusal: SupergraphRefusal): SupergraphRefusal {
  if (!/is for: SECURITY but is unsupported/.test(refusal.message)) return refusal;
  return {
    ...refusal,
    message: `${refusal.message}\n(Authorization directives need a gateway that enforces them; outside production, GATEWAY_ALLOW_UNENFORCED_AUTHORIZATION=true serves them unenforced.)`,
  };
}
