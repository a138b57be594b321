// The audit log's record format (version 1). What is hashed into the chain is
// the canonical JSON (canonicalJson.ts) of an entry plus its `v` and `seq`;
// changing a field's name or meaning needs a new version, never an edit of
// this one: records written years ago must still verify.
import type { AccessPurpose } from '../security/Principal.ts';

export const AUDIT_RECORD_VERSION = 1;

/** The outcome of an access, from the response that left (or was withheld). */
export const AccessOutcome = {
  /** Served as asked. */
  ALLOWED: 'ALLOWED',
  /** Served, but authorization removed some fields (`removedFields`). */
  PARTIALLY_DENIED: 'PARTIALLY_DENIED',
  /** Refused before any data was served (UNAUTHENTICATED, PURPOSE_REQUIRED, FORBIDDEN, ...). */
  DENIED: 'DENIED',
  /** Failed for another reason (subgraphs down, bad input at execution) and served no data. */
  ERROR: 'ERROR',
} as const;
export type AccessOutcome = (typeof AccessOutcome)[keyof typeof AccessOutcome];

/** One read of person data (or a refused attempt at one) by a known user. */
export interface AccessEntry {
  kind: 'ACCESS';
  /** When the answer was about to leave the gateway (ISO 8601, UTC, milliseconds). */
  time: string;
  /** The request id (`x-request-id`), also on every log line and subgraph call of the request. */
  requestId: string;
  /** The verified user; `anonymous` only when authentication is off (development). */
  user: { id: string; name: string };
  roles: string[];
  /** The user's agency (GRID, PETITIONS, POLICE, COURTS, LEGAL_AID) or '' for none. */
  agency: string;
  /** Division codes the user may see. */
  jurisdiction: string[];
  /** Why the user asked (`x-access-purpose`), or null when none was stated. */
  purpose: AccessPurpose | null;
  operation: {
    /** The operation's name, or null for an anonymous operation. */
    name: string | null;
    /** `query`, `mutation`, `subscription`, or `audit` for a lookup in this log (GET /audit/access). */
    type: string;
    /**
     * SHA-256 (hex) of the operation text the gateway received (Apollo
     * Server's query hash, the key of a trusted document); null for `audit`.
     * The text itself is not stored: literals in it may be ID numbers.
     */
    hash: string | null;
  };
  /** Person tokens (pseudonymous ids) found in the answer, sorted. */
  persons: string[];
  /** Agencies whose fields were selected and came back non-null, sorted. */
  agencies: string[];
  /** Schema coordinates of sensitive fields served non-null (e.g. Person.idNumber: unmasking), sorted. */
  sensitiveFields: string[];
  /** Schema coordinates authorization removed from the operation, sorted. */
  removedFields: string[];
  outcome: AccessOutcome;
  /** `extensions.code` of every error in the answer, deduplicated, in order of first appearance. */
  errorCodes: string[];
}

/**
 * Written in the same transaction that deletes records past retention: the
 * chain records its own pruning, and the hash of the last deleted record is
 * where the remaining chain starts (see AuditChainWriter.prune).
 */
export interface PruneEntry {
  kind: 'PRUNE';
  time: string;
  /** The last deleted record. */
  throughSeq: number;
  /** Its hash: the `prev_hash` of the first record kept. */
  throughHash: string;
  /** How many records this prune deleted. */
  count: number;
  /** Every deleted record is older than this (ISO 8601). */
  before: string;
  retentionDays: number;
}

export type AuditEntry = AccessEntry | PruneEntry;

/** An entry as stored: its place in the chain and the hashes that bind it. */
export interface ChainedEntry<E extends AuditEntry = AuditEntry> {
  seq: number;
  prevHash: string;
  hash: string;
  entry: E;
}
