import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../../../subgraphs/courts/app.ts';
import { type SubgraphHarness, startSubgraph } from '../../../support/subgraphApp.ts';
import { CODES, ID, writeTinyCourtsWorld } from '../../../support/tinyCourtsWorld.ts';

const NOW = '2026-11-02T09:00:00+08:00';
const FIELDS = `caseCode caseNumber status procedure court { code name level } receivedAt filingDueAt filingOverdue filedAt dueAt
  latestAllowedDueAt overdue outcome closedAt judge steps { step actor note }`;
const RECEIVE = `mutation($input: CourtCaseReceiptInput!, $key: String!) { receiveCourtCase(input: $input, idempotencyKey: $key) { ${FIELDS} parties { role displayName person { id } } } }`;

const suit = (over: Record<string, unknown> = {}) => ({
  procedure: 'SIMPLIFIED',
  category: 'CONTRACT_DEBT',
  title: '张伟与李强民间借贷纠纷',
  causeOfAction: '民间借贷纠纷',
  claimAmount: 30000,
  division: '420923100',
  parties: [
    { role: 'PLAINTIFF', name: '张伟', idNumber: ID.zhang },
    { role: 'DEFENDANT', name: '李强', idNumber: ID.li },
    { role: 'AGENT', name: '王律师', firm: '湖北某律师事务所' },
  ],
  ...over,
});

describe('courts: the case cycle', () => {
  let courts: SubgraphHarness;
  beforeAll(async () => {
    courts = await startSubgraph('courts', build, { now: NOW, seedWorld: writeTinyCourtsWorld });
  });
  afterAll(() => courts.close());

  const receive = async (over: Record<string, unknown>, key: string, actor = '立案庭 周洁') =>
    courts.gql(RECEIVE, { input: suit(over), key }, actor);
  const mutate = async (mutation: string, caseCode: string, args = '', actor = '陈法官') =>
    courts.gql(`mutation($c: ID!) { ${mutation}(caseCode: $c${args}) { ${FIELDS} hearings { at kind place scheduledAt } limitExtensions { days approval reason } } }`, { c: caseCode }, actor);

  it('receives a suit at the county court with a new code, the 7-day filing decision and who received it', async () => {
    const res = await receive({}, 'receipt-1');
    expect(res.errors).toBeUndefined();
    const c = res.data?.receiveCourtCase;
    // The tiny world used 000001..000010 of 420923-FY-2026: the allocator continues after them.
    expect(c).toMatchObject({
      caseCode: '420923-FY-2026-000011',
      caseNumber: null,
      status: 'RECEIVED',
      procedure: 'SIMPLIFIED',
      court: { code: '鄂0923', name: '云梦县人民法院', level: 'BASIC' },
      receivedAt: '2026-11-02T01:00:00.000Z',
      filingDueAt: '2026-11-09T15:59:59.000Z', // art 126: seven days, to the end of the local day
      dueAt: '2026-11-09T15:59:59.000Z',
      filingOverdue: false,
      overdue: false,
      steps: [{ step: 'RECEIVE', actor: '立案庭 周洁', note: null }],
    });
    expect(c.parties.map((p: { role: string; person: unknown }) => [p.role, p.person !== null])).toEqual([
      ['PLAINTIFF', true],
      ['DEFENDANT', true],
      ['AGENT', false],
    ]);
  });

  it('makes one case for a retried receipt, and refuses the key for a different one', async () => {
    expect((await receive({}, 'receipt-1')).data?.receiveCourtCase.caseCode).toBe('420923-FY-2026-000011');
    expect((await receive({ title: '另一件' }, 'receipt-1')).errors?.[0]?.extensions?.code).toBe('IDEMPOTENCY_CONFLICT');
    const list = await courts.gql(`{ courtCases(filter: { status: RECEIVED }) { totalCount nodes { caseCode } } }`);
    expect(list.data?.courtCases).toEqual({ totalCount: 2, nodes: [{ caseCode: '420923-FY-2026-000011' }, { caseCode: CODES.received }] });
  });

  it('refuses bad receipts with their codes', async () => {
    const bad = async (over: Record<string, unknown>, key: string) => (await receive(over, key)).errors?.[0]?.extensions;
    expect(await bad({ parties: [{ role: 'PLAINTIFF', name: '甲', idNumber: '420923198503161234' }, { role: 'DEFENDANT', name: '乙' }] }, 'k1')).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'CHECK_CHARACTER',
    });
    expect(await bad({ parties: [{ role: 'PLAINTIFF', name: '甲' }] }, 'k2')).toMatchObject({ code: 'BAD_USER_INPUT', role: 'DEFENDANT' });
    expect(await bad({ parties: [{ role: 'APPELLANT', name: '甲' }, { role: 'DEFENDANT', name: '乙' }] }, 'k3')).toMatchObject({ code: 'BAD_USER_INPUT', role: 'APPELLANT' });
    expect(await bad({ division: '999999999' }, 'k4')).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'division' });
    expect(await bad({ procedure: 'SECOND_INSTANCE' }, 'k5')).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'procedure' });
    expect(await bad({ procedure: 'SMALL_CLAIMS', claimAmount: null }, 'k6')).toMatchObject({ code: 'RULE_VIOLATION', rule: 'SMALL_CLAIMS_MONEY' });
    expect(await bad({ origin: '420923-XX-2026-000001' }, 'k7')).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'origin' });
    expect(await bad({ confirms: CODES.mediation }, 'k8')).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'confirms' });
  });

  it('files the case: the case number, the procedure chosen at filing and its limit', async () => {
    const code = '420923-FY-2026-000011';
    const filed = await mutate('fileCourtCase', code, ', judge: "陈法官", procedure: ORDINARY');
    expect(filed.errors).toBeUndefined();
    expect(filed.data?.fileCourtCase).toMatchObject({
      status: 'FILED',
      procedure: 'ORDINARY',
      // The tiny world's 民初 numbers of 2026 end at 5.
      caseNumber: '（2026）鄂0923民初6号',
      judge: '陈法官',
      filedAt: '2026-11-02T01:00:00.000Z',
      dueAt: '2027-05-02T15:59:59.000Z', // six months (art 152)
      latestAllowedDueAt: '2027-11-02T15:59:59.000Z', // plus six by the president
      filingOverdue: false,
      steps: [
        { step: 'RECEIVE', actor: '立案庭 周洁', note: null },
        { step: 'FILE', actor: '陈法官', note: '（2026）鄂0923民初6号' },
      ],
    });
    expect((await mutate('fileCourtCase', code)).errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_TRANSITION', step: 'FILE', status: 'FILED' });
    expect((await mutate('refuseCourtCaseFiling', code, ', reason: "不符合起诉条件"')).errors?.[0]?.extensions).toMatchObject({
      code: 'INVALID_TRANSITION',
      step: 'REFUSE_FILING',
    });
  });

  it.each([
    ['SMALL_CLAIMS', '2027-01-02T15:59:59.000Z', '2027-02-02T15:59:59.000Z'],
    ['SIMPLIFIED', '2027-02-02T15:59:59.000Z', '2027-03-02T15:59:59.000Z'],
    ['ORDINARY', '2027-05-02T15:59:59.000Z', '2027-11-02T15:59:59.000Z'],
  ])('files a %s case with its limit %s', async (procedure, dueAt, latest) => {
    const received = await receive({ procedure, title: `${procedure} 期限` }, `limit-${procedure}`);
    const filed = await mutate('fileCourtCase', received.data?.receiveCourtCase.caseCode);
    expect(filed.data?.fileCourtCase).toMatchObject({ procedure, status: 'FILED', dueAt, latestAllowedDueAt: latest });
  });

  it('registers a pre-suit mediation on receipt with its 民诉前调 number and 30 days', async () => {
    const res = await courts.gql(RECEIVE, {
      input: suit({ procedure: 'PRE_SUIT_MEDIATION', parties: [{ role: 'APPLICANT', name: '张伟', idNumber: ID.zhang }, { role: 'RESPONDENT', name: '李强' }] }),
      key: 'pre-suit-1',
    });
    expect(res.data?.receiveCourtCase).toMatchObject({
      status: 'FILED',
      caseNumber: '（2026）鄂0923民诉前调2号',
      filedAt: '2026-11-02T01:00:00.000Z',
      dueAt: '2026-12-02T15:59:59.000Z',
      latestAllowedDueAt: null,
      steps: [{ step: 'RECEIVE' }, { step: 'FILE', note: '（2026）鄂0923民诉前调2号' }],
    });
    const code = res.data?.receiveCourtCase.caseCode;
    expect((await mutate('fileCourtCase', code)).errors?.[0]?.extensions?.code).toBe('INVALID_TRANSITION');
    const byPresident = await mutate('extendCourtCaseLimit', code, ', days: 15, reason: "双方同意继续调解", approval: COURT_PRESIDENT');
    expect(byPresident.errors?.[0]?.extensions).toMatchObject({ code: 'RULE_VIOLATION', rule: 'EXTENSION_APPROVAL' });
    const byConsent = await mutate('extendCourtCaseLimit', code, ', days: 15, reason: "双方同意继续调解"');
    expect(byConsent.data?.extendCourtCaseLimit).toMatchObject({
      dueAt: '2026-12-17T15:59:59.000Z',
      limitExtensions: [{ days: 15, approval: 'PARTIES_CONSENT', reason: '双方同意继续调解' }],
    });
    const closed = await mutate('closeCourtCase', code, ', outcome: MEDIATION_FAILED, note: "被申请人拒绝调解"');
    expect(closed.data?.closeCourtCase).toMatchObject({ status: 'CLOSED', outcome: 'MEDIATION_FAILED' });
    const summary = await courts.gql(`{ courtCase(caseCode: "${code}") { status outcome closedAt } }`);
    expect(summary.data?.courtCase).toEqual({ status: 'CLOSED', outcome: 'MEDIATION_FAILED', closedAt: '2026-11-02T01:00:00.000Z' });
  });

  it('extends a simplified case by at most one month in total, recomputing dueAt', async () => {
    const received = await receive({ title: '简易程序延长' }, 'extend-simplified');
    const code = received.data?.receiveCourtCase.caseCode;
    await mutate('fileCourtCase', code);
    const first = await mutate('extendCourtCaseLimit', code, ', days: 20, reason: "需要鉴定"', '院长');
    expect(first.data?.extendCourtCaseLimit).toMatchObject({
      dueAt: '2027-02-22T15:59:59.000Z',
      limitExtensions: [{ days: 20, approval: 'COURT_PRESIDENT' }],
      steps: [{ step: 'RECEIVE' }, { step: 'FILE' }, { step: 'EXTEND_LIMIT', actor: '院长', note: '+20 COURT_PRESIDENT: 需要鉴定' }],
    });
    const beyond = await mutate('extendCourtCaseLimit', code, ', days: 9, reason: "再延长"');
    expect(beyond.errors?.[0]?.extensions).toMatchObject({ code: 'RULE_VIOLATION', rule: 'EXTENSION_CAP', maxDays: 8 });
    const rest = await mutate('extendCourtCaseLimit', code, ', days: 8, reason: "再延长"');
    expect(rest.data?.extendCourtCaseLimit.dueAt).toBe('2027-03-02T15:59:59.000Z');

    courts.clock.set('2027-03-03T09:00:00+08:00');
    const late = await courts.gql(`{ courtCase(caseCode: "${code}") { overdue } courtCases(filter: { overdueOnly: true }) { nodes { caseCode } } }`);
    expect(late.data?.courtCase.overdue).toBe(true);
    expect(late.data?.courtCases.nodes.map((n: { caseCode: string }) => n.caseCode)).toContain(code);
    expect((await mutate('extendCourtCaseLimit', code, ', days: 1, reason: "超期后"')).errors?.[0]?.extensions).toMatchObject({ rule: 'LIMIT_EXPIRED' });
    courts.clock.set(NOW);
  });

  it('extends an ordinary case past six months only with the higher court', async () => {
    const received = await receive({ procedure: 'ORDINARY', title: '普通程序延长' }, 'extend-ordinary');
    const code = received.data?.receiveCourtCase.caseCode;
    await mutate('fileCourtCase', code);
    expect((await mutate('extendCourtCaseLimit', code, ', days: 184, reason: "案情复杂"')).data?.extendCourtCaseLimit.dueAt).toBe('2027-11-02T15:59:59.000Z');
    expect((await mutate('extendCourtCaseLimit', code, ', days: 30, reason: "仍需延长"')).errors?.[0]?.extensions).toMatchObject({ rule: 'EXTENSION_CAP' });
    const higher = await mutate('extendCourtCaseLimit', code, ', days: 30, reason: "仍需延长", approval: HIGHER_COURT');
    expect(higher.data?.extendCourtCaseLimit.dueAt).toBe('2027-12-02T15:59:59.000Z');
  });

  it('schedules hearings ahead, with three days’ notice of an ordinary trial', async () => {
    const code = CODES.pending;
    expect((await mutate('scheduleHearing', code, ', at: "2026-11-04T09:30:00+08:00", kind: TRIAL, place: "第一审判庭"')).errors?.[0]?.extensions).toMatchObject({
      code: 'RULE_VIOLATION',
      rule: 'TRIAL_NOTICE',
    });
    expect((await mutate('scheduleHearing', code, ', at: "2026-11-01T09:30:00+08:00", kind: MEDIATION, place: "调解室"')).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const ok = await mutate('scheduleHearing', code, ', at: "2026-11-10T09:30:00+08:00", kind: CIRCUIT_TRIAL, place: "城关镇综治中心巡回审判点"', '书记员');
    expect(ok.data?.scheduleHearing.hearings).toEqual([
      { at: '2026-07-01T01:30:00.000Z', kind: 'PRE_TRIAL', place: '第一审判庭', scheduledAt: null },
      { at: '2026-09-01T01:30:00.000Z', kind: 'TRIAL', place: '第一审判庭', scheduledAt: null },
      { at: '2026-11-10T01:30:00.000Z', kind: 'CIRCUIT_TRIAL', place: '城关镇综治中心巡回审判点', scheduledAt: '2026-11-02T01:00:00.000Z' },
    ]);
    expect(ok.data?.scheduleHearing.steps.at(-1)).toMatchObject({ step: 'SCHEDULE_HEARING', actor: '书记员' });
    expect((await mutate('scheduleHearing', CODES.received, ', at: "2026-11-10T09:30:00+08:00", kind: TRIAL, place: "第一审判庭"')).errors?.[0]?.extensions).toMatchObject({
      code: 'INVALID_TRANSITION',
      step: 'SCHEDULE_HEARING',
      status: 'RECEIVED',
    });
  });

  it('closes with an outcome the procedure allows, once', async () => {
    expect((await mutate('closeCourtCase', CODES.received, ', outcome: JUDGMENT')).errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_TRANSITION', status: 'RECEIVED' });
    expect((await mutate('closeCourtCase', CODES.pending, ', outcome: CONFIRMED')).errors?.[0]?.extensions).toMatchObject({
      code: 'RULE_VIOLATION',
      rule: 'OUTCOME_NOT_FOR_PROCEDURE',
    });
    const closed = await mutate('closeCourtCase', CODES.pending, ', outcome: MEDIATED, note: "双方达成调解协议"');
    expect(closed.data?.closeCourtCase).toMatchObject({ status: 'CLOSED', outcome: 'MEDIATED', closedAt: '2026-11-02T01:00:00.000Z', overdue: false });
    expect((await mutate('closeCourtCase', CODES.pending, ', outcome: JUDGMENT')).errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_TRANSITION', status: 'CLOSED' });
    expect((await mutate('extendCourtCaseLimit', CODES.pending, ', days: 5, reason: "x"')).errors?.[0]?.extensions?.code).toBe('INVALID_TRANSITION');
  });

  it('shows an overdue filing decision, and refuses filing with a reason', async () => {
    const before = await courts.gql(`{ courtCase(caseCode: "${CODES.received}") { filingDueAt filingOverdue overdue } }`);
    expect(before.data?.courtCase).toEqual({ filingDueAt: '2026-10-27T15:59:59.000Z', filingOverdue: true, overdue: true });
    expect((await mutate('refuseCourtCaseFiling', CODES.received, ', reason: " "')).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const refused = await courts.gql(`mutation { refuseCourtCaseFiling(caseCode: "${CODES.received}", reason: "不属于人民法院受理范围") { status refusalReason closedAt caseNumber } }`);
    expect(refused.data?.refuseCourtCaseFiling).toEqual({ status: 'NOT_FILED', refusalReason: '不属于人民法院受理范围', closedAt: '2026-11-02T01:00:00.000Z', caseNumber: null });
    expect((await mutate('fileCourtCase', CODES.received)).errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_TRANSITION', status: 'NOT_FILED' });
  });

  it('answers a missing case with NOT_FOUND or null', async () => {
    expect((await mutate('fileCourtCase', '420923-FY-2026-009999')).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await courts.gql(`{ courtCase(caseCode: "420923-FY-2026-009999") { caseCode } }`)).data?.courtCase).toBeNull();
  });

  it('lists by court, procedure, division and status, newest first, in pages', async () => {
    const appeals = await courts.gql(`{ courtCases(filter: { court: "鄂09" }) { totalCount nodes { caseCode court { name } } } }`);
    expect(appeals.data?.courtCases).toEqual({ totalCount: 1, nodes: [{ caseCode: CODES.appeal, court: { name: '孝感市中级人民法院' } }] });
    const town = await courts.gql(`{ courtCases(filter: { division: "420923101" }) { totalCount } }`);
    expect(town.data?.courtCases.totalCount).toBe(1);
    const first = await courts.gql(`{ courtCases(filter: { division: "420900", procedure: ORDINARY }, first: 2) { totalCount nodes { caseCode } pageInfo { hasNextPage endCursor } } }`);
    const all = first.data?.courtCases;
    expect(all.nodes).toHaveLength(2);
    expect(all.pageInfo.hasNextPage).toBe(true);
    const rest = await courts.gql(`query($a: String) { courtCases(filter: { division: "420900", procedure: ORDINARY }, first: 100, after: $a) { nodes { caseCode } pageInfo { hasNextPage } } }`, {
      a: all.pageInfo.endCursor,
    });
    expect(rest.data?.courtCases.nodes).toHaveLength(all.totalCount - 2);
    expect(rest.data?.courtCases.pageInfo.hasNextPage).toBe(false);
    expect((await courts.gql(`{ courtCases(after: "nonsense") { totalCount } }`)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
  it('answers each of several steps in one operation with the state after that step', async () => {
    const received = await receive({}, 'receipt-multi');
    const c: string = received.data?.receiveCourtCase.caseCode;
    const both = await courts.gql(
      `mutation($c: ID!) {
        a: fileCourtCase(caseCode: $c, judge: "陈法官") { status hearings { place } }
        b: scheduleHearing(caseCode: $c, at: "2026-11-20T09:00:00+08:00", kind: MEDIATION, place: "第一审判庭") { status hearings { place } }
      }`,
      { c },
      '陈法官',
    );
    expect(both.errors).toBeUndefined();
    expect(both.data).toEqual({ a: { status: 'FILED', hearings: [] }, b: { status: 'FILED', hearings: [{ place: '第一审判庭' }] } });
  });
});
