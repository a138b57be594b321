import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PetitionsHarness, startPetitions } from '../../../support/petitionsApp.ts';
import { XF } from '../../../support/tinyPetitionsWorld.ts';
import { REGISTER, claimInput, ok, petition, register, step } from './petitionQueries.ts';

describe('petitions: the procedure of 信访工作条例 with its deadlines', () => {
  let p: PetitionsHarness;
  beforeAll(async () => {
    p = await startPetitions();
  });
  afterAll(() => p.close());

  it('runs register → forward → notice → extension → decision → review → second review → CLOSED, each deadline to the end of its local day', async () => {
    p.clock.set('2026-11-02T09:30:00+08:00');
    const registered = await register(p, {}, 'clerk-li');
    const code = registered.caseCode as string;
    expect(code).toBe('420923-XF-2026-000006'); // after the five imported codes
    expect(registered).toMatchObject({
      status: 'REGISTERED',
      registeredAt: '2026-11-02T01:30:00.000Z',
      // 15 days (art 22): to the end of 2026-11-17, China time.
      dueAt: '2026-11-17T15:59:59.000Z',
      deadlines: { forwardDueAt: '2026-11-17T15:59:59.000Z', acceptanceNoticeDueAt: null, handlingDueAt: null },
      closedAt: null,
      overdue: false,
      repeatCount: 0,
      repeatOf: null,
      collective: false,
    });

    p.clock.set('2026-11-05T10:00:00+08:00');
    const forwarded = await ok(p, 'forwardPetition', code, 'unit: "城关镇人民政府", mode: ASSIGN');
    expect(forwarded).toMatchObject({
      status: 'FORWARDED',
      handlingUnit: '城关镇人民政府',
      forwardMode: 'ASSIGN',
      forwardedAt: '2026-11-05T02:00:00.000Z',
      // Acceptance notice within 15 days of receipt (art 23).
      dueAt: '2026-11-20T15:59:59.000Z',
      deadlines: { acceptanceNoticeDueAt: '2026-11-20T15:59:59.000Z' },
    });

    p.clock.set('2026-11-10T10:00:00+08:00');
    const accepted = await ok(p, 'issueAcceptanceNotice', code, 'accepted: true');
    expect(accepted).toMatchObject({
      status: 'ACCEPTED',
      accepted: true,
      acceptanceNoticeAt: '2026-11-10T02:00:00.000Z',
      // 60 days from acceptance (art 34): 2027-01-09.
      dueAt: '2027-01-09T15:59:59.000Z',
      deadlines: { handlingDueAt: '2027-01-09T15:59:59.000Z' },
    });

    p.clock.set('2026-12-30T10:00:00+08:00');
    const extended = await ok(p, 'extendPetitionHandling', code, 'days: 20, reason: "需赴外地调查取证"');
    expect(extended).toMatchObject({
      status: 'ACCEPTED',
      extension: { grantedAt: '2026-12-30T02:00:00.000Z', days: 20, reason: '需赴外地调查取证' },
      dueAt: '2027-01-29T15:59:59.000Z',
      deadlines: { handlingDueAt: '2027-01-29T15:59:59.000Z' },
    });

    p.clock.set('2027-01-29T23:59:59+08:00');
    expect((await petition(p, code)).overdue).toBe(false);
    p.clock.set('2027-01-30T00:00:01+08:00');
    expect((await petition(p, code)).overdue).toBe(true);

    p.clock.set('2027-02-01T10:00:00+08:00');
    const decided = await ok(p, 'decidePetition', code, 'outcome: PARTLY_SUPPORTED, text: "补办宅基地证，其余诉求不予支持"');
    expect(decided).toMatchObject({
      status: 'DECIDED',
      decision: { decidedAt: '2027-02-01T02:00:00.000Z', outcome: 'PARTLY_SUPPORTED', text: '补办宅基地证，其余诉求不予支持' },
      closedAt: '2027-02-01T02:00:00.000Z',
      dueAt: '2027-01-29T15:59:59.000Z',
      // Answered after the (extended) limit: stays overdue.
      overdue: true,
      // The petitioner may ask for a review until 30 days after the decision (art 35).
      deadlines: { reviewRequestDeadline: '2027-03-03T15:59:59.000Z', reviewDueAt: null },
    });

    p.clock.set('2027-02-02T10:00:00+08:00');
    expect((await ok(p, 'ratePetition', code, 'rating: DISSATISFIED')).rating).toBe('DISSATISFIED');

    p.clock.set('2027-03-03T23:59:00+08:00');
    const inReview = await ok(p, 'requestPetitionReview', code, 'body: "云梦县人民政府"');
    expect(inReview).toMatchObject({
      status: 'IN_REVIEW',
      closedAt: null,
      review: { requestedAt: '2027-03-03T15:59:00.000Z', body: '云梦县人民政府', dueAt: '2027-04-02T15:59:59.000Z', decidedAt: null, outcome: null },
      dueAt: '2027-04-02T15:59:59.000Z',
      overdue: false,
    });

    p.clock.set('2027-03-20T10:00:00+08:00');
    const reviewed = await ok(p, 'answerPetitionReview', code, 'outcome: UPHELD, text: "维持原处理意见"');
    expect(reviewed).toMatchObject({
      status: 'REVIEWED',
      closedAt: '2027-03-20T02:00:00.000Z',
      review: { decidedAt: '2027-03-20T02:00:00.000Z', outcome: 'UPHELD', text: '维持原处理意见' },
      deadlines: { secondReviewRequestDeadline: '2027-04-19T15:59:59.000Z', secondReviewDueAt: null },
    });

    p.clock.set('2027-04-10T10:00:00+08:00');
    const inSecondReview = await ok(p, 'requestPetitionSecondReview', code, 'body: "孝感市人民政府"');
    expect(inSecondReview).toMatchObject({
      status: 'IN_SECOND_REVIEW',
      closedAt: null,
      secondReview: { requestedAt: '2027-04-10T02:00:00.000Z', body: '孝感市人民政府', dueAt: '2027-05-10T15:59:59.000Z' },
      dueAt: '2027-05-10T15:59:59.000Z',
    });

    p.clock.set('2027-05-01T10:00:00+08:00');
    const closed = await ok(p, 'answerPetitionSecondReview', code, 'outcome: REVISED, text: "变更处理意见"', 'director-zhou');
    expect(closed).toMatchObject({
      status: 'CLOSED',
      closedAt: '2027-05-01T02:00:00.000Z',
      dueAt: '2027-05-10T15:59:59.000Z',
      overdue: false,
      secondReview: { decidedAt: '2027-05-01T02:00:00.000Z', outcome: 'REVISED', text: '变更处理意见' },
    });
    // A rating after the final answer replaces the earlier one.
    expect((await ok(p, 'ratePetition', code, 'rating: BASICALLY_SATISFIED')).rating).toBe('BASICALLY_SATISFIED');

    const steps = (await petition(p, code)).steps as { step: string; actor: string; at: string }[];
    expect(steps.map((s) => `${s.step}:${s.actor}`)).toEqual([
      'REGISTER:clerk-li',
      'FORWARD:handler-wang',
      'ACCEPT:handler-wang',
      'EXTEND:handler-wang',
      'DECIDE:handler-wang',
      'RATE:handler-wang',
      'REQUEST_REVIEW:handler-wang',
      'ANSWER_REVIEW:handler-wang',
      'REQUEST_SECOND_REVIEW:handler-wang',
      'ANSWER_SECOND_REVIEW:director-zhou',
      'RATE:handler-wang',
    ]);
    expect(steps[3]).toMatchObject({ at: '2026-12-30T02:00:00.000Z' });

    // Closed by a second review: nothing but a rating is left to do.
    for (const [name, args] of [
      ['decidePetition', 'outcome: SUPPORTED, text: "x"'],
      ['requestPetitionSecondReview', 'body: "湖北省人民政府"'],
      ['forwardPetition', 'unit: "x"'],
    ] as const) {
      expect((await step(p, name, code, args)).errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_TRANSITION', status: 'CLOSED' });
    }

    // The same facts again: refused, naming the closed petition.
    p.clock.set('2027-05-20T10:00:00+08:00');
    const again = await p.gql(REGISTER, { input: claimInput({ subject: '宅基地确权' }), key: 'again-after-close' });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'ALREADY_CLOSED_FACTS', closedCaseCode: code });
    expect(again.errors?.[0]?.message).toContain(code);
  });

  it.each([
    ['issueAcceptanceNotice', 'accepted: true'],
    ['extendPetitionHandling', 'days: 10, reason: "复杂"'],
    ['decidePetition', 'outcome: SUPPORTED, text: "支持"'],
    ['requestPetitionReview', 'body: "云梦县人民政府"'],
    ['answerPetitionReview', 'outcome: UPHELD'],
    ['requestPetitionSecondReview', 'body: "孝感市人民政府"'],
    ['answerPetitionSecondReview', 'outcome: UPHELD'],
    ['ratePetition', 'rating: SATISFIED'],
  ])('refuses %s on a registered petition with INVALID_TRANSITION', async (name, args) => {
    p.clock.set('2026-11-03T09:00:00+08:00');
    const { caseCode } = await register(p, { subject: `未转送的事项 ${name}` });
    const res = await step(p, name, caseCode, args);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_TRANSITION', status: 'REGISTERED' });
    expect((await petition(p, caseCode)).status).toBe('REGISTERED');
  });

  it('refuses steps out of order on the way: a second forward, a decision before acceptance, a review answer before its request', async () => {
    p.clock.set('2026-11-03T09:00:00+08:00');
    const { caseCode } = await register(p, { subject: '顺序检查' });
    await ok(p, 'forwardPetition', caseCode, 'unit: "城关镇人民政府"');
    expect((await step(p, 'forwardPetition', caseCode, 'unit: "义堂镇人民政府"')).errors?.[0]?.extensions?.code).toBe('INVALID_TRANSITION');
    expect((await step(p, 'decidePetition', caseCode, 'outcome: SUPPORTED, text: "x"')).errors?.[0]?.extensions?.code).toBe('INVALID_TRANSITION');
    await ok(p, 'issueAcceptanceNotice', caseCode, 'accepted: true');
    expect((await step(p, 'issueAcceptanceNotice', caseCode, 'accepted: true')).errors?.[0]?.extensions?.code).toBe('INVALID_TRANSITION');
    await ok(p, 'decidePetition', caseCode, 'outcome: NOT_SUPPORTED, text: "不予支持"');
    expect((await step(p, 'answerPetitionReview', caseCode, 'outcome: UPHELD')).errors?.[0]?.extensions?.code).toBe('INVALID_TRANSITION');
    expect((await step(p, 'requestPetitionSecondReview', caseCode, 'body: "x"')).errors?.[0]?.extensions?.code).toBe('INVALID_TRANSITION');
    expect((await step(p, 'extendPetitionHandling', caseCode, 'days: 5, reason: "x"')).errors?.[0]?.extensions?.code).toBe('INVALID_TRANSITION');
  });

  it('refuses unknown petitions with NOT_FOUND and missing texts with BAD_USER_INPUT', async () => {
    expect((await step(p, 'forwardPetition', '420923-XF-2026-999999', 'unit: "x"')).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await p.gql(`{ petition(caseCode: "420923-XF-2026-999999") { caseCode } }`)).data?.petition).toBeNull();
    p.clock.set('2026-11-03T09:00:00+08:00');
    const { caseCode } = await register(p, { subject: '缺少理由' });
    expect((await step(p, 'forwardPetition', caseCode, 'unit: "  "')).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'unit' });
    await ok(p, 'forwardPetition', caseCode, 'unit: "城关镇人民政府"');
    await ok(p, 'issueAcceptanceNotice', caseCode, 'accepted: true');
    expect((await step(p, 'decidePetition', caseCode, 'outcome: SUPPORTED, text: ""')).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'text' });
    expect((await petition(p, caseCode)).status).toBe('ACCEPTED');
  });

  it('allows one extension of at most 30 days, with a reason, before the 60 days run out', async () => {
    p.clock.set('2026-11-10T10:00:00+08:00');
    const { caseCode } = await register(p, { subject: '延期规则' });
    await ok(p, 'forwardPetition', caseCode, 'unit: "城关镇人民政府"');
    await ok(p, 'issueAcceptanceNotice', caseCode, 'accepted: true');
    expect((await petition(p, caseCode)).deadlines.handlingDueAt).toBe('2027-01-09T15:59:59.000Z');

    expect((await step(p, 'extendPetitionHandling', caseCode, 'days: 31, reason: "复杂"')).errors?.[0]?.extensions).toMatchObject({
      code: 'RULE_VIOLATION',
      rule: 'EXTENSION_LIMIT',
      maxDays: 30,
    });
    expect((await step(p, 'extendPetitionHandling', caseCode, 'days: 0, reason: "复杂"')).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'days' });
    expect((await step(p, 'extendPetitionHandling', caseCode, 'days: 10, reason: " "')).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'reason' });

    const extended = await ok(p, 'extendPetitionHandling', caseCode, 'days: 30, reason: "涉及多个部门"');
    expect(extended.deadlines.handlingDueAt).toBe('2027-02-08T15:59:59.000Z');
    expect((await step(p, 'extendPetitionHandling', caseCode, 'days: 5, reason: "再延"')).errors?.[0]?.extensions).toMatchObject({
      code: 'RULE_VIOLATION',
      rule: 'ONE_EXTENSION',
    });
    expect((await petition(p, caseCode)).extension).toMatchObject({ days: 30, reason: '涉及多个部门' });

    // Another petition whose 60 days ran out: too late to extend.
    p.clock.set('2026-11-10T10:00:00+08:00');
    const late = await register(p, { subject: '逾期后延期' });
    await ok(p, 'forwardPetition', late.caseCode, 'unit: "城关镇人民政府"');
    await ok(p, 'issueAcceptanceNotice', late.caseCode, 'accepted: true');
    p.clock.set('2027-01-10T00:00:00+08:00');
    expect((await step(p, 'extendPetitionHandling', late.caseCode, 'days: 10, reason: "复杂"')).errors?.[0]?.extensions).toMatchObject({
      code: 'RULE_VIOLATION',
      rule: 'EXTENSION_BEFORE_DEADLINE',
      deadline: '2027-01-09T15:59:59.000Z',
    });
  });

  it('refuses a review or second review requested after its 30-day window with RULE_VIOLATION', async () => {
    p.clock.set('2027-06-01T10:00:00+08:00');
    const { caseCode } = await register(p, { subject: '复查期限' });
    await ok(p, 'forwardPetition', caseCode, 'unit: "城关镇人民政府"');
    await ok(p, 'issueAcceptanceNotice', caseCode, 'accepted: true');
    const decided = await ok(p, 'decidePetition', caseCode, 'outcome: NOT_SUPPORTED, text: "不予支持"');
    expect(decided.deadlines.reviewRequestDeadline).toBe('2027-07-01T15:59:59.000Z');

    p.clock.set('2027-07-02T00:00:00+08:00');
    const late = await step(p, 'requestPetitionReview', caseCode, 'body: "云梦县人民政府"');
    expect(late.errors?.[0]?.extensions).toMatchObject({ code: 'RULE_VIOLATION', rule: 'REQUEST_WINDOW', deadline: '2027-07-01T15:59:59.000Z' });
    expect((await petition(p, caseCode)).status).toBe('DECIDED');

    // In time for the review, late for the second review.
    p.clock.set('2027-06-01T10:00:00+08:00');
    const other = await register(p, { subject: '复核期限' });
    await ok(p, 'forwardPetition', other.caseCode, 'unit: "城关镇人民政府"');
    await ok(p, 'issueAcceptanceNotice', other.caseCode, 'accepted: true');
    await ok(p, 'decidePetition', other.caseCode, 'outcome: NOT_SUPPORTED, text: "不予支持"');
    p.clock.set('2027-07-01T23:59:59+08:00');
    await ok(p, 'requestPetitionReview', other.caseCode, 'body: "云梦县人民政府"');
    p.clock.set('2027-07-15T10:00:00+08:00');
    const reviewed = await ok(p, 'answerPetitionReview', other.caseCode, 'outcome: UPHELD');
    expect(reviewed.deadlines.secondReviewRequestDeadline).toBe('2027-08-14T15:59:59.000Z');
    p.clock.set('2027-08-15T00:00:00+08:00');
    expect((await step(p, 'requestPetitionSecondReview', other.caseCode, 'body: "孝感市人民政府"')).errors?.[0]?.extensions).toMatchObject({
      code: 'RULE_VIOLATION',
      rule: 'REQUEST_WINDOW',
      deadline: '2027-08-14T15:59:59.000Z',
    });
    expect((await petition(p, other.caseCode)).status).toBe('REVIEWED');
  });

  it('ends a petition not accepted, with its reason, and refuses handling it afterwards', async () => {
    p.clock.set('2026-11-03T09:00:00+08:00');
    const { caseCode } = await register(p, { subject: '不予受理' });
    await ok(p, 'forwardPetition', caseCode, 'unit: "城关镇人民政府"');
    p.clock.set('2026-11-19T09:00:00+08:00');
    expect((await step(p, 'issueAcceptanceNotice', caseCode, 'accepted: false')).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'reason' });
    const refused = await ok(p, 'issueAcceptanceNotice', caseCode, 'accepted: false, reason: "已进入诉讼程序"');
    expect(refused).toMatchObject({
      status: 'NOT_ACCEPTED',
      accepted: false,
      notAcceptedReason: '已进入诉讼程序',
      closedAt: '2026-11-19T01:00:00.000Z',
      // The notice was due 15 days after forwarding: 2026-11-18. It came a day late.
      dueAt: '2026-11-18T15:59:59.000Z',
      overdue: true,
    });
    expect((await step(p, 'decidePetition', caseCode, 'outcome: SUPPORTED, text: "x"')).errors?.[0]?.extensions?.code).toBe('INVALID_TRANSITION');
  });

  it('diverts a claim to a legal procedure with its follow-up matter, and refuses diverting other kinds', async () => {
    p.clock.set('2026-11-03T09:00:00+08:00');
    const { caseCode } = await register(p, { subject: '讨薪', category: 'LABOUR_WAGE' });
    expect((await step(p, 'divertPetition', caseCode, 'to: ARBITRATION, reason: "劳动争议", followUp: "not-a-code"')).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argumentName: 'followUp',
    });
    expect((await step(p, 'divertPetition', caseCode, 'to: ARBITRATION, reason: ""')).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'reason' });
    p.clock.set('2026-11-04T09:00:00+08:00');
    const diverted = await ok(p, 'divertPetition', caseCode, 'to: ARBITRATION, reason: "属劳动争议，导入仲裁", followUp: "420923-SF-2026-000042"');
    expect(diverted).toMatchObject({
      status: 'DIVERTED',
      closedAt: '2026-11-04T01:00:00.000Z',
      diversion: { to: 'ARBITRATION', at: '2026-11-04T01:00:00.000Z', reason: '属劳动争议，导入仲裁', followUp: { __typename: 'LegalAidCase', caseCode: '420923-SF-2026-000042' } },
      dueAt: '2026-11-18T15:59:59.000Z',
      overdue: false,
    });
    expect((await step(p, 'issueAcceptanceNotice', caseCode, 'accepted: true')).errors?.[0]?.extensions?.code).toBe('INVALID_TRANSITION');

    const suggestion = await register(p, { kind: 'SUGGESTION', subject: '建议增设路灯' });
    await ok(p, 'forwardPetition', suggestion.caseCode, 'unit: "城关镇人民政府"');
    expect((await step(p, 'divertPetition', suggestion.caseCode, 'to: COURT, reason: "x"')).errors?.[0]?.extensions).toMatchObject({
      code: 'RULE_VIOLATION',
      rule: 'DIVERT_CLAIMS_ONLY',
    });
  });

  it('marks open petitions past their stage deadline overdue, and lists only those with overdueOnly', async () => {
    p.clock.set('2026-11-01T08:00:00+08:00');
    const res = await p.gql(`{ petitions(filter: { overdueOnly: true, division: "420923" }) { totalCount nodes { caseCode overdue } } }`);
    // Petitions registered by the other tests are due later than this.
    expect(res.data?.petitions).toEqual({
      totalCount: 2,
      nodes: [
        { caseCode: XF.accusation, overdue: true },
        { caseCode: XF.overdue, overdue: true },
      ],
    });
  });
});
