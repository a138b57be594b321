import type { ApolloServerPlugin } from '@apollo/server';
import type { FastifyBaseLogger } from 'fastify';
import type { GraphQLError } from 'graphql';
import type { GatewayContext } from '../context/createGatewayContext.ts';
import { isUnexpectedError } from '../errors.ts';

/**
 * Logs the errors that are the gateway's fault (crashes, not deliberate
 * GraphQL errors, not from a subgraph) with their stack, on the request's
 * logger, so that what the client sees masked can be found by request id.
 * Subgraph failures are logged by the transport; client mistakes are not
 * logged as errors.
 */
export function logUnexpectedErrors(errors: readonly GraphQLError[], log: FastifyBaseLogger): void {
  for (const error of errors) {
    if (!isUnexpectedError(error) || typeof error.extensions?.serviceName === 'string') continue;
    const original = error.originalError ?? error;
    log.error({ err: original, path: error.path }, 'internal error while serving a GraphQL request');
  }
}

/** `logUnexpectedErrors` as an Apollo Server plugin. */
export function useErrorLog(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          logUnexpectedErrors(errors, contextValue.log);
        },
      };
    },
  };
}
