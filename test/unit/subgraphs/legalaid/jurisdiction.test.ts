// Issue 6 item 4, defence in depth in legal aid and mediation: a case (by
// the town it arose in) outside the user's jurisdiction is as absent as an
// unknown one, also where a visible case names it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPrincipal } from '../../../../gateway/security/demoUsers.ts';
import { createPersonTokenizer, DEV_FEDERATION_SECRET } from '../../../../subgraphs/shared/identity/personToken.ts';
import { type LegalAidHarness, startLegalAid } from '../../../support/legalaidApp.ts';
import { testPrincipal } from '../../../support/testPrincipal.ts';
import { CODES, ID, writeTinyLegalAidWorld } from '../../../support/tinyLegalAidWorld.ts';

const token = createPersonTokenizer(DEV_FEDERATION_SECRET);
/** 杨帆, county legal aid centre of Yunmeng (420923). */
const county = demoPrincipal('legalaid');
const chengguan = testPrincipal('legalaid', { userId: 'chengguan.sfs', name: '城关司法所', jurisdiction: ['420923100'] });
const otherCounty = testPrincipal('legalaid', { userId: 'zhijiang.sf', name: '枝江司法局', jurisdiction: ['420583'] });
/** 周洁, the Yunmeng centre's window: grid staff take legal-aid applications too. */
const gridWindow = demoPrincipal('handler');

const LIST = `{ legalAidCases(first: 2) { totalCount nodes { caseCode } pageInfo { hasNextPage } } }`;
const START = `mutation($i: LegalAidMediationInput!, $k: String!) { startMediation(input: $i, idempotencyKey: $k) {
  caseCode origin { caseCode } links { reason matter { caseCode } } steps { step actor actorId } } }`;
const mediation = (over: Record<string, unknown> = {}) => ({
  title: '张伟与李强邻里纠纷调解',
  category: 'NEIGHBOUR',
  division: '420923100',
  committee: '城关镇东方社区人民调解委员会',
  mediator: '吴磊',
  parties: [{ role: 'APPLICANT', name: '张伟', idNumber: ID.zhang }, { role: 'RESPONDENT', name: '李强', idNumber: ID.li }],
  ...over,
});

describe('legalaid: jurisdiction', () => {
  let h: LegalAidHarness;
  beforeAll(async () => {
    h = await startLegalAid({ now: '2026-11-02T09:00:00+08:00', seedWorld: writeTinyLegalAidWorld });
  });
  afterAll(() => h.close());

  it('a user of another county: null by code and as an entity; lists and a person\'s cases empty, counting zero', async () => {
    const res = await h.gql(`{ legalAidCase(caseCode: "${CODES.legalAid}") { caseCode } legalAidCases { totalCount nodes { caseCode } } }`, {}, otherCounty);
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ legalAidCase: null, legalAidCases: { totalCount: 0, nodes: [] } });
    const reps = [{ __typename: 'Person', id: token(ID.zhang) }, { __typename: 'LegalAidCase', caseCode: CODES.legalAid }];
    const entities = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { legalAidCases { caseCode } } ... on LegalAidCase { caseCode } } }`;
    expect((await h.gql(entities, { r: reps }, otherCounty)).data?._entities).toEqual([{ legalAidCases: [] }, null]);
    expect((await h.gql(entities, { r: reps }, county)).data?._entities[1]).toEqual({ caseCode: CODES.legalAid });
  });

  it('a town-level user sees and counts only their town\'s cases', async () => {
    expect((await h.gql(LIST, {}, county)).data?.legalAidCases.totalCount).toBe(5);
    const town = await h.gql(LIST, {}, chengguan);
    expect(town.data?.legalAidCases).toMatchObject({ totalCount: 4, pageInfo: { hasNextPage: true } });
    expect(town.data?.legalAidCases.nodes.map((n: { caseCode: string }) => n.caseCode)).not.toContain(CODES.oldAgreement);
    const li = await h.gql(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { legalAidCases { caseCode } } } }`, { r: [{ __typename: 'Person', id: token(ID.li) }] }, chengguan);
    expect(li.data?._entities).toEqual([{ legalAidCases: [] }]);
  });

  it('a visible case naming one of ours outside shows that link as null, not as an error', async () => {
    // The county opens a mediation in 城关镇 arising from 义堂镇's old agreement.
    const started = await h.gql(START, { i: mediation({ origin: CODES.oldAgreement }), k: 'county-follow-up' }, county);
    expect(started.errors).toBeUndefined();
    const code = started.data?.startMediation.caseCode;
    expect(started.data?.startMediation).toMatchObject({ origin: { caseCode: CODES.oldAgreement }, links: [{ reason: 'ORIGIN', matter: { caseCode: CODES.oldAgreement } }] });
    const seen = await h.gql(`{ legalAidCase(caseCode: "${code}") { origin { caseCode } links { reason matter { caseCode } } } }`, {}, chengguan);
    expect(seen.errors).toBeUndefined();
    expect(seen.data?.legalAidCase).toEqual({ origin: null, links: [{ reason: 'ORIGIN', matter: null }] });
  });

  it('a step on a case outside is NOT_FOUND; a case in a town outside is FORBIDDEN; the actor is recorded by name and id', async () => {
    const fail = await h.gql(`mutation { recordMediationFailure(caseCode: "${CODES.oldAgreement}", reason: "x") { status } }`, {}, chengguan);
    expect(fail.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    // An origin of ours outside the jurisdiction is as unknown as a missing one.
    const followUp = await h.gql(START, { i: mediation({ origin: CODES.oldAgreement }), k: 'town-follow-up' }, chengguan);
    expect(followUp.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const outside = await h.gql(START, { i: mediation({ division: '420923101', committee: '义堂镇人民调解委员会' }), k: 'town-outside' }, chengguan);
    expect(outside.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', argumentName: 'division' });
    const inside = await h.gql(START, { i: mediation(), k: 'grid-window' }, gridWindow);
    expect(inside.errors).toBeUndefined();
    expect(inside.data?.startMediation.steps).toEqual([{ step: 'APPLY', actor: '周洁', actorId: 'zhou.jie' }]);
  });
});
