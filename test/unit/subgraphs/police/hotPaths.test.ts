// The bench's operations as police answers them (issue 7: their cost must
// not grow with the data): every statement reads through an index.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../../../subgraphs/police/app.ts';
import { createPersonTokenizer, DEV_FEDERATION_SECRET } from '../../../../subgraphs/shared/identity/personToken.ts';
import { type SubgraphHarness, startSubgraph } from '../../../support/subgraphApp.ts';
import { expectIndexedOnly } from '../../../support/tableScans.ts';
import { testPrincipal } from '../../../support/testPrincipal.ts';
import { INCIDENT, POLICE_ID, writeTinyPoliceWorld } from '../../../support/tinyPoliceWorld.ts';

const zhang = createPersonTokenizer(DEV_FEDERATION_SECRET)(POLICE_ID.zhang);

// A list's SQL depends on how many ranges the user's jurisdiction makes.
const USERS = {
  'county and city': testPrincipal('police', { jurisdiction: ['420923', '420900'], scopes: [] }),
  'two towns': testPrincipal('police', { jurisdiction: ['420923100', '420923101'], scopes: [] }),
};

describe('police: the hot paths read through indexes', () => {
  let police: SubgraphHarness;
  beforeAll(async () => {
    police = await startSubgraph('police', build, { now: '2026-11-01T09:00:00+08:00', seedWorld: writeTinyPoliceWorld });
  });
  afterAll(() => police.close());

  for (const [who, user] of Object.entries(USERS)) {
    it(`a person's incidents, as the person view asks for them (${who})`, async () => {
      const data = await expectIndexedOnly(
        police,
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { policeIncidents { caseCode incidentNumber status } } } }`,
        { r: [{ __typename: 'Person', id: zhang }] },
        user,
      );
      expect(data._entities[0].policeIncidents.length).toBeGreaterThan(1);
    });

    it(`an incident by case code (${who})`, async () => {
      const data = await expectIndexedOnly(
        police,
        `query($c: ID!) { policeIncident(caseCode: $c) { caseCode incidentNumber status title place station receivedAt } }`,
        { c: INCIDENT.mediated },
        user,
      );
      expect(data.policeIncident.caseCode).toBe(INCIDENT.mediated);
    });
  }
});
