import type { AuditEntry } from './AuditRecord.ts';
import { chainHash, GENESIS_HASH } from './chainHash.ts';
import type { AuditDb } from './openAuditDatabase.ts';

/** What is wrong with the first broken record. */
export type ChainProblem =
  /** Its content no longer matches its hash (edited in place), or its columns disagree with its content. */
  | 'EDITED'
  /** Records are missing: deleted from the start (without a prune checkpoint), the middle or the end. */
  | 'MISSING'
  /** It does not link to the record before it, or sits at another record's place: rewritten or reordered. */
  | 'UNLINKED'
  /** A prune record without its checkpoint, or a checkpoint that disagrees with it. */
  | 'CHECKPOINT'
  /** The person index disagrees with the record: who-accessed listings would mislead. */
  | 'INDEX'
  /** The record given as an anchor (seen earlier, e.g. in the gateway's log) is not in the chain as it was. */
  | 'ANCHOR';

export interface ChainBreak {
  /** The first broken record's sequence number (for MISSING, the first missing one). */
  seq: number;
  problem: ChainProblem;
  message: string;
}

export interface VerifyReport {
  ok: boolean;
  /** Records checked (all of them when ok). */
  records: number;
  /** The first record kept (later than 1 once old records were pruned). */
  firstSeq?: number;
  /** The last record: anchor it elsewhere to detect a truncated chain later. */
  head?: { seq: number; hash: string };
  /** Records up to this one were pruned under a checkpoint. */
  prunedThrough?: number;
  broken?: ChainBreak;
}

interface Row {
  seq: number;
  time: string;
  kind: string;
  prev_hash: string;
  hash: string;
  body: string;
}

/**
 * Checks the whole audit chain, in one read transaction, a chunk of records
 * at a time: every record's hash is SHA-256(previous hash + body), each links
 * to the one before, sequence numbers run without gaps from the genesis or
 * from the last prune checkpoint to the highest number ever assigned, columns
 * agree with the hashed body, prune records agree with their checkpoints, and
 * the person index agrees with the records. Stops at the first break and
 * names that record. `anchor` is a (seq, hash) seen earlier: it must still
 * be there (or pruned under a checkpoint), which catches a chain cut short
 * and rebuilt.
 */
export function verifyAuditChain(db: AuditDb, options: { anchor?: { seq: number; hash: string }; chunk?: number } = {}): VerifyReport {
  const chunk = options.chunk ?? 5000;
  const records = db.prepare<[number, number], Row>('SELECT seq, time, kind, prev_hash, hash, body FROM audit_record WHERE seq > ? ORDER BY seq LIMIT ?');
  const persons = db.prepare<[number, number], { seq: number; person: string }>('SELECT seq, person FROM audit_person WHERE seq > ? AND seq <= ? ORDER BY seq, person');
  const strayPersons = db.prepare<[number], { seq: number }>('SELECT seq FROM audit_person WHERE seq > ? ORDER BY seq LIMIT 1');
  const checkpoints = db.prepare<[], { through_seq: number; through_hash: string; prune_seq: number }>('SELECT through_seq, through_hash, prune_seq FROM audit_checkpoint ORDER BY through_seq');
  const highest = db.prepare<[], { seq: number }>("SELECT seq FROM sqlite_sequence WHERE name = 'audit_record'");

  return db.transaction((): VerifyReport => {
    const byThrough = new Map(checkpoints.all().map((c) => [c.through_seq, c]));
    const byPrune = new Map([...byThrough.values()].map((c) => [c.prune_seq, c]));
    const prunedThrough = Math.max(0, ...byThrough.keys());
    const maxEver = highest.get()?.seq ?? 0;
    let count = 0;
    let firstSeq: number | undefined;
    let expectedSeq = 0;
    let expectedPrev = GENESIS_HASH;
    let last: { seq: number; hash: string } | undefined;
    let anchorSeen = false;
    const report = (broken: ChainBreak): VerifyReport => ({
      ok: false,
      records: count,
      ...(firstSeq !== undefined ? { firstSeq } : {}),
      ...(last ? { head: last } : {}),
      ...(prunedThrough ? { prunedThrough } : {}),
      broken,
    });

    let after = 0;
    for (;;) {
      const rows = records.all(after, chunk);
      if (rows.length === 0) break;
      const index = new Map<number, string[]>();
      for (const { seq, person } of persons.iterate(after, rows.at(-1)!.seq)) {
        const list = index.get(seq);
        if (list) list.push(person);
        else index.set(seq, [person]);
      }
      for (const row of rows) {
        if (firstSeq === undefined) {
          firstSeq = row.seq;
          if (row.seq === 1) {
            expectedPrev = GENESIS_HASH;
          } else {
            const checkpoint = byThrough.get(row.seq - 1);
            if (!checkpoint) {
              const from = prunedThrough + 1;
              return report({ seq: from, problem: 'MISSING', message: `records ${range(from, row.seq - 1)} are missing: deleted without a prune checkpoint` });
            }
            expectedPrev = checkpoint.through_hash;
          }
          expectedSeq = row.seq;
        }
        if (row.seq !== expectedSeq) {
          return report({ seq: expectedSeq, problem: 'MISSING', message: `records ${range(expectedSeq, row.seq - 1)} are missing: deleted` });
        }
        let entry: (AuditEntry & { seq?: unknown }) | undefined;
        try {
          entry = JSON.parse(row.body) as AuditEntry & { seq?: unknown };
        } catch {
          return report({ seq: row.seq, problem: 'EDITED', message: `record ${row.seq} was edited: its body is not JSON` });
        }
        if (chainHash(row.prev_hash, row.body) !== row.hash) {
          return report({ seq: row.seq, problem: 'EDITED', message: `record ${row.seq} was edited: its content does not match its hash` });
        }
        if (entry.seq !== row.seq) {
          return report({ seq: row.seq, problem: 'UNLINKED', message: `record ${row.seq} holds record ${String(entry.seq)}: records were reordered` });
        }
        if (row.prev_hash !== expectedPrev) {
          const before = row.seq - 1;
          return report({
            seq: row.seq,
            problem: 'UNLINKED',
            message:
              before >= (firstSeq ?? 1)
                ? `record ${row.seq} does not link to record ${before}: record ${before} was rewritten (hash recomputed), or records were reordered or replaced`
                : `record ${row.seq} does not link to the prune checkpoint before it`,
          });
        }
        if (entry.time !== row.time || entry.kind !== row.kind) {
          return report({ seq: row.seq, problem: 'EDITED', message: `record ${row.seq} was edited: its time or kind column differs from its hashed content` });
        }
        if (entry.kind === 'PRUNE') {
          const checkpoint = byPrune.get(row.seq);
          if (!checkpoint || checkpoint.through_seq !== entry.throughSeq || checkpoint.through_hash !== entry.throughHash) {
            return report({ seq: row.seq, problem: 'CHECKPOINT', message: `prune record ${row.seq} has no matching checkpoint` });
          }
        }
        const indexed = index.get(row.seq) ?? [];
        const recorded = entry.kind === 'ACCESS' ? [...new Set(entry.persons)].sort() : [];
        if (indexed.length !== recorded.length || indexed.some((p, i) => p !== recorded[i])) {
          return report({ seq: row.seq, problem: 'INDEX', message: `the person index of record ${row.seq} differs from the record (${indexed.length} indexed, ${recorded.length} recorded)` });
        }
        if (options.anchor && options.anchor.seq === row.seq) {
          if (options.anchor.hash !== row.hash) {
            return report({ seq: row.seq, problem: 'ANCHOR', message: `record ${row.seq} is not the record anchored earlier: the chain was rebuilt from here or before` });
          }
          anchorSeen = true;
        }
        expectedPrev = row.hash;
        expectedSeq = row.seq + 1;
        last = { seq: row.seq, hash: row.hash };
        count++;
      }
      after = rows.at(-1)!.seq;
    }

    if (maxEver > (last?.seq ?? prunedThrough)) {
      const from = (last?.seq ?? prunedThrough) + 1;
      return report({ seq: from, problem: 'MISSING', message: `records ${range(from, maxEver)} are missing: deleted from the end of the chain` });
    }
    const stray = strayPersons.get(last?.seq ?? 0);
    if (stray) return report({ seq: stray.seq, problem: 'INDEX', message: `the person index has entries for record ${stray.seq}, which does not exist` });
    if (options.anchor && !anchorSeen) {
      const checkpoint = byThrough.get(options.anchor.seq);
      const pruned = options.anchor.seq <= prunedThrough && (checkpoint === undefined || checkpoint.through_hash === options.anchor.hash);
      if (!pruned) {
        return report({ seq: options.anchor.seq, problem: 'ANCHOR', message: `record ${options.anchor.seq}, anchored earlier, is not in the chain` });
      }
    }
    return {
      ok: true,
      records: count,
      ...(firstSeq !== undefined ? { firstSeq } : {}),
      ...(last ? { head: last } : {}),
      ...(prunedThrough ? { prunedThrough } : {}),
    };
  })();
}

function range(from: number, to: number): string {
  return from === to ? String(from) : `${from}–${to}`;
}
