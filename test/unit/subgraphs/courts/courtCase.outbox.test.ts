import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../../../subgraphs/courts/app.ts';
import { DEV_SERVICE_SECRET } from '../../../../subgraphs/shared/config/readSubgraphConfig.ts';
import type { MatterEvent } from '../../../../subgraphs/shared/feed/matterEvent.ts';
import { parseMatterEvent } from '../../../../subgraphs/shared/feed/parseMatterEvent.ts';
import { verifyServiceCall } from '../../../../subgraphs/shared/feed/serviceSignature.ts';
import { createPersonTokenizer, DEV_FEDERATION_SECRET } from '../../../../subgraphs/shared/identity/personToken.ts';
import { type SubgraphHarness, startSubgraph } from '../../../support/subgraphApp.ts';
import { CODES, ID, TINY_COURTS, writeTinyCourtsWorld } from '../../../support/tinyCourtsWorld.ts';

const NOW = '2026-11-02T09:00:00+08:00';
const token = createPersonTokenizer(DEV_FEDERATION_SECRET);
const IMPORTED = TINY_COURTS.filter((r) => r.t === 'courtCase').length;

interface OutboxRow {
  caseCode: string;
  version: number;
  event: MatterEvent;
  deliveredAt: string | null;
}

/** The outbox as the feed reads it: the table is the contract, so the test reads the file itself, read-only. */
function readOutbox(dataDir: string, caseCode?: string): OutboxRow[] {
  const db = new Database(join(dataDir, 'courts', 'courts.db'), { readonly: true, fileMustExist: true });
  try {
    const rows = db
      .prepare(`SELECT case_code AS caseCode, version, payload, delivered_at AS deliveredAt FROM outbox ${caseCode ? 'WHERE case_code = ?' : ''} ORDER BY id`)
      .all(...(caseCode ? [caseCode] : [])) as { caseCode: string; version: number; payload: string; deliveredAt: string | null }[];
    return rows.map((r) => {
      const parsed = parseMatterEvent(JSON.parse(r.payload));
      if (!parsed.ok) throw new Error(`outbox row ${r.caseCode} v${r.version} is not a valid event: ${parsed.reason}`);
      return { caseCode: r.caseCode, version: r.version, event: parsed.event, deliveredAt: r.deliveredAt };
    });
  } finally {
    db.close();
  }
}

const suit = {
  procedure: 'SIMPLIFIED',
  category: 'LABOUR_WAGE',
  title: '张伟与某劳务公司劳务合同纠纷',
  causeOfAction: '劳务合同纠纷',
  claimAmount: 12000,
  division: '420923100',
  origin: CODES.gridTicket,
  parties: [
    { role: 'PLAINTIFF', name: '张伟', idNumber: ID.zhang },
    { role: 'DEFENDANT', name: '某劳务公司', kind: 'ORGANIZATION' },
  ],
};

describe('courts: the outbox feeding the registry', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'onewindow-courts-outbox-'));
  let courts: SubgraphHarness;
  beforeAll(async () => {
    courts = await startSubgraph('courts', build, { now: NOW, seedWorld: writeTinyCourtsWorld, dataDir });
  });
  afterAll(async () => {
    await courts.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('imports the world with one version-1 event per case, in the registry’s shape', () => {
    const rows = readOutbox(dataDir);
    expect(rows).toHaveLength(IMPORTED);
    expect(rows.every((r) => r.version === 1 && r.event.agency === 'COURTS')).toBe(true);
    const confirmation = rows.find((r) => r.caseCode === CODES.confirmation)!.event;
    expect(confirmation).toMatchObject({
      status: 'RESOLVED',
      openedAt: '2026-09-10T01:00:00.000Z',
      closedAt: '2026-09-20T02:00:00.000Z',
      parties: [
        { personId: token(ID.zhang), role: 'APPLICANT' },
        { personId: token(ID.li), role: 'APPLICANT' },
      ],
    });
    expect(confirmation.links).toEqual(
      expect.arrayContaining([
        { caseCode: '420923-ZZ-2026-000001', reason: 'ORIGIN' },
        { caseCode: CODES.mediation, reason: 'CONFIRMS' },
      ]),
    );
    expect(rows.find((r) => r.caseCode === CODES.refused)!.event.status).toBe('REFUSED');
    // Raw ID numbers and names never travel to the registry.
    expect(JSON.stringify(rows)).not.toContain(ID.zhang);
    expect(JSON.stringify(rows)).not.toContain('张伟"');
  });

  it('writes one event per change, with increasing versions, and none for a refused step', async () => {
    const received = await courts.gql(`mutation($i: CourtCaseReceiptInput!) { receiveCourtCase(input: $i, idempotencyKey: "outbox-1") { caseCode } }`, { i: suit });
    const code: string = received.data?.receiveCourtCase.caseCode;
    await courts.gql(`mutation($i: CourtCaseReceiptInput!) { receiveCourtCase(input: $i, idempotencyKey: "outbox-1") { caseCode } }`, { i: suit });
    await courts.gql(`mutation { fileCourtCase(caseCode: "${code}") { status } }`);
    expect((await courts.gql(`mutation { fileCourtCase(caseCode: "${code}") { status } }`)).errors?.[0]?.extensions?.code).toBe('INVALID_TRANSITION');
    await courts.gql(`mutation { scheduleHearing(caseCode: "${code}", at: "2026-11-20T09:00:00+08:00", kind: TRIAL, place: "第二审判庭") { status } }`);
    await courts.gql(`mutation { extendCourtCaseLimit(caseCode: "${code}", days: 10, reason: "需要调查取证") { status } }`);
    expect((await courts.gql(`mutation { extendCourtCaseLimit(caseCode: "${code}", days: 30, reason: "超过总限") { status } }`)).errors?.[0]?.extensions?.code).toBe(
      'RULE_VIOLATION',
    );
    await courts.gql(`mutation { closeCourtCase(caseCode: "${code}", outcome: JUDGMENT) { status } }`);

    const rows = readOutbox(dataDir, code);
    expect(rows.map((r) => r.version)).toEqual([1, 2, 3, 4, 5]);
    expect(rows.map((r) => [r.event.status, r.event.dueAt, r.event.closedAt])).toEqual([
      ['IN_PROGRESS', '2026-11-09T15:59:59.000Z', null], // received: the filing decision
      ['IN_PROGRESS', '2027-02-02T15:59:59.000Z', null], // filed: three months
      ['IN_PROGRESS', '2027-02-02T15:59:59.000Z', null], // hearing scheduled
      ['IN_PROGRESS', '2027-02-12T15:59:59.000Z', null], // extended by 10 days
      ['RESOLVED', '2027-02-12T15:59:59.000Z', '2026-11-02T01:00:00.000Z'],
    ]);
    expect(rows[0]!.event).toMatchObject({
      title: '张伟与某劳务公司劳务合同纠纷',
      category: 'LABOUR_WAGE',
      division: '420923100',
      parties: [{ personId: token(ID.zhang), role: 'PLAINTIFF' }],
      links: [{ caseCode: CODES.gridTicket, reason: 'ORIGIN' }],
      flags: [],
    });
  });

  it('tells the registry about both ends of an appeal', async () => {
    const appeal = await courts.gql(`mutation($i: CourtAppealInput!) { appealCourtCase(input: $i) { caseCode } }`, {
      i: { caseCode: CODES.judged, parties: [{ role: 'APPELLANT', name: '李强', idNumber: ID.li }, { role: 'APPELLEE', name: '张伟', idNumber: ID.zhang }] },
    });
    const code: string = appeal.data?.appealCourtCase.caseCode;
    const original = readOutbox(dataDir, CODES.judged);
    expect(original.map((r) => r.version)).toEqual([1, 2]);
    expect(original[1]!.event.links).toEqual(expect.arrayContaining([{ caseCode: code, reason: 'APPEALED_AS' }]));
    const second = readOutbox(dataDir, code);
    expect(second).toHaveLength(1);
    expect(second[0]!.event).toMatchObject({ version: 1, links: [{ caseCode: CODES.judged, reason: 'APPEAL_OF' }], parties: [{ role: 'APPELLANT' }, { role: 'APPELLEE' }] });

    const enforcement = await courts.gql(`mutation($i: CourtEnforcementInput!) { applyForEnforcement(input: $i) { caseCode } }`, {
      i: { caseCode: CODES.oldJudgment, parties: [{ role: 'APPLICANT', name: '李强', idNumber: ID.li }, { role: 'RESPONDENT', name: '张伟', idNumber: ID.zhang }] },
    });
    const enforcementCode: string = enforcement.data?.applyForEnforcement.caseCode;
    expect(readOutbox(dataDir, CODES.oldJudgment).at(-1)!.event.links).toEqual([{ caseCode: enforcementCode, reason: 'ENFORCED_BY' }]);
    expect(readOutbox(dataDir, enforcementCode)[0]!.event.links).toEqual([{ caseCode: CODES.oldJudgment, reason: 'ENFORCES' }]);
  });

  it('imports only once: a restart keeps the cases, the outbox and the sequences', async () => {
    const before = readOutbox(dataDir).length;
    await courts.close();
    courts = await startSubgraph('courts', build, { now: NOW, seedWorld: writeTinyCourtsWorld, dataDir });
    expect(readOutbox(dataDir)).toHaveLength(before);
    const again = await courts.gql(`mutation($i: CourtCaseReceiptInput!) { receiveCourtCase(input: $i, idempotencyKey: "outbox-2") { caseCode } }`, {
      i: { ...suit, title: '重启后收案' },
    });
    expect(again.data?.receiveCourtCase.caseCode).toBe('420923-FY-2026-000013');
  });
});

describe('courts: the relay delivers the outbox to the registry', () => {
  let server: Server;
  const received: { caller: string; events: MatterEvent[] }[] = [];
  let courts: SubgraphHarness;

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        const verified = verifyServiceCall(DEV_SERVICE_SECRET, req.headers, body, new Date());
        if (!verified.ok) {
          res.writeHead(401).end();
          return;
        }
        received.push({ caller: verified.caller, events: (JSON.parse(body) as { events: MatterEvent[] }).events });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"applied":0,"ignored":0}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    courts = await startSubgraph('courts', build, {
      // The signature's timestamp must be fresh for the stub registry's check.
      now: new Date().toISOString(),
      seedWorld: writeTinyCourtsWorld,
      env: { REGISTRY_URL: `http://127.0.0.1:${port}/ingest/matter-events` },
      extra: { relay: true },
    });
  });
  afterAll(async () => {
    await courts.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('sends every event once, signed as courts, and marks it delivered', async () => {
    const deadline = Date.now() + 5_000;
    while (readOutbox(courts.dataDir).some((r) => r.deliveredAt === null) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(readOutbox(courts.dataDir).filter((r) => r.deliveredAt === null)).toEqual([]);
    const events = received.flatMap((r) => r.events);
    expect(received.every((r) => r.caller === 'courts')).toBe(true);
    expect(events.map((e) => e.caseCode).sort()).toEqual(TINY_COURTS.flatMap((r) => (r.t === 'courtCase' ? [r.caseCode] : [])).sort());
  });
});
