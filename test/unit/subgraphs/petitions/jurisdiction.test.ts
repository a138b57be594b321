// Issue 6 item 4, defence in depth in petitions: a petition (by the town it
// arose in) outside the user's jurisdiction is as absent as an unknown one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPrincipal } from '../../../../gateway/security/demoUsers.ts';
import { createPersonTokenizer, DEV_FEDERATION_SECRET } from '../../../../subgraphs/shared/identity/personToken.ts';
import { type PetitionsHarness, startPetitions } from '../../../support/petitionsApp.ts';
import { testPrincipal } from '../../../support/testPrincipal.ts';
import { ID } from '../../../support/tinyGridWorld.ts';
import { XF } from '../../../support/tinyPetitionsWorld.ts';
import { claimInput, REGISTER } from './petitionQueries.ts';

const token = createPersonTokenizer(DEV_FEDERATION_SECRET);
/** 张伟, officer of the county petitions bureau (420923). */
const county = demoPrincipal('petitions');
const town = testPrincipal('petitions', { userId: 'chengguan.xf', name: '城关信访员', jurisdiction: ['420923100'] });
const otherCounty = testPrincipal('petitions', { userId: 'zhijiang.xf', name: '枝江信访员', jurisdiction: ['420583'] });
const nobody = testPrincipal('petitions', { jurisdiction: [] });

const codes = (list: { caseCode: string }[] | null | undefined) => (list ?? []).map((m) => m.caseCode).sort();
const LIST = `query($d: ID) { petitions(filter: { division: $d }, first: 1) { totalCount nodes { caseCode } pageInfo { hasNextPage } } }`;
const SLICES = `query($r: [_Any!]!) { _entities(representations: $r) {
  ... on Person { petitions { caseCode } petitionAccusations { caseCode } }
  ... on Petition { caseCode title } } }`;

describe('petitions: jurisdiction', () => {
  let p: PetitionsHarness;
  beforeAll(async () => {
    p = await startPetitions();
  });
  afterAll(() => p.close());

  it('a user of another county: petitions by code and as entities are null, lists and slices empty, counts zero', async () => {
    const res = await p.gql(`{ petition(caseCode: "${XF.closed}") { caseCode } petitions { totalCount nodes { caseCode } } }`, {}, otherCounty);
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ petition: null, petitions: { totalCount: 0, nodes: [] } });
    const reps = [{ __typename: 'Person', id: token(ID.li) }, { __typename: 'Petition', caseCode: XF.overdue }];
    const entities = await p.gql(SLICES, { r: reps }, otherCounty);
    expect(entities.errors).toBeUndefined();
    expect(entities.data?._entities).toEqual([{ petitions: [], petitionAccusations: [] }, null]);
    const own = await p.gql(SLICES, { r: reps }, county);
    expect(codes(own.data?._entities[0].petitions)).toEqual([XF.overdue, XF.accusation, XF.repeat]);
    expect(own.data?._entities[1]).toMatchObject({ caseCode: XF.overdue });
  });

  it('a town-level user sees only the petitions of their town, and the total counts only those', async () => {
    expect((await p.gql(LIST, { d: '420923' }, county)).data?.petitions.totalCount).toBe(5);
    const res = await p.gql(LIST, { d: '420923' }, town);
    expect(res.data?.petitions).toEqual({ totalCount: 2, nodes: [{ caseCode: XF.diverted }], pageInfo: { hasNextPage: true } });
    expect((await p.gql(LIST, { d: '420923101' }, town)).data?.petitions).toEqual({ totalCount: 0, nodes: [], pageInfo: { hasNextPage: false } });
    expect((await p.gql(`{ petition(caseCode: "${XF.overdue}") { caseCode } }`, {}, town)).data?.petition).toBeNull();
    // 李强's petitions are all in 义堂镇; 刘敏's accusation too.
    const slices = await p.gql(SLICES, { r: [{ __typename: 'Person', id: token(ID.li) }, { __typename: 'Person', id: token(ID.wife) }, { __typename: 'Person', id: token(ID.zhang) }] }, town);
    expect(slices.data?._entities).toEqual([
      { petitions: [], petitionAccusations: [] },
      { petitions: [], petitionAccusations: [] },
      { petitions: [{ caseCode: XF.closed }], petitionAccusations: [] },
    ]);
  });

  it('a step on a petition outside is NOT_FOUND; registering one in a town outside is FORBIDDEN; inside, the actor is recorded by name and id', async () => {
    const forward = await p.gql(`mutation { decidePetition(caseCode: "${XF.overdue}", outcome: SUPPORTED, text: "支持") { status } }`, {}, town);
    expect(forward.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(forward.data).toBeNull();
    const outside = await p.gql(REGISTER, { input: claimInput({ division: '420923101' }), key: 'town-outside' }, town);
    expect(outside.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', argumentName: 'division' });
    // sameFactsAs naming a petition outside is as unknown as a missing one.
    const sameFacts = await p.gql(REGISTER, { input: claimInput({ sameFactsAs: XF.overdue }), key: 'town-same-facts' }, town);
    expect(sameFacts.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const inside = await p.gql(REGISTER, { input: claimInput(), key: 'town-inside' }, town);
    expect(inside.errors).toBeUndefined();
    const steps = await p.gql(`{ petition(caseCode: "${inside.data?.registerPetition.caseCode}") { steps { step actor actorId } } }`, {}, town);
    expect(steps.data?.petition.steps).toEqual([{ step: 'REGISTER', actor: '城关信访员', actorId: 'chengguan.xf' }]);
    expect((await p.gql(LIST, { d: '420923' }, county)).data?.petitions.totalCount).toBe(6);
  });

  it('an empty jurisdiction sees nothing', async () => {
    const res = await p.gql(`{ petition(caseCode: "${XF.closed}") { caseCode } petitions { totalCount } }`, {}, nobody);
    expect(res.data).toEqual({ petition: null, petitions: { totalCount: 0 } });
  });
});
