import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPersonTokenizer, DEV_FEDERATION_SECRET } from '../../../../subgraphs/shared/identity/personToken.ts';
import { makeIdNumber } from '../../../../subgraphs/shared/identity/idNumber.ts';
import { type PetitionsHarness, startPetitions } from '../../../support/petitionsApp.ts';
import { ID, XF } from '../../../support/tinyPetitionsWorld.ts';
import { register } from './petitionQueries.ts';

const token = createPersonTokenizer(DEV_FEDERATION_SECRET);
const PERSON_SLICES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { id petitions { caseCode } petitionAccusations { caseCode } } } }`;

describe("petitions: an accuser's identity (信访工作条例 art 30)", () => {
  let p: PetitionsHarness;
  beforeAll(async () => {
    p = await startPetitions();
  });
  afterAll(() => p.close());

  it('shows an accusation with a placeholder for the accuser to anyone, and the accuser only through the scoped field', async () => {
    const open = await p.gql(`{ petition(caseCode: "${XF.accusation}") { kind petitionerCount petitioners { role displayName person { id } } respondents { role displayName person { id } } } }`);
    expect(open.data?.petition).toEqual({
      kind: 'ACCUSATION',
      petitionerCount: 1,
      petitioners: [{ role: 'COMPLAINANT', displayName: '控告人（身份保密）', person: null }],
      respondents: [{ role: 'RESPONDENT', displayName: '李强', person: { id: token(ID.li) } }],
    });
    const text = JSON.stringify(open);
    expect(text).not.toContain('刘敏');
    expect(text).not.toContain(token(ID.wife));

    // The gateway lets only holders of petitions:accuser ask for this field.
    const scoped = await p.gql(`{ petition(caseCode: "${XF.accusation}") { accusers { role displayName person { id } } } }`);
    expect(scoped.data?.petition.accusers).toEqual([{ role: 'COMPLAINANT', displayName: '刘敏', person: { id: token(ID.wife) } }]);
  });

  it('marks the accuser fields with @requiresScopes(petitions:accuser) in the SDL, and nothing else of a petition', async () => {
    const sdl: string = (await p.gql(`{ _service { sdl } }`)).data?._service.sdl;
    expect(sdl).toMatch(/accusers: \[Party!\] @requiresScopes\(scopes: \[\["petitions:accuser"\]\]\)/);
    expect(sdl).toMatch(/petitionAccusations: \[Petition!\] @requiresScopes\(scopes: \[\["petitions:accuser"\]\]\)/);
    expect(sdl.match(/: [^\n]* @requiresScopes\(/g)).toHaveLength(2); // on fields: only these two
    expect(sdl).toMatch(/petitioners: \[Party!\]! @listSize\(assumedSize: 5\)\n/);
  });

  it("keeps an accusation out of the accuser's open petition list, and lists it under the scoped field", async () => {
    const res = await p.gql(PERSON_SLICES, {
      r: [ID.wife, ID.li, ID.zhang].map((n) => ({ __typename: 'Person', id: token(n) })),
    });
    expect(res.errors).toBeUndefined();
    expect(res.data?._entities).toEqual([
      { id: token(ID.wife), petitions: [], petitionAccusations: [{ caseCode: XF.accusation }] },
      // The accused sees that there is an accusation (not who made it): newest first.
      { id: token(ID.li), petitions: [{ caseCode: XF.repeat }, { caseCode: XF.accusation }, { caseCode: XF.overdue }], petitionAccusations: [] },
      { id: token(ID.zhang), petitions: [{ caseCode: XF.closed }], petitionAccusations: [] },
    ]);
  });

  it('registers the petitioners of an accusation as complainants and sends the registry no trace of them', async () => {
    const accuser = makeIdNumber('420923', '1975-05-05', 313);
    p.clock.set('2026-11-02T09:00:00+08:00');
    const created = await register(p, {
      kind: 'ACCUSATION',
      channel: 'ONLINE',
      category: 'OTHER',
      subject: '检举村干部优亲厚友',
      title: '检举张湾村低保评定不公',
      petitioners: [{ name: '赵六', idNumber: accuser, phone: '13900001111' }],
      respondents: [{ name: '李强', idNumber: ID.li }],
      respondentUnit: '义堂镇张湾村村民委员会',
      division: '420923101',
    });
    const shown = await p.gql(`{ petition(caseCode: "${created.caseCode}") { petitioners { role displayName } accusers { displayName person { id } } } }`);
    expect(shown.data?.petition).toEqual({
      petitioners: [{ role: 'COMPLAINANT', displayName: '控告人（身份保密）' }],
      accusers: [{ displayName: '赵六', person: { id: token(accuser) } }],
    });
    const [event] = p.outbox(created.caseCode);
    expect(event?.event.parties).toEqual([{ personId: token(ID.li), role: 'RESPONDENT' }]);
    expect(JSON.stringify(event)).not.toContain(token(accuser));
    expect(JSON.stringify(event)).not.toContain('赵六');
  });
});
