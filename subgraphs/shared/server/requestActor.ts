import type { FastifyRequest } from 'fastify';

/**
 * Who is asking, recorded on every workflow step. Until the signed user
 * context lands (issue 6), the actor is taken as given in a header.
 */
export function requestActor(request: FastifyRequest): string {
  return String(request.headers['x-onewindow-user'] ?? 'anonymous');
}
