import type { AuditEntry, PruneEntry } from './AuditRecord.ts';
import { chainHash, GENESIS_HASH } from './chainHash.ts';
import { encodeEntry, type EncodedEntry } from './encodeEntry.ts';
import type { AuditDb } from './openAuditDatabase.ts';

export interface Appended {
  seq: number;
  hash: string;
}

/** A batch as committed: its records took consecutive numbers from `firstSeq`, one hash each, in order. */
export interface AppendedBatch {
  firstSeq: number;
  hashes: string[];
}

export interface PruneResult {
  /** Records deleted (0: nothing was old enough). */
  count: number;
  /** The prune record written into the chain, when something was deleted. */
  prune?: Appended & { throughSeq: number };
}

/**
 * Appends to the hash chain, synchronously, on one connection (the audit
 * worker's; tests use it directly). Every append is one IMMEDIATE
 * transaction that reads the chain's tail inside the write lock, so several
 * writers (gateway replicas on one file) still make one chain.
 */
export class AuditChainWriter {
  private readonly lastRecord;
  private readonly lastSeq;
  private readonly lastCheckpoint;
  private readonly insertRecord;
  private readonly insertPerson;
  private readonly insertCheckpoint;
  private readonly head;
  private readonly deleteRecords;
  private readonly deletePersons;
  private readonly appendBatch;

  constructor(private readonly db: AuditDb) {
    // The last record and the highest number ever used, in one statement (once per commit).
    this.lastRecord = db.prepare<[], { seq: number; hash: string; highest: number | null }>(
      "SELECT seq, hash, (SELECT seq FROM sqlite_sequence WHERE name = 'audit_record') AS highest FROM audit_record ORDER BY seq DESC LIMIT 1",
    );
    this.lastSeq = db.prepare<[], { seq: number }>("SELECT seq FROM sqlite_sequence WHERE name = 'audit_record'");
    this.lastCheckpoint = db.prepare<[], { through_hash: string }>('SELECT through_hash FROM audit_checkpoint ORDER BY through_seq DESC LIMIT 1');
    this.insertRecord = db.prepare('INSERT INTO audit_record (seq, time, kind, prev_hash, hash, body) VALUES (?, ?, ?, ?, ?, ?)');
    this.insertPerson = db.prepare('INSERT OR IGNORE INTO audit_person (seq, person) VALUES (?, ?)');
    this.insertCheckpoint = db.prepare('INSERT INTO audit_checkpoint (through_seq, through_hash, prune_seq) VALUES (?, ?, ?)');
    this.head = db.prepare<[number], { seq: number; time: string; hash: string }>('SELECT seq, time, hash FROM audit_record ORDER BY seq LIMIT ?');
    this.deleteRecords = db.prepare('DELETE FROM audit_record WHERE seq <= ?');
    this.deletePersons = db.prepare('DELETE FROM audit_person WHERE seq <= ?');
    this.appendBatch = db.transaction((entries: readonly EncodedEntry[]): AppendedBatch => {
      // The tail is read once, inside the write lock; the batch then chains in memory.
      let tail = this.tail();
      const firstSeq = tail.seq + 1;
      const hashes: string[] = [];
      for (const entry of entries) {
        tail = this.write(entry, tail);
        hashes.push(tail.hash);
      }
      return { firstSeq, hashes };
    });
  }

  /** Appends entries in order, in one durable transaction (group commit). */
  append(entries: readonly AuditEntry[]): Appended[] {
    const { firstSeq, hashes } = this.appendEncoded(entries.map(encodeEntry));
    return hashes.map((hash, i) => ({ seq: firstSeq + i, hash }));
  }

  /** `append` for entries already serialised (encodeEntry): what the audit worker receives. */
  appendEncoded(entries: readonly EncodedEntry[]): AppendedBatch {
    return this.appendBatch.immediate(entries);
  }

  /**
   * Deletes the oldest records, those written before `now - retentionDays`,
   * at most `maxRecords` of them (call again until it returns 0: a long
   * transaction would hold up the appends behind it). Only a prefix of the
   * chain goes, and the same transaction appends a PRUNE record and a
   * checkpoint naming the last deleted record and its hash, which the first
   * kept record points to: the remaining chain still verifies from there.
   */
  prune(options: { now: Date; retentionDays: number; maxRecords?: number }): PruneResult {
    const before = new Date(options.now.getTime() - options.retentionDays * 86_400_000).toISOString();
    return this.db
      .transaction((): PruneResult => {
        let through: { seq: number; hash: string } | undefined;
        let count = 0;
        for (const row of this.head.iterate(options.maxRecords ?? 5000)) {
          if (row.time >= before) break;
          through = row;
          count++;
        }
        if (!through) return { count: 0 };
        const entry: PruneEntry = {
          kind: 'PRUNE',
          time: options.now.toISOString(),
          throughSeq: through.seq,
          throughHash: through.hash,
          count,
          before,
          retentionDays: options.retentionDays,
        };
        const prune = this.appendOne(entry);
        // The checkpoint first: the delete triggers allow only what it covers.
        this.insertCheckpoint.run(through.seq, through.hash, prune.seq);
        this.deletePersons.run(through.seq);
        this.deleteRecords.run(through.seq);
        return { count, prune: { ...prune, throughSeq: through.seq } };
      })
      .immediate();
  }

  private appendOne(entry: AuditEntry): Appended {
    return this.write(encodeEntry(entry), this.tail());
  }

  /** The chain's tail as the next record must see it: the highest seq used and the hash to point to. */
  private tail(): Appended {
    const last = this.lastRecord.get();
    // sqlite_sequence remembers the highest seq ever used, so records deleted
    // from the tail leave a gap that verify reports instead of being reused.
    if (last) return { seq: Math.max(last.highest ?? 0, last.seq), hash: last.hash };
    // No record (a new chain, or every record pruned): the number from sqlite_sequence, the hash from the last checkpoint.
    return { seq: this.lastSeq.get()?.seq ?? 0, hash: this.lastCheckpoint.get()?.through_hash ?? GENESIS_HASH };
  }

  private write(entry: EncodedEntry, tail: Appended): Appended {
    const seq = tail.seq + 1;
    const body = `${entry.head}${seq}${entry.tail}`;
    const hash = chainHash(tail.hash, body);
    this.insertRecord.run(seq, entry.time, entry.kind, tail.hash, hash, body);
    for (const person of entry.persons) this.insertPerson.run(seq, person);
    return { seq, hash };
  }
}
