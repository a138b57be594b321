import type { QueryPlan, ResponsePath } from '@apollo/query-planner';
import type { DocumentNode, GraphQLError, OperationDefinitionNode, OperationTypeNode } from 'graphql';
import type { PreparedSubgraphRequest } from '../transport/SubgraphDataSource.ts';
import type { InputSelector } from './compileInputSelector.ts';
import type { Rewriter } from './compileRewrites.ts';
import type { ResponseShaper } from './compileShaper.ts';
import type { ExecutionDataSource } from './ExecutionDataSource.ts';

/**
 * One operation (a document and an operation name) compiled for one
 * supergraph: its query plan, and everything execution would otherwise
 * recompute at every request. Immutable; shared by every request that runs
 * it.
 */
export interface CompiledOperation {
  readonly operationName: string | undefined;
  readonly kind: OperationTypeNode;
  /** The document that was compiled, and its operation's definition. */
  readonly document: DocumentNode;
  readonly definition: OperationDefinitionNode;
  /** The plan, as @apollo/query-planner made it (same planner and options as @apollo/gateway). */
  readonly queryPlan: QueryPlan;
  /**
   * Why this operation must run on @apollo/gateway's executor instead (a
   * subscription, `@defer`); undefined when ours runs it. `run` falls back
   * by itself.
   */
  readonly needsApollo: string | undefined;
  /** @internal The plan, ready to run (undefined: nothing to fetch). */
  readonly root: ExecNode | undefined;
  /** @internal Shapes the fetched data into the answer; an error instead when the operation cannot be shaped (as @apollo/gateway answers it). */
  readonly shape: ResponseShaper | { readonly error: GraphQLError };
  /** @internal The variables' defaults, for plan conditions. */
  readonly variableDefaults: Readonly<Record<string, unknown>>;
}

export type ExecNode =
  | { readonly kind: 'Sequence'; readonly nodes: readonly ExecNode[] }
  | { readonly kind: 'Parallel'; readonly nodes: readonly ExecNode[] }
  | { readonly kind: 'Flatten'; readonly path: ResponsePath; readonly node: ExecNode }
  | { readonly kind: 'Fetch'; readonly fetch: CompiledFetch }
  | { readonly kind: 'Condition'; readonly variable: string; readonly ifClause: ExecNode | undefined; readonly elseClause: ExecNode | undefined };

/** One fetch of the plan, prepared. */
export interface CompiledFetch {
  readonly serviceName: string;
  /** Undefined when the supergraph names a subgraph without a data source (the fetch fails, as stock's does). */
  readonly dataSource: ExecutionDataSource | undefined;
  readonly request: PreparedSubgraphRequest;
  /** The operation's variables this fetch sends (only those the request provides). */
  readonly variableUsages: readonly string[];
  /** Variables object: without a prototype when a variable name would be inherited. */
  readonly bareVariables: boolean;
  /** Entity fetch: builds each entity's representation. */
  readonly select: InputSelector | undefined;
  readonly inputRewrites: Rewriter | undefined;
  readonly outputRewrites: Rewriter | undefined;
}
