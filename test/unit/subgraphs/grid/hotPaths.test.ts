// The bench's operations as grid answers them (issue 7: their cost must not
// grow with the data): every statement reads through an index.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPersonTokenizer, DEV_FEDERATION_SECRET } from '../../../../subgraphs/shared/identity/personToken.ts';
import { type GridHarness, startGrid } from '../../../support/gridApp.ts';
import { expectIndexedOnly } from '../../../support/tableScans.ts';
import { testPrincipal } from '../../../support/testPrincipal.ts';
import { ID, writeTinyGridWorld } from '../../../support/tinyGridWorld.ts';

const zhang = createPersonTokenizer(DEV_FEDERATION_SECRET)(ID.zhang);

// The SQL of a list depends on how many ranges the user's jurisdiction
// makes: the bench's case handler (a county and its city: one range) and a
// user of two towns (two ranges).
const USERS = {
  'county and city': testPrincipal('grid', { jurisdiction: ['420923', '420900'], scopes: [] }),
  'two towns': testPrincipal('grid', { jurisdiction: ['420923100', '420923101'], scopes: [] }),
};

const PERSON_VIEW = `query($idNumber: String!) {
  personByIdNumber(idNumber: $idNumber) {
    __typename id name idNumberMasked disputes { caseCode title status }
    timeline(first: 100) { totalCount nodes { __typename caseCode agency summary { title status openedAt overdue } related { __typename caseCode } } }
  }
}`;
const TIMELINE = `query($id: ID!, $after: String, $agencies: [Agency!]) {
  person(id: $id) { id name timeline(first: 1, after: $after, agencies: $agencies) { totalCount pageInfo { hasNextPage endCursor }
    nodes { __typename caseCode agency summary { title category status openedAt closedAt dueAt overdue } } } }
}`;
const MATTER = `query($caseCode: ID!) {
  matter(caseCode: $caseCode) { __typename caseCode agency summary { title category status openedAt closedAt dueAt overdue }
    related { __typename caseCode agency summary { title status } } }
}`;
const MATTER_ENTITY = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Matter { __typename summary { title status } } } }`;
// Persons as entities, several at once (the gateway's batch of another subgraph's parties).
const PERSON_ENTITIES = `query($r: [_Any!]!) {
  _entities(representations: $r) { ... on Person { id name idNumberMasked disputes { caseCode title status } } }
}`;
const SEARCH = `query($name: String!, $after: String) {
  searchPersons(name: $name, first: 1, after: $after) { totalCount pageInfo { hasNextPage endCursor }
    nodes { id name gender age idNumberMasked town { code name } gridCell { code name } } }
}`;

describe('grid: the hot paths read through indexes', () => {
  let grid: GridHarness;
  beforeAll(async () => {
    grid = await startGrid({ now: '2026-11-02T09:00:00+08:00', seedWorld: writeTinyGridWorld });
    // A court case of Zhang's that came from one of his tickets: the registry links them.
    const courtCase = {
      caseCode: '420923-FY-2026-000001',
      agency: 'COURTS',
      version: 1,
      title: '张伟诉某公司借款合同纠纷',
      category: 'CONTRACT_DEBT',
      status: 'OPEN',
      division: '420923100',
      openedAt: '2026-10-01T09:00:00+08:00',
      closedAt: null,
      dueAt: null,
      parties: [{ personId: zhang, role: 'PLAINTIFF' }],
      links: [{ caseCode: '420923-ZZ-2026-000003', reason: 'ORIGIN' }],
      flags: [],
    };
    expect((await grid.ingest('courts', [courtCase])).status).toBe(200);
  });
  afterAll(() => grid.close());

  for (const [who, user] of Object.entries(USERS)) {
    it(`the person view: the person, their tickets, the timeline with its total and related matters (${who})`, async () => {
      const data = await expectIndexedOnly(grid, PERSON_VIEW, { idNumber: ID.zhang }, user);
      expect(data.personByIdNumber.disputes.length).toBeGreaterThan(0);
      expect(data.personByIdNumber.timeline.totalCount).toBeGreaterThan(1);
      // A first page that holds every row counts without the count statement: the same total as a counted page.
      expect(data.personByIdNumber.timeline.totalCount).toBe(data.personByIdNumber.timeline.nodes.length);
      const paged = await expectIndexedOnly(grid, TIMELINE, { id: data.personByIdNumber.id }, user);
      expect(paged.person.timeline.totalCount).toBe(data.personByIdNumber.timeline.totalCount);
      expect(data.personByIdNumber.timeline.nodes.some((n: { related: unknown[] }) => n.related.length > 0)).toBe(true);
    });

    it(`a timeline page and the next one (${who})`, async () => {
      const first = await expectIndexedOnly(grid, TIMELINE, { id: zhang }, user);
      expect(first.person.timeline.pageInfo.hasNextPage).toBe(true);
      const next = await expectIndexedOnly(grid, TIMELINE, { id: zhang, after: first.person.timeline.pageInfo.endCursor }, user);
      expect(next.person.timeline.nodes).toHaveLength(1);
    });

    it(`a timeline filtered by agency, its total and its next page (${who})`, async () => {
      const first = await expectIndexedOnly(grid, TIMELINE, { id: zhang, agencies: ['GRID'] }, user);
      expect(first.person.timeline.pageInfo.hasNextPage).toBe(true);
      const next = await expectIndexedOnly(grid, TIMELINE, { id: zhang, agencies: ['GRID'], after: first.person.timeline.pageInfo.endCursor }, user);
      expect(next.person.timeline.totalCount).toBe(first.person.timeline.totalCount);
      expect([...first.person.timeline.nodes, ...next.person.timeline.nodes].every((n: { agency: string }) => n.agency === 'GRID')).toBe(true);
    });

    it(`a matter by code with its related matters, and a matter as an entity (${who})`, async () => {
      const data = await expectIndexedOnly(grid, MATTER, { caseCode: '420923-ZZ-2026-000003' }, user);
      expect(data.matter.related.length).toBeGreaterThan(0);
      const entity = await expectIndexedOnly(grid, MATTER_ENTITY, { r: [{ __typename: 'Dispute', caseCode: '420923-ZZ-2026-000001' }] }, user);
      expect(entity._entities[0].summary.title).toBeTruthy();
    });

    it(`persons as entities, several at once, with their tickets (${who})`, async () => {
      const ids = [ID.zhang, ID.li, ID.wife].map((n) => createPersonTokenizer(DEV_FEDERATION_SECRET)(n));
      const data = await expectIndexedOnly(grid, PERSON_ENTITIES, { r: ids.map((id) => ({ __typename: 'Person', id })) }, user);
      expect(data._entities.some((p: { disputes: unknown[] }) => p.disputes.length > 0)).toBe(true);
    });

    it(`a search by surname with its total, and its next page (${who})`, async () => {
      const first = await expectIndexedOnly(grid, SEARCH, { name: '张' }, user);
      expect(first.searchPersons).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: true } });
      const next = await expectIndexedOnly(grid, SEARCH, { name: '张', after: first.searchPersons.pageInfo.endCursor }, user);
      expect(next.searchPersons.nodes).toHaveLength(1);
    });
  }
});
