import { hash } from 'node:crypto';
import { AUDIT_RECORD_VERSION, type AuditEntry } from './AuditRecord.ts';
import { canonicalJson } from './canonicalJson.ts';

/** The `prev_hash` of the first record ever written. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * The exact text hashed for a record and stored in its `body` column: the
 * canonical JSON of the entry with its version and sequence number (so a
 * record moved to another place in the chain no longer verifies).
 */
export function recordBody(seq: number, entry: AuditEntry): string {
  return canonicalJson({ ...entry, seq, v: AUDIT_RECORD_VERSION });
}

/** A record's hash: SHA-256 (hex) of the previous record's hash followed by this record's body. */
export function chainHash(prevHash: string, body: string): string {
  // One-shot hashing (no Hash object per record); the UTF-8 of the joined
  // text is the UTF-8 of the hex hash followed by that of the body.
  return hash('sha256', prevHash + body, 'hex');
}
