import type { GraphQLFormattedError } from 'graphql';
import { isUnexpectedError } from '../errors.ts';

const URL_IN_TEXT = /\b(?:https?|wss?):\/\/[^\s"'<>)]+/gi;
// Added by stock data sources and by libraries: internal by nature.
const INTERNAL_EXTENSIONS = ['stacktrace', 'exception', 'response'];

/**
 * Apollo Server's `formatError`. Outside development and test, nothing
 * internal reaches a client: no stack traces, no subgraph responses, no URLs
 * in messages (they would name internal hosts), and unexpected errors of the
 * gateway itself say only "Internal server error". Subgraph errors keep their
 * messages and codes: those are the agencies' answers to the client.
 */
export function formatGatewayError(options: { exposeDetails: boolean }) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    if (options.exposeDetails) return formatted;
    const extensions = { ...formatted.extensions };
    for (const key of INTERNAL_EXTENSIONS) delete extensions[key];
    const fromSubgraph = typeof extensions.serviceName === 'string';
    const message =
      !fromSubgraph && isUnexpectedError(error) ? 'Internal server error' : formatted.message.replace(URL_IN_TEXT, '[internal address]');
    return { ...formatted, message, extensions };
  };
}
