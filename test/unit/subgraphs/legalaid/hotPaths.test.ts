// The bench's operations as legal aid answers them (issue 7: their cost
// must not grow with the data): every statement reads through an index.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPersonTokenizer, DEV_FEDERATION_SECRET } from '../../../../subgraphs/shared/identity/personToken.ts';
import { type LegalAidHarness, startLegalAid } from '../../../support/legalaidApp.ts';
import { expectIndexedOnly } from '../../../support/tableScans.ts';
import { testPrincipal } from '../../../support/testPrincipal.ts';
import { ID } from '../../../support/tinyGridWorld.ts';
import { writeTinyLegalAidWorld } from '../../../support/tinyLegalAidWorld.ts';

const wife = createPersonTokenizer(DEV_FEDERATION_SECRET)(ID.wife);

// A list's SQL depends on how many ranges the user's jurisdiction makes.
const USERS = {
  'county and city': testPrincipal('legalaid', { jurisdiction: ['420923', '420900'], scopes: [] }),
  'two towns': testPrincipal('legalaid', { jurisdiction: ['420923100', '420923101'], scopes: [] }),
};

describe('legal aid: the hot paths read through indexes', () => {
  let legalaid: LegalAidHarness;
  beforeAll(async () => {
    legalaid = await startLegalAid({ now: '2026-11-01T09:00:00+08:00', seedWorld: writeTinyLegalAidWorld });
  });
  afterAll(() => legalaid.close());

  for (const [who, user] of Object.entries(USERS)) {
    it(`a person's legal aid, mediation and arbitration cases, as the person view asks for them (${who})`, async () => {
      const data = await expectIndexedOnly(
        legalaid,
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { legalAidCases { caseCode kind status } } } }`,
        { r: [{ __typename: 'Person', id: wife }] },
        user,
      );
      expect(data._entities[0].legalAidCases.length).toBeGreaterThan(1);
    });
  }
});
