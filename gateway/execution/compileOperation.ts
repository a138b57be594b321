import { operationFromDocument } from '@apollo/federation-internals';
import type { FetchNode, PlanNode, QueryPlan, QueryPlanner, SubscriptionNode } from '@apollo/query-planner';
import { GraphQLError, Kind, type DocumentNode, type GraphQLSchema } from 'graphql';
import { prepareSubgraphRequest } from '../transport/SubgraphDataSource.ts';
import { compileInputSelector } from './compileInputSelector.ts';
import { compileRewrites } from './compileRewrites.ts';
import { compileShaper } from './compileShaper.ts';
import type { CompiledFetch, CompiledOperation, ExecNode } from './CompiledOperation.ts';
import type { ExecutionDataSource } from './ExecutionDataSource.ts';
import { findOperation } from './findOperation.ts';
import type { SchemaFacts } from './SchemaFacts.ts';

/** What compiling needs of one supergraph generation. */
export interface CompileContext {
  readonly facts: SchemaFacts;
  /** The API schema as graphql-js: what Apollo Server validates against, and introspection runs on. */
  readonly schema: GraphQLSchema;
  readonly planner: QueryPlanner;
  /** @apollo/gateway's planning options (its `APOLLO_DISABLE_SECURITY_*` switches). */
  readonly planOptions: { recursiveSelectionsLimitDisabled: boolean; nonLocalSelectionsLimitDisabled: boolean };
  readonly dataSources: ReadonlyMap<string, ExecutionDataSource>;
}

/**
 * Compiles `(document, operationName)`: the query plan exactly as
 * @apollo/gateway's executor builds it (operation from the document on the
 * API schema, same planner and options), then everything its
 * `executeQueryPlan` would redo at each request: the operation it shapes
 * with, the response shaper, each fetch's representation selector,
 * rewrites, variable list and request body. Throws what @apollo/gateway's
 * executor throws for a document it cannot plan.
 */
export function compileOperation(context: CompileContext, document: DocumentNode, operationName: string | undefined): CompiledOperation {
  const { definition, fragments } = findOperation(document, operationName);
  const { facts, planner, planOptions } = context;

  const planned = operationFromDocument(facts.api, document, { operationName });
  const queryPlan = planner.buildQueryPlan(planned, planOptions);
  const needsApollo = unsupported(queryPlan);

  let shape: CompiledOperation['shape'];
  try {
    const operation = operationFromDocument(facts.api, { kind: Kind.DOCUMENT, definitions: [definition, ...fragments] }, { validate: false });
    shape = compileShaper(operation, definition.variableDefinitions, context.schema, facts);
  } catch (error) {
    // @apollo/gateway answers this with the error alone (its executor would
    // meet it at every request); anything else it throws.
    if (!(error instanceof GraphQLError)) throw error;
    shape = { error };
  }

  const variableDefaults: Record<string, unknown> = Object.create(null);
  for (const { variable, defaultValue } of planned.variableDefinitions.definitions()) {
    if (defaultValue !== undefined) variableDefaults[variable.name] = defaultValue;
  }

  return {
    operationName,
    kind: definition.operation,
    document,
    definition,
    queryPlan,
    needsApollo,
    root: needsApollo || !queryPlan.node ? undefined : compileNode(queryPlan.node as PlanNode, context),
    shape,
    variableDefaults,
  };
}

function unsupported(plan: QueryPlan): string | undefined {
  if (!plan.node) return undefined;
  if (plan.node.kind === 'Subscription') return 'a subscription';
  return containsDefer(plan.node) ? '@defer' : undefined;
}

function containsDefer(node: PlanNode | SubscriptionNode): boolean {
  switch (node.kind) {
    case 'Defer':
      return true;
    case 'Sequence':
    case 'Parallel':
      return node.nodes.some(containsDefer);
    case 'Flatten':
      return containsDefer(node.node);
    case 'Condition':
      return (node.ifClause ? containsDefer(node.ifClause) : false) || (node.elseClause ? containsDefer(node.elseClause) : false);
    case 'Subscription':
      return true;
    case 'Fetch':
      return false;
  }
}

function compileNode(node: PlanNode, context: CompileContext): ExecNode {
  switch (node.kind) {
    case 'Sequence':
    case 'Parallel':
      return { kind: node.kind, nodes: node.nodes.map((n) => compileNode(n, context)) };
    case 'Flatten':
      return { kind: 'Flatten', path: node.path, node: compileNode(node.node, context) };
    case 'Fetch':
      return { kind: 'Fetch', fetch: compileFetch(node, context) };
    case 'Condition':
      return {
        kind: 'Condition',
        variable: node.condition,
        ifClause: node.ifClause ? compileNode(node.ifClause, context) : undefined,
        elseClause: node.elseClause ? compileNode(node.elseClause, context) : undefined,
      };
    case 'Defer':
      throw new Error('@defer support is not available in the gateway');
  }
}

function compileFetch(fetch: FetchNode, context: CompileContext): CompiledFetch {
  const variableUsages = fetch.variableUsages ?? [];
  return {
    serviceName: fetch.serviceName,
    dataSource: context.dataSources.get(fetch.serviceName),
    request: prepareSubgraphRequest(fetch.operation, fetch.operationName),
    variableUsages,
    bareVariables: variableUsages.some((name) => name in Object.prototype),
    select: fetch.requires ? compileInputSelector(fetch.requires, context.facts) : undefined,
    inputRewrites: compileRewrites(fetch.inputRewrites, context.facts),
    outputRewrites: compileRewrites(fetch.outputRewrites, context.facts),
  };
}
