import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY_MS } from '../../../../subgraphs/shared/clock.ts';
import { type LegalAidHarness, startLegalAid } from '../../../support/legalaidApp.ts';
import { ID, writeTinyLegalAidWorld } from '../../../support/tinyLegalAidWorld.ts';

const CASE = `caseCode kind status dueAt overdue closedAt appliedAt steps { step actor note }
  legalAid { matter decisionDueAt decidedAt decision refusalReason provisional limitationDeadline meansTestWaived
    monthlyIncomeYuan householdSize meansTestResult assignmentDueAt assignedAt lawyer { name firm licenceNumber } }`;
const APPLY = `mutation($input: LegalAidApplicationInput!, $key: String!) { applyForLegalAid(input: $input, idempotencyKey: $key) { ${CASE} } }`;
const DECIDE = `mutation($c: ID!, $granted: Boolean!, $reason: String) { decideLegalAid(caseCode: $c, granted: $granted, reason: $reason) { ${CASE} } }`;
const ASSIGN = `mutation($c: ID!) { assignLawyer(caseCode: $c, lawyer: { name: "周律", firm: "湖北云梦律师事务所", licenceNumber: "14209201810123456" }) { ${CASE} } }`;

const application = (over: Record<string, unknown> = {}) => ({
  title: '张伟追索劳动报酬法律援助',
  category: 'CONTRACT_DEBT',
  division: '420923100',
  organization: '云梦县法律援助中心',
  matter: '民事诉讼代理',
  parties: [
    { role: 'APPLICANT', name: '张伟', idNumber: ID.zhang, phone: '13800001234' },
    { role: 'RESPONDENT', name: '云梦县某建材有限公司', creditCode: '91420923MA4F000001' },
  ],
  monthlyIncomeYuan: 3000,
  householdSize: 3,
  ...over,
});

describe('legalaid: legal aid applications (法律援助法 arts 41-44)', () => {
  let h: LegalAidHarness;
  beforeAll(async () => {
    h = await startLegalAid({ now: '2026-11-02T09:00:00+08:00', seedWorld: writeTinyLegalAidWorld });
  });
  afterAll(() => h.close());

  it('takes in an application with a new code, the 7-day decision limit and the means test', async () => {
    const res = await h.gql(APPLY, { input: application(), key: 'aid-1' }, '窗口员');
    expect(res.errors).toBeUndefined();
    const c = res.data?.applyForLegalAid;
    // The tiny world used 000001..000005: the allocator continues after them.
    expect(c.caseCode).toBe('420923-SF-2026-000006');
    expect(c).toMatchObject({ kind: 'LEGAL_AID', status: 'APPLIED', overdue: false, closedAt: null, appliedAt: '2026-11-02T01:00:00.000Z' });
    // Seven local days after 11-02, to the end of the last one.
    expect(c.dueAt).toBe('2026-11-09T15:59:59.000Z');
    expect(c.legalAid).toMatchObject({
      matter: '民事诉讼代理',
      decisionDueAt: '2026-11-09T15:59:59.000Z',
      decision: null,
      provisional: false,
      meansTestWaived: false,
      monthlyIncomeYuan: 3000,
      householdSize: 3,
      meansTestResult: 'PASSED', // 1,000 yuan a member, under the default 2,010
      lawyer: null,
    });
    expect(c.steps).toEqual([{ step: 'APPLY', actor: '窗口员', note: null }]);
  });

  it('makes one case for a retried application and refuses the key for a different one', async () => {
    const again = await h.gql(APPLY, { input: application(), key: 'aid-1' });
    expect(again.data?.applyForLegalAid.caseCode).toBe('420923-SF-2026-000006');
    const other = await h.gql(APPLY, { input: application({ title: '另一件' }), key: 'aid-1' });
    expect(other.errors?.[0]?.extensions?.code).toBe('IDEMPOTENCY_CONFLICT');
    expect(h.outbox('420923-SF-2026-000006')).toHaveLength(1);
  });

  it('fails the means test above the local standard and waives it for a migrant worker\'s wage claim (art 42)', async () => {
    const rich = await h.gql(APPLY, { input: application({ monthlyIncomeYuan: 9000, householdSize: 2 }), key: 'aid-rich' });
    expect(rich.data?.applyForLegalAid.legalAid.meansTestResult).toBe('FAILED');
    const wage = await h.gql(APPLY, {
      input: application({ category: 'LABOUR_WAGE', migrantWorkerWageClaim: true, monthlyIncomeYuan: null, householdSize: null }),
      key: 'aid-wage',
    });
    expect(wage.data?.applyForLegalAid.legalAid).toMatchObject({ meansTestWaived: true, meansTestResult: 'WAIVED', monthlyIncomeYuan: null });
    const notWage = await h.gql(APPLY, { input: application({ migrantWorkerWageClaim: true }), key: 'aid-not-wage' });
    expect(notWage.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'category' });
  });

  it('refuses bad application input with BAD_USER_INPUT', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ parties: [{ role: 'APPLICANT', name: '甲', idNumber: '420923198503161234' }] }, 'bad ID number'],
      [{ parties: [{ role: 'RESPONDENT', name: '乙' }] }, 'no applicant'],
      [{ parties: [{ role: 'APPLICANT', name: '某公司', creditCode: '91420923MA4F000001' }] }, 'an organization applies'],
      [{ division: '999999999' }, 'unknown town'],
      [{ householdSize: null }, 'income without household'],
      [{ householdSize: 0 }, 'empty household'],
      [{ origin: '420923-XX-2026-000001' }, 'origin not a case code'],
      [{ provisional: true }, 'provisional without a deadline'],
      [{ limitationDeadline: '2026-11-01T09:00:00+08:00' }, 'deadline passed'],
    ];
    for (const [over, what] of cases) {
      const res = await h.gql(APPLY, { input: application(over), key: `bad-${what}` });
      expect(res.errors?.[0]?.extensions?.code, what).toBe('BAD_USER_INPUT');
    }
  });

  it('grants within 7 days, then gives 3 more days to assign the lawyer; the deadline ends with the assignment', async () => {
    const code = '420923-SF-2026-000006';
    h.clock.set('2026-11-04T10:00:00+08:00');
    const granted = await h.gql(DECIDE, { c: code, granted: true }, '审查员');
    expect(granted.errors).toBeUndefined();
    expect(granted.data?.decideLegalAid).toMatchObject({
      status: 'GRANTED',
      dueAt: '2026-11-07T15:59:59.000Z',
      legalAid: { decision: 'GRANTED', decidedAt: '2026-11-04T02:00:00.000Z', assignmentDueAt: '2026-11-07T15:59:59.000Z' },
    });
    const again = await h.gql(DECIDE, { c: code, granted: false, reason: '改变主意' });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_TRANSITION', step: 'REFUSE', status: 'GRANTED' });

    h.clock.set('2026-11-07T20:00:00+08:00'); // the last evening of the 3 days
    const assigned = await h.gql(ASSIGN, { c: code }, '指派员');
    expect(assigned.data?.assignLawyer).toMatchObject({
      status: 'LAWYER_ASSIGNED',
      dueAt: null,
      overdue: false,
      legalAid: { lawyer: { name: '周律', firm: '湖北云梦律师事务所', licenceNumber: '14209201810123456' }, assignedAt: '2026-11-07T12:00:00.000Z' },
    });
    expect((await h.gql(ASSIGN, { c: code })).errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_TRANSITION', step: 'ASSIGN_LAWYER', status: 'LAWYER_ASSIGNED' });

    const done = await h.gql(`mutation($c: ID!) { concludeLegalAid(caseCode: $c, result: "胜诉，已执行到位") { status closedAt steps { step actor } } }`, { c: code }, '周律');
    expect(done.data?.concludeLegalAid).toEqual({
      status: 'CLOSED',
      closedAt: '2026-11-07T12:00:00.000Z',
      steps: [
        { step: 'APPLY', actor: '窗口员' },
        { step: 'GRANT', actor: '审查员' },
        { step: 'ASSIGN_LAWYER', actor: '指派员' },
        { step: 'CONCLUDE', actor: '周律' },
      ],
    });
    expect(h.outbox(code).map((r) => [r.version, r.event.status, r.event.dueAt])).toEqual([
      [1, 'OPEN', '2026-11-09T15:59:59.000Z'],
      [2, 'IN_PROGRESS', '2026-11-07T15:59:59.000Z'],
      [3, 'IN_PROGRESS', null],
      [4, 'RESOLVED', null],
    ]);
  });

  it('refuses in writing: a refusal without a reason is BAD_USER_INPUT; with one the case closes as REFUSED', async () => {
    h.clock.set('2026-11-02T09:00:00+08:00');
    const code = (await h.gql(APPLY, { input: application(), key: 'aid-refuse' })).data?.applyForLegalAid.caseCode;
    for (const reason of [null, '   ']) {
      const res = await h.gql(DECIDE, { c: code, granted: false, reason });
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'reason' });
    }
    expect((await h.gql(ASSIGN, { c: code })).errors?.[0]?.extensions).toMatchObject({ code: 'RULE_VIOLATION', rule: 'PROVISIONAL_AID_ONLY' });
    const refused = await h.gql(DECIDE, { c: code, granted: false, reason: '申请事项不属于法律援助范围' });
    expect(refused.data?.decideLegalAid).toMatchObject({
      status: 'REFUSED',
      closedAt: '2026-11-02T01:00:00.000Z',
      dueAt: '2026-11-09T15:59:59.000Z', // a refusal keeps the decision deadline
      overdue: false,
      legalAid: { decision: 'REFUSED', refusalReason: '申请事项不属于法律援助范围' },
    });
    expect((await h.gql(ASSIGN, { c: code })).errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_TRANSITION', status: 'REFUSED' });
    expect(h.outbox(code).at(-1)?.event).toMatchObject({ version: 2, status: 'REFUSED', closedAt: '2026-11-02T01:00:00.000Z' });
  });

  it('shows an undecided application as overdue after its seventh day, and a late decision stays overdue', async () => {
    h.clock.set('2026-11-02T09:00:00+08:00');
    const code = (await h.gql(APPLY, { input: application(), key: 'aid-late' })).data?.applyForLegalAid.caseCode;
    h.clock.set('2026-11-09T23:59:00+08:00');
    expect((await h.gql(`{ legalAidCase(caseCode: "${code}") { overdue } }`)).data?.legalAidCase.overdue).toBe(false);
    h.clock.set('2026-11-10T00:00:01+08:00');
    expect((await h.gql(`{ legalAidCase(caseCode: "${code}") { overdue } }`)).data?.legalAidCase.overdue).toBe(true);
    const list = await h.gql(`{ legalAidCases(filter: { kind: LEGAL_AID, overdueOnly: true }) { totalCount nodes { caseCode } } }`);
    expect(list.data?.legalAidCases.nodes.map((n: { caseCode: string }) => n.caseCode)).toContain(code);
    const refusedLate = await h.gql(DECIDE, { c: code, granted: false, reason: '经审查不符合经济困难标准' });
    expect(refusedLate.data?.decideLegalAid).toMatchObject({ status: 'REFUSED', overdue: true });
  });

  it('gives provisional aid only when the limitation deadline is under 7 days away (art 44)', async () => {
    h.clock.set('2026-11-02T09:00:00+08:00');
    const sevenDays = new Date(Date.parse('2026-11-02T09:00:00+08:00') + 7 * DAY_MS).toISOString();
    const tooEarly = await h.gql(APPLY, { input: application({ provisional: true, limitationDeadline: sevenDays }), key: 'aid-prov-7' });
    expect(tooEarly.errors?.[0]?.extensions).toMatchObject({ code: 'RULE_VIOLATION', rule: 'PROVISIONAL_AID_DEADLINE' });

    const res = await h.gql(APPLY, { input: application({ provisional: true, limitationDeadline: '2026-11-08T17:00:00+08:00' }), key: 'aid-prov-6' });
    expect(res.errors).toBeUndefined();
    const code = res.data?.applyForLegalAid.caseCode;
    expect(res.data?.applyForLegalAid.legalAid).toMatchObject({ provisional: true, limitationDeadline: '2026-11-08T09:00:00.000Z' });

    // The lawyer goes to work before the decision; the decision deadline still runs.
    const assigned = await h.gql(ASSIGN, { c: code });
    expect(assigned.data?.assignLawyer).toMatchObject({ status: 'LAWYER_ASSIGNED', dueAt: '2026-11-09T15:59:59.000Z', legalAid: { decision: null } });
    expect((await h.gql(`mutation($c: ID!) { concludeLegalAid(caseCode: $c, result: "x") { status } }`, { c: code })).errors?.[0]?.extensions?.code).toBe(
      'INVALID_TRANSITION',
    );
    h.clock.set('2026-11-05T09:00:00+08:00');
    const granted = await h.gql(DECIDE, { c: code, granted: true });
    expect(granted.data?.decideLegalAid).toMatchObject({ status: 'LAWYER_ASSIGNED', dueAt: null, legalAid: { decision: 'GRANTED', assignmentDueAt: null } });
    expect((await h.gql(DECIDE, { c: code, granted: true })).errors?.[0]?.extensions?.code).toBe('INVALID_TRANSITION');
  });

  it('answers each of several mutations in one operation with the state after its own step', async () => {
    h.clock.set('2026-11-02T09:00:00+08:00');
    const code = (await h.gql(APPLY, { input: application(), key: 'aid-two-steps' })).data?.applyForLegalAid.caseCode;
    const res = await h.gql(
      `mutation($c: ID!) {
        a: decideLegalAid(caseCode: $c, granted: true) { status legalAid { lawyer { name } } }
        b: assignLawyer(caseCode: $c, lawyer: { name: "周律", firm: "湖北云梦律师事务所", licenceNumber: "14209201810123456" }) { status legalAid { lawyer { name } } }
      }`,
      { c: code },
    );
    expect(res.data).toEqual({ a: { status: 'GRANTED', legalAid: { lawyer: null } }, b: { status: 'LAWYER_ASSIGNED', legalAid: { lawyer: { name: '周律' } } } });
  });

  it('refuses steps of other kinds and unknown cases with their codes', async () => {
    const accept = await h.gql(`mutation { acceptArbitration(caseCode: "420923-SF-2026-000006", arbitrator: "孙仲") { status } }`);
    expect(accept.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_TRANSITION', step: 'ACCEPT', kind: 'LEGAL_AID' });
    const missing = await h.gql(DECIDE, { c: '420923-SF-2026-000999', granted: true });
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    h.clock.set('2026-11-02T09:00:00+08:00');
    const code = (await h.gql(APPLY, { input: application(), key: 'aid-licence' })).data?.applyForLegalAid.caseCode;
    await h.gql(DECIDE, { c: code, granted: true });
    const badLicence = await h.gql(`mutation($c: ID!) { assignLawyer(caseCode: $c, lawyer: { name: "周律", firm: "所", licenceNumber: "123" }) { status } }`, { c: code });
    expect(badLicence.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'licenceNumber' });
  });
});
