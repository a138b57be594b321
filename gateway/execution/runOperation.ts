import type { ResponsePath } from '@apollo/query-planner';
import type { GatewayExecutionResult, GatewayRequestContext } from './gatewayTypes.ts';
import { GraphQLError } from 'graphql';
import type { GatewayContext } from '../context/createGatewayContext.ts';
import type { CompiledFetch, CompiledOperation, ExecNode } from './CompiledOperation.ts';
import { deepMerge } from './deepMerge.ts';
import { downstreamServiceError } from './downstreamServiceError.ts';
import { entityErrorPaths } from './entityErrorPaths.ts';

export interface RunOptions {
  /**
   * The operation's variable values: forwarded to each fetch (only those it
   * uses), and read by `@skip`/`@include` and plan conditions. Apollo Server
   * passes the request's values as sent (as @apollo/gateway forwards them);
   * a caller may pass them coerced.
   */
  variables: Record<string, unknown> | undefined;
  /** The request's context: every subgraph fetch's headers (signed user context, trace, request id). */
  context: GatewayContext | undefined;
  /** Apollo Server's request context, when it is the caller (cache policy, usage-reporting error paths). */
  requestContext?: GatewayRequestContext | undefined;
  /** Where an unexpected non-Error throw is reported (as @apollo/gateway's executor does). */
  logger?: { error(message: string): void } | undefined;
}

interface RunState {
  readonly variables: Record<string, unknown> | undefined;
  readonly context: GatewayContext | undefined;
  readonly requestContext: GatewayRequestContext | undefined;
  readonly variableDefaults: Readonly<Record<string, unknown>>;
  readonly errors: GraphQLError[];
  readonly root: Record<string, unknown>;
}

interface Cursor {
  readonly path: ResponsePath;
  readonly data: unknown;
}

const hasOwn = (object: object, key: PropertyKey): boolean => Object.prototype.hasOwnProperty.call(object, key);

/**
 * Runs a compiled operation: @apollo/gateway's `executeQueryPlan` with the
 * same semantics (fetch order and concurrency, representations, rewrites,
 * merges, error paths and wording, the order errors are recorded in, null
 * bubbling, post-processing errors as `extensions.valueCompletion`), minus
 * the per-request work compiling did once.
 */
export async function runOperation(compiled: CompiledOperation, options: RunOptions): Promise<GatewayExecutionResult> {
  if ('error' in compiled.shape) return { errors: [compiled.shape.error] };
  const shape = compiled.shape;
  const state: RunState = {
    variables: options.variables,
    context: options.context,
    requestContext: options.requestContext,
    variableDefaults: compiled.variableDefaults,
    errors: [],
    root: Object.create(null),
  };
  if (compiled.root) await executeNode(state, compiled.root, { path: [], data: state.root });

  const { errors } = state;
  try {
    const { data, errors: valueCompletion } = shape(state.root, options.variables);
    // As @apollo/gateway: post-processing errors are reported (in
    // extensions) only when fetching went without error.
    if (errors.length === 0 && valueCompletion.length > 0) return { extensions: { valueCompletion }, data };
    return errors.length === 0 ? { data } : { errors, data };
  } catch (error) {
    if (error instanceof GraphQLError) return { errors: [error] };
    if (error instanceof Error) return { errors: [new GraphQLError(error.message, { originalError: error })] };
    (options.logger ?? console).error('Unexpected error during query plan execution: ' + error);
    return { errors: [new GraphQLError('Unexpected error during query plan execution')] };
  }
}

async function executeNode(state: RunState, node: ExecNode, cursor: Cursor | undefined): Promise<void> {
  if (!cursor) return;
  switch (node.kind) {
    case 'Sequence':
      for (const child of node.nodes) await executeNode(state, child, cursor);
      return;
    case 'Parallel':
      await Promise.all(node.nodes.map((child) => executeNode(state, child, cursor)));
      return;
    case 'Flatten':
      return executeNode(state, node.node, moveIntoCursor(cursor, node.path));
    case 'Fetch':
      try {
        await executeFetch(state, node.fetch, cursor);
      } catch (error) {
        state.errors.push(error as GraphQLError);
      }
      return;
    case 'Condition': {
      const branch = evaluateCondition(node.variable, state) ? node.ifClause : node.elseClause;
      if (branch) await executeNode(state, branch, cursor);
      return;
    }
  }
}

/** @apollo/query-planner's `evaluateCondition`: the request's value, else the variable's default; a Boolean. */
function evaluateCondition(variable: string, state: RunState): boolean {
  let value = state.variables && hasOwn(state.variables, variable) ? state.variables[variable] : undefined;
  if (value === undefined) value = state.variableDefaults[variable];
  if (value === undefined) throw new Error(`Missing value for variable $${variable} (and no default found)`);
  if (typeof value !== 'boolean') throw new Error(`Invalid non-boolean value ${value} for Boolean! variable $${variable}`);
  return value;
}

function moveIntoCursor(cursor: Cursor, path: ResponsePath): Cursor | undefined {
  const data = flattenResultsAtPath(cursor.data, path, 0);
  return data ? { path: cursor.path.concat(path), data } : undefined;
}

function flattenResultsAtPath(value: unknown, path: ResponsePath, index: number): unknown {
  if (index === path.length) return value;
  if (value === undefined || value === null) return value;
  const current = path[index];
  // Not an array: throws, as @apollo/gateway's does.
  if (current === '@') return (value as unknown[]).flatMap((element) => flattenResultsAtPath(element, path, index + 1));
  if (typeof current !== 'string') throw new Error(`Unexpected ${typeof current} found in path`);
  if (Array.isArray(value)) throw new Error(`Unexpected array in result for path element ${current}`);
  return flattenResultsAtPath(hasOwn(value as object, current) ? (value as Record<string, unknown>)[current] : undefined, path, index + 1);
}

async function executeFetch(state: RunState, fetch: CompiledFetch, cursor: Cursor): Promise<void> {
  if (!fetch.dataSource) throw new Error(`Couldn't find service with name "${fetch.serviceName}"`);
  const entities = (Array.isArray(cursor.data) ? cursor.data.filter((e: unknown) => e !== null && e !== undefined) : [cursor.data]) as Record<string, unknown>[];
  if (entities.length < 1) return;

  const variables: Record<string, unknown> = fetch.bareVariables ? Object.create(null) : {};
  const provided = state.variables;
  if (provided) {
    for (const name of fetch.variableUsages) {
      if (hasOwn(provided, name) && typeof provided[name] !== 'undefined') variables[name] = provided[name];
    }
  }

  if (!fetch.select) {
    const data = await send(state, fetch, cursor, variables);
    if (data) fetch.outputRewrites?.(data);
    for (const entity of entities) deepMerge(entity, data);
    return;
  }

  const representations: Record<string, unknown>[] = [];
  const representationToEntity: number[] = [];
  for (let index = 0; index < entities.length; index++) {
    const representation = fetch.select(entities[index]);
    if (representation && representation['__typename']) {
      fetch.inputRewrites?.(representation);
      representations.push(representation);
      representationToEntity.push(index);
    }
  }
  // No representation: no entity matched the type conditions.
  if (representations.length < 1) return;
  if ('representations' in variables) throw new Error(`Variables cannot contain key "representations"`);

  const data = await send(state, fetch, cursor, { ...variables, representations });
  if (!data) return;
  const received = data['_entities'] as (Record<string, unknown> | null | undefined)[];
  if (!(received && Array.isArray(received))) throw new Error(`Expected "data._entities" in response to be an array`);
  if (received.length !== representations.length) throw new Error(`Expected "data._entities" to contain ${representations.length} elements`);
  // Over every entity, as @apollo/gateway does (past the representations, both sides are undefined).
  for (let i = 0; i < entities.length; i++) {
    const receivedEntity = received[i];
    const existingEntity = entities[representationToEntity[i]!];
    if (receivedEntity && !receivedEntity['__typename']) receivedEntity['__typename'] = existingEntity!['__typename'];
    fetch.outputRewrites?.(receivedEntity);
    deepMerge(existingEntity, receivedEntity);
  }
}

async function send(state: RunState, fetch: CompiledFetch, cursor: Cursor, variables: Record<string, unknown>): Promise<Record<string, unknown> | null | undefined> {
  const dataSource = fetch.dataSource!;
  const { requestContext } = state;
  const response = dataSource.send
    ? await dataSource.send(fetch.request, variables, { context: state.context, cachePolicy: requestContext?.overallCachePolicy })
    : await dataSource.process({
        kind: 'incoming operation' as never,
        request: { query: fetch.request.query, variables, operationName: fetch.request.operationName, http: undefined },
        incomingRequestContext: (requestContext ?? { context: state.context, request: {}, metrics: {} }) as never,
        context: state.context as GatewayContext,
        document: undefined,
        pathInIncomingRequest: cursor.path,
      });

  if (response.errors) {
    const pathFor = entityErrorPaths(fetch.select !== undefined, cursor.path, state.root);
    const errors = response.errors.map((error) => downstreamServiceError(error, fetch.serviceName, pathFor));
    state.errors.push(...errors);
    const metrics = requestContext?.metrics;
    if (metrics && !response.extensions?.ftv1) {
      const paths = response.errors.map((error) => ({ subgraph: fetch.serviceName, path: error.path }));
      if (metrics.nonFtv1ErrorPaths) metrics.nonFtv1ErrorPaths.push(...paths);
      else metrics.nonFtv1ErrorPaths = paths;
    }
  }
  return response.data;
}
