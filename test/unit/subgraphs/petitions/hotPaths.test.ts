// The bench's operations as petitions answers them (issue 7: their cost
// must not grow with the data): every statement reads through an index.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPersonTokenizer, DEV_FEDERATION_SECRET } from '../../../../subgraphs/shared/identity/personToken.ts';
import { type PetitionsHarness, startPetitions } from '../../../support/petitionsApp.ts';
import { expectIndexedOnly } from '../../../support/tableScans.ts';
import { testPrincipal } from '../../../support/testPrincipal.ts';
import { ID } from '../../../support/tinyGridWorld.ts';

const zhang = createPersonTokenizer(DEV_FEDERATION_SECRET)(ID.zhang);

// A list's SQL depends on how many ranges the user's jurisdiction makes.
const USERS = {
  'county and city': testPrincipal('petitions', { jurisdiction: ['420923', '420900'], scopes: [] }),
  'two towns': testPrincipal('petitions', { jurisdiction: ['420923100', '420923101'], scopes: [] }),
};

describe('petitions: the hot paths read through indexes', () => {
  let petitions: PetitionsHarness;
  beforeAll(async () => {
    petitions = await startPetitions();
  });
  afterAll(() => petitions.close());

  for (const [who, user] of Object.entries(USERS)) {
    it(`a person's petitions, as the person view asks for them (${who})`, async () => {
      const data = await expectIndexedOnly(
        petitions,
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { petitions { caseCode title status } } } }`,
        { r: [{ __typename: 'Person', id: zhang }] },
        user,
      );
      expect(data._entities[0].petitions.length).toBeGreaterThan(0);
    });
  }
});
