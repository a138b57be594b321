import type { GraphQLDataSource } from '@apollo/gateway';
import type { GatewayContext } from '../context/createGatewayContext.ts';
import type { PreparedSubgraphRequest, SendOptions } from '../transport/SubgraphDataSource.ts';

type GatewayResponse = Awaited<ReturnType<GraphQLDataSource['process']>>;

/**
 * A subgraph data source as the executor uses it: @apollo/gateway's
 * contract (`process`), and optionally the leaner `send` of our
 * transport (the request prepared once per operation), preferred when
 * present.
 */
export interface ExecutionDataSource extends GraphQLDataSource<GatewayContext> {
  send?(prepared: PreparedSubgraphRequest, variables: Record<string, unknown> | undefined, options?: SendOptions): Promise<GatewayResponse>;
}
