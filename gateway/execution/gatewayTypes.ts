import type { ApolloServerOptionsWithGateway, BaseContext } from '@apollo/server';

// Apollo Server's gateway contract, by its own types (the interface package is not a direct dependency).
export type GatewayInterface = ApolloServerOptionsWithGateway<BaseContext>['gateway'];
/** What Apollo Server calls to execute a validated operation. */
export type GatewayExecutor = NonNullable<Awaited<ReturnType<GatewayInterface['load']>>['executor']>;
export type GatewayRequestContext = Parameters<GatewayExecutor>[0];
export type GatewayExecutionResult = Awaited<ReturnType<GatewayExecutor>>;
