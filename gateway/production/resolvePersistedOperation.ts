import { NotRegisteredReason } from '../errors.ts';
import type { PersistedOperation, PersistedOperations } from './PersistedOperations.ts';

export type PersistedResolution =
  /** Run this registered operation (its body replaces whatever the request sent). */
  | { kind: 'registered'; operation: PersistedOperation }
  /** Not a persisted request, and free-form operations are allowed here (outside production). */
  | { kind: 'free' }
  | { kind: 'refused'; reason: NotRegisteredReason };

export interface PersistedRequest {
  query: string | undefined;
  documentId: string | undefined;
  sha256Hash: string | undefined;
}

/**
 * Which operation a request runs, with trusted documents:
 *
 * - by id (`documentId`/`id`: the manifest id) or by hash
 *   (`extensions.persistedQuery.sha256Hash`): the registered body; a text
 *   sent along must be that operation. An unknown id is refused; an
 *   unknown hash outside production is left to Apollo Server's automatic
 *   persisted queries.
 * - by text: outside production, anything (the limits still apply); in
 *   production (`enforce`) only a registered operation (its body, or the
 *   same document otherwise spelled).
 */
export function resolvePersistedOperation(
  request: PersistedRequest,
  manifest: PersistedOperations | undefined,
  enforce: boolean,
  maxTokens: number,
): PersistedResolution {
  const { query, documentId, sha256Hash } = request;
  if (documentId !== undefined || sha256Hash !== undefined) {
    const operation = documentId !== undefined ? manifest?.byId(documentId) : manifest?.byHash(sha256Hash!);
    if (!operation) {
      return enforce || documentId !== undefined ? { kind: 'refused', reason: NotRegisteredReason.UNKNOWN_ID } : { kind: 'free' };
    }
    if (query !== undefined && query !== operation.body && manifest?.byText(query, maxTokens) !== operation) {
      return { kind: 'refused', reason: NotRegisteredReason.ID_MISMATCH };
    }
    return { kind: 'registered', operation };
  }
  if (!enforce) return { kind: 'free' };
  if (query === undefined) return { kind: 'refused', reason: NotRegisteredReason.NO_OPERATION };
  const operation = manifest?.byText(query, maxTokens);
  return operation ? { kind: 'registered', operation } : { kind: 'refused', reason: NotRegisteredReason.NOT_REGISTERED };
}
