import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuditChainWriter } from '../../../../gateway/audit/AuditChainWriter.ts';
import { chainHash, GENESIS_HASH, recordBody } from '../../../../gateway/audit/chainHash.ts';
import { openAuditDatabase, type AuditDb } from '../../../../gateway/audit/openAuditDatabase.ts';
import { verifyAuditChain } from '../../../../gateway/audit/verifyAuditChain.ts';
import { accessFixture } from './accessFixture.ts';

// What someone with write access to the file could do: the triggers are the
// first thing to go, so tampering tests drop them and then edit.
const TRIGGERS = ['audit_record_no_update', 'audit_record_no_delete', 'audit_person_no_update', 'audit_person_no_delete'];
const tamper = (db: AuditDb, sql: string, ...params: unknown[]) => {
  for (const t of TRIGGERS) db.exec(`DROP TRIGGER IF EXISTS ${t}`);
  db.prepare(sql).run(...params);
};

describe('the audit chain', () => {
  let dir: string;
  let db: AuditDb;
  let writer: AuditChainWriter;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'onewindow-audit-'));
    db = openAuditDatabase(join(dir, 'audit.db'));
    writer = new AuditChainWriter(db);
    writer.append(Array.from({ length: 10 }, (_, i) => accessFixture(i + 1)));
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('links each record to the one before: hash = sha256(prev hash + canonical body)', () => {
    const rows = db.prepare('SELECT seq, prev_hash, hash, body FROM audit_record ORDER BY seq').all() as { seq: number; prev_hash: string; hash: string; body: string }[];
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(rows[0]!.prev_hash).toBe(GENESIS_HASH);
    for (const [i, row] of rows.entries()) {
      expect(row.body).toBe(recordBody(row.seq, accessFixture(i + 1)));
      expect(row.hash).toBe(chainHash(row.prev_hash, row.body));
      if (i > 0) expect(row.prev_hash).toBe(rows[i - 1]!.hash);
    }
    expect(verifyAuditChain(db)).toMatchObject({ ok: true, records: 10, firstSeq: 1, head: { seq: 10, hash: rows[9]!.hash } });
  });

  it('refuses UPDATE and DELETE (triggers)', () => {
    expect(() => db.prepare("UPDATE audit_record SET body = '{}' WHERE seq = 3").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_record WHERE seq = 3').run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_person').run()).toThrow(/append-only/);
    expect(verifyAuditChain(db).ok).toBe(true);
  });

  it('names an edited record', () => {
    const body = (db.prepare('SELECT body FROM audit_record WHERE seq = 4').get() as { body: string }).body;
    tamper(db, 'UPDATE audit_record SET body = ? WHERE seq = 4', body.replace('周洁', '某某'));
    expect(verifyAuditChain(db)).toMatchObject({ ok: false, records: 3, broken: { seq: 4, problem: 'EDITED' } });
  });

  it('names a record rewritten with a recomputed hash, at the next link', () => {
    const row = db.prepare('SELECT prev_hash, body FROM audit_record WHERE seq = 4').get() as { prev_hash: string; body: string };
    const forged = row.body.replace('"ALLOWED"', '"DENIED"');
    tamper(db, 'UPDATE audit_record SET body = ?, hash = ? WHERE seq = 4', forged, chainHash(row.prev_hash, forged));
    const report = verifyAuditChain(db);
    expect(report).toMatchObject({ ok: false, broken: { seq: 5, problem: 'UNLINKED' } });
    expect(report.broken!.message).toContain('record 4 was rewritten');
  });

  it('names a record deleted from the middle', () => {
    tamper(db, 'DELETE FROM audit_record WHERE seq = 6');
    expect(verifyAuditChain(db)).toMatchObject({ ok: false, records: 5, broken: { seq: 6, problem: 'MISSING' } });
  });

  it('names records deleted from the start without a prune checkpoint', () => {
    tamper(db, 'DELETE FROM audit_record WHERE seq <= 2');
    expect(verifyAuditChain(db)).toMatchObject({ ok: false, broken: { seq: 1, problem: 'MISSING' } });
  });

  it('names records cut from the end, even when the chain carries on after them', () => {
    tamper(db, 'DELETE FROM audit_record WHERE seq >= 9');
    expect(verifyAuditChain(db)).toMatchObject({ ok: false, broken: { seq: 9, problem: 'MISSING' } });
    // New records continue the numbering (sqlite_sequence): the gap stays visible.
    writer.append([accessFixture(11)]);
    expect(verifyAuditChain(db)).toMatchObject({ ok: false, broken: { seq: 9, problem: 'MISSING' } });
  });

  it('names reordered records', () => {
    tamper(db, 'UPDATE audit_record SET seq = -1 WHERE seq = 3');
    tamper(db, 'UPDATE audit_record SET seq = 3 WHERE seq = 4');
    tamper(db, 'UPDATE audit_record SET seq = 4 WHERE seq = -1');
    expect(verifyAuditChain(db)).toMatchObject({ ok: false, records: 2, broken: { seq: 3, problem: 'UNLINKED' } });
  });

  it('names a record whose person index was tampered with (who-accessed would mislead)', () => {
    tamper(db, "DELETE FROM audit_person WHERE seq = 7");
    expect(verifyAuditChain(db)).toMatchObject({ ok: false, broken: { seq: 7, problem: 'INDEX' } });
  });

  it('detects a chain rebuilt from an anchored record', () => {
    const anchor = verifyAuditChain(db).head!;
    expect(verifyAuditChain(db, { anchor }).ok).toBe(true);
    expect(verifyAuditChain(db, { anchor: { seq: 10, hash: 'f'.repeat(64) } })).toMatchObject({ ok: false, broken: { seq: 10, problem: 'ANCHOR' } });
  });

  it('prunes records past retention under a checkpoint; what is left still verifies', () => {
    // Records 1–10 are from 2025-03-16; five more a year later.
    writer.append(Array.from({ length: 5 }, (_, i) => accessFixture(100 + i, { time: `2026-03-16T08:00:0${i}.000Z` })));
    const result = writer.prune({ now: new Date('2026-03-20T00:00:00Z'), retentionDays: 183, maxRecords: 4 });
    expect(result).toMatchObject({ count: 4, prune: { seq: 16, throughSeq: 4 } });
    // Again until nothing is old enough: the prune records of 2026 stay.
    while (writer.prune({ now: new Date('2026-03-20T00:00:00Z'), retentionDays: 183, maxRecords: 4 }).count > 0);
    const report = verifyAuditChain(db);
    expect(report).toMatchObject({ ok: true, firstSeq: 11, prunedThrough: 10 });
    expect(db.prepare('SELECT count(*) AS n FROM audit_person WHERE seq <= 10').get()).toEqual({ n: 0 });
    // A record newer than retention cannot be deleted, even now.
    expect(() => db.prepare('DELETE FROM audit_record WHERE seq = 11').run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_checkpoint').run()).toThrow(/append-only/);
    const prune = JSON.parse((db.prepare("SELECT body FROM audit_record WHERE kind = 'PRUNE' ORDER BY seq DESC LIMIT 1").get() as { body: string }).body);
    expect(prune).toMatchObject({ kind: 'PRUNE', throughSeq: 10, retentionDays: 183, before: '2025-09-18T00:00:00.000Z' });
  });

  it('keeps verifying when every record was old enough to prune', () => {
    writer.prune({ now: new Date('2027-01-01T00:00:00Z'), retentionDays: 183 });
    expect(verifyAuditChain(db)).toMatchObject({ ok: true, records: 1, firstSeq: 11, prunedThrough: 10 });
    writer.append([accessFixture(20, { time: '2027-01-01T00:00:01.000Z' })]);
    expect(verifyAuditChain(db)).toMatchObject({ ok: true, records: 2, head: { seq: 12 } });
  });
});
