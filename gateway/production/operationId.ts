import { createHash } from 'node:crypto';

/**
 * The id of a persisted operation: the SHA-256 of its body, in hex. The same
 * hash automatic persisted queries send (`extensions.persistedQuery.sha256Hash`),
 * so a client may name an operation either way.
 */
export function operationId(body: string): string {
  return createHash('sha256').update(body, 'utf8').digest('hex');
}
