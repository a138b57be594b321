// Issue 6 item 4, defence in depth in police: an incident (by the town it
// happened in) outside the user's jurisdiction is as absent as an unknown
// one: null by code or by number, left out of lists, counts and a person's
// incidents, NOT_FOUND to every step; receiving one outside is FORBIDDEN.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPrincipal } from '../../../../gateway/security/demoUsers.ts';
import { build } from '../../../../subgraphs/police/app.ts';
import { createPersonTokenizer, DEV_FEDERATION_SECRET } from '../../../../subgraphs/shared/identity/personToken.ts';
import { type SubgraphHarness, startSubgraph } from '../../../support/subgraphApp.ts';
import { testPrincipal } from '../../../support/testPrincipal.ts';
import { INCIDENT, POLICE_ID, writeTinyPoliceWorld } from '../../../support/tinyPoliceWorld.ts';

const token = createPersonTokenizer(DEV_FEDERATION_SECRET);
/** 刘强, county public security bureau of Yunmeng (420923). */
const county = demoPrincipal('police');
const wuhan = testPrincipal('police', { userId: 'jiangan.110', name: '江岸接警员', jurisdiction: ['420102'] });
const yitang = testPrincipal('police', { userId: 'yitang.pcs', name: '义堂派出所民警', jurisdiction: ['420923101'] });
const nobody = testPrincipal('police', { jurisdiction: [] });

const codes = (list: { caseCode: string }[] | null | undefined) => (list ?? []).map((m) => m.caseCode).sort();
const LOOKUP = `query($c: ID!, $n: String!) { policeIncident(caseCode: $c) { caseCode } policeIncidentByNumber(incidentNumber: $n) { caseCode } }`;
const LIST = `{ policeIncidents(first: 1) { totalCount nodes { caseCode } pageInfo { hasNextPage } } }`;
const PERSONS = `query($r: [_Any!]!) { _entities(representations: $r) {
  ... on Person { policeIncidents { caseCode } policeIncidentsAsSuspect { caseCode } }
  ... on PoliceIncident { caseCode title } } }`;

describe('police: jurisdiction', () => {
  let police: SubgraphHarness;
  beforeAll(async () => {
    police = await startSubgraph('police', build, { now: '2026-11-01T09:00:00+08:00', seedWorld: writeTinyPoliceWorld });
  });
  afterAll(() => police.close());

  it('by code and by number: null outside the jurisdiction, as for an unknown incident', async () => {
    const yunmeng = { c: INCIDENT.mediated, n: 'J420923202610010001' };
    expect((await police.gql(LOOKUP, yunmeng, county)).data).toEqual({ policeIncident: { caseCode: INCIDENT.mediated }, policeIncidentByNumber: { caseCode: INCIDENT.mediated } });
    expect((await police.gql(LOOKUP, yunmeng, wuhan)).data).toEqual({ policeIncident: null, policeIncidentByNumber: null });
    expect((await police.gql(LOOKUP, { c: INCIDENT.jiangan, n: 'J420102202610200001' }, county)).data).toEqual({ policeIncident: null, policeIncidentByNumber: null });
    expect((await police.gql(LOOKUP, { c: INCIDENT.jiangan, n: 'J420102202610200001' }, wuhan)).data?.policeIncident).toEqual({ caseCode: INCIDENT.jiangan });
  });

  it('lists count only what the user may see: the county four, Wuhan one, a town its own, nobody none', async () => {
    expect((await police.gql(LIST, {}, county)).data?.policeIncidents).toMatchObject({ totalCount: 4, pageInfo: { hasNextPage: true } });
    expect((await police.gql(LIST, {}, wuhan)).data?.policeIncidents).toEqual({ totalCount: 1, nodes: [{ caseCode: INCIDENT.jiangan }], pageInfo: { hasNextPage: false } });
    expect((await police.gql(LIST, {}, yitang)).data?.policeIncidents).toEqual({ totalCount: 1, nodes: [{ caseCode: INCIDENT.onScene }], pageInfo: { hasNextPage: false } });
    expect((await police.gql(LIST, {}, nobody)).data?.policeIncidents).toEqual({ totalCount: 0, nodes: [], pageInfo: { hasNextPage: false } });
    expect((await police.gql(LIST, {}, testPrincipal('police'))).data?.policeIncidents.totalCount).toBe(5);
  });

  it('a person\'s incidents, as party and as suspect, hold only those inside; an entity outside is null', async () => {
    const reps = [
      { __typename: 'Person', id: token(POLICE_ID.zhang) },
      { __typename: 'Person', id: token(POLICE_ID.li) },
      { __typename: 'PoliceIncident', caseCode: INCIDENT.onScene },
    ];
    const forCounty = await police.gql(PERSONS, { r: reps }, county);
    expect(forCounty.errors).toBeUndefined();
    expect(codes(forCounty.data?._entities[0].policeIncidents)).toEqual([INCIDENT.mediated, INCIDENT.transferred]);
    expect(codes(forCounty.data?._entities[1].policeIncidentsAsSuspect)).toEqual([INCIDENT.mediated]);
    expect(forCounty.data?._entities[2]).toMatchObject({ caseCode: INCIDENT.onScene });

    const forWuhan = await police.gql(PERSONS, { r: reps }, wuhan);
    expect(forWuhan.errors).toBeUndefined();
    expect(forWuhan.data?._entities).toEqual([
      { policeIncidents: [{ caseCode: INCIDENT.jiangan }], policeIncidentsAsSuspect: [] },
      { policeIncidents: [], policeIncidentsAsSuspect: [] },
      null,
    ]);
  });

  it('a step on an incident outside is NOT_FOUND and changes nothing; receiving one in a town outside is FORBIDDEN', async () => {
    const arrive = await police.gql(`mutation { arriveAtIncident(caseCode: "${INCIDENT.received}") { status } }`, {}, yitang);
    expect(arrive.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(arrive.data).toBeNull();
    expect((await police.gql(`{ policeIncident(caseCode: "${INCIDENT.received}") { status } }`, {}, county)).data?.policeIncident.status).toBe('RECEIVED');

    const receive = `mutation($i: PoliceIncidentInput!, $k: String!) { receiveIncident(input: $i, idempotencyKey: $k) { caseCode division steps { actor actorId } } }`;
    const input = (division: string) => ({
      channel: 'CALL_110',
      category: 'DISPUTE',
      title: '邻里纠纷',
      narrative: '报警人称邻居堵路',
      place: '某处',
      division,
      station: '云梦县公安局义堂派出所',
      parties: [{ role: 'REPORTER', name: '报警人' }],
    });
    const outside = await police.gql(receive, { i: input('420923100'), k: 'yitang-outside' }, yitang);
    expect(outside.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', argumentName: 'division' });
    const inside = await police.gql(receive, { i: input('420923101'), k: 'yitang-inside' }, yitang);
    expect(inside.errors).toBeUndefined();
    expect(inside.data?.receiveIncident).toMatchObject({ division: '420923101', steps: [{ actor: '义堂派出所民警', actorId: 'yitang.pcs' }] });
    expect((await police.gql(LIST, {}, yitang)).data?.policeIncidents.totalCount).toBe(2);
  });
});
