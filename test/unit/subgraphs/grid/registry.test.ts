import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MatterEvent } from '../../../../subgraphs/shared/feed/matterEvent.ts';
import { createPersonTokenizer, DEV_FEDERATION_SECRET } from '../../../../subgraphs/shared/identity/personToken.ts';
import { type GridHarness, startGrid } from '../../../support/gridApp.ts';
import { testPrincipal } from '../../../support/testPrincipal.ts';
import { ID, writeTinyGridWorld } from '../../../support/tinyGridWorld.ts';

const token = createPersonTokenizer(DEV_FEDERATION_SECRET);
const zhang = token(ID.zhang);

function event(over: Partial<MatterEvent> & Pick<MatterEvent, 'caseCode' | 'agency'>): MatterEvent {
  return {
    version: 1,
    title: '事项',
    category: 'CONTRACT_DEBT',
    status: 'OPEN',
    division: '420923100',
    openedAt: '2026-10-01T09:00:00+08:00',
    closedAt: null,
    dueAt: null,
    parties: [{ personId: zhang, role: 'PLAINTIFF' }],
    links: [],
    flags: [],
    ...over,
  };
}

const TIMELINE = `query($id: ID!, $first: Int, $after: String, $agencies: [Agency!]) {
  person(id: $id) { timeline(first: $first, after: $after, agencies: $agencies) { totalCount pageInfo { hasNextPage endCursor }
    nodes { __typename caseCode agency summary { title status openedAt } } } } }`;

describe('grid: the registry', () => {
  let grid: GridHarness;
  beforeAll(async () => {
    grid = await startGrid({ now: '2026-11-02T09:00:00+08:00', seedWorld: writeTinyGridWorld });
  });
  afterAll(() => grid.close());

  it('refuses unsigned, wrongly signed and other-agency events', async () => {
    const e = event({ caseCode: '420923-FY-2026-000001', agency: 'COURTS' });
    expect((await grid.ingest('courts', [e], 'not-the-secret')).status).toBe(401);
    expect((await grid.ingest('police', [e])).status).toBe(403);
    const unsigned = await grid.app.inject({ method: 'POST', url: '/ingest/matter-events', payload: { events: [e] } });
    expect(unsigned.statusCode).toBe(401);
    const bad = await grid.ingest('courts', [{ ...e, status: 'WHATEVER' }]);
    expect(bad).toMatchObject({ status: 400, body: { error: { code: 'BAD_USER_INPUT' } } });
  });

  it('applies events idempotently by case code and version; an older version never overwrites', async () => {
    const v2 = event({ caseCode: '420923-FY-2026-000001', agency: 'COURTS', version: 2, title: '张伟诉某公司借款合同纠纷', status: 'IN_PROGRESS' });
    const v1 = event({ caseCode: '420923-FY-2026-000001', agency: 'COURTS', version: 1, title: '旧标题' });
    expect((await grid.ingest('courts', [v2])).body).toEqual({ applied: 1, ignored: 0 });
    expect((await grid.ingest('courts', [v1, v2])).body).toEqual({ applied: 0, ignored: 2 });
    const res = await grid.gql(`{ matter(caseCode: "420923-FY-2026-000001") { __typename agency summary { title status } } }`);
    expect(res.data?.matter).toEqual({ __typename: 'CourtCase', agency: 'COURTS', summary: { title: '张伟诉某公司借款合同纠纷', status: 'IN_PROGRESS' } });
  });

  it('keeps a person\'s timeline across agencies newest first, paginated and filterable', async () => {
    await grid.ingest('petitions', [event({ caseCode: '420923-XF-2026-000007', agency: 'PETITIONS', openedAt: '2026-08-15T10:00:00+08:00', parties: [{ personId: zhang, role: 'PETITIONER' }] })]);
    await grid.ingest('police', [event({ caseCode: '420923-GA-2026-000003', agency: 'POLICE', openedAt: '2026-10-20T22:00:00+08:00', parties: [{ personId: zhang, role: 'REPORTER' }] })]);
    // Zhang's matters: tickets 000001 (09-01) and 000003 (10-01) from the tiny world, the court case (10-01),
    // the petition (08-15) and the incident (10-20).
    const page1 = await grid.gql(TIMELINE, { id: zhang, first: 3 });
    expect(page1.data?.person.timeline.totalCount).toBe(5);
    expect(page1.data?.person.timeline.nodes.map((n: { caseCode: string }) => n.caseCode)).toEqual([
      '420923-GA-2026-000003',
      '420923-ZZ-2026-000003',
      '420923-FY-2026-000001',
    ]);
    const page2 = await grid.gql(TIMELINE, { id: zhang, first: 3, after: page1.data?.person.timeline.pageInfo.endCursor });
    expect(page2.data?.person.timeline.nodes.map((n: { __typename: string }) => n.__typename)).toEqual(['Dispute', 'Petition']);
    expect(page2.data?.person.timeline.pageInfo.hasNextPage).toBe(false);
    const filtered = await grid.gql(TIMELINE, { id: zhang, agencies: ['POLICE', 'PETITIONS'] });
    expect(filtered.data?.person.timeline.totalCount).toBe(2);
  });

  it('keeps the timeline in step with each new version of a matter: its summary, its time, its parties, its division', async () => {
    const li = token(ID.li);
    const code = '420923-XF-2026-000031';
    const petition = (over: Partial<MatterEvent>) => event({ caseCode: code, agency: 'PETITIONS', parties: [{ personId: li, role: 'PETITIONER' }], ...over });
    const timelineOf = async (id: string, user?: Parameters<GridHarness['gql']>[2]) =>
      (await grid.gql(`query($id: ID!) { person(id: $id) { timeline(first: 100) { totalCount nodes { caseCode summary { title status openedAt closedAt dueAt overdue } } } } }`, { id }, user)).data
        ?.person.timeline;
    const find = (timeline: { nodes: { caseCode: string }[] } | undefined) => timeline?.nodes.find((n) => n.caseCode === code);

    await grid.ingest('petitions', [petition({ version: 1, title: '初次来访', openedAt: '2026-06-01T09:00:00+08:00' })]);
    expect(find(await timelineOf(li))).toMatchObject({ summary: { title: '初次来访', status: 'OPEN', openedAt: '2026-06-01T01:00:00.000Z' } });

    // A new version: another title and status, a deadline passed, another time, and Zhang joins as a party.
    await grid.ingest('petitions', [
      petition({ version: 2, title: '再次来访', status: 'IN_PROGRESS', openedAt: '2026-05-01T09:00:00+08:00', dueAt: '2026-06-01T09:00:00+08:00',
        parties: [{ personId: li, role: 'PETITIONER' }, { personId: zhang, role: 'RESPONDENT' }] }),
    ]);
    const expected = { caseCode: code, summary: { title: '再次来访', status: 'IN_PROGRESS', openedAt: '2026-05-01T01:00:00.000Z', closedAt: null, dueAt: '2026-06-01T01:00:00.000Z', overdue: true } };
    for (const id of [li, zhang]) {
      const timeline = await timelineOf(id);
      expect(find(timeline)).toEqual(expected);
      expect(timeline?.nodes.filter((n: { caseCode: string }) => n.caseCode === code)).toHaveLength(1);
      // Still newest first after the move in time.
      const times = timeline?.nodes.map((n: { summary: { openedAt: string } }) => n.summary.openedAt);
      expect(times).toEqual([...times].sort().reverse());
    }
    const matter = await grid.gql(`{ matter(caseCode: "${code}") { summary { title status openedAt closedAt dueAt overdue } } }`);
    expect(matter.data?.matter.summary).toEqual(expected.summary);

    // Li leaves the matter; then it moves to another county: a user of this county no longer sees it, nor counts it.
    await grid.ingest('petitions', [petition({ version: 3, title: '再次来访', parties: [{ personId: zhang, role: 'RESPONDENT' }] })]);
    expect(find(await timelineOf(li))).toBeUndefined();
    expect(find(await timelineOf(zhang))).toMatchObject({ summary: { title: '再次来访', status: 'OPEN' } });
    const county = testPrincipal('grid', { jurisdiction: ['420923'], scopes: [] });
    const before = await timelineOf(zhang, county);
    await grid.ingest('petitions', [petition({ version: 4, division: '420982100', parties: [{ personId: zhang, role: 'RESPONDENT' }] })]);
    const after = await timelineOf(zhang, county);
    expect(find(before)).toBeDefined();
    expect(find(after)).toBeUndefined();
    expect(after?.totalCount).toBe(before!.totalCount - 1);
  });

  it('links matters both ways, from agency events and from linkMatters', async () => {
    await grid.ingest('courts', [
      event({ caseCode: '420923-FY-2026-000001', agency: 'COURTS', version: 3, links: [{ caseCode: '420923-ZZ-2026-000003', reason: 'ORIGIN' }] }),
    ]);
    const fromTicket = await grid.gql(`{ matter(caseCode: "420923-ZZ-2026-000003") { related { __typename caseCode } } }`);
    expect(fromTicket.errors?.[0]?.message).toBeUndefined();
    expect(fromTicket.data?.matter.related).toEqual([{ __typename: 'CourtCase', caseCode: '420923-FY-2026-000001' }]);

    const linked = await grid.gql(`mutation { linkMatters(from: "420923-XF-2026-000007", to: "420923-GA-2026-000003", reason: "同一纠纷") { caseCode } }`);
    expect(linked.errors).toBeUndefined();
    const fromIncident = await grid.gql(`{ matter(caseCode: "420923-GA-2026-000003") { related { caseCode } } }`);
    expect(fromIncident.data?.matter.related).toEqual([{ caseCode: '420923-XF-2026-000007' }]);

    // The same two matters linked again, the other way round and by another source: each still lists the other once.
    expect((await grid.gql(`mutation { linkMatters(from: "420923-ZZ-2026-000003", to: "420923-FY-2026-000001", reason: "同一纠纷") { caseCode } }`)).errors).toBeUndefined();
    const both = await grid.gql(`{ a: matter(caseCode: "420923-ZZ-2026-000003") { related { caseCode } } b: matter(caseCode: "420923-FY-2026-000001") { related { caseCode } } }`);
    expect(both.data).toEqual({ a: { related: [{ caseCode: '420923-FY-2026-000001' }] }, b: { related: [{ caseCode: '420923-ZZ-2026-000003' }] } });

    const unknown = await grid.gql(`mutation { linkMatters(from: "420923-XF-2026-000007", to: "420923-GA-2026-009999", reason: "x") { caseCode } }`);
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const badCode = await grid.gql(`{ matter(caseCode: "420923-QQ-2026-000001") { caseCode } }`);
    expect(badCode.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'AGENCY' });
  });

  it('resolves other agencies\' matters as entities with their interface fields, null when unknown', async () => {
    const res = await grid.gql(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Matter { caseCode summary { title } } } }`, {
      r: [
        { __typename: 'CourtCase', caseCode: '420923-FY-2026-000001' },
        { __typename: 'Petition', caseCode: '420923-XF-2026-009999' },
        // An entity interface's own name, as the gateway sends for `Matter` fields.
        { __typename: 'Matter', caseCode: '420923-ZZ-2026-000001' },
      ],
    });
    expect(res.errors).toBeUndefined();
    expect(res.data?._entities).toEqual([
      { caseCode: '420923-FY-2026-000001', summary: { title: '事项' } },
      null,
      { caseCode: '420923-ZZ-2026-000001', summary: { title: '张伟与李强邻里排水纠纷' } },
    ]);
  });
});
