import type { AccessEntry } from './AuditRecord.ts';

/** What the audit worker starts with. */
export interface AuditWorkerData {
  file: string;
  busyTimeoutMs: number;
}

/** A request to the audit worker; it answers each with an `AuditWorkerReply` of the same id, in order. */
export type AuditWorkerRequest =
  | { id: number; op: 'open' }
  | { id: number; op: 'append'; entries: AccessEntry[] }
  | { id: number; op: 'prune'; now: string; retentionDays: number; maxRecords: number }
  | { id: number; op: 'close' };

export type AuditWorkerReply =
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; error: { message: string; code?: string } };
