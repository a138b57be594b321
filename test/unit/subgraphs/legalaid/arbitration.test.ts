import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LegalAidHarness, startLegalAid } from '../../../support/legalaidApp.ts';
import { CODES, ID, writeTinyLegalAidWorld } from '../../../support/tinyLegalAidWorld.ts';

const CASE = `caseCode status dueAt closedAt overdue steps { step actor note }
  arbitration { commission arbitrator acceptanceDueAt acceptedAt awardDueAt extensionDays extensionReason award { at text amountYuan } withdrawnAt withdrawalReason }`;
const APPLY = `mutation($input: LegalAidArbitrationInput!, $key: String!) { applyForArbitration(input: $input, idempotencyKey: $key) { ${CASE} } }`;
const ACCEPT = `mutation($c: ID!) { acceptArbitration(caseCode: $c, arbitrator: "孙仲") { ${CASE} } }`;
const EXTEND = `mutation($c: ID!, $days: Int!, $reason: String!) { extendArbitration(caseCode: $c, days: $days, reason: $reason) { ${CASE} } }`;
const AWARD = `mutation($c: ID!) { issueArbitrationAward(caseCode: $c, text: "被申请人支付拖欠工资 18000 元", amountYuan: 18000) { ${CASE} } }`;
const WITHDRAW = `mutation($c: ID!) { withdrawArbitration(caseCode: $c, reason: "双方已和解") { ${CASE} } }`;

const input = (over: Record<string, unknown> = {}) => ({
  title: '张伟与某建材公司劳动报酬争议',
  category: 'LABOUR_WAGE',
  division: '420923100',
  commission: '云梦县劳动人事争议仲裁委员会',
  parties: [
    { role: 'APPLICANT', name: '张伟', idNumber: ID.zhang },
    { role: 'RESPONDENT', name: '云梦县某建材有限公司', creditCode: '91420923MA4F000001' },
  ],
  origin: '420923-ZZ-2026-000003',
  ...over,
});

describe('legalaid: labour arbitration (劳动争议调解仲裁法 arts 29, 43) and consultations', () => {
  let h: LegalAidHarness;
  beforeAll(async () => {
    h = await startLegalAid({ now: '2026-11-02T09:00:00+08:00', seedWorld: writeTinyLegalAidWorld });
  });
  afterAll(() => h.close());

  it('takes an application with 5 days to accept it', async () => {
    const res = await h.gql(APPLY, { input: input(), key: 'arb-1' });
    expect(res.errors).toBeUndefined();
    expect(res.data?.applyForArbitration).toMatchObject({
      caseCode: '420923-SF-2026-000006',
      status: 'APPLIED',
      dueAt: '2026-11-07T15:59:59.000Z',
      arbitration: { commission: '云梦县劳动人事争议仲裁委员会', arbitrator: null, acceptanceDueAt: '2026-11-07T15:59:59.000Z', acceptedAt: null, extensionDays: 0 },
    });
    const noApplicant = await h.gql(APPLY, { input: input({ parties: [{ role: 'RESPONDENT', name: '某公司' }] }), key: 'arb-bad' });
    expect(noApplicant.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'parties' });
    expect((await h.gql(AWARD, { c: '420923-SF-2026-000006' })).errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_TRANSITION', step: 'AWARD', status: 'APPLIED' });
  });

  it('accepts it and gives 45 days for the award', async () => {
    h.clock.set('2026-11-03T10:00:00+08:00');
    const res = await h.gql(ACCEPT, { c: '420923-SF-2026-000006' }, '立案员');
    expect(res.data?.acceptArbitration).toMatchObject({
      status: 'ARBITRATING',
      dueAt: '2026-12-18T15:59:59.000Z',
      arbitration: { arbitrator: '孙仲', acceptedAt: '2026-11-03T02:00:00.000Z', awardDueAt: '2026-12-18T15:59:59.000Z' },
    });
    expect((await h.gql(ACCEPT, { c: '420923-SF-2026-000006' })).errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_TRANSITION', step: 'ACCEPT', status: 'ARBITRATING' });
  });

  it('extends the award limit with a reason, by at most 15 days in all', async () => {
    const code = '420923-SF-2026-000006';
    expect((await h.gql(EXTEND, { c: code, days: 10, reason: '' })).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'reason' });
    expect((await h.gql(EXTEND, { c: code, days: 0, reason: '案情复杂' })).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'days' });
    expect((await h.gql(EXTEND, { c: code, days: 16, reason: '案情复杂' })).errors?.[0]?.extensions).toMatchObject({ code: 'RULE_VIOLATION', rule: 'ARBITRATION_EXTENSION_CAP' });
    const ten = await h.gql(EXTEND, { c: code, days: 10, reason: '案情复杂，需要鉴定' });
    expect(ten.data?.extendArbitration).toMatchObject({ dueAt: '2026-12-28T15:59:59.000Z', arbitration: { extensionDays: 10, awardDueAt: '2026-12-28T15:59:59.000Z', extensionReason: '案情复杂，需要鉴定' } });
    expect((await h.gql(EXTEND, { c: code, days: 6, reason: '再延' })).errors?.[0]?.extensions).toMatchObject({ code: 'RULE_VIOLATION', extensionDays: 10 });
    const five = await h.gql(EXTEND, { c: code, days: 5, reason: '当事人申请延期举证' });
    expect(five.data?.extendArbitration.arbitration).toMatchObject({ extensionDays: 15, awardDueAt: '2027-01-02T15:59:59.000Z' });
    expect((await h.gql(EXTEND, { c: code, days: 1, reason: '再延' })).errors?.[0]?.extensions?.code).toBe('RULE_VIOLATION');
  });

  it('refuses an extension once the limit has run out', async () => {
    // Imported: accepted 10-20, award due 12-04 10:00.
    h.clock.set('2026-12-04T10:01:00+08:00');
    const res = await h.gql(EXTEND, { c: CODES.arbitration, days: 5, reason: '案情复杂' });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'RULE_VIOLATION', rule: 'ARBITRATION_LIMIT_PASSED' });
    expect((await h.gql(`{ legalAidCase(caseCode: "${CODES.arbitration}") { overdue } }`)).data?.legalAidCase.overdue).toBe(true);
  });

  it('issues the award within the extended limit', async () => {
    h.clock.set('2026-12-30T15:00:00+08:00');
    const res = await h.gql(AWARD, { c: '420923-SF-2026-000006' }, '孙仲');
    expect(res.data?.issueArbitrationAward).toMatchObject({
      status: 'AWARDED',
      closedAt: '2026-12-30T07:00:00.000Z',
      overdue: false,
      arbitration: { award: { at: '2026-12-30T07:00:00.000Z', text: '被申请人支付拖欠工资 18000 元', amountYuan: 18000 } },
    });
    expect(res.data?.issueArbitrationAward.steps.map((s: { step: string }) => s.step)).toEqual(['APPLY', 'ACCEPT', 'EXTEND', 'EXTEND', 'AWARD']);
    expect((await h.gql(WITHDRAW, { c: '420923-SF-2026-000006' })).errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_TRANSITION', status: 'AWARDED' });
    expect(h.outbox('420923-SF-2026-000006').map((r) => [r.version, r.event.status])).toEqual([
      [1, 'OPEN'],
      [2, 'IN_PROGRESS'],
      [3, 'IN_PROGRESS'],
      [4, 'IN_PROGRESS'],
      [5, 'RESOLVED'],
    ]);
  });

  it('lets the applicant withdraw before or after acceptance', async () => {
    h.clock.set('2026-11-02T09:00:00+08:00');
    const code = (await h.gql(APPLY, { input: input({ title: '撤回的仲裁' }), key: 'arb-withdraw' })).data?.applyForArbitration.caseCode;
    const res = await h.gql(WITHDRAW, { c: code });
    expect(res.data?.withdrawArbitration).toMatchObject({ status: 'WITHDRAWN', closedAt: '2026-11-02T01:00:00.000Z', arbitration: { withdrawnAt: '2026-11-02T01:00:00.000Z', withdrawalReason: '双方已和解' } });
    expect((await h.gql(ACCEPT, { c: code })).errors?.[0]?.extensions?.code).toBe('INVALID_TRANSITION');
  });

  it('records consultations, answered on the spot or later', async () => {
    const RECORD = `mutation($input: LegalAidConsultationInput!, $key: String!) { recordConsultation(input: $input, idempotencyKey: $key) {
      caseCode title status closedAt dueAt consultation { question answer answeredAt } parties { role displayName person { id } } } }`;
    const base = { category: 'MARRIAGE_FAMILY', division: '420923100', organization: '云梦县公共法律服务中心', parties: [{ role: 'APPLICANT', name: '刘敏', idNumber: ID.wife }] };
    const onTheSpot = await h.gql(RECORD, { input: { ...base, question: '离婚后孩子抚养费怎么计算？', answer: '一般按月收入的百分之二十至三十计算。' }, key: 'con-1' });
    expect(onTheSpot.data?.recordConsultation).toMatchObject({
      title: '法律咨询：离婚后孩子抚养费怎么计算？',
      status: 'ANSWERED',
      closedAt: '2026-11-02T01:00:00.000Z',
      dueAt: null,
      consultation: { answer: '一般按月收入的百分之二十至三十计算。', answeredAt: '2026-11-02T01:00:00.000Z' },
    });
    const open = await h.gql(RECORD, { input: { ...base, title: '宅基地继承咨询', question: '农村宅基地能否继承？' }, key: 'con-2' });
    const code = open.data?.recordConsultation.caseCode;
    expect(open.data?.recordConsultation).toMatchObject({ title: '宅基地继承咨询', status: 'APPLIED', closedAt: null });
    const ANSWER = `mutation($c: ID!) { answerConsultation(caseCode: $c, answer: "宅基地使用权不能单独继承，房屋可以继承。") { status consultation { answer } } }`;
    expect((await h.gql(ANSWER, { c: code })).data?.answerConsultation).toEqual({ status: 'ANSWERED', consultation: { answer: '宅基地使用权不能单独继承，房屋可以继承。' } });
    expect((await h.gql(ANSWER, { c: code })).errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_TRANSITION', step: 'ANSWER', status: 'ANSWERED' });
  });
});
