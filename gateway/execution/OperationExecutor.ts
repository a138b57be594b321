import type { Supergraph } from '@apollo/federation-internals';
import { QueryPlanner } from '@apollo/query-planner';
import { createHash } from 'node:crypto';
import { getVariableValues, print, type DocumentNode, type GraphQLSchema } from 'graphql';
import { LruCache } from '../cache/LruCache.ts';
import type { GatewayContext } from '../context/createGatewayContext.ts';
import { compileOperation, type CompileContext } from './compileOperation.ts';
import type { CompiledOperation } from './CompiledOperation.ts';
import type { ExecutionDataSource } from './ExecutionDataSource.ts';
import type { GatewayExecutionResult, GatewayExecutor, GatewayRequestContext } from './gatewayTypes.ts';
import { findOperation } from './findOperation.ts';
import { runOperation } from './runOperation.ts';
import { SchemaFacts } from './SchemaFacts.ts';

export interface OperationExecutorOptions {
  /** The supergraph as loaded (validated), the one @apollo/gateway serves too. */
  supergraph: Supergraph;
  /** The API schema (graphql-js) Apollo Server validates requests against: @apollo/gateway's. */
  schema: GraphQLSchema;
  /** The generation's data sources, by subgraph name: the instances @apollo/gateway was given. */
  dataSources: ReadonlyMap<string, ExecutionDataSource>;
  /** @apollo/gateway's executor for the same supergraph: what runs an operation ours does not (`needsApollo`, Studio traces). */
  apollo: GatewayExecutor;
  /** @apollo/gateway's planning switches (`APOLLO_DISABLE_SECURITY_*_CHECK`), the same for both executors. */
  planOptions: { recursiveSelectionsLimitDisabled: boolean; nonLocalSelectionsLimitDisabled: boolean };
  /** Compiled operations kept (least recently used first out); each lookup counts as a plan-cache hit or miss. */
  cache: { maxEntries: number; onHit?: () => void; onMiss?: () => void };
  logger: { error(message: string): void };
  /** `run` executes with @apollo/gateway's executor (`GATEWAY_EXECUTOR=apollo`); compiling still plans. */
  executeWithApollo?: boolean;
}

/** How a caller that bypasses Apollo Server runs a compiled operation. */
export interface RunRequest {
  /** Variable values, already coerced against the operation's definitions. */
  variables: Record<string, unknown> | undefined;
  context: GatewayContext;
}

/**
 * The gateway's query-plan executor for one supergraph generation:
 * operations are compiled once (plan, response shaper, fetch inputs; see
 * `compileOperation`) and kept in a bounded cache, then run with
 * @apollo/gateway's semantics (`runOperation`). Two doors:
 *
 * - `executor`: Apollo Server's `GatewayExecutor`, a drop-in for
 *   `ApolloGateway.executor` (same variable validation, same cache key:
 *   query hash and operation name, same answers).
 * - `compile` + `run`: for a caller without Apollo Server (coerced
 *   variables, the `GatewayContext`).
 *
 * What ours does not run (subscriptions, `@defer`, Studio traces) goes to
 * @apollo/gateway's executor.
 */
export class OperationExecutor {
  private readonly compileContext: CompileContext;
  private readonly cache: LruCache<string, CompiledOperation>;
  private readonly byDocument = new WeakMap<DocumentNode, Map<string, CompiledOperation>>();

  constructor(private readonly options: OperationExecutorOptions) {
    const { supergraph } = options;
    this.compileContext = {
      facts: new SchemaFacts(supergraph.apiSchema(), supergraph.schema.toGraphQLJSSchema()),
      schema: options.schema,
      // As ApolloGateway builds its own (its `queryPlannerConfig` holds only the plan cache, which the planner does not read).
      planner: new QueryPlanner(supergraph),
      planOptions: options.planOptions,
      dataSources: options.dataSources,
    };
    this.cache = new LruCache(options.cache.maxEntries);
  }

  /**
   * The compiled operation for `(document, operationName)`, from the cache
   * when the same text was compiled before (keyed by the document's source
   * text, which the security layer rewrites per user, and the operation
   * name; the same document object is found without building the key).
   * Throws what planning throws.
   */
  compile(document: DocumentNode, operationName?: string | null): CompiledOperation {
    const name = operationName ?? '';
    // The same document object again (a caller's parse cache): no key to build.
    let byName = this.byDocument.get(document);
    const known = byName?.get(name);
    if (known) return this.hit(known);
    const text = document.loc?.source.body ?? print(document);
    const compiled = this.cached(`t:${name}\u0000${text}`, document, operationName ?? undefined);
    if (!byName) {
      byName = new Map();
      this.byDocument.set(document, byName);
    }
    byName.set(name, compiled);
    return compiled;
  }

  /**
   * Runs a compiled operation (`variables` coerced, `context` the
   * request's); resolves with `{ data, errors }` as Apollo Server would
   * serve them, before its error formatting.
   */
  run(compiled: CompiledOperation, request: RunRequest): Promise<GatewayExecutionResult> {
    if (compiled.needsApollo || this.options.executeWithApollo) return this.options.apollo(this.requestContextFor(compiled, request));
    return runOperation(compiled, { variables: request.variables, context: request.context, logger: this.options.logger });
  }

  /** Apollo Server's door. */
  readonly executor: GatewayExecutor = async (requestContext) => {
    if (requestContext.metrics?.captureTraces) return this.options.apollo(requestContext);
    const { request, document, queryHash } = requestContext;
    const operationName = request.operationName ?? undefined;
    const key = `h:${operationName ?? ''}\u0000${queryHash}`;
    // As @apollo/gateway: the variables are validated before the plan is looked up (an invalid request counts no hit or miss).
    const known = this.cache.get(key);
    const definition = known?.definition ?? findOperation(document, operationName).definition;
    const variableDefinitions = definition.variableDefinitions;
    if (variableDefinitions && variableDefinitions.length > 0) {
      const { errors } = getVariableValues(this.options.schema, variableDefinitions, request.variables || {});
      if (errors) return { errors };
    }
    const compiled = known ? this.hit(known) : this.miss(key, document, operationName);
    if (compiled.needsApollo) return this.options.apollo(requestContext);
    return runOperation(compiled, {
      variables: request.variables,
      context: requestContext.context as GatewayContext,
      requestContext,
      logger: requestContext.logger,
    });
  };

  private cached(key: string, document: DocumentNode, operationName: string | undefined): CompiledOperation {
    const known = this.cache.get(key);
    return known ? this.hit(known) : this.miss(key, document, operationName);
  }

  private hit(compiled: CompiledOperation): CompiledOperation {
    this.options.cache.onHit?.();
    return compiled;
  }

  private miss(key: string, document: DocumentNode, operationName: string | undefined): CompiledOperation {
    this.options.cache.onMiss?.();
    const compiled = compileOperation(this.compileContext, document, operationName);
    this.cache.set(key, compiled);
    return compiled;
  }

  /** A request context for @apollo/gateway's executor, for a caller without Apollo Server. */
  private requestContextFor(compiled: CompiledOperation, request: RunRequest): GatewayRequestContext {
    const { document } = compiled;
    const query = document.loc?.source.body ?? print(document);
    return {
      request: { query, operationName: compiled.operationName, variables: request.variables ?? {} },
      document,
      source: query,
      queryHash: createHash('sha256').update(query).digest('hex'),
      operationName: compiled.operationName ?? null,
      operation: compiled.definition,
      schema: this.options.schema,
      context: request.context,
      metrics: {},
      logger: this.options.logger,
      overallCachePolicy: undefined,
    } as unknown as GatewayRequestContext;
  }
}
