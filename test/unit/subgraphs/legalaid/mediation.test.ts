import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LegalAidHarness, startLegalAid } from '../../../support/legalaidApp.ts';
import { CODES, ID, writeTinyLegalAidWorld } from '../../../support/tinyLegalAidWorld.ts';

const CASE = `caseCode status dueAt closedAt overdue origin { __typename caseCode } links { reason matter { __typename caseCode } }
  mediation { committee mediator labour mediationDueAt result failedAt failureReason confirmedAt confirmedBy { __typename caseCode }
    agreement { signedAt terms amountYuan confirmationDeadline confirmationWindowOpen } }`;
const START = `mutation($input: LegalAidMediationInput!, $key: String!) { startMediation(input: $input, idempotencyKey: $key) { ${CASE} } }`;
const AGREE = `mutation($c: ID!, $terms: String!, $amount: Float, $signedAt: DateTime) {
  recordMediationAgreement(caseCode: $c, terms: $terms, amountYuan: $amount, signedAt: $signedAt) { ${CASE} } }`;
const CONFIRM = `mutation($c: ID!, $court: ID!) { recordJudicialConfirmation(caseCode: $c, courtCaseCode: $court) { ${CASE} } }`;
const FAIL = `mutation($c: ID!, $reason: String!) { recordMediationFailure(caseCode: $c, reason: $reason) { ${CASE} } }`;
const ARBITRATE = `mutation($input: LegalAidArbitrationInput!, $key: String!) { applyForArbitration(input: $input, idempotencyKey: $key) {
  caseCode status dueAt origin { __typename caseCode } links { reason matter { caseCode } } } }`;

const mediation = (over: Record<string, unknown> = {}) => ({
  title: '张伟与李强邻里漏水纠纷调解',
  category: 'NEIGHBOUR',
  division: '420923100',
  committee: '城关镇东方社区人民调解委员会',
  mediator: '吴磊',
  parties: [
    { role: 'APPLICANT', name: '张伟', idNumber: ID.zhang },
    { role: 'RESPONDENT', name: '李强', idNumber: ID.li },
  ],
  ...over,
});
const arbitration = (origin: string) => ({
  title: '刘敏与某建材公司劳动报酬争议',
  category: 'LABOUR_WAGE',
  division: '420923100',
  commission: '云梦县劳动人事争议仲裁委员会',
  parties: [{ role: 'APPLICANT', name: '刘敏', idNumber: ID.wife }, { role: 'RESPONDENT', name: '云梦县某建材有限公司' }],
  origin,
});

describe('legalaid: people\'s mediation (人民调解法) and labour mediation', () => {
  let h: LegalAidHarness;
  beforeAll(async () => {
    h = await startLegalAid({ now: '2026-11-02T09:00:00+08:00', seedWorld: writeTinyLegalAidWorld });
  });
  afterAll(() => h.close());

  it('opens a mediation with the local 30-day limit, and labour mediation with 15 (劳动争议调解仲裁法 art 14)', async () => {
    const res = await h.gql(START, { input: mediation(), key: 'med-1' }, '吴磊');
    expect(res.errors).toBeUndefined();
    expect(res.data?.startMediation).toMatchObject({
      caseCode: '420923-SF-2026-000006',
      status: 'MEDIATING',
      dueAt: '2026-12-02T15:59:59.000Z',
      mediation: { committee: '城关镇东方社区人民调解委员会', mediator: '吴磊', labour: false, mediationDueAt: '2026-12-02T15:59:59.000Z', result: null, agreement: null },
    });
    const labour = await h.gql(START, { input: mediation({ category: 'LABOUR_WAGE', title: '欠薪调解' }), key: 'med-labour' });
    expect(labour.data?.startMediation).toMatchObject({ caseCode: '420923-SF-2026-000007', dueAt: '2026-11-17T15:59:59.000Z', mediation: { labour: true } });
  });

  it('records the agreement and opens the 30-day window for judicial confirmation (art 33)', async () => {
    h.clock.set('2026-11-05T10:00:00+08:00');
    const res = await h.gql(AGREE, { c: '420923-SF-2026-000006', terms: '李强赔偿张伟装修损失', amount: 3500 });
    expect(res.errors).toBeUndefined();
    expect(res.data?.recordMediationAgreement).toMatchObject({
      status: 'AGREEMENT_SIGNED',
      closedAt: '2026-11-05T02:00:00.000Z',
      mediation: {
        result: 'AGREEMENT',
        confirmedBy: null,
        agreement: {
          signedAt: '2026-11-05T02:00:00.000Z',
          terms: '李强赔偿张伟装修损失',
          amountYuan: 3500,
          confirmationDeadline: '2026-12-05T15:59:59.000Z',
          confirmationWindowOpen: true,
        },
      },
    });
    expect((await h.gql(AGREE, { c: '420923-SF-2026-000006', terms: '再签一次' })).errors?.[0]?.extensions).toMatchObject({
      code: 'INVALID_TRANSITION',
      step: 'SIGN_AGREEMENT',
      status: 'AGREEMENT_SIGNED',
    });
    const future = await h.gql(AGREE, { c: '420923-SF-2026-000007', terms: '未来签', signedAt: '2026-11-06T10:00:00+08:00' });
    expect(future.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'signedAt' });
  });

  it('links the court case that confirms the agreement, as a CourtCase reference', async () => {
    const code = '420923-SF-2026-000006';
    for (const court of ['420923-ZZ-2026-000001', 'not a code', '420923-FY-26-1']) {
      const bad = await h.gql(CONFIRM, { c: code, court });
      expect(bad.errors?.[0]?.extensions, court).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'courtCaseCode' });
    }
    h.clock.set('2026-12-05T23:00:00+08:00'); // the last day of the window
    const res = await h.gql(CONFIRM, { c: code, court: '420923-FY-2026-000042' }, '法院联络员');
    expect(res.errors).toBeUndefined();
    const c = res.data?.recordJudicialConfirmation;
    expect(c.status).toBe('AGREEMENT_SIGNED');
    expect(c.mediation.confirmedBy).toEqual({ __typename: 'CourtCase', caseCode: '420923-FY-2026-000042' });
    expect(c.mediation.confirmedAt).toBe('2026-12-05T15:00:00.000Z');
    expect(c.mediation.agreement.confirmationWindowOpen).toBe(false); // confirmed: nothing left to apply for
    expect(c.links).toEqual([{ reason: 'CONFIRMED_BY', matter: { __typename: 'CourtCase', caseCode: '420923-FY-2026-000042' } }]);
    expect(h.outbox(code).at(-1)?.event).toMatchObject({ version: 3, status: 'RESOLVED', links: [{ caseCode: '420923-FY-2026-000042', reason: 'CONFIRMED_BY' }] });
    const twice = await h.gql(CONFIRM, { c: code, court: '420923-FY-2026-000043' });
    expect(twice.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_TRANSITION', step: 'CONFIRM_AGREEMENT' });
  });

  it('refuses confirmation after the window has closed (RULE_VIOLATION)', async () => {
    // Imported: signed 08-10, window closed 09-09.
    const old = await h.gql(`{ legalAidCase(caseCode: "${CODES.oldAgreement}") { mediation { agreement { confirmationWindowOpen } } } }`);
    expect(old.data?.legalAidCase.mediation.agreement.confirmationWindowOpen).toBe(false);
    const res = await h.gql(CONFIRM, { c: CODES.oldAgreement, court: '420923-FY-2026-000050' });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'RULE_VIOLATION', rule: 'CONFIRMATION_WINDOW', confirmationDeadline: '2026-09-09T07:00:00.000Z' });

    h.clock.set('2026-11-02T09:00:00+08:00');
    const code = (await h.gql(START, { input: mediation({ title: '第二件' }), key: 'med-late' })).data?.startMediation.caseCode;
    await h.gql(AGREE, { c: code, terms: '双方和解' });
    h.clock.set('2026-12-02T23:59:59+08:00');
    expect((await h.gql(`{ legalAidCase(caseCode: "${code}") { mediation { agreement { confirmationWindowOpen } } } }`)).data?.legalAidCase.mediation.agreement.confirmationWindowOpen).toBe(true);
    h.clock.set('2026-12-03T00:00:01+08:00');
    expect((await h.gql(`{ legalAidCase(caseCode: "${code}") { mediation { agreement { confirmationWindowOpen } } } }`)).data?.legalAidCase.mediation.agreement.confirmationWindowOpen).toBe(false);
    expect((await h.gql(CONFIRM, { c: code, court: '420923-FY-2026-000051' })).errors?.[0]?.extensions?.code).toBe('RULE_VIOLATION');
  });

  it('records a failed mediation with its reason', async () => {
    h.clock.set('2026-11-02T09:00:00+08:00');
    const code = (await h.gql(START, { input: mediation({ title: '第三件' }), key: 'med-fail' })).data?.startMediation.caseCode;
    expect((await h.gql(FAIL, { c: code, reason: ' ' })).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'reason' });
    const res = await h.gql(FAIL, { c: code, reason: '被申请人拒绝调解' });
    expect(res.data?.recordMediationFailure).toMatchObject({
      status: 'MEDIATION_FAILED',
      closedAt: '2026-11-02T01:00:00.000Z',
      mediation: { result: 'FAILED', failedAt: '2026-11-02T01:00:00.000Z', failureReason: '被申请人拒绝调解' },
    });
    expect(h.outbox(code).at(-1)?.event.status).toBe('UNRESOLVED');
    expect((await h.gql(CONFIRM, { c: code, court: '420923-FY-2026-000052' })).errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_TRANSITION', status: 'MEDIATION_FAILED' });
  });

  it('sends a labour mediation to arbitration only after its 15 days (art 14), closing it as failed and linking both ways', async () => {
    h.clock.set('2026-11-10T09:00:00+08:00');
    const early = await h.gql(ARBITRATE, { input: arbitration('420923-SF-2026-000007'), key: 'arb-early' });
    expect(early.errors?.[0]?.extensions).toMatchObject({ code: 'RULE_VIOLATION', rule: 'LABOUR_MEDIATION_PENDING' });
    // Nothing of the refused attempt is left: no case, no number used, no event.
    expect(h.outbox('420923-SF-2026-000007')).toHaveLength(1);

    const lapsed = await h.gql(ARBITRATE, { input: arbitration(CODES.lapsedLabourMediation), key: 'arb-lapsed' }, '仲裁立案员');
    expect(lapsed.errors).toBeUndefined();
    const arb = lapsed.data?.applyForArbitration;
    expect(arb.caseCode).toBe('420923-SF-2026-000010'); // the refused attempt gave its number back
    expect(arb.origin).toEqual({ __typename: 'LegalAidCase', caseCode: CODES.lapsedLabourMediation });
    expect(arb.links).toEqual([{ reason: 'ORIGIN', matter: { caseCode: CODES.lapsedLabourMediation } }]);
    const med = await h.gql(`{ legalAidCase(caseCode: "${CODES.lapsedLabourMediation}") { ${CASE} steps { step actor note } } }`);
    expect(med.data?.legalAidCase).toMatchObject({
      status: 'MEDIATION_FAILED',
      closedAt: '2026-11-10T01:00:00.000Z',
      mediation: { result: 'FAILED', failureReason: expect.stringContaining('十五日') },
      links: [{ reason: 'FOLLOW_UP', matter: { __typename: 'LegalAidCase', caseCode: arb.caseCode } }],
    });
    expect(med.data?.legalAidCase.steps.slice(1)).toEqual([
      { step: 'FAIL_MEDIATION', actor: '仲裁立案员', note: expect.any(String) },
      { step: 'REFER', actor: '仲裁立案员', note: arb.caseCode },
    ]);
    expect(h.outbox(CODES.lapsedLabourMediation).map((r) => [r.version, r.event.status, r.event.links])).toEqual([
      [1, 'IN_PROGRESS', []],
      [2, 'TRANSFERRED', [{ caseCode: arb.caseCode, reason: 'FOLLOW_UP' }]],
    ]);

    h.clock.set('2026-11-18T00:00:01+08:00'); // the labour mediation opened 11-02 lapsed at the end of 11-17
    const later = await h.gql(ARBITRATE, { input: arbitration('420923-SF-2026-000007'), key: 'arb-later' });
    expect(later.errors).toBeUndefined();
  });
});
