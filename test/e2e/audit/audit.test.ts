// Issue 6 item 6 with real processes: the five subgraphs over a seeded world,
// the gateway (authentication on, development keys) writing its audit log,
// and `npm run audit` on that log.
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccessEntry } from '../../../gateway/audit/AuditRecord.ts';
import { DEMO_USERS } from '../../../gateway/security/demoUsers.ts';
import { mintToken } from '../../../gateway/security/mintToken.ts';
import { createPersonTokenizer, DEV_FEDERATION_SECRET } from '../../../subgraphs/shared/identity/personToken.ts';
import { loadWorld, type LoadedWorld } from '../../unit/world/loadWorld.ts';
import { expectedPersonView } from '../support/expectedPersonView.ts';
import { freePort } from '../support/freePort.ts';
import { postGraphQL } from '../support/graphql.ts';
import { repositoryRoot, startProcess, type StartedProcess } from '../support/startProcess.ts';
import { type RunningSubgraphs, startSubgraphs } from '../support/startSubgraphs.ts';
import { supergraphWithUrls } from '../support/stockGateway.ts';
import { eventually } from '../support/waitFor.ts';

const token = (key: string) => {
  const user = DEMO_USERS.find((u) => u.key === key);
  if (!user) throw new Error(`no demo user ${key}`);
  return mintToken(user);
};

/** Reads the log as it is on disk (another connection than the gateway's writer). */
function records(file: string): (AccessEntry & { seq: number })[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT body FROM audit_record ORDER BY seq').all() as { body: string }[]).map((r) => JSON.parse(r.body));
  } finally {
    db.close();
  }
}

/** `npm run audit -- <args>` as a user would run it. */
function auditCli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync('npm', ['run', '--silent', 'audit', '--', ...args], { cwd: repositoryRoot, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

async function startGateway(supergraph: string, env: Record<string, string>): Promise<{ url: string; base: string; process: StartedProcess }> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const process = await startProcess({
    name: 'gateway',
    args: ['gateway/main.ts', '--supergraph', supergraph, '--port', String(port)],
    env: { NODE_ENV: 'test', LOG_LEVEL: 'warn', GATEWAY_WATCH_SUPERGRAPH: 'false', ...env },
    readyUrl: `${base}/ready`,
    readyTimeoutMs: 60_000,
  });
  return { url: `${base}/graphql`, base, process };
}

const STATS = '{ centerStats(division: "420923", from: "2025-01-01", to: "2026-12-31") { accepted } }';

describe('the audit log, end to end', () => {
  let system: RunningSubgraphs;
  let world: LoadedWorld;
  let dir: string;
  let supergraph: string;
  let auditDb: string;
  let gateway: Awaited<ReturnType<typeof startGateway>>;
  let handler: string;
  let auditor: string;
  let clerk: string;
  let person: { idNumber: string; token: string };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'onewindow-e2e-audit-'));
    system = await startSubgraphs({ people: 2_000 });
    world = await loadWorld(system.worldDir);
    supergraph = join(dir, 'supergraph.graphql');
    writeFileSync(supergraph, supergraphWithUrls(system.urls));
    auditDb = join(dir, 'audit', 'audit.db');
    gateway = await startGateway(supergraph, { DATA_DIR: system.dataDir, GATEWAY_AUDIT_DB: auditDb, GATEWAY_AUDIT_BUSY_TIMEOUT_MS: '300' });
    [handler, auditor, clerk] = await Promise.all([token('handler'), token('auditor'), token('courts')]);
    // A journey person with matters in all five agencies who lives in the
    // handler's jurisdiction (Yunmeng, 420923): others come back null for her.
    const idNumber = world.journeys
      .flatMap((j) => j.persons)
      .find((id) => {
        if (!world.persons.get(id)?.division.startsWith('420923')) return false;
        const view = expectedPersonView(world, id);
        return [view.disputes, view.petitions, view.policeIncidents, view.courtCases, view.legalAidCases].every((s) => s.length > 0);
      });
    if (!idNumber) throw new Error('the seeded world has no Yunmeng person with matters in all five agencies');
    person = { idNumber, token: createPersonTokenizer(DEV_FEDERATION_SECRET)(idNumber) };
  });
  afterAll(async () => {
    await gateway?.process.stop();
    await system?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const as = (jwt: string, purpose?: string) => ({ authorization: `Bearer ${jwt}`, ...(purpose ? { 'x-access-purpose': purpose } : {}) });

  it('records a read of a person across five agencies: who, why, which persons, agencies and sensitive fields, what was removed', async () => {
    // No `id` anywhere: the audit finds the persons all the same.
    const query = `query PersonView($n: String!) {
      personByIdNumber(idNumber: $n) {
        name phone idNumber
        household { members { name } }
        disputes { caseCode } petitions { caseCode } policeIncidents { caseCode } courtCases { caseCode } legalAidCases { caseCode }
      }
    }`;
    const before = records(auditDb).length;
    const answer = await postGraphQL(gateway.url, query, { variables: { n: person.idNumber }, headers: { ...as(handler, '420923-ZZ-2025-000001'), 'x-request-id': 'e2e-audit-view' } });
    expect(answer.status).toBe(200);
    const view = answer.data!.personByIdNumber;
    expect(view.name).toEqual(expect.any(String));
    expect(view.idNumber).toBeNull(); // the case handler may not see it: removed
    expect(JSON.stringify(answer.data)).not.toContain('__onewindow');
    for (const slice of ['disputes', 'petitions', 'policeIncidents', 'courtCases', 'legalAidCases']) expect(view[slice].length).toBeGreaterThan(0);

    // The ids the answer carried, asked for explicitly this time.
    const ids = await postGraphQL(gateway.url, `query Ids($n: String!) { personByIdNumber(idNumber: $n) { id household { members { id } } } }`, {
      variables: { n: person.idNumber },
      headers: as(handler, '420923-ZZ-2025-000001'),
    });
    const served = [ids.data!.personByIdNumber.id, ...ids.data!.personByIdNumber.household.members.map((m: { id: string }) => m.id)];
    expect(served).toContain(person.token);

    const added = records(auditDb).slice(before);
    expect(added).toHaveLength(2);
    expect(added[0]).toEqual({
      kind: 'ACCESS',
      v: 1,
      seq: expect.any(Number),
      time: expect.any(String),
      requestId: 'e2e-audit-view',
      user: { id: 'zhou.jie', name: '周洁' },
      roles: ['case_handler'],
      agency: 'GRID',
      jurisdiction: ['420923'],
      purpose: { kind: 'CASE', caseCode: '420923-ZZ-2025-000001' },
      operation: { name: 'PersonView', type: 'query', hash: expect.stringMatching(/^[0-9a-f]{64}$/) },
      persons: [...new Set(served)].sort(),
      agencies: ['COURTS', 'GRID', 'LEGAL_AID', 'PETITIONS', 'POLICE'],
      sensitiveFields: ['Person.phone'],
      removedFields: ['Person.idNumber'],
      outcome: 'PARTIALLY_DENIED',
      errorCodes: ['UNAUTHORIZED_FIELD_OR_TYPE'],
    });
    expect(added[1]).toMatchObject({ operation: { name: 'Ids' }, persons: [...new Set(served)].sort(), agencies: ['GRID'], outcome: 'ALLOWED' });
  });

  it('records unmasking as such, and only the agency that served', async () => {
    const before = records(auditDb).length;
    const answer = await postGraphQL(gateway.url, `query Clerk($n: String!) { personByIdNumber(idNumber: $n) { idNumber courtCases { caseCode caseNumber } } }`, {
      variables: { n: person.idNumber },
      headers: as(clerk, `reason:${encodeURIComponent('核对当事人身份')}`),
    });
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.personByIdNumber.idNumber).toBe(person.idNumber);
    const [record] = records(auditDb).slice(before);
    expect(record).toMatchObject({
      user: { id: DEMO_USERS.find((u) => u.key === 'courts')!.sub },
      purpose: { kind: 'REASON', text: '核对当事人身份' },
      persons: [person.token],
      agencies: ['COURTS', 'GRID'],
      sensitiveFields: ['Person.idNumber'],
      outcome: 'ALLOWED',
    });
  });

  it('records nothing for an operation that reads no person', async () => {
    const before = records(auditDb).length;
    const stats = await postGraphQL(gateway.url, STATS, { headers: as(handler) });
    expect(stats.errors).toBeUndefined();
    const typename = await postGraphQL(gateway.url, '{ __typename }', { headers: as(handler) });
    expect(typename.data).toEqual({ __typename: 'Query' });
    expect(records(auditDb)).toHaveLength(before);
  });

  it('records a refused read (no purpose) of a known user', async () => {
    const before = records(auditDb).length;
    const refused = await postGraphQL(gateway.url, `query NoWhy($n: String!) { personByIdNumber(idNumber: $n) { name } }`, { variables: { n: person.idNumber }, headers: as(handler) });
    expect(refused.status).toBe(400);
    expect(refused.errors![0]!.extensions!.code).toBe('PURPOSE_REQUIRED');
    expect(records(auditDb).slice(before)).toEqual([
      expect.objectContaining({ user: { id: 'zhou.jie', name: '周洁' }, operation: expect.objectContaining({ name: 'NoWhy' }), persons: [], outcome: 'DENIED', errorCodes: ['PURPOSE_REQUIRED'] }),
    ]);
  });

  it('lets the auditor list who accessed the person, and not the case handler', async () => {
    const url = `${gateway.base}/audit/access?person=${person.token}&first=2`;
    const forbidden = await fetch(url, { headers: as(handler) });
    expect(forbidden.status).toBe(403);
    expect(((await forbidden.json()) as any).errors[0].extensions.code).toBe('FORBIDDEN');
    expect((await fetch(url)).status).toBe(401);

    const listing = await fetch(url, { headers: as(auditor) });
    expect(listing.status).toBe(200);
    const page = (await listing.json()) as any;
    // Newest first: the handler's refused attempt at this very list, then the clerk's read.
    expect(page.accesses[0]).toMatchObject({ user: { id: 'zhou.jie' }, operation: { type: 'audit' }, outcome: 'DENIED' });
    expect(page.accesses[1]).toMatchObject({ operation: { name: 'Clerk' }, sensitiveFields: ['Person.idNumber'] });
    expect(page.pageInfo.hasNextPage).toBe(true);
    const rest = (await (await fetch(`${gateway.base}/audit/access?person=${person.token}&after=${page.pageInfo.endCursor}`, { headers: as(auditor) })).json()) as any;
    expect(rest.accesses.map((a: any) => a.requestId)).toContain('e2e-audit-view');

    const who = auditCli('who', person.token, '--db', auditDb);
    expect(who.status).toBe(0);
    expect(who.stdout).toContain('周洁 (zhou.jie)');
    expect(who.stdout).toContain('420923-ZZ-2025-000001');
  });

  it('verify passes on the log, and names an edited or a deleted record in a tampered copy', async () => {
    const ok = auditCli('verify', '--db', auditDb);
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/OK, \d+ records/);

    // Copies (a consistent snapshot, the gateway still writing the original), then tamper.
    const copy = (name: string) => {
      const target = join(dir, name);
      const db = new Database(auditDb, { readonly: true });
      db.exec(`VACUUM INTO '${target}'`);
      db.close();
      const tampered = new Database(target);
      for (const t of ['audit_record_no_update', 'audit_record_no_delete']) tampered.exec(`DROP TRIGGER ${t}`);
      return tampered;
    };
    const edited = copy('edited.db');
    edited.prepare(`UPDATE audit_record SET body = replace(body, '周洁', '某某') WHERE seq = 2`).run();
    edited.close();
    const editedReport = auditCli('verify', '--db', join(dir, 'edited.db'));
    expect(editedReport.status).toBe(1);
    expect(editedReport.stderr).toContain('BROKEN at record 2 (EDITED)');

    const deleted = copy('deleted.db');
    deleted.prepare('DELETE FROM audit_record WHERE seq = 3').run();
    deleted.close();
    const deletedReport = auditCli('verify', '--db', join(dir, 'deleted.db'));
    expect(deletedReport.status).toBe(1);
    expect(deletedReport.stderr).toContain('BROKEN at record 3 (MISSING)');
  });

  it('withholds the answer while the audit store cannot write, serves what reads no person, and recovers', async () => {
    const query = `query Locked($n: String!) { personByIdNumber(idNumber: $n) { name } }`;
    const options = { variables: { n: person.idNumber }, headers: as(handler, '420923-ZZ-2025-000001') };
    const lock = new Database(auditDb);
    lock.exec('BEGIN EXCLUSIVE');
    try {
      const withheld = await postGraphQL(gateway.url, query, options);
      expect(withheld.status).toBe(503);
      expect(withheld.data).toBeUndefined();
      expect(withheld.errors).toEqual([expect.objectContaining({ extensions: { code: 'AUDIT_UNAVAILABLE' } })]);
      const stats = await postGraphQL(gateway.url, STATS, { headers: as(handler) });
      expect(stats.status).toBe(200);
    } finally {
      lock.exec('ROLLBACK');
      lock.close();
    }
    const served = await postGraphQL(gateway.url, query, options);
    expect(served.status).toBe(200);
    expect(served.data!.personByIdNumber.name).toEqual(expect.any(String));
  });

  it('a gateway whose audit store cannot be created starts, refuses reads of person data, and serves the rest', async () => {
    // Under a regular file: no directory can be made there, not even by root.
    const blocker = join(dir, 'not-a-directory');
    writeFileSync(blocker, '');
    const broken = await startGateway(supergraph, { DATA_DIR: system.dataDir, GATEWAY_AUDIT_DB: join(blocker, 'audit.db') });
    try {
      const withheld = await postGraphQL(broken.url, `{ personByIdNumber(idNumber: "${person.idNumber}") { name } }`, { headers: as(handler, '420923-ZZ-2025-000001') });
      expect(withheld.status).toBe(503);
      expect(withheld.errors![0]!.extensions!.code).toBe('AUDIT_UNAVAILABLE');
      expect(withheld.data).toBeUndefined();
      expect((await postGraphQL(broken.url, STATS, { headers: as(handler) })).status).toBe(200);
      await eventually(() => broken.process.output().includes('the audit log cannot be opened'), 'the audit failure to be logged');
    } finally {
      await broken.process.stop();
    }
  });

  it('leaves a chain that verifies after all of it (read while the gateway keeps it open)', () => {
    const report = auditCli('verify', '--db', auditDb, '--json');
    expect(report.status).toBe(0);
    expect(JSON.parse(report.stdout)).toMatchObject({ ok: true, firstSeq: 1 });
  });
});
