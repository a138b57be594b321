import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

// Printable, no spaces or quotes: it goes into logs and headers verbatim.
const ACCEPTABLE = /^[A-Za-z0-9._:@/+=-]{1,128}$/;

/**
 * Fastify's `genReqId`: honour the caller's `x-request-id` when it is a sane
 * token (so one id follows a request through load balancer, gateway and
 * subgraphs), otherwise make one.
 */
export function requestIdFor(request: IncomingMessage): string {
  const header = request.headers['x-request-id'];
  const value = Array.isArray(header) ? header[0] : header;
  return value !== undefined && ACCEPTABLE.test(value) ? value : randomUUID();
}
