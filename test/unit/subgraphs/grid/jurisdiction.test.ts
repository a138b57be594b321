// Issue 6 item 4, defence in depth in grid: the gateway checks fields, the
// subgraph checks rows. A person (by their town of residence) or a matter
// (by its town) outside the user's jurisdiction is as absent as an unknown
// one: null by key, left out of lists and of their counts, NOT_FOUND to
// mutations; a new ticket in a town outside is FORBIDDEN.
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPrincipal } from '../../../../gateway/security/demoUsers.ts';
import type { MatterEvent } from '../../../../subgraphs/shared/feed/matterEvent.ts';
import { makeIdNumber } from '../../../../subgraphs/shared/identity/idNumber.ts';
import { createPersonTokenizer, DEV_FEDERATION_SECRET } from '../../../../subgraphs/shared/identity/personToken.ts';
import { type GridHarness, startGrid } from '../../../support/gridApp.ts';
import { testPrincipal } from '../../../support/testPrincipal.ts';
import { ID, writeTinyGridWorld } from '../../../support/tinyGridWorld.ts';

const token = createPersonTokenizer(DEV_FEDERATION_SECRET);
/** 张伟's mother, registered in his household but living in 义堂镇. */
const MOTHER = makeIdNumber('420923', '1958-02-03', 226);

const county = testPrincipal('grid', { jurisdiction: ['420923'] });
/** 李娟, grid worker of 城关镇 (420923100). */
const town = demoPrincipal('gridworker');
/** A centre handler of 枝江市, another county. */
const otherCounty = testPrincipal('grid', { userId: 'zhijiang.handler', name: '枝江窗口', jurisdiction: ['420583'] });
const nobody = testPrincipal('grid', { userId: 'nobody', jurisdiction: [] });

const codes = (list: { caseCode: string }[] | null | undefined) => (list ?? []).map((m) => m.caseCode).sort();

const PERSON_VIEW = `query($id: String!) { personByIdNumber(idNumber: $id) {
  id name household { members { name } } disputes { caseCode } timeline(first: 10) { totalCount nodes { caseCode } } } }`;
const ENTITY_VIEW = `query($r: [_Any!]!) { _entities(representations: $r) {
  ... on Person { id name idNumberMasked town { code } disputes { caseCode } timeline { totalCount nodes { caseCode } } }
  ... on Dispute { caseCode title }
  ... on Petition { summary { title } } } }`;

function event(over: Partial<MatterEvent> & Pick<MatterEvent, 'caseCode' | 'agency' | 'parties'>): MatterEvent {
  return { version: 1, title: '事项', category: 'CONTRACT_DEBT', status: 'OPEN', division: '420923100', openedAt: '2026-10-05T09:00:00+08:00', closedAt: null, dueAt: null, links: [], flags: [], ...over };
}

describe('grid: jurisdiction', () => {
  let grid: GridHarness;
  beforeAll(async () => {
    grid = await startGrid({
      now: '2026-11-02T09:00:00+08:00',
      seedWorld: (dir) => {
        writeTinyGridWorld(dir);
        const mother = { t: 'person', idNumber: MOTHER, name: '王秀英', gender: 'FEMALE', birthDate: '1958-02-03', phone: null, address: '义堂镇张湾村 9 组', division: '420923101', cell: '420923101201-01', household: '420923100001-01-0001', relation: 'PARENT', tags: [] };
        appendFileSync(join(dir, 'world', 'grid.ndjson'), `${JSON.stringify(mother)}\n`);
      },
    });
    // A petition of 李强 in 义堂镇 and a lawsuit in 城关镇, both linked to 城关镇's ticket ZZ-000001.
    await grid.ingest('petitions', [event({ caseCode: '420923-XF-2026-000021', agency: 'PETITIONS', division: '420923101', title: '李强信访', parties: [{ personId: token(ID.li), role: 'PETITIONER' }], links: [{ caseCode: '420923-ZZ-2026-000001', reason: 'RELATED' }] })]);
    await grid.ingest('courts', [event({ caseCode: '420923-FY-2026-000022', agency: 'COURTS', division: '420923100', title: '张伟诉李强', parties: [{ personId: token(ID.zhang), role: 'PLAINTIFF' }, { personId: token(ID.li), role: 'DEFENDANT' }], links: [{ caseCode: '420923-ZZ-2026-000001', reason: 'RELATED' }] })]);
  });
  afterAll(() => grid.close());

  describe('a user of another county sees nothing of Yunmeng', () => {
    it('a person by ID number or token is null, as an unknown one', async () => {
      const res = await grid.gql(`query($id: String!, $t: ID!) { personByIdNumber(idNumber: $id) { id } person(id: $t) { id } }`, { id: ID.zhang, t: token(ID.zhang) }, otherCounty);
      expect(res.errors).toBeUndefined();
      expect(res.data).toEqual({ personByIdNumber: null, person: null });
    });

    it('a Person named by another agency\'s party gets null core fields and empty slices; a ticket reference is null', async () => {
      const reps = [
        { __typename: 'Person', id: token(ID.zhang) },
        { __typename: 'Dispute', caseCode: '420923-ZZ-2026-000001' },
        { __typename: 'Petition', caseCode: '420923-XF-2026-000021' },
      ];
      const res = await grid.gql(ENTITY_VIEW, { r: reps }, otherCounty);
      expect(res.errors).toBeUndefined();
      expect(res.data?._entities).toEqual([
        { id: token(ID.zhang), name: null, idNumberMasked: null, town: null, disputes: [], timeline: { totalCount: 0, nodes: [] } },
        null,
        null,
      ]);
      // The same representations for the county's own handler.
      const own = await grid.gql(ENTITY_VIEW, { r: reps }, county);
      expect(own.data?._entities[0]).toMatchObject({ name: '张伟', town: { code: '420923100' }, timeline: { totalCount: 3 } });
      expect(own.data?._entities[1]).toEqual({ caseCode: '420923-ZZ-2026-000001', title: '张伟与李强邻里排水纠纷' });
      expect(own.data?._entities[2]).toEqual({ summary: { title: '李强信访' } });
    });

    it('searches, lists, alerts and statistics come back empty and count zero', async () => {
      const res = await grid.gql(
        `{ searchPersons(name: "张") { totalCount nodes { id } }
           disputes { totalCount nodes { caseCode } }
           dispute(caseCode: "420923-ZZ-2026-000001") { caseCode }
           matter(caseCode: "420923-ZZ-2026-000001") { caseCode }
           riskAlerts(division: "420923") { totalCount }
           centerStats(division: "420923", from: "2026-01-01", to: "2026-12-31") { accepted closed resolved overdueNow byCategory { category } } }`,
        {},
        otherCounty,
      );
      expect(res.errors).toBeUndefined();
      expect(res.data).toEqual({
        searchPersons: { totalCount: 0, nodes: [] },
        disputes: { totalCount: 0, nodes: [] },
        dispute: null,
        matter: null,
        riskAlerts: { totalCount: 0 },
        centerStats: { accepted: 0, closed: 0, resolved: 0, overdueNow: 0, byCategory: [] },
      });
    });

    it('acting on a Yunmeng ticket is NOT_FOUND, as for one that does not exist; a ticket in Yunmeng is FORBIDDEN', async () => {
      const accept = await grid.gql(`mutation { superviseDispute(caseCode: "420923-ZZ-2026-000004", note: "督办") { status } }`, {}, otherCounty);
      const unknown = await grid.gql(`mutation { superviseDispute(caseCode: "420923-ZZ-2026-000999", note: "督办") { status } }`, {}, otherCounty);
      expect(accept.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect(accept.errors?.[0]?.message).toBe(unknown.errors?.[0]?.message.replace('000999', '000004'));
      expect(accept.data).toBeNull();
      const link = await grid.gql(`mutation { linkMatters(from: "420923-ZZ-2026-000001", to: "420923-ZZ-2026-000002", reason: "同一纠纷") { caseCode } }`, {}, otherCounty);
      expect(link.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      const intake = await grid.gql(
        `mutation($i: DisputeIntakeInput!) { intakeDispute(input: $i, idempotencyKey: "other-county-1") { caseCode } }`,
        { i: { channel: 'WALK_IN', category: 'NEIGHBOUR', title: '越界登记', description: '在他县登记', parties: [{ role: 'APPLICANT', name: '某人' }], severity: 'ORDINARY', division: '420923100' } },
        otherCounty,
      );
      expect(intake.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', argumentName: 'division' });
      // Nothing changed: the county still sees the ticket as it was, and no new ticket.
      const seen = await grid.gql(`{ dispute(caseCode: "420923-ZZ-2026-000004") { status steps { step } } disputes { totalCount } }`, {}, county);
      expect(seen.data?.dispute).toEqual({ status: 'ACCEPTED', steps: [{ step: 'INTAKE' }, { step: 'DISPATCH' }, { step: 'ACCEPT' }] });
      expect(seen.data?.disputes.totalCount).toBe(4);
    });
  });

  describe('a town-level user sees only their town', () => {
    it('people: a person of another town is null; a search counts only residents of the town', async () => {
      const li = await grid.gql(PERSON_VIEW, { id: ID.li }, town);
      expect(li.data?.personByIdNumber).toBeNull();
      const search = await grid.gql(`{ searchPersons(division: "420923") { totalCount nodes { name } } }`, {}, town);
      expect(search.data?.searchPersons).toEqual({ totalCount: 3, nodes: [{ name: '刘敏' }, { name: '张伟' }, { name: '张小明' }] });
      const all = await grid.gql(`{ searchPersons(division: "420923") { totalCount } }`, {}, county);
      expect(all.data?.searchPersons.totalCount).toBe(5);
      // The count is taken in the query, not from the page: one per page, the total still the town's.
      const paged = await grid.gql(`{ searchPersons(division: "420923", first: 1) { totalCount nodes { name } pageInfo { hasNextPage } } }`, {}, town);
      expect(paged.data?.searchPersons).toEqual({ totalCount: 3, nodes: [{ name: '刘敏' }], pageInfo: { hasNextPage: true } });
    });

    it('a person\'s household, tickets, timeline and related matters leave out what lies in another town', async () => {
      const mine = await grid.gql(PERSON_VIEW, { id: ID.zhang }, town);
      const whole = await grid.gql(PERSON_VIEW, { id: ID.zhang }, county);
      expect(whole.data?.personByIdNumber.household.members.map((m: { name: string }) => m.name)).toEqual(['王秀英', '张伟', '刘敏', '张小明']);
      expect(mine.data?.personByIdNumber.household.members.map((m: { name: string }) => m.name)).toEqual(['张伟', '刘敏', '张小明']);
      expect(codes(mine.data?.personByIdNumber.disputes)).toEqual(['420923-ZZ-2026-000001', '420923-ZZ-2026-000003']);
      expect(mine.data?.personByIdNumber.timeline.totalCount).toBe(3);

      // 李强 lives in 义堂镇: his core record is not the town worker's, but his matters in 城关镇 are.
      const li = await grid.gql(ENTITY_VIEW, { r: [{ __typename: 'Person', id: token(ID.li) }] }, town);
      expect(li.data?._entities[0]).toMatchObject({ name: null, town: null });
      expect(codes(li.data?._entities[0].disputes)).toEqual(['420923-ZZ-2026-000001', '420923-ZZ-2026-000003']);
      expect(codes(li.data?._entities[0].timeline.nodes)).toEqual(['420923-FY-2026-000022', '420923-ZZ-2026-000001', '420923-ZZ-2026-000003']);
      expect(li.data?._entities[0].timeline.totalCount).toBe(3);
      const liAll = await grid.gql(ENTITY_VIEW, { r: [{ __typename: 'Person', id: token(ID.li) }] }, county);
      expect(liAll.data?._entities[0].timeline.totalCount).toBe(5);
      expect(codes(liAll.data?._entities[0].disputes)).toEqual(['420923-ZZ-2026-000001', '420923-ZZ-2026-000002', '420923-ZZ-2026-000003']);

      const related = `{ matter(caseCode: "420923-ZZ-2026-000001") { related { caseCode } } }`;
      expect(codes((await grid.gql(related, {}, town)).data?.matter.related)).toEqual(['420923-FY-2026-000022']);
      expect(codes((await grid.gql(related, {}, county)).data?.matter.related)).toEqual(['420923-FY-2026-000022', '420923-XF-2026-000021']);
    });

    it('lists and their counts hold only the town\'s tickets, whatever division is asked for', async () => {
      const list = `query($d: ID) { disputes(filter: { division: $d }, first: 2) { totalCount nodes { caseCode } pageInfo { hasNextPage } } }`;
      const res = await grid.gql(list, { d: '420923' }, town);
      expect(res.data?.disputes).toEqual({ totalCount: 3, nodes: [{ caseCode: '420923-ZZ-2026-000004' }, { caseCode: '420923-ZZ-2026-000003' }], pageInfo: { hasNextPage: true } });
      expect((await grid.gql(list, { d: '420923101' }, town)).data?.disputes).toEqual({ totalCount: 0, nodes: [], pageInfo: { hasNextPage: false } });
      expect((await grid.gql(list, { d: '420923' }, county)).data?.disputes.totalCount).toBe(4);
      expect((await grid.gql(`{ dispute(caseCode: "420923-ZZ-2026-000002") { caseCode } }`, {}, town)).data?.dispute).toBeNull();
    });

    it('statistics and alerts over a county count only the part of it in the user\'s jurisdiction', async () => {
      const stats = (division: string) => `{ centerStats(division: "${division}", from: "2026-01-01", to: "2026-12-31") { accepted closed resolved overdueNow byTier { tier resolved } } }`;
      const townOfCounty = await grid.gql(stats('420923'), {}, town);
      const countyOfTown = await grid.gql(stats('420923100'), {}, county);
      expect(townOfCounty.data?.centerStats).toEqual(countyOfTown.data?.centerStats);
      expect(townOfCounty.data?.centerStats.accepted).toBe(3);
      expect((await grid.gql(stats('420923'), {}, county)).data?.centerStats.accepted).toBe(4);
      // A city supervisor asking for the county sees all of it.
      expect((await grid.gql(stats('420923'), {}, demoPrincipal('supervisor'))).data?.centerStats.accepted).toBe(4);

      const alerts = `{ riskAlerts(division: "420923") { totalCount nodes { kind matters { caseCode } } } }`;
      const forTown = await grid.gql(alerts, {}, town);
      expect(forTown.errors).toBeUndefined();
      // 李强's escalated ticket is in 义堂镇: its alert is not the town worker's.
      expect(forTown.data?.riskAlerts.nodes.map((a: { kind: string }) => a.kind)).not.toContain('ESCALATION');
      expect((await grid.gql(alerts, {}, county)).data?.riskAlerts.nodes.map((a: { kind: string }) => a.kind)).toContain('ESCALATION');
      for (const alert of forTown.data?.riskAlerts.nodes ?? []) {
        for (const m of alert.matters) expect(['420923-ZZ-2026-000001', '420923-ZZ-2026-000003', '420923-ZZ-2026-000004', '420923-FY-2026-000022']).toContain(m.caseCode);
      }
    });

    it('acts on the town\'s tickets, recording who by name and id; another town\'s is NOT_FOUND, a new one there FORBIDDEN', async () => {
      const done = await grid.gql(`mutation { superviseDispute(caseCode: "420923-ZZ-2026-000004", note: "请尽快办结") { steps { step actor actorId } } }`, {}, town);
      expect(done.errors).toBeUndefined();
      expect(done.data?.superviseDispute.steps.at(-1)).toEqual({ step: 'SUPERVISE', actor: '李娟', actorId: 'li.juan' });
      // Imported steps name a person but no account.
      expect(done.data?.superviseDispute.steps[0]).toEqual({ step: 'INTAKE', actor: '周洁', actorId: null });

      const other = await grid.gql(`mutation { escalateDispute(caseCode: "420923-ZZ-2026-000002", reason: "x") { status } }`, {}, town);
      expect(other.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      const link = await grid.gql(`mutation { linkMatters(from: "420923-ZZ-2026-000001", to: "420923-XF-2026-000021", reason: "同一纠纷") { caseCode } }`, {}, town);
      expect(link.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

      const intake = (division: string, key: string) =>
        grid.gql(
          `mutation($i: DisputeIntakeInput!, $k: String!) { intakeDispute(input: $i, idempotencyKey: $k) { caseCode town { code } steps { actor actorId } } }`,
          { i: { channel: 'GRID_PATROL', category: 'NEIGHBOUR', title: '巡查发现纠纷', description: '邻里争执', parties: [{ role: 'APPLICANT', name: '某人' }], severity: 'ORDINARY', division }, k: key },
          town,
        );
      const outside = await intake('420923101', 'town-outside-1');
      expect(outside.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const inside = await intake('420923100', 'town-inside-1');
      expect(inside.errors).toBeUndefined();
      expect(inside.data?.intakeDispute).toMatchObject({ town: { code: '420923100' }, steps: [{ actor: '李娟', actorId: 'li.juan' }] });
    });
  });

  it('an empty jurisdiction sees nothing', async () => {
    const res = await grid.gql(
      `query($id: String!) { personByIdNumber(idNumber: $id) { id } disputes { totalCount } searchPersons(name: "张") { totalCount } centerStats(division: "420923", from: "2026-01-01", to: "2026-12-31") { accepted } }`,
      { id: ID.zhang },
      nobody,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ personByIdNumber: null, disputes: { totalCount: 0 }, searchPersons: { totalCount: 0 }, centerStats: { accepted: 0 } });
  });
});
