import type { FastifyBaseLogger, FastifyRequest } from 'fastify';
import { traceContextFrom, type TraceContext } from '../transport/traceContext.ts';

/**
 * What the gateway knows about one GraphQL request, handed to Apollo Server
 * as its context and to every subgraph fetch (`headersFor`). Later plugins
 * (authentication, authorization, audit) add their fields here, e.g. the
 * verified user and the stated purpose.
 */
export interface GatewayContext {
  /** The request id: the caller's `x-request-id` when well-formed, else a new UUID. */
  readonly requestId: string;
  readonly trace: TraceContext;
  /** The request's logger (pino child with `reqId`). */
  readonly log: FastifyBaseLogger;
  /** The HTTP request, for plugins that read headers. */
  readonly request: FastifyRequest;
}

declare module 'fastify' {
  interface FastifyRequest {
    /**
     * The GraphQL operation's name and outcome, set by the metrics plugin and
     * read by the access log. (On the request, not the context: Apollo Server
     * hands plugins a copy of the context object.)
     */
    graphqlOperation?: { name: string; outcome: string };
  }
}

export function createGatewayContext(request: FastifyRequest): GatewayContext {
  const header = (name: string) => {
    const value = request.headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  return {
    requestId: request.id,
    trace: traceContextFrom(header('traceparent'), header('tracestate')),
    log: request.log,
    request,
  };
}
