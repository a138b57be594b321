import { ERRORS, errorCodeDef } from '@apollo/federation-internals';
import { GraphQLError, type GraphQLErrorOptions, type GraphQLFormattedError } from 'graphql';

/**
 * A subgraph's error as the client sees it, exactly as @apollo/gateway
 * words it: the subgraph's message (a default when empty), the path
 * rewritten from the subgraph's operation to the client's, the subgraph's
 * extensions plus `serviceName`, and its code: kept when the subgraph set
 * one, else `DOWNSTREAM_SERVICE_ERROR`.
 */
export function downstreamServiceError(
  original: GraphQLFormattedError,
  serviceName: string,
  pathFor: (path: GraphQLFormattedError['path']) => GraphQLErrorOptions['path'],
): GraphQLError {
  let { message } = original;
  const { extensions } = original;
  if (!message) message = `Error while fetching subquery from service "${serviceName}"`;
  const options: GraphQLErrorOptions = {
    originalError: original as Error,
    path: pathFor(original.path),
    extensions: { ...extensions, serviceName },
  };
  const codeDefinition = errorCodeDef(original);
  if (!codeDefinition && extensions?.code) return new GraphQLError(message, options);
  return (codeDefinition ?? ERRORS.DOWNSTREAM_SERVICE_ERROR).err(message, options);
}
