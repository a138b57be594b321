import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../../../subgraphs/police/app.ts';
import { createPersonTokenizer, DEV_FEDERATION_SECRET } from '../../../../subgraphs/shared/identity/personToken.ts';
import { type SubgraphHarness, startSubgraph } from '../../../support/subgraphApp.ts';
import { INCIDENT, POLICE_ID, writeTinyPoliceWorld } from '../../../support/tinyPoliceWorld.ts';

const token = createPersonTokenizer(DEV_FEDERATION_SECRET);

const RECEIVE = `mutation($input: PoliceIncidentInput!, $key: String!) {
  receiveIncident(input: $input, idempotencyKey: $key) {
    caseCode incidentNumber status receivedAt matterCategory station officer { name }
    parties { role displayName person { id } } suspects { displayName } steps { step actor at }
  }
}`;
const input = (over: Record<string, unknown> = {}) => ({
  channel: 'CALL_110',
  category: 'DISPUTE',
  matterCategory: 'NEIGHBOUR',
  title: '张伟报警称邻居装修噪音扰民',
  narrative: '张伟拨打110报警称：楼上装修噪音扰民，协商未果。',
  place: '城关镇东方社区建设路 1 号',
  division: '420923100',
  station: '云梦县公安局城关派出所',
  parties: [
    { role: 'REPORTER', name: '张伟', idNumber: POLICE_ID.zhang, phone: '13800001234' },
    { role: 'SUSPECT', name: '李强', idNumber: POLICE_ID.li },
    { role: 'WITNESS', name: '路人甲' },
  ],
  ...over,
});

describe('police: incidents', () => {
  let police: SubgraphHarness;
  beforeAll(async () => {
    police = await startSubgraph('police', build, { now: '2026-11-01T09:00:00+08:00', seedWorld: writeTinyPoliceWorld });
  });
  afterAll(() => police.close());

  const receive = (over: Record<string, unknown> = {}, key = `k-${Math.random()}`, actor = '接警员王丽') =>
    police.gql(RECEIVE, { input: input(over), key }, actor);
  const step = (mutation: string, caseCode: string, args = '', actor = '赵军') =>
    police.gql(`mutation($c: ID!) { ${mutation}(caseCode: $c${args}) { status disposition } }`, { c: caseCode }, actor);
  const DISPATCH = ', officer: { name: "赵军", badgeNumber: "310123" }';

  it('answers an imported incident by case code and by incident number, with response times', async () => {
    const res = await police.gql(`{
      policeIncident(caseCode: "${INCIDENT.mediated}") {
        caseCode incidentNumber channel category matterCategory title place division divisionName station officer { name badgeNumber }
        status receivedAt dispatchedAt arrivedAt handledAt reportedBackAt closedAt disposition centerTicket { caseCode }
        minutesToDispatch minutesToArrive minutesToHandle minutesToReportBack minutesToClose
        parties { role displayName person { id } } suspects { role displayName person { id } } narrative
        steps { step at actor }
      }
      policeIncidentByNumber(incidentNumber: "J420923202610010001") { caseCode }
    }`);
    expect(res.errors).toBeUndefined();
    const i = res.data?.policeIncident;
    expect(i).toMatchObject({
      caseCode: INCIDENT.mediated,
      incidentNumber: 'J420923202610010001',
      channel: 'CALL_110',
      category: 'DISPUTE',
      matterCategory: 'NEIGHBOUR',
      division: '420923100',
      divisionName: '城关镇',
      station: '云梦县公安局城关派出所',
      officer: { name: '赵军', badgeNumber: '310123' },
      status: 'CLOSED',
      receivedAt: '2026-10-01T12:00:00.000Z',
      arrivedAt: '2026-10-01T12:15:00.000Z',
      closedAt: '2026-10-01T13:30:00.000Z',
      disposition: 'MEDIATED_ON_SITE',
      centerTicket: null,
      minutesToDispatch: 2,
      minutesToArrive: 15,
      minutesToHandle: 50,
      minutesToReportBack: 70,
      minutesToClose: 90,
    });
    // The suspect is not among the parties: only in the scoped field.
    expect(i.parties).toEqual([
      { role: 'REPORTER', displayName: '张伟', person: { id: token(POLICE_ID.zhang) } },
      { role: 'WITNESS', displayName: '刘敏', person: { id: token(POLICE_ID.wife) } },
    ]);
    expect(i.suspects).toEqual([{ role: 'SUSPECT', displayName: '李强', person: { id: token(POLICE_ID.li) } }]);
    expect(i.narrative).toContain('经现场调解');
    expect(i.steps.map((s: { step: string }) => s.step)).toEqual(['RECEIVE', 'DISPATCH', 'ARRIVE', 'HANDLE', 'REPORT_BACK', 'CLOSE']);
    expect(i.steps[0]).toEqual({ step: 'RECEIVE', at: '2026-10-01T12:00:00.000Z', actor: null });
    expect(res.data?.policeIncidentByNumber).toEqual({ caseCode: INCIDENT.mediated });
  });

  it('leaves response times null until the stage is reached, and names no officer before dispatch', async () => {
    const res = await police.gql(`{
      onScene: policeIncident(caseCode: "${INCIDENT.onScene}") { status minutesToArrive minutesToHandle minutesToClose }
      received: policeIncident(caseCode: "${INCIDENT.received}") { status officer { name } minutesToDispatch }
    }`);
    expect(res.data).toEqual({
      onScene: { status: 'ON_SCENE', minutesToArrive: 40, minutesToHandle: null, minutesToClose: null },
      received: { status: 'RECEIVED', officer: null, minutesToDispatch: null },
    });
  });

  it('returns the centre ticket of a transferred incident as a Dispute reference', async () => {
    const res = await police.gql(`{ policeIncident(caseCode: "${INCIDENT.transferred}") { disposition centerTicket { __typename caseCode } } }`);
    expect(res.data?.policeIncident).toEqual({
      disposition: 'TRANSFERRED_TO_CENTER',
      centerTicket: { __typename: 'Dispute', caseCode: '420923-ZZ-2026-000003' },
    });
  });

  it('answers unknown codes with null and malformed ones with BAD_USER_INPUT', async () => {
    const res = await police.gql(`{ a: policeIncident(caseCode: "420923-GA-2026-009999") { caseCode } b: policeIncidentByNumber(incidentNumber: "J420923202610019999") { caseCode } }`);
    expect(res.data).toEqual({ a: null, b: null });
    expect((await police.gql(`{ policeIncident(caseCode: "nonsense") { caseCode } }`)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    for (const bad of ['J42092320261001001', 'J420923202613010001', 'X420923202610010001', 'J420923202610010000']) {
      const res = await police.gql(`query($n: String!) { policeIncidentByNumber(incidentNumber: $n) { caseCode } }`, { n: bad });
      expect(res.errors?.[0]?.extensions?.code, bad).toBe('BAD_USER_INPUT');
    }
  });

  it('lists incidents newest first, filtered by division, station, status and category, in pages', async () => {
    const list = async (filter: string, first = 20) =>
      (await police.gql(`{ policeIncidents(filter: { ${filter} }, first: ${first}) { totalCount nodes { caseCode } pageInfo { hasNextPage endCursor } } }`)).data
        ?.policeIncidents;
    expect((await list('division: "420923"')).totalCount).toBe(4);
    expect((await list('division: "420923101"')).nodes).toEqual([{ caseCode: INCIDENT.onScene }]);
    expect((await list('division: "420102"')).nodes).toEqual([{ caseCode: INCIDENT.jiangan }]);
    expect((await list('station: "云梦县公安局城关派出所"')).nodes.map((n: { caseCode: string }) => n.caseCode)).toEqual([
      INCIDENT.received,
      INCIDENT.transferred,
      INCIDENT.mediated,
    ]);
    expect((await list('status: CLOSED')).totalCount).toBe(3);
    expect((await list('category: TRAFFIC_ACCIDENT')).nodes).toEqual([{ caseCode: INCIDENT.jiangan }]);
    expect((await list('status: CLOSED, division: "420923"')).totalCount).toBe(2);

    const first = await list('', 2);
    expect(first.totalCount).toBe(5);
    expect(first.nodes.map((n: { caseCode: string }) => n.caseCode)).toEqual([INCIDENT.received, INCIDENT.onScene]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const next = await police.gql(`query($after: String) { policeIncidents(first: 3, after: $after) { totalCount nodes { caseCode } pageInfo { hasNextPage } } }`, {
      after: first.pageInfo.endCursor,
    });
    expect(next.data?.policeIncidents).toEqual({
      totalCount: 5,
      nodes: [{ caseCode: INCIDENT.jiangan }, { caseCode: INCIDENT.transferred }, { caseCode: INCIDENT.mediated }],
      pageInfo: { hasNextPage: false },
    });
    expect((await police.gql(`{ policeIncidents(after: "nonsense") { totalCount } }`)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await police.gql(`{ policeIncidents(first: 101) { totalCount } }`)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('receives an incident with the next case code and the first incident number of the day, recording who', async () => {
    const res = await receive({}, 'receive-1');
    expect(res.errors).toBeUndefined();
    const i = res.data?.receiveIncident;
    // The tiny world used 000001..000004 in Yunmeng this year; 2026-11-01 has had no incident yet.
    expect(i).toMatchObject({
      caseCode: '420923-GA-2026-000005',
      incidentNumber: 'J420923202611010001',
      status: 'RECEIVED',
      receivedAt: '2026-11-01T01:00:00.000Z',
      matterCategory: 'NEIGHBOUR',
      officer: null,
      steps: [{ step: 'RECEIVE', actor: '接警员王丽', at: '2026-11-01T01:00:00.000Z' }],
    });
    expect(i.parties).toEqual([
      { role: 'REPORTER', displayName: '张伟', person: { id: token(POLICE_ID.zhang) } },
      { role: 'WITNESS', displayName: '路人甲', person: null },
    ]);
    expect(i.suspects).toEqual([{ displayName: '李强' }]);

    const second = await receive({ title: '第二起' });
    expect(second.data?.receiveIncident).toMatchObject({ caseCode: '420923-GA-2026-000006', incidentNumber: 'J420923202611010002' });
  });

  it('numbers incidents per county and local day, continuing after imported numbers', async () => {
    police.clock.set('2026-10-25T15:00:00+08:00'); // 义堂 had J...202610250001 that day
    expect((await receive({ division: '420923101', title: '同日第二起' })).data?.receiveIncident.incidentNumber).toBe('J420923202610250002');
    police.clock.set('2026-11-01T09:30:00+08:00');
    const jiangan = await receive({ division: '420102002', station: '武汉市公安局江岸区分局大智派出所', title: '江岸区警情' });
    expect(jiangan.data?.receiveIncident).toMatchObject({ caseCode: '420102-GA-2026-000002', incidentNumber: 'J420102202611010001' });
    // 00:30 on New Year's Day local time is still 2026 in UTC: the local day and year count.
    police.clock.set('2026-12-31T16:30:00Z');
    expect((await receive({ title: '元旦警情' })).data?.receiveIncident).toMatchObject({
      caseCode: '420923-GA-2027-000001',
      incidentNumber: 'J420923202701010001',
    });
    police.clock.set('2026-11-01T09:00:00+08:00');
  });

  it('makes one incident for a retried receipt, and refuses the key for a different one', async () => {
    const first = await receive({ title: '重试测试' }, 'retry-key');
    const again = await receive({ title: '重试测试' }, 'retry-key');
    expect(again.data?.receiveIncident.caseCode).toBe(first.data?.receiveIncident.caseCode);
    expect(again.data?.receiveIncident.incidentNumber).toBe(first.data?.receiveIncident.incidentNumber);
    const other = await receive({ title: '另一起' }, 'retry-key');
    expect(other.errors?.[0]?.extensions?.code).toBe('IDEMPOTENCY_CONFLICT');
  });

  it('refuses bad receipt input with BAD_USER_INPUT', async () => {
    const cases: [Record<string, unknown>, string, Record<string, unknown>?][] = [
      [{ parties: [{ role: 'REPORTER', name: '甲', idNumber: '420923198503161234' }] }, 'bad ID', { reason: 'CHECK_CHARACTER' }],
      [{ parties: [{ role: 'PLAINTIFF', name: '甲' }] }, 'court role'],
      [{ parties: [] }, 'no party'],
      [{ division: '999999999' }, 'unknown town'],
      [{ division: '420923' }, 'county, not town'],
      [{ title: '  ' }, 'blank title'],
      [{ narrative: '' }, 'blank narrative'],
    ];
    for (const [over, what, extensions] of cases) {
      const res = await receive(over);
      expect(res.errors?.[0]?.extensions, what).toMatchObject({ code: 'BAD_USER_INPUT', ...extensions });
    }
    expect((await receive({}, '')).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('runs 接警 → 派警 → 到场 → 处置 → 反馈 → 结警, each stage time set by its step and who took it', async () => {
    const code: string = (await receive({ title: '全流程' }, 'lifecycle')).data?.receiveIncident.caseCode;
    police.clock.advance(3 * 60_000);
    expect((await step('dispatchIncident', code, DISPATCH, '指挥员')).data?.dispatchIncident.status).toBe('DISPATCHED');
    police.clock.advance(12 * 60_000);
    expect((await step('arriveAtIncident', code)).data?.arriveAtIncident.status).toBe('ON_SCENE');
    police.clock.advance(30 * 60_000);
    const handled = await step('handleIncident', code, ', disposition: MEDIATED_ON_SITE, note: "双方当场和解"');
    expect(handled.data?.handleIncident).toEqual({ status: 'HANDLED', disposition: 'MEDIATED_ON_SITE' });
    police.clock.advance(10 * 60_000);
    expect((await step('reportBackIncident', code, ', note: "已向报警人反馈"')).data?.reportBackIncident.status).toBe('REPORTED_BACK');
    police.clock.advance(5 * 60_000);
    expect((await step('closeIncident', code)).data?.closeIncident.status).toBe('CLOSED');

    const res = await police.gql(`{ policeIncident(caseCode: "${code}") {
      officer { name badgeNumber } dispatchedAt closedAt minutesToDispatch minutesToArrive minutesToHandle minutesToReportBack minutesToClose
      narrative steps { step actor } } }`);
    expect(res.data?.policeIncident).toMatchObject({
      officer: { name: '赵军', badgeNumber: '310123' },
      dispatchedAt: '2026-11-01T01:03:00.000Z',
      closedAt: '2026-11-01T02:00:00.000Z',
      minutesToDispatch: 3,
      minutesToArrive: 15,
      minutesToHandle: 45,
      minutesToReportBack: 55,
      minutesToClose: 60,
      steps: [
        { step: 'RECEIVE', actor: '接警员王丽' },
        { step: 'DISPATCH', actor: '指挥员' },
        { step: 'ARRIVE', actor: '赵军' },
        { step: 'HANDLE', actor: '赵军' },
        { step: 'REPORT_BACK', actor: '赵军' },
        { step: 'CLOSE', actor: '赵军' },
      ],
    });
    expect(res.data?.policeIncident.narrative).toBe('张伟拨打110报警称：楼上装修噪音扰民，协商未果。\n处置情况：双方当场和解\n反馈情况：已向报警人反馈');
    police.clock.set('2026-11-01T09:00:00+08:00');
  });

  it('refuses every step out of order with INVALID_TRANSITION naming the step and the status', async () => {
    const code: string = (await receive({ title: '顺序测试' })).data?.receiveIncident.caseCode;
    const refused = async (mutation: string, args: string, stepName: string, status: string) => {
      const res = await step(mutation, code, args);
      expect(res.errors?.[0]?.extensions, `${mutation} when ${status}`).toMatchObject({ code: 'INVALID_TRANSITION', step: stepName, status });
    };
    const HANDLE = ', disposition: NO_ACTION, note: "已处置"';
    await refused('arriveAtIncident', '', 'ARRIVE', 'RECEIVED');
    await refused('handleIncident', HANDLE, 'HANDLE', 'RECEIVED');
    await refused('reportBackIncident', '', 'REPORT_BACK', 'RECEIVED');
    await refused('closeIncident', '', 'CLOSE', 'RECEIVED');
    await step('dispatchIncident', code, DISPATCH);
    await refused('dispatchIncident', DISPATCH, 'DISPATCH', 'DISPATCHED');
    await refused('handleIncident', HANDLE, 'HANDLE', 'DISPATCHED');
    await refused('closeIncident', '', 'CLOSE', 'DISPATCHED');
    await step('arriveAtIncident', code);
    await refused('arriveAtIncident', '', 'ARRIVE', 'ON_SCENE');
    await refused('reportBackIncident', '', 'REPORT_BACK', 'ON_SCENE');
    await step('handleIncident', code, HANDLE);
    await refused('handleIncident', HANDLE, 'HANDLE', 'HANDLED');
    await refused('closeIncident', '', 'CLOSE', 'HANDLED');
    await step('reportBackIncident', code);
    await refused('reportBackIncident', '', 'REPORT_BACK', 'REPORTED_BACK');
    await step('closeIncident', code);
    await refused('closeIncident', '', 'CLOSE', 'CLOSED');
    await refused('dispatchIncident', DISPATCH, 'DISPATCH', 'CLOSED');
    // A refused step changes nothing.
    const after = await police.gql(`{ policeIncident(caseCode: "${code}") { status disposition steps { step } } }`);
    expect(after.data?.policeIncident.status).toBe('CLOSED');
    expect(after.data?.policeIncident.steps).toHaveLength(6);
  });

  it('answers each of several mutations in one document with the state it left', async () => {
    const code: string = (await receive({ title: '一次请求多步' })).data?.receiveIncident.caseCode;
    const res = await police.gql(
      `mutation($c: ID!) {
        a: dispatchIncident(caseCode: $c, officer: { name: "赵军", badgeNumber: "310123" }) { status steps { step } }
        b: arriveAtIncident(caseCode: $c) { status steps { step } }
      }`,
      { c: code },
    );
    expect(res.data).toEqual({
      a: { status: 'DISPATCHED', steps: [{ step: 'RECEIVE' }, { step: 'DISPATCH' }] },
      b: { status: 'ON_SCENE', steps: [{ step: 'RECEIVE' }, { step: 'DISPATCH' }, { step: 'ARRIVE' }] },
    });
  });

  it('hands a dispute to the centre only with a centre ticket code, and links it', async () => {
    const code: string = (await receive({ title: '移交中心' })).data?.receiveIncident.caseCode;
    await step('dispatchIncident', code, DISPATCH);
    await step('arriveAtIncident', code);
    const handle = (args: string) =>
      police.gql(`mutation($c: ID!) { handleIncident(caseCode: $c, note: "属民事纠纷，移交综治中心"${args}) { status centerTicket { __typename caseCode } } }`, { c: code });
    expect((await handle(', disposition: TRANSFERRED_TO_CENTER')).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'centerCaseCode' });
    expect((await handle(', disposition: TRANSFERRED_TO_CENTER, centerCaseCode: "ZZ-1"')).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'FORMAT' });
    expect((await handle(', disposition: TRANSFERRED_TO_CENTER, centerCaseCode: "420923-FY-2026-000001"')).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'AGENCY',
    });
    expect((await handle(', disposition: MEDIATED_ON_SITE, centerCaseCode: "420923-ZZ-2026-000010"')).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await police.gql(`mutation { handleIncident(caseCode: "${code}", disposition: NO_ACTION, note: " ") { status } }`)).errors?.[0]?.extensions?.code).toBe(
      'BAD_USER_INPUT',
    );
    const ok = await handle(', disposition: TRANSFERRED_TO_CENTER, centerCaseCode: "420923-ZZ-2026-000010"');
    expect(ok.data?.handleIncident).toEqual({ status: 'HANDLED', centerTicket: { __typename: 'Dispute', caseCode: '420923-ZZ-2026-000010' } });
  });

  it('refuses a bad officer, an unknown incident and a malformed case code', async () => {
    const code: string = (await receive({ title: '派警校验' })).data?.receiveIncident.caseCode;
    expect((await step('dispatchIncident', code, ', officer: { name: "赵军", badgeNumber: "31A123" }')).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await step('dispatchIncident', code, ', officer: { name: " ", badgeNumber: "310123" }')).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await step('arriveAtIncident', '420923-GA-2026-009999')).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await step('arriveAtIncident', 'not-a-code')).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    // Reassigned to another station on dispatch.
    const res = await police.gql(`mutation { dispatchIncident(caseCode: "${code}", officer: { name: "孙涛", badgeNumber: "310456" }, station: "云梦县公安局义堂派出所") { station officer { name } } }`);
    expect(res.data?.dispatchIncident).toEqual({ station: '云梦县公安局义堂派出所', officer: { name: '孙涛' } });
  });
});
