import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPersonTokenizer, DEV_FEDERATION_SECRET } from '../../../../subgraphs/shared/identity/personToken.ts';
import { type PetitionsHarness, startPetitions } from '../../../support/petitionsApp.ts';
import { COURT_FOLLOW_UP, GRID_ORIGIN, ID, WORKER, XF } from '../../../support/tinyPetitionsWorld.ts';

const token = createPersonTokenizer(DEV_FEDERATION_SECRET);
const petitionQueries = (statements: string[]) => statements.filter((s) => /\bFROM petition p\b/.test(s));

describe('petitions: entities, references, lists', () => {
  let p: PetitionsHarness;
  beforeAll(async () => {
    p = await startPetitions();
  });
  afterAll(() => p.close());

  it('resolves 100 Petition representations with one SQL query on the petition table', async () => {
    const known = Object.values(XF);
    const representations = Array.from({ length: 100 }, (_, i) => ({
      __typename: 'Petition',
      caseCode: known[i] ?? `420923-XF-2026-${String(900 + i).padStart(6, '0')}`,
    }));
    p.statements.length = 0;
    const res = await p.gql(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Petition { caseCode status repeatCount collective } } }`, {
      r: representations,
    });
    expect(res.errors).toBeUndefined();
    const entities = res.data?._entities as ({ caseCode: string; status: string } | null)[];
    expect(entities).toHaveLength(100);
    expect(entities.slice(0, 5).map((e) => e?.status)).toEqual(['CLOSED', 'ACCEPTED', 'FORWARDED', 'DIVERTED', 'REGISTERED']);
    expect(entities[50]).toBeNull();
    expect(petitionQueries(p.statements)).toHaveLength(1);
  });

  it('loads the parties of many petitions with one query too', async () => {
    p.statements.length = 0;
    const res = await p.gql(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Petition { petitioners { displayName } respondents { displayName } } } }`, {
      r: Object.values(XF).map((caseCode) => ({ __typename: 'Petition', caseCode })),
    });
    expect(res.errors).toBeUndefined();
    expect(p.statements.filter((s) => /FROM petition_party/.test(s))).toHaveLength(1);
    expect(petitionQueries(p.statements)).toHaveLength(1);
  });

  it('returns origin, repeatOf and a diversion follow-up as Matter references typed by their case code', async () => {
    const res = await p.gql(`{
      closed: petition(caseCode: "${XF.closed}") { origin { __typename caseCode } repeatOf { __typename } }
      repeat: petition(caseCode: "${XF.repeat}") { repeatCount repeatOf { __typename caseCode ... on Petition { subject status handlingUnit } } }
      diverted: petition(caseCode: "${XF.diverted}") { diversion { to at followUp { __typename caseCode } } }
    }`);
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({
      closed: { origin: { __typename: 'Dispute', caseCode: GRID_ORIGIN }, repeatOf: null },
      // Our own petition: its fields come in the same answer.
      repeat: { repeatCount: 1, repeatOf: { __typename: 'Petition', caseCode: XF.overdue, subject: '建议修缮张湾村排水沟', status: 'ACCEPTED', handlingUnit: '义堂镇人民政府' } },
      diverted: { diversion: { to: 'COURT', at: '2026-09-03T01:00:00.000Z', followUp: { __typename: 'CourtCase', caseCode: COURT_FOLLOW_UP } } },
    });
  });

  it('answers the Person slice of many people with one query, newest first', async () => {
    p.statements.length = 0;
    const res = await p.gql(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { id petitions { caseCode } } } }`, {
      r: [ID.li, WORKER.wang, ID.son].map((n) => ({ __typename: 'Person', id: token(n) })),
    });
    expect(res.data?._entities).toEqual([
      { id: token(ID.li), petitions: [{ caseCode: XF.repeat }, { caseCode: XF.accusation }, { caseCode: XF.overdue }] },
      { id: token(WORKER.wang), petitions: [{ caseCode: XF.diverted }] },
      { id: token(ID.son), petitions: [] },
    ]);
    // One statement for all three people, their petitions' rows included: nothing else is read.
    expect(p.statements.filter((s) => /FROM petition_party pp/.test(s))).toHaveLength(1);
    expect(p.statements).toHaveLength(1);
  });

  it('lists petitions newest first with filters, totals and cursor pages', async () => {
    const list = (args: string) => p.gql(`{ petitions(${args}) { totalCount nodes { caseCode } pageInfo { hasNextPage endCursor } } }`);
    const codes = (res: Awaited<ReturnType<typeof list>>) => (res.data?.petitions.nodes as { caseCode: string }[]).map((n) => n.caseCode);

    const first = await list('first: 2');
    expect(first.data?.petitions.totalCount).toBe(5);
    expect(codes(first)).toEqual([XF.repeat, XF.accusation]);
    expect(first.data?.petitions.pageInfo.hasNextPage).toBe(true);
    const rest = await list(`first: 10, after: "${first.data?.petitions.pageInfo.endCursor}"`);
    expect(codes(rest)).toEqual([XF.diverted, XF.overdue, XF.closed]);
    expect(rest.data?.petitions.pageInfo.hasNextPage).toBe(false);

    expect(codes(await list('filter: { division: "420923101" }'))).toEqual([XF.repeat, XF.accusation, XF.overdue]);
    expect(codes(await list('filter: { division: "420900" }'))).toHaveLength(5);
    expect(codes(await list('filter: { status: FORWARDED }'))).toEqual([XF.accusation]);
    expect(codes(await list('filter: { kind: CLAIM }'))).toEqual([XF.diverted, XF.closed]);
    expect(codes(await list('filter: { handlingUnit: "义堂镇人民政府" }'))).toEqual([XF.overdue]);
    expect(codes(await list('filter: { kind: SUGGESTION, overdueOnly: true }'))).toEqual([XF.overdue]);

    expect((await list('after: "nonsense"')).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await list('first: 0')).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('shows each stage deadline of an imported petition and whether it is overdue now', async () => {
    const res = await p.gql(`{ petition(caseCode: "${XF.closed}") { dueAt closedAt overdue rating deadlines { forwardDueAt acceptanceNoticeDueAt handlingDueAt reviewRequestDeadline reviewDueAt secondReviewRequestDeadline secondReviewDueAt } review { body outcome dueAt } } }`);
    expect(res.data?.petition).toEqual({
      dueAt: '2026-07-20T15:59:59.000Z',
      closedAt: '2026-07-10T02:00:00.000Z',
      overdue: false,
      rating: 'DISSATISFIED',
      deadlines: {
        forwardDueAt: '2026-03-17T15:59:59.000Z',
        acceptanceNoticeDueAt: '2026-03-20T15:59:59.000Z',
        handlingDueAt: '2026-05-09T15:59:59.000Z',
        reviewRequestDeadline: '2026-05-20T15:59:59.000Z',
        reviewDueAt: '2026-06-09T15:59:59.000Z',
        secondReviewRequestDeadline: '2026-07-01T15:59:59.000Z',
        secondReviewDueAt: '2026-07-20T15:59:59.000Z',
      },
      review: { body: '云梦县人民政府', outcome: 'UPHELD', dueAt: '2026-06-09T15:59:59.000Z' },
    });
  });
});
