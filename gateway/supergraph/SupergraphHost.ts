import { ApolloGateway, type GraphQLDataSource, type SupergraphManager } from '@apollo/gateway';
import type { ApolloServerOptionsWithGateway, BaseContext } from '@apollo/server';
import { createHash } from 'node:crypto';
import type { GraphQLSchema } from 'graphql';
import { ErrorCode, type SupergraphRefusal } from '../errors.ts';
import { inspectSupergraph, messageOf, type SubgraphEndpoint } from './inspectSupergraph.ts';
import type { PlanCache } from './PlanCache.ts';
import { AUTHORIZATION_FEATURES, securityFeaturesOf, withoutSecurityPurpose } from './securityFeatures.ts';

type GatewayInterface = ApolloServerOptionsWithGateway<BaseContext>['gateway'];
type GatewayExecutor = NonNullable<Awaited<ReturnType<GatewayInterface['load']>>['executor']>;
type RequestContext = Parameters<GatewayExecutor>[0];
type SchemaListener = Parameters<GatewayInterface['onSchemaLoadOrUpdate']>[0];
type Logger = NonNullable<ConstructorParameters<typeof ApolloGateway>[0]>['logger'] & object;

/**
 * One loaded supergraph: its own immutable `ApolloGateway` (schema, query
 * planner, plan cache, data sources). A reload makes a new generation; the old
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
  readonly executor: GatewayExecutor;
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
  /** A fresh query-plan cache for a new generation. */
  createPlanCache: () => PlanCache;
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
  readonly execute: GatewayExecutor = async (requestContext: RequestContext) => {
    const generation = this.bySchema.get(requestContext.schema) ?? this.currentGeneration;
    if (!generation) throw new Error('No supergraph loaded');
    generation.inFlight++;
    try {
      return await generation.executor(requestContext);
    } finally {
      generation.inFlight--;
      if (generation.retired && generation.inFlight === 0) void this.dispose(generation);
    }
  };

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
    let gateway: ApolloGateway;
    let schema: GraphQLSchema | undefined;
    let executor: GatewayExecutor | null;
    try {
      gateway = new ApolloGateway({
        supergraphSdl: executableSdl,
        buildService: ({ name, url }) => createDataSource({ name, url: subgraphUrl(name, url ?? '') }),
        logger,
        validateSupergraph: true,
        serviceHealthCheck: false,
        queryPlannerConfig: { cache: createPlanCache() },
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

    const generation: SupergraphGeneration = {
      id,
      sdl,
      schema,
      subgraphs: inspection.subgraphs,
      unenforcedFeatures,
      loadedAt: new Date(),
      executor,
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
