import { createHash } from 'node:crypto';
import { ErrorCode, userError } from '../errors.ts';

// Creating a matter is idempotent: a client that retries (a timeout, a lost
// answer) sends the same key, and gets the matter its first attempt made.

/** Refuses a missing or overlong key before anything is read or written. */
export function checkIdempotencyKey(key: string): void {
  if (!key || key.length > 200) {
    throw userError(ErrorCode.BAD_USER_INPUT, 'idempotencyKey must be 1 to 200 characters', { argumentName: 'idempotencyKey' });
  }
}

/** What is stored with the key to tell a retry (same request) from a reuse of the key for another one. */
export function requestHash(request: unknown): string {
  return createHash('sha256').update(JSON.stringify(request)).digest('hex');
}

/**
 * The case code an earlier request with this key made, when this request is
 * its retry; null when the key is new. The same key with a different request
 * is refused with IDEMPOTENCY_CONFLICT (`what` names the kind of request).
 */
export function replayedCaseCode(
  existing: { caseCode: string; requestHash: string | null } | undefined,
  key: string,
  hash: string,
  what: string,
): string | null {
  if (!existing) return null;
  if (existing.requestHash !== hash) {
    throw userError(ErrorCode.IDEMPOTENCY_CONFLICT, `idempotency key ${key} was used for a different ${what} (${existing.caseCode})`);
  }
  return existing.caseCode;
}
