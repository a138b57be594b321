import type { Statement } from 'better-sqlite3';
import { existsSync } from 'node:fs';
import type { AccessEntry } from './AuditRecord.ts';
import { openAuditDatabase, type AuditDb } from './openAuditDatabase.ts';

/** One access to a person, as listed to auditors. */
export type AccessListItem = Omit<AccessEntry, 'kind' | 'persons'> & { seq: number };

export interface AccessPage {
  accesses: AccessListItem[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

export interface AccessQuery {
  person: string;
  /** Inclusive lower bound (ISO 8601 instant). */
  from?: string;
  /** Exclusive upper bound (ISO 8601 instant). */
  to?: string;
  /** Page size. */
  first: number;
  /** The previous page's endCursor. */
  after?: string;
}

/**
 * Reads the audit log: who accessed a person, newest first. On its own
 * read-only connection (WAL: readers never wait for the writer), opened on
 * first use, so a gateway whose log is not written yet still starts. The
 * lookup goes through the person index, then the records; it is small and
 * indexed, so it runs on the calling thread.
 */
export class AuditReader {
  private db: AuditDb | undefined;
  private byPerson: Statement<[string, number, string, string, number], { seq: number; body: string }> | undefined;

  constructor(private readonly file: string) {}

  accessesTo(query: AccessQuery): AccessPage {
    const statement = this.statement();
    if (!statement) return { accesses: [], pageInfo: { hasNextPage: false, endCursor: null } };
    const before = query.after === undefined ? Number.MAX_SAFE_INTEGER : decodeCursor(query.after);
    // Times are stored as toISOString(), so they compare as strings.
    const rows = statement.all(query.person, before, query.from ?? '', query.to ?? '\uffff', query.first + 1);
    const page = rows.slice(0, query.first);
    return {
      accesses: page.map(({ seq, body }) => {
        const { kind: _kind, persons: _persons, v: _v, ...rest } = JSON.parse(body) as AccessEntry & { v: number; seq: number };
        return { ...rest, seq };
      }),
      pageInfo: { hasNextPage: rows.length > query.first, endCursor: page.length > 0 ? encodeCursor(page.at(-1)!.seq) : null },
    };
  }

  close(): void {
    this.db?.close();
    this.db = undefined;
    this.byPerson = undefined;
  }

  private statement() {
    if (this.byPerson) return this.byPerson;
    if (!existsSync(this.file)) return undefined;
    const db = openAuditDatabase(this.file, { readonly: true });
    try {
      this.byPerson = db.prepare<[string, number, string, string, number], { seq: number; body: string }>(
        `SELECT r.seq AS seq, r.body AS body FROM audit_person p JOIN audit_record r ON r.seq = p.seq
         WHERE p.person = ? AND p.seq < ? AND r.time >= ? AND r.time < ?
         ORDER BY p.seq DESC LIMIT ?`,
      );
    } catch (error) {
      // The writer has not created the tables yet: try again next time.
      db.close();
      throw error;
    }
    this.db = db;
    return this.byPerson;
  }
}

/** Cursors are opaque to clients: base64url of the record's sequence number. */
export function encodeCursor(seq: number): string {
  return Buffer.from(`seq:${seq}`).toString('base64url');
}

/** The sequence number in a cursor; throws a RangeError for anything that is not one of ours. */
export function decodeCursor(cursor: string): number {
  const match = /^seq:(\d{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw new RangeError('not a cursor from this listing');
  return Number(match[1]);
}
