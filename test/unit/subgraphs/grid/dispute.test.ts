import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPersonTokenizer, DEV_FEDERATION_SECRET } from '../../../../subgraphs/shared/identity/personToken.ts';
import { type GridHarness, startGrid } from '../../../support/gridApp.ts';
import { ID, writeTinyGridWorld } from '../../../support/tinyGridWorld.ts';

const INTAKE = `mutation($input: DisputeIntakeInput!, $key: String!) {
  intakeDispute(input: $input, idempotencyKey: $key) { caseCode status tier dueAt overdue openedAt steps { step actor at } parties { role displayName person { id } } }
}`;
const input = (over: Record<string, unknown> = {}) => ({
  channel: 'WALK_IN',
  category: 'NEIGHBOUR',
  title: '王五与赵六噪音纠纷',
  description: '楼上装修噪音扰民',
  severity: 'ORDINARY',
  division: '420923100',
  parties: [
    { role: 'APPLICANT', name: '张伟', idNumber: ID.zhang },
    { role: 'RESPONDENT', name: '某装修公司' },
  ],
  ...over,
});

describe('grid: dispute tickets', () => {
  let grid: GridHarness;
  beforeAll(async () => {
    grid = await startGrid({ now: '2026-11-02T09:00:00+08:00', seedWorld: writeTinyGridWorld });
  });
  afterAll(() => grid.close());

  const step = async (mutation: string, caseCode: string, args = '', actor = '吴磊') =>
    grid.gql(`mutation($c: ID!) { ${mutation}(caseCode: $c${args}) { status steps { step actor } } }`, { c: caseCode }, actor);

  it('takes in a ticket with a new code, the ordinary 3-day limit, and who took it', async () => {
    const res = await grid.gql(INTAKE, { input: input(), key: 'intake-1' }, '周洁');
    expect(res.errors).toBeUndefined();
    const d = res.data?.intakeDispute;
    // The tiny world used 000001..000004 this year: the allocator continues after them.
    expect(d.caseCode).toBe('420923-ZZ-2026-000005');
    expect(d.status).toBe('REGISTERED');
    expect(d.tier).toBe('VILLAGE');
    expect(d.dueAt).toBe('2026-11-05T15:59:59.000Z'); // end of the third local day
    expect(d.overdue).toBe(false);
    expect(d.steps).toEqual([{ step: 'INTAKE', actor: '周洁', at: '2026-11-02T01:00:00.000Z' }]);
    expect(d.parties[1]).toEqual({ role: 'RESPONDENT', displayName: '某装修公司', person: null });
  });

  it('makes one ticket for a retried intake, and refuses the key for a different one', async () => {
    const again = await grid.gql(INTAKE, { input: input(), key: 'intake-1' });
    expect(again.data?.intakeDispute.caseCode).toBe('420923-ZZ-2026-000005');
    const other = await grid.gql(INTAKE, { input: input({ title: '另一件' }), key: 'intake-1' });
    expect(other.errors?.[0]?.extensions?.code).toBe('IDEMPOTENCY_CONFLICT');
    const list = await grid.gql(`{ disputes(filter: { division: "420923100" }) { totalCount } }`);
    expect(list.data?.disputes.totalCount).toBe(4); // three imported in 城关镇 + the new one
  });

  it('refuses bad intake input with its code', async () => {
    const badId = await grid.gql(INTAKE, { input: input({ parties: [{ role: 'APPLICANT', name: '甲', idNumber: '420923198503161234' }] }), key: 'k-bad-id' });
    expect(badId.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'CHECK_CHARACTER' });
    const badTown = await grid.gql(INTAKE, { input: input({ division: '999999999' }), key: 'k-bad-town' });
    expect(badTown.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('runs the whole cycle, recording who took each step', async () => {
    const code = '420923-ZZ-2026-000005';
    expect((await step('verifyDispute', code)).errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_TRANSITION', step: 'VERIFY', status: 'REGISTERED' });
    expect((await step('acceptDispute', code)).errors?.[0]?.extensions?.code).toBe('INVALID_TRANSITION');
    expect((await step('dispatchDispute', code, ', unit: "城关镇东方社区人民调解委员会"', '周洁')).data?.dispatchDispute.status).toBe('DISPATCHED');
    expect((await step('acceptDispute', code)).data?.acceptDispute.status).toBe('ACCEPTED');
    expect((await step('acceptDispute', code)).errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_TRANSITION', step: 'ACCEPT', status: 'ACCEPTED' });
    expect((await step('superviseDispute', code, ', note: "请加快办理"', '县综治中心')).data?.superviseDispute.status).toBe('ACCEPTED');
    expect((await step('verifyDispute', code)).errors?.[0]?.extensions?.code).toBe('INVALID_TRANSITION');
    expect((await step('resolveDispute', code, ', resolution: "双方达成和解"')).data?.resolveDispute.status).toBe('RESOLVED');
    expect((await step('resolveDispute', code, ', resolution: "再次"')).errors?.[0]?.extensions?.code).toBe('INVALID_TRANSITION');
    expect((await step('evaluateDispute', code, ', satisfaction: SATISFIED', '回访员')).data?.evaluateDispute.status).toBe('EVALUATED');
    const verified = await step('verifyDispute', code, '', '周洁');
    expect(verified.data?.verifyDispute).toEqual({
      status: 'VERIFIED',
      steps: [
        { step: 'INTAKE', actor: '周洁' },
        { step: 'DISPATCH', actor: '周洁' },
        { step: 'ACCEPT', actor: '吴磊' },
        { step: 'SUPERVISE', actor: '县综治中心' },
        { step: 'RESOLVE', actor: '吴磊' },
        { step: 'EVALUATE', actor: '回访员' },
        { step: 'VERIFY', actor: '周洁' },
      ],
    });
    const summary = await grid.gql(`{ matter(caseCode: "${code}") { agency summary { status closedAt overdue } } }`);
    expect(summary.data?.matter).toEqual({ agency: 'GRID', summary: { status: 'RESOLVED', closedAt: '2026-11-02T01:00:00.000Z', overdue: false } });
  });

  it('turns overdue when the clock passes the limit, and escalation gives the tier limit', async () => {
    const res = await grid.gql(INTAKE, { input: input({ title: '超期测试', severity: 'MAJOR' }), key: 'intake-overdue' });
    const code: string = res.data?.intakeDispute.caseCode;
    expect(res.data?.intakeDispute.dueAt).toBe('2026-11-22T15:59:59.000Z'); // 20 days for a major dispute
    grid.clock.set('2026-11-23T08:00:00+08:00');
    const late = await grid.gql(`{ dispute(caseCode: "${code}") { overdue } disputes(filter: { overdueOnly: true }) { nodes { caseCode } } }`);
    expect(late.data?.dispute.overdue).toBe(true);
    expect(late.data?.disputes.nodes.map((n: { caseCode: string }) => n.caseCode)).toContain(code);

    const escalated = await grid.gql(`mutation { escalateDispute(caseCode: "${code}", reason: "村级无法化解") { tier status dueAt overdue } }`);
    expect(escalated.data?.escalateDispute).toEqual({ tier: 'TOWN', status: 'REGISTERED', dueAt: '2026-12-23T15:59:59.000Z', overdue: false });
    await grid.gql(`mutation { escalateDispute(caseCode: "${code}", reason: "乡镇无法化解") { tier } }`);
    const top = await grid.gql(`mutation { escalateDispute(caseCode: "${code}", reason: "再提级") { tier } }`);
    expect(top.errors?.[0]?.extensions?.code).toBe('INVALID_TRANSITION');
    grid.clock.set('2026-11-02T09:00:00+08:00');
  });

  it('transfers a failed mediation to litigation, linking the court case', async () => {
    const res = await grid.gql(INTAKE, { input: input({ title: '转诉讼测试' }), key: 'intake-transfer' });
    const code: string = res.data?.intakeDispute.caseCode;
    await step('dispatchDispute', code, ', unit: "城关镇司法所"');
    await step('acceptDispute', code);
    expect((await step('failDispute', code, ', reason: "对方拒不到场"')).data?.failDispute.status).toBe('UNRESOLVED');
    const transferred = await grid.gql(`mutation { transferDispute(caseCode: "${code}", reason: "引导诉讼", target: "420923-FY-2026-000009") { status summary { status } } }`);
    expect(transferred.data?.transferDispute).toEqual({ status: 'TRANSFERRED', summary: { status: 'TRANSFERRED' } });
  });

  it('answers each of several steps in one operation with the state after that step', async () => {
    const res = await grid.gql(INTAKE, { input: input({ title: '一次多步' }), key: 'intake-multi' });
    const c: string = res.data?.intakeDispute.caseCode;
    const both = await grid.gql(`mutation($c: ID!) {
      a: dispatchDispute(caseCode: $c, unit: "城关镇司法所") { status }
      b: acceptDispute(caseCode: $c) { status steps { step } }
    }`, { c });
    expect(both.data).toEqual({ a: { status: 'DISPATCHED' }, b: { status: 'ACCEPTED', steps: [{ step: 'INTAKE' }, { step: 'DISPATCH' }, { step: 'ACCEPT' }] } });
  });

  it('answers a missing ticket with NOT_FOUND', async () => {
    expect((await step('acceptDispute', '420923-ZZ-2026-009999')).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('lists a person\'s tickets newest first', async () => {
    const res = await grid.gql(`{ personByIdNumber(idNumber: "${ID.wife}") { disputes { caseCode status } } }`);
    expect(res.data?.personByIdNumber.disputes).toEqual([{ caseCode: '420923-ZZ-2026-000004', status: 'ACCEPTED' }]);
  });

  it('lists the tickets of several persons at once as it lists each one\'s', async () => {
    const token = createPersonTokenizer(DEV_FEDERATION_SECRET);
    const ids = [ID.zhang, ID.wife, ID.li].map((n) => token(n));
    const fields = 'disputes { caseCode title status summary { openedAt } }';
    const each = await Promise.all(ids.map((id) => grid.gql(`{ person(id: "${id}") { ${fields} } }`)));
    const together = await grid.gql(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { ${fields} } } }`, {
      r: ids.map((id) => ({ __typename: 'Person', id })),
    });
    expect(together.errors).toBeUndefined();
    expect(together.data?._entities).toEqual(each.map((res) => res.data?.person));
    // Newest first (opening time, then case code); 李强 is in three of the tiny world's tickets.
    for (const { disputes } of together.data?._entities as { disputes: { caseCode: string; summary: { openedAt: string } }[] }[]) {
      const keys = disputes.map((d) => `${d.summary.openedAt} ${d.caseCode}`);
      expect(keys).toEqual([...keys].sort().reverse());
    }
    expect(together.data?._entities.map((p: { disputes: unknown[] }) => p.disputes.length)).toEqual([expect.any(Number), expect.any(Number), 3]);
    expect(together.data?._entities.every((p: { disputes: unknown[] }) => p.disputes.length > 0)).toBe(true);
  });
});
