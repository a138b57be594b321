// The outbox is the feed's contract: these tests read it through a separate
// read-only connection, and run the relay against a stand-in registry that
// checks calls the way grid's ingest does (grid itself cannot be built in
// this process: type-graphql's metadata is global).
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEV_SERVICE_SECRET } from '../../../../subgraphs/shared/config/readSubgraphConfig.ts';
import type { MatterEvent } from '../../../../subgraphs/shared/feed/matterEvent.ts';
import { parseMatterEvent } from '../../../../subgraphs/shared/feed/parseMatterEvent.ts';
import { verifyServiceCall } from '../../../../subgraphs/shared/feed/serviceSignature.ts';
import { createPersonTokenizer, DEV_FEDERATION_SECRET } from '../../../../subgraphs/shared/identity/personToken.ts';
import { startLegalAid } from '../../../support/legalaidApp.ts';
import { CODES, ID, writeTinyLegalAidWorld } from '../../../support/tinyLegalAidWorld.ts';

const NOW = '2026-11-02T09:00:00+08:00';
const token = createPersonTokenizer(DEV_FEDERATION_SECRET);
const START = `mutation($key: String!) { startMediation(idempotencyKey: $key, input: {
  title: "张伟与李强邻里纠纷调解", category: NEIGHBOUR, division: "420923100", committee: "城关镇东方社区人民调解委员会", mediator: "吴磊",
  parties: [{ role: APPLICANT, name: "张伟", idNumber: "${ID.zhang}" }, { role: RESPONDENT, name: "李强", idNumber: "${ID.li}" }],
  origin: "420923-ZZ-2026-000004" }) { caseCode } }`;

async function until(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A registry stand-in: verifies the signature and the events, keeps the newest version per case, can be told to fail. */
function startRegistry(now: () => Date) {
  const state = { failNext: 0, calls: 0, callers: new Set<string>(), latest: new Map<string, MatterEvent>(), received: 0 };
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      state.calls++;
      if (state.failNext > 0) {
        state.failNext--;
        res.writeHead(503).end('{"error":"down"}');
        return;
      }
      const verified = verifyServiceCall(DEV_SERVICE_SECRET, req.headers, body, now());
      if (!verified.ok) {
        res.writeHead(401).end(JSON.stringify({ error: verified.reason }));
        return;
      }
      state.callers.add(verified.caller);
      for (const item of (JSON.parse(body) as { events: unknown[] }).events) {
        const parsed = parseMatterEvent(item);
        if (!parsed.ok) {
          res.writeHead(400).end(JSON.stringify({ error: parsed.reason }));
          return;
        }
        state.received++;
        const have = state.latest.get(parsed.event.caseCode);
        if (!have || have.version < parsed.event.version) state.latest.set(parsed.event.caseCode, parsed.event);
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  return {
    state,
    url: () => new Promise<string>((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/ingest/matter-events`))),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('legalaid: the outbox and its feed into the registry', () => {
  const open: { close(): Promise<void> }[] = [];
  afterEach(async () => {
    for (const h of open.splice(0).reverse()) await h.close();
  });

  it('writes one version-1 event per imported case, and none again on restart', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'onewindow-legalaid-'));
    open.push({ close: async () => rmSync(dataDir, { recursive: true, force: true }) });
    const first = await startLegalAid({ now: NOW, dataDir, seedWorld: writeTinyLegalAidWorld });
    const imported = first.outbox();
    expect(imported.map((r) => [r.caseCode, r.version])).toEqual(Object.values(CODES).map((c) => [c, 1]));
    expect(imported[0]?.event).toMatchObject({
      agency: 'LEGAL_AID',
      status: 'IN_PROGRESS',
      openedAt: '2026-10-11T01:00:00.000Z',
      parties: [{ personId: token(ID.zhang), role: 'APPLICANT' }],
      links: [{ caseCode: '420923-ZZ-2026-000003', reason: 'ORIGIN' }],
    });
    // Parties travel as tokens only: no names, no ID numbers.
    expect(JSON.stringify(imported)).not.toContain(ID.zhang);
    expect(JSON.stringify(imported)).not.toContain('"张伟"');
    await first.close();

    const again = await startLegalAid({ now: NOW, dataDir });
    open.push(again);
    expect(again.outbox()).toHaveLength(imported.length);
    expect((await again.gql(`{ legalAidCases { totalCount } }`)).data?.legalAidCases.totalCount).toBe(imported.length);
  });

  it('bumps the version with every change, one outbox row each, written with the change', async () => {
    const h = await startLegalAid({ now: NOW, seedWorld: writeTinyLegalAidWorld });
    open.push(h);
    const code = (await h.gql(START, { key: 'm1' })).data?.startMediation.caseCode as string;
    await h.gql(`mutation { recordMediationAgreement(caseCode: "${code}", terms: "赔偿 500 元", amountYuan: 500) { status } }`);
    const refused = await h.gql(`mutation { recordMediationFailure(caseCode: "${code}", reason: "晚了") { status } }`);
    expect(refused.errors?.[0]?.extensions?.code).toBe('INVALID_TRANSITION');
    await h.gql(`mutation { recordJudicialConfirmation(caseCode: "${code}", courtCaseCode: "420923-FY-2026-000042") { status } }`);
    const rows = h.outbox(code);
    expect(rows.map((r) => r.version)).toEqual([1, 2, 3]); // the refused step wrote nothing
    expect(rows.map((r) => r.event.version)).toEqual([1, 2, 3]);
    expect(rows.map((r) => r.event.status)).toEqual(['IN_PROGRESS', 'RESOLVED', 'RESOLVED']);
    expect(rows.map((r) => r.event.links.map((l) => l.reason))).toEqual([['ORIGIN'], ['ORIGIN'], ['CONFIRMED_BY', 'ORIGIN']]);
    expect(rows.every((r, i) => i === 0 || r.id > rows[i - 1]!.id)).toBe(true);
    expect(rows[0]?.event.parties).toEqual([
      { personId: token(ID.zhang), role: 'APPLICANT' },
      { personId: token(ID.li), role: 'RESPONDENT' },
    ]);
    expect(rows.every((r) => r.deliveredAt === null)).toBe(true); // relay off in this test
  });

  it('delivers every event, signed as legalaid, retrying while the registry fails, and marks them delivered', async () => {
    let clock: () => Date = () => new Date(NOW);
    const registry = startRegistry(() => clock());
    open.push(registry);
    registry.state.failNext = 2;
    const h = await startLegalAid({ now: NOW, seedWorld: writeTinyLegalAidWorld, env: { REGISTRY_URL: await registry.url() }, extra: { relay: true } });
    open.push(h);
    clock = () => h.clock.now();
    const code = (await h.gql(START, { key: 'm-feed' })).data?.startMediation.caseCode as string;
    await h.gql(`mutation { recordMediationFailure(caseCode: "${code}", reason: "拒绝调解") { status } }`);
    await until(() => h.outbox().every((r) => r.deliveredAt !== null), 'the outbox to drain');

    expect(registry.state.calls).toBeGreaterThan(2); // two refused, then delivered
    expect([...registry.state.callers]).toEqual(['legalaid']);
    expect([...registry.state.latest.keys()].sort()).toEqual([...Object.values(CODES), code].sort());
    expect(registry.state.latest.get(code)).toMatchObject({ version: 2, status: 'UNRESOLVED', links: [{ caseCode: '420923-ZZ-2026-000004', reason: 'ORIGIN' }] });
    expect(registry.state.latest.get(CODES.oldAgreement)).toMatchObject({ version: 1, status: 'RESOLVED', closedAt: '2026-08-10T07:00:00.000Z' });
  });
});
