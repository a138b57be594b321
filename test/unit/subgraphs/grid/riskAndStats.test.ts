import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MatterEvent } from '../../../../subgraphs/shared/feed/matterEvent.ts';
import { createPersonTokenizer, DEV_FEDERATION_SECRET } from '../../../../subgraphs/shared/identity/personToken.ts';
import { type GridHarness, startGrid } from '../../../support/gridApp.ts';
import { ID, writeTinyGridWorld } from '../../../support/tinyGridWorld.ts';

const token = createPersonTokenizer(DEV_FEDERATION_SECRET);

function event(over: Partial<MatterEvent> & Pick<MatterEvent, 'caseCode' | 'agency' | 'parties'>): MatterEvent {
  return { version: 1, title: '事项', category: 'CONTRACT_DEBT', status: 'OPEN', division: '420923100', openedAt: '2026-10-05T09:00:00+08:00', closedAt: null, dueAt: null, links: [], flags: [], ...over };
}

describe('grid: risk alerts and statistics on the tiny world', () => {
  let grid: GridHarness;
  beforeAll(async () => {
    grid = await startGrid({ now: '2026-11-02T09:00:00+08:00', seedWorld: writeTinyGridWorld });
    // 张伟 already has two centre tickets; a lawsuit and a police incident make three agencies.
    await grid.ingest('courts', [event({ caseCode: '420923-FY-2026-000010', agency: 'COURTS', parties: [{ personId: token(ID.zhang), role: 'PLAINTIFF' }] })]);
    await grid.ingest('police', [event({ caseCode: '420923-GA-2026-000011', agency: 'POLICE', parties: [{ personId: token(ID.zhang), role: 'REPORTER' }] })]);
    // 刘敏 petitions again on the same facts.
    await grid.ingest('petitions', [
      event({ caseCode: '420923-XF-2026-000012', agency: 'PETITIONS', parties: [{ personId: token(ID.wife), role: 'PETITIONER' }] }),
      event({ caseCode: '420923-XF-2026-000013', agency: 'PETITIONS', flags: ['REPEAT_PETITION'], parties: [{ personId: token(ID.wife), role: 'PETITIONER' }] }),
    ]);
  });
  afterAll(() => grid.close());

  it('raises each kind of alert with its reasons and the matters behind it', async () => {
    const res = await grid.gql(`{ riskAlerts(division: "420923") { totalCount nodes { kind person { id name } unit reasons matters { caseCode } } } }`);
    expect(res.errors).toBeUndefined();
    const alerts = res.data?.riskAlerts;
    expect(alerts.totalCount).toBe(4);
    expect(alerts.nodes).toEqual([
      {
        kind: 'MULTI_AGENCY',
        person: { id: token(ID.zhang), name: '张伟' },
        unit: null,
        reasons: ['近 180 天内有 4 件事项，涉及 3 个机构：综治中心、公安、法院'],
        matters: [{ caseCode: '420923-FY-2026-000010' }, { caseCode: '420923-GA-2026-000011' }, { caseCode: '420923-ZZ-2026-000001' }, { caseCode: '420923-ZZ-2026-000003' }],
      },
      { kind: 'REPEAT_PETITION', person: { id: token(ID.wife), name: '刘敏' }, unit: null, reasons: ['同一事实重复信访，共 1 件相关事项'], matters: [{ caseCode: '420923-XF-2026-000013' }] },
      { kind: 'ESCALATION', person: { id: token(ID.li), name: '李强' }, unit: null, reasons: ['1 件事项经提级办理，矛盾有升级趋势'], matters: [{ caseCode: '420923-ZZ-2026-000002' }] },
      {
        kind: 'OVERDUE_UNIT',
        person: null,
        unit: '城关镇东方社区人民调解委员会',
        reasons: ['城关镇东方社区人民调解委员会有 1 张工单超期未办结'],
        matters: [{ caseCode: '420923-ZZ-2026-000004' }],
      },
    ]);
  });

  it('pages alerts and limits them to the division', async () => {
    const first = await grid.gql(`{ riskAlerts(division: "420923", first: 2) { nodes { kind } pageInfo { hasNextPage endCursor } } }`);
    expect(first.data?.riskAlerts.nodes.map((n: { kind: string }) => n.kind)).toEqual(['MULTI_AGENCY', 'REPEAT_PETITION']);
    const next = await grid.gql(`query($a: String) { riskAlerts(division: "420923", first: 2, after: $a) { nodes { kind } pageInfo { hasNextPage } } }`, {
      a: first.data?.riskAlerts.pageInfo.endCursor,
    });
    expect(next.data?.riskAlerts).toEqual({ nodes: [{ kind: 'ESCALATION' }, { kind: 'OVERDUE_UNIT' }], pageInfo: { hasNextPage: false } });
    const town = await grid.gql(`{ riskAlerts(division: "420923101") { nodes { kind } } }`);
    expect(town.data?.riskAlerts.nodes).toEqual([{ kind: 'ESCALATION' }]);
    const elsewhere = await grid.gql(`{ riskAlerts(division: "420102") { totalCount } }`);
    expect(elsewhere.data?.riskAlerts.totalCount).toBe(0);
  });

  it('computes the centre\'s figures for a division and period', async () => {
    const res = await grid.gql(`{ centerStats(division: "420923", from: "2026-09-01", to: "2026-10-31") {
      accepted closed resolved resolutionRate onTimeClosureRate satisfactionRate overdueNow
      byTier { tier resolved share } byCategory { category accepted resolved } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data?.centerStats).toEqual({
      accepted: 4,
      closed: 3,
      resolved: 2,
      resolutionRate: 0.5,
      onTimeClosureRate: 0.5,
      satisfactionRate: 2 / 3,
      overdueNow: 1,
      byTier: [
        { tier: 'VILLAGE', resolved: 1, share: 0.5 },
        { tier: 'TOWN', resolved: 1, share: 0.5 },
        { tier: 'COUNTY', resolved: 0, share: 0 },
      ],
      byCategory: [
        { category: 'NEIGHBOUR', accepted: 2, resolved: 1 },
        { category: 'CONTRACT_DEBT', accepted: 1, resolved: 0 },
        { category: 'LAND_HOMESTEAD', accepted: 1, resolved: 1 },
      ],
    });
    const september = await grid.gql(`{ centerStats(division: "420923101", from: "2026-09-01", to: "2026-09-30") { accepted resolved satisfactionRate } }`);
    expect(september.data?.centerStats).toEqual({ accepted: 1, resolved: 1, satisfactionRate: 1 });
    const empty = await grid.gql(`{ centerStats(division: "420102", from: "2026-09-01", to: "2026-09-30") { accepted resolutionRate } }`);
    expect(empty.data?.centerStats).toEqual({ accepted: 0, resolutionRate: null });
    const backwards = await grid.gql(`{ centerStats(division: "420923", from: "2026-10-01", to: "2026-09-01") { accepted } }`);
    expect(backwards.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
