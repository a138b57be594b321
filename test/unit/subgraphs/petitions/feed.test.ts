import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEV_SERVICE_SECRET } from '../../../../subgraphs/shared/config/readSubgraphConfig.ts';
import type { MatterEvent } from '../../../../subgraphs/shared/feed/matterEvent.ts';
import { verifyServiceCall } from '../../../../subgraphs/shared/feed/serviceSignature.ts';
import { createPersonTokenizer, DEV_FEDERATION_SECRET } from '../../../../subgraphs/shared/identity/personToken.ts';
import { type PetitionsHarness, startPetitions } from '../../../support/petitionsApp.ts';
import { COURT_FOLLOW_UP, GRID_ORIGIN, ID, WORKER, XF } from '../../../support/tinyPetitionsWorld.ts';
import { ok, register, step } from './petitionQueries.ts';

const token = createPersonTokenizer(DEV_FEDERATION_SECRET);

describe('petitions: the outbox feeding the registry', () => {
  let p: PetitionsHarness;
  beforeAll(async () => {
    p = await startPetitions();
  });
  afterAll(() => p.close());

  it('imports the world with one version-1 event per petition: links, flags, party tokens', () => {
    const rows = p.outbox();
    expect(rows.map((r) => [r.caseCode, r.version])).toEqual(Object.values(XF).map((c) => [c, 1]));
    const byCode = new Map(rows.map((r) => [r.caseCode, r.event]));
    expect(byCode.get(XF.closed)).toMatchObject({
      agency: 'PETITIONS',
      status: 'RESOLVED',
      openedAt: '2026-03-02T01:00:00.000Z',
      closedAt: '2026-07-10T02:00:00.000Z',
      dueAt: '2026-07-20T15:59:59.000Z',
      parties: [{ personId: token(ID.zhang), role: 'PETITIONER' }],
      links: [{ caseCode: GRID_ORIGIN, reason: 'ORIGIN' }],
      flags: [],
    });
    expect(byCode.get(XF.repeat)).toMatchObject({ status: 'OPEN', links: [{ caseCode: XF.overdue, reason: 'SAME_FACTS' }], flags: ['REPEAT_PETITION'] });
    expect(byCode.get(XF.diverted)).toMatchObject({
      status: 'TRANSFERRED',
      links: [{ caseCode: COURT_FOLLOW_UP, reason: 'FOLLOW_UP' }],
      flags: ['COLLECTIVE_PETITION'],
      // Only the two workers recorded with an ID number have a token.
      parties: [
        { personId: token(WORKER.wang), role: 'PETITIONER' },
        { personId: token(WORKER.zhao), role: 'PETITIONER' },
      ],
    });
    expect(byCode.get(XF.accusation)?.parties).toEqual([{ personId: token(ID.li), role: 'RESPONDENT' }]);
    expect(byCode.get(XF.overdue)).toMatchObject({ status: 'IN_PROGRESS', closedAt: null, dueAt: '2026-10-19T15:59:59.000Z' });
  });

  it('writes one event per change with increasing versions, in the transaction of the change; a refused step writes none', async () => {
    p.clock.set('2026-11-02T09:00:00+08:00');
    const { caseCode } = await register(p, { origin: GRID_ORIGIN, subject: '反映拆迁安置问题' });
    await ok(p, 'forwardPetition', caseCode, 'unit: "城关镇人民政府"');
    await ok(p, 'issueAcceptanceNotice', caseCode, 'accepted: true');
    const before = p.outbox().length;
    expect((await step(p, 'requestPetitionReview', caseCode, 'body: "x"')).errors?.[0]?.extensions?.code).toBe('INVALID_TRANSITION');
    expect((await step(p, 'extendPetitionHandling', caseCode, 'days: 45, reason: "x"')).errors?.[0]?.extensions?.code).toBe('RULE_VIOLATION');
    expect(p.outbox().length).toBe(before);
    await ok(p, 'extendPetitionHandling', caseCode, 'days: 10, reason: "需补充调查"');
    p.clock.set('2026-12-01T09:00:00+08:00');
    const decided = await ok(p, 'decidePetition', caseCode, 'outcome: SUPPORTED, text: "予以安置"');
    await ok(p, 'ratePetition', caseCode, 'rating: SATISFIED');
    await ok(p, 'requestPetitionReview', caseCode, 'body: "云梦县人民政府"');

    const rows = p.outbox(caseCode);
    expect(rows.map((r) => r.version)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(rows.map((r) => r.id)).toEqual([...rows.map((r) => r.id)].sort((a, b) => a - b));
    expect(rows.map((r) => r.event.status)).toEqual(['OPEN', 'IN_PROGRESS', 'IN_PROGRESS', 'IN_PROGRESS', 'RESOLVED', 'RESOLVED', 'IN_PROGRESS']);
    expect(rows[4]?.event).toMatchObject({ closedAt: decided.closedAt, dueAt: decided.dueAt });
    expect(rows[6]?.event.closedAt).toBeNull();
    for (const r of rows) expect(r.event.links).toEqual([{ caseCode: GRID_ORIGIN, reason: 'ORIGIN' }]);
  });

  it('flags a repeat and links it SAME_FACTS; links a diversion FOLLOW_UP from the change on', async () => {
    p.clock.set('2026-11-02T10:00:00+08:00');
    const repeat = await register(p, {
      kind: 'SUGGESTION',
      division: '420923101',
      subject: '建议修缮张湾村排水沟',
      respondentUnit: '义堂镇人民政府',
      petitioners: [{ name: '李强', idNumber: ID.li }],
    });
    expect(p.outbox(repeat.caseCode)[0]?.event).toMatchObject({ flags: ['REPEAT_PETITION'], links: [{ caseCode: XF.overdue, reason: 'SAME_FACTS' }] });

    const claim = await register(p, { subject: '讨要工程款', category: 'CONTRACT_DEBT' });
    await ok(p, 'divertPetition', claim.caseCode, 'to: CENTRE, reason: "导入综治中心调处", followUp: "420923-ZZ-2026-000099"');
    const events = p.outbox(claim.caseCode).map((r) => r.event as MatterEvent);
    expect(events.map((e) => [e.version, e.status, e.links])).toEqual([
      [1, 'OPEN', []],
      [2, 'TRANSFERRED', [{ caseCode: '420923-ZZ-2026-000099', reason: 'FOLLOW_UP' }]],
    ]);
  });
});

describe('petitions: restart and delivery', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'onewindow-petitions-restart-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('does not import the world twice on restart, and keeps numbering after the imported codes', async () => {
    const first = await startPetitions({ dataDir });
    const created = await register(first, { subject: '重启前登记' });
    const rows = first.outbox().length;
    await first.close();

    const second = await startPetitions({ dataDir });
    try {
      expect(second.outbox().length).toBe(rows);
      const after = await register(second, { subject: '重启后登记' });
      expect(created.caseCode).toBe('420923-XF-2026-000006');
      expect(after.caseCode).toBe('420923-XF-2026-000007');
      const total = await second.gql(`{ petitions { totalCount } }`);
      expect(total.data?.petitions.totalCount).toBe(7);
    } finally {
      await second.close();
    }
  });

  describe('with the relay running', () => {
    let registry: Server;
    const received: { caller: string; events: MatterEvent[] }[] = [];
    let p: PetitionsHarness;

    beforeAll(async () => {
      registry = createServer((req, res) => {
        let body = '';
        req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
        req.on('end', () => {
          // The relay signs with the service secret and the subgraph's clock.
          const verified = verifyServiceCall(DEV_SERVICE_SECRET, req.headers, body, new Date('2026-11-01T00:00:00Z'));
          if (!verified.ok) {
            res.writeHead(401).end();
            return;
          }
          received.push({ caller: verified.caller, events: (JSON.parse(body) as { events: MatterEvent[] }).events });
          res.writeHead(200, { 'content-type': 'application/json' }).end('{"applied":0}');
        });
      });
      await new Promise<void>((resolve) => registry.listen(0, '127.0.0.1', resolve));
      const { port } = registry.address() as AddressInfo;
      p = await startPetitions({ env: { REGISTRY_URL: `http://127.0.0.1:${port}/ingest/matter-events` }, extra: { relay: true } });
    });
    afterAll(async () => {
      await p.close();
      await new Promise((resolve) => registry.close(resolve));
    });

    async function waitFor(check: () => boolean, ms: number): Promise<void> {
      const until = Date.now() + ms;
      while (!check() && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
      expect(check()).toBe(true);
    }

    it('delivers the imported events, then each change right after it commits, signed as petitions', async () => {
      const delivered = () => received.flatMap((r) => r.events);
      await waitFor(() => delivered().length === 5, 5_000);
      expect(received.every((r) => r.caller === 'petitions')).toBe(true);

      // Well before the relay's 1-second poll: the commit wakes it.
      const created = await register(p, { subject: '实时送达' });
      await waitFor(() => delivered().some((e) => e.caseCode === created.caseCode), 600);
      await ok(p, 'forwardPetition', created.caseCode, 'unit: "城关镇人民政府"');
      await waitFor(() => delivered().some((e) => e.caseCode === created.caseCode && e.version === 2), 600);
      await waitFor(() => p.outbox().every((r) => r.delivered), 2_000);
      expect(p.outbox()).toHaveLength(7);
    });
  });
});
