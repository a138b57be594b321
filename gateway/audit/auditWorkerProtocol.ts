import type { EncodedEntry } from './encodeEntry.ts';

/** What the audit worker starts with. */
export interface AuditWorkerData {
  file: string;
  busyTimeoutMs: number;
}

/**
 * A request to the audit worker; it answers each with an `AuditWorkerReply`
 * of the same id, in order. Appends carry their entries packed into one flat
 * list of strings (packEntries): copying strings between threads costs far
 * less than copying objects.
 */
export type AuditWorkerRequest =
  | { id: number; op: 'open' }
  | { id: number; op: 'append'; entries: string[] }
  | { id: number; op: 'prune'; now: string; retentionDays: number; maxRecords: number }
  | { id: number; op: 'close' };

export type AuditWorkerReply =
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; error: { message: string; code?: string } };

/** Entries as one flat list: kind, time, head, tail, the number of persons, the persons; and the next entry. */
export function packEntries(entries: readonly EncodedEntry[]): string[] {
  const packed: string[] = [];
  for (const entry of entries) {
    packed.push(entry.kind, entry.time, entry.head, entry.tail, String(entry.persons.length));
    for (const person of entry.persons) packed.push(person);
  }
  return packed;
}

/** The entries `packEntries` packed; throws on a list it did not make. */
export function unpackEntries(packed: readonly string[]): EncodedEntry[] {
  const entries: EncodedEntry[] = [];
  let i = 0;
  while (i < packed.length) {
    const [kind, time, head, tail, count] = packed.slice(i, i + 5);
    const persons = Number(count);
    if (tail === undefined || (kind !== 'ACCESS' && kind !== 'PRUNE') || !Number.isInteger(persons) || persons < 0 || i + 5 + persons > packed.length) {
      throw new TypeError('the audit writer received a malformed batch');
    }
    entries.push({ kind, time: time!, head: head!, tail, persons: packed.slice(i + 5, i + 5 + persons) });
    i += 5 + persons;
  }
  return entries;
}
