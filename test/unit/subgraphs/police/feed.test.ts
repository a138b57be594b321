import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../../../subgraphs/police/app.ts';
import type { MatterEvent } from '../../../../subgraphs/shared/feed/matterEvent.ts';
import { SERVICE_HEADERS } from '../../../../subgraphs/shared/feed/serviceSignature.ts';
import { createPersonTokenizer, DEV_FEDERATION_SECRET } from '../../../../subgraphs/shared/identity/personToken.ts';
import { type SubgraphHarness, startSubgraph } from '../../../support/subgraphApp.ts';
import { INCIDENT, POLICE_ID, writeTinyPoliceWorld } from '../../../support/tinyPoliceWorld.ts';

const token = createPersonTokenizer(DEV_FEDERATION_SECRET);
const RECEIVE = `mutation($input: PoliceIncidentInput!, $key: String!) { receiveIncident(input: $input, idempotencyKey: $key) { caseCode } }`;
/** A neighbour's noise reported by 刘敏, with 李强 as the suspect. */
const NOISE = {
  channel: 'CALL_110',
  category: 'DISPUTE',
  title: '刘敏报警称与邻居发生噪音纠纷',
  narrative: '刘敏拨打110报警称：邻居深夜噪音扰民。',
  place: '城关镇东方社区建设路 1 号',
  division: '420923100',
  station: '云梦县公安局城关派出所',
  parties: [
    { role: 'REPORTER', name: '刘敏', idNumber: POLICE_ID.wife },
    { role: 'SUSPECT', name: '李强', idNumber: POLICE_ID.li },
  ],
};

interface OutboxRow {
  id: number;
  case_code: string;
  version: number;
  payload: string;
  delivered_at: string | null;
}

/** Reads the outbox as the feed's contract: the table, opened read-only beside the running subgraph. */
function outbox(police: SubgraphHarness, caseCode?: string): (OutboxRow & { event: MatterEvent })[] {
  const db = new Database(join(police.dataDir, 'police', 'police.db'), { readonly: true, fileMustExist: true });
  try {
    const rows = (
      caseCode
        ? db.prepare('SELECT * FROM outbox WHERE case_code = ? ORDER BY id').all(caseCode)
        : db.prepare('SELECT * FROM outbox ORDER BY id').all()
    ) as OutboxRow[];
    return rows.map((r) => ({ ...r, event: JSON.parse(r.payload) as MatterEvent }));
  } finally {
    db.close();
  }
}

describe('police: the feed to the registry', () => {
  let police: SubgraphHarness;
  beforeAll(async () => {
    police = await startSubgraph('police', build, { now: '2026-11-01T09:00:00+08:00', seedWorld: writeTinyPoliceWorld });
  });
  afterAll(() => police.close());

  it('writes one version-1 event per imported incident, with the summary status and without suspects', () => {
    const rows = outbox(police);
    expect(rows.map((r) => [r.case_code, r.version])).toEqual(Object.values(INCIDENT).map((c) => [c, 1]));
    const byCode = new Map(rows.map((r) => [r.case_code, r.event]));
    expect(byCode.get(INCIDENT.mediated)).toEqual({
      caseCode: INCIDENT.mediated,
      agency: 'POLICE',
      version: 1,
      title: '张伟报警称与李强发生排水纠纷',
      category: 'NEIGHBOUR',
      status: 'RESOLVED',
      division: '420923100',
      openedAt: '2026-10-01T12:00:00.000Z',
      closedAt: '2026-10-01T13:30:00.000Z',
      dueAt: null,
      // 李强 is the suspect: police-only, so not in the centre's index.
      parties: [
        { personId: token(POLICE_ID.zhang), role: 'REPORTER' },
        { personId: token(POLICE_ID.wife), role: 'WITNESS' },
      ],
      links: [],
      flags: [],
    });
    expect(byCode.get(INCIDENT.transferred)).toMatchObject({ status: 'TRANSFERRED', links: [{ caseCode: '420923-ZZ-2026-000003', reason: 'FOLLOW_UP' }] });
    expect(byCode.get(INCIDENT.onScene)).toMatchObject({ status: 'IN_PROGRESS', closedAt: null, parties: [{ personId: token(POLICE_ID.li), role: 'VICTIM' }] });
    expect(byCode.get(INCIDENT.received)).toMatchObject({ status: 'OPEN', closedAt: null });
    expect(byCode.get(INCIDENT.jiangan)).toMatchObject({ status: 'RESOLVED', division: '420102017' });
  });

  it('writes an event with the next version for every step, in the transaction of the step', async () => {
    const received = await police.gql(RECEIVE, { input: NOISE, key: 'feed-1' });
    const code: string = received.data?.receiveIncident.caseCode;
    // A retry makes no second incident and no second event.
    await police.gql(RECEIVE, { input: NOISE, key: 'feed-1' });
    expect(outbox(police, code).map((r) => [r.version, r.event.status])).toEqual([[1, 'OPEN']]);

    const steps = [
      'dispatchIncident(caseCode: $c, officer: { name: "赵军", badgeNumber: "310123" })',
      'arriveAtIncident(caseCode: $c)',
      'handleIncident(caseCode: $c, disposition: TRANSFERRED_TO_CENTER, note: "移交综治中心", centerCaseCode: "420923-ZZ-2026-000020")',
      'reportBackIncident(caseCode: $c)',
      'closeIncident(caseCode: $c)',
    ];
    for (const s of steps) {
      police.clock.advance(60_000);
      expect((await police.gql(`mutation($c: ID!) { ${s} { status } }`, { c: code })).errors).toBeUndefined();
    }
    // A refused step writes nothing.
    await police.gql(`mutation($c: ID!) { closeIncident(caseCode: $c) { status } }`, { c: code });

    const rows = outbox(police, code);
    expect(rows.map((r) => r.version)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(rows.map((r) => r.event.version)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(rows.map((r) => r.event.status)).toEqual(['OPEN', 'IN_PROGRESS', 'IN_PROGRESS', 'IN_PROGRESS', 'IN_PROGRESS', 'TRANSFERRED']);
    expect(rows.every((r, i) => i === 0 || r.id > rows[i - 1]!.id)).toBe(true);
    const last = rows.at(-1)!.event;
    expect(last).toMatchObject({
      agency: 'POLICE',
      openedAt: '2026-11-01T01:00:00.000Z',
      closedAt: '2026-11-01T01:05:00.000Z',
      dueAt: null,
      category: 'OTHER',
      parties: [{ personId: token(POLICE_ID.wife), role: 'REPORTER' }],
      links: [{ caseCode: '420923-ZZ-2026-000020', reason: 'FOLLOW_UP' }],
    });
    // The status before handing on: the link appears with the handling step.
    expect(rows[3]!.event.links).toEqual([{ caseCode: '420923-ZZ-2026-000020', reason: 'FOLLOW_UP' }]);
    expect(rows[2]!.event.links).toEqual([]);
  });

});

describe('police: restart', () => {
  it('imports the world once: a restart on the same data neither imports nor enqueues again', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'onewindow-police-restart-'));
    try {
      const start = () => startSubgraph('police', build, { now: '2026-11-01T09:00:00+08:00', dataDir, seedWorld: writeTinyPoliceWorld });
      const first = await start();
      const before = outbox(first).length;
      await first.close();
      const again = await start();
      try {
        expect(outbox(again).length).toBe(before);
        expect((await again.gql(`{ policeIncidents { totalCount } }`)).data?.policeIncidents.totalCount).toBe(5);
      } finally {
        await again.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('police: the outbox relay', () => {
  let registry: Server;
  const received: { caller: string | undefined; events: MatterEvent[] }[] = [];

  beforeAll(async () => {
    registry = createServer((req: IncomingMessage, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        received.push({ caller: req.headers[SERVICE_HEADERS.caller] as string | undefined, events: (JSON.parse(body) as { events: MatterEvent[] }).events });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"applied":0,"ignored":0}');
      });
    });
    await new Promise<void>((resolve) => registry.listen(0, '127.0.0.1', resolve));
  });
  afterAll(() => new Promise<void>((resolve) => registry.close(() => resolve())));

  it('delivers the imported events and a new incident as the police caller, and marks them delivered', async () => {
    const { port } = registry.address() as AddressInfo;
    const police = await startSubgraph('police', build, {
      now: new Date().toISOString(),
      seedWorld: writeTinyPoliceWorld,
      env: { REGISTRY_URL: `http://127.0.0.1:${port}/ingest/matter-events` },
      extra: { relay: true },
    });
    try {
      await expect.poll(() => received.flatMap((r) => r.events).length, { timeout: 5_000 }).toBe(5);
      await police.gql(RECEIVE, { input: NOISE, key: 'relay-1' });
      await expect.poll(() => received.flatMap((r) => r.events).length, { timeout: 5_000 }).toBe(6);
      expect(new Set(received.map((r) => r.caller))).toEqual(new Set(['police']));
      await expect.poll(() => outbox(police).every((r) => r.delivered_at !== null), { timeout: 5_000 }).toBe(true);
    } finally {
      await police.close();
    }
  });
});
