import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuditLog, AuditUnavailableError } from '../../../../gateway/audit/AuditLog.ts';
import { openAuditDatabase } from '../../../../gateway/audit/openAuditDatabase.ts';
import { verifyAuditChain } from '../../../../gateway/audit/verifyAuditChain.ts';
import { accessFixture } from './accessFixture.ts';

describe('AuditLog (the writer thread)', () => {
  let dir: string;
  let file: string;
  let log: AuditLog;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'onewindow-auditlog-'));
    file = join(dir, 'gateway', 'audit.db');
  });
  afterEach(async () => {
    await log?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const verify = () => {
    const db = openAuditDatabase(file, { readonly: true });
    try {
      return verifyAuditChain(db);
    } finally {
      db.close();
    }
  };

  it('creates the file, and each append resolves once its record is committed', async () => {
    log = new AuditLog({ file });
    expect(await log.open()).toBeUndefined();
    const appended = await log.append(accessFixture(1));
    expect(appended).toEqual({ seq: 1, hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    // Another connection sees it at once: it is on disk, not in a buffer.
    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT count(*) AS n FROM audit_record').get()).toEqual({ n: 1 });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('group-commits: concurrent appends share transactions, and the chain holds every one in order', async () => {
    log = new AuditLog({ file });
    await log.open();
    const results = await Promise.all(Array.from({ length: 500 }, (_, i) => log.append(accessFixture(i))));
    expect(new Set(results.map((r) => r.seq)).size).toBe(500);
    expect(log.stats.records).toBe(500);
    expect(log.stats.transactions).toBeLessThan(50);
    expect(verify()).toMatchObject({ ok: true, records: 500 });
  });

  it('commit delay: a record that comes alone commits at once; under load a batch waits for company', async () => {
    // A delay far longer than the test's timeout: were it applied to a lone record, the test would time out.
    log = new AuditLog({ file, commitDelayMs: 100 });
    await log.open();
    await log.append(accessFixture(0));
    await new Promise((r) => setTimeout(r, 300));
    const alone = performance.now();
    await log.append(accessFixture(1));
    expect(performance.now() - alone).toBeLessThan(100);
    expect(log.stats).toMatchObject({ transactions: 2, records: 2 });

    // Records 5 ms apart, each waiting for its own (a closed loop of one client
    // would commit each alone): with the delay they share transactions.
    const pending: Promise<unknown>[] = [];
    for (let i = 2; i < 42; i++) {
      pending.push(log.append(accessFixture(i)));
      await new Promise((r) => setTimeout(r, 5));
    }
    await Promise.all(pending);
    expect(log.stats.records).toBe(42);
    expect(log.stats.transactions).toBeLessThanOrEqual(2 + 10);
    expect(verify()).toMatchObject({ ok: true, records: 42 });
  });

  it('commit delay 0: records arriving apart do not wait for each other', async () => {
    log = new AuditLog({ file, commitDelayMs: 0 });
    await log.open();
    const pending: Promise<unknown>[] = [];
    for (let i = 0; i < 20; i++) {
      pending.push(log.append(accessFixture(i)));
      await new Promise((r) => setTimeout(r, 20));
    }
    await Promise.all(pending);
    // Each commits alone unless a slow fsync (tens of ms on a busy disk) held the one before.
    expect(log.stats.records).toBe(20);
    expect(log.stats.transactions).toBeGreaterThanOrEqual(10);
  });

  it('fails an append while another writer holds the lock past the busy timeout, and recovers when it lets go', async () => {
    log = new AuditLog({ file, busyTimeoutMs: 100 });
    await log.open();
    const blocker = new Database(file);
    blocker.exec('BEGIN EXCLUSIVE');
    try {
      await expect(log.append(accessFixture(1))).rejects.toBeInstanceOf(AuditUnavailableError);
    } finally {
      blocker.exec('ROLLBACK');
      blocker.close();
    }
    await expect(log.append(accessFixture(2))).resolves.toMatchObject({ seq: 1 });
  });

  it('reports an unusable file at open, fails appends, and recovers once the file can be created', async () => {
    // A file where the directory should be: nothing can be created under it, not even by root.
    writeFileSync(join(dir, 'gateway'), 'not a directory');
    log = new AuditLog({ file });
    expect(await log.open()).toBeInstanceOf(AuditUnavailableError);
    await expect(log.append(accessFixture(1))).rejects.toBeInstanceOf(AuditUnavailableError);
    rmSync(join(dir, 'gateway'));
    await expect(log.append(accessFixture(2))).resolves.toMatchObject({ seq: 1 });
  });

  it('fails appends when the writer hangs past the write timeout', async () => {
    log = new AuditLog({ file, busyTimeoutMs: 5000, writeTimeoutMs: 200 });
    expect(await log.open()).toBeUndefined();
    const blocker = new Database(file);
    blocker.exec('BEGIN EXCLUSIVE');
    const started = Date.now();
    try {
      await expect(log.append(accessFixture(1))).rejects.toThrow(/did not answer within 200 ms/);
      expect(Date.now() - started).toBeLessThan(4000);
    } finally {
      blocker.exec('ROLLBACK');
      blocker.close();
    }
  });

  it('refuses appends after close, having committed the ones before', async () => {
    log = new AuditLog({ file });
    await log.open();
    const pending = Promise.all([log.append(accessFixture(1)), log.append(accessFixture(2))]);
    await log.close();
    await expect(pending).resolves.toHaveLength(2);
    await expect(log.append(accessFixture(3))).rejects.toBeInstanceOf(AuditUnavailableError);
    expect(verify()).toMatchObject({ ok: true, records: 2 });
  });
});
