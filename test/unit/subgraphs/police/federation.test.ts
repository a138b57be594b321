import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../../../subgraphs/police/app.ts';
import { createPersonTokenizer, DEV_FEDERATION_SECRET } from '../../../../subgraphs/shared/identity/personToken.ts';
import { USER_CONTEXT_HEADER } from '../../../../subgraphs/shared/security/userContext.ts';
import { type SubgraphHarness, startSubgraph } from '../../../support/subgraphApp.ts';
import { INCIDENT, POLICE_ID, writeTinyPoliceWorld } from '../../../support/tinyPoliceWorld.ts';

const token = createPersonTokenizer(DEV_FEDERATION_SECRET);
/** A statement reading the incident table itself (not incident_party, incident_step, ...). */
const readsIncidentTable = (sql: string) => /\bFROM incident\b(?!_)/.test(sql);

describe('police: federation', () => {
  let police: SubgraphHarness;
  beforeAll(async () => {
    police = await startSubgraph('police', build, { now: '2026-11-01T09:00:00+08:00', seedWorld: writeTinyPoliceWorld });
  });
  afterAll(() => police.close());

  it('marks suspects, the narrative and suspect incidents police-only with @requiresScopes and @policy, and nothing else', async () => {
    const sdl: string = (await police.gql(`{ _service { sdl } }`)).data?._service.sdl;
    expect(sdl).toMatch(/type PoliceIncident implements Matter\s+@key\(fields: "caseCode"\)/);
    const policeOnly = '@requiresScopes\\(scopes: \\[\\["police:restricted"\\]\\]\\) @policy\\(policies: \\[\\["agency:POLICE"\\]\\]\\)';
    expect(sdl).toMatch(new RegExp(`suspects: \\[Party!\\] ${policeOnly}`));
    expect(sdl).toMatch(new RegExp(`narrative: String ${policeOnly}`));
    expect(sdl).toMatch(new RegExp(`policeIncidentsAsSuspect: \\[PoliceIncident!\\] ${policeOnly}`));
    // Everyone else still sees the incident and its other parties; the person slice is nullable
    // (the rest of the person still comes back when police is down).
    expect(sdl).toMatch(/\n\s+parties: \[Party!\]! @listSize\(assumedSize: 5\)\n/);
    expect(sdl).toMatch(/\n\s+policeIncidents: \[PoliceIncident!\] @listSize\(assumedSize: 20\)\n/);
    // The three police-only fields and the six steps of an incident.
    expect(sdl.match(/@policy\(policies: \[\["agency:POLICE"\]\]\)/g)).toHaveLength(9);
    expect(sdl.match(/@requiresScopes\(scopes: \[\["/g)).toHaveLength(3);
    // The registry's interface fields are grid's, never redefined here.
    const own = sdl.slice(sdl.indexOf('type PoliceIncident implements'));
    expect(own.slice(0, own.indexOf('\n}'))).not.toMatch(/\n\s+(agency|summary|related)[:(]/);
    expect(sdl).toMatch(/type Dispute implements Matter\s+@key\(fields: "caseCode", resolvable: false\)/);
  });

  it('resolves 100 PoliceIncident representations with one query of the incident table', async () => {
    const known = Object.values(INCIDENT);
    const representations = Array.from({ length: 100 }, (_, i) => ({
      __typename: 'PoliceIncident',
      caseCode: known[i % 10] ?? `420923-GA-2026-${String(100 + i).padStart(6, '0')}`,
    }));
    police.statements.length = 0;
    const res = await police.gql(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on PoliceIncident { caseCode incidentNumber status station minutesToArrive parties { role } } } }`,
      { r: representations },
    );
    expect(res.errors).toBeUndefined();
    const entities = res.data?._entities as ({ caseCode: string; incidentNumber: string } | null)[];
    expect(entities).toHaveLength(100);
    expect(entities[0]).toMatchObject({ caseCode: INCIDENT.mediated, incidentNumber: 'J420923202610010001', minutesToArrive: 15 });
    expect(entities[13]).toMatchObject({ caseCode: INCIDENT.received, status: 'RECEIVED' });
    expect(entities[5]).toBeNull();
    expect(police.statements.filter(readsIncidentTable)).toHaveLength(1);
    expect(police.statements.filter((s) => /FROM incident_party/.test(s))).toHaveLength(1);
  });

  it('gives each Person their incidents as reporter, victim or witness in one batch; suspect incidents only in the scoped field', async () => {
    const people = [POLICE_ID.zhang, POLICE_ID.li, POLICE_ID.wife, POLICE_ID.outsider, POLICE_ID.son];
    police.statements.length = 0;
    const res = await police.gql(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { id policeIncidents { caseCode status } policeIncidentsAsSuspect { caseCode } } } }`,
      { r: people.map((p) => ({ __typename: 'Person', id: token(p) })) },
    );
    expect(res.errors).toBeUndefined();
    const codes = (res.data?._entities as { policeIncidents: { caseCode: string }[]; policeIncidentsAsSuspect: { caseCode: string }[] }[]).map((p) => [
      p.policeIncidents.map((i) => i.caseCode),
      p.policeIncidentsAsSuspect.map((i) => i.caseCode),
    ]);
    expect(codes).toEqual([
      // 张伟: newest first; a third party to the Jiang'an accident.
      [[INCIDENT.jiangan, INCIDENT.transferred, INCIDENT.mediated], []],
      // 李强: the victim of the theft; his suspect role in the drain dispute is police-only.
      [[INCIDENT.onScene], [INCIDENT.mediated]],
      [[INCIDENT.received, INCIDENT.mediated], []],
      [[INCIDENT.jiangan], [INCIDENT.onScene]],
      [[], []],
    ]);
    // One statement per slice for all five people, their incidents' rows included: nothing else is read.
    expect(police.statements.filter((s) => /FROM incident_party p/.test(s))).toHaveLength(2);
    expect(police.statements).toHaveLength(2);
  });

  it('returns the centre ticket as a Dispute reference for grid to resolve', async () => {
    const res = await police.gql(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on PoliceIncident { centerTicket { __typename ... on Dispute { caseCode } } } } }`,
      { r: [{ __typename: 'PoliceIncident', caseCode: INCIDENT.transferred }] },
    );
    expect(res.data?._entities).toEqual([{ centerTicket: { __typename: 'Dispute', caseCode: '420923-ZZ-2026-000003' } }]);
  });

  it('answers a query asked again and again (compiled by graphql-jit once it repeats) byte for byte as the first time, errors included', async () => {
    const ask = async (query: string, variables?: Record<string, unknown>) => {
      const res = await police.app.inject({ method: 'POST', url: '/graphql', payload: { query, variables }, headers: { [USER_CONTEXT_HEADER]: await police.contextFor() } });
      return `${res.statusCode} ${res.body}`;
    };
    const asked: [string, Record<string, unknown>?][] = [
      [
        `query($r: [_Any!]!) { _entities(representations: $r) { __typename ... on PoliceIncident { caseCode incidentNumber status receivedAt minutesToArrive officer { name } parties { role name } centerTicket { __typename caseCode } } } }`,
        { r: [...Object.values(INCIDENT), '420923-GA-2026-000099'].map((caseCode) => ({ __typename: 'PoliceIncident', caseCode })) },
      ],
      [`query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { id policeIncidents { caseCode status } } } }`, { r: [{ __typename: 'Person', id: token(POLICE_ID.zhang) }] }],
      [`query($code: ID!) { policeIncident(caseCode: $code) { caseCode centerTicket { __typename caseCode } } }`, { code: INCIDENT.transferred }],
      [`{ policeIncidents(first: 2) { totalCount pageInfo { hasNextPage endCursor } nodes { caseCode title centerTicket { __typename } } } }`],
      [`query($code: ID!) { policeIncident(caseCode: $code) { caseCode } }`, { code: 'not-a-case-code' }],
      [`{ policeIncidents(first: 500) { totalCount } }`],
      [`query($code: ID!) { policeIncident(caseCode: $code) { caseCode } }`, { code: null }],
      [`query($first: Int) { policeIncidents(first: $first) { totalCount } }`, { first: 'many' }],
    ];
    for (const [query, variables] of asked) {
      const first = await ask(query, variables);
      for (let i = 0; i < 3; i++) {
        await new Promise((resolve) => setTimeout(resolve, 5)); // compiled off the request path
        expect(await ask(query, variables)).toBe(first);
      }
    }
  });
});
