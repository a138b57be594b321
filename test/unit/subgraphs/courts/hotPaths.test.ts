// The bench's operations as courts answers them (issue 7: their cost must
// not grow with the data): every statement reads through an index.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../../../subgraphs/courts/app.ts';
import { createPersonTokenizer, DEV_FEDERATION_SECRET } from '../../../../subgraphs/shared/identity/personToken.ts';
import { type SubgraphHarness, startSubgraph } from '../../../support/subgraphApp.ts';
import { expectIndexedOnly } from '../../../support/tableScans.ts';
import { testPrincipal } from '../../../support/testPrincipal.ts';
import { CODES, ID, writeTinyCourtsWorld } from '../../../support/tinyCourtsWorld.ts';

const li = createPersonTokenizer(DEV_FEDERATION_SECRET)(ID.li);

// A list's SQL depends on how many ranges the user's jurisdiction makes.
const USERS = {
  'county and city': testPrincipal('courts', { jurisdiction: ['420923', '420900'], scopes: [] }),
  'two towns': testPrincipal('courts', { jurisdiction: ['420923100', '420923101'], scopes: [] }),
};

describe('courts: the hot paths read through indexes', () => {
  let courts: SubgraphHarness;
  beforeAll(async () => {
    courts = await startSubgraph('courts', build, { now: '2026-11-01T09:00:00+08:00', seedWorld: writeTinyCourtsWorld });
  });
  afterAll(() => courts.close());

  for (const [who, user] of Object.entries(USERS)) {
    it(`a person's court cases, as the person view asks for them (${who})`, async () => {
      const data = await expectIndexedOnly(
        courts,
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { courtCases { caseCode caseNumber procedure } } } }`,
        { r: [{ __typename: 'Person', id: li }] },
        user,
      );
      expect(data._entities[0].courtCases.length).toBeGreaterThan(1);
    });

    it(`a court case as the matter view asks for it: court, hearings, origin (${who})`, async () => {
      const data = await expectIndexedOnly(
        courts,
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on CourtCase {
          caseNumber procedure status causeOfAction claimAmount judge receivedAt filedAt dueAt overdue
          court { code name } hearings { at kind place } origin { __typename caseCode } } } }`,
        { r: [{ __typename: 'CourtCase', caseCode: CODES.judged }] },
        user,
      );
      expect(data._entities[0]).toMatchObject({ origin: { caseCode: CODES.gridTicket }, hearings: [{ kind: 'TRIAL' }] });
    });
  }
});
