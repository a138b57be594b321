// Issue 6 item 4, defence in depth in courts: a case (by the town where the
// dispute arose, also for an appeal heard at the city's court) outside the
// user's jurisdiction is as absent as an unknown one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPrincipal } from '../../../../gateway/security/demoUsers.ts';
import { build } from '../../../../subgraphs/courts/app.ts';
import { createPersonTokenizer, DEV_FEDERATION_SECRET } from '../../../../subgraphs/shared/identity/personToken.ts';
import { type SubgraphHarness, startSubgraph } from '../../../support/subgraphApp.ts';
import { testPrincipal } from '../../../support/testPrincipal.ts';
import { CODES, ID, writeTinyCourtsWorld } from '../../../support/tinyCourtsWorld.ts';

const token = createPersonTokenizer(DEV_FEDERATION_SECRET);
/** 陈静, clerk of the Yunmeng county court (420923). */
const county = demoPrincipal('courts');
const yitang = testPrincipal('courts', { userId: 'yitang.tribunal', name: '义堂法庭书记员', jurisdiction: ['420923101'] });
const otherCounty = testPrincipal('courts', { userId: 'zhijiang.clerk', name: '枝江书记员', jurisdiction: ['420583'] });

const codes = (list: { caseCode: string }[] | null | undefined) => (list ?? []).map((m) => m.caseCode).sort();
const LIST = `{ courtCases(first: 1) { totalCount nodes { caseCode } pageInfo { hasNextPage } } }`;
const LOOKUP = `query($c: ID!, $n: String!) { courtCase(caseCode: $c) { caseCode } courtCaseByNumber(caseNumber: $n) { caseCode } }`;
const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { courtCases { caseCode } } ... on CourtCase { caseCode } } }`;

describe('courts: jurisdiction', () => {
  let courts: SubgraphHarness;
  beforeAll(async () => {
    courts = await startSubgraph('courts', build, { now: '2026-11-02T09:00:00+08:00', seedWorld: writeTinyCourtsWorld });
  });
  afterAll(() => courts.close());

  it('a user of another county: null by code, by case number and as an entity; lists and a person\'s cases empty', async () => {
    const lookup = { c: CODES.judged, n: '（2026）鄂0923民初1号' };
    expect((await courts.gql(LOOKUP, lookup, county)).data).toEqual({ courtCase: { caseCode: CODES.judged }, courtCaseByNumber: { caseCode: CODES.judged } });
    expect((await courts.gql(LOOKUP, lookup, otherCounty)).data).toEqual({ courtCase: null, courtCaseByNumber: null });
    expect((await courts.gql(LIST, {}, otherCounty)).data?.courtCases).toEqual({ totalCount: 0, nodes: [], pageInfo: { hasNextPage: false } });
    const reps = [{ __typename: 'Person', id: token(ID.li) }, { __typename: 'CourtCase', caseCode: CODES.appeal }];
    expect((await courts.gql(ENTITIES, { r: reps }, otherCounty)).data?._entities).toEqual([{ courtCases: [] }, null]);
    // The appeal is heard at the city's court but arose in Yunmeng: the county sees it.
    expect((await courts.gql(ENTITIES, { r: reps }, county)).data?._entities[1]).toEqual({ caseCode: CODES.appeal });
  });

  it('a town-level user sees only the cases that arose in their town, and counts only those', async () => {
    const all = (await courts.gql(LIST, {}, county)).data?.courtCases.totalCount;
    expect(all).toBe(11);
    expect((await courts.gql(LIST, {}, yitang)).data?.courtCases).toEqual({ totalCount: 1, nodes: [{ caseCode: CODES.received }], pageInfo: { hasNextPage: false } });
    const li = await courts.gql(ENTITIES, { r: [{ __typename: 'Person', id: token(ID.li) }] }, yitang);
    expect(codes(li.data?._entities[0].courtCases)).toEqual([CODES.received]);
    const liCounty = await courts.gql(ENTITIES, { r: [{ __typename: 'Person', id: token(ID.li) }] }, county);
    expect(codes(liCounty.data?._entities[0].courtCases).length).toBeGreaterThan(1);
  });

  it('a step on a case outside is NOT_FOUND; a suit in a town outside is FORBIDDEN; inside, steps record the actor\'s name and id', async () => {
    const file = await courts.gql(`mutation { fileCourtCase(caseCode: "${CODES.received}") { status } }`, {}, otherCounty);
    expect(file.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const appeal = await courts.gql(
      `mutation($i: CourtAppealInput!) { appealCourtCase(input: $i) { caseCode } }`,
      { i: { caseCode: CODES.judged, parties: [{ role: 'APPELLANT', name: '李强', idNumber: ID.li }, { role: 'APPELLEE', name: '张伟', idNumber: ID.zhang }] } },
      yitang,
    );
    expect(appeal.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    const receive = `mutation($i: CourtCaseReceiptInput!, $k: String!) { receiveCourtCase(input: $i, idempotencyKey: $k) { caseCode steps { step actor actorId } } }`;
    const suit = (division: string) => ({
      procedure: 'SIMPLIFIED',
      category: 'CONTRACT_DEBT',
      title: '民间借贷纠纷',
      causeOfAction: '民间借贷纠纷',
      claimAmount: 1000,
      division,
      parties: [{ role: 'PLAINTIFF', name: '李强', idNumber: ID.li }, { role: 'DEFENDANT', name: '某人' }],
    });
    const outside = await courts.gql(receive, { i: suit('420923100'), k: 'yitang-out' }, yitang);
    expect(outside.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', argumentName: 'division' });
    const inside = await courts.gql(receive, { i: suit('420923101'), k: 'yitang-in' }, yitang);
    expect(inside.errors).toBeUndefined();
    expect(inside.data?.receiveCourtCase.steps).toEqual([{ step: 'RECEIVE', actor: '义堂法庭书记员', actorId: 'yitang.tribunal' }]);
    const filed = await courts.gql(`mutation { fileCourtCase(caseCode: "${CODES.received}") { status steps { step actor actorId } } }`, {}, yitang);
    expect(filed.errors).toBeUndefined();
    expect(filed.data?.fileCourtCase.steps.at(-1)).toEqual({ step: 'FILE', actor: '义堂法庭书记员', actorId: 'yitang.tribunal' });
    expect(filed.data?.fileCourtCase.steps[0]).toMatchObject({ step: 'RECEIVE', actorId: null });
  });
});
