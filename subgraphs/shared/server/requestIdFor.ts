import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

// Printable, no spaces or quotes: it goes into log lines verbatim.
const ACCEPTABLE = /^[A-Za-z0-9._:@/+=-]{1,128}$/;

/**
 * Fastify's `genReqId`: the gateway's `x-request-id` when it is a sane
 * token, so one id follows a request from the gateway's logs into this
 * subgraph's; otherwise a new one. (It is not signed: the signed context is
 * reused across requests of a user and purpose, so it carries no request id.
 * A caller that could forge it would have to hold a valid context first.)
 */
export function requestIdFor(request: IncomingMessage): string {
  const header = request.headers['x-request-id'];
  const value = Array.isArray(header) ? header[0] : header;
  return value !== undefined && ACCEPTABLE.test(value) ? value : randomUUID();
}
